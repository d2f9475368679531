"""AMB-03 Policy instrument with undetermined status or bindingness (the woonvisie problem).

Reads the instrument mentions from the resources (each with its bindingness level L0–L3
from the verb phrase in its clause, whether it serves as a decision test, whether a
version or date follows) and the adopters from the competence table. Per instrument at
most one flag per problem: inconsistent bindingness (KRITIEK), no adopter (KRITIEK when
the instrument is used as a decision criterion, else ZORG), status unknown and no version
(ZORG), a consistent L1 "rekening houden met" (INFO, unless it is also a decision test).
Financial and regulatory instruments (begroting, verordening) have statutory status (the
Wgr names their adopter) and are only checked for inconsistent bindingness; drafts
("ontwerpbegroting") and the agenda of a meeting are skipped.

Severity (hand checks rounds 1–5: 1 true positive in 23 judged zorg flags). ZORG for "no adopter"
needs an instrument with neither an adopting organ nor a stated binding effect anywhere in the text
(or one the text says is adopted, "wordt vastgesteld", without saying by whom); with a stated level
("houdt rekening met", "is richtinggevend") only the adopter is open: SUGGESTIE. Not flagged for
status at all: an instrument a law defines once ("cultuurnota als bedoeld in artikel 3 van de Wet …"
makes every mention statutory) and a capitalised title of an outside publication ("het Centraal
Economisch Plan", "het Meerjarenprogramma Infrastructuur en Transport 1988–2002"), nor a bare plural
("de geldende kaders": frameworks in general; round 6 test sample). An organ that
"stelt het beleidsplan, het activiteitenplan en de meerjarenbegroting vast" adopts each listed object.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import LEVEL_NL, InstrumentMention, Resources

# "een cultuurnota als bedoeld in artikel 3 van de Wet …", "een plan van aanpak als bedoeld in artikel 44a van de
# Participatiewet" (a short "van …" complement may sit between the instrument and the reference).
GENERIC_PLURALS = {"kaders", "plannen", "programma's", "visies", "agenda's", "nota's", "beleidsplannen",
                   "beleidskaders"}
STATUTORY_REF_RE = re.compile(r"\s*(?:van\s+\w+\s*)?,?\s*(?:als\s+)?bedoeld\s+in\s+[^.;]{0,80}?\b(?:van|der)\s+"
                              r"(?:de\s+)?[A-Z]")


@detector("AMB-03", name="status of binding van beleidsinstrument onbepaald",
          requires={"instruments", "competences", "definitions"}, default_severity=Severity.ZORG,
          rule="Ar 3.47; STOP informatieobject", context_adjust=False)
def instrument_status(res: Resources) -> Iterator[Flag]:
    groups: dict[str, list[InstrumentMention]] = defaultdict(list)
    defined = {d.term.lower() for d in res.definitions}
    def_passages = {d.passage_id for d in res.definitions}
    # An instrument a law defines once ("een cultuurnota als bedoeld in artikel 3 van de Wet …") keeps that
    # statutory status in every later mention ("de uit te brengen cultuurnota").
    statutory = {m.name for m in res.instruments
                 if STATUTORY_REF_RE.match(res.by_id[m.passage_id].text[m.end:m.end + 120])}
    for m in res.instruments:
        if m.name in statutory:
            continue
        if m.text.lower() in GENERIC_PLURALS:
            continue  # "de geldende kaders", "plannen": frameworks in general, not one instrument
        if _named_document(res, m):
            continue  # "het Centraal Economisch Plan", "Meerjarenprogramma Infrastructuur en Transport": a title
        if m.passage_id in def_passages or m.name.startswith("ontwerp"):
            continue  # drafts are not adopted; definitions are AMB-09's
        if m.name == "agenda" and re.search(r"vergader", res.by_id[m.passage_id].text, re.I):
            continue  # the agenda of a meeting
        text = res.by_id[m.passage_id].text
        if re.search(rf"\w{re.escape(m.name)}\b", text[:m.start], re.I):
            continue  # "het plan" after "het liquidatieplan": the same document, named in full before
        groups[m.name].append(m)
    for name, ms in groups.items():
        yield from _merge(res, list(_problems(res, name, ms, defined)))


def _problems(res: Resources, name: str, ms: list[InstrumentMention], defined: set[str]) -> Iterator[tuple]:
    if True:
        policy = ms[0].kind in ("beleid", "afspraak")
        levels = {m.level for m in ms if m.level != "L?"}
        test = [m for m in ms if m.decision_test]
        adopters = ms[0].adopters or sorted({a for m in ms if (a := _drawn_up_by(res, m, "vast"))})
        preparers = sorted({c.actor for c in res.competences
                            if c.action_class == "preparatory" and c.object == name and c.actor}
                           | {a for m in ms if (a := _drawn_up_by(res, m))})
        if policy and len(levels) >= 2:
            first_level = next(m.level for m in ms if m.level != "L?")
            odd = next(m for m in ms if m.level not in ("L?", first_level))
            yield (odd, Severity.KRITIEK, 0.75,
                        f"De {name} is niet overal even bindend: "
                        + ", ".join(sorted({f"{LEVEL_NL[m.level]} ('{m.level_phrase}')" for m in ms
                                            if m.level != 'L?'})) + ".",
                        f"Hoe bindend is de {name}, en voor wie (algemeen bestuur, dagelijks bestuur, raden)?",
                        "Leg de status één keer vast, bij voorkeur in de begripsbepaling of het artikel dat de "
                        f"{name} regelt.")
            # The other side of the conflict, so the reviewer sees both places (the finding itself is above).
            first = next(m for m in ms if m.level == first_level)
            if first is not odd:
                yield (first, Severity.SUGGESTIE, 0.6,
                       f"Hier is de {name} {LEVEL_NL[first_level]} ('{first.level_phrase}'); elders "
                       f"{LEVEL_NL[odd.level]} ('{odd.level_phrase}'): zie de melding daar.",
                       f"Welke binding van de {name} is bedoeld?", "")
        external = any(_external_adopter(res, m) for m in ms)
        if not adopters and policy and not external:
            target = test[0] if test else ms[0]
            sev = Severity.KRITIEK if test else Severity.ZORG
            why = " en wordt gebruikt als toets voor besluiten" if test else ""
            adopted_passively = any(re.search(r"\b(?:wordt|worden|is|zijn)\b[^.;]{0,40}\b(?:vastgesteld|goedgekeurd)\b",
                                              res.by_id[m.passage_id].text) for m in ms)
            if levels and not test and not adopted_passively:
                # The text says how strongly the stuk binds ("houdt rekening met", "is richtinggevend"), so its
                # effect is settled; only who adopts it is open: a drafting point (research AMB-03 (f)).
                sev = Severity.SUGGESTIE
                why = " (de tekst zegt wel hoe bindend het is)"
            elif preparers and not test:
                # A named organ draws the plan up ("het dagelijks bestuur stelt het beleidsplan op"): the
                # author is known and the route is traceable; who adopts it is a drafting point, no concern.
                sev = Severity.SUGGESTIE
                why = f" (het wordt wel opgesteld door: {', '.join(preparers)})"
            yield (target, sev, 0.7 if policy else 0.5,
                        f"De tekst regelt niet wie '{name}' vaststelt{why}.",
                        f"Wie stelt '{name}' vast, en is het een besluit van de GR of van elke gemeente?",
                        f"Voeg toe: '<orgaan> stelt de {name} vast.'")
        if not policy:
            return
        if not levels and not any(m.versioned for m in ms) and not external:  # "door PS vastgesteld bij besluit van …"
            # A plan the GR's own organ draws up is its working document: its status is a drafting point.
            # Likewise a plan a named organ adopts: its status is that of the organ's decision.
            yield (ms[0], Severity.SUGGESTIE if (preparers or adopters) and not test else Severity.ZORG, 0.6,
                        f"De status van '{name}' staat nergens: geen werkwoord zegt hoe bindend het stuk is en "
                        "er is geen versie of datum genoemd (statische verwijzing, Ar 3.47)."
                        + ("" if name in defined else " Het begrip is ook niet gedefinieerd."),
                        f"Is de {name} bindend, richtinggevend of alleen informatief, en welke versie is bedoeld?",
                        f"Noem de versie (datum, vaststellingsbesluit) en de binding: '… handelt overeenkomstig de "
                        f"{name}' of '… houdt rekening met de {name}'.")
        elif levels == {"L1"}:
            sev = Severity.ZORG if test or "kader" in name else Severity.INFO
            yield (next(m for m in ms if m.level == "L1"), sev, 0.5,
                        f"De {name} hoeft alleen te worden meegewogen ('{ms[0].level_phrase or 'rekening houden'}')"
                        + ("; toch dient het stuk als toets voor besluiten." if sev == Severity.ZORG else "."),
                        f"Is het de bedoeling dat de {name} alleen richtinggevend is?",
                        "")


ADOPTED_BY_RE = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?(?:[A-Z][\w-]*\s+){1,4}(?:\w+\s+){0,2}"
                           r"(?:vastgesteld|goedgekeurd)\b|\b(?:vastgesteld|goedgekeurd)\s+door\s+(?:de\s+|het\s+)?[A-Z]")


def _drawn_up_by(res: Resources, m: InstrumentMention, particle: str = "op") -> str | None:
    """"Het algemeen bestuur stelt een liquidatieplan op dat …": the organ before "stelt … op" around the
    mention (the competence table misses the particle when a relative clause or a list follows); with
    ``particle="vast"`` the adopter of a listed object ("stelt het beleidsplan, het activiteitenplan en
    de meerjarenbegroting vast")."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    verbs = list(re.finditer(r"\b(?:stelt|stellen)\b", pi.text[s:m.start]))
    verb = verbs[-1] if verbs else None
    if verb is None or not re.search(rf"\b{particle}\b", pi.text[m.end:e]):
        return None
    if re.search(r"\b(?:van|voor|bij|uit)\s+(?:de|het|een|deze|dit)?\s*$", pi.text[s:m.start]):
        return None  # "stelt de uitvoeringsprogramma's van de duurzaamheidsagenda vast": not the object
    organs = [k for k in res.mentions_in(pi, s, s + verb.start())]
    return organs[-1].key if organs else None


def _named_document(res: Resources, m: InstrumentMention) -> bool:
    """A capitalised title of an outside publication inside a sentence: "het Centraal Economisch Plan"
    (a capitalised word before the head) or "het Meerjarenprogramma Infrastructuur en Transport 1988–2002"
    (capitalised words and a year after it). Its status is its own, not the regulation's."""
    pi = res.by_id[m.passage_id]
    s, _e = pi.sentence_of(m.start)
    before = pi.text[s:m.start]
    if re.search(r"(?<![.:;] )\b[A-Z][a-zà-ÿ]+\s+$", before) and before.strip() and \
            not re.search(r"^\s*\S+\s+$", before) and not re.search(r"\b(?:De|Het|Een)\s+$", before):
        return True
    return m.text[:1].isupper() and bool(re.match(r"(?:\s+(?:[A-Z][\w-]*|en|van|de))+\s+(?:19|20)\d\d\b",
                                                  pi.text[m.end:m.end + 80]))


def _external_adopter(res: Resources, m: InstrumentMention) -> bool:
    """"het streekplan, door Provinciale Staten vastgesteld bij besluit van …": an adopter outside the GR."""
    pi = res.by_id[m.passage_id]
    s, e = pi.sentence_of(m.start)
    return bool(ADOPTED_BY_RE.search(pi.text[m.end:e]))


def _merge(res: Resources, problems: list[tuple]) -> Iterator[Flag]:
    """One flag per mention: the worst severity, the explanations joined."""
    by_mention: dict[int, list[tuple]] = defaultdict(list)
    for p in problems:
        by_mention[id(p[0])].append(p)
    for ps in by_mention.values():
        m = ps[0][0]
        sev = max(p[1] for p in ps)
        conf = max(p[2] for p in ps)
        yield make_flag("AMB-03", res.by_id[m.passage_id], m.start, m.end, severity=sev, confidence=conf,
                        explanation=" ".join(p[3] for p in ps), question=" ".join(dict.fromkeys(p[4] for p in ps)),
                        suggestion=" ".join(p[5] for p in ps if p[5]))
