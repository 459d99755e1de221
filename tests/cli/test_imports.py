"""Commands that only read the store never load spaCy or the NLP pipeline (they start in a fraction of a second)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.store import open_store

from tests.store.factories import geneva_analysis

PIPELINE_MODULES = ("spacy", "thinc", "numba", "marsad.pipeline", "marsad.components", "marsad.document", "marsad.ner")
RUN = f"""
import json, sys
PIPELINE = {PIPELINE_MODULES!r}
from marsad.cli import cli
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    loaded = [name for name in sys.modules if name in PIPELINE or name.startswith(tuple(module + "." for module in PIPELINE))]
    print(json.dumps(sorted(loaded)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imports") / "store.db"
    with open_store(path) as store:
        store.add(geneva_analysis())
    return path


@pytest.mark.parametrize(
    "command",
    [["search", "جنيف"], ["search", "--speaker", "لافروف", "--from", "2024", "جنيف"], ["quotes", "--speaker", "لافروف"], ["events"], ["summary"]],
)
def test_reading_commands_do_not_load_the_pipeline(db: Path, command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", RUN, command[0], "--db", str(db), *command[1:]], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == [], f"{command[0]} loaded {loaded}"
    assert done.stdout  # the command did its work


def test_the_check_sees_the_pipeline_when_it_is_loaded(db: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import marsad.pipeline\n" + RUN, "search", "--db", str(db), "جنيف"], capture_output=True, text=True, timeout=120)
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert "spacy" in loaded and "marsad.pipeline" in loaded
