"""Generate the synthetic German PII evaluation set ``de.jsonl``.

    python benchmarks/pii_data/make_de.py

Every message is a hand-written template filled with Faker ``de_DE`` values
and values of our own (phones, IDs, order numbers) in the many forms people
actually type. Spans are recorded while the text is assembled, never by
searching the finished text, so a value that happens to occur twice cannot be
labelled at the wrong place. The output is deterministic: same seed, same file.

This module also holds the assembly machinery that ``make_en.py`` reuses.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from faker import Faker
from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn
from stdnum.de import idnr as stdnum_idnr

HERE = Path(__file__).resolve().parent
SEED = 20251105
FILLS_POSITIVE = 4
FILLS_NEGATIVE = 4

Record = dict[str, Any]
"""One line of the JSONL file."""

Segment = tuple[str, str | None]
"""A piece of message text and its gold label (None: not personal data)."""

Slot = Callable[["Context", str], list[Segment]]
"""Fills one placeholder; the string is the persona key (``p1``, ``m2``…) it names."""

CATEGORIES = (
    "health",
    "religion",
    "ethnic_origin",
    "political_opinion",
    "sexual_orientation",
    "trade_union",
    "biometric",
    "genetic",
)


@dataclass(frozen=True)
class Template:
    """One hand-written message; ``near`` marks text that only looks like a category."""

    id: str
    text: str
    categories: tuple[str, ...] = ()
    negative: bool = False
    near: bool = False


# --------------------------------------------------------------------------
# Check digits. Written from the official descriptions; every generated value
# is cross-checked with python-stdnum where it has a module.


def luhn_check_digit(payload: str) -> str:
    """Luhn (ISO/IEC 7812) check digit for a card number without its last digit."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def tax_id_check_digit(payload: str) -> str:
    """ISO 7064 MOD 11,10 check digit of the Steuer-ID (first 10 digits given)."""
    product = 10
    for char in payload:
        total = (int(char) + product) % 10 or 10
        product = (total * 2) % 11
    return str((11 - product) % 10)


def tax_id_structure_ok(payload: str) -> bool:
    """The Steuer-ID rule: no leading zero, one digit twice or thrice, the rest once.

    A digit used three times may not sit in three consecutive places.
    """
    counts = Counter(payload)
    repeated = [digit for digit, count in counts.items() if count > 1]
    if payload[0] == "0" or len(repeated) != 1 or counts[repeated[0]] > 3:
        return False
    return repeated[0] * 3 not in payload


def _cross_sum(number: int) -> int:
    return sum(int(char) for char in str(number))


def rvnr_check_digit(payload: str) -> str:
    """Check digit of the Rentenversicherungsnummer.

    The letter becomes its two-digit alphabet position; the twelve digits are
    weighted 2,1,2,5,7,1,2,1,2,1,2,1, each product reduced to its cross sum,
    and the sum taken modulo 10.
    """
    letter = payload[8]
    digits = payload[:8] + f"{ord(letter) - ord('A') + 1:02d}" + payload[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(_cross_sum(int(d) * w) for d, w in zip(digits, weights, strict=True))
    return str(total % 10)


def kvnr_check_digit(payload: str) -> str:
    """Check digit of the Krankenversichertennummer (letter + 8 digits given).

    The letter becomes its two-digit alphabet position; the ten digits are
    weighted alternately 1 and 2, products above 9 reduced to their cross sum,
    and the sum taken modulo 10.
    """
    digits = f"{ord(payload[0]) - ord('A') + 1:02d}" + payload[1:]
    total = sum(_cross_sum(int(d) * (1 if i % 2 == 0 else 2)) for i, d in enumerate(digits))
    return str(total % 10)


def icao_check_digit(payload: str) -> str:
    """ICAO 9303 check digit (weights 7,3,1; A=10 … Z=35) of an ID or passport number."""
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in payload]
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(values)) % 10)


# --------------------------------------------------------------------------
# People


@dataclass
class Persona:
    """One person of a message; every persona slot of the message draws on it."""

    gender: str
    first: str
    last: str
    dob: date
    email_user: str


DOUBLE_FIRST = {
    "f": ["Anna-Lena", "Marie-Luise", "Eva-Maria", "Lisa-Marie", "Anne-Kathrin", "Hanna-Sophie"],
    "m": ["Hans-Peter", "Karl-Heinz", "Jan-Niklas", "Klaus-Dieter", "Max-Henrik", "Jens-Uwe"],
}
PARTICLES = ["von", "van der", "von der", "van", "de", "zu", "vom", "ten"]
FOREIGN_HAND = {
    "arabic": (
        ["Mohammed", "Ahmad", "Omar", "Khaled", "Yusuf", "Tarek", "Bilal", "Karim"],
        ["Fatima", "Aisha", "Leila", "Amira", "Nour", "Yasmin", "Rania", "Mariam"],
        ["Al-Hassan", "Haddad", "Khalil", "Nasser", "Saleh", "El-Masri", "Darwish", "Mansour"],
    ),
    "russian": (
        ["Dmitri", "Sergej", "Alexej", "Wladimir", "Andrej", "Juri", "Igor", "Nikolai"],
        ["Olga", "Natalja", "Swetlana", "Tatjana", "Irina", "Jelena", "Xenia", "Anastasia"],
        ["Iwanow", "Petrow", "Smirnow", "Kusnezow", "Popow", "Wolkow", "Sokolow", "Morosow"],
    ),
    "ukrainian": (
        ["Taras", "Bohdan", "Oleksandr", "Mykola"],
        ["Oksana", "Olena", "Halyna", "Kateryna"],
        ["Kowalenko", "Schewtschenko", "Bondarenko", "Tkatschenko", "Melnyk"],
    ),
    "vietnamese": (
        ["Minh", "Tuan", "Duc", "Quang"],
        ["Lan", "Hoa", "Linh", "Thao"],
        ["Nguyen", "Tran", "Pham", "Hoang", "Vu", "Le"],
    ),
    "greek": (
        ["Georgios", "Dimitrios", "Konstantinos", "Nikos"],
        ["Eleni", "Maria", "Katerina", "Sofia"],
        ["Papadopoulos", "Konstantinidis", "Georgiou", "Papadakis"],
    ),
    "persian": (
        ["Reza", "Dariush", "Amir", "Babak"],
        ["Mahsa", "Shirin", "Parisa", "Neda"],
        ["Ahmadi", "Hosseini", "Karimi", "Rezaei", "Moradi"],
    ),
    "albanian": (
        ["Arben", "Blerim", "Driton", "Fatos"],
        ["Drita", "Albana", "Arta", "Vjosa"],
        ["Krasniqi", "Berisha", "Gashi", "Hoxha", "Shala"],
    ),
}
FEMININE_SUFFIX = {"russian": "a"}
NAME_STYLES_DE = {
    "local": 50,
    "double_first": 6,
    "double_last": 6,
    "particle": 6,
    "faker_foreign": 16,
    "hand_foreign": 16,
}
"""How often each kind of name is drawn; "local" is the Faker locale's own."""
FAKER_FOREIGN = ["tr_TR", "tr_TR", "pl_PL", "it_IT", "hr_HR"]
MAIL_DOMAINS = [
    "gmx.de",
    "web.de",
    "t-online.de",
    "gmail.com",
    "posteo.de",
    "outlook.de",
    "yahoo.de",
    "icloud.com",
    "freenet.de",
    "mailbox.org",
    "gmx.net",
    "hotmail.de",
]
ASCII_MAP = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ł": "l", "đ": "d", "ø": "o"}
)


NAME_SHAPE = re.compile(r"[^\W\d_]+(?:[- ][^\W\d_]+)?")
BROKEN_NAMES = {"Koch II", "auch Schlauchin", "Dussen van", "Grein Groth", "Jacobi Jäckel"}


def _clean(draw: Callable[[], str]) -> str:
    """A Faker name that looks like one: some lists hold "Hans D.", "Koch II" or mojibake."""
    while True:
        name = draw()
        if NAME_SHAPE.fullmatch(name) and name not in BROKEN_NAMES:
            return name


def ascii_fold(text: str) -> str:
    """Lower-case ASCII form of a name, as people put it into e-mail addresses."""
    text = text.lower().translate(ASCII_MAP)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in "-"))


# --------------------------------------------------------------------------
# Places

