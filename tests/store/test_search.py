"""Search folds Arabic spelling on both sides and reports highlights in original offsets."""

from __future__ import annotations

import pytest

from marsad.store import SearchHit, Store
from marsad.store.search import name_key, parse_query, snippet_bounds

from .factories import make_analysis

TEXT = (
    "أعلن المتحدث باسم الخارجية الأميركية أن واشنطن تدعم المسار الأممي. "
    "وقال مسؤول إن الإدارةَ الأمريكيةَ ستُرسل وفدًا إلى جنيف، وإن والأميركيين سيشاركون."
)


def hits(store: Store, query: str) -> list[SearchHit]:
    return store.search(query).hits


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(make_analysis(TEXT, "us", title="موقف الإدارة الأميركية"))
    store.add(make_analysis("اجتماع في القاهرة لبحث وقف إطلاق النار في السودان.", "cairo", title="القاهرة"))
    return store


@pytest.mark.parametrize("query", ["الأميركية", "الاميركية", "الأميركيّة", "اميركيه", "الأَمِيرْكِيَّة"])
def test_hamza_and_diacritics_are_ignored(filled: Store, query: str) -> None:
    (hit,) = filled.search(query).hits
    assert hit.id == "us"
    matched = [hit.snippet[s:e] for s, e in hit.highlights]
    assert "الأميركية" in matched


def test_diacritics_in_text_are_ignored(filled: Store) -> None:
    (hit,) = hits(filled, "الامريكيه")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["الأمريكيةَ"]


def test_clitic_prefixes_match(filled: Store) -> None:
    (hit,) = hits(filled, "جنيف")
    assert hit.id == "us"
    (hit,) = hits(filled, "بالقاهرة")
    assert hit.id == "cairo"


def test_all_words_must_match_and_title_counts(filled: Store) -> None:
    assert [h.id for h in hits(filled, "القاهرة السودان")] == ["cairo"]
    assert hits(filled, "القاهرة واشنطن") == []
    assert [h.id for h in hits(filled, "الإدارة")] == ["us"]


def test_highlights_point_into_original_text(filled: Store) -> None:
    (hit,) = hits(filled, "المسار")
    for start, end in hit.highlights:
        absolute = hit.snippet_start + start
        assert TEXT[absolute : absolute + (end - start)] == hit.snippet[start:end]


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', "AND OR NOT", "*", "a:b"])
def test_odd_queries_do_not_break_fts(filled: Store, query: str) -> None:
    assert isinstance(filled.search(query).hits, list)


def test_parse_query_folds() -> None:
    assert [t.word for t in parse_query("الأميركيّ إلى")] == ["الاميركي", "الي"]


def test_snippet_is_cut_at_spaces() -> None:
    text = " ".join(["كلمة"] * 200)
    start, end = snippet_bounds(text, [(500, 504)])
    assert text[start - 1] == " " and (end == len(text) or text[end] == " ")


def test_name_key() -> None:
    assert name_key("سيرغي لافروف") == "سيرغي لافروف"
    assert name_key("أحمد الأيوبيّ") == "احمد ايوبي"
    assert name_key("مصطفى") == name_key("مصطفي")


@pytest.mark.parametrize("query", ["الأميركية", "جنيف", "والأميركيين", "المسار", "غائب"])
def test_snippet_highlights_equal_those_of_a_full_scan(query: str) -> None:
    # The snippet scan starts where a substring search finds the first stem; it must find what a
    # scan of every word finds, also when the match sits after a long, vocalized stretch.
    from marsad.store.search import SNIPPET_AFTER, highlights

    text = "وَقَالَ الْمُتَحَدِّثُ " * 300 + TEXT
    terms = parse_query(query)
    everything = highlights(text, terms)
    windowed = highlights(text, terms, within=SNIPPET_AFTER)
    assert windowed == [span for span in everything if span[0] <= everything[0][0] + SNIPPET_AFTER] if everything else windowed == []
