"""Decompression that never holds more than --max-bytes: gzip, deflate and brotli, in files and in HTTP bodies."""

from __future__ import annotations

import zlib
from typing import Iterable

from ..errors import ScrapeError


def size_text(n: int) -> str:
    """"10 MB" or "1,234 bytes": sizes in messages."""
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 else f"{n:,} bytes"


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip bytes already in memory, stopping at the cap like every other read."""
    decoder = Decoder(["gzip"], source, max_bytes)
    out = decoder.feed(data)
    decoder.finish()
    return out


class _TooLarge(Exception):
    """A decompressor reached the cap."""


class _Corrupt(Exception):
    """A decompressor met bytes that are not its format (the message names the format)."""


_UNSUPPORTED_CODINGS = frozenset({"zstd", "compress", "x-compress", "dcb", "dcz", "pack200-gzip", "exi"})


class Decoder:
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
                raise ScrapeError(self.source, f"larger than the {size_text(self.limit)} limit (--max-bytes)")
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
        return ScrapeError(self.source, f"decompresses to more than the {size_text(self.limit)} limit (--max-bytes)")


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
