"""A trigger's clause: where it starts and ends, whether the trigger opens it, verb or verbal noun."""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.normalize import normalize
from .roles import is_verb

CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";"})
ASIDE_WORDS = 3  # at most this many words between two commas make an aside, not a new clause
RELATIVE_PRONOUNS = frozenset("الذي التي الذين اللذين اللتين اللواتي اللاتي".split())  # normalized


def is_nominal(trigger: Span) -> bool:
    """A trigger with the article or a preposition ("الهجوم", "بقصف", "لاعتقال"), or shaped like a
    verbal noun or a plural ("استهداف", "اعتقال", "تفجير", "مقتل", "غارات"), is a noun: what follows
    it is its object, not a verb's subject."""
    norm = normalize(trigger[0].text)
    if norm[:1] in "\u0648\u0641" and len(norm) > 3:
        norm = norm[1:]
    if trigger.start > 0 and normalize(trigger.doc[trigger.start - 1].text) in NOUN_GOVERNORS:
        return True  # "جراء قصف", "بعد قتل": a noun after a word that takes one
    return norm.startswith(("\u0627\u0644", "\u0628", "\u0644")) or any(pattern.match(norm) for pattern in VERBAL_NOUN_PATTERNS)


# Words that govern a noun, never a verb: what follows them is a verbal noun (normalized).
NOUN_GOVERNORS = frozenset("جراء اثر عقب بعد قبل خلال بسبب نتيجه منذ اثناء اعقاب وبعد وقبل وخلال وعقب".split())
# Verbal nouns and plurals by shape: istifaal (استهداف), iftiaal (اعتقال), tafiil (تفجير), mafal
# (مقتل), plurals in -ات (غارات), nouns in ة (غارة).
VERBAL_NOUN_PATTERNS = tuple(
    re.compile(p) for p in ("^\u0627\u0633\u062a..\u0627.$", "^\u0627.\u062a.\u0627.$", "^\u062a..\u064a.$", "^\u0645...$", "..\u0627\u062a$", "..\u0647$")
)


def subjectless_verb(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span) -> bool:
    """A verb trigger that opens its clause with no subject of its own ("ودعا إلى ..."): its
    subject is the actor the text was already talking about."""
    return not is_nominal(trigger) and trigger_opens_clause(doc, trigger, clause_start_of(words, sentence, trigger))


def bare_head(word: str) -> str:
    norm = normalize(word.lstrip("#").split("_")[0])  # "#قوات_الأمن": a hashtag's first word
    return norm[1:] if len(norm) > 3 and norm[0] in "\u0648\u0641" else norm


def clause_end_after(words: Sequence[str], start: int, end: int) -> int:
    """Token index of the first comma or semicolon at or after `start` that ends the clause (`end`
    if none). Not a comma that opens a relative clause (the clause then runs to `end`), nor the
    commas around a short aside: "والتقى سلفاكير ميرديت، الأربعاء، مع مشار"."""
    k = start
    while k < end:
        if words[k] in CLAUSE_BREAKS:
            if k + 1 < end and normalize(words[k + 1]) in RELATIVE_PRONOUNS:
                return end
            closing = next((j for j in range(k + 2, min(end, k + 2 + ASIDE_WORDS)) if words[j] in CLAUSE_BREAKS), None)
            if closing is None:
                return k
            k = closing
        k += 1
    return end


PREPOSITION_CLITICS = frozenset("\u0628\u0644\u0643")  # ب ل ك
# "أن", "إن", "بأن", "أنه", ... (normalized): where a reported clause starts.
COMPLEMENTIZERS = frozenset("ان انه انها انهم بان بانه بانها".split())
COMPLEMENTIZER_INITIALS = frozenset("\u0623\u0625\u0627\u0628")  # أ إ ا ب


def clause_start_of(words: Sequence[str], sentence: Span, trigger: Span) -> int:
    """Token index where the trigger's clause starts: after the last complementizer before it.

    `words`: the document's token texts; only words starting like one are normalized.
    """
    for i in range(trigger.start - 1, sentence.start - 1, -1):
        word = words[i]
        if word[:1] in COMPLEMENTIZER_INITIALS and normalize(word) in COMPLEMENTIZERS:
            return i + 1
    return sentence.start


# Words that may stand before a clause's verb: "وقد قصفت", "ثم التقى", "كما اجتمع".
PRE_VERB = frozenset("قد لقد وقد ثم كما فقد".split())


def trigger_opens_clause(doc: Doc, trigger: Span, clause_start: int) -> bool:
    """The trigger is the first word of its clause, but for a particle or a comma before it."""
    k = trigger.start - 1
    while k >= clause_start and (doc[k].is_punct or normalize(doc[k].text) in PRE_VERB):
        k -= 1
    if k >= clause_start and k + 1 < trigger.start and doc[k + 1].text in CLAUSE_BREAKS and _is_finite_verb(trigger):
        return True  # "والأربعاء المقبل، سيناقش المدير ...": a verb after a fronted phrase and its comma
    return k < clause_start


def _is_finite_verb(trigger: Span) -> bool:
    """One word, no verbal noun, no participle ("مطالباً", "متوعدة"): "سيناقش", "التقى", "قصفت"."""
    if len(trigger) != 1:
        return False
    norm = normalize(trigger[0].text)
    if norm[:1] in "\u0648\u0641" and len(norm) > 3:
        norm = norm[1:]
    return is_verb(trigger[0].text) or not (is_nominal(trigger) or norm[:1] == "\u0645")
