"""PDF → cleaned lines in reading order: the entry point :func:`read_pdf`.

Pipeline per page (for long documents in a pool of worker processes that is kept between
files, on contiguous page chunks, each worker opening the PDF once per chunk):

1. characters with boxes: the pypdfium2 fast path (``extract.pdf_chars.pdfium_page``), or
   pdfplumber (the reference backend, and the fallback for pages with ruled tables or
   pages pdfium cannot read);
2. lines, columns and paragraph ends (``extract.columns``);
3. page-local cleaning (``extract.cleaning.prepare_page``): text normalisation, the
   signatures of the edge lines, page numbers, the page's vocabulary.

Then, over the whole document in the main process: OCR of pages without a text layer
(``extract.ocr``) and the document-wide cleaning decisions (``extract.cleaning``: which
edge lines repeat, hyphenation and ligature repair against the document's vocabulary). Every failure reaches the caller as a Dutch :class:`ExtractError`
(whole file unreadable) or a per-page :class:`ExtractionWarning`; never a traceback.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.cleaning import prepare_page
from extract.columns import apply_grids, page_lines
from extract.document import ExtractionWarning
from extract.errors import ExtractError
from extract.lines import PageLines
from extract.pdf_chars import RawPage, pdfium_page, plumber_page
from extract.settings import ExtractSettings, resolve

log = logging.getLogger(__name__)

# Pages with at least this share covered by one image and no characters are "scanned".
SCAN_IMAGE_COVER = 0.3


@dataclass
class PdfText:
    pages: list[PageLines]  # 1-based numbers, lines cleaned and in reading order
    page_count: int
    warnings: list[ExtractionWarning] = field(default_factory=list)
    extractor: str = ""  # backend versions + settings fingerprint
    stats: dict[str, int] = field(default_factory=dict)  # what cleaning did (bench, reports)

    def text(self) -> str:
        """All lines as plain text, paragraphs separated by blank lines (for tests/bench)."""
        out: list[str] = []
        for p in self.pages:
            for ln in p.lines:
                out.append(ln.text)
                if ln.para_end:
                    out.append("")
        return "\n".join(out)


def _versions(settings: ExtractSettings) -> str:
    return _backend_versions(settings.backend)


@lru_cache(maxsize=4)
def _backend_versions(backend: str) -> str:
    from importlib.metadata import version  # cheap: importing pdfplumber costs ~0.4 s

    plumber = f"pdfplumber-{version('pdfplumber')}"
    if backend == "pdfplumber":
        return plumber
    return f"pypdfium2-{version('pypdfium2')}+{plumber}"


# -- per-page work (runs in workers) ------------------------------------------------------


class _PageReader:
    """Reads pages of one PDF; opens pdfium once and pdfplumber only when needed."""

    def __init__(self, path: str, settings: ExtractSettings):
        import pypdfium2 as pdfium

        self.path = path
        self.s = settings
        self.doc = pdfium.PdfDocument(path) if settings.backend == "pdfium" else None
        self._plumber = None
        self._page_trees: list = []

    def plumber(self):
        if self._plumber is None:
            import pdfplumber

            self._plumber = pdfplumber.open(self.path)
            self._page_trees = _page_trees(self._plumber.doc)
        return self._plumber

    def close(self) -> None:
        for closer in (self.doc, self._plumber):
            try:
                if closer is not None:
                    closer.close()
            except Exception:  # noqa: BLE001 - pdfplumber's close() parses every page again
                pass

    def _plumber_page(self, index: int):
        """One pdfplumber page, built on its own: ``pdf.pages`` parses all pages at once,
        so a single malformed page would take the whole document down."""
        from pdfminer.pdfpage import PDFPage
        from pdfplumber.page import Page

        pdf = self.plumber()
        objid, tree = self._page_trees[index]
        return Page(pdf, PDFPage(pdf.doc, objid, tree, None), page_number=index + 1)

    def _via_plumber(self, index: int) -> RawPage:
        page = self._plumber_page(index)
        try:
            return plumber_page(page, index + 1, find_tables=True, min_rules=self.s.table_min_rules,
                                x_tolerance=self.s.x_tolerance, y_tolerance=self.s.y_tolerance)
        finally:
            page.close()

    def read(self, index: int) -> PageLines:
        raw: RawPage | None = None
        first_error: Exception | None = None
        if self.doc is not None:
            try:
                raw = pdfium_page(self.doc, index, self.s.table_min_rules)
            except Exception as err:  # noqa: BLE001 - fall back to pdfplumber for this page
                first_error = err
        try:
            # rules pdfium's grid finder cannot read (merged cells, open tables) go through
            # pdfplumber's table finder; full grids stay on the fast path
            if raw is None or (raw.chars and raw.grids and any(not ys for ys, _ in raw.grids)):
                raw = self._via_plumber(index)
            elif raw.grids:
                apply_grids(raw, self.s)
        except Exception as err:  # noqa: BLE001 - one bad page must not sink the document
            if raw is None:
                return _failed_page(index, first_error or err)
        try:
            lines = page_lines(raw, self.s)
        except Exception as err:  # noqa: BLE001 - a layout bug on one page must not sink the document
            log.exception("layout analysis failed on page %d of %s", index + 1, self.path)
            return _failed_page(index, err)
        has_text = bool(raw.chars) or bool(raw.tables) or raw.image_cover < SCAN_IMAGE_COVER
        page = PageLines(number=index + 1, lines=lines, width=raw.width, height=raw.height,
                         has_text_layer=has_text)
        try:
            prepare_page(page, self.s)  # page-local cleaning here, in the worker
        except Exception:  # noqa: BLE001 - clean_document retries it and reports a failure
            log.exception("page-local cleaning failed on page %d of %s", index + 1, self.path)
            page.prep = None
        return page


def _failed_page(index: int, reason: BaseException) -> PageLines:
    return PageLines(number=index + 1, has_text_layer=False,
                     error=f"Pagina {index + 1} kon niet worden gelezen en is overgeslagen (technische "
                           f"oorzaak: {type(reason).__name__}: {str(reason)[:160]}).")


def _page_trees(document) -> list[tuple[int, dict]]:
    """(object id, inherited attributes) of every page in page-tree order, like pdfminer's
    ``PDFPage.create_pages`` but without constructing (and failing on) the pages."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import dict_value, list_value
    from pdfminer.psparser import LIT

    out: list[tuple[int, dict]] = []
    visited: set[int] = set()

    def walk(obj, parent: dict) -> None:
        try:
            if isinstance(obj, int):
                objid, props = obj, dict_value(document.getobj(obj)).copy()
            else:
                objid, props = obj.objid, dict_value(obj).copy()
        except Exception:  # noqa: BLE001 - a broken node is skipped, like pdfminer does
            return
        if objid in visited:
            return
        visited.add(objid)
        for k, v in parent.items():
            if k in PDFPage.INHERITABLE_ATTRS and k not in props:
                props[k] = v
        kind = props.get("Type")
        if kind is LIT("Pages") and "Kids" in props:
            for child in list_value(props["Kids"]):
                walk(child, props)
        elif kind is LIT("Page"):
            out.append((objid, props))

    if "Pages" in document.catalog:
        walk(document.catalog["Pages"], document.catalog)
    return out


