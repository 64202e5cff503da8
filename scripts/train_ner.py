"""Builds the NER resources and trains the shipped CRF, from /work/shared/data, in one command.

    .venv/bin/python scripts/train_ner.py            # gazetteer + (clusters if missing) + CRF
    .venv/bin/python scripts/train_ner.py --tune     # also compare c1/c2 on a held-out part of train

Steps: (1) compact name list from ANERGazet + GeoNames Arabic names -> ner_gazetteer.tsv.gz;
(2) word clusters and vectors (scripts/train_clusters.py) when missing or with --clusters;
(3) entity-type affinity of the 100k corpus words: a logistic regression from word vectors to the
majority type of the train words, cross-fitted over 5 folds of words so that a train word's mark
never comes from a model that saw it -> ner_affinity.tsv.gz;
(4) CRF on the CAMeL-split train set (the last 15% held out for tuning when --tune), then retrained
on all of train, scored once on test, saved as ner_crf.model and registered with its scores.
The test split is never used for any choice.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pycrfsuite

from rasid import resources
from rasid.entities.conll import Sentence, read_conll
from rasid.entities.features import (
    AFFINITY_FILE,
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    Featurizer,
    load_affinity,
    load_clusters,
)
from rasid.entities.tagger import DOC_SENTENCES, MODEL_FILE, CRFTagger, align, evaluate
from rasid.text import normalize, proclitic_forms, tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_clusters import VECTORS

DATA = Path("/work/shared/data")
ANER = DATA / "ner/anercorp"
SPLIT = ANER / "camel_split_reconstructed"
GEO = DATA / "gazetteer/geonames_cities15000"
# Chosen by --tune on the held-out 15% of train (held-out F1 0.7143). The O threshold gained only
# 0.003 there and adds low-confidence entities downstream stages trip over, so it is off by default.
DEFAULT_PARAMS = {"c1": 0.01, "c2": 0.01}
DEFAULT_O_THRESHOLD = 0.0
THRESHOLDS = (0.0, 0.6, 0.7, 0.8, 0.9)
GRID = [{"c1": c1, "c2": c2} for c1 in (0.01, 0.05, 0.1) for c2 in (0.01, 0.05)]
MAX_ITER = 200


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def name_key(name: str) -> str:
    """A name as space-joined matching-form tokens, as the tagger sees them."""
    return " ".join(t.norm for t in tokenize(normalize(name.strip())))


def is_arabic(s: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in s)


def build_gazetteer() -> int:
    names: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        key = name_key(name)
        if len(key.replace(" ", "")) >= 2 and is_arabic(key) and key.count(" ") < 5:
            names.setdefault(key, set()).add(kind)

    for file, kind in (("Loc", "LOC"), ("Org", "ORG"), ("Pers", "PER")):
        for line in (ANER / f"ANERGazet/Aligned{file}Gazetteer.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("====", "****")):
                add(line, kind)
    with gzip.open(GEO / "cities15000.txt.gz", "rt", encoding="utf-8") as f:
        for line in f:
            for alt in line.split("\t")[3].split(","):
                if is_arabic(alt):
                    add(alt, "LOC")
    for line in (GEO / "country_names_ar_en.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 5 and cols[4]:
            add(cols[4], "LOC")
    lines = [f"{'|'.join(sorted(kinds))}\t{key}" for key, kinds in sorted(names.items())]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
    resources.atomic_write_bytes(resources.ROOT / GAZETTEER_FILE, data)
    (resources.ROOT / GAZETTEER_FILE).chmod(0o644)
    resources.register(
        name="ner_gazetteer",
        file=GAZETTEER_FILE,
        version="1",
        source="ANERGazet (Benajiba et al. 2007) LOC/ORG/PERS lists + GeoNames cities15000 Arabic names + country names",
        licence="ANERGazet: free for research; GeoNames: CC BY 4.0 (geonames.org)",
        built_by="scripts/train_ner.py",
        names=len(lines),
    )
    return len(lines)


AFFINITY_TYPES = ("O", "PER", "ORG", "LOC", "MISC")


def affinity_table(
    sentences: list[Sentence], vocab: int = 100_000, folds: int = 5
) -> dict[str, tuple[str, ...]]:
    """word -> marks like 'PER3' (probability band of each likely type) from its word vector."""
    import numpy as np
    from gensim.models import KeyedVectors
    from sklearn.linear_model import LogisticRegression

    kv = KeyedVectors.load(str(VECTORS))
    words = kv.index_to_key[:vocab]
    index = {w: i for i, w in enumerate(words)}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in sentences:
        aligned = align(sent)
        for tok, tag in zip(aligned.tokens, aligned.tags, strict=True):
            if tok.is_word:
                form = next((f for f in proclitic_forms(tok.norm) if f in index), None)
                if form:
                    counts[form]["O" if tag == "O" else tag[2:]] += 1
    seen = list(counts)
    unit = kv.vectors[: len(words)] / (np.linalg.norm(kv.vectors[: len(words)], axis=1, keepdims=True) + 1e-9)
    x = unit[[index[w] for w in seen]]
    y = np.array([AFFINITY_TYPES.index(counts[w].most_common(1)[0][0]) for w in seen])
    weight = np.array([min(sum(counts[w].values()), 5) for w in seen], dtype=float)

    def fit(mask):
        return LogisticRegression(C=4.0, max_iter=300).fit(x[mask], y[mask], sample_weight=weight[mask])

    probs = fit(np.ones(len(seen), bool)).predict_proba(unit)
    fold = np.random.default_rng(13).integers(0, folds, len(seen))
    rows = np.array([index[w] for w in seen])
    for k in range(folds):
        held = fold == k
        probs[rows[held]] = fit(~held).predict_proba(x[held])
    table: dict[str, tuple[str, ...]] = {}
    for w, p in zip(words, probs, strict=True):
        marks = tuple(
            f"{AFFINITY_TYPES[t]}{'3' if p[t] > 0.7 else '2' if p[t] > 0.4 else '1'}"
            for t in range(1, len(AFFINITY_TYPES))
            if p[t] > 0.15
        )
        if marks:
            table[w] = marks
    return table


def save_affinity(table: dict[str, tuple[str, ...]]) -> None:
    lines = ["\t".join([w, *marks]) for w, marks in table.items()]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
    out = resources.ROOT / AFFINITY_FILE
    resources.atomic_write_bytes(out, data)
    out.chmod(0o644)
    resources.register(
        name="ner_affinity",
        file=AFFINITY_FILE,
        version="1",
        source="logistic regression from word2vec vectors (ner_clusters run) to ANERcorp train entity types, "
        "5-fold cross-fitted",
        licence="derived statistics; ANERcorp (free for research) + news corpora (see ner_clusters)",
        built_by="scripts/train_ner.py",
        words=len(lines),
    )
    load_affinity.cache_clear()


def crf_data(sentences: list[Sentence], featurizer: Featurizer) -> list[tuple[list[list[str]], list[str]]]:
    """(features, tags) per sentence; runs of DOC_SENTENCES sentences give the document context."""
    out = []
    aligned = [align(s) for s in sentences]
    for b in range(0, len(aligned), DOC_SENTENCES):
        chunk = [a for a in aligned[b : b + DOC_SENTENCES] if a.tokens]
        words = [[t.norm for t in a.tokens] for a in chunk]
        marks = featurizer.doc_marks(words)
        out += [(featurizer.sentence(w, marks), a.tags) for w, a in zip(words, chunk, strict=True)]
    return out


def train(data, params: dict, model_path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params(
        {**params, "max_iterations": MAX_ITER, "feature.possible_transitions": True, "feature.minfreq": 1}
    )
    trainer.train(str(model_path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tune", action="store_true", help="grid over c1/c2 on a held-out 15%% of train")
    ap.add_argument("--clusters", action="store_true", help="rebuild the word clusters first")
    ap.add_argument("--no-gazetteer", action="store_true", help="keep the existing gazetteer file")
    args = ap.parse_args()
    t0 = time.time()

    if not args.no_gazetteer:
        log(f"gazetteer: {build_gazetteer():,} names")
    if args.clusters or not (resources.ROOT / CLUSTERS_FILE).exists() or not VECTORS.exists():
        subprocess.run([sys.executable, str(Path(__file__).with_name("train_clusters.py"))], check=True)
        load_clusters.cache_clear()

    train_sents = read_conll(SPLIT / "train.txt")
    test_sents = read_conll(SPLIT / "test.txt")
    model_path = resources.ROOT / MODEL_FILE
    params = dict(DEFAULT_PARAMS)
    o_threshold = DEFAULT_O_THRESHOLD
    tune_result = None

    if args.tune:
        cut = int(len(train_sents) * 0.85)
        fit, held = train_sents[:cut], train_sents[cut:]
        featurizer = Featurizer(affinity=affinity_table(fit))
        fit_data = crf_data(fit, featurizer)
        best, o_threshold = -1.0, 0.0
        best_model = model_path.with_suffix(".best")
        for p in GRID:
            tmp = model_path.with_suffix(".tune")
            train(fit_data, p, tmp)
            res = evaluate(held, CRFTagger(tmp, featurizer, o_threshold=0.0))
            log(f"tune {p}: held-out F1 {res['f1']:.4f} ({time.time() - t0:.0f}s)")
            if res["f1"] > best:
                best, params, tune_result = res["f1"], p, res
                tmp.replace(best_model)
            else:
                tmp.unlink()
        for threshold in THRESHOLDS:
            res = evaluate(held, CRFTagger(best_model, featurizer, o_threshold=threshold))
            log(f"tune O threshold {threshold}: held-out F1 {res['f1']:.4f}")
            if res["f1"] > best:
                best, o_threshold, tune_result = res["f1"], threshold, res
        best_model.unlink()
        log(f"chosen {params}, O threshold {o_threshold} (held-out F1 {best:.4f})")
    else:  # score the chosen settings on the held-out part once, for the catalogue
        cut = int(len(train_sents) * 0.85)
        featurizer = Featurizer(affinity=affinity_table(train_sents[:cut]))
        tmp = model_path.with_suffix(".tune")
        train(crf_data(train_sents[:cut], featurizer), params, tmp)
        tune_result = evaluate(train_sents[cut:], CRFTagger(tmp, featurizer, o_threshold=o_threshold))
        tmp.unlink()
        log(f"held-out F1 {tune_result['f1']:.4f} ({time.time() - t0:.0f}s)")

    save_affinity(affinity_table(train_sents))
    log(f"affinity table built ({time.time() - t0:.0f}s)")
    featurizer = Featurizer()
    train(crf_data(train_sents, featurizer), params, model_path)
    model_path.chmod(0o644)
    log(f"trained on all of train ({time.time() - t0:.0f}s)")
    result = evaluate(test_sents, CRFTagger(model_path, featurizer, o_threshold=o_threshold))
    print(json.dumps(result, indent=2))
    resources.register(
        name="ner_crf",
        file=MODEL_FILE,
        version="1",
        source="CRF (python-crfsuite) trained on ANERcorp, CAMeL split reconstructed (shared/data MANIFEST 2.1)",
        licence="model weights derived from ANERcorp (free for research)",
        built_by="scripts/train_ner.py",
        params=params,
        o_threshold=o_threshold,
        test_precision=result["precision"],
        test_recall=result["recall"],
        test_f1=result["f1"],
        test_per_type={k: v["f1"] for k, v in result["per_type"].items()},
        heldout_f1=tune_result["f1"] if tune_result else None,
    )
    size = model_path.stat().st_size / 1e6
    log(f"test F1 {result['f1']:.4f}; model {size:.1f} MB; total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
