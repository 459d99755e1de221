"""`/api/search`: one page of articles matching a query, narrowed by facets, with the total."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query

from ...store import Store
from ...store.records import SearchResults
from ..deps import get_store

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("", response_model=SearchResults, responses={422: {"description": "a bad date or parameter"}})
def search(
    store: Annotated[Store, Depends(get_store)],
    q: Annotated[str, Query(description="search words, all must match; hamza, alef forms and diacritics are ignored")],
    date_from: Annotated[str | None, Query(alias="from", description="dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="dated on or before (a month or year means its end)")] = None,
    source: Annotated[str | None, Query(description="the article's source, as ingested")] = None,
    topic: Annotated[str | None, Query(description="the article's topic label")] = None,
    speaker: Annotated[str | None, Query(description="a speaker quoted in the article ('لافروف')")] = None,
    place: Annotated[str | None, Query(description="a place named in the article, Arabic or English")] = None,
    sort: Annotated[Literal["date", "relevance"], Query(description="newest first, or best first among the newest matches (words in very many articles narrow the match without being scored)")] = "date",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> SearchResults:
    """Hits newest (or best) first with snippets and highlight offsets, `total` (estimated above 10,000 matches, `total_estimated`)."""
    try:
        return store.search(
            q, limit, offset=offset, sort=sort, date_from=date_from, date_to=date_to, source=source, topic=topic, speaker=speaker, place=place
        )
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
