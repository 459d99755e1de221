"""Seconds per 100,000 characters of adversarial article shapes, at several sizes: linear stages give flat rows.

    .venv/bin/python bench/adversarial.py [--sizes 25000 50000 100000] [--shapes long-sentence many-cues ...]

Each shape is built to the size in characters and analyzed once by the default pipeline (HTML
shapes are read by `ingest.read_html` first, and that time counts too). Times are CPU seconds of
this process (on a shared machine, wall clock measures the neighbours too). A column that grows
with the size is a superlinear stage; `--stages` prints the time of each stage for the largest
size. For comparison, the first line is real-size news: the bundled example articles, each
analyzed on its own; "normal-news" is the same articles run together into one long text.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from marsad.ingest import IngestError, read_html, read_text
from marsad.pipeline import load_pipeline, make_doc

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي في موسكو يوم الثلاثاء إن بلاده مستعدة للحوار، "


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def normal(size: int) -> str:
    texts = [read_text(path.read_bytes(), source=path.name).text for path in sorted((REPO / "examples").glob("*.txt"))]
    return _repeat("\n\n".join(texts) + "\n\n", size)


SHAPES: dict[str, Callable[[int], str]] = {
    "normal-news": normal,
    # No full stop anywhere: one sentence as long as the article.
    "long-sentence": lambda size: _repeat(SENTENCE, size),
    # One word without a space.
    "long-word": lambda size: _repeat("\u0644\u0627\u0641\u0631\u0648\u0641", size),
    # A speech verb and colon per five characters (the shape that was quadratic in quotes).
    "many-cues": lambda size: _repeat("قال: ", size),
    # Cues each followed by a complementizer and a comma: every cue opens an indirect clause.
    "cues-and-commas": lambda size: _repeat("أكد أن الوضع خطير، وقال إن ", size),
    # Quote marks only, and quote marks around short words, unbalanced.
    "many-quote-marks": lambda size: _repeat('"«قال" »"', size),
    "quoted-words": lambda size: _repeat('قال "نعم" و«لا» ', size),
    # One speaker quoted again and again: each quote lists the speaker's mentions.
    "one-speaker": lambda size: _repeat('وقال سيرغي لافروف: "نعم". ', size),
    # Dates and digits of many scripts.
    "many-dates": lambda size: _repeat("في 12 آذار 2016 و١٣/٣/٢٠١٦ و² ① ", size),
    # Event triggers in one endless sentence (events read clauses and actors around each trigger).
    "many-events": lambda size: _repeat("وقصف الجيش مواقع المعارضة في حلب وقتل مسلحون جنودا في دمشق و", size),
    # Names everywhere (NER, entity linking, places).
    "many-names": lambda size: _repeat("باراك أوباما جون كيري دمشق حلب موسكو ", size),
}
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    # Nested elements around a paragraph of text: depth grows with the size.
    # Elements nested as deep as the size allows, each with a sentence: the text is half the markup.
    "deep-html": lambda size: "<html><body>" + ("<div><p>" + SENTENCE + "</p>") * (size // 120) + "</div>" * (size // 120) + "</body></html>",
}


def run(shape: str, size: int, *, stages: bool) -> tuple[float, int, dict[str, float]]:
    """Seconds to read (HTML) and analyze one article of `shape` at `size`; its text length; per-stage seconds."""
    nlp = load_pipeline()
    started = time.process_time()
    if shape in HTML_SHAPES:
        # Measured per character of markup: that is what the reader pays for.
        markup = HTML_SHAPES[shape](size)
        try:
            text = read_html(markup.encode("utf-8"), source=shape).text
        except IngestError:  # a page the reader refuses costs only its reading
            return time.process_time() - started, len(markup), {"read_html": time.process_time() - started}
        read_seconds = time.process_time() - started
    else:
        text = SHAPES[shape](size)
    per_stage: dict[str, float] = {"read_html": read_seconds} if shape in HTML_SHAPES else {}
    t0 = time.process_time()
    doc = make_doc(nlp, text)
    per_stage["tokenizer"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        doc = proc(doc)
        per_stage[name] = time.process_time() - t0
    return time.process_time() - started, len(markup) if shape in HTML_SHAPES else len(text), per_stage


def _articles_one_by_one(rounds: int = 20) -> float:
    """CPU seconds per 100k characters of the bundled example articles, each analyzed as itself."""
    nlp = load_pipeline()
    texts = [read_text(path.read_bytes(), source=path.name).text for path in sorted((REPO / "examples").glob("*.txt"))]
    started = time.process_time()
    for _ in range(rounds):
        for text in texts:
            nlp(make_doc(nlp, text))
    return (time.process_time() - started) / (rounds * sum(map(len, texts))) * 100_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000], help="characters per article")
    parser.add_argument("--shapes", nargs="+", default=[*SHAPES, *HTML_SHAPES], choices=[*SHAPES, *HTML_SHAPES])
    parser.add_argument("--stages", action="store_true", help="print the seconds of each stage at the largest size")
    args = parser.parse_args()
    nlp = load_pipeline()
    nlp(make_doc(nlp, normal(2000)))  # models load on first use
    sizes = sorted(args.sizes)
    print(f"news articles, each on its own: {_articles_one_by_one():.2f} CPU seconds per 100k characters")
    print(f"{'shape':<18}" + "".join(f"{size:>12,}" for size in sizes) + "   (CPU seconds per 100k characters, by article size)")
    for shape in args.shapes:
        row = []
        slowest: dict[str, float] = {}
        for size in sizes:
            seconds, length, per_stage = run(shape, size, stages=args.stages)
            row.append(seconds / max(length, 1) * 100_000)
            slowest = per_stage
        print(f"{shape:<18}" + "".join(f"{value:>12.2f}" for value in row), flush=True)
        if args.stages:
            top = sorted(slowest.items(), key=lambda item: -item[1])[:4]
            print(" " * 18 + "  ".join(f"{name.removeprefix('marsad_')} {value:.2f}s" for name, value in top), flush=True)


if __name__ == "__main__":
    main()
