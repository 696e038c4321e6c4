"""Stage 1: get the page's bytes and turn them into text.

Sources are URLs (http/https, fetched with httpx), files (.html, .htm, .xhtml, .html.gz)
or "-" for standard input. Whatever the source, the same rules pick the charset:
byte-order mark, then the HTTP header, then <meta charset>/http-equiv, then detection;
bytes that are invalid in the declared charset (cp1252 labelled UTF-8, the commonest
mislabelling on the web) still decode to the right characters.

Every failure is a ScrapeError naming the source and the cause in words a user can act
on ("404 Not Found", "timed out after 20 s", "not an HTML page (application/pdf)").
"""

from __future__ import annotations

import codecs
import gzip
import random
import re
import sys
import time
import zlib
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO, Optional

from . import __version__
from .errors import ScrapeError
from .models import FetchOptions, Page

PROJECT_URL = "https://github.com/sitrep-parse/sitrep-parse"
DEFAULT_USER_AGENT = f"sitrep-parse/{__version__} (+{PROJECT_URL})"

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 10
SNIFF_BYTES = 4096

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load(source: str, options: FetchOptions = FetchOptions(), url: Optional[str] = None) -> Page:
    """Read one source: a URL, a path or "-" (stdin). `url` says where a saved page came from."""
    if is_url(source):
        return fetch(source, options)
    if source == "-":
        data = read_stream(sys.stdin.buffer, source, options.max_bytes)
    else:
        data = read_file(Path(source), source, options.max_bytes)
    html, encoding = decode_html(data, source)
    return Page(source=source, html=html, url=url, encoding=encoding)


# --------------------------------------------------------------------------- files


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """Read a saved page; gzip is recognised by its magic bytes, not only by the name."""
    try:
        if path.is_dir():
            raise ScrapeError(source, "is a directory (give it as a batch source to parse the pages in it)")
        with path.open("rb") as fh:
            return read_stream(fh, source, max_bytes)
    except FileNotFoundError:
        raise ScrapeError(source, "no such file") from None
    except PermissionError:
        raise ScrapeError(source, "permission denied") from None
    except IsADirectoryError:
        raise ScrapeError(source, "is a directory") from None
    except OSError as exc:
        raise ScrapeError(source, f"cannot read file: {exc.strerror or exc}") from None


def read_stream(fh: BinaryIO, source: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ScrapeError(source, f"larger than the {_size(max_bytes)} limit (--max-bytes)")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, source, max_bytes)
    return data


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress without ever holding more than max_bytes: a gzip bomb stops at the cap."""
    out = bytearray()
    try:
        while data:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = d.decompress(data, max_bytes + 1 - len(out))
            out += chunk
            if len(out) > max_bytes:
                raise ScrapeError(source, f"decompresses to more than the {_size(max_bytes)} limit (--max-bytes)")
            if not d.eof:
                if d.unconsumed_tail:
                    raise ScrapeError(source, f"decompresses to more than the {_size(max_bytes)} limit (--max-bytes)")
                raise ScrapeError(source, "corrupt gzip data (truncated)")
            data = d.unused_data  # concatenated gzip members
            if data and data[:2] != b"\x1f\x8b":
                break
    except zlib.error as exc:
        raise ScrapeError(source, f"corrupt gzip data ({exc})") from None
    return bytes(out)


# --------------------------------------------------------------------------- charset

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _charset_name(label: Optional[str]) -> Optional[str]:
    """Map a declared label to a Python codec, following the WHATWG aliases that matter."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    # Browsers treat these labels as windows-1252 / GBK supersets; so must we.
    label = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
             "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "shift_jis",
             "unicode": "utf-16", "utf8": "utf-8"}.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _utf8_with_cp1252_fallback(data: bytes) -> str:
    """Decode UTF-8, reading any byte that is not valid UTF-8 as cp1252 (mixed or mislabelled pages)."""
    return data.decode("utf-8", errors="sitrep-cp1252")


def _cp1252_handler(exc: UnicodeError):
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("sitrep-cp1252", _cp1252_handler)


