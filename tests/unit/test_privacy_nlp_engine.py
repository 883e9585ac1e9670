from klarchat.privacy.nlp_engine import BlankSpacyNlpEngine


def engine():
    nlp_engine = BlankSpacyNlpEngine(("de", "en"))
    nlp_engine.load()
    return nlp_engine


def test_every_language_is_a_blank_pipeline():
    nlp_engine = engine()
    assert sorted(nlp_engine.get_supported_languages()) == ["de", "en"]
    for language in ("de", "en"):
        pipeline = nlp_engine.nlp[language]
        assert pipeline.pipe_names == []
        assert pipeline.meta["name"] == "pipeline"


def test_lemmas_are_lower_cased_token_texts():
    artifacts = engine().process_text("Meine Telefonnummer: 030 1234567", "de")
    assert artifacts.lemmas == ["meine", "telefonnummer", ":", "030", "1234567"]
    assert "telefonnummer" in artifacts.keywords
    assert artifacts.tokens_indices == [0, 6, 19, 21, 25]


def test_long_runs_keep_their_offsets():
    text = "Hallo " + "€" * 500 + " Anna"
    artifacts = engine().process_text(text, "de")
    last = artifacts.tokens[-1]
    assert text[artifacts.tokens_indices[-1] :] == "Anna" == last.text
    assert sum(len(token.text_with_ws) for token in artifacts.tokens) == len(text)
