"""The `sitrep-parse` command: options in, stages wired to I/O, errors out as one line.

The CLI decides only where text comes from and goes to. Parsing is `pipeline`, many
sources are `batch`, rendering is `output`. Every error a user can cause ends in
`report_error`: one line on stderr, `sitrep-parse: SOURCE: CAUSE`, and an exit code.

Exit codes:
    0    every source parsed
    1    one or more sources failed (each named on stderr, or as an error record in JSONL)
    2    usage error (unknown option, bad value, no source given)
    3    the output could not be written
    130  interrupted (Ctrl-C); what was already written stays valid
    143  a batch stopped by SIGTERM; what was already written stays valid
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from . import __version__
from .errors import OutputError, SitrepError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 3, 130, 143

EXAMPLE_NAME = "atlas-nagorno-karabakh.html"

HELP = """Parse news articles and situation reports into clean text, timestamped updates,
quotes with their speakers and a role for every paragraph.

SOURCES are URLs, saved pages (.html, .htm, .xhtml, .html.gz), folders of saved pages
(searched recursively), glob patterns, or - for standard input.

\b
Examples:
  sitrep-parse https://example.com/news/article        rich view on a terminal, JSON when piped
  sitrep-parse page.html --url https://example.com/a   a saved page, with its address
  sitrep-parse page.html | jq '.updates[] | {label, timestamp}'
  cat page.html | sitrep-parse - -f text
  sitrep-parse saved/ -o out.jsonl                     a folder: JSONL, one line per page
  sitrep-parse --from urls.txt -j 4 --skip-existing -o out.jsonl
  sitrep-parse --example                               the bundled Atlas News SITREP
  sitrep-parse --schema                                the JSON Schema of the output

