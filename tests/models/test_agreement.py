"""Agreement measures against published worked examples; disagreements and adjudication."""

from __future__ import annotations

import pytest
from sklearn.metrics import cohen_kappa_score

from models.agreement import agreement, cohen_kappa, disagreements, krippendorff_alpha_nominal, resolve
from models.labels import Coding, Labels

N = None


def test_alpha_krippendorff_worked_example_with_missing_values() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers,
    # 12 units, missing values; nominal alpha = 0.743.
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3]
    c = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]
    assert krippendorff_alpha_nominal(list(zip(a, b, c, d, strict=True))) == pytest.approx(0.743, abs=5e-4)


def test_alpha_two_coders_binary_example() -> None:
    # Same source, two coders, binary data: alpha = 0.095
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha_nominal(list(zip(a, b, strict=True))) == pytest.approx(0.095, abs=5e-4)


def test_alpha_edge_cases() -> None:
    assert krippendorff_alpha_nominal([["x", "x"], ["y", "y"]]) == 1.0
    assert krippendorff_alpha_nominal([["x", None], [None, "y"]]) is None  # nothing pairable


def test_kappa_matches_sklearn() -> None:
    a = ["A", "B", "A", "-", "A", "B", "-", "-", "A", "B"]
    b = ["A", "B", "B", "-", "A", "A", "-", "A", "A", "B"]
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def _c(pid: str, coder: str, doms: list[str], tens: dict[str, str] | None = None, adj: bool = False) -> Coding:
    return Coding(pid, f"tekst {pid}", Labels.make(doms, tens or {}), coder, adjudicated=adj)


def test_per_label_agreement_disagreements_and_resolution() -> None:
    codings = [
        _c("1", "an", ["sociaal"]), _c("1", "bo", ["sociaal"]),
        _c("2", "an", ["bestuur"], {"legitimiteit-resultaat": "A"}), _c("2", "bo", ["bestuur"]),
        _c("3", "an", ["ruimtelijk-economisch"]), _c("3", "bo", ["sociaal"]),
        _c("4", "an", ["bestuur"]),
    ]
    by_label = {a.label: a for a in agreement(codings)}
    assert by_label["bestuur"].n_units == 3 and by_label["bestuur"].kappa == 1.0
    assert by_label["sociaal"].percent == pytest.approx(2 / 3)
    assert by_label["legitimiteit-resultaat"].alpha is not None and by_label["legitimiteit-resultaat"].alpha < 0.5
    dis = {d.passage_id: d for d in disagreements(codings)}
    assert set(dis) == {"2", "3"}
    assert dis["2"].labels == ["legitimiteit-resultaat"]
    assert dis["3"].labels == ["ruimtelijk-economisch", "sociaal"]
    kept, unresolved = resolve(codings)
    assert sorted(c.passage_id for c in kept) == ["1", "4"] and sorted(unresolved) == ["2", "3"]
    # the adjudicated coding is what trains
    kept, unresolved = resolve(codings + [_c("3", "lead", ["sociaal", "ruimtelijk-economisch"], adj=True)])
    assert unresolved == ["2"]
    assert next(c for c in kept if c.passage_id == "3").coder == "lead"
    assert "3" not in {d.passage_id for d in disagreements(codings + [_c("3", "lead", [], adj=True)])}
