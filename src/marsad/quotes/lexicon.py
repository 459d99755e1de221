"""Cue and speaker lexicons for reported speech, loaded once from `marsad/resources/quotes/`.

Every entry is stored in normalized form (`marsad.arabic.normalize.normalize`) so that lookups
compare `token.norm_` values. Verb inflections (feminine, plural) are derived here from the
base forms listed in `verbs.tsv`, and every form is also indexed with the proclitics it may
carry ("وأضاف", "فأكد", "ليعلن"), so that a lookup is one dictionary access.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic.normalize import normalize

CUE_CLASSES = ("say", "claim", "announce", "act", "describe")
_RESOURCE_DIR = "quotes"
_CONJUNCTIONS = ("\u0648", "\u0641")  # WAW, FEH
_LAM = "\u0644"  # LAM: "ليعلن", "لتؤكد"
_ALEF = "\u0627"
_TEH = "\u062a"
_YEH = "\u064a"
_WAW = "\u0648"
_HEH = "\u0647"  # normalized TEH MARBUTA
_NOON = "\u0646"
# Object pronouns a reporting verb may carry ("وصفها", "اعتبرته", "أبلغهم"), normalized (TEH
# MARBUTA folds to HEH); only for the classes whose object is a person or thing talked about.
OBJECT_PRONOUNS = ("\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627")  # ها هم هما
OBJECT_PRONOUN_CLASSES = frozenset({"claim", "act", "describe", "announce"})
# Verbs whose object-pronoun forms mostly sit in a relative clause on a noun ("تصريحات نقلتها
# الوكالة", "مقالة كتبها") or are nouns ("ذكرها", "وعدهم"): they report nothing themselves.
NO_OBJECT_FORMS = frozenset(normalize(word) for word in ("نقل", "كتب", "ذكر", "قضى", "وعد", "عبر", "بين", "أورد"))  # "عبرها" via it, "بينها" between them


@dataclass(frozen=True, slots=True)
class CueForm:
    """What a reporting word is: its lemma, whether finite verb or participle, how it takes content."""

    lemma: str
    kind: str  # "verb" or "participle"
    cls: str  # one of CUE_CLASSES
    prep: str | None  # normalized object preposition ("الي", "عن", ...)


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Every word list of the stage, normalized; sets of tuples hold multi-word phrases."""

    cues: dict[str, CueForm]
    complementizers: frozenset[tuple[str, ...]]
    sources: frozenset[tuple[str, ...]]
    self_sources: frozenset[str]
    discourse_markers: frozenset[tuple[str, ...]]
    titles: frozenset[str]
    descriptions: frozenset[str]  # definite heads that refer back to a named person ("المسؤول", "نظيره")
    anonymous: frozenset[str]
    organizations: frozenset[str]
    groups: frozenset[str]
    adjuncts: frozenset[str]
    particles: frozenset[str]
    countries: frozenset[tuple[str, ...]]
    nationalities: dict[str, frozenset[str]]  # nisba (without article) -> country names
    noun_cues: frozenset[str]
    source_nouns: frozenset[str]
    relatives: frozenset[str]
    pronoun_subjects: frozenset[str]
    not_speakers: frozenset[str]
    introducers: frozenset[str]
    clause_stoppers: frozenset[tuple[str, ...]]
    source_first_words: frozenset[str]
    negations: frozenset[str]
    object_claims: frozenset[str]  # claim lemmas whose noun object after a named subject is the content
    cue_index: dict[str, CueForm]  # every cue form with the proclitics it may carry
    verbal_nouns: dict[str, CueForm] = None  # verbal nouns of the cue verbs with their clitics ("وتأكيده", "بإعلان")

    def cue(self, norm: str) -> CueForm | None:
        """The cue a normalized word is, with or without its proclitics ("وأضاف", "فأكد", "ليعلن")."""
        return self.cue_index.get(norm)


def _lines(name: str) -> list[str]:
    data = resources.files("marsad.resources").joinpath(f"{_RESOURCE_DIR}/{name}").read_text("utf-8")
    return [line.rstrip("\n") for line in data.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(normalize(line.strip()) for line in _lines(name))


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalize(line).split()) for line in _lines(name))


def _perfect_forms(base: str) -> list[str]:
    # قال -> قالت قالوا قالتا ; نفي (نفى) -> نفت نفوا ; دعا -> دعت دعوا. No masculine dual: "نقلا",
    # "وصفا", "تابعا" are mostly accusative nouns and adjectives.
    if base.endswith((_ALEF, _YEH)) and len(base) > 2:
        stem = base[:-1]
        return [base, stem + _TEH, stem + _WAW + _ALEF, stem + _TEH + _ALEF]
    return [base, base + _TEH, base + _WAW + _ALEF, base + _TEH + _ALEF]


def _imperfect_forms(base: str) -> list[str]:
    # يقول -> تقول يقولون يقولان ; يري (يرى) -> ترى يرون ; يدعو -> يدعون
    forms = [base]
    if base.startswith(_YEH):
        weak = base.endswith((_ALEF, _YEH, _WAW)) and len(base) >= 3
        stem = base[:-1] if weak else base
        forms += [_TEH + base[1:], stem + _WAW + _NOON]
        if not weak:
            forms += [base + _ALEF + _NOON, _TEH + base[1:] + _ALEF + _NOON]
    return forms


