"""A throwaway PostgreSQL server for tests and benchmarks (Debian's server binaries).

``PgServer.start()`` runs ``initdb`` into a fresh temporary directory and ``pg_ctl start`` on
a free loopback port (``listen_addresses=127.0.0.1``, socket in the same temp dir, trust
authentication, durability off: the data is thrown away). As root the data directory is
handed to the ``postgres`` user, because PostgreSQL refuses to run as root. ``stop()`` stops
the server and removes the directory.

Each test gets its own database, cloned from a template that already has the schema
(``new_database()``: ``CREATE DATABASE … TEMPLATE drechtlens_template``, a few ms).

``DRECHTLENS_TEST_PG=postgresql://user@host:port/db`` reuses an existing server instead (the
role needs CREATEDB); the per-test databases are created and dropped on it.

``python -m tests.pgserver`` starts a server, prints its URL and waits (Ctrl-C stops it).
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

TEMPLATE_DB = "drechtlens_template"


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; ``str(err)`` says why (a skip reason)."""


def pg_bindir() -> Path | None:
    """Directory of the newest installed server binaries (initdb, pg_ctl), or None."""
    env = os.environ.get("DRECHTLENS_PG_BIN")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _with_db(url: str, dbname: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + dbname))


@dataclass
class PgServer:
    """A running server: ``admin_url`` (maintenance db) and helpers for per-test databases."""

    admin_url: str = ""
    datadir: Path | None = None
    bindir: Path | None = None
    owned: bool = False  # started by us (stop it) or reused from DRECHTLENS_TEST_PG
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    _prefix: str = field(default_factory=lambda: f"t{os.getpid()}_")

    # -- life cycle --------------------------------------------------------------------
    @classmethod
    def start(cls) -> PgServer:
        reuse = os.environ.get("DRECHTLENS_TEST_PG")
        if reuse:
            server = cls(admin_url=reuse, owned=False)
        else:
            server = cls._start_local()
        try:
            server._make_template()
        except Exception:
            server.stop()
            raise
        atexit.register(server.stop)  # also when the test run is interrupted
        return server

    @classmethod
    def _start_local(cls) -> PgServer:
        bindir = pg_bindir()
        if bindir is None:
            raise PgUnavailable("PostgreSQL-serverprogramma's (initdb) ontbreken; installeer ze met "
                                "'make system-deps' (Debian-pakket postgresql) of zet DRECHTLENS_TEST_PG")
        root = os.geteuid() == 0
        tmp = Path(tempfile.mkdtemp(prefix="drechtlens-pg-"))
        datadir = tmp / "data"
        run_as: list[str] = []
        if root:
            if shutil.which("runuser") is None:
                shutil.rmtree(tmp, ignore_errors=True)
                raise PgUnavailable("als root is 'runuser' nodig om PostgreSQL als gebruiker postgres te starten")
            run_as = ["runuser", "-u", "postgres", "--"]
            tmp.chmod(0o755)
            shutil.chown(tmp, "postgres")
        port = _free_port()
        server = cls(admin_url=f"postgresql://postgres@127.0.0.1:{port}/postgres", datadir=tmp, bindir=bindir,
                     owned=True)
        try:
            subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust",
                            "-E", "UTF8", "--lc-collate=C", "--lc-ctype=C.UTF-8", "--no-sync"],
                           check=True, capture_output=True, text=True, timeout=120)
            opts = (f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off -c synchronous_commit=off"
                    " -c full_page_writes=off -c max_connections=60 -c shared_buffers=128MB")
            subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts, "-l",
                            str(tmp / "server.log"), "-w", "-t", "60", "start"],
                           check=True, capture_output=True, text=True, timeout=90)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as err:
            detail = getattr(err, "stderr", "") or str(err)
            log = tmp / "server.log"
            if log.exists():
                detail += "\n" + log.read_text(errors="replace")[-2000:]
            server.stop()
            raise PgUnavailable(f"PostgreSQL kon niet starten: {detail.strip()[:2000]}") from err
        return server

    def stop(self) -> None:
        if not self.owned or self.datadir is None:
            return
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if (self.datadir / "data" / "postmaster.pid").exists():
            subprocess.run([*run_as, str(self.bindir / "pg_ctl"), "-D", str(self.datadir / "data"), "-m", "immediate",
                            "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.datadir, ignore_errors=True)
        self.datadir = None

    # -- databases ---------------------------------------------------------------------
    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)

    def _make_template(self) -> None:
        """A database with the current schema, cloned for every test (migrations run once)."""
        from corpus.store_pg import PostgresStore

        name = self._prefix + "template"
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        PostgresStore(_with_db(self.admin_url, name)).close()
        self.template = name

    def new_database(self) -> str:
        """A fresh, migrated, empty database; returns its URL."""
        name = f"{self._prefix}{next(self._counter)}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return _with_db(self.admin_url, name)

    def drop_database(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def cleanup(self) -> None:
        """Drop the template (the per-test databases are dropped by their fixtures)."""
        if not self.owned and getattr(self, "template", None):
            self.drop_database(_with_db(self.admin_url, self.template))


def main() -> None:  # pragma: no cover - manual helper
    server = PgServer.start()
    print(server.admin_url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
