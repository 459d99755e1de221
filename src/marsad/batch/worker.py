"""What runs on a Dask worker: analyze one partition of articles with the process's one pipeline."""

from __future__ import annotations

import logging
import pickle
import threading
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, MarsadError
from ..ingest import Article
from ..loading import freeze_loaded
from ..pipeline import BatchAnalyzer, load_pipeline

LOGGER = logging.getLogger(__name__)

# `load_pipeline` caches one pipeline per process. Analysis is CPU-bound Python, so threads in one
# worker process gain nothing and would share a spaCy pipeline that is not documented thread-safe:
# a worker analyzes one partition at a time, whatever its --nthreads.
PIPELINE_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Failed:
    """An article whose analysis raised; `message` is the `Errors.E003` text the in-process run reports.

    The driver turns it into an `AnalysisError`, which does not survive pickling itself.
    """

    message: str


def warm_up() -> str:
    """Build the pipeline now, so that a worker that cannot fails once, before the batch; its spaCy version."""
    with PIPELINE_LOCK:
        nlp = load_pipeline()
        # The pipeline lives as long as the worker: out of the cyclic collector's sight, a full
        # collection no longer walks it (0.5 s of collections over 400 articles fell to 0.03 s).
        freeze_loaded()
    return str(nlp.meta.get("spacy_version", ""))


_ANALYZER: BatchAnalyzer | None = None


def _analyzer() -> BatchAnalyzer:
    """The process's one batch analyzer: a worker lives for many partitions, so its pipeline
    releases spaCy's vocabulary as the batch goes (see `BatchAnalyzer`)."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = BatchAnalyzer(load_pipeline())
    return _ANALYZER


def analyze_partition(articles: list[Article]) -> bytes:
    """The analyses of `articles`, in order, pickled in one piece (`load_partition` reads them); an
    article whose analysis raises becomes `Failed` and the rest go on.

    Why bytes: Dask passes them through as one frame, where a list of nested dicts is walked to
    measure its size (twice) and pickled inside Dask's own framing; measured with py-spy, that was a
    third of a worker's Dask time per partition.
    """
    results: list[dict[str, Any] | Failed] = []
    with PIPELINE_LOCK:
        analyze = _analyzer()
        for article in articles:
            try:
                results.append(analyze(article))
            except MarsadError as error:  # the article's own fault (too long, invalid text, over time)
                results.append(Failed(str(error)))
            except Exception as error:  # noqa: BLE001 - one article's failure must not stop the batch
                LOGGER.debug("analysis failed for %s", article.id, exc_info=True)
                results.append(Failed(Errors.E003.format(error=error)))
    return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def load_partition(payload: bytes) -> list[dict[str, Any] | Failed]:
    """What `analyze_partition` returned, on the driver: our own workers' pickles, as Dask's are."""
    return pickle.loads(payload)  # written by analyze_partition on a worker of this batch
