"""Named entities: scorer, CoNLL reading and alignment, features, the shipped CRF, CLI, HF backend."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.doc import Doc
from rasid.entities import evaluate, get_tagger, read_conll, score, spans
from rasid.entities.conll import Sentence, canonical_tag, repair_bio
from rasid.entities.features import Featurizer
from rasid.entities.stage import EntityStage
from rasid.entities.tagger import align, mentions, project_back
from rasid.errors import RasidError
from rasid.model import Article
from rasid.text import normalize, tokenize
from rasid.text.stage import TextStage

runner = CliRunner()


def tag_text(text: str, stage: EntityStage | None = None) -> Doc:
    doc = TextStage()(Doc(Article(id="t", text=text)))
    return (stage or EntityStage())(doc)


def found(doc: Doc) -> set[tuple[str, str]]:
    return {(m.label, m.text) for m in doc.entities}


# -- scorer ---------------------------------------------------------------------------------
def test_spans_read_iob2_and_stray_inside_tags() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "O"]
    assert spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert repair_bio(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]


def test_score_needs_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]
    result = score(gold, pred)
    assert result["per_type"]["LOC"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "gold": 1,
        "predicted": 2,
        "correct": 1,
    }
    assert result["per_type"]["PER"]["f1"] == 0.0  # the span is cut short: no credit
    assert (result["precision"], result["recall"]) == (
        pytest.approx(1 / 3, abs=1e-4),
        pytest.approx(1 / 3, abs=1e-4),
    )
    assert score(gold, gold)["f1"] == 1.0
    with pytest.raises(RasidError):
        score(gold, pred[:1])


def test_canonical_tags() -> None:
    assert canonical_tag("B-PERS") == "B-PER"
    assert canonical_tag("I-LOC") == "I-LOC"
    assert canonical_tag("B-Weapon") == "O"
    assert canonical_tag("O") == "O"


# -- CoNLL files and alignment with the runtime tokeniser -----------------------------------------
def write_conll(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "sample.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_read_conll_sentences_tags_and_marks(tmp_path: Path) -> None:
    p = write_conll(
        tmp_path,
        ["\u200eزار B-X", "كريم B-PERS", "الساعدي I-PERS", "بغداد، B-LOC", "", "وصل\tO", "الوفد O", "stray"],
    )
    sents = read_conll(p)
    assert [s.tokens for s in sents] == [["زار", "كريم", "الساعدي", "بغداد،"], ["وصل", "الوفد"]]
    assert sents[0].tags == ["O", "B-PER", "I-PER", "B-LOC"]
    with pytest.raises(RasidError):
        read_conll(tmp_path / "missing.txt")
    empty = write_conll(tmp_path, ["", ""])
    with pytest.raises(RasidError):
        read_conll(empty)


def test_align_projects_tags_onto_runtime_tokens_and_back() -> None:
    sent = Sentence(
        ["قال", "(محمد", "العلي)", "إن", "«الهلال", "الأحمر»", "بغداد،"],
        ["O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "B-LOC"],
    )
    aligned = align(sent)
    pieces = [(t.norm, tag) for t, tag in zip(aligned.tokens, aligned.tags, strict=True)]
    assert pieces == [
        ("قال", "O"),
        ("(", "O"),
        ("محمد", "B-PER"),
        ("العلي", "I-PER"),
        (")", "O"),
        ("ان", "O"),
        ('"', "O"),
        ("الهلال", "B-ORG"),
        ("الاحمر", "I-ORG"),
        ('"', "O"),
        ("بغداد", "B-LOC"),
        ("،", "O"),
    ]
    assert project_back(aligned, aligned.tags, len(sent.tokens)) == sent.tags


# -- features ---------------------------------------------------------------------------------
def test_features_use_clitic_forms_clusters_gazetteer_and_triggers() -> None:
    featurizer = Featurizer(
        clusters={"بغداد": ("1", "2", "3", "4")},
        gazetteer={("بغداد",): "LOC", ("الهلال", "الاحمر"): "ORG"},
    )
    words = [t.norm for t in tokenize(normalize("قال وزير الصحة إن الهلال الأحمر وصل وببغداد"))]
    feats = featurizer.sentence(words)
    assert featurizer.gazetteer_tags(words) == [None, None, None, None, "B-ORG", "I-ORG", None, "B-LOC"]
    last = feats[-1]
    assert "f=بغداد" in last and "c3=4" in last and "gz=B-LOC" in last and "EOS" in last
    assert "-1w=وصل" in last and "-2w=الاحمر" in last
    assert "t=PER" in feats[0] and "t=PER" in feats[1]  # قال, وزير
    assert "-1t=PER" in feats[2]
    assert "c=none" in feats[0]


def test_document_context_links_occurrences_of_a_word() -> None:
    featurizer = Featurizer(clusters={}, gazetteer={("بغداد",): "LOC"})
    first = [t.norm for t in tokenize(normalize("استقبل الرئيس زيدان الوفد في بغداد"))]
    second = [t.norm for t in tokenize(normalize("وغادر زيدان إلى بغداد"))]
    marks = featurizer.doc_marks([first, second])
    assert marks["زيدان"] == ["d1t=PER"]
    with_context = featurizer.sentence(second, marks)
    assert "d1t=PER" in with_context[1]
    assert "dgz=LOC" in with_context[3]
    assert "d1t=PER" not in featurizer.sentence(second)[1]


# -- the shipped CRF through the stage ------------------------------------------------------------
def test_stage_finds_people_places_and_organisations() -> None:
    doc = tag_text(
        "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الأمم المتحدة سترسل مساعدات إلى سوريا.\n"
        "وأعلنت وزارة الدفاع العراقية مقتل خمسة مسلحين في محافظة الأنبار."
    )
    labels = found(doc)
    assert ("PER", "إيمانويل ماكرون") in labels
    assert ("LOC", "باريس") in labels
    assert ("LOC", "سوريا") in labels
    assert ("ORG", "الأمم المتحدة") in labels
    assert any(label == "LOC" and "الأنبار" in text for label, text in labels)
    for m in doc.entities:
        assert m.text == doc.text[m.start : m.end]
        assert doc.tokens[m.tok_start].start == m.start and doc.tokens[m.tok_end - 1].end == m.end
        assert 0.0 < m.score <= 1.0
        assert m.label in {"PER", "ORG", "LOC", "MISC"}


def test_stage_keeps_original_characters_and_handles_empty_text() -> None:
    doc = tag_text("وصل رئيسُ الوزراء إلى بَغْدادَ أمس.")
    assert ("LOC", "بَغْدادَ") in found(doc)
    assert tag_text("").entities == []
    assert tag_text("... !!! 123").entities == []


def test_mentions_trim_punctuation_at_the_edges() -> None:
    text = "«بغداد» اليوم"
    tokens = tokenize(normalize(text))
    result = mentions(tokens, ["B-LOC", "I-LOC", "I-LOC", "O"], [0.9, 0.8, 0.7, 1.0], text)
    assert [(m.label, m.text, m.tok_start, m.tok_end) for m in result] == [("LOC", "بغداد", 1, 2)]


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(RasidError):
        get_tagger("spacy")
    with pytest.raises(RasidError):
        get_tagger("crf:/nonexistent/model.crf")


def test_evaluate_on_a_conll_sample(tmp_path: Path) -> None:
    p = write_conll(
        tmp_path,
        ["قال O", "الرئيس O", "الفرنسي O", "إيمانويل B-PERS", "ماكرون I-PERS", "في O", "باريس B-LOC", ". O"],
    )
    result = evaluate(read_conll(p), get_tagger())
    assert result["per_type"]["LOC"]["gold"] == 1
    assert result["f1"] == 1.0


# -- CLI --------------------------------------------------------------------------------------
def test_cli_ner_lists_entities_and_scores(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قصفت طائرات حربية مدينة حلب شمال سوريا.", encoding="utf-8")
    res = runner.invoke(app, ["ner", str(article), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {"label": "LOC", "text": "حلب"}.items() <= next(r for r in rows if r["text"] == "حلب").items()
    table = runner.invoke(app, ["ner", str(article), "--no-bidi"])
    assert table.exit_code == 0 and "حلب" in table.stdout

    conll = write_conll(tmp_path, ["زار O", "الوفد O", "دمشق B-LOC", ". O"])
    res = runner.invoke(app, ["ner", "--eval", str(conll), "--json"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.stdout)
    assert {"precision", "recall", "f1", "per_type"} <= result.keys()
    assert result["per_type"]["LOC"]["gold"] == 1


def test_cli_ner_bad_input_is_one_error_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ner", "--eval", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0
    assert "Traceback" not in res.output and "no such CoNLL file" in res.output
    res = runner.invoke(app, ["ner", "--backend", "nope", str(write_conll(tmp_path, ["زار O"]))])
    assert res.exit_code != 0 and "unknown NER backend" in res.output


# -- Hugging Face backend on a tiny random BERT made here ----------------------------------------
HF_MISSING = importlib.util.find_spec("transformers") is None or importlib.util.find_spec("torch") is None


@pytest.mark.skipif(HF_MISSING, reason="transformers/torch not installed")
def test_hf_backend_loads_a_local_token_classifier(tmp_path: Path) -> None:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    words = ["قصفت", "طائرات", "مدينة", "حلب", "شمال", "سوريا", "."]
    vocab = tmp_path / "vocab.txt"
    vocab.write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8"
    )
    tokenizer = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=False, strip_accents=False)
    labels = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
    config = BertConfig(
        vocab_size=len(words) + 5,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    model = BertForTokenClassification(config)
    with torch.no_grad():  # make B-LOC win everywhere so the output is known
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-5.0)
        model.classifier.bias[labels.index("B-LOC")] = 5.0
    model_dir = tmp_path / "tiny-ner"
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)

    doc = tag_text("قصفت طائرات مدينة حلب شمال سوريا.", EntityStage(f"hf:{model_dir}"))
    assert [(m.label, m.text) for m in doc.entities] == [
        ("LOC", w) for w in ["قصفت", "طائرات", "مدينة", "حلب", "شمال", "سوريا"]
    ]
    assert all(m.score > 0.9 for m in doc.entities)
    with pytest.raises(RasidError):
        get_tagger(f"hf:{tmp_path / 'missing'}")
