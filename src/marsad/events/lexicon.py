"""The event trigger lexicon: which word forms signal which event type (data in types.tsv)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..arabic.clitics import stem_candidates
from ..caches import WORD_TYPES
from .patterns import lemma_forms, load_lemmas

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


@dataclass(slots=True)
class TriggerLexicon:
    triggers: list[Trigger]
    cameo: dict[str, str] = field(default_factory=dict)
    plover: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, list[Trigger]] = field(default_factory=dict)
    _prefix: dict[str, list[Trigger]] = field(default_factory=dict)
    _candidates: dict[tuple[str, ...], Sequence[Trigger]] = field(default_factory=dict)
    _word_candidates: dict[str, Sequence[Trigger]] = field(default_factory=dict)
    _orth_candidates: dict[int, Sequence[Trigger]] = field(default_factory=dict)
    _prefix_lengths: tuple[int, ...] = field(init=False, default=())
    _prefix_heads: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        for trigger in self.triggers:
            first = trigger.words[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append(trigger)
            else:
                self._exact.setdefault(first, []).append(trigger)
        # Prefix lengths that occur (ascending, >= 2 as in `candidates`): a new word probes only these.
        self._prefix_lengths = tuple(sorted({len(prefix) for prefix in self._prefix if len(prefix) >= 2}))
        # The first (shortest prefix length) characters of every prefix: most forms fail this one
        # set probe and skip the prefix loop.
        shortest = self._prefix_lengths[0] if self._prefix_lengths else 0
        self._prefix_heads = frozenset(prefix[:shortest] for prefix in self._prefix if len(prefix) >= 2)

    @property
    def types(self) -> list[str]:
        return list(dict.fromkeys(trigger.type for trigger in self.triggers))

    def candidates(self, forms: tuple[str, ...]) -> Sequence[Trigger]:
        """Triggers whose first word matches one of a token's forms (cached: the lexicon is fixed)."""
        found = self._candidates.get(forms)
        if found is None:
            found = []
            for form in forms:
                found.extend(self._exact.get(form, ()))
                if self._prefix_lengths and form[: self._prefix_lengths[0]] not in self._prefix_heads:
                    continue  # no prefix key starts like this form
                for length in self._prefix_lengths:
                    if length > len(form):
                        break
                    found.extend(self._prefix.get(form[:length], ()))
            # Most words start no trigger: the shared empty tuple costs nothing to keep and, unlike
            # one empty list per word, is not tracked by the garbage collector.
            found = found or ()
            if len(self._candidates) > WORD_TYPES:
                self._candidates.clear()
            self._candidates[forms] = found
        return found

    def candidates_of(self, words: Sequence[str]) -> list[Sequence[Trigger]]:
        """`[word_candidates(word) for word in words]`, with the cache probed at C speed (`map`)."""
        cache = self._word_candidates
        found = list(map(cache.get, words))
        if None in found:  # words not seen yet: fill the cache (set difference at C speed), probe again
            for word in set(words).difference(cache):
                self.word_candidates(word)
            found = list(map(cache.get, words))
            if None in found:  # the cache was cleared meanwhile
                found = [self.word_candidates(word) if triggers is None else triggers for word, triggers in zip(words, found)]
        return found

    def candidates_of_orths(self, orths: Sequence[int], strings) -> list[Sequence[Trigger]]:
        """`candidates_of` for spaCy ORTH ids (`strings`: the vocab's StringStore).

        ORTH ids are hashes of the text (the same in every vocab), so they key the cache as well as
        the text does, while an int hashes for free and the text is looked up only for new tokens.
        """
        cache = self._orth_candidates
        found = list(map(cache.get, orths))
        if None in found:
            for orth in set(orths).difference(cache):
                if len(cache) > WORD_TYPES:
                    cache.clear()
                cache[orth] = self.word_candidates(strings[orth])
            found = list(map(cache.get, orths))
            if None in found:  # the cache was cleared meanwhile
                found = [self.word_candidates(strings[orth]) if triggers is None else triggers for orth, triggers in zip(orths, found)]
        return found

    def word_candidates(self, word: str) -> Sequence[Trigger]:
        """`candidates(token_forms(word))` for a token's text, cached: one dict probe per token.

        Most tokens have no candidates; scanning a document costs one lookup per token this way.
        """
        found = self._word_candidates.get(word)
        if found is None:
            found = self.candidates(token_forms(word))
            if len(self._word_candidates) > WORD_TYPES:
                self._word_candidates.clear()
            self._word_candidates[word] = found
        return found


def word_matches(pattern: str, forms: tuple[str, ...]) -> bool:
    if pattern.endswith("*"):
        return any(form.startswith(pattern[:-1]) for form in forms)
    return pattern in forms


# Object and possessive pronouns (normalized), longest first: "قتلته", "حصارها", "استقباله".
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
TA_MARBUTA_BOUND = "\u062a"  # TEH: "قمة" + "ه" is written "قمته"
TA_MARBUTA = "\u0647"  # HEH: ة as normalize() writes it
CONJUNCTION_LETTERS = "\u0648\u0641"  # WAW, FEH
TEH_MARBUTA_WRITTEN = "\u0629"


def _enclitic_stems(form: str) -> list[str]:
    """`form` without an attached pronoun, where three letters or more remain; a bound ت of a
    feminine noun is given back its ة ("تسويتها" -> "تسويت", "تسويه")."""
    for suffix in ENCLITICS:
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            stem = form[: -len(suffix)]
            return [stem, stem[:-1] + TA_MARBUTA] if stem.endswith(TA_MARBUTA_BOUND) else [stem]
    return []


@lru_cache(maxsize=WORD_TYPES)
def token_forms(text: str) -> tuple[str, ...]:
    """Forms a trigger may match: clitic-stripped candidates, plus without the future prefix, without
    an attached pronoun, and a short verb without its conjunction ("وحث" -> "حث")."""
    forms = list(stem_candidates(text))
    if len(forms[0]) == 3 and forms[0][0] in CONJUNCTION_LETTERS:
        forms.append(forms[0][1:])
    for form in list(forms):
        if len(form) > 4 and form[0] == FUTURE_PREFIX and form[1] in IMPERFECT_PREFIXES:
            forms.append(form[1:])
    if not text.endswith(TEH_MARBUTA_WRITTEN):  # "وزارة" is no "وزار" + ه
        for form in list(forms):
            forms.extend(_enclitic_stems(form))
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
    if path is None:  # the shipped lexicon: its lemmas' forms too (patterns.py)
        listed = {(trigger.type, trigger.words) for trigger in triggers}
        for lemma in load_lemmas():
            for form in lemma_forms(lemma):
                if (lemma.type, (form,)) not in listed:
                    listed.add((lemma.type, (form,)))
                    triggers.append(Trigger(lemma.type, (form,)))
                triggers += [Trigger(lemma.type, (form, word), blocking=True) for word in lemma.not_before]
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
