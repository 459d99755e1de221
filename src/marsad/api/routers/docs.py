"""`/docs` (the API reference, Swagger UI from the package, no CDN) and `/map/world.geojson` (the maps' base layer)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ...web.templating import page
from ...web.world import world_geojson

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return page("docs.html", {"title": request.app.title, "openapi_url": request.app.openapi_url})


@router.get("/map/world.geojson")
def world() -> Response:
    # The outline never changes while the server runs: let browsers keep it for a day.
    return Response(world_geojson(), media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"})
