import spacy
from spacy.tokens import Span

import marsad.components.dates  # noqa: F401  (registers the factory)
from marsad.document import register_extensions


def make_doc(text, meta=None):
    register_extensions()
    nlp = spacy.blank("ar")
    doc = nlp(text)
    doc._.meta = meta
    return nlp, doc


def test_component_uses_article_date():
    nlp, doc = make_doc("التقى الوزيران مساء الجمعة في جنيف", {"date": "2016-09-10"})
    nlp.get_pipe_meta  # noqa: B018
    doc = spacy.registry.factories.get("marsad_dates")(nlp, "marsad_dates")(doc)
    assert [(doc.text[d.start : d.end], d.value) for d in doc._.dates] == [("مساء الجمعة", "2016-09-09")]


def test_component_without_meta_and_boilerplate():
    nlp, doc = make_doc("وصل أمس. نشر اليوم")
    doc.spans["boilerplate"] = [Span(doc, len(doc) - 2, len(doc))]
    doc = spacy.registry.factories.get("marsad_dates")(nlp, "marsad_dates")(doc)
    assert [(doc.text[d.start : d.end], d.value) for d in doc._.dates] == [("أمس", None)]
