"""Ingest throughput end to end into SQLite (one core), and peak RSS.

    python benchmarks/ingest_speed.py ../shared/eval/dev.jsonl --copies 20
    python benchmarks/ingest_speed.py ../shared/eval/dev.jsonl --pipeline

Without --pipeline the events carried by the JSONL lines (gold) are stored as they are: this measures
reading, hashing, full-text indexing, storing and cross-article merging. With --pipeline each article
also goes through the full extraction pipeline (in batches, as `rasid ingest` runs it; --one-by-one
calls it on one article at a time). Copies of the input get unique text (and dates
moved 10 days on per copy) so that every copy is new.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from pathlib import Path

from rasid.io.inputs import read_inputs
from rasid.store import SQLiteStore
from rasid.store.ingest import ingest


def copies_of(path: str, copies: int, target: Path) -> int:
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    n = 0
    with target.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for obj in lines:
                obj = json.loads(json.dumps(obj))
                obj["id"] = f"{obj.get('id')}-{c}"
                obj["text"] += f"\nنسخة {c}."
                for e in obj.get("events") or []:
                    if e.get("date"):
                        e["date"] = (dt.date.fromisoformat(e["date"]) + dt.timedelta(days=10 * c)).isoformat()
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--pipeline", action="store_true", help="extract with the full pipeline")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument(
        "--one-by-one", action="store_true", help="with --pipeline: extract one article at a time"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = copies_of(args.path, args.copies, corpus)
        store = SQLiteStore(Path(tmp) / "bench.db")
        extract = None
        load_s = 0.0
        if args.pipeline:
            from rasid.model import Article
            from rasid.pipeline import default_pipeline

            t0 = time.perf_counter()
            # Resources load on first use: one warm-up article before the clock (reported apart).
            default_pipeline().extract(
                Article(
                    id="warm-up", text="قصفت طائرات حربية مدينة الرقة أمس.", published=dt.date(2024, 1, 2)
                )
            )
            load_s = time.perf_counter() - t0
            if args.one_by_one:
                extract = default_pipeline().extract  # (else ingest's default: the pipeline in batches)
        start = time.perf_counter()
        summary = ingest(
            read_inputs([str(corpus)]),
            store,
            extract,
            input_events=not args.pipeline,
            batch_size=args.batch_size,
        )
        seconds = time.perf_counter() - start
        counts = store.counts()
        store.close()
        size = (Path(tmp) / "bench.db").stat().st_size  # WAL checkpointed on close
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mode = "full pipeline" if args.pipeline else "events from input (store only)"
    print(f"ingest, {mode}: {n} articles in {seconds:.2f} s = {n / seconds:.1f} articles/s")
    if args.pipeline:
        print(f"  pipeline load (one warm-up article, before the clock): {load_s:.2f} s")
    print(f"  {summary.as_dict()}")
    print(f"  {counts['events']} incidents, {counts['multi_source_events']} with several sources")
    print(f"  database {size / 2**20:.1f} MB, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
