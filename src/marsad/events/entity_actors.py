"""Source and target of a trigger from the named entities of its sentence.

The source is the closest person/organization before the trigger (the first of a list of them:
"الولايات المتحدة وروسيا"; of a meeting, agreement or ceasefire, a pair's second is then the
target, unless the text marks one), or in a verb-first clause ("التقى كيري لافروف") the first
entity after it, or the agent after "من قبل" / "على يد" in a passive (an entity, else the words
there: "النظام"); the target is the entity after "على" / "ضد" / "مع", else the next one right after
the trigger (within `TARGET_GAP` tokens: an entity further on belongs to another clause, as in "بعد
لقائه نظيره الروسي ... على أن نظام الأسد"), else a counterpart phrase there ("نظيره الروسي", kept as
words). Entities in a locative phrase ("في جنيف") are the event's place, not its participants,
except for attacks ("الهجوم على حلب").
Sources are never places in a locative phrase, entities behind a preposition, places naming an
accord ("اتفاقات أوسلو"), or the reporting outlet of an event told in a quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize
from ..document import Actor, Quote, doc_text, entity_start
from .clauses import PREPOSITION_CLITICS, bare_head, clause_end_after, clause_start_of, is_nominal, trigger_opens_clause
from .lexicon import load_cues
from .locative import is_locative, names_an_event
from .roles import TITLE_HEADS, is_verb

# MISC (currencies, products, events, religions in ANERcorp) names no one who acts.
ACTOR_LABELS = ("PERS", "ORG", "LOC", "GPE")
MAX_AGENT_TOKENS = 3
AGENT_WINDOW = 6  # tokens after the trigger where "من قبل" may start
TARGET_GAP = 3  # tokens between a trigger and an unmarked target: "التقى كيري لافروف", "اجتماع ماراثوني مع"
# Events with two sides, where a speaker saying "we" about them is one of the sides.
SIDED_TYPES = frozenset({"AGREE", "MEET", "CEASEFIRE"})
OTHER_THAN = "\u063a\u064a\u0631"  # "غير"
COUNTERPART = "نظير"  # "نظيره", "نظيرته", "نظراءه": the other side's peer, a target in its own right


def entity_actor(ent: Span) -> Actor:
    start = entity_start(ent) if Span.has_extension("name_start") else ent.start_char
    text = doc_text(ent.doc)[start : ent.end_char]
    return Actor(name=text, entity_id=ent._.entity_id if Span.has_extension("entity_id") else None, start=start, end=ent.end_char)


def agent_after(words: Sequence[str], sentence: Span, trigger_end: int) -> int | None:
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


def _agent_phrase(doc: Doc, sentence: Span, start: int) -> Actor | None:
    """A non-entity agent after "من قبل": "النظام وحلفائه" -> "النظام"."""
    end = start
    while end < sentence.end and end - start < MAX_AGENT_TOKENS and doc[end].is_alpha and not (end > start and doc[end].text[0] in "وف"):
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    return Actor(name=span.text, entity_id=None, start=span.start_char, end=span.end_char)


# Verbs by which someone judges or reports an event named after them (normalized).
COMMENTING_VERBS = frozenset(
    """ادان ادانت يدين تدين ندد نددت يندد تندد استنكر استنكرت يستنكر تستنكر شجب شجبت رحب رحبت يرحب ترحب
    انتقد انتقدت ينتقد تنتقد وصف وصفت يصف تصف نفي نفت ينفي تنفي حذر حذرت يحذر تحذر اوصي اوصت""".split()
)


def commented_on(words: Sequence[str], start: int, end: int) -> bool:
    """A verb of judging or reporting stands between `start` (the would-be source) and the event noun."""
    return any(bare_head(words[k]) in COMMENTING_VERBS for k in range(start, end))


# Types whose object right after the trigger (or after a verb's subject) is what it is done to.
OBJECT_TYPES = frozenset({"ATTACK", "ARREST", "THREATEN", "DEMAND"})


def actors_from_entities(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, actor_ents: Sequence[Span], words: Sequence[str], quotes: Sequence[Quote] = ()
) -> tuple[Actor | None, Actor | None]:
    """`actor_ents`: the document's entities with an ACTOR_LABELS label; `words`: its token texts;
    `quotes`: the document's reported speech (an event reported in a quote has its actors inside it)."""
    ents = [ent for ent in actor_ents if sentence.start <= ent.start and ent.end <= sentence.end]
    ents_by_end = {ent.end: ent for ent in ents}
    # A place in a locative phrase ("في جنيف") is where it happened, not who took part; only an
    # attack keeps it, as its target when marked ("الهجوم على حلب"), never as its source.
    locative = {ent.start for ent in ents if ent.label_ not in ("PERS", "ORG") and is_locative(doc, ent, ents_by_end)}
    if event_type != "ATTACK":
        ents = [ent for ent in ents if ent.start not in locative]
    # "مؤتمر باريس", "اتفاق أوسلو": a place naming a conference or an accord is no party to anything.
    ents = [ent for ent in ents if ent.label_ in ("PERS", "ORG") or not names_an_event(doc, ent)]
    before = [ent for ent in ents if ent.end <= trigger.start]
    after = [ent for ent in ents if ent.start >= trigger.end]
    agent_at = agent_after(words, sentence, trigger.end)
    if agent_at is not None:
        agents = [ent for ent in after if ent.start == agent_at]
        source = entity_actor(agents[0]) if agents else _agent_phrase(doc, sentence, agent_at)
        target = before[-1] if before else None
        return source, (entity_actor(target) if target else None)
    # "ذكرت صحيفة حرييت أن الشرطة أطلقت النار": the paper reports the shooting, it did not shoot;
    # an event reported in a quote takes its source from inside the quote.
    report_start = next((quote.start for quote in quotes if quote.start <= trigger.start_char < quote.end), None)
    if report_start is not None:
        before = [ent for ent in before if ent.start_char >= report_start]
    # A subject carries no preposition: "للغوطة", "بحلب", "لروسيا" are never the source; and it
    # stands in the trigger's own clause: "أبلغ موسكو أن منطقة أخرى ستبرم اتفاقاً" (Moscow was told).
    clause_start = clause_start_of(words, sentence, trigger)
    before = [ent for ent in before if not with_preposition(ent) and ent.start >= clause_start]
    people = [ent for ent in before if ent.label_ in ("PERS", "ORG")]
    candidates = [ent for ent in before if ent.start not in locative]
    source = people[-1] if people else (candidates[-1] if candidates else None)
    if source is not None and is_nominal(trigger) and commented_on(words, max(clause_start, source.start - 2), trigger.start):
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
    clause_end = clause_end_after(words, trigger.end, sentence.end)
    marked = [ent for ent in after if ent.start > 0 and ent.start < clause_end and _marked_by(words, ent.start, trigger.end, target_markers)]
    # A verbal noun of force opening a headline or clause ("مقتل القيادي ...", "اعتقال الناشط ...")
    # is followed by whom it was done to.
    done_to = event_type in OBJECT_TYPES and is_nominal(trigger) and not is_verb(trigger[0].text)
    if source is None and after and trigger_opens_clause(doc, trigger, clause_start) and not done_to:
        # Verb-first clause ("التقى كيري لافروف", "قصفت الطائرات المدينة"): the subject follows.
        # Only where the trigger opens its clause: in "واصلت المقاتلات قصف الغوطة" what follows
        # the verbal noun is its object.
        unmarked = [ent for ent in after if ent not in marked and ent.start not in locative and not with_preposition(ent)]
        source = unmarked[0] if unmarked and unmarked[0].start - trigger.end <= TARGET_GAP else None
        if source is not None:
            # "وطالبت الولايات المتحدة وفرنسا وبريطانيا": the subject's partners are not its target.
            partners = coordinated_after(doc, source, after)
            after = [ent for ent in after if ent is not source and ent not in partners]
    # A place after the trigger is its target only when marked ("الهجوم على حلب"), not "في تكساس".
    after = [ent for ent in after if ent.start not in locative or ent in marked]
    near = [ent for ent in after if ent.start - trigger.end <= TARGET_GAP]
    target = marked[0] if marked and marked[0] is not source else (near[0] if near else None)
    if target is None and partner is not None and event_type in SIDED_TYPES:
        target = partner
    if target is None:
        counterpart = _counterpart(doc, sentence, trigger.end)
        return (entity_actor(source) if source else None), counterpart
    return (entity_actor(source) if source else None), entity_actor(target)


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


