"""Modality cues: "قد" before a perfect, plans, hopes and readiness (marsad.events.triggers)."""

import pytest

from marsad.events import load_lexicon
from marsad.events.triggers import find_triggers, modality


def modality_of(text: str, kind: str) -> str:
    words = text.split()
    (match,) = [m for m in find_triggers(words, load_lexicon()) if m.type == kind]
    return modality(words, match)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("وكان الجيش قد اعتقل عشرة أشخاص", "ARREST", "happened"),  # past perfect, no "may"
        ("فقد اعتقلت الشرطة المشتبه به", "ARREST", "happened"),
        ("قد يعتقل الأمن المحتجين", "ARREST", "hypothetical"),  # before an imperfect: "may"
        ("ومن المقرر عقد اجتماع بين الوزيرين", "MEET", "announced"),  # scheduled
        ("وكانت الخلية تخطط لتفجير المبنى", "ATTACK", "hypothetical"),  # a plot, not an announcement
        ("وأعرب الوزير عن استعداده لإجراء محادثات مع المعارضة", "MEET", "hypothetical"),
        ("ويأمل الطرفان أن يتوصلا إلى اتفاق", "AGREE", "hypothetical"),
    ],
)
def test_modality_cues(text, kind, expected):
    assert modality_of(text, kind) == expected
