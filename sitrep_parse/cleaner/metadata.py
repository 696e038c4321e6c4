"""Article metadata from the page's own declarations, most specific first.

JSON-LD (NewsArticle, LiveBlogPosting, ... including @graph) states what the publisher
means; OpenGraph and <meta> say it again for social cards; <time> and visible bylines
are what a reader sees. Each field takes the first source that has it, with two
refinements a reader would expect: a title loses its " | Site Name" suffix, and a
publication time is given in the page's own UTC offset when any source (or the visible
dateline) states one, rather than in UTC.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, tzinfo
from typing import Any, Callable, Iterable, Optional
from urllib.parse import urljoin

from lxml import etree

from ..dates import country_zone, format_iso, parse_iso, zone_for
from ..models import Metadata
from ..patterns import regex
from .dom import norm, text_content

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "liveblogposting", "blogposting",
    "report", "scholarlyarticle", "techarticle", "socialmediaposting", "webpage", "medicalwebpage",
})
_TITLE_SEPARATORS = regex(r"\s+[|\-–—:·•»]\s+")
# "By", "Analysis by", "Text von": everything up to the credit word goes.
_BY = regex(r"^\s*(?:(?:analysis|text|story|words|reporting|report|written|posted|published|commentary|"
            r"opinion|review|interview|texto|texte|bericht|reportage)\s+)?"
            r"(?:by|von|par|por|di|door|av|af|przez|от)\s+", re.I)
# Name separators; the conjunctions only between spaces, so "Bruce Y. Lee" stays whole, and only
# where both sides look like names (see _split_names).
_NAME_SPLIT = regex(r"\s*[,;&|]\s*")
_CONJUNCTION = regex(r"\s+(?:and|AND|And|und|UND|et|ET|y|e|en|og|och|i|és|и|та|oraz)\s+")
# Lower-case words that belong inside personal names ("Pieter de Wit", "Ursula von der Leyen").
_PARTICLES = frozenset("de da das do dos del della der den di du la le van von ter ten bin ibn al el st zu".split())
# Words of organisations' names, which a person's name never holds ("Ministerio de Defensa y Asuntos
# Exteriores" is capitalised like two names, and is one ministry).
_ORGANIZATION_WORDS = frozenset("""
    ministry ministère ministere ministerio ministero ministerium ministério department département departamento
    dipartimento office bureau büro agency agence agencia agenzia agentur council conseil consejo consiglio
    commission comisión comision commissione kommission committee comité comite comitato ausschuss unit unité
    unidad unità service servicio servizio serviço dienst institute institut instituto istituto university
    université universidad università universität association asociación associazione verband federation
    fédération federación federazione foundation fondation fundación fondazione stiftung coordination
    coordinación coordinamento koordination news press presse prensa stampa staff team équipe equipo squadra
    redaktion rédaction redacción redazione desk group groupe grupo gruppo gruppe police polizei policía polizia
    government gouvernement gobierno governo regierung authority autorité autoridad autorità behörde
    corporation company société sociedad società gesellschaft network réseau rete netzwerk
