"""Direct quotations and who said them.

Inline quotations are spans of three or more words between matching marks (“…”, "…",
„…“, «…», ‘…’). Two-word spans and title-case spans are terms or titles ("the so-called
“green route”", “Operation Steadfast Shield”), not speech. Statement blocks are a
<blockquote>, or paragraphs set apart after an introduction ending in a colon
("... said in a statement:"). The speaker is found where news writing puts it: a
reporting verb next to the quote ("…,” said X / X said: “…” / according to X), the
subject of the sentence that holds the verb, or, for "he said" and "the ministry said",
the nearest speaker named before.
"""

from __future__ import annotations

import re
from typing import Optional

from ..models import Block, Quote

QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", "‹": "›", "\"": "\"", "‘": "’", "‚": "‘", "「": "」"}
_REPORT_VERBS = (r"(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|warned|warns|declared|"
                 r"announced|noted|insisted|explained|argued|claimed|tweeted|posted|asked|replied|continued|"
                 r"sagte|sagt|erklärte|betonte|schrieb|teilte\s+mit|dit|a\s+déclaré|a\s+dit|déclare|dijo|afirmó)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-.]*"
_CONNECT = r"(?:\s+(?:of|for|the|and|de|du|von|van|der|al|bin|la|le|y)\s+|\s+)"
NAME = r"(?:" + _NAME_WORD + r"(?:’s|'s)?(?:" + _CONNECT + _NAME_WORD + r"(?:’s|'s)?)*)"
_NOUN_PHRASE = (r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:" + NAME + r"\s+)?(?:[a-z][\w\-]*\s+){0,3}?"
                r"(?:ministry|embassy|office|spokes(?:man|woman|person)|government|agency|army|military|"
                r"police|report|statement|mission|council|committee|staff|command|authority|authorities|"
                r"department|service|company|group|organisation|organization|union|presidency|kremlin|"
                r"administration|officials?|minister|president|director|chief|commander|representative)")
