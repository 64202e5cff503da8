"""The text stage: normalise, tokenise, split sentences, find numbers."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.text.normalize import normalize
from rasid.text.numbers import find_numbers
from rasid.text.sentences import split_sentences
from rasid.text.tokens import tokenize


class TextStage:
    name = "text"

    def __call__(self, doc: Doc) -> Doc:
        doc.norm = normalize(doc.text)
        doc.tokens = tokenize(doc.norm)
        doc.sentences = split_sentences(doc.tokens, doc.text)
        doc.numbers = find_numbers(doc.tokens)
        return doc
