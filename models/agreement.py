"""Inter-coder agreement and adjudication.

Per label (each domain as yes/no; each tension field as none/A/B/beide) we compute
Cohen's κ for two coders and Krippendorff's α (nominal; any number of coders; passages
that only some coders saw are handled as missing values). :func:`disagreements` lists
the passages to adjudicate and :func:`resolve` picks what trains: an adjudicated coding
wins; otherwise a passage counts only when all its coders agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import permutations

from models.codebook import Codebook, load_codebook
from models.labels import Coding, Labels

NONE = "-"  # value of a tension field the coder did not mark


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's κ for two coders over the same units (1.0 when both agree on one category)."""
    if len(a) != len(b) or not a:
        raise ValueError("two equally long, non-empty sequences are needed")
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if pe == 1.0:
        return 1.0 if po == 1.0 else 0.0
    return (po - pe) / (1 - pe)


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's α, nominal metric. ``units[u]`` = the values coders gave unit ``u``
    (``None`` = missing). Units with fewer than two values are not pairable and drop out.
    Returns None when there is nothing to compare; 1.0 when all values are one category.
    """
    coincidence: dict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        vals = [v for v in unit if v is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in permutations(range(m), 2):
            coincidence[(vals[i], vals[j])] += 1.0 / (m - 1)
    if not coincidence:
        return None
    n_c: dict[Hashable, float] = defaultdict(float)
    for (c, _k), w in coincidence.items():
        n_c[c] += w
    n = sum(n_c.values())
    observed = sum(w for (c, k), w in coincidence.items() if c != k)
    expected = n * n - sum(v * v for v in n_c.values())  # sum over c != k of n_c * n_k
    if expected == 0:
        return 1.0
    return 1.0 - (n - 1) * observed / expected


def label_values(labels: Labels, codebook: Codebook) -> dict[str, str]:
    """One nominal value per label: domains "ja"/"nee", tension fields "-"/A/B/beide."""
    vals = {d: ("ja" if d in labels.domains else "nee") for d in codebook.domain_codes}
    tens = labels.tension_dict
    vals.update({f: tens.get(f, NONE) for f in codebook.tension_codes})
    return vals


@dataclass
class LabelAgreement:
    label: str
    alpha: float | None
    kappa: float | None  # only when exactly two coders coded the compared passages
    n_units: int  # passages coded by at least two coders
    percent: float | None  # raw agreement on those passages


@dataclass
class Disagreement:
    passage_id: str
    text: str
    by_coder: dict[str, Labels]
    labels: list[str] = field(default_factory=list)  # the labels on which coders differ


def _by_passage(codings: Sequence[Coding]) -> dict[str, list[Coding]]:
    out: dict[str, list[Coding]] = defaultdict(list)
    for c in codings:
        out[c.passage_id].append(c)
    return out


def agreement(codings: Sequence[Coding], codebook: Codebook | None = None) -> list[LabelAgreement]:
    """α (and κ when there are two coders) per label over non-adjudication codings."""
    cb = codebook or load_codebook()
    plain = [c for c in codings if not c.adjudicated]
    coders = sorted({c.coder for c in plain})
    passages = _by_passage(plain)
    multi = {pid: cs for pid, cs in passages.items() if len({c.coder for c in cs}) >= 2}
    result = []
    for label in cb.domain_codes + cb.tension_codes:
        units = []
        for cs in multi.values():
            by = {c.coder: label_values(c.labels, cb)[label] for c in cs}
            units.append([by.get(coder) for coder in coders])
        alpha = krippendorff_alpha_nominal(units)
        kappa = None
        if len(coders) == 2 and units:
            pairs = [(u[0], u[1]) for u in units if u[0] is not None and u[1] is not None]
            if pairs:
                kappa = cohen_kappa([p[0] for p in pairs], [p[1] for p in pairs])
        percent = (sum(len({v for v in u if v is not None}) == 1 for u in units) / len(units)) if units else None
        result.append(LabelAgreement(label, alpha, kappa, len(units), percent))
    return result


def disagreements(codings: Sequence[Coding], codebook: Codebook | None = None) -> list[Disagreement]:
    """Passages whose coders differ and that have no adjudicated coding yet."""
    cb = codebook or load_codebook()
    out = []
    for pid, cs in _by_passage(codings).items():
        if any(c.adjudicated for c in cs):
            continue
        latest = {c.coder: c for c in cs}
        if len(latest) < 2:
            continue
        values = {coder: label_values(c.labels, cb) for coder, c in latest.items()}
        differ = [lab for lab in cb.domain_codes + cb.tension_codes
                  if len({v[lab] for v in values.values()}) > 1]
        if differ:
            first = next(iter(latest.values()))
            out.append(Disagreement(pid, first.text, {k: c.labels for k, c in latest.items()}, differ))
    return out


def resolve(codings: Sequence[Coding]) -> tuple[list[Coding], list[str]]:
    """The training set: one coding per passage, and the ids left out as unresolved.

    An adjudicated coding wins (the last one when there are several); otherwise the
    passage counts when all its coders (their last coding each) agree.
    """
    kept: list[Coding] = []
    unresolved: list[str] = []
    for pid, cs in _by_passage(codings).items():
        adj = [c for c in cs if c.adjudicated]
        if adj:
            kept.append(adj[-1])
            continue
        latest = {c.coder: c for c in cs}
        if len({c.labels for c in latest.values()}) == 1:
            kept.append(next(iter(latest.values())))
        else:
            unresolved.append(pid)
    return kept, unresolved
