"""Sparklines as small inline SVG drawn on the server: a row of counts per day, no script needed."""

from __future__ import annotations

from markupsafe import Markup

WIDTH, HEIGHT = 120, 24


def sparkline(values: list[int], *, width: int = WIDTH, height: int = HEIGHT, label: str = "") -> Markup:
    """Bars of `values` scaled to the tallest; `label` (escaped) is the image's accessible name."""
    if not values:
        return Markup("")
    top = max(max(values), 1)
    step = width / len(values)
    bar = max(step - 1, 1)
    bars = "".join(
        f'<rect x="{i * step:.1f}" y="{height - value * height / top:.1f}" width="{bar:.1f}" height="{value * height / top:.1f}"/>'
        for i, value in enumerate(values)
        if value
    )
    return Markup('<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{label}">{bars}</svg>').format(
        w=width, h=height, label=label, bars=Markup(bars)
    )
