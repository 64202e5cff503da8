"""Reviewer queries on the SQLite store: filtered paging, stats, article spans, audit, "not an event".

Added for `rasid serve`; kept apart from `sqlite.py` so the ingest/merge core stays as it was.
Every value reaches SQL as a parameter; column names come only from fixed whitelists.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from rasid.errors import RasidError
from rasid.model import Actor, Location
from rasid.store.sqlite import EVENTS_FROM, SQLiteStore
from rasid.text import norm

_LIST_SELECT = """
SELECT e.id, e.event_type, e.sub_event_type, e.date, e.time_precision, e.interaction, e.weapon,
       e.fatalities, e.fatalities_max, e.injured, e.injured_max, e.background, e.optional, e.notes,
       e.confidence, e.n_sources, e.locked, e.rejected,
       p.name AS location, p.name_ar AS location_ar, p.country, p.admin1, p.lat, p.lon,
       p.geo_precision,
       a1.name AS actor1, a1.name_ar AS actor1_ar, a1.inter AS inter1,
       a2.name AS actor2, a2.name_ar AS actor2_ar, a2.inter AS inter2"""
_FROM = EVENTS_FROM
_LIST_SELECT += _FROM

# API sort key -> SQL expression (never user text in SQL).
SORT_COLUMNS = {
    "date": "e.date",
    "fatalities": "e.fatalities",
    "injured": "e.injured",
    "event_type": "e.event_type",
    "sub_event_type": "e.sub_event_type",
    "country": "p.country",
    "admin1": "p.admin1",
    "location": "p.name",
    "actor1": "a1.name",
    "sources": "e.n_sources",
    "confidence": "e.confidence",
    "id": "e.id",
}


@dataclass(slots=True)
class EventQuery:
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None  # event type or sub-event type
    country: str | None = None  # ISO alpha-2
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    actor: str | None = None  # part of an actor's English or Arabic name
    text: str | None = None  # full-text search over the source articles
    min_fatalities: int | None = None
    include_optional: bool = False
    include_rejected: bool = False
    sort: str = "-date"
    limit: int = 100
    offset: int = 0


def fts_match(query: str) -> str | None:
    """An FTS5 MATCH string: every word of `query`, normalised like the index, quoted."""
    words = norm(query).replace("\x00", " ").split()  # FTS5 reads NUL as the end of the query
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if q.since:
        clauses.append("e.date >= ?")
        args.append(q.since.isoformat())
    if q.until:
        clauses.append("e.date <= ?")
        args.append(q.until.isoformat())
    if q.event_type:
        clauses.append("(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?))")
        args += [q.event_type, q.event_type]
    if q.country:
        clauses.append("p.country = ?")
        args.append(q.country.upper())
    if q.admin1:
        clauses.append("lower(p.admin1) = lower(?)")
        args.append(q.admin1)
    if q.bbox:
        clauses.append("p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ?")
        args += [q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]]
    if q.actor:
        pattern = _like(q.actor)
        clauses.append(
            "(a1.name LIKE ? ESCAPE '\\' OR a2.name LIKE ? ESCAPE '\\'"
            " OR a1.name_ar LIKE ? ESCAPE '\\' OR a2.name_ar LIKE ? ESCAPE '\\')"
        )
        args += [pattern] * 4
    if q.text:
        match = fts_match(q.text)
        if match is not None:
            clauses.append(
                "e.id IN (SELECT s.event_id FROM sources s JOIN articles a ON a.id = s.article_id"
                " WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
            )
            args.append(match)
    if q.min_fatalities is not None:
        clauses.append("coalesce(e.fatalities, 0) >= ?")
        args.append(q.min_fatalities)
    if not q.include_optional:
        clauses.append("e.optional = 0")
    if not q.include_rejected:
        clauses.append("e.rejected = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def order_by(sort: str) -> str:
    descending = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in SORT_COLUMNS:
        raise RasidError(
            f"cannot sort by {key!r} (use one of: {', '.join(SORT_COLUMNS)}; '-' for descending)"
        )
    direction = "DESC" if descending else "ASC"
    return f" ORDER BY {SORT_COLUMNS[key]} {direction} NULLS LAST, e.id {direction}"


def _flat(row: Any) -> dict[str, Any]:
    d = dict(row)
    d["locked"] = sorted(json.loads(d["locked"]))
    for key in ("background", "optional", "rejected"):
        d[key] = bool(d[key])
    return d


def query_events(store: SQLiteStore, q: EventQuery) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of flat incident rows)."""
    sql_where, args = where(q)
    total = int(store.db.execute("SELECT count(*)" + _FROM + sql_where, args).fetchone()[0])
    rows = store.db.execute(
        _LIST_SELECT + sql_where + order_by(q.sort) + " LIMIT ? OFFSET ?", [*args, q.limit, q.offset]
    ).fetchall()
    return total, [_flat(r) for r in rows]


