"""``catalogue export``: the open-data files on their own, as ``build`` publishes them under ``data/``."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from ...report import Reporter
from .common import FOLDER

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def run_export(args: argparse.Namespace, reporter: Reporter) -> int:
    """Check the content; when it is valid, write the chosen formats into ``--out`` (default: all)."""
    from ...pipeline import load, publishable
    from . import FORMATS, export_files

    out: Path = args.out
    if out.exists() and not out.is_dir():
        reporter.error(f"{out} exists and is not a folder; choose another --out")
        return EXIT_USAGE
    loaded = load(args.content, strict=args.strict)
    reporter.problems(loaded.problems)
    if loaded.problems.has_errors() or loaded.catalogue is None:
        reporter.info(f"nothing written; {out} is unchanged")
        return EXIT_CONTENT
    formats = args.formats or list(FORMATS)
    files = export_files(publishable(loaded.catalogue), formats)
    written = write_files(out, {path.removeprefix(f"{FOLDER}/"): data for path, data in files.items()})
    reporter.info(f"wrote {len(written)} files ({', '.join(f for f in FORMATS if f in formats)}) into {out}")
    return EXIT_OK


def write_files(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Write each file beside its final name and rename it into place: a reader never sees half a file,
    and the other files of ``out`` are left alone."""
    written = []
    for rel, data in sorted(files.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
