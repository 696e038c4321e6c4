"""Read the time in an update marker and resolve it to an instant.

A marker may carry a clock time ("1348", "2:15 p.m.", "16h05", "14.32", "15時20分",
"下午3点20分", "15시 20분"), a zone ("EST", "ET", "GMT", "Z", "Uhr", "local time
(UTC+4)", "0615 local": the page's own offset; written out in words: "بتوقيت غرينتش", "за
київським часом"), a date ("Aug 5, 2022", "3 August", "09.08.2022", "5 березня", "8 Kasım",
"2025年9月7日", "9월 7일") or a military date-time group ("031420ZAUG22"). Resolution follows the corpus rules
(sitrep-dev/LABELS.md): the marker's own date, else the nearest dated context before it,
else the publication date in the marker's zone, rolled to the next day when that would put
the update more than an hour before publication. A marker without a zone is in the page's
own wall clock, which follows its country's daylight saving (dates.page_zone): "7:40 Uhr"
the morning after German clocks went back is +01:00 on a page published at +02:00.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import NamedTuple, Optional

from ..dates import AMBIGUOUS_ZONES, at, zone_for
from ..patterns import by_first_char, regex

MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "janvier": 1, "enero": 1, "jänner": 1, "janeiro": 1, "gennaio": 1,
    "feb": 2, "february": 2, "februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "fevereiro": 2, "febbraio": 2,
    "mar": 3, "march": 3, "märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "março": 3,
    "apr": 4, "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maio": 5, "maggio": 5,
    "jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6, "junho": 6, "giugno": 6,
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7, "julho": 7, "luglio": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "setiembre": 9, "setembro": 9,
    "settembre": 9,
    "oct": 10, "october": 10, "oktober": 10, "octobre": 10, "octubre": 10, "okt": 10, "outubro": 10, "ottobre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "dec": 12, "december": 12, "dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dez": 12,
    "dezembro": 12, "dicembre": 12,
}
# Ukrainian and Russian (the nominative and the genitive a date uses: "5 березня"), Turkish, Arabic.
for _n, _names in enumerate((
        "січень січня январь января ocak يناير",
        "лютий лютого февраль февраля şubat فبراير",
        "березень березня март марта mart مارس",
        "квітень квітня апрель апреля nisan أبريل ابريل",
        "травень травня май мая mayıs مايو",
        "червень червня июнь июня haziran يونيو",
        "липень липня июль июля temmuz يوليو",
        "серпень серпня август августа ağustos أغسطس اغسطس",
        "вересень вересня сентябрь сентября eylül سبتمبر",
        "жовтень жовтня октябрь октября ekim أكتوبر اكتوبر",
        "листопад листопада ноябрь ноября kasım نوفمبر",
        "грудень грудня декабрь декабря aralık ديسمبر"), start=1):
    MONTHS.update((_name, _n) for _name in _names.split())
# Any word where a month name goes; whether it is one is a dictionary lookup, not a 90-way alternation.
_MONTH = r"(?P<{0}>[^\W\d_]{{3,10}})\.?"
_DAY_NAME = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_DIGIT = regex(r"\d")
# The start of a month name in any language the table holds: a quick test before any date pattern,
# run on lower-cased text (case-folding in the engine would cost five times as much as the test).
MONTH_HINT = regex(r"(?:\b(?:" + by_first_char(
    "jan|feb|f[ée]v|m[aä]r|apr|avr|abr|ma[iyg]|jun|jui|jul|aug|ao[uû]|ago|sep|set|okt|oct|out|ott|nov|"
    "de[cczé]|dic|ene|gen|giu|lug|"
    "січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис|гру|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|"
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر") + "))")
_DATE_HINT = regex(MONTH_HINT.pattern + r"|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2}|\d\s*[月월]")
# "Aug 5, 2022" / "August 4" / "5 August 2022" / "14. Februar" / "4 de mayo de 2023" / "09.08.2022" / "2022-08-05"
DATE_PATTERNS = [
    regex(_DAY_NAME + _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b", re.I),
    regex(_DAY_NAME + r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?" + _MONTH.format("m")
          + r"(?:,?\s+(?:de\s+)?(?P<y>\d{4}))?\b", re.I),
    regex(r"\b(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})\b"),
    regex(r"\b(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})\b"),
    # 10/08/2022: day first, unless the day cannot be (08/25/2022) or the text names a US zone
    regex(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b"),
    # 2025年9月7日 / 9月7日 (Japanese, Chinese) / 9월 7일 (Korean)
    regex(r"(?:(?P<y>\d{4})\s*[年년]\s*)?(?P<mn>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일号號]"),
]
_US_ZONE = regex(r"\b(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)\b")

_OFFSET = r"(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
# "local time" in the languages markers are written in: the clock of the place reported on, which
# a page writes in its own zone (the publication's offset) unless an offset follows.
LOCAL_TIME = (r"(?:local\s+time|hora\s+local|heure\s+locale|ora\s+locale|hor[áa]rio\s+local|"
              r"(?:Uhr\s+)?Ortszeit|Lokalzeit|lokaler\s+Zeit|plaatselijke\s+tijd|lokale\s+tijd|"
              r"за\s+місцевим\s+часом|по\s+местному\s+времени|yerel\s+saatle|بالتوقيت\s+المحلي)")
# Zones written out in words: "بتوقيت غرينتش" (Greenwich time), "за київським часом" (Kyiv time),
# "по московскому времени" (Moscow time), mapped to the names dates.zone_for knows.
_WORDED_ZONE = r"(?:ب?توقيت\s+(?:غرينتش|غرينيتش|جرينتش|جرينيتش)|(?:за|по)\s+(?:київським|киевскому|московським|московскому)\s+(?:часом|времени))"
_WORDED_ZONE_NAMES = (("غرين", "GMT"), ("جرين", "GMT"), ("київ", "KYIV TIME"), ("киев", "KYIV TIME"),
                      ("москов", "MOSCOW TIME"))
_LOCAL_ZONE = regex(r"\(?\s*" + LOCAL_TIME + r"\b", re.I)
_ABBREVIATION = regex(r"[A-Z]{2,5}")  # the shape of a zone's abbreviation ("EST", "AEDT")
_ZONE = (r"(?P<zone>" + _WORDED_ZONE + r"|(?:(?:Eastern|Pacific|Central|Mountain|UK|London|Moscow|Kyiv|Kiev)\s+time|\(?\s*" + LOCAL_TIME
         + r")(?:\s*\((?P<lzone>" + _OFFSET + r")\))?\)?|" + _OFFSET
         + r"|Uhr(?:\s+Ortszeit)?|h\b|(?-i:[A-Z]{1,5}|[А-ЯЁ]{3,4})(?![A-Za-zА-Яа-яЁё]))")
CLOCK_PATTERNS = [
    # 2:15 p.m. ET / 9:40 a.m. / 14:30 Uhr / 16h05 / 14.32 BST
    regex(r"\b(?P<h>\d{1,2})[:.h](?P<mi>[0-5]\d)(?!\d)\s*(?P<ap>[ap]\.?\s?m\.?)?(?:\s*" + _ZONE + r")?", re.I),
    # 4 p.m.
    regex(r"\b(?P<h>\d{1,2})\s*(?P<ap>[ap]\.?\s?m\.?)(?:\s*" + _ZONE + r")?", re.I),
    # 1348 EST / 1605Z / 0930 hrs
    regex(r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs?\b|(?P<zone>Z\b|[A-Z]{2,5}\b))"),
    # 0615 local: the page's own clock (the publication's offset), as "local time" is
    regex(r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?i:local)\b"),
    # 15時20分 / 午後3時 (Japanese), 下午3点20分 (Chinese), 15시 20분 (Korean)
    regex(r"(?P<ap>午前|午後|上午|下午|오전|오후)?\s*(?P<h>\d{1,2})\s*[時时點点시]\s*(?:(?P<mi>[0-5]?\d)\s*[分분])?"),
]
# Half of the day written out in Japanese, Chinese and Korean.
_CJK_HALF = {"午前": "am", "上午": "am", "오전": "am", "午後": "pm", "下午": "pm", "오후": "pm"}
# Military date-time group: DDHHMM + zone letter + MON + YY ("031420ZAUG22")
DTG = regex(r"\b(?P<d>[0-3]\d)(?P<h>[0-2]\d)(?P<mi>[0-5]\d)\s?(?P<z>[A-Z])\s?(?P<m>[A-Z]{3})"
            r"\s?(?P<y>\d{2}(?:\d{2})?)\b", re.I)
_NATO_LETTERS = {**{c: i + 1 for i, c in enumerate("ABCDEFGHIKLM")}, **{c: -(i + 1) for i, c in enumerate("NOPQRSTUVWXY")},
                 "Z": 0}


class MarkerTime(NamedTuple):
    """What a marker says about time, before resolution."""

    text: Optional[str]  # the time as printed, e.g. "Aug 5, 2022, 09:30 UTC"
    day: Optional[date] = None
    clock: Optional[time] = None
    zone: Optional[tzinfo] = None
    zone_name: Optional[str] = None  # as printed; None when the marker names no zone
    ambiguous: bool = False  # a zone was printed but cannot be resolved (IST)
    mday: Optional[int] = None  # a day of the month printed beside a month word we cannot read ("21 maja")


def _year(y: Optional[str], default: Optional[int]) -> Optional[int]:
    if not y:
        return default
    n = int(y)
    if 2400 < n < 2700:
        return n - 543  # the Buddhist Era of Thai dates: 2568 is 2025
    return n + 2000 if n < 100 else n


def find_date(text: str, default_year: Optional[int]) -> tuple[Optional[date], Optional[tuple[int, int]]]:
    if not _DIGIT.search(text) or not _DATE_HINT.search(text.lower()):
        return None, None  # every date form has a day number, and a month name or a numeric pattern
    for pattern in DATE_PATTERNS:
        m = next((c for c in pattern.finditer(text) if not c.groupdict().get("m")
                  or c.group("m").lower() in MONTHS), None)
        if not m:
            continue
        gd = m.groupdict()
        if gd.get("a"):
            a, b = int(gd["a"]), int(gd["b"])
            month_first = b > 12 or (a <= 12 and bool(_US_ZONE.search(text)))
            gd = {**gd, "d": str(b if month_first else a), "mn": str(a if month_first else b)}
        month = MONTHS.get(gd["m"].lower().rstrip(".")) if gd.get("m") else int(gd["mn"])
        year = _year(gd.get("y"), default_year)
        if not month or not year:
            continue
        try:
            return date(year, month, int(gd["d"])), m.span()
        except ValueError:
            continue
    return None, None


# Decimal digits of other scripts, one character for one, so that spans found on the translated text
# fit the text as printed: Arabic-Indic, Persian, Devanagari, Bengali, Thai, Myanmar, full-width.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1040, 0xFF10)
ASCII_DIGITS = {zero + k: ord("0") + k for zero in _DIGIT_ZEROS for k in range(10)}


def parse_marker_time(text: str, default_year: Optional[int] = None) -> Optional[MarkerTime]:
    """Pull date, clock and zone out of a marker's text; None if it names no time at all."""
    printed_text = text
    text = text.translate(ASCII_DIGITS)  # "۱۶:۲۰" reads as 16:20; the time is still given as printed
    m = DTG.search(text)
    if m:
        month = MONTHS.get(m.group("m").lower())
        offset = _NATO_LETTERS.get(m.group("z").upper())
        if month and offset is not None:
            try:
                day = date(_year(m.group("y"), default_year) or 2000, month, int(m.group("d")))
                clock = time(int(m.group("h")), int(m.group("mi")))
            except ValueError:
                day = None
            if day:
                return MarkerTime(printed_text[m.start():m.end()], day, clock, timezone(timedelta(hours=offset)), m.group("z"))
    day, dspan = find_date(text, default_year)
    clock = None
    cspan = None
    zone_name = None
    for pattern in CLOCK_PATTERNS:
        for cm in pattern.finditer(text):
            if dspan and cm.start() < dspan[1] and cm.end() > dspan[0] and cm.group("h") and not cm.groupdict().get("zone"):
                continue  # digits of the date itself
            h = int(cm.group("h"))
            mi = int(cm.groupdict().get("mi") or 0)
            ap = (cm.groupdict().get("ap") or "").lower().replace(".", "").replace(" ", "")
            ap = _CJK_HALF.get(ap, ap)
            if ap:
                if not 1 <= h <= 12:
                    continue
                h = h % 12 + (12 if ap.startswith("p") else 0)
            if h > 23 or mi > 59:
                continue
            clock = time(h, mi)
            cspan = cm.span()
            zone_name = cm.groupdict().get("lzone") or cm.groupdict().get("zone")
            break
        if clock:
            break
    if clock is None and day is None:
        return None
    spans = [s for s in (dspan, cspan) if s]
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    printed = printed_text[start:end].strip(" ,;([")
    if printed.count("(") > printed.count(")") and text[end:end + 1] == ")":
        printed += ")"  # "09:00 PT (Dec 4)"
    zone = None
    ambiguous = False
    if zone_name:
        key = zone_name.strip()
        worded = next((name for stem, name in _WORDED_ZONE_NAMES if stem in key.lower()), None) \
            if not key.isascii() else None
        if worded:
            key = worded
        if key.upper() in AMBIGUOUS_ZONES:
            ambiguous = True
        elif key.lower() not in ("uhr", "h") and not _LOCAL_ZONE.match(key) and not key.lower().startswith("uhr"):
            zone = zone_for(key, day)
            if zone is None and _ABBREVIATION.fullmatch(key):
                ambiguous = True  # an unknown abbreviation: better unresolved than guessed
        if key.lower() in ("uhr", "h") or key.lower().startswith("uhr") or _LOCAL_ZONE.match(key):
            zone_name = None
    return MarkerTime(printed or None, day, clock, zone, zone_name, ambiguous)


