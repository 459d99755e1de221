"""Compile the world outline used by `marsad.web.map`: `src/marsad/resources/world/countries.json`.

Source: Natural Earth 1:110m admin-0 countries (public domain) as shipped in the PyPI wheel of
geopandas 0.14.4 (`geopandas/datasets/naturalearth_lowres`), read with pyshp, straight out of
the wheel:

    .venv/bin/pip download --no-deps geopandas==0.14.4 -d /tmp/gp
    .venv/bin/pip install pyshp==3.1.6
    .venv/bin/python training/gazetteer/build_world.py --wheel /tmp/gp/geopandas-0.14.4-py3-none-any.whl

Output: equirectangular SVG path data (x = lon + 180, y = 90 - lat, one decimal), points closer
than `--tolerance` degrees dropped; a few hundred KB.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "src" / "marsad" / "resources" / "world" / "countries.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def _ring_path(points: list[tuple[float, float]], tolerance: float) -> str:
    kept: list[tuple[float, float]] = []
    for lon, lat in points:
        x, y = round(lon + 180.0, 1), round(90.0 - lat, 1)
        if kept and abs(x - kept[-1][0]) < tolerance and abs(y - kept[-1][1]) < tolerance:
            continue
        kept.append((x, y))
    if len(kept) < 3:
        return ""
    head, *rest = kept
    return f"M{head[0]:g} {head[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z"


def build(shp: io.BytesIO, shx: io.BytesIO, dbf: io.BytesIO, *, tolerance: float) -> dict:
    import shapefile  # pyshp, build-time only

    reader = shapefile.Reader(shp=shp, shx=shx, dbf=dbf, encoding="latin-1")  # the .cpg says so
    names = [field[0] for field in reader.fields[1:]]
    countries = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        row = dict(zip(names, record, strict=True))
        parts = list(shape.parts) + [len(shape.points)]
        d = "".join(_ring_path(shape.points[a:b], tolerance) for a, b in zip(parts, parts[1:]))
        if d:
            countries.append({"iso_a3": row["iso_a3"], "name": row["name"], "d": d})
    countries.sort(key=lambda c: (c["iso_a3"], c["name"]))
    return {"source": "Natural Earth 1:110m admin-0 (public domain), via geopandas 0.14.4",
            "projection": "equirectangular: x = lon + 180, y = 90 - lat", "width": 360, "height": 180,
            "countries": countries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wheel", type=Path, required=True, help="geopandas-0.14.4-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tolerance", type=float, default=0.25)
    args = parser.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as wheel:
        files = {ext: io.BytesIO(wheel.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    world = build(files["shp"], files["shx"], files["dbf"], tolerance=args.tolerance)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(world, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(world['countries'])} countries, {args.out.stat().st_size / 1e3:.0f} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
