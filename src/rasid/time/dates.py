"""Finds Arabic date expressions in a token list and resolves them against the publication date.

Rules (general, documented choices):
- A weekday alone is the most recent such day on or before publication; with الماضي/الفائت/المنصرم
  it is strictly before (a week back when published that day); "قبل الماضي" one week further;
  with المقبل/القادم strictly after.
- "ليل/ليلة الخميس" is the Thursday (news use, not the classical "eve of Thursday").
  "ليل الأربعاء-الخميس" (a night across two days) is dated to the first day, the Wednesday:
  the evening it began, and ACLED codes the first day of a range; precision 1 since either day is
  within the one-day tolerance.
- أمس/البارحة -1, أول أمس / أول من أمس / أمس الأول -2, اليوم / هذا الصباح / صباح اليوم 0,
  الليلة الماضية / ليلة أمس -1, غدا / يوم غد +1, بعد غد +2 (future dates are kept: the event
  stage decides what they mean).
- "قبل/منذ N أيام|أسابيع|أشهر" = publication minus N units (precision 1 days, 2 weeks, 3 months);
  "قبل ساعات/قليل" = publication day; "منذ أيام" = 3 days back, precision 2. Skipped when followed by
  من/على ("قبل يومين من الهجوم" counts from another event).
- "الأسبوع الماضي" = publication - 7 (always inside last week, whatever day the week starts),
  precision 2; "هذا الأسبوع"/"مطلع الأسبوع" = the Sunday that starts the current week (الأحد = "the
  first"); "الشهر الماضي" = first day of the previous month, precision 3; parts of a month
  (مطلع/منتصف/أواخر) = the 1st/15th/21st, precision 2.
- A day and month without a year take the year that puts them on or before publication (or after
  it with المقبل; "من العام الماضي/هذا العام" name the year). Two exceptions look ahead, by at most
  90 days: a deadline ("بحلول/حتى/قبل 20 تموز") and a weekday that only the next occurrence
  matches ("الثلاثاء في الأول من مايو"). A day that lands more than 60 days back takes instead the
  year the words before it name ("هجمات عام 2015 ... في 13 نوفمبر"; not "منذ العام 2015").
  A month alone takes precision 3 and its first day.
- Month names that are also words (آب, مارس, ماي, أوت, Hijri names such as رمضان, رجب) count
  only beside a day, a year, "شهر" or a modifier; other month names may also stand after a
  preposition ("في/منذ/خلال حزيران"), never alone ("سيارة نيسان").
- A year alone ("في عام 2017") is not an event date and is not reported.
- Without a publication date, relative expressions are found with date None.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from rasid.model import DateMention
from rasid.text import NumberMention, Token
from rasid.time import lexicon as lx
from rasid.time import resolve as rs


class Hit(NamedTuple):
    end: int  # token index after the expression
    date: dt.date | None
    precision: int | None
    relative: bool


class _MonthMatch(NamedTuple):
    month: int
    calendar: str
    end: int
    name: str  # matching form, words joined by a space


_EMPTY: tuple[str, ...] = ()


_YEAR_CONTEXT_TOKENS = 60
_RECENT_DAYS = 60


class _Scanner:
    def __init__(self, tokens: list[Token], numbers: list[NumberMention], published: dt.date | None) -> None:
        self.tokens = tokens
        self.n = len(tokens)
        self.published = published
        self.lags: list[int] = []  # days between the day "أمس/اليوم" gives and the weekday named with it
        self.bare_weekdays: list[int] = []  # days back from publication of each bare weekday ("الخميس")
        self.yearless: list[dt.date] = []  # day-months without a year ("في 11 مارس"), as first read
        self.number_at = {m.tok_start: m for m in numbers if m.kind != "dual"}
        self.cal = lx.calendar()

    # --- token helpers -------------------------------------------------------------------
    def forms(self, j: int) -> tuple[str, ...]:
        return self.tokens[j].forms if 0 <= j < self.n else _EMPTY

    def norm(self, j: int) -> str:
        return self.tokens[j].norm if 0 <= j < self.n else ""

    def has(self, j: int, words: frozenset[str] | dict) -> bool:
        keys = words.keys() if isinstance(words, dict) else words
        return not keys.isdisjoint(self.forms(j))

    def get(self, j: int, table: dict):
        for f in self.forms(j):
            if f in table:
                return table[f]
        return None

    def adjacent(self, j: int) -> bool:
        return j + 1 < self.n and self.tokens[j].end == self.tokens[j + 1].start

    def relative(self, end: int, precision: int, date_fn) -> Hit:
        """A hit resolved against the publication date (None when there is none or it overflows)."""
        try:
            date = None if self.published is None else date_fn(self.published)
        except (OverflowError, ValueError):  # a publication date near year 1 or 9999
            date = None
        return Hit(end, date, precision, True)

    # --- pieces --------------------------------------------------------------------------
    def month(self, j: int) -> _MonthMatch | None:
        for f in self.forms(j):
            for rest, number, calendar in self.cal.months.get(f, ()):
                if all(self.norm(j + 1 + k) == w for k, w in enumerate(rest)):
                    return _MonthMatch(number, calendar, j + 1 + len(rest), " ".join((f, *rest)))
        return None

    def alternate(self, k: int, first: _MonthMatch) -> int:
        """Skips a second naming of the same month: "حزيران/يونيو", "حزيران (يونيو)", "فبراير شباط"."""
        other = self.month(k)
        if other and other.month == first.month and other.calendar == first.calendar:
            return other.end
        if self.norm(k) in lx.ALT_SEPARATORS:
            other = self.month(k + 1)
            if other and other.month == first.month and other.calendar == first.calendar:
                end = other.end
                if self.norm(k) == "(" and self.norm(end) == ")":
                    end += 1
                return end
        return k

    def weekday(self, j: int) -> int | None:
        for f in self.forms(j):
            if f in self.cal.weekdays:
                if self.has(j + 1, lx.NOT_WEEKDAY_NEXT) or self.has(j - 1, lx.NOT_WEEKDAY_PREV):
                    return None
                return self.cal.weekdays[f]
        return None

    def modifier(self, k: int) -> tuple[str | None, int]:
        if self.has(k, lx.PAST):
            return "strict", k + 1
        if self.has(k, lx.BEFORE_LAST) and self.has(k + 1, lx.PAST):
            return "before_last", k + 2
        if self.has(k, lx.FUTURE):
            return "future", k + 1
        if self.has(k, lx.CURRENT):
            return "current", k + 1
        return None, k

    def day(self, k: int) -> tuple[int | None, int]:
        """A day of the month at k: digits 1-31, "غرة" or an ordinal ("التاسع والعشرين")."""
        tok = self.tokens[k] if k < self.n else None
        if tok is None:
            return None, k
        if tok.is_digit:
            if tok.norm.isdigit() and len(tok.norm) <= 2 and 1 <= int(tok.norm) <= 31:
                return int(tok.norm), k + 1
            return None, k
        if self.has(k, lx.FIRST_DAY):
            return 1, k + 1
        unit = self.get(k, lx.ORD_UNITS)
        if unit is not None:
            is_hadi = "الحادي" in self.forms(k)
            if unit < 10 and self.has(k + 1, lx.TEEN):
                return unit + 10, k + 2
            tens = self.get(k + 1, lx.ORD_TENS) if self.norm(k + 1).startswith("و") else None
            if tens is not None and unit < 10 and unit + tens <= 31:
                return unit + tens, k + 2
            return (None, k) if is_hadi else (unit, k + 1)
        tens = self.get(k, lx.ORD_TENS)
        if tens is not None:
            return tens, k + 1
        return None, k

    def year(self, k: int, calendar: str) -> tuple[int | None, int]:
        start = k
        if self.norm(k) in (",", "،"):
            k += 1
        if self.has(k, lx.OF) and self.has(k + 1, lx.YEAR_WORDS):
            k += 2
        elif self.has(k, lx.YEAR_WORDS):
            k += 1
        tok = self.tokens[k] if k < self.n else None
        if tok is None or not tok.is_digit or len(tok.norm) != 4 or not tok.norm.isdigit():
            return None, start
        value = int(tok.norm)
        # Hijri years outside 1343-1500 AH are read as years, then fail to convert.
        low, high = (1200, 1600) if calendar == "hijri" else (1900, 2100)
        if not low <= value <= high:
            return None, start
        k += 1
        if self.has(k, lx.HIJRI_MARKS if calendar == "hijri" else lx.GREGORIAN_MARKS):
            k += 1
        return value, k

    def year_phrase(self, k: int) -> tuple[str | None, int]:
        """ "من هذا العام", "العام الماضي", "من السنة الجارية" after a month: mode year-1/+0/+1."""
        k2 = k + 1 if self.has(k, lx.OF) else k
        if self.has(k2, lx.THIS) and self.has(k2 + 1, lx.THIS_YEAR):
            return "year+0", k2 + 2
        if self.has(k2, lx.THIS_YEAR):
            mod, end = self.modifier(k2 + 1)
            if mod in lx.YEAR_OFFSET:
                return f"year{lx.YEAR_OFFSET[mod]:+d}", end
        return None, k

    def deadline(self, j: int, month: _MonthMatch, day: int) -> str:
        """ "future" for "بحلول/حتى 20 أكتوبر" when that day comes soon after publication."""
        if self.published is None or not self.has(j - 1, lx.DEADLINE):
            return "past"
        ahead = rs.day_month(self.published, month.month, day, month.calendar, "future")
        if ahead and (ahead - self.published).days <= lx.DEADLINE_DAYS:
            return "future"
        return "past"

    # --- expressions ---------------------------------------------------------------------
    def numeric(self, j: int) -> Hit | None:
        """29/6/2021, 2021-06-29, 29.6.2021 (day first unless the year comes first)."""
        tok = self.tokens[j]
        if "." in tok.norm:
            parts = tok.norm.split(".")
            end = j + 1
        else:
            sep = self.norm(j + 1)
            if sep not in lx.NUMERIC_SEPARATORS or self.norm(j + 3) != sep:
                return None
            if not all(self.adjacent(j + k) for k in range(4)):
                return None
            if not (self.tokens[j + 2].is_digit and self.tokens[j + 4].is_digit):
                return None
            parts = [tok.norm, self.norm(j + 2), self.norm(j + 4)]
            end = j + 5
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        if len(parts[0]) == 4:
            year, month, day = (int(p) for p in parts)
        elif len(parts[2]) in (2, 4) and len(parts[0]) <= 2:
            day, month, year = (int(p) for p in parts)
            year += 2000 if year < 100 else 0
        else:
            return None
        if not 1900 <= year <= 2100:
            return None
        date = rs.gregorian(year, month, day)
        return Hit(end, date, 1, False) if date else None

    def explicit(self, j: int, week: bool = False) -> Hit | None:
        """A day and a month, with an optional second naming, year, era and modifier.

        With `week`, the ordinal counts weeks ("الأسبوع الثاني من شباط": the 8th, precision 2).
        """
        if j >= len(self.tokens):
            return None
        if self.tokens[j].is_digit and (hit := self.numeric(j)):
            return hit
        if not week and self.has(j - 1, lx.WEEK):
            return None
        k = j
        if self.norm(k) == "ال" and self.adjacent(k) and self.tokens[k + 1].is_digit:  # الـ29
            k += 1
        day, k = self.day(k)
        if day is None:
            return None
        ranged = False
        if self.norm(k) in lx.RANGE_SEPARATORS:  # "29 و30 حزيران", "29-30 حزيران"
            day2, k2 = self.day(k + 1)
            if day2 is not None and day2 > day:
                ranged, k = True, k2
        if self.has(k, lx.OF):
            k += 1
        if self.has(k, lx.MONTH_WORD):
            k += 1
        month = self.month(k)
        if month is None:
            if week and day > 4:
                return None  # "الأسبوع الخامس من الشهر"
            return self.of_this_month(k, (day - 1) * 7 + 1 if week else day, ranged or week)
        end = self.alternate(month.end, month)
        year, end = self.year(end, month.calendar)
        mode = "past"
        if year is None:
            mod, end = self.year_phrase(end)
            if mod is None:
                mod, end = self.modifier(end)
            mode = mod or self.deadline(j, month, day)
        precision = 2 if ranged or week else 1
        if week:
            day = (day - 1) * 7 + 1
            if day > 28:
                return None
        if year is not None:
            conv = rs.hijri if month.calendar == "hijri" else rs.gregorian
            date = conv(year, month.month, day)
            return Hit(end, date, precision, False) if date else None
        if self.published is None:
            return Hit(end, None, precision, True)
        date = rs.day_month(self.published, month.month, day, month.calendar, mode)
        told = self.year_told_before(j) if mode == "past" and month.calendar != "hijri" else None
        if date and told is not None and told < date.year and (self.published - date).days > _RECENT_DAYS:
            # "هجمات العام 2016 ... في السادس والعشرين من تموز": the year the text just named, for a day
            # months back (a day of the last weeks is this year's: "ذكرى النكبة عام 1948 ... في 14 أيار")
            date = rs.gregorian(told, month.month, day) or date
        if date:
            self.yearless.append(date)
        return Hit(end, date, precision, True) if date else None

    def year_told_before(self, j: int) -> int | None:
        """The last year written as "(ال)عام 2016" within the words before token j (not "منذ العام
        2015", which starts a period)."""
        for k in range(j - 1, max(-1, j - 1 - _YEAR_CONTEXT_TOKENS), -1):
            tok = self.tokens[k]
            if not (
                tok.is_digit and len(tok.norm) == 4 and tok.norm.isdigit() and self.has(k - 1, lx.YEAR_WORDS)
            ):
                continue
            if any((m := self.month(p)) is not None and m.end == k - 1 for p in range(max(0, k - 4), k - 1)):
                continue  # "في 20 تشرين الأول عام 2019": the year of another day, told in full
            value = int(tok.norm)
            published = self.published.year if self.published else 0
            return None if self.has(k - 2, lx.SINCE) or not 1900 <= value <= published else value
        return None

    def of_this_month(self, k: int, day: int, vague: bool) -> Hit | None:
        """ "الحادي والعشرين من الشهر الجاري", "العاشر من الشهر الماضي": a day of the publication's
        month or of the month before it ("الأسبوع الأول من الشهر الجاري": its first week, `vague`)."""
        if self.norm(k) == "الشهر":  # (MONTH_WORD may have stepped over it)
            k += 1
        if self.norm(k - 1) != "الشهر" or not self.has(k - 2, lx.OF):
            return None
        mod, end = self.modifier(k)
        if mod not in ("current", "strict") or self.published is None:
            return None
        first = self.published.replace(day=1)
        if mod == "strict":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        date = rs.gregorian(first.year, first.month, day)
        if date is None or date > self.published:
            return None
        return Hit(end, date, 2 if vague else 1, True)

    def month_only(self, j: int, part: tuple[int, int] | None, context: bool) -> Hit | None:
        """A month without a day: "في حزيران الماضي", "شهر رمضان", "مطلع يونيو 2021"."""
        k = j
        strong = False
        if self.has(k, lx.MONTH_WORD):
            k, strong = k + 1, True
        month = self.month(k)
        if month is None:
            return None
        end = self.alternate(month.end, month)
        year, end = self.year(end, month.calendar)
        mod = None
        if year is None:
            mod, end = self.year_phrase(end)
            if mod is None:
                mod, end = self.modifier(end)
        ambiguous = month.name in self.cal.ambiguous
        # "في مارس" is a month; "مارس" alone may be a verb. Hijri names stay ambiguous ("في صفر").
        after_in = month.calendar != "hijri" and self.has(j - 1, lx.IN)
        if not (strong or year or mod or (context and (not ambiguous or after_in))):
            return None
        day = part[0] if part else 1
        precision = 2 if part else 3
        if year is not None:
            conv = rs.hijri if month.calendar == "hijri" else rs.gregorian
            date = conv(year, month.month, day)
            return Hit(end, date, precision, False) if date else None
        mode = mod or "past"
        return self.relative(
            end, precision, lambda p: rs.month_start(p, month.month, month.calendar, mode, day)
        )

    def weekday_expr(self, j: int, night: bool) -> Hit | None:
        wd = self.weekday(j)
        if wd is None:
            return None
        k = j + 1
        shift = 0
        # A night across two days: "ليل الأربعاء-الخميس", "ليلة الأربعاء على الخميس".
        second = None
        if self.norm(k) in lx.PAIR_SEPARATORS or (night and self.norm(k) in ("الي", "علي")):
            second = k + 1
        elif night:  # "ليل الأربعاء الخميس", "ليلة الأربعاء والخميس"
            second = k
        if second is not None:
            wd2 = self.weekday(second)
            if wd2 is not None and wd2 == (wd + 1) % 7:
                wd, shift, k = wd2, -1, second + 1
        mod, k = self.modifier(k)
        # "الخميس 29 حزيران", "الخميس، 29 حزيران", "الخميس (29 حزيران)", "الخميس الموافق 29 حزيران"
        k2 = k + 1 if self.norm(k) in ("،", ",", "(", "-", "في") else k
        if self.has(k2, lx.AGREEING):
            k2 += 1
        if k2 < self.n and (hit := self.explicit(k2)):
            end = hit.end + 1 if self.norm(k) == "(" and self.norm(hit.end) == ")" else hit.end
            return hit._replace(end=end, date=self.agree(hit, wd))
        mode = mod or "past"
        if mode == "past" and self.published is not None:
            self.bare_weekdays.append((self.published.weekday() - wd) % 7)
        return self.relative(k, 1, lambda p: rs.weekday_on(p, wd, mode) + dt.timedelta(days=shift))

    def agree(self, hit: Hit, weekday: int) -> dt.date | None:
        """A day-month without a year named with its weekday ("الثلاثاء في الأول من مايو"): when the
        most recent past one falls on another weekday, the next one, if it is near, is meant."""
        date, pub = hit.date, self.published
        if not hit.relative or date is None or pub is None or date.weekday() == weekday:
            return date
        ahead = rs.gregorian(date.year + 1, date.month, date.day)
        if ahead and ahead.weekday() == weekday and 0 < (ahead - pub).days <= lx.DEADLINE_DAYS:
            return ahead
        return date

    def relative_word(self, j: int, prefixed: bool) -> Hit | None:
        """أمس, أول أمس, اليوم, غدا, بعد غد, الليلة الماضية, الليلة قبل الماضية."""
        days = None
        end = j + 1
        if self.has(j, lx.FIRST):
            if self.has(j + 1, lx.YESTERDAY):
                days, end = -2, j + 2
            elif self.has(j + 1, lx.OF) and self.has(j + 2, lx.YESTERDAY):
                days, end = -2, j + 3
        elif self.has(j, lx.YESTERDAY):
            days = -1
            if self.has(j + 1, lx.FIRST):  # "أمس الأول"
                days, end = -2, j + 2
        elif self.has(j, lx.TODAY):
            if (
                self.has(j + 1, lx.NOT_TODAY_NEXT)
                or self.has(j + 1, lx.ORD_UNITS)
                or self.has(j + 1, lx.ORD_TENS)
                or self.norm(j).startswith("لل")  # "لليوم السادس على التوالي"
                or (not prefixed and self.has(j - 1, lx.NOT_TODAY_PREV))
            ):
                return None
            days = 0
        elif self.has(j, lx.TOMORROW) or (prefixed and self.has(j, lx.TOMORROW_AFTER_PREFIX)):
            days = 1
        elif self.has(j, lx.AFTER) and self.has(j + 1, lx.TOMORROW_AFTER_PREFIX):
            days, end = 2, j + 2
        elif self.has(j, lx.TONIGHT) and self.has(j + 1, lx.PAST):
            days, end = -1, j + 2
        elif self.has(j, lx.TONIGHT) and self.has(j + 1, lx.BEFORE_LAST) and self.has(j + 2, lx.PAST):
            days, end = -2, j + 3  # "الليلة قبل الماضية": the night before last
        if days is None:
            return None
        end, wd = self.same_day_weekday(end)
        quoted = any(self.has(k, _SAID) for k in range(j - 4, j))  # "قال في بيان اليوم الأحد": its day
        if wd is not None and not quoted and self.published is not None and 1 < self.published.year < 9999:
            self.lags.append(((self.published + dt.timedelta(days=days)).weekday() - wd) % 7)
        return self.relative(end, 1, lambda p: _named_day(p + dt.timedelta(days=days), wd))

    def same_day_weekday(self, k: int) -> tuple[int, int | None]:
        """Takes in the weekday that names the same day: "أمس الخميس", "اليوم (الأحد)" (end, weekday)."""
        if self.norm(k) in self.cal.weekdays and (wd := self.weekday(k)) is not None:
            return k + 1, wd  # not "أمس والخميس": a second day
        close = lx.BRACKETS.get(self.norm(k))
        if (
            close is not None
            and self.norm(k + 1) in self.cal.weekdays
            and (wd := self.weekday(k + 1)) is not None
        ):
            return (k + 3 if close and self.norm(k + 2) == close else k + 2), wd
        return k, None

    def starts_day(self, k: int) -> bool:
        """Whether token k names a day that "يوم" may stand before (أمس, غد, الخميس, 29)."""
        if k >= self.n:
            return False
        if self.tokens[k].is_digit or self.weekday(k) is not None:
            return True
        return self.has(k, lx.YESTERDAY) or self.has(k, lx.TOMORROW_AFTER_PREFIX)

    def ago(self, j: int) -> Hit | None:
        """قبل ثلاثة أيام, منذ يومين, قبل أسبوع, قبل ساعات."""
        if not self.has(j, lx.AGO):
            return None
        k = j + 1
        if self.has(k, lx.APPROX) and k + 1 not in self.number_at:
            k += 1
        number = self.number_at.get(k)
        days = None
        precision = 1
        if number is not None:
            per = self.get(number.tok_end, lx.UNIT_MANY) if number.value > 1 else None
            per = per if per is not None else self.get(number.tok_end, lx.UNIT_ONE)
            if per is not None:
                vague = number.kind == "vague"  # "منذ عدة أيام", "قبل بضعة أسابيع"
                count = max(number.value, 3) if vague else number.value
                days, k = count * per, number.tok_end + 1
                precision = 2 if per == 1 and (days >= 7 or vague) else lx.UNIT_PRECISION[per]
        elif (dual := self.get(k, lx.UNIT_DUAL)) is not None:
            days, k = dual, k + 1
            precision = lx.UNIT_PRECISION[dual // 2]
        elif (one := lx.UNIT_ONE.get(self.norm(k))) is not None:  # exact: not "منذ اليوم"
            if self.norm(k) == "يوم" and self.starts_day(k + 1):
                return None  # "منذ يوم أمس", "قبل يوم الخميس": "يوم" is a prefix here
            days, k = one, k + 1
            precision = lx.UNIT_PRECISION[one]
        elif (vague := lx.VAGUE_AGO.get(self.norm(k))) is not None:
            days, k = vague, k + 1
            precision = 2 if vague else 1
        if days is None:
            return None
        if self.has(k, lx.FILLERS):  # "قبل ساعات قليلة", "قبل شهر تماما"
            k += 1
        if self.has(k, lx.RELATIVE_TO_OTHER) or self.month(k) is not None:
            return None  # "قبل يومين من الهجوم"; "منذ شهر فبراير" is a month, not an interval
        return self.relative(k, precision, lambda p: p - dt.timedelta(days=days))

    def period(self, j: int, part: tuple[int, int] | None, this: bool) -> Hit | None:
        """الأسبوع الماضي, الشهر الجاري, مطلع الأسبوع, الأيام الثلاثة الماضية."""
        back = self.get(j, lx.PLURAL_PERIODS) if not (part or this) else None
        if back is not None or (self.has(j, lx.PLURAL_PERIODS) and not (part or this)):
            k = j + 1
            number = self.number_at.get(k)
            if number is not None:
                back, k = (back if back == 0 else number.value), number.tok_end
            back = 3 if back is None else back  # "الأيام الماضية": a few days
            if not (self.has(k, lx.PAST) or self.has(k, lx.LAST)):
                return None
            return self.relative(k + 1, 2 if back else 1, lambda p: p - dt.timedelta(days=back))
        is_week = self.has(j, lx.WEEK)
        if not (is_week or self.has(j, lx.MONTH)):
            return None
        if is_week and (hit := self.explicit(j + 1, week=True)):
            return hit
        mod, k = self.modifier(j + 1)
        offset = {"strict": -1, "future": 1, "current": 0, None: 0, "before_last": -2}[mod]
        if mod is None and not (part or this):
            return None
        if is_week:

            def week_date(p: dt.date) -> dt.date:
                if part is None:
                    return rs.week_start(p) if offset == 0 else p + dt.timedelta(days=7 * offset)
                date = rs.week_start(p) + dt.timedelta(days=7 * offset + part[1])
                return date - dt.timedelta(days=7) if offset == 0 and date > p else date

            return self.relative(k, 2, week_date)
        day = part[0] if part else 1
        return self.relative(k, 2 if part else 3, lambda p: rs.add_months(p, offset).replace(day=day))

    # --- one position --------------------------------------------------------------------
    def prefix_words(self, i: int) -> tuple[int, bool]:
        """Skips "يوم", "صباح", "ليل", "منتصف ليل" before the core; returns (core index, night)."""
        j, night = i, False
        while j < self.n and j - i < 2:
            forms = self.forms(j)
            word = next((f for f in forms if f in lx.PREFIXES and "ال" + f not in forms), None)
            if word is None:
                break
            if word == "منتصف" and not self.has(j + 1, lx.MIDNIGHT_NEXT):
                break
            night = word in lx.NIGHT
            j += 1
        return j, night

    def match(self, i: int) -> tuple[int, Hit] | None:
        """The date expression starting at token i: (first token, hit), or None."""
        j, night = self.prefix_words(i)
        if j > i and j < self.n:
            hit = self.explicit(j) or self.weekday_expr(j, night) or self.relative_word(j, True)
            if hit:
                return i, hit
        hit = (
            self.explicit(i)
            or self.weekday_expr(i, False)
            or self.relative_word(i, False)
            or self.ago(i)
            or self.period(i, None, False)
        )
        if hit:
            return i, hit
        if self.has(i, lx.THIS):
            if self.has(i + 1, lx.DAY_PARTS):
                return i, self.relative(i + 2, 1, lambda p: p)
            if hit := self.period(i + 1, None, True):
                return i, hit
        part = self.get(i, lx.PARTS)
        if part is not None:
            k = i + 1 if self.has(i + 1, lx.OF) else i
            hit = self.period(k + 1, part, False) or self.month_only(k + 1, part, True)
            if hit:
                return i, hit
        hit = self.month_only(i, None, self.has(i - 1, lx.MONTH_CONTEXT))
        return (i, hit) if hit else None


def find_dates(
    tokens: list[Token], numbers: list[NumberMention], published: dt.date | None, text: str
) -> list[DateMention]:
    """Every date expression in the tokens, left to right, resolved against `published`."""
    if isinstance(published, dt.datetime):  # a timestamp given where a date is expected
        published = published.date()
    scanner, found = _scan(tokens, numbers, published, text)
    written = _writing_day(published, scanner)
    return _scan(tokens, numbers, written, text)[1] if written != published else found


_MAX_LAG = 5
_SAID = lx._words("قال قالت اعلن اعلنت بيان بيانا تصريح تصريحات صرح صرحت ذكر ذكرت اكد اكدت افاد افادت")


def _writing_day(published: dt.date | None, scanner: _Scanner) -> dt.date | None:
    """The day the article was written: a few days before the date it carries when every "أمس الأحد",
    "اليوم (الخميس)" it writes (not quoted from a statement) names its weekday the same k days back (a feed
    dates articles late; three days or more only when two say so), and nothing else it dates falls after
    that day (a bare "الثلاثاء" of the publication day, "في 11 مارس")."""
    lags = scanner.lags
    if published is None or len(set(lags)) != 1 or not 0 < lags[0] <= _MAX_LAG:
        return published  # (a weekday a day ahead, six back, is a slip, not a late date)
    if lags[0] >= 3 and len(lags) < 2:
        return published
    written = published - dt.timedelta(days=lags[0])
    if any(back < lags[0] for back in scanner.bare_weekdays) or any(d > written for d in scanner.yearless):
        return published
    return written


def _scan(
    tokens: list[Token], numbers: list[NumberMention], published: dt.date | None, text: str
) -> tuple[_Scanner, list[DateMention]]:
    scanner = _Scanner(tokens, numbers, published)
    trig = lx.triggers()
    out: list[DateMention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if not (tok.is_digit or (tok.is_word and not trig.isdisjoint(tok.forms))):
            i += 1
            continue
        found = scanner.match(i)
        if found is None:
            i += 1
            continue
        first, hit = found
        start, end = tokens[first].start, tokens[hit.end - 1].end
        out.append(
            DateMention(
                start=start,
                end=end,
                tok_start=first,
                tok_end=hit.end,
                label="date",
                text=text[start:end],
                date=hit.date,
                precision=hit.precision,
                relative=hit.relative,
            )
        )
        i = hit.end
    return scanner, out


def _named_day(day: dt.date, weekday: int | None) -> dt.date:
    """ "أمس الأحد" in an article dated a day after it was written: the weekday named the day before the
    one "أمس" gives is meant (a wider gap keeps the relative word, unless `_writing_day` moves them all)."""
    if weekday is not None and (day.weekday() - weekday) % 7 == 1:
        return day - dt.timedelta(days=1)
    return day
