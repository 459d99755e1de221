"""Events from sentences: trigger lexicon matches, with modality, actors, place and date attached.

One event per (sentence, type): the first trigger of a type in a sentence stands for it, since
news sentences repeat the same event ("وقف إطلاق النار" three times) far more often than they
report two distinct events of one type. Its source and target come from `actors`, or from beyond
its clause (`context`); its place and date are the sentence's nearest (`locative`, `indexes`).
The sentence detectors (`classify.py`, trained on the OEDA gold standard) gate nothing by default:
PLOVER's sentence-level "yes" (every coder accepted) is stricter than what an article reader lists,
and on the multi-outlet gold set (eval/gold_loo.py, leave-one-outlet-out) the gate that dropped
ATTACK and PROTEST matches below the detector's threshold minus `GATE_MARGIN` cost ATTACK recall
0.58 -> 0.38 for precision 0.79 -> 0.82 (detection F1 0.670 -> 0.617). Pass `detectors` to gate.
Use `classify.detect_sentence` for the strict, OEDA-style decision.
A wire dateline's places play no part.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice
from typing import Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..document import Actor, DateMention, Event, Mention, Place, Quote, doc_text, doc_words
from .actors import trigger_actors
from .classify import LinearDetector, TYPE_TO_PLOVER, sentence_features
from .chooser import ActorChooser, Site, actor_options, opening_ents
from .clauses import clause_end_after, clause_start_of, subjectless_verb
from .context import CARRY_SENTENCES, CARRY_TYPES, SPEAKER_MODALITIES, first_person_plural, recent_subject, speaker_of, we_before
from .entity_actors import ACTOR_LABELS, SIDED_TYPES, coordinated_after
from .indexes import Contained, QuotesAround, SortedItems, nearest
from .lexicon import TriggerLexicon, load_lexicon
from .locative import is_locative, is_visit, party_between
from .selection import names_the_victims, without_demands_for_events
from .triggers import Modalities, TriggerMatch, find_triggers, modality

GATE_MARGIN = 2.5
MORE_TRIGGERS = 3  # later triggers of an event's type in its sentence read for a target it lacks
# Attacks happen at a spot: a place the sentence names without "في" is still likely theirs
# (and so does a visit, where the visitor goes: "زار طهران", LOO place 0.637 -> 0.642)
# ("قصف حلب"); a meeting, demand or accord names countries as its parties, not where it was
# (LOO place 0.580 -> 0.645; keeping protests and arrests too gave 0.640).
PHYSICAL_TYPES = frozenset({"ATTACK"})
# A wire-style dateline at the very start: "دبي، الإمارات العربية المتحدة (CNN)--", "بيروت (رويترز) -".
DATELINE_RE = re.compile(r"\s*[^\n.():]{2,80}?\([^()\n]{2,30}\)\s*(?:--|[-–—ـ])")

__all__ = ["TriggerMatch", "extract_events", "find_triggers", "modality"]


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
        spans += [(partner.start_char, partner.end_char) for partner in coordinated_after(doc, ent, later)]
    return spans


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def extract_events(
    doc: Doc,
    *,
    lexicon: TriggerLexicon | None = None,
    detectors: dict[str, LinearDetector] | None = None,
    chooser: ActorChooser | None = None,
    trace: list | None = None,
) -> list[Event]:
    """Events of a document; reads `doc.ents`, `doc._.places`, `doc._.dates` (missing = empty).

    `detectors` (PLOVER type -> sentence detector): matches of their types are kept only where the
    detector's score reaches its threshold minus `GATE_MARGIN`; none by default (see the module note),
    `load_detectors()` for the shipped ones. `chooser`: source and target chosen among the options of
    `chooser.options` instead of the rules' pair; `trace`: gets those options, role -> list, one
    entry per event returned (for training the chooser).
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
    dates_within = Contained((d.start, d.end) for d in dates)
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
        matches = without_demands_for_events(find_triggers(words, lexicon, starts_trigger[sentence.start : sentence.end]))
        for position, match in enumerate(matches):
            if match.type in seen_types:
                continue
            if names_the_victims(words[match.start : match.end]) and any(m.type == match.type and not names_the_victims(words[m.start : m.end]) for m in matches[position + 1 :]):
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
                around = QuotesAround(quotes)
                place_index, date_index_of = SortedItems(places), SortedItems(dates)
            if sentence_ents is None:
                sentence_ents = actor_ents[bisect_left(actor_starts, sentence.start) : bisect_left(actor_starts, sentence.end)]
                sentence_places = place_index.inside(sentence.start_char, sentence.end_char)
                sentence_dates = date_index_of.inside(sentence.start_char, sentence.end_char)
            quotes_here = around.at(trigger.start_char)
            source, target = trigger_actors(doc, sentence, trigger, match.type, sentence_ents, words_of_doc, quotes_here)
            source_from = "clause"  # where the rules found the source, for the chooser
            if target is not None and target.start is not None and is_visit(trigger) and any(
                places[i] is not None and places[i].start <= target.start < places[i].end for i in sentence_places
            ):
                target = None  # "زار طهران": where the visit goes is its place, not a party to it
            # One event per (sentence, type): its other triggers tell of the same event and may
            # name whom it hit ("وقع هجوم ... استهدف القرية"). (Their sources too: LOO source
            # 0.440 -> 0.421, a later trigger's subject is more often another clause's.)
            for other in islice((m for m in matches[position + 1 :] if m.type == match.type), MORE_TRIGGERS):
                if target is not None:
                    break
                more_target = trigger_actors(doc, sentence, sentence[other.start : other.end], match.type, sentence_ents, words_of_doc, quotes_here)[1]
                if more_target is not None and (source is None or more_target.name != source.name):
                    target = more_target
            if source is not None and target is not None and source.entity_id is not None and source.entity_id == target.entity_id:
                target = None  # "وقعت السعودية ... مع المملكة": one party named twice is not both sides
            if modalities is None:
                modalities = Modalities(words)
            event_modality = modalities(match)
            if source is None and quotes and (
                event_modality in SPEAKER_MODALITIES
                or first_person_plural(trigger.text)
                or (match.type in SIDED_TYPES and we_before(words, match.start))
            ):
                source = speaker_of(quotes_here, trigger.start_char)
                source_from = "speaker"
            if source is None and carried is not None and number - carried[0] <= CARRY_SENTENCES and (subjectless_verb(doc, words_of_doc, sentence, trigger) or match.type in CARRY_TYPES):
                # "ودعا ...": a clause without its own subject goes on about the actor the text
                # was already talking about: the last source, or the subject a sentence since
                # opened with (LOO source 0.4978 -> 0.5022; looking back without a last source
                # too: 0.4978). (Giving a meeting or accord without named sides that
                # actor too scored LOO source 0.421, but names a speaker as a party to accords
                # he only reports: the seed's "منطقة أخرى ستبرم اتفاقاً".)
                subject = recent_subject(doc, sentences, number, since=carried[0], actor_ents=actor_ents, starts=actor_starts)
                source = subject or carried[1]
                source_from = "carried"
            elif source is not None:
                carried = (number, source)
            # The source's own name (and its partners') is not where it happened:
            # "وطالبت الولايات المتحدة وفرنسا وبريطانيا".
            taken = _source_spans(doc, source, actor_ents, actor_starts, actor_start_chars)
            # Only the places inside the sentence can be its place (`nearest`); None elsewhere.
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
                place_starts = {span.start for span in place_spans if span is not None}
            where: list[Place | None] = [None] * len(places)
            # "وقالت مصادر في الاتحاد الأوروبي إن ...": a place before the trigger's clause locates
            # the one who reports it (LOO place 0.642 -> 0.648).
            clause_start = clause_start_of(words_of_doc, sentence, trigger)
            for index in sentence_places:
                p = place_options[index]
                if p is not None and (span := place_spans[index]) is not None and span.start >= clause_start and is_locative(doc, span, ents_by_end):
                    where[index] = p
            place = nearest(where, trigger.start_char, trigger.end_char, sentence, indices=sentence_places)
            if place is None and (match.type in PHYSICAL_TYPES or is_visit(trigger)):
                unmarked = [None if p is None or (span := place_spans[index]) is None or party_between(doc, span, place_starts) else p
                            for index, p in enumerate(place_options)]
                place = nearest(unmarked, trigger.start_char, trigger.end_char, sentence, indices=sentence_places)
            date_index = nearest(dates, trigger.start_char, trigger.end_char, sentence, indices=sentence_dates)
            if chooser is not None or trace is not None:
                offered = actor_options(
                    Site(sentence, trigger, match.type, words_of_doc, clause_start_of(words_of_doc, sentence, trigger),
                         clause_end_after(words_of_doc, trigger.end, sentence.end), {"source": source, "target": target},
                         [(quote.start, quote.end) for quote in quotes_here], source_from),
                    sentence_ents, opening_ents(sentences, number, actor_ents, actor_starts),
                )
                if trace is not None:
                    trace.append(offered)
                if chooser is not None:
                    # after the place: a chosen source does not move it (LOO place fell when it did)
                    source, target = chooser.choose("source", offered["source"], source), chooser.choose("target", offered["target"], target)
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
