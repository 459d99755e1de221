"""`load_distributed`: workers analyze, the driver writes the store, and the store ends up as after an in-process ingest."""

from __future__ import annotations

from pathlib import Path

from marsad.batch import load_distributed
from marsad.ingest import IngestError
from marsad.store import open_store
from marsad.load import load, pipeline_analyzer


def test_store_matches_an_in_process_ingest(dask_client, example_articles, tmp_path: Path) -> None:
    items = [*example_articles, IngestError("broken.txt", "bad"), example_articles[0]]
    with open_store(str(tmp_path / "dask.db"), create=True) as store:
        outcomes = list(load_distributed(store, items, client=dask_client, partition_size=3))
        stored = list(store.iter_analyses())
    with open_store(str(tmp_path / "local.db"), create=True) as store:
        expected = list(load(store, items, analyze=pipeline_analyzer()))
        assert stored == list(store.iter_analyses())
    assert [(outcome.status, outcome.article_id) for outcome in outcomes] == [(outcome.status, outcome.article_id) for outcome in expected]


def test_known_texts_are_not_sent_again(dask_client, example_articles, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "x.db"), create=True) as store:
        list(load_distributed(store, example_articles[:2], client=dask_client))
        outcomes = list(load_distributed(store, example_articles[:3], client=dask_client))
    assert [outcome.status for outcome in outcomes] == ["duplicate", "duplicate", "new"]
