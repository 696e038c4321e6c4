"""Turn the body's elements into Blocks, keeping the structure the extractor reads.

Paragraphs, headings, blockquotes (one block per paragraph inside, sharing a group),
list items, tables (one block, a line per row) and preformatted text survive, and so
does the emphasised run-in lead of a paragraph ("<strong>Update (1348 EST):</strong>").
Liveblog posts are recognised by structure: sibling containers that each carry their own
time ahead of their prose, machine-readable (<time datetime>, data-timestamp, the page's
schema.org liveBlogUpdate list) or visible ("14.32 BST" heading each post). Their time
label, headline and day header become an Entry; their blocks point at it. A blockquote's
credit (<cite>, or a "— Name" line after it) is kept on its blocks. A box of two or more
paragraphs set beside the article's own paragraphs (a "breaking" box of updates above the
story) ends with a break, as an <hr> would: what follows it is the story.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from ..dates import format_iso, from_epoch, parse_iso
from ..models import Block, Entry
from ..patterns import regex
from .dom import BLOCK_TAGS, HEADINGS, is_link, link_text_length, norm, raw_text, text_content, text_of

SENTENCE = 80  # characters of text outside links that make a block prose whatever its links
LEAD_TAGS = frozenset({"strong", "b", "em", "i", "mark", "u"})
TIME_ATTRS = ("datetime", "data-timestamp", "data-time", "data-datetime", "data-published", "data-date")
# The attributes that mark an element as carrying a time; data-date is read only where one of them does.
_TIME_KEYS = frozenset(TIME_ATTRS) - {"data-date"}


# Each attribute's elements found through the attribute axis, the lists merged by the union in
# document order (an element with two of them once): libxml2 does it all, three quarters of the time
# of a Python walk over every element's attribute names, and a half of a "*[@a or @b ...]" test,
# which it evaluates element by element through its generic machinery.
_TIMED = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}/.." for name in sorted(_TIME_KEYS)))


def _timed_elements(root: etree._Element) -> list[etree._Element]:
    """The element and its descendants that carry a machine time attribute, in document order."""
    return _TIMED(root)


# A list item holding any of these is a container (a liveblog post, a card with paragraphs),
# walked for its blocks rather than flattened into one list_item.
_LI_BLOCKS = HEADINGS | {"ul", "ol", "p", "div", "blockquote", "article", "section", "table", "pre", "dl",
                         "figure", "header", "footer", "main", "aside", "details", "address"}
# A paragraph styled as a quotation (Word's "MsoQuote", "IntenseQuote", a "quote" class); a pull
# quote repeats the article's own words for show and is not one.
_QUOTE_CLASS = regex(r"(?<![a-z])(?<!pull-)(?<!pull_)(?:mso|block)?(?:intense)?quote(?![a-z])", re.I)
_CONTAINER_OF_BLOCKS = etree.XPath("boolean(descendant::*[self::p or self::div or self::ul or self::ol or "
                                   "self::table or self::blockquote or self::h1 or self::h2 or self::h3 or "
                                   "self::h4 or self::h5 or self::h6 or self::section or self::article])")


@dataclass
class _Walk:
    posts: dict  # liveblog post element -> its Entry (from find_entries)
    page_path: Optional[str] = None  # links to this path stay on the page
    blocks: list[Block] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    groups: int = 0
    pending_break: bool = False
    cites: dict = field(default_factory=dict)  # blockquote group -> the source its markup credits
    quote_paragraph: Optional[etree._Element] = None  # the last paragraph styled as a quotation
    links_dropped: int = 0  # link blocks dropped since the last block kept

    def add(self, type_: str, text: str, **kw) -> None:
        if type_ == "blockquote" and kw.get("group") in self.cites:
            kw["cite"] = self.cites[kw["group"]]
        self.blocks.append(Block(type_, text, after_break=self.pending_break, **kw))
        self.pending_break = False
        self.links_dropped = 0

    def drop_links(self) -> None:
        """A heading followed straight by a list of links ("Worth reading", "Mehr zum Thema") is
        that list's label: it goes with the links rather than stand over the next section."""
        self.links_dropped += 1
        if self.links_dropped == 2 and self.blocks and self.blocks[-1].type == "heading":
            self.blocks.pop()


