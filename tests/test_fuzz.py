"""Property-based tests: the text layer, the time stage and the whole pipeline on hostile Unicode.

Every span of every value the pipeline outputs must quote the original text exactly, whatever the
input: mixed scripts, RTL marks, presentation forms, combining marks, NUL, very long runs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasid.doc import Doc
from rasid.model import Article, Event, Mention, Span
from rasid.pipeline import default_pipeline
from rasid.text import find_numbers, normalize, tokenize
from rasid.text.stage import TextStage
from rasid.time.stage import TimeStage

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPE = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "صاروخ صواريخ بغداد الموصل قتل مقتل أمس الخميس حزيران يونيو تموز 2021 ٢٠٢١ ثلاثة عشرة "
    "جريحا قصف غارة جوية الجيش العراقي داعش مسلحون شرطة انفجار عبوة ناسفة في على من بلدة "
    "مدينة محافظة نينوى كانون الثاني الأول يوم الاثنين الماضي صباح فجر اليوم 15 ١٥ / - . ، ؛ "
    "وبغداد ببغداد للجيش قتيلاً قتيلا جرح إصابة مدنيين طفلين قذيفتين عشرات نحو أكثر"
).split()
SPECIALS = [
    "\u200f",  # RLM
    "\u200e",  # LRM
    "\u202b",  # RLE
    "\u202c",  # PDF
    "\u2067",  # RLI
    "\u061c",  # Arabic letter mark
    "\u0640",  # tatweel
    "\u064b",  # fathatan
    "\u0651",  # shadda
    "\u0670",  # superscript alef
    "\u0301",  # combining acute
    "\ufefb",  # ﻻ ligature
    "\ufdf2",  # ﷲ
    "\ufdfa",  # ﷺ (expands to many letters)
    "\ufe8d",
    "\ufb50",
    "\ufeff",  # BOM
    "\x00",
    "\ud7ff",
    "\U0001f600",
    "\u00ad",
    "\r\n",
    "\n\n",
    "\t",
    "٫",
    "٬",
    "«",
    "»",
]
LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + [chr(0x0660 + i) for i in range(10)]

presentation_forms = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)
arabic_chars = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
any_chars = st.characters(blacklist_categories=("Cs",))

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(SPECIALS),
    st.sampled_from(LETTERS),
    st.just(" "),
    st.just(" "),
    presentation_forms,
    arabic_chars,
    any_chars,
    st.text(any_chars, max_size=5),
)
arabic_text = st.lists(pieces, max_size=80).map("".join)

# News-like sentences (trigger, count, victims, place, time, actor) with noise between the words,
# so that the event, casualty and actor stages run on most examples, not only the text layer.
TRIGGERS = [
    "قتل",
    "قُتل",
    "لقي مصرعه",
    "أصيب",
    "سقط صاروخ",
    "انفجرت عبوة ناسفة",
    "شنت طائرات غارة على",
    "اندلعت اشتباكات في",
    "تظاهر",
    "قصف مدفعي على",
    "ﻗﺘﻞ",
    "اغتيال",
]
COUNTS = ["ثلاثة", "٣", "15", "عشرات", "نحو 20", "أكثر من مئة", "طفلين", "اثنان", "١٢٠٠٠٠٠٠٠٠٠٠", "0"]
VICTIMS = ["مدنيين", "جنود", "عناصر من الشرطة", "مسلحين من داعش", "أشخاص", "متظاهرين"]
PLACES = ["في بغداد", "ببلدة تلعفر", "في محافظة نينوى", "قرب الموصل", "في إدلب", "في حي المنصور", "بغزة"]
TIMES = [
    "أمس",
    "الخميس",
    "يوم الاثنين الماضي",
    "فجر اليوم",
    "في 15 حزيران 2021",
    "في ٣١/١٢/٢٠٢١",
    "في 29 شباط",
    "في 31 نيسان",
    "منذ أسبوعين",
    "في 1 محرم 1443",
    "عام 9999",
    "في 0/0/0000",
]
ACTORS = ["الجيش العراقي", "قوات سوريا الديمقراطية", "حزب الله", "الحشد الشعبي", "مسلحون مجهولون", ""]
NOISE = st.sampled_from(["", "", "", " ", "\u200f", "\u0651", "ـ", "،", "\ufefb", "\x00", "«", "\n"])


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    parts = [
        draw(st.sampled_from(ACTORS)),
        draw(st.sampled_from(TRIGGERS)),
        draw(st.sampled_from(COUNTS)),
        draw(st.sampled_from(VICTIMS)),
        draw(st.sampled_from(PLACES)),
        draw(st.sampled_from(TIMES)),
    ]
    parts = draw(st.permutations(parts)) if draw(st.booleans()) else parts
    return "".join(p + draw(NOISE) + " " for p in parts).strip() + draw(st.sampled_from([".", "،", "", "\n"]))


news_text = st.lists(st.one_of(news_sentence(), arabic_text), min_size=1, max_size=6).map(" ".join)
mixed_text = st.one_of(arabic_text, st.text(any_chars, max_size=60))
published = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2021, 7, 29)]),
)


# --- text layer -----------------------------------------------------------------------------


@FAST
@given(mixed_text)
def test_normalize_offsets_map_back(text: str) -> None:
    n = normalize(text)
    assert n.original == text
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)
    assert list(n.offsets) == sorted(n.offsets)
    for i in range(len(n.text)):
        o = n.offsets[i]
        assert 0 <= o < len(text)
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s == o
    for i in range(len(n.text) + 1):
        for j in range(i, min(len(n.text), i + 6) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(text)
            assert n.original_text(i, j) == text[s:e]


@FAST
@given(mixed_text)
def test_tokens_quote_the_original(text: str) -> None:
    tokens = tokenize(normalize(text))
    previous = (0, 0)
    for k, t in enumerate(tokens):
        assert t.i == k
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start : t.end]
        # In order; only the words of one ligature (ﷺ is four words) may share its character.
        assert t.start >= previous[0] and t.end >= previous[1]
        assert t.start >= previous[1] or t.end - t.start == 1 or previous[1] - previous[0] == 1
        previous = (t.start, t.end)
        assert t.forms and t.stems


@FAST
@given(arabic_text)
def test_numbers_lie_on_tokens(text: str) -> None:
    tokens = tokenize(normalize(text))
    for m in find_numbers(tokens):
        assert 0 <= m.tok_start < m.tok_end <= len(tokens)
        assert m.start == tokens[m.tok_start].start and m.end == tokens[m.tok_end - 1].end
        assert isinstance(m.value, int) and m.value >= 0


def _text_doc(text: str, pub: dt.date | None) -> Doc:
    return TextStage()(Doc(Article("fuzz", text, published=pub)))


_TIME = TimeStage()


@FAST
@given(arabic_text, published)
def test_time_stage_spans_and_dates(text: str, pub: dt.date | None) -> None:
    doc = _TIME(_text_doc(text, pub))
    for d in doc.dates:
        assert d.text == text[d.start : d.end]
        assert 0 <= d.tok_start < d.tok_end <= len(doc.tokens)
        assert d.date is None or isinstance(d.date, dt.date)


# --- the whole pipeline ---------------------------------------------------------------------


def _check_span(text: str, span: Span | Mention | None, what: str) -> None:
    if span is None:
        return
    assert 0 <= span.start <= span.end <= len(text), what
    assert text[span.start : span.end] == span.text, what


def check_doc(doc: Doc) -> None:
    text = doc.text
    for kind in ("entities", "dates", "places", "actors"):
        for m in getattr(doc, kind):
            _check_span(text, m, kind)
    for t in doc.tokens:
        assert t.text == text[t.start : t.end]
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for event in doc.events:
        check_event(text, event)


def check_event(text: str, event: Event) -> None:
    _check_span(text, event.evidence, "evidence")
    for name, span in event.spans.items():
        _check_span(text, span, name)
    for n in (event.fatalities, event.injured):
        assert n is None or n >= 0
    assert Event.from_dict(event.to_dict()).to_dict() == event.to_dict()


@PIPE
@given(arabic_text, published)
def test_pipeline_on_arbitrary_arabic(text: str, pub: dt.date | None) -> None:
    check_doc(default_pipeline()(Article("fuzz", text, published=pub)))


@PIPE
@given(news_text, published)
def test_pipeline_on_news_like_sentences(text: str, pub: dt.date | None) -> None:
    check_doc(default_pipeline()(Article("fuzz", text, published=pub)))


@PIPE
@given(st.text(any_chars, max_size=200))
def test_pipeline_on_arbitrary_unicode(text: str) -> None:
    check_doc(default_pipeline()(Article("fuzz", text, published=dt.date(2021, 7, 29))))


SENTENCE = "قتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف صاروخي على بلدة في محافظة نينوى أمس الخميس."


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE.replace(" ", " \u200f"),  # RTL marks between words
        "".join(c + "\u0651" for c in SENTENCE),  # a shadda on every character
        SENTENCE.replace("ل", "\ufefb"),  # presentation forms where letters were
        "\ufdf2 " + SENTENCE + " \ufdfa",
        SENTENCE.replace("قتل", "ﻗﺘﻞ"),  # a trigger written in presentation forms
        "\x00" + SENTENCE + "\x00",
        SENTENCE + "\r\n" + SENTENCE.replace("نينوى", "בגדאד") + "\r\n",
        "ـــــ".join(SENTENCE.split(" ")),
    ],
)
def test_pipeline_on_disguised_sentences(text: str) -> None:
    for pub in (dt.date(2021, 7, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31), None):
        doc = default_pipeline()(Article("x", text, published=pub))
        check_doc(doc)


def test_presentation_form_trigger_still_extracts() -> None:
    plain = default_pipeline().extract(Article("a", SENTENCE, published=dt.date(2021, 7, 30)))
    shaped = SENTENCE.replace("قتل", "ﻗﺘﻞ")
    events = default_pipeline().extract(Article("b", shaped, published=dt.date(2021, 7, 30)))
    assert plain and events
    assert events[0].fatalities == plain[0].fatalities == 3
    check_event(shaped, events[0])
    assert "ﻗﺘﻞ" in events[0].evidence.text  # type: ignore[union-attr]


@pytest.mark.parametrize("char", ["a", "ا", " ", "\u200f", "\ufefb", "\x00", "٣"])
def test_one_megabyte_run_of_one_character(char: str) -> None:
    text = char * (1024 * 1024)
    doc = default_pipeline()(Article("long", text, published=dt.date(2021, 7, 29)))
    check_doc(doc)


def test_long_article_of_repeated_sentences() -> None:
    text = ("\n".join([SENTENCE] * 400))[:200_000]
    doc = default_pipeline()(Article("long", text, published=dt.date(2021, 7, 30)))
    check_doc(doc)
    assert doc.events
