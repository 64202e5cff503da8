"""Ingest: readers for every input kind and encoding, idempotence, and recovery from SIGKILL."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.io.inputs import Input, Problem, date_in_name, read_inputs
from rasid.model import Article, Event
from rasid.store import SQLiteStore
from rasid.store.ingest import ingest

CORPUS = Path(__file__).parent / "data" / "multireport"
TEXT = "قتل ثلاثة مدنيين فجر الخميس في قصف مدفعي على مدينة حلب.\nوأصيب خمسة آخرون بجروح."


def read_all(paths: list[Path | str], **kw) -> tuple[list[Input], list[Problem]]:
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Input)], [i for i in items if isinstance(i, Problem)]


# --- readers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"], ids=["utf8", "utf8-bom", "utf16", "cp1256"]
)
def test_text_encodings_and_date_in_file_name(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "aleppo-20210729.txt"
    path.write_bytes(TEXT.encode(encoding))
    items, problems = read_all([path])
    assert problems == []
    assert items[0].article.text == TEXT
    assert items[0].article.published == dt.date(2021, 7, 29)
    assert items[0].article.id == "aleppo-20210729"


def test_published_option_wins_and_names_without_dates() -> None:
    assert date_in_name("2021-07-29-aleppo.txt") == dt.date(2021, 7, 29)
    assert date_in_name("report_20210230.txt") is None  # no 30 February
    assert date_in_name("article-12345678.txt") is None


def test_undecodable_files_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_bytes("Ünïcödé façade".encode("latin-1"))
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"text": "نص"}\n{broken\n{"id": 3}\n', encoding="utf-8")
    items, problems = read_all([tmp_path, tmp_path / "missing.txt"])
    assert [i.article.id for i in items] == ["c", items[1].article.id]
    assert items[1].article.text == "نص"
    reasons = {Path(p.origin.split(":")[0]).name: p.message for p in problems}
    assert "binary" in reasons["a.txt"]
    assert "cannot decode" in reasons["b.txt"]
    assert "missing.txt" in reasons
    assert sum(p.origin.startswith(str(tmp_path / "d.jsonl")) for p in problems) == 2


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    html = f"""<html><head><title>قصف على حلب</title>
    <meta property="article:published_time" content="2021-07-29T08:00:00+03:00">
    <meta property="og:site_name" content="وكالة الشرق"></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/x">اقتصاد</a></nav>
    <article><h1>قصف على حلب</h1>{"".join(f"<p>{line}</p>" for line in TEXT.splitlines())}</article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    items, problems = read_all([path])
    assert problems == []
    art = items[0].article
    assert "قتل ثلاثة مدنيين" in art.text and "الرئيسية" not in art.text and "الحقوق" not in art.text
    assert art.title == "قصف على حلب"
    assert art.published == dt.date(2021, 7, 29)
    assert art.source == "وكالة الشرق"


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>صحيفة المساء</title>
    <item><title>قصف على حلب</title><link>https://example.org/1</link><guid>n-1</guid>
    <pubDate>Thu, 29 Jul 2021 06:00:00 +0000</pubDate>
    <description><![CDATA[<p>{TEXT.splitlines()[0]}</p><p>{TEXT.splitlines()[1]}</p>]]></description></item>
    <item><title>بلا نص</title><link>https://example.org/2</link></item>
    </channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>شبكة الأخبار</title>
    <entry><id>urn:a:1</id><title>خبر</title><updated>2021-07-30T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{TEXT.splitlines()[0]}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "feed.xml").write_text(rss, encoding="utf-8")
    (tmp_path / "feed.atom").write_text(atom, encoding="utf-8")
    items, problems = read_all([tmp_path / "feed.xml", tmp_path / "feed.atom"])
    first, second = (i.article for i in items)
    assert first.text == TEXT and first.id == "n-1" and first.source == "صحيفة المساء"
    assert first.published == dt.date(2021, 7, 29) and first.url == "https://example.org/1"
    assert second.text == TEXT.splitlines()[0] and second.published == dt.date(2021, 7, 30)
    assert len(problems) == 1 and "no text" in problems[0].message


# --- ingest ---------------------------------------------------------------------------------


