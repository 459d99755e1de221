"""Latency of facet queries (quotes, events, speakers) on a SQLite store, replicated to size.

    .venv/bin/python bench/facets.py --db STORE.db [--copies 10] [--repeats 10]

`--copies N` first writes a new store beside STORE.db (STORE.xN.db) holding every stored article N
times under new ids (rows copied in SQL, no analysis), the way the issue sizes its scale runs.
Prints, per query, the total it found and p50/p95 latency in ms over the repeats.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

from marsad.identities.resolve import speaker_filters
from marsad.store import listing, open_store
from marsad.store.listing import Filters
from marsad.store.rows import LAYER_COLUMNS


def replicate(source: Path, copies: int) -> Path:
    """STORE.xN.db: the store with every article and its rows N times (copy k's ids end in '~k')."""
    target = source.with_suffix(f".x{copies}.db")
    target.unlink(missing_ok=True)
    open_store(source, create=False).close()  # bring it up to date first
    with sqlite3.connect(source) as conn, sqlite3.connect(target) as out:
        conn.backup(out)
    out = sqlite3.connect(target)
    out.execute("BEGIN")
    out.execute("CREATE TEMP TABLE copies (n INTEGER)")
    out.executemany("INSERT INTO copies VALUES (?)", [(n,) for n in range(1, copies)])
    out.execute(
        "INSERT INTO articles (id, content_hash, title, date, source, text, analysis, ingested_at)"
        " SELECT id || '~' || n, content_hash || '~' || n, title, date, source, text, analysis, ingested_at FROM articles, copies"
    )
    for table in (*LAYER_COLUMNS, "article_topics"):
        columns = LAYER_COLUMNS.get(table, ("article_id", "topic"))
        names = ", ".join(f'"{c}"' for c in columns)
        values = ", ".join("t.article_id || '~' || n" if c == "article_id" else f't."{c}"' for c in columns)
        out.execute(f"INSERT INTO {table} ({names}) SELECT {values} FROM {table} t, copies")
    # The identities' counts as ingest would have kept them.
    out.execute("UPDATE identities SET quotes = quotes * ?, mentions = mentions * ?", (copies, copies))
    out.execute("UPDATE identity_names SET count = count * ?", (copies,))
    out.execute("COMMIT")
    out.execute("ANALYZE")
    out.close()
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    path = replicate(args.db, args.copies) if args.copies > 1 else args.db
    store = open_store(path, create=False)
    day = store._scalar("SELECT max(substr(date, 1, 10)) AS value FROM articles")
    print(f"{path}: {store.count()} articles, {store.counts()['quotes']} quotes, {store.counts()['events']} events; last day {day}")
    cases = {
        "quotes speaker=ترامب": lambda: listing.quotes(store, speaker_filters(store, "ترامب"), limit=50),
        "quotes speaker=أوباما source=aawsat": lambda: listing.quotes(store, speaker_filters(store, "أوباما", source="aawsat"), limit=50),
        "quotes topic=economy last day, offset 1000": lambda: listing.quotes(store, Filters(topic="economy", date_from=day, date_to=day), limit=50, offset=1000),
        "quotes place=اليمن": lambda: listing.quotes(store, Filters(place="اليمن"), limit=50),
        "events type=ATTACK place=Yemen": lambda: listing.events(store, Filters(event_type="ATTACK", place="Yemen"), limit=50),
        "events last day, offset 1000": lambda: listing.events(store, Filters(date_from=day, date_to=day), limit=50, offset=1000),
        "speakers top 20": lambda: listing.speakers(store, limit=20),
        "speakers last day top 20": lambda: listing.speakers(store, Filters(date_from=day, date_to=day), limit=20),
    }
    for name, run in cases.items():
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            page = run()
            times.append(1000 * (time.perf_counter() - start))
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"{name:44s} total={page.total:7d}  p50={statistics.median(times):7.1f} ms  p95={p95:7.1f} ms")


if __name__ == "__main__":
    main()
