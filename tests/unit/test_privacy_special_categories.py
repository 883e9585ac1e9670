import pytest
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistry

from klarchat.privacy.nlp_engine import BlankSpacyNlpEngine
from klarchat.privacy.special_categories import (
    SCORE,
    Category,
    Cued,
    SpecialCategoryRecognizer,
    Terms,
    compile_prefilter,
    special_category_recognizers,
    spelled,
)

HEALTH = Category.HEALTH
RELIGION = Category.RELIGION
ETHNIC = Category.ETHNIC_ORIGIN
POLITICAL = Category.POLITICAL_OPINION
SEXUAL = Category.SEXUAL_ORIENTATION
UNION = Category.TRADE_UNION
BIOMETRIC = Category.BIOMETRIC
GENETIC = Category.GENETIC


@pytest.fixture(scope="module")
def analyzer() -> AnalyzerEngine:
    registry = RecognizerRegistry(supported_languages=["de", "en"])
    for language in ("de", "en"):
        for recognizer in special_category_recognizers(language):
            registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=BlankSpacyNlpEngine(["de", "en"]),
        supported_languages=["de", "en"],
    )


def found(analyzer: AnalyzerEngine, text: str, language: str) -> set[tuple[str, str]]:
    return {
        (result.entity_type, text[result.start : result.end])
        for result in analyzer.analyze(text, language=language)
    }


def expected(*pairs: tuple[Category, str]) -> set[tuple[str, str]]:
    return {(category.entity_type, words) for category, words in pairs}


