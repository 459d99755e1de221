"""The Jinja2 environment for the web pages, with autoescape on for every template."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader


@lru_cache(maxsize=1)
def environment() -> Environment:
    # autoescape=True for all templates, whatever their extension: article text is untrusted.
    return Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