def with_preposition(ent: Span) -> bool:
    """The entity's first word carries a preposition ("للغوطة", "بحلب", "لروسيا"), or it follows
    "غير" ("منطقة أخرى غير داريا": Daraya is exactly not the one that acts)."""
    if ent.start > 0 and normalize(ent.doc[ent.start - 1].text) == OTHER_THAN:
        return True
    proclitics = split_proclitics(normalize(ent[0].text))[0]
    if proclitics.endswith("\u0627\u0644"):  # the article is no preposition: "الولايات" (but "بال", "لل" are)
        proclitics = proclitics[:-2]
    return any(letter in PREPOSITION_CLITICS for letter in proclitics)


def coordinated_after(doc: Doc, first: Span, ents: Iterable[Span]) -> list[Span]:
    """Entities joined to `first` by "و" (or "،"), one after another."""
    chain, end = [], first.end
    for ent in ents:
        if ent.start <= first.start:
            continue
        if ent.start - end > MARKED_TITLE_WORDS + 1:
            break  # too far to be the next of a list
        between = [token.text for token in doc[end : ent.start]]
        if ent.start - end > 1 and not _titled_partner(between):
            break  # more than one word between: not a list ("و" or "،" at most, or "و" + a title)
        if ent.start - end <= 1 and not (ent.text.startswith("\u0648") and all(word in ("،", ",") for word in between)) and between != ["\u0648"]:
            break
        chain.append(ent)
        end = ent.end
    return chain


def _titled_partner(between: Sequence[str]) -> bool:
    """"ترامب والزعيم الكوري الشمالي كيم": "و" on a title, its adjectives, then the next name."""
    if not between or len(between) > MARKED_TITLE_WORDS + 1 or not between[0].startswith("\u0648") or len(between[0]) < 4:
        return False
    return _is_title_word(between[0][1:]) and all(_is_title_word(word) for word in between[1:])


def _coordinated_before(doc: Doc, last: Span, ents: Sequence[Span]) -> list[Span]:
    """The entities of `ents` joined by "و" (or "،") into a list that ends with `last`, in text
    order, `last` included: [last] alone when nothing is joined to it."""
    chain = [last]
    for ent in reversed([ent for ent in ents if ent.end <= last.start]):
        if coordinated_after(doc, ent, [chain[0]]) != [chain[0]]:
            break
        chain.insert(0, ent)
    return chain


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
