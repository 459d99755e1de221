"""Speaker choice as a learned ranker: the people and bodies around a cue, scored by logistic regression.

The rules of `speakers.py` propose one speaker per quote; the ranker sets beside it the speakers
the discourse holds (the last and the one before) and every named entity (PERS, ORG, LOC) of the
cue's sentence and the one before it, describes each by binary features (where it stands from the
cue, its role, whether its gender and number agree with the verb's, how often the article names
it) and keeps the best scored. The weights are a logistic regression fitted on the gold set's
licensed outlets by `training/quotes/train_speaker_ranker.py`; scoring is a sum of dictionary
lookups, a few candidates per quote.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .candidate import Candidate
from .entities import Entity, SpeakerResolver, root
from .layout import COMMAS, Layout

MODEL = Path(__file__).resolve().parents[1] / "models" / "quotes" / "speaker_ranker.json"
LABELS = ("PERS", "ORG", "LOC")
SENTENCES_BACK = 1  # entities of the cue's sentence and of this many sentences before it
TEH, WAW, ALEF, YEH, HEH = "\u062a", "\u0648", "\u0627", "\u064a", "\u0647"
AL = "\u0627\u0644"
# Single-word prepositions (normalized): a name right after one is an object or an adjunct.
PREPOSITIONS = frozenset({
    "\u0641\u064a", "\u0645\u0646", "\u0627\u0644\u064a", "\u0639\u0644\u064a", "\u0639\u0646", "\u0645\u0639",  # في من الي علي عن مع
    "\u0628\u064a\u0646", "\u0644\u062f\u064a", "\u0636\u062f", "\u0639\u0628\u0631", "\u0628\u0639\u062f", "\u0642\u0628\u0644",  # بين لدي ضد عبر بعد قبل
    "\u062d\u0648\u0644", "\u062a\u062c\u0627\u0647", "\u0628\u062d\u0642", "\u0644\u0635\u0627\u0644\u062d",  # حول تجاه بحق لصالح
})
PREPOSITION_CLITICS = ("\u0628", "\u0644")  # ب ل written on the noun (not ك: "كريم", "كيم")
PLURAL_VERB_ENDINGS = ("\u0648\u0627", "\u0648\u0646", "\u0627\u0646")  # -وا -ون -ان
FEMININE_NOUN_ENDINGS = ("\u0647", "\u0627\u062a")  # normalized TEH MARBUTA, -ات


@dataclass(frozen=True, slots=True)
class Alternative:
    """One possible speaker of a quote: an entity already known, or an entity span not yet one."""

    features: tuple[str, ...]
    entity: Entity | None = None
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class SpeakerRanker:
    """A linear scorer over binary features: bias + the sum of the weights of the features present."""

    weights: dict[str, float]
    bias: float = 0.0

    @classmethod
    def from_file(cls, path: Path) -> SpeakerRanker:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(weights=dict(data["weights"]), bias=float(data["bias"]))

    def score(self, features: tuple[str, ...]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(feature, 0.0) for feature in features)

    def choose(self, alternatives: list[Alternative], *, rules_chose: bool = True) -> int | None:
        """Index of the best-scored alternative; the first (the rules' choice) wins ties.

        Where the rules found nobody (`rules_chose` False) the ranker names nobody either: the rules
        leave a quote unresolved on purpose ("محامي الرئيس X ... قال فيها": not X), and the gold set
        holds too few such quotes to learn when to overrule that.
        """
        if not rules_chose:
            return None
        best, best_score = None, -math.inf
        for index, alternative in enumerate(alternatives):
            score = self.score(alternative.features)
            if score > best_score:
                best, best_score = index, score
        return best


@lru_cache(maxsize=1)
def shipped_ranker() -> SpeakerRanker | None:
    """The release fit, read once; None when the file is absent (the rules then choose alone)."""
    return SpeakerRanker.from_file(MODEL) if MODEL.is_file() else None


def verb_agreement(norm: str) -> str:
    """The person a verb's inflection names: "f" (قالت، تقول), "pl" (قالوا، يقولون), "m", or "-".

    A guess from the letters alone, enough for a feature; only verbs are read so (a noun cue such
    as "تصريحات" would read as feminine).
    """
    stem = norm[1:] if norm[:1] in (WAW, "\u0641") and len(norm) > 3 else norm
    if stem.endswith(PLURAL_VERB_ENDINGS):
        return "pl"
    if stem[:1] == TEH or (stem.endswith(TEH) and not stem.endswith(ALEF + TEH)):
        return "f"
    if stem[:1] == YEH:
        return "m"
    return "m" if len(stem) <= 5 else "-"


def noun_agreement(layout: Layout, span: tuple[int, int], label: str) -> str:
    """"f" for a name ending in TEH MARBUTA or a place (countries are feminine), "pl" for -ون/-ين, else "m"."""
    head = layout.norms[span[0]]
    if label == "LOC":
        return "f"
    if head.endswith(FEMININE_NOUN_ENDINGS) and label != "PERS":
        return "f"
    if head.endswith(("\u0648\u0646", "\u064a\u0646")) and label != "PERS":
        return "pl"
    return "m"


def left_gender(layout: Layout, start: int) -> str:
    """The gender the word before a name gives it: "الوزيرة سارة", "وتقول آن" (f), "الوزير", "ويقول" (m), else "-"."""
    if start == 0 or layout.paragraph[start - 1] != layout.paragraph[start]:
        return "-"
    norm = layout.norms[start - 1]
    stem = norm[1:] if norm[:1] in (WAW, "\u0641") and len(norm) > 3 else norm
    if len(stem) < 3 or not stem.isalpha():
        return "-"
    if stem.startswith(AL):
        return "f" if stem.endswith(HEH) else "m"
    if stem[:1] == TEH or (stem.endswith(TEH) and len(stem) <= 5):
        return "f"
    if stem[:1] == YEH:
        return "m"
    return "-"


def entity_gender(layout: Layout, entity: Entity, said: dict[int, str]) -> str:
    """An entity's gender from the verbs it was the explicit subject of, else the words before its mentions."""
    if id(entity) in said:
        return said[id(entity)]
    for start, _ in entity.mentions:
        gender = left_gender(layout, start)
        if gender != "-":
            return gender
    return "-"


def _bucket(distance: int) -> str:
    for limit in (1, 3, 7, 15):
        if distance <= limit:
            return str(limit)
    return "far"


@dataclass(slots=True)
class Context:
    """What the features read about one document, built once: entities by sentence, name counts."""

    layout: Layout
    by_sentence: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)  # last word of each entity -> mentions
    ner_at: list[str | None] = field(default_factory=list)  # NER label of each token

    @classmethod
    def of(cls, layout: Layout) -> Context:
        context = cls(layout, ner_at=[None] * len(layout.words))
        for start, end, label, _ in layout.entities:
            if label in LABELS:
                context.ner_at[start:end] = [label] * (end - start)
                context.by_sentence.setdefault(layout.sentence[start], []).append((start, end, label))
                last = layout.norms[end - 1]
                context.heads[last] = context.heads.get(last, 0) + 1
        return context


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _role(layout: Layout, start: int, cue: tuple[int, int], subjects: list[tuple[int, int]]) -> str:
    """Where an entity stands in the cue's clause: right after the verb, after a preposition, ..."""
    norms, words = layout.norms, layout.words
    previous = norms[start - 1] if start > 0 else ""
    if previous in PREPOSITIONS:
        return "prep"
    if norms[start][:1] in PREPOSITION_CLITICS and len(norms[start]) > 3:
        return "clitic_after_verb" if start == cue[1] else "clitic"  # "لبي بي سي", or a name that starts so
    if start == cue[1]:
        return "after_verb"
    if any(s <= start < e for s, e in subjects):
        return "subject"
    if start > 0 and words[start - 1] in COMMAS:
        return "after_comma"
    return "other"


