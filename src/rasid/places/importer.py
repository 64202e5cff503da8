"""`rasid gazetteer import`: GeoNames dumps into the user-level gazetteer.

Accepted files: country extracts and allCountries (19-column TSV, .txt or .zip), and
alternateNames / alternateNamesV2 (names by language; Arabic-script ones are kept). Rows are
written to user_data_dir()/gazetteer_user.tsv.gz, which default_gazetteer() loads on top of the
packaged table; the installed package is never modified.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from rasid.errors import RasidError
from rasid.places.gazetteer import PlaceRow, has_arabic, is_plain_arabic, read_rows, user_table, write_rows

GEONAMES_COLUMNS = 19
KEPT_CLASSES = {"P", "A", "L", "S", "T", "H", "R"}


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(member name, line) of a text file or of every .txt in a zip."""
    if not path.exists():
        raise RasidError(f"no such file: {path}")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".txt") and not name.lower().startswith("readme"):
                    with z.open(name) as f:
                        for line in io.TextIOWrapper(f, encoding="utf-8"):
                            yield name, line
        return
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield path.name, line
    except UnicodeDecodeError as e:
        raise RasidError(f"{path}: not a UTF-8 GeoNames text file") from e


def _display(names: list[str]) -> str:
    plain = [n for n in names if is_plain_arabic(n)]
    pool = plain or names
    return min(pool, key=len) if pool else ""


def import_geonames(paths: list[str | Path], target: Path | None = None) -> dict[str, int]:
    """Reads GeoNames dumps and merges their Arabic-named places into the user gazetteer."""
    target = target or user_table()
    rows: dict[int, PlaceRow] = {r.id: r for r in read_rows(target)} if target.exists() else {}
    alt_names: dict[int, list[str]] = {}
    places: list[list[str]] = []
    stats = {"files": 0, "places": 0, "names": 0}
    for p in map(Path, paths):
        stats["files"] += 1
        for member, line in _lines(p):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) == GEONAMES_COLUMNS:
                places.append(f)
            elif 4 <= len(f) <= 10 and f[1].isdigit() and "alternate" in (member + p.name).lower():
                if has_arabic(f[3]):
                    alt_names.setdefault(int(f[1]), []).append(f[3])
            else:
                raise RasidError(
                    f"{p}: line with {len(f)} columns is neither a GeoNames place (19) nor an alternate name"
                )
    for f in places:
        try:
            gid, lat, lon = int(f[0]), float(f[4]), float(f[5])
        except ValueError as e:
            raise RasidError(f"bad GeoNames row for {f[1]!r}: {e}") from None
        if f[6] not in KEPT_CLASSES:
            continue
        names = [n for n in f[3].split(",") if has_arabic(n)] + alt_names.pop(gid, [])
        old = rows.get(gid)
        if old:
            names = old.names_ar + [n for n in names if n not in old.names_ar]
        if not names:
            continue
        feature = f[7] or "PPL"
        rows[gid] = PlaceRow(
            id=gid,
            name=f[2] or f[1],
            name_ar=_display(names),
            country=f[8],
            admin1=old.admin1 if old else "",
            lat=lat,
            lon=lon,
            feature="PCLI" if feature.startswith("PCL") else feature,
            population=int(f[14] or 0) if f[14].strip().isdigit() else 0,
            names_ar=names,
            source="user-import:geonames",
        )
        stats["places"] += 1
    # Alternate names of places not in these dumps: name-only rows merged into known places on load.
    for gid, names in alt_names.items():
        old = rows.get(gid)
        if old:
            old.names_ar += [n for n in names if n not in old.names_ar]
        else:
            rows[gid] = PlaceRow(id=gid, names_ar=names, source="user-import:alternatenames")
    stats["names"] = sum(len(v) for v in alt_names.values())
    write_rows(target, sorted(rows.values(), key=lambda r: r.id))
    stats["total"] = len(rows)
    return stats
