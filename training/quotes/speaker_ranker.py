"""Fit the quote speaker ranker (marsad.quotes.ranker) on the gold set's licensed outlets.

    .venv/bin/python training/quotes/speaker_ranker.py --data ../shared/data

Rebuilds src/marsad/models/quotes/speaker_ranker.json. Training data: the gold quotes of the ANT
outlets and Jawhara FM (eval/gold) and the 20 older dev articles; never SaudiNewsNet, whose licence
is unstated. For every gold quote the rules find, each candidate speaker the ranker sees is labelled
by whether it names the gold speaker (eval/quotes.py's `same_speaker`); quotes whose candidates hold
no right answer teach nothing about choosing and are left out. eval/gold_loo.py refits the same way
without each outlet in turn (`fit_weights`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "src" / "marsad" / "models" / "quotes" / "speaker_ranker.json"
LICENSED = frozenset({"ant", "jawhara"})  # corpora whose text may train a shipped model
C = 0.5  # inverse regularisation: few hundred quotes, a few hundred features


def _gold_loo():
    """eval/gold_loo.py, which loads the evaluation modules this script reads (quotes scoring, the gold set)."""
    sys.path.insert(0, str(REPO / "eval"))
    import gold_loo

    return gold_loo


def licensed(articles: list[dict]) -> list[dict]:
    return [a for a in articles if a.get("corpus") in LICENSED]


def collect(nlp, articles: list[dict]) -> dict[str, list[list[tuple[tuple[str, ...], bool]]]]:
    """Article id -> one group per matched gold quote: (features, names the gold speaker) per candidate."""
    from marsad.pipeline import make_doc
    from marsad.quotes import extract_quotes

    quotes_eval = _gold_loo().quotes_eval
    out: dict[str, list] = {}
    for article in articles:
        doc = nlp(make_doc(nlp, article["text"], article_id=article["id"], meta={"date": article.get("date")}))
        trace: list = []
        quotes = extract_quotes(doc, ranker=None, trace=trace)
        by_quote = {id(quote): options for quote, options in zip(quotes, trace)}
        matched, _, _ = quotes_eval.match(article["text"], quotes, article["quotes"])
        groups = []
        for quote, gold in matched:
            if not gold.get("speaker"):
                continue
            groups.append([(features, quotes_eval.same_speaker(name, gold)) for features, name in by_quote[id(quote)]])
        out[article["id"]] = groups
    return out


def fit_weights(groups: list[list[tuple[tuple[str, ...], bool]]], *, c: float = C) -> dict:
    """A logistic regression over the candidates of the groups that hold a right answer."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for group in groups:
        if not any(label for _, label in group):
            continue
        for features, label in group:
            rows.append(dict.fromkeys(features, 1))
            labels.append(int(label))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-5}
    return {"bias": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items())),
            "trained_on": {"quotes": sum(1 for g in groups if any(lb for _, lb in g)), "candidates": len(rows)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    from marsad.pipeline import load_pipeline

    sys.path.insert(0, str(REPO / "eval" / "gold"))
    gold_set = _gold_loo().gold_set
    articles = licensed(gold_set(args.data))
    groups = [g for article_groups in collect(load_pipeline(), articles).values() for g in article_groups]
    fitted = fit_weights(groups)
    fitted["trained_on"]["articles"] = len(articles)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(fitted, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(fitted['weights'])} weights, {fitted['trained_on']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
