"""The driver of a distributed batch: stream articles to Dask workers in bounded partitions, collect the analyses.

Why futures fed from the driver, not `dask.bag` over byte ranges of a file: input comes from
folders, feeds, HTML, stdin and JSONL alike (`marsad.ingest.iter_articles`), and the workers of a
remote cluster need not see the driver's files. Reading is cheap next to analysis, so the driver
reads lazily, cuts partitions, and keeps at most a few per worker in flight: memory on the driver
stays bounded by that window, whatever the size of the input.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..ingest import Article
from ..pipeline import AnalysisError
from .errors import BatchError, Messages
from .worker import Failed, analyze_partition, load_partition, warm_up

if TYPE_CHECKING:
    from distributed import Client, Future

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

# Articles per task: large enough that Dask's own work per task is noise next to the analysis,
# small enough that a lost worker costs little work and the last tasks end close together.
# Measured on a loaded 2-core machine: 7 ms of CPU per task (scheduler and client in this
# process, comms in the worker) against ~11 ms per news article: 4% at 16 articles, 2% at 32.
DEFAULT_PARTITION_SIZE = 32
# Tasks in flight per worker: one being analyzed and one queued, so no worker waits on the driver.
IN_FLIGHT_PER_WORKER = 2
# In input order, finished partitions wait behind a slow one; beyond this many, the driver stops reading.
BUFFERED_PER_IN_FLIGHT = 4
CONNECT_TIMEOUT_S = 10
WORKERS_TIMEOUT_S = 30
# Dask's own bookkeeping in the local cluster we start, cut to what a few CPU-bound workers need:
# every process wakes 50 times a second to check its event loop and twice a second to sample its
# CPU and memory, and each worker samples its running task's stack 100 times a second for the
# dashboard's profile (which we do not serve). Measured: an idle 2-worker cluster cost 34 ms of CPU
# a second in this process and 29 in each worker, now 7 and 3; over 600 articles on a loaded
# machine, Dask's CPU in a worker fell from 14% to 8% of the analysis's, in this process likewise.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def import_distributed() -> Any:
    """The `distributed` module, or a BatchError that says how to install it."""
    try:
        import distributed
    except ImportError as error:
        raise BatchError(Messages.NO_DASK) from error
    return distributed


@contextmanager
def open_client(scheduler: str | None = None, *, workers: int | None = None) -> Iterator[Client]:
    """A Dask client: connected to `scheduler` (e.g. "tcp://host:8786"), or to a local cluster.

    The local cluster has `workers` processes (default: one per CPU) of one thread each; it is shut
    down when the block ends. Each worker process builds the pipeline once and reuses it.
    """
    distributed = import_distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise BatchError(Messages.CANNOT_CONNECT.format(address=scheduler, reason=error)) from error
        with client:
            yield client
        return
    if workers is not None and workers < 1:
        raise BatchError(Messages.BAD_OPTION.format(name="workers", value=workers))
    count = workers or os.cpu_count() or 1
    import dask  # installed with distributed

    # Set for the cluster's lifetime: nannies pass it to the worker processes they (re)start.
    # Processes, not threads: the pipeline is pure Python and holds the GIL. No dashboard, and the
    # scheduler's health endpoint on a free port, so that two local clusters never contend for :8787.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = distributed.LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"}
        )
        with cluster:
            with distributed.Client(cluster) as client:
                yield client


def analyze_distributed(
    items: Iterable[Article | T],
    *,
    client: Client | str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    ordered: bool = True,
) -> Iterator[dict[str, Any] | AnalysisError | T]:
    """Analyses of the articles in `items`, computed on Dask workers; the distributed `analyze_stream`.

    `client` is a `distributed.Client`, a scheduler address, or None for a local cluster of
    `workers` processes (see `open_client`). With `ordered` (the default) results come in input
    order, exactly as `analyze_stream` yields them; otherwise each partition's results come as soon
    as it is done. Anything in `items` that is not an Article (an IngestError, say) passes through
    unanalyzed, in its place. An article whose analysis fails becomes an AnalysisError and the batch
    goes on; so does one whose worker died (its partition is retried one article at a time).
    """
    for chunk in analyze_partitions(items, client=client, workers=workers, partition_size=partition_size, ordered=ordered):
        yield from chunk


def analyze_partitions(
    items: Iterable[Article | T],
    *,
    client: Client | str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    ordered: bool = True,
) -> Iterator[list[dict[str, Any] | AnalysisError | T]]:
    """`analyze_distributed`'s results a partition at a time, as they come back, so that a caller can
    handle each in one go (the store writes each in one transaction)."""
    if partition_size < 1:
        raise BatchError(Messages.BAD_OPTION.format(name="partition_size", value=partition_size))
    if client is None or isinstance(client, str):
        with open_client(client, workers=workers) as own:
            yield from _Run(own, partition_size=partition_size, ordered=ordered).chunks(items)
    else:
        yield from _Run(client, partition_size=partition_size, ordered=ordered).chunks(items)


@dataclass(slots=True)
class _Partition:
    """Input items in order; `results[i]` is filled when item i's analysis comes back (pass-throughs at once)."""

    items: list[Any]
    results: list[Any] = field(default_factory=list)
    missing: int = 0


