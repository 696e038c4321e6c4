"""sitrep-parse: news articles and situation reports as clean, structured data.

The pipeline is four plain functions with typed data between them:

    scraper.load(source) -> Page          bytes from a URL, file or stdin, decoded to text
    cleaner.clean(page) -> Article        the article body as blocks, plus metadata
    extractor.extract(article) -> Document updates, quotes and a role per paragraph
    output.render(document, format) -> str

`pipeline.parse_html` and `pipeline.parse_source` chain them. Imports stay lazy here so
that `sitrep-parse --version` and worker start-up do not pay for lxml or httpx.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "parse_html", "parse_source"]


def __getattr__(name: str):  # PEP 562: keep `import sitrep_parse` cheap
    if name in ("parse_html", "parse_source"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
