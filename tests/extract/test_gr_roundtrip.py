"""Round trip: a gemeenschappelijke regeling rendered to PDF parses to the same
artikel/lid tree as its Markdown source (PDF reading + structure recognition together).

The 11 GR texts are the ``gr-text`` rows of ../shared/corpus/MANIFEST.tsv. Each is rendered
twice: single column, and two columns drawn row-wise with a running header and
"Pagina N van M" footers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import extract
from tests.conftest import SHARED_CORPUS
from tests.pdfgen import render_markdown_regulation


def _gr_texts() -> list[str]:
    manifest = SHARED_CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as fh:
        return sorted(r["file"] for r in csv.DictReader(fh, delimiter="\t")
                      if r["kind"] == "gr-text" and r["file"].startswith("laws-markdown/"))


GR_TEXTS = _gr_texts()


def test_all_gr_texts_listed(shared_corpus):
    assert len(GR_TEXTS) == 11


@pytest.mark.parametrize("two_column", [False, True], ids=["1col", "2col"])
@pytest.mark.parametrize("rel", GR_TEXTS or ["(geen corpus)"], ids=lambda r: Path(r).stem[:12])
def test_pdf_tree_equals_markdown_tree(shared_corpus, tmp_path, rel, two_column):
    md = shared_corpus / rel
    source = extract.parse(md).tree()
    assert len(source) >= 10  # a real regulation, not an empty parse
    pdf = render_markdown_regulation(md.read_text(encoding="utf-8"), tmp_path / "gr.pdf", two_column=two_column,
                                     running_header="Staatscourant 2026 — regeling" if two_column else None)
    assert extract.parse(pdf).tree() == source
