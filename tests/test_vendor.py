"""Third-party browser code: pinned in vendor/packages.json, installed by setup, checked, copied only when used."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tarfile
from pathlib import Path

import pytest

from conftest import ROOT
from html_tree import page as parse_page
from site_fixtures import demo_site, fixture_site  # noqa: F401 - fixtures

from catalogue import vendor
from catalogue.write import OutputTree

SETUP = [p for p in vendor.packages().values() if p.setup]


def tarball(files: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    """Return an npm-style .tgz: every file below ``package/``, plus symbolic links."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(f"package/{name}")
            info.type, info.linkname = tarfile.SYMTYPE, target
            archive.addfile(info)
    return buffer.getvalue()


def fake_package(data: bytes, files: dict[str, bytes]) -> vendor.Package:
    return vendor.Package(
        name="@scope/fake", version="1.2.3", licence="MIT", homepage="https://example.org", used_by="tests",
        tarball=f"{vendor.REGISTRY}/@scope/fake/-/fake-1.2.3.tgz", integrity=vendor.integrity_of(data),
        strip="dist/", include=("dist/*.js", "LICENSE"), files={n: vendor.sha256(d) for n, d in files.items()}, scripts=("fake.js",),
    )


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """An empty install folder in place of vendor/npm/."""
    monkeypatch.setattr(vendor, "FOLDER", tmp_path / "npm")
    return tmp_path / "npm"


# --- the pinned packages as installed ------------------------------------------------------


@pytest.mark.parametrize("package", SETUP, ids=lambda p: p.name)
def test_every_installed_file_matches_its_pinned_hash(package):
    found = vendor.problems(package)
    assert not found, f"{package.name}: {found[:3]}; run `python -m catalogue.vendor install` (python3 dev.py test does)"


@pytest.mark.parametrize("package", vendor.packages().values(), ids=lambda p: p.name)
def test_each_pin_names_a_registry_tarball_its_integrity_entry_points_and_a_licence(package):
    assert package.tarball.startswith(f"{vendor.REGISTRY}/") and package.tarball.endswith(f"-{package.version}.tgz")
    assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", package.integrity)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in package.files.values())
    assert set(package.scripts) | set(package.styles) <= set(package.files)
    assert any("licen" in name.lower() for name in package.files), "a copy travels with its licence"


def test_the_map_libraries_are_pinned_for_the_build():
    leaflet, cluster = vendor.packages()["leaflet"], vendor.packages()["leaflet.markercluster"]
    assert (leaflet.version, leaflet.scripts, leaflet.styles) == ("1.9.4", ("leaflet.js",), ("leaflet.css",))
    assert {"images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"} <= set(leaflet.files)  # leaflet.css links them
    assert (cluster.version, cluster.scripts) == ("1.5.3", ("leaflet.markercluster.js",))
    assert cluster.styles == ("MarkerCluster.css", "MarkerCluster.Default.css")


def test_a_package_is_copied_once_with_its_licence_and_attribution():
    tree = OutputTree()
    assets = vendor.copy_into(tree, "leaflet")
    again = vendor.copy_into(tree, "leaflet")  # the map of a search page and of a locality page both ask
    assert assets == again
    assert assets.scripts == ("static/vendor/leaflet/1.9.4/leaflet.js",) and assets.styles == ("static/vendor/leaflet/1.9.4/leaflet.css",)
    copied = sorted(p for p in tree.files if p.startswith("static/vendor/leaflet/"))
    assert copied == sorted([*(f"static/vendor/leaflet/1.9.4/{n}" for n in vendor.packages()["leaflet"].files), "static/vendor/leaflet/1.9.4/ABOUT.txt"])
    about = tree.files["static/vendor/leaflet/1.9.4/ABOUT.txt"].decode()
    assert "leaflet 1.9.4" in about and "BSD-2-Clause (see LICENSE)" in about and "sha512-" in about
    assert b"Copyright (c) 2010-2023, Volodymyr Agafonkin" in tree.files["static/vendor/leaflet/1.9.4/LICENSE"]


# --- installing -----------------------------------------------------------------------------


def test_install_takes_only_the_pinned_files_and_a_second_install_downloads_nothing(folder):
    files = {"fake.js": b"window.fake = 1;\n", "LICENSE": b"MIT licence text\n"}
    data = tarball({"dist/fake.js": files["fake.js"], "LICENSE": files["LICENSE"], "dist/other.css": b"x", "src/fake.ts": b"y"},
                   links={"dist/link.js": "/etc/passwd"})
    package = fake_package(data, files)
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return data

    assert vendor.install(package, fetch) is True
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == ["scope-fake/1.2.3/LICENSE", "scope-fake/1.2.3/fake.js"]
    assert vendor.problems(package) == []
    assert vendor.install(package, fetch) is False and len(fetched) == 1


def test_install_refuses_a_tarball_that_does_not_match_its_integrity(folder):
    files = {"fake.js": b"window.fake = 1;\n", "LICENSE": b"MIT\n"}
    package = fake_package(tarball({"dist/fake.js": files["fake.js"], "LICENSE": files["LICENSE"]}), files)
    tampered = tarball({"dist/fake.js": b"window.fake = 'evil';\n", "LICENSE": files["LICENSE"]})
    with pytest.raises(vendor.VendorError, match="does not match its pinned integrity; nothing was installed"):
        vendor.install(package, lambda url: tampered)
    assert not folder.exists()


