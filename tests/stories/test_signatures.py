"""What a report's figures and the day its opening names add to story and copy placement."""

from __future__ import annotations

from datetime import date

from marsad.stories import StoryIndex, featurize
from marsad.stories.features import cosine, dates_conflict, lead_date, numbers, similarity

from .texts import analysis

# A daily bulletin in one template: only the regions and the day change from one issue to the next.
BULLETIN = (
    "توقعت هيئة الطقس في نشرتها لهذا اليوم سماء صافية على معظم مناطق البلاد مع رياح نشطة مثيرة للغبار على "
    "المناطق {regions}، فيما تكون درجات الحرارة مرتفعة على المناطق الشرقية والوسطى، ويكون البحر خفيفا إلى "
    "متوسط الموج على الساحل الغربي وتنصح الهيئة السائقين بالحذر على الطرق السريعة."
)
# An agency text about a market session, and a paper's reprint of it the next morning.
SESSION = (
    "أغلق مؤشر البورصة المحلية {when} على انخفاض قدره 123.45 نقطة عند مستوى 7654.32 نقطة، بتداولات بلغت "
    "قيمتها أربعة مليارات ريال، وتراجعت أسهم قطاع المصارف وقطاع الإسمنت، بينما ارتفعت أسهم شركات التأمين "
    "بعد إعلان نتائجها الفصلية التي جاءت أفضل من توقعات المحللين."
)
# Two reports of one session written apart: few words in common, the same figures.
SESSION_REPORT_A = "هبطت البورصة المحلية متأثرة بتراجع المصارف لتغلق عند 7654.32 نقطة بعدما خسرت 123.45 نقطة في جلسة متقلبة."
SESSION_REPORT_B = "خسر المؤشر العام 123.45 نقطة واستقر عند 7654.32 نقطة وسط ضغوط بيع على أسهم البنوك والإسمنت."


def _with_dates(record: dict, *mentions: tuple[str, str]) -> dict:
    """The analysis with resolved date mentions (text as written, ISO value), as the date stage gives them."""
    for text, value in mentions:
        start = record["text"].index(text)
        record["dates"].append({"start": start, "end": start + len(text), "text": text, "value": value})
    return record


def _features(record: dict, order: int):
    return featurize(record, day=date.fromisoformat(record["meta"]["date"]).toordinal(), order=order)


def test_numbers_are_the_lead_figures_without_years_or_single_digits() -> None:
    text = "ارتفع المؤشر 45.5 نقطة إلى ٧٦٥٤ نقطة في عام 2015 بعد 3 جلسات"
    assert numbers(text) == {"45.5", "7654"}


def test_shared_figures_raise_the_similarity_of_two_reports() -> None:
    a = _features(analysis(SESSION_REPORT_A, "a", "2024-05-01", title=None), 1)
    b = _features(analysis(SESSION_REPORT_B, "b", "2024-05-01", title=None), 2)
    assert a.numbers & b.numbers == {"123.45", "7654.32"}
    assert similarity(a, b) > cosine(a.vector, b.vector) + 0.1


def test_lead_date_is_the_first_day_the_opening_names() -> None:
    record = _with_dates(analysis(SESSION.format(when="اليوم"), "a", "2024-05-01"), ("اليوم", "2024-05-01"))
    assert lead_date(record) == date(2024, 5, 1).toordinal()
    month_only = _with_dates(analysis(SESSION.format(when="هذا الشهر"), "b", "2024-05-01"), ("هذا الشهر", "2024-05"))
    assert lead_date(month_only) is None  # a month is not a day
    assert lead_date(analysis(SESSION.format(when=""), "c", "2024-05-01")) is None


def test_next_days_bulletin_is_not_a_copy() -> None:
    index = StoryIndex()
    monday = _with_dates(analysis(BULLETIN.format(regions="الشمالية والغربية"), "mon", "2024-05-06", title="نشرة الطقس"), ("لهذا اليوم", "2024-05-06"))
    tuesday = _with_dates(analysis(BULLETIN.format(regions="الجنوبية والغربية"), "tue", "2024-05-07", title="نشرة الطقس"), ("لهذا اليوم", "2024-05-07"))
    first, second = _features(monday, 1), _features(tuesday, 2)
    assert dates_conflict(first, second)
    index.assign(first)
    placed = index.assign(second)
    assert placed.copy_of is None
    # Without the days the two issues would be one text reprinted.
    undated = StoryIndex()
    undated.assign(_features(analysis(BULLETIN.format(regions="الشمالية والغربية"), "mon", "2024-05-06"), 1))
    assert undated.assign(_features(analysis(BULLETIN.format(regions="الجنوبية والغربية"), "tue", "2024-05-07"), 2)).copy_of == "mon"


