"""Numbered schema migrations. Never edit a released step: append a new one.

The database's `PRAGMA user_version` is the number of steps applied.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, incidents (events), their sources, places, actors, audit, full-text search.
    """
    CREATE TABLE articles (
        id           TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the normalised text: idempotent ingest
        published    TEXT,
        source       TEXT,                   -- outlet
        url          TEXT,
        title        TEXT,
        text         TEXT NOT NULL,
        origin       TEXT,                   -- the file or feed it was read from
        extractor    TEXT,                   -- pipeline version that produced its events
        ingested_at  TEXT NOT NULL
    );
    CREATE TABLE places (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        name_ar       TEXT,
        country       TEXT,
        admin1        TEXT,
        lat           REAL,
        lon           REAL,
        geo_precision INTEGER,
        geonameid     INTEGER,
        UNIQUE (name, country, admin1, lat, lon)
    );
    CREATE TABLE actors (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL,
        name_ar TEXT,
        inter   INTEGER,
        UNIQUE (name, inter)
    );
    CREATE TABLE events (                    -- one row per incident, possibly from many articles
        id              TEXT PRIMARY KEY,
        event_type      TEXT NOT NULL,
        sub_event_type  TEXT NOT NULL,
        date            TEXT,
        time_precision  INTEGER,
        place_id        INTEGER REFERENCES places(id),
        actor1_id       INTEGER REFERENCES actors(id),
        actor2_id       INTEGER REFERENCES actors(id),
        interaction     TEXT,
        weapon          TEXT,
        fatalities      INTEGER,             -- ACLED-conservative: the lowest figure reported
        fatalities_max  INTEGER,
        injured         INTEGER,
        injured_max     INTEGER,
        background      INTEGER NOT NULL DEFAULT 0,
        optional        INTEGER NOT NULL DEFAULT 0,
        notes           TEXT,
        confidence      REAL,
        n_sources       INTEGER NOT NULL DEFAULT 0,
        locked          TEXT NOT NULL DEFAULT '{}'  -- {field: value} set by a human; wins over machines
    );
    CREATE INDEX events_date ON events (date);
    CREATE TABLE sources (                   -- one article's report of an incident
        id             TEXT PRIMARY KEY,     -- article id '#' index of the event in that article
        event_id       TEXT NOT NULL REFERENCES events(id),
        article_id     TEXT NOT NULL REFERENCES articles(id),
        idx            INTEGER NOT NULL,
        family         TEXT NOT NULL,        -- event-type family, for finding merge candidates
        country        TEXT,
        date           TEXT,
        fatalities     INTEGER,
        injured        INTEGER,
        evidence       TEXT,
        evidence_start INTEGER,
        evidence_end   INTEGER,
        event_json     TEXT NOT NULL         -- the event as the machine extracted it, with all spans
    );
    CREATE INDEX sources_event ON sources (event_id);
    CREATE INDEX sources_article ON sources (article_id);
    CREATE INDEX sources_date ON sources (date);
    CREATE TABLE merge_blocks (              -- source pairs a human split apart: never merge again
        source_a TEXT NOT NULL,
        source_b TEXT NOT NULL,
        PRIMARY KEY (source_a, source_b)
    );
    CREATE TABLE audit (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        who       TEXT NOT NULL,
        entity    TEXT NOT NULL,             -- 'event', 'source', ...
        entity_id TEXT NOT NULL,
        field     TEXT NOT NULL,
        old       TEXT,
        new       TEXT
    );
    CREATE INDEX audit_entity ON audit (entity, entity_id);
    CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
    """,
    # 2: reviewers: incidents marked "not an event", API tokens (salted hashes), query indexes.
    """
    ALTER TABLE events ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX events_place ON events (place_id);
    CREATE TABLE api_tokens (
        name       TEXT PRIMARY KEY,
        salt       TEXT NOT NULL,
        hash       TEXT NOT NULL,             -- sha256(salt + token), hex
        created_at TEXT NOT NULL
    );
    """,
)
