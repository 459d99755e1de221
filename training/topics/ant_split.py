"""The ANT dev split shared by training and evaluation: 15% stratified by (source, category), seed 13."""

from __future__ import annotations

import random
from collections import defaultdict

SEED = 13
DEV_FRACTION = 0.15


def dev_split(rows: list[dict], fraction: float = DEV_FRACTION) -> tuple[list[int], list[int]]:
    """(train indices, dev indices) of the rows, deterministic for a given file."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[(row["source"], row["category"])].append(i)
    rng = random.Random(SEED)
    train, dev = [], []
    for key in sorted(groups):
        members = groups[key][:]
        rng.shuffle(members)
        cut = max(1, round(len(members) * fraction)) if len(members) > 3 else 0
        dev.extend(members[:cut])
        train.extend(members[cut:])
    return sorted(train), sorted(dev)
