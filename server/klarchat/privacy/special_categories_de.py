"""German vocabulary of the GDPR Art. 9 special categories.

The lists are hand-written: no maintained German lexicon of these categories
exists on PyPI, and medical code lists (ICD-10) name diagnoses in clinical
Latin, not the words customers type. Stems are chosen so that German compounds
match ("schmerz" covers "Rückenschmerzen", "Schmerzmittel"); the regex
conventions are explained in :mod:`klarchat.privacy.special_categories`.

Chosen for precision in customer-service chat, and deliberately left out:

- Health: "krank" counts ("ich bin krank", "krankgeschrieben", "Erkrankung"),
  but not in "Krankenkasse", "Krankenversicherung", "Krankenhaus",
  "Krankenpfleger", "Krankenwagen": they name institutions and jobs. A hospital
  only counts when someone is in it ("ich liege im Krankenhaus"). Left out:
  "gesund" (food is "gesund und lecker"), "Apotheke", "Arzt" on its own ("ich
  bin Ärztin" is a job; "beim Arzt" counts), "Diagnose" (cars get one too),
  "Corona" alone (a pandemic, not a patient), "blind", "taub", "Schwindel",
  "Verletzung" ("Datenschutzverletzung"), "Sucht" alone ("versucht"),
  "Brille", "Kontaktlinsen", "Impfung" (pets get one) and everything a shop
  sells as a product ("Blutdruckmessgerät", "rollstuhlgerecht",
  "allergikerfreundlich").
- Religion: "Kirche", "Moschee", "Synagoge" only when someone goes there or
  leaves the church ("Paket an der Kirche abgelegt" is a place); holidays
  everyone has ("Weihnachten", "Ostern", "Feiertag"); "Gott" ("Gott sei Dank");
  "glauben" ("ich glaube" means "I think") unless "mein Glaube"; "halal",
  "koscher" and "Kopftuch" are product attributes in a shop; "Gläubiger" is a
  creditor, so only lower-case "gläubig" counts. "Christin" is also a first
  name, so it counts only after "bin", "als", "eine" and the like. A religious name before an
  institution ("Evangelisches Krankenhaus", "Jüdische Gemeinde") and
  "Kirchengemeinde" name a customer, not a belief. Jews are listed under
  religion.
- Ethnic origin: nationalities are not ethnic origin and are everywhere
  ("italienisches Olivenöl"), so they are left out, as are colours ("schwarz")
  and "Herkunft" without a possessive ("Herkunftsland des Kaffees"). "Schwarze"
  counts only as a self-description ("als Schwarze"). "Rassismus" is left out:
  a complaint about racism needs to reach the assistant as written.
- Political opinion: a party name alone is news, not an opinion, so parties and
  their youth organisations need a cue of vote, membership or support ("ich
  wähle", "Mitglied der", "bin in der", "SPD-Mitglied", "AfD gewählt"). With a
  cue, acronyms are matched in any case ("ich wähle spd"); names that are also
  ordinary words ("Grünen", "Linke", "Volt", "Partei") must be capitalised.
  "Partei" alone is left out ("Vertragspartei"); ideology nouns
  ("Kommunistin", "Pazifist") count on their own.
- Trade union: strikes are in the news every week ("Verdi-Streik"), so union
  names count only with a membership cue ("bin seit 20 Jahren bei ver.di",
  "IG-Metall-Mitglied"); "Gewerkschaftsmitglied" and the like count alone.
- Biometric: a person's fingerprint, face scan, iris or voice print counts; a
  device feature does not ("Fingerabdrucksensor", "Gesichtserkennung",
  "Face ID", "biometrische Entsperrung").
- Genetic: tests and predispositions ("DNA-Test", "Gendefekt", "erblich
  vorbelastet"); not "genetisch verändert" (food labelling) or "vererbt"
  (inheritance law).
- Sexual orientation: orientations and gender identities ("schwul",
  "Transfrau", "nicht-binär"; gender identity is treated as sex life, as data
  protection authorities do). "trans" alone is left out ("Trans-Fettsäuren").
"""

