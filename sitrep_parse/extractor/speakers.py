"""Who said it: noun phrases around reporting verbs, and who "he" or "the ministry" is.

News writing attributes a quotation in a handful of ways: a reporting verb beside it
("…,” X said / said X / X said: “…” / X told reporters “…”), "according to X", or a
participle hanging off the sentence's subject ("…, saying “…”"). The speaker is the
subject of that verb, and the subject is a noun phrase that may be:

- a person's name, often wrapped in titles and descriptions ("Ministry spokesman Col.
  Anton Weir", "Nora Quist, the state prosecutor for ..., said"); the article names a
  person in full once and by surname after, so a surname is expanded to the full name the
  article gave earlier ("Brandt" -> "Tomas Brandt", "Ms Varga" -> "Lena
  Varga");
- a body ("Norland's Foreign Ministry", "Russia's foreign ministry", "the Arab League"),
  recognised by an institution noun;
- a pronoun or a description ("she", "the minister", "the actor", "the ministry", "the
  report"), resolved to the nearest fitting named speaker or subject before it: a title
  the article gave that person ("Foreign Minister X" -> "the minister"), a body with the
  same head noun, else the latest person or body the narrative was about;
- an unnamed source ("an officer", "one mother", "prosecutors", "a senior diplomat"):
  the quotation has no named speaker, and "the diplomat" afterwards stays unnamed.

Everything is decided from word shapes (capitals, possessives, determiners) and small
closed vocabularies (reporting verbs, titles, institution and person nouns) in English,
German, French and Spanish; nothing refers to particular names or sites.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

# --------------------------------------------------------------------------- vocabularies

# Reporting verbs are found by looking words up in sets: one pass of a simple word pattern over
# a sentence costs a fraction of a large alternation compiled with IGNORECASE.
FINITE_VERBS = frozenset("""
said says say told tells tell added adds wrote writes stated states warned warns declared declares
announced announces noted notes insisted insists explained explains argued argues claimed claims
tweeted tweets posted posts asked asks replied replies responded responds answered continued continues
recounted testified acknowledged acknowledges admitted admits recalled recalls shouted shouts yelled
screamed ordered urged urges called calls described describes reiterated reiterates reported reports
conceded complained cautioned stressed stresses emphasised emphasized observed remarked confirmed
confirms suggested suggests predicted vowed vows pledged promised demanded quipped joked blasted
texted emailed messaged ruled rules accused accuses criticised criticized criticises criticizes condemned
condemns denounced denounces praised praises welcomed welcomes slammed hailed dismissed defended branded
labelled labeled characterised characterized alleged alleges countered agreed agrees maintained maintains
mused wondered chimed read reads whispered pleaded boasted lamented cried
sagte sagt sagten erklärte erklärt erklärten betonte betont schrieb schreibt teilte teilt fügte
meinte meint warnte warnt forderte fordert kritisierte berichtete berichtet bestätigte so
déclare dit affirme ajoute indique explique souligne estime précise assure
dijo afirmó declaró señaló añadió explicó aseguró indicó advirtió
""".split())
# French compound past: "a déclaré", "ont dénoncé" ...
_FR_PAST_PARTICIPLES = frozenset("""
déclaré dit affirmé ajouté indiqué expliqué souligné estimé précisé assuré dénoncé annoncé confirmé réagi
rappelé écrit tweeté regretté critiqué averti prévenu insisté jugé qualifié martelé lancé répondu reconnu
admis promis
""".split())
PARTICIPLES = frozenset("""
saying adding noting telling calling warning writing describing insisting arguing explaining stressing
declaring urging asking recalling acknowledging admitting claiming complaining replying tweeting posting
sagend disant ajoutant diciendo añadiendo
""".split())
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


class VerbMatch:
    """A reporting verb found in a text, shaped like a regex match: group("fin") or group("part")."""

    __slots__ = ("_start", "_end", "_fin", "_part")

    def __init__(self, start: int, end: int, fin: Optional[str], part: Optional[str]) -> None:
        self._start, self._end, self._fin, self._part = start, end, fin, part

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: object = 0) -> Optional[str]:
        if name == "fin":
            return self._fin
        if name == "part":
            return self._part
        return self._fin or self._part


def find_verbs(text: str) -> list[VerbMatch]:
    """Every reporting verb in the text, in order."""
    found: list[VerbMatch] = []
    prev = None
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w in FINITE_VERBS:
            found.append(VerbMatch(m.start(), m.end(), m.group(0), None))
        elif w in PARTICIPLES:
            found.append(VerbMatch(m.start(), m.end(), None, m.group(0)))
        elif w in _FR_PAST_PARTICIPLES and prev is not None and prev.group(0).lower() in ("a", "ont"):
            found.append(VerbMatch(prev.start(), m.end(), text[prev.start():m.end()], None))
        prev = m
    return found


def is_reporting_verb(word: str) -> bool:
    w = word.lower()
    return w in FINITE_VERBS or w in PARTICIPLES


ACCORDING_TO = re.compile(r"\b(?:according\s+to|citing|laut|selon|según|zufolge)\s+", re.I)

TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative gov governor president
vice prime minister secretary foreign defence defense interior finance deputy chief general gen col colonel
lt maj major capt captain adm admiral sgt sergeant cpl brig judge justice chancellor king queen prince
princess pope bishop rev reverend father sister brother mayor ambassador envoy commissioner director chair
chairman chairwoman chairperson spokesman spokeswoman spokesperson host coach manager officer det detective
inspector superintendent attorney premier speaker leader senior acting former emir sheikh ayatollah herr
frau monsieur madame mme oberst sprecher sprecherin ministerin präsident präsidentin kanzler kanzlerin
botschafter botschafterin leiter leiterin direktor direktorin chef chefin lehrer lehrerin ministre porte
parole président présidente général colonel señor señora presidente ministro ministra portavoz
state assistant associate executive head correspondent analyst economist lawmaker congressman
congresswoman councillor councilman councilwoman chancellor sheriff marshal commander corporal private
""".split())
_TITLE_SUFFIXES = ("meister", "meisterin", "minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "direktor",
                   "direktorin", "kanzler", "kanzlerin", "botschafter", "botschafterin", "leiter", "leiterin",
                   "chef", "chefin", "general", "kommandeur", "sekretär", "sekretärin")

