"""`marsad.ingest` resolves its names on first use, so the store's `text_id` brings in no readers."""

from __future__ import annotations

import subprocess
import sys

import marsad.ingest


def test_every_exported_name_resolves() -> None:
    assert sorted(marsad.ingest.__all__) == sorted(marsad.ingest._HOMES)
    for name in marsad.ingest.__all__:
        assert getattr(marsad.ingest, name) is not None


def test_the_article_module_alone_loads_no_reader() -> None:
    code = "import sys, marsad.ingest.article; print(sorted(m for m in sys.modules if m.startswith(('marsad.ingest.', 'marsad.dates', 'trafilatura', 'feedparser'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    # The article's own error type (ingest/errors.py, since issue-19) is no reader.
    assert done.stdout.strip() == "['marsad.ingest.article', 'marsad.ingest.errors']"
