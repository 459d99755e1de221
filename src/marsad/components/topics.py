"""`marsad_topic`: one ANT topic label per article, with softmax scores over the six labels."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..document import doc_text
from ..topics import load_default_model


def _article_text(doc: Doc) -> str:
    """The text to classify: the body without boilerplate."""
    text = doc_text(doc)
    spans = doc.spans.get("boilerplate", []) if "boilerplate" in doc.spans else []
    if spans:
        pieces, position = [], 0
        for span in sorted(spans, key=lambda s: s.start_char):
            pieces.append(text[position : span.start_char])
            position = max(position, span.end_char)
        pieces.append(text[position:])
        text = " ".join(pieces)
    return text


@Language.component("marsad_topic", assigns=["doc._.topic"])
def topic_component(doc: Doc) -> Doc:
    text = _article_text(doc)
    title = (doc._.meta or {}).get("title") or text.split("\n", 1)[0][:200]
    doc._.topic = load_default_model().predict(text, title=title)
    return doc
