"""Quotes stage: who said what, as `doc._.quotes` (list of `marsad.document.Quote`)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..quotes import extract_quotes
from ..quotes.ranker import SpeakerRanker, shipped_ranker


class QuotesStage:
    """Finds the quotes of a doc; `ranker` (a `SpeakerRanker` or None for the rules alone) picks speakers."""

    def __init__(self, *, ranker: SpeakerRanker | None) -> None:
        self.ranker = ranker

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, ranker=self.ranker)
        return doc


@Language.factory(
    "marsad_quotes",
    requires=["doc.sents", "doc.ents"],
    assigns=["doc._.quotes"],
    default_config={"speaker_ranker": "rules"},
)
def make_quotes(nlp: Language, name: str, speaker_ranker: str) -> QuotesStage:
    """`speaker_ranker`: "rules" (the default: the rules choose alone), "ranker" (the shipped fit,
    opt-in: on the gold set's leave-one-outlet-out it does not beat the rules, see
    training/quotes/speaker_ranker.py) or the path of a weights file."""
    if speaker_ranker == "rules":
        return QuotesStage(ranker=None)
    if speaker_ranker == "ranker":
        return QuotesStage(ranker=shipped_ranker())
    return QuotesStage(ranker=SpeakerRanker.from_file(Path(speaker_ranker)))
