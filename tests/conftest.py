"""Shared fixtures: the seed article, the shared data folder, a pipeline per session."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def nlp():
    from marsad.pipeline import load_pipeline

    return load_pipeline()
