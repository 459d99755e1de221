"""Events from sentences: trigger lexicon matches, with modality, actors, place and date attached.

One event per (sentence, type): the first trigger of a type in a sentence stands for it, since
news sentences repeat the same event ("وقف إطلاق النار" three times) far more often than they
report two distinct events of one type.
Actors come from `doc.ents`: the source is the closest person/organization before the trigger (the
first of a list of them: "الولايات المتحدة وروسيا"; of a meeting, agreement or ceasefire, a pair's
second is then the target, unless the text marks one), or in a verb-first clause ("التقى كيري
لافروف") the first entity after it, or the agent after "من قبل" / "على يد" in a passive (an entity,
else the words there: "النظام"); the target is the entity after "على" / "ضد" / "مع", else the next
one right after the trigger (within `TARGET_GAP` tokens: an entity further on belongs to another
clause, as in "بعد لقائه نظيره الروسي ... على أن نظام الأسد"), else a counterpart phrase there
("نظيره الروسي", kept as words). Entities in a locative phrase ("في جنيف") are the event's place,
not its participants, except for attacks ("الهجوم على حلب").
Word order comes first where it speaks (`roles.py`): a verb's subject and object from V S O and
S V O clauses and "أنها + verb", an event noun's agent in a relative clause ("الذي شنه") or
before an object in "ل"; the entity rules above fill what it leaves open. A demand verb right
before another event's trigger makes no DEMAND event (the GUIDE's demanded event stands for it).
The sentence detectors (`classify.py`, trained on the OEDA gold standard) gate nothing by default:
PLOVER's sentence-level "yes" (every coder accepted) is stricter than what an article reader lists,
and on the multi-outlet gold set (eval/gold_loo.py, leave-one-outlet-out) the gate that dropped
ATTACK and PROTEST matches below the detector's threshold minus `GATE_MARGIN` cost ATTACK recall
0.58 -> 0.38 for precision 0.79 -> 0.82 (detection F1 0.670 -> 0.617). Pass `detectors` to gate.
Use `classify.detect_sentence` for the strict, OEDA-style decision.
Sources are never places in a locative phrase, entities behind a preposition, places naming an
accord ("اتفاقات أوسلو"), or the reporting outlet of an event told in a quote; a quoted speaker is
the source only of what they demand or agreed to. A wire dateline's places play no part.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, islice
from typing import Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize
from ..document import Actor, DateMention, Event, Mention, Place, Quote, doc_text, doc_words, entity_start
from .classify import TYPE_TO_PLOVER, LinearDetector, sentence_features
from .lexicon import TriggerLexicon, load_cues, load_lexicon
from .roles import TIME_WORDS, TITLE_HEADS, clause_roles, is_definite, is_verb, noun_roles, side, skip_time, span_actor
from .phrases import ACTOR_HEADS, STOP_WORDS, actor_head_before, is_adjective, phrase_after, phrase_with_partners, support_verb_before
from .triggers import Modalities, TriggerMatch, find_triggers, modality

GATE_MARGIN = 2.5
MORE_TRIGGERS = 3  # later triggers of an event's type in its sentence read for a target it lacks
# Attacks happen at a spot: a place the sentence names without "في" is still likely theirs
# (and so does a visit, where the visitor goes: "زار طهران", LOO place 0.637 -> 0.642)
# ("قصف حلب"); a meeting, demand or accord names countries as its parties, not where it was
# (LOO place 0.580 -> 0.645; keeping protests and arrests too gave 0.640).
PHYSICAL_TYPES = frozenset({"ATTACK"})
# Events whose actor a text names once and then goes on about: a meeting, protest, demand or
# threat with no actor in its sentence takes the last source too (LOO source 0.453 -> 0.461;
# attacks and arrests, told of many actors at once, lose: ARREST too 0.440; accords keep
# their sides to the sentence, see below).
CARRY_TYPES = frozenset({"MEET", "PROTEST", "DEMAND", "THREATEN"})
CARRY_SENTENCES = 3  # a subject-less verb takes the last source from this many sentences back (LOO source: 1 -> 0.410, 3 -> 0.412)
# A wire-style dateline at the very start: "دبي، الإمارات العربية المتحدة (CNN)--", "بيروت (رويترز) -".
DATELINE_RE = re.compile(r"\s*[^\n.():]{2,80}?\([^()\n]{2,30}\)\s*(?:--|[-–—ـ])")
# MISC (currencies, products, events, religions in ANERcorp) names no one who acts.
ACTOR_LABELS = ("PERS", "ORG", "LOC", "GPE")
MAX_AGENT_TOKENS = 3
AGENT_WINDOW = 6  # tokens after the trigger where "من قبل" may start
TARGET_GAP = 3  # tokens between a trigger and an unmarked target: "التقى كيري لافروف", "اجتماع ماراثوني مع"
# Modalities where a quoted speaker is the one acting: they demand it, they agreed to it.
SPEAKER_MODALITIES = frozenset({"demanded", "agreed"})
# Events with two sides, where a speaker saying "we" about them is one of the sides.
SIDED_TYPES = frozenset({"AGREE", "MEET", "CEASEFIRE"})
WE_WINDOW = 3  # words before the trigger
WE = frozenset({"نحن", "ونحن", "اننا", "واننا", "فاننا"})
WE_HOSTS = frozenset({"لكن", "ولكن", "لان", "ان", "وان", "فان", "بان"})  # + نا: "لكننا", "لأننا", "بأننا"
VERB_NEGATIONS = frozenset({"لن", "لم", "ولن", "ولم", "فلن", "فلم"})
CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";"})
ASIDE_WORDS = 3  # at most this many words between two commas make an aside, not a new clause
RELATIVE_PRONOUNS = frozenset("الذي التي الذين اللذين اللتين اللواتي اللاتي".split())  # normalized
OTHER_THAN = "\u063a\u064a\u0631"  # "غير"
COUNTERPART = "نظير"  # "نظيره", "نظيرته", "نظراءه": the other side's peer, a target in its own right

__all__ = ["TriggerMatch", "extract_events", "find_triggers", "modality"]


def _actor(ent: Span) -> Actor:
    start = entity_start(ent) if Span.has_extension("name_start") else ent.start_char
    text = doc_text(ent.doc)[start : ent.end_char]
    return Actor(name=text, entity_id=ent._.entity_id if Span.has_extension("entity_id") else None, start=start, end=ent.end_char)


def _agent_after(words: Sequence[str], sentence: Span, trigger_end: int) -> int | None:
    """Token index after an agent marker ("من قبل") that closely follows the trigger.

    `words`: the texts of the document's tokens.
    """
    agent = load_cues()["agent"]
    markers = agent.sequences + tuple((word,) for word in agent.exact)
    norms = [normalize(word) for word in words[trigger_end : min(sentence.end, trigger_end + AGENT_WINDOW)]]
    for offset in range(len(norms)):
        for marker in markers:
            if tuple(norms[offset : offset + len(marker)]) == marker:
                return trigger_end + offset + len(marker)
    return None


def _is_locative(doc: Doc, ent: Span, ents_by_end: dict[int, Span]) -> bool:
    """"في جنيف", "في حلب ومنبج والحسكة", "بولاية تكساس": a place where something happens, not a participant."""
    if _attached_locative(normalize(ent[0].text)):
        return True
    i = ent.start
    while i > 0:
        previous = doc[i - 1]
        if previous.i + 1 in ents_by_end:  # walk back over a coordinated list of entities
            i = ents_by_end[previous.i + 1].start
            continue
        if previous.text in ("،", ","):
            i -= 1
            continue
        norm = normalize(previous.text)
        place_heads = load_cues()["place_head"].exact
        if norm in place_heads and i - 1 > 0:  # "في ولاية تكساس"
            i -= 1
            continue
        return norm in load_cues()["locative"].exact or (_attached_locative(norm) and _strip_locative(norm) in place_heads)
    return False


LOCATIVE_CLITICS = ("\u0648\u0628", "\u0641\u0628", "\u0628")  # وب فب ب: "بحلب", "وبولاية"


def _attached_locative(norm: str) -> bool:
    """A word with an attached "ب" ("بحلب", "بولايه") that is not itself a word in ب ("بريطانيا")."""
    stripped = _strip_locative(norm)
    return stripped != norm and len(stripped) >= 3 and (stripped in load_cues()["place_head"].exact or not _stem_is_whole(norm))


def _strip_locative(norm: str) -> str:
    for clitic in LOCATIVE_CLITICS:
        if norm.startswith(clitic):
            return norm[len(clitic):]
    return norm


def _stem_is_whole(norm: str) -> bool:
    """The clitic splitter keeps the word whole ("بريطانيا", "بغداد"): its ب is a root letter."""
    return not split_proclitics(norm)[0]


def _agent_phrase(doc: Doc, sentence: Span, start: int) -> Actor | None:
    """A non-entity agent after "من قبل": "النظام وحلفائه" -> "النظام"."""
    end = start
    while end < sentence.end and end - start < MAX_AGENT_TOKENS and doc[end].is_alpha and not (end > start and doc[end].text[0] in "وف"):
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    return Actor(name=span.text, entity_id=None, start=span.start_char, end=span.end_char)


def _actors(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, actor_ents: Sequence[Span], words: Sequence[str], quotes: Sequence[Quote] = ()
) -> tuple[Actor | None, Actor | None]:
    """Source and target from the sentence's entities, gaps filled from the clause's noun phrases."""
    if event_type in SIDED_TYPES:
        sides = _between(doc, sentence, trigger, words)
        if sides is not None:
            return sides
    source, target = _entity_actors(doc, sentence, trigger, event_type, actor_ents, words, quotes)
    if (is_verb(trigger[0].text) or not _is_nominal(trigger)) and _agent_after(words, sentence, trigger.end) is None:
        clause_start = _clause_start(words, sentence, trigger)
        subject, obj = clause_roles(
            doc, words, sentence, trigger, clause_start, _clause_end(words, trigger.end, sentence.end), event_type,
            # "واستهدف": a verb with "و" opens a clause of its own
            opens_clause=_opens_clause(doc, trigger, clause_start) or (normalize(trigger[0].text)[:1] in "\u0648\u0641" and not is_verb(trigger[0].text[1:]) and len(trigger[0].text) > 3),
        )
        source = _named(subject, actor_ents) or source
        target = _named(obj, actor_ents) or target
    if (_is_nominal(trigger) or (source is None and target is None)) and _agent_after(words, sentence, trigger.end) is None:
        agent, patient = noun_roles(doc, words, trigger, _clause_end(words, trigger.end, sentence.end), event_type)
        source = _named(agent, actor_ents) or source
        target = _named(patient, actor_ents) or target
    accused = _accused(doc, words, sentence, trigger)
    if accused is not None:
        source = _named(accused, actor_ents)  # "اتهمت الشرطة رجلين بتنفيذ الهجوم": the accused did it
    if source is None or target is None:
        source, target = _phrase_actors(doc, sentence, trigger, event_type, words, source, target)
    if source is None and event_type == "PROTEST":
        source = _protesters(doc, words, sentence)
    if target is None and event_type in VICTIM_TYPES:
        victim = _victim_before(doc, words, sentence, trigger, actor_ents)
        if victim is not None:
            target = _named(victim, actor_ents)
            if source is not None and source.start is not None and (victim.start <= source.start < victim.end or source.end <= victim.start):
                source = None  # the one it was done to, or someone named before them, did not do it
    return source, target


ACCUSING_VERBS = ("\u0627\u062a\u0647\u0645", "\u064a\u062a\u0647\u0645", "\u062a\u062a\u0647\u0645")  # اتهم يتهم تتهم
ACCUSATIONS = frozenset("اتهام اتهامات تهم تهمه".split())
ACCUSED_WITHIN = 10  # tokens from the accusation to the event it names


def _accused(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span) -> Actor | None:
    """Whom an accusation names as the doer of the event it is about: "اتهمت السلطات رجلا وزوجته
    بالتحضير لهجوم", "وجهت النيابة اتهامات لثلاثة شبان بإحراق". The event's word, or the one
    that leads to it, carries "ب"."""
    lead = next((k for k in range(trigger.start, max(sentence.start, trigger.start - 3) - 1, -1) if normalize(words[k])[:1] == "\u0628"), None)
    if lead is None:
        return None
    for k in range(lead - 1, max(sentence.start, lead - ACCUSED_WITHIN) - 1, -1):
        if words[k] in CLAUSE_BREAKS:
            return None
        head = _bare_head(words[k])
        j = k + 1
        if head.startswith(ACCUSING_VERBS) and len(head) <= 6:
            first = side(doc, words, j, lead)
            if first is not None and first[1] < lead and (doc[first[0]].ent_type_ or _bare_head(words[first[0]]).startswith("\u0627\u0644")):
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


def _protesters(doc: Doc, words: Sequence[str], sentence: Span) -> Actor | None:
    """"المتظاهرون", "محتجون": the sentence's word for those who protest (not "محتجز", held)."""
    for k in range(sentence.start, sentence.end):
        head = _bare_head(words[k]).removeprefix("\u0627\u0644")
        if head.startswith(PROTESTERS) and not head.startswith("\u0645\u062d\u062a\u062c\u0632"):
            return span_actor(doc, phrase_after(words, k, sentence.end))
    return None


