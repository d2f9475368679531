"""AMB-06 Organ designation undefined or inconsistent (orgaanaanduiding / aliasing).

Noun phrases headed by an organ noun (bestuur, raad, college, commissie, regio, …) that
are not in the organ registry (Wgr/municipal seeds + aliases learned from the
definitions) → undefined organ (KRITIEK as subject of a competence verb, else INFO).
Several names of one organ within one artikel (alias mixing, ZORG in a competence clause,
else SUGGESTIE). "de (deelnemende) gemeente(n)" as acting subject: which organ (raad,
college, burgemeester)? (ZORG). Singular "het college"/"de raad" without qualifier where
the regulation elsewhere speaks of the plural "colleges"/"raden" (number mismatch,
SUGGESTIE). "bestuur" inside a compound (Drechtstedenbestuur) is never split.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from wordfreq import zipf_frequency

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import ACTOR_NP_RE, NON_SUBJECT_PREPS, ORGAN_HEADS, Resources

# Determiner + up to two lower-case adjectives + organ head ("dat bestuur" is anaphoric: AMB-15's business).
NP_RE = re.compile(r"\b(?:het|de)\s+((?:(?-i:[a-zà-ÿ]+)\s+){0,2}?)(" + "|".join(ORGAN_HEADS) + r")\b"
                   r"(?!\s+van\b)(?![-\w])", re.I)
ADJ_RE = re.compile(r"^[a-zà-ÿ]+(e|al|aal|lijk|ijk|isch|s|end)$")  # "-end": "het uitvoerend bestuur"
# Round 8: function words that happen to end like an adjective ("voor zover het de raad aangaat": "het" is a
# pronoun, "de" the article of "raad") are never the adjective of an organ noun.
FUNCTION_WORDS = {"de", "het", "een", "die", "deze", "dat", "dit", "te", "ze", "zijne", "hare", "welke", "elke",
                  "iedere", "alle", "andere", "overige", "zulke", "sommige", "beide", "enige", "vele", "meerdere"}
# A lower-case compound on an organ head ("het regiobestuur", "de uitvoeringsraad"): a name of its own.
COMPOUND_RE = re.compile(r"\b(?:het|de|Het|De)\s+([a-zà-ÿ]{3,}(?:bestuur|raad|commissie|college|directie))\b"
                         r"(?!\s+van\b)")
GEMEENTE_SUBJ_RE = re.compile(r"\b(?:de|elke|iedere)\s+(?:deelnemende\s+)?gemeenten?\b", re.I)
PAYMENT_RE = re.compile(r"\b(voldoen|voldoet|betalen|betaalt|dragen\s+bij|draagt\s+bij)\b", re.I)
# "het college van elke gemeente", "de raad die hem heeft aangewezen": the singular is identified.
QUALIFIER_RE = re.compile(r"^\s*(van\s+(de|elke|iedere|een|die|betrokken|desbetreffende)|der\b"
                          r"|,?\s*(die|dat|welke|waarvan|waarin|waaruit|waartoe)\b)", re.I)


# Finite verbs after "de gemeenten" that state a property, a share or a receipt, not an act of an organ.
STATIVE = {"zijn", "is", "hebben", "heeft", "blijven", "blijft", "worden", "wordt", "ontvangen", "ontvangt", "krijgen",
           "krijgt", "behouden", "behoudt", "beschikken", "beschikt", "vallen", "valt", "liggen", "ligt", "staan",
           "staat", "delen", "deelt", "nemen", "neemt", "kennen", "kent", "tellen", "telt", "vormen", "vormt",
           "genieten", "geniet", "hoeven", "hoeft", "betalen", "betaalt", "voldoen", "voldoet"}
NOT_VERBS = {"en", "of", "binnen", "tegen", "zonder", "tussen", "boven", "beneden", "buiten", "ten", "open", "samen",
             "gezamenlijk", "zelf", "die", "welke", "alsmede", "benevens"}
MODALS = {"kan", "kunnen", "mag", "mogen", "moet", "moeten", "dient", "dienen", "zal", "zullen"}
# Money in the clause: "de gemeenten dragen bij in de kosten" is paying, not acting.
MONEY_RE = re.compile(r"\b(kosten|bijdragen?|bedrag(?:en)?|tekort(?:en)?|lasten|vergoeding(?:en)?|voorschot(?:ten)?"
                      r"|saldo|nadeel|exploitatie\w*|€|euro)\b", re.I)


def acting_subject_verb(text: str, s: int, e: int, m: re.Match) -> str:
    """The finite verb when "de (deelnemende) gemeente(n)" opens the clause and acts ("leveren", "dragen … bij
    aan"); "" for states, receipts and payments, and for a clause that names the deciding organ itself
    ("… bij besluit van haar raad")."""
    if text[s:m.start()].strip(" \t\n;:(") or MONEY_RE.search(text, s, e):
        return ""
    nxt = re.match(r"\s+([a-zà-ÿ]+)\b", text[m.end():e])
    if not nxt:
        return ""
    verb = nxt.group(1)
    plural = m.group(0).lower().endswith("gemeenten")
    finite = verb in MODALS or (verb.endswith("en") if plural else verb.endswith("t"))
    if not finite or verb in STATIVE or verb in NOT_VERBS:
        return ""
    if re.search(r"\b(?:door|van)\s+(?:de|het|haar|hun|zijn)\s+(?:raad|raden|college|colleges|burgemeester)\b",
                 text[m.end():e], re.I):
        return ""
    return verb


COORDINATORS = {"en", "of", ",", "onderscheidenlijk", "respectievelijk", "alsmede", "wel"}
CLAUSE_STOPS = {"is", "zijn", "wordt", "worden", "kan", "kunnen", "mag", "mogen", "moet", "moeten", "zal", "zullen",
                "heeft", "hebben", "dat", "die", "indien", "wanneer", "tenzij", "waarbij", "waarin", "nadat"}


def coordinated_after_prep(before: str) -> bool:
    """True for "van de minister en | de gemeenten": the NP is the second conjunct of a prepositional object."""
    toks = re.findall(r"[\w-]+|,", before.lower())
    if not toks or toks[-1] not in COORDINATORS:
        return False
    if any(t in NON_SUBJECT_PREPS for t in toks[-5:-1]):
        return True
    # Round 11: a longer coordination ("ingezetene is van de provincie, het waterschap, onderscheidenlijk de
    # gemeente"): walk back over the conjuncts to the preposition; a verb or conjunction on the way ends the phrase.
    for t in reversed(toks[-12:-1]):
        if t in NON_SUBJECT_PREPS:
            return True
        if t in CLAUSE_STOPS:
            return False
    return False


def named_after(text: str, end: int) -> bool:
    """"de gemeenten Bennebroek, …": named municipalities, not an unclear organ."""
    return bool(re.match(r"\s+[A-Z]", text[end:end + 3]))


# Round 7: a generic organ noun restricted by a relative clause ("het orgaan dat het besluit heeft genomen",
# "het orgaan waaraan de bevoegdheid is overgedragen") is a description the clause fixes, not an unclear name.
RESTRICTIVE_RE = re.compile(r"^\s*,?\s*(?:dat|die|waaraan|waarvan|waarbij|waardoor|waarover|waarin|welke?)\b", re.I)
# Round 11: any "waar"+preposition relative ("het vertegenwoordigend orgaan waarvoor de verkiezing plaatsvindt") and
# a relative after a prepositional phrase ("het orgaan door tussenkomst waarvan de inlichtingen worden ingewonnen",
# "het orgaan bij wie het bezwaar is ingediend") restrict the noun just as well.
RELATIVE_RE = re.compile(r"^\s*,?\s*(?:waar(?:aan|van|bij|door|over|in|voor|mee|op|toe|uit|naar|onder|tegen|binnen|na"
                         r"|om|langs)|(?:aan|bij|door|met|onder|op|tot|van|voor|namens|tegen|jegens|uit|naast)\s+"
                         r"(?:[a-zà-ÿ]+\s+){0,2}?(?:wie|welke|waar(?:van|mee|door|bij|aan|in|op|voor)))\b", re.I)
# Round 11: generic hypernyms of an organ ("het vertegenwoordigend orgaan", "het orgaan") stand for the bodies the
# same sentence names before them ("Voor de verkiezing van de leden van de Tweede Kamer, de provinciale staten …
# kan het vertegenwoordigend orgaan …"): a cover term, no unknown organ.
HYPERNYM_HEADS = {"orgaan", "lichaam"}
# Round 11: a deputy or acting role ("de plaatsvervangend voorzitter", "de waarnemend griffier") is the substitute
# in a role of an organ; when the organ is named in the same or the previous sentence the role is identified.
DEPUTY_ADJS = {"plaatsvervangend", "plaatsvervangende", "waarnemend", "waarnemende", "vice", "tweede", "eerste"}
ROLE_HEADS = {"voorzitter", "secretaris", "griffier", "directeur"}
# Round 8: "het bevoegde orgaan" describes whichever organ holds the competence (knowable from the allocation).
ANAPHORIC_RE = re.compile(r"\b(?:desbetreffende|betrokken|betreffende|bedoelde|genoemde|bevoegde)\b", re.I)


# -- round 8 ---------------------------------------------------------------------------------------------------
# Statutory collective terms for all organs of a public body (Gemeentewet "gemeentebestuur", Provinciewet
# "provinciebestuur", Waterschapswet "waterschapsbestuur"): the law says who they are, no unclear organ.
STATUTORY_COLLECTIVE_RE = re.compile(r"^(?:gemeente|provincie|waterschaps?|rijks|eilands|deelgemeente|stadsdeel)"
                                     r"bestuur$")
# Organs other public-law statutes institute (BES, Kieswet, WOR, …): a law names them, no unclear organ.
STATUTORY_ORGAN_COMPOUNDS = {"eilandsraad", "bestuurscollege", "kiesraad", "ministerraad", "rijksministerraad",
                             "ondernemingsraad", "cliëntenraad", "medezeggenschapsraad", "stadsdeelraad",
                             "deelraad", "deelgemeenteraad", "gemeenteraad", "bestuursraad", "ouderraad",
                             "kiescollege", "stembureau", "hoofdstembureau", "centraal stembureau"}
INFO_VERB_RE = re.compile(r"\b(?:verstrek\w*|zend\w*|toezend\w*|lever\w*|meld\w*|informeer\w*|informeren|deel\w*\s+"
                          r"(?:\w+\s+){0,4}mede|overleg(?:t|gen)|doen\s+toekomen|stuur\w*)\b", re.I)
OWN_COMPETENCE_RE = re.compile(r"\b(?:zelf|zelfstandig|ieder\s+voor\s+zich|elk\s+voor\s+zich|afzonderlijk)\b", re.I)
OFFICIAL_OBJECT_RE = re.compile(r"\b(?:een|de|het)\s+(?:ambtelijke?\s+)?(?:contactpersoon|contactpersonen|aanspreekpunt|"
                                r"ambtenaar|ambtenaren|medewerker|medewerkers|coördinator|coordinator)\b", re.I)
INFO_RE = re.compile(r"\b(?:gegevens|inlichtingen|informatie|overzicht|opgave|verslag|stukken|afschrift)\b", re.I)
# Naming constructions: the organ noun after them is the name being given, not a use of another name.
NAMING_RE = re.compile(r"(?:met\s+de\s+(?:aanduiding|naam)|onder\s+de\s+naam|genaamd|hierna(?:\s+te\s+noemen)?)"
                       r"\s*:?\s*(?:de\s+|het\s+)?$", re.I)
# Prepositions (beyond the shared list) after which "de gemeenten" is a topic, not an actor.
EXTRA_NON_SUBJECT = {"inzake", "omtrent", "betreffende", "aangaande", "jegens", "ten", "voor"}
# "de gemeente" as the legal person: represented, liable, owner, shareholder, subsidy-giver, instituted, succeeding
# into rights. Wgr art. 1 asks which organ only for public-law competences; these are not that.
LEGAL_PERSON_RE = re.compile(
    r"\b(?:vertegenwoordig\w*|gehouden|aansprakelijk\w*|verschuldigd|schadeplichtig|eigena(?:ar|ren)|aandelen\w*"
    r"|rechtspersoon|alleen\s+of\s+samen\s+met|voor\s+rekening\s+en\s+risico|rechtsopvolg\w*|in\s+de\s+plaats|(?:is|zijn|wordt|worden)\s+"
    r"(?:ingesteld|opgeheven|samengevoegd|gevormd)|(?:ingesteld|opgeheven)\s+(?:is|zijn|wordt|worden))\b", re.I)
GRANT_OBJECT_RE = re.compile(r"\b(?:subsidies?|leningen?|garanties?)\b", re.I)
GRANT_VERB_RE = re.compile(r"\b(?:verstrek\w*|verleen\w*|verleend|verlenen|geeft|geven|gegeven)\b", re.I)
RULES_RE = re.compile(r"\b(?:regels|verordening\w*|beleidsregels?|plafonds?|subsidieplafonds?)\b", re.I)
SUBCLAUSE_RE = re.compile(r"\b(?:dat|die|welke|waarin|waarbij|waarvan|waaraan|indien|wanneer|zodat|nadat|voordat"
                          r"|totdat|omdat|zolang)\s+", re.I)
LEADING_NP_RE = re.compile(r"^(?:de|het|een|deze|dit)\s+(?:[a-zà-ÿ]+\s+){0,2}?[a-zà-ÿ]{3,}\s+$", re.I)


PLURALS = {"bestuur": "besturen", "raad": "raden", "orgaan": "organen", "lichaam": "lichamen", "regio": "regio's",
           "directeur": "directeuren", "griffier": "griffiers", "secretaris": "secretarissen"}


def _adjs(s: str) -> str:
    return " ".join(s.lower().split())


def antecedent_in_sentence(text: str, s: int, start: int, adjs: str, head: str, compound_of: str = "") -> bool:
    """True when the same organ noun was introduced earlier in the sentence, indefinite ("een ombudscommissie")
    or with its owner ("het bestuur van de veiligheidsregio"): the later definite use points back at it.
    ``compound_of`` checks the full compound ("ombudscommissie") against an indefinite mention."""
    before = text[s:start]
    noun = compound_of or head
    a = (re.escape(_adjs(adjs)) + r"\s+") if adjs.strip() else ""
    if re.search(rf"\b(?:een|één)\s+{a}{re.escape(noun)}\b", before, re.I):
        return True
    return bool(re.search(rf"\b(?:de|het)\s+{a}{re.escape(noun)}\s+van\s+(?:de|het)\s+\w", before, re.I))


def sole_antecedent_in_artikel(res: Resources, pi, start: int, adjs: str, head: str) -> bool:
    """True when earlier in the artikel exactly one "<det> <adjs> <head> van <owner>" was named and no plural or
    other owner competes with it ("de besturen van de gemeenten … het bestuur van het openbaar lichaam")."""
    a = (re.escape(_adjs(adjs)) + r"\s+") if adjs.strip() else ""
    owners: set[str] = set()
    for other in res.artikel_passages(pi.passage.artikel):
        text = other.text if other is not pi else pi.text[:start]
        if other.index > pi.index:
            break
        for m in re.finditer(rf"\b(?:de|het)\s+{a}(?:{re.escape(head)}|{PLURALS.get(head, head + 's')})\s+van\s+((?:de|het|een)\s+[\w-]+)",
                             text, re.I):
            owners.add(m.group(1).lower())
    return len(owners) == 1


def specific_organs_in(res: Resources, pi, start: int, end: int) -> set[str]:
    """Registered organs and named public actors (Tweede Kamer, het centraal stembureau, de Kiesraad) in
    ``pi.text[start:end]``, in any role ("de leden van de Tweede Kamer" names the Kamer too); generic heads
    ("het orgaan", "een bestuursorgaan") name no particular body."""
    keys = {m.key for m in res.mentions_in(pi, start, end)}
    return keys | {m.group("np").lower() for m in ACTOR_NP_RE.finditer(pi.text, start, end)
                   if not re.search(r"(?:orgaan|organen|lichaam|lichamen)$", m.group("np"), re.I)}


def specific_organ_in(res: Resources, pi, start: int, end: int) -> bool:
    return bool(specific_organs_in(res, pi, start, end))


def organ_named_near(res: Resources, pi, start: int) -> bool:
    """An organ is named in the sentence of ``start`` (before it) or in the sentence before: in this passage, or
    the last sentence of the previous passage of the same artikel."""
    s, _e = pi.sentence_of(start)
    if specific_organ_in(res, pi, s, start):
        return True
    prev = [x for x in pi.sentences if x[1] <= s]
    if prev:
        return specific_organ_in(res, pi, prev[-1][0], prev[-1][1])
    before = [q for q in res.artikel_passages(pi.passage.artikel) if q.index < pi.index]
    if before and pi.passage.artikel is not None and before[-1].sentences:
        q = before[-1]
        return specific_organ_in(res, q, q.sentences[-1][0], q.sentences[-1][1])
    return False


def indefinite_antecedent(text: str, s: int, start: int, noun: str) -> bool:
    """"Een ingevolge het tweede lid uitgezonderd orgaan, persoon of college … voor zover het orgaan …": an
    indefinite noun phrase with a longer modifier introduced the noun earlier in the sentence. The word before the
    noun must be a modifier, not a determiner ("een besluit van het orgaan" introduces a besluit)."""
    for m in re.finditer(rf"\b(?:een|één)\s+((?:[\w-]+\s+){{1,6}}?){re.escape(noun)}\b", text[s:start], re.I):
        last = m.group(1).split()[-1].lower()
        if last not in FUNCTION_WORDS and last not in NON_SUBJECT_PREPS and last not in {"en", "of", "van"}:
            return True
    return False


PAYER_BEFORE_RE = re.compile(r"\b(?:vergoedt|vergoeden|betaalt|betalen|voldoet|voldoen|restitueert|restitueren|keert"
                             r"|keren|stort|storten|ontvangt|ontvangen|verrekent|verrekenen)\s+$", re.I)
PAYER_AFTER_RE = re.compile(r"^\s+(?:vergoedt|vergoeden|betaalt|betalen|voldoet|voldoen|restitueert|restitueren"
                            r"|ontvangt|ontvangen|verrekent|verrekenen|stort|storten)\b", re.I)


def payer(text: str, m: re.Match) -> bool:
    """"vergoedt de gemeente aan het UWV de loonbelasting", "de gemeente betaalt …": the municipality as legal
    person pays or receives (subject of the payment verb, inverted or not); no organ needs naming."""
    return bool(PAYER_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()]) or PAYER_AFTER_RE.match(text[m.end():]))


def legal_person_use(text: str, s: int, e: int, m: re.Match) -> bool:
    """"De burgemeester vertegenwoordigt de gemeente", "is de gemeente gehouden … te vergoeden", "de gemeente,
    alleen of samen met andere gemeenten, … een subsidie heeft verstrekt": the municipality as legal person."""
    after = text[m.end():min(e, m.end() + 160)]
    cut = re.search(r"[;]|,\s*(?:waarvan|waarbij|waarin|indien|wanneer|tenzij|zodat|nadat|dat|die|welke)\b", after)
    window = text[max(s, m.start() - 25):m.end()] + (after[:cut.start()] if cut else after)
    if LEGAL_PERSON_RE.search(window):
        return True
    # Granting a subsidy, loan or guarantee (not making rules about them: "stellen regels over subsidies").
    return bool(GRANT_OBJECT_RE.search(window) and GRANT_VERB_RE.search(window) and not RULES_RE.search(window))


def object_of_subclause(text: str, s: int, m: re.Match) -> bool:
    """"…, met dien verstande dat de betrokken herindelingsregeling de gemeente … aanwijst": in a subordinate
    clause (verb last) the first noun phrase is the subject; "de gemeente" after another one is the object."""
    before = text[s:m.start()]
    openers = list(SUBCLAUSE_RE.finditer(before))
    if not openers:
        return False
    opener = openers[-1]
    return bool(LEADING_NP_RE.match(before[opener.end():]))


def other_subject(text: str, res: Resources, pi, c, m: re.Match) -> bool:
    """True when competence ``c`` has its own named actor before "de gemeente(n)" and the two are not
    coordinated ("De minister en de gemeenten kunnen …" shares the act; "De burgemeester vertegenwoordigt de
    gemeente" and "kan de raad …, waarin de gemeente is ingesteld, … opdragen" do not)."""
    if not c.actor:
        return False
    s, e = c.sentence
    actor = next((k for k in res.mentions_in(pi, s, e) if k.key == c.actor and k.text == c.actor_text), None)
    if actor is None or actor.start >= m.start():
        return False
    if c.start > m.start() and SUBCLAUSE_RE.search(text, actor.end, m.start()):
        return False  # "…, waarbij de gemeenten de uitkomst vaststellen": the verb is in the gemeenten's clause
    return not re.fullmatch(r"\s*(?:,|en|of)\s*", text[actor.end:m.start()])


POWERS_OF_RE = re.compile(r"\b(?:bevoegdheden|bevoegdheid)(?:\s*,\s*[\w-]+)*\s+van\s+(?:(?:de|het)\s+[\w-]+"
                          r"(?:\s+[\w-]+)?\s+(?:en|of)\s+)?$", re.I)
TRANSFER_RE = re.compile(r"\b(?:overgedragen|opgedragen|overdragen|opdragen|overgaan|(?:gaan|gaat)\b[^.;]*\bover"
                         r"|draagt|dragen)\b", re.I)


def transferred_powers_of(text: str, s: int, e: int, m: re.Match) -> bool:
    """"bevoegdheden van de minister en de gemeenten … opgedragen": a power transferred from "the
    municipalities" belongs to one of their organs (Wgr art. 10 asks which); the text does not say which."""
    return bool(POWERS_OF_RE.search(text[max(s, m.start() - 90):m.start()])) and bool(TRANSFER_RE.search(text, s, e))


def attributive_infinitive(text: str, c) -> bool:
    """"in door hen nader te bepalen termijnen": a "te + infinitive" before a noun qualifies that noun; it is not
    the act of the clause's subject."""
    if not re.search(r"\bte\s+$", text[max(0, c.start - 4):c.start]):
        return False
    nxt = re.match(r"\s+([a-zà-ÿ]+)", text[c.end:c.end + 30])
    return bool(nxt) and nxt.group(1) not in NON_SUBJECT_PREPS | {"en", "of", "dan", "die", "dat", "wordt", "is",
                                                                   "zijn", "worden", "alsmede"}


@detector("AMB-06", name="orgaanaanduiding ongedefinieerd of inconsistent", requires={"organs", "definitions",
          "competences"}, default_severity=Severity.ZORG, rule="Ar 4.49 (consistente terminologie); Wgr art. 12",
          context_adjust=False, binding_only=True)
def organ_names(res: Resources) -> Iterator[Flag]:
    text_all = " ".join(pi.text.lower() for pi in res.passages)
    defined = {d.term.lower() for d in res.definitions}
    plural_used = bool(re.search(r"\b(colleges|raden)\b", text_all))
    norm_text = re.sub(r"[-\s]+", " ", text_all)  # "plaatsvervangend-voorzitter" = "plaatsvervangend voorzitter"
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        known = res.organ_mentions.get(pi.passage.id, [])
        for m in NP_RE.finditer(pi.text):
            start = m.start()
            np_start = m.start(1) if m.group(1) else m.start(2)
            if any(k.start <= np_start and k.end >= m.end(2) for k in known):
                continue  # a registered name ("het algemeen bestuur"); "het regionale college" is not
            adjs = m.group(1).split()
            if adjs and not all(ADJ_RE.match(a.lower()) and a.lower() not in FUNCTION_WORDS for a in adjs):
                continue  # "de raad vergadert", "dat college" inside another phrase
            phrase = pi.text[start:m.end()]
            s, e = pi.sentence_of(start)
            before = pi.text[max(s, start - 15):start].lower().split()
            subject = not (before and before[-1] in NON_SUBJECT_PREPS)
            if RESTRICTIVE_RE.match(pi.text[m.end():e]) or RELATIVE_RE.match(pi.text[m.end():e]):
                continue  # "het orgaan waaraan de bevoegdheid is overgedragen": a description fixed by its clause
            if re.search(r"/\s*$", pi.text[max(s, start - 3):start]) or re.match(r"\s*/", pi.text[m.end():m.end() + 3]):
                continue  # "het bestuur/ de directie": alternative generic names of whoever runs a body
            if antecedent_in_sentence(pi.text, s, start, m.group(1), m.group(2)):
                continue  # "Het bestuur van de veiligheidsregio stelt … vast, waarbij het bestuur …": resolved
            if not adjs and indefinite_antecedent(pi.text, s, start, m.group(2)):
                continue  # "Een ingevolge het tweede lid uitgezonderd orgaan … het orgaan": the one just introduced
            competence = res.competence_clause(pi, start)
            sev = Severity.KRITIEK if subject and competence else Severity.INFO
            note = ""
            core = re.sub(r"[-\s]+", " ", f"{m.group(1)} {m.group(2)}".strip().lower())
            if sev is Severity.INFO and adjs and res.is_gemeenschappelijke_regeling() \
                    and norm_text.count(core) <= 1:
                # Round 10: in a GR, whose organs the Wgr fixes and the regeling names, a qualified organ name it
                # uses only once and never introduces ("de voorzitter van het uitvoerend bestuur") is an
                # inconsistency in any role (a renamed organ; seeded-defect test).
                sev, note = Severity.ZORG, " De regeling noemt dit orgaan nergens anders en definieert het niet."
            if sev is Severity.KRITIEK and sole_antecedent_in_artikel(res, pi, start, m.group(1), m.group(2)):
                # "Het bestuur van de rechtspersoon X bestaat uit …" (lid 1) … "Het bestuur beslist …" (lid 4): the
                # artikel introduced exactly one such body; the short form is resolvable, naming it is a drafting
                # point.
                sev, note = Severity.SUGGESTIE, " Eerder in dit artikel is één zo'n orgaan voluit genoemd; verlaagd."
            head = m.group(2).lower()
            named = specific_organs_in(res, pi, s, start) if head in HYPERNYM_HEADS else set()
            if named and (adjs or len(named) == 1):
                # A bare "het orgaan" after two different organs could be either: only a single antecedent or a
                # descriptive term ("het vertegenwoordigend orgaan") covering the listed bodies resolves it.
                # Round 11: "Voor de verkiezing van de leden van de Tweede Kamer, … kan het vertegenwoordigend orgaan
                # …": the generic term covers the bodies the sentence names; a reader knows which one acts.
                sev, note = Severity.INFO, " De zin noemt de organen die ermee bedoeld zijn; verlaagd."
            elif head in ROLE_HEADS and adjs and all(a.lower() in DEPUTY_ADJS for a in adjs) \
                    and organ_named_near(res, pi, start):
                # Round 11: "De burgemeester is voorzitter van het centraal stembureau. De plaatsvervangend
                # voorzitter …": the deputy in a role of the organ just named.
                sev, note = Severity.INFO, " Een plaatsvervanger in een functie van het zojuist genoemde orgaan; verlaagd."
            if sev is Severity.KRITIEK and ANAPHORIC_RE.search(m.group(0)):
                # "het desbetreffende bestuur": it points back at the body the sentence is about; a reader can
                # resolve it, a drafter should still name it.
                sev, note = Severity.SUGGESTIE, " 'desbetreffende/betrokken' verwijst terug; verlaagd."
            yield make_flag("AMB-06", pi, start, m.end(), severity=sev, confidence=0.7 if subject else 0.45,
                            explanation=f"'{phrase}' is geen orgaan uit de Wgr of de begripsbepalingen; niet vast "
                                        "te stellen welk orgaan bedoeld is." + note,
                            question=f"Welk orgaan is met '{phrase}' bedoeld (algemeen bestuur, dagelijks bestuur, "
                                     "voorzitter, raden, colleges)?",
                            suggestion="Gebruik de naam uit de regeling of neem het begrip op in de "
                                       "begripsbepalingen.")
        yield from _compound_organs(res, pi, known, defined)
        # Number mismatch: "het college" where the regulation speaks of several colleges.
        if plural_used:
            for k in known:
                if k.key in ("college", "raad") and not QUALIFIER_RE.match(pi.text[k.end:k.end + 30]) \
                        and not re.search(r"\b(elk|iedere?|betrokken|desbetreffende)\s*$", pi.text[:k.start], re.I):
                    if re.match(r"(college|raad)$", k.text.split()[-1], re.I) and res.competence_clause(pi, k.start):
                        yield make_flag("AMB-06", pi, k.start, k.end, severity=Severity.SUGGESTIE, confidence=0.45,
                                        explanation=f"'{k.text}' (enkelvoud) terwijl de regeling elders van meerdere "
                                                    "colleges of raden spreekt: welk college of welke raad?",
                                        question="Gaat het om het orgaan van één gemeente (welke?) of van alle?",
                                        suggestion="Schrijf 'het college van elke deelnemende gemeente' of 'de "
                                                   "colleges'.")
        # "de gemeenten" acting: which organ?
        for m in GEMEENTE_SUBJ_RE.finditer(pi.text):
            s, e = pi.sentence_of(m.start())
            before = pi.text[max(s, m.start() - 15):m.start()].lower().split()
            if transferred_powers_of(pi.text, s, e, m):
                yield make_flag("AMB-06", pi, m.start(), m.end(), severity=Severity.ZORG, confidence=0.6,
                                explanation=f"Bevoegdheden van '{m.group(0)}' worden overgedragen, maar een "
                                            "bevoegdheid hoort bij een orgaan (raad, college of burgemeester), niet "
                                            "bij de gemeente (Wgr art. 1 en 10).",
                                question="Van welk gemeentelijk orgaan zijn deze bevoegdheden: de raad, het college "
                                         "of de burgemeester?",
                                suggestion="Noem het orgaan: 'bevoegdheden van de colleges van de deelnemende "
                                           "gemeenten'.")
                continue
            if before and before[-1] in NON_SUBJECT_PREPS | {"voor"}:
                continue
            if coordinated_after_prep(pi.text[max(s, m.start() - 110):m.start()]) or named_after(pi.text, m.end()):
                continue  # "bijdragen van de minister en de gemeenten"; "de gemeenten Bennebroek, …"
            if m.group(0).lower().split()[-1] in defined and not m.group(0).lower().endswith("gemeenten"):
                continue  # "de gemeente" defined as a participant (Rijk, provincie, gemeente)
            if before and before[-1] in EXTRA_NON_SUBJECT:
                continue  # "het rijksbeleid inzake de gemeenten": the topic, not an actor
            if legal_person_use(pi.text, s, e, m) or object_of_subclause(pi.text, s, m):
                continue  # "vertegenwoordigt de gemeente", "is de gemeente gehouden … te vergoeden"
            near = [c for c in res.competences_in(pi, (s, e)) if not c.passive and c.start > m.start() - 40
                    and not other_subject(pi.text, res, pi, c, m) and not attributive_infinitive(pi.text, c)]
            if not any(c.action_class in ("adoption", "decision", "delegation", "executive", "procedural")
                       for c in near):
                verb = acting_subject_verb(pi.text, s, e, m)
                if verb:
                    # Outside the competence lexicon ("leveren … aan", "dragen … bij aan"): a duty put on
                    # "the municipalities" still needs an organ, but the verb may be a mere description.
                    yield make_flag("AMB-06", pi, m.start(), m.end(), severity=Severity.SUGGESTIE, confidence=0.45,
                                    explanation=f"'{m.group(0)}' is het onderwerp van '{verb}', maar een gemeente "
                                                "handelt via een orgaan: raad, college of burgemeester.",
                                    question="Welk gemeentelijk orgaan moet dit doen: de raad, het college of de "
                                             "burgemeester?",
                                    suggestion="Noem het orgaan: 'de colleges van de deelnemende gemeenten "
                                               f"{verb} …'.")
                continue
            if (PAYMENT_RE.search(pi.text[s:e]) or payer(pi.text, m)) and not any(
                    c.action_class in ("adoption", "decision", "delegation") for c in near):
                continue  # "de gemeenten voldoen de bijdragen": paying is no competence that needs an organ
            # An information duty ("de gemeenten verstrekken een overzicht") with no decision at stake: the
            # college answers for it by default (Gemeentewet art. 160); naming it is a drafting point.
            info_only = INFO_RE.search(pi.text, m.end(), e) and INFO_VERB_RE.search(pi.text, m.end(), e) and not any(
                c.action_class in ("adoption", "decision", "delegation") for c in near)
            # "De gemeenten besluiten zelf over …", "voeren hun taken zelfstandig uit": a reservation of each
            # municipality's own competence, whose organ the Gemeentewet fixes; "wijst een contactpersoon aan":
            # an administrative act, no competence of raad or college at stake.
            info_only = info_only or bool(OWN_COMPETENCE_RE.search(pi.text, m.end(), e)
                                          or OFFICIAL_OBJECT_RE.search(pi.text, m.end(), e))
            yield make_flag("AMB-06", pi, m.start(), m.end(),
                            severity=Severity.SUGGESTIE if info_only else Severity.ZORG, confidence=0.6,
                            explanation=f"'{m.group(0)}' handelt hier, maar een gemeente handelt altijd via een "
                                        "orgaan: raad, college of burgemeester."
                                        + (" Geen besluit van raad of college op het spel (informatieplicht, eigen "
                                           "bevoegdheid of ambtelijke handeling); verlaagd." if info_only else ""),
                            question="Welk gemeentelijk orgaan is bedoeld: de raad, het college of de burgemeester?",
                            suggestion="Noem het orgaan: 'de raden van de deelnemende gemeenten' of 'de colleges'.")
    yield from _alias_mixing(res)


def _compound_organs(res: Resources, pi, known, defined: set[str]) -> Iterator[Flag]:
    """"Het regiobestuur besluit …": a compound organ name that is neither registered nor defined.

    Common compounds (gemeenteraad, gemeentebestuur, ondernemingsraad: wordfreq Zipf ≥ 3) name known
    institutions and are left alone; a rare one is a name the regulation should have introduced.
    """
    for m in COMPOUND_RE.finditer(pi.text):
        word = m.group(1).lower()
        if word in defined or word in res.organs or zipf_frequency(word, "nl") >= 3.0:
            continue
        if STATUTORY_COLLECTIVE_RE.match(word) or word in STATUTORY_ORGAN_COMPOUNDS:
            continue  # "het waterschapsbestuur", like "gemeentebestuur": the statute's collective term
        s0, _e0 = pi.sentence_of(m.start())
        head = next(h for h in ORGAN_HEADS if word.endswith(h))
        if antecedent_in_sentence(pi.text, s0, m.start(), "", word) or \
                antecedent_in_sentence(pi.text, s0, m.start(), "", head, compound_of=word):
            continue  # "een ombudsman of een ombudscommissie … de ombudscommissie": the one just introduced
        if any(k.start <= m.start(1) and k.end >= m.end(1) for k in known):
            continue
        s, _e = pi.sentence_of(m.start())
        before = pi.text[max(s, m.start() - 15):m.start()].lower().split()
        subject = not (before and before[-1] in NON_SUBJECT_PREPS)
        competence = res.competence_clause(pi, m.start())
        yield make_flag("AMB-06", pi, m.start(), m.end(),
                        severity=Severity.KRITIEK if subject and competence else Severity.INFO,
                        confidence=0.7 if subject else 0.45,
                        explanation=f"'{m.group(0)}' is geen orgaan uit de Wgr of de begripsbepalingen; niet vast "
                                    "te stellen welk orgaan bedoeld is.",
                        question=f"Welk orgaan is met '{m.group(0)}' bedoeld (algemeen bestuur, dagelijks bestuur, "
                                 "voorzitter, raden, colleges)?",
                        suggestion="Gebruik de naam uit de regeling of neem het begrip op in de begripsbepalingen.")


def _part_of(res: Resources) -> set[str]:
    """Defined names that stand for a part of an organ, not the organ itself: "Servicecentrum: de
    organisatie-eenheid van het openbaar lichaam die …". The definiens opens with another noun than the organ."""
    names = set(res.organ_names)
    out = set()
    for d in res.definitions:
        term = d.term.lower().strip()
        if term not in {a.name for a in res.aliases}:
            continue
        body = re.sub(r"^(?:de|het|een)\s+", "", d.definiens.lower().strip())
        if not any(body.startswith(n) for n in names) and re.match(r"[\w-]+\s+(?:van|binnen|bij)\s", body):
            out.add(term)
    return out


def _alias_mixing(res: Resources) -> Iterator[Flag]:
    parts = _part_of(res)
    canon = {a.name: a.key for a in res.aliases if a.name not in parts}
    by_art: dict[str | None, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for pi in res.passages:
        if res.is_definition_passage(pi):
            continue
        for k in res.organ_mentions.get(pi.passage.id, []):
            if NAMING_RE.search(pi.text[max(0, k.start - 40):k.start]):
                continue  # "een openbaar lichaam … met de aanduiding: veiligheidsregio": the naming itself
            surface = re.sub(r"^(de|het|dit|dat|deze|zijn|haar|hun)\s+", "", k.text.lower())
            surface = re.sub(r"\s+", " ", surface)
            if surface in parts:
                continue
            if surface in canon or any(a.key == k.key for a in res.aliases if a.name not in parts):
                by_art[pi.passage.artikel][k.key].append((surface, pi, k))
    for _art, keys in by_art.items():
        for key, uses in keys.items():
            forms = list(dict.fromkeys(u[0] for u in uses))
            if len(forms) < 2:
                continue
            seen = {uses[0][0]}
            for surface, pi, k in uses:
                if surface in seen:
                    continue
                seen.add(surface)
                competence = res.competence_clause(pi, k.start)
                yield make_flag("AMB-06", pi, k.start, k.end,
                                severity=Severity.ZORG if competence else Severity.SUGGESTIE, confidence=0.6,
                                explanation=f"In dit artikel heet hetzelfde orgaan ({key}) zowel "
                                            f"'{forms[0]}' als '{surface}'.",
                                question="Gaat het om hetzelfde orgaan? Zo ja, gebruik één naam.",
                                suggestion=f"Gebruik overal '{forms[0]}'.")
