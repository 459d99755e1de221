"""Tokens per second of the NER tagger (features + CRF) on one core, on the ANERcorp dev split.

    .venv/bin/python eval/ner_speed.py --data ../shared/data [--model DIR]

Pins the process to one CPU when the OS allows it and counts CPU time. Component: the
`marsad_ner` stage alone, inside the pipeline (after `marsad_structure`), on the first
`--articles` ANT news articles, counting non-space tokens, feature cache cold. Tagger: a
first and a second (word features cached) pass over the ANERcorp dev split.
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
    parser.add_argument("--articles", type=int, default=300, help="ANT articles for the component timing (0: skip)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    _, dev = split_last(read_tagged(args.data / "anercorp" / "train.txt"), 0.15)
    sentences = [[token for token, _ in sentence] for sentence in dev]
    tokens = sum(map(len, sentences))
    started = time.perf_counter()
    tagger = Tagger.from_dir(args.model) if args.model else Tagger.load()
    print(f"load: {time.perf_counter() - started:.2f}s wall (once per process)")
    if args.articles and not args.model:
        component(args.data, args.articles)  # first, while the word-feature cache is cold
    for label in ("first pass", "second pass"):
        started = time.process_time()
        tagger.tag_sentences(sentences)
        elapsed = time.process_time() - started
        print(f"tagger {label}: {tokens} tokens in {elapsed:.2f}s CPU = {tokens / elapsed:,.0f} tokens/s")


def component(data: Path, count: int) -> None:
    import gzip
    import json

    from marsad.pipeline import build_pipeline

    texts = []
    with gzip.open(data / "news" / "ant_multisource_topic_train.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= count:
                break
    nlp = build_pipeline(("marsad_structure", "marsad_ner"))
    structure, ner = nlp.get_pipe("marsad_structure"), nlp.get_pipe("marsad_ner")
    docs = [structure(nlp.make_doc(text)) for text in texts]
    tokens = sum(1 for doc in docs for token in doc if not token.is_space)
    started = time.process_time()
    for doc in docs:
        ner(doc)
    elapsed = time.process_time() - started
    entities = sum(len(doc.ents) for doc in docs)
    print(f"marsad_ner component in the pipeline: {len(docs)} articles, {tokens} tokens, {entities} entities in {elapsed:.2f}s CPU = {tokens / elapsed:,.0f} tokens/s")


if __name__ == "__main__":
    main()
