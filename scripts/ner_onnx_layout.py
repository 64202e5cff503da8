"""The runtime layout of the neural NER model: the torch export rewritten as two ONNX graphs.

    .venv/bin/python scripts/ner_onnx_layout.py   # rewrites a shipped torch export in place (once)

`scripts/train_ner_neural.py` exports the network as torch builds it: the char-CNN inside, and two
one-way LSTMs, the backward one fed through a per-sentence reversal index (`rev`). At run time
- the char-CNN depends on a word's letters only, so it becomes a graph of its own
  (`ner_neural_chars.onnx`, char ids -> features) whose output the encoder keeps per word type;
- the two LSTMs become one bidirectional LSTM that takes the sentence lengths (`sequence_lens`),
  which reverses each sentence within its length as the index did.
The weights are the export's, unchanged; the emissions at every position inside a sentence are the
same (checked in `main` and by tests/test_ner_neural.py). Needs `onnx` (the `train` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from rasid import resources
from rasid.entities.neural import CHARS_FILE, MODEL_FILE

CHAR_FEATURES = "char_feat"


def _producers(graph: onnx.GraphProto) -> dict[str, onnx.NodeProto]:
    return {out: n for n in graph.node for out in n.output}


def _depends_on(graph: onnx.GraphProto, tensor: str, source: str) -> bool:
    """Whether `tensor` is computed from the graph input `source`."""
    made_by = _producers(graph)
    todo, seen = [tensor], set()
    while todo:
        t = todo.pop()
        if t == source:
            return True
        if t in seen or t not in made_by:
            continue
        seen.add(t)
        todo.extend(made_by[t].input)
    return False


def _upstream(graph: onnx.GraphProto, outputs: list[str], stop: set[str]) -> list[onnx.NodeProto]:
    """The nodes needed for `outputs`, in graph order, not looking past the tensors in `stop`."""
    made_by = _producers(graph)
    needed: set[int] = set()
    todo = list(outputs)
    while todo:
        t = todo.pop()
        if t in stop or t not in made_by:
            continue
        node = made_by[t]
        if id(node) not in needed:
            needed.add(id(node))
            todo.extend(node.input)
    return [n for n in graph.node if id(n) in needed]


def _initializers(graph: onnx.GraphProto, nodes: list[onnx.NodeProto]) -> list[onnx.TensorProto]:
    used = {i for n in nodes for i in n.input}
    return [t for t in graph.initializer if t.name in used]


def runtime_layout(export: onnx.ModelProto) -> tuple[onnx.ModelProto, onnx.ModelProto]:
    """(main graph, char graph) from a torch export with inputs word_vec, stem_vec, train_ids,
    char_ids, marks, rev and output emissions."""
    export = onnx.ModelProto.FromString(export.SerializeToString())  # (the nodes are rewired below)
    g = export.graph
    if [i.name for i in g.input] != ["word_vec", "stem_vec", "train_ids", "char_ids", "marks", "rev"]:
        raise ValueError("not a torch export of the NER network (inputs differ)")
    made_by = _producers(g)
    inits = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    # the network's input: the Concat of word_vec, stem_vec, train embedding, char features, marks
    concat = next(n for n in g.node if n.op_type == "Concat" and "word_vec" in n.input)
    chars = next(t for t in concat.input if _depends_on(g, t, "char_ids"))
    lstms = [n for n in g.node if n.op_type == "LSTM"]
    backward = [n for n in lstms if _depends_on(g, n.input[0], "rev")]
    forward = [n for n in lstms if n not in backward]
    if len(forward) != 1 or len(backward) != 1:
        raise ValueError(
            "the runtime layout is for one forward and one backward LSTM (layers=1, no ensemble)"
        )
    hidden = next(helper.get_attribute_value(a) for a in forward[0].attribute if a.name == "hidden_size")
    add = made_by["emissions"]
    matmul = next(made_by[t] for t in add.input if t in made_by and made_by[t].op_type == "MatMul")
    weight = next(t for t in matmul.input if t in inits)
    bias = next(t for t in add.input if t in inits)

    def stacked(k: int) -> np.ndarray:  # W, R, B of both directions, forward first
        return np.concatenate([inits[forward[0].input[k]], inits[backward[0].input[k]]], 0)

    # main graph: the export's nodes up to the Concat, char features given, then one bidirectional LSTM
    front = _upstream(g, [concat.output[0]], stop={chars})
    nodes = [
        *front,
        helper.make_node("Cast", ["lengths"], ["lengths_i32"], to=TensorProto.INT32),
        helper.make_node("Transpose", [concat.output[0]], ["x_tbf"], perm=[1, 0, 2]),
        helper.make_node(
            "LSTM",
            ["x_tbf", "lstm_W", "lstm_R", "lstm_B", "lengths_i32"],
            ["y", "", ""],
            hidden_size=hidden,
            direction="bidirectional",
        ),
        helper.make_node("Transpose", ["y"], ["y_bt2h"], perm=[2, 0, 1, 3]),
        helper.make_node("Reshape", ["y_bt2h", "shape_bt2h"], ["states"]),  # [fwd, bwd] per token
        helper.make_node("MatMul", ["states", weight], ["scores"]),
        helper.make_node("Add", [bias, "scores"], ["emissions"]),
    ]
    for n in front:  # the Concat reads the char features from the new input
        n.input[:] = [CHAR_FEATURES if t == chars else t for t in n.input]
    main_inits = [
        *_initializers(g, nodes),
        numpy_helper.from_array(stacked(1), "lstm_W"),
        numpy_helper.from_array(stacked(2), "lstm_R"),
        numpy_helper.from_array(stacked(3), "lstm_B"),
        numpy_helper.from_array(np.array([0, 0, 2 * hidden], dtype=np.int64), "shape_bt2h"),
    ]
    conv = next(n for n in _upstream(g, [chars], stop=set()) if n.op_type == "Conv")
    width = inits[conv.input[2]].shape[0]  # one feature per filter
    inputs = [i for i in g.input if i.name in ("word_vec", "stem_vec", "train_ids", "marks")]
    inputs += [
        helper.make_tensor_value_info(CHAR_FEATURES, TensorProto.FLOAT, ["batch", "time", width]),
        helper.make_tensor_value_info("lengths", TensorProto.INT64, ["batch"]),
    ]
    main = helper.make_model(
        helper.make_graph(nodes, "ner_bilstm_crf", inputs, list(g.output), main_inits),
        opset_imports=export.opset_import,
        producer_name="rasid scripts/ner_onnx_layout.py",
    )
    # char graph: char ids [batch, time, letters] -> features [batch, time, width]
    char_nodes = _upstream(export.graph, [chars], stop=set())
    for n in char_nodes:
        n.output[:] = [CHAR_FEATURES if t == chars else t for t in n.output]
    char_model = helper.make_model(
        helper.make_graph(
            char_nodes,
            "ner_char_cnn",
            [i for i in g.input if i.name == "char_ids"],
            [helper.make_tensor_value_info(CHAR_FEATURES, TensorProto.FLOAT, ["batch", "time", width])],
            _initializers(export.graph, char_nodes),
        ),
        opset_imports=export.opset_import,
        producer_name="rasid scripts/ner_onnx_layout.py",
    )
    for m in (main, char_model):
        onnx.checker.check_model(m)
    return main, char_model


def write_runtime_layout(export_path: Path, out_dir: Path) -> None:
    """Writes MODEL_FILE and CHARS_FILE into out_dir from the torch export at export_path."""
    main_model, char_model = runtime_layout(onnx.load(str(export_path)))
    resources.atomic_write_bytes(out_dir / CHARS_FILE, char_model.SerializeToString())
    resources.atomic_write_bytes(out_dir / MODEL_FILE, main_model.SerializeToString())


def same_emissions(export_path: Path, model_dir: Path) -> float:
    """Largest difference, inside the sentences, between the export's emissions and the runtime
    layout's on a few sentences (0.0 when the rewrite is exact)."""
    import onnxruntime as ort

    from rasid.entities.neural import NeuralTagger

    tagger = NeuralTagger(model_dir)
    sentences = [["قال", "الرئيس", "في", "بغداد", "."], ["امس"], ["قصفت", "الطائرات", "مدينة", "ادلب"]]
    runtime, lengths = tagger.network_inputs(sentences)
    export_inputs, _ = tagger.network_inputs(sentences, layout="export")
    session = ort.InferenceSession(str(export_path), providers=["CPUExecutionProvider"])
    a = session.run(None, {i.name: export_inputs[i.name] for i in session.get_inputs()})[0]
    b = tagger._emit(runtime)
    return max(float(np.abs(a[r, :n] - b[r, :n]).max()) for r, n in enumerate(lengths.tolist()))


