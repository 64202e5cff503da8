"""Toponym resolution: gazetteer matches in the token stream, cues, and disambiguation.

1. Candidates: the longest run of tokens whose matching form is a gazetteer name; the first
   token is read through its clitic view (وبالموصل -> الموصل), the others as written.
2. Cues before a name: a type word ("مدينة", "محافظة", "حي", "مديرية" ...) and/or a direction
   ("قرب", "شمال", "ريف", "أطراف" ...). A direction gives geo_precision 2 (unless the place is
   already a province/region, 3). The cue words are part of the mention's span.
3. Frequent Arabic words that are also names of minor places (the stop list built from the news
   corpora, and one-word names of 3 letters or fewer) are places only with a cue or an NER LOC span.
4. Disambiguation: population (or a stand-in weight for areas), feature class, agreement with
   the type cue, the article's countries (country names and unambiguous major places),
   containment (a neighbourhood whose city is mentioned) and distance to the other places.
   A minor place outside the article's countries is dropped: no coordinates beat wrong ones; so is
   a village named without a cue far from every major place the article names in its country.
5. Names the Arabic index does not know (NER LOC spans, "مدينة X", a phrase asked about) are tried
   against the Latin GeoNames names by consonant skeleton (translit.py), only inside the article's
   countries and only when one sizeable place clearly wins (Gazetteer.transliterated).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from rasid.actors.match import nationality
from rasid.model import Location, Mention, PlaceMention
from rasid.places.gazetteer import Gazetteer, PlaceRow, distance_km
from rasid.text import Token, normalize, quoted_outlet, tokenize
from rasid.text.normalize import norm

# Type words before a name, and the features they point to.
TYPE_CUES: dict[str, str] = {
    **dict.fromkeys(
        [
            "مدينه",
            "المدينه",
            "بلده",
            "البلده",
            "قريه",
            "القريه",
            "بلدات",
            "قري",
            "مدن",
            "بلدتي",
            "مدينتي",
            "قريتي",
        ],
        "town",
    ),
    **dict.fromkeys(["حي", "احياء", "الحي"], "nbhd"),
    **dict.fromkeys(["منطقه", "مناطق", "المنطقه"], "area"),
    **dict.fromkeys(["محافظه", "ولايه", "اقليم", "المحافظه", "الولايه", "الاقليم", "امانه"], "province"),
    **dict.fromkeys(["ناحيه"], "subdistrict"),
    **dict.fromkeys(["قضاء", "مديريه", "المديريه", "مركز", "مديريتي"], "district"),
    **dict.fromkeys(["مخيم", "المخيم"], "camp"),
    **dict.fromkeys(["معبر", "منفذ", "حاجز"], "crossing"),
    **dict.fromkeys(["مطار", "قاعده"], "base"),
}
FEATURES_FOR_TYPE: dict[str, tuple[str, ...]] = {
    "town": ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX"),
    "nbhd": ("NBHD", "PPLX"),
    "area": ("AREA", "REGION", "ADM1", "ADM2", "ADM3", "NBHD"),
    "province": ("ADM1", "REGION"),
    "subdistrict": ("ADM3",),
    "district": ("ADM2", "ADM3"),
    "camp": ("CAMP",),
    "crossing": ("CROSSING",),
    "base": ("BASE",),
}
# Direction / proximity words: the event is near the place, not in it.
DIRECTION_CUES = {
    norm(w)
    for w in (
        "قرب شمال شمالي جنوب جنوبي شرق شرقي غرب غربي ريف أرياف محيط أطراف ضواحي مشارف تخوم "
        "بالقرب القريبة القريب المحاذية المحاذي جوار جبهة جبهات"  # "جبهة نهم": the front near Nihm
        " مفرق مفترق تقاطع"  # "مفرق زبيد": the junction near Zabid ("مفرق" is not Mafraq, "المفرق" is)
    ).split()
}
FLANK_WORDS = {norm(w) for w in ("ميمنة", "ميسرة")}
FRONT_WORDS = {norm(w) for w in ("جبهة", "جبهات", "الجبهة", "محور")}
NEAR_WITH_MIN = {norm(w) for w in ("بالقرب", "القريبة", "القريب", "المحاذية", "المحاذي", "قريبا", "قريب")}
# Titles before a person's name: the next word is a name, not a place ("السيد عزيز").
PERSON_TITLES = {
    norm(w)
    for w in (
        "السيد السيدة الرئيس رئيس الشيخ الأمير الملك الملكة الدكتور د اللواء العميد العقيد المقدم "
        "الرائد النقيب الملازم الفريق المشير الجنرال الوزير وزير النائب القاضي الإمام المفتي الحاج "
        "المواطن الشاب الطفل الطفلة الشهيد الناشط الصحفي المتحدث الزميل الكاتب الفنان اللاعب المدرب "
        "بن ابن بنت أبو أبي ام أم عبد آل"
    ).split()
}
# Things named after a place or a person: "جبل X", "شارع X" is not the town X elsewhere.
NAMED_FEATURE_WORDS = {
    norm(w)
    for w in "جبل جبال وادي شارع نهر تل ساحة ميدان دوار جسر مسجد جامع كنيسة فندق مدرسة ملعب نادي".split()
}
# Proclitics rarely seen before place names: a word starting with them is read as written.
SKIPPED_PREFIXES = ("ف", "ك", "س")
LATIN_CLITICS = ("و", "ب", "وب")
PLURAL_CUES = {
    norm(w) for w in ("بلدات", "قرى", "مدن", "أحياء", "مناطق", "مخيمات", "أرياف")
}  # proclitics read through before a transliterated name
# Places of these features are points: precision 1 unless a direction cue says "near".
MAJOR_FEATURES = {"PCLI", "ADM1", "PPLC", "PPLA", "REGION", "BORDER"}
POINT_FEATURES = {"NBHD", "CAMP", "CROSSING", "BASE"}
FAR_FROM_HOME_KM = 250  # a village this far from all the article's major places of its country
SPECIFICITY = {"PCLI": 6, "ADM1": 5, "REGION": 4, "BORDER": 3, "ADM2": 2, "ADM3": 2, "AREA": 2}


@dataclass(slots=True)
class Match:
    """One gazetteer match in the token stream, with its cues and candidates."""

    tok_start: int  # first token of the name
    tok_end: int
    key: str
    first_form: str  # matching form of the first token (clitic stripped)
    candidates: list[PlaceRow]
    cue_start: int  # first token of the cue words (== tok_start without cue)
    type_cue: str | None = None
    direction: bool = False
    ner: bool = False
    idiom: bool = False  # the name with a neighbour word that makes a phrase (corpus bigrams)
    person: bool = False  # after a person's title or inside a PER entity
    named_feature: bool = False  # after "جبل", "شارع" ...: a feature named after the place
    common: bool = False  # the name is also a frequent word (stop list)
    best: PlaceRow | None = None
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def cued(self) -> bool:
        return self.type_cue is not None or self.direction or self.ner


_JOINERS = ("-", "/")


def _article_name(gaz: Gazetteer, key: str) -> bool:
    """Every place under this key is known by a name with the article (الجيزة, not جيزة)."""
    if key not in gaz.article_named:
        rows = [gaz.rows[r] for r in gaz.index[key]]
        gaz.article_named[key] = bool(rows) and all(norm(r.name_ar).startswith("ال") for r in rows)
    return gaz.article_named[key]


def _capital_name(gaz: Gazetteer, key: str) -> bool:
    """A capital GeoNames may list without its article (خرطوم), read from الخرطوم; never an
    adjective read as its country (السورية is not سورية)."""
    return (
        key in gaz.index
        and key not in gaz.stopwords
        and not key.endswith("يه")  # "الصوفية" (Sufi) is an adjective, not Sofia (صوفية)
        and any(gaz.rows[r].feature == "PPLC" for r in gaz.index[key])
    )


def _forms(tok: Token) -> tuple[str, ...]:
    return tok.forms if tok.is_word else (tok.norm,)


def _longest_key(
    gaz: Gazetteer, tokens: Sequence[Token], i: int, form: str, limit: int
) -> tuple[int, str] | None:
    """The longest gazetteer key read from `form` (token i) on, within `limit` tokens: (tokens, key).
    A joiner between words is read past ("السورية-العراقية"); a key never ends on one."""
    best = (1, form) if limit and form in gaz.index else None
    words = [form]
    for j in range(i + 1, i + limit):
        t = tokens[j]
        if t.norm in _JOINERS:
            continue
        if not t.is_word:
            break
        words.append(t.norm)
        key = " ".join(words)
        if key in gaz.index:
            best = (j - i + 1, key)
        if key not in gaz.prefixes:
            break
    return best


# Words that begin compound place names ("دير العشائر", "تل أبيض", "باب طبرق", "أم قصر"): alone they
# match a far namesake (Bandar-e Deyr, Pop in Uzbekistan, Ilam). ("حي" is a type cue, never a place alone.)
_COMPOUND_HEADS = frozenset(
    norm(w) for w in "دير تل قصر باب رأس أم عين بيت كفر خربة بئر بير جسر سوق بني أبو أبا أبي".split()
)
_NOT_IN_NAMES = frozenset(norm(w) for w in "في من على الى إلى عن و ثم أو او قرب بين".split())


def _head_of_unknown_name(m: Match, tokens: Sequence[Token]) -> bool:
    """A compound-name head matched alone, with a word after it: the first word of a name the
    gazetteer does not know ("منطقة دير العشائر"), not the place its first word names."""
    if m.key not in _COMPOUND_HEADS or m.tok_end >= len(tokens):
        return False
    nxt = tokens[m.tok_end]
    return nxt.is_word and nxt.norm not in _NOT_IN_NAMES


def _find_raw(gaz: Gazetteer, tokens: Sequence[Token]) -> list[Match]:
    out: list[Match] = []
    n = len(tokens)
    i = 0
    may_start = gaz.may_start
    while i < n:
        tok = tokens[i]
        if not tok.is_word or not may_start(tok):
            i += 1  # no reading of the word begins a gazetteer name
            continue
        best: tuple[int, str, str] | None = None  # (length, form, key)
        for form in _forms(tok):
            if form != tok.norm and tok.norm.startswith(SKIPPED_PREFIXES):
                continue  # "فرانس" is not ف + Reims
            if (
                not form.startswith("ال")
                and tok.norm[: len(tok.norm) - len(form)].endswith(("ال", "لل"))
                and not _capital_name(gaz, form)
            ):
                continue  # a name written without the article is not read out of "المشهد", "باللوم"
            longest = gaz.max_tokens.get(form, 0)
            if longest > 1:
                longest += 1  # room for one joiner: "الحدود السورية-العراقية"
            found = _longest_key(gaz, tokens, i, form, min(longest, n - i))
            if found and (best is None or found[0] > best[0]):
                best = (found[0], form, found[1])
        if best is None:
            i += 1
            continue
        length, form, key = best
        if form != tok.norm and not key.startswith("ال") and _article_name(gaz, key):
            i += 1  # "لمدة وجيزة" is not و + Giza: a name written with ال needs it
            continue
        contextual = all((key, r) in gaz.context_only for r in gaz.index[key])
        if length == 1 and (key in TYPE_CUES or key in DIRECTION_CUES) and not contextual:
            i += 1  # a cue word is never a place by itself ("مدينة" is not Medina)
            continue
        if key in FLANK_WORDS and i + 1 < n and not FRONT_WORDS.isdisjoint(_forms(tokens[i + 1])):
            i += 1  # "ميمنة جبهة نهم": the right flank of a front, not Maymana (Afghanistan)
            continue
        cands = [gaz.rows[r] for r in gaz.index[key]]
        if i > 0 and tokens[i - 1].norm in _SAINT_WORDS:
            # "سان كوانتان": the rest of a saint's place the gazetteer does not know, not Kuantan
            cands = [c for c in cands if c.name.lower().startswith(_SAINT_LATIN)]
            if not cands:
                i += length
                continue
        out.append(Match(i, i + length, key, form, cands, cue_start=i))
        i += length
    return out


_SAINT_WORDS = frozenset(norm(w) for w in ("سان", "سانت", "سانتا", "سانتو", "ساو", "سانكت"))
_SAINT_LATIN = tuple(
    w + sep
    for w in ("saint", "sainte", "st.", "st", "ste", "san", "santa", "santo", "sao", "são", "sankt")
    for sep in " -"
)  # (word-bounded: not Sanaa, Sanandaj, Sterling)


_CAPITAL_WORDS = frozenset(("العاصمه", "عاصمه"))


def _is_nisba(tok: Token) -> bool:
    """ "السورية", "التركية": an adjective of origin (after "العاصمة")."""
    return tok.norm.startswith("ال") and tok.norm.endswith("يه") and len(tok.norm) > 5


def _in_quotes(m: Match, tokens: Sequence[Token]) -> bool:
    """The name is written between quotes ("«صعدة»", folded to '"')."""
    return (
        m.tok_start > 0
        and m.tok_end < len(tokens)
        and tokens[m.tok_start - 1].norm == tokens[m.tok_end].norm == '"'
    )


def _read_cues(m: Match, tokens: Sequence[Token]) -> None:
    """Type and direction words right before the name (and a type word that starts the key)."""
    first_word = m.key.split(" ", 1)[0]
    if " " in m.key and first_word in TYPE_CUES:
        m.type_cue = TYPE_CUES[first_word]
    j = m.tok_start - 1
    if j >= 1 and _in_quotes(m, tokens) and any(f in TYPE_CUES for f in _forms(tokens[j - 1])):
        j -= 1  # 'محافظة "صعدة"': the name in quotes after its type word
    # "قرب العاصمة السورية دمشق": the capital word and its nisba are read past (not "مديرية الزيدية وزبيد")
    if (
        j >= 1
        and m.type_cue is None
        and _is_nisba(tokens[j])
        and not _CAPITAL_WORDS.isdisjoint(_forms(tokens[j - 1]))
    ):
        j -= 1
    if j >= 0 and m.type_cue is None and not _CAPITAL_WORDS.isdisjoint(_forms(tokens[j])):
        m.cue_start = j
        j -= 1
    if j >= 0 and m.type_cue is None:
        cue = next((TYPE_CUES[f] for f in _forms(tokens[j]) if f in TYPE_CUES), None)
        if cue and tokens[j].norm in PLURAL_CUES and m.common:
            cue = None  # "مناطق جديدة", "مدن عدة": after a plural, a common word is an adjective
        if (
            cue in ("crossing", "base")
            and m.common
            and " " not in m.key
            and m.key.endswith(("ي", "يه"))
            and not m.key.startswith("ال")
        ):  # "حاجز عسكري", "مطار دولي": a frequent nisba describes the checkpoint or the airport
            cue = None  # (after a town word it is a town: "مدينة سلمية", "ولاية قبلي")
        if cue:
            m.type_cue = cue
            m.cue_start = j
            j -= 1
    # "بالقرب من X", "القريبة من X"
    if j >= 1 and tokens[j].norm == "من" and not NEAR_WITH_MIN.isdisjoint(_forms(tokens[j - 1])):
        m.direction = True
        m.cue_start = j - 1
        return
    # "الجزء الجنوبي من X", "المناطق الشمالية من X": that part of X
    if (
        j >= 2
        and tokens[j].norm == "من"
        and tokens[j - 1].norm.startswith("ال")
        and any(f in _BEARINGS for f in _forms(tokens[j - 1]))
        and not _PART_NOUNS.isdisjoint(_forms(tokens[j - 2]))
    ):
        m.direction = True
        m.cue_start = j - 2
        return
    # "شمال X", "جنوب شرقي X", "ريف X"
    while j >= 0 and not DIRECTION_CUES.isdisjoint(_forms(tokens[j])):
        m.direction = True
        m.cue_start = j
        j -= 1


_PART_NOUNS = frozenset(norm(w) for w in "الجزء جزء القسم الشطر الطرف المناطق الأجزاء الأنحاء".split())


def _read_context(
    m: Match, tokens: Sequence[Token], gaz: Gazetteer, per_spans: list[tuple[int, int]]
) -> None:
    """Person context, named features and idioms around a one-word name."""
    before = tokens[m.cue_start - 1] if m.cue_start > 0 else None
    if before is not None and before.is_word:
        m.person = not PERSON_TITLES.isdisjoint(_forms(before))
        m.named_feature = m.type_cue is None and not NAMED_FEATURE_WORDS.isdisjoint(_forms(before))
    s, e = tokens[m.tok_start].start, tokens[m.tok_end - 1].end
    if m.type_cue is None and any(ps < e and s < pe for ps, pe in per_spans):
        m.person = True
    if " " in m.key or not gaz.idioms:
        return
    words = {m.key, m.first_form, tokens[m.tok_start].norm}
    prev_forms = _forms(tokens[m.tok_start - 1]) if m.tok_start > 0 else ()
    next_forms = _forms(tokens[m.tok_end]) if m.tok_end < len(tokens) else ()
    if any((p, w) in gaz.idioms for p in prev_forms for w in words) or any(
        (w, n) in gaz.idioms for n in next_forms for w in words
    ):
        m.idiom = True  # "قنابل مسيلة للدموع": a phrase, unless a cue says place


def _needs_cue(gaz: Gazetteer, m: Match) -> bool:
    # A spelling we derived (Persian letters folded) may be a word of Arabic ("مشاركة").
    if all((m.key, c.id) in gaz.derived for c in m.candidates):
        return True
    if " " in m.key or all((m.key, c.id) in gaz.context_only for c in m.candidates):
        return False
    if m.key in gaz.stopwords or m.first_form in gaz.stopwords:
        return True
    # Short one-word names are often words: only major places pass without a cue.
    return len(m.key) <= 3 and not any(
        c.feature in MAJOR_FEATURES or c.weight >= 100_000 for c in m.candidates
    )


def _is_major(row: PlaceRow) -> bool:
    return row.feature in MAJOR_FEATURES or row.weight >= 100_000 or row.source.startswith("curated")


def _prior(row: PlaceRow, m: Match) -> float:
    s = math.log10(row.weight + 10)
    s += {"PPLC": 2.0, "PPLA": 1.5, "PPLA2": 0.5}.get(row.feature, 0.0)
    if row.source.startswith("curated"):
        s += 0.5
    if m.type_cue:
        s += 4.0 if row.feature in FEATURES_FOR_TYPE[m.type_cue] else 0.0
        if m.type_cue == "town" and row.feature in ("ADM1", "REGION", "PCLI"):
            s -= 2.0
    return s


def _nisbas(tokens: Sequence[Token]) -> dict[int, str]:
    """Token index -> the country of each nisba of the article ("الحكومة الفلسطينية")."""
    return {j: iso2 for j, t in enumerate(tokens) if (iso2 := nationality(t))}


def _context_countries(
    matches: list[Match], hint: str | None, context_only: Collection[tuple[str, int]] = ()
) -> Counter[str]:
    """Countries of the article: country names and places that are unambiguous and major (not a name
    that stands for a place only in news of its country, "الشريط الحدودي")."""
    countries: Counter[str] = Counter()
    if hint:
        countries[hint] += 5
    weak: Counter[str] = Counter()
    for m in matches:
        if m.common:
            continue
        cands = [c for c in m.candidates if (m.key, c.id) not in context_only]
        ccs = {c.country for c in cands}
        if len(ccs) == 1 and any(_is_major(c) for c in cands):
            # one word, met bare, of a town under 100,000 ("داخله", "سلة": words before they are Dakhla
            # or Celle) vouches for its country only beside other signs of it
            n = 2 if any(c.feature == "PCLI" for c in cands) else 1
            (weak if _bare(m, cands) else countries)[next(iter(ccs))] += n
    countries.update({cc: n for cc, n in weak.items() if cc in countries})
    return countries


def _bare(m: Match, rows: list[PlaceRow]) -> bool:
    """A one-word name with no cue, of towns under 100,000 only: it may well be a word."""
    return not m.cued and " " not in m.key and all(r.weight < 100_000 for r in rows)


def _alone_abroad(m: Match, resolved: list[Match], countries: Counter[str], not_foreign: set[str]) -> bool:
    """A bare name, the only place of its country among places of others ("فتشت داخله" in news of
    Jenin: not Dakhla)."""
    assert m.best is not None
    cc = m.best.country
    if not _bare(m, [m.best]) or cc in countries or cc in not_foreign:
        return False
    others = [o.best.country for o in resolved if o is not m and o.best is not None]
    return bool(others) and cc not in others


def _choose(
    m: Match,
    countries: Counter[str],
    anchors: list[PlaceRow],
    context_only: set[tuple[str, int]],
    not_foreign: Collection[str] = (),
    cued_keys: Collection[str] = (),
) -> PlaceRow | None:
    """The row a match names; `cued_keys`: names the article gives as places elsewhere ("مدينة ميدي")."""
    top = max(countries.values(), default=0)
    anchor_ids = {a.id for a in anchors}
    best: PlaceRow | None = None
    best_score = -1e9
    rows = [
        row
        for row in m.candidates
        if not (
            (m.key, row.id) in context_only
            and row.country not in countries
            and row.country not in not_foreign
        )
    ]
    # "جنيف" in news of the United States: Geneva, not a small namesake in Illinois
    world_city = any(_is_world_city(r) for r in rows)
    for row in rows:
        s = _prior(row, m)
        contained = bool(row.container and row.container in anchor_ids)
        near = [a for a in anchors if a.id != row.id and a.feature not in ("PCLI",)]
        # (a degree of latitude is 111 km: farther apart in latitude, no need to measure)
        nearby = any(
            abs(row.lat - a.lat) < 0.9 and distance_km(row.lat, row.lon, a.lat, a.lon) < 100 for a in near
        )
        if row.country in countries and (
            not world_city or _is_major(row) or _is_world_city(row) or contained or nearby
        ):
            s += 3.0 if countries[row.country] == top else 2.0
        if contained:
            s += 4.0
        if nearby:
            s += 1.5
        m.scores[row.id] = s
        if s > best_score:
            best, best_score = row, s
    if best is None:
        return None
    # A minor place outside the article's countries: better unknown than wrong.
    minor = not _is_major(best) and best.weight < 20_000
    outside = bool(countries) and best.country not in countries and best.country not in not_foreign
    if outside and ((minor and not m.cued) or m.common):
        return None
    if outside and best.feature not in ("PCLI", "PPLC") and best.weight < 100_000:
        return None
    # A foreign town named without a cue: only countries, capitals and the largest cities.
    if outside and not m.cued and best.feature not in ("PCLI", "PPLC") and best.weight < 1_000_000:
        return None
    if outside and m.type_cue in _LOCAL_CUES and best.feature not in FEATURES_FOR_TYPE[m.type_cue]:
        return None  # "منطقة الرباط" in a Yemeni article: a local area, not Morocco's capital
    if m.named_feature and (not countries or best.country not in countries):
        return None  # "جبل X" in another country's article: a mountain, not the town X abroad
    if minor and not m.cued and not countries and best.weight < 5_000:
        return None
    if minor and not m.cued and best.weight < 5_000:
        home = _home_distances(best, anchors)
        if home and min(home) > FAR_FROM_HOME_KM:
            return None  # "سوق الطلح" in news of Saada: another place of that name, not a village of Shabwa
        towns_elsewhere = any(a.country != best.country and a.feature != "PCLI" for a in anchors)
        if not home and towns_elsewhere and m.key not in cued_keys:
            return None  # "التفجيرات شبه المتزامنة" in news of Gaza that names Iran: a word, not a village
    return best


def _home_distances(row: PlaceRow, anchors: list[PlaceRow]) -> list[float]:
    """How far the major places the article names in the row's country (not the country) lie from it."""
    return [
        distance_km(row.lat, row.lon, a.lat, a.lon)
        for a in anchors
        if a.id != row.id and a.country == row.country and a.feature != "PCLI"
    ]


