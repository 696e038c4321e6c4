"""The command line end to end: click's CliRunner in process, and a real subprocess."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from sitrep_parse.cli import cli
from sitrep_parse.output import schema

from .conftest import GOLD, SITREP_DEV

ATLAS = str(SITREP_DEV / "atlas-nagorno-karabakh.html")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_example_as_json_validates_against_schema():
    result = run("--example", "-f", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, schema())
    assert doc["schema_version"] == 1
    assert doc["updates"][0]["timestamp"] == "2022-08-03T13:48:00-05:00"


def test_piped_default_is_json():
    result = run(ATLAS)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"].startswith("Nagorno-Karabakh SITREP")


def test_schema_option_prints_the_schema():
    result = run("--schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$defs"]["document"]["properties"]["schema_version"] == {"const": 1}


@pytest.mark.parametrize("fmt", ["text", "markdown", "pretty"])
def test_human_formats(fmt):
    result = run(ATLAS, "-f", fmt)
    assert result.exit_code == 0
    assert "Renewed fighting has broken out" in result.stdout


def test_stdin_and_url_option():
    html = (SITREP_DEV / "atlas-nagorno-karabakh.html").read_bytes()
    result = run("-", "--url", "https://example.org/a", input=html)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"


def test_gzip_file(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((SITREP_DEV / "atlas-nagorno-karabakh.html").read_bytes()))
    result = run(str(page), "-f", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["updates"]) == 1


def test_several_sources_give_jsonl_in_order(tmp_path):
    names = ["plain-article-traps.html", "atlas-nagorno-karabakh.html", "drupal-top-updates.html.gz"]
    missing = str(tmp_path / "nope.html")
    args = [str(SITREP_DEV / names[0]), missing, str(SITREP_DEV / names[1]), str(SITREP_DEV / names[2])]
    result = run(*args, "-j", "1")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in lines] == args
    assert lines[1]["error"]["type"] == "ScrapeError"
    for d in lines:
        jsonschema.validate(d, schema())


def test_output_file(tmp_path):
    out = tmp_path / "doc.json"
    result = run(ATLAS, "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["site_name"] == "Atlas News"


@pytest.mark.parametrize("make, cause", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b""), "empty document"),
    (lambda p: p.write_bytes(os.urandom(4096)), "not an HTML page"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n" + os.urandom(100)), "PDF"),
])
def test_bad_input_is_one_line(tmp_path, make, cause):
    page = tmp_path / "bad.html"
    make(page)
    result = run(str(page))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"sitrep-parse: {page}: ")
    assert cause in lines[0]


def test_usage_errors_exit_2():
    assert run("--no-such-option").exit_code == 2
    assert run().exit_code == 2
    assert run("-f", "yaml", ATLAS).exit_code == 2


def test_subprocess_module_and_console_script(tmp_path):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run([sys.executable, "-m", "sitrep_parse", ATLAS, "--url", GOLD["atlas-nagorno-karabakh.html"]["url"]],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["updates"][0]["label"] == "Update (1348 EST)"
    bad = subprocess.run([sys.executable, "-m", "sitrep_parse", str(tmp_path / "missing.html")],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1
    version = subprocess.run([sys.executable, "-m", "sitrep_parse", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and "sitrep-parse" in version.stdout


# Runs the command in a fresh interpreter and reports on stderr which of the modules only some runs
# need the run itself imported (not the interpreter's start, where a development install's hooks load some).
_IMPORTED_BY_THE_RUN = """
import sys
before = set(sys.modules)
from sitrep_parse.cli import main
try:
    main()
finally:
    heavy = ("httpx", "ssl", "rich", "multiprocessing", "pathlib", "bs4", "sitrep_parse.extractor.cjk")
    print("imported:", *(m for m in heavy if m in sys.modules and m not in before), file=sys.stderr)
"""


def test_a_saved_page_loads_only_what_it_needs():
    """Start-up is most of a one-page run: a saved English page, piped, needs no HTTP client,
    no terminal renderer, no worker pool, no pathlib, no charset detector and no CJK rules."""
    done = subprocess.run([sys.executable, "-c", _IMPORTED_BY_THE_RUN, "-f", "json", ATLAS],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "imported:"
