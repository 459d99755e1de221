"""HTML pages of people and names: `/speakers` (by quotes), `/speakers/{key}`, `/entities`, `/entities/{key}`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...store import Store, browse
from ...web import views
from ...web.templating import page
from ..deps import get_store
from .params import FROM, OFFSET, TEXT, TO

router = APIRouter(tags=["pages"], include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, store: StoreDep, name: TEXT = None, date_from: FROM = None, date_to: TO = None, source: TEXT = None, offset: OFFSET = 0) -> HTMLResponse:
    filters = browse.Filters(date_from=date_from or None, date_to=date_to or None, source=source or None)
    context = views.speakers(store, filters, name=name, offset=offset)
    return page("speakers.html", {**context, "params": dict(request.query_params)})


@router.get("/speakers/{key:path}", response_class=HTMLResponse, response_model=None)
def speaker(
    request: Request,
    key: str,
    store: StoreDep,
    text: TEXT = None,
    date_from: FROM = None,
    date_to: TO = None,
    source: TEXT = None,
    direct: Annotated[Literal["", "0", "1"], Query()] = "",
    offset: OFFSET = 0,
) -> HTMLResponse | RedirectResponse:
    filters = browse.Filters(date_from=date_from or None, date_to=date_to or None, source=source or None)
    context = views.speaker(store, key, filters, text=text or None, direct=None if direct == "" else direct == "1", offset=offset)
    if context is None:
        other = browse.resolve_speaker(store, key)
        if other is None or other == key:
            raise HTTPException(status_code=404, detail=f"no speaker {key!r}")
        return RedirectResponse(f"/speakers/{other}", status_code=307)
    return page("speaker.html", {**context, "params": dict(request.query_params)})


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request, store: StoreDep, name: TEXT = None, label: Annotated[Literal["", "PERS", "ORG", "LOC", "MISC"], Query()] = "", offset: OFFSET = 0
) -> HTMLResponse:
    context = views.entities(store, label=label or None, name=name or None, offset=offset)
    return page("entities.html", {**context, "params": dict(request.query_params)})


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity(request: Request, key: str, store: StoreDep, offset: OFFSET = 0) -> HTMLResponse:
    context = views.entity(store, key, offset=offset)
    if context is None:
        raise HTTPException(status_code=404, detail=f"no entity {key!r}")
    return page("entity.html", {**context, "params": dict(request.query_params)})