from __future__ import annotations

from klarchat.privacy.special_categories import Category, Cued, Terms

# Up to four words between a verb and its preposition ("bin seit 20 Jahren bei").
_GAP = r"(?:\s+[\p{L}\p{N}.]+){0,4}?"
_ARTICLE = r"(?:\s+(?:der|die|den|dem|einer|eine))?"
_POSSESSIVE = r"(?:mein|dein|sein|ihr|unser|euer)(?:e[mnrs]?)?"
# Institutions whose names carry a religion but say nothing about the customer.
_INSTITUTION = (
    r"\s(?:krankenhaus|klinik|klinikum|kita|kindergarten|schule|gymnasium|hochschule"
    r"|universität|akademie|museum|friedhof|altenheim|pflegeheim|seniorenheim"
    r"|stiftung|jugendherberge|restaurant|küche|viertel|gemeinde)"
)
_DEVICE = (
    r"sensor|scanner|leser|lesegerät|entsperr|erkennung|modul|funktion|login"
    r"|anmeldung|schloss|schutz"
)

HEALTH = Terms(
    words=(
        "krank(?!en(?:kass|versich|haus|pfleg|schwest|wagen|transport))",
        "arbeitsunfähig",
        "au-bescheinigung",
        r"\mattest",
        "gesundheitlich",
        "gesundheitszustand",
        "gesundheitsproblem",
        "schmerz(?!lich)",
        "diabet",
        "insulin",
        "blutzucker",
        "bluthochdruck",
        "blutdruck(?!mess)",
        "blutverdünn",
        "blut(?:gruppe|wert|bild|test|abnahme|untersuchung)",
        "krebs(?<!sternzeichen krebs)",
        "tumor",
        "chemo(?!tech)",
        "bestrahlung",
        "metasta",
        "leukämie",
        "lymphom",
        "karzinom",
        "melanom",
        "schwanger",
        "entbindung",
        "fehlgeburt",
        "abtreibung",
        "kinderwunsch",
        "künstliche befruchtung",
        "unfruchtbar",
        "hebamme",
        "wochenbett",
        "mutterschutz",
        "stillzeit",
        "wechseljahr",
        "menopause",
        "endometriose",
        "bandscheib",
        "arthrose",
        "arthritis",
        "rheuma",
        "osteoporose",
        "gicht",
        "bänderriss",
        "kreuzband",
        "meniskus",
        "schleudertrauma",
        "gehirnerschütterung",
        "knochenbruch",
        "narkose",
        "intensivstation",
        "notaufnahme",
        r"\mreha",
        "krankenhausaufenthalt",
        "klinikaufenthalt",
        "asthma",
        "allergi(?!ker)",
        "neurodermitis",
        "ekzem",
        "schuppenflechte",
        "psoriasis",
        "epilep",
        "migräne",
        "tinnitus",
        "hörsturz",
        "schwerhörig",
        "gehörlos",
        "hörgerät",
        "prothese",
        "implantat",
        "depressi",
        r"\mburn-?out",
        "angststörung",
        "panikattacke",
        "psychiat",
        "therap",
        "psychosomat",
        "essstörung",
        "magersucht",
        "bulimie",
        "suizid",
        "selbstmord",
        "autismus",
        r"\mautist",
        "trisomie",
        "down-syndrom",
        "legasthen",
        "tourette",
        "demenz",
        r"\mdement(?:e|er|en)?\M",
        "alzheimer",
        "parkinson",
        "multiple sklerose",
        "sklerose",
        r"morbus \p{L}+",
        "schlaganfall",
        "infarkt",
        "herz(?:insuffizienz|rhythmus|schrittmacher|fehler|problem|klappe|katheter|stillstand)",
        r"\mstent",
        "dialyse",
        "transplant",
        "thrombose",
        "embolie",
        "hepatitis",
        "tuberkulose",
        "schilddrüse",
        "inkontinen",
        "hämorrhoid",
        "zöliakie",
        *(
            f"{food}-?(?:intoleran|unverträglich)"
            for food in ("laktose", "fruktose", "fructose", "histamin", "gluten")
        ),
        "entzündung",
        "infekt(?<!desinfekt)",
        "grippe",
        "grippal",
        "erkältet",
        "erkältung",
        "fieber(?!thermometer|messer)",
        "übelkeit",
        "durchfall",
        "magen-darm",
        "reizdarm",
        "crohn",
        "colitis",
        "gastritis",
        "bronchitis",
        "corona-?(?:positiv|infektion|infiziert)",
        "covid(?:-19)?-?(?:positiv|infektion|infiziert)",
        "long-?covid",
        "post-?covid",
        "positiv getestet",
        "quarantäne",
        "geimpft",
        "ungeimpft",
        "impf(?:status|pass|nachweis)",
        "pflegegrad",
        "pflegestufe",
        "pflegebedürftig",
        "pflegeheim",
        "hospiz",
        "palliativ",
        *(f"{kind}behindert" for kind in ("schwer", "geh", "seh", "hör", "lern", "mehrfach")),
        "behindertenausweis",
        "schwerbehinderung",
        "grad der behinderung",
        "rollstuhl(?!gerecht|zugang|geeignet|tauglich|freundlich|rampe|plätz|platz)",
        "gelähmt",
        "lähmung",
        "erblindet",
        "krampf(?!haft)",
        "krämpf",
        "adipositas",
        *(
            f"{habit}s(?:u|ü)cht"
            for habit in (
                "alkohol",
                "drogen",
                "spiel",
                "nikotin",
                "tabletten",
                "medikamenten",
                "kauf",
            )
        ),
        "alkoholiker",
        "entzugsklinik",
        "entziehungskur",
        r"\msucht(?:klinik|beratung)",
        "arzt(?:termin|besuch|brief)",
        "ärztlich",
    ),
    cased=(
        r"\mOP\M",
        r"\mPrEP\M",
        r"\mMRT\M",
        r"\mHIV\M",
        r"\mAIDS\M",
        r"\mADHS\M",
        r"\mCOPD\M",
        r"\mPTBS\M",
        r"\mGdB\M",
    ),
    cued=(
        Cued(
            terms=(
                *(
                    f"{field}{doctor}"
                    for field in ("", "haus", "zahn", "frauen", "fach", "kinder", "augen", "haut")
                    for doctor in ("arzt", "ärztin")
                ),
                "psychiater(?:in)?",
                *(
                    f"{field}(?:e|en|in)"
                    for field in (
                        "psycholog",
                        "kardiolog",
                        "onkolog",
                        "neurolog",
                        "gynäkolog",
                        "orthopäd",
                    )
                ),
            ),
            before=rf"(?:beim|zum|vom|bei\s+{_POSSESSIVE}|zu\s+{_POSSESSIVE}|{_POSSESSIVE})",
            cased=False,
        ),
        Cued(
            terms=(r"medikament\p{L}*", "medikation", "antidepressiva", "tabletten"),
            before=(
                r"(?:nehme|nimmt|nehmen|brauche|braucht|bekomme|bekommt|"
                rf"{_POSSESSIVE})(?:\s+\p{{L}}+)?"
            ),
            cased=False,
        ),
        Cued(
            terms=("krankenhaus", "klinik", "spital", "psychiatrie"),
            before=(
                r"(?:liege|liegt|lag|lagen|bin|ist|war|waren|musste|muss|müssen|kam|komme"
                rf"|wurde|werde|eingeliefert){_GAP}\s+(?:im|ins|in\s+der|in\s+die)"
            ),
            cased=False,
        ),
        Cued(
            terms=("operiert",),
            before=rf"(?:wurde|werde|wird|bin|worden|wurden|war|musste|muss){_GAP}",
            cased=False,
        ),
        Cued(
            terms=("corona(?!-)", "covid(?:-19)?(?!-)"),
            before=r"(?:habe|hatte|hat|haben|hab|hatten|mit)",
            cased=False,
        ),
        Cued(
            terms=("allergiker(?:in)?",),
            before=r"(?:bin|ist|sind|bist|als)(?:\s+\p{L}+)?",
            cased=False,
        ),
    ),
    vetoes=(
        "flusskrebs",
        "taschenkrebs",
        "einsiedlerkrebs",
        "krebsfleisch",
        "krebsschere",
        "krebssuppe",
        "krebstier",
        "(?:lampen|reise|jagd|fußball|kauf|wm-|em-|gold)fieber",
    ),
)

