import pytest

from models.nlp import abbreviations, load_nlp


@pytest.mark.parametrize("text,n_sents", [
    ("Het college besluit m.u.v. artikel 3 jo. artikel 4 i.o.m. de raad.", 1),
    ("De kosten incl. btw en excl. heffingen zijn bekend. Het bestuur besluit.", 2),
    ("Vastgesteld op 3 jan. 2024 door het algemeen bestuur. Het treedt in werking.", 2),
    ("Zie art. 5 lid 2 o.a. over de begroting. Daarna volgt de rest.", 2),
])
def test_legal_abbreviations_do_not_split_sentences(text, n_sents):
    nlp, _ = load_nlp(allow_models=False)
    assert len(list(nlp(text).sents)) == n_sents


def test_fallback_has_lemmas_and_records_capabilities():
    nlp, caps = load_nlp(allow_models=False)
    doc = nlp("De bevoegdheden van de besturen.")
    assert [t.lemma_ for t in doc][1] == "bevoegdheid"
    assert caps.lemmas and not caps.pos and caps.pipeline == "blank-nl+simplemma"
    assert "woordsoorten (POS)" in caps.missing_nl()


def test_abbreviation_file_has_month_and_legal_entries():
    abbr = set(abbreviations())
    assert {"m.u.v.", "jo.", "i.o.m.", "incl.", "excl.", "jan.", "sept.", "Jo."} <= abbr
