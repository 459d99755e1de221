"""CPU time of the quotes stage with the rule speaker chooser (the default) and the opt-in ranker.

    .venv/bin/python bench/quotes_ranker_speed.py --shared ../shared [--articles 300]

The other stages run once per article beforehand; only `extract_quotes` is timed, twice each,
alternating, by process CPU time (on a busy machine the figure that predicts an idle core).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analyze_speed import load_articles

from marsad.pipeline import load_pipeline, make_doc
from marsad.quotes import extract_quotes
from marsad.quotes.ranker import shipped_ranker

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    nlp = load_pipeline()
    docs = [nlp(make_doc(nlp, article.text)) for article in load_articles(args.shared, args.articles)]
    ranker = shipped_ranker()
    for name, chooser in (("rules", None), ("ranker", ranker)) * 2:
        started = time.process_time()
        for doc in docs:
            extract_quotes(doc, ranker=chooser)
        spent = time.process_time() - started
        print(f"{name:7} {1000 * spent / len(docs):.2f} ms/article ({len(docs)} articles, quotes stage CPU time)")


if __name__ == "__main__":
    main()
