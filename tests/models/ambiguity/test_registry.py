"""The registry covers the taxonomy; lexicon files are validated with Dutch messages."""

import re

import pytest

from models.ambiguity import registry
from models.ambiguity.lexicon import LexiconError, load_triggers
from models.ambiguity.registration import REGISTRY, load_detectors


def test_every_amb_heading_in_the_research_note_is_registered(shared_reference):
    note = (shared_reference / "ambiguity-research.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^###\s+(AMB-\d\d)\b", note, re.M))
    assert len(headings) == 16
    assert headings <= set(load_detectors())


def test_registry_listing_for_cli_and_app():
    infos = registry()
    assert [i.code for i in infos] == [f"AMB-{n:02d}" for n in range(1, 17)]
    for i in infos:
        assert i.name and i.rule and i.default_severity in ("info", "suggestie", "zorg", "kritiek")
        assert i.version.startswith("1")


def test_every_trigger_file_has_sources():
    load_detectors()
    for spec in REGISTRY.values():
        for path in spec.data_files:
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
            header = lines[0].split("\t")
            assert "source" in header, path
            col = header.index("source")
            assert all(len(ln.split("\t")) > col and ln.split("\t")[col].strip() for ln in lines[1:]), path


@pytest.mark.parametrize("content,message", [
    ("trigger\tsubclass\tweight\tsource\tnote\tx\nzo nodig\thedge\t1\tAr 2.14\t\t\n", "kolommen"),
    ("trigger\tsubclass\tweight\tsource\tnote\nzo nodig\tonbekend\t1\tAr 2.14\t\n", "onbekende subclass"),
    ("trigger\tsubclass\tweight\tsource\tnote\nzo nodig\thedge\t1\t\t\n", "source"),
    ("trigger\tsubclass\tweight\tsource\tnote\nzo nodig\thedge\tveel\tAr 2.14\t\n", "geen getal"),
])
def test_lexicon_loader_rejects_bad_rows(tmp_path, content, message):
    path = tmp_path / "triggers.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_triggers(path, {"hedge"})