STREETS = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Goethestraße",
    "Schillerstraße",
    "Gartenstraße",
    "Lindenweg",
    "Birkenweg",
    "Wiesenweg",
    "Am Sonnenhang",
    "Karl-Marx-Allee",
    "Friedrich-Ebert-Straße",
    "Berliner Straße",
    "Kieler Straße",
    "Hamburger Allee",
    "Marktplatz",
    "Schlossplatz",
    "Heinrich-Heine-Platz",
    "Rosengasse",
    "Mühlengasse",
    "Alte Gasse",
    "Am Stadtpark",
    "Im Winkel",
    "Auf der Heide",
    "Zur Alten Mühle",
    "Kurfürstendamm",
    "Sonnenallee",
    "Ulmenring",
    "Willy-Brandt-Ring",
    "Nordring",
    "Mariendorfer Damm",
    "Hohenzollerndamm",
    "Lange Reihe",
    "Königsallee",
    "Unter den Linden",
    "Große Bleichen",
    "Neuer Wall",
    "Konrad-Adenauer-Ufer",
    "Eichendorffstraße",
    "Prinzregentenstraße",
    "Leopoldstraße",
    "Am Anger",
    "Steinweg",
    "Zeil",
    "An der Alster",
    "Rheinuferstraße",
    "Zum Steinbruch",
]
SACRAL_STREETS = [
    "Kirchstraße",
    "Kirchgasse",
    "Am Kirchberg",
    "Klosterweg",
    "Domplatz",
    "Kapellenweg",
    "Kirchplatz",
    "Am Klostergarten",
    "Bischofsweg",
    "Pfarrer-Kneipp-Straße",
]
TOWNS = [
    ("10115", "Berlin"),
    ("10997", "Berlin"),
    ("12043", "Berlin"),
    ("20095", "Hamburg"),
    ("22765", "Hamburg"),
    ("80331", "München"),
    ("81669", "München"),
    ("50667", "Köln"),
    ("51063", "Köln"),
    ("60311", "Frankfurt am Main"),
    ("70173", "Stuttgart"),
    ("40213", "Düsseldorf"),
    ("44135", "Dortmund"),
    ("45127", "Essen"),
    ("04109", "Leipzig"),
    ("01067", "Dresden"),
    ("30159", "Hannover"),
    ("90402", "Nürnberg"),
    ("28195", "Bremen"),
    ("53111", "Bonn"),
    ("48143", "Münster"),
    ("76133", "Karlsruhe"),
    ("68159", "Mannheim"),
    ("65183", "Wiesbaden"),
    ("55116", "Mainz"),
    ("24103", "Kiel"),
    ("18055", "Rostock"),
    ("06108", "Halle (Saale)"),
    ("15230", "Frankfurt (Oder)"),
    ("99084", "Erfurt"),
    ("39104", "Magdeburg"),
    ("14467", "Potsdam"),
    ("93047", "Regensburg"),
    ("86150", "Augsburg"),
    ("79098", "Freiburg im Breisgau"),
    ("69117", "Heidelberg"),
    ("37073", "Göttingen"),
    ("97070", "Würzburg"),
    ("66111", "Saarbrücken"),
    ("23552", "Lübeck"),
    ("33602", "Bielefeld"),
    ("52062", "Aachen"),
    ("07743", "Jena"),
    ("83022", "Rosenheim"),
    ("09111", "Chemnitz"),
    ("54290", "Trier"),
    ("73728", "Esslingen am Neckar"),
    ("49074", "Osnabrück"),
    ("94032", "Passau"),
    ("87435", "Kempten (Allgäu)"),
    ("02826", "Görlitz"),
    ("36037", "Fulda"),
]
AREA_CODES = [
    "30",
    "40",
    "89",
    "69",
    "221",
    "711",
    "211",
    "341",
    "351",
    "511",
    "911",
    "201",
    "231",
    "421",
    "228",
    "761",
    "251",
    "621",
    "6221",
    "7531",
    "3641",
    "8031",
    "2151",
    "9131",
]
MOBILE_PREFIXES = ["151", "152", "157", "159", "160", "162", "163", "170", "171", "172"]
MOBILE_PREFIXES += ["173", "174", "175", "176", "177", "178", "179", "1512", "1520", "1573"]
MOBILE_SUBSCRIBER_LENGTHS = {
    **dict.fromkeys(("151", "152", "157", "159", "176"), (8,)),
    **dict.fromkeys(("177", "178", "179"), (7, 8)),
}
"""Digits after the prefix where not 7: 015x numbers have eight ("0151 23456789")."""
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


# --------------------------------------------------------------------------
# Values


class Values:
    """Random values in the forms people type them; one instance per data set."""

    def __init__(
        self,
        seed: int,
        locale: str = "de_DE",
        name_locale: str | None = None,
        name_styles: dict[str, int] = NAME_STYLES_DE,
    ) -> None:
        self.name_styles = name_styles
        self.rng = random.Random(seed)
        self.fake = Faker(locale)
        self.fake.seed_instance(seed)
        self.names = Faker(name_locale or locale)
        self.names.seed_instance(seed + 7)
        self.foreign = {loc: Faker(loc) for loc in sorted(set(FAKER_FOREIGN))}
        for offset, faker in enumerate(self.foreign.values()):
            faker.seed_instance(seed + offset + 1)
        self.iban_fakers = [Faker("de_AT"), Faker("nl_NL")]
        for offset, faker in enumerate(self.iban_fakers):
            faker.seed_instance(seed + offset + 100)

    def pick(self, options: list[str] | tuple[str, ...]) -> str:
        """One option; an option listed twice is drawn twice as often."""
        return self.rng.choice(options)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def digits(self, count: int, first_nonzero: bool = False) -> str:
        head = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return head + "".join(str(self.rng.randint(0, 9)) for _ in range(count - 1))

    # People ---------------------------------------------------------------

    def persona(self, gender: str | None) -> Persona:
        """A person whose name is local, double, with a particle, or from elsewhere."""
        gender = gender or self.pick(("f", "m"))
        styles = list(self.name_styles)
        style = self.rng.choices(styles, weights=[self.name_styles[s] for s in styles])[0]
        first, last = self._name(gender, style)
        dob = date(1942, 1, 1) + timedelta(days=self.rng.randint(0, 64 * 365))
        return Persona(gender, first, last, dob, self._email_user(first, last, dob))

    def _name(self, gender: str, style: str) -> tuple[str, str]:
        names = self.names
        first = _clean(names.first_name_female if gender == "f" else names.first_name_male)
        last = _clean(names.last_name)
        if style == "double_first":
            first = self.pick(DOUBLE_FIRST[gender])
        elif style == "double_last":
            last = f"{last}-{_clean(names.last_name)}"
        elif style == "particle":
            last = f"{self.pick(PARTICLES)} {last}"
        elif style == "faker_foreign":
            foreign = self.foreign[self.pick(FAKER_FOREIGN)]
            if gender == "f":
                first = _clean(foreign.first_name_female)
                last = _clean(foreign.last_name_female)
            else:
                first, last = _clean(foreign.first_name_male), _clean(foreign.last_name_male)
        elif style == "hand_foreign":
            origin = self.pick(sorted(FOREIGN_HAND))
            males, females, lasts = FOREIGN_HAND[origin]
            first = self.pick(females if gender == "f" else males)
            last = self.pick(lasts)
            if gender == "f":
                last += FEMININE_SUFFIX.get(origin, "")
        return first, last

    def _email_user(self, first: str, last: str, dob: date) -> str:
        f, surname = ascii_fold(first), ascii_fold(last.replace(" ", ""))
        forms = [
            f"{f}.{surname}",
            f"{f[0]}.{surname}",
            f"{f}{surname}{dob.year % 100:02d}",
            f"{surname}.{f}",
            f"{f}_{surname}",
            f"{f}.{surname}{self.rng.randint(1, 99)}",
            f"{f}{dob.year}",
        ]
        return self.pick(forms)

    def email(self, persona: Persona) -> str:
        return f"{persona.email_user}@{self.pick(MAIL_DOMAINS)}"

    # Places ---------------------------------------------------------------

    def house_number(self) -> str:
        number = str(self.rng.randint(1, 160))
        roll = self.rng.random()
        if roll < 0.2:
            return number + self.pick("abcd")
        if roll < 0.25:
            return f"{number}-{int(number) + 2}"
        if roll < 0.28:
            return f"{number} {self.pick('ab')}"
        return number

    def street_name(self, sacral: bool = False) -> str:
        if sacral:
            name = self.pick(SACRAL_STREETS)
        elif self.chance(0.3):
            name = self.fake.street_name()
        else:
            name = self.pick(STREETS)
        if name.endswith("straße") and self.chance(0.3):
            name = name[: -len("straße")] + "str."
        elif name.endswith(" Straße") and self.chance(0.4):
            name = name[: -len("Straße")] + "Str."
        return name

    def street(self, sacral: bool = False) -> str:
        return f"{self.street_name(sacral)} {self.house_number()}"

    def postcode_town(self) -> str:
        if self.chance(0.3):
            return f"{self._postcode()} {self.fake.city()}"
        postcode, town = self.pick(TOWNS)
        return f"D-{postcode} {town}" if self.chance(0.05) else f"{postcode} {town}"

    def _postcode(self) -> str:
        """A Faker postcode in the range Germany uses: none start with 00."""
        while True:
            postcode = self.fake.postcode()
            if not postcode.startswith("00"):
                return postcode

    def town(self) -> str:
        return self.pick(TOWNS)[1]

    def bare_postcode(self) -> str:
        return self.pick(TOWNS)[0]

    # Phones ---------------------------------------------------------------

    def _grouped(self, digits: str) -> str:
        """Digits in the groups people like to type: 3-2-2-2, 3-3-2-2, 2-2-2-2 or 4-4-4."""
        sizes = self.pick(((3, 2, 2, 2), (3, 3, 2, 2), (2, 2, 2, 2), (4, 4, 4)))
        groups, rest = [], digits
        for size in sizes:
            if not rest:
                break
            groups.append(rest[:size])
            rest = rest[size:]
        if rest:
            groups.append(rest)
        return " ".join(groups)

    def landline(self) -> str:
        area = self.pick(AREA_CODES)
        shortest, longest = {2: (7, 8), 3: (6, 8), 4: (5, 7)}[len(area)]
        sub = self.digits(self.rng.randint(shortest, longest), first_nonzero=True)
        forms = [
            f"+49 {area} {sub}",
            f"0049 (0){area} {self._grouped(sub)}",
            f"0{area}/{sub}",
            f"0{area}-{self._grouped(sub)}",
            f"0{area} {sub}",
            f"(0{area}) {sub}",
            f"+49 (0){area} {sub}",
            f"+49{area}{sub}",
            f"0{area} / {self._grouped(sub)}",
            f"+49-{area}-{sub}",
        ]
        return self.pick(forms)

    def mobile(self) -> str:
        prefix = self.pick(MOBILE_PREFIXES)
        sub = self.digits(self.pick(MOBILE_SUBSCRIBER_LENGTHS.get(prefix, (7,))), True)
        forms = [
            f"0{prefix} {sub}",
            f"0{prefix}-{sub}",
            f"+49 {prefix} {sub}",
            f"+49 (0){prefix} {self._grouped(sub)}",
            f"+49{prefix}{sub}",
            f"0{prefix}{sub}",
            f"0{prefix}/{sub}",
            f"0049 {prefix} {sub}",
            f"0{prefix} {self._grouped(sub)}",
        ]
        return self.pick(forms)

    def phone(self) -> str:
        return self.landline() if self.chance(0.5) else self.mobile()

    # Dates ----------------------------------------------------------------

    def dob_numeric(self, day: date) -> str:
        return self.pick(
            (
                f"{day:%d.%m.%Y}",
                f"{day.day}.{day.month}.{day.year}",
                f"{day:%d.%m.%Y}",
                f"{day:%Y-%m-%d}",
            )
        )

    def dob_short(self, day: date) -> str:
        return f"{day:%d.%m.%y}"

    def dob_long(self, day: date) -> str:
        month = MONTHS[day.month - 1]
        return self.pick(
            (f"{day.day}. {month} {day.year}", f"{day:%d}. {month} {day.year}", f"{day:%d.%m.%Y}")
        )

    def kid_dob(self) -> date:
        return date(2025, 1, 1) + timedelta(days=self.rng.randint(0, 300))

    def senior_dob(self) -> date:
        """For a parent who needs care: personas may be born as late as 2006."""
        return date(1930, 1, 1) + timedelta(days=self.rng.randint(0, 20 * 365))

    def future_date(self) -> str:
        day = date(2025, 11, 1) + timedelta(days=self.rng.randint(0, 200))
        return self.pick(
            (
                f"{day:%d.%m.}",
                f"{day:%d.%m.%Y}",
                f"{day.day}. {MONTHS[day.month - 1]}",
                f"{day.day}.{day.month}.",
            )
        )

    # Money ----------------------------------------------------------------

    def iban(self) -> str:
        faker = self.fake if self.chance(0.85) else self.pick(self.iban_fakers)
        compact = faker.iban()
        assert stdnum_iban.is_valid(compact), compact
        if self.chance(0.55):
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def card(self) -> str:
        brand = self.pick(("visa", "visa", "mastercard", "mastercard", "amex"))
        if brand == "amex":
            payload = self.pick(("34", "37")) + self.digits(12)
        elif brand == "visa":
            payload = "4" + self.digits(14)
        else:
            payload = str(self.rng.randint(51, 55)) + self.digits(13)
        number = payload + luhn_check_digit(payload)
        assert stdnum_luhn.is_valid(number), number
        roll = self.rng.random()
        if roll < 0.45:
            if brand == "amex":
                return f"{number[:4]} {number[4:10]} {number[10:]}"
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        if roll < 0.55:
            return "-".join(number[i : i + 4] for i in range(0, len(number), 4))
        return number

    def price(self) -> str:
        euros = self.rng.choice((self.rng.randint(3, 99), self.rng.randint(100, 2500)))
        cents = self.pick(("00", "99", "95", "90", "49", "50"))
        amount = f"{euros:,}".replace(",", ".") + f",{cents}"
        return self.pick((f"{amount} €", f"{amount} EUR", f"{amount} Euro", f"€ {amount}"))

    # Internet -------------------------------------------------------------

    def ipv4(self) -> str:
        return self.fake.ipv4_public()

    def ipv6(self) -> str:
        return self.fake.ipv6()

    def profile_url(self, persona: Persona) -> str:
        f, surname = ascii_fold(persona.first), ascii_fold(persona.last.replace(" ", "-"))
        tail = self.rng.randint(10, 999)
        return self.pick(
            (
                f"https://www.xing.com/profile/{f.capitalize()}_{surname.capitalize()}{tail}",
                f"https://www.linkedin.com/in/{f}-{surname}-{tail}b{tail % 7}/",
                f"https://www.facebook.com/{f}.{surname}.{tail}",
                f"https://www.instagram.com/{f}_{surname[:4]}{persona.dob.year % 100}/",
                f"https://www.shop-beispiel.de/wunschzettel/{f}-{surname}-{persona.dob.year}",
            )
        )

    def mail_url(self, persona: Persona) -> str:
        address = f"{persona.email_user}%40{self.pick(MAIL_DOMAINS)}"
        token = "".join(self.pick("abcdef0123456789") for _ in range(12))
        return self.pick(
            (
                f"https://www.moebel-example.de/konto/reset?email={address}&token={token}",
                f"https://mein.stadtwerke-example.de/login?user={address}",
                f"https://shop.example.com/newsletter/abmelden?mail={address}&id={token}",
            )
        )

    # German identifiers ---------------------------------------------------

    def tax_id(self) -> str:
        while True:
            payload = self.digits(10, first_nonzero=True)
            if tax_id_structure_ok(payload):
                break
        number = payload + tax_id_check_digit(payload)
        assert stdnum_idnr.is_valid(number), number
        if self.chance(0.4):
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"
        return number

    def rvnr(self, persona: Persona) -> str:
        area = self.pick(("12", "13", "15", "17", "18", "23", "24", "25", "28", "38", "53", "65"))
        serial = (
            f"{self.rng.randint(0, 49) if persona.gender == 'm' else self.rng.randint(50, 99):02d}"
        )
        initial = ascii_fold(persona.last.split()[-1])[0].upper()
        payload = f"{area}{persona.dob:%d%m%y}{initial}{serial}"
        number = payload + rvnr_check_digit(payload)
        form = self.rng.random()
        if form < 0.45:
            return f"{number[:2]} {number[2:8]} {number[8]} {number[9:]}"
        if form < 0.6:
            return f"{number[:2]} {number[2:8]} {number[8:]}"
        return number

    def kvnr(self) -> str:
        payload = self.pick("ABCDEFGHIJKLMNOPRSTUVWXYZ") + self.digits(8)
        return payload + kvnr_check_digit(payload)

    def _document_number(self, first_letters: str) -> str:
        alphabet = "CFGHJKLMNPRTVWXYZ0123456789"
        payload = self.pick(first_letters) + "".join(self.pick(alphabet) for _ in range(8))
        return payload + icao_check_digit(payload) if self.chance(0.25) else payload

    def id_card(self) -> str:
        return self._document_number("LMNPRTVWXY")

    def passport(self) -> str:
        return self._document_number("CFGHJK")

    # Shop numbers -----------------------------------------------------------

    def order_number(self) -> str:
        forms = (
            f"{self.digits(4, True)}-{self.rng.randint(2023, 2025)}",
            f"A-{self.digits(6, True)}",
            self.digits(6, True),
            self.digits(8, True),
            f"BE-{self.rng.randint(2023, 2025)}-{self.digits(6)}",
            f"{self.digits(3, True)}-{self.digits(7)}-{self.digits(7)}",
            f"WEB-{self.digits(5, True)}",
            f"{self.rng.randint(2024, 2025)}/{self.rng.randint(1, 12):02d}/{self.digits(4)}",
        )
        return self.pick(forms)

    def customer_number(self) -> str:
        forms = (
            self.digits(6, True),
            f"K-{self.digits(5, True)}",
            f"KD {self.digits(4, True)} {self.digits(4)}",
            self.digits(9, True),
            f"KN-{self.rng.randint(2015, 2025)}-{self.digits(4)}",
            f"{self.digits(3, True)}.{self.digits(3)}.{self.digits(3)}",
            f"M{self.digits(7, True)}",
        )
        return self.pick(forms)


