"""The 11 real GR texts (Markdown, ../shared/corpus/laws-markdown) through extract.parse + analyse.

Development set only (research §4.1): these tests pin robustness (no detector errors,
exact quotes, every flag located, speed) and a few behaviours seen on real text; they do
not tune anything against held-out evaluation data.
"""

from __future__ import annotations

import time

import pytest

import extract
from models.ambiguity import Severity, analyse

pytestmark = pytest.mark.slow

GR_IDS = ("0009989", "0011304", "0011484", "0012374", "0013738", "0013884", "0015843", "0016477", "0016929",
          "0017935", "0018068")


@pytest.fixture(scope="module")
def reports(shared_corpus):
    out = {}
    for gid in GR_IDS:
        paths = sorted((shared_corpus / "laws-markdown").glob(f"BWBR{gid}_*.md"))
        if not paths:
            pytest.skip(f"BWBR{gid} ontbreekt in het gedeelde corpus")
        doc = extract.parse(paths[0])
        if not out:
            analyse(doc)  # warm-up: pipeline, lexicons, wordfreq tables load once per process
        t = time.perf_counter()
        out[gid] = (doc, analyse(doc), time.perf_counter() - t)
    return out


def test_no_detector_errors_and_exact_quotes(reports):
    for gid, (doc, report, _t) in reports.items():
        assert report.stats["errors"] == {}, gid
        by_id = {p.id: p for p in doc.passages}
        for f in report.flags:
            p = by_id[f.passage_id]
            assert p.text[f.start:f.end] == f.quote and p.part in ("", "dispositief"), (gid, f)


def test_noise_budget_and_speed(reports):
    words = sum(r.stats["words"] for _d, r, _t in reports.values())
    flags = sum(len(r.flags) for _d, r, _t in reports.values())
    kritiek = sum(1 for _d, r, _t in reports.values() for f in r.flags if f.severity == Severity.KRITIEK)
    assert words > 30_000
    assert 5 < 1000 * flags / words < 40  # a review aid, not a wall of flags
    assert 1000 * kritiek / words < 1.5  # KRITIEK stays rare
    assert max(t for _d, _r, t in reports.values()) < 4.0


def test_every_type_fires_somewhere_except_rare_ones(reports):
    types = {f.type for _d, r, _t in reports.values() for f in r.flags}
    assert {"AMB-01", "AMB-02", "AMB-05", "AMB-08", "AMB-11", "AMB-12"} <= types


def test_wgr_checklist_finds_the_mandatory_items_in_real_grs(reports):
    """Real GRs regulate wijziging, toetreding, uittreding and opheffing: AMB-16 stays quiet on them."""
    for gid, (_d, report, _t) in reports.items():
        missing = [f.explanation for f in report.flags if f.type == "AMB-16" and "Wgr art. 9" in f.rule]
        assert len(missing) <= 2, (gid, missing)
