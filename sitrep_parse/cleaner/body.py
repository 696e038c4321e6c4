"""Find the article body: strip what is never article, then pick the container of the text.

Two signals do the work, both independent of any particular site:

* vocabulary: class/id/role/ARIA words that name page furniture in every CMS
  (share, related, newsletter, sponsor, comments, author bio, cookie, nav...). A
  container so named is removed unless it holds most of the page's prose, so a theme
  that calls its article wrapper "post-share-wrap" cannot lose the article.
* text density: prose is long runs of text with few links. Every paragraph adds its
  link-discounted length to its ancestors; the body is found by walking down from
  <body> while one child holds most of that weight, then taking back neighbouring
  siblings that also carry prose (a lead paragraph outside the main wrapper).
"""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from .dom import HEADINGS, attr_words, is_hidden, link_density, norm

# Never article text, whatever their size.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "picture", "source", "img", "button", "input", "select", "textarea", "option",
    "link", "meta", "dialog", "head", "title",
)
# Landmarks and widgets that are furniture unless they hold most of the prose.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form", "menu", "figcaption", "label"})
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
    caption\w*|credit|credits|figcaption|
    modal|popup|overlay|lightbox|banner|callout\w*|endnotes?|footnotes?|
    print|email|login|signin|sign-?in|register|account|
    rating|reactions?|
    prev|previous|next-?post|post-?nav\w*|nextprev|next-?prev|
    hidden|visually-?hidden|sr-only|screen-?reader\w*|offscreen
"""
FURNITURE = re.compile(r"(?<![a-z0-9])(?:" + re.sub(r"\s+", "", _FURNITURE_WORDS) + r")(?![a-z0-9])")

PROSE_MIN = 25  # characters: shorter runs are labels, not prose
PROTECT_SHARE = 0.5  # a container holding this share of the prose is never furniture
DESCEND_SHARE = 0.6  # walk into a child holding this share of its parent's prose
SIBLING_SHARE = 0.2  # a sibling with this share of the body's prose is part of the body


def strip_never_content(root: etree._Element) -> None:
    """Remove scripts, media, controls and comments in one C-level pass each."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS, with_tail=False)


def prose_weights(root: etree._Element) -> dict[etree._Element, float]:
    """Link-discounted prose length of every element that contains prose (by ancestor sums)."""
    weights: dict[etree._Element, float] = {}
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag == "p" or tag == "pre" or tag in HEADINGS:
            text = norm(el.text_content())
            length = len(text)
            if length < PROSE_MIN:
                continue
            links = sum(len(norm(a.text_content())) for a in el.iter("a"))
        else:
            # Loose text directly inside a container (<div>text<br>text</div> layouts).
            parts = [el.text or ""] + [c.tail or "" for c in el if c.tag not in ("p", "pre")]
            text = norm("".join(parts))
            length = len(text)
            if length < PROSE_MIN:
                continue
            links = 0
            if tag == "a":
                links = length
        density = min(1.0, links / length) if length else 1.0
        weight = length * (1.0 - density) ** 2
        if tag in HEADINGS:
            weight *= 0.5
        node: Optional[etree._Element] = el
        while node is not None:
            weights[node] = weights.get(node, 0.0) + weight
            node = node.getparent()
    return weights


def remove_furniture(root: etree._Element) -> None:
    """Drop landmarks, hidden elements and vocabulary-named furniture, sparing the prose holder."""
    weights = prose_weights(root)
    total = weights.get(root, 0.0) or 1.0
    doomed: list[etree._Element] = []
    stack = [root]
    while stack:
        el = stack.pop()
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in ("html", "body", "main") or not _is_furniture(child, tag):
                stack.append(child)
                continue
            if weights.get(child, 0.0) >= PROTECT_SHARE * total:
                stack.append(child)
                continue
            doomed.append(child)
    for el in doomed:
        _drop(el)


def _is_furniture(el: etree._Element, tag: str) -> bool:
    if tag in FURNITURE_TAGS:
        return True
    if tag == "figure":
        return el.find(".//blockquote") is None
    if tag == "header" and el.find(".//p") is None:
        return True
    if is_hidden(el):
        return True
    role = el.get("role")
    if role and role.lower() in FURNITURE_ROLES:
        return True
    words = attr_words(el)
    return bool(words) and FURNITURE.search(words) is not None


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


def find_body(root: etree._Element) -> list[etree._Element]:
    """The elements that make up the article body, in document order."""
    weights = prose_weights(root)
    body = root.find("body")
    node = body if body is not None else root
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            break
        best = max(children, key=lambda c: weights.get(c, 0.0))
        here = weights.get(node, 0.0)
        if here <= 0 or weights.get(best, 0.0) < DESCEND_SHARE * here or best.tag in ("p", "pre", "li"):
            break
        node = best
    parent = node.getparent()
    if parent is None or node.tag in ("body", "html"):
        return [node]
    own = weights.get(node, 0.0)
    parts = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is node:
            parts.append(sib)
            continue
        weight = weights.get(sib, 0.0)
        if (weight >= SIBLING_SHARE * own or (sib.tag == "p" and weight >= 80)) and link_density(sib) < 0.25:
            parts.append(sib)
    return parts
