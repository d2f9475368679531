import pytest

from extract.document import Document, ExtractionWarning, Passage, renumber


def _doc() -> Document:
    passages = renumber("ab" * 32, [
        Passage("", 0, "Het algemeen bestuur stelt de begroting vast.", 2, 2,
                path=(("hoofdstuk", "2"), ("artikel", "5a"), ("lid", "1")), heading="Artikel 5a Begroting",
                part="dispositief"),
        Passage("", 0, "a. de woonvisie;", 2, 3,
                path=(("artikel", "5a"), ("lid", "2"), ("onderdeel", "a")), part="dispositief"),
        Passage("", 0, "Gemeente | Inwoners\nDordrecht | 119000", 4, 4, block="table", part="toelichting"),
    ])
    return Document(id="ab" * 32, title="GR Test", kind="regeling", passages=passages, body="GR Drechtsteden",
                    year=2024, page_count=4, source_file="gr.pdf", format="pdf",
                    warnings=[ExtractionWarning("no-text-layer", "Pagina zonder tekstlaag", 4)],
                    meta={"bron": "test"})


def test_json_round_trip_is_lossless():
    doc = _doc()
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.passages[1].path == (("artikel", "5a"), ("lid", "2"), ("onderdeel", "a"))


def test_views_and_locations():
    doc = _doc()
    assert doc.artikelen() == ["5a"]
    assert doc.tree() == {"5a": ["1", "2"]}
    assert [p.seq for p in doc.lid("5a", 2)] == [1]
    assert doc.passages[1].location == "artikel 5a, lid 2, onder a"
    assert doc.passages[1].pages == "2–3"
    assert len(doc.dispositief()) == 2  # the toelichting table is not normative text
    assert doc.passages[0].id == "abababababab-00000"


def test_unknown_kind_and_schema_version_are_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        Document(id="x", title="t", kind="wet")
    data = _doc().to_dict()
    data["schema_version"] = 99
    with pytest.raises(ValueError, match="schema_version 99"):
        Document.from_dict(data)


def test_markdown_rendering_names_locations_and_pages():
    md = _doc().to_markdown()
    assert "artikel 5a, lid 1" in md and "p. 2" in md and "Pagina zonder tekstlaag" in md
