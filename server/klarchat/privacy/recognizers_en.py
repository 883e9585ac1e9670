"""Recognizers for English messages.

In English a capitalised word after "I'm" or "my wife" is nearly always a
name, so cues may vouch for more than in German; ``STOP_WORDS`` holds the
capitalised words that still show up there (nationalities, faiths, weekdays,
politeness, the words of a signature).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import (
    DeHealthInsuranceRecognizer,
    NhsRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)

from klarchat.privacy.addresses_en import EnglishAddressRecognizer
from klarchat.privacy.common import generic_recognizers
from klarchat.privacy.cued import (
    CUSTOMER_NUMBER,
    ORDER_NUMBER,
    BirthDateRecognizer,
    ReferenceNumberRecognizer,
)
from klarchat.privacy.ids_de import german_id_number_recognizers
from klarchat.privacy.names import CuedNameRecognizer, KnownFirstNameRecognizer
from klarchat.privacy.names_en import EnglishNameRecognizer
from klarchat.privacy.phones_en import PhoneShapeRecognizer
from klarchat.privacy.recognizers_de import GermanPostcodeTownRecognizer, GermanStreetRecognizer

LANGUAGE = "en"

STOP_WORDS = frozenset(
    """
    The A An And But Or Nor So Yet If Then Than When While Where What Who Whom Whose
    Which Why How Because Although Though I You He She It We They Me Him Her Us Them
    My Your His Its Our Their Mine Yours Ours Theirs This That These Those Here There
    Hi Hello Hey Dear Thanks Thank Regards Best Cheers Sincerely Kind Warm Love
    Please Sorry Yes No Not Ok OK Okay Just Also Only Still Already Again Now Today
    Tomorrow Yesterday Tonight Soon Later Mr Mrs Ms Miss Dr Sir Madam Lady Lord
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Spring Summer
    Autumn Fall Winter Christmas Easter Halloween Thanksgiving Weekend Week Month
    Year Morning Afternoon Evening Night Noon Midnight
    English British American German Canadian Australian Irish Scottish Welsh French
    Spanish Italian Indian Chinese Japanese Korean Russian Polish Turkish Dutch
    Swiss Austrian European African Asian Mexican Brazilian Catholic Christian
    Muslim Jewish Hindu Buddhist Sikh Atheist Protestant Vegan Vegetarian
    Customer Client Member Student Teacher Doctor Nurse Patient Manager Developer
    Engineer Admin Administrator Owner Tenant Landlord Parent Mom Mum Dad Mother
    Father Son Daughter Husband Wife Brother Sister Friend Boyfriend Girlfriend
    Partner Colleague Boss Neighbor Neighbour Guest Visitor User Subscriber Citizen
    Resident Employee Employer Retired Single Married Divorced Widowed Pregnant
    Disabled Diabetic Happy Sure Fine Good Great Glad Back Home Ready Done Busy
    Available Interested Unable Able Afraid Tired Sick Confused Frustrated New Old
    Team Support Service Services Sales Billing Company Inc Ltd LLC Corp Bank Shop
    Store Hotel Office Department Hospital School University College Council
    Unit Box Suite Apt Flat Studio Floor Room Building
    Street Road Avenue Lane Drive Boulevard Way Court Place Square City Town
    County State Country World Everyone Everybody All Guys Folks There Bot Chatbot
    Assistant Klarchat Order Orders Invoice Account Password Email Mail Phone
    Number Address Refund Return Delivery Package Parcel Product Item Price Payment
    Problem Question Issue Help Info Information Website Online Update Premium
    Plus Pro Prime Black Cyber Business Standard Express Google Amazon Apple
    Microsoft Facebook Instagram Twitter WhatsApp PayPal Visa Mastercard
    Martens Alexa Siri Cortana
    """.split()  # noqa: SIM905 (a word list reads better as a block)
)

_PERSON_CONTEXT = ["name", "called", "contact", "surname", "mr", "mrs", "ms"]


def _person_recognizers() -> list[EntityRecognizer]:
    def cued(name: str, cue: str, score: float, **options: object) -> CuedNameRecognizer:
        return CuedNameRecognizer(
            name=f"{name}_{LANGUAGE}",
            language=LANGUAGE,
            cue=cue,
            score=score,
            stop_words=STOP_WORDS,
            context=_PERSON_CONTEXT,
            **options,
        )

    return [
        cued(
            "EnglishNameStatement",
            r"(?<!\p{L})(?i:my[ \t]{1,3}(?:full[ \t]{1,3}|first[ \t]{1,3}|last[ \t]{1,3}|sur)?name"
            r"(?:[ \t]{1,3}is|['’]s)|i['’]?m[ \t]{1,3}called|i[ \t]{1,3}am[ \t]{1,3}called|"
            r"(?:just[ \t]{1,3}|they[ \t]{1,3})?call[ \t]{1,3}me|name['’]s)[ \t]{0,3}:?[ \t]{1,3}",
            0.85,
            lowercase=True,
        ),
        cued(
            "EnglishNameLabel",
            r"(?<!\p{L})(?i:(?:full[ \t]{1,3}|first[ \t]{1,3}|last[ \t]{1,3}|given[ \t]{1,3}|middle[ \t]{1,3}"
            r"|maiden[ \t]{1,3}|customer[ \t]{1,3}|client[ \t]{1,3}|patient[ \t]{1,3}|contact[ \t]{1,3})?name|surname|"
            r"contact(?:[ \t]{1,3}person)?|account[ \t]{1,3}holder|card[ \t]?holder|recipient|sender|"
            r"attn|attention|customer|client|patient|employee|applicant|tenant|guest|passenger|"
            r"beneficiary|policy[ \t]?holder|insured|driver|agent|rep|representative|physician|"
            r"doctor|member|spouse|parent|guardian|next[ \t]of[ \t]kin|emergency[ \t]contact|"
            r"supervisor|manager|witness|signed|signature|prepared[ \t]by|submitted[ \t]by|"
            r"requested[ \t]by|assigned[ \t]to|from|to|cc|owner|buyer|seller|landlord|caller)"
            r"[ \t]{0,3}:[ \t]{0,3}|(?<!\p{L})(?i:attn\.?|c/o)[ \t]{1,3}",
            0.85,
            lowercase=True,
        ),
        cued(
            "EnglishTitle",
            r"(?<!\p{L})(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Rev|Fr|Sr|Mstr|Master"
            r"|MR|MRS|MS|DR|Professor|Doctor|Judge|Capt|Captain|Sgt|Col|Lt|Officer|Coach"
            r"|Mister|Missus|Madam|Mme|Mlle|Señor|Señora|Sra|Herr|Frau)\.?[ \t]{1,3}",
            0.85,
        ),
        cued(
            "EnglishMention",
            r"(?<!\p{L})(?i:spoke|spoken|talked|speak|talk)[ \t]{1,3}(?i:to|with)[ \t]{1,3}"
            r"|(?<!\p{L})(?i:ask(?:ed)?[ \t]{1,3}for|signed[ \t]{1,3}by|handled[ \t]{1,3}by"
            r"|assigned[ \t]{1,3}to|according[ \t]{1,3}to|on[ \t]{1,3}behalf[ \t]{1,3}of)[ \t]{1,3}",
            0.7,
        ),
        cued(
            "EnglishSelfIntroduction",
            r"(?<!\p{L})(?i:i[ \t]{1,3}am|i['’]m)[ \t]{1,3}",
            0.6,
            lowercase=True,
        ),
        cued(
            "EnglishIntroduction",
            r"(?<!\p{L})(?i:this[ \t]{1,3}is|it['’]s|here[ \t]{1,3}is)[ \t]{1,3}",
            0.6,
            unknown_single=False,
        ),
        cued(
            "EnglishRelative",
            r"(?<!\p{L})(?i:my|our)[ \t]{1,3}(?i:son|daughter|husband|wife|partner|boyfriend|"
            r"girlfriend|fianc[ée]e?|friend|brother|sister|mother|father|mom|mum|dad|"
            r"grandma|grandpa|grandmother|grandfather|aunt|uncle|cousin|niece|nephew|"
            r"colleague|co-?worker|boss|manager|neighbou?r|roommate|flatmate|landlord|"
            r"tenant|kid|child)[ \t]{0,3},?[ \t]{1,3}",
            0.7,
        ),
        cued(
            "EnglishSalutation",
            r"(?<!\p{L})(?i:dear|hi|hello|hey)[ \t]{1,3}",
            0.7,
            trailing=r"(?=[ \t]{0,3}(?:$|[,!:]))",
        ),
        cued(
            "EnglishSignature",
            r"(?<!\p{L})(?i:(?:best|kind|warm|warmest)[ \t]{1,3}regards|regards|many[ \t]{1,3}thanks|"
            r"thanks|thank[ \t]{1,3}you|thx|cheers|best[ \t]{1,3}wishes|best|sincerely|"
            r"yours(?:[ \t]{1,3}(?:sincerely|truly|faithfully))?|love|take[ \t]{1,3}care|"
            r"all[ \t]{1,3}the[ \t]{1,3}best)[ \t]{0,3}[,!.]?[ \t]{0,3}(?:\r?\n[ \t]{0,3})?",
            0.7,
            lowercase=True,
            trailing=r"(?=[ \t]{0,3}(?:$|[,.!;)]))",
        ),
        KnownFirstNameRecognizer(language=LANGUAGE, stop_words=STOP_WORDS, context=_PERSON_CONTEXT),
        EnglishNameRecognizer(language=LANGUAGE, stop_words=STOP_WORDS, context=_PERSON_CONTEXT),
    ]


_NUMBER_WORD = r"(?:[ \t]?(?:number|no\.?|nr\.?|num\.?|id|ref\.?)|[ \t]?\#)"


def _cued_recognizers() -> list[EntityRecognizer]:
    """References and birth dates, named by the word in front of them."""
    return [
        ReferenceNumberRecognizer(
            entity=ORDER_NUMBER,
            language=LANGUAGE,
            cue=r"(?<!\p{L})(?:(?:order|invoice|shipment|tracking|return|rma|ticket|case|booking"
            rf"|reservation|confirmation|parcel|package){_NUMBER_WORD}|order|invoice|shipment"
            r"|ticket|booking|reservation)",
            context=["order", "invoice", "shipment", "tracking"],
        ),
        ReferenceNumberRecognizer(
            entity=CUSTOMER_NUMBER,
            language=LANGUAGE,
            cue=r"(?<!\p{L})(?:customer|client|account|member(?:ship)?|contract|policy|patient"
            rf"|subscriber|subscription|loyalty[ \t]card|user|reference){_NUMBER_WORD}",
            context=["customer", "account", "member", "policy", "contract"],
        ),
        BirthDateRecognizer(
            language=LANGUAGE,
            before=r"(?<!\p{L})(?:born(?:[ \t]{1,3}on)?|date[ \t]{1,3}of[ \t]{1,3}birth"
            r"|d\.?o\.?b\.?|birth[ \t]?date|birthday)",
            after=r"(?:is[ \t]{1,3}my[ \t]{1,3}(?:birthday|date[ \t]{1,3}of[ \t]{1,3}birth))",
            context=["born", "birth", "birthday", "dob", "age"],
        ),
    ]


_PHONE_CONTEXT = [
    "phone",
    "tel",
    "telephone",
    "mobile",
    "cell",
    "cellphone",
    "number",
    "call",
    "reach",
    "text",
    "whatsapp",
    "fax",
    "ph",
    "mob",
    "contact",
]
# English text comes from the US and Britain first; visitors of German sites who
# write English still give German numbers. Irish and other shapes that these
# regions miss are left to PhoneShapeRecognizer: each region costs a full
# libphonenumber scan of the message.
_PHONE_REGIONS = ("US", "GB", "DE")


def recognizers() -> list[EntityRecognizer]:
    """Every recognizer the English pipeline runs, freshly instantiated."""
    return [
        *generic_recognizers(
            LANGUAGE,
            email_context=["email", "e-mail", "mail"],
            phone_context=_PHONE_CONTEXT,
            phone_regions=_PHONE_REGIONS,
            iban_context=["iban", "account", "bank", "transfer"],
            card_context=["card", "credit", "debit", "visa", "mastercard", "amex"],
            ip_context=["ip", "address", "server"],
            url_context=["url", "website", "site", "link", "homepage"],
        ),
        PhoneShapeRecognizer(language=LANGUAGE, context=_PHONE_CONTEXT),
        *_person_recognizers(),
        *_cued_recognizers(),
        EnglishAddressRecognizer(
            language=LANGUAGE,
            stop_words=STOP_WORDS,
            context=["address", "live", "lives", "moved", "ship", "deliver", "street", "zip"],
        ),
        UsSsnRecognizer(supported_language=LANGUAGE),
        UkNinoRecognizer(supported_language=LANGUAGE),
        NhsRecognizer(supported_language=LANGUAGE),
        # Visitors of German sites who write English still live at German addresses
        # and carry German documents.
        GermanStreetRecognizer(LANGUAGE),
        GermanPostcodeTownRecognizer(LANGUAGE),
        *german_id_number_recognizers(LANGUAGE),
        DeHealthInsuranceRecognizer(supported_language=LANGUAGE),
    ]
