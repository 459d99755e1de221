"""Our lexeme attribute getters give spaCy's values for every string."""

import string

import pytest
import spacy

from marsad.arabic.lexeme import fast_lex_attr_getters

WORDS = [
    "والرئيس", "وبالأمْن", "اللمسات", "ـــ", "لـ", "قال:", "١٢٣", "2016", "10:30", "3/4", "-5", "1,000.5",
    "Hello", "HELLO", "hello", "Title", "ǅemal", "ǄǅǆX", "ϒ", "İstanbul", "ß", "Ⅻ", "²",
    "http://example.com", "https://x", "http://", "www.", "www.a", "a.com", "a.com/", "a.b", "a.", ".a",
    "user@mail.com", "@x.org", "x:8080.de", "مثال.كوم", "العربية.نت", "€", "$", "...", "«", "»",
    "''", "``", '"', "'", "‘", "’", "❮", "❯", "(", ")", "<", ">", "\n", " ", "\t\n",
    "ا" * 99, "ا" * 100, "ا" * 150, "ب" * 3, "ب" * 4, "ب" * 5, "abcde" * 30,
]


def _strings():
    yield from WORDS
    # Every single character of the Basic Multilingual Plane but surrogates, and every pair of
    # printable ASCII characters: this covers each member of spaCy's punctuation tuples.
    yield from (chr(code) for code in range(1, 0x10000) if not 0xD800 <= code < 0xE000)
    yield from (a + b for a in string.printable for b in string.printable)


@pytest.fixture(scope="module")
def defaults():
    return spacy.blank("ar").vocab.lex_attr_getters


def test_only_spacy_defaults_are_replaced(defaults):
    replaced = fast_lex_attr_getters(defaults)
    assert replaced, "spaCy's default getters were not recognised"
    assert all(defaults[attr] is not fast for attr, fast in replaced.items())
    custom = {**defaults, **{attr: len for attr in defaults}}
    assert fast_lex_attr_getters(custom) == {}


def test_values_match_spacy(defaults):
    replaced = fast_lex_attr_getters(defaults)
    for text in _strings():
        for attr, fast in replaced.items():
            expected = defaults[attr](text)
            value = fast(text)
            assert (type(value), value) == (type(expected), expected), (attr, text)


def test_pipeline_uses_them(tokenizer_nlp):
    doc = tokenizer_nlp("قال الرئيس Obama في www.example.com إن 2016")
    assert [token.shape_ for token in doc] == ["xxx", "xxxx", "Xxxxx", "xx", "xxx.xxxx.xxx", "xx", "dddd"]
    assert [token.like_url for token in doc] == [False, False, False, False, True, False, False]


@pytest.fixture(scope="module")
def tokenizer_nlp():
    from marsad.pipeline import build_pipeline

    return build_pipeline(stages=())
