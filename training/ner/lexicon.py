"""Auto-labelled news lexicon: how often a first tagger calls each word PERS, LOC, ORG, MISC.

A CRF trained on the ANERcorp training part labels a 3M-token sample of the ANT news; counting
its calls over all occurrences of a word gives evidence from many contexts at once ("ميركل"
follows "المستشارة" in hundreds of sentences). The shipped model reads the binned shares as
features. (A context-only first tagger, `--no-lexicon-identity`, scored the same within noise.)

With a teacher (`--lexicon-teacher`: the accurate model's fine-tuned encoder, trained on the same
ANERcorp part, never on dev), the encoder's own tags of every 4th news article (1.65M tokens) are
counted too, summed with the CRF's: a second opinion from a model that reads words by their
pieces and sees the whole paragraph. Dev micro-F1 72.99 -> 73.40, AQMAR 33.31 -> 35.14 (the
stacked accurate model's tags instead: 73.29-73.34 and 33.45-34.76; its counts alone, without
the CRF's: 72.19; its counts weighted 3x: 72.96).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

from gzfiles import stable_gzip
from marsad.ner.tagger import Tagger

LOGGER = logging.getLogger("lexicon")
TYPES = ("PERS", "LOC", "ORG", "MISC")
BINS = ((0.6, 3), (0.3, 2), (0.1, 1))
MAX_LENGTH = 120  # tokens read of a news line or paragraph, by the CRF and by the teacher alike


def build(
    *,
    tagger_dir: Path,
    corpus: Path,
    out: Path,
    max_tokens: int,
    min_count: int = 3,
    max_length: int = MAX_LENGTH,
    extra_counts: dict[str, Counter] | None = None,
) -> int:
    """Write the lexicon from the CRF's calls on `corpus` plus `extra_counts` (form -> tag counts)."""
    tagger = Tagger.from_dir(tagger_dir)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    total_tokens = sum(len(line.split(" ")) for line in lines)
    step = max(1, round(total_tokens / max_tokens))
    counts: dict[str, Counter] = defaultdict(Counter)
    tagged = 0
    for line in lines[::step]:
        tokens = line.split(" ")[:max_length]
        for token, tag in zip(tokens, tagger.tag(tokens)):
            counts[token][tag[2:] if tag != "O" else "O"] += 1
        tagged += len(tokens)
    LOGGER.info("auto-labelled %d tokens (every %d-th line)", tagged, step)
    for form, counter in (extra_counts or {}).items():
        counts[form].update(counter)
    written = 0
    with stable_gzip(out) as handle:
        handle.write("#form\tbinned share of auto-labelled occurrences per type (3: >=60%, 2: >=30%, 1: >=10%)\n")
        for form, counter in sorted(counts.items()):
            n = sum(counter.values())
            if n < min_count:
                continue
            entries = []
            for kind in TYPES:
                share = counter[kind] / n
                level = next((level for threshold, level in BINS if share >= threshold), 0)
                if level:
                    entries.append(f"{kind}{level}")
            if entries:
                handle.write(f"{form}\t{','.join(entries)}\n")
                written += 1
    return written


# --- a second opinion: the accurate model's encoder ------------------------------------------

TEACHER_EVERY = 4  # every 4th ANT article: 1.65M tokens, about 15 minutes on 2 cores
_TOKEN = re.compile(r"\w+|[^\w\s]")
_HARAKAT = re.compile("[\u064b-\u0652\u0640]")  # not word characters: they would split words


def _news_articles(data: Path, every: int, part: int, parts: int) -> Iterator[list[list[str]]]:
    """Tokenized paragraphs (as written, harakat and tatweel removed) of every `every`-th ANT
    article, those of share `part` of `parts`."""
    with gzip.open(data / "news" / "ant_multisource_topic_train.jsonl.gz", "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n % every or (n // every) % parts != part:
                continue
            record = json.loads(line)
            paragraphs = []
            for field in ("title", "text"):
                for paragraph in (record.get(field) or "").split("\n"):
                    tokens = _TOKEN.findall(_HARAKAT.sub("", paragraph))[:MAX_LENGTH]
                    if len(tokens) > 2:
                        paragraphs.append(tokens)
            if paragraphs:
                yield paragraphs


def _teacher_part(teacher_dir: str, data: str, every: int, part: int, parts: int) -> dict[str, Counter]:
    from marsad.ner.accurate import EncoderTagger
    from marsad.ner.features import lookup_form

    from threadpoolctl import threadpool_limits  # scikit-learn's dependency

    tagger = EncoderTagger(Path(teacher_dir))  # the encoder alone: the default model may be mid-rebuild
    counts: dict[str, Counter] = defaultdict(Counter)
    # One BLAS thread per worker: the workers already share the cores.
    with threadpool_limits(limits=1):
        for paragraphs in _news_articles(Path(data), every, part, parts):
            for tokens, tags in zip(paragraphs, tagger.tag_sentences(paragraphs)):
                for token, tag in zip(tokens, tags):
                    counts[lookup_form(token)][tag[2:] if tag != "O" else "O"] += 1
    return counts


def teacher_counts(teacher_dir: Path, data: Path, *, every: int = TEACHER_EVERY, workers: int = 2) -> dict[str, Counter]:
    """Form -> tag counts of the encoder's own tags (`EncoderTagger`, no stacked
    CRF: it does not depend on the model being trained) over every `every`-th news article, in
    `workers` processes; sums do not depend on the split."""
    started = time.time()
    counts: dict[str, Counter] = defaultdict(Counter)
    with ProcessPoolExecutor(workers) as pool:
        jobs = [pool.submit(_teacher_part, str(teacher_dir), str(data), every, part, workers) for part in range(workers)]
        for job in jobs:
            for form, counter in job.result().items():
                counts[form].update(counter)
    LOGGER.info("teacher %s: %d tokens in %.0fs", teacher_dir, sum(sum(c.values()) for c in counts.values()), time.time() - started)
    return counts
