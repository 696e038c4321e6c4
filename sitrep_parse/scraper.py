"""Stage 1: get the page's bytes and turn them into text.

Sources are URLs (http/https, fetched with httpx), files (.html, .htm, .xhtml, .html.gz)
or "-" for standard input. Whatever the source, the same rules pick the charset:
byte-order mark, then the HTTP header, then <meta charset>/http-equiv, then detection
(charset-normalizer);
bytes that are invalid in the declared charset (cp1252 labelled UTF-8, the commonest
mislabelling on the web) still decode to the right characters.

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

import codecs
import functools
import random
import re
import socket
import ssl
import sys
import threading
import time
import zlib
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Optional

from . import __version__
from .errors import ScrapeError
from .models import FetchOptions, Page

PROJECT_URL = "https://github.com/sitrep-parse/sitrep-parse"
DEFAULT_USER_AGENT = f"sitrep-parse/{__version__} (+{PROJECT_URL})"

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
# text/plain and a missing or generic type are read and sniffed: misconfigured servers send HTML so.
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml",
                      "application/octet-stream", "binary/octet-stream")
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
MAX_REDIRECTS = 10
SNIFF_BYTES = 4096
BACKOFF_BASE = 0.5  # seconds before the first retry when the server does not say (then doubled)

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
    """Read at most max_bytes (decompressed): a stream is never read past the cap."""
    head = fh.read(2)
    if head == b"\x1f\x8b":
        decoder = _Decoder(["gzip"], source, max_bytes)
        out = bytearray(decoder.feed(head))
        while chunk := fh.read(65536):
            out += decoder.feed(chunk)
        decoder.finish()
        return bytes(out)
    data = head + fh.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        raise ScrapeError(source, f"larger than the {_size(max_bytes)} limit (--max-bytes)")
    return data


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip bytes already in memory, stopping at the cap like every other read."""
    decoder = _Decoder(["gzip"], source, max_bytes)
    out = decoder.feed(data)
    decoder.finish()
    return out


class _TooLarge(Exception):
    """A decompressor reached the cap."""


class _Corrupt(Exception):
    """A decompressor met bytes that are not its format (the message names the format)."""


_UNSUPPORTED_CODINGS = frozenset({"zstd", "compress", "x-compress", "dcb", "dcz", "pack200-gzip", "exi"})


class _Decoder:
    """Undo Content-Encodings (gzip, deflate, br) without ever producing more than `limit` bytes.

    Decompressors are asked for at most what is left under the cap, so a bomb costs at most
    the cap in memory (brotli may overshoot by one internal block, about 32 KB) and reading
    stops there. Encodings listed in a header are undone in reverse order of application.
    """

    def __init__(self, encodings: Iterable[str], source: str, limit: int) -> None:
        self.source = source
        self.limit = limit
        self.produced = 0
        self.stages: list[_Stage] = []
        for name in reversed([e.strip().lower() for e in encodings if e.strip()]):
            if name in ("identity", ""):
                continue
            if name in ("gzip", "x-gzip"):
                self.stages.append(_ZlibStage("gzip"))
            elif name == "deflate":
                self.stages.append(_ZlibStage("deflate"))
            elif name == "br":
                self.stages.append(_BrotliStage())
            elif name in _UNSUPPORTED_CODINGS:
                raise ScrapeError(source, f"unsupported Content-Encoding {name!r}")
            # any other token is a server's mistake ("utf-8", "text"): ignored, as browsers do

    def feed(self, data: bytes) -> bytes:
        try:
            for stage in self.stages:
                data = stage.feed(data, self.limit)
        except _TooLarge:
            raise self._too_large() from None
        except _Corrupt as exc:
            raise ScrapeError(self.source, f"corrupt {exc} data") from exc.__cause__
        self.produced += len(data)
        if self.produced > self.limit:
            if not self.stages:
                raise ScrapeError(self.source, f"larger than the {_size(self.limit)} limit (--max-bytes)")
            raise self._too_large()
        return data

    def finish(self) -> None:
        """Check that every compressed stream ended: one cut short is corrupt, not a page.

        Stages never hold output back (each feed returns all it can under the cap), so
        there is nothing left to flush.
        """
        for stage in self.stages:
            if not stage.complete():
                raise ScrapeError(self.source, f"corrupt {stage.name} data (truncated)")

    def _too_large(self) -> ScrapeError:
        return ScrapeError(self.source, f"decompresses to more than the {_size(self.limit)} limit (--max-bytes)")


