"""The bundled example (the Atlas News SITREP) parses exactly as issue 2 requires."""

from __future__ import annotations

import pytest

from sitrep_parse.cli import _example_path
from sitrep_parse.models import FetchOptions
from sitrep_parse.pipeline import parse_source

BOILERPLATE = ["- Sponsor -", "spot_img", "Week's Top Stories", "More In This Category", "Unbiased & Unfiltered",
               "Editor-In-Chief", "Germany’s Response to Pro-Palestinian Activities",
               "Google’s YouTube Restricted Videos", "Ukraine Conducts Largest Drone Attack",
               "USAF Finds 2023 Korea F-16c Crash"]


@pytest.fixture(scope="module")
def doc():
    return parse_source(_example_path(), FetchOptions())


def test_one_update_with_resolved_time(doc):
    assert len(doc.updates) == 1
    u = doc.updates[0]
    assert u.label == "Update (1348 EST)"
    assert u.time_text == "1348 EST"
    assert u.timestamp == "2022-08-03T13:48:00-05:00"
    assert u.text.startswith("The Russian Ministry of Defense")
    assert "The European Union also released this statement" in u.text
    assert "sustainable peace and stability in the South Caucasus." in u.text
    assert "Renewed fighting" not in u.text


def test_statement_is_one_block_quote(doc):
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert len(blocks) == 1
    q = blocks[0]
    assert q.speaker == "European Union"
    assert len(q.text.split("\n\n")) == 3
    assert q.text.startswith("The European Union calls for an immediate cessation")
    roles = [b.role for b in doc.blocks if b.text.startswith(("The European Union calls", "It is essential",
                                                               "The European Union remains"))]
    assert roles == ["statement"] * 3


def test_inline_quote(doc):
    inline = [q for q in doc.quotes if q.kind == "inline"]
    assert [q.text for q in inline] == ["aggravated the situation"]


def test_roles(doc):
    by_start = {b.text[:30]: b.role for b in doc.blocks}
    assert by_start["Renewed fighting has broken ou"] == "report"
    assert by_start["In response to the fighting, P"] == "report"
    assert by_start["On November 10, 2020, a peace "] == "background"
    assert doc.background and doc.background[0].startswith("On November 10, 2020")


def test_no_title_and_no_boilerplate(doc):
    assert not doc.text.startswith("Nagorno-Karabakh SITREP")
    for s in BOILERPLATE:
        assert s not in doc.text
