"""Hand labels for the actors of events, and the interaction accuracy of the actor rules on them.

    python scripts/label_actors.py collect --out ../scratch/actors.jsonl --n 900   # events to label
    python scripts/label_actors.py show ../scratch/actors.jsonl --start 0 --n 40     # text to read
    python scripts/label_actors.py merge ../scratch/actors.jsonl ../scratch/actor_labels.txt
    python scripts/label_actors.py report                 # interaction accuracy of today's pipeline

`collect` samples candidates already labelled as events (`scripts/data/event_labels.jsonl`, from the
news corpora, never the dev set) and writes their sentence with its context (title, lead, the
sentence before) to a file that stays outside the repository. Labellers give the two sides' ACLED
inter codes (`INDEX A B`, `-` for no second side, `?` to skip), optionally `| short English names`.
`merge` writes `scripts/data/actor_labels.jsonl` WITHOUT any article text: article id, trigger offset,
sentence sha1, the inter codes and the interaction code. `report` runs the pipeline (filter off) over
the labelled articles and scores the interaction of the candidate at each labelled trigger, with the
confusion of gold and predicted codes: the check for a change to the actor rules beyond the dev set.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from label_candidates import LABELS, _read_jsonl, load_articles, recording_pipeline, sha1, write_jsonl

from rasid.model import Article, interaction_code

ACTOR_LABELS = Path(__file__).parent / "data/actor_labels.jsonl"
INTER = {str(i) for i in range(1, 9)}


def _candidates(ids: set[str]) -> dict[tuple[str, int], tuple]:
    """(article id, trigger start) -> (doc, sentence, event) of every candidate in those articles."""
    articles = load_articles(ids)
    pipe, recorder = recording_pipeline()
    found = {}
    for aid, (_corpus, published, _title, text) in articles.items():
        recorder.seen.clear()
        pipe(Article.from_dict({"id": aid, "text": text, "published": published}))
        for doc, s, trig, ev in recorder.seen:
            found[(aid, doc.tokens[trig.tok_start].start)] = (doc, s, ev, articles[aid])
    return found


def _side(actor) -> str:
    return f"{actor.name} [{actor.inter}]" if actor is not None else "-"


def collect(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    done = {(r["article_id"], r["trig_start"]) for r in _read_jsonl(ACTOR_LABELS)}
    events = [
        r
        for r in _read_jsonl(LABELS)
        if r["label"] == "event" and (r["article_id"], r["trig_start"]) not in done
    ]
    rng.shuffle(events)
    per_article: Counter[str] = Counter()
    chosen = []
    for r in events:
        if per_article[r["article_id"]] < args.per_article:
            per_article[r["article_id"]] += 1
            chosen.append(r)
        if len(chosen) == args.n:
            break
    found = _candidates({r["article_id"] for r in chosen})
    out = []
    for r in chosen:
        hit = found.get((r["article_id"], r["trig_start"]))
        if hit is None:
            continue  # the trigger moved since it was labelled
        doc, s, ev, (_corpus, _published, title, text) = hit
        before = doc.sentences[s.i - 1] if s.i > 0 else None
        lead = doc.sentences[0]
        out.append(
            {
                "article_id": r["article_id"],
                "trig_start": r["trig_start"],
                "trig_end": r["trig_end"],
                "sent_start": s.start,
                "sent_sha1": sha1(text[s.start : s.end]),
                "sub_event_type": r["correct_sub_event_type"],
                "title": title,
                "lead": text[lead.start : lead.end] if lead.i < s.i - 1 else "",
                "before": text[before.start : before.end] if before else "",
                "sentence": text[s.start : s.end],
                "predicted": [_side(ev.actor1), _side(ev.actor2)],
            }
        )
    rng.shuffle(out)
    write_jsonl(args.out, out)
    print(f"{len(out)} events from {len({c['article_id'] for c in out})} articles -> {args.out}")


def show(args: argparse.Namespace) -> None:
    rows = _read_jsonl(Path(args.cands))
    for i in range(args.start, min(len(rows), args.start + args.n)):
        c = rows[i]
        t0, t1 = c["trig_start"] - c["sent_start"], c["trig_end"] - c["sent_start"]
        s = c["sentence"]
        marked = " ".join((s[:t0] + "[[" + s[t0:t1] + "]]" + s[t1:]).split())
        print(f"#{i} {c['sub_event_type']}")
        print(f"  title: {' '.join(c['title'].split())[:200]}")
        if c["lead"]:
            print(f"  lead: {' '.join(c['lead'].split())[:300]}")
        if c["before"]:
            print(f"  before: {' '.join(c['before'].split())[-300:]}")
        print(f"  >> {marked[: args.width]}")


def _parse(line: str) -> tuple[int, str, str, str] | None:
    body = line.split("#")[0]
    codes, _, names = body.partition("|")
    parts = codes.split()
    if not parts:
        return None
    if len(parts) == 2 and parts[1] == "?":
        return None
    if len(parts) != 3 or parts[1] not in INTER or not (parts[2] in INTER or parts[2] == "-"):
        raise SystemExit(f"bad label line: {line!r} (want INDEX A B, B may be '-')")
    return int(parts[0]), parts[1], parts[2], names.strip()


def merge(args: argparse.Namespace) -> None:
    target = Path(args.labels_file)
    rows = _read_jsonl(Path(args.cands))
    out = []
    for line in Path(args.labels).read_text(encoding="utf-8").splitlines():
        parsed = _parse(line)
        if parsed is None:
            continue
        idx, a, b, names = parsed
        c = rows[idx]
        codes = sorted(int(x) for x in (a, b) if x != "-")
        out.append(
            {
                "article_id": c["article_id"],
                "trig_start": c["trig_start"],
                "sent_sha1": c["sent_sha1"],
                "sub_event_type": c["sub_event_type"],
                "inter1": int(a),
                "inter2": None if b == "-" else int(b),
                "interaction": f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}",
                "names": names,
            }
        )
    fresh = {(r["article_id"], r["trig_start"]) for r in out}
    kept = [r for r in _read_jsonl(target) if (r["article_id"], r["trig_start"]) not in fresh]
    write_jsonl(target, kept + out)
    print(f"{len(kept) + len(out)} actor labels ({len(out)} from this batch) -> {target}")


def report(args: argparse.Namespace) -> None:
    labels = _read_jsonl(Path(args.labels_file))
    found = _candidates({r["article_id"] for r in labels})
    right = scored = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    for r in labels:
        hit = found.get((r["article_id"], r["trig_start"]))
        if hit is None:
            continue
        doc, s, ev, _ = hit
        pred = interaction_code(ev.actor1, ev.actor2) or "-"
        scored += 1
        if pred == r["interaction"]:
            right += 1
        else:
            confusion[(r["interaction"], pred)] += 1
            errors.append((r, ev, doc.text[s.start : s.end]))
    print(f"interaction accuracy {right}/{scored} = {right / max(scored, 1):.3f} ({len(labels)} labels)")
    for (gold, pred), n in confusion.most_common(args.top):
        print(f"  gold {gold:>3} predicted {pred:>3}: {n}")
    if args.errors:
        for r, ev, sentence in errors[: args.errors]:
            print(f"\n{r['article_id']} {r['sub_event_type']}: gold {r['interaction']} ({r['names']})")
            print(f"  predicted {_side(ev.actor1)} / {_side(ev.actor2)}")
            print("  " + " ".join(sentence.split())[:400])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", required=True)
    c.add_argument("--n", type=int, default=900)
    c.add_argument("--per-article", type=int, default=2)
    c.add_argument("--seed", type=int, default=11)
    s = sub.add_parser("show")
    s.add_argument("cands")
    s.add_argument("--start", type=int, default=0)
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--width", type=int, default=600)
    m = sub.add_parser("merge")
    m.add_argument("cands")
    m.add_argument("labels")
    m.add_argument("--labels-file", default=str(ACTOR_LABELS), help="the labels file to add to")
    r = sub.add_parser("report")
    r.add_argument("--labels-file", default=str(ACTOR_LABELS))
    r.add_argument("--top", type=int, default=20)
    r.add_argument("--errors", type=int, default=0, help="print this many wrong events")
    args = ap.parse_args()
    {"collect": collect, "show": show, "merge": merge, "report": report}[args.cmd](args)


if __name__ == "__main__":
    main()