# Verbs by which someone judges or reports an event named after them (normalized).
COMMENTING_VERBS = frozenset(
    """ادان ادانت يدين تدين ندد نددت يندد تندد استنكر استنكرت يستنكر تستنكر شجب شجبت رحب رحبت يرحب ترحب
    انتقد انتقدت ينتقد تنتقد وصف وصفت يصف تصف نفي نفت ينفي تنفي حذر حذرت يحذر تحذر اوصي اوصت""".split()
)


def _commented_on(words: Sequence[str], start: int, end: int) -> bool:
    """A verb of judging or reporting stands between `start` (the would-be source) and the event noun."""
    return any(_bare_head(words[k]) in COMMENTING_VERBS for k in range(start, end))


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
        norm in STOP_WORDS or _bare_head(words[k]) in TIME_WORDS or (norm[:1] in "\u0628\u0644" and len(norm) > 3)
    )


def _victim_before(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span, actor_ents: Sequence[Span]) -> Actor | None:
    """Whom a passive tells of before it: "وكان الناشط قد تم توقيفه", "الأطفال الذين تعرضوا
    للاعتداء", "فلان، المعتقل منذ": the name or phrase before the helper verb (a relative pronoun
    and "قد" aside), or before the comma of a participle in apposition."""
    k = trigger.start - 1
    while k > sentence.start and normalize(words[k]) in ("\u0642\u062f", "\u0641\u064a\u0647\u0627", "\u0641\u064a\u0647"):
        k -= 1  # "قد", "فيها"
    if k < sentence.start:
        return None
    head = _bare_head(words[k])
    first = normalize(trigger[0].text)
    if head in PASSIVE_HELPERS or normalize(words[k]) in PASSIVE_HELPERS:
        end = k
    elif len(trigger) == 1 and _bare_head(trigger[0].text) in PASSIVE_VERBS and _nothing_follows(doc, words, trigger.end, sentence.end):
        end = k + 1  # "سكان قتلوا خلال الحرب", "وكان فلان قد اعتقل في ...": a passive in print
    elif words[k] in CLAUSE_BREAKS and first.startswith(("\u0627\u0644\u0645", "\u0645")) and len(trigger) == 1:
        end = k  # "فلان، المعتقل في ..."
    else:
        return None
    while end > sentence.start and (normalize(words[end - 1]) in RELATIVE_PRONOUNS or words[end - 1] in CLAUSE_BREAKS or normalize(words[end - 1]) in ("\u0642\u062f", "\u0648\u0647\u064a", "\u0648\u0647\u0648")):
        end -= 1
    if end <= sentence.start:
        return None
    if normalize(words[end - 1]) in STOP_WORDS or _bare_head(words[end - 1]) in TIME_WORDS:
        return None  # "حين تم", "السبت تم": no one named
    ent = next((e for e in actor_ents if e.end == end and e.start >= sentence.start), None)  # the sentence's, not doc.ents (new Spans per call)
    if ent is not None:
        return _actor(ent)
    for start in range(max(sentence.start, end - VICTIM_WORDS_BACK), end):
        span = phrase_after(words, start, end)
        if span == (start, end):
            return span_actor(doc, span)
    return None


