"""Update markers: each listed format is found with its time, each trap is not, and spans end right."""

from __future__ import annotations

import pytest

from sitrep_parse.extractor import extract
from sitrep_parse.models import Article, Block, Entry, Metadata

PUB = "2022-08-04T10:00:00+02:00"


def article(*blocks, published=PUB) -> Article:
    built = []
    for b in blocks:
        if isinstance(b, Block):
            built.append(b)
        elif isinstance(b, tuple):
            built.append(Block(b[0], b[1], **(b[2] if len(b) > 2 else {})))
        else:
            built.append(Block("paragraph", b))
    return Article(source="test.html", url=None, metadata=Metadata(published=published), blocks=tuple(built))


BODY = "The ministry said the crossing would stay closed overnight and reopen at first light."
STORY = ["Fighting resumed on Thursday along the northern line, officials said, after a quiet week.",
         "Aid groups said convoys had been held at the checkpoint for several hours."]

# (marker paragraph, published, label, time_text, timestamp)
MARKERS = [
    # a bold run-in label closed by a full stop, in Cyrillic with Moscow time in Cyrillic
    (("paragraph", "Обновлено в 16:45 МСК. " + BODY, {"lead": "Обновлено в 16:45 МСК."}), "2025-03-01T09:40:00+03:00",
     "Обновлено в 16:45 МСК", "16:45 МСК", "2025-03-01T16:45:00+03:00"),
    # a Japanese addendum label in full-width angle brackets
    ("＜追記 午後4時20分＞" + BODY, "2025-03-01T09:40:00+09:00", "追記 午後4時20分",
     "午後4時20分", "2025-03-01T16:20:00+09:00"),
    # Persian, with its own digits and the non-joiner inside the keyword; Thai, "o'clock" after the clock
    ("به\u200cروزرسانی ساعت ۱۶:۲۰: " + BODY, "2025-11-19T07:50:00+03:30", "به\u200cروزرسانی ساعت ۱۶:۲۰", "۱۶:۲۰",
     "2025-11-19T16:20:00+03:30"),
    ("Update (1348 EST): " + BODY, "2022-08-03T09:07:00-04:00", "Update (1348 EST)", "1348 EST",
     "2022-08-03T13:48:00-05:00"),
    ("UPDATE 2:15 p.m. ET: " + BODY, "2022-08-09T10:05:00-04:00", "UPDATE 2:15 p.m. ET", "2:15 p.m. ET",
     "2022-08-09T14:15:00-04:00"),
    ("Update, 9:40 a.m. ET, Aug. 4: " + BODY, "2022-08-03T20:00:00-04:00", "Update, 9:40 a.m. ET, Aug. 4",
     "9:40 a.m. ET, Aug. 4", "2022-08-04T09:40:00-04:00"),
    ("[Updated 16:05 GMT] " + BODY, "2022-08-11T13:25:00+00:00", "Updated 16:05 GMT", "16:05 GMT",
     "2022-08-11T16:05:00+00:00"),
    ("Updated at 1605Z: " + BODY, "2022-08-11T13:25:00+00:00", "Updated at 1605Z", "1605Z",
     "2022-08-11T16:05:00+00:00"),
    ("Update (Aug 5, 2022, 09:30 UTC): " + BODY, "2022-08-04T21:35:00+00:00", "Update (Aug 5, 2022, 09:30 UTC)",
     "Aug 5, 2022, 09:30 UTC", "2022-08-05T09:30:00+00:00"),
    ("Update 1 (Aug 4): " + BODY, PUB, "Update 1 (Aug 4)", "Aug 4", None),
    ("EDIT: " + BODY, PUB, "EDIT", None, None),
    ("Update 3: " + BODY, PUB, "Update 3", None, None),
    ("UPDATE: " + BODY, PUB, "UPDATE", None, None),
    ("UPDATE 031420ZAUG22: " + BODY, "2022-08-04T06:00:00+00:00", "UPDATE 031420ZAUG22", "031420ZAUG22",
     "2022-08-03T14:20:00+00:00"),
    ("Update, 14:30 Uhr: " + BODY, "2022-08-09T08:10:00+02:00", "Update, 14:30 Uhr", "14:30 Uhr",
     "2022-08-09T14:30:00+02:00"),
    ("Mise à jour à 16h05 : " + BODY, "2022-08-09T08:10:00+02:00", "Mise à jour à 16h05", "16h05",
     "2022-08-09T16:05:00+02:00"),
    ("As of 3 August 2022, 18:00 local time (UTC+4): " + BODY, "2022-08-03T09:00:00+04:00",
     "As of 3 August 2022, 18:00 local time (UTC+4)", "3 August 2022, 18:00 local time (UTC+4)",
     "2022-08-03T18:00:00+04:00"),
    ("Edit (10:45 UTC): " + BODY, "2022-08-06T19:25:00+00:00", "Edit (10:45 UTC)", "10:45 UTC",
     "2022-08-07T10:45:00+00:00"),
    ("Update 17:00 MSK: " + BODY, "2022-08-10T12:00:00+03:00", "Update 17:00 MSK", "17:00 MSK",
     "2022-08-10T17:00:00+03:00"),
    ("UPDATE 11:20 IST: " + BODY, "2022-08-10T09:00:00+05:30", "UPDATE 11:20 IST", "11:20 IST", None),
    ("Update #2: " + BODY, PUB, "Update #2", None, None),
    ("LATEST: " + BODY, PUB, "LATEST", None, None),
    ("Aktualisiert um 16:20 Uhr: " + BODY, "2022-08-09T08:10:00+02:00", "Aktualisiert um 16:20 Uhr", "16:20 Uhr",
     "2022-08-09T16:20:00+02:00"),
    ("Update 10/08/2022 14:00 UTC: " + BODY, "2022-08-09T08:10:00+02:00", "Update 10/08/2022 14:00 UTC",
     "10/08/2022 14:00 UTC", "2022-08-10T14:00:00+00:00"),
    ("UPDATE (10:00 p.m. EDT): " + BODY, "2022-08-09T09:00:00-04:00", "UPDATE (10:00 p.m. EDT)", "10:00 p.m. EDT",
     "2022-08-09T22:00:00-04:00"),
    ("(Update 11:00 GMT) " + BODY, "2022-08-09T09:00:00+00:00", "Update 11:00 GMT", "11:00 GMT",
     "2022-08-09T11:00:00+00:00"),
    ("Update (August 5): " + BODY, PUB, "Update (August 5)", "August 5", None),
    ("Update 09:00 PT (Dec 4): " + BODY, "2022-12-03T09:00:00-08:00", "Update 09:00 PT (Dec 4)", "09:00 PT (Dec 4)",
     "2022-12-04T09:00:00-08:00"),
    ("Update — 4:30 p.m.: " + BODY, "2022-08-10T09:00:00-04:00", "Update — 4:30 p.m.", "4:30 p.m.",
     "2022-08-10T16:30:00-04:00"),
    # Czech, Greek, Romanian, Norwegian, Indonesian, Hebrew keywords, with the word before the clock
    ("Aktualizace 16:20: " + BODY, "2025-11-20T09:50:00+01:00", "Aktualizace 16:20", "16:20",
     "2025-11-20T16:20:00+01:00"),
    ("Ενημέρωση 21:15 – " + BODY, "2025-08-12T14:05:00+03:00", "Ενημέρωση 21:15", "21:15", "2025-08-12T21:15:00+03:00"),
    ("Actualizare, ora 13:05 – " + BODY, "2025-06-17T11:20:00+03:00", "Actualizare, ora 13:05", "13:05",
     "2025-06-17T13:05:00+03:00"),
    ("Oppdatert kl. 14.05: " + BODY, "2025-12-03T07:45:00+01:00", "Oppdatert kl. 14.05", "14.05",
     "2025-12-03T14:05:00+01:00"),
    ("Pembaruan pukul 05.10 WIB: " + BODY, "2025-05-19T10:15:00+07:00", "Pembaruan pukul 05.10 WIB", "05.10 WIB",
     "2025-05-20T05:10:00+07:00"),  # rolled to the next day
    ("עדכון 16:10: " + BODY, "2025-01-08T14:30:00+02:00", "עדכון 16:10", "16:10", "2025-01-08T16:10:00+02:00"),
    # a four-digit clock with "local": the page's offset, rolled past midnight; East Africa Time
    ("UPDATE — 0615 local: " + BODY, "2025-02-20T19:10:00+13:00", "UPDATE — 0615 local", "0615 local",
     "2025-02-21T06:15:00+13:00"),
    ("UPDATE 6.55pm EAT: " + BODY, "2025-04-28T08:10:00+03:00", "UPDATE 6.55pm EAT", "6.55pm EAT",
     "2025-04-28T18:55:00+03:00"),
    # a dated editor's note corrects the story: an update (a date alone has no instant)
    ("Editor’s note (March 3, 2025): " + BODY, "2025-03-02T15:20:00+11:00", "Editor’s note (March 3, 2025)",
     "March 3, 2025", None),
    # "local time" in other languages: the page's own offset; other keywords and date forms
    ("Actualización 18:20 (hora local): " + BODY, "2023-11-06T09:40:00-03:00", "Actualización 18:20 (hora local)",
     "18:20 (hora local)", "2023-11-06T18:20:00-03:00"),
    ("Actualización 00:35 (hora local): " + BODY, "2023-11-06T09:40:00-03:00", "Actualización 00:35 (hora local)",
     "00:35 (hora local)", "2023-11-07T00:35:00-03:00"),  # rolled to the next day
    ("Atualização às 14h10 (hora local): " + BODY, "2023-05-02T09:00:00-03:00", "Atualização às 14h10 (hora local)",
     "14h10 (hora local)", "2023-05-02T14:10:00-03:00"),
    ("Aggiornamento ore 15:40 (ora locale): " + BODY, "2023-05-02T09:00:00+02:00",
     "Aggiornamento ore 15:40 (ora locale)", "15:40 (ora locale)", "2023-05-02T15:40:00+02:00"),
    ("Mise à jour à 9h30 heure locale : " + BODY, "2023-05-02T08:00:00+02:00", "Mise à jour à 9h30 heure locale",
     "9h30 heure locale", "2023-05-02T09:30:00+02:00"),
    ("Aktualisiert 12.40 Uhr Ortszeit: " + BODY, "2023-05-02T08:00:00+02:00", "Aktualisiert 12.40 Uhr Ortszeit",
     "12.40 Uhr Ortszeit", "2023-05-02T12:40:00+02:00"),
    ("Update 07:10 local time: " + BODY, "2023-05-02T06:00:00+04:00", "Update 07:10 local time",
     "07:10 local time", "2023-05-02T07:10:00+04:00"),
    ("Update vom 3. März, 11.15 Uhr: " + BODY, "2023-03-03T07:30:00+01:00", "Update vom 3. März, 11.15 Uhr",
     "3. März, 11.15 Uhr", "2023-03-03T11:15:00+01:00"),
    ("Actualizado el 4 de mayo a las 10:20: " + BODY, "2023-05-03T21:00:00-05:00",
     "Actualizado el 4 de mayo a las 10:20", "4 de mayo a las 10:20", "2023-05-04T10:20:00-05:00"),
    # Ukrainian, Russian, Turkish and Arabic keywords; a bold label may close with a full stop
    ("ОНОВЛЕНО 14:20. " + BODY, "2023-05-02T09:00:00+03:00", "ОНОВЛЕНО 14:20", "14:20", "2023-05-02T14:20:00+03:00"),
    ("Обновлено в 14:20: " + BODY, "2023-05-02T09:00:00+03:00", "Обновлено в 14:20", "14:20",
     "2023-05-02T14:20:00+03:00"),
    ("GÜNCELLEME (14.20): " + BODY, "2023-05-02T09:00:00+03:00", "GÜNCELLEME (14.20)", "14.20",
     "2023-05-02T14:20:00+03:00"),
    ("تحديث (11:20 بتوقيت غرينتش): " + BODY, "2023-05-02T09:00:00+03:00", "تحديث (11:20 بتوقيت غرينتش)",
     "11:20 بتوقيت غرينتش", "2023-05-02T11:20:00+00:00"),
    # a label in brackets, the keyword after the time (Japanese, Chinese, Korean)
    ("【15時20分更新】" + BODY, "2022-08-09T06:30:00+09:00", "15時20分更新", "15時20分", "2022-08-09T15:20:00+09:00"),
    ("【更新于下午3点20分】" + BODY, "2022-08-09T06:30:00+08:00", "更新于下午3点20分", "下午3点20分",
     "2022-08-09T15:20:00+08:00"),
    ("[업데이트 8월 10일 09:40] " + BODY, "2022-08-09T06:30:00+09:00", "업데이트 8월 10일 09:40", "8월 10일 09:40",
     "2022-08-10T09:40:00+09:00"),
]


