"""Names GeoNames has only in Latin script or in Persian/Urdu/Kurdish spelling (sentences ours)."""

from __future__ import annotations

import pytest

from rasid.doc import Doc
from rasid.model import Article
from rasid.places.gazetteer import Gazetteer, PlaceRow, arabic_keys, default_gazetteer, distance_km
from rasid.places.stage import PlaceStage
from rasid.places.translit import skeleton_arabic, skeleton_latin
from rasid.text import norm
from rasid.text.stage import TextStage


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("كاسور", "Kasur"),
        ("بيشاور", "Peshawar"),
        ("كوالالمبور", "Kuala Lumpur"),
        ("مشهد", "Mashhad"),
        ("الديوانية", "Ad-Dīwānīyah"),
        ("شانلي أورفا", "Şanlıurfa"),
        ("ديرة إسماعيل خان", "Dera Ismail Khan"),
        ("كسار", "Kassar"),
    ],
)
def test_arabic_and_latin_spellings_share_a_skeleton(arabic, latin):
    assert skeleton_arabic(norm(arabic)) == skeleton_latin(latin) != ""


def test_skeletons_keep_what_tells_names_apart():
    assert skeleton_arabic(norm("فرات")) != skeleton_latin("Fararat")  # a vowel between the r's
    assert skeleton_arabic(norm("كاسور")) != skeleton_latin("Kasim")
    assert skeleton_latin("Касур") == ""  # not Latin script


def _latin(*places):
    index: dict = {}
    for p in places:
        index.setdefault(skeleton_latin(p[1]), []).append(p)
    return index


SMALL = Gazetteer(
    [
        PlaceRow(1, "Baghdad", "بغداد", "IQ", "", 33.34, 44.40, "PPLC", 5_000_000, names_ar=["بغداد"]),
        PlaceRow(2, "Germiyan", "گرمیان", "IQ", "", 34.9, 45.3, "ADM2", 0, names_ar=["گرمیان"]),
        PlaceRow(3, "Moshrageh", "مشارگه", "IR", "", 31.0, 49.0, "PPL", 3_000, names_ar=["مشارگه"]),
    ],
    latin_index=_latin(
        (101, "Kasur", "PK", "", 31.12, 74.45, "PPLA2", 500_000),
        (102, "Qasur", "PK", "", 25.0, 68.0, "PPL", 3_000),  # much smaller: Kasur still wins
        (201, "Tarmal", "NE", "", 14.0, 5.0, "PPL", 8_000),
        (202, "Turmel", "NE", "", 16.0, 7.0, "PPL", 6_000),  # as big as Tarmal: ambiguous
        (301, "Dabir", "ML", "", 15.0, -3.0, "PPL", 200),  # too small to trust
        (3, "Moshrageh", "IR", "", 31.0, 49.0, "PPL", 3_000),  # has Arabic-script names already
    ),
)


def test_transliterated_place_needs_country_size_and_no_rival():
    kasur = SMALL.transliterated("كاسور", {"PK"})
    assert kasur is not None and kasur.name == "Kasur" and kasur.population == 500_000
    assert SMALL.transliterated("كاسور", set()) is None  # no country context
    assert SMALL.transliterated("كاسور", {"IQ"}) is None  # not in the article's country
    assert SMALL.transliterated("ترمل", {"NE"}) is None  # two places of that skeleton: no guess
    assert SMALL.transliterated("دابر", {"ML"}) is None  # a hamlet
    assert SMALL.transliterated("مشرجه", {"IR"}) is None  # its own Arabic name did not match


def test_resolve_name_falls_back_to_latin_names_in_the_country():
    loc = SMALL.resolve_name("مدينة كاسور", "PK")
    assert loc is not None and loc.name == "Kasur" and loc.geo_precision == 1
    assert loc.name_ar == "مدينة كاسور"
    near = SMALL.resolve_name("قرب كاسور", "PK")
    assert near is not None and near.geo_precision == 2
    assert SMALL.resolve_name("كاسور") is None


def test_persian_letters_are_folded_but_need_a_cue():
    assert "كرميان" in arabic_keys(["گرمیان"])
    assert "كرميان" not in arabic_keys(["گرمیان"], fold=False)
    stage = PlaceStage(SMALL)

    def places(text):
        return stage(TextStage()(Doc(Article(id="t", text=text)))).places

    cued = [p for p in places("قصفت المدفعية قرى في منطقة كرميان شرقي العراق.") if p.location]
    assert [p.location.name for p in cued] == ["Germiyan"]
    # "مشاركة" is a word of Arabic: the folded spelling of an Iranian village is not read without a cue.
    assert not [p for p in places("أكد الوزير على مشاركة بغداد في المؤتمر.") if p.text == "مشاركة"]


def _stage_places(text):
    doc = TextStage()(Doc(Article(id="t", text=text)))
    return PlaceStage()(doc).places


def test_stage_locates_a_town_known_only_in_latin_in_the_article_country():
    default_gazetteer()
    text = "قالت الشرطة في باكستان إن مسلحين هاجموا مركزا أمنيا في مدينة كاسور بإقليم البنجاب."
    (kasur,) = [p for p in _stage_places(text) if "كاسور" in p.text]
    assert kasur.location is not None and kasur.location.country == "PK"
    assert distance_km(kasur.location.lat, kasur.location.lon, 31.12, 74.45) < 10
    assert kasur.text == text[kasur.start : kasur.end]


def test_stage_leaves_plural_and_unknown_phrases_without_coordinates():
    text = "شنت القوات الباكستانية حملة على بلدات ومدن في إقليم البنجاب، وقرية زرقلوطة."
    for p in _stage_places(text):
        if "بلدات" in p.text or "زرقلوطة" in p.text:
            assert p.location is None


def test_no_latin_look_alike_for_names_with_an_arabic_entry_or_the_article():
    # بغداد is known in Arabic: in an article about Pakistan it is Baghdad or nothing.
    gaz = Gazetteer(
        SMALL.rows.values(),
        latin_index=_latin(
            (401, "Bagdad", "PK", "", 30.0, 70.0, "PPL", 90_000),
            (402, "Mutahida", "PK", "", 29.0, 71.0, "PPL", 90_000),
        ),
    )
    stage = PlaceStage(gaz)
    doc = stage(TextStage()(Doc(Article(id="t", text="وصل وفد من مدينة بغداد إلى باكستان أمس."))))
    assert all(p.location is None or p.location.name == "Baghdad" for p in doc.places)
    assert gaz.transliterated("بغداد", {"PK"}) is not None  # the skeleton alone would match
    assert gaz.transliterated("المتحدة", {"PK"}) is None  # a word with the article is not a foreign name


def test_a_particle_is_never_a_place():
    default_gazetteer()
    text = "وأضاف المتحدث في باريس: وعليه فإن الهجوم الذي وقع أمس لن يمر دون رد."
    assert [p.text for p in _stage_places(text) if p.location is not None] == ["باريس"]


def test_turkish_towns_written_with_jim_are_found_in_the_shipped_table() -> None:
    from rasid.model import Article
    from rasid.pipeline import Pipeline

    doc = Pipeline()(
        Article(id="t", text="قتل جنديان في هجوم في مدينة سروج جنوب شرق تركيا أمس.", published=None)
    )
    names = {p.location.name for p in doc.places if p.location is not None}
    assert "Suruc" in names  # Suruç: the Turkish ç (and c) is an Arabic ج
