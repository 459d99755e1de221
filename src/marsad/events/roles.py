"""Subject and object of a verb trigger, read from the order of its clause.

Arabic news puts the subject right after the verb ("طالبت الحكومة المصرية الأمم المتحدة بـ...",
V S O) or right before it ("وكان الوزير التقى رئيس الحكومة", "إن المسلحين قصفوا القرية", S V O);
a verb after "أنه" / "أنها" / "أنهم" has the subject of the clause that holds that word ("أعلنت
الشرطة أنها اعتقلت رجلاً"). The object is the phrase that follows verb and subject. A unit is a
named entity with any title before it ("وزير الخارجية الأمريكي مايك بومبيو"), else a noun phrase
(`phrases.phrase_after`); time words between them ("أمس", "صباح الثلاثاء") are skipped.
Only a definite phrase, a name, a title or a word for a force or body is read as a subject: an
indefinite or counted phrase after a verb of force is its object, the verb being passive in print
("اعتقل خمسة أشخاص", "قتل عشرات المدنيين").
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..arabic.normalize import normalize
from ..document import Actor, doc_text
from .phrases import ACTOR_HEADS, NUMBER_WORDS, STOP_WORDS, phrase_after

# Time words that may stand between a verb, its subject and its object (normalized).
TIME_WORDS = frozenset(
    """امس اليوم غدا الان صباح مساء ظهر ليل ليله فجر عصر يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه
    السبت الاحد ايضا مجددا رسميا بدوره بدورها""".split()
)
# Heads of a title that names a person or office ("وزير الخارجية", "رئيس الوزراء"): a subject
# even without the article (normalized).
TITLE_HEADS = frozenset(
    """وزير وزيره رئيس رئيسه زعيم قائد ملك امير ولي سفير مبعوث مدير متحدث الناطق ناطق نائب مستشار
    مسؤول مسوول عضو امين محافظ حاكم قاضي شيخ الشيخ العاهل خادم دوق جنرال اللواء العقيد العميد""".split()
)
# Words that may stand before a clause's subject: "وكان الوزير التقى", "ثم", "وقد" (normalized).
SUBJECT_OPENERS = frozenset("كان وكان كانت وكانت فكان قد وقد لقد فقد ثم كما و".split())
PRE_VERB = frozenset("قد لقد وقد فقد ثم كما".split())
# "أنه التقى": the subject is the one of the clause that holds the complementizer (normalized).
COMPLEMENTIZERS = frozenset("ان انه انها انهم بان بانه بانها بانهم".split())
PRONOUN_COMPLEMENTIZERS = frozenset("انه انها انهم انهما بانه بانها بانهم بانهما".split())
# Verbs spelled like a noun with the article (normalized).
VERBS_WITH_AL = frozenset("التقي التقت التقوا التقيا".split())
FORCE_TYPES = frozenset({"ATTACK", "ARREST"})
# Verbs of killing that news prints in the passive far more often than in the active ("قُتل
# العشرات"): what follows them is the victim (normalized, conjunction aside).
PASSIVE_USUAL = frozenset("قتل قتلت قتلوا اصيب اصيبت اصيبوا".split())
# Quantities that head a counted phrase ("العشرات من", "أكثر من ألف"): victims, not actors.
QUANTITIES = frozenset("اكثر اقل عشرات العشرات مئات المئات الاف الالاف عدد العديد بعض نحو حوالي".split())
RELATIVE_PRONOUNS = frozenset("الذي التي الذين اللذين اللتين اللواتي اللاتي".split())
# Prepositions that mark what a verb's object is followed by, not the object itself.
MARKERS = frozenset("علي ضد مع بحق".split())
# Verbs through which a relative clause names who carried out an event noun: "الهجوم الذي شنه
# مسلحون", "الغارات التي تنفذها الطائرات", "الهدنة التي دعا إليها المجلس" (normalized, without
# the object pronoun).
AGENT_VERBS = frozenset(
    """شن شنت شنوا يشن تشن نفذ نفذت نفذوا ينفذ تنفذ ارتكب ارتكبت ارتكبوا يرتكب ترتكب قاد قادت يقود تقود
    نظم نظمت ينظم تنظم اطلق اطلقت يطلق تطلق تبني تبنت يتبني عقد عقدت يعقد تعقد اجري اجرت يجري تجري
    دعا دعت يدعو تدعو""".split()
)
# "الأعمال التي تقوم بها الميليشيات", "أعمال قام بها مسلحون": doing, its object behind "ب" (normalized).
DOING_VERBS = frozenset("قام قامت قاموا يقوم تقوم يقومون".split())
OBJECT_PRONOUNS = ("\u0647\u0627", "\u0647\u0645", "\u0647")  # ها هم ه
ADJECTIVE_SPAN = 3  # words of description between an event noun and what names its agent
APPOSITION_WORDS = 8  # words between a title and the name it goes with
MAX_SUBJECT_TOKENS = 8  # a subject before the verb, title and name together
PUNCT = frozenset("، , ؛ ;".split())
DATELINE_MARKS = frozenset(": - – —".split())


def side(doc: Doc, words: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """An entity starting at `start` (with its title before it), else a phrase."""
    ent_end = start
    while ent_end < end and doc[ent_end].ent_type_ and (ent_end == start or doc[ent_end].ent_iob_ == "I"):
        ent_end += 1
    span = phrase_after(words, start, end)
    if span is not None and ent_end < end and span[1] <= ent_end:
        return (start, ent_end) if ent_end > start else None  # the whole name: "الأمم المتحدة"
    if (
        span is not None and doc[span[1] - 1].ent_type_ == "" and span[1] < end and doc[span[1]].ent_iob_ == "B" and words[span[1]][:1] != "\u0648"
        and doc[span[1]].ent_type_ == "PERS" and (_head(words[span[0]]).startswith("\u0627\u0644") or _is_title(words[span[0]]))
    ):
        # "الرئيس الأمريكي دونالد ترامب": a title, then the name
        k = span[1] + 1
        while k < end and doc[k].ent_iob_ == "I":
            k += 1
        return span[0], k
    if ent_end > start:
        return start, ent_end
    return _with_indefinite_adjective(words, span, end)


PLURAL_ENDINGS = ("\u0648\u0646", "\u064a\u0646", "\u0627\u062a")  # ون ين ات


def _with_indefinite_adjective(words: Sequence[str], span: tuple[int, int] | None, end: int) -> tuple[int, int] | None:
    """"مسلحون مجهولون", "مستوطنون متطرفون": an indefinite plural and the adjective that agrees with it."""
    if span is None or span[1] - span[0] != 1 or span[1] >= end:
        return span
    head, following = normalize(words[span[0]]), normalize(words[span[1]])
    ending = next((e for e in PLURAL_ENDINGS if head.endswith(e)), None)
    if ending and not head.startswith("\u0627\u0644") and following.endswith(ending) and len(following) > 4 and following[:1] != "\u0648":
        return span[0], span[1] + 1
    return span


def span_actor(doc: Doc, span: tuple[int, int] | None) -> Actor | None:
    """The tokens of `span` as an actor named by their text, a leading "و"/"ف" before "ال" aside."""
    if span is None:
        return None
    tokens = doc[span[0] : span[1]]
    start = tokens.start_char
    if tokens.text[:1] in "\u0648\u0641" and tokens.text[1:3] == "\u0627\u0644":  # "والرئيس" -> "الرئيس"
        start += 1
    return Actor(name=doc_text(doc)[start : tokens.end_char], entity_id=None, start=start, end=tokens.end_char)


def is_verb(word: str) -> bool:
    """A trigger word shaped like a verb: no article, no preposition, no verbal-noun shape.

    Used with `clauses.is_nominal`'s tests; "التقى" is the verb that looks like a noun."""
    norm = normalize(word)
    if norm[:1] in "\u0648\u0641" and len(norm) > 3:
        norm = norm[1:]
    return norm in VERBS_WITH_AL


