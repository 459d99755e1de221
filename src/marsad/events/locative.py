"""Where, not who: entities in a locative phrase, place names that name an accord, visits' places."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..arabic.clitics import split_proclitics
from ..arabic.normalize import normalize
from .lexicon import load_cues

def is_locative(doc: Doc, ent: Span, ents_by_end: dict[int, Span]) -> bool:
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
        return norm in load_cues()["locative"].exact or (_attached_locative(norm) and strip_locative(norm) in place_heads)
    return False


LOCATIVE_CLITICS = ("\u0648\u0628", "\u0641\u0628", "\u0628")  # وب فب ب: "بحلب", "وبولاية"


def _attached_locative(norm: str) -> bool:
    """A word with an attached "ب" ("بحلب", "بولايه") that is not itself a word in ب ("بريطانيا")."""
    stripped = strip_locative(norm)
    return stripped != norm and len(stripped) >= 3 and (stripped in load_cues()["place_head"].exact or not stem_is_whole(norm))


def strip_locative(norm: str) -> str:
    for clitic in LOCATIVE_CLITICS:
        if norm.startswith(clitic):
            return norm[len(clitic):]
    return norm


def stem_is_whole(norm: str) -> bool:
    """The clitic splitter keeps the word whole ("بريطانيا", "بغداد"): its ب is a root letter."""
    return not split_proclitics(norm)[0]


# Nouns that take a place name to name a meeting or an accord: "مؤتمر باريس", "اتفاقات أوسلو".
NAMING_NOUNS = frozenset(
    "مؤتمر موتمر اتفاق اتفاقات اتفاقيه اتفاقيات معاهده قمه اعلان مسار محادثات مفاوضات منتدي جوله مجموعه بيان".split()
)


def names_an_event(doc: Doc, ent: Span) -> bool:
    if ent.start == 0:
        return False
    previous = normalize(doc[ent.start - 1].text)
    return previous in NAMING_NOUNS or (previous[:1] in "\u0648\u0641\u0628\u0644" and previous[1:] in NAMING_NOUNS)


VISIT_STEMS = ("\u0632\u064a\u0627\u0631", "\u0632\u0627\u0631", "\u064a\u0632\u0648\u0631", "\u062a\u0632\u0648\u0631")  # زيار زار يزور تزور


def is_visit(trigger: Span) -> bool:
    """"زيارة", "زار", "يزور": a visit happens where the visitor goes, named with or without "إلى"."""
    norm = normalize(trigger[0].text)
    for clitic in ("\u0648", "\u0641", "\u0628", "\u0644", "\u0627\u0644"):
        norm = norm.removeprefix(clitic)
    return norm.startswith(VISIT_STEMS)


BETWEEN = "\u0628\u064a\u0646"  # بين
BETWEEN_REACH = 4  # words from "بين" to the second side


def party_between(doc: Doc, span: Span, place_starts: set[int]) -> bool:
    """"بين الفلسطينيين وإسرائيل": a place joined by "و" to a first side that is no place names a
    party, not where it happened ("بين دمشق وحلب", two places, is a stretch of land).
    `place_starts`: the token starts of the document's places."""
    if not normalize(doc[span.start].text).startswith("\u0648"):
        return False
    for k in range(span.start - 1, max(-1, span.start - 1 - BETWEEN_REACH), -1):
        if doc[k].text in ("،", ","):
            return False
        if normalize(doc[k].text) == BETWEEN:
            return k + 1 < len(doc) and k + 1 not in place_starts and doc[k + 1].ent_type_ not in ("LOC", "GPE")
    return False
