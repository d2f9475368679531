"""Sidecar manifests: metadata for the files in a folder, read during ingest.

A folder may hold ``MANIFEST.tsv`` (tab separated) or ``MANIFEST.csv`` with a header row
in the format of ``../shared/corpus/MANIFEST.tsv``::

    file    kind    municipality_or_body    year    format  pages   source  license_note

``file`` is relative to the manifest's folder. Only ``file``, ``kind``,
``municipality_or_body`` (or ``body``/``gemeente``), ``year`` (or ``jaar``) and ``title``
(or ``titel``) are used; other columns go to ``Document.meta["manifest"]``. Kinds are
mapped to ours (:data:`KIND_MAP`); a kind we cannot map (``other-gov``: anything from a
ministry to a bestemmingsplan) is left to the extractor's detection. A body starting with
"unknown" is ignored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from extract.document import KINDS

MANIFEST_NAMES = ("manifest.tsv", "manifest.csv")

KIND_MAP: dict[str, str | None] = {
    **{k: k for k in KINDS},
    "agenda": "agenda", "besluitenlijst": "agenda",
    "coalitieakkoord": "akkoord", "akkoord": "akkoord", "rapport": "akkoord",
    "gr-text": "regeling", "law": "regeling", "wet": "regeling", "verordening": "regeling", "regeling": "regeling",
    "mvt": "overig", "drafting-guidance": "overig",
    "other-gov": None, "": None,
}


@dataclass(slots=True)
class ManifestRow:
    file: Path  # resolved absolute path
    kind: str | None = None
    body: str | None = None
    year: int | None = None
    title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def overrides(self) -> dict[str, object]:
        return {k: v for k, v in (("kind", self.kind), ("body", self.body), ("year", self.year),
                                  ("title", self.title)) if v not in (None, "")}


def _first(row: dict[str, str], *names: str) -> str:
    for n in names:
        v = (row.get(n) or "").strip()
        if v:
            return v
    return ""


def read_manifest(path: Path) -> dict[Path, ManifestRow]:
    """Rows of one manifest keyed by resolved file path. Unreadable rows are skipped."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    out: dict[Path, ManifestRow] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=delimiter):
            name = _first(row, "file", "bestand")
            if not name:
                continue
            kind = KIND_MAP.get(_first(row, "kind", "soort").lower())
            body = _first(row, "municipality_or_body", "body", "gemeente", "orgaan")
            if body.lower().startswith("unknown"):
                body = ""
            year_s = _first(row, "year", "jaar")
            year = int(year_s) if year_s.isdigit() and 1800 < int(year_s) < 2200 else None
            file = (path.parent / name).resolve()
            out[file] = ManifestRow(file, kind, body or None, year, _first(row, "title", "titel") or None,
                                    {k: v for k, v in row.items() if k and v})
    return out


class ManifestIndex:
    """Finds the manifest row for a file: the nearest ``MANIFEST.tsv/.csv`` in its folder
    or any parent folder that lists it. Manifests are read once."""

    def __init__(self) -> None:
        self._by_dir: dict[Path, dict[Path, ManifestRow]] = {}

    def _load(self, folder: Path) -> dict[Path, ManifestRow]:
        if folder not in self._by_dir:
            rows: dict[Path, ManifestRow] = {}
            try:
                entries = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
            except OSError:
                entries = {}
            for name in MANIFEST_NAMES:
                if name in entries:
                    try:
                        rows.update(read_manifest(entries[name]))
                    except (OSError, csv.Error, UnicodeDecodeError):
                        pass
            self._by_dir[folder] = rows
        return self._by_dir[folder]

    def lookup(self, file: Path, max_up: int = 6) -> ManifestRow | None:
        file = file.resolve()
        folder = file.parent
        for _ in range(max_up):
            row = self._load(folder).get(file)
            if row is not None:
                return row
            if folder.parent == folder:
                break
            folder = folder.parent
        return None


def is_manifest(path: Path) -> bool:
    return path.name.lower() in MANIFEST_NAMES or path.name.lower() == "manifest_notes.tsv"