def skip_time(words: Sequence[str], k: int, end: int) -> int:
    while k < end and (words[k] in PUNCT or normalize(words[k]) in TIME_WORDS):
        k += 1
    return k


def _is_title(word: str) -> bool:
    """"وزير", "والرئيس": a title word, with or without a conjunction (and "وزير" is not و + زير)."""
    norm = normalize(word)
    return norm in TITLE_HEADS or _head(word) in TITLE_HEADS or _head(word).removeprefix("\u0627\u0644") in TITLE_HEADS


def _head(word: str) -> str:
    norm = normalize(word.lstrip("#").split("_")[0])
    return norm[1:] if len(norm) > 3 and norm[0] in "\u0648\u0641" else norm


def _is_subject(doc: Doc, words: Sequence[str], span: tuple[int, int]) -> bool:
    """A name, a definite phrase, a title or a force: something that acts."""
    first = span[0]
    if doc[first].ent_type_ in ("PERS", "ORG"):
        return True
    head = _head(words[first])
    if head[:1].isdigit() or head in NUMBER_WORDS or head in QUANTITIES or head in RELATIVE_PRONOUNS or normalize(words[first]) in SUBJECT_OPENERS:
        return False
    return words[first].startswith("#") or head.startswith("\u0627\u0644") or head in ACTOR_HEADS or _is_title(words[first]) or any(
        doc[k].ent_type_ in ("PERS", "ORG") for k in range(*span)
    )


