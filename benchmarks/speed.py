"""How fast sitrep-parse is, next to trafilatura on the same pages, and where its time goes.

    python benchmarks/speed.py                  throughput, -j N, end to end, start-up
    python benchmarks/speed.py --profile        plus a cProfile breakdown by stage
    python benchmarks/speed.py --instructions   plus instruction counts under valgrind (noise-free)
    python benchmarks/speed.py --pages DIR -j 4 --rounds 9 --pairs 60
                                  (five rounds in process, forty end-to-end pairs unless told)

Pages: ../shared/bench/aeb/html (SITREP_SHARED overrides ../shared), gzip-compressed
saved pages. "Raw bytes in": both tools get the same decompressed bytes, and decode
them themselves. sitrep-parse does its whole job (decode, clean, extract, JSONL bytes);
trafilatura does its default extract() (bytes in, article text out). Timings are noisy
on a shared machine, so in one process the tools take turns page by page, the two compared
whole commands run back to back in an order reversed every round, and the best round of each
is reported with the median of the per-round ratios and a 95% confidence interval for that
median (the end-to-end shares of every round are printed too). A target is "met" only when the
whole interval clears it: a single median on this VM moves by several points from run to run.
Rounds in one process re-read the same pages, so each tool's per-process caches are warm
after the first; the end-to-end figures are single cold passes in fresh processes, start-up
included.

Targets (issue 5): one process at least 2x trafilatura's pages per second; the command
`sitrep-parse -j 1 -f jsonl` over the pages, interpreter start included, in less than
half the time of a Python loop calling trafilatura over them, its start included too.
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))

TRAFILATURA_LOOP = """
import gzip, os, sys
import trafilatura
folder = sys.argv[1]
out = sys.stdout
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), "rb") as fh:
        data = fh.read()
    if data[:2] == b"\\x1f\\x8b":
        data = gzip.decompress(data)
    text = trafilatura.extract(data)
    out.write((text or "") + "\\n")
"""


def load_pages(folder: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        pages.append((str(path), data))
    return pages


# --------------------------------------------------------------------------- the two tools, one page each


def sitrep_page(source: str, data: bytes) -> bool:
    from sitrep_parse.errors import SitrepError
    from sitrep_parse.output import jsonl_bytes, to_dict
    from sitrep_parse.pipeline import parse_page
    from sitrep_parse.scraper import page_from_bytes

    try:
        doc = parse_page(page_from_bytes(data, source))
    except SitrepError:
        return False
    jsonl_bytes(to_dict(doc))
    return True


def lxml_parse_page(source: str, data: bytes) -> bool:
    """The floor: lxml's parse of the bytes alone (1.2 ms a page on an idle core, bench/README.md)."""
    import lxml.html

    return lxml.html.document_fromstring(data) is not None


def trafilatura_page(source: str, data: bytes) -> bool:
    import trafilatura

    return trafilatura.extract(data) is not None


