"""One error hierarchy for the whole pipeline.

Every failure a user can cause (a bad URL, an unreadable file, a page with no article)
is raised as a subclass of `SitrepError` carrying the source as given and a cause a
person can act on. The CLI turns these into `sitrep-parse: SOURCE: CAUSE` lines and exit
codes in one place (`cli.report_error`); batch mode turns them into error records.
Anything else that escapes is a bug, reported as an internal error.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: a source could not be turned into a document."""

    stage = "pipeline"

    def __init__(self, source: str, cause: str) -> None:
        super().__init__(f"{source}: {cause}")
        self.source = source
        self.cause = cause

    @property
    def type(self) -> str:
        """The name used in JSON error records (`{"error": {"type": ...}}`)."""
        return type(self).__name__


class ScrapeError(SitrepError):
    """The page could not be fetched, read or decoded (network, HTTP status, file, charset, size)."""

    stage = "scraper"


class CleanError(SitrepError):
    """The bytes were read but hold no article: not HTML, or no text in it."""

    stage = "cleaner"


class ExtractError(SitrepError):
    """Updates, quotes or roles could not be derived from the article."""

    stage = "extractor"


class OutputError(SitrepError):
    """The result could not be written (output file, format)."""

    stage = "output"
