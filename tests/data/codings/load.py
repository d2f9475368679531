"""Load the hand-coded reference passages (``batch*.jsonl``) and resolve them against ../shared/corpus.

The JSONL rows store *references*, never the passage text: ``source`` (path under the shared corpus),
``locator`` (same forms as ``../shared/eval/heldout_passages.tsv``), ``text_sha1`` of the text as this
module extracts it, and the labels. ``load_codings`` resolves every locator, checks the hash, drops rows
that hit a held-out passage, and returns :class:`CodedPassage` records with the text filled in.

Locator forms (see ../shared/eval/README.md):

- ``yaml:<theme>/<id>``  Baarn agreement: ``themas.<theme>.afspraken[*]`` with that ``id``, field ``tekst``.
- ``csv:<n>``            Rutte IV paragraphs CSV: column ``txt`` of the row whose ``paragraph`` is n.
- ``lines:<a>-<b>``      1-based inclusive line range of a text/markdown file, lines stripped, joined by "\\n".
- ``pdfpara:<p>/<k>``    k-th (0-based) paragraph of >= 200 characters of page p (1-based) as poppler's
                         ``pdftotext`` (default mode) extracts it, paragraphs split at blank lines.
- ``htmlpara:<k>``       k-th ``<p>``/``<li>`` element whose whitespace-normalised text has >= 200 characters.

Texts are whitespace-normalised (runs of spaces/tabs/newlines become one space) except for ``lines:``,
which keeps its line breaks. The hash is the SHA-1 of the UTF-8 text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CODINGS_DIR = Path(__file__).resolve().parent
REPO_ROOT = CODINGS_DIR.parents[2]
# Codings of the team's own fictional demo corpus (corpus/demo/*.md), kept apart from the real documents.
DEMO_FILE = CODINGS_DIR / "demo.jsonl"

DOMAINS: tuple[str, ...] = ("ruimtelijk-economisch", "sociaal", "bedrijfsvoering", "bestuur")
# Tension field code -> (pole A name, pole B name), exactly as in CODEBOOK.md section 2.
TENSION_FIELDS: dict[str, tuple[str, str]] = {
    "eenvormigheid-schaalvariatie": ("eenvormigheid", "schaalvariëteit"),
    "vrijheid-afhankelijkheid": ("vrijheid", "afhankelijkheid"),
    "verleden-toekomst": ("verleden", "toekomst"),
    "legitimiteit-resultaat": ("legitimiteit", "resultaat"),
    "verschillend-gelijk": ("verschillend", "gelijk"),
}
POLES: tuple[str, ...] = ("A", "B", "beide")
ROW_KEYS = {"source", "locator", "text_sha1", "domains", "tensions", "coder", "note"}
MIN_PARA_CHARS = 200

_WS = re.compile(r"\s+")


class LocatorError(ValueError):
    """A locator that is malformed or does not point at a passage in the source."""


@dataclass(frozen=True)
class CodedPassage:
    text: str
    domains: tuple[str, ...]
    tensions: dict[str, str]
    source: str
    locator: str
    coder: str
    note: str = ""


@dataclass
class LoadReport:
    """Everything ``load_codings_report`` found, so a test can assert on each problem class."""

    passages: list[CodedPassage] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # schema/label problems, "file:line: reason"
    unresolved: list[str] = field(default_factory=list)  # locator does not resolve
    hash_mismatches: list[str] = field(default_factory=list)
    heldout_hits: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


# --------------------------------------------------------------------------- resolvers


def _yaml_scalar(lines: list[str], start: int, key_indent: int, first: str) -> str:
    """Fold a plain or single-quoted YAML scalar that starts on ``lines[start]`` after ``key:``.

    The Baarn file only uses these two styles for ``tekst`` (checked against PyYAML when this was
    written); PyYAML itself is not a project dependency, so a tiny folder is enough here.
    """
    parts = [first.strip()]
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.strip() and (len(line) - len(line.lstrip(" "))) <= key_indent:
            break
        parts.append(line.strip())
        i += 1
    # Folding: single newlines become spaces, empty lines become newlines.
    folded = ""
    for part in parts:
        if part == "":
            folded += "\n"
        elif folded and not folded.endswith("\n"):
            folded += " " + part
        else:
            folded += part
    folded = folded.strip()
    if folded.startswith("'"):
        if not folded.endswith("'"):
            raise LocatorError(f"onafgesloten YAML-string: {folded[:40]!r}")
        folded = folded[1:-1].replace("''", "'")
    return folded


@lru_cache(maxsize=8)
def _baarn_texts(path: Path) -> dict[str, str]:
    """Map ``<theme>/<id>`` to the afspraak text for the segmented Baarn YAML."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, str] = {}
    theme = None
    in_themes = False
    current_id = None
    current_text = None
    for i, line in enumerate(lines):
        if line == "themas:":
            in_themes = True
            continue
        if not in_themes:
            continue
        if line and not line.startswith(" "):
            break  # next top-level key
        m = re.match(r"^  ([a-z0-9_]+):\s*$", line)
        if m:
            theme = m.group(1)
            continue
        item = re.match(r"^(\s*)(?:- )?(id|tekst):\s?(.*)$", line)
        if item and theme:
            indent = len(item.group(1)) + (2 if line.lstrip().startswith("- ") else 0)
            key, value = item.group(2), item.group(3)
            if line.lstrip().startswith("- "):
                current_id = current_text = None
            if key == "id":
                current_id = value.strip().strip("'\"")
            else:
                current_text = _yaml_scalar(lines, i, indent, value)
            if current_id and current_text is not None:
                out[f"{theme}/{current_id}"] = current_text
                current_id = current_text = None
    return out


