"""The NER lexicon's second opinion: which news the encoder reads, and what it counts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.ner.accurate import ACCURATE_DIR, ENCODER_FILE
from marsad.ner.features import lookup_form

REPO = Path(__file__).resolve().parents[2]
TRAINING = REPO / "training" / "ner"


@pytest.fixture(scope="module")
def lexicon_module(training_script):
    with training_script(TRAINING / "lexicon.py", "marsad_ner_lexicon_build") as module:
        yield module


@pytest.fixture
def news(tmp_path):
    (tmp_path / "news").mkdir()
    records = [
        {"title": f"عنوان الخبر رقم {n}", "text": f"التقى الرئيسُ وزيرَ الخارجية في باريس يوم {n}.\nقصير\nوقال المتحدث إن المحادثات مستمرة"}
        for n in range(10)
    ]
    with gzip.open(tmp_path / "news" / "ant_multisource_topic_train.jsonl.gz", "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return tmp_path


def test_every_nth_article_is_read_once_across_parts(lexicon_module, news):
    parts = [list(lexicon_module._news_articles(news, 4, part, 2)) for part in range(2)]
    titles = [article[0][-1] for part in parts for article in part]
    assert sorted(titles) == ["0", "4", "8"]  # articles 0, 4, 8; none twice
    assert [article[0][-1] for article in parts[0]] == ["0", "8"]


def test_paragraphs_keep_their_letters_without_harakat(lexicon_module, news):
    article = next(lexicon_module._news_articles(news, 4, 0, 1))
    body = article[1]
    assert body[:3] == ["التقى", "الرئيس", "وزير"]  # harakat removed, the word kept whole
    assert "." in body  # punctuation is a token of its own
    assert all(len(paragraph) > 2 for paragraph in article)  # "قصير" alone is left out


@pytest.mark.skipif(not (ACCURATE_DIR / ENCODER_FILE).exists(), reason="no accurate NER model")
def test_teacher_counts_every_token_under_its_lookup_form(lexicon_module, news):
    counts = lexicon_module._teacher_part(str(ACCURATE_DIR), str(news), 4, 0, 1)
    tokens = [token for article in lexicon_module._news_articles(news, 4, 0, 1) for paragraph in article for token in paragraph]
    assert sum(sum(counter.values()) for counter in counts.values()) == len(tokens)
    assert set(counts) == {lookup_form(token) for token in tokens}
    assert counts[lookup_form("باريس")]["LOC"] == 3  # one mention in each of the three articles
