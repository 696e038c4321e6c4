"""Find timestamped updates: marker paragraphs, standalone time lines and liveblog posts.

A marker is recognised by its shape, not its wording alone: an update keyword ("Update",
"EDIT", "Mise à jour", "Aktualisierung", "As of") at the very start of a block, followed
only by time, date, number and zone words, and closed by a colon, bracket or dash. That
is what separates "UPDATE 2:15 p.m. ET:" from "In an update to its guidance", "UPDATE
3-Veskaria says" (a wire headline) and "Updated: August 4, 2022" (a byline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from ..dates import format_iso, parse_iso
from ..models import Article, Block, Entry, Update
from .times import MarkerTime, find_date, parse_marker_time, resolve

_KEYWORD = (r"(?:updates?|updated|edit(?:ed)?|correction|addendum|mise\s+[àa]\s+jour|aktualisierung|"
            r"aktualisiert|nachtrag|actualizaci[óo]n|actualizado|aggiornamento|as\s+of|stand)")
MARKER = re.compile(
    r"^\s*(?P<label>(?P<open>[\[(]\s*)?(?P<kw>" + _KEYWORD + r")\b(?P<rest>[^\n]{0,100}?)\s*"
    r"(?P<close>[\])]\s*[:\-–—.]?|\s*:(?=\s|$)|\s[\-–—](?=\s)))\s*",
    re.I,
)
# Words a marker's remainder may contain besides times, dates and numbers.
_FILLER = re.compile(
    r"\b(?:at|as|of|on|um|à|a|le|am|du|des|de|the|local|time|hrs?|uhr|h|no|nr|number|[ap]\.?\s?m\.?|"
    r"(?-i:[A-Z]{1,5})|utc|gmt|z|today|heute|aujourd'hui|morning|afternoon|evening|night|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"[\d:.,()\[\]+\-−–—/]|\s",
    re.I,
)
_TIME_LINE = re.compile(
    r"^(?:(?:posted|published|updated)\s+(?:at\s+)?)?(?P<t>\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|Uhr)?)$",
    re.I,
)


@dataclass(frozen=True)
class Marker:
    block: int
    label: str  # as printed, without the closing colon
    rest: str  # block text after the marker ("" for standalone markers)
    time: Optional[MarkerTime]
    standalone: bool  # the marker is the whole block (its text follows in later blocks)


def _valid_rest(rest: str, kw: str, default_year: Optional[int]) -> Optional[MarkerTime]:
    """The part between keyword and colon must be time, date, number or zone, nothing else."""
    mt = parse_marker_time(rest, default_year) if rest.strip() else None
    leftover = rest
    if mt and mt.text:
        leftover = leftover.replace(mt.text, " ")
    for month_word in re.findall(r"[A-Za-zäöüéû]+\.?", leftover):
        if find_date(f"1 {month_word.rstrip('.')} 2000", 2000)[0] is not None:
            leftover = leftover.replace(month_word, " ")
    leftover = _FILLER.sub("", leftover)
    if leftover:
        raise ValueError(rest)
    if kw.lower().replace(" ", "") in ("asof", "stand") and mt is None:
        raise ValueError(rest)  # "As of" starts prose too; as a marker it must carry a time
    return mt


def find_marker(block: Block, index: int, default_year: Optional[int]) -> Optional[Marker]:
    if block.type not in ("paragraph", "heading", "list_item"):
        return None
    text = block.text
    m = MARKER.match(text)
    if m:
        kw = m.group("kw")
        rest = m.group("rest")
        if m.group("open") is None and m.group("close").strip().startswith(("]", ")")) and "(" not in rest:
            return None  # a stray bracket closes something else
        try:
            mt = _valid_rest(rest, kw, default_year)
        except ValueError:
            return None
        after = text[m.end():].strip()
        label = m.group("label").strip().rstrip(":-–—. ").strip()
        if label.endswith(("]", ")")) and label.startswith(("[", "(")):
            label = label[1:-1].strip()
        byline_form = kw.lower().startswith("updated") and not m.group("open") and m.group("close").strip() == ":"
        if byline_form and mt is not None and len(after) < 40:
            return None  # "Updated: August 4, 2022 at 3:15 p.m." is a byline, not an update
        if kw.lower().startswith("updated") and mt is not None and mt.clock is None and not m.group("open"):
            return None
        standalone = not after
        if standalone and block.type == "paragraph" and len(text) > 80:
            return None
        return Marker(index, label, after, mt, standalone)
    if len(text) <= 40:
        t = _TIME_LINE.match(text)
        if t:
            mt = parse_marker_time(t.group("t"), default_year)
            if mt and mt.clock:
                return Marker(index, text, "", mt, True)
    return None


def _context_day(blocks: list[Block], upto: int, default_year: Optional[int]) -> Optional[date]:
    """The nearest dated heading or short dated line before a marker (a liveblog's day header)."""
    for i in range(upto - 1, -1, -1):
        b = blocks[i]
        if b.type == "heading" or len(b.text) <= 60:
            day, span = find_date(b.text, default_year)
            if day and span and span[1] - span[0] >= len(b.text) * 0.4:
                return day
    return None


def find_updates(article: Article) -> list[Update]:
    blocks = list(article.blocks)
    published = parse_iso(article.metadata.published)
    default_year = published.year if published else None
    if article.entries and any(b.entry is not None for b in blocks):
        return _entry_updates(article, published, default_year)
    markers = [m for i, b in enumerate(blocks) if (m := find_marker(b, i, default_year))]
    updates: list[Update] = []
    last_day: Optional[date] = None
    for n, marker in enumerate(markers):
        end = markers[n + 1].block if n + 1 < len(markers) else len(blocks)
        span = [marker.block]
        for j in range(marker.block + 1, end):
            b = blocks[j]
            if b.after_break or (b.type == "heading" and not marker.standalone):
                break
            if marker.standalone and b.type == "heading" and j > marker.block + 1:
                break
            span.append(j)
        texts = ([marker.rest] if marker.rest else []) + [blocks[j].text for j in span[1:]]
        timestamp = None
        mt = marker.time
        if mt is not None:
            context = last_day or _context_day(blocks, marker.block, default_year)
            instant = resolve(mt, published, None if mt.day else context)
            timestamp = format_iso(instant) if instant else None
            if mt.day:
                last_day = mt.day
        updates.append(Update(
            label=marker.label,
            time_text=mt.text if mt else None,
            timestamp=timestamp,
            text="\n\n".join(t for t in texts if t),
            blocks=tuple(span),
        ))
    return updates


def _entry_updates(article: Article, published: Optional[datetime], default_year: Optional[int]) -> list[Update]:
    """Liveblog posts: the machine time is the truth, expressed in the zone the page prints."""
    blocks = article.blocks
    updates = []
    for index, entry in enumerate(article.entries):
        span = [i for i, b in enumerate(blocks) if b.entry == index]
        if not span:
            continue
        texts = [blocks[i].text for i in span if not (blocks[i].type == "heading" and blocks[i].text == entry.title)]
        updates.append(Update(
            label=entry.label or entry.time or "",
            time_text=entry.label,
            timestamp=_entry_timestamp(entry, published, default_year),
            text="\n\n".join(texts),
            blocks=tuple(span),
            title=entry.title,
        ))
    return updates


def _entry_timestamp(entry: Entry, published: Optional[datetime], default_year: Optional[int]) -> Optional[str]:
    machine = parse_iso(entry.time)
    shown = parse_marker_time(entry.label, default_year) if entry.label else None
    if machine is None:
        if shown is None:
            return None
        instant = resolve(shown, published, None)
        return format_iso(instant) if instant else None
    if shown is not None and shown.clock is not None and shown.zone is not None:
        local = machine.astimezone(shown.zone)
        if (local.hour, local.minute) == (shown.clock.hour, shown.clock.minute):
            return format_iso(local)
    if published is not None and published.tzinfo is not None:
        return format_iso(machine.astimezone(published.tzinfo))
    return format_iso(machine)
