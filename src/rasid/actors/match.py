"""Finding actor mentions in tokens: one left-to-right scan, longest match wins.

At each token the candidates come from a dict of first-token forms; a candidate may be preceded
by a member noun (عناصر داعش، مسلحي الحوثي، طائرات الاحتلال) and followed by a nationality
adjective (القوات العراقية، مقاتلات إسرائيلية). Country names and capitals (روسيا، واشنطن) are
found too, with a lower score and the label ACTOR_METONYM, for the event stage to weigh.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasid.actors.lexicon import MILITARY_NAME, ActorEntry, Lexicon, lexicon
from rasid.model import Actor, ActorMention, Mention
from rasid.text import Token, norm, proclitic_forms, quoted_outlet

LABEL = "ACTOR"  # a dictionary entry
LABEL_METONYM = "ACTOR_METONYM"  # a country or capital name standing for the state (روسيا، واشنطن)
LABEL_DEMONYM = "ACTOR_DEMONYM"  # people named by nationality alone (فلسطينيين): civilians by default
LABEL_ORG = "ACTOR_ORG"  # an ORG entity not in the dictionary, inter guessed from its head word

SCORE_NAMED = 1.0
SCORE_GENERIC = 0.8
SCORE_METONYM = 0.5
SCORE_DEMONYM = 0.4
SCORE_ORG = 0.4

# Tokens that may sit inside a name: 'تنظيم "داعش"', 'تنظيم / داعش /'.
_SKIPPABLE = {'"', "'", "/", "-"}  # (normalize folds « » “ ” to ")
# Nouns for members or assets of an actor: عناصر داعش، مسلحي الحوثي، طائرات الاحتلال.
MEMBER_NOUNS = frozenset(
    norm(w)
    for w in (
        "عناصر عنصر عنصرا عنصرين عنصران مسلحي مسلحو مقاتلي مقاتلو مقاتلين مقاتلا مقاتل متشددي متشددو "
        "خلايا خلية فلول بقايا أفراد فرد قيادي قياديا قياديين قيادات قادة قائد أعضاء عضو عضوين "
        "إرهابيي إرهابيو مرتزقة ميليشيا مليشيا ميليشيات مليشيات جنود جندي جنديا جنديين ضباط ضابط ضابطا "
        "منتسبي منتسبو عسكريي أنصار مناصري موالين مقاتلات طائرات طائرة طيران مدفعية مروحيات دبابات "
        "زوارق بوارج آليات وحدات دوريات دورية كتيبة سرية لواء"
    ).split()
)
# Member nouns that need "من" before the group: مسلحين من داعش.
_MEMBER_WITH_MIN = frozenset(norm(w) for w in "مسلحين مسلحون مسلحا مقاتلين مقاتلون أشخاص".split())
_MIN = "من"
# Kinds whose names do not take a member noun (a "member of the civilians" is nothing).
_NO_MEMBERS = {"civilians", "protesters", "rioters"}
# "تصريح صحفي", "مؤتمر صحفي": after these "صحفي" is an adjective, not a journalist
PRESS_NOUNS = frozenset(norm(w) for w in "تصريح تصريحات مؤتمر مؤتمرا بيان لقاء مصدر مصادر تقرير".split())
# before a nationality these make it who told, not the people hit ("مسؤولون صينيون")
_TELLER_NOUNS = frozenset(
    norm(w) for w in "مسؤول مسؤولون مسؤولين مسئول مسئولون مسئولين مصادر مصدر وسائل صحيفة صحف وكالة".split()
)
# before a nationality these make it civilians of that country, not its forces ("دبلوماسيين أميركيين")
_CIVILIAN_LEADS = frozenset(
    norm(w)
    for w in (
        "سفير السفير دبلوماسي الدبلوماسي دبلوماسيين الدبلوماسيين دبلوماسيون صحفي الصحفي صحفيين الصحفيين "
        "سائح سائحا سياح السياح مدنيين المدنيين مواطنين المواطنين رهائن الرهائن عمال العمال طلاب الطلاب"
    ).split()
)
# before a country or capital name these make it a place ("في مدينة باريس"), not the state acting
_PLACE_LEADS = frozenset(
    norm(w)
    for w in "في مدينة بمدينة العاصمة بالعاصمة وفي قرب وقرب جنوب شمال شرق غرب جنوبي شمالي شرقي غربي ضواحي وسط".split()
)
# Weapons an army is named by ("قصفت المدفعية"), which after "ب" are only what was fired ("بالمدفعية").
_ASSETS = frozenset(
    norm(w)
    for w in "المدفعية الطيران الطائرات المقاتلات المروحيات الدبابات مدفعية طيران طائرات مقاتلات مروحيات".split()
)


def _instrument(tok: Token) -> bool:
    word = tok.norm.removeprefix("و")
    return word.startswith("ب") and word[1:] in _ASSETS


# "القاعدة الجوية" is an air base, not al-Qaeda.
_AQ_VETO_NEXT = frozenset(
    norm(w) for w in "الجوية العسكرية البحرية الأمريكية الأميركية الروسية التركية الإيرانية".split()
)


@dataclass(slots=True)
class ActorMatch(ActorMention):
    """An ActorMention that remembers its dictionary entry, for re-resolution per event."""

    entry_key: str | None = None


@dataclass(slots=True)
class _Candidate:
    start: int  # token index, member noun included
    end: int  # token index after the last matched token, nationality included
    entry: ActorEntry
    country: str | None
    specific: bool


def nationality(token: Token | str) -> str | None:
    """The ISO2 country of a nationality adjective (العراقي، الأمريكية، إسرائيليين), or None."""
    if isinstance(token, Token):
        return _nationality_of(token.norm) if token.is_word else None
    return _nationality_of(norm(token))


@lru_cache(maxsize=65536)
def _nationality_of(word: str) -> str | None:
    lex = lexicon()
    return next((iso2 for f in proclitic_forms(word) if (iso2 := lex.adjectives.get((f,)))), None)


def _match_pattern(tokens: Sequence[Token], i: int, pattern: tuple[frozenset[str], ...]) -> int | None:
    """Token index after the pattern matched from token i, or None."""
    j = i
    quotes = 0
    for k, slot in enumerate(pattern):
        if k > 0:
            while j < len(tokens) and tokens[j].norm in _SKIPPABLE:
                quotes += tokens[j].norm == '"'
                j += 1
        if j >= len(tokens) or not tokens[j].is_word or slot.isdisjoint(tokens[j].forms):
            return None
        j += 1
    if quotes % 2 and j < len(tokens) and tokens[j].norm == '"':
        j += 1  # the closing quote of 'تنظيم "داعش"'
    return j


def _nationality_at(lex: Lexicon, tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """(iso2, token after it) for a one- or two-word nationality adjective at token j."""
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    if j + 1 < len(tokens) and tokens[j + 1].is_word:
        for f1 in tokens[j].forms:
            for f2 in tokens[j + 1].forms:
                iso2 = lex.adjectives.get((f1, f2))
                if iso2:
                    return iso2, j + 2
    for f in tokens[j].forms:
        iso2 = lex.adjectives.get((f,))
        if iso2:
            return iso2, j + 1
    # a country named after the noun: "حكومة كوريا الشمالية", "شرطة إسرائيل"
    best: tuple[str, int] | None = None
    for f in tokens[j].forms:
        for pattern, key in lex.index.get(f, ()):
            entry = lex.entries[key]
            end = _match_pattern(tokens, j, pattern) if entry.metonym else None
            if end is not None and entry.country and (best is None or end > best[1]):
                best = (entry.country, end)
    return best


def _direct(lex: Lexicon, tokens: Sequence[Token], i: int) -> list[_Candidate]:
    """Every dictionary entry matching from token i, with a nationality attached where allowed."""
    out: list[_Candidate] = []
    seen: set[int] = set()
    j = i + 1
    while j < len(tokens) and tokens[j].norm in _SKIPPABLE:
        j += 1
    second = tokens[j].forms if j < len(tokens) and tokens[j].is_word else ()  # a second slot's word
    for form in tokens[i].forms:
        for pattern, key in lex.index.get(form, ()):
            if id(pattern) in seen or (len(pattern) > 1 and pattern[1].isdisjoint(second)):
                continue
            seen.add(id(pattern))
            end = _match_pattern(tokens, i, pattern)
            if end is None:
                continue
            entry = lex.entries[key]
            if key == "aq" and end < len(tokens) and not _AQ_VETO_NEXT.isdisjoint(tokens[end].forms):
                continue
            country = entry.country
            nat = _nationality_at(lex, tokens, end) if not entry.metonym else None
            if nat is not None:
                iso2, after = nat
                if entry.country is None and entry.nat:
                    country, end = iso2, after
                elif entry.country == iso2:
                    end = after
                elif entry.kind == "state":
                    # "قوات النظام الإيراني": the adjective names the state
                    entry = ActorEntry(f"nat_state_{iso2}", MILITARY_NAME, 1, "state", iso2)
                    country, end = iso2, after
            elif entry.nat == "req":
                continue
            out.append(_Candidate(i, end, entry, country, not entry.generic and not entry.metonym))
    return out


def _best(cands: list[_Candidate]) -> _Candidate | None:
    if not cands:
        return None
    return max(cands, key=lambda c: (c.end - c.start, c.specific, not c.entry.metonym))


def _at(lex: Lexicon, tokens: Sequence[Token], i: int) -> _Candidate | None:
    """The best actor match starting at token i, member noun included."""
    cands = _direct(lex, tokens, i)
    if not MEMBER_NOUNS.isdisjoint(tokens[i].forms) or not _MEMBER_WITH_MIN.isdisjoint(tokens[i].forms):
        j = i + 1
        needs_min = MEMBER_NOUNS.isdisjoint(tokens[i].forms)
        if j < len(tokens) and tokens[j].norm == _MIN:
            j += 1
        elif needs_min:
            j = -1
        if 0 < j < len(tokens):
            for c in _direct(lex, tokens, j):
                if c.entry.kind not in _NO_MEMBERS and not c.entry.metonym:
                    c.start = i
                    cands.append(c)
    best = _best(cands)
    if best is not None:
        best.end = _alias(lex, tokens, best)
    return best


def _alias(lex: Lexicon, tokens: Sequence[Token], cand: _Candidate) -> int:
    """Takes in a bracketed alias of the same actor: 'حركة المقاومة الإسلامية (حماس)'."""
    j = cand.end
    if j + 2 < len(tokens) and tokens[j].norm == "(":
        inner = _best(_direct(lex, tokens, j + 1))
        same = inner is not None and inner.entry.key == cand.entry.key
        if same and inner.end < len(tokens) and tokens[inner.end].norm == ")":
            return inner.end + 1
    return j


def _mention(
    text: str,
    tokens: Sequence[Token],
    tok_start: int,
    tok_end: int,
    label: str,
    score: float,
    actor: Actor,
    country: str | None,
    kind: str,
    entry_key: str | None,
) -> ActorMatch:
    start, end = tokens[tok_start].start, tokens[tok_end - 1].end
    return ActorMatch(
        start=start,
        end=end,
        tok_start=tok_start,
        tok_end=tok_end,
        label=label,
        text=text[start:end],
        score=score,
        actor=actor,
        country=country,
        kind=kind,
        entry_key=entry_key,
    )


@lru_cache(maxsize=50_000)
def _may_start(word: str) -> bool:
    lex = lexicon()
    return any(
        f in lex.index or f in MEMBER_NOUNS or f in _MEMBER_WITH_MIN or f in lex.demonyms
        for f in proclitic_forms(word)
    )


def _counts_people(tok: Token) -> bool:
    """A count before a country name ("30 بريطانيا"): digits, not a year ("تقرير 2019 مصر")."""
    return tok.is_digit and len(tok.norm) <= 3


def _after_place_word(tokens: Sequence[Token], i: int) -> bool:
    """A place word right before, or a capital word and its nisba ("العاصمة الصينية بكين")."""
    if i > 0 and tokens[i - 1].norm in _PLACE_LEADS:
        return True
    if i > 1 and tokens[i - 1].norm == "من" and tokens[i - 2].norm in ("بالقرب", "قريبا"):
        return True  # "بالقرب من واشنطن"
    nisba = tokens[i - 1].norm if i > 1 else ""
    return i > 1 and tokens[i - 2].norm in _PLACE_LEADS and nisba.startswith("ال") and nisba.endswith("يه")


def find_actors(text: str, tokens: Sequence[Token], entities: Sequence[Mention] = ()) -> list[ActorMatch]:
    """Actor mentions in `tokens` (of the original `text`), plus ORG entities the dictionary misses.

    Each mention's actor is not yet resolved against an event country: see resolve_inter().
    """
    lex = lexicon()
    found: list[ActorMatch] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.is_word or not _may_start(tok.norm):
            i += 1  # most words begin no actor name, member phrase or demonym
            continue
        cand = _at(lex, tokens, i)
        if cand is not None:
            e = cand.entry
            if e.kind == "civilians" and i > 0 and not PRESS_NOUNS.isdisjoint(tokens[i - 1].forms):
                i = cand.end  # "تصريح صحفي", "مؤتمر صحفي": an adjective, not a journalist
                continue
            if e.metonym and (_after_place_word(tokens, i) or quoted_outlet(tokens, i, cand.end)):
                i = cand.end  # "في مدينة باريس", "ل«الرياض»": the place or a newspaper, not the state
                continue
            if e.generic and _instrument(tok):
                i = cand.end  # "قصفت الفصائل بالمدفعية": what they fired with, not the army
                continue
            civilians_of = (
                e.kind == "state"
                and cand.end - cand.start == 1
                and i > 0
                and not _CIVILIAN_LEADS.isdisjoint(tokens[i - 1].forms)
            )
            if (civilians_of or (e.metonym and i > 0 and _counts_people(tokens[i - 1]))) and cand.country:
                # "30 بريطانيا": thirty Britons (the accusative nisba is spelled like the country);
                # "دبلوماسيين أميركيين": American diplomats
                m = _mention(
                    text, tokens, i, cand.end, LABEL_DEMONYM, SCORE_DEMONYM,
                    Actor("Civilians ({country})", None, 7), cand.country, "civilians", "civilians",
                )  # fmt: skip
                m.actor.name_ar = m.text
                found.append(m)
                i = cand.end
                continue
            if e.metonym:
                label, score = LABEL_METONYM, SCORE_METONYM
            else:
                label, score = LABEL, SCORE_GENERIC if e.generic else SCORE_NAMED
            actor = Actor(name=e.name, name_ar=None, inter=e.inter)
            m = _mention(text, tokens, cand.start, cand.end, label, score, actor, cand.country, e.kind, e.key)
            m.actor.name_ar = m.text
            if e.key.startswith("nat_state_"):
                m.entry_key = None  # built on the fly: resolved from kind and country
            found.append(m)
            i = cand.end
            continue
        iso2 = next((lex.demonyms[f] for f in tok.forms if f in lex.demonyms), None)
        if iso2 is not None and i > 0 and not _TELLER_NOUNS.isdisjoint(tokens[i - 1].forms):
            iso2 = None  # "مسؤولون صينيون", "مصادر عراقية": who told, not the people hit
        if iso2 is not None:
            m = _mention(
                text, tokens, i, i + 1, LABEL_DEMONYM, SCORE_DEMONYM,
                Actor("Civilians ({country})", None, 7), iso2, "civilians", "civilians",
            )  # fmt: skip
            m.actor.name_ar = m.text
            found.append(m)
        i += 1
    found.extend(org_fallback(text, tokens, entities, found))
    found.sort(key=lambda m: (m.start, -m.end))
    return _without_owned_vehicles(tokens, _without_adjectives(found))


def _without_owned_vehicles(tokens: Sequence[Token], found: list[ActorMatch]) -> list[ActorMatch]:
    """ "رتلا عسكريا لداعش", "دورية عسكرية لقوات سوريا الديمقراطية": the convoy is its owner's."""
    return [
        m
        for k, m in enumerate(found)
        if not (
            VEHICLE_WORDS.intersection(tokens[m.tok_start].forms)
            and k + 1 < len(found)
            and found[k + 1].tok_start == m.tok_end
            and tokens[m.tok_end].norm.startswith("ل")
        )
    ]


