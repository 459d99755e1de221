"""Dask speed-up from 1 to N local workers, with warm pipelines, and where the CPU goes.

    python bench/dask_scaling.py --articles 400 --workers 1,2 ARTICLES.jsonl

For each worker count: starts a local cluster, builds every worker's pipeline (not timed), then
analyzes the first `--articles` records of ARTICLES.jsonl through `analyze_distributed` and
prints the wall time, articles/s, and the CPU seconds of the driver (this process: reading,
cutting partitions, unpickling results) and of each worker over the run. On a machine of C cores,
N workers can at best reach min(N, C)x, less whatever the driver and the scheduler use.
"""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

from marsad.batch import analyze_distributed, open_client
from marsad.ingest import read_jsonl


def worker_cpu() -> float:
    return time.process_time()


def run(path: Path, articles: int, workers: int, partition_size: int) -> tuple[float, float, list[float]]:
    items = list(islice(read_jsonl(path), articles))
    with open_client(workers=workers) as client:
        # Warm: each worker builds its pipeline and analyzes a partition before the clock starts.
        list(analyze_distributed(items[: partition_size * workers], client=client, partition_size=partition_size))
        before = client.run(worker_cpu)
        driver = time.process_time()
        start = time.perf_counter()
        done = sum(1 for _ in analyze_distributed(items, client=client, partition_size=partition_size))
        wall = time.perf_counter() - start
        driver = time.process_time() - driver
        after = client.run(worker_cpu)
    assert done == len(items)
    return wall, driver, [after[name] - before[name] for name in sorted(after)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition-size", type=int, default=16)
    args = parser.parse_args()
    print("| workers | wall (s) | articles/s | speed-up | driver CPU (s) | worker CPU (s) |")
    print("|---|---|---|---|---|---|")
    base = None
    for workers in (int(count) for count in args.workers.split(",")):
        wall, driver, cpu = run(args.path, args.articles, workers, args.partition_size)
        rate = args.articles / wall
        base = base or rate
        print(f"| {workers} | {wall:.1f} | {rate:.1f} | {rate / base:.2f}x | {driver:.1f} | {', '.join(f'{c:.1f}' for c in cpu)} |", flush=True)


if __name__ == "__main__":
    main()
