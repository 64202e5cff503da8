"""Exports of stored incidents: ACLED-style CSV, GeoJSON and JSONL, written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from rasid.errors import RasidError
from rasid.model import Actor, Event, Location
from rasid.notes import note

FORMATS = ("acled-csv", "geojson", "jsonl")

# ACLED's column names and order (as in its sample records), then ours.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
EXTRA_COLUMNS = (
    "rasid_event_id",
    "sources_count",
    "fatalities_min",
    "fatalities_max",
    "injured",
    "injured_max",
    "weapon",
    "background",
    "confidence",
    "location_ar",
    "actor1_ar",
    "actor2_ar",
    "article_ids",
    "evidence",
    "human_locked",
)

# ISO alpha-2 -> (ISO numeric, alpha-3, ACLED country name, ACLED region), for the countries we cover.
COUNTRIES: dict[str, tuple[int, str, str, str]] = {
    "SY": (760, "SYR", "Syria", "Middle East"),
    "IQ": (368, "IRQ", "Iraq", "Middle East"),
    "YE": (887, "YEM", "Yemen", "Middle East"),
    "LB": (422, "LBN", "Lebanon", "Middle East"),
    "PS": (275, "PSE", "Palestine", "Middle East"),
    "IL": (376, "ISR", "Israel", "Middle East"),
    "JO": (400, "JOR", "Jordan", "Middle East"),
    "SA": (682, "SAU", "Saudi Arabia", "Middle East"),
    "KW": (414, "KWT", "Kuwait", "Middle East"),
    "BH": (48, "BHR", "Bahrain", "Middle East"),
    "QA": (634, "QAT", "Qatar", "Middle East"),
    "AE": (784, "ARE", "United Arab Emirates", "Middle East"),
    "OM": (512, "OMN", "Oman", "Middle East"),
    "IR": (364, "IRN", "Iran", "Middle East"),
    "TR": (792, "TUR", "Turkey", "Middle East"),
    "EG": (818, "EGY", "Egypt", "Northern Africa"),
    "LY": (434, "LBY", "Libya", "Northern Africa"),
    "TN": (788, "TUN", "Tunisia", "Northern Africa"),
    "DZ": (12, "DZA", "Algeria", "Northern Africa"),
    "MA": (504, "MAR", "Morocco", "Northern Africa"),
    "SD": (729, "SDN", "Sudan", "Northern Africa"),
    "SS": (728, "SSD", "South Sudan", "Eastern Africa"),
    "SO": (706, "SOM", "Somalia", "Eastern Africa"),
    "DJ": (262, "DJI", "Djibouti", "Eastern Africa"),
    "ER": (232, "ERI", "Eritrea", "Eastern Africa"),
    "ET": (231, "ETH", "Ethiopia", "Eastern Africa"),
    "MR": (478, "MRT", "Mauritania", "Western Africa"),
    "ML": (466, "MLI", "Mali", "Western Africa"),
    "NE": (562, "NER", "Niger", "Western Africa"),
    "TD": (148, "TCD", "Chad", "Middle Africa"),
    "AF": (4, "AFG", "Afghanistan", "South Asia"),
    "PK": (586, "PAK", "Pakistan", "South Asia"),
    "RU": (643, "RUS", "Russia", "Europe"),
    "UA": (804, "UKR", "Ukraine", "Europe"),
    "FR": (250, "FRA", "France", "Europe"),
    "GB": (826, "GBR", "United Kingdom", "Europe"),
    "DE": (276, "DEU", "Germany", "Europe"),
    "US": (840, "USA", "United States", "North America"),
    "AR": (32, "ARG", "Argentina", "South America"),
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Riots":
        return "Demonstrations" if sub_event_type == "Violent demonstration" else "Political violence"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _note(row: dict[str, Any]) -> str:
    """The incident's note, or one written from its fields (with the range of figures the sources give)."""
    if row.get("notes"):
        return row["notes"]
    location = None
    if row.get("location"):
        location = Location(
            row["location"], row.get("location_ar"), row.get("country"), row.get("admin1"),
            row.get("lat"), row.get("lon"), row.get("geo_precision"),
        )  # fmt: skip
    actors = [
        Actor(row[f"actor{n}"], None, row.get(f"inter{n}")) if row.get(f"actor{n}") else None for n in "12"
    ]
    text = note(
        Event(
            event_type=row["event_type"],
            sub_event_type=row["sub_event_type"],
            date=dt.date.fromisoformat(row["date"]) if row.get("date") else None,
            location=location,
            actor1=actors[0],
            actor2=actors[1],
            weapon=row.get("weapon"),
            fatalities=row.get("fatalities"),
            injured=row.get("injured"),
        )
    )
    fat, fat_max = row.get("fatalities"), row.get("fatalities_max")
    if fat is not None and fat_max not in (None, fat):
        text += f" Sources report {fat} to {fat_max} fatalities."
    return text


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    country = row.get("country")
    iso, alpha3, name, region = COUNTRIES.get(country or "", (None, country or "", country, None))
    sources = row.get("sources") or []
    outlets = list(dict.fromkeys(s["outlet"] for s in sources if s.get("outlet")))
    civilian = row["event_type"] == "Violence against civilians" or 7 in (
        row.get("inter1"),
        row.get("inter2"),
    )
    civilian = civilian and row["event_type"] not in ("Protests", "Strategic developments")
    return {
        "event_id_cnty": f"{alpha3}{row['id']}" if alpha3 else row["id"],
        "event_date": _blank(row.get("date")),
        "year": row["date"][:4] if row.get("date") else "",
        "time_precision": _blank(row.get("time_precision")),
        "disorder_type": disorder_type(row["event_type"], row["sub_event_type"]),
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "actor1": _blank(row.get("actor1")),
        "assoc_actor_1": "",
        "inter1": _blank(row.get("inter1")),
        "actor2": _blank(row.get("actor2")),
        "assoc_actor_2": "",
        "inter2": _blank(row.get("inter2")),
        "interaction": _blank(row.get("interaction")),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": _blank(iso),
        "region": _blank(region),
        "country": _blank(name),
        "admin1": _blank(row.get("admin1")),
        "admin2": "",
        "admin3": "",
        "location": _blank(row.get("location")),
        "latitude": _blank(row.get("lat")),
        "longitude": _blank(row.get("lon")),
        "geo_precision": _blank(row.get("geo_precision")),
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": _note(row),
        "fatalities": row["fatalities"] if row.get("fatalities") is not None else 0,
        "tags": "",
        "timestamp": "",
        "rasid_event_id": row["id"],
        "sources_count": len(sources),
        "fatalities_min": _blank(row.get("fatalities")),
        "fatalities_max": _blank(row.get("fatalities_max")),
        "injured": _blank(row.get("injured")),
        "injured_max": _blank(row.get("injured_max")),
        "weapon": _blank(row.get("weapon")),
        "background": int(bool(row.get("background"))),
        "confidence": _blank(row.get("confidence")),
        "location_ar": _blank(row.get("location_ar")),
        "actor1_ar": _blank(row.get("actor1_ar")),
        "actor2_ar": _blank(row.get("actor2_ar")),
        "article_ids": "; ".join(s["article_id"] for s in sources),
        "evidence": " || ".join(
            f"[{s.get('outlet') or s['article_id']}] {s['evidence']}" for s in sources if s.get("evidence")
        ),
        "human_locked": "; ".join(sorted(row.get("locked") or {})),
    }


