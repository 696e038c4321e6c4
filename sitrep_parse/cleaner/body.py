"""Find the article body: measure the page once, pick the container of the prose, clean inside it.

Three signals do the work, none of them tied to a site:

* text density: prose is long runs of text with few links. One bottom-up pass gives every
  element its text length, its link-text length and the link-discounted length of the
  paragraphs inside it (its prose weight).
* vocabulary: class/id/role/ARIA words that name page furniture in every CMS (share,
  related, newsletter, sponsor, comments, author bio, cookie, nav...) discount the prose
  inside such a container; words that name an article body (itemprop=articleBody,
  "article-body", "entry-content") raise it. Vocabulary only weighs: a wrapper whose
  class happens to say "with-sidebar" still wins when nothing else holds the prose.
* structure: the body is found by walking down from <body> while one child holds most
  of the weight, then taking back neighbouring siblings that also carry prose (a lead
  paragraph outside the main wrapper). Only then is furniture removed, and only inside
  the body, so a misleading class on an ancestor can never cost the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from lxml import etree

from .dom import HEADINGS, attr_words, is_hidden

# Never article text, whatever their size.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "picture", "source", "img", "button", "input", "select", "textarea", "option",
    "link", "meta", "dialog", "head", "title",
)
# Text-level elements: their words belong to the paragraph around them.
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr",
})
# Landmarks and widgets that are furniture unless they hold most of the prose.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu", "figcaption", "label"})
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                             "alertdialog", "menu", "menubar", "toolbar"})

# Class/id words of page furniture. Matched as whole words between non-alphanumerics, so
# "ad" hits "article-body__ad" and "ad-slot" but not "head" or "loading".
_FURNITURE_WORDS = r"""
    ad|ads|adv|advert\w*|adspot\w*|adslot\w*|adunit\w*|adsense|dfp\w*|gpt|sponsor\w*|promo|promos|promotion\w*|
    commercial|outbrain|taboola|zergnet|revcontent|mgid|native-ad\w*|
    share|shares|sharing|sharebar|sharedaddy|social\w*|addthis|follow-us|
    related\w*|recommend\w*|more-stories|more-news|more-in\w*|read-?more|read-?next|up-?next|also-?read|
    trending|popular|most-?read|most-?viewed|most-?popular|top-?stories|recirc\w*|onward\w*|teaser\w*|
    newsletter\w*|subscri\w*|signup|sign-up|paywall\w*|regwall|membership|donat\w*|contributions?|support|supporters?|
    patreon|cta|call-?to-?action|
    comment|comments|commentary-box|disqus|discussion|respond|replies|
    author-?bio\w*|author-?box|author-?info|author-?card|about-?the-?author|about-?author|author-?descr\w*|bio|
    byline\w*|dateline|date-?line\w*|author|authors|timestamp|pubdate|post-?meta|entry-?meta|article-?meta|meta|
    nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip-?link|skip|toolbar|masthead|subnav|
    footer\w*|colophon|sidebar\w*|side-?bar|rail|widget\w*|aside|
    cookie\w*|consent\w*|gdpr|cmp|privacy-?\w*|
    tags|tag-?list|tagcloud|keywords|categories|
    caption\w*|credit|credits|figcaption|dek|standfirst|strapline|abstract|excerpt|
    modal|popup|overlay|lightbox|banner|callout\w*|endnotes?|footnotes?|
    print|email|login|signin|sign-?in|register|account|
    rating|reactions?|
    prev|previous|next-?post|post-?nav\w*|nextprev|next-?prev|
    hidden|visually-?hidden|sr-only|screen-?reader\w*|offscreen
