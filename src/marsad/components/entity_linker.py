"""Entity linking within one article: mentions of one real-world entity share an `entity_id`.

"كيري" and "جون كيري" are one person; "دي ميستورا" and "ستافان دي ميستورا" too. A shorter
mention joins a longer one when its words are the longer one's final words (persons) or a
contiguous part of them (other labels), compared on normalized forms with a leading
conjunction or preposition ignored ("ولافروف" = "لافروف").

Places the gazetteer resolved but the NER model missed join `doc.ents` as LOC first: a
reader listing the article's entities expects "الحسكة" whichever stage found it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..arabic.clitics import CONJUNCTIONS, PREPOSITIONS
from ..quotes.lexicon import load_lexicon as load_quote_lexicon

_LEADING_CLITICS = frozenset(CONJUNCTIONS + PREPOSITIONS)


@Language.component(
    "marsad_entity_linker",
    requires=["doc.ents", "doc._.places"],
    assigns=["doc.ents", "span._.entity_id"],
)
def entity_linker(doc: Doc) -> Doc:
    ents = _with_resolved_places(doc)
    keys = [mention_key(ent) for ent in ents]
    known_words = {word for key in keys for word in key}
    keys = [_drop_clitic_if_known(key, known_words) for key in keys]
    place_starts = {place.start for place in doc._.places or []}
    for ent in ents:
        ent._.name_start = _name_start(ent, known_words, place_starts)
    cluster_of: list[int] = list(range(len(ents)))
    # Labels read once: `span.label_` looks the string up again on every access, and each
    # mention is compared with every earlier head.
    labels = [ent.label_ for ent in ents]
    # Longest mentions first, so that each short mention joins the fullest name it fits.
    order = sorted(range(len(ents)), key=lambda i: (-len(keys[i]), ents[i].start))
    heads: list[int] = []
    for i in order:
        for head in heads:
            if _compatible(labels[i], labels[head]) and _is_part_of(keys[i], keys[head], labels[i]):
                cluster_of[i] = cluster_of[head]
                break
        else:
            heads.append(i)
    # Number clusters in order of first appearance: E1 is the first entity in the text.
    numbering: dict[int, str] = {}
    for i in sorted(range(len(ents)), key=lambda i: ents[i].start):
        cluster = cluster_of[i]
        if cluster not in numbering:
            numbering[cluster] = f"E{len(numbering) + 1}"
        ents[i]._.entity_id = numbering[cluster]
    return doc


def _without_trailing_participles(doc: Doc) -> list[Span]:
    """"الفالح قائلا", "ماكرون مضيفا": a reporting participle after a name is how they spoke, not
    part of the name (the model sometimes takes it in)."""
    cues = load_quote_lexicon().cues
    ents = list(doc.ents)
    trimmed = False
    for i, ent in enumerate(ents):
        end = ent.end
        while end - ent.start > 1 and (cue := cues.get(doc[end - 1].norm_)) is not None and cue.kind == "participle":
            end -= 1
        if end != ent.end:
            ents[i] = Span(doc, ent.start, end, label=ent.label_)
            trimmed = True
    if trimmed:
        doc.ents = ents
    return ents


def _with_resolved_places(doc: Doc) -> list[Span]:
    ents = _without_trailing_participles(doc)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    added = False
    for place in doc._.places or []:
        span = doc.char_span(place.start, place.end, label="LOC", alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        ents.append(span)
        taken.update(range(span.start, span.end))
        added = True
    if added:
        ents.sort(key=lambda ent: ent.start)
        doc.ents = ents
    return list(doc.ents) if added else ents


def mention_key(span: Span) -> tuple[str, ...]:
    return tuple(token.norm_ for token in span if not token.is_punct)


def _drop_clitic_if_known(key: tuple[str, ...], known_words: set[str]) -> tuple[str, ...]:
    if key and len(key[0]) > 3 and key[0][0] in _LEADING_CLITICS and key[0][1:] in known_words:
        return (key[0][1:], *key[1:])
    return key


def _name_start(ent: Span, known_words: set[str], place_starts: set[int]) -> int | None:
    """Offset of the name after a leading conjunction or preposition on the first token, when
    the article itself shows the bare name: a place resolved from just after it ("وروسيا" ->
    "روسيا"), or another mention without it ("ولافروف" next to "لافروف"). Names whose first letter
    only looks like a clitic ("فيصل", "بسام") are left whole: nothing in the text strips them."""
    first = ent[0].text
    for cut in (1, 2):  # "وروسيا", "وبحلب"
        if cut < len(first) - 1 and first[cut - 1] in _LEADING_CLITICS and ent.start_char + cut in place_starts:
            return ent.start_char + cut
    norm = ent[0].norm_
    if len(norm) > 3 and norm[0] in _LEADING_CLITICS and first[:1] == norm[0] and norm[1:] in known_words:
        return ent.start_char + 1
    return None


def _compatible(label: str, other: str) -> bool:
    return label == other


def _is_part_of(short: tuple[str, ...], full: tuple[str, ...], label: str) -> bool:
    if not short or len(short) > len(full):
        return False
    if short == full:
        return True
    if label == "PERS":
        return full[-len(short) :] == short
    n = len(short)
    return any(full[i : i + n] == short for i in range(len(full) - n + 1))
