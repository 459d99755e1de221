"""`marsad watch`: poll feeds and pages on an interval and ingest what is new, until interrupted."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..watch import Round, Watcher
from ..watch.watcher import DEFAULT_INTERVAL_S
from .common import db_option, open_store
from .engine import time_limit_option
from .ingest import _pipeline_analyzer


@click.command()
@db_option
@click.argument("sources", nargs=-1, required=True, metavar="URL...")
@click.option("--interval", type=click.FloatRange(min=1), default=DEFAULT_INTERVAL_S, show_default=True, help="Seconds between rounds.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many rounds [default: run until interrupted].")
@time_limit_option
def watch(db_path: str, sources: tuple[str, ...], interval: float, rounds: int | None, time_limit: float | None) -> None:
    """Poll the RSS/Atom feeds and pages at URL... every --interval seconds and store what is new.

    Texts already stored are skipped without analysis, so each round costs little. A source that
    cannot be fetched and an item that cannot be read or analyzed are reported on stderr and the
    watch goes on. Ctrl-C or SIGTERM stops it after the article being analyzed (exit status 0).
    """
    analyze = _pipeline_analyzer("default", time_limit)
    with open_store(db_path, create=True) as store:
        watcher = Watcher(store, sources, analyze=analyze, interval=interval)
        try:
            with _stop_on_signals(watcher):
                done = watcher.run(rounds=rounds, report=_report)
        finally:
            close = getattr(analyze, "close", None)
            if close is not None:
                close()
    click.echo(f"marsad watch: stopped after {done} round{'s' if done != 1 else ''}", err=True)


def _report(done: Round) -> None:
    for message in done.errors:
        click.echo(f"marsad watch: {message}", err=True)
    counts = done.counts
    unreachable = f", {counts['unreachable']} unreachable" if counts["unreachable"] else ""
    click.echo(f"round {done.number}: {counts['new']} new, {counts['duplicate']} duplicate, {counts['failed']} failed{unreachable}", err=True)


@contextmanager
def _stop_on_signals(watcher: Watcher) -> Iterator[None]:
    """SIGINT and SIGTERM ask the watcher to stop (it finishes the current article); the old handlers come back after."""
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda signum, frame: watcher.stop()) for number in handled}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
