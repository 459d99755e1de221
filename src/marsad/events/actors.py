"""Source and target of one trigger: word order first, then the sentence's entities, then its phrases.

Word order comes first where it speaks (`roles.py`): a verb's subject and object from V S O and
S V O clauses and "أنها + verb", an event noun's agent in a relative clause ("الذي شنه") or
before an object in "ل"; the entity rules (`entity_actors`) fill what it leaves open, the clause's
noun phrases (`phrase_actors`) what is still open, and an accusation, the protesters or a passive's
victim (`victims`) override or fill in last.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.normalize import normalize
from ..document import Actor, Quote
from .clauses import clause_end_after, clause_start_of, is_nominal, trigger_opens_clause
from .entity_actors import SIDED_TYPES, actors_from_entities, agent_after
from .phrase_actors import fill_from_phrases, sides_between
from .roles import clause_roles, is_verb, noun_roles
from .victims import VICTIM_TYPES, accused_doer, protesters, victim_before
# Events whose two sides "بين" names: a meeting's or an accord's, and a clash's ("الاشتباكات بين
# الفلسطينيين والقوات الإسرائيلية": the first side as source).
BETWEEN_TYPES = SIDED_TYPES | {"ATTACK"}


def trigger_actors(
    doc: Doc, sentence: Span, trigger: Span, event_type: str, actor_ents: Sequence[Span], words: Sequence[str], quotes: Sequence[Quote] = ()
) -> tuple[Actor | None, Actor | None]:
    """Source and target from the sentence's entities, gaps filled from the clause's noun phrases."""
    if event_type in BETWEEN_TYPES:
        sides = sides_between(doc, sentence, trigger, words)
        if sides is not None:
            return sides
    source, target = actors_from_entities(doc, sentence, trigger, event_type, actor_ents, words, quotes)
    if (is_verb(trigger[0].text) or not is_nominal(trigger)) and agent_after(words, sentence, trigger.end) is None:
        clause_start = clause_start_of(words, sentence, trigger)
        subject, obj = clause_roles(
            doc, words, sentence, trigger, clause_start, clause_end_after(words, trigger.end, sentence.end), event_type,
            # "واستهدف": a verb with "و" opens a clause of its own
            opens_clause=trigger_opens_clause(doc, trigger, clause_start) or (normalize(trigger[0].text)[:1] in "\u0648\u0641" and not is_verb(trigger[0].text[1:]) and len(trigger[0].text) > 3),
        )
        source = _named(subject, actor_ents) or source
        target = _named(obj, actor_ents) or target
    if (is_nominal(trigger) or (source is None and target is None)) and agent_after(words, sentence, trigger.end) is None:
        agent, patient = noun_roles(doc, words, trigger, clause_end_after(words, trigger.end, sentence.end), event_type)
        source = _named(agent, actor_ents) or source
        target = _named(patient, actor_ents) or target
    if _same_span(source, target):
        target = None  # "الهجوم الذي تشنه تركيا على ...": the agent word order found is no target; look on
    accused = accused_doer(doc, words, sentence, trigger)
    if accused is not None:
        source = _named(accused, actor_ents)  # "اتهمت الشرطة رجلين بتنفيذ الهجوم": the accused did it
    if source is None or target is None:
        source, target = fill_from_phrases(doc, sentence, trigger, event_type, words, source, target)
    if source is None and event_type == "PROTEST":
        source = protesters(doc, words, sentence)
    if target is None and event_type in VICTIM_TYPES:
        victim = victim_before(doc, words, sentence, trigger, actor_ents)
        if victim is not None:
            target = _named(victim, actor_ents)
            if source is not None and source.start is not None and (victim.start <= source.start < victim.end or source.end <= victim.start):
                source = None  # the one it was done to, or someone named before them, did not do it
    return source, target


def _named(actor: Actor | None, actor_ents: Sequence[Span]) -> Actor | None:
    """`actor` with the entity id of the name it holds ("وزير الخارجية جون كيري": Kerry's), if any."""
    if actor is None or actor.start is None:
        return actor
    inside = [ent for ent in actor_ents if actor.start <= ent.start_char and ent.end_char <= actor.end]
    if not inside or not Span.has_extension("entity_id"):
        return actor
    ent = next((e for e in inside if e.end_char == actor.end), inside[0])
    return Actor(name=actor.name, entity_id=ent._.entity_id, start=actor.start, end=actor.end)


def _same_span(source: Actor | None, target: Actor | None) -> bool:
    """Both name the same words of the text."""
    return (
        source is not None and target is not None and source.start is not None and target.start is not None
        and source.start < target.end and target.start < source.end
    )
