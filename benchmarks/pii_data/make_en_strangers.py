"""Write ``en_strangers.jsonl``: SYNTHETIC English evaluation data for Klarchat.

The data is SYNTHETIC and was written for Klarchat's evaluation only. No real
person's data is in it: names are drawn from hand-written lists (plus a few
Faker ``en_GB``/``en_US`` names), addresses, phone numbers, card numbers and
IBANs are generated here and are plausible, not real.

The templates were written BLIND: their author read only
``benchmarks/pii_data/README.md`` and ``benchmarks/pii_eval.py`` -- not the
detector, not the other generators, not the other data sets and no public
annotated corpus. The set imitates text written by strangers (support chats,
e-mails with signature blocks, forum posts, tweets and DMs, voicemail
transcripts, CRM exports, delivery notes, complaint letters, forms, clinical
letters, local news and traffic reports). Keep it held out from tuning.

    python benchmarks/pii_data/make_en_strangers.py   # writes en_strangers.jsonl, prints counts

Template mini-language
----------------------
* ``⟨a|b|c⟩``  one alternative wording, chosen at random (may nest, may hold slots).
* ``{kind}`` / ``{kindN}``  a simple value, e.g. ``{phus}``, ``{phus2}``; the
  same key gives the same value within one message.
* ``{objN.field}``  a field of a per-message object: person ``p1`` (``{p1.full}``,
  ``{p1.last}``, ``{p1.title}`` …), address ``us1``/``uk1``/``ie1``.
Each slot knows its label (or none). Spans are recorded while the text is
assembled and asserted afterwards; nothing is found by searching.

Span conventions beyond the README (this set only)
---------------------------------------------------
* English possessive ``'s`` is outside the span ("Tom's order" -> "Tom").
* Phone extensions are part of the number ("(512) 555-0147 x204").
* In one-line addresses the street line (number + street, with Flat/Apt/Suite/
  Unit/house name when attached) is one ADDRESS span and town + state/county +
  ZIP/postcode/Eircode is another. When an address is laid out on several lines
  or in CSV cells, every line/cell (town, county, state, postcode) is its own
  span. A town alone is labelled only as part of a private person's address
  ("I moved to 38 Elm Grove in Bristol"); a PO box with its number is one span.
* A quoted CSV cell ("Smith, John") is labelled without the quotes.
* Streets named after people ("2140 Martin Luther King Jr Blvd") are ADDRESS
  only; brands named after people (Ted Baker, Dr Martens) are nothing.
* ``categories`` is filled only with ``health`` in the clinical-letter
  templates; other special categories are not annotated in this set.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from faker import Faker
from stdnum import iban as std_iban
from templating import fill, write_set
from stdnum import luhn

SEED = 5270913
OUT = Path(__file__).resolve().parent / "en_strangers.jsonl"
HEADER_NOTE = "SYNTHETIC data written for Klarchat's evaluation (make_en_strangers.py); no real person."

rng = random.Random(SEED)
fake_gb = Faker("en_GB")
fake_gb.seed_instance(SEED + 1)
fake_us = Faker("en_US")
fake_us.seed_instance(SEED + 2)

# --------------------------------------------------------------------------
# Names

NAMES: dict[str, dict] = {
    "anglo": dict(
        m="Thomas James Oliver George William Harry Jack Daniel Matthew Robert Michael Christopher Stephen Mark Andrew Nathan Tyler Cody Brandon Jonathan Alexander".split(),
        f="Elizabeth Rebecca Charlotte Sophie Emily Hannah Jessica Katherine Victoria Megan Lauren Ashley Brittany Madison Amber Holly Poppy Joanne".split(),
        last="Smith Baker Young Rose Hall Green King Little Wood Mason Bishop Page Marsh Summers Frost Walker Turner Hughes Cooper Ward Price Fletcher Hargreaves Whitfield Pemberton Ashworth Bright Strong Golightly Winterbottom Cartwright Fortescue-Smythe Parsons Holloway".split(),
    ),
    "irish": dict(
        m="Ciarán Pádraig Eoghan Seán Cathal Donal Oisín Fionn Declan Colm Tadhg Ruairí".split(),
        f="Siobhán Aoife Niamh Gráinne Saoirse Caoimhe Orla Róisín Clodagh Sinéad Eimear Deirdre".split(),
        last=["O'Sullivan", "Ó Briain", "Fitzgerald", "McCarthy", "Byrne", "Kavanagh", "O'Donoghue",
              "Mac Mathúna", "Quinlan", "Ó Súilleabháin", "Doherty", "Gallagher", "Brennan", "Moloney",
              "Breathnach", "O'Neill"],
    ),
    "scottish": dict(
        m="Iain Callum Ruaridh Hamish Angus Fraser Alasdair Euan Lachlan Struan".split(),
        f="Morag Eilidh Kirsty Catriona Isla Mhairi Ailsa Fiona Shona Kirsteen".split(),
        last="MacLeod Campbell Fraser MacDonald Sinclair McIntyre Drummond Munro Buchanan Urquhart MacKenzie Robertson Ferguson McGregor Dalgleish Rennie".split(),
    ),
    "welsh": dict(
        m="Rhys Gethin Dafydd Iolo Emyr Gwilym Huw Aled Owain Cai Ioan Llŷr".split(),
        f="Ffion Cerys Angharad Bethan Gwenllian Eleri Nia Sioned Catrin Mererid Lowri Seren".split(),
        last=["Lloyd-Jones", "Pritchard", "Evans", "Parry", "Prys", "Howells", "Vaughan", "Llewellyn",
              "ap Rhys", "Bowen", "Griffiths", "Powell", "Rowlands", "Gruffydd", "Jenkins", "Morgan-Davies"],
    ),
    "indian": dict(
        m="Arjun Sanjay Rahul Vikram Karthik Harpreet Gurdeep Anil Rajesh Siddharth Aditya Manish Venkatesh".split(),
        f="Priya Lakshmi Deepika Ananya Kavitha Sunita Meera Gurpreet Neha Pooja Shalini Divya".split(),
        last=["Raman", "Mehta", "Subramanian", "Patel", "Iyer", "Sharma", "Nair", "Reddy", "Chatterjee",
              "Banerjee", "Krishnamurthy", "Gill", "Sandhu", "Desai", "Venkataraman", "Menon", "D'Souza", "Pillai"],
    ),
    "pakistani": dict(
        m="Imran Bilal Usman Tariq Faisal Hamza Zubair Asif Kamran Shahid Adeel".split(),
        f="Ayesha Zainab Saima Nadia Farah Sana Mehwish Rabia Hina Amna Shazia".split(),
        last="Qureshi Siddiqui Chaudhry Malik Butt Akhtar Hussain Iqbal Rana Mirza Sheikh Raja Bhatti Abbasi Javed".split(),
    ),
    "nigerian": dict(
        m="Chukwuemeka Emeka Oluwaseun Tunde Ibrahim Chinedu Obinna Babatunde Ikenna Segun Yusuf Uchenna".split(),
        f="Ngozi Folake Aisha Chiamaka Funmilayo Adaeze Yetunde Nneka Temitope Blessing Chidinma Halima".split(),
        last="Okafor Adeyemi Balogun Adebayo Nwosu Bello Musa Eze Okonkwo Ogunleye Oyelaran Abubakar Nnamdi Chukwu Olawale Afolabi".split(),
    ),
    "ghanaian": dict(
        m="Kwame Kofi Kwabena Yaw Kojo Kwasi Ebo Nii Fiifi Kwaku".split(),
        f="Akosua Abena Ama Efua Adwoa Esi Yaa Afua Naa Akua".split(),
        last="Mensah Boateng Asante Owusu Appiah Osei Agyeman Ofori Darko Amoah Quaye Tetteh Ankrah Addo".split(),
    ),
    "chinese": dict(
        m=["Wei", "Jun", "Hao", "Lei", "Jian", "Zhiwei", "Ka Wai", "Siu Ming", "Chi Keung", "Yong"],
        f=["Na", "Jie", "Xiaoling", "Mei", "Yan", "Li Ting", "Hui Min", "Wing Yan", "Fang", "Xin"],
        last="Zhang Li Chen Liu Wang Huang Wong Chan Lau Ng Zhou Xu Lin Tsang Cheung".split(),
        family_first=0.5,
    ),
    "vietnamese": dict(
        m=["Minh", "Duc", "Van Nam", "Quang Huy", "Tuan", "Hieu", "Long", "Bao", "Khanh"],
        f=["Thi Mai", "Lan", "Thu Trang", "Linh", "Thao", "Huong", "Ngoc Anh", "Phuong", "Thi Thu"],
        last=["Nguyen", "Tran", "Pham", "Le", "Vu", "Hoang", "Dang", "Bui", "Do", "Huynh", "Ngô", "Trương"],
        family_first=0.6,
    ),
    "korean": dict(
        m="Min-jun Ji-hoon Dong-hyun Seung-woo Jae-won Hyun-woo Tae-yang".split(),
        f="Ji-woo Seo-yeon Ha-eun Soo-ah Eun-ji Min-seo Yuna".split(),
        last="Kim Park Choi Jung Kang Yoon Jang Lim Han Shin Oh Seo".split(),
        family_first=0.5,
    ),
    "filipino": dict(
        m=["Jose", "Mark Anthony", "Rodel", "Jhun", "Ramon", "Rey", "Jerome", "Aldrin", "Ronaldo"],
        f=["Maria Cristina", "Rowena", "Mylene", "Ma. Theresa", "Jocelyn", "Lovely", "Princess", "Arlene", "Marites", "Gemma"],
        last=["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva", "Garcia", "Mendoza", "Macaraeg",
              "Dimaculangan", "Pangilinan", "Soriano", "Manalo", "Tolentino"],
    ),
    "arabic": dict(
        m="Omar Youssef Khalid Ahmed Tarek Karim Hassan Mahmoud Samir Faris Abdullah".split(),
        f="Layla Fatima Rania Noor Yasmin Mariam Huda Salma Dina Amira".split(),
        last=["Haddad", "Nasser", "El-Amin", "Al-Sayed", "Al-Mansouri", "Khoury", "Saleh", "Abdel-Rahman",
              "Farouk", "Hamdan", "Al Zahrani", "Ben Ali", "Aziz"],
    ),
    "polish": dict(
        m="Piotr Krzysztof Tomasz Paweł Grzegorz Łukasz Michał Wojciech Jakub Marek".split(),
        f="Katarzyna Agnieszka Małgorzata Joanna Magdalena Ewa Zofia Aleksandra Dorota Justyna".split(),
        last="Kowalczyk Wiśniewski Zieliński Nowak Kowalski Wójcik Lewandowski Kamiński Dąbrowski Szymański Jankowski Mazur Krawczyk Wróblewski Grabowski Pawlak Sadowski".split(),
        feminize=[("ski", "ska"), ("cki", "cka")],
    ),
    "hispanic": dict(
        m=["Alejandro", "Carlos", "Javier", "José Luis", "Miguel Ángel", "Diego", "Luis", "Fernando", "Rafael", "Santiago", "Juan"],
        f=["María José", "Lucía", "Guadalupe", "Carmen", "Sofía", "Valeria", "Ximena", "Marisol", "Rocío", "Beatriz"],
        last=["Gómez", "Fernández", "de la Cruz", "Hernández", "Morales", "Reyes", "Ruiz", "del Río",
              "García López", "Rodríguez", "Martínez", "Castillo", "Ortega", "Navarro", "de León", "Vásquez", "Peña"],
    ),
    "jewish": dict(
        m="David Eli Avi Moshe Yossi Nathan Aaron Benjamin Shlomo Menachem Ari".split(),
        f="Miriam Shira Rachel Yael Tova Rivka Leah Naomi Esther Chaya".split(),
        last="Goldstein Rosenberg Katz Abramowitz Levy Ben-Ami Friedman Cohen Schwartz Weinberg Shapiro Feldman Horowitz Bernstein Lieberman Mizrahi".split(),
    ),
    "caribbean": dict(
        m="Delroy Winston Desmond Leroy Clive Junior Errol Tyrone Marlon Dwayne Keron".split(),
        f=["Marcia", "Shanice", "Claudette", "Hyacinth", "Beverley", "Tamika", "Paulette", "Kerry-Ann", "Sharlene"],
        last=["Campbell", "Thompson", "Francis", "Clarke", "Henry", "Grant", "Joseph", "Bailey", "McKenzie",
              "Ellis", "Beckford", "St. Hilaire", "Edwards", "Forbes", "Gayle"],
    ),
    "somali": dict(
        m="Abdirahman Mohamed Abdi Hassan Yusuf Abdullahi".split(),
        f="Hodan Faduma Amina Sahra Ifrah Hibo".split(),
        last="Warsame Farah Jama Osman Abdullahi Hirsi Mohamud Egal".split(),
    ),
    "italian": dict(
        m="Giuseppe Marco Luca Salvatore Enzo".split(),
        f="Giulia Francesca Chiara Rosaria Alessia".split(),
        last=["Esposito", "Romano", "Bianchi", "Di Stefano", "De Luca", "Colombo", "Lo Presti", "Ferraro"],
    ),
    "greek": dict(
        m="Nikos Giorgos Dimitris Christos Yiannis".split(),
        f="Eleni Katerina Despina Vasiliki Anastasia".split(),
        last="Papadopoulos Georgiou Konstantinou Christodoulou Papageorgiou Antoniou".split(),
    ),
    "japanese": dict(
        m="Haruto Kenji Takeshi Daisuke Ren".split(),
        f="Yui Aiko Sakura Haruka Emi".split(),
        last="Tanaka Suzuki Watanabe Yamamoto Nakamura Kobayashi".split(),
    ),
    "turkish": dict(
        m="Mehmet Emre Burak Oğuz Serkan".split(),
        f="Elif Zeynep Ayşe Derya Büşra".split(),
        last="Yılmaz Kaya Demir Şahin Öztürk Arslan".split(),
    ),
    "russian": dict(
        m="Dmitri Sergei Alexei Mikhail Andrei".split(),
        f="Olga Natalia Svetlana Irina Yekaterina".split(),
        last="Ivanov Petrov Smirnov Volkov Sokolov Kuznetsov".split(),
        feminize=[("ov", "ova"), ("ev", "eva"), ("in", "ina")],
    ),
    "faker_gb": dict(faker=fake_gb),
    "faker_us": dict(faker=fake_us),
}
ORIGINS = list(NAMES)

NICKS = {
    "Thomas": "Tom", "James": "Jamie", "William": "Will", "Robert": "Rob", "Michael": "Mike",
    "Christopher": "Chris", "Matthew": "Matt", "Daniel": "Danny", "Elizabeth": "Liz",
    "Rebecca": "Bex", "Katherine": "Kate", "Victoria": "Vicky", "Jessica": "Jess",
    "Stephen": "Steve", "Andrew": "Andy", "Alexander": "Sasha", "Jonathan": "Jonno",
    "Oluwaseun": "Seun", "Chukwuemeka": "Emeka", "Babatunde": "Tunde", "Temitope": "Tope",
    "Funmilayo": "Funmi", "Alejandro": "Alex", "Guadalupe": "Lupe", "Alasdair": "Ally",
    "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Aleksandra": "Ola", "Menachem": "Mendy",
    "Siddharth": "Sid", "Venkatesh": "Venky", "Abdirahman": "Abdi", "Yekaterina": "Katya",
    "Dmitri": "Dima", "Giuseppe": "Peppe", "Siobhán": "Shiv",
}

_origin_queue: list[str] = []


def next_origin() -> str:
    """Cycle through all origins in shuffled rounds, so every origin gets its share."""
    if not _origin_queue:
        _origin_queue.extend(ORIGINS)
        rng.shuffle(_origin_queue)
    return _origin_queue.pop()


def ascii_fold(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


EMAIL_DOMAINS = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com", "icloud.com", "btinternet.com",
                 "sky.com", "eircom.net", "protonmail.com", "aol.com", "comcast.net", "virginmedia.com",
                 "live.ie", "me.com", "mail.com", "yahoo.co.uk", "hotmail.com", "gmx.co.uk"]
WORK_DOMAINS = ["brightwell-solicitors.co.uk", "harbourdental.ie", "northfieldlogistics.com",
                "kestrelhomes.co.uk", "bluecedar-consulting.com", "mapleridgeschools.org",
                "ashgrovevets.co.uk", "tidewaterpm.com"]


class Person:
    def __init__(self, origin: str):
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
        self.family_first = rng.random() < spec.get("family_first", 0)
        self.full_name = f"{self.last} {self.first}" if self.family_first else f"{self.first} {self.last}"
        self.middle = rng.choice("ABCDEFGHJKLMNPRSTW")
        self._email = None
        self._url = None

    def email(self) -> str:
        if self._email is None:
            f = re.sub(r"[^a-z]", "", ascii_fold(self.first).lower())
            l = re.sub(r"[^a-z]", "", ascii_fold(self.last).lower())
            pat = rng.choice(["{f}.{l}", "{f}{l}{n}", "{i}.{l}", "{l}{i}", "{f}_{l}", "{f}-{l}",
                              "{l}.{f}", "{f}{n2}", "{i}{l}{n2}"])
            local = pat.format(f=f, l=l, i=f[:1], n=rng.randint(1, 99), n2=rng.randint(70, 2009))
            dom = rng.choice(WORK_DOMAINS if rng.random() < 0.2 else EMAIL_DOMAINS)
            self._email = f"{local}@{dom}"
        return self._email

    def url(self) -> str:
        if self._url is None:
            f = re.sub(r"[^a-z]", "", ascii_fold(self.first).lower())
            l = re.sub(r"[^a-z]", "", ascii_fold(self.last).lower())
            self._url = rng.choice([
                f"https://www.linkedin.com/in/{f}-{l}-{rng.randrange(16**6):06x}",
                f"https://www.facebook.com/{f}.{l}.{rng.randint(1, 99)}",
                f"https://instagram.com/{f}{l}_",
                f"linkedin.com/in/{f}{l}",
            ])
        return self._url

    def get(self, field: str) -> tuple[str, str | None]:
        P = "PERSON"
        title = rng.choice(["Mr", "Mr."]) if self.gender == "m" else rng.choice(["Ms", "Mrs", "Ms.", "Miss"])
        table = {
            "full": (self.full_name, P),
            "first": (self.first, P),
            "last": (self.last, P),
            "FULL": (self.full_name.upper(), P),
            "FIRST": (self.first.upper(), P),
            "LAST": (self.last.upper(), P),
            "lower": (self.full_name.lower(), P),
            "lfirst": (self.first.lower(), P),
            "llast": (self.last.lower(), P),
            "lastfirst": (f"{self.last}, {self.first}", P),
            "LASTFIRST": (f"{self.last.upper()}, {self.first}", P),
            "init": (f"{self.first[0]}. {self.last}", P),
            "initnd": (f"{self.first[0]} {self.last}", P),
            "mid": (f"{self.first} {self.middle}. {self.last}", P),
            "nick": (NICKS.get(self.first, self.first), P),
            "email": (self.email(), "EMAIL_ADDRESS"),
            "url": (self.url(), "URL"),
            "unsub": (f"https://mail.{rng.choice(['parcelo', 'homebay', 'luxelinen'])}.com/unsubscribe?email={self.email().replace('@', '%40')}&list=news", "URL"),
            "title": (title, None),
            "he": ("he" if self.gender == "m" else "she", None),
            "He": ("He" if self.gender == "m" else "She", None),
            "him": ("him" if self.gender == "m" else "her", None),
            "his": ("his" if self.gender == "m" else "her", None),
            "His": ("His" if self.gender == "m" else "Her", None),
            "parent": ("father" if self.gender == "m" else "mother", None),
            "grand": (rng.choice(["grandad", "grandpa"]) if self.gender == "m" else rng.choice(["nan", "gran", "grandma"]), None),
            "FAMFIRST": (f"{self.last.upper()} {self.first.upper()}", P),
        }
        return table[field]


# --------------------------------------------------------------------------
# Addresses

US_STREET_NAMES = ["Oakridge", "Maple", "Cedar", "Pennsylvania", "Sunset", "Peachtree", "Willow Creek",
                   "Old Mill", "Ridgeview", "Deer", "Chestnut", "Magnolia", "Hickory", "Riverside", "Highland",
                   "Walnut", "Cypress", "Bluebonnet", "Sagebrush", "Aspen", "Juniper", "Country Club", "Broad",
                   "Foxhall", "Quail", "Stonegate", "Harbor", "Prairie Wind", "Coyote", "Red Fox", "Shady Oak",
                   "Indian Springs", "Lakeview", "Brandywine", "Spring Valley", "Timber", "Mesquite"]
US_PERSON_STREETS = ["Martin Luther King Jr", "Abraham Lincoln", "Cesar Chavez", "John F Kennedy",
                     "Rosa Parks", "Jefferson Davis", "Sam Houston", "Ludwig van Beethoven", "Thomas Edison"]
US_TYPES = ["St", "Street", "Ave", "Avenue", "Blvd", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct", "Pl", "Way",
            "Crossing", "Pike", "Loop", "Run", "Terrace", "Hollow", "Heights", "Commons", "Point", "Circle", "Cir",
            "Trail", "Trl", "Pkwy", "Parkway", "Hwy", "Square", "Xing", "Bend", "Cove", "Pass", "Glen", "Ridge"]
US_CITIES = [("Austin", "TX", "787"), ("Helena", "MT", "596"), ("Washington", "DC", "200"), ("Portland", "OR", "972"),
             ("Boise", "ID", "837"), ("Columbus", "OH", "432"), ("Raleigh", "NC", "276"), ("Savannah", "GA", "314"),
             ("Tucson", "AZ", "857"), ("Albuquerque", "NM", "871"), ("Madison", "WI", "537"), ("Des Moines", "IA", "503"),
             ("Burlington", "VT", "054"), ("Providence", "RI", "029"), ("Anchorage", "AK", "995"), ("Honolulu", "HI", "968"),
             ("Baton Rouge", "LA", "708"), ("Little Rock", "AR", "722"), ("Omaha", "NE", "681"), ("Fargo", "ND", "581"),
             ("Spokane", "WA", "992"), ("Sacramento", "CA", "958"), ("Fresno", "CA", "937"), ("Brooklyn", "NY", "112"),
             ("Jersey City", "NJ", "073"), ("Pittsburgh", "PA", "152"), ("Louisville", "KY", "402"), ("Knoxville", "TN", "379"),
             ("Santa Fe", "NM", "875"), ("St. Paul", "MN", "551"), ("Ann Arbor", "MI", "481"), ("Cheyenne", "WY", "820"),
             ("Bangor", "ME", "044"), ("El Paso", "TX", "799"), ("Kalamazoo", "MI", "490"), ("Scottsdale", "AZ", "852"),
             ("Coeur d'Alene", "ID", "838"), ("Lexington", "KY", "405"), ("Chattanooga", "TN", "374"), ("Boulder", "CO", "803")]
US_STATE_NAMES = {"TX": "Texas", "MT": "Montana", "DC": "D.C.", "OR": "Oregon", "ID": "Idaho", "OH": "Ohio",
                  "NC": "North Carolina", "GA": "Georgia", "AZ": "Arizona", "NM": "New Mexico", "WI": "Wisconsin",
                  "IA": "Iowa", "VT": "Vermont", "RI": "Rhode Island", "AK": "Alaska", "HI": "Hawaii", "LA": "Louisiana",
                  "AR": "Arkansas", "NE": "Nebraska", "ND": "North Dakota", "WA": "Washington", "CA": "California",
                  "NY": "New York", "NJ": "New Jersey", "PA": "Pennsylvania", "KY": "Kentucky", "TN": "Tennessee",
                  "MN": "Minnesota", "MI": "Michigan", "WY": "Wyoming", "ME": "Maine", "CO": "Colorado"}


def ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


class USAddress:
    def __init__(self):
        kind = rng.random()
        num = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10000, 48999)]))
        if kind < 0.2:
            name = f"{rng.choice(['W', 'E', 'N', 'S', 'NE', 'SW', 'West', 'East'])} {ordinal(rng.randint(1, 160))} {rng.choice(['St', 'Ave', 'Street', 'Pl'])}"
        elif kind < 0.3:
            name = f"{rng.choice(US_PERSON_STREETS)} {rng.choice(['Blvd', 'Ave', 'Way', 'Pkwy', 'Rd'])}"
        elif kind < 0.36:
            name = rng.choice([f"Route {rng.randint(1, 66)}", f"County Road {rng.randint(2, 400)}", f"State Hwy {rng.randint(5, 199)}"])
        else:
            name = f"{rng.choice(US_STREET_NAMES)} {rng.choice(US_TYPES)}"
        if rng.random() < 0.15:
            name += rng.choice([" NW", " SE", " NE", " SW", " N", " E"])
        self.plain = f"{num} {name}"
        unit = rng.choice(["", "", "", f" Apt {rng.randint(1, 40)}{rng.choice(['', 'A', 'B', 'C'])}", f" Apt. {rng.randint(1, 900)}",
                           f" Suite {rng.randint(1, 9)}00", f" Ste {rng.randint(100, 450)}", f" Unit {rng.randint(1, 30)}",
                           f" #{rng.randint(2, 40)}{rng.choice(['', 'B'])}", f", Apt {rng.randint(1, 30)}"])
        self.street = self.plain + unit
        self.city, self.st, zp = rng.choice(US_CITIES)
        self.zip = zp + f"{rng.randint(0, 99):02d}"
        if rng.random() < 0.15:
            self.zip += f"-{rng.randint(1, 9999):04d}"
        sep = rng.choice([", ", ", ", " "])
        state = self.st if rng.random() < 0.85 else US_STATE_NAMES[self.st]
        self.town = f"{self.city}{sep}{state} {self.zip}"
        self.pobox = rng.choice(["PO Box", "P.O. Box", "P O Box", "POB"]) + f" {rng.randint(1, 9999)}"

    def get(self, field):
        A = "ADDRESS"
        return {"street": (self.street, A), "plain": (self.plain, A), "STREET": (self.street.upper(), A),
                "town": (self.town, A), "TOWN": (self.town.upper(), A), "city": (self.city, A),
                "st": (self.st, A), "zip": (self.zip, A), "pobox": (self.pobox, A),
                "citystate": (f"{self.city}, {self.st}", A)}[field]


UK_TOWNS = [("Leeds", "West Yorkshire", "LS"), ("Bristol", "Bristol", "BS"), ("Manchester", "Greater Manchester", "M"),
            ("Norwich", "Norfolk", "NR"), ("Cardiff", "South Glamorgan", "CF"), ("Swansea", "West Glamorgan", "SA"),
            ("Glasgow", "Lanarkshire", "G"), ("Edinburgh", "Midlothian", "EH"), ("Aberdeen", "Aberdeenshire", "AB"),
            ("Inverness", "Highland", "IV"), ("Belfast", "County Antrim", "BT"), ("Birmingham", "West Midlands", "B"),
            ("Nottingham", "Nottinghamshire", "NG"), ("Sheffield", "South Yorkshire", "S"), ("Exeter", "Devon", "EX"),
            ("Truro", "Cornwall", "TR"), ("Brighton", "East Sussex", "BN"), ("York", "North Yorkshire", "YO"),
            ("Newcastle upon Tyne", "Tyne and Wear", "NE"), ("Stoke-on-Trent", "Staffordshire", "ST"),
            ("Milton Keynes", "Buckinghamshire", "MK"), ("Bath", "Somerset", "BA"), ("Cheltenham", "Gloucestershire", "GL"),
            ("London", "Greater London", "SE"), ("London", "Greater London", "NW"), ("London", "Greater London", "E"),
            ("Leicester", "Leicestershire", "LE"), ("Luton", "Bedfordshire", "LU"), ("Bradford", "West Yorkshire", "BD"),
            ("Wolverhampton", "West Midlands", "WV"), ("Kirkcaldy", "Fife", "KY"), ("Llandudno", "Conwy", "LL"),
            ("Aberystwyth", "Ceredigion", "SY"), ("Hull", "East Yorkshire", "HU"), ("Derry", "County Londonderry", "BT"),
            ("Preston", "Lancashire", "PR"), ("Carlisle", "Cumbria", "CA"), ("Ipswich", "Suffolk", "IP")]
UK_VILLAGES = [("Little Snoring", "Norfolk", "NR"), ("Much Wenlock", "Shropshire", "TF"), ("Chipping Campden", "Gloucestershire", "GL"),
               ("Great Ayton", "North Yorkshire", "TS"), ("Bourton-on-the-Water", "Gloucestershire", "GL"),
               ("Westward Ho!", "Devon", "EX"), ("Ashby-de-la-Zouch", "Leicestershire", "LE"), ("Llanfair Caereinion", "Powys", "SY"),
               ("Stow-on-the-Wold", "Gloucestershire", "GL"), ("Kirkby Lonsdale", "Cumbria", "LA"), ("Mousehole", "Cornwall", "TR"),
               ("Ballater", "Aberdeenshire", "AB")]
UK_STREET_NAMES = ["High", "Mill", "Church", "Station", "Victoria", "Albert", "Queen's", "King Edward", "Acacia", "Elm",
                   "Oak", "Beech", "Meadow", "Park", "Orchard", "Chapel", "Bridge", "Manor", "Springfield", "Windsor",
                   "Nelson", "Gladstone", "Wellington", "Tennyson", "Shakespeare", "Cromwell", "Sycamore", "Hawthorn",
                   "Primrose", "Lavender", "Jubilee", "Coronation", "St Mary's", "Bishop's", "Holly", "Cherry Tree"]
UK_TYPES = ["Street", "St", "Road", "Rd", "Lane", "Avenue", "Ave", "Close", "Crescent", "Drive", "Grove", "Gardens",
            "Mews", "Walk", "Row", "Place", "Terrace", "Rise", "Hill", "Way", "Parade", "Square", "Court", "View", "Chase"]
UK_NOTYPE = ["Kingsway", "Broadway", "The Crescent", "The Paddock", "Cheapside", "The Green", "Southgate", "Moorside"]
HOUSE_NAMES = ["Rose Cottage", "The Old Rectory", "Ivy House", "Hillcrest", "Fern Lodge", "Keeper's Cottage",
               "The Old Forge", "Swallow Barn", "Windrush", "Bryn Awel"]
PC_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def uk_postcode(area: str) -> str:
    district = str(rng.randint(1, 20 if len(area) == 1 else 29))
    if area in ("SE", "E", "NW") and rng.random() < 0.3:
        district = str(rng.randint(1, 9))
    if rng.random() < 0.08 and area in ("E", "NW"):
        district += rng.choice("AW")
    return f"{area}{district} {rng.randint(0, 9)}{rng.choice(PC_LETTERS)}{rng.choice(PC_LETTERS)}"


class UKAddress:
    def __init__(self):
        self.city, self.county, area = rng.choice(UK_TOWNS)
        self.pc = uk_postcode(area)
        num = rng.choice([str(rng.randint(1, 250)), str(rng.randint(1, 60)), f"{rng.randint(1, 300)}{rng.choice('aAB')}",
                          rng.choice(["{0}-{1}", "{0}–{1}"]).format(*(lambda a: (a, a + 2))(rng.randint(1, 40)))])
        street = rng.choice(UK_NOTYPE) if rng.random() < 0.12 else f"{rng.choice(UK_STREET_NAMES)} {rng.choice(UK_TYPES)}"
        self.street = f"{num} {street}"
        self.flat = f"{rng.choice(['Flat', 'Flat', 'Apartment', 'Flat'])} {rng.randint(1, 24)}{rng.choice(['', '', 'A', 'C'])}, {self.street}"
        self.house_street = f"{rng.choice(UK_STREET_NAMES)} {rng.choice(['Lane', 'Road', 'Hill', 'Row'])}"
        self.house = f"{rng.choice(HOUSE_NAMES)}, {self.house_street}"
        self.village, self.vcounty, varea = rng.choice(UK_VILLAGES)
        self.vpc = uk_postcode(varea)
        self.town = f"{self.city}{rng.choice([' ', ', '])}{self.pc}"

    def get(self, field):
        A = "ADDRESS"
        return {"street": (self.street, A), "flat": (self.flat, A), "house": (self.house, A),
                "town": (self.town, A), "city": (self.city, A), "county": (self.county, A),
                "pc": (self.pc, A), "STREET": (self.street.upper(), A), "CITY": (self.city.upper(), A),
                "village": (f"{self.village}, {self.vcounty} {self.vpc}", A),
                "vname": (self.village, A), "vcounty": (self.vcounty, A), "vpc": (self.vpc, A)}[field]


IE_TOWNS = [("Ennis", "Clare", "V95"), ("Galway", "Galway", "H91"), ("Cork", "Cork", "T12"), ("Limerick", "Limerick", "V94"),
            ("Tralee", "Kerry", "V92"), ("Sligo", "Sligo", "F91"), ("Drogheda", "Louth", "A92"), ("Kilkenny", "Kilkenny", "R95"),
            ("Athlone", "Westmeath", "N37"), ("Letterkenny", "Donegal", "F92"), ("Navan", "Meath", "C15"),
            ("Castlebar", "Mayo", "F23"), ("Wexford", "Wexford", "Y35"), ("Waterford", "Waterford", "X91"),
            ("Naas", "Kildare", "W91"), ("Clonmel", "Tipperary", "E91")]
IE_DUBLIN = [("Dublin 8", "D08"), ("Dublin 6W", "D6W"), ("Dublin 2", "D02"), ("Dublin 15", "D15"), ("Dublin 7", "D07"),
             ("Dublin 24", "D24")]
IE_STREETS = ["Main Street", "Church Road", "O'Connell Street", "Griffith Avenue", "Strand Road", "Mary Street",
              "Sráid an Mhuilinn", "Bóthar na Trá", "Parnell Square", "Abbey Street", "Castle Park", "Ard na Gréine",
              "Harbour View", "Cois Abhainn", "Friary Lane"]
EIR = "0123456789ACDEFHKNPRTVWXY"


class IEAddress:
    def __init__(self):
        self.street = rng.choice([f"{rng.randint(1, 120)} {rng.choice(IE_STREETS)}",
                                  f"Apt {rng.randint(1, 40)}, {rng.randint(1, 60)} {rng.choice(IE_STREETS)}",
                                  f"{rng.randint(1, 40)} {rng.choice(IE_STREETS)}"])
        self.eir_tail = "".join(rng.choice(EIR) for _ in range(4))
        if rng.random() < 0.3:
            area, key = rng.choice(IE_DUBLIN)
            self.city, self.county = area, "Dublin"
            self.eir = f"{key} {self.eir_tail}"
            self.town = f"{area}{rng.choice([' ', ', '])}{self.eir}"
        else:
            self.city, county, key = rng.choice(IE_TOWNS)
            self.county = rng.choice(["Co. ", "County ", "Co "]) + county
            self.eir = f"{key} {self.eir_tail}"
            self.town = f"{self.city}, {self.county}{rng.choice([' ', ', '])}{self.eir}"

    def get(self, field):
        A = "ADDRESS"
        return {"street": (self.street, A), "town": (self.town, A), "city": (self.city, A),
                "county": (self.county, A), "eir": (self.eir, A)}[field]


# --------------------------------------------------------------------------
# Numbers

US_AREAS = ["212", "415", "512", "617", "303", "702", "404", "206", "312", "614", "919", "503", "801", "406", "208",
            "505", "608", "907", "808", "225", "402", "509", "916", "718", "201", "412", "502", "865", "651", "734"]


def digits(n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def phus() -> str:
    a = rng.choice(US_AREAS)
    if rng.random() < 0.35:
        e, l = "555", f"01{rng.randint(0, 99):02d}"
    else:
        e, l = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(2, 9)}", digits(4)
    fmt = rng.choice(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "+1 {a} {e} {l}", "+1 ({a}) {e}-{l}",
                      "1-{a}-{e}-{l}", "{a}{e}{l}", "{a} {e} {l}", "+1-{a}-{e}-{l}", "({a}){e}-{l}"])
    return fmt.format(a=a, e=e, l=l)


def phusx() -> str:
    return phus() + rng.choice([" x{n}", " ext. {n}", " ext {n}", " Ext. {n}", " x.{n}"]).format(n=rng.randint(2, 4999))


def phtoll() -> str:
    a = rng.choice(["800", "888", "877", "866", "855"])
    e, l = f"{rng.randint(2, 9)}{digits(2)}", digits(4)
    return rng.choice(["1-{a}-{e}-{l}", "1 ({a}) {e}-{l}", "({a}) {e}-{l}", "1.{a}.{e}.{l}"]).format(a=a, e=e, l=l)


def phuk() -> str:
    r = rng.random()
    if r < 0.45:  # mobile
        pre = rng.choice(["7700 900", f"7{rng.randint(4, 9)}{digits(2)} {digits(3)}"])
        tail = digits(3)
        body = f"{pre}{tail}" if rng.random() < 0.5 else f"{pre} {tail}"
        lead = rng.choice(["0", "0", "+44 ", "+44 (0)", "0044 "])
        s = lead + body
        if rng.random() < 0.15:
            s = s.replace(" ", "")
        return s
    area, local = rng.choice([("20", f"7946 0{digits(3)}"), ("20", f"{rng.choice('378')}{digits(3)} {digits(4)}"),
                              ("113", f"496 0{digits(3)}"), ("161", f"496 0{digits(3)}"), ("121", f"{digits(3)} {digits(4)}"),
                              ("141", f"{digits(3)} {digits(4)}"), ("131", f"496 0{digits(3)}"), ("117", f"{digits(3)} {digits(4)}"),
                              ("29", f"20{digits(2)} {digits(4)}"), ("28", f"90{digits(2)} {digits(4)}"),
                              ("1632", f"960{digits(3)}"), ("1865", digits(6)), ("1223", digits(6))])
    fmt = rng.choice(["0{a} {l}", "0{a} {l}", "(0{a}) {l}", "+44 {a} {l}", "+44 (0){a} {l}", "0{a}-{l}"])
    return fmt.format(a=area, l=local)


def phie() -> str:
    if rng.random() < 0.5:
        p = rng.choice(["83", "85", "86", "87", "89"])
        a, b = digits(3), digits(4)
        return rng.choice([f"0{p} {a} {b}", f"0{p}-{a}{b}", f"+353 {p} {a} {b}", f"+353 (0){p} {a} {b}", f"0{p}{a}{b}"])
    area, local = rng.choice([("1", f"{digits(3)} {digits(4)}"), ("91", f"{digits(3)} {digits(3)}"), ("21", f"4{digits(2)} {digits(4)}"),
                              ("61", f"{digits(3)} {digits(3)}"), ("65", f"68{digits(1)} {digits(4)}"), ("71", f"91{digits(1)} {digits(4)}")])
    return rng.choice([f"0{area} {local}", f"(0{area}) {local}", f"+353 {area} {local}"])


def card(brand: str | None = None) -> str:
    brand = brand or rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
    if brand == "visa":
        prefix, n = "4", 16
    elif brand == "mc":
        prefix, n = str(rng.randint(51, 55)), 16
    elif brand == "mc2":
        prefix, n = str(rng.randint(2221, 2720)), 16
    elif brand == "amex":
        prefix, n = rng.choice(["34", "37"]), 15
    else:
        prefix, n = rng.choice(["6011", "65", str(rng.randint(644, 649))]), 16
    body = prefix + digits(n - len(prefix) - 1)
    num = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(num)
    style = rng.choice([" ", " ", "-", ""])
    if n == 15:
        return style.join([num[:4], num[4:10], num[10:]]) if style else num
    return style.join(num[i:i + 4] for i in range(0, 16, 4)) if style else num


def make_iban(country: str) -> str:
    if country == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "TSBS"]) + digits(6) + digits(8)
    else:
        bban = rng.choice(["AIBK", "BOFI", "IPBS"]) + digits(6) + digits(8)
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    iban = f"{country}{98 - num % 97:02d}{bban}"
    assert std_iban.is_valid(iban)
    if rng.random() < 0.6:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


MONTHS = "January February March April May June July August September October November December".split()


def rand_date(y0: int, y1: int):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def dob(style: str | None = None) -> str:
    y, m, d = rand_date(1936, 2006)
    style = style or rng.choice(["us", "uk", "long", "amer", "iso"])
    if style == "us":
        return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{m}/{d}/{y % 100:02d}"])
    if style == "uk":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d:02d}.{m:02d}.{y}", f"{d:02d}-{m:02d}-{y}", f"{d}/{m}/{y}"])
    if style == "long":
        return rng.choice([f"{d} {MONTHS[m - 1]} {y}", f"{ordinal(d)} {MONTHS[m - 1]} {y}", f"{d} {MONTHS[m - 1][:3]} {y}"])
    if style == "amer":
        return rng.choice([f"{MONTHS[m - 1]} {d}, {y}", f"{MONTHS[m - 1][:3]} {d} {y}", f"{MONTHS[m - 1]} {ordinal(d)}, {y}"])
    return f"{y}-{m:02d}-{d:02d}"


def other_date() -> str:
    y, m, d = rand_date(2023, 2025)
    return rng.choice([f"{d} {MONTHS[m - 1]}", f"{MONTHS[m - 1]} {ordinal(d)}", f"{d:02d}/{m:02d}", f"the {ordinal(d)}",
                       f"{ordinal(d)} of {MONTHS[m - 1]}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1][:3]} {d}",
                       f"{d}/{m}/{y}"])


def order_no() -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([digits(8), f"ORD-{digits(6)}", f"W{digits(10)}", f"{digits(3)}-{digits(7)}-{digits(7)}",
                       f"A{digits(7)}", f"KC-{digits(5)}-{digits(2)}", f"{rng.choice(L)}{rng.choice(L)}{digits(6)}",
                       f"100{digits(6)}", f"SO-2024-{digits(5)}", f"{digits(5)}", f"WEB{digits(6)}"])


def cust_no() -> str:
    return rng.choice([f"CUST-{digits(6)}", digits(9), f"{digits(4)} {digits(4)}", f"M-{digits(5)}", f"POL-{digits(7)}",
                       f"{rng.choice(['AB', 'KX', 'TR', 'LM'])}{digits(8)}", f"C{digits(7)}", f"{digits(3)}-{digits(3)}-{digits(3)}",
                       f"ACC{digits(7)}"])


def ipv4() -> str:
    return rng.choice([f"{rng.randint(2, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                       f"192.168.{rng.randint(0, 5)}.{rng.randint(2, 254)}", f"203.0.113.{rng.randint(1, 254)}",
                       f"86.{rng.randint(128, 191)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])


def ipv6() -> str:
    groups = [f"{rng.randrange(0x10000):x}" for _ in range(6)]
    return rng.choice([f"2001:db8:{groups[0]}::{groups[1]}:{groups[2]}",
                       "2a02:" + ":".join(groups[:5]) + f":{rng.randrange(0x10000):x}:{rng.randrange(0x10000):x}",
                       f"fe80::{groups[0]}:{groups[1]}:{groups[2]}:{groups[3]}"])


def tracking() -> str:
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([f"1Z {digits(3)} {rng.choice(L)}{rng.choice(L)}{digits(1)} {digits(2)} {digits(4)} {digits(4)}",
                       f"{rng.choice(L)}{rng.choice(L)}{digits(9)}GB", f"JD{digits(18)}", f"9400 {digits(4)} {digits(4)} {digits(4)} {digits(4)} {digits(2)}",
                       f"H{digits(3)}{rng.choice(L)}{rng.choice(L)}{digits(10)}", f"TBA{digits(12)}"])


def price() -> str:
    return rng.choice([f"£{rng.randint(3, 400)}.{rng.choice(['99', '49', '00', '95'])}", f"${rng.randint(5, 900)}",
                       f"€{rng.randint(10, 300)}", f"£{rng.randint(5, 90)}", f"${rng.randint(10, 99)}.{rng.randint(0, 99):02d}"])


SIMPLE = {
    "phus": lambda: (phus(), "PHONE_NUMBER"),
    "phusx": lambda: (phusx(), "PHONE_NUMBER"),
    "phtoll": lambda: (phtoll(), "PHONE_NUMBER"),
    "phuk": lambda: (phuk(), "PHONE_NUMBER"),
    "phie": lambda: (phie(), "PHONE_NUMBER"),
    "card": lambda: (card(), "CREDIT_CARD"),
    "visa": lambda: (card("visa"), "CREDIT_CARD"),
    "mc": lambda: (card("mc"), "CREDIT_CARD"),
    "mctwo": lambda: (card("mc2"), "CREDIT_CARD"),
    "amex": lambda: (card("amex"), "CREDIT_CARD"),
    "disc": lambda: (card("disc"), "CREDIT_CARD"),
    "dob": lambda: (dob(), "DATE_OF_BIRTH"),
    "dobus": lambda: (dob("us"), "DATE_OF_BIRTH"),
    "dobuk": lambda: (dob("uk"), "DATE_OF_BIRTH"),
    "doblong": lambda: (dob("long"), "DATE_OF_BIRTH"),
    "dobamer": lambda: (dob("amer"), "DATE_OF_BIRTH"),
    "ibgb": lambda: (make_iban("GB"), "IBAN_CODE"),
    "ibie": lambda: (make_iban("IE"), "IBAN_CODE"),
    "order": lambda: (order_no(), "ORDER_NUMBER"),
    "cust": lambda: (cust_no(), "CUSTOMER_NUMBER"),
    "ip": lambda: (ipv4(), "IP_ADDRESS"),
    "ipsix": lambda: (ipv6(), "IP_ADDRESS"),
    "email": lambda: (Person(next_origin()).email(), "EMAIL_ADDRESS"),
    "pstreet": lambda: (f"{rng.randint(10, 4999)} {rng.choice(US_PERSON_STREETS)} {rng.choice(['Blvd', 'Rd', 'Way', 'Ave'])}", "ADDRESS"),
    # unlabelled fillers
    "date": lambda: (other_date(), None),
    "track": lambda: (tracking(), None),
    "price": lambda: (price(), None),
    "weekday": lambda: (rng.choice("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()), None),
    "month": lambda: (rng.choice(MONTHS), None),
    "time": lambda: (rng.choice(["9am", "10:30", "half 2", "11.15am", "4pm", "17:45", "noon", "8:15 PM"]), None),
    "cityuk": lambda: (rng.choice(["Manchester", "Leeds", "Glasgow", "Cardiff", "Belfast", "Norwich", "Plymouth", "Inverness",
                                   "Swansea", "Hull", "York", "Aberdeen", "Sunderland", "Milton Keynes", "Stoke"]), None),
    "cityus": lambda: (rng.choice(["Denver", "Phoenix", "Atlanta", "Seattle", "Boston", "Nashville", "Chicago", "Tampa",
                                   "Salt Lake City", "Houston", "Philadelphia", "San Diego", "Anchorage"]), None),
    "cityie": lambda: (rng.choice(["Cork", "Galway", "Limerick", "Sligo", "Waterford", "Athlone", "Dundalk", "Killarney"]), None),
    "handle": lambda: (rng.choice(["@tea_and_toast", "@northern_lass82", "@bikeshedblues", "@the_real_kettle", "@moonpie_77",
                                   "@sunday_roast_fan", "@grumpy_commuter", "@lilac.skies", "@crumbsfordays", "@vinyl_junkie_99"]), None),
    "streetonly": lambda: (rng.choice(["Oxford Street", "Princes Street", "Grafton Street", "Deansgate", "Briggate",
                                       "the High Street", "Queen Street", "Broad Street", "Market Street", "Sauchiehall Street",
                                       "Michigan Avenue", "Fifth Avenue", "Main Street", "Congress Avenue"]), None),
    "company": lambda: (rng.choice(["Greystone Facilities Ltd", "Brightwell & Co", "Harbour Dental", "Kestrel Homes",
                                    "Blue Cedar Consulting", "Northfield Logistics", "Tidewater Property Management",
                                    "Ashgrove Vets"]), None),
    "shop": lambda: (rng.choice(["HomeBay", "Cartwheel", "Parcelo", "LuxeLinen", "Brightbox", "ShopNest", "Kettle & Co"]), None),
    "sku": lambda: (rng.choice([f"SKU {digits(2)}-{digits(3)}-{digits(2)}", f"art. no. {digits(3)}.{digits(3)}.{digits(2)}",
                                f"model {rng.choice(['WX', 'KT', 'HB'])}-{digits(4)}", f"item #{digits(6)}"]), None),
    "brand": lambda: (rng.choice(["Ben & Jerry's", "Tommy Hilfiger", "Dr Martens", "Johnnie Walker", "Ted Baker", "John Lewis",
                                  "Marks & Spencer", "Calvin Klein", "Ralph Lauren", "Jack Daniel's", "Paul Smith", "Hugo Boss",
                                  "Kate Spade", "Michael Kors", "Jimmy Choo", "Levi's", "Uncle Ben's", "Betty Crocker",
                                  "Aunt Bessie's", "Dr Pepper", "Ray-Ban", "Harvey Nichols", "Victoria's Secret", "Tom Ford",
                                  "Sainsbury's", "Morrisons", "Trader Joe's", "Wendy's", "McDonald's", "Dyson"]), None),
}

OBJECTS = {"p": None, "us": USAddress, "uk": UKAddress, "ie": IEAddress}


# --------------------------------------------------------------------------
# Template engine

class Context:
    def __init__(self, who: dict[str, str] | None):
        self.who = who or {}
        self.cache: dict[str, object] = {}

    def get(self, kind: str, idx: str, field: str | None) -> tuple[str, str | None]:
        key = kind + idx
        if kind in OBJECTS:
            if key not in self.cache:
                if kind == "p":
                    origin = self.who.get(key)
                    if isinstance(origin, list):
                        origin = rng.choice(origin)
                    self.cache[key] = Person(origin or next_origin())
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
# Templates: (name, text[, who]); positive ones "es…", negative ones "esn…".

POS: list[tuple] = [
    # --- support chat
    ("es001", "hi, I spoke to {p2.full} yesterday about my refund and ⟨they|{p2.he}⟩ said it would go through by {weekday}. still nothing. order {order}"),
    ("es002", "{p2.last} said {p2.he}'d call back before ⟨12|lunch|noon⟩ but nobody has. can someone ring me on {phus} ⟨please|pls|asap⟩"),
    ("es003", "Hello, my name is {p1.full}, I placed order #{order} on {date} and the tracking hasn't moved. Could you check for me?"),
    ("es004", "⟨hiya|hey|hello⟩ its {p1.lfirst} again, the courier left my parcel at {uk1.street} but I live at {uk2.street}!! same postcode different road"),
    ("es005", "Can you check {p1.first}'s order? It's under my ⟨wife's|husband's|partner's⟩ account, {p1.email}. We're both locked out."),
    ("es006", "I was chatting with {p2.first} from your team earlier, {p2.he} said to send the photos here. Account number {cust}.", {"p2": ["indian", "filipino", "anglo"]}),
    ("es007", "Agent: Thanks for waiting. Can I take the name on the account?\nCustomer: {p1.full}\nAgent: And the postcode?\nCustomer: {uk1.pc}\nAgent: Thank you, {p1.title} {p1.last}."),
    ("es008", "ok so my details are: {p1.lower}, {p1.email}, {phuk}. the booking ref is {order}"),
    ("es009", "Hi! Quick one - can the delivery for {p1.full} go to ⟨my work address|my office⟩ instead? {company}, {us1.street}, {us1.town}. Thanks!"),
    ("es010", "the guy who fitted the carpet, {p2.first}?? he left a massive mess. whos his manager. {p1.full}, {uk1.city}", {"p2": ["anglo", "polish", "caribbean"]}),
    ("es011", "Please cancel the standing order, I've moved. New address from {date}: {ie1.street}, {ie1.town}. Mobile {phie}. – {p1.first}", {"p1": ["irish", "polish", "nigerian"]}),
    ("es012", "Yes that's right, the card ending 4421 is mine. Name on card is {p1.FULL}. Billing address {us1.street}, {us1.town}."),
    ("es013", "{p2.last}? no thats my landlord. I'm {p1.full}. Order is under my name not {p2.his}", {"p2": ["polish", "polish", "russian"]}),
    ("es014", "I had a lovely chat with {p2.full} in your {cityuk} branch who sorted my return, please pass on my thanks! {p1.first}"),
    ("es015", "could you ring {p2.title} {p2.last} on {phuk} to arrange access? {p2.he} is my tenant at {uk1.flat}"),
    # --- emails with signature blocks
    ("es016", "Dear {p2.title} {p2.last},\n\nThank you for your help on the phone this morning. As discussed, my new address is {uk1.street}, {uk1.town}. Could you update account {cust} please?\n\nKind regards,\n{p1.full}"),
    ("es017", "Hi team,\n\nInvoice for the March window clean is attached.\n\nCheers,\n{p1.nick}\n--\n{p1.full} | Operations Manager\n{company}\nM: {phuk}\nE: {p1.email}", {"p1": ["anglo", "scottish", "faker_gb"]}),
    ("es018", "Good afternoon,\n\nI'm writing on behalf of my {p2.parent}, {p2.full}, who is housebound. {p2.His} policy number is {cust}. Please address any post to me instead:\n\n{p1.full}\n{uk1.house}\n{uk1.village}\n\nMany thanks"),
    ("es019", "Hello,\n\nPlease find the signed form attached.\n\nBest,\n{p1.first}\n\n{p1.full}\nSenior Paralegal, {company}\nT {phusx}\n{us1.street}\n{us1.town}"),
    ("es020", "Sent from my iPhone\n\n> On {date}, at {time}, {p2.full} <{p2.email}> wrote:\n> Hi {p1.first}, can you confirm your delivery slot?\n\nYes Thursday is fine. {p1.first}"),
    ("es021", "Thanks,\n{p1.full}\n{phie}\n{ie1.street}\n{ie1.city}\n{ie1.county}\n{ie1.eir}", {"p1": ["irish", "irish", "vietnamese"]}),
    ("es022", "Dear Sir/Madam\n\nI've been charged twice for order {order}. Both charges were on my {visa}. I'd appreciate a refund to the same card.\n\nYours faithfully\n{p1.title} {p1.init}"),
    ("es023", "Regards,\n\n{p1.mid}\nAssistant Director of Finance\n{company} | {us1.street} | {us1.town}\nDirect: {phus} | Main: {phtoll}"),
    ("es024", "Hi {p2.first},\n\nLovely to meet you at the open day. Here are my details for the waiting list: {p1.full}, born {doblong}, {p1.email}.\n\nWarmly,\n{p1.first}"),
    ("es025", "From: {p1.full} <{p1.email}>\nTo: support@{shop}.com\nSubject: Re: Your return {order}\n\nStill waiting on this one, it's been 3 weeks.\n\n{p1.initnd}"),
    # --- forum posts
    ("es026", "Re: broken hinge on the Frostline fridge\n\nSame here. Emailed support and a {p2.full} replied within the hour with a returns label. Credit where it's due."),
    ("es027", "Has anyone else had trouble with their installer? Ours was a bloke called {p2.nick}, turned up 3 hours late and left the back door open. Avoid.", {"p2": ["anglo", "faker_gb"]}),
    ("es028", "Quote from {handle}: \"does anyone know a good plumber in {cityuk}?\"\n\nUse {p2.full}, {p2.he} did our boiler last year. Number is {phuk}."),
    ("es029", "[SOLD] Oak dining table, collection only from {uk1.street}, {uk1.city}. PM me or text {p1.first} on {phuk}."),
    ("es030", "Update for anyone following: spoke to {p2.title} {p2.last} at the council and {p2.he} confirmed the bins go out {weekday} now. Thanks all, {p1.first}"),
    ("es031", "my uncle {p2.full} worked there for 30 years and says the factory always flooded in spring lol"),
    # --- tweets / DMs
    ("es032", "{handle} been waiting 3 weeks for my refund, order {order}, not impressed 😤 #customerservice"),
    ("es033", "DM: hey its {p1.lower}, the order is {order}, can u send to {us1.street} {us1.town} instead of my old place? ty"),
    ("es034", "shoutout to {p2.first} at the {cityus} store who found my lost wallet 🙏🙏"),
    ("es035", "DM: hi, following up from my tweet. email is {p1.email}, phone {phus}. thanks for looking into it!"),
    ("es036", "lmao {p2.llast} from accounts just replied-all to the whole company"),
    ("es037", "happy birthday to my bestie {p2.full} 🎂🎉 born {dobuk} and still acting 12"),
    # --- voicemail transcripts
    ("es038", "Voicemail ({time}): hi this is {p1.lower} calling about the um the dishwasher repair, you can call me back on {phus}, that's {phus}, thanks bye"),
    ("es039", "Voicemail transcript: Hello, it's {p1.title} {p1.last} from {uk1.street}. Your driver has left a parcel for a {p2.full} at my house, wrong address. Please collect."),
    ("es040", "New voicemail from {phuk}: yeah hiya it's {p1.first}, just ringing about the sofa, it still hasn't come, cheers"),
    ("es041", "Transcription: hi uh this message is for {p2.first}, it's {p1.full} from the dental practice returning your call, ring us on {phie} when you get a sec"),
    # --- CRM / record exports
    ("es042", "id,full_name,email,phone,street,city,state,zip\n{cust},{p1.full},{p1.email},{phus},{us1.street},{us1.city},{us1.st},{us1.zip}\n{cust2},\"{p2.lastfirst}\",{p2.email},{phus2},{us2.street},{us2.city},{us2.st},{us2.zip}"),
    ("es043", "Customer: {p1.full}\nCustomer ID: {cust}\nEmail: {p1.email}\nPhone: {phuk}\nAddress: {uk1.street}\n         {uk1.city}\n         {uk1.pc}\nNotes: prefers calls after 5"),
    ("es044", "LAST_NAME|FIRST_NAME|DOB|PHONE\n{p1.LAST}|{p1.FIRST}|{dobus}|{phus}\n{p2.LAST}|{p2.FIRST}|{dobus2}|{phus2}"),
    ("es045", "Record 4 of 12\nName .......... {p1.lastfirst}\nDOB ........... {dobuk}\nAccount ....... {cust}\nIBAN .......... {ibgb}"),
    ("es046", "{\"name\": \"{p1.full}\", \"email\": \"{p1.email}\", \"ip\": \"{ip}\", \"signup\": \"{date}\"}"),
    ("es047", "Lead: {p1.full} ({company})\nOwner: {p2.full}\nStage: Proposal\nLast contact: {date} via {p1.email}"),
    ("es048", "contact_name\tcontact_phone\tsite_address\n{p1.full}\t{phie}\t{ie1.street}, {ie1.town}"),
    ("es049", "Ticket #{order} opened by {p1.email} from IP {ip}. Assigned to {p2.first}."),
    ("es050", "Login alert: new sign-in to the account of {p1.full} from {ipsix} on {date}. If this wasn't you, reset your password."),
    # --- delivery instructions
    ("es051", "Delivery note: side gate is broken, please leave it behind the green bin. Any problems ring {p1.first} on {phuk}. {uk1.flat}, {uk1.town}"),
    ("es052", "Leave with neighbour {p2.title} {p2.last} at no. {uk1.street} if no answer. Do NOT leave on doorstep."),
    ("es053", "Deliver to: {p1.full}\n{us1.street}\n{us1.town}\nGate code 4471#. Call {phus} on arrival."),
    ("es054", "Please use the back entrance off the lane, house is {uk1.house}, {uk1.village}. Dog is friendly. {p1.first}"),
    ("es055", "Ship to {us1.pobox}, {us1.town}. Attn: {p1.full}. We don't get street delivery out here."),
    ("es056", "Drop at reception of {company}, {us1.street}, {us1.town}, for {p1.full} in Accounts. Reception closes at {time}."),
    # --- complaint letters
    ("es057", "{p1.full}\n{us1.street}\n{us1.town}\n\n{date}\n\nCustomer Relations\n\nTo whom it may concern,\n\nI am writing to complain about the repair of my washing machine (order {order}). The engineer, {p2.first}, did not turn up twice.\n\nSincerely,\n{p1.full}"),
    ("es058", "{uk1.street}\n{uk1.city}\n{uk1.county}\n{uk1.pc}\n\nDear Customer Services,\n\nI have now written three times about account {cust}. I expect a reply within 14 days.\n\nYours faithfully,\n\n{p1.full} ({p1.title})"),
    ("es059", "FORMAL COMPLAINT\nComplainant: {p1.FULL}\nAddress: {ie1.street}, {ie1.town}\nPhone: {phie}\nI was overcharged on my {mc} for a service I never received."),
    ("es060", "To the manager, I wish to make a complaint about your employee {p2.full} who was extremely rude to me and my daughter at the till on {date}. {p1.full}, {p1.email}"),
    # --- forms
    ("es061", "APPLICANT NAME: {p1.FULL}\nDATE OF BIRTH: {dobus}\nHOME ADDRESS: {us1.STREET}\nCITY/STATE/ZIP: {us1.TOWN}\nPHONE: {phus}"),
    ("es062", "Surname: {p1.LAST}\nForename(s): {p1.first}\nD.O.B: {dobuk}\nAddress line 1: {uk1.street}\nTown: {uk1.city}\nPostcode: {uk1.pc}"),
    ("es063", "Emergency contact: {p2.full} (⟨next of kin|partner|neighbour|friend⟩), tel {phuk}"),
    ("es064", "Name (as on card): {p1.FULL}\nCard number: {card}\nExpiry: {month} / 27\nBilling postcode: {uk1.pc}"),
    ("es065", "1. Full name: {p1.full}\n2. Date of birth: {dobamer}\n3. Email: {p1.email}\n4. How did you hear about us? a friend ({p2.first})"),
    ("es066", "Pupil: {p3.full}  Year 4\nParent/guardian: {p1.full}\nContact number: {phuk}\nAllergies: none\nCollected by: {p2.first} (grandparent)"),
    # --- payment / bank
    ("es067", "Please refund to my account: {p1.full}, IBAN {ibgb}. Sort code on the old form was wrong."),
    ("es068", "my new card is {amex}, can you update the subscription? name {p1.full}"),
    ("es069", "Card details for the deposit: {disc}, exp 09/26. Cardholder {p1.full}. Please don't store them."),
    ("es070", "Refund the overpayment to IBAN {ibie}, account holder {p1.full}, {ie1.town}."),
    ("es071", "The charge on my card {mctwo} from {date} isn't mine - I've never shopped at {shop}."),
    ("es072", "Tried to pay with {mc} and {visa} and both were declined. Billing: {us1.street}, {us1.town}"),
    # --- clinical letters (health)
    ("es073", "Dear Dr {p2.last},\n\nRe: {p1.full}, DOB {dobuk}, {uk1.street}, {uk1.town}\n\nI reviewed {p1.title} {p1.last} in the cardiology clinic today. {p1.His} palpitations have settled on bisoprolol.\n\nYours sincerely,\n\nDr {p3.init}\nConsultant Cardiologist", {"cats": ["health"]}),
    ("es074", "Discharge summary\nPatient: {p1.LASTFIRST}\nDOB: {dobus}\nMRN: {cust}\nAttending: {p2.full}, MD\nDiagnosis: community-acquired pneumonia, treated with IV antibiotics.", {"cats": ["health"]}),
    ("es075", "Thank you for referring {p1.title} {p1.full}, a 64-year-old retired teacher from {uk1.city}, who presented with a six-month history of knee pain.", {"cats": ["health"]}),
    ("es076", "Clinic letter cc: patient, {uk1.flat}, {uk1.town}. Seen today with {p1.his} daughter {p2.first}. Blood pressure well controlled.", {"cats": ["health"]}),
    # --- local news and announcements
    ("es077", "Councillor {p2.full} said on Tuesday that the changes to bin collections in {cityuk} would be reviewed after complaints from residents."),
    ("es078", "Police are appealing for witnesses after a man was injured near {streetonly} on {weekday} night. Detective Sergeant {p2.full} asked anyone with dashcam footage to come forward."),
    ("es079", "The award went to {p2.full}, 17, a student at a local sixth-form college, for {p2.his} work with a food bank.", {"p2": ["ghanaian", "pakistani", "korean", "welsh"]}),
    ("es080", "{p2.full}, head of operations at the airport, said the new terminal would open in {month}. \"We're confident,\" {p2.last} added."),
    ("es081", "Tributes have been paid to {p2.full}, a popular school crossing patrol officer, who died last week aged 71. {p2.His} family described {p2.him} as \"the heart of the street\"."),
    ("es082", "Congratulations to {p2.full} and {p3.full} on completing the Great North Run for the hospice!"),
    # --- names of particular shapes
    ("es083", "Booking under {p1.lastfirst}, two adults, arriving {weekday}. Could we have a ground-floor room?"),
    ("es084", "Please send the certificate to {p1.full} – that's the correct spelling, with the hyphen – at {p1.email}.", {"p1": ["welsh", "anglo", "arabic"]}),
    ("es085", "hi there my name is {p1.full}, you keep spelling my last name wrong on the letters. account {cust}", {"p1": ["hispanic", "filipino", "irish", "arabic", "italian"]}),
    ("es086", "The parcel was addressed to {p1.FAMFIRST} (family name first) but the driver said no one by that name lives here.", {"p1": ["chinese", "korean", "vietnamese", "japanese"]}),
    ("es087", "Mr {p2.last} and Mrs {p3.last} both asked for the same slot on {weekday}; can you fit them in? They're on {phuk} and {phuk2}."),
    ("es088", "i think the delivery person was {p2.lfirst}? or {p3.lfirst}? didnt catch it. anyway the box was crushed"),
    ("es089", "Re your query: {p2.first} has left the company. Please contact {p3.full} ({p3.email}) from now on."),
    ("es090", "For the attention of Dr {p2.full}, Head of Year 9 – my son {p1.first} will be off school {weekday} for a hospital appointment.", {"cats": ["health"]}),
    # --- addresses of particular shapes
    ("es091", "I moved to {uk1.street} in {uk1.city} last month and I'm still getting letters for the old place. Could you update it? Ref {cust}."),
    ("es092", "Our office has moved to {us1.street}, {us1.town}. Please update your records. – {p1.full}, office manager"),
    ("es093", "Address for the invoice: {p1.full}, {uk1.house}, {uk1.village}"),
    ("es094", "I live at {uk1.street}, it's the blue door next to the chip shop. Can the engineer come {weekday}?"),
    ("es095", "Please forward my post to {us1.pobox}, {us1.town} until the end of {month}. Thanks, {p1.full}"),
    ("es096", "correct address is {us1.street} {us1.town} not the one on file!!! {p1.full}"),
    ("es097", "Hi, we're at {ie1.street}, {ie1.town}. The van couldn't find the house – Google Maps puts the pin in the wrong field. {p1.first}"),
    ("es098", "DELIVERY ADDRESS\n{p1.FULL}\n{uk1.STREET}\n{uk1.CITY}\n{uk1.pc}"),
    ("es099", "{p1.full}, {us1.street}, {us1.town}, {phus}, {p1.email}"),
    ("es100", "Return sender: {p1.init}, {uk1.flat}, {uk1.town}, United Kingdom"),
    # --- typos, run-ons, no punctuation
    ("es101", "hi there i ordered a kettle last week and it came broke can u send new one to {uk1.street} {uk1.town} my name is {p1.lower} thank u"),
    ("es102", "yes its {p1.full} i rang yesterday about the fridge, numbr is {phuk} ring after 6 plz"),
    ("es103", "hello sir i am {p1.full} my acount no is {cust} i want to change phone to {phie} thanks"),
    ("es104", "pls can u tell {p2.lfirst} i cant make the appt tmrw, this is {p1.lower}, dob {dobuk}"),
    ("es105", "my email changed its now {p1.email} the old one was hacked. also someone logged in from {ip} that wasnt me"),
    # --- mixed / more registers
    ("es106", "Re: Tenancy at {uk1.flat}\n\nDear {p2.title} {p2.last},\n\nThe deposit of {price} should be returned to {p1.full}, {ibgb}.\n\nRegards,\n{p3.full}\nLettings Negotiator"),
    ("es107", "Meeting notes {date}\nAttendees: {p1.full}, {p2.full}, {p3.init}\nActions: {p2.first} to send revised quote to {p1.email}"),
    ("es108", "Witness statement: I, {p1.full}, of {us1.street}, {us1.town}, state that on {date} I saw the van reverse into the gate."),
    ("es109", "Guest list for Saturday: {p1.full}, {p2.full}, {p3.full} (+1). Dietary: {p2.first} is vegetarian."),
    ("es110", "Hi, can you check my profile {p1.url} – the job application form keeps rejecting it. {p1.first}"),
    ("es111", "hey {p2.first}! it's {p1.first} from uni, found you on here 😊 my number's {phuk} if you want to catch up"),
    ("es112", "Warranty registration\nOwner: {p1.full}\nSerial: {sku}\nPurchased: {date}\nAddress: {us1.street}\n{us1.town}"),
    ("es113", "The vet's note for {p1.first}'s cat says to ring {p2.title} {p2.last} at the surgery on {phuk} about the results."),
    ("es114", "Our new address is {ie1.street}, {ie1.town} – please update it on the school system for {p2.first} and {p3.first}. Thanks, {p1.full}"),
    ("es115", "Just to confirm, the refund goes to {p1.full}, {us1.street}, {us1.town}, by cheque? Phone me on {phusx} if there's an issue."),
    ("es116", "My {p2.grand} {p2.full} (born {doblong}) needs a large-print bill. {p2.He}'s at {uk1.street}, {uk1.town}. I'm {p2.his} carer, {p1.first}."),
    ("es117", "WhatsApp: {p1.first} 🌻: are you still coming to fix the shower? I'm at {us1.street}, door code 2291. {phus}"),
    ("es118", "Attn {p2.full}, Claims Dept. Re claim {cust}: the photos of the flooded kitchen at {uk1.street} are attached. {p1.full}"),
    ("es119", "We stayed at the cottage with {p2.first} and {p3.first} and {p3.his} partner {p4.first}, great week, owner {p5.full} was very welcoming. 5 stars"),
    ("es121", "I've clicked {p1.unsub} three times and I'm still getting your emails. Please remove me."),
    ("es122", "Here's my portfolio as requested: {p1.url} – CV attached. Best wishes, {p1.full}"),
    ("es123", "Reference check for {p2.full}: {p2.his} profile is {p2.url}, {p2.he} says {p2.he} worked for you 2019-2022. Can you confirm?"),
    ("es124", "New office address from {month}: {pstreet}, {us1.town}. Sat navs send drivers to the wrong end, so look for the blue awning. – {p1.first}"),
    ("es120", "Hi {p2.first}, thanks for the quote. Please invoice {p1.full} at {company}, {us1.pobox}, {us1.town}. Ref {order}."),
]

NEG: list[tuple] = [
    ("esn01", "Do you ship to {cityuk}? And roughly how long does it take ⟨usually|normally⟩?"),
    ("esn02", "Is the {brand} ⟨gift set|range|collection⟩ still available in the {cityuk} store or only online?"),
    ("esn03", "My {brand} ⟨order|parcel|gift box⟩ arrived ⟨crushed|with a cracked box|soaking wet⟩. Order {order}. Can you send a replacement?"),
    ("esn04", "The shop on {streetonly} was closed at 4pm on {weekday}, the sign says open till 6. What's going on?"),
    ("esn05", "Tracking {track} has said 'in transit' since {date}. Any update?"),
    ("esn06", "What's the difference between the Lincoln Navigator and the Aviator? Asking about the ⟨2022|2023|2024⟩ models."),
    ("esn07", "Are you open on ⟨St Patrick's Day|Martin Luther King Jr. Day|Presidents' Day|Boxing Day|Thanksgiving|Easter Monday|Good Friday|Victoria Day⟩?"),
    ("esn08", "Does the warranty cover water damage? My {brand} ⟨watch|headphones|bag⟩ stopped working after a week."),
    ("esn09", "Can I pay with ⟨Apple Pay|Google Pay|PayPal⟩? And do you price match ⟨John Lewis|Currys|Argos⟩?"),
    ("esn10", "Traffic: the M62 eastbound is closed between junctions ⟨25 and 26|24 and 25|22 and 23⟩ after a collision. Diversions are in place via the A644. Expect delays of up to ⟨30|45|60⟩ minutes."),
    ("esn11", "Washington state lawmakers passed a bill on {weekday} to expand ferry service across Puget Sound, with the first sailings expected in {month}."),
    ("esn12", "Victoria line part suspended between Brixton and ⟨Stockwell|Green Park|King's Cross⟩, use the Northern line. Good service on all other lines."),
    ("esn13", "How much is delivery to Northern Ireland? The checkout says {price} which seems a lot for a ⟨phone case|pair of socks|birthday card⟩."),
    ("esn14", "Hi, do the Dr Martens 1460s come up true to size? I'm usually a ⟨7|8|9⟩."),
    ("esn15", "I bought the Ted Baker ⟨washbag|gift set|lanyard⟩ for {price} and the zip broke on the first day."),
    ("esn16", "Is the Ben & Jerry's ⟨Cookie Dough|Phish Food|Chunky Monkey⟩ in the meal deal or just the own brand?"),
    ("esn17", "Can I return something I bought in the ⟨Leeds|Cork|Glasgow|Bristol⟩ store to the one in {cityuk}?"),
    ("esn18", "My order {order} was supposed to arrive on {date} but it's now saying {weekday}. Not a big deal, just want to know which."),
    ("esn19", "Which is better for a small flat, the Dyson V8 or the Shark? Budget is about {price}."),
    ("esn20", "Weather warning: heavy rain expected across Galway, Mayo and ⟨Clare|Kerry|Donegal⟩ from {weekday} evening. Met Éireann has issued a status yellow alert."),
    ("esn21", "The {cityus} Marathon will close ⟨Main Street|Congress Avenue|Peachtree Street|Broadway⟩ from 6am to 2pm on {weekday}. Buses will divert."),
    ("esn22", "Do you have the Tommy Hilfiger ⟨polo|jacket|cap⟩ in navy? Size M. The website shows it out of stock."),
    ("esn23", "What time does the café at the Lincoln Memorial visitor centre ⟨open|close⟩? Going on {weekday}."),
    ("esn24", "Is the Johnnie Walker Blue ⟨Label|label⟩ gift box the 70cl or the 1 litre? Price on the shelf was {price}."),
    ("esn25", "Can I change the delivery date? I'll be away from {date} for ⟨a week|ten days|two weeks⟩."),
    ("esn26", "The app keeps crashing since version ⟨4.2.1|4.3.0|5.0.2⟩ on my Pixel. Reinstalled twice."),
    ("esn27", "Great service as always. The staff at the {cityuk} branch were really helpful ⟨today|on Saturday|this morning⟩!"),
    ("esn28", "Which {sku} replaces the old filter? The box says it fits the ⟨KT|HB|WX⟩ series."),
    ("esn29", "Hi, is there parking near the ⟨Oxford Street|Princes Street|Grafton Street|Buchanan Street⟩ store, or is it better to get the bus?"),
    ("esn30", "Can you gift wrap? It's for Mother's Day, which I think is {date} this year."),
    ("esn31", "Do you deliver on Sundays in ⟨Washington, D.C.|the Dallas area|Jackson, Mississippi|Lincoln, Nebraska⟩?"),
    ("esn32", "I'd like to cancel order {order}, I found it cheaper at ⟨Sainsbury's|Morrisons|Marks & Spencer|Trader Joe's⟩."),
    ("esn33", "King's Cross to Edinburgh: are there any delays today? I'm on the {time} train."),
    ("esn34", "Reading your terms: does the ⟨30|14|28⟩-day return start from the order date or from when it's ⟨delivered|dispatched⟩?"),
    ("esn35", "Local news: the new ⟨Aldi|Lidl|Tesco Express⟩ on ⟨Queen Street|Station Road|the old hospital site⟩ opens on {weekday} at 8am, the council confirmed."),
    ("esn36", "Prince Albert ⟨tobacco|pipe⟩ tins, do you still stock them? Also Captain Morgan ⟨spiced|white|dark⟩ rum, ⟨70cl|1L⟩."),
    ("esn37", "Hey, is the Jack Daniel's ⟨honey|fire|apple⟩ back in stock? Mum loves it. Thanks!"),
    ("esn38", "Nurse Ratched Halloween costume size L – is it the one with the hat? Need it by {date}."),
    ("esn39", "The Ralph Lauren ⟨towels|duvet cover|cushions⟩ I ordered came in the wrong colour, cream instead of navy."),
    ("esn40", "Flooding has closed the A55 near ⟨Conwy|Bangor|Llanfairfechan⟩ in both directions. National Highways advise avoiding the area until {time}."),
    ("esn41", "Bank Holiday opening hours? Specifically {date}, the one in {month}."),
    ("esn42", "Does Wendy's in the ⟨Newark|Denver|Houston⟩ airport take cash? Asking because my card is at home lol"),
    ("esn43", "Hi! Just checking – is the Paul Smith ⟨wallet|scarf|belt⟩ genuine leather? The listing doesn't say."),
    ("esn44", "Price check: {brand} in store is {price} but online it's cheaper. Will you match it?"),
    ("esn45", "Returns policy for ⟨sale|clearance|outlet⟩ items? The receipt says \"Thank You For Shopping With Us\" and nothing else."),
    ("esn46", "Thinking of visiting Abbey Road ⟨Studios|crossing⟩ and the Sherlock Holmes Museum on {weekday}. Do you sell combined tickets?"),
    ("esn47", "Is Uncle Ben's rice the same as Ben's Original? The label changed and my ⟨nan|mum|dad⟩ is confused."),
    ("esn48", "Update your payment method: go to ⟨Settings|Account⟩, then Billing, then Edit. ⟨Easy|Simple⟩ as that. Thanks, ⟨Customer Support Team|The Help Desk⟩"),
]


def main() -> None:
    write_set(
        positive=POS,
        negative=NEG,
        make=make,
        who_of=lambda opts: {k: v for k, v in opts.items() if k != "cats"},
        positive_ok=bool,
        language="en",
        prefix="es",
        header=HEADER_NOTE,
        out=OUT,
    )

if __name__ == "__main__":
    main()
