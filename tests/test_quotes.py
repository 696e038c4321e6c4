"""Quotations and speakers: each mark style, each attribution pattern, terms and titles left out."""

from __future__ import annotations

import pytest

from sitrep_parse.extractor import extract
from sitrep_parse.extractor.quotes import is_quotation, quote_spans
from sitrep_parse.extractor.speakers import analyse_np
from sitrep_parse.models import Article, Block, Metadata


def doc_of(*paragraphs, published="2023-05-02T09:00:00+00:00"):
    blocks = []
    for p in paragraphs:
        blocks.append(p if isinstance(p, Block) else Block("paragraph", p))
    return extract(Article(source="t.html", url=None, metadata=Metadata(published=published), blocks=tuple(blocks)))


def quotes_of(*paragraphs):
    return [(q.text, q.speaker) for q in doc_of(*paragraphs).quotes]


# --------------------------------------------------------------------------- marks

MARKS = [
    ("The mayor said the bridge was “closed until further notice” on Monday.", "closed until further notice"),
    ('The mayor said the bridge was "closed until further notice" on Monday.', "closed until further notice"),
    ("Der Bürgermeister sagte, die Brücke sei „bis auf Weiteres gesperrt“ worden.", "bis auf Weiteres gesperrt"),
    ("Le maire a déclaré que le pont était « fermé jusqu'à nouvel ordre » lundi.", "fermé jusqu'à nouvel ordre"),
    ("Le maire a déclaré que le pont était «fermé jusqu'à nouvel ordre» lundi.", "fermé jusqu'à nouvel ordre"),
    ("Der Bürgermeister sagte, die Brücke sei »bis auf Weiteres gesperrt« worden.", "bis auf Weiteres gesperrt"),
    ('The mayor said the bridge was "closed until further notice” on Monday.', "closed until further notice"),
    ("The mayor said the bridge was ‘closed until further notice’ on Monday.", "closed until further notice"),
    # a quotation inside a quotation in the other style stays inside it
    ("«Люди назвали це „великою водою“ і пішли додому», — каже водій.",
     "Люди назвали це „великою водою“ і пішли додому"),
    ("„Die Leute nannten es «das Jahrhundertwasser» und gingen nach Hause“, sagte sie.",
     "Die Leute nannten es «das Jahrhundertwasser» und gingen nach Hause"),
]


@pytest.mark.parametrize("text,inner", MARKS)
def test_quotation_mark_styles(text, inner):
    spans = [s for s in quote_spans(text) if is_quotation(text, s)]
    assert [text[s.start:s.end].strip() for s in spans] == [inner]


