"""The identities of one analysis: which identity each quote's speaker and each named entity is.

Names come from the NER stage's PERS and ORG mentions, never from a speaker phrase as written: a
phrase may run on past the name ("دونالد ترامب رغبته") or be a description ("المتحدث الرسمي").
A speaker gets the identity of the entity the quotes stage linked it to, else of the longest
mention of its kind inside its own phrases; a speaker with neither has no identity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .keys import identity_key, surname

# Entity labels that are identities, and the speaker type each one is.
KINDS = {"PERS": "person", "ORG": "organization"}
LABELS = {kind: label for label, kind in KINDS.items()}
# What a mention may carry at its edges that no name has ("سعود الفيصل..", «رويترز»).
EDGE_PUNCTUATION = " .,:;!?\"'«»()[]-\u060c\u061b\u061f"  # ARABIC COMMA, SEMICOLON, QUESTION MARK


@dataclass(slots=True)
class Occurrence:
    """What one article says of one identity: its kind, the spellings it used, how often."""

    kind: str
    names: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    mentions: int = 0


@dataclass(slots=True)
class ArticleIdentities:
    """Identity keys in the order of the analysis's `quotes` and `entities` (None: no identity)."""

    quote_keys: list[str | None]
    entity_keys: list[str | None]
    occurrences: dict[str, Occurrence]


@dataclass(slots=True)
class _Group:
    label: str
    name: str
    key: str
    spans: list[tuple[int, int]]


def article_identities(record: Mapping[str, Any]) -> ArticleIdentities:
    """The identities of one analysis (the `doc_to_dict` contract)."""
    text: str = record["text"]
    entities: Sequence[Mapping[str, Any]] = record.get("entities") or []
    groups = _groups(text, entities)
    occurrences: dict[str, Occurrence] = {}
    entity_keys: list[str | None] = []
    for index, ent in enumerate(entities):
        group = groups.get(_group_id(ent, index))
        if group is None or not group.key:
            entity_keys.append(None)
            continue
        entity_keys.append(group.key)
        occurrence = _occurrence(occurrences, group)
        occurrence.mentions += 1
    quote_keys: list[str | None] = []
    for quote in record.get("quotes") or []:
        group = _speaker_group(quote.get("speaker") or {}, groups)
        if group is None or not group.key:
            quote_keys.append(None)
            continue
        quote_keys.append(group.key)
        _occurrence(occurrences, group).quotes += 1
    return ArticleIdentities(quote_keys, entity_keys, occurrences)


def _group_id(ent: Mapping[str, Any], index: int) -> str:
    return ent.get("entity_id") or f"#{index}"


def _groups(text: str, entities: Sequence[Mapping[str, Any]]) -> dict[str, _Group]:
    """The article's PERS and ORG entities by linker id, each named by its longest mention."""
    groups: dict[str, _Group] = {}
    for index, ent in enumerate(entities):
        label = ent["label"]
        if label not in KINDS:
            continue
        start, end = ent["start"], ent["end"]
        name = " ".join(text[start:end].split()).strip(EDGE_PUNCTUATION)
        group = groups.setdefault(_group_id(ent, index), _Group(label, name, "", []))
        group.spans.append((start, end))
        if len(name.split()) > len(group.name.split()) or (len(name.split()) == len(group.name.split()) and len(name) > len(group.name)):
            group.name = name
    for group in groups.values():
        group.key = identity_key(group.name)
    _expand_surnames(groups)
    return groups


def _expand_surnames(groups: dict[str, _Group]) -> None:
    """A person named by surname alone is the one full name in the article that ends with it
    ("ترامب" after "دونالد ترامب"), when the linker has not joined them already."""
    full: dict[str, dict[str, str]] = {}  # surname -> {full key: its name}
    for group in groups.values():
        if group.label == "PERS" and " " in group.key:
            full.setdefault(surname(group.key), {})[group.key] = group.name
    for group in groups.values():
        if group.label == "PERS" and " " not in group.key and len(full.get(group.key, ())) == 1:
            ((group.key, group.name),) = full[group.key].items()


def _speaker_group(speaker: Mapping[str, Any], groups: dict[str, _Group]) -> _Group | None:
    label = LABELS.get(speaker.get("type") or "")
    if label is None:
        return None
    linked = groups.get(speaker.get("entity_id") or "")
    if linked is not None and linked.label == label:
        return linked
    # Not linked: the longest entity of the speaker's kind inside one of its phrases.
    phrases = [(m["start"], m["end"]) for m in speaker.get("mentions") or []]
    inside = [
        group
        for group in groups.values()
        if group.label == label and any(s <= start and end <= e for start, end in group.spans for s, e in phrases)
    ]
    return max(inside, key=lambda group: (len(group.key.split()), len(group.name)), default=None)


def _occurrence(occurrences: dict[str, Occurrence], group: _Group) -> Occurrence:
    occurrence = occurrences.get(group.key)
    if occurrence is None:
        occurrence = occurrences[group.key] = Occurrence(KINDS[group.label])
    occurrence.names[group.name] += 1
    return occurrence
