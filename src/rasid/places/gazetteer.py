"""The gazetteer: Arabic place names to places with coordinates, feature type and country.

The packaged table (`resources/gazetteer.tsv.gz`, built by scripts/build_gazetteer.py) is loaded
lazily once per process; a user-level table written by `rasid gazetteer import` (under
$RASID_DATA_DIR or ~/.local/share/rasid/) is loaded on top of it. Names are indexed by their
matching form (rasid.text.norm), split into tokens the way the text stage splits them.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import os
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rasid import resources
from rasid.model import Location
from rasid.places.translit import latin_letters, skeleton_arabic, vowels_agree
from rasid.text import Token, norm
from rasid.text.tokens import _TOKEN_RE

FORMAT_VERSION = "1"
COLUMNS = (
    "id",
    "name",
    "name_ar",
    "country",
    "admin1",
    "lat",
    "lon",
    "feature",
    "population",
    "precision",
    "container",
    "names_ar",
    "source",
)
PACKAGED_FILE = "gazetteer.tsv.gz"
_START_CACHE = 50_000  # words whose may_start() answer is kept
LATIN_FILE = "gazetteer_latin.tsv.gz"  # consonant skeletons of Latin GeoNames names (translit.py)
LATIN_COLUMNS = ("id", "skeletons", "name", "country", "admin1", "lat", "lon", "feature", "population")
STOPWORDS_FILE = "place_stopwords.txt"
USER_FILE = "gazetteer_user.tsv.gz"

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
# Letters of Persian, Kurdish, Urdu and Pashto that Arabic spelling does not use.
_NON_ARABIC_LETTERS = re.compile("[پچژگکیۆێەڕڵٹڈڑںھۓےۀۍېڼښځڅډړږ]")

# Feature codes: precision and a prior weight standing in for population where there is none.
AREA_FEATURES = {"PCLI": 3, "PART": 3, "ADM1": 3, "REGION": 3, "BORDER": 3, "ADM2": 2, "ADM3": 2, "AREA": 2}
PSEUDO_POPULATION = {
    "PCLI": 10_000_000,
    "ADM1": 500_000,
    "REGION": 300_000,
    "BORDER": 100_000,
    "ADM2": 10_000,
    "ADM3": 5_000,
    "AREA": 10_000,
    "NBHD": 20_000,
    "CROSSING": 20_000,
    "CAMP": 20_000,
    "BASE": 20_000,
    "PPL": 1_000,
}


# Transliteration fallback (names GeoNames has only in Latin script): its safeguards.
LATIN_MIN_SKELETON = 3  # consonant classes in the key
LATIN_MIN_POPULATION = 1_000
LATIN_MIN_POPULATION_ARABIC_NAMED = 50_000
LATIN_DOMINANCE = 5  # the chosen place must outweigh any other distinct match this many times
LATIN_LENGTH_RATIO = (0.7, 1.8)  # letters of the Latin name / letters of the Arabic one
LATIN_SAME_PLACE_KM = 25  # two matches this close are one place (a city and its district seat)
LatinPlace = tuple[int, str, str, str, float, float, str, int]


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def is_plain_arabic(text: str) -> bool:
    """Arabic script without Persian/Kurdish/Urdu letters."""
    return has_arabic(text) and not _NON_ARABIC_LETTERS.search(text)


def name_key(name: str) -> str:
    """The index key of a name: matching form, tokens joined by one space."""
    return " ".join(_TOKEN_RE.findall(norm(name)))


CONTEXT_MARK = "~"  # a name that stands for the place only in an article about its country


# Persian, Urdu, Kurdish and Pashto letters as an Arabic writer spells them (گرمیان -> كرميان).
_FOLD_TO_ARABIC = str.maketrans(
    {
        **dict.fromkeys("پ", "ب"),
        **dict.fromkeys("چ", "ج"),
        **dict.fromkeys("ژږځ", "ز"),
        **dict.fromkeys("گ", "ك"),
        **dict.fromkeys("ڤ", "ف"),
        **dict.fromkeys("ہەۀۃ", "ه"),
        **dict.fromkeys("ےێۍېۓ", "ي"),
        **dict.fromkeys("ۆ", "و"),
        **dict.fromkeys("ڕڑړ", "ر"),
        **dict.fromkeys("ڵ", "ل"),
        **dict.fromkeys("ٹ", "ت"),
        **dict.fromkeys("ڈډ", "د"),
        **dict.fromkeys("ںڼ", "ن"),
        **dict.fromkeys("ښ", "ش"),
        "څ": "تس",
    }
)


def fold_to_arabic(name: str) -> str:
    """The Arabic spelling of a name written with Persian/Urdu/Kurdish letters (ھ stays a ه: the
    Urdu aspiration "بھ" cannot be told from a b and an h, as in ابھا = Abha)."""
    return name.replace("ھ", "ه").translate(_FOLD_TO_ARABIC)


def keyed_names(names: Iterable[str], fold: bool = True) -> list[tuple[str, bool]]:
    """(index key, derived) of the Arabic-script names (at least 3 letters, no digits); with `fold`,
    a name written with Persian/Urdu/Kurdish letters also gets the key of its Arabic spelling
    (derived=True when no name as written has that key)."""
    keys: dict[str, bool] = {}
    for n in names:
        n = n.lstrip(CONTEXT_MARK)
        if not has_arabic(n) or any(ch.isdigit() for ch in n):
            continue
        k = name_key(n)
        if len(k.replace(" ", "")) >= 3:
            keys[k] = False
        if fold and _NON_ARABIC_LETTERS.search(n):
            k = name_key(fold_to_arabic(n))
            if len(k.replace(" ", "")) >= 3:
                keys.setdefault(k, True)
    return list(keys.items())


def arabic_keys(names: Iterable[str], fold: bool = True) -> list[str]:
    """Index keys of the Arabic-script names (see keyed_names)."""
    return [k for k, _ in keyed_names(names, fold)]


@dataclass(slots=True)
class PlaceRow:
    """One place of the gazetteer (ids > 0 are GeoNames ids; < 0 our own)."""

    id: int
    name: str = ""
    name_ar: str = ""
    country: str = ""
    admin1: str = ""
    lat: float = 0.0
    lon: float = 0.0
    feature: str = "PPL"
    population: int = 0
    precision: int = 0  # 0: from the feature
    container: int = 0  # id of the place that contains it (a neighbourhood's city)
    names_ar: list[str] = field(default_factory=list)
    source: str = ""

    @property
    def geo_precision(self) -> int:
        if self.precision:
            return self.precision
        return AREA_FEATURES.get(self.feature, 1)

    @property
    def weight(self) -> int:
        """Population, or a stand-in for areas and named points."""
        return max(self.population, PSEUDO_POPULATION.get(self.feature, 0))

    def to_line(self) -> str:
        names = "|".join(n.replace("|", " ").replace("\t", " ") for n in self.names_ar)
        vals = (
            self.id,
            self.name,
            self.name_ar,
            self.country,
            self.admin1,
            f"{self.lat:.5f}",
            f"{self.lon:.5f}",
            self.feature,
            self.population,
            self.precision,
            self.container,
            names,
            self.source,
        )
        return "\t".join(str(v).replace("\t", " ").replace("\n", " ") for v in vals)

    @classmethod
    def from_fields(cls, f: list[str]) -> PlaceRow:
        return cls(
            id=int(f[0]),
            name=f[1],
            name_ar=f[2],
            country=f[3],
            admin1=f[4],
            lat=float(f[5]),
            lon=float(f[6]),
            feature=f[7],
            population=int(f[8] or 0),
            precision=int(f[9] or 0),
            container=int(f[10] or 0),
            names_ar=[n for n in f[11].split("|") if n],
            source=f[12] if len(f) > 12 else "",
        )

    def location(self, name_ar: str | None = None, precision: int | None = None) -> Location:
        return Location(
            name=self.name,
            name_ar=name_ar or self.name_ar,
            country=self.country or None,
            admin1=self.admin1 or None,
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            geo_precision=precision or self.geo_precision,
            geonameid=self.id if self.id > 0 else None,
        )


_PART_NAMES = {
    (1, 0): "Northern",
    (-1, 0): "Southern",
    (0, 1): "Eastern",
    (0, -1): "Western",
    (1, 1): "North-eastern",
    (1, -1): "North-western",
    (-1, 1): "South-eastern",
    (-1, -1): "South-western",
}


def _third(lo: float, hi: float, side: int) -> tuple[float, float]:
    """The upper (side 1) or lower (-1) third of a span; all of it for 0."""
    if side > 0:
        return hi - (hi - lo) / 3, math.inf
    if side < 0:
        return -math.inf, lo + (hi - lo) / 3
    return -math.inf, math.inf


def _in_third(box: tuple[float, float, float, float], north: int, east: int, lat: float, lon: float) -> bool:
    """The point lies in that third of the box (north, east in -1/0/1; a corner: in both thirds)."""
    lat_lo, lat_hi = _third(box[0], box[1], north)
    lon_lo, lon_hi = _third(box[2], box[3], east)
    return lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi


def in_part(part_name: str, country: str | None, lat: float | None, lon: float | None) -> bool | None:
    """Does the point lie in the part of the country `part_name` ("Western Iraq") names? None when the
    name is no part's, or the country's extent or the point is unknown."""
    box = country_boxes().get(country or "")
    way = next((k for k, v in _PART_NAMES.items() if part_name.startswith(v + " ")), None)
    if box is None or way is None or lat is None or lon is None:
        return None
    return _in_third(box, *way, lat, lon)


MAP_COUNTRIES = "map_countries.geojson"
_SAME_COUNTRY = {"SOL": "SO", "CYN": "CY", "NOR": "NO"}  # map shapes without an ISO alpha-2 code


@lru_cache(maxsize=1)
def country_boxes() -> dict[str, tuple[float, float, float, float]]:
    """ISO alpha-2 -> (lat min, lat max, lon min, lon max) of the country's main landmass (Natural Earth)."""
    with open(resources.path(MAP_COUNTRIES), encoding="utf-8") as f:
        shapes = json.load(f)["features"]
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for shape in shapes:
        props, geometry = shape["properties"], shape["geometry"]
        iso2 = props.get("iso_a2") or _SAME_COUNTRY.get(props.get("iso_a3") or "")
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        ring = max((p[0] for p in polygons), key=_ring_area)  # not islands and overseas parts
        lats, lons = [y for _x, y in ring], [x for x, _y in ring]
        box = (min(lats), max(lats), min(lons), max(lons))
        if iso2 in boxes:  # (Somalia and Somaliland: one country)
            old = boxes[iso2]
            box = (min(old[0], box[0]), max(old[1], box[1]), min(old[2], box[2]), max(old[3], box[3]))
        if iso2:
            boxes[iso2] = box
    return boxes


