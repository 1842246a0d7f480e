"""The web form at /admin/ in Debian's Chromium: served by the site itself, with no request leaving this computer.

Every request to another host is blocked and recorded, and none may be made: the CMS
loads from the site, shows its Czech sign-in screen or our plain message when it cannot
start. With ``npx decap-server`` (npm, package.json) the form edits a working copy the
way editors do offline: an edit becomes a branch (the local twin of a pull request)
whose file loads back valid.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, run_cli
from site_fixtures import serve
from sites import PROVIDER, SITE, write_site

from catalogue import vendor
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content

CHROMIUM = Path("/usr/bin/chromium")
DECAP_SERVER = ROOT / "node_modules/decap-server/dist/index.js"
LOCAL = {"127.0.0.1", "localhost", "[::1]"}
SIGN_IN = re.compile("^Přihlásit pomocí")  # Decap's Czech "Přihlásit pomocí GitHub"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


class Tab:
    """A fresh Czech tab whose requests are recorded; those to other hosts are blocked."""

    def __init__(self, browser, allowed_ports: tuple[int, ...] = ()) -> None:
        self.context = browser.new_context(locale="cs-CZ")
        self.outside: list[str] = []  # requests that would have left this computer
        self.local: list[str] = []
        self.allowed_ports = allowed_ports
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def route(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.hostname not in LOCAL and f"[{url.hostname}]" not in LOCAL:
            self.outside.append(route.request.url)
            route.abort()
        elif url.port in self.allowed_ports or url.hostname == "127.0.0.1":
            self.local.append(route.request.url)
            route.continue_()
        else:  # Decap looks for `decap-server` on localhost:8081: never reach whatever listens there
            route.abort()

    def paths(self, kind: str = "") -> list[str]:
        return [urlsplit(u).path for u in self.local if u.endswith(kind)]


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    opened = Tab(browser)
    yield opened
    opened.context.close()


def build(content: Path, out: Path) -> Path:
    assert run_cli("build", "--content", content, "--out", out).code == 0
    return out


@pytest.fixture
def built(site, tmp_path) -> Path:
    return build(site, tmp_path / "public")


def script_path() -> str:
    decap = vendor.packages()["decap-cms"]
    return "/" + decap.url(decap.scripts[0])


def test_the_form_loads_decap_from_the_site_and_shows_its_czech_sign_in(built, tab):
    tab.page.goto(serve(built) + "admin/")
    tab.page.get_by_role("button", name=SIGN_IN).wait_for(timeout=60000)
    assert script_path() in tab.paths(".js")
    assert tab.outside == [] and tab.errors == []
    assert tab.page.locator("#cms-message").is_hidden()  # Decap draws its own screen: our box steps aside


@pytest.mark.parametrize("broken, title, detail", [
    (None, "Webový formulář se nepodařilo načíst", "decap-cms.js"),
    (b'throw new Error("Decap broke");\n', "Webový formulář se nepodařilo spustit", "Decap broke"),
])
def test_a_missing_or_failing_script_shows_a_plain_message(built, tab, broken, title, detail):
    script = built / script_path().lstrip("/")
    if broken is None:
        script.unlink()
    else:
        script.write_bytes(broken)
    tab.page.goto(serve(built) + "admin/")
    problem = tab.page.get_by_role("alert")
    problem.wait_for(timeout=30000)
    assert title in problem.inner_text() and detail in problem.inner_text()
    assert tab.page.locator("#cms-loading").is_hidden()
    assert tab.outside == []


def test_without_a_real_repository_the_page_explains_and_loads_no_script(make_site, tmp_path, tab):
    content = make_site({"site.yaml": SITE.replace("https://github.com/example/katalog", "https://github.com/example/katalog-polabi")})
    out = build(content, tmp_path / "public")
    tab.page.goto(serve(out) + "admin/")
    assert "Webový formulář je vypnutý" in tab.page.locator("main").inner_text()
    assert tab.paths(".js") == [] and tab.outside == []


# --- editing a working copy with `npx decap-server` -----------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def decap_server(tmp_path) -> Iterator[tuple[Path, int]]:
    """A git working copy of the test catalogue, served to the form by decap-server in git mode (editorial workflow)."""
    if not (shutil.which("node") and DECAP_SERVER.is_file() and shutil.which("git")):
        pytest.skip("needs node, git and `npm install` (node_modules/decap-server)")
    repo = tmp_path / "repo"
    write_site(repo / "content")
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "catalogue"], cwd=repo, check=True)
    port = free_port()
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "MODE": "git", "BIND_HOST": "127.0.0.1"}
    log = (tmp_path / "decap-server.log").open("wb")
    proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not _listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "decap-server.log").read_text()
            time.sleep(0.1)
        yield repo, port
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def committed(repo: Path, ref: str, path: str) -> str:
    """Return a file as committed on ``ref``.

    Read from git's objects, never the working copy: in git mode decap-server checks an
    entry's branch out for the length of each request, and the form's last requests may
    still be running after the tab closes (on a busy machine they were).
    """
    return subprocess.run(["git", "show", f"{ref}:{path}"], cwd=repo, capture_output=True, text=True, check=True).stdout


def checkout_copy(repo: Path, ref: str, target: Path) -> Path:
    """Write the tree of ``ref`` into ``target`` (no checkout in the server's working copy)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=repo, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_offline_an_edit_becomes_a_branch_whose_file_loads_back(decap_server, browser, tmp_path):
    repo, port = decap_server
    out = build(repo / "content", tmp_path / "public")
    config = out / "admin/config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "local_backend: true", f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1"), encoding="utf-8")
    tab = Tab(browser, allowed_ports=(port,))
    try:
        page = tab.page
        page.goto(serve(out) + "admin/")
        page.get_by_role("button", name="Přihlásit").click()  # the local backend signs in without GitHub
        page.goto(serve(out) + "admin/#/collections/providers")
        page.get_by_text("Charita Lysá").first.click()
        name = page.locator("input[type=text]").first
        name.wait_for(timeout=30000)
        assert name.input_value() == "Charita Lysá"
        assert page.get_by_text("Telefon nebo seznam telefonů").count() and "+420 325 551 234" in [
            i.input_value() for i in page.locator("input[type=text]").all()]  # one phone, not a list: it opens
        name.fill("Charita Lysá nad Labem")
        page.get_by_role("button", name="Uložit").first.click()
        page.get_by_text("Položka uložena").wait_for(timeout=30000)
        assert tab.outside == [] and tab.errors == []
    finally:
        tab.context.close()
    branches = subprocess.run(["git", "branch", "--list", "cms/*"], cwd=repo, capture_output=True, text=True, check=True).stdout.split()
    assert [b for b in branches if b != "*"] == ["cms/providers/charita-lysa"]  # a branch per edit
    assert committed(repo, "main", "content/providers/charita-lysa.yaml") == PROVIDER  # main untouched
    saved = committed(repo, "cms/providers/charita-lysa", "content/providers/charita-lysa.yaml")
    assert "phone: +420 325 551 234\n" in saved  # still one value
    copy = checkout_copy(repo, "cms/providers/charita-lysa", tmp_path / "edited")
    loaded = check_content(copy / "content", cache=RecordCache(None))
    assert not loaded.problems.has_errors(), [p.format() for p in loaded.problems.errors]
    provider = loaded.catalogue.providers["charita-lysa"]
    assert provider.name == "Charita Lysá nad Labem" and provider.contacts.phone == ["+420 325 551 234"] and provider.ico == "00845451"
