"""The store interface: what ingest, show, export and the API need from a database backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rasid.model import Article, Event

# Incident fields a human may correct; a corrected field is locked against machine updates.
EDITABLE_FIELDS = (
    "event_type",
    "sub_event_type",
    "date",
    "time_precision",
    "weapon",
    "fatalities",
    "fatalities_max",
    "injured",
    "injured_max",
    "notes",
    "background",
    "optional",
)


@dataclass(slots=True)
class Item:
    """One article to store, with the events extracted from it."""

    article: Article
    events: list[Event]
    origin: str | None = None


@dataclass(slots=True)
class BatchResult:
    new: int = 0
    duplicates: int = 0
    events: int = 0  # sources stored
    merged: int = 0  # of which joined an incident reported by another article
    reextracted: int = 0


@dataclass(slots=True)
class Filters:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None  # ISO alpha-2
    event_type: str | None = None  # event type or sub-event type
    include_optional: bool = False


@dataclass(slots=True)
class SourceView:
    id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: str | None
    title: str | None
    event: Event  # as the machine extracted it from this article


@dataclass(slots=True)
class IncidentView:
    """One incident as stored: flat fields (see `Store.incident_rows`) and its sources."""

    row: dict[str, Any]
    sources: list[SourceView] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    """A database of articles and incidents. SQLite now; PostgreSQL can implement the same."""

    def content_known(self, content_hash: str) -> bool: ...

    def add_batch(self, items: Sequence[Item], extractor: str = "", reextract: bool = False) -> BatchResult:
        """Stores articles and their events in one transaction, merging across articles."""
        ...

    def incident(self, event_id: str) -> IncidentView: ...

    def incident_rows(self, filters: Filters) -> Iterator[dict[str, Any]]:
        """Flat incident rows (ordered by date, id) with `sources`: a list of per-source dicts."""
        ...

    def split(self, event_id: str, article_id: str | None = None, who: str = "cli") -> list[str]: ...

    def merge(self, event_ids: Sequence[str], who: str = "cli") -> str: ...

    def correct(self, event_id: str, field: str, value: Any, who: str) -> None: ...

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]: ...

    def counts(self) -> dict[str, int]: ...

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """All stored content, canonically ordered, without wall-clock columns (for comparisons)."""
        ...

    def close(self) -> None: ...
