"""Through the store: a query for one Trump finds him in every spelling and never finds the others."""

from __future__ import annotations

import pytest

from marsad.identities import identity_key
from marsad.identities.resolve import speaker_filters, speaker_keys
from marsad.store import Store, listing, open_store

from .factories import trump_articles

DONALD = identity_key("دونالد ترامب")


@pytest.fixture
def store(store_target: str):
    with open_store(store_target) as opened:
        for analysis in trump_articles():
            opened.add(analysis)
        yield opened


def _speakers(store: Store, name: str) -> list[str]:
    return [record.speaker_name for record in listing.quotes(store, speaker_filters(store, name)).items]


@pytest.mark.parametrize("name", ["ترامب", "ترمب", "دونالد ترامب", "دونالد ترمب"])
def test_surname_and_spellings_find_donald_only(store: Store, name: str) -> None:
    assert speaker_keys(store, name) == (DONALD,)
    found = _speakers(store, name)
    assert found == ["دونالد ترامب", "ترامب", "ترمب", "دونالد ترامب رغبته"]
    assert not any("ميلانيا" in speaker or "إيفانكا" in speaker for speaker in found)


@pytest.mark.parametrize("name, expected", [("ميلانيا ترامب", "ميلانيا ترامب"), ("ميلانيا", "ميلانيا ترامب"), ("ايفانكا", "إيفانكا ترامب")])
def test_the_others_are_found_by_their_own_names(store: Store, name: str, expected: str) -> None:
    assert _speakers(store, name) == [expected]


def test_unknown_speaker_falls_back_to_the_phrase_words(store: Store) -> None:
    assert speaker_keys(store, "المتحدث الرسمي") == ()
    assert listing.quotes(store, speaker_filters(store, "المتحدث الرسمي")).total == 0


def test_speakers_count_one_identity_per_person(store: Store) -> None:
    page = listing.speakers(store)
    assert page.total == 3
    top = page.items[0]
    assert (top.key, top.name, top.quotes, top.articles) == (DONALD, "دونالد ترامب", 4, 3)
    assert top.aliases == [identity_key("ترامب")]
    assert set(top.names) == {"دونالد ترامب", "ترمب"}
    assert all("رغبته" not in name for record in page.items for name in record.names)
    assert sorted(record.quotes for record in page.items[1:]) == [1, 1]


def test_speakers_in_a_date_range(store: Store) -> None:
    page = listing.speakers(store, listing.Filters(date_from="2025-01-12", date_to="2025-01-13"))
    assert [(record.key, record.quotes) for record in page.items] == [(DONALD, 2)]


def test_speaker_by_key_and_by_alias(store: Store) -> None:
    assert listing.speaker(store, identity_key("ترمب")).key == DONALD
    assert listing.speaker(store, DONALD).quotes == 4
    assert listing.speaker(store, "nobody") is None


def test_a_dominated_surname_is_read_as_nobody_in_particular(store_target: str) -> None:
    # Only Melania and Ivanka, once each: "ترامب" alone could be either.
    with open_store(store_target) as store:
        for analysis in trump_articles():
            if analysis["id"] in ("t2", "t5"):
                store.add(analysis)
        keys = speaker_keys(store, "ترامب")
        assert set(keys) == {identity_key("ميلانيا ترامب"), identity_key("إيفانكا ترامب")}
