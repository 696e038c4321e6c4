"""A role for every body paragraph: update, statement, report or background.

Updates and statements are structural (the extractor already knows which blocks belong
to an update or a quoted statement). Between report and background the question is
time: background tells what happened before this news. It shows as sections headed
Background/Context, and as paragraphs that open on an event dated well before
publication, with none of the "today / on Tuesday / latest" words of current news.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from ..models import Block
from .times import find_date

_BACKGROUND_HEADING = re.compile(
    r"\b(?:background|context|what we know|what you need to know|how we got here|history|explainer|"
    r"hintergrund|vorgeschichte|contexte|historique|antecedentes|contexto)\b",
    re.I,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CURRENT = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening|week)|yesterday|on (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|latest|now|currently|heute|gestern|aujourd'hui|hier|hoy|ayer)\b",
    re.I,
)


def assign_roles(blocks: list[Block], in_update: set[int], in_statement: set[int],
                 published: Optional[datetime]) -> list[Optional[str]]:
    roles: list[Optional[str]] = []
    section_background = False
    for i, block in enumerate(blocks):
        if block.type == "heading":
            section_background = bool(_BACKGROUND_HEADING.search(block.text)) and len(block.text) < 80
            roles.append(None)
            continue
        if i in in_statement:
            roles.append("statement")
        elif i in in_update:
            roles.append("update")
        elif section_background or _is_background(block.text, published):
            roles.append("background")
        else:
            roles.append("report")
    return roles


def _is_background(text: str, published: Optional[datetime]) -> bool:
    if published is None:
        return False
    opening = text[:160]
    if _CURRENT.search(text):
        return False
    years = [int(y) for y in _YEAR.findall(opening)]
    if years and max(years) < published.year:
        return True
    day, _ = find_date(opening, None)
    return bool(day and (published.date() - day).days > 180)