def _without_adjectives(found: list[ActorMatch]) -> list[ActorMatch]:
    """ "رجال طالبان المسلحين", "عناصر طالبان الباكستانيون": a generic word or a nationality right after a
    named group describes it; it is no second actor (nor is a generic word the group's name follows)."""
    out: list[ActorMatch] = []
    for m in found:
        prev = out[-1] if out else None
        describes = (
            prev is not None
            and prev.tok_end == m.tok_start
            and prev.label == LABEL
            and prev.kind in _GROUP_KINDS
            and "{" not in prev.actor.name
            and (
                m.label == LABEL_DEMONYM
                or (m.label == LABEL and "{" in m.actor.name and m.kind in _GROUP_KINDS)
            )
        )
        # "المتمردون الحوثيون", "المسلحين الحوثيين": the generic word is the named group's
        named_after = (
            prev is not None
            and prev.tok_end == m.tok_start
            and prev.label == LABEL
            and prev.kind in _GROUP_KINDS
            and "{" in prev.actor.name
            and m.label == LABEL
            and m.kind in _GROUP_KINDS
            and "{" not in m.actor.name
            and not m.text.startswith("و")  # "بين مسلحين والحوثيين": two sides
        )
        if named_after:
            out[-1] = m
        elif not describes:
            out.append(m)
    return out


