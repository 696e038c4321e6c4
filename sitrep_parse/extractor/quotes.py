"""Direct quotations and who said them.

Inline quotations are spans of three or more words between quotation marks: “curly”,
"straight", „German“, «French», 「Japanese」, ״Hebrew״ (and »German« and ‘single’ ones where no
double marks enclose them). In scripts written without spaces the length is counted in characters
(two a word for Chinese and Japanese, four for Thai, Lao, Khmer and Burmese). Pages mix mark styles ("straight open, curly close”), so each mark is read
as an opener or a closer from the characters around it rather than paired by kind; marks
of the other style inside guillemets («… „…“ …») quote inside the quotation. A
quotation left open at the end of a paragraph continues in the next paragraph when that
one opens with a mark (the convention for speech over several paragraphs).

Not quotations: two-word spans, titles (every word capitalised: “Operation Northern
Gate”), and terms, names and slogans introduced as such ("so-called", "dubbed", "what X
calls its ...", "under the slogan", "unter dem Motto", "bajo el lema", "le plan dit",
"いわゆる"), and a short name given after "the plan", "le plan", "la campagne" ("du
programme « Rivières apaisées »"). A short quoted noun phrase is a term too when its shape says so: a determiner
right before it ("as the “new border territories”", "sa « cellule de crise »"), nothing of
a sentence inside it (no punctuation, no first or second person), and no verb of saying
governing it (none just before or after it, none earlier in its sentence that takes what
follows as speech): "called the decision a “grave failure”" stays a quotation. In Japanese,
a 「…」 that the sentence goes on about (「…」が, を, の) is a term or a title, while 「…」と is
speech.
Statement blocks are a <blockquote>, or a run of set-apart paragraphs (wholly in
emphasis, or wholly in quotation marks, left open for the next paragraph to continue)
after an introduction ending in a colon that names a statement or has a reporting verb
("... said in a statement:", "Mme X a déclaré :"). Where the introduction names a
statement, the statement may also be in plain type: the paragraph after the colon, and
the next ones while they keep its first-person voice (or open on an additive connective:
"كما", "In addition") with no quotation marks or reporting verbs of their own.

Speakers come from `speakers`: the reporting verb beside the quotation (after it first,
then before it in the same sentence; a verb that closes the sentence right after the
quotation takes the subject the sentence opens with, "Vali X, “…” dedi."; a verb that opens
it, the subject after it, "وقال X إن «…»"), or a stated position ("The official line from X is
that “…”"); where no verb list reaches, a short clause closing the sentence after a dash
or a closing comma ("„…” – powiedział Nowak."), else the subject of the clause the
quotation stands in, when that subject is someone ("Burgemeester X spreekt van “…”", "a
reader has sent us this: “…”", "When I spoke to X, she put it this way: “…”"); else the
quotation continues the previous one, else it belongs to whoever the narrative was just
about, unless it sits inside a sentence about someone the article never names. Sentences
mostly in Chinese, Japanese or Korean go to `cjk`, which reads particles instead of words.
The words of an indefinite message or sign ("an alert reading “…”") are nobody's. Note references ("….[3] The ministry")
end sentences. The narrative context (who was named, as what, and who "he" or "the
ministry" is) is updated sentence by sentence; a capitalised word the article only ever
uses to open a sentence is not taken for a name.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import NamedTuple, Optional

from ..models import Block, Quote
from ..patterns import regex
from .scripts import HAN, HANGUL, KANA, SOUTHEAST_ASIAN
from .speakers import (
    ABBREVIATIONS,
    ACCORDING_TO,
    DOCUMENTS,
    DOTTED,
    FRENCH_M,
    PORTUGUESE,
    HOLE_BASE,
    HOLES,
    INTRO_START,
    LEADING_ARTICLE,
    NOT_NAMES,
    PRONOUNS,
    QUOTE_HOLE,
    TITLES,
    Context,
    Mention,
    analyse_np,
    blank_nicknames,
    find_verbs,
    gender_of,
    is_institution,
    is_person_noun,
    is_relational_adjective,
    is_reporting_verb,
    object_np,
    office_words,
    person_names,
    resolve,
    subject_np,
)

_DOUBLE = "\"“”„«»‹›「」"
_DOUBLE_RE = regex("[" + re.escape(_DOUBLE) + "]")
_SINGLE_RE = regex("[‘’'‚]")
_OPEN_CLOSE = {"„": "“”", "«": "»", "»": "«", "‹": "›", "›": "‹", "「": "」"}
_WORDS = regex(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_SMALL = frozenset("a an the of and or in on at to for with by from de la le du des der die das und von "
                   "vs y el".split())
# Words that introduce what follows as a term, a name or a slogan, not as someone's words.
_TERM_INTRO = regex(
    r"(?:so-called|so\s+called|self-styled|dubbed|titled|entitled|headlined|nicknamed|known\s+as|"
    r"referred\s+to\s+as|the\s+(?:words?|terms?|phrases?|slogan|hashtag|motto|label|headline|title|name)|"
    r"(?:under|with)\s+the\s+(?:slogan|motto|banner|hashtag|title|name)|"
    r"(?:so\s+)?(?:sogenannte|genannte)[nmrs]?|(?:unter|mit)\s+dem\s+(?:Motto|Slogan|Titel|Namen|Hashtag)|"
    r"Motto|Slogan|Hashtag|"
    r"soi-disant|(?:le|la|les|un|une|des|du)\s+[\w\-]+\s+dite?s?|baptisée?s?|intitulée?s?|"
    r"(?:sous|avec)\s+(?:le|la)\s+(?:slogan|devise|mot\s+d[’']ordre|bannière|titre|nom)|"
    r"llamad[oa]s?|denominad[oa]s?|apodad[oa]s?|titulad[oa]|(?:bajo|con)\s+el\s+(?:lema|eslogan|t[íi]tulo|nombre)|"
    r"chamad[oa]s?|intitulad[oa]|(?:sob|com)\s+o\s+(?:lema|slogan|t[íi]tulo|nome)|"
    r"cosiddett[oaie]|denominat[oaie]|intitolat[oa]|(?:sotto|con)\s+lo\s+slogan|col\s+motto|"
    r"tzv\.|takzvan[ýáéíou]\w*|λεγόμεν\w+|așa-numit\w*|așa-zis\w*|såkalt\w*|sokalt\w*|yang\s+disebut|"
    r"\bwhat\s+(?:[\w’'\-]+\s+){1,4}(?:calls?|called|terms?|termed|dubs?|dubbed))"
    r"(?:\s+(?:its|their|his|her|the|a|an|der|die|das|le|la|les|el|los|las|il|lo|o|a))?\s*$",
    re.I,
)
# A name given to something, with its object between: "dubbed the plan as “…”", "referred to it as “…”".
_NAMED_AS = regex(r"\b(?:dubbed|nicknamed|christened|referred\s+to|known)\b[^.;:“”\"«»„]{0,80}\bas\s*$", re.I)
# The words _TERM_INTRO can end with (an article may follow): a set lookup spares most quotations the search.
_TERM_WORDS = frozenset("""
so-called called self-styled dubbed titled entitled headlined nicknamed as words word terms term phrases phrase
slogan hashtag motto label headline title name banner sogenannte sogenannten sogenanntem sogenannter sogenanntes
genannte genannten genanntem genannter genanntes titel namen soi-disant dit dite dits dites baptisé baptisée
baptisés baptisées intitulé intitulée intitulés intitulées slogan devise ordre bannière titre nom llamado llamada
llamados llamadas denominado denominada denominados denominadas apodado apodada apodados apodadas titulado titulada
lema eslogan título titulo nombre chamado chamada chamados chamadas intitulado intitulada nome cosiddetto
cosiddetta cosiddetti cosiddette denominato denominata denominati denominate intitolato intitolata calls call
tzv. takzvaný takzvaná takzvané takzvanou λεγόμενη λεγόμενο λεγόμενος λεγόμενης λεγόμενου λεγόμενα așa-numitul
așa-numita așa-zisul așa-zisa såkalt såkalte sokalt sokalte disebut
termed dubs
""".split())
_SENTENCE_PUNCT = regex(r"[.!?;]\s|[!?]$")
# A sentence may end with note references: "... the footage contradicts.[3] The ministry ..."
_NOTE_REF = r"(?:\[\d{1,3}\])*"
_CLAUSE_END = regex(r"[.!?;]" + _NOTE_REF + r"\s+(?=[A-Z“\"])")
_NEXT_APPOSITION = regex(r",\s*([^,]{3,80}),")
_NEW_SENTENCE = regex(_NOTE_REF + r"\s+[A-Z“\"„«]")
_ANY_MARK = regex("[\"“”„«»‹›「‘‚\u05f4]")
# 'straight single quotes' opening a quotation: an apostrophe at the start or after a space, bracket or dash
_STRAIGHT_OPENER = regex(r"'(?<![^\s(\[—–]')[^\W\d_]")
# Patterns here open on a character class where they can: the engine then skips to the next place the
# class matches instead of trying the whole pattern at every character ("\b[A-Z]" is "[A-Z]" with no word
# character before it; an assertion first would hide the class from that optimisation).
_CAP_WORD = regex(r"[A-ZÀ-ÖØ-Þ](?<!\w[A-ZÀ-ÖØ-Þ])[\w\-]+")
_INNER_CAP = regex(r"[ \u00a0](?<=[\w,][ \u00a0])[ \u00a0]*([A-ZÀ-ÖØ-Þ][\w\-]+)")  # a capital after a word or comma: inside a sentence
_SENTENCE_END = regex(r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*[”\"’)]*" + _NOTE_REF + r"\s+|(?<=[。！？])[。！？]*[」』）]*\s*)")
# An introduction that announces a statement: a statement noun or a reporting verb in its last clause,
# and a colon at the end ("... said in a statement:", "Mme X a déclaré :", "difundió el siguiente comunicado:").
_STATEMENT_INTRO = regex(
    r"(?:statement|in\s+full|following|reads?|read\s+as\s+follows|as\s+follows|wrote|said|says|declared|"
    r"added|at\s+length|passage|quote[sd]?|erklärung|mitteilung|stellungnahme|folgende[nms]?|déclaration|"
    r"communiqué|suivante?s?|comunicado|declaraci[óo]n|declara[çc][ãa]o|siguientes?|seguintes?|comunicato|"
    r"dichiarazione|seguente|nota)[^.:]{0,80}:\s*$",
    re.I,
)
_LAST_CLAUSE = regex(r"[^.!?;]{0,160}:\s*$")
_ISSUE_VERB = regex(r"\b(?:released|issued|published|put\s+out|posted|tweeted|wrote|said|says|added|"
                    r"declared|stated|announced|read|reads|veröffentlichte|erklärte|a\s+publié|publicó)\b", re.I)
_ATTRIBUTION_LINE = regex(r"^\s*(?:\[\s*(?P<a>[^\[\]]{2,60}?)\s*\]|[—–-]\s*(?P<b>[^—–\-].{1,60}))\s*$")


class Span(NamedTuple):
    """The words inside one pair of marks: text[start:end]; `closed` False if the paragraph ends first."""

    open_at: int  # index of the opening mark (-1: the quotation continues from the previous paragraph)
    start: int
    end: int
    close_at: int  # index after the closing mark (len(text) when unclosed)
    closed: bool


def _opener_like(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/‘'\u00a0" or i == 0) and not nxt.isspace()


def _closer_like(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def quote_spans(text: str) -> list[Span]:
    """Spans between double marks, each mark read as opener or closer by its surroundings."""
    if "\u05f4" in text:
        # Hebrew writes quotation marks with the gershayim (״), read here as straight double marks: the
        # one inside an acronym (חמ״ל) stands between two letters, where no opener or closer does
        text = text.replace("\u05f4", '"')
    spans: list[Span] = []
    open_at = -1
    opener = ""
    for mark in _DOUBLE_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if open_at < 0:
            if ch in "”\"" and not _opener_like(text, i):
                continue  # a stray closer, an inch mark
            if ch in "»›" and not _opener_like(text, i) and not text[i + 1:i + 2].isspace():
                continue
            if ch in "」":
                continue
            open_at, opener = i, ch
            continue
        closers = _OPEN_CLOSE.get(opener, "”\"“")
        if ch in closers and (ch not in "\"“" or _closer_like(text, i) or opener == "„" or not _opener_like(text, i)):
            spans.append(Span(open_at, open_at + 1, i, i + 1, True))
            open_at = -1
        elif (opener in "«»") != (ch in "«»") and opener in "«»„" and any(c in text[i + 1:] for c in closers):
            continue  # a quotation inside a quotation in the other style: «… „…“ …», „… «…» …”
        elif _opener_like(text, i) and ch in "“\"„«":
            # A new quotation opens while one is open: the first was never closed.
            spans.append(Span(open_at, open_at + 1, i, i, False))
            open_at, opener = i, ch
    if open_at >= 0:
        spans.append(Span(open_at, open_at + 1, len(text), len(text), False))
    if not spans:
        spans = _single_spans(text)
    return [s for s in spans if s.end > s.start]


def _single_spans(text: str) -> list[Span]:
    """‘Single’ quotation marks, used for speech by some styles: apostrophes are told apart by position."""
    spans = []
    open_at = -1
    for mark in _SINGLE_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if open_at < 0:
            if ch in "‘'‚" and _opener_like(text, i) and text[i + 1:i + 2].isalnum():
                open_at = i
        elif ch in "’'‘" and _closer_like(text, i) and not (text[i + 1:i + 2].isalpha()):
            spans.append(Span(open_at, open_at + 1, i, i + 1, True))
            open_at = -1
    return spans


def is_quotation(text: str, span: Span) -> bool:
    """Three or more words that reproduce speech, not a title or a term."""
    inner = text[span.start:span.end].strip()
    unspaced = _UNSPACED.search(inner) is not None
    words = _WORDS.findall(_UNSPACED.sub(" ", inner) if unspaced else inner)
    if word_count(inner, words) < 3:
        return False
    before = text[max(0, span.open_at - 60):max(0, span.open_at)]
    if _TERM_WORDS.intersection(w.lower() for w in before.split()[-2:]) and _TERM_INTRO.search(before):
        return False
    if before.rstrip().endswith(" as") and _NAMED_AS.search(before):
        return False  # "had dubbed Sondland's role ... as “the Gordon problem”": a name given to something
    if unspaced:
        if before.rstrip().endswith(_UNSPACED_TERM_INTRO):
            return False  # 「いわゆる「線状降水帯」」: a so-called term
        after = text[span.close_at:span.close_at + 2]
        if span.closed and text[span.open_at:span.open_at + 1] in "「『" and after[:1] in _JA_PARTICLES \
                and not after.startswith(("と", "って")):
            return False  # 「…」が / を / の: a term or a title the sentence goes on about, not what was said
        return True
    big = [w for w in words if w.lower() not in _SMALL]
    if big and all(w[0].isupper() or w[0].isdigit() for w in big) and (
            len(words) <= 6 or (len(words) <= 10 and not _SENTENCE_PUNCT.search(inner))):
        return False  # “Operation Northern Gate”, a book or show title
    if len(words) <= 6 and _quoted_term(text, span, inner):
        return False
    return True


# Scripts written without spaces between words: their length is measured in characters.
_UNSPACED = regex("[" + KANA + HAN + SOUTHEAST_ASIAN + "]")
_SOUTHEAST_ASIAN = regex("[" + SOUTHEAST_ASIAN + "]")
_UNSPACED_TERM_INTRO = ("いわゆる", "所谓", "所謂", "이른바", "소위")
_JA_PARTICLES = frozenset("をがのにはでへやもとっ")


def word_count(text: str, words: Optional[list[str]] = None) -> float:
    """Words in a text, where a run of Chinese or Japanese counts one word per two characters and a run
    of Thai, Lao, Khmer or Burmese one per four: what three words are in a language without spaces."""
    unspaced = _UNSPACED.findall(text)
    if words is None:
        words = _WORDS.findall(_UNSPACED.sub(" ", text) if unspaced else text)
    if not unspaced:
        return len(words)
    southeast = sum(1 for c in unspaced if _SOUTHEAST_ASIAN.match(c))
    return len(words) + (len(unspaced) - southeast) / 2 + southeast / 4


# Determiners that make a quoted phrase the name of a thing ("as the “new border territories”", "for a
# “temporary security belt”", "sa « cellule de crise »") rather than someone's words.
_TERM_DETERMINERS = frozenset("a an the its their his her our this these sa son ses leur leurs le la les un une "
                              "ο η το τον την τη στον στην στη στο ένα μια "
                              "der die das den dem ein eine einen einem einer il lo gli uno una el los las su sus "
                              "het een zijn haar hun".split())
# Nouns a name in quotation marks is given to ("the plan “Safe Slopes 2025”", "du programme « Rivières apaisées »"):
# after a determiner and one of these, a short quoted phrase is the thing's name.
_NAMING_NOUNS = frozenset("""plan plans programme program project operation campaign strategy initiative scheme law act
    bill policy mission projet programme opération campagne stratégie initiative dispositif loi mission plan
    proyecto programa operación campaña estrategia iniciativa ley misión projeto operação campanha estratégia lei
    progetto programma operazione campagna strategia iniziativa legge missione projekt programm operation kampagne
    strategie initiative gesetz""".split())
_NAMING_DETERMINERS = _TERM_DETERMINERS | frozenset("du des au aux del al dello della dei degli do da dos das "
                                                    "des zum zur vom".split())
# Reporting verbs that take a thing or a person to act on for their object ("rejected the proposal for a
# “…”", "asked fishermen to"): elsewhere in the sentence they do not make a quoted phrase someone's words
# (verbs of praise and blame do: "thanked the city for its “swift response”").
_OBJECT_VERBS = frozenset("asked asks rejected rejects ordered urged urges demanded accused accuses reported reports "
                          "posted posts".split())
_PERSONAL = regex(r"\b(?:i|me|my|we|us|our|you|your|je|nous|notre|nos|vous|wir|uns|unser\w*|ich|mein\w*|"
                  r"noi|nostr\w|io|nosotros|nuestr\w+|yo|ik|mijn|wij|ons|onze)\b", re.I)


def _quoted_term(text: str, span: Span, inner: str) -> bool:
    """A short quoted noun phrase that no one is reported as saying: a determiner right before it, no
    sentence inside it (no punctuation, no first or second person), no reporting verb beside it (four
    words before, three after) and none in the sentence before it that takes what follows as speech."""
    if not span.closed or _SENTENCE_PUNCT.search(inner + " ") or "," in inner or _PERSONAL.search(inner):
        return False
    head = text[:max(0, span.open_at)]
    start = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind(": "))
    sentence_before = head[start + 1:]
    near = sentence_before.split()[-4:]
    named = len(near) >= 2 and near[-1].lower() in _NAMING_NOUNS and near[-2].lower() in _NAMING_DETERMINERS
    if not near or (near[-1].lower() not in _TERM_DETERMINERS and not named):
        return False
    if find_verbs(" ".join(near)):
        return False
    after = text[span.close_at:span.close_at + 40].split()[:3]
    if after and find_verbs(" ".join(after)):
        return False
    return not any(vm.group(0).lower() not in _OBJECT_VERBS for vm in find_verbs(sentence_before))


# --------------------------------------------------------------------------- sentences


def _sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence bounds in a masked paragraph; abbreviations and initials do not end sentences."""
    bounds = []
    start = 0
    for m in _SENTENCE_END.finditer(masked):
        if m.group(0)[0] in "。！？":  # a full stop of Chinese or Japanese always ends the sentence
            if m.end() < len(masked):
                bounds.append((start, m.end()))
                start = m.end()
            continue
        word = masked[max(0, m.start() - 12):m.start()].split()[-1:] or [""]
        w = word[0].lower().rstrip(".")
        if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or DOTTED.fullmatch(w):
            ahead = masked[m.end():m.end() + 1]
            if not (w in ("a.m", "p.m") and ahead and (ord(ahead) >= HOLE_BASE or ahead in "“\"„«")):
                continue  # "... at 5:30 a.m. “I could see the glow,” she said": the clock ended the sentence
        nxt = masked[m.end():m.end() + 1]
        # a capital opens the next sentence, or any letter of a script without case (Hebrew, Arabic, Korean)
        if nxt and not (nxt.isupper() or nxt.isdigit() or ord(nxt) >= HOLE_BASE or nxt in "“\"„«‘([\u05f4"
                        or (nxt.isalpha() and not nxt.islower())):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(masked):
        bounds.append((start, len(masked)))
    return bounds


