"""Cross-article merging on the multi-report corpus: exact incidents, conservative figures, split/merge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rasid.errors import RasidError
from rasid.io.inputs import read_inputs
from rasid.model import Actor, Event, Location
from rasid.store import SQLiteStore
from rasid.store.ingest import ingest
from rasid.store.merge import actors_compatible, aggregate, place_cost, same_incident_cost

CORPUS = Path(__file__).parent / "data" / "multireport"

# Sources (article id # event index) that report one incident; everything else stays apart:
# a4 same day other city, a5 same city other day, a6 same city and day but a protest,
# a8#1 an arrest, a11/a12 same place and day but different belligerents.
EXPECTED = {
    frozenset({"a1#0", "a2#0", "a3#0"}),
    frozenset({"a4#0"}),
    frozenset({"a5#0"}),
    frozenset({"a6#0"}),
    frozenset({"a7#0", "a8#0"}),
    frozenset({"a8#1"}),
    frozenset({"a9#0", "a10#0"}),
    frozenset({"a11#0"}),
    frozenset({"a12#0"}),
}


def groups(store: SQLiteStore) -> set[frozenset[str]]:
    rows = store.db.execute("SELECT event_id, id FROM sources").fetchall()
    out: dict[str, set[str]] = {}
    for event_id, source_id in rows:
        out.setdefault(event_id, set()).add(source_id)
    return {frozenset(v) for v in out.values()}


def incident_of(store: SQLiteStore, source_id: str) -> str:
    return store.db.execute("SELECT event_id FROM sources WHERE id = ?", (source_id,)).fetchone()[0]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "m.db")
    summary = ingest(read_inputs([str(CORPUS)]), s, input_events=True)
    assert summary.errors == []
    yield s
    s.close()


def test_corpus_merges_exactly(store: SQLiteStore) -> None:
    assert groups(store) == EXPECTED


def test_merge_is_independent_of_reading_order(tmp_path: Path) -> None:
    lines = (CORPUS / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    reversed_file = tmp_path / "reversed.jsonl"
    reversed_file.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    s = SQLiteStore(tmp_path / "r.db")
    ingest(read_inputs([str(reversed_file)]), s, input_events=True)
    assert groups(s) == EXPECTED
    s.close()


def test_incident_keeps_per_source_figures_and_reports_the_lowest(store: SQLiteStore) -> None:
    view = store.incident(incident_of(store, "a1#0"))
    row = view.row
    assert (row["fatalities"], row["fatalities_max"]) == (3, 5)
    assert (row["injured"], row["injured_max"]) == (7, 7)
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"  # two outlets against one
    assert row["date"] == "2021-07-29"
    assert row["location"] == "Aleppo" and row["geo_precision"] == 1
    assert row["n_sources"] == 3
    assert [s.outlet for s in view.sources] == ["وكالة الشرق", "صحيفة المساء", "شبكة الأخبار"]
    assert [s.event.fatalities for s in view.sources] == [3, 5, 4]
    # Every source keeps the sentence it was coded from, verbatim.
    texts = {
        a: store.db.execute("SELECT text FROM articles WHERE id = ?", (a,)).fetchone()[0]
        for a in "a1 a2 a3".split()
    }
    for s in view.sources:
        ev = s.event.evidence
        assert ev is not None and texts[s.article_id][ev.start : ev.end] == ev.text


def test_province_report_merges_with_the_town_inside_it(store: SQLiteStore) -> None:
    row = store.incident(incident_of(store, "a9#0")).row
    assert row["location"] == "Maarat al-Numan"  # the more precise place wins
    assert (row["fatalities"], row["fatalities_max"]) == (6, 8)


def test_split_and_merge_are_reversible_and_audited(store: SQLiteStore) -> None:
    event_id = incident_of(store, "a1#0")
    new_ids = store.split(event_id, "a3", who="analyst")
    assert len(new_ids) == 1
    assert store.incident(event_id).row["n_sources"] == 2
    assert store.incident(new_ids[0]).row["fatalities"] == 4
    assert frozenset({"a1#0", "a2#0"}) in groups(store) and frozenset({"a3#0"}) in groups(store)
    audit = store.db.execute("SELECT who, field FROM audit WHERE entity_id = ?", (event_id,)).fetchall()
    assert [tuple(r) for r in audit] == [("analyst", "split")]

    assert store.merge([event_id, new_ids[0]], who="analyst") == event_id
    assert groups(store) == EXPECTED
    assert store.incident(event_id).row["fatalities_max"] == 5


def test_split_without_source_separates_every_report(store: SQLiteStore) -> None:
    event_id = incident_of(store, "a1#0")
    assert len(store.split(event_id)) == 2
    assert {frozenset({f"a{i}#0"}) for i in (1, 2, 3)} <= groups(store)
    with pytest.raises(RasidError, match="single source"):
        store.split(event_id)


def test_split_reports_are_not_merged_back_on_reextraction(store: SQLiteStore) -> None:
    event_id = incident_of(store, "a1#0")
    store.split(event_id, "a2")
    items = [i for i in read_inputs([str(CORPUS / "reports.jsonl")]) if i.article.id == "a2"]
    result = ingest(items, store, input_events=True, reextract=True)
    assert result.reextracted == 1
    assert frozenset({"a2#0"}) in groups(store)


def test_unknown_event_and_bad_split(store: SQLiteStore) -> None:
    with pytest.raises(RasidError, match="no event"):
        store.incident("Enope")
    with pytest.raises(RasidError, match="no source from article"):
        store.split(incident_of(store, "a1#0"), "a9")


# --- the rules one by one -----------------------------------------------------------------

D = dt.date(2021, 7, 29)
HOMS = Location("Homs", "حمص", "SY", "Homs", 34.7324, 36.7137, 1)
HOMS_EDGE = Location("Homs", "أطراف حمص", "SY", "Homs", 34.80, 36.80, 2)
HAMA = Location("Hama", "حماة", "SY", "Hama", 35.1318, 36.7578, 1)


def event(sub: str = "Armed clash", date: dt.date | None = D, loc: Location | None = HOMS, **kw) -> Event:
    from rasid.model import SUB_TO_TYPE

    return Event(SUB_TO_TYPE[sub], sub, date=date, location=loc, **kw)


def test_rules_dates_places_families() -> None:
    base = event()
    assert same_incident_cost(base, event(date=D + dt.timedelta(days=1))) is not None
    assert same_incident_cost(base, event(date=D + dt.timedelta(days=2))) is None
    assert same_incident_cost(base, event(date=None)) is None
    assert same_incident_cost(base, event(loc=HOMS_EDGE)) is not None  # ~11 km
    assert same_incident_cost(base, event(loc=HAMA)) is None  # ~45 km
    assert same_incident_cost(base, event("Attack")) is None
    drone = event("Air/drone strike")
    assert same_incident_cost(drone, event("Shelling/artillery/missile attack")) is not None
    assert place_cost(HOMS, Location("Homs", None, "LB", None, 34.7324, 36.7137, 1)) is None


def test_rules_actors() -> None:
    army = Actor("Military Forces of Syria", "الجيش", 1)
    isis = Actor("Islamic State", None, 2)
    sdf = Actor("SDF: Syrian Democratic Forces", None, 2)
    tribe = Actor("Tribal Militia", None, 4)
    assert actors_compatible(event(actor1=army, actor2=isis), event())
    assert actors_compatible(event(actor1=army, actor2=isis), event(actor1=isis))
    assert actors_compatible(event(actor1=army, actor2=isis), event(actor1=Actor("Syrian Army", "الجيش", 1)))
    assert not actors_compatible(event(actor1=army, actor2=isis), event(actor1=sdf, actor2=tribe))


def test_aggregate_majority_and_conservative_figures() -> None:
    a = event(
        "Shelling/artillery/missile attack", fatalities=5, injured=None, weapon="rocket", confidence=0.5
    )
    b = event("Air/drone strike", fatalities=3, injured=2, weapon="drone", confidence=0.5)
    c = event("Shelling/artillery/missile attack", fatalities=None, weapon="rocket", date=D + dt.timedelta(1))
    agg = aggregate([a, b, c])
    assert agg.sub_event_type == "Shelling/artillery/missile attack"
    assert (agg.fatalities, agg.fatalities_max, agg.injured, agg.injured_max) == (3, 5, 2, 2)
    assert agg.weapon == "rocket" and agg.date == D
    assert agg.confidence == pytest.approx(0.875)
