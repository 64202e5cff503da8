"""The time stage: Arabic date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from rasid.doc import Doc
from rasid.model import Article, DateMention
from rasid.text.stage import TextStage
from rasid.time.lexicon import calendar
from rasid.time.stage import TimeStage

TEXT = TextStage()
TIME = TimeStage()
THU = dt.date(2021, 7, 1)  # a Thursday
D = dt.date


def dates(text: str, published: dt.date | None = THU) -> list[DateMention]:
    doc = TIME(TEXT(Doc(Article(id="t", text=text, published=published))))
    for m in doc.dates:
        assert doc.text[m.start : m.end] == m.text
        assert m.label == "date"
        assert doc.tokens[m.tok_start].start == m.start and doc.tokens[m.tok_end - 1].end == m.end
    return doc.dates


def one(text: str, published: dt.date | None = THU) -> DateMention:
    found = dates(text, published)
    assert len(found) == 1, [(m.text, m.date) for m in found]
    return found[0]


def check(text: str, quoted: str, date: dt.date | None, precision: int, published: dt.date | None = THU):
    m = one(text, published)
    assert (m.text, m.date, m.precision) == (quoted, date, precision)
    return m


# --- weekdays ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "date"),
    [
        ("قتل ثلاثة مدنيين الخميس في قصف على البلدة", "الخميس", D(2021, 7, 1)),
        ("قتل ثلاثة مدنيين الأربعاء في قصف", "الأربعاء", D(2021, 6, 30)),
        ("قتل ثلاثة مدنيين الجمعة في قصف", "الجمعة", D(2021, 6, 25)),
        ("وشنت الطائرات غارات يوم الاثنين على القرية", "يوم الاثنين", D(2021, 6, 28)),
        ("وشنت الطائرات غارات يوم الإثنين على القرية", "يوم الإثنين", D(2021, 6, 28)),
        ("وقعت الاشتباكات فجر الثلاثاء قرب الحدود", "فجر الثلاثاء", D(2021, 6, 29)),
        ("اندلعت مواجهات والخميس قتل شاب", "والخميس", D(2021, 7, 1)),
        ("قتل جندي الخميس الماضي في كمين", "الخميس الماضي", D(2021, 6, 24)),
        ("قتل جندي الأحد الماضي في كمين", "الأحد الماضي", D(2021, 6, 27)),
        ("قتل جندي يوم الخميس قبل الماضي في كمين", "يوم الخميس قبل الماضي", D(2021, 6, 17)),
        ("ستعقد الجولة الخميس المقبل في جنيف", "الخميس المقبل", D(2021, 7, 8)),
        ("ستعقد الجولة يوم السبت القادم", "يوم السبت القادم", D(2021, 7, 3)),
        ("وقع الهجوم ليلة الخميس على الحاجز", "ليلة الخميس", D(2021, 7, 1)),
        ("وقع الهجوم منتصف ليل الثلاثاء على الحاجز", "منتصف ليل الثلاثاء", D(2021, 6, 29)),
    ],
)
def test_weekdays(text, quoted, date):
    m = check(text, quoted, date, 1)
    assert m.relative


def test_weekday_after_separator_is_a_second_mention():
    found = dates("سقطت قذائف مساء السبت والأحد")
    assert [(m.text, m.date) for m in found] == [
        ("مساء السبت", D(2021, 6, 26)),
        ("والأحد", D(2021, 6, 27)),
    ]


@pytest.mark.parametrize(
    "text",
    ["وقعت الاشتباكات ليل الأربعاء-الخميس", "وقعت الاشتباكات ليل الأربعاء - الخميس",
     "وقعت الاشتباكات ليلة الأربعاء على الخميس", "وقعت الاشتباكات ليل الأربعاء الخميس"],
)  # fmt: skip
def test_night_across_two_days_is_the_first_day(text):
    m = one(text)
    assert m.date == D(2021, 6, 30) and m.precision == 1
    assert m.text.startswith("ليل") and m.text.endswith("الخميس")


def test_night_pair_before_publication_day():
    # Published on a Saturday: the night of Wednesday to Thursday is two days back.
    assert one("ليل الأربعاء-الخميس", D(2021, 7, 3)).date == D(2021, 6, 30)


def test_weekday_with_explicit_date_is_one_mention():
    m = check("يوم الجمعة الموافق 25 حزيران قتل ثلاثة", "يوم الجمعة الموافق 25 حزيران", D(2021, 6, 25), 1)
    assert m.relative  # the year comes from publication
    check("وقع الانفجار الثلاثاء (29 حزيران) في السوق", "الثلاثاء (29 حزيران)", D(2021, 6, 29), 1)


def test_words_that_look_like_weekdays():
    assert dates("قال كلا الاثنين إنهما بخير") == []
    assert dates("وصل الأحد عشر لاعبا") == []


# --- relative days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "days"),
    [
        ("قتل شخصان أمس في غارة", "أمس", -1),
        ("قتل شخصان بالأمس في غارة", "بالأمس", -1),
        ("قتل شخصان البارحة في غارة", "البارحة", -1),
        ("قتل شخصان يوم أمس في غارة", "يوم أمس", -1),
        ("قتل شخصان مساء أمس في غارة", "مساء أمس", -1),
        ("قتل شخصان ليلة أمس في غارة", "ليلة أمس", -1),
        ("قتل شخصان الليلة الماضية في غارة", "الليلة الماضية", -1),
        ("قتل شخصان الليلة قبل الماضية في غارة", "الليلة قبل الماضية", -2),
        ("قتل شخصان أول أمس في غارة", "أول أمس", -2),
        ("قتل شخصان أول من أمس في غارة", "أول من أمس", -2),
        ("قتل شخصان أمس الأول في غارة", "أمس الأول", -2),
        ("قتل شخصان اليوم في غارة", "اليوم", 0),
        ("قتل شخصان صباح اليوم في غارة", "صباح اليوم", 0),
        ("قتل شخصان فجر اليوم في غارة", "فجر اليوم", 0),
        ("قتل شخصان مساء اليوم في غارة", "مساء اليوم", 0),
        ("قتل شخصان هذا الصباح في غارة", "هذا الصباح", 0),
        ("قتل شخصان قبل ساعات في غارة", "قبل ساعات", 0),
        ("تبدأ المحادثات غدا في الدوحة", "غدا", 1),
        ("تبدأ المحادثات غداً في الدوحة", "غداً", 1),
        ("تبدأ المحادثات يوم غد في الدوحة", "يوم غد", 1),
        ("تبدأ المحادثات بعد غد في الدوحة", "بعد غد", 2),
        ("قتل شخصان أمس الأربعاء في غارة", "أمس الأربعاء", -1),
        ("تعقد الجلسة اليوم «الخميس» في المحكمة", "اليوم «الخميس»", 0),
    ],
)
def test_relative_days(text, quoted, days):
    m = check(text, quoted, THU + dt.timedelta(days=days), 1)
    assert m.relative


@pytest.mark.parametrize(
    "text",
    ["وفي اليوم التالي انسحبت القوات", "ومنذ ذلك اليوم لم يعد", "ولا يزال مفقودا حتى اليوم",
     "تعمل المحطة عشرين ساعة في اليوم", "وأحيا السكان اليوم العالمي للاجئين"],
)  # fmt: skip
def test_day_that_is_not_today(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "quoted", "date", "precision"),
    [
        ("قتل جندي قبل ثلاثة أيام في الهجوم", "قبل ثلاثة أيام", D(2021, 6, 28), 1),
        ("قتل جندي منذ ثلاثة أيام في الهجوم", "منذ ثلاثة أيام", D(2021, 6, 28), 1),
        ("قتل جندي قبل 4 أيام في الهجوم", "قبل 4 أيام", D(2021, 6, 27), 1),
        ("قتل جندي قبل يومين في الهجوم", "قبل يومين", D(2021, 6, 29), 1),
        ("قتل جندي قبل يوم في الهجوم", "قبل يوم", D(2021, 6, 30), 1),
        ("قتل جندي قبل أسبوع في الهجوم", "قبل أسبوع", D(2021, 6, 24), 2),
        ("قتل جندي قبل نحو أسبوعين في الهجوم", "قبل نحو أسبوعين", D(2021, 6, 17), 2),
        ("قتل جندي قبل عشرة أيام في الهجوم", "قبل عشرة أيام", D(2021, 6, 21), 2),
        ("قتل جندي قبل شهر في الهجوم", "قبل شهر", D(2021, 6, 1), 3),
        ("قتل جندي منذ أيام في الهجوم", "منذ أيام", D(2021, 6, 28), 2),
    ],
)
def test_ago(text, quoted, date, precision):
    check(text, quoted, date, precision)


def test_ago_relative_to_another_event_is_skipped():
    assert dates("وقع الهجوم قبل يومين من الانتخابات") == []
    assert dates("بث التسجيل قبل ساعات قليلة من مقتله") == []
    assert dates("وقع الهجوم قبل شهر تماما من الانتخابات") == []
    assert dates("المفقودة منذ شهر فبراير")[0].text == "شهر فبراير"


def test_vague_ago_and_day_prefix():
    check("يحتجزون الحافلات منذ عدة أيام", "منذ عدة أيام", D(2021, 6, 28), 2)
    check("ظهر القائد في المنطقة منذ يوم أمس", "يوم أمس", D(2021, 6, 30), 1)
    assert dates("تواصلت الاحتجاجات لليوم السادس على التوالي") == []
    assert dates("قتل في الحرب قبل عامين") == []  # years are not event dates


# --- weeks and months relative to publication ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "date", "precision"),
    [
        ("تصاعد القتال الأسبوع الماضي في المدينة", "الأسبوع الماضي", D(2021, 6, 24), 2),
        ("تصاعد القتال الأسبوع الفائت في المدينة", "الأسبوع الفائت", D(2021, 6, 24), 2),
        ("تصاعد القتال هذا الأسبوع في المدينة", "هذا الأسبوع", D(2021, 6, 27), 2),
        ("تصاعد القتال مطلع الأسبوع في المدينة", "مطلع الأسبوع", D(2021, 6, 27), 2),
        ("تصاعد القتال مطلع الأسبوع الجاري في المدينة", "مطلع الأسبوع الجاري", D(2021, 6, 27), 2),
        ("تصاعد القتال مطلع الأسبوع الماضي في المدينة", "مطلع الأسبوع الماضي", D(2021, 6, 20), 2),
        ("تصاعد القتال الشهر الماضي في المدينة", "الشهر الماضي", D(2021, 6, 1), 3),
        ("تصاعد القتال هذا الشهر في المدينة", "هذا الشهر", D(2021, 7, 1), 3),
        ("تصاعد القتال الشهر الجاري في المدينة", "الشهر الجاري", D(2021, 7, 1), 3),
        ("تصاعد القتال أواخر الشهر الماضي في المدينة", "أواخر الشهر الماضي", D(2021, 6, 21), 2),
        ("تصاعد القتال منتصف الشهر الماضي في المدينة", "منتصف الشهر الماضي", D(2021, 6, 15), 2),
        ("تصاعد القتال خلال اليومين الماضيين", "اليومين الماضيين", D(2021, 6, 29), 2),
        ("تصاعد القتال خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", D(2021, 6, 28), 2),
        ("تصاعد القتال خلال الأسبوعين الماضيين", "الأسبوعين الماضيين", D(2021, 6, 17), 2),
    ],
)
def test_weeks_and_months(text, quoted, date, precision):
    check(text, quoted, date, precision)


def test_last_week_when_published_on_sunday():
    assert one("الأسبوع الماضي", D(2021, 7, 4)).date == D(2021, 6, 27)
    assert one("الشهر الماضي", D(2021, 1, 15)).date == D(2020, 12, 1)


# --- explicit dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "date"),
    [
        ("قتل 3 أشخاص في 29 حزيران/يونيو في دمشق", "29 حزيران/يونيو", D(2021, 6, 29)),
        ("قتل 3 أشخاص في 29 يونيو في القاهرة", "29 يونيو", D(2021, 6, 29)),
        ("قتل 3 أشخاص في 29 حزيران (يونيو) 2020", "29 حزيران (يونيو) 2020", D(2020, 6, 29)),
        ("قتل 3 أشخاص في 29 من يونيو الماضي", "29 من يونيو الماضي", D(2021, 6, 29)),
        ("قتل 3 أشخاص في 29 يونيو حزيران", "29 يونيو حزيران", D(2021, 6, 29)),
        ("قتل 3 أشخاص في التاسع والعشرين من حزيران", "التاسع والعشرين من حزيران", D(2021, 6, 29)),
        ("قتل 3 أشخاص في الحادي عشر من أيار", "الحادي عشر من أيار", D(2021, 5, 11)),
        ("قتل 3 أشخاص في الأول من شهر آذار", "الأول من شهر آذار", D(2021, 3, 1)),
        ("قتل 3 أشخاص في العشرين من نيسان", "العشرين من نيسان", D(2021, 4, 20)),
        ("قتل 3 أشخاص في الـ29 من حزيران", "الـ29 من حزيران", D(2021, 6, 29)),
        ("قتل 3 أشخاص بتاريخ 29/6/2021 في حلب", "29/6/2021", D(2021, 6, 29)),
        ("قتل 3 أشخاص بتاريخ 2021-06-29 في حلب", "2021-06-29", D(2021, 6, 29)),
        ("قتل 3 أشخاص بتاريخ 29.6.2021 في حلب", "29.6.2021", D(2021, 6, 29)),
        ("قتل 3 أشخاص بتاريخ ٢٩/٦/٢٠٢١ في حلب", "٢٩/٦/٢٠٢١", D(2021, 6, 29)),
        ("قتل 3 أشخاص في 10 أغسطس 2015 م", "10 أغسطس 2015 م", D(2015, 8, 10)),
        ("قتل 3 أشخاص في 5 يناير من العام الماضي", "5 يناير من العام الماضي", D(2020, 1, 5)),
    ],
)
def test_explicit_day_and_month(text, quoted, date):
    check(text, quoted, date, 1)


def test_range_of_days_is_the_first_day():
    check("اندلعت اشتباكات في 29 و30 حزيران", "29 و30 حزيران", D(2021, 6, 29), 2)


def test_year_rollover():
    # Published in early January: a late-December day without a year is last year's.
    check("قتل ثلاثة في 29 كانون الأول في القصف", "29 كانون الأول", D(2020, 12, 29), 1, D(2021, 1, 3))
    check("قتل ثلاثة في 2 كانون الثاني في القصف", "2 كانون الثاني", D(2021, 1, 2), 1, D(2021, 1, 3))


def test_day_on_publication_day_and_after():
    assert one("في 1 تموز", THU).date == D(2021, 7, 1)  # on the day: this year
    assert one("في 2 تموز", THU).date == D(2020, 7, 2)  # after it: last year
    assert one("في 2 تموز المقبل", THU).date == D(2021, 7, 2)
    assert one("في 1 تموز الماضي", THU).date == D(2020, 7, 1)
    assert one("حتى 20 تموز", THU).date == D(2021, 7, 20)  # a deadline soon after publication


def test_weekday_picks_the_year_of_a_date_without_one():
    # Published Sunday 29 April 2018: "Tuesday 1 May" is two days ahead, not 1 May 2017 (a Monday).
    m = one("سيبدأ تنفيذ الاتفاق الثلاثاء في الأول من مايو", D(2018, 4, 29))
    assert (m.text, m.date) == ("الثلاثاء في الأول من مايو", D(2018, 5, 1))


def test_explicit_date_with_year_is_not_relative():
    m = one("قتل 3 في 29 حزيران 2020", None)
    assert (m.date, m.relative) == (D(2020, 6, 29), False)


def test_invalid_day_falls_back_to_the_month():
    check("في 31 حزيران 2021", "حزيران 2021", D(2021, 6, 1), 3)


# --- month names of every naming --------------------------------------------------------------

LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
MAGHREBI = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
MOROCCAN = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
            "أكتوبر", "نونبر", "دجنبر"]  # fmt: skip
VARIANTS = [(5, "مايس"), (6, "يونيه"), (7, "يوليه"), (8, "أغشت"), (4, "إبريل"), (10, "تشرين أول"),
            (1, "كانون ثاني"), (5, "آيار")]  # fmt: skip


@pytest.mark.parametrize("naming", [LEVANTINE, EGYPTIAN, MAGHREBI, MOROCCAN], ids=["lev", "eg", "dz", "ma"])
def test_every_month_of_every_naming(naming):
    for number, name in enumerate(naming, start=1):
        m = one(f"وقعت المواجهات في 12 {name} 2019 قرب الحدود")
        assert (m.text, m.date) == (f"12 {name} 2019", D(2019, number, 12))


@pytest.mark.parametrize(("number", "name"), VARIANTS)
def test_month_variants(number, name):
    assert one(f"في 3 {name} 2018").date == D(2018, number, 3)


def test_table_is_built_from_cldr_with_variants():
    cal = calendar()
    assert ((), 6, "gregorian") in cal.months["حزيران"]
    assert (("الاول",), 10, "gregorian") in cal.months["تشرين"]
    assert (("الحجه",), 12, "hijri") in cal.months["ذي"]
    assert cal.weekdays["الخميس"] == 3


@pytest.mark.parametrize(
    ("text", "quoted", "date"),
    [
        ("قتل العشرات في حزيران الماضي في المدينة", "حزيران الماضي", D(2021, 6, 1)),
        ("قتل العشرات في تموز الماضي في المدينة", "تموز الماضي", D(2020, 7, 1)),
        ("قتل العشرات في يونيو 2019 في المدينة", "يونيو 2019", D(2019, 6, 1)),
        ("قتل العشرات خلال شهر آب في المدينة", "شهر آب", D(2020, 8, 1)),
        ("قتل العشرات في نيسان في المدينة", "نيسان", D(2021, 4, 1)),
        ("قتل العشرات في فبراير من هذا العام", "فبراير من هذا العام", D(2021, 2, 1)),
        ("قتل العشرات منذ مارس/آذار 2011", "مارس/آذار 2011", D(2011, 3, 1)),
    ],
)
def test_month_alone(text, quoted, date):
    check(text, quoted, date, 3)


def test_part_of_month():
    check("قتل العشرات مطلع حزيران في المدينة", "مطلع حزيران", D(2021, 6, 1), 2)
    check("قتل العشرات منتصف يونيو الماضي", "منتصف يونيو الماضي", D(2021, 6, 15), 2)
    check("قتل العشرات أواخر أيار في المدينة", "أواخر أيار", D(2021, 5, 21), 2)
    check("قصف الطيران خلال الأسبوع الثاني من شباط", "الأسبوع الثاني من شباط", D(2021, 2, 8), 2)


@pytest.mark.parametrize(
    "text",
    ["ركب سيارة نيسان بيضاء", "قال الأب إن ابنه قتل", "مارس الضغط على الحكومة", "التقى رمضان بالوزير"],
)
def test_month_names_that_are_words(text):
    assert dates(text) == []


# --- Hijri ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "date", "relative"),
    [
        ("وقع الهجوم في 15 رمضان 1442 في السوق", "15 رمضان 1442", D(2021, 4, 27), False),
        ("وقع الهجوم في 15 رمضان 1442 هـ في السوق", "15 رمضان 1442 هـ", D(2021, 4, 27), False),
        ("بغداد 25 شوال 1436 هـ الموافق", "25 شوال 1436 هـ", D(2015, 8, 10), False),
        ("حتى 5 ذي القعدة 1436 للهجرة", "5 ذي القعدة 1436 للهجرة", D(2015, 8, 20), False),
        ("وقع الهجوم في غرة شوال في السوق", "غرة شوال", D(2021, 5, 13), True),
    ],
)
def test_hijri(text, quoted, date, relative):
    m = check(text, quoted, date, 1)
    assert m.relative is relative
    assert type(m.date) is dt.date  # a plain date, not the converter's own class


def test_hijri_month_alone():
    check("تصاعدت الهجمات خلال شهر رمضان", "شهر رمضان", D(2021, 4, 13), 3)


# --- years, publication unknown ---------------------------------------------------------------


def test_year_alone_is_not_a_date():
    assert dates("في عام 2017 وقعت مجزرة في البلدة") == []
    assert dates("في 1442 هـ") == []


def test_hijri_outside_the_conversion_range_is_skipped():
    assert dates("في 15 رمضان", D(1900, 1, 1)) == []
    assert dates("في 15 رمضان 1300") == []


def test_without_publication_date():
    found = dates("قتل جندي أمس والخميس الماضي وفي 29 حزيران، وفي 29 حزيران 2020", None)
    assert [(m.text, m.date, m.relative) for m in found] == [
        ("أمس", None, True),
        ("والخميس الماضي", None, True),
        ("29 حزيران", None, True),
        ("29 حزيران 2020", D(2020, 6, 29), False),
    ]


def test_many_mentions_keep_order_and_spans():
    text = "قتل جندي أمس، وأصيب آخر صباح اليوم، بعد قصف في 29 حزيران/يونيو الماضي."
    found = dates(text)
    assert [m.text for m in found] == ["أمس", "صباح اليوم", "29 حزيران/يونيو الماضي"]
    assert [m.tok_start for m in found] == sorted(m.tok_start for m in found)


def test_diacritics_and_tatweel_keep_original_text():
    m = one("قُتِلَ ثلاثةٌ يومَ الخمـيس")
    assert (m.text, m.date) == ("يومَ الخمـيس", D(2021, 7, 1))


def test_stage_runs_in_the_pipeline():
    from rasid.pipeline import Pipeline

    pipe = Pipeline(stages=("rasid.text.stage:TextStage", "rasid.time.stage:TimeStage"))
    doc = pipe(Article(id="p", text="قتل جنديان فجر الخميس.", published=D(2021, 7, 3)))
    assert [(m.text, m.date) for m in doc.dates] == [("فجر الخميس", D(2021, 7, 1))]


def test_a_period_word_at_the_very_end_of_the_text() -> None:
    # Regression: a week/period expression ending the text once read past the last token.
    for text in ("ويندوز 10 هذا الأسبوع", "الأسبوع الثاني من", "خلال الأسبوع الثاني"):
        doc = Doc(Article(id="t", text=text, published=dt.date(2021, 7, 29)))
        TimeStage()(TextStage()(doc))


@pytest.mark.parametrize(
    "text, quoted, date, precision",
    [
        ("وقع الهجوم في العاشر من الشهر الماضي", "العاشر من الشهر الماضي", dt.date(2021, 6, 10), 1),
        ("قتل جنديان في 1 من الشهر الجاري", "1 من الشهر الجاري", dt.date(2021, 7, 1), 1),
        (
            "سجلت 50 إصابة خلال الأسبوع الأول من الشهر الجاري",
            "الأسبوع الأول من الشهر الجاري",
            dt.date(2021, 7, 1),
            2,
        ),
    ],
)
def test_a_day_of_this_or_last_month(text, quoted, date, precision):
    check(text, quoted, date, precision)


def test_a_day_of_this_month_still_to_come_is_only_the_month():
    check("يعقد المؤتمر في الثلاثين من الشهر الجاري", "الشهر الجاري", dt.date(2021, 7, 1), 3)
    check("قتل 3 في الأسبوع الخامس من الشهر الماضي", "الشهر الماضي", dt.date(2021, 6, 1), 3)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("أمس الأربعاء", D(2021, 6, 30)),  # agrees with the Thursday of publication
        ("أمس الثلاثاء", D(2021, 6, 29)),  # written a day before it was dated: the weekday is meant
        ('أمس الأول "الاثنين"', D(2021, 6, 28)),
        ("اليوم (الأربعاء)", D(2021, 6, 30)),
        ("أمس الأحد", D(2021, 6, 30)),  # three days back on one word's say: the relative word holds
        ("اليوم الجمعة", D(2021, 7, 1)),  # a day ahead is a slip: the publication date holds
    ],
)
def test_a_weekday_named_with_yesterday_or_today_gives_the_day_written(text: str, date: dt.date) -> None:
    assert one(text).date == date


def test_the_day_an_article_was_written_dates_its_other_relative_words() -> None:
    # dated Thursday, written on Tuesday ("أمس الاثنين"): its "اليوم" is Tuesday, its "الأحد" the 27th
    found = dates("قتل جنديان أمس الاثنين. وأصيب ثلاثة اليوم. واعتقل خمسة الأحد.")
    assert [m.date for m in found] == [D(2021, 6, 28), D(2021, 6, 29), D(2021, 6, 27)]
    # three days back when two say so
    found = dates("قتل جنديان أمس الأحد. وأصيب ثلاثة اليوم الاثنين.")
    assert [m.date for m in found] == [D(2021, 6, 27), D(2021, 6, 28)]
    # the publication date holds when two weekdays disagree, when a bare weekday or a day of the month
    # falls after the day written, or when the weekday is a statement's
    for text in (
        "قتل جنديان أمس الاثنين. وأصيب ثلاثة أمس الأربعاء. واعتقل خمسة اليوم.",
        "قتل جنديان أمس الاثنين. وأعلن الجيش الأربعاء اعتقال خمسة. وأصيب ثلاثة اليوم.",
        "قتل جنديان أمس الاثنين. وكان هجوم آخر قد وقع في 30 يونيو. وأصيب ثلاثة اليوم.",
        "وقال الجيش في بيان أمس الاثنين إن جنديين قتلا. وأصيب ثلاثة اليوم.",
    ):
        assert dates(text)[-1].date == THU, text


def test_a_day_and_month_months_back_take_the_year_just_named() -> None:
    # published 1 July 2021: 26 June (five days back) is this year's; 13 November is 2015's, the year
    # the text just named
    text = "شهدت البلاد سلسلة هجمات في عام 2015. وكان أسوأها في 13 نوفمبر."
    assert [m.date for m in dates(text) if m.text == "13 نوفمبر"] == [D(2015, 11, 13)]
    text = "شهدت البلاد سلسلة هجمات في عام 2015. وكان أحدثها في 26 يونيو."
    assert [m.date for m in dates(text) if m.text == "26 يونيو"] == [D(2021, 6, 26)]
    # "منذ العام 2015" starts a period: the day is the last one of that name
    text = "تشهد البلاد هجمات منذ العام 2015، وكان أسوأها في 13 نوفمبر."
    assert [m.date for m in dates(text) if m.text == "13 نوفمبر"] == [D(2020, 11, 13)]


def test_the_year_of_another_full_date_is_not_the_context_year() -> None:
    text = "وقعت هجمات في 20 تشرين الأول عام 2019. وفي 3 آذار قتل ثلاثة في هجوم."
    assert [m.date for m in dates(text, D(2020, 6, 1)) if m.text == "3 آذار"] == [D(2020, 3, 3)]