"""
# A word after "with-", "has-", "no-" describes a layout ("content-with-sidebar"), not the widget.
FURNITURE = re.compile(r"(?<![a-z0-9])(?<!with-)(?<!with_)(?<!has-)(?<!w-)(?<!no-)(?:" + re.sub(r"\s+", "", _FURNITURE_WORDS) + r")(?![a-z0-9])")
# Class/id words that name the article's own text container.
ARTICLE = re.compile(
    r"(?<![a-z0-9])(?:articlebody|article-?body\w*|article-?content|article-?text|story-?body\w*|story-?content|"
    r"story-?text|entry-?content|entry-?body|post-?body|post-?content|post-?text|body-?text|text-?body|"
    r"content-?body|article__body\w*|article__content|prose)(?![a-z0-9])"
)

PROSE_MIN = 25  # characters: shorter runs are labels, not prose
FURNITURE_FACTOR = 0.2  # prose inside named furniture counts for this much when looking for the body
ARTICLE_FACTOR = 1.5  # ... and inside a container named as the article body, for this much
PROTECT_SHARE = 0.5  # a container holding this share of the body's prose is never furniture
DESCEND_SHARE = 0.6  # walk into a child holding this share of its parent's prose
TEASER_PROSE = 500  # characters of prose per linked headline below which a container is a teaser list
SIBLING_SHARE = 0.2
NAMED_BODY_SHARE = 0.9  # leave a container named as the article body only for a child with this share  # a sibling with this share of the body's prose is part of the body
_STOP_DESCENT = HEADINGS | {"p", "pre", "li", "blockquote"}
_LAYOUT = etree.XPath("boolean(descendant::*[self::p or self::div or self::table or self::ul or self::ol])")


@dataclass
class Stats:
    """What one pass over the tree knows about every element, keyed by element."""

    chars: dict = field(default_factory=dict)  # text length, whitespace collapsed
    links: dict = field(default_factory=dict)  # text length inside <a href>
    prose: dict = field(default_factory=dict)  # link-discounted paragraph length inside
    score: dict = field(default_factory=dict)  # prose weighed by the vocabulary of the containers on the way
    unit: dict = field(default_factory=dict)  # the element's own paragraph weight (text not in a child block)
    kind: dict = field(default_factory=dict)  # -1 furniture, 1 named article body, 0 neither
    pos: dict = field(default_factory=dict)  # document order

    def density(self, el: etree._Element) -> float:
        chars = self.chars.get(el, 0)
        return self.links.get(el, 0) / chars if chars else 0.0


def strip_never_content(root: etree._Element) -> None:
    """Remove scripts, media and controls in one C-level pass."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS, with_tail=False)


def _wlen(text: str) -> int:
    """Length of the text with whitespace runs collapsed, cheaply for the common case."""
    n = len(text)
    if n and (text[0].isspace() or text[-1].isspace() or "  " in text or "\n" in text or "\t" in text):
        return len(" ".join(text.split()))
    return n


_kind_cache: dict[str, int] = {}


def vocabulary_kind(el: etree._Element) -> int:
    """-1 when the class/id/role words or the tag name furniture, 1 when they name the article body."""
    tag = el.tag
    if tag in FURNITURE_TAGS:
        return -1
    if is_hidden(el):
        return -1
    words = attr_words(el)
    if not words:
        return 0
    kind = _kind_cache.get(words)
    if kind is None:
        role = el.get("role")
        if "articlebody" in words.replace(" ", "") and el.get("itemprop"):
            kind = 1
        elif role and role.lower() in FURNITURE_ROLES:
            kind = -1
        elif FURNITURE.search(words):
            kind = -1
        elif ARTICLE.search(words):
            kind = 1
        else:
            kind = 0
        if len(_kind_cache) < 20000:
            _kind_cache[words] = kind
    return kind


def _labelled_furniture(el: etree._Element, kinds: dict) -> bool:
    """A section whose own heading is named as furniture ("related-title") is that furniture."""
    for child in el:
        tag = child.tag
        if tag in HEADINGS:
            return kinds.get(child, 0) < 0
        if tag == "a" and not len(child) and not (child.text or "").strip():
            continue  # an empty anchor ahead of the heading
        return False
    return False


def measure(root: etree._Element) -> Stats:
    """Text, link and prose lengths of every element, children before parents, in one pass."""
    st = Stats()
    chars, links, prose, score, unit, kinds = st.chars, st.links, st.prose, st.score, st.unit, st.kind
    inline: dict = {}
    inline_links: dict = {}
    heads: dict = {}  # headings inside
    lheads: dict = {}  # headings inside that are all link: teaser headlines
    named: set = set()
    order = list(root.iter(etree.Element))
    st.pos = {el: i for i, el in enumerate(order)}
    order.reverse()
    for el in order:
        tag = el.tag
        text = el.text
        own = _wlen(text) if text else 0
        n_chars, n_links, n_inline, n_ilinks, n_prose = own, 0, own, 0, 0.0
        n_heads = n_lheads = lhead_children = 0
        for child in el:
            tail = child.tail
            if tail:
                t = _wlen(tail)
                n_chars += t
                n_inline += t
            if child not in chars:  # comments and other non-elements
                continue
            n_chars += chars[child]
            n_links += links[child]
            n_prose += prose[child]
            if heads[child]:
                n_heads += heads[child]
                if lheads[child]:
                    n_lheads += lheads[child]
                    lhead_children += 1
            if child.tag in INLINE_TAGS:
                n_inline += inline[child]
                n_ilinks += inline_links[child]
        own_unit = 0.0
        if tag == "a" and el.get("href") is not None:
            n_links = n_chars
            n_ilinks = n_inline
            n_prose = 0.0  # anything inside a link is a link, even a "card" of paragraphs
            n_lheads = n_heads
        elif tag not in INLINE_TAGS and n_inline >= PROSE_MIN:
            density = min(1.0, n_ilinks / n_inline)
            own_unit = n_inline * (1.0 - density) ** 2
            if tag in HEADINGS:
                own_unit *= 0.5
            n_prose += own_unit
        if tag in HEADINGS:
            n_heads += 1
            if n_inline and n_ilinks >= 0.8 * n_inline:
                n_lheads += 1
        kind = vocabulary_kind(el)
        if kind == 0 and len(el) and _labelled_furniture(el, kinds):
            kind = -1
        if kind == 0 and n_lheads >= 2 and n_prose < TEASER_PROSE * n_lheads and lhead_children >= 2:
            kind = -1  # a list of teasers: headlines that are links, each with a little text
        heads[el] = n_heads
        lheads[el] = n_lheads
        chars[el] = n_chars
        links[el] = n_links
        inline[el] = n_inline
        inline_links[el] = n_ilinks
        prose[el] = n_prose
        unit[el] = own_unit
        kinds[el] = kind
        if kind:
            named.add(el)
    # Second pass, now that the page's total is known: weigh by vocabulary. A container that
    # holds most of the page's prose is the article whatever its class says ("with-sidebar").
    protect = PROTECT_SHARE * prose.get(root, 0.0)
    for el in order:
        if not prose[el]:
            score[el] = 0.0
            continue
        s = unit[el]
        for child in el:
            if child in score:
                s += score[child]
        if el in named:
            kind = kinds[el]
            if kind > 0:
                s *= ARTICLE_FACTOR
            elif prose[el] < protect:
                s *= FURNITURE_FACTOR
        score[el] = s
    return st


