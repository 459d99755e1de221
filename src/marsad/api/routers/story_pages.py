"""HTML page of one story: its articles by time and outlet with copies folded, its speakers, places and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import HTMLResponse

from ...store import Store
from ...web import views
from ...web.templating import page
from ..deps import get_store

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story(story_id: str, store: Annotated[Store, Depends(get_store)]) -> HTMLResponse:
    context = views.story(store, story_id)
    if context is None:
        raise HTTPException(status_code=404, detail=f"no story {story_id!r}")
    return page("story.html", context)
