"""Ingest: articles in, events extracted, stored and merged across articles, one transaction per batch.

A killed ingest loses at most its open batch; running it again skips what is stored (by content
hash) and finishes the job, so the database ends as after one clean run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rasid.io.inputs import Input, Problem
from rasid.model import Article, Event
from rasid.pipeline import default_pipeline, events_or_error
from rasid.store.base import Item, Store
from rasid.store.sqlite import content_hash

Extractor = Callable[[Article], list[Event]]
# What one article's values can raise in the store (not I/O errors: those stop the ingest).
_BAD_VALUE = (OverflowError, TypeError, ValueError, sqlite3.IntegrityError, sqlite3.InterfaceError)


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    events: int = 0
    merged: int = 0
    reextracted: int = 0
    errors: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "events": self.events,
            "merged": self.merged,
            "reextracted": self.reextracted,
            "errors": len(self.errors),
        }


def ingest(
    inputs: Iterable[Input | Problem],
    store: Store,
    extract: Extractor | None = None,
    *,
    input_events: bool = False,
    reextract: bool = False,
    batch_size: int = 50,
    extractor_name: str = "pipeline",
    on_item: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Stores every input article with its events.

    `extract` turns an article into events (default: the full pipeline). With `input_events`, events
    that a JSONL line carries (gold or earlier output) are stored as they are. Already stored
    articles are skipped unless `reextract`: then their events are replaced, and fields a human
    corrected keep the human's value.
    """
    summary = IngestSummary()
    batch: list[Item] = []
    pending: list[Input] = []  # new articles waiting to be extracted together
    seen: set[str] = set()

    def add(items: list[Item]) -> None:
        result = store.add_batch(items, extractor=extractor_name, reextract=reextract)
        summary.new += result.new
        summary.duplicates += result.duplicates
        summary.events += result.events
        summary.merged += result.merged
        summary.reextracted += result.reextracted

    def flush() -> None:
        if not batch:
            return
        try:
            add(batch)
        except _BAD_VALUE:  # the batch was rolled back: store its items one by one
            for item in batch:
                try:
                    add([item])
                except _BAD_VALUE as e:
                    summary.errors.append(Problem(item.origin, f"cannot store ({type(e).__name__}: {e})"))
        batch.clear()

    def keep(entry: Input, events: list[Event]) -> None:
        batch.append(Item(entry.article, events, entry.origin))
        if len(batch) >= batch_size:
            flush()

    def extract_pending() -> None:
        """Extracts the waiting articles (the default pipeline takes them in batches); one article's
        failure does not stop the ingest."""
        if not pending:
            return
        articles = [e.article for e in pending]
        if extract is None:
            extracted = default_pipeline().extract_each(articles)
        else:
            extracted = [events_or_error(extract, a) for a in articles]
        for entry, events in zip(pending, extracted, strict=True):
            if isinstance(events, Exception):
                summary.errors.append(
                    Problem(entry.origin, f"extraction failed ({type(events).__name__}: {events})")
                )
            else:
                keep(entry, events)
        pending.clear()

    for entry in inputs:
        if isinstance(entry, Problem):
            summary.errors.append(entry)
        else:
            summary.read += 1
            digest = content_hash(entry.article.text)
            if digest in seen or (not reextract and store.content_known(digest)):
                summary.duplicates += 1
            else:
                seen.add(digest)
                if input_events and entry.events is not None:
                    extract_pending()  # (stored in input order)
                    keep(entry, entry.events)
                else:
                    pending.append(entry)
                    if len(pending) >= batch_size:
                        extract_pending()
        if on_item is not None:
            on_item(summary)
    extract_pending()
    flush()
    return summary
