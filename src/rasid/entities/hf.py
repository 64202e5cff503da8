"""Optional backend: a Hugging Face token-classification model on disk (e.g. a CAMeLBERT NER model).

Selected with RASID_NER_BACKEND=hf:/path/to/model. Needs `transformers` and `torch`, which are not
dependencies of rasid; nothing is downloaded (local_files_only).
"""

from __future__ import annotations

from pathlib import Path

from rasid.entities.conll import canonical_tag, repair_bio
from rasid.errors import RasidError
from rasid.text import Token

MAX_WORDS = 120  # words per forward pass; longer sentences are tagged in chunks


class HFTagger:
    def __init__(self, path: str | Path) -> None:
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError:
            raise RasidError("the hf NER backend needs `transformers` and `torch` installed") from None
        p = Path(path)
        if not (p / "config.json").is_file():
            raise RasidError(f"no Hugging Face model at {path} (config.json missing)")
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(p), local_files_only=True)
        if not self.tokenizer.is_fast:
            raise RasidError("the hf NER backend needs a fast tokenizer (tokenizer.json)")
        self.model = AutoModelForTokenClassification.from_pretrained(str(p), local_files_only=True)
        self.model.eval()
        self.labels = [
            canonical_tag(self.model.config.id2label[i]) for i in range(self.model.config.num_labels)
        ]

    def _tag_chunk(self, words: list[str]) -> tuple[list[str], list[float]]:
        enc = self.tokenizer(words, is_split_into_words=True, truncation=True, return_tensors="pt")
        with self.torch.no_grad():
            probs = self.model(**enc).logits[0].softmax(-1)
        best_p, best = probs.max(-1)
        tags = ["O"] * len(words)
        scores = [1.0] * len(words)
        seen: set[int] = set()
        for pos, w in enumerate(enc.word_ids(0)):
            if w is None or w in seen:
                continue
            seen.add(w)  # the first sub-word of each word decides
            tags[w] = self.labels[int(best[pos])]
            scores[w] = float(best_p[pos])
        return tags, scores

    def tag(self, tokens: list[Token]) -> tuple[list[str], list[float]]:
        words = [t.text for t in tokens]
        tags: list[str] = []
        scores: list[float] = []
        for i in range(0, len(words), MAX_WORDS):
            t, s = self._tag_chunk(words[i : i + MAX_WORDS])
            tags += t
            scores += s
        return repair_bio(tags), scores

    def tag_doc(
        self, sentences: list[list[Token]], with_scores: bool = True
    ) -> list[tuple[list[str], list[float]]]:
        return [self.tag(tokens) for tokens in sentences]  # the scores come free with the tags
