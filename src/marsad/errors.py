"""Every user-facing error message, in one place. Each says what went wrong and what to do."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of the errors Marsad reports to users."""


class Errors:
    E001 = "unknown pipeline stage {name!r}; known stages: {known}"
    E002 = "stage {name!r} requires {missing}, which no earlier stage assigns; add the stage that provides it"
    E003 = "analysis failed ({error}); the article was skipped, please report this with the input"
