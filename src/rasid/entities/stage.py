"""The entity stage: tags sentences of doc.tokens and fills doc.entities.

In the pipeline, after the trigger stage, only the sentences with an event trigger are tagged (the
others never become events). A Doc that never went through the trigger stage, or `all_sentences=True`
(`rasid ner`), is tagged in full. Trade-off: the places stage then sees PER/LOC entities of those
sentences only, and the tagger's document context (doc_marks) comes from them too.
"""

from __future__ import annotations

from rasid.doc import Doc
from rasid.entities.tagger import Tagger, get_tagger, mentions


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
        wanted = None if self.all_sentences else doc.event_sentences()
        sentences = [
            doc.tokens[s.tok_start : s.tok_end] for s in doc.sentences if wanted is None or s.i in wanted
        ]
        sentences = [tokens for tokens in sentences if any(t.is_word for t in tokens)]
        found = []
        if sentences:
            for tokens, (tags, scores) in zip(sentences, self.tagger.tag_doc(sentences), strict=True):
                found.extend(mentions(tokens, tags, scores, doc.text))
        doc.entities = found
        return doc
