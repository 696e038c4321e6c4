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
from itertools import chain
from typing import Collection, Optional

from lxml import etree

from ..patterns import by_first_char, regex
from .dom import HEADINGS, is_link, text_content

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
# Landmarks and widgets that are furniture unless they hold most of the prose; menus, asides and
# footers are not even measured (a quarter to a third of a page's elements, never its article).
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu", "figcaption", "label"})
SKIPPED_TAGS = frozenset({"nav", "menu", "aside", "footer"})
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                             "alertdialog", "menu", "menubar", "toolbar"})

# Class/id words of page furniture. Matched as whole words between non-alphanumerics, so
# "ad" hits "article-body__ad" and "ad-slot" but not "head" or "loading". Responsive classes
# ("hidden-xs", "d-print-none") hide an element on some screens only, so they do not count.
# "subscriber-only" and "subscriber-preview" mark the article's own text for who may read it (a
# paywall's reveal state), unlike "subscribe-box" or "subscription", which sell.
_FURNITURE_WORDS = r"""
    ad|ads|adv|advert\w*|adspot\w*|adslot\w*|adunit\w*|adsense|dfp\w*|gpt|sponsor\w*|promo|promos|promotion\w*|
    commercial|outbrain|taboola|zergnet|revcontent|mgid|native-ad\w*|
    share|shares|sharing|sharebar|sharedaddy|social\w*|addthis|follow-us|
    related\w*|recommend\w*|more-stories|more-news|more-in\w*|read-?more|read-?next|up-?next|also-?read|read-?also|see-?also|
    trending|popular|most-?read|most-?viewed|most-?popular|top-?stories|recirc\w*|onward\w*|teaser\w*|
    newsletter\w*|subscri(?!bers?[-_](?:only|content|preview|premium|exclusive|access|body|text))\w*|signup|sign-up|paywall\w*|regwall|membership|donat\w*|contributions?|support|supporters?|
    patreon|cta|call-?to-?action|
    commentary-box|
    author-?bio\w*|author-?box|author-?info|author-?card|about-?the-?author|about-?author|author-?descr\w*|bio|
    byline\w*|dateline|date-?line\w*|author|authors|autor|autorin|autoren|auteur|auteurs|contributors?|
    timestamp|pubdate|post-?meta|entry-?meta|article-?meta|meta|
    nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip-?link|skip|toolbar|masthead|subnav|
    footer\w*|colophon|copyright\w*|disclaimer\w*|contact|sidebar\w*|side-?bar|rail|widget\w*|aside|
    cookie\w*|consent\w*|gdpr|cmp|privacy-?\w*|
    tags|tag-?list|tagcloud|keywords|categories|
    caption\w*|credit|credits|figcaption|dek|standfirst|strapline|abstract|excerpt|
    modal|popup|overlay|lightbox|banner|callout\w*|endnotes?|footnotes?|
    print-?only|print-?header|print-?footer|print-?button|print-?link|printfriendly|visible-print\w*|
    email|login|signin|sign-?in|register|account|
    rating|reactions?|engagement\w*|claps?|
    prev|previous|next-?post|post-?nav\w*|nextprev|next-?prev|
    hidden(?!-(?:xs|sm|md|lg|xl|xxl|print|mobile|phone|tablet|desktop|small|medium|large))|
    visually-?hidden|sr-only|screen-?reader\w*|offscreen
"""


# A word after "with-", "has-", "no-" describes a layout ("content-with-sidebar"), not the widget.
_LAYOUT_PREFIXES = ("with-", "with_", "has-", "w-", "no-")
_LAYOUT_MODIFIER = "".join(f"(?<!{prefix})" for prefix in _LAYOUT_PREFIXES)
FURNITURE = regex(r"(?<![a-z0-9])" + _LAYOUT_MODIFIER + "(?:" + by_first_char("".join(_FURNITURE_WORDS.split()))
                  + r")(?![a-z0-9])")
# Words of reader comment threads: however much prose a thread holds, it is never the article.
COMMENTS = regex(r"(?<![a-z0-9])(?:" + by_first_char(r"comments?|comment-?list|commentlist|disqus\w*|respond|"
                                                     r"replies|discussion|reader-?comments?|user-?comments?")
                 + r")(?![a-z0-9])")
