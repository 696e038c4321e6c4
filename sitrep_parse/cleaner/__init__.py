"""Stage 2: from a page's HTML to the article body and its metadata.

    clean(page) -> Article

Order matters: metadata is read from the untouched tree (JSON-LD lives in <script>,
bylines in furniture the body rules drop); liveblog posts are found before furniture
removal (their times sit in "timestamp" headers); then the page is measured once, the
body located by prose weight and vocabulary, furniture removed inside it (body.py), the
body turned into blocks (blocks.py), and the blocks tidied of what only a reader's eye
filters out: the kicker above the headline and the headline repeated, the byline and dateline,
"Advertisement", a caption's
photo credit, view and comment counters, and the notes to editors, media contacts and
"About us" a press release ends with.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Optional
from urllib.parse import urlsplit

from ..errors import CleanError
from ..models import Article, Block, Metadata, Page
from ..patterns import regex
from .blocks import build_blocks, find_entries
from .body import locate, strip_never_content
from .dom import parse_document
from .metadata import extract_metadata

__all__ = ["clean"]

# Standalone labels that are furniture in any article, in the languages we meet most.
_LABEL = regex(
    r"^(?:advertisement|advertising|advert|ads?|advertorial|anzeige|werbung|publicité|publicidad|publicidade|"
    r"pubblicità|reklama|reklam|реклама|annons|annonce|anuncio|إعلان|اعلان|"
    r"sponsored( content)?|story continues below( advertisement)?|article continues below|"
    r"continue reading( below)?|scroll to continue|read more|weiterlesen|lire la suite|leer más|leia mais|"
    r"don'?t miss:?|see also:?|most read|trending( now)?|"
    r"share( this( article| story)?)?:?|teilen|partager|compartir|related( articles| stories)?:?|"
    r"(sign up|subscribe)( now| here| today)?\.?|skip to main content|back to top|"
    r"(powered by|betrieben mit|propulsé par|desarrollado por|con tecnología de|realizzato con) .{1,40}|"
    r"(photo|image|video|foto|bild)( credit)?:.{0,80})$",
    re.I,
)
# A tag printed as text (a page that escaped its own <noscript> markup), not prose.
_MARKUP = regex(r"""^<[a-z][a-z0-9]*(?:\s+[a-z_:][-a-z0-9_:.]*(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*"""
                r"""\s+[a-z_:][-a-z0-9_:.]*=(?:"[^"]*"|'[^']*'|[^\s"'>]+)\s*/?>$""", re.I)
# A dateline is a date or a time and little else: after the words of dates (months, weekdays,
# "updated", zone names) at most a few words remain ("Rome", "By the desk").
_DATE_OR_TIME = regex(r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.h]\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_WORD = regex(r"[^\W\d_]+")
_DATE_WORDS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre
    octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março
    maio junho julho setembro outubro novembro dezembro januari februari maart mei augustus
    monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi
    dimanche lunes martes miércoles jueves viernes sábado domingo
    am pm a m p m et pt ct mt utc gmt est edt cst cdt mst mdt pst pdt bst cet cest uhr h
    published updated posted last modified on at de del le der am um à às em
    aktualisiert veröffentlicht publié mis jour actualizado publicado atualizado aggiornato pubblicato
    січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
    يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
    оновлено опубліковано обновлено опубликовано güncelleme güncellendi yayınlanma yayınlandı
    تحديث آخر نشر في
""".split())


# "Posted by", "Publicado por": a credit line wherever it starts.
_CREDITED = regex(r"\b(?:posted|published|written|publicado|escrito|publié|écrit|veröffentlicht|geschrieben|"
                  r"pubblicato|scritto)\s+(?:by|por|par|von|da|door)\b")


def clean(page: Page) -> Article:
    root = parse_document(page.html, page.source, page.utf8)
    metadata = extract_metadata(root, page.url)
    posts = find_entries(root)  # before scripts go: it reads the liveBlogUpdate JSON-LD
    strip_never_content(root)
    page_path = _path(metadata.url or page.url)
    parts = locate(root, page_path, posts)
    blocks, entries = build_blocks(parts, posts, page_path)
    blocks = list(tidy(blocks, metadata))
    if not blocks:
        raise CleanError(page.source, "no article text found in the page")
    return Article(
        source=page.source,
        url=metadata.url or page.url,
        metadata=metadata,
        blocks=tuple(blocks),
        entries=tuple(entries),
    )


def _path(url: Optional[str]) -> Optional[str]:
    """The path of the page's address, which its own permalinks repeat; with its query where the query
    names the article ("/news/articleView.html?idxno=208417": every story of the site has that path)."""
    if not url:
        return None
    parts = urlsplit(url)
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p))
    return (parts.path + "?" + query if query else parts.path) or None


# Query parameters that say where a reader came from, not which page this is.
_TRACKING = regex(r"(?:utm_\w*|fbclid|gclid|mc_\w+|ref|ref_src|src|source|cmp|ito|at_\w+|share|output|amp)=", re.I)


_NON_WORDS = regex(r"\W+")


def _fold(text: str) -> str:
    return _NON_WORDS.sub(" ", text).strip().lower()


def tidy(blocks: list[Block], metadata: Metadata) -> Iterable[Block]:
    """Drop the headline repeated at the top, bylines, datelines, standalone furniture labels and
    a press release's boilerplate after its text."""
    title = _fold(metadata.title or "")
    authors = {_fold(a) for a in metadata.authors}
    # A dateline is printed once, above the story; a date or time label that recurs down the
    # body ("Posted at 09:41", "Tuesday 14 March") is the structure of a liveblog: kept.
    shapes: dict[str, int] = {}
    for block in blocks:
        if len(block.text) < 100 and _DATE_OR_TIME.search(block.text):
            shape = _date_shape(block.text)
            shapes[shape] = shapes.get(shape, 0) + 1
    title_words = set(title.split())
    running = _running_lines(blocks, metadata)
    site = _fold(metadata.site_name or "")
    end = _end_mark(blocks)
    owners: Optional[set[str]] = None

    def who() -> set[str]:
        """Whom an "About ..." section may present: the site, its authors, "us". Only on a page that
        marks itself as a press release (an end mark, notes to editors, a media contact); elsewhere
        "About <the company>" may be the story's own section. Worked out on the first such label."""
        nonlocal owners
        if owners is None:
            release = end < len(blocks) or any(_boilerplate(b.text, b.lead) for b in blocks if len(b.text) < 160)
            owners = {"", "us", "uns", "nous", "nosotros", "nós", "nos", "noi", "ons", site} | authors if release \
                else set()
        return owners

    headline = _headline_at(blocks, title, title_words, site)
    seen_prose = False
    section: Optional[int] = None  # the rank of the boilerplate section being dropped (7: a label line)
    carry_break = False  # a dropped block passes its <hr> on to the next kept one
    yielded = False

    def header_line(line: str, heading: Optional[int]) -> bool:
        """The headline again, a line of it, a byline or a one-off dateline."""
        folded = _fold(line)
        # The headline: the title again, a line of it, or an <h1> worded like it (an <h1> about
        # something else, "Situation overview" in a report, is a section heading).
        if title and (folded == title or _piece_of(folded, title_words) or (
                heading == 1 and (folded == site or not _off_title(folded, title_words)))):
            return True
        return len(line) < 120 and (_is_byline(line, authors) or (
            _is_dateline(line) and shapes.get(_date_shape(line), 0) < 2))

    for n, block in enumerate(blocks):
        if n >= end:
            break
        text = block.text
        if block.type in ("paragraph", "list_item") and text.endswith(")") and "(" in text:
            text = _CREDIT_TAIL.sub("", text)  # "...said. (Reporting by X; Editing by Y)"
            if text != block.text:
                block = replace(block, text=text)
        heading = block.level if block.type == "heading" else None
        # A label: a heading, or a short line all in emphasis ("<p><b>Notes to editors</b></p>").
        label = heading is not None or (len(text) < 80 and block.lead is not None and _fold(block.lead) == _fold(text))
        if section is not None and label and (heading or 7) <= section:
            section = None  # a heading of the same rank or higher ends the boilerplate section
        short = len(text) < 160  # labels, bylines and headlines are short; prose is not re-examined
        drop = section is not None
        drop = drop or (short and (not _fold(text) or bool(_LABEL.match(text)) or bool(_MARKUP.match(text))
                                   or bool(_COUNTERS.match(text))))
        # Above the headline: the kicker, a live badge, section links ("Live · World"), never a sentence.
        drop = drop or (n < headline and len(text) < 80 and not _SENTENCE_END.search(text))
        drop = drop or n in running or (len(text) < 400 and heading is None and is_credit_line(text))
        # a sponsor's slot ("Sponsored · A Hardware Store – 20% off ..."); the writer's address after the story
        drop = drop or (short and heading is None and (bool(_SPONSOR_LINE.match(text))
                                                        or (seen_prose and _contact_line(text, authors))
                                                        or (seen_prose and "/" in text and _dispatch_code(text))))
        if not drop and len(text) < 300 and heading is None:
            # A photo's caption ends with its credit; a line that tells the reader to click speaks
            # about the page, not the story (when it opens the body, or is set apart in emphasis).
            tail = text[-80:]
            credit = (":" in tail or " by " in tail or " via " in tail or " from " in tail or "courtesy" in tail) \
                and bool(_PICTURE_CREDIT.search(text))
            drop = credit or _link_list(text) or (bool(_CLICK.match(text)) and (
                not yielded or (block.lead is not None and _fold(block.lead) == _fold(text))))
        if not drop and seen_prose and short:
            kind = _boilerplate(text, block.lead, who)
            if kind == "section":  # the whole block is the label: what follows it goes too
                section = heading or 7
            drop = kind is not None
        if not drop and not seen_prose and short:
            drop = header_line(text, heading)
        if not drop and not seen_prose and "\n" in text and len(text) < 400:
            # A story's header set as lines of one block (<font>s and <br>s): headline, byline, date.
            lines = text.split("\n")
            kept = [line for line in lines if not header_line(line, None)]
            if len(kept) < len(lines):
                drop = not kept
                lead = block.lead if block.lead and kept and kept[0].startswith(block.lead) else None
                block = replace(block, text="\n".join(kept), lead=lead)
                text = block.text
        if drop:
            carry_break = carry_break or block.after_break
            continue
        if carry_break and not block.after_break and yielded:
            block = replace(block, after_break=True)
        carry_break = False
        if heading is None and len(text) >= 80:
            seen_prose = True
        yielded = True
        yield block


# An advertisement's label run into the advertisement: the label, a separator, the sponsor and the offer.
_SPONSOR_LINE = regex(
    r"^(?:sponsored(?: by)?|advertisement|advertorial|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|"
    r"paid (?:post|content|partnership)|promoted)\s*[·•|:–—-]\s*\S.{0,150}$", re.I)
_EMAIL = regex(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")
_REACH = regex(r"\b(?:can be (?:reached|contacted|emailed)|(?:reach|contact|email|e-mail) (?:him|her|them|the "
               r"(?:author|writer|reporter)) at|(?:ist|sind) (?:erreichbar|zu erreichen) unter|"
               r"(?:peut|peuvent) être (?:joints?|contactée?s?) à)\b", re.I)


def _contact_line(text: str, authors: set[str]) -> bool:
    """ "Jane Roe can be reached at jroe@example.com": how to write to the story's author, not the story."""
    if "@" not in text or not _EMAIL.search(text):
        return False
    folded = _fold(text)
    return any(a and a in folded for a in authors) or bool(_REACH.search(text))


_SENTENCE_END = regex(r"[.!?…。！？]['\"”’»)]*$")


def _headline_at(blocks: list[Block], title: str, title_words: set[str], site: str) -> int:
    """Where the story's headline (an <h1> worded like the page's title) stands, if it comes before any
    prose; else 0. What is printed above it is a kicker, a badge or section links, not the story."""
    if not title:
        return 0
    for n, block in enumerate(blocks):
        if block.type == "heading" and block.level == 1:
            folded = _fold(block.text)
            if folded == title or (folded != site and not _off_title(folded, title_words)):
                return n
        elif block.type != "heading" and len(block.text) >= 80:
            return 0
    return 0


# Counters printed under a post or a story: "41.2K views · 318 forwards", "12 comments", "4 min read".
_COUNT_WORDS = (
    r"views?|likes?|shares?|forwards?|comments?|repl(?:y|ies)|retweets?|reposts?|reactions?|reads?|"
    r"subscribers?|followers?|aufrufe|ansichten|kommentare?|vues|commentaires?|partages|j.aime|vistas|"
    r"visualizaciones|comentarios?|compartidos|me gusta|visualiza[çc][õo]es|coment[áa]rios?|curtidas|"
    r"visualizzazioni|commenti|condivisioni|weergaven|reacties|просмотр\w*|комментари\w*|репост\w*|"
    r"перегляд\w*|коментар\w*|okunma|görüntülenme|yorum(?:lar)?|مشاهدات|مشاهدة|تعليقات?"
)
_COUNTERS = regex(
    r"^\W*(?:(?:\d[\d.,\s]*[kmKM]?\s*(?:" + _COUNT_WORDS + r")"
    r"|\d+\s*(?:min(?:ute)?s?\.?|minuten)\s*(?:read|lesezeit|de lecture|de lectura|de leitura|di lettura)"
    r"|(?:lesezeit|lecture|lectura|leitura|lettura|reading time)\s*:?\s*\d+\s*min\w*\.?"
    r"|(?:" + _COUNT_WORDS + r")\s*:\s*\d[\d.,\s]*[kmKM]?)\W*)+$", re.I)  # "Views: 14 218"
# A photo's credit closing its caption: "... at 11am today. Picture: Met Centre", "(Photo: AP)".
_PICTURE_CREDIT = regex(
    r"(?:^|[.!?]\s+|\s[|/·–—-]\s*|\()\s*(?:picture|photo(?:graph)?|image|foto(?:graf[íi]a)?|bild|"
    r"cr[ée]dit(?:o)?(?: photo)?|photo credit)s?\s*(?::|by\b)\s*[^.!?:]{2,60}\)?$"
    # "... at 8.30am. Reader photo via WhatsApp.": who took it, and how it reached the newsroom
    r"|(?:^|[.!?]\s+)(?:[^\W\d_]+\s+)?(?:picture|photo|image|video|foto)\s+(?:via|from|courtesy(?: of)?)\s+[^.!?:]{2,40}\.?$",
    re.I)
# "Click here to see the interactive map": an instruction about the page, in several languages.
_CLICK = regex(
    r"^(?:click|tap|press) (?:here|on (?:the|this) (?:link|image|map|button))|^(?:klicken|tippen) sie (?:hier|auf)|"
    r"^hier klicken|^cliquez (?:ici|sur)|^(?:haga|haz) clic (?:aqu[íi]|en)|^pulse (?:aqu[íi]|en)|"
    r"^clique (?:aqui|em)|^clicca (?:qui|sul)|^klik (?:hier|op)", re.I)
# A label that introduces a list of links ("Related stories:", "See also:", "Lesen Sie auch:").
_LIST_LABEL = regex(
    r"^(?:related(?: stories| articles| coverage| links)?|see also|read more|more on this(?: story)?|"
    r"more (?:stories|news)|most read|trending|don'?t miss|also read|mehr zum thema|lesen sie auch|"
    r"das k[öo]nnte sie auch interessieren|[àa] lire aussi|lire aussi|sur le m[êe]me sujet|"
    r"te puede interesar|lea tambi[ée]n|noticias relacionadas|leia tamb[ée]m|veja tamb[ée]m|leggi anche|"
    r"potrebbe interessarti|lees ook|gerelateerd|read also|read next|voir aussi|lisez aussi|siehe auch|"
    r"auch interessant|vea tambi[ée]n|ver tambi[ée]n|vedi anche|per approfondire|bekijk ook|zie ook)\s*:?$", re.I)


def _link_list(text: str) -> bool:
    """A block of lines under a "Related stories:" label: teaser headlines, however many."""
    if "\n" not in text:
        return False
    first, *rest = text.split("\n")
    return bool(_LIST_LABEL.match(first.strip())) and all(len(line) < 150 for line in rest)


# The boilerplate a press release carries after its text: notes to editors, media contacts
# and "About <the organisation>", in the languages we meet most (matched on folded text).
_BOILERPLATE = regex(
    r"^(?:notes? (?:to|for) (?:the )?editors?|"
    r"(?:media|press) (?:contacts?|enquiries|inquiries|office|information)|"
    r"contacts? (?:for (?:the )?)?(?:media|press)|for (?:further|more) information(?: please)?(?: contact)?|"
    r"notes? (?:aux|pour les|à l attention des) (?:rédactions?|rédacteurs|éditeurs|journalistes)|"
    r"contacts? (?:presse|médias)|relations? (?:presse|médias)|"
    r"hinweise? (?:für|an) (?:die )?redaktion(?:en)?|anmerkungen? für (?:die )?redaktion(?:en)?|"
    r"pressekontakt|medienkontakt|pressestelle|für rückfragen|"
    r"notas? (?:para|a) (?:los |las |la )?(?:editores|redacciones|redacción)|"
    r"contactos? (?:de|con|para) (?:prensa|medios)|para más información|"
    r"notas? (?:aos|para os) editores|nota à redação|contatos? (?:de|para a|com a) imprensa|"
    r"contactos? (?:de|para a) imprensa|assessoria de imprensa|para mais informações|"
    r"note? per (?:la redazione|i redattori|gli editori)|contatt[oi] (?:stampa|per la stampa)|ufficio stampa|"
    r"per ulteriori informazioni|noot voor de redactie|noten voor de redactie|perscontact|voor meer informatie)$")
_ABOUT = regex(
    r"^(?:about|à propos(?: d(?:e|u|es))?|a propos(?: d(?:e|u|es))?|über|acerca de|sobre|a proposito di|"
    r"informazioni su|over)(?: (.*))?$")
_ABOUT_AUTHOR = regex(r"^(?:the authors?|l auteur|l autrice|den autor|die autorin|die autoren|el autor|"
                      r"la autora|los autores|o autor|a autora|os autores|l autore|gli autori|de auteurs?)$")
# The words those labels open with.
_BOILERPLATE_FIRST = frozenset("""
    notes note media press contact contacts for relation relations hinweis hinweise anmerkung anmerkungen
    pressekontakt medienkontakt pressestelle für nota notas contacto contactos para contato contatos assessoria
    noot noten perscontact voor ufficio contatti contatto per about à a über acerca sobre informazioni over
""".split())
# A release's dispatch code after its text: fields of a few words between slashes, one a date
# ("Press Bureau Westport / AK / 03.04.2025", "XNA/ab/12-03-2024"): filing data, not a sentence.
_DISPATCH_DATE = regex(r"\d{1,2}[.-]\d{1,2}[.-](?:\d{2}|\d{4})")


_PUNCTUATED = regex(r"[.!?;:,]\s|[!?;:,]$")  # a field that holds a sentence's punctuation is prose


def _dispatch_code(text: str) -> bool:
    fields = [f.strip() for f in text.split("/")]
    return 3 <= len(fields) <= 5 and all(0 < len(f.split()) <= 4 and not _PUNCTUATED.search(f)
                                         for f in fields) and any(_DISPATCH_DATE.fullmatch(f) for f in fields)
# A press release's end mark: "###", "-30-", "ENDS", "- Ende -".
_END_MARK = regex(r"^[\s*_–—-]*(?:#{3,}|[-–—]\s*30\s*[-–—]|ends?|fin|ende|einde)[\s*_.–—-]*$", re.I)


def _boilerplate(text: str, lead: Optional[str], owners: Optional[Callable[[], set[str]]] = None) -> Optional[str]:
    """"section" for a label that opens press-release boilerplate ("Notes to editors", "About
    <the site or author>"), "line" for a line that opens with one ("Media contact: ..."), else None.
    Without `owners`, only the labels no article uses for itself count (no "About ...")."""
    first = text.split(None, 1)[0].lower().strip(":.-–—*#") if text.strip() else ""
    if first not in _BOILERPLATE_FIRST:  # cheap: most lines open with no such word
        return None
    folded = _fold(text)
    if _BOILERPLATE.match(folded) or (owners and _about(folded, owners)):
        return "section"
    head = lead or text.partition(":")[0]
    if head is not text and (_BOILERPLATE.match(_fold(head)) or (owners and _about(_fold(head), owners))):
        return "line"
    return None


def _about(folded: str, owners: Callable[[], set[str]]) -> bool:
    """"About us", "About <the publisher>", "Über den Autor": a who-we-are section, not the story."""
    m = _ABOUT.match(folded)
    if not m:
        return False
    subject = m.group(1) or ""
    return bool(_ABOUT_AUTHOR.match(subject)) or subject in owners()


def _end_mark(blocks: list[Block]) -> int:
    """Where a press release's "###" or "ENDS" stands after its text: what follows is boilerplate.

    Only an end mark with less text after it than before it counts: a rule between two halves
    of an article is not the end of it."""
    total = sum(len(b.text) for b in blocks)
    before = 0
    for n, block in enumerate(blocks):
        if before and len(block.text) < 20 and _END_MARK.match(block.text):
            return n if total - before - len(block.text) < before else len(blocks)
        before += len(block.text)
    return len(blocks)


# The roles a wire story credits at its end: "(Reporting by X in Y; additional reporting by Z;
# Editing by W)", "Writing by", "Compiled by", and the same in the languages we meet most.
_CREDIT_ROLE = (
    r"(?:(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|reported|written|edited|compiled|produced|"
    r"fact-?checked|translated|research|graphics?|photos?|video|posted|published)\s+by"
    r"|(?:reporter|autor|autorin|redaktion|mitarbeit|bearbeitung|übersetzung)\s*:"
    r"|(?:bericht|redigiert|bearbeitet|geschrieben|übersetzt|zusammengestellt|mit material|eingestellt|"
    r"veröffentlicht)\s+von"
    r"|(?:reportage|rédigé|rédaction|édité|edité|écrit|traduit|compilé|version française|publié|posté)"
    r"(?:\s+(?:par|de))?"
    r"|(?:reporte|reportaje|información|informaci[oó]n|redacci[oó]n|editado|escrito|traducido|compilado|publicado|"
    r"reportagem|reda[cç][aã]o|edi[cç][aã]o|traduzido)(?:\s+(?:en\s+espa[nñ]ol\s+)?(?:de|por))"
    r"|(?:hanno\s+collaborato|servizio\s+di|tradotto\s+da|scritto\s+da|a\s+cura\s+di|redatto\s+da|"
    r"pubblicato\s+da)"
    r"|(?:verslag|geschreven|bewerkt)\s+door)"
)
_CREDIT_START = regex(r"^\(?\s*" + _CREDIT_ROLE + r"\s+", re.I)
_CREDIT_ANY = regex(r"(?:^|[;,(]\s*|\band\s+)" + _CREDIT_ROLE + r"\s*", re.I)
_CREDIT_TAIL = regex(r"\s*\(\s*" + _CREDIT_ROLE + r"\s[^()]{2,250}\)$", re.I)
# Words that may stand lower-case inside a list of names, places and desks.
_NAME_GLUE = frozenset("in and und et y e en i from de du des la le da di von van der del with avec con mit the "
                       "desk staff team bureau newsroom".split())


def is_credit_line(text: str) -> bool:
    """A wire credit ("(Reporting by Mira Holt in Sarn; Editing by Tom Reyes)"): a credit role
    followed by names and places only. "Reporting by the ministry showed that..." is a sentence:
    once the roles are gone, its words are not capitalised names."""
    if not _CREDIT_START.match(text):
        return False
    if text.startswith("(") and text.endswith(")"):
        return True
    rest = _CREDIT_ANY.sub(" ", text)
    words = [w for w in _WORD.findall(rest) if w.lower() not in _NAME_GLUE]
    return bool(words) and len(words) <= 30 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# A page number as a line of its own or at either end of a running header or footer.
_PAGE_NUMBER = regex(
    r"(?:^|[|•·–—-]\s*)(?:page|seite|p[áa]gina|pag\.|pág\.|p\.|стр\.?|страница)\s*\d+"
    r"(?:\s*(?:of|von|de|sur|di|/|из)\s*\d+)?\s*(?:$|[|•·–—-])", re.I)
_NUMBERS = regex(r"\d+")
_EDGE_NUMBERS = regex(r"^\W*(\d*)\D.*?\D(\d*)\W*$", re.S)


def _running_lines(blocks: list[Block], metadata: Metadata) -> set[int]:
    """Running headers and footers of a document exported from Word or PDF.

    A page number line ("Page 2 of 3") is one wherever it stands. Otherwise the sign is
    recurrence: a short line printed again and again with only its numbers changing, that
    repeats the document's own name (its title or publisher). Recurring lines that name
    nothing of the document ("Posted at 09:41", "Update 2") are a liveblog's or an update
    list's structure, and stay.
    """
    identity = set(_fold(" ".join(filter(None, (metadata.title, metadata.site_name)))).split())
    found: set[int] = set()
    shapes: dict[str, list[int]] = {}
    for n, block in enumerate(blocks):
        text = block.text
        if block.type == "heading" or len(text) > 150 or ("|" not in text and not _NUMBERS.search(text)):
            continue  # a running line carries a page number or a separator
        if _PAGE_NUMBER.search(text):
            found.add(n)
            continue
        shapes.setdefault(_NUMBERS.sub("0", _fold(text)), []).append(n)
    for shape, members in shapes.items():
        if len(members) < 2:
            continue
        words = [w for w in shape.split() if w != "0" and len(w) > 2]
        if len(words) < 2 or sum(w in identity for w in words) < 0.5 * len(words):
            continue
        lines = [blocks[n].text for n in members]
        # A page number sits at an edge of the line and changes; a score or a count inside a
        # sentence-like line ("Goal! Ardmore 2-1 Kessel") is the news, and stays.
        edges = {(m.group(1), m.group(2)) for m in map(_EDGE_NUMBERS.match, lines) if m}
        if (len(edges) == len(lines) and len(edges) > 1) or (len(set(lines)) == 1 and "|" in lines[0]):
            found.update(members)
    return found


def _off_title(folded: str, title_words: set[str]) -> bool:
    """A heading that shares at most half its words with the title: a section heading, not the headline."""
    words = folded.split()
    return bool(words) and sum(w in title_words for w in words) <= 0.5 * len(words)


def _piece_of(folded: str, title_words: set[str]) -> bool:
    """A line of the headline set apart (a title and subtitle printed on two lines, a kicker):
    every word of it is in the title, and there are a few of them."""
    words = folded.split()
    return len(words) >= 3 and all(w in title_words for w in words)


_CREDIT_WORD = regex(r"^(?:by|von|par|por|di|door|av|af)\s")


def _is_byline(text: str, authors: set[str]) -> bool:
    """"By Jane Doe and John Roe", "Posted by jdoe": a credit word followed by names.

    Names are capitalised; "By Tuesday evening the river had risen" is a sentence.
    """
    folded = _fold(text)
    if _CREDITED.search(folded):
        return True
    if _CREDIT_WORD.match(folded):
        # the date a byline often carries ("By X, Public Affairs | Sept. 15, 2023") is no part of the names
        words = [w for w in _WORD.findall(text)[1:] if w.lower() not in _DATE_WORDS]
        if words and len(words) <= 10 and sum(w[0].isupper() for w in words) * 2 >= len(words):
            return True
    return bool(authors) and any(a and folded.startswith(a) for a in authors) and len(folded) < 80


_NON_DIGITS = regex(r"\D+")


def _date_shape(text: str) -> str:
    """"Posted at 09:41" and "Posted at 22:15" alike: digits and date words reduced to one sign each."""
    words = [("D" if w.lower() in _DATE_WORDS else w.lower()) for w in _WORD.findall(text)]
    return _NUMBERS.sub("0", " ".join(words) + " " + _NON_DIGITS.sub(" ", text).strip())


def _is_dateline(text: str) -> bool:
    if len(text) > 100 or not _DATE_OR_TIME.search(text):
        return False
    return sum(1 for w in _WORD.findall(text) if w.lower() not in _DATE_WORDS) <= 2
