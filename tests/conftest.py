"""Shared fixtures: the seed article, the shared data folder, a pipeline per session."""

from __future__ import annotations

import importlib.util
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seeds" / "000_43ce1a4277206678.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"shared data not found at {data}; set MARSAD_SHARED to run evaluation gates")
    return data


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}; set MARSAD_SHARED")
    return SEED.read_text(encoding="utf-8")


@contextmanager
def _training_script(path: Path, name: str):
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(path.parent))


@pytest.fixture(scope="session")
def training_script():
    """`with training_script(path, name) as module:` a script under training/ imported as module
    `name`, its folder on sys.path while in use (the scripts import their neighbours by plain name)."""
    return _training_script


def _eval_script(name: str):
    """eval/<name>.py imported once per session as module `marsad_eval_<name>`."""
    module_name = f"marsad_eval_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, REPO / "eval" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up while being built
        spec.loader.exec_module(module)
    return sys.modules[module_name]


@pytest.fixture(scope="session")
def eval_script():
    """`eval_script("quotes")`: an evaluation script under eval/ as a module."""
    return _eval_script


@pytest.fixture(scope="session")
def nlp():
    from marsad.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL server for the session (see tests/store/postgres_server.py); skips when none can run."""
    pytest.importorskip("psycopg", reason="psycopg is not installed; install the dev extra to run the PostgreSQL tests")
    from tests.store.postgres_server import Cluster, Unavailable

    try:
        cluster = Cluster()
    except Unavailable as reason:
        pytest.skip(str(reason))
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster) -> str:
    """A PostgreSQL URL where no store exists yet (a fresh schema of the session's database)."""
    return postgres_cluster.store_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new store goes, once per backend: a SQLite file, or an empty PostgreSQL schema (skipped when no server can run)."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("postgres_url")
