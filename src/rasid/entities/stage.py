"""The entity stage: tags sentences of doc.tokens and fills doc.entities.

In the pipeline, after the trigger and time stages, only the sentences that could make an event are
tagged: those with a trigger and a date of their own, plus the two lead sentences unless their only
triggers are weak words with no figure of people. A later sentence without a date can still make an
event from its own gazetteer place, but the tagger adds little there (an unknown LOC name, a PER name
that blocks a place) for a third of its cost; measured on the dev set, the news gold and 8,480
labelled candidates when this was chosen: dev events identical, news sets a-d F1 +0.004, +0.011,
-0.009, 0; 48 wrong or non-event places dropped against 23 right ones. A Doc that never went through
the trigger stage, or `all_sentences=True` (`rasid ner`), is tagged in full; the tagger's document
context (doc_marks) comes from the tagged sentences. No later stage reads the tags' confidences: only
`scores=True` (`rasid ner`) computes them, and otherwise every entity has score 1.0.
"""

from __future__ import annotations

from rasid.doc import Doc
from rasid.entities.tagger import Tagger, get_tagger, mentions, tag_docs
from rasid.text import Token

_LEAD = 2  # the first sentences may make an event with no date of their own (as in the event stage)


class EntityStage:
    name = "entities"

    def __init__(self, backend: str | None = None, all_sentences: bool = False, scores: bool = False) -> None:
        self.backend = backend
        self.all_sentences = all_sentences
        self.scores = scores
        self._tagger: Tagger | None = None

    @property
    def tagger(self) -> Tagger:
        # Loaded on first use and shared by every stage of the process (get_tagger is cached).
        if self._tagger is None:
            self._tagger = get_tagger(self.backend)
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Doc]) -> list[Doc]:
        """Tags the documents' sentences in one batch (each document keeps its own context)."""
        chosen = [self._sentences(doc) for doc in docs]
        tagged = tag_docs(self.tagger, chosen, self.scores) if any(chosen) else [[] for _ in docs]
        for doc, sentences, results in zip(docs, chosen, tagged, strict=True):
            doc.entities = [
                m
                for tokens, (tags, scores) in zip(sentences, results, strict=True)
                for m in mentions(tokens, tags, scores, doc.text)
            ]
        return docs

    def _sentences(self, doc: Doc) -> list[list[Token]]:
        """The token lists to tag: the sentences that could make an event (all with all_sentences)."""
        wanted = None if self.all_sentences else doc.event_sentences()
        if wanted is not None:
            dated = {doc.sentence_of(d.tok_start).i for d in doc.dates if d.precision in (1, 2, 3)}
            wanted = {i for i in wanted if i in dated or (i < _LEAD and i not in doc.weak_sentences)}
        sentences = [
            doc.tokens[s.tok_start : s.tok_end] for s in doc.sentences if wanted is None or s.i in wanted
        ]
        return [tokens for tokens in sentences if any(t.is_word for t in tokens)]
