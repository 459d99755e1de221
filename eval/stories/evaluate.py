"""Score stories and wire copies on the judged article pairs of three days of SaudiNewsNet, beside a TF-IDF single-link baseline.

    .venv/bin/python eval/stories/evaluate.py --data ../shared/data [--db /tmp/stories3.db]

All articles of 2015-08-02..04 are ingested in date order (and, within a day, in the order the
crawler saw them) into a store with stories on, so each is placed incrementally as it arrives,
exactly as `marsad ingest` does. The store is kept at --db and reused when it exists. Pairs come from
eval/stories/pairs.tsv, labels from eval/stories/labels.tsv (a blind reader's judgements). Scores
are pairwise precision/recall/F1, unweighted (each judged pair counts once) and weighted by stratum
(each pair stands for pairs_in_stratum / pairs drawn of all pairs of the three days). The
threshold sweep re-places the stored analyses in memory (StoryIndex, the same code the store uses).
An article whose text is stored under another id (an exact duplicate) counts as a copy of that one.

The judged pairs are split by day into a tuning half (pairs whose later article is of TUNING_DAY)
and a held-out half (pairs within the two days before it): constants are chosen on the tuning half
and every figure is given on both halves and on all pairs. `--errors` lists the wrong pairs (ids
and scores only) for reading them side by side.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DAYS = ("2015-08-02", "2015-08-03", "2015-08-04")
BASELINE_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
# The pairs that reach this day tune; the pairs of the days before it are held out (163 and 137 pairs).
TUNING_DAY = "2015-08-04"


@dataclass
class Pair:
    stratum: str
    weight: float
    id_a: str
    id_b: str
    same: int
    copy: int


def read_pairs(pairs_path: Path, labels_path: Path) -> list[Pair]:
    with open(pairs_path, encoding="utf-8") as handle:
        drawn = list(csv.DictReader(handle, delimiter="\t"))
    with open(labels_path, encoding="utf-8") as handle:
        labels = {(row["id_a"], row["id_b"]): row for row in csv.DictReader(handle, delimiter="\t")}
    per_stratum: dict[str, int] = defaultdict(int)
    for row in drawn:
        per_stratum[row["stratum"]] += 1
    pairs = []
    for row in drawn:
        label = labels[(row["id_a"], row["id_b"])]
        weight = int(row["pairs_in_stratum"]) / per_stratum[row["stratum"]]
        pairs.append(Pair(row["stratum"], weight, row["id_a"], row["id_b"], int(label["same_story"]), int(label["copy"])))
    return pairs


def three_days(data: Path) -> list[dict]:
    """The articles of DAYS in arrival order: by date, then the time the crawler extracted them."""
    with gzip.open(data / "news/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [r for r in map(json.loads, handle) if r["date"] in DAYS]
    return sorted(records, key=lambda r: (r["date"], r.get("date_extracted") or "", r["id"]))


def build_store(db: Path, records: list[dict]) -> float:
    """Ingest `records` with stories on, as `marsad ingest` does; seconds taken."""
    from marsad.ingest.jsonl import parse_record
    from marsad.store import open_store
    from marsad.load import load, pipeline_analyzer
    from marsad.stories import StoryAssigner, follow

    articles = [parse_record(json.dumps(r, ensure_ascii=False).encode("utf-8"), source=r["id"]) for r in records]
    started = time.perf_counter()
    with open_store(str(db)) as store:
        for outcome in follow(StoryAssigner(store), load(store, articles, analyze=pipeline_analyzer())):
            if outcome.status == "failed":
                print(outcome.message, file=sys.stderr)
    return time.perf_counter() - started


def twins(records: list[dict], stored: set[str]) -> dict[str, str]:
    """Ids not stored because their text was already stored under another id -> that id."""
    first: dict[str, str] = {}
    alias = {}
    for r in records:
        key = r["text"]
        if key in first and r["id"] not in stored:
            alias[r["id"]] = first[key]
        elif r["id"] in stored:
            first.setdefault(key, r["id"])
    return alias


def score(pairs: list[Pair], predicted: Iterable[tuple[bool, int]], *, weighted: bool) -> dict[str, float]:
    tp = fp = fn = 0.0
    for pair, (guess, gold) in zip(pairs, predicted):
        weight = pair.weight if weighted else 1.0
        tp += weight * (guess and gold)
        fp += weight * (guess and not gold)
        fn += weight * (not guess and gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


class Placement:
    """Story and copy group of every article, with duplicates folded onto their stored twin."""

    def __init__(self, story: dict[str, str], copy_of: dict[str, str | None], alias: dict[str, str]) -> None:
        self.story, self.copy_of, self.alias = story, copy_of, alias

    def same_story(self, a: str, b: str) -> bool:
        a, b = self.alias.get(a, a), self.alias.get(b, b)
        return self.story[a] == self.story[b]

    def copies(self, a: str, b: str) -> bool:
        if a in self.alias or b in self.alias:
            if self.alias.get(a, a) == self.alias.get(b, b):
                return True
        a, b = self.alias.get(a, a), self.alias.get(b, b)
        return (self.copy_of[a] or a) == (self.copy_of[b] or b)


def report(name: str, pairs: list[Pair], placement: Placement) -> dict:
    same = [(placement.same_story(p.id_a, p.id_b), p.same) for p in pairs]
    copy = [(placement.copies(p.id_a, p.id_b), p.copy) for p in pairs]
    row = {
        "method": name,
        "story": score(pairs, same, weighted=False),
        "story_weighted": score(pairs, same, weighted=True),
        "copy": score(pairs, copy, weighted=False),
        "copy_weighted": score(pairs, copy, weighted=True),
    }
    stories = len(set(placement.story.values()))
    row["stories"] = stories
    row["largest"] = max(_sizes(placement.story).values())
    return row


def _sizes(story: dict[str, str]) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for story_id in story.values():
        sizes[story_id] += 1
    return sizes


def stored_placement(db: Path) -> tuple[dict[str, str], dict[str, str | None], list[tuple[int, dict]]]:
    from marsad.store import open_store

    with open_store(str(db), create=False) as store:
        rows = store._execute("SELECT article_id, story_id, copy_of FROM story_articles").fetchall()
        analyses = [(row["pk"], json.loads(row["analysis"])) for row in store._execute("SELECT pk, analysis FROM articles ORDER BY pk").fetchall()]
    return {r["article_id"]: r["story_id"] for r in rows}, {r["article_id"]: r["copy_of"] for r in rows}, analyses


def featurize_all(analyses: list[tuple[int, dict]]) -> list:
    from marsad.stories.features import featurize

    return [featurize(a, day=date.fromisoformat(a["meta"]["date"]).toordinal(), order=pk) for pk, a in analyses]


@dataclass
class JudgedDays:
    """The judged pairs and the stored articles of DAYS, as every script of eval/stories reads them."""

    pairs: list[Pair]
    records: list[dict]
    story: dict[str, str]
    copy_of: dict[str, str | None]
    analyses: list[tuple[int, dict]]
    alias: dict[str, str]
    day_of: dict[str, str]
    featured: list

    @property
    def halves(self) -> dict[str, list[Pair]]:
        return dict(zip(("tuning", "held-out"), day_halves(self.pairs, self.day_of), strict=True))


def judged_days(data: Path, db: Path, *, pairs_path: Path = HERE / "pairs.tsv", labels_path: Path = HERE / "labels.tsv") -> JudgedDays:
    """The judged pairs and the three days' articles as stored in `db` (ingested there when missing)."""
    pairs = read_pairs(pairs_path, labels_path)
    records = three_days(data)
    if not db.exists():
        seconds = build_store(db, records)
        print(f"ingested {len(records)} articles with stories on into {db} in {seconds:.0f} s", file=sys.stderr)
    story, copy_of, analyses = stored_placement(db)
    return JudgedDays(pairs, records, story, copy_of, analyses, twins(records, set(story)),
                      {r["id"]: r["date"] for r in records}, featurize_all(analyses))


