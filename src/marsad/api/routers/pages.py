"""HTML pages: `/` (article list and search) and `/articles/{id}` (the article with its layers highlighted)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from ...store import Store
from ...store.queries import MAX_QUERY_CHARS
from ...web import render
from ...web.map import places_svg
from ...web.templating import environment
from ..deps import get_store

router = APIRouter(tags=["pages"], include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
SAFE_URL_SCHEMES = ("http://", "https://")


@router.get("/", response_class=HTMLResponse)
def index(store: StoreDep, q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None) -> HTMLResponse:
    context: dict[str, Any] = {"query": q}
    if q:
        hits = store.search(q, limit=50)
        context["hits"] = [{**asdict(hit), "html": render.snippet_html(hit.snippet, hit.highlights)} for hit in hits]
    else:
        context["articles"] = store.articles(limit=500)
        context["total"] = store.count()
    return HTMLResponse(environment().get_template("index.html").render(context))


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
    context = {
        "analysis": analysis,
        "meta": meta,
        "marked_text": render.mark_text(text, render.article_marks(analysis)),
        "quotes": analysis.get("quotes") or [],
        "events": [_event_row(text, event, places) for event in analysis.get("events") or []],
        "places": places,
        "map_svg": _map_svg(places),
    }
    return HTMLResponse(environment().get_template("article.html").render(context))


def _event_row(text: str, event: dict[str, Any], places: list[dict[str, Any]]) -> dict[str, Any]:
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
        "type": event.get("type"),
        "modality": event.get("modality"),
        "source_name": (event.get("source") or {}).get("name"),
        "target_name": (event.get("target") or {}).get("name"),
        "place_name": (place.get("name") or place.get("text")) if place else None,
        "date": event.get("date"),
        "evidence": render.evidence(text, sentence["start"], sentence["end"], marks),
    }


def _map_svg(places: list[dict[str, Any]]) -> Markup | None:
    if not any(place.get("lat") is not None and place.get("lon") is not None for place in places):
        return None
    # places_svg escapes every text it embeds, so its output is safe to insert as markup.
    return Markup(places_svg(places))
