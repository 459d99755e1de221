"""Stories kept in a store: each article placed as it is stored, the index's window read back from the store as needed."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from ..store import Store
from ..load import Outcome
from ..store.stories import Placement
from .features import article_day, featurize
from .index import THRESHOLD, WINDOW_DAYS, Assignment, Link, StoryIndex
from .weights import Weights, default_weights

LOGGER = logging.getLogger(__name__)
# Placements written per transaction: a commit costs a disk sync, several times the placing itself.
BATCH = 64


class StoryAssigner:
    """Places stored articles into the store's stories, one at a time, in the order they come.

    Only the days around the article being placed are held in memory (its window, read back from
    the store the first time they are needed); days far from the articles coming in are let go.
    Placements are written in batches: use it as a context manager, or call `flush` at the end.
    An article placed but not yet written is in no story if the process dies; the next
    `place_unplaced` places it.
    """

    def __init__(
        self,
        store: Store,
        *,
        threshold: float = THRESHOLD,
        window_days: int = WINDOW_DAYS,
        link: Link = "best",
        weights: Weights | None = None,
        batch: int = BATCH,
    ) -> None:
        self.store = store
        self.index = StoryIndex(threshold=threshold, window_days=window_days, link=link)
        self.weights = weights or default_weights()
        self.batch = batch
        self.pending: list[Placement] = []
        self.loaded_days: set[int] = set()
        self.current_day: int | None = None
        store.ensure_story_tables()

    def __enter__(self) -> StoryAssigner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.flush()

    def place(self, pk: int, analysis: dict, *, ingested_at: str | None = None) -> Assignment:
        """Place one stored article (its primary key and analysis); written with the next `flush`."""
        day = article_day(analysis, default=_day_of(ingested_at))
        self._hold(day)
        features = featurize(analysis, day=day, order=pk, weights=self.weights)
        assignment = self.index.assign(features)
        self.pending.append(
            Placement(
                features.id, assignment.story_id, assignment.copy_of, date.fromordinal(day).isoformat(), pk, features.title, assignment.repointed
            )
        )
        if len(self.pending) >= self.batch:
            self.flush()
        return assignment

    def flush(self) -> None:
        """Write the placements made since the last flush, in one transaction."""
        pending, self.pending = self.pending, []
        self.store.place_articles(pending)

    def place_unplaced(self, *, article_id: str | None = None) -> Iterator[Assignment]:
        """Place every stored article that is in no story yet (or just `article_id`), by date."""
        for pk, analysis, ingested_at in self.store.unplaced(article_id=article_id):
            if analysis.get("id") in self.index:  # placed, not yet flushed
                continue
            yield self.place(pk, analysis, ingested_at=ingested_at)

    def _hold(self, day: int) -> None:
        """Have the window around `day` in memory; let go of days beyond two windows from it."""
        window = self.index.window_days
        if day != self.current_day:
            self.current_day = day
            far = [held for held in self.loaded_days if abs(held - day) > 2 * window]
            if far:
                self.loaded_days.difference_update(far)
                self.index.evict_days(set(far))
        missing = [d for d in range(day - window, day + window + 1) if d not in self.loaded_days]
        if not missing:
            return
        self.flush()  # what is read back must include what this assigner placed
        first, last = date.fromordinal(min(missing)).isoformat(), date.fromordinal(max(missing)).isoformat()
        for placed in self.store.placed_between(first, last):
            placed_day = date.fromisoformat(placed.date).toordinal()
            if placed_day in missing and placed.analysis.get("id") not in self.index:
                features = featurize(placed.analysis, day=placed_day, order=placed.ord, weights=self.weights)
                self.index.load(features, story_id=placed.story_id, copy_of=placed.copy_of)
        self.loaded_days.update(missing)


def follow(assigner: StoryAssigner, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """Pass ingest outcomes through, placing each newly stored article in its story as it goes;
    the last placements are written when the outcomes end.

    An article that cannot be placed stays stored, in no story, and is logged; `marsad stories
    --update` places it later.
    """
    try:
        for outcome in outcomes:
            if outcome.status == "new" and outcome.article_id is not None:
                try:
                    for _ in assigner.place_unplaced(article_id=outcome.article_id):
                        pass
                except Exception:  # a story bug must not cost the batch its articles, which are stored
                    LOGGER.warning("could not place %s in a story", outcome.article_id, exc_info=True)
            yield outcome
    finally:
        assigner.flush()


def _day_of(timestamp: str | None) -> date:
    if timestamp:
        try:
            return datetime.fromisoformat(timestamp).date()
        except ValueError:
            pass
    return date.today()
