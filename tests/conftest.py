"""Shared fixtures. Real documents are read from ../shared/corpus and skipped when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DRECHTLENS_SHARED", ROOT.parent / "shared"))
SHARED_CORPUS = SHARED / "corpus"
SHARED_REFERENCE = SHARED / "reference"
SHARED_EVAL = SHARED / "eval"
ARTIFACTS = ROOT / "test-artifacts"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} ontbreekt: deze test gebruikt het gedeelde corpus naast de checkout (../shared)")
    return path


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus``; the test skips with a reason when it is not there."""
    return _need(SHARED_CORPUS)


@pytest.fixture(scope="session")
def shared_reference() -> Path:
    return _need(SHARED_REFERENCE)


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    return _need(SHARED_EVAL)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# Corpus store fixtures for every area: an empty store on disk, and one with three small documents.
from tests.corpus.conftest import fresh_store, small_store  # noqa: E402, F401
