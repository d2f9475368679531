"""AppTest smoke tests: every page renders on an empty store without exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = ["views/corpus_page.py", "views/document.py", "views/review.py", "views/coding.py",
         "views/search.py", "views/compare.py", "views/about.py"]


@pytest.fixture()
def empty_db(tmp_path, monkeypatch) -> Path:
    db = tmp_path / "corpus.db"
    monkeypatch.setenv("DRECHTLENS_DB", str(db))
    return db


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_empty_store(empty_db, page):
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "page has no title"
