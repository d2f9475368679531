"""Import and export of codings: JSONL, Prodigy textcat JSONL, CSV and REFI-QDA (.qdpx).

- JSONL (native): ``{"id", "text", "meta", "domains": [...], "tensions": {"field": "A"}, "coder",
  "note", "adjudicated"}`` one per line. ``id`` falls back to ``meta.passage_id`` and then to
  the SHA-1 of the text.
- Prodigy textcat: ``{"text", "meta", "accept": ["DOMAIN:sociaal", "TENSION:field=A"],
  "answer": "accept", "_annotator_id": coder, "options": [...]}``; rejected/ignored answers are
  skipped on import.
- CSV: ``id, text, coder, domains`` (``;``-separated) and one column per tension field
  (``A``/``B``/``beide`` or empty), ``adjudicated``, ``note``, ``meta`` (JSON).
- REFI-QDA project (``.qdpx``, export only): a zip with ``project.qde`` (namespace
  ``urn:QDA-XML:project:1.0``): codes = labels (domains, tension fields with their poles as
  child codes), sources = documents as plain-text sources in ``sources/``, selections = the
  coded passages with character start/end positions, one ``Coding`` per label per coder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from models.codebook import Codebook, load_codebook
from models.labels import Coding, LabelError, Labels

QDA_NS = "urn:QDA-XML:project:1.0"
FORMATS = ("jsonl", "prodigy", "csv", "qdpx")


class InterchangeError(ValueError):
    """Unreadable or invalid input, with file and line in a Dutch message."""


def _text_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _bool(v: Any) -> bool:
    return v if isinstance(v, bool) else str(v).strip().lower() in ("1", "true", "ja", "yes", "waar")


# -- native JSONL -------------------------------------------------------------------------
def coding_to_dict(c: Coding) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.passage_id, "text": c.text, "meta": c.meta, "domains": sorted(c.labels.domains),
                         "tensions": c.labels.tension_dict, "coder": c.coder}
    if c.note:
        d["note"] = c.note
    if c.adjudicated:
        d["adjudicated"] = True
    return d


def coding_from_dict(d: dict[str, Any], codebook: Codebook, where: str = "") -> Coding:
    if not isinstance(d, dict):
        raise InterchangeError(f"{where}: verwacht een JSON-object")
    text = d.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InterchangeError(f"{where}: veld 'text' ontbreekt of is leeg")
    meta = d.get("meta") or {}
    if not isinstance(meta, dict):
        raise InterchangeError(f"{where}: 'meta' moet een object zijn")
    domains = d.get("domains", [])
    tensions = d.get("tensions", {})
    if not isinstance(domains, list) or not isinstance(tensions, dict):
        raise InterchangeError(f"{where}: 'domains' moet een lijst en 'tensions' een object zijn")
    try:
        labels = Labels.make(domains, tensions, codebook)
    except LabelError as err:
        raise InterchangeError(f"{where}: {err}") from None
    pid = str(d.get("id") or meta.get("passage_id") or _text_id(text))
    return Coding(pid, text, labels, str(d.get("coder", "")), _bool(d.get("adjudicated", False)),
                  str(d.get("note", "")), meta)


# -- Prodigy ------------------------------------------------------------------------------
def prodigy_labels(labels: Labels) -> list[str]:
    return ([f"DOMAIN:{d}" for d in sorted(labels.domains)]
            + [f"TENSION:{f}={p}" for f, p in labels.tensions])


def prodigy_options(codebook: Codebook) -> list[dict[str, str]]:
    opts = [{"id": f"DOMAIN:{d}", "text": d} for d in codebook.domain_codes]
    opts += [{"id": f"TENSION:{t}={p}", "text": f"{t} = {p}"} for t in codebook.tension_codes
             for p in ("A", "B", "beide")]
    return opts


def coding_to_prodigy(c: Coding, codebook: Codebook) -> dict[str, Any]:
    meta = dict(c.meta) | {"passage_id": c.passage_id}
    if c.note:
        meta["note"] = c.note
    if c.adjudicated:
        meta["adjudicated"] = True
    return {"text": c.text, "meta": meta, "options": prodigy_options(codebook), "accept": prodigy_labels(c.labels),
            "answer": "accept", "_annotator_id": c.coder}


def coding_from_prodigy(d: dict[str, Any], codebook: Codebook, where: str = "") -> Coding | None:
    if d.get("answer", "accept") != "accept":
        return None
    domains, tensions = [], {}
    for lab in d.get("accept") or []:
        kind, _, value = str(lab).partition(":")
        if kind == "DOMAIN":
            domains.append(value)
        elif kind == "TENSION" and "=" in value:
            fld, _, pole = value.partition("=")
            tensions[fld] = pole
        else:
            raise InterchangeError(f"{where}: label {lab!r} is geen DOMAIN:... of TENSION:veld=pool")
    meta = dict(d.get("meta") or {})
    note = str(meta.pop("note", ""))
    adjudicated = _bool(meta.pop("adjudicated", False))
    pid = meta.pop("passage_id", None)
    native = {"id": pid, "text": d.get("text"), "meta": meta, "domains": domains, "tensions": tensions,
              "coder": d.get("_annotator_id", d.get("coder", "")), "note": note, "adjudicated": adjudicated}
    return coding_from_dict(native, codebook, where)


# -- JSONL reading/writing ------------------------------------------------------------------
def read_jsonl(path: str | Path, codebook: Codebook | None = None) -> list[Coding]:
    """Native or Prodigy JSONL (detected per line: Prodigy lines have ``accept``/``answer``)."""
    cb = codebook or load_codebook()
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InterchangeError(f"{path}: kan het bestand niet lezen ({err})") from None
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{Path(path).name}:{i}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as err:
            raise InterchangeError(f"{where}: geen geldige JSON ({err.msg})") from None
        if isinstance(d, dict) and ("accept" in d or "answer" in d):
            c = coding_from_prodigy(d, cb, where)
            if c is not None:
                out.append(c)
        else:
            out.append(coding_from_dict(d, cb, where))
    return out


def write_jsonl(codings: Iterable[Coding], path: str | Path, prodigy: bool = False,
                codebook: Codebook | None = None) -> int:
    cb = codebook or load_codebook()
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for c in codings:
            d = coding_to_prodigy(c, cb) if prodigy else coding_to_dict(c)
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


# -- CSV --------------------------------------------------------------------------------------
def write_csv(codings: Iterable[Coding], path: str | Path, codebook: Codebook | None = None) -> int:
    cb = codebook or load_codebook()
    cols = ["id", "text", "coder", "domains", *cb.tension_codes, "adjudicated", "note", "meta"]
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for c in codings:
            row = {"id": c.passage_id, "text": c.text, "coder": c.coder, "domains": ";".join(sorted(c.labels.domains)),
                   "adjudicated": "ja" if c.adjudicated else "", "note": c.note,
                   "meta": json.dumps(c.meta, ensure_ascii=False, sort_keys=True) if c.meta else ""}
            row.update({f: c.labels.tension_dict.get(f, "") for f in cb.tension_codes})
            w.writerow(row)
            n += 1
    return n


def read_csv(path: str | Path, codebook: Codebook | None = None) -> list[Coding]:
    cb = codebook or load_codebook()
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InterchangeError(f"{path}: kan het bestand niet lezen ({err})") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise InterchangeError(f"{Path(path).name}: CSV mist de kolom 'text'")
    out = []
    for i, row in enumerate(reader, 2):
        where = f"{Path(path).name}:{i}"
        try:
            meta = json.loads(row["meta"]) if row.get("meta") else {}
        except json.JSONDecodeError:
            raise InterchangeError(f"{where}: kolom 'meta' is geen geldige JSON") from None
        d = {"id": row.get("id"), "text": row.get("text"), "coder": row.get("coder", ""), "meta": meta,
             "domains": [x.strip() for x in (row.get("domains") or "").split(";") if x.strip()],
             "tensions": {f: row[f].strip() for f in cb.tension_codes if (row.get(f) or "").strip()},
             "note": row.get("note", ""), "adjudicated": _bool(row.get("adjudicated", ""))}
        out.append(coding_from_dict(d, cb, where))
    return out


def read_codings(path: str | Path, codebook: Codebook | None = None) -> list[Coding]:
    """By extension: ``.csv`` → CSV, anything else → (Prodigy or native) JSONL."""
    return read_csv(path, codebook) if str(path).lower().endswith(".csv") else read_jsonl(path, codebook)


# -- REFI-QDA ----------------------------------------------------------------------------------
@dataclass
class QdaSource:
    """A plain-text source: the document text and where each passage sits in it."""

    name: str
    text: str
    spans: dict[str, tuple[int, int]]  # passage_id → (start, end), character offsets


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "drechtlens:" + "/".join(parts))).upper()


def sources_from_codings(codings: Sequence[Coding]) -> list[QdaSource]:
    """Group passages by ``meta['document']``/``meta['source']`` and lay them out as one text each."""
    groups: dict[str, dict[str, str]] = {}
    for c in codings:
        name = str(c.meta.get("document") or c.meta.get("source") or "Gecodeerde passages")
        groups.setdefault(name, {}).setdefault(c.passage_id, c.text)
    out = []
    for name, passages in groups.items():
        parts, spans, pos = [], {}, 0
        for pid, text in passages.items():
            spans[pid] = (pos, pos + len(text))
            parts.append(text)
            pos += len(text) + 2
        out.append(QdaSource(name, "\n\n".join(parts), spans))
    return out


def export_qdpx(codings: Sequence[Coding], path: str | Path, sources: Sequence[QdaSource] | None = None,
                codebook: Codebook | None = None, project_name: str = "Drechtlens") -> Path:
    """Write a REFI-QDA project. Passages not located in ``sources`` get a source of their own."""
    cb = codebook or load_codebook()
    sources = list(sources or [])
    located = {pid for s in sources for pid in s.spans}
    sources += sources_from_codings([c for c in codings if c.passage_id not in located])
    ET.register_namespace("", QDA_NS)
    q = f"{{{QDA_NS}}}"
    root = ET.Element(q + "Project", {"name": project_name, "origin": "Drechtlens",
                                      "creationDateTime": "2026-01-01T00:00:00Z"})
    users = ET.SubElement(root, q + "Users")
    coders = sorted({c.coder or "onbekend" for c in codings})
    for coder in coders:
        ET.SubElement(users, q + "User", {"guid": _guid("user", coder), "name": coder})
    book = ET.SubElement(ET.SubElement(root, q + "CodeBook"), q + "Codes")
    code_guid: dict[str, str] = {}
    dom_parent = ET.SubElement(book, q + "Code", {"guid": _guid("code", "domeinen"), "name": "Domeinen",
                                                   "isCodable": "false"})
    for d in cb.domains:
        code_guid[d.code] = _guid("code", d.code)
        el = ET.SubElement(dom_parent, q + "Code", {"guid": code_guid[d.code], "name": d.code, "isCodable": "true"})
        ET.SubElement(el, q + "Description").text = d.definition
    ten_parent = ET.SubElement(book, q + "Code", {"guid": _guid("code", "spanningsvelden"), "name": "Spanningsvelden",
                                                   "isCodable": "false"})
    for t in cb.tensions:
        fel = ET.SubElement(ten_parent, q + "Code", {"guid": _guid("code", t.code), "name": t.code,
                                                      "isCodable": "false"})
        ET.SubElement(fel, q + "Description").text = t.definition
        for pole in ("A", "B", "beide"):
            key = f"{t.code}={pole}"
            code_guid[key] = _guid("code", key)
            ET.SubElement(fel, q + "Code", {"guid": code_guid[key], "name": f"{t.code}: {t.pole_name(pole)}",
                                            "isCodable": "true"})
    src_el = ET.SubElement(root, q + "Sources")
    by_pid: dict[str, list[Coding]] = {}
    for c in codings:
        by_pid.setdefault(c.passage_id, []).append(c)
    files: dict[str, str] = {}
    for s in sources:
        sguid = _guid("source", s.name)
        files[f"sources/{sguid}.txt"] = s.text
        sel_parent = ET.SubElement(src_el, q + "TextSource", {"guid": sguid, "name": s.name,
                                                               "plainTextPath": f"internal://{sguid}.txt"})
        for pid, (start, end) in s.spans.items():
            if pid not in by_pid:
                continue
            first = by_pid[pid][0]
            sel = ET.SubElement(sel_parent, q + "PlainTextSelection", {
                "guid": _guid("sel", s.name, pid), "name": pid, "startPosition": str(start),
                "endPosition": str(end), "creatingUser": _guid("user", first.coder or "onbekend")})
            for c in by_pid[pid]:
                keys = sorted(c.labels.domains) + [f"{f}={p}" for f, p in c.labels.tensions]
                for key in keys:
                    coding = ET.SubElement(sel, q + "Coding", {
                        "guid": _guid("coding", pid, c.coder, key, str(c.adjudicated)),
                        "creatingUser": _guid("user", c.coder or "onbekend")})
                    ET.SubElement(coding, q + "CodeRef", {"targetGUID": code_guid[key]})
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml)
        for name, text in files.items():
            zf.writestr(name, text.encode("utf-8"))
    return path


def validate_qdpx(path: str | Path) -> list[str]:
    """Structural checks of a .qdpx (problems in Dutch; empty list = valid as far as checked):
    zip with ``project.qde``; well-formed XML in the REFI-QDA namespace; Project children in
    schema order; required attributes; unique GUIDs; every CodeRef, creatingUser and
    plainTextPath resolves; every selection lies within its source text.
    """
    problems: list[str] = []
    q = f"{{{QDA_NS}}}"
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        return [f"geen geldig zip-bestand: {err}"]
    with zf:
        names = set(zf.namelist())
        if "project.qde" not in names:
            return ["project.qde ontbreekt in het archief"]
        try:
            root = ET.fromstring(zf.read("project.qde"))
        except ET.ParseError as err:
            return [f"project.qde is geen welgevormde XML: {err}"]
        if root.tag != q + "Project":
            problems.append(f"root-element is {root.tag}, verwacht Project in {QDA_NS}")
        if not root.get("name"):
            problems.append("Project mist het attribuut name")
        order = ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs",
                 "Description"]
        seen = [c.tag.removeprefix(q) for c in root]
        if any(t not in order for t in seen) or seen != sorted(seen, key=order.index):
            problems.append(f"onderdelen van Project in verkeerde volgorde of onbekend: {seen}")
        guids: list[str] = [el.get("guid") for el in root.iter() if el.get("guid") is not None]
        if len(guids) != len(set(guids)):
            problems.append("GUID's zijn niet uniek")
        codes = {el.get("guid") for el in root.iter(q + "Code")}
        users = {el.get("guid") for el in root.iter(q + "User")}
        for el in root.iter(q + "Code"):
            for attr in ("guid", "name", "isCodable"):
                if not el.get(attr):
                    problems.append(f"Code mist {attr}")
        for ref in root.iter(q + "CodeRef"):
            if ref.get("targetGUID") not in codes:
                problems.append(f"CodeRef naar onbekende code {ref.get('targetGUID')}")
        for el in root.iter():
            if el.get("creatingUser") and el.get("creatingUser") not in users:
                problems.append(f"creatingUser {el.get('creatingUser')} bestaat niet")
        for src in root.iter(q + "TextSource"):
            ptp = src.get("plainTextPath", "")
            member = "sources/" + ptp.removeprefix("internal://")
            if not ptp.startswith("internal://") or member not in names:
                problems.append(f"bron {src.get('name')}: tekstbestand {ptp} ontbreekt")
                continue
            text = zf.read(member).decode("utf-8")
            for sel in src.iter(q + "PlainTextSelection"):
                start, end = int(sel.get("startPosition", -1)), int(sel.get("endPosition", -1))
                if not 0 <= start <= end <= len(text):
                    problems.append(f"selectie {sel.get('name')} valt buiten de brontekst")
                if not list(sel.iter(q + "Coding")):
                    problems.append(f"selectie {sel.get('name')} heeft geen codering")
    return problems
