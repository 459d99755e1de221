"""Feed watching: poll RSS/Atom feeds and pages on an interval and ingest what is new (cross-article work above the store)."""

from .fetch import FetchError, fetch
from .watcher import Round, Watcher

__all__ = ["FetchError", "Round", "Watcher", "fetch"]
