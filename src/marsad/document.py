"""The analyzed document: spaCy `Doc` extensions, output records, and the JSON output contract.

Every layer is stored on the `Doc` and every record carries half-open character offsets
(`start <= i < end`) into `doc.text`, which is the original text, never altered.

Layers and where they live:
- entities      `doc.ents` (labels PERS, LOC, ORG, MISC); `span._.entity_id` groups mentions
- quotes        `doc._.quotes`   list[Quote]
- places        `doc._.places`   list[Place]
- dates         `doc._.dates`    list[DateMention]
- events        `doc._.events`   list[Event]
- topic         `doc._.topic`    Topic | None
- structure     `doc.spans["paragraphs"]`, `doc.spans["subheadings"]`, `doc.spans["boilerplate"]`,
                sentences through `doc.sents`
- metadata      `doc._.article_id`, `doc._.meta` (title, date, source, encoding, ...)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import is_
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from .caches import WORD_TYPES

ENTITY_LABELS = ("PERS", "LOC", "ORG", "MISC")
SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "unresolved")
PLACE_KINDS = ("country", "region", "city", "landmark", "other")
EVENT_MODALITIES = ("happened", "announced", "agreed", "demanded", "denied", "hypothetical")


@dataclass(slots=True)
class Mention:
    start: int
    end: int


@dataclass(slots=True)
class Speaker:
    name: str | None  # the fullest form the article gives; None when unresolved
    entity_id: str | None
    type: str  # one of SPEAKER_TYPES
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    start: int  # reported content: inside the marks (direct) or the reported clause (indirect)
    end: int
    direct: bool
    cue: Mention | None
    speaker: Speaker


@dataclass(slots=True)
class Place:
    start: int
    end: int
    name: str  # English name
    country_code: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str  # one of PLACE_KINDS
    confidence: float = 1.0


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    value: str | None  # ISO 8601 where resolvable


@dataclass(slots=True)
class Actor:
    name: str
    entity_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event:
    type: str
    trigger: Mention
    sentence: Mention
    modality: str  # one of EVENT_MODALITIES
    source: Actor | None = None
    target: Actor | None = None
    place: int | None = None  # index into doc._.places
    date: str | None = None


@dataclass(slots=True)
class Topic:
    label: str
    scores: dict[str, float]


_TEXT_KEY = "marsad.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        # As `doc.text` joins each token's `text_with_ws`, from strings rather than Tokens.
        spaces = doc.to_array(SPACY).tolist()
        text = "".join([word + " " if space else word for word, space in zip(doc_words(doc), spaces)])
        doc.user_data[_TEXT_KEY] = text
    return text


_WORDS_KEY = "marsad.words"


def doc_words(doc: Doc) -> list[str]:
    """`token.text` of every token, computed once: a `Token` object per token costs more than
    the string lookups (no stage changes tokens after the tokenizer)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = strings_of(doc, doc.to_array(ORTH).tolist())
    return words


# Strings by their hash, shared by all documents: spaCy's StringStore decodes a new string on
# every lookup, a dict probe costs a fraction of that (and stages then share one string object
# per word). A hash always names the same string, so entries never go stale; filled up to the
# limit and never cleared, so safe to read from other threads.
_STRINGS: dict[int, str] = {}


def strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """`doc.vocab.strings[h]` for each hash `h` (ORTH, NORM, ... ids), through `_STRINGS`."""
    found = list(map(_STRINGS.get, hashes))
    if None in found:
        strings = doc.vocab.strings
        keep = len(_STRINGS) < WORD_TYPES
        for i in compress(range(len(found)), map(is_, found, repeat(None))):
            found[i] = strings[hashes[i]]
            if keep:
                _STRINGS[hashes[i]] = found[i]
    return found


def register_extensions() -> None:
    """Declare our attributes on spaCy's classes; safe to call more than once."""
    doc_defaults: dict[str, Any] = {
        "article_id": None,
        "meta": None,
        "quotes": None,
        "places": None,
        "dates": None,
        "events": None,
        "topic": None,
    }
    for name, default in doc_defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("entity_id"):
        Span.set_extension("entity_id", default=None)
    if not Span.has_extension("name_start"):
        # Where the name itself starts, when the first token carries a conjunction or preposition
        # ("وروسيا" -> "روسيا"): tokens keep their clitics, evidence should not.
        Span.set_extension("name_start", default=None)
    if not Token.has_extension("stem"):
        from .arabic.clitics import token_stem

        Token.set_extension("stem", getter=token_stem)


def _mention(text: str, mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    return {"start": mention.start, "end": mention.end, "text": text[mention.start : mention.end]}


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "entity_id": actor.entity_id, "start": actor.start, "end": actor.end}


# dataclasses.asdict deep-copies recursively and costs more than the rest of the conversion:
# records are spelled out field by field instead.
def quote_to_dict(text: str, quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "start": quote.start,
        "end": quote.end,
        "text": text[quote.start : quote.end],
        "direct": quote.direct,
        "cue": _mention(text, quote.cue),
        "speaker": {
            "name": speaker.name,
            "entity_id": speaker.entity_id,
            "type": speaker.type,
            "mentions": [{"start": m.start, "end": m.end} for m in speaker.mentions],
        },
    }


def place_to_dict(text: str, place: Place) -> dict[str, Any]:
    return {
        "start": place.start,
        "end": place.end,
        "text": text[place.start : place.end],
        "name": place.name,
        "country_code": place.country_code,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "kind": place.kind,
        "confidence": place.confidence,
    }


def event_to_dict(text: str, event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "trigger": _mention(text, event.trigger),
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "modality": event.modality,
        "source": _actor(event.source),
        "target": _actor(event.target),
        "place": event.place,
        "date": event.date,
    }


def entity_start(ent: Span) -> int:
    """The character offset where the entity's name starts (after a leading clitic, if any)."""
    start = ent._.name_start
    return ent.start_char if start is None else start


def _entity_to_dict(text: str, ent: Span) -> dict[str, Any]:
    # `entity_start` and the entity id from one `ent._`: spaCy builds a new object per access.
    extensions = ent._
    start = extensions.name_start
    if start is None:
        start = ent.start_char
    end = ent.end_char
    return {"start": start, "end": end, "text": text[start:end], "label": ent.label_, "entity_id": extensions.entity_id}


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """The output contract: one JSON-serializable object per article."""
    text = doc_text(doc)
    extensions = doc._  # read once: spaCy builds a new object for every `doc._` access
    meta = dict(extensions.meta or {})
    entities = [_entity_to_dict(text, ent) for ent in doc.ents]
    quotes = [quote_to_dict(text, quote) for quote in extensions.quotes or []]
    places = [place_to_dict(text, place) for place in extensions.places or []]
    dates = [{"start": d.start, "end": d.end, "text": text[d.start : d.end], "value": d.value} for d in extensions.dates or []]
    events = [event_to_dict(text, event) for event in extensions.events or []]
    topic = extensions.topic
    topic = {"label": topic.label, "scores": dict(topic.scores)} if topic is not None else None
    return {
        "id": extensions.article_id,
        "text": text,
        "meta": {
            "title": meta.get("title"),
            "date": meta.get("date"),
            "source": meta.get("source"),
            "encoding": meta.get("encoding"),
            **{k: v for k, v in meta.items() if k not in ("title", "date", "source", "encoding")},
        },
        "entities": entities,
        "quotes": quotes,
        "places": places,
        "dates": dates,
        "events": events,
        "topic": topic,
        "boilerplate": [{"start": span.start_char, "end": span.end_char} for span in doc.spans.get("boilerplate", [])],
    }
