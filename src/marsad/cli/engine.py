"""`--engine`, `--scheduler`, `--workers`: the options of the commands that can run a batch on Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from distributed import Client

F = TypeVar("F", bound=Callable[..., Any])
IN_PROCESS = "in-process"
DASK = "dask"


def engine_options(function: F) -> F:
    """Adds `--engine in-process|dask`, `--scheduler ADDRESS` and `--workers N` (keyword arguments of the same names)."""
    options = [
        click.option(
            "--engine",
            type=click.Choice([IN_PROCESS, DASK]),
            default=IN_PROCESS,
            show_default=True,
            help="Where the analysis runs: in this process, or on Dask workers (needs `pip install 'marsad[dask]'`).",
        ),
        click.option("--scheduler", metavar="ADDRESS", default=None, help="With --engine dask: a running Dask scheduler, e.g. tcp://host:8786."),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="With --engine dask and no --scheduler: worker processes of the local cluster [default: one per CPU].",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@contextmanager
def dask_client(engine: str, scheduler: str | None, workers: int | None) -> Iterator[Client | None]:
    """The Dask client the options ask for, or None for the in-process engine; problems are clean CLI errors."""
    if engine != DASK:
        if scheduler or workers:
            raise click.UsageError("--scheduler and --workers need --engine dask")
        yield None
        return
    if scheduler and workers:
        raise click.UsageError("--workers sizes a local cluster; with --scheduler, start the workers with `dask worker`")
    from ..batch import BatchError, open_client

    try:
        with open_client(scheduler, workers=workers) as client:
            yield client
    except BatchError as error:
        raise click.ClickException(str(error)) from error


def ner_option(function: F) -> F:
    """Adds `--ner default|accurate` (keyword argument `ner_model`)."""
    return click.option(
        "--ner",
        "ner_model",
        type=click.Choice(["default", "accurate"]),
        default="default",
        show_default=True,
        help="The NER model: the fast default, or the accurate one (a fine-tuned encoder: +2.9 F1 on dev, about 2 articles/s; in-process only).",
    )(function)


def check_ner_engine(ner_model: str, engine: str) -> None:
    # Dask workers build the default pipeline; the accurate model is for small, careful runs.
    if ner_model != "default" and engine != IN_PROCESS:
        raise click.UsageError("--ner accurate runs in-process only; drop --engine dask")


def time_limit_option(function: F) -> F:
    """Adds `--time-limit SECONDS` (keyword argument `time_limit`: None when 0)."""
    from ..limits import DEFAULT_TIME_LIMIT_S

    return click.option(
        "--time-limit",
        "time_limit",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIME_LIMIT_S,
        show_default=True,
        callback=lambda ctx, param, value: value or None,
        help="Seconds one article may take; a slower one is reported as failed and the batch goes on (0: no limit; Dask workers use the default).",
    )(function)
