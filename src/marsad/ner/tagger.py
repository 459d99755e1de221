"""The shipped NER model: load once, tag tokens with IOB2 tags.

Two linear-chain CRFs (trained with crfsuite, decoded by `crf.LinearChainCRF`): the
first tags each sentence from its own features; the second sees those tags too, and how nearby
sentences of the same document tagged the same words (`features.document_marks`). A model
folder without `stage1.npz` is single-stage.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from .conll import entity_spans, repair_iob2
from .crf import LinearChainCRF, TokenIds, aligned, join_tokens
from .features import FeatureExtractor, FeatureIds, load_clusters, load_gazetteer, load_lexicon, lookup_form, nearby_kinds

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
MODEL_FILE = "model.npz"
STAGE1_FILE = "stage1.npz"  # optional: present in two-stage models
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
LEXICON_FILE = "lexicon.tsv.gz"  # optional
META_FILE = "meta.json"
DEFAULT_WINDOW = 8
# Function words (normalized, `lookup_form`) that never end a name: of the 11k entities of
# ANERcorp train.txt none ends in one. A CRF still runs a name on into one now and then
# ("جبهة النصرة وأي تهديدات"): `_trim_function_words` cuts them off the end of an entity.
_FUNCTION_WORDS = frozenset(
    prefix + word
    for word in (
        "في من الي عن مع اي كل بعض الذي التي الذين اللذين اللتين اللواتي لم لن قد ما هذا هذه ذلك "
        "تلك هم ثم حتي بين عند بعد قبل خلال منذ كما"
    ).split()
    for prefix in ("", "و", "ف")
) - {"اي"} | {"و", "ف"}  # "اي" alone is also "آي" (I-, as in "آي بي إم")


class Tagger:
    """Tags sentences, alone (`tag`) or as one document (`tag_document`)."""

    def __init__(self, *, path: Path, extractor: FeatureExtractor, meta: dict | None = None, stage1: Path | None = None) -> None:
        """`stage1`: the first-stage model file, when it is not `path / STAGE1_FILE` (a stacked
        model reuses the default model's first stage)."""
        self.path = path
        self.extractor = extractor
        self.meta = meta or {}
        self.window = int(self.meta.get("window", DEFAULT_WINDOW))
        stage1 = stage1 or path / STAGE1_FILE
        self.two_stage = stage1.exists()
        final = LinearChainCRF.load(path / MODEL_FILE)
        if self.two_stage:
            # One attribute index for both stages: each token's features are looked up once.
            self.stage1, self.final = aligned(LinearChainCRF.load(stage1), final)
        else:
            self.stage1, self.final = None, final
        # Features go straight to ids of the (shared) attribute index: strings are not built.
        self.feature_ids = FeatureIds(extractor, attributes=self.final.attributes, unknown=self.final.unknown)
        # Stage-2 mark ids by tag (m1=, m1-1=, m1+1=) and by kind (d:): see `_mark_ids`.
        self._m1 = tuple(_IdsByName(self.final, prefix) for prefix in ("m1=", "m1-1=", "m1+1="))
        self._d = _IdsByName(self.final, "d:")
        self._no_inside = frozenset(label for label in self.final.labels if not label.startswith("I-"))

    @classmethod
    def from_dir(cls, path: Path) -> Tagger:
        missing = [name for name in (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE) if not (path / name).exists()]
        if missing:
            raise FileNotFoundError(
                f"NER model files missing in {path}: {', '.join(missing)}; "
                "rebuild them with `python training/ner/train.py --data ../shared/data --out src/marsad/models/ner`"
            )
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8")) if (path / META_FILE).exists() else {}
        extractor = FeatureExtractor(
            clusters=load_clusters(path / CLUSTERS_FILE),
            gazetteer=load_gazetteer(path / GAZETTEER_FILE),
            lexicon=load_lexicon(path / LEXICON_FILE) if (path / LEXICON_FILE).exists() else None,
            identity=meta.get("identity_features", True),
        )
        return cls(path=path, extractor=extractor, meta=meta)

    @classmethod
    def load(cls, path: Path | None = None) -> Tagger:
        """The tagger for `path` (default: the shipped model), loaded once per process."""
        return _load(str(path or MODEL_DIR))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (B-/I- PERS, LOC, ORG, MISC, or O), one per token, the sentence alone."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for consecutive sentences of one text, each read with its neighbours."""
        stems: list[list[str]] = []
        data, counts = self.feature_ids.flat(sentences, stems)
        ids = TokenIds(np.frombuffer(data, dtype=np.int64).astype(np.intp), counts)
        lengths = [len(tokens) for tokens in sentences]
        # `_tag`, not `tag_flat`: these ids are valid by construction, no need to check them.
        if self.stage1 is None:
            return [_trim_function_words(tokens, self._repair(tags)) for tokens, tags in zip(sentences, self.final._tag(ids, lengths))]
        first = [self._repair(tags) for tags in self.stage1._tag(ids, lengths)]
        marks = self._mark_ids(first, stems)
        extra = self._extra_marks(sentences)
        if extra is not None:
            marks = join_tokens(marks, extra)
        tags = self.final._tag(join_tokens(ids, marks), lengths)
        return [_trim_function_words(tokens, self._repair(sentence_tags)) for tokens, sentence_tags in zip(sentences, tags)]

    def _extra_marks(self, sentences: Sequence[Sequence[str]]) -> TokenIds | None:
        """More second-stage feature ids per token, from another model (see `accurate`)."""
        return None

    def _repair(self, tags: list[str]) -> list[str]:
        """`repair_iob2` of a fresh list; most sentences have no I- tag, and nothing to repair."""
        if self._no_inside.issuperset(tags):
            return tags
        return repair_iob2(tags)

    def _mark_ids(self, first: list[list[str]], stems: list[list[str]]) -> TokenIds:
        """`final.map_features(document_marks(...))` without building the strings.

        Per token: "m1=" + its tag, "m1-1=" + the tag before, "m1+1=" + the tag after, then its
        "d:" kinds, as ids. The three tag marks of the whole text are looked up at C speed
        (`map`) and laid out by numpy; only the few tokens with "d:" kinds take a Python step.
        """
        own, before, after = self._m1
        tags = list(chain.from_iterable(first))
        n = len(tags)
        if not n:
            return TokenIds(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp))
        previous = ["BOS", *tags[:-1]]
        following = [*tags[1:], "EOS"]
        with_kinds: list[int] = []  # flat token index of each token with "d:" kinds
        kind_ids: list[list[int]] = []
        start = 0
        for sentence_tags, found in zip(first, nearby_kinds(stems, first, window=self.window)):
            end = start + len(sentence_tags)
            if end > start:  # no tag is read across a sentence edge
                previous[start] = "BOS"
                following[end - 1] = "EOS"
            for i, kinds in found:
                with_kinds.append(start + i)
                kind_ids.append(list(map(self._d.__getitem__, kinds)))
            start = end
        triples = np.array(
            [list(map(own.__getitem__, tags)), list(map(before.__getitem__, previous)), list(map(after.__getitem__, following))],
            dtype=np.intp,
        ).T
        counts = np.full(n, 3, dtype=np.intp)
        if not with_kinds:
            return TokenIds(triples.ravel(), counts)
        counts[with_kinds] += [len(ids) for ids in kind_ids]
        starts = np.cumsum(counts) - counts
        ids = np.empty(int(counts.sum()), dtype=np.intp)
        for column in range(3):
            ids[starts + column] = triples[:, column]
        # A token's "d:" ids follow its three tag marks.
        positions: list[int] = []
        for first_kind, token_kind_ids in zip((starts[with_kinds] + 3).tolist(), kind_ids):
            positions.extend(range(first_kind, first_kind + len(token_kind_ids)))
        ids[positions] = list(chain.from_iterable(kind_ids))
        return TokenIds(ids, counts)

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for sentences in file order, read as one document (the window keeps it local)."""
        return self.tag_document(sentences)


def _trim_function_words(tokens: Sequence[str], tags: list[str]) -> list[str]:
    """`tags` with function words cut off the end of each entity (an entity of only those goes)."""
    if len(tags) == tags.count("O"):  # most sentences
        return tags
    for start, end, _ in entity_spans(tags):
        while end > start and lookup_form(tokens[end - 1]) in _FUNCTION_WORDS:
            end -= 1
            tags[end] = "O"
    return tags


class _IdsByName(dict):
    """name -> the CRF's id of `prefix + name` (`unknown` if it has none), made on first use."""

    def __init__(self, crf: LinearChainCRF, prefix: str) -> None:
        super().__init__()
        self.crf, self.prefix = crf, prefix

    def __missing__(self, name: str) -> int:
        found = self[name] = self.crf.attributes.get(self.prefix + name, self.crf.unknown)
        return found


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    folder = Path(path)
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8")) if (folder / META_FILE).exists() else {}
    if (folder / "encoder.npz").exists() or "encoder" in meta:  # the opt-in accurate model (`accurate.py`)
        from .accurate import AccurateTagger

        return AccurateTagger.from_dir(folder)
    return Tagger.from_dir(folder)
