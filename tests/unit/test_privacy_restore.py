import pytest

from klarchat.privacy.restore import StreamRestorer
from klarchat.privacy.vault import Vault


@pytest.fixture
def vault():
    vault = Vault()
    vault.placeholder_for("PERSON", "Anna")
    vault.placeholder_for("EMAIL_ADDRESS", "anna@example.de")
    vault.placeholder_for("PHONE_NUMBER", "+49 30 1234567")
    return vault


def stream(vault, deltas):
    restorer = StreamRestorer(vault)
    outputs = [restorer.feed(delta) for delta in deltas]
    return outputs, restorer.flush()


def test_split_placeholder_is_held_back_only_as_long_as_needed(vault):
    outputs, rest = stream(vault, ["Hallo <PER", "SON_1>, wie"])
    assert outputs == ["Hallo ", "Anna, wie"]
    assert rest == ""


ANSWER = (
    "Hallo <PERSON_1>! Ich schreibe an <EMAIL_ADDRESS_1> oder rufe <PHONE_NUMBER_1> an. "
    "Es gilt a < b, <3 und <div>, aber <PERSON_7> kenne ich nicht.<PERSON_1>"
)
RESTORED = (
    "Hallo Anna! Ich schreibe an anna@example.de oder rufe +49 30 1234567 an. "
    "Es gilt a < b, <3 und <div>, aber <PERSON_7> kenne ich nicht.Anna"
)


@pytest.mark.parametrize("cut", range(len(ANSWER) + 1))
def test_every_single_split_position_restores_the_whole_answer(vault, cut):
    outputs, rest = stream(vault, [ANSWER[:cut], ANSWER[cut:]])
    assert "".join(outputs) + rest == RESTORED


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_any_delta_size_restores_the_whole_answer(vault, size):
    deltas = [ANSWER[i : i + size] for i in range(0, len(ANSWER), size)]
    outputs, rest = stream(vault, deltas)
    assert "".join(outputs) + rest == RESTORED


@pytest.mark.parametrize("text", ["a < b", "<3 danke", "<div>", "x <-- y", "<a href>"])
def test_a_bracket_that_cannot_start_a_placeholder_is_released_at_once(vault, text):
    restorer = StreamRestorer(vault)
    assert restorer.feed(text) == text


def test_a_trailing_bracket_is_released_as_soon_as_it_cannot_be_a_placeholder(vault):
    restorer = StreamRestorer(vault)
    assert restorer.feed("2 <") == "2 "
    assert restorer.feed(" 3") == "< 3"


def test_what_is_held_back_is_bounded(vault):
    restorer = StreamRestorer(vault)
    shouting = "<" + "A" * 60
    assert restorer.feed(shouting) == shouting
    assert restorer.feed("B") == "B"


def test_flush_releases_an_unfinished_placeholder_verbatim(vault):
    outputs, rest = stream(vault, ["Bis bald, <PERSON_"])
    assert outputs == ["Bis bald, "]
    assert rest == "<PERSON_"


def test_unknown_placeholders_pass_through(vault):
    outputs, rest = stream(vault, ["Hi <UNKNOWN_", "1> and <PERSON_", "2>"])
    assert "".join(outputs) + rest == "Hi <UNKNOWN_1> and <PERSON_2>"


def test_restored_values_are_not_treated_as_placeholder_starts():
    vault = Vault()
    vault.placeholder_for("PERSON", "<Anna")
    outputs, rest = stream(vault, ["Hallo <PERSON_1>", " und tschüss"])
    assert outputs == ["Hallo <Anna", " und tschüss"]
    assert rest == ""