def build_blocks(parts: list[etree._Element], posts: dict,
                 page_path: Optional[str] = None) -> tuple[list[Block], list[Entry]]:
    """Blocks of the body in reading order, and the liveblog entries that survived cleaning."""
    walk = _Walk(posts, page_path)
    for part in parts:
        _visit(part, walk, entry=None, quote=None)
    return walk.blocks, walk.entries


# --------------------------------------------------------------------------- liveblog posts


def _machine_time(el: etree._Element) -> Optional[str]:
    for attr in TIME_ATTRS:
        value = el.get(attr)
        if not value:
            continue
        dt = parse_iso(value) or from_epoch(value)
        if dt is not None and dt.tzinfo is not None and (dt.hour or dt.minute or "T" in value or attr != "datetime"):
            return format_iso(dt)
    return None


def find_entries(root: etree._Element) -> dict:
    """Find liveblog posts: repeated sibling containers, each with its own time.

    Three signals, strongest first: the page's schema.org liveBlogUpdate list (each post's
    datePublished, matched to its container by the URL fragment or by its opening words);
    a machine-readable time inside each container (<time datetime>, data-timestamp); or a
    visible time label ("14.32 BST", "Posted at 09:41") heading each of several sibling
    containers. Runs before scripts and furniture are removed, because the JSON-LD lives in
    a <script> and a post's time usually sits in a "timestamp" header the vocabulary would
    otherwise drop. The time label and the headline move into the Entry; the post's own
    header and footer go, and so do badges ahead of the header ("Pinned post") and a closing
    line that is only a time ("Updated at 21.12 AEST"), in a <footer> or not.
    """
    candidates: dict = {}  # post element -> (machine time, element holding the label or None, JSON-LD headline)
    for post, when, headline in _json_ld_posts(root):
        timed = next((t for t in _timed_elements(post) if _machine_time(t)), None)
        candidates.setdefault(post, (when, timed, headline))
    for timed in _timed_elements(root):
        when = _machine_time(timed)
        if when is None:
            continue
        post = _post_of(timed, root)
        if post is None or post in candidates:
            continue  # a second time in the same post ("Updated at ...") is not the post's time
        candidates[post] = (when, timed, None)
    by_parent: dict = {}
    for post in candidates:
        by_parent.setdefault(_feed_of(post), []).append(post)
    if not any(len(v) >= 2 for v in by_parent.values()):
        for post, label_el in _labelled_posts(root):
            candidates.setdefault(post, (None, label_el, None))
            by_parent.setdefault(_feed_of(post), []).append(post)
    accepted = [post for siblings in by_parent.values() if len(siblings) >= 2 for post in siblings]
    # A post and the wrappers it sits in alone: never another post's day header.
    slots = set()
    for post in accepted:
        node = post
        while node is not None and node not in slots:
            slots.add(node)
            parent = node.getparent()
            if parent is None or sum(1 for c in parent if isinstance(c.tag, str)) != 1:
                break
            node = parent
    posts: dict = {}
    for post in accepted:
        when, timed, headline = candidates[post]
        if timed is post:  # <li data-timestamp="..."> is the post: its label is a short time line inside
            timed = _label_in(post)
        title_el = _title_in(post, timed)
        label = norm(text_content(timed)) if timed is not None else None
        posts[post] = Entry(
            time=when,
            label=label or None,
            title=norm(text_content(title_el)) if title_el is not None else (headline or None),
            section=_section_heading(post, slots),
        )
    for post in accepted:
        timed = candidates[post][1]
        if timed is post:
            timed = _label_in(post)
        title_el = _title_in(post, timed)
        # Labels ahead of the post's header ("Pinned post", "Key event") are badges, not prose.
        # The header is the child that holds the time label or the headline (often a meta line
        # around them: "@channel · 05:42 UTC · link"); anything with prose ends the search, so a
        # post whose time is printed below its text keeps that text.
        header = {a for el in (timed, title_el) if el is not None for a in el.iterancestors()}
        ahead: list[etree._Element] = []
        reached = False
        for child in post:
            if not isinstance(child.tag, str):
                continue
            if child is timed or child is title_el or child in header:
                reached = True
                break
            if _has_prose(child) and not _badge(child):
                break
            ahead.append(child)
        for child in ahead:
            # A badge set as a paragraph ("<p>Pinned post</p>") goes only when the header follows it:
            # in a post whose time is printed below its text, a short first line may be its text.
            if reached or not _badge(child):
                _detach(child)
        # The line that carried the time ("@channel · 05:42 UTC · link") is the post's header or
        # footer: what is left of it once the time is out (a handle, a permalink) is not the post's text.
        holder = next((c for c in post if c is timed or c in header), None)
        for el in ([timed] if timed is not None else []) + ([title_el] if title_el is not None else []):
            _detach(el)
        if holder is not None and holder is not timed and holder.getparent() is post and not _has_prose(holder) \
                and (title_el is None or title_el not in holder.iterdescendants()):
            _detach(holder)
        for el in list(post.iter("header", "footer")):
            _detach(el)
        _drop_time_footer(post)
    return posts


