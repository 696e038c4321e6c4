"""The data that passes between pipeline stages.

Every stage takes one of these and returns the next; all are frozen so a stage can never
change what an earlier one produced, and all are plain data so they pickle cheaply into
and out of batch worker processes.

    Page      scraper -> cleaner     decoded HTML and where it came from
    Article   cleaner -> extractor   metadata + the article body as a sequence of Blocks
    Document  extractor -> output    the body with roles, updates and quotes
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

BlockType = Literal["paragraph", "heading", "blockquote", "list_item", "table", "preformatted"]
Role = Literal["update", "statement", "report", "background"]
QuoteKind = Literal["inline", "block"]


@dataclass(frozen=True, slots=True)
class Page:
    """What the scraper read: the HTML as text, ready for parsing."""

    source: str  # the URL, path or "-" exactly as the user gave it
    html: str
    url: Optional[str] = None  # where the page lives: final URL after redirects, or --url
    encoding: Optional[str] = None  # the charset the bytes were decoded with
    # The bytes themselves when `html` is exactly them read as UTF-8 (most pages): the parser reads
    # them as they are, where text would cost libxml2 a conversion back (~4% of a page's work).
    utf8: Optional[bytes] = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the article, taken from JSON-LD, OpenGraph, <meta>, <time> and bylines."""

    title: Optional[str] = None
    site_name: Optional[str] = None
    authors: tuple[str, ...] = ()
    published: Optional[str] = None  # ISO 8601, with the page's UTC offset where it gives one
    modified: Optional[str] = None
    language: Optional[str] = None
    url: Optional[str] = None  # canonical URL, else the page URL
    description: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the article body in reading order.

    `lead` keeps the emphasised run-in words a paragraph starts with ("Update (1348 EST):"
    in bold), because that markup is the strongest sign of an update marker. Blocks that
    came from one <blockquote> or one list share a `group`; blocks of one liveblog post
    share an `entry` (an index into `Article.entries`); `after_break` keeps the <hr> that
    separates top-of-article updates from the original story; `cite` keeps the source a
    blockquote's markup credits, which is often its speaker's only mention.
    """

    type: BlockType
    text: str
    lead: Optional[str] = None
    level: Optional[int] = None  # heading level 1-6
    group: Optional[int] = None
    entry: Optional[int] = None
    after_break: bool = False  # a thematic break (<hr>) precedes it: updates often end there
    cite: Optional[str] = None  # blockquotes: the source the markup credits (<cite>, "— Name" or "[Name]" after it)


@dataclass(frozen=True, slots=True)
class Entry:
    """A liveblog post recognised by its markup: a repeated container with its own time."""

    time: Optional[str] = None  # machine-readable instant (datetime attribute, data-timestamp, JSON-LD)
    label: Optional[str] = None  # the time as printed on the page ("14.32 BST")
    title: Optional[str] = None  # the post's own headline, if any
    section: Optional[str] = None  # the nearest short heading above the post (a liveblog's day header)


@dataclass(frozen=True, slots=True)
class Article:
    """The cleaner's result: metadata and the article body, boilerplate removed."""

    source: str
    url: Optional[str]
    metadata: Metadata
    blocks: tuple[Block, ...]
    entries: tuple[Entry, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True, slots=True)
class BodyBlock:
    """A body block as published: its text, its role and the update it belongs to."""

    type: BlockType
    text: str
    role: Optional[Role] = None
    update: Optional[int] = None  # index into Document.updates


@dataclass(frozen=True, slots=True)
class Update:
    """A timestamped update: a marker ("Update (1348 EST):") and the text it introduces."""

    label: str  # the marker as printed
    time_text: Optional[str]  # the time part of the marker ("1348 EST"), None if it has none
    timestamp: Optional[str]  # resolved ISO 8601 instant with offset, None if unresolvable
    text: str  # the update's own text, marker removed, paragraphs separated by a blank line
    blocks: tuple[int, ...]  # indexes into Document.blocks
    title: Optional[str] = None  # a liveblog post's headline


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it."""

    text: str  # words inside the marks; a statement block's whole text
    speaker: Optional[str]
    kind: QuoteKind
    block: int  # index into Document.blocks where the quotation starts


@dataclass(frozen=True, slots=True)
class Document:
    """The extractor's result and the unit every output format renders."""

    source: str
    url: Optional[str]
    metadata: Metadata
    blocks: tuple[BodyBlock, ...]
    updates: tuple[Update, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def background(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.role == "background")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How the scraper talks to the network; the CLI fills it from its options."""

    timeout: float = 20.0  # seconds, bounding the whole fetch including retries' waits
    retries: int = 2
    max_bytes: int = 10 * 1024 * 1024  # cap on the decompressed body
    user_agent: Optional[str] = None  # None: "sitrep-parse/VERSION"
