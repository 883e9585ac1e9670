"""Generate the synthetic English PII evaluation set ``en.jsonl``.

    python benchmarks/pii_data/make_en.py

Smaller than the German set: English messages as Klarchat gets them from
people living in Germany (German addresses, phones, IDs, IBANs) and from
customers in the UK and the US. Same machinery and conventions as
``make_de.py``; only the templates and the English forms of dates, greetings
and foreign phone numbers and addresses are new here.
"""

from __future__ import annotations

from datetime import date, timedelta

from make_de import (
    HERE,
    Context,
    Persona,
    Segment,
    Slot,
    Template,
    Values,
    generate,
    german_slots,
    signature,
    summary,
    write_jsonl,
)

SEED = 20251106
FILLS_POSITIVE = 3
FILLS_NEGATIVE = 3
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SIGNATURES_EN = [
    "Best regards\n{full}",
    "Kind regards,\n{full}",
    "Thanks, {first}",
    "Cheers\n{first}",
    "Regards\n{titled}",
    "Many thanks,\n{anrede} {last}",
]
NAME_STYLES_EN = {"local": 60, "double_last": 6, "faker_foreign": 17, "hand_foreign": 17}
PRODUCTS_EN = [
    "Samsung Galaxy A55",
    "iPhone 15",
    "Jack Wolfskin rain jacket",
    "Hugo Boss fragrance",
    "Philips air fryer",
    "Bosch cordless drill",
    "Tommy Hilfiger polo shirt",
    "Calvin Klein shorts",
    "Paul Hewitt bracelet",
    "Ralph Lauren shirt",
    "Lego Technic excavator",
    "Fjällräven Kånken",
]
GREETINGS_EN = ["Hello,", "Hi,", "Dear Sir or Madam,", "Good morning,", "Hi there,", "Hey,"]


def dob_en(values: Values, day: date) -> str:
    """Birth dates in the British, American and ISO forms English writers use."""
    month = MONTHS_EN[day.month - 1]
    return values.pick(
        (
            f"{day.day} {month} {day.year}",
            f"{month} {day.day}, {day.year}",
            f"{day:%d/%m/%Y}",
            f"{day:%Y-%m-%d}",
            f"{day.day}.{day.month}.{day.year}",
        )
    )


def future_date_en(values: Values) -> str:
    day = date(2025, 11, 1) + timedelta(days=values.rng.randint(0, 200))
    month = MONTHS_EN[day.month - 1]
    return values.pick(
        (f"{day.day} {month}", f"{month} {day.day}", f"{day:%d/%m}", f"{day:%d.%m.}")
    )


def price_en(values: Values) -> str:
    amount = f"{values.rng.randint(5, 1500)}.{values.pick(('00', '99', '49', '95'))}"
    return values.pick((f"€{amount}", f"{amount} EUR", f"£{amount}", f"${amount}"))


def uk_phone(values: Values) -> str:
    number = values.digits(6, first_nonzero=True)
    return values.pick(
        (
            f"+44 20 79{number[:2]} {number[2:]}",
            f"020 79{number[:2]} {number[2:]}",
            f"07700 9{number[:5]}",
            f"+44 7700 9{number[:5]}",
        )
    )


def us_phone(values: Values) -> str:
    area, line = values.pick(("212", "415", "617", "312")), values.digits(4)
    return values.pick((f"({area}) 555-{line}", f"+1 {area} 555 {line}", f"{area}-555-{line}"))


def uk_street(values: Values) -> str:
    return f"{values.rng.randint(1, 220)} {values.names.street_name()}"


def uk_town(values: Values) -> str:
    return f"{values.names.city()} {values.names.postcode()}"


def _persona_date(ctx: Context, key: str) -> list[Segment]:
    person: Persona = ctx.persona(key)
    return [(dob_en(ctx.values, person.dob), "DATE_OF_BIRTH")]


def english_slots() -> dict[str, Slot]:
    """The German slots with English wording, plus British and American values."""
    slots = german_slots()
    slots.update(
        {
            "hallo": lambda ctx, _key: [(ctx.values.pick(GREETINGS_EN), None)],
            "sig": signature(SIGNATURES_EN),
            "anrede": lambda ctx, key: [("Ms" if ctx.persona(key).gender == "f" else "Mr", None)],
            "dob": _persona_date,
            "senior_dob": lambda ctx, _key: [
                (dob_en(ctx.values, ctx.values.senior_dob()), "DATE_OF_BIRTH")
            ],
            "date": lambda ctx, _key: [(future_date_en(ctx.values), None)],
            "price": lambda ctx, _key: [(price_en(ctx.values), None)],
            "product": lambda ctx, _key: [(ctx.values.pick(PRODUCTS_EN), None)],
            "weekday": lambda ctx, _key: [
                (ctx.values.pick(("Monday", "Tuesday", "Friday", "Saturday")), None)
            ],
            "time": lambda ctx, _key: [
                (f"{ctx.values.rng.randint(8, 18)}:{ctx.values.pick(('00', '30'))}", None)
            ],
            "uk_phone": lambda ctx, _key: [(uk_phone(ctx.values), "PHONE_NUMBER")],
            "us_phone": lambda ctx, _key: [(us_phone(ctx.values), "PHONE_NUMBER")],
            "uk_street": lambda ctx, _key: [(uk_street(ctx.values), "ADDRESS")],
            "uk_town": lambda ctx, _key: [(uk_town(ctx.values), "ADDRESS")],
        }
    )
    return slots


