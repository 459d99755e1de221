"""Linear-chain CRF Viterbi, compiled by numba: the labels crfsuite gives, from a crfsuite model, faster.

`LinearChainCRF.from_crfsuite` reads a `.crfsuite` file once at build time; `save` / `load` keep
it as a small `.npz`, so tagging needs numpy and numba only. The process's first document is
decoded by numpy instead (`decode`, `viterbi_numpy`: the same labels), so that a single analysis
never pays for numba's import and cache load (0.35 s of CPU). Decoding mirrors crfsuite's `crf1d`
tagger operation for operation, in float64:

- an item's attributes are strings taken whole, each with value 1.0 (pycrfsuite's rule for a
  list of strings: ':' and '=' are not special there, only in dict items); an attribute the
  model does not know is dropped; a repeated attribute counts each time;
- a state score is `w(a1) + w(a2) + ...` over the item's attributes, added left to right as
  crfsuite adds them, so scores agree to the last bit;
- Viterbi keeps, for each label, the first best predecessor (`max < score`), and the first best
  label at the end.

One difference, by design: crfsuite cuts a name at a NUL character (it looks names up as C
strings); here a feature containing NUL is simply unknown. Our features never contain one.

Weights come from the model file's binary feature table: `pycrfsuite.Tagger.info()` parses a
text dump that rounds them to six decimals, which would flip near ties.
"""

from __future__ import annotations

import logging
import struct
import sys
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
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

    def _tag(self, token_ids: TokenIds, lengths: list[int]) -> list[list[str]]:
        if len(token_ids.counts) != sum(lengths):
            raise ValueError(f"ids of {len(token_ids.counts)} tokens for sentences of {sum(lengths)} tokens")
        arguments = (token_ids.ids, token_ids.counts, np.asarray(lengths, dtype=np.intp), self.state, self.transitions)
        paths = decode(*arguments)
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


# numba's numpy support, imported at the first compile or cache load of the process. It asks
# whether scipy's BLAS is there (`_check_blas`: `import scipy.linalg.cython_blas`) to offer
# `np.dot` and friends in compiled code; importing scipy.linalg took 0.2 s, a tenth of the
# pipeline's start-up (`python -X importtime`). The Viterbi needs no BLAS.
_NUMBA_NUMPY_SUPPORT = "numba.np.arraymath"
_SCIPY_BLAS = "scipy.linalg.cython_blas"


@contextmanager
def _without_scipy_blas() -> Iterator[None]:
    """Within: `import scipy.linalg.cython_blas` fails at once (None in sys.modules), unless it
    was imported already. numba then records no BLAS for this process; only matrix products in
    compiled code would need it, and none of ours has one."""
    blocked = _SCIPY_BLAS not in sys.modules
    if blocked:
        sys.modules[_SCIPY_BLAS] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if blocked and sys.modules.get(_SCIPY_BLAS, 0) is None:
            del sys.modules[_SCIPY_BLAS]


def compiled(function):
    """`function` compiled by numba, its machine code cached on disk for the next process.

    Without a writable cache folder (a read-only install and no home folder) it is compiled
    once per process instead, in about a second, rather than failing to import.
    """
    import numba  # here, not at the top: a process that decodes one document never loads it

    try:
        return numba.njit(cache=True, nogil=True)(function)
    except RuntimeError:  # numba found no cache location
        return numba.njit(nogil=True)(function)


# Decodes the process makes by numpy before it loads the compiled Viterbi: its first document
# (the default model's two stages). numba's import and cache load cost 0.35 s of CPU, the numpy
# path 2-3 ms more for a 430-token article: one article analyzed alone (the CLI on a file, a
# first API request) starts 0.35 s sooner; a batch loads numba at its second article, before
# `pipeline.BatchAnalyzer` freezes what the process has loaded.
NUMPY_FIRST_DECODES = 2
_numpy_decodes_left = NUMPY_FIRST_DECODES


