"""ACLED-style one-sentence English notes, generated from an event's fields only.

Used by the event stage for new events and by exports for stored incidents that have none.
"""

from __future__ import annotations

from rasid.model import Event

_WHAT = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of territory from {a2}",
    "Chemical weapon": "{a1} carried out a chemical attack on {a2}",
    "Air/drone strike": "{a1} carried out {weapon} strikes on {a2}",
    "Suicide bomb": "{a1} carried out a suicide bombing against {a2}",
    "Shelling/artillery/missile attack": "{a1} fired {weapon} at {a2}",
    "Remote explosive/landmine/IED": "{weapon} exploded, targeting {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Peaceful protest": "{a1} held a demonstration",
    "Protest with intervention": "{a1} demonstrated and were dispersed by {a2}",
    "Excessive force against protesters": "{a2} used lethal force against {a1}",
    "Violent demonstration": "{a1} rioted and clashed with {a2}",
    "Mob violence": "{a1} attacked {a2}",
    "Agreement": "{a1} and {a2} reached an agreement",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its activity",
    "Disrupted weapons use": "{a1} disrupted {weapon} use by {a2}",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} destroyed or looted property of {a2}",
    "Non-violent transfer of territory": "{a1} handed over territory to {a2}",
    "Other": "{a1} was involved in an incident with {a2}",
}
_WEAPON = {
    "rocket": "rockets",
    "missile": "missiles",
    "mortar": "mortar shells",
    "artillery": "artillery",
    "drone": "drone",
    "aircraft": "air",
    "ied": "an IED",
    "car_bomb": "a car bomb",
    "suicide_vest": "an explosive vest",
    "firearm": "firearms",
    "grenade": "a grenade",
    "landmine": "a landmine",
    "chemical": "chemical weapons",
}


def _count(n: int | None, what: str) -> str | None:
    if n is None:
        return None
    if n == 0:
        return f"no {what}"
    return f"{n} {what}"


def note(event: Event) -> str:
    """ "On 29 July 2021, in Baghdad (Baghdad, IQ), unidentified armed group fired rockets at ..."."""
    a1 = event.actor1.name if event.actor1 else "unidentified actors"
    a2 = event.actor2.name if event.actor2 else "unidentified targets"
    weapon = _WEAPON.get(
        event.weapon or "", "weapons" if event.sub_event_type != "Air/drone strike" else "air"
    )
    what = _WHAT.get(event.sub_event_type, "{a1} was involved in an incident").format(
        a1=a1, a2=a2, weapon=weapon
    )
    what = what[0].upper() + what[1:] if not event.date else what
    when = f"On {event.date.day} {event.date:%B %Y}, " if event.date else ""
    where = ""
    if event.location:
        loc = event.location
        admin = ", ".join(x for x in (loc.admin1, loc.country) if x)
        near = "near " if loc.geo_precision == 2 else "in "
        where = f"{near}{loc.name}" + (f" ({admin})" if admin else "") + ", "
    casualties = [c for c in (_count(event.fatalities, "fatalities"), _count(event.injured, "injuries")) if c]
    tail = f" {'; '.join(casualties).capitalize()} reported." if casualties else ""
    return f"{when}{where}{what}.{tail}"
