"""What word vectors trained on ANT add to story placement: article vectors beside the shipped score, on the judged pairs, tuning half and held-out half apart.

    .venv/bin/python training/stories/train_vectors.py --data ../shared/data --out /tmp/marsad_story_vectors.npz
    .venv/bin/python eval/stories/semantic.py --data ../shared/data --db /tmp/stories3.db --vectors /tmp/marsad_story_vectors.npz

An article's vector is the SIF-weighted sum of the vectors of its lead's terms (the terms and title
boost of marsad.stories.features), less the common direction, made unit length. Two ways to use it,
each swept over a small grid and re-placed in memory (StoryIndex with `score=`):

* add: the shipped score plus weight * max(0, vector cosine - floor);
* path: a pair scored between `low` and the threshold is lifted to the threshold when its vector
  cosine reaches `floor` and the openings (first 400 characters) share at least `names` names
  (people, organizations, places).

Also printed: the vectors' load time and size in memory, and the CPU time of one article vector.
Choose on the tuning half; the held-out half is the honest figure.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate as ev  # noqa: E402

NAME_LABELS = frozenset({"PERS", "ORG", "LOC"})
OPENING_CHARS = 400
BAND = (0.1, 0.4)


class Vectors:
    """The trained term vectors (training/stories/train_vectors.py), as float32 for arithmetic."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as data:
            self.position = {str(term): i for i, term in enumerate(data["terms"])}
            self.matrix = data["vectors"].astype(np.float32)
            self.weights = data["weights"]
            self.component = data["component"]

    def article(self, analysis: dict) -> np.ndarray:
        from marsad.stories.features import LEAD_TERMS, TITLE_BOOST
        from marsad.stories.terms import terms

        counts = Counter(terms(analysis["text"])[:LEAD_TERMS])
        for term in terms((analysis.get("meta") or {}).get("title") or ""):
            counts[term] += TITLE_BOOST
        rows = [self.position[term] for term in counts if term in self.position]
        if not rows:
            return np.zeros(self.matrix.shape[1], dtype=np.float32)
        weights = self.weights[rows] * np.array([counts[term] for term in counts if term in self.position], dtype=np.float32)
        vector = weights @ self.matrix[rows]
        vector -= self.component * (self.component @ vector)
        return vector / (np.linalg.norm(vector) or 1.0)


def opening_names(analysis: dict) -> frozenset[str]:
    from marsad.stories.terms import terms

    text = analysis["text"]
    return frozenset(
        " ".join(terms(text[ent["start"] : ent["end"]]))
        for ent in analysis.get("entities") or ()
        if ent.get("label") in NAME_LABELS and ent["start"] < OPENING_CHARS
    )


def band_auc(halves: dict, featured: dict, semantic: dict, alias: dict) -> None:
    """How well the vector cosine ranks same-story pairs among those the shipped score puts in
    BAND (where the missed merges are), beside the shipped score itself: ROC AUC, 0.5 is chance."""
    from sklearn.metrics import roc_auc_score

    from marsad.stories.features import similarity

    for name, half in halves.items():
        gold, shipped, cosine = [], [], []
        for pair in half:
            a, b = featured[alias.get(pair.id_a, pair.id_a)], featured[alias.get(pair.id_b, pair.id_b)]
            score = similarity(a, b)
            if BAND[0] <= score < BAND[1]:
                gold.append(pair.same)
                shipped.append(score)
                cosine.append(float(semantic[a.id] @ semantic[b.id]))
        print(f"{name}: {len(gold)} pairs scored {BAND[0]}-{BAND[1]} ({sum(gold)} same story): AUC vector cosine "
              f"{roc_auc_score(gold, cosine):.3f}, shipped score {roc_auc_score(gold, shipped):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad_stories_eval.db"))
    parser.add_argument("--vectors", type=Path, default=Path("/tmp/marsad_story_vectors.npz"))
    parser.add_argument("--threshold", type=float, default=0.4)
    args = parser.parse_args()
    from marsad.stories.features import similarity

    tracemalloc.start()
    started = time.perf_counter()
    vectors = Vectors(args.vectors)
    load_s = time.perf_counter() - started
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"vectors: {len(vectors.position)} terms x {vectors.matrix.shape[1]}, {args.vectors.stat().st_size / 1e6:.1f} MB on disk, "
          f"loaded in {load_s * 1000:.0f} ms, {memory / 1e6:.1f} MB in memory (float32)")
    days = ev.judged_days(args.data, args.db)
    analyses, alias, halves, featured = days.analyses, days.alias, days.halves, days.featured
    cpu = time.process_time()
    semantic = {str(analysis["id"]): vectors.article(analysis) for _, analysis in analyses}
    print(f"article vector: {(time.process_time() - cpu) / len(analyses) * 1e6:.0f} us CPU each")
    names = {str(analysis["id"]): opening_names(analysis) for _, analysis in analyses}
    band_auc(halves, {features.id: features for features in featured}, semantic, alias)

    def run(score) -> str:
        placement = ev.place_again(featured, alias, threshold=args.threshold, score=score)
        return " || ".join(f"{name}: {ev._fmt(ev.report(name, half, placement)['story'])}" for name, half in halves.items())

    def added(weight: float, floor: float):
        return lambda a, b: similarity(a, b) + weight * max(0.0, float(semantic[a.id] @ semantic[b.id]) - floor)

    def lifted(floor: float, low: float, shared: int):
        def score(a, b) -> float:
            value = similarity(a, b)
            if low <= value < args.threshold and float(semantic[a.id] @ semantic[b.id]) >= floor and len(names[a.id] & names[b.id]) >= shared:
                return args.threshold
            return value

        return score

    print(f"shipped score                 {run(similarity)}", flush=True)
    for weight, floor in itertools.product((0.1, 0.2, 0.4), (0.5, 0.7, 0.85)):
        print(f"add weight {weight} floor {floor:<5}  {run(added(weight, floor))}", flush=True)
    for floor, low, shared in itertools.product((0.6, 0.75, 0.85), (0.2, 0.3), (2, 3)):
        print(f"path floor {floor} low {low} names {shared}  {run(lifted(floor, low, shared))}", flush=True)


if __name__ == "__main__":
    main()