def test_reprint_the_next_day_that_says_yesterday_is_still_a_copy() -> None:
    index = StoryIndex()
    agency = _with_dates(analysis(SESSION.format(when="اليوم"), "agency", "2024-05-01"), ("اليوم", "2024-05-01"))
    reprint = _with_dates(analysis(SESSION.format(when="أمس"), "paper", "2024-05-02"), ("أمس", "2024-05-01"))
    first = index.assign(_features(agency, 1))
    copy = index.assign(_features(reprint, 2))
    assert copy.copy_of == "agency" and copy.story_id == first.story_id


# One outlet's market close in one template, on two days: the same words, different figures.
CLOSE = (
    "أغلقت سوق الأسهم المحلية جلستها على {move} بلغ {points} نقطة ليستقر مؤشرها العام عند مستوى {level} نقطة، "
    "بتداولات قيمتها {value} مليار ريال، وسط نشاط في أسهم قطاع البتروكيماويات وتراجع في أسهم قطاع التجزئة."
)
MONDAY_CLOSE = CLOSE.format(move="انخفاض", points="211.37", level="8904.15", value="5.2")
TUESDAY_CLOSE = CLOSE.format(move="ارتفاع", points="17.86", level="8922.01", value="3.9")
# The next day's close in the outlet's other wording: the template's words, few of its 3-grams.
TUESDAY_RETOLD = (
    "مؤشر سوق الأسهم المحلية يرتفع 17.86 نقطة ويستقر عند 8922.01 نقطة، فيما بلغت قيمة التداولات 3.9 مليار "
    "ريال مع نشاط أسهم البتروكيماويات وتراجع أسهم التجزئة في جلسة اليوم."
)


def test_two_closes_with_no_figure_in_common_score_below_their_cosine() -> None:
    monday = _features(analysis(MONDAY_CLOSE, "mon", "2024-05-06", title=None), 1)
    tuesday = _features(analysis(TUESDAY_CLOSE, "tue", "2024-05-07", title=None), 2)
    assert len(monday.numbers) >= 2 and len(tuesday.numbers) >= 2 and not monday.numbers & tuesday.numbers
    assert similarity(monday, tuesday) < cosine(monday.vector, tuesday.vector) - 0.2


def test_two_closes_with_no_figure_in_common_are_two_stories() -> None:
    index = StoryIndex()
    first = index.assign(_features(analysis(MONDAY_CLOSE, "mon", "2024-05-06", title=None), 1))
    tuesday = _features(analysis(TUESDAY_RETOLD, "tue", "2024-05-07", title=None), 2)
    assert cosine(index.entries["mon"].features.vector, tuesday.vector) >= index.threshold  # words alone would join them
    second = index.assign(tuesday)
    assert second.new_story and second.copy_of is None
    # The same close told again the next morning, with its figures: the story it started.
    retold = index.assign(_features(analysis(MONDAY_CLOSE + " وكانت السوق قد افتتحت على تباين.", "again", "2024-05-07", title=None), 3))
    assert retold.story_id == first.story_id


def test_a_lead_with_one_figure_is_not_held_against_another() -> None:
    one = _features(analysis("ارتفع المؤشر العام 45 نقطة في جلسة هادئة تراجعت فيها أسهم المصارف وارتفعت أسهم الإسمنت", "a", "2024-05-06", title=None), 1)
    other = _features(analysis("تراجعت أسهم المصارف وارتفعت أسهم الإسمنت في جلسة هادئة أغلق فيها المؤشر عند 8904.15 بعد 211.37", "b", "2024-05-06", title=None), 2)
    assert not one.numbers & other.numbers
    assert similarity(one, other) == cosine(one.vector, other.vector)
