"""The shipped NER model: load once, tag tokens with IOB2 tags.

Two linear-chain CRFs (crfsuite): the first tags each sentence from its own features; the
second sees those tags too, and how nearby sentences of the same document tagged the same
words (`features.document_marks`). A model folder without `stage1.crfsuite` is single-stage.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .conll import repair_iob2
from .features import FeatureExtractor, document_marks, load_clusters, load_gazetteer, load_lexicon

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
MODEL_FILE = "model.crfsuite"
STAGE1_FILE = "stage1.crfsuite"  # optional: present in two-stage models
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
LEXICON_FILE = "lexicon.tsv.gz"  # optional
META_FILE = "meta.json"
DEFAULT_WINDOW = 8


class Tagger:
    """Tags sentences, alone (`tag`) or as one document (`tag_document`)."""

    def __init__(self, *, path: Path, extractor: FeatureExtractor, meta: dict | None = None) -> None:
        import pycrfsuite

        self.path = path
        self.extractor = extractor
        self.meta = meta or {}
        self.window = int(self.meta.get("window", DEFAULT_WINDOW))
        self.two_stage = (path / STAGE1_FILE).exists()
        self._local = threading.local()
        self._pycrfsuite = pycrfsuite

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

    def _crf(self, name: str):
        # crfsuite taggers are not thread-safe: one per thread and file.
        crfs = getattr(self._local, "crfs", None)
        if crfs is None:
            crfs = self._local.crfs = {}
        crf = crfs.get(name)
        if crf is None:
            crf = crfs[name] = self._pycrfsuite.Tagger()
            crf.open(str(self.path / name))
        return crf

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (B-/I- PERS, LOC, ORG, MISC, or O), one per token, the sentence alone."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for consecutive sentences of one text, each read with its neighbours."""
        features = [self.extractor.sentence(tokens) if tokens else [] for tokens in sentences]
        if not self.two_stage:
            return [repair_iob2(self._crf(MODEL_FILE).tag(f)) if f else [] for f in features]
        stage1 = self._crf(STAGE1_FILE)
        first = [repair_iob2(stage1.tag(f)) if f else [] for f in features]
        marks = document_marks(sentences, first, window=self.window)
        final = self._crf(MODEL_FILE)
        return [
            repair_iob2(final.tag([f + m for f, m in zip(sentence, extra)])) if sentence else []
            for sentence, extra in zip(features, marks)
        ]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for sentences in file order, read as one document (the window keeps it local)."""
        return self.tag_document(sentences)


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    return Tagger.from_dir(Path(path))
