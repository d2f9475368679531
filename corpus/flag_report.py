"""Ambiguity reports: the same findings as JSON, CSV, Markdown, HTML or DOCX.

The DOCX report is what a lawyer sends to a colleague: a summary table by type and
severity, then per article the quote, the finding and the question. Every renderer
takes plain :class:`~models.ambiguity.flag.Flag` records, so a report can be made from a
fresh analysis or from flags read back from the store (with review decisions).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from models.ambiguity.flag import Flag, Severity

FORMATS = ("json", "csv", "md", "html", "docx")
CSV_FIELDS = ("type", "name", "severity", "confidence", "artikel", "lid", "onderdeel", "page", "quote",
              "start", "end", "explanation", "rule", "question", "suggestion", "passage_id", "key", "status")
STATUS_NL = {"": "open", "open": "open", "accept": "geaccepteerd", "dismiss": "afgewezen", "comment": "becommentarieerd"}


@dataclass
class ReportInput:
    """What a report is about; ``status`` maps Flag.key → latest review decision."""

    title: str
    flags: Sequence[Flag]
    source: str = ""
    pipeline: str = ""
    status: dict[str, str] = field(default_factory=dict)
    min_severity: Severity = Severity.INFO

    def selected(self) -> list[Flag]:
        return [f for f in self.flags if f.severity >= self.min_severity]


def _artikel_sort_key(label: str | None) -> tuple:
    if not label:
        return (10**9, "")
    m = re.match(r"(\d+)(.*)", label)
    return (int(m.group(1)), m.group(2)) if m else (10**8, label)


def by_artikel(flags: Sequence[Flag]) -> list[tuple[str | None, list[Flag]]]:
    groups: dict[str | None, list[Flag]] = {}
    for f in flags:
        groups.setdefault(f.artikel, []).append(f)
    return sorted(groups.items(), key=lambda kv: _artikel_sort_key(kv[0]))


def summary(flags: Sequence[Flag]) -> list[tuple[str, str, dict[str, int], int]]:
    """Rows (type, name, count per severity, total) sorted by type code."""
    names = {f.type: f.name for f in flags}
    counts: dict[str, Counter] = {}
    for f in flags:
        counts.setdefault(f.type, Counter())[f.severity.nl] += 1
    return [(t, names[t], dict(c), sum(c.values())) for t, c in sorted(counts.items())]


def render(report: ReportInput, fmt: str) -> bytes:
    """The report in ``fmt`` (one of :data:`FORMATS`) as bytes ready to write or download."""
    if fmt not in FORMATS:
        raise ValueError(f"formaat moet een van {', '.join(FORMATS)} zijn, niet {fmt!r}")
    return {"json": to_json, "csv": to_csv, "md": to_markdown, "html": to_html, "docx": to_docx}[fmt](report)


def _row(f: Flag, status: dict[str, str]) -> dict:
    d = f.to_dict()
    d["status"] = STATUS_NL.get(status.get(f.key, ""), status.get(f.key, ""))
    return d


def to_json(report: ReportInput) -> bytes:
    rows = [_row(f, report.status) for f in report.selected()]
    return json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8")


def to_csv(report: ReportInput) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for f in report.selected():
        writer.writerow(_row(f, report.status))
    # BOM so Excel opens the Dutch characters correctly.
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _intro(report: ReportInput, flags: Sequence[Flag]) -> str:
    sev = Counter(f.severity.nl for f in flags)
    parts = ", ".join(f"{sev[s.nl]} {s.nl}" for s in sorted(Severity, reverse=True) if sev[s.nl])
    return f"{len(flags)} meldingen ({parts or 'geen'})."


def to_markdown(report: ReportInput) -> bytes:
    flags = report.selected()
    lines = [f"# Toetsing op dubbelzinnigheid: {report.title}", "",
             f"Datum: {date.today().isoformat()}" + (f" · bron: {report.source}" if report.source else "")
             + (f" · pijplijn: {report.pipeline}" if report.pipeline else ""), "", _intro(report, flags), "",
             "| type | naam | kritiek | zorg | suggestie | info | totaal |", "|---|---|---:|---:|---:|---:|---:|"]
    for t, name, counts, total in summary(flags):
        lines.append(f"| {t} | {name} | {counts.get('kritiek', 0)} | {counts.get('zorg', 0)} | "
                     f"{counts.get('suggestie', 0)} | {counts.get('info', 0)} | {total} |")
    for artikel, group in by_artikel(flags):
        lines += ["", f"## {'Artikel ' + artikel if artikel else 'Zonder artikel'}", ""]
        for f in group:
            status = STATUS_NL.get(report.status.get(f.key, ""), "")
            lines += [f"**{f.type} {f.name}** — {f.severity.nl} ({f.location or 'locatie onbekend'})"
                      + (f" · {status}" if status and status != "open" else ""), "",
                      f"> {f.quote}", "", f"{f.explanation}", "", f"*Vraag:* {f.question}",
                      f"*Grondslag:* {f.rule}"]
            if f.suggestion:
                lines.append(f"*Voorstel:* {f.suggestion}")
            lines.append("")
    return "\n".join(lines).encode("utf-8")


def to_html(report: ReportInput) -> bytes:
    """A self-contained HTML page; every piece of document text is escaped."""
    e = html.escape
    flags = report.selected()
    rows = "".join(
        f"<tr><td>{e(t)}</td><td>{e(name)}</td>" + "".join(f"<td>{counts.get(s, 0)}</td>" for s in
                                                             ("kritiek", "zorg", "suggestie", "info"))
        + f"<td>{total}</td></tr>" for t, name, counts, total in summary(flags))
    body = []
    for artikel, group in by_artikel(flags):
        body.append(f"<h2>{e('Artikel ' + artikel if artikel else 'Zonder artikel')}</h2>")
        for f in group:
            body.append(
                f'<div class="flag {e(f.severity.nl)}"><p><b>{e(f.type)} {e(f.name)}</b> — {e(f.severity.nl)}'
                f" ({e(f.location)})</p><blockquote>{e(f.quote)}</blockquote><p>{e(f.explanation)}</p>"
                f"<p><i>Vraag:</i> {e(f.question)}</p><p><i>Grondslag:</i> {e(f.rule)}</p>"
                + (f"<p><i>Voorstel:</i> {e(f.suggestion)}</p>" if f.suggestion else "") + "</div>")
    page = f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Toetsing: {e(report.title)}</title><style>
body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .5em}}
blockquote{{background:#f6f6f6;margin:.3em 0;padding:.3em .8em}}
.kritiek{{border-left:4px solid #b00020;padding-left:.6em}}.zorg{{border-left:4px solid #e07b00;padding-left:.6em}}
.suggestie{{border-left:4px solid #2a6fdb;padding-left:.6em}}.info{{border-left:4px solid #999;padding-left:.6em}}
</style></head><body><h1>Toetsing op dubbelzinnigheid: {e(report.title)}</h1>
<p>{e(_intro(report, flags))}</p><table><tr><th>type</th><th>naam</th><th>kritiek</th><th>zorg</th>
<th>suggestie</th><th>info</th><th>totaal</th></tr>{rows}</table>{''.join(body)}</body></html>"""
    return page.encode("utf-8")


