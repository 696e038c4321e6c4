"""Stage 4: a Document as JSON, JSONL, plain text, Markdown or a rich terminal view.

`to_dict` is the output contract (schema_version 1, see `sitrep-parse --schema`); every
machine format is built from it, so JSON and JSONL can never disagree. The rich view is
only for people: it is imported lazily, so piped runs never load rich.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from .errors import SitrepError
from .models import Document

SCHEMA_VERSION = 1
FORMATS = ("json", "jsonl", "text", "markdown", "pretty")


def to_dict(doc: Document) -> dict[str, Any]:
    md = doc.metadata
    return {
        "schema_version": SCHEMA_VERSION,
        "source": doc.source,
        "url": doc.url,
        "title": md.title,
        "site_name": md.site_name,
        "authors": list(md.authors),
        "published": md.published,
        "modified": md.modified,
        "language": md.language,
        "description": md.description,
        "text": doc.text,
        "blocks": [{"type": b.type, "text": b.text, "role": b.role, "update": b.update} for b in doc.blocks],
        "updates": [
            {"label": u.label, "time_text": u.time_text, "timestamp": u.timestamp, "title": u.title, "text": u.text,
             "blocks": list(u.blocks)}
            for u in doc.updates
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind, "block": q.block} for q in doc.quotes],
        "background": list(doc.background),
    }


def error_record(error: SitrepError) -> dict[str, Any]:
    """What a failed source becomes in JSONL: it keeps its place, and says why."""
    return {"source": error.source, "error": {"type": error.type, "stage": error.stage, "message": error.cause}}


def schema() -> dict[str, Any]:
    from importlib import resources  # ~10 ms of start-up that only --schema needs

    return json.loads(resources.files("sitrep_parse").joinpath("data/schema.json").read_text(encoding="utf-8"))


def json_line(record: dict[str, Any]) -> str:
    """One JSONL line: compact, UTF-8 as is (no \\u escapes), no embedded newlines."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def jsonl_bytes(record: dict[str, Any]) -> bytes:
    """One JSONL line as UTF-8 bytes, newline included, whatever the terminal's encoding.

    A file name that is not valid UTF-8 reaches us as lone surrogates (PEP 383), which
    UTF-8 cannot encode: that record is written with \\u escapes instead, still valid JSON.
    """
    try:
        return (json_line(record) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, separators=(",", ":")) + "\n").encode("ascii")


def render(doc: Document, fmt: str) -> str:
    """Text of a document in a machine or plain format (everything but "pretty")."""
    if fmt == "json":
        return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json_line(to_dict(doc)) + "\n"
    if fmt == "text":
        return _text(doc)
    if fmt == "markdown":
        return _markdown(doc)
    raise ValueError(f"unknown format {fmt!r}")


def _byline(doc: Document) -> str:
    md = doc.metadata
    parts = []
    if md.site_name:
        parts.append(md.site_name)
    if md.authors:
        parts.append("By " + ", ".join(md.authors))
    if md.published:
        parts.append("Published " + md.published)
    if md.modified and md.modified != md.published:
        parts.append("Updated " + md.modified)
    return " · ".join(parts)


def _update_heads(doc: Document) -> dict[int, str]:
    """Block index -> update label, where the label is not already the block's opening words."""
    heads = {}
    for u in doc.updates:
        if not u.blocks:
            continue
        first = u.blocks[0]
        if u.label[:20] not in doc.blocks[first].text[: len(u.label) + 4]:
            stamp = u.timestamp or u.label
            heads[first] = u.label if u.label == stamp else f"{u.label} ({stamp})"
    return heads


def _text(doc: Document) -> str:
    out = []
    if doc.metadata.title:
        out.append(doc.metadata.title)
    byline = _byline(doc)
    if byline:
        out.append(byline)
    if doc.url:
        out.append(doc.url)
    heads = _update_heads(doc)
    body = []
    for i, b in enumerate(doc.blocks):
        if i in heads:
            body.append(f"[{heads[i]}]")
        body.append(b.text)
    return "\n".join(out) + ("\n\n" if out else "") + "\n\n".join(body) + "\n"


def _markdown(doc: Document) -> str:
    out = []
    if doc.metadata.title:
        out.append(f"# {doc.metadata.title}")
    byline = _byline(doc)
    if byline:
        out.append(f"*{byline}*")
    if doc.url:
        out.append(f"<{doc.url}>")
    heads = _update_heads(doc)
    for i, b in enumerate(doc.blocks):
        if i in heads:
            out.append(f"**{heads[i]}**")
        if b.type == "heading":
            out.append(f"## {b.text}")
        elif b.type == "blockquote":
            out.append("\n".join("> " + line for line in b.text.split("\n")))
        elif b.type == "list_item":
            out.append(f"- {b.text}")
        elif b.type in ("table", "preformatted"):
            out.append("```\n" + b.text + "\n```")
        else:
            out.append(b.text)
    return "\n\n".join(out) + "\n"


def print_pretty(doc: Document, console: Optional[Any] = None) -> None:
    """A readable view for a terminal: metadata, updates with their times, roles, quotes.

    Each paragraph carries its role in a narrow left column; background is dimmed and
    statements are set off with a bar, so the reader sees at a glance what is news, what
    is quoted and what is history. Each update starts under a rule with its resolved time.
    """
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    md = doc.metadata
    header = [Text(md.title or doc.source, style="bold")]
    if _byline(doc):
        header.append(Text(_byline(doc), style="dim"))
    if doc.url:
        header.append(Text(doc.url, style="dim underline", overflow="fold"))
    console.print(Panel(Group(*header), expand=True))
    if doc.updates:
        console.print(Text(f"{len(doc.updates)} update(s)", style="bold yellow"))
        for u in doc.updates:
            console.print(Text.assemble(("  • ", "yellow"), (u.label, "bold"),
                                        ("  →  " + (u.timestamp or "time not stated"), "yellow")))
        console.print()

    def body_table() -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(width=10, style="cyan dim", no_wrap=True)
        table.add_column(ratio=1)
        return table

    table = body_table()
    last_update = None
    styles = {"statement": "italic", "background": "dim"}
    for b in doc.blocks:
        if b.update is not None and b.update != last_update:
            console.print(table)
            table = body_table()
            u = doc.updates[b.update]
            console.print(Rule(Text(f"{u.label} · {u.timestamp or 'time not stated'}", style="bold yellow"),
                               style="yellow", align="left"))
        elif b.update is None and last_update is not None:
            console.print(table)
            table = body_table()
            console.print(Rule(style="dim"))
        last_update = b.update
        if b.type == "heading":
            table.add_row("", Text(b.text, style="bold"))
            continue
        text = Text(b.text, style=styles.get(b.role or "", ""))
        if b.role == "statement" or b.type == "blockquote":
            text = Text.assemble(("▌ ", "magenta"), text)
        elif b.type == "list_item":
            text = Text.assemble("• ", text)
        table.add_row(b.role or "", text)
        table.add_row("", "")
    console.print(table)
    if doc.quotes:
        console.print(Rule(Text(f"{len(doc.quotes)} quote(s)", style="bold magenta"), style="magenta", align="left"))
        quotes = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
        quotes.add_column("speaker", style="bold magenta", ratio=1)
        quotes.add_column("quote", ratio=3)
        for q in doc.quotes:
            words = q.text if len(q.text) <= 240 else q.text[:237] + "…"
            quotes.add_row(Text(q.speaker or "not named", style="" if q.speaker else "dim"),
                           Text(f"“{words}”" + ("  (statement)" if q.kind == "block" else ""), style="italic"))
        console.print(quotes)
