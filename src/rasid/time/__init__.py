"""Arabic dates: weekdays, relative words, month names of every naming, Hijri dates."""

from rasid.time.dates import find_dates

__all__ = ["find_dates"]
