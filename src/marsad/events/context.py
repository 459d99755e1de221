"""Sources from beyond the trigger's clause: the quoted speaker, the actor the text goes on about.

A quoted speaker is the source only of what they demand or agreed to, or of an event with two
sides that they tell of as "we"; a clause without its own subject goes on about the last source.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.normalize import normalize
from ..document import Actor, Quote
from .entity_actors import entity_actor, with_preposition

# Events whose actor a text names once and then goes on about: a meeting, protest, demand or
# threat with no actor in its sentence takes the last source too (LOO source 0.453 -> 0.461;
# attacks and arrests, told of many actors at once, lose: ARREST too 0.440; accords keep
# their sides to the sentence, see `extract`).
CARRY_TYPES = frozenset({"MEET", "PROTEST", "DEMAND", "THREATEN"})
CARRY_SENTENCES = 3  # a subject-less verb takes the last source from this many sentences back (LOO source: 1 -> 0.410, 3 -> 0.412)
# Modalities where a quoted speaker is the one acting: they demand it, they agreed to it.
SPEAKER_MODALITIES = frozenset({"demanded", "agreed"})
WE_WINDOW = 3  # words before the trigger
WE = frozenset({"نحن", "ونحن", "اننا", "واننا", "فاننا"})
WE_HOSTS = frozenset({"لكن", "ولكن", "لان", "ان", "وان", "فان", "بان"})  # + نا: "لكننا", "لأننا", "بأننا"
VERB_NEGATIONS = frozenset({"لن", "لم", "ولن", "ولم", "فلن", "فلم"})


def first_person_plural(text: str) -> bool:
    """"اتفقنا", "طالبنا": the quoted speaker's own side acts."""
    form = normalize(text.split()[0])
    return len(form) > 4 and form.endswith("\u0646\u0627")


def we_before(words: Sequence[str], start: int) -> bool:
    """A first-person plural just before the trigger: "لكننا لن نهرع إلى اتفاق", "نحن مستعدون لوقف
    إطلاق النار". Only for events with two sides (SIDED_TYPES): the speaker's side is then one of
    them; "لن نسمح بهجوم" does not make the speaker the attacker."""
    for k in range(max(0, start - WE_WINDOW), start):
        form = normalize(words[k])
        previous = normalize(words[k - 1]) if k > 0 else ""
        if form in WE or (len(form) > 4 and form.endswith("\u0646\u0627") and form[:-2] in WE_HOSTS):
            return True
        if previous in VERB_NEGATIONS and len(form) >= 4 and form[0] == "\u0646":  # "لن نهرع", "لم نتفق"
            return True
    return False


def speaker_of(quotes: Sequence[Quote], position: int) -> Actor | None:
    """The named speaker of the quote around `position`: "نحتاج إلى وقف حقيقي للنار" demanded by Kerry.

    Used only where the speaker is the actor (demands, agreements, first-person verbs), not for
    events the speaker reports ("قال المرصد إن الطائرات قصفت حلب": the observatory attacked nobody).
    """
    for quote in quotes:
        if quote.start <= position < quote.end and quote.speaker.name:
            mentions = [m for m in quote.speaker.mentions if m.end <= quote.start] or quote.speaker.mentions
            mention = mentions[-1] if mentions else None
            return Actor(
                name=quote.speaker.name,
                entity_id=quote.speaker.entity_id,
                start=mention.start if mention else None,
                end=mention.end if mention else None,
            )
    return None


SUBJECT_WITHIN = 5  # tokens from a sentence's start to the name that is its subject: "وقال وزير الخارجية فلان"


def recent_subject(doc: Doc, sentences: Sequence[Span], number: int, *, since: int, actor_ents: Sequence[Span], starts: Sequence[int]) -> Actor | None:
    """The person or body a sentence after `since` and before `number` opens with as its subject
    ("وقال الأمين العام فلان ...", "وأكد المجلس ..."), the latest: the text went on about them
    after the last event that named a source."""
    for k in range(number - 1, since, -1):
        sentence = sentences[k]
        first = bisect_left(starts, sentence.start)
        for ent in actor_ents[first : first + 3]:
            if ent.start >= min(sentence.end, sentence.start + SUBJECT_WITHIN):
                break
            if ent.label_ in ("PERS", "ORG") and not with_preposition(ent):
                return entity_actor(ent)
    return None