INSTITUTIONS = frozenset("""
ministry ministries office department agency authority authorities league council commission committee
court embassy consulate government army police staff command cooperative co-operative union party bank fund
university institute association organization organisation federation bureau service services
administration prosecution house kremlin pentagon parliament senate congress assembly mission company
corporation inc ltd group board center centre foundation network tribunal secretariat directorate forces
guard navy coastguard military hospital school club team channel alliance coalition cabinet presidency
palace unit division brigade regiment observatory monitors secretariat nations commission cross crescent
campaign firm party junta regime delegation court observer programme program
ministerium regierung behörde polizei armee generalstab bundeswehr botschaft verband partei kommission
rat amt stab streitkräfte gewerkschaft ministère gouvernement armée ambassade commission fédération syndicat
préfecture mairie conseil agence parquet cour ministerio gobierno ejército embajada federación sindicato
report statement readout letter release communique communiqué study survey memo indictment complaint filing
ruling document documents website post
""".split())
# Nouns any kind of organisation is called by: "the company said" is the last organisation named.
_GENERIC_BODIES = frozenset("company firm group organisation organization operator business corporation club team "
                            "charity union party".split())
# Documents speak for whoever issued them: "the report said" is the ministry that issued it.
DOCUMENTS = frozenset("report statement readout letter release communique communiqué study survey memo "
                      "indictment complaint filing ruling document documents website post".split())
_INSTITUTION_SUFFIXES = ("ministerium", "behörde", "regierung", "stab", "stabs", "kommando", "amt", "amts")

PERSON_NOUNS = frozenset("""
spokesman spokeswoman spokesperson official officials minister president diplomat diplomats officer officers
actor actress singer star mother father parent parents resident residents witness witnesses judge judges
prosecutor prosecutors analyst analysts expert experts source sources aide aides adviser advisers advisor
advisors lawyer lawyers attorney attorneys director chief commander soldier soldiers doctor doctors nurse
teacher student worker workers man woman men women boy girl chair chairman chairwoman host coach manager
player leader leaders lawmaker lawmakers senator governor mayor ambassador envoy negotiator negotiators
economist professor researcher researchers scientist executive executives founder owner farmer farmers
driver drivers survivor survivors victim neighbour neighbor friend colleague son daughter wife husband
veteran journalist reporter correspondent editor candidate activist activists volunteer protester
protesters guard guards inmate investigator investigators detective agent pilot captain crew fisherman
skipper monitor observer observers mediator representative secretary premier chancellor king queen prince
general colonel boss member members citizen citizens villager villagers official's staffer staffers
employee employees user users customer customers patient patients father-in-law refugee refugees
evacuee evacuees medic medics paramedic rescuer rescuers engineer engineers
sprecher sprecherin lehrer lehrerin anwohner anwohnerin bewohner zeuge zeugin beamter experte expertin
mutter vater ministerin präsident präsidentin porte-parole ministre habitant habitante témoin portavoz
vecino vecina testigo
""".split())
_AGE = re.compile(r"^\d{1,3}-year-old$")
PERSON_SINGULAR_S = frozenset("boss witness actress mistress".split())
_AFTER_NOUN = frozenset("who which that whose in on at to from with by near into inside outside".split())
_SPLIT_AT = frozenset("of for at des der du de from with aus von by in".split())

