"""Builds the dashboard's offline base map: simplified country outlines and Iraq admin-1 areas.

Reads /work/shared/data/gazetteer/{natural_earth_110m_countries,iraq_admin_boundaries_ocha_cso_2019}
(or --data DIR), simplifies the rings (Douglas-Peucker), rounds coordinates and writes
src/rasid/resources/map_countries.geojson and map_iraq_admin1.geojson, registered in the catalogue.

    .venv/bin/python scripts/build_dashboard_assets.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rasid.resources import ROOT, atomic_write_bytes, register

DATA = Path("/work/shared/data/gazetteer")
COUNTRIES = "natural_earth_110m_countries/ne_110m_admin_0_countries.geojson"
IRAQ_ADM1 = "iraq_admin_boundaries_ocha_cso_2019/irq_admbnda_adm1_cso_20190603.geojson"

Point = tuple[float, float]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance of p from the segment a-b (planar, in degrees: fine for simplification)."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: list[list[float]], tolerance: float, digits: int) -> list[list[float]] | None:
    pts = simplify([(float(x), float(y)) for x, y, *_ in ring], tolerance)
    out: list[list[float]] = []
    for x, y in pts:
        p = [round(x, digits), round(y, digits)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) < 4:  # a ring needs 3 distinct points and the closing one
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _geometry(geom: dict[str, Any], tolerance: float, digits: int) -> dict[str, Any] | None:
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    kept = []
    for polygon in polygons:
        rings = [_ring(r, tolerance, digits) for r in polygon]
        if rings and rings[0] is not None:
            kept.append([r for r in rings if r is not None])
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def build(
    source: Path, props: dict[str, str], tolerance: float, digits: int, fallback: dict[str, str] | None = None
) -> bytes:
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        geom = _geometry(f["geometry"], tolerance, digits)
        if geom is None:
            continue
        p = f["properties"]
        values = {}
        for ours, theirs in props.items():
            value = p.get(theirs)
            if (value in (None, "-99", -99)) and fallback and ours in fallback:
                value = p.get(fallback[ours])
            values[ours] = None if value in ("-99", -99) else value
        features.append({"type": "Feature", "properties": values, "geometry": geom})
    features.sort(key=lambda f: str(f["properties"].get("name")))
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the gazetteer data folder")
    args = parser.parse_args()

    countries = build(
        args.data / COUNTRIES,
        {"name": "NAME", "name_ar": "NAME_AR", "iso_a2": "ISO_A2", "iso_a3": "ADM0_A3"},
        tolerance=0.08,
        digits=2,
        fallback={"iso_a2": "WB_A2"},
    )
    atomic_write_bytes(ROOT / "map_countries.geojson", countries)
    register(
        "map_countries",
        "map_countries.geojson",
        "1",
        "Natural Earth 1:110m admin-0 countries v5 (via Boorn123/MyData), simplified (Douglas-Peucker 0.08°, 2 decimals)",
        "public domain (Natural Earth)",
        "scripts/build_dashboard_assets.py",
    )
    iraq = build(
        args.data / IRAQ_ADM1,
        {"name": "ADM1_EN", "name_ar": "ADM1_AR", "pcode": "ADM1_PCODE"},
        tolerance=0.01,
        digits=3,
    )
    atomic_write_bytes(ROOT / "map_iraq_admin1.geojson", iraq)
    register(
        "map_iraq_admin1",
        "map_iraq_admin1.geojson",
        "1",
        "OCHA / Iraq CSO COD-AB admin-1 boundaries 2019-06-03 (via lawenhunar/map-visualization), simplified (0.01°, 3 decimals)",
        "CC BY-IGO (OCHA COD-AB on HDX)",
        "scripts/build_dashboard_assets.py",
    )
    for name, data in (("countries", countries), ("iraq_admin1", iraq)):
        features = data.count(b'"type":"Feature"')
        print(f"map_{name}.geojson: {len(data) / 1024:.0f} KB, {features} features")


if __name__ == "__main__":
    main()
