"""The pipeline's order of work: trigger hits first, entities only where events can be, eventless stop."""

from __future__ import annotations

import datetime as dt

from rasid.doc import Doc
from rasid.entities.stage import EntityStage
from rasid.events.trigger_stage import TriggerStage
from rasid.model import Article
from rasid.pipeline import Pipeline
from rasid.text import normalize
from rasid.text.stage import TextStage
from rasid.time.stage import TimeStage

EVENT_AND_NEWS = (
    "استقبل الرئيس اللبناني ميشال عون في بيروت وفدا من البنك الدولي. "
    "وقصفت طائرات حربية بلدة سراقب في ريف إدلب صباح اليوم."
)
NO_EVENT = "افتتح وزير التعليم محمد الأحمد معرضا للكتاب في مدينة جدة بحضور عدد من الأدباء."


def article(text: str) -> Article:
    return Article(id="a", text=text, published=dt.date(2024, 3, 5))


def test_trigger_stage_marks_the_sentences_that_can_hold_events() -> None:
    doc = TriggerStage()(TextStage()(Doc(article(EVENT_AND_NEWS))))
    assert len(doc.sentences) == 2
    assert doc.event_sentences() == {1}
    hit = doc.trigger_hits[1][0]
    assert doc.tokens[hit.tok_start].text == "وقصفت"


def test_entities_are_tagged_only_in_event_sentences_unless_asked_for_all() -> None:
    doc = TriggerStage()(TextStage()(Doc(article(EVENT_AND_NEWS))))
    second = doc.sentences[1]
    in_event_sentences = EntityStage()(doc).entities
    assert in_event_sentences and all(m.tok_start >= second.tok_start for m in in_event_sentences)
    everywhere = EntityStage(all_sentences=True)(doc).entities
    assert any(m.text == "ميشال عون" for m in everywhere)
    # Without the trigger stage there is nothing to restrict by: every sentence is tagged.
    plain = EntityStage()(TextStage()(Doc(article(EVENT_AND_NEWS)))).entities
    assert [m.text for m in plain] == [m.text for m in everywhere]


def test_an_article_without_trigger_words_stops_after_the_trigger_stage() -> None:
    doc = Pipeline()(article(NO_EVENT))
    assert doc.tokens and doc.event_sentences() == set()
    assert doc.places == [] and doc.events == []
    full = Pipeline(stop_eventless=False)(article(NO_EVENT))
    assert any(p.location.name == "Jeddah" for p in full.places) and full.events == []


def test_events_are_the_same_with_and_without_the_eventless_stop() -> None:
    # A cue alone ("طائرات مسيرة") makes no event sentence: the article stops, and loses no event.
    cue_only = "عرضت شركة في مدينة دبي طائرات مسيرة جديدة للتصوير الزراعي أمس."
    stopped = Pipeline()(article(cue_only))
    assert stopped.trigger_hits and any(stopped.trigger_hits) and stopped.event_sentences() == set()
    assert stopped.places == []
    for text in (EVENT_AND_NEWS, NO_EVENT, cue_only):
        with_stop = [e.to_dict() for e in Pipeline()(article(text)).events]
        without = [e.to_dict() for e in Pipeline(stop_eventless=False)(article(text)).events]
        assert with_stop == without
    assert Pipeline()(article(EVENT_AND_NEWS)).events[0].sub_event_type == "Air/drone strike"


def test_exclude_names_stages_and_builds_only_the_others() -> None:
    pipe = Pipeline(exclude=("entities", "events"))
    assert [s.name for s in pipe.stages] == ["text", "triggers", "time", "places", "actors"]
    assert all("events.stage" not in name for name in pipe.names)


def test_normalize_offsets_are_the_identity_when_nothing_is_dropped() -> None:
    plain = normalize("قصفت الطائرات إدلب")
    assert isinstance(plain.offsets, range) and plain.text == "قصفت الطائرات ادلب"
    marked = normalize("قُصِفَت ﻻ")
    assert marked.text == "قصفت لا"
    assert list(marked.offsets) == [0, 2, 4, 6, 7, 8, 8, 9]


def test_a_sentence_whose_only_trigger_is_threatened_is_not_tagged() -> None:
    text = "هدد الجيش بقصف مدينة الرقة. وقتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة الموصل أمس."
    doc = TriggerStage()(TextStage()(Doc(Article(id="t", text=text, published=dt.date(2024, 3, 14)))))
    assert doc.trigger_hits is not None and doc.trigger_hits[0]  # "بقصف" is a hit ...
    assert doc.event_sentences() == {1}  # ... in a threat: only the bombing's sentence goes on


def test_weak_words_alone_without_date_or_toll_are_not_tagged() -> None:
    # "الهجوم" alone, no date, no figure: no event can come of the sentence, so the tagger skips it.
    undated = "وقال وزير الداخلية سامي العلي إن الهجوم كان متوقعا."
    doc = TimeStage()(TriggerStage()(TextStage()(Doc(article(undated)))))
    assert doc.event_sentences() == {0} and doc.weak_sentences == {0}
    assert EntityStage()(doc).entities == []
    # With a date the same words may report an event: tagged.
    dated = "وقال وزير الداخلية سامي العلي إن الهجوم وقع أمس."
    doc = TimeStage()(TriggerStage()(TextStage()(Doc(article(dated)))))
    assert doc.weak_sentences == {0} and doc.dates
    assert any(m.label == "PER" for m in EntityStage()(doc).entities)
    # A toll word keeps the sentence too.
    doc = TriggerStage()(TextStage()(Doc(article("وقال وزير الداخلية سامي العلي إن الهجوم أسفر عن قتلى."))))
    assert doc.weak_sentences == set()


def test_undated_event_sentences_after_the_lead_are_not_tagged() -> None:
    text = (
        "قصفت طائرات حربية مدينة إدلب أمس. وقال المتحدث سامي العلي إن الوضع هادئ. "
        "وقال الناشط محمد الخطيب إن الغارات دمرت منازل. وقال الطبيب أحمد يوسف إن القصف استمر الأربعاء."
    )
    doc = TimeStage()(TriggerStage()(TextStage()(Doc(article(text)))))
    assert doc.event_sentences() == {0, 2, 3}
    tagged = {doc.sentence_of(m.tok_start).i for m in EntityStage()(doc).entities}
    assert 2 not in tagged and 3 in tagged  # the third has no date of its own; the fourth has one


def test_pipe_gives_the_docs_of_one_article_at_a_time_in_order() -> None:
    texts = [
        EVENT_AND_NEWS,
        NO_EVENT,
        "قتل ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة كركوك أمس.",
        "",
        NO_EVENT,
    ]
    articles = [Article(id=str(i), text=t, published=dt.date(2024, 3, 5)) for i, t in enumerate(texts)]
    pipeline = Pipeline()
    one_by_one = [pipeline(a) for a in articles]
    batched = list(pipeline.pipe(iter(articles), batch_size=2))
    assert [d.article.id for d in batched] == [a.id for a in articles]
    for x, y in zip(one_by_one, batched, strict=True):
        assert [(m.start, m.end, m.label) for m in x.entities] == [
            (m.start, m.end, m.label) for m in y.entities
        ]
        assert [e.to_dict() for e in x.events] == [e.to_dict() for e in y.events]
        assert x.places == y.places and x.warnings == y.warnings
    assert [len(d.events) for d in batched] == [1, 0, 1, 0, 0]
    assert batched[1].places == []  # an eventless article stops after the trigger stage in a batch too
