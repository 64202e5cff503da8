"""Exports (ACLED CSV, GeoJSON, JSONL) and the show/export/split/merge commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.errors import RasidError
from rasid.io.inputs import read_inputs
from rasid.store import Filters, SQLiteStore
from rasid.store.export import ACLED_COLUMNS, EXTRA_COLUMNS, atomic_output, write_export
from rasid.store.ingest import ingest

CORPUS = Path(__file__).parent / "data" / "multireport"
ACLED_SAMPLE = Path("/work/shared/data/events/acled_reference/acled_sample_records.csv")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "e.db"
    store = SQLiteStore(path)
    ingest(read_inputs([str(CORPUS)]), store, input_events=True)
    store.close()
    return path


def export(db: Path, fmt: str, **filters) -> str:
    store = SQLiteStore(db)
    buf = io.StringIO()
    write_export(store.incident_rows(Filters(**filters)), fmt, buf)
    store.close()
    return buf.getvalue()


def test_acled_csv_columns_and_the_merged_incident(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db, "acled-csv"))))
    header = list(rows[0])
    assert header == [*ACLED_COLUMNS, *EXTRA_COLUMNS]
    if ACLED_SAMPLE.exists():  # the reference file is outside the repo
        with ACLED_SAMPLE.open(encoding="utf-8") as f:
            assert header[: len(ACLED_COLUMNS)] == next(csv.reader(f))
    assert len(rows) == 9
    aleppo = next(r for r in rows if r["sources_count"] == "3")
    assert aleppo["event_date"] == "2021-07-29" and aleppo["country"] == "Syria" and aleppo["iso"] == "760"
    assert aleppo["fatalities"] == "3" and aleppo["fatalities_max"] == "5"
    assert aleppo["interaction"] == "17" and aleppo["civilian_targeting"] == "Civilian targeting"
    assert aleppo["source"] == "وكالة الشرق; صحيفة المساء; شبكة الأخبار"
    assert aleppo["article_ids"] == "a1; a2; a3"
    assert "قتل ثلاثة مدنيين فجر الخميس" in aleppo["evidence"]
    assert aleppo["event_id_cnty"] == "SYR" + aleppo["rasid_event_id"]
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["disorder_type"] == "Demonstrations" and protest["fatalities"] == "0"


def test_filters(db: Path) -> None:
    def ids(**f) -> list[str]:
        return [json.loads(line)["id"] for line in export(db, "jsonl", **f).splitlines()]

    assert len(ids(country="IQ")) == 2
    assert len(ids(event_type="Battles")) == 2
    assert len(ids(event_type="arrests")) == 1
    import datetime as dt

    assert len(ids(since=dt.date(2021, 8, 3), until=dt.date(2021, 8, 4))) == 1


def test_geojson_and_jsonl(db: Path) -> None:
    fc = json.loads(export(db, "geojson"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 9
    iraq = [f for f in fc["features"] if f["properties"]["location"]["country"] == "IQ"]
    baghdad = next(f for f in iraq if len(f["properties"]["sources"]) == 2)
    assert baghdad["geometry"] == {"type": "Point", "coordinates": [44.4009, 33.3406]}
    assert baghdad["properties"]["fatalities"] == 2 and baghdad["properties"]["fatalities_max"] == 3
    line = json.loads(export(db, "jsonl", country="SY", event_type="Protests"))
    assert line["actor1"] == {"name": "Protesters (Syria)", "name_ar": "محتجون", "inter": 6}
    assert line["sources"][0]["evidence"].startswith("تظاهر عشرات الطلاب")


def test_atomic_output_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(str(target)) as f:
        f.write("half of the new")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with (
        pytest.raises(RasidError, match="no such directory"),
        atomic_output(str(tmp_path / "nope" / "x.csv")),
    ):
        pass


def test_cli_export_show_split_merge(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "events.geojson"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "9 incident(s)" in result.output and json.loads(out.read_text(encoding="utf-8"))["features"]

    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert result.exit_code == 1 and "unknown --format" in result.output
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output

    store = SQLiteStore(db)
    event_id = store.db.execute("SELECT event_id FROM sources WHERE id = 'a7#0'").fetchone()[0]
    store.close()
    result = runner.invoke(app, ["show", event_id, "--db", str(db), "--no-bidi"])
    assert result.exit_code == 0, result.output
    assert "killed 2 (2-3)" in result.output and "2 source(s)" in result.output
    assert "وكالة الرافدين" in result.output and "راديو دجلة" in result.output
    assert "بانفجار عبوة ناسفة في منطقة الكرادة" in result.output

    result = runner.invoke(app, ["split", event_id, "--source", "a8", "--db", str(db)])
    assert result.exit_code == 0, result.output
    new_id = result.output.strip().rsplit(" ", 1)[-1]
    result = runner.invoke(app, ["merge", event_id, new_id, "--db", str(db)])
    assert result.exit_code == 0 and f"merged into {event_id}" in result.output
    result = runner.invoke(app, ["show", "Enope", "--db", str(db)])
    assert result.exit_code == 1 and "no event 'Enope'" in result.output
