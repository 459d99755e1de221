"""Tokenizer rules for Arabic news text on top of spaCy's Arabic defaults.

spaCy's Arabic rules leave closing quote marks and punctuation glued to Arabic words
(`اللمسات”.` is one token); news text needs them split so that quotes, names and sentence ends
are separate tokens. Clitics stay attached: token boundaries must match the training data
(ANERcorp keeps `والرئيس` whole); clitic-free forms are `token._.stem`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Quotation marks seen in Arabic news, mismatched ones included: “ ” „ « » ‹ › " ' ‘ ’
QUOTE_MARKS = "\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\"'\u2018\u2019"
# Arabic comma, semicolon and question mark, Latin punctuation, ellipsis, dashes, brackets.
PUNCTUATION = "\u060c\u061b\u061f,;?!:.\u2026()\\[\\]{}\u2013\u2014"

_EXTRA_PREFIXES = [f"[{QUOTE_MARKS}]", r"[(\[{]", r"[:\u060c\u061b]"]
_EXTRA_SUFFIXES = [f"[{QUOTE_MARKS}]", r"[)\]}]", r"[\u060c\u061b\u061f,;?!:]", r"\.", r"\u2026"]
# A quote mark or colon between two words written without spaces: `قال:”نحن`, `لـ"رويترز"`.
_EXTRA_INFIXES = [f"[{QUOTE_MARKS}]", r"(?<=[\u0600-\u06ff])[:\u060c\u061b]"]


def customize_tokenizer(nlp: Language) -> None:
    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = compile_prefix_regex(_EXTRA_PREFIXES + list(defaults.prefixes or [])).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(_EXTRA_SUFFIXES + list(defaults.suffixes or [])).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(_EXTRA_INFIXES + list(defaults.infixes or [])).finditer