def _with_apposition(doc: Doc, words: Sequence[str], span: tuple[int, int], end: int) -> tuple[int, int]:
    """"وزير الخارجية الأميركي، مايك بومبيو", "أمين منطقة عسير صالح القاضي": a title, what
    qualifies it, then the person's name, as one subject. The words between hold no
    preposition standing alone ("في", "إلى") and at most one comma, right before the name."""
    if not _is_title(words[span[0]]) or any(doc[k].ent_type_ == "PERS" for k in range(*span)):
        return span
    k = span[1]
    while k < min(end, span[1] + APPOSITION_WORDS):
        if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERS":
            j = k + 1
            while j < end and doc[j].ent_iob_ == "I":
                j += 1
            return span[0], j
        norm = normalize(words[k])
        if norm in STOP_WORDS or (words[k] in PUNCT and not (k + 1 < end and doc[k + 1].ent_type_ == "PERS" or _is_title(words[k + 1]) if k + 1 < end else False)):
            break
        k += 1
    return span


def _object_after(doc: Doc, words: Sequence[str], k: int, end: int) -> tuple[int, int] | None:
    """The unmarked object at `k` (after time words): no preposition, no new verb."""
    k = skip_time(words, k, end)
    if k >= end:
        return None
    norm = _head(words[k])
    if norm[:1] in "\u0628\u0644\u0643" and not doc[k].ent_type_:  # "بالتدخل", "لمدة": not an object
        return None
    if normalize(words[k])[:1] == "\u0648" and normalize(words[k]) not in TITLE_HEADS and (norm.startswith("\u0627\u0644") or _is_title(words[k]) or doc[k].ent_type_):
        return None  # "ووزير الاقتصاد": a second subject, joined to the first ("ولي العهد" is one word)
    span = side(doc, words, k, end)
    return None if span is None else _with_apposition(doc, words, span, end)  # "التقى ولي العهد الأمير فلان"


def _subject_before(doc: Doc, words: Sequence[str], clause_start: int, verb: int) -> tuple[int, int] | None:
    """The unit that ends right before the verb (particles aside) and opens the clause."""
    end = verb
    while end > clause_start and normalize(words[end - 1]) in PRE_VERB:
        end -= 1
    for start in range(max(clause_start, end - MAX_SUBJECT_TOKENS), end):
        opened = start == clause_start or words[start - 1] in PUNCT or normalize(words[start - 1]) in SUBJECT_OPENERS
        unit = side(doc, words, start, end) if opened else None
        # its adjectives may run up to the verb: "المبعوث الخاص التقى"
        if unit is not None and all(normalize(w).startswith("\u0627\u0644") for w in words[unit[1] : end]) and _is_subject(doc, words, (start, end)):
            return start, end
    return None


def _matrix_subject(doc: Doc, words: Sequence[str], sentence_start: int, complementizer: int) -> tuple[int, int] | None:
    """"أعلنت الشرطة أمس أنها ...": the subject of the clause before "أنها"."""
    # after the last complementizer, or a dateline's ":" / "-" ("سيول - «الشرق الأوسط»: أعلنت ...")
    k = next((i + 1 for i in range(complementizer - 1, sentence_start - 1, -1) if normalize(words[i]) in COMPLEMENTIZERS or words[i] in DATELINE_MARKS), sentence_start)
    while k < complementizer and (words[k] in PUNCT or normalize(words[k]) in SUBJECT_OPENERS):
        k += 1
    if k >= complementizer:
        return None
    if not (doc[k].ent_type_ or _head(words[k]).startswith("\u0627\u0644")):
        k = skip_time(words, k + 1, complementizer)  # a verb first: its subject follows
    span = side(doc, words, k, complementizer)
    if span is None or not _is_subject(doc, words, span):
        return None
    return _with_apposition(doc, words, span, complementizer)


