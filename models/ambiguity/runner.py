"""Runner: build the resources once, run the registered detectors, then rank the flags.

``analyse(doc)`` returns an :class:`AmbiguityReport`. After the detectors have run it
applies, in this order (each step a pure function, tested on its own):

1. **context adjustment** (detectors registered with ``context_adjust=True``): escalate
   SUGGESTIE → ZORG when the clause confers a power or duty or sits in a tasks/powers article,
   *and* no decider is knowable: no organ in the lid, none named through its instrument ("bij
   koninklijk besluit") in the sentence, and more than one organ in the text (round 8: no escalated
   hedge in rounds 1–7 was judged true; with a knowable decider it is a deliberate open norm). Round 11
   (``decider_knowable``): a public body named in the lid in any role ("beroep bij de bestuursrechter"), the
   organ that performs the same act elsewhere in the artikel, and in national law any body the artikel
   names are knowable deciders too, so the bodies of national law missing from the organ registry are no
   evidence of a missing decider. De-escalate one level when the lid names a decider *and* a criterion
   *and* a time limit. De-escalated flags stay in the list with a note.
2. **near-duplicate merging**: a flag whose span overlaps a better-ranked flag in the same
   passage by ≥ 80 % of the shorter span is merged into it (its type is noted in the
   kept flag's explanation and the merge is recorded in ``report.merged``). Two findings of
   different types that are both ZORG or worse stay separate when one span is less than
   half the other ("kader" inside "indien dit past binnen het kader"): distinct questions.
3. **ranking**: severity, then confidence, then position in the document.
4. **cap per lid**: beyond ``cap_per_lid`` flags in one lid, the excess is demoted to INFO
   (KRITIEK is never demoted) and counted in ``report.stats["capped"]``; nothing is dropped.

Before the detectors run, the Wgr checklist (AMB-16) is left out of a default run on a regeling that
is no gemeenschappelijke regeling (no algemeen and dagelijks bestuur, no "gemeenschappelijke regeling"
or "openbaar lichaam" in the text): a municipal verordening need not say how members join or leave.
A warning says so; asking for AMB-16 explicitly still runs it.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace

from extract.document import Document
from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import load_detectors
from models.ambiguity.resources import (
    AGENT_INSTRUMENT_RE,
    DECIDER_RE,
    LEVEL_NL,
    NUMBER_RE,
    Alias,
    Competence,
    Definition,
    Delegation,
    PassageInfo,
    Resources,
    build_resources,
)
from models.nlp import Capabilities

STRUCTURAL = {"AMB-09", "AMB-11", "AMB-13", "AMB-16"}  # anchored findings, never merged
# The sentence of a finding that names the likely holder ("Het artikel noemt alleen 'college'; vermoedelijk is …").
HOLDER_HINT_RE = re.compile(r"[^.]*\bvermoedelijk\b[^.]*\.", re.I)
WGR_ONLY = {"AMB-16"}  # checks of mandatory Wgr content: only for a gemeenschappelijke regeling
CRITERION_RE = re.compile(r"\b(overeenkomstig|met inachtneming van|op grond van|volgens|conform|aan de hand van"
                          r"|bij meerderheid)\b|\d", re.I)
# "Bij de in het eerste lid bedoelde algemene maatregel van bestuur wordt, zo nodig in afwijking van …, bepaald":
# the maker of that instrument decides.
INSTRUMENT_MAKER_RE = re.compile(r"\bbij\s+(?:de|het|een)\s+(?:[\w ]{0,60}?\s)?(?:algemene\s+maatregel\s+van\s+bestuur"
                                 r"|ministeriële\s+regeling|koninklijk\s+besluit)\b", re.I)
# A personal pronoun as the subject of the hedged clause ("2. Hij kan zo nodig …", "Zo nodig kan het …"): it refers
# back to a body the artikel names, so the decider is that body.
PRONOUN_SUBJECT_RE = re.compile(
    r"^\W*(?:hij|zij|het|dit|deze)\s+(?:kan|kunnen|mag|mogen|moet|moeten|dient|dienen|zal|zullen|stelt|stellen|neemt"
    r"|nemen|draagt|dragen|besluit|besluiten|beslist|beslissen|zendt|zenden|geeft|geven|legt|leggen|maakt|maken"
    r"|brengt|brengen|wijst|wijzen|treft|treffen|regelt|regelen|bepaalt|bepalen|verleent|verlenen)\b"
    r"|\b(?:kan|kunnen|mag|mogen|moet|moeten|dient|dienen|zal|zullen)\s+(?:hij|zij|het)\b", re.I)
TIME_RE = re.compile(r"\bbinnen\s+\S+\s+(dagen|weken|maanden|jaar)\b|\buiterlijk\b|\bjaarlijks\b|\bvóór\b"
                     r"|\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                     r"|november|december)\b", re.I)


class AmbiguityInputError(ValueError):
    """The input cannot be analysed; ``str(err)`` is a Dutch sentence for the user."""


@dataclass(frozen=True, slots=True)
class ClauseContext:
    power_duty: bool  # the sentence confers a power or duty on an organ
    task_article: bool  # the artikel is about tasks, powers, belang
    decider: bool  # an organ decides or judges in this lid
    criterion: bool  # a number, a reference standard ("overeenkomstig …") in this lid
    time_limit: bool  # a deadline or date in this lid
    organ_in_sentence: bool = False  # a decider is knowable: an organ in the lid, "bij koninklijk besluit", one organ


@dataclass(frozen=True, slots=True)
class InstrumentCard:
    """What the regulation says about one policy instrument (research AMB-03 (d) 4)."""

    name: str
    kind: str
    adopters: tuple[str, ...]
    mentions: tuple[dict, ...]  # {artikel, lid, level, level_nl, phrase, decision_test, versioned, quote}

    @property
    def levels(self) -> set[str]:
        return {m["level"] for m in self.mentions}


@dataclass(slots=True)
class AmbiguityReport:
    flags: list[Flag]
    competences: list[Competence]
    instruments: list[InstrumentCard]
    aliases: list[Alias]
    delegations: list[Delegation]
    definitions: list[Definition]
    pipeline: dict
    detector_versions: dict[str, str]
    stats: dict = field(default_factory=dict)
    merged: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Dutch, for the user

    def counts(self) -> dict[str, dict[str, int]]:
        """type → severity → count."""
        out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for f in self.flags:
            out[f.type][f.severity.nl] += 1
        return {k: dict(v) for k, v in sorted(out.items())}

    def per_1000_words(self) -> dict[str, float]:
        words = max(self.stats.get("words", 0), 1)
        c = Counter(f.severity.nl for f in self.flags)
        out = {s.nl: round(1000 * c.get(s.nl, 0) / words, 2) for s in reversed(Severity)}
        out["totaal"] = round(1000 * len(self.flags) / words, 2)
        return out

    def to_dict(self) -> dict:
        return {
            "flags": [f.to_dict() for f in self.flags],
            "competences": [c.to_dict() for c in self.competences],
            "instruments": [asdict(i) for i in self.instruments],
            "aliases": [asdict(a) for a in self.aliases],
            "delegations": [d.to_dict() for d in self.delegations],
            "definitions": [asdict(d) for d in self.definitions],
            "pipeline": self.pipeline,
            "detector_versions": self.detector_versions,
            "stats": self.stats,
            "merged": self.merged,
            "warnings": self.warnings,
        }


# -- pure post-processing steps --------------------------------------------------------
def adjust_for_context(flag: Flag, ctx: ClauseContext, may_escalate: bool = True) -> Flag:
    """Escalate in power/duty clauses and task articles; de-escalate with decider + criterion + time.

    ``may_escalate=False`` (the detector's per-flag opt-out) keeps only the de-escalation: a time
    hedge ("zo spoedig mogelijk") stays a suggestion even in a clause that confers a duty.
    """
    sev = flag.severity
    note = ""
    if may_escalate and sev == Severity.SUGGESTIE and (ctx.power_duty or ctx.task_article) \
            and not ctx.organ_in_sentence:
        sev = sev.escalate()
        note = " (Verhoogd: de bepaling kent een bevoegdheid of plicht toe.)"
    if ctx.decider and ctx.criterion and ctx.time_limit and sev > Severity.INFO:
        sev = sev.deescalate()
        note = " (Verlaagd: beslisser, maatstaf en termijn staan in hetzelfde lid.)"
    if sev == flag.severity:
        return flag
    return replace(flag, severity=sev, explanation=flag.explanation + note)


def rank_key(f: Flag, seq: dict[str, int]) -> tuple:
    return (-int(f.severity), -f.confidence, seq.get(f.passage_id, 0), f.start)


def _overlap(a: Flag, b: Flag) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    shorter = max(1, min(a.end - a.start, b.end - b.start))
    return inter / shorter if inter > 0 else 0.0


def _length_ratio(a: Flag, b: Flag) -> float:
    la, lb = max(1, a.end - a.start), max(1, b.end - b.start)
    return min(la, lb) / max(la, lb)


def merge_near_duplicates(flags: list[Flag], seq: dict[str, int]) -> tuple[list[Flag], list[dict]]:
    """Merge overlapping flags within a passage into the better-ranked one (input in any order)."""
    kept: list[Flag] = []
    by_passage: dict[str, list[int]] = defaultdict(list)
    merged: list[dict] = []
    for f in sorted(flags, key=lambda f: rank_key(f, seq)):
        target = None
        if f.type not in STRUCTURAL:
            for i in by_passage[f.passage_id]:
                k = kept[i]
                # Two serious findings of different types on nested spans of very different length
                # ("kader" inside "indien dit past binnen het kader") are different questions.
                distinct = (f.type != k.type and min(f.severity, k.severity) >= Severity.ZORG
                            and _length_ratio(k, f) < 0.5)
                if k.type not in STRUCTURAL and not distinct and _overlap(k, f) >= 0.8:
                    target = i
                    break
        if target is None:
            by_passage[f.passage_id].append(len(kept))
            kept.append(f)
            continue
        k = kept[target]
        if f.type != k.type and f"Ook gemeld als {f.type}" not in k.explanation:
            # The absorbed finding may know who is meant ("Vermoedelijk het college, zie artikel 4"): keep that.
            hint = HOLDER_HINT_RE.search(f.explanation)
            named = re.findall(r"'([^']+)'", hint.group(0)) if hint else []
            extra = f" {hint.group(0).strip()}" if hint and not any(n in k.explanation for n in named) else ""
            kept[target] = replace(k, explanation=f"{k.explanation} (Ook gemeld als {f.type}: {f.name}.{extra})")
        merged.append({"kept": kept[target].key, "type": f.type, "quote": f.quote, "location": f.location})
    return kept, merged


def cap_per_lid(flags: list[Flag], cap: int) -> tuple[list[Flag], int]:
    """Flags must be ranked. Beyond ``cap`` per (artikel, lid): demote to INFO, except KRITIEK."""
    seen: Counter = Counter()
    out, capped = [], 0
    for f in flags:
        if f.type == "AMB-16":
            out.append(f)  # document-level findings are anchored, not located in this lid
            continue
        key = (f.artikel, f.lid, f.onderdeel if f.lid is None else None)
        seen[key] += 1
        if f.artikel is not None and seen[key] > cap and f.severity not in (Severity.KRITIEK, Severity.INFO):
            f = replace(f, severity=Severity.INFO,
                        explanation=f.explanation + f" (Verlaagd: meer dan {cap} meldingen in dit lid.)")
            capped += 1
        out.append(f)
    return out, capped


def clause_context(res: Resources, flag: Flag) -> ClauseContext:
    pi = res.by_id[flag.passage_id]
    text = pi.text
    decider = bool(DECIDER_RE.search(text) and res.organ_mentions.get(pi.passage.id)) or any(
        c.actor for c in res.competences_in(pi))
    s, e = pi.sentence_of(flag.start)
    # Round 11: text outside any artikel (toelichting, a document that is no regeling, a loose PDF fragment) confers
    # no power or duty in the regulation's structure, and has no lid or artikel to look for its decider in.
    power_duty = pi.passage.artikel is not None and res.competence_clause(pi, flag.start)
    task_article = res.structure.is_task_article(pi.passage.artikel)
    return ClauseContext(
        power_duty=power_duty,
        task_article=task_article,
        decider=decider,
        criterion=bool(CRITERION_RE.search(text)),
        time_limit=bool(TIME_RE.search(text) or NUMBER_RE.search(text) and TIME_RE.search(text)),
        # only asked where escalation is possible (adjust_for_context)
        organ_in_sentence=(power_duty or task_article) and decider_knowable(res, pi, (s, e)),
    )


def decider_knowable(res: Resources, pi: PassageInfo, sentence: tuple[int, int]) -> bool:
    """Whoever applies a hedge in this sentence can be found in the document, so raising it needs no more evidence.

    Knowable: the lid names an organ or public body in any role (a task list's lead-in names whose tasks they are;
    "beroep bij de bestuursrechter" names the forum), the sentence names one through its instrument ("bij koninklijk
    besluit"), the text has one organ only, or (round 11) the holder of the competence the hedge qualifies is named:
    the same act is performed by a named organ elsewhere in the artikel ("Het dagelijks bestuur stelt de tarieven
    vast. De tarieven worden zo nodig tussentijds vastgesteld"), or an organ adopts or acts on the act's object
    somewhere in the text ("De begroting wordt zo nodig gewijzigd", the begroting adopted by the algemeen
    bestuur), or the clause's subject is a pronoun whose antecedent body the artikel names ("2. Hij kan zo nodig
    …"). In national law the artikel is the
    unit: its executing body is named once, in the first lid or the article the clause elaborates, and the
    bodies of national law (het bestuursorgaan, de toezichthouder, de ambtenaren …) are not in the organ registry, so
    their absence from the registry is no evidence of a missing decider (round-9 sample)."""
    s, e = sentence
    sent = pi.text[s:e]
    if res.organs_named_in_lid(pi) or res.actor_named_in_lid(pi) or res.public_body_named(pi, "lid"):
        return True
    if AGENT_INSTRUMENT_RE.search(sent) or INSTRUMENT_MAKER_RE.search(sent) or len(res.organs_in_document()) == 1:
        return True
    if PRONOUN_SUBJECT_RE.search(sent) and res.public_body_named(pi, "artikel"):
        return True
    agentless = [c for c in res.competences_in(pi, sentence) if not c.actor]
    if any(res.actor_of_action(pi, c.action) or c.object and res.organ_acts_on(c.object) for c in agentless):
        return True
    return res.is_national_law() and res.public_body_named(pi, "artikel")


def instrument_cards(res: Resources) -> list[InstrumentCard]:
    groups: dict[str, list] = defaultdict(list)
    for m in res.instruments:
        groups[m.name].append(m)
    cards = []
    for name, ms in groups.items():
        mentions = []
        for m in ms:
            p = res.by_id[m.passage_id].passage
            mentions.append({"artikel": p.artikel, "lid": p.lid, "level": m.level, "level_nl": LEVEL_NL[m.level],
                             "phrase": m.level_phrase, "decision_test": m.decision_test, "versioned": m.versioned,
                             "quote": m.text})
        cards.append(InstrumentCard(name, ms[0].kind, tuple(ms[0].adopters), tuple(mentions)))
    return cards


def caps_of(nlp) -> Capabilities:
    """What a caller-supplied pipeline can do (``load_nlp()`` pipelines come with their own record)."""
    names = set(nlp.pipe_names)
    return Capabilities(pipeline=nlp.meta.get("name", "custom"), version=nlp.meta.get("version", "?"),
                        lemmas=True, pos=bool(names & {"tagger", "morphologizer"}), parse="parser" in names,
                        ner="ner" in names, vectors=bool(nlp.vocab.vectors.shape[0]))


# -- entry point ------------------------------------------------------------------------
def analyse(doc: Document, nlp=None, *, detectors: list[str] | None = None, cap_per_lid_n: int = 8,
            caps=None) -> AmbiguityReport:
    """Run the ambiguity detectors on ``doc`` (its dispositief) and return the ranked report."""
    if not isinstance(doc, Document):
        raise AmbiguityInputError(f"Geen document om te analyseren (kreeg {type(doc).__name__}); lees het bestand "
                                  "eerst in met 'drechtlens parse'.")
    t0 = time.perf_counter()
    specs = load_detectors()
    if detectors:
        unknown = [c for c in detectors if c not in specs]
        if unknown:
            raise AmbiguityInputError(f"Onbekende detector(en): {', '.join(unknown)}; beschikbaar: "
                                      f"{', '.join(sorted(specs))}.")
    selected = [specs[c] for c in sorted(specs) if not detectors or c in detectors]
    if nlp is not None and caps is None:
        caps = caps_of(nlp)
    res = build_resources(doc, nlp, caps)
    warnings: list[str] = []
    if doc.kind != "regeling":
        warnings.append(f"Dit document is van het soort '{doc.kind}', niet 'regeling': de detectoren zijn gemaakt "
                        "voor regelingen en de Wgr-controle (AMB-16) is overgeslagen.")
    if not res.passages:
        warnings.append("Het document bevat geen normatieve tekst (dispositief) om te analyseren.")
    elif doc.kind == "regeling" and not detectors and not res.is_gemeenschappelijke_regeling():
        # The Wgr checklist (art. 9, 10) binds gemeenschappelijke regelingen only; on a verordening or
        # beleidsregel every item would be a false alarm (round 6 test sample: 19 of 50 zorg flags).
        selected = [s for s in selected if s.code not in WGR_ONLY]
        warnings.append("Dit is geen gemeenschappelijke regeling (geen algemeen en dagelijks bestuur): de "
                        "Wgr-controle (AMB-16) is overgeslagen.")
    if res.passages and not res.structure.artikelen:
        warnings.append("Geen artikelindeling gevonden: verwijzingen (AMB-11) en de Wgr-controle (AMB-16) konden "
                        "niet worden nagelopen.")
    t1 = time.perf_counter()
    raw: list[Flag] = []
    per_detector: dict[str, int] = {}
    errors: dict[str, str] = {}
    for spec in selected:
        try:
            found = list(spec.func(res))
        except Exception as err:  # one broken detector must not stop the others
            errors[spec.code] = f"{type(err).__name__}: {err}"
            warnings.append(f"Detector {spec.code} ({spec.name}) is mislukt en overgeslagen.")
            continue
        good = []
        for f in found:
            pi = res.by_id.get(f.passage_id)
            if pi is None or pi.text[f.start:f.end] != f.quote or not f.quote:
                errors.setdefault(spec.code, f"citaat klopt niet met de tekst: {f.quote!r}")
                continue
            if spec.context_adjust:
                f = adjust_for_context(f, clause_context(res, f),
                                       spec.may_escalate is None or spec.may_escalate(f))
            good.append(f)
        per_detector[spec.code] = len(good)
        raw += good
    seq = {pi.passage.id: pi.index for pi in res.passages}
    flags, merged = merge_near_duplicates(raw, seq)
    flags.sort(key=lambda f: rank_key(f, seq))
    flags, capped = cap_per_lid(flags, cap_per_lid_n)
    flags.sort(key=lambda f: rank_key(f, seq))
    t2 = time.perf_counter()
    stats = {"words": res.words, "passages": len(res.passages), "raw": len(raw), "flags": len(flags),
             "merged": len(merged), "capped": capped, "per_detector_raw": per_detector, "errors": errors,
             "seconds_resources": round(t1 - t0, 3), "seconds_detectors": round(t2 - t1, 3),
             "seconds": round(t2 - t0, 3)}
    return AmbiguityReport(flags, res.competences, instrument_cards(res), res.aliases, res.delegations,
                           res.definitions, res.caps.to_dict(), {s.code: s.full_version for s in selected}, stats,
                           merged, warnings)
