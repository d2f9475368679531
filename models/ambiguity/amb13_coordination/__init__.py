"""AMB-13 Coordination and enumeration ambiguity (en/of, c.q., cumulatief of alternatief).

"en/of" (Ar 3.12) and "c.q." → ZORG in a competence or condition clause, else SUGGESTIE.
"dan wel"/"hetzij" mixed with "of" in one sentence (SUGGESTIE). Enumerations (onderdelen
of one lid, as passages or inline "a. …; b. …"): the connector before the last item must
be "en", "of" or "dan wel" (missing → SUGGESTIE, ZORG for a list of conditions), and the
items may not mix "en" and "of" (ZORG). Text after the last item that is not a new lid
(Ar 3.59, ZORG). Shared modifiers over coordinated organs ("de raden en colleges van de
deelnemende gemeenten", "het algemeen en dagelijks bestuur") → SUGGESTIE. Definition
lists need no connector (Ar 3.59 lid 3) and are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import CONDITION_RE, PassageInfo, Resources

ENOF_RE = re.compile(r"(?<!\w)(en\s*/\s*of|c\.q\.|casu quo)(?!\w)", re.I)
DANWEL_RE = re.compile(r"\b(dan wel|hetzij)\b", re.I)
OF_RE = re.compile(r"\bof\b", re.I)
SCOPE_RE = re.compile(r"\b(?:de|het)\s+(raden|colleges|besturen|algemeen|dagelijks|burgemeesters|voorzitters)\s+"
                      r"(en|of)\s+(?:de\s+|het\s+)?(colleges|raden|besturen|dagelijks|algemeen|burgemeesters"
                      r"|secretarissen)(?:\s+bestuur)?\s+(van|die|dat|der)\b", re.I)
CONNECTOR_RE = re.compile(r"(?:[,;]\s*|\s)(en|of|dan wel|alsmede|hetzij)\s*[;,]?\s*$", re.I)
INLINE_ITEM_RE = re.compile(r"(?:[:;]|\n)\s*(?:(?:en|of|dan wel)\s+)?([a-z])[.)]\s+")
CONDITION_LEADIN_RE = re.compile(r"indien|voorwaarde|voor zover|mits|wanneer|als\b|in geval|tenzij", re.I)


@detector("AMB-13", name="nevenschikking / opsomming dubbelzinnig", requires={"structure"},
          default_severity=Severity.SUGGESTIE, rule="Ar 3.12, 3.59, 3.60", context_adjust=False)
def coordination(res: Resources) -> Iterator[Flag]:
    for pi in res.passages:
        text = pi.text
        for m in ENOF_RE.finditer(text):
            s, e = pi.sentence_of(m.start())
            strong = res.competence_clause(pi, m.start()) or bool(CONDITION_RE.search(text[s:e]))
            yield make_flag("AMB-13", pi, m.start(), m.end(), severity=Severity.ZORG if strong else Severity.SUGGESTIE,
                            confidence=0.85,
                            explanation=f"'{m.group(0)}' laat open of het om beide of om één van beide gaat "
                                        "(Ar 3.12: 'of' is inclusief).",
                            question="Gaat het om beide (en), om ten minste één (of), of om precies één (dan wel)?",
                            suggestion="Schrijf 'of' (één of beide), 'en' (beide) of 'dan wel' (één van beide).")
        for s, e in pi.sentences:
            sent = text[s:e]
            dw = DANWEL_RE.search(sent)
            if dw and OF_RE.search(sent):
                yield make_flag("AMB-13", pi, s + dw.start(), s + dw.end(), severity=Severity.SUGGESTIE,
                                confidence=0.5,
                                explanation="'dan wel'/'hetzij' en 'of' staan in één zin: welk alternatief is "
                                            "exclusief, en wat hoort bij wat?",
                                question="Welke delen zijn alternatieven en welke horen samen?",
                                suggestion="Splits de zin of gebruik een opsomming.")
        for m in SCOPE_RE.finditer(text):
            yield make_flag("AMB-13", pi, m.start(), m.end() - len(m.group(4)), severity=Severity.SUGGESTIE,
                            confidence=0.45,
                            explanation=f"Het bereik van '{m.group(4)} …' is onduidelijk: hoort het bij beide "
                                        f"('{m.group(1)}' en '{m.group(3)}') of alleen bij het laatste?",
                            question="Geldt de nadere bepaling voor beide organen?",
                            suggestion="Herhaal de bepaling bij elk orgaan.")
        if not res.is_definition_passage(pi):
            yield from _inline_list(res, pi)
    yield from _passage_lists(res)


def _check_items(res: Resources, items: list[tuple[PassageInfo, int, int]], leadin: str) -> Iterator[Flag]:
    """items: (passage, start, end) of each list item's text, in order."""
    if len(items) < 2:
        return
    conds = bool(CONDITION_LEADIN_RE.search(leadin))
    ends = []
    for pi, s, e in items[:-1]:
        m = CONNECTOR_RE.search(pi.text[s:e])
        ends.append(m.group(1).lower() if m else None)
    kinds = {c for c in ends if c in ("en", "of", "dan wel", "hetzij")}
    pi, s, e = items[-2]
    # Quote the end of the item (where the connector belongs), not the whole item.
    while e > s and pi.text[e - 1].isspace():
        e -= 1
    cut = pi.text.rfind(" ", s, max(s, e - 50))
    s = cut + 1 if cut != -1 else s
    if ends[-1] is None:
        yield make_flag("AMB-13", pi, s, e, severity=Severity.ZORG if conds else Severity.SUGGESTIE, confidence=0.55,
                        explanation="Voor het laatste onderdeel staat geen 'en' of 'of': het is niet duidelijk of de "
                                    "onderdelen cumulatief of alternatief gelden.",
                        question="Moeten alle onderdelen gelden (en) of is één voldoende (of)?",
                        suggestion="Sluit het voorlaatste onderdeel af met '; en' of '; of'.", rule="Ar 3.60")
    elif len(kinds) > 1:
        yield make_flag("AMB-13", pi, s, e, severity=Severity.ZORG, confidence=0.7,
                        explanation="De onderdelen zijn afwisselend met 'en' en 'of' verbonden: cumulatief of "
                                    "alternatief?",
                        question="Welke onderdelen gelden samen en welke als alternatief?",
                        suggestion="Gebruik één verbindingswoord, of splits de opsomming.", rule="Ar 3.60")


