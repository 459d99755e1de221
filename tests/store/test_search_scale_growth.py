"""bench/search_scale.py grows a store by copying rows in SQL: the copies must be found, faceted,
ordered, paged and counted exactly as the same articles would be if ingested."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.store import open_store
from marsad.store import query as search_query

from .test_search_facets import ARTICLES, article

REPO = Path(__file__).resolve().parents[2]
SEARCHES = [
    ("اجتماع", {}),
    ("المتحدث يتحسن", {}),
    ("اجتماع", {"source": "riyadh"}),
    ("اجتماع", {"topic": "economy"}),
    ("اجتماع", {"speaker": "لافروف"}),
    ("اجتماع", {"place": "geneva"}),
    ("اجتماع", {"place": "الرياض", "source": "sabq"}),
    ("اجتماع", {"date_from": "2015-07-15", "date_to": "2015-07-31"}),
    ("القاهرة", {}),
    ("المقال", {"date_from": "2015-08"}),
]


@pytest.fixture
def bench(training_script):
    with training_script(REPO / "bench" / "search_scale.py", "marsad_bench_search_scale") as module:
        yield module


def copies(size: int) -> list[tuple[str, int, str]]:
    """(id, pk, id of the seed article it copies) of every article once the store has grown to `size`,
    by the bench's doubling (pks 1..n copied under pk + n, with the suffix ~(n + 1))."""
    seed = [(row[0], pk) for pk, row in enumerate(ARTICLES, start=1)]
    grown = [(article_id, pk, article_id) for article_id, pk in seed]
    while len(grown) < size:
        count = len(grown)
        chunk = min(count, size - count)
        grown += [(f"{grown[i][0]}~{count + 1}", count + i + 1, grown[i][2]) for i in range(chunk)]
    return grown


@pytest.mark.parametrize("size", [15, 30])
def test_a_grown_store_answers_as_if_the_copies_were_ingested(store_target: str, bench, monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(bench, "POSTGRES_REBUILD_ABOVE", 1)  # the drop-and-rebuild of the index's indexes too
    with open_store(store_target) as store:
        for row in ARTICLES:
            store.add(article(*row))
        seed_hits = {(text, tuple(sorted(facets.items()))): {hit.id for hit in store.search(text, 50, **facets).hits} for text, facets in SEARCHES}
    assert bench.grow(store_target, size) == size
    dates = {row[0]: row[1] for row in ARTICLES}
    grown = copies(size)
    with open_store(store_target, create=False) as store:
        for text, facets in SEARCHES:
            matching = [(article_id, pk, original) for article_id, pk, original in grown if original in seed_hits[(text, tuple(sorted(facets.items())))]]
            newest_first = [article_id for article_id, pk, original in sorted(matching, key=lambda row: search_query.sort_key(dates[row[2]], row[1]), reverse=True)]
            results = store.search(text, 100, **facets)
            assert [hit.id for hit in results.hits] == newest_first, (text, facets)
            assert (results.total, results.total_estimated) == (len(newest_first), False)
            pages = [hit.id for offset in range(0, len(newest_first) + 4, 4) for hit in store.search(text, 4, offset=offset, **facets).hits]
            assert pages == newest_first
            assert {hit.id for hit in store.search(text, 100, sort="relevance", **facets).hits} == set(newest_first)
        # The copies keep their article rows: text, title, date and source.
        newest_f = max((pk, article_id) for article_id, pk, original in grown if original == "f")[1]
        hit = store.search("اجتماع", 1, source="sabq").hits[0]
        assert (hit.id, hit.date, hit.source, hit.title) == (newest_f, "2015-08-20", "sabq", "اجتماع f")
