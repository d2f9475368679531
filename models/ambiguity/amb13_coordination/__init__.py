"""AMB-13 Coordination and enumeration ambiguity (en/of, c.q., cumulatief of alternatief).

"en/of" (Ar 3.12) and "c.q." → ZORG in a competence or condition clause, else SUGGESTIE.
"dan wel"/"hetzij" mixed with "of" in one sentence (SUGGESTIE). Enumerations (onderdelen
of one lid, as passages or inline "a. …; b. …"): the connector before the last item must
be "en", "of" or "dan wel" (missing → SUGGESTIE; ZORG only for a list of requirements,
not for alternative grounds/exceptions after "tenzij", "geldt niet, indien", "wegens"), and the
items may not mix "en" and "of" (ZORG). Text after the last item that is not a new lid
(Ar 3.59): ZORG when it continues the sentence, SUGGESTIE when it is a new sentence. Shared modifiers over coordinated organs ("de raden en colleges van de
deelnemende gemeenten", "het algemeen en dagelijks bestuur") → SUGGESTIE. Definition
lists need no connector (Ar 3.59 lid 3) and are skipped.

Round 8 (be conservative: ZORG only with clear evidence). A missing connector is ZORG only in a list of three or
more requirements: with two conditions after "indien" the cumulative reading is the natural one. Not a list of
requirements: "worden aangewezen als:" ("als" after a participle means "in the role of"); a presumption
("worden aanwezig geacht indien:", each situation raises it); items that are variants of one another (largely the
same words with another period or amount: "gedurende 10 jaar …" / "gedurende 5 jaar …"), which cannot all hold
at once; items that each carry their own consequence ("…, in welk geval …").

Round 9: rows of a table of values ("gehuwden …: € 1.932,32;") are categories, no en/of question. Text after the
last item that is the lead-in's main clause ("Aan een persoon: a. …; en b. …, wordt die bijstand toegekend …"),
names the whole provision as its scope ("voor zover toepassing van dit artikel …") or continues a last item that
broke off mid-sentence: SUGGESTIE. A nested list (passages sharing one onderdeel letter: "b. deze betrekking hebben
op: 1° …; of 3° …") is checked per level, never as one mixed en/of list.

Round 11 (round-9 sample: 10 of 10 judged AMB-13 zorg flags on national law were lists of alternative grounds). A
missing connector is a drafting flaw (Ar 3.60, SUGGESTIE) unless the list is one of requirements for a favourable
decision, where all-or-one decides the outcome. Not such a list: grounds for an adverse decision ("beslist slechts
afwijzend", "schrapt", "kan … opschorten", "kan afzien van het verlenen van", a duty imposed on someone, "Geen
opschorting vindt plaats indien:"); a list that shows its intent with a connector elsewhere at the same level
("a. …, of b. …; c. …"); items that exclude each other (the same subject in another state: "de schuldenaar in
surseance verkeert" / "… in staat van faillissement verkeert"; what the matter "betreft"). An item ending in ":"
opens a deeper level: the items after it are checked as their own list. ZORG stays for a real inconsistency: mixed
connectors at one level, or a lead-in that counts the items one way ("alle volgende", "één van de volgende") while
the connectors say the other. A relative clause after a last item closed by ";" ("…; hier te lande die …") has no
antecedent in that item and qualifies what the whole list names (SUGGESTIE).
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
# Lead-ins of a list of alternative grounds or exceptions: each item suffices on its own by the nature of the list
# ("geldt niet, indien: a. …; b. …", "tenzij: …", "wordt beëindigd wegens: …", "in de volgende gevallen"). Round 6
# test samples: 14 of 17 missing-connector alarms were such lists or plain enumerations of items.
ALTERNATIVE_LEADIN_RE = re.compile(r"\btenzij\b|\bgeldt\s+niet\b|\bniet\s+van\s+toepassing\b|\bwegens\b"
                                   r"|\bin\s+(?:de\s+)?(?:volgende\s+)?gevallen\b|\b(?:één|een)\s+van\s+de\s+volgende\b"
                                   r"|\bbuiten\s+toepassing\b|\bweiger|\bgeweigerd\b|\bbe[eë]indig|\bterug\s*te\s*vorderen"
                                   r"|\bvordert\b[^.;]{0,40}\bterug\b|\bteruggevorderd\b|\bterugvorderen\b|\bin\s*te\s*trekken\b|\bingetrokken\b|\btrekt\b[^.;]{0,40}\bin\b"
                                   r"|\bafgewezen\b|\bwijst\b[^.;]{0,40}\baf\b"
                                   # adverse measures: each ground suffices ("stellen … op non-activiteit indien hij:")
                                   r"|\bnon-activiteit\b|\bschors|\bgeschorst\b|\bontsla|\bontslagen\b|\bvervalt\b"
                                   # a negated main clause: the items are exceptions ("wordt niet gevorderd, indien:")
                                   r"|\bniet\b[^.;:]*\b(?:indien|als|wanneer)\b"
                                   # round 11: more adverse decisions, each ground suffices ("beslist slechts
                                   # afwijzend", "schrapt", "kan … opschorten", "verklaart … ongeldig")
                                   r"|\bafwijzend\b|\bschrap\w*|\bgeschrapt\b|\bdoorha\w*|\bdoorgehaald\b|\bopschort\w*"
                                   r"|\bopgeschort\b|\bongeldig\b|\bniet[- ]ontvankelijk\b|\bniet\s+in\s+behandeling\b"
                                   # events that end a status: each suffices ("Het lidmaatschap eindigt indien:")
                                   r"|\beindig\w*|\bhoudt\s+op\b|\bnietig\b|\bvervallen\b|\bverlie[sz]\w*|\btreedt\s+af\b"
                                   # refusing a benefit ("kan afzien van het verlenen van een voorschot")
                                   r"|\bafzien\s+van\s+(?:het\s+|de\s+)?(?:verlen|verstrek|toeken|uitbetal|uitker)\w*"
                                   # a negated subject ("Geen opschorting vindt plaats indien:"): exceptions
                                   r"|\bgeen\b[^.;:]*\b(?:indien|als|wanneer)\b"
                                   # a duty imposed on someone: the listed situations each trigger it
                                   r"|\bverplichting\b|\b(?:is|zijn)\s+(?:\w+\s+){0,2}verplicht\b"
                                   # the lead-in itself says all items count ("aan de volgende voorwaarden", "alle")
                                   r"|\bde\s+volgende\s+(?:voorwaarden|eisen|vereisten)\b|\b(?:alle|elk\s+van\s+de|cumulatief)\b", re.I)
# A lead-in that sets requirements all of which may have to be met: only then does a missing connector change the
# outcome (all conditions, or one?) and must a lawyer act.
REQUIREMENT_LEADIN_RE = re.compile(r"\bvoorwaarden?\b|\bvoldoe\w*\s+aan\b|\bvoldaan\b|\bmits\b|\bindien\b"
                                   r"|\bvoor\s+zover\b|\bwanneer\b"
                                   # "als" as a conjunction ("als er sprake is van:"), not "als verhuiskosten gelden:"
                                   r"|\bals\s+(?:er|de|het|een|hij|zij|die|dit|deze|belanghebbende|aanvrager)\b|\bals\s*:", re.I)

# "worden aangewezen als:", "gelden als:": "als" after a participle or copula names a role, not a condition.
ROLE_ALS_RE = re.compile(r"\b(?:aangewezen|aangemerkt|beschouwd|benoemd|aangeduid|ingedeeld|erkend|gelden|geldt"
                         r"|fungeren|fungeert|optreden|treedt\s+op|dienen|dient)\s+als\s*:", re.I)
# A presumption: each listed situation raises it on its own.
PRESUMPTION_RE = re.compile(r"\b(?:wordt|worden)\s+(?:\w+\s+){0,2}geacht\b|\bvermoed\b", re.I)
OWN_CONSEQUENCE_RE = re.compile(r"\bin\s+welk\s+geval\b", re.I)
CONTENT_WORD_RE = re.compile(r"[a-zà-ÿ]{4,}", re.I)
# Round 9 -------------------------------------------------------------------------------------------------------
# A row of a table of values ("gehuwden …: € 1.932,32;", "bij een inkomen tot € 20.000: 4%;"): the rows are
# categories, each with its own value (an amount, a percentage, a number with its unit), alternatives by nature.
VALUE_ROW_RE = re.compile(r":\s*(?:€|EUR\b)?\s*-?\d[\d.,]*\s*(?:%|[a-zà-ÿ]{1,10}\b)?"
                          r"\s*[;.,]?\s*(?:en|of|dan\s+wel)?\s*$", re.I)
# Text after the last item that opens with a finite verb completes the lead-in as its main clause ("Aan een
# persoon: a. die …; en b. van wie …, wordt die bijstand toegekend …"): it applies to what the whole list describes.
MAIN_CLAUSE_RE = re.compile(r"^\s*(?:wordt|worden|is|zijn|kan|kunnen|mag|mogen|moet|moeten|blijft|blijven|geldt"
                            r"|gelden|heeft|hebben|zal|zullen|vindt|vinden|ontvangt|ontvangen|verstrekt|stelt|neemt)\b",
                            re.I)
# Text that names its own scope as the whole provision ("voor zover toepassing van dit artikel …", "in alle gevallen").
WHOLE_SCOPE_RE = re.compile(r"\b(?:dit|deze)\s+(?:artikel|lid|bepaling|onderdelen)\b"
                            r"|\belk\s+van\s+de\s+(?:onderdelen|gevallen)\b|\bin\s+alle\s+(?:gevallen|onderdelen)\b"
                            r"|\bhet\s+bepaalde\s+onder\s+[a-z]\s+(?:tot\s+en\s+met|en)\s+[a-z]\b", re.I)


# Round 11 ------------------------------------------------------------------------------------------------------
# A lead-in that counts the items: all of them, or one of them. Connectors that say the other are an inconsistency.
ALL_ITEMS_RE = re.compile(r"\b(?:alle|elk\s+van\s+de|ieder\s+van\s+de)\s+(?:volgende|onderstaande|hierna)\b"
                          r"|\bcumulatief\b", re.I)
ONE_ITEM_RE = re.compile(r"\b(?:één|een)\s+(?:of\s+meer\s+)?van\s+de\s+(?:volgende|onderstaande|hierna)\b"
                         r"|\balternatief\b", re.I)
# A relative clause opening the text after a list, possibly after a place adverbial ("hier te lande die …").
RELATIVE_START_RE = re.compile(r"\s*(?:(?:hier\s+te\s+lande|in\s+nederland|aldaar)\s+)?"
                               r"(?:die|dat|welke|wier|van\s+wie)\b", re.I)
WORD_RE = re.compile(r"[\wà-ÿ-]+")
# Verbs that place their subject in one state or class ("in staat van faillissement verkeert", "een waarborgsom
# betreft"): two items with such a verb describe states that exclude each other.
CLASS_VERBS = frozenset({"betreft", "betreffen", "verkeert", "verkeren"})
AUXILIARIES = frozenset({"is", "zijn", "wordt", "worden", "heeft", "hebben", "kan", "kunnen", "zal", "zullen", "mag",
                         "mogen", "moet", "moeten", "was", "waren", "werd", "werden", "blijft", "blijven", "had"})


def _exclusive(texts: list[str]) -> bool:
    """Two items describe states that cannot hold at once, so the list cannot be cumulative: both end in a verb of
    state or class ("… betreft"), or they share their subject (first two words) and their final full verb and are
    short ("de schuldenaar in surseance van betaling verkeert" / "de schuldenaar in staat van faillissement
    verkeert")."""
    words = [[w.lower() for w in WORD_RE.findall(t.rstrip(" ;,.:").removesuffix(" en").removesuffix(" of"))]
             for t in texts]
    words = [w for w in words if len(w) >= 3]
    if sum(1 for w in words if w[-1] in CLASS_VERBS) >= 2:
        return True
    for i in range(len(words)):
        for j in range(i + 1, len(words)):
            a, b = words[i], words[j]
            if a[:2] == b[:2] and a[-1] == b[-1] and a[-1] not in AUXILIARIES and max(len(a), len(b)) <= 12 \
                    and a != b:
                return True
    return False


def _variants(texts: list[str]) -> bool:
    """Two items share most of their words (Jaccard ≥ 0.5): variants of one situation (another period, amount or
    article), which exclude each other, so the list is of alternatives."""
    bags = [set(w.lower() for w in CONTENT_WORD_RE.findall(t)) for t in texts]
    for i in range(len(bags)):
        for j in range(i + 1, len(bags)):
            a, b = bags[i], bags[j]
            if len(a) >= 4 and len(b) >= 4 and len(a & b) / len(a | b) >= 0.5:
                return True
    return False


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
    # Round 11: an item ending in ":" opens a deeper level ("3°. voor zover de inleg: (a) …; of (b) …" flattened into
    # passages of one onderdeel). This level ends with that item; the items after it are its sublist.
    for k, (pi, s, e) in enumerate(items[:-1]):
        if pi.text[s:e].rstrip().endswith(":"):
            yield from _check_items(res, items[:k + 1], leadin)
            yield from _check_items(res, items[k + 1:], pi.text[s:e])
            return
    if all(VALUE_ROW_RE.search(pi.text[s:e]) for pi, s, e in items):
        return  # rows of a table of values: categories, each with its own amount
    texts = [pi.text[s:e] for pi, s, e in items]
    # A missing connector is a real scope ambiguity only in a list of requirements; a plain enumeration (cost items,
    # subjects, sanction categories) or a list of alternative grounds/exceptions reads one way (SUGGESTIE).
    # The items must complete the condition ("… wordt verleend indien:"), not follow a sentence that merely opens
    # with one ("Indien …, worden … vastgesteld: a. …") or a complete condition ("voor zover zulks … nodig is:"):
    # look in the last six words of the lead-in's last clause only.
    last = leadin.rstrip()
    last = " ".join(last[max(last.rfind(","), last.rfind(";")) + 1:].split()[-6:])
    conds = bool(REQUIREMENT_LEADIN_RE.search(last)) and not ALTERNATIVE_LEADIN_RE.search(leadin) \
        and not PRESUMPTION_RE.search(leadin) \
        and not ROLE_ALS_RE.search(last) and len(items) >= 3 \
        and not _variants(texts) and not _exclusive(texts) \
        and not all(OWN_CONSEQUENCE_RE.search(t) for t in texts)
    ends = []
    for t in texts[:-1]:
        m = CONNECTOR_RE.search(t)
        ends.append(m.group(1).lower() if m else None)
    kinds = {c for c in ends if c in ("en", "of", "dan wel", "hetzij")}
    pi, s, e = items[-2]
    # Quote the end of the item (where the connector belongs), not the whole item.
    while e > s and pi.text[e - 1].isspace():
        e -= 1
    cut = pi.text.rfind(" ", s, max(s, e - 50))
    s = cut + 1 if cut != -1 else s
    counted = "en" if ALL_ITEMS_RE.search(leadin) else "of" if ONE_ITEM_RE.search(leadin) else None
    if len(kinds) > 1:
        yield make_flag("AMB-13", pi, s, e, severity=Severity.ZORG, confidence=0.7,
                        explanation="De onderdelen zijn afwisselend met 'en' en 'of' verbonden: cumulatief of "
                                    "alternatief?",
                        question="Welke onderdelen gelden samen en welke als alternatief?",
                        suggestion="Gebruik één verbindingswoord, of splits de opsomming.", rule="Ar 3.60")
    elif counted and kinds and kinds != {counted} and not (counted == "of" and kinds <= {"of", "dan wel", "hetzij"}):
        # "aan alle volgende voorwaarden: a. …; of b. …": the lead-in and the connectors contradict each other.
        yield make_flag("AMB-13", pi, s, e, severity=Severity.ZORG, confidence=0.7,
                        explanation=f"De aanhef telt de onderdelen {'samen' if counted == 'en' else 'als alternatief'}"
                                    f", maar ze zijn met '{sorted(kinds)[0]}' verbonden: cumulatief of alternatief?",
                        question="Moeten alle onderdelen gelden, of is één voldoende?",
                        suggestion="Laat aanhef en verbindingswoord hetzelfde zeggen.", rule="Ar 3.60")
    elif ends[-1] is None:
        # Round 11: a connector elsewhere at this level ("a. …, of b. …; c. …") shows which reading was meant.
        sev = Severity.ZORG if conds and not kinds else Severity.SUGGESTIE
        yield make_flag("AMB-13", pi, s, e, severity=sev, confidence=0.55,
                        explanation="Voor het laatste onderdeel staat geen 'en' of 'of': het is niet duidelijk of de "
                                    "onderdelen cumulatief of alternatief gelden."
                                    + (f" Eerder in de opsomming staat wel '{sorted(kinds)[0]}': dat wijst de "
                                       "bedoelde lezing aan; verlaagd." if kinds and conds else ""),
                        question="Moeten alle onderdelen gelden (en) of is één voldoende (of)?",
                        suggestion="Sluit het voorlaatste onderdeel af met '; en' of '; of'.", rule="Ar 3.60")


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
        # Round 9: a nested list ("b. deze betrekking hebben op: 1° …; 2° …; of 3° …") arrives as several passages
        # with the same onderdeel letter. Its levels are distinct: the top level is checked on one item per letter
        # (its connector ends the item's last passage), each sublist on its own.
        by_letter: dict[str, list[PassageInfo]] = defaultdict(list)
        for x in items:
            by_letter[x.passage.onderdeel or ""].append(x)
        top = [g[-1] for g in by_letter.values()]
        yield from _check_items(res, [(x, 0, len(x.text)) for x in top], leadin)
        for g in by_letter.values():
            if len(g) > 2:
                yield from _check_items(res, [(x, 0, len(x.text)) for x in g[1:]], g[0].text)
        trailing = [x for x in pis if not x.passage.onderdeel and x.index > items[-1].index]
        if trailing:
            t = trailing[0]
            # A continuation of the lead-in sentence ("…; met dien verstande dat …") may bind the last item or
            # all of them (ZORG); a new sentence with a capital reads as applying to the whole list (SUGGESTIE).
            # So does the main clause the lead-in waits for (a finite verb first: "Aan een persoon: a. …; en
            # b. …, wordt die bijstand toegekend") and text that names the whole provision as its scope
            # ("voor zover toepassing van dit artikel …").
            first = t.text.lstrip()[:1]
            new_sentence = first.isupper()
            # The last item breaking off mid-sentence ("… voldoet aan regels inhoudende") continues into this text:
            # it belongs to that item alone (a layout split), no scope question either.
            broken = items[-1].text.rstrip()[-1:].isalnum()
            # Round 11: a relative clause after a last item closed by ";" has no antecedent inside that item; it
            # qualifies what the whole list names ("… aan: a. alleenstaanden …; b. gehuwden …; hier te lande die …").
            closed = items[-1].text.rstrip()[-1:] == ";"
            whole = bool(MAIN_CLAUSE_RE.match(t.text) or WHOLE_SCOPE_RE.search(t.text) or broken
                         or closed and RELATIVE_START_RE.match(t.text))
            yield make_flag("AMB-13", t, 0, min(len(t.text), 120),
                            severity=Severity.SUGGESTIE if new_sentence or whole else Severity.ZORG, confidence=0.6,
                            explanation="Tekst na het laatste onderdeel van een opsomming: geldt die voor alle "
                                        "onderdelen of alleen voor het laatste?",
                            question="Hoort deze zin bij het laatste onderdeel of bij de hele opsomming?",
                            suggestion="Zet de zin in de aanhef of in een apart lid.", rule="Ar 3.59")
