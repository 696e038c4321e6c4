"""Who said it: noun phrases around reporting verbs, and who "he" or "the ministry" is.

News writing attributes a quotation in a handful of ways: a reporting verb beside it
("…,” X said / said X / X said: “…” / X told reporters “…” / X called it “…”), "according
to X" (según, selon, laut, secondo, segundo), or a participle hanging off the sentence's
subject ("…, saying “…”"). Compound pasts ("a déclaré", "ha dicho", "ha detto") and the
French inverted pronoun ("a-t-elle ajouté") count as one verb. The speaker is the subject
of that verb, and the subject is a noun phrase that may be:

- a person's name, often wrapped in titles and descriptions ("Ministry spokesman Col.
  Anton Weir", "Nora Quist, the state prosecutor for ..., said", "Judge X, head of the
  ... Mission, told"); the article names a person in full once and by surname after, so
  a surname is expanded to the full name the article gives ("Brandt" -> "Tomas Brandt",
  "Ms Varga", "M. Ferrand", "Sr. Molina" -> the full name);
- a body ("Norland's Foreign Ministry", "Russia's foreign ministry", "the Arab League",
  "Marlow & Quint"), recognised by an institution noun or an ampersand;
- a pronoun or a description ("she", "the minister", "the actor", "the ministry", "the
  report"). A pronoun is the nearest fitting person mentioned before it, in the same
  update or liveblog post first: within a sentence its subject before the people it
  merely names, and never a person whose titles or nouns ("Mr", "spokeswoman",
  "Sprecherin") give the other sex. A description takes a title the article gave a person
  ("Foreign Minister X" -> "the minister"), a body with the same head noun, else the
  latest person or body the narrative was about;
- an unnamed source ("an officer", "one mother", "prosecutors", "a senior diplomat", "a
  trader at a European trading house", "an official travelling with the delegation"):
  the quotation has no named speaker, and "the diplomat" afterwards stays unnamed. A noun
  no list holds ("a prominent milblogger criticized ...") becomes such a source only as
  the subject of a reporting verb, and "the milblogger" then refers to it;
- a title chain ending in a name ("Minister of State for External Affairs X Y").

A body is given in the fullest form the article writes: "the Guild" is the "International
Dockworkers’ Guild Local 19" named earlier, "La Croix-Rouge valdorienne" keeps the adjective
Romance languages put after a name, and "X’s statement" speaks for X. "M." is a French
title ("M. Ferrand") only on French pages; elsewhere it is an initial ("M. Selvaraj").

Everything is decided from word shapes (capitals, possessives, determiners) and small
closed vocabularies (reporting verbs, titles, institution and person nouns) in English,
German, French, Spanish, Portuguese, Italian, Dutch, Ukrainian, Russian and Turkish, and the
commonest of them in Czech, Greek, Romanian, Norwegian, Indonesian and Hebrew; nothing refers to
particular names or sites. A noun
of office alone ("kata bupati", "a declarat prefectul", "sier ordføreren": no article, or one
suffixed to the noun) is the person the article gives that title, also one it names further
down; an office before a name ("Ο περιφερειάρχης Βόρειας Ακτής, Νίκος Σταυρίδης", "Community Safety
MEC Thandi Dube") is that person's title; a one-word name that is nobody's surname but one
person's given name ("ujar Budi") is that person. Arabic has no capitals: there a name is the
words after its last title ("المتحدث باسم الهلال الأحمر المقدم يوسف الحداد"), a body opens with a
body noun, and "أحد المسعفين" (one of the paramedics) names nobody, as "one of the paramedics" does.
A role noun between a body and a name ("Northgate Water spokeswoman X") leaves the name as the
speaker; a place's name ("Harbour Road") is nobody; "the governor's office says" mentions the
governor the article named.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from typing import NamedTuple, Optional

from ..patterns import regex

# --------------------------------------------------------------------------- vocabularies

# Reporting verbs are found by looking words up in sets: one pass of a simple word pattern over
# a sentence costs a fraction of a large alternation compiled with IGNORECASE.
FINITE_VERBS = frozenset("""
said says say told tells tell added adds wrote writes stated states warned warns declared declares
announced announces noted notes insisted insists explained explains argued argues claimed claims
tweeted tweets posted posts asked asks replied replies responded responds answered continued continues
recounted testified acknowledged acknowledges admitted admits recalled recalls shouted shouts yelled
screamed ordered urged urges called calls described describes reiterated reiterates reported reports
conceded complained cautioned stressed stresses emphasised emphasized observed remarked commented confirmed
confirms suggested suggests predicted vowed vows pledged promised demanded quipped joked blasted
texted emailed messaged ruled rules accused accuses criticised criticized criticises criticizes condemned
condemns denounced denounces praised praises welcomed welcomes slammed hailed dismissed defended branded
labelled labeled characterised characterized alleged alleges countered agreed agrees maintained maintains
mused wondered chimed read reads whispered pleaded boasted lamented cried thanked thanks blamed blames
lauded applauded assured assures appealed reaffirmed expressed voiced rejected rejects denied denies termed
sagte sagt sagten erklärte erklärt erklärten betonte betont betonten schrieb schreibt teilte teilt fügte
meinte meint warnte warnt forderte fordert kritisierte berichtete berichtet bestätigte so erzählte erzählt
ergänzte ergänzt versicherte unterstrich mahnte beklagte lobte kündigte räumte verkündete erläuterte
bekräftigte appellierte
řekl řekla řekli uvedl uvedla uvedli dodal dodala dodali sdělil sdělila sdělili prohlásil prohlásila potvrdil
potvrdila upozornil upozornila varoval varovala vysvětlil vysvětlila zdůraznil zdůraznila napsal napsala říká
uvádí dodává
είπε δήλωσε ανέφερε τόνισε πρόσθεσε σημείωσε εξήγησε υπογράμμισε προειδοποίησε λέει δηλώνει ανακοίνωσε
sier opplyser opplyste forteller fortalte uttaler uttalte skriver skrev understreker advarer siger sagde
säger sade berättar berättade
kata katanya ujar ujarnya ucap tutur tuturnya mengatakan menyatakan menjelaskan menegaskan menambahkan
menuturkan mengungkapkan
אמר אמרה אמרו מסר מסרה מסרו הוסיף הוסיפה ציין ציינה הסביר הסבירה הדגיש הדגישה הזהיר הזהירה
nói
déclare dit affirme ajoute indique explique souligne estime précise assure déclara raconte confie témoigne
poursuit insiste martèle répond reconnaît admet avertit prévient dénonce regrette rappelle lance relève
dijo afirmó declaró señaló añadió explicó aseguró indicó advirtió relató contó sostuvo manifestó expresó
subrayó destacó insistió comentó apuntó precisó recordó admitió reconoció denunció anunció informó detalló
enfatizó respondió preguntó concluyó exclamó lamentó criticó afirma dice asegura explica señala advierte
declara añade agrega agregó sostiene relata comenta indica insiste subraya destaca recuerda lamenta
disse afirmou declarou acrescentou explicou garantiu ressaltou destacou contou relatou informou anunciou
alertou advertiu lembrou comentou salientou sublinhou frisou reconheceu admitiu criticou respondeu
perguntou concluiu diz garante ressalta lembra alerta
disse afferma affermò dichiara dichiarò spiega spiegò aggiunge aggiunse sottolinea sottolineò racconta
raccontò commenta commentò ribadisce ribadì annuncia annunciò precisa precisò avverte avvertì ammette
ammise conferma confermò scrive scrisse osserva parla
zei zegt zeggen zeiden meldt meldde meldden verklaart verklaarde schrijft schreef waarschuwt waarschuwde benadrukt
benadrukte vertelt vertelde reageert reageerde bevestigt bevestigde aldus spreekt sprak
сказав сказала сказали заявив заявила заявили повідомив повідомила повідомили розповів розповіла розповіли
додав додала додали зазначив зазначила наголосив наголосила пояснив пояснила підкреслив підкреслила каже кажуть
попередив попередила написав написала
сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили рассказал рассказала рассказали
добавил добавила добавили отметил отметила подчеркнул подчеркнула пояснил пояснила говорит говорят
предупредил предупредила написал написала
dedi söyledi ekledi açıkladı belirtti kaydetti vurguladı bildirdi konuştu uyardı
""".split()) | frozenset(
    # Arabic, bare and with the conjunction written onto the verb ("وقال", "فأضاف")
    p + v for v in "قال قالت أضاف أضافت أكد أكدت أوضح أوضحت صرح صرحت ذكر ذكرت حذر حذرت تابع تابعت أشار أشارت"
    .split() for p in ("", "و", "ف"))
# Compound pasts: "a déclaré", "ont dénoncé", "ha dicho", "ha detto", "hanno spiegato" ...
_AUXILIARIES = frozenset("a ont avait avaient ha han hanno había habían aveva avevano au".split())
_FR_PAST_PARTICIPLES = frozenset("""
déclaré dit affirmé ajouté indiqué expliqué souligné estimé précisé assuré dénoncé annoncé confirmé réagi
rappelé écrit tweeté regretté critiqué averti prévenu insisté jugé qualifié martelé lancé répondu reconnu
admis promis raconté confié témoigné
dicho afirmado declarado señalado explicado asegurado indicado añadido agregado advertido reconocido
subrayado destacado denunciado anunciado relatado contado insistido comentado precisado recordado
detto dichiarato affermato spiegato aggiunto sottolineato raccontato commentato ribadito annunciato
precisato scritto osservato avvertito ammesso denunciato confermato ricordato assicurato parlato
declarat spus anunțat precizat explicat adăugat transmis afirmat subliniat avertizat confirmat arătat
""".split())
# French puts the subject pronoun after the verb: "a-t-il ajouté", "dit-elle", "explique-t-on".
_INVERTED = regex(r"^(?P<verb>[^\W\d_]+?)(?:-t)?-(?P<pron>il|elle|ils|elles|on)$", re.I)
# What every such word ends with (lower-cased): "long-term", "so-called" go without the loop below.
_INVERTED_ENDINGS = ("-il", "-elle", "-ils", "-elles", "-on")
# The auxiliary of a compound past, right before the participle (with the French inverted pronoun).
_AUX_BEFORE = regex(r"(?<![\w\-])(?:" + "|".join(sorted(_AUXILIARIES))
                    + r")(?:(?:-t)?-(?P<pron>il|elle|ils|elles|on))?\s+(?:(?:mai|aussi|encore|ensuite|poi|anche|"
                    r"ancora|también)\s+)?$", re.I)  # "a mai spus", "a aussi dit": an adverb between
PARTICIPLES = frozenset("""
saying adding noting telling calling warning writing describing insisting arguing explaining stressing
declaring urging asking recalling acknowledging admitting claiming complaining replying tweeting posting
thanking blaming welcoming condemning praising promising vowing pledging
sagend disant ajoutant déclarant estimant soulignant expliquant assurant affirmant précisant rappelant
indiquant diciendo añadiendo afirmando señalando asegurando explicando indicando advirtiendo agregando
dizendo acrescentando dicendo affermando aggiungendo spiegando sottolineando
""".split())
_WORD = regex(r"[^\W\d_][\w’'\-]*")
_VERB_FORMS = FINITE_VERBS | PARTICIPLES | _FR_PAST_PARTICIPLES


class VerbMatch:
    """A reporting verb found in a text, shaped like a regex match: group("fin") or group("part").

    `pronoun` is the subject pronoun French writes after the verb ("a-t-elle ajouté" -> "elle")."""

    __slots__ = ("_start", "_end", "_fin", "_part", "pronoun")

    def __init__(self, start: int, end: int, fin: Optional[str], part: Optional[str],
                 pronoun: Optional[str] = None) -> None:
        self._start, self._end, self._fin, self._part = start, end, fin, part
        self.pronoun = pronoun

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


# A document inside a prepositional phrase, right before a verb form: "in a statement posted".
_MODIFIES_DOCUMENT = regex(r"\b(?:in|on|via|through|with|from|by|to)\s+(?:(?:a|an|the|its|their|his|her)\s+)?"
                           r"(?:[\w\-]+\s+)?(?:statement|post|message|video|letter|report|note|release|"
                           r"communiqu[ée]|interview|tweet|email|e-mail|article|op-ed|blog|update)\s+$", re.I)
# What may precede a capitalised reporting verb that starts a sentence or clause ("" is the text's start).
_STOPS = frozenset(".!?:;\"“”„«»([—–") | {""} | {chr(c) for c in range(0xE000, 0xE900)}


def _char_before(text: str, at: int) -> str:
    """The last non-space character before `at` ("" at the start of the text)."""
    k = at - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


_verbs_cache: dict[str, tuple[VerbMatch, ...]] = {}
_PHRASES_KEPT = 20000  # per memory; an article uses a few hundred


def forget_phrases() -> None:
    """Start an article with empty phrase memories (find_verbs, analyse_np); extract() calls it first.

    Within an article a sentence is read by several rules; across articles sentences do not
    repeat, and a benchmark that reads the same pages again must not be served from memory."""
    _verbs_cache.clear()
    _np_cache.clear()


def find_verbs(text: str) -> tuple[VerbMatch, ...]:
    """Every reporting verb in the text, in order.

    Remembered per text: the rules that ask "who said it" and "what is this sentence about" read
    the same sentence and the same clauses of it; a VerbMatch never changes once made."""
    found = _verbs_cache.get(text)
    if found is None:
        if len(_verbs_cache) >= _PHRASES_KEPT:
            _verbs_cache.clear()  # a caller that never starts an article (the functions used alone) stays bounded
        found = _verbs_cache[text] = tuple(_find_verbs(text))
    return found


def _find_verbs(text: str) -> list[VerbMatch]:
    found: list[VerbMatch] = []
    hyphens = "-" in text  # French inversions ("a-t-il dit") are hyphenated
    # Most texts hold no verb of saying: the words of the text lower-cased at once, as plain strings,
    # tell that at a third of the cost of the match objects the loop below needs for the positions.
    words = _WORD.findall(text.lower())
    if _VERB_FORMS.isdisjoint(words) and not (hyphens and any(w.endswith(_INVERTED_ENDINGS) for w in words)):
        return found
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w not in _VERB_FORMS and not (hyphens and "-" in w):
            continue
        tok, start = m.group(0), m.start()
        if tok[0].isupper() and start and _char_before(text, start) not in _STOPS:
            continue  # capitalised inside a sentence: a name ("Judge Amara Tell"), not a verb
        if w in FINITE_VERBS:
            if not _MODIFIES_DOCUMENT.search(text, max(0, start - 60), start):
                found.append(VerbMatch(start, m.end(), tok, None))
            # else "said in a statement posted to its channel": a participle describing the statement
        elif w in PARTICIPLES:
            found.append(VerbMatch(start, m.end(), None, tok))
        elif w in _FR_PAST_PARTICIPLES:
            aux = _AUX_BEFORE.search(text, max(0, start - 16), start)
            if aux:  # "a déclaré", "ha detto", "a-t-elle ajouté"
                found.append(VerbMatch(aux.start(), m.end(), text[aux.start():m.end()], None, aux.group("pron")))
        else:
            inverted = _INVERTED.match(w)
            if inverted and inverted.group("verb") in FINITE_VERBS:  # "dit-il", "explique-t-elle"
                found.append(VerbMatch(start, m.end(), tok, None, inverted.group("pron")))
    return found


def is_reporting_verb(word: str) -> bool:
    w = word.lower()
    return w in FINITE_VERBS or w in PARTICIPLES


ACCORDING_TO = regex(r"\b(?:according\s+to|citing|laut|nach\s+Angaben\s+(?:von|des|der)|selon|d[’']apr[èe]s|"
                     r"según|de\s+acuerdo\s+con|segundo|de\s+acordo\s+com|secondo|stando\s+a|zufolge|volgens)\s+", re.I)

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
ombudsman ombudswoman chairperson collector
starosta starostka mluvčí ředitel ředitelka hejtman hejtmanka ministr ministryně primátor primátorka velitel
δήμαρχος περιφερειάρχης υπουργός εκπρόσωπος διοικητής πρόεδρος αντιδήμαρχος
prefect prefectul primar primarul director directorul ministru ministrul inginer inginerul purtător șef șeful
ordfører ordføreren geolog geologen talsperson politimester direktør statsminister
bupati gubernur walikota wali kepala menteri camat presiden direktur kapolres
burgemeester woordvoerder woordvoerster wethouder sindaco prefetto assessore maire préfet
голова мер міністр речник речниця губернатор глава министр представитель
vali valisi bakan bakanı başkan başkanı sözcü sözcüsü müdür müdürü kaymakam kaymakamı muhtar
""".split())
# Abbreviated titles that are also initials ("M. Ferrand" but "John M. Smith"): a title only where no
# given name precedes them.
_SHORT_TITLES = frozenset("m. mm. sr. sr sra. sra srta. srta sig. sig.ra me. dña. dña".split())
# "M." is "Monsieur" only in French: elsewhere "M. Selvaraj" is an initial and a surname. Set per article
# from its declared language (unknown languages keep the French reading, which the tests of old rely on).
FRENCH_M: ContextVar[bool] = ContextVar("french_m", default=True)
# "a prefeitura", "o ministério": in Portuguese "a" and "o" are the definite article, not "a" the indefinite.
PORTUGUESE: ContextVar[bool] = ContextVar("portuguese", default=False)


