"""The SQLite store: migrations, WAL, full-text search over Arabic, human corrections that stick."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rasid.errors import RasidError
from rasid.io.inputs import read_inputs
from rasid.store import SQLiteStore, Store, content_hash, open_store
from rasid.store.ingest import ingest
from rasid.store.migrations import MIGRATIONS

CORPUS = Path(__file__).parent / "data" / "multireport"


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "s.db")
    ingest(read_inputs([str(CORPUS)]), s, input_events=True)
    yield s
    s.close()


def source_incident(store: SQLiteStore, source_id: str) -> str:
    return store.db.execute("SELECT event_id FROM sources WHERE id = ?", (source_id,)).fetchone()[0]


def test_schema_version_wal_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    s = SQLiteStore(path)
    assert s.version == len(MIGRATIONS)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()
    s = open_store(path)  # migrations are not re-run
    assert isinstance(s, Store)
    assert s.counts()["articles"] == 0
    s.close()


def test_newer_or_foreign_database_is_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RasidError, match="newer rasid"):
        SQLiteStore(newer)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(RasidError, match="not a usable rasid database"):
        SQLiteStore(junk)
    with pytest.raises(RasidError, match="PostgreSQL"):
        open_store("postgresql://localhost/rasid")


def test_content_hash_ignores_tashkeel_and_spacing() -> None:
    assert content_hash("قُتِلَ ثلاثة  مدنيين") == content_hash("قتل ثلاثة مدنيين")
    assert content_hash("قتل ثلاثة مدنيين") != content_hash("قتل أربعة مدنيين")


def test_full_text_search_matches_across_diacritics_and_alef_forms(store: SQLiteStore) -> None:
    # 'إدلب' is stored with hamza-below; the query has none, and tashkeel on another word.
    assert {a for a, _ in store.search("ادلب")} == {"a4", "a10"}
    assert [a for a, _ in store.search("مُسَيَّرة")] == ["a3"]
    assert store.search("كلمةغيرموجودة") == []
    assert store.search('"') == []  # FTS syntax characters are quoted, never an error


def test_human_correction_is_audited_and_survives_machine_updates(store: SQLiteStore) -> None:
    event_id = source_incident(store, "a1#0")
    store.correct(event_id, "fatalities", 4, who="analyst@example.org")
    row = store.incident(event_id).row
    assert row["fatalities"] == 4 and row["locked"] == {"fatalities": 4}
    audit = store.db.execute("SELECT who, field, old, new FROM audit").fetchall()
    assert [tuple(r) for r in audit] == [("analyst@example.org", "fatalities", "3", "4")]

    # The machine re-extracts one of the articles: the incident is recomputed, the human value stays.
    items = [i for i in read_inputs([str(CORPUS / "reports.jsonl")]) if i.article.id == "a2"]
    items[0].events[0].fatalities = 1
    summary = ingest(items, store, input_events=True, reextract=True)
    assert summary.reextracted == 1
    row = store.incident(event_id).row
    assert row["fatalities"] == 4  # locked
    assert row["fatalities_max"] == 4  # not locked: recomputed from 3, 1 and 4
    assert row["n_sources"] == 3

    with pytest.raises(RasidError, match="cannot be corrected"):
        store.correct(event_id, "id", "x", who="analyst")


def test_reextraction_that_drops_an_event_removes_its_lone_incident(store: SQLiteStore) -> None:
    lone = source_incident(store, "a8#1")
    items = [i for i in read_inputs([str(CORPUS / "reports.jsonl")]) if i.article.id == "a8"]
    items[0].events = items[0].events[:1]
    ingest(items, store, input_events=True, reextract=True)
    with pytest.raises(RasidError, match="no event"):
        store.incident(lone)
    assert store.incident(source_incident(store, "a8#0")).row["n_sources"] == 2


def test_failed_batch_rolls_back_entirely(store: SQLiteStore) -> None:
    from rasid.model import Article, Event
    from rasid.store import Item

    before = store.snapshot()
    bad = Event("Battles", "Armed clash")
    bad.evidence = object()  # type: ignore[assignment]  # makes the source insert fail mid-batch
    items = [Item(Article("n1", "خبر جديد أول"), []), Item(Article("n2", "خبر جديد ثان"), [bad])]
    with pytest.raises(AttributeError):
        store.add_batch(items)
    assert store.snapshot() == before
