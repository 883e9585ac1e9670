"""Redaction latency per message, and messages per second through the whole pipeline.

    python benchmarks/redaction.py [--messages 200] [--clients 50]

Part 1 times `Redactor.redact` in this process on ~300-character German and English
customer messages (warm-up excluded). Part 2 starts a real `klarchat serve` with the
echo adapter on a loopback port and pushes messages through gate, redaction, audit and
adapter over one websocket, then over many concurrent ones (each first gives consent,
which writes the ledger). Messages are assembled from varied parts so that no single
template dominates the timing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault
from tests.support.chat_client import ChatClient
from tests.support.server import make_server

PARTS = {
    "de": {
        "open": ["Guten Tag,", "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Moin,"],
        "who": [
            "mein Name ist {name}.",
            "hier schreibt {name}.",
            "ich bin {name} und Kundin bei Ihnen.",
        ],
        "issue": [
            "Meine Bestellung 4711-2025 vom 03.11.2026 ist noch nicht angekommen, obwohl sie als"
            " versendet markiert ist.",
            "Ich möchte die Jacke in Größe M zurückschicken, sie kostet 89,90 € und passt leider nicht.",
            "Die Rechnung über 249,00 Euro wurde doppelt abgebucht, bitte prüfen Sie das.",
            "Können Sie mir sagen, wann die Filiale am Samstag öffnet und ob ich dort abholen kann?",
        ],
        "contact": [
            "Sie erreichen mich unter {email} oder {phone}.",
            "Rückruf bitte an {phone}, gern auch per Mail an {email}.",
        ],
        "address": [
            "Meine Adresse ist {street}, {city}.",
            "Lieferung bitte an {street} in {city}.",
        ],
        "bank": ["Die Erstattung bitte auf {iban}.", "Mein Konto: {iban}."],
        "close": ["Viele Grüße", "Danke im Voraus!", "Mit freundlichen Grüßen"],
        "names": ["Anna Becker", "Jürgen Hofmann", "Leonie Schäfer-Wolf", "Mehmet Yılmaz"],
        "emails": ["a.becker@web.de", "juergen.hofmann@gmx.net", "leonie.sw@posteo.de"],
        "phones": ["0171 2345678", "+49 30 12345678", "089/4711234", "0049 (0)221 998877"],
        "streets": ["Hauptstraße 12", "Am Lindenweg 3a", "Karl-Marx-Allee 90", "Schillerplatz 1"],
        "cities": ["10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg"],
        "ibans": ["DE89 3704 0044 0532 0130 00", "DE02120300000000202051"],
    },
    "en": {
        "open": ["Hello,", "Hi there,", "Dear support team,", "Good morning,"],
        "who": [
            "my name is {name}.",
            "this is {name} writing.",
            "I'm {name}, a customer of yours.",
        ],
        "issue": [
            "My order 4711-2025 placed on 3 November has not arrived although it shows as shipped.",
            "I would like to return the jacket in size M, it cost £89.90 and does not fit.",
            "The invoice for $249.00 was charged twice, could you please look into it?",
            "Could you tell me when the store opens on Saturday and whether I can collect there?",
        ],
        "contact": [
            "You can reach me at {email} or on {phone}.",
            "Please call back on {phone}, or email {email}.",
        ],
        "address": ["My address is {street}, {city}.", "Please deliver to {street}, {city}."],
        "bank": ["Refund to {iban}, please.", "My account: {iban}."],
        "close": ["Best regards", "Thanks in advance!", "Kind regards"],
        "names": ["Emily Carter", "James O'Connor", "Priya Natarajan", "Tom Fischer"],
        "emails": ["emily.carter@example.com", "jim.oc@fastmail.com", "priya.n@outlook.com"],
        "phones": ["+44 20 7946 0958", "(555) 123-4567", "+1 212 555 0198"],
        "streets": ["221B Baker Street", "42 Elmwood Avenue", "10 Downing St"],
        "cities": ["London NW1 6XE", "Springfield, IL 62704", "Boston, MA 02118"],
        "ibans": ["GB82 WEST 1234 5698 7654 32", "GB33BUKB20201555555555"],
    },
}


def message(lang: str, rng: random.Random) -> str:
    p = PARTS[lang]
    values = {
        "name": rng.choice(p["names"]),
        "email": rng.choice(p["emails"]),
        "phone": rng.choice(p["phones"]),
        "street": rng.choice(p["streets"]),
        "city": rng.choice(p["cities"]),
        "iban": rng.choice(p["ibans"]),
    }
    parts = [
        rng.choice(p[k]) for k in ("open", "who", "issue", "contact", "address", "bank", "close")
    ]
    return " ".join(parts).format(**values)


def percentile(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def time_redaction(count: int) -> None:
    redactor = Redactor()
    rng = random.Random(7)
    for lang in ("de", "en"):
        texts = [message(lang, rng) for _ in range(count)]
        for text in texts[:20]:
            redactor.redact(text, lang, Vault())
        samples = []
        for text in texts:
            start = time.perf_counter()
            redactor.redact(text, lang, Vault())
            samples.append((time.perf_counter() - start) * 1000)
        mean_chars = sum(map(len, texts)) / len(texts)
        print(
            f"redaction {lang}: p50 {percentile(samples, 50):.2f} ms, p95 "
            f"{percentile(samples, 95):.2f} ms per message ({len(texts)} messages, "
            f"mean {mean_chars:.0f} chars)"
        )


async def client_run(url: str, lang: str, count: int, rng: random.Random) -> int:
    chat = await ChatClient.open(url)
    await chat.hello(lang)
    await chat.consent(ai_chat=True)
    for index in range(count):
        frames = await chat.ask(message(lang, rng), f"m{index}")
        assert frames[-1]["type"] == "done", frames[-1]
    await chat.close()
    return count


async def throughput(url: str, clients: int, per_client: int) -> float:
    rng = random.Random(11)
    start = time.perf_counter()
    done = await asyncio.gather(
        *(client_run(url, ("de", "en")[i % 2], per_client, rng) for i in range(clients))
    )
    return sum(done) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    time_redaction(args.messages)
    with tempfile.TemporaryDirectory() as tmp:
        server = make_server(
            Path(tmp), {"adapter": "echo", "limits": {"messages_per_minute": 100000}}
        )
        server.start()
        try:
            single = asyncio.run(throughput(server.ws_url, 1, args.messages))
            print(f"pipeline, 1 websocket: {single:.0f} messages/s")
            many = asyncio.run(throughput(server.ws_url, args.clients, max(4, args.messages // 10)))
            print(f"pipeline, {args.clients} concurrent websockets: {many:.0f} messages/s")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
