"""English vocabulary of the GDPR Art. 9 special categories.

Hand-written for the same reasons as the German lists (see
:mod:`klarchat.privacy.special_categories_de`): no maintained lexicon of these
categories exists on PyPI, and clinical code lists do not speak like customers.
English has few compounds, so most entries are words and short phrases; the
regex conventions are explained in :mod:`klarchat.privacy.special_categories`.

Chosen for precision in customer-service chat, and deliberately left out:

- Health: "sick" counts, but not "sick of" / "sick and tired" (annoyance);
  "ill" only after a cue ("I'm ill", "seriously ill"), because of "ill-fitting";
  a hospital only when someone is in it. Left out: "healthy", "pharmacy",
  "doctor" alone (a job; "my doctor", "doctor's note" count), "diagnosis"
  (cars and computers get one), "disabled" (accounts and features are
  disabled), "blind" (window blinds, blind spots), "stroke" alone (swimming,
  brushes), "pain" alone ("a pain to set up"), "addicted" ("addicted to your
  chocolate"), "condition" alone ("in good condition") and products a shop
  sells ("blood pressure monitor", "wheelchair accessible", "hypoallergenic").
- Religion: "Christian" is also a first name, "agnostic" a software term
  ("platform-agnostic"), so both need a cue ("as a Christian", "I'm agnostic");
  "church", "mosque", "temple" only when someone goes there ("Church Street" is
  an address); "God" ("oh my God"), "halal", "kosher", "Eid" (a surname) and
  shared holidays ("Christmas") are left out.
- Ethnic origin: nationalities and colours are left out ("Italian leather",
  "black jacket"); "Black" counts as a self-description ("as a Black woman").
  "race" needs a possessive ("my race", not "the race"); "racism" is left out so
  that complaints reach the assistant as written.
- Political opinion: party names need a cue of vote, membership or support ("I
  vote Labour", "member of the Green Party", "Tory voter"); a news mention is a
  political topic, not an opinion. Ideology nouns ("socialist", "pacifist")
  count on their own.
- Trade union: "union" needs a cue ("my union", "union member"), since "credit
  union", "European Union" and strikes in the news are not membership.
- Biometric: a person's fingerprint, face or iris scan, voice print; not a
  device feature ("fingerprint sensor", "Face ID", "facial recognition") and
  not "key fingerprint" or "browser fingerprinting" (IT).
- Genetic: DNA tests, genetic conditions; not "genetically modified" or
  "genetic algorithm".
- Sexual orientation: orientations and gender identities ("gay", "trans woman",
  "non-binary", treated as sex life, as data protection authorities do);
  "straight" is left out ("straight away").
"""

from __future__ import annotations

from klarchat.privacy.special_categories import Category, Cued, Terms

_GAP = r"(?:\s+[\p{L}\p{N}'’]+){0,4}?"
_I_AM = (
    r"(?:I'm|I’m|I\s+am|I've\s+been|I’ve\s+been|we're|we’re|we\s+are|he's|she's|he\s+is"
    r"|she\s+is|they're|they\s+are)"
)
_POSSESSIVE = r"(?:my|our|his|her|their)"
_INSTITUTION = (
    r"\s(?:hospital|school|college|university|academy|charity|cemetery|museum|restaurant)"
)