class _Run:
    """One batch on one client: a window of in-flight tasks over a lazily read input."""

    def __init__(self, client: Client, *, partition_size: int, ordered: bool) -> None:
        self.client = client
        self.partition_size = partition_size
        self.ordered = ordered
        self.distributed = import_distributed()
        workers = _ready_workers(client)
        self.max_in_flight = IN_FLIGHT_PER_WORKER * workers
        self.max_buffered = BUFFERED_PER_IN_FLIGHT * self.max_in_flight
        self.owners: dict[Future, tuple[_Partition, list[int]]] = {}
        self.done = self.distributed.as_completed()
        self.queue: deque[_Partition] = deque()  # partitions not yet yielded, in input order

    def chunks(self, items: Iterable[Article | T]) -> Iterator[list[dict[str, Any] | AnalysisError | T]]:
        for partition in _partitions(items, self.partition_size):
            positions = [i for i, item in enumerate(partition.items) if isinstance(item, Article)]
            partition.results = [None if isinstance(item, Article) else item for item in partition.items]
            partition.missing = len(positions)
            if self.ordered:
                self.queue.append(partition)
            elif len(positions) < len(partition.items):
                yield [item for item in partition.items if not isinstance(item, Article)]
            if positions:
                self._submit(partition, positions)
            yield from self._ready()
            while self.owners and (len(self.owners) >= self.max_in_flight or len(self.queue) > self.max_buffered):
                yield from self._collect(next(self.done))
        while self.owners:
            yield from self._collect(next(self.done))
        yield from self._ready()

    def _submit(self, partition: _Partition, positions: list[int]) -> None:
        articles = [partition.items[i] for i in positions]
        future = self.client.submit(analyze_partition, articles, pure=False)
        self.owners[future] = (partition, positions)
        self.done.add(future)

    def _collect(self, future: Future) -> Iterator[list[Any]]:
        partition, positions = self.owners.pop(future)
        try:
            outcomes = load_partition(future.result())
        except Exception as error:  # noqa: BLE001 - a worker died or could not run the task
            if self.client.status != "running":
                # Not one bad article: without a scheduler every article would fail; stop and say so.
                raise BatchError(Messages.LOST_SCHEDULER.format(reason=" ".join(str(error).split()))) from error
            if len(positions) > 1:
                # Find the article that broke the partition: retry each on its own; the others come back.
                LOGGER.warning("a partition of %d articles failed (%s); retrying them one at a time", len(positions), " ".join(str(error).split()))
                for position in positions:
                    self._submit(partition, [position])
                return
            reason = " ".join(f"{type(error).__name__}: {error}".split())
            outcomes = [Failed(Messages.PARTITION_LOST.format(reason=reason))]
        for position, outcome in zip(positions, outcomes, strict=True):
            article = partition.items[position]
            partition.results[position] = AnalysisError(str(article.id), outcome.message) if isinstance(outcome, Failed) else outcome
        partition.missing -= len(positions)
        if self.ordered:
            yield from self._ready()
        else:
            yield [partition.results[position] for position in positions]

    def _ready(self) -> Iterator[list[Any]]:
        """The results of each finished partition at the head of the queue (ordered mode)."""
        while self.queue and self.queue[0].missing == 0:
            yield self.queue.popleft().results


def _partitions(items: Iterable[Any], size: int) -> Iterator[_Partition]:
    """`items` cut into partitions of `size` articles each; pass-through items ride along with the next articles."""
    chunk: list[Any] = []
    articles = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            articles += 1
            if articles == size:
                yield _Partition(chunk)
                chunk, articles = [], 0
    if chunk:
        yield _Partition(chunk)


def _ready_workers(client: Client) -> int:
    """How many workers the cluster has once each has built its pipeline; fails early if any cannot."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
    except TimeoutError as error:
        raise BatchError(Messages.NO_WORKERS.format(address=client.scheduler.address)) from error
    answers = client.run(warm_up, on_error="return")
    for worker, answer in answers.items():
        if isinstance(answer, BaseException):
            raise BatchError(Messages.WORKER_PIPELINE.format(worker=worker, reason=f"{type(answer).__name__}: {answer}"))
    return len(answers)