def _short_title(tok: str) -> bool:
    t = tok.lower()
    return t in _SHORT_TITLES and (t not in ("m.", "mm.") or FRENCH_M.get())
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
departamento bomberos ayuntamiento alcaldía policía guardia secretaría oficina instituto agencia comisión consejo
fiscalía prefeitura bombeiros polícia secretaria vigili polizia
report statement readout letter release communique communiqué study survey memo indictment complaint filing
ruling document documents website post guild force
prefettura comune regione questura procura governo ministero gemeente politie brandweer regering ministerie
kabinet instituut
inspectorat inspectoratul primăria prefectura ministerul poliția guvernul consiliul
policie ministerstvo úřad hasiči
politiet kommunen direktoratet regjeringen
pemkab pemprov kementerian badan dinas polres polda
bakanlık bakanlığı valilik valiliği belediye belediyesi müdürlüğü başkanlığı merkezi kurumu
служба міністерство поліція рада управління адміністрація уряд штаб комітет департамент агентство прокуратура
министерство полиция правительство администрация управление комитет агентство совет прокуратура
""".split())
# Nouns any kind of organisation is called by: "the company said" is the last organisation named.
_GENERIC_BODIES = frozenset("company firm group organisation organization operator business corporation club team "
                            "charity union party unternehmen konzern firma entreprise société empresa compañía "
                            "società azienda empresa bedrijf".split())
# Documents speak for whoever issued them: "the report said" is the ministry that issued it.
DOCUMENTS = frozenset("report statement readout letter release communique communiqué study survey memo "
                      "indictment complaint filing ruling document documents website post advisory bulletin "
                      "audit assessment notice".split())
# Words that end a business's name when capitalised ("Northway Ferries", "Hydra Power", "Vale Foods"):
# as common nouns they name nobody, so they count only inside a proper name.
_BUSINESS_WORDS = frozenset("""
ferries airlines airways motors holdings industries systems technologies partners associates llc plc gmbh
energy power petroleum mining foods pharmaceuticals pharma telecom telecoms media shipping lines logistics
railways railway steel chemicals capital investments insurance aviation electric utilities solutions labs
software ventures brands stores consulting construction transport transit buses coaches trains farms
""".split())
_INSTITUTION_SUFFIXES = ("ministerium", "behörde", "regierung", "stab", "stabs", "kommando", "amt", "amts",
                         "regio", "dienst", "beheerder", "instituut",  # German and Dutch compounds
                         "werke", "verwaltung", "verband", "gesellschaft", "wehr", "präsidium", "direktion")

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
evacuee evacuees medic medics paramedic rescuer rescuers engineer engineers person people reader readers
viewer viewers listener listeners collector
coordinator coordinators administrator administrators commissioner superintendent forecaster forecasters
meteorologist seismologist epidemiologist pathologist inspector inspectors ranger rangers controller
starosta starostka mluvčí ředitel ředitelka hejtman hejtmanka ministr primátor velitel obyvatel obyvatelka hasič
δήμαρχος περιφερειάρχης υπουργός εκπρόσωπος διοικητής πρόεδρος κάτοικος αντιδήμαρχος
prefect prefectul primar primarul director directorul ministru ministrul inginer inginerul șef șeful locuitor
ordfører ordføreren geolog geologen talsperson politimester direktør innbygger beboer
bupati gubernur walikota menteri camat warga presiden direktur
woordvoerder woordvoerster burgemeester bewoner bewoners inwoner inwoners getuige giornalisti giornalista
sprecher sprecherin lehrer lehrerin anwohner anwohnerin bewohner zeuge zeugin beamter experte expertin
mutter vater ministerin präsident präsidentin porte-parole ministre habitant habitante témoin portavoz
vecino vecina testigo chairperson trader dealer broker shopkeeper vendor organiser organizer
directeur directrice maire préfet habitant témoin ambassadeur ambassadrice
director directora ministro ministra presidenta alcalde alcaldesa gobernador gobernadora jefe jefa funcionario
funcionaria diretor diretora governador governadora prefeito morador moradora sindaco prefetto portavoce
direttore direttrice abitante testimone
мешканець мешканка жителька житель речник речниця рятувальник свідок житель жительница очевидец
vatandaş vatandaşı tanık yetkili yetkilisi uzman sakin esnaf görgü
""".split())
# Evidence of a person's sex in the titles and nouns the article gives them, for "he" and "she".
_MALE_WORDS = frozenset("""
mr mister sir lord king prince herr herrn monsieur m. señor sr. sr don signor sig. senhor father brother son
husband man boy grandfather uncle nephew chairman spokesman congressman councilman businessman policeman
fireman sportsman duke emperor baron monk widower sheikh emir pope
""".split())
_FEMALE_WORDS = frozenset("""
mrs ms miss madam madame mme mlle dame lady queen princess frau señora sra. sra srta. srta doña signora sig.ra
senhora dona sister mother wife daughter woman girl grandmother aunt niece actress chairwoman spokeswoman
congresswoman councilwoman businesswoman policewoman sportswoman duchess countess empress baroness nun widow
ombudswoman presidenta ministra directora gobernadora alcaldesa vecina jefa diputada senadora abogada
doctora directrice présidente ambassadrice diretora governadora moradora direttrice
""".split())
_FEMALE_SUFFIXES = ("erin", "entin", "antin", "istin", "ärztin", "eurin", "torin", "zeugin", "anwältin", "beamtin",
                    "ministerin", "präsidentin")