def index_again(featured: list, **index_options):
    """A StoryIndex(**index_options) that placed the articles again in memory, in the order stored;
    and the seconds it took per article."""
    from marsad.stories import StoryIndex

    index = StoryIndex(**index_options)
    started = time.perf_counter()
    for features in featured:
        index.assign(features)
    return index, (time.perf_counter() - started) / max(1, len(featured))


def place_again(featured: list, alias: dict[str, str], **index_options) -> Placement:
    """The placement of `index_again`, ready for `report`."""
    index, _ = index_again(featured, **index_options)
    return Placement({a: s for a, s, _ in index.members()}, {a: c for a, _, c in index.members()}, alias)


def replace_in_memory(featured: list, *, threshold: float, link: str, window_days: int) -> tuple[dict, dict, float]:
    """Place the articles again in memory, in the order stored; (story, copy_of, seconds per article)."""
    index, seconds = index_again(featured, threshold=threshold, link=link, window_days=window_days)
    return {a: s for a, s, _ in index.members()}, {a: c for a, _, c in index.members()}, seconds


def day_halves(pairs: list[Pair], day_of: dict[str, str]) -> tuple[list[Pair], list[Pair]]:
    """(tuning, held out): the pairs whose later article is of TUNING_DAY, and the others."""
    tuning = [p for p in pairs if max(day_of[p.id_a], day_of[p.id_b]) >= TUNING_DAY]
    return tuning, [p for p in pairs if max(day_of[p.id_a], day_of[p.id_b]) < TUNING_DAY]


