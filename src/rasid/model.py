"""The document model: articles in, events out, every value tied to a span of the source text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {s: t for t, subs in EVENT_TYPES.items() for s in subs}

WEAPONS = (
    "rocket",
    "missile",
    "mortar",
    "artillery",
    "drone",
    "aircraft",
    "ied",
    "car_bomb",
    "suicide_vest",
    "firearm",
    "grenade",
    "landmine",
    "knife",
    "fire",
    "chemical",
    "other",
)

INTER_CODES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/other forces",
}


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the original article text, and the text they quote."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(slots=True)
class Article:
    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        pub = d.get("published")
        return cls(
            id=str(d["id"]),
            text=d["text"],
            published=dt.date.fromisoformat(pub) if pub else None,
            source=d.get("source"),
            url=d.get("url"),
            title=d.get("title"),
        )


@dataclass(slots=True)
class Location:
    name: str
    name_ar: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Location | None:
        if d is None:
            return None
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Actor:
    name: str
    name_ar: str | None = None
    inter: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(name=d["name"], name_ar=d.get("name_ar"), inter=d.get("inter"))


def interaction_code(actor1: Actor | None, actor2: Actor | None) -> str | None:
    """ACLED interaction: the two inter codes, lower first; 'X0' for one actor; None for none."""
    codes = sorted(a.inter for a in (actor1, actor2) if a is not None and a.inter is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


# Fields of Event that may carry an evidence span in Event.spans.
SPAN_FIELDS = (
    "event_type",
    "date",
    "location",
    "actor1",
    "actor2",
    "weapon",
    "fatalities",
    "injured",
)


@dataclass(slots=True)
class Event:
    event_type: str
    sub_event_type: str
    date: dt.date | None = None
    time_precision: int | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    weapon: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    background: bool = False
    optional: bool = False
    notes: str | None = None
    evidence: Span | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    confidence: float = 0.5
    article_id: str | None = None

    @property
    def interaction(self) -> str | None:
        return interaction_code(self.actor1, self.actor2)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.isoformat() if self.date else None,
            "time_precision": self.time_precision,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "interaction": self.interaction,
            "weapon": self.weapon,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "background": self.background,
            "optional": self.optional,
            "notes": self.notes,
            "evidence": self.evidence.text if self.evidence else None,
            "evidence_span": self.evidence.to_dict() if self.evidence else None,
            "spans": {k: v.to_dict() for k, v in self.spans.items()},
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Reads our own output and gold events (whose `evidence` is a bare string)."""
        evidence = Span.from_dict(d.get("evidence_span"))
        if evidence is None and d.get("evidence"):
            evidence = Span(-1, -1, d["evidence"])
        date = d.get("date")
        return cls(
            event_type=d["event_type"],
            sub_event_type=d.get("sub_event_type") or "",
            date=dt.date.fromisoformat(date) if date else None,
            time_precision=d.get("time_precision"),
            location=Location.from_dict(d.get("location")),
            actor1=Actor.from_dict(d.get("actor1")),
            actor2=Actor.from_dict(d.get("actor2")),
            weapon=d.get("weapon"),
            fatalities=d.get("fatalities"),
            injured=d.get("injured"),
            background=bool(d.get("background", False)),
            optional=bool(d.get("optional", False)),
            notes=d.get("notes"),
            evidence=evidence,
            spans={k: Span(**v) for k, v in (d.get("spans") or {}).items()},
            confidence=float(d.get("confidence", 0.5)),
            article_id=d.get("article_id"),
        )


# --- Mentions: what the pipeline's stages find in a document -----------------------------


@dataclass(slots=True)
class Mention:
    """A stretch of the article that a stage recognised: original offsets and token indices."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    label: str  # PER/ORG/LOC/MISC for entities; a stage's own label otherwise
    text: str
    score: float = 1.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(slots=True)
class DateMention(Mention):
    date: dt.date | None = None
    precision: int | None = None  # 1 day, 2 week or range of days, 3 month
    relative: bool = False  # resolved against the publication date


@dataclass(slots=True)
class PlaceMention(Mention):
    location: Location | None = None
    feature: str | None = None  # GeoNames-style feature code or our own (region, border, ...)


@dataclass(slots=True)
class ActorMention(Mention):
    actor: Actor | None = None
    country: str | None = None  # for state forces: the state (inter 1 at home, 8 abroad)
    kind: str | None = (
        None  # state | rebel | militia | progov | identity | rioters | protesters | civilians | external
    )
