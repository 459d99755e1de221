"""`/api/events`: events, filtered by type and place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ...store import Store
from ...store.queries import MAX_QUERY_CHARS
from ...store.records import EventRecord
from ..deps import get_store

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=list[EventRecord])
def list_events(
    store: Annotated[Store, Depends(get_store)],
    type: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="event type")] = None,
    place: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="place: English name or Arabic, any spelling")] = None,
) -> list[EventRecord]:
    """Events with their evidence offsets."""
    return store.events(type=type, place=place)
