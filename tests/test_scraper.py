"""Reading saved pages: the charset rules without an HTTP header, and the size cap on files.

The pages in fixtures/charset/ are real bytes in real charsets (made by
fixtures/charset/make_fixtures.py); cases.json says what each must decode to. The HTTP
side of the same rules is in test_fetch.py.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib

import pytest
from click.testing import CliRunner
from lxml import etree

from sitrep_parse.cleaner.dom import parse_document
from sitrep_parse.cli import cli
from sitrep_parse.errors import ScrapeError
from sitrep_parse.models import FetchOptions
from sitrep_parse.scraper import gunzip, load, page_from_bytes, read_stream

from .conftest import FIXTURES

CHARSET = FIXTURES / "charset"
FILE_CASES = [c for c in json.loads((CHARSET / "cases.json").read_text(encoding="utf-8")) if c["as_file"]]
MB = 1024 * 1024


@pytest.mark.parametrize("case", FILE_CASES, ids=[c["file"] for c in FILE_CASES])
def test_saved_page_charset(case: dict) -> None:
    page = load(str(CHARSET / case["file"]))
    assert case["expect"] in page.html
    assert "\ufffd" not in page.html
    assert page.encoding == case["encoding"]


@pytest.mark.parametrize("case", FILE_CASES, ids=[c["file"] for c in FILE_CASES])
def test_saved_page_charset_through_the_command(case: dict) -> None:
    result = CliRunner().invoke(cli, [str(CHARSET / case["file"]), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert case["expect"] in json.loads(result.stdout)["text"]


def test_gzipped_saved_page_keeps_its_charset(tmp_path) -> None:
    case = next(c for c in FILE_CASES if c["file"] == "meta-shift-jis.html")
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((CHARSET / case["file"]).read_bytes()))
    loaded = load(str(page))
    assert case["expect"] in loaded.html and loaded.encoding == "cp932"


def test_stdin_follows_the_same_rules() -> None:
    data = (CHARSET / "cp1252-labelled-utf8.html").read_bytes()
    result = CliRunner().invoke(cli, ["-", "-f", "json"], input=data)
    assert result.exit_code == 0
    assert "Le café “Crème” a rouvert mardi — les naïfs ont payé 5 €" in json.loads(result.stdout)["text"]


# --------------------------------------------------------------------------- charset rules


def _decoded(data: bytes, header_charset: str | None = None) -> tuple[str, str | None]:
    page = page_from_bytes(data, "x", header_charset=header_charset)
    return page.html, page.encoding


def test_header_charset_beats_meta() -> None:
    html = '<meta charset="windows-1251"><p>Пример</p>'
    data = html.encode("koi8-r")
    assert _decoded(data, "koi8-r") == (html, "koi8-r")


def test_bom_beats_header_and_meta() -> None:
    html = '<meta charset="koi8-r"><p>Київ</p>'
    data = codecs.BOM_UTF8 + html.encode("utf-8")
    assert _decoded(data, "windows-1252") == (html, "utf-8")


def test_utf16_label_without_bom_is_read_as_utf8() -> None:
    html = '<meta charset="utf-16"><p>café</p>'
    assert _decoded(html.encode("utf-8")) == (html, "utf-8")


def test_cp1252_undefined_bytes_never_fail() -> None:
    """0x81, 0x8D, 0x8F, 0x90 and 0x9D have no cp1252 character; browsers show C1 controls."""
    data = b'<meta charset="windows-1252"><p>caf\xe9 \x81\x9d</p>'
    html, encoding = _decoded(data)
    assert encoding == "cp1252" and "café \x81\x9d" in html


def test_a_few_stray_bytes_keep_the_declared_charset() -> None:
    text = "東京都は月曜日、台風の接近に伴い避難指示を出したと発表した。" * 20
    data = f'<meta charset="shift_jis"><p>{text}</p>'.encode("cp932") + b"\x81\xff<p>end</p>"
    html, encoding = _decoded(data)
    assert encoding == "cp932" and text in html


@pytest.mark.parametrize("data, keeps", [
    ('<meta charset="iso-8859-1"><p>Le café “Crème”</p>'.encode("utf-8"), True),  # valid UTF-8 is UTF-8
    (b'<meta charset="windows-1252"><p>plain ASCII</p>', True),
    (b'<meta charset="windows-1252"><p>caf\xe9</p>', False),  # cp1252: the bytes are not the text's UTF-8
    (b'<meta charset="utf-8"><p>caf\xc3\xa9 et caf\xe9</p>', False),  # UTF-8 with a stray cp1252 byte
    (codecs.BOM_UTF8 + b"<p>caf\xc3\xa9</p>", False),
])
def test_a_page_keeps_its_bytes_only_when_they_are_its_utf8(data: bytes, keeps: bool) -> None:
    page = page_from_bytes(data, "x")
    assert (page.utf8 is data) is keeps
    assert page.utf8 is None or page.utf8.decode("utf-8") == page.html


@pytest.mark.parametrize("declaration, head", [
    ("", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
    ("", '<meta charset="windows-1252">'),
    ('<?xml version="1.0" encoding="iso-8859-1"?>\n', ""),
])
def test_parsing_the_kept_bytes_gives_the_tree_the_text_gives(declaration: str, head: str) -> None:
    """The parser is told UTF-8: neither a wrong <meta> nor an XML declaration may re-decode the bytes
    (each of these pages is misread when the parser is not told: the test fails then)."""
    html = f"{declaration}<html><head>{head}</head><body><p>Київ: «café» — 5 €, 東京 🌊</p></body></html>"
    page = page_from_bytes(html.encode("utf-8"), "x")
    assert page.utf8 is not None
    from_bytes = etree.tostring(parse_document(page.html, "x", page.utf8), encoding="unicode")
    assert from_bytes == etree.tostring(parse_document(page.html, "x"), encoding="unicode")
    assert "<p>Київ: «café» — 5 €, 東京 🌊</p>" in from_bytes


@pytest.mark.parametrize("data, cause", [
    (b"", "empty document"),
    (b"  \n\t ", "empty document"),
    (b"%PDF-1.4\n%\xe2\xe3", "not an HTML page (a PDF document)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(32), "not an HTML page (a PNG image)"),
    (bytes(range(256)) * 4, "not an HTML page (binary data)"),
])
def test_not_a_page(data: bytes, cause: str) -> None:
    with pytest.raises(ScrapeError) as info:
        page_from_bytes(data, "page.html")
    assert info.value.cause == cause


# --------------------------------------------------------------------------- size cap and gzip


def _bomb(size: int) -> bytes:
    c = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join([c.compress(b" " * MB) for _ in range(size // MB)] + [c.flush()])


def test_gzip_bomb_in_a_saved_page(tmp_path) -> None:
    page = tmp_path / "bomb.html.gz"
    page.write_bytes(_bomb(64 * MB))  # 64 MB in about 280 KB
    with pytest.raises(ScrapeError) as info:
        load(str(page), FetchOptions(max_bytes=MB))
    assert info.value.cause == "decompresses to more than the 1 MB limit (--max-bytes)"
    result = CliRunner().invoke(cli, [str(page), "--max-bytes", "1M"])
    assert result.exit_code == 1
    assert result.stderr == f"sitrep-parse: {page}: decompresses to more than the 1 MB limit (--max-bytes)\n"


def test_gzip_bomb_read_stops_at_the_cap() -> None:
    """The compressed stream is read only as far as the cap needs, not to its end."""
    stream = io.BytesIO(_bomb(64 * MB))
    with pytest.raises(ScrapeError, match="decompresses to more than"):
        read_stream(stream, "-", MB)
    assert stream.tell() < len(stream.getvalue()) / 4


def test_plain_file_past_the_cap(tmp_path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<p>" + b"a" * (2 * MB))
    with pytest.raises(ScrapeError) as info:
        load(str(page), FetchOptions(max_bytes=MB))
    assert info.value.cause == "larger than the 1 MB limit (--max-bytes)"


def test_gzip_exactly_at_the_cap_is_fine() -> None:
    data = b"<p>" + b"a" * (MB - 3)
    assert gunzip(gzip.compress(data), "x", MB) == data
    with pytest.raises(ScrapeError, match="more than the 1 MB limit"):
        gunzip(gzip.compress(data + b"a"), "x", MB)


def test_concatenated_gzip_members() -> None:
    assert gunzip(gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>"), "x", MB) == b"<p>one</p><p>two</p>"


@pytest.mark.parametrize("data, cause", [
    (gzip.compress(b"<p>" + b"a" * 5000)[:-20], "corrupt gzip data (truncated)"),
    (b"\x1f\x8b" + b"not gzip at all", "corrupt gzip data"),
])
def test_corrupt_gzip(tmp_path, data: bytes, cause: str) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(data)
    with pytest.raises(ScrapeError) as info:
        load(str(page))
    assert info.value.cause == cause


@pytest.mark.parametrize("source", ["ftp://example.org/page.html", "file:///tmp/page.html", "s3://bucket/page.html"])
def test_an_address_that_is_not_http_is_named_as_such(source) -> None:
    with pytest.raises(ScrapeError, match=r"unsupported URL scheme \(\w+:\); only http and https are fetched"):
        load(source)
