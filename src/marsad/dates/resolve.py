"""Find date expressions in Arabic text and resolve them to ISO 8601 against the article's date.

Rules over normalized words (`marsad.arabic.normalize.normalize` applied to each word of the
original text, so offsets need no mapping), so hamza, alef maksura, teh marbuta, tatweel,
diacritics and Arabic-Indic digits never matter. Values:
  * a full date "2016-09-09"; a month "2016-09"; a year "2016"; an ISO week "2016-W36" for
    "الأسبوع الماضي";
  * None when the expression is a date but cannot be placed (relative words without an article
    date, a Hijri month straddling two Gregorian years, ...).
Relative weekdays ("الجمعة", "مساء الجمعة") are read as the latest such day on or before the
article date (news reports the past), unless a future verb or plan word comes shortly before
("سيعقد ... الثلاثاء", "المقرر الثلاثاء"); "الماضي" excludes the article's own day, "المقبل" looks
ahead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from bisect import bisect_left
from itertools import accumulate, compress
from typing import Callable

from hijridate import Gregorian, Hijri

from ..arabic.clitics import stem_candidates
from ..arabic.normalize import normalize
from ..caches import WORD_TYPES
from ..document import DateMention
from . import lexicon as lx

# Words of the original text: a digit run, or letters with their diacritics and tatweel.
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(rf"[{DIGITS}]+|(?:[^\W\d_]+|[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]+)+")
GAP_RE = re.compile(r"[\s()/]*")
# "12/3/2016", "2016-03-12": not preceded or followed by another digit. The "no digit before"
# test comes right after the first digit (where "(?<![D][D])" means "no digit before it"), not
# before it: a pattern that opens with a character set lets the regex engine jump from digit to
# digit, while one that opens with a lookbehind tries it at every character (6x slower).
NUMERIC_DMY_RE = re.compile(rf"([{DIGITS}](?<![{DIGITS}][{DIGITS}])[{DIGITS}]?)[/.\-]([{DIGITS}]{{1,2}})[/.\-]([{DIGITS}]{{4}})(?![{DIGITS}])")
NUMERIC_YMD_RE = re.compile(rf"([{DIGITS}](?<![{DIGITS}][{DIGITS}])[{DIGITS}]{{3}})[/.\-]([{DIGITS}]{{1,2}})[/.\-]([{DIGITS}]{{1,2}})(?![{DIGITS}])")
MIN_YEAR, MAX_YEAR = 1800, 2100
MIN_HIJRI_YEAR, MAX_HIJRI_YEAR = 1300, 1500


def parse_article_date(value) -> dt.date | None:
    """The article date from metadata: a date, a datetime or an ISO 8601 string; None otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- value helpers