def sniff_binary(data: bytes) -> Optional[str]:
    """Name what the bytes are if they are clearly not a text document."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if not any(head.startswith(bom) for bom, _ in _BOMS):
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if b"\x00" in head or controls > len(head) * 0.05:
            return "binary data"
    return None


def decode_html(data: bytes, source: str, header_charset: Optional[str] = None) -> tuple[str, str]:
    """Turn page bytes into text: BOM, then HTTP header charset, then <meta>, then detection."""
    if not data.strip():
        raise ScrapeError(source, "empty document")
    what = sniff_binary(data)
    if what:
        raise ScrapeError(source, f"not an HTML page ({what})")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name
    declared = _charset_name(header_charset)
    if declared is None:
        m = _META_CHARSET.search(data[:8192])
        declared = _charset_name(m.group(1).decode("ascii", "ignore")) if m else None
    if declared in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        declared = None  # a meta tag readable as ASCII cannot be UTF-16: the label is wrong
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            if declared == "utf-8":
                return _utf8_with_cp1252_fallback(data), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from bs4.dammit import UnicodeDammit  # detection is only needed for unlabelled, non-UTF-8 pages

    dammit = UnicodeDammit(data, known_definite_encodings=[declared] if declared else [], is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, dammit.original_encoding
    return _utf8_with_cp1252_fallback(data), "utf-8"


# --------------------------------------------------------------------------- network


def _size(n: int) -> str:
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 else f"{n:,} bytes"


def _retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Page:
    """GET a page like a well-behaved client: redirects, retries with backoff, size cap, charset."""
    import httpx  # imported here: file and batch runs never pay for it

    deadline = time.monotonic() + options.timeout
    headers = {
        "User-Agent": options.user_agent or DEFAULT_USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate, br",
    }
    timeout = httpx.Timeout(options.timeout)
    attempt = 0
    with httpx.Client(http2=_has_h2(), follow_redirects=True, max_redirects=MAX_REDIRECTS,
                      timeout=timeout, headers=headers) as client:
        while True:
            wait: Optional[float] = None
            try:
                return _fetch_once(client, url, options, deadline)
            except _Retryable as exc:
                if attempt >= options.retries:
                    raise ScrapeError(url, exc.cause) from None
                wait = exc.retry_after
                last = exc.cause
            except httpx.TooManyRedirects:
                raise ScrapeError(url, f"too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)") from None
            except httpx.TimeoutException:
                if attempt >= options.retries:
                    raise ScrapeError(url, f"timed out after {options.timeout:g} s") from None
                last = f"timed out after {options.timeout:g} s"
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if attempt >= options.retries:
                    raise ScrapeError(url, _network_cause(exc)) from None
                last = _network_cause(exc)
            except httpx.InvalidURL as exc:
                raise ScrapeError(url, f"invalid URL ({exc})") from None
            except httpx.HTTPError as exc:
                raise ScrapeError(url, _network_cause(exc)) from None
            attempt += 1
            backoff = wait if wait is not None else 0.5 * 2 ** (attempt - 1) + random.uniform(0, 0.25)
            if time.monotonic() + backoff >= deadline:
                raise ScrapeError(url, f"{last}; gave up after {attempt} attempt(s) within {options.timeout:g} s")
            time.sleep(backoff)


class _Retryable(Exception):
    def __init__(self, cause: str, retry_after: Optional[float] = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.retry_after = retry_after


def _has_h2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


def _network_cause(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    name = type(exc).__name__
    if name == "ConnectError":
        return f"cannot connect ({text})"
    if name in ("RemoteProtocolError", "ReadError"):
        return f"connection closed before the page was complete ({text})"
    return text


def _fetch_once(client, url: str, options: FetchOptions, deadline: float) -> Page:
    import httpx

    with client.stream("GET", url) as response:
        status = response.status_code
        if status in RETRY_STATUSES:
            raise _Retryable(f"{status} {response.reason_phrase}".strip(),
                             _retry_after(response.headers.get("Retry-After")))
        if status >= 400:
            raise ScrapeError(url, f"{status} {response.reason_phrase}".strip())
        content_type = response.headers.get("Content-Type", "")
        mime = content_type.split(";")[0].strip().lower()
        if mime and mime not in HTML_CONTENT_TYPES and not mime.endswith("+xml"):
            raise ScrapeError(url, f"not an HTML page ({mime})")
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > options.max_bytes:
                    raise ScrapeError(url, f"larger than the {_size(options.max_bytes)} limit (--max-bytes)")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("deadline passed")
        except httpx.DecodingError as exc:
            raise ScrapeError(url, f"corrupt compressed body ({exc})") from None
        m = _HEADER_CHARSET.search(content_type)
        html, encoding = decode_html(bytes(body), url, m.group(1) if m else None)
        return Page(source=url, html=html, url=str(response.url), encoding=encoding)
