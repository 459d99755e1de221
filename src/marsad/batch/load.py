"""A distributed batch into the store: workers analyze, the driver alone writes (so a SQLite file works too)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..ingest import Article, IngestError
from ..pipeline import AnalysisError
from ..store import Store, StoreError
from ..load import Outcome, triage
from .engine import DEFAULT_PARTITION_SIZE, analyze_distributed

if TYPE_CHECKING:
    from distributed import Client


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
    """
    for result in analyze_distributed(_unknown(store, items), client=client, workers=workers, partition_size=partition_size):
        if isinstance(result, Outcome):
            yield result
        elif isinstance(result, AnalysisError):
            yield Outcome("failed", result.source, str(result))
        else:
            try:
                added = store.add(result)
            except StoreError as error:
                yield Outcome("failed", result.get("id"), f"{result.get('id')}: {error}")
                continue
            yield Outcome("new" if added else "duplicate", result.get("id"))


def _unknown(store: Store, items: Iterable[Article | IngestError]) -> Iterator[Article | Outcome]:
    """The articles still to analyze; ingest errors and known texts become their Outcome, in place."""
    for item in items:
        yield triage(store, item)
