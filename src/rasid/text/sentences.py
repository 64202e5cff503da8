"""Sentence and clause splitting over tokens (Arabic and Latin punctuation, quotes, newlines)."""

from __future__ import annotations

from dataclasses import dataclass

from rasid.text.tokens import Token

SENTENCE_END = {".", "!", "?", "؟", "…", "؛", ";"}
CLAUSE_END = SENTENCE_END | {"،", ",", ":"}
CLOSING = {'"', "'", ")", "]", "»", "”", "’"}


@dataclass(frozen=True, slots=True)
class Sentence:
    i: int
    tok_start: int  # token indices [tok_start, tok_end)
    tok_end: int
    start: int  # original text offsets
    end: int


def _split(tokens: list[Token], text: str, ends: set[str]) -> list[Sentence]:
    out: list[Sentence] = []
    begin = 0
    n = len(tokens)
    for k, tok in enumerate(tokens):
        boundary = tok.norm in ends
        if boundary:
            # Keep closing quotes and brackets with the sentence they close.
            while k + 1 < n and tokens[k + 1].norm in CLOSING and tokens[k + 1].start == tok.end:
                k += 1
                tok = tokens[k]
        if not boundary and k + 1 < n and "\n" in text[tok.end : tokens[k + 1].start]:
            boundary = True
        if boundary and k >= begin:
            out.append(Sentence(len(out), begin, k + 1, tokens[begin].start, tokens[k].end))
            begin = k + 1
    if begin < n:
        out.append(Sentence(len(out), begin, n, tokens[begin].start, tokens[-1].end))
    return out


def split_sentences(tokens: list[Token], text: str) -> list[Sentence]:
    """Sentences end at . ! ? ؟ ؛ … (with any closing quote) and at line breaks."""
    return _split(tokens, text, SENTENCE_END)


def split_clauses(tokens: list[Token], text: str) -> list[Sentence]:
    """Clauses also end at commas (، ,) and colons."""
    return _split(tokens, text, CLAUSE_END)
