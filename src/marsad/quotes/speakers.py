"""Who said it: every candidate gets its speaker, explicit or resolved by discourse.

Cues without a subject take the speaker the discourse gives: the cue they chain to, a known
speaker named earlier in the sentence, the speaker of the section's headline, the last speaker,
or the paragraph's main speaker after a one-sentence aside introduced by "بدوره" / "من جهته".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..document import Mention, Quote
from .candidate import Candidate
from .entities import LAM, WAW, Entity, SpeakerResolver, merge, root
from .layout import Layout
from .lexicon import QuoteLexicon
from .ranker import Alternative, Context, SpeakerRanker, alternatives, verb_agreement
from .view import AL, RELATIONAL_HEADS

SUBJECT_REACH = 9  # words before a person's name that may still leave it the sentence's subject
# Verbs that continue the last speaker's turn (normalized lemmas): أضاف تابع أردف استطرد استدرك ختم
CONTINUING = frozenset({"\u0627\u0636\u0627\u0641", "\u062a\u0627\u0628\u0639", "\u0627\u0631\u062f\u0641", "\u0627\u0633\u062a\u0637\u0631\u062f", "\u0627\u0633\u062a\u062f\u0631\u0643", "\u062e\u062a\u0645"})


@dataclass(slots=True)
class Discourse:
    """Who holds the floor while reading the article from the top."""

    last: Entity | None = None
    previous: Entity | None = None  # the speaker before `last`
    last_paragraph: int = -1
    aside_from: Entity | None = None  # the paragraph's speaker, after a "بدوره X" aside
    section_speaker: Entity | None = None
    section_has_explicit: bool = False
    first_in_paragraph: dict[int, Entity] = field(default_factory=dict)

    def enter(self, para: int, subheadings: list[int], heading_speaker: dict[int, Entity | None]) -> None:
        # `subheadings` is sorted: the last one crossed since the previous quote, by bisection (a
        # scan of all of them per quote grew with the article twice over).
        last_crossed = bisect_right(subheadings, para) - 1
        if last_crossed >= 0 and subheadings[last_crossed] > self.last_paragraph:
            self.section_speaker = root(heading_speaker[subheadings[last_crossed]])
            self.section_has_explicit = False

    def named(self, candidate: Candidate, entity: Entity, para: int, layout: Layout) -> None:
        """An explicit speaker: a headline opens a section, "بدوره X" mid-paragraph is an aside."""
        if candidate.kind == "headline" and para in layout.subheadings:
            self.section_speaker = entity
        else:
            self.section_has_explicit = True
        main = self.first_in_paragraph.get(para)
        self.aside_from = main if candidate.turn and main is not None and main is not entity else None

    def default(self, para: int) -> Entity | None:
        """The speaker of a cue without subject, before looking at the sentence itself."""
        if para != self.last_paragraph and self.aside_from is not None:
            entity, self.aside_from = self.aside_from, None
            return entity
        if self.section_speaker is not None and not self.section_has_explicit:
            return self.section_speaker
        return root(self.last)

    def advance(self, entity: Entity | None, para: int) -> None:
        if entity is not None:
            if entity is not root(self.last):
                self.previous = self.last
            self.last = entity
            self.first_in_paragraph.setdefault(para, entity)
        self.last_paragraph = para


def resolve(
    layout: Layout,
    candidates: list[Candidate],
    lexicon: QuoteLexicon | None = None,
    *,
    ranker: SpeakerRanker | None = None,
    trace: list | None = None,
) -> list[Quote]:
    """Attach a `Speaker` to every candidate, in text order, and build the output records.

    With a `ranker`, the rules' speaker is one alternative among the discourse's and the nearby
    named entities', and the best scored is kept. `trace`, when given, receives one list of
    (features, name) per output quote: what the ranker saw (training reads it).
    """
    resolver = SpeakerResolver(layout, lexicon)
    context = Context.of(layout) if ranker is not None or trace is not None else None
    spoke: dict[int, int] = {}
    said: dict[int, str] = {}  # the agreement of the verbs each entity was the explicit subject of
    seen: dict[int, list[Alternative]] = {}
    order = sorted(range(len(candidates)), key=lambda index: candidates[index].cue[0])
    # Entities first, in text order, so that discourse can look at every speaker of the article.
    explicit = {
        index: [resolver.entity_for(span) for span in candidates[index].subjects]
        for index in order
        if candidates[index].subjects and candidates[index].mode in ("explicit", "relative")
    }
    subheadings = sorted(layout.subheadings)
    heading_speaker = {number: _named_in(resolver, layout, number) for number in subheadings}
    discourse = Discourse()
    persons = _Persons(layout)
    sentence_subjects = _SentenceSubjects(layout, candidates, resolver.lex)
    resolved: dict[int, Entity | None] = {}  # by id() of the candidate
    unresolved: set[int] = set()
    for index in order:
        candidate = candidates[index]
        cue = candidate.cue[0]
        para = layout.paragraph[cue]
        discourse.enter(para, subheadings, heading_speaker)
        entity: Entity | None
        if index in explicit:
            entity = _apposed(resolver, explicit[index], candidate.subjects, persons)
            if candidate.nested:  # a report inside a quotation does not take the floor
                resolved[id(candidate)] = entity
                continue
            discourse.named(candidate, entity, para, layout)
            how = "explicit"
        elif candidate.parent is not None and id(candidate.parent) in resolved:
            entity = root(resolved[id(candidate.parent)])
            how = "parent"
        else:
            how = "discourse"
            entity = _implicit(resolver, layout, discourse, candidate, para, sentence_subjects)
            if entity is None:
                how = "ahead"
                entity = _look_ahead(resolver, layout, candidates, order, index)
                if entity is None:
                    how = "none"
        entity = root(entity)
        if context is not None:
            options = alternatives(context, resolver, candidate, chosen=entity, how=how, last=discourse.last, previous=discourse.previous, speakers=spoke, said=said)
            seen[id(candidate)] = options
            best = ranker.choose(options, rules_chose=entity is not None) if ranker is not None else None
            if best is not None:
                option = options[best]
                entity = root(option.entity) if option.span is None else root(resolver.entity_for(option.span))
        if entity is None:
            unresolved.add(id(candidate))
        if entity is not None:
            spoke[id(entity)] = spoke.get(id(entity), 0) + 1
            if how == "explicit" and context is not None and candidate.kind == "verb":
                agreement = verb_agreement(layout.norms[cue])
                if agreement in ("f", "m", "pl"):
                    said[id(entity)] = agreement
        resolved[id(candidate)] = entity
        discourse.advance(entity, para)
    if trace is not None:
        for candidate in candidates:
            if candidate.kind != "intro":
                trace.append([(option.features, _option_name(resolver, layout, option)) for option in seen.get(id(candidate), [])])
    starts, ends = layout.starts, layout.ends
    return [
        Quote(
            start=starts[candidate.content[0]],
            end=ends[candidate.content[1] - 1],
            direct=candidate.direct,
            cue=Mention(starts[candidate.cue[0]], ends[candidate.cue[1] - 1]),
            speaker=resolver.speaker(root(resolved.get(id(candidate))), unresolved=id(candidate) in unresolved),
        )
        for candidate in candidates
        if candidate.kind != "intro"
    ]


def _option_name(resolver: SpeakerResolver, layout: Layout, option: Alternative) -> str:
    return resolver.speaker(root(option.entity)).name if option.entity is not None else layout.surface(*option.span)


def _apposed(resolver: SpeakerResolver, entities: list[Entity], spans: list[tuple[int, int]], persons: _Persons) -> Entity:
    """Appositions ("المرشد الأعلى، آية الله علي خامنئي،") name one speaker, unless both carry a name.

    A phrase that itself holds a person's name wins over a bare title, even when that title
    matched someone named earlier ("الخبير ... الدكتور X" after another "الخبير ... Y").
    """
    named_here = [e for e, span in zip(entities, spans) if persons.inside(span)]
    bare_title = len(entities) > 1 and resolver.parse(spans[0]).name is None
    entity = root(named_here[0]) if named_here and bare_title else _main([root(e) for e in entities])
    for other in entities:
        other = root(other)
        if other is not entity and other in resolver.entities and not (other.names and entity.names):
            merge(resolver, entity, other)
    return entity


class _Persons:
    """The PERS entities of a document by start token, so that "does this span hold a person's
    name" is a bisection, not a scan of every entity (one scan per quote made a text quoting one
    name thousands of times quadratic: bench/adversarial.py, "one-speaker")."""

    def __init__(self, layout: Layout) -> None:
        found = sorted((s, e) for s, e, label, _ in layout.entities if label == "PERS")
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def inside(self, span: tuple[int, int]) -> bool:
        start, end = span
        k = bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if self.ends[k] <= end:
                return True
            k += 1
        return False


def _implicit(resolver: SpeakerResolver, layout: Layout, discourse: Discourse, candidate: Candidate, para: int, subjects: _SentenceSubjects | None = None) -> Entity | None:
    """A cue without subject: a known speaker named earlier in its sentence, else the discourse."""
    if not candidate.opens_sentence:
        named = _named_before(resolver, layout, candidate.cue[0])
        if named is not None:
            return named
        opener = subjects.opening(candidate) if subjects is not None else None
        if opener is not None:
            return root(resolver.entity_for(opener))
    elif subjects is not None:
        introduced = subjects.before(candidate)
        if introduced is not None:
            return root(resolver.entity_for(introduced))
    entity = discourse.default(para)
    if para != discourse.last_paragraph:  # a new paragraph may hand the floor back to the other side
        entity = _third_person_check(resolver, resolver.lex, candidate, entity, discourse.previous)
    return entity


class _SentenceSubjects:
    """"ومن الضحايا سامر، الذي ... . وقال إن ...": a person introduced as the subject of the sentence
    right before a cue without subject, in a sentence that reports nothing, takes the floor; a
    verb that continues ("وأضاف", "وتابع") keeps the last speaker's."""

    def __init__(self, layout: Layout, candidates: list[Candidate], lexicon: QuoteLexicon) -> None:
        self.layout = layout
        self.reporting = {layout.sentence[c.cue[0]] for c in candidates} | {layout.sentence[c.content[0]] for c in candidates}
        self.first_person: dict[int, tuple[int, int]] = {}
        for start, end, label, _ in layout.entities:
            if label != "PERS":
                continue
            number = layout.sentence[start]
            if number in self.first_person:
                continue
            first = layout.sentence_bounds[number][0]
            words_before = [k for k in range(first, start) if layout.words[k].isalpha()]
            # "محامي الرئيس X": the lawyer is the subject, not X
            related = any(layout.norms[k].removeprefix(AL) in RELATIONAL_HEADS for k in range(max(first, start - 3), start))
            if len(words_before) <= SUBJECT_REACH and not related and not (start > first and layout.norms[start - 1] in lexicon.adjuncts):
                self.first_person[number] = (start, end)
        self.lex = lexicon

    def opening(self, candidate: Candidate) -> tuple[int, int] | None:
        """"تعيش سلمى في المدينة وتقول إن ...": the person opening the cue's own sentence, before it."""
        if candidate.kind != "verb" or candidate.lemma in CONTINUING:
            return None
        found = self.first_person.get(self.layout.sentence[candidate.cue[0]])
        return found if found is not None and found[1] <= candidate.cue[0] else None

    def before(self, candidate: Candidate) -> tuple[int, int] | None:
        if candidate.kind != "verb" or candidate.lemma in CONTINUING:
            return None
        number = self.layout.sentence[candidate.cue[0]] - 1
        if number < 0 or number in self.reporting:
            return None
        if self.layout.paragraph[self.layout.sentence_bounds[number][0]] < self.layout.paragraph[candidate.cue[0]] - 1:
            return None
        return self.first_person.get(number)


