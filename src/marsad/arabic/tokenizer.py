"""Tokenizer rules for Arabic news text, run by spaCy's tokenizer.

spaCy's Arabic rules leave closing quote marks and punctuation glued to Arabic words
(`اللمسات”.` is one token); news text needs them split so that quotes, names and sentence ends
are separate tokens. Clitics stay attached: token boundaries must match the training data
(ANERcorp keeps `والرئيس` whole); clitic-free forms are `token._.stem`.

The rules replace spaCy's generic ones rather than extend them: those carry character classes
for every script and cost half the tokenizer's time; these cover the punctuation of news text.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from ..caches import WORD_TYPES

# Quotation marks seen in Arabic news, mismatched ones included: “ ” „ « » ‹ › " ' ‘ ’
QUOTE_MARKS = "\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\"'\u2018\u2019"
# Arabic comma (U+060C), semicolon (U+061B) and question mark (U+061F) beside Latin punctuation.
_OPENING = f"[{QUOTE_MARKS}(\\[{{:,\u060c\u061b$£€#@*/\\-–—…&+<>=~_|]"
_CLOSING = f"[{QUOTE_MARKS})\\]}}\u060c\u061b\u061f,;?!:%…\\-–—*/&+<>=~_|]"

PREFIXES = [r"\.\.+", _OPENING, r"\."]
SUFFIXES = [
    r"\.\.+",
    _CLOSING,
    r"(?<=[^\d])\.",  # a stop after a word
    r"(?<=\d)\.(?!\d)",  # a stop after a number, not a decimal point
]
INFIXES = [
    f"[{QUOTE_MARKS}]",  # quote marks between words written without spaces: `قال:”نحن`, `لـ"رويترز"`
    r"(?<=[\u0600-\u06ff])[:\u060c\u061b]",  # `قائلا:نحن`, `سوريا،لبنان`
    r"(?<=[^\W\d])[.,/](?=[^\W\d])",  # `سوريا.وقال` (a forgotten space), `أيار/مايو`
    r"(?<=[^\W\d])[-–—](?=[^\W\d])",
    r"\.\.+",
]


# Special cases that only restate what the rules give anyway (the token itself, no other
# attribute). spaCy stops caching a text's chunks after the first special case it meets (its
# guard for issue #1250), and every article has a newline: without these, a chunk seen in
# an earlier article is no longer split again by the regexes above.
REDUNDANT_SPECIAL_CASES = ("\t", "\n", " ")


TOKENIZER = "marsad.arabic_tokenizer.v1"  # its name in spaCy's registry


@registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Arabic tokenizer with these rules, built once (`spacy.blank("ar", config=...)`).

    The same tokenizer as spaCy's default one changed afterwards (`customize_tokenizer`), without
    compiling spaCy's generic affix patterns and loading its special cases four times first:
    0.03 s of the pipeline's start-up."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        tokenizer = Tokenizer(
            nlp.vocab,
            rules=_rules(defaults.tokenizer_exceptions or {}),
            prefix_search=compile_prefix_regex(PREFIXES).search,
            suffix_search=compile_suffix_regex(SUFFIXES).search,
            infix_finditer=compile_infix_regex(INFIXES).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        tokenizer.max_cache_size = MAX_CACHE_SIZE
        return tokenizer

    return create


def customize_tokenizer(nlp: Language) -> None:
    """Put these rules into the tokenizer of an existing pipeline (`create_tokenizer` builds it so)."""
    nlp.tokenizer.prefix_search = compile_prefix_regex(PREFIXES).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(SUFFIXES).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(INFIXES).finditer
    nlp.tokenizer.rules = _rules(nlp.tokenizer.rules)
    nlp.tokenizer.max_cache_size = MAX_CACHE_SIZE


def _rules(rules: dict) -> dict:
    return {orth: substrings for orth, substrings in rules.items() if not (orth in REDUNDANT_SPECIAL_CASES and substrings == [{ORTH: orth}])}


# Whitespace-delimited chunks whose tokens spaCy caches (its default, 10,000, fills within a
# hundred articles); an entry is a few dozen bytes.
MAX_CACHE_SIZE = WORD_TYPES
