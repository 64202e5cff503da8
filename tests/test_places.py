"""Place resolution on sentences written for these tests, and `rasid gazetteer import`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rasid.doc import Doc
from rasid.model import Article, Location
from rasid.places import container
from rasid.places.gazetteer import Gazetteer, PlaceRow, default_gazetteer, distance_km, reload
from rasid.places.stage import PlaceStage
from rasid.text.stage import TextStage

STAGE = PlaceStage()


def places(text: str):
    doc = TextStage()(Doc(Article(id="t", text=text)))
    doc = STAGE(doc)
    for p in doc.places:
        assert p.text == text[p.start : p.end]
    return doc.places


def resolved(text: str):
    return [p for p in places(text) if p.location is not None]


def near(loc, lat: float, lon: float, km: float = 15) -> bool:
    return loc.lat is not None and distance_km(loc.lat, loc.lon, lat, lon) <= km


def test_clitics_are_read_through_and_left_out_of_the_name():
    found = resolved("وقع انفجار وبغداد تشهد توترا، وسقط قتيلان بالموصل أمس.")
    names = [(p.location.name, p.location.name_ar, p.text) for p in found]
    assert ("Baghdad", "بغداد", "بغداد") in names
    mosul = next(p for p in found if p.location.name == "Mosul")
    assert mosul.text == "الموصل" and mosul.location.country == "IQ"
    assert mosul.location.geo_precision == 1
    assert near(mosul.location, 36.34, 43.12)


def test_ambiguous_name_follows_the_country_of_the_article():
    # رفح exists in Gaza and in Egypt's North Sinai.
    egypt = resolved("أعلن الجيش المصري مقتل مسلحين في رفح بمحافظة شمال سيناء.")
    assert next(p for p in egypt if p.text == "رفح").location.country == "EG"
    gaza = resolved("قصفت الطائرات الإسرائيلية موقعا في رفح جنوب قطاع غزة.")
    assert next(p for p in gaza if p.text == "رفح").location.country == "PS"


def test_rural_damascus_has_precision_two():
    (p,) = [p for p in resolved("سقطت قذائف على بلدات في ريف دمشق الشرقي.") if "دمشق" in p.text]
    assert p.text.startswith("ريف دمشق")
    assert p.location.geo_precision == 2
    assert near(p.location, 33.51, 36.29, 30)


def test_direction_cue_gives_precision_two_and_is_in_the_span():
    (p,) = resolved("اندلعت اشتباكات شرقي الفلوجة صباح اليوم.")
    assert p.text == "شرقي الفلوجة"
    assert p.location.name == "Al Fallūjah" or "Fall" in p.location.name
    assert p.location.geo_precision == 2


def test_province_has_precision_three():
    (p,) = resolved("شنت طائرات التحالف غارات على محافظة ذمار.")
    assert p.text == "محافظة ذمار"
    assert p.location.geo_precision == 3 and p.location.country == "YE"
    assert near(p.location, 14.54, 44.41)


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("قتل ثلاثة مدنيين في غارة بولاية كونار أمس.", "Kunar", "AF"),
        ("هاجم مسلحو بوكو حرام قرية في ولاية يوبي أمس.", "Yobe State", "NG"),
        ("فرت آلاف العائلات من إقليم راخين.", "Rakhine State", "MM"),
    ],
)
def test_first_level_divisions_abroad(text: str, name: str, country: str) -> None:
    (p,) = resolved(text)
    assert (p.location.name, p.location.country, p.location.geo_precision) == (name, country, 3)


def test_well_off_is_no_state() -> None:
    assert [p.text for p in resolved("تبتز العصابة أشخاصا ميسوري الحال في بيروت.")] == ["بيروت"]


def test_a_name_placed_by_a_bearing_from_a_town_is_the_one_there() -> None:
    # the only Husseiniya the gazetteer knows lies south-west of Baghdad: not this one, which is unknown
    places = resolved("انفجرت عبوة ناسفة في منطقة الحسينية شمال شرقي بغداد.")
    assert [(p.location.name, p.location.geo_precision) for p in places] == [("Baghdad", 2)]
    places = resolved("قصفت الطائرات بلدة كفرنبل جنوب إدلب.")
    assert [p.location.name for p in places] == ["Kafranbel", "Idlib"]
    places = resolved("سيطر التنظيم على مدينة حديثة غرب بغداد.")  # some 200 km away, but that way
    assert [p.location.name for p in places] == ["Hadithah", "Baghdad"]


def test_a_big_town_far_the_other_way_from_its_bearing_is_not_the_one_named() -> None:
    # Saudi Ta'if lies 900 km north of Hodeidah: the "الطائف east of Hodeidah" is a place of Yemen
    places = resolved("سيطرت القوات على مدينة الطائف شرق الحديدة.")
    assert [(p.location.name, p.location.geo_precision) for p in places] == [("Al Hudaydah", 2)]
    places = resolved("قصفت الطائرات مدينة كركوك شمال بغداد.")  # a big town that lies that way
    assert [p.location.name for p in places] == ["Kirkuk", "Baghdad"]


def test_country_name():
    (p,) = resolved("قالت الحكومة إن سوريا تواجه أزمة اقتصادية.")
    assert p.location.country == "SY" and p.feature == "PCLI" and p.location.geo_precision == 3


def test_unknown_place_has_no_coordinates():
    found = places("اندلع حريق في قرية زهرانوفة الصغيرة.")
    assert found and all(p.location is None for p in found)
    assert found[0].text == "قرية زهرانوفة"


def test_common_words_are_not_places():
    # "الأمن" and "قوات" are also names of tiny places; they are not places in this sentence.
    assert resolved("قالت قوات الأمن إن مصدر الهجوم لم يعرف أمس.") == []


def test_neighbourhood_keeps_its_point_and_knows_its_city():
    found = resolved("انفجرت سيارة مفخخة في حي المنصور ببغداد.")
    mansour = next(p for p in found if "المنصور" in p.text)
    assert mansour.feature == "NBHD" and mansour.location.geo_precision == 1
    city = container(mansour.location)
    assert city is not None and city.name == "Baghdad"


def test_resolve_name_for_phrases():
    gaz = default_gazetteer()
    loc = gaz.resolve_name("جنوب شرق مدينة سرت", country="LY")
    assert loc is not None and loc.geo_precision == 2 and near(loc, 31.21, 16.59)
    assert gaz.resolve_name("زهرانوفة") is None
    assert any(c.country == "IQ" for c in gaz.lookup("الموصل"))


GEONAMES_ROW = "\t".join(
    [
        "99000001",
        "Zahranufa",
        "Zahranufa",
        "Zahranufa,زهرانوفة",
        "34.10000",
        "38.20000",
        "P",
        "PPL",
        "SY",
        "",
        "11",
        "",
        "",
        "",
        "1200",
        "",
        "400",
        "Asia/Damascus",
        "2024-01-01",
    ]
)


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RASID_DATA_DIR", str(tmp_path))
    reload()
    yield tmp_path
    monkeypatch.delenv("RASID_DATA_DIR")
    reload()


def test_gazetteer_import_extends_the_lookup(user_dir):
    from rasid.cli import app

    dump = user_dir / "SY.txt"
    dump.write_text(GEONAMES_ROW + "\n", encoding="utf-8")
    assert default_gazetteer().lookup("زهرانوفة") == []
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert (user_dir / "gazetteer_user.tsv.gz").exists()
    gaz = reload()
    (row,) = gaz.lookup("زهرانوفة")
    assert row.id == 99000001 and row.country == "SY"
    loc = gaz.resolve_name("قرية زهرانوفة", country="SY")
    assert loc is not None and near(loc, 34.1, 38.2, 1)


def test_gazetteer_import_rejects_bad_files(user_dir):
    from rasid.cli import app

    bad = user_dir / "bad.txt"
    bad.write_text("a\tb\tc\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "import", str(bad)])
    assert result.exit_code != 0
    assert "columns" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(app, ["gazetteer", "import", str(user_dir / "none.txt")])
    assert missing.exit_code != 0 and "no such file" in missing.output


def test_regions_frequent_in_the_news_are_known():
    text = "قصفت الطائرات التركية مواقع في جبال قنديل، بينما شهدت الشيشان وشبه جزيرة القرم وإنجلترا هدوءا."
    found = {p.location.name: p.location for p in resolved(text)}
    assert found["Qandil Mountains"].country == "IQ" and found["Qandil Mountains"].geo_precision == 3
    assert {"Chechnya", "Crimea", "England"} <= set(found)
    # a town that is also a word needs the gazetteer's Arabic name, not a guess
    assert not any(p.location.name == "Dhahran" for p in resolved("سقطت قذيفة على محافظة ظهران الجنوب أمس."))


def test_a_front_named_after_a_place_is_near_that_place():
    found = resolved("اندلعت مواجهات عنيفة على جبهة نهم شرق صنعاء.")
    nihm = next(p for p in found if p.location.name == "Nihm")
    assert nihm.text == "جبهة نهم" and nihm.location.geo_precision == 2


def test_towns_and_districts_frequent_in_the_news_are_known():
    text = "سقطت قذائف على الراهدة، وقصفت الطائرات مواقع في جبهة الجفينة، وسقط صاروخ في محافظة الأحساء."
    found = {p.location.name: p.location for p in resolved(text)}
    assert found["Al-Rahidah"].country == "YE" and near(found["Al-Rahidah"], 13.42, 44.37)
    assert found["Al Jufainah"].geo_precision == 2 and found["Al Jufainah"].country == "YE"
    assert found["Al-Ahsa Governorate"].country == "SA"
    # an ordinary word stays a word: only "منطقة الوراق" names the place
    assert resolved("قال الكاتب محمد الوراق إن الوضع هادئ.") == []


def test_a_nisba_adjective_is_not_a_capital_without_its_article():
    assert [p.location.name for p in resolved("اشتبكت الشرطة مع أتباع الطريقة الصوفية في طهران.")] == [
        "Tehran"
    ]
    assert [p.location.name for p in resolved("وصل الوزير إلى صوفيا أمس.")] == ["Sofia"]


def test_a_frequent_nisba_word_after_a_place_word_describes_the_place():
    # "عسكري" is also a village in Iran; "حاجز عسكري" is a military checkpoint
    assert resolved("أوقف الجنود الشاب على حاجز عسكري ثم أطلقوا سراحه.") == []
    # after a town or province word such a name is the town
    assert "As Salamiyah" in [p.location.name for p in resolved("قتل شخصان في مدينة سلمية بريف حماة.")]
    assert "Kebili" in [p.location.name for p in resolved("وقع انفجار بولاية قبلي جنوب تونس.")]
    # a district name with the article keeps its place word
    assert "Al Jarrāḩī" in [p.location.name for p in resolved("قصفت المدفعية مواقع في مديرية الجراحي أمس.")]


def test_a_junction_is_near_the_town_it_leads_to():
    found = resolved("سيطرت القوات على مفرق مدينة زبيد صباح أمس.")
    assert [(p.location.name, p.location.geo_precision) for p in found] == [
        ("Zabid", 2)
    ]  # not Mafraq, Jordan


def test_session_six_curated_places_resolve():
    names = [p.location.name for p in resolved("قصفت قوات النظام مدينة اللطامنة ومنطقة اللجاة أمس.")]
    assert names == ["Al-Lataminah", "Lajat"]
    assert resolved("أودعه سجنه لسنوات.") == []  # "سجنه" (his prison) is no neighbourhood of Daraa


def test_the_flank_of_a_front_is_no_afghan_town():
    found = resolved("قصفت الطائرات مواقع في ميمنة جبهة نهم.")  # the right flank, not Maymana
    assert [p.location.name for p in found] == ["Nihm"]
    assert "Maymana" in [p.location.name for p in resolved("قصف مواقع في مدينة ميمنة شمال أفغانستان.")]


def test_a_city_named_in_passing_does_not_pull_a_namesake_across_the_ocean():
    # Britain is the article's second country; New York is named once. The curated news spelling
    # "سالزبوري" is a spelling of the GeoNames town, with its population.
    found = resolved(
        "اتهمت بريطانيا روسيا بالهجوم، وقالت موسكو إن روسيا بريئة وإن روسيا لن ترد. "
        "وطلبت بريطانيا جلسة في نيويورك لبحث الهجوم الذي وقع في سالزبوري."
    )
    salisbury = next(p for p in found if p.text == "سالزبوري")
    assert salisbury.location.country == "GB"


def test_the_capital_word_and_its_nisba_are_read_past_to_the_direction_cue():
    damascus = resolved("سقطت قذيفة قرب العاصمة السورية دمشق.")[0]
    assert damascus.text == "قرب العاصمة السورية دمشق"
    assert (damascus.location.name, damascus.location.geo_precision) == ("Damascus", 2)
    # a place name that looks like a nisba after a district word is a place of its own
    names = [p.location.name for p in resolved("قصفت الطائرات مواقع في مديرية الزيدية وزبيد.")]
    assert "Zabid" in names


def test_a_border_strip_is_the_saudi_yemeni_border_only_in_news_of_those_countries() -> None:
    from rasid.model import Article
    from rasid.pipeline import default_pipeline

    text = "قصف الجيش الإسرائيلي أمس موقعا في مرتفعات الجولان قرب الشريط الحدودي مع سوريا."
    doc = default_pipeline()(Article("t", text, None))
    assert all(p.location is None or p.location.name != "Saudi-Yemen border" for p in doc.places)


def test_a_name_that_is_part_of_a_persons_name_is_that_person_elsewhere_too() -> None:
    from rasid.model import Article
    from rasid.pipeline import default_pipeline

    text = (
        "قال المتحدث باسم الجيش توكور جوساو إن القوات حررت 178 شخصا في مدينة مايدوغوري. "
        "وتابع جوساو أن الجيش أغلق المعسكرات."
    )
    doc = default_pipeline()(Article("t", text, None))
    assert [p.location.name for p in doc.places if p.location is not None] == ["Maiduguri"]


def test_a_part_of_a_country_is_placed_in_that_part() -> None:
    (p,) = resolved("قتل خمسة مدنيين في غارة جوية على قرية في شرق سوريا.")
    assert p.text == "شرق سوريا" and p.location.name == "Eastern Syria" and p.feature == "PART"
    assert (
        p.location.geo_precision == 3 and p.location.lon > 39.5
    )  # Damascus, the country's point, is at 36.3
    (p,) = resolved("قتل جنديان في هجوم استهدف دورية في جنوب شرق تركيا.")
    assert p.location.name == "South-eastern Turkey" and p.location.lat < 39 and p.location.lon > 37
    (p,) = resolved("وقالت الشرطة إن السوق في شمال أفغانستان.")
    assert p.location.name == "Northern Afghanistan" and p.location.lat > 35.5


def test_a_part_of_the_country_is_of_the_country_named_before_it() -> None:
    text = "أعلنت وزارة الدفاع في أفغانستان أن جنديا قتل برصاص زميل له في جنوب البلاد."
    assert [p.location.name for p in resolved(text)] == ["Afghanistan", "Southern Afghanistan"]
    text = "تواجه الكاميرون هجمات الجماعة في أقصى شمال البلاد منذ سنوات."
    assert [p.location.name for p in resolved(text)][-1] == "Northern Cameroon"
    # not the country a rebel force is loyal to, nor the country of the agency that told of it
    text = "قتل أربعة جنود أوكرانيين في قتال مع متمردين موالين لروسيا في شرق البلاد."
    assert [p.location.name for p in resolved(text)][-1] == "Eastern Ukraine"
    text = "قال مسؤول لوكالة الصحافة الفرنسية إن شرطيا قتل في شمال البلاد."
    assert resolved(text) == []


def test_where_a_named_place_lies_is_no_place_of_its_own() -> None:
    text = "قتل عشرة مصلين في مسجد في منطقة عسير، الواقعة جنوب غربي السعودية."
    names = [p.location.name for p in resolved(text)]
    assert "Asir Region" in names and not any(n.startswith("South-western") for n in names)
    text = "قتل ثلاثة في محافظة صعدة، شمال البلاد."
    assert [p.location.name for p in resolved(text)] == ["Saada Governorate"]


@pytest.mark.parametrize(
    ("name", "country"),
    [("ميانمار", "MM"), ("بورما", "MM"), ("الكاميرون", "CM"), ("جنوب أفريقيا", "ZA"), ("إريتريا", "ER")],
)
def test_countries_by_the_names_the_news_use(name: str, country: str) -> None:
    (p,) = resolved(f"وصلت المساعدات إلى {name} الأسبوع الماضي.")
    assert p.location.country == country and p.location.geo_precision == 3


def test_the_border_with_iraq_is_the_border_of_the_article_country() -> None:
    syrian = resolved("قصف الجيش في سوريا مواقع قرب الحدود مع العراق.")
    assert [p.location.name for p in syrian][-1] == "Syria-Iraq border"
    turkish = resolved("قالت تركيا إن جنديين قتلا في هجوم قرب الحدود مع العراق.")
    assert [p.location.name for p in turkish][-1] == "Turkey-Iraq border"


def test_the_country_of_a_part_weighs_names_over_a_foreign_army_nisba() -> None:
    # a foreign army named twice by its nisba does not outweigh the country the article names
    text = "قال الجيش الأميركي إن غارة قتلت خمسة مسلحين في جنوب البلاد. وأضاف الجيش الأميركي أن الغارة استهدفت معسكرا في ليبيا."
    assert not any(p.location.name.endswith("United States") for p in resolved(text))
    # the land's own news agency tells of home; a world agency does not
    text = "قتل ثلاثة جنود سوريين في قصف على قرية في شمال البلاد، بحسب وكالة الأنباء السورية."
    assert [p.location.name for p in resolved(text)] == ["Northern Syria"]
    # "روسيا البيضاء" is Belarus, and a country backing a side ("المدعومين من روسيا") is no home
    (p,) = resolved("وقال مسؤولون في روسيا البيضاء إن المحادثات ستعقد.")
    assert p.location.country == "BY"
    text = "قتل جنود أوكرانيون في قتال مع الانفصاليين المدعومين من روسيا في شرق البلاد."
    assert [p.location.name for p in resolved(text)][-1] == "Eastern Ukraine"


def test_a_point_lies_in_a_part_of_a_country_or_not() -> None:
    from rasid.places.gazetteer import in_part

    assert in_part("Western Iraq", "IQ", 33.4, 40.0) is True  # near Rutba
    assert in_part("Western Iraq", "IQ", 35.47, 44.39) is False  # Kirkuk
    assert in_part("Iraq", "IQ", 35.47, 44.39) is None  # a country, no part


def test_a_village_far_from_every_major_place_of_the_article_is_left_unknown() -> None:
    # The gazetteer's only "الطلح" is a village of Shabwa, some 400 km from Saada: in news of Saada it is
    # another place of that name, unknown, not that village.
    saada = resolved("قصف طيران التحالف مواقع في مدينة صعدة، كما قصف محلات تجارية في سوق الطلح.")
    assert not any(near(p.location, 15.16, 47.40, 50) for p in saada)
    assert any("صعدة" in p.text and p.location.country == "YE" for p in saada)
    # Named with a cue, or in news of its own province, it is that village.
    cued = resolved("قصف طيران التحالف مواقع في مدينة صعدة، كما قصف منازل في قرية الطلح.")
    assert any(
        p.location.country == "YE" and near(p.location, 15.16, 47.40) for p in cued if "الطلح" in p.text
    )
    shabwa = resolved("قصف طيران التحالف مواقع في محافظة شبوة، كما قصف محلات تجارية في سوق الطلح.")
    assert any(near(p.location, 15.16, 47.40) for p in shabwa if "الطلح" in p.text)


def test_a_row_of_no_geonames_id_is_found_again_also_after_an_import() -> None:
    gaz = Gazetteer(
        [PlaceRow(id=-1, name="Old Souq", name_ar="السوق القديم", country="YE", lat=15.3, lon=44.2)]
    )
    assert gaz.find_row(Location("Old Souq", country="YE", lat=15.3, lon=44.2)).id == -1
    gaz.add([PlaceRow(id=-2, name="New Souq", name_ar="السوق الجديد", country="YE", lat=15.4, lon=44.1)])
    assert gaz.find_row(Location("New Souq", country="YE", lat=15.4, lon=44.1)).id == -2
    assert gaz.find_row(Location("New Souq", country="YE", lat=16.0, lon=44.1)) is None


def test_the_longest_name_is_read_past_a_joiner_and_stops_at_a_number() -> None:
    from rasid.places.resolve import _find_raw
    from rasid.text import normalize, tokenize

    gaz = Gazetteer(
        [
            PlaceRow(-901, "Wadi", "وادي", "SY", feature="PPL", names_ar=["وادي"]),
            PlaceRow(-902, "Wadi Nahr", "وادي النهر", "SY", feature="PPL", names_ar=["وادي النهر"]),
            PlaceRow(
                -903,
                "Wadi Nahr Kabir",
                "وادي النهر الكبير الشرقي",
                "SY",
                names_ar=["وادي النهر الكبير الشرقي"],
            ),
        ]
    )

    def keys(text: str) -> list[str]:
        return [m.key for m in _find_raw(gaz, tokenize(normalize(text)))]

    # the three-word prefix is no name: the walk keeps the two-word one
    assert keys("قصف على وادي النهر الكبير أمس") == ["وادي النهر"]
    assert keys("قصف على وادي النهر-الكبير الشرقي أمس") == ["وادي النهر الكبير الشرقي"]
    assert keys("قصف على وادي 12 أمس") == ["وادي"]
    assert keys("قصف على وادي- أمس") == ["وادي"]  # a name never ends on a joiner


def test_a_newspaper_named_in_quotes_is_no_place() -> None:
    text = 'وقالت مصادر محلية ل«الرياض» إن الطائرات قصفت مدينة حرض. ونقلت صحيفة "المدينة" عن شهود أن القصف استمر.'
    assert [p.location.name for p in resolved(text)] == ["Ḩaraḑ"]
    assert [p.location.name for p in resolved("وصل الوفد إلى «الرياض» أمس")] == ["Riyadh"]  # no outlet word


def test_the_first_word_of_an_unknown_compound_name_is_not_a_far_namesake() -> None:
    # "دير" alone is Bandar-e Deyr in Iran
    assert resolved("قصفت الطائرات منطقة دير العشائر.") == []
    # known compound names are found whole
    assert [p.location.name for p in resolved("اندلعت اشتباكات في منطقة أم قصر")] == ["Um Qasr"]
    assert [p.location.name for p in resolved("سقطت قذيفة في بلدة دير العصافير")] == ["Dayr al ‘Aşāfīr"]


def test_a_word_like_name_does_not_vouch_for_its_own_faraway_country():
    # "داخله" (inside it) is also a spelling of Dakhla; "البندقية" (the rifle) names Venice
    found = resolved("اقتحمت القوات الإسرائيلية مخيم جنين أمس وهدمت منزلا بعد أن فتشت داخله.")
    assert [p.location.name for p in found] == ["Janin"]
    found = resolved("قتل مسلح 17 شخصا في مدرسة بولاية فلوريدا، والبندقية التي استخدمها نصف آلية.")
    assert [p.location.country for p in found] == ["US"]


def test_a_quoted_name_after_its_type_word_is_cued():
    found = resolved('تشهد محافظة "صعدة" مواجهات عنيفة، فيما أعلنت إيران دعمها للحوثيين.')
    assert [(p.text, p.location.name) for p in found if p.location.country == "YE"] == [
        ('محافظة "صعدة"', "Sa'dah")
    ]


def test_a_kunya_is_a_name_not_a_place():
    found = resolved("قتل القيادي الحوثي المكنى أبا خليل بغارة للتحالف في مديرية التحيتا بمحافظة الحديدة.")
    assert {p.location.country for p in found} == {"YE"}


def test_a_bare_hamlet_far_from_every_named_town_of_its_country_is_a_word():
    # "دشتي" is a hamlet of Iran and a family name; Iran is named but none of its towns
    found = resolved("قال النائب الكويتي دشتي إن إيران لم تتدخل، بعد انفجار في مدينة الكويت أمس.")
    assert "Dashtī" not in [p.location.name for p in found]
    # a village the article also gives with a town word is a place wherever it is named
    text = "قصفت الطائرات أمس مواقع في الملاحيظ، وقال مسؤول إن إيران تدعم الحوثيين."
    assert [p.location.name for p in resolved(text)] == ["Iran"]
    text = "حاصر الجيش منطقة الملاحيظ منذ أشهر، " + text
    assert [p.location.name for p in resolved(text)] == ["Malahit", "Malahit", "Iran"]


def test_a_small_namesake_in_the_articles_country_does_not_beat_a_world_city():
    text = "قال مسؤول أميركي في واشنطن إن وفدا سيتوجه إلى جنيف، واعتقلت الشرطة في ولاية تكساس خمسة أشخاص."
    assert "Geneva" not in [p.location.name for p in resolved(text)]  # (Geneva, Illinois)
    text = text.replace("إلى جنيف", "إلى مدينة جنيف")
    assert ("Geneve", "CH") in [(p.location.name, p.location.country) for p in resolved(text)]


def test_a_name_after_saint_is_a_saints_place_or_none() -> None:
    # "سان كوانتان" is a French town the gazetteer does not know, not Kuantan (Malaysia)
    assert [
        p.location
        for p in resolved("حاول رجل تفجير مصنع في سان كوانتان وسط شرق فرنسا.")
        if p.text == "كوانتان"
    ] == []
    assert all(
        p.location is None or p.location.country != "MY" for p in resolved("وقع الهجوم في سان كوانتان أمس.")
    )


def test_the_southern_part_of_a_country_is_that_part() -> None:
    found = resolved("قتل خمسة مسلحين في اشتباكات في الجزء الجنوبي من الصومال أمس.")
    assert [p.location.name for p in found] == ["Southern Somalia"]
    assert found[0].text == "الجزء الجنوبي من الصومال"
    found = resolved("تدور معارك في المناطق الشمالية من مالي منذ أيام.")
    assert [p.location.name for p in found] == ["Northern Mali"]
