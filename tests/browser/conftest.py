"""Browser fixtures: one store of real articles per session (SaudiNewsNet, plus one hostile article), served
once; one Chromium per test module. Everything is skipped, with the reason, where no browser or corpus exists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from marsad.store import open_store

from . import chrome, snn
from .server import serve

HOSTILE_ID = "hostile-1"
SCRIPT = "<script>window.__marsadPwned = 1</script>"
IMAGE = '<img src=x onerror="window.__marsadPwned = 2">'


def hostile_analysis() -> dict[str, Any]:
    """An article whose every field carries script: title, source, author, URL, text, a speaker's name and a place's text."""
    text = f"قال {SCRIPT} إن {IMAGE} وصل إلى جنيف اليوم. وأضاف أن الاجتماع «{SCRIPT}» انتهى."
    speaker = text.index(SCRIPT)
    quote = text.index("«") + 1
    place = text.index("جنيف")
    return {
        "id": HOSTILE_ID,
        "text": text,
        "meta": {"title": f"عنوان {SCRIPT}", "date": "2015-07-23", "source": IMAGE, "author": SCRIPT, "url": "javascript:window.__marsadPwned=3"},
        "entities": [{"start": speaker, "end": speaker + len(SCRIPT), "text": SCRIPT, "label": "PERS", "entity_id": None}],
        "quotes": [
            {
                "start": quote, "end": quote + len(SCRIPT), "text": SCRIPT, "direct": True, "cue": None,
                "speaker": {"name": SCRIPT, "entity_id": None, "type": "person", "mentions": []},
            }
        ],
        "places": [{"start": place, "end": place + 4, "text": "جنيف", "name": IMAGE, "country_code": "CH", "lat": 46.2, "lon": 6.15, "geonames_id": None, "kind": "city", "confidence": 1.0}],
        "dates": [],
        "events": [
            {
                "type": "MEET", "trigger": {"start": text.index("الاجتماع"), "end": text.index("الاجتماع") + 8, "text": "الاجتماع"},
                "sentence": {"start": text.index("وأضاف"), "end": len(text)}, "modality": "happened",
                "source": {"name": SCRIPT, "entity_id": None}, "target": None, "place": 0, "date": "2015-07-23",
            }
        ],
        "topic": {"label": "middleEast", "scores": {}},
        "boilerplate": [],
    }


@pytest.fixture(scope="session")
def snn_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    reason = chrome.missing()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")
    if not snn.CORPUS.is_file():
        pytest.skip(f"browser tests skipped: no SaudiNewsNet corpus at {snn.CORPUS}")
    db = str(tmp_path_factory.mktemp("browser") / "snn.db")
    counts = snn.build_store(db, snn.sample())
    assert counts.get("new", 0) >= 100, counts
    with open_store(db) as store:
        store.add(hostile_analysis())
    return db


@pytest.fixture(scope="session")
def base_url(snn_db: str) -> Iterator[str]:
    with serve(snn_db) as url:
        yield url


@pytest.fixture(scope="module")
def driver(base_url: str) -> Iterator[Any]:
    with chrome.browser() as opened:
        yield opened
