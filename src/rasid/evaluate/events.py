"""The event scorer of GUIDELINES.md ("How a prediction is matched").

Matching, per article:
1. Predictions are paired one-to-one with non-optional gold events by a maximum matching over the
   allowed pairs (same event_type, date within the gold time_precision window, location within the
   gold geo_precision radius). Then the predictions left are matched the same way to optional gold.
2. Among the matchings with the most pairs, the one with the most field agreement is chosen,
   compared level by level: sub_event_type equal, then date equal, then location within 10 km, then
   the number of other equal fields (weapon, interaction, fatalities, injured), then the closest
   dates, then the shortest distances. Any remaining tie goes to the earlier event in file order.
   This is a maximum-weight matching (Hungarian algorithm) whose integer weights encode the levels
   so that a larger pair count always wins, then each level in turn; it is exact, not greedy.

Conventions where the guidelines leave a gap:
- a gold event with a date but no time_precision is held to the 1-day window; one with
  coordinates but no geo_precision to the 25 km radius;
- field accuracies are computed on the scored pairs (non-optional gold). A pair is not scored on
  `location` when the gold event has no coordinates, on `date` when the gold date is null, and on
  `interaction` when the gold event has no actor with an inter code; the denominators count only the
  scored pairs. fatalities, injured and weapon compare with null == null;
- per event type: a pair is a hit of its (shared) event type; per sub-event type: a pair is a hit
  of sub-type S only when both sides have S. Predictions paired with optional gold are left out of
  every precision denominator;
- relevance: an article counts as "found" when it has a prediction that counts in precision, so a
  prediction paired with an optional gold event does not make an article found;
- precision with no counted prediction, recall with no non-optional gold, and an accuracy with no
  scored pair are None (null in JSON); F1 is 0.0 when either side is 0, None when undefined.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasid.errors import RasidError
from rasid.model import EVENT_TYPES, Event

DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}
LOCATION_RADIUS_KM = {1: 25.0, 2: 50.0, 3: 150.0}
LOCATION_EXACT_KM = 10.0
EARTH_RADIUS_KM = 6371.0088

FIELDS = ("sub_event_type", "date", "location", "fatalities", "injured", "interaction", "weapon")
JSON_KEYS = (
    "event_precision",
    "event_recall",
    "event_f1",
    *(f"{f}_acc" for f in FIELDS),
    "relevance_precision",
    "relevance_recall",
    "n_articles",
    "n_gold",
    "n_pred",
)


# --- pairing rules -----------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def coordinates(event: Event) -> tuple[float, float] | None:
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return float(loc.lat), float(loc.lon)


def distance_km(gold: Event, pred: Event) -> float | None:
    """Distance between the two events' coordinates, or None when either has none."""
    g, p = coordinates(gold), coordinates(pred)
    if g is None or p is None:
        return None
    return haversine_km(g[0], g[1], p[0], p[1])


def date_allowed(gold: Event, pred: Event) -> bool:
    if gold.date is None:
        return True
    if pred.date is None:
        return False
    window = DATE_WINDOW_DAYS.get(gold.time_precision or 1, 1)
    return abs((pred.date - gold.date).days) <= window


def location_allowed(gold: Event, pred: Event) -> bool:
    if coordinates(gold) is None:
        return True
    km = distance_km(gold, pred)
    if km is None:
        return False
    geo_precision = gold.location.geo_precision if gold.location else None
    return km <= LOCATION_RADIUS_KM.get(geo_precision or 1, LOCATION_RADIUS_KM[1])


def pair_allowed(gold: Event, pred: Event) -> bool:
    return gold.event_type == pred.event_type and date_allowed(gold, pred) and location_allowed(gold, pred)


def field_agreement(gold: Event, pred: Event) -> dict[str, bool | None]:
    """Per field: True/False when the pair is scored on it, None when it is not."""
    km = distance_km(gold, pred)
    gold_interaction = gold.interaction
    return {
        "sub_event_type": gold.sub_event_type == pred.sub_event_type,
        "date": None if gold.date is None else gold.date == pred.date,
        "location": None if coordinates(gold) is None else (km is not None and km <= LOCATION_EXACT_KM),
        "fatalities": gold.fatalities == pred.fatalities,
        "injured": gold.injured == pred.injured,
        "interaction": None if gold_interaction is None else gold_interaction == pred.interaction,
        "weapon": gold.weapon == pred.weapon,
    }


# --- maximum matching with tie-breaks ------------------------------------------------------

# Tie-break levels of one pair, most important first, with their largest value per pair.
_LEVEL_MAX = (1, 1, 1, 4, 31, 150)