@lru_cache(maxsize=8)
def _csv_rows(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["paragraph"].strip(): row["txt"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=32)
def _file_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=256)
def pdf_page_paragraphs(path: Path, page: int) -> tuple[str, ...]:
    """Paragraphs (>= 200 chars, whitespace-normalised) of one PDF page, per the eval README definition."""
    proc = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    if proc.returncode != 0:
        raise LocatorError(
            f"pdftotext faalde op {path.name} pagina {page}: {proc.stderr.decode(errors='replace')[:200]}"
        )
    text = proc.stdout.decode("utf-8", errors="replace")
    paras = [normalise(p) for p in re.split(r"\n[ \t\f]*\n", text)]
    return tuple(p for p in paras if len(p) >= MIN_PARA_CHARS)


@lru_cache(maxsize=8)
def html_paragraphs(path: Path) -> tuple[str, ...]:
    """``<p>``/``<li>`` texts of >= 200 chars in document order."""
    from lxml import html as lxml_html

    # Decode ourselves: lxml guesses Latin-1 for bytes when the charset meta comes late in <head>.
    tree = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    texts = (normalise(el.text_content()) for el in tree.iter("p", "li"))
    return tuple(t for t in texts if len(t) >= MIN_PARA_CHARS)


def resolve(shared_corpus: Path, source: str, locator: str) -> str:
    """Return the passage text a (source, locator) pair points at, or raise :class:`LocatorError`."""
    path = (shared_corpus / source).resolve()
    if not path.is_relative_to(shared_corpus.resolve()):
        raise LocatorError(f"bron buiten het corpus: {source}")
    if not path.is_file():
        raise LocatorError(f"bron bestaat niet: {source}")
    kind, _, arg = locator.partition(":")
    try:
        if kind == "yaml":
            texts = _baarn_texts(path)
            if arg not in texts:
                raise LocatorError(f"afspraak {arg!r} niet gevonden in {source}")
            return normalise(texts[arg])
        if kind == "csv":
            rows = _csv_rows(path)
            if arg not in rows:
                raise LocatorError(f"paragraaf {arg!r} niet gevonden in {source}")
            return normalise(rows[arg])
        if kind == "lines":
            a, b = (int(x) for x in arg.split("-"))
            lines = _file_lines(path)
            if not 1 <= a <= b <= len(lines):
                raise LocatorError(f"regels {a}-{b} vallen buiten {source} ({len(lines)} regels)")
            text = "\n".join(line.strip() for line in lines[a - 1 : b]).strip()
            if not text:
                raise LocatorError(f"regels {a}-{b} van {source} zijn leeg")
            return text
        if kind == "pdfpara":
            page_s, k_s = arg.split("/")
            paras = pdf_page_paragraphs(path, int(page_s))
            k = int(k_s)
            if not 0 <= k < len(paras):
                raise LocatorError(f"pagina {page_s} van {source} heeft geen alinea {k}")
            return paras[k]
        if kind == "htmlpara":
            paras = html_paragraphs(path)
            k = int(arg)
            if not 0 <= k < len(paras):
                raise LocatorError(f"{source} heeft geen HTML-alinea {k}")
            return paras[k]
    except ValueError as exc:
        if isinstance(exc, LocatorError):
            raise
        raise LocatorError(f"ongeldige locator {locator!r}: {exc}") from exc
    raise LocatorError(f"onbekend locatortype {kind!r} in {locator!r}")


