"""The canonical seed article: the events a careful reader lists must be there."""

import re

import pytest

from marsad.dates import find_dates
from marsad.document import Place
from marsad.events import extract_events

PLACES = ("جنيف", "حلب", "داريا", "منبج", "الحسكة")
SENTENCE_END = re.compile(r"(?<=[.!؟?:])\s+|\n+")


@pytest.fixture(scope="module")
def seed_events(nlp, seed_text):
    text = seed_text
    doc = nlp(text)
    starts = {0} | {match.end() for match in SENTENCE_END.finditer(text)}
    for token in doc:
        token.is_sent_start = token.idx in starts or token.i == 0
    places = []
    for name in PLACES:
        for match in re.finditer(name, text):
            places.append(Place(match.start(), match.end(), name, "SY", None, None, None, "city"))
    doc._.places = sorted(places, key=lambda place: place.start)
    doc._.dates = find_dates(text, "2016-08-27")
    events = extract_events(doc)
    return text, doc, [(event.type, text[event.trigger.start : event.trigger.end], event.modality, event.date, None if event.place is None else doc._.places[event.place].name) for event in events]


@pytest.mark.parametrize(
    "expected",
    [
        ("MEET", "لقائه", "happened", "2016-08-26", "جنيف"),  # Kerry and Lavrov in Geneva, Friday evening
        ("ATTACK", "الهجوم", "happened", None, "حلب"),  # Aleppo under attack by the regime and allies
        ("AGREE", "واتفقنا", "agreed", None, None),  # agreed to intensify contacts with Washington
        # future tense: stated to take place, "announced" by the GUIDE (scheduled, planned, promised)
        # a local agreement in "an area other than Daraya": no place named for it ("غير داريا")
        ("AGREE", "ستبرم اتفاقاً", "announced", None, None),
        ("MEET", "المفاوضات", "announced", None, None),  # de Mistura will bring the parties to talks
        ("AID", "المساعدات", "demanded", None, "الحسكة"),  # aid to Aleppo, Manbij, Hasakah (nearest place kept)
        ("AID", "للمساعدات", "demanded", None, None),  # "we need to see ... aid brought in"
        ("CEASEFIRE", "وقف حقيقي للنار", "demanded", None, None),
    ],
)
def test_seed_event_listed(seed_events, expected):
    assert expected in seed_events[2]


def test_seed_ceasefire_mentions(seed_events):
    ceasefires = [event for event in seed_events[2] if event[0] == "CEASEFIRE"]
    assert len(ceasefires) >= 4
