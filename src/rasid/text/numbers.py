"""Numbers in Arabic text: digits, number words and compounds, duals, vague and approximate counts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.text.tokens import Token, proclitic_forms

# Matching forms (normalised, ة -> ه).
_UNITS = {
    "واحد": 1, "واحدا": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}  # fmt: skip
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200}
for _u, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)):
    _HUNDREDS[_u + "مئه"] = _HUNDREDS[_u + "مائه"] = _v * 100
_SCALES = {"الف": 1000, "الاف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000}
_SCALES |= {"مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6, "مليار": 10**9}
# Vague counts: the lowest figure a coder would take.
VAGUE = {"عشرات": 10, "مئات": 100, "الاف": 1000, "عده": 2, "بضعه": 2, "بضع": 2}
# Words that make the following number approximate or a lower bound.
APPROX_PHRASES = (
    ("اكثر", "من"),
    ("ما", "يقارب"),
    ("ما", "لا", "يقل", "عن"),
    ("لا", "يقل", "عن"),
    ("ما", "يزيد", "عن"),
    ("ما", "يزيد", "علي"),
    ("اقل", "من"),
    ("نحو",),
    ("حوالي",),
    ("قرابه",),
    ("زهاء",),
    ("يقارب",),
)

# Nouns counted in conflict reports, whose dual form means 2 of them (singular, matching form).
COUNTABLE_NOUNS = frozenset(
    """قتيل جريح مصاب شهيد شخص مدني جندي عسكري عنصر مسلح مقاتل طفل امراه رجل مواطن ضابط شرطي
    حارس مسعف صحفي طالب متظاهر معتقل رهينه مخطوف ناشط مسؤول قيادي انتحاري لاجئ مستوطن فلسطيني
    اسرائيلي سوري عراقي يمني صاروخ قذيفه غاره عبوه طائره سياره انفجار هجوم مدرعه دبابه مروحيه
    منزل مبني قاربه سفينه زورق""".split()
)
_DUAL_IN_YIN = frozenset({"جندي", "شرطي"})  # nisba nouns whose -يين form is a dual
_DUAL_SUFFIXES = (("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", ""))


@dataclass(frozen=True, slots=True)
class NumberMention:
    tok_start: int  # token indices [tok_start, tok_end)
    tok_end: int
    start: int  # original text offsets
    end: int
    value: int
    approx: bool = False  # "نحو 20", "أكثر من 20", "عشرات"
    kind: str = "digits"  # digits | words | dual | vague
    noun: str | None = None  # for a dual, the singular it counts (matching form)


@lru_cache(maxsize=20_000)
def dual_singular(word: str) -> str | None:
    """The countable singular of a dual noun (صاروخان -> صاروخ, قذيفتين -> قذيفه), else None."""
    for form in proclitic_forms(word):
        for suffix, restore in _DUAL_SUFFIXES:
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                singular = form[: -len(suffix)] + restore
                if singular.endswith("ي") and suffix == "ين" and singular not in _DUAL_IN_YIN:
                    continue  # "مدنيين", "الفلسطينيين": plurals of nisba nouns, not duals
                if singular in COUNTABLE_NOUNS:
                    return singular
    return None


def _word_value(tok: Token) -> tuple[str, int] | None:
    return _number_word(tok.norm) if tok.is_word else None


@lru_cache(maxsize=20_000)
def _number_word(word: str) -> tuple[str, int] | None:
    """(unit|ten|hundred|scale, value) of a number word in any clitic reading, else None."""
    for form in proclitic_forms(word):
        if (form == "احد" and not word.endswith(("احد", "واحد"))) or word.endswith(("الاحد", "الاثنين")):
            continue  # "الأحد" is Sunday, "الاثنين" Monday
        if form in _UNITS:
            return "unit", _UNITS[form]
        if form in _TENS:
            return "ten", _TENS[form]
        if form in _HUNDREDS:
            return "hundred", _HUNDREDS[form]
        if form in _SCALES:
            return "scale", _SCALES[form]
    return None


@lru_cache(maxsize=20_000)
def _vague_value(word: str) -> int | None:
    return next((VAGUE[f] for f in proclitic_forms(word) if f in VAGUE), None)


def _digits_value(text: str) -> float | None:
    try:
        return float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    except ValueError:
        return None


_APPROX_FIRST = frozenset(p[0] for p in APPROX_PHRASES)
# first word -> (rank in APPROX_PHRASES, phrase) of the phrases it begins
_PHRASES_BY_FIRST = {w: [(n, p) for n, p in enumerate(APPROX_PHRASES) if p[0] == w] for w in _APPROX_FIRST}


@lru_cache(maxsize=50_000)
def _may_count(word: str) -> bool:
    """The word may start a number mention: a number word, a vague count, a dual or an approximation."""
    return (
        not _APPROX_FIRST.isdisjoint(proclitic_forms(word))
        or _number_word(word) is not None
        or _vague_value(word) is not None
        or dual_singular(word) is not None
    )


def _match_phrase(tokens: list[Token], i: int) -> int:
    """Length of the approximation phrase (APPROX_PHRASES, first listed first) starting at token i, or 0."""
    if not tokens[i].is_word or _APPROX_FIRST.isdisjoint(tokens[i].forms):
        return 0
    for _, phrase in sorted(p for f in set(tokens[i].forms) for p in _PHRASES_BY_FIRST.get(f, ())):
        if i + len(phrase) <= len(tokens) and all(
            phrase[k] in tokens[i + k].forms for k in range(1, len(phrase))
        ):
            return len(phrase)
    return 0


def _parse_words(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Parses a number-word compound at token i: returns (value, tokens used) or None."""
    first = _word_value(tokens[i])
    if first is None:
        return None
    total, current, j = 0, 0, i
    while j < len(tokens):
        wv = _word_value(tokens[j])
        if wv is None:
            break
        kind, v = wv
        if j > i:
            joined = tokens[j].norm.startswith("و") and kind in ("unit", "ten", "hundred")
            teen = kind == "unit" and v == 10 and 0 < current < 10
            multiplier = kind == "scale" or (kind == "hundred" and 0 < current < 10)
            if not (joined or teen or multiplier):
                break
        if kind == "scale":
            total += (current or 1) * v
            current = 0
        elif kind == "hundred" and v == 100 and 0 < current < 10:
            current *= 100
        else:
            current += v
        j += 1
    return total + current, j - i