def sitrep_file(path: str) -> bool:
    data = Path(path).read_bytes()
    return sitrep_page(path, gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


def trafilatura_file(path: str) -> bool:
    data = Path(path).read_bytes()
    return trafilatura_page(path, gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)


def _warm_both() -> None:
    import trafilatura  # noqa: F401

    import sitrep_parse.cleaner  # noqa: F401
    import sitrep_parse.extractor  # noqa: F401
    import sitrep_parse.output  # noqa: F401
    import sitrep_parse.scraper  # noqa: F401


# --------------------------------------------------------------------------- measurements


def one_process(pages: list[tuple[str, bytes]], rounds: int) -> tuple[dict[str, tuple[float, int]], list[float]]:
    """Best wall time of a pass over all pages in this process, per tool, and the ratio
    sitrep-parse/trafilatura of pages per second within each round.

    The tools take turns page by page, so both meet the machine in the same state: on a shared
    VM whose speed swings by half from one second to the next, a whole pass of one tool and
    then a whole pass of the other would compare two different machines."""
    tools: dict[str, Callable[[str, bytes], bool]] = {"sitrep-parse": sitrep_page, "trafilatura": trafilatura_page,
                                                      "lxml parse": lxml_parse_page}
    for fn in tools.values():  # imports, regex caches
        for source, data in pages[:3]:
            fn(source, data)
    best: dict[str, tuple[float, int]] = {}
    ratios = []
    clock = time.perf_counter
    for _ in range(rounds):
        spent = dict.fromkeys(tools, 0.0)
        ok = dict.fromkeys(tools, 0)
        for source, data in pages:
            for name, fn in tools.items():
                t = clock()
                ok[name] += fn(source, data)
                spent[name] += clock() - t
        for name, elapsed in spent.items():
            if name not in best or elapsed < best[name][0]:
                best[name] = (elapsed, ok[name])
        ratios.append(spent["trafilatura"] / spent["sitrep-parse"])
    return best, ratios


def _percents(values: list[float]) -> str:
    return " ".join(f"{v:.0%}" for v in values)


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def median_interval(values: list[float], level: float = 0.95) -> tuple[float, float, float]:
    """(low, high, coverage): a distribution-free confidence interval for the median of the rounds.

    On a machine whose speed swings by half from one second to the next, one median can land on
    either side of a target that the true figure clears by a few points; an interval says whether
    the rounds decide it. Sorted, the k-th value from each end bounds the median with probability
    1 - 2 P(Binomial(n, 1/2) < k), whatever the distribution of the rounds (each round a fair coin
    on either side of the true median): k is the largest that keeps that probability >= level,
    or 1 (the whole range) when n is too small to reach it."""
    values = sorted(values)
    n = len(values)
    k, tail = 1, 1 / 2 ** n  # tail: P(Binomial(n, 1/2) < k)
    while k < (n + 1) // 2:
        wider = tail + math.comb(n, k) / 2 ** n
        if 1 - 2 * wider < level:
            break
        k, tail = k + 1, wider
    return values[k - 1], values[n - k], 1 - 2 * tail


def verdict(low: float, high: float, coverage: float, target: float, above: bool) -> str:
    """met / NOT met when the whole interval is on one side of the target, else undecided; a handful
    of rounds (an interval of under 90%) decides nothing."""
    if coverage < 0.9:
        return "undecided: too few rounds for an interval"
    if (low >= target) if above else (high < target):
        return "met"
    if (high < target) if above else (low >= target):
        return "NOT met"
    return "undecided: the interval holds the target (more --pairs narrow it)"


def many_processes(paths: list[str], jobs: int, rounds: int) -> dict[str, float]:
    """Best wall time with `jobs` warm worker processes, each reading its files (same pool for both tools)."""
    import multiprocessing

    best: dict[str, float] = {}
    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing.get_context()
    with ctx.Pool(jobs, initializer=_warm_both) as pool:
        pool.map(sitrep_file, paths[: jobs * 2], chunksize=1)
        pool.map(trafilatura_file, paths[: jobs * 2], chunksize=1)
        for _ in range(rounds):
            for name, fn in (("sitrep-parse", sitrep_file), ("trafilatura", trafilatura_file)):
                t = time.perf_counter()
                pool.map(fn, paths, chunksize=1)
                elapsed = time.perf_counter() - t
                best[name] = min(best.get(name, elapsed), elapsed)
    return best


def _command() -> list[str]:
    script = Path(sys.executable).parent / "sitrep-parse"
    return [str(script)] if script.exists() else [sys.executable, "-m", "sitrep_parse"]


# Commands run as after an ordinary install: byte-compiled, whatever this shell says.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def precompile() -> None:
    """pip compiles a package's .pyc at install; an editable checkout under PYTHONDONTWRITEBYTECODE
    would instead recompile every module at each start (~100 ms here), which no user pays. Likewise
    the first run on a machine fills the compiled-pattern cache (sitrep_parse/patterns.py): one
    import does it here, so every timed run starts as a user's second run does."""
    import compileall

    import sitrep_parse

    compileall.compile_dir(str(Path(sitrep_parse.__file__).parent), quiet=1)
    subprocess.run([sys.executable, "-c", _WHOLE_PIPELINE], check=False, env=ENV)


_WHOLE_PIPELINE = ("import sitrep_parse.cli, sitrep_parse.batch, sitrep_parse.pipeline, sitrep_parse.cleaner, "
                   "sitrep_parse.extractor, sitrep_parse.output, sitrep_parse.scraper")
NO_PATTERN_CACHE = "  the same, patterns compiled (cache off)"


def _wall(cmd: list[str], env: Optional[dict[str, str]] = None) -> float:
    return _run(cmd, env)[0]


def _run(cmd: list[str], env: Optional[dict[str, str]] = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the command's own processes included) of a command."""
    before = _children_cpu()
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env={**ENV, **(env or {})})
    return time.perf_counter() - t, _children_cpu() - before


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # not a Unix: no CPU figure
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


E2E_SITREP = "sitrep-parse -j 1 -f jsonl"
E2E_LOOP = "python loop calling trafilatura"


def _batch_command(folder: Path, jobs: int, *options: str) -> list[str]:
    return [*_command(), "-j", str(jobs), *options, "-f", "jsonl", str(folder)]


def _loop_command(folder: Path) -> list[str]:
    return [sys.executable, "-c", TRAFILATURA_LOOP, str(folder)]


def end_to_end(folder: Path, jobs: int, rounds: int) -> tuple[dict[str, float], list[float], list[float]]:
    """Whole commands, interpreter start included: the user's view. Also, round by round,
    sitrep-parse -j 1's wall and CPU time as shares of the trafilatura loop's.

    The two compared commands run back to back, first one then the other in turn, so that
    each pair meets the machine in nearly one state; the -j N command runs apart from the
    pairs. CPU time (user + system of every process of the command: sitrep-parse's parent and
    its worker) says the share is work, not waiting; on this VM it swings as wall time does."""
    cmds = {E2E_SITREP: _batch_command(folder, 1), E2E_LOOP: _loop_command(folder)}
    best: dict[str, float] = {}
    wall_shares, cpu_shares = [], []
    order = list(cmds)
    for _ in range(rounds):
        this = {name: _run(cmds[name]) for name in order}
        for name, (wall, _) in this.items():
            best[name] = min(best.get(name, wall), wall)
        wall_shares.append(this[E2E_SITREP][0] / this[E2E_LOOP][0])
        if this[E2E_LOOP][1]:
            cpu_shares.append(this[E2E_SITREP][1] / this[E2E_LOOP][1])
        order.reverse()  # the machine's drift within a pair favours the first and the second in turn
    # only its best time is reported: a few runs find it
    best[f"sitrep-parse -j {jobs} -f jsonl"] = min(_wall(_batch_command(folder, jobs)) for _ in range(min(rounds, 9)))
    return best, wall_shares, cpu_shares


def start_up(rounds: int) -> dict[str, float]:
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "sitrep-parse --version": [*_command(), "--version"],
        "import the whole pipeline": [sys.executable, "-c", _WHOLE_PIPELINE],
        NO_PATTERN_CACHE: [sys.executable, "-c", _WHOLE_PIPELINE],
        "import trafilatura": [sys.executable, "-c", "import trafilatura"],
    }
    best: dict[str, float] = {}
    for _ in range(rounds * 2):
        for name, cmd in cmds.items():
            elapsed = _wall(cmd, {"SITREP_PARSE_CACHE": "off"} if name == NO_PATTERN_CACHE else None)
            best[name] = min(best.get(name, elapsed), elapsed)
    return best