def _read_range(path: str, start: int, end: int, settings: ExtractSettings) -> list[PageLines]:
    reader = _PageReader(path, settings)
    try:
        return [reader.read(i) for i in range(start, end)]
    finally:
        reader.close()


# -- worker pool ---------------------------------------------------------------------------
#
# One pool per process, kept between calls: starting two workers costs 20-60 ms, a tenth of
# reading a 100-page PDF, and callers that parse many files (serial ingest, the bench, the
# tests) would pay it for every file. The pool is plain processes with one pipe each and
# no helper threads in this process: a ProcessPoolExecutor keeps a manager thread alive,
# and callers that choose fork or forkserver by ``threading.active_count()`` (corpus
# ingest) would then lose fork for the rest of the process.


def _mp_context() -> multiprocessing.context.BaseContext:
    """"fork" where available and this process runs no other threads: starts in
    milliseconds, workers inherit the imported extractor, and callers' scripts need no
    ``__main__`` guard. A process with threads (Streamlit) must not fork: "forkserver"."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_loop(conn: Connection, parent_end: Connection | None = None) -> None:
    """A page worker: read (path, start, end, settings) chunks until told to stop, or until
    the process that started it is gone (a parent that ends with ``os._exit`` runs no
    clean-up)."""
    if parent_end is not None:
        parent_end.close()  # a forked worker holds a copy of the parent's end of its own pipe
    ppid = os.getppid()
    while True:
        try:
            if not conn.poll(2.0):
                if os.getppid() != ppid:
                    return
                continue
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result: tuple[bool, object] = (True, _read_range(*task))
        except BaseException as err:  # noqa: BLE001 - reported to the parent, which reads serially
            result = (False, f"{type(err).__name__}: {err}")
        try:
            conn.send(result)
        except (OSError, ValueError):
            return
        except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be pickled
            try:
                conn.send((False, f"{type(err).__name__}: {err}"))
            except Exception:  # noqa: BLE001
                return


class _Pool:
    """``workers`` page-reading processes; chunks are handed out as workers finish them."""

    def __init__(self, workers: int) -> None:
        ctx = _mp_context()
        self.pid = os.getpid()
        self.workers = workers
        self.procs: list[multiprocessing.process.BaseProcess] = []
        self.conns: list[Connection] = []
        try:
            for _ in range(workers):
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=_worker_loop, args=(child, parent), daemon=True, name="drechtlens-pdf")
                proc.start()
                child.close()
                self.procs.append(proc)
                self.conns.append(parent)
        except BaseException:
            self.close()
            raise

    def read(self, path: str, chunks: list[tuple[int, int]], s: ExtractSettings) -> list[PageLines]:
        results: dict[int, list[PageLines]] = {}
        todo = list(enumerate(chunks))[::-1]  # popped from the end: first chunks first
        busy: dict[Connection, int] = {}
        for conn in self.conns:
            if todo:
                k, (a, b) = todo.pop()
                conn.send((path, a, b, s))
                busy[conn] = k
        while busy:
            for conn in wait(list(busy)):
                ok, value = conn.recv()  # EOFError when the worker died
                k = busy.pop(conn)
                if not ok:
                    raise RuntimeError(f"paginawerker: {value}")
                results[k] = value  # type: ignore[assignment]
                if todo:
                    k, (a, b) = todo.pop()
                    conn.send((path, a, b, s))
                    busy[conn] = k
        return [page for k in range(len(chunks)) for page in results[k]]

    def close(self) -> None:
        if self.pid != os.getpid():
            return  # a forked copy: the workers belong to the parent
        for conn in self.conns:
            try:
                conn.send(None)
                conn.close()
            except (OSError, ValueError):
                pass
        for proc in self.procs:
            proc.join(timeout=2)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=2)
        self.procs, self.conns = [], []


_POOL: _Pool | None = None
_POOL_LOCK = threading.Lock()


def shutdown_pool() -> None:
    """Stop the page-reading workers (they also stop when the process exits)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.close()
        _POOL = None