def _is_world_city(row: PlaceRow) -> bool:
    return row.feature == "PPLC" or (row.weight >= 150_000 and row.feature in ("PPLA", "PPL"))


def _strip_offset(tok: Token, form: str) -> int:
    """Original-text offset where the name starts inside a token read without its clitics."""
    if form == tok.norm:
        return tok.start
    if tok.norm.endswith(form):
        removed = len(tok.norm) - len(form)
    elif form.startswith("ال") and tok.norm.endswith(form[2:]):
        removed = len(tok.norm) - len(form) + 2  # "للولايات" read as "الولايات"
    else:
        return tok.start
    for k in range(len(tok.text) + 1):
        if len(norm(tok.text[:k])) >= removed:
            return tok.start + k
    return tok.start


def find_matches(
    gaz: Gazetteer,
    tokens: Sequence[Token],
    entities: Sequence[Mention] = (),
    country: str | None = None,
) -> list[Match]:
    """Gazetteer matches with their cues, filtered and resolved (Match.best) in context."""
    loc_spans = [(e.start, e.end) for e in entities if e.label in ("LOC", "GPE")]
    per_spans = [(e.start, e.end) for e in entities if e.label in ("PER", "PERS")]
    matches = _find_raw(gaz, tokens)
    # "المتحدث باسم الجيش توكور جوساو ... وأفاد جوساو": a one-word name that is part of a person's name
    # in the article is that person wherever no place word stands before it
    people = {
        m.key
        for m in matches
        if " " not in m.key
        and any(ps < tokens[m.tok_end - 1].end and tokens[m.tok_start].start < pe for ps, pe in per_spans)
    }
    kept: list[Match] = []
    deferred: list[Match] = []  # names that are also common words, met without a cue
    parts: list[Match] = []  # "شرق البلاد"
    for m in matches:
        if tokens[m.tok_start].text in _PARTICLES_AS_WRITTEN or quoted_outlet(tokens, m.tok_start, m.tok_end):
            continue
        if _head_of_unknown_name(m, tokens):
            continue
        m.common = " " not in m.key and (m.key in gaz.stopwords or m.first_form in gaz.stopwords)
        _read_cues(m, tokens)
        s, e = tokens[m.tok_start].start, tokens[m.tok_end - 1].end
        m.ner = any(ls < e and s < le for ls, le in loc_spans)
        _read_context(m, tokens, gaz, per_spans)
        if m.key in people and m.type_cue is None:
            m.person = True
        if m.key in _THE_COUNTRY:
            if _bearing(m, tokens) != (0, 0):
                parts.append(m)  # "جنوب غربي البلاد": a part of the country the article is about
            continue  # (not a village "Al Bilād")
        if m.person and m.type_cue is None and " " not in m.key:
            continue  # "الرئيس X", a PER entity: a person's name
        if (_needs_cue(gaz, m) or m.idiom) and not m.cued:
            if m.common and not m.idiom:
                deferred.append(m)
            continue
        if not m.cued:  # folded spellings only with a cue
            m.candidates = [c for c in m.candidates if (m.key, c.id) not in gaz.derived]
        kept.append(m)
    countries = _context_countries(kept, country, gaz.context_only)
    # countries the article names by their nisba are not foreign (an article of no named country stays
    # open: a nisba alone would close it); they do not raise their towns over the named countries' ones
    nisbas = _nisbas(tokens) if countries or parts else {}
    named_by_nisba = {iso2 for iso2, n in Counter(nisbas.values()).items() if n >= 2} if countries else set()
    kept += _home_towns(deferred, tokens, countries)
    # Anchors: matches with one candidate, or one that is major and in the article's countries.
    anchors: list[PlaceRow] = []
    for m in kept:
        if len(m.candidates) == 1 and _is_major(m.candidates[0]):
            anchors.append(m.candidates[0])
    cued_keys = {m.key for m in kept if m.cued}
    for m in kept:
        m.best = _choose(m, countries, anchors, gaz.context_only, named_by_nisba, cued_keys)
    for m in [m for m in kept if m.best is not None and _alone_abroad(m, kept, countries, named_by_nisba)]:
        m.best = None
    _place_by_bearing(kept, tokens)
    # "في جنوب سوريا", "شرق البلاد": that part of the country (not "بلدة X، جنوب البلاد": where X lies)
    ends = {m.tok_end for m in kept if m.best is not None}
    if parts:  # (the article's main country is weighed only for an article that needs it)
        named_at = {
            m.tok_start: m.best.country for m in kept if m.best is not None and m.best.feature == "PCLI"
        }
        home = _home_country(countries, named_at, tokens, nisbas)
        for m in parts:
            country = home or _country_before(m.cue_start, tokens, named_at)
            if country and not _after_place(m, tokens, ends):
                m.best = gaz.part_of_country(country, *_bearing(m, tokens))
    for m in kept:
        if m.best is not None and m.best.feature == "PCLI" and not _after_place(m, tokens, ends):
            m.best = gaz.part_of_country(m.best.country, *_bearing(m, tokens)) or m.best
    return sorted((m for m in kept + parts if m.best is not None), key=lambda m: m.tok_start)


