"""Builds the NER resources and trains the shipped CRF, from /work/shared/data, in one command.

    .venv/bin/python scripts/train_ner.py            # gazetteer + (clusters if missing) + CRF
    .venv/bin/python scripts/train_ner.py --tune     # also compare c1/c2 on a held-out part of train

Steps: (1) compact name list from ANERGazet + GeoNames Arabic names -> ner_gazetteer.tsv.gz;
(2) word clusters (scripts/train_clusters.py) when ner_clusters.tsv.gz is missing or --clusters;
(3) CRF on the CAMeL-split train set (the last 15% held out for tuning when --tune), then retrained
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
from pathlib import Path

import pycrfsuite

from rasid import resources
from rasid.entities.conll import Sentence, read_conll
from rasid.entities.features import CLUSTERS_FILE, GAZETTEER_FILE, Featurizer, load_clusters
from rasid.entities.tagger import MODEL_FILE, CRFTagger, align, evaluate
from rasid.text import norm, normalize, tokenize

DATA = Path("/work/shared/data")
ANER = DATA / "ner/anercorp"
SPLIT = ANER / "camel_split_reconstructed"
GEO = DATA / "gazetteer/geonames_cities15000"
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.01}
GRID = [{"c1": c1, "c2": c2} for c1 in (0.02, 0.05, 0.15) for c2 in (0.005, 0.03)]
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
            if not norm(cols[4]).startswith("ال"):
                continue
            add(cols[4][2:], "LOC")  # "العراق" is also written "عراق" after clitics in some texts
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


def crf_data(sentences: list[Sentence], featurizer: Featurizer) -> list[tuple[list[list[str]], list[str]]]:
    out = []
    for sent in sentences:
        aligned = align(sent)
        if aligned.tokens:
            out.append((featurizer.sentence([t.norm for t in aligned.tokens]), aligned.tags))
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
    if args.clusters or not (resources.ROOT / CLUSTERS_FILE).exists():
        subprocess.run([sys.executable, str(Path(__file__).with_name("train_clusters.py"))], check=True)
        load_clusters.cache_clear()

    featurizer = Featurizer()
    train_sents = read_conll(SPLIT / "train.txt")
    test_sents = read_conll(SPLIT / "test.txt")
    model_path = resources.ROOT / MODEL_FILE
    params = dict(DEFAULT_PARAMS)
    tune_result = None

    if args.tune:
        cut = int(len(train_sents) * 0.85)
        fit, held = train_sents[:cut], train_sents[cut:]
        fit_data = crf_data(fit, featurizer)
        best = -1.0
        for p in GRID:
            tmp = model_path.with_suffix(".tune")
            train(fit_data, p, tmp)
            res = evaluate(held, CRFTagger(tmp, featurizer))
            log(f"tune {p}: held-out F1 {res['f1']:.4f} ({time.time() - t0:.0f}s)")
            if res["f1"] > best:
                best, params, tune_result = res["f1"], p, res
            tmp.unlink()
        log(f"chosen {params} (held-out F1 {best:.4f})")

    train(crf_data(train_sents, featurizer), params, model_path)
    model_path.chmod(0o644)
    log(f"trained on all of train ({time.time() - t0:.0f}s)")
    result = evaluate(test_sents, CRFTagger(model_path, featurizer))
    print(json.dumps(result, indent=2))
    resources.register(
        name="ner_crf",
        file=MODEL_FILE,
        version="1",
        source="CRF (python-crfsuite) trained on ANERcorp, CAMeL split reconstructed (shared/data MANIFEST 2.1)",
        licence="model weights derived from ANERcorp (free for research)",
        built_by="scripts/train_ner.py",
        params=params,
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
