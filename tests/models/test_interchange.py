"""Import → export → import is lossless in every format; .qdpx is a valid REFI-QDA project."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from models.interchange import (
    QDA_NS,
    InterchangeError,
    export_qdpx,
    read_codings,
    read_jsonl,
    validate_qdpx,
    write_csv,
    write_jsonl,
)
from models.labels import Coding, Labels
from tests.models.codings_small import small_codings


def _key(c: Coding) -> tuple:
    return (c.passage_id, c.text, c.labels, c.coder, c.adjudicated, c.note, json.dumps(c.meta, sort_keys=True))


@pytest.fixture()
def codings() -> list[Coding]:
    cs = small_codings("an")
    cs[0].note = "twijfel: ook \"bestuur\"?\nnieuwe regel; komma, puntkomma"
    cs[1].adjudicated = True
    cs.append(Coding("p-x", "Tekst met é, ë en — tekens", Labels.make([], {"verleden-toekomst": "beide"}), "bo"))
    return cs


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "csv"])
def test_round_trip_is_lossless(codings: list[Coding], tmp_path: Path, fmt: str) -> None:
    first = tmp_path / f"a.{'csv' if fmt == 'csv' else 'jsonl'}"
    second = tmp_path / f"b.{'csv' if fmt == 'csv' else 'jsonl'}"
    write = (lambda cs, p: write_csv(cs, p)) if fmt == "csv" else (
        lambda cs, p: write_jsonl(cs, p, prodigy=fmt == "prodigy"))
    write(codings, first)
    again = read_codings(first)
    write(again, second)
    assert [_key(c) for c in again] == [_key(c) for c in codings]
    assert first.read_bytes() == second.read_bytes()


def test_prodigy_lines_use_prefixed_labels(codings: list[Coding], tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    write_jsonl(codings, path, prodigy=True)
    row = json.loads(path.read_text(encoding="utf-8").splitlines()[19])
    assert row["answer"] == "accept"
    assert row["accept"] == ["DOMAIN:bestuur", "TENSION:verschillend-gelijk=B", "TENSION:vrijheid-afhankelijkheid=A"]
    # rejected answers are skipped on import
    path.write_text(json.dumps({"text": "x", "accept": [], "answer": "reject"}) + "\n", encoding="utf-8")
    assert read_jsonl(path) == []


def test_native_jsonl_from_the_brief(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Wij bouwen woningen.", "meta": {"doc": "x"}, "domains": ["ruimtelijk-economisch"],
                                "tensions": {"vrijheid-afhankelijkheid": "A"}, "coder": "an"}) + "\n", encoding="utf-8")
    (c,) = read_jsonl(path)
    assert c.passage_id.startswith("sha1:") and c.tensions == {"vrijheid-afhankelijkheid": "A"}


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "geen geldige JSON"),
    ('{"text": "x", "domains": ["zorg"]}', "onbekend domein"),
    ('{"text": "x", "tensions": {"vrijheid-afhankelijkheid": "links"}}', "A, B of beide"),
    ('{"domains": []}', "'text' ontbreekt"),
])
def test_bad_input_gives_dutch_message_with_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InterchangeError, match=message) as err:
        read_jsonl(path)
    assert "bad.jsonl:2" in str(err.value)


def test_qdpx_is_a_wellformed_refi_qda_project(codings: list[Coding], tmp_path: Path) -> None:
    path = export_qdpx(codings, tmp_path / "project.qdpx")
    assert validate_qdpx(path) == []
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        ns = {"q": QDA_NS}
        assert root.tag == f"{{{QDA_NS}}}Project"
        assert [etree.QName(c).localname for c in root] == ["Users", "CodeBook", "Sources"]
        codable = root.xpath("//q:Code[@isCodable='true']/@name", namespaces=ns)
        assert "sociaal" in codable and "verschillend-gelijk: gelijk" in codable and len(codable) == 4 + 5 * 3
        assert sorted(root.xpath("//q:User/@name", namespaces=ns)) == ["an", "bo"]
        # every selection's text is exactly the coded passage
        by_text = {c.passage_id: c.text for c in codings}
        for src in root.xpath("//q:TextSource", namespaces=ns):
            text = zf.read("sources/" + src.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
            for sel in src.xpath("q:PlainTextSelection", namespaces=ns):
                assert text[int(sel.get("startPosition")):int(sel.get("endPosition"))] == by_text[sel.get("name")]
        n_codings = len(root.xpath("//q:Coding", namespaces=ns))
        assert n_codings == sum(len(c.labels.domains) + len(c.labels.tensions) for c in codings)


def test_validator_catches_broken_projects(codings: list[Coding], tmp_path: Path) -> None:
    path = export_qdpx(codings, tmp_path / "ok.qdpx")
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("project.qde").decode("utf-8")
    broken = tmp_path / "broken.qdpx"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("project.qde", xml.replace('targetGUID="', 'targetGUID="X', 1))
    problems = validate_qdpx(broken)
    assert any("CodeRef" in p for p in problems) and any("ontbreekt" in p for p in problems)
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("project.qde", xml[:-20])
    assert "welgevormde XML" in validate_qdpx(broken)[0]
