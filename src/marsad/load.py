"""Ingested articles into the store: skip known texts, analyze the rest, store each; never stop a batch.

"Analyze, then store" is orchestration above both the pipeline and the store, so it lives here
(beside `batch/`, its distributed form) and the store needs no NLP: a command that only reads the
store never imports spaCy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import MarsadError
from .ingest import Article, IngestError
from .limits import DEFAULT_TIME_LIMIT_S, check_text
from .store import Store, StoreError, content_hash

LOGGER = logging.getLogger(__name__)

Analyzer = Callable[[Article], dict[str, Any]]
Status = Literal["new", "duplicate", "failed"]


@dataclass(slots=True)
class Outcome:
    """What happened to one input item; `message` is the one-line error when it failed."""

    status: Status
    article_id: str | None
    message: str | None = None


def pipeline_analyzer(ner_model: str = "default", *, time_limit: float | None = DEFAULT_TIME_LIMIT_S) -> Analyzer:
    """Analyze with the full Marsad pipeline, loaded now so that a broken install fails once, up front;
    an article may take `time_limit` seconds (None: no limit)."""
    from .pipeline import BatchAnalyzer, load_pipeline

    # An ingest is a long batch: spaCy's vocabulary is released as it goes.
    return BatchAnalyzer(load_pipeline(ner_model=ner_model), time_limit=time_limit)


def load(store: Store, items: Iterable[Article | IngestError], *, analyze: Analyzer) -> Iterator[Outcome]:
    """Store every article of `items`; yields one Outcome per item, in order.

    A text already stored (same content hash) is reported as a duplicate without being analyzed again.
    Ingest errors, analysis errors and store errors are reported as failures and the batch goes on.
    """
    try:
        yield from _load(store, items, analyze)
    finally:
        close = getattr(analyze, "close", None)  # a BatchAnalyzer ends its memory zone with the batch
        if close is not None:
            close()


def triage(store: Store, item: Article | IngestError) -> Article | Outcome:
    """The article still to analyze, or its Outcome when it needs none: a read error, a text the
    store already holds, or a text that cannot even be hashed (not a str, lone surrogates)."""
    if isinstance(item, IngestError):
        return Outcome("failed", None, str(item))
    try:
        known = store.find_hash(content_hash(check_text(item.text)))
    except MarsadError as error:
        return Outcome("failed", item.id, f"{_label(item)}: {error}")
    return item if known is None else Outcome("duplicate", known)


def _load(store: Store, items: Iterable[Article | IngestError], analyze: Analyzer) -> Iterator[Outcome]:
    for item in items:
        found = triage(store, item)
        if isinstance(found, Outcome):
            yield found
            continue
        try:
            analysis = analyze(item)
        except MarsadError as error:  # the article's own fault (too long, invalid text, over time)
            yield Outcome("failed", item.id, f"{_label(item)}: {error}")
            continue
        except Exception as error:  # a pipeline bug on one article must not end the batch
            LOGGER.debug("analysis of %s failed", item.id, exc_info=True)
            reason = " ".join(f"{type(error).__name__}: {error}".split())
            yield Outcome("failed", item.id, f"{_label(item)}: analysis failed ({reason})")
            continue
        try:
            added = store.add(analysis)
        except StoreError as error:
            yield Outcome("failed", item.id, f"{_label(item)}: {error}")
            continue
        yield Outcome("new" if added else "duplicate", analysis.get("id") or item.id)


def _label(article: Article) -> str:
    # Feed items and JSONL records share a path; name the item too.
    path = article.meta.get("path")
    if not path:
        return str(article.id)
    return str(path) if Path(path).stem == article.id else f"{path} [{article.id}]"
