"""The codebook file matches CODEBOOK.md and carries a version that changes with its content."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from models.codebook import CodebookError, load_codebook
from models.labels import LabelError, Labels


def _table_codes(md: str, heading: str) -> list[str]:
    section = md.split(heading, 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    return re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.MULTILINE)


def test_label_codes_match_codebook_md(shared_reference: Path) -> None:
    md = (shared_reference / "CODEBOOK.md").read_text(encoding="utf-8")
    cb = load_codebook()
    assert list(cb.domain_codes) == _table_codes(md, "## 1. Domains")
    assert list(cb.tension_codes) == _table_codes(md, "## 2. Tension fields")
    # pole names as in the table: | code | pole A | pole B | ...
    for t in cb.tensions:
        row = re.search(rf"^\| `{t.code}` \| ([^|]+) \| ([^|]+) \|", md, flags=re.MULTILINE)
        assert row, t.code
        assert (t.poles["A"].name, t.poles["B"].name) == (row.group(1).strip(), row.group(2).strip())


def test_every_label_has_definition_and_indicators() -> None:
    cb = load_codebook()
    for d in cb.domains:
        assert d.definition and len(d.indicators) >= 20, d.code
    for t in cb.tensions:
        for pole in t.poles.values():
            assert pole.definition and len(pole.indicators) >= 8, (t.code, pole.key)


def test_version_id_changes_with_content_not_with_formatting(tmp_path: Path) -> None:
    raw = resources.files("models").joinpath("codebook.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    base = load_codebook()
    assert re.fullmatch(r"v\d+\+[0-9a-f]{12}", base.version_id)
    reformatted = tmp_path / "same.json"
    reformatted.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_codebook(reformatted).version_id == base.version_id
    data["domains"][1]["indicators"]["voedselbank"] = 2
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = load_codebook(edited)
    assert changed.version == base.version and changed.version_id != base.version_id


def test_broken_codebook_gives_dutch_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "version": 1, "domains": []', encoding="utf-8")
    with pytest.raises(CodebookError, match="geen geldige JSON"):
        load_codebook(bad)
    bad.write_text('{"name": "x", "version": 1, "domains": []}', encoding="utf-8")
    with pytest.raises(CodebookError, match="mist het veld"):
        load_codebook(bad)


def test_labels_are_validated_against_the_codebook() -> None:
    lab = Labels.make(["sociaal"], {"vrijheid-afhankelijkheid": "beide"})
    assert lab.to_dict() == {"domains": ["sociaal"], "tensions": {"vrijheid-afhankelijkheid": "beide"}}
    with pytest.raises(LabelError, match="onbekend domein"):
        Labels.make(["zorg"])
    with pytest.raises(LabelError, match="A, B of beide"):
        Labels.make([], {"verleden-toekomst": "C"})
