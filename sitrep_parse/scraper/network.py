"""Fetching a URL with httpx: redirects, one deadline, retries with backoff, the size cap, clear causes."""

from __future__ import annotations

import random
import socket
import ssl
import threading
import time
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, Optional

from .. import __version__
from ..errors import ScrapeError
from ..models import FetchOptions, Page
from ..patterns import regex
from .charset import HEADER_CHARSET, page_from_bytes
from .compression import Decoder, gunzip, size_text

# The tool and its version, nothing more: the project has no public address to point to yet,
# and a made-up contact URL would not be truthful. Add "(+URL)" once there is one.
DEFAULT_USER_AGENT = f"sitrep-parse/{__version__}"
# text/plain and a missing or generic type are read and sniffed: misconfigured servers send HTML so.
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml",
                      "application/octet-stream", "binary/octet-stream")
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
MAX_REDIRECTS = 10
BACKOFF_BASE = 0.5  # seconds before the first retry when the server does not say (then doubled)


# --------------------------------------------------------------------------- network


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
        "Accept-Encoding": "gzip, deflate, br" if _has_brotli() else "gzip, deflate",  # what Decoder undoes
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
    decoder = Decoder(response.headers.get("Content-Encoding", "").split(","), url, options.max_bytes)
    length = response.headers.get("Content-Length", "")
    if not decoder.stages and length.isdigit() and int(length) > options.max_bytes:
        raise ScrapeError(url, f"larger than the {size_text(options.max_bytes)} limit (--max-bytes; "
                               f"the server announced {size_text(int(length))})")
    body = bytearray()
    for chunk in response.iter_raw():
        body += decoder.feed(chunk)
    if deadline.expired:  # the deadline cut the connection: what arrived is not the whole page
        raise ScrapeError(url, f"timed out after {options.timeout:g} s (--timeout)")
    decoder.finish()
    data = bytes(body)
    if data[:2] == b"\x1f\x8b":  # compressed twice, or a .html.gz served as it is
        data = gunzip(data, url, options.max_bytes)
    m = HEADER_CHARSET.search(content_type)
    return page_from_bytes(data, url, str(response.url), m.group(1) if m else None)


def _redirect_cause(hops: list[str]) -> str:
    """A chain that comes back on itself is a loop; otherwise it is only too long."""
    seen: dict[str, int] = {}
    for i, hop in enumerate(hops):
        if hop in seen:
            return f"redirect loop ({' -> '.join(hops[seen[hop]:i + 1])})"
        seen[hop] = i
    return f"too many redirects (more than {MAX_REDIRECTS})"


_INCOMPLETE = regex(r"received (\d+) bytes, expected (\d+)")
_ERRNO = regex(r"^\[Errno -?\d+\]\s*")  # "[Errno -2] Name or service not known": the words alone


def _network_cause(exc: BaseException) -> str:
    """Words for a transport failure, from the OS error underneath when there is one."""
    import httpx

    inner: Optional[BaseException] = exc
    while inner is not None and not isinstance(inner, OSError):
        inner = inner.__cause__ or inner.__context__
    detail = (inner.strerror if isinstance(inner, OSError) and inner.strerror else None) or str(exc) \
        or type(exc).__name__
    detail = _ERRNO.sub("", detail)
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
