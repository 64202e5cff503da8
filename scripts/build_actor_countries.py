"""Countries for the actor stage: English names (ACLED style), nationality adjectives, metonyms.

English names come from GeoNames (country_names_ar_en.tsv in /work/shared/data, CC BY 4.0) with
ACLED's spellings where they differ. Nationality adjectives (العراقي، الأميركي/الأمريكي …) and
the names used for a state acting militarily (روسيا، واشنطن، الدولة العبرية …) are curated here.
Writes src/rasid/resources/actor_countries.tsv and registers it, then re-registers actors.tsv
(the hand-written actor dictionary) after checking that its country codes exist.

    .venv/bin/python scripts/build_actor_countries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from rasid import resources

SOURCE = Path("/work/shared/data/gazetteer/geonames_cities15000/country_names_ar_en.tsv")
OUT_FILE = "actor_countries.tsv"

# ACLED spellings that differ from GeoNames, and names written "of the X" in ACLED actor names.
NAME_OVERRIDES = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "KP": "North Korea",
    "KR": "South Korea",
    "MK": "North Macedonia",
    "VA": "Vatican City",
}
WITH_THE = {"US", "GB", "AE", "NL", "PH", "CF", "CD"}

# iso2: (masculine singular nationality adjectives, names and capitals used for the state acting)
CURATED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Middle East
    "IQ": (("عراقي",), ()),
    "SY": (("سوري",), ("دمشق",)),
    "LB": (("لبناني",), ()),
    "JO": (("أردني",), ("الأردن",)),
    "PS": (("فلسطيني",), ()),
    "IL": (("إسرائيلي", "صهيوني"), ("إسرائيل", "تل أبيب", "الدولة العبرية", "الكيان الصهيوني")),
    "SA": (("سعودي",), ("السعودية", "الرياض", "المملكة العربية السعودية")),
    "YE": (("يمني",), ()),
    "OM": (("عماني",), ("سلطنة عمان",)),
    "AE": (("إماراتي",), ("الإمارات", "أبوظبي", "أبو ظبي", "دولة الإمارات")),
    "QA": (("قطري",), ("قطر", "الدوحة")),
    "BH": (("بحريني",), ()),
    "KW": (("كويتي",), ()),
    "IR": (("إيراني",), ("إيران", "طهران")),
    "TR": (("تركي",), ("تركيا", "أنقرة")),
    "CY": (("قبرصي",), ()),
    # North Africa
    "EG": (("مصري",), ("مصر", "القاهرة")),
    "LY": (("ليبي",), ()),
    "TN": (("تونسي",), ()),
    "DZ": (("جزائري",), ("الجزائر",)),
    "MA": (("مغربي",), ("الرباط",)),
    "MR": (("موريتاني",), ()),
    "SD": (("سوداني",), ()),
    "SS": (("جنوب سوداني",), ()),
    "EH": (("صحراوي",), ()),
    # Sahel, Horn of Africa, West Africa
    "ML": (("مالي",), ()),
    "NE": (("نيجري",), ()),
    "NG": (("نيجيري",), ()),
    "TD": (("تشادي",), ()),
    "BF": (("بوركيني", "بوركينابي"), ()),
    "SN": (("سنغالي",), ()),
    "CM": (("كاميروني",), ()),
    "SO": (("صومالي",), ()),
    "ET": (("إثيوبي", "أثيوبي"), ("إثيوبيا",)),
    "ER": (("إريتري", "أريتري"), ("إريتريا",)),
    "DJ": (("جيبوتي",), ()),
    "KE": (("كيني",), ("كينيا",)),
    "UG": (("أوغندي",), ()),
    "CF": (("أفريقي الوسطى",), ()),
    # Asia
    "AF": (("أفغاني",), ()),
    "PK": (("باكستاني",), ("باكستان", "إسلام آباد")),
    "IN": (("هندي",), ("الهند", "نيودلهي")),
    "CN": (("صيني",), ("الصين", "بكين")),
    "KP": (("كوري شمالي",), ("كوريا الشمالية", "بيونغ يانغ", "بيونغيانغ", "بيونجيانج")),
    "KR": (("كوري جنوبي",), ("كوريا الجنوبية", "سول")),
    "AZ": (("أذربيجاني", "أذري"), ("أذربيجان", "باكو")),
    "AM": (("أرميني",), ("أرمينيا", "يريفان")),
    # External powers
    "US": (
        ("أمريكي", "أميركي"),
        ("الولايات المتحدة", "أمريكا", "أميركا", "واشنطن", "البنتاغون", "البنتاجون"),
    ),
    "RU": (("روسي",), ("روسيا", "موسكو", "الكرملين")),
    "FR": (("فرنسي",), ("فرنسا", "باريس")),
    "GB": (("بريطاني",), ("بريطانيا", "لندن", "المملكة المتحدة")),
    "DE": (("ألماني",), ("ألمانيا", "برلين")),
    "IT": (("إيطالي",), ("إيطاليا", "روما")),
    "UA": (("أوكراني",), ("أوكرانيا", "كييف")),
    "CA": (("كندي",), ()),
    "AU": (("أسترالي",), ()),
    "NL": (("هولندي",), ()),
    "ES": (("إسباني",), ()),
    "GR": (("يوناني",), ()),
    # Elsewhere in the news: adjectives that are no other common word
    "BI": (("بوروندي",), ()),
    "RW": (("رواندي",), ()),
    "CD": (("كونغولي",), ()),
    "MZ": (("موزمبيقي",), ()),
    "TZ": (("تنزاني",), ()),
    "ZW": (("زيمبابوي",), ()),
    "AO": (("أنغولي",), ()),
    "GA": (("غابوني",), ()),
    "GH": (("غاني",), ()),
    "GN": (("غيني",), ()),
    "TG": (("توغولي",), ()),
    "BJ": (("بنيني",), ()),
    "LR": (("ليبيري",), ()),
    "ZA": (("جنوب أفريقي",), ()),
    "BD": (("بنغلاديشي",), ()),
    "MM": (("ميانماري", "بورمي"), ("ميانمار",)),
    "ID": (("إندونيسي",), ()),
    "PH": (("فلبيني",), ()),
    "TH": (("تايلاندي",), ()),
    "MY": (("ماليزي",), ()),
    "VN": (("فيتنامي",), ()),
    "JP": (("ياباني",), ("اليابان", "طوكيو")),
    "LK": (("سريلانكي",), ()),
    "NP": (("نيبالي",), ()),
    "TJ": (("طاجيكي",), ()),
    "UZ": (("أوزبكي",), ()),
    "KZ": (("كازاخي",), ()),
    "BY": (("بيلاروسي",), ()),
    "RS": (("صربي",), ()),
    "BA": (("بوسني",), ()),
    "HR": (("كرواتي",), ()),
    "AL": (("ألباني",), ()),
    "XK": (("كوسوفي",), ()),
    "BG": (("بلغاري",), ()),
    "CZ": (("تشيكي",), ()),
    "PL": (("بولندي",), ()),
    "AT": (("نمساوي",), ()),
    "CH": (("سويسري",), ()),
    "BE": (("بلجيكي",), ()),
    "DK": (("دنماركي",), ()),
    "SE": (("سويدي",), ()),
    "NO": (("نرويجي",), ()),
    "IE": (("إيرلندي",), ()),
    "PT": (("برتغالي",), ()),
    "BR": (("برازيلي",), ()),
    "MX": (("مكسيكي",), ()),
    "VE": (("فنزويلي",), ()),
    "CO": (("كولومبي",), ()),
    "AR": (("أرجنتيني",), ()),
    "CU": (("كوبي",), ()),
}


def main() -> None:
    names: dict[str, str] = {}
    with open(SOURCE, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            names.setdefault(row["iso2"], row["name_en_geonames"])
    names.update(NAME_OVERRIDES)
    missing = sorted(set(CURATED) - set(names))
    if missing:
        raise SystemExit(f"curated countries missing from GeoNames: {missing}")
    lines = ["# iso2\tname_en\tthe\tadjectives\tmetonyms"]
    for iso2 in sorted(names):
        adjectives, metonyms = CURATED.get(iso2, ((), ()))
        the = "1" if iso2 in WITH_THE else "0"
        lines.append("\t".join((iso2, names[iso2], the, ";".join(adjectives), ";".join(metonyms))))
    out = resources.ROOT / OUT_FILE
    resources.atomic_write_bytes(out, ("\n".join(lines) + "\n").encode("utf-8"))
    resources.register(
        name="actor_countries",
        file=OUT_FILE,
        version="1",
        source="GeoNames country names (geonames.org via ali-hv/geobank-data); adjectives and metonyms curated by the rasid team",
        licence="CC BY 4.0 (GeoNames)",
        built_by="scripts/build_actor_countries.py",
    )
    check_actor_dictionary(set(names))
    print(f"wrote {out} ({len(names)} countries, {len(CURATED)} with adjectives)")


def check_actor_dictionary(iso2_codes: set[str]) -> None:
    """Checks the hand-written actor dictionary's country codes and inter codes, then registers it."""
    rows = 0
    for line in (resources.ROOT / "actors.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        key, _name, inter, _kind, country = cols[:5]
        if country and country not in iso2_codes:
            raise SystemExit(f"actors.tsv: {key}: unknown country {country}")
        if inter and int(inter) not in range(1, 9):
            raise SystemExit(f"actors.tsv: {key}: inter {inter} out of 1..8")
        rows += 1
    resources.register(
        name="actors",
        file="actors.tsv",
        version="1",
        source="hand-written by the rasid team following the ACLED codebook's actor and inter-code conventions",
        licence="MIT",
        built_by="scripts/build_actor_countries.py (checks and registers; the file is edited by hand)",
        rows=rows,
    )


if __name__ == "__main__":
    main()
