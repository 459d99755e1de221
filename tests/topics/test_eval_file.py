"""eval/topics.py --file scores the shipped model on any labelled file (the held-out test's format)."""

import gzip
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    {"category": "sport", "title": "ريال مدريد يفوز على برشلونة", "text": "فاز فريق ريال مدريد على برشلونة بهدفين مقابل هدف في مباراة الدوري الإسباني لكرة القدم، وسجل المهاجم هدف الفوز في الدقيقة الأخيرة أمام جماهير الملعب."},
    {"category": "economy", "title": "ارتفاع أسعار النفط", "text": "ارتفعت أسعار النفط في الأسواق العالمية اليوم وسط توقعات بخفض الإنتاج، وصعد خام برنت إلى 80 دولاراً للبرميل، فيما تراجعت البورصات وأسعار الأسهم والعملات."},
]


def _load():
    spec = importlib.util.spec_from_file_location("marsad_eval_topics", ROOT / "eval" / "topics.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scores_a_gzipped_labelled_file(tmp_path):
    path = tmp_path / "test.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(article, ensure_ascii=False) for article in ARTICLES) + "\n")
    result = _load().evaluate(tmp_path, file=path)
    assert result["articles"] == 2
    assert set(result["per_class_f1"]) == {"sport", "economy"}
    assert result["accuracy"] == 1.0, result
