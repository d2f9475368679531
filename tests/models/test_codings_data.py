"""Validate the hand-coded reference passages in tests/data/codings against the codebook and the corpus."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.data.codings.load import (
    DOMAINS,
    POLES,
    TENSION_FIELDS,
    LocatorError,
    is_heldout,
    iter_rows,
    load_codings,
    load_codings_report,
    load_demo_codings,
    load_demo_report,
    load_heldout,
    resolve,
    sha1,
    validate_row,
)

# Minimum sizes the classification work relies on (see tests/data/codings/README.md).
MIN_TOTAL = 300
MIN_PER_DOMAIN = 60
MIN_WITH_TENSION = 40
MIN_WITHOUT_TENSION = 60


@pytest.fixture(scope="module")
def report(shared_corpus: Path, shared_eval: Path):
    return load_codings_report(shared_corpus, shared_eval)


def test_every_row_is_valid_against_the_schema() -> None:
    rows = iter_rows()
    assert rows, "geen batch*.jsonl gevonden"
    problems = [f"{where}: {p}" for where, row in rows for p in validate_row(row)]
    assert problems == []
    assert all(row["coder"] for _, row in rows)


def test_labels_are_exactly_the_codebook_codes(shared_reference: Path) -> None:
    codebook = (shared_reference / "CODEBOOK.md").read_text(encoding="utf-8")
    section1, _, rest = codebook.partition("## 2.")
    section2 = rest.partition("## 3.")[0]
    row_code = re.compile(r"^\| `([a-z-]+)` \|", re.MULTILINE)
    assert tuple(row_code.findall(section1)) == DOMAINS
    assert tuple(row_code.findall(section2)) == tuple(TENSION_FIELDS)
    assert POLES == ("A", "B", "beide")


def test_validate_row_rejects_unknown_labels() -> None:
    good = {
        "source": "x",
        "locator": "csv:1",
        "text_sha1": "0" * 40,
        "domains": ["sociaal"],
        "tensions": {"verleden-toekomst": "B"},
        "coder": "F2",
    }
    assert validate_row(good) == []
    assert validate_row({**good, "domains": ["social"]})
    assert validate_row({**good, "tensions": {"verleden-toekomst": "toekomst"}})
    assert validate_row({**good, "tensions": {"vrijheid": "A"}})
    assert validate_row({k: v for k, v in good.items() if k != "text_sha1"})


def test_every_locator_resolves_and_every_hash_matches(report) -> None:
    assert report.invalid == []
    assert report.unresolved == []
    assert report.hash_mismatches == []
    assert report.duplicates == []
    assert len(report.passages) == len(iter_rows())


def test_no_coded_passage_is_held_out(report, shared_corpus: Path, shared_eval: Path) -> None:
    assert report.heldout_hits == []
    heldout = load_heldout(shared_eval)
    assert heldout, "heldout_passages.tsv is leeg"
    coded = {(p.source, p.locator) for p in report.passages}
    assert not coded & heldout
    # Independent of locator spelling: no coded text equals a held-out text of the same source.
    sources = {p.source for p in report.passages}
    held_hashes = set()
    for source, locator in heldout:
        if source in sources:
            try:
                held_hashes.add(sha1(resolve(shared_corpus, source, locator)))
            except LocatorError:
                continue
    assert not {sha1(p.text) for p in report.passages} & held_hashes


def test_heldout_check_covers_overlapping_line_ranges() -> None:
    heldout = {("a.md", "lines:10-10")}
    assert is_heldout("a.md", "lines:10-10", heldout)
    assert is_heldout("a.md", "lines:8-12", heldout)
    assert not is_heldout("a.md", "lines:11-12", heldout)
    assert not is_heldout("b.md", "lines:10-10", heldout)
    # PDF: the whole page of a held-out paragraph is off limits; HTML: a margin of paragraphs around it.
    pdf = {("x.pdf", "pdfpara:4/2")}
    assert is_heldout("x.pdf", "pdfpara:4/0", pdf)
    assert not is_heldout("x.pdf", "pdfpara:5/2", pdf)
    html = {("y.html", "htmlpara:20")}
    assert is_heldout("y.html", "htmlpara:23", html)
    assert not is_heldout("y.html", "htmlpara:24", html)


def test_bad_locators_raise_a_dutch_error(shared_corpus: Path) -> None:
    with pytest.raises(LocatorError, match="niet gevonden"):
        resolve(shared_corpus, "national/coalitieakkoord2021_paragraphs.csv", "csv:999999")
    with pytest.raises(LocatorError, match="onbekend locatortype"):
        resolve(shared_corpus, "national/coalitieakkoord2021_paragraphs.csv", "row:1")
    with pytest.raises(LocatorError, match="bestaat niet"):
        resolve(shared_corpus, "nope.csv", "csv:1")


def test_label_counts_meet_the_balance_targets(report) -> None:
    passages = report.passages
    domains = Counter(d for p in passages for d in p.domains)
    poles = Counter(f"{f}={pole}" for p in passages for f, pole in p.tensions.items())
    with_tension = sum(1 for p in passages if p.tensions)
    per_source = Counter(p.source.split("/")[0] for p in passages)
    print(f"\n{len(passages)} gecodeerde passages; per bron: {dict(per_source)}")
    print(f"domeinen: {dict(domains)}; zonder domein: {sum(1 for p in passages if not p.domains)}")
    print(f"met spanningsveld: {with_tension}; zonder: {len(passages) - with_tension}")
    for key in sorted(poles):
        print(f"  {key}: {poles[key]}")
    assert len(passages) >= MIN_TOTAL
    assert all(domains[d] >= MIN_PER_DOMAIN for d in DOMAINS), domains
    assert with_tension >= MIN_WITH_TENSION
    assert len(passages) - with_tension >= MIN_WITHOUT_TENSION
    # Both poles of every tension field occur at least once.
    for fld in TENSION_FIELDS:
        assert poles[f"{fld}=A"] and poles[f"{fld}=B"], fld


def test_load_codings_returns_texts(shared_corpus: Path) -> None:
    passages = load_codings(shared_corpus)
    assert passages and all(p.text.strip() for p in passages)
    assert {p.coder for p in passages} == {"F2"}


def test_demo_codings_resolve_against_the_demo_corpus() -> None:
    """Demo rows reference corpus/demo in this checkout; a small share may go stale when a demo text is edited."""
    report = load_demo_report()
    assert report.invalid == [] and report.duplicates == [] and report.heldout_hits == []
    total = len(report.passages) + len(report.unresolved) + len(report.hash_mismatches)
    assert total >= 150
    stale = report.unresolved + report.hash_mismatches
    if stale:
        print(f"\n{len(stale)} demo-coderingen verouderd (tekst gewijzigd): {stale[:10]}")
    assert len(report.passages) >= 0.9 * total, stale
    assert all(p.source.startswith("corpus/demo/") for p in report.passages)
    poles = Counter(f"{f}={pole}" for p in report.passages for f, pole in p.tensions.items())
    print(f"\ndemo: {len(report.passages)} passages, spanningsvelden: {dict(sorted(poles.items()))}")
    # The demo texts were written to exercise the tension fields; every field occurs at least once.
    for fld in TENSION_FIELDS:
        assert any(poles[f"{fld}={pole}"] for pole in POLES), fld
    assert len(load_demo_codings()) == len(report.passages)