def _ring_area(ring: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))) / 2


def write_rows(path: Path, rows: Iterable[PlaceRow]) -> None:
    """Writes a gazetteer table (gzip TSV with a header line), atomically."""
    lines = ["#" + "\t".join(COLUMNS)] + [r.to_line() for r in rows]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
    resources.atomic_write_bytes(path, data)
    path.chmod(0o644)  # mkstemp creates files readable by their owner only


def read_rows(path: Path) -> list[PlaceRow]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [PlaceRow.from_fields(line.rstrip("\n").split("\t")) for line in f if not line.startswith("#")]


def user_data_dir() -> Path:
    """Where user-level data goes: $RASID_DATA_DIR, else $XDG_DATA_HOME/rasid or ~/.local/share/rasid."""
    env = os.environ.get("RASID_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share") / "rasid"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Gazetteer:
    """Name -> places. `lookup()` gives every candidate; `resolve_name()` the best Location."""

    def __init__(
        self,
        rows: Iterable[PlaceRow],
        stopwords: Iterable[str] = (),
        latin_index: dict[str, list[LatinPlace]] | None = None,
    ) -> None:
        self._latin_index = latin_index
        self._towns: dict[str, list[PlaceRow]] | None = None  # populated places by country, on first use
        self._countries: dict[str, PlaceRow] | None = None
        self._unnumbered: dict[tuple[str, str], list[PlaceRow]] | None = None  # rows of no GeoNames id
        self.rows: dict[int, PlaceRow] = {}
        for r in rows:
            self._merge(r)
        # Name-only rows (alternate names of places we do not have) are dropped.
        self.rows = {k: v for k, v in self.rows.items() if v.name}
        words = list(stopwords)
        self.stopwords = frozenset(w for w in words if "+" not in w)
        # Idioms "a+b": a key with the neighbour word that makes it a phrase ("X للدموع").
        self.idioms: frozenset[tuple[str, str]] = frozenset(
            (a, b) for a, _, b in (w.partition("+") for w in words if "+" in w)
        )
        self.index: dict[str, list[int]] = {}
        self.max_tokens: dict[str, int] = {}  # first token -> longest key starting with it
        self.prefixes: set[str] = set()  # the first 2..n-1 words of every key of n words
        self._starts: dict[str, bool] = {}  # word -> may_start()
        self.article_named: dict[str, bool] = {}  # key -> every place under it is named with "ال" (resolve)
        self.context_only: set[tuple[str, int]] = set()  # (key, id): "القطاع" is Gaza only in Gaza news
        # (key, id) known only through a folded Persian/Urdu/Kurdish spelling: a place only with a cue.
        self.derived: set[tuple[str, int]] = set()
        for r in self.rows.values():
            self._index(r)

    def _merge(self, row: PlaceRow) -> None:
        old = self.rows.get(row.id)
        if old is None:
            self.rows[row.id] = row
        else:
            if row.name:  # a full row replaces the fields, names are merged
                names = old.names_ar + [n for n in row.names_ar if n not in old.names_ar]
                row.names_ar = names
                self.rows[row.id] = row
            else:
                old.names_ar += [n for n in row.names_ar if n not in old.names_ar]

    def _index(self, row: PlaceRow) -> None:
        for n in row.names_ar:
            if n.startswith(CONTEXT_MARK):
                self.context_only.update((k, row.id) for k in arabic_keys([n]))
        for k, derived in keyed_names(row.names_ar):
            if derived:
                self.derived.add((k, row.id))
            ids = self.index.setdefault(k, [])
            if row.id not in ids:
                ids.append(row.id)
            words = k.split(" ")
            if len(words) > self.max_tokens.get(words[0], 0):
                self.max_tokens[words[0]] = len(words)
            self.prefixes.update(" ".join(words[:j]) for j in range(2, len(words)))

    def add(self, rows: Iterable[PlaceRow]) -> None:
        self._towns = self._countries = self._unnumbered = None
        self.article_named.clear()
        for r in rows:
            if r.name or r.id in self.rows:
                self._merge(r)
                self._index(self.rows[r.id])

    def __len__(self) -> int:
        return len(self.rows)

    def lookup(self, name_ar: str) -> list[PlaceRow]:
        """Every place called `name_ar` (matching form; with or without the article ال)."""
        key = name_key(name_ar)
        ids = list(self.index.get(key, ()))
        if not ids:
            alt = key[2:] if key.startswith("ال") else "ال" + key
            ids = list(self.index.get(alt, ()))
        return sorted((self.rows[i] for i in ids), key=lambda r: -r.weight)

    def may_start(self, tok: Token) -> bool:
        """Some clitic reading of this word begins a gazetteer key (cached per word, bounded)."""
        word = tok.norm
        hit = self._starts.get(word)
        if hit is None:
            hit = not self.max_tokens.keys().isdisjoint(tok.forms)
            if len(self._starts) < _START_CACHE:
                self._starts[word] = hit
        return hit

    @property
    def latin_index(self) -> dict[str, list[LatinPlace]]:
        if self._latin_index is None:
            self._latin_index = load_latin_index()
        return self._latin_index

    def transliterated(self, name_ar: str, countries: Collection[str]) -> PlaceRow | None:
        """A place GeoNames knows by a Latin name with the consonant skeleton of `name_ar`.

        Only inside the article's `countries`, only places of some size, and only when one place
        clearly outweighs every other match: an ambiguous skeleton gives None, not a guess.
        """
        if not countries:
            return None
        name = name_key(name_ar)
        # "المتحدة", "الأناضول": a foreign name known only in Latin script rarely takes the article.
        if name.startswith("ال"):
            return None
        key = skeleton_arabic(name)
        if len(key) < LATIN_MIN_SKELETON:
            return None
        letters = len(name.replace(" ", ""))
        seen: set[int] = set()
        cands: list[LatinPlace] = []
        for p in self.latin_index.get(key, ()):
            # A transliteration is about as long as the Arabic spelling ("تعرض" is not Trudovoye).
            if not LATIN_LENGTH_RATIO[0] <= latin_letters(p[1]) / letters <= LATIN_LENGTH_RATIO[1]:
                continue
            if not vowels_agree(name, p[1]):
                continue  # "مقدونيا" is not Magadan: long vowels line up with Latin vowels
            if p[2] in countries and p[0] not in seen:
                seen.add(p[0])
                cands.append(p)
        # A place with Arabic names of its own that did not match: only a big city is spelled many ways.
        sized = [
            p
            for p in cands
            if (p[7] >= LATIN_MIN_POPULATION or p[6] in ("PPLC", "PPLA", "PPLA2"))
            and (p[0] not in self.rows or p[7] >= LATIN_MIN_POPULATION_ARABIC_NAMED)
        ]
        if not sized:
            return None
        sized.sort(key=lambda p: -p[7])
        top = sized[0]
        for other in cands:
            if other[0] == top[0] or distance_km(top[4], top[5], other[4], other[5]) <= LATIN_SAME_PLACE_KM:
                continue
            if other[7] * LATIN_DOMINANCE > top[7]:
                return None
        known = self.rows.get(top[0])
        if known is not None:
            return known
        gid, name, cc, admin1, lat, lon, feature, pop = top
        return PlaceRow(
            id=gid,
            name=name,
            country=cc,
            admin1=admin1,
            lat=lat,
            lon=lon,
            feature=feature,
            population=pop,
            source="geonames-latin",
        )

    def by_id(self, place_id: int) -> PlaceRow | None:
        return self.rows.get(place_id)

    def part_of_country(self, country: str, north: int, east: int) -> PlaceRow | None:
        """ "جنوب أفغانستان", "شرق البلاد": the part of a country that way (north, east in -1/0/1): a
        region at the centre, weighted by population, of the country's towns in that third of its extent
        (a corner: in both thirds)."""
        towns = self._towns_by_country().get(country)
        country_row = self._country_rows().get(country)
        box = country_boxes().get(country)
        if not towns or country_row is None or box is None or (north, east) == (0, 0):
            return None
        way = [t for t in towns if _in_third(box, north, east, t.lat, t.lon)]
        people = sum(t.population for t in way)
        if not people:
            return None
        return PlaceRow(
            id=-2_000_000_000 - 10 * abs(country_row.id) - list(_PART_NAMES).index((north, east)),
            name=f"{_PART_NAMES[(north, east)]} {country_row.name}",
            country=country,
            lat=sum(t.population * t.lat for t in way) / people,
            lon=sum(t.population * t.lon for t in way) / people,
            feature="PART",  # (a country's part: placed no better than the country, only more exactly)
            precision=3,
            source=f"part of {country_row.name}: the centre of its towns there, weighted by population",
        )

    def _towns_by_country(self) -> dict[str, list[PlaceRow]]:
        if self._towns is None:
            self._towns = {}
            for r in self.rows.values():
                if r.feature.startswith("PPL") and r.population > 0:
                    self._towns.setdefault(r.country, []).append(r)
        return self._towns

    def _country_rows(self) -> dict[str, PlaceRow]:
        if self._countries is None:
            self._countries = {r.country: r for r in self.rows.values() if r.feature == "PCLI"}
        return self._countries

    def country(self, iso2: str) -> Location | None:
        """The Location of a country, by its ISO code."""
        row = self._country_rows().get(iso2)
        return row.location() if row else None

    def find_row(self, location: Location) -> PlaceRow | None:
        """The row a Location came from (by GeoNames id, else by name, country and coordinates)."""
        if location.geonameid and location.geonameid in self.rows:
            return self.rows[location.geonameid]
        if self._unnumbered is None:
            self._unnumbered = {}
            for r in self.rows.values():
                if r.id < 0:
                    self._unnumbered.setdefault((r.name, r.country), []).append(r)
        for r in self._unnumbered.get((location.name, location.country or ""), ()):
            if (
                location.lat is not None
                and abs(r.lat - location.lat) < 1e-4
                and abs(r.lon - (location.lon or 0)) < 1e-4
            ):
                return r
        return None

    def container(self, location: Location) -> Location | None:
        """The place that contains `location` (a neighbourhood's city), or None."""
        row = self.find_row(location)
        if row is None or not row.container:
            return None
        parent = self.rows.get(row.container)
        return parent.location() if parent else None

    def resolve_name(self, name_ar: str, country: str | None = None) -> Location | None:
        """The best Location for a name or a short place phrase ("شرقي الفلوجة", "حي X في دمشق")."""
        from rasid.places.resolve import resolve_phrase

        return resolve_phrase(self, name_ar, country)


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    try:
        p = resources.path(STOPWORDS_FILE)
    except Exception:
        return frozenset()
    return frozenset(w for w in p.read_text(encoding="utf-8").split() if w)


@lru_cache(maxsize=1)
def load_latin_index() -> dict[str, list[tuple[int, str, str, str, float, float, str, int]]]:
    """Skeleton -> GeoNames places known by that Latin name (loaded on first use)."""
    try:
        p = resources.path(LATIN_FILE)
    except Exception:
        return {}
    index: dict[str, list[tuple[int, str, str, str, float, float, str, int]]] = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            gid, skels, name, cc, admin1, lat, lon, feature, pop = line.rstrip("\n").split("\t")
            place = (int(gid), name, cc, admin1, float(lat), float(lon), feature, int(pop or 0))
            for k in skels.split("|"):
                index.setdefault(k, []).append(place)
    return index


def user_table() -> Path:
    return user_data_dir() / USER_FILE


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer with the user's imports on top, loaded once per process."""
    rows = read_rows(resources.path(PACKAGED_FILE))
    user = user_table()
    if user.exists():
        rows += read_rows(user)
    return Gazetteer(rows, load_stopwords())


def reload() -> Gazetteer:
    """Drops the cached gazetteer (after an import) and loads it again."""
    default_gazetteer.cache_clear()
    return default_gazetteer()
