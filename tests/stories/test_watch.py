"""`marsad watch` follows stories: what a round stores is placed, and the next round's copies find it."""

from __future__ import annotations

from pathlib import Path

from marsad.store import open_store
from marsad.watch import Watcher

from tests.store.factories import fake_analyzer

from .texts import AGENCY, TRIMMED


def _feed(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><title>خبر {key}</title><link>http://example.test/{key}</link><description>{text}</description></item>" for key, text in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>مصدر</title>{body}</channel></rss>'.encode()


def test_each_round_places_its_new_articles(tmp_path: Path) -> None:
    feeds = {"http://feeds.test/wire.xml": _feed(("wire", AGENCY))}
    watcher = Watcher(open_store(tmp_path / "w.db", create=True), list(feeds), analyze=fake_analyzer, fetcher=feeds.__getitem__, interval=0)
    assert watcher.run_once().counts["new"] == 1
    feeds["http://feeds.test/wire.xml"] = _feed(("wire", AGENCY), ("paper", TRIMMED))
    assert watcher.run_once().counts["new"] == 1
    [story], total = watcher.store.stories()
    assert total == 1 and len(story.articles) == 2
    first, copy = story.articles
    assert first.copy_of is None and copy.copy_of == first.id


def test_stories_can_be_left_off(tmp_path: Path) -> None:
    feeds = {"http://feeds.test/wire.xml": _feed(("wire", AGENCY))}
    watcher = Watcher(open_store(tmp_path / "w.db", create=True), list(feeds), analyze=fake_analyzer, fetcher=feeds.__getitem__, stories=False)
    watcher.run_once()
    assert watcher.store.count() == 1 and watcher.store.stories() == ([], 0)