def _mask(text: str, spans: list[Span]) -> tuple[str, list[tuple[int, int, int]]]:
    """The paragraph with each quotation replaced by one private-use character (its number), and
    the stretches of narrative it kept: (start in text, end in text, start in the masked text)."""
    out = []
    kept = []
    pos = 0
    at = 0
    for k, s in enumerate(spans):
        piece = text[pos:max(pos, s.open_at)] if s.open_at >= 0 else ""
        kept.append((pos, pos + len(piece), at))
        out.append(piece)
        out.append(chr(HOLE_BASE + k))
        at += len(piece) + 1
        inner = text[s.start:s.end].rstrip()
        after = text[s.close_at:s.close_at + 240]
        if inner[-1:] in ".!?" and _NEW_SENTENCE.match(after) and (
                after.startswith("[") or not _attribution_follows(after, inner[-1] == ".")):  # a note reference ends it
            out.append(".")  # the quotation ended the sentence
            at += 1
        pos = s.close_at
    kept.append((pos, len(text), at))
    out.append(text[pos:])
    return "".join(out), kept


def _attribution_follows(after: str, stop: bool = False) -> bool:
    """A reporting verb later in the same clause: `“…?” Varga quietly asked` is one sentence. After a
    full stop only a short closing clause counts (`“….” Varga said.`): `“….” She accused X of ...` is
    a new sentence whose verb has an object of its own."""
    words = _CLAUSE_END.split(after, 1)[0].split()[:25]
    verbs = find_verbs(" ".join(words))
    if not stop or not verbs:
        return bool(verbs)
    clause = " ".join(words)
    rest = clause[verbs[0].end():].split()
    return len(clause[:verbs[0].start()].split()) <= 4 and (
        len(rest) <= 4 or rest[0].lower() in ("on", "in", "at", "after", "during", "before", "to", "in", "while"))


