"""`/api/events`: events, filtered by type and facets, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ...store import Store, listing
from ...store.queries import MAX_QUERY_CHARS
from ...store.records import EventRecord
from ..deps import get_store
from ..facets import TOTAL_DOC, FacetParams, PageParams, facet_params, page_params, with_total

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=list[EventRecord], responses={200: TOTAL_DOC})
def list_events(
    response: Response,
    store: Annotated[Store, Depends(get_store)],
    facets: Annotated[FacetParams, Depends(facet_params)],
    paging: Annotated[PageParams, Depends(page_params)],
    type: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="event type")] = None,
) -> list[EventRecord]:
    """Events with their evidence offsets, oldest first; X-Total-Count says how many match."""
    filters = listing.Filters(event_type=type, **facets.as_filters())
    return with_total(response, listing.events(store, filters, limit=paging.limit, offset=paging.offset))
