"""Neural entity tagger: a BiLSTM-CRF over word vectors, a char-CNN and the CRF's lexical marks.

The network (trained by scripts/train_ner_neural.py with torch) is shipped as ONNX and run with
onnxruntime; the CRF layer's Viterbi decode and marginals are computed here in numpy, so users do
not need torch. It ships in the runtime layout of scripts/ner_onnx_layout.py: the char-CNN is a graph
of its own whose features the encoder keeps per word type, and one bidirectional LSTM takes the
sentence lengths (a torch export, with the char-CNN inside and a reversal index, still runs).
Inputs per token, built in `Encoder` from matching-form words:
- frozen word2vec vectors (int8 with a per-row scale) of the word and of its clitic-stripped form;
- a small trainable embedding of frequent training words;
- the word's characters (for the char-CNN);
- dense marks: shape, 'ال' prefix, trigger class, embedding-based type affinity, gazetteer B/I
  and the label-free document context of rasid.entities.features.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from rasid import resources
from rasid.entities.conll import TYPES
from rasid.entities.features import Featurizer
from rasid.errors import RasidError
from rasid.text import Token, proclitic_forms

MODEL_FILE = "ner_neural.onnx"
CHARS_FILE = "ner_neural_chars.onnx"  # the char-CNN of the runtime layout
VECTORS_FILE = "ner_neural_vectors.npz"
CONFIG_FILE = "ner_neural.json"

MAX_CHARS = 14  # longer words keep their first and last 7 characters
BATCH_SENTENCES = 32
MAX_CACHED_WORDS = 200_000
RUN_RATIO = 0.7
# sentences tagged together are padded to the longest: several documents go through the network at
# once only while their padded input stays within this many positions (bounded memory)
MAX_BATCH_POSITIONS = 16_384
_SHAPES = ("ar", "lat", "digit", "punct")
_TYPE_INDEX = {t: k for k, t in enumerate(TYPES)}

# Dense mark columns: word-level (fixed per word type), then sentence/document-level.
WORD_MARKS = (
    [f"sh={s}" for s in _SHAPES]
    + ["al"]
    + [f"t={t}" for t in TYPES]
    + [f"af={t}" for t in TYPES]  # affinity band / 3
)
CONTEXT_MARKS = (
    [f"gz=B-{t}" for t in TYPES]
    + [f"gz=I-{t}" for t in TYPES]
    + [f"d1t={t}" for t in TYPES]
    + [f"d2t={t}" for t in TYPES]
    + [f"dgz={t}" for t in TYPES]
)
N_MARKS = len(WORD_MARKS) + len(CONTEXT_MARKS)


def input_fingerprint() -> dict[str, str]:
    """Checksums of the CRF resources and trigger words the network reads through Featurizer:
    the model must be retrained when they change (recorded in the catalogue, checked by a test)."""
    from rasid.entities.features import AFFINITY_FILE, GAZETTEER_FILE, TRIGGERS

    out = {f: resources.sha256(resources.path(f))[:16] for f in (GAZETTEER_FILE, AFFINITY_FILE)}
    triggers = "\n".join(f"{w}\t{k}" for w, k in sorted(TRIGGERS.items()))
    out["triggers"] = hashlib.sha256(triggers.encode("utf-8")).hexdigest()[:16]
    return out


def _shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "digit"
    if not c.isalpha():
        return "punct"
    return "ar" if "\u0600" <= c <= "\u06ff" else "lat"


def _clip(word: str) -> str:
    return word if len(word) <= MAX_CHARS else word[: MAX_CHARS // 2] + word[-(MAX_CHARS // 2) :]


class Encoder:
    """Turns sentences of matching-form words into the network's input arrays.

    Each word type is looked up once and cached as a row of per-type tables, so a token costs a
    dict lookup plus numpy indexing.
    """

    def __init__(
        self,
        vocab: list[str],
        train_vocab: list[str],
        chars: str,
        featurizer: Featurizer | None = None,
    ) -> None:
        self.vocab = {w: i + 1 for i, w in enumerate(vocab)}  # 0 = unknown
        self.train_vocab = {w: i + 1 for i, w in enumerate(train_vocab)}
        self.chars = {c: i + 2 for i, c in enumerate(chars)}  # 0 = pad, 1 = unknown
        self.featurizer = featurizer or Featurizer()
        self._row: dict[str, int] = {}
        self._stems: dict[str, int] = {}
        self._gaz_forms: list[tuple[tuple[str, int], ...]] = []  # (first name token, longest name)
        self.char_feat: np.ndarray | None = None
        self.char_done = np.zeros(0, dtype=np.bool_)
        self._cap = 0
        self._size = 0
        self._grow(4096)

    def _grow(self, cap: int) -> None:
        def extend(a: np.ndarray | None, shape: tuple[int, ...], dtype: type) -> np.ndarray:
            out = np.zeros(shape, dtype)
            if a is not None:
                out[: len(a)] = a
            return out

        old = self._cap > 0
        self.word_ids = extend(self.word_ids if old else None, (cap,), np.int64)
        self.stem_ids = extend(self.stem_ids if old else None, (cap,), np.int64)
        self.train_ids = extend(self.train_ids if old else None, (cap,), np.int64)
        # (ids of a hundred-odd letters: int16 keeps the table small; the networks take int64)
        self.char_ids = extend(self.char_ids if old else None, (cap, MAX_CHARS), np.int16)
        self.marks = extend(self.marks if old else None, (cap, len(WORD_MARKS)), np.float32)
        self.trigger = extend(self.trigger if old else None, (cap,), np.int64)  # type index + 1
        self.doc_stem = extend(self.doc_stem if old else None, (cap,), np.int64)  # stem index + 1
        self.gaz_start = extend(self.gaz_start if old else None, (cap,), np.bool_)  # may start a name
        if self.char_feat is not None:  # char-CNN features, computed once per word type
            self.char_feat = extend(self.char_feat, (cap, self.char_feat.shape[1]), np.float32)
            self.char_done = extend(self.char_done, (cap,), np.bool_)
        self._gaz_forms += [()] * (cap - len(self._gaz_forms))
        self._cap = cap

    def row(self, word: str) -> int:
        """Row of a word type in the per-type tables (added on first sight)."""
        r = self._row.get(word)
        if r is not None:
            return r
        if self._size == self._cap:
            self._grow(self._cap * 2)
        r = self._size
        self._size += 1
        forms = proclitic_forms(word) if word[0].isalpha() else (word,)
        vocab = self.vocab
        wid = vocab.get(word, 0)
        sid = next((vocab[f] for f in reversed(forms[1:]) if f in vocab), 0) or wid
        if not wid:
            wid = sid
        self.word_ids[r] = wid
        self.stem_ids[r] = sid
        self.train_ids[r] = self.train_vocab.get(word, 0)
        clipped = _clip(word)
        self.char_ids[r] = 0  # (a reused row, after the tables start afresh, keeps nothing of its old word)
        self.char_ids[r, : len(clipped)] = [self.chars.get(c, 1) for c in clipped]
        feat = self.featurizer
        if word[0].isalpha():
            starts = tuple((f, feat.gaz_first[f]) for f in forms if f in feat.gaz_first)
            self._gaz_forms[r] = starts
            self.gaz_start[r] = bool(starts)
        else:
            self._gaz_forms[r] = ()
            self.gaz_start[r] = False
        stem, _, trig, aff = feat._view(word)
        self.trigger[r] = _TYPE_INDEX[trig] + 1 if trig else 0
        # words that take part in the document context (as in Featurizer.doc_marks)
        self.doc_stem[r] = (
            self._stems.setdefault(stem, len(self._stems) + 1) if len(word) >= 3 and word[0].isalpha() else 0
        )
        marks = self.marks[r]
        marks[:] = 0.0
        marks[_SHAPES.index(_shape(word))] = 1.0
        if word.startswith("ال"):
            marks[4] = 1.0
        if trig:
            marks[5 + _TYPE_INDEX[trig]] = 1.0
        for a in aff:
            marks[9 + _TYPE_INDEX[a[:-1]]] = int(a[-1]) / 3
        self._row[word] = r
        return r

    def _gazetteer(
        self, sentences: list[list[str]], rows: np.ndarray, mask: np.ndarray, ctx: np.ndarray
    ) -> None:
        """Gazetteer B/I marks (ctx columns 0..7): the longest name starting at each position, left
        to right, as Featurizer.gazetteer_tags; only words that may start a name are looked at."""
        gazetteer, forms_of = self.featurizer.gazetteer, self._gaz_forms
        cand_b, cand_i = np.nonzero(self.gaz_start[rows] & mask)
        covered_b, covered = -1, 0
        for b, i in zip(cand_b.tolist(), cand_i.tolist(), strict=True):
            if b == covered_b and i < covered:
                continue
            words = sentences[b]
            n = len(words)
            matched, kind = 0, ""
            for first, longest in forms_of[rows[b, i]]:
                for k in range(min(longest, n - i), matched, -1):
                    hit = gazetteer.get((first, *words[i + 1 : i + k]))
                    if hit:
                        matched, kind = k, hit
                        break
            if matched:
                covered_b, covered = b, i + matched
                for kind_one in kind.split("|"):
                    column = _TYPE_INDEX[kind_one]
                    ctx[b, i, column] = 1.0
                    ctx[b, i + 1 : i + matched, 4 + column] = 1.0

    def _doc_context(
        self, rows: np.ndarray, mask: np.ndarray, ctx: np.ndarray, docs: list[int] | None = None
    ) -> None:
        """Label-free document context, as Featurizer.doc_marks: for each word stem, the trigger
        classes one and two words before any of its occurrences and its gazetteer types, shared by
        all its occurrences in the document (ctx columns 8..19; gazetteer B/I already in 0..7).
        `docs`: the document of each sentence, when the sentences are of several."""
        stems = self.doc_stem[rows] * mask
        where = np.nonzero(stems)
        if not len(where[0]):
            return
        trig = self.trigger[rows] * mask
        n, t = rows.shape
        seen = np.zeros((n, t, 12), dtype=np.float32)
        eye = np.eye(5, dtype=np.float32)[:, 1:]  # trigger index + 1 -> one-hot over types
        seen[:, 1:, 0:4] = eye[trig[:, :-1]]
        seen[:, 2:, 4:8] = eye[trig[:, :-2]]
        seen[..., 8:12] = np.maximum(ctx[..., 0:4], ctx[..., 4:8])
        keys = stems[where]
        if docs is not None:  # a stem of another document is another key
            keys = keys + np.asarray(docs, dtype=np.int64)[where[0]] * (len(self._stems) + 1)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        per_stem = np.maximum.reduceat(seen[where][order], starts, axis=0)
        group = np.empty(len(keys), dtype=np.int64)
        group[order] = np.cumsum(np.r_[False, sorted_keys[1:] != sorted_keys[:-1]])
        ctx[where[0], where[1], 8:20] = per_stem[group]

    def _char_features(self, rows: np.ndarray, char_cnn: CharCNN) -> np.ndarray:
        """The char-CNN features of the word types in `rows`, computed for the types not seen yet."""
        new = np.unique(rows[~self.char_done[rows]]) if self.char_feat is not None else np.unique(rows)
        if len(new):
            features = char_cnn(self.char_ids[new][None].astype(np.int64))[0]
            if self.char_feat is None:  # (its width is the network's)
                self.char_feat = np.zeros((self._cap, features.shape[1]), dtype=np.float32)
                self.char_done = np.zeros(self._cap, dtype=np.bool_)
            self.char_feat[new] = features
            self.char_done[new] = True
        if self.char_feat is None:  # no word at all
            return np.zeros((*rows.shape, 0), dtype=np.float32)
        return self.char_feat[rows]

    def encode(
        self, sentences: list[list[str]], char_cnn: CharCNN | None = None, docs: list[int] | None = None
    ) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Input arrays for a batch of sentences (padded to the longest) and their lengths.

        Document context marks come from the sentences of one document: all sentences given, or
        those of one number in `docs` (the document of each sentence).
        With `char_cnn` the arrays are the runtime layout's (char features and lengths), else the
        torch export's (char ids and a per-sentence reversal index).
        """
        if self._size > MAX_CACHED_WORDS:  # bounded memory: start the per-type tables afresh
            self._row.clear()
            self._stems.clear()
            self._size = 0
            self.char_done[:] = False
        feat = self.featurizer
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        n, t = len(sentences), int(lengths.max()) if len(sentences) else 0
        rows = np.zeros((n, t), dtype=np.int64)
        ctx = np.zeros((n, t, len(CONTEXT_MARKS)), dtype=np.float32)
        row, cached = self.row, self._row.get
        for b, words in enumerate(sentences):
            ids = [cached(w) for w in words]
            if None in ids:
                ids = [r if r is not None else row(w) for r, w in zip(ids, words, strict=True)]
            rows[b, : len(words)] = ids
        mask = np.arange(t)[None, :] < lengths[:, None]
        if feat.gaz_first:
            self._gazetteer(sentences, rows, mask, ctx)
        self._doc_context(rows, mask, ctx, docs)
        # the row of a padding position is 0 (some word): its inputs are zeroed below
        marks = np.concatenate([self.marks[rows], ctx], axis=-1) * mask[..., None]
        arrays = {
            "word_ids": self.word_ids[rows] * mask,
            "stem_ids": self.stem_ids[rows] * mask,
            "train_ids": self.train_ids[rows] * mask,
            "marks": marks.astype(np.float32),
        }
        if char_cnn is not None:
            arrays["char_feat"] = self._char_features(rows, char_cnn) * mask[..., None]
            arrays["lengths"] = lengths
        else:
            arrays["char_ids"] = self.char_ids[rows].astype(np.int64) * mask[..., None]
            # per-sentence reversal index (padding stays in place) for the backward LSTM
            rev = np.where(mask, lengths[:, None] - 1 - np.arange(t)[None, :], np.arange(t)[None, :])
            arrays["rev"] = rev.astype(np.int64)
        return arrays, lengths