def _home_country(
    countries: Counter[str], named_at: dict[int, str], tokens: Sequence[Token], nisbas: dict[int, str]
) -> str | None:
    """The one country the article is most about: its named countries and major towns, and nisbas
    ("الجيش الأوكراني"); not a country named as a patron ("موالين لروسيا", "المدعومين من إيران"). None on
    a tie."""
    patrons = Counter(cc for j, cc in named_at.items() if _after_word(tokens, j, _PATRON_WORDS))
    named = countries - patrons - patrons  # (a country's name counts twice there)
    named += Counter(iso2 for j, iso2 in nisbas.items() if _tells_of_home(tokens, j, iso2))
    top = named.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


_COUNTRY_BEFORE_TOKENS = 25
_WIRE_COUNTRIES = frozenset(("FR", "DE", "US", "GB", "RU", "CN", "IT", "ES", "JP"))  # world news agencies
_AGENCY_WORDS = frozenset(norm(w) for w in "الصحافة صحافة الانباء انباء وكالة الوكالة".split())
_PATRON_WORDS = frozenset(
    norm(w)
    for w in "موالين موالون موال موالية الموالية الموالين الموالي المدعومة المدعومين المدعوم مدعومة بدعم".split()
)


def _country_before(k: int, tokens: Sequence[Token], named_at: dict[int, str]) -> str | None:
    """In an article of no one main country, the country named last before token k, in its sentence
    and a few words back ("بدأت الكاميرون تتصدى ... في أقصى شمال البلاد")."""
    for j in range(k - 1, max(-1, k - 1 - _COUNTRY_BEFORE_TOKENS), -1):
        if tokens[j].norm in (".", "؟", "!"):
            break
        if j in named_at and not _after_word(tokens, j, _PATRON_WORDS):
            return named_at[j]  # (not "متمردين موالين لروسيا": the patron of the rebels)
    return None


