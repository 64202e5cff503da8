"""CoNLL files (one `token TAG` per line, blank line between sentences) and the entity scorer.

Scoring is CoNLL-style: an entity counts as correct only with the exact span and type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rasid.errors import RasidError

TYPES = ("PER", "ORG", "LOC", "MISC")
_TYPE_ALIASES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GPE": "LOC"}


def canonical_tag(tag: str) -> str:
    """IOB2 tag with our type names (B-PERS -> B-PER); anything unknown becomes O."""
    tag = tag.strip()
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIE S":
        kind = _TYPE_ALIASES.get(tag[2:].upper())
        if kind:
            return ("I-" if tag[0] in "IE" else "B-") + kind
    return "O"


@dataclass(slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


def read_conll(path: str | Path) -> list[Sentence]:
    """Reads `token TAG` (space or tab separated) lines; blank lines end sentences."""
    p = Path(path)
    if not p.is_file():
        raise RasidError(f"no such CoNLL file: {path}")
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise RasidError(f"{path} is not UTF-8 text") from None
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    n_tagged = 0
    for line in lines:
        line = line.replace("\u200e", "").strip()
        if not line:
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            continue  # a token without a tag (stray marks in the source files)
        n_tagged += 1
        tokens.append(" ".join(parts[:-1]))
        tags.append(canonical_tag(parts[-1]))
    if tokens:
        sentences.append(Sentence(tokens, tags))
    if not n_tagged:
        raise RasidError(f"{path} has no `token TAG` lines")
    return sentences


def repair_bio(tags: list[str]) -> list[str]:
    """Makes a tag sequence valid IOB2: an I- that does not continue its type starts an entity."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entities of an IOB2 sequence as (start, end, type), end exclusive (stray I- starts one)."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        continues = tag.startswith("I-") and tag[2:] == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            out.append((start, i, kind))
            start, kind = -1, ""
        if tag != "O":
            start, kind = i, tag[2:]
    return out


@dataclass(slots=True)
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "correct": self.tp,
        }


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Entity-level precision/recall/F1, overall and per type, over parallel tag sequences."""
    if len(gold) != len(pred):
        raise RasidError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    total = Score()
    by_type: dict[str, Score] = {}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        if len(g_tags) != len(p_tags):
            raise RasidError("a predicted sentence differs in length from its gold sentence")
        g = Counter(spans(g_tags))
        p = Counter(spans(p_tags))
        for ent, n in g.items():
            by_type.setdefault(ent[2], Score()).n_gold += n
        for ent, n in p.items():
            by_type.setdefault(ent[2], Score()).n_pred += n
        for ent, n in (g & p).items():
            by_type[ent[2]].tp += n
    for s in by_type.values():
        total.tp += s.tp
        total.n_pred += s.n_pred
        total.n_gold += s.n_gold
    result = total.to_dict()
    order = [t for t in TYPES if t in by_type] + sorted(set(by_type) - set(TYPES))
    result["per_type"] = {t: by_type[t].to_dict() for t in order}
    return result
