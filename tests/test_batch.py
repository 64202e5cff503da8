"""Batch extraction on a 2-worker LocalCluster: equality with the in-process pipeline, failures,
resume after an interruption, a dying worker, Parquet input with column mapping, store loading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from rasid.batch import load_into_store, parse_published, read_batch_output, read_events, run_batch
from rasid.batch.schema import EVENT_SCHEMA, event_to_row, row_to_event
from rasid.cli import app
from rasid.errors import RasidError
from rasid.io.inputs import Input, Problem
from rasid.model import Article, Event
from rasid.pipeline import STAGES, Pipeline

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles.jsonl"
STAGE_MODULE = "rasid_batch_test_stages"
TEST_STAGES = (*STAGES, f"{STAGE_MODULE}:PoisonStage", f"{STAGE_MODULE}:KillOnceStage")
COPIES = 15  # 14 examples x 15 = 210 articles
SIZE = 40

# Stages that add no layer: one raises on a marker, one kills its worker process once.
STAGE_SOURCE = textwrap.dedent(
    """
    import os

    class PoisonStage:
        def __call__(self, doc):
            if "POISON" in doc.text:
                raise ValueError("poisoned article")
            return doc

    class KillOnceStage:
        def __call__(self, doc):
            if "KILLWORKER:" in doc.text:
                flag = doc.text.split("KILLWORKER:", 1)[1].split()[0]
                if not os.path.exists(flag):
                    open(flag, "w").close()
                    os._exit(1)
            return doc
    """
)


def examples() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def copies(n: int) -> list[dict]:
    """The examples n times with new ids and publication dates shifted by the copy number."""
    rows = []
    for copy in range(n):
        for ex in examples():
            published = dt.date.fromisoformat(ex["published"]) + dt.timedelta(days=copy)
            rows.append({**ex, "id": f"{ex['id']}-{copy:03d}", "published": published.isoformat()})
    return rows


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join([*lines[:7], *extra_lines, *lines[7:]]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    from distributed import Client, LocalCluster

    stage_dir = tmp_path_factory.mktemp("stages")
    (stage_dir / f"{STAGE_MODULE}.py").write_text(STAGE_SOURCE, encoding="utf-8")
    sys.path.insert(0, str(stage_dir))
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(stage_dir), old) if p)
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    dask_client = Client(cluster)
    yield dask_client
    dask_client.close()
    cluster.close()
    sys.path.remove(str(stage_dir))
    if old is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = old


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    rows = copies(COPIES)
    rows[100]["text"] += " POISON"
    poisoned = rows[100]["id"]
    rows[100]["id"] = poisoned + "-poison"
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    # One malformed line and one record without text: read failures of the first partition.
    write_jsonl(path, rows, ('{"id": "broken", "text": ', '{"id": "no-text", "title": "عنوان"}'))
    return path, rows


@pytest.fixture(scope="module")
def expected(corpus: tuple[Path, list[dict]]) -> list[Event]:
    """The in-process pipeline's events of every good article, in input order."""
    pipeline = Pipeline(STAGES)
    events = []
    for row in corpus[1]:
        if "POISON" in row["text"]:
            continue
        article = Article.from_dict(row)
        for e in pipeline.extract(article):
            e.article_id = article.id
            events.append(e)
    return events