def find_numbers(tokens: list[Token]) -> list[NumberMention]:
    """Every number mention in the token list, left to right, with approximations flagged."""
    out: list[NumberMention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.is_digit and not (tok.is_word and _may_count(tok.norm)):
            i += 1  # most words: no number, no approximation, no dual
            continue
        approx_len = _match_phrase(tokens, i)
        j = i + approx_len
        if j >= n:
            break
        tok = tokens[j]
        value: float | None = None
        used = 0
        kind = "digits"
        noun = None
        if tok.is_digit:
            value, used = _digits_value(tok.norm), 1
            if value is not None and j + 1 < n:
                scale = _word_value(tokens[j + 1])
                if scale and scale[0] in ("scale", "hundred") and scale[1] in (100, 1000, 10**6, 10**9):
                    value, used = value * scale[1], 2
        elif tok.is_word:
            vague = _vague_value(tok.norm)
            parsed = _parse_words(tokens, j) if vague is None else None
            if vague is not None:
                value, used, kind = vague, 1, "vague"
            elif parsed:
                (value, used), kind = parsed, "words"
            elif (noun := dual_singular(tok.norm)) is not None and not (
                out and out[-1].tok_end == j and out[-1].kind != "dual"
            ):  # (not the counted noun of a number: "أربعة شرطيين" are four)
                value, used, kind = 2, 1, "dual"
        if value is None or used == 0:
            i += max(1, approx_len) if approx_len and value is None else 1
            continue
        start_tok = i if approx_len else j
        out.append(
            NumberMention(
                tok_start=start_tok,
                tok_end=j + used,
                start=tokens[start_tok].start,
                end=tokens[j + used - 1].end,
                value=int(value),
                approx=bool(approx_len) or kind == "vague",
                kind=kind,
                noun=noun,
            )
        )
        i = j + used
    return out
