"""Actors that are no named entity: the noun phrase of a clause's subject or object, kept as words.

News names many actors by a description, not a name: "قوات الأمن", "طائرات التحالف", "مسلحون
مجهولون", "خمسة أشخاص". Where the entities of a sentence give an event no source or target, the
clause around the trigger still does:
- a verb that opens its clause is followed by its subject ("أوقفت الشرطة التركية ..."), and a
  transitive one then by its object;
- a verbal noun is followed by its object in construct ("استهداف الحجاج", "اعتقال الناشطين");
- a marked object follows "على", "ضد", "مع", "بحق" ("القبض على خمسة أشخاص", "اجتماع مع الوفد");
- a subject before the verb is a phrase headed by a word for a force or a body ("قوات", "الشرطة").
A phrase is one word and the words that qualify it (definite nouns and adjectives, a number's
counted noun), at most `MAX_WORDS`, ending at punctuation, a preposition, a particle or a word that
opens a new clause.
"""

from __future__ import annotations

from typing import Sequence

from ..arabic.normalize import normalize

MAX_WORDS = 4
ARTICLE = "\u0627\u0644"  # ال
# Words that end a phrase or cannot start one: prepositions, particles, complementizers, relative
# pronouns, adverbs of time, demonstratives (normalized).
STOP_WORDS = frozenset(
    """في من الي علي عن مع ضد بحق حتي منذ خلال بعد قبل عند لدي امام وراء بين حول نحو دون عبر ضمن
    و او ثم ان انه انها انهم بان كما قد لقد وقد ما لا لم لن ليس هذا هذه ذلك تلك هؤلاء الذي التي الذين
    اليوم امس غدا الان يوم ايام عام اعوام حيث بينما كان كانت اكد اكدت قال قالت اضاف اضافت وفق بحسب
    عليه عليها عليهم منه منها منهم لها له لهم به بها بهم فيه فيها فيهم ايضا جميع كل بعض عدد""".split()
)
# Heads of descriptions that act: forces, bodies, groups (normalized, without the article).
ACTOR_HEADS = frozenset(
    """قوات القوات شرطه الشرطه جيش الجيش امن الامن سلطات السلطات حكومه الحكومه نظام النظام ميليشيات
    الميليشيات مليشيات المليشيات ميليشيا مسلحون مسلحين المسلحون المسلحين عناصر العناصر طائرات الطائرات
    طيران الطيران مقاتلات المقاتلات مقاتلو مقاتلي المقاتلون المقاتلين فصائل الفصائل تحالف التحالف
    متظاهرون متظاهرين المتظاهرون المتظاهرين محتجون محتجين المحتجون المحتجين مستوطنون مستوطنين
    المستوطنون المستوطنين محكمه المحكمه النيابه الادعاء وحدات الوحدات كتائب الكتائب جماعه الجماعه
    تنظيم التنظيم حركه الحركه المعارضه الانقلابيين الانقلابيون وفد الوفد مجهولون مجهولين مرتزقه المرتزقه
    جنود الجنود اجهزه الاجهزه مدفعيه المدفعيه الاحتلال""".split()
)
NUMBER_WORDS = frozenset("ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره ثلاث اربع خمس ست سبع ثماني تسع عشر عشرات مئات الاف".split())
NISBA_ENDINGS = ("\u064a", "\u064a\u0647", "\u064a\u064a\u0646", "\u064a\u0648\u0646", "\u064a\u0627\u062a")  # ي يه يين يون يات
CLAUSE_BREAKS = frozenset("، , ؛ ; . : ! ? ؟ ( ) « » \" -".split())


def _bare(norm: str) -> str:
    """Without a leading conjunction: "والحجاج" -> "الحجاج"."""
    return norm[1:] if len(norm) > 3 and norm[0] in "\u0648\u0641" else norm


def _can_start(word: str, norm: str) -> bool:
    if not word or word in CLAUSE_BREAKS or norm in STOP_WORDS:
        return False
    if word[0].isdigit():
        return True
    return any("\u0621" <= ch <= "\u064a" for ch in word)


def phrase_after(words: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """Token span [start, stop) of the phrase that starts at `start` (before `end`), or None.

    A number takes its counted noun ("خمسة أشخاص"); a word then takes the definite words after it
    ("قوات الأمن السعودية"), not a word with a conjunction ("والحجاج": a second phrase, joined).
    """
    if start >= end:
        return None
    first = normalize(words[start])
    if not _can_start(words[start], first):
        return None
    stop = start + 1
    if (words[start][0].isdigit() or _bare(first) in NUMBER_WORDS) and stop < end and _can_start(words[stop], normalize(words[stop])):
        stop += 1
    definite = _bare(first).startswith(ARTICLE)
    while stop < end and stop - start < MAX_WORDS:
        word = words[stop]
        norm = normalize(word)
        if word in CLAUSE_BREAKS or norm in STOP_WORDS or not norm.startswith(ARTICLE):
            break
        # After a noun without the article ("قوات") comes its genitive ("الأمن"); after one with
        # it, only an adjective ("السعودية"): "قصفت الطائرات المدينة" has an object there.
        if definite and not norm.endswith(NISBA_ENDINGS):
            break
        definite = True
        stop += 1
    return start, stop


def phrase_with_partners(words: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """`phrase_after`, with the definite phrases joined to it by "و" ("الحجاج والمعتمرين")."""
    span = phrase_after(words, start, end)
    while span is not None and span[1] < end and span[1] - start < 2 * MAX_WORDS:
        norm = normalize(words[span[1]])
        if not norm.startswith("\u0648" + ARTICLE):
            break
        following = phrase_after(words, span[1], end)
        if following is None:
            break
        span = (start, following[1])
    return span


def actor_head_before(words: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """The last phrase in [start, end) headed by a word for a force or body ("الشرطة التركية")."""
    for i in range(end - 1, start - 1, -1):
        if _bare(normalize(words[i])) in ACTOR_HEADS:
            span = phrase_after(words, i, end)
            if span is not None:
                return span
    return None


# Support verbs whose subject acts through the noun that follows: "شنت طائرات التحالف غارات",
# "ألقت الشرطة القبض", "نفذ مسلحون هجوما" (normalized).
SUPPORT_VERBS = frozenset(
    """القي القت القوا شن شنت شنوا نفذ نفذت نفذوا واصل واصلت واصلوا عقد عقدت عقدوا اجري اجرت اجروا فرض
    فرضت فرضوا اطلق اطلقت اطلقوا ارتكب ارتكبت ارتكبوا تبني تبنت بدا بدات بداوا قاد قادت اعلن اعلنت""".split()
)
ADJECTIVE_ENDINGS = ("\u064a", "\u064a\u0647", "\u064a\u0627", "\u064a\u0627\u064b")  # -ي -يه -يا: "جويا", "انسانيه"


def support_verb_before(words: Sequence[str], clause_start: int, trigger_start: int) -> int | None:
    """Index of a support verb opening the clause within a few words before the trigger."""
    for i in range(max(clause_start, trigger_start - MAX_WORDS - 1), trigger_start):
        if _bare(normalize(words[i])) in SUPPORT_VERBS:
            return i
    return None


def is_adjective(word: str, *, definite: bool = False) -> bool:
    """A nisba adjective that agrees with the noun before it ("غارات جوية", "الغارات الجوية"):
    it qualifies that noun, it is no object. `definite`: the noun has the article."""
    norm = normalize(word)
    if norm.startswith(ARTICLE) != definite:
        return False
    return norm.endswith(ADJECTIVE_ENDINGS) and len(norm) > 3