# Furniture words long and specific enough to name furniture inside a compound class too
# ("newscaption", "postsharing", "rightsidebar"), where short ones ("ad", "nav") would not.
# The layout prefixes are checked on each hit (_furniture_part) so that the search opens on the words.
_FURNITURE_PARTS = regex(r"(?:" + by_first_char(r"caption|sponsor|newsletter|related|sharing|social|breadcrumb|cookie|"
                                                 r"sidebar|footer|widget|advert|promo|outbrain|taboola|disqus|recommend|"
                                                 r"trending|paywall|byline") + ")")


def _furniture_part(key: str) -> bool:
    """A furniture word inside a compound class, not after a layout prefix ("with-sidebar")."""
    m = _FURNITURE_PARTS.search(key)
    while m is not None:
        if not key[:m.start()].endswith(_LAYOUT_PREFIXES):
            return True
        m = _FURNITURE_PARTS.search(key, m.start() + 1)
    return False


# Utility classes that hide an element on every screen ("d-none", shown only by "d-print-block").
_SCREEN_HIDDEN = regex(r"(?<![a-z0-9-])d-none(?![a-z0-9-])")
_SCREEN_SHOWN = regex(r"(?<![a-z0-9-])d-(?:sm|md|lg|xl|xxl)-(?!none)[a-z-]+")
# Class/id words of a standfirst: a summary set apart from the article (see _lead_paragraph).
SUMMARY = regex(r"(?<![a-z0-9])(?:dek|standfirst|strapline|abstract|excerpt)(?![a-z0-9])")
# Class/id words that name the article's own text container.
ARTICLE = regex(
    r"(?<![a-z0-9])(?:" + by_first_char(
        r"articlebody|article-?body\w*|article-?content|article-?text|story-?body\w*|story-?content|"
        r"story-?text|entry-?content|entry-?body|post-?body|post-?content|post-?text|body-?text|text-?body|"
        r"content-?body|article__body\w*|article__content|prose") + r")(?![a-z0-9])"
)

# A call to action speaks to the reader: it opens with an imperative (join, sign up, abonnez-vous,
# suscríbete...) or names the channel it sells (a newsletter, your inbox). Such a box is short and
# carries a link or a form; a news sentence that mentions a newsletter does neither.
CTA_START = regex(
    r"^(?:join|sign[ -]?up|subscribe|get (?:the|our) [^.]{0,60}(?:newsletter|app|alerts?|briefing|digest|updates)|"
    r"follow (?:us|now|our)|register (?:now|here|for free)|download (?:the|our)|don'?t miss|never miss|"
    r"stay (?:informed|up to date|in the know)|want (?:more|the latest)|get in touch|share your|support (?:us|our)|"
    r"share (?:this|the) (?:post|article|story|page|piece|newsletter)|have your say|tell us|contact us|"
    r"(?:e-?mail|write to|message) us|"
    r"abonnez|inscrivez|recevez|suivez[- ]nous|rejoignez|téléchargez|ne manquez|partagez (?:cet|cette|votre)|"
    r"contactez[- ]nous|écrivez[- ]nous|témoignez|racontez[- ]nous|"
    r"abonnieren|jetzt (?:anmelden|abonnieren|registrieren)|melden sie sich|folgen sie uns|holen sie sich|"
    r"verpassen sie|teilen sie (?:diesen|diese|dieses|ihre)|schreiben sie uns|kontaktieren sie uns|"
    r"suscr[íi]bete|[úu]nete|s[íi]guenos|reg[íi]strate|rec[íi]belo|no te pierdas|comparte (?:este|esta|tu)|"
    r"cont[áa]ctanos|escr[íi]benos|cu[ée]ntanos|"
    r"iscriviti|seguici|abbonati|non perdere|condividi (?:questo|questa|la tua)|scrivici|contattaci|raccontaci|"
    r"inscreva-se|assine|siga[- ]nos|receba|n[ãa]o perca|compartilhe (?:este|esta|sua)|fale conosco|escreva-nos|"
    r"schrijf je in|abonneer|volg ons|meld je aan|deel (?:dit|deze|je|jouw)|neem contact op|mail ons|tip ons)\b", re.I)
