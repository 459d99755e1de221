"""eval/topics.py --file scores the shipped model on any labelled file (the held-out test's format)."""

import gzip
import json

ARTICLES = [
    {"category": "sport", "title": "ريال مدريد يفوز على برشلونة", "text": "فاز فريق ريال مدريد على برشلونة بهدفين مقابل هدف في مباراة الدوري الإسباني لكرة القدم، وسجل المهاجم هدف الفوز في الدقيقة الأخيرة أمام جماهير الملعب."},
    {"category": "economy", "title": "ارتفاع أسعار النفط", "text": "ارتفعت أسعار النفط في الأسواق العالمية اليوم وسط توقعات بخفض الإنتاج، وصعد خام برنت إلى 80 دولاراً للبرميل، فيما تراجعت البورصات وأسعار الأسهم والعملات."},
]


def test_scores_a_gzipped_labelled_file(tmp_path, eval_script):
    path = tmp_path / "test.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(article, ensure_ascii=False) for article in ARTICLES) + "\n")
    result = eval_script("topics").evaluate(tmp_path, file=path)
    assert result["articles"] == 2
    assert set(result["per_class_f1"]) == {"sport", "economy"}
    assert result["accuracy"] == 1.0, result