NOT_QUOTES = [
    "Residents fled what officials called the “security zone” on Monday.",  # two words
    "The army launched “Operation Steadfast Northern Shield” at dawn.",  # a title
    "She reviewed the novel “The Quiet Border” for the paper.",  # a title
    "Villagers crossed into the so-called “grey zone between the lines” overnight.",  # a term
    "The coastguard held a trawler inside what the ministry calls its “exclusive economic fishing zone”.",
    "The new rules, dubbed the “three strikes and out rule”, take effect in June.",
    "He was 6'2\" tall and wore a 12\" badge on his sleeve.",  # inch marks
    "The company's shares fell 3% after the country's regulator intervened.",  # apostrophes
    "Hasiči vyhlásili tzv. „zvláštní stupeň poplachu“ a povolali chemickou laboratoř.",  # Czech "so-called"
    "Η περιοχή είχε ενταχθεί στην «Κατηγορία κινδύνου 4» του ημερήσιου χάρτη.",  # after a Greek article
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_terms_titles_and_apostrophes_are_not_quotations(text):
    assert quotes_of(text) == []


# --------------------------------------------------------------------------- speakers

SPEAKERS = [
    # …," X said / said X
    (["“We have no fuel left for the generators,” Dr Lena Varga said."], "Lena Varga"),
    (["“We have no fuel left for the generators,” said Lena Varga, the hospital's director."], "Lena Varga"),
    (["“We have no fuel left for the generators,” the hospital's director, Lena Varga, told reporters."],
     "Lena Varga"),
    # X said: "…" / colon-introduced
    (["Interior Minister Tomas Brandt said: “The evacuation will continue through the night.”"], "Tomas Brandt"),
    (["Speaking outside parliament, Prime Minister Ana Ruiz said: “Nobody will be left behind.”"], "Ana Ruiz"),
    # X told reporters "…"
    (["Colonel Piet Haas told reporters the unit had come under “sustained and accurate mortar fire”."],
     "Piet Haas"),
    # according to X
    (["The road is “impassable for any vehicle without tracks”, according to regional governor Irma Dovic."],
     "Irma Dovic"),
    (["Supplies will last “a week at most, perhaps less”, according to the World Food Programme."],
     "World Food Programme"),
    # bodies
    (["The Foreign Ministry said in a statement that the strikes were “a grave violation of the truce”."],
     "Foreign Ministry"),
    (["Norland’s defence ministry said the drills were “routine and long scheduled”."],
     "Norland’s defence ministry"),
    # pronoun and description resolved to the named speaker before
    (["Health minister Kaja Lind visited the ward on Monday.",
      "“We are asking every retired nurse to come back,” she said."], "Kaja Lind"),
    (["Norland’s Ministry of Health published new figures on Tuesday.",
      "The ministry said the outbreak was “now under control in the capital”."], "Norland’s Ministry of Health"),
    (["Foreign Minister Jonas Aalto met his counterpart in Vienna.",
      "“We have agreed on a timetable for the talks,” the minister said."], "Jonas Aalto"),
    (["The Monitoring Mission published its weekly report on Friday.",
      "The report said shelling had “increased sharply along the entire line”."], "Monitoring Mission"),
    # surname after the full name
    (["Mayor Petra Novak opened the shelter on Sunday.",
      "“Nobody will sleep outside tonight,” Novak said."], "Petra Novak"),
    (["Mayor Petra Novak opened the shelter on Sunday.",
      "“Nobody will sleep outside tonight,” Ms Novak said."], "Petra Novak"),
    (["Company spokesperson Dana Reyes confirmed the change on Monday.",
      "“We review every account that is flagged to us,” they said in an email."], "Dana Reyes"),
    (["The Harbour Authority published its annual report on Monday.",
      "“Traffic fell by a third in the second half of the year,” it said."], "Harbour Authority"),
    (["As the crowd gathered, Smith told reporters: “This is not over.”",
      "Asked what came next, she said: “We will be back tomorrow morning.”"], "Smith"),
    # unnamed sources stay unnamed, and so do pronouns that refer back to them
    (["The magazine spoke to one mother, who asked not to be named.",
      "“I check his phone every single night,” she said."], None),
    (["“We heard the blasts all night long,” one resident said."], None),
    (["A senior official involved in the talks said the meeting would go ahead.",
      "“Both sides have confirmed their attendance,” the official said."], None),
    (["Prosecutors said the men had “acted with clear intent to deceive”."], None),
    (["An officer shouted “Get down on the floor now!” as the door gave way."], None),
    # appositions, intro phrases and descriptions that name an office
    (["In a post on X, formerly Twitter, Marek Halloran wrote that the ruling was “a mistake of historic "
      "proportions”."], "Marek Halloran"),
    (["“There is no military solution to this conflict,” the EU’s foreign policy chief, Anja Borel, said."],
     "Anja Borel"),
    (["Sen. Ruth Calder, D-Ore., called the report “a damning indictment of the whole system”."], "Ruth Calder"),
    (["KARVIK (Reuters) — Norland's president said on Tuesday that the offensive was “going according to "
      "plan”."], "Norland's president"),
    (["“People are dying while we wait,” said Dr. Omar al-Rashidi, the agency’s regional director."],
     "Omar al-Rashidi"),
    (["The Ministry of Defence in London said Norland had “almost certainly” lost the village.",
      "It said the loss was “a significant setback for the northern forces”."], "Ministry of Defence"),
    (["Amnesty International accused both sides of “flagrant disregard for civilian life”."],
     "Amnesty International"),
    (["“It was like the end of the world,” 23-year-old student Ilona Brandt told local radio."], "Ilona Brandt"),
    (["Sources familiar with the negotiations said the deal was “very close but not done.”"], None),
    (["“I lost everything,” said one man, who gave only his first name."], None),
    # German and French attribution
    (["„Die Lage ist dramatisch“, so der Bürgermeister der Stadt, Klaus Wendt."], "Klaus Wendt"),
    (["« C'est une journée historique », a affirmé la présidente de la Commission, Ursula van der Berg."],
     "Ursula van der Berg"),
    (["„Wir haben keine Reserven mehr“, sagte die Ärztin Maria Keller aus Linz."], "Maria Keller"),
    (["Man habe „einen formellen Protest eingelegt“, teilte Ministeriumssprecher Jan Vogel mit."], "Jan Vogel"),
    (["« Nous n'avons plus de carburant », a déclaré le maire, Paul Girard."], "Paul Girard"),
]


@pytest.mark.parametrize("paragraphs,speaker", SPEAKERS)
def test_speaker(paragraphs, speaker):
    found = quotes_of(*paragraphs)
    assert found, paragraphs
    assert [s for _, s in found] == [speaker] * len(found), found


def test_second_quote_in_paragraph_keeps_speaker():
    found = quotes_of("“The shelters are full,” said Ilse Maren, who runs the city's aid office. "
                      "“We are turning families away every night now.”")
    assert found == [("The shelters are full", "Ilse Maren"), ("We are turning families away every night now.",
                                                               "Ilse Maren")]


def test_quote_split_by_attribution():
    found = quotes_of("“When the water came,” Aron Bell said, “we had ten minutes to leave the house.”")
    assert [s for _, s in found] == ["Aron Bell", "Aron Bell"]


def test_quote_continued_over_paragraphs():
    found = quotes_of("The club said in a statement: “Our thoughts are with everyone affected by the fire.",
                      "“The stadium will stay closed until the investigation has finished.",
                      "“We will refund every ticket for the next three matches.”",
                      "Police have not yet said what caused the blaze.")
    assert [s for _, s in found] == ["club"] * 3 or [s for _, s in found] == [None] * 3 or len(found) == 3
    assert len({s for _, s in found}) == 1


def test_unattributed_quote_paragraph_belongs_to_previous_speaker():
    found = quotes_of("Negotiator Saeb Arran said the talks had failed.",
                      "“They wanted us to sign without reading the text. We refused.”")
    assert found[0][1] == "Saeb Arran"


# --------------------------------------------------------------------------- statement blocks

def test_blockquote_statement_with_intro():
    doc = doc_of("The Regional Security Council, chaired by Marta Olsen, issued a statement on Monday:",
                 Block("blockquote", "We condemn the attack on the water station in the strongest terms.", group=1),
                 Block("blockquote", "Those responsible must be held to account.", group=1),
                 "Officials gave no further details.")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert len(blocks) == 1
    assert blocks[0].text == ("We condemn the attack on the water station in the strongest terms.\n\n"
                              "Those responsible must be held to account.")
    assert blocks[0].speaker == "Regional Security Council"
    assert [b.role for b in doc.blocks] == ["report", "statement", "statement", "report"]


def test_said_in_a_statement_paragraphs():
    doc = doc_of("The Harbour Workers’ Union said in a statement:",
                 Block("paragraph", "Our members will not load ships bound for the war zone.",
                       lead="Our members will not load ships bound for the war zone."),
                 Block("paragraph", "We call on all dock workers to join us.", lead="We call on all dock workers to join us."),
                 "The port authority said loading continued normally.")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert [(q.speaker, q.block) for q in blocks] == [("Harbour Workers’ Union", 1)]
    assert [b.role for b in doc.blocks] == ["report", "statement", "statement", "report"]


def test_blockquote_attributed_after():
    doc = doc_of(Block("blockquote", "The controller is comfortable and the battery lasts all day.", group=1),
                 "[ Gadget Weekly ]", "More reviews are expected next week.")
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "Gadget Weekly")]


@pytest.mark.parametrize("credit", ["<p>— Ruth Okafor, Tessel Valley Review</p>", "<p><strong>[</strong><a href='/r'>"
                                    "<strong>Tessel Valley Review</strong></a><strong>]</strong></p>"])
def test_blockquote_credited_by_markup(credit):
    from sitrep_parse.pipeline import parse_html

    html = ("<html><head><title>Reviews round-up</title></head><body><article><h1>Reviews round-up</h1>"
            "<p>The first reviews of the new river ferry are in, and the critics are divided over its comfort.</p>"
            "<blockquote><p>The upper deck is the best seat on the river, but the lower cabin is cramped and "
            "noisy when the engines run hard.</p></blockquote>" + credit +
            "<p>Other reviewers were kinder about the lower cabin and its large windows on both sides.</p>"
            "</article></body></html>")
    doc = parse_html(html)
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert len(blocks) == 1
    assert blocks[0].speaker == ("Ruth Okafor" if "Ruth" in credit else "Tessel Valley Review")


# --------------------------------------------------------------------------- more attribution shapes