MAX_GAP = 1e-4  # largest emission difference from the export that the rewrite may show


def main() -> None:
    model = resources.ROOT / MODEL_FILE
    if [i.name for i in onnx.load(str(model)).graph.input][-1] != "rev":
        sys.exit(f"{model} is already in the runtime layout")
    export = model.with_suffix(".export.onnx")
    export.write_bytes(model.read_bytes())
    try:
        write_runtime_layout(export, resources.ROOT)
        gap = same_emissions(export, resources.ROOT)
    except ValueError as e:
        export.replace(model)
        sys.exit(f"cannot rewrite {model}: {e}")
    if gap > MAX_GAP:  # the export goes back in place; nothing is registered
        export.replace(model)
        (resources.ROOT / CHARS_FILE).unlink(missing_ok=True)
        sys.exit(f"the runtime layout differs from the export by {gap:.2e}: left the export in place")
    export.unlink()
    print(f"runtime layout written; largest emission difference from the export {gap:.2e}")
    entries = {e["name"]: e for e in resources.catalogue()}
    entry = dict(entries["ner_neural"])
    fixed = ("name", "file", "version", "source", "licence", "built_by", "sha256", "bytes")
    extra = {k: v for k, v in entry.items() if k not in fixed}
    common = {k: entry[k] for k in ("version", "source", "licence")}
    built_by = "scripts/train_ner_neural.py (layout: scripts/ner_onnx_layout.py)"
    resources.register(name="ner_neural", file=MODEL_FILE, built_by=built_by, **common, **extra)
    resources.register(name="ner_neural_chars", file=CHARS_FILE, built_by=built_by, **common)


if __name__ == "__main__":
    main()
