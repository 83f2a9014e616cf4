"""Engine and transactions for the preference store.

SQLite (default, data_dir/preferences.db) runs in WAL mode. Transactions that store labels
run with synchronous=FULL (the commit is fsynced: an acknowledged label survives a killed
process and a power cut); `transaction(durable=False)` (handing out items) skips the fsync:
WAL still survives a killed process, and an assignment lost to a power cut is simply
handed out again. The next FULL commit syncs everything before it. Every transaction starts with BEGIN
IMMEDIATE: writers queue on the database lock up front (busy_timeout) instead of failing
with "database is locked" when two deferred transactions try to upgrade at once.
Within one process, SQLite transactions also take a Python lock first: waiting threads then
wake the moment the lock is free, instead of sleeping in SQLite's busy-handler backoff
(up to 100 ms a try), which is what made tail latency under 50 concurrent labelers.
PostgreSQL (GENAI_PREFS_DATABASE_URL=postgresql+psycopg://user:password@host:port/dbname) runs at
its default READ COMMITTED isolation: the uniqueness rules in schema.py, and the row lock each
labeler's requests take (identity.labeler_for), keep the assignment rules on both. The schema is
created on first use. A bad URL or an unreachable server is a DatabaseUnavailable naming the
setting, raised within `connect_timeout` seconds (5 unless the URL sets it), never a long hang.
"""
from __future__ import annotations

import logging
import re
import threading
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from core.caches import register_cache
from core.config import get_settings
from core.preferences.schema import Base

log = logging.getLogger(__name__)

_lock = threading.Lock()
_durable: ContextVar[bool] = ContextVar("prefs_durable", default=True)
_engines: dict[str, tuple[Engine, sessionmaker, threading.Lock | None]] = {}
CONNECT_TIMEOUT_S = 5
EXAMPLE = "postgresql+psycopg://user:password@host:5432/dbname"


class DatabaseUnavailable(RuntimeError):
    """The preference store cannot be opened: a bad database URL, a missing driver, or no server."""


def database_url() -> str:
    s = get_settings()
    if s.prefs.database_url:
        return s.prefs.database_url
    s.data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(s.data_dir / 'preferences.db').resolve()}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # synchronous can only change outside a transaction: set it just before BEGIN
        conn.exec_driver_sql("PRAGMA synchronous=FULL" if _durable.get() else "PRAGMA synchronous=NORMAL")
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def get_engine(url: str | None = None) -> Engine:
    return _get(url)[0]


def _get(url: str | None) -> tuple[Engine, sessionmaker, threading.Lock | None]:
    url = url or database_url()
    with _lock:
        if url not in _engines:
            engine = _open(url)
            log.info("preference store at %s", engine.url.render_as_string(hide_password=True))
            writer_lock = threading.Lock() if engine.dialect.name == "sqlite" else None
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False), writer_lock)
        return _engines[url]


def _open(url: str) -> Engine:
    """A new engine with the schema in place; every failure names the setting to fix."""
    where = (f"GENAI_PREFS_DATABASE_URL={_hide_password(url)!r}" if get_settings().prefs.database_url
             else f"the preference store {url!r} (GENAI_DATA_DIR; or set GENAI_PREFS_DATABASE_URL)")
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                   pool_size=20, max_overflow=40)
            _sqlite_setup(engine)
        else:
            connect_args = {}
            if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
                connect_args["connect_timeout"] = CONNECT_TIMEOUT_S  # libpq waits forever by default
            engine = create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=40,
                                   connect_args=connect_args)
    except NoSuchModuleError:
        raise DatabaseUnavailable(f"{where}: unknown database or driver name {url.split(':', 1)[0]!r}; "
                                  f"use e.g. {EXAMPLE}") from None
    except ArgumentError:
        raise DatabaseUnavailable(f"{where}: not a database URL; use e.g. {EXAMPLE}") from None
    except ImportError as e:  # a driver we do not ship, e.g. postgresql+psycopg2:// or mysql://
        raise DatabaseUnavailable(f"{where}: its driver is not installed ({e}); "
                                  f"for PostgreSQL use the psycopg driver: {EXAMPLE}") from None
    try:
        Base.metadata.create_all(engine)
    except DBAPIError as e:
        engine.dispose()
        reason = str(e.orig).strip().splitlines()[0] if e.orig is not None else str(e)
        raise DatabaseUnavailable(f"{where}: cannot open the database: {reason}") from None
    return engine


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # unparseable: still never echo what looks like a password
        return re.sub(r"(://[^/:@]*:)[^@]*@", r"\1***@", url)


@contextmanager
def transaction(url: str | None = None, durable: bool = True) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception.

    durable=False: on SQLite, commit without fsync (for data that may be recreated)."""
    _engine, maker, writer_lock = _get(url)
    token = _durable.set(durable)
    try:
        with writer_lock or nullcontext(), maker() as session, session.begin():
            yield session
    finally:
        _durable.reset(token)


def dispose_all() -> None:
    """Close every pooled connection (tests, and before a process exits)."""
    with _lock:
        for engine, _maker, _writer in _engines.values():
            engine.dispose()
        _engines.clear()


register_cache("database engines", dispose_all)