T = Template
# One template per line reads as a table; the formatter would split each in three.
# fmt: off
POSITIVE_EN = [
    T("e01", "{hallo}\nmy order {order} still hasn't arrived. Tracking says it was delivered on {date}, but there's nothing here. Delivery address: {street}, {plz_ort}.\n{sig}"),
    T("e02", "Hi, this is {full}. Please cancel order no. {order} and confirm by email to {email}. Thanks!"),
    T("e03", "hey, moved to germany last month and need to update my address to {street}, {plz_ort}. customer number {customer}. cheers {first_lc}"),
    T("e04", "Hello, I was charged twice for order {order} on my credit card {card}. Could you refund one of the payments? {full}, {phone}"),
    T("e05", "Please send the refund to my account: IBAN {iban}, account holder {full}. The return for order {order} reached your warehouse on {date}."),
    T("e06", "Hi, I'm writing about my internet contract. The line is registered to {full} at {street}, {plz_ort}. You can reach me on {mobile} after 6pm."),
    T("e07", "Good morning, I need to reschedule my appointment with Dr. {p2.last} on {date}. My date of birth is {dob} and my health insurance number is {kvnr}. {full}"),
    T("e08", "Hi, I'm {full}, born {dob}. I have type 1 diabetes and need a repeat prescription for insulin before I travel. Can I pick it up tomorrow? {mobile}", ("health",)),
    T("e09", "Hello, I'm pregnant (week 14) and would like to register with your practice. I've just moved to {plz_ort}. Name: {f1.full}, phone {phone}.", ("health",)),
    T("e10", "Hi, as a practising Muslim I fast during Ramadan, so could the delivery be after sunset, around 8 pm? Order {order}, address {street}, {plz_ort}. Thanks, {first}", ("religion",)),
    T("e11", "Hello, my husband and I are a gay couple and want to book the honeymoon suite from {date}. Booking name {m1.full}, email {email}.", ("sexual_orientation",)),
    T("e12", "I'm a member of ver.di and want to know whether the strike affects my shift on {date}. {full}, {mobile}", ("trade_union",)),
    T("e13", "Please remove me from your mailing list. As a Green Party member I don't want adverts for SUVs. {email}, {full}", ("political_opinion",)),
    T("e14", "Hi, I'm Roma and was refused entry to your shop in {town} yesterday. I want to file a formal complaint. {full}, {phone}", ("ethnic_origin",)),
    T("e15", "I took a genetic test at your lab which showed I carry the BRCA2 mutation. Can you send the report to {email}? Patient: {f1.full}, DOB {f1.dob}.", ("genetic", "health")),
    T("e16", "Please delete the facial recognition data you stored when I verified my account {customer}. I withdraw my consent. {full}", ("biometric",)),
    T("e17", "My tax ID (Steuer-ID) is {steuer_id} and my pension insurance number is {rvnr}. Is that all you need for payroll? {full}"),
    T("e18", "For the hotel check-in I'm asked for my passport number: {pass}. Name {full}, arriving on {date}."),
    T("e19", "Hello, I lost my German ID card, number {perso}. Do I need to tell you, since my account was opened with it? {full}, {phone}"),
    T("e20", "The password reset link doesn't work: {url_mail} just shows an error page. Can you help me get back into my account?"),
    T("e21", "Here's my LinkedIn so you can check who I am: {url_profile}. Call me on {mobile}.\nBest, {full}"),
    T("e22", "I see logins from IP {ip} on my account, that wasn't me! The account email is {email}. Please lock it right away."),
    T("e23", "Hello, I'm writing on behalf of my mother {f2.full} (born {senior_dob}), who has dementia and can no longer manage her contracts. I have power of attorney. {p1.full}, {phone}", ("health",)),
    T("e24", "Hi, please ship order {order} to my UK address: {full}, {uk_street}, {uk_town}. Phone {uk_phone}."),
    T("e25", "Hello from the US! My sister {f2.full} lives in {plz_ort} and I'd like to send her a gift card. My card is {card}, my phone {us_phone}."),
    T("e26", "Dear Sir or Madam,\n\nplease find attached the documents for the loan application.\n\nKind regards\n\n{titled}\n{street}\n{plz_ort}\nPhone: {landline}\nEmail: {email}"),
    T("e27", "hi its {full_lc} again, still waiting for the refund for {order}, my iban is {iban}"),
    T("e28", "Hello, my neighbour {f2.anrede} {f2.last} accepted my parcel but she's away until {date}. Can you resend order {order} to {street}? {p1.full}"),
    T("e29", "Dear Mr {m2.last},\nthe heating in my flat at {street} has been broken since the weekend. Please send someone as soon as possible.\nRegards,\n{full}\n{mobile}"),
    T("e31", "Hello,\nI ordered a sofa on {date} (order {order}) and the delivery company says they tried twice, but nobody rang my bell. I work from home and was in all day both times. Could you please ask them to call me before they come? My number is {mobile}. The address is {street}, {plz_ort}, second floor, name on the bell {last}.\n{sig}"),
    T("e32", "Dear Dr {f2.last},\nsince my last visit the eczema on my hands has got much worse and the cream you prescribed is not helping. I can hardly work. Could I come in this week, or could you send a new prescription to the pharmacy? I'm insured with TK, number {kvnr}.\nMany thanks,\n{full}, born {dob}", ("health",)),
    T("e33", "Hi there, I'm moving out of my flat at {street}, {plz_ort} on {date} and need to cancel my electricity contract (customer no. {customer}). Please send the final bill to my new address, {street}, {plz_ort}, and refund any credit to {iban}. Thanks a lot, {full}"),
    T("e30", "My customer number is {customer} and my new email address is {email}. Please update your records. Thanks, {anrede} {last}"),
]
NEGATIVE_EN = [
    T("en01", "Hi, my order {order} was supposed to arrive on {date}. Can you check where it is?", negative=True),
    T("en02", "Do you have a store in {town}? I'd like to pick up the [jacket|order|{product}] in person.", negative=True),
    T("en03", "Is the branch on {street_only} open on {weekday}? I want to return [a jacket|some shoes|a lamp].", negative=True),
    T("en04", "Do you deliver to {plz}? Your website says some postcodes are excluded and I can't find [a list|the details].", negative=True),
    T("en05", "How much is the {product} in [black|white|grey]? The website says {price} but the store had it for {price}.", negative=True),
    T("en06", "The app keeps crashing since version {version} whenever I open the cart. [Android 14|iOS 17|Pixel 7, Android 13].", negative=True),
    T("en07", "Tracking number {tracking} hasn't updated since {date}. Is the parcel stuck somewhere?", negative=True),
    T("en08", "Does the {percent} discount apply to [sale items|{brand} products|gift cards] as well? It isn't taken off in my basket.", negative=True),
    T("en09", "Can I book a tyre change on {date} at {time}? It's for [four winter tyres|summer tyres on alloys].", negative=True),
    T("en10", "Does [my|your partner] health insurance cover the [first aid|back pain|yoga] course? How do I sign up and what does it cost?", negative=True, near=True),
    T("en11", "Does the [Samsung Galaxy A55|iPhone 15|Apple Watch SE|Google Pixel 9] have a fingerprint sensor or only face unlock? [It isn't in the spec sheet.|I can't find it online.]", negative=True, near=True),
    T("en12", "Are you open on [Easter Monday|Whit Monday|Reformation Day] in {town}? The website doesn't say.", negative=True, near=True),
    T("en13", "The woman at the checkout was really kind [today|on {weekday}], thanks to the whole team in {town}!", negative=True),
    T("en14", "Is the [Hugo Boss suit|Tommy Hilfiger coat|Paul Hewitt bracelet] with item number {article} available in [size 52|size 48|silver]?", negative=True),
    T("en15", "Great service, the delivery arrived [a day|two days|{qty} days] early. [Thanks!|Five stars.|Will order again.] Price was fair too at {price}.", negative=True),
]
# fmt: on


def main() -> None:
    values = Values(SEED, locale="de_DE", name_locale="en_GB", name_styles=NAME_STYLES_EN)
    slots = english_slots()
    templates = POSITIVE_EN + NEGATIVE_EN
    records = generate(
        templates,
        lambda: Context(values, slots),
        "en",
        (FILLS_POSITIVE, FILLS_NEGATIVE),
        SEED,
    )
    write_jsonl(records, HERE / "en.jsonl")
    print(summary(records, templates))


if __name__ == "__main__":
    main()