def _onnx_session(path: Path):
    try:
        import onnxruntime as ort
    except ImportError:
        raise RasidError("the neural NER backend needs `onnxruntime` installed") from None
    if not path.is_file():
        raise RasidError(f"resource {path.name} is missing: rebuild it with the script named in the README")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    try:
        return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own exception types on a bad file
        raise RasidError(f"cannot read ONNX model {path}: {e}") from None


def _emitter(session) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    """Runs the session on its named inputs."""
    names = [i.name for i in session.get_inputs()]

    def emit(arrays: dict[str, np.ndarray]) -> np.ndarray:
        return session.run(None, {k: arrays[k] for k in names})[0]

    return emit


# -- CRF decoding in numpy --------------------------------------------------------------------
def _live_rows(lengths: np.ndarray, t: int) -> list[int]:
    """For each position, how many of the (longest-first) sentences reach it."""
    return np.searchsorted(-lengths, -np.arange(t), side="left").tolist()


def viterbi(
    emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Best label sequence per sentence; emissions [B, T, K], sentences sorted longest first
    (positions past a length are 0)."""
    n, t, k = emissions.shape
    live = _live_rows(lengths, t)
    steps = emissions.transpose(1, 0, 2)
    score = start + steps[0]  # of the sentences still going on (a prefix of the rows)
    final = np.empty((n, k))
    back: list[list[list[int]]] = []  # back[i - 1][row][label]: the best label before it at i
    for i in range(1, t):
        m = live[i]
        if m < len(score):  # the rows m.. ended at i - 1
            final[m : len(score)] = score[m:]
            score = score[:m]
        cand = score[:, :, None] + trans
        back.append(cand.argmax(1).tolist())
        score = cand.max(1) + steps[i, :m]
    final[: len(score)] = score
    path = np.zeros((n, t), dtype=np.intp)
    for r, (label, length) in enumerate(zip((final + end).argmax(1).tolist(), lengths.tolist(), strict=True)):
        row = [0] * length
        for i in range(length - 1, 0, -1):  # plain lists: per-position numpy indexing costs more
            row[i] = label
            label = back[i - 1][r][label]
        row[0] = label
        path[r, :length] = row
    return path


def marginals(
    emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """P(label at position) under the linear-chain CRF (scaled forward-backward), [B, T, K];
    sentences sorted longest first."""
    n, t, k = emissions.shape
    live = _live_rows(lengths, t)
    pot = np.exp(emissions - emissions.max(axis=2, keepdims=True))
    step = np.exp(trans - trans.max())
    alpha = np.empty((n, t, k))
    a = np.exp(start - start.max())[None, :] * pot[:, 0]
    alpha[:, 0] = a / a.sum(1, keepdims=True)
    for i in range(1, t):
        m = live[i]
        a = (alpha[:m, i - 1] @ step) * pot[:m, i]
        alpha[:m, i] = a / (a.sum(1, keepdims=True) + 1e-300)
    beta = np.empty((n, t, k))
    beta[:] = np.exp(end - end.max())  # the last position of each sentence
    for i in range(t - 2, -1, -1):
        m = live[i + 1]  # sentences that go on after position i
        b = (pot[:m, i + 1] * beta[:m, i + 1]) @ step.T
        beta[:m, i] = b / (b.sum(1, keepdims=True) + 1e-300)
    joint = alpha * beta
    return joint / (joint.sum(2, keepdims=True) + 1e-300)


def _length_runs(lengths: np.ndarray) -> list[slice]:
    """Network batches over longest-first lengths: similar lengths together (little padding)."""
    runs: list[slice] = []
    first = 0
    for i in range(1, len(lengths) + 1):
        if i == len(lengths) or i - first >= BATCH_SENTENCES or lengths[i] < RUN_RATIO * lengths[first] - 2:
            runs.append(slice(first, i))
            first = i
    return runs


# -- the tagger -----------------------------------------------------------------------------
Emitter = Callable[[dict[str, np.ndarray]], np.ndarray]
CharCNN = Callable[[np.ndarray], np.ndarray]  # char ids [batch, time, letters] -> features


def _fix_transitions(labels: list[str], trans: np.ndarray, start: np.ndarray) -> None:
    """Forbids I-X after anything but B-X / I-X (the decode then always yields valid IOB2)."""
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            start[j] = -1e4
            for i, prev in enumerate(labels):
                if prev[2:] != lab[2:] or prev == "O":
                    trans[i, j] = -1e4


class NeuralTagger:
    """BiLSTM-CRF run through onnxruntime (or any `emit` function giving emissions)."""

    def __init__(self, model_dir: str | Path | None = None, emit: Emitter | None = None) -> None:
        root = Path(model_dir) if model_dir else resources.ROOT
        config_path = root / CONFIG_FILE
        if not config_path.is_file():
            raise RasidError(f"no neural NER model at {root} ({CONFIG_FILE} missing)")
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
            with np.load(root / VECTORS_FILE) as vz:
                q, scale = vz["q"], vz["scale"]
        except (OSError, ValueError, KeyError) as e:
            raise RasidError(f"cannot read neural NER model in {root}: {e}") from None
        self.config = config
        self.labels: list[str] = config["labels"]
        vectors = np.zeros((len(q) + 1, q.shape[1]), dtype=np.float32)
        vectors[1:] = q.astype(np.float32) * scale[:, None]
        self.vectors = vectors
        self.trans = np.array(config["crf"]["transitions"], dtype=np.float64)
        self.start = np.array(config["crf"]["start"], dtype=np.float64)
        self.end = np.array(config["crf"]["end"], dtype=np.float64)
        # subtracted from the O score: > 0 trades precision for recall (tuned on held-out train)
        self.o_bias = float(config.get("o_bias", 0.0))
        _fix_transitions(self.labels, self.trans, self.start)
        self.encoder = Encoder(config["vocab"], config["train_vocab"], config["chars"])
        # An `emit` given (training, tests) takes the torch export's inputs; so does an exported model.
        self.char_cnn: CharCNN | None = None
        if emit is not None:
            self._emit = emit
        else:
            session = _onnx_session(root / MODEL_FILE)
            self._emit = _emitter(session)
            if "lengths" in {i.name for i in session.get_inputs()}:
                chars = _emitter(_onnx_session(root / CHARS_FILE))
                self.char_cnn = lambda char_ids: chars({"char_ids": char_ids})

    def network_inputs(
        self, sentences: list[list[str]], layout: str = "model", docs: list[int] | None = None
    ) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """The network's input arrays: of the model's layout, or of the torch export's (`layout="export"`)."""
        char_cnn = self.char_cnn if layout == "model" else None
        arrays, lengths = self.encoder.encode(sentences, char_cnn, docs)
        arrays["word_vec"] = self.vectors[arrays.pop("word_ids")]
        arrays["stem_vec"] = self.vectors[arrays.pop("stem_ids")]
        return arrays, lengths

    def tag_words(
        self, sentences: list[list[str]], with_scores: bool = True, docs: list[int] | None = None
    ) -> list[tuple[list[str], list[float]]]:
        """Tags and confidences (marginals; 1.0 without scores) for sentences of matching-form words
        (of one document, or of the document numbered in `docs` for each)."""
        out: list[tuple[list[str], list[float]]] = [([], [])] * len(sentences)
        live = [i for i, s in enumerate(sentences) if s]
        if not live:
            return out
        # document context per document; network batches of similar lengths, longest first
        arrays, lengths = self.network_inputs(
            [sentences[i] for i in live], docs=None if docs is None else [docs[i] for i in live]
        )
        order = np.argsort(-lengths, kind="stable")
        lengths = lengths[order]
        em = np.zeros((len(order), int(lengths[0]), len(self.labels)))
        for run in _length_runs(lengths):
            t = int(lengths[run.start])
            rows = order[run]
            # cutting at t keeps `rev` valid: every row of the run ends by t
            em[run, :t] = self._emit({k: v[rows, :t] if v.ndim > 1 else v[rows] for k, v in arrays.items()})
        if self.o_bias:
            em[:, :, 0] -= self.o_bias
        paths = viterbi(em, lengths, self.trans, self.start, self.end)
        if with_scores:
            probs = marginals(em, lengths, self.trans, self.start, self.end)
            picked = np.take_along_axis(probs, paths[:, :, None], 2)[:, :, 0].round(4).tolist()
        else:
            picked = np.ones(paths.shape).tolist()
        labels = self.labels
        for r, j in enumerate(order.tolist()):
            n = int(lengths[r])
            tags = [labels[c] for c in paths[r, :n].tolist()]
            conf = [1.0 if tag == "O" else p for tag, p in zip(tags, picked[r][:n], strict=True)]
            out[live[j]] = (tags, conf)
        return out

    def tag(self, tokens: list[Token]) -> tuple[list[str], list[float]]:
        return self.tag_doc([tokens])[0]

    def tag_doc(
        self, sentences: list[list[Token]], with_scores: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        return self.tag_words([[t.norm or "_" for t in tokens] for tokens in sentences], with_scores)

    def tag_docs(
        self, docs: list[list[list[Token]]], with_scores: bool = True
    ) -> list[list[tuple[list[str], list[float]]]]:
        """tag_doc() for several documents, through the network and the decoder at once (as many
        documents at a time as MAX_BATCH_POSITIONS allows)."""
        out: list[list[tuple[list[str], list[float]]]] = []
        for group in _position_bounded(docs):
            words = [[t.norm or "_" for t in tokens] for sentences in group for tokens in sentences]
            owner = [d for d, sentences in enumerate(group) for _ in sentences]
            tagged = iter(self.tag_words(words, with_scores, owner))
            out.extend([next(tagged) for _ in sentences] for sentences in group)
        return out


def _position_bounded(docs: list[list[list[Token]]]) -> list[list[list[list[Token]]]]:
    """Consecutive groups of documents whose sentences, padded to the longest, stay within
    MAX_BATCH_POSITIONS (a longer document is a group of its own)."""
    groups: list[list[list[list[Token]]]] = []
    count = longest = 0
    for sentences in docs:
        n, t = len(sentences), max((len(s) for s in sentences), default=0)
        if groups and (count + n) * max(longest, t) <= MAX_BATCH_POSITIONS:
            groups[-1].append(sentences)
            count, longest = count + n, max(longest, t)
        else:
            groups.append([sentences])
            count, longest = n, t
    return groups
