"""Build a small regulation :class:`Document` from a plain-text sketch (tests, examples).

    Artikel 1 Begripsbepalingen
    In deze regeling wordt verstaan onder:
    a. woonvisie: de regionale woonvisie;
    Artikel 2 Taken
    1. Het algemeen bestuur stelt de woonvisie vast.

"Artikel N [kop]" opens an artikel, "N." a lid, "a." an onderdeel (inside the current lid),
any other line is a passage of its own (or continues the lead-in of the artikel). Lines
starting with "Toelichting" switch to the toelichting part. No PDF involved, so detector
tests stay fast and exact.
"""

from __future__ import annotations

import re

from extract.document import Document, Passage, renumber

ART_RE = re.compile(r"^Artikel\s+(\d+[a-z]?)\.?(?:\s+([A-Z].*))?$")
LID_RE = re.compile(r"^(\d+)\.\s+(.*)$")
OND_RE = re.compile(r"^([a-z])\.\s+(.*)$")


def doc_from_text(text: str, title: str = "Testregeling", doc_id: str = "t" * 64) -> Document:
    passages: list[Passage] = []
    artikel: str | None = None
    heading = ""
    lid: str | None = None
    part = "dispositief"
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.lower().startswith("toelichting"):
            part, artikel, lid, heading = "toelichting", None, None, "Toelichting"
            continue
        m = ART_RE.match(line)
        if m:
            artikel, heading, lid = m.group(1), (f"Artikel {m.group(1)} {m.group(2) or ''}").strip(), None
            continue
        path: list[tuple[str, str]] = [("artikel", artikel)] if artikel else []
        m = LID_RE.match(line)
        if m and artikel:
            lid = m.group(1)
            path.append(("lid", lid))
            body = m.group(2)
        else:
            m2 = OND_RE.match(line)
            if m2 and artikel:
                if lid:
                    path.append(("lid", lid))
                path.append(("onderdeel", m2.group(1)))
                body = m2.group(2)
            else:
                if lid:
                    path.append(("lid", lid))
                body = line
        passages.append(Passage("", 0, body, 1, 1, tuple(path), heading, "text", part))
    return Document(doc_id, title, "regeling", renumber(doc_id, passages))
