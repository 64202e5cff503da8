"""Place-stage speed: gazetteer load time, ms per mention and articles/s, peak RSS.

Run: .venv/bin/python benchmarks/places_speed.py [--eval ../shared/eval/dev.jsonl] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from rasid.doc import Doc
from rasid.model import Article
from rasid.places.gazetteer import default_gazetteer
from rasid.places.stage import PlaceStage
from rasid.text.stage import TextStage

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    default_gazetteer()
    load_s = time.perf_counter() - t0

    text_stage, place_stage = TextStage(), PlaceStage()
    with open(args.eval, encoding="utf-8") as f:
        articles = [Article.from_dict(json.loads(line)) for line in f]
    docs = [text_stage(Doc(a)) for a in articles]

    mentions = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            mentions += len(place_stage(d).places)
    spent = time.perf_counter() - t0
    n_articles = len(docs) * args.repeat
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer load: {load_s * 1000:.0f} ms ({len(default_gazetteer())} places)")
    print(
        f"place stage: {n_articles / spent:.0f} articles/s, {spent * 1000 / max(mentions, 1):.3f} ms per mention"
    )
    print(f"mentions per article: {mentions / n_articles:.1f}; peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
