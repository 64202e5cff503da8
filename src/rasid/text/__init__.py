"""The text layer: normalisation with offset maps, tokens and clitic view, sentences, numbers."""

from rasid.text.normalize import Normalized, norm, normalize
from rasid.text.numbers import NumberMention, find_numbers
from rasid.text.sentences import Sentence, split_clauses, split_sentences
from rasid.text.tokens import Token, proclitic_forms, quoted_outlet, stem_forms, tokenize

__all__ = [
    "Normalized",
    "NumberMention",
    "Sentence",
    "Token",
    "find_numbers",
    "norm",
    "normalize",
    "proclitic_forms",
    "quoted_outlet",
    "split_clauses",
    "split_sentences",
    "stem_forms",
    "tokenize",
]
