"""Many sources in one run: expanded lazily, parsed in worker processes, streamed as JSONL.

Nothing is lost: a source that fails, even one that crashes its worker process, becomes
an error record in its place. Nothing piles up: each worker holds at most two sources,
and in input order at most `ORDER_WINDOW` results per worker wait for a slow one ahead of
them, so memory does not grow with the batch. Nothing is torn: Ctrl-C (or SIGTERM, what
`kill`, `timeout` and service managers send) is held back while a line is written, so a
stopped run leaves valid JSONL, and with --output the file appears only by rename, holding
what was finished, ready for --skip-existing.

The pool is our own rather than concurrent.futures: it knows which source each worker
is on (so a crash names its source instead of failing every pending future), forks only
when no other thread is running (the progress bar is refreshed by the main loop, not a
thread), stops at once on Ctrl-C instead of waiting for pages in progress, and kills and
replaces a worker whose page runs past --page-timeout (only a process can be stopped in the
middle of a C call or a runaway regular expression; a thread cannot).
"""

from __future__ import annotations

import glob
import io
import os
import signal
import sys
import time
from collections import deque
from itertools import islice
from typing import IO, Any, Iterable, Iterator, NamedTuple, Optional

from .cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_TERMINATED, report_error
from .errors import OutputError, ScrapeError, SitrepError
from .models import FetchOptions
from .scraper import is_url

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # both stop a batch cleanly; the parent alone handles them
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
GLOB_CHARS = frozenset("*?[")
PER_WORKER = 2  # sources sent ahead to a worker: one in progress, one waiting, so it never idles
ORDER_WINDOW = 16  # per worker: results that may wait for an earlier, slower source (ordered output)
TICK = 0.25  # seconds between progress refreshes while waiting for workers


def is_batch(sources: list[str]) -> bool:
    """Several sources, a folder or a glob pattern means JSONL, one line per page."""
    if len(sources) != 1:
        return True
    s = sources[0]
    if s == "-" or is_url(s):
        return False
    return os.path.isdir(s) or (bool(GLOB_CHARS & set(s)) and not os.path.exists(s))


