"""Stage 4 on its own: every format from one Document, the contract and its schema."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from rich.console import Console

from sitrep_parse.errors import ScrapeError
from sitrep_parse.models import FetchOptions
from sitrep_parse.output import error_record, print_pretty, render, schema, to_dict
from sitrep_parse.pipeline import parse_source

from .conftest import GOLD, SITREP_DEV, corpus_pages


@pytest.fixture(scope="module")
def docs():
    return {n: parse_source(str(SITREP_DEV / n), FetchOptions(), url=GOLD[n]["url"]) for n in corpus_pages()}


@pytest.mark.parametrize("name", corpus_pages())
def test_every_document_validates(docs, name):
    record = to_dict(docs[name])
    jsonschema.validate(record, schema())
    assert record["text"] == "\n\n".join(b["text"] for b in record["blocks"])
    for u, update in enumerate(record["updates"]):
        assert all(record["blocks"][i]["update"] == u for i in update["blocks"])
    assert record["background"] == [b["text"] for b in record["blocks"] if b["role"] == "background"]


def test_error_record_validates():
    record = error_record(ScrapeError("https://example.org/x", "404 Not Found"))
    jsonschema.validate(record, schema())
    assert record == {"source": "https://example.org/x",
                      "error": {"type": "ScrapeError", "stage": "scraper", "message": "404 Not Found"}}


def test_json_and_jsonl_agree(docs):
    doc = docs["guardianlike-liveblog.html"]
    assert json.loads(render(doc, "json")) == json.loads(render(doc, "jsonl"))
    line = render(doc, "jsonl")
    assert line.endswith("\n") and line.count("\n") == 1
    assert "“" in line  # UTF-8 as is, not \\u escapes


def test_text_shows_each_update_label_once(docs):
    text = render(docs["drupal-top-updates.html.gz"], "text")
    assert text.count("Updated 21:10 GMT") == 1
    live = render(docs["guardianlike-liveblog.html"], "text")
    assert "[14.32 BST (2022-08-10T14:32:00+01:00)]" in live


def test_markdown_structure(docs):
    md = render(docs["atlas-nagorno-karabakh.html"], "markdown")
    assert md.startswith("# Nagorno-Karabakh SITREP")
    assert "> The European Union calls for an immediate cessation" in md
    hco = render(docs["humanitarian-flash-update.html"], "markdown")
    assert "## Situation overview" in hco
    assert "- An estimated 12,400 people have been displaced" in hco


def test_pretty_view_shows_times_roles_and_speakers(docs):
    buf = io.StringIO()
    print_pretty(docs["atlas-nagorno-karabakh.html"], Console(file=buf, width=120, force_terminal=False))
    out = buf.getvalue()
    assert "Update (1348 EST) · 2022-08-03T13:48:00-05:00" in out
    assert "background On November 10, 2020" in out
    assert "European Union" in out and "aggravated the situation" in out
