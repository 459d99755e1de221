"""Linear-chain CRF Viterbi in numpy: the labels crfsuite gives, from a crfsuite model, faster.

`LinearChainCRF.from_crfsuite` reads a `.crfsuite` file once at build time; `save` / `load` keep
it as a small `.npz`, so tagging needs numpy only. Decoding mirrors crfsuite's `crf1d` tagger
operation for operation, in float64 (with one caveat on summation order, below):

- an item's attributes are strings taken whole, each with value 1.0 (pycrfsuite's rule for a
  list of strings: ':' and '=' are not special there, only in dict items); an attribute the
  model does not know is dropped; a repeated attribute counts each time;
- a state score is `w(a1) + w(a2) + ...` over the item's attributes. crfsuite adds them left to
  right; `np.add.reduceat` may group longer sums differently, so scores can differ in the last
  bits. The labels agreed with crfsuite's on the whole ANERcorp dev split when this was written,
  and tests/ner/test_crf.py compares them on random sentences;
- Viterbi keeps, for each label, the first best predecessor (`max < score`, as `np.argmax`),
  and the first best label at the end.

One difference, by design: crfsuite cuts a name at a NUL character (it looks names up as C
strings); here a feature containing NUL is simply unknown. Our features never contain one.

Weights come from the model file's binary feature table: `pycrfsuite.Tagger.info()` parses a
text dump that rounds them to six decimals, which would flip near ties.
"""

from __future__ import annotations

import logging
import struct
from array import array
from collections.abc import Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

LOGGER = logging.getLogger(__name__)

FORMAT_VERSION = 1
# crfsuite keeps names as C strings, so NUL can never occur inside one: a safe separator.
_SEP = "\0"
# crfsuite's `crf1d` model file (crf1d_model.c): header, then chunks at the offsets it gives.
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class TokenIds(NamedTuple):
    """Attribute ids of consecutive tokens: `counts[i]` ids for token i, flat in `ids`."""

    ids: np.ndarray
    counts: np.ndarray


