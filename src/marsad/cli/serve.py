"""`marsad serve`: the web pages and JSON API over a database."""

from __future__ import annotations

import click

from .common import db_option, open_store


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--token",
    envvar="MARSAD_TOKEN",
    default=None,
    help="Access token every request must carry ('Authorization: Bearer TOKEN'; a browser opens a page once with ?token=TOKEN"
    " and keeps a cookie) [default: $MARSAD_TOKEN, else none].",
)
def serve(db_path: str, host: str, port: int, token: str | None) -> None:
    """Serve the articles in the database: HTML at /, JSON at /api (docs at /docs)."""
    import uvicorn

    from ..api import create_app
    from ..api.security import Messages, is_loopback

    if token is not None and not token.strip():
        raise click.UsageError(Messages.EMPTY_TOKEN)
    if token is None and not is_loopback(host):
        click.echo(Messages.NO_TOKEN_BEYOND_LOOPBACK.format(host=host), err=True)
    with open_store(db_path) as store:
        shown = store.path  # a URL without its password
    click.echo(f"serving {shown} on http://{host}:{port}/" + (" (open it once with ?token=TOKEN)" if token else ""), err=True)
    uvicorn.run(create_app(db_path, token=token), host=host, port=port, log_level="warning")
