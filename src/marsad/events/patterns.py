"""Trigger forms from a lemma: a verb's perfect and imperfect, its participle and verbal noun, inflected.

A lexicon row per word form misses the forms nobody listed ("داعياً" beside "دعا", "وتحث" beside
"يحث"); a lemma row (resources/events/lemmas.tsv) names the four stems once and the inflections
here derive the rest: the perfect's persons (ت، وا، ا، تا، نا), the imperfect's prefixes (ي، ت، ن)
as prefix matches (so "يطالبون", "تطالبها"), the participle as a circumstantial accusative or
agreeing adjective (ا، ة، ين، ون: "مطالباً", "مطالبين"), the verbal noun and its plural in ات.
Attached conjunctions, prepositions and pronouns are left to `lexicon.token_forms`; a word that
makes every form something else ("دعا الله", a prayer) blocks them all. Forms are
normalized (alef/hamza folded, ى -> ي, ة -> ه).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..arabic.normalize import normalize

LEMMAS_FILE = Path(__file__).resolve().parent.parent / "resources" / "events" / "lemmas.tsv"
IMPERFECT_PREFIXES = ("\u064a", "\u062a", "\u0646")  # ي ت ن
TEH, WAW, ALEF, YEH, NOON, HEH = "\u062a", "\u0648", "\u0627", "\u064a", "\u0646", "\u0647"
ABSENT = "-"


@dataclass(frozen=True, slots=True)
class Lemma:
    """One row of lemmas.tsv: the event type and the stems ("-" where a stem is left out)."""

    type: str
    perfect: str  # third person masculine singular: "طالب", "دعا"
    imperfect: str  # third person masculine singular: "يطالب", "يدعو"
    participle: str  # masculine singular: "مطالب", "داعي"
    noun: str  # the verbal noun: "مطالبة", "دعوة"
    not_before: tuple[str, ...] = ()  # words after which a form is no trigger: "داعياً الله" prays


def perfect_forms(perfect: str) -> list[str]:
    """"طالب" -> طالب طالبت طالبوا طالبتا طالبنا; a final alef or yeh is a weak root letter:
    "دعا" -> دعا دعت دعوا دعتا دعونا, "أوصى" -> اوصي اوصت اوصوا اوصتا اوصينا. Not the masculine
    dual in ا: it is spelled as the accusative of a noun ("طالباً", a student; "بحثاً")."""
    if perfect.endswith((ALEF, YEH)) and len(perfect) >= 3:
        base, weak = perfect[:-1], (WAW if perfect.endswith(ALEF) else YEH)
        return [perfect, base + TEH, base + WAW + ALEF, base + TEH + ALEF, base + weak + NOON + ALEF]
    return [perfect, perfect + TEH, perfect + WAW + ALEF, perfect + TEH + ALEF, perfect + NOON + ALEF]


def imperfect_prefixes(imperfect: str) -> list[str]:
    """"يطالب" -> يطالب* تطالب* نطالب*: every person and number, with any pronoun after it."""
    stem = imperfect[1:]
    return [prefix + stem + "*" for prefix in IMPERFECT_PREFIXES]


def participle_forms(participle: str) -> list[str]:
    """"مطالب" -> مطالبا مطالبه مطالبين مطالبون ("داعي" -> داعيا داعيه داعين داعون): the bare
    masculine form is left out, it is often a plural noun of its own ("مطالب المحتجين": the
    demands, no act)."""
    plural_stem = participle[:-1] if participle.endswith(YEH) else participle
    return [participle + ALEF, participle + HEH, plural_stem + YEH + NOON, plural_stem + WAW + NOON]


def noun_forms(noun: str) -> list[str]:
    """"مطالبة" -> مطالبه مطالبات; "حث" -> حث."""
    return [noun, noun[:-1] + ALEF + TEH] if noun.endswith(HEH) else [noun]


def lemma_forms(lemma: Lemma) -> list[str]:
    forms: list[str] = []
    if lemma.perfect != ABSENT:
        forms += perfect_forms(lemma.perfect)
    if lemma.imperfect != ABSENT:
        forms += imperfect_prefixes(lemma.imperfect)
    if lemma.participle != ABSENT:
        forms += participle_forms(lemma.participle)
    if lemma.noun != ABSENT:
        forms += noun_forms(lemma.noun)
    return list(dict.fromkeys(forms))


def load_lemmas(path: Path = LEMMAS_FILE) -> list[Lemma]:
    """Rows of lemmas.tsv, normalized; none when the file is absent."""
    if not Path(path).is_file():
        return []
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("type\t"):
            continue
        event_type, *stems, not_before = line.split("\t")
        blockers = () if not_before == ABSENT else tuple(normalize(word) for word in not_before.split("|"))
        rows.append(Lemma(event_type, *(stem if stem == ABSENT else normalize(stem) for stem in stems), not_before=blockers))
    return rows