def _feminine_verb(word: str) -> bool:
    """"طالبت", "تطالب", "دعت": a verb that agrees with a feminine subject."""
    norm = normalize(word)
    if norm[:1] in "\u0648\u0641" and len(norm) > 3:
        norm = norm[1:]
    return norm.endswith("\u062a") or (norm[:1] == "\u062a" and len(norm) > 3)


def _feminine_noun(doc: Doc, word: str, k: int) -> bool:
    """"الحكومة", "الإدارات": a noun marked feminine (no personal name or title)."""
    head = _head(word)
    return not doc[k].ent_type_ == "PERS" and not _is_title(word) and head.endswith(("\u0647", "\u0627\u062a"))


def _meets_party(doc: Doc, words: Sequence[str], span: tuple[int, int]) -> bool:
    """The one met is a person or a body, not a topic ("سيناقشون التقرير") or a place ("زار طهران")."""
    head = _head(words[span[0]]).removeprefix("\u0627\u0644")
    return any(doc[k].ent_type_ in ("PERS", "ORG") for k in range(*span)) or _is_title(words[span[0]]) or ("\u0627\u0644" + head) in ACTOR_HEADS or head in ACTOR_HEADS


def _agent_verb(word: str) -> bool:
    """"شنه", "تشنها", "نفذته": an agent verb with the event noun as its object pronoun."""
    norm = normalize(word)
    for pronoun in OBJECT_PRONOUNS:
        if norm.endswith(pronoun):
            stem = norm[: -len(pronoun)]
            if stem in AGENT_VERBS or (stem.endswith("\u062a") and stem[:-1] in AGENT_VERBS) or stem.removesuffix("\u0648") in AGENT_VERBS:
                return True
    return norm in AGENT_VERBS and norm.startswith(("\u062f\u0639", "\u064a\u062f\u0639", "\u062a\u062f\u0639")) or norm in DOING_VERBS  # "دعا إليها", "تقوم بها"


def noun_roles(doc: Doc, words: Sequence[str], trigger: Span, clause_end: int, event_type: str = "") -> tuple[Actor | None, Actor | None]:
    """(source, target) of an event noun from what follows it, None where it does not say:
    - a relative clause of an agent verb: "الهجوم الذي شنه مسلحون" (source "مسلحون");
    - a genitive agent before an object in "ل": "قصف النظام لمعاقل المعارضة" (source "النظام",
      target "معاقل المعارضة")."""
    end = min(clause_end, len(words))
    k = trigger.end
    stop = min(end, k + ADJECTIVE_SPAN + 2)
    while k < stop and not _agent_verb(words[k]):
        k += 1
    if k < stop:
        between = [normalize(w) for w in words[trigger.end : k]]
        if all(w in RELATIVE_PRONOUNS or w.startswith("\u0627\u0644") or w in PUNCT or _head(w) in TIME_WORDS for w in between):
            j = k + 1
            if j < end and normalize(words[j]).startswith(("\u0627\u0644\u064a", "\u0628", "\u0644")) and len(words[j]) <= 5:
                j += 1  # "دعا إليها", "قام بها"
            j = skip_time(words, j, end)
            agent = side(doc, words, j, end) if j < end else None
            # any name acts here, a country too: "الهجوم الذي تشنه تركيا"
            if agent is not None and (doc[agent[0]].ent_type_ or _is_subject(doc, words, agent)):
                # the verb's object is the event noun itself, so definite words after the agent
                # describe it: "تقوم بها الجماعات المسلحة"
                stop = agent[1]
                while stop < end and stop - agent[0] < MAX_SUBJECT_TOKENS and not doc[agent[0]].ent_type_ and normalize(words[stop]).startswith("\u0627\u0644"):
                    stop += 1
                return span_actor(doc, _with_apposition(doc, words, (agent[0], stop), end)), None
    lam = _lam_phrase(doc, words, trigger, end)
    if lam is not None:
        actor = _without_lam(span_actor(doc, lam))
        if _names_its_agent_with_lam(trigger):
            return actor, None
        return (None, actor) if event_type in LAM_OBJECT_TYPES else (None, None)
    first = side(doc, words, trigger.end, end) if trigger.end < end and not is_definite(trigger[-1].text) else None
    if first is not None and first[1] < end and _is_subject(doc, words, first):
        following = normalize(words[first[1]])
        if following[:1] == "\u0644" and len(following) > 3 and not following.startswith("\u0644\u062f"):  # "لمعاقل", not "لدى"
            return span_actor(doc, first), _without_lam(span_actor(doc, phrase_after(words, first[1], end)))
    return None, None


