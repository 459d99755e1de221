"""Start-up shortcuts change nothing but time: spaCy's command line still works when asked for,
and the garbage collector runs again after models load."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from marsad.loading import collector_paused
from marsad.pipeline import analyze_text, build_pipeline, run_pipeline

_CHILD = """
import json, sys
import marsad.pipeline
before = sorted(name for name in ("typer", "weasel", "spacy.cli.download") if name in sys.modules)
import spacy
from spacy.cli import setup_cli  # the real command line, on first use
import spacy.cli.download
print(json.dumps({"before": before, "setup_cli": callable(setup_cli), "real": spacy.cli.__file__.endswith("__init__.py"),
                  "download": "spacy.cli.download" in sys.modules, "info": callable(spacy.info)}))
"""


def test_spacy_command_line_loads_only_when_used() -> None:
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"before": [], "setup_cli": True, "real": True, "download": True, "info": True}


def test_spacy_info_runs_through_the_stand_in() -> None:
    done = subprocess.run([sys.executable, "-c", "import marsad.pipeline, spacy; print(spacy.info()['spacy_version'])"], capture_output=True, text=True, check=True)
    import spacy

    assert done.stdout.strip().splitlines()[-1] == spacy.__version__


def test_collector_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner one leaves it paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failed load")
    assert gc.isenabled()


def test_first_article_of_a_pipeline_leaves_the_collector_running() -> None:
    nlp = build_pipeline()
    first = run_pipeline(nlp, "قال وزير الخارجية المصري في القاهرة إن المحادثات ستستمر.")
    assert gc.isenabled()
    again = analyze_text("قال وزير الخارجية المصري في القاهرة إن المحادثات ستستمر.", nlp=nlp)
    assert gc.isenabled()
    assert [(ent.text, ent.label_) for ent in first.ents] == [(ent.text, ent.label_) for ent in again.ents]


def test_loaded_objects_are_frozen_once_per_process() -> None:
    from marsad.loading import freeze_loaded

    freeze_loaded()
    frozen = gc.get_freeze_count()
    later = [[i] for i in range(1000)]  # objects made after the first freeze stay collectable
    freeze_loaded()
    assert gc.get_freeze_count() == frozen
    assert later


_ONE_THEN_TWO = """
import json, sys
from marsad.pipeline import analyze_text, load_pipeline
text = sys.argv[1]
nlp = load_pipeline()
first = [(ent.start_char, ent.end_char, ent.label_) for ent in analyze_text(text, nlp=nlp).ents]
after_one = "numba" in sys.modules
second = [(ent.start_char, ent.end_char, ent.label_) for ent in analyze_text(text, nlp=nlp).ents]
print(json.dumps({"after_one": after_one, "after_two": "numba" in sys.modules, "same": first == second, "ents": len(first)}))
"""


def test_one_article_never_loads_numba_and_a_second_decodes_alike() -> None:
    # The first document is decoded by numpy (`ner/crf.py`): a single analysis skips numba's
    # 0.35 s load; the second document is decoded compiled, with the same entities.
    text = "قال وزير الخارجية المصري سامح شكري في القاهرة إن المحادثات مع الأمم المتحدة ستستمر في جنيف."
    done = subprocess.run([sys.executable, "-c", _ONE_THEN_TWO, text], capture_output=True, text=True, check=True, timeout=120)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["ents"] > 0
    assert found == {"after_one": False, "after_two": True, "same": True, "ents": found["ents"]}