def _pair_levels(gold: Event, pred: Event) -> tuple[int, ...]:
    agree = field_agreement(gold, pred)
    others = sum(bool(agree[f]) for f in ("weapon", "interaction", "fatalities", "injured"))
    days = abs((pred.date - gold.date).days) if gold.date and pred.date else 31
    km = distance_km(gold, pred)
    return (
        int(agree["sub_event_type"]),
        int(bool(agree["date"])),
        int(bool(agree["location"])),
        others,
        31 - min(31, days),
        0 if km is None else 150 - min(150, round(km)),
    )


def _pair_weight(levels: tuple[int, ...], max_pairs: int) -> int:
    """One integer that orders matchings by pair count, then by each level's sum in turn."""
    weight = 1  # the pair itself; scaled below so it outweighs every level together
    for level, top in zip(levels, _LEVEL_MAX, strict=True):
        radix = top * max_pairs + 1  # a level's sum over a matching stays below its radix
        weight = weight * radix + level
    return weight


def max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """(row, col) pairs of maximum total weight; weight 0 means "not allowed" (Hungarian, exact)."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    transposed = n_rows > n_cols
    if transposed:
        weights = [list(col) for col in zip(*weights, strict=True)]
        n_rows, n_cols = n_cols, n_rows
    # Minimum-cost assignment of every row to a distinct column, cost = -weight (1-based arrays).
    row_pot = [0] * (n_rows + 1)
    col_pot = [0] * (n_cols + 1)
    owner = [0] * (n_cols + 1)  # owner[col] = row assigned to col
    way = [0] * (n_cols + 1)
    for row in range(1, n_rows + 1):
        owner[0] = row
        col0 = 0
        slack: list[float] = [math.inf] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[col0] = True
            row0 = owner[col0]
            delta: float = math.inf
            col1 = 0
            for col in range(1, n_cols + 1):
                if used[col]:
                    continue
                reduced = -weights[row0 - 1][col - 1] - row_pot[row0] - col_pot[col]
                if reduced < slack[col]:
                    slack[col] = reduced
                    way[col] = col0
                if slack[col] < delta:
                    delta = slack[col]
                    col1 = col
            for col in range(n_cols + 1):
                if used[col]:
                    row_pot[owner[col]] += delta
                    col_pot[col] -= delta
                else:
                    slack[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = [
        (owner[col] - 1, col - 1)
        for col in range(1, n_cols + 1)
        if owner[col] and weights[owner[col] - 1][col - 1] > 0
    ]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def match_events(gold: list[Event], pred: list[Event]) -> list[tuple[int, int]]:
    """A maximum matching (gold index, pred index) over allowed pairs, with the tie-breaks above."""
    max_pairs = min(len(gold), len(pred))
    weights = [
        [_pair_weight(_pair_levels(g, p), max_pairs) if pair_allowed(g, p) else 0 for p in pred] for g in gold
    ]
    return max_weight_matching(weights)


# --- per-article and overall results ---------------------------------------------------------


@dataclass(slots=True)
class Pair:
    gold: Event
    pred: Event

    @property
    def agreement(self) -> dict[str, bool | None]:
        return field_agreement(self.gold, self.pred)

    @property
    def distance_km(self) -> float | None:
        return distance_km(self.gold, self.pred)

    def disagreements(self) -> list[str]:
        return [f for f, ok in self.agreement.items() if ok is False]


@dataclass(slots=True)
class ArticleResult:
    article_id: str
    gold: list[Event]
    pred: list[Event]
    scored: list[Pair] = field(default_factory=list)  # pairs with non-optional gold
    optional: list[Pair] = field(default_factory=list)  # pairs with optional gold
    missed: list[Event] = field(default_factory=list)  # non-optional gold left unpaired
    false_alarms: list[Event] = field(default_factory=list)  # predictions left unpaired

    @property
    def relevant(self) -> bool:
        return any(not e.optional for e in self.gold)

    @property
    def found(self) -> bool:
        """The system reported an event that counts (one paired with optional gold does not)."""
        return bool(self.scored or self.false_alarms)

    @property
    def counted_pred(self) -> list[Event]:
        """Predictions that count in precision: all but those paired with optional gold."""
        return [p.pred for p in self.scored] + self.false_alarms


def score_article(article_id: str, gold: list[Event], pred: list[Event]) -> ArticleResult:
    result = ArticleResult(article_id, gold, pred)
    required = [g for g in gold if not g.optional]
    optional = [g for g in gold if g.optional]
    first = match_events(required, pred)
    result.scored = [Pair(required[g], pred[p]) for g, p in first]
    paired_gold = {g for g, _ in first}
    left = [p for i, p in enumerate(pred) if i not in {pi for _, pi in first}]
    second = match_events(optional, left)
    result.optional = [Pair(optional[g], left[p]) for g, p in second]
    result.missed = [g for i, g in enumerate(required) if i not in paired_gold]
    result.false_alarms = [p for i, p in enumerate(left) if i not in {pi for _, pi in second}]
    return result


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision == 0 or recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class Counts:
    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0

    def to_dict(self) -> dict[str, Any]:
        p, r = ratio(self.n_matched, self.n_pred), ratio(self.n_matched, self.n_gold)
        return {
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "n_matched": self.n_matched,
        }


@dataclass(slots=True)
class EvalReport:
    articles: list[ArticleResult]
    unknown_articles: list[str] = field(default_factory=list)  # predicted ids absent from gold

    @property
    def scored_pairs(self) -> list[Pair]:
        return [p for a in self.articles for p in a.scored]

    def field_counts(self) -> dict[str, tuple[int, int]]:
        """Per field: (agreeing pairs, scored pairs)."""
        counts = {f: [0, 0] for f in FIELDS}
        for pair in self.scored_pairs:
            for f, ok in pair.agreement.items():
                if ok is not None:
                    counts[f][0] += ok
                    counts[f][1] += 1
        return {f: (c[0], c[1]) for f, c in counts.items()}

    def event_counts(self) -> Counts:
        return Counts(
            n_gold=sum(len(a.scored) + len(a.missed) for a in self.articles),
            n_pred=sum(len(a.counted_pred) for a in self.articles),
            n_matched=len(self.scored_pairs),
        )

    def per_type(self) -> dict[str, dict[str, Counts]]:
        """Counts per event type and per sub-event type (see the module notes)."""
        by_type: dict[str, Counts] = {t: Counts() for t in EVENT_TYPES}
        by_sub: dict[str, Counts] = {}
        for a in self.articles:
            for g in a.gold:
                if not g.optional:
                    by_type.setdefault(g.event_type, Counts()).n_gold += 1
                    by_sub.setdefault(g.sub_event_type, Counts()).n_gold += 1
            for p in a.counted_pred:
                by_type.setdefault(p.event_type, Counts()).n_pred += 1
                by_sub.setdefault(p.sub_event_type, Counts()).n_pred += 1
            for pair in a.scored:
                by_type[pair.gold.event_type].n_matched += 1
                if pair.gold.sub_event_type == pair.pred.sub_event_type:
                    by_sub[pair.gold.sub_event_type].n_matched += 1
        by_type = {t: c for t, c in by_type.items() if c.n_gold or c.n_pred}
        return {"event_type": by_type, "sub_event_type": dict(sorted(by_sub.items()))}

    def to_json(self) -> dict[str, Any]:
        events = self.event_counts().to_dict()
        relevant = [a for a in self.articles if a.relevant]
        found = [a for a in self.articles if a.found]
        both = sum(a.relevant for a in found)
        out: dict[str, Any] = {
            "event_precision": events["precision"],
            "event_recall": events["recall"],
            "event_f1": events["f1"],
        }
        for f, (ok, n) in self.field_counts().items():
            out[f"{f}_acc"] = ratio(ok, n)
        out |= {
            "relevance_precision": ratio(both, len(found)),
            "relevance_recall": ratio(both, len(relevant)),
            "n_articles": len(self.articles),
            "n_gold": sum(1 for a in self.articles for g in a.gold if not g.optional),
            "n_pred": sum(len(a.pred) for a in self.articles),
            "n_gold_optional": sum(1 for a in self.articles for g in a.gold if g.optional),
            "n_pred_on_optional": sum(len(a.optional) for a in self.articles),
            "per_type": {
                kind: {name: c.to_dict() for name, c in table.items()}
                for kind, table in self.per_type().items()
            },
        }
        return out


def evaluate(
    gold: Mapping[str, list[Event]], pred: Mapping[str, list[Event]] | Iterable[Event]
) -> EvalReport:
    """Scores predictions against gold, article by article (gold decides the article set)."""
    if not isinstance(pred, Mapping):
        pred = group_by_article(pred)
    articles = [score_article(aid, events, list(pred.get(aid, []))) for aid, events in gold.items()]
    unknown = [aid for aid in pred if aid not in gold and pred[aid]]
    return EvalReport(articles, unknown)


def group_by_article(events: Iterable[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for e in events:
        if e.article_id is None:
            raise RasidError("a predicted event has no article_id")
        grouped.setdefault(e.article_id, []).append(e)
    return grouped
