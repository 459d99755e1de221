"""The gazetteer makes its entries on first read; they are the entries the rows describe."""

from __future__ import annotations

from marsad.places.gazetteer import Entry, LazyEntries, load_gazetteer

ROWS = [
    ["Damascus", "SY", 33.5, 36.3, 170654, "city", 8.2, "capital"],
    ["Aleppo", "SY", 36.2, 37.16, 170063, "city", 7.9, ""],
]


def test_entries_from_rows() -> None:
    entries = LazyEntries(ROWS)
    assert len(entries) == 2
    assert entries[1] == Entry(*ROWS[1])
    assert entries[1] is entries[1]  # made once
    assert entries[-1] is entries[1]
    assert entries[:1] == (Entry(*ROWS[0]),)
    assert list(entries) == [Entry(*row) for row in ROWS]
    assert entries == tuple(Entry(*row) for row in ROWS)
    assert entries == LazyEntries(ROWS)


def test_shipped_gazetteer_entries_are_entries() -> None:
    gazetteer = load_gazetteer()
    ids = next(iter(gazetteer.names.values()))
    assert all(isinstance(entry, Entry) for entry in gazetteer.candidates(next(iter(gazetteer.names))))
    assert gazetteer.entries[ids[0]].name
