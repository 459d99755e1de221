import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ner.conll import entity_spans, read_conll, repair_iob2, split_last


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-PERS", "I-PERS", "O"], {(1, 3, "PERS")}),
        (["I-LOC", "O"], {(0, 1, "LOC")}),  # stray I- after O opens an entity (conlleval)
        (["O", "I-ORG", "I-ORG"], {(1, 3, "ORG")}),
        (["B-PERS", "I-LOC"], {(0, 1, "PERS"), (1, 2, "LOC")}),  # type change opens a new one
        (["B-LOC", "B-LOC"], {(0, 1, "LOC"), (1, 2, "LOC")}),
        (["B-MISC", "I-MISC"], {(0, 2, "MISC")}),
        ([], set()),
        (["O", "O"], set()),
        (["I-LOC", "O", "I-LOC"], {(0, 1, "LOC"), (2, 3, "LOC")}),  # O between: two entities
        (iter(["B-ORG", "I-ORG", "O"]), {(0, 2, "ORG")}),  # any iterable
    ],
)
def test_entity_spans_follow_conlleval(tags, spans):
    assert entity_spans(tags) == spans


def _conlleval_chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval.pl's endOfChunk / startOfChunk rules, token by token (IOB tags only)."""
    chunks, start = set(), None
    previous_prefix, previous_type = "O", ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        ends = previous_prefix != "O" and (prefix in ("B", "O") or kind != previous_type)
        starts = prefix == "B" or (prefix == "I" and (previous_prefix == "O" or kind != previous_type))
        if ends and start is not None:
            chunks.add((start, i, previous_type))
            start = None
        if starts:
            start = i
        previous_prefix, previous_type = prefix, kind
    return chunks


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]), max_size=12))
def test_entity_spans_agree_with_conlleval_rules(tags):
    assert entity_spans(tags) == _conlleval_chunks(tags)


def test_repair_iob2_opens_every_chunk_with_b():
    assert repair_iob2(["O", "I-LOC", "I-LOC", "I-PERS"]) == ["O", "B-LOC", "I-LOC", "B-PERS"]


def test_read_conll_ignores_extra_blank_lines():
    text = "a\tO\nb\tB-LOC\n\n\nc\tO\n"
    assert [[cols[0] for cols in s] for s in read_conll(io.StringIO(text))] == [["a", "b"], ["c"]]


def test_split_last_cuts_at_sentence_boundary():
    sentences = [["x"] * 10 for _ in range(10)]
    head, tail = split_last(sentences, 0.15)
    assert len(head) + len(tail) == 10
    assert sum(map(len, tail)) in (10, 20)
    assert head + tail == sentences