def _tells_of_home(tokens: Sequence[Token], j: int, iso2: str) -> bool:
    """The nisba at j ("الأوكراني") is not of a world news agency ("وكالة الصحافة الفرنسية"; the land's
    own, "وكالة الأنباء السورية", tells of home) nor of a patron ("المدعومة أميركيا")."""
    if _after_word(tokens, j, _PATRON_WORDS):
        return False
    return not (iso2 in _WIRE_COUNTRIES and _after_word(tokens, j, _AGENCY_WORDS))


def _after_word(tokens: Sequence[Token], j: int, words: frozenset[str]) -> bool:
    """One of the words right before token j, or before a "من" right before it ("المدعومين من روسيا")."""
    if j > 1 and tokens[j - 1].norm == "من":
        j -= 1
    return j > 0 and not words.isdisjoint(_forms(tokens[j - 1]))


def _after_place(m: Match, tokens: Sequence[Token], ends: set[int]) -> bool:
    """A name right after another place, at most a comma and "located" between ("صعدة، شمال البلاد",
    "عسير، الواقعة جنوب غربي السعودية"): where that place lies."""
    k = m.cue_start
    while k > 0 and m.cue_start - k < 3 and tokens[k - 1].norm in _LYING_WORDS:
        k -= 1
    return k in ends


