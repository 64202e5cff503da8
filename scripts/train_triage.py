"""Train the article triage model from scripts/data/article_labels.jsonl.

    python scripts/train_triage.py             # cross-validates, trains, writes resources/triage.json
    python scripts/train_triage.py --cv-only

Article labels (made by `scripts/label_candidates.py merge`): an article is relevant when one of its
hand-labelled candidates reports an event, not relevant when it has no candidate or all its
candidates were labelled "no". Texts are re-read from /work/shared/data (no text in the repo).
Features are `rasid.events.triage.features` (the runtime function); a logistic regression
(scikit-learn, needed only here) is cross-validated to pick C and the F1-best threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).parent))
from label_candidates import ARTICLE_LABELS, load_articles
from train_event_filter import best_threshold, save_model

from rasid.events.triage import RESOURCE, features

VERSION = "1"
MAX_CHARS = 3000  # the lead says whether an article reports an incident
MIN_COUNT = 2


def examples() -> tuple[list[dict[str, int]], np.ndarray]:
    with open(ARTICLE_LABELS, encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    articles = load_articles({r["article_id"] for r in labels})
    xs, ys = [], []
    for r in labels:
        text = articles[r["article_id"]][3]
        feats = features(text[:MAX_CHARS])
        xs.append(dict.fromkeys(feats, 1 / np.sqrt(max(1, len(feats)))))  # as Triage.score sees them
        ys.append(1 if r["relevant"] else 0)
    counts: dict[str, int] = {}
    for x in xs:
        for f in x:
            counts[f] = counts.get(f, 0) + 1
    xs = [{f: v for f, v in x.items() if counts[f] >= MIN_COUNT} for x in xs]
    return xs, np.array(ys)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()
    xs, y = examples()
    print(f"{len(y)} articles, {int(y.sum())} relevant", file=sys.stderr)
    results = []
    for c in (1.0, 3.0, 10.0, 30.0):
        p = np.zeros(len(y))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(xs, y):
            vec = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=3000).fit(
                vec.fit_transform([xs[i] for i in train]), y[train]
            )
            p[test] = model.predict_proba(vec.transform([xs[i] for i in test]))[:, 1]
        t, prec, rec, f1 = best_threshold(y, p)
        results.append((f1, c, t))
        print(f"C={c}: threshold {t} P={prec:.3f} R={rec:.3f} F1={f1:.3f}", file=sys.stderr)
    f1, c, t = max(results)
    if args.cv_only:
        return
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000).fit(vec.fit_transform(xs), y)
    save_model(
        "triage",
        RESOURCE,
        VERSION,
        "logistic regression over rasid.events.triage.features",
        vec,
        model,
        "trained on article labels derived from hand-labelled candidates (ANT multisource v2.1, SaudiNewsNet; scripts/data/article_labels.jsonl, no text)",
        "scripts/train_triage.py",
        bias=round(float(model.intercept_[0]), 5),
        threshold=t,
        max_chars=MAX_CHARS,
        C=c,
        cv_f1=round(f1, 4),
        n_train=len(y),
    )


if __name__ == "__main__":
    main()
