"""Place precision on the hand-labelled candidates (scripts/data/event_labels.jsonl), not the dev set.

Each label says whether the candidate's resolved place was right (`place_ok`; only events were judged, so candidates labelled "no" form a third group). This script re-reads
the labelled articles from /work/shared/data, re-runs the pipeline with a recording event filter,
finds each candidate again by its offsets and records the place it resolves to now.

    # 1. snapshot of the current resolution (kept outside the repository: it quotes place names)
    python scripts/place_precision.py --save ../scratch/places_before.json
    # 2. after a change: same place / no place / different place, split by place_ok
    python scripts/place_precision.py --compare ../scratch/places_before.json [--list]

`--docs FILE` caches the documents after the stages before `places` (text, NER, dates) as a pickle
outside the repository, so that reruns only repeat places, actors and events (and so that edits to
the NER in the meantime do not blur the comparison).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from label_candidates import LABELS, load_articles, recording_pipeline, sha1

from rasid.doc import Doc
from rasid.model import Article


def _upstream_docs(pipe, ids: set[str], cache: Path | None) -> dict[str, Doc]:
    """Docs of the labelled articles after the stages that come before `places`."""
    if cache and cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    articles = load_articles(ids)
    docs: dict[str, Doc] = {}
    first = pipe.names.index("rasid.places.stage:PlaceStage")
    for aid in sorted(ids):
        if aid not in articles:
            continue
        _corpus, published, _title, text = articles[aid]
        doc = Doc(Article.from_dict({"id": aid, "text": text, "published": published}))
        for stage in pipe.stages[:first]:
            doc = stage(doc)
        docs[aid] = doc
    if cache:
        with open(cache, "wb") as f:
            pickle.dump(docs, f)
    return docs


def current_places(cache: Path | None) -> dict[str, dict]:
    """Candidate key -> {place_ok, label, place (name, country, id) or None, text} for candidates found again."""
    with open(LABELS, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    pipe, recorder = recording_pipeline()
    docs = _upstream_docs(pipe, {r["article_id"] for r in labels}, cache)
    first = pipe.names.index("rasid.places.stage:PlaceStage")
    by_article: dict[str, list[dict]] = {}
    for r in labels:
        by_article.setdefault(r["article_id"], []).append(r)
    out: dict[str, dict] = {}
    missing = 0
    for aid, rows in by_article.items():
        if aid not in docs:
            missing += len(rows)
            continue
        doc = docs[aid]
        doc.places, doc.actors, doc.events = [], [], []
        recorder.seen.clear()
        for stage in pipe.stages[first:]:
            doc = stage(doc)
        found = {}
        for d, s, trig, ev in recorder.seen:
            found[(s.start, s.end, d.tokens[trig.tok_start].start, ev.sub_event_type)] = ev
        for r in rows:
            if sha1(doc.text[r["sent_start"] : r["sent_end"]]) != r["sent_sha1"]:
                raise SystemExit(f"{aid}: the sentence text changed (sha1 mismatch)")
            ev = found.get((r["sent_start"], r["sent_end"], r["trig_start"], r["sub_event_type"]))
            if ev is None:
                missing += 1
                continue
            loc = ev.location
            span = ev.spans.get("location")
            place = None
            if loc is not None and loc.lat is not None:
                place = [loc.name, loc.country, loc.geonameid, round(loc.lat, 3), round(loc.lon or 0, 3)]
            key = f"{aid}:{r['trig_start']}:{r['sub_event_type']}"
            out[key] = {
                "place_ok": r.get("place_ok", True),
                "label": r["label"],
                "place": place,
                "text": span.text if span else None,
            }
    print(f"{len(out)} labelled candidates found again, {missing} not", file=sys.stderr)
    return out


# The labellers judged the place of events only: non-events keep the default place_ok=true.
GROUPS = ("wrong", "right", "no-event")


def group(c: dict) -> str:
    """wrong: place_ok=false; right: an event whose place was marked right; no-event: not judged."""
    if not c["place_ok"]:
        return "wrong"
    return "right" if c["label"] == "event" else "no-event"


def _same(a: list | None, b: list | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a[2] and a[2] == b[2]) or (abs(a[3] - b[3]) < 0.05 and abs(a[4] - b[4]) < 0.05)


def compare(before: dict[str, dict], now: dict[str, dict], show: bool) -> None:
    table: Counter[tuple[str, str]] = Counter()
    changes: list[str] = []
    for key, b in before.items():
        b = dict(b, place_ok=group(b))
        n = now.get(key)
        if n is None:
            table[(b["place_ok"], "no place (dropped)")] += 1
            if show:
                changes.append(
                    f"  {b['place_ok']:9} dropped (no place) {b['text']} -> {b['place'] and b['place'][:2]}"
                )
            continue
        if _same(b["place"], n["place"]):
            what = "same" if b["place"] else "none before, none now"
        elif b["place"] is None:
            what = "new place"
        elif n["place"] is None:
            what = "no place now"
        else:
            what = "different place"
        table[(b["place_ok"], what)] += 1
        if show and what not in ("same", "none before, none now"):
            changes.append(
                f"  {b['place_ok']:9} {what:15} {b['text']} -> {b['place'] and b['place'][:2]}"
                f"  ==>  {n['text']} -> {n['place'] and n['place'][:2]}"
            )
    for ok in GROUPS:
        total = sum(v for (o, _), v in table.items() if o == ok)
        print(f"{ok} ({total} candidates)")
        for (o, what), v in sorted(table.items(), key=lambda kv: -kv[1]):
            if o == ok:
                print(f"  {what:22} {v:5}  {v / max(total, 1):6.1%}")
    if changes:
        print("changes:")
        print("\n".join(sorted(changes)))


def summary(now: dict[str, dict], show: bool) -> None:
    for ok in GROUPS:
        rows = [v for v in now.values() if group(v) == ok]
        with_place = sum(1 for v in rows if v["place"])
        print(f"{ok}: {len(rows)} candidates, {with_place} with a place")
        if show and ok == "wrong":
            for v in rows:
                if v["place"]:
                    print(f"    {v['text']} -> {v['place'][:2]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", type=Path, help="write the current resolution here (outside the repo)")
    ap.add_argument("--compare", type=Path, help="a snapshot written by --save")
    ap.add_argument("--docs", type=Path, help="pickle cache of the upstream docs (outside the repo)")
    ap.add_argument("--list", action="store_true", help="list the changed candidates")
    args = ap.parse_args()
    now = current_places(args.docs)
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
    if args.compare:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), now, args.list)
    else:
        summary(now, args.list)


if __name__ == "__main__":
    main()
