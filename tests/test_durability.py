"""Durability: `rasid ingest` and `rasid serve` killed (SIGKILL) in the middle of writes.

After each kill the database passes `PRAGMA integrity_check`, holds no partial article (each
stored article has all its sources, each incident its sources), and running the same work again
finishes with no duplicate and the same contents as one clean run. Corrections made through the
API survive the kill and any re-ingest. (tests/test_ingest.py kills an in-process ingest once;
these kill the real commands, several times, and the server.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from rasid.model import Article, Event, Location, Span
from rasid.pipeline import default_pipeline
from rasid.store import SQLiteStore
from rasid.store.tokens import create_token

RASID = [sys.executable, "-m", "rasid.cli"]
PLACES = [
    ("الموصل", "Mosul", 36.34, 43.13),
    ("تلعفر", "Telafar", 36.38, 42.45),
    ("سنجار", "Sinjar", 36.32, 41.88),
    ("كركوك", "Kirkuk", 35.47, 44.39),
    ("تكريت", "Tikrit", 34.6, 43.68),
]
COUNTS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة"]


# --- checks -----------------------------------------------------------------------------------


def check_database(db: Path, expected_sources: dict[str, int] | None = None) -> int:
    """Integrity and consistency of a database after a crash; returns the number of articles."""
    with sqlite3.connect(db, timeout=30) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert con.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
        # No duplicate: one row per text.
        assert con.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == articles
        # Each article's sources are numbered 0..n-1 (none missing), each points to an incident.
        for article_id, n, low, high in con.execute(
            "SELECT article_id, count(*), min(idx), max(idx) FROM sources GROUP BY article_id"
        ):
            assert (low, high) == (0, n - 1), article_id
        assert (
            con.execute(
                "SELECT count(*) FROM sources WHERE event_id NOT IN (SELECT id FROM events)"
            ).fetchone()[0]
            == 0
        )
        # Each incident has its sources, and knows how many.
        bad = con.execute(
            "SELECT e.id FROM events e LEFT JOIN sources s ON s.event_id = e.id"
            " GROUP BY e.id HAVING count(s.id) = 0 OR count(s.id) != e.n_sources"
        ).fetchall()
        assert bad == []
        if expected_sources is not None:
            stored = dict(con.execute("SELECT id, 0 FROM articles").fetchall())
            stored |= dict(con.execute("SELECT article_id, count(*) FROM sources GROUP BY article_id"))
            for article_id, n in stored.items():
                assert n == expected_sources[article_id], (article_id, n)
    return int(articles)


def snapshot(db: Path, drop: tuple[str, ...] = ()) -> dict:
    store = SQLiteStore(db)
    try:
        snap = store.snapshot()
    finally:
        store.close()
    for table in drop:
        snap.pop(table)
    return snap


# --- rasid ingest, killed --------------------------------------------------------------------


def write_corpus(path: Path, n: int) -> dict[str, int]:
    """n articles whose JSON carries events (some reports of one incident); id -> event count."""
    expected = {}
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            ar, en, lat, lon = PLACES[i % len(PLACES)]
            text = f"قتل {COUNTS[i % 5]} مدنيين بقصف صاروخي على {ar} فجر اليوم. تقرير رقم {i}."
            events = []
            for k in range(1 + i % 2):
                date = dt.date(2021, 1, 1) + dt.timedelta(days=(i // 4) * 3 + k)
                event = Event(
                    "Explosions/Remote violence",
                    "Shelling/artillery/missile attack",
                    date=date,
                    time_precision=1,
                    location=Location(en, ar, "IQ", None, lat, lon, 1),
                    fatalities=3 + i % 5,
                    evidence=Span.of(text, 0, text.index(".") + 1),
                )
                events.append(event.to_dict())
            obj = {"id": f"a{i}", "published": "2021-06-01", "source": f"وكالة {i % 3}", "text": text}
            f.write(json.dumps(obj | {"events": events}, ensure_ascii=False) + "\n")
            expected[f"a{i}"] = len(events)
    return expected


def ingest_command(corpus: Path, db: Path, batch: int) -> list[str]:
    return [*RASID, "ingest", str(corpus), "--db", str(db), "--input-events", "--batch-size", str(batch)]


def stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


def test_cli_ingest_killed_at_random_points_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    n, batch = 600, 7
    corpus = tmp_path / "corpus.jsonl"
    expected = write_corpus(corpus, n)
    killed_db = tmp_path / "killed.db"
    rng = random.Random(20240507)
    kills = 0
    for _ in range(4):
        before = stored_articles(killed_db)
        target = before + rng.randint(1, 4) * batch
        proc = subprocess.Popen(
            ingest_command(corpus, killed_db, batch), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline and stored_articles(killed_db) < target:
            time.sleep(0.002)
        time.sleep(rng.random() * 0.02)  # land anywhere in the next batch's writes
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        stored = check_database(killed_db, expected)
        assert stored % batch == 0 or stored == n  # whole batches only
        assert stored >= before
    assert kills >= 2, "the ingest finished before it could be killed"
    assert stored_articles(killed_db) < n
    # Run it again to the end, and once cleanly into a new database.
    assert subprocess.run(ingest_command(corpus, killed_db, batch), capture_output=True).returncode == 0
    clean_db = tmp_path / "clean.db"
    assert subprocess.run(ingest_command(corpus, clean_db, batch), capture_output=True).returncode == 0
    assert check_database(killed_db, expected) == n
    assert snapshot(killed_db) == snapshot(clean_db)
    # And once more: nothing new, nothing duplicated.
    again = subprocess.run(ingest_command(corpus, killed_db, batch), capture_output=True, text=True)
    assert again.returncode == 0 and f"new 0 · duplicates {n}" in again.stdout
    assert snapshot(killed_db) == snapshot(clean_db)


# --- rasid serve, killed ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    port = _free_port()
    proc = subprocess.Popen(
        [*RASID, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/config", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    pytest.fail("rasid serve exited: " + proc.stderr.read().decode()[-2000:])  # type: ignore[union-attr]
                time.sleep(0.05)
        else:
            pytest.fail("rasid serve did not start")
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=20)


def api_articles(n: int) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        ar = PLACES[i % len(PLACES)][0]
        day = ["يوم الخميس", "أمس", "فجر اليوم"][i % 3]
        text = f"قتل {COUNTS[i % 5]} مدنيين وأصيب آخرون بقصف صاروخي على {ar} {day}. تقرير رقم {i}."
        out.append({"id": f"p{i}", "text": text, "published": "2021-07-30", "source": "مثال"})
    return out


def post(base: str, token: str, chunk: list[dict[str, str]]) -> dict:
    r = httpx.post(
        base + "/api/articles",
        json={"articles": chunk},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert r.status_code == 201, r.text
    return r.json()


def correct(base: str, token: str, event_id: str) -> None:
    r = httpx.patch(
        f"{base}/api/events/{event_id}",
        json={"fatalities": 99, "weapon": "landmine"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert r.status_code == 200, r.text


def fresh_db(path: Path) -> str:
    store = SQLiteStore(path)
    try:
        return create_token(store, "tester")
    finally:
        store.close()


def test_serve_killed_during_api_writes_then_repost_equals_one_clean_run(tmp_path: Path) -> None:
    articles = api_articles(40)
    chunks = [articles[i : i + 4] for i in range(0, len(articles), 4)]
    pipeline = default_pipeline()
    expected = {
        a["id"]: len(pipeline.extract(Article(a["id"], a["text"], dt.date(2021, 7, 30)))) for a in articles
    }
    assert sum(expected.values()) >= len(articles)
    rng = random.Random(7)

    killed_db = tmp_path / "killed.db"
    token = fresh_db(killed_db)
    with serving(killed_db) as (proc, base):
        first = post(base, token, chunks[0])
        corrected = first["articles"][0]["events"][0]
        correct(base, token, corrected)
        for chunk in chunks[1:3]:
            post(base, token, chunk)
        # SIGKILL while the next chunks are being written.
        timer = threading.Timer(rng.uniform(0.0, 0.15), proc.send_signal, (signal.SIGKILL,))
        timer.start()
        failed = False
        for chunk in chunks[3:]:
            try:
                post(base, token, chunk)
            except httpx.TransportError:
                failed = True
                break
        timer.join()
        proc.wait(timeout=10)
        assert failed, "the server finished before it was killed"
    stored = check_database(killed_db, expected)
    assert 12 <= stored < len(articles)

    # Restart and post everything again: the stored ones are duplicates, the rest are added.
    with serving(killed_db) as (_proc, base):
        results = [post(base, token, chunk) for chunk in chunks]
        assert sum(r["duplicates"] for r in results) == stored
        assert sum(r["new"] for r in results) == len(articles) - stored
        detail = httpx.get(f"{base}/api/events/{corrected}", timeout=30).json()
        assert (detail["fatalities"], detail["weapon"]) == (99, "landmine")
    assert check_database(killed_db, expected) == len(articles)

    # One clean run, in the same order, with the same correction.
    clean_db = tmp_path / "clean.db"
    clean_token = fresh_db(clean_db)
    with serving(clean_db) as (_proc, base):
        post(base, clean_token, chunks[0])
        correct(base, clean_token, corrected)
        for chunk in chunks[1:]:
            post(base, clean_token, chunk)
    assert snapshot(killed_db) == snapshot(clean_db)

    # Re-extraction (command line, then API) never overwrites the human's values.
    corpus = tmp_path / "again.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    result = subprocess.run(
        [*RASID, "ingest", str(corpus), "--db", str(killed_db), "--reextract"], capture_output=True, text=True
    )
    assert result.returncode == 0 and f"re-extracted {len(articles)}" in result.stdout, result.stderr
    with serving(killed_db) as (_proc, base):
        r = httpx.post(
            base + "/api/articles",
            json={"articles": chunks[0], "reextract": True},
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        assert r.status_code == 201 and r.json()["reextracted"] == len(chunks[0])
        detail = httpx.get(f"{base}/api/events/{corrected}", timeout=30).json()
        assert (detail["fatalities"], detail["weapon"]) == (99, "landmine")
        assert detail["locked"] == ["fatalities", "weapon"]
    assert check_database(killed_db, expected) == len(articles)
