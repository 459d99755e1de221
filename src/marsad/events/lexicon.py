"""The event trigger lexicon: which word forms signal which event type (data in types.tsv)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..arabic.clitics import stem_candidates

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "events"
TYPES_FILE = RESOURCES / "types.tsv"
CUES_FILE = RESOURCES / "cues.tsv"
FUTURE_PREFIX = "\u0633"  # SEEN: "سيلتقي" -> "يلتقي"
IMPERFECT_PREFIXES = "\u064a\u062a\u0646\u0627"  # YEH, TEH, NOON, ALEF


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    words: tuple[str, ...]  # normalized; a final "*" on a word makes it a prefix
    blocking: bool = False


CANDIDATE_CACHE_SIZE = 100_000


@dataclass(slots=True)
class TriggerLexicon:
    triggers: list[Trigger]
    cameo: dict[str, str] = field(default_factory=dict)
    plover: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, list[Trigger]] = field(default_factory=dict)
    _prefix: dict[str, list[Trigger]] = field(default_factory=dict)
    _candidates: dict[tuple[str, ...], list[Trigger]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for trigger in self.triggers:
            first = trigger.words[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append(trigger)
            else:
                self._exact.setdefault(first, []).append(trigger)

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys(trigger.type for trigger in self.triggers))

    def candidates(self, forms: tuple[str, ...]) -> list[Trigger]:
        """Triggers whose first word matches one of a token's forms (cached: the lexicon is fixed)."""
        found = self._candidates.get(forms)
        if found is None:
            found = []
            for form in forms:
                found.extend(self._exact.get(form, ()))
                for length in range(2, len(form) + 1):
                    found.extend(self._prefix.get(form[:length], ()))
            if len(self._candidates) > CANDIDATE_CACHE_SIZE:
                self._candidates.clear()
            self._candidates[forms] = found
        return found


def word_matches(pattern: str, forms: tuple[str, ...]) -> bool:
    if pattern.endswith("*"):
        return any(form.startswith(pattern[:-1]) for form in forms)
    return pattern in forms


@lru_cache(maxsize=100_000)
def token_forms(text: str) -> tuple[str, ...]:
    """Forms a trigger may match: clitic-stripped candidates, plus without the future prefix."""
    forms = list(stem_candidates(text))
    for form in list(forms):
        if len(form) > 4 and form[0] == FUTURE_PREFIX and form[1] in IMPERFECT_PREFIXES:
            forms.append(form[1:])
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> TriggerLexicon:
    triggers = []
    cameo: dict[str, str] = {}
    plover: dict[str, str] = {}
    lines = Path(path or TYPES_FILE).read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#") or line.startswith("type\t"):
            continue
        event_type, cameo_codes, plover_name, trigger = line.split("\t")
        blocking = trigger.startswith("!")
        triggers.append(Trigger(event_type, tuple(trigger.lstrip("!").split()), blocking))
        cameo.setdefault(event_type, cameo_codes)
        plover.setdefault(event_type, plover_name)
    return TriggerLexicon(triggers, cameo, plover)


@dataclass(frozen=True, slots=True)
class CueSet:
    """Cue words of one kind: exact forms, prefixes, and multi-word sequences."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    sequences: tuple[tuple[str, ...], ...]

    def matches(self, forms: tuple[str, ...]) -> bool:
        return any(form in self.exact or form.startswith(self.prefixes) for form in forms) if self.prefixes else any(form in self.exact for form in forms)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> dict[str, CueSet]:
    """Kind -> cue words, from resources/events/cues.tsv."""
    exact: dict[str, set[str]] = {}
    prefixes: dict[str, list[str]] = {}
    sequences: dict[str, list[tuple[str, ...]]] = {}
    for line in Path(path or CUES_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, form = line.split("\t")[:2]
        exact.setdefault(kind, set())
        if " " in form:
            sequences.setdefault(kind, []).append(tuple(form.split()))
        elif form.endswith("*"):
            prefixes.setdefault(kind, []).append(form[:-1])
        else:
            exact[kind].add(form)
    return {kind: CueSet(frozenset(exact[kind]), tuple(prefixes.get(kind, ())), tuple(sequences.get(kind, ()))) for kind in exact}
