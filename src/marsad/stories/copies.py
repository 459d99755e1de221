"""Wire copies: articles that reprint one text (trimmed or lightly edited), found by MinHash LSH and confirmed exactly.

LSH over word 3-gram shingles of the lead proposes candidates whose Jaccard similarity is likely above
CANDIDATE_JACCARD; a candidate is a copy when most of the shorter article's shingles are in the
longer one (containment, computed exactly on the shingle sets). Containment rather than Jaccard,
because a paper that prints only the first half of an agency text shares half the shingles of the
whole: Jaccard 0.5, containment 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# Low enough to propose every pair above MIN_CONTAINMENT: two leads of about the same length with
# a third of their shingles shared have Jaccard ~0.2.
CANDIDATE_JACCARD = 0.15
# Share of the shorter lead's shingles found in the other. Chosen on the tuning half of the judged
# pairs (eval/stories): 0.38 to 0.45 scored alike and above 0.25-0.36 (at 0.33, reports that
# share a quoted passage or a release's phrasing, 0.36-0.38 of the shorter lead, were taken for
# copies); 0.4 is the middle of that plateau. What it gives up: reworded releases a reader still
# called copies, whose leads share under 0.4 of their 3-grams.
MIN_CONTAINMENT = 0.4
# Below this many shingles (a few lines) two articles can share a formula without being copies.
MIN_SHINGLES = 8
_SEED = 1
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations  # drawn once, shared by every signature


def signature(shingles: Iterable[int]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=int, permutations=_PERMUTATIONS, scheme=_SCHEME)
    values = list(shingles)
    if values:
        minhash.update_batch(values)
    return minhash


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """|a & b| / min(|a|, |b|): 1.0 when the shorter text is wholly inside the longer."""
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    if not smaller:
        return 0.0
    return sum(1 for shingle in smaller if shingle in larger) / len(smaller)


class CopyIndex:
    """The shingle sets of the articles in the story window, with an LSH index over their signatures."""

    def __init__(self, *, candidate_jaccard: float = CANDIDATE_JACCARD, min_containment: float = MIN_CONTAINMENT) -> None:
        self.lsh = MinHashLSH(threshold=candidate_jaccard, num_perm=NUM_PERM)
        self.min_containment = min_containment
        self.shingles: dict[str, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self.shingles)

    def best_match(
        self, shingles: frozenset[int], minhash: MinHash | None = None, *, excluded: Callable[[str], bool] | None = None
    ) -> tuple[str, float] | None:
        """The indexed article this one copies, or is copied by, with the highest containment; None if none.
        Candidates for which `excluded(key)` is true are passed over."""
        if len(shingles) < MIN_SHINGLES or not self.shingles:
            return None
        best: tuple[str, float] | None = None
        for key in self.lsh.query(minhash if minhash is not None else signature(shingles)):
            other = self.shingles[key]
            if len(other) < MIN_SHINGLES or (excluded is not None and excluded(key)):
                continue
            score = containment(shingles, other)
            if score >= self.min_containment and (best is None or score > best[1] or (score == best[1] and key < best[0])):
                best = (key, score)
        return best

    def add(self, key: str, shingles: frozenset[int], minhash: MinHash | None = None) -> None:
        self.shingles[key] = shingles
        self.lsh.insert(key, minhash if minhash is not None else signature(shingles))

    def remove(self, key: str) -> None:
        if self.shingles.pop(key, None) is not None:
            self.lsh.remove(key)
