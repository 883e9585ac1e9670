"""Write ``de_prose.jsonl``: SYNTHETIC German evaluation data for Klarchat.

The data is SYNTHETIC and was written for Klarchat's evaluation only. Private
persons, their addresses, phone numbers, birth dates and account numbers are
invented (names from hand-written lists and Faker ``de_DE``; numbers generated
here). The news templates also name a few well-known German politicians
(``PROMINENT``) in invented, deliberately bland sentences -- no statement in
them is a real quote.

The templates were written BLIND: their author read only
``benchmarks/pii_data/README.md`` and ``benchmarks/pii_eval.py`` -- not the
detector, not the other generators, not the other data sets and no public
annotated corpus. The set imitates German prose as other people write it:
short news items, tweets and forum posts, police and traffic reports, club and
school newsletters, obituaries and birthday greetings in a local paper,
doctors' and discharge letters, customer letters and small ads. Keep it held
out from tuning.

    python benchmarks/pii_data/make_de_prose.py   # writes de_prose.jsonl, prints counts

Template mini-language: ``⟨a|b⟩`` alternative wordings; ``{kind}``/``{kindN}``
simple values; ``{objN.field}`` fields of per-message objects: person ``p1``
(``{p1.voll}``, ``{p1.nach}``, ``{p1.anrede}`` …), prominent person ``pp1``,
private address ``a1`` and institution address ``k1``. Each slot knows its
label; spans are recorded while the text is assembled and asserted afterwards.

Span conventions beyond the README (this set only)
---------------------------------------------------
* Genitive: the span is the name WITHOUT the genitive ending: "Merkels Plan"
  -> "Merkel", "Scholz' Sprecher" -> "Scholz" (same rule as the English 's).
* ``@handles`` are never labelled, whatever they contain.
* ADDRESS: street + number is one span, postcode + town another (as in the
  README). A town alone is ADDRESS only when it locates a NAMED private person
  (residence "wohnhaft in Marburg", "Frau Ilse Brandt aus Wolfhagen", "die aus
  Kassel stammende Patientin Frau …", a private sender line). Towns in news,
  police and traffic reports, datelines ("Kassel, den 12.03.2024") and
  unnamed persons ("ein 34-jähriger Mann aus Baunatal") are not labelled.
* Institutions' addresses and phone numbers (clinic letterheads, police
  hotlines) are labelled like any other address or phone number.
* A maiden name after "geb." is its own PERSON span; "geb." before a date
  marks a DATE_OF_BIRTH. Dates of death, appointments etc. are not labelled.
* Brands, institutions, prizes and streets named after persons (Porsche,
  Robert Koch-Institut, Georg-Büchner-Preis, "in der Konrad-Adenauer-Straße")
  are not PERSON; with a house number such a street is ADDRESS.
* ``categories`` is filled only with ``health`` in the doctors' letters; other
  special categories are not annotated in this set.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from faker import Faker
from stdnum import iban as std_iban
from templating import fill, write_set

SEED = 8830417
OUT = Path(__file__).resolve().parent / "de_prose.jsonl"
HEADER_NOTE = "SYNTHETIC data written for Klarchat's evaluation (make_de_prose.py); no real private person."

rng = random.Random(SEED)
fake_de = Faker("de_DE")
fake_de.seed_instance(SEED + 1)

# --------------------------------------------------------------------------
# Names

NAMES: dict[str, dict] = {
    "de": dict(faker=fake_de),
    "de2": dict(faker=fake_de),
    "de_noun": dict(
        m="Jens Uwe Dieter Frank Holger Torsten Bernd Ralf Sven Matthias Lukas Finn".split(),
        f="Sabine Petra Anke Heike Birgit Kerstin Silke Jana Lea Mia Hannah Ute".split(),
        last="Koch Wolf Vogel Fuchs Kaiser Bauer Roth Klein Lange Schwarz Frank Schuster Sommer Winter Engel Hahn Bär Stein Busch Haas Graf Jung Brandt Falk".split(),
    ),
    "de_compound": dict(
        m=["Hans-Peter", "Karl-Heinz", "Jan-Hendrik", "Klaus-Dieter", "Heinz-Jürgen", "Ole"],
        f=["Anna-Lena", "Marie-Luise", "Eva-Maria", "Lisa-Marie", "Hannelore", "Ann-Kathrin"],
        last=["von Bülow", "von der Heide", "zu Solms", "von Trotha", "van Dijk", "de Vries", "ter Horst",
              "Schulte-Bockholt", "Müller-Hagedorn", "Krüger-Wendt", "Meyer zu Hartum", "von Wedel"],
    ),
    "turkish": dict(
        m="Mehmet Mustafa Emre Can Burak Serkan Ömer Yusuf Deniz".split(),
        f="Ayşe Aylin Elif Zeynep Merve Emine Derya Sibel Gül".split(),
        last="Yılmaz Yilmaz Demir Öztürk Kaya Çelik Şahin Aydın Arslan Doğan Koç Kılıç Aksoy Özdemir".split(),
    ),
    "arabic": dict(
        m="Mohammed Ahmad Yasin Samir Khaled Tarek Omar Bilal".split(),
        f="Amira Rania Nour Leila Fatima Yasmin Hiba Dalia".split(),
        last=["Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "Mansour", "Ibrahim", "El-Sayed", "Abu Zaid", "Hamdan"],
    ),
    "polish": dict(
        m="Piotr Krzysztof Tomasz Paweł Grzegorz Łukasz Michał Marek".split(),
        f="Katarzyna Agnieszka Małgorzata Joanna Magdalena Ewa Justyna Dorota".split(),
        last="Kowalczyk Wiśniewski Zieliński Nowak Kowalski Wójcik Lewandowski Kamiński Szymański Mazur Krawczyk Jankowski".split(),
        feminize=[("ski", "ska"), ("cki", "cka")],
    ),
    "russian": dict(
        m="Alexander Dmitri Sergej Waldemar Viktor Andrej Juri".split(),
        f="Olga Tatjana Swetlana Irina Jelena Natalja Ljudmila".split(),
        last="Iwanow Petrow Kusnezow Smirnow Wolkow Sokolow Morosow Lebedew".split(),
        feminize=[("ow", "owa"), ("ew", "ewa")],
    ),
    "italian": dict(
        m="Giuseppe Luca Marco Salvatore Antonio".split(),
        f="Giulia Francesca Chiara Rosaria Maria".split(),
        last=["Rossi", "Esposito", "Romano", "Greco", "De Luca", "Lo Bianco", "Di Marco", "Ferrara"],
    ),
    "greek": dict(
        m="Georgios Dimitrios Konstantinos Nikolaos Ioannis".split(),
        f="Eleni Sofia Konstantina Despina Vasiliki".split(),
        last="Papadopoulos Georgiadis Karagiannis Papadakis Oikonomou Christodoulou".split(),
    ),
    "balkan": dict(
        m="Dragan Milan Ivan Goran Nikola Emir Adnan".split(),
        f="Jelena Ana Ivana Mirela Dragana Amra Lejla".split(),
        last="Petrović Jovanović Kovačević Horvat Babić Hodžić Begović Marković Krasniqi Berisha".split(),
    ),
    "vietnamese": dict(
        m=["Minh", "Duc", "Van Hung", "Quang", "Tuan"],
        f=["Thi Lan", "Mai", "Thu Trang", "Linh", "Ngoc Anh"],
        last=["Nguyen", "Tran", "Pham", "Le", "Vu", "Hoang", "Dang"],
        family_first=0.3,
    ),
    "kurdish": dict(
        m="Azad Baran Rojhat Serhat Diyar".split(),
        f="Rojda Berfin Dilan Zozan Hevin".split(),
        last="Aslan Kaplan Ateş Tekin Güneş Zengin".split(),
    ),
    "persian": dict(
        m="Dariush Reza Arash Kaveh Behnam".split(),
        f="Shirin Mahsa Parisa Nasrin Yasaman".split(),
        last="Rahimi Hosseini Karimi Mohammadi Tehrani Ahmadi".split(),
    ),
    "african": dict(
        m="Kwame Chinedu Amadou Ousmane Yaw Mamadou".split(),
        f="Fatou Aminata Mariama Ngozi Abena Awa".split(),
        last="Diallo Traoré Mensah Okonkwo Ndiaye Kamara Asante Adeyemi".split(),
    ),
}
ORIGINS = list(NAMES)

PROMINENT = [("Angela", "Merkel", "f"), ("Olaf", "Scholz", "m"), ("Hendrik", "Wüst", "m"), ("Markus", "Söder", "m"),
             ("Robert", "Habeck", "m"), ("Christian", "Lindner", "m"), ("Annalena", "Baerbock", "f"),
             ("Frank-Walter", "Steinmeier", "m"), ("Boris", "Pistorius", "m"), ("Winfried", "Kretschmann", "m"),
             ("Manuela", "Schwesig", "f"), ("Friedrich", "Merz", "m"), ("Nancy", "Faeser", "f"), ("Bodo", "Ramelow", "m"),
             ("Malu", "Dreyer", "f"), ("Karl", "Lauterbach", "m")]

_origin_queue: list[str] = []


def next_origin() -> str:
    if not _origin_queue:
        _origin_queue.extend(ORIGINS)
        rng.shuffle(_origin_queue)
    return _origin_queue.pop()


def ascii_fold(s: str) -> str:
    import unicodedata
    s = s.replace("ß", "ss").replace("ł", "l").replace("ı", "i").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


MAIL_DOMAINS = ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de", "freenet.de", "icloud.com",
                "mailbox.org", "yahoo.de", "arcor.de", "gmx.net"]


def genitive(name: str) -> str:
    return "'" if name[-1] in "sßxz" else "s"


class Person:
    def __init__(self, origin: str | None = None, prominent: bool = False):
        self._email = None
        if prominent:
            self.first, self.last, self.gender = rng.choice(PROMINENT)
            self.full = f"{self.first} {self.last}"
            self.maiden = self.last
            return
        spec = NAMES[origin]
        self.gender = rng.choice("mf")
        if "faker" in spec:
            fk = spec["faker"]
            self.first = fk.first_name_male() if self.gender == "m" else fk.first_name_female()
            self.last = fk.last_name()
        else:
            self.first = rng.choice(spec[self.gender])
            last = rng.choice(spec["last"])
            if self.gender == "f":
                for a, b in spec.get("feminize", []):
                    if last.endswith(a):
                        last = last[: -len(a)] + b
                        break
            self.last = last
        fam = rng.random() < spec.get("family_first", 0)
        self.full = f"{self.last} {self.first}" if fam else f"{self.first} {self.last}"
        self.maiden = fake_de.last_name()

    def email(self) -> str:
        if self._email is None:
            f = re.sub(r"[^a-z]", "", ascii_fold(self.first).lower())
            l = re.sub(r"[^a-z]", "", ascii_fold(self.last).lower())
            pat = rng.choice(["{f}.{l}", "{f}{l}{n}", "{i}.{l}", "{l}{i}", "{f}_{l}", "{f}-{l}", "{l}.{f}{n}"])
            self._email = pat.format(f=f, l=l, i=f[:1], n=rng.randint(1, 99)) + "@" + rng.choice(MAIL_DOMAINS)
        return self._email

    def get(self, field: str):
        P = "PERSON"
        m = self.gender == "m"
        if field == "gen":  # genitive: name labelled, ending not
            return [(self.last, P), (genitive(self.last), None)]
        if field == "vorgen":
            return [(self.first, P), (genitive(self.first), None)]
        table = {
            "voll": (self.full, P), "vor": (self.first, P), "nach": (self.last, P),
            "VOLL": (self.full.upper(), P), "NACH": (self.last.upper(), P),
            "klein": (self.full.lower(), P), "kvor": (self.first.lower(), P), "knach": (self.last.lower(), P),
            "nachvor": (f"{self.last}, {self.first}", P), "init": (f"{self.first[0]}. {self.last}", P),
            "geb": (self.maiden, P), "email": (self.email(), "EMAIL_ADDRESS"),
            "anrede": ("Herr" if m else "Frau", None), "anredeakk": ("Herrn" if m else "Frau", None),
            "sg": ("Sehr geehrter Herr" if m else "Sehr geehrte Frau", None),
            "lieb": ("Lieber" if m else "Liebe", None),
            "er": ("er" if m else "sie", None), "Er": ("Er" if m else "Sie", None),
            "sein": ("sein" if m else "ihr", None), "seine": ("seine" if m else "ihre", None),
            "Sein": ("Sein" if m else "Ihr", None), "Seine": ("Seine" if m else "Ihre", None),
            "ihn": ("ihn" if m else "sie", None), "ihm": ("ihm" if m else "ihr", None),
            "der": ("der" if m else "die", None), "Der": ("Der" if m else "Die", None),
            "pat": ("Patient" if m else "Patientin", None), "patakk": ("Patienten" if m else "Patientin", None),
            "ihrenpat": ("Ihren Patienten Herrn" if m else "Ihre Patientin Frau", None),
            "unsernpat": ("unseren Patienten" if m else "unsere Patientin", None),
            "oa": ("Oberarzt" if m else "Oberärztin", None), "ca": ("Chefarzt" if m else "Chefärztin", None),
            "aa": ("Assistenzarzt" if m else "Assistenzärztin", None),
            "sgk": ("Sehr geehrter Herr Kollege" if m else "Sehr geehrte Frau Kollegin", None),
            "schueler": ("Schüler" if m else "Schülerin", None), "trainer": ("Trainer" if m else "Trainerin", None),
            "jaehrig": ("-jährige" if not m else "-jährige", None), "mann": ("Mann" if m else "Frau", None),
            "sohn": ("Sohn" if m else "Tochter", None), "opa": ("Opa" if m else "Oma", None),
            "vater": ("Vater" if m else "Mutter", None), "nachbar": ("Nachbar" if m else "Nachbarin", None),
            "kollege": ("Kollege" if m else "Kollegin", None), "ein": ("ein" if m else "eine", None),
            "sprecher": ("Sprecher" if m else "Sprecherin", None), "lehrer": ("Lehrer" if m else "Lehrerin", None),
            "bm": ("Bürgermeister" if m else "Bürgermeisterin", None), "vors": ("Vorsitzende" if m else "Vorsitzende", None),
            "kunde": ("Kunde" if m else "Kundin", None), "mieter": ("Mieter" if m else "Mieterin", None),
            "ihrespat": ("Ihres Patienten, Herrn" if m else "Ihrer Patientin, Frau", None),
            "meinopa": ("meinen Opa" if m else "meine Oma", None), "meinsohn": ("meinen Sohn" if m else "meine Tochter", None),
            "meinnachbar": ("meinen Nachbarn" if m else "meine Nachbarin", None),
            "nachruf": ("unser lieber Vater, Opa und Bruder" if m else "unsere liebe Mutter, Oma und Schwester", None),
            "gf": ("Geschäftsführer" if m else "Geschäftsführerin", None),
            "mitarbeiter": ("Ihr Mitarbeiter" if m else "Ihre Mitarbeiterin", None),
            "erzieher": ("Unser Erzieher" if m else "Unsere Erzieherin", None),
            "unsertrainer": ("unser Trainer" if m else "unsere Trainerin", None),
        }
        return table[field]


# --------------------------------------------------------------------------
# Addresses

STREETS = ["Lindenstraße", "Hauptstr.", "Hauptstraße", "Am Sonnenhang", "Bahnhofstraße", "Kirchweg", "Goethestraße",
           "Schillerplatz", "Friedrich-Ebert-Str.", "Konrad-Adenauer-Allee", "Am Mühlbach", "Zum Steinbruch",
           "Wilhelmshöher Allee", "Hohe Straße", "Im Winkel", "An der Alten Schule", "Rosenweg", "Birkenweg",
           "Eichendorffstraße", "Heinrich-Heine-Ring", "Talstraße", "Marktplatz", "Lange Reihe", "Alte Dorfstraße",
           "Frankfurter Landstraße", "Sophie-Scholl-Weg", "Bertha-von-Suttner-Str.", "Up'n Kamp", "Poststraße",
           "Gartenstraße", "Ringstraße", "Mozartweg", "Breite Straße", "Hinter der Mauer", "Auf dem Kamp",
           "Kasseler Straße", "Mühlenstr.", "Wiesengrund", "Schloßallee", "Dorfanger", "Hafenstraße", "Neue Straße",
           "Graf-Stauffenberg-Straße", "Zur Linde", "Brüder-Grimm-Platz", "Töpfergasse", "Steinweg", "Unterm Berg"]
TOWNS = [("34117", "Kassel"), ("35037", "Marburg"), ("37073", "Göttingen"), ("36037", "Fulda"), ("34497", "Korbach"),
         ("34466", "Wolfhagen"), ("99084", "Erfurt"), ("06108", "Halle (Saale)"), ("04109", "Leipzig"), ("01067", "Dresden"),
         ("80331", "München"), ("90402", "Nürnberg"), ("70173", "Stuttgart"), ("68159", "Mannheim"),
         ("79098", "Freiburg im Breisgau"), ("50667", "Köln"), ("44135", "Dortmund"), ("45127", "Essen"), ("48143", "Münster"),
         ("33602", "Bielefeld"), ("49074", "Osnabrück"), ("26122", "Oldenburg"), ("28195", "Bremen"), ("20095", "Hamburg"),
         ("24103", "Kiel"), ("18055", "Rostock"), ("17489", "Greifswald"), ("14467", "Potsdam"), ("10115", "Berlin"),
         ("39104", "Magdeburg"), ("38100", "Braunschweig"), ("31134", "Hildesheim"), ("56068", "Koblenz"), ("54290", "Trier"),
         ("66111", "Saarbrücken"), ("93047", "Regensburg"), ("94032", "Passau"), ("87435", "Kempten (Allgäu)"),
         ("88212", "Ravensburg"), ("72070", "Tübingen"), ("97070", "Würzburg"), ("63739", "Aschaffenburg"),
         ("65183", "Wiesbaden"), ("55116", "Mainz"), ("09111", "Chemnitz"), ("02826", "Görlitz"), ("19053", "Schwerin"),
         ("25813", "Husum"), ("83278", "Traunstein"), ("86150", "Augsburg"), ("36251", "Bad Hersfeld"),
         ("35066", "Frankenberg (Eder)"), ("36341", "Lauterbach"), ("34225", "Baunatal"), ("37269", "Eschwege")]


class Address:
    def __init__(self):
        n = rng.choice([str(rng.randint(1, 140)), str(rng.randint(1, 40)), f"{rng.randint(1, 60)}{rng.choice('abc')}",
                        f"{(a := rng.randint(2, 30))}-{a + 2}", f"{rng.randint(1, 20)}/{rng.randint(1, 3)}", f"{rng.randint(1, 90)} a"])
        self.street = f"{rng.choice(STREETS)} {n}"
        self.plz, self.town = rng.choice(TOWNS)
        r = rng.random()
        self.ort = f"D-{self.plz} {self.town}" if r < 0.08 else f"{self.plz} {self.town}"

    def get(self, field):
        A = "ADDRESS"
        return {"str": (self.street, A), "ort": (self.ort, A), "stadt": (self.town, A), "STR": (self.street.upper(), A),
                "ORT": (self.ort.upper(), A), "plz": (self.plz, A), "ortsname": (self.town, None)}[field]


# --------------------------------------------------------------------------
# Numbers

AREAS = ["561", "6421", "551", "661", "30", "40", "89", "221", "69", "711", "341", "351", "5631", "5692", "911", "421",
         "431", "381", "331", "391", "531", "261", "681", "941", "851", "831", "751", "7071", "931", "611", "6131"]


def digits(n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def phde(mobile_share: float = 0.4) -> str:
    if rng.random() < mobile_share:
        pre = f"01{rng.choice(['51', '52', '57', '59', '60', '62', '70', '71', '72', '73', '75', '76', '77', '78', '79'])}"
        sub = digits(rng.choice([7, 8]))
        fmt = rng.choice(["{p} {s}", "{p}/{s}", "{p}-{s}", "+49 {q} {s}", "0049 {q} {s}", "{p} {s1} {s2}", "+49 (0){q} {s}", "{p}{s}"])
        return fmt.format(p=pre, q=pre[1:], s=sub, s1=sub[:3], s2=sub[3:])
    a = rng.choice(AREAS)
    sub = digits(max(5, 10 - len(a)))
    sub_fmt = rng.choice([sub, f"{sub[:-1]}-{sub[-1]}", " ".join(sub[i:i + 2] for i in range(0, len(sub), 2)),
                          f"{sub[:-2]}-{sub[-2:]}", sub])
    fmt = rng.choice(["0{a} {s}", "0{a}/{s}", "(0{a}) {s}", "+49 {a} {s}", "+49 (0){a} {s}", "0049 {a} {s}", "0{a}-{s}", "0{a} / {s}"])
    return fmt.format(a=a, s=sub_fmt)


MONATE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()


def dob(y0: int = 1928, y1: int = 2006) -> str:
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y % 100:02d}", f"{d}. {MONATE[m - 1]} {y}",
                       f"{d:02d}. {MONATE[m - 1]} {y}", f"{d:02d}.{m:02d}.{y}"])


def datum() -> str:
    y, m, d = rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {MONATE[m - 1]}", f"{d}.{m}.", f"{d:02d}.{m:02d}.", f"{d}. {MONATE[m - 1]} {y}"])


def iban_de() -> str:
    bban = digits(8) + digits(10)
    num = int(bban + "131400")  # D=13, E=14, "00"
    iban = f"DE{98 - num % 97:02d}{bban}"
    assert std_iban.is_valid(iban)
    return " ".join(iban[i:i + 4] for i in range(0, 22, 4)) if rng.random() < 0.6 else iban


def kdnr() -> str:
    return rng.choice([f"K-{digits(7)}", digits(8), f"KD {digits(4)}-{digits(4)}", f"{digits(3)} {digits(3)} {digits(3)}",
                       f"M{digits(6)}", f"VN-{digits(7)}"])


def bestnr() -> str:
    return rng.choice([f"2024-{digits(6)}", f"A-{digits(6)}", f"WEB-{digits(5)}", f"{digits(3)}-{digits(7)}", digits(9)])


SIMPLE = {
    "phde": lambda: (phde(), "PHONE_NUMBER"),
    "phfest": lambda: (phde(0.0), "PHONE_NUMBER"),
    "dobkind": lambda: (dob(2008, 2018), "DATE_OF_BIRTH"),
    "dob": lambda: (dob(), "DATE_OF_BIRTH"),
    "iban": lambda: (iban_de(), "IBAN_CODE"),
    "kdnr": lambda: (kdnr(), "CUSTOMER_NUMBER"),
    "bestnr": lambda: (bestnr(), "ORDER_NUMBER"),
    "email": lambda: (Person(next_origin()).email(), "EMAIL_ADDRESS"),
    # unlabelled fillers
    "datum": lambda: (datum(), None),
    "wtag": lambda: (rng.choice("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()), None),
    "monat": lambda: (rng.choice(MONATE), None),
    "uhr": lambda: (rng.choice(["7.30 Uhr", "8 Uhr", "10.15 Uhr", "14 Uhr", "16.45 Uhr", "19.30 Uhr", "22.10 Uhr", "halb acht"]), None),
    "jahr": lambda: (str(rng.randint(1952, 2019)), None),
    "alter": lambda: (str(rng.randint(19, 87)), None),
    "stadt": lambda: (rng.choice(["Kassel", "Göttingen", "Fulda", "Marburg", "Erfurt", "Hannover", "Leipzig", "Bielefeld",
                                  "Würzburg", "Gießen", "Paderborn", "Bamberg", "Osnabrück", "Siegen", "Hameln", "Baunatal"]), None),
    "grossstadt": lambda: (rng.choice(["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Dresden"]), None),
    "autobahn": lambda: (rng.choice(["A7", "A 7", "A44", "A 49", "A5", "A 3", "A1", "A 2", "A9", "A 8", "A 38", "A4"]), None),
    "bstr": lambda: (rng.choice(["B 27", "B3", "B 83", "B 251", "B7", "B 400", "B 80", "B 62"]), None),
    "firma": lambda: (rng.choice(["Deutsche Bahn", "Bosch", "Porsche", "Mercedes-Benz", "Siemens", "Volkswagen", "BASF", "Aldi Süd",
                                  "Rossmann", "Haribo", "Adidas", "Dr. Oetker", "Hugo Boss", "Tchibo", "Kaufland", "Otto",
                                  "Lidl", "Miele", "Continental", "B. Braun", "Viessmann", "K+S", "Fielmann"]), None),
    "verein": lambda: (rng.choice(["Hessen Kassel", "Eintracht Frankfurt", "Werder Bremen", "FC St. Pauli", "Hannover 96",
                                   "1. FC Kaiserslautern", "SC Paderborn", "Würzburger Kickers", "VfL Bochum", "Rot-Weiss Essen",
                                   "Borussia Mönchengladbach", "SV Darmstadt 98", "KSV Baunatal", "TSV 1860 München"]), None),
    "preis": lambda: (rng.choice(["12,99 €", "4,50 Euro", "149 €", "2,29 €", "39,90 Euro", "1.200 Euro", "89 Cent", "7,95 €"]), None),
    "handle": lambda: (rng.choice(["@kaffeejunkie", "@nordhessenkind", "@rad_fahrerin", "@hummelbrumm", "@der_echte_uwe",
                                   "@mama_von_drei", "@spätschicht", "@balkonbiotop", "@ruhrpottperle", "@fussballpapa_04"]), None),
    "grad": lambda: (str(rng.randint(-6, 34)), None),
}
OBJECTS = {"p": "person", "pp": "prominent", "a": Address, "k": Address}

# --------------------------------------------------------------------------
# Template engine

class Context:
    def __init__(self, who):
        self.who = who or {}
        self.cache: dict[str, object] = {}

    def get(self, kind, idx, field):
        key = kind + idx
        if kind in OBJECTS:
            if key not in self.cache:
                if kind == "p":
                    origin = self.who.get(key)
                    if isinstance(origin, list):
                        origin = rng.choice(origin)
                    self.cache[key] = Person(origin or next_origin())
                elif kind == "pp":
                    while True:  # two prominent persons in one message must differ
                        cand = Person(prominent=True)
                        if all(not isinstance(o, Person) or o.full != cand.full for o in self.cache.values()):
                            break
                    self.cache[key] = cand
                else:
                    self.cache[key] = OBJECTS[kind]()
            assert field, key
            return self.cache[key].get(field)
        assert field is None, (kind, field)
        if key not in self.cache:
            self.cache[key] = SIMPLE[kind]()
        return self.cache[key]



def make(template: str, who: dict) -> tuple[str, list[dict]]:
    return fill(template, Context(who), rng)


# --------------------------------------------------------------------------
# Templates: (name, text[, options]); positive "dp…", negative "dpn…".

H = {"cats": ["health"]}

POS: list[tuple] = [
    # --- short news items
    ("dp001", "{pp1.nach} sagte am {wtag} in {grossstadt}, man werde die Gespräche ⟨in aller Ruhe|nach der Sommerpause|zügig⟩ fortsetzen."),
    ("dp002", "{pp1.gen} Sprecher teilte mit, ein Termin für das Treffen stehe noch nicht fest."),
    ("dp003", "{pp1.nach} und {pp2.nach} trafen sich am Rande der Konferenz in {grossstadt} zu einem ⟨kurzen|längeren|vertraulichen⟩ Gespräch."),
    ("dp004", "{p1.bm} {p1.voll} eröffnete am {wtag} das neue Feuerwehrhaus in {stadt}. Rund 200 Gäste kamen."),
    ("dp005", "Landrat {p1.nach} kündigte an, die Kreisstraße zwischen den beiden Ortsteilen noch in diesem Jahr sanieren zu lassen."),
    ("dp006", "Vor dem Landgericht {stadt} muss sich seit {wtag} ein 52-Jähriger wegen Betrugs verantworten. Die Vorsitzende Richterin {p1.voll} kündigte ein Urteil für {monat} an."),
    ("dp007", "Die Ausstellung der Künstlerin {p1.voll} ist noch bis zum {datum} im Kunstverein {stadt} zu sehen.", {"p1": ["de", "persian", "vietnamese", "greek"]}),
    ("dp008", "{firma}-Chef {p1.voll} sagte, das Werk bleibe erhalten. Die Belegschaft reagierte erleichtert."),
    ("dp009", "Wie {p1.voll}, {p1.sprecher} des Landkreises, mitteilte, bleibt das Freibad wegen Personalmangels bis auf Weiteres geschlossen."),
    ("dp010", "Nach {pp1.gen} Rede gab es Applaus aus mehreren Fraktionen."),
    ("dp011", "{pp1.voll} besucht am {wtag} {stadt}. Geplant sind ein Rundgang durch die Altstadt und ein Eintrag ins Goldene Buch."),
    ("dp012", "Neue Schulleitung am Gymnasium: {p1.voll} folgt auf {p2.voll}, {p2.der} nach 18 Jahren in den Ruhestand geht.", {"p1": ["de", "turkish", "polish", "de_compound"]}),
    ("dp013", "\"Wir sind auf einem guten Weg\", sagte {p1.voll}, {p1.gf} der Stadtwerke. {p1.nach} rechnet mit einer Entscheidung im {monat}."),
    ("dp014", "Der Ortsbeirat wählte {p1.voll} an die Spitze des Gremiums. {p1.nach} erhielt sieben von neun Stimmen.", {"p1": ["de", "de_noun", "russian", "arabic"]}),
    # --- tweets, forum posts
    ("dp015", "{handle} hab grad mit {p1.kvor} vom kundendienst telefoniert, voll nett 👍 paket kommt morgen"),
    ("dp016", "boah {p1.nach} hat heut schon wieder ne fünf in mathe verteilt 🙄🙄"),
    ("dp017", "Moin! Wer kennt {p1.voll}? Suche {p1.ihn} wegen Klassentreffen, Abi-Jahrgang {jahr}. Bitte PN 🙏"),
    ("dp018", "Servus, i hob gestern mitm {p1.vor} gredt, der sogt de Werkstatt hod ab {wtag} wieder auf", {"p1": ["de", "de_noun"]}),
    ("dp019", "Dat is doch der {p1.nach} vom Kiosk, wa? Der hat mir letzte Woche falsch rausgegeben 😂"),
    ("dp020", "I han em {p1.vor} scho hundertmol gsagt, er soll sei Auto net vor mei Garage hinstelle. {p2.kvor} sieht des genauso."),
    ("dp021", "RE: Handwerker-Empfehlung\n\nWir hatten {p1.voll} für das Bad, sehr sauber gearbeitet. Telefon steht auf der Homepage, sonst {phde}."),
    ("dp022", "{handle} @stadtwerke_info seit 3 std kein strom in der {a1.str}, {p1.kvor} aus dem 2. stock sagt bei ihr auch nicht ⚡️"),
    ("dp023", "Danke an {p1.vor} und {p2.vor} von der Tafel, ihr seid großartig ❤️ #ehrenamt"),
    ("dp024", "hat jemand ne nummer von {p1.klein}? der wollte mir die bohrmaschine zurückgeben lol"),
    ("dp025", "Beitrag von {handle}: Heute {p1.gen} Buch fertig gelesen – Wahnsinn, wie gut {p1.er} schreibt! Lesung am {datum} in {stadt}.", {"p1": ["de", "turkish", "persian", "de_compound"]}),
    ("dp026", "bin ab {wtag} wieder da, bis dahin bitte an {p1.voll} wenden ({p1.email}) ✌️"),
    ("dp027", "Forum » Nachbarschaft » Gefunden: schwarzer Kater, Halsband mit Marke. Gehört er {p1.anredeakk} {p1.nach} aus der {a1.str}? Bitte melden unter {phde}."),
    # --- police and traffic reports with names or numbers
    ("dp028", "Polizeipräsidium Nordhessen: Unbekannte sind in der Nacht zu {wtag} in eine Lagerhalle in {stadt} eingebrochen. Hinweise nimmt die Kripo unter {phfest} entgegen. Pressesprecher: {p1.voll}."),
    ("dp029", "Nach dem Unfall auf der {autobahn} bei {stadt} bittet die Polizei Zeugen, sich unter {phfest} zu melden. Ansprechpartnerin ist {p1.voll}.", {"p1": ["de", "de_noun", "italian"]}),
    ("dp030", "Vermisst: Die Polizei sucht nach {p1.voll} ({alter}) aus {a1.stadt}. {p1.Er} wurde zuletzt am {wtag} am Bahnhof gesehen. Hinweise an jede Polizeidienststelle."),
    ("dp031", "Polizeihauptkommissar {p1.voll} zog eine positive Bilanz des Stadtfests: Es habe kaum Zwischenfälle gegeben."),
    ("dp032", "Verkehrsmeldung: {bstr} zwischen {stadt} und Wolfhagen nach Unfall voll gesperrt. Die Einsatzleitung hat {p1.voll} von der Feuerwehr Zierenberg."),
    # --- club and school newsletters
    ("dp033", "Liebe Vereinsmitglieder,\n\n{p1.unsertrainer} {p1.voll} verlässt uns zum Saisonende. Die Nachfolge übernimmt {p2.voll}. Wir danken {p1.vor} für zehn tolle Jahre!"),
    ("dp034", "Glückwunsch an unsere {p1.schueler} {p1.voll} aus der 9b zum ersten Platz beim Landesentscheid ‚Jugend forscht‘!", {"p1": ["turkish", "kurdish", "de", "vietnamese", "african"]}),
    ("dp035", "Elternbrief Klasse 4a\n\nLiebe Eltern,\nder Ausflug findet am {datum} statt. Begleitet werden wir von {p1.anrede} {p1.nach} und {p2.anrede} {p2.nach}. Bitte Brotdose mitgeben.\n\nViele Grüße\n{p3.voll}, Klassenlehrerin"),
    ("dp036", "Ergebnisse vom Wochenende: Die D-Jugend gewann 4:2, Tore durch {p1.voll} (2), {p2.nach} und {p3.nach}. Der Trainer {p4.voll} war zufrieden."),
    ("dp037", "Kontakt Förderverein: Kassenwart {p1.voll}, {a1.str}, {a1.ort}, Tel. {phde}, {p1.email}"),
    ("dp038", "Neu im Vorstand: {p1.voll} (Beisitz), {p2.voll} (Schriftführung) und {p3.voll} (Jugendwart*in)."),
    ("dp039", "Die Theater-AG bedankt sich bei {p1.voll} für die Kostüme und bei Hausmeister {p2.nach} für die Bühne!"),
    ("dp040", "Aus der Chorprobe: {p1.voll} feiert {p1.sein} 25-jähriges Sängerjubiläum. Der Vorstand gratuliert herzlich!"),
    ("dp041", "Anmeldung Sommerferienlager\nKind: {p1.voll}\nGeburtsdatum: {dobkind}\nErziehungsberechtigte/r: {p2.voll}\nAnschrift: {a1.str}, {a1.ort}\nNotfallnummer: {phde}"),
    ("dp042", "Schachclub: Beim Blitzturnier setzte sich {p1.nach} vor {p2.nach} und {p3.nach} durch. Nächster Termin: {datum}"),
    ("dp043", "Wir begrüßen {p1.voll} als neue Lehrkraft für Deutsch und Sport. {p1.anrede} {p1.nach} hat zuvor an einer Gesamtschule unterrichtet."),
    # --- obituaries, birthdays
    ("dp044", "In Liebe und Dankbarkeit nehmen wir Abschied von\n\n{p1.voll}\ngeb. {p1.geb}\n* {dob}   † {datum}\n\nIn stiller Trauer\n{p2.vor} und {p3.vor} mit Familien\n\nTraueranschrift: Familie {p2.nach}, {a1.str}, {a1.ort}", {"p1": ["de", "de2", "de_noun"]}),
    ("dp045", "Zum 90. Geburtstag gratulieren wir ganz herzlich {p1.anredeakk} {p1.voll} aus {a1.stadt}. Alles Gute wünschen Kinder, Enkel und Urenkel!"),
    ("dp046", "Plötzlich und unerwartet verstarb {p1.nachruf}\n{p1.voll}\n* {dob} † {datum}\nDie Beisetzung findet im engsten Familienkreis statt."),
    ("dp047", "Herzlichen Glückwunsch zur Goldenen Hochzeit! Die Eheleute {p1.voll} und {p2.voll} aus {a1.stadt} feiern am {wtag} ihr 50-jähriges Ehejubiläum."),
    ("dp048", "Wir gratulieren: {p1.voll} (95), {p2.voll} (90) und {p3.voll} (85) – alle wohnhaft im Seniorenzentrum am Park."),
    ("dp049", "Nachruf\nDer Turnverein trauert um sein Ehrenmitglied {p1.voll}, {p1.der} am {datum} im Alter von 84 Jahren verstorben ist. {p1.nach} war über 40 Jahre Übungsleiter.", {"p1": ["de", "de2"]}),
    ("dp050", "Liebe {p1.vor}, zu Deinem 18. Geburtstag am {datum} alles Liebe! Deine Eltern, {p2.vor} & {p3.vor} 🎈"),
    # --- doctors' letters (health)
    ("dp051", "{p2.sgk} Dr. {p2.nach},\n\nwir berichten über {p1.ihrenpat} {p1.voll}, geb. {dob}, wohnhaft {a1.str}, {a1.ort}, {p1.der} sich vom {datum} bis {datum2} in unserer stationären Behandlung befand.", H),
    ("dp052", "Klinikum {k1.ortsname} – Klinik für Innere Medizin\n{k1.str} · {k1.ort}\nTel. {phfest} · Fax {phfest2}\n\n{k1.ortsname}, den {datum}\n\nArztbrief über {p1.anredeakk} {p1.voll}, geb. {dob}", H),
    ("dp053", "Diagnosen:\n1. Typ-2-Diabetes mellitus\n2. Arterielle Hypertonie\n\nMit freundlichen kollegialen Grüßen\n\nDr. med. {p2.init}\n{p2.oa}\n\n{p3.voll}\n{p3.aa}", H),
    ("dp054", "{p1.Der} aus {a1.stadt} stammende {p1.pat} {p1.anrede} {p1.voll} stellte sich am {datum} in unserer Notaufnahme mit Thoraxschmerz vor.", H),
    ("dp055", "Entlassungsbrief\nPatient/in: {p1.nachvor}\nGeb.-Datum: {dob}\nAnschrift: {a1.str}, {a1.ort}\nHausarzt: Dr. {p2.voll}, {k1.str}, {k1.ort}", H),
    ("dp056", "Sehr geehrte Kolleginnen und Kollegen,\n\n{p1.anrede} {p1.nach} wurde bei uns am rechten Knie operiert. Der postoperative Verlauf war komplikationslos. Wir bitten um Fadenzug am {datum} in Ihrer Praxis.\n\nDr. med. {p2.init}, {p2.oa}", H),
    ("dp057", "Befundbericht für {p1.anredeakk} Dr. med. {p2.voll}, Facharzt für Allgemeinmedizin\nBetr.: {p1.voll}, * {dob}, {a1.ort}", H),
    ("dp058", "Rückfragen gerne unter {phde} (Sekretariat {p3.anrede} {p3.nach}).\n\nProf. Dr. med. {p2.voll}\n{p2.ca}", H),
    ("dp059", "{p1.anrede} {p1.voll}, {alter} Jahre, wohnhaft in {a1.stadt}, wurde zur weiteren Abklärung einer Anämie aufgenommen. {p1.Er} lebt allein, {p2.der} {p2.sohn} {p2.vor} unterstützt im Haushalt.", H),
    ("dp060", "Kassel, den {datum}\n\n{p2.sgk} Dr. {p2.nach},\n\nvielen Dank für die Überweisung {p1.ihrespat} {p1.voll} (geb. {dob}).", H),
    ("dp061", "Praxis Dr. {p2.nach} · {k1.str} · {k1.ort}\nHerrn\n{p1.voll}\n{a1.str}\n{a1.ort}\n\nIhr Laborbefund vom {datum}", {**H, "p1": ["de", "de2", "turkish", "polish", "russian"]}),
    ("dp062", "Anamnese: {p1.Der} {alter}-jährige {p1.pat} {p1.voll} berichtet, seit drei Wochen unter Schwindel zu leiden. {p2.Der} Angehörige {p2.voll} bestätigt dies.", H),
    # --- customer letters / e-mails
    ("dp063", "Sehr geehrte Damen und Herren,\n\nich wohne in der {a1.str} in {a1.stadt} und warte seit drei Wochen auf meinen Techniker. Bitte melden Sie sich unter {phde}.\n\nMit freundlichen Grüßen\n{p1.voll}"),
    ("dp064", "{p1.voll}\n{a1.str}\n{a1.ort}\n\n{stadt}, {datum}\n\nKündigung meines Vertrags, Kundennummer {kdnr}\n\nHiermit kündige ich fristgerecht zum nächstmöglichen Zeitpunkt."),
    ("dp065", "Hallo, mein Name ist {p1.voll}, ich habe am {datum} bestellt (Bestellnr. {bestnr}) und bis heute nichts bekommen. Lieferadresse ist {a1.str}, {a1.ort}."),
    ("dp066", "Guten Tag,\nbitte buchen Sie den Betrag von meinem Konto ab: IBAN {iban}, Kontoinhaber {p1.voll}.\nDanke, {p1.init}"),
    ("dp067", "{p2.mitarbeiter} {p2.anrede} {p2.nach} war sehr freundlich und hat mir gut geholfen. Das wollte ich einmal loswerden! Gruß {p1.voll}"),
    ("dp068", "Seit unserem Umzug aus der {a1.str} in die {a2.str} in {a2.stadt} kommt die Post nicht mehr an. Kundennummer {kdnr}. {p1.voll}"),
    ("dp069", "Liebe Frau {p2.nach}, wie telefonisch besprochen sende ich Ihnen meine neue Adresse: {a1.str}, {a1.ort}. Herzliche Grüße, {p1.voll}"),
    ("dp070", "Die Rechnung bitte an {p2.meinsohn} {p2.voll} schicken, {p2.er} kümmert sich um meine Post. Adresse: {a1.str}, {a1.ort}."),
    ("dp071", "Bitte rufen Sie {p2.meinnachbar} {p2.anrede} {p2.nach} an ({phde}), falls ich nicht öffne. Ich bin schwerhörig. {p1.voll}"),
    ("dp072", "hallo ich bins {p1.klein} aus {a1.stadt}, wollte fragen ob mein paket schon raus ist, email {p1.email}"),
    ("dp073", "Sehr geehrter Herr {p2.nach},\n\nals {p1.mieter} der Wohnung im 2. OG der {a1.str} teile ich Ihnen mit, dass die Heizung seit {wtag} ausgefallen ist.\n\nMit freundlichen Grüßen\n{p1.voll}\nTel. {phde}"),
    ("dp074", "Absender: {p1.voll}, {a1.str}, {a1.ort} – Empfänger: Stadtverwaltung, Bürgerbüro"),
    ("dp075", "Moin, ich bin {p1.vor} und schreibe für {p2.meinopa} {p2.voll} ({alter}), {p2.er} hat kein Internet. {p2.Er} wohnt in {a1.stadt}."),
    ("dp076", "Sehr geehrte Frau Dr. {p2.nach}, ich bitte um einen Termin für {p3.meinsohn} {p3.vor}, geboren am {dobkind}. Mit freundlichen Grüßen {p1.voll}"),
    ("dp077", "Widerspruch gegen den Bescheid vom {datum}\n\nAktenzeichen: {kdnr}\nWiderspruchsführer: {p1.voll}, geb. {dob}, {a1.str}, {a1.ort}"),
    # --- small ads, forms, misc
    ("dp078", "Verkaufe Kinderwagen, kaum benutzt, {preis} VB. Abholung {a1.str}, {a1.ort}. Tel. {phde} ({p1.vor})"),
    ("dp079", "Suche Nachmieter für 3-Zi-Whg. in der {a1.str}, {a1.ort}. Besichtigung nach Absprache mit {p1.anrede} {p1.nach}: {phde}"),
    ("dp080", "Lebenslauf\n\nName: {p1.voll}\nGeburtsdatum: {dob}\nAnschrift: {a1.str}, {a1.ort}\nE-Mail: {p1.email}\nMobil: {phde}"),
    ("dp081", "Protokoll der Eigentümerversammlung vom {datum}\nAnwesend: {p1.voll}, {p2.voll}, {p3.voll}, {p4.anrede} {p4.nach} (Verwaltung)\nTOP 1: Dachsanierung"),
    ("dp082", "Wir heiraten! {p1.vor} & {p2.vor} laden euch herzlich ein am {datum} um {uhr}. Zusage bitte an {p1.email} oder {phde}."),
    ("dp083", "Arbeitszeugnis\n\n{p1.anrede} {p1.voll}, geboren am {dob} in {a1.stadt}, war vom {datum} bis zum {datum2} in unserem Unternehmen im Lager tätig."),
    ("dp084", "Vollmacht\n\nHiermit bevollmächtige ich, {p1.voll}, wohnhaft {a1.str}, {a1.ort}, {p2.anredeakk} {p2.voll}, mein Paket bei der Filiale abzuholen."),
    ("dp085", "Fundsache: Geldbörse auf den Namen {p1.VOLL} im Bus der Linie 12 gefunden. Abzuholen im Fundbüro."),
    ("dp086", "WG sucht Mitbewohner*in! Wir sind {p1.vor} (Lehramt), {p2.vor} (Maschinenbau) und {p3.vor} (Pflege). Meldet euch bei {p1.vor}: {phde}"),
    ("dp087", "Zeugenaussage {p1.nachvor}, wohnhaft in {a1.stadt}: Ich habe gesehen, wie der Transporter rückwärts gegen das Tor fuhr."),
    ("dp088", "An: {p1.email}\nCc: {p2.email}\nBetreff: Termin {datum}\n\nHallo {p1.vor}, hallo {p2.vor},\npasst euch {uhr}? LG {p3.vor}"),
    ("dp089", "Hochzeitstorte bitte auf den Namen {p1.nach} reservieren, Abholung {wtag}. Rückfragen: {phde}"),
    ("dp090", "Der Gewinner unseres Preisausschreibens ist {p1.voll} aus {a1.stadt}. Herzlichen Glückwunsch zum E-Bike!"),
    ("dp091", "TEILNEHMERLISTE\n1. {p1.NACH}, {p1.vor}\n2. {p2.NACH}, {p2.vor}\n3. {p3.NACH}, {p3.vor}"),
    ("dp092", "Danke {p1.vor}!!! 🌸 Das Paket ist angekommen, die Kinder freuen sich riesig. Grüße an {p2.vor} und den Rest der Familie {p1.nach}!"),
    ("dp093", "Herr {p1.nach} von der Hausverwaltung meinte, der Aufzug wird erst am {datum} repariert. Typisch.", {"p1": ["de_noun", "de", "polish"]}),
    ("dp094", "{p1.vorgen} Oma wird nächste Woche 100 – wir sammeln Glückwünsche! Karten bitte an {a1.str}, {a1.ort}."),
    ("dp095", "Liebe Nachbarn, am {wtag} ab {uhr} feiern wir den 40. von {p1.vor}. Es könnte laut werden – sorry! {p1.voll} & {p2.voll}, {a1.str}"),
    ("dp096", "Sprechstunde bei {p1.anredeakk} {p1.nach} (Vertrauenslehrkraft) nur nach Vereinbarung unter {p1.email}."),
    ("dp097", "Hinweis der Redaktion: In unserem Artikel vom {datum} wurde {p1.voll} versehentlich als {p2.voll} bezeichnet. Wir bitten um Entschuldigung."),
    ("dp099", "Im Stadion: {p1.nach} köpfte in der 89. Minute zum 2:1 ein, {p2.nach} hielt zuvor einen Elfmeter. {p3.voll}, Coach von {verein}, sprach von einem verdienten Sieg."),
    ("dp100", "Laut {pp1.nach} ist der Kompromiss tragfähig; {pp2.nach} widersprach am Abend in einer Talkshow."),
    ("dp101", "{p1.voll} leitet ab {monat} die Stadtbibliothek {stadt}. {p1.Er} war zuvor in {grossstadt} tätig.", {"p1": ["de", "greek", "balkan", "de_compound"]}),
    ("dp102", "{p1.der} {p1.kvor} und {p2.der} {p2.kvor} ham sich getrennt 😱 hab ich von {p3.kvor} gehört, aber psst"),
    ("dp103", "Willkommen, {p1.vor}! Geboren am {dobkind} um {uhr}, 3.420 g, 51 cm. Es freuen sich {p2.voll} und {p3.voll} aus {a1.stadt}."),
    ("dp104", "Neues aus der Kita: In der Igelgruppe begrüßen wir {p1.vor}, {p2.vor} und {p3.vor}. {p4.erzieher} {p4.voll} ist ab {monat} in Elternzeit."),
    ("dp105", "Wir entlassen {p1.anredeakk} {p1.nach} heute in gebessertem Allgemeinzustand in die häusliche Umgebung nach {a1.stadt}. Die Weiterbehandlung übernimmt Dr. {p2.nach}.", H),
    ("dp106", "Prof. Dr. {p1.voll} vom Institut für Geographie erhält den diesjährigen Lehrpreis der Universität. Die Laudatio hält {p2.voll}."),
    ("dp107", "Verkehrsfunk: Auf der {autobahn} zwischen {stadt} und {grossstadt} Vorsicht, Gegenstände auf der Fahrbahn. Am Mikrofon: {p1.voll}."),
    ("dp108", "---------- Weitergeleitete Nachricht ----------\nVon: {p1.voll} <{p1.email}>\nDatum: {datum}\nAn: {p2.email}\n\nHi {p2.vor}, anbei die Fotos vom Sommerfest. VG {p1.vor}"),
    ("dp098", "Reservierung für 6 Personen am {wtag} um {uhr}, Name {p1.nach}, Handy {phde}. Ein Kinderstuhl wäre nett!"),
]

NEG: list[tuple] = [
    ("dpn01", "Die Deutsche Bahn hat für {wtag} Bauarbeiten zwischen {stadt} und {grossstadt} angekündigt. Fernzüge werden umgeleitet, die Fahrzeit verlängert sich um etwa 40 Minuten."),
    ("dpn02", "{firma} will am Standort {stadt} ⟨rund 300|etwa 120|mehr als 500⟩ Stellen abbauen. Der Betriebsrat kündigte Widerstand an."),
    ("dpn03", "Porsche und Mercedes-Benz meldeten für das ⟨erste|zweite|dritte⟩ Quartal sinkende Absatzzahlen in China."),
    ("dpn04", "Wetter: Am {wtag} ist es im Norden ⟨bewölkt|regnerisch|neblig⟩, im Süden scheint die Sonne bei bis zu {grad} Grad. In der Nacht Frost in Tallagen."),
    ("dpn05", "Rezept: 250 g Mehl, 3 Eier, eine Prise Salz und ⟨500 ml Milch|400 ml Buttermilch|300 ml Hafermilch⟩ verrühren, 20 Minuten quellen lassen und in Butter ausbacken."),
    ("dpn06", "Gibt es den Akkuschrauber von Bosch auch mit zwei Akkus? Im Prospekt steht {preis}, online finde ich ihn nur einzeln."),
    ("dpn07", "{verein} gewann am {wtag} mit ⟨2:1|3:0|1:0|4:2⟩ gegen {verein2} und klettert auf Platz ⟨drei|fünf|sieben⟩."),
    ("dpn08", "Auf der {autobahn} zwischen den Anschlussstellen ⟨Kassel-Nord und Lutterberg|Homberg und Borken|Hann. Münden und Göttingen⟩ kommt es wegen einer Baustelle zu ⟨5|8|12⟩ km Stau."),
    ("dpn09", "Die {bstr} ist ab {wtag} zwischen ⟨Melsungen und Spangenberg|Fritzlar und Borken|Hofgeismar und Grebenstein⟩ voll gesperrt. Eine Umleitung ist ausgeschildert."),
    ("dpn10", "Ein {alter}-jähriger Autofahrer aus ⟨Baunatal|Vellmar|Lohfelden|Kaufungen⟩ ist am {wtag}abend auf der {bstr} gegen einen Baum geprallt und wurde leicht verletzt."),
    ("dpn11", "Unbekannte haben in der Nacht zu {wtag} ⟨drei|mehrere|zwei⟩ Autos in der Konrad-Adenauer-Straße beschädigt. Die Polizei ermittelt."),
    ("dpn12", "Das Robert Koch-Institut meldet für die ⟨vergangene|laufende⟩ Woche ⟨steigende|leicht sinkende|stabile⟩ Zahlen bei ⟨Atemwegsinfekten|Grippefällen|Norovirus-Infektionen⟩."),
    ("dpn13", "Der Georg-Büchner-Preis wird ⟨im Oktober|im Herbst|am Samstag⟩ in Darmstadt verliehen. Die Jury hat ihre Entscheidung bereits bekanntgegeben."),
    ("dpn14", "Das Goethe-Gymnasium und die Albert-Schweitzer-Schule erhalten neue ⟨Sporthallen|Digitaltafeln|Mensen⟩. Die Stadt investiert ⟨2,4|3,1|1,8⟩ Millionen Euro."),
    ("dpn15", "Wo finde ich bei dm die Zahnseide? Im Rossmann gegenüber gibt es sie immer, aber der hat {wtag}s zu."),
    ("dpn16", "Haribo Goldbären in der ⟨vegetarischen|zuckerreduzierten|sauren⟩ Variante – gibt es die auch im 1-kg-Beutel?"),
    ("dpn17", "Mein Dr. Oetker Backpulver ist abgelaufen ({datum}). Kann ich es noch verwenden?"),
    ("dpn18", "Hat die Filiale in der Bahnhofstraße am {wtag} geöffnet? Ich würde gern eine Rücksendung abgeben."),
    ("dpn19", "Liefern Sie auch nach Österreich? Und wie hoch sind dort die Versandkosten für ⟨ein Sofa|einen Kühlschrank|eine Matratze⟩?"),
    ("dpn20", "Die Max-Planck-Gesellschaft eröffnet in ⟨Göttingen|Tübingen|Jena⟩ ein neues Institut für Klimaforschung."),
    ("dpn21", "Der Koch empfiehlt heute ⟨Rinderroulade mit Rotkohl|Spargel mit Sauce hollandaise|Kürbissuppe⟩ für {preis}."),
    ("dpn22", "Die Frau an der Kasse war sehr nett und der Herr an der Information auch. Danke für den ⟨tollen|freundlichen|schnellen⟩ Service!"),
    ("dpn23", "Der Bauer auf dem Wochenmarkt hat ⟨Erdbeeren|Spargel|Äpfel|Kartoffeln⟩ aus der Region – gibt es die bei Ihnen auch?"),
    ("dpn24", "Frau Holle, Rotkäppchen und Hänsel und Gretel: Das Märchenfestival in ⟨Kassel|Steinau|Hanau⟩ startet am {wtag}."),
    ("dpn25", "Meine Bestellung {bestnr} ist beschädigt angekommen, der Karton war eingedrückt. Wie läuft die Reklamation?"),
    ("dpn26", "Die Helmut-Schmidt-Universität lädt am {datum} zum Tag der offenen Tür ein. Anmeldung nicht erforderlich."),
    ("dpn27", "Gibt es die Jacke von Jack Wolfskin auch in Größe ⟨XL|L|M⟩? Im Laden in {stadt} war sie ausverkauft."),
    ("dpn28", "Hugo Boss senkt die Prognose, Adidas und Puma legen zu. Der DAX schloss ⟨leicht im Plus|knapp im Minus|unverändert⟩."),
    ("dpn29", "Unwetterwarnung des Deutschen Wetterdienstes für die Landkreise Kassel, Waldeck-Frankenberg und Schwalm-Eder: ⟨Starkregen|Sturmböen|Gewitter⟩ ab {uhr}."),
    ("dpn30", "Am Sankt-Martins-Tag zieht der Laternenumzug um {uhr} vom Marktplatz zur Kirche. Die Feuerwehr sperrt die Innenstadt."),
    ("dpn31", "Die Friedrich-Ebert-Stiftung und die Konrad-Adenauer-Stiftung laden gemeinsam zu einer Podiumsdiskussion über ⟨Wohnungsbau|Digitalisierung|Pflege⟩ ein."),
    ("dpn32", "Wie lange ist die Garantie auf die Miele Waschmaschine? Gekauft am {datum}, jetzt ist die Pumpe defekt."),
    ("dpn33", "Der Landkreis meldet: Die Wertstoffhöfe in ⟨Hofgeismar|Wolfhagen|Baunatal⟩ und ⟨Vellmar|Naumburg|Immenhausen⟩ bleiben am {wtag} geschlossen."),
    ("dpn34", "Mit dem ICE von {grossstadt} nach {stadt}: Gilt mein Deutschlandticket auch im Nahverkehr am Zielort?"),
    ("dpn35", "Tolle Auswahl an Weihnachtsbäumen! Nordmanntanne 1,80 m für ⟨39|49|59⟩ Euro, Blaufichte etwas günstiger."),
    ("dpn36", "Der ⟨Stadtrat|Kreistag|Gemeinderat⟩ beschloss mit ⟨großer|knapper⟩ Mehrheit den Haushalt für das kommende Jahr. Die Grundsteuer ⟨bleibt unverändert|steigt leicht⟩."),
    ("dpn37", "Die ⟨Volkshochschule|Stadtbibliothek|Musikschule⟩ bietet ab {monat} wieder Kurse an. Das Programmheft liegt im Rathaus aus."),
    ("dpn38", "Wir haben einen Tisch von IKEA bestellt, Modell ⟨Lisabo|Ekedalen|Mörbylånga⟩ – gibt es dafür Ersatzschrauben?"),
    ("dpn39", "Heimspiel am {wtag}: Einlass ab {uhr}, Tickets an der Tageskasse ⟨12|15|9⟩ Euro, ermäßigt die Hälfte."),
    ("dpn40", "Die Polizei warnt vor falschen ⟨Handwerkern|Wasserablesern|Polizisten⟩, die sich als Mitarbeiter ⟨der Stadtwerke|des Wasserverbands|der Gemeinde⟩ ausgeben. Lassen Sie niemanden ohne Ausweis in die Wohnung."),
    ("dpn41", "Ist der Ferdinand-Porsche-Platz ⟨tagsüber|abends|am Wochenende⟩ gebührenpflichtig? Wir kommen mit dem Wohnmobil."),
    ("dpn42", "Warum ist meine Rechnung diesen Monat höher? Ich habe doch nichts ⟨geändert|zusätzlich gebucht|bestellt⟩."),
    ("dpn43", "Frische Brötchen gibt es ab {uhr}, samstags auch Kuchen vom Blech. Ihre Bäckerei am Markt."),
    ("dpn44", "Stau auf der {autobahn} Richtung {grossstadt}: Ein Lkw hat Teile seiner Ladung verloren. Die rechte Spur ist gesperrt."),
    ("dpn45", "Die Kirchengemeinde bittet um Kuchenspenden für den Basar am {datum}. Abgabe im Gemeindehaus."),
    ("dpn46", "Kann man bei Ihnen mit PayPal bezahlen oder nur per ⟨Rechnung|Lastschrift|Kreditkarte⟩?"),
    ("dpn47", "Die Gebrüder-Grimm-Festspiele in Hanau zeigen in diesem Sommer ⟨Rumpelstilzchen|Die Bremer Stadtmusikanten|Schneewittchen⟩."),
    ("dpn48", "Hallo, ich hätte gern gewusst, ob die Tchibo Kaffeemaschine ⟨entkalkt|gereinigt|repariert⟩ werden kann oder ob sich das nicht lohnt."),
]


def main() -> None:
    write_set(
        positive=POS,
        negative=NEG,
        make=make,
        who_of=lambda opts: {k: v for k, v in opts.items() if k.startswith("p") and v},
        positive_ok=lambda spans: any(s["label"] == "PERSON" for s in spans),
        language="de",
        prefix="dp",
        header=HEADER_NOTE,
        out=OUT,
    )

if __name__ == "__main__":
    main()
