"""Fetching one feed or page over HTTP(S), with a timeout and a size cap; failures are one FetchError."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .. import __version__
from ..errors import MarsadError
from ..ingest.feeds import MAX_FEED_BYTES

TIMEOUT_S = 30.0
USER_AGENT = f"marsad-watch/{__version__} (+https://github.com/marsad)"
SCHEMES = ("http", "https")


class FetchError(MarsadError):
    """A feed or page that could not be fetched; `str(error)` names it and says why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url


class Messages:
    SCHEME = "only http:// and https:// addresses can be watched"
    HTTP = "HTTP {status} {reason}"
    UNREACHABLE = "cannot fetch ({reason})"
    TOO_LARGE = "more than {limit:,} bytes; not read"


def fetch(url: str, *, timeout: float = TIMEOUT_S, limit: int = MAX_FEED_BYTES) -> bytes:
    """The body of `url`, at most `limit` bytes; a FetchError for anything else (bad scheme, HTTP error, timeout, too large)."""
    if urlsplit(url).scheme.lower() not in SCHEMES:
        raise FetchError(url, Messages.SCHEME)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the scheme is checked above
            body = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(url, Messages.HTTP.format(status=error.code, reason=error.reason)) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise FetchError(url, Messages.UNREACHABLE.format(reason=" ".join(str(reason).split()))) from error
    if len(body) > limit:
        raise FetchError(url, Messages.TOO_LARGE.format(limit=limit))
    return body
