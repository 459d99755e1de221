"""Fuzz the pipeline: many generated Arabic-like texts, each analyzed; prints failures and the slowest inputs.

    .venv/bin/python bench/fuzz.py [--inputs 10000] [--seed 0]

Texts mix Arabic words and speech verbs, quote marks of every kind, digits of every script
(superscripts, circled, Ethiopic ...), diacritics, tatweel, bidi marks, HTML fragments and
whitespace oddities. Every input goes through `analyze_text` and then `doc_to_dict`; an exception
is a failure, and so is any broken offset (`marsad.testing.offset_violations`). Prints the counts,
the first failures with the input that caused them, and the slowest inputs per 1,000 characters.
"""

from __future__ import annotations

import argparse
import random
import time
import unicodedata

from marsad.document import doc_to_dict
from marsad.errors import MarsadError
from marsad.pipeline import analyze_text, load_pipeline
from marsad.testing import offset_violations

WORDS = (
    "قال أكد أضاف وقال وأكد صرح أعلن نفى مضيفا قائلا إن أن بأن الرئيس الوزير لافروف كيري أوباما الأسد"
    " جون سيرغي باراك بشار دمشق حلب موسكو جنيف سوريا روسيا في من على إلى عن يوم الثلاثاء الأحد آذار مارس"
    " يناير 2016 عام الماضي المقبل أمس اليوم مصدر مسؤول الوكالة رويترز بحسب وفقا لـ نقلا هجوم قصف انفجار"
    " مظاهرة قتلى جرحى الجيش المعارضة التحالف الحكومة مجلس الأمن الأمم المتحدة"
).split()
MARKS = list('"«»“”„‟‘’\'‹›「」')
DIGIT_SETS = [chr(base + i) for base in (0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0x1D7CE) for i in range(10)]
ODD_DIGITS = list("²³¹⁰⁴₀₃①②⑩❹➊፩፰𝟘")
DIACRITICS = [chr(code) for code in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]  # harakat, superscript alef, tatweel
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u200b", "\u200c", "\u200d", "\ufeff"]
HTML = ["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "&amp;", "&nbsp;", "&#1604;", "<script>alert(1)</script>", "<a href='x'>", "</a>", "<!-- c -->", "<![CDATA[x]]>"]
PUNCT = list(".،,:؛;؟?!-–—/()[]{}…") + ["\n", "\n\n", "\t", " ", "  ", "\r\n", "\u00a0", "\u2028", "\u3000"]
# Shorter inputs are timed but not ranked: the fixed cost per article (~1 ms) swamps their length.
MIN_TIMED_CHARS = 300
ODD = ["\x00", "\x0b", "\x0c", "\x1c", "\x85", "\ufffd", "\U0001F600", "\u0301", "ﷺ", "ﻻ", "ﺍ", "ـــــ"]


def make_text(rng: random.Random) -> str:
    """One generated text: 1-300 pieces, mostly words, with every kind of oddity mixed in."""
    pieces = []
    for _ in range(rng.randint(1, 300)):
        roll = rng.random()
        if roll < 0.45:
            word = rng.choice(WORDS)
            if rng.random() < 0.15:  # a diacritic or tatweel inside the word
                cut = rng.randint(0, len(word))
                word = word[:cut] + rng.choice(DIACRITICS) + word[cut:]
            pieces.append(word)
        elif roll < 0.55:
            pieces.append(rng.choice(MARKS))
        elif roll < 0.65:
            digits = DIGIT_SETS if rng.random() < 0.7 else ODD_DIGITS
            pieces.append("".join(rng.choice(digits) for _ in range(rng.randint(1, 5))))
        elif roll < 0.72:
            pieces.append(rng.choice(BIDI))
        elif roll < 0.78:
            pieces.append(rng.choice(HTML))
        elif roll < 0.95:
            pieces.append(rng.choice(PUNCT))
        else:
            pieces.append(rng.choice(ODD))
        if rng.random() < 0.7:
            pieces.append(" ")
    return "".join(pieces)


RETIMED = 20


def _best_time(text: str, nlp) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        analyze_text(text, nlp=nlp)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="failures and slow inputs to print")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    nlp = load_pipeline()
    analyze_text("قال لافروف", nlp=nlp)  # models load on first use
    crashes: list[tuple[str, str]] = []
    violations: list[tuple[str, list[str]]] = []
    refused = 0
    timings: list[tuple[float, str]] = []
    characters = 0
    started = time.perf_counter()
    for _ in range(args.inputs):
        text = make_text(rng)
        characters += len(text)
        t0 = time.perf_counter()
        try:
            analysis = doc_to_dict(analyze_text(text, nlp=nlp))
        except MarsadError:  # a refusal with a clear message (e.g. a NUL-free rule); counted, not a crash
            refused += 1
            continue
        except Exception as error:  # noqa: BLE001 - counting them is the point
            crashes.append((text, f"{type(error).__name__}: {error}"))
            continue
        seconds = time.perf_counter() - t0
        if len(text) >= MIN_TIMED_CHARS:
            timings.append((seconds / len(text) * 1000 * 1000, text))
        problems = offset_violations(text, analysis)
        if problems:
            violations.append((text, problems))
    elapsed = time.perf_counter() - started
    print(f"{args.inputs:,} inputs ({characters:,} characters) in {elapsed:.1f} s (seed {args.seed})")
    print(f"uncaught exceptions: {len(crashes)}")
    print(f"offset violations:   {len(violations)}")
    print(f"refused with a MarsadError: {refused}")
    for text, error in crashes[: args.show]:
        print(f"  CRASH {error}\n    input: {text!r}")
    for text, problems in violations[: args.show]:
        print(f"  OFFSETS {problems[0]}\n    input: {text!r}")
    timings.sort(reverse=True)
    # On a shared machine one slow time may be a pause of the machine, not of the input: the slowest
    # are timed again (best of three) and ranked by that.
    retimed = sorted(((_best_time(text, nlp) / len(text) * 1e6, text) for _, text in timings[: RETIMED]), reverse=True)
    print(f"median input: {timings[len(timings) // 2][0]:.1f} ms per 1,000 characters" if timings else "")
    print(f"slowest inputs of {MIN_TIMED_CHARS}+ characters (the {RETIMED} slowest timed again, best of 3), milliseconds per 1,000 characters:")
    for per_thousand, text in retimed[: args.show]:
        shown = "".join(ch if unicodedata.category(ch)[0] != "C" else f"\\u{ord(ch):04x}" for ch in text[:80])
        print(f"  {per_thousand:8.1f} ms  ({len(text)} characters) {shown}...")


if __name__ == "__main__":
    main()
