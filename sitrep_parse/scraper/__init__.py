"""Stage 1: get the page's bytes and turn them into text.

    load(source, options, url) -> Page

files.py reads saved pages and stdin, network.py fetches URLs (imported only when a URL is
given: file runs never load httpx or ssl), compression.py undoes gzip/deflate/brotli
under the size cap, charset.py turns bytes into text (page_from_bytes: the Page, which keeps
the bytes too when they are the text's exact UTF-8, for the parser to read as they are).

Sources are URLs (http/https, fetched with httpx), files (.html, .htm, .xhtml, .html.gz)
or "-" for standard input. Whatever the source, the same rules pick the charset:
byte-order mark, then the HTTP header, then <meta charset>/http-equiv, then detection
(charset-normalizer); bytes that are invalid in the declared charset (cp1252
labelled UTF-8, the commonest mislabelling on the web) still decode to the right
characters.

Every failure is a ScrapeError naming the source and the cause in words a user can act
on ("404 Not Found", "timed out after 20 s (--timeout)", "not an HTML page (application/pdf)").
The underlying exception stays attached as __cause__ so that --debug can show it.

Limits are enforced where the bytes arrive, not after: --max-bytes caps the decompressed
body while it is read (a compression bomb, in a Content-Encoding or a saved .html.gz,
stops at the cap), and --timeout is one deadline for the whole fetch, retries and their
waits included, enforced by closing the connection when it passes (a server that drips
one byte a second never resets it).
"""

from __future__ import annotations

import re
import sys
from typing import Optional

from ..errors import ScrapeError
from ..models import FetchOptions, Page
from ..patterns import regex
from .charset import page_from_bytes, sniff_binary
from .compression import gunzip
from .files import read_file, read_stream

__all__ = ["fetch", "gunzip", "is_url", "load", "page_from_bytes", "read_file", "read_stream", "sniff_binary"]


_OTHER_SCHEME = regex(r"^[a-z][a-z0-9+.\-]*://", re.I)  # ftp://, file://, s3://: an address, not a path


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load(source: str, options: FetchOptions = FetchOptions(), url: Optional[str] = None) -> Page:
    """Read one source: a URL, a path or "-" (stdin). `url` says where a saved page came from."""
    if is_url(source):
        return fetch(source, options)
    if source == "-":
        data = read_stream(sys.stdin.buffer, source, options.max_bytes)
    elif _OTHER_SCHEME.match(source):
        raise ScrapeError(source, f"unsupported URL scheme ({source.split(':', 1)[0]}:); only http and https are fetched")
    else:
        data = read_file(source, source, options.max_bytes)
    return page_from_bytes(data, source, url)


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Page:
    """Fetch a URL (see scraper.network); imported on first use so file runs never load httpx or ssl."""
    from .network import fetch as _fetch

    return _fetch(url, options)