def heavy_imports(rounds: int, limit: int = 10) -> list[tuple[str, float]]:
    """The modules whose own import costs most when the whole pipeline loads (self time, best of rounds)."""
    code = _WHOLE_PIPELINE
    best: dict[str, float] = {}
    for _ in range(max(3, rounds)):
        proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                              env=ENV)
        for line in proc.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[0].startswith("import time:"):
                try:
                    t = int(parts[0].split(":")[1]) / 1e6
                except ValueError:
                    continue  # the header line
                name = parts[2].strip()
                best[name] = min(best.get(name, t), t)
    return sorted(best.items(), key=lambda r: -r[1])[:limit]


def instructions(folder: Path) -> Optional[dict[str, int]]:
    """Instructions each whole command executes, counted by valgrind: a figure no load on the
    machine moves (wall time here swings by half between seconds), though not a time either
    (trafilatura spends more of its instructions in C, which runs more of them a cycle).
    sitrep-parse parses in-process here (--page-timeout 0), so the count is one process's."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    cmds = {E2E_SITREP: _batch_command(folder, 1, "--page-timeout", "0"), E2E_LOOP: _loop_command(folder)}
    counts: dict[str, int] = {}
    for name, cmd in cmds.items():
        with tempfile.TemporaryDirectory() as tmp:
            proc = subprocess.run([valgrind, "--tool=callgrind", f"--callgrind-out-file={tmp}/out.%p", *cmd],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
        counts[name] = sum(int(m) for m in re.findall(r"Collected : (\d+)", proc.stderr))
    return counts


# --------------------------------------------------------------------------- profile


def profile(pages: list[tuple[str, bytes]]) -> None:
    """Where one process spends its time: stages timed directly, then cProfile inside the stages."""
    import cProfile
    import pstats

    import lxml.html

    from sitrep_parse.cleaner import clean
    from sitrep_parse.errors import SitrepError
    from sitrep_parse.extractor import extract
    from sitrep_parse.output import jsonl_bytes, to_dict
    from sitrep_parse.scraper import page_from_bytes

    for source, data in pages[:3]:
        sitrep_page(source, data)
    stage = dict.fromkeys(("decode", "lxml parse (alone)", "cleaner (parse included)", "extractor", "serialise"), 0.0)
    n = len(pages)
    for source, data in pages:
        t0 = time.perf_counter()
        page = page_from_bytes(data, source)
        t1 = time.perf_counter()
        lxml.html.document_fromstring(data)
        t2 = time.perf_counter()
        try:
            article = clean(page)
        except SitrepError:
            stage["cleaner (parse included)"] += time.perf_counter() - t2
            continue
        t3 = time.perf_counter()
        doc = extract(article)
        t4 = time.perf_counter()
        jsonl_bytes(to_dict(doc))
        t5 = time.perf_counter()
        stage["decode"] += t1 - t0
        stage["lxml parse (alone)"] += t2 - t1
        stage["cleaner (parse included)"] += t3 - t2
        stage["extractor"] += t4 - t3
        stage["serialise"] += t5 - t4
    total = sum(v for k, v in stage.items() if k != "lxml parse (alone)")
    print(f"\nWhere a page's time goes (one process, {n} pages, {total / n * 1000:.1f} ms a page):")
    for name, v in stage.items():
        share = "" if name == "lxml parse (alone)" else f"{v / total:6.1%}"
        print(f"  {name:<28} {v / n * 1000:7.2f} ms  {share}")

    prof = cProfile.Profile()
    prof.enable()
    for source, data in pages:
        sitrep_page(source, data)
    prof.disable()
    stats = pstats.Stats(prof)
    ptotal = sum(tt for (_, _, tt, _, _) in stats.stats.values())

    def children(parent_file: str, parent_name: str) -> list[tuple[str, float]]:
        rows = []
        for (file, line, name), (_, _, _, _, callers) in stats.stats.items():
            for (cfile, _, cname), (_, _, _, ct) in callers.items():
                if cname == parent_name and cfile.endswith(parent_file) and file not in ("~", "<string>"):
                    rows.append((f"{_short(file)}:{name}", ct))
        return sorted(rows, key=lambda r: -r[1])

    for title, file, fn in (("cleaner.clean", "cleaner/__init__.py", "clean"),
                            ("extractor.extract", "extractor/__init__.py", "extract")):
        print(f"\n  inside {title} (cProfile, cumulative, share of the profiled run):")
        for name, ct in children(file, fn)[:9]:
            print(f"    {name:<44} {ct / n * 1000:7.2f} ms  {ct / ptotal:6.1%}")
    print("\n  hottest functions (self time):")
    rows = sorted(((tt, file, name) for (file, _, name), (_, _, tt, _, _) in stats.stats.items()), reverse=True)
    for tt, file, name in rows[:12]:
        print(f"    {_short(file) + ':' + name:<60} {tt / n * 1000:7.2f} ms  {tt / ptotal:6.1%}")


def _short(file: str) -> str:
    for marker in ("sitrep_parse/", "site-packages/", "lib/python"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


# --------------------------------------------------------------------------- report


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=SHARED / "bench" / "aeb" / "html")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pairs", type=int, default=40,
                    help="end-to-end rounds, each a run of both commands (default 40, some five minutes: on this "
                         "noisy VM, 25 rounds often leave a 95%% interval for the median share too wide to decide)")
    ap.add_argument("--profile", action="store_true", help="add a cProfile breakdown by stage")
    ap.add_argument("--instructions", action="store_true",
                    help="add instruction counts of the end-to-end commands under valgrind (minutes; noise-free)")
    args = ap.parse_args(argv)
    if not args.pages.is_dir():
        print(f"speed.py: {args.pages}: the benchmark pages are not here (set SITREP_SHARED)", file=sys.stderr)
        return 2
    if shutil.which("sitrep-parse") is None and not (Path(sys.executable).parent / "sitrep-parse").exists():
        print("speed.py: note: no sitrep-parse script beside this Python; using python -m sitrep_parse",
              file=sys.stderr)

    pages = load_pages(args.pages)
    n = len(pages)
    size = sum(len(d) for _, d in pages) / n / 1024
    print(f"{n} pages from {args.pages} ({size:.0f} KB a page on average, decompressed); "
          f"best of {args.rounds} rounds; CPUs: {os.cpu_count()}; load: {_load()}")

    precompile()
    single, ratios = one_process(pages, args.rounds)
    print("\nOne process, pages in memory as bytes:")
    for name, (t, ok) in single.items():
        print(f"  {name:<14} {n / t:7.1f} pages/s  {t / n * 1000:6.1f} ms a page  ({ok} of {n} gave a result)")
    print(f"  (lxml parse is {single['lxml parse'][0] / n * 1000 / 1.2:.1f}x its idle-core 1.2 ms: "
          "the machine's load scales every figure here alike)")
    low, high, coverage = median_interval(ratios)
    print(f"  sitrep-parse / trafilatura, median of the rounds: {_median(ratios):.2f}x, "
          f"{coverage:.0%} interval {low:.2f}x-{high:.2f}x (target >= 2x: {verdict(low, high, coverage, 2.0, above=True)})")

    paths = [p for p, _ in pages]
    multi = many_processes(paths, args.jobs, args.rounds)
    print(f"\n{args.jobs} worker processes, each reading its own files:")
    for name, t in multi.items():
        print(f"  {name:<14} {n / t:7.1f} pages/s")
    print(f"  sitrep-parse / trafilatura: {multi['trafilatura'] / multi['sitrep-parse']:.2f}x")

    e2e, shares, cpu_shares = end_to_end(args.pages, args.jobs, args.pairs)
    print("\nEnd to end, interpreter start included (wall time, best round):")
    for name, t in e2e.items():
        print(f"  {name:<34} {t:6.2f} s  {n / t:6.1f} pages/s")
    low, high, coverage = median_interval(shares)
    print(f"  sitrep-parse -j 1 takes {_median(shares):.0%} of the trafilatura loop's time, median of "
          f"{len(shares)} rounds, {coverage:.0%} interval {low:.0%}-{high:.0%} "
          f"(target < 50%: {verdict(low, high, coverage, 0.5, above=False)})")
    print(f"  each round: {_percents(shares)}")
    if cpu_shares:
        print(f"  and {_median(cpu_shares):.0%} of its CPU time (user + system); each round: {_percents(cpu_shares)}")

    boot = start_up(args.rounds)
    print("\nStart-up (wall time of the command alone):")
    for name, t in boot.items():
        print(f"  {name:<42} {t * 1000:6.0f} ms")
    print("  costliest modules when the whole pipeline is imported (self time, best run):")
    for name, t in heavy_imports(args.rounds):
        print(f"    {name:<26} {t * 1000:6.1f} ms")

    if args.instructions:
        counts = instructions(args.pages)
        if counts is None:
            print("\nInstruction counts: valgrind is not installed here")
        else:
            print("\nInstructions executed, end to end (valgrind; in-process sitrep-parse):")
            for name, count in counts.items():
                print(f"  {name:<34} {count / 1e9:6.2f} G")
            share = counts[E2E_SITREP] / counts[E2E_LOOP]
            print(f"  sitrep-parse -j 1 executes {share:.0%} of the trafilatura loop's instructions")

    if args.profile:
        profile(pages)
    return 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