""".split())
# An author given as an organisation: never a list of people, whatever conjunctions it holds.
_ORGANIZATION_TYPES = regex(r"organi[sz]ation$|^(?:corporation|ngo|government|governmentorganization|"
                            r"newsmediaorganization|project|consortium|airline)$")
# A part after a name that is a credential or a job title, not another author ("MS, RD", "CNN
# Editor-at-large", "AP National Political Writer").
_CREDENTIAL = regex(r"^(?:[A-Z]{1,4}|Ph\.?D|M\.?D|Jr|Sr|I{1,3})$")
_ROLE = regex(r"\b(?:editor|writer|correspondent|reporter|contributor|columnist|producer|staff|redakteur|"
              r"redaktion|rédaction|redacción|redazione|autor|author)s?\b", re.I)
_CLOCK = regex(r"\d[:.h]\d\d")
_VISIBLE_TIME = regex(r"(\d{1,2})[:.h](\d{2})\s*(?:([ap])\.?m\.?)?\s*([A-Z]{1,5}|UTC[+\-−]\d{1,2})\b")


def extract_metadata(root: etree._Element, page_url: Optional[str]) -> Metadata:
    ld = _json_ld_article(root)
    metas = _meta_tags(root)
    micro = _microdata_times(root)

    def meta(*keys: str) -> Optional[str]:
        for key in keys:
            values = metas.get(key)
            if values:
                return values[0]
        return None

    title_tag = root.find(".//title")
    page_title = norm(text_content(title_tag)) if title_tag is not None else None
    site_name = _first(*(name for name in (
        meta("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone"),
        _title_decoration(page_title, _first(_ld_str(ld.get("headline")), meta("og:title", "twitter:title"))),
        _ld_name(ld.get("publisher")),
    ) if name and "://" not in name))  # an address is not a name
    title = _title(root, ld, meta, site_name, page_title)
    authors = _authors(root, ld, metas)
    language = _first(root.get("lang"), root.get("xml:lang"), meta("content-language", "language", "dc.language"),
                      _ld_str(ld.get("inLanguage")), (meta("og:locale") or "").replace("_", "-") or None)
    # Read once, and only if a UTC time needs a zone: "14:15 CEST" printed on the page, or a bare
    # "Posted at 06:30" where the page's language names a country that keeps one time zone.
    clocks = _memo(lambda: _visible_clocks(root) + _bare_clocks(root, country_zone(language)))
    published = _best_time(
        clocks,
        [_ld_str(ld.get("datePublished")), meta("article:published_time", "og:article:published_time",
         "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
         "sailthru.date", "pubdate", "publishdate", "publish-date", "citation_publication_date"),
         micro.get("datepublished"), _ld_str(ld.get("dateCreated")), micro.get("time")],
    )
    modified = _best_time(
        clocks,
        [_ld_str(ld.get("dateModified")), meta("article:modified_time", "og:updated_time", "datemodified",
         "last-modified", "dcterms.modified"), micro.get("datemodified")],
    )
    canonical = _first(_link(root, "canonical"), meta("og:url"), _ld_url(ld))
    if canonical and page_url:
        canonical = urljoin(page_url, canonical)
    elif canonical and not canonical.lower().startswith(("http://", "https://")):
        canonical = None
    return Metadata(
        title=title,
        site_name=site_name,
        authors=authors,
        published=published,
        modified=modified,
        language=_language(language),
        url=canonical or page_url,
        description=_first(meta("og:description", "description", "twitter:description"),
                           _ld_str(ld.get("description"))),
    )


# --------------------------------------------------------------------------- sources


_TRAILING_COMMA = regex(r",\s*([}\]])")


def _json_ld_objects(root: etree._Element) -> Iterable[dict]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # trailing commas and control characters are common in hand-written JSON-LD
                data = json.loads(_TRAILING_COMMA.sub(r"\1", raw), strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        t = [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in (t or [])}


def _json_ld_article(root: etree._Element) -> dict:
    """The most article-like JSON-LD object: a NewsArticle beats a WebPage."""
    best: dict = {}
    best_rank = 99
    for obj in _json_ld_objects(root):
        types = _types(obj) & ARTICLE_TYPES
        if not types:
            continue
        rank = 2 if types <= {"webpage", "medicalwebpage"} else 1 if "headline" not in obj else 0
        if rank < best_rank:
            best, best_rank = obj, rank
    return best


def _meta_tags(root: etree._Element) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    head = root.find("head")
    for el in (head if head is not None else root).iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            metas.setdefault(key.strip().lower(), []).append(norm(content))
    return metas


def _ld_str(value: Any) -> Optional[str]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return norm(str(value)) if value not in (None, "") else None


def _ld_name(value: Any) -> Optional[str]:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _ld_str(value.get("name"))
    return _ld_str(value)


def _ld_url(ld: dict) -> Optional[str]:
    for key in ("url", "mainEntityOfPage", "@id"):
        value = ld.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


def _link(root: etree._Element, rel: str) -> Optional[str]:
    for el in root.iter("link"):
        if rel in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href").strip()
    return None


def _microdata_times(root: etree._Element) -> dict[str, str]:
    """itemprop=datePublished/dateModified on <time>, <meta> or <span>, first of each, in one pass.

    Also "time": the page's first <time pubdate>, else its first <time datetime> with a date,
    the last resort for a publication date when nothing is declared.
    """
    found: dict[str, str] = {}
    first_time = None
    for el in root.iter("time", "meta", "span"):
        prop = el.get("itemprop")
        if prop:
            prop = prop.lower()
            if prop in ("datepublished", "datemodified") and prop not in found:
                value = el.get("datetime") or el.get("content")
                if value:
                    found[prop] = value
        if el.tag == "time":
            value = el.get("datetime")
            if value and len(value) >= 10 and value[:4].isdigit():
                if el.get("pubdate") is not None and "pubdate" not in found:
                    found["pubdate"] = value
                elif first_time is None:
                    first_time = value
    time = found.pop("pubdate", None) or first_time
    if time:
        found["time"] = time
    return found


def _first(*values: Optional[str]) -> Optional[str]:
    for v in values:
        if v and v.strip():
            return norm(_unescape(v))
    return None


# --------------------------------------------------------------------------- fields


def _title(root: etree._Element, ld: dict, meta, site_name: Optional[str], page_title: Optional[str]
           ) -> Optional[str]:
    h1s = [norm(text_content(h)) for h in root.iter("h1")]
    h1s = [h for h in h1s if h]
    declared = _first(_ld_str(ld.get("headline")), meta("og:title", "twitter:title", "title", "dc.title"))
    # The visible headline, when the declared title (else the <title>) confirms it. A declared
    # title that matches no <h1> means the <h1> is something else (a blog's name on Blogger):
    # then the <title>, which carries that name too, is no confirmation.
    candidate = declared or page_title
    site = (site_name or "").lower()
    for h in h1s if candidate else ():
        if h.lower() != site and (h == candidate or (len(h) > 10 and h in candidate)):
            return h
    if declared:
        return _strip_site(declared, site_name)
    if h1s:
        return h1s[0]
    return _strip_site(page_title, site_name) if page_title else None


def _title_decoration(page_title: Optional[str], declared: Optional[str]) -> Optional[str]:
    """The site's name as the page prints it around its headline in <title> ("Harbour Log:
    Red rainstorm shuts roads"). It comes before the JSON-LD publisher, which may name the platform
    that hosts the site ("Blogger") or the company behind it rather than the site itself."""
    if not declared or not page_title or len(page_title) <= len(declared):
        return None
    if page_title.endswith(declared):
        rest = page_title[:-len(declared)]
    elif page_title.startswith(declared):
        rest = page_title[len(declared):]
    else:
        return None
    name = rest.strip(" |-–—:·•»«")
    # only a decoration set off by a separator, and short enough to be a name
    return name if name and rest.strip() != name and len(name.split()) <= 6 else None


def _strip_site(title: str, site_name: Optional[str]) -> str:
    """Drop a " | Site" or "Site - " decoration from a title."""
    seps = list(_TITLE_SEPARATORS.finditer(title))
    if not seps or not site_name:
        return title
    site = site_name.lower()
    tail = title[seps[-1].end():].lower()
    if site in tail or tail in site:
        return title[:seps[-1].start()].strip()
    if title[:seps[0].start()].lower() == site:
        return title[seps[0].end():].strip()
    return title


def _unescape(text: str) -> str:
    """Undo HTML escaping that a CMS applied twice ("review &#8211; shoots" in a JSON-LD headline)."""
    return html.unescape(text) if "&" in text else text


def _looks_like_name(words: list[str]) -> bool:
    """A person's name: a few words, each capitalised or a name particle. "Ministère des Affaires
    étrangères" and "Ministry of Foreign Affairs" hold function words no name does."""
    if not words or len(words) > 5 or not words[0][:1].isupper():
        return False
    return all((w[:1].isupper() or w.lower() in _PARTICLES) and w.lower() not in _ORGANIZATION_WORDS for w in words)


