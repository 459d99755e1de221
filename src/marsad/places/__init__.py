"""Places: gazetteer lookup of Arabic place names and their resolution to coordinates."""

from __future__ import annotations

from .gazetteer import Entry, Gazetteer, load_gazetteer
from .matcher import Words, find_names, words_from_text
from .resolve import places_in_text, resolve

__all__ = ["Entry", "Gazetteer", "find_names", "load_gazetteer", "places_in_text", "resolve", "Words", "words_from_text"]
