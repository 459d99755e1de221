"""HTML pages of space and happenings: `/places` (one row per place), `/places/{ref}`, `/events` (filtered, paged, mapped)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...store import Store, browse
from ...web import views
from ...web.templating import page
from ..deps import get_store
from .params import FROM, OFFSET, TEXT, TO

router = APIRouter(tags=["pages"], include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/places", response_class=HTMLResponse)
def places(request: Request, store: StoreDep, date_from: FROM = None, date_to: TO = None, source: TEXT = None, offset: OFFSET = 0) -> HTMLResponse:
    filters = browse.Filters(date_from=date_from or None, date_to=date_to or None, source=source or None)
    return page("places.html", {**views.places(store, filters, offset=offset), "params": dict(request.query_params)})


@router.get("/places/{ref:path}", response_class=HTMLResponse)
def place(request: Request, ref: str, store: StoreDep, offset: OFFSET = 0) -> HTMLResponse:
    context = views.place(store, ref, offset=offset)
    if context is None:
        raise HTTPException(status_code=404, detail=f"no place {ref!r}")
    return page("place.html", {**context, "params": dict(request.query_params)})


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    store: StoreDep,
    type: TEXT = None,
    modality: TEXT = None,
    place: TEXT = None,
    date_from: FROM = None,
    date_to: TO = None,
    source: TEXT = None,
    offset: OFFSET = 0,
) -> HTMLResponse:
    filters = browse.EventFilters(
        type=type or None, modality=modality or None, place=place or None, date_from=date_from or None, date_to=date_to or None, source=source or None
    )
    return page("events.html", {**views.events(store, filters, offset=offset), "params": dict(request.query_params)})
