#!/usr/bin/env python3
"""SITREP accuracy: run the sitrep-parse CLI over labelled pages and score what it prints.

    python benchmarks/sitrep.py                       # sitrep-dev and the aeb quotes, both
    python benchmarks/sitrep.py --only sitrep --verbose
    python benchmarks/sitrep.py --corpus DIR --gold DIR/gold.json
    python benchmarks/sitrep.py --only quotes

Each page goes through the command exactly as a user runs it (`sitrep-parse PAGE --url
URL -f jsonl`, the URL from the gold labels), so the figures cover scraper, cleaner,
extractor and output together. The JSONL is kept in benchmarks/out/ (gitignored) and
scored by ../shared/bench/score_sitrep.py, whose per-page lines and totals are printed
as they come. The second corpus, ../shared/bench/aeb-quotes-gold.json, labels every
quotation and its speaker on 12 real news pages from aeb/html/: the check that
speakers generalise beyond pages written for this project. Shared data is never
committed; where it is absent the script says so and exits 0 (SITREP_SHARED overrides
where ../shared is). Speed is benchmarks/speed.py's job.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "sitrep-dev", help="folder of labelled SITREP pages")
    ap.add_argument("--gold", type=Path, help="gold labels (default: CORPUS/gold.json)")
    ap.add_argument("--bench", type=Path, default=SHARED / "bench",
                    help="folder with score_sitrep.py, aeb-quotes-gold.json and aeb/html/")
    ap.add_argument("--only", choices=["sitrep", "quotes"], help="run one corpus only")
    ap.add_argument("--verbose", action="store_true", help="per-page leaks, misses and errors")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="pages parsed at once (default 2)")
    args = ap.parse_args()

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
            # named for its folder: sitrep-dev, set1, ... (also the output file's name)
            status |= run_corpus(args.corpus.resolve().name, gold_path, pages, scorer, args.verbose, args.jobs)
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
