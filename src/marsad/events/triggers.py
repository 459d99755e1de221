"""Trigger matching over a token sequence, and the modality of each match from nearby cues."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from itertools import accumulate
from typing import Sequence

from ..arabic.clitics import stem_candidates
from ..arabic.normalize import normalize
from ..caches import WORD_TYPES
from .lexicon import Trigger, TriggerLexicon, load_cues, load_lexicon, token_forms, word_matches

FUTURE_PREFIX = "\u0633"  # SEEN
FUTURE_SECOND = ("\u064a", "\u062a")  # YEH, TEH: "سيجلب", "ستبرم"
CUE_WINDOW = 12
FUTURE_WINDOW = 8
NEGATION_WINDOW = 3
KANA_WINDOW = 4  # words between "كان" and its "قد": "وكان الرئيس الأمريكي قد"
AGREEING_TYPES = ("AGREE", "CEASEFIRE")
# Events an actor can announce ahead (GUIDE "announced": stated to take place): "أعلن ... اجتماعا".
# An announced attack or arrest is a report of one that happened ("أعلنت الشرطة اعتقال ...").
SCHEDULED_TYPES = frozenset({"MEET", "AGREE", "CEASEFIRE", "AID"})


@dataclass(slots=True)
class TriggerMatch:
    type: str
    start: int  # token indices, half-open, relative to the token sequence given
    end: int


def find_triggers(words: Sequence[str], lexicon: TriggerLexicon | None = None, candidates: Sequence[Sequence[Trigger]] | None = None) -> list[TriggerMatch]:
    """Trigger matches in a token sequence, longest first at each position, blocked ones removed.

    `candidates`: `lexicon.candidates_of(words)` when the caller has it already.
    """
    lexicon = lexicon or load_lexicon()
    if candidates is None:
        candidates = lexicon.candidates_of(words)
    matches: list[tuple[int, int, str, bool]] = []
    for i, found in enumerate(candidates):
        # Candidates come from the token's text (cached), and the forms of the following tokens
        # are computed only when a multi-word trigger needs them (token_forms is cached too).
        for trigger in found:
            end = i + len(trigger.words)
            if end > len(words):
                continue
            if all(pattern == "_" or word_matches(pattern, token_forms(words[i + k])) for k, pattern in enumerate(trigger.words[1:], start=1)):
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


# Cue kinds a word matches, as bits (see `_cue_flags`).
NEGATION, STILL, DENIAL, FUTURE, HYPOTHETICAL, DEMAND, AGREEMENT, ANNOUNCEMENT, OCCASION, PLAN = (1 << bit for bit in range(10))
# "قد" is "may" before an imperfect ("قد يكون") and "has" before a perfect ("قد اعتقل"), and always
# "has" after "كان" ("وكان قد التقى") or as "لقد"/"فقد" (normalized).
QAD = frozenset("قد وقد".split())
QAD_PAST = frozenset("لقد فقد".split())
KANA = frozenset("كان وكان كانت وكانت فكان كانوا وكانوا".split())
IMPERFECT_INITIALS = frozenset("\u064a\u062a\u0646")  # ي ت ن
_FLAGS: dict[str, int] = {}


def _cue_flags(word: str) -> int:
    """Which modality cues a token's text matches, computed once per word (the cues are fixed).

    `modality` scans up to a whole sentence before each trigger; with the flags cached that scan is
    a few integer tests per token instead of several CueSet.matches calls.
    Negation, "still" and occasion words are tested on the most literal form only.
    """
    flags = _FLAGS.get(word)
    if flags is None:
        cues = load_cues()
        forms = token_forms(word)
        flags = 0
        for bit, kind, tested in (
            (NEGATION, "negation", forms[:1]),
            (STILL, "still", forms[:1]),
            (DENIAL, "denial", forms),
            (HYPOTHETICAL, "hypothetical", forms),
            (DEMAND, "demand", forms),
            (AGREEMENT, "agreement", forms),
            (ANNOUNCEMENT, "announcement", forms),
            (OCCASION, "occasion", forms[:1]),
            (PLAN, "plan", forms),
        ):
            if cues[kind].matches(tested):
                flags |= bit
        if any(_is_future(form) for form in stem_candidates(word)):
            flags |= FUTURE
        if len(_FLAGS) >= WORD_TYPES:
            _FLAGS.clear()
        _FLAGS[word] = flags
    return flags


def modality(words: Sequence[str], match: TriggerMatch) -> str:
    """happened / announced / agreed / demanded / denied / hypothetical, from cues before the trigger.

    Checked in that order of precedence: denied, hypothetical, demanded, agreed, announced; but
    an event named as the occasion of what is reported ("بعد اجتماع") is not the announcement.
    For several triggers of one sentence, `Modalities(words)` reads the words once.
    """
    return Modalities(words)(match)


def _may(words: Sequence[str], k: int) -> bool:
    """Whether the hypothetical cue at `k` says "may": any cue but "قد" before a perfect verb."""
    norm = normalize(words[k])
    if norm in QAD_PAST:
        return False
    if norm not in QAD:
        return True
    if any(normalize(words[j]) in KANA for j in range(max(0, k - KANA_WINDOW), k)):
        return False
    following = normalize(words[k + 1]) if k + 1 < len(words) else ""
    return following[:1] in IMPERFECT_INITIALS


class Modalities:
    """`modality` for the triggers of one sentence: each word's cue flags read once, not once per
    trigger (a long sentence of many triggers made that quadratic, bench/adversarial.py)."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        flags = list(map(_FLAGS.get, words))  # cache probes at C speed
        if None in flags:
            flags = [_cue_flags(word) if f is None else f for word, f in zip(words, flags)]
        self.flags = flags
        for k, word in enumerate(words):
            if flags[k] & HYPOTHETICAL and not _may(words, k):
                flags[k] &= ~HYPOTHETICAL
        # announced_before[i]: whether an announcement cue comes before token i.
        self.announced_before = list(accumulate((bool(f & ANNOUNCEMENT) for f in flags), operator.or_, initial=False))

    def __call__(self, match: TriggerMatch) -> str:
        start = match.start
        words, flags = self.words, self.flags
        before = flags[max(0, start - CUE_WINDOW) : start]
        for k in range(max(0, start - NEGATION_WINDOW), start):
            if flags[k] & NEGATION and not (k + 1 < len(words) and flags[k + 1] & STILL):
                return "denied"
        if any(f & DENIAL for f in before):
            return "denied"
        if any(f & HYPOTHETICAL for f in before):
            return "hypothetical"
        if any(f & PLAN for f in before):
            return "announced" if match.type in SCHEDULED_TYPES else "hypothetical"
        if any(f & FUTURE for f in flags[max(0, start - FUTURE_WINDOW) : start + 1]):
            return "announced"  # "سيناقش", "ستبرم": stated to take place (GUIDE: scheduled, planned)
        if match.type == "DEMAND" or any(f & DEMAND for f in before):
            return "demanded"  # a demand event is what is demanded: "طالب", "دعا"
        if match.type in AGREEING_TYPES and flags[start] & AGREEMENT:
            return "agreed"
        if any(f & AGREEMENT for f in before):
            return "agreed"
        if start and flags[start - 1] & OCCASION:  # "بعد اجتماع": the occasion of the report
            return "happened"
        if match.type in SCHEDULED_TYPES and self.announced_before[start]:
            return "announced"
        return "happened"
