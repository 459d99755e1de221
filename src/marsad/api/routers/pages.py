"""HTML pages: home (stories, coverage), the article list, search with facets, and `/articles/{id}` (the article with its layers highlighted)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...store import Store, browse
from ...store.queries import MAX_QUERY_CHARS
from ...store.query import Facets
from ...store.search import name_key
from ...web import render, views
from ...web.labels import TOPICS
from ...web.templating import page
from ..deps import get_store
from .params import OFFSET

router = APIRouter(tags=["pages"], include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
SAFE_URL_SCHEMES = ("http://", "https://")
PAGE = 50


@router.get("/", response_class=HTMLResponse, response_model=None)
def index(request: Request, store: StoreDep, q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse | RedirectResponse:
    if q:  # the old search address
        return RedirectResponse(f"/search?{request.url.query}", status_code=307)
    return page("home.html", views.home(store))


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, store: StoreDep, offset: OFFSET = 0) -> HTMLResponse:
    found = browse.Page(items=store.articles(limit=PAGE, offset=offset), total=store.count(), offset=offset, limit=PAGE)
    return page("articles.html", {"page": found, "params": dict(request.query_params)})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    topic: Annotated[str | None, Query(max_length=100)] = None,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    sort: Literal["relevance", "date"] = "date",  # as the store's default: relevance costs more
    offset: OFFSET = 0,
) -> HTMLResponse:
    context: dict[str, Any] = {"query": q, "params": dict(request.query_params), "topics": list(TOPICS), **views.search_form(store)}
    facets = Facets(date_from=date_from or None, date_to=date_to or None, source=source or None, topic=topic or None, speaker=speaker or None, place=place or None)
    if q.strip():
        try:
            context.update(views.search(store, q, facets, sort=sort, offset=offset))
        except ValueError as error:  # a bad date
            context["error"] = str(error)
        else:
            results = context["results"]
            context["page"] = browse.Page(items=results.hits, total=results.total, offset=offset, limit=views.PAGE)
    return page("search.html", context)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, store: StoreDep) -> HTMLResponse:
    analysis = store.get(article_id)
    if analysis is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    text: str = analysis["text"]
    meta = dict(analysis.get("meta") or {})
    if not str(meta.get("url") or "").startswith(SAFE_URL_SCHEMES):
        meta["url"] = None  # never link javascript: or data: URLs taken from a feed
    places = analysis.get("places") or []
    place_rows = views.place_rows(analysis)
    quotes = [{**quote, "speaker_key": name_key((quote.get("speaker") or {}).get("name") or "")} for quote in analysis.get("quotes") or []]
    context = {
        "analysis": analysis,
        "meta": meta,
        "marked_text": render.mark_text(text, render.article_marks(analysis)),
        "quotes": quotes,
        "events": [_event_row(text, index, event, places) for index, event in enumerate(analysis.get("events") or [])],
        "places": place_rows,
        "points": [
            {"lat": row["lat"], "lon": row["lon"], "name": row["text"], "n": row["count"], "kind": row.get("kind") or "other", "href": f"/places/{row['ref']}"}
            for row in place_rows
            if row.get("lat") is not None and row.get("lon") is not None
        ],
        "story_id": (analysis.get("story") or {}).get("id"),
    }
    return page("article.html", context)


def _event_row(text: str, index: int, event: dict[str, Any], places: list[dict[str, Any]]) -> dict[str, Any]:
    trigger = event["trigger"]
    sentence = event.get("sentence") or trigger
    place_index = event.get("place")
    place = places[place_index] if isinstance(place_index, int) and 0 <= place_index < len(places) else None
    marks = [render.Mark(trigger["start"], trigger["end"], "trigger")]
    for role in ("source", "target"):
        actor = event.get(role) or {}
        if actor.get("start") is not None and actor.get("end") is not None:
            marks.append(render.Mark(actor["start"], actor["end"], f"actor actor-{role}", actor.get("name")))
    return {
        "index": index,
        "type": event.get("type"),
        "modality": event.get("modality"),
        "source_name": (event.get("source") or {}).get("name"),
        "target_name": (event.get("target") or {}).get("name"),
        "place_name": (text[place["start"] : place["end"]] if place else None),
        "date": event.get("date"),
        "evidence": render.evidence(text, sentence["start"], sentence["end"], marks),
    }

