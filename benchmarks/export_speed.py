"""Export speed: 10,000 generated incidents to ACLED CSV, GeoJSON and JSONL (target < 2 s each).

python benchmarks/export_speed.py --events 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
from pathlib import Path

from rasid.model import Actor, Article, Event, Location, Span
from rasid.store import Filters, Item, SQLiteStore
from rasid.store.export import FORMATS, atomic_output, write_export

SUBS = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
)


def generate(store: SQLiteStore, n: int) -> None:
    rng = random.Random(7)
    items = []
    for i in range(n):
        text = f"قتل {i % 9} أشخاص في هجوم على البلدة رقم {i}."
        etype, sub = SUBS[i % len(SUBS)]
        loc = Location(
            f"Town {i}", f"بلدة {i}", "SY", "Idlib", 33 + rng.random() * 4, 36 + rng.random() * 4, 1
        )
        event = Event(
            etype,
            sub,
            date=dt.date(1995, 1, 1) + dt.timedelta(days=i * 2),  # distinct incidents
            time_precision=1,
            location=loc,
            actor1=Actor("Military Forces of Syria", "قوات النظام", 1),
            actor2=Actor("Civilians (Syria)", None, 7),
            fatalities=i % 9,
            evidence=Span(0, len(text), text),
        )
        items.append(Item(Article(f"gen-{i}", text, dt.date(2020, 1, 1)), [event]))
        if len(items) == 500:
            store.add_batch(items)
            items = []
    store.add_batch(items)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        generate(store, args.events)
        print(f"stored {store.counts()['events']} incidents in {time.perf_counter() - start:.1f} s")
        for fmt in FORMATS:
            target = Path(tmp) / f"out.{fmt}"
            start = time.perf_counter()
            with atomic_output(str(target)) as f:
                n = write_export(store.incident_rows(Filters()), fmt, f)
            seconds = time.perf_counter() - start
            print(
                f"export {fmt}: {n} incidents in {seconds:.2f} s ({n / seconds:,.0f}/s), {target.stat().st_size / 2**20:.1f} MB"
            )
        store.close()
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