# --------------------------------------------------------------------------- held-out exclusion


def load_heldout(shared_eval: Path) -> set[tuple[str, str]]:
    """(source, locator) pairs of ../shared/eval/heldout_passages.tsv."""
    path = shared_eval / "heldout_passages.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["source"].strip(), r["locator"].strip()) for r in csv.DictReader(fh, delimiter="\t")}


def _line_range(locator: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"lines:(\d+)-(\d+)", locator)
    return (int(m.group(1)), int(m.group(2))) if m else None


# How close (in paragraphs) an ``htmlpara`` locator may come to a held-out one. The eval set was made by
# another implementation of the same definition; nested <li>/<p> elements and texts near the 200-character
# cut-off can shift indices by one or two, so we keep a margin instead of trusting exact index equality.
HTMLPARA_MARGIN = 3


def is_heldout(source: str, locator: str, heldout: set[tuple[str, str]]) -> bool:
    """True when a locator matches or may overlap a held-out passage of the same source.

    Deliberately conservative: ``lines:`` ranges that overlap a held-out range, every ``pdfpara:`` on a PDF
    page that has a held-out paragraph, and ``htmlpara:`` within :data:`HTMLPARA_MARGIN` of a held-out index
    all count as held out, so a different paragraph-splitting detail can never leak an evaluation passage.
    """
    if (source, locator) in heldout:
        return True
    kind, _, arg = locator.partition(":")
    for h_source, h_locator in heldout:
        if h_source != source or not h_locator.startswith(kind + ":"):
            continue
        h_arg = h_locator.partition(":")[2]
        if kind == "lines":
            mine, theirs = _line_range(locator), _line_range(h_locator)
            if mine and theirs and mine[0] <= theirs[1] and theirs[0] <= mine[1]:
                return True
        elif kind == "pdfpara":
            if arg.split("/")[0] == h_arg.split("/")[0]:
                return True
        elif kind == "htmlpara":
            if arg.isdigit() and h_arg.isdigit() and abs(int(arg) - int(h_arg)) <= HTMLPARA_MARGIN:
                return True
    return False


# --------------------------------------------------------------------------- rows


def validate_row(row: dict) -> list[str]:
    """Schema and label problems of one JSONL row (empty list when valid)."""
    problems: list[str] = []
    missing = {"source", "locator", "text_sha1", "domains", "tensions", "coder"} - row.keys()
    if missing:
        return [f"ontbrekende velden: {sorted(missing)}"]
    extra = row.keys() - ROW_KEYS
    if extra:
        problems.append(f"onbekende velden: {sorted(extra)}")
    domains = row["domains"]
    if not isinstance(domains, list) or any(d not in DOMAINS for d in domains):
        problems.append(f"ongeldige domeinen: {domains!r}")
    elif len(set(domains)) != len(domains):
        problems.append(f"dubbel domein: {domains!r}")
    tensions = row["tensions"]
    if not isinstance(tensions, dict):
        problems.append(f"tensions is geen object: {tensions!r}")
    else:
        for fld, pole in tensions.items():
            if fld not in TENSION_FIELDS:
                problems.append(f"onbekend spanningsveld: {fld!r}")
            if pole not in POLES:
                problems.append(f"ongeldige pool {pole!r} bij {fld!r}")
    if not re.fullmatch(r"[0-9a-f]{40}", str(row["text_sha1"])):
        problems.append("text_sha1 is geen SHA-1")
    if not str(row["coder"]).strip():
        problems.append("coder ontbreekt")
    return problems


