"""Reading and resolving the time in an update marker: every format, zone and rule, table-driven."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sitrep_parse.dates import format_iso, page_zone, parse_iso, zone_for
from sitrep_parse.extractor.times import parse_marker_time, resolve

# (marker time as printed, published, expected resolved instant or None)
CASES = [
    # fixed abbreviations keep their offset whatever the season ("EST" in August is -05:00)
    ("1348 EST", "2022-08-03T09:07:00-04:00", "2022-08-03T13:48:00-05:00"),
    ("1348 EDT", "2022-08-03T09:07:00-04:00", "2022-08-03T13:48:00-04:00"),
    ("16:05 GMT", "2022-08-11T13:25:00+00:00", "2022-08-11T16:05:00+00:00"),
    ("1605Z", "2022-08-11T13:25:00+00:00", "2022-08-11T16:05:00+00:00"),
    ("09:30 UTC", "2022-08-05T08:00:00+00:00", "2022-08-05T09:30:00+00:00"),
    ("14.32 BST", "2022-08-10T08:36:00+01:00", "2022-08-10T14:32:00+01:00"),
    ("17:00 MSK", "2022-08-10T12:00:00+03:00", "2022-08-10T17:00:00+03:00"),
    ("11:00 CET", "2023-01-10T09:00:00+01:00", "2023-01-10T11:00:00+01:00"),
    ("11:00 CEST", "2023-07-10T09:00:00+02:00", "2023-07-10T11:00:00+02:00"),
    ("11:00 EET", "2023-01-10T09:00:00+02:00", "2023-01-10T11:00:00+02:00"),
    ("11:00 EEST", "2023-07-10T09:00:00+03:00", "2023-07-10T11:00:00+03:00"),
    ("0900 CST", "2023-07-10T08:00:00-05:00", "2023-07-10T09:00:00-06:00"),
    ("0900 PDT", "2023-07-10T08:00:00-07:00", "2023-07-10T09:00:00-07:00"),
    # ET and PT follow daylight saving for the date
    ("2:15 p.m. ET", "2022-08-09T10:05:00-04:00", "2022-08-09T14:15:00-04:00"),
    ("2:15 p.m. ET", "2022-12-09T10:20:00-05:00", "2022-12-09T14:15:00-05:00"),
    ("8:30 a.m. PT", "2023-01-20T07:00:00-08:00", "2023-01-20T08:30:00-08:00"),
    ("8:30 a.m. PT", "2023-06-20T07:00:00-07:00", "2023-06-20T08:30:00-07:00"),
    ("4 p.m. ET", "2023-03-13T09:00:00-04:00", "2023-03-13T16:00:00-04:00"),  # the day after DST began
    # explicit offsets and local time with an offset
    ("12:00 UTC+3", "2023-05-01T08:00:00+00:00", "2023-05-01T12:00:00+03:00"),
    ("3 August 2022, 18:00 local time (UTC+4)", "2022-08-03T09:00:00+04:00", "2022-08-03T18:00:00+04:00"),
    ("16:45 local time (UTC+4), 6 August 2022", "2022-08-05T11:25:00+04:00", "2022-08-06T16:45:00+04:00"),
    # no zone printed: the page's own offset ("Uhr", "16h05", a bare clock)
    ("14:30 Uhr", "2022-08-09T08:10:00+02:00", "2022-08-09T14:30:00+02:00"),
    ("16h05", "2022-08-09T08:10:00+02:00", "2022-08-09T16:05:00+02:00"),
    ("11am", "2022-08-09T08:10:00+02:00", "2022-08-09T11:00:00+02:00"),
    # the marker's own date wins
    ("Aug 5, 2022, 09:30 UTC", "2022-08-04T21:35:00+00:00", "2022-08-05T09:30:00+00:00"),
    ("9:40 a.m. ET, Aug. 4", "2022-08-03T22:00:00-04:00", "2022-08-04T09:40:00-04:00"),
    ("031420ZAUG22", "2022-08-04T08:00:00+00:00", "2022-08-03T14:20:00+00:00"),  # military date-time group
    ("041130CAUG22", "2022-08-04T08:00:00+00:00", "2022-08-04T11:30:00+03:00"),  # zone letter C = +03:00
    # dates without a time, and ambiguous zones, resolve to nothing
    ("Aug 4", "2022-08-04T08:00:00+00:00", None),
    ("14:30 IST", "2022-08-04T08:00:00+05:30", None),
    # publication date in the marker's zone, rolled to the next day if more than an hour before publication
    ("10:45 UTC", "2022-08-06T19:25:00+00:00", "2022-08-07T10:45:00+00:00"),
    ("19:00 UTC", "2022-08-06T19:25:00+00:00", "2022-08-06T19:00:00+00:00"),  # 20 minutes before: same day
    ("01:00 GMT", "2022-08-04T23:30:00-04:00", "2022-08-06T01:00:00+00:00"),  # 03:30Z on the 5th; 01:00 rolls
    # digits of other scripts; a Thai date in the Buddhist Era (2568 is 2025)
    ("١٦:٢٠", "2025-11-19T07:50:00+03:00", "2025-11-19T16:20:00+03:00"),
    ("18/09/2568 15:30", "2025-09-18T07:20:00+07:00", "2025-09-18T15:30:00+07:00"),
    # Japanese, Chinese and Korean clocks and dates, in the page's own offset
    ("15時20分", "2025-09-07T06:30:00+09:00", "2025-09-07T15:20:00+09:00"),
    ("午後3時", "2025-09-07T06:30:00+09:00", "2025-09-07T15:00:00+09:00"),
    ("2025年9月8日 9時05分", "2025-09-07T06:30:00+09:00", "2025-09-08T09:05:00+09:00"),
    ("下午3点20分", "2025-09-07T06:30:00+08:00", "2025-09-07T15:20:00+08:00"),
    ("9월 8일 15시 20분", "2025-09-07T06:30:00+09:00", "2025-09-08T15:20:00+09:00"),
]


@pytest.mark.parametrize("printed,published,expected", CASES)
def test_marker_time_resolves(printed, published, expected):
    mt = parse_marker_time(printed, int(published[:4]))
    assert mt is not None
    instant = resolve(mt, parse_iso(published), None)
    assert (format_iso(instant) if instant else None) == expected


def test_nearest_dated_context_wins_over_publication_date():
    mt = parse_marker_time("09:41", 2023)
    instant = resolve(mt, parse_iso("2023-04-05T08:15:00+03:00"), date(2023, 4, 4))
    assert format_iso(instant) == "2023-04-04T09:41:00+03:00"  # no rolling when the context dates it


@pytest.mark.parametrize("printed,text", [
    ("Update (1348 EST)", "1348 EST"),
    ("Update, 9:40 a.m. ET, Aug. 4", "9:40 a.m. ET, Aug. 4"),
    ("As of 3 August 2022, 18:00 local time (UTC+4)", "3 August 2022, 18:00 local time (UTC+4)"),
    ("Mise à jour à 16h05", "16h05"),
    ("Update, 14:30 Uhr", "14:30 Uhr"),
    ("UPDATE 031420ZAUG22", "031420ZAUG22"),
])
def test_time_text_is_the_time_as_printed(printed, text):
    assert parse_marker_time(printed, 2022).text == text


@pytest.mark.parametrize("name,offset", [
    ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"), ("PST", "-08:00"),
    ("PDT", "-07:00"), ("GMT", "+00:00"), ("UTC", "+00:00"), ("Z", "+00:00"), ("BST", "+01:00"),
    ("CET", "+01:00"), ("CEST", "+02:00"), ("EET", "+02:00"), ("EEST", "+03:00"), ("MSK", "+03:00"),
    ("WAT", "+01:00"), ("CAT", "+02:00"), ("SAST", "+02:00"), ("EAT", "+03:00"), ("NPT", "+05:45"),
    ("ART", "-03:00"), ("COT", "-05:00"),
])
def test_fixed_zone_abbreviations(name, offset):
    instant = datetime(2022, 1, 15, 12, 0, tzinfo=zone_for(name))
    assert format_iso(instant).endswith(offset)


@pytest.mark.parametrize("name", ["IST", "AST", "SST"])
def test_ambiguous_zone_is_left_unresolved(name):
    assert zone_for(name) is None
    assert parse_marker_time(f"14:30 {name}", 2022).ambiguous


def test_a_zone_that_is_a_word_is_read_only_in_capitals_after_a_clock():
    assert parse_marker_time("18:45 EAT", 2022).zone_name == "EAT"
    assert parse_marker_time("18:45 eat", 2022).zone_name is None


@pytest.mark.parametrize("name,day,offset", [
    ("ET", date(2022, 8, 1), "-04:00"), ("ET", date(2022, 12, 1), "-05:00"),
    ("PT", date(2022, 8, 1), "-07:00"), ("PT", date(2022, 12, 1), "-08:00"),
])
def test_daylight_saving_names_follow_the_tz_database(name, day, offset):
    instant = datetime(day.year, day.month, day.day, 12, 0, tzinfo=zone_for(name))
    assert format_iso(instant).endswith(offset)


# Dates in the languages markers are written in.
DATES = [
    ("14. Februar, 10.05 Uhr", date(2023, 2, 14)),
    ("4 de mayo de 2023, 10:20", date(2023, 5, 4)),
    ("12 de setembro, 14h10", date(2023, 9, 12)),
    ("3 settembre 2023, ore 9:15", date(2023, 9, 3)),
    ("17 septiembre, 08:00", date(2023, 9, 17)),
    ("1er juillet, 9h30", date(2023, 7, 1)),
    ("5 березня 2024, 11:40", date(2024, 3, 5)),  # Ukrainian: the genitive a date uses
    ("12 октября, 17:05", date(2023, 10, 12)),  # Russian
    ("8 Kasım 2023, 14.30", date(2023, 11, 8)),  # Turkish
    ("3 يونيو 2023، 10:15", date(2023, 6, 3)),  # Arabic
]


@pytest.mark.parametrize("text,day", DATES)
def test_dates_in_other_languages(text, day):
    mt = parse_marker_time(text, 2023)
    assert mt is not None and mt.day == day and mt.clock is not None


# "local time" in any language: no zone of its own, the page's offset applies.
@pytest.mark.parametrize("text", ["18:20 (hora local)", "9h30 heure locale", "15:40 (ora locale)", "12.40 Uhr Ortszeit",
                                  "14h10 (horário local)", "07:10 local time", "0710 local"])
def test_local_time_words_take_the_page_offset(text):
    mt = parse_marker_time(text, 2023)
    assert mt is not None and mt.zone is None and mt.zone_name is None and not mt.ambiguous
    assert mt.text == text
    instant = resolve(mt, parse_iso("2023-05-02T06:00:00-03:00"), None)
    assert instant is not None and format_iso(instant).endswith("-03:00")


# Zones written out in words: Arabic "Greenwich time", Ukrainian "Kyiv time", Russian "Moscow time".
@pytest.mark.parametrize("text,published,expected", [
    ("11:20 بتوقيت غرينتش", "2023-04-02T09:00:00+03:00", "2023-04-02T11:20:00+00:00"),
    ("11:20 بتوقيت جرينتش", "2023-04-02T09:00:00+03:00", "2023-04-02T11:20:00+00:00"),
    ("11:20 за київським часом", "2023-01-12T09:00:00+00:00", "2023-01-12T11:20:00+02:00"),
    ("11:20 по московскому времени", "2023-01-12T09:00:00+00:00", "2023-01-12T11:20:00+03:00"),
])
def test_zones_written_in_words(text, published, expected):
    mt = parse_marker_time(text, 2023)
    assert mt is not None and mt.text == text
    assert format_iso(resolve(mt, parse_iso(published), None)) == expected


# A bare clock is the page's wall clock, which follows its country's daylight saving: a page
# published at 21:30 +02:00 on the night German clocks go back prints "7:40 Uhr" next morning in +01:00.
@pytest.mark.parametrize("language,published,printed,expected", [
    ("de-DE", "2023-10-28T21:30:00+02:00", "7:40 Uhr", "2023-10-29T07:40:00+01:00"),
    ("de", "2023-10-28T21:30:00+02:00", "7:40 Uhr", "2023-10-29T07:40:00+01:00"),
    ("en-GB", "2024-03-30T20:00:00+00:00", "10:30", "2024-03-31T10:30:00+01:00"),  # clocks go forward
    ("de-DE", "2023-10-28T19:05:00+02:00", "20:45 Uhr", "2023-10-28T20:45:00+02:00"),  # before the change
    # the country's zone disagrees with the publication offset: the offset stays
    ("de-DE", "2023-10-28T21:30:00-04:00", "7:40 Uhr", "2023-10-29T07:40:00-04:00"),
    # a language spoken across zones names none: the offset stays
    ("en", "2023-11-04T21:30:00-04:00", "7:40 a.m.", "2023-11-05T07:40:00-04:00"),
])
def test_bare_clock_follows_the_page_countrys_daylight_saving(language, published, printed, expected):
    pub = parse_iso(published)
    instant = resolve(parse_marker_time(printed, 2023), pub, None, page_zone(language, pub))
    assert format_iso(instant) == expected
