"""Stories across outlets and wire copies: articles placed as they arrive, reading and writing through the store.

`StoryAssigner(store)` places stored articles (`place`, `place_unplaced`); `follow` does it for an
ingest's outcomes. `StoryIndex` is the in-memory part, with no store (used by the evaluation).
"""

from .assign import StoryAssigner, follow
from .features import ArticleFeatures, featurize
from .index import THRESHOLD, WINDOW_DAYS, Assignment, StoryIndex

__all__ = ["THRESHOLD", "WINDOW_DAYS", "ArticleFeatures", "Assignment", "StoryAssigner", "StoryIndex", "featurize", "follow"]
