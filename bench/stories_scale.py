"""Ingest SaudiNewsNet with stories on: articles/s, the cost of placing an article in its story as the store grows, peak memory.

    .venv/bin/python bench/stories_scale.py --data ../shared/data [--limit N] [--analyzer pipeline|text] [--db PATH]

Articles go in date order (within a day, in the order the crawler saw them), one process, one
thread, into a fresh SQLite store, as `marsad ingest` does: analyze, store, place in a story
(`StoryAssigner`, writes batched as in ingest). `--analyzer pipeline` runs the full default pipeline;
`--analyzer text` stores the text and metadata with no layers (no names), to measure the story
cost over the whole corpus without paying for the analysis. Prints, per bucket of articles, the
store size, the articles held in memory (the window) and the mean/p95 milliseconds of story
placement; then wall and CPU articles/s overall and peak resident memory. CPU time is the figure
that predicts an idle core on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from marsad.ingest.jsonl import parse_record
from marsad.store import open_store
from marsad.stories import StoryAssigner

BUCKET = 2000


def articles(data: Path, limit: int | None):
    with gzip.open(data / "news/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    records.sort(key=lambda r: (r["date"], r.get("date_extracted") or "", r["id"]))
    for record in records[:limit]:
        yield parse_record(json.dumps(record, ensure_ascii=False).encode("utf-8"), source=record["id"])


def text_only(article) -> dict:
    return {"id": article.id, "text": article.text, "meta": dict(article.meta), "entities": [], "quotes": [], "places": [], "dates": [], "events": []}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (all 30,676 by default)")
    parser.add_argument("--analyzer", choices=("pipeline", "text"), default="pipeline")
    parser.add_argument("--db", type=Path, default=None, help="the store to create (a temporary file by default)")
    args = parser.parse_args()
    if args.analyzer == "pipeline":
        from marsad.load import pipeline_analyzer

        analyze = pipeline_analyzer()
    else:
        analyze = text_only
    db = args.db or Path(tempfile.mkdtemp()) / "stories_scale.db"
    started, cpu_started = time.perf_counter(), time.process_time()
    analyze_seconds = 0.0
    place_ms: list[float] = []
    place_cpu_ms: list[float] = []
    stored = 0
    failed: list[str] = []
    print(f"{'stored':>7} {'window':>7} {'place ms mean':>14} {'p95':>7} {'CPU ms mean':>12}  (analysis {args.analyzer}, store {db})")
    with open_store(str(db)) as store, StoryAssigner(store) as assigner:
        for article in articles(args.data, args.limit):
            t0 = time.perf_counter()
            if store.contains_text(article.text):
                continue
            try:
                analysis = analyze(article)
            except Exception as error:  # as `marsad ingest`: a pipeline bug on one article is reported, the run goes on
                failed.append(f"{article.id}: {type(error).__name__}: {error}")
                continue
            if not store.add(analysis):
                continue
            t1, c1 = time.perf_counter(), time.process_time()
            for _ in assigner.place_unplaced(article_id=article.id):
                pass
            t2, c2 = time.perf_counter(), time.process_time()
            analyze_seconds += t1 - t0
            place_ms.append((t2 - t1) * 1000)
            place_cpu_ms.append((c2 - c1) * 1000)
            stored += 1
            if stored % BUCKET == 0:
                bucket = place_ms[-BUCKET:]
                p95 = statistics.quantiles(bucket, n=20)[-1]
                cpu_mean = statistics.fmean(place_cpu_ms[-BUCKET:])
                print(f"{stored:>7} {len(assigner.index):>7} {statistics.fmean(bucket):>14.2f} {p95:>7.2f} {cpu_mean:>12.2f}", flush=True)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{stored} articles stored in {wall:.0f} s wall, {cpu:.0f} s CPU: {stored / wall:.1f} articles/s wall, {stored / cpu:.1f} articles/s CPU")
    print(f"analysis + store {analyze_seconds / max(1, stored) * 1000:.2f} ms/article; story placement {statistics.fmean(place_ms):.2f} ms/article mean"
          f" (p95 {statistics.quantiles(place_ms, n=20)[-1]:.2f}; CPU {statistics.fmean(place_cpu_ms):.2f}); peak memory {peak_mb:.0f} MB")
    for message in failed:
        print(f"analysis failed: {message}")
    with open_store(str(db)) as store:
        print(f"{store.stories()[1]} stories; {store._scalar('SELECT count(*) AS value FROM story_articles WHERE copy_of IS NOT NULL')} wire copies")


if __name__ == "__main__":
    main()
