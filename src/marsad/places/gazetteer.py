"""Load the compiled places gazetteer once: entries, a first-word index of names, stop phrases."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

LOGGER = logging.getLogger(__name__)

FORMAT_VERSION = 1
NO_NAME = object()  # a first word that is no name on its own, only the start of longer ones


@dataclass(frozen=True, slots=True)
class Entry:
    """One real-world place."""

    name: str  # English name
    cc: str | None  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    geonames_id: int | None
    kind: str  # one of marsad.document.PLACE_KINDS
    prior: float  # base score: 10 countries, 9 curated, cities log10(population) + fame (+1.5 capitals)
    # "ctx": only with its country elsewhere in the article; "small": Arab town < 15,000;
    # "capital"; "triggered": small-town tier, named only after "مدينة", "بلدة"...
    flags: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: Sequence[Entry]  # a tuple, or `LazyEntries` as read from the file
    names: dict[str, tuple[int, ...]]  # normalized name (words joined by one space) -> entry ids, best first
    # first word of a name -> (its one-word name key, None for a stop phrase, or NO_NAME;
    #   {second word: ((remaining words, name key or None), ...) longest first})
    first: dict[str, tuple]
    common: frozenset[str]  # names that are also ordinary words: need corroboration
    adjectives: dict[str, str | None]  # nationality adjective -> its country: never a place
    persons: frozenset[str]  # tokens of person names (NER training data): a neighbour makes a name a person's
    blocked: frozenset[str]  # words never split into proclitic + name (كبيرا is not ك + بيرا)
    # names of small towns worldwide, matched only right after a place word ("مدينة", "بلدة")
    triggered: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # normalized word -> the names it may start (filled by the matcher as words are seen)
    word_cache: dict = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.names.get(key) or self.triggered.get(key, ())]


def default_path() -> Path:
    return Path(str(resources.files("marsad") / "resources" / "places" / "gazetteer.json.gz"))


def from_dict(data: dict) -> Gazetteer:
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"gazetteer format {data.get('version')!r} is not {FORMAT_VERSION}: "
                         "rebuild it with training/gazetteer/build.py")
    entries = LazyEntries(data["entries"])
    names = {key: tuple(ids) for key, ids in data["names"].items()}
    first: dict[str, list] = {}
    for key in names:
        words = key.split(" ")
        first.setdefault(words[0], []).append((tuple(words[1:]), key))
    for phrase in data.get("stop", ()):
        words = phrase.split(" ")
        first.setdefault(words[0], []).append((tuple(words[1:]), None))
    ordered = {w: _first_word_entry(options) for w, options in first.items()}
    return Gazetteer(entries=entries, names=names, first=ordered, common=frozenset(data.get("common", ())),
                     adjectives=dict(data.get("adjectives", {})), persons=frozenset(data.get("persons", ())),
                     blocked=frozenset(data.get("blocked", ())),
                     triggered={key: tuple(ids) for key, ids in data.get("triggered", {}).items()})


class LazyEntries(Sequence):
    """Entries made from their rows when first read: an article reads a few of the 25,000, and
    making them all took a third of loading the gazetteer (0.07 s of every start-up)."""

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: list) -> None:
        self._rows = rows
        self._made: list[Entry | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        entry = self._made[index]
        if entry is None:
            entry = self._made[index] = Entry(*self._rows[index])
        return entry

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LazyEntries)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like the list it wraps


def _first_word_entry(options: list[tuple[tuple[str, ...], str | None]]) -> tuple:
    """(one-word key or NO_NAME, {second word: ((rest words, key), ...) longest first}).

    A stop phrase (key None) wins over a name of the same words (المدينة the noun, not Medina).
    """
    single: str | None | object = NO_NAME
    longer: dict[str, list] = {}
    for rest, key in options:
        if not rest:
            single = None if key is None or single is None else key
        else:
            longer.setdefault(rest[0], []).append((rest, key))
    return single, {w: tuple(sorted(v, key=lambda item: (-len(item[0]), item[1] is not None))) for w, v in longer.items()}


def read(path: Path) -> Gazetteer:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return from_dict(json.load(handle))


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The shipped gazetteer (or the one at `path`), parsed once per process."""
    gazetteer = read(Path(path) if path else default_path())
    LOGGER.debug("gazetteer: %d places, %d names", len(gazetteer.entries), len(gazetteer.names))
    return gazetteer
