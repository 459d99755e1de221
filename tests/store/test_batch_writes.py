"""`Store.batch()`: many adds in one transaction, each add undone alone when it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.store import SQLiteStore, Store, StoreError

from .factories import GENEVA, geneva_analysis, make_analysis


def malformed() -> dict:
    analysis = geneva_analysis("broken", "عاجل: " + GENEVA)
    analysis["events"] = [{"type": "negotiate"}]  # fails after the article, entities and quotes rows
    return analysis


def test_a_failed_add_is_undone_alone_and_the_others_commit(store: Store) -> None:
    with store.batch():
        assert store.add(make_analysis("نص أول قصير", "first")) is True
        with pytest.raises(StoreError, match="nothing was stored"):
            store.add(malformed())
        assert store.add(geneva_analysis()) is True
        assert store.add(geneva_analysis("again")) is False  # the same text, seen before the commit
    assert sorted(info.id for info in store.articles()) == ["first", "geneva"]
    assert store.counts()["events"] == len(geneva_analysis()["events"])
    assert [hit.id for hit in store.search("لافروف").hits] == ["geneva"]


def test_an_error_out_of_the_block_undoes_the_whole_batch(store: Store) -> None:
    with pytest.raises(RuntimeError), store.batch():
        store.add(geneva_analysis())
        raise RuntimeError("the writer stopped")
    assert store.count() == 0
    assert store.add(geneva_analysis()) is True  # and the store takes writes again


def test_other_connections_see_the_batch_when_it_commits(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with SQLiteStore(path) as writer, SQLiteStore(path) as reader:
        with writer.batch():
            writer.add(make_analysis("نص أول قصير", "first"))
            writer.add(geneva_analysis())
            assert reader.count() == 0
        assert reader.count() == 2