RELIGION = Terms(
    words=(
        "muslim",
        "moslem",
        "islam",
        r"\mchrist(?:innen|en)?\M",
        "christlich",
        "christentum",
        r"\mjud(?:e|en|entum)\M",
        "jüdin",
        "jüdisch",
        "buddhis",
        "hindu",
        r"\msikh",
        "atheist",
        "agnostiker",
        "konfessionslos",
        "evangelisch",
        "katholi(?:sch|k)",
        "protestant",
        "orthodox",
        "freikirch",
        "evangelikal",
        r"\mbaptist",
        "methodist",
        "mormon",
        "zeug(?:e|en|in|innen) jehovas",
        "scientolog",
        "neuapostolisch",
        "alevit",
        "sunnit",
        "schiit",
        "jesid",
        "ezid",
        "rastafari",
        "quäker",
        "mennonit",
        "strenggläubig",
        "tiefgläubig",
        "religiös",
        "gottesdienst",
        "kirchensteuer",
        "kirchenaustritt",
        "kirchenmitglied",
        "kirchenchor",
        "kirchgang",
        "kirchlich",
        "konfirmation",
        "kommunion",
        "firmung",
        r"\mtaufe",
        r"\mgetauft",
        "bar mizwa",
        "bat mizwa",
        "ramadan",
        "fastenbrechen",
        "zuckerfest",
        "opferfest",
        "iftar",
        "jom kippur",
        "chanukka",
        "pessach",
        r"\msabbat\M",
        r"\mschabbat\M",
        "gebet(?!en)",
    ),
    cased=(r"\mgläubig",),
    cued=(
        Cued(terms=("Religion", "Glaube[ns]?", "Konfession"), before=_POSSESSIVE),
        # "Christin" is also a common first name ("meine Frau Christin").
        Cued(
            terms=("Christin",),
            before=r"(?:bin|ist|als|eine|gläubige|überzeugte|praktizierende|katholische"
            r"|evangelische)",
        ),
        Cued(
            terms=("Kirche", "Moschee", "Synagoge", "Tempel"),
            before=(
                r"(?:gehe|gehen|geht|ging|gingen|besuche|besuchen|besucht)"
                rf"{_GAP}\s+(?:in\s+die|in\s+den|zur|zum)"
            ),
            cased=False,
        ),
        Cued(terms=("Kirche",), after="(?:ausgetreten|eingetreten)", cased=False),
    ),
    vetoes=(_INSTITUTION, r"ramadan[\s-]*(?:angebot|sale|kalender|deko|rabatt)"),
)

