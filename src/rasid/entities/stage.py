"""The entity stage: tags sentences of doc.tokens and fills doc.entities.

In the pipeline, after the trigger stage, only the sentences that could report an event are tagged
(the rest never reach an event); `all_sentences=True`, or a document without trigger hits, tags all.
"""

from __future__ import annotations

from rasid.doc import Doc
from rasid.entities.tagger import Tagger, get_tagger, mentions
from rasid.events.cues import event_sentences


class EntityStage:
    name = "entities"

    def __init__(self, backend: str | None = None, all_sentences: bool = False) -> None:
        self.backend = backend
        self.all_sentences = all_sentences
        self._tagger: Tagger | None = None

    @property
    def tagger(self) -> Tagger:
        # Loaded on first use and shared by every stage of the process (get_tagger is cached).
        if self._tagger is None:
            self._tagger = get_tagger(self.backend)
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        wanted = None if self.all_sentences else event_sentences(doc)
        sentences = [
            doc.tokens[s.tok_start : s.tok_end]
            for s in doc.sentences
            if wanted is None or s.i in wanted
        ]
        sentences = [tokens for tokens in sentences if any(t.is_word for t in tokens)]
        found = []
        if sentences:
            for tokens, (tags, scores) in zip(sentences, self.tagger.tag_doc(sentences), strict=True):
                found.extend(mentions(tokens, tags, scores, doc.text))
        doc.entities = found
        return doc