def to_docx(report: ReportInput) -> bytes:
    from docx import Document as DocxDocument
    from docx.shared import Pt

    flags = report.selected()
    d = DocxDocument()
    d.add_heading(f"Toetsing op dubbelzinnigheid: {report.title}", level=0)
    meta = f"Datum: {date.today().isoformat()}"
    if report.source:
        meta += f" · bron: {report.source}"
    if report.pipeline:
        meta += f" · pijplijn: {report.pipeline}"
    d.add_paragraph(meta)
    d.add_paragraph(_intro(report, flags))
    d.add_heading("Samenvatting per type en ernst", level=1)
    table = d.add_table(rows=1, cols=7)
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, ("Type", "Naam", "Kritiek", "Zorg", "Suggestie", "Info", "Totaal"),
                          strict=True):
        cell.text = text
    for t, name, counts, total in summary(flags):
        cells = table.add_row().cells
        values = (t, name, *(str(counts.get(s, 0)) for s in ("kritiek", "zorg", "suggestie", "info")), str(total))
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    for artikel, group in by_artikel(flags):
        d.add_heading(f"Artikel {artikel}" if artikel else "Zonder artikel", level=1)
        for f in group:
            p = d.add_paragraph()
            p.add_run(f"{f.type} {f.name}").bold = True
            p.add_run(f" — {f.severity.nl} ({f.location or 'locatie onbekend'})")
            status = STATUS_NL.get(report.status.get(f.key, ""), "")
            if status and status != "open":
                p.add_run(f" · {status}").italic = True
            quote = d.add_paragraph(style="Intense Quote")
            quote.add_run(f.quote).font.size = Pt(10)
            d.add_paragraph(f.explanation)
            q = d.add_paragraph()
            q.add_run("Vraag: ").bold = True
            q.add_run(f.question)
            r = d.add_paragraph()
            r.add_run("Grondslag: ").bold = True
            r.add_run(f.rule)
            if f.suggestion:
                s = d.add_paragraph()
                s.add_run("Voorstel: ").bold = True
                s.add_run(f.suggestion)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
