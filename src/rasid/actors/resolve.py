"""From an actor mention to the Actor of one event, given the country where the event happened.

ACLED conventions: state forces are inter 1 in their own country and 8 abroad; coalitions, the
UN and other external forces are 8; generic words ("الجيش", "قوات الأمن", "مدنيون") take the
event's country ("Military Forces of Iraq", "Civilians (Iraq)").
"""

from __future__ import annotations

from rasid.actors.lexicon import MILITARY_NAME, ActorEntry, Lexicon, lexicon
from rasid.actors.match import LABEL_ORG
from rasid.model import Actor, ActorMention

_NO_COUNTRY_SUFFIXES = (" of {the}{country}", " ({country})")


def fill_name(lex: Lexicon, template: str, iso2: str | None) -> str:
    """'Military Forces of {the}{country}' -> 'Military Forces of the United States'."""
    if "{country}" not in template:
        return template
    if iso2 is None:
        for suffix in _NO_COUNTRY_SUFFIXES:
            template = template.replace(suffix, "")
        return template.replace("{the}", "").replace("{country}", "").strip()
    name, the = lex.country_name(iso2)
    return template.replace("{the}", the).replace("{country}", name)


def _state_inter(country: str | None, event_country: str | None) -> int:
    return 8 if country and event_country and country != event_country else 1


def resolve_inter(mention: ActorMention, event_country: str | None) -> Actor:
    """The Actor of `mention` for an event located in `event_country` (ISO2, or None if unknown)."""
    lex = lexicon()
    name_ar = mention.actor.name_ar if mention.actor and mention.actor.name_ar else mention.text
    key = getattr(mention, "entry_key", None)
    entry: ActorEntry | None = lex.entries.get(key) if key else None
    kind = mention.kind
    if entry is None:
        # Not from the dictionary (ORG fallback, or built elsewhere): go by kind and country.
        current = mention.actor
        if kind == "state":
            country = mention.country or event_country
            keep = current is not None and "{" not in current.name and mention.label != LABEL_ORG
            name = current.name if keep and current else fill_name(lex, MILITARY_NAME, country)
            return Actor(name, name_ar, _state_inter(country, event_country))
        if kind == "external":
            return Actor(current.name if current else "External forces", name_ar, 8)
        if current is None:
            return Actor("Unidentified Armed Group", name_ar, 3)
        country = mention.country or event_country
        return Actor(fill_name(lex, current.name, country), name_ar, current.inter)

    country = mention.country or entry.country
    fill_country = country or event_country
    name, inter = entry.name, entry.inter
    # a state's generic forces named with no nationality in a land without its own army ("القوات" in
    # Gaza) are those the dictionary gives for it; with a nationality they are that state's
    overridden = fill_country in entry.by_country and not (entry.kind == "state" and mention.country)
    # a group's name that means another group where the event is ("لجان المقاومة الشعبية" in Yemen)
    elsewhere = (
        entry.kind != "state"
        and entry.country is not None
        and mention.country in (None, entry.country)  # a nationality named sets it ("الفصائل الفلسطينية")
        and event_country in entry.by_country
    )
    if elsewhere:
        fill_country = event_country
    if overridden or elsewhere:
        name, inter = entry.by_country[fill_country]
    name = fill_name(lex, name, fill_country)
    if entry.kind == "state" and not overridden:
        inter = _state_inter(fill_country, event_country)
    elif entry.kind == "external":
        inter = 8
    return Actor(name, name_ar, inter)
