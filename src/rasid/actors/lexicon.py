"""The actor dictionary and the country table, loaded once per process.

`actors.tsv` (hand-written) holds the actors: an English ACLED-style name, inter code, kind,
country and Arabic variants. `actor_countries.tsv` (scripts/build_actor_countries.py) holds
the English country names, nationality adjectives (العراقي، الأميركي …) and the names used for a
state acting as a whole (روسيا، واشنطن، الدولة العبرية …).

Variants are matched token by token against `Token.forms`: an entry word written with ال also
matches the word without it and vice versa ("القوات" ~ "قوات" ~ "للقوات"), unless written
"=word" (exact form only, e.g. "=القاعدة" so that "قاعدة عسكرية" is not al-Qaeda).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

from rasid import resources
from rasid.errors import RasidError
from rasid.text import norm

ACTORS_FILE = "actors.tsv"
COUNTRIES_FILE = "actor_countries.tsv"

KINDS = ("state", "rebel", "militia", "progov", "identity", "rioters", "protesters", "civilians", "external")
MILITARY_NAME = "Military Forces of {the}{country}"
# Endings of a nationality adjective's masculine singular (عراقي): fem., plurals, duals, accusative.
_ADJ_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ا")
# Of those, the endings that make the adjective a noun for people (فلسطينيين، فلسطينيا).
DEMONYM_SUFFIXES = ("ون", "ين", "ان", "ا")
# Adjective + ا that spell a country (سوري+ا = سوريا) or another word (مالي+ا = "financially").
_NOT_ADJECTIVES = frozenset(
    norm(w)
    for w in (
        "سوريا ليبيا تركيا روسيا إثيوبيا أثيوبيا إريتريا أريتريا كينيا نيجيريا بريطانيا ألمانيا إيطاليا "
        "أوكرانيا إسبانيا أستراليا أرمينيا موريتانيا ماليا كنديا هنديا صينيا"
    ).split()
)

# A pattern is a tuple of token slots; a slot is the set of matching forms it accepts.
Pattern = tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str
    the: bool  # written "of the United States" in ACLED actor names
    adjectives: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    key: str
    name: str  # may hold "{the}{country}", filled from the nationality or the event's country
    inter: int
    kind: str
    country: str | None = None
    nat: str = ""  # "opt": a following nationality may set the country; "req": needs one
    by_country: dict[str, tuple[str, int]] = field(default_factory=dict)
    metonym: bool = False  # a country or capital name standing for the state

    @property
    def generic(self) -> bool:
        return "{country}" in self.name


@dataclass(slots=True)
class Lexicon:
    entries: dict[str, ActorEntry]
    countries: dict[str, Country]
    # first-slot form -> (pattern, entry key); patterns of one form sorted longest first
    index: dict[str, list[tuple[Pattern, str]]]
    # nationality adjective: tuple of token forms -> iso2
    adjectives: dict[tuple[str, ...], str]
    demonyms: dict[str, str]  # people-noun forms of adjectives (فلسطينيين) -> iso2

    def country_name(self, iso2: str | None) -> tuple[str, str]:
        """(name, 'the ' or '') of a country code; unknown codes are returned as they are."""
        if iso2 is None:
            return "", ""
        c = self.countries.get(iso2)
        if c is None:
            return iso2, ""
        return c.name, "the " if c.the else ""


def _slot(word: str) -> frozenset[str]:
    """The matching forms one dictionary word accepts."""
    exact = word.startswith("=")
    w = norm(word.lstrip("="))
    forms = {w}
    if not exact:
        if w.startswith("ال") and len(w) - 2 >= 3:
            forms.add(w[2:])
        elif not w.startswith("ال"):
            forms.add("ال" + w)
    return frozenset(forms)


def expand_variant(variant: str) -> list[tuple[str, ...]]:
    """'{قوات|طيران|} التحالف' -> [('قوات','التحالف'), ('طيران','التحالف'), ('التحالف',)]."""
    choices: list[list[str]] = []
    for word in variant.split():
        if word.startswith("{") and word.endswith("}"):
            choices.append(word[1:-1].split("|"))
        else:
            choices.append([word])
    out = []
    for combo in itertools.product(*choices):
        words = tuple(w for w in combo if w)
        if words:
            out.append(words)
    return out


def _pattern(words: tuple[str, ...]) -> Pattern:
    return tuple(_slot(w) for w in words)


def _parse_by_country(text: str, key: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        codes, _, rest = part.partition("=")
        name, _, inter = rest.rpartition(":")
        if not name or not inter.isdigit():
            raise RasidError(f"{ACTORS_FILE}: {key}: bad by_country part {part!r}")
        for code in codes.split(","):
            out[code.strip()] = (name, int(inter))
    return out


def _read_rows(file: str) -> list[list[str]]:
    text = resources.path(file).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _load_countries() -> dict[str, Country]:
    countries = {}
    for cols in _read_rows(COUNTRIES_FILE):
        cols += [""] * (5 - len(cols))
        iso2, name, the, adjectives, metonyms = cols[:5]
        countries[iso2] = Country(
            iso2,
            name,
            the == "1",
            tuple(filter(None, adjectives.split(";"))),
            tuple(filter(None, metonyms.split(";"))),
        )
    return countries


def _adjective_forms(adjective: str) -> list[tuple[str, ...]]:
    """Inflected forms of a (possibly two-word) masculine singular adjective, each word inflected alike."""
    words = [norm(w) for w in adjective.split()]
    return [tuple(w + s for w in words) for s in _ADJ_SUFFIXES]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The actor dictionary, built once per process."""
    countries = _load_countries()
    entries: dict[str, ActorEntry] = {}
    patterns: list[tuple[Pattern, str]] = []
    for cols in _read_rows(ACTORS_FILE):
        if len(cols) != 8:
            raise RasidError(f"{ACTORS_FILE}: expected 8 columns, got {len(cols)} in {cols[:1]}")
        key, name, inter, kind, country, nat, by_country, variants = cols
        if kind not in KINDS:
            raise RasidError(f"{ACTORS_FILE}: {key}: unknown kind {kind!r}")
        entries[key] = ActorEntry(
            key, name, int(inter), kind, country or None, nat, _parse_by_country(by_country, key)
        )
        for variant in variants.split(" ; "):
            patterns.extend((_pattern(words), key) for words in expand_variant(variant.strip()))

    adjectives: dict[tuple[str, ...], str] = {}
    demonyms: dict[str, str] = {}
    for c in countries.values():
        for adjective in c.adjectives:
            for forms in _adjective_forms(adjective):
                if _NOT_ADJECTIVES.isdisjoint(forms):
                    adjectives.setdefault(forms, c.iso2)
            if " " not in adjective:
                base = norm(adjective)
                for s in DEMONYM_SUFFIXES:
                    if base + s not in _NOT_ADJECTIVES:
                        demonyms.setdefault(base + s, c.iso2)
        if c.metonyms:
            key = f"state_{c.iso2}"
            entries[key] = ActorEntry(key, MILITARY_NAME, 1, "state", c.iso2, metonym=True)
            patterns.extend((_pattern(tuple(m.split())), key) for m in c.metonyms)

    index: dict[str, list[tuple[Pattern, str]]] = {}
    for pattern, key in patterns:
        for form in pattern[0]:
            index.setdefault(form, []).append((pattern, key))
    for cands in index.values():
        cands.sort(key=lambda pk: -len(pk[0]))
    return Lexicon(entries, countries, index, adjectives, demonyms)