def _split_conjunctions(part: str) -> list[str]:
    """"Jane Doe and John Roe" is two people; "Ministère des Affaires étrangères et de la
    Coopération" is one organisation: split on a conjunction only where both sides look like names."""
    pieces = _CONJUNCTION.split(part)
    if len(pieces) == 1:
        return pieces
    if all(_looks_like_name(p.split()) for p in pieces):
        return pieces
    return [part]


def _recase(name: str) -> str:
    """A name printed in capitals ("MIRA KOLTAI") in its ordinary case; one word (an agency's
    initials, "AFP") stays as it is."""
    words = name.split()
    if len(words) >= 2 and name.isupper() and all(len(w.strip(".")) > 1 for w in words):
        return " ".join(w.title() for w in words)
    return name


def _split_names(text: str, whole: bool = False) -> list[str]:
    text = _BY.sub("", norm(_unescape(text)))
    if text.lower().startswith(("http://", "https://", "www.")):  # a profile address, not a name
        return []
    if whole:
        return [text] if 0 < len(text) < 120 else []
    parts = [piece for part in _NAME_SPLIT.split(text) for piece in _split_conjunctions(part)]
    names = []
    for n, part in enumerate(parts):
        part = norm(part).strip(" .")
        if not part or part.lower().startswith(("http://", "https://", "www.")) or len(part) >= 80:
            continue
        if n and (_CREDENTIAL.match(part) or _ROLE.search(part)):
            continue
        names.append(_recase(part))
    return names


