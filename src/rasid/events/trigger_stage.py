"""The trigger stage: event-lexicon hits per sentence, found once, right after the text stage.

Later stages read `doc.trigger_hits`: the entity stage tags only the sentences that could hold an
event (`trigger_sentences`, less `weak_sentences` without a date), and the event stage turns the hits
into triggers after its modality and context rules.
"""

from __future__ import annotations

from rasid.doc import Doc
from rasid.events import lexicon as lx
from rasid.events.lexicon import TriggerEntry, trigger_matcher
from rasid.events.triggers import find_triggers, is_hit
from rasid.text import Sentence
from rasid.text.matcher import Match

_PEOPLE_WORDS = (
    lx.KILLED_NOUNS
    | lx.KILLED_COUNTED
    | lx.KILLED_VERBS
    | lx.INJURED_NOUNS
    | lx.INJURED_COUNTED
    | lx.INJURED_VERBS
    | lx.SINGLE_PERSON_NOUNS
)


class TriggerStage:
    name = "triggers"
    gates_events = True  # a Doc with no event sentence after this stage goes no further (Pipeline)

    def __call__(self, doc: Doc) -> Doc:
        doc.trigger_hits = sentence_hits(doc)
        # The sentences whose hits survive the rules that need only the text (modality, aggregates,
        # other senses): the entity stage tags only these, and a Doc without any goes no further.
        counted = {k for n in doc.numbers for k in range(n.tok_start, n.tok_end)}
        doc.trigger_sentences = set()
        for s, hits in zip(doc.sentences, doc.trigger_hits, strict=True):
            triggers = (
                find_triggers(doc.tokens, s, hits, counted, False, set(), periods=False) if hits else []
            )
            if triggers:
                doc.trigger_sentences.add(s.i)
                if not any(t.strong for t in triggers) and not _counts_people(doc, s, counted):
                    doc.weak_sentences.add(s.i)
        return doc


def sentence_hits(doc: Doc) -> list[list[Match[TriggerEntry]]]:
    """The event-lexicon matches of each sentence: not inside a hashtag, and each the word it stands
    for ("قتلى" is no killing verb)."""
    find = trigger_matcher().find_longest
    tagged = _hashtag_tokens(doc)
    return [
        [
            m
            for m in find(doc.tokens, s.tok_start, s.tok_end)
            if tagged.isdisjoint(range(m.tok_start, m.tok_end)) and is_hit(doc.tokens, m)
        ]
        for s in doc.sentences
    ]


def _hashtag_tokens(doc: Doc) -> set[int]:
    """Tokens written inside a hashtag ("#تفجير_سوق_الموصل", "وسم #قصف"): a tag names a topic, it
    reports nothing. A one-word tag in running text is a word of its sentence ("بانفجار #لغم زرعته")."""
    text = doc.text
    if "#" not in text:
        return set()
    tagged = {
        t.i
        for t in doc.tokens
        if (t.start > 0 and text[t.start - 1] in "#_") or text[t.end : t.end + 1] == "_"
    }
    return {k for k in tagged if not _inline_word(doc, k, tagged)}


_TAG_WORDS = frozenset(("وسم", "هاشتاغ", "هاشتاج", "هاشتاق", "الوسم", "الهاشتاغ", "وسوم", "اوسمه"))


def _inline_word(doc: Doc, k: int, tagged: set[int]) -> bool:
    """Token k is a one-word hashtag between two plain words of one sentence."""
    tokens = doc.tokens
    if _joined(doc, k) or not 0 < k < len(tokens) - 1:
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (
        (before.is_word or before.is_digit)  # ("3 #انتحاريين قتلوا")
        and after.is_word
        and k - 1 not in tagged
        and k + 1 not in tagged
        and _TAG_WORDS.isdisjoint(before.forms)
        and doc.sentence_of(k) is doc.sentence_of(k - 1) is doc.sentence_of(k + 1)
    )


def _joined(doc: Doc, k: int) -> bool:
    """Token k is one word of a hashtag of several ("#ميليشيات_الحوثي")."""
    t = doc.tokens[k]
    return doc.text[t.end : t.end + 1] == "_" or doc.text[t.start - 1 : t.start] == "_"


def _counts_people(doc: Doc, s: Sentence, counted: set[int]) -> bool:
    """A number or a casualty word in the sentence: it may give a toll."""
    return any(
        k in counted or not _PEOPLE_WORDS.isdisjoint(doc.tokens[k].forms)
        for k in range(s.tok_start, s.tok_end)
    )