# --------------------------------------------------------------------------
# Assembly


@dataclass
class Context:
    """The values of one message: its personas are shared by all slots that name them."""

    values: Values
    slots: dict[str, Slot]
    personas: dict[str, Persona] = field(default_factory=dict)

    def reserve(self, text: str) -> None:
        """Create the personas a template fixes the gender of (``m1``, ``f2``) up front.

        A template may name the same person as ``{full}`` before ``{m1.anrede}``;
        the person must be created male even though ``p1`` is met first.
        """
        for match in PLACEHOLDER.finditer(text):
            key = match.group(1) or "p1"
            if key[0] != "p" and key[1:] not in self.personas:
                self.personas[key[1:]] = self.values.persona(key[0])

    def persona(self, key: str) -> Persona:
        """Persona ``p1``/``m1``/``f1``: the letter fixes the gender, the digit the person."""
        letter, number = key[0], key[1:]
        if number not in self.personas:
            self.personas[number] = self.values.persona(None if letter == "p" else letter)
        person = self.personas[number]
        assert letter in ("p", person.gender), f"persona {key} used with two genders"
        return person


PLACEHOLDER = re.compile(r"\{(?:([pmf]\d)\.)?([a-z_0-9]+)\}")
ALTERNATIVE = re.compile(r"\[([^\[\]|]*(?:\|[^\[\]|]*)+)\]")
"""``[Hallo|Hi|Moin]`` in a template: one of the wordings, chosen per message."""


def expand(text: str, ctx: Context) -> list[Segment]:
    """Template text to labelled segments; each slot is filled as it is met."""
    text = ALTERNATIVE.sub(lambda m: ctx.values.pick(m.group(1).split("|")), text)
    ctx.reserve(text)
    segments: list[Segment] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        segments.append((text[position : match.start()], None))
        persona_key, slot = match.group(1) or "p1", match.group(2)
        if slot not in ctx.slots:
            raise KeyError(f"unknown slot {slot!r} in {text!r}")
        segments.extend(ctx.slots[slot](ctx, persona_key))
        position = match.end()
    segments.append((text[position:], None))
    return _single_full_stop(segments)


def _single_full_stop(segments: list[Segment]) -> list[Segment]:
    """A value ending in "." ("am 12.03.") takes the place of the sentence's full stop."""
    for i in range(1, len(segments)):
        value, label = segments[i]
        if label is None and value.startswith(".") and segments[i - 1][0].endswith("."):
            segments[i] = (value[1:], None)
    return segments


def assemble(segments: Iterable[Segment]) -> tuple[str, list[dict[str, Any]]]:
    """Concatenate segments, recording each labelled one's offsets as it is appended."""
    parts: list[str] = []
    spans: list[dict[str, Any]] = []
    length = 0
    for value, label in segments:
        if label is not None:
            assert value and value == value.strip(), f"bad {label} value {value!r}"
            spans.append({"start": length, "end": length + len(value), "label": label})
        parts.append(value)
        length += len(value)
    text = "".join(parts)
    labelled = [(v, lab) for v, lab in segments if lab is not None]
    for span, (value, label) in zip(spans, labelled, strict=True):
        assert text[span["start"] : span["end"]] == value and span["label"] == label
    return text, spans


def _fresh_message(
    template: Template, ctx_factory: Callable[[], Context], seen: set[str]
) -> tuple[str, list[dict[str, Any]]]:
    """Fill ``template`` again until the text is new: a duplicate would weigh twice."""
    for _ in range(20):
        text, spans = assemble(expand(template.text, ctx_factory()))
        if text not in seen:
            seen.add(text)
            return text, spans
    raise AssertionError(f"template {template.id} keeps producing duplicates")