def _inline_list(res: Resources, pi: PassageInfo) -> Iterator[Flag]:
    marks = list(INLINE_ITEM_RE.finditer(pi.text))
    letters = [m.group(1).lower() for m in marks]
    if len(marks) < 2 or letters[:2] != ["a", "b"]:
        return
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start(1) if i + 1 < len(marks) else len(pi.text)
        items.append((pi, m.end(), end))
    yield from _check_items(res, items, pi.text[:marks[0].start()])


def _passage_lists(res: Resources) -> Iterator[Flag]:
    groups: dict[tuple, list[PassageInfo]] = defaultdict(list)
    for pi in res.passages:
        p = pi.passage
        if p.artikel:
            groups[(p.artikel, p.lid)].append(pi)
    for _key, pis in groups.items():
        if any(res.is_definition_passage(x) for x in pis):
            continue
        items = [x for x in pis if x.passage.onderdeel]
        if len(items) < 2:
            continue
        leadin = " ".join(x.text for x in pis if not x.passage.onderdeel and x.index < items[0].index)
        yield from _check_items(res, [(x, 0, len(x.text)) for x in items], leadin)
        trailing = [x for x in pis if not x.passage.onderdeel and x.index > items[-1].index]
        if trailing:
            t = trailing[0]
            yield make_flag("AMB-13", t, 0, min(len(t.text), 120), severity=Severity.ZORG, confidence=0.6,
                            explanation="Tekst na het laatste onderdeel van een opsomming: geldt die voor alle "
                                        "onderdelen of alleen voor het laatste?",
                            question="Hoort deze zin bij het laatste onderdeel of bij de hele opsomming?",
                            suggestion="Zet de zin in de aanhef of in een apart lid.", rule="Ar 3.59")
