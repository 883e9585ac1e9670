"""Recognizers for German messages.

German capitalises every noun, so a capitalised word proves little: the name
cues below say how much each cue may vouch for, and ``STOP_WORDS`` lists the
capitalised words people actually put after "ich bin", "Frau" or a postcode
that are not names or towns.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import EntityRecognizer, Pattern
from presidio_analyzer.predefined_recognizers import (
    DeBsnrRecognizer,
    DeFuehrerscheinRecognizer,
    DeHealthInsuranceRecognizer,
    DeKfzRecognizer,
    DeLanrRecognizer,
    DePlzRecognizer,
    DeTaxNumberRecognizer,
    DeVatIdRecognizer,
)

from klarchat.privacy.common import AddressRecognizer, generic_recognizers
from klarchat.privacy.cued import (
    CUSTOMER_NUMBER,
    ORDER_NUMBER,
    BirthDateRecognizer,
    ReferenceNumberRecognizer,
)
from klarchat.privacy.ids_de import german_id_number_recognizers
from klarchat.privacy.names import CuedNameRecognizer, KnownFirstNameRecognizer
from klarchat.privacy.ner_de import GermanNameModelRecognizer
from klarchat.privacy.towns_de import GermanTownRecognizer

LANGUAGE = "de"

STOP_WORDS = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Und Oder Aber Doch
    Denn Weil Wenn Dass Als Wie Was Wer Wo Wann Warum Wieso Weshalb Welche Welcher
    Welches Ich Du Er Sie Es Wir Ihr Mein Meine Meinen Meinem Meiner Dein Deine
    Sein Seine Unser Unsere Euer Eure Ihre Ihren Ihrem Ihrer Ihres Ihnen Dich Dir
    Mich Mir Uns Euch Ihn Ihm Man Jemand Niemand Alle Alles Viele Vielen Einige
    Manche Jeder Jede Jedes Kein Keine Nicht Nichts Noch Schon Auch Nur Sehr Bitte
    Danke Dankeschön Ja Nein Hallo Hi Hey Moin Servus Tschüss Ciao Guten Gute Guter
    Liebe Lieber Liebes Geehrte Geehrter Herzliche Herzlichen Beste Besten
    Freundliche Freundlichen Schöne Schönen Schön Grüße Grüßen Gruß Dank Hier Da
    Dort Heute Morgen Gestern Übermorgen Jetzt Gerade Bald Später Leider Gerne Gern
    Okay Ok Super Toll Prima Klar Also So Dann Danach Vorher Nachher Zuerst
    Außerdem Trotzdem Deshalb Deswegen Darum Mit Ohne Für Gegen Bei Von Vom Zum
    Zur Zu Im In Am An Auf Aus Nach Vor Über Unter Neben Zwischen Hinter Seit Bis
    Ab Durch Um Wegen Laut Per Pro Ist Sind War Waren Bin Bist Hat Habe Hast Haben
    Hatte Kann Können Könnte Muss Müssen Soll Sollte Will Wollen Würde Möchte
    Gibt Geht Wird Werden Wurde Kommt Macht
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar
    Jänner Februar März April Mai Juni Juli August September Oktober November
    Dezember Anfang Mitte Ende Woche Wochen Wochenende Monat Monate Monaten Jahr
    Jahre Jahren Tag Tage Tagen Stunde Stunden Minute Minuten Sekunden Uhr Abend
    Mittag Nachmittag Vormittag Nacht Frühling Sommer Herbst Winter Weihnachten
    Ostern Pfingsten Silvester Neujahr Feiertag Urlaub Feierabend
    Kunde Kundin Kunden Neukunde Neukundin Stammkunde Stammkundin Mitglied Student
    Studentin Schüler Schülerin Rentner Rentnerin Lehrer Lehrerin Arzt Ärztin
    Doktor Professor Professorin Patient Patientin Mitarbeiter Mitarbeiterin
    Kollege Kollegin Chef Chefin Inhaber Inhaberin Besitzer Besitzerin Vermieter
    Vermieterin Mieter Mieterin Eigentümer Eigentümerin Anfänger Anfängerin
    Vegetarier Vegetarierin Veganer Veganerin Mutter Vater Mama Papa Eltern Sohn
    Tochter Kind Kinder Mann Frau Herr Herrn Damen Herren Dame Ehemann Ehefrau
    Partner Partnerin Freund Freundin Bruder Schwester Oma Opa Großmutter Großvater
    Onkel Tante Nachbar Nachbarin Gast Besucher Nutzer Nutzerin Benutzer Abonnent
    Abonnentin Bürger Einwohner Bewohner Azubi Praktikant Praktikantin Ingenieur
    Ingenieurin Entwickler Entwicklerin Manager Managerin Admin Administrator
    Direktor Direktorin Geschäftsführer Geschäftsführerin Vorstand Leiter Leiterin
    Verkäufer Verkäuferin Händler Unternehmer Unternehmerin Selbstständiger
    Freiberufler Freiberuflerin Beamter Beamtin Soldat Polizist Polizistin Anwalt
    Anwältin Notar Steuerberater Berater Beraterin Single Fan Mensch Menschen
    Person Personen Leute Team Support Service Kundenservice Kundendienst Firma
    Unternehmen Abteilung Bank Sparkasse Shop Laden Geschäft Hotel Praxis Klinik
    Krankenhaus Schule Universität Uni Amt Behörde Gericht Polizei Apotheke Kanzlei
    Redaktion Verwaltung Hausverwaltung Werkstatt Filiale Zentrale Gemeinde Verein
    Oetker Martens Hauschka
    Deutscher Deutsche Deutschen Österreicher Österreicherin Schweizer Schweizerin
    Berliner Berlinerin Hamburger Münchner Kölner Frankfurter Brite Britin
    Engländer Engländerin Amerikaner Amerikanerin Franzose Französin Italiener
    Italienerin Spanier Spanierin Türke Türkin Pole Polin Russe Russin Grieche
    Griechin Ausländer Ausländerin Europäer Europäerin Christ Christin Katholik
    Katholikin Protestant Protestantin Muslim Muslimin Jude Jüdin Atheist
    Bestellung Bestellungen Lieferung Paket Pakete Rechnung Zahlung Rückgabe
    Retoure Umtausch Produkt Produkte Artikel Ware Preis Problem Frage Fragen
    Antwort Hilfe Info Information Informationen Nummer Kundennummer Bestellnummer
    Adresse Email Mail Telefon Handy Konto Passwort Account Login Seite Website
    Homepage App Link Newsletter Datenschutz Termin Ticket Vertrag Kündigung
    Angebot Gutschein Rabatt Versand Lieferzeit Stück Stk Euro Eur EUR Cent
    Dollar Franken Pfund Prozent Zeit Sache Ding Dinge Teil Teile Hause Zuhause
    Stadt Land Ort Deutschland Österreich Schweiz Europa Internet Computer Laptop
    Smartphone Fernseher Gerät Geräte Auto Wagen Fahrrad Wohnung Haus Zimmer Geld
    Kosten Gebühr Gebühren Fehler Nachricht Nachrichten Grund Sorge Ahnung Recht
    Lust Angst Glück Pech Hunger Durst Schmerzen Anliegen Bescheid Rückmeldung
    Rückruf Exemplare Exemplar Punkte Mal Einheiten Seiten Zeichen Wörter Bytes
    Meter Kilometer Kilo Gramm Liter Bewertungen Sterne Follower Likes Aufrufe
    Stimmen Schritte Kalorien Volt Watt Bestellungen Mitarbeitende Tickets
    Thanks Thank Sorry Hello Dear Best Regards Cheers Online Update Premium Plus
    Black Friday Cyber Monday Business Standard Express Prime Bot Chatbot
    Assistent Assistentin Assistant Klarchat Zusammen Welt Dr Prof Dipl Hr Fr
    Med Ing
    """.split()  # noqa: SIM905 (a word list reads better as a block)
)

