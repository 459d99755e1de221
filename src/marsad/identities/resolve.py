"""A speaker's name, as a reader types it, to the identities it means in the store.

"ترامب" and "ترمب" are one key; a surname alone means the person who dominates it in the store
(`store.derived.dominant`), so it finds Donald Trump's quotes and not Melania's. A name that is
no identity's key is matched word by word against identity keys ("لافروف" in "سيرجي لافروف").
"""

from __future__ import annotations

from ..store import Store
from ..store import derived
from ..store.listing import Filters
from ..store.queries import check_query
from ..store.rows import escape_like
from .keys import identity_key

MAX_MATCHES = 50


def speaker_keys(store: Store, name: str) -> tuple[str, ...]:
    """Canonical keys of the identities `name` means; empty when it means none."""
    key = identity_key(name)
    if not key:
        return ()
    canonical = store._scalar("SELECT coalesce(canonical, key) AS value FROM identities WHERE key = ?", (key,))
    if canonical is not None:
        return (canonical,)
    if " " not in key:
        full = derived.dominant(store, key)
        if full is not None:
            return (full,)
    conditions = " AND ".join("(' ' || key || ' ') LIKE ? ESCAPE '\\'" for _ in key.split())
    cursor = store._execute(
        f"SELECT DISTINCT coalesce(canonical, key) AS value FROM identities WHERE {conditions} ORDER BY 1 LIMIT ?",
        (*("% " + escape_like(word) + " %" for word in key.split()), MAX_MATCHES),
    )
    return tuple(row["value"] for row in cursor)


def speaker_filters(store: Store, name: str | None, **filters: object) -> Filters:
    """`Filters` for quotes by `name` (through identities, else by the words of the speaker phrase) and the other facets."""
    if not name:
        return Filters(**filters)  # type: ignore[arg-type]
    check_query(name, what="speaker")  # before any LIKE pattern is built from it
    keys = speaker_keys(store, name)
    if keys:
        return Filters(speakers=keys, **filters)  # type: ignore[arg-type]
    return Filters(speaker_text=name, **filters)  # type: ignore[arg-type]
