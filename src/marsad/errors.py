"""Every user-facing error message, in one place. Each says what went wrong and what to do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of the errors Marsad reports to users."""


class Errors:
    E001 = "unknown pipeline stage {name!r}; known stages: {known}"
    E002 = "stage {name!r} requires {missing}, which no earlier stage assigns; add the stage that provides it"
    E003 = "analysis failed ({error}); the article was skipped, please report this with the input"
    E004 = "article text is {length:,} characters, over the {limit:,}-character limit; split it into smaller articles"
    E005 = "text holds a lone surrogate (U+{code:04X}) at character {index}: not valid Unicode; decode the input with errors='replace' or fix it at its source"
    E006 = "text must be a str, not {kind}"
    E007 = "analysis stopped after {seconds:.1f} s (in {stage}), over the {limit:g}-second limit per article; the article was skipped (raise the limit with --time-limit)"