def _object_forms(perfect: list[str], imperfect: list[str]) -> list[str]:
    """Verb forms with an object pronoun: "وصفها", "اعتبرته", "أبلغهم", "يعتبره".

    A bare HEH is added only where it cannot be a folded TEH MARBUTA: after the feminine TEH
    ("اعتبرته") and on imperfect forms. "قضيه", "دعوه" are the nouns "قضية", "دعوة".
    """
    out = []
    for form in perfect + imperfect:
        base = form[:-1] if form.endswith(_WAW + _ALEF) else form  # the plural ALEF goes: وصفوا + ها -> وصفوها
        if form in perfect and form.endswith(_YEH) and len(form) > 2:
            # ALEF MAQSURA turns ALEF before a pronoun: نفى -> نفاه، نفاها; "نفيها" is the noun "her denial"
            out += [form[:-1] + _ALEF + suffix for suffix in (_HEH, *OBJECT_PRONOUNS)]
            continue
        out += [base + suffix for suffix in OBJECT_PRONOUNS]
        if form in imperfect or form.endswith(_TEH):
            out.append(base + _HEH)
    return out


def _participle_forms(base: str) -> list[str]:
    # قائلا -> قائله قائلين قائلتين
    stem = base[:-1] if base.endswith(_ALEF) else base
    return [base, stem + _HEH, stem + _YEH + "\u0646", stem + _HEH + _ALEF]


def _load_cues() -> dict[str, CueForm]:
    cues: dict[str, CueForm] = {}
    excluded = _words("not_cues.txt")
    for line in _lines("verbs.tsv"):
        cells = (line.split("\t") + [""] * 5)[:5]
        perfect, imperfect, participles, cls, prep = (normalize(cell.strip()) for cell in cells)
        if cls not in CUE_CLASSES:
            raise ValueError(f"verbs.tsv: unknown class {cls!r} in line {line!r}; use one of {CUE_CLASSES}")
        lemma = perfect or imperfect
        verb = CueForm(lemma, "verb", cls, prep or None)
        participle = CueForm(lemma, "participle", cls, prep or None)
        perfect_forms = _perfect_forms(perfect) if perfect else []
        imperfect_forms = _imperfect_forms(imperfect) if imperfect else []
        for form in perfect_forms + imperfect_forms:
            cues.setdefault(form, verb)
        if cls in OBJECT_PRONOUN_CLASSES and lemma not in NO_OBJECT_FORMS:
            for form in _object_forms(perfect_forms, imperfect_forms):
                cues.setdefault(form, verb)
        for base in filter(None, participles.split(",")):
            for form in _participle_forms(base.strip()):
                cues.setdefault(form, participle)
    for form in excluded:
        cues.pop(form, None)
    return cues


# Proclitics and possessive pronouns a verbal noun may carry: "وبإعلانه", "للتأكيد", "اعتبارها".
_NOUN_PREFIXES = ("", "\u0648", "\u0628", "\u0644", "\u0627\u0644", "\u0628\u0627\u0644", "\u0644\u0644", "\u0648\u0628", "\u0648\u0644", "\u0648\u0627\u0644", "\u0648\u0628\u0627\u0644", "\u0648\u0644\u0644")
_POSSESSIVES = ("", "\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627")  # ه ها هم هما
_WEAK = (_ALEF, _YEH, _WAW)


def _masdars(perfect: str) -> list[str]:
    """Verbal nouns of a (normalized) perfect by the pattern of its form; Form I nouns are not
    predictable and come from `verbal_nouns.txt`. A pattern that fits the letters of another form
    yields a word no text has ("اكد" gives "تاكيد" and "اكداد"), which costs nothing.

    II  فعّل -> تفعيل (اكد تاكيد، حذر تحذير)      IV  أفعل -> إفعال (اعلن اعلان)، أفعّ -> إفعال (اقر اقرار)
    III فاعل -> مفاعلة (طالب مطالبه)              IV defective أفعى -> إفعاء (ابدي ابداء)
    VIII افتعل -> افتعال (اعتبر اعتبار، اتهم اتهام)  X  استفعل -> استفعال (استنكر استنكار)
    Hollow verbs (أشار، أضاف، أفاد) make nouns of other senses ("إشارة"، "إضافة"): none is made.
    """
    p, n = perfect, len(perfect)
    out: list[str] = []
    if n == 3 and p[1] not in _WEAK and p[2] not in _WEAK:
        if p[0] != _WAW:
            out.append(_TEH + p[0] + p[1] + _YEH + p[2])  # II
        if p[0] == _ALEF:
            out.append(_ALEF + p[1] + p[2] + _ALEF + p[2])  # IV doubled
    elif n == 4 and p[0] == _ALEF and p[2] not in _WEAK:
        if p[3] == _YEH:
            out.append(_ALEF + p[1] + p[2] + _ALEF + "\u0621")  # IV defective
        elif p[3] not in _WEAK:
            first = _YEH if p[1] == _WAW else p[1]  # اوضح -> ايضاح
            out.append(_ALEF + first + p[2] + _ALEF + p[3])  # IV, and VIII of a T-initial root (اتهم)
    elif n == 4 and p[1] == _ALEF and p[0] not in _WEAK and p[3] not in _WEAK:
        out.append("\u0645" + p + _HEH)  # III
    elif n == 5 and p[0] == _ALEF and p[2] == _TEH and p[4] not in _WEAK:
        out.append(p[:4] + _ALEF + p[4])  # VIII
    elif n == 6 and p.startswith(_ALEF + "\u0633" + _TEH) and p[5] not in _WEAK:
        out.append(p[:5] + _ALEF + p[5])  # X
    return out


