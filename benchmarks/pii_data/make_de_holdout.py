"""Write ``de_holdout.jsonl``: a German PII set written blind, kept out of tuning.

    python benchmarks/pii_data/make_de_holdout.py

Why a second German set: the detector has been tuned while looking at its misses
on ``de.jsonl``, so its figures there flatter it. These templates were written
without reading the detector, the old generator's templates or the old data,
and nobody should tune against them: once a miss here is fixed by looking at it,
this set is no longer held out.

Everything is synthetic (Faker ``de_DE`` plus hand-written name lists and
generated IDs with valid check digits). Spans are recorded while the text is
assembled, never searched for afterwards, and each one is asserted against the
text. The seed is fixed, so the output only changes with the Faker version.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from faker import Faker
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.de import idnr
from stdnum.iso7064 import mod_11_10

T = TypeVar("T")

SEED = 4_190_527
OUT = Path(__file__).resolve().parent / "de_holdout.jsonl"
POSITIVE_FILLS = 4
NEGATIVE_FILLS = 3

# --------------------------------------------------------------------------
# Text assembly


@dataclass(frozen=True)
class Val:
    """A labelled value inside a message; plain ``str`` parts are unlabelled."""

    label: str
    text: str

    def lower(self) -> Val:
        """People type names and streets in lower case in chats; the label stays."""
        return Val(self.label, self.text.lower())


Part = str | Val
Parts = list[Part]


def assemble(parts: Sequence[Part]) -> tuple[str, list[dict[str, object]]]:
    """Join the parts, recording each labelled value's offsets as it is placed."""
    text, spans = "", []
    for part in parts:
        if isinstance(part, Val):
            start = len(text)
            text += part.text
            spans.append({"start": start, "end": len(text), "label": part.label})
        else:
            text += part
    for span in spans:
        assert span["start"] < span["end"], span
    return text, spans


# --------------------------------------------------------------------------
# Names: Faker de_DE plus hand-written lists, so that a detector cannot lean on
# German name lists alone.

# origin -> (female first names, male first names, surnames)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "turkish": (
        ("Ayşe", "Zeynep", "Elif", "Gül", "Derya", "Melike", "Özlem", "Büşra", "Sibel", "Tuğba"),
        ("Emre", "Mehmet", "Burak", "Hakan", "Serkan", "Yusuf", "Cem", "Oğuz", "Kerem", "Volkan"),
        (
            "Yılmaz",
            "Öztürk",
            "Demir",
            "Kaya",
            "Çelik",
            "Aydın",
            "Arslan",
            "Doğan",
            "Kılıç",
            "Şahin",
            "Polat",
            "Erdem",
            "Güneş",
            "Korkmaz",
            "Yildiz",
            "Oezdemir",
            "Karatas",
        ),
    ),
    "arabic": (
        ("Fatima", "Layla", "Rania", "Nour", "Yasmin", "Amira", "Huda", "Samira", "Dalia"),
        ("Mohammed", "Ahmad", "Khaled", "Omar", "Samir", "Hamza", "Tarek", "Bilal", "Yousef"),
        (
            "Al-Masri",
            "Haddad",
            "Khalil",
            "Abdullah",
            "El-Sayed",
            "Nasser",
            "Hamdan",
            "Saleh",
            "Barakat",
            "Aziz",
            "Al-Khatib",
            "Abu Zaid",
            "Mansour",
        ),
    ),
    "persian": (
        ("Shirin", "Parisa", "Mahsa", "Nasrin", "Leyla", "Golnar", "Azadeh", "Roya"),
        ("Dariush", "Reza", "Kian", "Arash", "Farhad", "Behnam", "Omid", "Navid"),
        (
            "Rahimi",
            "Hosseini",
            "Karimi",
            "Moradi",
            "Tehrani",
            "Ahmadi",
            "Jafari",
            "Sadeghi",
            "Rostami",
            "Mohammadzadeh",
            "Ghorbani",
        ),
    ),
    "polish": (
        ("Katarzyna", "Agnieszka", "Małgorzata", "Joanna", "Magdalena", "Ewa", "Zofia", "Beata"),
        ("Tomasz", "Paweł", "Krzysztof", "Łukasz", "Wojciech", "Grzegorz", "Marek", "Jarosław"),
        (
            "Nowak",
            "Wójcik",
            "Kowalczyk",
            "Mazur",
            "Krawczyk",
            "Zając",
            "Dudek",
            "Pawlak",
            "Kowalski",
            "Wiśniewski",
            "Lewandowski",
            "Dąbrowski",
            "Szymański",
            "Grabowski",
        ),
    ),
    "east_slavic": (
        ("Olga", "Natalia", "Oksana", "Swetlana", "Tetjana", "Irina", "Jelena", "Halyna"),
        ("Dmitri", "Sergej", "Andrij", "Wladimir", "Jewgeni", "Mykola", "Alexej", "Bohdan"),
        (
            "Iwanow",
            "Petrenko",
            "Schewtschenko",
            "Kusnezow",
            "Bondarenko",
            "Smirnow",
            "Melnyk",
            "Kowaltschuk",
            "Wolkow",
            "Sacharow",
            "Tkatschenko",
            "Morozow",
        ),
    ),
    "vietnamese": (
        ("Thi Lan", "Thu Trang", "Thanh Huong", "Hoa", "Mai Anh", "Ngoc Linh", "Bich Ngoc"),
        ("Minh", "Duc Anh", "Quang", "Tuan", "Van Long", "Hoang Nam", "Thanh Son"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo"),
    ),
    "balkan": (
        ("Jelena", "Ivana", "Snežana", "Amra", "Mirela", "Vesna", "Lejla", "Dragana", "Emina"),
        ("Dragan", "Milan", "Goran", "Emir", "Nikola", "Armin", "Zoran", "Edin", "Dejan"),
        (
            "Petrović",
            "Jovanović",
            "Hodžić",
            "Kovačević",
            "Babić",
            "Marković",
            "Begić",
            "Nikolić",
            "Mehmedović",
            "Popović",
            "Petrovic",
            "Hadzic",
            "Krasniqi",
            "Berisha",
        ),
    ),
    "west_african": (
        ("Abena", "Ngozi", "Adaeze", "Fatoumata", "Aminata", "Akosua", "Chiamaka", "Awa"),
        ("Kwame", "Chinedu", "Oluwaseun", "Mamadou", "Kofi", "Emeka", "Yaw", "Ousmane"),
        (
            "Mensah",
            "Okafor",
            "Adeyemi",
            "Diallo",
            "Traoré",
            "Boateng",
            "Owusu",
            "Nwosu",
            "Camara",
            "Asante",
            "Ouédraogo",
            "Okonkwo",
            "Sow",
            "Agyeman",
        ),
    ),
    "german_compound": (
        ("Henrike", "Frauke", "Wiebke", "Anneliese", "Mareike", "Svenja", "Gesa"),
        ("Hinrich", "Detlef", "Jobst", "Wolf-Dieter", "Hauke", "Karl-Heinz", "Fiete"),
        (
            "von Bredow",
            "Schulze-Everding",
            "ter Horst",
            "vom Brocke",
            "zu Dohna",
            "de Boer",
            "Müller-Lüdenscheid",
            "Ahrens-Wiese",
            "van Kerkhoff",
            "Graf-Stüben",
        ),
    ),
}
ORIGIN_WEIGHTS = {"faker": 3, **dict.fromkeys(NAMES, 1)}

# Surnames that change with gender in Polish and transliterated Russian.
FEMININE_ENDINGS = (("ski", "ska"), ("ow", "owa"))

ASCII_FOLD = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "ı": "i", "İ": "I", "đ": "d", "Đ": "D", "ø": "o"}
)


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def title(self) -> str:
        return "Frau" if self.female else "Herr"


def ascii_name(text: str) -> str:
    """E-mail local parts are ASCII even when the name is not."""
    folded = unicodedata.normalize("NFKD", text.translate(ASCII_FOLD))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in "-")).lower()


# --------------------------------------------------------------------------
# Values with check digits


ICAO_CHARS = "CFGHJKLMNPRTVWXYZ0123456789"
ID_CARD_FIRST = "LMNPRTVWXY"
PASSPORT_FIRST = "CFGHJK"


def icao_check(value: str) -> str:
    """ICAO 9303 check digit: weights 7-3-1, letters count as A=10 … Z=35."""
    total = 0
    for index, char in enumerate(value):
        number = int(char) if char.isdigit() else ord(char) - 55
        total += number * (7, 3, 1)[index % 3]
    return str(total % 10)


def digit_sum(number: int) -> int:
    return sum(int(d) for d in str(number))


