"""The opt-in accurate NER model: its sentence-piece segmenter, numpy encoder and stacked tagger."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.accurate import ACCURATE_DIR, ENCODER_FILE, Encoder, PieceTokenizer, encoder_marks, load_accurate

HAS_MODEL = (ACCURATE_DIR / ENCODER_FILE).exists()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no accurate NER model in src/marsad/models/ner_accurate")


def toy_tokenizer() -> PieceTokenizer:
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "\u2581ab", "\u2581a", "b", "c", "bc", "\u2581abc"]
    scores = [0, 0, 0, 0, -3.0, -1.8, -1.0, -1.0, -4.0, -1.5, -5.0]
    return PieceTokenizer(pieces, scores, {"Ａ": "a"}, unknown=3)


def test_segmentation_takes_the_highest_scoring_path():
    tokenizer = toy_tokenizer()
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "\u2581ab", "\u2581a", "b", "c", "bc", "\u2581abc"]
    # ▁abc: -5.0; ▁ab + c: -6.0; ▁a + bc: -2.5; ▁a + b + c: -6.0
    assert [pieces[i] for i in tokenizer.word("abc")] == ["\u2581a", "bc"]
    # ▁ab: -1.8 beats ▁a + b: -2.0
    assert [pieces[i] for i in tokenizer.word("ab")] == ["\u2581ab"]


def test_segmentation_normalizes_and_marks_unknown_characters():
    tokenizer = toy_tokenizer()
    assert tokenizer.word("Ａb") == tokenizer.word("ab")  # the model's own character map
    assert tokenizer.word("az")[-1] == 3  # z is in no piece: <unk>, the word still segments


def random_encoder(seed: int = 0) -> Encoder:
    rng = np.random.default_rng(seed)
    hidden, inner, vocabulary, labels = 8, 16, 12, 3
    arrays: dict[str, np.ndarray] = {}

    def int8_rows(name, rows, columns):
        arrays[name + ".q8"] = rng.integers(-127, 128, size=(rows, columns)).astype(np.int8)
        arrays[name + ".scale"] = rng.uniform(0.001, 0.01, size=rows).astype(np.float32)

    int8_rows("emb.word", vocabulary, hidden)
    arrays["emb.pos"] = rng.normal(size=(16, hidden)).astype(np.float16)
    arrays["emb.type"] = rng.normal(size=hidden).astype(np.float32)
    arrays["emb.ln.w"], arrays["emb.ln.b"] = np.ones(hidden, np.float32), np.zeros(hidden, np.float32)
    for name, (rows, columns) in {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden), "ao": (hidden, hidden), "fi": (inner, hidden), "fo": (hidden, inner)}.items():
        int8_rows(f"l0.{name}.w", rows, columns)
        arrays[f"l0.{name}.b"] = rng.normal(size=rows).astype(np.float32) * 0.1
    for name in ("aln", "oln"):
        arrays[f"l0.{name}.w"], arrays[f"l0.{name}.b"] = np.ones(hidden, np.float32), np.zeros(hidden, np.float32)
    arrays["head.w"] = rng.normal(size=(hidden, labels)).astype(np.float32)
    arrays["head.b"] = np.zeros(labels, np.float32)
    config = {"heads": 2, "layers": 1, "eps": 1e-12, "bos": 0, "eos": 2, "max_positions": 16, "labels": ["O", "B-PERS", "I-PERS"]}
    return Encoder(arrays, config)


def test_segments_attend_only_to_themselves():
    encoder = random_encoder()
    first, second = [4, 5, 6], [7, 8, 9, 10, 11]
    together = encoder.logits([first, second])
    assert [len(scores) for scores in together] == [3, 5]
    np.testing.assert_allclose(together[0], encoder.logits([first])[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(together[1], encoder.logits([second])[0], rtol=1e-5, atol=1e-5)
    # ... and each piece does read its neighbours: changing one piece changes the others' scores.
    assert not np.allclose(encoder.logits([[4, 5, 7]])[0][0], together[0][0])


def test_encoder_marks_name_each_tag_and_its_neighbours():
    assert encoder_marks(["B-PERS", "I-PERS"]) == [
        ["e5=B-PERS", "e5-1=BOS", "e5+1=I-PERS"],
        ["e5=I-PERS", "e5-1=B-PERS", "e5+1=EOS"],
    ]


@needs_model
def test_accurate_tagger_tags_every_token_and_finds_the_seed_people():
    tagger = load_accurate()
    sentences = [
        "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف مساء الجمعة .".split(),
        [],
        "وقال كيري إن الطريق إلى وقف إطلاق النار ما زال طويلا .".split(),
    ]
    tags = tagger.tag_document(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    first = dict(zip(sentences[0], tags[0]))
    assert first["جون"] == "B-PERS" and first["كيري"] == "I-PERS"
    assert first["سيرغي"] == "B-PERS" and first["لافروف"] == "I-PERS"
    assert first["جنيف"] == "B-LOC"


@needs_model
def test_a_sentence_longer_than_one_encoder_window_is_tagged_whole():
    tagger = load_accurate()
    sentence = ("وقال وزير الخارجية الأمريكي جون كيري في جنيف " * 60).split()
    tags = tagger.tag_document([sentence])[0]
    assert len(tags) == len(sentence)
    assert tags.count("B-PERS") >= 50  # Kerry, in every repetition, both sides of the window cuts


@needs_model
def test_the_model_folder_says_what_it_stacks_on():
    meta = json.loads((ACCURATE_DIR / "meta.json").read_text(encoding="utf-8"))
    assert (ACCURATE_DIR / meta["base"] / "stage1.npz").exists()


@needs_model
def test_the_dev_fit_reads_the_shipped_encoder_and_stacks_on_the_default_dev_fit():
    from marsad.ner import Tagger
    from marsad.ner.accurate import AccurateTagger, encoder_dir

    dev_fit = Path(__file__).resolve().parents[2] / "eval" / "models" / "ner_accurate"
    assert encoder_dir(dev_fit) == ACCURATE_DIR.resolve() and encoder_dir(ACCURATE_DIR) == ACCURATE_DIR.resolve()
    tagger = Tagger.load(dev_fit)  # a folder without encoder.npz still loads as an accurate model
    assert isinstance(tagger, AccurateTagger)
    assert tagger.extractor is Tagger.load(dev_fit.parent / "ner").extractor


def test_accurate_and_model_together_are_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli

    path = tmp_path / "in.conll"
    path.write_text("كيري\tO\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ner", "--conll", str(path), "--accurate", "--model", str(tmp_path)])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_accurate_ner_is_refused_on_dask_workers(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli

    path = tmp_path / "a.txt"
    path.write_text("قال كيري في جنيف إن الطريق طويل.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--ner", "accurate", "--engine", "dask"])
    assert result.exit_code == 2
    assert "in-process only" in result.output


@needs_model
def test_marsad_ner_accurate_prints_a_tag_per_token(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import cli

    path = tmp_path / "in.conll"
    path.write_text("التقى\tO\nجون\tO\nكيري\tO\n\nفي\tO\nجنيف\tO\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ner", "--conll", str(path), "--accurate"])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[3] == ""
    assert [line.split("\t")[1] for line in lines if line][:3] == ["O", "B-PERS", "I-PERS"]


@needs_model
def test_analyze_with_the_accurate_model_keeps_the_output_contract(tmp_path):
    from marsad.document import doc_to_dict
    from marsad.pipeline import analyze_text, load_pipeline

    text = "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف.\nوقال كيري إن الطريق طويل."
    default = doc_to_dict(analyze_text(text))
    accurate = doc_to_dict(analyze_text(text, nlp=load_pipeline(ner_model="accurate")))
    assert accurate.keys() == default.keys()
    assert accurate["text"] == text
    names = {entity["text"] for entity in accurate["entities"]}
    assert {"جون كيري", "سيرغي لافروف"} <= names
    for entity in accurate["entities"]:
        assert text[entity["start"] : entity["end"]] == entity["text"]