def test_a_changed_or_missing_file_is_reported_with_what_to_run(folder):
    files = {"fake.js": b"window.fake = 1;\n", "LICENSE": b"MIT\n"}
    data = tarball({"dist/fake.js": files["fake.js"], "LICENSE": files["LICENSE"]})
    package = fake_package(data, files)
    assert vendor.problems(package) == ["LICENSE is missing", "fake.js is missing"]
    vendor.install(package, lambda url: data)
    (package.folder / "fake.js").write_bytes(b"window.fake = 2;\n")
    assert vendor.problems(package) == ["fake.js differs from its pinned hash"]
    vendor.install(package, lambda url: data)  # installing again repairs it
    assert vendor.problems(package) == []


def test_missing_packages_are_named_with_the_command_that_installs_them(folder):
    message = vendor.unavailable("leaflet")
    assert message.startswith("leaflet 1.9.4 is not installed (LICENSE is missing and 7 more)")
    assert message.endswith("run `python -m catalogue.vendor install`")


def test_a_failed_download_is_a_message_not_a_traceback():
    with pytest.raises(vendor.VendorError, match=r"could not download http://127\.0\.0\.1:9/x\.tgz: .*check the connection"):
        vendor.download("http://127.0.0.1:9/x.tgz", attempts=1)  # the discard port: nothing listens


def test_the_registry_npm_is_set_to_use_serves_the_tarballs(monkeypatch):
    monkeypatch.setenv("npm_config_registry", "https://npm.example.org/mirror/")
    assert vendor.registry_url(f"{vendor.REGISTRY}/leaflet/-/leaflet-1.9.4.tgz") == "https://npm.example.org/mirror/leaflet/-/leaflet-1.9.4.tgz"


def test_integrity_is_npms_sha512_in_base64():
    assert vendor.integrity_of(b"abc") == "sha512-" + base64.b64encode(hashlib.sha512(b"abc").digest()).decode()


def test_the_command_line_verifies_lists_and_refuses_unknown_names(capsys):
    assert vendor.main(["verify"]) == 0
    decap = vendor.packages()["decap-cms"]
    assert f"decap-cms 3.16.3: {len(decap.files)} files match their pinned hashes" in capsys.readouterr().out
    assert vendor.main(["list"]) == 0
    listed = capsys.readouterr().out
    assert "leaflet.markercluster 1.5.3 (MIT)" in listed and "@sveltia/cms 0.221.1 (MIT)" in listed and "on request" in listed
    assert vendor.main(["install", "jquery"]) == 2
    assert "unknown package jquery" in capsys.readouterr().err


def test_verify_names_each_missing_package_once_with_what_to_run(folder, capsys):
    assert vendor.main(["verify", "leaflet"]) == 1
    assert capsys.readouterr().err == (
        "chyba: leaflet 1.9.4 není nainstalováno (LICENSE is missing a další (7)); spusťte `python -m catalogue.vendor install`\n"
    )


def test_vendored_files_are_not_committed():
    assert "/vendor/npm/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


# --- built pages reference only the site's own scripts --------------------------------------


def external_references(site: Path) -> list[str]:
    """Return every script, stylesheet, font or frame of the built pages that would come from elsewhere."""
    found = []
    for path in sorted(site.rglob("*.html")):
        root = parse_page(path)
        for element in root.iter():
            url = element.get("src") if element.tag in ("script", "iframe", "img") else None
            if element.tag == "link" and element.get("rel") in ("stylesheet", "preload", "modulepreload", "icon"):
                url = element.get("href")
            if url and re.match(r"^(https?:)?//", url):
                found.append(f"{path.relative_to(site)}: <{element.tag}> {url}")
    for path in sorted(site.rglob("*.css")):
        found += [f"{path.relative_to(site)}: {u}" for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", path.read_text(encoding="utf-8"))]
    return found


def test_built_pages_load_only_local_scripts_and_styles(fixture_site, demo_site):
    assert (fixture_site / "admin/config.yml").is_file()  # the fixture has a real repository: the CMS page is among them
    assert external_references(fixture_site) == []
    assert external_references(demo_site) == []


def test_a_package_is_in_the_site_only_when_a_page_links_it(fixture_site, demo_site):
    # the map's files are named once, in the settings every page loads (static/ui-text.js)
    pages = {site: "\n".join(p.read_text(encoding="utf-8") for p in [*site.rglob("*.html"), site / "static/ui-text.js"])
             for site in (fixture_site, demo_site)}
    for site, html in pages.items():
        copied = sorted(p.relative_to(site).as_posix() for p in site.glob("static/vendor/*/*"))
        for folder in copied:
            package = next(p for p in vendor.packages().values() if p.site_folder == folder)
            assert any(f"{folder}/{entry}" in html for entry in package.scripts), f"{folder} is copied but no page loads it"
        assert ("static/vendor/decap-cms/3.16.3" in copied) == (site == fixture_site)  # the demo's repository is the example
