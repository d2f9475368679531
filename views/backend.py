"""The one place where the workbench talks to ``corpus`` and ``models``.

Pages call these functions and get plain values back. Parts of the system that are not
(yet) installed raise :class:`Unavailable` with a Dutch sentence the page shows as-is, so
a missing component never becomes a traceback. The store is a ``st.cache_resource``
singleton per database path; derived values are ``st.cache_data`` with a ``_store``
argument and are cleared after every write that changes them.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import streamlit as st

from corpus.cli import default_db_path


class Unavailable(RuntimeError):
    """A component of Drechtlens is missing or failed; ``str(err)`` is Dutch for the user."""


def optional(module: str, what: str) -> ModuleType:
    """Import ``module`` or raise :class:`Unavailable` naming the missing part in Dutch."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise Unavailable(f"{what} is nog niet beschikbaar in deze installatie ({module} ontbreekt).") from err


def db_path() -> str:
    return default_db_path()


@st.cache_resource(show_spinner=False)
def _open_store(path: str) -> Any:
    store_mod = optional("corpus.store", "De corpusopslag")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return store_mod.Store(path)


def store() -> Any:
    """The shared Store for ``$DRECHTLENS_DB`` (one per path, shared by all sessions)."""
    try:
        return _open_store(db_path())
    except Unavailable:
        raise
    except Exception as err:  # a corrupt or unreadable database file
        raise Unavailable(f"De database {db_path()} kan niet geopend worden: {err}") from err


def clear_caches() -> None:
    """After a write (ingest, delete, review, coding): recompute derived values."""
    st.cache_data.clear()


@dataclass(frozen=True, slots=True)
class CorpusStatus:
    db_path: str
    documents: int = 0
    passages: int = 0
    error: str = ""


def corpus_status() -> CorpusStatus:
    path = db_path()
    try:
        s = store()
        docs = s.count_documents() if hasattr(s, "count_documents") else len(s.list_documents())
        passages = s.count_passages() if hasattr(s, "count_passages") else 0
        return CorpusStatus(path, docs, passages)
    except Unavailable as err:
        return CorpusStatus(path, error=str(err))


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "ja", "yes")
