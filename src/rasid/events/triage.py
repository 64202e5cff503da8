"""Article triage: a fast "does this article report any incident?" score, before the full pipeline.

A linear model over normalised word uni- and bi-grams (a `str.translate` table folds alef, yeh,
taa marbuta, drops diacritics, tatweel and punctuation; no tokens or clitic view: this runs before
the text stage). The model is a JSON table feature -> weight (`resources/triage.json`, built by
`scripts/train_triage.py`); scoring is a dictionary lookup per word, so thousands of articles per
second on one core. Optional front filter for `rasid batch` / `ingest` (flag `--triage`).

    triage = Triage.load()
    triage.score(text)        # P(the article reports at least one event)
    triage.is_relevant(text)  # score >= the threshold chosen on the training labels
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from functools import lru_cache

from rasid import resources
from rasid.errors import RasidError

RESOURCE = "triage.json"
# The article and the prepositions fused with it, at a word start, when two letters or more follow.
_ARTICLE = re.compile(r"(?<!\S)(?:وال|بال|فال|كال|لل|ال)(?=\S\S)")


def _table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for ch in "أإآٱ":
        table[ord(ch)] = ord("ا")
    table[ord("ى")] = ord("ي")
    table[ord("ی")] = ord("ي")
    table[ord("ة")] = ord("ه")
    table[ord("ـ")] = None  # tatweel
    for cp in range(0x064B, 0x0653):  # tashkeel
        table[cp] = None
    table[0x0670] = None
    for cp in range(0x20, 0x2070):  # punctuation and symbols become spaces
        ch = chr(cp)
        if unicodedata.category(ch)[0] in "PSZ":
            table[cp] = ord(" ")
    for ch in "،؛؟«»٪":
        table[ord(ch)] = ord(" ")
    for cp in range(0x0660, 0x066A):  # Arabic-Indic digits -> 0 (numbers matter, their values do not)
        table[cp] = ord("0")
    for cp in range(ord("0"), ord("9") + 1):
        table[cp] = ord("0")
    return table


NORMALISE = _table()


def words(text: str) -> list[str]:
    """Normalised words of a text, each with its article prefix dropped (الغارات -> غارات)."""
    return _ARTICLE.sub("", text.translate(NORMALISE).lower()).split()


def features(text: str) -> set[str]:
    """Word unigrams and bigrams (bigrams joined by '_'); present or absent, not counted.

    The model sees them as a unit-length vector (each present feature 1/sqrt(n)).
    """
    ws = words(text)
    feats = set(ws)
    feats.update(map("_".join, itertools.pairwise(ws)))
    return feats


class Triage:
    """Logistic regression over `features()`, loaded from a feature -> weight table."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float, max_chars: int) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.max_chars = max_chars

    @classmethod
    def load(cls, path: str | None = None) -> Triage:
        """The packaged model (cached per process), or a model file of the same format."""
        if path is None:
            return _packaged()
        return cls._from_file(path)

    @classmethod
    def _from_file(cls, path: str) -> Triage:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            raise RasidError(f"cannot read triage model {path}: {e}") from None
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), int(data["max_chars"]))

    def score(self, text: str) -> float:
        """P(the article reports at least one event), from its first `max_chars` characters."""
        w = self.weights
        feats = features(text[: self.max_chars])
        # Unit-length feature vector: short and long articles are scored on the same scale.
        z = self.bias + sum(map(w.__getitem__, feats & w.keys())) / math.sqrt(max(1, len(feats)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_relevant(self, text: str) -> bool:
        return self.score(text) >= self.threshold


@lru_cache(maxsize=1)
def _packaged() -> Triage:
    return Triage._from_file(str(resources.path(RESOURCE)))