_PRONOUN = r"(?:he|she|they|it|er|sie|il|elle|ils|elles)"
_AFTER = [
    re.compile(r"^[\s,.;:!?—–-]*" + _REPORT_VERBS + r"\s+(?P<s>" + NAME + r")"),
    re.compile(r"^[\s,.;:!?—–-]*(?P<s>" + NAME + r")(?:,[^,.]{1,80},)?\s+" + _REPORT_VERBS + r"\b"),
    re.compile(r"^[\s,.;:!?—–-]*(?P<p>" + _PRONOUN + r"|" + _NOUN_PHRASE + r")\s+" + _REPORT_VERBS + r"\b", re.I),
]
_BEFORE = [
    re.compile(r"according\s+to\s+(?P<s>" + NAME + r")[^.]*$"),
    re.compile(r"(?P<s>" + NAME + r")(?:,[^,.]{1,100},)?\s+(?:[a-z]+\s+){0,3}?" + _REPORT_VERBS
               + r"\b[^.“”\"]{0,80}$"),
    re.compile(r"(?P<p>\b" + _PRONOUN + r"|" + _NOUN_PHRASE + r")\s+(?:[a-z]+\s+){0,2}?" + _REPORT_VERBS
               + r"\b[^.“”\"]{0,80}$", re.I),
]
_STATEMENT_INTRO = re.compile(
    r"(?:statement|in full|following|reads?|as follows|wrote|said|says|declared|erklärung|mitteilung|déclaration|"
    r"communiqué)[^.]{0,80}:\s*$|:\s*$",
    re.I,
)
_STOP_SPEAKERS = {"The", "A", "An", "In", "On", "But", "And", "It", "He", "She", "They", "This", "That", "When",
                  "While", "After", "Before", "However", "Meanwhile", "Speaking", "Asked"}


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks."""
    spans = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None or (ch in "‘\"" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        j = i + 1
        while j < n:
            c = text[j]
            if c == close and not (close == "’" and j + 1 < n and text[j + 1].isalpha()):
                break
            j += 1
        if j >= n:
            i += 1
            continue
        spans.append((i + 1, j))
        i = j + 1
    return spans


def _is_speech(words: list[str]) -> bool:
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return not (caps == len(words) and len(words) <= 6)


def _clean_speaker(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(" ,.;:"), flags=re.I)
    words = name.split()
    while words and words[0] in _STOP_SPEAKERS:
        words = words[1:]
    return " ".join(words) or None


def find_quotes(blocks: list[Block], statement_groups: dict[int, list[int]]) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: Optional[str] = None  # the latest named source, for "he said" / "the ministry said"
    in_statement = {i for members in statement_groups.values() for i in members}
    for i, block in enumerate(blocks):
        if i in statement_groups:
            members = statement_groups[i]
            intro = blocks[i - 1].text if i > 0 else ""
            speaker = _speaker_before(intro) or _last_subject(intro) or last_speaker
            quotes.append(Quote("\n\n".join(_strip_marks(blocks[j].text) for j in members), speaker, "block", i))
            last_speaker = speaker or last_speaker
            continue
        if i in in_statement or block.type not in ("paragraph", "list_item", "blockquote"):
            continue
        text = block.text
        for s, e in _spans(text):
            inner = text[s:e].strip()
            if not _is_speech(re.findall(r"\w+", inner)):
                continue
            speaker, generic = _attribute(text, s - 1, e + 1)
            if speaker is None and generic:
                speaker = _last_subject(text[: max(0, s - 1)]) or last_speaker
            quotes.append(Quote(inner.rstrip(",. "), speaker, "inline", i))
            last_speaker = speaker or last_speaker
        last_speaker = _last_subject(text) or last_speaker
    return quotes


def _strip_marks(text: str) -> str:
    return text.strip().strip("“”\"„«»").strip()


def _has_reporting_context(text: str) -> bool:
    return re.search(r"\b" + _REPORT_VERBS + r"\b", text) is not None


def _attribute(text: str, q_start: int, q_end: int) -> tuple[Optional[str], bool]:
    """(speaker, generic) for the quote at text[q_start:q_end].

    generic=True means the sentence attributes the quote but only by a pronoun or a common
    noun ("she said", "the report said"), to be resolved to an earlier named source.
    """
    after = text[q_end:q_end + 160]
    before = text[max(0, q_start - 300):q_start]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", before)[-1]
    for pattern, where in [(p, "after") for p in _AFTER] + [(p, "before") for p in _BEFORE]:
        m = pattern.match(after) if where == "after" else pattern.search(sentence)
        if not m:
            continue
        name = _clean_speaker(m.groupdict().get("s"))
        if name:
            return name, False
        return None, True
    return None, False


def _speaker_before(intro: str) -> Optional[str]:
    m = re.search(r"(?P<s>" + NAME + r")\s+(?:also\s+)?(?:released|issued|published|said|says|wrote|posted|"
                  r"tweeted|put out|made)\b", intro)
    return _clean_speaker(m.group("s")) if m else None


_SUBJECT = re.compile(r"(?P<s>" + NAME + r")(?:,[^,.]{1,100},)?\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]+\s+){0,2}?(?:"
                      + _REPORT_VERBS + r"|announced|confirmed|reported|issued|released)\b")


def _last_subject(text: str) -> Optional[str]:
    """The last named source in the text: a name directly before a reporting verb."""
    found = None
    for m in _SUBJECT.finditer(text):
        name = _clean_speaker(m.group("s"))
        if name:
            found = name
    return found


def statement_groups(blocks: list[Block]) -> dict[int, list[int]]:
    """First block index -> member indexes of each quoted statement block."""
    groups: dict[int, list[int]] = {}
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if b.type == "blockquote" and b.group is not None:
            members = [i]
            while i + 1 < n and blocks[i + 1].type == "blockquote" and blocks[i + 1].group == b.group:
                i += 1
                members.append(i)
            groups[members[0]] = members
        elif (b.type == "paragraph" and _STATEMENT_INTRO.search(b.text) and i + 1 < n
              and blocks[i + 1].type == "paragraph" and _is_set_apart(blocks[i + 1])):
            members = []
            j = i + 1
            while j < n and blocks[j].type == "paragraph" and _is_set_apart(blocks[j]):
                members.append(j)
                j += 1
            groups[members[0]] = members
            i = j - 1
        i += 1
    return groups


def _is_set_apart(block: Block) -> bool:
    """A paragraph wholly in emphasis (italic statement text) is set apart from the narrative."""
    return bool(block.lead) and len(block.lead) >= 0.9 * len(block.text)
