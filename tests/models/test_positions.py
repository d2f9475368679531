"""Profiles: domain shares and tension balance with a bootstrap interval."""

from __future__ import annotations

import pytest

from models.labels import Labels
from models.positions import ProfileItem, profile, profile_rows


def _items(group: str, a: int, b: int, none: int) -> list[ProfileItem]:
    lab_a = Labels.make(["bestuur"], {"vrijheid-afhankelijkheid": "A"})
    lab_b = Labels.make(["sociaal"], {"vrijheid-afhankelijkheid": "B"})
    return [ProfileItem(group, lab_a)] * a + [ProfileItem(group, lab_b)] * b + [ProfileItem(group, Labels())] * none


def test_balance_counts_and_shares() -> None:
    (p,) = profile(_items("Dordrecht", 6, 2, 2))
    assert p.n_passages == 10
    assert p.domain_shares["bestuur"] == 0.6 and p.domain_shares["sociaal"] == 0.2
    t = next(t for t in p.tensions if t.field == "vrijheid-afhankelijkheid")
    assert (t.a, t.b, t.beide, t.balance) == (6, 2, 0, 0.5)
    assert t.ci_low < 0.5 < t.ci_high and -1 <= t.ci_low and t.ci_high <= 1
    assert next(t for t in p.tensions if t.field == "verleden-toekomst").balance is None


def test_interval_narrows_with_more_passages() -> None:
    small, large = profile(_items("klein", 6, 2, 2) + _items("groot", 60, 20, 20))
    ts = next(t for t in small.tensions if t.field == "vrijheid-afhankelijkheid")
    tl = next(t for t in large.tensions if t.field == "vrijheid-afhankelijkheid")
    assert ts.balance == tl.balance == 0.5
    assert (tl.ci_high - tl.ci_low) < (ts.ci_high - ts.ci_low)


def test_all_one_pole_gives_degenerate_interval_and_rows() -> None:
    (p,) = profile(_items("Zwijndrecht", 5, 0, 0))
    t = next(t for t in p.tensions if t.field == "vrijheid-afhankelijkheid")
    assert (t.balance, t.ci_low, t.ci_high) == (1.0, 1.0, 1.0)
    rows = profile_rows([p])
    assert len(rows) == 4 + 5
    assert rows[0]["groep"] == "Zwijndrecht"


def test_bootstrap_is_reproducible() -> None:
    items = _items("x", 3, 4, 5)
    assert profile(items) == profile(items)
    with pytest.raises(AssertionError):
        assert profile(items, seed=1) == profile(items, seed=2)
