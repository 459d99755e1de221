"""A plain-text article's dateline gives its date, which anchors relative dates."""

from marsad.ingest import read_text


def test_dateline_sets_the_article_date():
    text = "عنوان الخبر\n\nجنيف - الثلاثاء 12 آذار/مارس 2024\n\nالتقى الوفدان أمس في جنيف."
    article = read_text(text.encode("utf-8"), source="news.txt")
    assert article.meta["date"] == "2024-03-12"
    assert article.text == text


def test_no_dateline_no_date():
    article = read_text("التقى الوفدان أمس في جنيف.".encode("utf-8"), source="news.txt")
    assert article.meta["date"] is None


def test_a_date_deep_in_the_body_is_not_a_dateline():
    body = "التقى الوفدان في جنيف. " * 20 + "وكان ذلك في 12 آذار 2024."
    assert read_text(body.encode("utf-8"), source="news.txt").meta["date"] is None
