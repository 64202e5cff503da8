"""Neural NER backend: numpy CRF decoding, input encoding, the shipped ONNX model through the stage."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rasid.doc import Doc
from rasid.entities.conll import Sentence, spans
from rasid.entities.neural import (
    CONTEXT_MARKS,
    N_MARKS,
    WORD_MARKS,
    NeuralTagger,
    input_fingerprint,
    marginals,
    viterbi,
)
from rasid.entities.stage import EntityStage
from rasid.entities.tagger import evaluate, get_tagger
from rasid.errors import RasidError
from rasid.model import Article
from rasid.resources import ROOT, catalogue
from rasid.text.stage import TextStage

shipped = pytest.mark.skipif(not (ROOT / "ner_neural.onnx").exists(), reason="neural model not built")


def brute_force(em, n, trans, start, end):
    """Best path and marginals of one sentence by enumerating every label sequence."""
    k = em.shape[1]
    best, total, marg = None, 0.0, np.zeros((n, k))
    for seq in itertools.product(range(k), repeat=n):
        s = start[seq[0]] + end[seq[-1]] + sum(em[i, seq[i]] for i in range(n))
        s += sum(trans[seq[i - 1], seq[i]] for i in range(1, n))
        if best is None or s > best[0]:
            best = (s, seq)
        total += np.exp(s)
        for i, label in enumerate(seq):
            marg[i, label] += np.exp(s)
    return best[1], marg / total


def test_viterbi_and_marginals_match_enumeration_with_padding() -> None:
    rng = np.random.default_rng(3)
    k = 3
    for _ in range(5):
        lengths = np.array([4, 3, 1])  # longest first, as the tagger sorts them
        em = rng.normal(size=(3, 4, k)) * 2
        em[2, 1:] = 50.0  # padding must not leak into the short sentence
        trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
        paths = viterbi(em, lengths, trans, start, end)
        probs = marginals(em, lengths, trans, start, end)
        for b, n in enumerate(lengths):
            path, marg = brute_force(em[b], n, trans, start, end)
            assert tuple(paths[b, :n]) == path
            assert np.allclose(probs[b, :n], marg, atol=1e-9)


@shipped
def test_encoder_pads_and_reverses_within_each_sentence() -> None:
    tagger = get_tagger("neural")
    sentences = [["قال", "وزير", "الخارجيه", "في", "عمان"], ["وصل", "الي", "بغداد"]]
    runtime, lengths = tagger.network_inputs(sentences)  # the shipped layout: lengths, char features
    assert runtime["lengths"].tolist() == [5, 3] and runtime["char_feat"][0, 0].any()
    assert not runtime["char_feat"][1, 3:].any()
    arrays, lengths = tagger.network_inputs(sentences, layout="export")  # torch's: reversal, char ids
    assert lengths.tolist() == [5, 3]
    assert arrays["marks"].shape == (2, 5, N_MARKS) == (2, 5, len(WORD_MARKS) + len(CONTEXT_MARKS))
    assert arrays["rev"][1].tolist() == [2, 1, 0, 3, 4]  # padding stays in place
    assert not arrays["word_vec"][1, 3:].any() and not arrays["char_ids"][1, 3:].any()
    assert arrays["word_vec"][0, 0].any()  # a frequent word has a vector
    # 'في' is not a name; 'عمان' and 'بغداد' are in the gazetteer as places
    gz_b_loc = len(WORD_MARKS) + CONTEXT_MARKS.index("gz=B-LOC")
    assert arrays["marks"][0, 4, gz_b_loc] == 1.0 and arrays["marks"][1, 2, gz_b_loc] == 1.0
    assert arrays["marks"][0, 3, gz_b_loc] == 0.0


@shipped
def test_vectorised_context_marks_equal_the_crf_featurizer() -> None:
    tagger = get_tagger("neural")
    feat = tagger.encoder.featurizer
    doc = [
        ["قال", "الرئيس", "محمود", "عباس", "في", "مدينه", "رام", "الله", "امس", "."],
        ["واكد", "عباس", "ان", "الوفد", "سيصل", "الي", "القاهره", "وبغداد", "."],
        ["زار", "وزير", "الخارجيه", "الاردني", "عمان", "."],
    ]
    arrays, _ = tagger.encoder.encode(doc)
    ctx = arrays["marks"][..., len(WORD_MARKS) :]
    expected = np.zeros_like(ctx)
    marks = feat.doc_marks(doc)
    for b, words in enumerate(doc):
        for i, (word, gaz) in enumerate(zip(words, feat.gazetteer_tags(words), strict=True)):
            for kind in gaz[2:].split("|") if gaz else []:
                expected[b, i, CONTEXT_MARKS.index(f"gz={gaz[:2]}{kind}")] = 1.0
            for mark in marks.get(feat._view(word)[0], []) if len(word) >= 3 else []:
                for kind in mark[4:].split("|"):
                    expected[b, i, CONTEXT_MARKS.index(mark[:4] + kind)] = 1.0
    assert expected.sum() > 5  # the sentences do exercise gazetteer and document marks
    assert np.array_equal(ctx, expected)


def test_documents_encoded_together_keep_their_own_context() -> None:
    encoder = get_tagger("neural").encoder
    first = [["قال", "الرئيس", "محمود", "عباس", "في", "مدينه", "رام", "الله", "امس", "."]]
    second = [["واكد", "عباس", "ان", "الوفد", "سيصل", "الي", "القاهره", "."], ["زار", "الوزير", "عمان", "."]]
    together, _ = encoder.encode(first + second, docs=[0, 1, 1])
    alone = [encoder.encode(doc)[0]["marks"] for doc in (first, second)]
    t = together["marks"].shape[1]
    padded = [np.pad(m, ((0, 0), (0, t - m.shape[1]), (0, 0))) for m in alone]
    assert np.array_equal(together["marks"], np.concatenate(padded))
    # (as one document, "عباس" would share its context across both)
    assert not np.array_equal(encoder.encode(first + second)[0]["marks"], together["marks"])


@shipped
def test_tagging_documents_in_one_batch_equals_tagging_each() -> None:
    tagger = get_tagger("neural")
    docs = [TextStage()(Doc(Article(id=str(i), text=t))) for i, t in enumerate(TEXTS)]
    sentences = [[d.tokens[s.tok_start : s.tok_end] for s in d.sentences] for d in docs]
    assert tagger.tag_docs(sentences, False) == [tagger.tag_doc(s, False) for s in sentences]


TEXTS = (
    "قال الرئيس الفلسطيني محمود عباس في رام الله إن الوفد سيصل إلى القاهرة.",
    "استقبل الملك عبد الله الثاني في عمان وزير الخارجية الأمريكي. وأكد عباس دعمه.",
    "",
)


@shipped
def test_char_features_kept_per_word_type_equal_a_fresh_computation(monkeypatch) -> None:
    import rasid.entities.neural as neural

    tagger = NeuralTagger()
    first = [["قصفت", "الطائرات", "مدينه", "ادلب"], ["وصل", "الوفد"]]
    second = [["وصل", "الوفد", "الي", "ادلب", "امس"], ["قال", "الرئيس"]]

    def check(sentences: list[list[str]]) -> None:
        runtime, lengths = tagger.network_inputs(sentences)
        fresh = tagger.char_cnn(tagger.network_inputs(sentences, layout="export")[0]["char_ids"])
        for r, n in enumerate(lengths.tolist()):
            assert np.allclose(runtime["char_feat"][r, :n], fresh[r, :n], atol=1e-6)

    tagger.network_inputs(first)  # its words' features are kept
    check(second)
    # when the per-type tables start afresh (bounded memory), no word keeps anything of the longer word
    # that had its row before: the inputs equal a fresh tagger's
    monkeypatch.setattr(neural, "MAX_CACHED_WORDS", 2)
    third = [["الاستخباراتيه", "اعتقال", "ثلاثه"], ["في", "بغداد"]]
    tagger.network_inputs(third)
    check(second)
    check(third)
    again, _ = tagger.network_inputs(second)
    fresh, _ = NeuralTagger().network_inputs(second)
    for key in ("char_feat", "marks", "word_vec", "train_ids"):
        assert np.allclose(again[key], fresh[key], atol=1e-6), key


@shipped
def test_decoding_always_yields_valid_iob2() -> None:
    tagger = NeuralTagger()

    def emit_inside(arrays):  # every position prefers I-LOC, which may not start an entity
        em = np.zeros((*arrays["marks"].shape[:2], len(tagger.labels)), dtype=np.float32)
        em[..., tagger.labels.index("I-LOC")] = 5.0
        return em

    tagger._emit = emit_inside
    (tags, conf), (empty, _) = tagger.tag_words([["مدينه", "الموصل", "القديمه"], []])
    assert tags[0] == "B-LOC" and tags[1:] == ["I-LOC", "I-LOC"]
    assert all(0.0 < c <= 1.0 for c in conf) and empty == []


@shipped
def test_shipped_model_finds_people_places_and_organisations() -> None:
    stage = EntityStage("neural")
    text = (
        "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الأمم المتحدة سترسل مساعدات إلى لبنان. "
        "وأعلنت وزارة الصحة في بغداد مقتل ثلاثة أشخاص."
    )
    doc = stage(TextStage()(Doc(Article(id="n1", text=text))))
    found = {(m.label, m.text) for m in doc.entities}
    assert ("PER", "إيمانويل ماكرون") in found
    assert {("LOC", "باريس"), ("LOC", "لبنان"), ("LOC", "بغداد")} <= found
    assert ("ORG", "الأمم المتحدة") in found
    assert all(doc.text[m.start : m.end] == m.text and 0 < m.score <= 1 for m in doc.entities)


@shipped
def test_evaluate_scores_the_neural_tagger_on_conll_sentences() -> None:
    gold = [
        Sentence(
            ["التقى", "الملك", "عبدالله", "الثاني", "في", "عمان", "."],
            ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"],
        ),
        Sentence(["وصل", "الوفد", "الي", "القاهره", "امس", "."], ["O", "O", "O", "B-LOC", "O", "O"]),
    ]
    result = evaluate(gold, get_tagger("neural"))
    assert result["per_type"]["LOC"]["correct"] == 2
    assert result["f1"] >= 0.8
    assert spans(gold[0].tags) == [(2, 4, "PER"), (5, 6, "LOC")]


def test_missing_model_directory_is_one_clear_error(tmp_path) -> None:
    with pytest.raises(RasidError, match="no neural NER model"):
        NeuralTagger(tmp_path)


@shipped
def test_shipped_model_was_trained_on_the_current_featurizer_resources() -> None:
    # the network reads gazetteer, affinity and trigger marks: rebuilding those needs a retrain
    entry = next(e for e in catalogue() if e["name"] == "ner_neural")
    assert entry["inputs"] == input_fingerprint()
    assert entry["test_f1"] > 0.713  # the CRF it replaces


@shipped
def test_odd_tokens_and_long_sentences_are_tagged_one_tag_each() -> None:
    long_sentence = "قصفت الطائرات مواقع في ريف حلب الشمالي و" * 40  # a run-on sentence of ~300 tokens
    text = f"Reuters: 🙂 ٣٤ x{'ب' * 60} {long_sentence}. هل؟ نعم"
    doc = TextStage()(Doc(Article(id="odd", text=text)))
    sentences = [doc.tokens[s.tok_start : s.tok_end] for s in doc.sentences]
    tagged = get_tagger("neural").tag_doc([*sentences, []])
    assert [len(tags) for tags, _ in tagged] == [*(len(s) for s in sentences), 0]
    assert max(len(s) for s in sentences) > 200
    for tags, scores in tagged:
        assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags) and len(scores) == len(tags)
        assert all(
            not (t.startswith("I-") and (i == 0 or tags[i - 1][2:] != t[2:])) for i, t in enumerate(tags)
        )


def training_module():
    """scripts/train_ner_neural.py as a module (needs the optional torch training dependency)."""
    pytest.importorskip("torch")
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_ner_neural.py"
    spec = importlib.util.spec_from_file_location("train_ner_neural", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_partial_and_soft_label_losses_agree_with_path_scores() -> None:
    train = training_module()
    import torch

    torch.manual_seed(3)
    net = train.Net(4, 5, 5, dict(train.HYPER))
    k = len(train.LABELS)
    with torch.no_grad():
        for p in (net.transitions, net.start, net.end):
            p.normal_()
    em = torch.randn(2, 3, k)
    mask = torch.tensor([[1.0, 1.0, 1.0], [1.0, 1.0, 0.0]])
    tags = torch.tensor([[1, 2, 0], [3, 0, 0]])
    one_hot = torch.nn.functional.one_hot(tags, k)
    with torch.no_grad():
        gold = float(net.nll(em, tags, mask))
        # one-hot labels: the partial and the soft loss are the plain CRF loss, whatever the gold weight
        assert float(net.nll_partial(em, one_hot.bool(), mask)) == pytest.approx(gold, abs=1e-4)
        soft_loss = net.nll_soft(em, tags, one_hot.float(), torch.tensor([0.0, 0.7]), mask)
        assert float(soft_loss) == pytest.approx(gold, abs=1e-4)
        # label 2 or 5 allowed at the middle token: the loss is -log P(1,2,0 or 1,5,0)
        allowed = one_hot[:1].bool().clone()
        allowed[0, 1, 5] = True
        one = float(net.nll(em[:1], tags[:1], mask[:1]))
        pair = float(net.nll_partial(em[:1], allowed, mask[:1]))

    def score(seq: tuple[int, ...]) -> float:
        e, tr = em[0].numpy(), net.transitions.detach().numpy()
        total = float(net.start[seq[0]] + net.end[seq[-1]]) + sum(float(e[i, c]) for i, c in enumerate(seq))
        return total + sum(float(tr[a, b]) for a, b in itertools.pairwise(seq))

    ratio = np.exp(score((1, 5, 0)) - score((1, 2, 0)))
    assert np.exp(-pair) == pytest.approx(np.exp(-one) * (1 + ratio), rel=1e-4)
