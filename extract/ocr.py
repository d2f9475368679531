"""OCR for pages without a text layer: render with pypdfium2, read with ``tesseract``.

Only local tools are used (tesseract with the ``nld`` traineddata); nothing is downloaded.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess

from extract.lines import Line


@functools.lru_cache(maxsize=8)
def tesseract_languages() -> frozenset[str]:
    """Installed tesseract languages; empty when tesseract is missing."""
    exe = shutil.which("tesseract")
    if not exe:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    langs = (out.stdout + out.stderr).split()
    return frozenset(w for w in langs if w.isalpha() and w.islower() and len(w) <= 8)


def ocr_available(lang: str) -> bool:
    have = tesseract_languages()
    return bool(have) and all(part in have for part in lang.split("+"))


def ocr_page(path: str, index: int, *, dpi: int, lang: str, timeout: float = 120.0) -> list[Line]:
    """OCR page ``index`` (0-based) of ``path`` into lines; blank lines end paragraphs.

    Raises ``RuntimeError`` with a Dutch message when rendering or tesseract fails.
    """
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        page = doc[index]
        try:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil()
        finally:
            page.close()
    finally:
        doc.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    try:
        proc = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", lang, "--dpi", str(dpi)],
            input=buf.getvalue(), capture_output=True, timeout=timeout,
            # one thread per tesseract: pages are OCR'd in parallel instead
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as err:
        raise RuntimeError(f"OCR duurde langer dan {timeout:.0f} seconden") from err
    except OSError as err:
        raise RuntimeError(f"tesseract kon niet worden gestart ({err})") from err
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["onbekende fout"]
        raise RuntimeError(f"tesseract gaf een fout: {msg[0]}")
    text = proc.stdout.decode("utf-8", "replace")
    lines: list[Line] = []
    for raw in text.splitlines():
        raw = raw.strip()
        if not raw:
            if lines:
                lines[-1].para_end = True
            continue
        lines.append(Line(text=raw, page=index + 1, top=float(len(lines))))
    if lines:
        lines[-1].para_end = True
    return lines
