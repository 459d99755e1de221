"""The base layer of the browser map: the shipped Natural Earth outlines as GeoJSON, so no tile server is needed."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# The outlines are SVG paths in the equirectangular frame of `map.WIDTH` x `map.HEIGHT`: x = lon + 180, y = 90 - lat.
COMMAND = re.compile(r"([MLZ])([^MLZ]*)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def rings(path: str) -> list[list[list[float]]]:
    """The closed rings of an SVG path of M, L and Z commands, as [lon, lat] pairs."""
    found: list[list[list[float]]] = []
    ring: list[list[float]] = []
    for command, arguments in COMMAND.findall(path):
        numbers = [float(n) for n in NUMBER.findall(arguments)]
        if command == "M" and ring:
            found.append(ring)
            ring = []
        for x, y in zip(numbers[::2], numbers[1::2], strict=False):  # an odd number at the end is no point
            ring.append([round(x - 180, 2), round(90 - y, 2)])
        if command == "Z" and ring:
            found.append(ring)
            ring = []
    if ring:
        found.append(ring)
    return [_closed(r) for r in found if len(r) >= 3]


def _closed(ring: list[list[float]]) -> list[list[float]]:
    return ring if ring[0] == ring[-1] else [*ring, ring[0]]


@lru_cache(maxsize=1)
def world_geojson() -> str:
    """Every country as a GeoJSON MultiPolygon feature (its rings as separate polygons), serialized once."""
    data = json.loads((resources.files("marsad") / "resources" / "world" / "countries.json").read_text(encoding="utf-8"))
    features = [
        {
            "type": "Feature",
            "properties": {"name": country["name"]},
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings(country["d"])]},
        }
        for country in data["countries"]
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
