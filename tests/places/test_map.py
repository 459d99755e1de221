"""The inline SVG world map: well-formed, escaped, projected, offline."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from marsad.web.map import places_svg, world_outline

SVG = "{http://www.w3.org/2000/svg}"


def test_map_is_well_formed_svg_with_the_world_and_the_places():
    svg = places_svg([{"name": "Aleppo", "text": "حلب", "kind": "city", "lat": 36.2, "lon": 37.16},
                      {"name": "Syria", "kind": "country", "lat": 35.0, "lon": 38.0}])
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    circles = root.findall(f".//{SVG}circle")
    assert len(circles) == 2
    assert (float(circles[0].get("cx")), float(circles[0].get("cy"))) == (217.16, 53.8)
    assert "حلب" in circles[0].find(f"{SVG}title").text
    assert len(world_outline()) > 150


def test_every_text_is_escaped():
    svg = places_svg([{"name": '<script>alert("x")</script>', "text": "a&b", "kind": 'city" onload="x', "lat": 1, "lon": 2}])
    assert "<script>" not in svg and 'onload="x' not in svg
    ET.fromstring(svg)  # still well-formed


def test_places_without_coordinates_are_left_out():
    svg = places_svg([{"name": "Nowhere", "kind": "other", "lat": None, "lon": None},
                      {"name": "Bad", "kind": "city", "lat": "x", "lon": 3},
                      {"name": "Far", "kind": "city", "lat": 95, "lon": 3}])
    assert ET.fromstring(svg).findall(f".//{SVG}circle") == []
