"""Markdown and plain text → Lines.

Markdown: ``#`` headings (also without the space, as in the BWB-derived texts: ``##Titel``)
give ``heading_level``; blank lines end paragraphs; pipe tables become one table Line;
emphasis, links and backslash escapes are removed; list markers ("- ", "* ") are replaced by
a bullet so structure recognition sees a new paragraph. Plain text keeps everything but
the blank-line paragraphs. Text files have no pages: everything is page 1.
"""

from __future__ import annotations

import re

from extract.formats import ReadResult
from extract.lines import Line

EXTRACTOR_MD = "markdown/1"
EXTRACTOR_TXT = "text/1"

_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!=|<>~\"'])")
_LIST = re.compile(r"^\s*[-*+]\s+(?=\S)")


def strip_inline(text: str) -> str:
    """Plain text of one Markdown line: no links, emphasis, HTML tags or escapes."""
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", text)
    text = text.replace("**", "").replace("`", "'") if "**" in text or "`" in text else text
    text = _ESCAPE.sub(r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def _split_row(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [strip_inline(c) for c in re.split(r"(?<!\\)\|", row)]


def read_markdown(text: str, *, markdown: bool = True) -> ReadResult:
    lines: list[Line] = []
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(raw):
        line = raw[i]
        stripped = line.strip()
        if not stripped:
            if lines:
                lines[-1].para_end = True
            i += 1
            continue
        if markdown and stripped.startswith("|") and stripped.count("|") >= 2:
            rows: list[list[str]] = []
            while i < len(raw) and raw[i].strip().startswith("|"):
                if not _TABLE_SEP.match(raw[i].strip()):
                    rows.append(_split_row(raw[i]))
                i += 1
            if lines:
                lines[-1].para_end = True
            lines.append(Line(text="", page=1, table=rows, para_end=True))
            continue
        if markdown:
            setext = re.fullmatch(r"(=+|-+)", stripped)
            if setext and lines and lines[-1].table is None and not lines[-1].para_end and not lines[-1].heading_level:
                # Setext heading: "Titel" underlined with ===== (level 1) or ----- (level 2).
                lines[-1].heading_level = 1 if stripped[0] == "=" else 2
                lines[-1].para_end = True
                i += 1
                continue
            if re.fullmatch(r"<[^>]+>", stripped) or re.fullmatch(r"(-{3,}|\*{3,}|_{3,})", stripped):
                i += 1  # HTML-only lines (meta tags) and horizontal rules carry no text
                continue
            m = _HEADING.match(stripped)
            if m and m.group(2):
                if lines:
                    lines[-1].para_end = True
                lines.append(Line(text=strip_inline(m.group(2)), page=1, heading_level=len(m.group(1)),
                                  para_end=True))
                i += 1
                continue
            if _LIST.match(line):
                if lines:
                    lines[-1].para_end = True
                stripped = "• " + _LIST.sub("", line).strip()
            plain = strip_inline(stripped)
        else:
            plain = re.sub(r"\s+", " ", stripped)
        if plain:
            lines.append(Line(text=plain, page=1))
        i += 1
    if lines:
        lines[-1].para_end = True
    return ReadResult(format="markdown" if markdown else "text", extractor=EXTRACTOR_MD if markdown else EXTRACTOR_TXT,
                      lines=lines, page_count=1)
