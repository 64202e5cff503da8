"""Word clusters learned without labels from the news corpora, for the NER features.

Trains word2vec (gensim, one worker) on the normalised, tokenised text of both news corpora in
/work/shared/data/news, then k-means at three granularities over the most frequent words.
Writes src/rasid/resources/ner_clusters.tsv.gz (word, then one cluster id per granularity) and
registers it in the catalogue. No article text is written to the repo.

    .venv/bin/python scripts/train_clusters.py            # ~10 minutes on one core
    .venv/bin/python scripts/train_clusters.py --fasttext # subword vectors only (no table written)

With --fasttext it trains gensim FastText (character n-grams, so unseen words get vectors) on the
same text and only saves the vectors to build/ner/fasttext.kv (train_ner_neural.py --vectors).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core for k-means too
import numpy as np

from rasid import resources
from rasid.text import norm

DATA = Path("/work/shared/data")
CORPORA = (
    (DATA / "news/ant_multisource_v2.1/ant_v2.1_middleEast_internationalNews.jsonl.gz", ("title", "text")),
    (DATA / "news/saudinewsnet/saudinewsnet_2015.jsonl.gz", ("title", "content")),
)
OUT_FILE = "ner_clusters.tsv.gz"
VECTORS = Path(__file__).resolve().parent.parent / "build/ner/word2vec.kv"  # for train_ner.py, not shipped
FASTTEXT = VECTORS.with_name("fasttext.kv")  # --fasttext: for train_ner_neural.py --vectors, not shipped
GRANULARITIES = (32, 128, 512, 2048)
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|\S", re.UNICODE)
SENTENCE_END = {".", "!", "?", "؟", "؛", ";", "…"}


def fast_table() -> dict[int, str | None]:
    """A str.translate table equal to rasid.text.norm on the characters news text uses."""
    table: dict[int, str | None] = {}
    for cp in range(0x0600, 0x0900):
        ch = chr(cp)
        mapped = norm(ch)
        if mapped != ch:
            table[cp] = mapped or None
    for ch in "\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e«»“”„″":
        table[ord(ch)] = norm(ch) or None
    return table


def corpus_sentences(table: dict[int, str | None], limit: int | None):
    """Yields token lists, one per sentence, in matching form."""
    n = 0
    for path, fields in CORPORA:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                for name in fields:
                    text = (rec.get(name) or "").translate(table)
                    sent: list[str] = []
                    for tok in TOKEN_RE.findall(text):
                        sent.append(tok)
                        if tok in SENTENCE_END:
                            if len(sent) > 1:
                                yield sent
                            sent = []
                    if len(sent) > 1:
                        yield sent
                n += 1
                if limit and n >= limit:
                    return


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles to read (default all)")
    ap.add_argument("--vocab", type=int, default=100_000, help="words kept in the cluster table")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--cbow", action="store_true", help="CBOW instead of skip-gram (faster, weaker)")
    ap.add_argument("--k", type=int, nargs="+", default=list(GRANULARITIES), help="k-means granularities")
    ap.add_argument("--save-vectors", default=None, help="where to keep the word vectors")
    ap.add_argument("--fasttext", action="store_true", help="train subword vectors only (no cluster table)")
    ap.add_argument("--buckets", type=int, default=500_000, help="--fasttext: character n-gram buckets")
    args = ap.parse_args()
    save_to = Path(args.save_vectors or (FASTTEXT if args.fasttext else VECTORS))

    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    table = fast_table()
    sample = "أعلنت وزارةُ الدفاع الأمريكية «البنتاغون» في ٢٣ مايو إنّ القوات ـ الخاصة قتلت ١٢ مسلحا"
    assert sample.translate(table) == norm(sample), "fast normaliser differs from rasid.text.norm"

    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.txt"
        n_tok = 0
        with open(corpus, "w", encoding="utf-8") as f:
            for sent in corpus_sentences(table, args.limit):
                n_tok += len(sent)
                f.write(" ".join(sent) + "\n")
        print(f"corpus: {n_tok:,} tokens in {time.time() - t0:.0f}s", file=sys.stderr)
        common = dict(
            corpus_file=str(corpus),
            vector_size=args.dim,
            window=5,
            min_count=5,
            sg=0 if args.cbow else 1,
            negative=5,
            epochs=args.epochs,
            workers=1,
            max_final_vocab=300_000,
            seed=13,
        )
        if args.fasttext:
            from gensim.models import FastText

            model = FastText(**common, min_n=2, max_n=5, bucket=args.buckets)
            save_to.parent.mkdir(parents=True, exist_ok=True)
            model.wv.save(str(save_to))
            print(
                f"fastText: {len(model.wv):,} words in {time.time() - t0:.0f}s -> {save_to}", file=sys.stderr
            )
            return
        model = Word2Vec(**common)
    print(f"word2vec: {len(model.wv):,} words in {time.time() - t0:.0f}s", file=sys.stderr)

    save_to.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(save_to))
    words = [w for w in model.wv.index_to_key[: args.vocab]]
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    columns = []
    for k in args.k:
        km = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=3, random_state=13, max_iter=100)
        columns.append(km.fit_predict(vecs))
        print(f"k-means k={k} done at {time.time() - t0:.0f}s", file=sys.stderr)

    out = resources.ROOT / OUT_FILE
    lines = ["\t".join([w, *(str(int(c[i])) for c in columns)]) for i, w in enumerate(words)]
    # mtime=0 keeps the gzip bytes (and the catalogue checksum) reproducible.
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
    resources.atomic_write_bytes(out, data)
    out.chmod(0o644)
    resources.register(
        name="ner_clusters",
        file=OUT_FILE,
        version="1",
        source=f"word2vec ({'CBOW' if args.cbow else 'skip-gram'}, {args.dim}d) + k-means "
        + "/".join(map(str, args.k))
        + " over ANT v2.1 and SaudiNewsNet news text",
        licence="derived statistics (no text); corpora: ANT citation licence, SaudiNewsNet CC BY-NC-SA 4.0",
        built_by="scripts/train_clusters.py",
        words=len(words),
    )
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(words):,} words)", file=sys.stderr)


if __name__ == "__main__":
    main()