def gender_of(words: tuple[str, ...] | list[str]) -> str:
    """ "m", "f" or "" from the titles and nouns given to a person ("Mrs", "spokeswoman", "Sprecherin")."""
    for w in words:
        b = w.lower().strip(",;:")
        if b in _MALE_WORDS or b.rstrip(".") in _MALE_WORDS:
            return "m"
        if b in _FEMALE_WORDS or b.rstrip(".") in _FEMALE_WORDS or (len(b) > 6 and b.endswith(_FEMALE_SUFFIXES)):
            return "f"
    return ""
_AGE = regex(r"^\d{1,3}-year-old$")
PERSON_SINGULAR_S = frozenset("boss witness actress mistress".split())
_AFTER_NOUN = frozenset("who which that whose in on at to from with by near into inside outside "
                        "familiar close aware present involved briefed".split())  # "a person familiar with ..."
_SPLIT_AT = frozenset("of for at des der du de from with aus von by in da do dos das del della dello dei degli di "
                      "pentru "
                      "bei з із зі из".split())

_DEFINITE = frozenset("the this that these those der die das den dem des le la les l el los las il lo gli het de"
                      " ο η το οι τα του της των τον την".split())
_POSSESSIVE_DET = frozenset("his her its their our my your sein seine ihr ihre son sa ses leur su sus".split())
_INDEFINITE = frozenset("a an one another some several two three four many other ein eine einer einem "
                        "un une des uno una unos unas een один одна одне одні одни".split())
