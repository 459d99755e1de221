"""The pages worth opening in a store: one of each kind, chosen from what the store holds."""

from __future__ import annotations

from urllib.parse import quote

from marsad.store import browse, open_store

QUERY = "السعودية"


def pages(db: str) -> dict[str, str]:
    """{name: path} for each page kind: the busiest speaker, place, entity, story and article."""
    with open_store(db, create=False) as store:
        speaker = browse.speakers(store, limit=1).items[0].key
        place = browse.places(store, limit=1).items[0]["ref"]
        entity = browse.entities(store, label="PERS", limit=1).items[0].key
        # An article with every layer: quotes by named speakers, places on the map, events.
        article = store._scalar(
            "SELECT p.article_id AS value FROM places p WHERE p.lat IS NOT NULL"
            " AND p.article_id IN (SELECT article_id FROM quotes WHERE speaker_key IS NOT NULL)"
            " AND p.article_id IN (SELECT article_id FROM events)"
            " GROUP BY p.article_id ORDER BY count(DISTINCT p.key) DESC, p.article_id LIMIT 1"
        )
        event_type = browse.event_types(store)[0][0]
        stories = browse.stories(store, limit=1, min_size=2).items
    found = {
        "home": "/",
        "articles": "/articles",
        "article": f"/articles/{quote(article)}",
        "speakers": "/speakers",
        "speaker": f"/speakers/{quote(speaker)}",
        "entities": "/entities",
        "entity": f"/entities/{quote(entity)}",
        "places": "/places",
        "place": f"/places/{quote(place)}",
        "events": f"/events?type={event_type}",
        "search": f"/search?q={quote(QUERY)}",
        "docs": "/docs",
        "not-found": "/articles/no-such-article",
    }
    if stories:
        found["story"] = f"/stories/{quote(stories[0]['id'])}"
    return found
