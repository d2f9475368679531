"""Ambiguity detector quality: seeded-defect recall, noise, speed and hand-checked precision.

``python -m bench.ambiguity_quality`` prints, for the 11 real GR texts in
``../shared/corpus/laws-markdown`` (development data, research note §4.1):

* recall per injected defect kind at the right artikel and lid (tests/models/ambiguity/seeding.py;
  parsed from the modified Markdown, the PDF round trip is covered by the seeded-defect test);
* flags per 1,000 words by severity on the UNMODIFIED texts (target: ≤ 25 of severity zorg or higher);
* words/s of ``analyse`` against the bare ``spacy.blank("nl")`` tokenizer on the same text;
* precision of kritiek+zorg flags from the hand check (tests/data/ambiguity_handcheck_round4.tsv: the latest
  fresh 50-flag sample; the other rounds in ambiguity_handcheck_round*.tsv, each judged on the detectors of its
  day: round 5 is the 18 zorg+ flags no round had judged yet), per type;
* the census: every current kritiek+zorg flag looked up in all rounds (the latest judgement of the same
  file/type/artikel/lid/quote) — precision of the whole current output, but on text the fixes were made on;
* ``--sample N`` writes a fresh stratified, seeded sample of zorg+ flags to judge (TSV on stdout).

``run(smoke)`` gives the same numbers as ``bench.common.Row`` for ``bench/run.py``; the
smoke run uses one GR text (or the demo GR when ../shared is absent).
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import Row

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DRECHTLENS_SHARED", ROOT.parent / "shared"))
LAWS = SHARED / "corpus" / "laws-markdown"
HANDCHECK = ROOT / "tests" / "data" / "ambiguity_handcheck_round4.tsv"  # current round (judged after the fixes)
# Earlier rounds, each judged on the detectors of its day (fixes followed each round; see the commit log).
HANDCHECK_ROUNDS = sorted(p for p in (ROOT / "tests" / "data").glob("ambiguity_handcheck_round*.tsv")
                          if p != HANDCHECK)
DEMO_GR = ROOT / "corpus" / "demo" / "gr-drechtsteden-2026.md"
GR_IDS = ("0009989", "0011304", "0011484", "0012374", "0013738", "0013884", "0015843", "0016477", "0016929",
          "0017935", "0018068")
ZORG_TARGET = 25.0
PRECISION_TARGET = 0.70


@dataclass
class Analysed:
    name: str
    path: Path
    doc: object
    report: object
    seconds: float


def gr_paths() -> list[Path]:
    out = []
    for gid in GR_IDS:
        found = sorted(LAWS.glob(f"BWBR{gid}_*.md"))
        if found:
            out.append(found[0])
    return out


def analyse_all(paths: list[Path]) -> list[Analysed]:
    import extract
    from models.ambiguity import analyse

    out = []
    for i, p in enumerate(paths):
        doc = extract.parse(p)
        if i == 0:
            analyse(doc)  # warm-up: pipeline and lexicons load once per process
        t = time.perf_counter()
        report = analyse(doc)
        out.append(Analysed(p.name[:12] if p.name.startswith("BWBR") else p.stem, p, doc, report,
                            time.perf_counter() - t))
    return out


def noise(items: list[Analysed]) -> tuple[int, dict[str, float]]:
    """Total words and flags per 1,000 words by severity (and zorg+) over ``items``."""
    words = sum(a.report.stats["words"] for a in items)
    c = collections.Counter(f.severity.nl for a in items for f in a.report.flags)
    per = {s: 1000 * c[s] / max(words, 1) for s in ("kritiek", "zorg", "suggestie", "info")}
    per["zorg+"] = per["kritiek"] + per["zorg"]
    per["totaal"] = sum(c.values()) * 1000 / max(words, 1)
    return words, per


def speed(items: list[Analysed]) -> tuple[float, float]:
    """words/s of analyse (timed above) and of spacy.blank("nl") over the same dispositief texts."""
    import spacy

    words = sum(a.report.stats["words"] for a in items)
    ours = words / sum(a.seconds for a in items)
    blank = spacy.blank("nl")
    texts = [p.text for a in items for p in a.doc.dispositief()]
    list(blank.pipe(texts[:50]))
    t = time.perf_counter()
    list(blank.pipe(texts, batch_size=64))
    return ours, words / (time.perf_counter() - t)


def seeded_recall(items: list[Analysed]) -> dict[str, tuple[int, int]]:
    """kind → (found, injected) with one defect of each kind per text, parsed from the modified Markdown."""
    import tempfile

    import extract
    from models.ambiguity import analyse
    from tests.models.ambiguity.seeding import KINDS, inject, score

    out = {k: [0, 0] for k in KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        for a in items:
            seed = int(a.name[4:11]) if a.name.startswith("BWBR") else 0
            seeded = inject(a.path.read_text(encoding="utf-8"), a.doc, a.report.flags, seed=seed)
            src = Path(tmp) / a.path.name
            src.write_text(seeded.text, encoding="utf-8")
            for inj, ok in score(seeded.injections, analyse(extract.parse(src)).flags):
                out[inj.kind][0] += ok
                out[inj.kind][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def handcheck_precision(path: Path = HANDCHECK) -> tuple[dict[str, tuple[int, int]], int, int]:
    """type → (tp, judged) for kritiek+zorg rows, plus the totals."""
    if not path.exists():
        return {}, 0, 0
    per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["severity"] not in ("kritiek", "zorg") or row["judgement"] not in ("tp", "fp"):
                continue
            per[row["type"]][0] += row["judgement"] == "tp"
            per[row["type"]][1] += 1
    tp = sum(v[0] for v in per.values())
    n = sum(v[1] for v in per.values())
    return {k: (v[0], v[1]) for k, v in sorted(per.items())}, tp, n


def _judged(paths: list[Path]) -> set[tuple[str, str, str, str, str]]:
    out = set()
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            out |= {(r["file"], r["type"], r["artikel"], r["lid"], r["quote"])
                    for r in csv.DictReader(fh, delimiter="\t")}
    return out


def sample(items: list[Analysed], n: int = 50, seed: int = 2026, exclude: list[Path] = ()) -> list[dict]:
    """A seeded sample of zorg+ flags, stratified over types (round robin over shuffled per-type pools).

    Flags already judged in the ``exclude`` files are left out, so a new round is a fresh sample."""
    rng = random.Random(seed)
    judged = _judged(list(exclude))
    pools: dict[str, list] = collections.defaultdict(list)
    for a in items:
        for f in a.report.flags:
            if (a.name, f.type, f.artikel or "", f.lid or "", " ".join(f.quote.split())) in judged:
                continue
            if f.severity.nl in ("kritiek", "zorg"):
                pools[f.type].append((a.name, f))
    for pool in pools.values():
        rng.shuffle(pool)
    picked: list = []
    types = sorted(pools)
    while len(picked) < n and any(pools.values()):
        for t in types:
            if pools[t] and len(picked) < n:
                picked.append(pools[t].pop())
    return [{"file": name, "type": f.type, "artikel": f.artikel or "", "lid": f.lid or "",
             "quote": " ".join(f.quote.split()), "severity": f.severity.nl, "judgement": "", "reason": "",
             "explanation": f.explanation} for name, f in picked]


def run(smoke: bool) -> list[Row]:
    paths = gr_paths()
    note = ""
    if not paths:
        paths, note = [DEMO_GR], "../shared ontbreekt: demo-GR gebruikt"
    if smoke:
        paths = paths[:1]
    items = analyse_all(paths)
    words, per = noise(items)
    ours, ref = speed(items)
    case = f"{len(items)} GR texts, {words:,} words"
    rows = [
        Row("ambiguity_quality", case, "words/s", ours, ref, 'spacy.blank("nl") tokenizer',
            notes=f"analyse() after warm-up, summed over texts; {note}".strip("; ")),
        Row("ambiguity_quality", case, "zorg+ flags / 1,000 words", per["zorg+"], higher_is_better=False,
            target=f"<= {ZORG_TARGET:g}", passed=per["zorg+"] <= ZORG_TARGET,
            notes=", ".join(f"{k} {v:.1f}" for k, v in per.items()), extra=per),
    ]
    if not smoke and LAWS.exists():
        for kind, (found, total) in seeded_recall(items).items():
            rows.append(Row("ambiguity_quality", f"seeded {kind}", "recall at artikel+lid", found / max(total, 1),
                            target=">= 0.90", passed=found / max(total, 1) >= 0.9, notes=f"{found}/{total}"))
    per_type, tp, n = handcheck_precision()
    if n:
        rows.append(Row("ambiguity_quality", f"hand check, {n} zorg+ flags", "precision", tp / n,
                        target=f">= {PRECISION_TARGET:.2f}", passed=tp / n >= PRECISION_TARGET,
                        notes="; ".join(f"{t} {a}/{b}" for t, (a, b) in per_type.items())))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=0, help="write N zorg+ flags to judge (TSV) and stop")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--exclude", nargs="*", type=Path, default=[], help="hand-check files whose flags to skip")
    args = ap.parse_args(argv)
    paths = gr_paths()
    if not paths:
        print(f"De GR-teksten ontbreken ({LAWS}); niets te meten.", file=sys.stderr)
        return 1
    items = analyse_all(paths)
    if args.sample:
        rows = sample(items, args.sample, args.seed, args.exclude)
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return 0
    words, per = noise(items)
    print(f"Unmodified texts: {len(items)} GR texts, {words:,} words (dispositief)")
    print("Flags per 1,000 words: " + ", ".join(f"{k} {v:.2f}" for k, v in per.items())
          + f"  (target zorg+ <= {ZORG_TARGET:g}: {'PASS' if per['zorg+'] <= ZORG_TARGET else 'FAIL'})")
    for a in items:
        _w, p = noise([a])
        print(f"  {a.name}: {a.report.stats['words']:>5} words, zorg+ {p['zorg+']:5.1f}/1000, {a.seconds:.2f} s")
    ours, ref = speed(items)
    print(f"Speed: analyse {ours:,.0f} words/s; spacy.blank('nl') tokenizer {ref:,.0f} words/s "
          f"(analyse = {ours / ref:.3f}x tokenizer)")
    print("Seeded-defect recall at artikel+lid (one per kind per text, from Markdown):")
    for kind, (found, total) in seeded_recall(items).items():
        print(f"  {kind:<11} {found:>2}/{total:<2} = {found / max(total, 1):.0%}")
    per_type, tp, n = handcheck_precision()
    if n:
        print(f"Hand check ({HANDCHECK.relative_to(ROOT)}): precision kritiek+zorg {tp}/{n} = {tp / n:.0%} "
              f"(target >= {PRECISION_TARGET:.0%}: {'PASS' if tp / n >= PRECISION_TARGET else 'FAIL'})")
        for t, (a, b) in per_type.items():
            print(f"  {t}: {a}/{b}")
    else:
        print("Hand check: no judged rows found.")
    for path in HANDCHECK_ROUNDS:
        _per, tp1, n1 = handcheck_precision(path)
        if n1:
            print(f"  other round {path.stem.rsplit('_', 1)[-1]} (detectors of that day): {tp1}/{n1} = {tp1 / n1:.0%}")
    tp2, n2, unjudged = census(items)
    if n2:
        print(f"Census of the current kritiek+zorg flags (judgement from any round): {tp2}/{n2} = {tp2 / n2:.0%}, "
              f"{unjudged} not judged in any round")
    return 0


def census(items: list[Analysed]) -> tuple[int, int, int]:
    """(tp, judged, unjudged) over all current kritiek+zorg flags, judgements from every round (latest wins)."""
    verdict: dict[tuple, str] = {}
    for path in sorted(HANDCHECK_ROUNDS + [HANDCHECK], key=lambda p: p.stem):
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for r in csv.DictReader(fh, delimiter="\t"):
                    verdict[(r["file"], r["type"], r["artikel"], r["lid"], r["quote"])] = r["judgement"]
    tp = n = unjudged = 0
    for a in items:
        for f in a.report.flags:
            if f.severity.nl not in ("kritiek", "zorg"):
                continue
            j = verdict.get((a.name, f.type, f.artikel or "", f.lid or "", " ".join(f.quote.split())))
            if j in ("tp", "fp"):
                tp += j == "tp"
                n += 1
            else:
                unjudged += 1
    return tp, n, unjudged


if __name__ == "__main__":
    sys.exit(main())
