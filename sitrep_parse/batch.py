"""Many sources in one run: expanded lazily, parsed in worker processes, streamed as JSONL.

Nothing is lost: a source that fails becomes an error record in its place. Nothing piles
up: at most a few results per worker are in flight, so memory does not grow with the
batch. Nothing is torn: each line is written whole, so an interrupted run leaves valid
JSONL, and with --output the file appears only by rename (or, on Ctrl-C, with what was
finished, ready for --skip-existing).
"""

from __future__ import annotations

import glob
import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from .errors import ScrapeError, SitrepError
from .models import FetchOptions

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
GLOB_CHARS = set("*?[")


def is_batch(sources: list[str]) -> bool:
    """Several sources, a folder or a glob pattern means JSONL, one line per page."""
    if len(sources) != 1:
        return True
    s = sources[0]
    if s == "-" or s.lower().startswith(("http://", "https://")):
        return False
    return os.path.isdir(s) or (bool(GLOB_CHARS & set(s)) and not os.path.exists(s))


@dataclass(frozen=True)
class Item:
    """One source to parse, or a source that failed before parsing (a missing path, a loop)."""

    source: str
    error: Optional[str] = None


def expand(sources: Iterable[str]) -> Iterator[Item]:
    """Folders recursively (pages only, symlink loops reported), globs, paths and URLs as given."""
    for source in sources:
        source = source.strip()
        if not source:
            continue
        if source == "-" or source.lower().startswith(("http://", "https://")):
            yield Item(source)
        elif os.path.isdir(source):
            yield from _walk(source)
        elif GLOB_CHARS & set(source) and not os.path.exists(source):
            matches = sorted(glob.iglob(source, recursive=True))
            if not matches:
                yield Item(source, "no file matches this pattern")
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m)
                else:
                    yield Item(m)
        else:
            yield Item(source)


