"""AMB-16 Missing mandatory Wgr content and tasks outside the belang (Wgr-volledigheid).

Checklist (``checklist.tsv``, from Wgr art. 9, 10, 16-17, 34) over the artikel headings and
texts of the dispositief: a missing item → one document-level flag (ZORG or SUGGESTIE)
anchored on the first words of the first artikel, since there is no text to quote for
what is absent. A reference to a separate regulation for the item counts as coverage.
Belang coverage: content words of the belang article ("belang", "doel", "behartigt de
belangen …") against each lid/onderdeel of the task articles; a task that shares no
content word with the belang → INFO "taak buiten omschreven belang?". Only for documents
of kind "regeling" with an artikel structure.
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
CHECKLIST = read_tsv(HERE / "checklist.tsv", ("item", "pattern", "rule", "severity", "source"))
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
    headings = " ".join(res.structure.headings.values())
    corpus = headings + "\n" + "\n".join(pi.text for pi in res.passages)
    anchor = next((pi for pi in res.passages if pi.passage.artikel), res.passages[0])
    words = re.match(r"\s*(\S+(?:\s+\S+){0,3})", anchor.text)
    a_end = words.end(1) if words else min(len(anchor.text), 20)
    a_start = words.start(1) if words else 0
    for row in CHECKLIST:
        if re.search(row["pattern"], corpus, re.I):
            continue
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


def _belang(res: Resources) -> Iterator[Flag]:
    belang_passages = [pi for pi in res.passages if BELANG_RE.search(pi.text)
                       or re.search(r"belang|doel", res.structure.headings.get(pi.passage.artikel or "", ""), re.I)]
    if not belang_passages:
        return
    topics = set().union(*(_content(pi.text) for pi in belang_passages))
    belang_ids = {pi.passage.id for pi in belang_passages}
    for pi in res.passages:
        if pi.passage.id in belang_ids:
            continue
        head = res.structure.headings.get(pi.passage.artikel or "", "")
        if not TASK_HEAD_RE.search(head):
            continue
        words = _content(pi.text)
        if len(words) < 3 or words & topics:
            continue
        yield make_flag("AMB-16", pi, 0, min(len(pi.text), 100), severity=Severity.INFO, confidence=0.3,
                        explanation="Deze taak deelt geen inhoudswoord met de omschrijving van het belang; valt zij "
                                    "binnen het belang dat de regeling behartigt?",
                        question="Valt deze taak binnen het omschreven belang (Wgr art. 10)?",
                        suggestion="Vul zo nodig de omschrijving van het belang aan.", rule="Wgr art. 10, 30")