@pytest.fixture(scope="module")
def full_run(client, corpus, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("full")
    summary = run_batch([str(corpus[0])], out, partition_size=SIZE, client=client, stages=TEST_STAGES)
    return out, summary


def test_batch_events_equal_in_process_events(full_run, expected: list[Event]) -> None:
    out, summary = full_run
    assert len(expected) > 100
    assert list(read_events(out)) == expected
    n_records = 14 * COPIES + 2
    assert summary.partitions_total == summary.partitions_run == -(-n_records // SIZE)
    assert summary.failed_partitions == []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    assert manifest["counts"]["articles"] == 14 * COPIES
    assert manifest["counts"]["events"] == len(expected)
    assert manifest["inputs"][0]["records"] == n_records
    assert manifest["versions"]["rasid"] and manifest["versions"]["resources"]
    assert len(manifest["peak_rss_mb"]) >= 1
    # One Parquet file per partition, all with the ACLED-shaped schema.
    files = sorted((out / "events").glob("*.parquet"))
    assert len(files) == summary.partitions_total
    assert pq.read_schema(files[0]).equals(EVENT_SCHEMA)
    first = pq.read_table(files[0]).to_pylist()[0]
    for column in ("event_date", "latitude", "inter1", "interaction", "evidence_start", "article_id"):
        assert column in first


def test_failures_are_recorded_without_failing_partitions(full_run, corpus) -> None:
    out, summary = full_run
    failures = [
        json.loads(line) for line in (out / "failures.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_id = {f["article_id"]: f for f in failures}
    assert set(by_id) == {corpus[1][100]["id"], "no-text", None}  # None: the malformed line
    poisoned = by_id[corpus[1][100]["id"]]
    assert poisoned["stage"] == "pipeline" and poisoned["error"] == "ValueError: poisoned article"
    assert f"{STAGE_MODULE}.py:" in poisoned["where"]
    read = sorted(f["error"] for f in failures if f["stage"] == "read")
    assert len(read) == 2 and "no 'text' string" in read
    assert summary.failures == 3
    # The poisoned article's partition is complete: its neighbours have their events.
    assert all(is_marker(out, f["partition"]) for f in failures)


def is_marker(out: Path, pid: str) -> bool:
    return (out / "done" / f"{pid}.json").is_file()


def test_resume_after_interruption_and_lost_outputs(client, corpus, expected, tmp_path: Path) -> None:
    def stop_after_two(progress) -> None:
        if progress.partitions_done >= 2:
            raise KeyboardInterrupt

    kwargs = {"partition_size": SIZE, "client": client, "stages": TEST_STAGES}
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus[0])], tmp_path, on_progress=stop_after_two, **kwargs)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "interrupted"
    done = sorted(p.stem for p in (tmp_path / "done").glob("*.json"))
    total = manifest["counts"]["partitions"]
    assert 2 <= len(done) < total
    assert not list(tmp_path.rglob("*.tmp"))
    # A lost Parquet file makes its partition run again.
    (tmp_path / "events" / f"{done[0]}.parquet").unlink()
    summary = run_batch([str(corpus[0])], tmp_path, **kwargs)
    assert summary.partitions_skipped == len(done) - 1
    assert summary.partitions_run == total - len(done) + 1
    assert list(read_events(tmp_path)) == expected
    # Nothing left to do: no cluster work at all.
    again = run_batch([str(corpus[0])], tmp_path, **kwargs)
    assert (again.partitions_run, again.partitions_skipped) == (0, total)
    # Other settings would mix partitionings: refused.
    with pytest.raises(RasidError, match="partition_size"):
        run_batch([str(corpus[0])], tmp_path, partition_size=SIZE + 1, client=client, stages=TEST_STAGES)


def test_a_dying_worker_has_its_partition_retried(client, tmp_path: Path) -> None:
    flag = tmp_path / "killed-once"
    rows = copies(2)
    rows[5]["text"] += f" KILLWORKER:{flag} "
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    summary = run_batch([str(path)], tmp_path / "out", partition_size=7, client=client, stages=TEST_STAGES)
    assert flag.exists()  # a worker process did die on that article
    assert summary.failed_partitions == [] and summary.failures == 0
    assert summary.partitions_run == 4 and summary.articles == 28
    assert rows[5]["id"] in {e.article_id for e in read_events(tmp_path / "out")}


def test_parquet_and_ant_style_inputs_with_column_mapping(client, tmp_path: Path) -> None:
    ex = examples()[:4]
    # SaudiNewsNet-like Parquet: content, date_extracted, url.
    snn = [
        {"url": f"http://x/{e['id']}", "content": e["text"], "date_extracted": f"{e['published']} 02:51:32"}
        for e in ex
    ]
    pq.write_table(pa.Table.from_pylist(snn), tmp_path / "snn.parquet")
    # ANT-like JSONL: text, time (RFC-822), docno.
    ant = [
        {"docno": f"AL-{e['id']}", "text": e["text"], "time": "Mon, 19 Feb 2018 00:16:11 +0400"} for e in ex
    ]
    write_jsonl(tmp_path / "ant.jsonl", ant)
    common = {"partition_size": 3, "client": client, "stages": TEST_STAGES}
    run_batch(
        [str(tmp_path / "snn.parquet")],
        tmp_path / "o1",
        columns={"text": "content", "published": "date_extracted", "id": "url"},
        **common,
    )
    run_batch(
        [str(tmp_path / "ant.jsonl")], tmp_path / "o2", columns={"published": "time", "id": "docno"}, **common
    )
    got = {i.article.id: i.article.published for o in ("o1", "o2") for i in read_batch_output(tmp_path / o)}
    assert got[f"http://x/{ex[1]['id']}"] == dt.date.fromisoformat(ex[1]["published"])
    assert got[f"AL-{ex[2]['id']}"] == dt.date(2018, 2, 19)
    assert len(got) == 8


def test_parse_published() -> None:
    assert parse_published("2015-07-21 02:51:32") == dt.date(2015, 7, 21)
    assert parse_published("Sun, 18 Feb 2018 23:16:11 -0500") == dt.date(2018, 2, 18)  # as written
    assert parse_published(dt.datetime(2020, 1, 2, 3, 4)) == dt.date(2020, 1, 2)
    assert parse_published("") is None
    with pytest.raises(ValueError):
        parse_published("yesterday")


def test_event_rows_round_trip_every_field() -> None:
    from rasid.model import Actor, Location, Span

    event = Event(
        "Battles",
        "Armed clash",
        dt.date(2024, 6, 1),
        1,
        Location("Taiz", "تعز", "YE", "Taiz", 13.57, 44.02, 1, 70225),
        Actor("Houthis", "الحوثيين", 2),
        Actor("Military Forces of Yemen", None, 1),
        "firearm",
        3,
        None,
        False,
        True,
        "note",
        Span(0, 5, "اندلع"),
        {"date": Span(6, 10, "مساء")},
        0.8,
        "a1",
    )
    table = pa.Table.from_pylist([event_to_row(event, "p", 0, "src")], schema=EVENT_SCHEMA)
    back = row_to_event(table.to_pylist()[0])
    assert back == event and dataclasses.asdict(back) == dataclasses.asdict(event)


def test_load_into_store_merges_and_skips_failures(full_run, corpus, tmp_path: Path) -> None:
    out, _ = full_run
    items = list(read_batch_output(out))
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(problems) == 1 and "failures.jsonl" in problems[0].message
    assert sum(isinstance(i, Input) for i in items) == 14 * COPIES - 1
    db = str(tmp_path / "r.db")
    summary, counts = load_into_store(out, db)
    # The store keeps one article per distinct text: the 14 examples (copies differ only by date).
    assert (summary.read, summary.new, summary.duplicates) == (14 * COPIES - 1, 14, 14 * COPIES - 15)
    assert summary.events >= 13 and len(summary.errors) == 1
    assert counts["articles"] == 14 and 0 < counts["events"] <= summary.events
    again, _ = load_into_store(out, db)
    assert again.new == 0 and again.events == 0


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 1 and "no such file" in missing.output
    path = write_jsonl(tmp_path / "in.jsonl", [{"content": "نص"}])
    wrong = runner.invoke(app, ["batch", str(path), "--out", str(tmp_path / "o")])
    assert wrong.exit_code == 1 and "use --text-field" in wrong.output and "Traceback" not in wrong.output
    both = runner.invoke(
        app, ["batch", str(path), "--out", "o", "--workers", "2", "--scheduler", "tcp://x:1"]
    )
    assert both.exit_code == 1 and "not both" in both.output
    empty = runner.invoke(app, ["batch", "--out", str(tmp_path / "fresh")])
    assert empty.exit_code == 1 and "no input files" in empty.output


def test_cli_batch_then_store(tmp_path: Path) -> None:
    rows = copies(1)
    rows[3]["id"] = rows[4]["id"]  # a repeated id keeps each article's own events
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    out, db = tmp_path / "out", tmp_path / "r.db"
    args = ["batch", str(path), "--out", str(out), "--workers", "1", "--partition-size", "5", "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 partition(s) run, 0 already done" in result.output
    assert "14 new article(s)" in result.output
    items = [i for i in read_batch_output(out) if isinstance(i, Input)]
    assert [i.article.id for i in items] == [r["id"] for r in rows]
    assert all(e.article_id == i.article.id for i in items for e in i.events)
    # No inputs: resume with the recorded settings; nothing left to run, nothing new to store.
    again = CliRunner().invoke(app, ["batch", "--out", str(out), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "0 partition(s) run, 3 already done" in again.output and "0 new article(s)" in again.output
