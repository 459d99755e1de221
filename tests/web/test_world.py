"""The map's base layer: the shipped outline as GeoJSON; sparklines; Arabic labels."""

from __future__ import annotations

import json

from marsad.web import labels
from marsad.web.spark import sparkline
from marsad.web.world import rings, world_geojson


def test_svg_path_rings_become_lon_lat_rings() -> None:
    # x = lon + 180, y = 90 - lat; each M starts a ring, Z closes it.
    assert rings("M10 20L11 20L11 21ZM200 40L201 40L201 41") == [
        [[-170.0, 70.0], [-169.0, 70.0], [-169.0, 69.0], [-170.0, 70.0]],
        [[20.0, 50.0], [21.0, 50.0], [21.0, 49.0], [20.0, 50.0]],
    ]


def test_world_outline_is_geojson_inside_the_globe() -> None:
    world = json.loads(world_geojson())
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 150
    names = {feature["properties"]["name"] for feature in world["features"]}
    assert {"Syria", "Saudi Arabia", "Egypt"} <= names
    for feature in world["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for lon, lat in polygon[0]:
                assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_sparkline_scales_bars_and_escapes_its_label() -> None:
    svg = str(sparkline([0, 2, 4], label='<b>"x"</b>'))
    assert svg.count("<rect") == 2 and 'height="24.0"' in svg  # the tallest bar fills the height; a zero draws none
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert str(sparkline([])) == ""


def test_labels_are_arabic_and_unknown_codes_pass_through() -> None:
    assert labels.label("ATTACK", "event_type") == "هجوم"
    assert labels.label("hypothetical", "modality") == "محتمل"
    assert labels.label("middleEast", "topic") == "الشرق الأوسط"
    assert labels.label("NEW_TYPE", "event_type") == "NEW_TYPE"
    assert labels.label(None, "topic") == ""
