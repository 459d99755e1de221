"""The gold set's annotations as offsets into the article texts, and back (no article text is stored).

    python3 eval/gold/offsets.py --annotations /work/annot/batch_A/out ... --out eval/gold/annotations/primary.jsonl

An annotator writes guide-format records: every `content`, `mention`, `cue`, `trigger`, `sentence`
and every name is a string copied from the text (../shared/data/quotes/GUIDE.md,
../shared/data/events/GUIDE.md). `to_offsets` replaces each string found in the text by its span
`{"at": [start, end]}` (the occurrence nearest to its anchor: a quote's content, an event's
sentence); a name the text does not hold verbatim (an implied speaker) stays a string. `from_offsets`
turns spans back into strings, so the evaluation reads guide-format gold again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ANCHORED_FIELDS = {
    "quotes": ("content", "content_start", ("cue", "speaker"), ("speaker_aliases",)),
    "places": ("mention", "mention_start", (), ()),
    "events": ("sentence", "sentence_start", ("trigger", "source", "target", "place", "date_text"), ()),
}


def _occurrences(text: str, value: str) -> list[int]:
    starts, start = [], text.find(value)
    while value and start >= 0:
        starts.append(start)
        start = text.find(value, start + 1)
    return starts


def _span(text: str, value: Any, near: int) -> Any:
    """`{"at": [start, end]}` for the occurrence of `value` nearest `near`; the value itself if absent."""
    if not isinstance(value, str) or not value:
        return value
    starts = _occurrences(text, value)
    if not starts:
        return value
    start = min(starts, key=lambda s: (abs(s - near), s))
    return {"at": [start, start + len(value)]}


def to_offsets(text: str, record: dict) -> dict:
    out: dict[str, Any] = {"id": record["id"]}
    for layer, (anchor, anchor_start, names, lists) in ANCHORED_FIELDS.items():
        items = []
        for item in record.get(layer, []):
            item = dict(item)
            given = item.pop(anchor_start, None)
            value = item.get(anchor)
            if isinstance(given, int) and isinstance(value, str) and text[given : given + len(value)] == value:
                item[anchor] = {"at": [given, given + len(value)]}
                near = given
            else:
                item[anchor] = _span(text, value, 0)
                near = item[anchor]["at"][0] if isinstance(item[anchor], dict) else 0
            for name in names:
                if name in item:
                    item[name] = _span(text, item[name], near)
            for name in lists:
                item[name] = [_span(text, value, near) for value in item.get(name, [])]
            items.append(item)
        out[layer] = items
    return out


def from_offsets(text: str, record: dict) -> dict:
    def back(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"at"}:
            start, end = value["at"]
            return text[start:end]
        if isinstance(value, list):
            return [back(v) for v in value]
        if isinstance(value, dict):
            return {k: back(v) for k, v in value.items()}
        return value

    return back(record)


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from texts import load_articles

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--annotations", type=Path, nargs="+", required=True, help="folders of <id>.json files")
    parser.add_argument("--annotator", nargs="+", required=True, help="one label per folder")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    texts = {a["id"]: a["text"] for a in load_articles(args.data)}
    rows = []
    for folder, annotator in zip(args.annotations, args.annotator, strict=True):
        for path in sorted(folder.glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            if record["id"] not in texts:
                raise SystemExit(f"{path}: {record['id']} is not in articles.tsv")
            converted = to_offsets(texts[record["id"]], record)
            converted["annotator"] = annotator
            rows.append(converted)
    order = list(texts)
    rows.sort(key=lambda r: order.index(r["id"]))
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(rows)} articles -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
