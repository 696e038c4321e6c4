"""Batches end to end: real files, real worker processes, real signals, a real local HTTP server.

Most runs go through a subprocess (`python -m sitrep_parse`), as a user's would: that is
the only way to see exit codes, stderr, Ctrl-C and worker processes as they really are.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from sitrep_parse.cli import cli
from sitrep_parse.output import schema

from .conftest import SITREP_DEV

GOOD = ["atlas-nagorno-karabakh.html", "plain-article-traps.html", "drupal-top-updates.html.gz",
        "guardianlike-liveblog.html"]
SUMMARY = re.compile(r"^sitrep-parse: (\d+) parsed, (\d+) failed(?:, \d+ already in .+)?, (\d+) updates, "
                     r"(\d+) quotes in [\d.]+ s \([\d.]+ pages/s\)(; (?:interrupted|terminated).*)?$")
posix_only = pytest.mark.skipif(os.name != "posix", reason="signals, symlinks and ptys as on POSIX")


def sitrep(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep_parse", *args], input=input, capture_output=True,
                          cwd=cwd, timeout=300)


def records(data: bytes) -> list[dict]:
    """Every line must be a whole JSON object ending in a newline: that is the JSONL contract."""
    lines = data.splitlines(keepends=True)
    assert all(line.endswith(b"\n") for line in lines), "a torn last line"
    return [json.loads(line) for line in lines]


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    text = proc.stderr.decode()
    assert "Traceback" not in text
    return text.splitlines()


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    """A folder as users have them: good pages, and everything that can go wrong with a file."""
    top = tmp_path / "saved"
    (top / "sub" / "deeper").mkdir(parents=True)
    for name in GOOD[:2]:
        shutil.copy(SITREP_DEV / name, top / name)
    shutil.copy(SITREP_DEV / GOOD[2], top / "sub" / GOOD[2])
    shutil.copy(SITREP_DEV / GOOD[3], top / "sub" / "deeper" / "live.htm")
    (top / "empty.html").write_bytes(b"")
    (top / "random.html").write_bytes(os.urandom(8192))
    good_gz = gzip.compress((SITREP_DEV / GOOD[0]).read_bytes())
    (top / "corrupt.html.gz").write_bytes(good_gz[: len(good_gz) // 2])
    (top / "one-word.html").write_bytes(b"<html><body><p>" + b"w" * 300_000 + b"</p></body></html>")
    (top / "notes.txt").write_text("not a page, not a source")
    (top / "style.css").write_text("body {}")
    if os.name == "posix":
        (top / "sub" / "deeper" / "loop").symlink_to("../..", target_is_directory=True)
    return top


def expected_sources(top: Path, missing: Path) -> set[str]:
    found = {str(top / n) for n in ("atlas-nagorno-karabakh.html", "plain-article-traps.html", "empty.html",
                                    "random.html", "corrupt.html.gz", "one-word.html")}
    found |= {str(top / "sub" / GOOD[2]), str(top / "sub" / "deeper" / "live.htm"), str(missing)}
    if os.name == "posix":
        found.add(str(top / "sub" / "deeper" / "loop"))
    return found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_source_of_a_messy_folder_is_accounted_for(messy, tmp_path, jobs):
    missing = tmp_path / "gone.html"
    proc = sitrep(str(messy), str(missing), "-j", jobs)
    assert proc.returncode == 1
    out = records(proc.stdout)
    assert {r["source"] for r in out} == expected_sources(messy, missing)
    assert len(out) == len(expected_sources(messy, missing))  # each once
    errors = {Path(r["source"]).name: r["error"] for r in out if "error" in r}
    assert set(errors) == {"empty.html", "random.html", "corrupt.html.gz", "gone.html"} | (
        {"loop"} if os.name == "posix" else set())
    for err in errors.values():
        assert set(err) == {"type", "stage", "message"} and err["message"]
    assert "gzip" in errors["corrupt.html.gz"]["message"]
    assert "loop" in errors.get("loop", {"message": "loop"})["message"]
    docs = [r for r in out if "error" not in r]
    for d in docs:
        jsonschema.validate(d, schema())
    word = next(d for d in docs if d["source"].endswith("one-word.html"))
    assert len(word["text"]) == 300_000
    lines = stderr_lines(proc)
    assert len(lines) == len(errors) + 1  # one line per failure, then the summary
    for line in lines[:-1]:
        assert line.startswith("sitrep-parse: ") and ": " in line[len("sitrep-parse: "):]
    m = SUMMARY.match(lines[-1])
    assert m and (int(m[1]), int(m[2])) == (len(docs), len(errors))


def test_input_order_is_kept_with_two_jobs_and_matches_one_job(messy):
    one = sitrep(str(messy), "-j", "1")
    two = sitrep(str(messy), "-j", "2")
    assert one.stdout == two.stdout  # same records, same order, byte for byte
    names = [r["source"] for r in records(two.stdout)]
    # Files of a folder in name order, then its subfolders.
    assert names[:6] == [str(messy / n) for n in ("atlas-nagorno-karabakh.html", "corrupt.html.gz", "empty.html",
                                                 "one-word.html", "plain-article-traps.html", "random.html")]


def test_unordered_writes_every_record_once(messy):
    ordered = records(sitrep(str(messy), "-j", "2").stdout)
    unordered = records(sitrep(str(messy), "-j", "2", "--unordered").stdout)
    key = lambda r: r["source"]  # noqa: E731
    assert sorted(unordered, key=key) == sorted(ordered, key=key)


def test_paths_globs_and_jobs_one_in_process(tmp_path):
    for name in GOOD:
        shutil.copy(SITREP_DEV / name, tmp_path / name)
    proc = sitrep(str(tmp_path / "*.html"), str(tmp_path / "nothing-*.htm"), str(tmp_path / GOOD[2]))
    out = records(proc.stdout)
    assert [Path(r["source"]).name for r in out] == [
        "atlas-nagorno-karabakh.html", "guardianlike-liveblog.html", "plain-article-traps.html",
        "nothing-*.htm", GOOD[2]]
    assert out[3]["error"]["message"] == "no file matches this pattern"
    assert proc.returncode == 1


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def page_server():
    """A real HTTP server on localhost, serving the fixture pages."""
    handler = lambda *a, **k: _QuietHandler(*a, directory=str(SITREP_DEV), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_from_stdin_mixes_urls_and_files(page_server, tmp_path):
    listing = "\n".join([
        "# a comment, then a blank line",
        "",
        str(SITREP_DEV / GOOD[0]),
        f"{page_server}/{GOOD[1]}",
        f"{page_server}/no-such-page.html",
        str(tmp_path / "missing.html"),
        f"  {SITREP_DEV / GOOD[3]}  ",
    ]).encode()
    proc = sitrep("--from", "-", "-j", "2", "--retries", "0", input=listing)
    out = records(proc.stdout)
    assert [r["source"] for r in out] == [str(SITREP_DEV / GOOD[0]), f"{page_server}/{GOOD[1]}",
                                          f"{page_server}/no-such-page.html", str(tmp_path / "missing.html"),
                                          str(SITREP_DEV / GOOD[3])]
    assert out[1]["title"] and "error" not in out[1]  # fetched from the server
    assert "404" in out[2]["error"]["message"]
    assert out[3]["error"]["message"] == "no such file"
    assert proc.returncode == 1


def test_from_file_after_arguments(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SITREP_DEV / GOOD[1]}\n")
    proc = sitrep(str(SITREP_DEV / GOOD[0]), "--from", str(listing))
    assert [r["source"] for r in records(proc.stdout)] == [str(SITREP_DEV / GOOD[0]), str(SITREP_DEV / GOOD[1])]
    assert proc.returncode == 0


def test_usage_errors_exit_2(tmp_path):
    assert sitrep("--from", str(tmp_path / "no-list.txt")).returncode == 2
    assert sitrep("--from", "-", "-", input=b"").returncode == 2
    assert sitrep(str(SITREP_DEV), "--skip-existing").returncode == 2
    assert sitrep(str(SITREP_DEV), "-j", "0").returncode == 2


def test_output_file_append_and_skip_existing(messy, tmp_path):
    out = tmp_path / "out.jsonl"
    first = sitrep(str(messy), "-o", str(out), "-j", "2")
    assert first.returncode == 1 and first.stdout == b""
    full = records(out.read_bytes())
    assert not list(tmp_path.glob("out.jsonl.tmp-*"))  # renamed into place

    # An interrupted earlier run: three documents, one failure, a line torn by a kill -9.
    docs = [line for line in out.read_bytes().splitlines(keepends=True) if b'"error"' not in line]
    failure = next(line for line in out.read_bytes().splitlines(keepends=True) if b'"error"' in line)
    out.write_bytes(b"".join(docs[:3]) + failure + docs[3][:100])
    resumed = sitrep(str(messy), "-o", str(out), "--skip-existing", "-j", "2")
    assert resumed.returncode == 1
    again = records(out.read_bytes())
    assert sorted(r["source"] for r in again) == sorted(r["source"] for r in full)  # each exactly once
    assert re.search(r", 3 already in .*out\.jsonl,", resumed.stderr.decode())

    more = sitrep(str(SITREP_DEV / GOOD[0]), str(SITREP_DEV / GOOD[1]), "-o", str(out), "--append")
    assert more.returncode == 0
    assert len(records(out.read_bytes())) == len(full) + 2


def test_append_repairs_a_torn_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"source": "a.html", "title": "cut sh')
    sitrep(str(SITREP_DEV / GOOD[0]), str(SITREP_DEV / GOOD[1]), "-o", str(out), "--append")
    lines = out.read_bytes().splitlines()
    assert len(lines) == 3 and [json.loads(line)["source"] for line in lines[1:]] == [
        str(SITREP_DEV / GOOD[0]), str(SITREP_DEV / GOOD[1])]


def test_unwritable_output_exits_3_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "no-such-folder" / "out.jsonl"
    proc = sitrep(str(SITREP_DEV), "-o", str(target))
    assert proc.returncode == 3
    assert len(stderr_lines(proc)) == 1


def test_not_a_terminal_means_no_progress_only_failures_and_a_summary(messy):
    proc = sitrep(str(messy), "-j", "2")
    text = proc.stderr.decode()
    assert "\x1b[" not in text and "\r" not in text  # no bar, no cursor movement
    lines = stderr_lines(proc)
    assert all(line.startswith("sitrep-parse: ") for line in lines)
    assert SUMMARY.match(lines[-1])


def test_text_format_batch_separates_documents_and_keeps_errors_on_stderr(tmp_path):
    proc = sitrep(str(SITREP_DEV / GOOD[0]), str(tmp_path / "missing.html"), str(SITREP_DEV / GOOD[1]), "-f", "text")
    assert proc.returncode == 1
    parts = proc.stdout.decode().split("\f\n")
    assert len(parts) == 3 and parts[2] == ""  # two documents, each followed by a form feed
    assert "no such file" in proc.stderr.decode()


@posix_only
def test_progress_bar_on_a_terminal(tmp_path):
    import pty

    for i in range(6):
        shutil.copy(SITREP_DEV / GOOD[i % 2], tmp_path / f"p{i}.html")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep_parse", str(tmp_path), str(tmp_path / "gone.html"),
                             "-j", "2"], stdout=subprocess.PIPE, stderr=slave,
                            env={**os.environ, "TERM": "xterm-256color"})  # rich draws no bar on a dumb one
    os.close(slave)
    out = proc.stdout.read()
    proc.wait(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other side is closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.returncode == 1
    assert len(records(out)) == 7  # the JSONL on stdout is untouched by the bar
    screen = shown.decode(errors="replace")
    assert "parsing" in screen and "/7" in screen and "pages/s" in screen and "failed" in screen
    assert "gone.html: no such file" in screen
    assert re.search(r"sitrep-parse: 6 parsed, 1 failed", screen)


def _default_signals() -> None:
    """Ctrl-C and SIGTERM with their usual meaning in the child, whatever the test runner set."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupt_after_first_line(args: list[str], sig: int = signal.SIGINT) -> tuple[int, bytes, str]:
    proc = subprocess.Popen([sys.executable, "-m", "sitrep_parse", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0, preexec_fn=_default_signals)
    first = b""
    while not first.endswith(b"\n"):  # byte by byte: nothing read here is hidden from communicate()
        byte = proc.stdout.read(1)
        assert byte, "the batch ended before it wrote a line"
        first += byte
    proc.send_signal(sig)
    rest, err = proc.communicate(timeout=120)
    return proc.returncode, first + rest, err.decode()


@pytest.fixture()
def big_batch(tmp_path: Path) -> Path:
    """Enough real pages that a batch is still running when it is interrupted."""
    top = tmp_path / "big"
    top.mkdir()
    pages = [p for p in sorted(SITREP_DEV.iterdir()) if p.name.endswith((".html", ".html.gz"))]
    for i in range(15):
        for page in pages:
            shutil.copy(page, top / f"{i:02d}-{page.name}")
    return top


@posix_only
@pytest.mark.parametrize(("sig", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_or_sigterm_leaves_valid_jsonl(big_batch, jobs, sig, exit_code):
    code, data, err = _interrupt_after_first_line([str(big_batch), "-j", jobs], sig)
    assert code == exit_code
    out = records(data)  # every line whole, even the one being written when Ctrl-C came
    assert 1 <= len(out) < len(list(big_batch.iterdir()))
    assert "Traceback" not in err
    m = SUMMARY.match(err.splitlines()[-1])
    assert m and m[5] and int(m[1]) == len(out)


@posix_only
@pytest.mark.parametrize(("sig", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
def test_stopped_with_output_file_then_resume(big_batch, tmp_path, sig, exit_code):
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "sitrep_parse", str(big_batch), "-j", "2", "-o", str(out)],
                            stderr=subprocess.PIPE, preexec_fn=_default_signals)
    tmp = tmp_path / f"out.jsonl.tmp-{proc.pid}"
    while not (tmp.exists() and tmp.stat().st_size > 0):  # a first record is written
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.01)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == exit_code and "Traceback" not in err.decode()
    assert "--skip-existing" in err.decode().splitlines()[-1]
    partial = records(out.read_bytes())
    total = len(list(big_batch.iterdir()))
    assert 1 <= len(partial) < total
    resumed = sitrep(str(big_batch), "-j", "2", "-o", str(out), "--skip-existing")
    assert resumed.returncode == 0
    done = [r["source"] for r in records(out.read_bytes())]
    assert len(done) == len(set(done)) == total


def _faulty_batch(monkeypatch, tmp_path: Path, count: int, faults: dict[int, str], args: list[str]) -> list[dict]:
    """A batch of good pages in which the sources at `faults` (index -> segfault, exit or hang)
    misbehave in their worker, as no page we have makes them; the others must come out whole."""
    import sitrep_parse.pipeline as pipeline

    real = pipeline.parse_source

    def parse_source(source, options=None, url=None):
        if "segfault" in source:
            import faulthandler

            faulthandler.disable()  # pytest's, inherited by the fork: its dump is not what is tested
            os.kill(os.getpid(), signal.SIGSEGV)
        if "exit" in source:
            os._exit(3)
        if "hang" in source:
            time.sleep(600)
        return real(source, options, url=url)

    monkeypatch.setattr(pipeline, "parse_source", parse_source)
    names = []
    for i in range(count):
        name = f"{i:02d}-{faults[i]}.html" if i in faults else f"{i:02d}.html"
        shutil.copy(SITREP_DEV / GOOD[i % 2], tmp_path / name)
        names.append(str(tmp_path / name))
    result = CliRunner().invoke(cli, [str(tmp_path), *args])
    assert result.exit_code == 1, result.output
    out = records(result.stdout_bytes)
    assert [r["source"] for r in out] == names
    assert all("error" not in r for i, r in enumerate(out) if i not in faults)
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fault is injected into forked workers")
def test_a_worker_that_crashes_costs_only_its_own_source(monkeypatch, tmp_path):
    out = _faulty_batch(monkeypatch, tmp_path, 12, {3: "segfault", 8: "exit"}, ["-j", "2"])
    assert "SIGSEGV" in out[3]["error"]["message"] and "exit status 3" in out[8]["error"]["message"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hang is injected into forked workers")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_past_its_time_limit_costs_only_itself(monkeypatch, tmp_path, jobs):
    out = _faulty_batch(monkeypatch, tmp_path, 6, {2: "hang"}, ["-j", jobs, "--page-timeout", "1"])
    assert out[2]["error"]["message"] == "gave up after 1 s (--page-timeout 1)"


@posix_only
def test_a_closed_pipe_ends_quietly(big_batch):
    proc = subprocess.Popen([sys.executable, "-m", "sitrep_parse", str(big_batch), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


@posix_only
def test_symlinks_loops_once_other_folders_walked(tmp_path):
    top = tmp_path / "top"
    (top / "a").mkdir(parents=True)
    (top / "b").mkdir()
    shutil.copy(SITREP_DEV / GOOD[0], top / "a" / "page.html")
    (top / "b" / "to-a").symlink_to(top / "a", target_is_directory=True)  # not a loop: walked again
    (top / "a" / "up").symlink_to(top, target_is_directory=True)  # a loop
    (top / "dangling.html").symlink_to(tmp_path / "nowhere.html")
    proc = sitrep(str(top), "-j", "1")
    got = [(r["source"], r.get("error", {}).get("message")) for r in records(proc.stdout)]
    loops = [s for s, e in got if e and "loop" in e]
    assert loops == [str(top / "a" / "up"), str(top / "b" / "to-a" / "up")]
    assert (str(top / "b" / "to-a" / "page.html"), None) in got
    assert (str(top / "dangling.html"), "broken symbolic link") in got


@pytest.mark.skipif(sys.platform != "linux", reason="file names as arbitrary bytes")
def test_a_file_name_that_is_not_utf8_still_gives_valid_jsonl(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.html"
    with open(name, "wb") as fh:
        fh.write((SITREP_DEV / GOOD[0]).read_bytes())
    proc = sitrep(str(tmp_path), str(SITREP_DEV / GOOD[1]))
    out = records(proc.stdout)
    assert os.fsencode(out[0]["source"]) == name  # \udce9 escape: the exact bytes survive
    assert proc.returncode == 0


MEASURE = """
import json, resource, sys
from sitrep_parse.cli import cli
try:
    cli(sys.argv[1:], standalone_mode=True)
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "parent": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="resource.getrusage of worker processes")
def test_memory_does_not_grow_with_the_batch(tmp_path):
    """A 5,000-page batch peaks close to a 50-page one: nothing holds all results, nor all sources."""
    import lxml.html

    root = lxml.html.document_fromstring((SITREP_DEV / GOOD[0]).read_text(encoding="utf-8"))
    paragraphs = [p.text_content().strip() for p in root.iter("p") if len(p.text_content()) > 80][:4]
    title = root.findtext(".//title")
    page = (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>").encode()
    peaks = {}
    for n in (50, 5000):
        folder = tmp_path / f"pages{n}"
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:05d}.html").write_bytes(page)
        out = tmp_path / f"out{n}.jsonl"
        proc = subprocess.run([sys.executable, "-c", MEASURE, str(folder), "-j", "2", "-o", str(out)],
                              capture_output=True, timeout=600)
        peaks[n] = json.loads(proc.stderr.decode().splitlines()[-1])
        assert peaks[n]["code"] == 0
        assert len(records(out.read_bytes())) == n
    small, big = peaks[50], peaks[5000]
    assert big["parent"] <= small["parent"] * 1.25, peaks
    assert big["workers"] <= small["workers"] * 1.25, peaks


def test_a_folder_without_pages_is_reported_not_passed_over(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "page.php").write_text("<p>saved under another suffix</p>")
    shutil.copy(SITREP_DEV / GOOD[0], tmp_path / "good.html")
    result = sitrep(str(tmp_path / "empty"), str(tmp_path / "other"), str(tmp_path / "good.html"),
                    str(tmp_path / "emp*"))
    assert result.returncode == 1
    out = records(result.stdout)
    assert [r.get("error", {}).get("message", "").split(" (")[0] for r in out] == [
        "no pages in this folder", "no pages in this folder", "", "no pages in the folders this pattern matches"]
    assert out[3]["source"] == str(tmp_path / "emp*")  # a glob that finds only empty folders: named as given
