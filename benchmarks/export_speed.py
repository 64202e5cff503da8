"""Export speed: 10,000 generated incidents to ACLED CSV, GeoJSON and JSONL (target < 2 s each).

python benchmarks/export_speed.py --events 10000
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from api_speed import generate  # the same synthetic incidents as the API benchmark

from rasid.store import Filters, SQLiteStore
from rasid.store.export import FORMATS, atomic_output, write_export


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
