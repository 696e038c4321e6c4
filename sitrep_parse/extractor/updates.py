"""Find timestamped updates: marker paragraphs, standalone time lines and liveblog posts.

A marker is recognised by its shape, not its wording alone: an update keyword ("Update",
"EDIT", "Mise à jour", "Aktualisierung", "Aktualizace", "Ενημέρωση", "Pembaruan", "עדכון",
"به‌روزرسانی", "อัปเดต", "ОНОВЛЕНО", "GÜNCELLEME", "تحديث", "As of", a dated "Editor's note") at
the very start of a block, followed only by time, date, number and zone words, and closed by a
colon, bracket, dash or a full stop after the time ("ОНОВЛЕНО 14:20. ..."). Clocks in other
scripts' digits ("۱۶:۲۰") read as any other and are given as printed. That
is what separates "UPDATE 2:15 p.m. ET:" from "In an update to its guidance", "UPDATE
3-Ministry says" (a wire headline) and "Updated: August 4, 2022" (a byline). "As of" also
heads tables and opens prose ("As of 14 March"), so as a marker it must carry a clock time.

Japanese, Chinese and Korean pages set the label in brackets with the keyword after the time
("【15時20分更新】"): a bracketed label holding an update keyword is a marker wherever the
keyword stands in it.

Where the keyword is in a language the list lacks ("Aktualizacja, godz. 13:05 – ..."), the
shape alone tells: a short run-in label holding a clock time and a few other words, closed
by a colon or a spaced dash, and either set in emphasis (a bold run-in) or opening several
paragraphs with the same first word. A day number beside a month word the tables cannot
read ("21 maja") still dates the update: the nearest such day to the dates around it.

An update runs from its marker to the next marker, a thematic break (an <hr>, or the end of
a box of paragraphs set beside the story's own: see cleaner/blocks.py), a section heading or
the dateline that opens the original story ("GENEVA, 2 June 2023 – ..."); an update above
the story (only markers and updates before it) also ends at the story's news lead, the paragraph that
says again most of what the headline says, or what the page's description says; an editor's note
set wholly in emphasis ends where its emphasis ends.

A time line of its own ("14.32 BST", "[1130 HKT]", a four-digit clock only with a zone) set
in bold before a paragraph is a post's marker. On a liveblog, markers outside the posts (a
dated editor's note under the story) are updates too.

A label of the same shape that introduces the original story below the updates
("Original story:", "Erstmeldung vom 14. Februar, 07.30 Uhr:", "Nota original:") ends the
update above it and is no update itself: what follows is the report as first published.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple, Optional

from ..dates import format_iso, page_zone, parse_iso
from ..models import Article, Block, Entry, Update
from ..patterns import regex
from .scripts import HAN, HANGUL, KANA
from .times import LOCAL_TIME, MarkerTime, find_date, parse_marker_time, resolve, unread_month_day

_KEYWORD = (r"(?:updates?|updated|edit(?:ed)?|correction|corrected|addendum|clarification|latest|as\s+of|"
            r"mise\s+[àa]\s+jour|mis\s+[àa]\s+jour|actualisation|actualis[ée]e?|màj|"  # French
            r"aktualisierung|aktualisiert|nachtrag|stand|"  # German
            r"aktualizace|aktualizov[áa]no|aktualiz[áa]cia|aktualizovan[ée]|"  # Czech, Slovak
            r"ενημ[έε]ρωση|ενημερ[ώω]θηκε|"  # Greek
            r"actualizare|actualizat[ăa]?|"  # Romanian
            r"oppdatering|oppdatert|opdatering|opdateret|uppdatering|uppdaterad|uppdaterat|"  # Norwegian, Danish, Swedish
            r"päivitys|päivitetty|frissítés|frissítve|"  # Finnish, Hungarian
            r"pembaruan|diperbarui|pemutakhiran|"  # Indonesian, Malay
            r"עדכון|עודכן|"  # Hebrew
            r"به[\u200c ]?روز[\u200c ]?رسانی|به[\u200c ]?روز[\u200c ]?شده|"  # Persian (with or without the non-joiner)
            r"อัปเดต|อัพเดต|อัพเดท|"  # Thai
            r"editor[’']s\s+note|"  # a dated editor's note (a correction) is an update of the story
            r"actualizaci[óo]n|actualizad[oa]|"  # Spanish
            r"atualiza[çc][ãa]o|actualiza[çc][ãa]o|atualizad[oa]|"  # Portuguese
            r"aggiornamento|aggiornat[oa]|agg\.|"  # Italian
            r"оновлено|оновлення|обновлено|обновление|"  # Ukrainian, Russian
            r"güncelleme|güncellendi|"  # Turkish
            r"تحديث|محدث)")  # Arabic
# Labels that introduce the original story below the updates ("Original story:", "Erstmeldung vom
# 14. Februar:"): they end the update above them and are no update themselves.
_ORIGIN = (r"(?:(?:the\s+|our\s+)?(?:original|earlier|initial|first)\s+(?:story|report|article|post|version|text)|"
           r"erstmeldung|ursprungsmeldung|originalmeldung|"
           r"urspr[üu]ngliche[rs]?\s+(?:meldung|fassung|version|artikel|text)|"
           r"premi[èe]re\s+version|version\s+(?:initiale|originale)|article\s+(?:initial|original)|"
           r"(?:nota|noticia|informaci[óo]n|publicaci[óo]n|versi[óo]n)\s+original|"
           r"(?:not[íi]cia|mat[ée]ria|texto|vers[ãa]o)\s+original|"
           r"(?:articolo|notizia|versione)\s+originale|prima\s+versione)")
# The keyword at the very start of a block, optionally bracketed ("[Updated 16:05 GMT]").
MARKER_START = regex(r"^\s*(?P<open>[\[(]\s*)?(?:(?P<kw>" + _KEYWORD + r")|(?P<origin>" + _ORIGIN + r"))\b", re.I)
# Where a marker may end: a closing bracket, a colon, a spaced dash, or the end of a short block.
_CLOSE = regex(r"[\])]\s*[:\-–—.]?|\s*:(?=\s|$)|\s[\-–—](?=\s)|(?<=\d)\.(?=\s)")
# Words a marker's remainder may contain besides times, dates and numbers.
_FILLER = regex(
    r"\b(?:at|as|of|on|um|à|a|le|am|du|des|de|the|local|time|hrs?|uhr|uur|om|h|hs|no|nr|number|[ap]\.?\s?m\.?|"
    r"vom|von|del|el|las|la|às|alle|ore|ora|horas|dalle|в|о|об|saat|الساعة|" + LOCAL_TIME + r"|"
    r"(?-i:[A-ZА-ЯЁ]{1,5})|utc|gmt|z|today|heute|aujourd'hui|hoy|hoje|oggi|morning|afternoon|evening|night|"
    r"kl|klo|godz|hod|pukul|jam|ώρα|ωρα|στις|"  # "o'clock" and "at" before a clock (no, fi, pl, cs, id, el)
    r"ساعت|در|เวลา|น|"  # fa "hour", "at"; th "time", น. (o'clock) after the clock
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"[\d:.,()\[\]+\-−–—/#№]|\s",
    re.I,
)
# What may follow an original-story label besides its date: "Original story follows", "(below)".
_ORIGIN_FILLER = regex(r"\b(?:follows|below|continues|folgt|unten|ci-dessous|suit|sigue|abajo|segue|abaixo|"
                       r"sotto|published|publi[ée]e?|ver[öo]ffentlicht|publicad[oa]|pubblicat[oa])\b", re.I)
_TIME_LINE = regex(
    r"^(?:(?:posted|published|updated)\s+(?:at\s+)?)?(?P<t>(?:\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?)?|"
    r"\d{1,2}\s*[ap]\.?\s?m\.?)\s*(?:[A-Z]{2,5}|Uhr)?)$|"
    # "[1130 HKT]": a 24-hour clock without separator, bracketed or not; only with a zone it names
    r"^[\[(]?\s*(?P<mil>(?:[01]\d|2[0-3])[0-5]\d\s*(?-i:[A-Z]{2,5}))\s*[\])]?$",
    re.I,
)
# A label in brackets that Japanese, Chinese and Korean pages put before an update: the update keyword
# (更新 "update", 追記 "addendum", 업데이트) with at most a date and a time beside it.
_BRACKET_MARKER = regex(r"^\s*[【［\[〔＜<〈《](?P<label>[^】］\]〕＞>〉》]{0,24}?(?:更新|追記|追记|アップデート|업데이트|갱신)"
                        r"[^】］\]〕＞>〉》]{0,24}?)[】］\]〕＞>〉》]\s*")
_INNER_COLON = regex(r"(?<!\d):|:(?!\d)")
_SEPARATOR = regex(r"^[\W_]{3,}$")  # "___", "* * *": a typed thematic break
_AM_PM = regex(r"\d\s*[ap]\.?\s?m\b|午前|午後|上午|下午|오전|오후", re.I)


# "PORT ARLO – ...", "KYIV, Ukraine (AP) — ...": the first line of a news story.
# "GENEVA, 2 June 2023 – ...": a place, then a region or a date, then the dash.
_DATELINE = regex(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+\s?){1,4}(?:,\s*(?:[A-Z][\w.]+(?:\s[A-Z][\w.]+)?|"
                  r"[^–—\n]{0,24}\d[^–—\n]{0,12}))?\s*(?:\([^)]{1,30}\))?\s*[–—-]{1,2}\s")


class Marker(NamedTuple):
    block: int
    label: str  # as printed, without the closing colon
    rest: str  # block text after the marker ("" for standalone markers)
    time: Optional[MarkerTime]
    standalone: bool  # the marker is the whole block (its text follows in later blocks)
    origin: bool = False  # "Original story:": ends the update above, opens the original report


_MONTH_LIKE = regex(r"[A-Za-zäöüéû]+\.?")  # a word that may name a month ("Aug.", "März")


def _valid_rest(rest: str, kw: str, default_year: Optional[int], origin: bool = False) -> Optional[MarkerTime]:
    """The part between keyword and colon must be time, date, number or zone, nothing else."""
    if _INNER_COLON.search(rest.lstrip(" :")):
        raise ValueError(rest)  # "Update (August 5): The ...": the marker closed at that colon
    if origin:
        rest = _ORIGIN_FILLER.sub(" ", rest)
    mt = parse_marker_time(rest, default_year) if rest.strip() else None
    leftover = rest
    if mt and mt.text:
        leftover = leftover.replace(mt.text, " ")
    for month_word in _MONTH_LIKE.findall(leftover):
        if find_date(f"1 {month_word.rstrip('.')} 2000", 2000)[0] is not None:
            leftover = leftover.replace(month_word, " ")
    leftover = _FILLER.sub("", leftover)
    if leftover:
        raise ValueError(rest)
    if kw.lower().replace(" ", "") in ("asof", "stand") and (mt is None or mt.clock is None):
        # "As of" starts prose and heads tables ("As of 14 March"); as a marker it must carry a clock time
        raise ValueError(rest)
    if kw.lower().startswith("editor") and mt is None:
        raise ValueError(rest)  # an undated "Editor's note:" explains the story; it does not update it
    return mt


def find_marker(block: Block, index: int, default_year: Optional[int]) -> Optional[Marker]:
    if block.type not in ("paragraph", "heading", "list_item"):
        return None
    text = block.text
    m = MARKER_START.match(text)
    if m:
        return _keyword_marker(block, index, text, m, default_year)
    if text[:1] in "【［[〔＜<〈《":
        bracket = _BRACKET_MARKER.match(text)
        if bracket:  # "【15時20分更新】", "［更新］": a label set in brackets, the keyword anywhere in it
            mt = parse_marker_time(bracket.group("label"), default_year)
            rest = text[bracket.end():].strip()
            if mt is not None or rest:
                return Marker(index, bracket.group("label").strip(), rest, mt, not rest)
    if len(text) <= 40:
        mt = _time_line(text, default_year)
        if mt:
            return Marker(index, text.strip("[]() "), "", mt, True)
    lead = (block.lead or "").strip().rstrip(":–—-").strip()
    if lead and len(lead) <= 40 and text.startswith(block.lead or "") and len(text) > len(block.lead or "") + 20:
        mt = _time_line(lead, default_year)
        if mt:  # "<strong>14.32 BST</strong> Two aid convoys ...": a liveblog post flattened into paragraphs
            return Marker(index, lead.strip("[]() "), text[len(block.lead or ""):].lstrip(" :–—-"), mt, False)
    return None


def _time_line(text: str, default_year: Optional[int]) -> Optional[MarkerTime]:
    """The time of a line that is nothing but a time ("14.32 BST", "[1130 HKT]"), or None."""
    t = _TIME_LINE.match(text)
    if not t:
        return None
    mt = parse_marker_time(t.group("t") or t.group("mil"), default_year)
    if mt is None or mt.clock is None or (t.group("mil") and mt.zone is None):
        return None  # "2024 FIFA" is a year and a word, not a time
    return mt


# Where a run-in label may close: a colon that is not inside a clock time, or a spaced dash.
# (Written to open on one character class, so the engine skips to the next colon or space.)
_RUN_IN_CLOSE = regex(r"[:\s](?:(?<=:)(?<!\d:)|(?<=:)(?!\d)|(?<=\s)[–—-](?=\s))")
_LABEL_WORD = regex(r"[^\W\d_][\w’'\-]*\.?")


class _RunIn(NamedTuple):
    marker: Marker
    first: str  # the label's first word, folded: the same word opening several labels is a convention
    emphasised: bool


def _run_in(block: Block, index: int, default_year: Optional[int]) -> Optional[_RunIn]:
    """A marker known by its shape only: "Aktualizacja, godz. 13:05 – ...", whatever the language.

    The label before the first colon or spaced dash must hold a clock time and at most four
    other words; the first of them a word (not a number, a day or a filler like "at"), so a
    timeline's "14:00 – ..." and "Monday, 09:00: ..." stay prose. Whether it is a marker is
    decided by the caller: emphasis, or the same first word opening several such labels."""
    if block.type not in ("paragraph", "list_item"):
        return None
    text = block.text
    close = _RUN_IN_CLOSE.search(text, 0, 72)
    if close is None:
        return None
    label = text[:close.start()].strip()
    rest = text[close.end():].strip()
    if not 3 <= len(label) <= 60 or len(rest) < 20 or label[-1:] in ".!?" and not label.endswith("m."):
        return None
    mt = parse_marker_time(label, default_year)
    if mt is None or mt.clock is None or not mt.text:
        return None
    words = _LABEL_WORD.findall(label.replace(mt.text, " "))
    if not words or len(words) > 4 or not label[:1].isalpha():
        return None
    first = words[0].rstrip(".").lower()
    if len(first) < 4 or _FILLER.fullmatch(first) or find_date(f"1 {first} 2000", 2000)[0] is not None:
        return None
    if mt.day is None:
        mday = unread_month_day(label.replace(mt.text, " "))
        if mday is not None:
            mt = mt._replace(mday=mday)
    lead = (block.lead or "").strip().rstrip(":–—-").strip()
    emphasised = bool(lead) and text.startswith(lead) and len(lead) >= len(label) - 1
    return _RunIn(Marker(index, label, rest, mt, False), first, emphasised)


def _keyword_marker(block: Block, index: int, text: str, start: re.Match, default_year: Optional[int]
                    ) -> Optional[Marker]:
    """The longest keyword-led prefix whose remainder is only time, date, number and zone words."""
    origin = start.group("origin") is not None
    kw = start.group("kw") or start.group("origin")
    opened = start.group("open") is not None
    head = text[:140]
    ends = [(c.start(), c.end()) for c in _CLOSE.finditer(head, start.end())]
    if len(text) <= 110:
        ends.append((len(text.rstrip()), len(text)))
    lead = block.lead or ""
    if start.end() < len(lead) <= 110 and text.startswith(lead):
        # a label in bold run into its paragraph ("<b>Обновлено в 16:45 МСК.</b> Спасатели ..."): it ends with its emphasis
        ends.append((len(lead.rstrip(" .:–—-")), len(lead)))
        ends.sort()
    best = None
    for rest_end, close_end in ends:
        rest = text[start.end():rest_end]
        closer = text[rest_end:close_end].strip()
        if closer.startswith((")", "]")) and not opened and rest.count("(") <= rest.count(")"):
            continue  # a bracket that closes something inside the sentence
        body = _trim(text[start.end():close_end])
        if opened and body.endswith(("]", ")")):
            body = body[:-1]
        try:
            mt = _valid_rest(body, kw, default_year, origin)
        except ValueError:
            continue
        best = (rest_end, close_end, mt)
    if best is None:
        return None
    rest_end, close_end, mt = best
    after = text[close_end:].strip()
    label = _trim(text[:close_end]).strip()
    if opened and label.endswith(("]", ")")):
        label = label[1:-1].strip()
    closer = text[rest_end:close_end].strip()
    if origin:
        return Marker(index, label, after, mt, not after, origin=True)
    if _is_byline(kw, text[start.end():rest_end], closer, after, mt, opened, default_year):
        return None
    standalone = not after
    if standalone and block.type == "paragraph" and len(text) > 110:
        return None
    if standalone and not closer and mt is None and kw.lower() not in ("edit", "update", "updates"):
        return None  # a bare "Correction" or "Stand" line says nothing about time
    return Marker(index, label, after, mt, standalone)


_MERIDIEM_END = regex(r"\b[ap]\.\s?m\.$", re.I)
_YEAR = regex(r"\b(?:19|20)\d\d\b")


def _trim(marker: str) -> str:
    """Drop the closing colon, dash or full stop, but not the stop of "p.m."."""
    marker = marker.rstrip(" :-–—")
    if marker.endswith(".") and not _MERIDIEM_END.search(marker):
        marker = marker[:-1].rstrip(" :-–—")
    return marker


def _is_byline(kw: str, rest: str, closer: str, after: str, mt: Optional[MarkerTime], opened: bool,
               default_year: Optional[int]) -> bool:
    """ "Updated: August 4, 2022" and "Updated 10:15 a.m. ET, Aug. 4, 2022" date the page, not an update."""
    if not kw.lower().startswith(("updated", "aktualisiert", "actualizado", "оновлено", "обновлено", "güncellendi")) \
            or opened:
        return False
    if not rest.strip() and closer.startswith(":"):
        lead = parse_marker_time(after[:60], default_year) if after else None
        if lead is not None and lead.text and after.startswith(lead.text[:4]):
            rem = after[len(lead.text):] if after.startswith(lead.text) else after
            return len(rem.strip(" ,.;")) < 25  # "Updated: August 4, 2022 at 3:15 p.m." and nothing else
        return False
    if mt is not None and not after and not closer.startswith(":") and _YEAR.search(rest):
        return True  # a standalone dateline with a year
    if mt is not None and mt.clock is None and mt.day is not None and not after:
        return True  # "Updated August 4" alone on a line
    return False


def _wholly_emphasised(block: Block) -> bool:
    return bool(block.lead) and len(block.lead or "") >= 0.9 * len(block.text.strip())


def _with_run_ins(blocks: list[Block], markers: list[Marker], default_year: Optional[int]) -> list[Marker]:
    """Add the markers known by shape alone: emphasised, or a convention repeated down the article."""
    taken = {m.block for m in markers}
    found = [r for i, b in enumerate(blocks) if i not in taken and (r := _run_in(b, i, default_year))]
    if not found:
        return markers
    firsts: dict[str, int] = {}
    for r in found:
        firsts[r.first] = firsts.get(r.first, 0) + 1
    extra = [r.marker for r in found if r.emphasised or firsts[r.first] >= 2]
    return sorted(markers + extra, key=lambda m: m.block) if extra else markers


_ECHO_WORD = regex(r"[^\W\d_]{4,}")
_ECHO_UNSPACED = regex("[" + KANA + HAN + "0-9]{2,}")


def _echo_tokens(text: str) -> set[str]:
    """What a headline is made of: its longer words, or for Japanese and Chinese its character pairs.
    A Korean syllable block holds what two or three Latin letters do: two of them make a word."""
    tokens = {w.lower() for w in _ECHO_WORD.findall(text) if not _ECHO_UNSPACED.fullmatch(w)}
    for run in _ECHO_UNSPACED.findall(text):
        tokens.update(run[k:k + 2] for k in range(len(run) - 1))
    tokens.update(_ECHO_HANGUL.findall(text))
    return tokens


_ECHO_HANGUL = regex("[" + HANGUL + "]{2,}")


def _echoes(headline: set[str], text: str, share: float = 0.5) -> bool:
    """A paragraph that says again most of what the headline says: a story's news lead."""
    return len(headline) >= 4 and len(headline & _echo_tokens(text[:600])) >= share * len(headline)


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
    local = page_zone(article.metadata.language, published)  # the wall clock of times printed without a zone
    if article.entries and any(b.entry is not None for b in blocks):
        posts = _entry_updates(article, published, default_year, local)
        return _with_loose_markers(posts, article, published, default_year, local)
    markers = [m for i, b in enumerate(blocks) if (m := find_marker(b, i, default_year))]
    markers = _with_run_ins(blocks, markers, default_year)
    updates: list[Update] = []
    last_day: Optional[date] = None
    marker_blocks = {m.block for m in markers}
    headline = _echo_tokens(article.metadata.title or "")
    summary = _echo_tokens(article.metadata.description or "")  # the description: most often the lead, reworded
    covered: set[int] = set()
    for n, marker in enumerate(markers):
        end = markers[n + 1].block if n + 1 < len(markers) else len(blocks)
        span = [marker.block]
        # An editor's note set wholly in emphasis ends where the emphasis ends.
        note = not marker.standalone and _wholly_emphasised(blocks[marker.block])
        # Above the story, nothing but markers before it: the story's own lead, which repeats its
        # headline, ends the update ("Update (4:45 pm): ...", then "The district administration on
        # Tuesday sounded a red alert ..." under the headline "Red alert in ...").
        # (An update's own paragraphs before it count as markers: "UPDATE 1.30pm: ...", a quotation, then
        # "UPDATE 10.05am: ...", then the story.) The lead the page's description summarises ends it too,
        # under a run-in or a heading marker alike.
        on_top = all(k in marker_blocks or k in covered or blocks[k].type == "heading" for k in range(marker.block))
        for j in range(marker.block + 1, end):
            b = blocks[j]
            if note and not _wholly_emphasised(b):
                break
            if on_top and not marker.standalone and headline and b.type == "paragraph" and _echoes(headline, b.text):
                break
            if on_top and b.type == "paragraph" and _echoes(summary, b.text, 0.6):
                break
            if b.after_break or (b.type == "heading" and not marker.standalone) or _DATELINE.match(b.text) \
                    or _SEPARATOR.match(b.text):
                break  # a thematic break, a section, or the dateline that opens the original story
            if marker.standalone and b.type == "heading" and j > marker.block + 1:
                break
            span.append(j)
        covered.update(span)
        texts = ([marker.rest] if marker.rest else []) + [blocks[j].text for j in span[1:]]
        mt = marker.time
        if mt is not None and mt.day:
            last_day = mt.day
        if marker.origin or not any(texts):
            # the original story's label, or a section heading "Updates" over the markers
            continue
        timestamp = None
        if mt is not None:
            context = last_day or _context_day(blocks, marker.block, default_year)
            instant = resolve(mt, published, None if mt.day else context, local)
            timestamp = format_iso(instant) if instant else None
            if instant is not None and mt.mday is not None:
                last_day = instant.date()  # "21 maja" dates the updates after it too
        updates.append(Update(
            label=marker.label,
            time_text=mt.text if mt else None,
            timestamp=timestamp,
            text="\n\n".join(t for t in texts if t),
            blocks=tuple(span),
        ))
    return updates


