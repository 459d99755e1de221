"""Hand-built analyses in the output contract, so store, API and CLI tests need no pipeline."""

from __future__ import annotations

from typing import Any

GENEVA = (
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات في جنيف «بنّاءة». "
    "وأضاف الموفد الأممي أن الجولة المقبلة ستعقد في الأسبوع المقبل. "
    "وذكرت الصحيفة الأميركية أن الوفود وصلت."
)


def span_of(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def make_analysis(text: str, article_id: str = "a1", *, title: str | None = None, date: str | None = None, source: str | None = None) -> dict[str, Any]:
    """An analysis dict with no layers; tests add the layers they need."""
    return {
        "id": article_id,
        "text": text,
        "meta": {"title": title, "date": date, "source": source, "encoding": "utf-8"},
        "entities": [],
        "quotes": [],
        "places": [],
        "dates": [],
        "events": [],
        "topic": None,
        "boilerplate": [],
    }


def quote(text: str, content: str, speaker: str | None, *, direct: bool = True, entity_id: str | None = None) -> dict[str, Any]:
    start, end = span_of(text, content)
    return {
        "start": start, "end": end, "text": content, "direct": direct, "cue": None,
        "speaker": {"name": speaker, "entity_id": entity_id, "type": "person" if speaker else "unresolved", "mentions": []},
    }


def geneva_analysis(article_id: str = "geneva", text: str = GENEVA) -> dict[str, Any]:
    analysis = make_analysis(text, article_id, title="محادثات جنيف", date="2024-03-12", source="test")
    pers = span_of(text, "سيرغي لافروف")
    analysis["entities"] = [{"start": pers[0], "end": pers[1], "text": "سيرغي لافروف", "label": "PERS", "entity_id": "E1"}]
    analysis["quotes"] = [
        quote(text, "المحادثات في جنيف «بنّاءة»", "سيرغي لافروف", direct=False, entity_id="E1"),
        quote(text, "الجولة المقبلة ستعقد في الأسبوع المقبل", None, direct=False),
    ]
    place = span_of(text, "جنيف")
    analysis["places"] = [
        {"start": place[0], "end": place[1], "text": "جنيف", "name": "Geneva", "country_code": "CH", "lat": 46.2, "lon": 6.15, "geonames_id": 2660646, "kind": "city", "confidence": 1.0}
    ]
    trigger = span_of(text, "المحادثات")
    analysis["events"] = [
        {
            "type": "negotiate", "trigger": {"start": trigger[0], "end": trigger[1], "text": "المحادثات"},
            "sentence": {"start": 0, "end": text.index(".") + 1}, "modality": "happened",
            "source": {"name": "سيرغي لافروف", "entity_id": "E1", "start": pers[0], "end": pers[1]}, "target": None,
            "place": 0, "date": "2024-03-12",
        }
    ]
    return analysis


def fake_analyzer(article: Any) -> dict[str, Any]:
    """Stands in for the pipeline: the article's text and metadata, no layers."""
    analysis = make_analysis(article.text, article.id)
    analysis["meta"] = {**analysis["meta"], **article.meta}
    return analysis