class _Stage:
    name = ""

    def feed(self, data: bytes, limit: int) -> bytes:
        raise NotImplementedError

    def complete(self) -> bool:
        raise NotImplementedError


class _ZlibStage(_Stage):
    """gzip (several members allowed) or HTTP deflate (zlib-wrapped, or raw as some servers send)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.produced = 0
        self.started = False
        self.ended = False
        self.obj = zlib.decompressobj(16 + zlib.MAX_WBITS if name == "gzip" else zlib.MAX_WBITS)

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray()
        while data:
            if self.ended:  # after a complete stream: another gzip member, or trailing junk (ignored)
                if self.name != "gzip" or not data.startswith(b"\x1f\x8b"):
                    break
                self.obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.ended = False
            room = limit - self.produced - len(out)
            try:
                # max_length is never 0 (which would mean unbounded); input is left over only
                # when the output reached max_length, and that is past the cap.
                chunk = self.obj.decompress(data, room + 1)
            except zlib.error as exc:
                if self.name == "deflate" and not self.started:
                    self.obj = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, without the zlib header
                    self.started = True
                    continue
                raise _Corrupt(self.name) from exc
            self.started = True
            out += chunk
            if len(chunk) > room:
                raise _TooLarge
            if not self.obj.eof:
                break
            self.ended = True
            data = self.obj.unused_data
        self.produced += len(out)
        return bytes(out)

    def complete(self) -> bool:
        return self.ended or not self.started


class _BrotliStage(_Stage):
    name = "brotli"

    def __init__(self) -> None:
        import brotli  # an httpx[brotli] dependency; brotli >= 1.2 can bound its output

        self.error = brotli.error
        self.obj = brotli.Decompressor()
        self.produced = 0
        self.started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        if not data:
            return b""
        self.started = True
        room = limit - self.produced
        try:
            out = self.obj.process(data, output_buffer_limit=room + 1)
        except self.error as exc:
            raise _Corrupt(self.name) from exc
        if len(out) > room or not self.obj.can_accept_more_data():
            raise _TooLarge
        self.produced += len(out)
        return out

    def complete(self) -> bool:
        return self.obj.is_finished() or not self.started


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
# Labels whose bytes browsers decode with a superset (WHATWG Encoding Standard): a page labelled
# Shift_JIS uses the Windows extensions (circled digits, NEC kanji) and they must decode too.
_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252", "x-cp1252": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "windows-874": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "csshiftjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "iso-8859-8-i": "iso-8859-8", "x-mac-roman": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic", "unicode": "utf-16", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_UTF16_32 = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
DETECT_BYTES = 65536  # detection reads a sample: plenty to tell scripts apart, a bounded cost on big pages


@functools.lru_cache(maxsize=64)
def _charset_name(label: Optional[str]) -> Optional[str]:
    """Map a declared label to a Python codec, following the WHATWG aliases that matter.

    Labels of encodings that do not keep ASCII as ASCII (EBCDIC, UTF-7) name none: a page
    whose markup was readable to find the label cannot be in them.
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _UTF16_32:
        return name
    try:
        if "<meta charset=+->".encode(name) != b"<meta charset=+->":  # "+-" is how UTF-7 differs
            return None
    except (UnicodeError, LookupError):  # LookupError: bytes-to-bytes codecs such as base64
        return None
    return name


def _decode_mixed_utf8(data: bytes) -> str:
    """Decode UTF-8, reading any byte that is not valid UTF-8 as cp1252 (mixed or mislabelled pages)."""
    return data.decode("utf-8", errors="sitrep-cp1252")


def _cp1252_handler(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="sitrep-c1"), exc.end