def default_jobs() -> int:
    """The CPUs this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- sources


class Item(NamedTuple):
    """One source to parse, or one that failed before parsing (a symlink loop, an unreadable folder).

    Item and Result are NamedTuples, not dataclasses: they never leave this module, they
    pickle as plain tuples to and from workers, and they cost ~0.4 ms of start-up where a
    frozen slotted dataclass costs ~3 ms.
    """

    source: str
    error: Optional[str] = None


def expand(sources: Iterable[str]) -> Iterator[Item]:
    """Folders recursively (pages only), globs, paths and URLs as given, in the order given."""
    for source in sources:
        source = source.strip()
        if not source:
            continue
        try:
            if source == "-" or is_url(source):
                yield Item(source)
            elif os.path.isdir(source):
                yield from _or_cause(_walk(source), source, NO_PAGES)
            elif GLOB_CHARS & set(source) and not os.path.exists(source):
                matches = sorted(glob.iglob(source, recursive=True))
                found = (i for m in matches for i in (_walk(m) if os.path.isdir(m) else (Item(m),)))
                yield from _or_cause(found, source, NO_PAGES_MATCHED if matches else "no file matches this pattern")
            else:
                yield Item(source)  # a missing file is reported by the scraper, in its place
        except OSError as exc:
            yield Item(source, f"cannot read: {exc.strerror or exc}")


_SUFFIXES_TEXT = "(" + ", ".join(s for s in PAGE_SUFFIXES if ".gz" not in s) + " and their .gz)"
NO_PAGES = "no pages in this folder " + _SUFFIXES_TEXT
NO_PAGES_MATCHED = "no pages in the folders this pattern matches " + _SUFFIXES_TEXT


def _or_cause(items: Iterator[Item], source: str, cause: str) -> Iterator[Item]:
    """A folder or glob given as a source: what it holds, or one error record if that is nothing (a
    mistyped path or pages saved under another suffix should not pass as a batch that found nothing)."""
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield Item(source, cause)


def _walk(top: str) -> Iterator[Item]:
    """Depth first, names sorted, files of a folder before its subfolders.

    A symbolic link is followed unless it leads back to a folder that encloses it: that
    is a loop, reported once as an error record. A link to a folder elsewhere in the
    tree is walked again under its own name, as `find -L` would.
    """
    stack: list[tuple[str, tuple[tuple[int, int], ...]]] = [(top, ())]
    while stack:
        folder, ancestors = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield Item(folder, f"cannot read folder: {exc.strerror or exc}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            yield Item(folder, "symbolic link loop (leads back to a folder that contains it)")
            continue
        ancestors += (key,)
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
                if entry.is_dir():
                    subdirs.append(path)
                    continue
                if not entry.name.lower().endswith(PAGE_SUFFIXES):
                    continue
                if entry.is_symlink() and not os.path.exists(path):
                    yield Item(path, "broken symbolic link")
                elif not entry.is_file():
                    yield Item(path, "not a regular file")  # a FIFO would block a worker forever
                else:
                    yield Item(path)
            except OSError as exc:
                yield Item(path, f"cannot read: {exc.strerror or exc}")
        stack.extend((d, ancestors) for d in reversed(subdirs))


def read_list(path: str) -> Iterator[str]:
    """Sources listed one per line (blank lines and # comments skipped), read lazily.

    Bytes are decoded as file names are (UTF-8, undecodable bytes kept as surrogates), so
    a listed path names the same file as on the command line.
    """
    fh: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for raw in fh:
            line = os.fsdecode(raw.strip())
            if line and not line.startswith("#"):
                yield line
    finally:
        if path != "-":
            fh.close()


# --------------------------------------------------------------------------- work


class Result(NamedTuple):
    source: str
    data: bytes  # the output record, newline-terminated (empty for a failure in a text format)
    error: Optional[str] = None  # the cause, for the one-line report on stderr
    updates: int = 0
    quotes: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


def process(item: Item, options: FetchOptions, fmt: str) -> Result:
    """Parse one source into its output record; never raises for a bad source."""
    from .output import jsonl_bytes, render, to_dict
    from .pipeline import parse_source

    try:
        if item.error:
            raise ScrapeError(item.source, item.error)
        doc = parse_source(item.source, options)
    except SitrepError as err:
        return _failure(err, fmt)
    except Exception as exc:  # a bug must not cost the rest of the batch
        return _failure(SitrepError(item.source, f"internal error: {type(exc).__name__}: {exc}"), fmt)
    if fmt == "jsonl":
        data = jsonl_bytes(to_dict(doc))
    else:
        data = (render(doc, fmt) + "\f\n").encode("utf-8", "surrogateescape")
    return Result(item.source, data, None, len(doc.updates), len(doc.quotes))


def _failure(err: SitrepError, fmt: str) -> Result:
    from .output import error_record, jsonl_bytes

    return Result(err.source, jsonl_bytes(error_record(err)) if fmt == "jsonl" else b"", err.cause)


def _warm_up(urls: bool) -> None:
    """Import the whole pipeline once, before forking, so no worker pays for it again.

    That includes the modules a single run loads only when a page needs them: the CJK rules
    (under a millisecond) always, the HTTP client (~35 ms, httpx) when the batch opens on a URL.
    A module a worker imports itself is imported again by every worker, and the patterns it
    compiles never reach the cache file, which only the parent writes (patterns.py).
    """
    from . import cleaner, extractor, output, pipeline, scraper  # noqa: F401
    from .extractor import cjk  # noqa: F401

    if urls:
        from .scraper import network  # noqa: F401


# --------------------------------------------------------------------------- worker processes


def _mp_context():
    import multiprocessing

    # fork: workers start in milliseconds with the pipeline already imported. Where fork is
    # unsafe or absent (macOS, Windows) the platform default spawns fresh interpreters.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


_PARENT_ENDS: list[Any] = []  # the parent's ends of all worker pipes; a forked worker closes its copies


def _worker_main(conn, options: FetchOptions, fmt: str) -> None:
    for sig in STOP_SIGNALS:  # the parent decides what Ctrl-C and SIGTERM mean, and stops us itself
        signal.signal(sig, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(STOP_SIGNALS))
    for end in _PARENT_ENDS:  # so that each worker sees end-of-file as soon as the parent is gone
        end.close()
    sys.stdout = sys.stderr  # nothing a library prints may land in the JSONL
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, item = msg
        r = process(item, options, fmt)
        try:
            conn.send((index, r.data, r.error, r.updates, r.quotes))
        except OSError:
            return


class _Worker:
    __slots__ = ("process", "conn", "queue", "started", "overdue")

    def __init__(self, process, conn) -> None:
        self.process = process
        self.conn = conn
        self.queue: deque[tuple[int, Item]] = deque()  # sent, not yet answered; the head is in progress
        self.started = 0.0  # when the head of the queue began, as near as the parent can tell
        self.overdue = False  # stopped by the parent for running past its time limit


class _Pool:
    """`jobs` worker processes, each fed over its own pipe, replaced when one dies or runs too long."""

    def __init__(self, jobs: int, options: FetchOptions, fmt: str, page_timeout: Optional[float] = None) -> None:
        self.ctx = _mp_context()
        self.options, self.fmt, self.page_timeout = options, fmt, page_timeout
        self.workers = [self._start() for _ in range(jobs)]

    def limit(self, item: Item) -> Optional[float]:
        """Seconds a source may take: the parse allowance, plus the fetch's own bound for a URL."""
        if not self.page_timeout:
            return None
        return self.page_timeout + (self.options.timeout if is_url(item.source) else 0.0)

    def stop_overdue(self, now: float) -> None:
        """Kill a worker whose current source has run past its limit (a page no parse should take
        that long: a pathological document, a stuck library call); _collect then reports it."""
        for w in self.workers:
            if w.queue and not w.overdue:
                limit = self.limit(w.queue[0][1])
                if limit is not None and now - w.started > limit:
                    w.overdue = True
                    w.process.kill()

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        _PARENT_ENDS.append(parent)  # listed before the fork, so the child closes its copy of it too
        # Block the stop signals across the fork: the child ignores them before it can be hit by
        # one, and the parent gets any that arrived meanwhile as soon as the mask is lifted.
        masked = hasattr(signal, "pthread_sigmask")
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))
        try:
            sys.stdout.flush()  # a forked child must not inherit (and later flush) pending output
            sys.stderr.flush()
            p = self.ctx.Process(target=_worker_main, args=(child, self.options, self.fmt), daemon=True)
            p.start()
        except BaseException:
            _PARENT_ENDS.remove(parent)
            parent.close()
            raise
        finally:
            if masked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, set(STOP_SIGNALS))
            child.close()
        return _Worker(p, parent)

    def replace(self, worker: _Worker) -> None:
        self._close(worker)
        self.workers[self.workers.index(worker)] = self._start()

    def _close(self, worker: _Worker) -> None:
        worker.conn.close()
        if worker.conn in _PARENT_ENDS:
            _PARENT_ENDS.remove(worker.conn)
        worker.process.join(timeout=1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def close(self, *, now: bool) -> None:
        """Normal end: ask each worker to finish. Interrupted: stop them where they are."""
        for w in self.workers:
            if now:
                w.process.kill()  # workers ignore SIGTERM
            else:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in self.workers:
            self._close(w)
        self.workers = []


def _crash_cause(exitcode: Optional[int]) -> str:
    """Why a worker died, in words: the signal that killed it or its exit status."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        how = f"killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
    else:
        how = f"exit status {exitcode}"
    return f"the worker process parsing this page died ({how})"


def results(items: Iterator[Item], options: FetchOptions, fmt: str, jobs: int, ordered: bool,
            tick=None, page_timeout: Optional[float] = None) -> Iterator[Result]:
    """Parse items with `jobs` worker processes; results in input order unless `ordered` is False.

    One source runs in this process: no start-up to pay. So does jobs == 1 without a
    `page_timeout`: only a separate process can be stopped in the middle of a page. `tick` is
    called while waiting, so a progress display stays alive without a thread of its own.
    """
    head = list(islice(items, max(2, jobs)))  # fewer than `jobs` sources: that many workers
    if len(head) < 2 or (jobs <= 1 and not page_timeout):
        for item in _chain(head, items):
            yield process(item, options, fmt)
        return
    _warm_up(any(is_url(item.source) for item in head))
    import gc

    gc.freeze()  # the collector leaves what exists now alone, so forked workers keep sharing those pages
    try:
        pool = _Pool(min(jobs, len(head)), options, fmt, page_timeout)
        yield from _pooled(_chain(head, items), pool, fmt, ordered, tick)
    finally:
        gc.unfreeze()


def _pooled(items: Iterator[Item], pool: _Pool, fmt: str, ordered: bool, tick) -> Iterator[Result]:
    from multiprocessing.connection import wait

    window = ORDER_WINDOW * len(pool.workers)
    retry: deque[tuple[int, Item]] = deque()  # sources a dead worker held but had not started
    ready: dict[int, Result] = {}  # finished, waiting for their turn (ordered) or to be yielded
    next_index = next_out = 0
    exhausted = False
    interrupted = True
    try:
        while True:
            # Hand out work: keep every worker busy, never run further ahead of the output than the window.
            for slot in range(len(pool.workers)):
                w = pool.workers[slot]
                while len(w.queue) < PER_WORKER and (retry or not exhausted):
                    if ordered and next_index - next_out >= window and not retry:
                        break
                    if retry:
                        index, item = retry.popleft()
                    else:
                        item = next(items, None)
                        if item is None:
                            exhausted = True
                            break
                        index, next_index = next_index, next_index + 1
                        if item.source == "-":  # standard input belongs to this process, not a worker's
                            ready[index] = process(item, pool.options, fmt)
                            continue
                    if not w.queue:
                        w.started = time.monotonic()
                    w.queue.append((index, item))
                    try:
                        w.conn.send((index, item))
                    except OSError:  # it died while idle: this source was never started
                        retry.appendleft(w.queue.pop())
                        _collect(w, ready, retry, pool, fmt)
                        break
            # Give out what is finished.
            if ordered:
                while next_out in ready:
                    yield ready.pop(next_out)
                    next_out += 1
            else:
                for index in list(ready):
                    yield ready.pop(index)
            busy = [w for w in pool.workers if w.queue]
            if not busy:
                if exhausted and not retry:
                    break
                continue
            by_handle = {}
            for w in busy:
                by_handle[w.conn] = w
                by_handle[w.process.sentinel] = w
            done = wait(list(by_handle), timeout=TICK)
            if tick:
                tick()
            if pool.page_timeout:
                pool.stop_overdue(time.monotonic())
                done = set(done) | {w.process.sentinel for w in busy if w.overdue}
            for w in {by_handle[h] for h in done}:
                _collect(w, ready, retry, pool, fmt)
        interrupted = False
    finally:
        pool.close(now=interrupted)


def _collect(w: _Worker, ready: dict[int, Result], retry: deque, pool: _Pool, fmt: str) -> None:
    """Take a worker's answers; if it died, its current source gets the crash, the rest go again."""
    gone = False
    try:
        while w.queue and w.conn.poll():
            index, data, error, updates, quotes = w.conn.recv()
            _, item = w.queue.popleft()
            ready[index] = Result(item.source, data, error, updates, quotes)
            w.started = time.monotonic()  # the next one, if any, began about now
    except (EOFError, OSError):
        gone = True
    if not gone and w.process.is_alive():
        return
    w.process.join(timeout=5)
    if w.queue:
        index, item = w.queue.popleft()
        if w.overdue:
            cause = f"gave up after {pool.limit(item):g} s (--page-timeout {pool.page_timeout:g})"
        else:
            cause = _crash_cause(w.process.exitcode)
        ready[index] = _failure(SitrepError(item.source, cause), fmt)
        retry.extendleft(reversed(w.queue))
        w.queue.clear()
    pool.replace(w)


# --------------------------------------------------------------------------- the run


class _Interrupts:
    """Ctrl-C or SIGTERM raises KeyboardInterrupt at once, except while a line is written: then right after.

    Installed only for a signal that has its default meaning (in the main thread), so a
    batch started in the background with SIGINT ignored keeps ignoring it. `signum` says
    which signal stopped the run, for its exit code.
    """

    DEFAULTS = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}

    def __init__(self) -> None:
        self.holding = False
        self.pending = False
        self.signum: Optional[int] = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> "_Interrupts":
        import threading

        if threading.current_thread() is threading.main_thread():
            for sig, default in self.DEFAULTS.items():
                if signal.getsignal(sig) is default:
                    self.previous[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self.previous.items():
            signal.signal(sig, previous)

    def _handler(self, signum: int, frame: object) -> None:
        self.signum = self.signum or signum
        if self.holding:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def ignore(self) -> None:
        """While cleaning up after the first stop, a second one must not leave things half done."""
        for sig in self.previous:
            signal.signal(sig, signal.SIG_IGN)

    def write(self, out: "_Sink", data: bytes) -> None:
        """Write one whole record; a Ctrl-C meanwhile waits for `check`."""
        self.holding = True
        try:
            out.write(data)
        finally:
            self.holding = False

    def check(self) -> None:
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def _done_sources(path: str) -> tuple[list[bytes], set[str]]:
    """Lines of an earlier run's output that hold documents, and their sources.

    Error records and torn lines are dropped, so their sources are tried again.
    """
    import json

    keep: list[bytes] = []
    done: set[str] = set()
    try:
        with open(path, "rb") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and "error" not in record and isinstance(record.get("source"), str):
                    keep.append(line if line.endswith(b"\n") else line + b"\n")
                    done.add(record["source"])
    except FileNotFoundError:
        pass
    return keep, done


class _Sink:
    """Where records go: whole lines to a file descriptor, each written out before the next.

    os.write in a loop rather than a buffered writer: when Ctrl-C interrupts a write to a
    full pipe, write(2) returns short, and CPython's BufferedWriter (3.11) was seen to drop
    the rest of the line; here the loop finishes it. Without a descriptor (a test harness's
    stdout) the stream is written and flushed as it is.
    """

    def __init__(self, fh: Any, close: bool) -> None:
        self.fh = fh
        self.close_fh = close
        try:
            self.fd: Optional[int] = fh.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None

    @classmethod
    def stdout(cls) -> "_Sink":
        sys.stdout.flush()
        return cls(getattr(sys.stdout, "buffer", sys.stdout), close=False)

    def write(self, data: bytes) -> None:
        if self.fd is None:
            if isinstance(self.fh, io.TextIOBase):
                self.fh.write(data.decode("utf-8", "replace"))
            else:
                self.fh.write(data)
            self.fh.flush()
            return
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def close(self) -> None:
        if self.close_fh:
            self.fh.close()


def run_batch(sources: list[str], *, from_file: Optional[str], options: FetchOptions, fmt: str,
              output: Optional[str], jobs: Optional[int], ordered: bool, append: bool, skip_existing: bool,
              page_timeout: Optional[float] = None, debug: bool = False) -> int:
    """Run a batch and return the exit code; the only messages are per-failure lines and a summary."""
    fmt = "jsonl" if fmt in ("pretty", "json", "jsonl") else fmt
    names: Iterable[str] = list(sources)
    if from_file:
        names = _chain(names, read_list(from_file))
    items: Iterable[Item] = expand(names)
    keep: list[bytes] = []
    skipped = 0
    if skip_existing and output:
        keep, done = _done_sources(output)
        if done:
            def fresh(items: Iterable[Item] = items) -> Iterator[Item]:
                nonlocal skipped
                for i in items:
                    if i.source in done:
                        skipped += 1
                    else:
                        yield i

            items = fresh()
    jobs = jobs or default_jobs()

    # A bar only when someone watches stderr and the output is not scrolling over it.
    show = sys.stderr.isatty() and (output is not None or not sys.stdout.isatty())
    total: Optional[int] = None
    if show and not (from_file == "-" and sys.stdin.isatty()):
        items = list(items)  # to know the total (only source names: small, whatever the batch)
        total = len(items)

    tmp: Optional[str] = None
    try:
        if output is None:
            out = _Sink.stdout()
        elif append and not skip_existing:
            out = _Sink(open(output, "ab", buffering=0), close=True)
            if os.path.getsize(output) > 0:
                with open(output, "rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    if fh.read(1) != b"\n":
                        out.write(b"\n")  # a line torn by a killed run must not swallow the next one
        else:
            tmp = f"{output}.tmp-{os.getpid()}"
            out = _Sink(open(tmp, "wb", buffering=0), close=True)
            out.write(b"".join(keep))
    except OSError as exc:
        return report_error(OutputError(output or "-", exc.strerror or str(exc)), debug)

    progress = _Progress(total) if show else None
    parsed = failed = updates = quotes = 0
    started = time.perf_counter()
    interrupted = False
    code = EXIT_OK
    stream = results(iter(items), options, fmt, jobs, ordered, progress.tick if progress else None, page_timeout)
    with _Interrupts() as interrupts:
        try:
            for result in stream:
                interrupts.write(out, result.data)
                if result.ok:
                    parsed += 1
                    updates += result.updates
                    quotes += result.quotes
                else:
                    failed += 1
                    line = f"sitrep-parse: {result.source}: {' '.join(result.error.split())}"
                    if progress:
                        progress.note(line)
                    else:
                        print(line, file=sys.stderr, flush=True)
                if progress:
                    progress.advance(result.ok)
                interrupts.check()
        except KeyboardInterrupt:
            interrupted = True
        except BrokenPipeError:
            if output is not None:
                code = report_error(OutputError(output, "broken pipe"), debug)
            else:
                raise  # the reader went away (| head): cli.main ends quietly
        except OSError as exc:
            code = report_error(OutputError(output or "-", exc.strerror or str(exc)), debug)
        finally:
            interrupts.ignore()
            stream.close()  # stops the workers: at once unless they all finished
            if progress:
                progress.stop()
            code = _finish(out, tmp, output, keep_file=code == EXIT_OK) or code
    if code != EXIT_OK:
        return code
    elapsed = time.perf_counter() - started
    rate = (parsed + failed) / elapsed if elapsed > 0 else 0.0
    extra = f", {skipped} already in {output}" if skipped else ""
    stop = ""
    terminated = interrupts.signum == signal.SIGTERM
    if interrupted:
        stop = "; terminated" if terminated else "; interrupted"
        if output:
            stop += " (add --skip-existing to the same command to resume)"
    print(f"sitrep-parse: {parsed} parsed, {failed} failed{extra}, {updates} updates, {quotes} quotes"
          f" in {elapsed:.1f} s ({rate:.1f} pages/s){stop}", file=sys.stderr, flush=True)
    if interrupted:
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    return EXIT_FAILED if failed else EXIT_OK


def _finish(out: _Sink, tmp: Optional[str], output: Optional[str], keep_file: bool) -> int:
    """Close the output; the temporary file replaces the target unless writing it failed."""
    try:
        if output is None:
            return EXIT_OK  # every line was flushed as it was written
        out.close()
        if tmp:
            if keep_file:
                os.replace(tmp, output)
            else:
                os.unlink(tmp)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if not keep_file:
            return EXIT_OUTPUT  # already reported
        return report_error(OutputError(output or "-", exc.strerror or str(exc)))
    return EXIT_OK


def _chain(*iterables: Iterable[Any]) -> Iterator[Any]:
    for it in iterables:
        yield from it


class _Progress:
    """A rich progress bar on stderr: done/total, rate, time left, failures.

    Refreshed by the batch loop (results and waiting ticks), not by a thread, so worker
    processes are never forked while another thread holds a lock.
    """

    def __init__(self, total: Optional[int]) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.failed = 0
        self.done = 0
        self.started = time.perf_counter()
        self.last = 0.0
        self.progress = Progress(
            TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} pages/s"), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=Console(stderr=True), transient=True, auto_refresh=False,
            redirect_stdout=False, redirect_stderr=False,
        )
        self.task = self.progress.add_task("parse", total=total, rate="0.0", failed=0)
        self.progress.start()

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        rate = self.done / max(1e-9, time.perf_counter() - self.started)
        self.progress.update(self.task, advance=1, rate=f"{rate:.1f}", failed=self.failed)
        self.tick()

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last >= 0.1:
            self.last = now
            self.progress.refresh()

    def note(self, line: str) -> None:
        self.progress.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.progress.stop()
