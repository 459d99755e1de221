"""Facet and paging query parameters shared by the list endpoints, and the total-count header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query, Response

from ..store.listing import Page
from ..store.queries import MAX_QUERY_CHARS

TOTAL_HEADER = "X-Total-Count"
MAX_LIMIT = 1000
TOTAL_DOC = {"headers": {TOTAL_HEADER: {"description": "matches in all, across pages", "schema": {"type": "integer"}}}}


@dataclass(slots=True)
class FacetParams:
    """`from`, `to`, `source`, `topic`, `place`: the facets every list endpoint takes."""

    date_from: str | None
    date_to: str | None
    source: str | None
    topic: str | None
    place: str | None

    def as_filters(self) -> dict[str, str | None]:
        return {"date_from": self.date_from, "date_to": self.date_to, "source": self.source, "topic": self.topic, "place": self.place}


def facet_params(
    date_from: Annotated[date | None, Query(alias="from", description="articles dated on or after this day (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="articles dated on or before this day (YYYY-MM-DD)")] = None,
    source: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="the outlet, as ingested")] = None,
    topic: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="the article's topic, e.g. economy")] = None,
    place: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="a place: English name or Arabic, any spelling")] = None,
) -> FacetParams:
    return FacetParams(date_from.isoformat() if date_from else None, date_to.isoformat() if date_to else None, source, topic, place)


@dataclass(slots=True)
class PageParams:
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 50,
    offset: Annotated[int, Query(ge=0, description="skip this many matches")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


def with_total(response: Response, page: Page) -> list:
    """The page's items as the body; the total of matches in the X-Total-Count header."""
    response.headers[TOTAL_HEADER] = str(page.total)
    return page.items