def _c1_handler(exc: UnicodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined are C1 controls in browsers; never an error."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error("sitrep-cp1252", _cp1252_handler)
codecs.register_error("sitrep-c1", _c1_handler)


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


def _strict(data: bytes, charset: str) -> Optional[str]:
    try:
        return data.decode(charset, errors="sitrep-c1" if charset == "cp1252" else "strict")
    except UnicodeDecodeError:
        return None


def _nearly(data: bytes, charset: str) -> Optional[str]:
    """The text if at most 1% of the non-ASCII bytes are invalid in `charset`: stray bytes, not a wrong label."""
    text = data.decode(charset, errors="replace")
    non_ascii = len(data) - len(data.translate(None, bytes(range(128))))
    return text if text.count("\ufffd") * 100 <= non_ascii else None


def decode_html(data: bytes, source: str, header_charset: Optional[str] = None) -> tuple[str, str]:
    """Turn page bytes into text: BOM, then HTTP header charset, then <meta>, then detection.

    A declaration is trusted while the bytes agree with it. Bytes that are valid UTF-8 and
    not plain ASCII are UTF-8 whatever the label says (legacy text is practically never valid
    UTF-8 by accident, and servers defaulting to ISO-8859-1 mislabel UTF-8 pages daily);
    bytes invalid in a UTF-8 label fall to the page's <meta> if that fits, else are read as
    UTF-8 with cp1252 for the invalid bytes (the commonest mislabelling on the web).
    """
    if not data.strip():
        raise ScrapeError(source, "empty document")
    what = sniff_binary(data)
    if what:
        raise ScrapeError(source, f"not an HTML page ({what})")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name.removesuffix("-le").removesuffix("-be")
    declared: list[str] = []
    from_header = _charset_name(header_charset)
    if from_header:
        declared.append(from_header)
    m = _META_CHARSET.search(data[:8192])
    from_meta = _charset_name(m.group(1).decode("ascii", "ignore")) if m else None
    if from_meta and from_meta not in declared:
        declared.append(from_meta)
    # Without a BOM, a UTF-16/32 label on bytes readable as ASCII is wrong (WHATWG: read as UTF-8).
    declared = list(dict.fromkeys("utf-8" if name in _UTF16_32 else name for name in declared))

    if data.isascii():
        name = declared[0] if declared else "utf-8"
        return (_strict(data, name) or data.decode("utf-8")), name
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return utf8, "utf-8"
    for name in declared:
        if name == "utf-8":
            continue
        text = _strict(data, name)
        if text is not None:
            return text, name
    if declared[:1] == ["utf-8"]:
        return _decode_mixed_utf8(data), "utf-8"
    for name in declared:
        text = _nearly(data, name)
        if text is not None:
            return text, name
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    """No declaration fits: ask charset-normalizer, but trust it only where it can tell.

    Detectors separate scripts well (Cyrillic from Greek from Shift_JIS) but, on a page's
    worth of text, not the Latin code pages from each other: French cp1252 comes back as
    Baltic cp1257. So a Latin-script guess must read better than windows-1252 (the
    web's default for undeclared pages) to beat it: fewer symbols stuck inside words, as
    "Za¿ó³æ" is Polish cp1250 read as cp1252.
    """
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:DETECT_BYTES]).best()
    name = _charset_name(best.encoding) if best is not None else None
    text = None
    if name and name not in _UTF16_32 and name != "utf-8":
        text = _strict(data, name) or _nearly(data, name)
    if text is not None and not _mostly_latin(text):
        return text, name  # another script, or a multi-byte East Asian encoding
    western = data.decode("cp1252", errors="sitrep-c1")
    if text is not None and _symbols_in_words(text) < _symbols_in_words(western):
        return text, name
    return western, "cp1252"


_IN_WORD_PUNCTUATION = frozenset("'\u2019\u2018-\u2010\u2011\u00b7")


def _mostly_latin(text: str) -> bool:
    import unicodedata

    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _symbols_in_words(text: str) -> int:
    """Non-ASCII symbols between two letters: the mark of a page read in the wrong code page."""
    return sum(1 for i in range(1, len(text) - 1)
               if ord(text[i]) > 127 and not text[i].isalpha() and text[i] not in _IN_WORD_PUNCTUATION
               and text[i - 1].isalpha() and text[i + 1].isalpha())


# --------------------------------------------------------------------------- network


