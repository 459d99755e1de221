"""Stores for a server: one open store per request, from a connection pool on PostgreSQL.

Opening a PostgreSQL connection costs a TCP (or socket) handshake, authentication and a backend
process start, measured at 17 ms median and up to 155 ms per request; a pool keeps a few open.
A SQLite file opens in well under a millisecond, so each request opens its own (a SQLite
connection must not be used by two threads at once, and FastAPI runs requests on a thread pool).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .backends import is_postgres_url, open_store
from .base import Store

# Connections a server keeps: enough for FastAPI's worker threads on a small machine to rarely wait.
POOL_MIN = 1
POOL_MAX = 8


class StorePool:
    """Stores on one database, lent one at a time: `with pool.store() as store: ...`."""

    def __init__(self, target: str | Path, *, max_size: int = POOL_MAX) -> None:
        self.target = str(target)
        self.max_size = max_size
        self._pool: Any = None
        self._lock = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[Store]:
        if not is_postgres_url(self.target):
            with open_store(self.target, create=False) as opened:
                yield opened
            return
        from .postgres import PostgresStore

        with self._connections().connection() as conn:
            yield PostgresStore.borrowing(conn, self.target)

    def _connections(self) -> Any:
        # Opened on first use, so that an app that never serves a request holds no connections.
        with self._lock:
            if self._pool is None:
                from psycopg.rows import dict_row
                from psycopg_pool import ConnectionPool

                self._pool = ConnectionPool(
                    self.target, min_size=POOL_MIN, max_size=self.max_size, open=True,
                    kwargs={"autocommit": True, "row_factory": dict_row}, name="marsad",
                )
            return self._pool

    def stats(self) -> dict[str, int]:
        """psycopg_pool's counters (connections_num: opened so far, ...); empty before the first PostgreSQL request."""
        return dict(self._pool.get_stats()) if self._pool is not None else {}

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
