"""The record a quote finder produces before speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class Candidate:
    """One reported statement before speaker resolution; spans are token indices, half-open."""

    content: tuple[int, int]
    direct: bool
    cue: tuple[int, int]
    kind: str  # "verb", "participle", "noun", "source", "headline"; "intro" names a speaker, no quote
    lemma: str
    cls: str = "say"
    subjects: list[tuple[int, int]] = field(default_factory=list)
    mode: str = "none"  # "explicit", "pronoun", "relative", "none"
    parent: Candidate | None = None  # candidate whose speaker a chained cue shares
    turn: bool = False  # introduced by "بدوره", "من جهته", ...
    nested: bool = False  # the cue stands inside another quote's content
    opens_sentence: bool = True  # the cue starts its sentence (else a clause subject may be before it)
