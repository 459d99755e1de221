"""`/api/articles`: list and search articles, fetch one analysis."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from ...store import Store
from ...store.queries import MAX_QUERY_CHARS
from ...store.records import SearchHit
from .. import schemas
from ..deps import get_store

router = APIRouter(prefix="/api/articles", tags=["articles"])
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("", response_model=list[SearchHit] | list[schemas.ArticleItem])
def list_articles(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="search words; hamza, alef forms and diacritics are ignored")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[SearchHit] | list[schemas.ArticleItem]:
    """Articles matching `q` (best first, with snippet and highlight offsets), or the latest articles."""
    if q:
        return store.search(q, limit)
    return [schemas.ArticleItem(id=info.id, title=info.title, date=info.date, source=info.source) for info in store.articles(limit=limit)]


@router.get("/{article_id:path}", response_model=schemas.Analysis, responses={404: {"model": schemas.ErrorDetail}})
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The full analysis JSON of one article."""
    analysis = store.get(article_id)
    if analysis is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    return analysis