_LYING_WORDS = frozenset(("،", ",", "(", *(norm(w) for w in "الواقعة الواقع التي الذي تقع يقع".split())))


# "X، شمال شرقي بغداد": the X that lies that way, within 150 km (or 400 km for the one read first)
_BEARING_KM = 150
_FAR_BEARING_KM = 400


def _place_by_bearing(matches: list[Match], tokens: Sequence[Token]) -> None:
    """ "منطقة الحسينية شمال شرقي بغداد": a name placed by a bearing from a town is the one of that name
    near the town; with none near, the name is left unknown and the bearing tells where it is."""
    ordered = sorted(matches, key=lambda m: m.tok_start)
    for m, nxt in itertools.pairwise(ordered):
        gap = tokens[m.tok_end : nxt.cue_start]
        if m.best is None or nxt.best is None or not nxt.direction or len(gap) > 1:
            continue
        if any(t.norm not in ("،", ",") for t in gap) or not nxt.best.feature.startswith("PPL"):
            continue
        if tokens[nxt.cue_start].norm.startswith("و"):
            continue  # "التحيتا وشرق حيس" names two places
        words = {f for t in tokens[nxt.cue_start : nxt.tok_start] for f in _forms(t)}
        if words.isdisjoint(_BEARINGS):
            continue  # "قرب", "ريف": no bearing
        town = nxt.best
        if _is_major(m.best) and (
            _lies(words, m.best.lat - town.lat, m.best.lon - town.lon)
            or distance_km(m.best.lat, m.best.lon, town.lat, town.lon) <= _BEARING_KM
        ):
            continue  # a big town is itself (not "الطائف شرق الحديدة" for Saudi Ta'if, 900 km north)
        ways = [
            (distance_km(c.lat, c.lon, town.lat, town.lon), c)
            for c in m.candidates
            if c.id != town.id and _lies(words, c.lat - town.lat, c.lon - town.lon)
        ]
        if any(c is m.best and km <= _FAR_BEARING_KM for km, c in ways):
            continue  # "مدينة حديثة غرب بغداد": the name read first lies that way
        near = [(km, c) for km, c in ways if km <= _BEARING_KM]
        m.best = min(near, key=lambda x: x[0])[1] if near else None


