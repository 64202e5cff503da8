"""Place-resolution report on the gold locations of an eval file (default: shared/eval/dev.jsonl).

For each gold event with a location `name_ar` and coordinates: resolve `name_ar` alone (with the
gold country as the article's country context) and measure the distance to the gold point.
Prints the share within 10 km and 25 km, and the misses.

Run: .venv/bin/python scripts/place_report.py [--eval FILE] [--no-country] [--misses]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rasid.places.gazetteer import default_gazetteer, distance_km

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    ap.add_argument("--no-country", action="store_true", help="resolve without the gold country")
    ap.add_argument("--misses", action="store_true", help="list the places further than 25 km")
    args = ap.parse_args()

    gaz = default_gazetteer()
    total = within10 = within25 = unresolved = 0
    misses: list[str] = []
    with open(args.eval, encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            for event in article.get("events", []):
                loc = event.get("location") or {}
                if not loc.get("name_ar") or loc.get("lat") is None:
                    continue
                total += 1
                got = gaz.resolve_name(loc["name_ar"], None if args.no_country else loc.get("country"))
                if got is None or got.lat is None:
                    unresolved += 1
                    misses.append(f"  unresolved  {loc['name_ar']}  (gold {loc.get('name')})")
                    continue
                d = distance_km(got.lat, got.lon, loc["lat"], loc["lon"])
                within10 += d <= 10
                within25 += d <= 25
                if d > 25:
                    misses.append(
                        f"  {d:7.0f} km  {loc['name_ar']} -> {got.name} ({got.country}); gold {loc.get('name')}"
                    )
    print(f"gold locations: {total}")
    print(f"within 10 km: {within10}/{total} = {within10 / max(total, 1):.1%}")
    print(f"within 25 km: {within25}/{total} = {within25 / max(total, 1):.1%}")
    print(f"unresolved:   {unresolved}")
    if args.misses:
        print("misses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