# a patrol, convoy or vehicle: the group after it with ل is its owner ("رتلا عسكريا لداعش")
VEHICLE_WORDS = frozenset(
    norm(w) for w in "دورية دوريات رتل رتلا قافلة موكب موكبا عربة مركبة آلية آليات".split()
)
_GROUP_KINDS = frozenset(("rebel", "militia", "identity"))
_FRONT_WORDS = frozenset(norm(w) for w in "جبهة جبهات محور قاطع".split())


def names_a_front(tokens: Sequence[Token], entity: Mention, places: Sequence[Mention]) -> bool:
    """ "جبهة باقم": an ORG entity that is a front word and a place is a battle front, not a group."""
    if not _FRONT_WORDS.intersection(tokens[entity.tok_start].forms):
        return False
    return any(p.tok_start == entity.tok_start + 1 and p.tok_end == entity.tok_end for p in places)


# Head words of organisation names -> (kind, inter) for ORG entities not in the dictionary.
_HEADS: dict[str, tuple[str, int]] = {}
for _words, _kind_inter in (
    ("تنظيم جبهة", ("rebel", 2)),
    ("حركة جماعة حزب تيار", ("militia", 3)),
    (
        "كتائب كتيبة ميليشيا مليشيا ميليشيات مليشيات سرايا سرية لواء ألوية عصائب فصيل فصائل فيلق مجموعة",
        ("militia", 3),
    ),
    ("قوات جيش الجيش حرس الحرس شرطة الشرطة قيادة جهاز مديرية وزارة الأمن الدرك", ("state", 1)),
    ("عشيرة عشائر قبيلة قبائل", ("identity", 4)),
):
    for _w in _words.split():
        _HEADS.setdefault(norm(_w), _kind_inter)


