"""Train the ANT topic model and export it as a compact .npz for numpy inference.

    .venv/bin/python training/topics/train.py --data ../shared/data --out src/marsad/models/topics
    .venv/bin/python training/topics/train.py --data ../shared/data --eval-only   # dev figures only

Dev protocol (fixed seed 13):
  * random: 15% of the training file, stratified by (source, category);
  * held-out blocks: the ANT test split holds whole (source, category) blocks absent from training
    (France 24 middleEast/sport/culture/economy, CNN technology, most BBC culture), so six blocks
    (Sky News technology, CNN sport, BBC economy, Al Arabiya economy, CNN internationalNews,
    BBC middleEast) are removed from training and their recall measured: can a class be
    recognized in a source that never showed it?
  * optionally (--loso) leave-source-out: train on four sources, test on BBC, then on CNN.
The shipped model is trained on the 85% training part (so `eval/topics.py` measures it on data it
never saw; `--final-on all` adds the dev split); its softmax temperature is fitted on the dev split.
Source-marker features (words whose spread over sources is not explained by their spread over
categories, e.g. "فرانس", "سكاي") are dropped so that a source's house style does not stand in for
a topic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from marsad.topics.features import article_features  # noqa: E402
from ant_split import SEED, dev_split  # noqa: E402

LABELS = ("culture", "economy", "internationalNews", "middleEast", "sport", "technology")


def load(data_dir: Path) -> list[dict]:
    path = data_dir / "news" / "ant_multisource_topic_train.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    for row in rows:
        row["features"] = article_features(row.get("text") or "", row.get("title"))
    return rows


def source_markers(rows: list[dict], indices: list[int], *, min_df: int, share: float, ratio: float) -> set[str]:
    """Features concentrated in one source far beyond what their category spread predicts.

    For a feature f and its most frequent source s: observed = df(f, s) / df(f); expected = the
    share of s among f's documents had f kept its category spread but been spread over sources
    like its categories are (sum over c of df(f, c) / df(f) * P(s | c)). f is a marker when
    observed >= `share` and observed > `ratio` * expected: "فرانس" (all France 24, which only has
    internationalNews here) is one, "مباراه" (sport everywhere) is not.
    """
    vectorizer = CountVectorizer(analyzer=lambda features: features, min_df=min_df, binary=True)
    x = vectorizer.fit_transform([rows[i]["features"] for i in indices]).tocsc()
    sources = sorted({rows[i]["source"] for i in indices})
    source_of = np.array([sources.index(rows[i]["source"]) for i in indices])
    category_of = np.array([LABELS.index(rows[i]["category"]) for i in indices])
    source_onehot = sparse.csr_matrix((np.ones(len(indices)), (source_of, np.arange(len(indices)))), shape=(len(sources), len(indices)))
    category_onehot = sparse.csr_matrix((np.ones(len(indices)), (category_of, np.arange(len(indices)))), shape=(len(LABELS), len(indices)))
    df_source = np.asarray((source_onehot @ x).todense())  # (sources, features)
    df_category = np.asarray((category_onehot @ x).todense())  # (categories, features)
    source_given_category = np.asarray((category_onehot @ source_onehot.T).todense())
    source_given_category /= np.maximum(source_given_category.sum(axis=1, keepdims=True), 1)
    total = df_source.sum(axis=0)
    top = df_source.argmax(axis=0)
    observed = df_source[top, np.arange(len(top))] / total
    expected = (df_category / total * source_given_category[:, top]).sum(axis=0)
    is_marker = (observed >= share) & (observed > ratio * expected)
    names = vectorizer.get_feature_names_out()
    return set(names[is_marker].tolist())


class LinearModel:
    """Per-class weights over the vectorizer's features: scores = x @ weights.T + bias."""

    def __init__(self, classes, weights, bias):
        self.classes_ = np.array(classes)
        self.coef_ = np.asarray(weights, dtype=np.float32)
        self.intercept_ = np.asarray(bias, dtype=np.float32)

    def decision_function(self, x):
        return np.asarray(x @ self.coef_.T) + self.intercept_

    def predict(self, x):
        return self.classes_[np.argmax(self.decision_function(x), axis=1)]


def fit_nbsvm(x, y, *, C: float, balanced: bool, alpha: float = 1.0) -> LinearModel:
    """One-vs-rest NB-SVM (Wang & Manning 2012): each class's SVM sees features scaled by their
    naive-Bayes log-count ratio; folding the ratio back into the weights keeps a plain linear model."""
    present = (x > 0).astype(np.float32)
    classes = sorted(set(y))
    labels = np.array(y)
    weights, bias = [], []
    for label in classes:
        positive = labels == label
        p = np.asarray(present[positive].sum(axis=0)).ravel() + alpha
        q = np.asarray(present[~positive].sum(axis=0)).ravel() + alpha
        ratio = np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)
        svm = LinearSVC(C=C, class_weight="balanced" if balanced else None, random_state=SEED)
        svm.fit(x @ sparse.diags(ratio), positive)
        weights.append(svm.coef_[0] * ratio)
        bias.append(svm.intercept_[0])
    return LinearModel(classes, weights, bias)


def fit(rows: list[dict], indices: list[int], args):
    markers = source_markers(rows, indices, min_df=args.marker_min_df, share=args.marker_share, ratio=args.marker_ratio) if args.drop_markers else set()
    vectorizer = TfidfVectorizer(analyzer=lambda features: [f for f in features if f not in markers], min_df=args.min_df, sublinear_tf=True, dtype=np.float32)
    x = vectorizer.fit_transform([rows[i]["features"] for i in indices])
    y = [rows[i]["category"] for i in indices]
    if args.model == "nbsvm":
        return vectorizer, fit_nbsvm(x, y, C=args.C, balanced=args.balanced)
    model = LinearSVC(C=args.C, class_weight="balanced" if args.balanced else None, random_state=SEED)
    model.fit(x, y)
    return vectorizer, model