GERMAN_POSITIVES = [
    # Health
    (
        "Ich bin Diabetikerin und wollte fragen, ob die Pralinen Zucker enthalten.",
        [(HEALTH, "Diabetikerin")],
    ),
    ("Seit meiner Hüft-OP kann ich nicht mehr so gut laufen.", [(HEALTH, "Hüft-OP")]),
    (
        "Ich habe starke Rückenschmerzen und kann das Paket nicht tragen.",
        [(HEALTH, "Rückenschmerzen")],
    ),
    (
        "Meine Mutter ist Diabetes-Patientin, gibt es das auch ohne Zucker?",
        [(HEALTH, "Diabetes-Patientin")],
    ),
    (
        "Nach der Krebsdiagnose meines Mannes brauchen wir mehr Zeit für die Zahlung.",
        [(HEALTH, "Krebsdiagnose")],
    ),
    (
        "Ich brauche meine Blutdruckmedikamente dringend, wann kommt die Lieferung?",
        [(HEALTH, "Blutdruckmedikamente")],
    ),
    (
        "Ich bin gerade in der Chemotherapie und kann den Termin nicht wahrnehmen.",
        [(HEALTH, "Chemotherapie")],
    ),
    (
        "Wegen meiner Schwangerschaft möchte ich den Kurs verschieben.",
        [(HEALTH, "Schwangerschaft")],
    ),
    (
        "Ich hatte einen Bandscheibenvorfall und kann nicht aufbauen.",
        [(HEALTH, "Bandscheibenvorfall")],
    ),
    (
        "Meine Schwester hat multiple Sklerose und braucht Hilfe beim Ausfüllen.",
        [(HEALTH, "multiple Sklerose")],
    ),
    ("Ich bin krank und kann erst nächste Woche zurückschicken.", [(HEALTH, "krank")]),
    ("Mein Sohn ist krank, deshalb sagen wir die Buchung ab.", [(HEALTH, "krank")]),
    (
        "Ich bin krankgeschrieben, die Krankmeldung schicke ich Ihnen.",
        [(HEALTH, "krankgeschrieben"), (HEALTH, "Krankmeldung")],
    ),
    (
        "Ich liege seit Montag im Krankenhaus, bitte stellen Sie beim Nachbarn zu.",
        [(HEALTH, "Krankenhaus")],
    ),
    ("Ich wurde letzte Woche am Knie operiert.", [(HEALTH, "operiert")]),
    ("Ich war heute beim Hausarzt und komme später.", [(HEALTH, "Hausarzt")]),
    (
        "Ich nehme Antidepressiva, darf ich das Nahrungsergänzungsmittel trotzdem nehmen?",
        [(HEALTH, "Antidepressiva")],
    ),
    ("Ich bin Rollstuhlfahrerin, gibt es einen Aufzug?", [(HEALTH, "Rollstuhlfahrerin")]),
    (
        "Ich bin schwerbehindert (GdB 50), bekomme ich Ermäßigung?",
        [(HEALTH, "schwerbehindert"), (HEALTH, "GdB")],
    ),
    ("Ich habe Corona und bin in Quarantäne.", [(HEALTH, "Corona"), (HEALTH, "Quarantäne")]),
    (
        "Ich habe eine Laktoseintoleranz, ist der Kuchen laktosefrei?",
        [(HEALTH, "Laktoseintoleranz")],
    ),
    (
        "Mein Vater ist an Demenz erkrankt und hat das Abo aus Versehen abgeschlossen.",
        [(HEALTH, "Demenz"), (HEALTH, "erkrankt")],
    ),
    ("Ich bin allergisch gegen Nüsse.", [(HEALTH, "allergisch")]),
    ("Meine Tochter hat ADHS und braucht ruhige Kopfhörer.", [(HEALTH, "ADHS")]),
    # Religion
    (
        "Als gläubiger Muslim esse ich kein Schweinefleisch.",
        [(RELIGION, "gläubiger"), (RELIGION, "Muslim")],
    ),
    ("Ich bin Zeugin Jehovas und feiere keinen Geburtstag.", [(RELIGION, "Zeugin Jehovas")]),
    ("Ich gehe jeden Sonntag in die Kirche, können Sie samstags liefern?", [(RELIGION, "Kirche")]),
    ("Ich bin letztes Jahr aus der Kirche ausgetreten.", [(RELIGION, "Kirche")]),
    (
        "Wir sind jüdisch und feiern Pessach, bitte vor Freitag liefern.",
        [(RELIGION, "jüdisch"), (RELIGION, "Pessach")],
    ),
    ("Während des Ramadan faste ich, bitte keine Lieferung tagsüber.", [(RELIGION, "Ramadan")]),
    (
        "Ich zahle keine Kirchensteuer mehr und brauche die Bescheinigung.",
        [(RELIGION, "Kirchensteuer")],
    ),
    ("Zur Konfirmation meines Sohnes brauche ich den Anzug.", [(RELIGION, "Konfirmation")]),
    # Ethnic origin
    ("Wegen meiner Hautfarbe wurde ich im Laden kontrolliert.", [(ETHNIC, "Hautfarbe")]),
    (
        "Ich habe einen Migrationshintergrund und frage mich, ob das eine Rolle spielt.",
        [(ETHNIC, "Migrationshintergrund")],
    ),
    ("Als Schwarze werde ich in Ihrer Filiale ständig angesprochen.", [(ETHNIC, "Schwarze")]),
    ("Ich bin türkischer Abstammung.", [(ETHNIC, "Abstammung")]),
    ("Meine Familie sind Sinti, wir reisen viel.", [(ETHNIC, "Sinti")]),
    # Political opinion
    ("Ich wähle die Grünen und achte auf Nachhaltigkeit.", [(POLITICAL, "Grünen")]),
    ("Ich bin Mitglied der SPD und organisiere ein Sommerfest.", [(POLITICAL, "SPD")]),
    ("Ich bin seit Jahren SPD-Mitglied.", [(POLITICAL, "SPD-Mitglied")]),
    ("Ich habe AfD gewählt, na und?", [(POLITICAL, "AfD")]),
    ("Als überzeugte Pazifistin kaufe ich kein Kriegsspielzeug.", [(POLITICAL, "Pazifistin")]),
    # Trade union
    ("Ich bin seit 20 Jahren bei ver.di.", [(UNION, "ver.di")]),
    ("Mein Mann ist Mitglied der IG Metall.", [(UNION, "IG Metall")]),
    ("Ich bin ver.di-Mitglied und streike morgen.", [(UNION, "ver.di-Mitglied")]),
    ("Als Gewerkschaftsmitglied bekomme ich doch Rabatt?", [(UNION, "Gewerkschaftsmitglied")]),
    ("Ich bin in der Gewerkschaft und brauche eine Quittung.", [(UNION, "Gewerkschaft")]),
    # Sexual orientation
    ("Mein Partner und ich sind ein schwules Paar.", [(SEXUAL, "schwules")]),
    ("Ich bin lesbisch und suche ein Geschenk für meine Frau.", [(SEXUAL, "lesbisch")]),
    ("Meine Tochter ist eine Transfrau.", [(SEXUAL, "Transfrau")]),
    ("Ich bin bisexuell.", [(SEXUAL, "bisexuell")]),
    (
        "Ich bin Atheist, bitte keine religiösen Motive.",
        [(RELIGION, "Atheist"), (RELIGION, "religiösen")],
    ),
    # Biometric
    ("Mein Fingerabdruck wurde bei der Behörde gespeichert.", [(BIOMETRIC, "Fingerabdruck")]),
    ("Die Bank hat biometrische Daten von mir.", [(BIOMETRIC, "biometrische")]),
    ("Bei der Kontoeröffnung wurde ein Gesichtsscan gemacht.", [(BIOMETRIC, "Gesichtsscan")]),
    # Genetic
    (
        "Wir haben einen DNA-Test gemacht und wollen das Ergebnis besprechen.",
        [(GENETIC, "DNA-Test")],
    ),
    ("Ich habe eine Genmutation (BRCA1).", [(GENETIC, "Genmutation"), (GENETIC, "BRCA1")]),
    ("Ich bin erblich vorbelastet.", [(GENETIC, "erblich vorbelastet")]),
    ("Der Vaterschaftstest war eindeutig.", [(GENETIC, "Vaterschaftstest")]),
    # Spelled without umlauts
    ("Ich habe Rueckenschmerzen.", [(HEALTH, "Rueckenschmerzen")]),
]

