"""`marsad watch` against a local HTTP server serving fixture feeds: new items once, dead feeds and bad items survived, clean stops."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.store import open_store
from marsad.watch import FetchError, Watcher, fetch

from tests.store.factories import fake_analyzer

ITEMS = {
    "a": "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة",
    "b": "وأكد المتحدث باسم الحكومة أن الوفد وصل صباح اليوم إلى المدينة",
    "c": "وقال مصدر مسؤول إن اللجنة أنهت عملها بعد ثلاثة أيام من الاجتماعات",
}


def _feed(*keys: str, broken: bool = False) -> str:
    items = "".join(
        f"<item><title>خبر {key}</title><link>http://example.test/{key}</link><description>{ITEMS[key]}</description></item>" for key in keys
    )
    if broken:
        items += "<item><title>بلا نص</title><link>http://example.test/empty</link><description></description></item>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>مصدر</title>{items}</channel></rss>'


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local HTTP server on 127.0.0.1 (ephemeral port) serving the files of a folder."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def _watcher(db: Path, sources: list[str], **options) -> Watcher:
    return Watcher(open_store(db, create=True), sources, analyze=fake_analyzer, **options)


def test_new_items_are_stored_once_and_a_dead_feed_is_survived(site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    (root / "feed.xml").write_text(_feed("a", "b", broken=True), encoding="utf-8")
    watcher = _watcher(tmp_path / "m.db", [f"{base}/missing.xml", f"{base}/feed.xml", "http://127.0.0.1:9/refused.xml"], interval=0.01)
    first = watcher.run_once()
    assert (first.counts["new"], first.counts["failed"], first.counts["unreachable"]) == (2, 1, 2)
    assert any("HTTP 404" in error for error in first.errors) and any("no text" in error for error in first.errors)
    (root / "feed.xml").write_text(_feed("a", "b", "c"), encoding="utf-8")
    second = watcher.run_once()
    assert (second.counts["new"], second.counts["duplicate"]) == (1, 2)
    assert watcher.store.count() == 3


def test_stop_ends_the_wait_between_rounds(site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    (root / "feed.xml").write_text(_feed("a"), encoding="utf-8")
    watcher = _watcher(tmp_path / "m.db", [f"{base}/feed.xml"], interval=60)
    thread = threading.Thread(target=watcher.run)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    watcher.stop()
    thread.join(timeout=5)
    assert not thread.is_alive() and time.monotonic() - started < 5
    assert watcher.rounds == 1


def test_fetch_refuses_other_schemes_and_oversized_bodies(site: tuple[str, Path]) -> None:
    base, root = site
    (root / "big.xml").write_bytes(b"x" * 2000)
    with pytest.raises(FetchError, match="only http"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="more than 1,000 bytes"):
        fetch(f"{base}/big.xml", limit=1000)


def test_watch_command_runs_rounds(site: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, root = site
    (root / "feed.xml").write_text(_feed("a", "b"), encoding="utf-8")
    monkeypatch.setattr("marsad.cli.watch._pipeline_analyzer", lambda ner_model, time_limit: fake_analyzer)
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["watch", "--db", str(db), "--interval", "1", "--rounds", "2", f"{base}/feed.xml"])
    assert result.exit_code == 0, result.output
    assert "round 1: 2 new, 0 duplicate, 0 failed" in result.stderr
    assert "round 2: 0 new, 2 duplicate, 0 failed" in result.stderr
    assert "stopped after 2 rounds" in result.stderr


def test_watch_help() -> None:
    result = CliRunner().invoke(cli, ["watch", "--help"])
    assert result.exit_code == 0 and "--interval" in result.stdout and "--db" in result.stdout


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_watch_stops_cleanly_on_a_signal(signum: int, site: tuple[str, Path], tmp_path: Path) -> None:
    base, root = site
    (root / "feed.xml").write_text(_feed("a"), encoding="utf-8")
    db = tmp_path / "m.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "marsad", "watch", "--db", str(db), "--interval", "300", f"{base}/feed.xml"],
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    try:
        for line in process.stderr:  # the first round's report: the watch now waits for the next
            lines.append(line)
            if line.startswith("round 1:"):
                break
        process.send_signal(signum)
        _, rest = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, "".join(lines) + rest
    assert "round 1: 1 new" in "".join(lines) and "stopped after 1 round" in rest
    with open_store(db) as store:
        assert store.count() == 1
