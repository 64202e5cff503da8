"""Article triage: normalisation, features, the packaged model and its file format."""

from __future__ import annotations

import json

import pytest

from rasid.errors import RasidError
from rasid.events.triage import Triage, features, words

INCIDENT = (
    "قتل خمسة مدنيين وأصيب عشرة آخرون، صباح الخميس، في غارة جوية استهدفت سوقا شعبية في مدينة إدلب. "
    "وقال الدفاع المدني إن القصف دمر عددا من المنازل وإن فرق الإنقاذ ما زالت تبحث عن ناجين."
)
SPORT = (
    "فاز فريق الهلال على النصر بهدفين مقابل هدف في مباراة مثيرة أقيمت مساء السبت على ملعب الملك فهد. "
    "وأكد مدرب الفريق أن اللاعبين قدموا أداء رائعا وأن البطولة ما زالت في بدايتها."
)
ECONOMY = "ارتفعت أسعار النفط في ختام تعاملات الأسبوع، وقالت الشركة إن أرباحها زادت بنسبة عشرة في المئة."


def test_words_fold_letters_and_drop_article_prefix():
    assert words("الغاراتُ على إدلب، بالأمس!") == ["غارات", "علي", "ادلب", "امس"]
    assert words("قتل ٥ مدنيين") == ["قتل", "0", "مدنيين"]


def test_features_hold_unigrams_and_bigrams():
    feats = features("غارة جوية على المدينة")
    assert {"غاره", "جويه", "غاره_جويه", "علي_مدينه"} <= feats


def test_packaged_model_separates_incident_from_other_news():
    triage = Triage.load()
    assert triage.is_relevant(INCIDENT)
    assert not triage.is_relevant(SPORT)
    assert not triage.is_relevant(ECONOMY)
    assert triage.score(INCIDENT) > triage.score(SPORT)
    assert 0.0 <= triage.score("") <= 1.0


def test_load_is_cached():
    assert Triage.load() is Triage.load()


def test_model_file_format(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps({"weights": {"غاره": 10.0}, "bias": -2.0, "threshold": 0.5, "max_chars": 100}),
        encoding="utf-8",
    )
    model = Triage.load(str(path))
    assert model.is_relevant("غارة على القرية")
    assert not model.is_relevant("اجتماع في القرية")
    assert not model.is_relevant("x" * 200 + " غارة")  # beyond max_chars


def test_unreadable_model_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(RasidError):
        Triage.load(str(bad))
