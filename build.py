#!/usr/bin/env python3
"""Entry point: ``python build.py check|build|schema …`` (same as the ``catalogue`` command)."""

import sys

from catalogue.cli import main

if __name__ == "__main__":
    sys.exit(main())
