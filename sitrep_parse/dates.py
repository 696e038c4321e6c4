"""Dates, times and time zones shared by the cleaner (metadata) and the extractor (updates).

Zone abbreviations printed in articles map to fixed offsets ("EST" is always -05:00, even
in August: the writer chose it); names that follow daylight saving ("ET", "PT", "UK
time") resolve through the tz database for the date in question. A clock printed with no
zone at all is the page's wall clock: the tz database zone of the country its language tag
names, where that agrees with the publication's offset (`page_zone`). Ambiguous
abbreviations (IST: India, Ireland or Israel) are deliberately absent: an unresolved time
is better than a wrong one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Optional
from zoneinfo import ZoneInfo

from .patterns import regex

UTC = timezone.utc


def _fixed(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


FIXED_ZONES: dict[str, timezone] = {
    "Z": UTC, "UTC": UTC, "GMT": UTC, "UT": UTC, "WET": UTC, "ZULU": UTC,
    "EST": _fixed(-5), "EDT": _fixed(-4), "CST": _fixed(-6), "CDT": _fixed(-5),
    "MST": _fixed(-7), "MDT": _fixed(-6), "PST": _fixed(-8), "PDT": _fixed(-7),
    "AKST": _fixed(-9), "AKDT": _fixed(-8), "HST": _fixed(-10), "NST": _fixed(-3.5), "NDT": _fixed(-2.5),
    "BST": _fixed(1), "WEST": _fixed(1), "CET": _fixed(1), "CEST": _fixed(2), "MEZ": _fixed(1), "MESZ": _fixed(2),
    "EET": _fixed(2), "EEST": _fixed(3), "OEZ": _fixed(2), "OESZ": _fixed(3),
    "MSK": _fixed(3), "TRT": _fixed(3), "GST": _fixed(4), "PKT": _fixed(5), "ICT": _fixed(7), "WIB": _fixed(7),
    "HKT": _fixed(8), "SGT": _fixed(8), "AWST": _fixed(8), "PHT": _fixed(8), "JST": _fixed(9), "KST": _fixed(9),
    "ACST": _fixed(9.5), "AEST": _fixed(10), "AEDT": _fixed(11), "NZST": _fixed(12), "NZDT": _fixed(13),
    # Africa, the rest of Asia and Latin America. Several are English words ("EAT", "ART"), which is
    # harmless: a zone is read only in capitals right after a clock time ("18:45 EAT").
    "WAT": _fixed(1), "CAT": _fixed(2), "SAST": _fixed(2), "EAT": _fixed(3), "IRST": _fixed(3.5),
    "AFT": _fixed(4.5), "NPT": _fixed(5.75), "MMT": _fixed(6.5), "MYT": _fixed(8), "WITA": _fixed(8),
    "WIT": _fixed(9), "ACDT": _fixed(10.5), "CHST": _fixed(10),
    "ART": _fixed(-3), "BRT": _fixed(-3), "UYT": _fixed(-3), "CLT": _fixed(-4), "VET": _fixed(-4),
    "COT": _fixed(-5), "PET": _fixed(-5), "ECT": _fixed(-5),
    "МСК": _fixed(3),  # Moscow time as Russian pages print it, in Cyrillic
}

# Names that follow daylight-saving rules: the offset depends on the date.
TZ_NAMES: dict[str, str] = {
    "ET": "America/New_York", "EASTERN": "America/New_York", "EASTERN TIME": "America/New_York",
    "CT": "America/Chicago", "CENTRAL": "America/Chicago", "CENTRAL TIME": "America/Chicago",
    "MT": "America/Denver", "MOUNTAIN TIME": "America/Denver",
    "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles", "PACIFIC TIME": "America/Los_Angeles",
    "UK TIME": "Europe/London", "LONDON TIME": "Europe/London",
    "MOSCOW TIME": "Europe/Moscow", "KYIV TIME": "Europe/Kyiv", "KIEV TIME": "Europe/Kyiv",
}

# IST: India, Ireland or Israel; AST/ADT: Atlantic or Arabia; SST: Samoa or Singapore; BT, MEST: unclear.
AMBIGUOUS_ZONES = frozenset({"IST", "AST", "ADT", "SST", "BT", "MEST"})

# Countries that keep one time zone, by the region part of a language tag ("en-GB"): a clock printed
# without a zone on such a page is in that zone. Countries with several zones are left out.
_COUNTRY_ZONES = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "FR": "Europe/Paris", "DE": "Europe/Berlin",
    "AT": "Europe/Vienna", "CH": "Europe/Zurich", "IT": "Europe/Rome", "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels", "LU": "Europe/Luxembourg", "DK": "Europe/Copenhagen", "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo", "FI": "Europe/Helsinki", "PL": "Europe/Warsaw", "CZ": "Europe/Prague",
    "SK": "Europe/Bratislava", "HU": "Europe/Budapest", "GR": "Europe/Athens", "RO": "Europe/Bucharest",
    "BG": "Europe/Sofia", "HR": "Europe/Zagreb", "SI": "Europe/Ljubljana", "RS": "Europe/Belgrade",
    "UA": "Europe/Kyiv", "TR": "Europe/Istanbul", "IL": "Asia/Jerusalem", "EG": "Africa/Cairo",
    "ZA": "Africa/Johannesburg", "NG": "Africa/Lagos", "KE": "Africa/Nairobi", "GH": "Africa/Accra",
    "IN": "Asia/Kolkata", "PK": "Asia/Karachi", "BD": "Asia/Dhaka", "JP": "Asia/Tokyo", "KR": "Asia/Seoul",
    "SG": "Asia/Singapore", "HK": "Asia/Hong_Kong", "PH": "Asia/Manila", "TH": "Asia/Bangkok",
    "SA": "Asia/Riyadh", "AE": "Asia/Dubai", "QA": "Asia/Qatar",
}
# Languages written (nearly) only inside one set of daylight-saving rules, for a tag without a region.
_LANGUAGE_ZONES = {
    "de": "Europe/Berlin", "it": "Europe/Rome", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "no": "Europe/Oslo", "fi": "Europe/Helsinki",
    "el": "Europe/Athens", "ro": "Europe/Bucharest", "bg": "Europe/Sofia", "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana", "uk": "Europe/Kyiv", "tr": "Europe/Istanbul", "he": "Asia/Jerusalem",
    "ja": "Asia/Tokyo", "ko": "Asia/Seoul",
}


def _tag(language: Optional[str]) -> list[str]:
    """A language tag's parts: "de_DE" and "de-DE" alike -> ["de", "DE"]."""
    return (language or "").replace("_", "-").split("-")