def generate(
    templates: list[Template],
    ctx_factory: Callable[[], Context],
    language: str,
    fills: tuple[int, int],
    seed: int,
) -> list[Record]:
    """Fill every template ``fills`` times (positive, negative); records in shuffled order."""
    assert len({t.id for t in templates}) == len(templates), "template ids must be unique"
    records: list[Record] = []
    seen: set[str] = set()
    for template in templates:
        assert set(template.categories) <= set(CATEGORIES), template.id
        for _ in range(fills[1] if template.negative else fills[0]):
            text, spans = _fresh_message(template, ctx_factory, seen)
            if template.negative:
                assert {s["label"] for s in spans} <= {"ORDER_NUMBER"}, template.id
            else:
                assert spans, f"positive template {template.id} produced no span"
            records.append(
                {
                    "language": language,
                    "text": text,
                    "spans": spans,
                    "categories": list(template.categories),
                    "negative": template.negative,
                    "template": template.id,
                }
            )
    random.Random(seed).shuffle(records)
    return [{"id": f"{language}-{i:04d}", **record} for i, record in enumerate(records, 1)]


def write_jsonl(records: list[Record], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def summary(records: list[Record], templates: list[Template]) -> str:
    """Counts a reviewer wants to see after regenerating."""
    near = {t.id for t in templates if t.near}
    labels = Counter(s["label"] for r in records for s in r["spans"])
    lengths = [len(r["text"]) for r in records]
    in_range = sum(80 <= n <= 500 for n in lengths)
    lines = [
        f"messages {len(records)}: {sum(not r['negative'] for r in records)} positive, "
        f"{sum(bool(r['negative']) for r in records)} negative, "
        f"{len({r['template'] for r in records})} templates",
        f"with categories {sum(bool(r['categories']) for r in records)}, "
        f"near-category {sum(r['template'] in near for r in records)}",
        f"length {min(lengths)}–{max(lengths)} chars, {in_range} of {len(lengths)} within 80–500",
        "spans: " + ", ".join(f"{label} {n}" for label, n in labels.most_common()),
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------
# German slots


def _value(label: str, make: Callable[[Values], str]) -> Slot:
    return lambda ctx, _key: [(make(ctx.values), label)]


def _plain(make: Callable[[Values], str]) -> Slot:
    return lambda ctx, _key: [(make(ctx.values), None)]


def _of_person(label: str | None, make: Callable[[Values, Persona], str]) -> Slot:
    return lambda ctx, key: [(make(ctx.values, ctx.persona(key)), label)]


def _person(make: Callable[[Persona], str]) -> Slot:
    return _of_person("PERSON", lambda _values, person: make(person))


def _titled(ctx: Context, key: str) -> list[Segment]:
    person = ctx.persona(key)
    title = ctx.values.pick(("Dr. ", "Dr. ", "Prof. Dr. ", "Dipl.-Ing. "))
    return [(title, None), (f"{person.first} {person.last}", "PERSON")]


SIGNATURES_DE = [
    "Viele Grüße\n{full}",
    "Mit freundlichen Grüßen\n{full}",
    "LG {first}",
    "Liebe Grüße, {first}",
    "Gruß\n{full}",
    "Freundliche Grüße\n{titled}",
    "VG {full}",
    "Danke und viele Grüße aus {town}\n{first}",
    "mfg {full_lc}",
    "Beste Grüße\n{anrede} {last}",
]
GREETINGS_DE = [
    "Hallo,",
    "Guten Tag,",
    "Sehr geehrte Damen und Herren,",
    "Hi,",
    "Moin,",
    "Hallo zusammen,",
    "Servus,",
    "Guten Morgen,",
    "Hallo liebes Team,",
]
PRODUCTS_DE = [
    "Samsung Galaxy A55",
    "iPhone 15",
    "Jack Wolfskin Regenjacke",
    "Tchibo Kaffeevollautomat",
    "Hugo Boss Parfum",
    "Philips Airfryer",
    "Bosch Akkuschrauber",
    "Miele Staubsauger",
    "Levi's 501",
    "Tommy Hilfiger Polo",
    "Marc O'Polo Pullover",
    "Paul Hewitt Armband",
    "Ralph Lauren Hemd",
    "Calvin Klein Shorts",
    "Tom Tailor Jeans",
    "Dr. Oetker Backmischung",
    "Ritter Sport Probierbox",
    "Johnnie Walker Geschenkset",
    "Fjällräven Kånken",
    "Lego Technic Bagger",
    "Vorwerk Thermomix",
    "Grohe Duscharmatur",
]
BRANDS_DE = [
    "Jack Wolfskin",
    "Hugo Boss",
    "Tchibo",
    "Esprit",
    "Adidas",
    "Vaude",
    "Tom Tailor",
    "Marc O'Polo",
    "Seidensticker",
    "Mustang",
    "Lowa",
    "Meindl",
]


def _tracking(v: Values) -> str:
    return v.pick(
        (
            "00340434" + v.digits(12),
            "JJD" + v.digits(18),
            "1Z" + v.digits(3) + "AA" + v.digits(10),
            v.digits(12, True),
        )
    )


def _article(v: Values) -> str:
    return v.pick(
        (
            v.digits(6, True),
            f"{v.digits(4, True)}-{v.pick(('BLK', 'WHT', 'NVY'))}-{v.rng.randint(36, 46)}",
            f"{v.digits(3, True)}.{v.digits(3)}.{v.digits(2)}",
        )
    )


def _version(v: Values) -> str:
    return v.pick(
        (
            f"{v.rng.randint(1, 9)}.{v.rng.randint(0, 20)}.{v.rng.randint(0, 9)}",
            f"v{v.rng.randint(1, 5)}.{v.rng.randint(0, 12)}",
            f"{v.rng.randint(10, 24)}.{v.rng.randint(0, 9)}.{v.rng.randint(1, 30)}",
        )
    )


def _time(v: Values) -> str:
    hour, minute = v.rng.randint(7, 19), v.pick(("00", "15", "30", "45"))
    return v.pick(
        (f"{hour}:{minute} Uhr", f"{hour} Uhr", f"{hour}.{minute} Uhr", f"{hour}:{minute}")
    )


def _percent(v: Values) -> str:
    return v.pick((f"{v.rng.randint(5, 40)} %", f"{v.rng.randint(5, 40)}%", "12,5 %"))


def _quantity(v: Values) -> str:
    return str(v.rng.choice((2, 3, 4, 5, 6, 10, 12, 20, 24, 50, 100)))


def signature(options: list[str]) -> Slot:
    """A closing line signed by the slot's persona (``{f1.sig}`` is signed by ``f1``)."""

    def fill(ctx: Context, key: str) -> list[Segment]:
        text = ctx.values.pick(options)
        return expand(PLACEHOLDER.sub(lambda m: "{" + key + "." + m.group(2) + "}", text), ctx)

    return fill


def german_slots() -> dict[str, Slot]:
    """Every slot a German template may name; persona slots read the message's persona."""
    return {
        # people
        "full": _person(lambda p: f"{p.first} {p.last}"),
        "first": _person(lambda p: p.first),
        "last": _person(lambda p: p.last),
        "full_lc": _person(lambda p: f"{p.first} {p.last}".lower()),
        "first_lc": _person(lambda p: p.first.lower()),
        "titled": _titled,
        "anrede": _of_person(None, lambda _v, p: "Frau" if p.gender == "f" else "Herr"),
        "sig": signature(SIGNATURES_DE),
        "email": _of_person("EMAIL_ADDRESS", Values.email),
        "url_profile": _of_person("URL", Values.profile_url),
        "url_mail": _of_person("URL", Values.mail_url),
        "dob": _of_person("DATE_OF_BIRTH", lambda v, p: v.dob_numeric(p.dob)),
        "dob_short": _of_person("DATE_OF_BIRTH", lambda v, p: v.dob_short(p.dob)),
        "dob_long": _of_person("DATE_OF_BIRTH", lambda v, p: v.dob_long(p.dob)),
        "kid_dob": _value("DATE_OF_BIRTH", lambda v: v.dob_numeric(v.kid_dob())),
        "senior_dob": _value("DATE_OF_BIRTH", lambda v: v.dob_numeric(v.senior_dob())),
        "rvnr": _of_person("DE_SOCIAL_SECURITY", Values.rvnr),
        # contact and places
        "phone": _value("PHONE_NUMBER", Values.phone),
        "mobile": _value("PHONE_NUMBER", Values.mobile),
        "landline": _value("PHONE_NUMBER", Values.landline),
        "street": _value("ADDRESS", Values.street),
        "street_lc": _value("ADDRESS", lambda v: v.street().lower()),
        "street_sacral": _value("ADDRESS", lambda v: v.street(sacral=True)),
        "plz_ort": _value("ADDRESS", Values.postcode_town),
        # money, network, identifiers
        "iban": _value("IBAN_CODE", Values.iban),
        "card": _value("CREDIT_CARD", Values.card),
        "ip": _value("IP_ADDRESS", Values.ipv4),
        "ipv6": _value("IP_ADDRESS", Values.ipv6),
        "steuer_id": _value("DE_TAX_ID", Values.tax_id),
        "kvnr": _value("DE_HEALTH_INSURANCE", Values.kvnr),
        "perso": _value("DE_ID_CARD", Values.id_card),
        "pass": _value("DE_PASSPORT", Values.passport),
        "order": _value("ORDER_NUMBER", Values.order_number),
        "customer": _value("CUSTOMER_NUMBER", Values.customer_number),
        # not personal data
        "hallo": _plain(lambda v: v.pick(GREETINGS_DE)),
        "date": _plain(Values.future_date),
        "time": _plain(_time),
        "price": _plain(Values.price),
        "qty": _plain(_quantity),
        "percent": _plain(_percent),
        "product": _plain(lambda v: v.pick(PRODUCTS_DE)),
        "brand": _plain(lambda v: v.pick(BRANDS_DE)),
        "town": _plain(Values.town),
        "plz": _plain(Values.bare_postcode),
        "street_only": _plain(lambda v: v.street_name()),
        "tracking": _plain(_tracking),
        "article": _plain(_article),
        "version": _plain(_version),
        "weekday": _plain(
            lambda v: v.pick(("Montag", "Dienstag", "Mittwoch", "Freitag", "Samstag"))
        ),
    }


# --------------------------------------------------------------------------
# German templates

T = Template
# One template per line reads as a table; the formatter would split each in three.
# fmt: off
POSITIVE_DE = [
    # online shop: orders, returns, payment
    T("t01", "{hallo}\nmeine Bestellung {order} ist immer noch nicht da. Laut Sendungsverfolgung wurde sie am {date} zugestellt, aber bei mir ist nichts angekommen. Lieferadresse war {street}, {plz_ort}.\n{sig}"),
    T("t02", "Hallo, ich bin {full} und möchte die Bestellung Nr. {order} stornieren. Bitte bestätigen Sie mir das per Mail an {email}. Danke!"),
    T("t03", "hi ich hab vor 2 wochen bestellt (bestellnr {order}) und noch keine versandbestätigung bekommen. könnt ihr mal nachschauen? meine nummer ist {mobile} lg {first_lc}"),
    T("t04", "Guten Tag, bitte ändern Sie die Lieferadresse für Auftrag #{order} auf: {full}, {street}, {plz_ort}. Ich bin zum {date} umgezogen."),
    T("t05", "Sehr geehrte Damen und Herren,\n\nich möchte den Artikel aus Bestellung {order} (Jacke, Größe M, {price}) zurückgeben. Das Retourenlabel bitte an {email} senden.\n\nMit freundlichen Grüßen\n{full}\nKundennummer {customer}"),
    T("t06", "Die Erstattung für die Retoure zu Bestell-Nr. {order} ist noch nicht auf meinem Konto. IBAN: {iban}, Kontoinhaber {full}. Können Sie das bitte prüfen?"),
    T("t07", "Hallo! Mein Paket wurde bei meinem Nachbarn {m2.anrede} {m2.last} im Erdgeschoss abgegeben, der ist aber verreist. Kann ich es trotzdem irgendwie bekommen? Bestellung {order}, Tel. {phone}."),
    T("t08", "Ich habe mit der Kreditkarte {card} bezahlt und der Betrag wurde zweimal abgebucht ({price}). Bestellnummer {order}. Bitte um Rückbuchung.\n{full}"),
    T("t09", "Kundennummer {customer}\nHallo, ich möchte mein Kundenkonto löschen lassen und alle Daten zu meiner Person ({full}, {email}) entfernen. Bitte bestätigen Sie mir die Löschung."),
    T("t10", "Guten Abend, die Rechnung zu meiner Bestellung {order} ist auf den falschen Namen ausgestellt. Richtig ist {full}, Rechnungsanschrift {street} in {plz_ort}. Könnten Sie die Rechnung neu ausstellen?"),
    T("t11", "Hallo, der Fahrer hat eine Karte eingeworfen, dass das Paket in der Filiale liegt. Ich bin aber nicht zuhause, kann meine Frau {f2.first} es abholen? Empfänger: {m1.full}, {street}."),
    T("t12", "Lieferung bitte NICHT vor die Tür stellen!! Beim letzten mal wurde es geklaut. Adresse: {street}, {plz_ort}, Hinterhaus 3. OG, Klingel {last}"),
    T("t13", "moin, spedition soll bitte vorher anrufen: {phone}. lieferung an {full}, {street}, {plz_ort}. bin nur vormittags da"),
    T("t14", "Die Sendung zu Auftrag {order} kam beschädigt an. Fotos schicke ich an Ihre Mailadresse, Absender ist {email}. Für Rückfragen: {anrede} {last}, {phone}."),
    T("t15", "Hallo, die Zahlung per Kreditkarte geht nicht durch. Karte {card}, gültig bis 08/27. Was mache ich falsch? Bestellung wäre {order}.\n{sig}"),
    T("t16", "hallo bin {full_lc} wohne {street_lc} {plz_ort} bestellung {order} da fehlt ein teil vom regal, die schrauben sind nicht dabei"),
    T("t17", "Bitte tragen Sie mich aus dem Newsletter aus: {email}. Ich bekomme jeden Tag drei Mails, das ist zu viel. Danke"),
    T("t18", "Hallo ich hab ne frage zu meinr rechnug, kundennumer {customer}. warum sind da 2 mal versandkosten drauf?? {first_lc}"),
    T("t19", "Die Monteure für den Schrank kommen am {date}, bitte vorher kurz durchklingeln unter {phone}. Ich wohne im 4. Stock ohne Aufzug.\n{full}, {street}"),
    T("t20", "Kd.-Nr. {customer} – bitte schicken Sie Rechnungen künftig an {email} statt per Post. Danke, {full}"),
    T("t21", "Hallo, der Link zum Passwort-Zurücksetzen funktioniert nicht: {url_mail} – da kommt nur eine Fehlerseite. Was kann ich tun?"),
    T("t22", "Bei der Anmeldung im Shop kommt immer 'Zugriff verweigert'. Meine IP-Adresse ist {ip}, falls Sie das prüfen müssen. Benutzername ist {email}."),
    T("t23", "Hier der Link zu meinem Wunschzettel, den ich mit meiner Schwester teilen will: {url_profile} – warum ist der nicht öffentlich? LG {first}"),
    # deliveries and returns with addresses
    T("t24", "Guten Tag,\nich habe die Retoure für Auftrag {order} am {date} in der Packstation abgegeben. Absender: {full}, {street}, {plz_ort}. Bitte bestätigen Sie den Eingang.\n{sig}"),
    T("t25", "Können Sie den Wagen bei mir abholen? {street}, {plz_ort}. Der Schlüssel liegt bei {f2.anrede} {f2.last} im EG. Auftrag {order}."),
    T("t26", "Sehr geehrter Herr {m2.last},\nwie telefonisch besprochen sende ich Ihnen meine Daten für den Handyvertrag: {full}, {street}, {plz_ort}, geboren {dob_long}, IBAN {iban}.\nBeste Grüße"),
    T("t27", "Guten Tag,\n\nanbei die Unterlagen für den Kreditantrag.\n\nMit freundlichen Grüßen\n\n{titled}\n{street}\n{plz_ort}\nTel.: {landline}\nMobil: {mobile}\nE-Mail: {email}"),
    # doctors' practices, pharmacies, health
    T("t28", "Guten Tag, hier ist {full}, geb. {dob_short}. Ich bräuchte einen Termin zur Blutzuckerkontrolle, ich habe Diabetes Typ 2 und meine Werte sind seit Tagen zu hoch. Erreichbar unter {mobile}.", ("health",)),
    T("t29", "Hallo Praxis-Team, ich muss meinen Termin am {date} leider absagen, ich liege nach meiner Knie-OP noch im Krankenhaus. Neuer Termin gern ab {date}.\nViele Grüße, {full} (Versichertennummer {kvnr})", ("health",)),
    T("t30", "Sehr geehrte Frau Dr. {f2.last},\nich bin in der 20. Woche schwanger und habe seit gestern starke Rückenschmerzen. Kann ich heute noch vorbeikommen? Meine Nummer: {phone}\n{f1.full}", ("health",)),
    T("t31", "Rezeptanfrage: {full}, geboren am {dob}, Krankenversicherungsnummer {kvnr}. Ich brauche wieder mein Antidepressivum (Sertralin 50 mg), die Packung ist fast leer. Abholung in der Praxis wäre ideal.", ("health",)),
    T("t32", "hallo, mein sohn {m2.first} (6) hat seit gestern 39,5 fieber und ausschlag. kann ich heute in die infektsprechstunde kommen? {full_lc}, tel {mobile}", ("health",)),
    T("t33", "Guten Tag, ich bin HIV-positiv und nehme seit Jahren Medikamente. Der Zahnarzt braucht eine Bescheinigung von Ihnen, bitte an {email} schicken.\n{anrede} {full}", ("health",)),
    T("t34", "Betreff: Krankmeldung\nSehr geehrte Damen und Herren,\nich bin seit {date} wegen eines Bandscheibenvorfalls krankgeschrieben, die AU von Dr. {p2.last} reiche ich nach.\nMfG {full}", ("health",)),
    T("t35", "Hallo, ich habe eine Verordnung über 6x Krankengymnastik wegen Arthrose im Knie. Wann hätten Sie einen Termin frei? {full}, {phone}, versichert bei der TK, Versichertennummer {kvnr}.", ("health",)),
    T("t36", "Liebe Apotheke, ich habe Zöliakie und frage mich, ob das Ibuprofen von Ihnen glutenfrei ist. Antwort gern an {email}. Danke, {first}", ("health",)),
    T("t37", "Guten Tag, ich bin Patientin bei Ihnen und brauche eine Überweisung zum Orthopäden wegen meiner Hüfte. {f1.full}, geb. {dob}, KV-Nr. {kvnr}. Kann ich die Überweisung morgen abholen?", ("health",)),
    T("t38", "Hallo, meine Mutter {f2.full} (geb. {senior_dob}) ist dement und kann ihre Verträge nicht mehr selbst verwalten. Ich habe eine Vorsorgevollmacht. Wie gehen wir jetzt vor? {p1.full}, {phone}", ("health",)),
    T("t39", "Hallo, ich bin Rollstuhlfahrer (Querschnittslähmung) und brauche für die Lieferung am {date} jemanden, der das Paket bis in die Wohnung trägt. {street}, {plz_ort}, {m1.anrede} {m1.last}", ("health",)),
    T("t40", "Sehr geehrtes Team, wegen meiner Chemotherapie kann ich die Kündigungsfrist nicht einhalten und bitte um Kulanz. Kundennummer {customer}, {full}", ("health",)),
    T("t41", "Bitte kündigen Sie mein Fitnessstudio-Abo, ich hatte einen Herzinfarkt und darf laut Arzt keinen Sport machen. Mitgliedsnummer {customer}, {full}. Erstattung bitte auf {iban}.", ("health",)),
    T("t42", "hallo, bin schwanger und würde meinen handyvertrag gern günstiger machen wegen elternzeit. kundennr {customer}, tel {mobile}. lg {f1.first}", ("health",)),
    T("t43", "Sehr geehrte Damen und Herren, ich möchte eine Berufsunfähigkeitsversicherung abschließen. Vorerkrankungen: Asthma seit der Kindheit und 2021 eine Depression, inzwischen behandelt. Name {full}, geboren {dob}. Ist das ein Problem?", ("health",)),
    T("t44", "Hallo, nach meinem Schlaganfall kann ich schlecht telefonieren, bitte nur schriftlich an {email} oder per Post an {street}, {plz_ort}. Danke für Ihr Verständnis, {full}", ("health",)),
    T("t45", "Guten Tag, mein Hörgerät (Auftrag {order}) pfeift ständig, ich bin seit Geburt schwerhörig und brauche es dringend. Bitte melden Sie sich per SMS an {mobile}. {anrede} {last}", ("health",)),
    # insurance, banking, tax
    T("t46", "Schadensmeldung Hausratversicherung, Versicherungsnummer {customer}: Bei mir ({full}, {street}, {plz_ort}) wurde am {date} eingebrochen. Gestohlen wurden Laptop und Schmuck. Rückruf bitte unter {phone}."),
    T("t47", "Kfz-Versicherung: Bitte ändern Sie die Bankverbindung. Neue IBAN {iban} (Kontoinhaberin {f1.full}). Vertragsnummer {customer}."),
    T("t48", "Hallo, meine Tochter {f2.first} wird 18 und soll aus der Familienversicherung raus. Ihre Steuer-ID ist {steuer_id}, die Rentenversicherungsnummer {f2.rvnr}. Was müssen wir tun? {p1.full}"),
    T("t49", "Sehr geehrte Damen und Herren, ich habe eine Überweisung über {price} an die falsche IBAN geschickt ({iban}). Empfänger sollte {p2.full} sein. Können Sie die Zahlung zurückholen?\n{p1.full}, Konto {iban}"),
    T("t50", "Meine Karte wurde geklaut!! Bitte sofort sperren. Kartennummer {card}, Inhaber {full}, geb. {dob}. Ich bin unter {mobile} erreichbar"),
    T("t51", "Hallo, für die Kontoeröffnung brauche ich meine Steuer-ID, die lautet {steuer_id}. Personalausweisnummer {perso}. Reicht das so oder muss ich noch was schicken? Gruß {full}"),
    T("t52", "Guten Tag, im Online-Banking wurde ein Login von der IP {ip} angezeigt, das war nicht ich! Mein Zugang läuft auf {full}, Kundennummer {customer}. Bitte prüfen Sie das sofort."),
    T("t53", "Hi, ich möchte einen Dauerauftrag einrichten: {price} monatlich an {p2.full}, IBAN {iban}, Verwendungszweck Miete. Geht das auch per Chat? {p1.first}"),
    T("t54", "Auf meinem Kontoauszug ist eine Lastschrift über {price}, die ich nicht kenne. Mein Konto: {iban}. Bitte buchen Sie das zurück.\n{sig}"),
    T("t55", "Hallo, für die Steuererklärung: meine Steuer-ID {steuer_id}, die meiner Frau {f2.full} ist {steuer_id}. Belege schicke ich per Post an Ihre Kanzlei. {m1.full}"),
    T("t56", "Guten Tag, auf meiner Lohnabrechnung steht die Steueridentifikationsnummer {steuer_id}, meine ist aber eine andere. Die Sozialversicherungsnummer {rvnr} stimmt. {full}"),
    T("t57", "Guten Tag, ich beantrage Elterngeld. Rentenversicherungsnummer: {rvnr}, Steuer-ID: {steuer_id}. Das Kind heißt {p2.first} und wurde am {kid_dob} geboren. Was fehlt noch?"),
    T("t58", "Guten Tag, ich brauche eine Bescheinigung über meine Rentenversicherungsnummer ({rvnr}) für den neuen Arbeitgeber. Bitte per Mail an {email}. {full}"),
    T("t59", "Meine Sozialversicherungsnummer lautet {rvnr}, die Krankenversichertennummer {kvnr}. Mehr habe ich gerade nicht zur Hand. {anrede} {last}"),
    T("t60", "Ich habe meinen Personalausweis verloren (Nr. {perso}). Muss ich das bei Ihnen auch melden, weil das Konto damit eröffnet wurde? {anrede} {full}, {phone}"),
    T("t61", "Guten Tag, für den Check-in am {date} benötigen Sie meine Ausweisdaten: {full}, Personalausweisnummer {perso}, Geburtsdatum: {dob_long}."),
    T("t62", "Für die Reise nach Kanada brauche ich eine eTA. Reisepassnummer {pass}, ausgestellt auf {full}, geboren am {dob}. Können Sie den Antrag für mich ausfüllen?"),
    T("t63", "Meine Passnummer hat sich geändert, der neue Reisepass hat die Nummer {pass}. Bitte in der Buchung {order} aktualisieren.\n{anrede} {full}"),
    T("t64", "Hallo, ich möchte meine Mitgliedschaft kündigen. Mitgliedsnummer {customer}, {full}, geb. {dob}. Bitte schicken Sie die Bestätigung an {street}, {plz_ort}."),
    # utilities, telecoms
    T("t65", "Zählerstand Strom: 45.872 kWh, abgelesen am {date}. Vertragskonto {customer}, Abnahmestelle {street}, {plz_ort}.\n{full}"),
    T("t66", "Ich ziehe zum {date} um und möchte meinen Gasvertrag mitnehmen. Alte Adresse: {street}, {plz_ort}. Neue Adresse: {street}, {plz_ort}. Kundennr. {customer}\nViele Grüße\n{full}"),
    T("t67", "Guten Tag, der Abschlag wurde von {price} auf {price} erhöht, das kann nicht stimmen. Bitte melden Sie sich bei mir: {full}, {landline} (ab 17 Uhr). Kundennummer {customer}"),
    T("t68", "Mein Internet ist seit drei Tagen weg, der Router zeigt keine Verbindung. Anschluss läuft auf {full}, {street}, {plz_ort}, Rufnummer {landline}. Kundennummer {customer}."),
    T("t69", "hallo ich will meine rufnummer {mobile} zu euch mitnehmen, vertrag läuft noch bis {date} beim anderen anbieter. name {full_lc}, geb {dob_short}"),
    T("t70", "Ich habe eine SMS bekommen, dass meine SIM-Karte getauscht wurde, das war ich nicht! Nummer {mobile}. Bitte rufen Sie mich auf dem Festnetz an: {landline}. {anrede} {last}"),
    T("t71", "Hallo, meine Verbindung bricht ständig ab. Öffentliche IP laut Router: {ip}, IPv6 {ipv6}. Vertragsnummer {customer}. Der Techniker soll sich bitte unter {phone} melden."),
    T("t72", "Guten Tag, ich bewerbe mich auf die Stelle als Lagerist. Mein Profil: {url_profile}. Sie erreichen mich unter {mobile}.\nViele Grüße {full}"),
    # landlord
    T("t73", "Sehr geehrte Hausverwaltung,\nin meiner Wohnung ({street}, 2. OG links) tropft seit {date} Wasser von der Decke. Die Nachbarin über mir, {f2.anrede} {f2.last}, ist nicht zu erreichen. Bitte schicken Sie schnell einen Handwerker.\n{sig}"),
    T("t74", "Hallo, hiermit kündige ich meinen Mietvertrag für die Wohnung {street}, {plz_ort} fristgerecht zum {date}. Die Kaution bitte auf {iban} überweisen.\n{full}"),
    T("t75", "Guten Tag, ich bin die neue Mieterin in der {street} und brauche noch einen zweiten Briefkastenschlüssel. Auf das Schild sollen {f1.full} und {p2.full}. Danke! {phone}"),
    # car workshop, appointments
    T("t76", "Guten Tag, ich möchte meinen Wagen zur Inspektion bringen, Golf 7, Baujahr 2017. Wäre ein Termin am {date} möglich? {full}, {mobile}"),
    T("t77", "Hallo, die Rechnung für die Reparatur (Auftrag {order}) ist um {price} höher als der Kostenvoranschlag. Bitte rufen Sie mich an: {phone}. {anrede} {last}"),
    T("t78", "Mein Auto steht seit Freitag bei Ihnen in der Werkstatt. Wann ist es fertig? Abholen würde mein Mann {m2.full}. Auftragsnummer {order}. LG {f1.first}"),
    T("t79", "Hi, ich hätte gern einen Termin zum Haareschneiden am Samstagvormittag, gern bei {p2.first}. Name: {full}, Handy {mobile}"),
    T("t80", "Sehr geehrte Frau {f2.last}, vielen Dank für das nette Gespräch. Wie vereinbart schicke ich Ihnen meine Kontaktdaten: {full}, {email}, {phone}. Ich freue mich auf den Termin."),
    T("t81", "Anfrage Umzug: von {street}, {plz_ort} nach {street}, {plz_ort}, 3-Zimmer-Wohnung, am {date}. Bitte Angebot an {email}. Telefonisch bin ich unter {landline} zu erreichen.\n{sig}"),
    # special categories beyond health
    T("t82", "Hallo Herr {m2.last}, wegen des Ramadan kann ich die Wohnungsübergabe nur nach Sonnenuntergang machen, also ab ca. 20 Uhr. Geht der {date}?\nViele Grüße {full}", ("religion",)),
    T("t83", "Hallo, ich bin Muslimin und würde bei der Untersuchung gern von einer Ärztin behandelt werden. Ist das möglich? Der Termin ist am {date}. {f1.full}, {phone}", ("religion",)),
    T("t84", "Guten Tag, für unsere Hochzeitsfeier brauchen wir ein Menü ohne Schweinefleisch, da wir jüdisch sind und koscher essen. Reservierung auf {full}, {email}.", ("religion",)),
    T("t85", "Ich bin letztes Jahr aus der katholischen Kirche ausgetreten, auf der Lohnabrechnung wird aber noch Kirchensteuer abgezogen. Steuer-ID {steuer_id}. Gruß {full}", ("religion",)),
    T("t86", "Hallo, ich bin Zeuge Jehovas und lehne Bluttransfusionen ab. Bitte vermerken Sie das in meiner Akte für die OP am {date}. {m1.full}, geb. {dob}", ("religion", "health")),
    T("t87", "Guten Tag, ich bin Sinto und wurde in Ihrer Filiale von einem Mitarbeiter beleidigt. Ich möchte mich offiziell beschweren. {m1.full}, {email}", ("ethnic_origin",)),
    T("t88", "Hallo, als Kurdin aus Syrien habe ich meinen Aufenthaltstitel erst seit {date}. Kann ich trotzdem ein Konto eröffnen? {f1.full}, {mobile}", ("ethnic_origin",)),
    T("t89", "Mein Vermieter hat gesagt, er vermietet nicht an Schwarze, und will mich deshalb nicht in die Wohnung lassen. Kann ich dagegen etwas tun? Ich wohne noch in der {street}, {plz_ort}. {full}", ("ethnic_origin",)),
    T("t90", "Hallo, ich bin aktives Mitglied bei den Grünen und möchte für unseren Infostand am {date} 200 Flyer drucken lassen. Rechnung an {full}, {street}, {plz_ort}.", ("political_opinion",)),
    T("t91", "Guten Tag, ich bin seit 30 Jahren in der SPD und Ihre Werbung hat mich als Sozialdemokrat ehrlich gesagt verärgert. Bitte löschen Sie {email} aus dem Verteiler. {m1.full}", ("political_opinion",)),
    T("t92", "Hallo, mein Mann und ich (wir sind beide schwul) suchen ein Doppelzimmer ab dem {date}. Buchung bitte auf {m1.full}, Tel {phone}.", ("sexual_orientation",)),
    T("t93", "Hi, ich bin lesbisch und meine Partnerin {f2.first} soll als zweite Person in den Mietvertrag. Was brauchen Sie von uns? {f1.full}, {email}", ("sexual_orientation",)),
    T("t94", "Guten Tag, als bisexueller Mann möchte ich mich zur PrEP beraten lassen. Termin gern telefonisch unter {mobile}. {m1.first}", ("sexual_orientation", "health")),
    T("t95", "Hallo, ich bin Mitglied bei ver.di und möchte wissen, ob der Streik am {date} auch für uns im Lager gilt. {full}, erreichbar unter {mobile}", ("trade_union",)),
    T("t96", "Sehr geehrte Damen und Herren, als Betriebsrat und IG-Metall-Mitglied bitte ich um einen Termin wegen der neuen Schichtplanung. Rückruf an {anrede} {last}, {phone}.", ("trade_union",)),
    T("t97", "Hallo, ich möchte nicht, dass mein Fingerabdruck für die Zeiterfassung gespeichert bleibt. Bitte löschen Sie die Fingerabdruckdaten zu {full} und bestätigen Sie das an {email}.", ("biometric",)),
    T("t98", "Guten Tag, Ihre App hat bei der Kontoeröffnung einen Gesichtsscan von mir gemacht. Ich verlange Auskunft über die gespeicherten biometrischen Daten zu Konto {customer}. {full}", ("biometric",)),
    T("t99", "Hallo, bei mir wurde ein BRCA1-Gentest gemacht, das Ergebnis war positiv. Zahlt die Kasse jetzt die Vorsorge-MRT? {f1.full}, Versichertennr. {kvnr}", ("genetic", "health")),
    T("t100", "Guten Tag, ich habe bei Ihnen einen DNA-Test zur Abstammung gemacht und möchte, dass mein Genprofil gelöscht wird. Konto: {email}, Name {full}.", ("genetic",)),
    # near a category, but none
    T("t101", "Meine Krankenkasse sagt, die Beitragsrechnung für {date} ging an die alte Adresse. Neue Adresse: {street}, {plz_ort}. Versichertennummer {kvnr}. {full}", near=True),
    T("t102", "Hallo, ich wohne in der {street_sacral}, {plz_ort} und das Paket ({order}) ist beim falschen Nachbarn gelandet. Wer ersetzt mir das? {full}", near=True),
    T("t103", "Im Vertrag steht, dass jede Vertragspartei mit drei Monaten Frist kündigen kann. Ich kündige hiermit zum {date}. Vertragsnummer {customer}, {full}, {email}.", near=True),
    T("t104", "Wie lange hat die Apotheke in der Bahnhofstraße am Samstag offen? Ich muss dort ein Paket abholen. Benachrichtigung ging an {full}, Rückfragen gern an {phone}.", near=True),
    T("t105", "Guten Tag, ich arbeite als Krankenschwester im Schichtdienst und kann Pakete nur nachmittags annehmen. Bitte liefern Sie an {street}, {plz_ort}. {f1.full}", near=True),
    T("t106", "Hallo, wir sind die Kita der evangelischen Kirchengemeinde und möchten 30 Stühle bestellen. Ansprechpartnerin ist {f1.full}, {phone}, Rechnung an {street}, {plz_ort}.", near=True),
    T("t107", "Hallo, bei meinem neuen Handy (Bestellung {order}) funktioniert der Fingerabdrucksensor nicht. Ist ein Umtausch möglich? {full}, {mobile}", near=True),
    T("t108", "Ich habe mich für Ihren Gesundheits-Newsletter angemeldet, bekomme aber nichts. Adresse {email}. Gruß {full}", near=True),
    T("t109", "Die Partei, die bei uns im Haus ihr Büro hat, bekommt ständig meine Post. Mein Briefkasten ist deutlich mit {full} beschriftet, Adresse {street}. Bitte besser hinschauen!", near=True),
    T("t110", "Wir planen unsere Weihnachtsfeier am {date} mit 25 Personen im Nebenraum. Ansprechpartner ist {m1.full}, {email}, bei Fragen auch {phone}.", near=True),
    T("t111", "Guten Tag,\nauf meiner Kreditkartenabrechnung ist eine Buchung über {price} an Ihren Shop, die ich nicht zuordnen kann. Karte: {card}. Ich habe bei Ihnen zuletzt im Sommer bestellt. Bitte prüfen Sie, ob es eine Bestellung auf meinen Namen ({full}) gibt, und schicken Sie mir die Details an {email}.\nDanke\n{first}"),
    T("t112", "kreditkarte {card} wurde abgelehnt obwohl genug drauf ist?? hab schon 3 mal probiert. bestellung {order}, bitte schnell melden"),
    T("t113", "Bitte buchen Sie die Anzahlung für die Ferienwohnung ({price}) von meiner Kreditkarte ab: {card}, Karteninhaber {full}. Die Prüfnummer gebe ich telefonisch durch unter {phone}."),
    T("t114", "Hallo, für die Flugbuchung {order} fehlen noch die Passdaten meines Mannes: {m2.full}, Reisepass-Nr. {pass}, geb. {m2.dob}. Meine eigenen Daten ({f1.full}, Pass {pass}) haben Sie ja schon."),
    T("t115", "Guten Tag, ich bin {full} und habe heute meinen neuen Reisepass abgeholt. Die Nummer ist {pass}. Bitte aktualisieren Sie das in meinem Vielfliegerkonto {customer}."),
    T("t116", "Sehr geehrte Damen und Herren,\n\nzur Identitätsprüfung für die Kontoeröffnung sende ich Ihnen wie gewünscht meine Daten:\nName: {full}\nGeburtsdatum: {dob}\nAnschrift: {street}, {plz_ort}\nAusweisnummer: {perso}\nReisepassnummer: {pass}\nSteuer-ID: {steuer_id}\n\nBitte bestätigen Sie mir den Eingang.\n{sig}"),
    T("t117", "Bei der Video-Identifikation hieß es, meine Ausweisnummer {perso} sei ungültig. Der Ausweis ist aber noch bis 2031 gültig. Was kann ich tun? {anrede} {last}, {mobile}"),
    T("t118", "Hallo, unter {url_profile} ist immer noch mein altes Profil mit Foto zu sehen, obwohl ich das Konto gekündigt habe. Bitte löschen! {full}"),
    T("t119", "Ich bekomme ständig Mails mit diesem Abmeldelink: {url_mail} – wenn ich draufklicke, passiert nichts. Bitte nehmen Sie mich endlich raus. {first}"),
    T("t120", "Guten Tag,\nseit gestern kann ich mich nicht mehr einloggen. Fehlermeldung: 'Zu viele Versuche von {ip}'. Das war ich aber nicht, ich sitze hinter {ip}. Mein Profil-Link ist {url_profile}, vielleicht hilft das beim Finden des Kontos.\nViele Grüße\n{full}"),
    T("t121", "Hallo Frau {f2.last},\n\nanbei wie besprochen die Angaben für die Anmeldung des Minijobs: {full}, geboren am {dob}, Rentenversicherungsnummer {rvnr}, Krankenkasse AOK, Versichertennummer {kvnr}, Bankverbindung {iban}. Arbeitsbeginn wäre der {date}.\n\nBeste Grüße"),
    T("t122", "hey also ich hab folgendes problem: hab bei euch am {date} nen fernseher bestellt ({order}) und der kam mit nem riss im display an. hab dann beim kundenservice angerufen und die meinten ich soll fotos schicken, hab ich gemacht aber seitdem nix gehört. bitte meldet euch mal, {mobile} oder {email}. {full_lc}"),
    T("t123", "Sehr geehrter Herr {m2.last},\n\nleider funktioniert die Heizung in unserer Wohnung in der {street} seit dem Wochenende nicht mehr. Wir haben zwei kleine Kinder und nachts sind es nur noch 14 Grad. Ich habe schon zweimal beim Notdienst angerufen, aber niemand ist gekommen. Bitte kümmern Sie sich dringend darum.\n\nMit freundlichen Grüßen\n{full}\n{phone}"),
    T("t124", "Guten Tag,\nich hatte am {date} einen Auffahrunfall, der Unfallgegner ist {m2.full}, wohnhaft {street}, {plz_ort}, Telefon {phone}. Er hat die Schuld vor Ort zugegeben. Meine Versicherungsnummer ist {customer}. Wie geht es jetzt weiter? Bitte melden Sie sich unter {mobile}.\n{p1.full}"),
    T("t125", "Guten Tag Frau Dr. {f2.last},\nich war letzte Woche wegen meiner Migräne bei Ihnen. Das neue Medikament hilft leider nicht, ich habe fast jeden Tag Anfälle und kann nicht arbeiten. Könnten Sie mir ein anderes verschreiben oder mich zum Neurologen überweisen? Ich bin unter {mobile} erreichbar.\nViele Grüße\n{full}, geb. {dob}", ("health",)),
    T("t126", "meine mail {email} stimmt nicht mehr, die neue ist {email}. bitte ändern, kundennr {customer}. danke {first}"),
    T("t127", "Der Hotspot im Café gibt mir die IP {ip} und dann lädt Ihre Seite nicht. Zuhause mit {ip} geht alles. Liegt das an Ihnen oder am Café?"),
    T("t128", "Steuer-ID für die Rechnung: {steuer_id}. Die Rechnung bitte auf {full}, {street}, {plz_ort} ausstellen, nicht auf die Firma."),
]

NEGATIVE_DE = [
    T("n01", "[Hallo|Guten Tag|Hi], meine Bestellung {order} sollte am {date} kommen, ist aber noch nicht da. Können Sie bitte nachsehen, wo sie steckt?", negative=True),
    T("n02", "Gibt es eine Filiale in {town}? Ich würde [die Ware|den Artikel {product}|die Bestellung] gern direkt abholen statt sie liefern zu lassen.", negative=True),
    T("n03", "Ist die Filiale in der {street_only} am {weekday} noch offen? Ich möchte etwas umtauschen und komme erst [nach der Arbeit|gegen {time}].", negative=True),
    T("n04", "Liefern Sie auch nach {plz}? Auf der Website steht, dass manche Postleitzahlen ausgeschlossen sind, und ich finde [keine Liste|nichts dazu|keine Übersicht].", negative=True),
    T("n05", "Was kostet das Modell {product} in [Schwarz|Weiß|Grau]? Online steht {price}, im Laden waren es {price}. Gilt der Online-Preis auch im Geschäft?", negative=True),
    T("n06", "Hallo, ist die {brand} Jacke in Größe [S|M|L|XL] wieder lieferbar? Ich bräuchte sie bis spätestens {date}, sonst lohnt es sich nicht.", negative=True),
    T("n07", "Die Frau an der Kasse war [heute|gestern|am {weekday}] sehr nett und hat mir beim Umtausch geholfen, das wollte ich nur mal loswerden. Danke an das Team in {town}!", negative=True),
    T("n08", "Wie lange dauert der Versand nach [Österreich|in die Schweiz|nach Norwegen|nach Großbritannien]? Und fallen Zollgebühren an, wenn der Warenwert über {price} liegt?", negative=True),
    T("n09", "Ich habe {qty} Stück bestellt, aber im Paket waren weniger. Bestellnummer {order}. Wird der Rest nachgeliefert?", negative=True),
    T("n10", "Die App stürzt seit dem Update auf Version {version} immer ab, wenn ich den Warenkorb öffne. [Android 14 auf einem Pixel 7|iOS 17 auf dem iPhone 13|Android 13, Samsung A52].", negative=True),
    T("n11", "Sendungsnummer {tracking} zeigt seit {date} keinen neuen Status mehr. Hängt das Paket im Verteilzentrum fest?", negative=True),
    T("n12", "[Gilt|Gilt eigentlich|Hallo, gilt] der Rabatt von {percent} auch auf [reduzierte Artikel|Sale-Ware|Artikel von {brand}]? Im Warenkorb wird er bei mir nicht abgezogen.", negative=True),
    T("n13", "Kann ich am {date} um {time} einen Termin zum Reifenwechsel bekommen? Es geht um vier Winterreifen auf [Alufelgen|Stahlfelgen].", negative=True),
    T("n14", "Hat die Apotheke am [Bahnhof|Markt|Rathausplatz] am {date} Notdienst? Ich finde die Liste auf Ihrer Seite nicht mehr.", negative=True, near=True),
    T("n15", "[Meine|Die] Krankenkasse übernimmt angeblich [einen Teil der Kosten|{percent} der Kosten|die Kosten] für Ihren [Erste-Hilfe-Kurs|Rückenkurs|Yogakurs]. Wie läuft die Anmeldung und was kostet er?", negative=True, near=True),
    T("n16", "Im [Vertrag|Kleingedruckten|Rahmenvertrag] steht immer 'Vertragspartei' – wer ist damit bei Ihnen gemeint, die GmbH oder die Holding? Ich will vor dem {date} unterschreiben.", negative=True, near=True),
    T("n17", "Hat [das Samsung Galaxy A55|das iPhone 15|die Apple Watch SE|das Google Pixel 9|das Lenovo ThinkPad] einen Fingerabdrucksensor oder nur Gesichtserkennung? Ich finde es [nicht im Datenblatt|nirgends auf der Produktseite].", negative=True, near=True),
    T("n18", "Haben Sie an Feiertagen wie [Ostern und Pfingsten|Fronleichnam|Christi Himmelfahrt] geöffnet? Und wie ist es am Reformationstag in {town}?", negative=True, near=True),
    T("n19", "Ist die [Kirchstraße|Klosterstraße|Domgasse] wegen der Baustelle gesperrt? Der Lieferwagen kam am {date} nicht durch und ist wieder gefahren.", negative=True, near=True),
    T("n20", "Wir sind ein [Sportverein|Kleingartenverein|Chor] und wollen Plakate für das Sommerfest drucken. Wie lange dauert das bei {qty} Stück im Format [A1|A2|A3]?", negative=True),
    T("n21", "Wird Ihr Lager bestreikt? Ich habe gelesen, dass [ver.di|die Gewerkschaft] zum Streik aufgerufen hat, und warte seit {date} auf meine Lieferung.", negative=True, near=True),
    T("n22", "Verkaufen Sie auch [Blutdruckmessgeräte|Fieberthermometer|Verbandskästen] für Arztpraxen? Wir bräuchten {qty} Stück, gern mit Rechnung auf die Praxis.", negative=True, near=True),
    T("n23", "Haben Sie auch türkische Produkte im Sortiment, zum Beispiel [Sucuk oder Ayran|Simit|Baklava]? In der Filiale in {town} finde ich nichts.", negative=True, near=True),
    T("n24", "Gibt es die Regenbogen-[Tasse|Flagge|Kerze] zum CSD wieder? Die war letztes Jahr nach {qty} Tagen ausverkauft.", negative=True, near=True),
    T("n25", "Wie lange hält die künstliche DNA zur Markierung von [Fahrrädern|Werkzeug|Wertsachen]? Das steht nicht auf der Packung, kostet immerhin {price}.", negative=True, near=True),
    T("n26", "Ist der [Hugo Boss Anzug|Tommy Hilfiger Mantel|Paul Hewitt Armreif] mit der Artikelnummer {article} auch in [Größe 52|Größe 48|Silber] verfügbar? Online ist er ausverkauft.", negative=True),
    T("n27", "Ich suche die {brand} Wanderschuhe aus dem Prospekt für {price}. Gibt es die noch in [43 oder 44|39|Größe 41]?", negative=True),
    T("n28", "Guten Morgen, der Termin am {date} um {time} passt mir leider doch nicht. Geht auch {weekday} am Nachmittag?", negative=True),
    T("n29", "Warum kostet der Versand bei mir {price}? Ab {price} Bestellwert sollte er doch kostenlos sein, so steht es im Banner.", negative=True),
    T("n30", "Die Lieferung kam mit {qty} Tagen Verspätung und der Karton war nass. Bestellung {order}. Gibt es dafür einen Gutschein?", negative=True),
    T("n31", "Meine Bestellung mit [Tchibo-Kaffee|Lavazza-Bohnen|Dallmayr Prodomo] kam ohne Rechnung. Bestell-Nr. {order}. Können Sie mir die Rechnung nachschicken?", negative=True),
    T("n32", "Hallo, funktioniert der Gutschein [über {price}|vom {date}|aus dem Newsletter] auch in der Filiale in der {street_only} oder nur im Onlineshop?", negative=True),
    T("n33", "Ich will den Tarif wechseln: aktuell [50|100|16] Mbit/s für {price}, der neue soll [250|500|1000] Mbit/s haben. Ab wann geht das und gibt es eine Wechselgebühr?", negative=True),
    T("n34", "Stimmt es, dass die Strompreise zum {date} um {percent} steigen? Der Grundpreis wäre dann {price} im Monat, das ist ziemlich viel.", negative=True),
    T("n35", "[Samsung Galaxy S24|Google Pixel 9|Xiaomi 14] oder iPhone 15 – welches hat die bessere Kamera? Und gibt es Ratenzahlung für {price}?", negative=True),
    T("n36", "Wie viele Tage Rückgaberecht habe ich bei Sale-Artikeln? Die [Hose|Bluse|Jacke] war reduziert auf {price} und passt leider nicht.", negative=True),
    T("n37", "Ihr Restaurant in {town} hatte am {date} geschlossen, obwohl online 'geöffnet' stand. Bitte aktualisieren Sie die Öffnungszeiten.", negative=True),
    T("n38", "Der Paketshop in der {street_only} in {town} nimmt keine Retouren mehr an. Wo kann ich das Paket sonst abgeben?", negative=True),
    T("n39", "[Schneller Service|Super Beratung|Top Service], freundliche Mitarbeiter und die Lieferung kam sogar [einen Tag|zwei Tage|{qty} Tage] früher als angekündigt. [Gerne wieder!|Danke!|5 Sterne von mir.]", negative=True),
    T("n40", "Wann kommt der Artikel {product} wieder rein? Ich habe eine Benachrichtigung aktiviert, aber seit {date} nichts gehört.", negative=True),
    T("n41", "Frage zur Lieferzeit: Bestellungen bis {time} werden noch am selben Tag verschickt? [Auch samstags?|Gilt das auch für Sperrgut?|Auch an Feiertagen?]", negative=True),
    T("n42", "Kann man bei Ihnen [mit PayPal|per Lastschrift|mit Apple Pay|per Vorkasse] oder nur per Rechnung zahlen? Die Kreditkartenzahlung ist bei mir [ausgegraut|nicht auswählbar] für Bestellungen über {price}.", negative=True),
    T("n43", "Die Bedienungsanleitung zum Artikel {product} fehlt im Karton. Gibt es die als [PDF zum Herunterladen|gedruckte Version|Video]?", negative=True),
    T("n44", "[Montag früh|Freitagnachmittag|Jeden Vormittag] ist die Hotline immer besetzt. Gibt es Zeiten, zu denen weniger los ist? Ich versuche es seit {date}.", negative=True),
]
# fmt: on


def check_digit_self_test() -> None:
    """The check-digit functions against the published examples they were written from."""
    assert luhn_check_digit("411111111111111") == "1"  # the well-known Visa test number
    assert tax_id_check_digit("8609574271") == "9"  # Steuer-ID 86095742719
    assert rvnr_check_digit("15070649C10") == "3"  # RV-Nummer 15 070649 C 103
    assert kvnr_check_digit("A12345678") == "0"  # KVNR A123456780
    assert icao_check_digit("T22000129") == "3"  # specimen ID card T220001293


def main() -> None:
    check_digit_self_test()
    values = Values(SEED)
    slots = german_slots()
    templates = POSITIVE_DE + NEGATIVE_DE
    records = generate(
        templates,
        lambda: Context(values, slots),
        "de",
        (FILLS_POSITIVE, FILLS_NEGATIVE),
        SEED,
    )
    write_jsonl(records, HERE / "de.jsonl")
    print(summary(records, templates))


if __name__ == "__main__":
    main()