# A day number beside a word where a month name goes: "21 maja", "maja 21", "21. travnja".
_DAY_WORD = regex(r"(?<![\d:.,])\b(?P<d>[0-3]?\d)\.?\s+(?P<w>[^\W\d_]{3,12})\b|"
                  r"\b(?P<w2>[^\W\d_]{3,12})\.?\s+(?P<d2>[0-3]?\d)\b(?![\d:.,]\d)")


def unread_month_day(text: str) -> Optional[int]:
    """The day of a date whose month is in a language the month table lacks ("niedziela 21 maja").

    Only for a label already known to be a time marker, with its clock taken out: there a day
    number beside a word can only be a date, and the month follows from the dates around it
    (see `near_day`)."""
    for m in _DAY_WORD.finditer(text):
        d = int(m.group("d") or m.group("d2"))
        word = (m.group("w") or m.group("w2")).lower()
        if 1 <= d <= 31 and word not in MONTHS:
            return d
    return None


def near_day(mday: int, reference: date) -> Optional[date]:
    """The date with this day of the month nearest to the reference (this, the next or the last month)."""
    best = None
    for shift in (0, 1, -1):
        y, m = reference.year, reference.month + shift
        if m == 0:
            y, m = y - 1, 12
        elif m == 13:
            y, m = y + 1, 1
        try:
            candidate = date(y, m, mday)
        except ValueError:
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best


def resolve(mt: MarkerTime, published: Optional[datetime], context_day: Optional[date],
            local: Optional[tzinfo] = None) -> Optional[datetime]:
    """The instant a marker names, or None when it names no clock time or an ambiguous zone.

    A marker without a zone is in the page's own clock: `local` (see dates.page_zone), which
    may follow daylight saving, else the publication's offset."""
    if mt.clock is None or mt.ambiguous:
        return None
    zone = mt.zone or local
    if zone is None:
        zone = published.tzinfo if published is not None and published.tzinfo is not None else None
        if zone is None:
            return None
    day = mt.day or context_day
    rolled_ok = day is None and mt.mday is None
    if day is None:
        if published is None:
            return None
        day = published.astimezone(zone).date() if published.tzinfo else published.date()
    if mt.day is None and mt.mday is not None:
        day = near_day(mt.mday, day) or day  # its own day of the month, near the dates around it
    instant = at(day, mt.clock, zone)
    if rolled_ok and published is not None and published.tzinfo and instant < published - timedelta(hours=1):
        instant = at(day + timedelta(days=1), mt.clock, zone)
    return instant
