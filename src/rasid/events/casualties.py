"""Killed and injured: casualty phrases in a stretch of tokens, with the words that state them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.actors.match import nationality
from rasid.events import lexicon as lx
from rasid.text import NumberMention, Token
from rasid.text.tokens import stem_forms

_WINDOW_AFTER = 4  # "مقتل 14 شخصا" / "إصابة 5 آخرين"
_WINDOW_BEFORE = 9  # "64 مدنيا على الأقل بينهم 13 طفلا قتلوا"
_COUNTED_WINDOW = 3
_SUBSET_WINDOW = 12  # "قتل مئات المدنيين في غارات على مدينة إدلب بينهم 40 طفلا"


@dataclass(frozen=True, slots=True)
class Count:
    kind: str  # killed | injured
    value: int
    tok_start: int
    tok_end: int
    approx: bool
    vague: bool = False  # "عشرات", "عدة": people were hit, but no figure is given
    floor: int | None = None  # "مئات المدنيين بينهم 40 طفلا": the one figure a vague count gives


def _kind(tok: Token) -> tuple[str, str] | None:
    """(killed|injured, noun|counted|verb) for a casualty word."""
    return _casualty_word(tok.norm) if tok.is_word else None


@lru_cache(maxsize=20_000)
def _casualty_word(word: str) -> tuple[str, str] | None:
    for form in stem_forms(word):
        for words, kind in _CASUALTY_WORDS:
            if form in words:
                return kind
    return None


# In the order they are tried on each reading of a word.
_CASUALTY_WORDS: tuple[tuple[frozenset[str], tuple[str, str]], ...] = (
    (lx.KILLED_NOUNS, ("killed", "noun")),
    (lx.KILLED_COUNTED, ("killed", "counted")),
    (lx.KILLED_VERBS, ("killed", "verb")),
    (lx.INJURED_NOUNS, ("injured", "noun")),
    (lx.INJURED_COUNTED, ("injured", "counted")),
    (lx.INJURED_VERBS, ("injured", "verb")),
)


def _has(tok: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(tok.forms)


MAX_COUNT = 10_000_000


_ONE_COUNTED = frozenset(("قتيل", "قتيلا", "جريح", "جريحا", "مصاب", "مصابا"))
_PERSON_WORDS = lx.PERSON_NOUNS | lx.ONE_PERSON_TITLES
_ONE_PERSON = lx.SINGLE_PERSON_NOUNS | lx.ONE_PERSON_TITLES  # "قتل جندي", "لقي القيادي ... مصرعه"
_AFTER_A_BARE_COUNT = frozenset(("في", "من", "منهم", "منهن", "بجروح", "بجراح", "علي", "خلال", "اثناء"))
_RESULT_LEADS = frozenset(("عن", "اوقع", "اوقعت", "خلف", "خلفت", "سقوط"))


def _one_national(tok: Token) -> bool:
    """ "قتل فلسطيني", "أصيب إسرائيلي": a singular nationality noun after the verb is one person (not
    "العراقية"; not before it: "جاسوس إسرائيلي أعدم" is the adjective of a noun)."""
    return tok.norm.endswith("ي") and not tok.norm.startswith(("ال", "وال")) and nationality(tok) is not None


_MODEL_WORDS = lx._words("بوينغ البوينغ بوينج البوينج ايرباص الايرباص طراز موديل")


class CasualtyFinder:
    """Finds casualty counts in token ranges, given the document's numbers and date spans."""

    def __init__(self, tokens: list[Token], numbers: list[NumberMention], date_tokens: set[int]) -> None:
        self.tokens = tokens
        # Numbers that count things: not part of a date, not followed by a unit word.
        self.numbers: dict[int, NumberMention] = {}
        for n in numbers:
            if date_tokens.intersection(range(n.tok_start, n.tok_end)):
                continue
            nxt = tokens[n.tok_end] if n.tok_end < len(tokens) else None
            if nxt is not None and n.kind != "dual" and _has(nxt, lx.UNIT_WORDS):
                continue
            after = tokens[n.tok_end + 1] if n.tok_end + 1 < len(tokens) else None
            if (
                nxt is not None
                and nxt.norm == "في"
                and after is not None
                and _has(after, lx.PERCENT_AFTER_FI)
            ):
                continue
            if n.kind == "digits" and 1900 <= n.value <= 2100 and not (nxt and _has(nxt, lx.PERSON_NOUNS)):
                continue
            if n.kind == "digits" and n.tok_start > 0 and _has(tokens[n.tok_start - 1], _MODEL_WORDS):
                continue  # "البوينغ 777", "طراز 737": a model, not a count
            if n.value > MAX_COUNT:  # not a count of people (and past SQLite's integers)
                continue
            if n.kind == "dual" and n.noun not in lx.PERSON_NOUNS and n.noun not in ("قتيل", "جريح", "مصاب"):
                continue
            for k in range(n.tok_start, n.tok_end):
                self.numbers[k] = n

    def _is_subset(self, n: NumberMention) -> bool:
        prev = self.tokens[n.tok_start - 1] if n.tok_start > 0 else None
        return prev is not None and _has(prev, lx.SUBSET_WORDS)

    def _subset_after(self, n: NumberMention, end: int) -> int | None:
        """The figure of "بينهم 40 طفلا" a few words after a vague count, else None."""
        for k in range(n.tok_end, min(end, n.tok_end + _SUBSET_WINDOW)):
            m = self.numbers.get(k)
            if m is not None and m.kind != "vague" and self._is_subset(m):
                return m.value
        return None

    def _number_after(self, i: int, end: int) -> NumberMention | None:
        for k in range(i + 1, min(end, i + 1 + _WINDOW_AFTER)):
            tok = self.tokens[k]
            if tok.norm in ("،", ",", ".", "؛") or _kind(tok):
                return None
            if k in self.numbers:
                return self.numbers[k]
        return None

    def _number_before(self, i: int, start: int, window: int = _WINDOW_BEFORE) -> NumberMention | None:
        for k in range(i - 1, max(start, i - window) - 1, -1):
            tok = self.tokens[k]
            if tok.norm in (".", "؛", "،", ",") or (k < i - 1 and _kind(tok)):
                return None
            n = self.numbers.get(k)
            if n is not None and not self._is_subset(n):
                return n
        return None

    def find(self, start: int, end: int) -> list[Count]:
        """Casualty counts stated in tokens[start:end]."""
        out: list[Count] = []
        for i in range(start, end):
            tok = self.tokens[i]
            if not tok.is_word:
                continue
            if i in self.numbers and self.numbers[i].kind == "dual":
                n = self.numbers[i]
                if n.noun in ("قتيل",):
                    out.append(Count("killed", 2, i, i + 1, False))
                    continue
                if n.noun in ("جريح", "مصاب"):
                    out.append(Count("injured", 2, i, i + 1, False))
                    continue
            if self._negated(i, start):
                out.extend(Count(w, 0, i - 1, i + 1, False) for w in ("killed", "injured"))
                continue
            kind = _kind(tok)
            if kind is None:
                continue
            if any(_has(self.tokens[k], lx.THREAT_WORDS) for k in range(max(start, i - 2), i)):
                continue  # "ويهدد بالقتل كل من يحاول الخروج", "مهددين بقتلهم": a threat, no toll
            what, role = kind
            n = None
            if _has(tok, lx.KILLED_WITH_ALA) and (i + 1 >= end or self.tokens[i + 1].norm != "علي"):
                continue
            if role == "noun":
                n = self._number_after(i, end)
                if n is None and i + 1 < end and _has(self.tokens[i + 1], _PERSON_WORDS):
                    # "مقتل جندي", "مقتل السائق", "مقتل الملا فضل الله": one person
                    out.append(Count(what, 1, i, i + 2, False))
                    continue
            elif role == "counted":  # "15 قتيلا", "عشرات من القتلى": the count stands right before
                prev = self.tokens[i - 1] if i > start else None
                if (
                    prev is not None
                    and not _ONE_COUNTED.isdisjoint(tok.forms)
                    and (
                        not _RESULT_LEADS.isdisjoint(prev.forms)
                        or (_kind(prev) is not None and _ONE_COUNTED.isdisjoint(prev.forms))
                        or (i - 1 in self.numbers and self.numbers[i - 1].kind == "dual")  # "قتيلين وجريح"
                    )
                ):
                    out.append(Count(what, 1, i, i + 1, False))  # "أسفر عن قتيل", "5 قتلى وجريح": one
                    continue
                n = self._number_before(i, start, _COUNTED_WINDOW)
            else:  # verb: "قتل 14 شخصا" or "14 شخصا قتلوا"
                n = self._number_after(i, end) or self._number_before(i, start)
                if n is None and self._single_person_next_to(i, start, end):
                    out.append(Count(what, 1, i, i + 2, False))  # "قتل جندي", "لقي شخص مصرعه"
                    continue
            if n is not None and _has(tok, lx.KILLED_PEOPLE_ONLY) and not self._people_after(n):
                continue
            if n is not None and _has(tok, lx.INJURED_PEOPLE_ONLY) and self._thing_after(n):
                continue
            if n is not None and not self._is_subset(n):
                vague = n.kind == "vague"
                floor = self._subset_after(n, end) if vague else None
                more = None if vague else self._and_more(n, end)
                value = n.value + (more.value if more else 0)
                last = max(i + 1, (more or n).tok_end)
                out.append(Count(what, value, min(i, n.tok_start), last, n.approx, vague, floor))
        return out

    def _and_more(self, n: NumberMention, end: int) -> NumberMention | None:
        """ "مقتل 10 جنود وثلاثة من العاملين": a second group of people joined to the first counts too."""
        k = n.tok_end
        if k + 1 >= end or not _has(self.tokens[k], lx.PERSON_NOUNS):
            return None
        j = k + 2 if self.tokens[k + 1].norm == "و" else k + 1  # "و3 مدنيين" is written apart
        m = self.numbers.get(j)
        if m is None or m.tok_start != j or m.kind == "vague" or not self.tokens[k + 1].norm.startswith("و"):
            return None
        return m if self._people_after(m) and not self._is_subset(m) else None

    def _people_after(self, n: NumberMention) -> bool:
        """The number counts people: "12 إرهابيا", "أحد العناصر", "خمسة من المسلحين"."""
        k = n.tok_end
        if k < len(self.tokens) and self.tokens[k].norm in ("منهم", "منهن"):
            return True  # "القضاء على 6 منهم"
        if k < len(self.tokens) and self.tokens[k].norm == "من":
            k += 1
        return k < len(self.tokens) and _has(self.tokens[k], lx.PERSON_NOUNS)

    def _thing_after(self, n: NumberMention) -> bool:
        """A word right after the number that names no people ("3 منازل"; not "ثلاثة آخرين")."""
        k = n.tok_end
        if k >= len(self.tokens) or not self.tokens[k].is_word or n.kind == "dual":
            return False
        forms = self.tokens[k].forms
        return (
            lx.PERSON_NOUNS.isdisjoint(forms)
            and lx.OTHERS.isdisjoint(forms)
            and _kind(self.tokens[k]) is None
            and self.tokens[k].norm not in _AFTER_A_BARE_COUNT
        )

    def _single_person_next_to(self, i: int, start: int, end: int) -> bool:
        """The killing verb beside one person: "قتل جندي", "شخص قتل", "وكان رجل قد قتل"."""
        before = i - 2 if i - 2 >= start and self.tokens[i - 1].norm == "قد" else i - 1
        near = [k for k in (before, i + 1) if start <= k < end and k not in self.numbers]
        if any(not _ONE_PERSON.isdisjoint(self.tokens[k].forms) for k in near):
            return True
        return i + 1 in near and _one_national(self.tokens[i + 1])

    def _negated(self, i: int, start: int) -> bool:
        """ "دون وقوع إصابات", "لم يسفر عن ضحايا": a zero count."""
        if not _has(self.tokens[i], lx.NO_CASUALTY_WORDS):
            return False
        # "من دون أن ينتج عن ذلك أي إصابات": "any" lets the negation stand further back
        reach = 7 if i > start and self.tokens[i - 1].norm == "اي" else 4
        return any(_has(self.tokens[k], lx.NO_CASUALTY_LEADS) for k in range(max(start, i - reach), i))
