"""English messages written the way strangers write them: support chats, e-mails with
signatures, CRM exports, lower case and typos, names of many origins.

Every message here is synthetic, written for these tests; no real person is named.
They are development examples for the English recognizers (addresses_en,
names_en, phones_en, cards), not a held-out set.
"""

import pytest

from klarchat.privacy.addresses_en import EnglishAddressRecognizer
from klarchat.privacy.names_en import EnglishNameRecognizer
from klarchat.privacy.recognizers_en import STOP_WORDS
from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault


@pytest.fixture(scope="module")
def redactor():
    return Redactor(languages=("en",))


def assert_gone(redactor, text: str, *values: str) -> dict[str, int]:
    result = redactor.redact(text, "en", Vault())
    for value in values:
        for part in value.split():
            assert part not in result.text, f"{part!r} of {value!r} survived in {result.text!r}"
    return result.entities


ADDRESSES = [
    "1600 Pennsylvania Ave NW, Washington, DC 20500",
    "00820 Patrick Track Suite 748\nPort Amberview, CT 32558",
    "7019 Giles Points\nWilliammouth, PW 62525",
    "361 Kristen Locks Apt. 546\nNorth Thomas, CT 43829",
    "4 Quarry Hollow Turnpike, Unit 4, Lexington, KY 40502-1234",
    "55 Old Mill Crossing #5, Plano TX 75024",
    "12 W 42nd St, New York, NY 10036",
    "PO Box 4417, Boise, ID 83701",
    "P.O. Box 12\nSanta Fe, New Mexico 87501",
    "Unit 7645 Box 2112\nDPO AE 41675",
    "221B Baker Street, London NW1 6XE",
    "Flat 3, 12 High St, Leeds LS1 4DY",
    "Flat 83\nMcDonald Ridge\nNew Sarah\nTA12 1WR",
    "Rose Cottage, Mill Lane\nLittle Snoring NR21 0AB",
    "9 Ashgrove Close, Bishop's Stortford, CM23 4QQ",
    "12 Main Street, Ennis, Co. Clare, V95 H2X7",
    "Apartment 4B, 18 Harcourt Terrace, Dublin 2, D02 X285",
    "3 Seaview Heights, Salthill, Galway H91 C9K2, Ireland",
    "77 Cedar Commons Pike\nApt 12B\nFranklin, Tennessee 37064\nUSA",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_is_removed_whole_and_counted_once(redactor, address):
    text = f"Hi, please update my shipping address to:\n{address}\nThanks!"
    entities = assert_gone(redactor, text, address.replace(",", " "))
    assert entities.get("LOCATION") == 1


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("I moved to 38 Elm Grove in Bristol last month", "38 Elm Grove in Bristol"),
        ("we're at 14 Willow Run apt 3 now, same phone", "14 Willow Run apt 3"),
        ("deliver to 9 Hawthorn Village, thanks", "9 Hawthorn Village"),
        ("new addr: 45 kings road, cheers", "45 kings road"),
        (
            "send it to 0042 Ferry Viaduct, Oakdale, MN 55128 pls",
            "0042 Ferry Viaduct, Oakdale, MN 55128",
        ),
    ],
)
def test_addresses_in_running_text(text, address):
    recognizer = EnglishAddressRecognizer(language="en", stop_words=STOP_WORDS, context=[])
    assert [text[r.start : r.end] for r in recognizer.analyze(text, [])] == [address]


