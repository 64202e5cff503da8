"""The entity stage: tags sentences of doc.tokens and fills doc.entities.

In the pipeline, after the trigger and time stages, only the sentences that could make an event are
tagged: those with a trigger, except weak words alone ("هجوم", "انفجار") in a sentence with no date
and no figure of people (the event stage needs one of them there). A Doc that never went through the
trigger stage, or `all_sentences=True` (`rasid ner`), is tagged in full. Trade-off: the places stage
then sees PER/LOC entities of those sentences only, and the tagger's document context (doc_marks)
comes from them too. No later stage reads the tags' confidences: only `scores=True` (`rasid ner`)
computes them, and otherwise every entity has score 1.0.
"""

from __future__ import annotations

from rasid.doc import Doc
from rasid.entities.tagger import Tagger, get_tagger, mentions


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
        wanted = None if self.all_sentences else doc.event_sentences()
        if wanted is not None and doc.weak_sentences:
            dated = {doc.sentence_of(d.tok_start).i for d in doc.dates if d.precision in (1, 2, 3)}
            wanted = wanted - (doc.weak_sentences - dated)
        sentences = [
            doc.tokens[s.tok_start : s.tok_end] for s in doc.sentences if wanted is None or s.i in wanted
        ]
        sentences = [tokens for tokens in sentences if any(t.is_word for t in tokens)]
        found = []
        if sentences:
            for tokens, (tags, scores) in zip(
                sentences, self.tagger.tag_doc(sentences, self.scores), strict=True
            ):
                found.extend(mentions(tokens, tags, scores, doc.text))
        doc.entities = found
        return doc
