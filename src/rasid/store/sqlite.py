"""The embedded SQLite store: WAL, versioned migrations, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasid.errors import RasidError
from rasid.model import Actor, Event, Location, interaction_code
from rasid.store.base import EDITABLE_FIELDS, BatchResult, Filters, IncidentView, Item, SourceView
from rasid.store.merge import aggregate, family, incident_cost, same_incident_cost
from rasid.store.migrations import MIGRATIONS
from rasid.text import norm

_CACHE_LIMIT = 100_000  # parsed source events kept for merging


def content_hash(text: str) -> str:
    """Hash of the matching form of the text: the same article re-encoded or re-spaced is a duplicate."""
    return hashlib.sha256(" ".join(norm(text).split()).encode("utf-8")).hexdigest()


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


_INCIDENT_SELECT = """
SELECT e.id, e.event_type, e.sub_event_type, e.date, e.time_precision, e.interaction, e.weapon,
       e.fatalities, e.fatalities_max, e.injured, e.injured_max, e.background, e.optional, e.notes,
       e.confidence, e.n_sources, e.locked,
       p.name AS location, p.name_ar AS location_ar, p.country, p.admin1, p.lat, p.lon,
       p.geo_precision, p.geonameid,
       a1.name AS actor1, a1.name_ar AS actor1_ar, a1.inter AS inter1,
       a2.name AS actor2, a2.name_ar AS actor2_ar, a2.inter AS inter2"""
# An incident with its place and both actors (the FROM of every incident query, here and in query.py).
EVENTS_FROM = """
FROM events e
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN actors a1 ON a1.id = e.actor1_id
LEFT JOIN actors a2 ON a2.id = e.actor2_id
"""
_INCIDENT_SELECT += EVENTS_FROM


class SQLiteStore:
    """Articles, incidents and their sources in one SQLite file (or ':memory:')."""

    def __init__(self, path: str | Path = "rasid.db") -> None:
        self.path = str(path)
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise RasidError(f"{self.path}: is a directory, not a database file")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise RasidError(f"{self.path}: not a usable rasid database ({e})") from None
        self._events: dict[str, Event] = {}

    # --- schema -------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise RasidError(f"{self.path}: made by a newer rasid (schema {current}); upgrade rasid")
        for number in range(current + 1, len(MIGRATIONS) + 1):
            # executescript runs the step and the version bump in one transaction.
            self.db.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;"
            )

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            self._events.clear()
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # --- ingest -------------------------------------------------------------------------

    def content_known(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def add_batch(self, items: Sequence[Item], extractor: str = "", reextract: bool = False) -> BatchResult:
        result = BatchResult()
        seen: set[str] = set()
        with self._tx():
            for item in items:
                digest = content_hash(item.article.text)
                if digest in seen:
                    result.duplicates += 1
                    continue
                seen.add(digest)
                known = self.db.execute(
                    "SELECT id FROM articles WHERE content_hash = ?", (digest,)
                ).fetchone()
                if known is None:
                    article_id = self._insert_article(item, digest, extractor)
                    result.new += 1
                    self._add_events(item.events, article_id, digest, {}, result)
                elif reextract:
                    article_id = known["id"]
                    self.db.execute("UPDATE articles SET extractor = ? WHERE id = ?", (extractor, article_id))
                    previous = self._drop_sources(article_id)
                    self._add_events(item.events, article_id, digest, previous, result)
                    self._tidy({eid for eid, _ in previous.values()})
                    result.reextracted += 1
                else:
                    result.duplicates += 1
        return result

    def _insert_article(self, item: Item, digest: str, extractor: str) -> str:
        art = item.article
        article_id = art.id
        taken = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        if taken is not None:  # same id, other text: keep both, the newcomer with a suffix
            article_id = f"{art.id}-{digest[:8]}"
        cur = self.db.execute(
            "INSERT INTO articles (id, content_hash, published, source, url, title, text, origin,"
            " extractor, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                digest,
                _iso(art.published),
                art.source,
                art.url,
                art.title,
                art.text,
                item.origin,
                extractor,
                now(),
            ),
        )
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cur.lastrowid, norm(art.title or ""), norm(art.text)),
        )
        return article_id

    def _add_events(
        self,
        events: Sequence[Event],
        article_id: str,
        digest: str,
        previous: dict[int, tuple[str, Event]],
        result: BatchResult,
    ) -> None:
        touched: set[str] = set()
        for idx, event in enumerate(events):
            event.article_id = article_id
            source_id = f"{article_id}#{idx}"
            event_id = None
            old = previous.get(idx)
            if old is not None and self._exists(old[0]) and same_incident_cost(old[1], event) is not None:
                event_id = old[0]  # re-extraction: the same report stays with its incident
            if event_id is None:
                event_id = self._find_incident(event, source_id, article_id)
                if event_id is not None:
                    result.merged += 1
            if event_id is None:
                event_id = self._new_incident_id(f"{digest}#{idx}")
                self.db.execute(
                    "INSERT INTO events (id, event_type, sub_event_type) VALUES (?, ?, ?)",
                    (event_id, event.event_type, event.sub_event_type),
                )
            self._insert_source(source_id, event_id, article_id, idx, event)
            touched.add(event_id)
            result.events += 1
        for event_id in sorted(touched):
            self._recompute(event_id)

    def _insert_source(self, source_id: str, event_id: str, article_id: str, idx: int, event: Event) -> None:
        ev = event.evidence
        self.db.execute(
            "INSERT INTO sources (id, event_id, article_id, idx, family, country, date, fatalities, injured,"
            " evidence, evidence_start, evidence_end, event_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source_id,
                event_id,
                article_id,
                idx,
                family(event),
                event.location.country if event.location else None,
                _iso(event.date),
                event.fatalities,
                event.injured,
                ev.text if ev else None,
                ev.start if ev and ev.start >= 0 else None,
                ev.end if ev and ev.start >= 0 else None,
                json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True),
            ),
        )
        self._events[source_id] = event

    def _exists(self, event_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None

    def _new_incident_id(self, key: str) -> str:
        n = 0
        while True:
            event_id = "E" + hashlib.sha1(f"{key}:{n}".encode()).hexdigest()[:12]
            if not self._exists(event_id):
                return event_id
            n += 1

    def _source_event(self, source_id: str, event_json: str) -> Event:
        event = self._events.get(source_id)
        if event is None:
            if len(self._events) > _CACHE_LIMIT:
                self._events.clear()
            event = self._events[source_id] = Event.from_dict(json.loads(event_json))
        return event

    def _sources_of(self, event_id: str) -> list[tuple[str, Event]]:
        rows = self.db.execute(
            "SELECT id, event_json FROM sources WHERE event_id = ? ORDER BY rowid", (event_id,)
        ).fetchall()
        return [(r["id"], self._source_event(r["id"], r["event_json"])) for r in rows]

    def _find_incident(self, event: Event, source_id: str, article_id: str) -> str | None:
        """The closest incident from another article that this event fits, if any."""
        if event.date is None or event.optional:
            return None
        country = event.location.country if event.location else None
        lo = (event.date - dt.timedelta(days=1)).isoformat()
        hi = (event.date + dt.timedelta(days=1)).isoformat()
        rows = self.db.execute(
            "SELECT event_id, id, article_id, event_json FROM sources WHERE event_id IN ("
            " SELECT event_id FROM sources WHERE family = ? AND date BETWEEN ? AND ?"
            " AND (country IS NULL OR ? IS NULL OR country = ?)) ORDER BY rowid",
            (family(event), lo, hi, country, country),
        ).fetchall()
        groups: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            groups.setdefault(r["event_id"], []).append(r)
        blocked = {
            r[0]
            for r in self.db.execute(
                "SELECT source_b FROM merge_blocks WHERE source_a = ?"
                " UNION SELECT source_a FROM merge_blocks WHERE source_b = ?",
                (source_id, source_id),
            )
        }
        best: tuple[float, str] | None = None
        for event_id, members in groups.items():
            if any(m["article_id"] == article_id or m["id"] in blocked for m in members):
                continue
            cost = incident_cost(event, [self._source_event(m["id"], m["event_json"]) for m in members])
            if cost is not None and (best is None or (cost, event_id) < best):
                best = (cost, event_id)
        return best[1] if best else None

    def _drop_sources(self, article_id: str) -> dict[int, tuple[str, Event]]:
        rows = self.db.execute(
            "SELECT id, idx, event_id, event_json FROM sources WHERE article_id = ?", (article_id,)
        ).fetchall()
        previous = {r["idx"]: (r["event_id"], self._source_event(r["id"], r["event_json"])) for r in rows}
        self.db.execute("DELETE FROM sources WHERE article_id = ?", (article_id,))
        for r in rows:
            self._events.pop(r["id"], None)
        return previous

    def _tidy(self, event_ids: set[str]) -> None:
        """Drops incidents left without sources; recomputes the others."""
        for event_id in sorted(event_ids):
            if not self._exists(event_id):
                continue
            if self.db.execute("SELECT 1 FROM sources WHERE event_id = ?", (event_id,)).fetchone():
                self._recompute(event_id)
            else:
                self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    # --- incidents ----------------------------------------------------------------------

    def _place_id(self, loc: Location | None) -> int | None:
        if loc is None:
            return None
        key = (loc.name, loc.country, loc.admin1, loc.lat, loc.lon)
        row = self.db.execute(
            "SELECT id FROM places WHERE name = ? AND country IS ? AND admin1 IS ? AND lat IS ? AND lon IS ?",
            key,
        ).fetchone()
        if row:
            return int(row[0])
        cur = self.db.execute(
            "INSERT INTO places (name, country, admin1, lat, lon, name_ar, geo_precision, geonameid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*key, loc.name_ar, loc.geo_precision, loc.geonameid),
        )
        return cur.lastrowid

    def _actor_id(self, actor: Actor | None) -> int | None:
        if actor is None:
            return None
        row = self.db.execute(
            "SELECT id FROM actors WHERE name = ? AND inter IS ?", (actor.name, actor.inter)
        ).fetchone()
        if row:
            return int(row[0])
        cur = self.db.execute(
            "INSERT INTO actors (name, name_ar, inter) VALUES (?, ?, ?)",
            (actor.name, actor.name_ar, actor.inter),
        )
        return cur.lastrowid

    def _recompute(self, event_id: str) -> None:
        """Rewrites an incident from its sources; fields a human corrected keep the human's value."""
        sources = [e for _, e in self._sources_of(event_id)]
        agg = aggregate(sources)
        values: dict[str, Any] = {
            "event_type": agg.event_type,
            "sub_event_type": agg.sub_event_type,
            "date": _iso(agg.date),
            "time_precision": agg.time_precision,
            "place_id": self._place_id(agg.location),
            "actor1_id": self._actor_id(agg.actor1),
            "actor2_id": self._actor_id(agg.actor2),
            "interaction": interaction_code(agg.actor1, agg.actor2),
            "weapon": agg.weapon,
            "fatalities": agg.fatalities,
            "fatalities_max": agg.fatalities_max,
            "injured": agg.injured,
            "injured_max": agg.injured_max,
            "background": int(agg.background),
            "optional": int(agg.optional),
            "notes": agg.notes,
            "confidence": agg.confidence,
            "n_sources": len(sources),
        }
        locked = json.loads(
            self.db.execute("SELECT locked FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        )
        values.update({k: v for k, v in locked.items() if k in values})
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(f"UPDATE events SET {sets} WHERE id = ?", (*values.values(), event_id))

    def _row(self, row: sqlite3.Row) -> dict[str, Any]:
        d = dict(row)
        d["locked"] = json.loads(d["locked"])
        d["background"] = bool(d["background"])
        d["optional"] = bool(d["optional"])
        return d

    def incident(self, event_id: str) -> IncidentView:
        row = self.db.execute(_INCIDENT_SELECT + " WHERE e.id = ?", (event_id,)).fetchone()
        if row is None:
            raise RasidError(f"no event {event_id!r} in {self.path}")
        rows = self.db.execute(
            "SELECT s.id, s.article_id, s.event_json, a.source, a.url, a.published, a.title FROM sources s"
            " JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? ORDER BY s.rowid",
            (event_id,),
        ).fetchall()
        sources = [
            SourceView(
                id=r["id"],
                article_id=r["article_id"],
                outlet=r["source"],
                url=r["url"],
                published=r["published"],
                title=r["title"],
                event=self._source_event(r["id"], r["event_json"]),
            )
            for r in rows
        ]
        return IncidentView(self._row(row), sources)

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        from rasid.store.query import EventQuery, where  # query builds on this module

        return where(
            EventQuery(
                since=f.since,
                until=f.until,
                country=f.country,
                event_type=f.event_type,
                include_optional=f.include_optional,
            )
        )

    def incident_rows(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        where, args = self._where(filters or Filters())
        sources: dict[str, list[dict[str, Any]]] = {}
        for r in self.db.execute(
            "SELECT s.event_id, s.article_id, s.fatalities, s.injured, s.evidence, a.source AS outlet,"
            " a.url, a.published FROM sources s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.event_id IN (SELECT e.id FROM events e LEFT JOIN places p ON p.id = e.place_id{where})"
            " ORDER BY s.rowid",
            args,
        ):
            d = dict(r)
            sources.setdefault(d.pop("event_id"), []).append(d)
        for row in self.db.execute(_INCIDENT_SELECT + where + " ORDER BY e.date, e.id", args):
            d = self._row(row)
            d["sources"] = sources.get(d["id"], [])
            yield d

    # --- human edits: audited ---------------------------------------------------------------

    def _audit(self, who: str, entity: str, entity_id: str, field: str, old: Any, new: Any) -> None:
        self.db.execute(
            "INSERT INTO audit (at, who, entity, entity_id, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                who,
                entity,
                entity_id,
                field,
                json.dumps(old, ensure_ascii=False),
                json.dumps(new, ensure_ascii=False),
            ),
        )

    def correct(self, event_id: str, field: str, value: Any, who: str) -> None:
        """A human correction: audited, and locked so that machine updates never overwrite it."""
        if field not in EDITABLE_FIELDS:
            raise RasidError(f"field {field!r} cannot be corrected (one of: {', '.join(EDITABLE_FIELDS)})")
        with self._tx():
            row = self.db.execute(f"SELECT {field}, locked FROM events WHERE id = ?", (event_id,)).fetchone()
            if row is None:
                raise RasidError(f"no event {event_id!r} in {self.path}")
            locked = json.loads(row["locked"])
            locked[field] = value
            self._audit(who, "event", event_id, field, row[field], value)
            self.db.execute(
                f"UPDATE events SET {field} = ?, locked = ? WHERE id = ?",
                (value, json.dumps(locked, ensure_ascii=False, sort_keys=True), event_id),
            )

    def split(self, event_id: str, article_id: str | None = None, who: str = "cli") -> list[str]:
        """Detaches one article's report (or every report but the first) into incidents of its own."""
        with self._tx():
            members = self._sources_of(event_id)
            if not members:
                raise RasidError(f"no event {event_id!r} in {self.path}")
            if article_id is None:
                leaving = [sid for sid, _ in members[1:]]
            else:
                leaving = [sid for sid, e in members if e.article_id == article_id]
                if not leaving:
                    raise RasidError(f"event {event_id} has no source from article {article_id!r}")
            if not leaving or len(leaving) == len(members):
                raise RasidError(f"event {event_id} has a single source: nothing to split")
            staying = [sid for sid, _ in members if sid not in leaving]
            new_ids = []
            for sid in leaving:
                new_id = self._new_incident_id(f"split:{sid}")
                event = dict(members)[sid]
                self.db.execute(
                    "INSERT INTO events (id, event_type, sub_event_type) VALUES (?, ?, ?)",
                    (new_id, event.event_type, event.sub_event_type),
                )
                self.db.execute("UPDATE sources SET event_id = ? WHERE id = ?", (new_id, sid))
                self._recompute(new_id)
                new_ids.append(new_id)
            for a in leaving:  # never merge these reports again, with each other or the rest
                for b in [*staying, *leaving]:
                    if a != b:
                        self.db.execute(
                            "INSERT OR IGNORE INTO merge_blocks VALUES (?, ?)", (min(a, b), max(a, b))
                        )
            self._recompute(event_id)
            self._audit(who, "event", event_id, "split", [sid for sid, _ in members], staying)
        return new_ids

    def merge(self, event_ids: Sequence[str], who: str = "cli") -> str:
        """A human merge: the sources of all incidents join the first one."""
        if len(set(event_ids)) < 2:
            raise RasidError("merge needs at least two different event ids")
        target, *others = list(dict.fromkeys(event_ids))
        with self._tx():
            for event_id in [target, *others]:
                if not self._exists(event_id):
                    raise RasidError(f"no event {event_id!r} in {self.path}")
            moved = [sid for other in others for sid, _ in self._sources_of(other)]
            kept = [sid for sid, _ in self._sources_of(target)]
            for other in others:
                self.db.execute("UPDATE sources SET event_id = ? WHERE event_id = ?", (target, other))
                self.db.execute("DELETE FROM events WHERE id = ?", (other,))
            for a in moved:
                self.db.execute(
                    "DELETE FROM merge_blocks WHERE source_a = ? OR source_b = ?",
                    (a, a),
                )
            self._recompute(target)
            self._audit(who, "event", target, "merge", kept, kept + moved)
        return target

    # --- reading ------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]:
        """Articles matching all words of `query` (normalised like the index), best first."""
        words = norm(query).replace("\x00", " ").split()  # FTS5 reads NUL as the end of the query
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.db.execute(
            "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "sources", "places", "actors", "audit")
        counts = {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
        counts["multi_source_events"] = int(
            self.db.execute("SELECT count(*) FROM events WHERE n_sources > 1").fetchone()[0]
        )
        return counts

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        wall_clock = {"ingested_at", "at"}
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in ("articles", "places", "actors", "events", "sources", "merge_blocks", "audit"):
            cols = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})") if r[1] not in wall_clock]
            if table == "audit":
                cols.remove("id")
            rows = self.db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted((tuple(r) for r in rows), key=repr)
        fts = self.db.execute("SELECT rowid, title, text FROM articles_fts ORDER BY rowid").fetchall()
        out["articles_fts"] = [tuple(r) for r in fts]
        return out
