"""Identity keys: a name folded so that its spellings meet (hamza/alef, ي/ى, ة/ه, ج/غ, vowel letters).

A key is for matching, not for reading: `ترامب` and `ترمب` both give `ترمب`. Names are shown
in the spelling the store saw most often (`identity_names`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..arabic.normalize import normalize
from ..caches import WORD_TYPES

WORD = re.compile(r"\w+")
ARTICLE = "\u0627\u0644"  # ALEF LAM
# What spelling of names varies in beyond `normalize`: hamza on its seat or alone.
HAMZA_FOLD = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a", "\u0621": None})  # WAW WITH HAMZA -> WAW, YEH WITH HAMZA -> YEH, HAMZA dropped
JEEM = "\u062c"  # ARABIC LETTER JEEM
GHAIN = "\u063a"  # ARABIC LETTER GHAIN
ALEF = "\u0627"  # ARABIC LETTER ALEF
YEH = "\u064a"  # ARABIC LETTER YEH
ABD = "\u0639\u0628\u062f"  # "عبد": "عبد الله" and "عبدالله" are one name
# Foreign names are transliterated with "g" as jeem or ghain ("غوغل"/"جوجل", "سيرغي"/"سيرجي").
GHAIN_FOLD = str.maketrans({GHAIN: JEEM})
# Words this long or longer drop their medial vowel letters (see `_skeleton`); shorter ones
# are mostly Arabic names where a long vowel tells two names apart (عمر/عمار, كرم/كريم).
SKELETON_MIN = 5


@lru_cache(maxsize=WORD_TYPES)  # names recur across articles; a name is folded once
def identity_key(name: str) -> str:
    """The identity key of a name: normalized, hamza folded, the article dropped from each word, ghain as jeem, "عبد X" joined,
    and vowel-letter variants of long words folded ("ترامب" -> "ترمب", "بوتين" -> "بوتن")."""
    joined: list[str] = []
    for word in WORD.findall(normalize(name).translate(HAMZA_FOLD).translate(GHAIN_FOLD)):
        if joined and joined[-1] == ABD:
            joined[-1] = ABD + word  # "عبد الله" as "عبدالله", its article kept
            continue
        if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= 2:
            word = word[len(ARTICLE) :]
        joined.append(word)
    return " ".join(_skeleton(word) for word in joined)


def _skeleton(word: str) -> str:
    """A long word without alef after its second letter, and without a yeh right before its last letter.

    Transliterations vary in exactly these places (ترامب/ترمب, نتانياهو/نتنياهو, بوتين/بوتن).
    Arabic names keep what tells them apart: a short word all its letters (عمر/عمار), an alef
    right after the first letter (العامري/العمري), and waw (محمود/محمد).
    """
    if len(word) < SKELETON_MIN:
        return word
    inner = word[1] + word[2:-1].replace(ALEF, "")
    if inner[-1] == YEH and len(inner) > 1:
        inner = inner[:-1]
    return word[0] + inner + word[-1]


def surname(key: str) -> str:
    """The last word of a key: what a later mention of a person uses alone ("ترمب")."""
    return key.rsplit(" ", 1)[-1]
