"""Arabic normalisation for matching, with a map back to the original character offsets.

Normalised text is for matching only: anything shown to a user quotes the original text
through `Normalized.span()`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

TATWEEL = "\u0640"
# Tashkeel, Quranic marks and other combining marks seen in Arabic news.
_DIACRITICS = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670}
_DIACRITICS |= set(range(0x06D6, 0x06DD)) | set(range(0x06DF, 0x06E5)) | set(range(0x06E7, 0x06E9))
_DIACRITICS |= set(range(0x06EA, 0x06EE)) | set(range(0x08D3, 0x0900))
# Invisible format characters: directional marks, zero-width joiners, BOM.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD}
_INVISIBLE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ۍ": "ي",
    "ک": "ك",  # Persian keheh
    "ڪ": "ك",
    "ھ": "ه",  # heh doachashmee
    "ە": "ه",  # Kurdish ae
    "ۀ": "ه",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT = {"٫": ".", "٬": ",", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"'}


def _char_map(ch: str, taa_marbuta: bool) -> str:
    """What one original character becomes in matching form ('' to drop it)."""
    cp = ord(ch)
    if cp in _DIACRITICS or cp in _INVISIBLE or ch == TATWEEL:
        return ""
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:
        # Presentation forms (ﻗﻮﺍﺕ, ﻻ, ﷲ): fold to base letters, then normalise those.
        base = unicodedata.normalize("NFKC", ch)
        if base != ch:
            return "".join(_char_map(b, taa_marbuta) for b in base)
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch == "ة":
        return "ه" if taa_marbuta else ch
    return _LETTERS.get(ch, ch)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and, for each of its characters, the offset of its source character."""

    original: str
    text: str
    offsets: Sequence[int]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Maps a [start, end) range of the normalised text to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self._end(end)

    def _end(self, end: int) -> int:
        # End after the last source character of text[end-1], including the marks that follow it.
        last = self.offsets[end - 1]
        nxt = self.offsets[end]
        return nxt if nxt > last else last + 1

    def original_text(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def normalize(text: str, taa_marbuta: bool = True) -> Normalized:
    """Normalises `text` for matching and keeps the offset map.

    Alef forms -> ا, final ى -> ي, ة -> ه (unless taa_marbuta=False), Persian ی ک -> ي ك,
    tatweel, tashkeel and invisible marks dropped, Arabic-Indic and Persian digits -> ASCII,
    presentation forms -> base letters.
    """
    table, resizing = _tables(taa_marbuta)
    folded = text.translate(table)
    if resizing.search(text) is None:  # one character for one: the offsets are the identity
        return Normalized(text, folded, range(len(text) + 1))
    offsets: list[int] = []
    done = 0
    for m in resizing.finditer(text):
        i = m.start()
        offsets.extend(range(done, i))
        offsets.extend([i] * len(table[ord(text[i])]))
        done = i + 1
    offsets.extend(range(done, len(text) + 1))
    return Normalized(text, folded, tuple(offsets))


# Code points _char_map may change: below U+0600 only these three; above it the Arabic blocks,
# presentation forms, invisible marks and typographic quotes.
_MAPPED_RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00))


@lru_cache(maxsize=2)
def _tables(taa_marbuta: bool) -> tuple[dict[int, str], re.Pattern[str]]:
    """str.translate table of every character that normalisation changes, and a pattern of those
    that do not become exactly one character (their offsets need mapping)."""
    cps = {0x00AB, 0x00AD, 0x00BB} | _INVISIBLE | {ord(c) for c in _PUNCT}
    cps |= {cp for lo, hi in _MAPPED_RANGES for cp in range(lo, hi)}
    table = {}
    for cp in sorted(cps):
        mapped = _char_map(chr(cp), taa_marbuta)
        if mapped != chr(cp):
            table[cp] = mapped
    resizing = "".join(re.escape(chr(cp)) for cp, m in table.items() if len(m) != 1)
    return table, re.compile(f"[{resizing}]")


def norm(text: str) -> str:
    """The matching form of a short string (lexicon entries, names)."""
    return normalize(text).text
