"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, start it on a
Unix socket there, drop it all at the end.

The server binaries (initdb, pg_ctl, postgres) are looked for in $CLAIMS_TEST_PG_BINDIR, then
``pg_config --bindir``, then /usr/lib/postgresql/<newest>/bin, then PATH. PostgreSQL refuses to
run as root, so as root the server runs as the ``postgres`` user (or ``nobody``), which owns
its folder. Durability is switched off: the data lives for one test session.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

BINDIR_ENV = "CLAIMS_TEST_PG_BINDIR"
_PROGRAMS = ("initdb", "pg_ctl", "postgres")
# Speed over safety: nothing here outlives the test session.
_SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=200"
)


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None when there is none."""
    candidates = []
    if os.environ.get(BINDIR_ENV):
        candidates.append(os.environ[BINDIR_ENV])
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            candidates.append(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip())
        except OSError:
            pass
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(versions, key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0, reverse=True)
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb")).parent))
    for candidate in candidates:
        if candidate and all((Path(candidate) / program).is_file() for program in _PROGRAMS):
            return Path(candidate)
    return None


class PostgresServer:
    """A running server; :meth:`url` names a database on it, :meth:`stop` ends it.
    ``options`` are the server's settings (by default the tests' own, without durability)."""

    def __init__(self, bindir: Path, options: str = _SERVER_OPTIONS) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="claimsdb-pg-"))
        self.data = self.folder / "data"
        self._user = _server_user()
        if self._user is not None:
            os.chown(self.folder, self._user.pw_uid, self._user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                  "-o", f"-k {self.folder} {options}", "start")

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create ``name`` (a copy of ``template`` if given) and return its URL."""
        import psycopg

        with psycopg.connect(host=str(self.folder), user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop ``name``, disconnecting whoever is still connected to it."""
        import psycopg

        with psycopg.connect(host=str(self.folder), user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _run(self, program: str, *args: str) -> None:
        kwargs = {}
        if self._user is not None:
            kwargs = dict(user=self._user.pw_uid, group=self._user.pw_gid, extra_groups=[],
                          env=dict(os.environ, HOME=str(self.folder)))
        result = subprocess.run([str(self.bindir / program), *args], capture_output=True, text=True,
                                cwd=self.folder, **kwargs)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr or result.stdout}\n{self.log()}")


def _server_user() -> pwd.struct_passwd | None:
    """The user to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root, and there is no postgres or nobody user to run PostgreSQL as")