def alternatives(
    context: Context,
    resolver: SpeakerResolver,
    candidate: Candidate,
    *,
    chosen: Entity | None,
    how: str,
    last: Entity | None,
    previous: Entity | None,
    speakers: dict[int, int],
    said: dict[int, str],
) -> list[Alternative]:
    """The rules' choice first, then the discourse's speakers, then the named entities near the cue.

    `how` says which rule chose ("explicit", "parent", "discourse", "ahead", "none"); `speakers`
    counts the quotes each entity (by id) was given so far, `said` the verb agreement each entity
    took as an explicit subject. An entity span that is a mention of an entity already listed only
    adds its description to that entity's features.
    """
    layout = context.layout
    cue = candidate.cue
    sentence = layout.sentence[cue[0]]
    agreement = verb_agreement(layout.norms[cue[0]]) if candidate.kind == "verb" else "-"
    common = (f"cue={candidate.kind}", f"mode={candidate.mode}")
    listed: list[tuple[Entity | None, tuple[int, int] | None, list[str]]] = []
    chosen, last, previous = root(chosen), root(last), root(previous)
    for entity, name in ((chosen, "rule"), (last, "last"), (previous, "previous")):
        if entity is None or any(entity is other for other, _, _ in listed):
            continue
        own = [f"src={name}", f"src={name}|rule={how}", f"src={name}|rule={how}|{candidate.kind}", f"src={name}|type={entity.type}"]
        listed.append((entity, None, own + _entity_features(context, entity, cue, agreement, said, name)))
    content = [candidate.content]
    for number in range(max(0, sentence - SENTENCES_BACK), sentence + 1):
        first = True
        for start, end, label in context.by_sentence.get(number, ()):
            span = (start, end)
            if _overlaps(span, content):
                continue
            described = _describe(context, span, label, cue, candidate, number == sentence, agreement)
            described.append(f"first_in_sentence={first}")
            first = False
            owner = next((i for i, (entity, _, _) in enumerate(listed) if entity is not None and _overlaps(span, entity.mentions)), None)
            if owner is not None:
                listed[owner][2].extend("has:" + feature for feature in described[:4])
                continue
            listed.append((None, span, ["src=ner", f"src=ner|rule={how}", *described]))
    out = []
    for entity, span, features in listed:
        times = speakers.get(id(entity), 0) if entity is not None else 0
        features.append(f"spoke={min(times, 3)}")
        out.append(Alternative(features=tuple(dict.fromkeys((*common, *features))), entity=entity, span=span))
    return out