def held_out(pairs: list[Pair], featured: list, alias: dict[str, str], args: argparse.Namespace, day_of: dict[str, str]) -> list[dict]:
    """The threshold chosen on one day half of the judged pairs, scored on the other: how much the
    sweep's best figure owes to choosing on the pairs it is scored on."""
    halves = list(day_halves(pairs, day_of))
    link = args.links.split(",")[0]
    placements = {}
    for threshold in map(float, args.thresholds.split(",")):
        story, copy_of, _ = replace_in_memory(featured, threshold=threshold, link=link, window_days=args.window)
        placements[threshold] = Placement(story, copy_of, alias)
    rows = []
    for chosen_on, scored_on in ((0, 1), (1, 0)):
        best = max(placements, key=lambda t: report("", halves[chosen_on], placements[t])["story"]["f1"])
        names = ("tuning", "held-out")
        row = report(f"{link}-link t={best} chosen on {names[chosen_on]}, scored on {names[scored_on]}", halves[scored_on], placements[best])
        rows.append(row)
    return rows


def print_errors(pairs: list[Pair], placement: Placement, features: dict) -> None:
    """One line per wrong pair: what is wrong, the judgement, cosine, similarity, lead containment, days apart."""
    from marsad.stories.copies import containment
    from marsad.stories.features import cosine, dates_conflict, similarity

    for pair in pairs:
        same, copies = placement.same_story(pair.id_a, pair.id_b), placement.copies(pair.id_a, pair.id_b)
        wrong = [name for name, guess, gold in (("story", same, pair.same), ("copy", copies, pair.copy)) if guess != bool(gold)]
        if not wrong:
            continue
        a, b = features[placement.alias.get(pair.id_a, pair.id_a)], features[placement.alias.get(pair.id_b, pair.id_b)]
        print(
            f"{'+'.join(wrong)} {'FP' if (same if wrong[0] == 'story' else copies) else 'FN'}\t{pair.id_a}\t{pair.id_b}\tsame={pair.same} copy={pair.copy}"
            f"\tcos={cosine(a.vector, b.vector):.3f} sim={similarity(a, b):.3f} contain={containment(a.shingles, b.shingles):.2f}"
            f" days={abs(a.day - b.day)} date_conflict={int(dates_conflict(a, b))}",
            file=sys.stderr,
        )


