"""Trains the shipped neural NER model (BiLSTM-CRF + char-CNN, ONNX) from /work/shared/data.

    .venv/bin/pip install -e '.[train]'                  # torch, onnx, gensim (training only)
    OMP_NUM_THREADS=1 nice .venv/bin/python scripts/train_ner_neural.py     # one core, ~10 minutes
    ... --heldout-only --set hidden=96 dropout=0.4      # compare settings on held-out train only

Needs the word2vec vectors of scripts/train_clusters.py (build/ner/word2vec.kv; or, with --vectors
build/ner/fasttext.kv, its --fasttext subword vectors: the shipped table then also holds n-gram-built
vectors of the training words the news vocabulary lacks, so inference needs no gensim) and the CRF's lexical
resources it shares (ner_gazetteer, ner_affinity, trigger words: scripts/train_ner.py). Steps:
(1) train on the first 85% of the CAMeL-split train set, keeping the epoch with the best entity F1
on the last 15% (scored on CoNLL tokens exactly as `rasid ner --eval` does), then pick the O bias
(a recall/precision trade-off at decoding) on the same held-out part; (2) retrain on all of train for
the chosen number of epochs (--no-full skips it); (3) export to ONNX and rewrite the export in the
runtime layout (scripts/ner_onnx_layout.py: the char-CNN a graph of its own, one bidirectional LSTM),
check onnxruntime against torch, score once on test and register the files with their scores and
settings. The test split is
never used for any choice. Optional settings tried on held-out and left off by default: language-
model pretraining of the encoder on news text (pretrain_tokens: no gain), fine-tuned word vectors
(finetune_vectors: no gain), ensembles (ensemble=3: +1 F1 but three times slower to run),
NewsFANE Gold as extra training data (--newsfane all|partial; held-out 0.763 before the O bias vs
0.760 without: PER +2, ORG +1, MISC -3, within seed noise), distillation of 3 teachers into one
model on train + 3,000 unlabelled news sentences (distil=3: held-out 0.761, the teachers' ensemble
0.753), and fastText subword vectors in place of word2vec (--vectors build/ner/fasttext.kv, 100d:
held-out 0.737/0.745/0.737 for seeds 13/14/15 vs word2vec's 0.750/0.744/0.754, a mean of -0.9; PER
loses 5 points in every seed, as fastText's neighbours are spelling variants rather than names of the
same kind). Seeds alone move held-out F1 by about +-1 point (single models 0.744-0.764).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from collections import Counter, deque
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np

try:
    import torch
    from torch import nn
except ImportError:
    sys.exit("torch is needed for training: .venv/bin/pip install -e '.[train]'")

from rasid import resources
from rasid.entities.conll import TYPES, Sentence, read_conll
from rasid.entities.neural import (
    CHARS_FILE,
    CONFIG_FILE,
    MODEL_FILE,
    N_MARKS,
    VECTORS_FILE,
    NeuralTagger,
    input_fingerprint,
)
from rasid.entities.tagger import DOC_SENTENCES, align, evaluate

torch.set_num_threads(1)
ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "build/ner/word2vec.kv"
FASTTEXT = ROOT / "build/ner/fasttext.kv"
SPLIT = Path("/work/shared/data/ner/anercorp/camel_split_reconstructed")
LABELS = ["O"] + [f"{p}-{t}" for t in TYPES for p in ("B", "I")]
HELD_OUT = 0.15
NEWSFANE = Path("/work/shared/data/ner/newsfane_gold/NewsFANE_Gold_2014_170K.txt")
OVERLAP_N = 5  # a NewsFANE sentence sharing any 5-gram of normalised tokens with an excluded split is dropped
# NewsFANE fine type -> ANERcorp type, by majority vote of the tokens the two corpora share (text
# that both annotate); types ANERcorp mostly leaves untagged (governments, groups, buildings) map to O
FANE_TYPES = {
    **dict.fromkeys(
        "Politician Athlete Artist Other_PER Religious_PER Scientist Police Businessperson Lawyer Engineer".split(),
        "PER",
    ),
    **dict.fromkeys("Non-Governmental Sports Media Commercial Educational".split(), "ORG"),
    **dict.fromkeys(
        "Nation Population-Center State-or-Province GPE-Cluster Water-Body Continent County-or-District "
        "Land-Region-Natural Celestial".split(),
        "LOC",
    ),
    **dict.fromkeys("Book Land Air Projectile Food Drug".split(), "MISC"),
}
# NewsFANE labels are partial for our scheme: its O also covers what ANERcorp calls MISC (events,
# products...), and its types without an ANERcorp majority (Government, Group, Building...) are
# unknown; such tokens get a set of allowed labels and the CRF maximises the sum over those paths
PARTIAL: set[int] = set()  # id() of the sentences trained with partial labels
O_BIASES = (0.5, 1.0, 1.5, 2.0)  # tried on held-out train after early stopping
HYPER = {
    "char_dim": 30,
    "char_filters": 50,
    "train_dim": 32,
    "hidden": 128,
    "layers": 1,
    "finetune_vectors": False,
    "vector_lr": 1e-3,
    "dropout": 0.5,
    "train_word_dropout": 0.25,
    "lr": 2e-3,
    "batch": 16,
    "max_epochs": 30,
    "patience": 5,
    "average": 3,  # evaluate and keep the mean weights of the last 3 epochs (steadier than one)
    "pretrain_tokens": 0,
    "ensemble": 1,
    "min_train_freq": 2,
    "min_char_freq": 3,
    "seed": 13,
    "distil": 0,  # >0: train that many teachers and fit the shipped model to their mean marginals
    "distil_news": 3000,  # unlabelled news sentences the teachers label for the student
    "distil_gold": 0.5,  # weight of the gold path in the student's loss on labelled sentences
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- network --------------------------------------------------------------------------------
class Net(nn.Module):
    """Inputs as built by rasid.entities.neural (word vectors looked up outside); out: emissions."""

    def __init__(self, vec_dim: int, n_train: int, n_chars: int, h: dict) -> None:
        super().__init__()
        self.train_emb = nn.Embedding(n_train + 1, h["train_dim"], padding_idx=0)
        self.char_emb = nn.Embedding(n_chars + 2, h["char_dim"], padding_idx=0)
        self.char_cnn = nn.Conv1d(h["char_dim"], h["char_filters"], 3, padding=1)
        width = 2 * vec_dim + h["train_dim"] + h["char_filters"] + N_MARKS
        self.drop = nn.Dropout(h["dropout"])
        widths = [width] + [2 * h["hidden"]] * (h["layers"] - 1)
        self.fwd = nn.ModuleList(nn.LSTM(w, h["hidden"], batch_first=True) for w in widths)
        self.bwd = nn.ModuleList(nn.LSTM(w, h["hidden"], batch_first=True) for w in widths)
        self.out = nn.Linear(2 * h["hidden"], len(LABELS))
        self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))

    def forward(self, word_vec, stem_vec, train_ids, char_ids, marks, rev):
        hf, hb = self.states(word_vec, stem_vec, train_ids, char_ids, marks, rev)
        return self.out(self.drop(torch.cat([hf, hb], dim=-1)))

    def states(self, word_vec, stem_vec, train_ids, char_ids, marks, rev):
        """Forward and backward LSTM states of the last layer."""
        b, t, c = char_ids.shape
        ch = self.char_emb(char_ids.reshape(b * t, c)).transpose(1, 2)
        ch = torch.relu(self.char_cnn(ch)).max(dim=2).values.reshape(b, t, -1)
        x = self.drop(torch.cat([word_vec, stem_vec, self.train_emb(train_ids), ch, marks], dim=-1))
        # backward LSTM = forward LSTM over each sentence reversed within its length (padding stays last)
        index = rev.unsqueeze(-1)
        states = []
        for k, (fwd, bwd) in enumerate(zip(self.fwd, self.bwd, strict=True)):
            if k:
                x = self.drop(torch.cat(states, dim=-1))
            hf, _ = fwd(x)
            hb, _ = bwd(torch.gather(x, 1, index.expand(-1, -1, x.shape[2])))
            states = [hf, torch.gather(hb, 1, index.expand(-1, -1, hb.shape[2]))]
        return states[0], states[1]

    def nll_partial(self, em: torch.Tensor, allowed: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log of the total probability of the paths through the allowed labels."""
        return (self.log_z(em, mask) - self.log_z(em.masked_fill(~allowed, -1e4), mask)).mean()

    def log_z(self, em: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        alpha = self.start[None] + em[:, 0]
        for i in range(1, em.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None], dim=1) + em[:, i]
            alpha = torch.where(mask[:, i, None] > 0, nxt, alpha)
        return torch.logsumexp(alpha + self.end[None], dim=1)

    def nll_soft(
        self,
        em: torch.Tensor,
        tags: torch.Tensor,
        soft: torch.Tensor,
        gold_w: torch.Tensor,
        mask: torch.Tensor,
    ) -> torch.Tensor:
        """Cross-entropy to a mix of the gold path (weight gold_w per sentence) and the teachers'
        label marginals `soft` (expected path score with neighbouring labels taken as independent)."""
        b, t, _ = em.shape
        ar = torch.arange(b)
        gold = self.start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
        for i in range(1, t):
            gold = gold + mask[:, i] * (self.transitions[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]])
        last = mask.sum(1).long() - 1
        gold = gold + self.end[tags[ar, last]]
        soft = soft * mask[:, :, None]
        expected = (soft * em).sum((1, 2)) + soft[:, 0] @ self.start + soft[ar, last] @ self.end
        expected = expected + torch.einsum("nti,ij,ntj->n", soft[:, :-1], self.transitions, soft[:, 1:])
        score = gold_w * gold + (1 - gold_w) * expected
        return (self.log_z(em, mask) - score).mean()

    def nll(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean negative log-likelihood of the gold paths under the linear-chain CRF."""
        b, t, _ = em.shape
        ar = torch.arange(b)
        gold = self.start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
        alpha = self.start[None] + em[:, 0]
        for i in range(1, t):
            m = mask[:, i]
            gold = gold + m * (self.transitions[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]])
            nxt = torch.logsumexp(alpha[:, :, None] + self.transitions[None], dim=1) + em[:, i]
            alpha = torch.where(m[:, None] > 0, nxt, alpha)
        last = tags[ar, mask.sum(1).long() - 1]
        gold = gold + self.end[last]
        z = torch.logsumexp(alpha + self.end[None], dim=1)
        return (z - gold).mean()


# -- data -----------------------------------------------------------------------------------
def build_vectors(words_out: list[str], path: Path, extra: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Word vectors as int8 with a per-row scale: the news vocabulary in corpus frequency order,
    then (subword vectors only) the words of `extra` it lacks, built from their character n-grams."""
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(path))
    vecs = kv.vectors.astype(np.float32)
    words_out += kv.index_to_key
    if hasattr(kv, "vectors_ngrams"):  # fastText
        new = sorted(w for w in extra if w not in kv.key_to_index)
        vecs = np.concatenate([vecs, np.stack([kv.get_vector(w) for w in new]).astype(np.float32)])
        words_out += new
        log(f"subword vectors: {len(kv.index_to_key)} news words + {len(new)} training words")
    return quantize(vecs)


