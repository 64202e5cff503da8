"""Batch extraction over large corpora on Dask: partitions of articles in, Parquet events out.

    from rasid.batch import run_batch, read_events, load_into_store
    run_batch(["news.jsonl.gz"], "out/", workers=4)
    events = list(read_events("out/"))
    load_into_store("out/", "rasid.db")   # cross-article merge in the store

See docs/cluster.md for running on several machines.
"""

from rasid.batch.reader import load_into_store, read_batch_output, read_events
from rasid.batch.runner import BatchProgress, BatchSummary, run_batch
from rasid.batch.sources import Columns, parse_published

__all__ = [
    "BatchProgress",
    "BatchSummary",
    "Columns",
    "load_into_store",
    "parse_published",
    "read_batch_output",
    "read_events",
    "run_batch",
]
