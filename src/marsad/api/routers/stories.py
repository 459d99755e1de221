"""`/api/stories`: stories across outlets, with their articles and wire copies, by date range, a page at a time."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ...store import Store
from ...stories.output import story_to_dict
from .. import schemas
from ..deps import get_store

router = APIRouter(prefix="/api/stories", tags=["stories"])
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("", response_model=schemas.StoryPage)
def list_stories(
    store: StoreDep,
    date_from: Annotated[date | None, Query(alias="from", description="only stories with an article on or after this date")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="only stories with an article on or before this date")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Stories overlapping the date range, latest first: one page of them, and how many there are in all."""
    found, total = store.stories(
        date_from=date_from.isoformat() if date_from else None, date_to=date_to.isoformat() if date_to else None, offset=offset, limit=limit
    )
    return {"total": total, "offset": offset, "limit": limit, "stories": [story_to_dict(story) for story in found]}


@router.get("/{story_id:path}", response_model=schemas.Story, responses={404: {"model": schemas.ErrorDetail}})
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    """One story with all its articles."""
    story = store.story(story_id)
    if story is None:
        raise HTTPException(status_code=404, detail=f"no story with id {story_id!r}")
    return story_to_dict(story)
