"""The FastAPI application: JSON API under /api, HTML pages at / and /articles/{id}."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from .. import __version__
from ..store import open_store
from .routers import articles, events, pages, quotes, speakers


def create_app(db: str | Path) -> FastAPI:
    """An app serving the store at `db` (SQLite file or PostgreSQL URL), which must exist (create it with `marsad ingest`)."""
    open_store(db, create=False).close()  # fail now, with a clear message, rather than on the first request
    app = FastAPI(title="Marsad", version=__version__, description="Arabic news analyzed into entities, quotes, places, dates and events.")
    app.state.db = str(db)
    for router in (articles.router, quotes.router, speakers.router, events.router, pages.router):
        app.include_router(router)
    return app
