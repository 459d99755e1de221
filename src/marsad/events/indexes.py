"""Look-ups of a document's dates, places and quotes by position, by bisection or sweep (linear time)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Sequence

from spacy.tokens import Span

from ..document import Quote

def nearest(items: Sequence, start: int, end: int, sentence: Span, *, indices: Sequence[int] | None = None) -> int | None:
    """Index of the item inside the sentence closest to [start, end), preferring ones after it.

    `indices`: those of the items inside the sentence, in increasing order, when known (the others are skipped anyway)."""
    best, best_distance = None, None
    for index in range(len(items)) if indices is None else indices:
        item = items[index]
        if item is None or not (sentence.start_char <= item.start and item.end <= sentence.end_char):
            continue
        distance = item.start - end if item.start >= end else (start - item.end) + 0.5
        if best_distance is None or distance < best_distance:
            best, best_distance = index, distance
    return best


class Contained:
    """Whether one of some spans lies inside start:end, by bisection (a scan of every date per
    sentence made a text of many short sentences and dates quadratic)."""

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # soonest_end[i]: the smallest end among the spans from i on.
        self.soonest_end = list(accumulate(reversed([end for _, end in ordered]), min))[::-1]

    def any_within(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, start)  # the first span that starts at or after `start`
        return index < len(self.starts) and self.soonest_end[index] <= end


class SortedItems:
    """Items with character `start`/`end` (None entries allowed), answering "which lie inside
    lo:hi" by bisection, as their indices in the original order: a scan of every place, date and
    entity per event made a long article of many events quadratic (bench/adversarial.py)."""

    def __init__(self, items: Sequence) -> None:
        self.items = items
        self.order = sorted((index for index, item in enumerate(items) if item is not None), key=lambda index: items[index].start)
        self.starts = [items[index].start for index in self.order]

    def inside(self, lo: int, hi: int) -> list[int]:
        first, last = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        return sorted(index for index in self.order[first:last] if self.items[index].end <= hi)


class QuotesAround:
    """The quotes around a position, in their list order; positions come in text order, so a sweep
    keeps only the quotes still open (a scan of every quote per event was quadratic)."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda index: quotes[index].start)
        self.next = 0
        self.open: list[int] = []
        self.last = -1

    def at(self, position: int) -> list[Quote]:
        if position < self.last:  # out of order: start the sweep again
            self.next, self.open = 0, []
        self.last = position
        while self.next < len(self.order) and self.quotes[self.order[self.next]].start <= position:
            self.open.append(self.order[self.next])
            self.next += 1
        self.open = [index for index in self.open if self.quotes[index].end > position]
        return [self.quotes[index] for index in sorted(self.open)]