def _with_loose_markers(posts: list[Update], article: Article, published: Optional[datetime],
                        default_year: Optional[int], local: Optional[tzinfo]) -> list[Update]:
    """A liveblog's posts, and the timed markers outside them: a dated editor's note or correction
    under the story the posts stand above. Each runs to the next marker, post, heading or break."""
    blocks = list(article.blocks)
    markers = [m for i, b in enumerate(blocks) if b.entry is None and b.type != "heading"
               and (m := find_marker(b, i, default_year)) and m.time is not None and not m.origin]
    if not markers:
        return posts
    taken = {m.block for m in markers}
    loose = []
    for marker in markers:
        span = [marker.block]
        for j in range(marker.block + 1, len(blocks)):
            b = blocks[j]
            if j in taken or b.entry is not None or b.type == "heading" or b.after_break or _SEPARATOR.match(b.text):
                break
            span.append(j)
        texts = ([marker.rest] if marker.rest else []) + [blocks[j].text for j in span[1:]]
        if not any(texts):
            continue
        context = None if marker.time.day else _context_day(blocks, marker.block, default_year)
        instant = resolve(marker.time, published, context, local)
        loose.append(Update(label=marker.label, time_text=marker.time.text,
                            timestamp=format_iso(instant) if instant else None,
                            text="\n\n".join(t for t in texts if t), blocks=tuple(span)))
    return sorted(posts + loose, key=lambda u: u.blocks[0] if u.blocks else -1)


