"""Stage 2: from a page's HTML to the article body and its metadata.

    clean(page) -> Article

Order matters: metadata is read from the untouched tree (JSON-LD lives in <script>,
bylines in furniture the body rules drop); liveblog posts are found before furniture
removal (their times sit in "timestamp" headers); then furniture goes, the body is
located by text density, turned into blocks, and the blocks are tidied of what only a
reader's eye filters out (the headline repeated, the byline, "Advertisement").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ..errors import CleanError
from ..models import Article, Block, Metadata, Page
from .blocks import build_blocks, find_entries
from .body import locate, strip_never_content
from .dom import parse_document
from .metadata import extract_metadata

__all__ = ["clean"]

# Standalone labels that are furniture in any article, in the languages we meet most.
_LABEL = re.compile(
    r"^(?:advertisement|advertising|advert|ads?|advertorial|anzeige|werbung|publicité|publicidad|publicidade|"
    r"pubblicità|reklama|реклама|annons|annonce|anuncio|"
    r"sponsored( content)?|story continues below( advertisement)?|article continues below|"
    r"continue reading( below)?|scroll to continue|read more|weiterlesen|lire la suite|leer más|leia mais|"
    r"don'?t miss:?|see also:?|most read|trending( now)?|"
    r"share( this( article| story)?)?:?|teilen|partager|compartir|related( articles| stories)?:?|"
    r"(sign up|subscribe)( now| here| today)?\.?|skip to main content|back to top|"
    r"(photo|image|video|foto|bild)( credit)?:.{0,80})$",
    re.I,
)
# A tag printed as text (a page that escaped its own <noscript> markup), not prose.
_MARKUP = re.compile(r"""^<[a-z][a-z0-9]*(?:\s+[a-z_:][-a-z0-9_:.]*(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*"""
                     r"""\s+[a-z_:][-a-z0-9_:.]*=(?:"[^"]*"|'[^']*'|[^\s"'>]+)\s*/?>$""", re.I)
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|aktualisiert|veröffentlicht|publié|mis à jour|actualizado)"
    r"\s*(?:on|at|:)?\s*)?[\w ,.:/+\-–]{0,60}\b(?:19|20)\d\d\b[\w ,.:/+\-–()]{0,40}$",
    re.I,
)


def clean(page: Page) -> Article:
    root = parse_document(page.html, page.source)
    metadata = extract_metadata(root, page.url)
    posts = find_entries(root)  # before scripts go: it reads the liveBlogUpdate JSON-LD
    strip_never_content(root)
    parts = locate(root)
    blocks, entries = build_blocks(parts, posts)
    blocks = list(tidy(blocks, metadata))
    if not blocks:
        raise CleanError(page.source, "no article text found in the page")
    return Article(
        source=page.source,
        url=metadata.url or page.url,
        metadata=metadata,
        blocks=tuple(blocks),
        entries=tuple(entries),
    )


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def tidy(blocks: list[Block], metadata: Metadata) -> Iterable[Block]:
    """Drop the headline repeated at the top, bylines, datelines and standalone furniture labels."""
    title = _fold(metadata.title or "")
    authors = {_fold(a) for a in metadata.authors}
    seen_prose = False
    carry_break = False  # a dropped block passes its <hr> on to the next kept one
    for block in blocks:
        text = block.text
        short = len(text) < 160  # labels, bylines and headlines are short; prose is not re-examined
        drop = short and (not _fold(text) or bool(_LABEL.match(text)) or bool(_MARKUP.match(text)))
        if not drop and not seen_prose and short:
            folded = _fold(text)
            drop = bool(title and (folded == title or (block.type == "heading" and block.level == 1))) or (
                len(text) < 120 and (_is_byline(text, authors) or bool(_DATELINE.match(text))))
        if drop:
            carry_break = carry_break or block.after_break
            continue
        if carry_break and not block.after_break:
            block = replace(block, after_break=True)
        carry_break = False
        if block.type != "heading" and len(text) >= 80:
            seen_prose = True
        yield block


def _is_byline(text: str, authors: set[str]) -> bool:
    folded = _fold(text)
    if re.match(r"^(?:by|von|par|por|di|door|av|af)\s", folded):
        return True
    return bool(authors) and any(a and folded.startswith(a) for a in authors) and len(folded) < 80