_DEFINITE = frozenset("the this that these those der die das den dem des le la les l el los las".split())
_POSSESSIVE_DET = frozenset("his her its their our my your sein seine ihr ihre son sa ses leur su sus".split())
_INDEFINITE = frozenset("a an one another some several two three four many other ein eine einer einem "
                        "un une des uno una unos unas".split())
PRONOUNS = {
    "he": "person", "she": "person", "er": "person", "il": "person", "elle": "person", "él": "person",
    "ella": "person", "it": "body", "es": "body", "they": "any", "sie": "any", "ils": "any", "elles": "any",
    "ellos": "any", "we": "any", "i": "any",
}
# Capitalised words that start sentences or clauses without being names.
NOT_NAMES = frozenset("""
the a an in on at but and or if when while after before this that these those it he she they we i you his her
its their our my your as for from with without by to of since despite although though because however
meanwhile even still yet then there here what who whom whose which where why how some many most all both each
every no not last next first early late earlier later also only just now today yesterday tonight tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec speaking asked
according under over upon during instead asked further among once again one two three several other another
update updated edit breaking live watch read see photo video image
der die das ein eine und oder aber wenn als nach vor im am um es sie er wir ich man auch noch
le la les un une et ou mais dans pour sur avec selon
el los las y pero en con para según
""".split())
_PREFIXED_NAME = re.compile(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|de|da|di|du|van|von|le|la|d|o)[-’'][A-ZÀ-Þ]")
_FIRST_NAME_MONTHS = frozenset("jan april may june august".split())  # also first names: "Jan Orsolo"
_CONNECT_LOWER = frozenset("of for the de du des van von der den da di del della dos das la le bin ibn al el "
                           "ter ten zu y".split())
_NAME_PARTICLES = frozenset("van von der den de du da di del della dos das la le bin ibn al el ter ten zu".split())
_ADVERBS = frozenset("""
also later then previously once again allegedly reportedly repeatedly publicly privately quickly tearfully
angrily quietly recently earlier has have had was were is are will would has been had been also
separately further first initially subsequently immediately finally simply only just still already
auch noch bereits
""".split())

_INITIAL = re.compile(r"[A-Z]\.")
_SPACES = re.compile(r"\s+")
LEADING_ARTICLE = re.compile(r"^(?:the|die|der|das|le|la|les|el|los|las)\s+", re.I)
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|its)?\s*((?:[\w’'\-.]+\s+){0,6}?[\w’'\-]+)\s*,")
_RELATIVE = re.compile(r",\s*(who|which|whose|that)\b[^,;]*,\s*$")
_NO_WORDS = re.compile(r"[\W\d]*")
_CODE_LIKE = re.compile(r"[\d\-]|\.$")
DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_OBJECT_END = re.compile(r"\s(?:who|which|whose|that|as|in|at|on|after|before|from|aus|vor|bei|mit|to|during|while|"
                         r"when|posted|speaking|adding|saying|noting|told)\s")
_TOKEN = re.compile(r"[^\s,;:()\[\]“”\"„«»]+")
_WORD_CHARS = re.compile(r"[\w’'\-.&]+")
# quotes.py replaces each quotation in a sentence by one private-use character (a "hole"),
# so attribution patterns see "“…”, she said" as one token whatever the quotation holds.
HOLE_BASE = 0xE000
QUOTE_HOLE = re.compile("[\ue000-\ue8ff]")
CLAUSE_BREAK = re.compile(
    r"(?:[;:—–]|\s-\s|\b(?:and|but|or|that|which|what|while|when|where|because|after|before|if|although|"
    r"whereas|since|und|aber|dass|weil|et|mais|que|qui|y|pero)\b)",
    re.I,
)
INTRO_START = frozenset("""
in on at after before during speaking according upon despite while when since for with without under asked
earlier later meanwhile however instead still yet also then now today yesterday last this tonight in a
as by from through following amid among following once outside inside
im am nach vor laut bei während dans selon après avant pendant en tras según durante
""".split())


# --------------------------------------------------------------------------- noun phrases


class Mention(NamedTuple):
    """What a noun phrase names: a person, a body, a pronoun, or a description of someone."""

    kind: str  # "person" | "body" | "pronoun" | "desc"
    text: Optional[str] = None  # the name as the article gives it; None for unnamed sources
    head: Optional[str] = None  # descriptions, bodies: the head noun ("minister", "ministry")
    definite: bool = True  # descriptions: "the actor" (a known person) vs "an officer" (unnamed)
    gender: str = "any"  # pronouns: person / body / any
    titles: tuple[str, ...] = ()  # descriptions the article attached to a named person


@lru_cache(maxsize=8192)
def _bare(tok: str) -> str:
    return tok.strip(".,;:!?’'\"").lower()


@lru_cache(maxsize=8192)
def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or (tok[0] in "’'" and len(tok) > 1 and tok[1].isupper()))