HEALTH = Terms(
    words=(
        r"\msick(?: (?:leave|notes?|days?|pay))?(?! (?:of|and tired))",
        "sickness",
        "illness",
        "disease",
        "diabet",
        "insulin",
        "blood (?:sugar|pressure|test|work|type|thinner)s?(?! (?:monitor|cuff|machine|meter)s?)",
        "hypertension",
        "cancer",
        r"\mtumou?r",
        "chemo",
        "radiotherapy",
        "radiation therapy",
        "leuk(?:a)?emia",
        "lymphoma",
        "melanoma",
        "pregnan",
        "miscarr(?!iage of justice)",
        "fertility treatment",
        "infertil",
        "maternity leave",
        "midwife",
        "menopaus",
        "endometriosis",
        "surger(?:y|ies)",
        r"\mpost-op\M",
        r"\mpre-op\M",
        "hip replacement",
        "knee replacement",
        "slipped disc",
        "herniated disc",
        r"\mphysio",
        "therap(?<!retail therap)",
        "asthma",
        "allerg(?:y|ies|ic)(?![- ]friendly)",
        *(f"{food}[- ]?intoleran" for food in ("lactose", "gluten", "fructose", "histamine")),
        "celiac",
        "coeliac",
        "eczema",
        "psoriasis",
        "epilep",
        "seizure",
        "migraine",
        *(f"{part}aches?" for part in ("head", "back", "stomach", "tooth", "ear")),
        *(
            f"{part} pain"
            for part in ("back", "chest", "joint", "neck", "knee", "nerve", "chronic")
        ),
        "painkiller",
        "tinnitus",
        "hearing aid",
        "hard of hearing",
        r"\mdeaf(?! ears)",
        "prosthe",
        r"depressi(?:on|ve)",
        r"\mdepressed",
        "anxiety disorder",
        "panic attack",
        r"\mburn-?out\M",
        "autis",
        "bipolar",
        "schizophren",
        "eating disorder",
        "anorexi",
        "bulimi",
        "suicid",
        "self-harm",
        "dementia",
        "alzheimer",
        "parkinson",
        "multiple sclerosis",
        "sclerosis",
        "heart (?:attack|condition|failure|disease|surgery|problem)s?",
        "pacemaker",
        r"\mstent",
        "dialysis",
        "kidney (?:failure|disease|stones?|transplant)",
        "transplant",
        "arthritis",
        "osteopor",
        "rheumat",
        r"\mgout\M",
        "hepatitis",
        "tuberculosis",
        "covid(?:-19)? positive",
        "corona positive",
        "long covid",
        "tested positive",
        r"\mflu\M",
        "fever",
        "nausea",
        "vomit",
        "diarrh(?:o)?ea",
        "infection(?<!(?:malware|trojan|ransomware) infection)",
        "concussion",
        "fractur",
        "broken (?:leg|arm|wrist|ankle|hip|rib|foot|bone)s?",
        r"\minjur(?:y|ies|ed)",
        "wheelchair(?![- ](?:access|friendly|ramp|space))",
        "disabilit(?!y[- ](?:access|friendly))",
        "medication",
        r"\mmeds\M",
        "doctor'?s (?:appointment|note|orders)",
        "fit note",
        "medical (?:certificate|condition|leave|reasons|history|records|treatment)",
        "mental health (?:issue|problem|condition|reason|crisis)s?",
        "health (?:issue|problem|condition|reason|crisis)s?",
        "hospitali[sz]",
        "intensive care",
        r"\mrehab\M",
        "diagnosed",
        r"\mobes",
        "addiction",
        "alcoholism",
        "vaccinated",
        "unvaccinated",
    ),
    cased=(r"\mHIV\M", r"\mAIDS\M", r"\mPTSD\M", r"\mADHD\M", r"\mOCD\M", r"\mIVF\M", r"\mICU\M"),
    cued=(
        Cued(
            terms=("ill(?!-)",),
            before=(
                rf"(?:{_I_AM}|is|was|are|were|been|fell|became|got|feel|feeling|seriously"
                r"|terminally|mentally|chronically|critically)"
            ),
            cased=False,
        ),
        Cued(terms=("stroke",), before=r"(?:had|suffered|has|have)\s+a", cased=False),
        Cued(
            terms=("covid(?:-19)?(?!-)", "corona(?!-)"),
            before=r"(?:had|have|has|got|caught|with)",
            cased=False,
        ),
        Cued(
            terms=("doctor", "GP", "oncologist", "psychiatrist", "cardiologist", "prescription"),
            before=_POSSESSIVE,
            cased=False,
        ),
        Cued(
            terms=("hospital", "hospice", "psychiatric ward"),
            before=(
                rf"(?:{_I_AM}|is|was|been|got|went|admitted|rushed|taken|stay(?:ed|ing)?|"
                rf"lying){_GAP}\s+(?:in|into|to)(?:\s+the)?"
            ),
            cased=False,
        ),
    ),
)