# --------------------------------------------------------------------------- attribution


# A parenthesis holding no quotation: an aside between a subject and its verb ("Dr X (who until
# August headed the unit) told partners that “…”"), never the speaker. Blanked, offsets kept.
_ASIDE = regex(r"\([^()" + HOLES + r"]{12,300}\)")


def _attribute(sentence: str, hole: int, ctx: Context) -> tuple[bool, Optional[str]]:
    """Who the sentence says spoke the quotation at `hole` (an index into the masked sentence)."""
    if "(" in sentence:
        sentence = _ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    after = sentence[hole + 1:]
    nxt = QUOTE_HOLE.search(after)
    clause = after[:nxt.start()] if nxt else after
    a = clause.lstrip(" ,.;!?…—–-")
    a = _QUOTATIVE.sub("", a)  # Turkish "“…” diye ekledi": the particle that marks what was said
    first = find_verbs(a[:40])
    m = first[0] if first and first[0].start() == 0 else None
    if m and m.group("fin"):
        if m.pronoun:  # "« … », a-t-elle ajouté sur X": the inverted pronoun is the subject, whatever follows
            return resolve(Mention("pronoun", gender=PRONOUNS[m.pronoun.lower()]), ctx)
        found = resolve(object_np(a[m.end():]), ctx)
        if found[0]:
            return found
        if not a[m.end():].strip(" .!?…") and not QUOTE_HOLE.search(sentence[:hole]):
            # The verb closes the sentence with no subject after it: a language that puts the verb last
            # ("Vali Deniz Aksoy, “…” dedi."): the subject is the one the sentence opens with
            found = _verb_final_subject(sentence[:hole], ctx)
            if found[0]:
                return found
    a_first = a[:240]
    acc = ACCORDING_TO.search(a_first)
    for vm in find_verbs(a_first[:160]):
        if acc and acc.start() < vm.start():
            break
        if not vm.group("fin") or vm.group("fin").lower() == "so" or _passive(a_first, vm.start()):
            break
        window = a_first[:vm.start()]
        if len(window.split()) > 24 or _COORDINATED.match(window):
            break  # "X called it “…” and said ...": the verb shares the subject before the quotation
        if _REDUCED_RELATIVE.match(window):
            break  # "“…”, a change local councillors have demanded": a clause about the words, not their source
        found = resolve(subject_np(window), ctx)
        if not found[0]:  # "„…“ übergeben, teilte Sprecherin X mit": the subject follows the verb
            found = resolve(object_np(a_first[vm.end():]), ctx)
        if found[0]:
            return found
        break
    if acc:
        found = resolve(object_np(a_first[acc.end():]), ctx)
        if found[0]:
            return found
    before = sentence[:hole]
    prev_hole = max((m.start() for m in QUOTE_HOLE.finditer(before)), default=-1)
    b = before[prev_hole + 1:]
    acc = None
    for am in ACCORDING_TO.finditer(b):
        acc = am
    verbs = [vm for vm in find_verbs(b)
             if not (vm.group("fin") and (vm.group("fin").lower() == "so" or _passive(b, vm.start())))]
    if acc and (not verbs or acc.start() > verbs[-1].start()):
        found = resolve(object_np(b[acc.end():]), ctx)
        if found[0]:
            return found
    # The nearest reporting verb before the quotation; if its clause has no subject of its own
    # ("X confirmed ... and said they were “…”"), the verb before it.
    for vm in reversed(verbs):
        if vm.group("fin"):
            found = resolve(subject_np(b[:vm.start()]), ctx)
            if not found[0] and not b[:vm.start()].strip(" ,;:—–-"):
                # the verb opens the sentence, its subject after it ("وقال المتحدث ... إن «…»",
                # "Said the mayor: “…”")
                found = resolve(object_np(b[vm.end():]), ctx)
        else:
            # "…, saying “…”": the participle's subject is the subject of the sentence
            found = resolve(sentence_subject(b[:vm.start()]), ctx)
        if found[0]:
            return found
    if not verbs and not acc:
        reading = _READING.search(b)
        if reading and reading.group("det").lower() in ("a", "an", "one"):
            return True, None  # "an emergency alert on their phones reading “…”": a text nobody is named for
        return _position_of(b, ctx)
    return False, None


