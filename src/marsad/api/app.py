"""The FastAPI application: JSON API under /api, HTML pages at / and /articles/{id}."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import open_store
from ..store.queries import QueryError
from .routers import articles, events, pages, quotes, stories
from .security import SecurityMiddleware

STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """An app serving the store at `db` (SQLite file or PostgreSQL URL), which must exist (create it with `marsad ingest`).

    With `token`, every route asks for it (see `api.security`); security headers are always sent."""
    open_store(db, create=False).close()  # fail now, with a clear message, rather than on the first request
    app = FastAPI(title="Marsad", version=__version__, description="Arabic news analyzed into entities, quotes, places, dates and events.")
    app.state.db = str(db)
    for router in (articles.router, quotes.router, events.router, stories.router, pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(QueryError, _bad_query)
    app.add_middleware(SecurityMiddleware, token=token)
    return app


async def _bad_query(request: Request, error: Exception) -> JSONResponse:
    # What the store refuses is the request's fault (a query too long to run), not the server's.
    return JSONResponse({"detail": str(error)}, status_code=400)
