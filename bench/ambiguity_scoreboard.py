"""Development scoreboard for the ambiguity detectors: every current kritiek+zorg flag on the development
texts, scored against every judgement ever written for an identical flag.

Every hand-checked set is development material (see the protocol in bench/ambiguity_quality.py), the round-8
final sets included (held-out passages are left out). A
flag is identical when (file, type, artikel, lid, quote) match; the latest round's judgement wins. Prints per
type: zorg+ flags now, of which judged tp, judged fp, unjudged — and judged tp flags that are no longer zorg+
("lost"). Not a precision figure to report (the judgements were made on these texts), a tool to see what a
change does before the final sets are drawn.

``python -m bench.ambiguity_scoreboard [--show fp|tp|new|lost] [--type AMB-05]``
"""

from __future__ import annotations

import argparse
import collections
import sys

from bench.ambiguity_quality import (
    DATA,
    FINAL_IDS,
    HANDCHECK_FINAL11_HELD,
    SERIOUS,
    TEST2_IDS,
    TEST3_IDS,
    TEST4_IDS,
    analyse_all,
    final8_gr_items,
    final8_items,
    flag_key,
    gr_paths,
    read_judgements,
    test2_items,
    test_items,
)


def all_verdicts() -> dict[tuple, tuple[str, str, str]]:
    """(file, type, artikel, lid, quote) → (judgement, reason, source file); later rounds win."""
    out: dict[tuple, tuple[str, str, str]] = {}
    for path in sorted(DATA.glob("ambiguity_handcheck_round*.tsv")):
        if path == HANDCHECK_FINAL11_HELD:  # evaluation data of held-out passages: never shown while tuning
            continue
        for r in read_judgements(path):
            if r["judgement"] in ("tp", "fp"):
                out[(r["file"], r["type"], r["artikel"], r["lid"], r["quote"])] = (
                    r["judgement"], r["reason"], path.stem.removeprefix("ambiguity_handcheck_"))
    return out


def dev_items() -> list:
    return [*analyse_all(gr_paths()), *test_items(), *test2_items(TEST2_IDS), *test2_items(TEST3_IDS),
            *test2_items(TEST4_IDS), *test2_items(FINAL_IDS), *final8_items(), *final8_gr_items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", choices=("fp", "tp", "new", "lost"), action="append", default=[])
    ap.add_argument("--type", default=None)
    args = ap.parse_args(argv)
    verdicts = all_verdicts()
    items = dev_items()
    per: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    serious_now = set()
    shown = []
    for a in items:
        for f in a.report.flags:
            if f.severity.nl not in SERIOUS or f.passage_id in a.heldout:
                continue
            k = flag_key(a.name, f)
            serious_now.add(k)
            j, reason, src = verdicts.get(k, ("new", "", ""))
            per[f.type][j] += 1
            if j in args.show and (args.type is None or f.type == args.type):
                shown.append(f"{j:<4} {a.name:<14} {f.type} art {f.artikel} lid {f.lid} [{f.severity.nl}] "
                             f"{f.quote[:60]!r} :: {reason or f.explanation[:160]}")
    lost = collections.Counter()
    names = {a.name for a in items}
    # Rounds 1-5 judged some flags in passages that were later held out: never show or count those.
    held_text = collections.defaultdict(list)
    for a in items:
        held_text[a.name] += [" ".join(p.text.split()) for p in a.doc.passages if p.id in a.heldout]
    for k, (j, reason, src) in verdicts.items():
        if any(k[4] and k[4] in t for t in held_text.get(k[0], ())):
            continue
        if j == "tp" and k[0] in names and k not in serious_now:
            lost[k[1]] += 1
            if "lost" in args.show and (args.type is None or k[1] == args.type):
                shown.append(f"lost {k[0]:<14} {k[1]} art {k[2]} lid {k[3]} {k[4][:60]!r} :: {reason} ({src})")
    print("\n".join(shown))
    print(f"{'type':<8} {'zorg+':>6} {'tp':>4} {'fp':>4} {'new':>4} {'lost tp':>8}")
    tot = collections.Counter()
    for t in sorted(set(per) | set(lost)):
        c = per[t]
        print(f"{t:<8} {sum(c.values()):>6} {c['tp']:>4} {c['fp']:>4} {c['new']:>4} {lost[t]:>8}")
        tot.update(c)
    judged = tot["tp"] + tot["fp"]
    print(f"{'all':<8} {sum(tot.values()):>6} {tot['tp']:>4} {tot['fp']:>4} {tot['new']:>4} {sum(lost.values()):>8}"
          f"   judged precision {tot['tp']}/{judged} = {tot['tp'] / max(judged, 1):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
