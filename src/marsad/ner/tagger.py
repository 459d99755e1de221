"""The shipped NER model: load once, tag tokens with IOB2 tags.

Two linear-chain CRFs (trained with crfsuite, decoded in numpy by `crf.LinearChainCRF`): the
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

from .conll import repair_iob2
from .crf import LinearChainCRF, TokenIds, aligned, join_tokens
from .features import FeatureExtractor, FeatureIds, load_clusters, load_gazetteer, load_lexicon, nearby_kinds

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
MODEL_FILE = "model.npz"
STAGE1_FILE = "stage1.npz"  # optional: present in two-stage models
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
LEXICON_FILE = "lexicon.tsv.gz"  # optional
META_FILE = "meta.json"
DEFAULT_WINDOW = 8


class Tagger:
    """Tags sentences, alone (`tag`) or as one document (`tag_document`)."""

    def __init__(self, *, path: Path, extractor: FeatureExtractor, meta: dict | None = None) -> None:
        self.path = path
        self.extractor = extractor
        self.meta = meta or {}
        self.window = int(self.meta.get("window", DEFAULT_WINDOW))
        self.two_stage = (path / STAGE1_FILE).exists()
        final = LinearChainCRF.load(path / MODEL_FILE)
        if self.two_stage:
            # One attribute index for both stages: each token's features are looked up once.
            self.stage1, self.final = aligned(LinearChainCRF.load(path / STAGE1_FILE), final)
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
            return [self._repair(tags) for tags in self.final._tag(ids, lengths)]
        first = [self._repair(tags) for tags in self.stage1._tag(ids, lengths)]
        tags = self.final._tag(join_tokens(ids, self._mark_ids(first, stems)), lengths)
        return [self._repair(sentence_tags) for sentence_tags in tags]

    def _repair(self, tags: list[str]) -> list[str]:
        """`repair_iob2` of a fresh list; most sentences have no I- tag, and nothing to repair."""
        if self._no_inside.issuperset(tags):
            return tags
        return repair_iob2(tags)

    def _mark_ids(self, first: list[list[str]], stems: list[list[str]]) -> TokenIds:
        """`final.map_features(document_marks(...))` without building the strings."""
        own, before, after = self._m1
        flat: list[int] = []
        counts: list[int] = []
        extend = flat.extend
        d_id = self._d
        for tags, found in zip(first, nearby_kinds(stems, first, window=self.window)):
            n = len(tags)
            if not n:
                continue
            # Per token "m1=" + tag, "m1-1=" + the tag before, "m1+1=" + the tag after, as ids.
            triples = zip(
                map(own.__getitem__, tags),
                map(before.__getitem__, ["BOS", *tags[:-1]]),
                map(after.__getitem__, [*tags[1:], "EOS"]),
            )
            ids = chain.from_iterable(triples)
            if not found:
                extend(ids)
                counts += [3] * n
                continue
            per_token = [[*triple] for triple in zip(*[iter(list(ids))] * 3)]
            for i, kinds in found:
                per_token[i].extend(map(d_id.__getitem__, kinds))
            extend(chain.from_iterable(per_token))
            counts += map(len, per_token)
        return TokenIds(np.array(flat, dtype=np.intp), np.array(counts, dtype=np.intp))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for sentences in file order, read as one document (the window keeps it local)."""
        return self.tag_document(sentences)


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
    return Tagger.from_dir(Path(path))
