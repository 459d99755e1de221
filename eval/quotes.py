"""Evaluate quote detection and attribution against the hand-annotated dev set.

    .venv/bin/python eval/quotes.py --data ../shared/data/quotes [--errors] [--json]

A predicted quote matches a gold one when their content spans overlap by at least half of each
(one-to-one, best overlap first). Quote+speaker counts a match whose speaker is the same person
or body: the predicted name equals, contains or is contained in the gold name or one of its
aliases, compared word by word on normalized forms with the article "ال" and leading clitics
aside. Usable as a library: `evaluate(data_dir)` returns the scores as a dict.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.document import Quote

MIN_OVERLAP = 0.5
_GENERIC = frozenset(normalize(word) for word in "الرئيس رئيس الوزير وزير المتحدث الشيخ الأمير المسؤول مسؤول المصدر مصدر".split())
_AL = "\u0627\u0644"


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker: int = 0
    errors: list[dict] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        def f1(tp: int) -> tuple[float, float, float]:
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        dp, dr, df = f1(self.matched)
        sp, sr, sf = f1(self.speaker)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "detection_precision": round(dp, 4),
            "detection_recall": round(dr, 4),
            "quotes_detection_f1": round(df, 4),
            "speaker_precision": round(sp, 4),
            "speaker_recall": round(sr, 4),
            "quotes_speaker_f1": round(sf, 4),
        }


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def locate(text: str, quotes: Iterable[dict]) -> list[tuple[int, int, dict]]:
    """Offsets of each gold content, in gold order: a repeated string ("لا") resolves to its first
    occurrence after the previous quote, then inside it (nested quotes), then anywhere."""
    spans = []
    previous = (0, 0)
    for quote in quotes:
        content = quote["content"]
        start = text.find(content, previous[1])
        if start < 0:
            start = text.find(content, previous[0])
        if start < 0:
            start = text.find(content)
        if start < 0:
            continue
        spans.append((start, start + len(content), quote))
        previous = (start, start + len(content))
    return spans


def _words(name: str) -> tuple[str, ...]:
    words = []
    for word in normalize(name.replace("_", " ").replace("#", " ")).split():
        word = word.strip("\"'«»“”()،,.:")
        if word.startswith("\u0644\u0644") and len(word) > 4:  # "للشرطة" -> "الشرطه"
            word = _AL + word[2:]
        if word.startswith(_AL) and len(word) > 3:
            word = word[2:]
        if word:
            words.append(word)
    return tuple(words)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n <= len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def same_speaker(predicted: str | None, gold: dict) -> bool:
    if not predicted:
        return False
    mine = _words(predicted)
    if not mine:
        return False
    for alias in [gold["speaker"], *gold.get("speaker_aliases", [])]:
        theirs = _words(alias)
        if not theirs:
            continue
        short = mine if len(mine) <= len(theirs) else theirs
        if len(short) == 1 and ((_AL + short[0]) in _GENERIC or short[0] in _GENERIC):
            if mine == theirs:
                return True
            continue
        if _contains(theirs, mine) or _contains(mine, theirs):
            return True
    return False


def occurrences(text: str, content: str) -> list[int]:
    starts = []
    start = text.find(content)
    while start >= 0:
        starts.append(start)
        start = text.find(content, start + 1)
    return starts


def match(text: str, predicted: list[Quote], gold: list[dict]) -> tuple[list[tuple[Quote, dict]], list[Quote], list[dict]]:
    """One-to-one matches (largest overlap first), unmatched predictions, unmatched gold.

    A gold content that occurs more than once in the text ("لا") may match at any occurrence;
    the located one (see `locate`) is preferred.
    """
    located = locate(text, gold)
    pairs = []
    for g_index, (first, end, quote_gold) in enumerate(located):
        length = end - first
        spans = [(first, end)] + [(start, start + length) for start in occurrences(text, quote_gold["content"]) if start != first]
        for p_index, quote in enumerate(predicted):
            for rank, (start, stop) in enumerate(spans):
                overlap = min(quote.end, stop) - max(quote.start, start)
                if overlap > 0 and overlap >= MIN_OVERLAP * (quote.end - quote.start) and overlap >= MIN_OVERLAP * (stop - start):
                    pairs.append((overlap, -rank, p_index, g_index))
                    break
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, _, p_index, g_index in pairs:
        if p_index in used_p or g_index in used_g:
            continue
        used_p.add(p_index)
        used_g.add(g_index)
        matched.append((predicted[p_index], located[g_index][2]))
    missed = [located[g][2] for g in range(len(located)) if g not in used_g]
    spurious = [predicted[p] for p in range(len(predicted)) if p not in used_p]
    return matched, spurious, missed


QUOTE_STAGES = ("marsad_structure", "marsad_ner", "marsad_entity_linker", "marsad_quotes")


def default_finder() -> Callable[[str], list[Quote]]:
    """Quotes of a text through the project pipeline: the stages quotes depend on, then quotes."""
    from marsad.pipeline import build_pipeline
    from marsad.quotes import extract_quotes

    try:
        nlp = build_pipeline(QUOTE_STAGES)
    except Exception as error:  # noqa: BLE001 - a stage under construction must not stop the evaluation
        print(f"eval: NER stages unavailable ({error}); using structure + quotes only", file=sys.stderr)
        nlp = build_pipeline(("marsad_structure", "marsad_quotes"))

    def find(text: str) -> list[Quote]:
        doc = nlp(text)
        return doc._.quotes if "marsad_quotes" in nlp.pipe_names else extract_quotes(doc)

    return find


def evaluate(data_dir: Path | str, *, finder: Callable[[str], list[Quote]] | None = None, keep_errors: bool = False) -> dict:
    data_dir = Path(data_dir)
    articles = read_jsonl(data_dir / "dev_articles.jsonl")
    gold_by_id = {record["id"]: record["quotes"] for record in read_jsonl(data_dir / "dev_gold.jsonl")}
    finder = finder or default_finder()
    counts = Counts()
    for article in articles:
        text = article["text"]
        gold = gold_by_id.get(article["id"], [])
        predicted = finder(text)
        matched, spurious, missed = match(text, predicted, gold)
        counts.gold += len(gold)
        counts.predicted += len(predicted)
        counts.matched += len(matched)
        for quote, gold_quote in matched:
            if same_speaker(quote.speaker.name, gold_quote):
                counts.speaker += 1
            elif keep_errors:
                counts.errors.append({"id": article["id"], "error": "speaker", "content": text[quote.start : quote.end][:80], "predicted": quote.speaker.name, "gold": gold_quote["speaker"], "cue": gold_quote["cue"]})
        if keep_errors:
            for quote in spurious:
                counts.errors.append({"id": article["id"], "error": "spurious", "content": text[quote.start : quote.end][:80], "cue": text[quote.cue.start : quote.cue.end] if quote.cue else None, "predicted": quote.speaker.name})
            for gold_quote in missed:
                counts.errors.append({"id": article["id"], "error": "missed", "content": gold_quote["content"][:80], "cue": gold_quote["cue"], "gold": gold_quote["speaker"]})
    result = counts.scores()
    if keep_errors:
        result["errors"] = counts.errors
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data/quotes", help="folder with dev_articles.jsonl and dev_gold.jsonl")
    parser.add_argument("--errors", action="store_true", help="list missed, spurious and misattributed quotes on stderr")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    data_dir = Path(args.data)
    if not (data_dir / "dev_gold.jsonl").is_file():
        print(f"eval: no dev_gold.jsonl in {data_dir}; pass --data <shared>/data/quotes", file=sys.stderr)
        return 2
    result = evaluate(data_dir, keep_errors=args.errors)
    for error in result.pop("errors", []):
        print(json.dumps(error, ensure_ascii=False), file=sys.stderr)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