def baseline_cosines(records: list[dict]):
    """The TF-IDF cosine of every pair of articles (sparse), as eval/stories/sample_pairs.py draws them."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{r.get('title') or ''} {r['text']}" for r in records]
    matrix = TfidfVectorizer(min_df=2, max_df=0.3, sublinear_tf=True).fit_transform(texts)
    return (matrix @ matrix.T).tocsr()


def baseline(records: list[dict], cosines, threshold: float) -> dict[str, str]:
    """TF-IDF single link: connected components of the graph of pairs with cosine >= threshold."""
    from scipy.sparse.csgraph import connected_components

    graph = cosines.copy()
    graph.data[graph.data < threshold] = 0
    graph.eliminate_zeros()
    _, labels = connected_components(graph, directed=False)
    return {r["id"]: str(label) for r, label in zip(records, labels)}


def _fmt(s: dict[str, float]) -> str:
    return f"P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad_stories_eval.db"), help="store of the three days; built when missing")
    parser.add_argument("--pairs", type=Path, default=HERE / "pairs.tsv")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.tsv")
    parser.add_argument("--thresholds", default="0.25,0.3,0.35,0.4,0.45,0.5", help="story thresholds to sweep in memory")
    parser.add_argument("--links", default="best,centroid,mean")
    parser.add_argument("--window", type=int, default=3, help="days either side")
    parser.add_argument("--json", action="store_true", help="one JSON object per method instead of a table")
    parser.add_argument("--errors", action="store_true", help="first list the pairs the store gets wrong (ids, scores), on stderr")
    args = parser.parse_args()
    if not (args.data / "news/saudinewsnet.jsonl.gz").exists():
        sys.exit(f"no SaudiNewsNet at {args.data}/news; pass --data")
    days = judged_days(args.data, args.db, pairs_path=args.pairs, labels_path=args.labels)
    pairs, records, alias, day_of, featured = days.pairs, days.records, days.alias, days.day_of, days.featured
    tuning, held = days.halves.values()
    stored = Placement(days.story, days.copy_of, alias)
    rows = [report("marsad (store, as ingested)", pairs, stored)]
    rows.append(report(f"  tuning half ({len(tuning)} pairs)", tuning, stored))
    rows.append(report(f"  held-out half ({len(held)} pairs)", held, stored))
    if args.errors:
        print_errors(pairs, stored, {features.id: features for features in featured})
    for link in args.links.split(","):
        for threshold in map(float, args.thresholds.split(",")):
            mem_story, mem_copy, per_article = replace_in_memory(featured, threshold=threshold, link=link, window_days=args.window)
            row = report(f"marsad {link}-link t={threshold}", pairs, Placement(mem_story, mem_copy, alias))
            row["ms_per_article"] = per_article * 1000
            rows.append(row)
    no_copies = {r["id"]: None for r in records}
    rows += held_out(pairs, featured, alias, args, day_of)
    cosines = baseline_cosines(records)
    for threshold in BASELINE_THRESHOLDS:
        rows.append(report(f"baseline tfidf single-link t={threshold}", pairs, Placement(baseline(records, cosines, threshold), no_copies, {})))
    for row in rows:
        if args.json:
            print(json.dumps(row))
            continue
        extra = f" {row['ms_per_article']:.2f} ms/article" if "ms_per_article" in row else ""
        print(f"{row['method']:<36} stories {row['stories']:>5} largest {row['largest']:>5}{extra}")
        print(f"    same story  {_fmt(row['story'])} | weighted {_fmt(row['story_weighted'])}")
        if not row["method"].startswith("baseline"):
            print(f"    wire copy   {_fmt(row['copy'])} | weighted {_fmt(row['copy_weighted'])}")


if __name__ == "__main__":
    main()
