"""The limits one article must keep: its length, and the time its analysis may take.

One size limit, on the article's text in characters (what the pipeline analyzes), checked before
any analysis: ingest refuses a longer text as it reads it, and `analyze_text` refuses one handed to
it directly, both with `Errors.E004`. Inputs are measured in bytes before they are decoded, but only
as a shortcut: a UTF-8 character takes at most 4 bytes, so an input of more than
`MAX_ARTICLE_CHARS * 4` bytes cannot hold an article within the limit.
"""

from __future__ import annotations

import re

from .errors import Errors, MarsadError

# ~150 times a long news article (6,500 characters), analyzed in full in linear time: a text of this
# length takes about ten seconds (bench/adversarial.py) and well under a GiB. spaCy's own limit
# (`nlp.max_length`, 1,000,000 by default) is set to it.
MAX_ARTICLE_CHARS = 1_000_000
MAX_INPUT_BYTES = 4 * MAX_ARTICLE_CHARS
# Per-article time budget of a batch, in seconds: generous (a news article takes ~10 ms, a text at
# the size limit ~10 s), so that only a runaway is stopped.
DEFAULT_TIME_LIMIT_S = 60.0

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: object) -> str:
    """`text` if it can be analyzed; a MarsadError saying what is wrong otherwise.

    A `str` can hold lone surrogates (from `surrogateescape`, or JSON's "\\ud800"): they are no
    text, and spaCy would fail on them deep inside, with a message about something else."""
    if not isinstance(text, str):
        raise MarsadError(Errors.E006.format(kind=type(text).__name__))
    if len(text) > MAX_ARTICLE_CHARS:
        raise MarsadError(Errors.E004.format(length=len(text), limit=MAX_ARTICLE_CHARS))
    match = _SURROGATE.search(text)
    if match is not None:
        raise MarsadError(Errors.E005.format(code=ord(match.group()), index=match.start()))
    return text
