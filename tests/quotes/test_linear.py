"""Quote detection does work linear in the text: hostile shapes are scanned once, not once per cue."""

from __future__ import annotations

import pytest

from marsad.pipeline import analyze_text
from marsad.quotes.view import TokenView


@pytest.mark.parametrize("unit", ["قال: ", "أكد أن الوضع خطير، وقال إن ", 'وقال سيرغي لافروف: "نعم". '])
def test_clause_scans_grow_linearly(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    original = TokenView._ends_clause

    def counted(self, k, end):
        nonlocal calls
        calls += 1
        return original(self, k, end)

    monkeypatch.setattr(TokenView, "_ends_clause", counted)
    counts = []
    for repeats in (200, 800):
        calls = 0
        doc = analyze_text(unit * repeats)
        counts.append(calls / len(doc))
    assert counts[1] <= counts[0] * 1.5 + 0.1  # per token, the same at four times the length


def test_one_speaker_quoted_many_times_lists_bounded_mentions() -> None:
    doc = analyze_text('وقال سيرغي لافروف: "نعم". ' * 300)
    assert len(doc._.quotes) >= 250
    assert max(len(quote.speaker.mentions) for quote in doc._.quotes) <= 50


def test_person_lookup_is_a_bisection_that_finds_names_inside_a_span() -> None:
    from types import SimpleNamespace

    from marsad.quotes.speakers import _Persons

    layout = SimpleNamespace(entities=[(7, 9, "PERS", None), (2, 3, "LOC", None), (12, 14, "PERS", None)])
    persons = _Persons(layout)
    assert persons.inside((6, 10)) and persons.inside((12, 14))
    assert not persons.inside((2, 3))  # a place is no person
    assert not persons.inside((8, 13))  # names that only overlap the span are not inside it
