"""Collect candidate events from the news corpora for hand labelling (the event filter's training data).

    python scripts/label_candidates.py collect --out ../scratch/cands.jsonl   # runs the pipeline, no filter
    python scripts/label_candidates.py show ../scratch/cands.jsonl --start 0 --n 100   # text to read
    python scripts/label_candidates.py merge ../scratch/cands.jsonl ../scratch/labels.txt

`collect` samples articles (the conflict keyword index, plus a share of random articles; never the dev
set's articles), runs the default pipeline with the event filter disabled and records every candidate
the stage's rules produce (before the per-article merge); `--uncertain 0.25 0.75` keeps only those
the current filter is least sure about. The candidates file holds article text and
stays outside the repository. `merge` joins hand labels (`index label [sub-type code] [bad_place]` per
line) and writes `scripts/data/event_labels.jsonl` WITHOUT any article text: corpus, article id,
sentence offsets, the sentence's sha1, the trigger's offsets, the candidate's sub-type and the label.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

from rasid.doc import Doc
from rasid.events.classifier import load_classifier
from rasid.events.stage import EventStage
from rasid.events.triggers import Trigger
from rasid.model import Article, Event
from rasid.pipeline import STAGES, Pipeline
from rasid.resources import atomic_write_bytes
from rasid.text import Sentence

DATA = Path("/work/shared/data/news")
ANT = DATA / "ant_multisource_v2.1/ant_v2.1_middleEast_internationalNews.jsonl.gz"
SNN = DATA / "saudinewsnet/saudinewsnet_2015.jsonl.gz"
INDEX = DATA / "conflict_keyword_index.tsv.gz"
DEV = Path("/work/shared/eval/dev.jsonl")
LABELS = Path(__file__).parent / "data/event_labels.jsonl"
ARTICLE_LABELS = Path(__file__).parent / "data/article_labels.jsonl"
NEWS_GOLD = Path(__file__).parent / "data/news_gold.jsonl"

SUB_CODES = {
    "air": "Air/drone strike",
    "shell": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "sui": "Suicide bomb",
    "gren": "Grenade",
    "chem": "Chemical weapon",
    "clash": "Armed clash",
    "gov": "Government regains territory",
    "nsa": "Non-state actor overtakes territory",
    "att": "Attack",
    "abd": "Abduction/forced disappearance",
    "sex": "Sexual violence",
    "prot": "Peaceful protest",
    "pint": "Protest with intervention",
    "exc": "Excessive force against protesters",
    "viol": "Violent demonstration",
    "mob": "Mob violence",
    "agr": "Agreement",
    "arr": "Arrests",
    "chg": "Change to group/activity",
    "dis": "Disrupted weapons use",
    "hq": "Headquarters or base established",
    "loot": "Looting/property destruction",
    "transfer": "Non-violent transfer of territory",
    "other": "Other",
}


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: str | Path, rows: list[dict]) -> None:
    """One JSON object per line, written atomically (a crash leaves the old file)."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    atomic_write_bytes(Path(path), text.encode("utf-8"))


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text)[:120]


