#!/usr/bin/env python3
"""Set up and run, on a fresh machine with Python 3.11+ (standard library only).

    python3 dev.py site    # venv + install, then check and build the demo catalogue into public/
    python3 dev.py test    # venv + install with test extras and system parts, then the whole test suite
    python3 dev.py serve   # live preview of the demo catalogue

System parts the tests use (Debian's chromium for browser tests, fonts for PDFs,
poppler for reading PDFs back, LibreOffice Calc for the CSV files) are installed with
apt-get when running as root.
The browser code the site serves (the CMS, the map libraries) comes from the npm
registry as pinned, integrity-checked tarballs (``python -m catalogue.vendor
install``, standard library only; no Node needed).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
APT_PACKAGES = {  # command or file that proves it is there → Debian package
    "/usr/bin/chromium": "chromium",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "fonts-dejavu-core",
    "/usr/bin/pdftoppm": "poppler-utils",
    "/usr/lib/x86_64-linux-gnu/libpango-1.0.so.0": "libpango-1.0-0",
    "/usr/bin/node": "nodejs",
    "/usr/bin/java": "default-jre-headless",  # the Nu HTML checker (npm vnu-jar) runs on Java
    "/usr/bin/soffice": "libreoffice-calc-nogui",  # the open-data CSV files opened in a spreadsheet
    "/usr/bin/msgfmt": "gettext",  # msgfmt -c checks every translation catalogue
}


def run(*cmd: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def ensure_venv(extras: str = "") -> None:
    """Create .venv and install the project; skip pip when pyproject.toml has not changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", spec)
    stamp.write_text(digest)


def ensure_system_packages() -> None:
    """Install the Debian packages the tests need, when missing and allowed (root)."""
    missing = sorted({pkg for path, pkg in APT_PACKAGES.items() if not Path(path).exists() and not shutil.which(Path(path).name)})
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print(f"note: missing system packages {', '.join(missing)}; tests that need them are skipped", flush=True)
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def ensure_vendor() -> None:
    """Install the pinned browser code (vendor/packages.json); without it the build still works, without the CMS."""
    try:
        run(PY, "-m", "catalogue.vendor", "install", "--quiet")
    except subprocess.CalledProcessError:
        print("note: the browser code could not be installed (see above); the site is built without the web form", flush=True)


def cmd_site() -> int:
    ensure_venv()
    ensure_vendor()
    run(PY, "build.py", "build", "--content", "content", "--out", "public")
    print(f"\nThe demo site is in {ROOT / 'public'}; open public/index.html, or run: python3 dev.py serve")
    return 0


def cmd_serve() -> int:
    ensure_venv()
    ensure_vendor()
    run(PY, "build.py", "serve", "--content", "content")
    return 0


def ensure_node_packages() -> None:
    """Install the Node tools the tests use (package.json) when npm is there; skip quietly otherwise."""
    if not (ROOT / "package.json").is_file() or not shutil.which("npm"):
        return
    stamp = ROOT / "node_modules" / ".installed"
    digest = hashlib.sha256((ROOT / "package.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(digest)


def cmd_test() -> int:
    ensure_system_packages()
    ensure_venv("test")
    ensure_vendor()
    ensure_node_packages()
    result = subprocess.run([str(PY), "-m", "pytest", *sys.argv[2:]], cwd=ROOT)
    return result.returncode


COMMANDS = {"site": cmd_site, "test": cmd_test, "serve": cmd_serve}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [pytest arguments]")
    try:
        sys.exit(COMMANDS[sys.argv[1]]())
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
