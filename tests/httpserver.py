"""A real HTTP server on 127.0.0.1 for the fetch tests: one path per behaviour, no mocks.

`LocalServer` runs http.server in a thread on a free port. Each route is a function that
writes the response itself (through the handler, or raw bytes on the socket when the
point is a broken response), so every case is what a client meets on the wire. The
server records every request (path and headers) so tests can check what the client sent
and how many attempts it made.

`TLSH2Server` is the same idea over TLS speaking only HTTP/2 (ALPN "h2"), with the `h2`
state machine httpx itself depends on; its certificate is made by the openssl command.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

Route = Callable[["Handler"], None]


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        self.server.owner._record(Seen(path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.owner.find(path)
        if route is None:
            self.reply(404, b"<html><body><p>no such test route</p></body></html>")
            return
        route(self)

    # ---- helpers for routes

    def reply(self, status: int, body: bytes = b"", content_type: Optional[str] = "text/html; charset=utf-8",
              headers: Optional[dict[str, str]] = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def raw(self, data: bytes) -> None:
        """Bytes straight onto the socket, then close: for responses no well-behaved server sends."""
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True

    def stopping(self, seconds: float) -> bool:
        """Sleep, but wake at once when the server shuts down; True if it is shutting down."""
        return self.server.owner.stop.wait(seconds)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: "LocalServer"

    def handle_error(self, request, client_address) -> None:
        # A client that hangs up mid-response (the point of several tests) is not an error.
        pass


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.prefixes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.aborted: set[str] = set()  # routes that saw the client hang up (routes add themselves)
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def close(self) -> None:
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str) -> Callable[[Route], Route]:
        """Register a route; a path ending in "/" also serves everything under it."""
        def register(fn: Route) -> Route:
            (self.prefixes if path.endswith("/") else self.routes)[path] = fn
            return fn
        return register

    def find(self, path: str) -> Optional[Route]:
        if path in self.routes:
            return self.routes[path]
        for prefix in sorted(self.prefixes, key=len, reverse=True):
            if path.startswith(prefix):
                return self.prefixes[prefix]
        return None

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def requests_to(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path == path]


# --------------------------------------------------------------------------- HTTP/2 over TLS


def make_certificate(folder: Path) -> Optional[tuple[Path, Path]]:
    """A self-signed certificate for 127.0.0.1, or None where the openssl command is missing."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key),
                        "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return cert, key


class TLSH2Server:
    """Answers every request over HTTP/2 only: `responses` maps a path to (status, headers, body)."""

    def __init__(self, cert: Path, key: Path, responses: dict[str, tuple[int, list[tuple[str, str]], bytes]]) -> None:
        self.responses = responses
        self.protocols: list[Optional[str]] = []
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(str(cert), str(key))
        self.context.set_alpn_protocols(["h2"])
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"

    def start(self) -> "TLSH2Server":
        self.thread.start()
        return self

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._connection, args=(conn,), daemon=True).start()

    def _connection(self, conn: socket.socket) -> None:
        import h2.config
        import h2.connection
        import h2.events

        try:
            conn.settimeout(5)
            tls = self.context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError):
            conn.close()
            return
        self.protocols.append(tls.selected_alpn_protocol())
        h2conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False))
        h2conn.initiate_connection()
        try:
            tls.sendall(h2conn.data_to_send())
            while not self.stop.is_set():
                data = tls.recv(65536)
                if not data:
                    break
                for event in h2conn.receive_data(data):
                    if isinstance(event, h2.events.RequestReceived):
                        path = dict((k.decode() if isinstance(k, bytes) else k, v.decode() if isinstance(v, bytes) else v)
                                    for k, v in event.headers)[":path"]
                        status, headers, body = self.responses.get(path, (404, [], b""))
                        h2conn.send_headers(event.stream_id, [(":status", str(status)), *headers,
                                                              ("content-length", str(len(body)))])
                        h2conn.send_data(event.stream_id, body, end_stream=True)
                    elif isinstance(event, h2.events.ConnectionTerminated):
                        return
                tls.sendall(h2conn.data_to_send())
        except (OSError, ssl.SSLError):
            pass
        finally:
            tls.close()