def incident_json(row: dict[str, Any]) -> dict[str, Any]:
    """Our nested form of an incident: location and actors as objects, every source with its words."""
    loc = None
    if row.get("location") is not None:
        loc = {
            "name": row["location"],
            "name_ar": row.get("location_ar"),
            "country": row.get("country"),
            "admin1": row.get("admin1"),
            "lat": row.get("lat"),
            "lon": row.get("lon"),
            "geo_precision": row.get("geo_precision"),
            "geonameid": row.get("geonameid"),
        }

    def actor(n: str) -> dict[str, Any] | None:
        if row.get(f"actor{n}") is None:
            return None
        return {"name": row[f"actor{n}"], "name_ar": row.get(f"actor{n}_ar"), "inter": row.get(f"inter{n}")}

    keys = ("event_type", "sub_event_type", "date", "time_precision", "interaction", "weapon")
    out: dict[str, Any] = {"id": row["id"], **{k: row.get(k) for k in keys}}
    out |= {"location": loc, "actor1": actor("1"), "actor2": actor("2")}
    keys = ("fatalities", "fatalities_max", "injured", "injured_max", "background", "optional", "notes")
    out |= {k: row.get(k) for k in keys}
    out |= {"confidence": row.get("confidence"), "human_locked": sorted(row.get("locked") or {})}
    out["sources"] = row.get("sources") or []
    return out


@contextmanager
def atomic_output(target: str | None) -> Iterator[IO[str]]:
    """A text stream to `target` that appears complete or not at all ('-' or None: stdout)."""
    if target in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise RasidError(f"{target}: is a directory")
    if not path.parent.exists():
        raise RasidError(f"{target}: no such directory {str(path.parent)!r}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_export(rows: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Writes incident rows (from `Store.incident_rows`) in `fmt`; returns how many."""
    n = 0
    if fmt == "acled-csv":
        writer = csv.DictWriter(stream, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(acled_row(row))
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(incident_json(row), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "geojson":
        stream.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            props = incident_json(row)
            loc = props.get("location") or {}
            geometry = None
            if loc.get("lat") is not None and loc.get("lon") is not None:
                geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
            feature = {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": props}
            stream.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        stream.write("\n]}\n")
    else:
        raise RasidError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    return n
