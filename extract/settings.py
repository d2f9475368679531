"""Settings for PDF text extraction, with the measurement behind each default.

Figures quoted below come from ``/work/shared/reference/pdf-bench.md`` (§2.3/§2.4) unless
marked "measured here" (``bench/extract.py``).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields

# Backend that produces characters. "pdfium" is the char-box fast path on pypdfium2:
# line-for-line the same text as the pdfplumber backend on the generated test PDFs and the
# two-column Handelingen PDF (tests/extract/test_pdf*.py), and 15-17x faster
# (bench/extract.py, 10/100-page generated PDFs). "pdfplumber" is the documented
# reference backend; the fast path itself falls back to it per page when pdfium fails
# or a ruled table is not a full grid.
BACKENDS = ("pdfium", "pdfplumber")
DEFAULT_BACKEND = "pdfium"

# Word gap tolerance relative to font size. pdfplumber's default x_tolerance=3 glued words
# in 8 pt text drawn without space glyphs (0% of footnotes recovered); 0.15 x size
# (= 1.5 pt at 10 pt) recovered 100% (pdf-bench §2.3).
DEFAULT_X_TOLERANCE_RATIO = 0.15
# Absolute floor for the word gap in pt (pdf-bench: x_tolerance=1.5 works as well).
DEFAULT_X_TOLERANCE = 1.5
# Characters whose vertical centres differ by less than this (pt) share a line
# (pdfplumber's y_tolerance=3 default was kept in the bench recipe).
DEFAULT_Y_TOLERANCE = 3.0

# Column detection: a gutter candidate lies in the middle 30-70% of the page, inside an
# inter-word gap of at least 8 pt on at least 4 lines; a two-column segment needs at
# least 3 split lines. Gave two-column sentence accuracy 0.98-1.0 on both producers.
DEFAULT_GUTTER_MIN_GAP = 8.0
DEFAULT_GUTTER_MIN_LINES = 4
DEFAULT_COLUMN_MIN_SPLIT_LINES = 3

# Running headers/footers: among the first/last 3 lines of a page, a digit-normalised line
# that recurs (same position band) on >= 50% of pages, min 3 pages, is dropped. Left 0
# headers/footers and raised token precision from 0.917 to 0.991 (pdf-bench §2.4).
DEFAULT_EDGE_LINES = 3
DEFAULT_REPEAT_FRACTION = 0.5
DEFAULT_REPEAT_MIN_PAGES = 3

# Paragraph end: a vertical gap to the next line above 1.3x the line height.
DEFAULT_PARA_GAP_RATIO = 1.3

# Tables are looked for only on pages with at least this many rule-like path objects
# (a rect counts as one, a grid drawn as one path as segments/4): full grids are read
# from pdfium's paths (extract/pdf_tables.py), other ruled pages use pdfplumber's
# find_tables (~90 ms a page), pages without rules pay nothing.
DEFAULT_TABLE_MIN_RULES = 4

# Per-page multiprocessing: 2 workers gave 1.88x on 497 pages (pdf-bench §2.4). Measured
# here on a 10-page PDF: 0.30 s with 1 worker against 0.48 s with 2 (pool start-up and
# per-chunk PDF opening dominate), hence a threshold of 20 pages.
DEFAULT_WORKERS = min(2, os.cpu_count() or 1)
DEFAULT_PARALLEL_MIN_PAGES = 20

# OCR for pages without a text layer: 300 dpi is tesseract's recommended input resolution.
DEFAULT_OCR = True
DEFAULT_OCR_DPI = 300
DEFAULT_OCR_LANG = "nld"
# Pages to OCR at most per document (OCR costs ~2-4 s per page); the rest get a warning.
DEFAULT_OCR_MAX_PAGES = 50

PIPELINE_VERSION = "drechtlens-1"


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    backend: str = DEFAULT_BACKEND
    x_tolerance_ratio: float = DEFAULT_X_TOLERANCE_RATIO
    x_tolerance: float = DEFAULT_X_TOLERANCE
    y_tolerance: float = DEFAULT_Y_TOLERANCE
    gutter_min_gap: float = DEFAULT_GUTTER_MIN_GAP
    gutter_min_lines: int = DEFAULT_GUTTER_MIN_LINES
    column_min_split_lines: int = DEFAULT_COLUMN_MIN_SPLIT_LINES
    edge_lines: int = DEFAULT_EDGE_LINES
    repeat_fraction: float = DEFAULT_REPEAT_FRACTION
    repeat_min_pages: int = DEFAULT_REPEAT_MIN_PAGES
    para_gap_ratio: float = DEFAULT_PARA_GAP_RATIO
    table_min_rules: int = DEFAULT_TABLE_MIN_RULES
    workers: int = DEFAULT_WORKERS
    parallel_min_pages: int = DEFAULT_PARALLEL_MIN_PAGES
    ocr: bool = DEFAULT_OCR
    ocr_dpi: int = DEFAULT_OCR_DPI
    ocr_lang: str = DEFAULT_OCR_LANG
    ocr_max_pages: int = DEFAULT_OCR_MAX_PAGES
    remove_headers: bool = True
    columns: bool = True
    dehyphenate: bool = True
    repair_ligatures: bool = True

    def __post_init__(self) -> None:
        def need(ok: bool, name: str, allowed: str) -> None:
            if not ok:
                raise ValueError(
                    f"Ongeldige instelling {name}={getattr(self, name)!r}: toegestaan is {allowed}."
                )

        need(self.backend in BACKENDS, "backend", " of ".join(repr(b) for b in BACKENDS))
        need(0.0 < self.x_tolerance_ratio <= 1.0, "x_tolerance_ratio", "een getal tussen 0 en 1")
        need(0.0 <= self.x_tolerance <= 20.0, "x_tolerance", "0 tot en met 20 (pt)")
        need(0.0 < self.y_tolerance <= 20.0, "y_tolerance", "meer dan 0 tot en met 20 (pt)")
        need(0.0 < self.gutter_min_gap <= 100.0, "gutter_min_gap", "meer dan 0 tot en met 100 (pt)")
        need(1 <= self.gutter_min_lines <= 1000, "gutter_min_lines", "1 tot en met 1000")
        need(1 <= self.column_min_split_lines <= 1000, "column_min_split_lines", "1 tot en met 1000")
        need(0 <= self.edge_lines <= 20, "edge_lines", "0 tot en met 20")
        need(0.0 < self.repeat_fraction <= 1.0, "repeat_fraction", "meer dan 0 tot en met 1")
        need(2 <= self.repeat_min_pages <= 10_000, "repeat_min_pages", "2 tot en met 10000")
        need(1.0 <= self.para_gap_ratio <= 10.0, "para_gap_ratio", "1 tot en met 10")
        need(1 <= self.table_min_rules <= 10_000, "table_min_rules", "1 tot en met 10000")
        need(1 <= self.workers <= 64, "workers", "1 tot en met 64")
        need(1 <= self.parallel_min_pages <= 1_000_000, "parallel_min_pages", "1 of meer")
        need(72 <= self.ocr_dpi <= 600, "ocr_dpi", "72 tot en met 600")
        need(bool(self.ocr_lang) and self.ocr_lang.replace("+", "").isalpha(), "ocr_lang",
             "een tesseract-taalcode zoals 'nld' of 'nld+eng'")
        need(0 <= self.ocr_max_pages <= 100_000, "ocr_max_pages", "0 tot en met 100000")

    def fingerprint(self) -> str:
        """Stable text naming every setting that changes the output (for caches and provenance)."""
        skip = {"workers", "parallel_min_pages"}  # speed only, same output
        parts = [f"{f.name}={getattr(self, f.name)}" for f in fields(self) if f.name not in skip]
        return f"{PIPELINE_VERSION} " + " ".join(parts)

    def as_dict(self) -> dict:
        return asdict(self)


def resolve(settings: ExtractSettings | dict | None) -> ExtractSettings:
    """Accept None (defaults), a dict of overrides, or settings; reject unknown keys in Dutch."""
    if settings is None:
        return ExtractSettings()
    if isinstance(settings, ExtractSettings):
        return settings
    if isinstance(settings, dict):
        known = {f.name for f in fields(ExtractSettings)}
        unknown = sorted(set(settings) - known)
        if unknown:
            raise ValueError(
                f"Onbekende instelling(en): {', '.join(unknown)}. Bekend zijn: {', '.join(sorted(known))}."
            )
        return ExtractSettings(**settings)
    raise TypeError(f"Instellingen moeten None, een dict of ExtractSettings zijn, niet {type(settings).__name__}.")
