"""Entity-level exact-match precision, recall and F1 (conlleval semantics), per type and micro."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .conll import entity_spans

TYPES = ("PERS", "LOC", "ORG", "MISC")


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Scores keyed by entity type plus "micro", over aligned sentences of IOB tags."""
    counts: dict[str, Counter] = {}
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    for gold_tags, predicted_tags in zip(gold, predicted):
        if len(gold_tags) != len(predicted_tags):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        gold_spans = entity_spans(gold_tags)
        predicted_spans = entity_spans(predicted_tags)
        for span in gold_spans & predicted_spans:
            counts.setdefault(span[2], Counter())["tp"] += 1
        for span in predicted_spans - gold_spans:
            counts.setdefault(span[2], Counter())["fp"] += 1
        for span in gold_spans - predicted_spans:
            counts.setdefault(span[2], Counter())["fn"] += 1
    scores = {kind: Score(**counts.get(kind, Counter())) for kind in sorted(set(TYPES) | set(counts), key=_type_order)}
    scores["micro"] = Score(
        tp=sum(s.tp for s in scores.values()), fp=sum(s.fp for s in scores.values()), fn=sum(s.fn for s in scores.values())
    )
    return scores


def _type_order(kind: str) -> tuple[int, str]:
    return (TYPES.index(kind) if kind in TYPES else len(TYPES), kind)


def format_scores(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for kind, s in scores.items():
        lines.append(f"{kind:<6} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:6d} {s.tp + s.fp:6d}")
    return "\n".join(lines)
