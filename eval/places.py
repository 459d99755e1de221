"""Evaluate place resolution on the gold articles: resolved recall and precision.

    .venv/bin/python eval/places.py --data ../shared/data/quotes [--errors] [--stages ...]

Definitions (issue 5):
- recall: a gold place counts when a predicted place overlaps one of its mentions (any occurrence
  of the gold surface form in the text) and lies within 100 km (city, landmark), 300 km (region,
  other) or 1,200 km (country, and a region or other place with no country: continents, seas,
  "the Middle East") of the gold coordinates;
- precision: share of distinct predicted place names (per article) that are such resolved gold
  places: a name counts when one of its predictions overlaps a mention of a gold place and lies
  within that place's distance.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

MAX_KM = {"city": 100.0, "landmark": 100.0, "region": 300.0, "other": 300.0, "country": 1200.0}


def _limit_km(gold: dict) -> float:
    """A region or other place without a country (a continent, a sea, "الشرق الأوسط") is larger than
    a country, and sources put its centre up to a thousand kilometres apart (Europe: GeoNames puts it
    in southern Germany, other atlases near the Baltic): it gets the country radius, not a governorate's."""
    kind = gold.get("kind") or "other"
    if kind in ("region", "other") and not gold.get("country_en"):
        return MAX_KM["country"]
    return MAX_KM.get(kind, 300.0)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(mention)
    while mention and start >= 0:
        spans.append((start, start + len(mention)))
        start = text.find(mention, start + 1)
    return spans


@dataclass
class Counts:
    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_correct: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.gold_found += other.gold_found
        self.predicted += other.predicted
        self.predicted_correct += other.predicted_correct
        self.missed += other.missed
        self.wrong += other.wrong

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 1.0


def _resolves(place: dict, gold: dict, spans: list[tuple[int, int]]) -> bool:
    if place.get("lat") is None or gold.get("lat") is None:
        return False
    if not any(place["start"] < end and start < place["end"] for start, end in spans):
        return False
    limit = _limit_km(gold)
    return haversine_km(place["lat"], place["lon"], gold["lat"], gold["lon"]) <= limit


def score_article(text: str, gold_places: Iterable[dict], predicted: Iterable[dict]) -> Counts:
    """Counts for one article; `predicted` are Place records as dicts (start, end, name, lat, lon)."""
    predicted = list(predicted)
    golds = [(gold, occurrences(text, gold["mention"])) for gold in gold_places]
    counts = Counts(gold=len(golds))
    for gold, spans in golds:
        if any(_resolves(place, gold, spans) for place in predicted):
            counts.gold_found += 1
        else:
            counts.missed.append(f"{gold['mention']} -> {gold['name_en']} ({gold['kind']})")
    by_name: dict[str, list[dict]] = {}
    for place in predicted:
        by_name.setdefault(place["name"], []).append(place)
    counts.predicted = len(by_name)
    for name, places in by_name.items():
        if any(_resolves(place, gold, spans) for place in places for gold, spans in golds):
            counts.predicted_correct += 1
        else:
            place = places[0]
            counts.wrong.append(f"{text[place['start']:place['end']]} -> {name} ({place.get('country_code')}, {place['kind']})")
    return counts


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def default_predictor() -> Callable[[str], list[dict]]:
    """Our component on a blank Arabic pipeline (token norms set as the real pipeline sets them)."""
    from dataclasses import asdict

    import spacy

    from marsad.arabic.normalize import normalize
    from marsad.components.places import find_places
    from marsad.document import register_extensions

    register_extensions()
    nlp = spacy.blank("ar")

    def predict(text: str) -> list[dict]:
        doc = nlp.make_doc(text)
        for token in doc:
            token.norm_ = normalize(token.text)
        return [asdict(place) for place in find_places(doc)._.places]

    return predict


def pipeline_predictor(stages: tuple[str, ...]) -> Callable[[str], list[dict]]:
    """The project pipeline with `stages` (e.g. structure and NER before places)."""
    from dataclasses import asdict

    from marsad.pipeline import build_pipeline, make_doc

    nlp = build_pipeline(stages)

    def predict(text: str) -> list[dict]:
        return [asdict(place) for place in nlp(make_doc(nlp, text))._.places]

    return predict


def evaluate(data_dir: Path, predict: Callable[[str], list[dict]] | None = None) -> Counts:
    """Score `predict` (default: our places stage) on dev_articles.jsonl + dev_gold.jsonl."""
    predict = predict or default_predictor()
    articles = {a["id"]: a for a in read_jsonl(data_dir / "dev_articles.jsonl")}
    total = Counts()
    for gold in read_jsonl(data_dir / "dev_gold.jsonl"):
        text = articles[gold["id"]]["text"]
        counts = score_article(text, gold.get("places", []), predict(text))
        counts.missed = [f"{gold['id']}: {m}" for m in counts.missed]
        counts.wrong = [f"{gold['id']}: {w}" for w in counts.wrong]
        total.add(counts)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes")
    parser.add_argument("--errors", action="store_true", help="list missed gold places and wrong predictions on stderr")
    parser.add_argument("--stages", default="",
                        help="comma-separated pipeline stages to run instead of the places stage alone, "
                             "e.g. marsad_structure,marsad_ner,marsad_places")
    args = parser.parse_args(argv)
    if not (args.data / "dev_gold.jsonl").is_file():
        print(f"no dev_gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    predict = pipeline_predictor(tuple(args.stages.split(","))) if args.stages else None
    counts = evaluate(args.data, predict)
    if args.errors:
        for line in counts.missed:
            print("MISSED", line, file=sys.stderr)
        for line in counts.wrong:
            print("WRONG ", line, file=sys.stderr)
    print(json.dumps({"places_recall": round(counts.recall, 4), "places_precision": round(counts.precision, 4),
                      "gold": counts.gold, "gold_found": counts.gold_found, "predicted_names": counts.predicted,
                      "predicted_correct": counts.predicted_correct}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