def rvnr_check(first_eleven: str) -> str:
    """VKVV check digit: the surname letter becomes two digits, weights 2121…"""
    digits = first_eleven[:8] + f"{ord(first_eleven[8]) - 64:02d}" + first_eleven[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    return str(sum(digit_sum(int(d) * w) for d, w in zip(digits, weights, strict=True)) % 10)


def kvnr_check(letter: str, eight: str) -> str:
    """Krankenversichertennummer: letter as two digits, then weights 1-2 alternating."""
    digits = f"{ord(letter) - 64:02d}" + eight
    return str(sum(digit_sum(int(d) * (1 + i % 2)) for i, d in enumerate(digits)) % 10)


assert rvnr_check("65170839J00") == "3"  # the README's example "65 170839 J 003"
assert rvnr_check("15070649C10") == "3"
assert kvnr_check("A", "12345678") == "0"

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip

MOBILE_PREFIXES = (
    "151", "152", "155", "157", "159", "160", "162", "163", "170", "171", "172", "173",
    "174", "175", "176", "177", "178", "179", "1512", "1520", "1577", "1590",
)  # fmt: skip
AREA_CODES = (
    "30", "40", "89", "69", "221", "711", "211", "341", "351", "511", "621", "911", "228",
    "421", "2131", "6221", "7621", "3581", "4321", "8031", "9131", "5251", "33203", "38204",
)  # fmt: skip

# Streets with no type word, which a "…straße/…weg" pattern cannot see.
TYPELESS_STREETS = (
    "Zeil", "Unter den Linden", "Jungfernstieg", "Hohe Straße", "Neuer Wall", "Große Bleichen",
    "Gänsemarkt", "Altmarkt", "Lange Reihe", "Kleine Freiheit", "Am Sandtorkai", "Sandberg",
    "Auf der Höhe", "In den Gärten", "Hinter der Mauer", "Rosenhag", "Burgfeld", "Mühlenkamp",
    "Fischmarkt", "Spittelmarkt", "An der Alster", "Im Winkel", "Königsallee", "Breite Gasse",
    "Kurfürstendamm", "Ostertorsteinweg", "Hollerstauden", "Am Pulverturm", "Obere Au",
)  # fmt: skip
ABBREVIATED_TYPES = ("str.", "Str.", "-Str.", " Str.", "pl.", "weg")
TOWNS_WITH_SUFFIX = (
    "Frankfurt (Oder)", "Mülheim an der Ruhr", "Freiburg im Breisgau", "Weil am Rhein",
    "Neustadt an der Weinstraße", "Rothenburg ob der Tauber", "Halle (Westf.)",
    "Brandenburg an der Havel", "St. Ingbert", "Garmisch-Partenkirchen",
    "Villingen-Schwenningen", "Sankt Augustin", "Lutherstadt Wittenberg", "Bad Homburg v. d. Höhe",
)  # fmt: skip
PLAIN_TOWNS = (
    "Kiel", "Gelsenkirchen", "Erfurt", "Passau", "Bad Tölz", "Cottbus", "Lüneburg", "Gießen",
    "Ulm", "Rostock", "Paderborn", "Konstanz", "Wuppertal", "Bamberg", "Zwickau", "Oldenburg",
)  # fmt: skip
EMAIL_DOMAINS = (
    "gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com", "outlook.de", "freenet.de",
    "mailbox.org", "icloud.com", "yahoo.de", "gmx.net", "aol.com",
)  # fmt: skip
BRANDS_LIKE_NAMES = (
    "Tom Tailor", "Marc O'Polo", "Tommy Hilfiger", "Betty Barclay", "Camel Active",
    "Gerry Weber", "Bruno Banani", "Lloyd", "Walter Kerkhoff",
)  # fmt: skip


class Gen:
    """Draws values; every drawn value is a ``Val`` ready to be placed in a message."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("de_DE")
        self.fake.seed_instance(seed)

    # -- small helpers -----------------------------------------------------

    def pick(self, *options: T) -> T:
        return self.rng.choice(options)

    def digits(self, count: int, first_nonzero: bool = True) -> str:
        head = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return head + "".join(str(self.rng.randint(0, 9)) for _ in range(count - 1))

    def day(self, start: date = date(2025, 1, 1), days: int = 500) -> date:
        return start + timedelta(days=self.rng.randrange(days))

    def when(self) -> str:
        """A date that is not a birth date: deliveries, appointments, moves."""
        d = self.day()
        return self.pick(
            f"{d:%d.%m.%Y}",
            f"{d.day}.{d.month}.",
            f"{d:%d.%m.}",
            f"{d.day}. {MONTHS[d.month - 1]}",
            f"{d.day}.{d.month}.{d:%y}",
        )

    def when_stop(self) -> str:
        """A non-birth date closing a sentence: "am 2.4." takes no second full stop."""
        text = self.when()
        return text if text.endswith(".") else text + "."

    def price(self) -> str:
        euros = self.rng.randint(3, 480)
        return self.pick(f"{euros},{self.rng.choice(['00', '99', '49', '90'])} €", f"{euros} Euro",
                         f"{euros}€", f"EUR {euros},-")  # fmt: skip

    def town(self) -> str:
        return self.pick(*PLAIN_TOWNS)

    # -- people --------------------------------------------------------------

    def person(self, female: bool | None = None, origin: str | None = None) -> Person:
        if female is None:
            female = self.rng.random() < 0.5
        if origin is None:
            origin = self.rng.choices(list(ORIGIN_WEIGHTS), list(ORIGIN_WEIGHTS.values()))[0]
        if origin == "faker":
            first = self.fake.first_name_female() if female else self.fake.first_name_male()
            return Person(first, self.fake.last_name(), female)
        females, males, lasts = NAMES[origin]
        last = self.rng.choice(lasts)
        if female:
            for male_end, female_end in FEMININE_ENDINGS:
                if origin in ("polish", "east_slavic") and last.endswith(male_end):
                    last = last[: -len(male_end)] + female_end
        return Person(self.rng.choice(females if female else males), last, female)

    def relative(self, of: Person, female: bool | None = None) -> Person:
        """A family member: same surname, first name from the same kind of list."""
        other = self.person(female=female)
        return Person(other.first, of.last, other.female)

    # -- contact ---------------------------------------------------------------

    def email(self, person: Person | None = None) -> Val:
        person = person or self.person()
        first, last = ascii_name(person.first).replace("-", ""), ascii_name(person.last)
        last = last.replace("-", "")
        year = str(self.rng.randint(60, 99) if self.rng.random() < 0.5 else self.rng.randint(1, 30))
        local = self.pick(
            f"{first}.{last}",
            f"{first[0]}.{last}",
            f"{last}.{first}",
            f"{first}{last}{year}",
            f"{first}_{last}",
            f"{first}.{last[0]}",
            f"{last}{year}",
            f"{first}-{last}",
        )
        return Val("EMAIL_ADDRESS", f"{local}@{self.pick(*EMAIL_DOMAINS)}")

    def phone(self) -> Val:
        if self.rng.random() < 0.55:
            area = self.pick(*MOBILE_PREFIXES)
            number = self.digits(7 if len(area) == 4 else self.rng.choice([7, 8]))
        else:
            area = self.pick(*AREA_CODES)
            number = self.digits(max(4, 9 - len(area) + self.rng.choice([-1, 0])))
        pairs = " ".join(number[i : i + 2] for i in range(0, len(number), 2))
        text = self.pick(
            f"0{area} {number}",
            f"0{area}/{number}",
            f"0{area}-{number}",
            f"(0{area}) {number}",
            f"+49 {area} {number}",
            f"+49 (0){area} {number}",
            f"+49 (0) {area} {number}",
            f"+49{area}{number}",
            f"0049 {area} {number}",
            f"0{area} {pairs}",
            f"+49-{area}-{number}",
            f"0{area}{number}",
            f"0{area} / {number}",
            f"0{area} {number[:-2]}-{number[-2:]}",
            f"+49 {area} {number[:3]} {number[3:]}",
            f"0{area}.{number}",
            f"+49 (0){area}/{number}",
        )
        return Val("PHONE_NUMBER", text)

    # -- addresses -----------------------------------------------------------

    def street(self) -> Val:
        roll = self.rng.random()
        if roll < 0.5:
            name = self.fake.street_name()
        elif roll < 0.8:
            name = self.pick(*TYPELESS_STREETS)
        else:
            name = self.fake.last_name() + self.pick(*ABBREVIATED_TYPES)
            if name.endswith(("-Str.", " Str.")) and "-" in name[:-5]:
                name = name.replace("-Str.", "str.")
        n = self.rng.randint(1, 148)
        number = self.pick(str(n), str(n), f"{n}a", f"{n} b", f"{n}-{n + 2}", f"{n}/1", f"{n}c")
        return Val("ADDRESS", f"{name} {number}")

    def city(self) -> Val:
        town = self.fake.city() if self.rng.random() < 0.6 else self.pick(*TOWNS_WITH_SUFFIX)
        code = self.fake.postcode()
        return Val("ADDRESS", self.pick(f"{code} {town}", f"{code} {town}", f"D-{code} {town}"))

    # -- birth dates -----------------------------------------------------------

    def birthday(self, child: bool = False, young: bool = False) -> date:
        start = date(2008, 1, 1) if child else date(1977 if young else 1938, 1, 1)
        return start + timedelta(days=self.rng.randrange(365 * (14 if child or young else 66)))

    def dob(self, child: bool = False, young: bool = False, born: date | None = None) -> Val:
        """A birth date in one of the ways people type it; ``born`` ties it to an RV number."""
        d = born or self.birthday(child, young)
        text = self.pick(
            f"{d:%d.%m.%Y}",
            f"{d.day}.{d.month}.{d.year}",
            f"{d:%d.%m.%y}",
            f"{d.day}. {MONTHS[d.month - 1]} {d.year}",
            f"{d:%Y-%m-%d}",
            f"{d:%d/%m/%Y}",
            f"{d:%d.%m.%Y}",
            f"{d.day:02d}. {MONTHS[d.month - 1][:3]}{'.' * (len(MONTHS[d.month - 1]) > 3)} {d.year}",
        )
        return Val("DATE_OF_BIRTH", text)

    # -- money -----------------------------------------------------------------

    def iban(self) -> Val:
        roll = self.rng.random()
        if roll < 0.75:
            country, bban = "DE", self.digits(8) + self.digits(10, first_nonzero=False)
        elif roll < 0.85:
            country, bban = "AT", self.digits(5) + self.digits(11, first_nonzero=False)
        elif roll < 0.95:
            bank = self.pick("INGB", "ABNA", "RABO", "TRIO", "SNSB")
            country, bban = "NL", bank + self.digits(10, first_nonzero=False)
        else:
            country, bban = "PL", self.digits(24)
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        assert stdnum_iban.is_valid(number), number
        grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
        return Val("IBAN_CODE", grouped if self.rng.random() < 0.65 else number)

    def card(self) -> Val:
        kind = self.pick("visa", "visa", "mc", "mc2", "amex")
        if kind == "amex":
            body = self.pick("34", "37") + self.digits(12, first_nonzero=False)
        elif kind == "visa":
            body = "4" + self.digits(14, first_nonzero=False)
        elif kind == "mc":
            body = f"5{self.rng.randint(1, 5)}" + self.digits(13, first_nonzero=False)
        else:
            body = str(self.rng.randint(2221, 2720)) + self.digits(11, first_nonzero=False)
        number = body + luhn.calc_check_digit(body)
        assert luhn.is_valid(number)
        if kind == "amex":
            groups = [number[:4], number[4:10], number[10:]]
        else:
            groups = [number[i : i + 4] for i in range(0, 16, 4)]
        return Val("CREDIT_CARD", self.pick(" ".join(groups), "-".join(groups), number))

    # -- network -----------------------------------------------------------------

    def ipv4(self) -> Val:
        first = self.pick(31, 37, 46, 62, 78, 80, 84, 87, 91, 93, 109, 178, 188, 212, 217)
        rest = ".".join(str(self.rng.randint(0, 255)) for _ in range(3))
        return Val("IP_ADDRESS", f"{first}.{rest}")

    def ipv6(self) -> Val:
        groups = [f"{self.rng.randint(0, 0xFFFF):x}" for _ in range(4)]
        head = self.pick("2a02:8108", "2003:e5", "2001:16b8", "2a01:c22")
        return Val("IP_ADDRESS", f"{head}:{':'.join(groups)}::{self.rng.randint(1, 0xFFF):x}")

    def profile_url(self, person: Person) -> Val:
        slug = f"{ascii_name(person.first)}-{ascii_name(person.last)}".replace(" ", "-")
        suffix = f"{self.rng.randint(0x100000, 0xFFFFFF):x}"
        text = self.pick(
            f"https://www.linkedin.com/in/{slug}-{suffix}",
            f"https://www.xing.com/profile/{slug.replace('-', '_').title()}{self.rng.randint(2, 9)}",
            f"linkedin.com/in/{slug}",
            f"https://github.com/{slug.replace('-', '')}",
            f"https://www.instagram.com/{slug.replace('-', '.')}_/",
        )
        return Val("URL", text)

    def email_url(self, email: str) -> Val:
        encoded = email.replace("@", self.pick("%40", "@"))
        host = self.pick("newsletter.moebelwelt-shop.de", "mail.trendkauf24.de", "t.shopnews.de")
        return Val("URL", f"https://{host}/unsubscribe?email={encoded}&list=4")

    # -- German IDs ----------------------------------------------------------------

    def tax_id(self) -> Val:
        while True:
            body = self.digits(10)
            if len(set(body)) != 9:
                continue
            number = body + mod_11_10.calc_check_digit(body)
            if idnr.is_valid(number):
                break
        spaced = f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"
        return Val("DE_TAX_ID", self.pick(number, spaced))

    def rvnr(self, person: Person, born: date | None = None) -> Val:
        born = born or date(1950, 1, 1) + timedelta(days=self.rng.randrange(365 * 50))
        area = self.pick("12", "13", "15", "23", "24", "28", "38", "42", "50", "53", "65", "66")
        initial = ascii_name(person.last.split()[-1])[0].upper()
        serial = self.rng.randint(50, 99) if person.female else self.rng.randint(0, 49)
        first_eleven = f"{area}{born:%d%m%y}{initial}{serial:02d}"
        number = first_eleven + rvnr_check(first_eleven)
        spaced = f"{number[:2]} {number[2:8]} {number[8]} {number[9:]}"
        return Val("DE_SOCIAL_SECURITY", self.pick(number, spaced, spaced))

    def kvnr(self) -> Val:
        letter = self.pick(*"ABCDEFGHIKLMNOPRSTUVWZ")
        eight = self.digits(8, first_nonzero=False)
        return Val("DE_HEALTH_INSURANCE", letter + eight + kvnr_check(letter, eight))

    def _document(self, first_chars: str) -> str:
        body = self.pick(*first_chars) + "".join(self.pick(*ICAO_CHARS) for _ in range(8))
        return body + icao_check(body) if self.rng.random() < 0.35 else body

    def id_card(self) -> Val:
        return Val("DE_ID_CARD", self._document(ID_CARD_FIRST))

    def passport(self) -> Val:
        return Val("DE_PASSPORT", self._document(PASSPORT_FIRST))

    # -- shop and account numbers ------------------------------------------------

    def order(self) -> Val:
        text = self.pick(
            self.digits(8),
            f"A-{self.digits(6)}",
            f"WEB-{self.digits(5)}",
            f"{self.digits(3)}-{self.digits(7)}-{self.digits(7)}",
            f"BE{self.digits(9)}",
            f"{self.digits(4)}-{self.digits(4)}-{self.digits(2)}",
            f"DE{self.digits(7)}X",
        )
        return Val("ORDER_NUMBER", text)

    def booking_code(self) -> Val:
        """Airline and hotel booking references: letters and digits, no word prefix."""
        chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return Val("ORDER_NUMBER", "".join(self.pick(*chars) for _ in range(6)))

    def customer(self) -> Val:
        text = self.pick(
            self.digits(10),
            f"KD-{self.digits(7, first_nonzero=False)}",
            self.digits(6),
            f"{self.digits(3)} {self.digits(3)} {self.digits(3)}",
            f"M{self.digits(5)}",
            f"40{self.digits(10)}",
            f"KV-{self.digits(4)}-{self.digits(4)}-{self.digits(2)}",
            f"{self.digits(2)}.{self.digits(3)}.{self.digits(3)}",
        )
        return Val("CUSTOMER_NUMBER", text)


def per(text: str) -> Val:
    return Val("PERSON", text)


# --------------------------------------------------------------------------
# Templates


@dataclass(frozen=True)
class Template:
    id: str
    build: Callable[[Gen], Parts]
    negative: bool
    categories: tuple[str, ...]
    near: bool


TEMPLATES: list[Template] = []


def template(
    *categories: str, negative: bool = False, near: bool = False
) -> Callable[[Callable[[Gen], Parts]], Callable[[Gen], Parts]]:
    """Register a template; ids are assigned in order of definition (h01…, hn01…)."""

    def register(build: Callable[[Gen], Parts]) -> Callable[[Gen], Parts]:
        count = sum(t.negative == negative for t in TEMPLATES) + 1
        tid = f"hn{count:02d}" if negative else f"h{count:02d}"
        TEMPLATES.append(Template(tid, build, negative, categories, near))
        return build

    return register


# ---- energy supplier -------------------------------------------------------


@template()
def energy_move(g: Gen) -> Parts:
    p = g.person()
    return [
        f"Sehr geehrte Damen und Herren,\n\nzum {g.when()} ziehe ich um. Bitte übertragen Sie "
        "meinen Stromliefervertrag (Vertragskonto ", g.customer(), ") auf die neue Anschrift:\n\n",
        g.street(), "\n", g.city(),
        f"\n\nDer Zählerstand am Auszugstag wird etwa {g.rng.randint(10000, 60000)} kWh betragen. "
        "Die Abschläge buchen Sie bitte weiterhin von ", g.iban(),
        " ab.\n\nMit freundlichen Grüßen\n", per(p.full),
    ]  # fmt: skip


@template()
def energy_hasty(g: Gen) -> Parts:
    p = g.person()
    return [
        f"hallo warum ist mein abschlag von {g.price()} auf {g.price()} gestiegen?? kundennr ",
        g.customer(), " , bitte um rückruf unter ", g.phone(), " danke ",
        per(p.first).lower() if g.rng.random() < 0.7 else per(p.full).lower(),
    ]  # fmt: skip


@template()
def energy_neighbour(g: Gen) -> Parts:
    me, other = g.person(), g.person()
    return [
        "Guten Tag, ich wohne in der ", g.street(),
        ". Der Ableser hat gestern offenbar den Zähler von nebenan abgelesen, bei ",
        per(other.last), " (so steht es an der Klingel), nicht meinen. ",
        f"Mein Stand heute: {g.rng.randint(1000, 9999)},{g.rng.randint(0, 9)} kWh. ",
        "Gruß ", per(me.full), ", Vertrag ", g.customer(),
    ]  # fmt: skip


# ---- gym ---------------------------------------------------------------------


@template("health")
def gym_pause_voice(g: Gen) -> Parts:
    reason = g.pick(
        "ich nach der kreuzband op erstmal vier monate reha habe",
        "mein orthopäde mir wegen dem bandscheibenvorfall sportverbot gegeben hat",
        "ich im fünften monat schwanger bin und meine frauenärztin vom krafttraining abrät",
        "ich gerade mitten in der chemo bin",
        "ich wegen herzrhythmusstörungen erst zum kardiologen muss",
        "meine depression gerade so schlimm ist dass ich kaum aus dem haus komme",
    )
    p = g.person(female=True if "schwanger" in reason else None)
    return [
        f"hallo ich möchte meine mitgliedschaft ruhen lassen weil {reason} mein name ist ",
        per(p.full.lower() if g.rng.random() < 0.5 else p.full), " mitgliedsnummer ",
        g.customer(), " geboren am ", g.dob(young=True), " können sie mich zurückrufen ", g.phone(),
        " danke",
    ]  # fmt: skip


@template("biometric")
def gym_biometric(g: Gen) -> Parts:
    p = g.person()
    scan = g.pick(
        "meinen Handvenen-Scan",
        "mein Gesicht (Face-Check am Drehkreuz)",
        "meinen Daumenabdruck",
        "ein Foto meiner Iris",
    )
    return [
        f"Betreff: Löschung meiner Daten\n\nHallo Team,\nbeim Check-in speichert Ihr Terminal {scan}. "
        "Dem habe ich nie zugestimmt. Bitte löschen Sie diese Daten zu meiner Person und "
        "bestätigen Sie mir das schriftlich.\nMitgliedsnummer: ", g.customer(),
        "\n\nGruß\n", per(p.full), "\n", g.email(p),
    ]  # fmt: skip


@template("trade_union")
def gym_union_discount(g: Gen) -> Parts:
    p = g.person()
    union = g.pick("IG Metall", "NGG", "IG BAU", "Marburger Bund", "GdP", "IG BCE")
    return [
        f"Hi, auf eurer Website steht, dass es für Mitglieder der {union} 15 % Rabatt gibt. "
        "Ich bin da seit Jahren organisiert, den Mitgliedsausweis schicke ich gern als Foto. "
        "Könnt ihr das bei meinem Vertrag ", g.customer(), " nachtragen? ", per(p.full),
    ]  # fmt: skip


@template()
def gym_referral(g: Gen) -> Parts:
    me, friend = g.person(), g.person(female=False)
    return [
        "servus, hab meinen kumpel ", per(friend.full.lower()),
        f" geworben, der hat am {g.when()} unterschrieben. wo bleibt meine prämie? "
        "mitgl.-nr. ", g.customer(), " – ", per(me.first),
    ]  # fmt: skip


# ---- hairdresser ---------------------------------------------------------------


@template()
def hair_booking(g: Gen) -> Parts:
    mum = g.person(female=True)
    daughter = g.relative(mum, female=True)
    return [
        "Hi! Ich würde gern für Samstag Vormittag einen Termin für mich und meine Tochter ",
        per(daughter.first), " machen (Waschen, Schneiden, Föhnen). Ich bin ", per(mum.full),
        ", erreichbar unter ", g.phone(), ". Danke 😊",
    ]  # fmt: skip


@template("health")
def hair_wig(g: Gen) -> Parts:
    p = g.person(female=True)
    cause = g.pick(
        "Seit der Strahlentherapie fallen mir die Haare büschelweise aus",
        "Durch den kreisrunden Haarausfall habe ich inzwischen drei kahle Stellen",
        "Nach dem dritten Zyklus Docetaxel sind fast keine Haare mehr übrig",
    )
    return [
        f"Guten Tag,\n{cause}. Bieten Sie eine diskrete Beratung zu Zweithaar an? "
        "Die Verordnung meiner Onkologin, Dr. ", per(g.person(female=True).last),
        ", liegt vor.\n", per(p.full), "\nTel. ", g.phone(),
    ]  # fmt: skip


# ---- vet -----------------------------------------------------------------------


@template()
def vet_debit(g: Gen) -> Parts:
    p = g.person()
    return [
        "Guten Abend, bitte schicken Sie die Rechnung für die Impfung unserer Katze an ",
        per(p.full), ", ", g.street(), ", ", g.city(),
        ". Künftig gern per Lastschrift von ", g.iban(), ". Rückfragen: ", g.phone(),
    ]  # fmt: skip


@template(near=True)
def vet_dog_diabetes(g: Gen) -> Parts:
    p = g.person()
    return [
        "hallo, ", per(p.full), " hier. unser labrador hat ja diabetes und bekommt zweimal "
        "täglich insulin – könnt ihr das rezept für caninsulin nachbestellen? und die "
        "blutzuckerstreifen für hunde. tel ", g.phone(),
    ]  # fmt: skip


# ---- school --------------------------------------------------------------------


@template("health")
def school_sick_note(g: Gen) -> Parts:
    parent, teacher = g.person(), g.person(female=True)
    child = g.relative(parent, female=False)
    illness = g.pick(
        "Pfeiffersches Drüsenfieber festgestellt",
        "eine Lungenentzündung diagnostiziert",
        "nach dem Armbruch einen Gips angelegt, Sport geht bis Ostern nicht",
        "ihn wegen einer Mittelohrentzündung mit Antibiotika versorgt",
    )
    return [
        "Sehr geehrte Frau ", per(teacher.last), ",\n\nmein Sohn ", per(child.first),
        f" (Klasse {g.rng.randint(5, 10)}{g.pick('a', 'b', 'c')}) kann bis einschließlich "
        f"Freitag nicht am Unterricht teilnehmen; der Kinderarzt hat {illness}.\n\n"
        "Mit freundlichen Grüßen\n", per(parent.full), "\n", g.phone(),
    ]  # fmt: skip


@template("religion")
def school_holiday(g: Gen) -> Parts:
    parent, teacher = g.person(), g.person()
    child = g.relative(parent)
    holiday = g.pick(
        "Jom Kippur",
        "dem Zuckerfest am Ende des Ramadan",
        "Pessach",
        "Diwali",
        "dem Opferfest",
        "Rosch ha-Schana",
    )
    return [
        f"liebe{'' if teacher.female else 'r'} {teacher.title.lower()} ", per(teacher.last.lower()),
        ", ", per(child.first), f" fehlt am {g.when()} wegen {holiday}, das feiern wir mit der "
        "ganzen familie in der gemeinde. hausaufgaben holt sie/er nach. viele grüße ",
        per(parent.full),
    ]  # fmt: skip


@template()
def school_new_contact(g: Gen) -> Parts:
    parent = g.person(female=True)
    child = g.relative(parent)
    return [
        "Guten Tag, hier ist ", per(parent.full), ", die Mutter von ", per(child.full),
        ". Wir haben eine neue Handynummer: ", g.phone(), ", und bitte schreiben Sie "
        "mir künftig an ", g.email(parent), " statt an die alte Adresse.",
    ]  # fmt: skip


# ---- municipal office -----------------------------------------------------------


@template()
def city_family_pass(g: Gen) -> Parts:
    a = g.person(female=True)
    b = g.relative(a, female=False)
    c, d = g.relative(a), g.relative(a)
    return [
        "Antrag Familienpass Hallenbad – folgende Personen:\n- ", per(a.full), ", geb. ",
        g.dob(), "\n- ", per(b.full), ", geb. ", g.dob(), "\n- ", per(c.full), ", geb. ",
        g.dob(child=True), "\n- ", per(d.full), ", geb. ", g.dob(child=True),
        "\nAnschrift: ", g.street(), ", ", g.city(),
    ]  # fmt: skip


@template()
def city_id_stolen(g: Gen) -> Parts:
    p = g.person()
    return [
        "Sehr geehrte Damen und Herren,\n\nmein Personalausweis (Nr. ", g.id_card(),
        f") wurde mir am {g.when()} in der Straßenbahn gestohlen, Anzeige ist erstattet. "
        "Ich brauche einen vorläufigen Ausweis.\n\n", per(p.full), ", geboren am ", g.dob(),
        ", wohnhaft ", g.street(), ", ", g.city(),
    ]  # fmt: skip


@template("religion")
def city_church_exit(g: Gen) -> Parts:
    p = g.person()
    faith = g.pick("evangelisch", "römisch-katholisch", "altkatholisch")
    return [
        f"hallo, ich möchte einen termin für den kirchenaustritt. bin {faith} getauft und "
        "zahle seit dem ersten job kirchensteuer. reicht der ausweis oder brauche ich die "
        "taufurkunde? ", per(p.full), ", geb. ", g.dob(), ", steuer-id ", g.tax_id(),
    ]  # fmt: skip


@template()
def city_tax_id(g: Gen) -> Parts:
    p = g.person()
    return [
        "Guten Tag, ich bin neu zugezogen nach ", g.city(),
        " und habe den Brief mit meiner Steuer-Identifikationsnummer verlegt. "
        "Ist das die richtige: ", g.tax_id(), "? Mein Name: ", per(p.full),
        ", Geburtsdatum ", g.dob(), ".",
    ]  # fmt: skip


@template(near=True)
def city_election(g: Gen) -> Parts:
    p = g.person()
    return [
        "Meine Wahlbenachrichtigung für die Landtagswahl ist nicht angekommen. Ich bin ",
        per(p.full), ", ", g.street(), ", ", g.city(), ", geb. ", g.dob(),
        ". Kann ich trotzdem im Wahllokal wählen, nur mit Ausweis?",
    ]  # fmt: skip


@template()
def city_second_home(g: Gen) -> Parts:
    p = g.person()
    return [
        "Anmeldung Nebenwohnsitz\n\nName: ", per(p.last), "\nVorname: ", per(p.first),
        "\nGeburtsdatum: ", g.dob(), "\nAusweisnummer: ", g.id_card(),
        "\nHauptwohnsitz: ", g.street(), ", ", g.city(), "\nNebenwohnsitz: ", g.street(),
        ", ", g.city(),
    ]  # fmt: skip


# ---- online pharmacy --------------------------------------------------------------


@template("health")
def pharmacy_missing(g: Gen) -> Parts:
    p = g.person()
    medicine = g.pick(
        "Metformin 1000",
        "Sertralin 50 mg",
        "L-Thyroxin 75",
        "der Ozempic-Pen",
        "Salbutamol-Spray",
        "Tamoxifen 20 mg",
        "Lamotrigin 100",
        "Methotrexat 15 mg",
        "die PrEP (Emtricitabin/Tenofovir)",
    )
    return [
        "Bestellung ", g.order(), f": {medicine} fehlt im Paket, nur die Zahnpasta war drin. "
        "Das E-Rezept wurde mit meiner Versichertennummer ", g.kvnr(),
        " eingelöst. Lieferanschrift: ", per(p.full), ", ", g.street(), ", ", g.city(), ".",
    ]  # fmt: skip


@template("health")
def pharmacy_hasty(g: Gen) -> Parts:
    p = g.person()
    medicine = g.pick(
        "candesartan",
        "amlodipin",
        "ramipril",
        "bisoprolol",
        "pantoprazol",
        "venlafaxin",
        "quetiapin",
    )
    return [
        "hey hab vorgestern bestellt (bestellnr ", g.order(), f") aber das {medicine} kam "
        "nicht an… brauch das jeden morgen, packung ist leer. ",
        per(p.full.lower()), ", ", g.email(p),
    ]  # fmt: skip


@template()
def pharmacy_card(g: Gen) -> Parts:
    p = g.person()
    return [
        "PayPal hat beim Bezahlen abgebrochen. Können Sie die Bestellung ", g.order(),
        " (Sonnencreme LSF 50, Zahnseide) mit meiner Kreditkarte ", g.card(),
        " abrechnen? Karteninhaberin/-inhaber: ", per(p.full),
    ]  # fmt: skip


# ---- car rental ---------------------------------------------------------------------


@template()
def car_driver(g: Gen) -> Parts:
    p = g.person()
    return [
        f"Guten Tag, für die Anmietung ab {g.when()} in {g.town()}: Fahrer ist ", per(p.full),
        ", geb. ", g.dob(), ", Reisepassnummer ", g.passport(),
        ". Die Kaution bitte auf die Karte ", g.card(),
        f" (gültig bis {g.rng.randint(1, 12):02d}/{g.rng.randint(26, 30)}).",
    ]  # fmt: skip


@template()
def car_forwarded(g: Gen) -> Parts:
    p, extra = g.person(), g.person()
    mail = g.email(p)
    return [
        "---------- Weitergeleitete Nachricht ---------\nVon: ", per(p.full), " <", mail,
        f">\nDatum: {g.when()}\nBetreff: Reservierung ", g.order(),
        "\n\nHallo, bitte noch einen Zusatzfahrer eintragen: ", per(extra.full),
        ". Danke!\n\n--\n", per(p.full), "\n", g.street(), "\n", g.city(), "\nMobil: ",
        g.phone(),
    ]  # fmt: skip


@template()
def car_return(g: Gen) -> Parts:
    return [
        "Buchung ", g.order(), f": Ich habe den Wagen heute um 8:40 an der Station {g.town()} "
        "abgegeben, der Schlüssel liegt im Briefkasten. Den Kratzer hinten links gab es schon "
        "bei Übernahme (Fotos habe ich). Rückfragen bitte an ", g.email(),
    ]  # fmt: skip


# ---- job application -----------------------------------------------------------------


@template("health")
def job_disability(g: Gen) -> Parts:
    p, hr = g.person(), g.person()
    job = g.pick("Sachbearbeiterin Buchhaltung", "Pflegefachkraft", "Fachinformatiker",
                 "Industriekaufmann", "Erzieherin")  # fmt: skip
    note = g.pick(
        "Ich habe einen Grad der Behinderung von 50 (Morbus Crohn)",
        "Ich bin schwerbehindert (GdB 70) und auf den Rollstuhl angewiesen",
        "Wegen meiner Epilepsie fahre ich nicht Auto, bin aber mit dem ÖPNV gut angebunden",
        "Seit einem Hörsturz trage ich beidseitig Hörgeräte",
    )
    return [
        f"Sehr geehrte{'' if hr.female else 'r'} {hr.title} ", per(hr.last),
        f",\n\nhiermit bewerbe ich mich als {job}. {note}; bitte berücksichtigen Sie das bei "
        "der Planung des Gesprächs.\n\nKontakt: ", g.email(p), ", ", g.phone(), "\nProfil: ",
        g.profile_url(p), "\n\nMit freundlichen Grüßen\n", per(p.full), "\n", g.street(),
        ", ", g.city(), "\ngeb. ", g.dob(),
    ]  # fmt: skip


@template("trade_union")
def job_union(g: Gen) -> Parts:
    p = g.person()
    union = g.pick(
        "Ich bin seit 2016 Mitglied der IG Metall und war Vertrauensfrau in meiner Abteilung",
        "Als Betriebsrätin (EVG) habe ich Schichtpläne mitverhandelt",
        "Ich engagiere mich bei der GEW in der Tarifkommission",
        "Seit der Ausbildung zahle ich Beitrag an die NGG und war dort Jugendvertreter",
    )
    return [
        f"Betreff: Bewerbung Teamleitung Logistik\n\n{union}. Ich erwähne das, weil es zeigt, "
        "dass ich vermitteln kann.\n\nMit besten Grüßen\n", per(p.full), " | ", g.phone(),
        " | ", g.email(p),
    ]  # fmt: skip


# ---- landlord -----------------------------------------------------------------------


@template("health")
def landlord_mould(g: Gen) -> Parts:
    tenant, landlord = g.person(), g.person(female=False)
    effect = g.pick(
        "ständig Atemnot und braucht nachts ihr Asthmaspray",
        "laut Lungenfacharzt eine allergische Bronchitis",
        "wieder heftige Neurodermitis-Schübe",
    )
    return [
        "Sehr geehrter Herr ", per(landlord.last), ",\n\nin unserer Wohnung ", g.street(),
        f" (2. OG links) ist der Schimmel im Kinderzimmer zurück. Unsere Tochter hat seitdem "
        f"{effect}. Bitte kümmern Sie sich diese Woche darum.\n\n", per(tenant.full), "\n",
        g.phone(),
    ]  # fmt: skip


@template("sexual_orientation")
def landlord_couple(g: Gen) -> Parts:
    me = g.person()
    partner = g.person(female=me.female)
    landlord = g.person()
    spouse = "meine Frau " if me.female else "mein Mann "
    if g.rng.random() < 0.5:
        middle: Parts = [f"Wir, das sind {spouse}", per(partner.first),
                         " und ich, seit 2019 verheiratet"]  # fmt: skip
    else:
        pair = "ein lesbisches Paar" if me.female else "ein schwules Paar"
        middle = ["Wir, ", per(partner.first), f" und ich, sind {pair}, seit sechs Jahren "
                  "zusammen – ich sage das gleich, weil uns schon zwei Vermieter deshalb "
                  "abgesagt haben"]  # fmt: skip
    return [
        f"Hallo {landlord.title} ", per(landlord.last),
        ", wir interessieren uns für die 3-Zimmer-Wohnung aus Ihrer Anzeige. ", *middle,
        ". Beide unbefristet angestellt. Ich bin ", per(me.full), ", Tel. ", g.phone(), ".",
    ]  # fmt: skip


@template()
def landlord_self_disclosure(g: Gen) -> Parts:
    p = g.person()
    return [
        "Mieterselbstauskunft\n• Name: ", per(p.full), "\n• Geburtsdatum: ", g.dob(),
        "\n• Bisherige Anschrift: ", g.street(), ", ", g.city(), "\n• Telefon: ", g.phone(),
        "\n• Kaution kommt von: ", g.iban(), "\n• Haustiere: keine",
    ]  # fmt: skip


@template("ethnic_origin")
def landlord_discrimination(g: Gen) -> Parts:
    p = g.person()
    origin = g.pick(
        "aus einer Sinti-Familie kommen",
        "Roma sind",
        "kurdischer Herkunft sind",
        "als Familie aus Eritrea hier leben",
    )
    return [
        f"Sehr geehrte Damen und Herren,\nbei der Besichtigung am {g.when()} sagte uns Ihr "
        f"Hausmeister, an „Leute wie uns“ werde nicht vermietet, nachdem wir erwähnt hatten, "
        f"dass wir {origin}. Ich bitte um eine Stellungnahme.\n", per(p.full), ", ", g.phone(),
    ]  # fmt: skip


# ---- hotel ---------------------------------------------------------------------------


@template("health")
def hotel_accessible(g: Gen) -> Parts:
    me = g.person(female=True)
    husband = g.relative(me, female=False)
    condition = g.pick(
        "nach einem Schlaganfall halbseitig gelähmt",
        "wegen seiner MS auf den Rollator angewiesen",
        "seit der Hüft-OP noch nicht treppentauglich",
    )
    return [
        "Buchung ", g.booking_code(), f", Anreise {g.when()}: Wir brauchen ein barrierefreies "
        "Zimmer mit bodengleicher Dusche, mein Mann ", per(husband.first),
        f" ist {condition}. Herzliche Grüße, ", per(me.full),
    ]  # fmt: skip


@template("religion")
def hotel_food(g: Gen) -> Parts:
    p = g.person()
    need = g.pick(
        "Wir essen nur halal – gibt es beim Frühstück etwas ohne Schwein und Gelatine?",
        "Wir halten koscher; dürfen wir eigenes Geschirr mitbringen?",
        "Meine Frau und ich fasten im Ramadan – ist ein Frühstück vor Sonnenaufgang möglich?",
        "Am Schabbat benutzen wir keine elektrischen Schalter – gibt es einen Schlüssel statt Karte?",
    )
    return [
        f"Moin, wir kommen zu viert am {g.when_stop()} {need} Gebucht auf ", per(p.full),
        ", Buchungsnummer ", g.booking_code(), ".",
    ]  # fmt: skip


@template(near=True)
def hotel_chapel(g: Gen) -> Parts:
    p = g.person()
    return [
        "Sehr geehrte Damen und Herren, kann man die alte Hotelkapelle im Juni für ein "
        "Kammerkonzert mieten? Etwa 60 Gäste, Stühle bringen wir mit. Rückruf bitte an ",
        per(p.full), " unter ", g.phone(), ".",
    ]  # fmt: skip


@template()
def hotel_invoice(g: Gen) -> Parts:
    p = g.person()
    return [
        "Hallo, die Rechnung für Zimmer 214 bitte nicht auf die Firma, sondern privat auf ",
        per(p.full), ", ", g.street(), " in ", g.city(), " ausstellen und an ", g.email(p),
        " schicken. Bezahlt habe ich mit der Karte ", g.card(), ".",
    ]  # fmt: skip


# ---- airline ---------------------------------------------------------------------------


@template()
def airline_passengers(g: Gen) -> Parts:
    a = g.person()
    b = g.relative(a)
    c = g.relative(a)
    return [
        "Passagierdaten für Buchung ", g.booking_code(), ":\n• ", per(a.full), " – Pass ",
        g.passport(), " – geb. ", g.dob(), "\n• ", per(b.full), " – Pass ", g.passport(),
        " – geb. ", g.dob(), "\n• ", per(c.full), " – Kinderreisepass beantragt – geb. ",
        g.dob(child=True),
    ]  # fmt: skip


@template("health")
def airline_oxygen(g: Gen) -> Parts:
    p = g.person()
    need = g.pick(
        "wegen meiner COPD brauche ich an Bord einen mobilen Sauerstoffkonzentrator",
        "ich spritze Insulin und habe Pen und Nadeln im Handgepäck",
        "ich habe eine schwere Erdnussallergie und trage zwei Adrenalin-Pens bei mir",
        "nach meiner Thrombose soll ich am Gang sitzen und aufstehen können",
    )
    return [
        f"Guten Tag, ich fliege am {g.when()} mit Buchungscode ", g.booking_code(),
        f" nach {g.pick('Antalya', 'Lissabon', 'Dubai', 'Palermo', 'Hurghada')} und {need}. "
        "Was muss ich vorab einreichen? ", per(p.full), ", ", g.phone(),
    ]  # fmt: skip


@template()
def airline_name_typo_voice(g: Gen) -> Parts:
    p = g.person()
    typo = p.last[:-1] + p.last[-1] * 2 if len(p.last) > 3 else p.last + "h"
    return [
        "ja hallo hier ist ", per(p.full), " ich hab einen flug gebucht buchungsnummer ",
        g.booking_code(), " und mein name ist falsch geschrieben da steht ",
        per(f"{p.first} {typo}"), " das muss geändert werden sonst komm ich ja nicht ins flugzeug",
    ]  # fmt: skip


@template("ethnic_origin")
def airline_profiling(g: Gen) -> Parts:
    p = g.person()
    one = "einzige" if p.female else "einziger"
    who = g.pick(
        f"– als {one} Schwarze{'' if p.female else 'r'} in der Schlange –",
        f"als {'einzige Passagierin' if p.female else 'einziger Passagier'} mit arabischem Aussehen",
        f"– {'Afrodeutsche' if p.female else 'Afrodeutscher'}, der Rest der Gruppe weiß –",
    )
    return [
        f"Beschwerde: Bei der Sicherheitskontrolle am {g.when()} wurde ich {who} dreimal zur "
        "Nachkontrolle gebeten. Das war demütigend. Buchungscode ", g.booking_code(), ", ",
        per(p.full),
    ]  # fmt: skip


# ---- telecoms --------------------------------------------------------------------------


@template()
def telco_cancel(g: Gen) -> Parts:
    p = g.person()
    return [
        "Kündigung zum nächstmöglichen Zeitpunkt\n\nKundennummer: ", g.customer(),
        "\nRufnummer: ", g.phone(), "\nName: ", per(p.full), "\nAnschrift: ", g.street(), ", ",
        g.city(), "\n\nBitte bestätigen Sie die Kündigung schriftlich an ", g.email(p), ".",
    ]  # fmt: skip


@template()
def telco_ip_voice(g: Gen) -> Parts:
    p = g.person()
    return [
        "hallo mein internet geht seit gestern abend nicht die fritzbox zeigt als ip ",
        g.ipv4(), " an und dann bricht die verbindung wieder ab kundennummer ist ", g.customer(),
        " mein name ist ", per(p.full), " bitte schnell melden ich arbeite von zuhause",
    ]  # fmt: skip


@template()
def telco_blocklist(g: Gen) -> Parts:
    p = g.person()
    return [
        "Hi, meine IPv6-Adresse ", g.ipv6(), " (und vorher ", g.ipv4(),
        ") steht anscheinend auf einer Spam-Blacklist, ich komme auf viele Seiten nicht mehr. "
        "Könnt ihr mir eine neue zuweisen? LG ", per(p.first),
    ]  # fmt: skip


@template()
def telco_typos(g: Gen) -> Parts:
    p = g.person()
    return [
        "Hallo, ich heise ", per(p.full), " und hab ne frage zur rechung, da steht ne nummer ",
        g.phone(), " drauf die ich nich kenne, hab da nie angerufen. meine kundenumer ",
        g.customer(),
    ]  # fmt: skip


@template()
def telco_takeover(g: Gen) -> Parts:
    old, new = g.person(), g.person()
    return [
        "Vertragsübernahme: Ich, ", per(new.full),
        ", übernehme ab nächstem Monat den Festnetzanschluss meiner Vormieterin/meines "
        "Vormieters ", per(old.full), " (Kundennr. ", g.customer(), "). ",
        "Meine Bankverbindung: ", g.iban(), ".",
    ]  # fmt: skip


@template(near=True)
def telco_strike(g: Gen) -> Parts:
    p = g.person()
    return [
        "Der Techniker kam heute nicht, am Telefon hieß es, wegen eines Warnstreiks. "
        "Bitte neuen Termin für den Glasfaseranschluss. Kundennummer ", g.customer(), ", ",
        per(p.full),
    ]  # fmt: skip


# ---- bank --------------------------------------------------------------------------------


@template()
def bank_exemption(g: Gen) -> Parts:
    p = g.person()
    return [
        "Sehr geehrte Damen und Herren,\n\nbitte richten Sie für mein Depot einen "
        "Freistellungsauftrag über 1.000 € ein. Meine Steuer-ID lautet ", g.tax_id(),
        ". Ausschüttungen bitte auf ", g.iban(), ".\n\n", per(p.full), "\ngeb. ", g.dob(),
    ]  # fmt: skip


@template()
def bank_card_stolen(g: Gen) -> Parts:
    p = g.person()
    return [
        "DRINGEND!!! meine kreditkarte ", g.card(), " wurde geklaut bitte sofort sperren ich bin ",
        per(p.full), " und jetzt unter ", g.phone(), " erreichbar",
    ]  # fmt: skip


@template()
def bank_returned_transfer(g: Gen) -> Parts:
    payee = g.person()
    return [
        f"Ich habe am {g.when()} {g.price()} an ", per(payee.full),
        " überwiesen, IBAN ", g.iban(), ", und heute kam das Geld zurück mit dem Hinweis "
        "„Empfänger unbekannt“. Woran liegt das?",
    ]  # fmt: skip


@template("political_opinion")
def bank_party_fee(g: Gen) -> Parts:
    p = g.person()
    party = g.pick("Bündnis 90/Die Grünen", "die SPD", "Die Linke", "die CDU", "die FDP",
                   "Volt", "die ÖDP")  # fmt: skip
    return [
        f"Hallo, ich zahle meinen Mitgliedsbeitrag an {party} per Lastschrift, und die ist "
        "zweimal geplatzt, obwohl auf ", g.iban(), " genug Geld war. Bitte prüfen. ",
        per(p.full),
    ]  # fmt: skip


@template("biometric")
def bank_voice_id(g: Gen) -> Parts:
    p = g.person()
    return [
        "Widerspruch: Bei meinem letzten Anruf haben Sie ohne zu fragen ein Stimmprofil von mir "
        "angelegt, um mich künftig an der Stimme zu erkennen. Löschen Sie das bitte. "
        "Kundennummer ", g.customer(), ", ", per(p.full), ", geb. ", g.dob(),
    ]  # fmt: skip


# ---- insurance -----------------------------------------------------------------------------


@template("health")
def insurer_cardiology(g: Gen) -> Parts:
    p, doctor = g.person(), g.person(female=True)
    finding = g.pick(
        "Vorhofflimmern mit Empfehlung zur Katheterablation",
        "eine Herzinsuffizienz NYHA II; sie rät zur Reha",
        "einen Herzklappenfehler, der operiert werden soll",
    )
    return [
        "Versichertennummer: ", g.kvnr(), "\n\nHallo, anbei der Befund meiner Kardiologin "
        "Frau Dr. ", per(doctor.last), f": {finding}. Übernehmen Sie die Kosten?\n\n",
        per(p.full),
    ]  # fmt: skip


@template()
def pension_info(g: Gen) -> Parts:
    p = g.person()
    return [
        "Sehr geehrte Damen und Herren,\nbitte senden Sie mir eine aktuelle Renteninformation. "
        "Versicherungsnummer ", g.rvnr(p), ".\n", per(p.full), "\n", g.street(), "\n", g.city(),
    ]  # fmt: skip


@template()
def insurer_claim(g: Gen) -> Parts:
    p, neighbour = g.person(), g.person()
    return [
        "Schadenmeldung Privathaftpflicht, Vertrag ", g.customer(),
        f": Am {g.when()} habe ich bei meiner Nachbarin, {neighbour.title} ",
        per(neighbour.last), ", beim Tragen einer Kiste die Glasvitrine umgestoßen. "
        "Erreichbar bin ich unter ", g.phone(), " oder ", g.email(p), ". ", per(p.full),
    ]  # fmt: skip


@template("genetic", "health")
def insurer_brca(g: Gen) -> Parts:
    p = g.person(female=True)
    return [
        "Guten Tag, bei der humangenetischen Beratung wurde bei mir eine BRCA2-Mutation "
        "nachgewiesen. Übernimmt die Kasse die vorsorgliche Mastektomie? Versichertennummer ",
        g.kvnr(), ", ", per(p.full),
    ]  # fmt: skip


@template(near=True)
def insurer_dental_question(g: Gen) -> Parts:
    p = g.person()
    return [
        "Hallo, ich überlege, bei Ihnen eine Zahnzusatzversicherung abzuschließen. Gibt es "
        "eine Gesundheitsprüfung, und welche Fragen stellen Sie dabei? Antwort gern an ",
        g.email(p), ". Gruß ", per(p.full),
    ]  # fmt: skip


@template()
def insurer_address_bullets(g: Gen) -> Parts:
    p = g.person()
    return [
        "Adressänderung zu Police ", g.customer(), ":\n- alt: ", g.street(), ", ", g.city(),
        "\n- neu: ", g.street(), ", ", g.city(), f"\n- gültig ab {g.when()}\n",
        per(p.full.upper() if g.rng.random() < 0.3 else p.full),
    ]  # fmt: skip


# ---- e-commerce ----------------------------------------------------------------------------


@template()
def shop_return(g: Gen) -> Parts:
    p = g.person()
    return [
        "Hallo, ich möchte die Bestellung ", g.order(), " (Sneaker Gr. 42) zurückschicken. "
        "Bitte das Retourenlabel an ", g.email(p), ". Abholadresse: ", per(p.full), ", ",
        g.street(), ", ", g.city(), ".",
    ]  # fmt: skip


@template()
def shop_hasty(g: Gen) -> Parts:
    p = g.person()
    return [
        f"wo bleibt mein paket?? bestellt am {g.when()}, bestellnummer ", g.order(),
        ", lieferadresse ", g.street().lower(), " in ", g.city(), "... ",
        per(p.first.lower()),
    ]  # fmt: skip


@template()
def shop_unsubscribe(g: Gen) -> Parts:
    p = g.person()
    mail = g.email(p)
    return [
        "Ich bekomme weiterhin Newsletter, obwohl ich mich über ", g.email_url(mail.text),
        " abgemeldet habe. Bitte löschen Sie mein Kundenkonto vollständig. ", per(p.full),
    ]  # fmt: skip


@template()
def shop_refund_forward(g: Gen) -> Parts:
    p = g.person()
    return [
        "Gesendet von meinem iPhone\n\nAnfang der weitergeleiteten Nachricht:\n\n> Von: ",
        per(p.full), " <", g.email(p), ">\n> Betreff: Erstattung ", g.order(),
        "\n> \n> Die Erstattung bitte nicht auf die Karte, sondern auf ", g.iban(),
        " (Kontoinhaber ", per(p.full), ").",
    ]  # fmt: skip


@template()
def shop_wrong_neighbour(g: Gen) -> Parts:
    me, neighbour = g.person(), g.person()
    return [
        "Laut Sendungsverfolgung wurde mein Paket (Bestellung ", g.order(),
        ") bei Familie ", per(neighbour.last), " abgegeben, ", g.street(),
        " – die wohnen aber gar nicht mehr da. Bitte Nachforschung einleiten. ", per(me.full),
        ", ", g.phone(),
    ]  # fmt: skip


@template(near=True)
def shop_cookbook(g: Gen) -> Parts:
    p = g.person()
    book = g.pick("„Anatolische Küche“", "„Persisch kochen“", "„Balkan-Grill“",
                  "„Westafrikanische Küche“")  # fmt: skip
    return [
        "Bestellung ", g.order(), f": Im Kochbuch {book} fehlen die Seiten 80 bis 96. "
        "Bitte Ersatz an ", per(p.full), ", ", g.street(), ", ", g.city(), ".",
    ]  # fmt: skip


@template("genetic")
def shop_dna_kit(g: Gen) -> Parts:
    p = g.person()
    return [
        "Ich habe letztes Jahr Ihr Abstammungs-Set (Speichelprobe) gekauft, Bestellung ",
        g.order(), ". Bitte löschen Sie meine DNA-Rohdaten und die Ergebnisse zu meinen "
        "Verwandtschaftstreffern. ", per(p.full), ", ", g.email(p),
    ]  # fmt: skip


@template(near=True)
def physio_vouchers(g: Gen) -> Parts:
    p = g.person(female=True)
    return [
        "Guten Tag, ich bin Physiotherapeutin und möchte zehn Gutscheine für Ihren Kurs "
        "„Rücken aktiv“ für meine Praxis kaufen. Rechnung bitte an ", per(p.full), ", ",
        g.street(), ", ", g.city(),
    ]  # fmt: skip


@template("political_opinion")
def print_flyers(g: Gen) -> Parts:
    p = g.person()
    group = g.pick("SPD-Ortsvereins", "Grünen-Ortsverbands", "CDU-Stadtverbands",
                   "Linken-Kreisverbands", "FDP-Ortsverbands", "BSW-Stammtischs")  # fmt: skip
    return [
        f"Hallo, ich bestelle 500 Flyer für den Infostand unseres {group} – ich bin dort "
        "Kassenwart. Rechnung an ", per(p.full), ", ", g.street(), ", ", g.city(),
        ". Tel. ", g.phone(),
    ]  # fmt: skip


@template("health")
def unnamed_cue_free(g: Gen) -> Parts:
    a, b = g.person(), g.person()
    return [
        per(a.full), " und ", per(b.full), " haben sich heute für die Reha-Sportgruppe nach "
        "der Knieprothese angemeldet, die ärztliche Verordnung kommt per Post. Bitte beide "
        "für dienstags eintragen, Rückfragen an ", g.email(a),
    ]  # fmt: skip


@template("sexual_orientation")
def insurer_spouse(g: Gen) -> Parts:
    me = g.person()
    spouse = g.person(female=me.female)
    word = "meine Frau" if me.female else "meinen Mann"
    pronoun = "sie" if me.female else "ihn"
    return [
        f"Sehr geehrte Damen und Herren,\nich habe am {g.when()} {word} ", per(spouse.full),
        f" geheiratet. Bitte nehmen Sie {pronoun} ab sofort in unsere Hausratversicherung "
        "(Vertrag ", g.customer(), ") auf.\n\nMit freundlichen Grüßen\n", per(me.full),
    ]  # fmt: skip


@template()
def hotel_minijob(g: Gen) -> Parts:
    p = g.person()
    born = g.birthday(young=True)
    return [
        "Hallo, für meine Anmeldung als Aushilfe im Frühstücksservice:\n"
        "Sozialversicherungsnummer ", g.rvnr(p, born), "\nSteuer-ID ", g.tax_id(),
        "\nGeburtsdatum ", g.dob(born=born), "\nKonto ", g.iban(), "\nViele Grüße, ",
        per(p.first),
    ]  # fmt: skip


@template()
def hair_instagram(g: Gen) -> Parts:
    p = g.person(female=True)
    return [
        "Hey :) die Farbe aus meinem letzten Post hätte ich gern wieder, schau mal hier: ",
        g.profile_url(p), " – geht Donnerstag nach 17 Uhr? ", per(p.first), " ", g.phone(),
    ]  # fmt: skip


# ---- negatives: no personal data ----------------------------------------------------------


@template(negative=True)
def neg_delivery(g: Gen) -> Parts:
    return [
        "Hallo, wann wird meine Bestellung ", g.order(), f" geliefert? Im Konto steht "
        f"„voraussichtlich {g.when()}“, heute ist schon der {g.when_stop()}",
    ]  # fmt: skip


@template(negative=True)
def neg_brand(g: Gen) -> Parts:
    return [
        f"Gibt es die {g.pick(*BRANDS_LIKE_NAMES)} Jeans in 32/34 wieder? Letzte Woche stand "
        f"noch „ausverkauft“, und im Laden in {g.town()} hatten sie nur 34/32."
    ]


@template(negative=True)
def neg_opening_hours(g: Gen) -> Parts:
    street = g.pick("Bahnhofstraße", "Hauptstraße", "Marktstraße", "Lindenallee")
    return [
        f"Wie sind die Öffnungszeiten Ihrer Filiale in der {street} am {g.when()}? "
        "Normalerweise ja Mo–Fr 9–18 Uhr, Sa 9–14 Uhr."
    ]


@template(negative=True)
def neg_tracking(g: Gen) -> Parts:
    tracking = g.pick(f"00340434{g.digits(12)}", f"JJD{g.digits(15, False)}",
                      f"1Z{g.digits(3)}AA{g.digits(10)}", f"CX{g.digits(9)}DE")  # fmt: skip
    return [
        f"Sendungsnummer {tracking} zeigt seit drei Tagen „in Zustellung“. Es geht um "
        f"Artikel {g.digits(6)}-{g.digits(2)} (Akkuschrauber 18 V, {g.price()})."
    ]


@template(negative=True)
def neg_price(g: Gen) -> Parts:
    product = g.pick("Kaffeevollautomat", "Kinderwagen", "Gaming-Stuhl", "Wasserkocher")
    return [
        f"warum kostet der {product} jetzt {g.price()} statt {g.price()}? "
        f"im prospekt vom {g.when()} stand was anderes"
    ]


@template(negative=True)
def neg_hotel_availability(g: Gen) -> Parts:
    start = g.day()
    end = start + timedelta(days=g.rng.randint(2, 9))
    return [
        f"Guten Tag, haben Sie vom {start:%d.%m.} bis {end:%d.%m.%Y} ein Doppelzimmer mit Balkon frei? "
        "Zwei Erwachsene, ein Kind (6 Jahre), Anreise gegen 18 Uhr."
    ]


@template(negative=True)
def neg_baggage(g: Gen) -> Parts:
    return [
        f"wie schwer darf das handgepäck sein? fliege am {g.when()} nach "
        f"{g.pick('Palma', 'Split', 'Kreta', 'Izmir')} und hab nur einen 55-cm-trolley"
    ]


@template(negative=True)
def neg_delivery_area(g: Gen) -> Parts:
    return [
        f"Liefert ihr auch nach {g.town()}? Oder nach {g.fake.postcode()}? Und was kostet der "
        "Versand nach Österreich?"
    ]


@template(negative=True)
def neg_gym_course(g: Gen) -> Parts:
    return [
        f"Findet {g.pick('Zumba', 'Yoga', 'Spinning', 'Pilates')} am Dienstag um 19:30 noch "
        "statt oder wurde der Kurs gestrichen? Auf der App steht nichts."
    ]


@template(negative=True)
def neg_firmware(g: Gen) -> Parts:
    return [
        f"Seit dem Update auf FRITZ!OS 7.{g.rng.randint(50, 62)} bricht das WLAN alle paar "
        "Minuten ab. Router: FRITZ!Box 7590 AX, Repeater 2400. Was kann ich tun?"
    ]


@template(negative=True)
def neg_one_way(g: Gen) -> Parts:
    return [
        f"Kann ich einen Kombi in {g.town()} abholen und in {g.town()} zurückgeben? "
        f"Was kostet die Einwegmiete für vier Tage ab {g.when()}?"
    ]


@template(negative=True)
def neg_bank_fees(g: Gen) -> Parts:
    return [
        "Was kostet eine Auslandsüberweisung in die Schweiz, und bis wann muss ich sie "
        f"aufgeben, damit sie am {g.when()} ankommt?"
    ]


@template(negative=True)
def neg_generic_people(g: Gen) -> Parts:
    return [
        "Die Frau an der Info und der Herr an der Kasse waren heute super freundlich, "
        f"großes Lob an die Filiale in {g.town()}!"
    ]


@template(negative=True)
def neg_product_names(g: Gen) -> Parts:
    item = g.pick(
        "der Teller „Vivo“ von Villeroy & Boch",
        "die Pfanne von Fissler",
        "das Sieb von Fackelmann",
        "die Tasse von Rosenthal",
        "der Topf von WMF",
    )
    return [f"Ist {item} spülmaschinenfest? Und gibt es dazu passende Untertassen?"]


@template(negative=True, near=True)
def neg_gmo(g: Gen) -> Parts:
    product = g.pick("Ihre Sojamilch", "Ihr Tofu", "Ihr Maisgrieß", "Ihr Rapsöl")
    return [
        f"Ist {product} gentechnikfrei? Auf der Packung vom Hafer-Drink steht „ohne "
        f"Gentechnik“, auf der anderen nicht. Gekauft am {g.when_stop()}"
    ]


@template(negative=True, near=True)
def neg_postal_vote(g: Gen) -> Parts:
    return [
        "Wann hat das Bürgerbüro vor der Bundestagswahl für die Briefwahl geöffnet? Ich habe "
        f"gehört, samstags 9–12 Uhr, auch am {g.when()}?"
    ]


@template(negative=True, near=True)
def neg_pride_hotel(g: Gen) -> Parts:
    city = g.pick("Köln", "Berlin", "München", "Hamburg")
    return [
        f"Was kosten Ihre Zimmer am CSD-Wochenende in {city}? Letztes Jahr war alles "
        "ausgebucht, deshalb frage ich früh."
    ]


@template(negative=True, near=True)
def neg_rail_strike(g: Gen) -> Parts:
    return [
        f"Fahren wegen des GDL-Streiks am {g.when()} Ersatzbusse zum Flughafen? Mein Zug "
        "wäre um 7:12 Uhr."
    ]


@template(negative=True, near=True)
def neg_easter_hours(g: Gen) -> Parts:
    shop = g.pick("der Baumarkt", "das Gartencenter", "die Filiale am Bahnhof", "der Outlet-Store")
    days = g.pick("Karfreitag und Ostermontag", "Pfingstmontag", "Fronleichnam", "Allerheiligen")
    return [
        f"Hat {shop} an {days} geöffnet? Und kann ich den Weihnachtsbaum-Ständer vom "
        f"{g.when()} noch umtauschen?"
    ]


@template(negative=True, near=True)
def neg_passport_photo(g: Gen) -> Parts:
    return [
        f"Machen Sie biometrische Passbilder auch für Babys? Was kostet das, und geht das "
        f"ohne Termin am {g.when()}?"
    ]


@template(negative=True, near=True)
def neg_pharmacy_night(g: Gen) -> Parts:
    return [
        f"Welche Apotheke hat am Wochenende Notdienst in {g.town()}? Eure Seite zeigt "
        "nur die Öffnungszeiten unter der Woche."
    ]


@template(negative=True, near=True)
def neg_cookbook(g: Gen) -> Parts:
    return [
        "Habt ihr das Kochbuch „Vietnamesische Streetfood-Küche“ wieder da? Artikel "
        f"{g.digits(7)}, stand letzte Woche bei {g.price()}."
    ]


# --------------------------------------------------------------------------


def validate_span(text: str, span: dict[str, object], value: str) -> None:
    assert text[span["start"] : span["end"]] == value, (span, value)  # type: ignore[misc]


def build_records() -> list[dict[str, object]]:
    """Fill every template a fixed number of times, rejecting repeated texts."""
    g = Gen(SEED)
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    for tpl in TEMPLATES:
        fills = NEGATIVE_FILLS if tpl.negative else POSITIVE_FILLS
        made = attempts = 0
        while made < fills:
            attempts += 1
            assert attempts < 50, f"{tpl.id} keeps repeating itself"
            parts = tpl.build(g)
            text, spans = assemble(parts)
            if text in seen:
                continue
            values = [p.text for p in parts if isinstance(p, Val)]
            for span, value in zip(spans, values, strict=True):
                validate_span(text, span, value)
            if tpl.negative:
                assert all(s["label"] == "ORDER_NUMBER" for s in spans), tpl.id
            else:
                assert spans, tpl.id
            seen.add(text)
            made += 1
            records.append(
                {
                    "id": f"dh-{len(records) + 1:04d}",
                    "language": "de",
                    "text": text,
                    "spans": spans,
                    "categories": sorted(tpl.categories),
                    "negative": tpl.negative,
                    "template": tpl.id,
                }
            )
    return records


def check_ids(records: Sequence[dict[str, object]]) -> None:
    """Re-check every ID in the written data, independently of how it was made."""
    for record in records:
        text = str(record["text"])
        for span in record["spans"]:  # type: ignore[attr-defined]
            value = text[span["start"] : span["end"]]
            compact = value.replace(" ", "").replace("-", "")
            label = span["label"]
            if label == "IBAN_CODE":
                assert stdnum_iban.is_valid(compact), value
            elif label == "CREDIT_CARD":
                assert luhn.is_valid(compact), value
            elif label == "DE_TAX_ID":
                assert idnr.is_valid(compact), value
            elif label == "DE_SOCIAL_SECURITY":
                assert rvnr_check(compact[:11]) == compact[11], value
            elif label == "DE_HEALTH_INSURANCE":
                assert kvnr_check(compact[0], compact[1:9]) == compact[9], value
            elif label in ("DE_ID_CARD", "DE_PASSPORT"):
                assert len(compact) in (9, 10) and set(compact) <= set(ICAO_CHARS), value
                assert len(compact) == 9 or icao_check(compact[:9]) == compact[9], value


def main() -> None:
    records = build_records()
    check_ids(records)
    with OUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    positive = [r for r in records if not r["negative"]]
    near_ids = {t.id for t in TEMPLATES if t.near}
    labels = Counter(s["label"] for r in records for s in r["spans"])  # type: ignore[attr-defined]
    categories = Counter(c for r in records for c in r["categories"])  # type: ignore[attr-defined]
    print(
        f"{OUT.name}: {len(records)} messages, {len(positive)} positive, "
        f"{len(records) - len(positive)} negative; templates {len(TEMPLATES)} "
        f"({sum(not t.negative for t in TEMPLATES)} positive, "
        f"{sum(t.negative for t in TEMPLATES)} negative)"
    )
    print(f"messages with a category: {sum(bool(r['categories']) for r in records)}; "
          f"near a category: {sum(r['template'] in near_ids for r in records)}")  # fmt: skip
    print("spans per label:", ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    print("messages per category:", ", ".join(f"{k} {v}" for k, v in categories.most_common()))


if __name__ == "__main__":
    main()
