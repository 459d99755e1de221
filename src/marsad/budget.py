"""The per-article time budget: a runaway article becomes a reported error, not a stalled batch.

How it stops an article, and why so:
  * Between pipeline stages, always: the clock is read after the tokenizer and after each stage,
    and an article over its budget raises `ArticleTimeout` there. This is safe everywhere (Dask
    worker threads, the API's thread pool) because no stage is ever cut in the middle, so no cache
    or spaCy state is left half-written. Every stage is linear in the article's length and
    articles are capped (`marsad.limits`), so a stage cannot itself run for long
    (`bench/adversarial.py`); the check bounds what a slow stage can add to the next ones.
  * Inside a stage, only in the main thread: a SIGALRM timer raises `ArticleTimeout` where the
    stage is, as a backstop for a stage that runs away after all (a bug, a pathological regex).
    Signals reach only the main thread, and the timer is not set when the process already uses
    SIGALRM or an interval timer (a test runner's timeout, say), so it never steals one.
    A stage cut short may leave a per-process cache half-filled; the batch analyzer therefore
    starts a fresh spaCy memory zone after a timeout (see `pipeline.BatchAnalyzer`).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import Errors, MarsadError


class ArticleTimeout(MarsadError):
    """An article whose analysis ran over its time budget."""


class Deadline:
    """The clock of one article; `stage` names what runs now, for the message."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or None
        self.started = time.monotonic()
        self.stage = "tokenizer"
        self.armed = False  # True while the SIGALRM backstop may fire

    def check(self) -> None:
        """Raise ArticleTimeout if the budget is spent (called between stages)."""
        if self.seconds is not None and time.monotonic() - self.started > self.seconds:
            raise self.timeout()

    def timeout(self) -> ArticleTimeout:
        elapsed = time.monotonic() - self.started
        return ArticleTimeout(Errors.E007.format(seconds=elapsed, stage=self.stage, limit=self.seconds))


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Deadline]:
    """A Deadline for one article; in the main thread, with the SIGALRM backstop armed for the block."""
    deadline = Deadline(seconds)
    if deadline.seconds is None or not _may_use_alarm():
        yield deadline
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if deadline.armed:
            deadline.armed = False
            raise deadline.timeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    deadline.armed = True
    signal.setitimer(signal.ITIMER_REAL, deadline.seconds)
    try:
        yield deadline
    finally:
        deadline.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _may_use_alarm() -> bool:
    """Whether the SIGALRM backstop can run here without taking a timer someone else set."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL)[0] == 0
