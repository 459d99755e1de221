"""The fast inference paths give exactly what the string-based reference gives."""

from collections import Counter

import numpy as np
import pytest

from marsad.arabic.normalize import TRANSLATION
from marsad.arabic.normalize import normalize as reference_normalize
from marsad.topics import load_default_model
from marsad.topics.features import article_features, normalize

TEXTS = [
    "",
    "أعلنت وزارة الصحة الفلسطينية، اليوم الإثنين، عن ارتفاع عدد الشهداء إلى ١٢٣ شهيدًا.",
    "مُحَمَّدٌ ذَهَبَ إلى المَدْرَسَةِ ـــ والكتاب على الطاولة. Apple and Google ۲۰۲۴ quarterly results",
    "".join(chr(code) for code in TRANSLATION) + " كلمة " + "".join(chr(code) for code in TRANSLATION),
    "الهجوم على حلب والحسكة ومنبج، وقف إطلاق النار في جنيف للبحث عن حل سياسي",
]


@pytest.mark.parametrize("text", TEXTS)
def test_normalize_matches_reference(text):
    assert normalize(text) == reference_normalize(text)


def _reference_decision(model, text, title):
    counts = Counter(article_features(text, title))
    found = [(i, c) for i, c in zip(map(model.index.get, counts), counts.values()) if i is not None]
    if not found:
        return model.bias.copy()
    ids, tfs = zip(*found)
    ids_array = np.array(ids, dtype=np.int64)
    values = (1.0 + np.log(np.array(tfs, dtype=np.float32))) * model.idf[ids_array]
    values /= np.linalg.norm(values)
    return values @ model.weights[ids_array] + model.bias


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("title", [None, "", "وقف إطلاق النار", "Apple results"])
def test_decision_bit_identical_to_string_features(text, title):
    model = load_default_model()
    assert np.array_equal(model.decision(text, title=title), _reference_decision(model, text, title))
