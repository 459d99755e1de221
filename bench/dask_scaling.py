"""Dask speed-up from 1 to N local workers, and where the CPU goes: per process, per thread, per run.

    python bench/dask_scaling.py /work/shared/data/news/ant_multisource_topic_train.jsonl.gz   # 5 min at load 8 on 2 cores; less idle

Two batches over the articles of a JSONL file (gzipped or not), each first run serially in a fresh
process for reference: `analyze` of the first `--articles` (`analyze_stream` against
`analyze_distributed`) and `ingest` of the next `--articles` into a new SQLite file
(`marsad.load.load` against `load_distributed`, whose one writer is this process): other texts,
so that no run meets a text its caches have seen. For each worker count, one local cluster whose
workers are warmed (pipeline loaded, 20 other articles each analyzed; not timed) runs both; the
bench checks that every result, outcome and stored analysis equals the serial one. First, as the
ceiling the machine itself sets (cores that share caches and memory, other load), the same
analysis in N plain processes that each take an equal share at the same moment. Per Dask run:

- wall, articles/s, speed-up over the first worker count: wall clock is meaningful only on an idle
  machine, so the 1-minute load average before and after the run is printed beside it;
- CPU seconds: the driver's main thread (reads, cuts partitions, writes the store) and its IO loop
  (scheduler, nannies, client comms), and per worker its analysis thread + its Dask event loop
  ((de)serialisation, heartbeats, monitors); their total with any other child process;
- efficiency = serial CPU / total CPU (1.0: distributing costs no CPU);
- CPU-bound speed-up: what the CPU figures allow on `--cores` idle cores, from each run's lower
  bound on wall time, max(busiest worker, total CPU / cores), over the first run's (on a loaded
  machine wall clocks mislead; CPU seconds much less so);
- busy shares (CPU / wall): the driver's main thread, each worker (below 100% it waited for work,
  or, on a loaded machine, for a core).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import psutil

from marsad.batch import DEFAULT_PARTITION_SIZE, analyze_distributed, load_distributed, open_client
from marsad.ingest import Article
from marsad.ingest.jsonl import iter_jsonl
from marsad.load import load, pipeline_analyzer
from marsad.pipeline import analyze_stream, load_pipeline
from marsad.store import SQLiteStore

WARM_ARTICLES = 20  # per worker, before the clock starts


def process_cpu(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def thread_split() -> dict[str, float]:
    """CPU seconds of this process's threads: "tasks" (Dask's executor threads, where a worker
    analyzes), "main" (a worker's event loop; the driver's reading and writing) and "other" (the
    driver's IO loop: scheduler, nannies, client)."""
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    main = threading.main_thread().native_id
    split = {"tasks": 0.0, "main": 0.0, "other": 0.0}
    for thread in psutil.Process().threads():
        name = names.get(thread.id, "")
        key = "main" if thread.id == main else "tasks" if "Dask-Default-Threads" in name else "other"
        split[key] += thread.user_time + thread.system_time
    return split


@dataclass
class Snapshot:
    driver: dict[str, float]
    workers: dict[str, dict[str, float]]
    rest: float  # child processes other than the workers
    load: float
    clock: float

    @classmethod
    def take(cls, client: Any) -> Snapshot:
        pids = set(client.run(os.getpid).values())
        rest = sum(process_cpu(child.pid) for child in psutil.Process().children(recursive=True) if child.pid not in pids)
        return cls(thread_split(), client.run(thread_split), rest, os.getloadavg()[0], time.perf_counter())


@dataclass
class Row:
    workers: int
    wall: float
    driver_main: float
    driver_loop: float
    per_worker: list[tuple[float, float]]  # (analysis thread, Dask event loop) per worker
    load: tuple[float, float]

    @classmethod
    def between(cls, before: Snapshot, after: Snapshot) -> Row:
        def used(name: str, key: str) -> float:
            return after.workers[name][key] - before.workers[name][key]

        per_worker = [(used(name, "tasks"), used(name, "main") + used(name, "other")) for name in sorted(before.workers)]
        loop = sum(after.driver[key] - before.driver[key] for key in ("other", "tasks")) + after.rest - before.rest
        return cls(len(per_worker), after.clock - before.clock, after.driver["main"] - before.driver["main"], loop, per_worker, (before.load, after.load))

    @property
    def total(self) -> float:
        return self.driver_main + self.driver_loop + sum(map(sum, self.per_worker))

    def bound(self, cores: int) -> float:
        """Lower bound on the wall time on `cores` idle cores: the busiest worker, or all the CPU spread evenly."""
        return max(max(map(sum, self.per_worker)), self.total / cores)


def timed(run: Callable[[], Any]) -> tuple[Any, float, float]:
    cpu, start = time.process_time(), time.perf_counter()
    result = run()
    return result, time.perf_counter() - start, time.process_time() - cpu


def stored(path: Path) -> list[tuple[str, str]]:
    """(id, analysis) of every stored article in insertion order: what two ingests must agree on."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, analysis FROM articles ORDER BY pk").fetchall()


@dataclass
class Serial:
    """The serial path's figures, (wall, CPU) of each batch, and what the distributed runs must equal."""

    analyze: tuple[float, float]
    ingest: tuple[float, float]
    analyses: list[str]
    outcomes: list


def serial(warm: list, to_analyze: list, to_ingest: list, path: Path) -> Serial:
    """Both batches in this (fresh) process, as `marsad analyze` and `marsad ingest` run them."""
    load_pipeline()
    list(analyze_stream(warm[:WARM_ARTICLES]))  # warm, as the workers are
    analyses, *analyze = timed(lambda: list(analyze_stream(to_analyze)))
    with SQLiteStore(path) as store:
        outcomes, *ingest = timed(lambda: list(load(store, to_ingest, analyze=pipeline_analyzer())))
    return Serial(tuple(analyze), tuple(ingest), _comparable(analyses), outcomes)


class Batches:
    """The two batches, serial first, in a process of their own: the driver of the distributed runs
    loads no pipeline, as `marsad ingest --engine dask` does not; each run is checked against it."""

    def __init__(self, warm: list, to_analyze: list, to_ingest: list, folder: Path, *, partition_size: int) -> None:
        self.partition_size = partition_size
        self.warm = warm
        self.to_analyze = to_analyze
        self.to_ingest = to_ingest
        self.folder = folder
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            self.serial = pool.submit(serial, warm, to_analyze, to_ingest, folder / "serial.db").result()
        self.rows = stored(folder / "serial.db")

    def run(self, workers: int) -> tuple[Row, Row]:
        with open_client(workers=workers) as client:
            list(analyze_distributed(self.warm[: WARM_ARTICLES * workers], client=client))
            return self.analyze(client), self.ingest(client, f"workers-{workers}")

    def analyze(self, client: Any) -> Row:
        before = Snapshot.take(client)
        results = list(analyze_distributed(self.to_analyze, client=client, partition_size=self.partition_size))
        row = Row.between(before, Snapshot.take(client))
        assert _comparable(results) == self.serial.analyses, "distributed analyses differ from the serial ones"
        return row

    def ingest(self, client: Any, name: str) -> Row:
        path = self.folder / f"{name}.db"
        with SQLiteStore(path) as store:
            before = Snapshot.take(client)
            outcomes = list(load_distributed(store, self.to_ingest, client=client, partition_size=self.partition_size))
            row = Row.between(before, Snapshot.take(client))
        assert outcomes == self.serial.outcomes, "distributed ingest outcomes differ from the serial ones"
        assert stored(path) == self.rows, "the distributed ingest stored other analyses than the serial one"
        return row


def _comparable(results: list) -> list[str]:
    """Each result as its JSON line (key order included, as `marsad analyze` prints it), an error as its message."""
    return [json.dumps(result, ensure_ascii=False) if isinstance(result, dict) else str(result) for result in results]


def _plain_warm(warm: list) -> None:
    load_pipeline()
    list(analyze_stream(warm))


def _plain_share(share: list, start_at: float) -> tuple[float, float]:
    """(CPU, wall) of analyzing `share` in this plain process, all shares starting at `start_at`."""
    time.sleep(max(0.0, start_at - time.time()))
    cpu, start = time.process_time(), time.perf_counter()
    list(analyze_stream(share))
    return time.process_time() - cpu, time.perf_counter() - start


def plain_processes(warm: list, items: list, count: int) -> tuple[float, list[float]]:
    """The machine's own ceiling, without Dask or a driver: `count` processes, each warmed, analyze
    an equal share of `items` at the same moment; (wall of the slowest, CPU of each)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=_plain_warm, initargs=(warm[:WARM_ARTICLES],)) as pool:
        list(pool.map(time.sleep, [0.1] * count))  # every process started and warm
        start_at = time.time() + 0.5
        shares = [items[index::count] for index in range(count)]
        done = list(pool.map(_plain_share, shares, [start_at] * count))
    return max(wall for _, wall in done), [cpu for cpu, _ in done]


def print_plain(runs: list[tuple[int, float, list[float]]], articles: int, load: float) -> None:
    print(f"\nplain processes, no Dask (the machine's ceiling; 1 is the serial analyze; load average after: {load:.2f})")
    print("| processes | wall (s) | speed-up | CPU per process (s) | CPU per article (ms) |")
    print("|---|---|---|---|---|")
    for count, wall, cpus in runs:
        print(f"| {count} | {wall:.2f} | {runs[0][1] / wall:.2f}x | {', '.join(f'{cpu:.2f}' for cpu in cpus)} | {1000 * sum(cpus) / articles:.2f} |")


def print_table(title: str, reference: tuple[float, float], rows: list[Row], articles: int, cores: int) -> None:
    wall, cpu = reference
    print(f"\n{title}: serial (one process) wall {wall:.2f} s, CPU {cpu:.2f} s ({1000 * cpu / articles:.2f} ms/article)")
    print(
        "| workers | wall (s) | articles/s | speed-up | load before / after | driver CPU main + IO loop (s) "
        "| worker CPU analysis + Dask (s) | total CPU (s) | efficiency | CPU-bound speed-up | driver main busy | worker busy |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    first = rows[0]
    for row in rows:
        workers = ", ".join(f"{analysis:.2f} + {dask:.2f}" for analysis, dask in row.per_worker)
        busy = ", ".join(f"{sum(worker) / row.wall:.0%}" for worker in row.per_worker)
        print(
            f"| {row.workers} | {row.wall:.2f} | {articles / row.wall:.1f} | {first.wall / row.wall:.2f}x | {row.load[0]:.2f} / {row.load[1]:.2f} "
            f"| {row.driver_main:.2f} + {row.driver_loop:.2f} | {workers} | {row.total:.2f} | {cpu / row.total:.2f} "
            f"| {first.bound(cores) / row.bound(cores):.2f}x | {row.driver_main / row.wall:.0%} | {busy} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="a JSONL file of articles")
    parser.add_argument("--articles", type=int, default=800, help="articles per batch (the file needs twice as many and 40 more)")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated; the first is the speed-up's base")
    parser.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION_SIZE, help="articles per Dask task [default: %(default)s, the engine's]")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="cores of the machine the CPU-bound speed-up assumes")
    args = parser.parse_args()
    counts = [int(count) for count in args.workers.split(",")]
    warm = WARM_ARTICLES * max(counts)
    items = read_articles(args.path, warm + 2 * args.articles)
    if len(items) < warm + 2 * args.articles:
        parser.error(f"{args.path} has {len(items)} articles; --articles {args.articles} needs {warm + 2 * args.articles}")
    to_analyze, to_ingest = items[warm : warm + args.articles], items[warm + args.articles :]
    print(
        f"{args.articles} articles a batch from {args.path}, {args.partition_size} a task; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        batches = Batches(items[:warm], to_analyze, to_ingest, Path(folder), partition_size=args.partition_size)
        wall, cpu = batches.serial.analyze
        plain = [(count, wall, [cpu]) if count == 1 else (count, *plain_processes(items[:warm], to_analyze, count)) for count in counts]
        plain_load = os.getloadavg()[0]
        rows = []
        for workers in counts:
            rows.append(batches.run(workers))
            print(f"{workers} workers done; load average {os.getloadavg()[0]:.2f}", flush=True)
    print_plain(plain, args.articles, plain_load)
    print_table("analyze", batches.serial.analyze, [analyze for analyze, _ in rows], args.articles, args.cores)
    print_table("ingest into SQLite", batches.serial.ingest, [ingest for _, ingest in rows], args.articles, args.cores)


def read_articles(path: Path, count: int) -> list[Article]:
    """The first `count` articles of a JSONL file, gzipped or not (lines that are no article skipped)."""
    with (gzip.open(path) if path.suffix == ".gz" else path.open("rb")) as lines:
        return list(islice((item for item in iter_jsonl(lines, source=str(path)) if isinstance(item, Article)), count))


if __name__ == "__main__":
    main()