def _named_in(resolver: SpeakerResolver, layout: Layout, number: int) -> Entity | None:
    """The person a subheading names ("ماذا قال ترامب؟"), if it names exactly one speaker."""
    start, end = layout.paragraph_bounds[number]
    words = {layout.norms[k] for k in range(start, end)}
    words |= {word[1:] for word in words if word[:1] in (WAW, LAM)}
    found = []
    for entity in resolver.entities:
        surnames = {resolver.norms[name[1] - 1] for name in entity.names}
        if entity.type == "person" and surnames & words:
            found.append(entity)
    return found[0] if len(found) == 1 else None


def _main(entities: list[Entity]) -> Entity:
    for entity in entities:
        if entity.names:
            return entity
    return entities[0]


def _third_person_check(resolver: SpeakerResolver, lex: QuoteLexicon, candidate: Candidate, entity: Entity | None, previous: Entity | None) -> Entity | None:
    """A speaker does not name their own country in the third person the way the other side does.

    Applies only between two speakers of known, different nationality ("الأميركي" / "الروسي"),
    when the content names the default speaker's country and not the other one's.
    """
    entity = root(entity)
    previous = root(previous)
    if entity is None or previous is None or previous is entity or not entity.nisbas or not previous.nisbas:
        return entity
    if previous.nisbas & entity.nisbas:
        return entity
    mentioned = _countries_named(resolver, lex, candidate)
    own = set().union(*(lex.nationalities.get(nisba, frozenset()) for nisba in entity.nisbas))
    other = set().union(*(lex.nationalities.get(nisba, frozenset()) for nisba in previous.nisbas))
    if mentioned & own and not mentioned & other:
        return previous
    return entity


