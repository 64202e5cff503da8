"""Article triage: speed (articles/s on one core, peak RSS) and, on a gold file, precision/recall.

    python benchmarks/triage_speed.py ../shared/eval/dev.jsonl
    python benchmarks/triage_speed.py ../shared/data/news/saudinewsnet/saudinewsnet_2015.jsonl.gz --limit 5000

On a GUIDELINES file (with "events") an article is relevant when it has at least one non-optional
gold event; the report gives triage precision/recall against that, and the share of articles it passes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time

from rasid.events.triage import Triage


def load(path: str, limit: int) -> tuple[list[str], list[bool] | None]:
    opener = gzip.open if path.endswith(".gz") else open
    texts: list[str] = []
    gold: list[bool] = []
    has_gold = True
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(texts) >= limit:
                break
            obj = json.loads(line)
            text = obj.get("text") or obj.get("content") or ""
            if not text.strip():
                continue
            texts.append(text)
            if "events" in obj:
                gold.append(any(not e.get("optional") for e in obj["events"]))
            else:
                has_gold = False
    return texts, gold if has_gold else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="passes over small files, for a stable rate")
    args = ap.parse_args()
    texts, gold = load(args.path, args.limit)
    triage = Triage.load()
    triage.score("تمهيد")  # load outside the timing
    start = time.perf_counter()
    for _ in range(args.repeat):
        flags = [triage.is_relevant(t) for t in texts]
    seconds = time.perf_counter() - start
    n = len(texts) * args.repeat
    chars = sum(len(t) for t in texts) / max(1, len(texts))
    print(f"{len(texts)} articles (mean {chars:.0f} chars), {n / seconds:,.0f} articles/s on one core")
    print(f"passed: {sum(flags)} of {len(texts)} ({sum(flags) / max(1, len(texts)):.0%})")
    if gold is not None:
        tp = sum(f and g for f, g in zip(flags, gold, strict=True))
        prec = tp / max(1, sum(flags))
        rec = tp / max(1, sum(gold))
        print(f"relevance vs gold: precision {prec:.3f} recall {rec:.3f} ({sum(gold)} relevant articles)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
