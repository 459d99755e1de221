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

from .conll import repair_iob2
from .crf import LinearChainCRF, aligned, join_tokens, pack_ids
from .features import FeatureExtractor, FeatureIds, document_marks, load_clusters, load_gazetteer, load_lexicon

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
        sentence_ids = self.feature_ids.sentence
        ids = pack_ids(list(chain.from_iterable(sentence_ids(tokens) for tokens in sentences if tokens)))
        lengths = [len(tokens) for tokens in sentences]
        if self.stage1 is None:
            return [repair_iob2(tags) for tags in self.final.tag_flat(ids, lengths)]
        first = [repair_iob2(tags) for tags in self.stage1.tag_flat(ids, lengths)]
        marks = document_marks(sentences, first, window=self.window)
        tags = self.final.tag_flat(join_tokens(ids, self.final.map_features(marks)), lengths)
        return [repair_iob2(sentence_tags) for sentence_tags in tags]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for sentences in file order, read as one document (the window keeps it local)."""
        return self.tag_document(sentences)


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    return Tagger.from_dir(Path(path))
