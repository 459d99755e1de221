"""Search latency as a store grows: copies stored analyses under new ids, then times a fixed query set.

    python bench/search_scale.py --seed SEED_ANALYSES.jsonl --db /tmp/scale.db --sizes 10000,100000
    python bench/search_scale.py --seed SEED_ANALYSES.jsonl --db postgresql:///scale?host=/tmp --sizes 10000,100000

SEED_ANALYSES.jsonl holds analyses (`marsad analyze --jsonl` output), stored once with
`Store.add`; the store then grows by copying those articles and their index entries in SQL
(INSERT ... SELECT, no Python per row, no re-analysis) under new ids and primary keys, with the
same dates and sources, one transaction per doubling. SQLite grows without a journal or syncs
(a bench store lost to a crash is grown again); FTS5 tokenizes each copied row again, which is most
of the time. PostgreSQL drops the index table's GIN and sort-key indexes before a big copy and
builds them after it, then VACUUM ANALYZE. tests/store/test_search_scale_growth.py checks that a
grown store answers searches, facets, pages and totals as if the copies had been ingested.
Layer tables (quotes, places, ...) are not copied: search reads only the articles and the index
(facets are index tokens). At each size it runs the query set (common,
medium and rare words of the seed, picked by how many seed articles hold them, and the same
with facets) `--rounds` times after one warm-up round, through `Store.search` ("sql": the
library call, snippets included) and through HTTP (`/api/search` on `marsad serve` in a
subprocess), and prints p50/p95/p99 in ms per size.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

from marsad.store import open_store
from marsad.store.postgres import PostgresStore  # noqa: F401  (needs psycopg; a postgres --db needs it anyway)
from marsad.store.query import PK_SPAN
from marsad.store.search import WORD, name_key
from marsad.arabic.normalize import normalize

SQLITE_COPY = [
    "INSERT INTO articles (pk, id, content_hash, title, date, source, text, analysis, ingested_at)"
    " SELECT pk + :shift, id || '~' || :round, content_hash || '~' || :round, title, date, source, text, analysis, ingested_at"
    " FROM articles WHERE pk <= :chunk",
    # FTS5 tokenizes each copied row again (its segments cannot be copied with shifted rowids):
    # this statement is most of the growth time.
    "INSERT INTO articles_fts (rowid, title, body, stems, facets)"
    " SELECT rowid + :shift, title, body, stems, facets FROM articles_fts WHERE rowid % :span <= :chunk",
]
# Growth only: a lost bench store is grown again, so no journal and no syncs; a 1 GB page cache
# for the unique indexes (id, content_hash), which the copies enter in random order.
SQLITE_BULK = ["PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -1000000"]
POSTGRES_COPY = [
    "INSERT INTO articles (pk, id, content_hash, title, date, source, text, analysis, ingested_at) OVERRIDING SYSTEM VALUE"
    " SELECT pk + %(shift)s, id || '~' || %(round)s, content_hash || '~' || %(round)s, title, date, source, text, analysis, ingested_at"
    " FROM articles WHERE pk <= %(chunk)s",
    "INSERT INTO articles_fts (pk, sort_key, document, terms) SELECT pk + %(shift)s, sort_key + %(shift)s, document, terms"
    " FROM articles_fts WHERE pk <= %(chunk)s",
]
# A step that copies at least this many rows drops the index's secondary indexes and builds them
# again after the copy, in the same transaction: one sorted build instead of a GIN entry per row.
POSTGRES_REBUILD_ABOVE = 20000
POSTGRES_INDEXES = {
    "articles_fts_terms": "CREATE INDEX articles_fts_terms ON articles_fts USING GIN (terms)",
    "articles_fts_sort_key": "CREATE INDEX articles_fts_sort_key ON articles_fts (sort_key)",
}


def seed_store(db: str, seed: Path) -> int:
    with open_store(db) as store:
        if store.count():
            return store.count()
        with seed.open(encoding="utf-8") as lines:
            for line in lines:
                store.add(json.loads(line))
        return store.count()


def grow(db: str, target: int) -> int:
    """Copies of the stored articles (doubling, then a part) until the store holds `target`; pks stay 1..count.

    Set-based SQL, one transaction per doubling: every copy keeps its date, source and index
    entry (words, stems, facet tokens), so it is found and faceted as the article it copies; its
    id and content hash get a suffix, its pk and sort key the step's shift."""
    with open_store(db) as store:
        count = store.count()
        postgres = db.startswith("postgres")
        if not postgres:
            for pragma in SQLITE_BULK:
                store.conn.execute(pragma)
        while count < target:
            chunk = min(count, target - count)
            # The copy's id and content hash get a suffix unique to this step (its first new pk).
            params = {"shift": count, "round": count + 1, "chunk": chunk, "span": PK_SPAN}
            with store._transaction():
                rebuild = postgres and chunk >= POSTGRES_REBUILD_ABOVE
                if rebuild:
                    store.conn.execute("SET LOCAL maintenance_work_mem = '1GB'")
                    for name in POSTGRES_INDEXES:
                        store.conn.execute(f"DROP INDEX {name}")  # our constants
                for statement in POSTGRES_COPY if postgres else SQLITE_COPY:
                    store.conn.execute(statement, params)
                if rebuild:
                    for definition in POSTGRES_INDEXES.values():
                        store.conn.execute(definition)
            count += chunk
        if postgres:
            # A store in steady state: statistics current, visibility map set (autovacuum would
            # otherwise run during the timings, and every first read would write hint bits).
            store.conn.execute("VACUUM (ANALYZE) articles_fts")
            store.conn.execute("VACUUM (ANALYZE) articles")
        return store.count()


