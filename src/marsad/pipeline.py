"""Builds the Marsad spaCy pipeline and runs it over articles."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc

from .arabic.lexeme import fast_lex_attr_getters
from .arabic.normalize import normalize
from .arabic.tokenizer import TOKENIZER
from .budget import ArticleTimeout, time_budget
from .components import STAGES, register_components
from .document import doc_to_dict, register_extensions
from .errors import Errors, MarsadError
from .limits import DEFAULT_TIME_LIMIT_S, MAX_ARTICLE_CHARS, check_text
from .loading import collector_paused, freeze_loaded

if TYPE_CHECKING:
    from .ingest import Article

LOGGER = logging.getLogger(__name__)
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGES)


def build_pipeline(stages: Sequence[str] = DEFAULT_STAGES, *, ner_model: str = "default") -> Language:
    """A fresh `Language`: spaCy's Arabic defaults, our tokenizer rules and norms, our stages.

    `ner_model`: "default" (the fast CRF), "accurate" (the opt-in encoder model, ~2 articles/s)
    or a model folder."""
    unknown = [name for name in stages if name not in STAGES]
    if unknown:
        raise MarsadError(Errors.E001.format(name=unknown[0], known=", ".join(STAGES)))
    register_extensions()
    register_components(stages)
    # spaCy's Arabic defaults with our tokenizer rules (`arabic.tokenizer`).
    nlp = spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    # Our own limit is checked before analysis (`limits.check_text`); spaCy's must not be lower.
    nlp.max_length = MAX_ARTICLE_CHARS
    # spaCy's values for each new word type, by C-level string methods where they can be.
    nlp.vocab.lex_attr_getters.update(fast_lex_attr_getters(nlp.vocab.lex_attr_getters))
    # token.norm_ is the normalized form; lexemes cache it, so it costs once per word type.
    nlp.vocab.lex_attr_getters[NORM] = normalize
    for lexeme in nlp.vocab:
        lexeme.norm_ = normalize(lexeme.orth_)
    for name in stages:
        nlp.add_pipe(name, config={"model": ner_model} if name == "marsad_ner" else {})
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(stages: tuple[str, ...] = DEFAULT_STAGES, *, ner_model: str = "default") -> Language:
    """The shared pipeline, built once per process (models load on first use)."""
    with collector_paused():
        return build_pipeline(stages, ner_model=ner_model)


def make_doc(nlp: Language, text: str, *, article_id: str | None = None, meta: dict[str, Any] | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    doc._.meta = dict(meta or {})
    return doc


def analyze_text(
    text: str, *, article_id: str | None = None, meta: dict[str, Any] | None = None, nlp: Language | None = None, time_limit: float | None = None
) -> Doc:
    """Run the whole pipeline over one text; `meta["date"]` anchors relative dates.

    A text that cannot be analyzed (not a str, lone surrogates, over `limits.MAX_ARTICLE_CHARS`)
    raises MarsadError before any analysis; with `time_limit` (seconds), an analysis that takes
    longer raises `budget.ArticleTimeout`."""
    nlp = nlp or load_pipeline()
    return run_pipeline(nlp, check_text(text), article_id=article_id, meta=meta, time_limit=time_limit)


def run_pipeline(nlp: Language, text: str, *, article_id: str | None = None, meta: dict[str, Any] | None = None, time_limit: float | None = None) -> Doc:
    """`nlp(text)`, stage by stage, within the time budget (see `marsad.budget` for how it stops)."""
    if nlp not in _HAS_RUN:
        # The first article loads the stages' models (see `loading`).
        with collector_paused():
            doc = _run_stages(nlp, text, article_id=article_id, meta=meta, time_limit=time_limit)
        _HAS_RUN.add(nlp)
        return doc
    return _run_stages(nlp, text, article_id=article_id, meta=meta, time_limit=time_limit)


# Pipelines that have analyzed an article in this process (weakly held: a pipeline may go).
_HAS_RUN: WeakSet[Language] = WeakSet()


def _run_stages(nlp: Language, text: str, *, article_id: str | None, meta: dict[str, Any] | None, time_limit: float | None) -> Doc:
    with time_budget(time_limit) as deadline:
        doc = make_doc(nlp, text, article_id=article_id, meta=meta)
        deadline.check()
        for name, proc in nlp.pipeline:
            deadline.stage = name
            doc = proc(doc)
            deadline.check()
    return doc


def analyze_article(article: Article, *, nlp: Language | None = None, time_limit: float | None = None) -> dict[str, Any]:
    """The analysis of one article in the output contract."""
    # Measured: a spaCy memory zone per article saved 60 MiB over 6,000 articles (our caches
    # are bounded, the vocabulary grows slowly) and cost 20% of the throughput; not used.
    nlp = nlp or load_pipeline()
    text = check_text(article.text)
    return doc_to_dict(run_pipeline(nlp, text, article_id=article.id, meta=article.meta, time_limit=time_limit))


# spaCy keeps every word it has seen (~10 MB per 1,000 news articles); batches release them in
# memory zones of this many articles. Measured over 7,717 ANT articles: peak 778 MiB with a zone
# every 5,000 articles (`bench/analyze_speed.py --zone-every 5000`), 818 MiB without (earlier,
# before numba and smaller word caches: 754-764 every 5,000, 765 every 2,500, 839 without); a zone
# every 500 cost 9% of the speed (each zone starts with an empty vocabulary and tokenizer cache),
# every 2,500 about 3%.
ZONE_ARTICLES = 5000


class BatchAnalyzer:
    """`analyze_article` for long batches, with spaCy's vocabulary released every `every` articles.

    Only analyses (plain dicts) leave it: a Doc made inside a memory zone must not outlive it, so
    do not run other spaCy code on the same pipeline while a batch is open. `close()` ends the zone.
    """

    def __init__(self, nlp: Language | None = None, *, every: int = ZONE_ARTICLES, time_limit: float | None = DEFAULT_TIME_LIMIT_S) -> None:
        """`every`: articles per memory zone; 0 never releases the vocabulary. `time_limit`:
        seconds one article may take (None: no limit)."""
        self.nlp = nlp or load_pipeline()
        self.every = every
        self.time_limit = time_limit
        self._zone: AbstractContextManager | None = None
        self._count = 0

    def __call__(self, article: Article) -> dict[str, Any]:
        self.start_article()
        try:
            return analyze_article(article, nlp=self.nlp, time_limit=self.time_limit)
        except ArticleTimeout:
            # A stage cut short may have left spaCy's caches half-filled: start a fresh zone.
            self.close()
            self._count = 0
            raise

    def start_article(self) -> None:
        """Count one more article, opening the next memory zone when the last one is full (for
        callers that run the pipeline's stages themselves, e.g. the benchmark)."""
        if self._count == 2:
            # The first articles have loaded the models (the second numba's compiled Viterbi,
            # `ner/crf.py`), which stay for the life of the process: frozen, the collector's
            # passes during the batch no longer walk them (`loading`).
            freeze_loaded()
        if self.every and self._count % self.every == 0:
            self.close()
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
        self._count += 1

    def close(self) -> None:
        zone, self._zone = self._zone, None
        if zone is not None:
            zone.__exit__(None, None, None)


def analyze_articles(articles: Iterable[Article], *, nlp: Language | None = None, time_limit: float | None = DEFAULT_TIME_LIMIT_S) -> Iterator[dict[str, Any]]:
    """Analyses in the output contract, one per article, in input order."""
    analyze = BatchAnalyzer(nlp, time_limit=time_limit)
    try:
        for article in articles:
            yield analyze(article)
    finally:
        analyze.close()


class AnalysisError(MarsadError):
    """An article that ingested but could not be analyzed; carries where it came from."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source


def analyze_stream(
    items: Iterable[Article | Exception], *, nlp: Language | None = None, time_limit: float | None = DEFAULT_TIME_LIMIT_S
) -> Iterator[dict[str, Any] | Exception]:
    """Analyses for a batch that must not die on one bad item.

    Errors from ingest pass through in place; an article whose analysis fails or runs over
    `time_limit` seconds becomes an `AnalysisError` and the batch goes on.
    """
    analyze = BatchAnalyzer(nlp, time_limit=time_limit)
    try:
        for item in items:
            if isinstance(item, Exception):
                yield item
                continue
            try:
                analysis = analyze(item)
            except MarsadError as error:  # the article's own fault (too long, invalid text, over time)
                yield AnalysisError(str(item.id), str(error))
                continue
            except Exception as error:  # noqa: BLE001 - one article's failure must not stop the batch
                LOGGER.debug("analysis failed for %s", item.id, exc_info=True)
                yield AnalysisError(str(item.id), Errors.E003.format(error=error))
                continue
            yield analysis
    finally:
        analyze.close()
