"""What each page shows, gathered from the store: one function per page, returning the template's context."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from ..store import Store, browse
from ..store.query import Facets
from ..store.rows import place_key
from . import render
from .spark import sparkline

HOME_STORIES = 15
TOP = 10
PAGE = 50
MAP_PLACES = 500


def _points_of_places(page: browse.Page) -> list[dict[str, Any]]:
    return [{**point, "href": f"/places/{point['ref']}", "kind": point.get("kind") or "other"} for point in browse.place_points(page)]


def _points_of_events(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**point, "kind": "event"} for point in points]


def with_evidence(page: browse.Page) -> browse.Page:
    """Each event row with `evidence`: its sentence (an excerpt of it) as HTML with the trigger marked."""
    for row in page.items:
        offset = row["sentence_start"]
        mark = render.Mark(row["trigger_start"] - offset, row["trigger_end"] - offset, "trigger")
        sentence = row.get("sentence") or ""
        row["evidence"] = render.mark_text(sentence, [mark]) if sentence else row["trigger_text"]
        row["cut"] = len(sentence) >= browse.EVIDENCE_CHARS
    return page


def story_spark(days: list[tuple[str, int]], label: str) -> Any:
    series = browse.timeline({"n": days})["series"]["n"]
    return sparkline(series, label=label)


def home(store: Store) -> dict[str, Any]:
    stories = browse.stories(store, limit=HOME_STORIES, min_size=2)
    if not stories.items:
        stories = browse.stories(store, limit=HOME_STORIES)
    for row in stories.items:
        row["spark"] = story_spark(row["days"], f"{row['size']}")
    first, last = browse.date_span(store)
    return {
        "stories": stories,
        "has_stories": browse.has_stories(store),
        "counts": store.counts(),
        "span": (first, last),
        "timeline": browse.timeline({"articles": browse.article_days(store)}),
        "speakers": browse.speakers(store, limit=TOP).items,
        "places": browse.places(store, limit=TOP).items,
        "articles": store.articles(limit=TOP),
        "sources": browse.sources(store),
    }


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    found = browse.story(store, story_id)
    if found is None:
        return None
    # Facts from the originals only: a wire copy repeats its original's quotes and events word for word.
    sql, params = browse.story_articles_sql(originals=True), (story_id,)
    places = browse.places(store, article_sql=sql, params=params, limit=MAP_PLACES)
    events = browse.events(store, article_sql=sql, params=params, limit=200)
    return {
        "story": found,
        "timeline": browse.timeline(
            {"articles": sorted(found["days"].items()), "events": browse.event_days(store, article_sql=sql, params=params)}
        ),
        "speakers": browse.speakers_in(store, sql, params),
        "quotes": browse.quotes_in(store, sql, params, limit=60),
        "places": places,
        "events": with_evidence(events),
        "points": _points_of_places(places) + _points_of_events(browse.event_points(store, article_sql=sql, params=params)),
    }


def speakers(store: Store, filters: browse.Filters, *, name: str | None, offset: int) -> dict[str, Any]:
    return {"page": browse.speakers(store, filters, name=name, offset=offset, limit=PAGE), "sources": browse.sources(store)}


def speaker(store: Store, key: str, filters: browse.Filters, *, text: str | None, direct: bool | None, offset: int) -> dict[str, Any] | None:
    name = browse.speaker_name(store, key)
    if name is None:
        return None
    sql, params = browse.speaker_articles_sql(store), (key,)
    quotes = browse.speaker_quotes(store, key, filters, text=text, direct=direct, offset=offset, limit=PAGE)
    places = browse.places(store, article_sql=sql, params=params, limit=MAP_PLACES)
    return {
        "key": key,
        "name": name,
        "total": browse.speaker_quotes(store, key).total,
        "quotes": quotes,
        "timeline": browse.timeline({"quotes": browse.speaker_days(store, key)}),
        "speaker_sources": browse.speaker_sources(store, key),
        "people": browse.co_mentioned(store, sql, params, exclude=[key]),
        "places": places,
        "points": _points_of_places(places),
        "sources": browse.sources(store),
    }


def entities(store: Store, *, label: str | None, name: str | None, offset: int) -> dict[str, Any]:
    return {"page": browse.entities(store, label=label, name=name, offset=offset, limit=PAGE)}


def entity(store: Store, key: str, *, offset: int) -> dict[str, Any] | None:
    summary = browse.entity_summary(store, key)
    if summary is None:
        return None
    sql, params = browse.entity_articles_sql(store), (key,)
    places = browse.places(store, article_sql=sql, params=params, limit=MAP_PLACES)
    return {
        "entity": summary,
        "is_speaker": browse.speaker_name(store, key) is not None,
        "timeline": browse.timeline({"mentions": browse.entity_days(store, key), "events": browse.event_days(store, article_sql=sql, params=params)}),
        "mentions": browse.entity_mentions(store, key, offset=offset, limit=PAGE),
        "people": browse.co_mentioned(store, sql, params, label=None, exclude=[key]),
        "places": places,
        "events": with_evidence(browse.events(store, article_sql=sql, params=params, limit=TOP)),
        "points": _points_of_places(places),
    }


def places(store: Store, filters: browse.Filters, *, offset: int) -> dict[str, Any]:
    page = browse.places(store, filters, offset=offset, limit=PAGE)
    everything = browse.places(store, filters, limit=MAP_PLACES)
    return {"page": page, "points": _points_of_places(everything), "sources": browse.sources(store)}


def place(store: Store, ref: str, *, offset: int) -> dict[str, Any] | None:
    found = browse.place(store, ref)
    if found is None:
        return None
    sql, params = browse.place_articles_sql(), (ref,)
    filters = browse.EventFilters(place=ref)
    events = browse.events(store, filters, limit=PAGE)
    nearby = browse.places(store, article_sql=sql, params=params, limit=TOP + 1)
    nearby.items = [row for row in nearby.items if row["ref"] != ref][:TOP]
    points = [{"lat": found["lat"], "lon": found["lon"], "name": found["text"], "ref": ref, "n": found["n"], "kind": found["kind"] or "other", "href": f"/places/{ref}"}]
    return {
        "place": found,
        "timeline": browse.timeline({"mentions": browse.place_days(store, ref), "events": browse.event_days(store, filters)}),
        "mentions": browse.place_mentions(store, ref, offset=offset, limit=PAGE),
        "events": with_evidence(events),
        "people": browse.co_mentioned(store, sql, params),
        "nearby": nearby,
        "points": [point for point in points if point["lat"] is not None] + _points_of_events(browse.event_points(store, filters)),
    }


def events(store: Store, filters: browse.EventFilters, *, offset: int) -> dict[str, Any]:
    return {
        "page": with_evidence(browse.events(store, filters, offset=offset, limit=PAGE)),
        "timeline": browse.timeline({"events": browse.event_days(store, filters)}),
        "points": _points_of_events(browse.event_points(store, filters)),
        "types": browse.event_types(store),
        "modalities": browse.modalities(store),
        "sources": browse.sources(store),
    }


def search(store: Store, text: str, facets: Facets, *, sort: str, offset: int) -> dict[str, Any]:
    results = store.search(text, PAGE, offset=offset, sort=sort, **asdict(facets))
    hits = [{**asdict(hit), "html": render.snippet_html(hit.snippet, hit.highlights)} for hit in results.hits]
    ids = [hit.id for hit in results.hits]
    places = browse.places(store, article_sql=f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(ids))})", params=ids, limit=MAP_PLACES)
    return {
        "results": results,
        "hits": hits,
        "points": _points_of_places(places) if ids else [],
        "timeline": browse.timeline({"articles": browse.search_days(store, text, facets)}) if text.strip() else None,
    }


def search_form(store: Store) -> dict[str, Any]:
    return {"sources": browse.sources(store), "span": browse.date_span(store)}


def place_rows(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's places, one row per place (by name, or text when unresolved) with its mentions' anchors."""
    text = analysis["text"]
    rows: dict[str, dict[str, Any]] = {}
    for index, found in enumerate(analysis.get("places") or []):
        ref = browse.place_ref(found, place_key(text[found["start"] : found["end"]]))
        row = rows.setdefault(ref, {**found, "texts": Counter(), "anchors": [], "ref": ref})
        row["texts"][text[found["start"] : found["end"]]] += 1
        row["anchors"].append(f"p{index}")
    for row in rows.values():
        row["count"] = len(row["anchors"])
        row["text"] = row["texts"].most_common(1)[0][0]
    return sorted(rows.values(), key=lambda row: -row["count"])