def _entry_updates(article: Article, published: Optional[datetime], default_year: Optional[int],
                   local: Optional[tzinfo]) -> list[Update]:
    """Liveblog posts: the machine time is the truth, expressed in the zone the page prints."""
    blocks = list(article.blocks)
    updates = []
    for index, entry in enumerate(article.entries):
        span = [i for i, b in enumerate(blocks) if b.entry == index]
        if not span:
            continue
        texts = [blocks[i].text for i in span if not (blocks[i].type == "heading" and blocks[i].text == entry.title)]
        shown = parse_marker_time(entry.label, default_year) if entry.label else None
        context = None
        if shown is not None and shown.day is None and entry.time is None:
            day, dspan = find_date(entry.section or "", default_year)
            context = day if day and dspan and dspan[1] - dspan[0] >= 0.4 * len(entry.section or "") \
                else _context_day(blocks, span[0], default_year)
        timestamp = _entry_timestamp(entry, shown, published, context, local)
        updates.append(Update(
            label=entry.label or timestamp or "",
            time_text=shown.text if shown is not None else None,
            timestamp=timestamp,
            text="\n\n".join(texts),
            blocks=tuple(span),
            title=entry.title,
        ))
    return updates


def _entry_timestamp(entry: Entry, shown: Optional[MarkerTime], published: Optional[datetime],
                     context: Optional[date], local: Optional[tzinfo] = None) -> Optional[str]:
    machine = parse_iso(entry.time)
    if machine is None:
        if shown is None:
            return None
        instant = resolve(shown, published, context, local)
        return format_iso(instant) if instant else None
    if shown is not None and shown.clock is not None:
        # A clock of 1 to 12 printed without am/pm ("9:05" for 21:05) names its hour only modulo 12.
        half_day = 1 <= shown.clock.hour <= 12 and not _AM_PM.search(shown.text or "")
        if shown.zone is not None:
            wall = machine.astimezone(shown.zone)
            if (wall.hour, wall.minute) == (shown.clock.hour, shown.clock.minute):
                return format_iso(wall)
        elif not shown.ambiguous:
            if machine.utcoffset() and machine.minute == shown.clock.minute and \
                    (machine.hour - shown.clock.hour) % (12 if half_day else 24) == 0:
                return format_iso(machine)  # the markup's own offset, and its wall clock is the one printed
            # "14:32" printed beside 13:32Z: the page's clock runs at +01:00
            shown_minutes = shown.clock.hour * 60 + shown.clock.minute
            utc = machine.astimezone(timezone.utc)
            diff = (shown_minutes - (utc.hour * 60 + utc.minute) + 12 * 60) % (24 * 60) - 12 * 60
            options = [diff] + ([diff - 12 * 60, diff + 12 * 60] if half_day else [])
            options = [d for d in options if d % 15 == 0 and -12 * 60 <= d <= 14 * 60]
            if published is not None and published.utcoffset() is not None:
                # of the readings a half-day clock allows, the page's own offset
                own = published.utcoffset() // timedelta(minutes=1)
                options.sort(key=lambda d: d != own)
            if options:
                return format_iso(machine.astimezone(timezone(timedelta(minutes=options[0]))))
    if published is not None and published.tzinfo is not None:
        return format_iso(machine.astimezone(published.tzinfo))
    return format_iso(machine)
