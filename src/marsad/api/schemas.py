"""Pydantic schemas of the HTTP API: the analysis contract (see `marsad.document.doc_to_dict`).

Lists of quotes, events and search hits are the store's own records (`marsad.store.records`,
dataclasses that FastAPI validates as they are): one definition, so no field is lost between them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    # The analysis contract may grow fields; the API passes them through rather than failing.
    model_config = ConfigDict(extra="allow")


class SpanText(_Open):
    start: int
    end: int
    text: str | None = None


class Entity(SpanText):
    label: str
    entity_id: str | None = None


class Mention(_Open):
    start: int
    end: int


class Speaker(_Open):
    name: str | None
    entity_id: str | None = None
    type: str
    mentions: list[Mention] = []


class Quote(SpanText):
    direct: bool
    cue: SpanText | None = None
    speaker: Speaker


class Place(SpanText):
    name: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    confidence: float = 1.0


class DateMention(SpanText):
    value: str | None = None


class Actor(_Open):
    name: str
    entity_id: str | None = None
    start: int | None = None
    end: int | None = None


class Event(_Open):
    type: str
    trigger: SpanText
    sentence: Mention
    modality: str
    source: Actor | None = None
    target: Actor | None = None
    place: int | None = None
    date: str | None = None


class Topic(_Open):
    label: str
    scores: dict[str, float] = {}


class Meta(_Open):
    title: str | None = None
    date: str | None = None
    source: str | None = None
    encoding: str | None = None


class Analysis(_Open):
    """One analyzed article: the JSON output contract."""

    id: str
    text: str
    meta: Meta
    entities: list[Entity] = []
    quotes: list[Quote] = []
    places: list[Place] = []
    dates: list[DateMention] = []
    events: list[Event] = []
    topic: Topic | None = None
    boilerplate: list[Mention] = []
    # Once the article is placed in a story, the stored analysis also has "story": {"id", "copy_of"}
    # (passed through as an extra field, so that an article in no story has no such key).


class ArticleItem(BaseModel):
    id: str
    title: str | None
    date: str | None
    source: str | None


class ErrorDetail(BaseModel):
    detail: str


class StoryArticle(BaseModel):
    id: str
    source: str | None
    date: str
    copy_of: str | None  # the id of the earliest article whose text this one reprints


class Story(BaseModel):
    id: str
    title: str | None
    start: str
    end: str
    articles: list[StoryArticle]
    speakers: list[str]
    places: list[str]


class StoryPage(BaseModel):
    total: int  # stories in the date range, all pages together
    offset: int
    limit: int
    stories: list[Story]
