"""Shared test fixtures.

The SITREP corpus is copied into fixtures/sitrep-dev so a fresh clone tests without
anything else. The benchmark pages (../shared/bench) are never committed: tests that
need them use `shared_dir` and skip cleanly where it is absent. SITREP_SHARED overrides
where ../shared is.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

# The compiled-pattern cache (sitrep_parse/patterns.py) of the tests and of the commands they run
# lives in a folder of its own, never in the user's ~/.cache.
os.environ.setdefault("SITREP_PARSE_CACHE", tempfile.mkdtemp(prefix="sitrep-parse-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SITREP_DEV = FIXTURES / "sitrep-dev"
GOLD = json.loads((SITREP_DEV / "gold.json").read_text(encoding="utf-8"))


def _shared() -> Path:
    return Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared()
    if not (path / "bench").is_dir():
        pytest.skip(f"{path} (the shared benchmark data) is not available here")
    return path


@pytest.fixture(scope="session")
def gold() -> dict:
    return GOLD


def corpus_pages() -> list[str]:
    return sorted(GOLD)