\b
Exit codes: 0 all parsed, 1 some source failed, 2 usage error,
3 output not writable, 130 interrupted, 143 a batch stopped by SIGTERM.
"""


def _size(value: str) -> int:
    text = value.strip().upper().removesuffix("B")
    factor = 1
    for suffix, mult in (("K", 1024), ("M", 1024 ** 2), ("G", 1024 ** 3)):
        if text.endswith(suffix):
            text, factor = text[:-1], mult
            break
    try:
        n = int(float(text) * factor)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size (e.g. 10M, 500K, 1048576)") from None
    if n <= 0:
        raise click.BadParameter("must be positive")
    return n


class _Size(click.ParamType):
    name = "SIZE"

    def convert(self, value, param, ctx):
        return value if isinstance(value, int) else _size(str(value))


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "jsonl", "text", "markdown", "pretty"]),
              help="Output format. Default: pretty on a terminal, json when piped (one source), "
                   "jsonl for several sources.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to FILE instead of standard output (written to a temporary file, renamed when done).")
@click.option("--url", "base_url", metavar="URL",
              help="Where a saved page came from: fills `url` and resolves relative links (one source only).")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False, allow_dash=True), metavar="FILE",
              help="Read sources from FILE, one path or URL per line ('-' for standard input), "
                   "after any given as arguments.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for several sources. Default: the number of CPUs.")
@click.option("--unordered", is_flag=True, help="Write each result as soon as it is ready, not in input order.")
@click.option("--append", is_flag=True, help="Append to the --output file instead of replacing it.")
@click.option("--skip-existing", is_flag=True,
              help="Resume a batch: keep the documents already in the --output file, skip their sources, "
                   "retry the sources that failed.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              metavar="SECONDS", help="Bound on fetching one URL, retries included.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True, metavar="N",
              help="Retries on connection errors, 429 and 5xx responses (exponential backoff, Retry-After).")
@click.option("--max-bytes", type=_Size(), default="10M", show_default=True,
              help="Largest page accepted, after decompression (e.g. 500K, 10M).")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=120.0, show_default=True, metavar="SECONDS",
              help="In a batch, most time one page may take to parse (for a URL, on top of --timeout); "
                   "past it the page becomes an error record and its worker is replaced. 0: no limit.")
@click.option("--user-agent", metavar="TEXT", help="User-Agent header. Default: sitrep-parse/VERSION.")
@click.option("--example", is_flag=True, help="Parse the Atlas News SITREP page bundled with sitrep-parse.")
@click.option("--schema", "show_schema", is_flag=True, help="Print the JSON Schema of the output and exit.")
@click.option("--debug", is_flag=True, help="Show the traceback of internal errors.")
@click.version_option(__version__, "-V", "--version", prog_name="sitrep-parse")
def cli(sources: tuple[str, ...], fmt: Optional[str], output: Optional[str], base_url: Optional[str],
        from_file: Optional[str], jobs: Optional[int], unordered: bool, append: bool, skip_existing: bool,
        timeout: float, retries: int, max_bytes: int, page_timeout: float, user_agent: Optional[str], example: bool,
        show_schema: bool, debug: bool) -> None:
    from .models import FetchOptions

    if show_schema:
        import json

        from .output import schema

        _write_text(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n", output, append=False)
        return
    sources = list(sources)
    if example:
        sources.insert(0, _example_path())
    if not sources and not from_file:
        raise click.UsageError("no source given (a URL, a file, a folder, or - for standard input)")
    if (append or skip_existing) and not output:
        raise click.UsageError("--append and --skip-existing need --output FILE")
    options = FetchOptions(timeout=timeout, retries=retries, max_bytes=max_bytes, user_agent=user_agent)

    from .batch import is_batch

    batch = from_file is not None or is_batch(sources)
    if base_url and batch:
        raise click.UsageError("--url applies to a single source")
    if from_file == "-" and "-" in sources:
        raise click.UsageError("standard input cannot be both the list (--from -) and a page (-)")
    # Caught here, not in main(): click's standalone mode would turn both into exit 1.
    try:
        if not batch:
            code = _single(sources[0], options, base_url, fmt, output, append, debug)
        else:
            from .batch import run_batch

            code = run_batch(sources, from_file=from_file, options=options, fmt=fmt or "jsonl", output=output,
                             jobs=jobs, ordered=not unordered, append=append, skip_existing=skip_existing,
                             page_timeout=page_timeout or None, debug=debug)
    except BrokenPipeError:
        code = _pipe_closed()
    except KeyboardInterrupt:
        click.echo("sitrep-parse: interrupted", err=True)
        code = EXIT_INTERRUPTED
    sys.exit(code)


def _example_path() -> str:
    from importlib import resources

    return str(resources.files("sitrep_parse").joinpath("data", EXAMPLE_NAME))


def _single(source: str, options, base_url: Optional[str], fmt: Optional[str], output: Optional[str],
            append: bool, debug: bool) -> int:
    from .pipeline import parse_source

    try:
        doc = parse_source(source, options, url=base_url)
    except SitrepError as exc:
        return report_error(exc, debug)
    if fmt is None:
        fmt = "pretty" if output is None and sys.stdout.isatty() else "json"
    if fmt == "pretty":
        from .output import print_pretty

        if output:
            from rich.console import Console

            try:
                with open(output, "a" if append else "w", encoding="utf-8") as fh:
                    print_pretty(doc, Console(file=fh, width=100))
            except OSError as exc:
                return report_error(OutputError(output, exc.strerror or str(exc)), debug)
        else:
            print_pretty(doc)
        return EXIT_OK
    from .output import render

    try:
        _write_text(render(doc, fmt), output, append)
    except OutputError as exc:
        return report_error(exc, debug)
    return EXIT_OK


def _write_text(text: str, output: Optional[str], append: bool) -> None:
    """Write all at once: to stdout, or to a temporary file renamed over the target."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        if append:
            with open(output, "a", encoding="utf-8") as fh:
                fh.write(text)
            return
        tmp = f"{output}.tmp-{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        raise OutputError(output, exc.strerror or str(exc)) from None


def report_error(error: SitrepError, debug: bool = False) -> int:
    """The one place errors become words and exit codes."""
    if debug and error.__cause__ is not None:
        import traceback

        traceback.print_exception(error.__cause__, file=sys.stderr)
    cause = " ".join(error.cause.split())
    click.echo(f"sitrep-parse: {error.source}: {cause}", err=True)
    return EXIT_OUTPUT if isinstance(error, OutputError) else EXIT_FAILED


def _pipe_closed() -> int:
    """The reader (head, jq -e ...) went away: nothing to report, nothing more to write.

    stdout now points at /dev/null, so the flush at exit cannot fail a second time.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_OK


def main() -> None:
    """Console entry point: click's own usage errors exit 2; a closed pipe is not an error."""
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:
        sys.exit(_pipe_closed())
    except KeyboardInterrupt:
        click.echo("sitrep-parse: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
