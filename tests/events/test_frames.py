"""The report frames of the sentence detectors (resources/events/frames.tsv), and held-out scoring."""

import json

import pytest

from marsad.events.classify import frame_features


def frames(text):
    return sorted(set(frame_features(text.split(), any(ch.isdigit() for ch in text))))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("واحتشد مئات المتظاهرين امس امام البرلمان", ["x:frame:PROTEST"]),
        ("تظاهر 500 شخص في المدينة احتجاجا على القرار", ["x:frame:PROTEST"]),
        # talk about a protest, not the report of one
        ("وقال الوزير ان المتظاهرين تجمعوا امس", []),
        # a gathering noun is not "they gathered"
        ("التجمع الوطني يرفض الاحتجاج", []),
        ("قتل مسلحون ثلاثة اشخاص امس", ["x:frame:ASSAULT"]),
        ("وانفجرت عبوة ناسفة صباح الاثنين", ["x:frame:ASSAULT"]),
        # a killing named, not reported as happening with a count or a time
        ("ويرفض الحزب القتل", []),
    ],
)
def test_frames(text, expected):
    assert frames(text) == expected


def test_frame_outweighs_a_single_word():
    features = frame_features("واحتشد مئات المتظاهرين امس".split(), False)
    assert features.count("x:frame:PROTEST") > 1


def test_score_file_uses_the_shipped_detectors_without_training(tmp_path, eval_script):
    rows = [
        {"event_type": "PROTEST", "label": "yes", "text": "تظاهر الاف الاشخاص امس في العاصمة احتجاجا على ارتفاع الاسعار"},
        {"event_type": "PROTEST", "label": "no", "text": "ارتفعت اسعار الخبز في الاسواق هذا الشهر"},
        {"event_type": "ASSAULT", "label": "yes", "text": "قتل مسلحون خمسة جنود في هجوم على حاجز للجيش امس"},
        {"event_type": "ASSAULT", "label": "no", "text": "افتتح الوزير معرض الكتاب في العاصمة"},
    ]
    path = tmp_path / "test.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    report = eval_script("events").score_file(path)
    assert set(report) == {"ASSAULT", "PROTEST"}
    for plover in report:
        assert report[plover]["sentences"] == 2 and report[plover]["positives"] == 1
        assert report[plover]["f1"] == 1.0, report
