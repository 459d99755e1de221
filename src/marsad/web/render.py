"""Text with highlighted spans as safe HTML: every text segment between offsets is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

ENTITY_CLASSES = {"PERS": "ent ent-pers", "LOC": "ent ent-loc", "ORG": "ent ent-org", "MISC": "ent ent-misc"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A half-open span of the text to highlight with CSS classes and an optional tooltip."""

    start: int
    end: int
    classes: str
    title: str | None = None
    anchor: str | None = None  # the fact's id: an anchor element where it starts, and the class f-{anchor} on every segment


def mark_text(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as HTML with each mark a `<span>`; overlapping marks split the text into segments
    that carry the classes of every mark covering them, so nesting never breaks."""
    usable = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    anchored: set[str] = set()
    bounds = sorted({0, len(text), *(mark.start for mark in usable), *(mark.end for mark in usable)})
    parts: list[str] = []
    for start, end in zip(bounds, bounds[1:]):
        segment = escape(text[start:end])
        covering = [mark for mark in usable if mark.start <= start and end <= mark.end]
        if not covering:
            parts.append(segment)
            continue
        names = [mark.classes for mark in covering] + [f"f-{mark.anchor}" for mark in covering if mark.anchor]
        classes = " ".join(dict.fromkeys(" ".join(names).split()))
        titles = " · ".join(dict.fromkeys(mark.title for mark in covering if mark.title))
        title = Markup(' title="{}"').format(titles) if titles else ""
        # An empty element per fact starting here: the target of /articles/{id}#{anchor}.
        for mark in covering:
            if mark.anchor and mark.start == start and mark.anchor not in anchored:
                anchored.add(mark.anchor)
                parts.append(Markup('<span class="anchor" id="{}"></span>').format(mark.anchor))
        parts.append(Markup('<span class="{}"{}>{}</span>').format(classes, title, segment))
    return Markup("").join(parts)


def article_marks(analysis: dict[str, Any]) -> list[Mark]:
    """Marks for the entities, quotes, places, dates and events of an analysis, each fact with its anchor.

    Anchors are what other pages link to: `n{start}` an entity, `q{start}` a quote, `p{index}` a
    place, `d{index}` a date, `e{index}` an event (its sentence).
    """
    marks = [
        Mark(ent["start"], ent["end"], ENTITY_CLASSES.get(ent.get("label", ""), "ent"), ent.get("label"), f"n{ent['start']}")
        for ent in analysis.get("entities") or []
    ]
    for quote in analysis.get("quotes") or []:
        speaker = (quote.get("speaker") or {}).get("name") or "?"
        kind = "quote quote-direct" if quote.get("direct") else "quote quote-indirect"
        marks.append(Mark(quote["start"], quote["end"], kind, f"\u2014 {speaker}", f"q{quote['start']}"))
        cue = quote.get("cue")
        if cue:
            marks.append(Mark(cue["start"], cue["end"], "cue"))
    for index, place in enumerate(analysis.get("places") or []):
        marks.append(Mark(place["start"], place["end"], "place", place_label(place), f"p{index}"))
    for index, date in enumerate(analysis.get("dates") or []):
        marks.append(Mark(date["start"], date["end"], "date", date.get("value"), f"d{index}"))
    for index, event in enumerate(analysis.get("events") or []):
        sentence = event.get("sentence") or event["trigger"]
        marks.append(Mark(sentence["start"], sentence["end"], "event-sentence", None, f"e{index}"))
        marks.append(Mark(event["trigger"]["start"], event["trigger"]["end"], "trigger"))
    return marks


def place_label(place: dict[str, Any]) -> str:
    parts = [place.get("name") or "", place.get("country_code") or ""]
    return ", ".join(part for part in parts if part)


def evidence(text: str, start: int, end: int, marks: Sequence[Mark]) -> Markup:
    """`text[start:end]`, trimmed of surrounding whitespace, with marks given in absolute offsets."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    shifted = [Mark(mark.start - start, mark.end - start, mark.classes, mark.title, mark.anchor) for mark in marks if start <= mark.start < mark.end <= end]
    return mark_text(text[start:end], shifted)


def snippet_html(snippet: str, highlights: Sequence[tuple[int, int]]) -> Markup:
    """A search snippet with its highlights as `<mark>`-styled spans."""
    return mark_text(snippet, [Mark(s, e, "hit") for s, e in highlights])
