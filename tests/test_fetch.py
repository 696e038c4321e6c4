"""Fetching against a real HTTP server on 127.0.0.1: every case the web throws, one path each.

Each case in CASES runs through the command twice: alone (the document, or exactly one line
`sitrep-parse: URL: CAUSE` on stderr and exit code 1, no traceback, with the attempts the
server saw counted) and with all the others in one batch (every source accounted for in
JSONL, errors as records, exit code 1). Tests on the scraper itself check what it read:
the final URL, the encoding, the memory a bomb costs, the headers it sent, HTTP/2.
Timeouts and retries are given small values so the module runs in seconds.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import tracemalloc
import uuid
import zlib
from dataclasses import dataclass
from typing import Iterator, Optional

import brotli
import jsonschema
import pytest
from click.testing import CliRunner

from sitrep_parse import __version__
from sitrep_parse.cli import cli
from sitrep_parse.errors import ScrapeError
from sitrep_parse.models import FetchOptions
from sitrep_parse.output import schema
from sitrep_parse.scraper import load
from sitrep_parse.scraper.network import DEFAULT_USER_AGENT

from .conftest import FIXTURES
from .httpserver import Handler, LocalServer, TLSH2Server, make_certificate

CHARSET = FIXTURES / "charset"
CHARSET_CASES = json.loads((CHARSET / "cases.json").read_text(encoding="utf-8"))
MB = 1024 * 1024
BOMB_SIZE = 32 * MB  # decompressed size of the bombs; the tests cap at 1 MB

ARTICLE = ("<!DOCTYPE html><html><head><title>Flood update</title></head><body><article>"
           "<h1>Flood update</h1>"
           "<p>Rescuers reached the last village cut off by the flood on Tuesday, officials said.</p>"
           "<p>“We expect the water to fall by the weekend,” the regional governor told reporters.</p>"
           "<p>Power was restored to three districts by Wednesday morning.</p>"
           "</article></body></html>").encode("utf-8")
LEAD = "Rescuers reached the last village cut off by the flood"


def _gzip_bomb() -> bytes:
    c = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join([c.compress(b"<p>" + b" " * (MB - 3)) for _ in range(BOMB_SIZE // MB)] + [c.flush()])


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


# --------------------------------------------------------------------------- the server


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    gzip_bomb = _gzip_bomb()
    brotli_bomb = brotli.compress(b"<p>" + b" " * (BOMB_SIZE - 3), quality=1)
    attempts: dict[str, int] = {}

    def nth(h: Handler) -> int:
        """How many times this exact path was requested, this one included."""
        attempts[h.path] = attempts.get(h.path, 0) + 1
        return attempts[h.path]

    @srv.route("/page")
    def page(h: Handler) -> None:
        h.reply(200, ARTICLE)

    @srv.route("/redirect")
    def redirect(h: Handler) -> None:
        h.reply(302, b"", None, {"Location": "/hop"})

    @srv.route("/hop")
    def hop(h: Handler) -> None:
        h.reply(301, b"moved", None, {"Location": srv.url("/page")})

    @srv.route("/loop/a")
    def loop_a(h: Handler) -> None:
        h.reply(302, b"", None, {"Location": "/loop/b"})

    @srv.route("/loop/b")
    def loop_b(h: Handler) -> None:
        h.reply(302, b"", None, {"Location": "/loop/a"})

    @srv.route("/redirect-ftp")
    def redirect_ftp(h: Handler) -> None:
        h.reply(302, b"", None, {"Location": "ftp://files.example/report.pdf"})

    @srv.route("/slow-headers")
    def slow_headers(h: Handler) -> None:
        if not h.stopping(30):
            h.reply(200, ARTICLE)

    @srv.route("/slow-drip")
    def slow_drip(h: Handler) -> None:
        # Headers at once, then a byte at a time, each well within any read timeout; no end.
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(b"<html><body><p>")
        for _ in range(3000):
            if h.stopping(0.01):
                break
            h.wfile.write(b"x")
            h.wfile.flush()
        h.close_connection = True

    @srv.route("/retry-after/")
    def retry_after(h: Handler) -> None:
        if nth(h) == 1:
            h.reply(429, b"slow down", "text/plain", {"Retry-After": "0"})
        else:
            h.reply(200, ARTICLE)

    @srv.route("/retry-after-date/")
    def retry_after_date(h: Handler) -> None:
        if nth(h) == 1:
            h.reply(429, b"slow down", "text/plain", {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
        else:
            h.reply(200, ARTICLE)

    @srv.route("/retry-after-long")
    def retry_after_long(h: Handler) -> None:
        h.reply(429, b"come back later", "text/plain", {"Retry-After": "120"})

    @srv.route("/unavailable/")
    def unavailable(h: Handler) -> None:  # no Retry-After: the client's own backoff
        if nth(h) == 1:
            h.reply(503, b"busy")
        else:
            h.reply(200, ARTICLE)

    @srv.route("/always-503")
    def always_503(h: Handler) -> None:
        h.reply(503, b"busy", headers={"Retry-After": "0"})

    @srv.route("/503-then-slow/")
    def then_slow(h: Handler) -> None:
        if nth(h) == 1:
            h.reply(503, b"busy", headers={"Retry-After": "0"})
        elif not h.stopping(30):
            h.reply(200, ARTICLE)

    @srv.route("/big")
    def big(h: Handler) -> None:
        # Endless, with no length announced: only the client's cap can end it.
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"a" * 65533
        try:
            while not srv.stop.is_set():
                h.wfile.write(chunk)
        except OSError:
            srv.aborted.add("/big")
        h.close_connection = True

    @srv.route("/big-announced")
    def big_announced(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50 * MB))
        h.end_headers()
        h.wfile.write(b"<p>" * 1000)
        h.close_connection = True

    @srv.route("/pdf")
    def pdf(h: Handler) -> None:
        h.reply(200, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "application/pdf")

    @srv.route("/pdf-unlabelled")
    def pdf_unlabelled(h: Handler) -> None:
        h.reply(200, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "application/octet-stream")

    @srv.route("/image")
    def image(h: Handler) -> None:
        h.reply(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")

    @srv.route("/json")
    def json_route(h: Handler) -> None:
        h.reply(200, b'{"title": "not a page"}', "application/json")

    @srv.route("/gzip")
    def gzip_route(h: Handler) -> None:
        h.reply(200, gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"})

    @srv.route("/brotli")
    def brotli_route(h: Handler) -> None:
        h.reply(200, brotli.compress(ARTICLE), headers={"Content-Encoding": "br"})

    @srv.route("/deflate")
    def deflate(h: Handler) -> None:
        h.reply(200, zlib.compress(ARTICLE), headers={"Content-Encoding": "deflate"})

    @srv.route("/deflate-raw")
    def deflate_raw(h: Handler) -> None:
        h.reply(200, _raw_deflate(ARTICLE), headers={"Content-Encoding": "deflate"})

    @srv.route("/gzip-bomb")
    def gzip_bomb_route(h: Handler) -> None:
        h.reply(200, gzip_bomb, headers={"Content-Encoding": "gzip"})

    @srv.route("/brotli-bomb")
    def brotli_bomb_route(h: Handler) -> None:
        h.reply(200, brotli_bomb, headers={"Content-Encoding": "br"})

    @srv.route("/corrupt-gzip")
    def corrupt_gzip(h: Handler) -> None:
        h.reply(200, b"\x1f\x8b\x08\x00" + bytes(range(200)), headers={"Content-Encoding": "gzip"})

    @srv.route("/zstd")
    def zstd(h: Handler) -> None:  # not offered in Accept-Encoding, sent anyway
        h.reply(200, b"(\xb5/\xfd" + bytes(40), headers={"Content-Encoding": "zstd"})

    @srv.route("/bogus-encoding")
    def bogus_encoding(h: Handler) -> None:  # a misconfigured server: the body is not encoded at all
        h.reply(200, ARTICLE, headers={"Content-Encoding": "utf-8"})

    @srv.route("/empty")
    def empty(h: Handler) -> None:
        h.reply(200, b"")

    @srv.route("/truncated")
    def truncated(h: Handler) -> None:
        h.raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" + (ARTICLE + b" " * 1000)[:1000])

    @srv.route("/hang-up")
    def hang_up(h: Handler) -> None:
        h.raw(b"")

    @srv.route("/404")
    def not_found(h: Handler) -> None:
        h.reply(404, b"<html><body><h1>Not here</h1></body></html>")

    @srv.route("/404-no-reason")
    def not_found_bare(h: Handler) -> None:
        h.raw(b"HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n")

    @srv.route("/410")
    def gone(h: Handler) -> None:
        h.reply(410, b"")

    @srv.route("/charset/")
    def charset(h: Handler) -> None:
        case = CHARSET_CASES[int(h.path.rsplit("/", 1)[1])]
        h.reply(200, (CHARSET / case["file"]).read_bytes(), case["content_type"])

    srv.start()
    yield srv
    srv.close()


@dataclass(frozen=True)
class Case:
    """One URL path and what fetching it must give, with these options.

    `cause` (None: a document with `text` in it) may name {timeout}; `core` is the part of
    the cause that does not depend on the options, checked in the batch run.
    """

    path: str
    cause: Optional[str] = None
    timeout: float = 2.0
    retries: int = 2
    max_bytes: int = MB
    hits: Optional[int] = None  # requests the server must have seen for this path
    text: str = LEAD
    core: Optional[str] = None

    @property
    def id(self) -> str:
        return self.path.strip("/").replace("/", "-").removesuffix("-{token}")

    def url(self, server: LocalServer) -> str:
        return server.url(self.path.replace("{token}", uuid.uuid4().hex))

    def options(self) -> FetchOptions:
        return FetchOptions(timeout=self.timeout, retries=self.retries, max_bytes=self.max_bytes)

    def args(self) -> list[str]:
        return ["--timeout", str(self.timeout), "--retries", str(self.retries), "--max-bytes", str(self.max_bytes)]

    def message(self, timeout: Optional[float] = None) -> str:
        return (self.cause or "").format(timeout=f"{self.timeout if timeout is None else timeout:g}")


TIMED_OUT = "timed out after {timeout} s (--timeout)"
INCOMPLETE = "connection closed before the page was complete (received 1,000 of 100,000 bytes)"

CASES = [
    Case("/page", hits=1),
    Case("/redirect"),
    Case("/loop/a", "redirect loop (", hits=6),
    Case("/redirect-ftp", "redirected to an address that is not a web page (ftp://files.example/report.pdf)",
         hits=1),
    Case("/slow-headers", TIMED_OUT, timeout=0.3, hits=1),
    Case("/slow-drip", TIMED_OUT, timeout=0.3, hits=1),
    Case("/retry-after/{token}", hits=2),
    Case("/retry-after-date/{token}", hits=2),
    Case("/retry-after-long", "429 Too Many Requests (the server asked to retry after 120 s, "
                              "beyond the {timeout} s --timeout)", hits=1),
    Case("/unavailable/{token}", hits=2),
    Case("/always-503", "gave up after 3 attempts: 503 Service Unavailable", hits=3),
    Case("/503-then-slow/{token}", TIMED_OUT, timeout=0.8, retries=5, hits=2),
    Case("/big", "larger than the 1 MB limit (--max-bytes)", hits=1),
    Case("/big-announced", "larger than the 1 MB limit (--max-bytes; the server announced 50 MB)", hits=1),
    Case("/pdf", "not an HTML page (application/pdf)"),
    Case("/pdf-unlabelled", "not an HTML page (a PDF document)"),
    Case("/image", "not an HTML page (image/png)"),
    Case("/json", "not an HTML page (application/json)"),
    Case("/gzip"),
    Case("/brotli"),
    Case("/deflate"),
    Case("/deflate-raw"),
    Case("/gzip-bomb", "decompresses to more than the 1 MB limit (--max-bytes)"),
    Case("/brotli-bomb", "decompresses to more than the 1 MB limit (--max-bytes)"),
    Case("/corrupt-gzip", "corrupt gzip data"),
    Case("/zstd", "unsupported Content-Encoding 'zstd'"),
    Case("/bogus-encoding"),
    Case("/empty", "empty document"),
    Case("/truncated", INCOMPLETE, retries=0, hits=1),
    Case("/truncated", "gave up after 2 attempts: " + INCOMPLETE, retries=1, hits=2, core=INCOMPLETE),
    # the first backoff (0.5 s or more) does not fit in what is left of 0.45 s: no second attempt
    Case("/truncated", "gave up after 1 attempt within the {timeout} s --timeout: " + INCOMPLETE,
         timeout=0.45, retries=3, hits=1, core=INCOMPLETE),
    Case("/hang-up", "the server closed the connection without responding", retries=0),
    Case("/404", "404 Not Found", hits=1),
    Case("/404-no-reason", "404 Not Found"),
    Case("/410", "410 Gone"),
] + [Case(f"/charset/{i}", text=c["expect"]) for i, c in enumerate(CHARSET_CASES)]
BATCH_TIMEOUT = 1.5  # room for a 0.5-0.625 s backoff on a busy machine


def _ids(cases: list[Case]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for c in cases:
        seen[c.id] = seen.get(c.id, 0) + 1
        out.append(c.id if seen[c.id] == 1 else f"{c.id}-{seen[c.id]}")
    return out


# --------------------------------------------------------------------------- the scraper


def test_redirect_records_the_final_url(server: LocalServer) -> None:
    page = load(server.url("/redirect"), FetchOptions(timeout=2))
    assert page.source == server.url("/redirect")
    assert page.url == server.url("/page")
    assert server.requests_to("/hop")  # both hops were followed


def test_redirect_loop_names_the_loop(server: LocalServer) -> None:
    with pytest.raises(ScrapeError) as info:
        load(server.url("/loop/a"), FetchOptions(timeout=2))
    assert f"{server.url('/loop/a')} -> {server.url('/loop/b')} -> {server.url('/loop/a')}" in info.value.cause


def test_timeout_is_not_retried(server: LocalServer) -> None:
    """--timeout bounds the whole fetch: once it has passed there is no further attempt."""
    before = len(server.requests_to("/slow-headers"))
    with pytest.raises(ScrapeError, match="timed out"):
        load(server.url("/slow-headers"), FetchOptions(timeout=0.3, retries=5))
    assert len(server.requests_to("/slow-headers")) - before == 1


def test_body_cap_stops_reading(server: LocalServer) -> None:
    """The endless body ends only because the client hung up at the cap."""
    server.aborted.discard("/big")
    with pytest.raises(ScrapeError, match="larger than the 1 MB limit"):
        load(server.url("/big"), FetchOptions(timeout=5, max_bytes=MB))
    for _ in range(100):
        if "/big" in server.aborted:
            break
        server.stop.wait(0.02)
    assert "/big" in server.aborted


@pytest.mark.parametrize("path", ["/gzip-bomb", "/brotli-bomb"])
def test_compression_bomb_costs_about_the_cap(server: LocalServer, path: str) -> None:
    """32 MB behind a Content-Encoding: memory stays near the 1 MB cap, not the bomb's size."""
    load(server.url("/page"), FetchOptions(timeout=5))  # one-off costs (TLS context, imports) before measuring
    tracemalloc.start()
    try:
        with pytest.raises(ScrapeError, match="decompresses to more than the 1 MB limit"):
            load(server.url(path), FetchOptions(timeout=5, max_bytes=MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 6 * MB, f"peak {peak / MB:.1f} MB"


def test_user_agent_and_accepted_encodings(server: LocalServer) -> None:
    load(server.url("/page"), FetchOptions(timeout=2))
    sent = server.requests_to("/page")[-1].headers
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert sent["user-agent"] == f"sitrep-parse/{__version__}"
    assert {e.strip() for e in sent["accept-encoding"].split(",")} == {"gzip", "deflate", "br"}
    assert "text/html" in sent["accept"]


def test_user_agent_option(server: LocalServer) -> None:
    result = CliRunner().invoke(cli, [server.url("/page"), "--user-agent", "analyst-desk/2.0", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert server.requests_to("/page")[-1].headers["user-agent"] == "analyst-desk/2.0"


@pytest.mark.parametrize("url, cause", [
    ("http://", "invalid URL (no host name)"),
    ("https:///path", "invalid URL (no host name)"),
    ("http://[::1", "invalid URL (Invalid port: ':1')"),
])
def test_invalid_url(url: str, cause: str) -> None:
    with pytest.raises(ScrapeError) as info:
        load(url, FetchOptions(timeout=2, retries=0))
    assert info.value.cause == cause


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    with pytest.raises(ScrapeError) as info:
        load(f"http://127.0.0.1:{port}/", FetchOptions(timeout=2, retries=0))
    assert info.value.cause == "cannot connect (Connection refused)"


@pytest.mark.parametrize("i", range(len(CHARSET_CASES)), ids=[c["file"] for c in CHARSET_CASES])
def test_charset_encoding_reported(server: LocalServer, i: int) -> None:
    case = CHARSET_CASES[i]
    page = load(server.url(f"/charset/{i}"), FetchOptions(timeout=2))
    assert page.encoding == case["encoding"]


# --------------------------------------------------------------------------- HTTP/2


@pytest.fixture(scope="module")
def h2_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TLSH2Server]:
    pair = make_certificate(tmp_path_factory.mktemp("tls"))
    if pair is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    srv = TLSH2Server(*pair, responses={
        "/page": (200, [("content-type", "text/html; charset=utf-8")], ARTICLE),
        "/missing": (404, [("content-type", "text/html")], b"<p>gone</p>"),
    }).start()
    srv.cert = pair[0]
    yield srv
    srv.close()


def test_http2_where_the_server_offers_it(h2_server: TLSH2Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(h2_server.cert))  # trust the test certificate (httpx trust_env)
    page = load(h2_server.url("/page"), FetchOptions(timeout=5))
    assert LEAD in page.html
    assert h2_server.protocols[-1] == "h2"
    with pytest.raises(ScrapeError) as info:  # HTTP/2 has no reason phrase on the wire
        load(h2_server.url("/missing"), FetchOptions(timeout=5))
    assert info.value.cause == "404 Not Found"


def test_untrusted_certificate_is_a_clear_error(h2_server: TLSH2Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    with pytest.raises(ScrapeError) as info:
        load(h2_server.url("/page"), FetchOptions(timeout=5, retries=0))
    assert info.value.cause == "cannot connect: TLS certificate not trusted (self-signed certificate)"


# --------------------------------------------------------------------------- the command, one URL


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_one_url(server: LocalServer, case: Case) -> None:
    """The command on one URL: the document, or one line `sitrep-parse: URL: CAUSE` and exit 1."""
    url = case.url(server)
    before = len(server.requests_to(_path(url)))
    result = run(url, "-f", "json", *case.args())
    assert "Traceback" not in result.output
    if case.hits is not None:  # attempts and redirects, as the server saw them
        assert len(server.requests_to(_path(url))) - before == case.hits
    if case.cause is None:
        assert result.exit_code == 0, result.stderr
        doc = json.loads(result.stdout)
        assert doc["source"] == url
        assert case.text in doc["text"]
        assert result.stderr == ""
    else:
        assert result.exit_code == 1
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"sitrep-parse: {url}: ")
        assert case.message() in lines[0]


def test_cli_redirect_url_in_document(server: LocalServer) -> None:
    result = run(server.url("/redirect"), "-f", "json", "--timeout", "2")
    doc = json.loads(result.stdout)
    assert doc["source"] == server.url("/redirect")
    assert doc["url"] == server.url("/page")  # the page has no canonical link: the final URL


def test_cli_debug_shows_the_traceback(server: LocalServer) -> None:
    url = server.url("/truncated")
    plain = run(url, "--retries", "0", "--timeout", "2")
    debug = run(url, "--retries", "0", "--timeout", "2", "--debug")
    assert "Traceback" not in plain.stderr
    assert "Traceback" in debug.stderr and "RemoteProtocolError" in debug.stderr
    assert debug.stderr.splitlines()[-1] == plain.stderr.strip()
    assert plain.exit_code == debug.exit_code == 1


# --------------------------------------------------------------------------- the command, a batch


BATCH = list({c.path: c for c in reversed(CASES)}.values())[::-1]  # one case per path


def test_cli_batch_accounts_for_every_source(server: LocalServer) -> None:
    """Every path in one call, in worker processes as by default: each source has its line, in order."""
    urls = [c.url(server) for c in BATCH]
    result = run(*urls, "-j", "4", "--timeout", str(BATCH_TIMEOUT), "--retries", "2", "--max-bytes", str(MB))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == urls
    stderr = result.stderr.splitlines()
    for case, url, record in zip(BATCH, urls, records):
        jsonschema.validate(record, schema())
        if case.cause is None:
            assert "error" not in record, record
            assert case.text in record["text"]
        else:
            assert set(record) == {"source", "error"}
            assert record["error"]["type"] == "ScrapeError"
            message = record["error"]["message"]
            expected = case.core or case.message(BATCH_TIMEOUT)
            assert expected in message, (url, message)
            assert f"sitrep-parse: {url}: {message}" in stderr
    assert "Traceback" not in result.stderr
    failures = sum(1 for c in BATCH if c.cause)
    assert stderr[-1].startswith(f"sitrep-parse: {len(BATCH) - failures} parsed, {failures} failed")
    assert len(stderr) == failures + 1


def test_batch_in_worker_processes(server: LocalServer) -> None:
    """The real command as installed: errors in place in JSONL and on stderr, exit 1."""
    urls = [server.url("/gzip"), server.url("/404"), server.url("/charset/7"), server.url("/pdf")]
    proc = subprocess.run([sys.executable, "-m", "sitrep_parse", *urls, "-j", "1", "--timeout", "5"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in records] == urls
    assert [("error" in r) for r in records] == [False, True, False, True]
    assert records[1]["error"]["message"] == "404 Not Found"
    assert "Traceback" not in proc.stderr
    assert f"sitrep-parse: {urls[3]}: not an HTML page (application/pdf)" in proc.stderr.splitlines()
