"""Phrase matching over tokens through the clitic view (like spaCy's PhraseMatcher, for Arabic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rasid.text.normalize import norm
from rasid.text.tokens import Token

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    tok_start: int
    tok_end: int
    value: V
    exact: bool  # every token matched as written (no clitic removed)
    aside: int = 0  # tokens of an aside passed over inside the phrase ("، الجمعة،")

    @property
    def size(self) -> int:
        """The phrase's length in tokens (an aside inside it makes it no longer)."""
        return self.tok_end - self.tok_start - self.aside


_START_CACHE = 50_000  # words whose "begins a phrase" answer a matcher keeps
_COMMAS = frozenset(("،", ","))


class PhraseMatcher(Generic[V]):
    """Finds lexicon phrases in a token list.

    Each token of a phrase matches a text token through its clitic view: "ببغداد" and "وبغداد" match
    "بغداد"; with `enclitics=True` also "قصفتها" matches "قصفت". A "..." in a phrase stands for up to
    GAP words, as a verb's subject stands between it and its object ("عثر ... على" matches "عثرت قوات
    الأمن على"). `insertions`: words that may stand, with commas, between two words of any phrase as an
    aside (a day: "أطلقوا النار، الجمعة، على"); a run of them is passed over when it holds one of `anchors`.
    """

    GAP = 3

    def __init__(
        self,
        enclitics: bool = False,
        insertions: frozenset[str] = frozenset(),
        anchors: frozenset[str] = frozenset(),
    ) -> None:
        self.enclitics = enclitics
        self._insertions = insertions | _COMMAS if insertions else frozenset()
        self._anchors = anchors
        self._index: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self.max_len = 0
        self._starts: dict[str, bool] = {}  # word -> some reading of it begins a phrase

    def add(self, phrase: str, value: V) -> None:
        words = tuple(norm(phrase).replace("-", " ").split())
        if not words:
            return
        if words.count("...") > 1 or words[0] == "...":
            raise ValueError(f"one gap per phrase, inside it: {phrase!r}")
        self._index.setdefault(words[0], []).append((words[1:], value))
        self.max_len = max(self.max_len, len(words))
        self._starts.clear()

    def add_all(self, items: Iterable[tuple[str, V]]) -> None:
        for phrase, value in items:
            self.add(phrase, value)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def _forms(self, tok: Token) -> tuple[str, ...]:
        return tok.stems if self.enclitics else tok.forms

    def find(self, tokens: list[Token], start: int = 0, end: int | None = None) -> list[Match[V]]:
        """All matches in tokens[start:end], longest first at each position, left to right."""
        end = len(tokens) if end is None else end
        found: list[Match[V]] = []
        for i in range(start, end):
            tok = tokens[i]
            if not tok.is_word and not tok.is_digit:
                continue
            starts = self._starts.get(tok.norm)
            if starts is None:
                starts = not self._index.keys().isdisjoint(self._forms(tok))
                if len(self._starts) < _START_CACHE:
                    self._starts[tok.norm] = starts
            if not starts:
                continue  # most words begin no phrase of the lexicon
            best: Match[V] | None = None
            for k, form in enumerate(self._forms(tok)):
                for rest, value in self._index.get(form, ()):
                    rest_end = self._match_rest(tokens, i + 1, end, rest)
                    if rest_end is None:
                        continue
                    j, aside = rest_end
                    m = Match(i, j, value, k == 0, aside)
                    if (
                        best is None
                        or m.size > best.size
                        or (m.size == best.size and m.exact and not best.exact)
                    ):
                        best = m
            if best is not None:
                found.append(best)
        return found

    def _match_rest(
        self, tokens: list[Token], i: int, end: int, rest: tuple[str, ...]
    ) -> tuple[int, int] | None:
        """(end of the match, aside tokens passed over), or None."""
        aside = 0
        for n, word in enumerate(rest):
            if word == "...":  # the shortest gap of words after which the rest matches
                for k in range(i, min(i + self.GAP, end) + 1):
                    if k > i and not (tokens[k - 1].is_word or tokens[k - 1].is_digit):
                        break  # a gap never spans punctuation
                    found = self._match_rest(tokens, k, end, rest[n + 1 :])
                    if found is not None:
                        return found[0], aside + found[1]
                return None
            while i < end and tokens[i].norm in ("-", "/"):
                i += 1  # "السورية-العراقية", "حزيران/يونيو"
            if i < end and tokens[i].norm in self._insertions and tokens[i - 1].norm not in self._insertions:
                # (not after a word that is itself a time word: "فجر اليوم نفسه" is a date, then a word)
                j = self._past_aside(tokens, i, end)
                aside += j - i
                i = j
            if i >= end or word not in self._forms(tokens[i]):
                return None
            i += 1
        return i, aside

    def _past_aside(self, tokens: list[Token], i: int, end: int) -> int:
        """The token after an aside that starts at i ("، الجمعة،"), or i when there is none."""
        j = i
        while j < end and tokens[j].norm in self._insertions:
            j += 1
        return j if any(tokens[k].norm in self._anchors for k in range(i, j)) else i

    def find_longest(self, tokens: list[Token], start: int = 0, end: int | None = None) -> list[Match[V]]:
        """Non-overlapping matches, preferring the longer one where two overlap (an aside inside a
        phrase makes it no longer)."""
        chosen: list[Match[V]] = []
        taken: set[int] = set()
        for m in sorted(self.find(tokens, start, end), key=lambda m: (-m.size, m.tok_start)):
            if not taken.intersection(range(m.tok_start, m.tok_end)):
                chosen.append(m)
                taken.update(range(m.tok_start, m.tok_end))
        return sorted(chosen, key=lambda m: m.tok_start)