def _named(actor: Actor | None, actor_ents: Sequence[Span]) -> Actor | None:
    """`actor` with the entity id of the name it holds ("وزير الخارجية جون كيري": Kerry's), if any."""
    if actor is None or actor.start is None:
        return actor
    inside = [ent for ent in actor_ents if actor.start <= ent.start_char and ent.end_char <= actor.end]
    if not inside or not Span.has_extension("entity_id"):
        return actor
    ent = next((e for e in inside if e.end_char == actor.end), inside[0])
    return Actor(name=actor.name, entity_id=ent._.entity_id, start=actor.start, end=actor.end)


# Types whose object right after the trigger (or after a verb's subject) is what it is done to.
OBJECT_TYPES = frozenset({"ATTACK", "ARREST", "THREATEN", "DEMAND"})
# Prepositions that mark the target, per type ("القبض على", "الهجوم ضد", "اجتماع مع").
PHRASE_MARKERS = {
    "ATTACK": frozenset({"علي", "ضد", "بحق"}),
    "ARREST": frozenset({"علي", "بحق"}),
    "THREATEN": frozenset({"ضد", "بحق"}),
    "MEET": frozenset({"مع"}),
    "AGREE": frozenset({"مع"}),
    "CEASEFIRE": frozenset({"مع"}),
    "AID": frozenset({"الي"}),  # who receives it: "إيصال المساعدات إلى النازحين"
}


BETWEEN = "\u0628\u064a\u0646"  # بين
WITH_GAP = 10  # tokens between a meeting or an accord and its "مع": the clause's place and time may come first
# Words before "مع" that make it no other side: "بالتزامن مع", "مقارنة مع" (normalized).
NOT_WITH_PARTIES = frozenset("بالتزامن تزامنا بالتوازي تماشيا مقارنه بالمقارنه جنبا تعاطفا تضامنا".split())


def _between(doc: Doc, sentence: Span, trigger: Span, words: Sequence[str]) -> tuple[Actor | None, Actor | None] | None:
    """"القمة بين الرئيس الأمريكي والزعيم الكوري": the two sides of a meeting or an accord."""
    end = _clause_end(words, trigger.end, sentence.end)
    for k in range(trigger.end, min(end, trigger.end + TARGET_GAP)):
        if normalize(words[k]) != BETWEEN:
            continue
        first = side(doc, words, k + 1, end)
        if first is None:
            return None
        j = first[1] + 1 if first[1] < sentence.end and words[first[1]] in CLAUSE_BREAKS else first[1]  # "بين الرئيس الأميركي، وزعيم ..."
        second = side(doc, words, j, sentence.end) if j < sentence.end and words[j][:1] == "\u0648" else None
        other = span_actor(doc, second)
        if other is not None and other.name[:1] == "\u0648":  # "وكوريا": the side without its "و"
            other = Actor(name=other.name[1:], entity_id=None, start=other.start + 1, end=other.end)
        return span_actor(doc, first), other
    return None


