"""Facets and paging over quotes, events and speakers: the right rows, and true totals."""

from __future__ import annotations

import pytest

from marsad.store import Store, open_store, listing
from marsad.store.listing import Filters
from tests.identities.factories import trump_articles
from tests.store.factories import geneva_analysis


@pytest.fixture
def store(store_target: str):
    with open_store(store_target) as opened:
        for analysis in trump_articles():
            opened.add(analysis)
        opened.add(geneva_analysis())  # 2024-03-12, source "test": two quotes, one event at Geneva
        yield opened


def _ids(page: listing.Page) -> list[str]:
    return [item.article_id for item in page.items]


def test_pages_add_up_to_the_whole_list(store: Store) -> None:
    whole = listing.quotes(store, limit=100)
    assert whole.total == len(whole.items) == 8
    pages = [listing.quotes(store, limit=3, offset=offset) for offset in (0, 3, 6, 9)]
    assert [len(page.items) for page in pages] == [3, 3, 2, 0]
    assert {page.total for page in pages} == {8}
    assert [item for page in pages for item in page.items] == whole.items


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(date_from="2025-01-11", date_to="2025-01-12"), ["t2", "t3"]),
        (Filters(date_to="2024-12-31"), ["geneva", "geneva"]),
        (Filters(source="beta"), ["t2", "t4"]),
        (Filters(topic="economy"), ["t3", "t5"]),
        (Filters(topic="economy", source="beta"), []),
        (Filters(place="Geneva"), ["geneva", "geneva"]),
        (Filters(place="بجنيف"), ["geneva", "geneva"]),
        (Filters(place="Paris"), []),
    ],
)
def test_quote_facets(store: Store, filters: Filters, expected: list[str]) -> None:
    page = listing.quotes(store, filters)
    assert _ids(page) == expected
    assert page.total == len(expected)


def test_facets_combine_with_the_speaker(store: Store) -> None:
    from marsad.identities.resolve import speaker_filters

    page = listing.quotes(store, speaker_filters(store, "ترامب", source="beta"))
    assert _ids(page) == ["t4"]


def test_a_date_with_a_time_is_still_that_day(store_target: str) -> None:
    with open_store(store_target) as store:
        (analysis, *_) = trump_articles()
        analysis["meta"]["date"] = "2025-01-10T23:30:00+03:00"
        store.add(analysis)
        assert listing.quotes(store, Filters(date_from="2025-01-10", date_to="2025-01-10")).total == 2


@pytest.mark.parametrize(
    "filters, total",
    [
        (Filters(), 1),
        (Filters(event_type="NEGOTIATE"), 1),
        (Filters(event_type="attack"), 0),
        (Filters(place="جنيف", date_from="2024-03-12", date_to="2024-03-12", source="test"), 1),
        (Filters(place="جنيف", date_from="2024-03-13"), 0),
        (Filters(place="Paris"), 0),
    ],
)
def test_event_facets(store: Store, filters: Filters, total: int) -> None:
    page = listing.events(store, filters)
    assert page.total == len(page.items) == total


def test_event_paging_past_the_end_keeps_the_total(store: Store) -> None:
    page = listing.events(store, limit=5, offset=10)
    assert (page.total, page.items) == (1, [])


def test_speakers_page_and_total(store: Store) -> None:
    whole = listing.speakers(store)
    assert whole.total == len(whole.items) == 4  # Donald, Melania, Ivanka, Lavrov
    assert [record.quotes for record in whole.items] == sorted((record.quotes for record in whole.items), reverse=True)
    second = listing.speakers(store, limit=2, offset=2)
    assert (second.total, [r.key for r in second.items]) == (4, [r.key for r in whole.items[2:]])
    assert [r.key for r in listing.speakers(store, Filters(topic="economy")).items] != []


def test_speakers_without_filters_agree_with_the_counted_path(store: Store) -> None:
    # No filter ranks on the identities' own counts; an always-true filter counts the quotes.
    counted = listing.speakers(store, Filters(date_from="0000-01-01"))
    ranked = listing.speakers(store)
    assert ranked == counted
    assert listing.speakers(store, limit=2, offset=1).items == counted.items[1:3]