def word_forms(sentences: list[Sentence]) -> set[str]:
    """Matching-form words of the sentences and their clitic-stripped forms (as Encoder looks up)."""
    from rasid.text import proclitic_forms

    words = {w for words, _ in sentence_tables(sentences) for w in words}
    return {f for w in words for f in (proclitic_forms(w) if w[0].isalpha() else (w,))}


def quantize(v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with a float scale each (a quarter of the float32 size)."""
    scale = np.abs(v).max(axis=1) / 127 + 1e-12
    q = np.round(v / scale[:, None]).astype(np.int8)
    return q, scale.astype(np.float32)


def newsfane(exclude: list[Sentence], keep_overlap: list[Sentence], partial: bool) -> list[Sentence]:
    """NewsFANE sentences with coarse types, minus any that share an OVERLAP_N-gram of normalised
    tokens with `exclude` (test, and held-out when tuning); ones overlapping `keep_overlap` (the
    training text itself, re-annotated) are dropped too unless it is empty."""
    from rasid.entities.conll import repair_bio
    from rasid.text.normalize import norm

    def grams(tokens: list[str]) -> set[tuple[str, ...]]:
        key = tuple(norm(t) for t in tokens)
        return {key[i : i + OVERLAP_N] for i in range(len(key) - OVERLAP_N + 1)}

    banned = set().union(*(grams(s.tokens) for s in exclude))
    banned_also = set().union(*(grams(s.tokens) for s in keep_overlap)) if keep_overlap else set()
    out: list[Sentence] = []
    dropped = dropped_also = 0
    for s in read_conll_raw(NEWSFANE):
        g = grams(s.tokens)
        if len(s.tokens) < OVERLAP_N or g & banned:  # short ones cannot be checked: drop them
            dropped += 1
        elif g & banned_also:
            dropped_also += 1
        else:
            tags = [t[:2] + FANE_TYPES[t[2:]] if t[2:] in FANE_TYPES else "O" for t in s.tags]
            if partial:
                tags = [t if t != "O" or s.tags[k] == "O" else "B-UNK" for k, t in enumerate(tags)]
            out.append(Sentence(s.tokens, repair_bio(tags)))
            if partial:
                PARTIAL.add(id(out[-1]))
    log(
        f"NewsFANE: kept {len(out)} sentences, dropped {dropped} overlapping held-out/test (or shorter "
        f"than {OVERLAP_N}) and {dropped_also} overlapping train"
    )
    return out


def read_conll_raw(path: Path) -> list[Sentence]:
    """`token<TAB>tag` lines with the tags as written (read_conll would keep only coarse types)."""
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.replace("\u200e", "").split()
        if len(parts) >= 2:
            tokens.append(" ".join(parts[:-1]))
            tags.append(parts[-1] if parts[-1][:2] in ("B-", "I-") else "O")
        elif not parts and tokens:
            out.append(Sentence(tokens, tags))
            tokens, tags = [], []
    if tokens:
        out.append(Sentence(tokens, tags))
    return out


def sentence_tables(sentences: list[Sentence]) -> list[tuple[list[str], list[int] | np.ndarray]]:
    """(matching-form words, label ids) per sentence on rasid tokens; for a PARTIAL sentence the
    labels are a (tokens, labels) boolean array of the labels allowed at each token."""
    out: list[tuple[list[str], list[int] | np.ndarray]] = []
    misc = [LABELS.index("O"), LABELS.index("B-MISC"), LABELS.index("I-MISC")]
    for s in sentences:
        a = align(s)
        if not a.tokens:
            continue
        words = [t.norm for t in a.tokens]
        if id(s) not in PARTIAL:
            out.append((words, [LABELS.index(x) for x in a.tags]))
            continue
        allowed = np.zeros((len(words), len(LABELS)), dtype=bool)
        for i, tag in enumerate(a.tags):
            if tag == "O":
                allowed[i, misc] = True
            elif tag.endswith("-UNK"):
                allowed[i] = True
            else:
                allowed[i, LABELS.index(tag)] = True
        out.append((words, allowed))
    return out


def encode_all(tagger: NeuralTagger, sentences: list[tuple[list[str], list[int]]]) -> list[dict]:
    """Per-sentence network inputs (unpadded); documents are runs of DOC_SENTENCES sentences."""
    items = []
    for b in range(0, len(sentences), DOC_SENTENCES):
        chunk = sentences[b : b + DOC_SENTENCES]
        arrays, lengths = tagger.encoder.encode([w for w, _ in chunk])
        for k, (_, tags) in enumerate(chunk):
            n = int(lengths[k])
            item = {key: v[k, :n] for key, v in arrays.items() if key != "rev"}
            if isinstance(tags, np.ndarray):
                item["allowed"] = tags
                item["tags"] = tags.argmax(1)  # a placeholder: the loss uses `allowed`
            else:
                item["tags"] = np.array(tags, dtype=np.int64)
            items.append(item)
    return items


def collate(items: list[dict], table: nn.Embedding) -> tuple[dict, torch.Tensor, torch.Tensor]:
    n = len(items)
    t = max(len(x["tags"]) for x in items)
    lengths = torch.tensor([len(x["tags"]) for x in items])

    def pad(key: str) -> torch.Tensor:
        first = items[0][key]
        out = np.zeros((n, t, *first.shape[1:]), dtype=first.dtype)
        for i, x in enumerate(items):
            out[i, : len(x[key])] = x[key]
        return torch.from_numpy(out)

    pos = torch.arange(t)[None, :]
    mask = pos < lengths[:, None]
    rev = torch.where(mask, lengths[:, None] - 1 - pos, pos.expand(n, t))
    inputs = {
        "word_vec": table(pad("word_ids")),
        "stem_vec": table(pad("stem_ids")),
        "train_ids": pad("train_ids"),
        "char_ids": pad("char_ids"),
        "marks": pad("marks"),
        "rev": rev,
    }
    return inputs, pad("tags"), mask.float()


def batches(items: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    order = sorted(range(len(items)), key=lambda i: (len(items[i]["tags"]), rng.random()))
    groups = [[items[i] for i in order[b : b + size]] for b in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def torch_emitter(net: Net):
    def emit(arrays: dict[str, np.ndarray]) -> np.ndarray:
        with torch.no_grad():
            return net(**{k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in arrays.items()}).numpy()

    return emit


def set_crf(tagger: NeuralTagger, net: Net) -> None:
    from rasid.entities.neural import _fix_transitions

    tagger.trans = net.transitions.detach().double().numpy().copy()
    tagger.start = net.start.detach().double().numpy().copy()
    tagger.end = net.end.detach().double().numpy().copy()
    _fix_transitions(tagger.labels, tagger.trans, tagger.start)


def news_documents(max_len: int = 80):
    """Label-free news text as documents of DOC_SENTENCES sentences of matching-form words."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_clusters import corpus_sentences, fast_table

    doc: list[list[str]] = []
    for sent in corpus_sentences(fast_table(), None):
        doc.append(sent[:max_len])
        if len(doc) == DOC_SENTENCES:
            yield doc
            doc = []


def pretrain(tagger: NeuralTagger, vectors: torch.Tensor, h: dict) -> dict[str, torch.Tensor]:
    """Language-model pretraining of the encoder on news text: the forward LSTM state predicts the
    next word's vector and the backward one the previous word's (cosine loss, no softmax), so the
    tagger starts from states that already carry the context of unlabelled text."""
    torch.manual_seed(h["seed"])
    rng = random.Random(h["seed"])
    net = Net(vectors.shape[1], len(tagger.encoder.train_vocab), len(tagger.encoder.chars), h)
    table = nn.Embedding.from_pretrained(vectors, freeze=True)
    unit = vectors / (vectors.norm(dim=1, keepdim=True) + 1e-9)
    heads = nn.ModuleList(nn.Linear(h["hidden"], vectors.shape[1]) for _ in range(2))
    opt = torch.optim.Adam([*net.parameters(), *heads.parameters()], lr=h["lr"])
    seen, t0, total, n_loss = 0, time.time(), 0.0, 0
    docs = news_documents()
    while seen < h["pretrain_tokens"]:
        chunk = [d for d, _ in zip(docs, range(200), strict=False)]  # 3,000 sentences at a time
        if not chunk:
            break
        items = []
        for doc in chunk:
            arrays, lengths = tagger.encoder.encode(doc)
            for k, n in enumerate(lengths.tolist()):
                items.append({key: v[k, :n] for key, v in arrays.items() if key != "rev"})
                items[-1]["tags"] = np.zeros(n, dtype=np.int64)
        for group in batches(items, 32, rng):
            inputs, _, mask = collate(group, table)
            ids = torch.zeros(mask.shape, dtype=torch.long)
            for i, x in enumerate(group):
                ids[i, : len(x["word_ids"])] = torch.from_numpy(x["word_ids"])
            hf, hb = net.states(**inputs)
            # forward state at t -> word t+1; backward state at t -> word t-1
            nxt_ok = (mask[:, 1:] > 0) & (ids[:, 1:] > 0)
            prv_ok = (mask[:, :-1] > 0) & (ids[:, :-1] > 0)
            loss_f = 1 - nn.functional.cosine_similarity(heads[0](hf[:, :-1]), unit[ids[:, 1:]], dim=-1)
            loss_b = 1 - nn.functional.cosine_similarity(heads[1](hb[:, 1:]), unit[ids[:, :-1]], dim=-1)
            n = nxt_ok.sum() + prv_ok.sum()
            loss = ((loss_f * nxt_ok).sum() + (loss_b * prv_ok).sum()) / n.clamp(min=1)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += float(loss.detach()) * int(n)
            n_loss += int(n)
            seen += int(mask.sum())
        log(f"pretrain: {seen:,} tokens, cosine loss {total / max(n_loss, 1):.4f} ({time.time() - t0:.0f}s)")
        total, n_loss = 0.0, 0
    return {
        k: v.detach().clone()
        for k, v in net.state_dict().items()
        if not k.startswith(("out.", "transitions", "start", "end"))
    }


def fit(
    tagger: NeuralTagger,
    train_items: list[dict],
    vectors: torch.Tensor,
    h: dict,
    epochs: int,
    held: list[Sentence] | None,
    pretrained: dict[str, torch.Tensor] | None = None,
) -> tuple[Net, int, dict | None]:
    """Trains a fresh network; with `held`, keeps the epoch with the best held-out F1."""
    torch.manual_seed(h["seed"])
    rng = random.Random(h["seed"])
    net = Net(vectors.shape[1], len(tagger.encoder.train_vocab), len(tagger.encoder.chars), h)
    if pretrained:
        net.load_state_dict(pretrained, strict=False)
    tune = h["finetune_vectors"]
    table = nn.Embedding.from_pretrained(vectors.clone(), freeze=not tune, sparse=True)
    tagger.vectors = table.weight.detach().numpy()  # shares memory: evaluation sees the updates
    opt = torch.optim.Adam(net.parameters(), lr=h["lr"])
    table_opt = torch.optim.SparseAdam([table.weight], lr=h["vector_lr"]) if tune else None
    best, best_epoch, best_state, best_result, stale = -1.0, 0, None, None, 0
    recent: deque = deque(maxlen=h["average"])
    tagger._emit = torch_emitter(net)
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        net.train()
        total = 0.0
        for group in batches(train_items, h["batch"], rng):
            inputs, tags, mask = collate(group, table)
            if h["train_word_dropout"]:
                drop = torch.rand(inputs["train_ids"].shape) < h["train_word_dropout"]
                inputs["train_ids"] = inputs["train_ids"].masked_fill(drop, 0)
            if "soft" in group[0]:  # distillation: every item has teacher marginals
                soft = torch.zeros(*tags.shape, len(LABELS))
                for i, x in enumerate(group):
                    soft[i, : len(x["tags"])] = torch.from_numpy(x["soft"])
                gold_w = torch.tensor([x["gold_w"] for x in group], dtype=torch.float32)
                loss = net.nll_soft(net(**inputs), tags, soft, gold_w, mask)
            elif any("allowed" in x for x in group):
                allowed = nn.functional.one_hot(tags, len(LABELS)).bool()
                for i, x in enumerate(group):
                    if "allowed" in x:
                        allowed[i, : len(x["tags"])] = torch.from_numpy(x["allowed"])
                loss = net.nll_partial(net(**inputs), allowed, mask)
            else:
                loss = net.nll(net(**inputs), tags, mask)
            opt.zero_grad()
            if table_opt:
                table_opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            if table_opt:
                table_opt.step()
            total += float(loss) * len(group)
        msg = f"epoch {epoch}: loss {total / len(train_items):.3f} ({time.time() - t0:.0f}s)"
        # the model evaluated and kept is the average of the last `average` epochs' weights
        recent.append(snapshot(net, table))
        raw = snapshot(net, table) if len(recent) > 1 else None
        load(net, table, average(recent))
        if held is not None:
            net.eval()
            set_crf(tagger, net)
            result = evaluate(held, tagger)
            per = " ".join(f"{k} {v['f1']:.3f}" for k, v in result["per_type"].items())
            msg += f"; held-out F1 {result['f1']:.4f} (P {result['precision']:.3f} R {result['recall']:.3f}; {per})"
            if result["f1"] > best:
                best, best_epoch, best_result, stale = result["f1"], epoch, result, 0
                best_state = snapshot(net, table)
            else:
                stale += 1
        log(msg)
        if held is not None and stale >= h["patience"]:
            break
        if raw is not None and epoch < epochs:
            load(net, table, raw)
    if best_state is not None:
        load(net, table, best_state)
    else:
        best_epoch = epochs
    net.eval()
    set_crf(tagger, net)
    net.vectors = table.weight.detach()
    return net, best_epoch, best_result


class Ensemble(nn.Module):
    """Networks trained from different seeds: mean emissions and mean CRF parameters."""

    def __init__(self, nets: list[Net]) -> None:
        super().__init__()
        self.nets = nn.ModuleList(nets)
        self.transitions = torch.stack([n.transitions for n in nets]).mean(0).detach()
        self.start = torch.stack([n.start for n in nets]).mean(0).detach()
        self.end = torch.stack([n.end for n in nets]).mean(0).detach()
        self.vectors = nets[0].vectors
        self.eval()

    def forward(self, word_vec, stem_vec, train_ids, char_ids, marks, rev):
        return torch.stack([n(word_vec, stem_vec, train_ids, char_ids, marks, rev) for n in self.nets]).mean(
            0
        )


def teach(teacher: nn.Module, items: list[dict], vectors: torch.Tensor, gold_w: float) -> None:
    """Adds the teachers' label marginals (`soft`) and the gold weight to each item."""
    table = nn.Embedding.from_pretrained(vectors, freeze=True)
    trans, start, end = teacher.transitions.detach(), teacher.start.detach(), teacher.end.detach()
    for b in range(0, len(items), 64):
        group = items[b : b + 64]
        inputs, _, mask = collate(group, table)
        with torch.no_grad():
            em = teacher(**inputs)
        em.requires_grad_(True)
        # marginals = gradient of log Z with respect to the emissions
        alpha = start[None] + em[:, 0]
        for i in range(1, em.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, i]
            alpha = torch.where(mask[:, i, None] > 0, nxt, alpha)
        (marg,) = torch.autograd.grad(torch.logsumexp(alpha + end[None], dim=1).sum(), em)
        for i, x in enumerate(group):
            x["soft"] = marg[i, : len(x["tags"])].numpy().astype(np.float32)
            x["gold_w"] = gold_w if x.get("labelled", True) else 0.0


def news_items(tagger: NeuralTagger, n_sentences: int) -> list[dict]:
    """Unlabelled news sentences encoded like training items (tags are placeholders)."""
    items: list[dict] = []
    for doc in news_documents(max_len=60):
        arrays, lengths = tagger.encoder.encode(doc)
        for k, n in enumerate(lengths.tolist()):
            if n >= 5:
                item = {key: v[k, :n] for key, v in arrays.items() if key != "rev"}
                item["tags"] = np.zeros(n, dtype=np.int64)
                item["labelled"] = False
                items.append(item)
        if len(items) >= n_sentences:
            break
    return items


def snapshot(net: Net, table: nn.Embedding) -> dict[str, torch.Tensor]:
    state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    state["@vectors"] = table.weight.detach().clone()
    return state


def load(net: Net, table: nn.Embedding, state: dict[str, torch.Tensor]) -> None:
    table.weight.data.copy_(state["@vectors"])
    net.load_state_dict({k: v for k, v in state.items() if k != "@vectors"})


def average(states: deque) -> dict[str, torch.Tensor]:
    return {k: sum(s[k] for s in states) / len(states) for k in states[0]}


def export(net: Net, tagger: NeuralTagger, path: Path) -> None:
    """The torch export (char ids and a reversal index in; scripts/ner_onnx_layout.py rewrites it)."""
    arrays, _ = tagger.network_inputs([["قال", "الرئيس", "في", "بغداد"], ["امس"]], layout="export")
    args = tuple(
        torch.from_numpy(arrays[k]) for k in ("word_vec", "stem_vec", "train_ids", "char_ids", "marks", "rev")
    )
    names = ["word_vec", "stem_vec", "train_ids", "char_ids", "marks", "rev"]
    dims = {n: {0: "batch", 1: "time"} for n in names}
    torch.onnx.export(
        net,
        args,
        str(path),
        input_names=names,
        output_names=["emissions"],
        dynamic_axes={**dims, "emissions": {0: "batch", 1: "time"}},
        opset_version=17,
        dynamo=False,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=None, help="skip early stopping: train this many epochs")
    ap.add_argument("--no-full", action="store_true", help="ship the early-stopped model (85%% of train)")
    ap.add_argument("--out", type=Path, default=resources.ROOT, help="where to write the model files")
    ap.add_argument("--no-register", action="store_true", help="do not touch the resource catalogue")
    ap.add_argument("--smoke", action="store_true", help="check every step on 200 sentences")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE", help="override a hyper-parameter")
    ap.add_argument("--heldout-only", action="store_true", help="stop after the held-out run (for tuning)")
    ap.add_argument("--vectors", type=Path, default=VECTORS, help=f"word vectors (gensim; or {FASTTEXT})")
    ap.add_argument(
        "--newsfane",
        choices=("none", "new", "all", "partial"),
        default="none",
        help="extra NewsFANE training sentences: none, only text not in ANERcorp train (new), or all "
        "but test (all), or all but test with partial labels (partial: its O may be MISC, types "
        "ANERcorp does not tag are unknown); anything overlapping test or held-out is always left out",
    )
    args = ap.parse_args()
    if not args.vectors.exists():
        sys.exit(f"{args.vectors} is missing: build it with `.venv/bin/python scripts/train_clusters.py`")
    t0 = time.time()
    h = dict(HYPER)
    for item in args.set:
        key, value = item.split("=", 1)
        if key not in h:
            sys.exit(f"unknown hyper-parameter {key}")
        h[key] = type(h[key])(json.loads(value))
    log(f"hyper-parameters: {h}")
    if h["ensemble"] > 1 and h["finetune_vectors"]:
        sys.exit("an ensemble shares one vector table: use finetune_vectors=false")
    random.seed(h["seed"])

    train_sents = read_conll(SPLIT / "train.txt")
    test_sents = read_conll(SPLIT / "test.txt")
    cut = int(len(train_sents) * (1 - HELD_OUT))
    fit_sents, held_sents = train_sents[:cut], train_sents[cut:]
    if args.smoke:  # a quick run of every step on a few sentences
        train_sents, test_sents, fit_sents, held_sents = (
            s[:200] for s in (train_sents, test_sents, fit_sents, held_sents)
        )

    n_fane = 0
    if args.newsfane != "none":
        keep = train_sents if args.newsfane == "new" else []
        # the held-out run never sees NewsFANE text overlapping held-out; the final run only avoids test
        partial = args.newsfane == "partial"
        fit_sents = fit_sents + newsfane(test_sents + held_sents, keep, partial)
        extra = newsfane(test_sents, keep, partial)
        n_fane = len(extra)
        train_sents = train_sents + extra

    # subword vectors are exported for the words trained on only (held-out words stay unseen, as test's)
    vocab: list[str] = []
    q, scale = build_vectors(vocab, args.vectors, word_forms(fit_sents))

    all_tables = sentence_tables(train_sents)
    # word types and characters of all of train (no labels), so that every model shares one layout
    counts = Counter(w for words, _ in all_tables for w in words)

    def make_tagger(sents: list[Sentence], out: Path) -> tuple[NeuralTagger, list[dict]]:
        """Writes vectors + config and encodes a training set."""
        tables = sentence_tables(sents)
        char_counts = Counter(c for w, n in counts.items() for c in w for _ in range(n))
        config = {
            "version": "1",
            "labels": LABELS,
            "hyper": h,
            "chars": "".join(sorted(c for c, n in char_counts.items() if n >= h["min_char_freq"])),
            "train_vocab": sorted(w for w, n in counts.items() if n >= h["min_train_freq"]),
            "vocab": vocab,
            "crf": {
                "transitions": [[0.0] * len(LABELS)] * len(LABELS),
                "start": [0.0] * len(LABELS),
                "end": [0.0] * len(LABELS),
            },
        }
        out.mkdir(parents=True, exist_ok=True)
        np.savez(out / VECTORS_FILE, q=q, scale=scale)
        (out / CONFIG_FILE).write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        tagger = NeuralTagger(out, emit=lambda a: np.zeros((*a["marks"].shape[:2], len(LABELS))))
        return tagger, encode_all(tagger, tables)

    work = ROOT / "build/ner/neural" / str(os.getpid())
    tagger, fit_items = make_tagger(fit_sents, work / "fit")
    vectors = torch.from_numpy(tagger.vectors)
    log(
        f"data ready: {len(fit_items)} sentences, vocab {len(vocab)}, train vocab "
        f"{len(tagger.encoder.train_vocab)}, chars {len(tagger.encoder.chars)} ({time.time() - t0:.0f}s)"
    )
    pretrained = None
    if h["pretrain_tokens"]:
        keys = (
            "char_dim",
            "char_filters",
            "train_dim",
            "hidden",
            "layers",
            "dropout",
            "lr",
            "seed",
            "pretrain_tokens",
        )
        tag = hashlib.sha1(json.dumps([h[k] for k in keys] + [len(counts)]).encode()).hexdigest()[:10]
        cache = work.parent / f"pretrained-{tag}.pt"
        if cache.exists():
            pretrained = torch.load(cache)
        else:
            pretrained = pretrain(tagger, vectors, h)
            torch.save(pretrained, cache)
        log(f"pretrained encoder ready ({time.time() - t0:.0f}s)")
    teacher, news = None, []
    if h["distil"]:
        # teachers early-stopped on held-out, from other seeds than the student; they stay the
        # teachers of the final student too (which then also learns held-out's gold labels)
        members = [
            fit(tagger, fit_items, vectors, dict(h, seed=h["seed"] + 100 + k), h["max_epochs"], held_sents)
            for k in range(h["distil"])
        ]
        teacher = Ensemble([m[0] for m in members])
        tagger._emit = torch_emitter(teacher)
        set_crf(tagger, teacher)
        teacher_held = evaluate(held_sents, tagger)
        log(
            "teachers: "
            + ", ".join(f"{m[2]['f1']:.4f}" for m in members)
            + f"; their ensemble {teacher_held['f1']:.4f} ({time.time() - t0:.0f}s)"
        )
        news = news_items(tagger, h["distil_news"])
        teach(teacher, fit_items + news, vectors, h["distil_gold"])
        fit_items = fit_items + news
        log(
            f"teachers labelled {len(fit_items)} sentences ({len(news)} unlabelled) ({time.time() - t0:.0f}s)"
        )
    seeds = [h["seed"] + k for k in range(h["ensemble"])]
    runs = [
        fit(
            tagger,
            fit_items,
            vectors,
            dict(h, seed=seed),
            args.epochs or h["max_epochs"],
            None if args.epochs else held_sents,
            pretrained,
        )
        for seed in seeds
    ]
    net, held_result = runs[0][0], runs[0][2]
    epochs = [run[1] for run in runs]
    if len(runs) > 1:
        net = Ensemble([run[0] for run in runs])
        tagger._emit = torch_emitter(net)
        set_crf(tagger, net)
        if held_result:
            log("members: " + ", ".join(f"{run[2]['f1']:.4f}" for run in runs))
            held_result = evaluate(held_sents, tagger)
    o_bias = 0.0
    if held_result:
        log(f"best epochs {epochs}: held-out F1 {held_result['f1']:.4f} ({time.time() - t0:.0f}s)")
        log("held-out " + json.dumps({k: v["f1"] for k, v in held_result["per_type"].items()}))
        for bias in O_BIASES:
            tagger.o_bias = bias
            result = evaluate(held_sents, tagger)
            log(
                f"O bias {bias}: held-out F1 {result['f1']:.4f} (P {result['precision']:.3f} R {result['recall']:.3f})"
            )
            if result["f1"] > held_result["f1"]:
                held_result, o_bias = result, bias
        tagger.o_bias = 0.0
        log(f"chosen O bias {o_bias}")
    if args.heldout_only:
        shutil.rmtree(work)
        return

    final = work / "final"
    if not args.no_full:
        vocab = []  # subword vectors: now with rows for all of train's words (word2vec: the same table)
        q, scale = build_vectors(vocab, args.vectors, word_forms(train_sents))
        tagger, all_items = make_tagger(train_sents, final)
        vectors = torch.from_numpy(tagger.vectors)
        if teacher is not None:  # same layout (vocabularies from all of train): same encodings
            teach(teacher, all_items, vectors, h["distil_gold"])
            all_items = all_items + news
        nets = [
            fit(tagger, all_items, vectors, dict(h, seed=seed), n, None, pretrained)[0]
            for seed, n in zip(seeds, epochs, strict=True)
        ]
        net = nets[0] if len(nets) == 1 else Ensemble(nets)
        log(f"retrained on all of train for {epochs} epochs ({time.time() - t0:.0f}s)")
    else:
        tagger, _ = make_tagger(fit_sents, final)
        set_crf(tagger, net)

    config = json.loads((final / CONFIG_FILE).read_text(encoding="utf-8"))
    config["crf"] = {
        "transitions": net.transitions.detach().tolist(),
        "start": net.start.detach().tolist(),
        "end": net.end.detach().tolist(),
    }
    config["epochs"] = epochs
    config["o_bias"] = o_bias
    if h["finetune_vectors"]:
        q_tuned, scale_tuned = quantize(net.vectors[1:].numpy())
        np.savez(final / VECTORS_FILE, q=q_tuned, scale=scale_tuned)
    (final / CONFIG_FILE).write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ner_onnx_layout import MAX_GAP, write_runtime_layout

    export(net, tagger, work / "export.onnx")
    files = [MODEL_FILE, CHARS_FILE, VECTORS_FILE, CONFIG_FILE]
    try:
        write_runtime_layout(work / "export.onnx", final)
    except ValueError as e:  # (layers > 1, an ensemble): the torch export runs as it is, only slower
        log(f"shipping the torch export: {e}")
        shutil.copyfile(work / "export.onnx", final / MODEL_FILE)
        files.remove(CHARS_FILE)
        (args.out / CHARS_FILE).unlink(missing_ok=True)
        if not args.no_register and args.out == resources.ROOT:
            resources.unregister("ner_neural_chars")
    for file in files:
        resources.atomic_write_bytes(args.out / file, (final / file).read_bytes())
    shutil.rmtree(work)

    shipped = NeuralTagger(args.out)
    probe = [["قال", "الرئيس", "في", "بغداد", "."], ["امس"]]
    runtime, lengths = shipped.network_inputs(probe)
    ours, theirs = (
        shipped._emit(runtime),
        torch_emitter(net)(shipped.network_inputs(probe, layout="export")[0]),
    )
    gap = max(np.abs(ours[r, :n] - theirs[r, :n]).max() for r, n in enumerate(lengths.tolist()))
    log(f"onnxruntime vs torch max difference {gap:.2e}")
    if gap > MAX_GAP:
        sys.exit(f"the shipped model differs from torch by {gap:.2e}: not registered")
    result = evaluate(test_sents, shipped)
    print(json.dumps(result, indent=2))
    size = sum((args.out / f).stat().st_size for f in files) / 1e6
    log(f"test F1 {result['f1']:.4f}; model files {size:.1f} MB; total {time.time() - t0:.0f}s")
    if args.no_register or args.out != resources.ROOT:
        return
    common = {
        "version": "1",
        "source": "BiLSTM-CRF + char-CNN (torch, exported to ONNX) trained on ANERcorp, CAMeL split "
        "reconstructed (shared/data MANIFEST 2.1)"
        + (
            f" and NewsFANE Gold (MANIFEST 2.2; --newsfane {args.newsfane}, test-overlapping sentences left out)"
            if args.newsfane != "none"
            else ""
        )
        + (
            ", word2vec from the news corpora (ner_clusters run)"
            if args.vectors == VECTORS
            else f", subword vectors {args.vectors.name} from the news corpora (train_clusters.py --fasttext)"
        ),
        "licence": "model weights derived from ANERcorp (free for research)"
        + (", NewsFANE Gold (CC BY-SA 3.0)" if args.newsfane != "none" else "")
        + " and the news corpora",
        "built_by": "scripts/train_ner_neural.py",
    }
    for name, file in (
        ("ner_neural_vectors", VECTORS_FILE),
        ("ner_neural_config", CONFIG_FILE),
        ("ner_neural_chars", CHARS_FILE),
    ):
        if file in files:
            resources.register(name=name, file=file, **common)
    resources.register(
        name="ner_neural",
        file=MODEL_FILE,
        **common,
        hyper=h,
        epochs=epochs,
        trained_on=("all of train" if not args.no_full else "first 85% of train")
        + (f" + {n_fane} NewsFANE sentences ({args.newsfane})" if args.newsfane != "none" else ""),
        o_bias=o_bias,
        heldout_f1=held_result["f1"] if held_result else None,
        heldout_per_type={k: v["f1"] for k, v in held_result["per_type"].items()} if held_result else None,
        test_precision=result["precision"],
        test_recall=result["recall"],
        test_f1=result["f1"],
        test_per_type={
            k: {m: v[m] for m in ("precision", "recall", "f1")} for k, v in result["per_type"].items()
        },
        inputs=input_fingerprint(),
    )


if __name__ == "__main__":
    main()
