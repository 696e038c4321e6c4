"""A role for every body paragraph: update, statement, report or background.

Updates and statements are structural (the extractor already knows which blocks belong
to an update or a quoted statement). Between report and background the question is
time: background tells what happened before this news. It shows as sections headed
Background / Context / What we know (Hintergrund, Передісторія, "... geçmişi", خلفية), and as
paragraphs whose main clause is anchored in
the past ("Talks ... broke down last year", "Since that agreement took effect, ...", "In
March 2020, ...", a date months before publication) with none of the words that tie a
paragraph to the news of the day ("overnight", "on Thursday", "today"); the first
paragraph of the narrative is its news lead and stays report. Past anchors include a year
or decade before publication ("in the late 1940s"), a month of this year named without a
day two or more months back ("began in May"; last month only adds weight), and "before
the war"; "at the time" only adds weight (it may be the time of the news itself). An
opening that states no time at all followed by a sentence opening on an earlier year
("X is one of the busiest channels. In 2019, ...") is context too. "Since then" is read in the
languages markers are (Από τότε, De atunci, Sejak itu, מאז, 이후 ...). Only the opening
sentence's main clause counts fully: "..., which has been closed since the war" and
"terrain that has not burned since the 1950s" are asides in a report paragraph, not a
history lesson, and so is a participle phrase between commas ("The strategy, published
last spring, promised ..."); "now" ties a comparison with the past to the day. In "X said
the council had neglected the levee for years" the times belong to what X says today: only
the words before the verb of saying count, unless the saying itself is dated ("said in
2019 that"). A sentence opening on "A 2014 survey" opens on a year like "In 2014,". Under a Background
heading, a closing paragraph about what comes next ("What happens next depends on ...")
with no past anchor is report. Years are found with or without spaces around them
("2011年9月"). Headings get no role.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from ..models import Block
from ..patterns import by_first_char, regex
from .times import MONTH_HINT, MONTHS, find_date

_BACKGROUND_HEADING = regex(
    r"^(?:the\s+)?(?:background|context|what\s+we\s+know(?:\s+so\s+far)?|what\s+you\s+need\s+to\s+know|"
    r"how\s+we\s+got\s+here|the\s+story\s+so\s+far|history|a\s+brief\s+history|explainer|timeline|key\s+facts|"
    r"why\s+it\s+matters|catch\s+up|recap|hintergrund|vorgeschichte|was\s+bisher\s+geschah|contexte|"
    r"historique|rappel\s+des\s+faits|antecedentes|contexto|"
    r"передісторія|передумови|контекст|довідка|предыстория|справка|arka\s+plan|خلفية|السياق)\b"
    # Turkish puts the head noun last: "Kentin sel geçmişi" (the city's flood history)
    r"|\b(?:geçmişi|geçmiş|tarihçesi|arka\s+planı)$",
    re.I,
)
# "in 2019", "in the late 1940s", "2011年9月" (no word boundary between Han characters and digits)
_YEAR = regex(r"(?<![0-9A-Za-z.,:])(19[4-9]\d|20\d\d)(?:s|’s|'s)?(?![0-9A-Za-z:])")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS = "(?:" + "|".join(_WEEKDAYS) + ")"
_TAGE = "(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
# Words that tie a paragraph to the news of the day.
_CURRENT_WORDS = [
    "today", "tonight", "overnight", r"this\s+(?:morning|afternoon|evening|week)", "yesterday", r"earlier\s+today",
    *(rf"{w}\s+{_DAYS}" for w in ("on", "late", "early", "since")),
    *(rf"{day}\s+(?:morning|afternoon|evening|night)" for day in _WEEKDAYS),
    "latest", "currently", r"right\s+now", r"so\s+far\s+today", r"now(?<!until\snow)(?<!till\snow)(?<!by\snow)",
    r"the\s+early\s+hours", r"early\s+hours",
    "heute", "gestern", r"heute\s+morgen", *(rf"{w}\s+{_TAGE}" for w in ("am", "zum", "vom", "bis")),
    "aujourd'hui", "hier", r"ce\s+matin", r"cette\s+nuit", "hoy", "ayer", r"esta\s+mañana",
]
# Expressions that anchor a clause in the past, before this news.
_PAST_WORDS = [
    r"last\s+(?:year|month|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)", r"earlier\s+this\s+(?:month|year)",
    r"years\s+ago", r"months\s+ago", r"decades\s+ago",
    r"for\s+(?:years|decades|months)", r"in\s+recent\s+(?:years|months)", r"since\s+(?:then|that|19\d\d|20\d\d|its|their)",
    r"since\s+the\s+(?:\w+\s+){0,2}?(?:war|conflict|ceasefire|truce|agreement|deal|accord|treaty|revolution|"
    r"independence|election|invasion|occupation|collapse|end|start|beginning|fall|crisis|coup|split)",
    r"before\s+the\s+(?:\w+\s+){0,2}?(?:war|conflict|fighting|ceasefire|truce|invasion|occupation|crisis|coup|"
    r"revolution|pandemic|election)",
    r"prior\s+to", "previously", r"in\s+the\s+past", "historically",
    r"od\s+t[ée]\s+doby", "loni", r"v\s+minulosti", r"από\s+τότε", "πέρυσι", r"de\s+atunci", r"anul\s+trecut",  # cs, el, ro
    r"siden\s+da", r"siden\s+den\s+gang", r"i\s+fjor", r"sedan\s+dess",  # no, sv
    r"etter\s+(?:det|den|dette|denne)\s+[^\W\d_]+(?:et|en)",
    r"sejak\s+(?:saat\s+)?itu", r"tahun\s+lalu", "מאז", r"בשנה\s+שעברה",  # id, he
    r"kể\s+từ\s+đó", r"từ\s+đó", r"năm\s+ngoái", r"sau\s+(?:[^\W\d_]+\s+){1,3}(?:này|đó)",  # vi: "after this disaster"
    # ko: "afterwards" opening the sentence, "last year"
    r"그(?<![\s\S]그)\s*이후(?:로)?", r"이(?<![\s\S]이)후(?:로)?", r"그(?<![\s\S]그)\s*후", "지난해", "작년",
    "seither", "seitdem", "damals", r"im\s+vergangenen\s+jahr", r"letztes\s+jahr", r"l'an\s+dernier",
    r"l'année\s+dernière", "depuis", "auparavant", r"el\s+año\s+pasado", r"desde\s+entonces",
    "відтоді", r"з\s+того\s+часу", r"минулого\s+року", "торік", r"с\s+тех\s+пор", r"в\s+прошлом\s+году",  # uk, ru
    r"o\s+zamandan\s+(?:beri|bu\s+yana)", r"geçen\s+yıl",  # Turkish
    r"ومنذ\s+ذلك\s+(?:الحين|الوقت)", r"منذ\s+ذلك\s+(?:الحين|الوقت)", r"العام\s+الماضي",  # Arabic ("and since then")
]
# Both are matched on lower-cased text (case-folding in the engine costs five times as much), as whole
# words; grouped by first letter (each alternative opens on a letter: "^" and optional first words
# are spelled out above), a word start costs the tries of one letter's words, not all of them.
_CURRENT = regex(r"\b(?:" + by_first_char("|".join(_CURRENT_WORDS)) + r")\b")
_PAST = regex(r"\b(?:" + by_first_char("|".join(_PAST_WORDS)) + r")\b")
# "at the time": the time of an earlier event, or of the news itself ("winds were gusting to 50 knots at
# the time"); it adds weight to other signs of the past but does not decide alone.
_AT_THE_TIME = regex(r"\bat\s+the\s+time\b", re.I)
_ASIDE = regex(r",\s*(?:which|who|whose|where|when|der|die|das|qui|où|que)\b[^,;]*", re.I)
# "Mayor X (who was criticised during the 2019 outbreak ...) said ...": the history is the aside's
_BRACKETED = regex(r"\([^()]{8,400}\)")
# also ‘single’ (an apostrophe inside); the opening mark is one class, so the engine skips to the next mark
_QUOTED = regex(r"[“„«\"‘](?:(?<=[“„«\"])[^”“»\"]{0,600}[”“»\"]|(?<=‘)(?:[^’]|’(?=\w)){0,600}’(?!\w))")
# A participle phrase set off by commas ("The flood plan, adopted last spring, promised ..."): a
# relative clause without its pronoun, said about the noun before it.
_PARTICIPLE_ASIDE = regex(r"(?<=\w),\s+(?:[a-z]+ed|built|begun|written|known|made|held|set|run|"
                          r"taken|given|seen|born|drawn|sent|won|chosen)\s[^,;.]*,")
_FIRST_SENTENCE = regex(r"^.{20,}?[.!?](?=\s+[A-Z“\"])|^.{8,}?[。！？]")


def assign_roles(blocks: list[Block], in_update: set[int], in_statement: set[int],
                 published: Optional[datetime]) -> list[Optional[str]]:
    roles: list[Optional[str]] = []
    section_background = False
    lead_seen = False  # the first paragraph of the narrative is its news lead, whatever dates it mentions
    for i, block in enumerate(blocks):
        if block.type == "heading":
            section_background = len(block.text) < 80 and bool(_BACKGROUND_HEADING.search(block.text.strip()))
            roles.append(None)
            continue
        if i in in_statement:
            roles.append("statement")
        elif i in in_update:
            roles.append("update")
        elif (section_background and not looks_ahead(block.text, published)) or (
                lead_seen and is_background(block.text, published)):
            roles.append("background")
        else:
            roles.append("report")
        if i not in in_update and i not in in_statement:
            lead_seen = True
    return roles


def looks_ahead(text: str, published: Optional[datetime]) -> bool:
    """A paragraph under a Background heading that is about what comes next, not what came before
    ("What happens next depends on ...; I’ll be back on Thursday"): no past anchor, and the future
    or the day of the news named. The closing lines of a story often sit under its last heading."""
    text = _QUOTED.sub(" ", text)
    if _PAST.search(text.lower()) or _LEADING_YEAR.search(text):
        return False
    if published is not None and any(int(y) < published.year for y in _YEAR.findall(text)):
        return False
    return bool(_AHEAD.search(text))


_AHEAD = regex(r"\b(?:what\s+happens\s+next|next\s+(?:week|month|step|steps)|will|I[’']ll|we[’']ll|"
               r"(?:on|by|until)\s+" + _DAYS + r")\b", re.I)


def is_background(text: str, published: Optional[datetime]) -> bool:
    """A paragraph about what happened before the news: past anchors, and nothing of the day."""
    text = _QUOTED.sub(" ", text)  # words in quotation marks are someone's speech, not the narrative's time
    m = _FIRST_SENTENCE.match(text)
    opening = (m.group(0) if m else text)[:300]
    main = _BRACKETED.sub("", opening) if "(" in opening else opening
    if "," in main:  # both asides open on a comma; most openings have none, and skip two scans
        main = _ASIDE.sub("", _PARTICIPLE_ASIDE.sub(",", main))
    main = _RELATIVE.sub("", main)
    if _CURRENT.search(main.lower()):
        return False
    told = _before_reporting_verb(main)  # the narrative's own words, without what someone is reported saying
    score = 2 * len(_PAST.findall(told.lower())) + (1 if _AT_THE_TIME.search(told) else 0)
    if published is not None:
        years = [int(y) for y in _YEAR.findall(told)]
        if years and max(years) < published.year:
            score += 2
        elif not years:
            day, _ = find_date(told, published.year)
            if day and 60 < (published.date() - day).days < 3660:
                score += 2
            elif day is None and score < 2:
                score += _month_weight(told, published)
    if score >= 2:
        return True
    # Further sentences only add weight; a later "today" does not undo an opening in the past.
    rest = text[len(opening):]
    rest_lc = rest.lower()
    if score >= 1:
        return bool(_PAST.search(rest_lc)) and not _CURRENT.search(rest_lc)
    # "X is one of the busiest channels in the region. In 2019, a bulk carrier ran aground ...": an
    # opening that states no time at all, then a sentence that opens in an earlier year
    lead = _LEADING_YEAR.match(rest.lstrip())
    return bool(lead and published is not None and int(lead.group(1)) < published.year
                and not _DIGITS.search(main) and not _CURRENT.search(rest_lc))


_DIGITS = regex(r"\d(?!\d*(?:st|nd|rd|th)\b)")  # a number other than an ordinal ("the 19th cyclone")
# Verbs of saying that take what was said as their object ("said the government had ..."); not
# "declared a state of emergency" or "called a meeting".
_SAYING = regex(r"\b(?:" + by_first_char(
    "said|says|told|tells|added|adds|warned|warns|argued|argues|claimed|claims|insisted|insists|noted|notes|"
    "stressed|stresses|acknowledged|admitted|complained|complains|sagte|sagt|betonte|erklärte|dijo|afirmó|"
    "aseguró|señaló|disse|afirmou|affirme|affirmé|estime") + r")\b")
# What dates the saying itself: "said in 2019 that", "have said for years", "told reporters last week".
_DATED_SAYING = regex(r"^\s+(?:(?:reporters|journalists|parliament|lawmakers)\s+)?(?:in|on|last|earlier|previously|"
                      r"for|years?|months?|decades?|at\s+the\s+time|back)\b", re.I)


def _before_reporting_verb(main: str) -> str:
    """ "X said the council had neglected the levee for years": a reaction, reported today. The times
    inside what is said are the speaker's, not the narrative's: only the words before the verb
    count, unless the saying itself is dated ("said in 2019 that ...")."""
    verb = _SAYING.search(main)
    if verb is None:
        return main
    head = main[:verb.start()]
    if not head.strip() or _DATED_SAYING.match(main[verb.end():]):
        return main
    return head
# A relative clause without commas ("terrain that has not burned since the 1950s"): said about a noun of
# the sentence, not the time of its main clause. Told from "that" the conjunction ("said that the fire
# ...") by the verb right after it.
_RELATIVE = regex(r"\s(?<=\w\s)\s*(?:that|which|who)\s+(?:has|have|had|was|were|is|are)\b[^,;.]*", re.I)
# A sentence that opens on a year: "In 2019, ...", "In March 2020, ...", "Im Jahr 2015 ...".
_LEADING_YEAR = regex(r"^(?:(?:In|Im|En|Em|Nel|Au|Dans)\s+(?:(?:the\s+|[A-Za-zÀ-ÿ]+\s+){0,2})|A\s+|An\s+|The\s+)"
                      r"(19[4-9]\d|20\d\d)\b")  # "In March 2020, ...", "A 2014 survey found ..."
# A month named without a day ("in May", "since June"): the preposition keeps "may" the verb out.
_MONTH_ALONE = regex(r"\b(?i:in|since|until|by|from|early|late|mid-|im|seit|bis|en|depuis|desde|em|nel|a)\s+"
                     r"(?:early\s+|late\s+|mid-)?([A-Za-zÀ-ÿ]{3,9})\b(?![\s.]*\d)")


_FUTURE = regex(r"\b(?:will|next|coming|upcoming|wird|werden|va|sera|seront|será|serão|sarà)\b", re.I)


def _month_weight(main: str, published: datetime) -> int:
    """A month of this year before the publication month: 2 when two or more months back (a time well
    before this news), 1 for last month (earlier, but maybe the figures released today)."""
    best = 0
    if not MONTH_HINT.search(main.lower()):
        return 0
    for m in _MONTH_ALONE.finditer(main):
        word = m.group(1)
        month = MONTHS.get(word.lower())
        if month is None or (word.lower() in ("may", "march", "mars") and not word[0].isupper()):
            continue
        back = published.month - month
        if back >= 1 and not _FUTURE.search(main, max(0, m.start() - 40), m.start()):
            best = max(best, 2 if back >= 2 else 1)
    return best
