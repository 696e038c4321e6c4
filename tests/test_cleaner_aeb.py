"""The cleaner on the article extraction benchmark's real pages (skipped where ../shared is absent).

Accuracy floors, not timings: benchmarks/aeb.py prints the figures and the speed beside the
peers'. A floor here only catches a change that breaks the body finder on real pages.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from sitrep_parse.pipeline import parse_page
from sitrep_parse.scraper import page_from_bytes

from .conftest import ROOT


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def aeb(shared_dir):
    bench = shared_dir / "bench"
    truth = json.loads((bench / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    pred = {}
    for key, item in truth.items():
        data = gzip.decompress((bench / "aeb" / "html" / f"{key}.html.gz").read_bytes())
        pred[key] = {"articleBody": parse_page(page_from_bytes(data, key, item["url"])).text}  # never raises
    return truth, pred, _load(bench / "score_aeb.py", "score_aeb")


def test_every_page_has_an_article(aeb):
    truth, pred, _ = aeb
    assert [k for k, v in pred.items() if not v["articleBody"]] == []


def test_f1_above_the_published_peers(aeb):
    truth, pred, scorer = aeb
    f1, precision, recall, _, _ = scorer.score(truth, pred)
    assert f1 >= 0.975 and precision >= 0.97 and recall >= 0.97  # trafilatura 2.0 published 0.958


def test_both_halves_hold(aeb):
    truth, pred, scorer = aeb
    bench = _load(ROOT / "benchmarks" / "aeb.py", "aeb_bench")
    for h in ("A", "B"):
        half = {k: v for k, v in truth.items() if bench.half(k) == h}
        assert scorer.score(half, pred)[0] >= 0.97, h


def test_benchmark_script_without_data_says_so(tmp_path, capsys):
    bench = _load(ROOT / "benchmarks" / "aeb.py", "aeb_bench")
    assert bench.main(["--shared", str(tmp_path)]) == 0
    assert "benchmark data not found" in capsys.readouterr().out
