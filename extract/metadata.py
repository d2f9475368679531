"""Best-effort document metadata: kind, title, body (municipality / public body) and year.

All functions look at the first part of the text (the cover page and opening carry the
title, the issuing body and the date) and at the file name; none of them is certain, and
``parse_file`` lets the caller override each of them.

* :func:`detect_kind` scores three kinds on cue phrases and on structure counts
  (article headings, agenda-item cues); the highest score above a threshold wins,
  otherwise ``overig``.
* :func:`infer_body` prefers the Drechtsteden municipalities and regional bodies (also via
  the CBS/IMRO municipality code in bestemmingsplan file names), then generic
  "Gemeente X" / "Provincie X" phrases, then national publications ("Rijk").
* :func:`infer_year` prefers a full Dutch date in the opening text ("29 juni 2015",
  "Jaargang 2015"), then a year in the file name, then the most frequent plausible year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract.lines import Line

OPENING_CHARS = 6000

_ARTIKEL_LINE = re.compile(
    r"^(?:Artikel|ARTIKEL)\s+(?:(?:[A-Z]{1,2}\s?)?\d+[a-z]*(?:[.:]\d+)*|[IVXLC]+)\s*\.?\s*(?:[A-Z(–-].{0,80})?$")
# Parliamentary papers about a bill discuss its articles but are not the regulation itself.
_NOT_REGELING = (
    r"\bmemorie van toelichting\b", r"\bnota naar aanleiding van het verslag\b", r"\bvoorlopig verslag\b",
    r"\bmemorie van antwoord\b", r"\badvies (?:van de )?(?:afdeling advisering )?raad van state\b",
    r"(?:^\s*|\bnr\.\s*\d+\s+)(?:verslag|motie|amendement|brief van)\b", r"\bhandelingen\b",
)
_STOP_NAMES = {"Wet", "De", "Het", "Een", "Van", "En", "In", "Op", "Te", "Voor", "Artikel"}
_REGELING_CUES = (
    r"\bgelet op\b", r"\bbesl(?:uit|uiten|oten)\b.{0,40}\bvast te stellen\b", r"\bgemeenschappelijke regeling\b",
    r"\bverordening\b", r"\bcentrumregeling\b", r"\bin deze (?:regeling|verordening|wet) wordt verstaan\b",
    r"\bwet van \d{1,2} \w+ \d{4}\b", r"\bbeleidsregel", r"\bstaatsblad\b",
)
# Agreements name themselves; reports (the other half of "akkoord") give weaker hints.
_AKKOORD_STRONG = (
    r"\bcoalitieakkoord\b", r"\bcollegeakkoord\b", r"\bcoalitieprogramma\b", r"\bbestuursakkoord\b",
    r"\braadsakkoord\b", r"\bcollegeprogramma\b", r"\bcollegewerkprogramma\b",
)
_AKKOORD_CUES = _AKKOORD_STRONG + (
    r"\bakkoord\b", r"\brapport\b", r"\bjaarverslag\b", r"\bbegroting\b", r"\binhoudsopgave\b",
    r"\buitvoeringsprogramma\b", r"\bevaluatie\b", r"\bjaarrekening\b", r"\bonderzoek\b",
)
_AGENDA_CUES = (
    r"^\s*(?:\d+[a-z]?\.?\s+)?opening\b", r"\bvaststell(?:en|ing)(?: van)? (?:de )?agenda\b", r"\brondvraag\b",
    r"^\s*(?:\d+[a-z]?\.?\s+)?sluiting\b", r"\bbesluitenlijst\b", r"\bagenda\b", r"\bagendapunt\b",
    r"\bde raad besluit\b", r"\bingekomen stukken\b",
)

DRECHTSTEDEN = (
    "Alblasserdam", "Dordrecht", "Hendrik-Ido-Ambacht", "Papendrecht", "Sliedrecht", "Zwijndrecht",
    "Hardinxveld-Giessendam",
)
# CBS municipality codes as used in IMRO plan identifiers (NL.IMRO.0505.…).
CBS_CODES = {
    "0482": "Alblasserdam", "0505": "Dordrecht", "0523": "Hardinxveld-Giessendam",
    "0531": "Hendrik-Ido-Ambacht", "0590": "Papendrecht", "0610": "Sliedrecht", "0642": "Zwijndrecht",
}
REGIONAL_BODIES = (
    ("Dienst Gezondheid & Jeugd", r"\bDienst Gezondheid (?:&|en) Jeugd\b"),
    ("Veiligheidsregio Zuid-Holland Zuid", r"\bVeiligheidsregio Zuid-Holland[- ]Zuid\b"),
    ("Omgevingsdienst Zuid-Holland Zuid", r"\bOmgevingsdienst Zuid-Holland[- ]Zuid\b"),
    ("GR Drechtsteden", r"\b(?:GR|Gemeenschappelijke regeling|Regio) Drechtsteden\b"),
    ("Drechtsteden", r"\bDrechtsteden\b"),
)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
_DATE = re.compile(r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+((?:19|20)\d{2})\b", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?!\d)")


def opening_text(lines: Sequence[Line], limit: int = OPENING_CHARS) -> str:
    out: list[str] = []
    n = 0
    for ln in lines:
        if ln.table is not None or not ln.text.strip():
            continue
        out.append(ln.text.strip())
        n += len(ln.text)
        if n > limit:
            break
    return "\n".join(out)


def kind_scores(lines: Sequence[Line], filename: str = "") -> dict[str, float]:
    """Scores per kind; exposed so tests and the UI can show why a kind was chosen."""
    opening = opening_text(lines)
    low = opening.lower()
    name = Path(filename).stem.lower().replace("_", " ").replace("-", " ")
    # article headings count up to 10: stop looking after the tenth
    artikel_headings = 0
    for ln in lines:
        if ln.table is None and _ARTIKEL_LINE.match(ln.text.strip()):
            artikel_headings += 1
            if artikel_headings == 10:
                break
    scores = {"regeling": 0.0, "akkoord": 0.0, "agenda": 0.0}
    scores["regeling"] += min(artikel_headings, 10) * 1.0
    for cue in _REGELING_CUES:
        if re.search(cue, low):
            scores["regeling"] += 1.5
    for cue in _AKKOORD_CUES:
        if re.search(cue, low):
            scores["akkoord"] += 3.0 if cue in _AKKOORD_STRONG else 0.75
        if re.search(cue, name):
            scores["akkoord"] += 3.0
    for cue in _AGENDA_CUES:
        hits = len(re.findall(cue, low, re.M))
        # The bare word "agenda" also occurs in prose ("de politieke agenda"): it counts once, lightly.
        scores["agenda"] += min(hits, 1) * 1.0 if cue == r"\bagenda\b" else min(hits, 3) * 1.5
        if re.search(cue.replace("^\\s*", r"\b"), name):
            scores["agenda"] += 3.0
    if re.search(r"\b(?:regeling|verordening|wet|besluit|reglement)\b", name):
        scores["regeling"] += 2.0
    if any(re.search(cue, low[:1500], re.M) for cue in _NOT_REGELING):
        scores["regeling"] = min(scores["regeling"], 2.0)
    return scores


def detect_kind(lines: Sequence[Line], filename: str = "") -> str:
    """``regeling``, ``akkoord``, ``agenda`` or ``overig`` from the text and file name."""
    return kind_from_scores(kind_scores(lines, filename))


def kind_from_scores(scores: dict[str, float]) -> str:
    """The kind :func:`detect_kind` picks from :func:`kind_scores`."""
    kind, best = max(scores.items(), key=lambda kv: kv[1])
    return kind if best >= 3.0 else "overig"


def infer_title(lines: Sequence[Line], filename: str = "") -> str:
    """The first explicit heading, else the largest type on page 1, else the first line, else the file name."""
    text_lines = [ln for ln in lines[:200] if ln.table is None and ln.text.strip()]
    for ln in text_lines[:40]:
        if ln.heading_level == 1 or (ln.heading_level and ln is text_lines[0]):
            return _clip(ln.text)
    for ln in text_lines[:60]:
        if ln.heading_level:
            return _clip(ln.text)
    first_page = [ln for ln in text_lines if ln.page == (text_lines[0].page if text_lines else 1)]
    sized = [ln for ln in first_page if ln.size > 0]
    if sized:
        big = max(ln.size for ln in sized)
        if big > min(ln.size for ln in sized):
            # Consecutive lines of the largest type form the title ("Omzien naar elkaar, / vooruitkijken …").
            parts: list[str] = []
            for ln in first_page:
                if abs(ln.size - big) < 0.6:
                    parts.append(ln.text.strip())
                elif parts:
                    break
            if parts:
                return _clip(" ".join(parts))
    for ln in text_lines[:5]:
        t = ln.text.strip()
        if 2 <= len(t) <= 200 and re.search(r"[A-Za-z]", t) and not t.startswith("<"):
            return _clip(t)
    return Path(filename).stem.replace("_", " ").replace("-", " ").strip() if filename else ""


def _clip(text: str, n: int = 200) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip("*#").strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def infer_body(lines: Sequence[Line], filename: str = "") -> str:
    opening = opening_text(lines)
    m = re.search(r"NL\.IMRO\.(\d{4})", filename)
    if m and m.group(1) in CBS_CODES:
        return f"Gemeente {CBS_CODES[m.group(1)]}"
    for name, pattern in REGIONAL_BODIES:
        if re.search(pattern, opening):
            return name
    counts = Counter(g for g in DRECHTSTEDEN if re.search(rf"\b{re.escape(g)}\b", opening))
    if counts:
        # The municipality named first in the opening is usually the issuer.
        first = min(counts, key=lambda g: opening.find(g))
        return f"Gemeente {first}"
    m = next((m for m in re.finditer(
        r"\b(?:[Gg]emeente(?:raad)?(?: van)?|[Rr]aad van de gemeente)\s+([A-Z][\w'-]+(?:[- ][A-Z][\w'-]+)?)", opening)
        if m.group(1).split()[0] not in _STOP_NAMES), None)
    if m:
        return f"Gemeente {m.group(1)}"
    for m in re.finditer(r"\b[Pp]rovincie\s+([A-Z][\w-]+(?:[- ][A-Z][\w-]+)?)", opening):
        if m.group(1).split()[0] not in _STOP_NAMES:
            return f"Provincie {m.group(1)}"
    if re.search(r"\b(?:Staatsblad|Staatscourant|Staten-Generaal|Tweede Kamer|Eerste Kamer|kabinet|Onze Minister)\b",
                 opening):
        return "Rijk"
    return ""


def infer_year(lines: Sequence[Line], filename: str = "") -> int | None:
    opening = opening_text(lines, 3000)
    m = re.search(r"\bJaargang\s+((?:19|20)\d{2})\b", opening)
    if m:
        return int(m.group(1))
    m = _DATE.search(opening)
    if m:
        return int(m.group(1))
    m = _YEAR.search(Path(filename).stem) if filename else None
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR.findall(opening))
    return years.most_common(1)[0][0] if years else None


_VERGADERJAAR = re.compile(r"^Vergaderjaar\s+\d{4}\s*[–-]\s*\d{4}$")
_DOSSIER = re.compile(r"^(\d{2}\s?\d{3})(?:\s*\([A-Z]\s?\d+\))?(?:\s+(\S.*))?$")
_STUK_NR = re.compile(r"\s*\bNr\.\s*\d+\b.*$")


def kamerstuk_title(texts: Sequence[str]) -> str:
    """The dossier title of a Kamerstuk ("30 372 / Voorstel van wet van de leden …, houdende regels …").

    Parliamentary papers print the chamber ("Tweede Kamer der Staten-Generaal") in the largest type and
    then "Vergaderjaar 2005–2006", the dossier number and its title, and the paper's number ("Nr. 2",
    or a letter for the Eerste Kamer). ``texts`` are the opening lines or passages. Empty when the
    opening is not a Kamerstuk's.
    """
    texts = [re.sub(r"\s+", " ", t).strip() for t in texts[:30]]
    for i, t in enumerate(texts[:8]):
        if not _VERGADERJAAR.match(t):
            continue
        for k in range(i + 1, min(i + 3, len(texts))):
            m = _DOSSIER.match(texts[k])
            if not m:
                continue
            parts = [m.group(2)] if m.group(2) else []
            for nxt in texts[k + 1:k + 12]:
                if not nxt or nxt.startswith("Nr.") or (nxt.isupper() and len(nxt) <= 2) or \
                        (parts and nxt.isupper() and len(nxt.split()) > 1):  # "GEWIJZIGD VOORSTEL VAN WET"
                    break
                parts.append(nxt)
            title = _STUK_NR.sub("", " ".join(parts)).strip()
            return _clip(title, 300) if title else ""
        return ""
    return ""


_REGELING_TITLE = re.compile(
    r"^(?:Wet|Besluit|Regeling|Verordening|Gemeenschappelijke regeling|Centrumregeling|Beleidsregels?|"
    r"Reglement|Algemene maatregel|Voorstel van (?:rijks)?wet)\b", re.I)


def regeling_title(texts: Sequence[str]) -> str:
    """The regulation's own title among its first passages ("Wet van 30 september 2014, houdende …").

    Official publications put the issuer ("Staatsblad …", "Gemeenteblad …") in the largest type,
    so for regelingen this beats :func:`infer_title`. Empty when no such line is found.
    """
    texts = [re.sub(r"\s+", " ", t).strip() for t in texts[:15]]
    for k, t in enumerate(texts):
        if _REGELING_TITLE.match(t) and 2 <= len(t.split()) <= 60 and not t.endswith((":", ";")):
            # A title broken over lines that the reader kept apart continues in lower case.
            for nxt in texts[k + 1:k + 4]:
                if t.endswith((")", ".")) or not nxt[:1].islower() or len(t.split()) > 60:
                    break
                t = f"{t} {nxt}"
            return _clip(t.rstrip("."), 300)
    return ""