def _is_number(word: str | None) -> bool:
    """A run of ASCII digits, which `int` reads. Words are normalized, so Arabic-Indic digits are
    ASCII by now; "²", "①" or "፰" pass `str.isdigit` but are no decimal digits `int` accepts, and
    no date is written with them."""
    return word is not None and word.isascii() and word.isdigit()


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return dt.date(year, month, day)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year_for_day(month: int, day: int, anchor: dt.date, modifier: str | None) -> dt.date | None:
    candidates = [d for d in (_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if not candidates:
        return None
    if modifier == "past":
        past = [d for d in candidates if d < anchor]
        return max(past) if past else None
    if modifier == "next":
        future = [d for d in candidates if d > anchor]
        return min(future) if future else None
    # Unmarked: news mostly looks back; allow up to two months ahead.
    window = [d for d in candidates if -300 <= (d - anchor).days <= 60]
    return min(window, key=lambda d: abs((d - anchor).days)) if window else None


def _nearest_year_for_month(month: int, anchor: dt.date, modifier: str | None) -> str | None:
    delta = month - anchor.month
    if modifier == "past":
        year = anchor.year if delta < 0 else anchor.year - 1
    elif modifier == "next":
        year = anchor.year if delta > 0 else anchor.year + 1
    elif modifier == "current":
        year = anchor.year
    elif delta > 3:
        year = anchor.year - 1
    elif delta < -8:
        year = anchor.year + 1
    else:
        year = anchor.year
    return f"{year:04d}-{month:02d}"


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    try:
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length())
        return dt.date(*first.to_gregorian().datetuple()), dt.date(*last.to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_partial(year: int, month: int | None) -> str | None:
    """A Hijri month or year as the coarsest Gregorian value that contains all of it."""
    if month is None:
        first = _hijri_month_span(year, 1)
        last = _hijri_month_span(year, 12)
        if first is None or last is None:
            return None
        start, end = first[0], last[1]
    else:
        span = _hijri_month_span(year, month)
        if span is None:
            return None
        start, end = span
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return str(start.year)
    return None


# ---------------------------------------------------------------- matching helpers


_TABLES_BY_FIRST_WORD: dict[int, tuple[dict, dict[str, list[tuple[tuple[str, ...], int]]]]] = {}


def _by_first_word(table: dict[tuple[str, ...], int]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The lexicon table indexed by its first word, built once per table (they are constants)."""
    cached = _TABLES_BY_FIRST_WORD.get(id(table))
    if cached is None or cached[0] is not table:
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for words, value in table.items():
            index.setdefault(words[0], []).append((words, value))
        cached = _TABLES_BY_FIRST_WORD[id(table)] = (table, index)
    return cached[1]


class _Matcher:
    """The words of one text and the article date, with the lookups the rules share.

    Token i is `words[i]` (normalized) at `starts[i]:ends[i]` of the original text: plain
    lists, as a token object per word would cost more than the rules that read them.
    """

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int], anchor: dt.date | None):
        self.text = text
        self.words = words
        self.starts = starts
        self.ends = ends
        self.anchor = anchor
        # By token: what several rules read at the same start, computed once (see below).
        self._day_numbers: dict[int, tuple[int, int] | None] = {}
        self._day_part_ends: dict[int, int] = {}

    def day_number(self, i: int) -> tuple[int, int] | None:
        """`_day_number(self, i)`, once per token: three rules begin with it at each start."""
        if i not in self._day_numbers:
            self._day_numbers[i] = _day_number(self, i)
        return self._day_numbers[i]

    def day_part_end(self, i: int) -> int:
        """`_day_part_prefix(self, i)`, once per token: two rules begin with it at each start."""
        if i not in self._day_part_ends:
            self._day_part_ends[i] = _day_part_prefix(self, i)
        return self._day_part_ends[i]

    def joined(self, i: int) -> bool:
        """True when token i and token i+1 are separated only by spaces, parentheses or a slash."""
        if i + 1 >= len(self.words):
            return False
        gap = self.text[self.ends[i] : self.starts[i + 1]]
        return GAP_RE.fullmatch(gap) is not None and "\n" not in gap

    def form_in(self, i: int, words) -> str | None:
        if i < 0 or i >= len(self.words):
            return None
        for form in stem_candidates(self.words[i]):
            if form in words:
                return form
        return None

    def literal(self, i: int) -> str | None:
        return self.words[i] if 0 <= i < len(self.words) else None

    def sequence(self, i: int, table: dict[tuple[str, ...], int]) -> tuple[int, int] | None:
        """Longest entry of `table` starting at token i (first word clitic-aware): (end, value)."""
        best = None
        if not 0 <= i < len(self.words):
            return None
        by_first = _by_first_word(table)
        for form in stem_candidates(self.words[i]):
            for words, value in by_first.get(form, ()):
                if i + len(words) > len(self.words):
                    continue
                ok = all(self.joined(i + k - 1) and self.words[i + k] == words[k] for k in range(1, len(words)))
                if ok and (best is None or len(words) > best[0] - i):
                    best = (i + len(words), value)
        return best

    def number(self, i: int, low: int, high: int) -> int | None:
        text = self.literal(i)
        if not _is_number(text) or len(text) > 4:
            return None
        value = int(text)
        return value if low <= value <= high else None

    def modifier(self, i: int) -> str | None:
        if self.form_in(i, lx.PAST):
            return "past"
        if self.form_in(i, lx.NEXT):
            return "next"
        if self.form_in(i, lx.CURRENT):
            return "current"
        return None

    def after_definite(self, i: int) -> bool:
        """The previous word is definite: "العام" after it is an adjective ("الأمين العام")."""
        if i == 0 or not self.joined(i - 1):
            return False
        previous = self.words[i - 1]
        if previous[0] in "\u0648\u0641" and len(previous) > 3:  # WAW, FEH conjunctions
            previous = previous[1:]
        return previous.startswith(("\u0627\u0644", "\u0644\u0644"))  # ALEF LAM, LAM LAM


Match = tuple[int, str | None]  # (end token index, value)


def _day_part_prefix(m: _Matcher, i: int) -> int:
    """Skip "مساء", "صباح يوم", "يوم", "ليلة" before a day expression."""
    k = i
    if m.form_in(k, lx.DAY_PARTS) and m.joined(k):
        k += 1
    if m.form_in(k, {"يوم", "نهار"}) and m.joined(k) and m.literal(k + 1) != "امس" or m.literal(k) == "يوم" and m.joined(k):
        k += 1
    return k


def _rule_relative_day(m: _Matcher, i: int) -> Match | None:
    found = None
    for k in dict.fromkeys((i, m.day_part_end(i))):  # "الليلة" is a day part and a day
        candidate = m.sequence(k, lx.RELATIVE_DAYS)
        if candidate is not None and (found is None or candidate[0] > found[0]):
            found, start = candidate, k
    if found is None:
        return None
    k = start
    end, offset = found
    if m.words[k].endswith("اليوم") and end == k + 1 and m.joined(k):
        following = m.literal(k + 1) or ""
        if following.startswith("ال") and following not in lx.WEEKDAYS:
            return None  # "اليوم الوطني", "اليوم العالمي": a named day, not today
    if m.words[k] == "اليوم" and end == k + 1 and k > 0 and m.form_in(k - 1, lx.MEDIA_NAME_HEADS) and m.joined(k - 1):
        return None  # "صحيفة اليوم", "عين اليوم": the genitive of a title, not today
    if m.joined(end - 1) and m.form_in(end, lx.WEEKDAYS):
        end += 1  # "أمس الجمعة"
    value = None if m.anchor is None else (m.anchor + dt.timedelta(days=offset)).isoformat()
    return end, value


FUTURE_LOOKBACK = 6


def _future_context(m: _Matcher, i: int) -> bool:
    """A future verb or plan word shortly before token i, in the same line."""
    for k in range(i - 1, max(-1, i - 1 - FUTURE_LOOKBACK), -1):
        if "\n" in m.text[m.ends[k] : m.starts[k + 1]]:
            return False
        word = m.words[k]
        if word[0] in "\u0648\u0641" and len(word) > 4:  # WAW, FEH
            word = word[1:]
        if word in lx.FUTURE_CUES:
            return True
        if len(word) > 4 and word[0] == "\u0633" and word[1] in "\u064a\u062a\u0646" and not word.startswith(lx.NOT_FUTURE_PREFIXES):
            return True  # SEEN + YEH/TEH/NOON: "سيعقد", "ستنطلق", "سنلتقي"
    return False


def _rule_weekday(m: _Matcher, i: int) -> Match | None:
    k = m.day_part_end(i)
    weekday_form = m.form_in(k, lx.WEEKDAYS)
    if weekday_form is None:
        return None
    weekday = lx.WEEKDAYS[weekday_form]
    end = k + 1
    modifier = m.modifier(end) if m.joined(k) else None
    if modifier is not None:
        end += 1
    if m.anchor is None:
        return end, None
    if modifier is None and weekday != m.anchor.weekday() and _future_context(m, i):
        modifier = "next"
    if modifier == "next":
        ahead = (weekday - m.anchor.weekday()) % 7 or 7
        return end, (m.anchor + dt.timedelta(days=ahead)).isoformat()
    back = (m.anchor.weekday() - weekday) % 7
    if modifier == "past" and back == 0:
        back = 7
    return end, (m.anchor - dt.timedelta(days=back)).isoformat()


def _rule_period(m: _Matcher, i: int) -> Match | None:
    k = i
    this = m.form_in(k, lx.PERIOD_THIS) is not None and m.joined(k)
    if this:
        k += 1
    unit = lx.PERIOD_WORDS.get(m.form_in(k, lx.PERIOD_WORDS) or "")
    if unit is None:
        return None
    modifier = m.modifier(k + 1) if m.joined(k) else None
    if not this and modifier is None:
        return None
    if not this and m.after_definite(k):
        return None
    end = k + 1 + (modifier is not None)
    step = {"past": -1, "next": 1}.get(modifier or "", 0)
    if m.anchor is None:
        return end, None
    if unit == "week":
        return end, _iso_week(m.anchor + dt.timedelta(days=7 * step))
    if unit == "month":
        year, month = _shift_month(m.anchor.year, m.anchor.month, step)
        return end, f"{year:04d}-{month:02d}"
    return end, str(m.anchor.year + step)


def _rule_ago(m: _Matcher, i: int) -> Match | None:
    cue = m.form_in(i, {"منذ", "قبل", "بعد"})
    if cue is None or not m.joined(i):
        return None
    k = i + 1
    if m.literal(k) in {"نحو", "حوالي", "قرابه", "زهاء"} and m.joined(k):
        k += 1
    word = m.literal(k)
    count = None
    unit = None
    if word in lx.UNITS_SINGULAR and m.joined(k) and (m.number(k + 1, MIN_YEAR, MAX_YEAR) or m.number(k + 1, MIN_HIJRI_YEAR, MAX_HIJRI_YEAR)):
        return None  # "منذ عام 2013": a year, not "a year ago"
    if word in lx.UNITS_DUAL:
        count, unit, end = 2, lx.UNITS_DUAL[word], k + 1
    elif word in lx.UNITS_SINGULAR:
        count, unit, end = 1, lx.UNITS_SINGULAR[word], k + 1
    else:
        count = m.number(k, 1, 999) if _is_number(word) else lx.NUMBER_WORDS.get(word or "")
        if count is None or not m.joined(k):
            return None
        unit_word = m.literal(k + 1) or ""
        unit = lx.UNITS_PLURAL.get(unit_word) or lx.UNITS_SINGULAR.get(unit_word.removesuffix("ا"))
        if unit is None:
            return None
        end = k + 2
    sign = 1 if cue == "بعد" else -1
    if m.anchor is None or (m.joined(end - 1) and m.literal(end) in ("من", "علي")):
        return end, None  # "بعد يوم من إعلان": counted from another event, not from the article date
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return end, (m.anchor + dt.timedelta(days=sign * days)).isoformat()
    if unit == "month":
        year, month = _shift_month(m.anchor.year, m.anchor.month, sign * count)
        return end, f"{year:04d}-{month:02d}"
    return end, str(m.anchor.year + sign * count)


def _day_number(m: _Matcher, i: int) -> tuple[int, int] | None:
    """A day of the month at token i: "9" or "التاسع" / "الحادي عشر" / "الحادي والعشرين"; (day, end)."""
    number = m.number(i, 1, 31)
    if number is not None and len(m.literal(i)) <= 2:
        return number, i + 1
    ordinal = m.form_in(i, lx.ORDINAL_DAYS)
    if ordinal is not None:
        value = lx.ORDINAL_DAYS[ordinal]
        if m.joined(i) and m.literal(i + 1) in lx.ORDINAL_TENS:
            return value + lx.ORDINAL_TENS[m.literal(i + 1)], i + 2
        return (value, i + 1) if ordinal != "الحادي" and ordinal != "الحاديه" else None
    round_value = m.form_in(i, lx.ORDINAL_ROUND)
    if round_value is not None:
        return lx.ORDINAL_ROUND[round_value], i + 1
    return None


def _year_after(m: _Matcher, k: int, *, low: int, high: int, era: frozenset[str]) -> tuple[int, int] | None:
    """An optional year after a month at token k: "2016", "عام 2016", "من العام 2016م"; (year, end)."""
    j = k
    if m.literal(j) == "من" and m.joined(j):
        j += 1
    if m.form_in(j, lx.YEAR_WORDS) and m.joined(j):
        j += 1
    year = m.number(j, low, high)
    if year is None:
        return None
    end = j + 1
    if m.joined(j) and m.literal(end) in era:
        end += 1
    return year, end


def _rule_gregorian(m: _Matcher, i: int) -> Match | None:
    day = None
    k = i
    found_day = m.day_number(i)
    if found_day is not None:
        day, k = found_day
        if not m.joined(k - 1):
            return None
        if m.literal(k) == "من" and m.joined(k):
            k += 1
        elif m.number(i, 1, 31) is None:
            return None  # ordinals need "من": "التاسع من مارس"
    month_match = m.sequence(k, lx.GREGORIAN_MONTHS)
    if month_match is None:
        return None
    end, month = month_match
    # "أكتوبر (تشرين الأول)": a second name for the same month.
    if m.joined(end - 1):
        alternative = m.sequence(end, lx.GREGORIAN_MONTHS)
        if alternative is not None and alternative[1] == month:
            end = alternative[0]
    year = None
    modifier = None
    if m.joined(end - 1):
        found_year = _year_after(m, end, low=MIN_YEAR, high=MAX_YEAR, era=lx.GREGORIAN_ERA)
        if found_year is not None:
            year, end = found_year
        else:
            modifier = m.modifier(end)
            if modifier is not None:
                end += 1
    if day is None and year is None and modifier is None and not m.form_in(i - 1, lx.MONTH_CUES):
        return None  # "مارس" alone is also a verb, "آب" a father
    if year is not None:
        if day is None:
            return end, f"{year:04d}-{month:02d}"
        date = _date(year, month, day)
        return end, date.isoformat() if date else None
    if m.anchor is None:
        return end, None
    if day is None:
        return end, _nearest_year_for_month(month, m.anchor, modifier)
    date = _nearest_year_for_day(month, day, m.anchor, modifier)
    return end, date.isoformat() if date else None


def _rule_day_of_month_period(m: _Matcher, i: int) -> Match | None:
    """"الخامس عشر من الشهر الجاري", "20 الشهر الماضي": a day of a month named relatively."""
    found_day = m.day_number(i)
    if found_day is None:
        return None
    day, k = found_day
    if not m.joined(k - 1):
        return None
    if m.literal(k) == "من" and m.joined(k):
        k += 1
    if m.form_in(k, {"الشهر"}) is None or not m.joined(k):
        return None
    modifier = m.modifier(k + 1)
    if modifier is None:
        return None
    end = k + 2
    if m.anchor is None:
        return end, None
    year, month = _shift_month(m.anchor.year, m.anchor.month, {"past": -1, "next": 1}.get(modifier, 0))
    date = _date(year, month, day)
    return end, date.isoformat() if date else None


def _rule_hijri(m: _Matcher, i: int) -> Match | None:
    day = None
    k = i
    found_day = m.day_number(i)
    if found_day is not None:
        day, k = found_day
        if m.literal(k) == "من" and m.joined(k):
            k += 1
        elif m.number(i, 1, 30) is None:
            return None
    month_match = m.sequence(k, lx.HIJRI_MONTHS)
    if month_match is None:
        return None
    end, month = month_match
    year = None
    if m.joined(end - 1):
        found_year = _year_after(m, end, low=MIN_HIJRI_YEAR, high=MAX_HIJRI_YEAR, era=lx.HIJRI_ERA)
        if found_year is not None:
            year, end = found_year
    if year is None and day is None:
        return None  # "رمضان", "صفر", "رجب" alone: a name, a number or a season
    if year is not None and day is not None:
        date = _hijri_to_gregorian(year, month, day)
        return end, date.isoformat() if date else None
    if year is not None:
        return end, _hijri_partial(year, month)
    if m.anchor is None:
        return end, None
    hijri_year = Gregorian(m.anchor.year, m.anchor.month, m.anchor.day).to_hijri().year
    candidates = [d for d in (_hijri_to_gregorian(hijri_year + k, month, day) for k in (-1, 0, 1)) if d]
    window = [d for d in candidates if -300 <= (d - m.anchor).days <= 60]
    if not window:
        return end, None
    return end, min(window, key=lambda d: abs((d - m.anchor).days)).isoformat()


def _rule_year(m: _Matcher, i: int) -> Match | None:
    k = i
    year_word = m.form_in(k, lx.YEAR_WORDS) is not None and m.joined(k)
    if year_word:
        k += 1
    text = m.literal(k)
    if not _is_number(text) or len(text) != 4:
        return None
    year = int(text)
    end = k + 1
    era = m.literal(end) if m.joined(k) else None
    if era in lx.HIJRI_ERA and MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR:
        return end + 1, _hijri_partial(year, None)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if era in lx.GREGORIAN_ERA:
        return end + 1, str(year)
    if year_word or m.form_in(i - 1, lx.MONTH_CUES):
        return end, str(year)
    return None


# Words that can open a date expression; the rules only run at these tokens (and at numbers).
STARTERS = frozenset(
    {words[0] for words in lx.GREGORIAN_MONTHS}
    | {words[0] for words in lx.HIJRI_MONTHS}
    | {words[0] for words in lx.RELATIVE_DAYS}
    | set(lx.ORDINAL_DAYS) | set(lx.ORDINAL_ROUND) | set(lx.WEEKDAYS) | set(lx.PERIOD_WORDS)
    | lx.DAY_PARTS | lx.PERIOD_THIS | lx.YEAR_WORDS | {"يوم", "نهار", "منذ", "قبل", "بعد"}
)


@lru_cache(maxsize=WORD_TYPES)
def _may_start_word(word: str) -> bool:
    return word[0].isdigit() or any(form in STARTERS for form in stem_candidates(word))


# word as written -> `normalize`d; bounded and never cleared, so safe to read from other threads.
_NORMS: dict[str, str] = {}


def _normalized(forms: list[str]) -> list[str]:
    """`normalize` of each word: `map` over a shared dict runs at C speed, and most words of an
    article were seen before (a Python call per word costs more than the rest of the scan)."""
    words = list(map(_NORMS.get, forms))
    if None not in words:
        return words
    fresh = {form: normalize(form) for form in set(forms).difference(_NORMS)}
    if len(_NORMS) < WORD_TYPES:
        _NORMS.update(fresh)
    return [fresh[form] if word is None else word for word, form in zip(words, forms)]


class _SpanSet:
    """Half-open spans that answer "does any overlap start:end?" by bisection: a text of many
    numeric dates made the scan over all of them per word quadratic (bench/adversarial.py)."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # furthest end among the first i+1 spans

    def overlaps(self, start: int, end: int) -> bool:
        count = bisect_left(self.starts, end)  # spans that start before `end`
        return count > 0 and self.reach[count - 1] > start


RULES: tuple[Callable[[_Matcher, int], Match | None], ...] = (
    _rule_gregorian,
    _rule_day_of_month_period,
    _rule_hijri,
    _rule_relative_day,
    _rule_weekday,
    _rule_period,
    _rule_ago,
    _rule_year,
)


def find_dates(text: str, article_date=None, *, skip: list[tuple[int, int]] | tuple = ()) -> list[DateMention]:
    """Date mentions of `text` (original offsets, half-open), resolved against `article_date`.

    `skip` holds original-text ranges (boilerplate) where no mention may start or end.
    """
    anchor = parse_article_date(article_date)
    found: list[tuple[int, int, str | None]] = []
    for match in NUMERIC_DMY_RE.finditer(text):
        date = _date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        found.append((match.start(), match.end(), date.isoformat() if date else None))
    dmy = _SpanSet((s, e) for s, e, _ in found)
    for match in NUMERIC_YMD_RE.finditer(text):
        if dmy.overlaps(match.start(), match.end()):
            continue
        date = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        found.append((match.start(), match.end(), date.isoformat() if date else None))
    matches = list(TOKEN_RE.finditer(text))
    words = _normalized(list(map(re.Match.group, matches)))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    if found or "" in words:  # no token inside a numeric date, nor one that normalizes to nothing
        numeric = _SpanSet((s, e) for s, e, _ in found)
        keep = [word != "" and not numeric.overlaps(start, start + 1) for word, start in zip(words, starts)]
        words, starts, ends = list(compress(words, keep)), list(compress(starts, keep)), list(compress(ends, keep))
    matcher = _Matcher(text, words, starts, ends, anchor)
    # Rules run only where a date may start, left to right; a match's words are not revisited.
    next_free = 0
    for i in compress(range(len(words)), map(_may_start_word, words)):
        if i < next_free:
            continue
        best: Match | None = None
        for rule in RULES:
            result = rule(matcher, i)
            if result is not None and result[0] > i and (best is None or result[0] > best[0]):
                best = result
        if best is None:
            continue
        end, value = best
        found.append((starts[i], ends[end - 1], value))
        next_free = end
    mentions = []
    skipped = _SpanSet(skip)
    for start, end, value in sorted(found):
        if skipped.overlaps(start, end):
            continue
        mentions.append(DateMention(start=start, end=end, value=value))
    return mentions
