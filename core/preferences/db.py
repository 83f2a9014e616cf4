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
PostgreSQL (or any SQLAlchemy URL) is used as is; the uniqueness rules in schema.py hold
on both.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from core.config import get_settings
from core.preferences.schema import Base

log = logging.getLogger(__name__)

_lock = threading.Lock()
_durable: ContextVar[bool] = ContextVar("prefs_durable", default=True)
_engines: dict[str, tuple[Engine, sessionmaker, threading.Lock | None]] = {}


def database_url() -> str:
    s = get_settings()
    if s.prefs_database_url:
        return s.prefs_database_url
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
            if url.startswith("sqlite"):
                engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                                       pool_size=20, max_overflow=40)
                _sqlite_setup(engine)
            else:
                engine = create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=40)
            Base.metadata.create_all(engine)
            log.info("preference store at %s", engine.url.render_as_string(hide_password=True))
            writer_lock = threading.Lock() if url.startswith("sqlite") else None
            _engines[url] = (engine, sessionmaker(engine, expire_on_commit=False), writer_lock)
        return _engines[url]


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
