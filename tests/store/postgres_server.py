"""A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, serve on a unix socket there.

The server listens on no TCP port (`listen_addresses=''`), so parallel runs never collide; clients
reach it through the socket in the cluster's folder. fsync is off: the data dies with the test run.

initdb and postgres refuse to run as root. As root we run them as `nobody` through `runuser`, in a
folder made with `mkdtemp` under the system temp dir (pytest's own tmp folders are private to root,
so `nobody` could not reach them) and handed to `nobody`; root can still use the socket and delete the folder.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

USER = "marsad"
DATABASE = "marsad_tests"
# Where distributions put the server binaries when they are not on PATH (Debian: one folder per version).
EXTRA_DIRS = ("/usr/local/bin", "/usr/local/pgsql/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True))
START_TIMEOUT_S = 30


class Unavailable(Exception):
    """PostgreSQL cannot run here; the message says why (tests skip with it)."""


def find_binaries() -> tuple[str, str]:
    """Paths of initdb and pg_ctl, from PATH or the usual install folders."""
    search_path = os.pathsep.join([os.environ.get("PATH", ""), *EXTRA_DIRS])
    initdb, pg_ctl = shutil.which("initdb", path=search_path), shutil.which("pg_ctl", path=search_path)
    if not initdb or not pg_ctl:
        raise Unavailable(f"PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in {', '.join(EXTRA_DIRS)}; install postgresql to run these tests")
    return initdb, pg_ctl


class Cluster:
    """A running server with one database; `store_url()` gives each test an empty schema of its own."""

    def __init__(self) -> None:
        import psycopg

        initdb, pg_ctl = find_binaries()
        self._as_user = _as_server_user()
        server_user = self._as_user[2] if self._as_user else None
        self.folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        self._names = itertools.count(1)
        try:
            if server_user:
                shutil.chown(self.folder, user=server_user)
            self.data = self.folder / "data"
            self._run(initdb, "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
            options = f"-k {self.folder} -c listen_addresses='' -F"
            self._pg_ctl = pg_ctl
            self._run(pg_ctl, "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "-t", str(START_TIMEOUT_S), "start")
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        with psycopg.connect(f"postgresql://{USER}@/postgres?host={self.folder}", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        self.admin = psycopg.connect(self.url, autocommit=True)

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@/{DATABASE}?host={self.folder}"

    def store_url(self) -> str:
        """The URL of a new, empty schema, so that tests never see each other's rows.

        A store lives in the first schema of the connection's search_path, which the URL sets; a
        schema costs a millisecond where a database costs close to a hundred.
        """
        name = f"test_{next(self._names)}"
        self.admin.execute(f"CREATE SCHEMA {name}")  # our own generated name; DDL takes no parameters
        return f"{self.url}&options=-csearch_path%3D{name}"

    def stop(self) -> None:
        self.admin.close()
        try:
            self._run(self._pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self._as_user, *command], cwd=self.folder, capture_output=True, text=True, timeout=START_TIMEOUT_S + 30)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}\n{tail}")


def _as_server_user() -> list[str]:
    """The prefix that runs a command as an unprivileged user (`runuser -u nobody --`) when we are root, else []."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
    if not runuser:
        raise Unavailable("running as root and `runuser` is not available to start PostgreSQL as an unprivileged user (initdb refuses root)")
    return [runuser, "-u", "nobody", "--"]