def _size(n: int) -> str:
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 else f"{n:,} bytes"


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds the server asked us to wait (delta-seconds or an HTTP date); None if it did not say."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def status_text(status: int, reason: str = "") -> str:
    """"404 Not Found": the standard phrase (HTTP/2 sends none, some servers an empty one)."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = reason.strip()
    return f"{status} {phrase}".strip()


class _Retryable(Exception):
    """A failure worth another attempt: connection trouble, 408, 429, 5xx."""

    def __init__(self, cause: str, retry_after: Optional[float] = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.retry_after = retry_after


class _Deadline:
    """One time limit for the whole fetch: when it passes, every open connection is shut down.

    Per-operation timeouts cannot bound a server that sends a byte just before each read
    would time out; shutting the socket down wakes whatever read is blocked, at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self._expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    @property
    def expired(self) -> bool:
        """The deadline passed and the connections were cut: whatever failed after that is ours."""
        return self._expired

    def remaining(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's `trace` extension: learn each connection's socket as it is opened."""
        if not event.endswith((".connect_tcp.complete", ".start_tls.complete")):  # direct, proxy or SOCKS
            return
        sock = info["return_value"].get_extra_info("socket")
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self._expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    try:  # the plain socket call, also under TLS: SSLSocket.shutdown would tear down its state
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Page:
    """GET a page like a well-behaved client: redirects, retries with backoff, size cap, charset."""
    import httpx  # imported here: file and batch runs never pay for it

    tls = _ssl_context()  # before the clock starts: loading CA certificates is not the server's time
    deadline = _Deadline(options.timeout)
    headers = {
        "User-Agent": options.user_agent or DEFAULT_USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate, br" if _has_brotli() else "gzip, deflate",  # what _Decoder undoes
    }
    try:
        # Redirects are followed here, not by httpx, which would read each redirect's body whole.
        with httpx.Client(http2=_has_h2(), follow_redirects=False, headers=headers, verify=tls) as client:
            attempt = 0
            while True:
                attempt += 1
                try:
                    return _fetch_once(client, url, options, deadline)
                except _Retryable as exc:
                    failure = exc
                gave_up = f"gave up after {attempt} attempts: " if attempt > 1 else ""
                if attempt > options.retries:
                    raise ScrapeError(url, gave_up + failure.cause) from failure.__cause__
                if failure.retry_after is not None:
                    wait = failure.retry_after
                    if time.monotonic() + wait >= deadline.end:
                        raise ScrapeError(url, f"{gave_up}{failure.cause} (the server asked to retry after "
                                               f"{wait:g} s, beyond the {options.timeout:g} s --timeout)") \
                            from failure.__cause__
                else:
                    wait = BACKOFF_BASE * 2 ** (attempt - 1) * random.uniform(1.0, 1.25)
                    if time.monotonic() + wait >= deadline.end:
                        raise ScrapeError(url, f"gave up after {attempt} attempt{'s' if attempt > 1 else ''} "
                                               f"within the {options.timeout:g} s --timeout: {failure.cause}") \
                            from failure.__cause__
                time.sleep(wait)
    finally:
        deadline.cancel()


_SSL_CONTEXTS: dict[tuple[Optional[str], Optional[str]], Any] = {}


def _ssl_context() -> Any:
    """One TLS context per process: loading the CA bundle costs ~50 ms, once, not once per URL.

    Keyed on SSL_CERT_FILE/SSL_CERT_DIR, which httpx honours, so changing them still counts.
    """
    import os

    import httpx

    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    if key not in _SSL_CONTEXTS:
        _SSL_CONTEXTS[key] = httpx.create_ssl_context()
    return _SSL_CONTEXTS[key]


def _has_h2() -> bool:
    try:
        import h2  # noqa: F401
    except ImportError:
        return False
    return True


def _has_brotli() -> bool:
    """Brotli is offered only where its output can be bounded (the `brotli` package, >= 1.2)."""
    try:
        import brotli
    except ImportError:
        return False
    return hasattr(brotli.Decompressor, "can_accept_more_data")


def _fetch_once(client: Any, url: str, options: FetchOptions, deadline: _Deadline) -> Page:
    """One attempt, redirects included. Raises ScrapeError (final) or _Retryable, never an httpx error."""
    import httpx

    timed_out = f"timed out after {options.timeout:g} s (--timeout)"
    hops = [url]
    try:
        if not httpx.URL(url).host:
            raise ScrapeError(url, "invalid URL (no host name)")
        request = client.build_request("GET", url, timeout=httpx.Timeout(deadline.remaining()),
                                       extensions={"trace": deadline.trace})
        while True:
            response = client.send(request, stream=True)
            try:
                if response.next_request is None:
                    return _read_page(response, url, options, deadline)
                if len(hops) > MAX_REDIRECTS:
                    raise ScrapeError(url, _redirect_cause(hops))
                request = response.next_request
                if request.url.scheme not in ("http", "https"):
                    raise ScrapeError(url, f"redirected to an address that is not a web page ({request.url})")
                hops.append(str(request.url))
            finally:
                response.close()  # a redirect's body is never read
    except (ScrapeError, _Retryable):
        raise
    except httpx.TimeoutException as exc:
        raise ScrapeError(url, timed_out) from exc
    except httpx.TransportError as exc:
        if deadline.expired:
            raise ScrapeError(url, timed_out) from exc
        cause = _network_cause(exc)
        if isinstance(exc, (httpx.ConnectError, httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)):
            raise _Retryable(cause) from exc
        raise ScrapeError(url, cause) from exc
    except httpx.InvalidURL as exc:
        raise ScrapeError(url, f"invalid URL ({exc})") from exc
    except httpx.HTTPError as exc:
        raise ScrapeError(url, _network_cause(exc)) from exc


def _read_page(response: Any, url: str, options: FetchOptions, deadline: _Deadline) -> Page:
    """The final response: status, type and size checked before and while the body arrives."""
    status = response.status_code
    if status in RETRY_STATUSES:
        raise _Retryable(status_text(status, response.reason_phrase), _retry_after(response.headers.get("Retry-After")))
    if status >= 400:
        raise ScrapeError(url, status_text(status, response.reason_phrase))
    content_type = response.headers.get("Content-Type", "")
    mime = content_type.split(";")[0].strip().lower()
    if mime and mime not in HTML_CONTENT_TYPES and not mime.endswith("+xml"):
        raise ScrapeError(url, f"not an HTML page ({mime})")
    decoder = _Decoder(response.headers.get("Content-Encoding", "").split(","), url, options.max_bytes)
    length = response.headers.get("Content-Length", "")
    if not decoder.stages and length.isdigit() and int(length) > options.max_bytes:
        raise ScrapeError(url, f"larger than the {_size(options.max_bytes)} limit (--max-bytes; "
                               f"the server announced {_size(int(length))})")
    body = bytearray()
    for chunk in response.iter_raw():
        body += decoder.feed(chunk)
    if deadline.expired:  # the deadline cut the connection: what arrived is not the whole page
        raise ScrapeError(url, f"timed out after {options.timeout:g} s (--timeout)")
    decoder.finish()
    data = bytes(body)
    if data[:2] == b"\x1f\x8b":  # compressed twice, or a .html.gz served as it is
        data = gunzip(data, url, options.max_bytes)
    m = _HEADER_CHARSET.search(content_type)
    html, encoding = decode_html(data, url, m.group(1) if m else None)
    return Page(source=url, html=html, url=str(response.url), encoding=encoding)


def _redirect_cause(hops: list[str]) -> str:
    """A chain that comes back on itself is a loop; otherwise it is only too long."""
    seen: dict[str, int] = {}
    for i, hop in enumerate(hops):
        if hop in seen:
            return f"redirect loop ({' -> '.join(hops[seen[hop]:i + 1])})"
        seen[hop] = i
    return f"too many redirects (more than {MAX_REDIRECTS})"


_INCOMPLETE = re.compile(r"received (\d+) bytes, expected (\d+)")


def _network_cause(exc: BaseException) -> str:
    """Words for a transport failure, from the OS error underneath when there is one."""
    import httpx

    inner: Optional[BaseException] = exc
    while inner is not None and not isinstance(inner, OSError):
        inner = inner.__cause__ or inner.__context__
    detail = (inner.strerror if isinstance(inner, OSError) and inner.strerror else None) or str(exc) \
        or type(exc).__name__
    detail = re.sub(r"^\[Errno -?\d+\]\s*", "", detail)
    if isinstance(exc, httpx.ConnectError):
        if isinstance(inner, ssl.SSLCertVerificationError):
            return f"cannot connect: TLS certificate not trusted ({inner.verify_message})"
        if isinstance(inner, ssl.SSLError):
            return f"cannot connect: TLS failed ({inner.reason or detail})"
        if isinstance(inner, socket.gaierror):
            return f"cannot resolve the host name ({detail})"
        return f"cannot connect ({detail})"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        m = _INCOMPLETE.search(str(exc))
        if m:
            return (f"connection closed before the page was complete (received {int(m.group(1)):,} "
                    f"of {int(m.group(2)):,} bytes)")
        if "without sending a response" in str(exc):
            return "the server closed the connection without responding"
        if "peer closed" in str(exc):
            return "connection closed before the page was complete"
        if isinstance(exc, httpx.ReadError):
            return f"connection closed before the page was complete ({detail})"
        return f"invalid HTTP response ({detail})"
    if isinstance(exc, httpx.WriteError):
        return f"connection closed while sending the request ({detail})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported address ({detail})"
    return detail

