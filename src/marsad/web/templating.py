"""The Jinja2 environment for the web pages, with autoescape on for every template, and the helpers they share."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from . import labels


def with_params(params: Mapping[str, Any], **changes: Any) -> str:
    """A query string: `params` with `changes` applied (None removes a key), empty values left out."""
    merged = {key: value for key, value in params.items() if value not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged) if merged else "?"


def path(value: Any) -> str:
    """A value as one URL path segment (slashes kept: the routes take the rest of the path)."""
    return quote(str(value), safe="/")


@lru_cache(maxsize=1)
def environment() -> Environment:
    # autoescape=True for all templates, whatever their extension: article text is untrusted.
    env = Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(with_params=with_params, label=labels.label)
    env.filters["path"] = path
    return env


def page(name: str, context: Mapping[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """The template `name` rendered as an HTML response."""
    return HTMLResponse(environment().get_template(name).render(context), status_code=status_code)
