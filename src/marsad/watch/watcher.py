"""The watch loop: every interval, fetch each source, ingest its new articles, report; stop cleanly when asked.

What is new is decided by the store (`marsad.load.load`): a text already stored is a duplicate and is
not analyzed again, so polling the same feed every few minutes costs one hash per item. A source
that cannot be fetched, or an item that cannot be read or analyzed, is one logged error; the round
goes on with the next. `stop()` (from a signal handler or another thread) ends the watch after the
article being analyzed, never in the middle of a store write.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..ingest import Article, IngestError
from ..ingest.sources import read_bytes, sniff_kind
from ..store import Store
from ..load import Analyzer, load
from ..stories import StoryAssigner, follow
from .fetch import FetchError, fetch

LOGGER = logging.getLogger(__name__)
DEFAULT_INTERVAL_S = 300.0


@dataclass(slots=True)
class Round:
    """What one round did: counts of new / duplicate / failed items, and the one-line errors."""

    number: int
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


class Watcher:
    """Polls `sources` (feed or page URLs) into `store`, analyzing with `analyze`."""

    def __init__(
        self,
        store: Store,
        sources: Sequence[str],
        *,
        analyze: Analyzer,
        interval: float = DEFAULT_INTERVAL_S,
        fetcher: Callable[[str], bytes] = fetch,
        stories: bool = True,
    ) -> None:
        self.store = store
        # One assigner for the whole watch: the story window stays in memory between rounds.
        self.assigner = StoryAssigner(store) if stories else None
        self.sources = list(sources)
        self.analyze = analyze
        self.interval = interval
        self.fetcher = fetcher
        self.rounds = 0
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the watch to end: after the current article, or at once while it waits for the next round."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self, *, rounds: int | None = None, report: Callable[[Round], None] | None = None) -> int:
        """Poll until stopped (or `rounds` rounds are done); returns the number of rounds run."""
        while not self.stopping and (rounds is None or self.rounds < rounds):
            done = self.run_once()
            if report is not None:
                report(done)
            if rounds is not None and self.rounds >= rounds:
                break
            self._stop.wait(self.interval)
        return self.rounds

    def run_once(self) -> Round:
        """One round over every source."""
        self.rounds += 1
        done = Round(self.rounds)
        # The analyzer is handed to `load` wrapped, so that `load` does not close it after each
        # round: a long watch keeps one batch analyzer, which recycles spaCy's memory as it goes.
        analyze = self.analyze
        outcomes = load(self.store, self._items(done), analyze=lambda article: analyze(article))
        if self.assigner is not None:
            outcomes = follow(self.assigner, outcomes)  # each new article placed in its story as it is stored
        for outcome in outcomes:
            done.counts[outcome.status] += 1
            if outcome.status == "failed" and outcome.message:
                self._error(done, outcome.message)
        return done

    def _items(self, done: Round) -> Iterator[Article | IngestError]:
        for url in self.sources:
            if self.stopping:
                return
            try:
                data = self.fetcher(url)
            except FetchError as error:
                self._error(done, str(error))
                done.counts["unreachable"] += 1
                continue
            kind = sniff_kind(data)
            # A page is known by its address; feed items by their own links.
            for item in read_bytes(data, source=url, kind=kind, article_id=None if kind == "feed" else url, path=None):
                if self.stopping:
                    return
                yield _with_url(item, url)

    @staticmethod
    def _error(done: Round, message: str) -> None:
        LOGGER.warning("%s", message)
        done.errors.append(message)


def _with_url(item: Article | IngestError, url: str) -> Article | IngestError:
    """An article read from `url`; a page that names no address of its own gets this one."""
    if isinstance(item, Article) and not item.meta.get("url"):
        item.meta["url"] = url
    return item