_BEARINGS = {
    **dict.fromkeys(("شمال", "شمالي", "شماليه"), (1, 0)),
    **dict.fromkeys(("جنوب", "جنوبي", "جنوبيه"), (-1, 0)),
    **dict.fromkeys(("شرق", "شرقي", "شرقيه"), (0, 1)),
    **dict.fromkeys(("غرب", "غربي", "غربيه"), (0, -1)),
}  # (the feminine adjectives for "المناطق الشمالية من X")


def _bearing(m: Match, tokens: Sequence[Token]) -> tuple[int, int]:
    """(north, east) of the bearing words before a name: "جنوب شرق X" -> (-1, 1); (0, 0) without any."""
    north = east = 0
    for t in tokens[m.cue_start : m.tok_start]:
        for f in _forms(t):
            if f in _BEARINGS:
                north, east = north or _BEARINGS[f][0], east or _BEARINGS[f][1]
                break
    return north, east


def _lies(words: set[str], dlat: float, dlon: float) -> bool:
    """The offset (degrees) agrees with the bearing words ("شمال شرقي": north and east), within a margin."""
    margin = 0.05
    for w in words:
        north, east = _BEARINGS.get(w, (0, 0))
        if north * dlat < -margin or east * dlon < -margin:
            return False
    return True