_NAME_CLITICS = frozenset(("و", "ب", "ل", "ف", "وب", "ول", "فب", "فل"))


def org_fallback(
    text: str, tokens: Sequence[Token], entities: Sequence[Mention], found: Sequence[ActorMention]
) -> list[ActorMatch]:
    """ORG entities the dictionary did not cover, typed by their head word (تنظيم → 2, كتائب → 3 …)."""
    taken = [(m.tok_start, m.tok_end) for m in found]
    out: list[ActorMatch] = []
    for ent in entities:
        if ent.label != "ORG" or ent.tok_end <= ent.tok_start or ent.tok_end > len(tokens):
            continue
        if any(s < ent.tok_end and ent.tok_start < e for s, e in taken):
            continue
        first = tokens[ent.tok_start]
        form = next((f for f in first.forms if f in _HEADS), None)
        if form is None:
            continue  # an organisation without an armed head word (منظمة، مجلس …) is no party
        kind, inter = _HEADS[form]
        start = ent.start
        clitics = first.norm[: len(first.norm) - len(form)] if first.norm.endswith(form) else ""
        if clitics and clitics in _NAME_CLITICS:  # "ومنظمة", "لجماعة": the clitics are not the name
            start = first.start
            for _ in clitics:
                start += 1
                while start < ent.end and unicodedata.combining(text[start]):
                    start += 1
        country = None
        for j in range(ent.tok_start + 1, ent.tok_end):
            country = nationality(tokens[j])
            if country:
                break
        surface = text[start : ent.end]
        actor = Actor(name=surface, name_ar=surface, inter=inter)
        out.append(
            ActorMatch(
                start=start,
                end=ent.end,
                tok_start=ent.tok_start,
                tok_end=ent.tok_end,
                label=LABEL_ORG,
                text=surface,
                score=SCORE_ORG,
                actor=actor,
                country=country,
                kind=kind,
                entry_key=None,
            )
        )
    return out
