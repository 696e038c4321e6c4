"""The compiled-pattern cache: patterns from it behave as re.compile's, and no state of the cache
folder (absent, damaged, unwritable, switched off) changes a result or prints a word."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep_parse import patterns
from sitrep_parse.extractor import cjk

from .conftest import SITREP_DEV

ROOT = Path(__file__).resolve().parent.parent

# Compiles a few patterns and the whole pipeline's, checks each against re.compile, reports hits.
_PROBE = """
import re, sys
import sitrep_parse.cleaner, sitrep_parse.extractor, sitrep_parse.extractor.cjk, sitrep_parse.cli
from sitrep_parse import patterns
from sitrep_parse.patterns import regex
p = regex(r"(?P<h>\\d{1,2})[:.](?P<m>\\d\\d)\\s*(?i:gmt|utc)", re.I)
assert p.search("at 14:05 GMT").group("h", "m") == ("14", "05")
assert regex(rb"charset=([a-z0-9-]+)").search(b"charset=utf-8").group(1) == b"utf-8"
cache = patterns._cache
if cache.path:
    for (text, flags), entry in cache.entries.items():
        assert regex(text, flags) == re.compile(text, flags), text
print(len(cache.entries), int(cache.added))
"""


def _probe(cache: str) -> tuple[int, int, str]:
    env = {**os.environ, "SITREP_PARSE_CACHE": cache}
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    entries, added = done.stdout.split()
    return int(entries), int(added), done.stderr


def test_second_run_takes_every_pattern_from_the_cache(tmp_path: Path) -> None:
    entries, added, err = _probe(str(tmp_path))
    assert added == 1 and entries > 150 and err == ""
    (cache_file,) = tmp_path.iterdir()
    assert cache_file.name.startswith(f"patterns-{sys.implementation.cache_tag}-")
    entries2, added2, err2 = _probe(str(tmp_path))
    assert (entries2, added2, err2) == (entries, 0, "")  # nothing compiled anew, nothing rewritten


def test_damaged_cache_is_compiled_past_and_rewritten(tmp_path: Path) -> None:
    _probe(str(tmp_path))
    (cache_file,) = tmp_path.iterdir()
    cache_file.write_bytes(b"\x00not a cache" * 50)
    entries, added, err = _probe(str(tmp_path))
    assert added == 1 and err == ""
    assert _probe(str(tmp_path))[1] == 0  # whole again


def test_unwritable_or_switched_off_cache_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    entries, added, err = _probe(str(blocker / "cache"))  # the folder can never be made
    assert err == ""
    assert _probe("off") == (0, 0, "")
    assert list(tmp_path.iterdir()) == [blocker]


def test_a_pattern_is_the_one_re_compiles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_PARSE_CACHE", str(tmp_path))
    cache = patterns._Cache()
    for text, flags in ((r"\b(?:said|says)\b", re.I), (r"[\u3040-\u30ff\u4e00-\u9fff]+", 0), (r"(a)|(?P<b>b)", 0)):
        first = cache.compile(text, int(flags))
        again = patterns._Cache.compile(cache, text, int(flags))  # from the entry made by the first call
        assert first == again == re.compile(text, flags)
        assert again.groupindex == re.compile(text, flags).groupindex
    cache.save()
    assert len(list(tmp_path.iterdir())) == 1


def test_a_pooled_batch_caches_the_patterns_its_workers_use(tmp_path: Path) -> None:
    """Workers never write the cache (their parent does, at its end): what a page needs must be
    compiled before the fork, the rules only some pages load (CJK) included."""
    pages = [str(p) for p in sorted(SITREP_DEV.glob("*.html"))[:2]]
    env = {**os.environ, "SITREP_PARSE_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "sitrep_parse", "-j", "2", "-f", "jsonl", *pages], cwd=ROOT,
                          env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (cache_file,) = tmp_path.iterdir()
    cached = {text for text, _ in marshal.loads(cache_file.read_bytes())}
    wanted = {value.pattern for value in vars(cjk).values() if isinstance(value, re.Pattern)}
    assert wanted and wanted <= cached


# re.compile, and the module-level functions that compile their pattern on first use (re.sub(r"..", ..)):
# either way the pattern would be compiled afresh at every start, past the cache.
_COMPILING_CALL = re.compile(r"\bre\.(?:compile|sub|subn|split|findall|finditer|search|match|fullmatch)\(")


def test_the_package_compiles_its_patterns_through_the_cache() -> None:
    for path in (ROOT / "sitrep_parse").rglob("*.py"):
        if path.name != "patterns.py":
            found = _COMPILING_CALL.search(path.read_text(encoding="utf-8"))
            assert found is None, f"{path}: {found.group(0)} compiles past the cache; use patterns.regex"


def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SITREP_PARSE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert patterns.cache_file() is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert patterns.cache_file().startswith(str(tmp_path / "sitrep-parse"))


def test_grouping_by_first_character_keeps_every_match_in_place() -> None:
    words = r"ad|ads|adv|share|shares|sharing|since\s+(?:then|that)|since\s+the\s+war|s[ée]e|l'an|now(?<!by\snow)"
    grouped = patterns.by_first_char(words)
    assert grouped.startswith("a(?:d|ds|dv)|s(?:hare|hares")
    plain, fast = re.compile(r"\b(?:" + words + r")\b"), re.compile(r"\b(?:" + grouped + r")\b")
    texts = ["ads and shares since then, see l'an 2020", "by now, since the war", "now sharing adv sée", "shares's"]
    for text in texts:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]
    for bad in (r"(?:a|b)c", r"[ab]c", r"a?b", r"\bword", "^x"):
        with pytest.raises(ValueError):
            patterns.by_first_char("ok|" + bad)
