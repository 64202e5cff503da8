"""Train the candidate-event filter from the hand labels in scripts/data/event_labels.jsonl.

    python scripts/train_event_filter.py            # cross-validates, trains, writes the resource
    python scripts/train_event_filter.py --cv-only  # only the cross-validated numbers
    python scripts/train_event_filter.py --natural-check  # do the uncertainty-sampled labels help?

The labels hold no article text: this script re-reads each labelled article from /work/shared/data,
re-runs the pipeline with the filter disabled, finds each labelled candidate again (sentence and
trigger offsets, sub-type) and checks the sentence's sha1. Features come from
`rasid.events.classifier.features` (the same function the runtime uses). A logistic regression
(scikit-learn, needed only here) is cross-validated by article groups to pick C and the threshold
that maximises F1 of "event"; the final model is written as a JSON table feature -> weight to
src/rasid/resources/event_filter.json and registered in the catalogue.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).parent))
from label_candidates import LABELS, load_articles, recording_pipeline, sha1

from rasid import resources
from rasid.events.classifier import RESOURCE, features
from rasid.model import Article

VERSION = "1"
MIN_COUNT = 2  # features seen in fewer labelled candidates are dropped


def labelled_examples() -> tuple[list[dict[str, float]], np.ndarray, list[str], np.ndarray]:
    """(feature counts, labels 1=event, article ids, naturally sampled?) of every labelled candidate found again."""
    with open(LABELS, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    wanted = {r["article_id"] for r in labels}
    articles = load_articles(wanted)
    by_article: dict[str, list[dict]] = {}
    for r in labels:
        by_article.setdefault(r["article_id"], []).append(r)
    pipe, recorder = recording_pipeline()
    xs, ys, groups, natural = [], [], [], []
    missing = 0
    for aid, rows in by_article.items():
        _corpus, published, _title, text = articles[aid]
        recorder.seen.clear()
        pipe(Article.from_dict({"id": aid, "text": text, "published": published}))
        found = {}
        for doc, s, trig, ev in recorder.seen:
            key = (s.start, s.end, doc.tokens[trig.tok_start].start, ev.sub_event_type)
            found[key] = (doc, s, trig, ev)
        for r in rows:
            if sha1(text[r["sent_start"] : r["sent_end"]]) != r["sent_sha1"]:
                raise SystemExit(f"{aid}: the sentence text changed (sha1 mismatch)")
            hit = found.get((r["sent_start"], r["sent_end"], r["trig_start"], r["sub_event_type"]))
            if hit is None:
                missing += 1  # the rules no longer produce this candidate
                continue
            xs.append(Counter(features(*hit)))
            ys.append(1 if r["label"] == "event" else 0)
            groups.append(aid)
            natural.append(r.get("sampled") != "uncertain")
    print(f"{len(xs)} labelled candidates found again, {missing} no longer produced", file=sys.stderr)
    return xs, np.array(ys), groups, np.array(natural)


def prune(xs: list[dict[str, float]]) -> list[dict[str, float]]:
    seen = Counter(f for x in xs for f in x)
    keep = {f for f, n in seen.items() if n >= MIN_COUNT or f == "bias"}
    return [{f: v for f, v in x.items() if f in keep} for x in xs]


THRESHOLD = 0.5


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F1) maximising F1 of the positive class."""
    best = (0.5, 0.0, 0.0, 0.0)
    for t in np.arange(0.2, 0.8, 0.01):
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        prec = tp / max(1, int(pred.sum()))
        rec = tp / max(1, int((y == 1).sum()))
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        if f1 > best[3]:
            best = (round(float(t), 2), prec, rec, f1)
    return best


def sparse_weights(vec: DictVectorizer, model: LogisticRegression) -> dict[str, float]:
    """Feature -> weight of a fitted linear model, dropping weights too small to matter."""
    return {
        f: round(float(w), 5)
        for f, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) > 1e-4
    }


