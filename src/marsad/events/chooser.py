"""Source and target as a learned choice among the people, bodies and phrases around a trigger.

The rules (`actors`, `context`) propose one source and one target per event; the chooser sets beside
each the choice of nobody, every named entity of the sentence, the people and bodies that open the
sentence before it, and the noun phrases that follow the target and agent markers of the trigger's
clause ("على", "ضد", "مع", "من قبل", "على يد", "بين"), describes each by binary features (where it
stands from the trigger and in its clause, the word before it, its label, the trigger's form, the
event's type) and keeps the best scored. The weights are logistic regressions fitted on the gold
set's licensed outlets by `training/events/actor_chooser.py`; scoring is a sum of dictionary
lookups over a few candidates per event.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from spacy.tokens import Span

from ..arabic.normalize import normalize
from ..document import Actor
from .clauses import bare_head, is_nominal
from .entity_actors import entity_actor, with_preposition
from .locative import is_locative
from .phrases import ACTOR_HEADS, phrase_with_partners
from .roles import is_verb, span_actor

MODEL = Path(__file__).resolve().parents[1] / "models" / "events" / "actor_chooser.json"
ROLES = ("source", "target")
# Words after which a phrase is a participant (normalized): the target and agent markers.
MARKERS = frozenset("علي ضد مع بين الي بحق يد قبل عن من".split())
PHRASE_WINDOW = 12  # tokens after the trigger where a marker's phrase is read
OPENING_WORDS = 5  # a previous sentence's subject stands this close to its start


@dataclass(frozen=True, slots=True)
class Option:
    """One possible source or target: an actor (None: nobody) and what describes it."""

    actor: Actor | None
    features: tuple[str, ...]


@dataclass(slots=True)
class Scorer:
    """A linear scorer over binary features: bias + the sum of the weights of the features present."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: tuple[str, ...]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(feature, 0.0) for feature in features)


@dataclass(slots=True)
class ActorChooser:
    """One scorer per role it decides (the rules keep the others); the first option (the rules'
    choice) wins ties."""

    scorers: dict[str, Scorer]

    @classmethod
    def from_dict(cls, data: dict) -> ActorChooser:
        return cls({role: Scorer(weights=dict(data[role]["weights"]), bias=float(data[role]["bias"])) for role in ROLES if role in data})

    @classmethod
    def from_file(cls, path: Path) -> ActorChooser:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def choose(self, role: str, options: Sequence[Option], rules: Actor | None) -> Actor | None:
        """The best-scored option's actor; `rules` (the rules' choice) for a role it does not decide."""
        scorer = self.scorers.get(role)
        if scorer is None:
            return rules
        best, best_score = None, -math.inf
        for option in options:
            score = scorer.score(option.features)
            if score > best_score:
                best, best_score = option, score
        return best.actor if best is not None else None


@lru_cache(maxsize=1)
def shipped_chooser() -> ActorChooser | None:
    """The release fit, read once; None when the file is absent (the rules then choose alone)."""
    return ActorChooser.from_file(MODEL) if MODEL.is_file() else None


def _bucket(distance: int) -> str:
    for limit in (0, 1, 3, 7, 15):
        if distance <= limit:
            return str(limit)
    return "far"


def _marker_before(words: Sequence[str], start: int, lowest: int) -> str:
    """The marker or preposition just before a candidate, or its own clitic ("لـ", "بـ")."""
    if start > lowest:
        previous = normalize(words[start - 1])
        if previous in MARKERS:
            return previous
        if previous.startswith("\u0648") and previous[1:] in MARKERS:
            return previous[1:]
        if previous == "\u0641\u064a":  # في
            return "in"
    first = normalize(words[start])
    if first[:1] in "\u0628\u0644" and len(first) > 3:
        return "clitic"
    return "-"


def _overlaps(actor: Actor | None, start: int, end: int) -> bool:
    return actor is not None and actor.start is not None and actor.start < end and start < actor.end


