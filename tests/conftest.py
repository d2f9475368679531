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

# -- storage backends: every store fixture runs on SQLite and on PostgreSQL ----------------
# A throwaway PostgreSQL server (tests/pgserver.py) starts once per session, the first time a
# PostgreSQL-parametrised test needs it; each such test gets its own fresh database. Without
# the server binaries the PostgreSQL variants skip with the reason. DRECHTLENS_TEST_BACKENDS
# (e.g. "sqlite") limits the backends; DRECHTLENS_TEST_PG reuses a running server.
BACKENDS = [b for b in os.environ.get("DRECHTLENS_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test checks SQLite internals; no PostgreSQL variant")
    config.addinivalue_line("markers", "postgresql_only: the test checks PostgreSQL behaviour; no SQLite variant")


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server (``tests.pgserver.PgServer``); skips when it cannot start."""
    from tests.pgserver import PgServer, PgUnavailable

    try:
        server = PgServer.start()
    except PgUnavailable as err:
        pytest.skip(str(err))
    yield server
    server.cleanup()
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, migrated, empty PostgreSQL database for one test; dropped afterwards."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


# Modules that test SQLite-engine internals (FTS5 statements, the tantivy sidecar next to the
# SQLite file): no PostgreSQL variants. Single tests say so with the ``sqlite_only`` marker.
SQLITE_ONLY_MODULES = ("test_search_scale", "test_fastsearch")


def _no_postgresql_variant(item: pytest.Item) -> bool:
    """A backend variant that does not apply: SQLite internals or a search-engine choice
    (tantivy/FTS5) that only exists for SQLite, on PostgreSQL; PostgreSQL behaviour on SQLite.
    Such variants are not collected at all, so that every reported skip means something is
    missing on this machine."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if params.get("backend") == "sqlite":
        return item.get_closest_marker("postgresql_only") is not None
    if params.get("backend") != "postgresql":
        return False
    return (item.get_closest_marker("sqlite_only") is not None or params.get("engine") == "fts5"
            or item.module.__name__.rsplit(".", 1)[-1] in SQLITE_ONLY_MODULES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    dropped = [i for i in items if _no_postgresql_variant(i)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [i for i in items if not _no_postgresql_variant(i)]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """``"sqlite"`` or ``"postgresql"``: the storage backend this test variant runs on."""
    return request.param


@pytest.fixture
def store_target(backend, tmp_path, request):
    """``store_target(name)`` → where a store lives on this test's backend: a SQLite file
    ``tmp_path/name`` or the URL of a fresh PostgreSQL database (one per name)."""
    made: dict[str, str] = {}

    def target(name: str = "corpus.db") -> str:
        if name not in made:
            made[name] = (str(tmp_path / name) if backend == "sqlite"
                          else request.getfixturevalue("pg_server").new_database())
        return made[name]

    yield target
    if backend == "postgresql" and made:
        server = request.getfixturevalue("pg_server")
        for url in made.values():
            server.drop_database(url)
