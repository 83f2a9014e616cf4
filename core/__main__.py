"""`python -m core <command>`: every capability of the suite from a shell.

Each command lives in its own module under core/cli/ and exposes
`register(subparsers)`, which adds its parser and sets `func=handler(args) -> int`.
Modules are discovered, so adding a command never touches this file.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

import core.cli
from core.config import ConfigError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m core", description="GenAI Studio core commands")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(core.cli.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"core.cli.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except (ConfigError, ValueError, RuntimeError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
