"""The story page and the home page's stories, over stories placed by hand through the store (`place_articles`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.store import browse, open_store
from marsad.store.stories import Placement
from tests.store.factories import geneva_analysis

ARTICLES = (  # id, source, date, copy_of
    ("g1", "okaz", "2024-03-12", None),
    ("g2", "alriyadh", "2024-03-12", "g1"),
    ("g3", "almadina", "2024-03-13", "g1"),
    ("g4", "alriyadh", "2024-03-14", None),
)


@pytest.fixture
def story_client(tmp_path: Path) -> TestClient:
    db = tmp_path / "stories.db"
    with open_store(db) as store:
        for number, (article_id, source, day, _) in enumerate(ARTICLES):
            analysis = geneva_analysis(article_id, text=geneva_analysis()["text"] + " " * number)  # a copy differs by a space
            analysis["meta"].update(source=source, date=day, title=f"محادثات جنيف {number}")
            store.add(analysis)
        store.ensure_story_tables()
        store.place_articles(
            [Placement(a, "g1", copy, day, n, f"محادثات جنيف {n}") for n, (a, _, day, copy) in enumerate(ARTICLES)]
        )
    return TestClient(create_app(db))


def test_story_folds_copies_under_their_original(tmp_path: Path, story_client: TestClient) -> None:
    with open_store(tmp_path / "stories.db", create=False) as store:
        story = browse.story(store, "g1")
    assert [article["id"] for article in story["articles"]] == ["g1", "g4"]
    assert [copy["id"] for copy in story["articles"][0]["copies"]] == ["g2", "g3"]
    assert dict(story["outlets"]) == {"alriyadh": 2, "okaz": 1, "almadina": 1}
    with open_store(tmp_path / "stories.db", create=False) as store:
        originals = browse.story_articles_sql(originals=True)
        assert [(s.name, s.count) for s in browse.speakers_in(store, originals, ("g1",))] == [("سيرغي لافروف", 2)]  # copies not counted again


def test_story_page_shows_articles_speakers_places_and_events(story_client: TestClient) -> None:
    html = story_client.get("/stories/g1").text
    assert "<details class=\"copies\">" in html and html.count('href="/articles/g') >= 4
    assert 'href="/speakers/' in html and "لافروف" in html  # the story's speaker
    assert 'href="/places/2660646"' in html and "map-story-data" in html
    assert 'href="/articles/g1#e0"' in html  # an event's evidence
    assert "tl-story-data" in html


def test_home_lists_stories_with_outlets_and_a_sparkline(story_client: TestClient) -> None:
    html = story_client.get("/").text
    assert 'href="/stories/g1"' in html
    assert re.search(r'<svg class="spark"[^>]*>(<rect [^>]+/>){3}</svg>', html)  # three days with articles
    assert html.index("alriyadh") < html.index("okaz")  # outlets by number of articles


def test_article_links_to_its_story(story_client: TestClient) -> None:
    assert 'href="/stories/g1"' in story_client.get("/articles/g2").text
