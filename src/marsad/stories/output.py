"""A story as the JSON the CLI and the API give: {"id", "title", "start", "end", "articles", "speakers", "places"}."""

from __future__ import annotations

from typing import Any

from ..store.stories import Story


def story_to_dict(story: Story) -> dict[str, Any]:
    """The story contract; `articles` are {"id", "source", "date", "copy_of"}, by date and arrival."""
    return {
        "id": story.id,
        "title": story.title,
        "start": story.start,
        "end": story.end,
        "articles": [{"id": article.id, "source": article.source, "date": article.date, "copy_of": article.copy_of} for article in story.articles],
        "speakers": list(story.speakers),
        "places": list(story.places),
    }
