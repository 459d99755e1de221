import pytest

from marsad.dates import find_dates, parse_article_date

ARTICLE_DATE = "2016-09-10"  # a Saturday


def resolved(text, article_date=ARTICLE_DATE):
    return [(text[m.start : m.end], m.value) for m in find_dates(text, article_date)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في 9 أغسطس 2016", [("9 أغسطس 2016", "2016-08-09")]),
        ("في 9 آب 2016", [("9 آب 2016", "2016-08-09")]),
        ("في 3 كانون الثاني 2017", [("3 كانون الثاني 2017", "2017-01-03")]),
        ("في تشرين الأول 2015", [("تشرين الأول 2015", "2015-10")]),
        ("في أكتوبر (تشرين الأول) 2000", [("أكتوبر (تشرين الأول) 2000", "2000-10")]),
        ("يوم ٩ أيلول ٢٠١٦", [("٩ أيلول ٢٠١٦", "2016-09-09")]),
        ("في عام 2015", [("عام 2015", "2015")]),
        ("بتاريخ 12/3/2016", [("12/3/2016", "2016-03-12")]),
        ("بتاريخ 2016-03-12", [("2016-03-12", "2016-03-12")]),
        ("في التاسع من مارس (آذار) 2007", [("التاسع من مارس (آذار) 2007", "2007-03-09")]),
    ],
)
def test_absolute_gregorian(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وصل أمس إلى دمشق", [("أمس", "2016-09-09")]),
        ("مساء الجمعة", [("مساء الجمعة", "2016-09-09")]),
        ("الجمعة الماضي", [("الجمعة الماضي", "2016-09-09")]),
        ("السبت الماضي", [("السبت الماضي", "2016-09-03")]),
        ("الأحد المقبل", [("الأحد المقبل", "2016-09-11")]),
        ("اليوم", [("اليوم", "2016-09-10")]),
        ("أول من أمس", [("أول من أمس", "2016-09-08")]),
        ("وصلوا أمس الأول إلى المدينة", [("أمس الأول", "2016-09-08")]),
        ("غداً", [("غداً", "2016-09-11")]),
        ("منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2016-09-07")]),
        ("قبل يومين", [("قبل يومين", "2016-09-08")]),
        ("منذ 11 يوماً", [("منذ 11 يوماً", "2016-08-30")]),
        ("الأسبوع الماضي", [("الأسبوع الماضي", "2016-W35")]),
        ("الشهر المقبل", [("الشهر المقبل", "2016-10")]),
        ("العام الماضي", [("العام الماضي", "2015")]),
        ("في مارس الماضي", [("مارس الماضي", "2016-03")]),
        ("في 20 أغسطس", [("20 أغسطس", "2016-08-20")]),
    ],
)
def test_relative_against_article_date(text, expected):
    assert resolved(text) == expected


def test_relative_without_article_date_is_none():
    assert resolved("وصل أمس إلى دمشق", None) == [("أمس", None)]
    assert resolved("في 20 أغسطس", None) == [("20 أغسطس", None)]


def test_hijri_dates_convert_to_gregorian():
    assert resolved("في ١٥ رمضان ١٤٣٧ هـ") == [("١٥ رمضان ١٤٣٧ هـ", "2016-06-20")]
    assert resolved("في 1 محرم 1438 هجري")[0][1] == "2016-10-02"


@pytest.mark.parametrize("text", ["مارس ضغوطا كبيرة", "الأمين العام المقبل", "اليوم الوطني", "نقلت صحيفة اليوم عن مصدر", "ذكر موقع عين اليوم", "شارك 3500 متظاهر", "قال الأب إن", "في رمضان"])
def test_not_dates(text):
    assert resolved(text) == []


def test_offsets_point_at_original_text_with_diacritics():
    text = "وَصَلَ أَمْسِ"
    (mention,) = find_dates(text, ARTICLE_DATE)
    assert text[mention.start : mention.end] == "أَمْسِ"


def test_skip_ranges_drop_mentions():
    text = "وصل أمس. نشر اليوم"
    assert [m.value for m in find_dates(text, ARTICLE_DATE, skip=[(9, len(text))])] == ["2016-09-09"]


@pytest.mark.parametrize("value, expected", [("2018-02-27T05:48:34+04:00", "2018-02-27"), ("nonsense", None), (None, None)])
def test_parse_article_date(value, expected):
    parsed = parse_article_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize("text", ["", "ـ", "\u064b", "2016", "١٢٣٤٥٦"])
def test_degenerate_inputs(text):
    for mention in find_dates(text, ARTICLE_DATE):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سيعقد المجلس جلسة الثلاثاء", "2016-09-13"),
        ("جلسة تقرر عقدها الثلاثاء", "2016-09-13"),
        ("عقد المجلس جلسة الثلاثاء", "2016-09-06"),
        ("وقال السياسي الثلاثاء", "2016-09-06"),
    ],
)
def test_weekday_tense_from_context(text, expected):
    assert [value for _, value in resolved(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في الخامس عشر من الشهر الجاري", [("الخامس عشر من الشهر الجاري", "2016-09-15")]),
        ("يوم 20 الشهر الماضي", [("20 الشهر الماضي", "2016-08-20")]),
        ("منذ عام 2013", [("عام 2013", "2013")]),
        ("بعد يوم من إعلان القرار", [("بعد يوم", None)]),  # counted from another event
        ("في نيسان/أبريل الماضي", [("نيسان/أبريل الماضي", "2016-04")]),
    ],
)
def test_more_relative_forms(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12/3/2016", "1/1/2016", "123/4/2016", "12/3/20166", "٩/٣/٢٠١٦", "x12/3/2016", "12/3/2016x",
        "2016-03-12", "12016-03-12", "2016-03-123", "2016.3.1 و 1.2.2017", "5-6-2017 7-8-2018", "1/2/3/4/2016",
        "۱۲/۳/۲۰۱۶", "9/9/2016-10/10/2016", "20/20/2020/20/20",
    ],
)
def test_numeric_date_patterns_equal_a_leading_lookbehind(text):
    import re

    from marsad.dates.resolve import DIGITS, NUMERIC_DMY_RE, NUMERIC_YMD_RE

    d = DIGITS
    plain_dmy = re.compile(rf"(?<![{d}])([{d}]{{1,2}})[/.\-]([{d}]{{1,2}})[/.\-]([{d}]{{4}})(?![{d}])")
    plain_ymd = re.compile(rf"(?<![{d}])([{d}]{{4}})[/.\-]([{d}]{{1,2}})[/.\-]([{d}]{{1,2}})(?![{d}])")
    for fast, plain in ((NUMERIC_DMY_RE, plain_dmy), (NUMERIC_YMD_RE, plain_ymd)):
        for padded in (text, " " + text, "قال " + text + " أمس"):
            assert [(m.span(), m.groups()) for m in fast.finditer(padded)] == [(m.span(), m.groups()) for m in plain.finditer(padded)]


def test_today_after_a_plain_noun_is_still_a_date():
    # Only a title's head noun turns "اليوم" into a name; a speaker before it does not.
    assert resolved("قال الوزير اليوم إن") == [("اليوم", ARTICLE_DATE)]
