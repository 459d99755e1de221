import pytest

from marsad.ner import Tagger

VALID = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


def test_load_is_cached(tagger):
    assert Tagger.load() is tagger


def test_empty_sentence(tagger):
    assert tagger.tag([]) == []


@pytest.mark.parametrize(
    "tokens",
    [
        "قال الرئيس الأمريكي جورج بوش في واشنطن أمس إن الولايات المتحدة ستواصل الحرب .".split(),
        ["(", "رويترز", ")", "-", "«", "x", "»", "2024", "%", "{", "}"],
        ["كلمة"],
        ["ا"] * 300,
    ],
)
def test_one_valid_iob2_tag_per_token(tagger, tokens):
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID
    for previous, tag in zip(["O", *tags], tags):
        if tag.startswith("I-"):
            assert previous[2:] == tag[2:], (previous, tag)


def test_finds_a_well_known_place_and_person(tagger):
    tokens = "قال الرئيس الأمريكي جورج بوش في واشنطن أمس".split()
    tags = tagger.tag(tokens)
    assert tags[6] == "B-LOC"
    assert tags[3:5] == ["B-PERS", "I-PERS"]


def test_tag_document_keeps_sentence_shapes(tagger):
    sentences = [["قال", "سعد", "الحريري"], [], ["وقال", "الحريري", "."]]
    tags = tagger.tag_document(sentences)
    assert [len(t) for t in tags] == [3, 0, 3]
    assert all(set(t) <= VALID for t in tags)


def test_tag_is_the_one_sentence_document(tagger):
    tokens = "التقى وزير الخارجية المصري في القاهرة".split()
    assert tagger.tag(tokens) == tagger.tag_document([tokens])[0]


def test_function_words_are_cut_off_the_end_of_an_entity():
    from marsad.ner.tagger import _trim_function_words

    tokens = "لمواجهة جبهة النصرة وأي تهديدات".split()
    assert _trim_function_words(tokens, ["O", "B-ORG", "I-ORG", "I-ORG", "O"]) == ["O", "B-ORG", "I-ORG", "O", "O"]
    # An entity of function words only goes; one that merely contains one stays whole.
    assert _trim_function_words(["في", "التي"], ["B-LOC", "I-LOC"]) == ["O", "O"]
    tokens = "بنك التسليف في لبنان".split()
    assert _trim_function_words(tokens, ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]


def test_a_name_ending_like_a_function_word_stays_whole():
    # "علي" (Ali) normalizes like "على" (on), and "آي" like "أي": neither is cut.
    from marsad.ner.tagger import _trim_function_words

    assert _trim_function_words(["محمد", "علي"], ["B-PERS", "I-PERS"]) == ["B-PERS", "I-PERS"]
    assert _trim_function_words(["آي"], ["B-ORG"]) == ["B-ORG"]
