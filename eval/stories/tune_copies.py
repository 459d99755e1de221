"""Sweep the wire-copy rule (containment, and containment with the same opening sentence) on the judged pairs, tuning half and held-out half apart.

    .venv/bin/python eval/stories/tune_copies.py --data ../shared/data --db /tmp/stories3.db

The store is the one evaluate.py builds (and builds here when missing). Every setting re-places the
stored analyses in memory (StoryIndex with its CopyIndex, the code the store uses); a line per
setting gives wire-copy and same-story P/R/F1 on the tuning half and the held-out half. Choose on
the tuning half; the held-out half is the honest figure.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate as ev  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad_stories_eval.db"))
    parser.add_argument("--containment", default="0.4", help="copy at this containment alone")
    parser.add_argument("--reworded", default="0.2,0.25,0.3,1.0", help="copy at this containment with the same opening (1.0: off)")
    parser.add_argument("--opening", default="0.6,0.67,0.75", help="share of the opening sentence's 2-grams")
    parser.add_argument("--body", default="0,0.15", help="share of the shorter lead beyond its opening sentence")
    parser.add_argument("--candidate", default="0.1,0.15", help="LSH candidate Jaccard")
    parser.add_argument("--threshold", type=float, default=0.4)
    args = parser.parse_args()
    from marsad.stories.copies import CopyIndex

    days = ev.judged_days(args.data, args.db)
    grid = itertools.product(*(map(float, getattr(args, name).split(",")) for name in ("containment", "reworded", "opening", "body", "candidate")))
    for containment, reworded, opening, body, candidate in grid:
        copies = CopyIndex(
            candidate_jaccard=candidate, min_containment=containment, reworded_containment=reworded, same_opening=opening, body_containment=body
        )
        placement = ev.place_again(days.featured, days.alias, threshold=args.threshold, copies=copies)
        line = [f"contain {containment} reworded {reworded} opening {opening} body {body} candidate {candidate}"]
        for name, half in days.halves.items():
            row = ev.report(name, half, placement)
            line.append(f"{name}: copy {ev._fmt(row['copy'])} | story {ev._fmt(row['story'])}")
        print(" || ".join(line), flush=True)


if __name__ == "__main__":
    main()