def _drop_time_footer(post: etree._Element) -> None:
    """A post's last line that is only a time ("Updated at 21.12 AEST", "Aktualisiert um 9.40 Uhr")
    is its footer, whether or not it sits in a <footer>; empty controls after it do not count."""
    for child in reversed([c for c in post if isinstance(c.tag, str)]):
        text = norm(text_content(child))
        if not text:
            continue
        if len(text) <= 40 and child.tag not in HEADINGS and child.find(".//p") is None \
                and _LABEL.match(text):
            _detach(child)
            continue
        break


def _feed_of(post: etree._Element) -> Optional[etree._Element]:
    """The container in which posts repeat. A post wrapped on its own (<li><article>, a
    <div> per post around the <article>) repeats as its wrapper, so the feed is the first
    ancestor that holds more than the one post."""
    node = post
    parent = node.getparent()
    while parent is not None and parent.getparent() is not None and sum(
            1 for c in parent if isinstance(c.tag, str)) == 1:
        node, parent = parent, parent.getparent()
    return parent


_TITLE_CLASS = regex(r"(?<![a-z0-9])[a-z0-9_-]*(?:title|headline|heading|titel|titre|titulo|título|titolo|"
                     r"schlagzeile|ueberschrift|überschrift|kop)(?![a-z0-9])")


def _title_in(post: etree._Element, timed: Optional[etree._Element]) -> Optional[etree._Element]:
    """The post's headline: its first heading, else a short line whose class names a title
    ("post-title") ahead of the post's prose, as feeds that style a <div> as the headline do."""
    heading = next((h for h in post.iter(*HEADINGS)), None)
    if heading is not None:
        return heading
    for el in post.iter():
        if el is post or not isinstance(el.tag, str):
            continue
        if el.tag == "p" or el.tag in ("blockquote", "ul", "ol", "table"):
            return None  # prose came first: no headline
        if el is timed or len(el) > 2 or el.find(".//p") is not None:
            continue
        cls = (el.get("class") or "").lower()
        if cls and _TITLE_CLASS.search(cls):
            text = norm(text_content(el))
            if 0 < len(text) <= 200:
                return el
    return None


def _section_heading(post: etree._Element, slots: set = frozenset()) -> Optional[str]:
    """The short heading a post sits under ("Tuesday 7 November 2023"): earlier siblings first, then
    the same for each ancestor, so a day header that opens the day's <section> is found too.
    Other posts (and their wrappers) are skipped: their headlines are not day headers."""
    node = post
    for _ in range(4):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str) or sib in slots:
                continue
            heads = [sib] if sib.tag in HEADINGS else list(sib.iter(*HEADINGS))[-1:]
            for h in heads:
                text = norm(text_content(h))
                if h is not sib and len(norm(text_content(sib))) > len(text) + 20:
                    continue  # a heading inside a box of its own (key events, a sign-up box) heads that box
                if text and len(text) <= 60:
                    return text
        node = node.getparent()
        if node is None:
            break
    return None