def _read_jsonl(path: Path) -> list[tuple[str, dict]]:
    return [
        (f"{path.name}:{n}", json.loads(line))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip()
    ]


def iter_rows(codings_dir: Path = CODINGS_DIR) -> list[tuple[str, dict]]:
    """(``file:line``, row) for every row of every ``batch*.jsonl`` (real documents) in sorted order."""
    out: list[tuple[str, dict]] = []
    for path in sorted(codings_dir.glob("batch*.jsonl")):
        out.extend(_read_jsonl(path))
    return out


def _check_rows(rows: list[tuple[str, dict]], root: Path, heldout: set[tuple[str, str]]) -> LoadReport:
    report = LoadReport()
    seen: dict[tuple[str, str], str] = {}
    for where, row in rows:
        problems = validate_row(row)
        if problems:
            report.invalid.append(f"{where}: {'; '.join(problems)}")
            continue
        key = (row["source"], row["locator"])
        if key in seen:
            report.duplicates.append(f"{where}: dubbel met {seen[key]}")
            continue
        seen[key] = where
        if is_heldout(row["source"], row["locator"], heldout):
            report.heldout_hits.append(f"{where}: {row['source']} {row['locator']}")
            continue
        try:
            text = resolve(root, row["source"], row["locator"])
        except LocatorError as exc:
            report.unresolved.append(f"{where}: {exc}")
            continue
        if sha1(text) != row["text_sha1"]:
            report.hash_mismatches.append(f"{where}: {row['source']} {row['locator']}")
            continue
        report.passages.append(
            CodedPassage(
                text=text,
                domains=tuple(row["domains"]),
                tensions=dict(row["tensions"]),
                source=row["source"],
                locator=row["locator"],
                coder=row["coder"],
                note=row.get("note", ""),
            )
        )
    return report


def load_codings_report(
    shared_corpus: Path, shared_eval: Path | None = None, codings_dir: Path = CODINGS_DIR
) -> LoadReport:
    """Resolve and check every coded row; problems go into the report instead of raising."""
    if shared_eval is None:
        shared_eval = shared_corpus.parent / "eval"
    heldout = load_heldout(shared_eval) if (shared_eval / "heldout_passages.tsv").is_file() else set()
    return _check_rows(iter_rows(codings_dir), shared_corpus, heldout)


def load_demo_report(repo_root: Path = REPO_ROOT, demo_file: Path = DEMO_FILE) -> LoadReport:
    """Codings of the demo corpus, resolved against ``corpus/demo`` in this checkout.

    The demo texts belong to the repo and may still be edited; rows whose text changed show up as
    hash mismatches (re-code them) instead of silently carrying stale labels.
    """
    return _check_rows(_read_jsonl(demo_file), repo_root, set())


def load_codings(shared_corpus: Path, shared_eval: Path | None = None) -> list[CodedPassage]:
    """The usable coded passages; skipped rows are reported with a warning, never silently."""
    report = load_codings_report(shared_corpus, shared_eval)
    skipped = (
        report.invalid + report.unresolved + report.hash_mismatches + report.heldout_hits + report.duplicates
    )
    if skipped:
        warnings.warn(f"{len(skipped)} gecodeerde passages overgeslagen: {skipped[:5]}", stacklevel=2)
    return report.passages


def load_demo_codings(repo_root: Path = REPO_ROOT) -> list[CodedPassage]:
    """Usable codings of the demo corpus (no ../shared needed); skipped rows are warned about."""
    report = load_demo_report(repo_root)
    skipped = report.invalid + report.unresolved + report.hash_mismatches + report.duplicates
    if skipped:
        warnings.warn(f"{len(skipped)} demo-coderingen overgeslagen: {skipped[:5]}", stacklevel=2)
    return report.passages