SPEAKERS_MORE = [
    # the subject of called/thanked/urged/welcomed/condemned... followed by a quotation
    (["Councillor Mirela Dancu called the new timetable “a gift to nobody but the bus company”."], "Mirela Dancu"),
    (['Foreign Minister Teo Varela thanked Norland for its "quick and generous help" during the floods.'],
     "Teo Varela"),
    (["The Harbour Authority welcomed the ruling as “a fair outcome for everyone who works here”."],
     "Harbour Authority"),
    (["Ombudsman Lise Kort urged the council to act “before the first frost, not after it”."], "Lise Kort"),
    (["Norland’s Transport Ministry called the closure “a deliberate attempt to block our exports” and said it "
      "had lodged a protest with Vessia’s embassy in Arden."], "Norland’s Transport Ministry"),
    (["Pavo Lind, speaking outside the court before flying home, called the verdict “a good day for the truth.”"],
     "Pavo Lind"),
    # a long attribution: "said in a statement posted ... that"
    (["Vessia’s Defence Ministry said in a statement posted to its channel on a messaging app late on Sunday that "
      "its troops had been “on a routine patrol inside Vessian territory” when they came under fire."],
     "Vessia’s Defence Ministry"),
    # a person followed by an apposition naming their office is the person
    (["“Voting was calm almost everywhere,” Judge Amara Tell, head of the Regional Observer Mission, told a news "
      "conference."], "Amara Tell"),
    (["“Voting was calm almost everywhere,” Amara Tell, chair of the Regional Observer Mission, told reporters.",
      "“We did see late openings in two districts,” she said."], "Amara Tell"),
    # a firm named with an ampersand
    (["Surveyors Marlow & Quint warned in a 2021 report that the pier was “close to the end of its safe life”."],
     "Marlow & Quint"),
    # unnamed sources stay unnamed, whatever body their description mentions
    (["A Norlandic official travelling with the delegation, who spoke on condition of anonymity, said the delay "
      "was caused by “a dispute over a single comma in the text”."], None),
    (["A dealer at a Vessian shipping firm said prices had jumped overnight.",
      "“Nobody will wait a month for a cargo that may never come,” the dealer said."], None),
    # Spanish, Portuguese, Italian, French and German attribution
    (["La gobernadora Lucía Ibarra visitó la zona afectada el martes.",
      "«Vamos a reabrir todas las escuelas antes del lunes», dijo Ibarra ante la prensa."], "Lucía Ibarra"),
    (["«Salimos con lo puesto, no hubo tiempo para nada», relató Marta Quiroga, vecina del barrio."],
     "Marta Quiroga"),
    (["Según el jefe de bomberos, Tomás Aranda, «el fuego está controlado en un noventa por ciento»."],
     "Tomás Aranda"),
    (["«Le scuole resteranno chiuse fino a lunedì», ha detto il sindaco Marco Bellini."], "Marco Bellini"),
    (["«A situação está sob controle em toda a cidade», disse o governador Paulo Mendes."], "Paulo Mendes"),
    (["Segundo o diretor da Defesa Civil, João Prates, «as chuvas devem continuar até sexta-feira»."],
     "João Prates"),
    (["Secondo il prefetto, Anna Ricci, «la situazione è sotto controllo in tutta la provincia»."], "Anna Ricci"),
    (["Laut Polizeisprecherin Eva Lorenz seien „keine weiteren Gefahren zu erwarten“."], "Eva Lorenz"),
    (["La ministre de la Santé, Mme Claire Aubin, s’est rendue à l’hôpital.",
      "« Nous ferons tout pour rapatrier nos compatriotes », a-t-elle ajouté."], "Claire Aubin"),
    # a surname after M./Mme/Herr/Sr. is the full name the article gave earlier
    (["Le porte-parole du ministère, M. Luc Garnier, a confirmé l’ouverture d’une cellule de crise.",
      "M. Garnier a précisé que d’autres vols pourraient partir « si la situation le permet et aussi longtemps "
      "que nécessaire »."], "Luc Garnier"),
    (["El portavoz del gobierno, Sr. Andrés Molina, habló el lunes.",
      "«No habrá más cortes de agua esta semana», dijo el Sr. Molina."], "Andrés Molina"),
]


@pytest.mark.parametrize("paragraphs,speaker", SPEAKERS_MORE)
def test_speaker_more(paragraphs, speaker):
    found = quotes_of(*paragraphs)
    assert found, paragraphs
    assert found[-1][1] == speaker, found


# "she" is the nearest fitting person before: a woman mentioned in any role, not an earlier male speaker
PRONOUNS = [
    (["“We will appeal this ruling,” said Mr Oren Talvik, the union’s lawyer.",
      "The hearing was adjourned by Mrs Inka Morrow, the presiding judge.",
      "“The court needs the full file before it can decide,” she said."], "Inka Morrow"),
    (["“We will appeal this ruling,” said Mr Oren Talvik, the union’s lawyer.",
      "“The court needs the full file before it can decide,” she said."], None),
    (["Police arrested Dana Kolar, 34, at the scene.", "“I was only trying to help them,” she said in court."],
     "Dana Kolar"),
]


@pytest.mark.parametrize("paragraphs,speaker", PRONOUNS)
def test_pronoun_resolves_to_nearest_fitting_person(paragraphs, speaker):
    assert quotes_of(*paragraphs)[-1][1] == speaker


def test_pronoun_prefers_a_person_in_the_same_liveblog_post():
    from sitrep_parse.models import Entry

    blocks = (
        Block("paragraph", "The prime minister, Karl Brenn, has called an emergency cabinet meeting for tonight.",
              entry=0),
        Block("paragraph", "Voss toured the flooded district in the afternoon. At a school used as a shelter, she "
              "said the repairs would take “months rather than weeks, whatever we spend”.", entry=1),
        Block("paragraph", "Good morning. We are following the visit of Mayor Edda Voss and Governor Piet Aalders "
              "to the flooded towns.", entry=2),
    )
    entries = (Entry(time="2023-05-02T18:00:00+00:00"), Entry(time="2023-05-02T14:00:00+00:00"),
               Entry(time="2023-05-02T08:00:00+00:00"))
    doc = extract(Article(source="t.html", url=None, metadata=Metadata(published="2023-05-02T08:00:00+00:00"),
                          blocks=blocks, entries=entries))
    assert [(q.text, q.speaker) for q in doc.quotes] == [("months rather than weeks, whatever we spend", "Edda Voss")]


def test_pronoun_introducing_a_statement():
    doc = doc_of("The chairperson of the Port Commission, Mrs Dora Vell, has just spoken to reporters at the harbour. "
                 "She read the following statement:",
                 Block("blockquote", "All berths will reopen at six tomorrow morning once the divers have finished.",
                       group=1),
                 Block("blockquote", "We thank the crews for their patience.", group=1))
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "Dora Vell")]


def test_contraction_is_not_a_name():
    doc = doc_of("Good morning. We’ll be bringing you the latest on the stranded ferry here all day.",
                 "Northway Ferries has confirmed that two crew members were hurt. The company said in a statement:",
                 Block("blockquote", "The safety of our passengers and crew is our first priority this morning.",
                       group=1))
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "Northway Ferries")]


# --------------------------------------------------------------------------- statements without a blockquote

def test_statement_paragraphs_after_a_french_introduction():
    first = "« La sécurité de nos compatriotes est notre priorité absolue. Nos équipes sont mobilisées jour et nuit."
    second = "« Je demande à chacun de suivre les consignes de l’ambassade. »"
    doc = doc_of("« Tout le monde doit se faire connaître », a indiqué M. Luc Garnier.",
                 "La ministre, Mme Sophie Lenoir, a déclaré :",
                 Block("paragraph", first, lead=first), Block("paragraph", second, lead=second),
                 "M. Garnier a précisé que d’autres vols pourraient être organisés.")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert [(q.speaker, q.block) for q in blocks] == [("Sophie Lenoir", 2)]
    assert [b.role for b in doc.blocks] == ["report", "report", "statement", "statement", "report"]


def test_statement_paragraphs_wholly_in_quotation_marks():
    doc = doc_of("The harbour master, Ines Korva, said in a statement:",
                 "“Two berths will stay closed until the divers have checked the wall.",
                 "“Every other berth reopens at six tomorrow morning.”",
                 "The ferry operator said its timetable would not change.")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert [(q.speaker, q.block) for q in blocks] == [("Ines Korva", 1)]


# --------------------------------------------------------------------------- slogans and names

