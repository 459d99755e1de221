"""A store of real articles for the browser tests and `make screenshots`: a sample of SaudiNewsNet, read from ../shared at run time."""

from __future__ import annotations

import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

from marsad.ingest.jsonl import iter_jsonl
from marsad.load import load, pipeline_analyzer
from marsad.store import Store, open_store

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "data" / "news" / "saudinewsnet.jsonl.gz"
DAYS = ("2015-07-22", "2015-07-23", "2015-07-24")
SEED = 18


def sample(path: Path = CORPUS, *, size: int = 150, days: tuple[str, ...] = DAYS) -> list[bytes]:
    """`size` JSONL lines dated on `days`: first the articles whose title another article repeats
    (wire copies, so that stories have several outlets), then a seeded draw of the rest."""
    by_title: dict[str, list[bytes]] = defaultdict(list)
    with gzip.open(path, "rb") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("date") in days:
                by_title[" ".join(str(record.get("title") or "").split())].append(line)
    groups = [group[:4] for group in by_title.values() if len(group) > 1]
    alone = [group[0] for group in by_title.values() if len(group) == 1]
    random.Random(SEED).shuffle(groups)
    random.Random(SEED).shuffle(alone)
    picked: list[bytes] = []
    for group in groups:  # whole groups, so that their stories have several outlets
        if len(picked) + len(group) > size // 3:
            break
        picked += group
    return picked + alone[: size - len(picked)]


def build_store(db: str | Path, lines: list[bytes]) -> dict[str, int]:
    """Ingest `lines` into a new store at `db`; the outcome counts. Stories are placed when this Marsad has them."""
    counts: dict[str, int] = defaultdict(int)
    with open_store(db) as store:
        for outcome in load(store, iter_jsonl(lines, source="saudinewsnet"), analyze=pipeline_analyzer()):
            counts[outcome.status] += 1
        counts["stories"] = place_stories(store)
    return dict(counts)


def place_stories(store: Store) -> int:
    """Group the stored articles into stories, where this Marsad has them (`marsad.stories`); how many were placed."""
    try:
        from marsad.stories.assign import StoryAssigner
    except ImportError:
        return 0
    return sum(1 for _ in StoryAssigner(store).place_unplaced())
