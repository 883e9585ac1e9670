from klarchat.privacy.vault import Vault


def test_placeholders_are_numbered_per_entity_type_from_one():
    vault = Vault()
    assert vault.placeholder_for("PERSON", "Anna") == "<PERSON_1>"
    assert vault.placeholder_for("EMAIL_ADDRESS", "anna@example.de") == "<EMAIL_ADDRESS_1>"
    assert vault.placeholder_for("PERSON", "Ben") == "<PERSON_2>"
    assert vault.placeholder_for("EMAIL_ADDRESS", "ben@example.de") == "<EMAIL_ADDRESS_2>"


def test_same_value_gets_the_same_placeholder_in_later_turns():
    vault = Vault()
    first = vault.placeholder_for("PERSON", "Anna Schmidt")
    vault.placeholder_for("PERSON", "Ben Meier")
    assert vault.placeholder_for("PERSON", "Anna Schmidt") == first
    assert vault.placeholder_for("PERSON", "Anna   Schmidt") == first


def test_spelling_variants_of_one_value_share_a_placeholder():
    vault = Vault()
    mail = vault.placeholder_for("EMAIL_ADDRESS", "Anna.Schmidt@Example.DE")
    assert vault.placeholder_for("EMAIL_ADDRESS", "anna.schmidt@example.de") == mail
    url = vault.placeholder_for("URL", "https://Example.org/Shop")
    assert vault.placeholder_for("URL", "https://example.org/shop") == url
    phone = vault.placeholder_for("PHONE_NUMBER", "030 123 456 7")
    assert vault.placeholder_for("PHONE_NUMBER", "030/1234567") == phone
    assert vault.placeholder_for("PHONE_NUMBER", "030-1234567") == phone
    iban = vault.placeholder_for("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert vault.placeholder_for("IBAN_CODE", "DE89370400440532013000") == iban
    card = vault.placeholder_for("CREDIT_CARD", "4111 1111 1111 1111")
    assert vault.placeholder_for("CREDIT_CARD", "4111-1111-1111-1111") == card


def test_different_values_never_share_a_placeholder():
    vault = Vault()
    values = ["Anna", "Anne", "Anna Schmidt", "Hanna", "anna-lena"]
    placeholders = [vault.placeholder_for("PERSON", value) for value in values]
    assert len(set(placeholders)) == len(values)
    phones = ["+49 30 1234567", "+49 30 1234568", "0151 23456789"]
    assert len({vault.placeholder_for("PHONE_NUMBER", p) for p in phones}) == 3


def test_iban_comparison_keeps_the_country_code():
    vault = Vault()
    german = vault.placeholder_for("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert vault.placeholder_for("IBAN_CODE", "AT89 3704 0044 0532 0130 00") != german


def test_restore_puts_back_the_first_spelling_and_keeps_unknown_placeholders():
    vault = Vault()
    person = vault.placeholder_for("PERSON", "Anna Schmidt")
    mail = vault.placeholder_for("EMAIL_ADDRESS", "Anna@Example.de")
    vault.placeholder_for("EMAIL_ADDRESS", "anna@example.de")
    text = f"Hallo {person}, wir schreiben an {mail}. <PERSON_9> und <FOO_1> bleiben."
    assert vault.restore(text) == (
        "Hallo Anna Schmidt, wir schreiben an Anna@Example.de. <PERSON_9> und <FOO_1> bleiben."
    )


def test_restore_leaves_lookalikes_alone():
    vault = Vault()
    vault.placeholder_for("PERSON", "Anna")
    text = "<person_1> <PERSON_> <PERSON_01> PERSON_1 <PERSON_1 >"
    assert vault.restore(text) == text


def test_clear_forgets_values_and_numbers():
    vault = Vault()
    placeholder = vault.placeholder_for("PERSON", "Anna")
    vault.placeholder_for("PERSON", "Ben")
    vault.clear()
    assert vault.restore(placeholder) == placeholder
    assert vault.placeholder_for("PERSON", "Cem") == "<PERSON_1>"