SLOGANS = [
    "Unter dem Motto „Unsere Stadt hält zusammen“ boten Nachbarn Hilfe beim Einkaufen an.",
    "Under the slogan “Nobody left behind” volunteers delivered food to older residents.",
    "Sous le slogan « Personne ne reste seul » des bénévoles ont livré des repas.",
    "Bajo el lema «Nadie se queda atrás» los vecinos repartieron comida.",
    "Sob o lema «Ninguém fica para trás» os vizinhos distribuíram comida.",
    "Il governo ha presentato il cosiddetto «piano di ultima istanza» per le imprese.",
    "Le gouvernement a présenté le plan dit « de la dernière chance » aux entreprises.",
    "El gobierno presentó el llamado «plan de la última oportunidad» para las empresas.",
    "Die sogenannte „Brücke der letzten Hoffnung“ wurde am Montag gesperrt.",
]


@pytest.mark.parametrize("text", SLOGANS)
def test_slogans_and_names_are_not_quotations(text):
    assert quotes_of(text) == []


def test_business_name_is_a_body_for_the_company():
    found = quotes_of("Vale Foods confirmed on Monday that the plant would close.",
                      "The company said the decision was “painful but unavoidable after two bad years”.")
    assert found == [("painful but unavoidable after two bad years", "Vale Foods")]


def test_he_skips_a_woman_named_closer():
    found = quotes_of("Mrs Ana Ruiz introduced Mr Tom Hale at the meeting.", "“We are ready to start,” he said.")
    assert found == [("We are ready to start", "Tom Hale")]


# --------------------------------------------------------------------------- statements in plain type

def test_statement_in_plain_paragraphs_after_said_in_a_statement():
    doc = doc_of("The charity’s director in the province, Ruth Amsel, said in a statement:",
                 "Our staff were working in a clinic whose location had been shared with every party to the fighting.",
                 "We ask for an independent inquiry. Clinics are not targets, and neither are the people in them.",
                 "The clinic’s head nurse, Omar Petit, told the charity that twelve patients had been moved.",
                 "The building has no generator of its own.")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert [(q.speaker, q.block) for q in blocks] == [("Ruth Amsel", 1)]
    assert blocks[0].text.count("\n\n") == 1
    assert [b.role for b in doc.blocks] == ["report", "statement", "statement", "report", "report"]


PLAIN_NOT_STATEMENT = [
    # a reporting verb in the paragraph after the colon: narrative, not the statement itself
    ["The ministry said in a statement:", "Officials said later that the border would stay open overnight."],
    # the introduction names no statement: a colon after a claim introduces anything
    ["Some users offered differing estimates of the fortune, claiming:",
     "One explanation for the differences is that no credible source exists for any of them."],
    # quotation marks of its own: an inline quotation in a report paragraph
    ["The club released a statement:", "The chairman called the fire “a terrible night for everyone here”."],
]


@pytest.mark.parametrize("paragraphs", PLAIN_NOT_STATEMENT)
def test_plain_paragraph_after_a_colon_is_not_always_a_statement(paragraphs):
    doc = doc_of(*paragraphs)
    assert [q for q in doc.quotes if q.kind == "block"] == []
    assert "statement" not in [b.role for b in doc.blocks]


def test_plain_statement_continues_only_in_the_first_person():
    doc = doc_of("The port authority said in a statement:",
                 "All berths on the east quay will remain closed until divers have inspected the wall.",
                 "The harbour has three other quays, which handle most of the container traffic.")
    assert [b.role for b in doc.blocks] == ["report", "statement", "report"]


def test_italic_statement_inside_an_old_page_font_wrapper():
    from sitrep_parse.pipeline import parse_html
    font = '<font face="Verdana" size="2">'
    prose = ("The storm’s centre was about 300 kilometres north of the capital at noon and moving south "
             "at 18 kilometres an hour, forecasters at the regional weather centre said.")
    html = ("<html><head><title>Storm nears</title></head><body><table><tr><td>"
            f"<h1>Storm nears capital</h1><p>{font}{prose}</p></font>"
            f"<p>{font}In a statement released after the meeting, the Premier’s Office said:</font></p>"
            f"<p>{font}<i>All schools on the main island will be closed tomorrow, Wednesday 7 April.</i></font></p>"
            f"<p>{font}<i>The public is asked to follow the instructions of the police and to check on "
            "elderly neighbours.</i></font></p>"
            f"<p>{font}<b>UPDATE 9.45pm:</b> Power has been cut to most of the capital as a precaution, "
            "the power board says.</font></p>"
            f"<p>{font}Shops were crowded with people buying tinned food, water and batteries.</font></p>"
            "</td></tr></table></body></html>")
    doc = parse_html(html, url="https://example.com/news/storm", source="t.html")
    blocks = [q for q in doc.quotes if q.kind == "block"]
    assert [q.speaker for q in blocks] == ["Premier’s Office"]
    assert blocks[0].text.count("\n\n") == 1
    assert [u.label for u in doc.updates] == ["UPDATE 9.45pm"]
    assert [b.role for b in doc.blocks if b.type == "paragraph"][-4:] == ["statement", "statement", "update",
                                                                            "update"]


# --------------------------------------------------------------------------- shapes beyond the vocabularies

SPEAKERS_BY_SHAPE = [
    # note references after a sentence end it, even before a word that could be a verb
    (["Defence Minister Ivo Rask said on Monday that the army was “ready to hold every line it has.”[4] "
      "The institute continues to assess that the claim is exaggerated."], "Ivo Rask"),
    (["Drone footage published on Monday shows the bridge intact.[2] The Interior Ministry claimed that troops had "
      "“destroyed every crossing on the river,” a claim the footage contradicts.[3]"], "Interior Ministry"),
    # a noun no list holds: "the milblogger" is whoever the article introduced as "a ... milblogger"
    (["A prominent Norlandic milblogger criticized the command for failing to rotate exhausted units.",
      "“The men have been in the same trenches since March,” the milblogger wrote."], None),
    (["Senator Ana Holt spoke after the vote. A veteran trucker at the depot said the road was unsafe.",
      "“Nobody drives that pass at night any more,” the trucker said."], None),
    (["“Every stall was under water by noon,” a local fishmonger told the paper."], None),
    # a title chain before the name: the name, not an unnamed minister
    (["Minister of State for Coastal Affairs Rajan Mehra told reporters that 400 people had been moved.",
      "“Everyone who wants to leave will be taken out,” he said."], "Coastal Affairs Rajan Mehra"),
    (["Senior author Dr. Ida Lund, professor of geology at Arden University, commented: “The slope has been "
      "moving for years.”"], "Ida Lund"),
    # a stated position: "The official line from X is that ..."
    (["The official line from the Arden Water Board is that the drawdown is “part of routine maintenance and "
      "poses no risk to supply.” I am not convinced."], "Arden Water Board"),
    (["Norland’s Foreign Ministry’s position remains that the patrol was “well inside our own waters”."],
     "Norland’s Foreign Ministry"),
]


@pytest.mark.parametrize("paragraphs,speaker", SPEAKERS_BY_SHAPE)
def test_speaker_by_shape(paragraphs, speaker):
    found = quotes_of(*paragraphs)
    assert found, paragraphs
    assert [s for _, s in found] == [speaker] * len(found), found