# Endings of one-word street names ("Lindenweg"). Endings that also close
# everyday nouns ("Kopfzeile", "Firewall", "Supermarkt") are left out.
_COMPOUND_ENDINGS = (
    r"stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad"
    r"|stieg|graben|kamp|promenade|twiete"
)
_STREET_NOUNS = (
    r"Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer|Chaussee|Steig"
    r"|Pfad|Markt|Graben|Wall|Kamp|Promenade|Zeile|Kai"
)
_HOUSE_NUMBER = (
    r"\d{1,4}(?:[ ]?[a-zA-Z](?![\p{L}\d]))?"
    r"(?:[ ]?[-–/][ ]?\d{1,4}(?:[a-zA-Z](?![\p{L}\d]))?)?"
    r"(?![\d,.]\d)"
    r"(?![ \t]{0,3}(?:€|%|(?i:euro|eur|uhr|stück|stk|km|kg|mal|prozent|minuten|tage|jahre)\b))"
)
_CAPITALISED_WORD = r"\p{Lu}[\p{Ll}ß]+(?:-\p{Lu}?[\p{Ll}ß]+)*"
_STREET_ADJECTIVES = (
    r"(?:Alte|Neue|Große|Kleine|Lange|Hohe|Breite|Obere|Untere|Hintere|Vordere|Innere|Äußere"
    r"|Krumme|Schöne|Grüne|Rote|Weiße|Schwarze)[nrs]?"
)
_FIRST_WORD_AFTER_NUMBER_OR_PREPOSITION = regex.compile(
    r"^(?:\D*?\d+[ \t]{1,3}|(?:Am|Im|Zum|Zur|Beim|Alt|An|Auf|In|Unter|Hinter|Vor)[ \t]{1,3}"
    rf"(?:(?:der|den|dem)[ \t]{{1,3}})?|{_STREET_ADJECTIVES}[ \t]{{1,3}})(\p{{Lu}}[\p{{Ll}}ß]+)"
)


