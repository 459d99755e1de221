"""Reading the NER model's word clusters: the fast path and the general one give the same table."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.ner.features import load_clusters


def _write(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


def _line_by_line(path: Path) -> dict[str, tuple[str, ...]]:
    """The plain reading: one line at a time, comments skipped."""
    clusters = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if not line.startswith("#"):
            word, *ids = line.split("\t")
            clusters[word] = tuple(ids)
    return clusters


def test_equal_columns_with_comments(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.tsv.gz", "#word\tk4\tk16\nسوريا\t1\t7\n# a note\nدمشق\t1\t9\nقال\t2\t3\n")
    assert load_clusters(path) == _line_by_line(path) == {"سوريا": ("1", "7"), "دمشق": ("1", "9"), "قال": ("2", "3")}


def test_lines_of_different_lengths(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.tsv.gz", "سوريا\t1\t7\nدمشق\t4\n")
    assert load_clusters(path) == _line_by_line(path) == {"سوريا": ("1", "7"), "دمشق": ("4",)}


def test_no_final_newline_and_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.tsv.gz", "سوريا\t1\nدمشق\t4")
    assert load_clusters(path) == {"سوريا": ("1",), "دمشق": ("4",)}
    assert load_clusters(_write(tmp_path / "e.tsv.gz", "")) == {}


def test_shipped_clusters_read_alike() -> None:
    from marsad.ner.tagger import CLUSTERS_FILE, MODEL_DIR

    path = MODEL_DIR / CLUSTERS_FILE
    assert load_clusters(path) == _line_by_line(path)
