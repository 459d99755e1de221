"""Date expressions in Arabic text, resolved to ISO 8601 against the article's date."""

from .resolve import find_dates, parse_article_date

__all__ = ["find_dates", "parse_article_date"]
