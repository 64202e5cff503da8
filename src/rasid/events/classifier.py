"""A trained filter over candidate events: does this trigger sentence report an incident?

The event stage calls `keep(doc, sentence, trigger, event)` for each candidate its rules accept.
The model is a logistic regression over sparse string features (sub-type, trigger words, what the
sentence itself says: date, place, casualties, actors; the words just before the trigger: modality,
reporting verbs; the sentence's word uni/bi-grams), stored as a JSON table feature -> weight
(`resources/event_filter.json`, built by `scripts/train_event_filter.py`). Runtime needs no sklearn.
`load_classifier()` returns None when the resource is missing; the stage then keeps every candidate.
"""

from __future__ import annotations

import itertools
import json
import math
from functools import lru_cache
from typing import Protocol

from rasid import resources
from rasid.doc import Doc
from rasid.events.triggers import Trigger
from rasid.model import Event
from rasid.text import Sentence
from rasid.text.normalize import norm

RESOURCE = "event_filter.json"
_PRE_WINDOW = 5  # words before the trigger that may govern it (قال، نفى، اتهم، خطة ...)
_POST_WINDOW = 3
_ZEROS = itertools.repeat(0.0)  # the default of weights.get, for map()
_PUNCT = frozenset("،,.؛:؟!()[]\"«»-–—'")
# Word groups that mark a sentence as something other than an incident report: each group is one
# feature, so a few hundred labels generalise beyond the words seen in them.
_CUE_GROUPS: dict[str, frozenset[str]] = {
    name: frozenset(norm(w) for w in words.split())
    for name, words in {
        "trial": "محكمه المحكمه قضت حكم بالاعدام متهم متهمين المتهم محاكمه القضاء النيابه السجن المدان تهمه بتهمه",
        "diplomacy": "مجلس قرار مشروع اجتماع قمه مفاوضات محادثات وزير الخارجيه الامم السفير سفير زياره",
        "condemn": "ادان دان ادانت يدين نددت ندد استنكر استنكرت شجب يشجب ادانه تنديد",
        "inquiry": "تحقيق التحقيق لجنه تحقيقا التحقيقات المحققين تقرير",
        "plan": "يعتزم تعتزم تخطط يخطط خطه هدد توعد تهدد يهدد مخطط محتمل المحتمل",
        "sanction": "عقوبات العقوبات صفقه تزويد يتزودون تهريب برنامج اختبار الاتفاق النووي",
        "accuse": "اتهم اتهمت تتهم يتهم اتهام اتهامات نفي نفت نفى ينفي",
        "history": "ذكري الذكري تاريخ التاريخ الحرب العالميه",
        "aggregate": "منذ حصيله اجمالي مجموع عشرات مئات الاف",
        "sport": "الدوري مباراه المباراه فريق المنتخب هدف البطوله",
    }.items()
}