# The heading of a reader call-out: an appeal for tips, pictures and accounts, not a sale.
CALLOUT = regex(
    r"^(?:get in touch|have your say|tell us|contact us|(?:e-?mail|write to|message) us|share your|"
    r"are you (?:affected|in|near)|were you (?:affected|there)|"
    r"contactez[- ]nous|écrivez[- ]nous|témoignez|racontez[- ]nous|appel à témoins|"
    r"schreiben sie uns|kontaktieren sie uns|erzählen sie uns|ihre meinung|"
    r"cont[áa]ctanos|escr[íi]benos|cu[ée]ntanos|"
    r"scrivici|contattaci|raccontaci|fale conosco|escreva-nos|conte-nos|"
    r"neem contact op|mail ons|tip ons|laat (?:het )?ons weten)\b", re.I)
# A call-out needs no link: it addresses the reader and gives an address to write to.
_READER = regex(
    r"\b(?:you|your|vous|votre|vos|sie|ihre?|du|dein|deine|usted|ustedes|tu|tus|voc[êe]s?|voi|vostr[oa]|"
    r"je|jij|jouw|uw)\b|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)
CTA_WORDS = regex(
    r"newsletter|sign[ -]?up|subscri(?:be|ption)|\binbox\b|e-?mail address|your email|\b(?:whatsapp|telegram) channel|"
    r"lettre d.information|abonn|inscri|bolet[íi]n|suscrip|postfach|anmeld|iscriviti|assinatura|nieuwsbrief", re.I)

PROSE_MIN = 25  # characters: shorter runs are labels, not prose
FURNITURE_FACTOR = 0.2  # prose inside named furniture counts for this much when looking for the body
CERTAIN_FACTOR = 0.05  # ... inside certain furniture for this much (a thread ten times the article loses)
ARTICLE_FACTOR = 1.5  # ... and inside a container named as the article body, for this much
PROTECT_SHARE = 0.5  # a container with this share of the page's (or body's) prose is not named furniture
DESCEND_SHARE = 0.6  # walk into a child holding this share of its parent's prose
NAMED_BODY_SHARE = 0.9  # leave a container named as the article body only for a child with this share
SIBLING_SHARE = 0.2  # a sibling with this share of the body's weight is part of the body
CHUNK_SHARE = 0.5  # a same-class sibling of a wrapper with this share of the body's weight is more of it
TEASER_PROSE = 500  # at most this much prose beside its linked headline, and a block is a teaser card
_STOP_DESCENT = HEADINGS | {"p", "pre", "li", "blockquote"}
_LAYOUT = etree.XPath("boolean(descendant::*[self::p or self::div or self::table or self::ul or self::ol])")

# Kinds: 1 named article body, 0 neither, -1 named furniture (which a large share of the prose
# protects: class names mislead), CERTAIN furniture beyond doubt (a comment thread, a section
# labelled as related stories, a teaser list), which nothing protects.
CERTAIN = -2
# Positions in a Stats record.
CHARS, LINKS, PROSE, UNIT, KIND, POS, SCORE = range(7)


class Stats(dict):
    """What one pass over the tree knows about every element: element -> record.

    A record is a list [chars, links, prose, unit, kind, pos, score]: text length (whitespace
    collapsed), text length inside <a href>, link-discounted paragraph length inside, the
    element's own paragraph weight (its text that is in no child block), its kind (above),
    document position, and prose weighed by the vocabulary of the containers on the way down.
    Text-level leaves (<a>, <b>, <br>...) have no record: their text is their paragraph's.
    """

    def get_score(self, el: etree._Element) -> float:
        rec = self.get(el)
        return rec[SCORE] if rec else 0.0

    def density(self, el: etree._Element) -> float:
        rec = self.get(el)
        return rec[LINKS] / rec[CHARS] if rec and rec[CHARS] else 0.0


def strip_never_content(root: etree._Element) -> None:
    """Remove scripts, media and controls in one C-level pass."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS, with_tail=False)


def _wlen(text: str) -> int:
    """Length of the text with whitespace runs collapsed, cheaply for the common case."""
    if text.isspace():
        return 0
    n = len(text)
    if text[0].isspace() or text[-1].isspace() or "  " in text or "\n" in text or "\t" in text:
        return len(" ".join(text.split()))
    return n


_VOCABULARY_ATTRS = frozenset({"class", "id", "itemprop", "aria-label"})
# Component frameworks name their parts in data attributes (data-component, data-testid,
# data-module, data-<prefix>-name): those values are class vocabulary too.
_COMPONENT_ATTR_ENDINGS = ("component", "testid", "module", "-name", "widget")
# Text-level formatting whose class never decides anything: skipping it saves a third of the lookups.
_NO_VOCABULARY = INLINE_TAGS - {"span", "time"}
_vocabulary_cache: dict[tuple, tuple[int, bool]] = {}
# Class words of a headline: with all its text a link, it is a teaser's title ("card-title", "cardtitle";
# not "title2"). Whatever precedes the word, the word ends the class word: searched for as itself.
TITLE = regex(r"(?:title|headline|heading)(?![a-z0-9])")


def vocabulary_kind(el: etree._Element) -> int:
    """-1 when the tag, role, hiding or class/id words name furniture, 1 when they name the article body."""
    return _vocabulary(el)[0]


def _vocabulary(el: etree._Element) -> tuple[int, bool]:
    """(vocabulary_kind, whether the class names a title), cached by attribute set."""
    tag = el.tag
    if tag in FURNITURE_TAGS:
        return -1, False
    if tag in _NO_VOCABULARY:
        return 0, False
    items = el.items()
    if not items:
        return 0, False
    key = tuple(items)  # attribute sets repeat a lot within a page and across pages of a site
    found = _vocabulary_cache.get(key)
    if found is None:
        found = _attributes_kind(items, el.get("itemprop"))
        if len(_vocabulary_cache) > 50000:
            _vocabulary_cache.clear()
        _vocabulary_cache[key] = found
    return found


def _attributes_kind(items: list, itemprop: str | None) -> tuple[int, bool]:
    words = []
    for name, value in items:
        if name in _VOCABULARY_ATTRS or (name.startswith("data-") and name.endswith(_COMPONENT_ATTR_ENDINGS)):
            words.append(value)
        elif name == "role":
            if value.lower() in FURNITURE_ROLES:
                return -1, False
            words.append(value)
        elif name == "hidden" or (name == "aria-hidden" and value == "true"):
            return -1, False
        elif name == "style" and ("none" in value or "hidden" in value):
            style = value.replace(" ", "").lower()
            if "display:none" in style or "visibility:hidden" in style:
                return -1, False
    if not words:
        return 0, False
    key = " ".join(words).lower()
    # Each pattern below is searched only where a word every one of its matches holds is in the
    # key: a substring test costs a tenth of a search, and most class names hold none of them.
    title = ("title" in key or "head" in key) and TITLE.search(key) is not None
    if itemprop and "articlebody" in key.replace(" ", ""):
        return 1, title
    if ("comment" in key or "disqus" in key or "respond" in key or "replies" in key or "discussion" in key) \
            and COMMENTS.search(key):
        return CERTAIN, title
    if "d-none" in key and _SCREEN_HIDDEN.search(key) and not _SCREEN_SHOWN.search(key):
        return -1, title
    if FURNITURE.search(key) or _furniture_part(key):
        return -1, title
    if ("body" in key or "content" in key or "text" in key or "prose" in key) and ARTICLE.search(key):
        return 1, title
    return 0, title


def _labelled_furniture(el: etree._Element, st: Stats) -> bool:
    """A section whose own heading is named as furniture ("related-title") is that furniture."""
    for child in el:
        tag = child.tag
        if tag in HEADINGS:
            rec = st.get(child)
            return rec is not None and rec[KIND] < 0
        if tag == "a" and not len(child) and not (child.text or "").strip():
            continue  # an empty anchor ahead of the heading
        return False
    return False


def _factor(kind: int) -> float:
    if kind < 0:
        return CERTAIN_FACTOR if kind == CERTAIN else FURNITURE_FACTOR
    return ARTICLE_FACTOR if kind > 0 else 1.0


def measure(root: etree._Element, page_path: Optional[str] = None) -> Stats:
    """Text, link and prose lengths of every element, in one walk (children end before parents)."""
    st = Stats()
    # Accumulators of the open elements: chars, links, inline chars, inline link chars, prose,
    # headings, linked headings, card children, score, position, prose of card children.
    stack: list[list] = []
    discounted: list[etree._Element] = []
    pos = 0
    inline_tags = INLINE_TAGS
    headings = HEADINGS
    leaf = None
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        if event == "start":
            tag = el.tag
            if tag in SKIPPED_TAGS:
                walk.skip_subtree()  # menus: hundreds of links, never a word of the article
                stack.append([0, 0, 0, 0, 0.0, 0, 0, 0, 0.0, pos, 0.0])
                pos += 1
                continue
            text = el.text
            n = _wlen(text) if text and not text.isspace() else 0
            if tag in inline_tags and not len(el) and stack and (tag != "span" or _vocabulary(el) == (0, False)):
                # Text-level leaf (<a>, <b>, <br>...): its text goes straight to its parent's paragraph.
                leaf = el
                tail = el.tail
                t = _wlen(tail) if tail and not tail.isspace() else 0
                parent = stack[-1]
                parent[0] += n + t
                parent[2] += n + t
                if tag == "a" and n and is_link(el, page_path):
                    parent[1] += n
                    parent[3] += n
                pos += 1
                continue
            stack.append([n, 0, n, 0, 0.0, 0, 0, 0, 0.0, pos, 0.0])
            pos += 1
            continue
        if el is leaf:
            continue
        chars, links, inline, ilinks, prose, heads, lheads, cards, score, position, card_prose = stack.pop()
        tag = el.tag
        unit = 0.0
        if tag == "a" and is_link(el, page_path):
            links, ilinks = chars, inline
            prose = score = 0.0  # anything inside a link is a link, even a "card" of paragraphs
            lheads = heads
        elif tag not in inline_tags and inline >= PROSE_MIN:
            unit = inline * (1.0 - min(1.0, ilinks / inline)) ** 2
            if tag in headings:
                unit *= 0.5
            prose += unit
            score += unit
        kind, titled = _vocabulary(el)
        if tag in headings or titled:
            heads += 1
            if inline and ilinks >= 0.8 * inline:
                lheads += 1
        if kind == 0 and heads:
            # Structure, not a class name, says what these are: no share of prose protects them.
            if _labelled_furniture(el, st):
                kind = CERTAIN
            elif cards >= 2 and card_prose >= 0.8 * prose:
                kind = CERTAIN  # a list of teasers: cards (a linked headline, a little text) and little else
        if kind and score:
            score *= _factor(kind)
            if kind == -1:
                discounted.append(el)
        st[el] = [chars, links, prose, unit, kind, position, score]
        if stack:
            parent = stack[-1]
            tail = el.tail
            t = _wlen(tail) if tail and not tail.isspace() else 0
            parent[0] += chars + t
            parent[1] += links
            parent[4] += prose
            parent[8] += score
            if heads:
                parent[5] += heads
                if lheads:
                    parent[6] += lheads
                    if lheads <= 2 and prose <= TEASER_PROSE:  # a card: a linked headline, a little text
                        parent[7] += 1
                        parent[10] += prose
            if tag in inline_tags:
                parent[2] += inline + t
                parent[3] += ilinks
            else:
                parent[2] += t
    _protect(root, st, discounted)
    return st


def _protect(root: etree._Element, st: Stats, discounted: list[etree._Element]) -> None:
    """Undo the vocabulary discount of containers that hold most of the page's prose.

    Only known once the whole page is measured. Such containers are nested in one another
    (each has more than half the prose), so undoing them deepest first and passing each
    change up through the factors of the ancestors keeps every score exact.
    """
    total = st[root][PROSE] if root in st else 0.0
    protected = [el for el in discounted if st[el][PROSE] >= PROTECT_SHARE * total]
    for el in reversed(protected):  # deepest first: later in document order
        rec = st[el]
        new = rec[SCORE] / FURNITURE_FACTOR
        delta = new - rec[SCORE]
        rec[SCORE] = new
        for anc in el.iterancestors():
            arec = st[anc]
            delta *= _factor(arec[KIND]) if arec[SCORE] else 1.0
            arec[SCORE] += delta


def find_body(root: etree._Element, st: Stats, posts: Collection = ()) -> list[etree._Element]:
    """The elements that make up the article body, in document order.

    `posts` are the liveblog posts find_entries recognised: when the body is their feed, the
    prose siblings ahead of it (a summary, an intro, a context paragraph) are part of it.
    """
    score = st.get_score
    body = root.find("body")
    node = body if body is not None else root
    path = [node]
    while True:
        children = [c for c in node if c in st]
        if not children:
            break
        best = max(children, key=score)
        here = st[node][UNIT] + sum(score(c) for c in children)
        if here <= 0 or score(best) < DESCEND_SHARE * here or best.tag in _STOP_DESCENT:
            break
        if st[node][KIND] > 0 and st[best][KIND] <= 0 and score(best) < NAMED_BODY_SHARE * here:
            break  # the container named as the article body is the body, unless one child is all of it
        if best.tag == "table" and not _LAYOUT(best):  # a data table is a block of the body, not a page
            break
        node = best
        path.append(node)
    if node.tag in ("body", "html"):
        return [node]
    own = score(node)
    feed = bool(posts) and any(p is node or node in p.iterancestors() for p in posts)
    # A liveblog's feed sits in wrappers of its own (<div id=liveblog><div class=list>) that hold
    # no other prose: the feed's neighbours are the siblings of the outermost of them.
    while feed and node.getparent() is not None and node.getparent().tag not in ("body", "html") and not any(
            sib is not node and sib in st and st[sib][PROSE] for sib in node.getparent()):
        node = node.getparent()
    parent = node.getparent()
    if parent is None:
        return [node]
    parts = []
    before = True
    heading = None  # a heading just before the feed's intro, taken back with it
    for sib in parent:
        if sib is node:
            parts.append(sib)
            before = False
            continue
        rec = st.get(sib)
        if rec is None:
            continue
        weight = rec[SCORE]
        # A paragraph (a <p>, or any block whose text is its own) beside the body is part of it.
        paragraph = sib.tag == "p" or rec[UNIT] >= 0.8 * rec[PROSE]
        if call_to_action(sib, st):
            continue
        if (weight >= SIBLING_SHARE * own or (paragraph and weight >= 80)) and st.density(sib) < 0.25:
            parts.append(sib)
        elif feed and before and _intro(sib, rec, st):
            # Ahead of a liveblog's posts stand the page's own words (standfirst, summary, key
            # points, context), however small beside the feed; after it come its end notes and CTAs.
            parts.append(sib)
        else:
            if feed and before and sib.tag in HEADINGS:
                heading = sib
            elif heading is not None and rec[CHARS]:
                heading = None
            continue
        if heading is not None:
            parts.append(heading)
            heading = None
    # An article cut into chunks (an ad or a promo between them) repeats its wrapper: siblings of
    # the same tag and class as a wrapper on the way down are more of the same article.
    for step in path[-2:0:-1]:
        cls = step.get("class")
        if not cls:
            continue
        for sib in chain(step.itersiblings(preceding=True), step.itersiblings()):
            if sib.tag == step.tag and sib.get("class") == cls and score(sib) >= CHUNK_SHARE * own \
                    and st.density(sib) < 0.25 and sib not in parts:
                parts.append(sib)
    if len(parts) > 1:
        parts.sort(key=lambda el: st[el][POS])
    return parts


def _intro(sib: etree._Element, rec: list, st: Stats) -> bool:
    """Prose ahead of a liveblog's feed: paragraphs or points of its own, unnamed as furniture,
    with few links (a teaser list or a byline box is not an intro)."""
    if rec[KIND] < 0 or rec[PROSE] < 80 or st.density(sib) >= 0.25:
        return False
    return sib.tag in ("p", "ul", "ol", "blockquote") or sib.find(".//p") is not None or sib.find(".//li") is not None


def clean_body(parts: list[etree._Element], st: Stats) -> None:
    """Drop furniture inside the body: named widgets, captions, hidden and link-heavy containers."""
    total = sum(st[p][PROSE] for p in parts if p in st) or 1.0
    doomed: list[etree._Element] = []
    stack = list(parts)
    while stack:
        el = stack.pop()
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            rec = st.get(child)
            if rec is None:  # a text-level leaf: part of its paragraph
                continue
            if _is_furniture(child, tag, st) and (rec[KIND] == CERTAIN or rec[PROSE] < PROTECT_SHARE * total):
                doomed.append(child)
            else:
                stack.append(child)
    for el in doomed:
        _drop(el)


def _is_furniture(el: etree._Element, tag: str, st: Stats) -> bool:
    kind = st[el][KIND]
    if kind > 0:
        return False
    if kind < 0:
        # An embed box around a quotation or a post (a tweet, a statement) carries the article's
        # own material, whatever the widget is called; comment threads have text besides quotes.
        return not _mostly_quotation(el, st) and not _lead_paragraph(el, tag, st)
    if tag == "figure":
        return el.find(".//blockquote") is None
    if tag == "header" and el.find(".//p") is None:
        return True
    if tag == "form":  # inside the body: a comment, search or sign-up form
        return True
    return _link_box(el, tag, st) or call_to_action(el, st)


_BOX_TAGS = frozenset({"div", "section", "dl"})
BOX_LABEL = 60  # characters: the most text outside links a box of links carries (its label)


def _link_box(el: etree._Element, tag: str, st: Stats) -> bool:
    """A box of links with at most a label ("Leggi anche", "Mehr zum Thema", "Related"): teasers in
    any language. Its links would go one by one as link-heavy blocks; the box goes whole so that
    its label does not stay behind as a line of the article."""
    if tag not in _BOX_TAGS:
        return False
    rec = st[el]
    if not rec[LINKS] or rec[CHARS] - rec[LINKS] > BOX_LABEL or rec[LINKS] < 0.6 * rec[CHARS]:
        return False
    return sum(1 for a in el.iter("a") if text_content(a).strip()) >= 2  # an icon's empty link is no teaser


def call_to_action(el: etree._Element, st: Stats) -> bool:
    """A sign-up, follow or newsletter box: short, with a form or a link, speaking to the reader."""
    rec = st.get(el)
    if rec is None or rec[CHARS] > 400 or el.tag in HEADINGS:
        return False
    controls = {d.tag for d in el.iter("a", "form")}  # one pass over a small element
    if not controls:
        return _reader_callout(el)
    form = "form" in controls
    text = " ".join(text_content(el).split())
    if not text:
        return form
    if form and (rec[PROSE] < 150 or CTA_WORDS.search(text)):
        return True  # a form with a line of text: sign-up, search or comment box
    if rec[CHARS] <= 300 and CTA_START.match(text):
        return True
    head = next((h for h in el.iter(*HEADINGS)), None)
    return head is not None and bool(CTA_START.match(" ".join(text_content(head).split())) or
                                     CTA_WORDS.search(text_content(head)))


def _reader_callout(el: etree._Element) -> bool:
    """A box that opens with a heading calling on the reader ("Get in touch", "Have your say",
    "Schreiben Sie uns") and whose words speak to the reader or give an address: an appeal for
    pictures and tips printed as plain text, without the link or form a sign-up box carries. A
    paragraph that gives an address (a police appeal) is the article's own and has no such heading."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in HEADINGS:
            if not CALLOUT.match(" ".join(text_content(child).split())):
                return False
            return bool(_READER.search(text_content(el)))
        if text_content(child).strip():
            return False  # words before any heading: not a box headed by a call-out
    return False


def _lead_paragraph(el: etree._Element, tag: str, st: Stats) -> bool:
    """A paragraph of prose named only as a standfirst ("dek", "standfirst", "summary" words).

    In a page's header a standfirst is furniture (the summary beside the headline); inside the
    body, a <p> among the article's paragraphs is its opening sentence set in a larger face.
    """
    if tag != "p" or st[el][PROSE] < 80:
        return False
    items = el.items()
    if not any(k in ("class", "id") and SUMMARY.search(v.lower()) for k, v in items):
        return False
    rest = [(k, SUMMARY.sub(" ", v.lower()) if k in ("class", "id") else v) for k, v in items]
    return _attributes_kind(rest, el.get("itemprop"))[0] >= 0


def _mostly_quotation(el: etree._Element, st: Stats) -> bool:
    prose = st[el][PROSE]
    if not prose or el.tag in FURNITURE_TAGS:
        return False
    quoted = sum(st[q][PROSE] for q in el.iter("blockquote") if q in st)
    return quoted >= 0.8 * prose


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


def locate(root: etree._Element, page_path: Optional[str] = None, posts: Collection = ()) -> list[etree._Element]:
    """Measure, find the body, clean it: the body's elements, ready for blocks.

    page_path (the path of the page's URL) tells links to the page itself from links away.
    """
    st = measure(root, page_path)
    parts = find_body(root, st, posts)
    clean_body(parts, st)
    return parts