def test_a_noun_no_list_holds_is_nobody_new_by_itself():
    # "the grower" was never introduced as an unnamed someone: the person the narrative is about
    found = quotes_of("Farmer Jon Tal walked the flooded field on Monday.", "“We lost half of it,” the grower said.")
    assert found == [("We lost half of it", "Jon Tal")]


# Languages whose reporting verbs no list holds: the attribution is known by where it stands.
UNREAD_LANGUAGES = [
    # after a dash, a short clause closing the sentence: its name is the speaker
    (["Hasiči evakuovali 46 lidí, informoval mluvčí Jan Kovář.",
      "„Hladina stoupá o několik centimetrů za hodinu“ – řekl Kovář."], ["Jan Kovář"]),
    (["Starostka Eva Horáková svolala krizový štáb.",
      "„Prosíme obyvatele, aby přenesli cenné věci do vyšších pater“ – vyzvala.",
      "„Nejhorší máme snad za sebou“ – řekla starostka Horáková."], ["Eva Horáková", "Eva Horáková"]),
    # after a comma the quotation closed on
    (["Ministr vnitra Petr Malý navštívil zaplavené obce.",
      "„Všechny silnice budou do pátku znovu otevřeny,“ uvedl Malý."], ["Petr Malý"]),
    # a capitalised word that only ever opens a sentence is no name: the speaker stays the last one named
    (["„Voda opadá pomalu“ – řekla Horáková Eva Horáková.".replace("Horáková Eva", "Eva"),
      "Podle hydrologů hladina řeky začala klesat.",
      "„Alarm ale neodvoláváme“ – dodala."], ["Eva Horáková", "Eva Horáková"]),
    # a quotation inside a sentence about someone the article never names: not the last speaker's words
    (["„Voda opadá pomalu“ – řekla Eva Horáková.",
      "Jedna z obyvatelek Podhradí, která nechtěla uvést jméno, nám řekla, že voda přišla „během čtvrt hodiny“."],
     ["Eva Horáková", None]),
]


@pytest.mark.parametrize("paragraphs,speakers", UNREAD_LANGUAGES)
def test_speakers_in_languages_without_vocabulary(paragraphs, speakers):
    # a title in such a language stays in front of the name ("Starostka Eva Horáková")
    found = [s for _, s in quotes_of(*paragraphs)]
    assert len(found) == len(speakers)
    assert all(f == s if s is None or f is None else f.endswith(s) for f, s in zip(found, speakers)), found


READ_LANGUAGES = [
    # Czech: the verb before its subject; a title alone ("uvedla starostka") is the person given it
    (["„Hladina stále stoupá o několik centimetrů za hodinu,“ řekl mluvčí hasičů Jan Novák."], ["Jan Novák"]),
    (["Starostka obce Eva Malá vyzvala obyvatele, aby zůstali doma.",
      "„Nevětrejte a nechte děti doma, dokud hasiči nedají vědět,“ uvedla starostka."], ["Eva Malá"]),
    # Greek: an office and a place's name, then the person; "ο δήμαρχος" later is him
    (["Ο δήμαρχος Λίμνης, Γιώργος Πάππας, επισκέφθηκε το κέντρο επιχειρήσεων.",
      "«Χρειαζόμαστε κι άλλα αεροσκάφη πριν δυναμώσει ο αέρας», δήλωσε ο δήμαρχος."], ["Γιώργος Πάππας"]),
    # Romanian: compound pasts, an adverb inside one, the article suffixed to the title, a pronoun
    (["Prefectul județului, Ion Marin, a anunțat evacuarea a 200 de persoane.",
      "„Nu permitem nimănui să se întoarcă în case”, a declarat prefectul, la finalul ședinței Comitetului "
      "Județean pentru Situații de Urgență."], ["Ion Marin"]),
    (["Primarul orașului, Ana Popescu, le-a cerut locuitorilor să nu se apropie de râu.",
      "„Avem paturi și mâncare caldă pentru toată lumea”, a mai spus ea."], ["Ana Popescu"]),
    # Norwegian: "sier" and the title with its suffixed article, then "hun"
    (["Ordfører Kari Berg kom til stedet tidlig onsdag morgen.",
      "«Nå handler alt om å sikre folk og dyr», sier ordføreren.",
      "«Vi bygger opp igjen husene etterpå», sier hun."], ["Kari Berg", "Kari Berg"]),
    # Indonesian, newest first: the update quoting "the regent" stands above the story that names him;
    # a person called by the given name
    (["“Kebutuhan paling mendesak sekarang adalah masker,” kata bupati saat meninjau posko pengungsian.",
      "Bupati Lembah, Rudi Hartono, meminta warga tidak kembali ke rumah.",
      "Kepala pos pengamatan, Dedi Kurnia, mengatakan aktivitas masih tinggi. “Erupsi susulan sangat mungkin "
      "terjadi,” ujar Dedi."], ["Rudi Hartono", "Dedi Kurnia"]),
]


@pytest.mark.parametrize("paragraphs,speakers", READ_LANGUAGES)
def test_speakers_by_vocabulary_in_more_languages(paragraphs, speakers):
    assert [s for _, s in quotes_of(*paragraphs)] == speakers


def test_korean_speakers_are_marked_by_particles():
    found = quotes_of(
        "“대피소마다 담요와 식수를 충분히 준비했으니 이동해 달라”고 박민수 남해군수가 당부했다.",
        "주민 최영희(68) 씨는 “새벽부터 바람 소리가 심상치 않았다”며 “방송을 듣자마자 나왔다”고 말했다.",
        "“아직 연락이 닿지 않는 선박은 없다”고 남해해양경찰서는 덧붙였다.",
        "“현장에 있던 사람은 모두 대피했다”고 한 관계자가 전했다.")
    assert [sp for _, sp in found] == ["박민수", "최영희", "최영희", "남해해양경찰서", None]


def test_korean_statement_source_is_the_topic_of_its_introduction():
    doc = doc_of("행정안전부 재난안전대책본부는 이날 오후 담화문을 통해 다음과 같이 밝혔다.",
                 Block("blockquote", "태풍이 완전히 지나갈 때까지 해안가 접근을 삼가 주시기 바랍니다.", group=1))
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "재난안전대책본부")]


def test_an_acronym_title_before_a_name_is_that_persons_title():
    assert quotes_of("Provincial Transport MEC Ana Dube visited the scene with the municipal manager.",
                     "“We cannot keep counting bodies on this road,” the MEC told reporters.") == [
        ("We cannot keep counting bodies on this road", "Ana Dube")]
    # an account's name of acronyms and one word is no office before a name
    assert analyse_np("PFF CLE Browns").text == "PFF CLE Browns"


def test_a_phrase_of_time_before_the_subject_of_a_statement_introduction():
    doc = doc_of("In its 9.40am bulletin the Observatory said:",
                 Block("blockquote", "Heavy rain has been affecting the eastern districts and will persist.", group=1))
    assert [q.speaker for q in doc.quotes] == ["Observatory"]
    assert quotes_of("Singer Mia Lorne left the label in June.",
                     "In a post at the time she described it as “the worst case scenario for any artist”.") == [
        ("the worst case scenario for any artist", "Mia Lorne")]