# An indefinite noun after a quotation with a clause of its own in the perfect: "a change (that) local
# councillors have demanded", "a claim the company has denied". Attributions do not take that form.
# The clause shows itself by a subject of its own: a new determiner, or a verb that does not agree with
# the singular noun before it ("“…,” a spokesman has said" stays an attribution).
_REDUCED_RELATIVE = regex(r"^\s*(?:an?|one)\s+\w+\s+(?:(?:the|its|their|his|her)\s+(?:\S+\s+){1,4}"
                          r"(?:has|had|have)|(?:\S+\s+){1,5}have)\s*$", re.I)


# A message, sign or notice whose words are quoted: "a sign reading “…”", "an alert that read “…”".
_READING = regex(r"\b(?P<det>an?|one|the|its|their|his|her)\s+(?:[\w’'\-]+\s+){0,3}(?:alert|message|sign|notice|"
                 r"banner|placard|poster|text|warning|leaflet|flyer|sms|notification|note|sticker|board)s?\b"
                 r"(?:[^.;:!?" + HOLES + r"]|(?<=\d)[.:](?=\d)){0,80}?\b(?:reading|(?:which|that)\s+read|(?:which|that)\s+reads)\s*:?\s*$",
                 re.I)


_QUOTATIVE = regex(r"^diye\s+", re.I)