def query_set(seed: Path) -> list[dict]:
    """Common, medium and rare seed words (by document share), two phrases, and facet variants."""
    frequency: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    places: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    articles = 0
    with seed.open(encoding="utf-8") as lines:
        for line in lines:
            analysis = json.loads(line)
            articles += 1
            frequency.update({word for word in WORD.findall(normalize(analysis["text"])) if len(word) > 3 and not word.isdigit()})
            sources[analysis["meta"].get("source")] += 1
            dates[str(analysis["meta"].get("date") or "")[:10]] += 1
            speakers.update(name_key(q["speaker"]["name"]) for q in analysis["quotes"] if q["speaker"].get("name"))
            places.update(p["name"] for p in analysis["places"] if p.get("name"))
    # Ties broken by the word: the same query set on every run (a set's order changes with the hash seed).
    ranked = sorted(frequency, key=lambda word: (-frequency[word], word))
    common = [w for w in ranked if frequency[w] / articles > 0.15][:8]
    medium = [w for w in ranked if 0.005 < frequency[w] / articles <= 0.02][::25][:8]
    rare = [w for w in ranked if frequency[w] == 1][::500][:8]
    queries = [{"q": q, "kind": kind} for kind, words in (("common", common), ("medium", medium), ("rare", rare)) for q in words]
    queries += [{"q": "وزير الخارجية", "kind": "phrase"}, {"q": "خادم الحرمين الشريفين", "kind": "phrase"}]
    source = sources.most_common(1)[0][0]
    speaker = speakers.most_common(1)[0][0]
    place = places.most_common(1)[0][0]
    # The seed's busiest day: a date facet that holds matches (copies keep their seed's date).
    day = max(dates, key=lambda d: (dates[d], d))
    for q in common[:3] + medium[:3]:
        queries.append({"q": q, "kind": "facet:source", "source": source})
        queries.append({"q": q, "kind": "facet:date", "from": day, "to": day})
    for q in common[:2] + medium[:2]:
        queries.append({"q": q, "kind": "facet:speaker", "speaker": speaker})
        queries.append({"q": q, "kind": "facet:place", "place": place})
    for q in common[:3] + medium[:3] + rare[:2] + ["وزير الخارجية"]:
        queries.append({"q": q, "kind": "relevance", "sort": "relevance"})
    return queries


GROUPS = ("common", "medium", "rare", "phrase", "facets", "relevance")


def group(query: dict) -> str:
    """common, medium, rare words and phrases (default date order, no facet), facets (any of them with
    a word), or relevance (opt-in)."""
    return "facets" if query["kind"].startswith("facet") else query["kind"]


def _store_args(query: dict) -> dict:
    facets = {"source", "speaker", "place", "sort"}
    args = {key: value for key, value in query.items() if key in facets}
    if "from" in query:
        args["date_from"], args["date_to"] = query["from"], query["to"]
    return args


def time_sql(db: str, queries: list[dict], rounds: int) -> tuple[dict[str, list[float]], dict]:
    timings: dict[str, list[float]] = {}
    totals = {}
    with open_store(db, create=False) as store:
        for round_ in range(rounds + 1):
            for query in queries:
                start = time.perf_counter()
                results = store.search(query["q"], 20, **_store_args(query))
                elapsed = (time.perf_counter() - start) * 1000
                if round_:  # the first round warms the caches
                    timings.setdefault(group(query), []).append(elapsed)
                totals[(query["kind"], query["q"])] = (results.total, results.total_estimated)
    return timings, totals


def time_http(db: str, queries: list[dict], rounds: int) -> dict[str, list[float]]:
    port = _free_port()
    env = {**os.environ}
    server = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", db, "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
    timings: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            _wait(client)
            for round_ in range(rounds + 1):
                for query in queries:
                    params = {key: value for key, value in query.items() if key != "kind"}
                    start = time.perf_counter()
                    response = client.get("/api/search", params=params)
                    elapsed = (time.perf_counter() - start) * 1000
                    response.raise_for_status()
                    if round_:
                        timings.setdefault(group(query), []).append(elapsed)
    finally:
        server.terminate()
        server.wait()
    return timings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(client: httpx.Client) -> None:
    for _ in range(300):
        try:
            client.get("/api/articles", params={"limit": 1})
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def percentiles(timings: list[float]) -> str:
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return f"{cuts[49]:.1f} / {cuts[94]:.1f} / {cuts[98]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=Path, required=True, help="analyses JSONL (marsad analyze --jsonl output)")
    parser.add_argument("--db", required=True, help="a SQLite file or postgresql:// URL; grown in place")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated store sizes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--totals", action="store_true", help="print each query's total")
    args = parser.parse_args()
    queries = query_set(args.seed)
    start = time.perf_counter()
    seed_size = seed_store(args.db, args.seed)
    print(f"seed: {seed_size} articles stored in {time.perf_counter() - start:.1f} s; {len(queries)} queries", file=sys.stderr)
    print("| articles | queries | grow (s) | SQL p50 / p95 / p99 (ms) | HTTP p50 / p95 / p99 (ms) |")
    print("|---|---|---|---|---|")
    for size in (int(size) for size in args.sizes.split(",")):
        start = time.perf_counter()
        count = grow(args.db, size)
        grown = time.perf_counter() - start
        sql, totals = time_sql(args.db, queries, args.rounds)
        http = {} if args.no_http else time_http(args.db, queries, args.rounds)
        for name in GROUPS:
            shown = percentiles(http[name]) if name in http else ""
            print(f"| {count:,} | {name} ({len(sql[name]) // args.rounds}) | {grown:.0f} | {percentiles(sql[name])} | {shown} |", flush=True)
        if args.totals:
            for (kind, q), (total, estimated) in totals.items():
                print(f"    {kind}\t{q}\t{'~' if estimated else ''}{total}", file=sys.stderr)


if __name__ == "__main__":
    main()