@lru_cache(maxsize=8192)
def _is_title(tok: str) -> bool:
    b = _bare(tok).replace("’s", "").replace("'s", "")
    return b in TITLES or (len(b) > 6 and b.endswith(_TITLE_SUFFIXES))


@lru_cache(maxsize=8192)
def _is_institution(tok: str) -> bool:
    b = _bare(tok).replace("’s", "").replace("'s", "")
    return b in INSTITUTIONS or (len(b) > 5 and b.endswith(_INSTITUTION_SUFFIXES))


@lru_cache(maxsize=8192)
def is_person_noun(tok: str) -> bool:
    b = _bare(tok)
    return b in PERSON_NOUNS or bool(_AGE.match(b)) or (len(b) > 6 and b.endswith(("sprecher", "sprecherin")))


def _possessive(tok: str) -> bool:
    return tok.endswith(("’s", "'s", "’", "s’"))


@lru_cache(maxsize=8192)
def _name_token(t: str) -> bool:
    return (_is_cap(t) or bool(_PREFIXED_NAME.match(t))) and not _is_title(t) and not _is_institution(t) \
        and not _possessive(t)


def _name_run(tokens: list[str]) -> list[str]:
    """The trailing run of name-shaped tokens: "Norlandic Foreign Minister Jonas Aalto" -> Jonas Aalto."""
    run: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        t = tokens[i]
        b = _bare(t)
        if _name_token(t) and (b not in NOT_NAMES or (
                b in _FIRST_NAME_MONTHS and run and not t.endswith(".")
                and (i == 0 or _bare(tokens[i - 1]) not in ("in", "on", "since", "of")))):
            run.insert(0, t)
        elif run and b in _NAME_PARTICLES and _particle_ok(tokens, i):
            run.insert(0, t)  # "Van Der Beek", "von der Leyen", "bin Salman"
        else:
            break
        i -= 1
    while run and _bare(run[0]) in _NAME_PARTICLES and not run[0][:1].isupper():
        run.pop(0)
    while len(run) > 2 and (is_person_noun(run[0]) or _is_title(run[0])):
        run.pop(0)  # "Negotiator Saeb Arran" at the start of a sentence
    if run and i == 0 and tokens[0] in ("He",) and len(run) == len(tokens) - 1:
        run.insert(0, tokens[0])  # "He Lin, a former director ...": a surname, not a pronoun
    if run and i > 0 and _bare(tokens[i]) in ("of", "for", "the", "des", "du", "de", "la", "le", "at", "der"):
        return []  # "Minister for the Marine", "Bank of New York": part of a longer proper noun
    return [t if _INITIAL.fullmatch(t) else t.rstrip(",.;:") for t in run]


def _inside_proper_noun(tokens: list[str], i: int) -> bool:
    """Is the connector tokens[i] part of a name ("Ministry of Defense", "Ursula von der Leyen")?"""
    prev, nxt, t = tokens[i - 1], tokens[i + 1], tokens[i]
    if t in ("of", "for", "de", "du") and _is_cap(prev) and _is_cap(nxt) and not _is_title(prev) \
            and not is_person_noun(prev):
        return True
    return t in _NAME_PARTICLES and (_name_token(prev) or prev in _NAME_PARTICLES) and not is_person_noun(prev) \
        and (_is_cap(nxt) or nxt in _NAME_PARTICLES)