class LinearChainCRF:
    """A crfsuite linear-chain CRF: attribute index, state weights and transition weights.

    `state` (float64: crfsuite's own precision, so sums round alike) has one row per attribute
    plus a last row of zeros, `unknown`: scoring an attribute the model does not know as that
    row adds exactly 0.0, which is what crfsuite's dropping it comes to, without filtering.
    Immutable once built, so one instance serves every thread (crfsuite taggers do not).
    """

    def __init__(
        self,
        *,
        labels: Sequence[str],
        attributes: Sequence[str] | dict[str, int],
        state: np.ndarray,
        transitions: np.ndarray,
    ) -> None:
        """`attributes`: names in row order, or a ready name -> row index (shared by `aligned`)."""
        n_labels = len(labels)
        if state.shape != (len(attributes), n_labels) or transitions.shape != (n_labels, n_labels):
            raise ValueError(
                f"CRF weights do not fit {len(attributes)} attributes and {n_labels} labels: state "
                f"{state.shape}, transitions {transitions.shape}; re-export the model with training/ner/export_crf.py"
            )
        self.labels: tuple[str, ...] = tuple(labels)
        if isinstance(attributes, dict):
            self.attributes = attributes
        else:
            self.attributes = dict(zip(attributes, range(len(attributes))))
            if len(self.attributes) != len(attributes):
                raise ValueError("CRF attribute names repeat; re-export the model with training/ner/export_crf.py")
        self.unknown = len(attributes)
        self.state = np.zeros((len(attributes) + 1, n_labels), dtype=np.float64)
        self.state[:-1] = state
        self.transitions = np.ascontiguousarray(transitions, dtype=np.float64)
        self._label_array = np.array(self.labels, dtype=object)

    # -- building and storing -------------------------------------------------------------

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> LinearChainCRF:
        """Read a `.crfsuite` model (build time: needs pycrfsuite), checked against pycrfsuite."""
        import pycrfsuite

        data = Path(path).read_bytes()
        magic, _, kind, _, _, n_labels, n_attributes, off_features, off_labels, off_attributes, _, _ = (
            _HEADER.unpack_from(data, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{path} is not a crfsuite crf1d model (magic {magic!r}, type {kind!r})")
        labels = _cqdb_strings(data, off_labels, n_labels)
        attributes = _cqdb_strings(data, off_attributes, n_attributes)
        chunk, _, n_features = _CHUNK.unpack_from(data, off_features)
        if chunk != b"FEAT":
            raise ValueError(f"{path}: no feature table at offset {off_features}")
        features = np.frombuffer(data, dtype=_FEATURE, count=n_features, offset=off_features + _CHUNK.size)
        state = np.zeros((n_attributes, n_labels), dtype=np.float64)
        transitions = np.zeros((n_labels, n_labels), dtype=np.float64)
        is_state = features["type"] == _STATE
        # One feature per (attribute, label) pair: plain assignment, no accumulation needed.
        state[features["src"][is_state], features["dst"][is_state]] = features["weight"][is_state]
        is_transition = features["type"] == _TRANSITION
        transitions[features["src"][is_transition], features["dst"][is_transition]] = features["weight"][is_transition]
        if not np.all(is_state | is_transition):
            raise ValueError(f"{path}: feature types other than state and transition")

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        _check_against_dump(path, tagger, labels, attributes, state, transitions)
        tagger.close()
        return cls(labels=labels, attributes=attributes, state=state, transitions=transitions)

    def save(self, path: str | Path) -> None:
        """Write a compressed `.npz` (no pickles): names NUL-joined, state weights sparse."""
        names = sorted(self.attributes, key=self.attributes.__getitem__)
        rows, columns = np.nonzero(self.state[:-1])
        np.savez_compressed(
            path,
            format_version=np.array(FORMAT_VERSION),
            labels=_join(self.labels),
            attributes=_join(names),
            state_rows=rows.astype(np.int32),
            state_labels=columns.astype(np.int16),
            state_weights=self.state[rows, columns],
            transitions=self.transitions,
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearChainCRF:
        with np.load(path, allow_pickle=False) as npz:
            version = int(npz["format_version"])
            if version != FORMAT_VERSION:
                raise ValueError(
                    f"{path} has CRF format {version}, this code reads {FORMAT_VERSION}; "
                    "re-export it with training/ner/export_crf.py"
                )
            labels = _split(npz["labels"])
            attributes = _split(npz["attributes"])
            state = np.zeros((len(attributes), len(labels)), dtype=np.float64)
            state[npz["state_rows"], npz["state_labels"]] = npz["state_weights"]
            return cls(labels=labels, attributes=attributes, state=state, transitions=npz["transitions"])

    # -- tagging ---------------------------------------------------------------------------

    def attribute_ids(self, features: Sequence[str]) -> list[int]:
        """Row ids of the attributes the model knows, in order (unknown ones dropped)."""
        return [i for i in map(self.attributes.get, features) if i is not None]

    def map_features(self, sentences: Sequence[Sequence[Sequence[str]]]) -> TokenIds:
        """Ids of every token's features, sentences one after the other (unknown -> `unknown`)."""
        tokens = list(chain.from_iterable(sentences))
        counts = np.fromiter(map(len, tokens), dtype=np.intp, count=len(tokens))
        # The one Python-speed step (a dict lookup per feature); a list first beats np.fromiter.
        ids = list(map(self.attributes.get, chain.from_iterable(tokens), repeat(self.unknown)))
        return TokenIds(np.array(ids, dtype=np.intp), counts)

    def tag_sentences(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[list[str]]:
        """Labels per token; each sentence a list of per-token feature-string lists."""
        return self._tag(self.map_features(sentences), [len(sentence) for sentence in sentences])

    def tag_ids(self, sentences: Sequence[Sequence[Sequence[int]]]) -> list[list[str]]:
        """As `tag_sentences`, from ids already mapped (`attribute_ids`; `unknown` is allowed too)."""
        tokens = list(chain.from_iterable(sentences))
        counts = np.fromiter(map(len, tokens), dtype=np.intp, count=len(tokens))
        ids = np.fromiter(chain.from_iterable(tokens), dtype=np.intp, count=int(counts.sum()))
        return self.tag_flat(TokenIds(ids, counts), [len(sentence) for sentence in sentences])

    def tag_flat(self, token_ids: TokenIds, lengths: Sequence[int]) -> list[list[str]]:
        """As `tag_ids`, from flat ids (`map_features`, `join_tokens`); `lengths` tokens per sentence."""
        ids = np.asarray(token_ids.ids, dtype=np.intp)
        counts = np.asarray(token_ids.counts, dtype=np.intp)
        if len(ids) and (ids.min() < 0 or ids.max() > self.unknown):
            raise ValueError(f"attribute ids must lie in 0..{self.unknown}; map features with map_features")
        if counts.sum() != len(ids) or (len(counts) and counts.min() < 0):
            raise ValueError(f"token counts add up to {counts.sum()}, not to the {len(ids)} ids given")
        return self._tag(TokenIds(ids, counts), list(lengths))

    def scores(self, ids: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """State scores (tokens x labels): per token, its attributes' weights summed in order."""
        n_tokens = len(counts)
        if n_tokens == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float64)
        # The trailing zero row keeps every start index inside the array, even for empty tokens
        # at the end, and adds exactly 0.0 to the last token.
        rows = self.state.take(np.append(ids, self.unknown), axis=0)
        starts = np.zeros(n_tokens, dtype=np.intp)
        np.cumsum(counts[:-1], out=starts[1:])
        # One sum per token down axis 0 (numpy's grouping, not always crfsuite's left-to-right
        # order: see the module docstring).
        scores = np.add.reduceat(rows, starts, axis=0)
        empty = counts == 0
        if empty.any():  # reduceat gives the next row for an empty segment; crfsuite gives 0
            scores[empty] = 0.0
        return scores

    def _tag(self, token_ids: TokenIds, lengths: list[int]) -> list[list[str]]:
        if len(token_ids.counts) != sum(lengths):
            raise ValueError(f"ids of {len(token_ids.counts)} tokens for sentences of {sum(lengths)} tokens")
        paths = viterbi(self.scores(*token_ids), lengths, self.transitions)
        names = self._label_array[paths].tolist()
        out: list[list[str]] = []
        start = 0
        for length in lengths:
            out.append(names[start : start + length])
            start += length
        return out

    def _reindexed(self, names: Sequence[str], *, attributes: dict[str, int] | None = None) -> LinearChainCRF:
        # A name this model lacks maps to its zero row `unknown`.
        rows = np.fromiter(map(self.attributes.get, names, repeat(self.unknown)), dtype=np.intp, count=len(names))
        return LinearChainCRF(
            labels=self.labels,
            attributes=attributes if attributes is not None else names,
            state=self.state[rows],
            transitions=self.transitions,
        )


def viterbi(scores: np.ndarray, lengths: Sequence[int], transitions: np.ndarray) -> np.ndarray:
    """Best label index per token for consecutive sentences of `lengths` tokens (flat, int).

    All sentences advance together, longest first, so a call costs O(longest sentence) numpy
    calls whatever the number of sentences. At step t only the sentences longer than t (a
    prefix, once sorted) move. Labels travel as flat `sentence * n_labels + label` cells, so a
    backtracking step is one `take`.
    """
    n_labels = transitions.shape[0]
    lengths_array = np.asarray(lengths, dtype=np.intp)
    total = int(lengths_array.sum())
    if total == 0:
        return np.zeros(0, dtype=np.intp)
    order = np.argsort(-lengths_array, kind="stable")
    sorted_lengths = lengths_array[order]
    n_sentences = int(np.count_nonzero(sorted_lengths))
    order, sorted_lengths = order[:n_sentences], sorted_lengths[:n_sentences]
    longest = int(sorted_lengths[0])
    starts = np.zeros(len(lengths_array), dtype=np.intp)
    np.cumsum(lengths_array[:-1], out=starts[1:])
    # (position, sentence) of each token in the padded layout, and its flat index.
    sentence_of = np.repeat(np.arange(n_sentences), sorted_lengths)
    position_of = np.arange(total) - np.repeat(np.cumsum(sorted_lengths) - sorted_lengths, sorted_lengths)
    flat_of = np.repeat(starts[order], sorted_lengths) + position_of
    # alpha[t, s, j]: best score of sentence s ending in label j at t; starts as the state scores.
    alpha = np.zeros((longest, n_sentences, n_labels), dtype=np.float64)
    alpha[position_of, sentence_of] = scores[flat_of]
    active = (n_sentences - np.searchsorted(sorted_lengths[::-1], np.arange(longest), side="right")).tolist()

    # Candidates as 2-D rows, row s * n_labels + j for sentence s going into label j: plain
    # row-wise numpy calls, cheaper than broadcasting in 3-D (and they are the loop's cost).
    into = np.tile(transitions.T, (n_sentences, 1))  # row (s, j): into[j, i] = weight of i -> j
    step = np.empty((n_sentences * n_labels, n_labels), dtype=np.float64)
    cells = np.arange(n_sentences * n_labels)
    owner = cells - cells % n_labels  # the sentence's first cell
    step_rows = cells * n_labels  # where row (s, j) starts in step, flattened
    back = np.zeros((longest, n_sentences * n_labels), dtype=np.intp)
    flat_alpha = alpha.reshape(longest, n_sentences * n_labels)
    add = np.add
    for t in range(1, longest):
        k = active[t]
        rows = k * n_labels
        candidates = step[:rows]
        # candidates[(s, j), i] = alpha[t-1, s, i] + trans[i][j], crfsuite's prev[i] + trans[i][j];
        # argmax keeps the first best i as crfsuite's `max < score` does.
        add(alpha[t - 1, :k].repeat(n_labels, axis=0), into[:rows], out=candidates)
        # Kept as the best candidate's flat index in `step`, which `take` reads; turned into
        # the predecessor's cell below, once for all steps.
        add(candidates.argmax(axis=1), step_rows[:rows], out=back[t, :rows])
        add(candidates.take(back[t, :rows]), flat_alpha[t, :rows], out=flat_alpha[t, :rows])
    back -= step_rows - owner

    ends = alpha[sorted_lengths - 1, np.arange(n_sentences)].argmax(axis=1) + owner[::n_labels]
    paths = np.empty((longest, n_sentences), dtype=np.intp)
    cell = np.zeros(n_sentences, dtype=np.intp)
    for t in range(longest - 1, -1, -1):
        k = active[t]
        ending = active[t + 1] if t + 1 < longest else 0
        if ending < k:  # sentences whose last token is at t start backtracking here
            cell[ending:k] = ends[ending:k]
        paths[t, :k] = cell[:k]
        if t:
            cell[:k] = back[t].take(cell[:k])
    out = np.empty(total, dtype=np.intp)
    out[flat_of] = paths[position_of, sentence_of] - sentence_of * n_labels
    return out


def pack_ids(tokens: Sequence[array]) -> TokenIds:
    """`TokenIds` from one `array("q")` of ids per token, joined as bytes: no step per id."""
    counts = np.fromiter(map(len, tokens), dtype=np.intp, count=len(tokens))
    ids = np.frombuffer(b"".join(tokens), dtype=np.int64).astype(np.intp)
    return TokenIds(ids, counts)


def join_tokens(first: TokenIds, second: TokenIds) -> TokenIds:
    """Per token, the ids of `first` then those of `second` (e.g. stage-2 marks after features)."""
    ids_a, counts_a = first
    ids_b, counts_b = second
    if len(counts_a) != len(counts_b):
        raise ValueError(f"cannot join ids of {len(counts_a)} tokens with ids of {len(counts_b)} tokens")
    counts = counts_a + counts_b
    starts = np.cumsum(counts) - counts
    starts_a = np.cumsum(counts_a) - counts_a
    starts_b = np.cumsum(counts_b) - counts_b
    ids = np.empty(int(counts.sum()), dtype=np.intp)
    ids[np.arange(len(ids_a)) + np.repeat(starts - starts_a, counts_a)] = ids_a
    ids[np.arange(len(ids_b)) + np.repeat(starts + counts_a - starts_b, counts_b)] = ids_b
    return TokenIds(ids, counts)


def aligned(*crfs: LinearChainCRF) -> tuple[LinearChainCRF, ...]:
    """Copies of `crfs` over one shared attribute index (their union, the first's ids first).

    Ids mapped once (`map_features`) then serve every model: a second stage that reads the
    first stage's features plus a few more maps only the few more.
    """
    names = list(crfs[0].attributes)
    known = set(names)
    for crf in crfs[1:]:
        for name in crf.attributes:
            if name not in known:
                known.add(name)
                names.append(name)
    shared = crfs[0]._reindexed(names)
    return (shared, *(crf._reindexed(names, attributes=shared.attributes) for crf in crfs[1:]))


def _join(names: Sequence[str]) -> np.ndarray:
    for name in names:
        if _SEP in name:
            raise ValueError(f"CRF name {name!r} contains NUL; crfsuite cannot have written it")
    return np.frombuffer(_SEP.join(names).encode("utf-8"), dtype=np.uint8)


def _split(blob: np.ndarray) -> list[str]:
    text = blob.tobytes().decode("utf-8")
    return text.split(_SEP) if text else []


def _cqdb_strings(data: bytes, offset: int, count: int) -> list[str]:
    """Names by id from a crfsuite CQDB chunk: its backward array points at (id, size, bytes)."""
    chunk, _, _, _, bwd_size, bwd_offset = _CQDB.unpack_from(data, offset)
    if chunk != b"CQDB" or bwd_size != count:
        raise ValueError(f"no name table of {count} entries at offset {offset}")
    names = []
    for i, record in enumerate(struct.unpack_from(f"<{count}I", data, offset + bwd_offset)):
        record_id, size = struct.unpack_from("<II", data, offset + record)
        if record_id != i:
            raise ValueError(f"name table at offset {offset}: record {record_id} where {i} was expected")
        start = offset + record + 8
        names.append(data[start : start + size - 1].decode("utf-8"))  # size counts the final NUL
    return names


def _check_against_dump(
    path: str | Path,
    tagger,  # pycrfsuite.Tagger, imported only at build time
    labels: list[str],
    attributes: list[str],
    state: np.ndarray,
    transitions: np.ndarray,
) -> None:
    """The binary reading must match pycrfsuite's own view (its dump rounds weights to 1e-6)."""
    if list(tagger.labels()) != labels:
        raise ValueError(f"{path}: label table {labels} differs from pycrfsuite's {tagger.labels()}")
    info = tagger.info()
    label_id = {label: i for i, label in enumerate(labels)}
    attribute_id = {name: i for i, name in enumerate(attributes)}
    dumped_state = np.zeros_like(state)
    for (name, label), weight in info.state_features.items():
        if name not in attribute_id:  # e.g. a name with " --> " or a newline, which the dump garbles
            raise ValueError(f"{path}: pycrfsuite's dump names attribute {name!r}, which the file lacks")
        dumped_state[attribute_id[name], label_id[label]] = weight
    dumped_transitions = np.zeros_like(transitions)
    for (source, target), weight in info.transitions.items():
        dumped_transitions[label_id[source], label_id[target]] = weight
    if (
        len(info.state_features) != np.count_nonzero(state)
        or not np.allclose(dumped_state, state, rtol=0, atol=1e-6)
        or not np.allclose(dumped_transitions, transitions, rtol=0, atol=1e-6)
    ):
        raise ValueError(f"{path}: weights read from the file differ from pycrfsuite's dump")
