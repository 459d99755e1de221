"""One Dask cluster of two worker processes for the batch tests; they skip when Dask is not installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def dask_client() -> Iterator[object]:
    """A client of a local cluster of two single-threaded worker processes (real processes: pickling and all)."""
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed; install the dev or dask extra to run the batch tests")
    from marsad.batch.engine import open_client

    with open_client(workers=2) as client:
        assert isinstance(client, distributed.Client)
        yield client


@pytest.fixture(scope="session")
def example_articles() -> list:
    from marsad.ingest import Article, iter_articles

    articles = [item for item in iter_articles([EXAMPLES]) if isinstance(item, Article)]
    assert len(articles) >= 5
    return articles
