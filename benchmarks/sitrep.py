#!/usr/bin/env python3
"""SITREP accuracy: run the sitrep-parse CLI over labelled pages and score what it prints.

    python benchmarks/sitrep.py                       # sitrep-dev and the aeb quotes, both
    python benchmarks/sitrep.py --only sitrep --verbose
    python benchmarks/sitrep.py --corpus DIR --gold DIR/gold.json
    python benchmarks/sitrep.py --only quotes
    python benchmarks/sitrep.py --speed               # per-stage time per page, beside trafilatura

Each page goes through the command exactly as a user runs it (`sitrep-parse PAGE --url
URL -f jsonl`, the URL from the gold labels), so the figures cover scraper, cleaner,
extractor and output together. The JSONL is kept in benchmarks/out/ (gitignored) and
scored by ../shared/bench/score_sitrep.py, whose per-page lines and totals are printed
as they come. The second corpus, ../shared/bench/aeb-quotes-gold.json, labels every
quotation and its speaker on 12 real news pages from aeb/html/: the check that
speakers generalise beyond pages written for this project. Shared data is never
committed; where it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "benchmarks" / "out"


def run_page(page: Path, url: str | None) -> str:
    """One CLI run; a failure becomes an error record so the scorer counts the page as failed."""
    cmd = [sys.executable, "-m", "sitrep_parse", str(page), "-f", "jsonl"]
    if url:
        cmd += ["--url", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    line = proc.stdout.strip()
    if proc.returncode != 0 or not line:
        message = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        return json.dumps({"source": str(page), "error": {"type": "cli", "stage": "cli", "message": message[0]}})
    return line


def run_corpus(name: str, gold_path: Path, pages: dict[str, tuple[Path, str | None]], scorer: Path,
               verbose: bool, jobs: int) -> int:
    missing = [k for k, (p, _) in pages.items() if not p.is_file()]
    if missing:
        print(f"{name}: {len(missing)} page(s) missing, e.g. {pages[missing[0]][0]}; skipped")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"{name}.jsonl"
    keys = sorted(pages)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        lines = list(pool.map(lambda k: run_page(*pages[k]), keys))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"== {name}: {len(keys)} pages, gold {gold_path}, output {out.relative_to(ROOT)}")
    sys.stdout.flush()
    cmd = [sys.executable, str(scorer), str(gold_path), str(out)] + (["--verbose"] if verbose else [])
    return subprocess.run(cmd, cwd=ROOT).returncode


def speed(bench: Path, corpus: Path, repeat: int = 3) -> None:
    """Time per page of the cleaner and the extractor, in process, with trafilatura in the same run
    (the machine is shared and noisy: compare the columns, not remembered numbers)."""
    import gzip
    import time

    sys.path.insert(0, str(ROOT))
    from sitrep_parse.cleaner import clean
    from sitrep_parse.errors import SitrepError
    from sitrep_parse.extractor import extract
    from sitrep_parse.models import Page

    files = sorted((bench / "aeb" / "html").glob("*.html.gz")) + sorted(corpus.glob("*.html"))
    if not files:
        print("no pages to time here")
        return
    htmls = [(gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()).decode("utf-8", "replace")
             for f in files]
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    best = {"clean": [], "extract": [], "trafilatura": []}
    for html in htmls:
        times = {k: float("inf") for k in best}
        for _ in range(repeat):
            t0 = time.perf_counter()
            try:
                article = clean(Page("speed", html))
            except SitrepError:
                article = None
            t1 = time.perf_counter()
            if article is not None:
                extract(article)
            t2 = time.perf_counter()
            if trafilatura is not None:
                trafilatura.extract(html)
            t3 = time.perf_counter()
            times["clean"] = min(times["clean"], t1 - t0)
            times["extract"] = min(times["extract"], t2 - t1)
            times["trafilatura"] = min(times["trafilatura"], t3 - t2)
        for k in best:
            best[k].append(times[k])
    n = len(htmls)
    line = " ".join(f"{k}={1000 * sum(v) / n:.2f}ms" for k, v in best.items() if trafilatura or k != "trafilatura")
    print(f"speed: {n} pages, mean of per-page best of {repeat}: {line}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "sitrep-dev", help="folder of labelled SITREP pages")
    ap.add_argument("--gold", type=Path, help="gold labels (default: CORPUS/gold.json)")
    ap.add_argument("--bench", type=Path, default=SHARED / "bench",
                    help="folder with score_sitrep.py, aeb-quotes-gold.json and aeb/html/")
    ap.add_argument("--only", choices=["sitrep", "quotes"], help="run one corpus only")
    ap.add_argument("--verbose", action="store_true", help="per-page leaks, misses and errors")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="pages parsed at once (default 2)")
    ap.add_argument("--speed", action="store_true", help="time the cleaner and extractor per page instead")
    args = ap.parse_args()

    if args.speed:
        speed(args.bench, args.corpus)
        return 0

    scorer = args.bench / "score_sitrep.py"
    if not scorer.is_file():
        print(f"{scorer} is not available here: nothing to score (the shared data is not committed)")
        return 0
    status = 0
    if args.only in (None, "sitrep"):
        gold_path = args.gold or args.corpus / "gold.json"
        if gold_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pages = {k: (args.corpus / k, v.get("url")) for k, v in gold.items()}
            status |= run_corpus("sitrep-dev" if args.gold is None else gold_path.stem, gold_path, pages,
                                 scorer, args.verbose, args.jobs)
        else:
            print(f"{gold_path} is not available here: SITREP corpus skipped")
    if args.only in (None, "quotes"):
        gold_path = args.bench / "aeb-quotes-gold.json"
        if gold_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pages = {k: (args.bench / "aeb" / v["path"], v.get("url")) for k, v in gold.items()}
            status |= run_corpus("aeb-quotes", gold_path, pages, scorer, args.verbose, args.jobs)
        else:
            print(f"{gold_path} is not available here: quotes corpus skipped")
    return status


if __name__ == "__main__":
    sys.exit(main())