def _post_of(el: etree._Element, root: etree._Element) -> Optional[etree._Element]:
    """The nearest container around `el` that holds prose: the post a time belongs to."""
    post = el
    while post is not None and post is not root:
        if post.find(".//p") is not None:
            return post
        post = post.getparent()
    return None


_LD_ITEM = regex(r'\{\s*"@type"\s*:\s*"(?:BlogPosting|LiveBlogUpdate|NewsArticle|Article|SocialMediaPosting|'
                 r'Comment|CreativeWork)"', re.I)
_LD_FIELD = {k: regex(r'"' + k + r'"\s*:\s*"((?:[^"\\]|\\.)*)"') for k in
             ("datePublished", "dateCreated", "url", "@id", "headline", "articleBody")}


def _json_ld_posts(root: etree._Element) -> list[tuple[etree._Element, str, Optional[str]]]:
    """(post element, its time, its headline) for each liveBlogUpdate the page's JSON-LD lists.

    Read field by field with regular expressions rather than json.loads, because liveblog
    JSON-LD is often hand-assembled and broken (a missing comma loses nothing here).
    """
    found = []
    for script in root.iter("script"):
        raw = script.text or ""
        if "liveBlogUpdate" not in raw:
            continue
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = raw[raw.index("liveBlogUpdate"):]
        items = []
        for chunk in _LD_ITEM.split(raw)[1:]:
            fields = {k: (m.group(1) if (m := rx.search(chunk)) else None) for k, rx in _LD_FIELD.items()}
            when_raw = fields["datePublished"] or fields["dateCreated"]
            dt = parse_iso(when_raw)
            if dt is None or dt.tzinfo is None:
                continue
            items.append((format_iso(dt), fields))
        if not items:
            continue
        by_text = _posts_by_opening(root, [f.get("articleBody") or "" for _, f in items])
        for n, (when, fields) in enumerate(items):
            post = None
            for ref in (fields["url"], fields["@id"]):
                if ref and "#" in ref:
                    target = ref.rsplit("#", 1)[1]
                    hits = root.xpath("//*[@id=$i]", i=target) if target else []
                    if hits:
                        post = _post_of(hits[0], root)
                        break
            if post is None:
                post = by_text.get(n)
            if post is not None:
                found.append((post, when, _json_string(fields["headline"])))
    return found


def _json_string(raw: Optional[str]) -> Optional[str]:
    if raw is None:
        return None
    try:
        return json.loads('"' + raw + '"')
    except ValueError:
        return raw


def _posts_by_opening(root: etree._Element, bodies: list[str]) -> dict[int, etree._Element]:
    """Match each post body to the paragraph that starts with its first words; posts are the
    children of the paragraphs' common container."""
    probes = {n: norm(b)[:50] for n, b in enumerate(bodies) if len(norm(b)) >= 20}
    if len(probes) < 2:
        return {}
    hits: dict[int, etree._Element] = {}
    for p in root.iter("p"):
        text = norm(text_content(p))
        if len(text) < 20:
            continue
        for n, probe in probes.items():
            if n not in hits and text.startswith(probe):
                hits[n] = p
                break
    if len(hits) < 2:
        return {}
    common = None
    for p in hits.values():
        chain = [p] + list(p.iterancestors())
        common = chain if common is None else [a for a in common if a in chain]
    if not common:
        return {}
    container = common[0]
    out = {}
    for n, p in hits.items():
        child = p
        while child.getparent() is not None and child.getparent() is not container:
            child = child.getparent()
        if child.getparent() is container and child is not p:
            out[n] = child
    return out


