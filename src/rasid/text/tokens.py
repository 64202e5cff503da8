"""Tokens with character offsets, and the clitic view used for matching.

Tokens are found in the normalised text and carry spans of the original text, so that
"وبغداد", "ببغداد" and "بغداد" share a matching form while output quotes what was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.text.normalize import Normalized

# "#" and "_" are no tokens: hashtags ("#باقم", "#الجيش_اليمني") read as the words they join.
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\s#_]", re.UNICODE)

# Proclitic sequences: conjunction (و ف), then preposition/particle (ب ل ك س), then article ال.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "س")
PROCLITICS: tuple[str, ...] = tuple(
    sorted(
        {c + p + a for c in _CONJ for p in _PREP for a in ("", "ال") if c + p + a}
        | {c + "لل" for c in _CONJ},
        key=len,
        reverse=True,
    )
)
_PROCLITICS_BY_FIRST: dict[str, tuple[str, ...]] = {
    c: tuple(p for p in PROCLITICS if p[0] == c) for c in {p[0] for p in PROCLITICS}
}  # longest first, as in PROCLITICS
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
_MIN_STEM = 2


@lru_cache(maxsize=50_000)
def proclitic_forms(word: str) -> tuple[str, ...]:
    """The word and every reading of it with proclitics removed, the word itself first.

    A prefix ending in the article also yields the stem with "ال" kept, so that "للولايات"
    matches an entry "الولايات".
    """
    forms = [word]
    for pre in _PROCLITICS_BY_FIRST.get(word[:1], ()):
        if len(word) - len(pre) < _MIN_STEM or not word.startswith(pre):
            continue
        stem = word[len(pre) :]
        if pre.endswith("لل") or pre.endswith("ال"):
            with_article = "ال" + stem
            if with_article not in forms:
                forms.append(with_article)
        if stem not in forms:
            forms.append(stem)
    return tuple(forms)


@lru_cache(maxsize=20_000)
def stem_forms(word: str) -> tuple[str, ...]:
    """proclitic_forms plus readings with an enclitic pronoun removed (قصفتها -> قصفت)."""
    forms = list(proclitic_forms(word))
    for f in list(forms):
        for enc in ENCLITICS:
            if f.endswith(enc) and len(f) - len(enc) >= 3:
                base = f[: -len(enc)]
                for b in (base, base[:-1] + "ه" if base.endswith("ت") else None):
                    if b and b not in forms:
                        forms.append(b)
    return tuple(forms)


@dataclass(slots=True)
class Token:
    i: int
    start: int  # original text offsets
    end: int
    text: str  # as written
    norm: str  # matching form
    is_word: bool
    is_digit: bool
    # Matching forms with proclitics removed, the whole word first (read very often: a plain field).
    forms: tuple[str, ...] = field(repr=False)

    @property
    def stems(self) -> tuple[str, ...]:
        """Matching forms with proclitics and enclitics removed."""
        return stem_forms(self.norm) if self.is_word else (self.norm,)


def tokenize(normalized: Normalized) -> list[Token]:
    """Splits into words, numbers and single punctuation marks, each with original offsets."""
    tokens: list[Token] = []
    original = normalized.original
    offsets = normalized.offsets
    identity = isinstance(offsets, range)
    find = normalized.text.find
    end = 0
    # findall and find are quicker than match objects; what lies between two tokens is only
    # whitespace, "#" and "_", which no token holds, so find() lands on the token itself
    for t in _TOKEN_RE.findall(normalized.text):
        s = find(t, end)
        e = end = s + len(t)
        if not identity:  # Normalized.to_original, inlined: this loop runs for every token
            s, last, nxt = offsets[s], offsets[e - 1], offsets[e]
            e = nxt if nxt > last else last + 1
        is_word = t[0].isalpha()
        # is_digit: isdecimal, not isdigit ("¹" is a digit that int() cannot read)
        forms = proclitic_forms(t) if is_word else (t,)
        tokens.append(Token(len(tokens), s, e, original[s:e], t, is_word, t[0].isdecimal(), forms))
    return tokens


_OUTLET_LEADS = frozenset(("ل", "صحيفه", "جريده", "مجله", "قناه", "موقع"))


def quoted_outlet(tokens: list[Token], start: int, end: int) -> bool:
    """Tokens start..end name a newspaper or channel: in quotes after "ل" or an outlet word ("قالت
    مصادر ل«الرياض»", "صحيفة «المدينة»"), not the place or the state of that name."""
    return (
        start >= 2
        and end < len(tokens)
        and tokens[start - 1].norm == tokens[end].norm == '"'  # (normalize folds « » “ ” to ")
        and not _OUTLET_LEADS.isdisjoint(tokens[start - 2].forms)
    )
