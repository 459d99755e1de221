"""`marsad serve`: the web pages and JSON API over a database."""

from __future__ import annotations

import click

from .common import db_option, open_store


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the articles in the database: HTML at /, JSON at /api (docs at /docs)."""
    import uvicorn

    from ..api import create_app

    with open_store(db_path) as store:
        shown = store.path  # a URL without its password
    click.echo(f"serving {shown} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")
