"""Every page of fixtures/sitrep-extra/ against its gold labels, in process.

These sets were written to measure the parser on pages it had not seen (see the README
there); they stay as regression data so that a change tuned on one kind of page is seen to
break another. The checks are the scorer's (benchmarks/sitrep.py), held to every label.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep_parse.models import FetchOptions
from sitrep_parse.output import to_dict
from sitrep_parse.pipeline import parse_source

from .conftest import FIXTURES
from .test_extractor_pages import fold, fold_quote, same_instant

EXTRA = FIXTURES / "sitrep-extra"
SETS = {path.parent.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(EXTRA.glob("*/gold.json"))}
PAGES = [(s, name) for s, gold in SETS.items() for name in sorted(gold)]
IDS = [f"{s}/{name}" for s, name in PAGES]


@pytest.fixture(scope="module")
def docs() -> dict:
    cache: dict = {}

    def get(s: str, name: str) -> dict:
        if (s, name) not in cache:
            doc = parse_source(str(EXTRA / s / name), FetchOptions(), url=SETS[s][name]["url"])
            cache[s, name] = to_dict(doc)
        return cache[s, name]
    return get


def speaker_ok(want: str | None, got: str | None) -> bool:
    """The scorer's rule: the gold name plus at most three words of title, or a part that still names."""
    if want is None or got is None:
        return want is None and got is None
    w, g = (set(fold(s).replace("’s", "").replace("'s", "").split()) - {"the", "a", "an"} for s in (want, got))
    return (w <= g and len(g - w) <= 3) or (g <= w and len(g) >= min(2, len(w)))


@pytest.mark.parametrize(("s", "name"), PAGES, ids=IDS)
def test_clean_and_complete(docs, s, name):
    doc, gold = docs(s, name), SETS[s][name]
    text = fold(doc["text"])
    assert [x for x in gold["must_not_contain"] if fold(x) in text] == []
    assert [x for x in gold["must_contain"] if fold(x) not in text] == []


@pytest.mark.parametrize(("s", "name"), PAGES, ids=IDS)
def test_metadata(docs, s, name):
    doc, gold = docs(s, name), SETS[s][name]
    assert (doc["title"], doc["site_name"], doc["authors"], doc["published"]) == (
        gold["title"], gold["site_name"], gold["authors"], gold["published"])


@pytest.mark.parametrize(("s", "name"), PAGES, ids=IDS)
def test_updates_and_timestamps(docs, s, name):
    doc, gold = docs(s, name), SETS[s][name]
    assert len(doc["updates"]) == len(gold["updates"])
    for gu in gold["updates"]:
        match = [u for u in doc["updates"] if fold(gu["starts_with"]) in fold(u["text"])[:400]]
        assert match, gu["starts_with"]
        assert same_instant(gu["timestamp"], match[0]["timestamp"]), (gu, match[0]["timestamp"])


def find_quote(gold_text: str, pred: list[tuple[str, dict]], used: set[int]) -> list[int]:
    """The scorer's matching: (nearly) the same words, a block holding them, or pieces covering them."""
    g = fold_quote(gold_text)
    for i, (p, _) in enumerate(pred):
        if i not in used and p and (g == p or ((g in p or p in g) and min(len(g), len(p)) >= 0.8 * max(len(g), len(p)))):
            return [i]
    for i, (p, q) in enumerate(pred):
        if p and g in p and q["kind"] == "block":
            return [i]
    pieces = [i for i, (p, _) in enumerate(pred) if i not in used and len(p) >= 12 and p in g]
    return pieces if g and sum(len(pred[i][0]) for i in pieces) >= 0.8 * len(g) else []


@pytest.mark.parametrize(("s", "name"), PAGES, ids=IDS)
def test_quotes_and_speakers(docs, s, name):
    doc, gold = docs(s, name), SETS[s][name]
    pred = [(fold_quote(q["text"]), q) for q in doc["quotes"]]
    used: set[int] = set()
    wrong = []
    for gq in gold["quotes"]:
        hit = find_quote(gq["text"], pred, used)
        used.update(hit)
        got = pred[hit[0]][1]["speaker"] if hit else "(not found)"
        if not hit or not speaker_ok(gq["speaker"], got):
            wrong.append((gq["text"][:40], gq["speaker"], got))
    assert wrong == []


@pytest.mark.parametrize(("s", "name"), PAGES, ids=IDS)
def test_roles(docs, s, name):
    blocks = [b for b in docs(s, name)["blocks"] if b["text"]]
    wrong = []
    for gp in SETS[s][name]["paragraphs"]:
        prefix = fold(gp["starts_with"])
        block = next((b for b in blocks if prefix in fold(b["text"])[:len(prefix) + 120]), None)
        if block is None or block["role"] != gp["role"]:
            wrong.append((gp["starts_with"], gp["role"], block and block["role"]))
    assert wrong == []
