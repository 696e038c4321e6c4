#!/usr/bin/env python3
"""Article-body accuracy and speed on the article extraction benchmark, beside the peers.

    python benchmarks/aeb.py                 # sitrep-parse, trafilatura, readability-lxml
    python benchmarks/aeb.py --worst 15      # also our 15 worst pages (with the peers' F1 on them)
    python benchmarks/aeb.py --split         # figures on two fixed halves of the pages as well
    python benchmarks/aeb.py --only ours --profile   # cProfile of our run, top functions

Every tool gets the same raw bytes per page (gzip already undone) and the time from bytes
to text is what "ms/page" measures: CPU time of this process, one page after another on
one core, best of --repeat runs taken in turn across the tools. sitrep-parse
decodes with scraper.page_from_bytes and runs pipeline.parse_page with the page's true URL;
its prediction is Document.text. Predictions are written to benchmarks/out/ and scored
with the benchmark's own scorer (../shared/bench/score_aeb.py, imported, not copied).

--split divides the pages by a hash of their id into halves A and B that never change
(a page's half does not depend on which other pages are present), so a heuristic can be
tuned on one half and checked on the other: a gain on A that is a loss on B is overfitting.

The data lives outside the repository (never committed); --shared or SITREP_SHARED
points elsewhere. Without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import hashlib
import importlib.util
import json
import os
import pstats
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Extractor = Callable[[bytes, str], str]


# --------------------------------------------------------------------------- tools


def _ours() -> Extractor:
    from sitrep_parse.errors import SitrepError
    from sitrep_parse.pipeline import parse_page
    from sitrep_parse.scraper import page_from_bytes

    def run(data: bytes, url: str) -> str:
        try:
            return parse_page(page_from_bytes(data, url, url)).text
        except SitrepError as exc:  # counted as an empty prediction, and reported
            print(f"  sitrep-parse: {exc}", file=sys.stderr)
            return ""

    return run


def _trafilatura() -> Optional[Extractor]:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes, url: str) -> str:
        return trafilatura.extract(data, url=url, include_comments=False) or ""

    return run


def _readability() -> Optional[Extractor]:
    try:
        import lxml.html
        from readability import Document
    except ImportError:
        return None
    blocks = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th", "br",
              "pre", "section", "article", "table", "ul", "ol", "dd", "dt", "figure")

    def run(data: bytes, url: str) -> str:
        summary = Document(data, url=url).summary(html_partial=True)
        if not summary.strip():
            return ""
        tree = lxml.html.fragment_fromstring(summary, create_parent="div")
        for el in tree.iter(*blocks):  # block boundaries are word boundaries
            el.tail = "\n" + (el.tail or "")
        return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())

    return run


TOOLS: dict[str, Callable[[], Optional[Extractor]]] = {
    "sitrep-parse": _ours,
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
}
ALIASES = {"ours": "sitrep-parse", "readability": "readability-lxml"}


# --------------------------------------------------------------------------- data and scoring


def half(page_id: str) -> str:
    """A or B, from the page id alone, so a page never changes half."""
    return "A" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "B"


def load_scorer(bench: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_aeb", bench / "score_aeb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_tool(name: str, extract: Extractor, pages: dict[str, bytes], truth: dict,
             profile: bool = False, keep: bool = True) -> tuple[dict, float]:
    """One run of a tool over every page: predictions and CPU seconds per page.

    CPU time of this process rather than wall time: on a shared machine the other processes'
    load would otherwise decide the figure. Every tool is measured the same way.
    """
    pred: dict[str, dict] = {}
    profiler = cProfile.Profile() if profile else None
    elapsed = 0.0
    for key, data in pages.items():
        url = truth[key]["url"]
        if profiler:
            profiler.enable()
        t0 = time.process_time()
        try:
            text = extract(data, url)
        except Exception as exc:  # a peer's crash (or ours) is an empty prediction, not an abort
            if keep:
                print(f"  {name}: {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text = ""
        elapsed += time.process_time() - t0
        if profiler:
            profiler.disable()
        if keep:
            pred[key] = {"articleBody": text}
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
    return pred, elapsed / max(1, len(pages))


def print_stages(pages: dict[str, bytes], truth: dict, repeat: int) -> None:
    """CPU ms per page of each stage of sitrep-parse (best of `repeat`); parse is inside clean."""
    from sitrep_parse.cleaner import clean
    from sitrep_parse.cleaner.dom import parse_document
    from sitrep_parse.errors import SitrepError
    from sitrep_parse.extractor import extract
    from sitrep_parse.scraper import page_from_bytes

    def best(fn: Callable, items: list) -> float:
        times = []
        for _ in range(max(1, repeat)):
            t0 = time.process_time()
            for item in items:
                try:
                    fn(item)
                except SitrepError:
                    pass
            times.append(time.process_time() - t0)
        return min(times) / max(1, len(items)) * 1000

    raw = [(key, data, truth[key]["url"]) for key, data in pages.items()]
    page_objs = [page_from_bytes(data, key, url) for key, data, url in raw]
    articles = []
    for p in page_objs:
        try:
            articles.append(clean(p))
        except SitrepError:
            pass
    figures = {
        "decode": best(lambda r: page_from_bytes(r[1], r[0]), raw),
        "lxml parse": best(lambda p: parse_document(p.html, p.source, p.utf8), page_objs),
        "clean (with parse)": best(clean, page_objs),
        "extract": best(extract, articles),
    }
    print("\nsitrep-parse stages (CPU ms/page): " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path,
                    default=Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared")),
                    help="the shared data folder (default: ../shared from the repository root)")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list our N worst pages")
    ap.add_argument("--split", action="store_true", help="also report halves A and B (fixed by id hash)")
    ap.add_argument("--only", action="append", metavar="TOOL",
                    help="run only this tool (ours, trafilatura, readability); repeatable")
    ap.add_argument("--ids", nargs="*", help="only these page ids (prefixes are enough)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each tool's run")
    ap.add_argument("--stages", action="store_true",
                    help="also split sitrep-parse's time into decode, parse (lxml alone), clean and extract")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="time each tool N times and keep the best (timings on a busy machine)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out",
                    help="where predictions are written (default: benchmarks/out, gitignored)")
    args = ap.parse_args(argv)

    bench = args.shared / "bench"
    truth_path = bench / "aeb" / "ground-truth.json"
    if not truth_path.is_file() or not (bench / "score_aeb.py").is_file():
        print(f"aeb.py: benchmark data not found under {bench} (needs aeb/ground-truth.json and score_aeb.py); "
              "nothing to measure. Use --shared PATH or SITREP_SHARED to point at it.")
        return 0
    scorer = load_scorer(bench)
    truth: dict = json.loads(truth_path.read_text(encoding="utf-8"))
    if args.ids:
        truth = {k: v for k, v in truth.items() if any(k.startswith(i) for i in args.ids)}
    pages = {k: gzip.decompress((bench / "aeb" / "html" / f"{k}.html.gz").read_bytes()) for k in truth}
    if not pages:
        print("aeb.py: no page matches --ids")
        return 0

    wanted = [ALIASES.get(t, t) for t in args.only] if args.only else list(TOOLS)
    unknown = [t for t in wanted if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tool(s): {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, tuple[dict, float]] = {}
    extractors: dict[str, Extractor] = {}
    for name in wanted:
        extract = TOOLS[name]()
        if extract is None:
            print(f"{name}: not installed (pip install '.[bench]'), skipped")
            continue
        first = next(iter(pages))
        extract(pages[first], truth[first]["url"])  # warm-up: imports and caches are not timed
        extractors[name] = extract
    # Repeats go round the tools in turn, so a busy spell on the machine does not fall on one
    # tool's runs only; each keeps its best time.
    for run in range(max(1, args.repeat)):
        for name, extract in extractors.items():
            pred, per_page = run_tool(name, extract, pages, truth, args.profile and run == 0, keep=run == 0)
            if run == 0:
                (args.out / f"aeb-{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
                results[name] = (pred, per_page)
            else:
                results[name] = (results[name][0], min(results[name][1], per_page))

    subsets = {"all": truth}
    if args.split:
        for h in ("A", "B"):
            subsets[f"half {h}"] = {k: v for k, v in truth.items() if half(k) == h}
    per_page_f1: dict[str, dict[str, float]] = {}
    print(f"\n{'tool':<18}{'subset':<9}{'pages':>6}{'F1':>8}{'prec':>8}{'recall':>8}{'exact':>8}{'ms/page':>9}")
    for name, (pred, per_page) in results.items():
        for label, subset in subsets.items():
            f1, p, r, acc, page_scores = scorer.score(subset, pred)
            if label == "all":
                per_page_f1[name] = dict(page_scores)
            ms = f"{per_page * 1000:9.1f}" if label == "all" else ""
            print(f"{name:<18}{label:<9}{len(subset):>6}{f1:8.4f}{p:8.4f}{r:8.4f}{acc:8.4f}{ms}")

    if args.stages:
        print_stages(pages, truth, args.repeat)

    ours = per_page_f1.get("sitrep-parse")
    if args.worst and ours:
        others = [n for n in per_page_f1 if n != "sitrep-parse"]
        print(f"\nworst {args.worst} pages for sitrep-parse (F1; peers' F1 on the same page: {', '.join(others)})")
        for key, f1 in sorted(ours.items(), key=lambda kv: kv[1])[: args.worst]:
            peers = " ".join(f"{per_page_f1[n][key]:.3f}" for n in others)
            print(f"{f1:.3f}  [{peers}]  {half(key)} {key[:12]}  {truth[key]['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
