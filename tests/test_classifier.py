"""The candidate-event filter: features, the packaged model, and its effect in the event stage."""

from __future__ import annotations

import datetime as dt

import pytest

from rasid.events import classifier
from rasid.events.classifier import EventFilter, features, load_classifier
from rasid.events.stage import EventStage
from rasid.model import Article
from rasid.pipeline import STAGES, Pipeline

PUBLISHED = dt.date(2018, 3, 15)
INCIDENT = (
    "قتل خمسة مدنيين وأصيب عشرة آخرون، صباح الخميس، في غارة جوية استهدفت سوقا شعبية في مدينة إدلب شمال سوريا."
)
CLASH = "اندلعت اشتباكات عنيفة مساء الأربعاء بين قوات الجيش ومسلحين في مدينة الرمادي غرب العراق، أسفرت عن مقتل ثلاثة جنود."


class _Recorder:
    def __init__(self) -> None:
        self.seen: list = []

    def keep(self, doc, sentence, trigger, event) -> bool:
        self.seen.append((doc, sentence, trigger, event))
        return True


@pytest.fixture(scope="module")
def recording():
    pipe = Pipeline(STAGES, exclude=("events",))
    stage = EventStage(use_classifier=False)
    recorder = _Recorder()
    stage.classifier = recorder
    pipe.stages.append(stage)

    def candidates(text: str) -> list:
        recorder.seen.clear()
        pipe(Article(id="t", text=text, published=PUBLISHED))
        return list(recorder.seen)

    return candidates


def test_features_describe_the_candidate(recording):
    (doc, sentence, trigger, event), *_ = recording(INCIDENT)
    feats = features(doc, sentence, trigger, event)
    assert f"sub={event.sub_event_type}" in feats
    assert "own_date=True" in feats and "own_location=True" in feats
    assert "killed=True" in feats
    assert any(f.startswith("trig=") and "غاره" in f for f in feats)
    assert "w=مدنيين" in feats


def test_features_see_cue_groups(recording):
    cands = recording("قضت محكمة في القاهرة الأحد بإعدام سبعة متهمين في قضية تفجير كنيسة في مدينة طنطا.")
    assert cands, "the rules should still produce a candidate here"
    assert "cue=trial" in features(*cands[0])


def test_hand_made_filter_keeps_by_threshold(recording):
    cand = recording(INCIDENT)[0]
    sub = cand[3].sub_event_type
    keep_it = EventFilter({"bias": -1.0, f"sub={sub}": 3.0}, threshold=0.5)
    drop_it = EventFilter({"bias": -1.0, f"sub={sub}": -3.0}, threshold=0.5)
    assert keep_it.keep(*cand) and keep_it.score(*cand) == pytest.approx(1 / (1 + 2.718281828**-2), 1e-3)
    assert not drop_it.keep(*cand)


def test_packaged_model_keeps_clear_incidents(recording):
    clf = load_classifier()
    assert clf is not None, "resources/event_filter.json is missing: run scripts/train_event_filter.py"
    for text in (INCIDENT, CLASH):
        cands = recording(text)
        assert cands and all(clf.keep(*c) for c in cands)


def test_packaged_model_scores_statement_below_incident(recording):
    clf = load_classifier()
    incident = recording(INCIDENT)[0]
    statement = recording(
        "ناقش مجلس الأمن في نيويورك الخميس مشروع قرار بشأن استخدام الأسلحة الكيميائية في سوريا."
    )
    assert statement
    assert clf.score(*statement[0]) < clf.score(*incident)


def test_missing_resource_gives_no_filter(tmp_path, monkeypatch):
    load_classifier.cache_clear()
    monkeypatch.setattr(classifier.resources, "ROOT", tmp_path)
    try:
        assert load_classifier() is None
        assert EventStage().classifier is None
    finally:
        monkeypatch.undo()
        load_classifier.cache_clear()


def test_stage_without_filter_keeps_at_least_as_many():
    text = (
        INCIDENT + " " + CLASH + " وهدد المتحدث بشن هجمات صاروخية على المواقع في مدينة حلب إذا استمر القصف."
    )
    with_filter = Pipeline()
    without = Pipeline(STAGES, exclude=("events",))
    without.stages.append(EventStage(use_classifier=False))
    article = Article(id="t", text=text, published=PUBLISHED)
    kept = with_filter.extract(article)
    assert len(kept) >= 2
    assert len(without.extract(article)) >= len(kept)
