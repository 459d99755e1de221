"""`FeatureIds`: the tagger's id features must be the model's mapping of the string features.

Features the model does not know are left out (crfsuite drops them; the CRF would score them
0.0), so the ids are the known ones, in the order of the strings.
"""

from array import array

import pytest

from marsad.ner import Tagger
from marsad.ner.crf import pack_ids
from marsad.ner.features import FeatureExtractor, FeatureIds, document_marks, lookup_form

SENTENCES = [
    "قال الأمين العام للأمم المتحدة في نيويورك".split() + "إن الأمم المتحدة ستواصل عملها .".split(),
    "وصل إلى نيويورك".split(),
    ["نيويورك"],
    ["(", "رويترز", ")", "|", "a|b", "x", "|", "2024", "«", "»"],
    [],
]


def _extractor(*, identity: bool) -> FeatureExtractor:
    gazetteer = {
        (lookup_form("نيويورك"),): ("LOC",),
        (lookup_form("الأمم"), lookup_form("المتحدة")): ("ORG",),
        (lookup_form("الأمم"),): ("MISC", "ORG"),
    }
    clusters = {lookup_form("قال"): ("1", "10"), lookup_form("نيويورك"): ("0", "01")}
    return FeatureExtractor(clusters=clusters, gazetteer=gazetteer, identity=identity)


# Pair names with "|" inside a word ("|", "a|b"), which only a string lookup can find.
BAR_PAIRS = ["w-1|w=w=)|w=|", "w|w+1=w=||w=a|b"]


def _attributes(extractor: FeatureExtractor) -> dict[str, int]:
    """Every other feature seen, so that known and unknown features interleave."""
    names = dict.fromkeys(name for tokens in SENTENCES for token in extractor.sentence(tokens) for name in token)
    kept = [name for name in list(names)[::2] if name not in BAR_PAIRS]
    return {name: i for i, name in enumerate(kept + BAR_PAIRS)}


def _mapped(extractor: FeatureExtractor, attributes: dict[str, int], tokens: list[str]) -> list[list[int]]:
    return [[attributes[name] for name in token if name in attributes] for token in extractor.sentence(tokens)]


@pytest.mark.parametrize("identity", [True, False])
@pytest.mark.parametrize("tokens", SENTENCES)
def test_ids_are_the_mapped_string_features_in_order(identity, tokens):
    extractor = _extractor(identity=identity)
    attributes = _attributes(extractor)
    feature_ids = FeatureIds(extractor, attributes=attributes, unknown=len(attributes))
    expected = _mapped(extractor, attributes, tokens)
    assert [list(token) for token in feature_ids.sentence(tokens)] == expected
    assert [list(token) for token in feature_ids.sentence(tokens)] == expected  # from the caches


def test_pairs_with_a_bar_inside_a_word_are_found():
    extractor = _extractor(identity=True)
    attributes = _attributes(extractor)
    feature_ids = FeatureIds(extractor, attributes=attributes, unknown=len(attributes))
    found = {i for token in feature_ids.sentence(SENTENCES[3]) for i in token}
    assert {attributes[name] for name in BAR_PAIRS} <= found


def test_gazetteer_marks_longest_match_first():
    extractor = _extractor(identity=True)
    marks = extractor.gazetteer_marks(SENTENCES[0])
    assert marks[3] == ["gB=ORG"] and marks[4] == ["gI=ORG"]
    assert marks[6] == ["gB=LOC"]
    assert marks[8] == ["gB=ORG"] and marks[9] == ["gI=ORG"]
    assert sum(map(len, marks)) == 5


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


@pytest.mark.parametrize("tokens", SENTENCES)
def test_shipped_model_ids_equal_map_features(tagger, tokens):
    strings = tagger.extractor.sentence(tokens)
    expected = [[i for i in tagger.final.attribute_ids(token)] for token in strings]
    ids = pack_ids(tagger.feature_ids.sentence(tokens))
    assert ids.ids.tolist() == [i for token in expected for i in token]
    assert ids.counts.tolist() == [len(token) for token in expected]
    data, counts = tagger.feature_ids.flat([tokens, [], tokens])
    assert counts.tolist() == ids.counts.tolist() * 2
    assert array("q", data).tolist() == ids.ids.tolist() * 2


def test_stage2_mark_ids_equal_the_mapped_document_marks(tagger):
    sentences = [tokens for tokens in SENTENCES if tokens] * 3
    stems = []
    tagger.feature_ids.flat(sentences, stems)
    first = [["B-LOC" if lookup_form(t) == lookup_form("نيويورك") else "O" for t in tokens] for tokens in sentences]
    first[0][3:5] = ["B-ORG", "I-ORG"]
    expected = tagger.final.map_features(document_marks(sentences, first, window=tagger.window))
    found = tagger._mark_ids(first, stems)
    assert found.ids.tolist() == expected.ids.tolist()
    assert found.counts.tolist() == expected.counts.tolist()
    assert any(count > 3 for count in found.counts.tolist())  # some d: marks


def test_pack_ids_joins_arrays_per_token():
    packed = pack_ids([array("q", [3, 1]), array("q"), array("q", [2])])
    assert packed.ids.tolist() == [3, 1, 2]
    assert packed.counts.tolist() == [2, 0, 1]
    assert pack_ids([]).ids.tolist() == []