ETHNIC_ORIGIN = Terms(
    words=(
        "migrationshintergrund",
        "migrationsgeschichte",
        "einwanderungsgeschichte",
        r"\mmigrant(?:in|innen|en)?\M",
        "ethnisch",
        "ethnie",
        "afro-?deutsch",
        r"\msinti",
        r"\msinto\M",
        "romnja",
        r"\mkurd(?:e|en|in|innen|isch\p{L}*)\M",
        "indigen",
        "ureinwohner",
    ),
    cased=(
        r"\mRoma\M(?!-?\s*[Tt]omate)",
        r"\mJenische[nr]?\M",
        r"\mSorb(?:e|en|in|innen)\M",
        r"\msorbisch",
        r"\mAsiat(?:in|innen|en|e)?\M",
        r"\mPeople of Colou?r\M",
        r"\mPoC\M",
        r"\mBIPoC\M",
    ),
    cued=(
        Cued(
            terms=("Schwarze[nr]?",),
            before=r"(?:als|bin|sind|ist|bist)(?:\s+(?:ein|eine|einer))?",
        ),
        Cued(
            terms=("hautfarbe", "herkunft", "abstammung", "wurzeln"),
            before=_POSSESSIVE,
            cased=False,
        ),
        Cued(terms=("abstammung",), before=r"\p{L}+ischer", cased=False),
    ),
)

