"""The two sides that "بين" names: of a clash too, and a side is no place (marsad.events.actors, locative)."""

import marsad.components.events  # noqa: F401  (registers the factory)
from marsad.events import extract_events


def attack(doc):
    (event,) = [e for e in extract_events(doc) if e.type == "ATTACK"]
    return event


def test_a_clash_between_two_sides_has_the_first_as_source_and_the_second_as_target(make_doc):
    event = attack(make_doc("واندلعت اشتباكات بين المزارعين والقوات الحكومية صباح اليوم"))
    assert (event.source.name, event.target.name) == ("المزارعين", "القوات الحكومية")


def test_a_country_after_a_side_that_is_no_place_is_a_party_not_where(make_doc):
    text = "وتجددت المواجهات بين المحتجين وكولومبيا مساء الأحد"
    event = attack(make_doc(text, places=["كولومبيا"]))
    assert event.place is None


def test_two_places_after_between_stay_places(make_doc):
    text = "ووقعت اشتباكات عنيفة على الطريق بين حمص وحماة"
    doc = make_doc(text, ents=[("حمص", "GPE", None)], places=["حمص", "حماة"])
    assert attack(doc).place is not None


def test_between_after_a_relative_clause_still_names_the_sides(make_doc):
    (event,) = [e for e in extract_events(make_doc("ورحب البرلمان بالاجتماع الثلاثي الذي عقد أمس بين النقابة والحكومة")) if e.type == "MEET"]
    assert (event.source.name, event.target.name) == ("النقابة", "الحكومة")