def stats(store: SQLiteStore, q: EventQuery, top: int = 20) -> dict[str, Any]:
    """Counts (and fatalities) by day and type, by type, by country and by actor."""
    sql_where, args = where(q)
    db = store.db

    def grouped(key: str, extra: str = "", limit: int | None = None) -> list[dict[str, Any]]:
        sql = (
            f"SELECT {key}, count(*) AS events, sum(coalesce(e.fatalities, 0)) AS fatalities"
            + _FROM
            + sql_where
            + extra
            + " GROUP BY 1"
            + " ORDER BY events DESC, 1"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        return [dict(r) for r in db.execute(sql, args)]

    total = db.execute(
        "SELECT count(*) AS events, sum(coalesce(e.fatalities, 0)) AS fatalities,"
        " min(e.date) AS first, max(e.date) AS last" + _FROM + sql_where,
        args,
    ).fetchone()
    by_day = [
        dict(r)
        for r in db.execute(
            "SELECT e.date AS date, e.event_type AS event_type, count(*) AS events,"
            " sum(coalesce(e.fatalities, 0)) AS fatalities"
            + _FROM
            + sql_where
            + (" AND " if sql_where else " WHERE ")
            + "e.date IS NOT NULL GROUP BY e.date, e.event_type ORDER BY e.date, e.event_type",
            args,
        )
    ]
    # Actors: either side of an incident counts once.
    base = _FROM + sql_where + (" AND " if sql_where else " WHERE ")
    actors_sql = (
        "SELECT name AS actor, count(*) AS events, sum(f) AS fatalities FROM ("
        " SELECT a1.name AS name, coalesce(e.fatalities, 0) AS f" + base + "a1.name IS NOT NULL"
        " UNION ALL SELECT a2.name, coalesce(e.fatalities, 0)" + base + "a2.name IS NOT NULL"
        ") GROUP BY name ORDER BY events DESC, name LIMIT ?"
    )
    by_actor = [dict(r) for r in db.execute(actors_sql, [*args, *args, top])]
    return {
        "events": int(total["events"]),
        "fatalities": int(total["fatalities"] or 0),
        "first_date": total["first"],
        "last_date": total["last"],
        "by_day": by_day,
        "by_type": grouped("e.event_type AS event_type"),
        "by_sub_event_type": grouped("e.sub_event_type AS sub_event_type"),
        "by_country": grouped("p.country AS country"),
        "by_actor": by_actor,
    }


def _relative(spans: dict[str, Any], ev: dict[str, Any] | None, evidence: str | None) -> list[dict[str, Any]]:
    """Field spans inside the evidence sentence, as offsets into that sentence."""
    out: list[dict[str, Any]] = []
    if not evidence:
        return out
    for fld, span in sorted(spans.items(), key=lambda kv: kv[1]["start"]):
        if ev and ev["start"] >= 0 and ev["start"] <= span["start"] and span["end"] <= ev["end"]:
            start = span["start"] - ev["start"]
        else:  # evidence without offsets (gold input): find the words in the sentence
            start = evidence.find(span["text"]) if span.get("text") else -1
            if start < 0:
                continue
        end = start + len(span["text"])
        if evidence[start:end] == span["text"]:
            out.append({"field": fld, "start": start, "end": end, "text": span["text"]})
    return out


def event_detail(store: SQLiteStore, event_id: str) -> dict[str, Any] | None:
    """An incident: all fields, every source with its evidence sentence and highlights, its history."""
    row = store.db.execute(_LIST_SELECT + " WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    out = _flat(row)
    sources = []
    for r in store.db.execute(
        "SELECT s.id, s.article_id, s.event_json, a.source, a.url, a.published, a.title FROM sources s"
        " JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY s.rowid",
        (event_id,),
    ):
        ev = json.loads(r["event_json"])
        sources.append(
            {
                "id": r["id"],
                "article_id": r["article_id"],
                "outlet": r["source"],
                "url": r["url"],
                "published": r["published"],
                "title": r["title"],
                "evidence": ev.get("evidence"),
                "evidence_span": ev.get("evidence_span"),
                "highlights": _relative(ev.get("spans") or {}, ev.get("evidence_span"), ev.get("evidence")),
                "spans": ev.get("spans") or {},
                "event": ev,
            }
        )
    out["sources"] = sources
    out["history"] = audit_of(store, event_id)
    return out


def article_detail(store: SQLiteStore, article_id: str) -> dict[str, Any] | None:
    """An article's text with the spans of every value extracted from it."""
    row = store.db.execute(
        "SELECT id, published, source, url, title, text, origin, extractor, ingested_at FROM articles"
        " WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    out = dict(row)
    spans = []
    events = []
    for r in store.db.execute(
        "SELECT id, event_id, event_json FROM sources WHERE article_id = ? ORDER BY idx", (article_id,)
    ):
        ev = json.loads(r["event_json"])
        events.append(
            {"source_id": r["id"], "event_id": r["event_id"], "sub_event_type": ev["sub_event_type"]}
        )
        if ev.get("evidence_span"):
            spans.append(
                {"source_id": r["id"], "event_id": r["event_id"], "field": "evidence", **ev["evidence_span"]}
            )
        for fld, span in (ev.get("spans") or {}).items():
            spans.append({"source_id": r["id"], "event_id": r["event_id"], "field": fld, **span})
    out["events"] = events
    out["spans"] = sorted(spans, key=lambda s: (s["start"], s["end"]))
    return out


def audit_of(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT at, who, field, old, new FROM audit WHERE entity = 'event' AND entity_id = ? ORDER BY id",
        (entity_id,),
    ).fetchall()
    return [
        {
            "at": r["at"],
            "who": r["who"],
            "field": r["field"],
            "old": json.loads(r["old"]),
            "new": json.loads(r["new"]),
        }
        for r in rows
    ]


def article_events(store: SQLiteStore, article_id: str) -> list[str]:
    rows = store.db.execute(
        "SELECT DISTINCT event_id FROM sources WHERE article_id = ? ORDER BY event_id", (article_id,)
    )
    return [r[0] for r in rows]


def event_exists(store: SQLiteStore, event_id: str) -> bool:
    return store.db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def set_rejected(store: SQLiteStore, event_id: str, rejected: bool, who: str) -> None:
    """Marks an incident as "not an event" (or restores it); audited. Hidden from lists and exports."""
    with store._tx():
        row = store.db.execute("SELECT rejected FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise RasidError(f"no event {event_id!r} in {store.path}")
        store._audit(who, "event", event_id, "rejected", bool(row[0]), rejected)
        store.db.execute("UPDATE events SET rejected = ? WHERE id = ?", (int(rejected), event_id))


def correct_reference(
    store: SQLiteStore, event_id: str, field: str, value: dict[str, Any] | None, who: str
) -> None:
    """A human correction of the location or an actor: audited and locked like `correct()`.

    The incident stores places and actors by row id, so the lock holds `place_id` / `actorN_id`
    (the keys `_recompute` keeps); the interaction code follows the corrected actors.
    """
    column = {"location": "place_id", "actor1": "actor1_id", "actor2": "actor2_id"}.get(field)
    if column is None:
        raise RasidError(f"field {field!r} is not a location or actor")
    with store._tx():
        row = store.db.execute(
            f"SELECT {column}, locked, actor1_id, actor2_id FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise RasidError(f"no event {event_id!r} in {store.path}")
        old = _reference(store, column, row[column])
        if column == "place_id":
            new_id = store._place_id(Location.from_dict(value))
        else:
            new_id = store._actor_id(Actor.from_dict(value))
        locked = json.loads(row["locked"])
        locked[column] = new_id
        actors = {"actor1_id": row["actor1_id"], "actor2_id": row["actor2_id"]}
        if column in actors:
            actors[column] = new_id
            a1, a2 = (_actor(store, actors[k]) for k in ("actor1_id", "actor2_id"))
            from rasid.model import interaction_code

            locked["interaction"] = interaction_code(a1, a2)
        store._audit(who, "event", event_id, field, old, value)
        sets = ", ".join(f"{k} = ?" for k in locked if k in (column, "interaction"))
        vals = [locked[k] for k in locked if k in (column, "interaction")]
        store.db.execute(
            f"UPDATE events SET {sets}, locked = ? WHERE id = ?",
            (*vals, json.dumps(locked, ensure_ascii=False, sort_keys=True), event_id),
        )


def _actor(store: SQLiteStore, actor_id: int | None) -> Actor | None:
    if actor_id is None:
        return None
    r = store.db.execute("SELECT name, name_ar, inter FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return Actor(r["name"], r["name_ar"], r["inter"]) if r else None


def _reference(store: SQLiteStore, column: str, ref_id: int | None) -> dict[str, Any] | None:
    if ref_id is None:
        return None
    if column == "place_id":
        r = store.db.execute(
            "SELECT name, name_ar, country, admin1, lat, lon, geo_precision, geonameid FROM places WHERE id = ?",
            (ref_id,),
        ).fetchone()
        return dict(r) if r else None
    actor = _actor(store, ref_id)
    return actor.to_dict() if actor else None