def _authors(root: etree._Element, ld: dict, metas: dict[str, list[str]]) -> tuple[str, ...]:
    names: list[str] = []
    ld_authors = ld.get("author") or ld.get("creator")
    if ld_authors is not None:
        for a in ld_authors if isinstance(ld_authors, list) else [ld_authors]:
            name = _ld_name(a)
            if name:
                organization = isinstance(a, dict) and any(_ORGANIZATION_TYPES.search(t) for t in _types(a))
                names.extend(_split_names(name, whole=organization))
    if not names:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"):
            for value in metas.get(key, []):
                names.extend(_split_names(value))
            if names:
                break
    if not names:
        for el in root.iter("a", "span"):
            if el.get("rel") == "author" or el.get("itemprop") == "author":
                name = norm(text_content(el))
                if name and len(name) < 80:
                    names.extend(_split_names(name))
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.lower(), n)
    return tuple(seen.values())


def _best_time(clocks: Callable[[], list], candidates: list[Optional[str]]) -> Optional[str]:
    """The first declared instant, expressed in the page's own offset where the page gives one.

    Sources often disagree only in form: JSON-LD in UTC, the OpenGraph tag in local time, or a
    naive "2019-11-19T19:31:39" beside the same wall time with its offset. The first source
    decides the instant; a later one (or the visible dateline) may only supply the offset.
    Dates before 1970 or more than a year ahead are placeholders ("0001-01-01"), not dates.
    """
    parsed = [dt for dt in (parse_iso(c) for c in candidates if c) if dt is not None and _plausible(dt)]
    if not parsed:
        return None
    first = parsed[0]
    if first.tzinfo is None:
        for other in parsed[1:]:
            if other.tzinfo is not None and other.replace(tzinfo=None) == first:
                return format_iso(other)
        return format_iso(first)
    if first.utcoffset():
        return format_iso(first)
    for other in parsed[1:]:
        if other.tzinfo is not None and other.utcoffset() and other == first:
            return format_iso(other)
    local = _visible_offset(clocks(), first)
    return format_iso(local or first)


def _memo(compute: Callable[[], list]) -> Callable[[], list]:
    cache: list = []

    def get() -> list:
        if not cache:
            cache.append(compute())
        return cache[0]

    return get


def _plausible(dt: datetime) -> bool:
    return 1970 <= dt.year <= datetime.now().year + 1


def _visible_clocks(root: etree._Element) -> list[tuple[int, int, Optional[str], str]]:
    """Every "14:15 CEST"-like time printed in a short text: (hour, minute, am/pm, zone)."""
    clocks = []
    for el in root.iter("time", "span", "div", "p", "summary"):
        text = el.text
        if not text or len(text) > 120 or not _CLOCK.search(text):
            continue
        for m in _VISIBLE_TIME.finditer(text):
            clocks.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
    return clocks


_BARE_CLOCK = regex(r"(?<![\d:.])(\d{1,2})[:.h](\d{2})(?![\d:.])")


def _bare_clocks(root: etree._Element, zone: Optional[tzinfo]) -> list[tuple[int, int, Optional[str], tzinfo]]:
    """Every "06:30" printed in a short text, in the zone of the page's country (none without one)."""
    if zone is None:
        return []
    clocks = []
    for el in root.iter("time", "span", "div", "p", "summary"):
        text = el.text
        if not text or len(text) > 120 or not _CLOCK.search(text):
            continue
        for m in _BARE_CLOCK.finditer(text):
            clocks.append((int(m.group(1)), int(m.group(2)), None, zone))
    return clocks


def _visible_offset(clocks: list[tuple[int, int, Optional[str], Any]], instant: datetime) -> Optional[datetime]:
    """A UTC instant re-expressed in the zone of a visible dateline that shows the same moment."""
    for hour, minute, ampm, zone_name in clocks:
        zone = zone_name if isinstance(zone_name, tzinfo) else zone_for(zone_name, instant.date())
        if zone is None:
            continue
        if ampm:
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        local = instant.astimezone(zone)
        if (local.hour, local.minute) == (hour, minute) and local.utcoffset():
            return local
    return None


_LANGUAGE_TAG = regex(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _language(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = value.strip().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(value):
        return None
    head, *rest = value.split("-")
    return "-".join([head.lower()] + [r.upper() if len(r) == 2 else r for r in rest])
