"""`python -m core ARGS` run through the same main() inside the test process.

A process start costs 5-20 s of imports and model loads, and the suite has a 30-minute budget:
tests keep one real process per command they cover and run the rest here, where models that
earlier tests loaded are reused. Returns what a process would: returncode, stdout, stderr.
"""
from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout


def core_here(monkeypatch, *args: str, stdin: str | None = None, env: dict[str, str] | None = None,
              fresh_models: bool = False) -> subprocess.CompletedProcess:
    """`env` is set for this call (and stays until the test ends, like any monkeypatch);
    `fresh_models` drops the process's cached models first, as a new process would not have them."""
    from core.__main__ import main
    from core.caches import reset_all
    from core.config import reset_settings

    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    reset_settings()
    if fresh_models:
        reset_all()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse's usage errors
            code = e.code
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
