"""`/api/speakers`: identities by number of quotes, and one identity with its spellings and aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response

from ...store import Store, listing
from ...store.listing import SpeakerRecord
from ..deps import get_store
from ..facets import TOTAL_DOC, FacetParams, PageParams, facet_params, page_params, with_total
from ..schemas import ErrorDetail

router = APIRouter(prefix="/api/speakers", tags=["speakers"])
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("", response_model=list[SpeakerRecord], responses={200: TOTAL_DOC})
def list_speakers(
    response: Response, store: StoreDep, facets: Annotated[FacetParams, Depends(facet_params)], paging: Annotated[PageParams, Depends(page_params)]
) -> list[SpeakerRecord]:
    """Speakers, most quoted first, counted in the articles the facets keep; X-Total-Count says how many."""
    filters = listing.Filters(**facets.as_filters())
    return with_total(response, listing.speakers(store, filters, limit=paging.limit, offset=paging.offset))


@router.get("/{key}", response_model=SpeakerRecord, responses={404: {"model": ErrorDetail}})
def get_speaker(key: str, store: StoreDep, facets: Annotated[FacetParams, Depends(facet_params)]) -> SpeakerRecord:
    """One identity by key (as `/api/speakers` lists it; an alias gives the identity it is read as)."""
    record = listing.speaker(store, key, listing.Filters(**facets.as_filters()))
    if record is None:
        raise HTTPException(status_code=404, detail=f"no speaker with key {key!r}")
    return record
