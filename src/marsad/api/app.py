"""The FastAPI application: JSON API under /api, HTML pages at / and /articles/{id}."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import open_store
from ..store.pool import StorePool
from ..store.queries import QueryError
from ..web import errors as web_errors
from .routers import articles, docs, events, geo, pages, people, quotes, search, speakers, stories, story_pages, timeline
from .security import SecurityMiddleware


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """An app serving the store at `db` (SQLite file or PostgreSQL URL), which must exist (create it with `marsad ingest`).

    With `token`, every route asks for it (see `api.security`); security headers are always sent."""
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
    api = (articles.router, search.router, quotes.router, speakers.router, events.router, stories.router, timeline.router)
    for router in (*api, pages.router, people.router, geo.router, story_pages.router, docs.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("marsad.web", "static")]), name="static")
    web_errors.install(app)
    app.add_exception_handler(QueryError, _bad_query)
    app.add_middleware(SecurityMiddleware, token=token)
    return app


async def _bad_query(request: Request, error: Exception) -> JSONResponse:
    # What the store refuses is the request's fault (a query too long to run), not the server's.
    return JSONResponse({"detail": str(error)}, status_code=400)
