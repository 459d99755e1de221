"""Pairing of quotation marks inside a paragraph, mismatched styles included (`:” … ”`, `" … ”`)."""

from __future__ import annotations

from .layout import CLOSING_ONLY, MARKS, OPENING_ONLY, Layout

_GUILLEMET_CLOSE = {"\u00ab": "\u00bb", "\u2039": "\u203a"}  # « -> », ‹ -> ›


def pair_marks(layout: Layout) -> dict[int, int]:
    """Map the token index of each opening mark to that of its closing mark.

    An opening mark left unclosed at the end of its paragraph maps to the paragraph's last
    token + 1 (the quote runs to the end of the paragraph). Guillemets pair only with their
    own closing form; the other marks (“ ” „ " ' ‘ ’) alternate open/close whatever their
    shape, because news sites mix them freely.
    """
    pairs: dict[int, int] = {}
    words = layout.words
    for start, end in layout.paragraph_bounds:
        open_at: int | None = None
        for i in range(start, end):
            word = words[i]
            if word not in MARKS:
                continue
            if open_at is None:
                if word in CLOSING_ONLY or _is_apostrophe(layout, i):
                    continue
                open_at = i
                continue
            opener = words[open_at]
            if opener in _GUILLEMET_CLOSE:
                if word == _GUILLEMET_CLOSE[opener]:
                    pairs[open_at] = i
                    open_at = None
                continue
            if word in OPENING_ONLY or _is_apostrophe(layout, i):
                continue
            pairs[open_at] = i
            open_at = None
        if open_at is not None:
            pairs[open_at] = end
    return pairs


def _is_apostrophe(layout: Layout, i: int) -> bool:
    """A ' or ’ written inside a Latin word (O'Brien) is not a quotation mark."""
    if layout.words[i] not in ("'", "\u2019"):
        return False
    before = i > 0 and layout.ends[i - 1] == layout.starts[i] and layout.words[i - 1].isascii()
    after = i + 1 < len(layout.words) and layout.starts[i + 1] == layout.ends[i] and layout.words[i + 1].isascii()
    return bool(before and after)