RELIGION = Terms(
    words=(
        "muslim",
        "moslem",
        "islam",
        "christianity",
        r"\mjewish",
        r"\mjudaism",
        "buddhis",
        "hindu",
        r"\msikh",
        "atheis",
        "mormon",
        "jehovah'?s witness",
        "scientolog",
        r"\mquaker",
        "rastafari",
        "religious (?:reasons|beliefs?|grounds)",
        *(f"{time} prayers?" for time in ("friday", "daily", "morning", "evening", "night")),
        "prayer (?:time|room)s?",
        "bible study",
        "baptism",
        "bapti[sz]ed",
        "christening",
        "first communion",
        "bar mitzvah",
        "bat mitzvah",
        "ramadan",
        "yom kippur",
        "hanukkah",
        "passover",
        "shabbat",
        "sabbath",
    ),
    cased=(
        r"\mJews?\M",
        r"\mCatholic",
        r"\mProtestant",
        r"\mOrthodox",
        r"\mEvangelical",
        r"\mBaptist",
        r"\mMethodist",
        r"\mAnglican",
        r"\mLutheran",
        r"\mPresbyterian",
        r"\mPentecostal",
        r"\mAdventist",
    ),
    cued=(
        Cued(
            terms=(r"Christians?(?!\s+(?:Dior|Louboutin|Lacroix))", "agnostic"),
            before=(
                r"(?:a|an|devout|practi[sc]ing|born[- ]again|committed|fellow|observant"
                rf"|{_I_AM})"
            ),
        ),
        Cued(terms=(r"faith(?!\s+in)", "religion", "beliefs"), before=_POSSESSIVE, cased=False),
        Cued(
            terms=("church", "chapel", "Mass", "mosque", "synagogue", "temple", "gurdwara"),
            before=(
                r"(?:(?:go|goes|went|going|attend|attends|attended|attending)(?:\s+to)?"
                r"(?:\s+(?:the|my|our))?|after|before|at)"
            ),
        ),
    ),
    vetoes=(_INSTITUTION, r"ramadan[\s-]*(?:sale|offer|deal|calendar|decor)"),
)

ETHNIC_ORIGIN = Terms(
    words=(
        r"ethnic(?:ity|ities)?(?![\s-]+(?:print|pattern|style|food|cuisine|jewel))",
        r"\mmixed[- ]race",
        "biracial",
        "person of colou?r",
        "people of colou?r",
        r"\msinti\M",
        "aborigin",
        "indigenous(?! (?:plant|species|tree|wood|flora|fauna))",
        "native american",
        "first nations",
        r"\mlatin[oax]",
        r"\mhispanic",
        "african[- ]american",
        "asian[- ]american",
        "afro-caribbean",
        r"\mkurd(?:s|ish)?\M",
        "migrant background",
        "immigrant background",
    ),
    cased=(r"\mPOC\M", r"\mBIPOC\M", r"\mRoma(?:ni)?\M(?! tomato)"),
    cued=(
        Cued(
            terms=(r"Black(?!\s+Friday)",),
            before=rf"(?:as\s+a|{_I_AM}(?:\s+a)?)",
        ),
        Cued(
            terms=("skin colou?r",),
            before=_POSSESSIVE,
            cased=False,
        ),
        Cued(
            terms=("race", "heritage", "origins?"),
            before=rf"(?:because\s+of|due\s+to|based\s+on|on\s+account\s+of)\s+{_POSSESSIVE}",
            cased=False,
        ),
        Cued(terms=("descent", "ancestry"), before=r"of\s+\p{L}+", cased=False),
    ),
)

_PARTIES = (
    "Labour Party",
    "Labour",
    "Conservative Party",
    "Conservatives?",
    "Tory",
    "Tories",
    r"Lib\s*Dems?",
    "Liberal Democrats?",
    "Green Party",
    "Greens?",
    "Reform UK",
    "Reform",
    "UKIP",
    "SNP",
    "Plaid Cymru",
    "Plaid",
    "Sinn Féin",
    "DUP",
    "Democratic Party",
    "Democrats?",
    "Republican Party",
    "Republicans?",
    "GOP",
    "Libertarian Party",
    "MAGA",
    "Trump",
    "Biden",
    "Harris",
    "Farage",
    "Corbyn",
    "Starmer",
)

