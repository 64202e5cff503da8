"""The event store: articles, incidents merged across articles, their sources, audit and search."""

from __future__ import annotations

from pathlib import Path

from rasid.store.base import BatchResult, Filters, IncidentView, Item, SourceView, Store
from rasid.store.sqlite import SQLiteStore, content_hash

DEFAULT_DB = "rasid.db"


def open_store(location: str | Path = DEFAULT_DB) -> Store:
    """The store at `location`: a SQLite file path (PostgreSQL URLs are for a later backend)."""
    from rasid.errors import RasidError

    text = str(location)
    if text.startswith(("postgres://", "postgresql://")):
        raise RasidError("the PostgreSQL backend is not available yet: use a SQLite file path")
    return SQLiteStore(text)


__all__ = [
    "DEFAULT_DB",
    "BatchResult",
    "Filters",
    "IncidentView",
    "Item",
    "SQLiteStore",
    "SourceView",
    "Store",
    "content_hash",
    "open_store",
]