# Event nouns whose "ل" phrase names who carried them out: "غارة جوية للتحالف", "الضربة المشتركة
# للدول الثلاث", "اجتماع طارئ للمجلس" (normalized, without clitics). After a verbal noun of a
# transitive verb the "ل" phrase is its object instead: "قصف مدفعي لمواقع المسلحين".
LAM_AGENT_NOUNS = frozenset(
    """غاره غارات هجوم هجمات ضربه ضربات اعتداء اعتداءات عمليه عمليات اجتماع اجتماعات لقاء لقاءات قمه
    مظاهره مظاهرات تظاهره تظاهرات احتجاج احتجاجات اعتصام وقفه حمله""".split()
)
LAM_OBJECT_TYPES = frozenset({"ATTACK", "ARREST", "THREATEN"})
LAM = "\u0644"  # ل
# Words in "ل" that open no phrase of a party: "لدى", "لمدة", "لكن", "لذلك" (normalized).
LAM_NOT_PHRASES = frozenset("لدي لمده لكن لكنه لكنها لذلك لهذا لهذه لعدم لصالح لمواجهه لمنع لحين لجهه لجميع لكل".split())


def _bare_noun(word: str) -> str:
    """"بالهجوم", "وللاجتماع", "غارة" -> "هجوم", "اجتماع", "غاره": the noun without clitics and article."""
    norm = normalize(word)
    for clitic in ("\u0648", "\u0641"):
        if len(norm) > 4 and norm.startswith(clitic):
            norm = norm[1:]
    for clitic in ("\u0644\u0644", "\u0628\u0627\u0644", "\u0644\u0627\u0644", "\u0643\u0627\u0644", "\u0627\u0644"):
        if len(norm) > len(clitic) + 2 and norm.startswith(clitic):
            return norm[len(clitic):]
    return norm


def is_definite(word: str) -> bool:
    """With the article, or a possessive pronoun: "الهجوم", "بالقصف", "قصفها"."""
    if word.endswith(("\u0647\u0627", "\u0647\u0645", "\u0647")) and len(word) > 4:  # ها هم ه, not ة
        return True
    norm = normalize(word)
    if len(norm) > 4 and norm[0] in "\u0648\u0641":
        norm = norm[1:]
    return norm.startswith(("\u0627\u0644", "\u0644\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644"))


def _names_its_agent_with_lam(trigger: Span) -> bool:
    norm = normalize(trigger[0].text)
    return _bare_noun(trigger[0].text) in LAM_AGENT_NOUNS or (norm[:1] in "\u0628\u0644" and _bare_noun(norm[1:]) in LAM_AGENT_NOUNS)


def _lam_phrase(doc: Doc, words: Sequence[str], trigger: Span, end: int) -> tuple[int, int] | None:
    """The phrase in "ل" right after an event noun and its adjectives: "غارة جوية للتحالف",
    "القصف المدفعي لمواقع المسلحين". A definite noun takes no genitive, so every definite word after
    it qualifies it; after an indefinite one only a nisba adjective does ("غارة جوية")."""
    definite = is_definite(trigger[-1].text)
    agent_noun = _names_its_agent_with_lam(trigger)
    k = trigger.end
    while k < end and k - trigger.end < ADJECTIVE_SPAN and not doc[k].ent_type_:
        norm = normalize(words[k])
        indefinite = not norm.startswith("\u0627\u0644") and norm[:1] != LAM and norm not in STOP_WORDS and words[k] not in PUNCT
        # "غارة جوية", and after a noun that names its agent any description: "اجتماع طارئ"
        if (definite and norm.startswith("\u0627\u0644")) or (not definite and indefinite and len(norm) > 3 and (agent_noun or norm.endswith(("\u064a\u0647", "\u064a", "\u064a\u0627")))):
            k += 1
            continue
        break
    if k >= end:
        return None
    norm = normalize(words[k])
    # "للتحالف", "لقوات النظام", "لتركيا": a definite phrase, a force or a name; not "لدى", "لمدة", "ليقتل"
    if not (norm.startswith(LAM + LAM) and len(norm) > 4) and not (
        norm[:1] == LAM and len(norm) > 3 and norm not in LAM_NOT_PHRASES and (doc[k].ent_type_ or norm[1:] in ACTOR_HEADS or norm[1] not in "\u064a\u062a\u0646\u0627")
    ):
        return None
    return phrase_after(words, k, end)


