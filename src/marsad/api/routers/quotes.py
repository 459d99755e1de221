"""`/api/quotes`: who said what, by speaker across spelling variants."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ...store import Store
from ...store.queries import MAX_QUERY_CHARS
from ...store.records import QuoteRecord
from ..deps import get_store

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


@router.get("", response_model=list[QuoteRecord])
def list_quotes(
    store: Annotated[Store, Depends(get_store)],
    speaker: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a speaker's name, or part of it ('لافروف')")] = None,
) -> list[QuoteRecord]:
    """Quotes by `speaker` (every word of the name must match), or all quotes."""
    return store.quotes_by_speaker(speaker) if speaker else store.quotes()
