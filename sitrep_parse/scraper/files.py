"""Saved pages: files and standard input, read up to the size cap (gzip by its magic bytes)."""

from __future__ import annotations

import os
from typing import BinaryIO, Union

from ..errors import ScrapeError
from .compression import Decoder, size_text


def read_file(path: Union[str, os.PathLike], source: str, max_bytes: int) -> bytes:
    """Read a saved page; gzip is recognised by its magic bytes, not only by the name.

    os.path, not pathlib: pathlib's import (~5 ms) would be most of this module's share of every start-up.
    """
    try:
        if os.path.isdir(path):
            raise ScrapeError(source, "is a directory (give it as a batch source to parse the pages in it)")
        with open(path, "rb") as fh:
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
        decoder = Decoder(["gzip"], source, max_bytes)
        out = bytearray(decoder.feed(head))
        while chunk := fh.read(65536):
            out += decoder.feed(chunk)
        decoder.finish()
        return bytes(out)
    data = head + fh.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        raise ScrapeError(source, f"larger than the {size_text(max_bytes)} limit (--max-bytes)")
    return data