def _walk(top: str) -> Iterator[Item]:
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield Item(folder, f"cannot read folder: {exc.strerror or exc}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield Item(folder, "symbolic link loop (folder already visited)")
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Item(folder, f"cannot read folder: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            path = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                yield Item(path, f"cannot read: {exc.strerror or exc}")
                continue
            if is_dir:
                subdirs.append(path)
            elif entry.name.lower().endswith(PAGE_SUFFIXES):
                if entry.is_symlink() and not os.path.exists(path):
                    yield Item(path, "broken symbolic link")
                    continue
                yield Item(path)
        stack.extend(reversed(subdirs))


def read_list(path: str) -> Iterator[str]:
    """Sources listed one per line; blank lines and # comments skipped."""
    fh: IO[str] = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
    finally:
        if fh is not sys.stdin:
            fh.close()


# --------------------------------------------------------------------------- work


@dataclass(frozen=True)
class Result:
    source: str
    text: str  # the rendered record, newline-terminated
    error: Optional[str] = None  # the cause, for the one-line report on stderr
    updates: int = 0
    quotes: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


def process(item: Item, options: FetchOptions, fmt: str) -> Result:
    """Parse one source into its output record; never raises for a bad source."""
    from .output import error_record, json_line, render, to_dict
    from .pipeline import parse_source

    try:
        if item.error:
            raise ScrapeError(item.source, item.error)
        doc = parse_source(item.source, options)
    except SitrepError as err:
        return Result(item.source, json_line(error_record(err)) + "\n", err.cause)
    except Exception as exc:  # a bug must not cost the rest of the batch
        err = SitrepError(item.source, f"internal error: {type(exc).__name__}: {exc}")
        return Result(item.source, json_line(error_record(err)) + "\n", err.cause)
    text = json_line(to_dict(doc)) + "\n" if fmt in ("jsonl", "json") else render(doc, fmt) + "\f\n"
    return Result(item.source, text, None, len(doc.updates), len(doc.quotes))


def _init_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means


def results(items: Iterator[Item], options: FetchOptions, fmt: str, jobs: int, ordered: bool) -> Iterator[Result]:
    """Parse items with `jobs` processes, keeping at most a few per worker in flight."""
    if jobs <= 1:
        for item in items:
            yield process(item, options, fmt)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
        pending: deque = deque()
        exhausted = False
        try:
            while pending or not exhausted:
                while not exhausted and len(pending) < window:
                    item = next(items, None)
                    if item is None:
                        exhausted = True
                        break
                    pending.append(pool.submit(process, item, options, fmt))
                if not pending:
                    break
                if ordered:
                    yield pending.popleft().result()
                else:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        pending.remove(fut)
                        yield fut.result()
        except BaseException:
            for fut in pending:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _done_sources(path: str) -> tuple[list[str], set[str]]:
    """Lines of an earlier run's output that hold documents, and their sources."""
    keep, done = [], set()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and "error" not in record and "source" in record:
                    keep.append(line if line.endswith("\n") else line + "\n")
                    done.add(record["source"])
    except FileNotFoundError:
        pass
    return keep, done


def run_batch(sources: list[str], *, from_file: Optional[str], options: FetchOptions, fmt: str,
              output: Optional[str], jobs: Optional[int], ordered: bool, append: bool, skip_existing: bool,
              debug: bool = False) -> int:
    from .cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, report_error
    from .errors import OutputError

    if fmt == "pretty":
        fmt = "jsonl"
    names: Iterable[str] = list(sources)
    if from_file:
        names = _chain(names, read_list(from_file))
    items = expand(names)
    keep: list[str] = []
    if skip_existing and output:
        keep, done = _done_sources(output)
        items = (i for i in items if i.source not in done)
    jobs = jobs or os.cpu_count() or 1

    tmp = None
    try:
        if output is None:
            out = sys.stdout
        elif append and not skip_existing:
            out = open(output, "a", encoding="utf-8")
        else:
            tmp = f"{output}.tmp-{os.getpid()}"
            out = open(tmp, "w", encoding="utf-8")
            out.writelines(keep)
    except OSError as exc:
        return report_error(OutputError(output or "-", exc.strerror or str(exc)), debug)

    progress = _Progress() if sys.stderr.isatty() else None
    parsed = failed = updates = quotes = 0
    started = time.perf_counter()
    interrupted = False
    try:
        for result in results(items, options, fmt, jobs, ordered):
            out.write(result.text)
            out.flush()
            if result.ok:
                parsed += 1
                updates += result.updates
                quotes += result.quotes
            else:
                failed += 1
                line = f"sitrep-parse: {result.source}: {' '.join(result.error.split())}"
                if progress:
                    progress.progress.console.print(line, markup=False, highlight=False)
                else:
                    print(line, file=sys.stderr)
            if progress:
                progress.advance(result.ok)
    except KeyboardInterrupt:
        interrupted = True
    except OSError as exc:
        if progress:
            progress.stop()
        return report_error(OutputError(output or "-", exc.strerror or str(exc)), debug)
    finally:
        if progress:
            progress.stop()
        if out is not sys.stdout:
            out.close()
            if tmp:
                os.replace(tmp, output)
    elapsed = time.perf_counter() - started
    rate = (parsed + failed) / elapsed if elapsed > 0 else 0.0
    print(f"sitrep-parse: {parsed} parsed, {failed} failed, {updates} updates, {quotes} quotes"
          f" ({rate:.1f} pages/s){' — interrupted' if interrupted else ''}", file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILED if failed else EXIT_OK


def _chain(*iterables: Iterable[str]) -> Iterator[str]:
    for it in iterables:
        yield from it


class _Progress:
    """A rich progress bar on stderr: done, rate, elapsed, failures (the total is unknown while expanding)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.failed = 0
        self.progress = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]} pages/s"), TextColumn("{task.fields[failed]} failed"),
                                 TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("parse", total=None, rate="0.0", failed=0)
        self.started = time.perf_counter()
        self.done = 0
        self.progress.start()

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        rate = self.done / max(1e-9, time.perf_counter() - self.started)
        self.progress.update(self.task, advance=1, rate=f"{rate:.1f}", failed=self.failed)

    def stop(self) -> None:
        self.progress.stop()
