"""The entity stage: tags each sentence of doc.tokens and fills doc.entities."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.entities.tagger import Tagger, get_tagger, mentions


class EntityStage:
    name = "entities"

    def __init__(self, backend: str | None = None) -> None:
        self.backend = backend
        self._tagger: Tagger | None = None

    @property
    def tagger(self) -> Tagger:
        # Loaded on first use and shared by every stage of the process (get_tagger is cached).
        if self._tagger is None:
            self._tagger = get_tagger(self.backend)
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        sentences = [doc.tokens[s.tok_start : s.tok_end] for s in doc.sentences]
        sentences = [tokens for tokens in sentences if any(t.is_word for t in tokens)]
        found = []
        for tokens, (tags, scores) in zip(sentences, self.tagger.tag_doc(sentences), strict=True):
            found.extend(mentions(tokens, tags, scores, doc.text))
        doc.entities = found
        return doc
