"""Bytes to text: BOM, then the HTTP header, then <meta>, then detection (see page_from_bytes)."""

from __future__ import annotations

import codecs
import functools
import re
from typing import Optional

from ..errors import ScrapeError
from ..models import Page
from ..patterns import regex

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


# --------------------------------------------------------------------------- charset

_META_CHARSET = regex(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
HEADER_CHARSET = regex(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)
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


# Control characters no text document holds (tab, line feed, vertical tab, form feed and carriage return are text).
_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def sniff_binary(data: bytes) -> Optional[str]:
    """Name what the bytes are if they are clearly not a text document."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if not any(head.startswith(bom) for bom, _ in _BOMS):
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not byte by byte
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


def page_from_bytes(data: bytes, source: str, url: Optional[str] = None,
                    header_charset: Optional[str] = None) -> Page:
    """Turn page bytes into a Page: BOM, then HTTP header charset, then <meta>, then detection.

    A declaration is trusted while the bytes agree with it. Bytes that are valid UTF-8 and
    not plain ASCII are UTF-8 whatever the label says (legacy text is practically never valid
    UTF-8 by accident, and servers defaulting to ISO-8859-1 mislabel UTF-8 pages daily);
    bytes invalid in a UTF-8 label fall to the page's <meta> if that fits, else are read as
    UTF-8 with cp1252 for the invalid bytes (the commonest mislabelling on the web).
    The Page keeps the bytes when they are its text's exact UTF-8, so that the cleaner parses
    them without converting the text back.
    """
    text, encoding, exact = _decode(data, source, header_charset)
    return Page(source=source, html=text, url=url, encoding=encoding, utf8=exact)


def _decode(data: bytes, source: str, header_charset: Optional[str]) -> tuple[str, str, Optional[bytes]]:
    """(text, charset, the bytes of the text when it is exactly them read as UTF-8)."""
    if not data.strip():
        raise ScrapeError(source, "empty document")
    what = sniff_binary(data)
    if what:
        raise ScrapeError(source, f"not an HTML page ({what})")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name.removesuffix("-le").removesuffix("-be"), None
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
        text = _strict(data, name) or data.decode("utf-8")
        return text, name, (data if text == data.decode("ascii") else None)  # (not so in UTF-7 or EBCDIC)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return utf8, "utf-8", data
    for name in declared:
        if name == "utf-8":
            continue
        text = _strict(data, name)
        if text is not None:
            return text, name, None
    if declared[:1] == ["utf-8"]:
        return _decode_mixed_utf8(data), "utf-8", None
    for name in declared:
        text = _nearly(data, name)
        if text is not None:
            return text, name, None
    return (*_detect(data), None)


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
