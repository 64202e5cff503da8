"""Doc: one article as it flows through the pipeline; each stage adds its own layer."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.model import ActorMention, Article, DateMention, Event, Mention, PlaceMention
from rasid.text import Normalized, NumberMention, Sentence, Token
from rasid.text.matcher import Match


@dataclass(slots=True)
class Doc:
    article: Article
    # text stage
    norm: Normalized | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    # later stages
    trigger_hits: list[list[Match]] | None = None  # event-lexicon hits of each sentence
    trigger_sentences: set[int] | None = None  # sentences whose hits survive the text-only trigger rules
    weak_sentences: set[int] = field(default_factory=set)  # of those: weak words only, no number or toll word
    # a sentence's contrast parts ("في حين", "بينما"), cut on first use by the event rules
    clauses: dict[int, list[Sentence]] = field(default_factory=dict)
    entities: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, tok_index: int) -> Sentence:
        """The sentence that holds token `tok_index`."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].tok_start <= tok_index:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]

    def event_sentences(self) -> set[int] | None:
        """Indexes of the sentences with an event trigger (not a mere cue); None before the trigger stage."""
        if self.trigger_sentences is not None:
            return self.trigger_sentences
        if self.trigger_hits is None:
            return None
        return {i for i, hits in enumerate(self.trigger_hits) if any(m.value.strength != "cue" for m in hits)}

    def by_sentence(self, mentions: list) -> list[list]:
        """The mentions of each sentence (in_sentence for every sentence, in one pass)."""
        out: list[list] = [[] for _ in self.sentences]
        for m in mentions:
            s = self.sentence_of(m.tok_start)
            if s.tok_start <= m.tok_start < s.tok_end:
                out[s.i].append(m)
        return out

    def in_sentence(self, mentions: list, sentence: Sentence) -> list:
        """The mentions whose tokens lie in `sentence`."""
        return [m for m in mentions if sentence.tok_start <= m.tok_start < sentence.tok_end]
