"""The gold set as the evaluations read it: articles with their guide-format gold, grouped by outlet.

`gold_set(data)` rebuilds every annotated article of `annotations/primary.jsonl` from ../shared/data
(`texts.py`) and adds the 20 older dev articles of ../shared/data/quotes, which carry quotes and
places but no events (their `events` is None). `double_set(data)` is the independent second
annotation of a fifth of the articles, for agreement.
"""

from __future__ import annotations

import json
from pathlib import Path

from offsets import from_offsets
from texts import load_articles

HERE = Path(__file__).resolve().parent
PRIMARY = HERE / "annotations" / "primary.jsonl"
DOUBLE = HERE / "annotations" / "double.jsonl"


def _read(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _annotated(data: Path, path: Path) -> list[dict]:
    records = {r["id"]: r for r in _read(path)}
    out = []
    for article in load_articles(Path(data)):
        record = records.get(article["id"])
        if record is None:
            continue
        gold = from_offsets(article["text"], record)
        out.append({**article, "part": "new", "annotator": record.get("annotator"),
                    "quotes": gold["quotes"], "places": gold["places"], "events": gold["events"]})
    return out


def old_dev_set(data: Path) -> list[dict]:
    folder = Path(data) / "quotes"
    gold = {r["id"]: r for r in _read(folder / "dev_gold.jsonl")}
    out = []
    for article in _read(folder / "dev_articles.jsonl"):
        record = gold.get(article["id"], {})
        out.append({"id": article["id"], "corpus": "ant", "source": article["source"], "date": article.get("date"),
                    "title": article.get("title", ""), "text": article["text"], "part": "old-dev", "round": 0, "annotator": "dev",
                    "quotes": record.get("quotes", []), "places": record.get("places", []), "events": None})
    return out


def gold_set(data: Path, *, include_old_dev: bool = True) -> list[dict]:
    articles = _annotated(Path(data), PRIMARY)
    return articles + old_dev_set(Path(data)) if include_old_dev else articles


def double_set(data: Path) -> list[dict]:
    return _annotated(Path(data), DOUBLE)
