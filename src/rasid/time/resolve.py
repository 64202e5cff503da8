"""Date arithmetic: weekdays, months and Hijri dates placed against the publication date.

Modes ("past" is the default of news reporting):
- "past": the most recent occurrence on or before publication ("الخميس", "29 حزيران");
- "strict": strictly before publication ("الخميس الماضي" published on a Thursday = a week ago);
- "before_last": one week/period before "strict" ("الخميس قبل الماضي");
- "future": strictly after publication ("الخميس المقبل");
- "current": the publication's own month/year ("حزيران الجاري").
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

ONE_DAY = dt.timedelta(days=1)


def weekday_on(published: dt.date, weekday: int, mode: str) -> dt.date:
    """The `weekday` (Monday = 0) nearest to `published` in the direction `mode` gives."""
    back = (published.weekday() - weekday) % 7
    if mode == "future":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if mode == "strict":
        return published - dt.timedelta(days=back or 7)
    if mode == "before_last":
        return published - dt.timedelta(days=(back or 7) + 7)
    return published - dt.timedelta(days=back)


def week_start(day: dt.date) -> dt.date:
    """The Sunday on or before `day`: the Arabic week starts on الأحد ("the first")."""
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hijri(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date; None outside 1343-1500 AH or invalid."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)  # a plain date, not hijridate's subclass


def _hijri_of(day: dt.date) -> Hijri | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):  # outside 1924-2077
        return None


def _shift(year: int, after: bool, equal: bool, mode: str) -> int:
    """The year of a month/day without a year, given how it compares with the publication date."""
    if mode == "current":
        return year
    if mode.startswith("year"):  # year-1, year+0, year+1: "من العام الماضي", "من هذا العام"
        return year + int(mode[4:])
    if mode == "future":
        return year + 1 if not after else year
    if mode in ("strict", "before_last"):
        return year - 1 if after or equal else year
    return year - 1 if after else year


def day_month(published: dt.date, month: int, day: int, calendar: str, mode: str) -> dt.date | None:
    """A day and month without a year, put in the year that `mode` asks for."""
    if calendar == "hijri":
        if (pub := _hijri_of(published)) is None:
            return None
        key, pub_key = (month, day), (pub.month, pub.day)
        year = _shift(pub.year, key > pub_key, key == pub_key, mode)
        return hijri(year, month, day)
    key, pub_key = (month, day), (published.month, published.day)
    year = _shift(published.year, key > pub_key, key == pub_key, mode)
    date = gregorian(year, month, day)
    if date is None and month == 2 and day == 29:  # 29 February: the nearest leap year back
        for back in range(1, 8):
            if (date := gregorian(year - back, 2, 29)) is not None:
                break
    return date


def month_start(published: dt.date, month: int, calendar: str, mode: str, day: int = 1) -> dt.date | None:
    """Day `day` of a month named without a year ("حزيران الماضي", "مطلع رمضان")."""
    if calendar == "hijri":
        if (pub := _hijri_of(published)) is None:
            return None
        year = _shift(pub.year, month > pub.month, month == pub.month, mode)
        return hijri(year, month, day)
    year = _shift(published.year, month > published.month, month == published.month, mode)
    return gregorian(year, month, day)