def _verb_final_subject(before: str, ctx: Context) -> tuple[bool, Optional[str]]:
    """The subject set before the quotation and closed by a comma ("Kente gelen Vali Deniz Aksoy, “…”
    dedi."): a person, a body or an unnamed source; a pronoun-less clause ("“…” dedi.") has none."""
    text = before.rstrip()
    if not text.endswith(",") or len(text.split()) > 12:
        return False, None
    mention = analyse_np(text.rstrip(","))
    if mention is None:
        return False, None
    if mention.kind in ("person", "body") or (mention.kind == "desc" and mention.known):
        return resolve(mention, ctx)
    return False, None


# "The official line from X is that ...", "The ministry's position was that ...": the quotation is the
# content of a stated position, and the position is the source's.
_POSITION = regex(r"^(?P<np>[^,;:" + HOLES + r"]{3,100}?)\s+(?:is|was|remains|remained)\s+that\b", re.I)
_SOURCE_OF = regex(r"\b(?:from|of|by)\s+|[’']s\s+", re.I)


def _position_of(before: str, ctx: Context) -> tuple[bool, Optional[str]]:
    m = _POSITION.match(_strip_intro(before))
    if m is None:
        return False, None
    np = m.group("np")
    parts = [np[:s.start()] if s.group(0).startswith(("’", "'")) else np[s.end():] for s in _SOURCE_OF.finditer(np)]
    for part in parts:
        mention = analyse_np(part)
        if mention is not None and mention.kind in ("person", "body"):
            return resolve(mention, ctx)
    return False, None


def _clause_subject(sentence: str, hole: int, ctx: Context, named: Optional[list] = None
                    ) -> tuple[bool, Optional[str]]:
    """Where no reporting verb reaches, the subject of the clause the quotation stands in: "Mayor X
    speaks of “…”", "La prefettura ha parlato di una situazione «…»", "a reader has sent us this: “…”",
    "..., she put it this way: “…”". Only a subject that is someone counts (a person, a body, a
    pronoun for a person, a description the vocabularies know, a name the article uses inside
    sentences): the shape of the clause decides, not whichever capitalised word is nearest."""
    before = sentence[:hole]
    if QUOTE_HOLE.search(before) or find_verbs(sentence):
        return False, None
    text = before.rstrip(" :—–-")
    if len(text.split()) < 2:
        return False, None
    candidates = []
    cut = max(text.rfind(","), text.rfind(";"))
    if cut > 0 and len(text[cut + 1:].split()) >= 2:
        candidates.append(text[cut + 1:])  # the clause next to the quotation first
    candidates.append(text)
    for clause in candidates:
        mention = sentence_subject(clause)
        if mention is None:
            continue
        kind = mention.kind
        if kind == "pronoun" and (mention.gender == "body" or (clause.split() or [""])[0].lower() in ("i", "we")):
            continue  # "it", or the writer
        if kind in ("person", "body", "pronoun") or (kind == "desc" and mention.known) or (
                kind == "name" and not _opener_only(mention, ctx)):
            if kind == "pronoun":
                # "When I spoke to X, who ..., she put it this way:": the person the sentence itself named
                fits = [n for at, n, titles in (named or []) if at < hole and mention.gender in (
                    "any", "person", ctx.gender.get(n) or gender_of(titles) or mention.gender)]
                if fits:
                    return True, ctx.note_person(fits[0])
            found = resolve(mention, ctx)
            if found[0]:
                return found
    return False, None


def _own_unnamed_subject(sentence: str, hole: int, ctx: Context) -> bool:
    """A quotation inside a sentence about someone the article never names ("One resident, who would not
    give her name, told us the water came in „…”", in a language whose verbs no list holds): not the
    last speaker's words. Told by shape: several words of narrative before the quotation, none of
    them a reporting verb, a name or a pronoun the article knows, opening with a capitalised word
    that is no name."""
    before = sentence[:hole]
    verbs = find_verbs(sentence)
    if verbs:
        # a reporting verb whose subject no rule could read ("Jedna z obyvatelek Podhradí, která ..., nám
        # řekla, že ... „…“"): the words before the verb are the ones to judge
        if verbs[0].start() >= hole:
            return False
        before = sentence[:verbs[0].start()]
    if QUOTE_HOLE.search(before) or len(before.split()) < 5 or before.rstrip().endswith(":"):
        return False
    words = [w.strip(",;:()").replace("’s", "").replace("'s", "") for w in before.split()]
    first = words[0]
    if not first[:1].isupper() or first in ctx.inner_caps or first.lower() in NOT_NAMES \
            or first.lower() in INTRO_START or first.lower() in PRONOUNS:
        return False  # a name, or a word of a language we can read: its own rules decide
    return not any(w[:1].isupper() and (ctx.is_known_person(w) or w.lower() in PRONOUNS) for w in words)


# What follows a quotation to the end of its sentence, after a dash ("„…” – powiedział Wrona.") or after
# a comma the quotation closed on ("„…,“ řekl Novák."): a short clause that can only be its attribution.
_TAIL = regex(r"^\s*(?P<dash>[–—]\s*)?(?P<tail>[^\W\d_][^.!?;:()\[\]" + HOLES + r"]{0,60}?)\s*[.!?]?\s*$")


def _attribution_tail(sentence: str, hole: int, inner: str, ctx: Context) -> tuple[bool, Optional[str]]:
    """The speaker in a short clause closing the sentence after the quotation, whatever its verb.

    Where the reporting verb is in no vocabulary, the shape still tells: after a dash or a
    quotation-closing comma, at most five words to the end of the sentence, the first in lower
    case (a verb or a noun of office, not a new subject) and a name among them. A bare verb
    ("„…” – apelowała.") names nobody and leaves the narrative to decide."""
    m = _TAIL.match(sentence[hole + 1:])
    if m is None or not (m.group("dash") or inner.rstrip().endswith(",")):
        return False, None
    tail = m.group("tail")
    words = tail.split()
    if not 2 <= len(words) <= 5 or not words[0][:1].islower():
        return False, None
    mention = analyse_np(" ".join(words[1:]))
    if mention is None or mention.kind not in ("person", "name", "body"):
        return False, None
    if _opener_only(mention, ctx):
        return False, None
    return resolve(mention, ctx)


_COORDINATED = regex(r"^\W*(?:and|but|or|then|und|aber|et|mais|puis|y|pero|e|ma|mas)\b", re.I)


def _passive(text: str, at: int) -> bool:
    """ "had been ordered to", "was called": a verb in the passive reports nobody's words."""
    prev = text[max(0, at - 12):at].split()[-1:] or [""]
    return prev[0].lower() in ("been", "be", "being", "was", "were", "is", "are", "get", "got")


_DATELINE = regex(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]+\s?){1,4}(?:,[^–—\n]{1,40})?\s*(?:\([^)]{1,30}\))?\s*[–—-]{1,2}\s")


def _strip_intro(sentence: str) -> str:
    s = _DATELINE.sub("", sentence.lstrip())  # "ARDEN, Aug 4 (Meridian) – The ministry ..."
    s = s.lstrip(" \"“”„«»")
    first = s.split(" ", 1)[0].lower()
    if first.strip(",") in INTRO_START:
        comma = s.find(",")
        if 0 < comma < 120:
            return s[comma + 1:].lstrip()
    if first in _LONE_ADVERBS:  # "Meanwhile a reader ...", "Ook de regio ...": an adverb, then the subject
        return s.split(" ", 1)[1].lstrip() if " " in s else ""
    return s


