"""The FastAPI application: JSON API under /api, HTML pages at / and /articles/{id}."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import open_store
from ..store.pool import StorePool
from ..web import errors as web_errors
from .routers import articles, docs, events, geo, pages, people, quotes, search, story_pages


def create_app(db: str | Path) -> FastAPI:
    """An app serving the store at `db` (SQLite file or PostgreSQL URL), which must exist (create it with `marsad ingest`)."""
    open_store(db, create=False).close()  # fail now, with a clear message, rather than on the first request
    pool = StorePool(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="Marsad", version=__version__, description="Arabic news analyzed into entities, quotes, places, dates and events.", lifespan=lifespan,
        docs_url=None, redoc_url=None,  # /docs is served from the package's own Swagger UI (routers/docs.py), not a CDN
    )
    app.state.db = str(db)
    app.state.pool = pool
    for router in (articles.router, search.router, quotes.router, events.router, pages.router, people.router, geo.router, story_pages.router, docs.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("marsad.web", "static")]), name="static")
    web_errors.install(app)
    return app
