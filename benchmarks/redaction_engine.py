"""Latency of ``Redactor.redact`` on ~300-character chat messages.

Prints p50 and p95 in milliseconds per message for German and English, after
a warm-up that is not measured. Run from the repository root:

    PYTHONPATH=server python benchmarks/redaction_engine.py
"""

from __future__ import annotations

import statistics
import time

from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault

MESSAGES = {
    "de": [
        "Hallo, ich heiße Katharina Lehmann und habe am 3. März eine Bestellung "
        "aufgegeben (Bestellnummer 100045872). Bitte liefern Sie an die Goethestraße "
        "14b, 04109 Leipzig. Erreichbar bin ich unter 0176 98765432 oder per E-Mail "
        "an k.lehmann@example.de. Die Zahlung kam von DE89 3704 0044 0532 0130 00. "
        "Viele Grüße, Katharina",
        "Guten Tag, mein Mann Jens und ich möchten unser Abo kündigen. Wir sind seit "
        "zwölf Jahren Kunden und waren immer zufrieden, aber die Preise sind zuletzt "
        "stark gestiegen. Bitte bestätigen Sie die Kündigung zum Monatsende und "
        "schicken Sie die Bestätigung an Herrn Jens Bauer, Am Lindenweg 3, 79100 "
        "Freiburg. Danke und schöne Grüße!",
        "Ich habe eine Frage zur Lieferung: Das Paket mit dem Ladekabel kam "
        "beschädigt an, der Karton war nass und das Kabel funktioniert nicht. "
        "Greift hier die Garantie, oder muss ich das Gerät einschicken? Der Artikel "
        "hat 49,99 € gekostet und wurde am 05.10.2024 geliefert. Fotos kann ich "
        "gerne nachreichen, sagen Sie mir nur wohin.",
    ],
    "en": [
        "Hi, my name is Olivia Bennett and I placed an order on March 3rd (order "
        "#100045872). Please ship it to 42 Maple Drive, Austin, TX 78701. You can "
        "reach me on +1 415-555-0132 or olivia.bennett@example.com. I paid from "
        "GB82 WEST 1234 5698 7654 32 by bank transfer. Kind regards, Olivia Bennett",
        "Hello, my husband Raj and I would like to cancel our subscription. We have "
        "been customers for twelve years and were always happy, but prices went up "
        "a lot recently. Please confirm the cancellation at the end of the month "
        "and send the letter to Mr Raj Patel, 17 Elm Grove, Leeds LS6 2AB. Thanks!",
        "I have a question about my delivery: the parcel with the charging cable "
        "arrived damaged, the box was wet and the cable does not work at all. Is "
        "this covered by the warranty, or do I need to send the device back? It "
        "cost $49.99 and was delivered on 05/10/2024. I can send photos if needed.",
    ],
}
WARM_UP = 20
ROUNDS = 100


def measure(redactor: Redactor, language: str) -> list[float]:
    messages = MESSAGES[language]
    for index in range(WARM_UP):
        redactor.redact(messages[index % len(messages)], language, Vault())
    timings = []
    for index in range(ROUNDS):
        message = messages[index % len(messages)]
        start = time.perf_counter()
        redactor.redact(message, language, Vault())
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    redactor = Redactor(languages=tuple(MESSAGES))
    for language in MESSAGES:
        timings = measure(redactor, language)
        cuts = statistics.quantiles(timings, n=100)
        length = round(statistics.mean(len(m) for m in MESSAGES[language]))
        print(f"{language} chars={length} p50_ms={cuts[49]:.2f} p95_ms={cuts[94]:.2f}")


if __name__ == "__main__":
    main()