def test_ingest_twice_leaves_identical_contents(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    first = ingest(read_inputs([str(CORPUS)]), store, input_events=True)
    before = store.snapshot()
    second = ingest(read_inputs([str(CORPUS)]), store, input_events=True)
    assert (first.new, first.duplicates, first.events, first.merged) == (12, 1, 13, 4)
    assert (second.new, second.duplicates, second.events) == (0, 13, 0)
    assert store.snapshot() == before
    store.close()


def test_injected_extractor_and_extraction_failures(tmp_path: Path) -> None:
    def extractor(article: Article) -> list[Event]:
        if "boom" in article.text:
            raise ValueError("stage crashed")
        return [Event("Protests", "Peaceful protest", date=article.published)]

    inputs = [
        Input(Article("x1", "تظاهرة في حمص", dt.date(2021, 1, 1)), "t"),
        Input(Article("x2", "boom", dt.date(2021, 1, 1)), "t"),
    ]
    store = SQLiteStore(tmp_path / "x.db")
    summary = ingest(inputs, store, extractor)
    assert (summary.new, summary.events) == (1, 1)
    assert "stage crashed" in summary.errors[0].message
    # A failed article is not stored, so the next run tries it again.
    assert not store.content_known(__import__("rasid.store", fromlist=["x"]).content_hash("boom"))
    store.close()


def test_same_id_other_text_keeps_both(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "x.db")
    ingest(
        [Input(Article("same", "نص أول"), "t"), Input(Article("same", "نص ثان"), "t")], store, lambda a: []
    )
    ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
    assert ids[0] == "same" and ids[1].startswith("same-") and len(ids) == 2
    store.close()


KILL_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from rasid.io.inputs import read_inputs
    from rasid.model import Event
    from rasid.store import SQLiteStore
    from rasid.store.ingest import ingest

    corpus, db, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
    gold = {}
    for line in open(corpus, encoding="utf-8"):
        obj = json.loads(line)
        gold[obj["id"]] = obj["events"]

    def extract(article):
        time.sleep(delay)
        return [Event.from_dict(e) for e in gold[article.id]]

    ingest(read_inputs([corpus]), SQLiteStore(db), extract, batch_size=10)
    """
)


def shifted_corpus(path: Path, copies: int) -> None:
    """Copies of the corpus, each with unique text and its incidents moved 10 days further on."""
    lines = (CORPUS / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as f:
        for n in range(copies):
            for line in lines:
                obj = json.loads(line)
                obj["id"] = f"{obj['id']}-{n}"
                obj["text"] += f"\nنسخة {n}."
                for e in obj["events"]:
                    e["date"] = (dt.date.fromisoformat(e["date"]) + dt.timedelta(days=10 * n)).isoformat()
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def run_ingest(corpus: Path, db: Path, delay: float) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    return subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(corpus), str(db), str(delay)], env=env)


def test_sigkill_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    shifted_corpus(corpus, 12)  # 144 articles
    killed_db = tmp_path / "killed.db"
    proc = run_ingest(corpus, killed_db, 0.02)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(killed_db, timeout=1) as db:
                stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 30:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(killed_db) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        # Whole batches only: every stored article has all its events.
        assert stored % 10 == 0 and 0 < stored < 144
        assert (
            db.execute(
                "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sources)"
            ).fetchone()[0]
            == 0
        )

    assert run_ingest(corpus, killed_db, 0).wait() == 0
    clean_db = tmp_path / "clean.db"
    assert run_ingest(corpus, clean_db, 0).wait() == 0
    killed, clean = SQLiteStore(killed_db), SQLiteStore(clean_db)
    assert killed.counts()["articles"] == 144
    assert killed.snapshot() == clean.snapshot()
    killed.close()
    clean.close()


# --- CLI ------------------------------------------------------------------------------------


def test_cli_ingest_summary_and_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    db = tmp_path / "c.db"
    runner = CliRunner()
    result = runner.invoke(
        app, ["ingest", str(CORPUS), str(tmp_path / "bad.txt"), "--db", str(db), "--input-events"]
    )
    assert result.exit_code == 0, result.output
    assert "read 13 · new 12 · duplicates 1 · events 13" in result.output
    assert "errors 1" in result.output and "9 incidents (3 with several sources)" in result.output
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--published", "29/07/2021"])
    assert result.exit_code == 1 and "invalid --published date" in result.output


def test_the_default_pipeline_extracts_in_batches_and_one_failure_stays_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasid.pipeline import default_pipeline
    from rasid.time.stage import TimeStage

    texts = [
        "قصفت طائرات حربية مدينة الرقة أمس.",
        "قتل ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة كركوك أمس. boom",
        "تظاهر المئات في مدينة البصرة أمس احتجاجا على انقطاع الكهرباء.",
        "افتتح وزير التعليم معرضا للكتاب في مدينة جدة.",
        "اندلعت اشتباكات بين الجيش ومسلحين في مدينة العريش أمس.",
    ]
    inputs = [Input(Article(f"a{i}", t, dt.date(2021, 3, 2)), "t") for i, t in enumerate(texts)]
    real = TimeStage.__call__

    def crash_on_boom(self, doc):  # a stage that fails on one article
        if "boom" in doc.text:
            raise ValueError("stage crashed")
        return real(self, doc)

    monkeypatch.setattr(TimeStage, "__call__", crash_on_boom)
    batched, single = SQLiteStore(tmp_path / "b.db"), SQLiteStore(tmp_path / "s.db")
    summary = ingest(inputs, batched, batch_size=3)
    assert summary.new == 4 and [e.message for e in summary.errors] == [
        "extraction failed (ValueError: stage crashed)"
    ]
    ingest(inputs, single, default_pipeline().extract, batch_size=3)
    for store in (batched, single):
        assert [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")] == [
            "a0",
            "a2",
            "a3",
            "a4",
        ]
    assert batched.counts() == single.counts() and batched.counts()["events"] == 3
    batched.close()
    single.close()
