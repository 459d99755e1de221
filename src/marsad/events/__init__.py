"""Event extraction: trigger lexicon (resources/events/types.tsv), modality, actors, place and date."""

from .classify import detect_sentence
from .extract import extract_events
from .lexicon import TriggerLexicon, load_lexicon

__all__ = ["TriggerLexicon", "detect_sentence", "extract_events", "load_lexicon"]
