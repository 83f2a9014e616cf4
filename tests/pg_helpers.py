"""A throwaway PostgreSQL server for the tests: one cluster per test session, a fresh schema per test.

The cluster lives in a fresh temporary folder and listens on 127.0.0.1 at a free port. It
runs with fsync off (test data is disposable: only speed matters) and is removed at the end.
Each test gets its own empty schema, made the connection's search_path through the URL, so
its tables are its own; a schema costs ~10 ms to create, a database ~0.5 s.
initdb refuses to run as root, so under root (CI containers) the server runs as the
`postgres` user that Debian's package creates.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from net_helpers import free_port

# Set to 1 to skip (not fail) the PostgreSQL tests on a machine without PostgreSQL.
# Not a GENAI_ name: unknown GENAI_* variables are a configuration error.
OPT_OUT = "SKIP_POSTGRES_TESTS"
INSTALL_HINT = ("the PostgreSQL tests need the server binaries (initdb, pg_ctl): apt-get install postgresql "
                f"(scripts/setup.sh --test does), or set {OPT_OUT}=1 to skip them on this machine")


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's newest /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    def version(p):
        return int(re.search(r"/(\d+)/bin$", p).group(1))
    found = [p for p in glob.glob("/usr/lib/postgresql/*/bin") if re.search(r"/\d+/bin$", p)
             and os.path.exists(f"{p}/initdb") and os.path.exists(f"{p}/pg_ctl")]
    return Path(max(found, key=version)) if found else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PgCluster:
    """start() -> create_schema() per test -> drop_schema() -> stop()."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        # under /tmp (reachable by `postgres`); the name carries our pid, for stop_orphans()
        self.root = Path(tempfile.mkdtemp(prefix=f"genai-test-pg-{os.getpid()}-"))
        self.data = self.root / "data"
        self.port = 0
        self._as_user: list[str] = []
        self._names = itertools.count()
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root, and there is no 'postgres' user to run the test "
                                   "server as (Debian's postgresql package creates it)") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        r = subprocess.run(self._as_user + [str(self.bindir / args[0]), *args[1:]],
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            log = self.root / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({r.returncode}): {r.stderr.strip()}\n{tail}")

    def stop_orphans(self) -> None:
        """Stop and remove clusters left running by test sessions that were killed."""
        for folder in Path(tempfile.gettempdir()).glob("genai-test-pg-*-*"):
            m = re.match(r"genai-test-pg-(\d+)-", folder.name)
            if not m or folder == self.root or _alive(int(m.group(1))):
                continue
            try:
                if (folder / "data" / "postmaster.pid").exists():
                    subprocess.run(self._as_user + [str(self.bindir / "pg_ctl"), "-D", str(folder / "data"),
                                                    "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
                shutil.rmtree(folder)
            except OSError:
                pass  # someone else's, or already gone

    def start(self) -> PgCluster:
        self.stop_orphans()
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync", "--locale=C")
        last = None
        for _try in range(3):  # a port picked free can be taken before the server binds it
            self.port = free_port(55400, 55500)
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
            try:
                self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                          "-w", "-t", "60", "start")
                return self
            except RuntimeError as e:
                last = e
        raise last

    def url(self, schema: str = "") -> str:
        """A SQLAlchemy URL; with `schema`, every connection works inside that schema only."""
        base = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        return f"{base}?options=-csearch_path%3D{schema}" if schema else base

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)

    def create_schema(self) -> str:
        """A new empty schema; returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE SCHEMA "{name}"')
        return name

    def drop_schema(self, name: str) -> None:
        self._admin(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    def stop(self) -> None:
        try:
            if self.port:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
