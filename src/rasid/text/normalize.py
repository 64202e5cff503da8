"""Arabic normalisation for matching, with a map back to the original character offsets.

Normalised text is for matching only: anything shown to a user quotes the original text
through `Normalized.span()`.
"""

from __future__ import annotations

import unicodedata
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


@lru_cache(maxsize=4096)
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
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

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
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch < "\u0600" and ch not in "\u00ad«»":
            out.append(ch)
            offsets.append(i)
            continue
        mapped = _char_map(ch, taa_marbuta)
        for m in mapped:
            out.append(m)
            offsets.append(i)
    offsets.append(len(text))
    return Normalized(text, "".join(out), tuple(offsets))


def norm(text: str) -> str:
    """The matching form of a short string (lexicon entries, names)."""
    return normalize(text).text
