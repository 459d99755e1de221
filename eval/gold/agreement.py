"""Agreement between the two independent annotations of the double-annotated fifth of the gold set.

    .venv/bin/python eval/gold/agreement.py --data ../shared/data [--json]

Annotation A is the primary one (`annotations/primary.jsonl`), B the second (`double.jsonl`), on
the articles both annotated. Each layer is scored as the evaluations score Marsad, with B in the
place of the system: quotes by content overlap (detection F1) and, on matched quotes, whether the
two speakers are the same person or body (speaker agreement); places by mention overlap (F1) and,
on matched mentions, whether the coordinates agree within the kind's distance; events by (sentence,
type) (F1) and, on matched events, agreement of modality, source, target and place.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import places as places_eval  # noqa: E402
import quotes as quotes_eval  # noqa: E402
from load import double_set, gold_set  # noqa: E402


class _Span:
    """A second annotator's quote seen through the fields `quotes_eval.match` reads."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _f1(tp: int, a: int, b: int) -> float:
    return round(2 * tp / (a + b), 4) if a + b else 1.0


def _quote_spans(text: str, quotes: list[dict]) -> list[_Span]:
    return [_Span(start, end) for start, end, _ in quotes_eval.locate(text, quotes)]


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return not a and not b
    return quotes_eval.same_speaker(a, {"speaker": b, "speaker_aliases": []})


def agreement(data: Path) -> dict:
    first = {a["id"]: a for a in gold_set(data, include_old_dev=False)}
    second = {a["id"]: a for a in double_set(data)}
    both = [i for i in second if i in first]
    q = {"a": 0, "b": 0, "matched": 0, "speaker": 0}
    p = {"a": 0, "b": 0, "matched": 0, "coords": 0}
    e = {"a": 0, "b": 0, "matched": 0, "modality": 0, "source": 0, "target": 0, "place": 0}
    for article_id in both:
        a, b = first[article_id], second[article_id]
        text = a["text"]
        # quotes: B's located spans play the predictions; speakers compared on matches
        b_located = quotes_eval.locate(text, b["quotes"])
        spans = [_Span(s, t) for s, t, _ in b_located]
        matched, _, _ = quotes_eval.match(text, spans, a["quotes"])
        q["a"] += len(a["quotes"])
        q["b"] += len(b["quotes"])
        q["matched"] += len(matched)
        for span, gold in matched:
            other = next(quote for s, t, quote in b_located if (s, t) == (span.start, span.end))
            names = [other["speaker"], *other.get("speaker_aliases", [])]
            q["speaker"] += any(quotes_eval.same_speaker(name, gold) for name in names if name)
        # places: one entry per distinct mention; a match is an overlapping mention
        b_places = [(pl, places_eval.occurrences(text, pl["mention"])) for pl in b["places"]]
        p["a"] += len(a["places"])
        p["b"] += len(b["places"])
        used: set[int] = set()
        for place in a["places"]:
            spans_a = places_eval.occurrences(text, place["mention"])
            for index, (other, spans_b) in enumerate(b_places):
                if index in used or not any(s < t2 and s2 < t for s, t in spans_a for s2, t2 in spans_b):
                    continue
                used.add(index)
                p["matched"] += 1
                if None not in (place.get("lat"), other.get("lat")):
                    limit = places_eval.MAX_KM.get(place.get("kind") or "other", 300.0)
                    p["coords"] += places_eval.haversine_km(place["lat"], place["lon"], other["lat"], other["lon"]) <= limit
                break
        # events: one per (sentence, type); sentences overlap by half of the shorter
        def units(events: list[dict]) -> list[tuple[int, int, dict]]:
            seen, out = set(), []
            for event in events:
                start = text.find(event["sentence"])
                if start >= 0 and (start, event["type"]) not in seen:
                    seen.add((start, event["type"]))
                    out.append((start, start + len(event["sentence"]), event))
            return out

        ea, eb = units(a["events"] or []), units(b["events"] or [])
        e["a"] += len(ea)
        e["b"] += len(eb)
        used = set()
        for s1, t1, x in ea:
            for index, (s2, t2, y) in enumerate(eb):
                overlap = min(t1, t2) - max(s1, s2)
                if index in used or x["type"] != y["type"] or overlap <= 0 or overlap < 0.5 * min(t1 - s1, t2 - s2):
                    continue
                used.add(index)
                e["matched"] += 1
                e["modality"] += x.get("modality") == y.get("modality")
                for name in ("source", "target", "place"):
                    e[name] += _same(x.get(name), y.get(name))
                break
    return {
        "articles": len(both),
        "quotes": {"a": q["a"], "b": q["b"], "detection_f1": _f1(q["matched"], q["a"], q["b"]),
                   "speaker_agreement": round(q["speaker"] / q["matched"], 4) if q["matched"] else None,
                   "quote_speaker_f1": _f1(q["speaker"], q["a"], q["b"])},
        "places": {"a": p["a"], "b": p["b"], "mention_f1": _f1(p["matched"], p["a"], p["b"]),
                   "coordinates_agree": round(p["coords"] / p["matched"], 4) if p["matched"] else None},
        "events": {"a": e["a"], "b": e["b"], "detection_f1": _f1(e["matched"], e["a"], e["b"]),
                   **{name: round(e[name] / e["matched"], 4) if e["matched"] else None for name in ("modality", "source", "target", "place")}},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = agreement(args.data)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"articles annotated twice: {result['articles']}")
    for layer in ("quotes", "places", "events"):
        print(f"{layer:7} " + "  ".join(f"{k} {v}" for k, v in result[layer].items()))


if __name__ == "__main__":
    main()
