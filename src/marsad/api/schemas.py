"""Pydantic schemas of the HTTP API: the analysis contract (see `marsad.document.doc_to_dict`) and store records."""

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


class ArticleItem(BaseModel):
    id: str
    title: str | None
    date: str | None
    source: str | None


class SearchHit(BaseModel):
    id: str
    title: str | None
    date: str | None
    source: str | None
    score: float
    snippet: str
    snippet_start: int
    text_length: int
    highlights: list[tuple[int, int]]


class QuoteItem(BaseModel):
    article_id: str
    article_title: str | None
    date: str | None
    start: int
    end: int
    text: str
    direct: bool
    speaker_name: str | None
    speaker_type: str
    entity_id: str | None


class EventItem(BaseModel):
    article_id: str
    date: str | None
    type: str
    modality: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    source_actor: str | None
    target_actor: str | None
    place: str | None
    place_text: str | None
    lat: float | None
    lon: float | None


class ErrorDetail(BaseModel):
    detail: str
