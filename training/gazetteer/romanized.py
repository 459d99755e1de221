"""Arabic spellings for GeoNames towns that carry only a Latin name, read back from that name and
kept only where Arabic news writes them as a place.

GeoNames gives half of Tunisia's, Algeria's and Morocco's towns and a third of Saudi Arabia's
(عنيزة Unaizah, الخفجي Al Khafjī, المكنين Moknine) no Arabic name. Their Latin names follow BGN/PCGN
(Ḩ, Ţ, ‘, ā, á: nearly one letter each) or French usage (ou, ch, dj, k for ق). Each name is read
back into every Arabic spelling it may stand for; a spelling counts only when the news corpus has
it often enough and right after a place word (مدينة، ولاية، معتمدية...) at least `MIN_AFTER_TRIGGER`
times: the corpus, not the rules, decides which spelling is the name, or that there is none.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

# Latin letters (lower case) -> the Arabic letters they may stand for; "" drops a short vowel.
# Normalized Arabic (ة -> ه, ى -> ي, hamza seats -> ا), as the gazetteer's keys are.
DIGRAPHS = {
    "kh": ("خ",), "sh": ("ش",), "ch": ("ش",), "th": ("ث", "ت"), "dh": ("ذ", "ض"), "gh": ("غ",),
    "dj": ("ج",), "ou": ("و",), "ay": ("ي",), "ai": ("ي",), "ei": ("ي",), "aw": ("و",), "au": ("و",),
}
LETTERS = {
    "b": ("ب",), "t": ("ت", "ط"), "ţ": ("ط",), "j": ("ج",), "ḩ": ("ح",), "ḥ": ("ح",), "h": ("ه", "ح"),
    "d": ("د", "ض"), "ḑ": ("ض",), "ḍ": ("ض",), "r": ("ر",), "z": ("ز", "ظ"), "ẓ": ("ظ",), "s": ("س", "ص"),
    "ş": ("ص",), "ṣ": ("ص",), "‘": ("ع",), "ʿ": ("ع",), "'": ("ع", ""), "’": ("ا", ""), "ʾ": ("ا", ""),
    "f": ("ف",), "q": ("ق",), "k": ("ك", "ق"), "l": ("ل",), "m": ("م",), "n": ("ن",), "w": ("و",),
    "y": ("ي",), "g": ("ج", "ق", "غ"), "v": ("ف",), "p": ("ب",),
    "ā": ("ا",), "ī": ("ي",), "ū": ("و",), "á": ("ي",), "ō": ("و",), "ē": ("ي",),
    "a": ("", "ا"), "i": ("", "ي"), "u": ("", "و"), "o": ("", "و"), "e": ("",), "é": ("ي", ""), "è": ("",),
    "ï": ("ي",), "ë": ("",), "î": ("ي",), "â": ("ا",), "ô": ("و",), "û": ("و",),
}
INITIAL_VOWEL = ("ا", "ع")  # "Unaizah" عنيزة, "Aflou" افلو
FINAL_A = ("ا", "ه", "ي")  # -a: ا, ة or ى
ARTICLES = frozenset("al el ad ed as es at et an en ar er az ez ash ech adh ath la le".split())
MAX_CANDIDATES = 4096
MIN_LETTERS = 4
MIN_COUNT = 5  # the spelling is seen this often in the news
MIN_AFTER_TRIGGER = 2  # ... and this often right after a place word
MAX_COUNT = 2000  # a spelling this frequent is a word first (قرية، محمد، شرقي)
_SPLIT = re.compile(r"[\s\-]+")


def _pieces(word: str) -> list[tuple[str, ...]]:
    """The word as a list of options per Latin letter or digraph; empty when a letter is unknown."""
    word = re.sub(r"([^aeiouāīū])\1", r"\1", word)  # doubled consonants are written once
    out: list[tuple[str, ...]] = []
    k = 0
    while k < len(word):
        pair = word[k:k + 2]
        if pair in DIGRAPHS and not (pair in ("ai", "au", "ay", "aw", "ei") and k == 0):
            out.append(DIGRAPHS[pair])
            k += 2
            continue
        char = word[k]
        if char not in LETTERS:
            return []
        options = LETTERS[char]
        if k == 0 and char in "aeiouāīū":
            options = INITIAL_VOWEL
        elif k == len(word) - 1 and char == "a":
            options = FINAL_A
        out.append(options)
        k += 1
    return out


def spellings(name: str) -> list[str]:
    """Every normalized Arabic spelling a Latin place name may stand for, article included
    ("Al Khafjī" -> "الخفجي", ...); empty for names the rules cannot read."""
    words = [w for w in _SPLIT.split(unicodedata.normalize("NFC", name).lower()) if w]
    parts: list[list[str]] = []
    article = False
    for word in words:
        if word in ARTICLES:
            article = True
            continue
        pieces = _pieces(word)
        if not pieces:
            return []
        combos = 1
        for options in pieces:
            combos *= len(options)
        if combos > MAX_CANDIDATES:
            return []
        forms = {"".join(choice) for choice in itertools.product(*pieces)}
        if word.endswith("at"):  # a construct's ة: "Qal‘at Bīshah" قلعة بيشة
            forms |= {form[:-1] + "ه" for form in forms if form.endswith("ت")}
        if not article and len(words) == 1:  # news adds the article to many Maghreb towns: المكنين
            forms |= {"ال" + form for form in forms}
        parts.append(sorted(("ال" + form) if article else form for form in forms if form))
        article = False
    if len(parts) != 1:
        # Several words go wrong more often than right ("Sidi" read as سد, "Ben" as a person's
        # بن): one-word names only.
        return []
    return [" ".join(choice) for choice in itertools.product(*parts)]


def attested(name: str, *, counts: Counter, after_trigger: Counter) -> str | None:
    """The spelling of `name` that the news uses as a place: seen `MIN_COUNT` times, and at least
    `MIN_AFTER_TRIGGER` times right after a place word, not a frequent word (قرية، محمد، وادي);
    the most frequent such spelling, else None."""
    best: tuple[int, str] | None = None
    for form in spellings(name):
        if len(form.removeprefix("ال")) < MIN_LETTERS:
            continue
        seen = counts.get(form, 0)
        if seen < MIN_COUNT or seen >= MAX_COUNT or after_trigger.get(form, 0) < MIN_AFTER_TRIGGER:
            continue
        if best is None or seen > best[0]:
            best = (seen, form)
    return best[1] if best else None
