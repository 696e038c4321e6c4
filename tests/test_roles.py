"""Report or background: a paragraph's opening anchored well before the news, and nothing of the day."""

from __future__ import annotations

from datetime import datetime

import pytest

from sitrep_parse.extractor.roles import is_background

PUBLISHED = datetime.fromisoformat("2023-07-18T09:30:00+05:30")

BACKGROUND = [
    "The crisis began in May, when the government postponed parliamentary elections indefinitely.",
    "The levee was built by local farmers in the late 1940s and later raised by the county.",
    "Talks on the border broke down last year and have not resumed.",
    "Since the war ended, the two sides have exchanged prisoners only twice.",
    "In March 2020, the port was closed for six weeks.",
    # a month of this year, then another sign of the past
    "Militias seized the southern city in June. Thousands of students were enrolled there before the fighting began.",
    # an opening that states no time, then a sentence that opens on an earlier year
    "The sound is one of the busiest channels in the region. In 2019, a bulk carrier ran aground on the same rocks.",
    "Die Brücke ist die einzige Verbindung ins Tal. Im Jahr 2015 wurde sie nach einem Hochwasser erneuert.",
    # a month opening the sentence; a year with no spaces around it
    "In April, a missile strike on the central market killed 12 people.",
    "北浜市では2011年9月の台風12号でも市の中心部が浸水し、3人が死亡しました。",
    # "since then" / "after that" opening the paragraph, in the languages we read
    "Od té doby obec postavila novou hráz podél potoka.",
    "Από τότε έχει χτιστεί νέο ανάχωμα κατά μήκος του ποταμού.",
    "De atunci, primăria a construit un dig nou de-a lungul râului.",
    "Etter det flommen ble det bygd en ny voll langs elva.",
    "Sejak itu, pemerintah desa membangun tanggul baru di sepanjang sungai.",
    "מאז נבנתה סוללה חדשה לאורך הנחל.",
    "Sau trận lũ này, xã đã xây một con đê mới dọc bờ sông.",
    "이후 마을은 강을 따라 새 제방을 쌓았다.",
    # a timeless opening (its date in a participle aside), then a sentence on an earlier year's event
    "The Halden weir, completed in 1961, is the oldest on the river. A 2014 survey found cracks in its apron.",
    # a saying dated in the past is history
    "The ministry said in 2019 that the bridge would be replaced within five years.",
    # "since then" in Ukrainian, Russian, Turkish and Arabic
    "Відтоді село двічі просило про новий міст.",
    "С тех пор жители трижды просили о ремонте дамбы.",
    "O zamandan beri bölgede üç deprem daha yaşandı.",
    "ومنذ ذلك الحين، أغلقت البلدية الجسر القديم أمام الشاحنات.",
]

BACKGROUND += [
    # an opening with no time but an ordinal, then a sentence opening on an earlier year
    "Kanor is the 14th storm to reach the coast this year. In 2019, Storm Aldric killed 12 people.",
]

REPORT = [
    # "at the time" of the news event itself
    "Winds in the sound were gusting to 50 knots at the time, with waves of up to six metres, forecasters said.",
    # a month ahead, or last month's figures released today
    "The campaign, which will be in its third year in January, is aimed at teenagers.",
    "Inflation rose to 7% in June, the statistics office said on Monday.",
    # the news of the day, whatever history it mentions
    "Crews worked overnight to reinforce the levee, which was built in 1948.",
    "The convoy reached the border today, two years after the crossing first closed.",
    # an opening with a time of its own is not a timeless statement
    "Police are searching for the driver after the crash at 4 a.m. In 2019, a similar crash killed three people.",
    "“We were here in May and nothing has changed,” a resident said of the new flooding.",
    # a year inside a title in ‘single’ quotation marks names the document, not the time of the sentence
    "The council’s ‘Flood Risk Plan 2019’ lists the village among the five most exposed in the district.",
    # "now" ties a comparison with the past to the day; a relative clause is said about a noun, not the news
    "The agency now judges that stocks have been rebuilt to levels last seen in autumn 2021.",
    "He said the fire is burning in steep terrain that has not burned since the 1950s, and that crews were coming.",
    # an aside in brackets carries its own history
    "Mayor Edna Whitcombe (who was criticised during the 2018 floods for waiting three days) said pumping continues.",
    # a participle aside is said about its noun, like a relative clause
    "The county's flood plan, adopted last spring, promised new pumps for the lower town.",
    # a reaction: the times inside what is said are the speaker's
    "Opposition leader Mara Quist said the council had put off repairs to the weir for years.",
]


@pytest.mark.parametrize("text", BACKGROUND)
def test_background(text):
    assert is_background(text, PUBLISHED)


@pytest.mark.parametrize("text", REPORT)
def test_report(text):
    assert not is_background(text, PUBLISHED)


def test_a_background_section_ends_with_what_comes_next():
    from sitrep_parse.extractor.roles import assign_roles
    from sitrep_parse.models import Block
    blocks = [Block("paragraph", "Dock workers walked out on Wednesday after talks broke down."),
              Block("heading", "Context", level=2),
              Block("paragraph", "In 2002 a ten-day lockout at the port cost the region an estimated $1 billion."),
              Block("paragraph", "The last contract, signed in 2017, required notice of any new automation."),
              Block("paragraph", "What happens next depends on whether either side blinks. I’ll be back at the "
                                 "gate on Thursday.")]
    assert assign_roles(blocks, set(), set(), PUBLISHED) == ["report", None, "background", "background", "report"]


@pytest.mark.parametrize("heading", ["Передісторія", "Предыстория", "Kentin sel geçmişi", "Arka plan", "خلفية"])
def test_background_headings_in_other_languages(heading):
    from sitrep_parse.extractor.roles import assign_roles
    from sitrep_parse.models import Block
    blocks = [Block("paragraph", "Dock workers walked out on Wednesday after talks broke down."),
              Block("heading", heading, level=2),
              Block("paragraph", "The port authority asked for new cranes and was refused.")]
    assert assign_roles(blocks, set(), set(), PUBLISHED) == ["report", None, "background"]