ENGLISH_POSITIVES = [
    (
        "I'm diabetic and wanted to ask whether the chocolate contains sugar.",
        [(HEALTH, "diabetic")],
    ),
    ("Since my hip replacement I can't carry heavy parcels.", [(HEALTH, "hip replacement")]),
    ("I have terrible back pain, can the courier bring it upstairs?", [(HEALTH, "back pain")]),
    (
        "My wife was diagnosed with breast cancer last month.",
        [(HEALTH, "diagnosed"), (HEALTH, "cancer")],
    ),
    ("I'm pregnant and can't lift the box.", [(HEALTH, "pregnant")]),
    ("My son is ill, so I couldn't pick up the parcel.", [(HEALTH, "ill")]),
    ("I'm in hospital until Friday.", [(HEALTH, "hospital")]),
    ("I'm on sick leave this week.", [(HEALTH, "sick leave")]),
    ("I have ADHD and PTSD.", [(HEALTH, "ADHD"), (HEALTH, "PTSD")]),
    ("My doctor says I shouldn't lift anything.", [(HEALTH, "doctor")]),
    ("My husband had a stroke last year.", [(HEALTH, "stroke")]),
    ("I'm lactose intolerant, is the cake dairy-free?", [(HEALTH, "lactose intolerant")]),
    ("As a devout Muslim I don't eat pork.", [(RELIGION, "Muslim")]),
    (
        "I'm Jewish and need the delivery before Shabbat.",
        [(RELIGION, "Jewish"), (RELIGION, "Shabbat")],
    ),
    ("I'm a Christian and would like a card without Halloween motifs.", [(RELIGION, "Christian")]),
    ("I go to church every Sunday, can you deliver on Saturday?", [(RELIGION, "church")]),
    ("As a Black woman I felt profiled in your store.", [(ETHNIC, "Black")]),
    ("I'm of Irish descent.", [(ETHNIC, "descent")]),
    ("I vote Labour.", [(POLITICAL, "Labour")]),
    ("I'm a member of the Green Party.", [(POLITICAL, "Green Party")]),
    ("I'm a lifelong Republican.", [(POLITICAL, "Republican")]),
    ("I voted for the Tories.", [(POLITICAL, "Tories")]),
    ("I strongly support the Greens.", [(POLITICAL, "Greens")]),
    ("I've been a member of Unison for 20 years.", [(UNION, "Unison")]),
    ("I'm a union member, do you give a discount?", [(UNION, "union member")]),
    ("My union rep told me to contact you.", [(UNION, "union rep")]),
    ("My partner and I are a gay couple.", [(SEXUAL, "gay")]),
    ("I'm a trans woman.", [(SEXUAL, "trans woman")]),
    ("I identify as non-binary.", [(SEXUAL, "non-binary")]),
    ("My fingerprints were taken at the police station.", [(BIOMETRIC, "fingerprints")]),
    ("The bank stored my biometric data.", [(BIOMETRIC, "biometric")]),
    ("We did a DNA test and want to discuss the results.", [(GENETIC, "DNA test")]),
    (
        "I have a genetic predisposition to heart disease.",
        [(GENETIC, "genetic predisposition"), (HEALTH, "heart disease")],
    ),
]

