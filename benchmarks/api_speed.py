"""API latency: GET /api/events on a database of 10,000 generated incidents (target median < 100 ms).

    .venv/bin/python benchmarks/api_speed.py --events 10000 --requests 200

Requests go through the ASGI app in-process (FastAPI TestClient), so the numbers are the app's
own cost: routing, a fresh SQLite connection per request, the query and the JSON body.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from rasid.model import Actor, Article, Event, Location, Span
from rasid.serve import Settings, create_app
from rasid.store import Item, SQLiteStore

SUBS = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
)
PLACES = (("SY", "Idlib", 35.9, 36.6), ("IQ", "Nineveh", 36.3, 43.1), ("YE", "Taizz", 13.6, 44.0))
ACTORS = ("Military Forces of Syria", "Islamic State", "Houthis (Ansar Allah)", "Protesters (Iraq)")


def generate(store: SQLiteStore, n: int) -> None:
    """n single-source incidents, each from its own article (distinct places, so none merge)."""
    rng = random.Random(7)
    start = dt.date(1998, 1, 1)
    batch: list[Item] = []
    for i in range(n):
        text = f"قتل {i % 9} أشخاص في هجوم على البلدة رقم {i} في يوم {i % 365}."
        etype, sub = SUBS[i % len(SUBS)]
        country, admin1, lat, lon = PLACES[i % len(PLACES)]
        loc = Location(f"Town {i}", f"بلدة {i}", country, admin1, lat + rng.random(), lon + rng.random(), 1)
        event = Event(
            etype,
            sub,
            date=start + dt.timedelta(days=i),  # one a day: neighbours differ in country, so none merge
            time_precision=1,
            location=loc,
            actor1=Actor(ACTORS[i % len(ACTORS)], None, 1 + i % 3),
            fatalities=i % 9,
            evidence=Span.of(text, 0, len(text)),
            confidence=0.8,
        )
        article = Article(f"b{i}", text, start + dt.timedelta(days=i), "bench")
        batch.append(Item(article, [event]))
        if len(batch) == 500:
            store.add_batch(batch, extractor="bench")
            batch = []
    if batch:
        store.add_batch(batch, extractor="bench")


def measure(client: TestClient, url: str, n: int) -> tuple[float, float]:
    client.get(url)  # warm-up
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = SQLiteStore(db)
        t0 = time.perf_counter()
        generate(store, args.events)
        built = time.perf_counter() - t0
        n = store.counts()["events"]
        store.close()
        print(f"database: {n} incidents, built in {built:.1f} s")
        client = TestClient(create_app(Settings(db=str(db))))
        urls = [
            "/api/events",  # first page of 100, newest first
            "/api/events?country=IQ&type=Battles&sort=-fatalities",
            "/api/events?actor=islamic&min_fatalities=3&offset=500",
            "/api/events?q=" + "البلدة",  # matches every article: the worst case
            "/api/events?limit=1000",
            "/api/stats",
        ]
        print(f"{'request':58} {'median ms':>10} {'p95 ms':>8}")
        for url in urls:
            median, p95 = measure(
                client, url, args.requests if "limit=1000" not in url else args.requests // 4
            )
            print(f"{url:58} {median:10.1f} {p95:8.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
