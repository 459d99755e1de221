"""`load_distributed`: workers analyze, the driver writes the store, and the store ends up as after an in-process ingest."""

from __future__ import annotations

from pathlib import Path

from marsad.batch import load_distributed
from marsad.ingest import Article, IngestError
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


def test_each_partition_is_written_in_one_transaction(dask_client, example_articles, tmp_path: Path, monkeypatch) -> None:
    with open_store(str(tmp_path / "x.db"), create=True) as store:
        batches = []
        real_batch = store.batch
        monkeypatch.setattr(store, "batch", lambda: batches.append(store.count()) or real_batch())
        outcomes = list(load_distributed(store, example_articles, client=dask_client, partition_size=2))
        assert batches == list(range(0, len(example_articles), 2))  # one per partition, each after the last committed
        assert store.count() == len(example_articles) == [outcome.status for outcome in outcomes].count("new")


def test_an_article_the_store_refuses_is_reported_and_its_partition_stored(dask_client, example_articles, tmp_path: Path) -> None:
    first, second, third = example_articles[:3]
    taken = Article(first.id, second.text, second.meta)  # another text under a stored id
    with open_store(str(tmp_path / "x.db"), create=True) as store:
        list(load_distributed(store, [first], client=dask_client))
        outcomes = list(load_distributed(store, [taken, third], client=dask_client, partition_size=2))
        assert [outcome.status for outcome in outcomes] == ["failed", "new"]
        assert "already used" in outcomes[0].message
        assert store.count() == 2
