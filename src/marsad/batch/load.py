"""A distributed batch into the store: workers analyze, the driver alone writes (so a SQLite file works too)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..ingest import Article, IngestError
from ..pipeline import AnalysisError
from ..store import Store, StoreError
from ..load import Outcome, triage
from .engine import DEFAULT_PARTITION_SIZE, analyze_partitions

if TYPE_CHECKING:
    from distributed import Client

# What the engine yields for the writer: an analysis, an article's failure, or an Outcome passed through.
Analysis = dict[str, Any] | AnalysisError | Outcome


def load_distributed(
    store: Store,
    items: Iterable[Article | IngestError],
    *,
    client: Client | str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> Iterator[Outcome]:
    """`marsad.load.load` with the analysis on Dask: one Outcome per item, in input order.

    A text already stored is a duplicate without being sent to a worker; two copies of one text in
    the same batch are both analyzed and the second is stored as a duplicate, as in-process.
    Articles are stored in input order, so the store ends up as an in-process ingest leaves it.
    Each partition's analyses are written in one transaction and their outcomes reported once it
    commits (an article that cannot be stored is rolled back alone and reported as failed).
    """
    for chunk in analyze_partitions(_unknown(store, items), client=client, workers=workers, partition_size=partition_size):
        yield from _store(store, chunk)


def _store(store: Store, chunk: list[Analysis]) -> list[Outcome]:
    """The outcomes of one partition's results, its analyses written in one transaction.

    Why not one transaction per article, as in-process: this process alone writes for every worker,
    and a commit per article (a sync to disk, a new full-text segment) cost 3.8 ms of its CPU and
    23 ms of wall time per article, against 1.6 and 5 ms in transactions of 16 (measured on 300
    news articles under load); at 2 workers on 2 cores the writer's CPU comes out of the workers'.
    """
    if not any(isinstance(result, dict) for result in chunk):
        return [_outcome(store, result) for result in chunk]
    with store.batch():
        return [_outcome(store, result) for result in chunk]


def _outcome(store: Store, result: Analysis) -> Outcome:
    """Store one result of the engine; its Outcome."""
    if isinstance(result, Outcome):
        return result
    if isinstance(result, AnalysisError):
        return Outcome("failed", result.source, str(result))
    try:
        added = store.add(result)
    except StoreError as error:
        return Outcome("failed", result.get("id"), f"{result.get('id')}: {error}")
    return Outcome("new" if added else "duplicate", result.get("id"))


def _unknown(store: Store, items: Iterable[Article | IngestError]) -> Iterator[Article | Outcome]:
    """The articles still to analyze; ingest errors and known texts become their Outcome, in place."""
    for item in items:
        yield triage(store, item)
