"""BatchAnalyzer: long batches release spaCy's vocabulary in memory zones, and analyses do not change."""

from marsad.ingest import Article
from marsad.pipeline import BatchAnalyzer, analyze_article, build_pipeline

TEXTS = [
    "قال وزير الخارجية الأميركي جون كيري في جنيف إن الحل في سوريا سياسي.",
    "وأعلنت الشرطة الفرنسية اعتقال ثلاثة أشخاص في مرسيليا أمس.",
    "تظاهر آلاف الأشخاص في العاصمة التونسية احتجاجا على ارتفاع الأسعار.",
    "وقعت السعودية ومصر اتفاقية لتطوير منطقة البحر الأحمر.",
    "أكد المدرب أن الفريق سيلعب مباراة ودية الأسبوع المقبل في الدوحة.",
]


def test_zoned_batch_gives_the_same_analyses_and_forgets_its_words():
    nlp = build_pipeline()
    articles = [Article(id=str(i), text=text, meta={"date": "2016-09-10"}) for i, text in enumerate(TEXTS)]
    plain = [analyze_article(article, nlp=nlp) for article in articles]
    fresh = build_pipeline()
    before = len(fresh.vocab.strings)
    analyze = BatchAnalyzer(fresh, every=2)
    zoned = [analyze(article) for article in articles]
    analyze.close()
    assert zoned == plain
    # Words first seen inside the zones are gone again; the pipeline still works afterwards.
    assert len(fresh.vocab.strings) < before + 20
    assert analyze_article(articles[0], nlp=fresh) == plain[0]


def test_every_zero_never_releases_the_vocabulary():
    fresh = build_pipeline()
    before = len(fresh.vocab.strings)
    analyze = BatchAnalyzer(fresh, every=0)
    for i, text in enumerate(TEXTS):
        analyze(Article(id=str(i), text=text, meta={}))
    analyze.close()
    assert len(fresh.vocab.strings) > before + 20
