"""Query parameters the HTML pages share: days, paging."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

DAY_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"
DAY = Annotated[str | None, Query(pattern=DAY_PATTERN, description="a day, YYYY-MM-DD")]
FROM = Annotated[str | None, Query(alias="from", pattern=DAY_PATTERN)]
TO = Annotated[str | None, Query(alias="to", pattern=DAY_PATTERN)]
OFFSET = Annotated[int, Query(ge=0, le=1_000_000)]
TEXT = Annotated[str | None, Query(max_length=200)]