def decode(ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, state: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """`viterbi`'s labels: by numpy for the process's first `NUMPY_FIRST_DECODES` texts, then compiled."""
    global _numpy_decodes_left
    if _numpy_decodes_left > 0:
        if len(counts):  # an empty text does not spend the budget
            _numpy_decodes_left -= 1
        return viterbi_numpy(ids, counts, lengths, state, transitions)
    if _NUMBA_NUMPY_SUPPORT in sys.modules:
        return viterbi(ids, counts, lengths, state, transitions)
    with _without_scipy_blas():  # the process's first compiled call: numba loads its numpy support now
        return viterbi(ids, counts, lengths, state, transitions)


def viterbi(ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, state: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """`viterbi_loops` compiled by numba (loaded on the first call)."""
    return _compiled_viterbi()(ids, counts, lengths, state, transitions)


@lru_cache(maxsize=1)
def _compiled_viterbi():
    return compiled(viterbi_loops)


def viterbi_numpy(ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, state: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """`viterbi_loops`'s labels by numpy: each step one position of every sentence at once.

    The same float64 operations in the same order, so the labels are the same to the last tie:
    a token's state rows summed left to right, `prev[i] + trans[i][j]`, and `argmax`'s first
    best label for crfsuite's strict `>`. Twenty times slower than compiled (a Python step per
    position of the longest sentence; `lengths` an array), and no load time.
    """
    n_tokens, n_labels = len(counts), transitions.shape[0]
    out = np.empty(n_tokens, dtype=np.intp)
    if not n_tokens:
        return out
    # State scores: each token's k-th row added in step k, so every sum runs left to right
    # (`np.add.reduceat` and `sum` add pairwise, which rounds otherwise).
    alpha = np.zeros((n_tokens, n_labels), dtype=np.float64)
    starts = np.cumsum(counts) - counts
    for k in range(int(counts.max())):
        tokens = np.flatnonzero(counts > k)
        alpha[tokens] += state[ids[starts[tokens] + k]]
    firsts = np.cumsum(lengths) - lengths
    back = np.empty((n_tokens, n_labels), dtype=np.intp)
    for t in range(1, int(lengths.max())):
        rows = firsts[lengths > t] + t
        candidates = alpha[rows - 1][:, :, None] + transitions  # [sentence, i, j]: prev[i] + trans[i][j]
        best = candidates.argmax(axis=1)
        back[rows] = best
        alpha[rows] += np.take_along_axis(candidates, best[:, None, :], axis=1)[:, 0, :]
    nonempty = lengths > 0
    last = firsts[nonempty] + lengths[nonempty] - 1
    out[last] = alpha[last].argmax(axis=1)
    remaining = lengths[nonempty] - 1  # tokens before `last` in each sentence
    for _ in range(int(remaining.max(initial=0))):
        live = remaining > 0
        last, remaining = last[live], remaining[live]
        out[last - 1] = back[last, out[last]]
        last, remaining = last - 1, remaining - 1
    return out


def viterbi_loops(ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, state: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label index per token for consecutive sentences of `lengths` tokens (flat, int).

    Token k has `counts[k]` attribute ids, flat in `ids`; its state score for label j is the sum
    of `state[id, j]` over them. Compiled: the numpy version, a Python loop of numpy calls per
    token, took eight times as long, a tenth of the whole pipeline's time.
    """
    n_labels = transitions.shape[0]
    out = np.empty(counts.shape[0], dtype=np.intp)
    longest = 0
    for length in lengths:
        longest = max(longest, length)
    # alpha[t, j]: best score of the sentence so far ending in label j at t; back[t, j]: its
    # label at t - 1.
    alpha = np.empty((longest, n_labels), dtype=np.float64)
    back = np.empty((longest, n_labels), dtype=np.intp)
    token = 0
    k = 0
    for length in lengths:
        for t in range(length):
            alpha[t, :] = 0.0
            for _ in range(counts[token + t]):
                row = ids[k]
                k += 1
                for j in range(n_labels):
                    alpha[t, j] += state[row, j]
            if t:
                for j in range(n_labels):
                    # crfsuite's prev[i] + trans[i][j], the first best i kept.
                    best = alpha[t - 1, 0] + transitions[0, j]
                    best_label = 0
                    for i in range(1, n_labels):
                        candidate = alpha[t - 1, i] + transitions[i, j]
                        if candidate > best:
                            best, best_label = candidate, i
                    back[t, j] = best_label
                    alpha[t, j] += best
        if length:
            label = 0
            for j in range(1, n_labels):
                if alpha[length - 1, j] > alpha[length - 1, label]:
                    label = j
            for t in range(length - 1, -1, -1):
                out[token + t] = label
                label = back[t, label]
        token += length
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