_LOCAL_CUES = frozenset(("nbhd", "area", "subdistrict", "district", "camp"))
_THE_COUNTRY = frozenset(norm(w) for w in ("البلاد", "بلاد", "الدولة", "الوطن", "البلد"))
_LOCATIVES = frozenset(("في", "وفي", "الى", "قرب"))  # not "داخل العمارة" (inside the building)
_HOME_TOWN_WEIGHT = 20_000


def _home_towns(deferred: list[Match], tokens: Sequence[Token], countries: Counter[str]) -> list[Match]:
    """ "انفجار في العمارة" in an article about Iraq: a name that is also a word counts as the town
    when a locative comes right before it and a sizeable town of the article's main countries bears it."""
    top = max(countries.values(), default=0)
    home = {cc for cc, n in countries.items() if n * 2 >= top}
    out = []
    for m in deferred:
        prev = tokens[m.tok_start - 1].norm if m.tok_start > 0 else ""
        if prev not in _LOCATIVES or tokens[m.tok_start].norm != m.first_form:
            continue  # "بخبر" is "with news", not "in Khobar"
        towns = [
            c for c in m.candidates if c.country in home and (c.weight >= _HOME_TOWN_WEIGHT or _is_major(c))
        ]
        if towns:
            m.candidates = towns
            out.append(m)
    return out


def precision_of(m: Match) -> int:
    assert m.best is not None
    base = m.best.geo_precision
    return max(base, 2) if m.direction else base


def to_mention(m: Match, tokens: Sequence[Token], text: str) -> PlaceMention:
    assert m.best is not None
    if m.cue_start < m.tok_start:
        start = tokens[m.cue_start].start
    else:
        start = _strip_offset(tokens[m.tok_start], m.first_form)
    end = tokens[m.tok_end - 1].end
    if m.cue_start < m.tok_start - 1 and _in_quotes(m, tokens):
        end = tokens[m.tok_end].end  # 'محافظة "صعدة"': the closing quote with the opening one
    written = text[start:end]
    return PlaceMention(
        start=start,
        end=end,
        tok_start=m.cue_start,
        tok_end=m.tok_end,
        label="place",
        text=written,
        score=round(1 / (1 + math.exp(-(m.scores.get(m.best.id, 0) - 5) / 2)), 3),
        location=m.best.location(name_ar=written, precision=precision_of(m)),
        feature=m.best.feature,
    )