def _countries_named(resolver: SpeakerResolver, lex: QuoteLexicon, candidate: Candidate) -> set[str]:
    names = set()
    start, end = candidate.content
    for k in range(start, end):
        norm = resolver.norms[k]
        names.add(norm)
        if norm[:1] in (WAW, LAM):
            names.add(norm[1:])
        if k + 1 < end:
            names.add(norm + " " + resolver.norms[k + 1])
    return names


def _named_before(resolver: SpeakerResolver, layout: Layout, cue: int) -> Entity | None:
    """"وتطرق ماكرون إلى ...، داعياً": the first known speaker named in the cue's sentence."""
    start = layout.sentence_bounds[layout.sentence[cue]][0]
    surnames: dict[str, Entity] = {}
    for entity in resolver.entities:
        if entity.type == "person":
            for name in entity.names:
                surname = resolver.norms[name[1] - 1]
                if len(surname) > 2 and surname not in resolver.lex.not_speakers:
                    surnames[surname] = entity
    for k in range(start, cue):
        norm = resolver.norms[k]
        entity = surnames.get(norm) or (surnames.get(norm[1:]) if norm[:1] in (WAW, LAM) else None)
        if entity is not None:
            return root(entity)
    return None


def _look_ahead(resolver: SpeakerResolver, layout: Layout, candidates: list[Candidate], order: list[int], index: int) -> Entity | None:
    """A subject-less cue before any speaker: the next explicit speaker of the same paragraph."""
    paragraph = layout.paragraph[candidates[index].cue[0]]
    position = order.index(index)
    for later in order[position + 1 :]:
        candidate = candidates[later]
        if layout.paragraph[candidate.cue[0]] != paragraph:
            break
        if candidate.subjects and candidate.mode == "explicit":
            return resolver.entity_for(candidate.subjects[0])
    return None
