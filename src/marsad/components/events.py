"""`marsad_events`: typed events with trigger, actors, place, date and modality per sentence."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..events import extract_events
from ..events.chooser import ActorChooser, shipped_chooser


class EventsStage:
    """Finds the events of a doc; `chooser` (an `ActorChooser`, or None for the rules alone) picks actors."""

    def __init__(self, *, chooser: ActorChooser | None) -> None:
        self.chooser = chooser

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, chooser=self.chooser)
        return doc


@Language.factory(
    "marsad_events",
    requires=["doc.ents", "doc._.places", "doc._.dates", "doc._.quotes"],
    assigns=["doc._.events"],
    default_config={"actor_chooser": "rules"},
)
def make_events(nlp: Language, name: str, actor_chooser: str = "rules") -> EventsStage:
    """`actor_chooser`: "rules" (the default: the rules alone), "chooser" (the shipped fit chooses
    the source among the rules' and the sentence's options; opt-in: on the gold set's
    leave-one-outlet-out it lifts the source by one to two points only, unsteadily, see
    training/events/actor_chooser.py) or the path of a weights file."""
    if actor_chooser == "rules":
        return EventsStage(chooser=None)
    if actor_chooser == "chooser":
        return EventsStage(chooser=shipped_chooser())
    return EventsStage(chooser=ActorChooser.from_file(Path(actor_chooser)))