@pytest.mark.parametrize("marker,published,label,time_text,timestamp", MARKERS)
def test_marker_paragraph(marker, published, label, time_text, timestamp):
    doc = extract(article(marker, *STORY, published=published))
    assert len(doc.updates) == 1
    u = doc.updates[0]
    assert (u.label, u.time_text, u.timestamp) == (label, time_text, timestamp)
    assert u.text.startswith("The ministry said the crossing")
    assert doc.blocks[0].role == "update"


@pytest.mark.parametrize("marker", ["อัปเดต 15.30 น.", "Update 14:30 BST", "UPDATE 2:15 P.M. ET:", "Updated at 1605Z", "EDIT:", "10 p.m.",
                                    "4:14 p.m.", "Posted at 09:41"])
def test_marker_on_its_own_line_opens_the_paragraphs_after_it(marker):
    doc = extract(article(("paragraph", marker, {"lead": marker}), BODY, "Officials gave no casualty figures.",
                          ("heading", "Background", {"level": 2}), *STORY))
    assert len(doc.updates) == 1
    assert doc.updates[0].blocks == (0, 1, 2)
    assert doc.updates[0].text.startswith("The ministry said")
    assert [b.role for b in doc.blocks[:3]] == ["update", "update", "update"]


TRAPS = [
    "Updated: August 4, 2022",
    "Updated: August 4, 2022 at 3:15 p.m. ET",
    "Updated 10:15 a.m. ET, Aug. 4, 2022",
    "Last updated 3 hours ago",
    "In an update to its guidance, the foreign office said travel to the border districts was no longer advised.",
    "UPDATE 3-Ministry says drones downed over capital, debris damages homes",
    "(Adds comments from ministry, paragraphs 5-7)",
    "Updates to this story will follow as more information becomes available from the authorities.",
    "Updated travel advice was issued late on Wednesday, officials said.",
    "As of now, no group has claimed responsibility for the attack on the depot.",
    "Editor's note: this story has been corrected to reflect the ministry's statement.",
    "As of 14 March",  # a table's header cell: "As of" needs a clock time to be a marker
    "As of 2 June 2023, some 41 schools were being used as shelters for displaced families.",
    "Original reporting for this story was done in three provinces over two weeks.",
    "Оновлено: 3 березня 2024, 11:47",  # a byline's "Updated:" date, in Ukrainian
    "Güncellendi: 8 Kasım 2023, 14.30",
    "Оновлення тарифів набуде чинності з 1 квітня, повідомили в міністерстві.",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_trap_is_not_an_update(trap):
    doc = extract(article(trap, *STORY))
    assert doc.updates == ()
    assert doc.blocks[-1].role == "report"


def test_top_update_ends_at_thematic_break():
    doc = extract(article("UPDATE 2:15 p.m. ET: " + BODY, "The crossing is the only road link to the coast.",
                          Block("paragraph", STORY[0], after_break=True), STORY[1],
                          published="2022-08-09T10:05:00-04:00"))
    assert doc.updates[0].blocks == (0, 1)
    assert [b.role for b in doc.blocks] == ["update", "update", "report", "report"]


def test_top_update_ends_at_dateline_of_original_story():
    doc = extract(article("UPDATE: " + BODY, "PORT ARLO – " + STORY[0], STORY[1]))
    assert doc.updates[0].blocks == (0,)
    assert doc.blocks[1].role == "report"


def test_bottom_updates_oldest_first_and_dated_context():
    doc = extract(article(*STORY, ("heading", "Thursday 4 August", {"level": 3}),
                          "Update 09:10 GMT: The first convoy crossed at dawn.",
                          "Update 16:45 GMT: A second convoy was turned back.",
                          published="2022-08-03T20:00:00+00:00"))
    assert [u.timestamp for u in doc.updates] == ["2022-08-04T09:10:00+00:00", "2022-08-04T16:45:00+00:00"]


def test_newest_first_updates_take_date_from_earlier_update():
    doc = extract(article("Update (Aug 6, 2022, 17:05 UTC): The corridor closed again at dusk.",
                          "Update 09:30 UTC: Buses left the district shortly after dawn.",
                          *STORY, published="2022-08-04T21:35:00+00:00"))
    assert [u.timestamp for u in doc.updates] == ["2022-08-06T17:05:00+00:00", "2022-08-06T09:30:00+00:00"]


def test_time_label_lead_in_bold_is_a_post_marker():
    doc = extract(article(("paragraph", "14.32 BST The chair of the monitoring mission arrived in the city.",
                           {"lead": "14.32 BST"}),
                          ("paragraph", "12.15 BST Shelling was reported in the southern districts overnight.",
                           {"lead": "12.15 BST"}), published="2022-08-10T08:36:00+01:00"))
    assert [(u.time_text, u.timestamp) for u in doc.updates] == [
        ("14.32 BST", "2022-08-10T14:32:00+01:00"), ("12.15 BST", "2022-08-10T12:15:00+01:00")]
    assert doc.updates[0].text.startswith("The chair")


def test_bracketed_four_digit_clock_with_a_zone_in_bold_is_a_post_marker():
    doc = extract(article(("paragraph", "[2210 HKT] The signal was cancelled and the roads reopened.",
                           {"lead": "[2210 HKT]"}),
                          ("paragraph", "[0040 HKT] Residents spent the night in the community hall.",
                           {"lead": "[0040 HKT]"}),
                          ("paragraph", "[2024 FIFA] The tournament ended on Sunday with a late winner.",
                           {"lead": "[2024 FIFA]"}), published="2025-07-22T09:15:00+08:00"))
    assert [(u.label, u.time_text, u.timestamp) for u in doc.updates] == [
        ("2210 HKT", "2210 HKT", "2025-07-22T22:10:00+08:00"), ("0040 HKT", "0040 HKT", "2025-07-23T00:40:00+08:00")]
    assert doc.updates[0].text.startswith("The signal")


def test_dated_note_under_liveblog_posts_is_an_update_too():
    blocks = (Block("paragraph", "The fire was downgraded after a southerly change.", entry=0),
              Block("paragraph", "A second evacuation centre has opened.", entry=1),
              Block("paragraph", "The fire has burnt through more than 6,800 hectares since Sunday."),
              Block("paragraph", "Editor's note (January 15, 2025): An earlier version of this story gave the wrong "
                                 "hospital.", lead="Editor's note (January 15, 2025):"))
    entries = (Entry(label="Updated 10.45pm AEDT"), Entry(label="Updated 8.05pm AEDT"))
    doc = extract(Article(source="t.html", url=None, metadata=Metadata(published="2025-01-14T15:20:00+11:00"),
                          blocks=blocks, entries=entries))
    assert [(u.time_text, u.blocks) for u in doc.updates] == [
        ("10.45pm AEDT", (0,)), ("8.05pm AEDT", (1,)), ("January 15, 2025", (3,))]
    assert [b.role for b in doc.blocks] == ["update", "update", "report", "update"]


def test_dated_note_under_liveblog_posts_reads_a_bare_clock_in_the_pages_own_zone():
    # published in German summer time; the note is timed the morning after the clocks went back
    blocks = (Block("paragraph", "Der Pegel sinkt seit dem Abend langsam.", entry=0),
              Block("paragraph", "Die Feuerwehr hat die Sandsackstelle geschlossen.", entry=1),
              Block("paragraph", "Aktualisierung 29.10.2023, 9:40 Uhr: Die Sperrung der Uferstraße ist aufgehoben.",
                    lead="Aktualisierung 29.10.2023, 9:40 Uhr:"))
    entries = (Entry(label="21:40 Uhr"), Entry(label="20:15 Uhr"))
    doc = extract(Article(source="t.html", url=None, blocks=blocks, entries=entries,
                          metadata=Metadata(published="2023-10-28T19:30:00+02:00", language="de-DE")))
    assert [u.timestamp for u in doc.updates][-1] == "2023-10-29T09:40:00+01:00"


def test_typed_separator_ends_an_update():
    doc = extract(article(("paragraph", "10 p.m.", {"lead": "10 p.m."}), BODY, "___",
                          ("paragraph", "4:14 p.m.", {"lead": "4:14 p.m."}), STORY[0],
                          published="2019-11-20T05:57:50+00:00"))
    assert [u.blocks for u in doc.updates] == [(0, 1), (3, 4)]
    assert [u.timestamp for u in doc.updates] == ["2019-11-20T22:00:00+00:00", "2019-11-20T16:14:00+00:00"]


ORIGIN_LABELS = ["Original story:", "Original story follows:", "Erstmeldung vom 3. März, 07.30 Uhr:",
                 "Ursprüngliche Meldung:", "Première version :", "Nota original:", "Notícia original:",
                 "Articolo originale:", "(Original report follows)"]


@pytest.mark.parametrize("label", ORIGIN_LABELS)
def test_original_story_label_ends_the_update_above_it(label):
    doc = extract(article("Update 11:20: " + BODY, "The crossing is the only road link to the coast.",
                          label + " " + STORY[0], STORY[1], published="2023-03-03T07:30:00+01:00"))
    assert [u.blocks for u in doc.updates] == [(0, 1)]
    assert [b.role for b in doc.blocks] == ["update", "update", "report", "report"]


def test_original_story_label_on_its_own_line():
    doc = extract(article("UPDATE 2:15 p.m. ET: " + BODY, ("paragraph", "Original story:", {"lead": "Original story:"}),
                          *STORY, published="2022-08-09T10:05:00-04:00"))
    assert [u.blocks for u in doc.updates] == [(0,)]
    assert [b.role for b in doc.blocks] == ["update", "report", "report", "report"]


# Markers in languages the keyword list lacks, known by their shape: a bold run-in label with a
# clock time, closed by a colon or a spaced dash. (label, separator, published, timestamp)
RUN_INS = [
    ("Aktualizace 14:20", " – ", "2023-05-20T10:30:00+02:00", "2023-05-20T14:20:00+02:00"),  # Czech
    ("Uppdatering kl. 14.20", ": ", "2023-05-20T10:30:00+02:00", "2023-05-20T14:20:00+02:00"),  # Swedish
    ("Güncelleme, saat 09:15 TSİ", " — ", "2023-05-20T10:30:00+03:00", "2023-05-21T09:15:00+03:00"),  # rolled
    ("Bijgewerkt om 16.05 uur", ": ", "2023-05-20T10:30:00+02:00", "2023-05-20T16:05:00+02:00"),  # Dutch
    ("Päivitys klo 18.40 UTC", " – ", "2023-05-20T10:30:00+03:00", "2023-05-20T18:40:00+00:00"),  # a known zone
    # a date whose month word no table holds: the nearest such day to publication
    ("Frissítés, vasárnap 21 maja, 7:15", " – ", "2023-05-20T10:30:00+02:00", "2023-05-21T07:15:00+02:00"),
    ("Oppdatering 2 iunie, kl. 23:50", ": ", "2023-05-30T10:30:00+02:00", "2023-06-02T23:50:00+02:00"),
]


@pytest.mark.parametrize("label,sep,published,timestamp", RUN_INS)
def test_bold_run_in_label_with_a_clock_is_a_marker_in_any_language(label, sep, published, timestamp):
    doc = extract(article(*STORY, ("paragraph", label + sep + BODY, {"lead": label}), published=published))
    assert [(u.label, u.timestamp) for u in doc.updates] == [(label, timestamp)]
    assert doc.updates[0].text.startswith("The ministry said")
    assert [b.role for b in doc.blocks] == ["report", "report", "update"]


def test_plain_run_in_labels_repeated_down_the_article_are_markers():
    doc = extract(article(*STORY, "Aktualizacja, godz. 13:05 – Soldiers began laying sandbags along the river road.",
                          "The mayor said the school would serve as a shelter.",
                          "Aktualizacja, godz. 18:20 – The crest passed through the town at about five.",
                          published="2023-05-20T10:30:00+02:00"))
    assert [(u.timestamp, u.blocks) for u in doc.updates] == [
        ("2023-05-20T13:05:00+02:00", (2, 3)), ("2023-05-20T18:20:00+02:00", (4,))]


RUN_IN_TRAPS = [
    # a single plain run-in: nothing says it is a convention rather than a sentence
    ["Aktualizacja, godz. 13:05 – Soldiers began laying sandbags along the river road."],
    # timelines: a clock, a day or a filler word first, not a label
    ["14:00 – The convoy left the depot under escort.", "16:30 – The convoy reached the border crossing."],
    ["Monday, 09:00: talks opened in the capital with both delegations.",
     "Monday, 15:00: talks were suspended until the next morning."],
    ["At 09:40 – the first shells landed near the station, witnesses said.",
     "At 11:15 – a second barrage hit the market, witnesses said."],
    # a sentence that happens to hold a clock time before its first colon
    ["The ministry said the curfew would start at 20:00 tonight and warned: nobody may leave home."],
]


@pytest.mark.parametrize("paragraphs", RUN_IN_TRAPS)
def test_run_in_traps_are_not_updates(paragraphs):
    doc = extract(article(*STORY, *paragraphs, published="2023-05-20T10:30:00+02:00"))
    assert doc.updates == ()


def test_emphasised_sentence_with_a_clock_is_not_a_marker():
    text = "Residents were told at 14:00 to leave their homes: the water was still rising fast."
    doc = extract(article(*STORY, ("paragraph", text, {"lead": "Residents were told at 14:00 to leave their homes"}),
                          published="2023-05-20T10:30:00+02:00"))
    assert doc.updates == ()


@pytest.mark.parametrize("dateline", ["GENEVA, 2 June 2023 – ", "PORT ARLO, Aug. 4 — ", "NAIROBI, 14.03.2023 - ",
                                      "KALDEN, Norland (Meridian) – "])
def test_top_update_ends_at_a_dateline_with_a_date_or_region(dateline):
    doc = extract(article("Update, 2 June 2023, 16:30 CEST: " + BODY, dateline + STORY[0], STORY[1]))
    assert doc.updates[0].blocks == (0,)
    assert [b.role for b in doc.blocks] == ["update", "report", "report"]


def test_a_comma_and_a_dash_in_prose_are_no_dateline():
    doc = extract(article("UPDATE: " + BODY, "NATO, the alliance says – and its members agree – will not intervene.",
                          ("heading", "Background", {"level": 2}), STORY[1]))
    assert doc.updates[0].blocks == (0, 1)


def test_editors_note_in_emphasis_ends_with_its_emphasis():
    note = "EDIT (09:15 GMT): Several readers pointed out that the first chart used the wrong baseline."
    doc = extract(article(("paragraph", note, {"lead": note}), *STORY, published="2023-04-03T21:40:00+00:00"))
    assert doc.updates[0].blocks == (0,)
    assert [b.role for b in doc.blocks] == ["update", "report", "report"]
    # a bold marker only (its text in roman) runs on to the next marker or section as before
    doc = extract(article(("paragraph", "EDIT 2: " + BODY, {"lead": "EDIT 2:"}), *STORY))
    assert doc.updates[0].blocks == (0, 1, 2)


def test_an_update_above_the_story_ends_at_the_lead_that_repeats_the_headline():
    # nothing separates the note at the top from the story, but the story's lead repeats its headline
    blocks = (Block("paragraph", "Update (4:45 pm): The district lifted the red alert in the evening after the "
                                 "cyclone weakened, the collector said.", lead="Update (4:45 pm):"),
              Block("paragraph", "The Arvena district administration on Tuesday sounded a red alert as Cyclone Mira "
                                 "neared the coast and told fishermen to stay ashore."),
              Block("paragraph", "About 40 relief camps have been opened in schools and halls."),
              Block("paragraph", "Correction, Oct 4: An earlier version gave the number of camps as 14.",
                    lead="Correction, Oct 4:"))
    meta = Metadata(title="Cyclone Mira: red alert in Arvena, fishermen told to stay ashore",
                    published="2023-10-03T09:40:00+05:30")
    doc = extract(Article(source="t.html", url=None, metadata=meta, blocks=blocks))
    assert [u.blocks for u in doc.updates] == [(0,), (3,)]
    assert [b.role for b in doc.blocks] == ["update", "report", "report", "update"]


def test_updates_above_the_story_end_at_the_lead_the_description_summarises():
    # heading markers above the story, the second update with a quotation of its own; the headline is
    # worded differently, but the page's description summarises the story's lead
    blocks = (Block("heading", "Update 18:40", level=3),
              Block("paragraph", "A second evacuation message was sent to residents of the upper valley."),
              Block("paragraph", "“We left with what we were wearing,” one resident said."),
              Block("heading", "Update 16:20", level=3),
              Block("paragraph", "Two regional helicopters have joined the water-bombing aircraft."),
              Block("paragraph", "A large forest fire broke out late on Tuesday morning on the slopes above Kalamia, "
                                 "and three villages are being evacuated as the wind strengthens."),
              Block("paragraph", "Firefighters with 28 vehicles are working on the ground."))
    meta = Metadata(title="Blaze threatens homes: residents flee as flames race downhill",
                    description="A large forest fire broke out on the slopes above Kalamia. Three villages are "
                                "being evacuated.", published="2025-08-12T14:05:00+03:00")
    doc = extract(Article(source="t.html", url=None, metadata=meta, blocks=blocks))
    assert [u.blocks for u in doc.updates] == [(0, 1, 2), (3, 4)]
    assert [b.role for b in doc.blocks] == [None, "update", "update", None, "update", "report", "report"]


def test_korean_update_above_the_story_ends_at_the_lead_the_description_summarises():
    blocks = (Block("paragraph", "[업데이트 16:30] 군은 오후 4시부터 대피소 12곳을 추가로 열었다.", lead="[업데이트 16:30]"),
              Block("paragraph", "“망설이지 말고 이동해 달라”고 군수가 당부했다."),
              Block("paragraph", "제7호 태풍 가람이 3일 오후 1시께 남쪽 해안에 상륙하면서 주민 1천여 명이 대피했다."),
              Block("paragraph", "기상청에 따르면 태풍은 강한 세력을 유지하고 있다."))
    meta = Metadata(title="[속보] 태풍 상륙…주민 대피", description="제7호 태풍 가람이 3일 오후 1시께 남쪽 해안에 상륙했다.",
                    published="2025-09-03T13:40:00+09:00")
    doc = extract(Article(source="t.html", url=None, metadata=meta, blocks=blocks))
    assert [u.blocks for u in doc.updates] == [(0, 1)]
    assert [b.role for b in doc.blocks] == ["update", "update", "report", "report"]


def test_bracketed_japanese_updates_above_the_story():
    blocks = (Block("paragraph", "【15時20分更新】北浜地方気象台は午後3時、大雨特別警報を大雨警報に切り替えました。",
                    lead="【15時20分更新】"),
              Block("paragraph", "【11時05分更新】北浜市によりますと、避難所にはおよそ3200人が避難しています。",
                    lead="【11時05分更新】"),
              Block("paragraph", "強い台風15号は7日未明、北浜市付近に上陸しました。気象庁は午前4時すぎに大雨特別警報を"
                                 "発表しました。"),
              Block("paragraph", "北浜市では2011年9月の台風12号でも市の中心部が浸水しました。"))
    meta = Metadata(title="台風15号 北浜市付近に上陸 大雨特別警報は警報に切り替え", published="2025-09-07T06:30:00+09:00")
    doc = extract(Article(source="t.html", url=None, metadata=meta, blocks=blocks))
    assert [(u.time_text, u.timestamp, u.blocks) for u in doc.updates] == [
        ("15時20分", "2025-09-07T15:20:00+09:00", (0,)), ("11時05分", "2025-09-07T11:05:00+09:00", (1,))]
    assert [b.role for b in doc.blocks] == ["update", "update", "report", "background"]


@pytest.mark.parametrize(("machine", "label", "published", "timestamp"), [
    # the markup's own offset, its wall clock the one printed on a 12-hour face without am/pm
    ("2025-11-03T21:05:00+08:00", "9:05", "2025-11-03T06:30:00+08:00", "2025-11-03T21:05:00+08:00"),
    # an instant in UTC beside a half-day clock: of the offsets it allows, the page's own
    ("2025-11-03T13:05:00Z", "9:05", "2025-11-03T06:30:00+08:00", "2025-11-03T21:05:00+08:00"),
    # a 24-hour clock beside UTC still tells the page's offset by itself
    ("2023-06-02T08:52:00Z", "10:52", "2023-06-02T07:00:00+00:00", "2023-06-02T10:52:00+02:00"),
])
def test_liveblog_post_time_beside_its_machine_time(machine, label, published, timestamp):
    a = Article(source="t", url=None, metadata=Metadata(published=published),
                blocks=(Block("paragraph", BODY, entry=0),), entries=(Entry(time=machine, label=label),))
    assert [u.timestamp for u in extract(a).updates] == [timestamp]
