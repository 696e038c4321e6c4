"""lxml helpers the cleaner's parts share: parsing and text (the class/id vocabulary is in body.py).

Everything here works on lxml trees directly; a BeautifulSoup tree would cost ~30x the
parse (see benchmarks/), so the hot path never builds one.
"""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from ..errors import CleanError
from ..patterns import regex

_XML_DECL = regex(r"^\s*<\?xml[^>]*\?>", re.I)
_XML_DECL_BYTES = regex(rb"^\s*<\?xml[^>]*\?>", re.I)
# Soft hyphens and zero-width spaces are noise in extracted text. The zero-width (non-)joiner is
# spelling in Persian, Kurdish and Indic scripts ("جان‌باختگان") and part of emoji sequences, so it
# stays after any character beyond Latin; after Latin letters it is only typesetting and goes.
_NOISE_CHARS = "\u00ad\u200b\u2060\ufeff"
_JOINERS = "\u200c\u200d"
_INVISIBLE = regex("[" + _NOISE_CHARS + r"]|(?<![^\x00-\u024f])[" + _JOINERS + "]")
_INVISIBLE_CHARS = _NOISE_CHARS + _JOINERS

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that start a new block of text when they appear inside a container.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "caption", "body", "html", "noscript",
})


def parse_document(html: str, source: str, utf8: Optional[bytes] = None) -> etree._Element:
    """Parse a whole page; an empty or tagless document is a CleanError, not a crash.

    A plain etree.HTMLParser, not lxml.html: lxml.html looks up a Python element class
    every time a node is touched, which costs more than the parse itself on a whole page.
    Comments and processing instructions are dropped by the parser, not walked later.
    `utf8`, the page's bytes when `html` is exactly them in UTF-8, is what is parsed then:
    libxml2 works in UTF-8, and handing it text costs a conversion of the whole page first.
    """
    html = _XML_DECL.sub("", html, count=1)
    if not html or html.isspace():  # (not html.strip(), which copies the whole page to say so)
        raise CleanError(source, "empty document")
    # huge_tree: past 256 levels of nesting (unclosed <div>s or <font>s) libxml2 would otherwise
    # stop and return an empty document; the scraper's size cap already bounds the input.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, no_network=True,
                              huge_tree=True, encoding="utf-8" if utf8 is not None else None)
    try:
        root = etree.fromstring(html if utf8 is None else _XML_DECL_BYTES.sub(b"", utf8, count=1), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise CleanError(source, f"not parseable as HTML ({exc})") from None
    if root is None or not isinstance(root.tag, str):
        raise CleanError(source, "not parseable as HTML")
    return root


def text_content(el: etree._Element) -> str:
    """All the text inside an element (not its tail), as lxml.html's text_content() gives it."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def norm(text: Optional[str]) -> str:
    """Collapse runs of spaces (keeping line breaks that <br> made) and drop invisible characters.

    str.split() already treats every Unicode space (no-break, thin, ideographic...) as
    whitespace, and isascii() is a flag lookup, so plain text pays for no regex at all.
    """
    if not text:
        return ""
    if not text.isascii() and any(c in text for c in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)  # the regex steps through every character: only where one is there
    if "\n" in text:
        return "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)
    return " ".join(text.split())


def raw_text(el: etree._Element) -> str:
    """The element's text as in the source, with "\\x00" where a <br> was."""
    parts: list[str] = []
    _collect(el, parts)
    return "".join(parts)


def text_of(el: etree._Element) -> str:
    """The element's text with <br> as a line break; everything else as it reads."""
    return norm(raw_text(el).replace("\n", " ").replace("\x00", "\n"))


def _collect(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag
    if tag == "br":
        parts.append("\x00")
    elif isinstance(tag, str) and el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def is_link(a: etree._Element, page_path: Optional[str] = None) -> bool:
    """An <a> that leads away from the page.

    A named anchor (<a name>) is a target, not a link; "#footnote-3" and a liveblog post's
    permalink ("?post=12#p12" or the page's own address) stay on the page, so their words
    count as the page's text, not as links to other pages. A bare "#", "javascript:" or an
    <a> without href is a script's button, and counts as a link.
    """
    href = a.get("href")
    if href is None:
        return a.get("name") is None  # a named anchor is a target; anything else a script's control
    href = href.strip()
    if href in ("", "#", "#!") or href.startswith("javascript:"):
        return True  # a control dressed as a link ("close", "next"): not the page's prose either
    if href[0] in "#?":
        return False
    path, _, query = (page_path or "").partition("?")
    if path and path != "/" and path in href:
        target, _, target_query = href.split("#", 1)[0].partition("?")
        if "//" in target:
            target = "/" + target.split("//", 1)[1].partition("/")[2]
        if target.rstrip("/") != path.rstrip("/"):
            return True
        # a page known by its query ("articleView.html?idxno=208417"): the same path with another id
        # is another article
        return bool(query) and not set(query.split("&")) <= set(target_query.split("&"))
    return True


def link_text_length(el: etree._Element, page_path: Optional[str] = None) -> int:
    return sum(len(norm(text_content(a))) for a in el.iter("a") if is_link(a, page_path))
