"""Texts cut off mid-sentence must not break the quote stage."""

import pytest

from marsad.document import doc_to_dict
from marsad.pipeline import analyze_text


@pytest.mark.parametrize("text", ["وقال الوزير إن", "قال المسؤولون السعوديون له إن", "وأضاف أن", "قال:"])
def test_text_ending_at_the_complementizer(nlp, text):
    analysis = doc_to_dict(analyze_text(text, nlp=nlp))
    for quote in analysis["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
