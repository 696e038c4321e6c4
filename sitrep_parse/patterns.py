"""Regular expressions compiled once per machine, not once per run.

Python compiles a pattern from its text with a parser and compiler written in Python, at
about 3 µs a character of pattern: the package's ~200 patterns (vocabularies in a dozen
languages) cost ~130 ms, most of the start-up of every `sitrep-parse` run and ~6% of a
131-page batch. What the compiler produces (the engine's code words) depends only on the
pattern, its flags and the interpreter, so it is kept in a cache folder, as Python keeps
bytecode in __pycache__, and handed straight to the engine on the next run.

The cache is only a shortcut: a pattern it does not hold is compiled as usual, and what the
shortcut builds is checked against re.compile's own result before it is ever stored. A file
of another interpreter version is never read (the version is in its name); an unreadable,
damaged or unwritable cache means compiling as usual. Outside CPython, or with
SITREP_PARSE_CACHE=off, nothing is cached. The folder is $SITREP_PARSE_CACHE, else
$XDG_CACHE_HOME/sitrep-parse, else ~/.cache/sitrep-parse.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from typing import Any, Optional, Union

try:  # the engine's compiler: re._compiler from Python 3.11, sre_compile before
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import _sre
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    except ImportError:
        _sre = None  # type: ignore[assignment]

_Key = tuple[Union[str, bytes], int]
_Entry = tuple[int, bytes, int, dict, tuple]

_KEPT = 2000  # entries in one file: past this, a run keeps only the patterns it used itself


def _usable() -> bool:
    return (sys.implementation.name == "cpython" and _sre is not None
            and array("I").itemsize == getattr(_sre, "CODESIZE", 0))


def cache_file() -> Optional[str]:
    """Where this interpreter's compiled patterns are kept; None when caching is off."""
    folder = os.environ.get("SITREP_PARSE_CACHE")
    if folder is not None and folder.strip().lower() in ("", "0", "off", "no", "false"):
        return None
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):
            return None  # no home to speak of: never a cache folder in whatever the current one is
        folder = os.path.join(base, "sitrep-parse")
    version = "-".join(str(n) for n in sys.version_info[:3])
    return os.path.join(folder, f"patterns-{sys.implementation.cache_tag}-{version}-{_sre.MAGIC}.marshal")


class _Cache:
    """The patterns of the cache file, read on first use; new ones written when the process ends."""

    def __init__(self) -> None:
        self.path = cache_file() if _usable() else None
        self.entries: dict[_Key, _Entry] = {}
        self.used: set[_Key] = set()
        self.added = False
        self.owner = os.getpid()  # a forked worker shares the entries but leaves the writing to its parent
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as fh:
                loaded = marshal.load(fh)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, EOFError, ValueError, TypeError):
            pass  # no cache yet, or a damaged one: it is rewritten at the end
        atexit.register(self.save)

    def compile(self, text: Union[str, bytes], flags: int) -> re.Pattern:
        key = (text, flags)
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                full_flags, code, groups, groupindex, indexgroup = entry
                return _sre.compile(text, full_flags, array("I", code).tolist(), groups, groupindex, indexgroup)
            except Exception:  # a damaged entry: compiled as usual below, and replaced
                pass
        compiled = re.compile(text, flags)
        entry = _entry(text, flags, compiled)
        if entry is not None:
            self.entries[key] = entry
            self.added = True
        return compiled

    def save(self) -> None:
        if not self.added or self.path is None or os.getpid() != self.owner:
            return
        entries = self.entries
        if len(entries) > _KEPT:
            entries = {k: v for k, v in entries.items() if k in self.used}
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump(entries, fh)
            os.replace(tmp, self.path)  # whole or not at all, whoever else writes it at the same time
            self.added = False
        except (OSError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _entry(text: Union[str, bytes], flags: int, compiled: re.Pattern) -> Optional[_Entry]:
    """What the engine needs to rebuild `compiled`, or None when the rebuilt pattern differs from it."""
    try:
        parsed = _parser.parse(text, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(text, entry[0], list(code), entry[2], groupindex, entry[4])
    except Exception:
        return None
    return entry if rebuilt == compiled else None  # Pattern equality compares the code words too


_cache: Optional[_Cache] = None


def regex(text: Union[str, bytes], flags: Union[int, re.RegexFlag] = 0) -> re.Pattern:
    """re.compile(text, flags), from the cache folder when this interpreter compiled it before."""
    global _cache
    if _cache is None:
        _cache = _Cache()
    if _cache.path is None or flags & (re.LOCALE | re.DEBUG):  # LOCALE: code that depends on the locale
        return re.compile(text, flags)
    return _cache.compile(text, int(flags))


def by_first_char(alternatives: str) -> str:
    """The same alternation with its alternatives grouped by first character ("ad|ads|share" ->
    "a(?:d|ds)|s(?:hare)").

    The engine tries every alternative at every place a match may start; grouped, it tries those
    of the character standing there only (a vocabulary of 60 words costs the tries of two or three).
    Each alternative keeps its order among those of its character, so what matches, and where, is
    unchanged. Every alternative must open on a plain character (no class, group or quantifier).
    """
    parts, depth, start, i = [], 0, 0, 0
    while i < len(alternatives):
        c = alternatives[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = alternatives.index("]", i + 1) + 1
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(alternatives[start:i])
            start = i + 1
        i += 1
    parts.append(alternatives[start:])
    groups: dict[str, list[str]] = {}
    for part in parts:
        first = part[:1]
        if not first or first in "\\[](){}|^$.?*+" or part[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"{part!r} does not open on a plain character")
        groups.setdefault(first, []).append(part[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())
