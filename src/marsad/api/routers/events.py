"""`/api/events`: events, filtered by type and place."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ...store import Store
from .. import schemas
from ..deps import get_store

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=list[schemas.EventItem])
def list_events(
    store: Annotated[Store, Depends(get_store)],
    type: Annotated[str | None, Query(description="event type")] = None,
    place: Annotated[str | None, Query(description="place: English name or Arabic, any spelling")] = None,
) -> list[dict[str, Any]]:
    """Events with their evidence offsets."""
    return [asdict(record) for record in store.events(type=type, place=place)]
