"""The pair features of the learned-scorer experiment (eval/stories/pair_scorer.py) on made-up reports."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.stories import featurize

from .texts import AGENCY, INDEPENDENT, UNRELATED, analysis


@pytest.fixture(scope="module")
def pair_scorer(eval_script):
    return eval_script("stories/pair_scorer")


def _with_name(record: dict, name: str, label: str = "PERS") -> dict:
    start = record["text"].index(name)
    record["entities"].append({"start": start, "end": start + len(name), "text": name, "label": label, "entity_id": None})
    return record


def _pair_features(pair_scorer, *records: dict):
    analyses = {r["id"]: r for r in records}
    featured = {r["id"]: featurize(r, day=date.fromisoformat(r["meta"]["date"]).toordinal(), order=n) for n, r in enumerate(records)}
    return pair_scorer.PairFeatures(analyses, featured)


def test_two_reports_of_one_story_share_more_than_an_unrelated_pair(pair_scorer) -> None:
    agency = _with_name(analysis(AGENCY, "agency", "2024-05-01", source="wire"), "منطقة القصيم", "LOC")
    report = _with_name(analysis(INDEPENDENT, "report", "2024-05-02", source="paper"), "منطقة القصيم", "LOC")
    match = analysis(UNRELATED, "match", "2024-05-01", title="النصر يفوز", source="wire")
    features = _pair_features(pair_scorer, agency, report, match)
    same, other = features("agency", "report"), features("agency", "match")
    assert set(same) == {column for columns in pair_scorer.FEATURE_SETS.values() for column in columns}
    assert same["score"] > other["score"] and same["names"] == 1.0 and other["names"] == 0.0
    assert same["headline"] == pytest.approx(1.0) and other["headline"] < 0.5
    assert (same["days"], same["same_outlet"]) == (1.0, 0.0) and (other["days"], other["same_outlet"]) == (0.0, 1.0)
