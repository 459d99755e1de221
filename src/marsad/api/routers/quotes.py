"""`/api/quotes`: who said what, by speaker identity (spellings folded) and facets, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from ...identities.resolve import speaker_filters
from ...store import Store, listing
from ...store.queries import MAX_QUERY_CHARS
from ...store.records import QuoteRecord
from ..deps import get_store
from ..facets import TOTAL_DOC, FacetParams, PageParams, facet_params, page_params, with_total

router = APIRouter(prefix="/api/quotes", tags=["quotes"])


@router.get("", response_model=list[QuoteRecord], responses={200: TOTAL_DOC})
def list_quotes(
    response: Response,
    store: Annotated[Store, Depends(get_store)],
    facets: Annotated[FacetParams, Depends(facet_params)],
    paging: Annotated[PageParams, Depends(page_params)],
    speaker: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a speaker's name or part of it; 'ترمب' finds 'ترامب'")] = None,
) -> list[QuoteRecord]:
    """Quotes by `speaker` (through identities) and the facets given, oldest first; X-Total-Count says how many match."""
    filters = speaker_filters(store, speaker, **facets.as_filters())
    return with_total(response, listing.quotes(store, filters, limit=paging.limit, offset=paging.offset))
