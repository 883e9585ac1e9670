"""The offline FAQ adapter: sensible answers with no config and no network."""

from __future__ import annotations

import time

import pytest

from klarchat.adapters.base import AdapterConfigError, ChatMessage, ChatRequest
from klarchat.adapters.faq_defaults import DEFAULT_FALLBACK
from klarchat.adapters.offline import OfflineAdapter


def chat_request(text: str, language: str = "de") -> ChatRequest:
    return ChatRequest(
        messages=(
            ChatMessage("system", "Antworte freundlich."),
            ChatMessage("user", "Hallo"),
            ChatMessage("assistant", "Hallo! Wie kann ich helfen?"),
            ChatMessage("user", text),
        ),
        language=language,
        conversation_id="c-1",
    )


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Was passiert mit meinen Daten?", "de", "Platzhalter"),
        ("What happens with my data?", "en", "placeholders"),
        ("Bist du ein Mensch?", "de", "KI-Assistent"),
        ("Are you a human or a bot?", "en", "AI assistant"),
        ("Wann habt ihr geöffnet?", "de", "rund um die Uhr"),
        ("What are your opening hours?", "en", "around the clock"),
        ("Wie hoch sind die Versandkosten?", "de", "Sendungsverfolgung"),
        ("Where is my order?", "en", "tracking link"),
        ("Ich möchte die Ware zurückschicken", "de", "14 Tagen"),
        ("I want to return my parcel, it arrived broken", "en", "14 days"),
        ("Kann ich mit PayPal bezahlen?", "de", "Zahlungsarten"),
        ("Do you accept credit cards?", "en", "payment methods"),
        ("Wie lauten Ihre Kontaktdaten?", "de", "Kundenservice"),
        ("How can I contact you by phone?", "en", "customer service by email or phone"),
        ("RÜCKGABE", "de", "14 Tagen"),
        ("Rueckgabe", "de", "14 Tagen"),
        ("Ruckgabe", "de", "14 Tagen"),
        ("Oeffnungszeiten", "de", "rund um die Uhr"),
    ],
)
def test_default_faq_answers_common_shop_questions(
    question: str, language: str, expected: str
) -> None:
    assert expected in OfflineAdapter({}).answer(chat_request(question, language))


def test_answers_in_the_request_language_whatever_language_the_question_is_in() -> None:
    answer = OfflineAdapter({}).answer(chat_request("Do you ship to Austria?", "de"))

    assert "Versandkosten" in answer


def test_unknown_language_falls_back_to_english() -> None:
    assert "shipping costs" in OfflineAdapter({}).answer(chat_request("shipping?", "fr"))


def test_unmatched_question_gets_the_fallback() -> None:
    assert (
        OfflineAdapter({}).answer(chat_request("Wie wird das Wetter morgen?"))
        == DEFAULT_FALLBACK["de"]
    )


def test_placeholders_are_ignored() -> None:
    # "EMAIL_ADDRESS" would otherwise match the contact entry's "address".
    answer = OfflineAdapter({}).answer(chat_request("<EMAIL_ADDRESS_1> <PERSON_1>", "en"))

    assert answer == DEFAULT_FALLBACK["en"]


def test_only_the_last_user_message_counts() -> None:
    request = ChatRequest(
        messages=(
            ChatMessage("user", "Versand?"),
            ChatMessage("assistant", "..."),
            ChatMessage("user", "Danke!"),
        ),
        language="de",
        conversation_id="c-1",
    )

    assert OfflineAdapter({}).answer(request).startswith("Gern geschehen")


SITE_FAQ = {
    "faq": [
        {
            "keywords": {"de": ["versand"], "en": ["shipping"]},
            "answer": {"de": "Wir versenden mit der Post.", "en": "We ship by post."},
        }
    ],
    "fallback": {"de": "Das weiß ich nicht.", "en": "I don't know."},
}


def test_site_faq_takes_precedence_over_the_defaults() -> None:
    adapter = OfflineAdapter(SITE_FAQ)

    assert (
        adapter.answer(chat_request("Wie teuer ist der Paketversand?"))
        == "Wir versenden mit der Post."
    )
    assert "KI-Assistent" in adapter.answer(chat_request("Bist du ein Mensch?"))
    assert adapter.answer(chat_request("Wetter?", "en")) == "I don't know."


def test_defaults_can_be_switched_off() -> None:
    adapter = OfflineAdapter({**SITE_FAQ, "include_default_faq": False})

    assert adapter.answer(chat_request("Bist du ein Mensch?")) == "Das weiß ich nicht."


def test_longer_keyword_wins_over_a_shorter_one() -> None:
    adapter = OfflineAdapter(
        {
            "faq": [
                {"keywords": {"de": ["daten"]}, "answer": {"de": "privacy"}},
                {"keywords": {"de": ["kontakt"]}, "answer": {"de": "contact"}},
            ],
            "include_default_faq": False,
        }
    )

    assert adapter.answer(chat_request("Ihre Kontaktdaten bitte")) == "contact"


def test_short_keywords_match_whole_words_only() -> None:
    adapter = OfflineAdapter(
        {
            "faq": [{"keywords": {"de": ["ki"]}, "answer": {"de": "ai"}}],
            "include_default_faq": False,
        }
    )

    assert adapter.answer(chat_request("Ist das eine KI?")) == "ai"
    assert adapter.answer(chat_request("Kinderschuhe?")) != "ai"


async def test_stream_yields_word_sized_deltas_that_join_to_the_answer() -> None:
    adapter = OfflineAdapter({})
    request = chat_request("Was passiert mit meinen Daten?")

    deltas = [delta async for delta in adapter.stream(request)]

    assert "".join(deltas) == adapter.answer(request)
    assert len(deltas) > 10
    assert all(delta.strip() and " " not in delta.strip() for delta in deltas)


async def test_delay_ms_spaces_the_deltas() -> None:
    adapter = OfflineAdapter({"delay_ms": 20})
    started = time.monotonic()

    deltas = [delta async for delta in adapter.stream(chat_request("Danke!"))]

    assert time.monotonic() - started >= 0.02 * (len(deltas) - 1)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"delay_ms": -1}, "adapters.offline.delay_ms: Input should be greater than or equal to 0"),
        ({"faq": [{"answer": {"de": "x"}}]}, "adapters.offline.faq.0.keywords: Field required"),
        (
            {"faq": [{"keywords": {"de": []}, "answer": {"de": "x"}}]},
            "adapters.offline.faq.0.keywords: Value error",
        ),
        (
            {"faq": [{"keywords": {"de": ["a"]}, "answer": {}}]},
            "adapters.offline.faq.0.answer: Dictionary should",
        ),
        (
            {"fallback": {"de": ""}},
            "adapters.offline.fallback.de: String should have at least 1 character",
        ),
        ({"faqs": []}, "adapters.offline.faqs: Extra inputs are not permitted"),
    ],
)
def test_bad_options_name_the_key(options: dict[str, object], expected: str) -> None:
    with pytest.raises(AdapterConfigError) as caught:
        OfflineAdapter(options)

    assert str(caught.value).startswith(expected)
