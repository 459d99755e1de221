"""Which tokens the spans found so far cover, asked in O(log n): keeps the quote finders linear.

The finders ask "is token i inside a quote already found?" once per cue; a scan over the quotes
made that O(cues x quotes), minutes for a long text of many cues (`bench/adversarial.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .candidate import Candidate


class Coverage:
    """How many half-open token spans cover each token: a Fenwick tree over span starts (+1) and ends (-1)."""

    def __init__(self, n: int) -> None:
        self._tree = [0] * (n + 2)

    def add(self, start: int, end: int, count: int = 1) -> None:
        """Add (count=1) or take away (count=-1) the span `start <= i < end`."""
        if start < end:
            self._update(start, count)
            self._update(end, -count)

    def covers(self, i: int) -> bool:
        """Whether some span holds token `i`."""
        total = 0
        i += 1
        tree = self._tree
        i = min(i, len(tree) - 1)
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total > 0

    def _update(self, i: int, count: int) -> None:
        tree = self._tree
        i += 1
        while i < len(tree):
            tree[i] += count
            i += i & -i


class SpanList(list):
    """A list of (start, end) token spans that also answers `covers(i)` quickly."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.coverage = Coverage(n)

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        self.coverage.add(*span)

    def covers(self, i: int) -> bool:
        return self.coverage.covers(i)


class CandidateList(list):
    """The candidates found so far, in order, with `covers(i)`: whether a candidate's content holds token i.

    Contents are read when a candidate joins or leaves; a candidate's content never changes after."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.coverage = Coverage(n)

    def append(self, candidate: Candidate) -> None:
        super().append(candidate)
        self.coverage.add(*candidate.content)

    def extend(self, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            self.append(candidate)

    def remove(self, candidate: Candidate) -> None:
        super().remove(candidate)
        self.coverage.add(*candidate.content, count=-1)

    def covers(self, i: int) -> bool:
        return self.coverage.covers(i)


def covers(candidates: list[Candidate], i: int) -> bool:
    """Whether the content of one of `candidates` holds token `i` (quickly for a CandidateList)."""
    if isinstance(candidates, CandidateList):
        return candidates.covers(i)
    return any(c.content[0] <= i < c.content[1] for c in candidates)
