"""A missing source or target from the noun phrases of the trigger's clause (see `phrases`).

The sides after "بين" of a meeting or an accord, the subject after a support verb ("ألقت الشرطة
القبض") or a verb that opens its clause, the head phrase before the trigger, and the target after
its type's preposition ("على", "ضد", "مع", "إلى") or, for acts done to someone, right after it.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize
from ..document import Actor
from .clauses import CLAUSE_BREAKS, PREPOSITION_CLITICS, RELATIVE_PRONOUNS, bare_head, clause_end_after, clause_start_of, is_nominal, trigger_opens_clause
from .entity_actors import OBJECT_TYPES, SIDED_TYPES, TARGET_GAP, commented_on
from .lexicon import load_cues, load_lexicon
from .locative import stem_is_whole, strip_locative
from .phrases import ACTOR_HEADS, actor_head_before, is_adjective, phrase_after, phrase_with_partners, support_verb_before
from .roles import is_definite, side, skip_time, span_actor

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
RELATIVE_REACH = 3  # words of a relative clause between an event noun and its "بين"
WITH_GAP = 12  # tokens between a meeting or an accord and its "مع": the clause's place and time may come first (LOO target 0.5310 at 10, 0.5332 at 12-18)
# Words before "مع" that make it no other side: "بالتزامن مع", "مقارنة مع" (normalized).
NOT_WITH_PARTIES = frozenset("بالتزامن تزامنا بالتوازي تماشيا مقارنه بالمقارنه جنبا تعاطفا تضامنا".split())


def sides_between(doc: Doc, sentence: Span, trigger: Span, words: Sequence[str]) -> tuple[Actor | None, Actor | None] | None:
    """"القمة بين الرئيس الأمريكي والزعيم الكوري": the two sides of a meeting or an accord."""
    end = clause_end_after(words, trigger.end, sentence.end)
    reach = trigger.end + TARGET_GAP
    for k in range(trigger.end, end):
        norm = normalize(words[k])
        if norm in RELATIVE_PRONOUNS and k < reach:
            reach = k + 1 + RELATIVE_REACH  # "اللقاء الذي وصف بالتاريخي بين ...": the relative clause tells of it
        if k >= reach:
            break
        if norm != BETWEEN:
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


def fill_from_phrases(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, words: Sequence[str], source: Actor | None, target: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """Fill a missing source or target with the clause's noun phrase (see `phrases`)."""
    clause_start = clause_start_of(words, sentence, trigger)
    clause_end = clause_end_after(words, trigger.end, sentence.end)
    definite = is_nominal(trigger)
    object_from = trigger.end
    if source is None:
        support = support_verb_before(words, clause_start, trigger.start)
        if support is not None and trigger_opens_clause(doc, doc[support : support + 1], clause_start):
            span = phrase_after(words, skip_time(words, support + 1, trigger.start), trigger.start)  # "ألقت الشرطة القبض"
            source = span_actor(doc, span)
        elif not definite and trigger_opens_clause(doc, trigger, clause_start):
            span = phrase_after(words, trigger.end, clause_end)  # "أوقفت قوات الأمن ..."
            if span is not None and bare_head(words[span[0]]) in ACTOR_HEADS:
                source = span_actor(doc, span)
                object_from = span[1]
        if source is None:
            head = actor_head_before(words, clause_start, trigger.start)
            if head is not None and not (definite and commented_on(words, max(clause_start, head[0] - 2), trigger.start)):
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
                target = span_actor(doc, _counted_phrase(words, k + 1, clause_end) or phrase_with_partners(words, k + 1, clause_end))
                break
        if (
            target is None and event_type == "MEET" and object_from < clause_end and words[object_from][:1] == "\u0628" and len(words[object_from]) > 3
            and strip_locative(normalize(words[object_from])) not in load_cues()["place_head"].exact  # "بمدينة": where, not whom
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
            if definite and k == trigger.end and k + 1 < clause_end and _joined_deed(doc, words, k):
                k += 1  # "مقتل وأسر عشرات ...", "توقيف وتسليم فلان": two acts, one object
            if k < clause_end and _can_be_object(doc, words, k) and not _goes_on(doc, words, k, clause_end) and not _is_verb_after(doc, words, k):
                target = span_actor(doc, phrase_with_partners(words, k, clause_end))
        if target is not None and source is not None and target.name == source.name:
            target = None
    return source, target


PARTITIVES = frozenset("عدد بعض جميع عشرات مئات الاف".split())  # normalized: "عدد من المسؤولين"
FROM = "\u0645\u0646"  # من


def _counted_phrase(words: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """"عدد من المسؤولين", "بعض من قادة الفصائل": a partitive, "من" and the phrase it counts."""
    if start + 2 >= end or normalize(words[start]) not in PARTITIVES or normalize(words[start + 1]) != FROM:
        return None
    counted = phrase_with_partners(words, start + 2, end)
    return (start, counted[1]) if counted is not None else None


def _is_verb_after(doc: Doc, words: Sequence[str], k: int) -> bool:
    """The word after an event noun is the verb it is the subject of: another trigger word ("الاعتداء
    استهدف المصلين"), or a perfect in ت ("الحرب خلفت", "المصادر أشارت")."""
    if doc[k].ent_type_:
        return False
    word = words[k]
    if any(not trigger.blocking for trigger in load_lexicon().word_candidates(word)):
        return True
    norm = normalize(word)
    # (not a plural in ات: "عشرات", "قيادات")
    return 4 <= len(norm) <= 5 and norm.endswith("\u062a") and not norm.endswith("\u0627\u062a") and not norm.startswith("\u0627\u0644") and norm[:1] not in "\u0628\u0644\u0643"


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
    norm = bare_head(words[k])
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


def _joined_deed(doc: Doc, words: Sequence[str], k: int) -> bool:
    """"وأسر", "وجرح", "وتسليم": a second verbal noun joined by "و" (no name, no article)."""
    norm = normalize(words[k])
    return not doc[k].ent_type_ and norm[:1] == "\u0648" and not norm[1:].startswith("\u0627\u0644") and len(norm) > 3 and not stem_is_whole(norm)


def _goes_on(doc: Doc, words: Sequence[str], k: int, end: int) -> bool:
    """The word after an event noun goes on with the sentence: a second event joined by "و"
    ("مقتل ... وأسر"), a duration ("لمدة", "عشرين عاماً"), an ordinal or a bare description
    ("الأول", "الآثم")."""
    norm = normalize(words[k])
    if doc[k].ent_type_:
        return False
    if _joined_deed(doc, words, k):
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
