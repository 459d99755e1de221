"""Property test: generated Arabic-like text never raises, and every offset of the analysis is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.document import doc_to_dict
from marsad.pipeline import analyze_text
from marsad.testing import offset_violations

WORDS = "قال أكد وقال مضيفا قائلا إن أن الرئيس الوزير لافروف كيري دمشق حلب موسكو في يوم الثلاثاء آذار 2016 عام الماضي أمس بحسب نقلا هجوم قصف".split()
MARKS = list('"«»“”„‘’\'‹›')
# Decimal digits of several scripts, and digits that pass str.isdigit() but not int().
DIGITS = [chr(base + i) for base in (0x30, 0x660, 0x6F0, 0x966, 0xE50, 0xFF10) for i in range(10)] + list("²³⁰₃①❹➊፰")
DIACRITICS = [chr(code) for code in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]  # harakat, superscript alef, tatweel
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2069", "\u061c", "\u200c", "\u200d", "\ufeff"]
HTML = ["<p>", "</p>", "<div>", "<br>", "&amp;", "&nbsp;", "<script>x</script>", "<a href='x'>", "<!-- c -->"]
PUNCT = list(".،,:؛؟?!-—/()…") + ["\n", "\n\n", "\t", " ", "\u00a0", "\r\n"]

word = st.builds(
    lambda w, marks, cut: w[:cut] + "".join(marks) + w[cut:],
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(DIACRITICS), max_size=2),
    st.integers(min_value=0, max_value=6),
)
piece = st.one_of(
    word,
    st.sampled_from(MARKS),
    st.text(alphabet=DIGITS, min_size=1, max_size=5),
    st.sampled_from(BIDI),
    st.sampled_from(HTML),
    st.sampled_from(PUNCT),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
texts = st.lists(st.tuples(piece, st.sampled_from(["", " ", " ", "\n"])), min_size=1, max_size=80).map(lambda pairs: "".join(a + b for a, b in pairs))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, date=st.sampled_from([None, "2016-03-12", "not a date"]))
def test_analysis_never_raises_and_offsets_are_exact(text: str, date: str | None) -> None:
    analysis = doc_to_dict(analyze_text(text, meta={"date": date}))
    assert offset_violations(text, analysis) == []