def _noun_forms(noun: str, *, marbuta: bool) -> list[str]:
    """A verbal noun with its proclitics and possessive pronouns; a final TEH MARBUTA (HEH once
    normalized, so the caller says which) is TEH before a pronoun: "مطالبة" -> "مطالبته"."""
    stem = noun[:-1] + _TEH if marbuta else noun
    bases = [noun] + [stem + suffix for suffix in _POSSESSIVES[1:]]
    out = []
    for base in bases:
        for prefix in _NOUN_PREFIXES:
            if prefix.endswith(_ALEF + _LAM) or prefix.endswith(_LAM + _LAM):
                if base is not noun:
                    continue  # "التأكيده" is no word
            out.append(prefix + base)
    return out


def _load_verbal_nouns(cues: dict[str, CueForm]) -> dict[str, CueForm]:
    """Every verbal noun of a cue verb (by pattern, or listed for Form I), with clitics, keyed by its normalized form."""
    excluded = _words("not_verbal_nouns.txt")
    table: dict[str, CueForm] = {}
    lemmas = {form.lemma: form for form in cues.values() if form.kind == "verb"}
    nouns: list[tuple[str, CueForm, bool]] = []
    for lemma, form in lemmas.items():
        nouns += [(noun, form, noun[:1] == "\u0645") for noun in _masdars(lemma)]  # only Form III (مفاعلة) ends in TEH MARBUTA
    for line in _lines("verbal_nouns.txt"):
        written, lemma = (cell.strip() for cell in line.split("\t"))
        if normalize(lemma) in lemmas:
            nouns.append((normalize(written), lemmas[normalize(lemma)], written.endswith("\u0629")))
    for noun, form, marbuta in nouns:
        if noun in excluded:
            continue
        cue = CueForm(form.lemma, "noun", form.cls, form.prep)
        for variant in _noun_forms(noun, marbuta=marbuta):
            if variant not in cues:
                table.setdefault(variant, cue)
    return table


def _with_proclitics(cues: dict[str, CueForm]) -> dict[str, CueForm]:
    """Cue forms keyed also with "و"/"ف" and, for finite verbs, "ل" ("ليعلن", "ولتؤكد")."""
    index: dict[str, CueForm] = {}
    for form, cue in cues.items():
        variants = [form]
        if cue.kind == "verb" and len(form) > 2:
            variants.append(_LAM + form)
        variants += [conjunction + variant for variant in variants for conjunction in _CONJUNCTIONS]
        for variant in variants:
            index.setdefault(variant, cue)
    for form, cue in cues.items():  # a form that is itself a cue wins over a prefixed reading
        index[form] = cue
    return index


def _load_nationalities() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in _lines("nationalities.tsv"):
        nisba, names = line.split("\t")
        key = normalize(nisba.strip())
        key = key[2:] if key.startswith(_ALEF + _LAM) else key
        table[key] = frozenset(normalize(name.strip()) for name in names.split(","))
    return table


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    """The shared lexicon (read from package data once per process)."""
    sources = _phrases("sources.txt")
    cues = _load_cues()
    return QuoteLexicon(
        cues=cues,
        cue_index=(index := _with_proclitics(cues)),
        verbal_nouns={form: cue for form, cue in _load_verbal_nouns(cues).items() if form not in index},
        complementizers=_phrases("complementizers.txt"),
        sources=sources,
        self_sources=_words("self_sources.txt"),
        discourse_markers=_phrases("discourse_markers.txt"),
        titles=_words("titles.txt"),
        descriptions=_words("descriptions.txt"),
        anonymous=_words("anonymous.txt"),
        organizations=_words("organizations.txt"),
        groups=_words("groups.txt"),
        adjuncts=_words("adjuncts.txt"),
        particles=_words("particles.txt"),
        countries=_phrases("countries.txt"),
        nationalities=_load_nationalities(),
        noun_cues=_words("nouns.txt"),
        source_nouns=_words("source_nouns.txt"),
        relatives=_words("relatives.txt"),
        pronoun_subjects=_words("pronoun_subjects.txt"),
        not_speakers=_words("not_speakers.txt"),
        introducers=_words("introducers.txt"),
        clause_stoppers=_phrases("clause_stoppers.txt"),
        source_first_words=frozenset(phrase[0] for phrase in sources),
        negations=_words("negations.txt"),
        object_claims=_words("object_claims.txt"),
    )