def _particle_ok(tokens: list[str], i: int) -> bool:
    """A lower-case particle joins a name between a first name and a surname ("von der Leyen")."""
    b = _bare(tokens[i])
    if b in ("der", "den") and not (i > 0 and _bare(tokens[i - 1]) in ("von", "van")):
        return False
    if tokens[i][:1].isupper():
        return True  # "Van Der Beek", "De Gaulle": a capitalised particle starts the surname
    j = i - 1
    while j >= 0 and _bare(tokens[j]) in _NAME_PARTICLES:
        j -= 1
    return j >= 0 and _is_cap(tokens[j]) and not _is_title(tokens[j]) and not is_person_noun(tokens[j]) \
        and _bare(tokens[j]) not in NOT_NAMES


def _role_noun(tok: str) -> bool:
    """A capitalised role noun in German ("Ärztin", "Anwohner", "Student") ahead of a name."""
    return tok.lower().endswith(("in", "er", "ent", "ant", "ist", "e")) and not tok.isupper()


def _words(text: str) -> list[str]:
    return [_bare(w).replace("’s", "").replace("'s", "") for w in text.split()]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", LEADING_ARTICLE.sub("", text.strip(" ,.;:—–-")))


def analyse_np(np: str) -> Optional[Mention]:
    """One comma-free noun phrase -> what it names (None when it names nothing usable)."""
    np = QUOTE_HOLE.sub(" ", np).strip(" ,.;:—–-()[]")
    tokens = _TOKEN.findall(np)
    if not tokens:
        return None
    for i, t in enumerate(tokens[1:], 1):
        if t in ("who", "which", "whose", "that", "qui", "que", "quien"):
            tokens = tokens[:i]
            break
    det = _bare(tokens[0])
    if len(tokens) == 1 and det in PRONOUNS:
        return Mention("pronoun", gender=PRONOUNS[det])
    # "X of Y": the head is before the first connector that is not inside a proper noun
    # ("Russian Ministry of Defense" stays whole; "a spokesperson for the Foreign Office" splits).
    head, complement, connector = tokens, [], ""
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t in _SPLIT_AT and not _inside_proper_noun(tokens, i):
            head, complement, connector = tokens[:i], tokens[i + 1:], t
            break
    # A description ends at its noun: "a senior diplomat | involved in organising the meeting".
    for i, t in enumerate(head[:-1]):
        nxt = head[i + 1]
        if (is_person_noun(t) or _is_institution(t)) and (nxt in _AFTER_NOUN or (
                nxt[:1].islower() and nxt.endswith(("ing", "ed")) and len(nxt) > 4)):
            head = head[: i + 1]
            break
    run = _name_run(head)
    last = head[-1]
    lastb = _bare(last).replace("’s", "").replace("'s", "")
    possessive_det = _possessive(head[0]) or det in _POSSESSIVE_DET
    if len(run) >= 3 and len(head) == len(run) + 1 and det in _DEFINITE and _role_noun(run[0]):
        run = run[1:]  # "die Ärztin Maria Keller": a capitalised German noun before the name
    if len(run) >= 2:
        titles = tuple(_bare(t) for t in head[: len(head) - len(run)] if _is_title(t) or is_person_noun(t))
        return Mention("person", text=" ".join(run), titles=titles)
    if complement and not run:
        sub = analyse_np(" ".join(complement))
        if sub is not None and (sub.kind == "person" or (sub.kind == "body" and lastb in DOCUMENTS)):
            return sub  # "Deputy Director of Public Prosecution Ana Weiss", "a survey by X"
    proper = all(_is_cap(t) or _bare(t) in _CONNECT_LOWER for t in head[1:]) and len(head) > 1
    if (_is_institution(last) or (proper and any(_is_institution(t) for t in head))) and not _possessive(last):
        named = any(_is_cap(t) and _bare(t) not in NOT_NAMES for t in head)
        words = head
        if connector in ("of", "for", "des", "de", "du", "der") and len(complement) <= 4:
            words = head + [connector] + complement  # "Fédération des pêcheurs de l'Arve"
        text = _clean(" ".join(words))
        inst = [t for t in head if _is_institution(t)]
        return Mention("body", text=text, head=_bare(inst[-1]).replace("’s", "").replace("'s", "") if inst else lastb, definite=named or det in _DEFINITE or possessive_det)
    if len(run) == 1:
        if len(head) == 1 and is_person_noun(run[0]) and _bare(run[0]).endswith("s"):
            return Mention("desc", head=_bare(run[0]), definite=False)  # "Prosecutors said"
        if len(head) == 2 and det in _DEFINITE | _INDEFINITE and is_person_noun(run[0]):
            return Mention("desc", head=_bare(run[0]), definite=det in _DEFINITE)  # "ein Sprecher"
        return Mention("name", text=run[0])  # "Aalto", "Mr. Aalto", "judge Varga", "Ferrari"
    if is_person_noun(last):
        definite = det in _DEFINITE or possessive_det
        plural = lastb.endswith("s") and not lastb.endswith("ss") and lastb not in PERSON_SINGULAR_S
        if plural and not definite:
            definite = False  # "prosecutors", "federal officials": an unnamed group
        if complement:
            sub = analyse_np(" ".join(complement))
            if sub is not None and sub.kind == "body" and sub.text:
                # "a spokesperson for the British Foreign Office" speaks for the office, unless named
                return Mention("desc", head=lastb, definite=definite, titles=(sub.text,))
        if _possessive(head[0]) and len(head) >= 2 and _is_cap(head[0]):
            # "Ukraine's president", "the EU's foreign policy chief": a description that names an office
            return Mention("desc", text=_clean(" ".join(head)), head=lastb, definite=True)
        return Mention("desc", head=lastb, definite=definite)
    if complement:
        sub = analyse_np(" ".join(complement))
        if sub is not None and sub.kind == "body":
            return sub
    return None