_DIGIT = regex(r"\d")
_CLOCK = regex(r"\b\d{1,2}(?:[:.h]\d{2}\b|\s*[ap]\.?\s?m\b)", re.I)
# A post's visible time: "14.32 BST", "Posted at 09:41", "Updated at 21.12 AEST", "Aktualisiert um 9.40 Uhr".
_LABEL = regex(
    r"^(?:(?:(?:last\s+)?(?:posted|published|updated)|aktualisiert|ver[öo]ffentlicht|mis\s+[àa]\s+jour|publi[ée]|"
    r"actualizado|publicado|atualizado|aggiornato|pubblicato|bijgewerkt|gepubliceerd)\s*:?\s+"
    r"(?:(?:at|um|[àa]|a\s+las|[àa]s|alle|om|kl\.?)\s+)?)?"
    r"\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,5}|Uhr)?$", re.I)


def _label_in(post: etree._Element) -> Optional[etree._Element]:
    for el in post.iter():
        if el is post or not isinstance(el.tag, str):
            continue
        if el.tag == "p" and len(norm(text_content(el))) > 30:
            return None  # prose before any label
        if len(el) <= 2 and _LABEL.match(norm(text_content(el)) or "-"):
            return el
    return None


def _labelled_posts(root: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """Posts without machine time: sibling containers that each open with a visible time label."""
    found = []
    for el in root.iter("time", "span", "p", "div", "strong", "b", "small", "h3", "h4", "h5", "h6"):
        if len(el) > 1:
            continue
        # Only the element's own short text (and one child's): never the text of a whole container.
        own = el.text or ""
        if len(el):
            own += (el[0].text or "") + (el[0].tail or "")
        if not own or len(own) > 40 or not _DIGIT.search(own):
            continue
        text = norm(own)
        # <time> says by itself that it holds a time: there a date may come with the clock
        # ("Nov. 2, 9:15 a.m. MST"); elsewhere only the shapes of a time label count.
        if not text or len(text) > 30 or not (_LABEL.match(text) or (el.tag == "time" and _CLOCK.search(text))):
            continue
        post = _post_of(el, root)
        if post is None or post is el:
            continue
        # the label must come before the post's prose
        first_p = post.find(".//p")
        if first_p is not None and first_p is not el and el not in first_p.iterancestors():
            order = {e: i for i, e in enumerate(post.iter())}
            if order.get(el, 0) > order.get(first_p, 0):
                continue
        found.append((post, el))
    by_parent: dict = {}
    for post, el in found:
        by_parent.setdefault(_feed_of(post), {}).setdefault(post, el)
    out = []
    for siblings in by_parent.values():
        if len(siblings) >= 2:
            out.extend(siblings.items())
    return out


_PROSE_TAGS = frozenset({"p", "blockquote", "ul", "ol", "table", "pre"})
_SENTENCE_END = regex(r"[.!?:;…。！？»”\"')]\s*$")


def _badge(el: etree._Element) -> bool:
    """A paragraph that is a label, not a sentence: a few words, no closing punctuation ("Pinned post",
    "Key event", "Eilmeldung")."""
    if el.tag != "p":
        return False
    text = norm(text_content(el))
    return 0 < len(text) <= 30 and len(text.split()) <= 4 and not _SENTENCE_END.search(text)


def _has_prose(el: etree._Element) -> bool:
    """A paragraph, a quotation, a list, or a sentence's worth of text: never a badge."""
    return el.tag in _PROSE_TAGS or el.find(".//p") is not None or len(norm(text_content(el))) >= SENTENCE


def _detach(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        tail = el.tail
        parent.remove(el)
        if tail and tail.strip():
            parent.text = (parent.text or "") + tail


# --------------------------------------------------------------------------- walking


def _visit(el: etree._Element, walk: _Walk, entry: Optional[int], quote: Optional[int]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    if el in walk.posts:
        entry = len(walk.entries)
        walk.entries.append(walk.posts[el])
        title = walk.entries[entry].title
        if title:
            walk.add("heading", title, level=3, entry=entry)
    if tag == "hr":
        walk.pending_break = bool(walk.blocks)
    elif tag in HEADINGS:
        _emit(walk, "heading", el, entry, quote, level=int(tag[1]))
    elif tag == "p":
        if quote is None and _QUOTE_CLASS.search(el.get("class") or ""):
            # A word processor's quotation style (<p class="MsoQuote">): a blockquote without the
            # element; a run of such paragraphs is one quotation.
            prev = el.getprevious()
            if prev is None or prev is not walk.quote_paragraph:
                walk.groups += 1
            walk.quote_paragraph = el
            _emit(walk, "blockquote", el, entry, walk.groups)
        else:
            _emit(walk, "blockquote" if quote is not None else "paragraph", el, entry, quote)
    elif tag == "pre":
        text = norm(text_content(el).replace("\n", "\x00")).replace("\x00", "\n")
        if text:
            walk.add("preformatted", text, entry=entry, group=quote)
    elif tag == "blockquote":
        if quote is None:
            walk.groups += 1
            quote = walk.groups
            cite = _blockquote_cite(el)
            if cite:
                walk.cites[quote] = cite
        if _CONTAINER_OF_BLOCKS(el):
            _container(el, walk, entry, quote)
        else:
            _emit(walk, "blockquote", el, entry, quote)
    elif tag in ("ul", "ol"):
        walk.groups += 1
        group = walk.groups
        for li in el:
            if li.tag != "li" or li in walk.posts:  # a liveblog post may be a list item
                _visit(li, walk, entry, quote)
                continue
            if any(c.tag in _LI_BLOCKS for c in li):
                _container(li, walk, entry, quote)
            else:
                _emit(walk, "list_item", li, entry, quote if quote is not None else group)
    elif tag == "table":
        _table(el, walk, entry, quote)
    else:
        _container(el, walk, entry, quote)


_CREDIT_LINE = regex(r"^\s*(?:\[\s*(?P<a>[^\[\]]{2,60}?)\s*\]|[—–―]\s*(?P<b>[^—–―].{1,60}))\s*$")


def _blockquote_cite(el: etree._Element) -> Optional[str]:
    """Who a blockquote's markup credits: its <cite>/<footer>, or a short "— Name" / "[Name]" line
    right after it (review round-ups and statements credit their source that way)."""
    for credit in el.iter("cite", "footer"):
        text = norm(text_content(credit)).lstrip("—–-― ").strip()
        if 1 < len(text) <= 80:
            return text
    if el.tail and el.tail.strip():
        return None
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is None or nxt.tag not in ("p", "div", "cite", "figcaption", "span"):
        return None
    m = _CREDIT_LINE.match(norm(text_content(nxt)))
    return (m.group("a") or m.group("b")).strip() if m else None


_SIDE_BOX_TAGS = frozenset({"div", "section", "aside"})


def _container(el: etree._Element, walk: _Walk, entry: Optional[int], quote: Optional[int]) -> None:
    """A div-like element: recurse into block children, and gather loose inline text into paragraphs.

    Paragraphs set in a box of their own beside the article's paragraphs (a "breaking" box of
    updates above the story) end where the box ends: the next paragraph after it gets a break,
    as after an <hr>."""
    run: list[etree._Element | str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and (tag in BLOCK_TAGS or (tag not in LEAD_TAGS and _CONTAINER_OF_BLOCKS(child))):
            _flush(run, walk, entry, quote)
            run = []
            before = len(walk.blocks)
            _visit(child, walk, entry, quote)
            if tag in _SIDE_BOX_TAGS and quote is None and len(walk.blocks) - before >= 2 and child not in walk.posts \
                    and _paragraph_follows(child):
                walk.pending_break = True
        else:
            run.append(child)
        run.append(child.tail or "")
    _flush(run, walk, entry, quote)


def _paragraph_follows(el: etree._Element) -> bool:
    """A <p> among the next siblings: the box stands beside the article's own paragraphs."""
    return next(el.itersiblings("p"), None) is not None


def _flush(run: list, walk: _Walk, entry: Optional[int], quote: Optional[int]) -> None:
    """Loose text between blocks: a paragraph per stretch between double <br>s."""
    paras: list[list] = [[[], 0, None]]  # [text pieces, link characters, lead]
    last_br = False
    for item in run:
        cur = paras[-1]
        if isinstance(item, str):
            cur[0].append(item)
            if item.strip():
                last_br = False
            continue
        if not isinstance(item.tag, str):
            continue
        if item.tag == "br":
            if last_br:
                paras.append([[], 0, None])
            else:
                cur[0].append("\x00")
            last_br = True
            continue
        last_br = False
        raw = raw_text(item)
        text = norm(raw)
        if not text:
            continue
        if cur[2] is None and item.tag in LEAD_TAGS and not norm("".join(cur[0])):
            cur[2] = text_of(item)
        cur[0].append(raw)
        if item.tag == "a":
            cur[1] += len(text) if is_link(item, walk.page_path) else 0
        else:
            cur[1] += link_text_length(item, walk.page_path)
    for pieces, links, lead in paras:
        text = norm("".join(pieces).replace("\n", " ").replace("\x00", "\n"))
        if not text or links / len(text) > 0.7:
            continue
        kind = "blockquote" if quote is not None else "paragraph"
        walk.add(kind, text, lead=lead, entry=entry, group=quote)


def _emit(walk: _Walk, kind: str, el: etree._Element, entry: Optional[int], group: Optional[int],
          level: Optional[int] = None) -> None:
    text = text_of(el)
    if not text:
        return
    if _link_heavy(el, text, walk.page_path):
        walk.drop_links()
        return
    walk.add(kind, text, lead=_lead(el), level=level, group=group, entry=entry)


def _link_heavy(el: etree._Element, text: str, page_path: Optional[str]) -> bool:
    """A block that is mostly link text is navigation or a teaser, not prose.

    Unless the words outside the links make a sentence of their own: a linked headline
    followed by a full sentence is a roundup item, not a link.
    """
    links = link_text_length(el, page_path)
    if not links:
        return False
    if len(text) - links >= SENTENCE:
        return False
    return links / max(1, len(text)) > (0.5 if len(text) > 200 else 0.7)


_LEAD_WRAPPERS = frozenset({"span", "a", "font", "small", "big"})


def _lead(el: etree._Element) -> Optional[str]:
    """The emphasised words a block opens with, if it opens with emphasis.

    Looked for through the wrappers old and new markup put around a paragraph's text
    (<font face=...>, <span class=...>, a link) as long as nothing is printed ahead of them.
    """
    node = el
    while not (node.text and node.text.strip()):
        child = next((c for c in node if isinstance(c.tag, str)), None)
        if child is None:
            return None
        if child.tag in LEAD_TAGS:
            return text_of(child) or None
        if child.tag not in _LEAD_WRAPPERS:
            return None
        node = child
    return None


def _layout_table(el: etree._Element) -> bool:
    """A table that lays out a page (nested tables, long text, cells of several paragraphs), not one
    of data. A word processor wraps every cell's text in a <p>: one short paragraph a cell is data."""
    if el.find(".//table") is not None:
        return True
    text = norm(text_content(el))
    if len(text) > 3000:
        return True
    wrapped = False
    for cell in el.iter("td", "th"):
        paragraphs = sum(1 for _ in cell.iter("p", "div", "ul", "ol", "blockquote", *HEADINGS))
        if paragraphs > 1 or (paragraphs and len(norm(text_content(cell))) > 300):
            return True
        wrapped = wrapped or bool(paragraphs)
    # Paragraphs of links in a grid are a menu laid out as a table, walked (and dropped) block by block.
    return wrapped and link_text_length(el) > 0.5 * len(text)


def _table(el: etree._Element, walk: _Walk, entry: Optional[int], quote: Optional[int]) -> None:
    """Data tables become one block, a line per row; layout tables are walked as containers."""
    if _layout_table(el):
        _container(el, walk, entry, quote)
        return
    rows = []
    caption = el.find("caption")
    if caption is not None and text_of(caption):
        rows.append(text_of(caption))
    for tr in el.iter("tr"):
        cells = [text_of(c) for c in tr if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(" | ".join(cells))
    # A grid of links (print, e-mail, share; a menu) is no data: the same link test as any block.
    if rows and not _link_heavy(el, norm(text_content(el)), walk.page_path):
        walk.add("table", "\n".join(rows), entry=entry, group=quote)
