"""Calendar names (from the packaged resource) and the words of Arabic date expressions.

Every word here is in matching form (rasid.text.norm: أ→ا, ى→ي, ة→ه), compared with `Token.forms`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from rasid import resources
from rasid.text.normalize import norm

# (words after the first, month number, calendar "gregorian" | "hijri")
MonthEntry = tuple[tuple[str, ...], int, str]


@dataclass(frozen=True, slots=True)
class Calendar:
    months: dict[str, tuple[MonthEntry, ...]]  # first word -> entries, longest first
    weekdays: dict[str, int]  # "الخميس" -> 3 (date.weekday(), Monday = 0)
    ambiguous: frozenset[str]  # month names that are also common words, words joined by a space


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    """The month and weekday tables, loaded once per process."""
    data = json.loads(resources.path("calendar_names.json").read_text(encoding="utf-8"))
    months: dict[str, set[MonthEntry]] = {}
    for cal, key in (("gregorian", "gregorian_months"), ("hijri", "hijri_months")):
        for number, names in data[key].items():
            for name in names:
                words = tuple(norm(name).split())
                months.setdefault(words[0], set()).add((words[1:], int(number), cal))
    weekdays = {norm(n): int(d) for d, names in data["weekdays"].items() for n in names}
    return Calendar(
        months={k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in months.items()},
        weekdays=weekdays,
        ambiguous=frozenset(" ".join(norm(n).split()) for n in data["ambiguous"]),
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(norm(text).split())


# Modifiers after a weekday, a month or a period.
PAST = _words(
    "الماضي الماضية الماضيين الماضيتين الفائت الفائتة المنصرم المنصرمة المنقضي المنقضية السابق السابقة"
)
FUTURE = _words("المقبل المقبلة القادم القادمة الآتي الآتية")
CURRENT = _words("الجاري الجارية الحالي الحالية")
LAST = _words("الأخير الأخيرة الأخيرين الأخيرتين")  # "الأيام الأخيرة"
BEFORE_LAST = _words("قبل")  # "الخميس قبل الماضي"

# Words that may stand before a weekday, "أمس", "اليوم" or a date without changing it.
PREFIXES = _words("يوم صباح مساء ليل ليلة فجر ظهر عصر ظهيرة صبيحة ضحى عشية نهار منتصف")
NIGHT = _words("ليل ليلة")
MIDNIGHT_NEXT = _words("ليل ليلة نهار")  # "منتصف ليل الخميس"

YESTERDAY = _words("أمس الأمس البارحة")
TODAY = _words("اليوم")
TOMORROW = _words("غدا")
TOMORROW_AFTER_PREFIX = _words("غد الغد")  # only in "يوم غد", "صباح الغد", "بعد غد"
FIRST = _words("أول الأول")  # "أول أمس", "أمس الأول"
AFTER = _words("بعد")
THIS = _words("هذا هذه")
DAY_PARTS = _words("الصباح المساء الفجر الظهر الليلة")  # "هذا الصباح", "هذه الليلة"
TONIGHT = _words("الليلة")
# "اليوم" that is not today: "اليوم التالي", "ذلك اليوم", "حتى اليوم".
NOT_TODAY_NEXT = _words(
    "التالي الموالي السابق الأول الثاني الثالث الأخير نفسه ذاته الذي التي الواحد الوطني العالمي"
)
NOT_TODAY_PREV = _words("ذلك نفس ذات حتى إلى لغاية لحد منذ طوال طيلة مدار في")  # "في اليوم" = per day

AGO = _words("قبل منذ")
APPROX = _words("نحو حوالي حوالى قرابة زهاء")
# Time units after "قبل/منذ" (days per unit; 0 = hours, i.e. the publication day).
UNIT_PRECISION = {0: 1, 1: 1, 7: 2, 30: 3}  # by days per unit: hours and days 1, weeks 2, months 3
UNIT_ONE = {"يوم": 1, "يوما": 1, "اسبوع": 7, "اسبوعا": 7, "شهر": 30, "شهرا": 30, "ساعه": 0}
UNIT_MANY = {"ايام": 1, "يوما": 1, "اسابيع": 7, "اشهر": 30, "شهور": 30, "شهرا": 30}
UNIT_MANY |= {"ساعات": 0, "ساعه": 0}
UNIT_DUAL = {"يومين": 2, "يومان": 2, "اسبوعين": 14, "اسبوعان": 14, "شهرين": 60, "شهران": 60}
UNIT_DUAL |= {"ساعتين": 0, "ساعتان": 0}
VAGUE_AGO = {"ساعات": 0, "ايام": 3, "قليل": 0}  # "قبل ساعات", "منذ أيام", "قبل قليل"
FILLERS = _words("قليلة قليلا فقط تقريبا تماما")
RELATIVE_TO_OTHER = _words("من على")  # "قبل يومين من الهجوم": not relative to publication

WEEK = _words("الأسبوع")
MONTH = _words("الشهر")
MONTH_WORD = _words("شهر شهري")  # "شهر حزيران", "شهري حزيران وتموز"
# "الأيام الثلاثة الماضية", "اليومين الماضيين": days back from publication (None: the number given).
PLURAL_PERIODS = {"اليومين": 2, "اليومان": 2, "الاسبوعين": 14, "الايام": None, "الساعات": 0}
# Parts of a week or a month: (day of month, days after the week's Sunday).
PARTS = {
    **dict.fromkeys(_words("مطلع أوائل بداية مستهل"), (1, 0)),
    **dict.fromkeys(_words("منتصف أواسط"), (15, 3)),
    **dict.fromkeys(_words("أواخر نهاية آخر ختام"), (21, 5)),
}

# Day ordinals of dates ("التاسع والعشرين من حزيران").
ORD_UNITS = {
    norm(w): v
    for w, v in zip(
        "الأول الحادي الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(),
        (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        strict=True,
    )
}
ORD_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}
TEEN = _words("عشر")
FIRST_DAY = _words("غرة")  # "غرة رمضان" = the 1st

OF = _words("من")
# "فبراير من هذا العام", "آذار من العام الماضي": the year named relative to publication.
THIS_YEAR = _words("العام السنة")
YEAR_OFFSET = {"strict": -1, "future": 1, "current": 0}
# Before a day and month without a year: a deadline, so the next occurrence if it is near.
DEADLINE = _words("بحلول حتى لغاية قبل موعد")
DEADLINE_DAYS = 90
BRACKETS = {'"': '"', "(": ")", "،": "", ",": ""}  # "اليوم (الأحد)", "أمس، الخميس"
AGREEING = _words("الموافق")  # "الخميس الموافق 29 حزيران"
YEAR_WORDS = _words("عام العام سنة السنة")
SINCE = _words("منذ")  # "منذ العام 2015": a period starts
HIJRI_MARKS = _words("هـ ه هجري هجرية الهجري الهجرية للهجرة هجريا")
GREGORIAN_MARKS = _words("م ميلادي ميلادية الميلادي الميلادية للميلاد")
# Tokens before a month name alone that make it a date ("في حزيران", "منذ آذار").
IN = _words("في")
MONTH_CONTEXT = _words("في خلال منذ حتى إلى من بين قبل بعد طوال طيلة أثناء مع") | frozenset(PARTS)
NOT_WEEKDAY_PREV = _words("كلا بين هذين هذان")  # "كلا الاثنين" = both
NOT_WEEKDAY_NEXT = _words("عشر")  # "الأحد عشر" = eleven

ALT_SEPARATORS = frozenset({"/", "(", "-", "–", "\\"})
PAIR_SEPARATORS = frozenset({"-", "–", "/"})
RANGE_SEPARATORS = frozenset({"-", "–", "و", "الي", "حتي"})
NUMERIC_SEPARATORS = frozenset({"/", "-", "\\"})


@lru_cache(maxsize=1)
def triggers() -> frozenset[str]:
    """Word forms that may start a date expression; other word tokens are skipped at once."""
    cal = calendar()
    return (
        frozenset(cal.months)
        | frozenset(cal.weekdays)
        | PREFIXES
        | YESTERDAY
        | TODAY
        | TOMORROW
        | FIRST
        | AFTER
        | THIS
        | TONIGHT
        | AGO
        | WEEK
        | MONTH
        | MONTH_WORD
        | frozenset(PLURAL_PERIODS)
        | frozenset(PARTS)
        | frozenset(ORD_UNITS)
        | frozenset(ORD_TENS)
        | FIRST_DAY
        | {"ال"}
    )
