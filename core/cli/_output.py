"""Printing helpers shared by the CLI commands."""
from __future__ import annotations

import json
import sys


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    sys.stdout.flush()


def read_text_arg(text: str) -> str:
    """A TEXT argument, or all of stdin when it is '-'."""
    return sys.stdin.read() if text == "-" else text
