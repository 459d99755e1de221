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