def _starts_with_stop_word(pattern_text: str) -> bool:
    """Is the word after a postcode or a leading preposition a common noun?

    "Am Montag 3", "12345 Artikel": the shape of an address, the words of an
    order. Checked here rather than inside the patterns, where the stop list
    would have to be compiled into every one of them.
    """
    match = _FIRST_WORD_AFTER_NUMBER_OR_PREPOSITION.match(pattern_text)
    return bool(match) and match.group(1) in STOP_WORDS


class GermanStreetRecognizer(AddressRecognizer):
    """Street and house number, in the shapes German addresses are written in.

    A house number is required: "in der Hauptstraße" alone names a street, not
    somebody's home, and without the number the false positives would outweigh
    what is gained.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "Compound street (Hauptstraße 5, Karl-Marx-Allee 90, Alte Jakobstr. 3)",
            rf"(?<![\p{{L}}\p{{N}}-])(?:\p{{Lu}}\p{{Ll}}+(?:er|e|es|en)[ \t]{{1,3}})?"
            rf"\p{{Lu}}[\p{{L}}-]*?(?i:{_COMPOUND_ENDINGS})[ \t]{{0,3}}{_HOUSE_NUMBER}",
            0.75,
        ),
        Pattern(
            "Street typed in lower case (bahnhofstr 3, birkenweg 2d, kurfürstendamm 93)",
            r"(?<![\p{L}\p{N}-])\p{Ll}[\p{Ll}-]*?(?:stra(?:ß|ss)e|str\.?|allee|gasse|weg|damm|ring"
            r"|platz|ufer|chaussee|pfad|steig)"
            rf"[ \t]{{0,3}}{_HOUSE_NUMBER}",
            0.65,
        ),
        Pattern(
            "Two-word street (Berliner Str. 12a, Alte Gasse 3)",
            rf"(?<![\p{{L}}\p{{N}}-]){_CAPITALISED_WORD}[ \t]{{1,3}}"
            rf"(?:{_STREET_NOUNS})[ \t]{{0,3}}{_HOUSE_NUMBER}",
            0.75,
        ),
        Pattern(
            "Adjective and noun (Lange Reihe 15, Große Bleichen 1a, Neuer Wall 10)",
            rf"(?<![\p{{L}}\p{{N}}-]){_STREET_ADJECTIVES}[ \t]{{1,3}}"
            rf"{_CAPITALISED_WORD}[ \t]{{1,3}}{_HOUSE_NUMBER}",
            0.6,
        ),
        Pattern(
            "Street with article (Straße des 17. Juni 4, Platz der Republik 1)",
            r"(?<![\p{L}\p{N}-])(?:Straße|Strasse|Platz|Allee|Weg|Ring)[ \t]{1,3}"
            rf"(?:des|der|am|an[ \t]{{1,3}}der|zum|zur)[ \t]{{1,3}}(?:\d{{1,2}}\.[ \t]{{1,3}})?"
            rf"{_CAPITALISED_WORD}(?:[ \t]{{1,3}}{_CAPITALISED_WORD})?[ \t]{{1,3}}{_HOUSE_NUMBER}",
            0.75,
        ),
        Pattern(
            "Preposition street (Am Lindenweg 3, Unter den Linden 77, Im Winkel 2)",
            r"(?<![\p{L}\p{N}-])(?:Am|Im|Zum|Zur|Beim|Alt|An[ \t]{1,3}der|An[ \t]{1,3}den|"
            r"An[ \t]{1,3}dem|Auf[ \t]{1,3}der|Auf[ \t]{1,3}dem|Auf[ \t]{1,3}den|In[ \t]{1,3}der|In[ \t]{1,3}den|"
            r"Unter[ \t]{1,3}den|Hinter[ \t]{1,3}der|Hinter[ \t]{1,3}dem|Vor[ \t]{1,3}dem|Vor[ \t]{1,3}der)[ \t]{1,3}"
            rf"{_CAPITALISED_WORD}(?:[ \t]{{1,3}}{_CAPITALISED_WORD})?"
            rf"[ \t]{{1,3}}{_HOUSE_NUMBER}(?![ \t]{{1,3}}\p{{Lu}}\p{{Ll}})",
            0.6,
        ),
    ]

    CONTEXT: ClassVar[list[str]] = [
        "adresse",
        "anschrift",
        "wohne",
        "wohnen",
        "wohnt",
        "straße",
        "strasse",
        "lieferadresse",
        "rechnungsadresse",
        "lieferanschrift",
        "hausnummer",
        "wohnhaft",
        "umgezogen",
        "liefern",
        "schicken",
    ]

    def invalidate_result(self, pattern_text: str) -> bool:
        """Reject "Am Montag 3" and its kind."""
        return _starts_with_stop_word(pattern_text)


class GermanPostcodeTownRecognizer(AddressRecognizer):
    """Postcode followed by a town: "10115 Berlin", "A-1010 Wien", "CH-8001 Zürich".

    A bare five-digit number is far more often an order or article number, so
    a capitalised town-like word must follow, and numbers introduced as "Nr."
    or "#" are left alone. Austrian and Swiss four-digit codes need their
    country prefix, as four digits and a capitalised noun ("2023 Umsatz") are
    too common in German.
    """

    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "Postcode and town",
            r"(?<![\p{L}\p{N}.,/#-])"
            r"(?<!(?i:nr|nummer|no|number|id|nummern)\.?[ \t]{0,3}:?[ \t]{0,3})"
            r"(?:(?:D|DE)[- ]?)?(?!01000|99999)(?:0[1-9]\d{3}|[1-9]\d{4})"
            rf"[ \t]{{1,3}}{_CAPITALISED_WORD}"
            rf"(?:[ \t]{{1,3}}(?:am|an[ \t]{{1,3}}der|im|in[ \t]{{1,3}}der|ob[ \t]{{1,3}}der|bei|vor[ \t]{{1,3}}der)[ \t]{{1,3}}"
            rf"{_CAPITALISED_WORD}|\s*\({_CAPITALISED_WORD}\))?",
            0.6,
        ),
        Pattern(
            "Austrian or Swiss postcode and town",
            rf"(?<![\p{{L}}\p{{N}}-])(?:A|AT|CH)-\d{{4}}[ \t]{{1,3}}{_CAPITALISED_WORD}",
            0.7,
        ),
    ]

    CONTEXT: ClassVar[list[str]] = [
        *GermanStreetRecognizer.CONTEXT,
        "plz",
        "postleitzahl",
        "ort",
        "wohnort",
    ]

    def invalidate_result(self, pattern_text: str) -> bool:
        """Reject "12345 Artikel" and its kind."""
        return _starts_with_stop_word(pattern_text)


_PERSON_CONTEXT = ["name", "heiße", "heisse", "vorname", "nachname", "ansprechpartner"]


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

    line_end = r"(?=[ \t]{0,3}(?:$|[,.!;)]))"
    return [
        cued(
            "GermanNameStatement",
            r"(?<!\p{L})(?i:ich[ \t]{1,3}hei(?:ß|ss)e|mein[ \t]{1,3}(?:vor|nach|familien)?name"
            r"[ \t]{1,3}(?:ist|lautet)|man[ \t]{1,3}nennt[ \t]{1,3}mich|nenn(?:t|en)?[ \t]{1,3}mich)[ \t]{0,3}:?[ \t]{1,3}",
            0.85,
            lowercase=True,
        ),
        cued(
            "GermanNameLabel",
            r"(?<!\p{L})(?i:(?:vor|nach|familien|vor-[ \t]?und[ \t]{1,3}nach)?name|"
            r"ansprechpartner(?:in)?|kontaktperson|absender|empfänger|"
            r"(?:konto|karten)?inhaber(?:in)?)[ \t]{0,3}:[ \t]{0,3}"
            r"|(?<!\p{L})(?i:z\.[ \t]?hd\.?|zu[ \t]{1,3}händen|c/o)[ \t]{1,3}",
            0.85,
            lowercase=True,
        ),
        cued(
            "GermanTitle",
            r"(?<!\p{L})(?:Herrn?|Frau|Fräulein|Familie|Hr\.|Fr\.|Dr\.?|Prof\.?)"
            r"(?:[ \t]{1,3}(?:Dr\.|Prof\.|med\.|rer\.[ \t]?nat\.|Dipl\.-\p{L}+\.?)){0,3}[ \t]{1,3}",
            0.85,
        ),
        cued(
            "GermanSelfIntroduction",
            r"(?<!\p{L})(?i:(?:ich[ \t]{1,3})?bin|hier[ \t]{1,3}(?:ist|spricht|schreibt)|"
            r"das[ \t]{1,3}ist)(?:[ \t]{1,3}(?i:der|die))?[ \t]{1,3}",
            0.6,
            unknown_single=False,
            lowercase=True,
        ),
        cued(
            "GermanRelative",
            r"(?<!\p{L})(?i:mein(?:e[mnrs]?)?|unser(?:e[mnrs]?)?)[ \t]{1,3}"
            r"(?i:sohn|tochter|mann|ehemann|frau|ehefrau|partner(?:in)?|freund(?:in)?|"
            r"bruder|schwester|mutter|vater|mama|papa|oma|opa|enkel(?:in)?|kind|"
            r"kollege|kollegin|chef(?:in)?|nachbar(?:in)?|cousine?|neffe|nichte|onkel|"
            r"tante|schwager|schwägerin|verlobte[nr]?)[ \t]{0,3},?[ \t]{1,3}",
            0.7,
            unknown_single=False,
        ),
        cued(
            "GermanSalutation",
            r"(?<!\p{L})(?i:hallo|hi|hey|moin|servus|liebe[rs]?)[ \t]{1,3}",
            0.7,
            trailing=r"(?=[ \t]{0,3}(?:$|[,!:]))",
        ),
        cued(
            "GermanSignature",
            r"(?<!\p{L})(?i:(?:viele|liebe|beste|herzliche|freundliche|schöne|sonnige|nette)"
            r"[ \t]{1,3}grü(?:ß|ss)e|mit[ \t]{1,3}(?:freundlichen|besten|lieben|herzlichen)[ \t]{1,3}"
            r"grü(?:ß|ss)en|grü(?:ß|ss)e|gru(?:ß|ss)|lg|vg|mfg|bg|danke|vielen[ \t]{1,3}dank|"
            r"tschüss?|ciao|bis[ \t]{1,3}(?:bald|dann))[ \t]{0,3}[,!.]?[ \t]{0,3}(?:\r?\n[ \t]{0,3})?",
            0.7,
            lowercase=True,
            trailing=line_end,
        ),
        KnownFirstNameRecognizer(language=LANGUAGE, stop_words=STOP_WORDS, context=_PERSON_CONTEXT),
    ]


def _german_id_recognizers() -> list[EntityRecognizer]:
    """Checksum-validated German identifiers, plus plates and postcodes.

    Identity-card and passport numbers come from :mod:`klarchat.privacy.ids_de`
    rather than Presidio, whose patterns take the ninth character for a check digit.
    """
    plates = DeKfzRecognizer(supported_language=LANGUAGE)
    # Plates are upper case; matched case-insensitively, "ist um 5" looks like one.
    plates.global_regex_flags = regex.MULTILINE
    return [
        *german_id_number_recognizers(LANGUAGE),
        DeTaxNumberRecognizer(supported_language=LANGUAGE),
        DeHealthInsuranceRecognizer(supported_language=LANGUAGE),
        DeFuehrerscheinRecognizer(supported_language=LANGUAGE),
        DeVatIdRecognizer(supported_language=LANGUAGE),
        DeLanrRecognizer(supported_language=LANGUAGE),
        DeBsnrRecognizer(supported_language=LANGUAGE),
        DePlzRecognizer(supported_language=LANGUAGE, supported_entity="LOCATION"),
        plates,
    ]


_NUMBER_WORD = r"(?:-?numm?er|-?nr\.?|-?no\.?|-?id)"
# Compounds count too: "Flugbuchung", "Online-Bestellnummer", "Vielfliegerkonto".
_COMPOUND = r"(?<![\p{L}\d-])[\p{L}-]{0,20}?"


def _cued_recognizers() -> list[EntityRecognizer]:
    """References and birth dates, named by the word in front of them."""
    return [
        ReferenceNumberRecognizer(
            entity=ORDER_NUMBER,
            language=LANGUAGE,
            cue=rf"{_COMPOUND}(?:(?:bestell|auftrags?|rechnungs?|lieferschein|sendungs?|retouren?"
            r"|reklamations?|storno|vorgangs?|ticket|order|paket|tracking|buchungs?)"
            rf"{_NUMBER_WORD}|(?:bestellung|auftrag|rechnung|retoure|sendung|lieferung"
            r"|reklamation|vorgang|ticket|order|buchung|paket)"
            rf"(?:[ \t]{{1,3}}(?:nr\.?|nummer|no\.?))?)",
            context=["bestellung", "bestellnummer", "auftrag", "rechnung", "sendung"],
        ),
        ReferenceNumberRecognizer(
            entity=CUSTOMER_NUMBER,
            language=LANGUAGE,
            cue=rf"{_COMPOUND}(?:(?:kunden|kd\.?|mitglieds|mitglieder|vertrags|versicherungs"
            r"(?:schein)?|versicherten|policen|patienten|zähler|abo|mandats|konto|nutzer"
            rf"|benutzer|referenz){_NUMBER_WORD}|konto|police|kd\.?)",
            context=["kunde", "kundin", "kundennummer", "vertrag", "versicherung"],
        ),
        BirthDateRecognizer(
            language=LANGUAGE,
            before=r"(?<!\p{L})(?:geboren|geb\.|geb(?=[ \t]{1,3}\d)|geburtsdatum|geb\.-?datum"
            r"|geburtstag|geburtsdatums)",
            after=r"geboren(?!\p{L})",
            context=["geboren", "geburtsdatum", "geburtstag", "alter"],
        ),
    ]


def recognizers() -> list[EntityRecognizer]:
    """Every recognizer the German pipeline runs, freshly instantiated."""
    return [
        *generic_recognizers(
            LANGUAGE,
            email_context=["email", "e-mail", "mail", "mailadresse", "e-mail-adresse"],
            phone_context=[
                "telefon",
                "tel",
                "telefonnummer",
                "tel.-nr",
                "handy",
                "handynummer",
                "mobil",
                "mobilnummer",
                "rufnummer",
                "festnetz",
                "nummer",
                "erreichbar",
                "anrufen",
                "rückruf",
                "whatsapp",
                "fax",
            ],
            iban_context=["iban", "konto", "kontonummer", "bankverbindung", "überweisung"],
            card_context=["kreditkarte", "karte", "kartennummer", "visa", "mastercard", "amex"],
            ip_context=["ip", "ip-adresse", "adresse", "server"],
            url_context=["url", "website", "webseite", "link", "homepage", "seite"],
        ),
        *_person_recognizers(),
        GermanNameModelRecognizer(stop_words=STOP_WORDS),
        *_cued_recognizers(),
        GermanStreetRecognizer(LANGUAGE),
        GermanPostcodeTownRecognizer(LANGUAGE),
        GermanTownRecognizer(LANGUAGE),
        *_german_id_recognizers(),
    ]
