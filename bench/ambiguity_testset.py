"""Held-back regulation texts for the ambiguity hand check: municipal verordeningen in regelrecht YAML.

The detectors were tuned on the 11 GR texts in ``laws-markdown`` (the dev set). The test set is
``../shared/corpus/verordeningen-yaml/*.yaml`` (municipal verordeningen and beleidsregels, schema
MinBZK regelrecht): each ``articles[]`` entry has ``number`` and ``text``, where the text opens with
the article heading and continues with leden ("1. …") and onderdelen ("a. …", "1°. …") whose
continuation lines are indented. No file of this folder has passages in
``../shared/eval/heldout_passages.tsv``; :func:`heldout_sources` lets the caller check that.

The loader lives here (not in ``extract/``): it only serves the quality bench and its test.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from extract.document import Document, Passage, renumber

LID_RE = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$")
DASH_RE = re.compile(r"^[-–•]\s+(.*)$")  # unlabelled list item (definitions): onderdeel "-1", "-2", …
OND_RE = re.compile(r"^([a-z]{1,2})[.)]\s+(.*)$")
SUB_RE = re.compile(r"^(\d+)[°º][.)]?\s+(.*)$")


def heldout_sources(eval_dir: Path) -> set[str]:
    """Corpus-relative paths that have held-out passages (never to be used for tuning or testing)."""
    path = eval_dir / "heldout_passages.tsv"
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {ln.split("\t", 1)[0] for ln in lines if ln.strip()}


def _article_passages(number: str, text: str) -> list[Passage]:
    """One artikel's text → passages: lead-in/lid text, and one passage per onderdeel (as extract does)."""
    lines = text.strip("\n").splitlines()
    heading = ""
    if lines and not LID_RE.match(lines[0].strip()) and not OND_RE.match(lines[0].strip()) \
            and len(lines[0].split()) <= 14 and not lines[0].rstrip().endswith((".", ":", ";")):
        heading = lines.pop(0).strip().strip("*").strip()
        if heading == "None":  # an empty heading serialised by the YAML writer
            heading = ""
    full_heading = f"Artikel {number} {heading}".strip()
    units: list[tuple[str | None, str | None, str | None, list[str]]] = []  # lid, onderdeel, sub, words
    lid: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            if units:
                units.append((None, None, None, []))  # paragraph break: the next line starts a new unit
            continue
        indented = raw[:2].isspace()  # " 1.  …" (one space) still opens a lid
        m = DASH_RE.match(line)
        if m:
            dashes = sum(1 for u in units if u[1] and u[1].startswith("-") and u[0] == lid)
            units.append((lid, f"-{dashes + 1}", None, [m.group(1)]))
            continue
        m = LID_RE.match(line)
        if m and not indented:
            lid = m.group(1)
            units.append((lid, None, None, [m.group(2)]))
            continue
        m = OND_RE.match(line)
        if m:
            units.append((lid, m.group(1), None, [m.group(2)]))
            continue
        m = SUB_RE.match(line)
        if m and units and units[-1][1]:
            units.append((lid, units[-1][1], m.group(1), [m.group(2)]))
            continue
        if units and units[-1][3] and (indented or not units[-1][3][-1].rstrip().endswith((".", ":"))
                                       or units[-1][1] is None):
            units[-1][3].append(line)  # continuation line of the current unit
        else:
            units.append((lid, None, None, [line]))
    out = []
    for lid_, ond, sub, words in units:
        body = " ".join(words).strip()
        if not body:
            continue
        path: list[tuple[str, str]] = [("artikel", number)]
        if lid_:
            path.append(("lid", lid_))
        if ond:
            path.append(("onderdeel", ond))
        if sub:
            path.append(("subonderdeel", sub))
        out.append(Passage("", 0, body, 1, 1, tuple(path), full_heading, "text", "dispositief"))
    return out


def load_yaml_regulation(path: Path) -> Document:
    """A regelrecht YAML file → a ``regeling`` Document with artikel/lid/onderdeel paths."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError(f"{path.name}: geen 'articles' in dit YAML-bestand; is het een regelrecht-regeling?")
    passages: list[Passage] = []
    for art in data["articles"]:
        if isinstance(art, dict) and art.get("text"):
            passages += _article_passages(str(art.get("number", "")).strip(), str(art["text"]))
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()
    title = str(data.get("officiele_titel") or data.get("name") or path.stem)
    return Document(doc_id, title, "regeling", renumber(doc_id, passages), source_file=str(path), format="yaml",
                    extractor="bench.ambiguity_testset")


def test_paths(corpus: Path) -> list[Path]:
    """The test-set files: every regelrecht YAML file in ``verordeningen-yaml`` without held-out passages."""
    held = heldout_sources(corpus.parent / "eval")
    # One file name is cut off before its ".yaml" (a long CVDR title): take every file of the folder.
    return [p for p in sorted((corpus / "verordeningen-yaml").iterdir())
            if p.is_file() and not p.name.startswith(".") and f"verordeningen-yaml/{p.name}" not in held]
