"""Detection and attribution that carry across outlets (issue 15): sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.pipeline import make_doc


@pytest.fixture(scope="module")
def detected(nlp):
    """Text -> [(cue, content, speaker)] through the whole default pipeline."""

    def run(text: str) -> list[tuple[str, str, str | None]]:
        doc = nlp(make_doc(nlp, text, article_id="t", meta={}))
        return [(text[q.cue.start : q.cue.end], text[q.start : q.end], q.speaker.name) for q in doc._.quotes]

    return run


def test_a_long_quotation_after_a_medium_is_what_was_written_there(detected):
    text = 'وكتب المهندس سامر الخطيب على تويتر "أنهينا المرحلة الأولى من المشروع ونستعد للثانية بعد العيد".'
    assert [(cue, content) for cue, content, _ in detected(text)] == [("وكتب", "أنهينا المرحلة الأولى من المشروع ونستعد للثانية بعد العيد")]


def test_a_quoted_name_after_a_medium_or_lam_stays_a_name(detected):
    found = detected('وقال المدرب لـ"صحيفة الملاعب" إن فريقه جاهز للمباراة.')
    assert [content for _, content, _ in found] == ["فريقه جاهز للمباراة"]
