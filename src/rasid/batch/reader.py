"""Reading batch output back: events as `Event`s, and articles with their events for the store.

`read_batch_output` yields what `rasid.store.ingest.ingest(..., input_events=True)` takes, so the
cross-article merge after a batch run is the store's own; `load_into_store` does exactly that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from rasid.batch.runner import MANIFEST, done_markers
from rasid.batch.schema import row_to_article, row_to_event
from rasid.errors import RasidError
from rasid.io.inputs import Input, Problem
from rasid.model import Event


def _check(out: Path) -> None:
    if not (out / MANIFEST).is_file() or not (out / "done").is_dir():
        raise RasidError(f"{out}: not a `rasid batch` output directory (no {MANIFEST})")


def _rows(path: Path) -> list[dict[str, Any]]:
    return pq.read_table(path).to_pylist()


def read_events(out: str | Path) -> Iterator[Event]:
    """Every event of every done partition, by partition id (input file name, then offset)."""
    out = Path(out)
    _check(out)
    for marker in done_markers(out):
        for row in _rows(out / "events" / f"{marker['partition']}.parquet"):
            yield row_to_event(row)


def read_batch_output(out: str | Path) -> Iterator[Input | Problem]:
    """Each article of the done partitions with its events; a Problem for each failed article."""
    out = Path(out)
    _check(out)
    for marker in done_markers(out):
        pid = marker["partition"]
        # Events are stored in article order: slice them by each article's count (ids may repeat).
        events = [row_to_event(row) for row in _rows(out / "events" / f"{pid}.parquet")]
        position = 0
        for row in _rows(out / "articles" / f"{pid}.parquet"):
            origin = f"{marker['input']} record {row['offset']}"
            mine = events[position : position + row["events"]]
            position += row["events"]
            if any(e.article_id != row["id"] for e in mine):
                raise RasidError(f"{out}: events and articles of partition {pid} do not match")
            if row["failed"]:
                yield Problem(origin, f"extraction failed in batch partition {pid} (see failures.jsonl)")
            else:
                yield Input(row_to_article(row), origin, mine)


def load_into_store(
    out: str | Path, db: str, batch_size: int = 200, on_item: Callable[[Any], None] | None = None
) -> tuple[Any, dict[str, int]]:
    """Stores the batch output's articles and events, merging reports across articles.

    Returns the ingest summary and the store's counts. Re-running it skips stored articles.
    """
    from rasid.store import open_store
    from rasid.store.ingest import ingest

    store = open_store(db)
    try:
        summary = ingest(
            read_batch_output(out),
            store,
            input_events=True,
            batch_size=batch_size,
            extractor_name="batch",
            on_item=on_item,
        )
        counts = store.counts()
    finally:
        store.close()
    return summary, counts