def save_model(
    name: str,
    file: str,
    version: str,
    description: str,
    vec: DictVectorizer,
    model: LogisticRegression,
    source: str,
    built_by: str,
    **fields: object,
) -> None:
    """Writes a fitted logistic model as a JSON table (fields first, then feature -> weight), registers
    it in the catalogue and says so on stderr."""
    weights = sparse_weights(vec, model)
    out = {"version": version, "model": description, **fields, "weights": dict(sorted(weights.items()))}
    target = resources.write_json(
        name, file, out, source, built_by, features=len(weights), threshold=fields["threshold"]
    )
    print(
        f"wrote {target} ({len(weights)} weights, C={fields['C']}, threshold {fields['threshold']})",
        file=sys.stderr,
    )


def cross_validate(xs, y, groups, c: float, rows=None, extra=()) -> np.ndarray:
    """Out-of-fold P(event) of `rows` (default: all) with 5 folds grouped by article; the `extra`
    examples join every training fold and are never scored."""
    rows = np.arange(len(y)) if rows is None else np.asarray(rows)
    extra = list(extra)
    p = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=5).split(rows, y[rows], [groups[i] for i in rows]):
        fit_rows = [int(rows[i]) for i in train] + extra
        vec = DictVectorizer()
        model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
        model.fit(vec.fit_transform([xs[i] for i in fit_rows]), y[fit_rows])
        p[test] = model.predict_proba(vec.transform([xs[int(rows[i])] for i in test]))[:, 1]
    return p


def scores(y: np.ndarray, p: np.ndarray, t: float = THRESHOLD) -> tuple[float, float, float, float]:
    """Log-loss, and precision, recall and F1 of keeping P >= t."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    loss = float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
    kept = p >= t
    prec = float(y[kept].mean()) if kept.any() else 0.0
    rec = float(kept[y == 1].mean())
    return loss, prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def natural_check(xs, y, groups, natural, c: float) -> None:
    """Scores on the naturally sampled candidates only (grouped 5-fold), trained without and with the
    labels chosen where an earlier filter was unsure (`collect --uncertain`): does that sampling help?"""
    nat = np.flatnonzero(natural)
    for name, extra in (("natural labels only", []), ("with uncertain labels", np.flatnonzero(~natural))):
        loss, prec, rec, f1 = scores(y[nat], cross_validate(xs, y, groups, c, rows=nat, extra=extra))
        print(
            f"natural sample ({len(nat)}), {name}: log-loss {loss:.4f} P={prec:.3f} R={rec:.3f} F1={f1:.3f}",
            file=sys.stderr,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--natural-check", action="store_true", help="score the uncertainty-sampled labels' help")
    args = ap.parse_args()
    xs, y, groups, natural = labelled_examples()
    xs = prune(xs)
    if args.natural_check:
        natural_check(xs, y, groups, natural, 0.3)
        return
    print(f"{int(y.sum())} event / {int((1 - y).sum())} no", file=sys.stderr)
    # C by cross-validated log-loss (a proper score, stable across reruns); the threshold is 0.5, the
    # decision for equal costs of a false and a missed candidate. Thresholds that maximise the
    # candidates' F1 lean to recall (most candidates are events) and shift with every retraining.
    results = []
    t = THRESHOLD
    for c in (0.1, 0.3, 1.0, 3.0):
        p = cross_validate(xs, y, groups, c)
        loss, prec, rec, f1 = scores(y, p, t)
        bt, bp, br, bf = best_threshold(y, p)
        results.append((loss, c, f1))
        print(
            f"C={c}: log-loss {loss:.4f}; at {t}: P={prec:.3f} R={rec:.3f} F1={f1:.3f}"
            f"  (F1-max at {bt}: P={bp:.3f} R={br:.3f} F1={bf:.3f})",
            file=sys.stderr,
        )
    _, c, f1 = min(results)
    if args.cv_only:
        return
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(vec.fit_transform(xs), y)
    save_model(
        "event_filter",
        RESOURCE,
        VERSION,
        "logistic regression over rasid.events.classifier.features (sum of weights, sigmoid)",
        vec,
        model,
        "trained on hand labels of candidates from ANT multisource v2.1 and SaudiNewsNet (scripts/data/event_labels.jsonl; no article text)",
        "scripts/train_event_filter.py",
        threshold=t,
        C=c,
        cv_f1=round(f1, 4),
        n_train=len(y),
    )


if __name__ == "__main__":
    main()