class CandidateFilter(Protocol):
    def keep(self, doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> bool: ...


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for k, edge in enumerate(edges):
        if n <= edge:
            return str(k)
    return str(len(edges))


def candidate_features(doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> list[str]:
    """The features of the trigger and its event."""
    tokens = doc.tokens
    sub = event.sub_event_type
    feats = [
        "bias",
        f"sub={sub}",
        f"type={event.event_type}",
        f"strong={trigger.strong}",
        f"weapon={event.weapon}",
        f"sent_i={_bucket(sentence.i, (0, 1, 3, 6, 12))}",
        f"sent_len={_bucket(sentence.tok_end - sentence.tok_start, (12, 25, 45, 80))}",
        f"trig_pos={_bucket(trigger.tok_start - sentence.tok_start, (0, 2, 5, 10, 20))}",
        f"background={event.background}",
        f"precision={event.time_precision}",
        f"geo={event.location.geo_precision if event.location else None}",
        f"killed={event.fatalities is not None and event.fatalities > 0}",
        f"injured={event.injured is not None and event.injured > 0}",
        f"a1={event.actor1.inter if event.actor1 else None}",
        f"a2={event.actor2.inter if event.actor2 else None}",
    ]
    published = doc.article.published
    if event.date is not None and published is not None:
        days = (published - event.date).days
        feats.append(f"days_ago={_bucket(days, (0, 1, 7, 31, 365))}")
    first = tokens[trigger.tok_start]
    # Definite: a reading with the article over a stem of 3+ letters ("الهجوم", "بالهجوم"; not "ألقت").
    definite = any(f.startswith("ال") and len(f) > 4 and f[2:] in first.forms for f in first.forms)
    feats.append(f"trig_def={definite}")
    s_lo, s_hi = sentence.start, sentence.end
    own = {k for k, sp in event.spans.items() if s_lo <= sp.start < s_hi}
    for field in ("date", "location", "actor1", "actor2", "fatalities"):
        feats.append(f"own_{field}={field in own}")
    feats.append(f"own_date_place={'date' in own and 'location' in own}")
    words = [t for t in tokens[trigger.tok_start : trigger.tok_end] if t.is_word]
    trig = " ".join(t.norm for t in words)
    feats += [f"trig={trig}", f"trig_sub={sub}|{' '.join(t.forms[-1] for t in words)}"]
    feats += [f"trig_stem={t.forms[-1]}" for t in words]
    # The words just before the trigger: reporting verbs, modality, negation.
    pre = [t for t in tokens[max(sentence.tok_start, trigger.tok_start - _PRE_WINDOW) : trigger.tok_start]]
    feats += [f"pre={t.forms[-1]}" for t in pre if t.norm not in _PUNCT]
    if pre:
        feats.append(f"pre1={pre[-1].forms[-1]}")
    post = tokens[trigger.tok_end : min(sentence.tok_end, trigger.tok_end + _POST_WINDOW)]
    feats += [f"post={t.forms[-1]}" for t in post if t.norm not in _PUNCT]
    if any(t.norm == '"' for t in tokens[sentence.tok_start : trigger.tok_start]):  # (« » folded to ")
        feats.append("quote_before")
    return feats


def sentence_features(doc: Doc, sentence: Sentence) -> list[str]:
    """The features of the sentence itself, the same for each of its candidates: its first words
    (قال، أعلن، نفى، أكد ...), its bag of words and bigrams, its cue groups."""
    tokens = doc.tokens[sentence.tok_start : sentence.tok_end]
    stems = [t.forms[-1] for t in tokens if t.is_word]
    feats = []
    if stems:
        feats.append(f"first={stems[0]}")
    if len(stems) > 1:
        feats.append(f"first2={stems[0]}_{stems[1]}")
    feats += [f"w={w}" for w in set(stems)]
    feats += [f"b={a}_{b}" for a, b in set(itertools.pairwise(stems))]
    forms = {f for t in tokens for f in t.forms}
    feats += [f"cue={name}" for name, group in _CUE_GROUPS.items() if forms & group]
    return feats


def features(doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> list[str]:
    """The string features of one candidate (shared by training and runtime)."""
    return candidate_features(doc, sentence, trigger, event) + sentence_features(doc, sentence)


class EventFilter:
    """Logistic regression over `features()`; keeps a candidate when P(event) >= threshold."""

    def __init__(self, weights: dict[str, float], threshold: float, version: str = "") -> None:
        self.weights = weights
        self.threshold = threshold
        self.version = version

    @classmethod
    def from_file(cls, path: str) -> EventFilter:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return cls(data["weights"], float(data["threshold"]), str(data.get("version", "")))

    def score(self, doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> float:
        z = sum(map(self.weights.get, features(doc, sentence, trigger, event), _ZEROS))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> bool:
        return self.score(doc, sentence, trigger, event) >= self.threshold


@lru_cache(maxsize=1)
def load_classifier() -> EventFilter | None:
    """The trained candidate filter, loaded once per process; None if it was never built."""
    p = resources.ROOT / RESOURCE
    if not p.exists():
        return None
    return EventFilter.from_file(str(p))
