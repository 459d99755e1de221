"""Wire copies reworded below their opening sentence: the opening, what is shared past it, and the rule."""

from __future__ import annotations

from datetime import date

from marsad.stories import StoryIndex, featurize
from marsad.stories.copies import REWORDED_CONTAINMENT, CopyIndex, containment, signature
from marsad.stories.features import opening, shingles

from .texts import analysis

# A made-up agency release: a dateline, an opening sentence, four sentences of detail.
RELEASE = (
    "الدمام - واس\n"
    "افتتح أمير المنطقة الشرقية صباح اليوم مستشفى الولادة والأطفال الجديد في مدينة الدمام بطاقة استيعابية تبلغ "
    "خمسمائة سرير. وتجول سموه في أقسام المستشفى واستمع إلى شرح من مدير الشؤون الصحية عن التجهيزات الطبية الحديثة "
    "التي زود بها، ومنها غرف عمليات متكاملة ووحدة للعناية المركزة لحديثي الولادة تضم ستين حاضنة. وأكد مدير الشؤون "
    "الصحية أن المستشفى سيخدم أكثر من مليون نسمة في الدمام والخبر والقطيف، وأنه سيخفف الضغط عن المستشفيات القائمة "
    "التي تعاني من قوائم انتظار طويلة. وبلغت تكلفة إنشاء المستشفى أربعمائة مليون ريال، ونفذته شركة وطنية خلال ثلاث "
    "سنوات، ويعمل فيه ألف ومائتا موظف بين طبيب وممرض وفني، بينهم عدد كبير من الكوادر الوطنية التي تلقت تدريبها في "
    "الداخل والخارج."
)
OPENING = (
    "افتتح أمير المنطقة الشرقية صباح اليوم مستشفى الولادة والأطفال الجديد في مدينة الدمام بطاقة استيعابية تبلغ "
    "خمسمائة سرير."
)
# A paper's reprint: the opening kept whole, the rest reordered and partly rewritten, a paragraph added.
BODY = (
    " ويعمل في المستشفى الذي نفذته شركة وطنية بتكلفة أربعمائة مليون ريال ألف ومائتا موظف، فيما زود بغرف عمليات "
    "متكاملة ووحدة للعناية المركزة لحديثي الولادة تضم ستين حاضنة، وفق ما أوضحه مدير الشؤون الصحية خلال جولة الأمير. "
    "وأكد مدير الشؤون الصحية أن المستشفى سيخدم سكان المحافظات الثلاث، وسيقلص قوائم الانتظار في المستشفيات الأخرى. "
    "ويضم المستشفى كذلك مركزا لأبحاث صحة الأم والطفل ومكتبة طبية وقاعة للمؤتمرات، وتعمل فيه فرق مناوبة على مدار "
    "الساعة بين طبيب وممرض وفني، وتستقبل عياداته الخارجية المراجعين من الأحد إلى الخميس."
)
REWORDED = OPENING + BODY
# The same paragraphs under a paper's own opening sentence.
OWN_OPENING = "شهدت مدينة الدمام صباح اليوم افتتاح مستشفى جديد للولادة والأطفال، في خطوة طال انتظارها من سكان المنطقة الشرقية." + BODY


def _features(text: str, article_id: str, order: int):
    return featurize(analysis(text, article_id, "2024-05-01", title=None), day=date(2024, 5, 1).toordinal(), order=order)


def test_the_opening_is_the_first_sentence_past_a_short_dateline() -> None:
    assert opening(RELEASE) == opening(OPENING)
    assert opening(RELEASE) <= shingles(RELEASE)  # the same hashes as the lead's shingles


def test_a_text_without_a_sentence_of_eight_words_has_no_opening() -> None:
    assert opening("الرياض - واس\nخبر قصير.") == frozenset()


def test_a_release_reworded_below_its_opening_is_a_copy() -> None:
    shared = containment(shingles(REWORDED), shingles(RELEASE))
    assert REWORDED_CONTAINMENT <= shared < 0.4  # too little for a copy on containment alone
    index = StoryIndex()
    first = index.assign(_features(RELEASE, "agency", 1))
    reprint = index.assign(_features(REWORDED, "paper", 2))
    assert reprint.copy_of == "agency" and reprint.story_id == first.story_id


def test_the_same_paragraphs_under_another_opening_are_not_a_copy() -> None:
    release, own = _features(RELEASE, "agency", 1), _features(OWN_OPENING, "paper", 2)
    # Candidates however little they share, so that only the opening decides.
    lenient = CopyIndex(candidate_jaccard=0.05, reworded_containment=0.0, body_containment=0.0)
    lenient.add("agency", release.shingles, signature(release.shingles), opening=release.opening)
    assert lenient.best_match(own.shingles, signature(own.shingles), opening=own.opening) is None
    openings_ignored = CopyIndex(candidate_jaccard=0.05, reworded_containment=0.0, same_opening=0.0, body_containment=0.0)
    openings_ignored.add("agency", release.shingles, signature(release.shingles), opening=release.opening)
    assert openings_ignored.best_match(own.shingles, signature(own.shingles), opening=own.opening) is not None


def test_a_copy_index_forgets_the_opening_of_a_removed_article() -> None:
    release = _features(RELEASE, "agency", 1)
    copies = CopyIndex()
    copies.add("agency", release.shingles, opening=release.opening)
    copies.remove("agency")
    assert "agency" not in copies.openings and len(copies) == 0
