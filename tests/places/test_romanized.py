"""Arabic spellings read back from GeoNames' Latin-only town names, kept where the news has them."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.fixture(scope="module")
def romanized(training_script):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "training" / "gazetteer" / "romanized.py"
    with training_script(path, "marsad_gazetteer_romanized") as module:
        yield module


@pytest.mark.parametrize("latin, arabic", [
    ("Khulayş", "خليص"), ("Al Khafjī", "الخفجي"), ("Rābigh", "رابغ"),  # BGN/PCGN
    ("Moknine", "المكنين"), ("Nefta", "نفطه"), ("Tajerouine", "تاجروين"),  # French usage
])
def test_a_latin_name_reads_back_to_its_arabic_spelling(romanized, latin, arabic):
    assert arabic in romanized.spellings(latin)


def test_several_words_are_not_read(romanized):
    assert romanized.spellings("Sidi Bennour") == []


def test_the_news_decides_which_spelling_is_the_place(romanized):
    counts = Counter({"نفطه": 40, "نفطة": 0, "نفته": 30})
    after = Counter({"نفطه": 6, "نفته": 0})
    assert romanized.attested("Nefta", counts=counts, after_trigger=after) == "نفطه"
    # Seen, but never after a place word: no evidence it is a place.
    assert romanized.attested("Nefta", counts=Counter({"نفطه": 40}), after_trigger=Counter()) is None
    # A frequent word is a word first.
    assert romanized.attested("Nefta", counts=Counter({"نفطه": 5000}), after_trigger=Counter({"نفطه": 50})) is None
