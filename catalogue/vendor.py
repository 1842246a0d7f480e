"""Third-party browser code served from the site itself: installed by setup, pinned, copied in by the build.

The CMS at ``/admin/`` and the map (Leaflet with marker clustering) run code we
do not write. None of it may come from a CDN at run time, no build may need the
network, and none of it is committed. So:

* ``vendor/packages.json`` pins each package: its npm registry tarball, that
  tarball's ``integrity`` (sha512, as npm records it), which files of it the site
  serves, and the sha256 of each of those files. It is the only list of versions
  and hashes.
* ``python -m catalogue.vendor install`` (run by ``python3 dev.py site`` and
  ``test``, and by the workflows) downloads the tarballs with the standard library
  only — no Node, no npm — refuses any whose integrity differs, and extracts the
  pinned files into ``vendor/npm/`` (git-ignored). The npm registry serves every
  package here, current, under one integrity scheme; PyPI's XStatic copies lag
  behind (Leaflet 1.9.3, markercluster 1.4.1) and no CMS is packaged there.
* The build copies a package into the site (``static/vendor/<name>/<version>/``,
  with its licence and an ``ABOUT.txt``) only when a page uses it, through
  :func:`copy_into`. A package that is missing or whose files changed is reported
  by :func:`unavailable`, and its user degrades with a message instead of failing:
  the CMS and the map are tools on top of a site that is complete without them.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import fnmatch
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .messages import commands as said
from .messages.core import say
from .report import Reporter

if TYPE_CHECKING:
    from .write import OutputTree

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "vendor" / "packages.json"
FOLDER = ROOT / "vendor" / "npm"  # extracted files; git-ignored
REGISTRY = "https://registry.npmjs.org"
SITE_FOLDER = "static/vendor"
INSTALL_HINT = "python -m catalogue.vendor install"  # or `python3 dev.py site`, which runs it

Fetch = Callable[[str], bytes]


class VendorError(Exception):
    """A package could not be installed: the message says which and what to do."""


@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files of it that the site serves."""

    name: str
    version: str
    licence: str
    homepage: str
    used_by: str
    tarball: str
    integrity: str  # "sha512-<base64>" of the tarball, as the registry publishes it
    strip: str  # prefix removed from tarball paths (e.g. "dist/") to make the site's paths
    include: tuple[str, ...]  # glob patterns of tarball paths (relative to its top folder)
    extra: dict[str, str] = field(default_factory=dict)  # site-relative name → repository path (a licence the tarball lacks)
    scripts: tuple[str, ...] = ()  # entry points, site-relative names
    styles: tuple[str, ...] = ()
    setup: bool = True  # installed by setup; False: a candidate installed only on request (benchmarks)
    files: dict[str, str] = field(default_factory=dict)  # site-relative name → sha256 hex, for every file the site serves

    @property
    def slug(self) -> str:
        """Return the folder name: ``@sveltia/cms`` → ``sveltia-cms``."""
        return self.name.lstrip("@").replace("/", "-")

    @property
    def folder(self) -> Path:
        """Return where the installed files live."""
        return FOLDER / self.slug / self.version

    @property
    def site_folder(self) -> str:
        """Return the folder of the package in the built site."""
        return f"{SITE_FOLDER}/{self.slug}/{self.version}"

    def url(self, name: str) -> str:
        """Return the site path of one of the package's files."""
        return f"{self.site_folder}/{name}"

    def source(self, name: str) -> Path:
        """Return the local file behind a site-relative name."""
        return ROOT / self.extra[name] if name in self.extra else self.folder / name

    def site_name(self, member: str) -> str | None:
        """Return the site-relative name of a tarball path, or None when the package does not serve it."""
        if not any(fnmatch.fnmatchcase(member, pattern) for pattern in self.include):
            return None
        return member.removeprefix(self.strip)


# --- the lock file ---------------------------------------------------------------------


def read_lock(path: Path = LOCK) -> dict[str, Package]:
    """Return the pinned packages by name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: _package(name, spec) for name, spec in data["packages"].items()}


@lru_cache(maxsize=1)
def packages() -> dict[str, Package]:
    """Return the packages of ``vendor/packages.json``, read once per process."""
    return read_lock()


def _package(name: str, spec: dict[str, Any]) -> Package:
    known = {f.name for f in dataclasses.fields(Package)} - {"name"}
    values = {key: tuple(value) if isinstance(value, list) else value for key, value in spec.items() if key in known}
    return Package(name=name, **values)


def write_lock(found: dict[str, Package], path: Path = LOCK) -> None:
    """Write the lock file back, keys in a stable order, so a re-pin changes only what changed."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"packages": {}}
    for name, package in found.items():
        entry = {f.name: getattr(package, f.name) for f in dataclasses.fields(Package) if f.name != "name"}
        data["packages"][name] = {
            key: dict(sorted(value.items())) if isinstance(value, dict) else list(value) if isinstance(value, tuple) else value
            for key, value in entry.items()
        }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- is it there? ----------------------------------------------------------------------