PRONOUNS = {
    "he": "m", "she": "f", "er": "m", "il": "m", "elle": "f", "él": "m", "ella": "f", "ele": "m", "ela": "f",
    "ea": "f", "ona": "f", "αυτός": "m", "αυτή": "f", "hun": "f", "hon": "f", "dia": "any", "ia": "any",
    "lui": "m", "lei": "f", "it": "body", "es": "body", "they": "any", "sie": "any", "ils": "any", "elles": "any",
    "ellos": "any", "ellas": "any", "eles": "any", "elas": "any", "loro": "any", "we": "any", "i": "any",
    "on": "any", "він": "m", "вона": "f", "вони": "any", "он": "m", "она": "f", "они": "any",
}
# "We’ll", "I’m", "They’ve": a pronoun with its verb, not a capitalised name.
_CONTRACTION = regex(r"^(?:i|you|he|she|it|we|they|let|that|there|here|what|who)[’'](?:ll|re|ve|d|m|s)$", re.I)
# Capitalised words that start sentences or clauses without being names.
NOT_NAMES = frozenset("""
the a an in on at but and or if when while after before this that these those it he she they we i you his her
its their our my your as for from with without by to of since despite although though because however
meanwhile even still yet then there here what who whom whose which where why how some many most all both each
every no not last next first early late earlier later also only just now today yesterday tonight tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec speaking asked
according under over upon during instead asked further among once again one two three several other another
update updated edit breaking live watch read see photo video image good hello welcome thanks please
der die das ein eine und oder aber wenn als nach vor im am um es sie er wir ich man auch noch
le la les un une et ou mais dans pour sur avec selon
el los las y pero en con para según
de het een ook volgens il lo gli una secondo
""".split())
_PREFIXED_NAME = regex(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|de|da|di|du|van|von|le|la|d|o)[-’'][A-ZÀ-Þ]")
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

_INITIAL = regex(r"[A-Z]\.")
_SPACES = regex(r"\s+")
LEADING_ARTICLE = regex(r"^(?:(?i:the|die|der|das|le|la|les|el|los|las|il|lo|gli|het)\s+|de\s+|(?i:l)[’'](?=\w))")
_APPOSITION = regex(r",\s+(?:the|a|an|his|her|its)?\s*((?:[\w’'\-.]+\s+){0,6}?[\w’'\-]+)\s*,")
_RELATIVE = regex(r",\s*(who|which|whose|that|qui|que|der|die|das|quien|que|che|[a-z]+ing|"
                  r"(?:in|at|on|after|before|during|speaking|like|despite|for\s+(?:his|her|its|their)\s+part)\b)"
                  r"\b[^,;]*,\s*$")
_NO_WORDS = regex(r"[\W\d]*")
_CODE_LIKE = regex(r"[\d\-]|\.$")
DOTTED = regex(r"(?:[a-z]\.)+[a-z]")
_OBJECT_END = regex(r"\s(?:who|which|whose|that|as|in|at|on|after|before|from|aus|vor|bei|mit|to|during|while|"
                    r"when|posted|speaking|adding|saying|noting|told|"
                    r"ante|en|durante|desde|tras|con|sobre|frente|lors|devant|dans|pendant|après|avant|auprès|"
                    r"nach|beim|gegenüber|im|am|während|em|nos|nas|perante|diante|após|davanti|"
                    r"nel|nella|dopo|mentre|quien|que|qui|quale|ai|al|alla|alle|agli|allo|sur|tegen|bij|op|aan|tijdens|tegenover|"
                    r"saat|ketika|kepada|usai|setelah|sambil|dalam)\s")
# A body's name as written out: capitalised words with their connectors and possessives, and the number
# some bodies carry ("... Guild Local 19", "Ministry of Foreign Affairs").
_BODY_CHUNK = regex(r"[A-ZÀ-ÖØ-Þ][\w\-]*(?:[’']s?)?(?:\s+(?:(?:of|for|and(?!\s+the\b)|the|de|du|des|di|del|"
                    r"della|van|von|der|pentru|&)\s+)*[A-ZÀ-ÖØ-Þ][\w\-]*(?:[’']s?)?)+(?:\s+\d{1,4}\b)?")
_PARENTHESIS = regex(r"\s*\([^()]{1,40}\)")
_TOKEN = regex(r"[^\s,;:()\[\]“”\"„«»]+")
_WORD_CHARS = regex(r"[\w’'\-.&]+")
# quotes.py replaces each quotation in a sentence by one private-use character (a "hole"),
# so attribution patterns see "“…”, she said" as one token whatever the quotation holds.
HOLE_BASE = 0xE000
HOLES = "\ue000-\ue8ff"  # their range, for character classes ("[^,;" + HOLES + "]")
QUOTE_HOLE = regex("[" + HOLES + "]")
CLAUSE_BREAK = regex(
    r"(?:[;:—–]|\s-\s|\b(?:and|but|or|that|which|what|while|when|where|because|after|before|if|although|"
    r"whereas|since|und|aber|dass|weil|et|mais|que|qui|y|pero|"
    r"og|och|že|και|αλλά|ότι|și|că|tetapi|bahwa)\b)",
    re.I,
)
INTRO_START = frozenset("""
in on at after before during speaking according upon despite while when since for with without under asked
earlier later meanwhile however instead still yet also then now today yesterday last this tonight in a
as by from through following amid among following once outside inside
im am nach vor laut bei während dans selon après avant pendant en tras según durante
ook volgens tijdens na secondo intanto inoltre
""".split())


# --------------------------------------------------------------------------- noun phrases


class Mention(NamedTuple):
    """What a noun phrase names: a person, a body, a pronoun, or a description of someone."""

    kind: str  # "person" | "body" | "pronoun" | "desc"
    text: Optional[str] = None  # the name as the article gives it; None for unnamed sources
    head: Optional[str] = None  # descriptions, bodies: the head noun ("minister", "ministry")
    definite: bool = True  # descriptions: "the actor" (a known person) vs "an officer" (unnamed)
    gender: str = "any"  # pronouns: "m" / "f" (a person of that sex), "body", "any"
    titles: tuple[str, ...] = ()  # descriptions the article attached to a named person
    known: bool = True  # descriptions: False when the head is a noun no vocabulary lists ("the milblogger")


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
    return b in INSTITUTIONS or b in _INSTITUTION_SUFFIXES or (len(b) > 5 and b.endswith(_INSTITUTION_SUFFIXES)) or (
        _is_cap(tok) and b in _BUSINESS_WORDS)


# Endings of the relational adjectives Romance languages put after a name ("Croix-Rouge valdorienne",
# "Protezione civile regionale", "Cruz Roja mexicana"): part of the body's name.
_RELATIONAL_ENDINGS = ("ienne", "iennes", "ien", "iens", "aise", "aises", "oise", "oises", "ano", "ana", "ani", "ane",
                       "ese", "esi", "ense", "enses", "eño", "eña", "eños", "eñas", "ique", "iques", "ale", "ali",
                       "aux", "ais", "ois")


def is_relational_adjective(tok: str) -> bool:
    return len(tok) > 5 and tok.islower() and tok.isalpha() and tok.endswith(_RELATIONAL_ENDINGS)


def is_institution(tok: str) -> bool:
    return _is_institution(tok)


@lru_cache(maxsize=8192)
def is_person_noun(tok: str) -> bool:
    b = _bare(tok)
    return b in PERSON_NOUNS or bool(_AGE.match(b)) or (len(b) > 6 and b.endswith(("sprecher", "sprecherin")))


def _possessive(tok: str) -> bool:
    return tok.endswith(("’s", "'s", "’", "s’"))


@lru_cache(maxsize=8192)
def _name_token(t: str) -> bool:
    return (_is_cap(t) or bool(_PREFIXED_NAME.match(t))) and not _is_title(t) and not _is_institution(t) \
        and not _possessive(t) and not _CONTRACTION.match(t.strip(",;:.!?"))


# Titles that are also common surnames: after a first name they end a name, not begin an office.
_TITLE_SURNAMES = frozenset("king prince bishop judge major pope lord dean marshal sheriff earl duke baron knight".split())
# Nouns that end the name of an office and are nobody's surname.
_OFFICE_HEADS = frozenset("""coordinator minister secretary president director commissioner spokesperson spokesman
spokeswoman governor ambassador envoy chancellor premier superintendent administrator representative chairman
chairwoman chairperson""".split())


# A name with its acronym after it in brackets.
_SPELLED_OUT = regex(r"((?:[A-ZÀ-Þ][\w’'\-]*\s+(?:(?:of|for|and|on|the|de|du|des|la|le)\s+)*){1,9}"
                     r"[A-ZÀ-Þ][\w’'\-]*)\s*\(([A-Z]{2,8})\)")


def _name_run(tokens: list[str]) -> list[str]:
    """The trailing run of name-shaped tokens: "Norlandic Foreign Minister Jonas Aalto" -> Jonas Aalto."""
    run: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        t = tokens[i]
        b = _bare(t)
        if run and _short_title(t) and (i == 0 or not _name_token(tokens[i - 1])):
            break  # "M. Ferrand", "Sr. Molina": a title, not an initial
        if t == "&" and run and i > 0 and _is_cap(tokens[i - 1]):
            run[:0] = [tokens[i - 1], t]  # "Marlow & Quint": one firm's name, one word either side
            i -= 2
            break
        if _ACRONYM.fullmatch(t) and sum(1 for r in run if not _ACRONYM.fullmatch(r)) >= 2:
            break  # "Community Safety MEC Thandi Dube": an office's acronym before a name
        if not run and b in _TITLE_SURNAMES and i > 0 and _name_token(tokens[i - 1]) \
                and _bare(tokens[i - 1]) not in NOT_NAMES:
            run.insert(0, t.rstrip(",.;:"))  # "Stephen King", "Rachel Bishop": a title after a first name is a surname
            i -= 1
            continue
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
    groups = [k for k, t in enumerate(run) if t in _NAME_PARTICLES and k and run[k - 1] not in _NAME_PARTICLES]
    if len(groups) >= 2:
        run = run[:groups[1]]  # "Sanne de Kort van RailNed": a name has one particle; a second means "of"
    while len(run) > 2 and (is_person_noun(run[0]) or _is_title(run[0])):
        run.pop(0)  # "Negotiator Saeb Arran" at the start of a sentence
    if len(run) == 2 and i < 0 and is_person_noun(run[0]) and not _is_title(run[0]):
        run.pop(0)  # "Forecaster Quirante": a role and a surname, which the article gives in full elsewhere
    if run and _bare(run[-1]) in _OFFICE_HEADS:
        return []  # "Humanitarian Coordinator", "Deputy Prime Minister": an office, whoever holds it
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
        and _bare(tokens[j]) not in NOT_NAMES and not _is_institution(tokens[j])  # "Prefeitura de X": of


def _role_noun(tok: str) -> bool:
    """A capitalised role noun in German ("Ärztin", "Anwohner", "Student") ahead of a name."""
    return tok.lower().endswith(("in", "er", "ent", "ant", "ist", "e")) and not tok.isupper()


def _has_word(words: list[str], word: str) -> bool:
    """The word, or a compound ending in it ("Weerinstituut" for "instituut", "Sicherheitsbehörde")."""
    return word in words or (len(word) >= 4 and any(len(w) > len(word) + 2 and w.endswith(word) for w in words))


def _words(text: str) -> list[str]:
    return [_bare(w).replace("’s", "").replace("'s", "") for w in text.split()]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", LEADING_ARTICLE.sub("", text.strip(" ,.;:—–-")))


# Arabic has no capitals: a name is told by the titles and nouns around it. The phrase ends at the
# particle that opens what was said ("إن", "أن") or at a preposition ("في بيان", "لـ").
_ARABIC = regex("[\u0600-\u06ff]")
_AR_END = frozenset("إن أن في لـ ل خلال عن من على عبر أمام إلى".split())
_AR_TITLES = frozenset("""المتحدث متحدث الناطق ناطق العقيد اللواء العميد المقدم الرائد النقيب الوزير وزير الوزيرة
    وزيرة محافظ المحافظ رئيس الرئيس رئيسة مدير المدير مديرة السيد السيدة الدكتور الدكتورة النائب قائد القائد
    الشيخ العمدة عمدة المسؤول مسؤول""".split())
_AR_BODIES = frozenset("""وزارة الوزارة هيئة الهيئة مديرية المديرية الحكومة حكومة الشرطة المجلس مجلس الدفاع الجيش
    مكتب المكتب لجنة اللجنة بلدية البلدية منظمة المنظمة محافظة المحافظة الأمم جمعية الجمعية""".split())
_AR_ONE_OF = frozenset("أحد إحدى احد احدى".split())
_AR_PRONOUNS = {"هو": "m", "هي": "f", "هم": "any"}


def _arabic_np(tokens: list[str]) -> Optional[Mention]:
    """An Arabic noun phrase: "المتحدث باسم الهلال الأحمر المقدم يوسف الحداد" is the name after its
    last title (words with the article "ال" right after a title are its complement: "محافظ الشمال
    رامي العلي"); a body noun opens a body's name; "أحد المسعفين" (one of the paramedics) names nobody."""
    if tokens and tokens[0] in FINITE_VERBS:
        tokens = tokens[1:]  # the verb opens the sentence, its subject follows: "وقالت وزارة الصحة"
    for i, t in enumerate(tokens):
        if t in _AR_END or t.startswith("لـ"):
            tokens = tokens[:i]
            break
    if not tokens:
        return None
    first = tokens[0]
    if len(tokens) == 1 and first in _AR_PRONOUNS:
        return Mention("pronoun", gender=_AR_PRONOUNS[first])
    if first in _AR_ONE_OF:
        return Mention("desc", head=tokens[1] if len(tokens) > 1 else first, definite=False)
    titled = [i for i, t in enumerate(tokens) if t in _AR_TITLES]
    if titled:
        rest = tokens[titled[-1] + 1:]
        while rest and rest[0].startswith("ال") and len(rest) > 2:
            rest = rest[1:]
        if 2 <= len(rest) <= 4:
            return Mention("person", text=" ".join(rest), titles=tuple(tokens[i] for i in titled))
        if not rest or len(rest) == 1 and rest[0].startswith("ال"):
            head = tokens[titled[-1]]
            return Mention("desc", head=head[2:] if head.startswith("ال") else head, definite=True)
        return None
    if first in _AR_BODIES:
        text = " ".join(tokens[:4])
        return Mention("body", text=text, head=first[2:] if first.startswith("ال") else first,
                       definite=len(tokens) > 1 or first.startswith("ال"))
    if 2 <= len(tokens) <= 3 and not first.startswith("ال"):
        return Mention("person", text=" ".join(tokens))
    return None


_np_cache: dict[tuple[str, bool, bool], Optional[Mention]] = {}


def analyse_np(np: str) -> Optional[Mention]:
    """One comma-free noun phrase -> what it names (None when it names nothing usable).

    Remembered per phrase and language convention: a sentence's subject is read by more than one
    rule ("who said it", "who is the paragraph about"), and "the ministry", "he" recur on every page.
    The Mention is immutable, so sharing it is safe."""
    key = (np, FRENCH_M.get(), PORTUGUESE.get())
    found = _np_cache.get(key, _MISSING)
    if found is _MISSING:
        if len(_np_cache) >= _PHRASES_KEPT:
            _np_cache.clear()
        found = _np_cache[key] = _analyse_np(np)
    return found


_MISSING = object()


_POSSESSIVE_END = regex(r"[’']s?$")
_APOSTROPHE = regex(r"[’']")  # "they'll" -> "they": a contraction's pronoun


def _analyse_np(np: str) -> Optional[Mention]:
    np = QUOTE_HOLE.sub(" ", np)
    if "(" in np:
        np = _PARENTHESIS.sub("", np)  # "Koninklijk Weerinstituut (KWI)": the name without its acronym
    np = np.strip(" ,.;:—–-()[]")
    tokens = _TOKEN.findall(np)
    if not tokens:
        return None
    if _ARABIC.match(tokens[0]):
        return _arabic_np([t.strip("،؛.") for t in tokens])
    if len(tokens) > 1 and tokens[0].lower() in ("a", "o", "as", "os") and PORTUGUESE.get():
        tokens = ["the"] + tokens[1:]
    for i, t in enumerate(tokens[1:], 1):
        if t in ("who", "which", "whose", "that", "qui", "que", "quien"):
            tokens = tokens[:i]
            break
    if len(tokens) > 2 and tokens[0].lower() in _LEADING_PREPOSITIONS:
        # "In its 9.40am bulletin the Observatory": the phrase of time or place before the subject goes
        k = max((i for i, t in enumerate(tokens) if i > 1 and (t.lower() in _DEFINITE or (
            t.lower() in PRONOUNS and i == len(tokens) - 1))), default=0)  # "In a post at the time she"
        if k:
            tokens = tokens[k:]
    if len(tokens) >= 2 and is_relational_adjective(tokens[-1]) and _is_cap(tokens[-2]):
        inner = analyse_np(" ".join(tokens[:-1]))  # "La Croix-Rouge valdorienne": the name and its adjective
        if inner is not None and inner.text and (inner.kind in ("name", "body") or (
                inner.kind == "person" and _bare(inner.text.split()[0]) in _DEFINITE)):
            return Mention("body", text=_clean(f"{inner.text} {tokens[-1]}"), head=inner.head or _bare(tokens[-2]))
        return inner
    for k in range(1, len(tokens)):
        # one lower-case word may describe the document: "the OPP’s travel advisory"
        doc = k + 1 if k + 1 < len(tokens) and tokens[k].islower() and _bare(tokens[k + 1]) in DOCUMENTS else k
        if _possessive(tokens[k - 1]) and _bare(tokens[doc]) in DOCUMENTS and (
                _is_cap(tokens[k - 1]) or _is_institution(tokens[k - 1])):
            # "The Guild’s statement", "the ministry’s report": a document speaks for whoever issued it
            owner = " ".join(tokens[:k - 1] + [_POSSESSIVE_END.sub("", tokens[k - 1])])
            found = analyse_np(owner)
            if found is not None and found.kind in ("person", "body", "name"):
                return found
            break
    det = _bare(tokens[0])
    if len(tokens) == 1 and (det in PRONOUNS or _CONTRACTION.match(det)):
        return Mention("pronoun", gender=PRONOUNS.get(det, PRONOUNS.get(_APOSTROPHE.split(det)[0], "any")))
    # "X of Y": the head is before the first connector that is not inside a proper noun
    # ("Russian Ministry of Defense" stays whole; "a spokesperson for the Foreign Office" splits).
    head, complement, connector = tokens, [], ""
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t in _SPLIT_AT and not _inside_proper_noun(tokens, i):
            head, complement, connector = tokens[:i], tokens[i + 1:], t
            break
    if len(head) == 1 and det in _INDEFINITE and connector in ("of", "з", "із", "из", "de", "di", "von", "van") \
            and complement and not any(_is_cap(t) and _bare(t) not in NOT_NAMES for t in complement):
        # "one of the evacuated residents", "одна з мешканок": someone the article does not name
        return Mention("desc", head=_bare(complement[-1]), definite=False)
    # A description ends at its noun: "a senior diplomat | involved in organising the meeting".
    for i, t in enumerate(head[:-1]):
        nxt = head[i + 1]
        if (is_person_noun(t) or _is_institution(t)) and (nxt in _AFTER_NOUN or (
                nxt[:1].islower() and nxt.endswith(("ing", "ed")) and len(nxt) > 4)):
            head = head[: i + 1]
            complement = []  # "an official travelling with the delegation": the delegation is not the source
            break
    run = _name_run(head)
    last = head[-1]
    lastb = _bare(last).replace("’s", "").replace("'s", "")
    possessive_det = _possessive(head[0]) or det in _POSSESSIVE_DET
    if len(run) >= 3 and len(head) == len(run) + 1 and det in _DEFINITE and _role_noun(run[0]):
        run = run[1:]  # "die Ärztin Maria Keller": a capitalised German noun before the name
    if run and len(head) > len(run):
        pre = head[len(head) - len(run) - 1]
        if pre[:1].islower() and _is_institution(pre) and _bare(pre) not in DOCUMENTS:
            # "de veiligheidsregio Kustland", "die Polizei Hamburg", "the charity Oxfam": a body and its name
            return Mention("body", text=_clean(" ".join(head[len(head) - len(run) - 1:])), head=_bare(pre))
    if len(run) >= 2 and "&" in run:
        return Mention("body", text=" ".join(run), head="firm")  # "Marlow & Quint": a partnership's name
    if len(run) >= 2:
        titles = tuple(_bare(t) if t.lower() not in _SHORT_TITLES else t.lower()
                       for t in head[: len(head) - len(run)] if _is_title(t) or is_person_noun(t)
                       or t.lower() in _SHORT_TITLES)
        return Mention("person", text=" ".join(run), titles=titles)
    if complement and not run:
        sub = analyse_np(" ".join(complement))
        # a capitalised title with no article before it heads a title chain that ends in the name:
        # "Minister of State for External Affairs Rajiv Bhandari"
        # (two capitalised words alone may be the office's own name: "Director of Defesa Civil")
        title_chain = _is_cap(head[0]) and _is_title(head[-1]) and det not in _DEFINITE | _INDEFINITE
        if sub is not None and ((sub.kind == "person" and (len(sub.text.split()) < len(complement) or (
                title_chain and len(sub.text.split()) >= 3)))
                                or (sub.kind == "body" and lastb in DOCUMENTS)):
            # "Deputy Director of Public Prosecution Ana Weiss", "a survey by X"; but "the director of
            # Defesa Civil" and "the lawyer for Ana Weiss" are not Ana Weiss
            return sub
    proper = all(_is_cap(t) or _bare(t) in _CONNECT_LOWER for t in head[1:]) and len(head) > 1
    if (_is_institution(last) or (proper and any(_is_institution(t) for t in head))) and not _possessive(last):
        named = any(_is_cap(t) and _bare(t) not in NOT_NAMES for t in head)
        words = head
        if connector in ("of", "for", "des", "de", "du", "der", "di", "del", "della", "van", "do", "da", "dos", "das",
                         "з", "із", "из") \
                and len(complement) <= 4:
            words = head + [connector] + complement  # "Fédération des pêcheurs de l'Arve"
        text = _clean(" ".join(words))
        inst = [t for t in head if _is_institution(t)]
        return Mention("body", text=text, head=_bare(inst[-1]).replace("’s", "").replace("'s", "") if inst else lastb, definite=named or det in _DEFINITE or possessive_det)
    if len(run) == 1:
        if len(run[0].rstrip(".")) == 1:
            return None  # a letter ("on X", "Plan B") names nobody
        if len(head) == 1 and is_person_noun(run[0]) and _bare(run[0]).endswith("s"):
            return Mention("desc", head=_bare(run[0]), definite=False)  # "Prosecutors said"
        if len(head) == 2 and det in _DEFINITE | _INDEFINITE and is_person_noun(run[0]):
            return Mention("desc", head=_bare(run[0]), definite=det in _DEFINITE)  # "ein Sprecher"
        if len(head) == 2 and det in _DEFINITE and _bare(run[0]) in _GENERIC_BODIES:
            # "das Unternehmen": German capitalises the noun; it is "the company", not a name
            return Mention("body", text=_bare(run[0]), head=_bare(run[0]), definite=True)
        return Mention("name", text=run[0])  # "Aalto", "Mr. Aalto", "judge Varga", "Ferrari"
    if is_person_noun(last):
        definite = det in _DEFINITE or possessive_det
        plural = lastb.endswith("s") and not lastb.endswith("ss") and lastb not in PERSON_SINGULAR_S
        if len(head) == 1 and not plural and not complement:
            # a person noun alone ("uvedla starostka", "kata bupati", "a declarat prefectul", "sier ordføreren"):
            # a language without articles, or with the article suffixed to the noun, means the one named before
            definite = True
        if plural and not definite:
            definite = False  # "prosecutors", "federal officials": an unnamed group
        if complement and _bare(complement[0]) not in _INDEFINITE and any(
                _is_cap(t) and _bare(t) not in NOT_NAMES for t in complement):
            sub = analyse_np(" ".join(complement))
            if sub is not None and sub.kind == "body" and sub.text:
                # "a spokesperson for the British Foreign Office" speaks for the office, unless named;
                # "a trader at a European trading house" names no source at all
                return Mention("desc", head=lastb, definite=definite, titles=(sub.text,))
        if _possessive(head[0]) and len(head) >= 2 and _is_cap(head[0]):
            # "Ukraine's president", "the EU's foreign policy chief": a description that names an office
            return Mention("desc", text=_clean(" ".join(head)), head=lastb, definite=True)
        return Mention("desc", head=lastb, definite=definite)
    if complement:
        sub = analyse_np(" ".join(complement))
        if sub is not None and sub.kind == "body":
            return sub
    if 2 <= len(head) <= 4 and (not complement or det in _INDEFINITE) \
            and (det in _DEFINITE or det in _INDEFINITE or possessive_det) \
            and _COMMON_NOUN.fullmatch(last) and lastb not in NOT_NAMES:
        # "the milblogger", "a prominent local trucker": a noun no list holds, in the shape of a description;
        # it names someone only where the article introduced them with it (see `resolve`)
        return Mention("desc", head=lastb, definite=det not in _INDEFINITE, known=False)
    return None


_COMMON_NOUN = regex(r"(?![^\W\d_]+(?:ing|ly)$)[^\W\d_A-ZÀ-Þ][^\W\d_]{2,}")


# --------------------------------------------------------------------------- names in the article


# Two or more capitalised words in a row (particles allowed between): where full names are.
_CHUNK = regex(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?(?:\s+(?:(?:van|von|der|den|de|du|da|di|del|della|dos|bin|ibn|al|"
    r"el|ter|ten|zu)\s+)*(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?|[A-Z]\.|(?:al|el|bin|ibn|abu)-[A-ZÀ-Þ][\w’'\-]*))+"
)


class _Piece(NamedTuple):
    """A piece of a capitalised chunk, shaped like the match it came from."""

    text: str
    at: int

    def group(self, _: int = 0) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)


_WORD_RUN = regex(r"\S+")


def _chunks(text: str) -> list:
    """Runs of capitalised words, cut where a full stop after a word ends a sentence ("... operator
    RailNed. On other lines ..."): only initials, abbreviations and short titles carry a stop inside a name."""
    out: list = []
    for m in _CHUNK.finditer(text):
        chunk = m.group(0)
        if "." not in chunk:
            out.append(m)
            continue
        start = 0
        for w in _WORD_RUN.finditer(chunk):
            t = w.group(0)
            if t.endswith(".") and len(t) > 2 and t.lower() not in _SHORT_TITLES \
                    and _bare(t) not in ABBREVIATIONS and not DOTTED.fullmatch(_bare(t)) and not _is_title(t):
                out.append(_Piece(chunk[start:w.end()], m.start() + start))
                start = w.end() + (len(chunk[w.end():]) - len(chunk[w.end():].lstrip()))
        if start < len(chunk):
            out.append(_Piece(chunk[start:], m.start() + start))
    return out


_ACRONYM = regex(r"[A-Z]{2,5}")
_LEADING_PREPOSITIONS = frozenset("in on at after during under from through within amid".split())
_PLACE_PREPOSITIONS = frozenset("at in near outside inside across around towards toward".split())
# The last word of a place's name: "Harbour Road", "Quarry Lane", "Elm Bridge" name no one.
_PLACE_NOUNS = frozenset("""road street lane avenue drive boulevard way bridge river lake bay beach harbour harbor
    port island park square station airport mountain hill valley creek coast highway motorway canal quay pier
    strasse straße platz rue boulevard avenida calle plaza rua""".split())


# A nickname in quotation marks inside a name: Ernesto “Boy” Villaraza, Rodrigo "Rody" Duterte.
_NICKNAME = regex(r"[A-ZÀ-Þ](?<!\w[A-ZÀ-Þ])[^\W\d_]+(\s+[“\"‘'][A-ZÀ-Þ][\w.\-]{0,15}[”\"’'])(?=\s+[A-ZÀ-Þ])")


def blank_nicknames(text: str) -> str:
    """The text with quoted nicknames inside names blanked (offsets kept), so the name reads whole."""
    if not any(c in text for c in "“\"‘'"):
        return text
    def blank(m: re.Match) -> str:
        before = m.group(0)[:m.start(1) - m.start()]
        if before.lower() in _DEFINITE or before.lower() in _POSSESSIVE_DET:
            return m.group(0)  # 'The "Tigers" Club': a name's quoted part after an article stays
        return before + " " * len(m.group(1))
    return _NICKNAME.sub(blank, text)


_CLAUSE_BREAK = regex(r"[.;:,]\s")


def person_names(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(offset, full name, titles) of every person named with two or more words in the text."""
    found = []
    text = blank_nicknames(text)
    for m in _chunks(text):
        tokens = m.group(0).split()
        run = _name_run(tokens)
        if len(run) < 2 or any(_is_institution(t) for t in run):
            continue
        if any(t.endswith(("’s", "'s")) for t in run):
            continue
        # The words before the chunk: "harbour master Ian Roe", "the Norlandic diplomat Ada Lunde".
        before = text[max(0, m.start() - 40):m.start()].split()
        if before and before[-1] in _PLACE_PREPOSITIONS and len(run) == len(tokens):
            continue  # "a carrier at Calder Bay", "in Port Arlen": a place, not a person
        if _bare(run[-1]) in _PLACE_NOUNS:
            continue  # "trees down on Harbour Road"
        if len(run) >= 3 and len(run) == len(tokens) and before and _bare(before[-1]) in _DEFINITE and \
                _role_noun(run[0]):
            run = run[1:]  # "die Ärztin Maria Keller"
        titles = [_bare(t) for t in tokens[: len(tokens) - len(run)] if _is_title(t) or is_person_noun(t)]
        if len(tokens) > len(run) and _ACRONYM.fullmatch(tokens[len(tokens) - len(run) - 1]):
            titles.append(_bare(tokens[len(tokens) - len(run) - 1]))  # "MEC", "MP", "CEO"
        for w in reversed(before[-3:]):
            if w.endswith((",", ".", ";", ":")):
                if w.endswith(",") and (is_person_noun(w) or _is_title(w)):
                    titles.append(_bare(w))  # "Norland's president, Karl Ostby"
                elif w.endswith(",") and w is before[-1]:
                    clause = _CLAUSE_BREAK.split(text[max(0, m.start() - 60):m.start()].rstrip(" ,"))[-1]
                    titles.extend(office_words(clause))  # "Bupati Karangsari, Budi Santoso"
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
    """What the narrative has named so far: the state pronoun and description resolution reads.

    Besides the latest person and body, it keeps every mention in order (speakers, sentence
    subjects, and people named anywhere in a sentence), each with the sentence and the
    update or liveblog post it was in, so that "she" finds the nearest fitting person: in the
    same post first, the subject of the nearest sentence before an object, and never someone
    the article calls "Mr".
    """

    __slots__ = ("bodies", "descs", "last_person", "last_name", "last_body", "last_any", "counts",
                 "all_names", "surname_counts", "inner_caps", "_by_last", "gender", "mentions", "scope", "sentence",
                 "_body_names", "texts", "_spoken", "_titled", "_given")

    def __init__(self) -> None:
        # surname -> full names spoken of, the latest last: looked up per name, so a long article stays linear
        self._spoken: dict[str, dict[str, None]] = {}
        self.bodies: list[str] = []
        self.descs: list[tuple[str, Optional[str]]] = []  # (head noun, the person or None)
        self.last_person: Optional[str] = None
        self.last_name: Optional[str] = None  # the latest one-word name that may be a person ("Smith told")
        self.last_body: Optional[str] = None
        self.last_any: Optional[str] = None
        self.counts: dict[str, int] = {}
        self.all_names: list[str] = []  # every full name in the article, in order
        self.surname_counts: dict[str, int] = {}  # how often each capitalised word occurs in the article
        # capitalised words the article writes inside a sentence somewhere: names, not just sentence openers
        self.inner_caps: set[str] = set()
        self._by_last: dict[str, list[str]] = {}  # surname -> full names, in article order
        self._titled: dict[str, dict[str, None]] = {}  # a title the article gives -> the people it gives it
        self._given: dict[str, dict[str, None]] = {}  # given name -> full names
        self.gender: dict[str, str] = {}  # full name -> "m" / "f", from titles and nouns anywhere in the article
        # (name or None for an unnamed source, kind "person"|"name"|"body"|"unnamed", sex, scope, sentence, subject)
        self.mentions: list[tuple[Optional[str], str, str, Optional[int], int, bool]] = []
        self.scope: Optional[int] = None  # the update or liveblog post being read
        self.sentence = 0  # sentences read so far
        self.texts: list[str] = []  # the article's paragraphs, read for full body names when one is needed
        self._body_names: Optional[dict[str, str]] = None  # a word of a body's name -> its longest name

    def _add_bodies(self, text: str) -> None:
        """Register the full names of bodies the article writes out ("International Dockworkers’ Guild
        Local 19"), so that a short form ("the Guild") can be given as the article names it in full."""
        assert self._body_names is not None
        for m in _BODY_CHUNK.finditer(text):
            words = m.group(0).split()
            while words and _bare(words[0]) in NOT_NAMES:
                words.pop(0)
            caps = [w for w in words if _is_cap(w)]
            if len(caps) < 2 or words[-1].endswith(("’s", "'s")) or not any(_is_institution(w) for w in caps):
                continue
            name = " ".join(words)
            for w in caps:
                if len(name) > len(self._body_names.get(w, "")):
                    self._body_names[w] = name
        for m in (_SPELLED_OUT.finditer(text) if "(" in text else ()):
            # "Rail Accident Inquiry Board (RAIB)": the acronym spelled out where it is defined,
            # from the word whose capitals, with those after it, make the acronym
            words, acronym = m.group(1).split(), m.group(2)
            for k in range(len(words)):
                if "".join(w[0] for w in words[k:] if _is_cap(w)) == acronym:
                    self._body_names.setdefault(acronym, " ".join(words[k:]))
                    break

    def full_body(self, name: str) -> str:
        """A one-word body name expanded to the longest name the article gives that holds it."""
        if " " in name or not name[:1].isupper():
            return name
        if self._body_names is None:
            self._body_names = {}
            for text in self.texts:
                self._add_bodies(text)
        return self._body_names.get(name, name)

    def add_names(self, names: list[tuple[int, str, tuple[str, ...]]]) -> None:
        """Register the full names the article gives anywhere (for expanding surnames), with what their
        titles say about them."""
        for _, name, titles in names:
            self.all_names.append(name)
            self._by_last.setdefault(name.split()[-1], []).append(name)
            self._learn(name, titles)
            for t in titles:
                self._titled.setdefault(t, {})[name] = None
            self._given.setdefault(name.split()[0], {})[name] = None

    def _learn(self, name: str, titles: tuple[str, ...]) -> None:
        if titles:
            sex = gender_of(titles)
            if sex and name not in self.gender:
                self.gender[name] = sex

    def _mention(self, name: Optional[str], kind: str, subject: bool = True, sex: str = "") -> None:
        self.mentions.append((name, kind, sex, self.scope, self.sentence, subject))

    def note_objects(self, names: list[tuple[int, str, tuple[str, ...]]]) -> None:
        """People a sentence names outside its subject ("adjourned by Mrs Inka Morrow")."""
        done = {m[0] for m in self.mentions[-6:] if m[4] == self.sentence}
        for _, name, titles in names:
            name = self.full_name(name)
            if name not in done:
                self._learn(name, titles)
                self._mention(name, "person", subject=False)

    def _candidates(self, parts: list[str]) -> list[str]:
        spoken = list(reversed(self._spoken.get(parts[-1], {})))
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
        return self._by_given(parts) or name

    def titled_person(self, title: str) -> Optional[str]:
        """The one person the article gives this title, if exactly one."""
        names = self._titled.get(title)
        return next(iter(names)) if names and len(names) == 1 else None

    def _by_given(self, parts: list[str]) -> Optional[str]:
        """A one-word name that is nobody's surname but one person's given name ("ujar Budi" after
        "Budi Santoso": Indonesian and many other styles call people by their given name)."""
        if len(parts) != 1:
            return None
        names = self._given.get(parts[0])
        return next(iter(names)) if names and len(names) == 1 else None

    def is_known_person(self, name: str) -> bool:
        parts = name.split()
        return bool(parts) and (any(k.split()[-len(parts):] == parts for k in self._candidates(parts))
                                or self._by_given(parts) is not None)

    def note_person(self, name: str, titles: tuple[str, ...] = ()) -> str:
        name = self.full_name(name)
        if name:
            names = self._spoken.setdefault(name.split()[-1], {})
            names.pop(name, None)
            names[name] = None
        for t in titles:
            self.descs.append((t, name))
        self._learn(name, titles)
        self._mention(name, "person")
        self.last_person = self.last_any = name
        self.counts[name] = self.counts.get(name, 0) + 1
        return name

    def note_body(self, name: str) -> str:
        if name != name.lower() or " " in name:  # "the company" alone names nobody new
            self.bodies.append(name)
            self.last_body = self.last_any = name
            self._mention(name, "body")
        return name

    def note_name(self, name: str) -> None:
        """One capitalised word nobody gave a full name for: a person or a body ("Ferrari")."""
        self.note_body(name)
        self.mentions[-1:] = [(name, "name", "", self.scope, self.sentence, True)]
        self.last_name = name

    def note_unnamed(self, head: Optional[str], subject: bool = True) -> None:
        if head:
            self.descs.append((head, None))
        self._mention(None, "unnamed", subject, gender_of([head]) if head else "")
        self.last_person = self.last_name = None
        self.last_any = None

    def person_for(self, sex: str) -> Optional[str]:
        """Who "he"/"she" is: the nearest fitting mention, in the current update or post first; within
        a sentence its subject before the people it merely names. None when that is an unnamed source."""
        for in_scope in (True, False):
            if in_scope and self.scope is None:
                continue
            sentence, best = None, None
            for name, kind, msex, scope, sent, subject in reversed(self.mentions):
                if sentence is not None and sent != sentence:
                    break  # the nearest sentence with a fitting mention decides
                if kind == "body" or (in_scope and scope != self.scope) or (kind == "name" and name.isupper()):
                    continue  # bodies and acronyms ("WIRED spoke to one mother") are not "she"
                known = self.gender.get(name, msex) if name else msex
                if sex in ("m", "f") and known and known != sex:
                    continue
                rank = (bool(known), subject)  # a fitting sex beats a subject of unknown sex
                if best is None or rank > best[1]:
                    best = (name, rank)
                sentence = sent
            if best is not None:
                return best[0]
        return None

    def body_with_head(self, head: str) -> Optional[str]:
        for b in reversed(self.bodies):
            if _has_word(_words(b), head):
                return b
        return None

    def person_with_title(self, head: str) -> tuple[bool, Optional[str]]:
        """(found, name): the latest person the article described with this noun; name None if unnamed."""
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        for h, name in reversed(self.descs):
            if _same_title(h, head, singular):
                return True, name  # also with the article suffixed: "ordfører" -> "ordføreren"
        # Nobody spoken of so far: one person the whole article gives that title (a newest-first
        # liveblog names "Bupati Karangsari, Budi Santoso" below the update that says "kata bupati")
        named = {n for h, names in self._titled.items() if _same_title(h, head, singular) for n in names}
        if len(named) == 1:
            return True, named.pop()
        return False, None

    def salient_person(self) -> Optional[str]:
        """The person the article is most about: the most often named, counting surname mentions."""
        best, score = None, 0
        for name in dict.fromkeys(self.all_names):
            n = self.surname_counts.get(name.split()[-1], 0)
            if n > score:
                best, score = name, n
        return best


def _same_title(h: str, head: str, singular: str) -> bool:
    return h == head or h == singular or (len(h) > 6 and h.endswith(singular)) or (
        len(h) >= 5 and head.startswith(h) and len(head) - len(h) <= 3)


def resolve(mention: Optional[Mention], ctx: Context, note: bool = True) -> tuple[bool, Optional[str]]:
    """(attributed, speaker): attributed is False when the phrase says nothing about who spoke."""
    if mention is None:
        return False, None
    kind, text, head = mention.kind, mention.text, mention.head or ""
    if kind == "person" or (kind == "name" and text and ctx.is_known_person(text)):
        return True, (ctx.note_person(text, mention.titles) if note else ctx.full_name(text))
    if kind == "name" and text and text.isupper() and len(text) > 1:
        titled = ctx.titled_person(text.lower())  # "the MEC" after "Community Safety MEC Thandi Dube"
        if titled:
            return True, (ctx.note_person(titled) if note else titled)
        spelled = ctx.full_body(text)  # "the RAIB" after "the Rail Accident Inquiry Board (RAIB)"
        if spelled != text:
            return True, (ctx.note_body(spelled) if note else spelled)
    if kind == "name":  # one capitalised word nobody gave a full name for: "Ferrari", "Smith"
        if note:
            ctx.note_name(text)
        return True, text
    if kind == "body":
        if head in DOCUMENTS and text and text.lower() == head:
            return True, ctx.last_any  # "the report said": whoever issued it
        if text and text == text.lower():
            # "the ministry", "the foreign ministry": the one named before, else as the article words it
            earlier = ctx.body_with_head(head)
            if earlier and all(_has_word(_words(earlier), w) for w in _words(text)):
                return True, (ctx.note_body(earlier) if note else earlier)
            named = ctx.full_body(head[:1].upper() + head[1:]) if mention.definite and head else ""
            if " " in named and all(_has_word(_words(named), w) for w in _words(text)):
                # "the department" after "the provincial Department of Water Affairs has announced ...":
                # the body the article names in full with that noun, spoken of or not
                return True, (ctx.note_body(named) if note else named)
            if not mention.definite:
                return True, None
            if head in _GENERIC_BODIES and ctx.last_body and len(text.split()) == 1:
                return True, ctx.last_body  # "the company" after "Hydra Power, which operates the dam"
        if text and kind == "body":
            text = ctx.full_body(text)
        return True, (ctx.note_body(text) if note and text else text)
    if kind == "pronoun":
        if mention.gender in ("m", "f", "person"):
            name = ctx.person_for(mention.gender)
            if name and note:
                ctx.note_person(name)
            return True, name
        if mention.gender == "body":
            return True, ctx.last_body or ctx.last_any
        return True, ctx.last_any
    if kind == "desc" and not mention.known:
        if not mention.definite:  # "“…,” a local trucker said": someone the article does not name
            if note:
                ctx.note_unnamed(head)
            return True, None
        found, name = ctx.person_with_title(head)  # "the milblogger" after "a prominent milblogger"
        if found and name and note:
            ctx.last_person = ctx.last_any = name
        return found, name
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


_PLACE_THEN = regex(r"\b(?:in|at|near|from|outside)\s+[A-ZÀ-Þ][\w.\-]*(?:\s+[A-ZÀ-Þ][\w.\-]*)?$")
# The region after a town: one word ("Ohio", "Pa.", "Bavaria") or a compass word and one ("New York").
_REGION = regex(r"(?:(?:New|North|South|East|West|Upper|Lower)\s+)?[A-ZÀ-Þ][\w.\-]*")


def subject_np(window: str) -> Optional[Mention]:
    """The subject of a verb from the words before it: the last clause, appositions unwrapped."""
    window = _strip_adverbs(window)
    holes = list(QUOTE_HOLE.finditer(window))
    if holes:
        window = window[holes[-1].end():]
    # "X, who represents Y, said" / "X, which operates the dam, said": the relative clause is about X;
    # so is a participle or prepositional phrase ("X, speaking before flying home, called ...")
    relative = _RELATIVE.search(window)
    organisation = bool(relative and relative.group(1) in ("which", "that"))
    while relative:
        window = window[:relative.start()] + ","
        relative = _RELATIVE.search(window)
    cut, prev_cut, last = 0, 0, None
    for m in CLAUSE_BREAK.finditer(window):
        prev_cut, cut, last = cut, m.end(), m
    if last is not None and last.group(0).lower() in ("and", "or", "und", "et", "y", "en", "e") \
            and _noun_coordination(window[prev_cut:last.start()], window[cut:]):
        cut = prev_cut  # "The county fire and rescue service": two nouns of one name, not two clauses
    window = window[cut:]
    appositive = window.rstrip().endswith(",")
    segments = [s.strip() for s in window.split(",")]
    segments = [s for s in segments if s and not _NO_WORDS.fullmatch(s)]
    if not segments:
        return None
    for k in range(len(segments) - 1, 0, -1):
        place = _PLACE_THEN.search(segments[k - 1])
        if place and _REGION.fullmatch(segments[k]) and _bare(place.group(0).split()[-1]) not in NOT_NAMES:
            # "based in Regensburg, Bavaria": the region of a place, not the subject
            segments[k - 1:k + 1] = [segments[k - 1] + ", " + segments[k]]
    # "X, the attorney for ..., said" / "the hospital's director, Dr Y, told": the subject is the
    # segment before the appositions; without a comma before the verb it is the last segment
    # ("In a post on X, formerly Twitter, Elon Musk wrote").
    j = len(segments) - 1
    if appositive:
        while j > 0 and _appositive_like(segments[j]):
            j -= 1
        if j == len(segments) - 1 and j > 0:
            # "Judge Amara Tell, head of the Observer Mission, told": a person, then their office
            named = analyse_np(segments[j - 1])
            office = analyse_np(segments[j])
            if named is not None and named.kind == "person" and (office is None or office.kind in ("body", "desc")):
                j -= 1
    subject = analyse_np(segments[j])
    if subject is not None and subject.kind == "person" and j > 0:
        # "Prefectul județului, Mihai Dobrescu, a anunțat": the office before the name is their title
        offices = office_words(segments[j - 1])
        if offices:
            subject = subject._replace(titles=subject.titles + offices)
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


def office_words(segment: str) -> tuple[str, ...]:
    """The nouns of office in a phrase that names an office, not a person ("Ο περιφερειάρχης Βόρειας Ακτής",
    "Bupati Karangsari", "the regional governor"): what the person named after it is called later."""
    mention = analyse_np(segment)
    if mention is not None and mention.kind not in ("desc", "name"):
        return ()
    return tuple(dict.fromkeys(_bare(t) for t in _TOKEN.findall(segment)[:4] if is_person_noun(t)))


def _noun_coordination(left: str, right: str) -> bool:
    """ "the county fire | rescue service": a determiner opens the left part, and the right part goes on
    with a bare lower-case noun phrase ending in a body's noun, no verb in either."""
    lw, rw = left.split(), right.split()
    if not lw or not rw or len(lw) > 4 or len(rw) > 3 or _bare(lw[0]) not in _DEFINITE | _POSSESSIVE_DET:
        return False
    if not all(w.islower() and w.isalpha() for w in rw) or not _is_institution(rw[-1]):
        return False
    return not any(_bare(w) in _ADVERBS or is_reporting_verb(w) for w in lw + rw)


def _appositive_like(segment: str) -> bool:
    """ "the president of ...", "who represents ...", "R-Neb.", "a teacher": said about the subject."""
    first = segment.split(" ", 1)[0]
    b = _bare(first)
    if b in _DEFINITE | _INDEFINITE | _POSSESSIVE_DET or _participle_start(segment):
        return True
    words = segment.split()
    return len(words) <= 2 and bool(_CODE_LIKE.search(segment)) and not any(
        len(w) > 2 and w[0].isupper() and w[1:].islower() and "-" not in w for w in words)


_STOP = regex(r"[.;:!?](?=\s|$)|\s[—–-]\s")
ABBREVIATIONS = frozenset("mr mrs ms dr sen rep gov col gen lt st sgt capt maj adm brig prof rev jr sr no vs inc "
                          "corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e ft mt "
                          "messrs mme mlle hon sra srta sres dña dra sig dott avv ing".split())


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


# A full name followed by a lower-case word: the name ends there ("laut Sprecherin Eva Lorenz | seien ...").
# "Northgate Water spokeswoman Lena Okafor": a body, the person's role in it, then the name. The
# lower-case role noun does not end the phrase as other lower-case words after a name do.
_ROLE_THEN_NAME = regex(r"[A-ZÀ-ÖØ-Þ][\w’'\-]+\s+(?P<role>[a-z]+)\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+\s+[A-ZÀ-ÖØ-Þ]")
_NAME_THEN_LOWER = regex(r"^(.*?\b[A-ZÀ-ÖØ-Þ][\w’'\-]+\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)\s+(?!(?:" + "|".join(
    sorted(_CONNECT_LOWER)) + r")\b)[a-zß-ÿ].*$", re.S)


def object_np(text: str) -> Optional[Mention]:
    """The noun phrase after "said" / "according to": up to the end of the clause, appositions included."""
    text = QUOTE_HOLE.split(text, 1)[0]
    text = text[:clause_end(text)]
    segments = [s.strip() for s in text.split(",")][:3]
    mentions = []
    for s in segments:
        s = _OBJECT_END.split(" " + s + " ", 1)[0]
        role = _ROLE_THEN_NAME.search(s)
        named_role = role is not None and (is_person_noun(role.group("role")) or _is_title(role.group("role")))
        mentions.append(analyse_np(s if named_role else _NAME_THEN_LOWER.sub(r"\1", s)))
    for k, m in enumerate(mentions):
        if m is not None and m.kind == "person" and len(m.text.split()) >= 2:
            pre = segments[k][:max(0, segments[k].find(m.text.split()[0]))].split()
            if k and any(t[:1].islower() and not (is_person_noun(t) or _is_title(t) or _bare(t) in _DEFINITE)
                         for t in pre):
                continue  # ", la finalul ședinței Comitetului Județean": a phrase about the occasion, no apposition
            return m
    return next((m for m in mentions if m is not None), None)