def find_body(root: etree._Element, st: Stats) -> list[etree._Element]:
    """The elements that make up the article body, in document order."""
    score = st.score
    body = root.find("body")
    node = body if body is not None else root
    path = [node]
    while True:
        children = [c for c in node if c in score]
        if not children:
            break
        best = max(children, key=score.__getitem__)
        here = st.unit.get(node, 0.0) + sum(score[c] for c in children)
        if here <= 0 or score[best] < DESCEND_SHARE * here or best.tag in _STOP_DESCENT:
            break
        if st.kind.get(node, 0) > 0 and st.kind.get(best, 0) <= 0 and score[best] < NAMED_BODY_SHARE * here:
            break  # the container named as the article body is the body, unless one child is all of it
        if best.tag == "table" and not _LAYOUT(best):  # a data table is a block of the body, not a page
            break
        node = best
        path.append(node)
    parent = node.getparent()
    if parent is None or node.tag in ("body", "html"):
        return [node]
    own = score[node]
    parts = []
    for sib in parent:
        if sib is node:
            parts.append(sib)
            continue
        if sib not in score:
            continue
        weight = score[sib]
        # A paragraph (a <p>, or any block whose text is its own) beside the body is part of it.
        paragraph = sib.tag == "p" or st.unit.get(sib, 0.0) >= 0.8 * st.prose.get(sib, 0.0)
        if (weight >= SIBLING_SHARE * own or (paragraph and weight >= 80)) and st.density(sib) < 0.25:
            parts.append(sib)
    # An article cut into chunks (an ad or a promo between them) repeats its wrapper: siblings of
    # the same tag and class as a wrapper on the way down are more of the same article.
    for step in path[-2:0:-1]:
        cls = step.get("class")
        if not cls:
            continue
        for sib in step.itersiblings():
            if sib.tag == step.tag and sib.get("class") == cls and score.get(sib, 0.0) >= 0.5 * own \
                    and st.density(sib) < 0.25:
                parts.append(sib)
        for sib in step.itersiblings(preceding=True):
            if sib.tag == step.tag and sib.get("class") == cls and score.get(sib, 0.0) >= 0.5 * own \
                    and st.density(sib) < 0.25:
                parts.append(sib)
    if len(parts) > 1:
        pos = st.pos
        parts.sort(key=pos.__getitem__)
    return parts


def clean_body(parts: list[etree._Element], st: Stats) -> None:
    """Drop furniture inside the body: named widgets, captions, hidden and link-heavy containers."""
    total = sum(st.prose.get(p, 0.0) for p in parts) or 1.0
    doomed: list[etree._Element] = []
    stack = list(parts)
    while stack:
        el = stack.pop()
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if _is_furniture(child, tag, st) and st.prose.get(child, 0.0) < PROTECT_SHARE * total:
                doomed.append(child)
            else:
                stack.append(child)
    for el in doomed:
        _drop(el)


def _is_furniture(el: etree._Element, tag: str, st: Stats) -> bool:
    kind = st.kind.get(el, 0)
    if kind < 0:
        return True
    if kind > 0:
        return False
    if tag == "figure":
        return el.find(".//blockquote") is None
    if tag == "header" and el.find(".//p") is None:
        return True
    return False


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def locate(root: etree._Element) -> list[etree._Element]:
    """Measure, find the body, clean it: the body's elements, ready for blocks."""
    st = measure(root)
    parts = find_body(root, st)
    clean_body(parts, st)
    return parts