def _phrase_actors(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, words: Sequence[str], source: Actor | None, target: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """Fill a missing source or target with the clause's noun phrase (see `phrases`)."""
    clause_start = _clause_start(words, sentence, trigger)
    clause_end = _clause_end(words, trigger.end, sentence.end)
    definite = _is_nominal(trigger)
    object_from = trigger.end
    if source is None:
        support = support_verb_before(words, clause_start, trigger.start)
        if support is not None and _opens_clause(doc, doc[support : support + 1], clause_start):
            span = phrase_after(words, skip_time(words, support + 1, trigger.start), trigger.start)  # "ألقت الشرطة القبض"
            source = span_actor(doc, span)
        elif not definite and _opens_clause(doc, trigger, clause_start):
            span = phrase_after(words, trigger.end, clause_end)  # "أوقفت قوات الأمن ..."
            if span is not None and _bare_head(words[span[0]]) in ACTOR_HEADS:
                source = span_actor(doc, span)
                object_from = span[1]
        if source is None:
            head = actor_head_before(words, clause_start, trigger.start)
            if head is not None and not (definite and _commented_on(words, max(clause_start, head[0] - 2), trigger.start)):
                source = span_actor(doc, head)
    elif source.start is not None and trigger.end_char <= source.start:
        after_source = next((t.i for t in doc[trigger.end : clause_end] if t.idx >= source.end), None)
        object_from = after_source if after_source is not None else object_from
        while object_from < clause_end and doc[object_from].ent_type_ and (doc[object_from].ent_iob_ == "I" or doc[object_from].text[:1] == "\u0648"):
            object_from += 1  # the source's partners: "وطالبت الولايات المتحدة وفرنسا وبريطانيا"
    if target is None:
        markers = PHRASE_MARKERS.get(event_type, frozenset())
        # the other side of talks may come after where and when: "والتقى المبعوث أثناء وجوده في
        # القاهرة مع ممثلين عن ..."
        reach = WITH_GAP if event_type in SIDED_TYPES else TARGET_GAP + 1
        for k in range(object_from, min(clause_end, object_from + reach)):
            if normalize(words[k]) in markers:
                if k - object_from > TARGET_GAP and normalize(words[k - 1]) in NOT_WITH_PARTIES:
                    break
                target = span_actor(doc, phrase_with_partners(words, k + 1, clause_end))
                break
        if (
            target is None and event_type == "MEET" and object_from < clause_end and words[object_from][:1] == "\u0628" and len(words[object_from]) > 3
            and _strip_locative(normalize(words[object_from])) not in load_cues()["place_head"].exact  # "بمدينة": where, not whom
        ):
            # "التقى بالوزير", "اتصل بنظيره": the one met, behind "ب"
            met = span_actor(doc, phrase_after(words, object_from, clause_end))
            if met is not None:
                target = Actor(name=met.name[1:], entity_id=None, start=met.start + 1, end=met.end)
        # A verb's object follows its subject: without a subject found before or right after
        # the verb, what follows it may be the subject ("ودعا الناطق باسم الحكومة ...").
        verb_without_subject = not definite and object_from == trigger.end and not (
            source is not None and source.start is not None and source.end <= trigger.start_char
        )
        if target is None and event_type in OBJECT_TYPES and object_from < clause_end and not verb_without_subject:
            k = object_from
            # "غارات جوية", "الضربات الجوية", "قصفاً جوياً": no object yet
            while k < clause_end and (
                is_adjective(words[k]) or (definite and is_adjective(words[k], definite=True)) or _is_adverb(words[k])
                or (object_from == trigger.end and _agrees_with(trigger, words[k]))
            ):
                k += 1
            if k < clause_end and _can_be_object(doc, words, k) and not _goes_on(doc, words, k, clause_end) and not _is_verb_after(doc, words, k):
                target = span_actor(doc, phrase_with_partners(words, k, clause_end))
        if target is not None and source is not None and target.name == source.name:
            target = None
    return source, target


def _is_verb_after(doc: Doc, words: Sequence[str], k: int) -> bool:
    """The word after an event noun is the verb it is the subject of: another trigger word ("الاعتداء
    استهدف المصلين"), or a perfect in ت ("الحرب خلفت", "المصادر أشارت")."""
    if doc[k].ent_type_:
        return False
    word = words[k]
    if any(not trigger.blocking for trigger in load_lexicon().word_candidates(word)):
        return True
    norm = normalize(word)
    return 4 <= len(norm) <= 5 and norm.endswith("\u062a") and not norm.startswith("\u0627\u0644") and norm[:1] not in "\u0628\u0644\u0643"


def _agrees_with(trigger: Span, word: str) -> bool:
    """`word` describes the event noun: any definite word after a definite one ("ضرباتها الجوية",
    "الغارات العنيفة": a definite noun takes no genitive), a feminine indefinite one after a noun
    in ة or ات ("مواجهات مسلحة", "اغتيالات موجهة")."""
    norm = normalize(word)
    if is_definite(trigger[-1].text):
        return norm.startswith("\u0627\u0644")
    noun = normalize(trigger[-1].text)
    return noun.endswith(("\u0647", "\u0627\u062a")) and word.endswith("\u0629") and not norm.startswith("\u0627\u0644") and norm[:1] not in "\u0628\u0644\u0643\u0648"


def _can_be_object(doc: Doc, words: Sequence[str], k: int) -> bool:
    """An unmarked object carries no preposition ("بموجب", "لمدة") and is no verb or adverb that
    goes on with the clause ("أسفر", "أكثر")."""
    norm = _bare_head(words[k])
    if norm in NOT_OBJECTS:
        return False
    if doc[k].ent_type_:  # a name: "بريطانيا" is no ب + ريطانيا
        return True
    proclitics = split_proclitics(norm)[0]
    if proclitics.endswith("\u0627\u0644"):
        proclitics = proclitics[:-2]
    # "بسرعة", "لمدة": the splitter keeps some such words whole; a long word in ب/ل/ك is read so
    return not any(letter in PREPOSITION_CLITICS for letter in proclitics) and not (len(norm) >= 5 and norm[0] in PREPOSITION_CLITICS)


def _is_adverb(word: str) -> bool:
    """"احترازياً", "جوياً": a nisba accusative with tanween, a manner, not an object."""
    norm = normalize(word)
    return len(norm) > 4 and norm.endswith("\u064a\u0627") and (word.endswith("\u0627\u064b") or word.endswith("\u064b\u0627"))


def _goes_on(doc: Doc, words: Sequence[str], k: int, end: int) -> bool:
    """The word after an event noun goes on with the sentence: a second event joined by "و"
    ("مقتل ... وأسر"), a duration ("لمدة", "عشرين عاماً"), an ordinal or a bare description
    ("الأول", "الآثم")."""
    norm = normalize(words[k])
    if doc[k].ent_type_:
        return False
    if norm[:1] == "\u0648" and not norm[1:].startswith("\u0627\u0644") and len(norm) > 3 and not _stem_is_whole(norm):
        return True  # "وأسر", "وجرح", "وتسليم": another verbal noun
    if norm in ORDINALS_AND_DESCRIPTIONS:
        return True
    if norm.endswith(("\u062a\u0647\u0627", "\u062a\u0647", "\u062a\u0647\u0645")) or (norm[:1] in "\u064a\u062a" and norm.endswith(("\u0647\u0627", "\u0647\u0645"))):
        return True  # "شهدتها", "يستخدمها": a verb of a relative clause, its object the noun before
    following = normalize(words[k + 1]) if k + 1 < end else ""
    return (norm[:1].isdigit() or norm in NUMBER_WORDS_FOR_TIME) and following in TIME_UNITS


ORDINALS_AND_DESCRIPTIONS = frozenset("الاول الثاني الثالث الاخير الاخيره الاثم الارهابي الارهابيه الغاشم الجبان الدامي العنيف المزدوج".split())
NUMBER_WORDS_FOR_TIME = frozenset("عشرين ثلاثين عشر عشره خمس خمسه ثلاث ثلاثه".split())
TIME_UNITS = frozenset("عاما عام اعوام سنه سنوات سنين شهرا شهر اشهر يوما ايام".split())


# Words that follow an event noun without being its object (normalized).
NOT_OBJECTS = frozenset("داخل خارج قرب بالقرب لمده مده عده تستهدف يستهدف اكثر اقل مدي نحو حوالي وقع وقعت اسفر اسفرت امتد امتدت ادي ادت جاء جاءت تم يتم بموجب اثناء لفت لفتت اشار اشارت اكد اكدت اضاف اضافت قال قالت".split())


def _is_nominal(trigger: Span) -> bool:
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


def _subjectless_verb(doc: Doc, words: Sequence[str], sentence: Span, trigger: Span) -> bool:
    """A verb trigger that opens its clause with no subject of its own ("ودعا إلى ..."): its
    subject is the actor the text was already talking about."""
    return not _is_nominal(trigger) and _opens_clause(doc, trigger, _clause_start(words, sentence, trigger))


def _bare_head(word: str) -> str:
    norm = normalize(word.lstrip("#").split("_")[0])  # "#قوات_الأمن": a hashtag's first word
    return norm[1:] if len(norm) > 3 and norm[0] in "\u0648\u0641" else norm


def _entity_actors(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, actor_ents: Sequence[Span], words: Sequence[str], quotes: Sequence[Quote] = ()
) -> tuple[Actor | None, Actor | None]:
    """`actor_ents`: the document's entities with an ACTOR_LABELS label; `words`: its token texts;
    `quotes`: the document's reported speech (an event reported in a quote has its actors inside it)."""
    ents = [ent for ent in actor_ents if sentence.start <= ent.start and ent.end <= sentence.end]
    ents_by_end = {ent.end: ent for ent in ents}
    # A place in a locative phrase ("في جنيف") is where it happened, not who took part; only an
    # attack keeps it, as its target when marked ("الهجوم على حلب"), never as its source.
    locative = {ent.start for ent in ents if ent.label_ not in ("PERS", "ORG") and _is_locative(doc, ent, ents_by_end)}
    if event_type != "ATTACK":
        ents = [ent for ent in ents if ent.start not in locative]
    # "مؤتمر باريس", "اتفاق أوسلو": a place naming a conference or an accord is no party to anything.
    ents = [ent for ent in ents if ent.label_ in ("PERS", "ORG") or not _names_an_event(doc, ent)]
    before = [ent for ent in ents if ent.end <= trigger.start]
    after = [ent for ent in ents if ent.start >= trigger.end]
    agent_at = _agent_after(words, sentence, trigger.end)
    if agent_at is not None:
        agents = [ent for ent in after if ent.start == agent_at]
        source = _actor(agents[0]) if agents else _agent_phrase(doc, sentence, agent_at)
        target = before[-1] if before else None
        return source, (_actor(target) if target else None)
    # "ذكرت صحيفة حرييت أن الشرطة أطلقت النار": the paper reports the shooting, it did not shoot;
    # an event reported in a quote takes its source from inside the quote.
    report_start = next((quote.start for quote in quotes if quote.start <= trigger.start_char < quote.end), None)
    if report_start is not None:
        before = [ent for ent in before if ent.start_char >= report_start]
    # A subject carries no preposition: "للغوطة", "بحلب", "لروسيا" are never the source; and it
    # stands in the trigger's own clause: "أبلغ موسكو أن منطقة أخرى ستبرم اتفاقاً" (Moscow was told).
    clause_start = _clause_start(words, sentence, trigger)
    before = [ent for ent in before if not _with_preposition(ent) and ent.start >= clause_start]
    people = [ent for ent in before if ent.label_ in ("PERS", "ORG")]
    candidates = [ent for ent in before if ent.start not in locative]
    source = people[-1] if people else (candidates[-1] if candidates else None)
    if source is not None and _is_nominal(trigger) and _commented_on(words, max(clause_start, source.start - 2), trigger.start):
        source = None  # "أدانت الخارجية الهجوم": who comments on an event did not do it
    # "الولايات المتحدة وروسيا تمكنتا من التوصل إلى وقف لإطلاق النار": a list of subjects is led by
    # its first. Of an event with two sides, a pair's second is the other side (see below); in a
    # longer list ("الدول الضامنة ... روسيا وإيران وتركيا") they stand on one side together.
    partner = None
    if source is not None:
        subjects = _coordinated_before(doc, source, candidates)
        source = subjects[0]
        if len(subjects) == 2:
            partner = subjects[1]
    target_markers = load_cues()["target"].exact
    # A marked target stands in the trigger's clause: in "ينتهكون وقف اطلاق النار، واتفقنا على تكثيف
    # الاتصالات مع واشنطن" Washington belongs to the agreement after the comma, not to the ceasefire.
    # A relative clause still describes the trigger: "الاتفاق، الذي وقعه سلفه، مع إيران".
    clause_end = _clause_end(words, trigger.end, sentence.end)
    marked = [ent for ent in after if ent.start > 0 and ent.start < clause_end and _marked_by(words, ent.start, trigger.end, target_markers)]
    # A verbal noun of force opening a headline or clause ("مقتل القيادي ...", "اعتقال الناشط ...")
    # is followed by whom it was done to.
    done_to = event_type in OBJECT_TYPES and _is_nominal(trigger) and not is_verb(trigger[0].text)
    if source is None and after and _opens_clause(doc, trigger, clause_start) and not done_to:
        # Verb-first clause ("التقى كيري لافروف", "قصفت الطائرات المدينة"): the subject follows.
        # Only where the trigger opens its clause: in "واصلت المقاتلات قصف الغوطة" what follows
        # the verbal noun is its object.
        unmarked = [ent for ent in after if ent not in marked and ent.start not in locative and not _with_preposition(ent)]
        source = unmarked[0] if unmarked and unmarked[0].start - trigger.end <= TARGET_GAP else None
        if source is not None:
            # "وطالبت الولايات المتحدة وفرنسا وبريطانيا": the subject's partners are not its target.
            partners = _coordinated_after(doc, source, after)
            after = [ent for ent in after if ent is not source and ent not in partners]
    # A place after the trigger is its target only when marked ("الهجوم على حلب"), not "في تكساس".
    after = [ent for ent in after if ent.start not in locative or ent in marked]
    near = [ent for ent in after if ent.start - trigger.end <= TARGET_GAP]
    target = marked[0] if marked and marked[0] is not source else (near[0] if near else None)
    if target is None and partner is not None and event_type in SIDED_TYPES:
        target = partner
    if target is None:
        counterpart = _counterpart(doc, sentence, trigger.end)
        return (_actor(source) if source else None), counterpart
    return (_actor(source) if source else None), _actor(target)


MARKED_TITLE_WORDS = 3  # a title between a marker and the name: "مع الرئيس الأمريكي فلان"


def _marked_by(words: Sequence[str], start: int, lowest: int, markers) -> bool:
    """The name at `start` follows a target marker, over the title before it: "مع الرئيس ترمب"."""
    k = start - 1
    while k > lowest and start - k <= MARKED_TITLE_WORDS and normalize(words[k]) not in markers and _is_title_word(words[k]):
        k -= 1
    return k >= lowest and normalize(words[k]) in markers


def _is_title_word(word: str) -> bool:
    """"الرئيس", "الأمريكي", "وزير": a title or the definite adjective after it."""
    norm = normalize(word)
    bare = norm.removeprefix("\u0627\u0644")
    return bare in TITLE_HEADS or norm in TITLE_HEADS or (norm.startswith("\u0627\u0644") and norm.endswith(("\u064a", "\u064a\u0647")))


def _clause_end(words: Sequence[str], start: int, end: int) -> int:
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


def _clause_start(words: Sequence[str], sentence: Span, trigger: Span) -> int:
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


def _opens_clause(doc: Doc, trigger: Span, clause_start: int) -> bool:
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
    return is_verb(trigger[0].text) or not (_is_nominal(trigger) or norm[:1] == "\u0645")


def _with_preposition(ent: Span) -> bool:
    """The entity's first word carries a preposition ("للغوطة", "بحلب", "لروسيا"), or it follows
    "غير" ("منطقة أخرى غير داريا": Daraya is exactly not the one that acts)."""
    if ent.start > 0 and normalize(ent.doc[ent.start - 1].text) == OTHER_THAN:
        return True
    proclitics = split_proclitics(normalize(ent[0].text))[0]
    if proclitics.endswith("\u0627\u0644"):  # the article is no preposition: "الولايات" (but "بال", "لل" are)
        proclitics = proclitics[:-2]
    return any(letter in PREPOSITION_CLITICS for letter in proclitics)


def _coordinated_after(doc: Doc, first: Span, ents: Iterable[Span]) -> list[Span]:
    """Entities joined to `first` by "و" (or "،"), one after another."""
    chain, end = [], first.end
    for ent in ents:
        if ent.start <= first.start:
            continue
        if ent.start - end > 1:
            break  # more than one word between: not a list ("و" or "،" at most)
        between = [token.text for token in doc[end : ent.start]]
        if not (ent.text.startswith("\u0648") and all(word in ("،", ",") for word in between)) and between != ["\u0648"]:
            break
        chain.append(ent)
        end = ent.end
    return chain


def _coordinated_before(doc: Doc, last: Span, ents: Sequence[Span]) -> list[Span]:
    """The entities of `ents` joined by "و" (or "،") into a list that ends with `last`, in text
    order, `last` included: [last] alone when nothing is joined to it."""
    chain = [last]
    for ent in reversed([ent for ent in ents if ent.end <= last.start]):
        if _coordinated_after(doc, ent, [chain[0]]) != [chain[0]]:
            break
        chain.insert(0, ent)
    return chain


# Nouns that take a place name to name a meeting or an accord: "مؤتمر باريس", "اتفاقات أوسلو".
NAMING_NOUNS = frozenset(
    "مؤتمر موتمر اتفاق اتفاقات اتفاقيه اتفاقيات معاهده قمه اعلان مسار محادثات مفاوضات منتدي جوله مجموعه بيان".split()
)


def _names_an_event(doc: Doc, ent: Span) -> bool:
    if ent.start == 0:
        return False
    previous = normalize(doc[ent.start - 1].text)
    return previous in NAMING_NOUNS or (previous[:1] in "\u0648\u0641\u0628\u0644" and previous[1:] in NAMING_NOUNS)


def _source_spans(doc: Doc, source: Actor | None, actor_ents: Sequence[Span], starts: Sequence[int], start_chars: Sequence[int]) -> list[tuple[int, int]]:
    """Character spans of the source and the entities coordinated with it; `starts` and
    `start_chars` are the entities' token and character starts (in text order, for bisection)."""
    if source is None or source.start is None:
        return []
    spans = [(source.start, source.end)]
    found = bisect_left(start_chars, source.start)
    ent = actor_ents[found] if found < len(actor_ents) and start_chars[found] == source.start else None
    if ent is not None:
        later = islice(actor_ents, bisect_left(starts, ent.end), None)  # read only as far as the list of partners goes
        spans += [(partner.start_char, partner.end_char) for partner in _coordinated_after(doc, ent, later)]
    return spans


def _first_person_plural(text: str) -> bool:
    """"اتفقنا", "طالبنا": the quoted speaker's own side acts."""
    form = normalize(text.split()[0])
    return len(form) > 4 and form.endswith("\u0646\u0627")


def _we_before(words: Sequence[str], start: int) -> bool:
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


def _speaker_of(quotes: Sequence[Quote], position: int) -> Actor | None:
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


def _counterpart(doc: Doc, sentence: Span, start: int) -> Actor | None:
    """"نظيره الروسي" within `TARGET_GAP` tokens after the trigger, with its nisba, as words."""
    for i in range(start, min(sentence.end, start + TARGET_GAP)):
        if normalize(doc[i].text).lstrip("\u0648\u0628\u0644").startswith(COUNTERPART):
            end = i + 1
            following = normalize(doc[end].text) if end < sentence.end else ""
            if following.startswith("\u0627\u0644") and following.endswith(("\u064a", "\u064a\u0647")):  # "الروسي", "الروسيه"
                end += 1
            span = doc[i:end]
            return Actor(name=span.text, entity_id=None, start=span.start_char, end=span.end_char)
    return None


def _nearest(items: Sequence, start: int, end: int, sentence: Span, *, indices: Sequence[int] | None = None) -> int | None:
    """Index of the item inside the sentence closest to [start, end), preferring ones after it.

    `indices`: those of the items inside the sentence, in increasing order, when known (the others are skipped anyway)."""
    best, best_distance = None, None
    for index in range(len(items)) if indices is None else indices:
        item = items[index]
        if item is None or not (sentence.start_char <= item.start and item.end <= sentence.end_char):
            continue
        distance = item.start - end if item.start >= end else (start - item.end) + 0.5
        if best_distance is None or distance < best_distance:
            best, best_distance = index, distance
    return best


VISIT_STEMS = ("\u0632\u064a\u0627\u0631", "\u0632\u0627\u0631", "\u064a\u0632\u0648\u0631", "\u062a\u0632\u0648\u0631")  # زيار زار يزور تزور


def _is_visit(trigger: Span) -> bool:
    """"زيارة", "زار", "يزور": a visit happens where the visitor goes, named with or without "إلى"."""
    norm = normalize(trigger[0].text)
    for clitic in ("\u0648", "\u0641", "\u0628", "\u0644", "\u0627\u0644"):
        norm = norm.removeprefix(clitic)
    return norm.startswith(VISIT_STEMS)


DEMANDED_WITHIN = 6  # tokens between a demand verb and the event it demands ("دعا إلى فتح حوار"); LOO F1 best at 6-8


def _without_demands_for_events(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """GUIDE: "A demand FOR a ceasefire or aid is a CEASEFIRE or AID event with modality
    `demanded` ...; DEMAND is only for demands of other things": a demand verb followed closely by
    another event's trigger ("دعا إلى إحراق", "طالب بوقف إطلاق النار") makes no DEMAND event."""
    if not any(m.type == "DEMAND" for m in matches):
        return matches
    others = {o.start for o in matches if o.type != "DEMAND"}  # a set: a sentence of many matches stays linear
    return [m for m in matches if m.type != "DEMAND" or not any(k in others for k in range(m.end, m.end + DEMANDED_WITHIN + 1))]


# Words for the victims of an attack ("القتلى", "قتلى"): they stand for the event only where no
# other trigger of it does (normalized, without clitics).
VICTIM_WORDS = frozenset("قتلي القتلي".split())


def _names_the_victims(words: Sequence[str]) -> bool:
    return len(words) == 1 and _bare_head(words[0]) in VICTIM_WORDS


SUBJECT_WITHIN = 5  # tokens from a sentence's start to the name that is its subject: "وقال وزير الخارجية فلان"


def _recent_subject(doc: Doc, sentences: Sequence[Span], number: int, *, since: int, actor_ents: Sequence[Span], starts: Sequence[int]) -> Actor | None:
    """The person or body a sentence after `since` and before `number` opens with as its subject
    ("وقال الأمين العام فلان ...", "وأكد المجلس ..."), the latest: the text went on about them
    after the last event that named a source."""
    for k in range(number - 1, since, -1):
        sentence = sentences[k]
        first = bisect_left(starts, sentence.start)
        for ent in actor_ents[first : first + 3]:
            if ent.start >= min(sentence.end, sentence.start + SUBJECT_WITHIN):
                break
            if ent.label_ in ("PERS", "ORG") and not _with_preposition(ent):
                return _actor(ent)
    return None


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


class _Contained:
    """Whether one of some spans lies inside start:end, by bisection (a scan of every date per
    sentence made a text of many short sentences and dates quadratic)."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # soonest_end[i]: the smallest end among the spans from i on.
        self.soonest_end = list(accumulate(reversed([end for _, end in ordered]), min))[::-1]

    def any_within(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, start)  # the first span that starts at or after `start`
        return index < len(self.starts) and self.soonest_end[index] <= end


class _SortedItems:
    """Items with character `start`/`end` (None entries allowed), answering "which lie inside
    lo:hi" by bisection, as their indices in the original order: a scan of every place, date and
    entity per event made a long article of many events quadratic (bench/adversarial.py)."""

    def __init__(self, items: Sequence) -> None:
        self.items = items
        self.order = sorted((index for index, item in enumerate(items) if item is not None), key=lambda index: items[index].start)
        self.starts = [items[index].start for index in self.order]

    def inside(self, lo: int, hi: int) -> list[int]:
        first, last = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return sorted(index for index in self.order[first:last] if self.items[index].end <= hi)


class _QuotesAround:
    """The quotes around a position, in their list order; positions come in text order, so a sweep
    keeps only the quotes still open (a scan of every quote per event was quadratic)."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda index: quotes[index].start)
        self.next = 0
        self.open: list[int] = []
        self.last = -1

    def at(self, position: int) -> list[Quote]:
        if position < self.last:  # out of order: start the sweep again
            self.next, self.open = 0, []
        self.last = position
        while self.next < len(self.order) and self.quotes[self.order[self.next]].start <= position:
            self.open.append(self.order[self.next])
            self.next += 1
        self.open = [index for index in self.open if self.quotes[index].end > position]
        return [self.quotes[index] for index in sorted(self.open)]


def extract_events(doc: Doc, *, lexicon: TriggerLexicon | None = None, detectors: dict[str, LinearDetector] | None = None) -> list[Event]:
    """Events of a document; reads `doc.ents`, `doc._.places`, `doc._.dates` (missing = empty).

    `detectors` (PLOVER type -> sentence detector): matches of their types are kept only where the
    detector's score reaches its threshold minus `GATE_MARGIN`; none by default (see the module note),
    `load_detectors()` for the shipped ones.
    """
    lexicon = lexicon or load_lexicon()
    detectors = {} if detectors is None else detectors
    places: list[Place | None] = list(getattr(doc._, "places", None) or []) if Doc.has_extension("places") else []
    # "دبي، الإمارات العربية المتحدة (CNN)-- ...": where the story was filed, not where it happened.
    dateline = DATELINE_RE.match(doc_text(doc))
    if dateline is not None:
        places = [None if p.end <= dateline.end() else p for p in places]  # indices still name doc._.places
    quotes: list[Quote] = list(getattr(doc._, "quotes", None) or []) if Doc.has_extension("quotes") else []
    dates: list[DateMention] = list(getattr(doc._, "dates", None) or []) if Doc.has_extension("dates") else []
    boilerplate = [(span.start_char, span.end_char) for span in doc.spans.get("boilerplate", [])] if "boilerplate" in doc.spans else []
    dates_within = _Contained((d.start, d.end) for d in dates)
    events: list[Event] = []
    orths = doc.to_array(ORTH).tolist()
    words_of_doc = doc_words(doc)  # computed once per doc and shared with the earlier stages
    # A sentence without any token that can start a trigger has no match: skip it before slicing
    # words, matching triggers or anything else (most sentences).
    starts_trigger = lexicon.candidates_of_orths(orths, doc.vocab.strings)  # non-empty lists where a trigger may start
    actor_ents: list[Span] | None = None  # doc.ents builds new Spans each call: once per document
    ents_by_end: dict[int, Span] | None = None  # entities and places by their end token, for coordinated places
    place_spans: list[Span | None] = []  # token spans of `places`, same order
    carried: tuple[int, Actor] | None = None  # (sentence number, source) of the last event with a source
    sentences = _sentences(doc)
    for number, sentence in enumerate(sentences):
        if not any(starts_trigger[sentence.start : sentence.end]):
            continue
        words = words_of_doc[sentence.start : sentence.end]
        seen_types: set[str] = set()
        verdicts: dict[str, bool] = {}
        features: list[str] | None = None  # sentence_features, shared by the detectors
        modalities: Modalities | None = None
        sentence_ents: list[Span] | None = None  # the sentence's actors, places and dates, found once it has an event
        matches = _without_demands_for_events(find_triggers(words, lexicon, starts_trigger[sentence.start : sentence.end]))
        for position, match in enumerate(matches):
            if match.type in seen_types:
                continue
            if _names_the_victims(words[match.start : match.end]) and any(m.type == match.type and not _names_the_victims(words[m.start : m.end]) for m in matches[position + 1 :]):
                continue  # "حصيلة القتلى جراء قصف ...": the later trigger tells who did it
            plover = TYPE_TO_PLOVER.get(match.type)
            if plover in detectors:
                if plover not in verdicts:
                    detector = detectors[plover]
                    if features is None:
                        has_date = dates_within.any_within(sentence.start_char, sentence.end_char)
                        # The sentence's text from the document's: `sentence.text` makes a Token per word.
                        text = doc_text(doc)[sentence.start_char : sentence.end_char]
                        features = sentence_features(text, has_date=has_date)
                    verdicts[plover] = detector.score(features) >= detector.threshold - GATE_MARGIN
                if not verdicts[plover]:
                    continue
            trigger = sentence[match.start : match.end]
            if any(s < trigger.end_char and trigger.start_char < e for s, e in boilerplate):
                continue
            seen_types.add(match.type)
            if actor_ents is None:
                filed_at = dateline.end() if dateline is not None else 0
                actor_ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS and ent.start_char >= filed_at]
                actor_starts = [ent.start for ent in actor_ents]  # doc.ents come in text order
                actor_start_chars = [ent.start_char for ent in actor_ents]
                around = _QuotesAround(quotes)
                place_index, date_index_of = _SortedItems(places), _SortedItems(dates)
            if sentence_ents is None:
                sentence_ents = actor_ents[bisect_left(actor_starts, sentence.start) : bisect_left(actor_starts, sentence.end)]
                sentence_places = place_index.inside(sentence.start_char, sentence.end_char)
                sentence_dates = date_index_of.inside(sentence.start_char, sentence.end_char)
            quotes_here = around.at(trigger.start_char)
            source, target = _actors(doc, sentence, trigger, match.type, sentence_ents, words_of_doc, quotes_here)
            if target is not None and target.start is not None and _is_visit(trigger) and any(
                places[i] is not None and places[i].start <= target.start < places[i].end for i in sentence_places
            ):
                target = None  # "زار طهران": where the visit goes is its place, not a party to it
            # One event per (sentence, type): its other triggers tell of the same event and may
            # name whom it hit ("وقع هجوم ... استهدف القرية"). (Their sources too: LOO source
            # 0.440 -> 0.421, a later trigger's subject is more often another clause's.)
            for other in islice((m for m in matches[position + 1 :] if m.type == match.type), MORE_TRIGGERS):
                if target is not None:
                    break
                more_target = _actors(doc, sentence, sentence[other.start : other.end], match.type, sentence_ents, words_of_doc, quotes_here)[1]
                if more_target is not None and (source is None or more_target.name != source.name):
                    target = more_target
            if source is not None and target is not None and source.entity_id is not None and source.entity_id == target.entity_id:
                target = None  # "وقعت السعودية ... مع المملكة": one party named twice is not both sides
            if modalities is None:
                modalities = Modalities(words)
            event_modality = modalities(match)
            if source is None and quotes and (
                event_modality in SPEAKER_MODALITIES
                or _first_person_plural(trigger.text)
                or (match.type in SIDED_TYPES and _we_before(words, match.start))
            ):
                source = _speaker_of(quotes_here, trigger.start_char)
            if source is None and carried is not None and number - carried[0] <= CARRY_SENTENCES and (_subjectless_verb(doc, words_of_doc, sentence, trigger) or match.type in CARRY_TYPES):
                # "ودعا ...": a clause without its own subject goes on about the actor the text
                # was already talking about: the last source, or the subject a sentence since
                # opened with (LOO source 0.4978 -> 0.5022; looking back without a last source
                # too: 0.4978). (Giving a meeting or accord without named sides that
                # actor too scored LOO source 0.421, but names a speaker as a party to accords
                # he only reports: the seed's "منطقة أخرى ستبرم اتفاقاً".)
                subject = _recent_subject(doc, sentences, number, since=carried[0], actor_ents=actor_ents, starts=actor_starts)
                source = subject or carried[1]
            elif source is not None:
                carried = (number, source)
            # The source's own name (and its partners') is not where it happened:
            # "وطالبت الولايات المتحدة وفرنسا وبريطانيا".
            taken = _source_spans(doc, source, actor_ents, actor_starts, actor_start_chars)
            # Only the places inside the sentence can be its place (`_nearest`); None elsewhere.
            place_options: list[Place | None] = [None] * len(places)
            for index in sentence_places:
                p = places[index]
                place_options[index] = None if any(p.start < end and start < p.end for start, end in taken) else p
            # A place the text introduces as one ("في قرية ...", "بمحافظة إدلب") beats a place named
            # for another reason ("التحالف بقيادة واشنطن").
            if ents_by_end is None:
                # Entities and places, so that "في حلب ومنبج والحسكة" puts all three in the phrase.
                place_spans = [None if p is None else doc.char_span(p.start, p.end, alignment_mode="expand") for p in places]
                ents_by_end = {span.end: span for span in (*doc.ents, *place_spans) if span is not None}
            where: list[Place | None] = [None] * len(places)
            # "وقالت مصادر في الاتحاد الأوروبي إن ...": a place before the trigger's clause locates
            # the one who reports it (LOO place 0.642 -> 0.648).
            clause_start = _clause_start(words_of_doc, sentence, trigger)
            for index in sentence_places:
                p = place_options[index]
                if p is not None and (span := place_spans[index]) is not None and span.start >= clause_start and _is_locative(doc, span, ents_by_end):
                    where[index] = p
            place = _nearest(where, trigger.start_char, trigger.end_char, sentence, indices=sentence_places)
            if place is None and (match.type in PHYSICAL_TYPES or _is_visit(trigger)):
                place = _nearest(place_options, trigger.start_char, trigger.end_char, sentence, indices=sentence_places)
            date_index = _nearest(dates, trigger.start_char, trigger.end_char, sentence, indices=sentence_dates)
            events.append(
                Event(
                    type=match.type,
                    trigger=Mention(trigger.start_char, trigger.end_char),
                    sentence=Mention(sentence.start_char, sentence.end_char),
                    modality=event_modality,
                    source=source,
                    target=target,
                    place=place,
                    date=dates[date_index].value if date_index is not None else None,
                )
            )
    return events
