"""A small inline SVG world map (equirectangular) of an article's places; no tiles, no network."""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 360, 180  # one unit per degree: x = lon + 180, y = 90 - lat
KIND_COLOURS = {"country": "#1f77b4", "region": "#2ca02c", "city": "#d62728", "landmark": "#9467bd", "other": "#8c564b"}
KIND_RADIUS = {"country": 2.6, "region": 2.6, "city": 1.8, "landmark": 1.8, "other": 2.2}


@lru_cache(maxsize=1)
def world_outline() -> tuple[dict[str, str], ...]:
    """Country outlines (Natural Earth 1:110m, see training/gazetteer/build_world.py)."""
    path = resources.files("marsad") / "resources" / "world" / "countries.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple({"name": c["name"], "d": c["d"]} for c in data["countries"])


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None  # NaN


def places_svg(places: list[dict], *, width: int = 720) -> str:
    """Render `places` (dicts with lat, lon, name, kind; as in the JSON output) as inline SVG.

    Every text that ends up in the SVG is escaped; places without coordinates are left out.
    """
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{int(width)}" '
        f'height="{int(width) * HEIGHT // WIDTH}" class="marsad-map" role="img" aria-label="places">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef4f8"/>',
        '<g fill="#dde3d5" stroke="#9aa39a" stroke-width="0.2">',
    ]
    for country in world_outline():
        parts.append(f'<path d="{escape(country["d"])}"><title>{escape(country["name"])}</title></path>')
    parts.append("</g>")
    graticule = [f"M{x} 0V{HEIGHT}" for x in range(0, WIDTH + 1, 30)] + [f"M0 {y}H{WIDTH}" for y in range(0, HEIGHT + 1, 30)]
    parts.append(f'<path d="{"".join(graticule)}" stroke="#c5d2dc" stroke-width="0.15" fill="none"/>')
    seen: set[tuple[str, float, float]] = set()
    parts.append('<g stroke="#ffffff" stroke-width="0.3" fill-opacity="0.85">')
    for place in places:
        lat, lon = _number(place.get("lat")), _number(place.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        name = str(place.get("name") or place.get("text") or "")
        key = (name, round(lat, 2), round(lon, 2))
        if key in seen:
            continue
        seen.add(key)
        kind = str(place.get("kind") or "other")
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
        radius = KIND_RADIUS.get(kind, KIND_RADIUS["other"])
        label = name if not place.get("text") or place.get("text") == name else f"{place['text']} — {name}"
        parts.append(
            f'<circle cx="{lon + 180:.2f}" cy="{90 - lat:.2f}" r="{radius}" fill="{colour}" '
            f'data-kind="{escape(kind)}"><title>{escape(label)} ({escape(kind)})</title></circle>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
