"""Cross-article merging: when do two reports describe one incident, and what does the incident say.

Two events are one incident when their sub-types belong to one family, their dates are at most one
day apart, their places are within 25 km (or one place contains the other) and their actors do not
contradict each other. The incident keeps every source; its figures are ACLED-conservative.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from rasid.model import Actor, Event, Location
from rasid.text import norm

T = TypeVar("T")
MAX_KM = 25.0
MAX_DAYS = 1

# Sub-types that outlets routinely describe differently for one incident share a family
# (a drone strike for one outlet is shelling for another); anything else is its own family.
_FAMILIES: dict[str, str] = {
    "Armed clash": "battle",
    "Government regains territory": "territory",
    "Non-state actor overtakes territory": "territory",
    "Non-violent transfer of territory": "territory",
    "Chemical weapon": "remote",
    "Air/drone strike": "remote",
    "Shelling/artillery/missile attack": "remote",
    "Remote explosive/landmine/IED": "bombing",
    "Suicide bomb": "bombing",
    "Grenade": "bombing",
    "Attack": "attack",
    "Sexual violence": "attack",
    "Abduction/forced disappearance": "abduction",
    "Peaceful protest": "demonstration",
    "Protest with intervention": "demonstration",
    "Excessive force against protesters": "demonstration",
    "Violent demonstration": "demonstration",
    "Mob violence": "demonstration",
}


def family(event: Event) -> str:
    """The merge family of an event's sub-type (its own name when it has no family)."""
    sub = event.sub_event_type or event.event_type
    return _FAMILIES.get(sub, sub)


def distance_km(a: Location, b: Location) -> float | None:
    """Great-circle distance, or None when either side lacks coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _key(name: str | None) -> str:
    return _name_key(name) if name else ""


@lru_cache(maxsize=20_000)
def _name_key(name: str) -> str:
    return norm(name).strip().lower()


def _names(loc: Location) -> set[str]:
    return {k for k in (_key(loc.name), _key(loc.name_ar)) if k}


def _contains(outer: Location, inner: Location) -> bool:
    """`outer` is a province/region (precision 3, or 2 with no town) that holds `inner`."""
    if (outer.geo_precision or 1) < 2 or (inner.geo_precision or 1) > (outer.geo_precision or 1):
        return False
    admin = _key(inner.admin1)
    return bool(admin) and (admin in _names(outer) or admin == _key(outer.admin1))


def place_cost(a: Location | None, b: Location | None) -> float | None:
    """A distance-like cost when the places can be one incident's, else None."""
    if a is None or b is None:
        return None
    if a.country and b.country and a.country != b.country:
        return None
    km = distance_km(a, b)
    if km is not None and km <= MAX_KM:
        return km
    if _contains(a, b) or _contains(b, a):
        return MAX_KM
    if km is None and _names(a) & _names(b):
        return 0.0
    return None


def _actor_keys(e: Event) -> tuple[set[str], set[int]]:
    actors = [a for a in (e.actor1, e.actor2) if a is not None]
    names = {k for a in actors for k in (_key(a.name), _key(a.name_ar)) if k}
    return names, {a.inter for a in actors if a.inter is not None}


def actors_compatible(a: Event, b: Event) -> bool:
    """Compatible unless both name actors that differ: no shared name, other interaction code,
    and neither report names just one actor of the other's types (outlets often name one side)."""
    names_a, inters_a = _actor_keys(a)
    names_b, inters_b = _actor_keys(b)
    if not (names_a or inters_a) or not (names_b or inters_b) or names_a & names_b:
        return True
    if a.interaction == b.interaction:
        return True
    one_sided = (a.actor2 is None and inters_a <= inters_b) or (b.actor2 is None and inters_b <= inters_a)
    return one_sided and bool(inters_a and inters_b)


def dates_compatible(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= MAX_DAYS


def same_incident_cost(a: Event, b: Event) -> float | None:
    """None when `a` and `b` cannot be one incident; else a cost (lower is a closer match)."""
    if family(a) != family(b) or not dates_compatible(a.date, b.date):
        return None
    if not actors_compatible(a, b):
        return None
    cost = place_cost(a.location, b.location)
    if cost is None:
        return None
    assert a.date is not None and b.date is not None
    return cost + 10.0 * abs((a.date - b.date).days) + (0 if a.sub_event_type == b.sub_event_type else 5)


def incident_cost(event: Event, sources: Sequence[Event]) -> float | None:
    """Complete linkage: the event must fit every source already in the incident (no chaining)."""
    costs = [same_incident_cost(event, s) for s in sources]
    if not costs or any(c is None for c in costs):
        return None
    return sum(c for c in costs if c is not None) / len(costs)


@dataclass(slots=True)
class Aggregate:
    """What an incident says, computed from its sources (human locks are applied by the store)."""

    event_type: str
    sub_event_type: str
    date: dt.date | None
    time_precision: int | None
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    weapon: str | None
    fatalities: int | None
    fatalities_max: int | None
    injured: int | None
    injured_max: int | None
    background: bool
    optional: bool
    notes: str | None
    confidence: float


def _majority(values: Sequence[T | None]) -> T | None:
    """The most frequent non-null value; ties go to the one seen first."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    best = max(counts.values())
    return next(v for v in present if counts[v] == best)


def aggregate(sources: Sequence[Event]) -> Aggregate:
    """The incident's fields from its sources, in source order."""
    if not sources:
        raise ValueError("an incident needs at least one source")
    first = sources[0]
    sub = _majority([s.sub_event_type for s in sources]) or first.sub_event_type
    event_type = next(s.event_type for s in sources if s.sub_event_type == sub)
    dates = [s.date for s in sources]
    counts = Counter(d for d in dates if d is not None)
    date = min(counts, key=lambda d: (-counts[d], d)) if counts else None
    precisions = [s.time_precision for s in sources if s.date == date and s.time_precision]
    located = [s.location for s in sources if s.location is not None]
    location = min(located, key=lambda loc: loc.geo_precision or 9) if located else None
    with_actors = max(sources, key=lambda s: (s.actor1 is not None) + (s.actor2 is not None))
    killed = [s.fatalities for s in sources if s.fatalities is not None]
    hurt = [s.injured for s in sources if s.injured is not None]
    unsure = 1.0
    for s in sources:
        unsure *= 1.0 - max(0.0, min(1.0, s.confidence))
    return Aggregate(
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        time_precision=min(precisions) if precisions else None,
        location=location,
        actor1=with_actors.actor1,
        actor2=with_actors.actor2,
        weapon=_majority([s.weapon for s in sources]),
        fatalities=min(killed) if killed else None,
        fatalities_max=max(killed) if killed else None,
        injured=min(hurt) if hurt else None,
        injured_max=max(hurt) if hurt else None,
        background=all(s.background for s in sources),
        optional=all(s.optional for s in sources),
        notes=next((s.notes for s in sources if s.notes), None),
        confidence=round(1.0 - unsure, 4),
    )