@dataclass(slots=True)
class Site:
    """What the options of one event read: the trigger in its sentence and clause, the rules' pair."""

    sentence: Span
    trigger: Span
    event_type: str
    words: Sequence[str]  # the document's token texts
    clause_start: int
    clause_end: int
    rules: dict[str, Actor | None]
    quote_spans: Sequence[tuple[int, int]] = ()
    source_from: str = "clause"  # where the rules found the source: "clause", "speaker", "carried"


def options(site: Site, role: str, sentence_ents: Sequence[Span], opening: Sequence[Span]) -> list[Option]:
    """The rules' choice first, then nobody, the sentence's entities, the marked phrases and the
    people and bodies that opened the sentences before (`opening`)."""
    trigger, event_type, words = site.trigger, site.event_type, site.words
    doc = trigger.doc
    form = "verb" if is_verb(trigger[0].text) else ("noun" if is_nominal(trigger) else "other")
    rule = site.rules[role]
    other = site.rules["source" if role == "target" else "target"]
    how = site.source_from if role == "source" else "clause"
    common = (f"type={event_type}", f"form={form}", f"rule_none={rule is None}", f"how={how}")
    out: list[Option] = []
    taken: list[tuple[int, int]] = []
    if rule is not None:
        out.append(Option(rule, _with_common(("kind=rule", f"kind=rule|type={event_type}", f"kind=rule|form={form}",
                                              f"kind=rule|entity={rule.entity_id is not None}", f"kind=rule|is_other={_same(rule, other)}", f"kind=rule|how={how}", f"kind=rule|how={how}|type={event_type}",
                                              *_rule_span_features(site, rule)), common, "rule")))
        if rule.start is not None:
            taken.append((rule.start, rule.end))
    out.append(Option(None, _with_common(("kind=none", f"kind=none|type={event_type}", f"kind=none|form={form}",
                                          f"kind=none|rule_none={rule is None}", f"kind=none|type={event_type}|rule_none={rule is None}",
                                          f"kind=none|ents={min(len(sentence_ents), 3)}"), common, "none")))
    ents_by_end = {ent.end: ent for ent in sentence_ents}
    for ent in sentence_ents:
        if any(start < ent.end_char and ent.start_char < end for start, end in taken):
            continue
        actor = entity_actor(ent)
        taken.append((ent.start_char, ent.end_char))
        where = ent.label_ not in ("PERS", "ORG") and is_locative(doc, ent, ents_by_end)
        features = (*_span_features(site, ent.start, ent.end, ent.label_, "ent", other), f"locative={where}", f"locative={where}|type={event_type}")
        out.append(Option(actor, _with_common(features, common, "ent")))
    for start in _marked_starts(site):
        span = phrase_with_partners(words, start, site.sentence.end)
        if span is None or doc[span[0]].ent_type_:
            continue
        actor = span_actor(doc, span)
        if actor is None or any(s < actor.end and actor.start < e for s, e in taken):
            continue
        taken.append((actor.start, actor.end))
        out.append(Option(actor, _with_common(_span_features(site, span[0], span[1], "phrase", "phrase", other), common, "phrase")))
    for ent in opening:
        actor = entity_actor(ent)
        if any(_same(actor, option.actor) for option in out):
            continue
        distance = site.sentence.start - ent.end
        out.append(Option(actor, _with_common(("kind=before", f"kind=before|type={event_type}", f"kind=before|label={ent.label_}",
                                               f"kind=before|type={event_type}|rule_none={rule is None}",
                                               f"kind=before|far={_bucket(distance // 10)}"), common, "before")))
    return out


def actor_options(site: Site, sentence_ents: Sequence[Span], opening: Sequence[Span]) -> dict[str, list[Option]]:
    """Role -> its options (`options`)."""
    return {role: options(site, role, sentence_ents, opening) for role in ROLES}