def sha256(data: bytes) -> str:
    """Return the hex sha256 the lock file records for a file."""
    return hashlib.sha256(data).hexdigest()


def problems(package: Package) -> list[str]:
    """Return the package's files that are missing or differ from their pinned hash (empty: all fine)."""
    found = []
    for name, expected in sorted(package.files.items()):
        path = package.source(name)
        try:
            stat = path.stat()
        except OSError:
            found.append(f"{name} is missing")
            continue
        if _hash_of(str(path), stat.st_size, stat.st_mtime_ns) != expected:
            found.append(f"{name} differs from its pinned hash")
    return found


@lru_cache(maxsize=4096)
def _hash_of(path: str, size: int, mtime_ns: int) -> str:
    """Hash a file once per size and modification time: the live preview asks on every rebuild."""
    return sha256(Path(path).read_bytes())


def unavailable(name: str) -> str | None:
    """Return why a package cannot be served (for a warning), or None when every file is in place."""
    package = packages()[name]
    found = problems(package)
    if not found:
        return None
    detail = found[0] if len(found) == 1 else say(said.AND_MORE, first=found[0], count=len(found) - 1)
    return say(said.NOT_INSTALLED, name=package.name, version=package.version, detail=detail, command=INSTALL_HINT)


# --- into the site -----------------------------------------------------------------------


@dataclass(frozen=True)
class Assets:
    """What a page links: the site paths of a copied package's scripts and styles."""

    package: Package
    scripts: tuple[str, ...]
    styles: tuple[str, ...]


def copy_into(tree: OutputTree, name: str) -> Assets:
    """Add a package's files, licence and ``ABOUT.txt`` to the site; return what pages link.

    Call :func:`unavailable` first. Adding a package twice (two outputs use it) adds it once.
    """
    package = packages()[name]
    owner = f"vendored {package.name} {package.version}"
    about = package.url("ABOUT.txt")
    if about not in tree:
        for rel in sorted(package.files):
            tree.add(package.url(rel), package.source(rel).read_bytes(), owner)
        tree.add(about, about_text(package), owner)
    return Assets(package, tuple(map(package.url, package.scripts)), tuple(map(package.url, package.styles)))


def about_text(package: Package) -> str:
    """Return the attribution that travels with the copy: what it is, its licence, where it came from."""
    licences = sorted(n for n in package.files if "licen" in n.lower() or n.upper().startswith("LICENSE"))
    return (
        f"{package.name} {package.version}\n"
        f"Licence: {package.licence} (see {', '.join(licences) or 'the package'})\n"
        f"Home: {package.homepage}\n"
        f"Used for: {package.used_by}\n"
        f"From: {package.tarball}\n"
        f"Integrity: {package.integrity}\n"
    )


# --- installing ----------------------------------------------------------------------------


def registry_url(url: str) -> str:
    """Return the tarball URL on the registry npm is set to use (a mirror); the integrity check stays the same."""
    registry = os.environ.get("npm_config_registry") or os.environ.get("NPM_CONFIG_REGISTRY")
    if registry and url.startswith(REGISTRY + "/"):
        return registry.rstrip("/") + url[len(REGISTRY):]
    return url


def download(url: str, attempts: int = 3) -> bytes:
    """Return the body at ``url``; retry briefly, since registries and proxies drop connections."""
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "catalogue-vendor"}), timeout=60) as response:
                return response.read()
        except (urllib.error.URLError, OSError) as exc:
            if attempt == attempts:
                reason = getattr(exc, "reason", exc)
                raise VendorError(f"could not download {url}: {reason}; check the connection (or npm_config_registry) and run `{INSTALL_HINT}` again") from None
            time.sleep(attempt)
    raise AssertionError("unreachable")


