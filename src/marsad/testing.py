"""Invariants every analysis must keep, checked by the property test and `bench/fuzz.py`."""

from __future__ import annotations

from typing import Any


def offset_violations(text: str, analysis: dict[str, Any]) -> list[str]:
    """What is wrong with the offsets of `analysis` (the output contract) for `text`; empty when all hold.

    The text round-trips; every span is half-open inside the text, not empty, and an item's
    "text" is exactly `text[start:end]`; cues, mentions, triggers and sentences likewise."""
    problems: list[str] = []
    if analysis.get("text") != text:
        problems.append("the analyzed text differs from the input")
    length = len(text)

    def span(where: str, item: dict[str, Any], *, with_text: bool = True) -> None:
        start, end = item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            problems.append(f"{where}: span {start}:{end} is not inside the text (length {length})")
            return
        if with_text and "text" in item and item["text"] != text[start:end]:
            problems.append(f"{where}: text {item['text']!r} != text[{start}:{end}] {text[start:end]!r}")

    for index, ent in enumerate(analysis.get("entities", [])):
        span(f"entities[{index}]", ent)
    for index, quote in enumerate(analysis.get("quotes", [])):
        span(f"quotes[{index}]", quote)
        span(f"quotes[{index}].cue", quote["cue"])
        for number, mention in enumerate(quote["speaker"]["mentions"]):
            span(f"quotes[{index}].speaker.mentions[{number}]", mention, with_text=False)
    for index, place in enumerate(analysis.get("places", [])):
        span(f"places[{index}]", place)
    for index, date in enumerate(analysis.get("dates", [])):
        span(f"dates[{index}]", date)
    for index, event in enumerate(analysis.get("events", [])):
        span(f"events[{index}].trigger", event["trigger"])
        span(f"events[{index}].sentence", event["sentence"], with_text=False)
        for role in ("source", "target"):
            actor = event.get(role) or {}
            if actor.get("start") is not None:
                span(f"events[{index}].{role}", actor, with_text=False)
    for index, block in enumerate(analysis.get("boilerplate", [])):
        span(f"boilerplate[{index}]", block, with_text=False)
    return problems