# Sentence adverbs that open a sentence without a comma before its subject.
_LONE_ADVERBS = frozenset("meanwhile also separately still however now later earlier then ook inmiddels intussen "
                          "intanto inoltre anche aussi auch außerdem zudem además también".split())


# Words that join the parts of one name ("Department of ...", "Departamento de Bomberos del Condado de ...").
_NP_CONNECTORS = frozenset("of for the de des du del della di do da dos das".split())


def sentence_subject(sentence: str) -> Optional[Mention]:
    """The noun phrase a sentence opens with, appositions unwrapped ("X's foreign minister, Y, ...")."""
    s = _strip_intro(QUOTE_HOLE.split(sentence, 1)[0])
    if not s:
        return None
    tokens = s.split()
    np_tokens: list[str] = []
    for i, t in enumerate(tokens[:9]):
        bare = t.strip(",;:")
        if np_tokens and t[:1].islower():
            prev = np_tokens[-1]
            if (prev.endswith(("’s", "'s", "s’")) and bare.lower() in DOCUMENTS) or (
                    prev[:1].isupper() and len(np_tokens) > 1 and is_relational_adjective(bare)):
                # "The Guild’s statement" (the Guild speaks through it), "La Croix-Rouge valdorienne"
                np_tokens.append(bare)
                if t.endswith((",", ";", ":")):
                    break
                continue
            # lower-case words belong to the phrase only when a noun of a person or body follows soon
            if bare.lower() not in _NP_CONNECTORS and (_verb_like(bare) or not any(
                    (is_person_noun(r) or is_institution(r)) and r not in DOCUMENTS
                    for r in (x.strip(",;:").lower() for x in tokens[i:i + 3]))):
                break
        np_tokens.append(bare)
        if t.endswith((",", ";", ":")):
            break
    if not np_tokens:
        return None
    mention = analyse_np(" ".join(np_tokens))
    rest = s[len(" ".join(tokens[:len(np_tokens)]).rstrip(",;:")):]
    # "Ο περιφερειάρχης Βόρειας Ακτής, Νίκος Σταυρίδης, ...": an office and a place's name, then the person
    offices = office_words(" ".join(np_tokens)) if mention is not None and mention.kind == "name" else ()
    if (mention is None or mention.kind in ("desc", "body") or offices) and rest.startswith(","):
        m = _NEXT_APPOSITION.match(rest)
        if m:
            appos = analyse_np(m.group(1))
            if appos is not None and appos.kind == "person":
                if mention is not None and mention.kind == "desc" and mention.head:
                    # "Il sindaco di Monteferro, Aldo Berardi, ...": "il sindaco" is him from now on
                    return appos._replace(titles=appos.titles + (mention.head,))
                return appos._replace(titles=appos.titles + offices)
    return mention


_COMMON_VERBS = frozenset("is was are were has had have will would can could may might must shall should did does "
                          "do gave made took went met held got came became began left sent saw told became".split())


def _verb_like(word: str) -> bool:
    w = word.lower()
    return w in _COMMON_VERBS or is_reporting_verb(w) or (w.endswith("ed") and len(w) > 4)


def _opener_only(mention: Mention, ctx: Context) -> bool:
    """A one-word "name" the article capitalises only where it opens a sentence, and no person it
    names: a verb or a noun set at the start ("Według hydrologów ...", "Ecco il testo:"), nobody."""
    return mention.kind == "name" and mention.text not in ctx.inner_caps and not ctx.is_known_person(mention.text or "")


def _note_sentence(sentence: str, ctx: Context) -> None:
    """Keep the narrative context current from a sentence with no quotation in it."""
    acc = ACCORDING_TO.match(sentence.lstrip())
    if acc:  # "Secondo la prefettura di Castelvetro, ...": the source is named in full here, "la prefettura" later
        source = object_np(sentence[acc.end():])
        if source is not None and source.kind in ("person", "body"):
            resolve(source, ctx)
    last_fin = None
    for vm in find_verbs(sentence):
        if vm.group("fin") and vm.group("fin").lower() != "so":
            last_fin = vm
            break
    if last_fin is not None:
        subject = subject_np(sentence[:last_fin.start()])
        if subject is not None and not subject.known:
            # "A prominent milblogger criticized ...": remember who "the milblogger" will be, and no more
            if not subject.definite:
                ctx.descs.append((subject.head, None))
            return
        found = resolve(subject, ctx)
        if found[0]:
            if found[1]:
                ctx.last_any = found[1]
            _note_office_holder(sentence[:last_fin.start()], ctx)
            return
    mention = sentence_subject(sentence)
    if mention is not None and _opener_only(mention, ctx):
        pass  # "Według hydrologów ..."
    elif mention is not None and mention.kind in ("person", "body", "name"):
        resolve(mention, ctx)
    elif mention is not None and mention.kind == "desc" and not mention.definite and mention.known:
        resolve(mention, ctx)
    # A new unnamed person ("spoke to one mother", "a senior diplomat said"): "she said" is now them.
    for m in _INDEFINITE_WORD.finditer(sentence):
        before = sentence[:m.start()].rsplit(None, 1)
        if before and (before[-1].endswith(",") or before[-1].lower() in _COPULA):
            continue
        for n in sentence[m.end():].split(None, 4)[:4]:
            nb = n.strip(",.;:").lower()
            if is_person_noun(nb):
                ctx.note_unnamed(nb, subject=False)
                break
            if n.endswith((",", ".", ";", ":")) or not n[:1].islower():
                break


_COPULA = frozenset("is was as be been are were became becomes".split())
# "a", "an" or "one" in any case as a word of its own (between spaces, as str.split() cuts words),
# spelled out letter by letter so that the pattern opens on a class of its first letters
_INDEFINITE_WORD = regex(r"[aAoO](?<!\S[aAoO])(?:(?<=[aA])[nN]?|(?<=[oO])[nN][eE])(?!\S)")
# "The governor's office says ...": a body that belongs to a person the article named by that title.
_OFFICE_OF = regex(r"^\W*(?:the\s+)?([a-z]+)[’']s\s+(?:office|team|staff|aides?|spokes\w+|department|press\s+office)\b",
                   re.I)


def _note_office_holder(subject: str, ctx: Context) -> None:
    """The person whose office speaks ("the governor's office" -> the governor the article named) is
    mentioned by that sentence: "she said" after it is her, not someone from an earlier post."""
    m = _OFFICE_OF.match(subject)
    if m is None or not (is_person_noun(m.group(1)) or m.group(1).lower() in TITLES):
        return
    found, name = ctx.person_with_title(m.group(1).lower())
    if found and name:
        ctx.note_objects([(0, name, ())])


# --------------------------------------------------------------------------- the article


