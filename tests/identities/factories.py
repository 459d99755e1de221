"""Made-up articles about several people named Trump, in the output contract (no pipeline)."""

from __future__ import annotations

from typing import Any

from tests.store.factories import make_analysis, span_of


def person(text: str, name: str, entity_id: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span_of(text, name, occurrence)
    return {"start": start, "end": end, "text": name, "label": "PERS", "entity_id": entity_id}


def said(text: str, content: str, speaker: str, entity_id: str, *, phrase: str | None = None, kind: str = "person") -> dict[str, Any]:
    """A quote of `content` by `speaker`; `phrase` is the speaker phrase as the quotes stage found it (default: the name)."""
    start, end = span_of(text, content)
    phrase_start, phrase_end = span_of(text, phrase or speaker)
    return {
        "start": start, "end": end, "text": content, "direct": True, "cue": None,
        "speaker": {"name": speaker, "entity_id": entity_id, "type": kind, "mentions": [{"start": phrase_start, "end": phrase_end}]},
    }


def article(article_id: str, text: str, *, date: str, source: str = "alpha", topic: str | None = None) -> dict[str, Any]:
    analysis = make_analysis(text, article_id, title=article_id, date=date, source=source)
    analysis["topic"] = {"label": topic, "scores": {}} if topic else None
    return analysis


def trump_articles() -> list[dict[str, Any]]:
    """Five articles: Donald named in full then by surname, by another spelling, with a run-on speaker
    phrase; Melania and Ivanka once each."""
    one = "قال الرئيس دونالد ترامب إن «الاتفاق تاريخي». وأضاف ترامب أن «المفاوضات ستستمر»."
    a1 = article("t1", one, date="2025-01-10", topic="politics")
    a1["entities"] = [person(one, "دونالد ترامب", "E1"), person(one, "ترامب", "E1", 1)]
    a1["quotes"] = [said(one, "الاتفاق تاريخي", "دونالد ترامب", "E1"), said(one, "المفاوضات ستستمر", "ترامب", "E1")]

    two = "قالت ميلانيا ترامب إن «الحديقة جميلة في الربيع»."
    a2 = article("t2", two, date="2025-01-11", source="beta", topic="culture")
    a2["entities"] = [person(two, "ميلانيا ترامب", "E1")]
    a2["quotes"] = [said(two, "الحديقة جميلة في الربيع", "ميلانيا ترامب", "E1")]

    three = "صرح ترمب بأن «الرسوم سترتفع قريبا»."
    a3 = article("t3", three, date="2025-01-12", topic="economy")
    a3["entities"] = [person(three, "ترمب", "E1")]
    a3["quotes"] = [said(three, "الرسوم سترتفع قريبا", "ترمب", "E1")]

    four = "وأبدى دونالد ترامب رغبته في لقاء القادة، قائلا إن «الوقت مناسب للحوار»."
    a4 = article("t4", four, date="2025-01-13", source="beta", topic="politics")
    a4["entities"] = [person(four, "دونالد ترامب", "E1")]
    # The quotes stage ran past the name and did not link the phrase to the entity.
    a4["quotes"] = [said(four, "الوقت مناسب للحوار", "دونالد ترامب رغبته", "Q1", phrase="دونالد ترامب رغبته")]

    five = "وقالت إيفانكا ترامب إن «المشروع يخدم الأسر»."
    a5 = article("t5", five, date="2025-01-14", topic="economy")
    a5["entities"] = [person(five, "إيفانكا ترامب", "E1")]
    a5["quotes"] = [said(five, "المشروع يخدم الأسر", "إيفانكا ترامب", "E1")]
    return [a1, a2, a3, a4, a5]
