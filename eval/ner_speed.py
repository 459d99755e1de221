"""Tokens per second of the NER tagger (features + CRF) on one core, on the ANERcorp dev split.

    .venv/bin/python eval/ner_speed.py --data ../shared/data [--model DIR]

Pins the process to one CPU when the OS allows it, warms the word-feature cache on nothing,
and times a cold pass (every word new) and a warm pass (features cached) over the same text.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from marsad.ner.conll import read_tagged, split_last
from marsad.ner.tagger import Tagger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    _, dev = split_last(read_tagged(args.data / "anercorp" / "train.txt"), 0.15)
    sentences = [[token for token, _ in sentence] for sentence in dev]
    tokens = sum(map(len, sentences))
    started = time.perf_counter()
    tagger = Tagger.from_dir(args.model) if args.model else Tagger.load()
    print(f"load: {time.perf_counter() - started:.2f}s")
    for label in ("cold", "warm"):
        started = time.process_time()
        tagger.tag_sentences(sentences)
        elapsed = time.process_time() - started
        print(f"{label}: {tokens} tokens in {elapsed:.2f}s CPU = {tokens / elapsed:,.0f} tokens/s")


if __name__ == "__main__":
    main()