def country_zone(language: Optional[str]) -> Optional[tzinfo]:
    """The zone of the country a language tag names ("de-DE"), or None where it names none or several."""
    region = _tag(language)[1:2]
    name = _COUNTRY_ZONES.get(region[0].upper()) if region else None
    return ZoneInfo(name) if name else None


def page_zone(language: Optional[str], published: Optional[datetime]) -> Optional[tzinfo]:
    """The zone a page's bare clock times ("7:40 Uhr") are read in.

    A page prints the wall clock of its country, which follows daylight saving: an update
    after the clocks went back is an hour later than the publication's fixed offset says.
    The country's tz database zone is used when the page's language names one and it agrees
    with the publication's offset at that instant; otherwise the publication's offset (a
    US or Canadian page, with several zones, keeps the offset it was published with)."""
    if published is None or published.tzinfo is None:
        return None
    zone = country_zone(language)
    if zone is None:
        name = _LANGUAGE_ZONES.get(_tag(language)[0].lower())
        zone = ZoneInfo(name) if name else None
    if zone is not None and published.astimezone(zone).utcoffset() == published.utcoffset():
        return zone
    return published.tzinfo


_SPACES_OR_DOTS = regex(r"[\s.]+")  # "E.S.T.", "e s t" -> one spelling
_UTC_OFFSET = regex(r"(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?")


def zone_for(name: str, on: Optional[date] = None) -> Optional[tzinfo]:
    """The tzinfo a printed zone name stands for, or None if unknown or ambiguous."""
    key = _SPACES_OR_DOTS.sub(" ", name.strip()).upper()
    compact = key.replace(" ", "")
    if compact in FIXED_ZONES:
        return FIXED_ZONES[compact]
    if key in TZ_NAMES:
        return ZoneInfo(TZ_NAMES[key])
    m = _UTC_OFFSET.fullmatch(key)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))
    return None


_ISO = regex(
    r"^\s*(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+\-]\d{2}(?::?\d{2})?)?\s*$",
    re.I,
)


def parse_iso(value: Optional[str]) -> Optional[datetime]:
    """Parse the ISO 8601 forms pages use (Z, fractions, offsets without colon, date only)."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    y, mo, d, h, mi, s, frac, tz = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    if tz:
        if tz.upper() == "Z":
            dt = dt.replace(tzinfo=UTC)
        else:
            digits = tz[1:].replace(":", "")
            off = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            dt = dt.replace(tzinfo=timezone(off if tz[0] == "+" else -off))
    return dt


def has_time(value: Optional[str]) -> bool:
    m = _ISO.match(value or "")
    return bool(m and m.group(4))


def format_iso(dt: datetime) -> str:
    """ISO 8601 to the second, with a +HH:MM offset (never "Z"), as the output contract says."""
    return dt.replace(microsecond=0).isoformat()


def from_epoch(value: str) -> Optional[datetime]:
    """A data-timestamp attribute: seconds or milliseconds since 1970."""
    try:
        n = float(value)
    except ValueError:
        return None
    if n > 1e11:
        n /= 1000.0
    if not 6e8 < n < 5e9:  # 1989..2128: anything else is not a timestamp
        return None
    return datetime.fromtimestamp(n, UTC)


def at(day: date, clock: time, zone: tzinfo) -> datetime:
    """Combine a date, a wall-clock time and a zone (DST-aware for tz database zones)."""
    return datetime.combine(day, clock).replace(tzinfo=zone)
