import spacy
from spacy.tokens import Doc, Span

import marsad.components.ner  # noqa: F401  (registers marsad_ner)

WORDS = "قال الرئيس الأمريكي جورج بوش في واشنطن أمس .".split()


def _doc(nlp):
    return Doc(nlp.vocab, words=WORDS, sent_starts=[True] + [False] * (len(WORDS) - 1))


def _nlp():
    nlp = spacy.blank("ar")
    nlp.add_pipe("marsad_ner")
    return nlp


def test_sets_entities_with_our_labels():
    nlp = _nlp()
    doc = nlp(_doc(nlp))
    assert {ent.label_ for ent in doc.ents} <= {"PERS", "LOC", "ORG", "MISC"}
    assert ("واشنطن", "LOC") in {(ent.text, ent.label_) for ent in doc.ents}
    for ent in doc.ents:
        assert doc.text[ent.start_char : ent.end_char] == ent.text


def test_drops_entities_overlapping_boilerplate():
    nlp = _nlp()
    doc = _doc(nlp)
    doc.spans["boilerplate"] = [Span(doc, 5, 8)]
    doc = nlp(doc)
    assert "واشنطن" not in {ent.text for ent in doc.ents}
    assert all(ent.end <= 5 for ent in doc.ents)


def test_whitespace_tokens_are_never_entities():
    nlp = _nlp()
    doc = nlp.make_doc("قال جورج بوش  في\n\nواشنطن .")
    doc = nlp(doc)
    assert all(not token.is_space for ent in doc.ents for token in ent)


def test_without_sentence_boundaries_tags_the_whole_doc():
    nlp = _nlp()
    doc = nlp(Doc(nlp.vocab, words=WORDS))
    assert "واشنطن" in {ent.text for ent in doc.ents}
