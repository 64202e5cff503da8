"""Builds src/rasid/resources/calendar_names.json: Arabic month and weekday names of every naming.

Source: the CLDR extract in /work/shared/data/wordlists/cldr_arabic_calendar_names/ (Gregorian month
and weekday names of 28 Arabic locales), plus the spellings CLDR lacks (يونيه, يوليه, مايس, أغسطس
variants, two-word Syriac names without the article, ...) and the Hijri month names (the extract holds
no islamic-calendar rows although the manifest announces them).

Usage: .venv/bin/python scripts/build_calendar_names.py [--cldr DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from rasid import resources

DEFAULT_CLDR = Path("/work/shared/data/wordlists/cldr_arabic_calendar_names")
OUT_FILE = "calendar_names.json"
VERSION = "1"

# Spellings seen in news that CLDR does not list (month number -> names as written).
GREGORIAN_VARIANTS: dict[int, list[str]] = {
    1: ["كانون ثاني", "جانفييه", "ينار"],
    2: ["فبرير", "فبراير"],
    3: ["آذار", "أذار", "اذار"],
    4: ["ابريل", "أبريل", "إبريل", "أفريل", "ابرايل"],
    5: ["مايس", "مايو", "ماي", "أيار"],
    6: ["يونيه", "جوان", "يونيو"],
    7: ["يوليه", "جويليه", "جويلية", "يوليوز"],
    8: ["أغسطوس", "اغسطس", "أغشت", "غشت", "أوت", "آب"],
    9: ["سيبتمبر", "شتنبر", "شتمبر"],
    10: ["تشرين أول", "أوكتوبر", "اكتوبر"],
    11: ["تشرين ثاني", "نونبر", "نوفمبير"],
    12: ["كانون أول", "دجنبر", "دجمبر", "ديسيمبر", "دسمبر"],
}

# Hijri months (Umm al-Qura numbering), with the common spellings and genitive forms (ذي الحجة).
HIJRI_MONTHS: dict[int, list[str]] = {
    1: ["محرم", "المحرم", "محرّم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول", "ربيع الاول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الاخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى الاولى", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى الاخرة"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"],
    12: ["ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه"],
}

# Weekdays, keyed by Python's date.weekday() (Monday = 0); CLDR keys are sun, mon, ...
CLDR_WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
WEEKDAY_VARIANTS: dict[int, list[str]] = {
    0: ["الإثنين", "الأثنين"],
    1: ["الثلاثا"],
    2: ["الأربعا", "الاربعاء"],
}

# Names that are also common words or names (آب "father", مارس "he practised", رمضان a first name):
# they count as months only with a day, a year, "شهر" or الماضي/المقبل beside them.
AMBIGUOUS = ["آب", "ماي", "مارس", "أوت"] + [n for names in HIJRI_MONTHS.values() for n in names]


def _uniq(names: list[str]) -> list[str]:
    # One plain space between words (CLDR has a no-break space in one ar-IQ name).
    return sorted({" ".join(n.split()) for n in names if n.strip()})


def build(cldr_dir: Path) -> dict:
    months: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    weekdays: dict[int, list[str]] = {d: [] for d in range(7)}
    with open(cldr_dir / "cldr_arabic_month_weekday_names.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["calendar"] != "gregorian":
                continue
            # CLDR writes one ar-IQ form with a Persian yeh (تشرین); keep the Arabic letter.
            name = row["name"].replace("ی", "ي")
            if row["kind"] == "month":
                months[int(row["index"])].append(name)
            elif row["kind"] == "weekday":
                weekdays[CLDR_WEEKDAY[row["index"]]].append(name)
    for m, extra in GREGORIAN_VARIANTS.items():
        months[m] += extra
    for d, extra in WEEKDAY_VARIANTS.items():
        weekdays[d] += extra
    return {
        "version": VERSION,
        "note": "names as written; rasid.time normalises them for matching",
        "gregorian_months": {str(m): _uniq(v) for m, v in months.items()},
        "hijri_months": {str(m): _uniq(v) for m, v in HIJRI_MONTHS.items()},
        "weekdays": {str(d): _uniq(v) for d, v in weekdays.items()},
        "ambiguous": _uniq(AMBIGUOUS),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr", type=Path, default=DEFAULT_CLDR)
    args = parser.parse_args()
    table = build(args.cldr)
    text = json.dumps(table, ensure_ascii=False, indent=1) + "\n"
    resources.atomic_write_bytes(resources.ROOT / OUT_FILE, text.encode("utf-8"))
    entry = resources.register(
        name="calendar_names",
        file=OUT_FILE,
        version=VERSION,
        source="CLDR 37.0.0 cldr-dates-modern (ar* ca-gregorian) + hand-written variants and Hijri months",
        licence="Unicode License (CLDR part); MIT (additions)",
        built_by="scripts/build_calendar_names.py",
    )
    print(f"wrote {OUT_FILE}: sha256 {entry['sha256'][:12]}")


if __name__ == "__main__":
    main()
