"""A learned pair scorer for stories, measured: logistic regression over what two articles share, trained on the tuning half.

    .venv/bin/python eval/stories/pair_scorer.py --data ../shared/data --db /tmp/stories3.db

The experiment behind keeping the hand-set link score (stories.features.similarity): a logistic
regression over the link score and the facts Marsad extracts (headline and lead cosines, shared
names, persons, places, event types, topic, days apart, same outlet, openings naming different
days) is fitted on the judged pairs of the tuning half only, then used as the link score of the
same incremental placement (best link, probability at or above each cut), and scored on both day
halves beside the shipped score. The store is evaluate.py's (built there when missing). Nothing
here is shipped: on the tuning half no feature set beat the shipped score, and what gained on one
half lost on the other.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FEATURE_SETS = {
    "score": ("score",),
    "score+headline+lead": ("score", "headline", "lead"),
    "score+names": ("score", "names"),
    "score+text+names": ("score", "headline", "lead", "names"),
    "facts": ("score", "headline", "lead", "names", "persons", "places", "days", "same_outlet", "days_named_differ", "event_types", "same_topic"),
}
CUTS = (0.5, 0.6, 0.7)
# The lead for the lead cosine, in terms: about two sentences.
LEAD_TERMS = 60


def _evaluate():
    spec = importlib.util.spec_from_file_location("stories_evaluate", HERE / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


class PairFeatures:
    """What two stored analyses share, beside the shipped link score; per-article parts computed once."""

    def __init__(self, analyses: dict[str, dict], featured: dict) -> None:
        from marsad.stories.weights import default_weights

        self.analyses, self.featured, self.weights = analyses, featured, default_weights()
        self.cache: dict[str, dict] = {}

    def _vector(self, terms: list[str]) -> dict[str, float]:
        from marsad.stories.features import MIN_IDF, _unit

        counts = Counter(terms)
        weights = {t: (1 + math.log(n)) * self.weights(t) for t, n in counts.items() if self.weights(t) >= MIN_IDF and not t.isdigit()}
        return _unit(weights)

    def _article(self, article_id: str) -> dict:
        from marsad.stories.terms import terms

        if article_id not in self.cache:
            analysis = self.analyses[article_id]
            text = analysis["text"]
            entities = analysis.get("entities") or ()
            names = {}
            for ent in entities:
                if ent["label"] in ("PERS", "ORG", "LOC"):
                    key = " ".join(terms(text[ent["start"] : ent["end"]]))
                    if key:
                        names[key] = max(self.weights(part) for part in key.split())
            self.cache[article_id] = {
                "headline": self._vector(terms((analysis.get("meta") or {}).get("title") or "")),
                "lead": self._vector(terms(text)[:LEAD_TERMS]),
                "names": names,
                "persons": {" ".join(terms(text[e["start"] : e["end"]])) for e in entities if e["label"] == "PERS"},
                "places": {p.get("name") or p["text"] for p in analysis.get("places") or ()},
                "event_types": {e["type"] for e in analysis.get("events") or ()},
                "topic": (analysis.get("topic") or {}).get("label"),
                "outlet": (analysis.get("meta") or {}).get("source"),
            }
        return self.cache[article_id]

    def __call__(self, id_a: str, id_b: str) -> dict[str, float]:
        from marsad.stories.features import cosine, dates_conflict, similarity

        a, b = self.featured[id_a], self.featured[id_b]
        x, y = self._article(id_a), self._article(id_b)
        shared_names = sum(x["names"][k] for k in x["names"].keys() & y["names"].keys())
        lighter = min(sum(x["names"].values()), sum(y["names"].values()))
        return {
            "score": similarity(a, b),
            "headline": cosine(x["headline"], y["headline"]),
            "lead": cosine(x["lead"], y["lead"]),
            "names": shared_names / lighter if lighter else 0.0,
            "persons": _jaccard(x["persons"], y["persons"]),
            "places": _jaccard(x["places"], y["places"]),
            "days": float(abs(a.day - b.day)),
            "same_outlet": float(x["outlet"] == y["outlet"]),
            "days_named_differ": float(dates_conflict(a, b)),
            "event_types": _jaccard(x["event_types"], y["event_types"]),
            "same_topic": float(x["topic"] == y["topic"]),
        }


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad_stories_eval.db"))
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    from marsad.stories.features import similarity

    ev = _evaluate()
    if not (args.data / "news/saudinewsnet.jsonl.gz").exists():
        sys.exit(f"no SaudiNewsNet at {args.data}/news; pass --data")
    days = ev.judged_days(args.data, args.db)
    alias, featured_list = days.alias, days.featured
    tuning, held = days.halves.values()
    features = PairFeatures({a["id"]: a for _, a in days.analyses}, {f.id: f for f in featured_list})

    def place(link_score, cut: float):
        return ev.place_again(featured_list, alias, threshold=cut, score=link_score)

    def show(name: str, placement) -> None:
        halves = [ev.report("", part, placement)["story"] for part in (tuning, held)]
        print(f"{name:<40} tuning {ev._fmt(halves[0])} | held out {ev._fmt(halves[1])}", flush=True)

    show("shipped score, cut 0.4", place(similarity, 0.4))
    rows = [features(alias.get(p.id_a, p.id_a), alias.get(p.id_b, p.id_b)) for p in tuning]
    labels = [p.same for p in tuning]
    for name, columns in FEATURE_SETS.items():
        model = LogisticRegression(C=1.0, max_iter=5000).fit([[row[c] for c in columns] for row in rows], labels)
        weights, bias = dict(zip(columns, model.coef_[0])), float(model.intercept_[0])
        print(f"{name}: " + " ".join(f"{c} {w:+.2f}" for c, w in weights.items()) + f" bias {bias:+.2f}")

        def link_score(a, b, weights=weights, bias=bias) -> float:
            values = features(a.id, b.id)
            return 1.0 / (1.0 + math.exp(-(bias + sum(w * values[c] for c, w in weights.items()))))

        for cut in CUTS:
            show(f"  probability >= {cut}", place(link_score, cut))


if __name__ == "__main__":
    main()