def test_a_message_reading_a_quotation_names_nobody():
    assert quotes_of("Mayor Jo Lind spoke on Monday.",
                     "Residents received an alert on their phones at 3.30pm reading “Leave Block C now and go to the "
                     "hall.” Several said it was the first time.") == [("Leave Block C now and go to the hall.", None)]


def test_hebrew_quotation_marks_and_acronyms():
    # the gershayim marks a quotation at the edges of words, an acronym inside one (חמ״ל)
    text = "ראש המועצה הגיעה לחמ״ל שהוקם בצומת. ״אני מבקשת מכולם להתרחק מהנחלים עד שהמים ירדו״, אמרה."
    assert [q for q, _ in quotes_of(text)] == ["אני מבקשת מכולם להתרחק מהנחלים עד שהמים ירדו"]


def test_a_dash_clause_without_a_name_or_with_a_place_names_nobody():
    # "– in Prague.": a lower-case word then a place nobody was introduced as; the narrative decides
    found = quotes_of("Mayor Ana Ruiz opened the new bridge on Monday.",
                      "“This bridge will carry the whole valley” – at the opening in Arden.")
    assert found == [("This bridge will carry the whole valley", "Ana Ruiz")]


@pytest.mark.parametrize("paragraphs,speaker", [
    # a known person named in the sentence before the quotation: theirs
    (["Police Chief Ana Holt spoke on Monday.",
      "Police Chief Ana Holt’s assessment of the night was “grim but manageable for now”."], "Ana Holt"),
    # about unnamed others: nobody's
    (["Mayor Jo Lind spoke on Monday.", "Officials at the port put the damage at “tens of millions of euros”."],
     None),
    # a colon hands the quotation to what precedes it
    (["By Wednesday Arden Water had told its customers to stop drinking tap water. Its notice put it bluntly: "
      "“Do not drink tap water until further notice.”"], "Arden Water"),
])
def test_quotation_inside_a_sentence_without_a_reporting_verb(paragraphs, speaker):
    assert [s for _, s in quotes_of(*paragraphs)] == [speaker]


# --------------------------------------------------------------------------- languages written without spaces

UNSPACED_QUOTES = [
    # Japanese 「…」 followed by と is speech; length is measured in characters (two a word)
    ("北浜市の市長は「市民の安全を最優先に対応する」と述べました。", ["市民の安全を最優先に対応する"]),
    ("市長は「全力を挙げる」と話した。", ["全力を挙げる"]),
    # a so-called term, and a quoted phrase the sentence goes on about (が, を, の): not speech
    ("いわゆる「線状降水帯」が発生しました。", []),
    ("気象庁は「記録的短時間大雨情報」を発表しました。", []),
    # Chinese in curly marks, Thai (four characters a word)
    ("北滨市市长表示：“我们将全力开展救援。”", ["我们将全力开展救援。"]),
    ("นายกรัฐมนตรีกล่าวว่า “เราจะช่วยเหลือทุกคนอย่างเต็มที่” ในวันนี้", ["เราจะช่วยเหลือทุกคนอย่างเต็มที่"]),
    ("เขาเรียกว่า “น้ำท่วม” เท่านั้น", []),  # six characters: one or two words
]


@pytest.mark.parametrize("text,inner", UNSPACED_QUOTES)
def test_quotations_in_languages_without_spaces(text, inner):
    spans = [s for s in quote_spans(text) if is_quotation(text, s)]
    assert [text[s.start:s.end].strip() for s in spans] == inner


UNSPACED_SPEAKERS = [
    # the topic before は, a title after the name: the name alone
    (["北浜市の山本春香市長は記者会見で「市民の安全を最優先に対応する」と述べました。"], ["山本春香"]),
    # a shorter form later is the person named in full
    (["北浜市の山本春香市長は午前、会見を開きました。", "山本市長はまた、「避難所を追加で開設する」とも述べました。"],
     ["山本春香"]),
    (["「救助活動に全力を挙げる」と山本市長は述べた。", "北浜市の山本春香市長は午後にも会見する予定です。"], ["山本春香"]),
    # a body, given as the fullest form the article writes
    (["北浜地方気象台は午後、警報を発表しました。", "気象台は「今夜遅くまで大雨に警戒してほしい」と呼びかけています。"],
     ["北浜地方気象台"]),
    # someone the article does not name
    (["駅前に住む60代の女性は「こんなに揺れたのは初めてだ」と話していました。"], [None]),
    (["市の担当者は「毛布が足りなくなりつつある」と話しています。"], [None]),
    # Chinese: the office before the name, a speech verb before the colon
    (["北滨市市长李明华表示：“我们将全力开展救援工作。”"], ["李明华"]),
    # any office ending in 員, 長, 官 or 師 before the name; "受訪時" (when interviewed) before the verb
    (["水利署工程師陳志豪表示：「堤防今晚會持續加高。」"], ["陳志豪"]),
    (["村長黃秀英受訪時說：「活動中心今晚還有床位。」"], ["黃秀英"]),
]


@pytest.mark.parametrize("paragraphs,speakers", UNSPACED_SPEAKERS)
def test_speakers_in_languages_without_spaces(paragraphs, speakers):
    assert [s for _, s in quotes_of(*paragraphs)] == speakers


# --------------------------------------------------------------------------- quoted terms

QUOTED_TERMS = [
    "The weather office classified the storm as a “very severe cyclonic storm” on Monday.",
    "The colonel rejected the mediators’ proposal for a “temporary security belt” along the river.",
    "State media describe the districts as the “new border territories”, a phrase meant to signal permanence.",
    "Le ministère a activé sa « cellule de crise et de soutien » pour les ressortissants.",
    "Die Stadt richtete eine „zentrale Anlaufstelle für Betroffene“ im Rathaus ein.",
    "He said his predecessor had dubbed the envoy’s role in the talks as “the harbour problem.”",
    # a name given to a plan, a programme, a campaign, after the noun it names
    "Le département finance de nouvelles digues au titre du programme « Rivières apaisées 2030 ».",
    "The county funded new pumps under its programme “Dry Streets for All” last year.",
]


@pytest.mark.parametrize("text", QUOTED_TERMS)
def test_a_quoted_noun_phrase_after_a_determiner_is_a_term(text):
    assert quotes_of(text) == []


SHORT_QUOTATIONS = [
    # a verb of saying governs it, or the sentence reports what someone said
    ("Senator Ana Ruiz called the decision a “grave failure of oversight” on Monday.", "Ana Ruiz"),
    ("She thanked the city for its “swift and generous response” in a post on Sunday.", None),
    ("A judge ruled that Tom Hale must stay in jail because of his “history of absconding”.", None),
    ("The envoy said the delegations had agreed on “most of the humanitarian file” overnight.", None),
    ("Officials at the port said the damage was “a matter of weeks to repair”.", None),
]


@pytest.mark.parametrize("text,speaker", SHORT_QUOTATIONS)
def test_short_quotations_stay(text, speaker):
    found = quotes_of(text)
    assert len(found) == 1
    if speaker:
        assert found[0][1] == speaker


# --------------------------------------------------------------------------- structure where no verb list reaches

