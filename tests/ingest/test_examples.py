"""The demo articles in examples/ ingest cleanly, each kind and encoding as intended."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from marsad.ingest import Article, iter_articles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_ingest_without_errors() -> None:
    items = list(iter_articles([EXAMPLES]))
    assert all(isinstance(item, Article) for item in items), [str(i) for i in items if not isinstance(i, Article)]
    kinds = Counter(Path(item.meta["path"]).suffix if "path" in item.meta else ".jsonl" for item in items)
    assert kinds == {".txt": 3, ".html": 1, ".xml": 2, ".jsonl": 2}
    encodings = {item.id: item.meta["encoding"] for item in items}
    assert encodings["aleppo-aid"] == "windows-1256"
    assert len({item.id for item in items}) == len(items)
    assert all(item.meta["title"] for item in items)
