"""Who said what: reported speech (direct, indirect, headline form) and its speakers.

`extract_quotes(doc)` is the whole stage; `detect` finds cues and content, `speakers` resolves
who spoke, `lexicon` loads the cue lists from `marsad/resources/quotes/`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..document import Quote
from .detect import Detector
from .layout import layout_from_doc
from .ranker import SpeakerRanker
from .speakers import resolve

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc, *, ranker: SpeakerRanker | None = None, trace: list | None = None) -> list[Quote]:
    """The reported statements of `doc`, in text order, each with its speaker.

    `ranker` chooses among candidate speakers (None: the rules alone); `trace` collects what it saw.
    """
    layout = layout_from_doc(doc)
    candidates = Detector(layout).run()
    return resolve(layout, candidates, ranker=ranker, trace=trace)
