"""Positions: where a document, municipality or year stands (CODEBOOK.md section 3).

Per group: the share of passages per domain, and per tension field the balance
``(A - B) / (A + B)`` with the counts behind it (``beide`` is counted but not in the
balance) and a bootstrap 95% interval from resampling the group's passages.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from models.codebook import Codebook, load_codebook
from models.labels import Labels

BOOTSTRAP = 2000


@dataclass(frozen=True, slots=True)
class ProfileItem:
    group: str  # document title, municipality or year
    labels: Labels


@dataclass
class TensionBalance:
    field: str
    a: int
    b: int
    beide: int
    balance: float | None  # (A - B) / (A + B); None when no passage takes a pole
    ci_low: float | None
    ci_high: float | None


@dataclass
class Profile:
    group: str
    n_passages: int
    domain_counts: dict[str, int]
    domain_shares: dict[str, float]
    tensions: list[TensionBalance] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _balance(a: int, b: int) -> float | None:
    return (a - b) / (a + b) if a + b else None


def profile(items: Sequence[ProfileItem], codebook: Codebook | None = None, seed: int = 0,
            n_boot: int = BOOTSTRAP) -> list[Profile]:
    """One :class:`Profile` per group, groups in order of first appearance."""
    cb = codebook or load_codebook()
    groups: dict[str, list[Labels]] = {}
    for it in items:
        groups.setdefault(it.group, []).append(it.labels)
    out = []
    rng = random.Random(seed)
    for group, labs in groups.items():
        n = len(labs)
        counts = {d: sum(d in lab.domains for lab in labs) for d in cb.domain_codes}
        shares = {d: round(c / n, 4) for d, c in counts.items()}
        tens = []
        for f in cb.tension_codes:
            poles = [lab.tension_dict.get(f) for lab in labs]
            a, b, both = poles.count("A"), poles.count("B"), poles.count("beide")
            bal = _balance(a, b)
            lo = hi = None
            if bal is not None:
                # Bootstrap over all passages of the group (not only those touching f):
                # the number of passages taking a pole varies too.
                codes = [1 if p == "A" else -1 if p == "B" else 0 for p in poles]
                stats = []
                for _ in range(n_boot):
                    sample = rng.choices(codes, k=n)
                    sa, sb = sample.count(1), sample.count(-1)
                    if sa + sb:
                        stats.append((sa - sb) / (sa + sb))
                stats.sort()
                lo = round(stats[int(0.025 * (len(stats) - 1))], 4)
                hi = round(stats[int(0.975 * (len(stats) - 1))], 4)
            tens.append(TensionBalance(f, a, b, both, None if bal is None else round(bal, 4), lo, hi))
        out.append(Profile(group, n, counts, shares, tens))
    return out


def profile_rows(profiles: Sequence[Profile]) -> list[dict[str, Any]]:
    """Flat rows for CSV: one per group and measure."""
    rows = []
    for p in profiles:
        for d, share in p.domain_shares.items():
            rows.append({"groep": p.group, "passages": p.n_passages, "maat": f"domein:{d}",
                         "aantal": p.domain_counts[d], "waarde": share, "ci_laag": "", "ci_hoog": ""})
        for t in p.tensions:
            rows.append({"groep": p.group, "passages": p.n_passages, "maat": f"spanning:{t.field}",
                         "aantal": f"A={t.a} B={t.b} beide={t.beide}",
                         "waarde": "" if t.balance is None else t.balance,
                         "ci_laag": "" if t.ci_low is None else t.ci_low,
                         "ci_hoog": "" if t.ci_high is None else t.ci_high})
    return rows