def _without_lam(actor: Actor | None) -> Actor | None:
    """"للمعارضة" -> "المعارضة", "لمعاقل" -> "معاقل": the phrase without its "ل"."""
    if actor is None:
        return None
    name = actor.name[1:] if actor.name[:2] != LAM + LAM else "\u0627" + actor.name[1:]
    return Actor(name=name, entity_id=None, start=actor.start, end=actor.end)


def clause_roles(
    doc: Doc, words: Sequence[str], sentence: Span, trigger: Span, clause_start: int, clause_end: int, event_type: str, *, opens_clause: bool
) -> tuple[Actor | None, Actor | None]:
    """(source, target) of a verb trigger from the order of its clause; None where it does not say.

    `words`: the document's token texts; `opens_clause`: nothing but particles stands between the
    clause's start and the trigger (a V S O clause)."""
    subject = obj = None
    if opens_clause:
        before = clause_start - 1
        if before >= sentence.start and normalize(words[before]) in PRONOUN_COMPLEMENTIZERS:
            subject = _matrix_subject(doc, words, sentence.start, before)
            obj = _object_after(doc, words, trigger.end, clause_end)
        else:
            k = skip_time(words, trigger.end, clause_end)
            first = side(doc, words, k, clause_end) if k < clause_end else None
            verb = normalize(trigger[-1].text if len(trigger) == 1 else trigger[0].text)
            verb = verb[1:] if verb[:1] in "\u0648\u0641" and len(verb) > 3 else verb
            if first is not None and (verb in PASSIVE_USUAL or (not _feminine_verb(trigger[0].text) and _feminine_noun(doc, words[first[0]], first[0]))):
                # "قتل العشرات", "وحث الإدارات على": no subject of its own (passive, or a
                # masculine verb before a feminine noun), so that noun is the object
                obj = first if not _head(words[first[0]]) in QUANTITIES else None
            elif first is not None and _is_subject(doc, words, first):
                subject = _with_apposition(doc, words, first, sentence.end)  # the name may follow a comma
                if subject[1] > clause_end:
                    clause_end = next((k for k in range(subject[1], sentence.end) if words[k] in PUNCT), sentence.end)
                obj = _object_after(doc, words, subject[1], clause_end)
            elif first is not None and event_type in FORCE_TYPES:
                obj = first  # "اعتقل خمسة أشخاص": a passive in print
    else:
        subject = _subject_before(doc, words, clause_start, trigger.start)
        if subject is not None or normalize(words[trigger.start - 1]) in RELATIVE_PRONOUNS:  # "التي استهدفت رجال الأمن"
            obj = _object_after(doc, words, trigger.end, clause_end)
    if obj is not None and (normalize(words[obj[0]]) in MARKERS or (event_type == "MEET" and not _meets_party(doc, words, obj))):
        obj = None
    if obj is None and subject is not None and event_type in ASIDE_TYPES:
        after = subject[1] if subject[0] > trigger.start else trigger.end
        obj = _object_after_aside(doc, words, after, sentence.end)
    return span_actor(doc, subject), span_actor(doc, obj)


# Events whose other party may come after where and when: "استقبل الوزير في مكتبه أمس، رئيس
# الهيئة", "التقى خلال الصباح مدير ..." (the party then is a person or a body).
ASIDE_TYPES = frozenset({"MEET", "DEMAND"})
ASIDE_WORDS = 6  # words of a place or time phrase before its comma
ASIDE_OPENERS = frozenset("في خلال اثناء عند لدي امس اليوم صباح مساء بعد قبل".split())


def _object_after_aside(doc: Doc, words: Sequence[str], k: int, end: int) -> tuple[int, int] | None:
    """The party after a place or time phrase that follows the verb (and its subject)."""
    if k >= end:
        return None
    norm = normalize(words[k])
    if not (norm in ASIDE_OPENERS or (norm[:1] == "\u0628" and len(norm) > 4 and not doc[k].ent_type_)):
        return None
    comma = next((j for j in range(k + 1, min(end, k + ASIDE_WORDS + 1)) if words[j] in PUNCT), None)
    for start in ([comma + 1] if comma is not None else []) + [k + 2]:
        if start >= end:
            continue
        stop = next((j for j in range(start, end) if words[j] in PUNCT), end)
        span = _object_after(doc, words, start, stop)
        if span is not None and _meets_party(doc, words, span):
            return span
    return None