atexit.register(shutdown_pool)


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    # 8 chunks per worker: the last worker to finish idles for at most a short chunk
    parts = max(1, min(n, workers * 8))
    size = -(-n // parts)
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def _read_pages(path: str, n: int, s: ExtractSettings) -> list[PageLines]:
    global _POOL
    workers = s.workers if n >= s.parallel_min_pages else 1
    # another thread is reading with the pool: read in this one rather than wait
    if workers <= 1 or not _POOL_LOCK.acquire(blocking=False):
        return _read_range(path, 0, n, s)
    try:
        if _POOL is not None and (_POOL.pid != os.getpid() or _POOL.workers != workers):
            if _POOL.pid == os.getpid():
                _POOL.close()
            _POOL = None  # a fork's copy of the parent's pool is left alone
        if _POOL is None:
            _POOL = _Pool(workers)
        return _POOL.read(path, _chunks(n, workers), s)
    except Exception as err:  # noqa: BLE001 - a broken pool must not lose the document
        log.warning("parallel PDF reading failed (%s); reading in this process", err)
        if _POOL is not None:
            _POOL.close()  # workers may still be busy with chunks of this call: start afresh
            _POOL = None
        return _read_range(path, 0, n, s)
    finally:
        _POOL_LOCK.release()


# -- entry point ---------------------------------------------------------------------------


def _open_checks(path: Path) -> None:
    name = path.name
    if not path.exists():
        raise ExtractError("bestand niet gevonden.", file=name, hint="Controleer de naam en de map.")
    if not path.is_file():
        raise ExtractError("dit is geen bestand maar een map.", file=name)
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as err:
        raise ExtractError(f"het bestand kan niet worden geopend ({err.strerror}).", file=name,
                           hint="Controleer of u leesrechten hebt.") from err
    if not head:
        raise ExtractError("het bestand is leeg (0 bytes).", file=name,
                           hint="Download of exporteer het document opnieuw.")
    if b"%PDF-" not in head:
        raise ExtractError("dit is geen PDF-bestand (de PDF-kop '%PDF-' ontbreekt).", file=name,
                           hint="Kies een PDF, of sla het document eerst op als PDF.")


def _page_count(path: Path) -> tuple[int, bool]:
    """Number of pages, and whether pdfium can open the file."""
    import pypdfium2 as pdfium

    name = path.name
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        # pdfium refuses some files pdfminer reads (and every zero-page file); its error code
        # is process-global and can be stale, so pdfminer's verdict comes first
        pages, encrypted = _plumber_page_count(path)
        if pages is not None:
            return pages, False
        if encrypted or getattr(err, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise ExtractError("de PDF is beveiligd met een wachtwoord en kan niet worden gelezen.",
                               file=name, hint="Vraag een versie zonder wachtwoord op of verwijder de "
                                               "beveiliging en probeer het opnieuw.") from err
        raise ExtractError("de PDF is beschadigd of onvolledig en kan niet worden gelezen.", file=name,
                           hint="Download het bestand opnieuw of vraag de afzender om een nieuwe "
                                "kopie.") from err
    try:
        return len(doc), True
    finally:
        doc.close()


def _plumber_page_count(path: Path) -> tuple[int | None, bool]:
    """(pages or None when unreadable, whether it failed on encryption)."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        with pdfplumber.open(path) as pdf:
            return len(_page_trees(pdf.doc)), False
    except Exception as err:  # noqa: BLE001 - any pdfminer failure means "unreadable"
        cause = getattr(err, "__cause__", None) or getattr(err, "args", [None])[0]
        encrypted = isinstance(err, (PDFPasswordIncorrect, PDFEncryptionError)) or isinstance(
            cause, (PDFPasswordIncorrect, PDFEncryptionError))
        return None, encrypted


def read_pdf(path: str | Path, settings: ExtractSettings | dict | None = None) -> PdfText:
    """Read a PDF into cleaned lines in reading order, page by page.

    Raises :class:`ExtractError` (Dutch message: file, what went wrong, what to do) when the
    file cannot be read at all; problems with single pages become warnings.
    """
    from extract.cleaning import clean_document

    path = Path(path)
    try:
        s = resolve(settings)
    except (TypeError, ValueError) as err:
        raise ExtractError(str(err), file=path.name) from err
    _open_checks(path)
    n, pdfium_ok = _page_count(path)
    if n == 0:
        raise ExtractError("de PDF bevat geen pagina's.", file=path.name,
                           hint="Controleer of het bestand volledig is gedownload.")
    if not pdfium_ok and s.backend != "pdfplumber":
        s = replace(s, backend="pdfplumber")

    pages = _read_pages(str(path), n, s)
    warnings: list[ExtractionWarning] = []
    failed = [p for p in pages if p.error]
    for p in failed:
        warnings.append(ExtractionWarning("page-error", f"{p.error} De rest van het document is wel gelezen; "
                                                      f"controleer deze pagina in het origineel.",
                                          page=p.number))
    if len(failed) == n:
        raise ExtractError("geen enkele pagina kon worden gelezen; de PDF is waarschijnlijk beschadigd.",
                           file=path.name, page=failed[0].number,
                           hint="Download het bestand opnieuw of vraag om een nieuwe kopie.")
    _handle_scans(path, pages, s, warnings)
    try:
        stats = clean_document(pages, s)
    except Exception:  # noqa: BLE001 - uncleaned text beats no text; the bug is logged
        log.exception("text cleaning failed for %s", path)
        stats = {}
        warnings.append(ExtractionWarning(
            "cleaning-error", "De tekst kon niet volledig worden opgeschoond (kop- en voetteksten, "
                              "afbrekingen); de ruwe tekst is gebruikt."))
    warnings.sort(key=lambda w: (w.page or 0, w.code))
    return PdfText(pages=pages, page_count=n, warnings=warnings,
                   extractor=f"{_versions(s)}/{s.fingerprint()}", stats=stats)


def _handle_scans(path: Path, pages: list[PageLines], s: ExtractSettings,
                  warnings: list[ExtractionWarning]) -> None:
    """Report pages without a text layer and OCR them when tesseract can."""
    from extract.ocr import ocr_available, ocr_page

    scans = [p for p in pages if not p.has_text_layer and not p.error]
    if not scans:
        return
    can_ocr = s.ocr and ocr_available(s.ocr_lang)
    todo = scans[: s.ocr_max_pages] if can_ocr else []
    for p in scans:
        if can_ocr and p in todo:
            msg = f"Pagina {p.number} heeft geen tekstlaag (gescande pagina); de tekst is met OCR gelezen."
        elif can_ocr:
            msg = (f"Pagina {p.number} heeft geen tekstlaag (gescande pagina) en is niet gelezen: "
                   f"het maximum van {s.ocr_max_pages} OCR-pagina's is bereikt.")
        else:
            msg = (f"Pagina {p.number} heeft geen tekstlaag (gescande pagina) en is niet gelezen. "
                   f"Installeer tesseract met Nederlands ('{s.ocr_lang}') voor OCR, of vraag een "
                   f"doorzoekbare PDF op.")
        warnings.append(ExtractionWarning("no-text-layer", msg, page=p.number))
    if not todo:
        return
    # tesseract is a separate process: run up to `workers` at once
    with ThreadPoolExecutor(max_workers=max(1, min(s.workers, len(todo)))) as ex:
        futures = {p.number: ex.submit(ocr_page, str(path), p.number - 1, dpi=s.ocr_dpi, lang=s.ocr_lang)
                   for p in todo}
        for p in todo:
            try:
                p.lines = futures[p.number].result()
                p.prep = None  # new lines: clean_document prepares them again
                p.ocr = True
                warnings.append(ExtractionWarning(
                    "ocr-used", f"Pagina {p.number}: tekst verkregen met OCR ({s.ocr_lang}); controleer "
                                f"de tekst op leesfouten.", page=p.number))
            except Exception as err:  # noqa: BLE001 - OCR failure leaves the page empty, with a warning
                warnings.append(ExtractionWarning(
                    "page-error", f"Pagina {p.number}: OCR mislukt ({err}).", page=p.number))
