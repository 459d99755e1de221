"""Trigger matching over a token sequence, and the modality of each match from nearby cues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..arabic.clitics import stem_candidates
from .lexicon import TriggerLexicon, load_cues, load_lexicon, token_forms, word_matches

FUTURE_PREFIX = "\u0633"  # SEEN
FUTURE_SECOND = ("\u064a", "\u062a")  # YEH, TEH: "سيجلب", "ستبرم"
CUE_WINDOW = 12
FUTURE_WINDOW = 8
NEGATION_WINDOW = 3
AGREEING_TYPES = ("AGREE", "CEASEFIRE")


@dataclass(slots=True)
class TriggerMatch:
    type: str
    start: int  # token indices, half-open, relative to the token sequence given
    end: int


def find_triggers(words: Sequence[str], lexicon: TriggerLexicon | None = None) -> list[TriggerMatch]:
    """Trigger matches in a token sequence, longest first at each position, blocked ones removed."""
    lexicon = lexicon or load_lexicon()
    forms = [token_forms(word) for word in words]
    matches: list[tuple[int, int, str, bool]] = []
    for i, token_form in enumerate(forms):
        for trigger in lexicon.candidates(token_form):
            end = i + len(trigger.words)
            if end > len(words):
                continue
            if all(pattern == "_" or word_matches(pattern, forms[i + k]) for k, pattern in enumerate(trigger.words[1:], start=1)):
                matches.append((i, end, trigger.type, trigger.blocking))
    blocked = [(start, end, event_type) for start, end, event_type, blocking in matches if blocking]
    kept: list[TriggerMatch] = []
    occupied: set[int] = set()
    for start, end, event_type, blocking in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        if blocking:
            continue
        if any(b_type == event_type and b_start <= start and end <= b_end + 1 and start < b_end for b_start, b_end, b_type in blocked):
            continue
        if any(position in occupied for position in range(start, end)):
            continue
        occupied.update(range(start, end))
        if kept and kept[-1].type == event_type and kept[-1].end == start:
            kept[-1].end = end  # "ستبرم اتفاقا": one trigger, not two
            continue
        kept.append(TriggerMatch(event_type, start, end))
    return kept


def _is_future(form: str) -> bool:
    """"سيجلب", "ستبرم": a verb with the future prefix (not "سياسي", "سيارة", "ستة")."""
    return len(form) > 4 and form[0] == FUTURE_PREFIX and form[1] in FUTURE_SECOND and not load_cues()["not_future"].matches((form,))


def modality(words: Sequence[str], match: TriggerMatch) -> str:
    """happened / announced / agreed / demanded / denied / hypothetical, from cues before the trigger.

    Checked in that order of precedence: denied, hypothetical, demanded, agreed, announced.
    """
    cues = load_cues()
    forms = [token_forms(word) for word in words]
    before = range(max(0, match.start - CUE_WINDOW), match.start)
    for k in range(max(0, match.start - NEGATION_WINDOW), match.start):
        if cues["negation"].matches(forms[k][:1]) and not (k + 1 < len(words) and cues["still"].matches(forms[k + 1][:1])):
            return "denied"
    if any(cues["denial"].matches(forms[k]) for k in before):
        return "denied"
    near = range(max(0, match.start - FUTURE_WINDOW), match.start + 1)
    if any(_is_future(form) for k in near for form in stem_candidates(words[k])):
        return "hypothetical"
    if any(cues["hypothetical"].matches(forms[k]) for k in before):
        return "hypothetical"
    if any(cues["demand"].matches(forms[k]) for k in before):
        return "demanded"
    if match.type in AGREEING_TYPES and cues["agreement"].matches(forms[match.start]):
        return "agreed"
    if any(cues["agreement"].matches(forms[k]) for k in before):
        return "agreed"
    if any(cues["announcement"].matches(forms[k]) for k in range(match.start)):
        return "announced"
    return "happened"
