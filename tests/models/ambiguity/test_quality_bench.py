"""The quality bench's statistics and set definitions (bench/ambiguity_quality.py)."""

from __future__ import annotations

import pytest

from bench import ambiguity_quality as q


@pytest.mark.parametrize(("tp", "n", "lo", "hi"), [
    (40, 40, 0.912, 1.0),   # a perfect census of 40 still leaves room below 100%
    (10, 14, 0.454, 0.883),
    (1, 50, 0.004, 0.105),
    (0, 5, 0.0, 0.435),
])
def test_wilson_interval_matches_the_textbook_values(tp, n, lo, hi):
    got_lo, got_hi = q.wilson(tp, n)
    assert got_lo == pytest.approx(lo, abs=0.002)
    assert got_hi == pytest.approx(hi, abs=0.002)


def test_wilson_of_nothing_judged_is_the_whole_range():
    assert q.wilson(0, 0) == (0.0, 1.0)


def test_heldout_rows_take_only_serious_flags_in_heldout_passages(shared_corpus):
    """11a is drawn from held-out passages only; the bench must not mix in judged development flags."""
    items = q.analyse_all(q.gr_paths()[:3])
    rows = q.heldout_rows(items)
    held = {(a.name, f.type, f.artikel, f.lid, f.quote) for a in items for f in a.report.flags
            if f.passage_id in a.heldout and f.severity.nl in q.SERIOUS}
    assert {(r["file"], r["type"], r["artikel"], r["lid"], r["quote"]) for r in rows} == held
    assert all(r["severity"] in q.SERIOUS and r["basis"] == "round11" for r in rows)


def test_the_bill_set_has_no_heldout_passages(shared_corpus):
    items = q.final11_bill_items()
    assert len(items) == len(q.FINAL11_BILLS)
    assert all(not a.heldout for a in items)
