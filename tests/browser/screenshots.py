"""`make screenshots`: each page of the observatory over a SaudiNewsNet store, at desktop and phone width, as PNG files.

    python -m tests.browser.screenshots [--db STORE] [--size N] [--out screenshots/]

Without --db, a store of N sampled articles (default 400) is built in a temporary folder first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import chrome, snn
from .pages import pages
from .server import serve

FULL_HEIGHT_LIMIT = 6000  # px: long lists are cut, a screenshot of them stays readable


def capture(driver: Any, url: str, path: Path, *, width: int, wait_for_docs: bool) -> None:
    chrome.emulate_width(driver, width, 900)
    driver.get(url)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready = driver.execute_script(
            "return Array.from(document.querySelectorAll('.map[data-source]')).every(e => e.getAttribute('data-markers'))"
            " && Array.from(document.querySelectorAll('.timeline[data-source]')).every(e => e.getAttribute('data-rendered'))"
            + (" && !!document.querySelector('.swagger-ui .info')" if wait_for_docs else "")
        )
        if ready:
            break
        time.sleep(0.1)
    time.sleep(0.4)  # map tiles of the outline fade in
    height = min(int(driver.execute_script("return document.documentElement.scrollHeight")), FULL_HEIGHT_LIMIT)
    chrome.emulate_width(driver, width, height)
    time.sleep(0.2)
    driver.save_screenshot(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build one from SaudiNewsNet)")
    parser.add_argument("--size", type=int, default=400, help="articles to sample when building the store")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args(argv)
    reason = chrome.missing()
    if reason:
        print(f"no screenshots: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            if not snn.CORPUS.is_file():
                print(f"no screenshots: no SaudiNewsNet corpus at {snn.CORPUS}", file=sys.stderr)
                return 1
            db = str(Path(folder) / "snn.db")
            print(f"building a store of {args.size} SaudiNewsNet articles ...", file=sys.stderr)
            print(snn.build_store(db, snn.sample(size=args.size)), file=sys.stderr)
        args.out.mkdir(parents=True, exist_ok=True)
        with serve(db) as url, chrome.browser() as driver:
            for name, path in pages(db).items():
                for label, width in (("desktop", chrome.DESKTOP[0]), ("phone", chrome.PHONE[0])):
                    target = args.out / f"{name}-{label}.png"
                    capture(driver, url + path, target, width=width, wait_for_docs=name == "docs")
                    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
