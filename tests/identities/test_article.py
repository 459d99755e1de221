"""Within one article: identities come from the NER names, never from a run-on speaker phrase."""

from __future__ import annotations

from marsad.identities import article_identities, identity_key

from .factories import article, person, said, trump_articles


def test_full_name_and_surname_are_one_identity() -> None:
    found = article_identities(trump_articles()[0])
    assert found.quote_keys == [identity_key("دونالد ترامب")] * 2
    assert found.entity_keys == [identity_key("دونالد ترامب")] * 2
    (occurrence,) = found.occurrences.values()
    assert (occurrence.kind, occurrence.quotes, occurrence.mentions) == ("person", 2, 2)
    assert occurrence.names == {"دونالد ترامب": 4}  # each mention and quote under the fullest name


def test_run_on_phrase_is_cut_to_the_name_inside_it() -> None:
    found = article_identities(trump_articles()[3])
    assert found.quote_keys == [identity_key("دونالد ترامب")]
    assert all("رغبته" not in name for o in found.occurrences.values() for name in o.names)


def test_surname_alone_joins_the_full_name_of_the_article_when_not_linked() -> None:
    text = "التقى جون كيري نظيره. وقال كيري إن «اللقاء مثمر»."
    analysis = article("k", text, date="2025-02-01")
    analysis["entities"] = [person(text, "جون كيري", "E1"), person(text, "كيري", "E2", 1)]
    analysis["quotes"] = [said(text, "اللقاء مثمر", "كيري", "E2")]
    assert article_identities(analysis).quote_keys == [identity_key("جون كيري")]


def test_description_without_a_name_has_no_identity() -> None:
    text = "وقال المتحدث الرسمي إن «الوضع مستقر»."
    analysis = article("d", text, date="2025-02-01")
    analysis["quotes"] = [said(text, "الوضع مستقر", "المتحدث الرسمي", "Q1")]
    found = article_identities(analysis)
    assert found.quote_keys == [None]
    assert found.occurrences == {}


def test_organization_speaker_takes_its_org_entity() -> None:
    text = "وذكرت وكالة رويترز أن «الأسعار ارتفعت»."
    analysis = article("o", text, date="2025-02-01")
    start = text.index("رويترز")
    analysis["entities"] = [{"start": start, "end": start + 6, "text": "رويترز", "label": "ORG", "entity_id": "E1"}]
    analysis["quotes"] = [said(text, "الأسعار ارتفعت", "وكالة رويترز", "Q1", kind="organization")]
    found = article_identities(analysis)
    assert found.quote_keys == ["رويترز"]
    assert found.occurrences["رويترز"].kind == "organization"


def test_expanded_surname_is_shown_by_the_full_name_and_punctuation_is_no_part_of_a_name() -> None:
    text = "قال جون كيري.. إن الوفد وصل. وأضاف كيري أن «اللقاء مثمر»."
    analysis = article("k2", text, date="2025-02-01")
    analysis["entities"] = [person(text, "جون كيري..", "E1"), person(text, "كيري", "E2", 1)]
    analysis["quotes"] = [said(text, "اللقاء مثمر", "كيري", "E2")]
    (occurrence,) = article_identities(analysis).occurrences.values()
    assert occurrence.names == {"جون كيري": 3}
