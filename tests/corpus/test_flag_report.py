import csv
import io
import json
import zipfile

import pytest

from corpus.flag_report import FORMATS, ReportInput, render
from models.ambiguity.flag import Flag, Severity

HOSTILE = "<script>alert(1)</script> zo nodig"


def _flag(type_="AMB-01", sev=Severity.ZORG, artikel="5", lid="2", quote="zo nodig", **kw) -> Flag:
    return Flag(type=type_, name="vage kwalificatie / open norm", severity=sev, confidence=0.8, quote=quote,
                start=0, end=len(quote), explanation="Onduidelijk wie bepaalt wanneer iets nodig is.",
                rule="Aanwijzing 3.1", question="Wie beslist of het nodig is?", suggestion="Schrap 'zo nodig'.",
                passage_id="p1", artikel=artikel, lid=lid, page=3, **kw)


def _report(**kw) -> ReportInput:
    flags = [_flag(), _flag("AMB-11", Severity.KRITIEK, "12", "1", "artikel 31"),
             _flag("AMB-01", Severity.INFO, "2", None, "passende")]
    return ReportInput(title="GR Drechtsteden (demo)", flags=flags, status={flags[0].key: "accept"}, **kw)


def test_json_has_every_contract_field_and_status():
    rows = json.loads(render(_report(), "json"))
    assert len(rows) == 3
    expected = {"type", "severity", "artikel", "lid", "onderdeel", "page", "quote", "start", "end",
                "explanation", "rule", "question", "suggestion", "confidence", "status", "key"}
    assert expected <= set(rows[0])
    assert rows[0]["status"] == "geaccepteerd" and rows[1]["status"] == "open"


def test_min_severity_filters_and_csv_parses_back():
    text = render(_report(min_severity=Severity.ZORG), "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["type"] for r in rows} == {"AMB-01", "AMB-11"} and len(rows) == 2
    assert {r["severity"] for r in rows} == {"zorg", "kritiek"}


def test_markdown_groups_by_artikel_in_numeric_order():
    md = render(_report(), "md").decode()
    assert md.index("## Artikel 2") < md.index("## Artikel 5") < md.index("## Artikel 12")
    assert "| AMB-11 |" in md and "*Vraag:* Wie beslist" in md


def test_html_escapes_document_text():
    report = ReportInput(title="<b>x</b>", flags=[_flag(quote=HOSTILE)])
    page = render(report, "html").decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_docx_is_a_word_document_with_summary_and_findings():
    data = render(_report(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert "Samenvatting per type en ernst" in xml and "Artikel 12" in xml and "Wie beslist" in xml


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="formaat moet een van"):
        render(_report(), "pdf")
    assert set(FORMATS) == {"json", "csv", "md", "html", "docx"}
