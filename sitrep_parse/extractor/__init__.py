"""Stage 3: what no other extractor gives: updates, quotes and a role per paragraph.

    extract(article) -> Document

The three parts read the same blocks in a fixed order: statements first (a statement
block inside an update is still a statement), then updates (which blocks each spans),
then roles (which need both), then quotes.
"""

from __future__ import annotations

from ..dates import parse_iso
from ..models import Article, BodyBlock, Document
from .quotes import find_quotes, statement_groups
from .roles import assign_roles
from .speakers import forget_phrases
from .updates import find_updates

__all__ = ["extract"]


def _prose_starts(blocks: list, updates: list) -> dict[int, int]:
    """Where each marker paragraph's own prose begins ("Update (1348 EST): The ..." -> at "The")."""
    starts = {}
    for u in updates:
        if not u.blocks or not u.text:
            continue
        first = u.blocks[0]
        own = u.text.split("\n\n", 1)[0]
        text = blocks[first].text
        if own != text and text.endswith(own):
            starts[first] = len(text) - len(own)
    return starts


def extract(article: Article) -> Document:
    forget_phrases()  # statement blocks, updates and quotes of this article read its sentences afresh
    blocks = list(article.blocks)
    groups = statement_groups(blocks)
    in_statement = {i for members in groups.values() for i in members}
    found_updates = find_updates(article)
    update_of: dict[int, int] = {}
    for n, u in enumerate(found_updates):
        for i in u.blocks:
            update_of.setdefault(i, n)
    roles = assign_roles(blocks, set(update_of), in_statement, parse_iso(article.metadata.published))
    quotes = find_quotes(blocks, groups, _prose_starts(blocks, found_updates), update_of, article.metadata.language)
    return Document(
        source=article.source,
        url=article.url,
        metadata=article.metadata,
        blocks=tuple(
            BodyBlock(type=b.type, text=b.text, role=roles[i], update=update_of.get(i))
            for i, b in enumerate(blocks)
        ),
        updates=tuple(found_updates),
        quotes=tuple(quotes),
    )