def integrity_of(data: bytes) -> str:
    """Return the npm ``integrity`` string (sha512) of a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def members(tarball: bytes) -> dict[str, bytes]:
    """Return the regular files of an npm tarball by their path below its top folder (usually ``package/``)."""
    out: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts
            if not member.isfile() or len(parts) < 2 or ".." in parts:
                continue  # links, folders and odd paths are never extracted
            handle = archive.extractfile(member)
            if handle is not None:
                out[PurePosixPath(*parts[1:]).as_posix()] = handle.read()
    return out


def install(package: Package, fetch: Fetch = download) -> bool:
    """Install one package unless its files are already in place; return whether anything was downloaded."""
    if not problems(package):
        return False
    tarball = fetch(registry_url(package.tarball))
    if integrity_of(tarball) != package.integrity:
        raise VendorError(
            f"{package.name} {package.version}: the downloaded tarball does not match its pinned integrity; "
            "nothing was installed (a proxy or mirror may have changed it)"
        )
    chosen = {name: data for member, data in members(tarball).items() if (name := package.site_name(member)) is not None}
    for name in sorted(set(package.files) - set(package.extra)):
        if name not in chosen:
            raise VendorError(f"{package.name} {package.version}: the tarball has no {name}; re-pin the package")
        if sha256(chosen[name]) != package.files[name]:
            raise VendorError(f"{package.name} {package.version}: {name} does not match its pinned hash; re-pin the package")
    _write_folder(package.folder, {name: chosen[name] for name in package.files if name not in package.extra})
    return True


def _write_folder(target: Path, files: dict[str, bytes]) -> None:
    """Write the files into a fresh folder and swap it in, so a half-written package never looks installed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            shutil.rmtree(target)
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def pin(package: Package, version: str, fetch: Fetch = download) -> Package:
    """Return the package pinned at ``version``: its tarball and integrity from the registry, the hash of each file."""
    meta = json.loads(fetch(registry_url(f"{REGISTRY}/{package.name.replace('/', '%2F')}")))
    if version not in meta.get("versions", {}):
        raise VendorError(f"{package.name} has no version {version} in the registry")
    dist = meta["versions"][version]["dist"]
    tarball = fetch(registry_url(dist["tarball"]))
    if integrity_of(tarball) != dist["integrity"]:
        raise VendorError(f"{package.name} {version}: the tarball does not match the integrity the registry publishes")
    chosen = {name: data for member, data in members(tarball).items() if (name := package.site_name(member)) is not None}
    missing = [s for s in (*package.scripts, *package.styles) if s not in chosen]
    if missing:
        raise VendorError(f"{package.name} {version} has no {', '.join(missing)}; adjust include or the entry points")
    files = {name: sha256(data) for name, data in chosen.items()}
    files.update({name: sha256((ROOT / path).read_bytes()) for name, path in package.extra.items()})
    return dataclasses.replace(package, version=version, tarball=dist["tarball"], integrity=dist["integrity"], files=files)


# --- command line ----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``install``, ``verify``, ``list`` or ``pin``; exit 0 fine, 1 a problem, 2 wrong usage."""
    parser = argparse.ArgumentParser(prog="python -m catalogue.vendor", description="Install and check the pinned browser code the site serves.")
    sub = parser.add_subparsers(dest="command", required=True)
    install_cmd = sub.add_parser("install", help="download and verify the pinned packages (those setup installs, or the named ones)")
    install_cmd.add_argument("names", nargs="*", help="packages to install (default: every one setup installs)")
    install_cmd.add_argument("--quiet", action="store_true", help="say nothing when everything is in place")
    verify_cmd = sub.add_parser("verify", help="check every installed file against its pinned hash")
    verify_cmd.add_argument("names", nargs="*")
    sub.add_parser("list", help="show the pinned packages")
    pin_cmd = sub.add_parser("pin", help="pin a package at a version (maintainers): updates vendor/packages.json")
    pin_cmd.add_argument("name")
    pin_cmd.add_argument("version")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    reporter = Reporter()
    known = packages()
    names = getattr(args, "names", None) or [n for n, p in known.items() if p.setup or args.command == "list"]
    unknown = [n for n in names if n not in known]
    if unknown or (args.command == "pin" and args.name not in known):
        reporter.error(f"unknown package {', '.join(unknown) or args.name}; pinned: {', '.join(known)}")
        return 2
    try:
        if args.command == "install":
            return _install(reporter, [known[n] for n in names], args.quiet)
        if args.command == "verify":
            return _verify(reporter, [known[n] for n in names])
        if args.command == "list":
            for package in known.values():
                state = "installed" if not problems(package) else "not installed"
                reporter.info(f"{package.name} {package.version} ({package.licence}): {package.used_by}; {state}{'' if package.setup else ', on request'}")
            return 0
        pinned = pin(known[args.name], args.version)
        write_lock({args.name: pinned})
        reporter.info(f"pinned {pinned.name} {pinned.version} ({len(pinned.files)} files); run `{INSTALL_HINT}`")
        return 0
    except VendorError as exc:
        reporter.error(str(exc))
        return 1


def _install(reporter: Reporter, chosen: list[Package], quiet: bool) -> int:
    for package in chosen:
        if install(package):
            reporter.info(f"installed {package.name} {package.version} ({len(package.files)} files) into {package.folder.relative_to(ROOT)}")
        elif not quiet:
            reporter.info(f"{package.name} {package.version}: in place")
    return 0


def _verify(reporter: Reporter, chosen: list[Package]) -> int:
    bad = [package for package in chosen if problems(package)]
    for package in chosen:
        if package in bad:
            reporter.error(unavailable(package.name) or "")
        else:
            reporter.info(f"{package.name} {package.version}: {len(package.files)} files match their pinned hashes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
