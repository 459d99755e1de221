"""The fast inference paths give exactly what the string-based reference gives."""

from collections import Counter

import numpy as np
import pytest

from marsad.arabic.normalize import TRANSLATION
from marsad.arabic.normalize import normalize as reference_normalize
from marsad.topics import load_default_model
from marsad.topics.features import analyze_topic, article_features, article_place_features, normalize

TEXTS = [
    "",
    "أعلنت وزارة الصحة الفلسطينية، اليوم الإثنين، عن ارتفاع عدد الشهداء إلى ١٢٣ شهيدًا.",
    "مُحَمَّدٌ ذَهَبَ إلى المَدْرَسَةِ ـــ والكتاب على الطاولة. Apple and Google ۲۰۲۴ quarterly results",
    "".join(chr(code) for code in TRANSLATION) + " كلمة " + "".join(chr(code) for code in TRANSLATION),
    "الهجوم على حلب والحسكة ومنبج، وقف إطلاق النار في جنيف للبحث عن حل سياسي",
    # ignored words (months, outlets) between words, two-word place names, house spellings
    "قال مراسل بي بي سي في 3 شباط إن الولايات المتحدة وجنوب السودان وكوريا الشمالية والإدارة الأميركية وترمب",
    "غزة، 12 مايو (رويترز) - قالت وزارة الصحة في قطاع غزة إن الجيش الإسرائيلي قتل فلسطينيين",
]


@pytest.mark.parametrize("text", TEXTS)
def test_normalize_matches_reference(text):
    assert normalize(text) == reference_normalize(text)


def _reference_view(model, features):
    """(ids, l2-normalized sublinear tf-idf values) of the known features among `features`."""
    counts = Counter(features)
    found = [(i, c) for i, c in zip(map(model.index.get, counts), counts.values()) if i is not None]
    if not found:
        return None
    ids, tfs = zip(*found)
    ids_array = np.array(ids, dtype=np.int64)
    values = (1.0 + np.log(np.array(tfs, dtype=np.float32))) * model.idf[ids_array]
    values /= np.linalg.norm(values)
    return ids_array, values


def _reference_decision(model, text, title):
    views = [_reference_view(model, article_features(text, title)),
             _reference_view(model, article_place_features(text, title, model.places))]
    views = [view for view in views if view is not None]
    if not views:
        return model.bias.copy()
    ids_array = np.concatenate([view[0] for view in views])
    values = np.concatenate([view[1] for view in views])
    return values @ model.weights[ids_array] + model.bias


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("title", [None, "", "وقف إطلاق النار", "Apple results"])
def test_decision_bit_identical_to_string_features(text, title):
    model = load_default_model()
    assert np.array_equal(model.decision(text, title=title), _reference_decision(model, text, title))


def test_shipped_model_reads_places():
    model = load_default_model()
    assert model.places.names and model.places.pairs
    assert any(feature.startswith("gc:") for feature in model.index)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_place_codes_match_reference(text):
    model = load_default_model()
    _, body, _ = model.analyze(text)
    assert body == analyze_topic(text, model.places)[1]
