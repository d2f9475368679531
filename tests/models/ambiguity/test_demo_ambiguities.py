"""The demo GR's deliberate ambiguities are found, and its traps are not flagged.

The demo regulation (corpus/demo/gr-drechtsteden-2026.md) is rendered to PDF with the demo
renderer, parsed and analysed. A row of corpus/demo/ambiguities.tsv is found when a flag
of the same type sits at the same artikel and lid (and onderdeel, when the row names one),
or such a finding was merged into another flag there (``report.merged``, shown to the reviewer as "ook gemeld als").
Document-level rows (no artikel, e.g. missing Wgr content) need a document-level flag of
that type whose subject, the missing item, is named in the row's note. No flag may quote
the words of a trap in corpus/demo/traps.tsv.

``KNOWN_MISSES`` lists the rows the detectors do not find yet; every other row must be
found. It is empty since 28-11-2026 (all 51 rows found). A known miss that is found later
only makes the list stale, it does not fail the test: the detectors are still being
improved in parallel.
"""

from __future__ import annotations

import re

import pytest

from corpus.demo import DEMO_DIR, read_ambiguities, read_traps
from corpus.demo.render import render_pdf
from models.ambiguity import analyse

KNOWN_MISSES: set[tuple[str, str | None, str | None]] = set()


def ws(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    import extract

    pdf = render_pdf(DEMO_DIR / "gr-drechtsteden-2026.md", tmp_path_factory.mktemp("demo") / "gr.pdf")
    doc = extract.parse(pdf)
    assert doc.kind == "regeling"
    rep = analyse(doc)
    assert rep.stats["errors"] == {}
    return rep


def found(rep, type_: str, artikel: str | None, lid: str | None, note: str = "", onderdeel: str | None = None) -> bool:
    """A flag of ``type_`` at artikel + lid (+ onderdeel when the row names one), kept or merged."""
    if artikel is None:
        return any(f.type == type_ and f.subject and f.subject.lower() in note.lower() for f in rep.flags)
    if any(f.type == type_ and f.artikel == artikel and f.lid == lid and (onderdeel is None or f.onderdeel == onderdeel)
           for f in rep.flags):
        return True
    loc = re.compile(rf"^artikel {re.escape(artikel)}" + (rf", lid {re.escape(lid)}\b" if lid else r"(?!, lid)")
                     + (rf"(?:, lid \w+)?, onder {re.escape(onderdeel)}\b" if onderdeel else ""))
    return any(m.get("type") == type_ and loc.match(m.get("location", "")) for m in rep.merged)


def test_deliberate_ambiguities_are_flagged_with_type_artikel_and_lid(report):
    rows = read_ambiguities()
    assert KNOWN_MISSES <= {(r.type, r.artikel, r.lid) for r in rows}, "KNOWN_MISSES noemt een rij die niet bestaat"
    hits = [((r.type, r.artikel, r.lid), found(report, r.type, r.artikel, r.lid, r.note, r.onderdeel)) for r in rows]
    missed = [k for k, ok in hits if not ok and k not in KNOWN_MISSES]
    assert not missed, f"niet (meer) gevonden: {missed}"
    assert sum(ok for _k, ok in hits) >= len(rows) - len(KNOWN_MISSES)


def test_found_needs_type_artikel_and_lid(report):
    """The matcher itself: a flag of the right type elsewhere, or of another type here, does not count."""
    f = next(f for f in report.flags if f.type == "AMB-13" and f.artikel == "4" and f.lid == "2")
    assert found(report, "AMB-13", "4", "2")
    assert not found(report, "AMB-13", "4", "3")  # same type, other lid
    assert not found(report, "AMB-13", "5", "2")  # same lid number, other artikel
    other = next(t for t in ("AMB-11", "AMB-09", "AMB-16") if not any(
        g.type == t and g.artikel == f.artikel and g.lid == f.lid for g in report.flags))
    assert not found(report, other, "4", "2")
    # a row that names an onderdeel needs a flag in that onderdeel
    g = next(f for f in report.flags if f.type == "AMB-08" and f.onderdeel == "g")
    assert found(report, "AMB-08", g.artikel, g.lid, onderdeel="g")
    assert not found(report, "AMB-08", g.artikel, g.lid, onderdeel="c")
    # a document-level row needs the missing item itself, not any flag of the type
    assert found(report, "AMB-16", None, None, "geen bepaling over inlichtingen en verantwoording")
    assert not found(report, "AMB-16", None, None, "geen bepaling over de samenstelling van het bestuur")


def test_traps_are_not_flagged(report):
    hits = []
    for t in read_traps():
        q = ws(t.quote).lower()
        for f in report.flags:
            fq = ws(f.quote).lower()
            if f.artikel == t.artikel and f.lid == t.lid and fq and (fq in q or q in fq):
                hits.append(f"{f.type} artikel {t.artikel} lid {t.lid}: {f.quote!r} ({t.note})")
    assert not hits, "\n".join(hits)
