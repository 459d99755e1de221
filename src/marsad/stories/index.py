"""Incremental story assignment in memory: each new article joins the best story within the time window, or starts one.

No article is ever re-clustered. A new article is compared only with the articles of the window
(WINDOW_DAYS either side of its date) that share a term with it, found through an inverted index,
so its cost grows with the number of articles in the window, not with the size of the store.

A story's score for the new article is its best link: the highest cosine between the article and
any member (single link, restricted to the window and cut at `threshold`). Centroid and mean-link
scores are there to compare (eval/stories/evaluate.py). A copy (copies.CopyIndex) always joins the
story of the text it copies and points at the earliest article of its copy group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from datasketch import MinHash

from .copies import CopyIndex, signature
from .features import ArticleFeatures, dates_conflict, similarity

WINDOW_DAYS = 3
# Heaviest terms two articles must share before their cosine is computed: one shared word is
# common between unrelated reports, and reports of one story share several names and words.
MIN_SHARED = 2
# Days from a story's first article to its last. Best link chains: over three weeks of Saudi news,
# each day's royal-court items linked to the day before grew one story to 455 articles. A story
# that runs longer goes on as a new one; so does a copy of one of its texts printed later.
MAX_SPAN_DAYS = 3
THRESHOLD = 0.4
Link = Literal["best", "centroid", "mean"]


@dataclass(slots=True)
class Assignment:
    """Where an article went: its story, the article it copies (None if original), and the copies re-pointed to it."""

    article_id: str
    story_id: str
    copy_of: str | None
    new_story: bool
    repointed: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Entry:
    features: ArticleFeatures
    story_id: str
    copy_of: str | None


@dataclass(slots=True)
class _Story:
    centroid: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first_day: int = 0
    last_day: int = 0


class StoryIndex:
    """The articles of the window with their stories; `assign` places a new one, `load` restores stored ones."""

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        window_days: int = WINDOW_DAYS,
        max_span_days: int = MAX_SPAN_DAYS,
        link: Link = "best",
        copies: CopyIndex | None = None,
        score: Callable[[ArticleFeatures, ArticleFeatures], float] = similarity,
    ) -> None:
        self.threshold = threshold
        self.score = score  # how two articles of the window compare (another is tried in eval/stories/semantic.py)
        self.window_days = window_days
        self.max_span_days = max_span_days
        self.link = link
        self.copies = copies if copies is not None else CopyIndex()
        self.entries: dict[str, _Entry] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.stories: dict[str, _Story] = defaultdict(_Story)
        # Copy group root -> its copies, so that an earlier-dated root arriving late can take them over.
        self.copy_groups: dict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.entries

    # Placing a new article -------------------------------------------------------------------

    def assign(self, features: ArticleFeatures) -> Assignment:
        """Place a new article: into the story of the text it copies, else the best story above threshold, else a new one."""
        minhash = signature(features.shingles)
        # Another day's issue of a daily bulletin shares its template, not its text: not a copy.
        copy = self.copies.best_match(
            features.shingles,
            minhash,
            opening=features.opening,
            excluded=lambda key: dates_conflict(features, self.entries[key].features),
        )
        if copy is not None and not self._within_span(self.entries[copy[0]].story_id, features.day):
            # A text reprinted long after its story: a copy only within a story, so it starts a new one.
            copy = None
        repointed: list[str] = []
        if copy is not None:
            match = self.entries[copy[0]]
            root_id = match.copy_of or copy[0]
            root = self.entries.get(root_id)  # None once the root has left the window
            story_id = match.story_id
            if root is not None and _earlier(features, root.features):
                repointed = self._take_over(root_id, features.id)
                copy_of = None
            else:
                copy_of = root_id
            new_story = False
        else:
            copy_of = None
            best = self.best_story(features)
            new_story = best is None
            story_id = features.id if best is None else best[0]
        self._add(features, story_id, copy_of, minhash)
        return Assignment(features.id, story_id, copy_of, new_story, repointed)

    def best_story(self, features: ArticleFeatures) -> tuple[str, float] | None:
        """The story scoring highest for `features` at or above the threshold, with its score,
        among those the article would not stretch past MAX_SPAN_DAYS."""
        scores = {story_id: score for story_id, score in self.story_scores(features).items() if self._within_span(story_id, features.day)}
        if not scores:
            return None
        story_id, score = max(scores.items(), key=lambda item: (item[1], item[0]))
        return (story_id, score) if score >= self.threshold else None

    def _within_span(self, story_id: str, day: int) -> bool:
        """Whether the story, with an article of `day` added, still spans at most max_span_days."""
        story = self.stories[story_id]
        return max(day, story.last_day) - min(day, story.first_day) <= self.max_span_days

    def story_scores(self, features: ArticleFeatures) -> dict[str, float]:
        """Each story with a member in the window sharing a term: its best-link, centroid or mean-link score."""
        similar = self.similarities(features)
        if self.link == "best":
            scores: dict[str, float] = {}
            for article_id, similarity in similar.items():
                story_id = self.entries[article_id].story_id
                if similarity > scores.get(story_id, 0.0):
                    scores[story_id] = similarity
            return scores
        if self.link == "mean":
            sums: dict[str, float] = defaultdict(float)
            for article_id, similarity in similar.items():
                sums[self.entries[article_id].story_id] += similarity
            return {story_id: total / self.stories[story_id].size for story_id, total in sums.items()}
        candidates = {self.entries[article_id].story_id for article_id in similar}
        return {story_id: _cosine_to_centroid(features.vector, self.stories[story_id].centroid) for story_id in candidates}

    def similarities(self, features: ArticleFeatures) -> dict[str, float]:
        """Cosine with the articles of the window that share at least MIN_SHARED of their INDEX_TERMS
        heaviest terms with this article's (the others are taken to score below any threshold)."""
        low, high = features.day - self.window_days, features.day + self.window_days
        entries = self.entries
        shared: dict[str, int] = defaultdict(int)
        for term in features.top_terms:
            for article_id in self.postings.get(term, ()):
                shared[article_id] += 1
        scores = {}
        for article_id, count in shared.items():
            if count < MIN_SHARED:
                continue
            other = entries[article_id].features
            if low <= other.day <= high:
                scores[article_id] = self.score(features, other)
        return scores

    # Keeping the index ----------------------------------------------------------------------

    def load(self, features: ArticleFeatures, *, story_id: str, copy_of: str | None) -> None:
        """Restore an article already placed (read back from the store)."""
        if features.id not in self.entries:
            self._add(features, story_id, copy_of)

    def _add(self, features: ArticleFeatures, story_id: str, copy_of: str | None, minhash: MinHash | None = None) -> None:
        self.entries[features.id] = _Entry(features, story_id, copy_of)
        for term in features.top_terms:
            self.postings[term].append(features.id)
        story = self.stories[story_id]
        story.first_day = features.day if story.size == 0 else min(story.first_day, features.day)
        story.last_day = features.day if story.size == 0 else max(story.last_day, features.day)
        story.size += 1
        if self.link == "centroid":  # the other links never read it, and it costs a pass over every term
            for term, value in features.vector.items():
                story.centroid[term] = story.centroid.get(term, 0.0) + value
        self.copies.add(features.id, features.shingles, minhash, opening=features.opening)
        if copy_of is not None:
            self.copy_groups[copy_of].append(features.id)

    def _take_over(self, root_id: str, new_root: str) -> list[str]:
        """An article dated before its group's root arrived late: it becomes the root, and the copies point at it."""
        members = [root_id, *self.copy_groups.pop(root_id, [])]
        for member in members:
            self.entries[member].copy_of = new_root
        self.copy_groups[new_root] = members
        return members

    def evict_days(self, days: set[int]) -> int:
        """Forget the articles dated on `days` (outside every window to come); how many went."""
        gone = [article_id for article_id, entry in self.entries.items() if entry.features.day in days]
        for article_id in gone:
            self._forget(article_id)
        return len(gone)

    def _forget(self, article_id: str) -> None:
        entry = self.entries.pop(article_id)
        for term in entry.features.top_terms:
            posting = self.postings[term]
            posting.remove(article_id)
            if not posting:
                del self.postings[term]
        story = self.stories[entry.story_id]
        story.size -= 1
        if story.size <= 0:
            del self.stories[entry.story_id]
        elif self.link == "centroid":
            for term, value in entry.features.vector.items():
                story.centroid[term] = story.centroid.get(term, 0.0) - value
        self.copies.remove(article_id)
        self.copy_groups.pop(article_id, None)
        if entry.copy_of is not None and article_id in self.copy_groups.get(entry.copy_of, ()):
            self.copy_groups[entry.copy_of].remove(article_id)

    def members(self) -> Iterator[tuple[str, str, str | None]]:
        """(article id, story id, copy_of) of every article in the index."""
        for article_id, entry in self.entries.items():
            yield article_id, entry.story_id, entry.copy_of


def _earlier(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    return (a.day, a.order) < (b.day, b.order)


def _cosine_to_centroid(vector: dict[str, float], centroid: dict[str, float]) -> float:
    norm = sum(value * value for value in centroid.values()) ** 0.5
    if not norm:
        return 0.0
    return sum(value * centroid.get(term, 0.0) for term, value in vector.items()) / norm


def assign_all(index: StoryIndex, articles: Iterable[ArticleFeatures]) -> list[Assignment]:
    """Place articles one by one, in the order given (their arrival order)."""
    return [index.assign(features) for features in articles]
