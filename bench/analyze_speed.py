"""Throughput and memory of the default pipeline, single process, on real-size news articles.

    .venv/bin/python bench/analyze_speed.py --shared ../shared [--articles 500] [--zone-every 5000] [--ner accurate]

Articles come from the ANT news corpus in the shared data folder (the first N with 250-700
words, the size our users feed us); without it, the bundled examples are repeated. Prints
articles/s and tokens/s (wall clock and CPU time of this process: on a busy machine the CPU
figure is the one that predicts an idle core), CPU time per stage, and peak resident memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

from marsad.document import doc_to_dict
from marsad.ingest import Article
from marsad.pipeline import BatchAnalyzer, load_pipeline, make_doc, run_pipeline

REPO = Path(__file__).resolve().parents[1]


def load_articles(shared: Path, count: int) -> list[Article]:
    corpus = shared / "data" / "news" / "ant_multisource_topic_train.jsonl.gz"
    articles: list[Article] = []
    if corpus.is_file():
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if 250 <= len(record["text"].split()) <= 700:
                    articles.append(Article(id=record["id"], text=record["text"], meta={"date": record.get("date")}))
                    if len(articles) == count:
                        break
        return articles
    examples = sorted((REPO / "examples").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in examples]
    return [Article(id=str(i), text=texts[i % len(texts)], meta={}) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--ner", choices=("default", "accurate"), default="default", help="the NER model (accurate: the opt-in encoder model; use a few dozen articles)")
    parser.add_argument("--zone-every", type=int, default=0, help="release spaCy's vocabulary every N articles, as batches do (pipeline.ZONE_ARTICLES); 0: never")
    args = parser.parse_args()
    articles = load_articles(args.shared, args.articles)
    started = time.perf_counter()
    nlp = load_pipeline(ner_model=args.ner)
    # Models load lazily on first use: warm up, and count that as load time. Two articles: the
    # first loads the stages' models, the second numba's compiled Viterbi (`ner/crf.py` decodes
    # a process's first document without it).
    for article in articles[:2]:
        run_pipeline(nlp, article.text, meta=article.meta)
    load_seconds = time.perf_counter() - started
    per_stage = {name: 0.0 for name in nlp.pipe_names}
    tokens = 0
    words = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    batch = BatchAnalyzer(nlp, every=args.zone_every)  # its memory zones only: stages are timed one by one
    for article in articles:
        batch.start_article()
        t0 = time.process_time()
        doc = make_doc(nlp, article.text, article_id=article.id, meta=article.meta)
        per_stage["tokenizer"] = per_stage.get("tokenizer", 0.0) + time.process_time() - t0
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            doc = proc(doc)
            per_stage[name] += time.process_time() - t0
        t0 = time.process_time()
        doc_to_dict(doc)
        per_stage["doc_to_dict"] = per_stage.get("doc_to_dict", 0.0) + time.process_time() - t0
        tokens += len(doc)
        words += len(article.text.split())
    batch.close()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} ({words / len(articles):.0f} words, {tokens / len(articles):.0f} tokens on average)")
    print(f"load + first two articles: {load_seconds:.2f} s")
    print(f"throughput, wall clock: {len(articles) / elapsed:.1f} articles/s, {tokens / elapsed:,.0f} tokens/s (single process)")
    print(f"throughput, CPU time:   {len(articles) / cpu:.1f} articles/s, {tokens / cpu:,.0f} tokens/s (one core)")
    print("CPU time per stage:")
    for name, seconds in sorted(per_stage.items(), key=lambda item: -item[1]):
        print(f"  {name:24s} {1000 * seconds / len(articles):7.3f} ms/article")
    print(f"peak resident memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
