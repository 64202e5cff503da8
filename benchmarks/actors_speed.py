"""Actor stage speed (articles/s, and its cost relative to the text stage) and gold actor coverage.

    .venv/bin/python benchmarks/actors_speed.py ../shared/data/news/saudinewsnet/saudinewsnet_2015.jsonl.gz --limit 2000
    .venv/bin/python benchmarks/actors_speed.py ../shared/eval/dev.jsonl --coverage

--coverage (gold files): share of gold actors with an Arabic name whose words hold an actor mention,
and share of those whose inter code, resolved for the event's country, equals the gold one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time

from rasid.actors import find_actors, lexicon, resolve_inter
from rasid.doc import Doc
from rasid.model import Article
from rasid.text.stage import TextStage


def load(path: str, limit: int) -> list[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            row["text"] = row.get("text") or row.get("content") or ""
            rows.append(row)
            if len(rows) >= limit:
                break
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--coverage", action="store_true")
    args = ap.parse_args()
    rows = load(args.path, args.limit)
    text_stage = TextStage()
    lexicon()  # loaded once, outside the timing

    t0 = time.perf_counter()
    docs = [text_stage(Doc(Article(str(i), r["text"]))) for i, r in enumerate(rows)]
    t_text = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = [find_actors(d.text, d.tokens) for d in docs]
    t_actors = time.perf_counter() - t0
    n_tokens = sum(len(d.tokens) for d in docs)
    n_mentions = sum(len(f) for f in found)
    print(f"{len(docs)} articles, {n_tokens} tokens, {n_mentions} actor mentions")
    print(f"text stage:  {len(docs) / t_text:8.1f} articles/s")
    print(f"actor stage: {len(docs) / t_actors:8.1f} articles/s ({n_tokens / t_actors:,.0f} tokens/s)")
    print(f"actor stage time / text stage time: {t_actors / t_text:.2f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if args.coverage:
        total = covered = same_inter = 0
        for row, doc, mentions in zip(rows, docs, found, strict=True):
            for event in row.get("events", []):
                country = (event.get("location") or {}).get("country")
                for side in ("actor1", "actor2"):
                    gold = event.get(side)
                    if not gold or not gold.get("name_ar"):
                        continue
                    pos = doc.text.find(gold["name_ar"])
                    if pos < 0:
                        continue
                    total += 1
                    end = pos + len(gold["name_ar"])
                    hits = [m for m in mentions if m.start < end and pos < m.end]
                    if hits:
                        covered += 1
                        same_inter += resolve_inter(hits[0], country).inter == gold["inter"]
        print(f"gold actors quoted in the text: {total}; with a mention: {covered} ({covered / total:.0%});")
        print(f"  inter equal to gold (event country): {same_inter} ({same_inter / total:.0%})")


if __name__ == "__main__":
    main()
