"""End to end on every page of the SITREP corpus, in process: clean text and metadata."""

from __future__ import annotations

import re

import pytest

from sitrep_parse.models import FetchOptions
from sitrep_parse.pipeline import parse_source

from .conftest import GOLD, SITREP_DEV, corpus_pages


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().lower()


@pytest.fixture(scope="module")
def docs():
    return {name: parse_source(str(SITREP_DEV / name), FetchOptions(), url=GOLD[name]["url"]) for name in GOLD}


@pytest.mark.parametrize("name", corpus_pages())
def test_boilerplate_stays_out(docs, name):
    text = fold(docs[name].text)
    leaks = [s for s in GOLD[name]["must_not_contain"] if fold(s) in text]
    assert leaks == []


@pytest.mark.parametrize("name", corpus_pages())
def test_article_text_is_kept(docs, name):
    text = fold(docs[name].text)
    missing = [s for s in GOLD[name]["must_contain"] if fold(s) not in text]
    assert missing == []


@pytest.mark.parametrize("name", corpus_pages())
@pytest.mark.parametrize("field", ["title", "site_name", "authors", "published"])
def test_metadata_matches_gold(docs, name, field):
    md = docs[name].metadata
    value = list(md.authors) if field == "authors" else getattr(md, field)
    assert value == GOLD[name][field]


@pytest.mark.parametrize("name", corpus_pages())
def test_title_not_repeated_in_text(docs, name):
    first = docs[name].blocks[0].text
    assert fold(first) != fold(GOLD[name]["title"])
