import numpy as np
import pytest
import spacy

import marsad.components.topics  # noqa: F401  (registers the factory)
from marsad.document import register_extensions
from marsad.topics import TopicModel, load_default_model
from marsad.topics.features import analyze

LABELS = ("culture", "economy", "internationalNews", "middleEast", "sport", "technology")


def test_features_fold_normalization_and_clitics():
    features = analyze("وبالمدينة المدينه")
    assert features.count("s:مدينه") == 2 and features.count("w:المدينه") == 1
    assert "b:مدينه_مدينه" in features
    assert analyze("١٢٣ 123") == []


@pytest.fixture
def tiny_model(tmp_path):
    path = tmp_path / "tiny.npz"
    np.savez(
        path,
        labels=np.array(["sport", "economy"]),
        vocab=np.array(["s:مباراه", "s:اسعار"]),
        idf=np.array([1.0, 1.0], dtype=np.float16),
        weights=np.array([[2.0, -2.0], [-2.0, 2.0]], dtype=np.float16),
        bias=np.array([0.0, 0.0], dtype=np.float32),
        temperature=np.array(1.0, dtype=np.float32),
    )
    return TopicModel.load(path)


def test_tiny_model_scores(tiny_model):
    topic = tiny_model.predict("انتهت المباراة")
    assert topic.label == "sport"
    assert topic.scores["sport"] > 0.9 and abs(sum(topic.scores.values()) - 1) < 1e-3
    assert tiny_model.predict("لا شيء هنا").label in ("sport", "economy")


def test_shipped_model_is_small_and_has_six_labels():
    model = load_default_model()
    assert set(model.labels) == set(LABELS)
    assert model.weights.shape == (len(model.index), len(LABELS))


@pytest.mark.parametrize(
    "text, label",
    [
        ("فاز ريال مدريد على برشلونة بثلاثة أهداف في الدوري الإسباني لكرة القدم وسجل رونالدو هدفين في المباراة", "sport"),
        ("ارتفعت أسعار النفط في الأسواق العالمية وتراجع الدولار وسجلت البورصة مكاسب مع صعود أسهم البنوك", "economy"),
        ("أطلقت شركة آبل هاتف آيفون الجديد بمعالج أسرع وكاميرا محسنة ونظام تشغيل جديد للتطبيقات والذكاء الاصطناعي", "technology"),
    ],
)
def test_shipped_model_on_clear_cases(text, label):
    assert load_default_model().predict(text).label == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("قتل عشرة مدنيين في غارات جوية على ريف إدلب شمال غرب سوريا، وقال المرصد السوري إن القصف استهدف بلدات في ريف حلب", "middleEast"),
        ("قال مراسل بي بي سي إن الجيش الإسرائيلي قصف مواقع في قطاع غزة بعد إطلاق صواريخ على جنوب إسرائيل", "middleEast"),
        ("أعلنت الحكومة الألمانية أن المستشارة ميركل ستلتقي الرئيس الفرنسي ماكرون في برلين لبحث ملف الهجرة والاتحاد الأوروبي", "internationalNews"),
        ("أعلنت الشرطة البريطانية في لندن اعتقال رجل يشتبه في تنفيذه هجوما بسكين، وقالت رئيسة الوزراء تيريزا ماي إن التحقيق مستمر", "internationalNews"),
    ],
)
def test_shipped_model_tells_middle_east_from_the_world(text, label):
    assert load_default_model().predict(text).label == label


def test_places_move_the_middle_east_score():
    """The same sentence about an Arab capital or a European one: only the places differ."""
    model = load_default_model()
    arab = model.predict("تظاهر آلاف المحتجين في دمشق ضد الحكومة").scores["middleEast"]
    europe = model.predict("تظاهر آلاف المحتجين في مدريد ضد الحكومة").scores["middleEast"]
    assert arab > europe


def test_ignored_words_do_not_change_the_topic_scores():
    model = load_default_model()
    text = "ارتفعت أسعار النفط في الأسواق العالمية وتراجع الدولار"
    assert np.array_equal(model.decision(text), model.decision("(رويترز) - " + text))


def test_component_assigns_topic():
    register_extensions()
    nlp = spacy.blank("ar")
    doc = nlp("فاز ريال مدريد على برشلونة في الدوري الإسباني لكرة القدم")
    doc._.meta = {"title": "الكلاسيكو"}
    doc = spacy.registry.factories.get("marsad_topic")(nlp, "marsad_topic")(doc)
    assert doc._.topic.label == "sport"
    assert set(doc._.topic.scores) == set(LABELS)


def test_empty_text_still_gets_a_topic():
    topic = load_default_model().predict("")
    assert topic.label in LABELS and abs(sum(topic.scores.values()) - 1) < 1e-3


def test_the_package_ships_the_release_fit_and_eval_keeps_the_dev_fit():
    """eval/topics.py and the gate score the dev fit; users get the same recipe on all articles."""
    from pathlib import Path

    from marsad.topics.model import DEFAULT_MODEL

    dev_fit_file = Path(__file__).resolve().parents[2] / "eval" / "models" / "topics" / "topics.npz"
    with np.load(DEFAULT_MODEL) as shipped, np.load(dev_fit_file) as dev_fit:
        assert str(shipped["trained_on"]) == "all" and str(dev_fit["trained_on"]) == "train"
        assert shipped["labels"].tolist() == dev_fit["labels"].tolist()
        assert float(shipped["temperature"]) == float(dev_fit["temperature"])