_PARTY_ACRONYMS = (
    "CDU/CSU",
    "CDU",
    "CSU",
    "SPD",
    "AfD",
    "FDP",
    "BSW",
    "ÖDP",
    "NPD",
    "DKP",
    "MLPD",
    "ÖVP",
    "SPÖ",
    "FPÖ",
    "NEOS",
    "SVP",
    "JuLis",
    "Jusos",
)
_PARTY_NAMES = (
    "Bündnis 90/Die Grünen",
    "Grünen",
    "Grüne",
    "Die Linke",
    "Linken",
    "Linke",
    "Freien Wählern?",
    "Freie Wähler",
    "Piratenpartei",
    "Piraten",
    "Die Heimat",
    "Volt",
    "Die PARTEI",
    "Partei",
    "dieBasis",
    "Tierschutzpartei",
    "Junge Union",
    "Grüne Jugend",
    "Junge Liberale",
    "Junge Alternative",
    "Linksjugend",
)
_PARTY_BEFORE = (
    r"(?:(?:wähle|wählen|wählt|wählte|wählten)(?:\s+(?:immer|nur|auch|schon\s+immer|seit\s+jeher))?"
    r"|(?:Mitglied|Mitgliedschaft|Mitglieder|Anhänger|Anhängerin|Wähler|Wählerin|Stammwähler"
    r"|Stammwählerin|Unterstützer|Unterstützerin|Sympathisant|Sympathisantin)(?:\s+(?:in|bei|von))?"
    rf"|(?:bin|sind|war|waren|bist|ist){_GAP}\s+(?:in|bei)"
    rf"|(?:engagiere|engagiert|engagieren)\s+(?:mich|uns|sich){_GAP}\s+(?:in|bei|für)"
    r"|(?:unterstütze|unterstützen|stehe\s+hinter|sympathisiere\s+mit)"
    r"|(?:trete|trat|tritt)\s+(?:\p{L}+\s+)?(?:in|aus))"
    rf"{_ARTICLE}"
)
_PARTY_AFTER = (
    r"gewählt|wählen|wähle|Mitglied\p{L}*|Wähler\p{L}*|Anhänger\p{L}*|Basis"
    r"|Unterstützer\p{L}*|ausgetreten|eingetreten|beigetreten"
)

POLITICAL_OPINION = Terms(
    words=(
        "partei(?:mitglied|buch|austritt|eintritt|freund|genoss)",
        "kommunist",
        "sozialist",
        "anarchist",
        "marxist",
        "leninist",
        "maoist",
        "trotzkist",
        "monarchist",
        "pazifist",
        "feminist",
        "klimaaktivist",
        "umweltaktivist",
        "tierrechtsaktivist",
        "reichsbürger",
        "rechtsextremist",
        "linksextremist",
    ),
    cued=(
        Cued(terms=_PARTY_ACRONYMS, before=_PARTY_BEFORE, after=_PARTY_AFTER, cased=False),
        Cued(terms=_PARTY_NAMES, before=_PARTY_BEFORE, after=_PARTY_AFTER),
    ),
)

_UNIONS = (
    r"ver\.?di",
    "IG Metall",
    "IG-Metall",
    "IG BCE",
    "IG BAU",
    "GEW",
    "EVG",
    "GDL",
    "NGG",
    "DGB",
    "dbb",
    "GdP",
    "Marburger Bund",
    "Vereinigung Cockpit",
    "Unia",
    "ÖGB",
    "Gewerkschaft",
)

