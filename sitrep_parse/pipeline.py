"""The stages chained: what the CLI, batch workers and library users call.

Anything a stage raises that is not a SitrepError is a bug in sitrep-parse; it is
wrapped here with the stage it came from, so a batch records it against the source and
goes on, and a single run reports it in one line (with the traceback under --debug).
"""

from __future__ import annotations

from typing import Optional

from .errors import CleanError, ExtractError, ScrapeError, SitrepError
from .models import Document, FetchOptions, Page


def parse_page(page: Page) -> Document:
    from .cleaner import clean
    from .extractor import extract

    try:
        article = clean(page)
    except SitrepError:
        raise
    except RecursionError:
        raise CleanError(page.source, "the page is nested too deeply to parse") from None
    except Exception as exc:  # a bug: keep the source, name the stage
        raise CleanError(page.source, f"internal error in the cleaner: {type(exc).__name__}: {exc}") from exc
    try:
        return extract(article)
    except SitrepError:
        raise
    except Exception as exc:
        raise ExtractError(page.source, f"internal error in the extractor: {type(exc).__name__}: {exc}") from exc


def parse_html(html: str, url: Optional[str] = None, source: str = "<string>") -> Document:
    """Parse HTML already in memory (the library entry point)."""
    return parse_page(Page(source=source, html=html, url=url))


def parse_source(source: str, options: FetchOptions = FetchOptions(), url: Optional[str] = None) -> Document:
    """Fetch or read one source, then parse it."""
    from .scraper import load

    try:
        page = load(source, options, url=url)
    except SitrepError:
        raise
    except Exception as exc:  # a bug in the scraper, or an OS error it did not expect
        raise ScrapeError(source, f"internal error in the scraper: {type(exc).__name__}: {exc}") from exc
    return parse_page(page)
