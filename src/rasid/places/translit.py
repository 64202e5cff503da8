"""Consonant skeletons: a coarse key shared by an Arabic name and its Latin transliterations.

GeoNames knows many places (Pakistan, the Sahel, Iran, Turkey ...) only by Latin names, or by an
Urdu/Persian spelling an Arabic writer does not use. Both sides are reduced to the consonants a
transliteration keeps, merged into classes where the usual romanisations disagree:

    كاسور -> KSR      Kasur -> KSR      بيشاور -> BCR     Peshawar -> BCR

Dropped: vowels and the letters that romanisations drop or write as vowels (ا و ي ى ة ه ح ع ء,
h w y v ' in Latin), the article (ال, al-/el-/ad-/ash- ...). Merged classes: B (ب پ b p),
T (ت ط ث ٹ t th), J (ج j dj), C (ش چ sh ch), K (ك ق خ غ گ k q c g kh gh), D (د ذ ض ظ ز ژ ڈ
d z dh zh), S (س ص s), F (ف ڤ f ph), R, L, M, N. A class repeated with nothing between collapses
("Kassar" = "Kasar" = كسار); with a vowel or a word break between it stays ("Fararat" != فرات).
The key is deliberately coarse: it is only used with a country context, a population floor and
an ambiguity check (see resolve.py).
"""

from __future__ import annotations

import re
import unicodedata

_AR_MAP = {
    **dict.fromkeys("بپ", "B"),
    **dict.fromkeys("تطثٹ", "T"),
    **dict.fromkeys("ج", "J"),
    **dict.fromkeys("شچ", "C"),
    **dict.fromkeys("كکقخغگ", "K"),
    **dict.fromkeys("دذضظزژڈ", "D"),
    **dict.fromkeys("سص", "S"),
    **dict.fromkeys("فڤ", "F"),
    **dict.fromkeys("رڕڑ", "R"),
    **dict.fromkeys("لڵ", "L"),
    **dict.fromkeys("م", "M"),
    **dict.fromkeys("نںڼ", "N"),
}
_AR_ARTICLE = ("ال",)

_LATIN_DIGRAPHS = (
    ("sch", "C"),
    ("sh", "C"),
    ("ch", "C"),
    ("kh", "K"),
    ("gh", "K"),
    ("th", "T"),
    ("dh", "D"),
    ("zh", "D"),
    ("ph", "F"),
    ("dj", "J"),
    ("ck", "K"),
)
_LATIN_MAP = {
    **dict.fromkeys("bp", "B"),
    "t": "T",
    "j": "J",
    **dict.fromkeys("kqcg", "K"),
    "x": "KS",
    **dict.fromkeys("dz", "D"),
    "s": "S",
    "f": "F",
    "r": "R",
    "l": "L",
    "m": "M",
    "n": "N",
}
# Letters that need a spelling before accents are stripped (Turkish, Kurdish Latin).
_LATIN_PRE = str.maketrans({"ş": "sh", "Ş": "sh", "ç": "ch", "Ç": "ch", "ğ": "", "ı": "i", "ʿ": "", "ʾ": ""})
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|et|en|ez)-")
_LATIN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


_GAP = "_"  # a dropped letter or a word break: classes on both sides do not collapse


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out).replace(_GAP, "")


def skeleton_arabic(name: str) -> str:
    """Skeleton of an Arabic-script name (letters outside the map are dropped)."""
    parts: list[str] = []
    for word in name.split():
        if word.startswith(_AR_ARTICLE) and len(word) > 3:
            word = word[2:]
        parts.append("".join(_AR_MAP.get(ch, _GAP) for ch in word))
    return _collapse(_GAP.join(parts))


def latin_ascii(name: str) -> str | None:
    """Lower-case ASCII form of a Latin-script name, or None for other scripts."""
    s = unicodedata.normalize("NFKD", name.translate(_LATIN_PRE))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("'", "").replace("`", "").replace("’", "").replace("‘", "")
    if any(ch.isalpha() and not ("a" <= ch <= "z") for ch in s):
        return None
    return s


def latin_letters(name: str) -> int:
    """Letters of a Latin name without its article words ("Ad-Diwaniyah" -> 9)."""
    s = latin_ascii(name) or ""
    return sum(
        len(_LATIN_ARTICLE.sub("", w).replace("-", ""))
        for w in _LATIN_WORD.findall(s)
        if w not in ("al", "el")
    )


def _latin_words(name: str) -> list[str]:
    """The words of a Latin-script name without the article, digraphs already replaced by their class
    (upper-case letters); [] for a name in another script."""
    out: list[str] = []
    for word in _LATIN_WORD.findall(latin_ascii(name) or ""):
        if word in ("al", "el"):
            continue
        word = _LATIN_ARTICLE.sub("", word).replace("-", "")
        for digraph, cls in _LATIN_DIGRAPHS:
            word = word.replace(digraph, cls)
        out.append(word)
    return out


def skeleton_latin(name: str) -> str:
    """Skeleton of a Latin-script name ("" for a name in another script)."""
    words = _latin_words(name)
    if not words:
        return ""
    parts = ["".join(ch if ch.isupper() else _LATIN_MAP.get(ch, _GAP) for ch in word) for word in words]
    return _collapse(_GAP.join(parts))


# Long vowels: an Arabic ا و ي between two consonants (or at either end) is written in a
# transliteration with a vowel of its kind ("مقدونيا" is not Magadan, "كشمير" not Kashmor).
_LONG_VOWELS = {"ا": "a", "و": "ouvw", "ي": "ieyj", "ى": "aei"}
_ANY_VOWEL = "aeiouy"


def _gaps(units: list[tuple[str, str]]) -> list[str]:
    """Letters between consecutive consonant classes: [before first, between ..., after last]."""
    gaps = [""]
    last = None
    for cls, letter in units:
        if cls:
            if cls == last and gaps[-1] == "":
                continue  # a doubled class collapses, as in the skeleton
            gaps.append("")
            last = cls
        else:
            gaps[-1] += letter
    return gaps


def _arabic_units(name: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for word in name.split():
        if word.startswith(_AR_ARTICLE) and len(word) > 3:
            word = word[2:]
        units += [(_AR_MAP.get(ch, ""), ch) for ch in word]
    return units


def _latin_units(name: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    for word in _latin_words(name):
        for ch in word:
            cls = ch if ch.isupper() else _LATIN_MAP.get(ch, "")
            units += [(c, ch) for c in cls] if cls else [("", ch)]
    return units


def vowels_agree(arabic: str, latin: str) -> bool:
    """The Arabic long vowels line up with vowels of the Latin name (True when unsure)."""
    ar, la = _gaps(_arabic_units(arabic)), _gaps(_latin_units(latin))
    if len(ar) != len(la):
        return True  # the consonants do not align one to one: no opinion
    for i, (ga, gl) in enumerate(zip(ar, la, strict=True)):
        for ch in ga:
            need = _ANY_VOWEL if i == 0 and ch == "ا" else _LONG_VOWELS.get(ch)
            if need and not any(c in gl for c in need):
                return False
    return True
