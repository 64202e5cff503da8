"""The Parquet schemas of batch output: events (ACLED-shaped, with our extra columns) and articles.

An event row keeps every field of `rasid.model.Event`, so `row_to_event(event_to_row(e)) == e`:
ACLED columns (event_date, location, admin1, latitude, actor1, inter1, interaction, fatalities, ...)
plus ours (article_id, time_precision, geo_precision, geonameid, weapon, injured, evidence and its
offsets, the per-field evidence spans as JSON, confidence).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from rasid.model import Actor, Article, Event, Location, Span

EVENT_SCHEMA = pa.schema(
    [
        ("partition", pa.string()),
        ("article_id", pa.string()),
        ("event_index", pa.int32()),  # order of the event within its article
        ("source", pa.string()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("event_date", pa.date32()),
        ("time_precision", pa.int8()),
        ("location", pa.string()),
        ("location_ar", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("geonameid", pa.int64()),
        ("actor1", pa.string()),
        ("actor1_ar", pa.string()),
        ("inter1", pa.int8()),
        ("actor2", pa.string()),
        ("actor2_ar", pa.string()),
        ("inter2", pa.int8()),
        ("interaction", pa.string()),
        ("weapon", pa.string()),
        ("fatalities", pa.int32()),
        ("injured", pa.int32()),
        ("background", pa.bool_()),
        ("optional", pa.bool_()),
        ("notes", pa.string()),
        ("evidence", pa.string()),
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("spans", pa.string()),  # JSON: field -> {start, end, text}
        ("confidence", pa.float64()),
    ]
)

ARTICLE_SCHEMA = pa.schema(
    [
        ("partition", pa.string()),
        ("offset", pa.int64()),  # record index in its input file
        ("id", pa.string()),
        ("published", pa.date32()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("events", pa.int32()),
        ("failed", pa.bool_()),
    ]
)


def event_to_row(event: Event, partition: str, index: int, source: str | None) -> dict[str, Any]:
    loc, a1, a2, ev = event.location, event.actor1, event.actor2, event.evidence
    return {
        "partition": partition,
        "article_id": event.article_id,
        "event_index": index,
        "source": source,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.date,
        "time_precision": event.time_precision,
        "location": loc.name if loc else None,
        "location_ar": loc.name_ar if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "actor1": a1.name if a1 else None,
        "actor1_ar": a1.name_ar if a1 else None,
        "inter1": a1.inter if a1 else None,
        "actor2": a2.name if a2 else None,
        "actor2_ar": a2.name_ar if a2 else None,
        "inter2": a2.inter if a2 else None,
        "interaction": event.interaction,
        "weapon": event.weapon,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "background": event.background,
        "optional": event.optional,
        "notes": event.notes,
        "evidence": ev.text if ev else None,
        "evidence_start": ev.start if ev else None,
        "evidence_end": ev.end if ev else None,
        "spans": json.dumps({k: v.to_dict() for k, v in event.spans.items()}, ensure_ascii=False),
        "confidence": event.confidence,
    }


def row_to_event(row: dict[str, Any]) -> Event:
    location = None
    if row["location"] is not None:
        location = Location(
            name=row["location"],
            name_ar=row["location_ar"],
            country=row["country"],
            admin1=row["admin1"],
            lat=row["latitude"],
            lon=row["longitude"],
            geo_precision=row["geo_precision"],
            geonameid=row["geonameid"],
        )
    actors = [
        None if row[f"actor{n}"] is None else Actor(row[f"actor{n}"], row[f"actor{n}_ar"], row[f"inter{n}"])
        for n in (1, 2)
    ]
    evidence = None
    if row["evidence"] is not None:
        evidence = Span(row["evidence_start"], row["evidence_end"], row["evidence"])
    return Event(
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        date=row["event_date"],
        time_precision=row["time_precision"],
        location=location,
        actor1=actors[0],
        actor2=actors[1],
        weapon=row["weapon"],
        fatalities=row["fatalities"],
        injured=row["injured"],
        background=bool(row["background"]),
        optional=bool(row["optional"]),
        notes=row["notes"],
        evidence=evidence,
        spans={k: Span(**v) for k, v in json.loads(row["spans"] or "{}").items()},
        confidence=row["confidence"],
        article_id=row["article_id"],
    )


def events_table(rows: Iterable[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=EVENT_SCHEMA)


def article_row(article: Article, partition: str, offset: int, events: int, failed: bool) -> dict[str, Any]:
    return {
        "partition": partition,
        "offset": offset,
        "id": article.id,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "events": events,
        "failed": failed,
    }


def row_to_article(row: dict[str, Any]) -> Article:
    published = row["published"]
    if isinstance(published, dt.datetime):
        published = published.date()
    return Article(
        id=row["id"],
        text=row["text"],
        published=published,
        source=row["source"],
        url=row["url"],
        title=row["title"],
    )
