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
from dataclasses import dataclass
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


# --------------------------------------------------------------------------- held-out HTML paragraphs
# ``htmlpara:N`` in eval/heldout_passages.tsv: ../shared/eval/README.md defines N as the index of a
# ``<p>``/``<li>`` text of at least 200 characters; whether N counts from 0 or 1, and whether nested
# <li>/<p> count once or twice, is not stated. Both readings below, each with N-1..N+1, so a counting
# detail can never let held-out text into a judged sample.
HTMLPARA_MIN_CHARS = 200
PROBE = 40  # characters per text probe, as in bench.ambiguity_quality.heldout_passage_ids


@dataclass(frozen=True, slots=True)
class HtmlPara:
    """One paragraph that may be a listed ``htmlpara:N`` (its text is only ever matched, never shown)."""

    listed: int  # the N of the locator
    convention: str  # "p": all <p> elements; "p/li>=200": <p>/<li> texts of >= 200 characters
    position: int  # its index under that convention (N-1, N or N+1)
    text: str  # whitespace-normalised
    in_regeling: bool  # inside the regulation (div.regeling), not page chrome (header, menus, contents)
    heading: bool  # a heading-like paragraph: short and all bold/italic


def _norm(text: str) -> str:
    return " ".join(text.split())


def heldout_html_paragraphs(path: Path, eval_dir: Path | None = None) -> list[HtmlPara]:
    """The paragraphs of the HTML file ``path`` that may be held out, under both index readings."""
    from lxml import html as lxml_html

    eval_dir = eval_dir or path.resolve().parent.parent.parent / "eval"
    tsv = eval_dir / "heldout_passages.tsv"
    if not tsv.exists():
        return []
    rel = f"{path.parent.name}/{path.name}"
    listed = sorted({int(loc[9:]) for src, _tab, loc in (ln.partition("\t") for ln in
                     tsv.read_text(encoding="utf-8").splitlines()[1:])
                     if src == rel and loc.startswith("htmlpara:") and loc[9:].isdigit()})
    if not listed:
        return []
    tree = lxml_html.fromstring(path.read_text(encoding="utf-8"))

    def in_regeling(el) -> bool:
        return any("regeling" in (a.get("class") or "").split() for a in el.iterancestors())

    def heading(el) -> bool:
        text = _norm(el.text_content())
        marked = _norm(" ".join(e.text_content() for e in el.iter("strong", "b", "em", "i", "h1", "h2", "h3",
                                                                    "h4", "h5", "h6")))
        return 0 < len(text) <= 80 and len(marked) >= len(text) - 6

    conventions = {
        "p": list(tree.iter("p")),
        "p/li>=200": [e for e in tree.iter("p", "li") if len(_norm(e.text_content())) >= HTMLPARA_MIN_CHARS],
    }
    out = []
    for n in listed:
        for name, elements in conventions.items():
            for k in (n - 1, n, n + 1):
                if 0 <= k < len(elements):
                    el = elements[k]
                    out.append(HtmlPara(n, name, k, _norm(el.text_content()), in_regeling(el), heading(el)))
    return out


def _overlaps(para: str, passage: str) -> bool:
    """Whether a passage holds text of a held-out paragraph (both whitespace-normalised).

    A paragraph of PROBE characters or more: any of its 40-character probes occurs in the passage, or a
    passage of PROBE characters or more lies inside it. A shorter paragraph (a heading, "gelet op", a name
    in a list) would match half the document as a probe, so there the passage must equal it, lie inside it
    or begin or end with it (a run of paragraphs joined into one passage). Short passages that lie inside
    a long paragraph are decided by :func:`heldout_html_passage_ids` from their neighbours."""
    if not para or not passage:
        return False
    if len(para) < PROBE:
        return passage in para or passage.startswith(para) or passage.endswith(para)
    if len(passage) >= PROBE and passage in para:
        return True
    probes = [para[i:i + PROBE] for i in range(0, len(para) - PROBE + 1, PROBE)]
    if len(para) % PROBE:
        probes.append(para[-PROBE:])  # the tail too, so a passage holding only the paragraph's end is found
    return any(pr in passage for pr in probes)


def heldout_html_passage_ids(doc: Document, path: Path) -> frozenset[str]:
    """Ids of the passages of ``doc`` (parsed from the HTML file ``path``) that overlap a paragraph listed
    as ``htmlpara:N`` for this file in ``../shared/eval/heldout_passages.tsv``, over-inclusively:
    paragraphs N-1, N and N+1 under both index readings (:func:`heldout_html_paragraphs`).

    A passage shorter than a probe ("de kwaliteit.", an onderdeel) that lies inside a long held-out
    paragraph counts when the passage before or after it overlaps that paragraph too: it is then part of
    the same list item or lid, not the same few words somewhere else ("Almere")."""
    paras = sorted({p.text for p in heldout_html_paragraphs(path) if p.text})
    texts = [_norm(p.text) for p in doc.passages]
    out: set[str] = set()
    for para in paras:
        strong = [_overlaps(para, t) for t in texts]
        for i, p in enumerate(doc.passages):
            near = (i > 0 and strong[i - 1]) or (i + 1 < len(texts) and strong[i + 1])
            if strong[i] or (texts[i] and texts[i] in para and near):
                out.add(p.id)
    return frozenset(out)