# --------------------------------------------------------------------------- names in the article


# Two or more capitalised words in a row (particles allowed between): where full names are.
_CHUNK = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?|[A-Z]\.)(?:\s+(?:(?:van|von|der|den|de|du|da|di|del|della|dos|bin|ibn|al|"
    r"el|ter|ten|zu)\s+)*(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?|[A-Z]\.|(?:al|el|bin|ibn|abu)-[A-ZÀ-Þ][\w’'\-]*))+"
)


def person_names(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(offset, full name, titles) of every person named with two or more words in the text."""
    found = []
    for m in _CHUNK.finditer(text):
        tokens = m.group(0).split()
        run = _name_run(tokens)
        if len(run) < 2 or any(_is_institution(t) for t in run):
            continue
        if any(t.endswith(("’s", "'s")) for t in run):
            continue
        # The words before the chunk: "harbour master Ian Roe", "the Norlandic diplomat Ada Lunde".
        before = text[max(0, m.start() - 40):m.start()].split()
        if len(run) >= 3 and len(run) == len(tokens) and before and _bare(before[-1]) in _DEFINITE and \
                _role_noun(run[0]):
            run = run[1:]  # "die Ärztin Maria Keller"
        titles = [_bare(t) for t in tokens[: len(tokens) - len(run)] if _is_title(t) or is_person_noun(t)]
        for w in reversed(before[-3:]):
            if w.endswith((",", ".", ";", ":")):
                if w.endswith(",") and (is_person_noun(w) or _is_title(w)):
                    titles.append(_bare(w))  # "Norland's president, Karl Ostby"
                break
            if is_person_noun(w) or _is_title(w):
                titles.append(_bare(w))
        end = m.end()
        apposition = _APPOSITION.match(text, end, end + 120)
        if apposition:
            titles += [_bare(t) for t in apposition.group(1).split() if is_person_noun(t) or _is_title(t)]
        name = " ".join(run)
        found.append((m.start() + m.group(0).rfind(run[0]), name, tuple(dict.fromkeys(titles))))
    return found


class Context:
    """What the narrative has named so far: the state pronoun and description resolution reads."""

    __slots__ = ("people", "bodies", "descs", "last_person", "last_name", "last_body", "last_any", "counts",
                 "all_names", "surname_counts", "_by_last")

    def __init__(self) -> None:
        self.people: list[tuple[str, tuple[str, ...]]] = []  # full names with their titles, as spoken of
        self.bodies: list[str] = []
        self.descs: list[tuple[str, Optional[str]]] = []  # (head noun, the person or None)
        self.last_person: Optional[str] = None
        self.last_name: Optional[str] = None  # the latest one-word name that may be a person ("Smith told")
        self.last_body: Optional[str] = None
        self.last_any: Optional[str] = None
        self.counts: dict[str, int] = {}
        self.all_names: list[str] = []  # every full name in the article, in order
        self.surname_counts: dict[str, int] = {}  # how often each capitalised word occurs in the article
        self._by_last: dict[str, list[str]] = {}  # surname -> full names, in article order

    def add_names(self, names: list[str]) -> None:
        """Register the full names the article gives anywhere (for expanding surnames)."""
        for name in names:
            self.all_names.append(name)
            self._by_last.setdefault(name.split()[-1], []).append(name)

    def _candidates(self, parts: list[str]) -> list[str]:
        spoken = [k for k, _ in reversed(self.people) if k.split()[-1] == parts[-1]]
        return spoken + self._by_last.get(parts[-1], [])

    def full_name(self, name: str) -> str:
        """Expand a surname (or a shorter form) to the fullest name the article gives for it: the
        person last spoken of first, else the first the article names."""
        parts = name.split()
        if not parts:
            return name
        for known in self._candidates(parts):
            k = known.split()
            if len(k) > len(parts) and k[-len(parts):] == parts:
                return known
        return name

    def is_known_person(self, name: str) -> bool:
        parts = name.split()
        return bool(parts) and any(k.split()[-len(parts):] == parts for k in self._candidates(parts))

    def note_person(self, name: str, titles: tuple[str, ...] = ()) -> str:
        name = self.full_name(name)
        self.people.append((name, titles))
        for t in titles:
            self.descs.append((t, name))
        self.last_person = self.last_any = name
        self.counts[name] = self.counts.get(name, 0) + 1
        return name

    def note_body(self, name: str) -> str:
        if name != name.lower() or " " in name:  # "the company" alone names nobody new
            self.bodies.append(name)
            self.last_body = self.last_any = name
        return name

    def note_unnamed(self, head: Optional[str]) -> None:
        if head:
            self.descs.append((head, None))
        self.last_person = self.last_name = None
        self.last_any = None

    def body_with_head(self, head: str) -> Optional[str]:
        for b in reversed(self.bodies):
            words = [_bare(w).replace("’s", "").replace("'s", "") for w in b.split()]
            if head in words:
                return b
        return None

    def person_with_title(self, head: str) -> tuple[bool, Optional[str]]:
        """(found, name): the latest person the article described with this noun; name None if unnamed."""
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        for h, name in reversed(self.descs):
            if h == head or h == singular or (len(h) > 6 and h.endswith(singular)):
                return True, name
        return False, None

    def salient_person(self) -> Optional[str]:
        """The person the article is most about: the most often named, counting surname mentions."""
        best, score = None, 0
        for name in dict.fromkeys(self.all_names):
            n = self.surname_counts.get(name.split()[-1], 0)
            if n > score:
                best, score = name, n
        return best


def resolve(mention: Optional[Mention], ctx: Context, note: bool = True) -> tuple[bool, Optional[str]]:
    """(attributed, speaker): attributed is False when the phrase says nothing about who spoke."""
    if mention is None:
        return False, None
    kind, text, head = mention.kind, mention.text, mention.head or ""
    if kind == "person" or (kind == "name" and text and ctx.is_known_person(text)):
        return True, (ctx.note_person(text, mention.titles) if note else ctx.full_name(text))
    if kind == "name":  # one capitalised word nobody gave a full name for: "Ferrari", "Smith"
        if note:
            ctx.note_body(text)
            ctx.last_name = text
        return True, text
    if kind == "body":
        if head in DOCUMENTS and text and text.lower() == head:
            return True, ctx.last_any  # "the report said": whoever issued it
        if text and text == text.lower():
            # "the ministry", "the foreign ministry": the one named before, else as the article words it
            earlier = ctx.body_with_head(head)
            if earlier and set(_words(text)) <= set(_words(earlier)):
                return True, (ctx.note_body(earlier) if note else earlier)
            if not mention.definite:
                return True, None
            if head in _GENERIC_BODIES and ctx.last_body and len(text.split()) == 1:
                return True, ctx.last_body  # "the company" after "Hydra Power, which operates the dam"
        return True, (ctx.note_body(text) if note and text else text)
    if kind == "pronoun":
        if mention.gender == "person":
            return True, ctx.last_person or ctx.last_name
        if mention.gender == "body":
            return True, ctx.last_body or ctx.last_any
        return True, ctx.last_any
    if kind == "desc":
        if not mention.definite:
            if mention.titles:
                return True, (ctx.note_body(mention.titles[0]) if note else mention.titles[0])
            if note:
                ctx.note_unnamed(head)
            return True, None
        found, name = ctx.person_with_title(head)
        if found:
            if name and note:
                ctx.last_person = ctx.last_any = name
            return True, name
        if mention.text:  # "Ukraine's president" and no name given for them
            return True, mention.text
        if mention.titles:  # "the chair of the Organization ..." with no name given
            return True, mention.titles[0]
        # "the actor", "the 56-year-old": the person the article is about
        return True, ctx.salient_person() or ctx.last_person
    return False, None


# --------------------------------------------------------------------------- subjects of verbs


def _strip_adverbs(window: str) -> str:
    words = window.rstrip().split(" ")
    while words and (_bare(words[-1]) in _ADVERBS or (words[-1].endswith("ly") and words[-1].islower()
                                                        and len(words[-1]) > 4)):
        words.pop()
    return " ".join(words)


def subject_np(window: str) -> Optional[Mention]:
    """The subject of a verb from the words before it: the last clause, appositions unwrapped."""
    window = _strip_adverbs(window)
    holes = list(QUOTE_HOLE.finditer(window))
    if holes:
        window = window[holes[-1].end():]
    # "X, who represents Y, said" / "X, which operates the dam, said": the relative clause is about X
    relative = _RELATIVE.search(window)
    organisation = bool(relative and relative.group(1) in ("which", "that"))
    if relative:
        window = window[:relative.start()] + ","
    cut = 0
    for m in CLAUSE_BREAK.finditer(window):
        cut = m.end()
    window = window[cut:]
    appositive = window.rstrip().endswith(",")
    segments = [s.strip() for s in window.split(",")]
    segments = [s for s in segments if s and not _NO_WORDS.fullmatch(s)]
    if not segments:
        return None
    # "X, the attorney for ..., said" / "the hospital's director, Dr Y, told": the subject is the
    # segment before the appositions; without a comma before the verb it is the last segment
    # ("In a post on X, formerly Twitter, Elon Musk wrote").
    j = len(segments) - 1
    if appositive:
        while j > 0 and _appositive_like(segments[j]):
            j -= 1
    subject = analyse_np(segments[j])
    if subject is not None and subject.kind in ("person", "name") and organisation and j == len(segments) - 1:
        # "Hydra Power, which operates the dam, said": a body, not a person
        return Mention("body", text=subject.text, head=_bare((subject.text or "").split()[-1]))
    if subject is not None and subject.kind in ("person", "pronoun", "body", "name"):
        return subject
    for seg in segments[j + 1:]:
        m = analyse_np(seg)
        if m is not None and m.kind == "person" and len(m.text.split()) >= 2 and not _participle_start(seg):
            return m  # "the hospital's director, Dr Ida Lorenz," / "Ein Sprecher ..., Oberst Jan Wolff,"
    if subject is not None:
        return subject
    for seg in segments[j + 1:]:
        m = analyse_np(seg)
        if m is not None:
            return m
    return None


def _appositive_like(segment: str) -> bool:
    """ "the president of ...", "who represents ...", "R-Neb.", "a teacher": said about the subject."""
    first = segment.split(" ", 1)[0]
    b = _bare(first)
    if b in _DEFINITE | _INDEFINITE | _POSSESSIVE_DET or _participle_start(segment):
        return True
    words = segment.split()
    return len(words) <= 2 and bool(_CODE_LIKE.search(segment)) and not any(
        len(w) > 2 and w[0].isupper() and w[1:].islower() and "-" not in w for w in words)


_STOP = re.compile(r"[.;:!?](?=\s|$)|\s[—–-]\s")
ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov col gen lt st sgt capt maj adm brig prof rev jr sr no vs inc "
                          "corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e ft mt "
                          "messrs mme mlle hon".split())


def clause_end(text: str) -> int:
    """Where the sentence or clause ends; abbreviations ("Dr.", "U.S.") and initials do not end it."""
    for m in _STOP.finditer(text):
        if m.group(0) == ".":
            word = text[max(0, m.start() - 12):m.start()].split()[-1:] or [""]
            w = word[0].lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or DOTTED.fullmatch(w):
                continue
        return m.start()
    return len(text)


def _participle_start(segment: str) -> bool:
    """ "chaired by X", "who represents X": a clause about someone else, not an apposition."""
    w = segment.split(" ", 1)[0]
    return w[:1].islower() and (w.endswith(("ed", "ing")) or w in ("who", "which", "whose", "that", "by"))


def object_np(text: str) -> Optional[Mention]:
    """The noun phrase after "said" / "according to": up to the end of the clause, appositions included."""
    text = QUOTE_HOLE.split(text, 1)[0]
    text = text[:clause_end(text)]
    segments = [s.strip() for s in text.split(",")][:3]
    mentions = []
    for s in segments:
        s = _OBJECT_END.split(" " + s + " ", 1)[0]
        mentions.append(analyse_np(s))
    for m in mentions:
        if m is not None and m.kind == "person" and len(m.text.split()) >= 2:
            return m
    return next((m for m in mentions if m is not None), None)