def evaluate(rows, train, dev, args, name, fitted=None) -> float:
    start = time.time()
    vectorizer, model = fitted or fit(rows, train, args)
    x = vectorizer.transform([rows[i]["features"] for i in dev])
    gold = [rows[i]["category"] for i in dev]
    predicted = model.predict(x)
    present = sorted(set(gold))
    score = f1_score(gold, predicted, labels=present, average="macro")
    print(f"== {name}: train {len(train)} dev {len(dev)} macro-F1 {score:.4f} ({time.time() - start:.0f}s)", file=sys.stderr)
    print(classification_report(gold, predicted, labels=present, digits=3), file=sys.stderr)
    return score


BLOCKS = (
    ("Sky News Arabia", "technology"),
    ("CNN Arabic", "sport"),
    ("BBC Arabic", "economy"),
    ("Al Arabiya", "economy"),
    ("CNN Arabic", "internationalNews"),
    ("BBC Arabic", "middleEast"),
)


def evaluate_blocks(rows, dev, args) -> float:
    start = time.time()
    dev_set = set(dev)
    train = [i for i, row in enumerate(rows) if (row["source"], row["category"]) not in BLOCKS and i not in dev_set]
    vectorizer, model = fit(rows, train, args)
    recalls = {}
    for block in BLOCKS:
        members = [i for i, row in enumerate(rows) if (row["source"], row["category"]) == block]
        predicted = model.predict(vectorizer.transform([rows[i]["features"] for i in members]))
        recalls[f"{block[0]} / {block[1]}"] = round(float(np.mean(predicted == block[1])), 4)
    mean = float(np.mean(list(recalls.values())))
    print(f"== held-out blocks: mean recall {mean:.4f} {json.dumps(recalls, ensure_ascii=False)} ({time.time() - start:.0f}s)", file=sys.stderr)
    return mean


def fit_temperature(model, vectorizer, rows, dev) -> float:
    decision = model.decision_function(vectorizer.transform([rows[i]["features"] for i in dev]))
    gold = np.array([list(model.classes_).index(rows[i]["category"]) for i in dev])
    best, best_loss = 1.0, float("inf")
    for temperature in np.arange(0.5, 15.01, 0.25):
        scores = decision * temperature
        scores -= scores.max(axis=1, keepdims=True)
        log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(len(gold)), gold].mean()
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def export(vectorizer: TfidfVectorizer, model, temperature: float, out: Path, *, prune: float) -> None:
    vocab = vectorizer.get_feature_names_out()
    weights = model.coef_.T.astype(np.float32)  # (features, classes)
    keep = np.abs(weights).max(axis=1) >= prune
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "topics.npz",
        labels=np.array(model.classes_, dtype=str),
        vocab=np.array(vocab[keep], dtype=str),
        idf=vectorizer.idf_[keep].astype(np.float16),
        weights=weights[keep].astype(np.float16),
        bias=model.intercept_.astype(np.float32),
        temperature=np.array(temperature, dtype=np.float32),
    )
    print(f"exported {keep.sum()} of {len(vocab)} features to {out / 'topics.npz'} ({(out / 'topics.npz').stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (holds news/)")
    parser.add_argument("--out", type=Path, default=None, help="folder for topics.npz")
    parser.add_argument("--eval-only", action="store_true")
    parser.add_argument("--skip-blocks", action="store_true", help="skip the held-out-blocks figure")
    parser.add_argument("--loso", action="store_true", help="also leave-one-source-out (BBC, CNN)")
    parser.add_argument("--model", choices=("svm", "nbsvm"), default="svm")
    parser.add_argument("--C", type=float, default=0.3)
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--balanced", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--drop-markers", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--marker-min-df", type=int, default=5)
    parser.add_argument("--marker-share", type=float, default=0.8)
    parser.add_argument("--marker-ratio", type=float, default=1.5)
    parser.add_argument("--final-on", choices=("train", "all"), default="train", help="train: keep the dev split out of the shipped model so eval/topics.py stays honest")
    parser.add_argument("--prune", type=float, default=0.1, help="drop features whose largest |weight| is below this (0.1: 1/10 the size, same dev and held-out-block figures)")
    args = parser.parse_args(argv)

    start = time.time()
    rows = load(args.data)
    print(f"loaded and analyzed {len(rows)} articles in {time.time() - start:.0f}s", file=sys.stderr)
    train, dev = dev_split(rows)
    vectorizer, model = fit(rows, train, args)
    scores = {"random": evaluate(rows, train, dev, args, "random 15% (source x category stratified)", (vectorizer, model))}
    if not args.skip_blocks:
        scores["blocks_mean_recall"] = evaluate_blocks(rows, dev, args)
    if args.loso:
        for source in ("BBC Arabic", "CNN Arabic"):
            held = [i for i, row in enumerate(rows) if row["source"] == source]
            rest = [i for i, row in enumerate(rows) if row["source"] != source]
            scores[source] = evaluate(rows, rest, held, args, f"leave out {source}")
    print(json.dumps(scores), file=sys.stderr)
    if args.eval_only or args.out is None:
        return 0
    temperature = fit_temperature(model, vectorizer, rows, dev)
    if args.final_on == "all":
        vectorizer, model = fit(rows, list(range(len(rows))), args)
    export(vectorizer, model, temperature, args.out, prune=args.prune)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
