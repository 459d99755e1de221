"""What `analyze_text` refuses before analysis, and the per-article time budget."""

from __future__ import annotations

import signal
import time

import pytest
from spacy.language import Language

from marsad.budget import ArticleTimeout
from marsad.errors import MarsadError
from marsad.ingest import Article
from marsad.limits import MAX_ARTICLE_CHARS
from marsad.pipeline import AnalysisError, analyze_stream, analyze_text, load_pipeline

TEXT = "وقال الوزير إن المحادثات مستمرة"


@pytest.mark.parametrize("text", ["قال \ud800 الوزير", "\udcff", TEXT + "\udc80"])
def test_lone_surrogates_are_a_clear_error(text: str) -> None:
    with pytest.raises(MarsadError, match="lone surrogate"):
        analyze_text(text)


def test_text_over_the_size_limit_is_refused_before_analysis() -> None:
    with pytest.raises(MarsadError, match="1,000,000-character limit"):
        analyze_text("ا" * (MAX_ARTICLE_CHARS + 1))


def test_spacy_takes_texts_up_to_our_limit() -> None:
    assert load_pipeline().max_length >= MAX_ARTICLE_CHARS


def test_a_long_article_below_the_limit_is_analyzed_in_full() -> None:
    text = (TEXT + ". ") * 4000  # 132,000 characters: past what one might think a news article is
    doc = analyze_text(text)
    assert doc.text == text and doc._.quotes[-1].end > len(text) - 40


@Language.component("tests_slow_stage")
def _slow_stage(doc):
    time.sleep(0.3)
    return doc


@Language.component("tests_runaway_stage")
def _runaway_stage(doc):
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # a stage that would run for 5 s, in Python
        pass
    return doc


def _pipeline_with(stage: str):
    from marsad.pipeline import build_pipeline

    nlp = build_pipeline(("marsad_structure",))
    nlp.add_pipe(stage)
    return nlp


def test_budget_is_checked_between_stages() -> None:
    nlp = _pipeline_with("tests_slow_stage")
    results = list(analyze_stream([Article("slow", TEXT), Article("next", TEXT)], nlp=nlp, time_limit=0.1))
    assert all(isinstance(result, AnalysisError) for result in results)
    assert "tests_slow_stage" in str(results[0]) and "limit per article" in str(results[0])


def test_runaway_stage_is_stopped_in_the_main_thread() -> None:
    nlp = _pipeline_with("tests_runaway_stage")
    # Another test's library may have taken SIGALRM, and then the backstop steps aside (see the
    # next test); here the process's handler is the default one, as in the CLI.
    previous = signal.signal(signal.SIGALRM, signal.SIG_DFL)
    try:
        started = time.monotonic()
        with pytest.raises(ArticleTimeout, match="tests_runaway_stage"):
            analyze_text(TEXT, nlp=nlp, time_limit=0.2)
        assert time.monotonic() - started < 2
        assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_the_backstop_never_takes_a_sigalrm_handler_someone_set() -> None:
    nlp = _pipeline_with("tests_slow_stage")

    def theirs(signum, frame):
        raise AssertionError("our timer fired their handler")

    previous = signal.signal(signal.SIGALRM, theirs)
    try:
        with pytest.raises(ArticleTimeout, match="tests_slow_stage"):  # caught between stages instead
            analyze_text(TEXT, nlp=nlp, time_limit=0.1)
        assert signal.getsignal(signal.SIGALRM) is theirs
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_no_time_limit_by_default_for_one_text() -> None:
    assert analyze_text(TEXT).text == TEXT