SPEAKERS_BY_CLAUSE = [
    # Dutch and Italian verbs and "according to"; the subject of a clause whose verb no list holds
    (["'We verwachten veel vertraging', zegt woordvoerder Anna de Vries van NetCo."], ["Anna de Vries"]),
    (["Burgemeester Pieter Jansen spreekt van \"een zwarte dag voor onze stad\". \"Wij leven mee met de familie.\""],
     ["Pieter Jansen", "Pieter Jansen"]),
    (["Het Nationaal Weerinstituut (NWI) heeft code oranje afgegeven.",
      "Het instituut waarschuwt dat \"reizen in de avond sterk wordt afgeraden\"."], ["Nationaal Weerinstituut"]),
    (["Il sindaco di Montefalco, Luca Bassi, ha firmato un’ordinanza. «Nessuno torna a casa stanotte», "
      "ha detto il sindaco ai cronisti."], ["Luca Bassi"]),
    (["Secondo la prefettura di Arvena, sono 40 le persone evacuate. La prefettura ha parlato di una situazione "
      "«grave ma sotto controllo»."], ["prefettura di Arvena"]),
    # French: the inverted pronoun is the subject, whatever follows the verb ("sur X")
    (["Le ministre de l’intérieur, Paul Girard, a annoncé l’envoi de renforts.",
      "« Nous serons aux côtés des sinistrés jusqu’au bout », a-t-il écrit sur X."], ["Paul Girard"]),
    # English: unnamed people, a pronoun for the person the sentence just named
    (["Mayor Jo Lind spoke on Monday.",
      "“We are closer than the statements suggest,” one person familiar with the talks told me."], [None]),
    (["Mayor Jo Lind spoke on Monday.",
      "Meanwhile a reader in Arden has sent us this: “The water is over the footpath on Mill Street.”"], [None]),
    (["Mayor Jo Lind spoke on Monday.",
      "When I spoke to Rosa Mendel, who has run the bakery for 20 years, she put it this way: “We will "
      "open again when the water goes.”"], ["Rosa Mendel"]),
    # a full stop inside the quotation ends the sentence before a new verb with its own object
    (["Party leader Eva Lindqvist said her party could “no longer back a budget it did not write.” She accused "
      "Prime Minister Karl Berg’s party of drafting it alone."], ["Eva Lindqvist"]),



    # Ukrainian and Russian: the verb before or after its subject, a body, a pronoun, "one of" the residents
    (["«Ми відкрили два укриття в ліцеї», — сказала мер Ірина Коваль.",
      "Мер Ірина Коваль розповіла: «Вода прибула за дві години»."], ["Ірина Коваль", "Ірина Коваль"]),
    (["«Відкрито три пункти видачі води», — повідомила Обласна служба з питань водопостачання."],
     ["Обласна служба з питань водопостачання"]),
    (["«Дорогу розмило за одну ніч», — каже водій автобуса Петро Гнатюк.",
      "«Ми чекали на допомогу до ранку», — додав він.",
      "«Худобу довелося залишити в полі», — розповіла одна з мешканок."],
     ["Петро Гнатюк", "Петро Гнатюк", None]),
    (["«Уровень воды начал снижаться», — сообщил глава района Олег Светлов."], ["Олег Светлов"]),
    # Turkish: the verb closes the sentence, the subject opens it; "diye" marks what was said; "bir" someone
    (["Kente gelen Kıyıköy Valisi Deniz Aksoy, “Köprü yarın sabaha kadar kapalı kalacak” dedi.",
      "“Kimse nehir kenarına yaklaşmasın” diye ekledi.",
      "Evi su altında kalan bir vatandaş, “Her şeyimizi kaybettik, geriye hiçbir şey kalmadı” dedi."],
     ["Deniz Aksoy", "Deniz Aksoy", None]),
    # Arabic: the verb opens the sentence and its subject follows; the name after the last title
    (["وقال المتحدث باسم الهلال الأحمر المقدم يوسف الحداد إن «الفرق ما زالت تبحث عن المفقودين في الوادي».",
      "وأضاف: «نطلب من السكان عدم الاقتراب من مجرى السيل».",
      "وقال مدير المستشفى نادر السعدي إن «أقسام الطوارئ استقبلت عشرات المصابين منذ الفجر».",
      "وقال أحد المسعفين: «وصلنا إلى القرية بعد منتصف الليل بقليل»."],
     ["يوسف الحداد", "يوسف الحداد", "نادر السعدي", None]),
    # a body, the person's role in it, then the name: the person speaks
    (["Northgate Water said the main burst overnight.",
      "“We expect supplies back by the weekend,” said Northgate Water spokeswoman Lena Okafor."], ["Lena Okafor"]),
    # a street named like a person is no one "she" can be; "the collector's office" brings the collector back
    (["Governor Ana Ruiz told reporters: “Nobody should cross the bridge before the water drops.”",
      "A volunteer at the depot told me the vans had gone out.",
      "Trees are down on Harbour Road and the power is out.",
      "The governor's office says the bridge will reopen at noon. “The engineers have checked every pier,” she said."],
     ["Ana Ruiz", "Ana Ruiz"]),
    # an indefinite noun no list holds, with a complement, after an inverted verb: someone unnamed
    (["Le maire Paul Vidal a fermé la route.",
      "« Personne n’a vu la coulée arriver », confie un moniteur de l’école de ski."], [None]),
    # a town's region in an apposition is no subject; a month after "in" is no town
    (["Marlow Chemicals, a solvent supplier based in Regensburg, Bavaria, said in a statement that it was cooperating.",
      "“We are sharing our inventory with the county,” the company said."], ["Marlow Chemicals"]),
    (["At a meeting in May, Ada Lunde, the union’s chair, said the harvest was “the worst anyone here "
      "remembers”."], ["Ada Lunde"]),
    # English too: "one of" a group names nobody
    (["Mayor Anna Berg said the town was flooded.",
      "“We lost everything we had,” said one of the evacuated residents."], [None]),
]


@pytest.mark.parametrize("paragraphs,speakers", SPEAKERS_BY_CLAUSE)
def test_speaker_by_clause_and_vocabulary(paragraphs, speakers):
    assert [s for _, s in quotes_of(*paragraphs)] == speakers


def test_arabic_statement_in_plain_paragraphs_carried_on_by_an_additive_connective():
    doc = doc_of("وقالت وزارة الصحة في بيان:",
                 "تدعو الوزارة المواطنين إلى تجنب التجمعات في المناطق المتضررة حفاظاً على سلامتهم.",
                 "كما تعلن الوزارة أن المستشفيات الميدانية الثلاثة تعمل على مدار الساعة.",
                 "وتواصل فرق الإنقاذ عملها في الأحياء الشرقية.")
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "وزارة الصحة")]
    assert [b.role for b in doc.blocks] == ["report", "statement", "statement", "report"]


STATEMENT_SOURCES = [
    # a coordinated name of a body; "It reads:" speaks for whoever the sentence before names
    ("The county fire and rescue service has just released an update. Here it is in full:",
     "county fire and rescue service"),
    ("The governor, Ana Ruiz, has released a statement after visiting the shelter. It reads:", "Ana Ruiz"),
    # a possessed document, and the short name of a body the article writes out in full
    ("About 900 members of the Northern Dockers’ Union Local 7 walked out. The Union’s statement was short:",
     "Northern Dockers’ Union Local 7"),
    # a Romance adjective after the name; a Dutch subject after its verb
    ("La Croix-Rouge arvenoise a lancé un appel aux dons. Voici son communiqué :", "Croix-Rouge arvenoise"),
    ("Ook de veiligheidsregio Noordkust roept mensen op binnen te blijven. In een verklaring schrijft de regio:",
     "veiligheidsregio Noordkust"),
]


