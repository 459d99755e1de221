import pytest


@pytest.fixture(scope="module")
def tokenizer_nlp():
    from marsad.pipeline import build_pipeline

    return build_pipeline(stages=())


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("اللمسات”.", ["اللمسات", "”", "."]),
        ("وقال:” نحتاج", ["وقال", ":", "”", "نحتاج"]),
        ("قال:”نحن", ["قال", ":", "”", "نحن"]),
        ("«كذا»،", ["«", "كذا", "»", "،"]),
        ('لـ"رويترز"،', ["لـ", '"', "رويترز", '"', "،"]),
        ("هل انتهى؟", ["هل", "انتهى", "؟"]),
        ("الساعة 10:30", ["الساعة", "10:30"]),
    ],
)
def test_punctuation_and_quote_marks_split(tokenizer_nlp, text, tokens):
    assert [token.text for token in tokenizer_nlp(text)] == tokens


@pytest.mark.parametrize("word", ["والرئيس", "وقال", "بمنبج", "للبحث"])
def test_clitics_stay_attached(tokenizer_nlp, word):
    assert [token.text for token in tokenizer_nlp(word)] == [word]


def test_norm_and_stem_are_views(tokenizer_nlp):
    doc = tokenizer_nlp("وبالأمْن")
    token = doc[0]
    assert token.text == "وبالأمْن"
    assert token.norm_ == "وبالامن"
    assert token._.stem == "امن"


def test_text_round_trips(tokenizer_nlp, seed_text):
    doc = tokenizer_nlp(seed_text)
    assert doc.text == seed_text
    assert "".join(token.text_with_ws for token in doc) == seed_text



def test_registered_tokenizer_is_the_customized_default() -> None:
    """`build_pipeline` builds the tokenizer with our rules at once; changing spaCy's default
    afterwards (`customize_tokenizer`) gives the same rules and the same tokens."""
    import spacy

    from marsad.arabic.tokenizer import customize_tokenizer
    from marsad.pipeline import build_pipeline

    changed = spacy.blank("ar")
    customize_tokenizer(changed)
    built = build_pipeline(("marsad_structure",)).tokenizer
    assert built.rules == changed.tokenizer.rules
    assert built.prefix_search.__self__.pattern == changed.tokenizer.prefix_search.__self__.pattern
    assert built.suffix_search.__self__.pattern == changed.tokenizer.suffix_search.__self__.pattern
    assert built.infix_finditer.__self__.pattern == changed.tokenizer.infix_finditer.__self__.pattern
    assert built.url_match == changed.tokenizer.url_match and built.token_match == changed.tokenizer.token_match
    assert built.max_cache_size == changed.tokenizer.max_cache_size
    text = 'قال الوزير:”نحن في سوريا،لبنان“ (أيار/مايو 2024)... وأضاف لـ"رويترز".'
    assert [t.text for t in built(text)] == [t.text for t in changed(text)]