POLITICAL_OPINION = Terms(
    words=(
        "communist",
        "socialist",
        "anarchist",
        "marxist",
        "leninist",
        "maoist",
        "trotskyist",
        "libertarian",
        "monarchist",
        "pacifist",
        "feminist",
        "far[- ]right",
        "far[- ]left",
        r"\malt-right",
        "brexiteer",
        r"\mremainer",
        "card-carrying",
        "climate activist",
        "animal rights activist",
    ),
    cued=(
        Cued(
            terms=_PARTIES,
            before=(
                r"(?:(?:I|we)(?:\s+(?:always|usually|only|still|never|proudly|strongly))?"
                r"\s+(?:vote|voted|support|supported|back|backed)(?:\s+for)?"
                r"|(?:member|supporter|voter|activist)s?\s+(?:of|for)"
                rf"|{_I_AM}\s+an?(?:\s+(?:lifelong|longtime|long-time|registered|proud|committed"
                r"|staunch|loyal))?"
                r"|as\s+an?|joined|(?:campaign|volunteer|canvass)(?:ed|ing)?\s+for)(?:\s+the)?"
            ),
            after=r"(?:voter|supporter|member|activist)s?",
        ),
    ),
)

_UNIONS = (
    "Unite",
    "Unison",
    "UNISON",
    "GMB",
    "RMT",
    "CWU",
    "NEU",
    "NASUWT",
    "RCN",
    "BMA",
    "Teamsters",
    "UAW",
    "SEIU",
    "AFL-CIO",
    "AFT",
    "NEA",
    "USW",
    "IBEW",
    r"union(?!\s+of)",
    r"Union(?!\s+of)",
    "trade union",
    "labour union",
    "labor union",
    # German unions: visitors of German sites write English too.
    r"ver\.?di",
    "IG Metall",
    "IG BCE",
    "GEW",
    "GDL",
    "EVG",
    "NGG",
    "GdP",
    "Marburger Bund",
)

TRADE_UNION = Terms(
    words=(
        "union(?<!credit union) (?:member(?:ship)?|dues|rep(?:resentative)?|card|steward)",
        "trade unionist",
        "shop steward",
        "unioni[sz]ed",
    ),
    cued=(
        Cued(
            terms=_UNIONS,
            before=(
                r"(?:(?:member|members|membership)\s+(?:of|in|with)"
                rf"|{_I_AM}{_GAP}\s+(?:in|with)|(?:is|was){_GAP}\s+in|joined|belong\s+to|represented\s+by"
                rf"|{_POSSESSIVE})(?:\s+(?:the|a|my))?"
            ),
            after=r"(?:member(?:ship)?|rep(?:resentative)?|dues|card|steward)s?",
        ),
    ),
)

SEXUAL_ORIENTATION = Terms(
    words=(
        r"\mgay\M",
        "lesbian",
        "bisexual",
        "homosexual",
        "heterosexual",
        "pansexual",
        "asexual",
        "queer",
        "transgender",
        "transsexual",
        r"\mtrans[- ](?:wom[ae]n|m[ae]n|person|people|kid|daughter|son)\M",
        "non-?binary",
        "same[- ]sex",
        "sex life",
        "sexual orientation",
        "sexuality",
    ),
    cased=(r"\mLGBT[A-Z]*\+?",),
)

BIOMETRIC = Terms(
    words=(
        r"fingerprint(?<!(?:key|ssh|certificate|browser|device|digital|canvas|tls|gpg|pgp)[\s-]fingerprint)(?!ing)",
        r"face\s*scan",
        "facial (?:scan|geometry)",
        "facial recognition (?:data|scans?|templates?|images?)",
        "faceprint",
        "iris scan",
        "retina(?:l)? scan",
        r"voice\s*print",
        "voice biometric",
        "palm vein",
        "biometric",
    ),
    vetoes=(r"sensor|scanner|reader|unlock|login|log-in|\block\b|\bid\b|authentication|feature",),
)

GENETIC = Terms(
    words=(
        "dna[- ](?:test|analysis|results?|kit|sample|profile|match)",
        r"genetic(?:ally)? (?:predispos\p{L}*|conditions?|disorders?|diseases?|test(?:s|ing)?)",
        "genetic",
        "hereditary",
        "inherited (?:condition|disease|disorder)",
        "gene (?:test|mutation|therapy|variant|analysis)",
        r"\mgenome",
        "chromosom",
        "paternity test",
        "ancestry test",
        "23andme",
        "ancestrydna",
        "carrier screening",
    ),
    cased=(r"\mBRCA\d?\M",),
    vetoes=(r"modif|engineer|algorithm|programming",),
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
