"""Property test: whatever valid analysis goes in comes back out unchanged, and is found by search."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.store import Store, is_postgres_url, open_store
from marsad.store.search import WORD

from .factories import make_analysis

ARABIC = st.characters(min_codepoint=0x0621, max_codepoint=0x0652)
TEXT = st.text(alphabet=st.one_of(ARABIC, st.sampled_from(" \n.،«»0123456789abc")), min_size=1, max_size=300)
# Any text a reader can give us: no unpaired surrogates (ingest refuses them, the store too).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
NO_NUL = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")  # PostgreSQL text cannot hold NUL


@pytest.fixture
def empty_store(store_target: str) -> Iterator[Callable[[], AbstractContextManager[Store]]]:
    """Gives an empty store once per example: SQLite in memory, or the test's PostgreSQL schema emptied."""
    if not is_postgres_url(store_target):
        yield lambda: open_store(":memory:")
        return
    with open_store(store_target) as shared:  # one connection for all examples: connecting costs more than an example

        @contextmanager
        def emptied() -> Iterator[Store]:
            shared.conn.execute("DELETE FROM articles")  # the layer and index rows go with it (ON DELETE CASCADE)
            yield shared

        yield emptied


@st.composite
def analyses(draw: st.DrawFn, chars: st.SearchStrategy[str] = ANY_CHAR) -> dict:
    text = draw(TEXT.filter(lambda t: t.strip()))
    title = draw(st.none() | st.text(chars, max_size=30))
    analysis = make_analysis(text, draw(st.text(chars, min_size=1, max_size=20)), title=title, date=draw(st.none() | st.dates().map(str)))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    for start, end in draw(st.lists(spans, max_size=4)):
        analysis["entities"].append({"start": start, "end": end, "text": text[start:end], "label": draw(st.sampled_from(["PERS", "LOC", "ORG", "MISC"])), "entity_id": None})
    for start, end in draw(st.lists(spans, max_size=3)):
        name = draw(st.none() | st.text(alphabet=ARABIC, min_size=1, max_size=15))
        analysis["quotes"].append(
            {"start": start, "end": end, "text": text[start:end], "direct": draw(st.booleans()), "cue": None,
             "speaker": {"name": name, "entity_id": None, "type": "person" if name else "unresolved", "mentions": []}}
        )
    return analysis


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_store_round_trip(store_target: str, empty_store: Callable[[], AbstractContextManager[Store]], data: st.DataObject) -> None:
    chars = NO_NUL if is_postgres_url(store_target) else ANY_CHAR
    with empty_store() as store:
        batch = data.draw(st.lists(analyses(chars), min_size=1, max_size=4), label="batch")
        stored: dict[str, dict] = {}
        texts: set[str] = set()
        for analysis in batch:
            expect_new = analysis["text"] not in texts and analysis["id"] not in stored
            if analysis["id"] in stored and analysis["text"] not in texts:
                continue  # id clash with another text: an error, tested elsewhere
            assert store.add(analysis) is expect_new
            if expect_new:
                stored[analysis["id"]] = analysis
                texts.add(analysis["text"])
        for article_id, analysis in stored.items():
            assert store.get(article_id) == analysis
            words = WORD.findall(normalize(analysis["text"]))
            if words:
                assert article_id in {hit.id for hit in store.search(words[0], limit=len(stored)).hits}
        assert store.counts()["articles"] == len(stored)
        assert store.counts()["quotes"] == sum(len(a["quotes"]) for a in stored.values())
