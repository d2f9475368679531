"""External check on the Dutch issuepositions gold (evaluation only; never train or tune on it).

Maps the gold topic of each sentence to our domains with
``eval/mappings/issuepositions_topic_to_domain.csv`` (E → ruimtelijk-economisch, S → sociaal,
B → bestuur or bedrijfsvoering, NONE → no domain) and prints per-domain P/R/F1 and macro-F1
over E/S/B, once over all mapped sentences and once without the topics whose mapping is
marked ambiguous. News sentences are far from regulation text: read the numbers as a
sanity check of direction, not as a target.

    python -m models.evaluate [--eval-dir ../shared/eval] [--model DIR] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.classify import BlendedModel
from models.labels import Prediction

GROUPS = {"E": {"ruimtelijk-economisch"}, "S": {"sociaal"}, "B": {"bestuur", "bedrijfsvoering"}}


@dataclass(frozen=True, slots=True)
class GoldSentence:
    text: str
    topic: str
    domain: str  # E, S, B or NONE
    ambiguous: bool


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def load_mapping(path: Path) -> list[tuple[str, str, bool]]:
    """(normalised topic alternative, domain, ambiguous), longest alternatives first."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for alt in row["topic_label_nl"].split(" / "):
                out.append((_norm(alt), row["domain"], row["ambiguous"].strip() == "yes"))
    return sorted(out, key=lambda r: -len(r[0]))


def _map(topic: str, mapping: list[tuple[str, str, bool]]) -> tuple[str, bool] | None:
    t = _norm(topic)
    if not t:
        return None
    for alt, dom, amb in mapping:
        if t == alt or t.startswith(alt) or (len(t) >= 6 and alt.startswith(t)):
            return dom, amb
    return None


def load_gold(eval_dir: Path) -> tuple[list[GoldSentence], list[str]]:
    """Both gold files; returns the sentences and the topics that could not be mapped."""
    mapping = load_mapping(eval_dir / "mappings" / "issuepositions_topic_to_domain.csv")
    base = eval_dir / "issuepositions"
    out: list[GoldSentence] = []
    unmapped: list[str] = []

    def add(text: str, topic: str) -> None:
        m = _map(topic, mapping)
        if m is None:
            unmapped.append(topic)
            return
        out.append(GoldSentence(text.replace("**", "").strip(), topic, m[0], m[1]))

    with (base / "data__intermediate__gold_325.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            topic = row.get("decision") or row.get("maj.topic") or ""
            topic = re.sub(r"/[LNR]$", "", topic.strip())  # "Werk & Inkomen/L": drop the stance
            if topic.strip():
                add(row["text_hl"], topic.strip())
    with (base / "data__raw__annotations_stances_1_gold.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            topic = (row.get("gold_topic") or "").split(" : ")[0]
            if topic.strip():
                add(row["text"], topic.strip())
    return out, unmapped


def score(gold: list[GoldSentence], preds: list[Prediction]) -> dict[str, Any]:
    res: dict[str, Any] = {"n": len(gold)}
    f1s = []
    for g, members in GROUPS.items():
        tp = fp = fn = 0
        for s, p in zip(gold, preds, strict=True):
            hit = bool(p.labels.domains & members)
            tp += hit and s.domain == g
            fp += hit and s.domain != g
            fn += (not hit) and s.domain == g
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        res[g] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": tp + fn}
        f1s.append(f1)
    res["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    return res


def run(eval_dir: Path, model_dir: str | None = None) -> dict[str, Any]:
    gold, unmapped = load_gold(eval_dir)
    models: dict[str, BlendedModel] = {"seed": BlendedModel()}
    if model_dir:
        from models.training import load_model

        trained = load_model(model_dir)
        models["trained"] = trained.model
        models["learned-only"] = BlendedModel(trained.model.learned, trained.model.n_codings, 0.0)
    clear = [i for i, s in enumerate(gold) if not s.ambiguous]
    out: dict[str, Any] = {"n_sentences": len(gold), "n_unambiguous": len(clear), "unmapped_topics": sorted(set(unmapped))}
    for name, model in models.items():
        preds = model.predict([s.text for s in gold])
        out[name] = {"all": score(gold, preds),
                     "without_ambiguous": score([gold[i] for i in clear], [preds[i] for i in clear])}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--model", default=None, help="artifact directory of 'drechtlens train'")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    if not (eval_dir / "issuepositions").exists():
        print(f"evaluatiemap {eval_dir} ontbreekt", file=sys.stderr)
        return 1
    res = run(eval_dir, args.model)
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False))
        return 0
    print(f"issuepositions: {res['n_sentences']} zinnen ({res['n_unambiguous']} met eenduidige mapping); "
          f"niet te mappen onderwerpen: {res['unmapped_topics'] or 'geen'}")
    for name in ("seed", "trained", "learned-only"):
        if name in res:
            for subset in ("all", "without_ambiguous"):
                r = res[name][subset]
                per = "  ".join(f"{g}: F1={r[g]['f1']:.2f} (n={r[g]['support']})" for g in GROUPS)
                print(f"{name:13} {subset:18} macro-F1={r['macro_f1']:.3f}   {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