NAMES = [
    ("I spoke with Chukwuemeka Okafor yesterday about the refund.", "Chukwuemeka Okafor"),
    ("Please forward this to Priya Natarajan in accounts.", "Priya Natarajan"),
    ("Can Abayomi Adegbite call me back?", "Abayomi Adegbite"),
    ("the account belongs to Nguyễn Thị Lan, my mother", "Nguyễn Thị Lan"),
    ("Customer: Kowalczyk, Agnieszka\nOrder: 55812", "Kowalczyk, Agnieszka"),
    ("NAME: SIOBHAN O'SULLIVAN\nDOB: 04/11/1979", "SIOBHAN O'SULLIVAN"),
    ("ALICIA MORENO\n12 Oak Road", "ALICIA MORENO"),
    ("Is Tom's order ready?", "Tom"),
    ("Last visit by Candice Williams DVM on Monday.", "Candice Williams DVM"),
    ("Thanks,\nZhang Wei\nProcurement, Acme Ltd", "Zhang Wei"),
    ("regards, aisling", "aisling"),
    ("I talked to Mrs Adeyemi on the phone", "Adeyemi"),
    ("Dear Mr. Fitzgerald,\nyour parcel has arrived.", "Fitzgerald"),
    ("Ticket assigned to Rahul Deshpande, priority high", "Rahul Deshpande"),
    ("Hi, it's Mohammed Al-Rashid again, any news?", "Mohammed Al-Rashid"),
    ("Emergency contact: Maria Fernanda Ruiz (sister)", "Maria Fernanda Ruiz"),
    ("Hey Dmitri, thanks for the quick reply", "Dmitri"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_names_of_any_origin_are_removed(redactor, text, name):
    assert "PERSON" in assert_gone(redactor, text, name.replace(",", ""))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I spoke with Chukwuemeka Okafor yesterday", "Chukwuemeka Okafor"),
        ("Kowalczyk, Agnieszka", "Kowalczyk, Agnieszka"),
        ("ALICIA MORENO ordered twice", "ALICIA MORENO"),
        ("Candice Williams DVM", "Candice Williams DVM"),
        ("was it Ngozi Njoku or someone else", "Ngozi Njoku"),
    ],
)
def test_name_pairs_without_a_cue(text, name):
    recognizer = EnglishNameRecognizer(language="en", stop_words=STOP_WORDS, context=[])
    assert name in [text[r.start : r.end] for r in recognizer.analyze(text, [])]


@pytest.mark.parametrize(
    "text",
    [
        "59 Bryan Okafor Street",  # a street named after a person
        "I love my Ted Baker coat",
        "The New York office is closed",
        "Please send the Customer Service Team a note",
    ],
)
def test_streets_brands_and_phrases_are_not_names(text):
    recognizer = EnglishNameRecognizer(language="en", stop_words=STOP_WORDS, context=[])
    assert recognizer.analyze(text, []) == []


NEGATIVES = [
    "Do you ship to Northern Ireland, and how long does it take?",
    "My Dr Martens boots split after two weeks, can I return them?",
    "Is the John Lewis gift card accepted in your store?",
    "I bought the Ted Baker dress in size 10 but it is too small.",
    "What time does the Oxford Street branch close on Sundays?",
    "Can I pay with Apple Pay or Google Pay?",
    "The Samsung Galaxy S24 keeps restarting after the update.",
    "Your website says free delivery over £50 but I was charged £4.99.",
    "Is the Dyson Airwrap back in stock?",
    "hi is the grey hoodie available in XL? thx",
    "I ordered 3 Green Tea packs and got 2.",
    "How do I reset my password? The link in the email expired.",
    "The package was left at the front door in the rain.",
    "Do you have any stores in Manchester or Liverpool?",
    "Can I collect from the Bristol Cabot Circus shop?",
    "The Nespresso Vertuo pods are out of stock again.",
    "Happy New Year! Are you open on January 2nd?",
    "Is there a student discount for Black Friday?",
    "I need the invoice for tax purposes, VAT number included please.",
    "Will the Premier League kits be restocked before Christmas?",
    "My order arrived damaged, the box was crushed on one side.",
    "Does the Ring Video Doorbell work with Alexa?",
    "I'd like to cancel my subscription at the end of the month.",
    "Are the Levi's 501 jeans true to size?",
    "Can you deliver to a parcel locker near Kings Cross?",
    "The tracking page says Out For Delivery since yesterday.",
    "Is the Le Creuset casserole dish oven safe up to 260 degrees?",
    "I want to swap the Harry Potter box set for the Lord of the Rings one.",
    "Do you price match Currys or Argos?",
    "We are a small charity in West Yorkshire looking for a bulk discount.",
]


def test_few_messages_without_personal_data_are_altered(redactor):
    altered = [t for t in NEGATIVES if redactor.redact(t, "en", Vault()).text != t]
    assert len(altered) <= len(NEGATIVES) // 10, altered