def unknown_mentions(
    tokens: Sequence[Token], text: str, entities: Sequence[Mention], known: list[PlaceMention]
) -> list[PlaceMention]:
    """Places named but not in the gazetteer: NER LOC spans and "مدينة/بلدة/قرية X"; no coordinates."""
    taken = [(p.start, p.end) for p in known]
    out: list[PlaceMention] = []

    def free(s: int, e: int) -> bool:
        return not any(ts < e and s < te for ts, te in taken)

    for e in entities:
        if e.label in ("LOC", "GPE") and free(e.start, e.end):
            out.append(PlaceMention(e.start, e.end, e.tok_start, e.tok_end, "place", e.text, 0.3, None, None))
            taken.append((e.start, e.end))
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if TYPE_CUES.get(tok.norm) in ("town", "nbhd", "camp") and nxt.is_word and free(tok.start, nxt.end):
            out.append(
                PlaceMention(
                    tok.start, nxt.end, i, i + 2, "place", text[tok.start : nxt.end], 0.2, None, None
                )
            )
            taken.append((tok.start, nxt.end))
    return out


def _is_cue(tok: Token) -> bool:
    return any(f in TYPE_CUES or f in DIRECTION_CUES or f in NEAR_WITH_MIN for f in _forms(tok))


# "فإن" folds to "فان" (Vannes' Arabic name): particles as written are never a place.
_PARTICLES_AS_WRITTEN = frozenset("فإن وإن إن أن فأن وأن بأن لأن كأن لكن فإنه وإنه".split())


def _transliterated(
    gaz: Gazetteer, tokens: Sequence[Token], countries: Collection[str]
) -> tuple[PlaceRow, bool] | None:
    """(place, after a direction cue) for cue words + a name known only in Latin script."""
    i = 0
    direction = False
    while i < len(tokens) and (_is_cue(tokens[i]) or tokens[i].norm == "من" or not tokens[i].is_word):
        if tokens[i].norm in PLURAL_CUES or (tokens[i].norm in TYPE_CUES and tokens[i].norm.startswith("ال")):
            return None  # "بلدات ومدنا", "الحي لقمع": what follows is seldom a name
        direction = direction or any(f in DIRECTION_CUES or f in NEAR_WITH_MIN for f in _forms(tokens[i]))
        i += 1
    rest = [t for t in tokens[i:] if t.is_word]
    if not rest or len(rest) > 3:
        return None
    # Words of the language are not names: the stop list, cue words ("بلدات ومدنا").
    if any(_is_cue(t) or t.norm in gaz.stopwords or set(t.forms) & gaz.stopwords for t in rest):
        return None
    first = rest[0].norm
    tail = [t.norm for t in rest[1:]]
    # The word as written, or without و/ب/وب ("بكاسور"); other proclitic readings are too loose.
    forms = [f for f in _forms(rest[0]) if f == first or first[: len(first) - len(f)] in LATIN_CLITICS]
    # A name the Arabic index knows (a place outside the article's countries, "عفرين" in Turkish
    # news) is that place or nothing: never a Latin look-alike.
    if any(gaz.lookup(" ".join([f, *tail])) for f in _forms(rest[0])):
        return None
    for form in forms:
        row = gaz.transliterated(" ".join([form, *tail]), countries)
        if row is not None:
            return row, direction
    return None


def article_countries(matches: list[Match], hint: str | None = None) -> set[str]:
    """The article's main countries: those with at least half the weight of the first."""
    counts = _context_countries(matches, hint)
    top = max(counts.values(), default=0)
    return {cc for cc, n in counts.items() if n * 2 >= top}


def locate_unknown(
    gaz: Gazetteer, unknown: list[PlaceMention], tokens: Sequence[Token], countries: Collection[str]
) -> list[PlaceMention]:
    """Coordinates for unknown place mentions whose name GeoNames has only in Latin script."""
    if not countries:
        return unknown
    out: list[PlaceMention] = []
    for p in unknown:
        got = _transliterated(gaz, tokens[p.tok_start : p.tok_end], countries)
        if got is not None:
            row, direction = got
            base = row.geo_precision
            prec = max(base, 2) if direction else base
            p = PlaceMention(
                p.start,
                p.end,
                p.tok_start,
                p.tok_end,
                p.label,
                p.text,
                0.4,
                row.location(name_ar=p.text, precision=prec),
                row.feature,
            )
        out.append(p)
    return out


def resolve_phrase(gaz: Gazetteer, phrase: str, country: str | None = None) -> Location | None:
    """The place a short phrase names: its most specific resolved mention, cues applied."""
    tokens = tokenize(normalize(phrase))
    matches = find_matches(gaz, tokens, country=country)
    if not matches and country:
        got = _transliterated(gaz, tokens, {country})
        if got is not None:
            row, direction = got
            prec = max(row.geo_precision, 2) if direction else row.geo_precision
            return row.location(name_ar=phrase.strip(), precision=prec)
    if not matches:
        # A lone name that needs a cue (a stop word) is still a name when asked about directly.
        raw = [m for m in _find_raw(gaz, tokens) if m.tok_end - m.tok_start == len(tokens)]
        for m in raw:
            m.type_cue = None
            m.ner = True
            m.best = _choose(m, _context_countries(raw, country, gaz.context_only), [], gaz.context_only)
        matches = [m for m in raw if m.best is not None]
        if not matches:
            return None
    best = min(
        matches,
        key=lambda m: (SPECIFICITY.get(m.best.feature, 1) if m.best else 9, m.tok_start),
    )
    assert best.best is not None
    return best.best.location(name_ar=phrase.strip(), precision=precision_of(best))
