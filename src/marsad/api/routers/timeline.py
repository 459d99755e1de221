"""`/api/timeline`: counts per day (quotes, mentions, events, articles) for a speaker, entity, place, story or query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from ...store import Store, browse
from ...store.queries import MAX_QUERY_CHARS
from ...store.query import Facets
from ..deps import get_store

router = APIRouter(prefix="/api/timeline", tags=["timeline"])
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]


class Timeline(BaseModel):
    """Every day from the first to the last with data, and one count per day in each series."""

    days: list[str]
    series: dict[str, list[int]]


@router.get("", response_model=Timeline, responses={400: {"description": "not exactly one of speaker, entity, place, story, q"}})
def timeline(
    store: Annotated[Store, Depends(get_store)],
    speaker: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a speaker's key, as in /speakers/{key}: quotes per day")] = None,
    entity: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="an entity's key: mentions and events per day")] = None,
    place: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a place, as in /places/{ref}: mentions and events per day")] = None,
    story: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a story id: articles and events per day")] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="search words: matching articles per day")] = None,
) -> dict:
    """Counts per day for exactly one selection."""
    chosen = [name for name, value in (("speaker", speaker), ("entity", entity), ("place", place), ("story", story), ("q", q)) if value]
    if len(chosen) != 1:
        raise HTTPException(status_code=400, detail="give exactly one of speaker, entity, place, story, q")
    if speaker:
        return browse.timeline({"quotes": browse.speaker_days(store, speaker)})
    if entity:
        sql = browse.entity_articles_sql(store)
        return browse.timeline({"mentions": browse.entity_days(store, entity), "events": browse.event_days(store, article_sql=sql, params=(entity,))})
    if place:
        return browse.timeline({"mentions": browse.place_days(store, place), "events": browse.event_days(store, browse.EventFilters(place=place))})
    if story:
        sql = browse.story_articles_sql() if browse.has_stories(store) else None
        if sql is None:
            return browse.timeline({"articles": [], "events": []})
        found = browse.story(store, story)
        days = sorted(found["days"].items()) if found else []
        return browse.timeline({"articles": days, "events": browse.event_days(store, article_sql=sql, params=(story,)) if found else []})
    return browse.timeline({"articles": browse.search_days(store, q or "", Facets())})
