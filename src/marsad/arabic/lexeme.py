"""Lexeme attributes with spaCy's values, computed by C-level string methods where they can be.

spaCy computes about twenty attributes for every word type it meets for the first time, each by
a Python function (`spacy.lang.lex_attrs`); in news text some fifty new word types an article
make that a sizeable share of the tokenizer's time. Most of those functions only call one `str`
method or test membership in a fixed tuple; the C-level method does the same without a Python
frame. The others get a fast path for the common case, Arabic letters or no dot, and defer to
spaCy's own function otherwise. Values are spaCy's, always: tests/arabic/test_lexeme.py checks
them against the defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from spacy import attrs
from spacy.lang import lex_attrs

# Letters HAMZA .. YEH: alphabetic, none of them upper case, so spaCy's `word_shape` gives "x"
# per letter, at most four in a row.
_ARABIC_LETTERS = re.compile("[\u0621-\u064a]+")
_SHAPE_RUN = 4  # spaCy's `word_shape` keeps at most four equal shape characters in a row
_LONG = 100  # spaCy's `word_shape` calls a word this long "LONG"


def word_shape(text: str) -> str:
    """`spacy.lang.lex_attrs.word_shape`; an Arabic word without marks is "x", "xx", ... "xxxx"."""
    if len(text) < _LONG and _ARABIC_LETTERS.fullmatch(text):
        return "x" * min(len(text), _SHAPE_RUN)
    return lex_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """`spacy.lang.lex_attrs.like_url`: without a dot only an "http(s)://" start is a URL."""
    if "." not in text and not text.startswith(("http://", "https://")):
        return False
    return lex_attrs.like_url(text)


def _member_of(strings: tuple[str, ...]) -> Callable[[str], bool]:
    return frozenset(strings).__contains__


def fast_lex_attr_getters(current: dict[int, Callable[[str], Any]]) -> dict[int, Callable[[str], Any]]:
    """Replacements for those of `current` (a vocabulary's getters) that are spaCy's defaults.

    A getter the language or this project set (Arabic `like_num`, our `normalize` as NORM) is
    left as it is.
    """
    replacements: dict[int, tuple[Callable, Callable]] = {
        attrs.LOWER: (lex_attrs.lower, str.lower),
        attrs.PREFIX: (lex_attrs.prefix, itemgetter(0)),
        attrs.SUFFIX: (lex_attrs.suffix, itemgetter(slice(-3, None))),
        attrs.IS_ALPHA: (lex_attrs.is_alpha, str.isalpha),
        attrs.IS_ASCII: (lex_attrs.is_ascii, str.isascii),
        attrs.IS_DIGIT: (lex_attrs.is_digit, str.isdigit),
        attrs.IS_LOWER: (lex_attrs.is_lower, str.islower),
        attrs.IS_SPACE: (lex_attrs.is_space, str.isspace),
        attrs.IS_TITLE: (lex_attrs.is_title, str.istitle),
        attrs.IS_UPPER: (lex_attrs.is_upper, str.isupper),
        attrs.IS_BRACKET: (lex_attrs.is_bracket, _member_of(("(", ")", "[", "]", "{", "}", "<", ">"))),
        # fmt: off
        attrs.IS_QUOTE: (lex_attrs.is_quote, _member_of(('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``"))),
        attrs.IS_LEFT_PUNCT: (lex_attrs.is_left_punct, _member_of(("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``"))),
        attrs.IS_RIGHT_PUNCT: (lex_attrs.is_right_punct, _member_of((")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''"))),
        # fmt: on
        attrs.SHAPE: (lex_attrs.word_shape, word_shape),
        attrs.LIKE_URL: (lex_attrs.like_url, like_url),
    }
    return {attr: fast for attr, (default, fast) in replacements.items() if current.get(attr) is default}