def dev_keys() -> tuple[set[str], set[str]]:
    """The dev set's article ids and text prefixes: never sampled for training."""
    ids, prefixes = set(), set()
    with open(DEV, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            ids.add(obj["id"])
            prefixes.add(_key(obj["text"]))
    return ids, prefixes


def iter_corpora() -> Iterator[tuple[str, str, str | None, str, str]]:
    """(corpus, article id as in the eval files, published ISO date, title, text) of both corpora."""
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            published = parsedate_to_datetime(obj["time"]).date().isoformat() if obj.get("time") else None
            yield "ant", f"ant-{obj['docno']}", published, obj.get("title") or "", obj.get("text") or ""
    with gzip.open(SNN, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            obj = json.loads(line)
            published = (obj.get("date_extracted") or "")[:10] or None
            yield "snn", f"snn-{i}", published, obj.get("title") or "", obj.get("content") or ""


def index_ids() -> dict[str, int]:
    """Article id -> number of attack terms, from the conflict keyword index."""
    urls: dict[str, int] = {}
    with gzip.open(INDEX, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            corpus, aid, _date, n_attack, *_ = line.rstrip("\n").split("\t")
            key = f"ant-{aid}" if corpus.startswith("ant") else f"url:{aid}"
            urls[key] = int(n_attack)
    return urls


def load_articles(ids: set[str]) -> dict[str, tuple[str, str | None, str, str]]:
    """id -> (corpus, published, title, text) for the wanted ids."""
    out = {}
    for corpus, aid, published, title, text in iter_corpora():
        if aid in ids:
            out[aid] = (corpus, published, title, text)
    return out


class Recorder:
    """Stands in for the filter: keeps every candidate and remembers it."""

    def __init__(self) -> None:
        self.seen: list[tuple[Doc, Sentence, Trigger, Event]] = []

    def keep(self, doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> bool:
        self.seen.append(
            (doc, sentence, Trigger(**{k: getattr(trigger, k) for k in Trigger.__slots__}), event)
        )
        return True


def recording_pipeline() -> tuple[Pipeline, Recorder]:
    """The default stages with an event stage whose filter records every candidate."""
    pipe = Pipeline(STAGES, exclude=("events",))
    stage = EventStage(use_classifier=False)
    recorder = Recorder()
    stage.classifier = recorder
    pipe.stages.append(stage)
    return pipe, recorder


def candidate_record(doc: Doc, s: Sentence, trig: Trigger, ev: Event, corpus: str) -> dict:
    text = doc.text
    t0, t1 = doc.tokens[trig.tok_start].start, doc.tokens[trig.tok_end - 1].end
    loc = ev.spans.get("location")
    date = ev.spans.get("date")
    return {
        "corpus": corpus,
        "article_id": doc.article.id,
        "sent_start": s.start,
        "sent_end": s.end,
        "sent_sha1": sha1(text[s.start : s.end]),
        "trig_start": t0,
        "trig_end": t1,
        "sub_event_type": ev.sub_event_type,
        "strong": trig.strong,
        "date": ev.date.isoformat() if ev.date else None,
        "place": ev.location.name if ev.location else None,
        "place_ar": loc.text if loc else None,
        "place_in_sentence": bool(loc and s.start <= loc.start < s.end),
        "date_text": date.text if date else None,
        "fatalities": ev.fatalities,
        "injured": ev.injured,
    }


def collect(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    dev_ids, dev_prefixes = dev_keys()
    done = {r["article_id"] for r in _read_jsonl(LABELS)}  # a new batch samples new articles
    done |= {r["id"] for r in _read_jsonl(NEWS_GOLD)}  # the news gold is for measuring, never for training
    attack = index_ids()
    pool_index, pool_random = [], []
    for corpus, aid, published, title, text in iter_corpora():
        if aid in dev_ids or aid in done or not text.strip() or _key(text) in dev_prefixes:
            continue
        n = attack.get(aid, 0)
        if corpus == "snn":
            n = sum(text.count(w) for w in ("قصف", "انفجار", "هجوم", "اشتباك", "غارة", "مقتل", "مظاهرة"))
        (pool_index if n > 0 else pool_random).append((corpus, aid, published, title, text, n))
    rng.shuffle(pool_index)
    rng.shuffle(pool_random)
    chosen = pool_index[: args.n_index] + pool_random[: args.n_random]
    pipe, recorder = recording_pipeline()
    model = load_classifier() if args.uncertain else None
    articles_out, cands_out = [], []
    for corpus, aid, published, title, text, n in chosen:
        recorder.seen.clear()
        pipe(Article.from_dict({"id": aid, "text": text, "published": published}))
        seen = recorder.seen
        n_all = len(seen)  # every candidate, before the uncertainty sampling
        if model is not None:  # only the candidates the filter is least sure about
            lo, hi = args.uncertain
            seen = [(d, s, t, e) for d, s, t, e in seen if lo <= model.score(d, s, t, e) <= hi]
        cands = [candidate_record(d, s, t, e, corpus) for d, s, t, e in seen]
        if model is not None:
            for c in cands:
                c["sampled"] = "uncertain"  # kept apart when the filter is scored on the natural sample
        articles_out.append(
            {
                "corpus": corpus,
                "article_id": aid,
                "n_keywords": n,
                "n_candidates": len(cands),
                "n_all_candidates": n_all,
            }
        )
        rng.shuffle(cands)
        for c in cands[: args.per_article]:
            c["title"] = title
            c["sentence"] = text[c["sent_start"] : c["sent_end"]]
            c["n_article_candidates"] = len(cands)
            cands_out.append(c)
    rng.shuffle(cands_out)
    write_jsonl(args.out, cands_out)
    write_jsonl(args.out.replace(".jsonl", "_articles.jsonl"), articles_out)
    print(f"{len(chosen)} articles, {len(cands_out)} candidates -> {args.out}")


def show(args: argparse.Namespace) -> None:
    with open(args.cands, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for i in range(args.start, min(len(rows), args.start + args.n)):
        c = rows[i]
        s = c["sentence"]
        t0 = c["trig_start"] - c["sent_start"]
        t1 = c["trig_end"] - c["sent_start"]
        marked = s[:t0] + "[[" + s[t0:t1] + "]]" + s[t1:]
        if len(marked) > args.width:
            lo = max(0, t0 - args.width // 2)
            marked = "…" + marked[lo : lo + args.width] + "…"
        place = c["place_ar"] + ("" if c["place_in_sentence"] else "(ctx)") if c["place_ar"] else None
        print(f"#{i} {c['sub_event_type']} | {place}->{c['place']} | {c['date_text']} k={c['fatalities']}")
        print("  " + " ".join(marked.split()))


def merge(args: argparse.Namespace) -> None:
    rows = _read_jsonl(Path(args.cands))
    labels = {}
    for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if not parts:
            continue
        idx, label, rest = int(parts[0]), parts[1], parts[2:]
        labels[idx] = (label, rest)
    out = []
    for idx, (label, rest) in sorted(labels.items()):
        c = rows[idx]
        correct = next((SUB_CODES[r] for r in rest if r in SUB_CODES), None)
        if label not in ("e", "n"):
            raise SystemExit(f"line {idx}: label must be e or n, not {label}")
        out.append(
            {
                k: c[k]
                for k in (
                    "corpus",
                    "article_id",
                    "sent_start",
                    "sent_end",
                    "sent_sha1",
                    "trig_start",
                    "trig_end",
                    "sub_event_type",
                )
            }
            | {
                "label": "event" if label == "e" else "no",
                "correct_sub_event_type": (correct or c["sub_event_type"]) if label == "e" else None,
                "place_ok": "badplace" not in rest,
            }
            | ({"sampled": c["sampled"]} if c.get("sampled") else {})
        )
    # Earlier batches stay; a candidate labelled again takes its new label.
    fresh = {(r["article_id"], r["trig_start"]) for r in out}
    kept = [r for r in _read_jsonl(LABELS) if (r["article_id"], r["trig_start"]) not in fresh]
    out = kept + out
    write_jsonl(LABELS, out)
    print(f"{len(out)} labels ({len(fresh)} from this batch) -> {LABELS}")
    # Article labels: an article reports an event when one of its labelled candidates is one.
    articles = _read_jsonl(Path(args.cands.replace(".jsonl", "_articles.jsonl")))
    if any(c.get("sampled") for c in rows) and any("n_all_candidates" not in a for a in articles):
        # a batch collected before every candidate was counted: its shown candidates say too little
        print("article labels left as they are (the batch does not count every candidate)")
        return
    by_article: dict[str, list[str]] = {}
    for r in out:
        by_article.setdefault(r["article_id"], []).append(r["label"])
    labelled = []
    for a in articles:
        got = by_article.get(a["article_id"])
        # With uncertainty sampling only some candidates were shown: the article's own count decides.
        n_all = a.get("n_all_candidates", a["n_candidates"])
        if n_all == 0:
            relevant = False
        elif got is None:
            continue  # candidates never labelled: unknown
        elif "event" in got:
            relevant = True
        elif len(got) >= n_all:
            relevant = False
        else:
            continue  # some candidates unlabelled and none of the labelled ones an event: unknown
        labelled.append({"corpus": a["corpus"], "article_id": a["article_id"], "relevant": relevant})
    fresh_articles = {r["article_id"] for r in labelled}
    labelled = [r for r in _read_jsonl(ARTICLE_LABELS) if r["article_id"] not in fresh_articles] + labelled
    write_jsonl(ARTICLE_LABELS, labelled)
    print(f"{len(labelled)} article labels -> {ARTICLE_LABELS}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", required=True)
    c.add_argument("--n-index", type=int, default=420)
    c.add_argument("--n-random", type=int, default=380)
    c.add_argument("--per-article", type=int, default=3)
    c.add_argument("--seed", type=int, default=7)
    c.add_argument(
        "--uncertain",
        type=float,
        nargs=2,
        metavar=("LO", "HI"),
        help="keep only candidates the current filter scores between LO and HI (active learning)",
    )
    s = sub.add_parser("show")
    s.add_argument("cands")
    s.add_argument("--start", type=int, default=0)
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--width", type=int, default=360)
    m = sub.add_parser("merge")
    m.add_argument("cands")
    m.add_argument("labels")
    args = ap.parse_args()
    {"collect": collect, "show": show, "merge": merge}[args.cmd](args)


if __name__ == "__main__":
    main()
