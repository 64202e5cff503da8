"""A second gold set, off dev: news articles annotated by hand with their full events (GUIDELINES.md).

    python scripts/news_gold.py sample --seed 20261129 --counts 30,12,10,8 --batches 5 --first 1 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 777 --counts 18,8,6,4 --batches 3 --first 6 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 4242 --counts 30,12,10,8 --batches 5 --first 9 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 9090 --counts 30,12,10,8 --batches 5 --first 14 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 31337 --counts 30,12,10,8 --batches 5 --first 19 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 112926 --counts 36,14,12,10 --batches 6 --first 29 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 1129262 --counts 24,10,8,6 --batches 4 --first 35 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 11292626 --counts 36,14,12,10 --batches 6 --first 39 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112026 --counts 36,14,12,10 --batches 6 --first 45 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 6112926 --counts 36,14,12,10 --batches 6 --first 51 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 9112926 --counts 36,14,12,10 --batches 6 --first 57 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 2911208 --counts 36,14,12,10 --batches 6 --first 63 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112027 --counts 36,14,12,10 --batches 6 --first 69 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112028 --counts 36,14,12,10 --batches 6 --first 75 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112029 --counts 36,14,12,10 --batches 6 --first 81 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112030 --counts 36,14,12,10 --batches 6 --first 87 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112031 --counts 36,14,12,10 --batches 6 --first 93 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112032 --counts 36,14,12,10 --batches 6 --first 99 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112033 --counts 36,14,12,10 --batches 6 --first 105 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112034 --counts 36,14,12,10 --batches 6 --first 111 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112035 --counts 36,14,12,10 --batches 6 --first 117 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112036 --counts 36,14,12,10 --batches 6 --first 123 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112037 --counts 36,14,12,10 --batches 6 --first 129 --out ../scratch/ng
    python scripts/news_gold.py sample --seed 29112038 --counts 36,14,12,10 --batches 6 --first 135 --out ../scratch/ng
    python scripts/news_gold.py pack ../scratch/ng/gold*.jsonl    # annotations -> scripts/data/news_gold.jsonl (other batches kept)
    python scripts/news_gold.py build build/news_gold.jsonl [--batches 6,7,8 or 1-56]   # text joined back from the corpora
    rasid eval build/news_gold.jsonl                              # scored like dev
    python scripts/news_gold.py score [--sets held|read|all|h,i,u]  # F1 per named set, and together

Which batches were read: the errors of batches 1-5 and 9-13 (session 4) and of 6-8 and 14-38 (session 5)
were read while writing rules (29-38, set d, only after three scorings); batches 39-44 (set e) were
annotated late in session 5 and scored once, for the closing numbers, with the session-start code too;
batches 45-50 (set f) were annotated at the very end of session 5 and scored in session 6 only at its start
and end; batches 51-56 (set g) were annotated in session 6 and scored only at its end, and the errors of
set e were read in session 6; in session 7 the errors of sets f and g were read, and batches 57-62 (set h)
were annotated early and scored only twice, with the session-start and the session-end code; in session 8
batches 63-68 (set i) were annotated at the start and held out the same way; in session 9 batches
69-74 (set j) likewise; in session 10 batches 75-80 (set k) were annotated at the start and their errors
read (sets h, i and j stay held out), and batches 81-86 (set l) were annotated mid-session and held out;
in session 11 batches 87-92 (set m) were annotated at the start and 93-98 (set n) mid-session, each scored
once, then their errors read; batches 99-104 (set o) were annotated at its end and are held out;
in session 12 batches 105-110 (set p) were annotated at the start, scored once, then their errors read,
and batches 111-116 (set q) were annotated mid-session and are held out; in session 13 batches 117-122
(set r) were annotated at the start, scored once with the session-start code, then their errors read;
in session 14 batches 123-128 (set s) likewise, and batches 129-134 (set t) were annotated mid-session and
are held out; in session 15 batches 135-140 (set u) were annotated at the start and are held out.
A sample excludes the articles labelled for training at the time it was drawn, so a command redraws the
same articles only against the label files of that day: the ids in news_gold.jsonl are the record.

The articles were sampled from both news corpora by a fixed seed: never a dev article, never one
that the event filter, the triage or the actor rules were trained or tuned on (no article of
`event_labels`, `article_labels` or `actor_labels`). The committed file holds no article text: the
evidence and the Arabic names as written (`name_ar`) are kept as character offsets with the sha1 of
their words, every other field comes from a fixed list (the annotators' English notes included), and
`build` re-reads the text from /work/shared/data. `sample` writes article text: point --out outside
the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from label_candidates import (
    ARTICLE_LABELS,
    LABELS,
    _key,
    _read_jsonl,
    dev_keys,
    index_ids,
    iter_corpora,
    sha1,
    write_jsonl,
)

GOLD = Path(__file__).parent / "data/news_gold.jsonl"
# The named sets: their batches, and whether their errors were read while rules were written (the others are
# held out: scored only with a session's start and end code, never read).
SETS = {
    "a-g": ("1-56", True),
    "k": ("75-80", True),
    "m": ("87-92", True),
    "n": ("93-98", True),
    "p": ("105-110", True),
    "r": ("117-122", True),
    "s": ("123-128", True),
    "h": ("57-62", False),
    "i": ("63-68", False),
    "j": ("69-74", False),
    "l": ("81-86", False),
    "o": ("99-104", False),
    "q": ("111-116", False),
    "t": ("129-134", False),
    "u": ("135-140", False),
}
ACTOR_LABELS = Path(__file__).parent / "data/actor_labels.jsonl"


SOURCES = {"AL": "alarabiya", "BB": "bbc", "CN": "cnn", "FR": "france24", "SK": "skynews"}
_SNN_CUES = ("قتل", "هجوم", "قصف", "انفجار", "اشتباك", "تظاهر", "اعتقال")


def sample(args: argparse.Namespace) -> None:
    """Batches of articles to annotate (with text: they stay outside the repository).

    Four strata, in --counts order: ANT articles in the conflict keyword index, SaudiNewsNet articles
    with a conflict word, then the other articles of each corpus; 250-4,500 characters, dated.
    """
    out = Path(args.out)
    _outside_repo(out, allowed=None)
    used = {r["article_id"] for p in (LABELS, ARTICLE_LABELS, ACTOR_LABELS) for r in _read_jsonl(p)}
    if GOLD.exists():  # never an article already annotated (the batch files of earlier sessions may be gone)
        used |= {r["id"] for r in _read_jsonl(GOLD)}
    for batch in out.glob("batch*.jsonl"):
        used |= {r["id"] for r in _read_jsonl(batch)}
    dev_ids, dev_prefixes = dev_keys()
    flags = index_ids()
    strata: list[list[tuple]] = [[], [], [], []]
    for corpus, aid, pub, title, text in iter_corpora():
        if aid in used or aid in dev_ids or _key(text) in dev_prefixes or not pub:
            continue
        if not 250 <= len(text) <= 4500:
            continue
        conflict = flags.get(aid, 0) >= 1 if corpus == "ant" else any(w in text for w in _SNN_CUES)
        strata[(0 if conflict else 2) + (corpus == "snn")].append((corpus, aid, pub, title, text))
    rng = random.Random(args.seed)
    counts = [int(c) for c in args.counts.split(",")]
    pick = [a for stratum, n in zip(strata, counts, strict=True) for a in rng.sample(stratum, n)]
    rng.shuffle(pick)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(args.batches):
        rows = [
            {"id": aid, "published": pub, "title": title, "text": text}
            | {"source": SOURCES.get(aid.split("-")[1]) if corpus == "ant" else "saudinewsnet"}
            for corpus, aid, pub, title, text in pick[i :: args.batches]
        ]
        write_jsonl(out / f"batch{args.first + i}.jsonl", rows)
    print(f"{len(pick)} articles in {args.batches} batches -> {out}")


def _corpus_articles(ids: set[str]) -> dict[str, tuple[str | None, str, str]]:
    """id -> (published, title, text) for the wanted articles."""
    return {aid: (pub, title, text) for _c, aid, pub, title, text in iter_corpora() if aid in ids}


def pack(args: argparse.Namespace) -> None:
    rows = [r | {"batch": _batch_number(path)} for path in args.files for r in _read_jsonl(Path(path))]
    articles = _corpus_articles({r["id"] for r in rows})
    out = []
    for r in rows:
        _pub, _title, text = articles[r["id"]]
        events = []
        for ev in r["events"]:
            ev = {k: v for k, v in ev.items() if k in EVENT_KEYS}
            evidence = ev.pop("evidence", None)
            ev["evidence_span"] = _span(text, evidence)
            if evidence and ev["evidence_span"] is None:
                sys.exit(f"{r['id']}: evidence not found in the article: {evidence[:60]}")
            for part in PARTS:
                if isinstance(ev.get(part), dict):
                    name = ev[part].get("name_ar")
                    ev[part] = {k: v for k, v in ev[part].items() if k in PART_KEYS}
                    ev[part]["name_ar_span"] = _span(text, name)  # None if not found verbatim
                elif ev.get(part) is not None:
                    sys.exit(f"{r['id']}: {part} is not an object")
            events.append(ev)
        out.append({k: r[k] for k in ("id", "batch", "published", "source")} | {"events": events})
    # the batches packed before stay (the annotation files of earlier sessions may be gone); a batch
    # packed again is replaced
    packed = {r["batch"] for r in out}
    out += [r for r in (_read_jsonl(GOLD) if GOLD.exists() else []) if r["batch"] not in packed]
    out.sort(key=lambda r: r["id"])
    leaked = [r["id"] for r in out if _ARABIC.search(json.dumps(r, ensure_ascii=False))]
    if leaked:
        sys.exit(f"Arabic text left in {len(leaked)} packed rows (first: {leaked[0]}): nothing written")
    write_jsonl(GOLD, out)
    n = sum(len(r["events"]) for r in out)
    print(f"{len(out)} articles, {n} events -> {GOLD}")


EVENT_KEYS = (
    "event_type sub_event_type date time_precision location actor1 actor2 weapon fatalities injured "
    "background optional evidence notes"
).split()


PART_KEYS = "name country admin1 lat lon geo_precision geonameid inter".split()  # besides name_ar
_ARABIC = re.compile("[\u0600-\u06ff]")


PARTS = ("location", "actor1", "actor2")


def _span(text: str, words: str | None) -> list | None:
    """Words of the article as [start, end, sha1]: no text is stored, and a change of text shows."""
    start = text.find(words) if words else -1
    return [start, start + len(words), sha1(words)] if words and start >= 0 else None


def _quote(text: str, span: list | None) -> str | None:
    """The words a span points at, or None when the corpus text is not the annotated one."""
    if not span:
        return None
    words = text[span[0] : span[1]]
    return words if sha1(words) == span[2] else None


def _batch_number(path: str) -> int:
    digits = "".join(c for c in Path(path).stem if c.isdigit())
    return int(digits) if digits else 0


def _batch_numbers(spec: str) -> set[int]:
    """ "1-56,75-80,87" -> the batch numbers it names."""
    out: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        out.update(range(int(first), int(last or first) + 1))
    return out


def _outside_repo(path: Path, allowed: str | None = "build") -> None:
    """Article text may only be written outside the repository (or under its git-ignored build/)."""
    repo = Path(__file__).resolve().parent.parent
    path = path.resolve()
    inside = path == repo or repo in path.parents
    if inside and (allowed is None or (repo / allowed) not in path.parents):
        sys.exit(
            "this writes article text: choose a path outside the repository"
            + (f" or under {allowed}/" if allowed else "")
        )


def build(args: argparse.Namespace) -> None:
    _outside_repo(Path(args.out))
    rows = _read_jsonl(GOLD)
    if args.batches:
        wanted = _batch_numbers(args.batches)
        rows = [r for r in rows if r["batch"] in wanted]
    out = _joined(rows)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(args.out, out)
    print(f"{len(out)} articles -> {args.out}")


def _joined(rows: list[dict]) -> list[dict]:
    """Packed rows with their text and quoted words joined back from the corpora (checksums checked)."""
    articles = _corpus_articles({r["id"] for r in rows})
    out = []
    for r in rows:
        pub, title, text = articles[r["id"]]
        events = []
        for ev in r["events"]:
            ev = dict(ev)
            span = ev.pop("evidence_span", None)
            ev["evidence"] = _quote(text, span)
            if span and ev["evidence"] is None:
                sys.exit(f"{r['id']}: the corpus text differs from the annotated one")
            for part in PARTS:
                if isinstance(ev.get(part), dict):
                    ev[part] = dict(ev[part])
                    ev[part]["name_ar"] = _quote(text, ev[part].pop("name_ar_span", None))
            events.append(ev)
        out.append(
            {"id": r["id"], "published": r["published"] or pub, "source": r["source"]}
            | {"title": title, "text": text, "events": events}
        )
    return out


def score(args: argparse.Namespace) -> None:
    """Event P/R/F1 of the rasid on the path on each named set (written to build/news_gold_<set>.jsonl);
    `PYTHONPATH=<another checkout>/src` scores another version, as for a session's start and end."""
    from rasid.evaluate.events import evaluate
    from rasid.evaluate.files import extract_predictions, read_gold

    names = {
        "read": [n for n, (_, read) in SETS.items() if read],
        "held": [n for n, (_, read) in SETS.items() if not read],
    }
    names["all"] = list(SETS)
    chosen = names.get(args.sets) or args.sets.split(",")
    unknown = [n for n in chosen if n not in SETS]
    if unknown:
        sys.exit(f"unknown set {unknown[0]!r}: choose from read, held, all or {', '.join(SETS)}")
    batches = {n: _batch_numbers(SETS[n][0]) for n in chosen}
    rows = [r for r in _read_jsonl(GOLD) if any(r["batch"] in b for b in batches.values())]
    joined = {r["id"]: j for r, j in zip(rows, _joined(rows), strict=True)}
    all_gold: dict = {}
    all_pred: dict = {}
    for n in chosen:
        path = Path(__file__).resolve().parent.parent / "build" / f"news_gold_{n}.jsonl"
        path.parent.mkdir(exist_ok=True)
        write_jsonl(path, [joined[r["id"]] for r in rows if r["batch"] in batches[n]])
        gold, pred = read_gold(str(path)), extract_predictions(str(path))
        all_gold |= gold
        all_pred |= pred
        _print_counts(f"{n} ({'read' if SETS[n][1] else 'held out'})", evaluate(gold, pred).event_counts())
    if len(chosen) > 1:
        _print_counts("together", evaluate(all_gold, all_pred).event_counts())


def _print_counts(name: str, c) -> None:
    d = c.to_dict()
    print(
        f"{name:16} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  ({c.n_matched} of {c.n_gold} gold, {c.n_pred} counted predictions)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("sample", help="batches of articles to annotate (outside the repository)")
    m.add_argument("--seed", type=int, required=True)
    m.add_argument("--counts", required=True, help="ANT conflict, SNN conflict, ANT other, SNN other")
    m.add_argument("--batches", type=int, default=5)
    m.add_argument("--first", type=int, default=1, help="number of the first batch file")
    m.add_argument("--out", required=True)
    m.set_defaults(func=sample)
    p = sub.add_parser("pack", help="annotation files (with evidence text) -> scripts/data/news_gold.jsonl")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=pack)
    b = sub.add_parser("build", help="scripts/data/news_gold.jsonl + the corpora -> an eval file")
    b.add_argument("out")
    b.add_argument("--batches", help="only these annotation batches, e.g. 6,7,8 or 1-56,75-80")
    b.set_defaults(func=build)
    c = sub.add_parser("score", help="event P/R/F1 of the installed rasid on the named sets (SETS)")
    c.add_argument("--sets", default="held", help="read, held, all, or names such as h,i,u (default: held)")
    c.set_defaults(func=score)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