def find_quotes(blocks: list[Block], groups: dict[int, list[int]],
                skip: Optional[dict[int, int]] = None, scopes: Optional[dict[int, int]] = None,
                language: Optional[str] = None) -> list[Quote]:
    """Every quotation in reading order; `skip` gives, per block, where its prose starts after an update
    marker; `scopes` the update or liveblog post each block belongs to (pronouns look there first);
    `language` the article's declared language, where a convention depends on it ("M. X")."""
    token = FRENCH_M.set(not language or language.lower().startswith("fr"))
    portuguese = PORTUGUESE.set(bool(language) and language.lower().startswith("pt"))
    try:
        return _find_quotes(blocks, groups, skip, scopes)
    finally:
        FRENCH_M.reset(token)
        PORTUGUESE.reset(portuguese)


def _find_quotes(blocks: list[Block], groups: dict[int, list[int]], skip: Optional[dict[int, int]],
                 scopes: Optional[dict[int, int]]) -> list[Quote]:
    skip = skip or {}
    scopes = scopes or {}
    # Nothing after the last block that can hold a quotation needs reading.
    last = max([i for i, b in enumerate(blocks) if b.type != "heading" and (
        _ANY_MARK.search(b.text) or _STRAIGHT_OPENER.search(b.text))]
               + [m[-1] + 1 for m in groups.values()], default=-1)
    if last < 0:
        return []
    ctx = Context()
    for b in blocks:
        if b.type != "heading":
            for w in _CAP_WORD.findall(b.text):
                ctx.surname_counts[w] = ctx.surname_counts.get(w, 0) + 1
            ctx.inner_caps.update(_INNER_CAP.findall(b.text))
            ctx.texts.append(b.text)
    names_in: list[list] = []
    for b in blocks:  # the whole article: a newest-first liveblog may give the full name only at the bottom
        names_in.append(person_names(b.text) if b.type != "heading" else [])
        ctx.add_names(names_in[-1])
    cjk = _cjk() if any(_CJK_CHAR.search(b.text) for b in blocks) else None
    unspaced = [b.text for b in blocks if b.type != "heading" and cjk.has_unspaced(b.text)] if cjk else []
    cjk_names = cjk.Names(unspaced) if unspaced else None  # Japanese or Chinese: particles, not spaces
    ko_titled: dict[str, str] = {}  # Korean: a title -> the person the article gave it
    blocks = blocks[:last + 1]
    quotes: list[Quote] = []
    in_statement = {i for members in groups.values() for i in members}
    carry: Optional[tuple[bool, Optional[str]]] = None  # a quotation left open: its speaker
    prev_speaker: Optional[str] = None  # speaker of the previous quotation, for a new paragraph of quotes
    prev_text = ""
    for i, block in enumerate(blocks):
        ctx.scope = scopes.get(i)
        if block.type == "heading":
            carry = None
            prev_text = ""
            continue
        if i in groups:
            members = groups[i]
            speaker = _statement_speaker(blocks, i, members, ctx)
            text = "\n\n".join(_strip_marks(blocks[j].text) for j in members)
            quotes.append(Quote(text, speaker, "block", i))
            if speaker:
                ctx.last_any = speaker
            prev_speaker, carry, prev_text = speaker, None, ""
            continue
        if i in in_statement or block.type not in ("paragraph", "list_item", "blockquote"):
            continue
        text = block.text[skip.get(i, 0):]
        spans = quote_spans(text)
        kept = [s for s in spans if is_quotation(text, s)]
        masked, stretches = _mask(text, kept)
        masked = blank_nicknames(masked)
        # everyone the paragraph names outside its quotations, at their places in the masked text
        cut = skip.get(i, 0)
        named = [(o - cut - t0 + m0, n, t) for o, n, t in names_in[i]
                 for t0, t1, m0 in stretches if t0 <= o - cut < t1]
        para_quotes: list[tuple[Span, Optional[str]]] = []
        for s0, s1 in _sentences(masked):
            sentence = masked[s0:s1]
            ctx.sentence += 1
            holes = [m.start() for m in QUOTE_HOLE.finditer(sentence)] if kept else []
            objects = [n for n in named if s0 <= n[0] < s1] if named else []
            if not holes:
                _note_sentence(sentence, ctx)
                ctx.note_objects(objects)
                continue
            for h in holes:
                k = ord(sentence[h]) - HOLE_BASE
                span = kept[k]
                if cjk_names is not None and cjk.has_unspaced(sentence):
                    attributed, speaker = cjk.attribute(sentence, h, cjk_names)
                elif cjk is not None and cjk.has_hangul(sentence):
                    attributed, speaker = cjk.attribute_korean(sentence, h, ko_titled)
                else:
                    attributed, speaker = _attribute(sentence, h, ctx)
                if not attributed:
                    attributed, speaker = _attribution_tail(sentence, h, text[span.start:span.end], ctx)
                if not attributed:
                    attributed, speaker = _clause_subject(sentence, h, ctx,
                                                          [(at - s0, n, t) for at, n, t in objects])
                if not attributed:
                    if para_quotes:
                        speaker = para_quotes[-1][1]
                    elif carry is not None and span.open_at <= 1:
                        speaker = carry[1]
                    elif prev_text.rstrip().endswith(":"):
                        speaker = _intro_speaker(prev_text, ctx)
                    elif _own_unnamed_subject(sentence, h, ctx):
                        speaker = None
                    else:
                        speaker = ctx.last_any if ctx.last_any else prev_speaker
                para_quotes.append((span, speaker))
                if speaker:
                    ctx.last_any = speaker
            ctx.note_objects(objects)
        for span, speaker in para_quotes:
            inner = text[span.start:span.end].strip().rstrip(",;: ").strip()
            quotes.append(Quote(inner, speaker, "inline", i))
        if para_quotes:
            prev_speaker = para_quotes[-1][1]
        last_open = kept and not kept[-1].closed
        carry = (True, para_quotes[-1][1]) if last_open and para_quotes else None
        prev_text = text
    return quotes


# Kana, Han and Hangul: only an article that has them needs the rules of cjk.py, so only such an
# article imports that module (its patterns are a tenth of the extractor's start-up).
_CJK_CHAR = regex("[" + KANA + HAN + HANGUL + "]")


def _cjk() -> ModuleType:
    from . import cjk

    return cjk