GERMAN_NEGATIVES = [
    "Meine Krankenkasse übernimmt die Kosten nicht.",
    "Bitte liefern Sie an die Kirchstraße 5.",
    "Die Vertragspartei hat nicht reagiert.",
    "Die Apotheke öffnet wann?",
    "Haben Sie den grünen Pullover noch in M?",
    "Die linke Seite des Tisches ist beschädigt.",
    "Was ist das Herkunftsland des Kaffees?",
    "Gibt es die Jacke auch in schwarz?",
    "Die Gesichtscreme ist ausverkauft.",
    "Der Fingerabdrucksensor des Handys funktioniert nicht.",
    "Das Rezept ist gesund und lecker.",
    "Wo ist der Krankenhausparkplatz?",
    "Haben Sie am Feiertag geöffnet?",
    "Ich bin Ärztin und möchte eine Sammelbestellung aufgeben.",
    "Wegen des Verdi-Streiks kommt mein Paket später?",
    "Die CDU hat gestern ein neues Programm vorgestellt.",
    "Ich habe es schon dreimal versucht.",
    "Das Paket wurde an der Kirche abgelegt.",
    "Ich glaube, die Lieferung ist verloren gegangen.",
    "Gott sei Dank ist das Paket angekommen!",
    "Ist das Fleisch halal?",
    "Ich habe das Geld genommen und bin gegangen.",
    "Wir haben den Artikel umgetauft.",
    "Der Gläubiger hat mir eine Mahnung geschickt.",
    "Das Desinfektionsmittel ist leer.",
    "Ich hätte gern das Blutdruckmessgerät von Omron.",
    "Ist der Eingang rollstuhlgerecht?",
    "Ist die Creme allergikerfreundlich und hypoallergen?",
    "Ich hatte Lampenfieber vor der Präsentation.",
    "Ich möchte Flusskrebs bestellen.",
    "Sind die Tomaten genetisch verändert?",
    "Das Evangelische Krankenhaus hat bestellt.",
    "Die Rechnung ging an die Krankenversicherung.",
    "Ich arbeite als Krankenpfleger.",
    "Die Diagnose der Werkstatt: Motor defekt.",
    "Das Olivenöl italienischer Herkunft ist lecker.",
    "Ich bin seit 20 Jahren bei Ihnen Kunde.",
    "Ich wähle die linke Variante.",
    "Wir haben Corona-bedingt geschlossen.",
    "Die Roma-Tomaten waren matschig.",
    "Ist die Lieferung nach Kirchheim möglich?",
    "Ich bin gespannt auf das neue Modell, ist es wasserdicht?",
    "Die Kirchengemeinde hat bei uns Stühle bestellt.",
    "Wir liefern auch an die Jüdische Gemeinde.",
    "Mein Hund braucht eine Impfung, haben Sie Termine?",
    "Ich bin Mitglied im ADAC, bekomme ich Rabatt?",
    "Die Tabletten sind in der falschen Packung geliefert worden.",
]

ENGLISH_NEGATIVES = [
    "I'm sick of waiting for my refund.",
    "Our health insurance provider needs the invoice.",
    "Please deliver to 5 Church Street.",
    "Where is the nearest pharmacy?",
    "Do you have the green sweater in medium?",
    "What is the country of origin of the coffee?",
    "Do you have this jacket in black?",
    "The fingerprint sensor on my phone doesn't work.",
    "The recipe is healthy and delicious.",
    "Where is the hospital car park?",
    "I'm a doctor and would like to place a bulk order.",
    "The Labour government announced new rules yesterday.",
    "The union strike delayed my parcel.",
    "I joined your credit union last year.",
    "Oh my God, the parcel finally arrived!",
    "My account was disabled.",
    "The setup was a real pain.",
    "The jacket is ill-fitting.",
    "Is the entrance wheelchair accessible?",
    "Are these tomatoes genetically modified?",
    "Please check the SSH key fingerprint.",
    "The new model is coming out next week.",
    "Christian from your team helped me.",
    "I need a blood pressure monitor.",
    "The malware infection slowed my laptop.",
    "Is the app platform agnostic?",
    "The Republican candidate spoke on TV.",
    "I bought a Christian Dior bag.",
    "My race starts at 9 am, can you deliver before?",
    "I pray the parcel arrives today.",
    "My order confirmation never arrived.",
    "Please send it to the Catholic school on Main Road.",
    "I'm a black belt in karate.",
    "The operation failed with error 500.",
    "They're Black Friday deals, right?",
    "Our union of two companies needs a new contract.",
    "I'm a member of the gym, do I get a discount?",
    "Is the Roma tomato sauce vegan?",
]


