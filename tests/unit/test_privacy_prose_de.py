"""German names and towns in prose: the trained model, later mentions, one address as one."""

import pytest

from klarchat.privacy.mentions import mentions, surname_of
from klarchat.privacy.ner_de import GermanNameModelRecognizer, sentences
from klarchat.privacy.ner_model import german_model, runs
from klarchat.privacy.redactor import Redactor
from klarchat.privacy.vault import Vault


@pytest.fixture(scope="module")
def redactor():
    return Redactor()


def persons(redactor, text):
    return [text[r.start : r.end] for r in redactor.find(text, "de") if r.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Lone surnames with no cue and no known first name: only the model can tell.
        ("Kowalczyk sagte am Dienstag, die Gespräche seien gescheitert.", "Kowalczyk"),
        ("Nach dem Treffen kritisierte Obuya die Entscheidung scharf.", "Obuya"),
        ("Den Vorschlag hatte Brünnighausen schon im Mai eingebracht.", "Brünnighausen"),
    ],
)
def test_model_finds_lone_surnames_in_prose(redactor, text, name):
    assert name in " ".join(persons(redactor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Die Bestellung ist gestern angekommen, aber der Karton war beschädigt.",
        "Auf der A7 zwischen Kassel und Göttingen staut es sich wegen einer Baustelle.",
        "Die Deutsche Bahn und die Lufthansa melden steigende Fahrgastzahlen.",
        "Können Sie mir sagen, wann die Filiale in der Innenstadt öffnet?",
        "Der Wetterdienst warnt vor Glätte im Sauerland und im Harz.",
    ],
)
def test_model_leaves_texts_without_people_alone(redactor, text):
    assert persons(redactor, text) == []


def test_runs_group_words_at_or_above_the_threshold():
    assert runs([0.1, 0.6, 0.7, 0.2, 0.5], 0.5) == [(1, 3), (4, 5)]
    assert runs([0.4, 0.49], 0.5) == []


def test_model_probabilities_cover_every_word():
    words = ["Merkel", "sagte", "gestern", "nichts", "."]
    probabilities = german_model().probabilities(words, "PER")
    assert len(probabilities) == len(words)
    assert probabilities[0] > 0.5 > max(probabilities[1:])


def test_sentences_split_at_punctuation_and_line_breaks(redactor):
    doc = redactor._analyzer.nlp_engine.process_text("Hallo Welt. Wie geht es?\nGut", "de").tokens
    assert [s.text for s in sentences(doc)] == ["Hallo Welt.", "Wie geht es?", "Gut"]


def test_recognizer_without_tokens_finds_nothing():
    assert GermanNameModelRecognizer(stop_words=()).analyze("Merkel sagte", ["PERSON"], None) == []


def test_surname_of_skips_particles_and_single_words():
    assert surname_of("Anna Kowalski") == "Kowalski"
    assert surname_of("Ludwig van Beethoven") == "Beethoven"
    assert surname_of("Kowalski") is None
    assert surname_of("Jo Li") is None


def test_mentions_find_whole_words_and_leave_the_genitive_s_outside():
    text = "Kowalskis Antwort kam, Kowalskistraße nicht, aber Frau Kowalski."
    found = [text[s:e] for s, e in mentions(text, ["Kowalski"])]
    assert found == ["Kowalski", "Kowalski"]
    assert text[mentions(text, ["Kowalski"])[0][1]] == "s"


def test_a_surname_later_gets_the_placeholder_of_the_full_name(redactor):
    vault = Vault()
    first = redactor.redact("Mein Name ist Anna Kowalski.", "de", vault)
    later = redactor.redact(
        "Bitte rufen Sie Frau Kowalski zurück, Kowalski ist erreichbar.", "de", vault
    )
    assert first.text == "Mein Name ist <PERSON_1>."
    assert "Kowalski" not in later.text
    assert later.text.count("<PERSON_1>") == 2
    assert "<PERSON_2>" not in later.text


def test_a_name_repeated_in_one_message_is_found_each_time(redactor):
    text = "Ich heiße Jelena Marković. Marković steht auch am Briefkasten."
    result = redactor.redact(text, "de", Vault())
    assert "Marković" not in result.text
    assert result.entities == {"PERSON": 2}


def test_two_people_of_one_family_keep_their_own_placeholders(redactor):
    vault = Vault()
    redactor.redact("Ich bin Anna Kowalski.", "de", vault)
    result = redactor.redact("Mein Mann heißt Piotr Kowalski.", "de", vault)
    assert "<PERSON_2>" in result.text


def test_withdrawal_forgets_names_for_propagation(redactor):
    vault = Vault()
    redactor.redact("Ich bin Anna Kowalski.", "de", vault)
    vault.clear()
    assert vault.person_names == ()


def test_one_address_is_one_placeholder_and_counted_once(redactor):
    result = redactor.redact(
        "Bitte liefern Sie an Lindenallee 4, 34117 Kassel. Danke!", "de", Vault()
    )
    assert result.text == "Bitte liefern Sie an <LOCATION_1>. Danke!"
    assert result.entities == {"LOCATION": 1}


def test_street_and_town_on_two_lines_are_one_address(redactor):
    result = redactor.redact("Neue Anschrift:\nAm Sonnenhang 7\n06108 Halle (Saale)", "de", Vault())
    assert result.entities == {"LOCATION": 1}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Der Patient, wohnhaft in Marburg, stellte sich am Montag vor.", "Marburg"),
        ("Kassel, den 12.03.2024\nSehr geehrte Kollegin,", "Kassel"),
        ("ich wohne in der Lindenallee 4 in Bad Homburg und", "Bad Homburg"),
        ("Sie ist gebürtig aus Halle (Saale).", "Halle (Saale)"),
    ],
)
def test_towns_that_locate_a_person_are_removed(redactor, text, town):
    result = redactor.redact(text, "de", Vault())
    assert town not in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Gibt es eine Filiale in Kassel?",
        "Liefern Sie auch nach Marburg?",
        "Die Messe in Frankfurt am Main beginnt am Dienstag.",
    ],
)
def test_a_town_on_its_own_stays(redactor, text):
    assert redactor.redact(text, "de", Vault()).text == text
