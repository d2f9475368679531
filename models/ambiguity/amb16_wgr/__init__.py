"""AMB-16 Missing mandatory Wgr content and tasks outside the belang (Wgr-volledigheid).

Checklist (``checklist.tsv``, from Wgr art. 9, 10, 16-17, 34) over the artikel headings and
texts of the dispositief: a missing item → one document-level flag (ZORG or SUGGESTIE)
anchored on the first words of the first artikel, since there is no text to quote for
what is absent. A reference to a separate regulation for the item counts as coverage.
Belang coverage: content words of the belang article ("belang", "doel", "behartigt de
belangen …") against each lid/onderdeel of the task articles; a task that shares no
content word with the belang → INFO "taak buiten omschreven belang?". Only for documents
of kind "regeling" with an artikel structure that are no national law (round 7: the Provinciewet
and the Wgr itself mention AB, DB and a GR but are no GR).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.lexicon import read_tsv
from models.ambiguity.registration import detector, make_flag
from models.ambiguity.resources import Resources

HERE = Path(__file__).resolve().parent
CHECKLIST = read_tsv(HERE / "checklist.tsv", ("item", "pattern", "rule", "severity", "source", "scope"))
# Round 8: a regeling that institutes a body (Wgr art. 8 lid 1-3) — the items of scope "lichaam" apply only there.
BODY_RE = re.compile(r"openbaar\s+lichaam|gemeenschappelijk\s+orgaan|bedrijfsvoeringsorganisatie|algemeen\s+bestuur"
                     r"|dagelijks\s+bestuur", re.I)
BELANG_RE = re.compile(r"behartig\w*\s+(?:van\s+)?(?:de\s+)?belang|belang\w*\s+ter\s+behartiging|\bdoel\b|"
                       r"\bdoelstelling", re.I)
TASK_HEAD_RE = re.compile(r"\btaak|\btaken\b|bevoegdhe", re.I)
STOP = {"de", "het", "een", "van", "in", "op", "voor", "en", "of", "die", "dat", "door", "met", "aan", "bij", "als",
        "zijn", "is", "te", "tot", "om", "deze", "dit", "wordt", "worden", "onder", "over", "openbaar", "lichaam",
        "gemeenten", "deelnemende", "regeling", "artikel", "bestuur", "algemeen", "dagelijks", "taak", "taken",
        "heeft", "hebben", "ten", "behoeve", "kan", "zij", "hij", "belang", "belangen", "behartigt", "behartiging",
        "doel", "uitvoering", "uitvoeren", "verzorgen", "verzorgt", "eigen", "andere", "overige", "ook", "zo", "nodig"}


def _content(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]{5,}", text.lower()) if w not in STOP}


@detector("AMB-16", name="verplichte Wgr-inhoud ontbreekt / taak buiten belang", requires={"structure"},
          default_severity=Severity.ZORG, rule="Wgr art. 9, 10", context_adjust=False)
def wgr_completeness(res: Resources) -> Iterator[Flag]:
    if res.doc.kind != "regeling" or not res.structure.artikelen or not res.passages:
        return
    if res.is_national_law():
        return  # a law that mentions a GR (Wgr, Provinciewet) is no GR: Wgr art. 9 and 10 do not bind it
    headings = " ".join(res.structure.headings.values())
    corpus = headings + "\n" + "\n".join(pi.text for pi in res.passages)
    anchor = next((pi for pi in res.passages if pi.passage.artikel), res.passages[0])
    words = re.match(r"\s*(\S+(?:\s+\S+){0,3})", anchor.text)
    a_end = words.end(1) if words else min(len(anchor.text), 20)
    a_start = words.start(1) if words else 0
    body = bool(BODY_RE.search(corpus))
    for row in CHECKLIST:
        if re.search(row["pattern"], corpus, re.I):
            continue
        if row["scope"] == "lichaam" and not body:
            continue  # a centrumregeling has no bestuur, zetel or begroting of its own
        yield make_flag("AMB-16", anchor, a_start, a_end, severity=Severity.parse(row["severity"]), confidence=0.45,
                        explanation=f"De regeling lijkt geen bepaling te bevatten over {row['item']} "
                                    f"({row['rule']}). Deze melding geldt voor de hele regeling.",
                        question=f"Waar is {row['item']} geregeld (eventueel in een aparte regeling)?",
                        suggestion=f"Voeg een artikel toe over {row['item']}, of verwijs naar de regeling waarin "
                                   "dit staat.", rule=row["rule"], subject=row["item"])
    yield from _belang(res)
    yield from _article_content(res)


# Per item of Wgr art. 9 the content the provision must carry, not only its topic: an artikel about
# uittreding that says when it takes effect but not what it costs or who bears the consequences.
ARTICLE_CONTENT = read_tsv(HERE / "article_content.tsv",
                           ("item", "topic", "content", "missing", "rule", "severity", "source"))


def _article_content(res: Resources) -> Iterator[Flag]:
    for row in ARTICLE_CONTENT:
        topic = re.compile(row["topic"], re.I)
        content = re.compile(row["content"], re.I)
        def body(a: str) -> list:
            return [pi for pi in res.artikel_passages(a) if not res.is_definition_passage(pi)]

        headed = [a for a in res.structure.order if topic.search(res.structure.headings.get(a, ""))]
        arts = headed + [a for a in res.structure.order if a not in headed
                         and any(topic.search(pi.text) for pi in body(a))]
        if any(content.search(pi.text) for a in arts for pi in body(a)):
            continue
        # Anchor: the first sentence that provides for the item (in the artikel headed by it, if any), up to the
        # end of the topic word. No artikel mentions the item at all: the checklist above reports it missing.
        hit = next(((pi, m) for a in arts for pi in body(a) for m in [topic.search(pi.text)] if m), None)
        if hit is not None:
            pi, m = hit
            s, _e = pi.sentence_of(m.start())
            end = m.end() + re.match(r"\w*", pi.text[m.end():]).end()
        elif headed and body(headed[0]):  # "Artikel 20 Uittreding / 1. Een deelnemer kan de regeling verlaten …"
            pi = body(headed[0])[0]
            s, end = pi.sentence_of(0)
        else:
            continue
        yield make_flag("AMB-16", pi, s, end, severity=Severity.parse(row["severity"]), confidence=0.5,
                        explanation=f"De regeling voorziet in {row['item']}, maar zegt niets over {row['missing']} "
                                    f"({row['rule']}).",
                        question=f"Waar staan {row['missing'].split(' (')[0]}, en wie stelt ze vast?",
                        suggestion="Regel ze in dit artikel, of verwijs naar de regeling of het besluit waarin ze "
                                   "staan.", rule=row["rule"], subject=f"{row['item']}: {row['missing']}")


# Modifiers that say where or for whom, not what: "regionale economie" is about the economy.
GENERIC = {"regionale", "regionaal", "lokale", "lokaal", "gemeentelijke", "algemene", "individuele", "bijzondere",
           "openbare", "diverse", "verschillende", "volgende", "goede", "gezamenlijke", "terrein", "gebied", "omvat",
           "waaronder", "gericht", "inwoners", "ondernemers"}
ADJ_RE = re.compile(r"(?:lijke|ische|iele|ele|ale|ieve|ige)$")


def _norm(word: str) -> str:
    """Long vowels written single ("woonvisie" → "wonvisie") so a compound meets its stem ("wonen" → "won")."""
    return re.sub(r"([aeou])\1", r"\1", word)


def _stem(word: str) -> str:
    w = _norm(word)
    for suf in ("ingen", "ing", "en", "e", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:-len(suf)]
    return w


def _topics(text: str) -> set[tuple[str, str]]:
    """Belang topics as (modifier, noun): "maatschappelijke ondersteuning" → ("maatsc", "ondersteuning"), "wonen"
    → ("", "wonen"). A specific modifier is what the topic is about; generic ones are dropped."""
    toks = [w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) >= 4 and w not in STOP]
    out: set[tuple[str, str]] = set()
    skip = False
    for i, w in enumerate(toks):
        if skip or w in GENERIC:
            skip = False
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if ADJ_RE.search(w) and nxt and nxt not in GENERIC:
            out.add((w[:6], nxt))
            skip = True
        else:
            out.add(("", w))
    return out


def _covered(text: str, topics: set[tuple[str, str]]) -> bool:
    words = [w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) >= 4 and w not in STOP and w not in GENERIC]
    for mod, noun in topics:
        if mod:
            if any(w[:6] == mod for w in words):
                return True
            continue
        st = _stem(noun)
        for w in words:
            nw = _norm(w)
            if w[:6] == noun[:6] and len(w) >= 5 or nw.startswith(st) or len(st) >= 5 and nw.endswith(st):
                return True
    return False


def _belang(res: Resources) -> Iterator[Flag]:
    belang_passages = [pi for pi in res.passages if BELANG_RE.search(pi.text)
                       or re.search(r"belang|doel", res.structure.headings.get(pi.passage.artikel or "", ""), re.I)]
    if not belang_passages:
        return
    topics = set().union(*(_topics(pi.text) for pi in belang_passages))
    belang_ids = {pi.passage.id for pi in belang_passages}
    for pi in res.passages:
        if pi.passage.id in belang_ids:
            continue
        head = res.structure.headings.get(pi.passage.artikel or "", "")
        if not TASK_HEAD_RE.search(head) or _organ_powers(res, head):
            continue
        if MUNICIPAL_SUBJECT_RE.match(pi.text) or _organ_subject(res, pi):
            continue  # "De deelnemende gemeenten leveren …", "Het dagelijks bestuur besluit …": not a task of the GR
        if len(_content(pi.text)) < 3 or _covered(pi.text, topics):
            continue
        yield make_flag("AMB-16", pi, 0, min(len(pi.text), 100), severity=Severity.INFO, confidence=0.3,
                        explanation="Deze taak deelt geen inhoudswoord met de omschrijving van het belang; valt zij "
                                    "binnen het belang dat de regeling behartigt?",
                        question="Valt deze taak binnen het omschreven belang (Wgr art. 10)?",
                        suggestion="Vul zo nodig de omschrijving van het belang aan.", rule="Wgr art. 10, 30")


MUNICIPAL_SUBJECT_RE = re.compile(r"\s*(?:de|elke|iedere|een)\s+(?:deelnemende\s+)?(?:gemeenten?|raden|colleges"
                                  r"|deelnemers)\b", re.I)


def _organ_powers(res: Resources, heading: str) -> bool:
    """"Bevoegdheden van het algemeen bestuur": the powers of one organ, not tasks of the openbaar lichaam."""
    m = re.search(r"\bvan\s+(?:de|het)\s+(.+)$", heading, re.I)
    return bool(m) and res.organ_names.get(m.group(1).strip().lower(), "openbaar lichaam") != "openbaar lichaam"


def _organ_subject(res: Resources, pi) -> bool:
    """The passage opens with an organ other than the openbaar lichaam itself: it allocates a power or duty
    between organs ("Het dagelijks bestuur besluit over …"), it does not add a task to the regulation."""
    m = next(iter(res.organ_mentions.get(pi.passage.id, [])), None)
    if m is None or pi.text[:m.start].strip().lower() not in ("", "de", "het", "een", "elke", "iedere"):
        return False
    return m.key not in ("openbaar lichaam", "bestuur van het openbaar lichaam")