def _entity_features(context: Context, entity: Entity, cue: tuple[int, int], agreement: str, said: dict[int, str], name: str) -> list[str]:
    """An entity already known: its gender against the verb's, how recently it was named, what the NER made of it."""
    layout = context.layout
    gender = entity_gender(layout, entity, said)
    before = [start for start, _ in entity.mentions if start < cue[0]]
    if before:
        gap = layout.paragraph[cue[0]] - layout.paragraph[max(before)]
        recency = "same" if gap == 0 else ("1" if gap == 1 else "far")
    else:
        recency = "none"
    labels = {context.ner_at[k] for start, end in entity.mentions for k in range(start, end)} - {None}
    label = next((lab for lab in LABELS if lab in labels), "none")
    words = max((end - start for start, end in entity.mentions), default=0)
    longest = max(entity.mentions, key=lambda span: span[1] - span[0], default=None)
    clitic = longest is not None and layout.norms[longest[0]][:1] in PREPOSITION_CLITICS and not layout.norms[longest[0]].startswith(("\u0628\u064a", "\u0644\u0648"))
    unknown = longest is not None and all(context.ner_at[k] is None for k in range(*longest)) and not entity.names
    return [
        f"src={name}|clitic={clitic}",
        f"src={name}|unknown={unknown}|type={entity.type}",
        f"agr={agreement}|ent={gender}",
        f"src={name}|agr={agreement}|ent={gender}",
        f"recency={recency}",
        f"src={name}|recency={recency}",
        f"ner={label}",
        f"src={name}|ner={label}",
        f"named={bool(entity.names)}",
        f"words={min(words, 4)}",
    ]


def _describe(context: Context, span: tuple[int, int], label: str, cue: tuple[int, int], candidate: Candidate, same_sentence: bool, agreement: str) -> list[str]:
    layout = context.layout
    start, end = span
    before = end <= cue[0]
    distance = cue[0] - end if before else start - cue[1]
    side = "before" if before else ("between" if end <= candidate.content[0] else "after")
    role = _role(layout, start, cue, candidate.subjects)
    noun = noun_agreement(layout, span, label)
    left = left_gender(layout, start)
    mentions = context.heads.get(layout.norms[end - 1], 0)
    from_start = start - layout.sentence_bounds[layout.sentence[start]][0]
    return [
        f"label={label}",
        f"side={side}",
        f"role={role}",
        f"agr={agreement}|{noun}",
        f"label={label}|side={side}|dist={_bucket(distance)}",
        f"side={side}|role={role}",
        f"same_sentence={same_sentence}",
        f"label={label}|agr={agreement}",
        f"agr={agreement}|left={left}",
        f"label={label}|agr={agreement}|left={left}",
        f"mentions={min(mentions, 3)}",
        f"mode={candidate.mode}|side={side}",
        f"from_start={_bucket(from_start)}",
        f"same_sentence={same_sentence}|from_start={_bucket(from_start)}",
        f"other_paragraph={layout.paragraph[start] != layout.paragraph[cue[0]]}",
    ]
