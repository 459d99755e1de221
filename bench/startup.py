"""Pipeline start-up: import, `load_pipeline()` and the first article, each in a fresh process.

    .venv/bin/python bench/startup.py [--runs 5] [--text examples/geneva-talks.txt]

Every run starts a new interpreter (so imports, model loading and compiled-code caches are
timed as a user meets them) and prints wall-clock and CPU seconds of the three steps; the
summary gives the median and the spread over the runs. The first run after a code change also
pays for numba's compilation and Python's bytecode: run it twice and read the later runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Run in the child: each step's wall-clock and CPU seconds, as one JSON line.
_CHILD = """
import json, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
steps = {}
wall, cpu = time.perf_counter(), time.process_time()
def mark(name):
    global wall, cpu
    now_wall, now_cpu = time.perf_counter(), time.process_time()
    steps[name] = (now_wall - wall, now_cpu - cpu)
    wall, cpu = now_wall, now_cpu
from marsad.pipeline import analyze_text, load_pipeline
mark("import")
nlp = load_pipeline()
mark("load")
analyze_text(text, nlp=nlp)
mark("first")
print(json.dumps(steps))
"""


def one_run(text: Path) -> dict[str, tuple[float, float]]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(text)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text", type=Path, default=REPO / "examples" / "geneva-talks.txt")
    args = parser.parse_args()
    runs = [one_run(args.text) for _ in range(args.runs)]
    for number, steps in enumerate(runs, 1):
        cells = "  ".join(f"{name} {wall:.2f}/{cpu:.2f}" for name, (wall, cpu) in steps.items())
        print(f"run {number}: {cells}  total {sum(w for w, _ in steps.values()):.2f}/{sum(c for _, c in steps.values()):.2f} s (wall/CPU)")
    print(f"median over {len(runs)} runs (wall / CPU seconds; min-max of CPU):")
    for name in [*runs[0], "total"]:
        walls = [sum(w for w, _ in r.values()) if name == "total" else r[name][0] for r in runs]
        cpus = [sum(c for _, c in r.values()) if name == "total" else r[name][1] for r in runs]
        print(f"  {name:7s} {statistics.median(walls):.2f} / {statistics.median(cpus):.2f}  ({min(cpus):.2f}-{max(cpus):.2f})")


if __name__ == "__main__":
    main()