@pytest.mark.parametrize(("text", "pairs"), GERMAN_POSITIVES)
def test_german_special_categories(analyzer, text, pairs):
    assert found(analyzer, text, "de") == expected(*pairs)


@pytest.mark.parametrize(("text", "pairs"), ENGLISH_POSITIVES)
def test_english_special_categories(analyzer, text, pairs):
    assert found(analyzer, text, "en") == expected(*pairs)


@pytest.mark.parametrize("text", GERMAN_NEGATIVES)
def test_german_near_misses_are_not_flagged(analyzer, text):
    assert found(analyzer, text, "de") == set()


@pytest.mark.parametrize("text", ENGLISH_NEGATIVES)
def test_english_near_misses_are_not_flagged(analyzer, text):
    assert found(analyzer, text, "en") == set()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_category_has_a_recognizer_per_language(language):
    recognizers = special_category_recognizers(language)
    assert [r.supported_entities for r in recognizers] == [[c.entity_type] for c in Category]
    assert {r.supported_language for r in recognizers} == {language}


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'fr'"):
        special_category_recognizers("fr")


def test_entity_types_are_the_upper_case_values():
    assert Category.HEALTH.entity_type == "HEALTH"
    assert Category.ETHNIC_ORIGIN.entity_type == "ETHNIC_ORIGIN"
    assert [c.value for c in Category] == [
        "health",
        "religion",
        "ethnic_origin",
        "political_opinion",
        "sexual_orientation",
        "trade_union",
        "biometric",
        "genetic",
    ]


def test_results_carry_score_and_explanation(analyzer):
    (result,) = analyzer.analyze(
        "Ich bin Diabetikerin.", language="de", return_decision_process=True
    )
    assert result.score == SCORE
    explanation = result.analysis_explanation
    assert explanation.recognizer == "SpecialCategoryRecognizer_health_de"
    assert "health" in explanation.textual_explanation


def test_a_recognizer_answers_only_for_its_entity():
    recognizer = special_category_recognizers("de")[0]
    assert recognizer.analyze("Ich bin krank.", ["RELIGION"]) == []


def test_several_findings_in_one_message_keep_their_offsets(analyzer):
    text = "Hallo! Ich bin Diabetikerin, seit 2019 Mitglied bei ver.di und wähle die Grünen."
    results = sorted(analyzer.analyze(text, language="de"), key=lambda r: r.start)
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [
        ("HEALTH", "Diabetikerin"),
        ("TRADE_UNION", "ver.di"),
        ("POLITICAL_OPINION", "Grünen"),
    ]


def test_a_dotted_capital_i_does_not_shift_offsets(analyzer):
    text = "İstanbul: Ich bin Diabetikerin."
    assert found(analyzer, text, "de") == expected((HEALTH, "Diabetikerin"))


def test_spelled_widens_umlauts_and_spaces_outside_character_classes():
    assert spelled("hüft op") == r"h(?:ü|ue)ft\s+op"
    assert spelled("[ä ]x") == "[ä ]x"


def test_fragments_must_start_with_plain_letters():
    with pytest.raises(ValueError, match="plain letters"):
        SpecialCategoryRecognizer(
            category=HEALTH, language="de", terms=Terms(words=("(?<!des)infekt",))
        )
    with pytest.raises(ValueError, match="top-level"):
        compile_prefilter(Terms(words=("krank|diabet",)))


def test_the_prefilter_looks_for_the_shortest_prefixes_only():
    prefilter = compile_prefilter(
        Terms(words=("krank", "krankenhausaufenthalt", r"\mkrebs", "ka[mn]m"), cased=("Übel",))
    )
    assert prefilter.pattern == r"(?:k(?:a|r(?:ank|ebs))|(?:ü|ue)bel)"


def test_cued_terms_need_their_cue():
    terms = Terms(cued=(Cued(terms=("CDU",), before="ich wähle", after="Mitglied"),))
    recognizer = SpecialCategoryRecognizer(category=POLITICAL, language="de", terms=terms)

    def spans(text: str) -> list[str]:
        return [text[r.start : r.end] for r in recognizer.analyze(text, [POLITICAL.entity_type])]

    assert spans("Ich wähle CDU.") == ["CDU"]
    assert spans("Ich bin CDU-Mitglied.") == ["CDU-Mitglied"]
    assert spans("Die CDU hat gewonnen.") == []
