"""`marsad.document` helpers that read a Doc's tokens as plain strings."""

from spacy.attrs import NORM, ORTH

from marsad.document import doc_words, strings_of


def test_strings_of_equals_the_string_store(nlp):
    doc = nlp.make_doc("قال الرئيس: «إنّ الأمنَ أولاً» في 2016.\nقال الرئيس ثانيةً")
    for attr in (ORTH, NORM):
        hashes = doc.to_array(attr).tolist()
        expected = [doc.vocab.strings[h] for h in hashes]
        assert strings_of(doc, hashes) == expected
        assert strings_of(doc, hashes) == expected  # the second time from the shared cache


def test_doc_words_are_token_texts(nlp):
    doc = nlp.make_doc("وقال الوزير  إن الاتفاق «نهائي».")
    assert doc_words(doc) == [token.text for token in doc]