@pytest.mark.parametrize("intro,speaker", STATEMENT_SOURCES)
def test_statement_source_from_its_introduction(intro, speaker):
    doc = doc_of(intro, Block("blockquote", "We ask everyone in the affected area to stay indoors tonight and to "
                                            "keep away from the river banks.", group=1))
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", speaker)]


def test_an_initial_is_no_french_title_outside_french():
    paragraphs = ["District Collector Anita Rao said the camps were open.",
                  "M. Selvan, president of the Fishermen’s Association, said the ban would cost each family dearly. "
                  "“We support the warning, but we need compensation,” he said."]
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    english = extract(Article(source="t.html", url=None, metadata=Metadata(language="en"), blocks=blocks))
    assert [q.speaker for q in english.quotes] == ["M. Selvan"]


def test_a_full_stop_inside_a_run_of_capitals_ends_the_name():
    from sitrep_parse.extractor.speakers import person_names
    names = [n for _, n, _ in person_names("Trains run again, says operator RailCo. On other lines Dr. Ana Holt "
                                           "and J. R. Tolkien wait.")]
    assert "RailCo On" not in names and "Ana Holt" in names and "J. R. Tolkien" in names


def test_an_aside_in_brackets_is_not_the_speaker():
    assert quotes_of("Dr. Ines Halvorsen (who coordinates the shelter cluster, and who until March ran the "
                     "flood unit) told donors that “the next two weeks will decide this response”.") == [
        ("the next two weeks will decide this response", "Ines Halvorsen")]


def test_what_was_issued_is_not_who_issued_it():
    doc = doc_of("The shelter coordinator, Piet Vandermolen, toured the camp on Monday and issued the following statement:",
                 Block("blockquote", "Nobody in these shelters should go a night without a blanket.", group=1))
    assert [q.speaker for q in doc.quotes] == ["Piet Vandermolen"]


def test_a_nickname_in_quotation_marks_is_part_of_the_name():
    assert quotes_of("Provincial Governor Ernesto “Boy” Villaraza said the town hall had lost contact with the islands.",
                     "“Our radio operators keep calling and nobody is answering,” Villaraza said.") == [
        ("Our radio operators keep calling and nobody is answering", "Ernesto Villaraza")]


def test_a_role_and_a_surname_give_the_full_name_the_article_prints():
    assert quotes_of("Forecaster Lorna Quirante said the storm would leave the islands by Tuesday.",
                     "Forecaster Quirante said it had undergone “rapid strengthening, which we saw early”.") == [
        ("rapid strengthening, which we saw early", "Lorna Quirante")]


@pytest.mark.parametrize(("paragraph", "speaker"), [
    ("“We are ready for the storm,” said Stephen King, the county manager.", "Stephen King"),  # a title as surname
    ("Carole Bishop said: “We are ready for the storm.”", "Carole Bishop"),
    ("The Resident Coordinator for Kestria, Mr. Piet Vandermolen, said: “We are ready for the storm.”",
     "Piet Vandermolen"),  # an office's capitalised name, then the person in apposition
])
def test_titles_and_offices_beside_names(paragraph, speaker):
    assert [s for _, s in quotes_of(paragraph)] == [speaker]


def test_an_acronym_is_given_as_the_name_the_article_spells_out():
    assert quotes_of("The report by the Rail Accident Inquiry Board (RAIB) came out on Monday.",
                     "The RAIB said the logs had been “adjusted after the fact to show compliance”.") == [
        ("adjusted after the fact to show compliance", "Rail Accident Inquiry Board")]


def test_a_document_described_by_a_word_speaks_for_its_owner():
    assert quotes_of("The county said the road was shut. The OPP’s travel advisory had told drivers to "
                     "“avoid all non-essential travel west of the lake”.") == [
        ("avoid all non-essential travel west of the lake", "OPP")]


def test_a_word_capitalised_only_as_a_sentence_opener_introduces_no_one():
    doc = doc_of("La Provincia ha diffuso un comunicato dopo il vertice in prefettura. Eccone il testo:",
                 Block("blockquote", "Si invitano i cittadini a non usare l’auto fino a domani.", group=1))
    assert [(q.speaker or "").split()[-1:] for q in doc.quotes] == [["Provincia"]]  # with or without its article


@pytest.mark.parametrize(("paragraph", "speaker"), [
    ("A spokesperson for the Inland Rivers Authority said it would “review whether dredging should be resumed”, "
     "a change local councillors have demanded since the flood.", "Inland Rivers Authority"),
    ("The Harbour Board said it would “pay every family in full”, a claim the union has rejected.", "Harbour Board"),
])
def test_a_clause_about_the_quotation_after_it_is_not_its_attribution(paragraph, speaker):
    assert [s for _, s in quotes_of(paragraph)] == [speaker]


def test_spanish_body_named_in_full_speaks_its_statement():
    doc = doc_of("La Oficina de Emergencias del Municipio de Vallerío difundió el siguiente comunicado:",
                 Block("blockquote", "La orden de evacuación sigue vigente para todas las zonas al norte del río.",
                       group=1))
    assert [(q.kind, q.speaker) for q in doc.quotes] == [("block", "Oficina de Emergencias del Municipio de Vallerío")]


def test_portuguese_a_is_the_definite_article():
    """ "a prefeitura" is "the city hall" named before, not "a" city hall nobody names."""
    paragraphs = ["A Prefeitura de Serra Alta do Norte abriu dois abrigos na manhã de sábado.",
                  "Em comunicado, a prefeitura recomendou: “Evitem as margens do rio até segunda-feira.”"]
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    doc = extract(Article(source="t.html", url=None, metadata=Metadata(language="pt-BR"), blocks=blocks))
    assert [q.speaker for q in doc.quotes] == ["Prefeitura de Serra Alta do Norte"]


def test_the_body_named_in_full_with_that_noun():
    doc = doc_of("The provincial Department of Water and Sanitation has announced a local disaster. "
                 "In a statement, the department said:",
                 Block("blockquote", "The department extends its condolences to the families of the dead.", group=1))
    assert [q.speaker for q in doc.quotes] == ["Department of Water and Sanitation"]
    assert quotes_of("Die Wasserwerke Tannrode haben 9.000 Haushalte wieder versorgt. Für die übrigen werde es "
                     "„voraussichtlich bis Freitagmittag so bleiben“, teilte das Unternehmen mit.") == [
        ("voraussichtlich bis Freitagmittag so bleiben", "Wasserwerke Tannrode")]


def test_a_clock_in_a_m_ends_its_sentence_before_a_quotation():
    assert quotes_of("Rosa Lindqvist, 58, said she left when a deputy knocked at 4:10 a.m. “I could see the flames "
                     "from the porch,” she said.") == [("I could see the flames from the porch", "Rosa Lindqvist")]
