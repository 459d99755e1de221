"""A capital named by its country's adjective: "العاصمة البريطانية" is London."""

from __future__ import annotations

from itertools import compress

from ..document import Place
from .gazetteer import Entry, Gazetteer
from .matcher import Words, _original_offset

ARTICLE_FORM = "العاصمه"
CONTRACTED_FORM = "للعاصمه"
CAPITAL_WORDS = frozenset([*(p + ARTICLE_FORM for p in ("", "و", "ف", "ب", "وب")), *(p + CONTRACTED_FORM for p in ("", "و"))])
CONFIDENCE = 0.8
_CAPITALS: dict[int, tuple[Gazetteer, dict[str, Entry]]] = {}


def capitals(gazetteer: Gazetteer) -> dict[str, Entry]:
    """Country code -> its capital city, read once per gazetteer (only when an article needs it)."""
    cached = _CAPITALS.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        out: dict[str, Entry] = {}
        for i in range(len(gazetteer.entries)):
            entry = gazetteer.entries[i]
            if entry.kind == "city" and entry.cc and "capital" in entry.flags.split():
                if entry.cc not in out or entry.prior > out[entry.cc].prior:
                    out[entry.cc] = entry
        cached = _CAPITALS[id(gazetteer)] = (gazetteer, out)
    return cached[1]


def capital_phrases(words: Words, gazetteer: Gazetteer, places: list[Place]) -> list[Place]:
    """"العاصمة البريطانية" with no name after it: the capital of the adjective's country, the
    whole phrase as its mention. Where the name follows ("العاصمة القطرية الدوحة") the name is
    the mention."""
    norms = words.norms
    heads = list(compress(range(len(norms) - 1), map(CAPITAL_WORDS.__contains__, norms)))  # C-speed scan
    if not heads:
        return []
    starts = {place.start for place in places}
    out = []
    for h in heads:
        cc = gazetteer.adjectives.get(norms[h + 1])
        if not cc or not words.spaced(h + 1) or not norms[h + 1].endswith("\u064a\u0647"):
            continue
        if h + 2 < len(norms) and words.spaced(h + 2) and words.start(h + 2) in starts:
            continue
        entry = capitals(gazetteer).get(cc)
        if entry is None:
            continue
        clitics = norms[h].find(ARTICLE_FORM)
        if clitics < 0:  # "للعاصمة": the article's alef is gone; the mention keeps the whole word
            clitics = norms[h].find(CONTRACTED_FORM)
        start = _original_offset(words.text, words.start(h), words.end(h), clitics)
        out.append(Place(start=start, end=words.end(h + 1), name=entry.name, country_code=entry.cc, lat=entry.lat,
                         lon=entry.lon, geonames_id=entry.geonames_id, kind=entry.kind, confidence=CONFIDENCE))
    return out

