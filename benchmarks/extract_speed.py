"""Extraction speed and memory over a JSONL file of articles.

    python benchmarks/extract_speed.py ../shared/eval/dev.jsonl
    python benchmarks/extract_speed.py ../shared/data/news/saudinewsnet/saudinewsnet_2015.jsonl.gz --limit 2000

Reports articles/s and tokens/s for the full pipeline, and for the text stage alone as the baseline
measured in the same run (the ratio says what the later stages cost), plus peak RSS.
The first pass over the articles runs with cold per-word caches (gazetteer, lexicons, NER rows), as a
short job does; the steady state of a long run is the median (and best) of --repeat warm passes,
timed in CPU seconds of this process so that other load on the machine counts less. Passes run in
batches (Pipeline.pipe), as `rasid extract`, `rasid eval` and the batch runner do; the median of as many
passes calling the pipeline on one article at a time is reported beside them.
Accepts GUIDELINES articles (id, text, published) and the news corpora's fields (content, date_extracted,
docno, time).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from email.utils import parsedate_to_datetime

from rasid.model import Article
from rasid.pipeline import Pipeline


def load(path: str, limit: int) -> list[Article]:
    opener = gzip.open if path.endswith(".gz") else open
    articles: list[Article] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if len(articles) >= limit:
                break
            obj = json.loads(line)
            text = obj.get("text") or obj.get("content") or ""
            if not text.strip():
                continue
            published = obj.get("published") or (obj.get("date_extracted") or "")[:10] or None
            if not published and obj.get("time"):
                published = parsedate_to_datetime(obj["time"]).date().isoformat()
            articles.append(
                Article.from_dict(
                    {"id": obj.get("id") or obj.get("docno") or str(i), "text": text, "published": published}
                )
            )
    return articles


def run(
    pipeline: Pipeline, articles: list[Article], cpu: bool = False, one_by_one: bool = False
) -> tuple[float, int, int]:
    """Seconds, tokens and events of one pass: in batches (Pipeline.pipe, as the CLI and the batch
    runner go) or calling the pipeline on each article."""
    clock = time.process_time if cpu else time.perf_counter
    start = clock()
    tokens = events = 0
    docs = (pipeline(a) for a in articles) if one_by_one else pipeline.pipe(articles)
    for doc in docs:
        tokens += len(doc.tokens)
        events += len(doc.events)
    return clock() - start, tokens, events


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5, help="warm passes after the first (0: none)")
    args = parser.parse_args()
    articles = load(args.path, args.limit)
    t0 = time.perf_counter()
    full = Pipeline()
    load_s = time.perf_counter() - t0
    base = Pipeline(stages=("rasid.text.stage:TextStage",))
    run(full, articles[:5])  # warm caches
    base_s, tokens, _ = run(base, articles)
    full_s, _, events = run(full, articles)
    warm = sorted(run(full, articles, cpu=True)[0] for _ in range(args.repeat))
    single = sorted(run(full, articles, cpu=True, one_by_one=True)[0] for _ in range(args.repeat))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    report = {
        "articles": n,
        "tokens": tokens,
        "events": events,
        "pipeline_load_s": round(load_s, 3),
        "text_stage_articles_per_s": round(n / base_s, 1),
        "full_articles_per_s": round(n / full_s, 1),
        "full_tokens_per_s": round(tokens / full_s),
        "full_over_text_time_ratio": round(full_s / base_s, 2),
        "warm_passes": len(warm),
        "warm_articles_per_cpu_s_median": round(n / warm[len(warm) // 2], 1) if warm else None,
        "warm_articles_per_cpu_s_best": round(n / warm[0], 1) if warm else None,
        "one_by_one_articles_per_cpu_s_median": round(n / single[len(single) // 2], 1) if single else None,
        "peak_rss_mb": round(rss_mb, 1),
    }
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
