"""Pipeline stages, one module each. `register_components` is the one place that imports them,
so that `@Language.component` registration happens explicitly, not as an import side effect
scattered through the code."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

# Stage name -> module, in pipeline order.
STAGES: dict[str, str] = {
    "marsad_structure": "structure",
    "marsad_ner": "ner",
    "marsad_entity_patterns": "entity_patterns",
    "marsad_places": "places",
    "marsad_entity_linker": "entity_linker",
    "marsad_dates": "dates",
    "marsad_quotes": "quotes",
    "marsad_events": "events",
    "marsad_topic": "topics",
}


def register_components(stages: Iterable[str] = STAGES) -> None:
    """Import the modules of `stages`, which registers their factories with spaCy."""
    for name in stages:
        importlib.import_module(f"{__name__}.{STAGES[name]}")
