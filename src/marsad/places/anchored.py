"""Places no gazetteer lists, placed at a known place that the same clause names ("قرية X بمحافظة Y")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import compress

from ..arabic.clitics import word_counts
from ..document import Place
from .matcher import Words, _original_offset

# Head word (normalized) -> the kind of place it announces. News names villages, quarters,
# districts and facilities that no public gazetteer holds; the head says the next words name a
# place, and a known place right after ("بمحافظة صعدة", "في مدينة درنة", "بتبوك") says where.
HEADS = {
    **dict.fromkeys("قريه بلده ضاحيه".split(), "city"),
    **dict.fromkeys("حي منطقه عزله مخيم".split(), "other"),
    **dict.fromkeys("مديريه قضاء ناحيه".split(), "region"),
    **dict.fromkeys("مستشفي مسجد جامع ملعب قاعده معسكر مطار ميناء شارع جسر قصر حديقه منتزه كنيسه".split(), "landmark"),
    # natural features: "جبل نقم", "وادي عقان", "جزيرة جربة" (their names include the head)
    **dict.fromkeys("جبل تله".split(), "landmark"),
    **dict.fromkeys("وادي جزيره".split(), "region"),
}
NAMED_WITH_HEAD = frozenset("جبل تله وادي جزيره".split())
PROCLITICS = ("", "\u0648", "\u0641", "\u0628", "\u0644", "\u0648\u0628", "\u0641\u0628", "\u0648\u0644")  # و ف ب ل وب فب ول
# Plural heads introduce a list: "في مناطق البوشجل والملاحمة بمحافظة الأنبار", "قرى X وY".
PLURAL_HEADS = {**dict.fromkeys("قري بلدات مدن".split(), "city"), **dict.fromkeys("مناطق احياء".split(), "other")}
HEADS_ALL = {**HEADS, **PLURAL_HEADS}
HEAD_FORMS = {p + head: kind for head, kind in HEADS_ALL.items() for p in PROCLITICS}
PLURAL_FORMS = frozenset(p + head for head in PLURAL_HEADS for p in PROCLITICS)
LIST_LENGTH = 6
# Words that end a name: prepositions, relatives, directions, "التابعة لـ", "قرب".
STOPS = frozenset(
    "في من الي علي عن مع قرب بين الذي التي الذين حيث عند منذ بعد قبل خلال داخل خارج امام نحو حول "
    "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي التابعه التابع الواقعه الواقع المجاوره المجاور "
    "القريبه القريب اخر اقصي".split()
)
# First words of two-word village and quarter names: "بني معين", "البو علوان", "كفر نبل".
NAME_STARTS = frozenset("بني البو ابو ام عين بئر تل كفر دير بيت خربه جبل وادي".split())
ADJECTIVE = 5  # the other-gender form of an indefinite -ي/-ية word seen this often: an adjective
MASCULINE = 50
CLITICS = ("\u0628", "\u0648", "\u0641", "\u0644", "\u0643")  # ب و ف ل ك
LINKS = frozenset("بن بنت".split())  # "مسجد عمر بن الخطاب": inside a name, not a preposition
RARE = 300  # a settlement's name is rarer than this in the news corpus; "منطقة قريبة" is no name
LANDMARK_WORDS = 4
ANCHOR_WINDOW = 6  # words after the name where the known place that locates it may stand
CLAUSE_END = re.compile(r"[.!?؟؛\n:()]")
SENTENCE_END = re.compile(r"[.!?؟\n]")
CONFIDENCE = 0.5


def _clitic_word(word: str, counts: dict[str, int]) -> bool:
    """A word behind a conjunction or preposition ("للحوثيين", "ومحافظة", "بالبيضاء"): it
    continues the sentence, it starts no name ("بني" and "بيت" do)."""
    if word in NAME_STARTS or word[:1] not in CLITICS:
        return False
    rest = word[1:]
    return rest.startswith(("\u0627\u0644", "\u0644")) or counts.get(rest, 0) >= RARE


def _adjective(word: str, counts: dict[str, int]) -> bool:
    """An indefinite nisba that the news also writes in the other gender (سكني / سكنية):
    an adjective. A foreign name ending in -ي (ويمبلي) has no such twin."""
    if word.startswith("\u0627\u0644") or word in NAME_STARTS:
        return False
    if word.endswith("\u064a\u0647"):
        return counts.get(word[:-1], 0) >= ADJECTIVE
    if word.endswith("\u064a"):
        return counts.get(word + "\u0647", 0) >= ADJECTIVE
    # a feminine whose masculine the news uses often: "قريبة" (قريب), "كبيرة" (كبير)
    return word.endswith("\u0647") and counts.get(word[:-1], 0) >= MASCULINE


def _name_end(words: Words, i: int, kind: str, taken: set[int]) -> int | None:
    """Last word of the name that starts at word i, or None when word i starts no name."""
    counts = word_counts()
    norms = words.norms
    first = norms[i]
    if i in taken or first in STOPS or first.isdigit() or not words.spaced(i) or _clitic_word(first, counts):
        return None
    frequent = counts.get(first, 0) >= RARE
    if _adjective(first, counts):
        return None  # an indefinite adjective: "منطقة سكنية", "قصر ملكي", "مستشفى ميداني"
    if kind != "landmark":
        if frequent and first not in NAME_STARTS:
            return None
        last = i
        if first in NAME_STARTS and i + 1 < len(norms) and words.spaced(i + 1) and i + 1 not in taken:
            last = i + 1
        return last
    if frequent and not first.startswith("\u0627\u0644") and first.endswith(("\u0647", "\u064a")):
        return None  # an indefinite adjective: "مستشفى ميداني", "قاعدة جديدة"
    last = i
    for j in range(i + 1, min(len(norms), i + LANDMARK_WORDS)):
        word = norms[j]
        if (j in taken or not words.spaced(j) or word in STOPS or word.isdigit()
                or (word[:1] in CLITICS and word not in LINKS)):
            break
        last = j
    return last


def _anchor(words: Words, last: int, starts: list[int], places: list[Place]) -> Place | None:
    """The first known place (no country) within a few words after word `last`, same clause."""
    begin = words.end(last)
    limit = words.end(min(len(words) - 1, last + ANCHOR_WINDOW))
    k = bisect_left(starts, begin)
    while k < len(places) and places[k].start < limit:
        place = places[k]
        if CLAUSE_END.search(words.text, begin, place.start):
            return None
        if place.kind != "country" and place.lat is not None:
            return place
        k += 1
    return None


BEFORE_WINDOW = 12  # words before the head where the place that locates it may stand
# Heads that are also common nouns ("قاعدة" a rule, "منطقة" any area) want the place after them.
LOOSE_HEADS = frozenset("قاعده منطقه".split())
PRONOUN_SUFFIXES = ("\u0647\u0627", "\u0647\u0645", "\u0643\u0645")  # -ها -هم -كم


def _plain_name(words: Words, head: int, first: int, last: int) -> bool:
    """A name worth placing from a place before it: a specific head, no one-letter abbreviation
    ("مستشفى د."), no word with a possessive suffix ("قاعدة عائداتها")."""
    if _bare_head(words.norms[head]) in LOOSE_HEADS or words.norms[head] in PLURAL_FORMS:
        return False  # a list wants its place after it: "من أفضل مناطق الاصطياف" names none
    if len(words.norms[first].removeprefix("\u0627\u0644")) < 3:
        return False
    return not any(words.norms[j].endswith(PRONOUN_SUFFIXES) for j in range(first, last + 1))


def _anchor_before(words: Words, head: int, starts: list[int], places: list[Place]) -> Place | None:
    """Else the last known place (no country) a few words before the head, same sentence:
    "في محافظة صعدة، منها جبل المجرور"."""
    end = words.start(head)
    begin = words.start(max(0, head - BEFORE_WINDOW))
    k = bisect_left(starts, end) - 1
    while k >= 0 and places[k].start >= begin:
        place = places[k]
        if SENTENCE_END.search(words.text, place.end, end):
            return None
        if place.kind != "country" and place.lat is not None:
            return place
        k -= 1
    return None


def _covered(words: Words, places: list[Place]) -> set[int]:
    """Indices of the words that known places cover."""
    word_starts = [words.start(i) for i in range(len(words))]
    out: set[int] = set()
    for place in places:
        j = max(0, bisect_right(word_starts, place.start) - 1)
        while j < len(word_starts) and word_starts[j] < place.end:
            out.add(j)
            j += 1
    return out


def anchored_places(words: Words, places: list[Place], *, skip: list[tuple[int, int]] = ()) -> list[Place]:
    """Unknown names after a head word, located at the known place the clause names next:
    "قرية مشغرة بمحافظة البقاع", "مستشفى سوروكا في بئر السبع". Nothing where no known place follows."""
    norms = words.norms
    heads = [i for i in compress(range(len(norms)), map(HEAD_FORMS.__contains__, norms)) if i + 1 < len(norms)]
    if not heads or not places:
        return []
    starts = [place.start for place in places]
    taken = _covered(words, places)
    out: list[Place] = []
    for h in heads:
        i = h + 1
        kind = HEAD_FORMS[norms[h]]
        plural = norms[h] in PLURAL_FORMS
        if plural and (not norms[i].startswith("\u0627\u0644") or norms[i] in HEAD_FORMS):
            continue  # "مناطق متفرقة", "مدن وبلدات": an adjective or another head, no list of names
        last = _name_end(words, i, kind, taken)
        if last is None:
            continue
        spans = [(i, last)]
        if plural:
            spans += _listed(words, last, kind, taken)
            last = spans[-1][1]
        anchor = _anchor(words, last, starts, places)
        if anchor is None and _plain_name(words, h, i, last):
            anchor = _anchor_before(words, h, starts, places)
        if anchor is None:
            continue
        if len(spans) > 1:
            for first, end_word in spans:
                start, end = words.start(first), words.end(end_word)
                if norms[first][:1] == "\u0648" and first != i:  # "والملاحمة": the name without "و"
                    start = _original_offset(words.text, start, end, 1)
                out.append(replace(anchor, start=start, end=end, name=words.text[start:end], kind=kind,
                                   geonames_id=None, confidence=CONFIDENCE))
            taken.update(range(h, last + 1))
            continue
        if kind == "landmark" or _bare_head(norms[h]) in NAMED_WITH_HEAD:  # "مستشفى سوروكا", "وادي عقان"
            clitics = len(norms[h]) - len(_bare_head(norms[h]))
            start = _original_offset(words.text, words.start(h), words.end(h), clitics)
        else:  # a village's name does not: "قرية مشغرة" names مشغرة
            start = words.start(i)
        end = words.end(last)
        if any(s <= start and end <= e for s, e in skip):
            continue
        out.append(replace(anchor, start=start, end=end, name=words.text[start:end], kind=kind,
                           geonames_id=None, confidence=CONFIDENCE))
        taken.update(range(h, last + 1))
    return out


def _listed(words: Words, last: int, kind: str, taken: set[int]) -> list[tuple[int, int]]:
    """Further definite names of a list after a plural head, each joined by "و": "البوشجل والملاحمة"."""
    counts = word_counts()
    out = []
    j = last + 1
    while j < len(words) and len(out) < LIST_LENGTH and j not in taken and words.spaced(j):
        norm = words.norms[j]
        rest = norm[1:]
        if (norm[:1] != "\u0648" or not rest.startswith("\u0627\u0644") or len(rest) < 5 or rest in STOPS
                or counts.get(rest, 0) >= RARE):
            break
        out.append((j, j))
        j += 1
    return out


def _bare_head(norm: str) -> str:
    """The head without its proclitics: "بمستشفي" -> "مستشفي"."""
    for clitic in sorted(PROCLITICS, key=len, reverse=True):
        if clitic and norm.startswith(clitic) and norm[len(clitic):] in HEADS_ALL:
            return norm[len(clitic):]
    return norm
