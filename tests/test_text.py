"""The text layer on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasid.text import find_numbers, normalize, proclitic_forms, split_clauses, split_sentences, tokenize
from rasid.text.matcher import PhraseMatcher
from rasid.text.numbers import dual_singular


def numbers_of(text: str) -> list[tuple[str, int, bool, str]]:
    n = normalize(text)
    return [(text[m.start : m.end], m.value, m.approx, m.kind) for m in find_numbers(tokenize(n))]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد إبراهيم آمن", "احمد ابراهيم امن"),
        ("مستشفى", "مستشفي"),
        ("مدينة", "مدينه"),
        ("قُتِلَ", "قتل"),
        ("الـــقوات", "القوات"),
        ("٢٩ و۱۲", "29 و12"),
        ("کرکوک ی", "كركوك ي"),
        ("ﻗﻮﺍﺕ", "قوات"),
        ("ﻻ", "لا"),
        ("\u200fبغداد\u200e", "بغداد"),
    ],
)
def test_normalize_for_matching(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_taa_marbuta_folding_is_optional() -> None:
    assert normalize("مدينة", taa_marbuta=False).text == "مدينة"


def test_offsets_map_back_to_original_characters() -> None:
    text = "قَصَفَ الطيرانُ ﻗﻮﺍﺕ المعارضة في ٢٩ حزيران"
    n = normalize(text)
    for word in ("قصف", "الطيران", "قوات", "29", "حزيران"):
        i = n.text.index(word)
        s, e = n.to_original(i, i + len(word))
        assert normalize(text[s:e]).text == word
    i = n.text.index("قصف")
    assert n.original_text(i, i + 3) == "قَصَفَ"


def test_tokens_quote_the_original_text() -> None:
    text = "وسقط صاروخانِ قرب السفارة، صباح اليوم."
    toks = tokenize(normalize(text))
    assert [t.text for t in toks] == ["وسقط", "صاروخانِ", "قرب", "السفارة", "،", "صباح", "اليوم", "."]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[1].norm == "صاروخان"


@pytest.mark.parametrize("word", ["وبغداد", "ببغداد", "لبغداد", "فبغداد", "بغداد"])
def test_clitic_view_matches_one_entry(word: str) -> None:
    assert "بغداد" in proclitic_forms(word)


def test_clitic_view_keeps_the_article_after_li() -> None:
    assert "الولايات" in proclitic_forms("للولايات")
    assert "الموصل" in proclitic_forms("وبالموصل")
    assert proclitic_forms("بغداد")[0] == "بغداد"  # the whole word is tried first


def test_enclitics_in_the_stem_view() -> None:
    tok = tokenize(normalize("قصفتها"))[0]
    assert "قصفت" in tok.stems
    assert "قصفت" not in tok.forms


def test_sentences_split_at_arabic_punctuation_quotes_and_newlines() -> None:
    text = 'قال المصدر: "سقط صاروخ." ثم هدأ الوضع؟ نعم؛ انتهى\nسطر جديد'
    toks = tokenize(normalize(text))
    sentences = [text[s.start : s.end] for s in split_sentences(toks, text)]
    assert sentences == ['قال المصدر: "سقط صاروخ."', "ثم هدأ الوضع؟", "نعم؛", "انتهى", "سطر جديد"]


def test_decimal_point_does_not_split_a_sentence() -> None:
    text = "بلغت النسبة 2.5 بالمئة أمس."
    toks = tokenize(normalize(text))
    assert len(split_sentences(toks, text)) == 1


def test_clauses_split_at_commas() -> None:
    text = "قتل جندي، وأصيب اثنان"
    toks = tokenize(normalize(text))
    assert [text[c.start : c.end] for c in split_clauses(toks, text)] == ["قتل جندي،", "وأصيب اثنان"]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("قتل 14 شخصا", 14, "digits"),
        ("قتل ١٤ شخصا", 14, "digits"),
        ("قتل ثلاثة أشخاص", 3, "words"),
        ("قتل خمسين مسلحا", 50, "words"),
        ("قتل ثلاثة وعشرين مدنيا", 23, "words"),
        ("أحد عشر جنديا", 11, "words"),
        ("مئة وخمسون شخصا", 150, "words"),
        ("ثلاثمئة عنصر", 300, "words"),
        ("ألف متظاهر", 1000, "words"),
        ("ثلاثة آلاف لاجئ", 3000, "words"),
        ("صاروخان", 2, "dual"),
        ("سقوط قتيلين", 2, "dual"),
        ("مقتل جنديين", 2, "dual"),
        ("سقطت قذيفتان", 2, "dual"),
    ],
)
def test_number_values(text: str, value: int, kind: str) -> None:
    found = numbers_of(text)
    assert found, text
    assert found[0][1] == value
    assert found[0][3] == kind


def test_approximate_quantities_are_flagged() -> None:
    found = numbers_of("قتل نحو 20 شخصا وأصيب أكثر من خمسين وعشرات الجرحى وحوالي 3 آلاف")
    assert [(v, a) for _, v, a, _ in found] == [(20, True), (50, True), (10, True), (3000, True)]
    assert found[0][0] == "نحو 20"


def test_exact_numbers_are_not_approximate() -> None:
    assert numbers_of("قتل 7 عناصر")[0][2] is False


def test_the_noun_a_number_counts_is_no_dual_and_one_is_a_number() -> None:
    assert [(v, k) for _, v, _, k in numbers_of("أطلق النار على أربعة شرطيين")] == [(4, "words")]
    assert [(v, k) for _, v, _, k in numbers_of("قتل 9 مقاتلين")] == [(9, "digits")]
    assert [(v, k) for _, v, _, k in numbers_of("قتل جنديين")] == [(2, "dual")]
    assert [v for _, v, _, _ in numbers_of("قتلوا شخصا واحدا وأصابوا اثنين")] == [1, 2]
    # "الاثنين" is Monday, as "الأحد" is Sunday: no number ("الاثنان" is still two)
    assert [v for _, v, _, _ in numbers_of("قتل يوم الاثنين ثلاثة وأصيب الاثنان")] == [3, 2]


def test_dual_needs_a_countable_noun() -> None:
    assert dual_singular("صاروخين") == "صاروخ"
    assert dual_singular("والقذيفتين") == "قذيفه"
    assert dual_singular("الفلسطينيين") is None  # a plural, not "two Palestinians"
    assert dual_singular("بيان") is None


def test_phrase_matcher_through_clitics_and_hyphens() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("الحدود السورية العراقية", "border")
    matcher.add("بغداد", "baghdad")
    text = "قصفت مواقع عند الحدود السورية-العراقية وفي ضواحي وبغداد"
    toks = tokenize(normalize(text))
    found = matcher.find_longest(toks)
    spans = [(m.value, text[toks[m.tok_start].start : toks[m.tok_end - 1].end]) for m in found]
    assert spans == [("border", "الحدود السورية-العراقية"), ("baghdad", "وبغداد")]
    assert found[0].exact and not found[1].exact


def test_phrase_matcher_gap_for_the_subject_between_verb_and_object() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("عثر ... على أسلحة", "found")
    for text, expected in [
        ("عثر على أسلحة في المنزل", "عثر على أسلحة"),
        ("عثر الجيش اليمني على أسلحة في المنزل", "عثر الجيش اليمني على أسلحة"),
        ("عثر جنود الجيش اليمني أمس على أسلحة", None),  # more than three words between
        ("عثر الجيش، أمس، على أسلحة", None),  # never across punctuation
    ]:
        toks = tokenize(normalize(text))
        found = matcher.find_longest(toks)
        spans = [text[toks[m.tok_start].start : toks[m.tok_end - 1].end] for m in found]
        assert spans == ([expected] if expected else []), text


def test_phrase_matcher_passes_over_a_day_told_as_an_aside() -> None:
    days, words = frozenset({"الجمعه", "امس"}), frozenset({"الجمعه", "امس", "مساء"})
    matcher: PhraseMatcher[str] = PhraseMatcher(insertions=words, anchors=days)
    matcher.add("النار على", "shot")
    matcher.add("اطلق النار", "fired")
    for text, expected in [
        ("أطلقوا النار، مساء الجمعة، على الدورية", ["النار، مساء الجمعة، على"]),
        ("أطلقوا النار أمس على الدورية", ["النار أمس على"]),
        ("أطلقوا النار، مساء، على الدورية", []),  # no day in the aside
        # an aside makes a phrase no longer: the phrase that starts first wins the overlap
        ("أطلق النار الجمعة على الدورية", ["أطلق النار"]),
    ]:
        toks = tokenize(normalize(text))
        found = matcher.find_longest(toks)
        assert [text[toks[m.tok_start].start : toks[m.tok_end - 1].end] for m in found] == expected, text


def test_phrase_matcher_gap_reads_digits_and_allows_one_gap() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("ضبطت ... أسلحة", "seized")
    text = "ضبطت الشرطة 3 أسلحة"
    toks = tokenize(normalize(text))
    assert [m.value for m in matcher.find_longest(toks)] == ["seized"]
    with pytest.raises(ValueError):
        matcher.add("عثر ... على ... أسلحة", "two gaps")
