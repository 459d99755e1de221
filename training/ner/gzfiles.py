"""Gzip text files that a rebuild with unchanged content leaves byte for byte unchanged."""

from __future__ import annotations

import gzip
import io
from pathlib import Path


def stable_gzip(path: Path) -> io.TextIOWrapper:
    """A gzip text writer without a timestamp in its header."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf-8")