def _strip_marks(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in "“\"„«" and text[-1] in "”\"“»":
        return text[1:-1].strip()
    return text.strip("“”\"„«»").strip()


def _intro_speaker(intro: str, ctx: Context) -> Optional[str]:
    """The source an introduction names: the subject of its issuing verb, else of its first sentence."""
    if _CJK_CHAR.search(intro) and _cjk().has_hangul(intro):
        found = _cjk().korean_subject(intro, {})  # "… 중앙재난안전대책본부는 … 다음과 같이 밝혔다."
        if found[1]:
            return found[1]
    masked = intro
    bounds = _sentences(masked)
    for s0, s1 in reversed(bounds):
        sentence = masked[s0:s1]
        verbs = [(vm.start(), vm.end()) for vm in _ISSUE_VERB.finditer(sentence)]
        verbs += [(vm.start(), vm.end()) for vm in find_verbs(sentence) if vm.group("fin")]  # "Mme X a déclaré :"
        if verbs:
            start, end = max(verbs)
            subject = subject_np(sentence[:start])
            if subject is None and sentence[:start].strip():
                # "In een verklaring schrijft de regio:": the subject after the verb
                subject = object_np(sentence[end:].rstrip(" :"))
                if subject is not None and subject.head in DOCUMENTS:
                    subject = None  # "... and issued the following statement:": what was issued, not who
            if subject is not None and (subject.kind == "pronoun" and subject.gender == "body" or (
                    subject.kind == "body" and subject.head in DOCUMENTS
                    and (subject.text or "").lower() == subject.head)):
                continue  # "It reads:", "The statement reads:": the document; an earlier sentence names its source
            found = resolve(subject, ctx)
            if found[0] and found[1]:
                return found[1]
    for s0, s1 in reversed(bounds):  # the sentence that ends on the colon first
        mention = sentence_subject(masked[s0:s1])
        if mention is not None and _opener_only(mention, ctx):
            continue  # "Ecco il testo:"
        if mention is not None:
            found = resolve(mention, ctx)
            if found[1]:
                return found[1]
    return None


def _statement_speaker(blocks: list[Block], first: int, members: list[int], ctx: Context) -> Optional[str]:
    cite = blocks[first].cite
    if cite:  # the markup credits a source: as it is written, a surname expanded
        cite = LEADING_ARTICLE.sub("", cite.strip())
        first = analyse_np(cite.split(",", 1)[0])
        if "," in cite and first is not None and first.kind == "person":
            return ctx.note_person(first.text or cite)  # "— Ruth Okafor, Tessel Valley Review"
        if ctx.is_known_person(cite):
            return ctx.note_person(cite)
        return ctx.note_body(cite)
    after = members[-1] + 1
    if after < len(blocks) and len(blocks[after].text) <= 80:
        m = _ATTRIBUTION_LINE.match(blocks[after].text)
        if m:
            found = resolve(analyse_np(m.group("a") or m.group("b")), ctx)
            if found[1]:
                return found[1]
    if first > 0 and blocks[first - 1].type != "heading":
        return _intro_speaker(blocks[first - 1].text, ctx)
    return None


def statement_groups(blocks: list[Block]) -> dict[int, list[int]]:
    """First block index -> member indexes of each quoted statement block."""
    groups: dict[int, list[int]] = {}
    prose: Optional[list[str]] = None  # the other blocks' words, folded once, for pull quotes
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if b.type == "blockquote" and b.group is not None:
            members = [i]
            while i + 1 < n and blocks[i + 1].type == "blockquote" and blocks[i + 1].group == b.group:
                i += 1
                members.append(i)
            if prose is None:
                prose = [_NON_WORD.sub(" ", x.text).lower() for x in blocks if x.type != "blockquote"]
            if not _pull_quote(blocks, members, prose):
                groups[members[0]] = members
        elif (b.type == "paragraph" and b.text.rstrip().endswith(":") and i + 1 < n
              and blocks[i + 1].type in ("paragraph", "list_item") and _set_apart(blocks[i + 1])
              and _introduces_statement(b.text)):
            members = []
            j = i + 1
            while j < n and blocks[j].type in ("paragraph", "list_item") and _set_apart(blocks[j]):
                members.append(j)
                j += 1
            groups[members[0]] = members
            i = j - 1
        elif (b.type == "paragraph" and b.text.rstrip().endswith(":") and i + 1 < n
              and _plain_statement(blocks[i + 1]) and _NAMES_STATEMENT.search(b.text[-160:])):
            # "X said in a statement:" and the statement in plain type: the colon announces the
            # paragraph after it; the ones after that continue it while they speak in the same
            # first person and report nobody's words.
            members = [i + 1]
            j = i + 2
            while j < n and _plain_statement(blocks[j]) and (
                    _FIRST_PERSON.search(blocks[j].text) or _ADDITIVE_START.match(blocks[j].text)):
                members.append(j)
                j += 1
            groups[members[0]] = members
            i = j - 1
        i += 1
    return groups


def _introduces_statement(text: str) -> bool:
    """A paragraph ending in a colon that announces what follows as someone's statement."""
    if _STATEMENT_INTRO.search(text[-120:]):
        return True
    clause = _LAST_CLAUSE.search(text)
    return bool(clause and find_verbs(clause.group(0)))


# An introduction that names the text after it as a statement, not just as someone's words.
_NAMES_STATEMENT = regex(
    r"\b(?:statement|communiqu[ée]|declaration|press\s+release|news\s+release|in\s+full|reads|read\s+as\s+follows|"
    r"erklärung|mitteilung|stellungnahme|déclaration|comunicado|declaraci[óo]n|declara[çc][ãa]o|comunicato|"
    r"dichiarazione|заяв[аі]|заявлени[ие]|açıklama(?:sında)?|بيان|البيان)\b[^.:!?]{0,80}:\s*$", re.I)
# A paragraph opening with an additive connective carries the statement before it on, in whatever person
# the statement speaks ("كما تعلن الوزارة ..." after "تدعو الوزارة ...": a ministry's statement about itself).
_ADDITIVE_START = regex(r"^(?:كما|وكذلك|also|in\s+addition|furthermore|moreover|de\s+plus|en\s+outre|"
                        r"además|asimismo|außerdem|zudem|inoltre|além\s+disso|також|крім\s+того|также|"
                        r"ayrıca)\b", re.I)
# First-person words: a statement's voice ("We demand ...", "Our teams ...", "Nous ...", "Wir ...").
_FIRST_PERSON = regex(r"\b(?:we|our|ours|us|i|my|me|wir|uns|unser[emnrs]?|nous|notre|nos|je|mon|ma|mes|"
                      r"nosotros|nosotras|nuestr[oa]s?|nós|noss[oa]s?|noi|nostr[oaie]|io)\b", re.I)


def _plain_statement(block: Block) -> bool:
    """A paragraph that can be a statement in plain type: no quotation marks of its own (it is the
    quotation), no reporting verb (nobody in it is reported as speaking), not a run-in label."""
    text = block.text
    return (block.type == "paragraph" and len(text) >= 40 and not _ANY_MARK.search(text) and not block.lead
            and not find_verbs(text))


# A quotation closed and another opened inside: two quotations, not one paragraph of speech.
_CLOSE_THEN_OPEN = regex(r"[”\"“»][^”\"“»]*[“\"„«]")


def _set_apart(block: Block) -> bool:
    """Wholly in emphasis (italic statement text) or wholly in quotation marks: closed at its end, or
    left open for the next paragraph to continue (the convention for speech over several paragraphs)."""
    text = block.text.strip()
    if block.lead and len(block.lead) >= 0.9 * len(text):
        return True
    if len(text) <= 2 or text[0] not in "“\"„«":
        return False
    if text[-1] in "”\"“»":
        return not _CLOSE_THEN_OPEN.search(text[1:-1])
    return not any(c in _OPEN_CLOSE.get(text[0], "”\"") for c in text[1:])


def _pull_quote(blocks: list[Block], members: list[int], prose: list[str]) -> bool:
    """A blockquote that repeats a sentence of the article is a display pull quote, not a statement."""
    text = _NON_WORD.sub(" ", _strip_marks(blocks[members[0]].text)).strip().lower()
    if len(text) < 30:
        return False
    probe = text[:60]
    return any(probe in p for p in prose)


_NON_WORD = regex(r"\W+")
