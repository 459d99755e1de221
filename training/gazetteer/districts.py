"""Yemen's districts (مديريات) with their governorates, from PyPI `yemen-regions-py` (MIT).

GeoNames holds Yemen's towns and governorates but almost none of its 333 districts, which war
news names daily (التحيتا، حيس، نهم، صرواح). The package gives their Arabic and English names per
governorate, no coordinates: build.py places each at its governorate (or at a GeoNames town of
the same name in it).
"""

from __future__ import annotations

import json
from importlib import resources


def yemen_districts() -> list[tuple[str, str, str]]:
    """(district Arabic name, governorate Arabic name, district English name), in file order;
    empty when the package is not installed."""
    try:
        data = resources.files("yemen_regions_py") / "data" / "yemen-info.json"
        record = json.loads(data.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    return [(district["name_ar"], governorate["name_ar"], district["name_en"])
            for governorate in record["governorates"] for district in governorate["districts"]]
