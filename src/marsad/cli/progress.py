"""A progress bar for long commands (`ingest`, `analyze`): rate and ETA on a terminal, silent otherwise.

The bar goes to stderr, and only when stderr is a terminal: a log file or a pipe gets the
command's own messages and nothing else. The total, for the ETA, is counted up front where that
is cheap (files, folders, JSONL lines) and left open where it is not (stdin, feeds).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from tqdm import tqdm

from ..ingest.sources import KINDS, STDIN

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
# Redraw at most twice a second: the bar must cost nothing next to ~10 ms of analysis per article.
MIN_INTERVAL_S = 0.5


class Progress:
    """Counts items as they pass (`track`) and prints messages without tearing the bar (`note`)."""

    def __init__(self, *, total: int | None, unit: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _is_terminal(self.stream)
        self.bar: tqdm | None = (
            tqdm(total=total, unit=f" {unit}", file=self.stream, mininterval=MIN_INTERVAL_S, dynamic_ncols=True, leave=True)
            if enabled
            else None
        )

    def track(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            if self.bar is not None:
                self.bar.update(1)

    def note(self, message: str) -> None:
        """One line for the user on the bar's stream, above the bar when there is one."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def progress_option(function: F) -> F:
    """Adds `--progress/--no-progress` (keyword argument `progress`: None lets the terminal decide)."""
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Show a progress bar with rate and ETA on stderr [default: when stderr is a terminal].",
    )(function)


def wants_bar(progress: bool | None, stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: as asked, else when the stream (stderr) is a terminal."""
    return progress if progress is not None else _is_terminal(stream if stream is not None else sys.stderr)


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def count_inputs(paths: Iterable[str | os.PathLike[str]], *, jsonl: bool = False) -> int | None:
    """How many items `iter_articles(paths)` will yield, when cheap to know; None for stdin or a feed.

    With `jsonl`, every file is read as JSONL whatever its extension (`marsad analyze --jsonl`).
    """
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            return None
        path = Path(raw)
        files = (
            [
                child
                for child in sorted(path.rglob("*"))
                if child.is_file() and child.suffix.lower() in KINDS and not any(part.startswith(".") for part in child.relative_to(path).parts)
            ]
            if path.is_dir()
            else [path]
        )
        for file in files:
            kind = "jsonl" if jsonl else KINDS.get(file.suffix.lower())
            if kind == "feed":
                return None
            total += _lines(file) if kind == "jsonl" else 1
    return total


def _lines(path: Path) -> int:
    """Non-blank lines of a JSONL file (one record each), read in binary without decoding."""
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # the reader reports it as one failed item