TRADE_UNION = Terms(
    words=(
        "gewerkschaftsmitglied",
        "gewerkschafter",
        "gewerkschaftsbeitr",
        "gewerkschaftsausweis",
        "gewerkschaftszugehörigkeit",
        "gewerkschaftlich organisiert",
    ),
    cued=(
        Cued(
            terms=_UNIONS,
            before=(
                r"(?:(?:Mitglied|Mitgliedschaft|Mitglieder|organisiert|aktiv|engagiere\s+mich)"
                r"\s+(?:in|bei|der|von)"
                rf"|(?:bin|sind|war|waren|bist|ist){_GAP}\s+(?:in|bei)"
                rf"|(?:trete|trat|tritt|eingetreten|beigetreten)\s+(?:\p{{L}}+\s+)?(?:in|aus)"
                rf"|{_POSSESSIVE}){_ARTICLE}"
            ),
            after=(
                r"Mitglied\p{L}*|Ausweis|Beitr\p{L}*|Vertrauensmann|Vertrauensfrau"
                r"|Vertrauensleute|ausgetreten|eingetreten|beigetreten"
            ),
            cased=False,
        ),
    ),
)

SEXUAL_ORIENTATION = Terms(
    words=(
        "schwul",
        "lesbisch",
        r"\mlesben?\M",
        "bisexuell",
        "homosexuell",
        "heterosexuell",
        "pansexuell",
        "asexuell",
        "intersexuell",
        "queer",
        "transgender",
        "transsexuell",
        r"\mtrans\*",
        r"\mtrans-?(?:frau|mann|männer|frauen|person|mensch|kind)",
        "nicht-?binär",
        "non-?binär",
        "gleichgeschlechtlich",
        "regenbogenfamilie",
        "coming-?out",
        "geoutet",
        "sexualleben",
        "sexleben",
        "sexuelle (?:orientierung|identität)",
        "homo-?ehe",
    ),
    cased=(r"\mLGBT[A-Z]*\+?\*?",),
)

BIOMETRIC = Terms(
    words=(
        "fingerabdr(?:u|ü)ck",
        "gesichts-?scan",
        "gesichtsgeometrie",
        "gesichtsbiometrie",
        "gesichtsdaten",
        "iris-?scan",
        "netzhaut-?scan",
        "retina-?scan",
        "stimmprofil",
        "stimmabdruck",
        "stimmbiometrie",
        "handvenen",
        "venenscan",
        "biometri",
    ),
    vetoes=(_DEVICE,),
)

GENETIC = Terms(
    words=(
        "dna[- ]?(?:test|analyse|probe|profil|abgleich|ergebnis|befund|sequenzierung)",
        r"\mgen(?:test|analyse|defekt|mutation|untersuchung|profil|diagnos|träger|variante)",
        "genetisch",
        "erbkrankheit",
        r"erblich\p{L}* (?:vorbelast|bedingt)",
        "erbgut(?!acht)",
        "erbanlage",
        "vaterschaftstest",
        "abstammungsgutachten",
        r"\mgenom(?!men)",
        "chromosom",
        "23andme",
        "ancestrydna",
    ),
    cased=(r"\mBRCA\d?\M",),
    vetoes=("veränder|manipul|algorithm",),
)

TERMS: dict[Category, Terms] = {
    Category.HEALTH: HEALTH,
    Category.RELIGION: RELIGION,
    Category.ETHNIC_ORIGIN: ETHNIC_ORIGIN,
    Category.POLITICAL_OPINION: POLITICAL_OPINION,
    Category.SEXUAL_ORIENTATION: SEXUAL_ORIENTATION,
    Category.TRADE_UNION: TRADE_UNION,
    Category.BIOMETRIC: BIOMETRIC,
    Category.GENETIC: GENETIC,
}
