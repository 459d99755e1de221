"""`/api/quotes`: who said what, by speaker across spelling variants."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ...store import Store
from .. import schemas
from ..deps import get_store

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


@router.get("", response_model=list[schemas.QuoteItem])
def list_quotes(
    store: Annotated[Store, Depends(get_store)],
    speaker: Annotated[str | None, Query(description="a speaker's name, or part of it ('لافروف')")] = None,
) -> list[dict[str, Any]]:
    """Quotes by `speaker` (every word of the name must match), or all quotes."""
    records = store.quotes_by_speaker(speaker) if speaker else store.quotes()
    return [asdict(record) for record in records]
