"""Which trigger matches of a sentence stand for events: no DEMAND for a demanded event, victims last."""

from __future__ import annotations

from typing import Sequence

from .clauses import bare_head
from .triggers import TriggerMatch

DEMANDED_WITHIN = 6  # tokens between a demand verb and the event it demands ("دعا إلى فتح حوار"); LOO F1 best at 6-8


def without_demands_for_events(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """GUIDE: "A demand FOR a ceasefire or aid is a CEASEFIRE or AID event with modality
    `demanded` ...; DEMAND is only for demands of other things": a demand verb followed closely by
    another event's trigger ("دعا إلى إحراق", "طالب بوقف إطلاق النار") makes no DEMAND event."""
    if not any(m.type == "DEMAND" for m in matches):
        return matches
    others = {o.start for o in matches if o.type != "DEMAND"}  # a set: a sentence of many matches stays linear
    return [m for m in matches if m.type != "DEMAND" or not any(k in others for k in range(m.end, m.end + DEMANDED_WITHIN + 1))]


# Words for the victims of an attack ("القتلى", "قتلى"): they stand for the event only where no
# other trigger of it does (normalized, without clitics).
VICTIM_WORDS = frozenset("قتلي القتلي".split())


def names_the_victims(words: Sequence[str]) -> bool:
    return len(words) == 1 and bare_head(words[0]) in VICTIM_WORDS
