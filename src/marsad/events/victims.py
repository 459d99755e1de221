"""Actors a sentence names away from the trigger: the accused doer, the protesters, a passive's victim."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.normalize import normalize
from ..document import Actor
from .clauses import CLAUSE_BREAKS, RELATIVE_PRONOUNS, bare_head
from .entity_actors import entity_actor
from .phrases import STOP_WORDS, phrase_after, phrase_with_partners
from .roles import TIME_WORDS, side, span_actor

ACCUSING_VERBS = ("\u0627\u062a\u0647\u0645", "\u064a\u062a\u0647\u0645", "\u062a\u062a\u0647\u0645")  # اتهم يتهم تتهم
ACCUSATIONS = frozenset("اتهام اتهامات تهم تهمه".split())
ACCUSED_WITHIN = 10  # tokens from the accusation to the event it names


def accused_doer(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span) -> Actor | None:
    """Whom an accusation names as the doer of the event it is about: "اتهمت السلطات رجلا وزوجته
    بالتحضير لهجوم", "وجهت النيابة اتهامات لثلاثة شبان بإحراق". The event's word, or the one
    that leads to it, carries "ب"."""
    lead = next((k for k in range(trigger.start, max(sentence.start, trigger.start - 3) - 1, -1) if normalize(words[k])[:1] == "\u0628"), None)
    if lead is None:
        return None
    for k in range(lead - 1, max(sentence.start, lead - ACCUSED_WITHIN) - 1, -1):
        if words[k] in CLAUSE_BREAKS:
            return None
        head = bare_head(words[k])
        j = k + 1
        if head.startswith(ACCUSING_VERBS) and len(head) <= 6:
            first = side(doc, words, j, lead)
            if first is not None and first[1] < lead and (doc[first[0]].ent_type_ or bare_head(words[first[0]]).startswith("\u0627\u0644")):
                j = first[1]  # "اتهمت السلطات ...": the subject, then the accused
                feminine = normalize(words[first[1] - 1]).endswith("\u0647")
                while j < lead and feminine and not doc[j].ent_type_ and normalize(words[j]).startswith("\u0627\u0644") and normalize(words[j]).endswith("\u0647"):
                    j += 1  # "النيابة العامة": an adjective that agrees with it
        elif head not in ACCUSATIONS:
            continue
        if j >= lead:
            return None
        actor = span_actor(doc, phrase_with_partners(words, j, lead))
        if actor is not None and actor.name[:1] == "\u0644":  # "لثلاثة شبان"
            actor = Actor(name=actor.name[1:] if actor.name[:2] != "\u0644\u0644" else "\u0627" + actor.name[1:], entity_id=None, start=actor.start + 1, end=actor.end)
        return actor
    return None


PROTESTERS = ("\u0645\u062a\u0638\u0627\u0647\u0631", "\u0645\u062d\u062a\u062c", "\u0645\u0639\u062a\u0635\u0645")  # متظاهر محتج معتصم


def protesters(doc: Doc, words: Sequence[str], sentence: Span) -> Actor | None:
    """"المتظاهرون", "محتجون": the sentence's word for those who protest (not "محتجز", held)."""
    for k in range(sentence.start, sentence.end):
        head = bare_head(words[k]).removeprefix("\u0627\u0644")
        if head.startswith(PROTESTERS) and not head.startswith("\u0645\u062d\u062a\u062c\u0632"):
            return span_actor(doc, phrase_after(words, k, sentence.end))
    return None


VICTIM_TYPES = frozenset({"ATTACK", "ARREST"})
# Words before a verbal noun that make it a passive of the one named before them: "الذين تم
# اعتقالهم", "الذي تعرض لاعتداء" (normalized, conjunction aside).
PASSIVE_HELPERS = frozenset("تم يتم تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون".split())
VICTIM_WORDS_BACK = 4  # words of the phrase that names the victim
# Verbs of force that, with a name before them and no object after, are passives in print (normalized).
PASSIVE_VERBS = frozenset("قتل قتلت قتلوا اعتقل اعتقلت اعتقلوا اوقف اوقفت اوقفوا اصيب اصيبت اصيبوا احتجز احتجزت اختطف اختطفت اغتيل خطف خطفت".split())


def _nothing_follows(doc: Doc, words: Sequence[str], k: int, end: int) -> bool:
    """No object after a verb: the sentence ends, or a comma, a preposition or a time word follows."""
    if k >= end or words[k] in CLAUSE_BREAKS or not any(ch.isalnum() for ch in words[k]):
        return True
    norm = normalize(words[k])
    return not doc[k].ent_type_ and norm not in ("\u0639\u0644\u064a", "\u0636\u062f") and (
        norm in STOP_WORDS or bare_head(words[k]) in TIME_WORDS or (norm[:1] in "\u0628\u0644" and len(norm) > 3)
    )


def victim_before(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span, actor_ents: Sequence[Span]) -> Actor | None:
    """Whom a passive tells of before it: "وكان الناشط قد تم توقيفه", "الأطفال الذين تعرضوا
    للاعتداء", "فلان، المعتقل منذ": the name or phrase before the helper verb (a relative pronoun
    and "قد" aside), or before the comma of a participle in apposition."""
    k = trigger.start - 1
    while k > sentence.start and normalize(words[k]) in ("\u0642\u062f", "\u0641\u064a\u0647\u0627", "\u0641\u064a\u0647"):
        k -= 1  # "قد", "فيها"
    if k < sentence.start:
        return None
    head = bare_head(words[k])
    first = normalize(trigger[0].text)
    if head in PASSIVE_HELPERS or normalize(words[k]) in PASSIVE_HELPERS:
        end = k
    elif len(trigger) == 1 and bare_head(trigger[0].text) in PASSIVE_VERBS and _nothing_follows(doc, words, trigger.end, sentence.end):
        end = k + 1  # "سكان قتلوا خلال الحرب", "وكان فلان قد اعتقل في ...": a passive in print
    elif words[k] in CLAUSE_BREAKS and first.startswith(("\u0627\u0644\u0645", "\u0645")) and len(trigger) == 1:
        end = k  # "فلان، المعتقل في ..."
    else:
        return None
    while end > sentence.start and (normalize(words[end - 1]) in RELATIVE_PRONOUNS or words[end - 1] in CLAUSE_BREAKS or normalize(words[end - 1]) in ("\u0642\u062f", "\u0648\u0647\u064a", "\u0648\u0647\u0648")):
        end -= 1
    if end <= sentence.start:
        return None
    if normalize(words[end - 1]) in STOP_WORDS or bare_head(words[end - 1]) in TIME_WORDS:
        return None  # "حين تم", "السبت تم": no one named
    ent = next((e for e in actor_ents if e.end == end and e.start >= sentence.start), None)  # the sentence's, not doc.ents (new Spans per call)
    if ent is not None:
        return entity_actor(ent)
    for start in range(max(sentence.start, end - VICTIM_WORDS_BACK), end):
        span = phrase_after(words, start, end)
        if span == (start, end):
            return span_actor(doc, span)
    return None
