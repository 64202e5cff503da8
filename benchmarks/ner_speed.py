"""NER speed on one core: model load time, and tokens/s of EntityStage (features + model + mentions).

    .venv/bin/python benchmarks/ner_speed.py [--articles 2000] [--backend crf|neural]

Input: news articles from /work/shared/data (read at run time, nothing copied), run through the
text stage first; only the entity stage is timed. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

from rasid.doc import Doc
from rasid.model import Article
from rasid.text.stage import TextStage

NEWS = Path("/work/shared/data/news/ant_multisource_v2.1/ant_v2.1_middleEast_internationalNews.jsonl.gz")
FALLBACK = "قال وزير الخارجية الأردني أيمن الصفدي في عمان إن الأمم المتحدة سترسل مساعدات إلى غزة. " * 40


def load_articles(n: int) -> list[Article]:
    if not NEWS.exists():
        return [Article(id=str(i), text=FALLBACK) for i in range(n)]
    out: list[Article] = []
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text"):
                out.append(Article(id=rec["docno"], text=rec["text"]))
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--backend", default=None)
    args = ap.parse_args()

    docs = [TextStage()(Doc(a)) for a in load_articles(args.articles)]
    n_tokens = sum(len(d.tokens) for d in docs)

    from rasid.entities.stage import EntityStage
    from rasid.entities.tagger import get_tagger

    t0, cpu0 = time.perf_counter(), time.process_time()
    get_tagger(args.backend)  # model, clusters and gazetteer
    load_s, load_cpu_s = time.perf_counter() - t0, time.process_time() - cpu0

    stage = EntityStage(args.backend)
    t0, cpu0 = time.perf_counter(), time.process_time()
    n_entities = sum(len(stage(d).entities) for d in docs)
    tag_s = time.perf_counter() - t0
    cpu_s = time.process_time() - cpu0  # CPU time of this process: fair on a shared machine
    print(
        json.dumps(
            {
                "backend": args.backend or "default",
                "articles": len(docs),
                "tokens": n_tokens,
                "entities": n_entities,
                "load_s": round(load_s, 3),
                "load_cpu_s": round(load_cpu_s, 3),
                "tokens_per_s": round(n_tokens / tag_s),
                "tokens_per_cpu_s": round(n_tokens / cpu_s),
                "articles_per_s": round(len(docs) / tag_s, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


if __name__ == "__main__":
    main()
