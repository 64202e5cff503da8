"""Entity taggers over rasid tokens, the CoNLL alignment used for training and scoring, and mentions.

The default backend is the BiLSTM-CRF shipped in resources (rasid.entities.neural, run with onnxruntime);
`RASID_NER_BACKEND=crf` selects the CRF (ner_crf.model) and `hf:/path` a Hugging Face token-classification
model on disk (see rasid.entities.hf).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from rasid import resources
from rasid.entities.conll import Sentence, repair_bio, score, spans
from rasid.entities.features import Featurizer
from rasid.errors import RasidError
from rasid.model import Mention
from rasid.text import Token, normalize, tokenize

MODEL_FILE = "ner_crf.model"
BACKEND_ENV = "RASID_NER_BACKEND"


class Tagger(Protocol):
    def tag(self, tokens: list[Token]) -> tuple[list[str], list[float]]:
        """IOB2 tags (types PER/ORG/LOC/MISC) and a confidence per token."""
        ...

    def tag_doc(
        self, sentences: list[list[Token]], with_scores: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        """tag() for each sentence of one document (a tagger may use the whole document).

        Without scores a tagger may skip computing confidences and give 1.0."""
        ...


class CRFTagger:
    """python-crfsuite model over the features of rasid.entities.features."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        featurizer: Featurizer | None = None,
        o_threshold: float | None = None,
    ) -> None:
        """`o_threshold`: a token Viterbi tags O but whose marginal P(O) is below it takes its best
        entity label instead (trades precision for recall; the shipped model's value is tuned on
        held-out train data and kept in the catalogue)."""
        import pycrfsuite

        path = Path(model_path) if model_path else resources.path(MODEL_FILE)
        if not path.is_file():
            raise RasidError(f"no CRF model at {path}")
        self.crf = pycrfsuite.Tagger()
        try:
            self.crf.open(str(path))
        except Exception as e:  # crfsuite raises a bare ValueError/IOError on a bad file
            raise RasidError(f"cannot read CRF model {path}: {e}") from None
        self.featurizer = featurizer or Featurizer()
        if o_threshold is None and model_path is None:
            entry = next((e for e in resources.catalogue() if e.get("name") == "ner_crf"), {})
            o_threshold = entry.get("o_threshold")
        self.o_threshold = o_threshold
        self.entity_labels = [label for label in self.crf.labels() if label != "O"]

    def tag_words(
        self, words: list[str], with_scores: bool = True, marks: dict[str, list[str]] | None = None
    ) -> tuple[list[str], list[float]]:
        """Tags a sentence given as matching-form words (`marks`: its document's context)."""
        if not words:
            return [], []
        crf = self.crf
        tags = crf.tag(self.featurizer.sentence(words, marks))
        if self.o_threshold:
            threshold = self.o_threshold
            relabelled = False
            for i, tag in enumerate(tags):
                if tag == "O" and crf.marginal("O", i) < threshold:
                    tags[i] = max(self.entity_labels, key=lambda label, i=i: crf.marginal(label, i))
                    relabelled = True
            if relabelled:
                tags = repair_bio(tags)
        if not with_scores:
            return tags, [1.0] * len(tags)
        probs = [1.0 if t == "O" else crf.marginal(t, i) for i, t in enumerate(tags)]
        return tags, probs

    def tag(self, tokens: list[Token]) -> tuple[list[str], list[float]]:
        return self.tag_doc([tokens])[0]

    def tag_doc(
        self, sentences: list[list[Token]], with_scores: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        words = [[t.norm for t in tokens] for tokens in sentences]
        marks = self.featurizer.doc_marks(words)
        return [self.tag_words(w, with_scores, marks) for w in words]


def tag_docs(
    tagger: Tagger, docs: list[list[list[Token]]], with_scores: bool = True
) -> list[list[tuple[list[str], list[float]]]]:
    """tag_doc() for each of several documents, in one batch where the tagger can (`tag_docs`)."""
    batched = getattr(tagger, "tag_docs", None)
    if batched is not None:
        return batched(docs, with_scores)
    return [tagger.tag_doc(sentences, with_scores) if sentences else [] for sentences in docs]


@lru_cache(maxsize=4)
def get_tagger(backend: str | None = None) -> Tagger:
    """The tagger of a backend ('neural' (default), 'crf', 'hf:/path'), built once per process."""
    spec = backend or os.environ.get(BACKEND_ENV, "") or "neural"
    if spec == "crf":
        return CRFTagger()
    if spec.startswith("crf:"):
        return CRFTagger(spec[4:])
    if spec == "neural" or spec.startswith("neural:"):
        from rasid.entities.neural import NeuralTagger

        return NeuralTagger(spec[7:] or None)
    if spec.startswith("hf:"):
        from rasid.entities.hf import HFTagger

        return HFTagger(spec[3:])
    raise RasidError(
        f"unknown NER backend {spec!r} (use crf, crf:/path/model, neural, neural:/dir or hf:/path/to/model)"
    )


def _is_core(tok: Token) -> bool:
    return tok.is_word or tok.is_digit


def mentions(tokens: list[Token], tags: list[str], scores: list[float], text: str) -> list[Mention]:
    """Entity mentions from IOB2 tags over `tokens` (punctuation trimmed from the edges)."""
    out: list[Mention] = []
    for s, e, kind in spans(tags):
        while s < e and not _is_core(tokens[s]):
            s += 1
        while e > s and not _is_core(tokens[e - 1]):
            e -= 1
        if s >= e:
            continue
        start, end = tokens[s].start, tokens[e - 1].end
        conf = sum(scores[s:e]) / (e - s)
        out.append(
            Mention(start, end, tokens[s].i, tokens[e - 1].i + 1, kind, text[start:end], round(conf, 4))
        )
    return out


# -- CoNLL tokens <-> rasid tokens ----------------------------------------------------------
@dataclass(slots=True)
class Aligned:
    tokens: list[Token]  # rasid tokens of the sentence
    owner: list[int]  # index of the CoNLL token each rasid token comes from
    tags: list[str]  # gold tags projected on rasid tokens (all O when unknown)


def align(sentence: Sentence) -> Aligned:
    """Re-tokenises a CoNLL sentence as the runtime would and projects its tags onto the pieces.

    Word and digit pieces carry the entity (B on the first); punctuation pieces are inside an
    entity only when the words on both sides belong to it.
    """
    tokens: list[Token] = []
    owner: list[int] = []
    for k, word in enumerate(sentence.tokens):
        for t in tokenize(normalize(word)):
            t.i = len(tokens)
            tokens.append(t)
            owner.append(k)
    ent_of = [-1] * len(sentence.tokens)
    for n, (s, e, _) in enumerate(spans(sentence.tags)):
        for k in range(s, e):
            ent_of[k] = n
    types = [tag[2:] for tag in sentence.tags]
    tags = ["O"] * len(tokens)
    core = [i for i, t in enumerate(tokens) if _is_core(t)]
    seen: set[int] = set()
    for i in core:
        ent = ent_of[owner[i]]
        if ent >= 0:
            tags[i] = ("I-" if ent in seen else "B-") + types[owner[i]]
            seen.add(ent)
    for prev, nxt in itertools.pairwise(core):
        ent = ent_of[owner[prev]]
        if ent >= 0 and ent == ent_of[owner[nxt]]:
            for i in range(prev + 1, nxt):
                tags[i] = "I-" + types[owner[prev]]
    return Aligned(tokens, owner, tags)


def project_back(aligned: Aligned, tags: list[str], n_words: int) -> list[str]:
    """Tags of the CoNLL tokens from the tags of their pieces (first word/digit piece decides)."""
    out: list[str | None] = [None] * n_words
    fallback: list[str] = ["O"] * n_words
    for i, t in enumerate(aligned.tokens):
        k = aligned.owner[i]
        if out[k] is None and _is_core(t):
            out[k] = tags[i]
        if i == 0 or aligned.owner[i - 1] != k:
            fallback[k] = tags[i]
    return repair_bio([o if o is not None else f for o, f in zip(out, fallback, strict=True)])


DOC_SENTENCES = 15  # CoNLL files have no article breaks: runs of sentences stand in for documents


def evaluate(sentences: Iterable[Sentence], tagger: Tagger) -> dict:
    """Entity-level P/R/F1 of a tagger on CoNLL sentences, scored on the CoNLL tokens."""
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    sents = list(sentences)
    for b in range(0, len(sents), DOC_SENTENCES):
        chunk = [(s, align(s)) for s in sents[b : b + DOC_SENTENCES]]
        tagged = iter(tagger.tag_doc([a.tokens for _, a in chunk if a.tokens]))
        for sent, aligned in chunk:
            tags = next(tagged)[0] if aligned.tokens else []
            gold.append(sent.tags)
            pred.append(project_back(aligned, tags, len(sent.tokens)))
    return score(gold, pred)
