"""Export: passages as CSV / JSONL / Excel, and the whole corpus as a zip that ingest reads back.

Passage tables (:func:`passage_rows`) have one row per passage with document metadata,
location, machine labels (all producers, merged: domains ``;``-joined) and flag counts.

The zip (:func:`export_zip`) is lossless::

    drechtlens-export.json          {"format": "drechtlens-export", "version": 1, ...counts}
    documents/<doc_id>.json         Document.to_dict() + "lineage", "previous_id", "ingested_at", "file_sha"
    files/<sha256>                  original bytes
    labels.jsonl, flags.jsonl       machine results (producer and version kept)
    decisions.jsonl, codings.jsonl, saved_searches.jsonl   user data, timestamps kept

:func:`import_zip` restores it into any store (version chains, user data, timestamps);
importing the same zip twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus.analysis import AnalysisOutput
from corpus.store import Store
from extract.document import Document

EXPORT_FORMAT = "drechtlens-export"
EXPORT_VERSION = 1

PASSAGE_COLUMNS = [
    "doc_id", "title", "kind", "body", "year", "passage_id", "seq", "location", "artikel", "lid", "onderdeel",
    "heading", "page_start", "page_end", "block", "part", "text", "domains", "tensions", "label_producers",
    "flags", "flag_types", "max_severity", "codings",
]


class ExportFormatError(Exception):
    """The zip is not a Drechtlens export (Dutch message)."""


def passage_rows(store: Store, doc_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """One dict per passage (keys :data:`PASSAGE_COLUMNS`), in document order."""
    docs = {d.id: d for d in store.documents()}
    if doc_ids is not None:
        docs = {k: v for k, v in docs.items() if k in set(doc_ids)}
    labels: dict[str, list] = {}
    for lb in store.labels():
        if lb.doc_id in docs:
            labels.setdefault(lb.passage_id, []).append(lb)
    flags: dict[str, list] = {}
    for f in store.flags():
        if f.doc_id in docs and f.passage_id:
            flags.setdefault(f.passage_id, []).append(f)
    codings: dict[str, int] = {}
    for c in store.codings():
        codings[c.passage_id] = codings.get(c.passage_id, 0) + 1
    sev_order = ("info", "suggestie", "zorg", "kritiek")
    rows = []
    for doc_id, d in sorted(docs.items(), key=lambda kv: (kv[1].title, kv[0])):
        for p in store.passages(doc_id):
            lbs, fls = labels.get(p.id, []), flags.get(p.id, [])
            domains = sorted({x for lb in lbs for x in lb.domains})
            tensions = {k: v for lb in lbs for k, v in lb.tensions.items()}
            rows.append({
                "doc_id": doc_id, "title": d.title, "kind": d.kind, "body": d.body, "year": d.year,
                "passage_id": p.id, "seq": p.seq, "location": p.location, "artikel": p.artikel or "",
                "lid": p.lid or "", "onderdeel": p.onderdeel or "", "heading": p.heading,
                "page_start": p.page_start, "page_end": p.page_end, "block": p.block, "part": p.part, "text": p.text,
                "domains": ";".join(domains), "tensions": json.dumps(tensions, ensure_ascii=False) if tensions else "",
                "label_producers": ";".join(sorted({f"{lb.producer} {lb.producer_version}" for lb in lbs})),
                "flags": len(fls), "flag_types": ";".join(sorted({f.type for f in fls})),
                "max_severity": max((f.severity for f in fls), key=sev_order.index) if fls else "",
                "codings": codings.get(p.id, 0),
            })
    return rows


def export_csv(store: Store, out: Path) -> int:
    rows = passage_rows(store)
    # utf-8-sig so Excel opens Dutch characters correctly
    with Path(out).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=PASSAGE_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def export_jsonl(store: Store, out: Path) -> int:
    rows = passage_rows(store)
    with Path(out).open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


_ILLEGAL_XLSX = dict.fromkeys(list(range(0, 9)) + [11, 12] + list(range(14, 32)))


def export_xlsx(store: Store, out: Path) -> int:
    """Excel workbook: sheet "passages" plus "documenten"; control characters removed (openpyxl rejects them)."""
    from openpyxl import Workbook

    rows = passage_rows(store)
    wb = Workbook()
    ws = wb.active
    ws.title = "passages"
    ws.append(PASSAGE_COLUMNS)
    for r in rows:
        ws.append([v.translate(_ILLEGAL_XLSX)[:32000] if isinstance(v, str) else v for v in
                   (r[c] for c in PASSAGE_COLUMNS)])
    ws.freeze_panes = "A2"
    ds = wb.create_sheet("documenten")
    cols = ["id", "title", "kind", "body", "year", "page_count", "passage_count", "source_file", "previous_id"]
    ds.append(cols)
    for d in store.documents():
        ds.append([getattr(d, c) for c in cols])
    wb.save(out)
    return len(rows)


def _jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False, sort_keys=True) + "\n" for i in items)


def export_zip(store: Store, out: Path) -> dict[str, int]:
    """The whole corpus as a zip (see module docstring). Returns counts per part."""
    docs = store.documents()
    counts = {"documents": len(docs), "passages": 0, "files": 0}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        shas: set[str] = set()
        for s in sorted(docs, key=lambda d: d.ingested_at):
            doc = store.get_document(s.id)
            d = doc.to_dict()
            d["meta"] = {k: v for k, v in d["meta"].items() if k not in ("lineage", "previous_id")}
            data = store.file_bytes(s.id)
            sha = None
            if data is not None:
                import hashlib

                sha = hashlib.sha256(data).hexdigest()
                if sha not in shas:
                    z.writestr(f"files/{sha}", data)
                    shas.add(sha)
            d.update(lineage=s.lineage, previous_id=s.previous_id, ingested_at=s.ingested_at, file_sha=sha)
            z.writestr(f"documents/{s.id}.json", json.dumps(d, ensure_ascii=False))
            counts["passages"] += len(doc.passages)
        counts["files"] = len(shas)
        labels = [asdict(x) for x in store.labels()]
        flags = [{"doc_id": f.doc_id, "producer": f.producer, "producer_version": f.producer_version,
                  "pipeline": f.pipeline, "created_at": f.created_at, "flag": f.flag} for f in store.flags()]
        decisions = [asdict(x) for x in store.decisions()]
        codings = [asdict(x) for x in store.codings()]
        searches = [asdict(x) for x in store.saved_searches()]
        for name, items in (("labels", labels), ("flags", flags), ("decisions", decisions), ("codings", codings),
                            ("saved_searches", searches)):
            z.writestr(f"{name}.jsonl", _jsonl(items))
            counts[name] = len(items)
        z.writestr("drechtlens-export.json", json.dumps(
            {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "schema_version": store.schema_version,
             "exported_at": datetime.now(UTC).isoformat(timespec="seconds"), "counts": counts}, indent=2))
    return counts


@dataclass(slots=True)
class ImportResult:
    documents: int = 0
    duplicates: int = 0
    passages: int = 0
    decisions: int = 0
    codings: int = 0
    saved_searches: int = 0


def _read_jsonl(z: zipfile.ZipFile, name: str) -> list[dict[str, Any]]:
    if name not in z.namelist():
        return []
    return [json.loads(line) for line in io.TextIOWrapper(z.open(name), encoding="utf-8") if line.strip()]


def import_zip(store: Store, path: Path) -> ImportResult:
    """Restore an :func:`export_zip` archive into ``store`` (idempotent)."""
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile as err:
        raise ExportFormatError("geen geldig zip-bestand.") from err
    with z:
        try:
            head = json.loads(z.read("drechtlens-export.json"))
        except KeyError:
            raise ExportFormatError("deze zip is geen Drechtlens-export (drechtlens-export.json ontbreekt).") from None
        if head.get("format") != EXPORT_FORMAT or head.get("version", 0) > EXPORT_VERSION:
            raise ExportFormatError(f"exportversie {head.get('version')} wordt niet ondersteund.")
        res = ImportResult()
        labels: dict[str, list[dict[str, Any]]] = {}
        for lb in _read_jsonl(z, "labels.jsonl"):
            labels.setdefault(lb["doc_id"], []).append(lb)
        flags: dict[str, list[dict[str, Any]]] = {}
        for f in _read_jsonl(z, "flags.jsonl"):
            flags.setdefault(f["doc_id"], []).append(f)
        docs = [json.loads(z.read(n)) for n in z.namelist() if n.startswith("documents/") and n.endswith(".json")]
        for d in sorted(docs, key=lambda d: d.get("ingested_at", "")):
            doc = Document.from_dict({k: v for k, v in d.items()
                                      if k not in ("lineage", "previous_id", "ingested_at", "file_sha")})
            data = z.read(f"files/{d['file_sha']}") if d.get("file_sha") else None
            outputs: list[AnalysisOutput] = []
            by_prod: dict[tuple[str, str], AnalysisOutput] = {}
            for lb in labels.get(doc.id, []):
                key = ("labels", lb["producer"])
                if key not in by_prod:
                    by_prod[key] = AnalysisOutput(lb["producer"], lb["producer_version"], "labels",
                                                  codebook_version=lb["codebook_version"])
                by_prod[key].rows.append(lb)
            for f in flags.get(doc.id, []):
                key = ("flags", f["producer"])
                if key not in by_prod:
                    by_prod[key] = AnalysisOutput(f["producer"], f["producer_version"], "flags", pipeline=f["pipeline"],
                                                  created_at=f.get("created_at", ""))
                by_prod[key].rows.append(f["flag"])
            outputs = list(by_prod.values())
            r = store.add_document(doc, file_bytes=data, analysis=outputs, lineage=d.get("lineage"),
                                   previous_id=d.get("previous_id"), ingested_at=d.get("ingested_at"))
            if r.status == "duplicate":
                res.duplicates += 1
            else:
                res.documents += 1
                res.passages += r.passages
        res.decisions, res.codings, res.saved_searches = store.import_user_data(
            _read_jsonl(z, "decisions.jsonl"), _read_jsonl(z, "codings.jsonl"), _read_jsonl(z, "saved_searches.jsonl"))
    return res


def export(store: Store, out: Path, fmt: str | None = None) -> dict[str, int]:
    """Dispatch on ``fmt`` (or the extension of ``out``): csv, jsonl, xlsx, zip."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt == "zip":
        return export_zip(store, out)
    fn = {"csv": export_csv, "jsonl": export_jsonl, "xlsx": export_xlsx}.get(fmt)
    if fn is None:
        raise ValueError(f"Onbekend exportformaat {fmt!r}; kies csv, jsonl, xlsx of zip.")
    return {"passages": fn(store, out)}
