"""`analyze_distributed` on a local cluster of worker processes: same analyses as in process, bad articles reported."""

from __future__ import annotations

import gc

import pytest

from marsad.batch import BatchError, analyze_distributed, analyze_partitions
from marsad.batch.engine import _partitions
from marsad.ingest import Article, IngestError
from marsad.pipeline import AnalysisError, analyze_articles

SHORT = "وصل الوفد إلى جنيف."


class Unpicklable:
    """Pickles fine on the driver; unpickling raises, as a lost or broken worker would."""

    def __reduce__(self):
        return (int, ("not a number",))


def test_results_equal_the_in_process_analysis_in_input_order(dask_client, example_articles, nlp) -> None:
    got = list(analyze_distributed(example_articles, client=dask_client, partition_size=2))
    assert got == list(analyze_articles(example_articles, nlp=nlp))


def test_bad_article_is_reported_in_place_and_the_rest_come_back(dask_client, example_articles) -> None:
    junk = Article("junk", b"\x00\xff\xfe binary", {})
    unreadable = IngestError("broken.txt", "looks like a binary file")
    items = [example_articles[0], junk, unreadable, *example_articles[1:3]]
    got = list(analyze_distributed(items, client=dask_client, partition_size=2))
    assert [result["id"] for result in (got[0], got[3], got[4])] == [article.id for article in (items[0], *items[3:])]
    assert isinstance(got[1], AnalysisError) and got[1].source == "junk" and "must be a str, not bytes" in str(got[1])
    assert got[2] is unreadable


def test_a_failed_partition_is_retried_one_article_at_a_time(dask_client) -> None:
    items = [Article(str(i), SHORT, {}) for i in range(4)]
    items[2] = Article("poison", SHORT + " ", {"x": Unpicklable()})
    got = list(analyze_distributed(items, client=dask_client, partition_size=4))
    assert [result["id"] for result in got if isinstance(result, dict)] == ["0", "1", "3"]
    assert isinstance(got[2], AnalysisError) and got[2].source == "poison"


def test_unordered_results_come_as_partitions_finish(dask_client) -> None:
    items = [Article(str(i), SHORT, {}) for i in range(10)]
    got = list(analyze_distributed(items, client=dask_client, partition_size=3, ordered=False))
    assert sorted(result["id"] for result in got) == sorted(article.id for article in items)


def test_input_is_read_lazily(dask_client) -> None:
    consumed = 0

    def articles():
        nonlocal consumed
        for i in range(400):
            consumed += 1
            yield Article(str(i), SHORT, {})

    results = analyze_distributed(articles(), client=dask_client, partition_size=1)
    next(results)
    assert consumed < 100  # a window of partitions in flight, not the whole input
    results.close()


@pytest.mark.parametrize("size, expected", [(2, [["a", "b"], ["e", "c", "d"], ["f"]]), (5, [["a", "b", "e", "c", "d", "f"]])])
def test_partitions_count_articles_and_carry_pass_throughs(size: int, expected: list[list[str]]) -> None:
    error = IngestError("e", "bad")
    items = [Article("a", "x"), Article("b", "x"), error, Article("c", "x"), Article("d", "x"), Article("f", "x")]
    names = [[item.source if item is error else item.id for item in partition.items] for partition in _partitions(items, size)]
    assert names == expected


def test_partition_size_must_be_positive() -> None:
    with pytest.raises(BatchError, match="partition_size"):
        list(analyze_distributed([], client=object(), partition_size=0))


def test_partitions_come_back_whole_and_in_order(dask_client, example_articles) -> None:
    chunks = list(analyze_partitions(example_articles, client=dask_client, partition_size=2))
    assert [len(chunk) for chunk in chunks] == [len(partition.items) for partition in _partitions(example_articles, 2)]
    assert [result["id"] for chunk in chunks for result in chunk] == [article.id for article in example_articles]


def test_local_workers_skip_dask_bookkeeping_and_keep_their_pipeline_out_of_the_collector(dask_client) -> None:
    def settings() -> tuple[object, object]:
        import dask

        return dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")

    list(analyze_distributed([Article("one", SHORT, {})], client=dask_client))
    assert set(dask_client.run(settings).values()) == {(False, "1s")}
    assert all(count > 10_000 for count in dask_client.run(gc.get_freeze_count).values())
