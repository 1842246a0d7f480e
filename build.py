#!/usr/bin/env python3
"""Entry point: ``python build.py check|build|schema …`` (same as the ``catalogue`` command)."""

from catalogue.cli import run

if __name__ == "__main__":
    run()