def opening_ents(sentences: Sequence[Span], number: int, actor_ents: Sequence[Span], starts: Sequence[int]) -> list[Span]:
    """People and bodies that open the sentence before sentence `number` (its subject, most often)."""
    if number == 0:
        return []
    previous = sentences[number - 1]
    first = bisect_left(starts, previous.start)
    return [ent for ent in actor_ents[first : first + 3] if ent.start < min(previous.end, previous.start + OPENING_WORDS)
            and ent.label_ in ("PERS", "ORG") and not with_preposition(ent)]


def _with_common(features: tuple[str, ...], common: tuple[str, ...], kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*features, *(f"{kind}|{feature}" for feature in common))))


def _same(actor: Actor | None, other: Actor | None) -> bool:
    if actor is None or other is None:
        return False
    if actor.start is not None and other.start is not None:
        return actor.start < other.end and other.start < actor.end
    return actor.name == other.name


def _marked_starts(site: Site) -> list[int]:
    """Token starts of the phrases right after a marker or right after the trigger, in its clause."""
    words, trigger = site.words, site.trigger
    end = min(site.clause_end, trigger.end + PHRASE_WINDOW)
    starts = [trigger.end] if trigger.end < end else []
    for k in range(max(site.clause_start, trigger.start - PHRASE_WINDOW), end - 1):
        norm = normalize(words[k])
        if norm in MARKERS or (norm[:1] == "\u0648" and norm[1:] in MARKERS):
            starts.append(k + 1)
    for k in range(max(site.clause_start, trigger.start - PHRASE_WINDOW), trigger.start):
        if bare_head(words[k]).removeprefix("\u0627\u0644") in ACTOR_HEADS or bare_head(words[k]) in ACTOR_HEADS:
            starts.append(k)
    return sorted(set(starts))


def _rule_span_features(site: Site, rule: Actor) -> tuple[str, ...]:
    if rule.start is None:
        return ("kind=rule|span=none",)
    inside = site.sentence.start_char <= rule.start < site.sentence.end_char
    before = rule.end <= site.trigger.start_char
    return (f"kind=rule|in_sentence={inside}", f"kind=rule|before={before}", f"kind=rule|in_sentence={inside}|type={site.event_type}")


def _span_features(site: Site, start: int, end: int, label: str, kind: str, other: Actor | None) -> tuple[str, ...]:
    trigger, words, event_type = site.trigger, site.words, site.event_type
    doc = trigger.doc
    if end <= trigger.start:
        side, distance = "before", trigger.start - end
    elif start >= trigger.end:
        side, distance = "after", start - trigger.end
    else:
        side, distance = "inside", 0
    dist = _bucket(distance)
    in_clause = site.clause_start <= start < site.clause_end
    marker = _marker_before(words, start, site.sentence.start)
    span = doc[start:end]
    preposition = with_preposition(span) if kind == "ent" else marker == "clitic"
    quoted = any(s <= span.start_char < e for s, e in site.quote_spans)
    head = bare_head(words[start]).removeprefix("\u0627\u0644")
    first_in_sentence = start - site.sentence.start <= 1
    is_other = _overlaps(other, span.start_char, span.end_char)
    return (
        f"kind={kind}",
        f"label={label}",
        f"label={label}|type={event_type}",
        f"side={side}",
        f"side={side}|dist={dist}",
        f"side={side}|dist={dist}|label={label}",
        f"side={side}|type={event_type}",
        f"side={side}|dist={dist}|type={event_type}",
        f"marker={marker}",
        f"marker={marker}|type={event_type}",
        f"marker={marker}|side={side}",
        f"in_clause={in_clause}",
        f"in_clause={in_clause}|side={side}",
        f"preposition={preposition}",
        f"preposition={preposition}|side={side}",
        f"quoted={quoted}",
        f"first={first_in_sentence}",
        f"first={first_in_sentence}|type={event_type}",
        f"actor_head={head in ACTOR_HEADS}",
        f"is_other={is_other}",
        f"is_other={is_other}|type={event_type}",
        f"definite={normalize(words[start]).startswith(chr(0x627) + chr(0x644))}",
    )
