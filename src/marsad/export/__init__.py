"""Dumps of a whole store, streamed: JSONL analyses, Parquet and CSV tables, a GDELT-style event table.

Every writer reads the store a batch of articles at a time (`tables.batches`), so memory stays
bounded whatever the size of the store.
"""

from .formats import FORMATS, ExportError, export

__all__ = ["FORMATS", "ExportError", "export"]
