"""``serve`` over a real socket: a subprocess serves the preview, the test edits files and reads pages."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, TODAY_EPOCH
from sites import SERVICE, write_site

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
SERVICE_URL = "/sluzby/azylovy-dum-lysa/"
OVERLAY = 'id="catalogue-preview-errors"'


class Headings(HTMLParser):
    """Collect the text of every h1 and whether the error overlay is there."""

    def __init__(self) -> None:
        super().__init__()
        self.h1: list[str] = []
        self.overlay: list[str] = []
        self._in_h1 = False
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "code":
            self._in_code = True
            self.overlay.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        if tag == "code":
            self._in_code = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1.append(data.strip())
        if self._in_code:
            self.overlay[-1] += data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def wait_for(url: str, condition, timeout: float = 15.0) -> str:
    """GET ``url`` until ``condition(body)`` holds; return the body."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            status, body = get(url)
            if status == 200 and condition(body):
                return body
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{url} never met the condition; last body:\n{body[:2000]}")


def wait_for_log(log: Path, text: str, timeout: float = 10.0) -> str:
    """Return the server's terminal output once it contains ``text``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        output = log.read_text(encoding="utf-8")
        if text in output:
            return output
        time.sleep(0.05)
    raise AssertionError(f"the terminal never showed {text!r}:\n{output[-2000:]}")


def parse(body: str) -> Headings:
    parser = Headings()
    parser.feed(body)
    return parser


@pytest.fixture
def served(tmp_path):
    """Start ``build.py serve`` on a free port; yield (base URL, content folder); stop it."""
    content = write_site(tmp_path / "content")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--port", str(port)],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", lambda body: True, timeout=30)
        yield base, content
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def edit(content: Path, rel: str, text: str) -> None:
    (content / rel).write_text(text, encoding="utf-8")


def test_serves_the_built_site_from_memory(served, tmp_path):
    base, content = served
    status, home = get(base + "/")
    assert status == 200 and "livereload.js" in home  # the reload client is injected
    status, page = get(base + SERVICE_URL)
    assert status == 200 and parse(page).h1 == ["Azylový dům pro matky s dětmi"]
    assert "Tajná" not in page  # the preview is the published site: confidential streets stay out
    for path in ("/admin/config.yml", "/redakce/", "/otevrena-data/", "/data/hsds/services.json", "/search/index.json"):
        wait_for(base + path, lambda body: True)  # the extra outputs follow the pages in the background
    assert get(base + "/nic-takoveho/")[0] == 404
    assert not (tmp_path / "public").exists() and not (content.parent / "public").exists()


def test_a_saved_edit_is_served(served):
    base, content = served
    edit(content, SERVICE_FILE, SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"))
    page = wait_for(base + SERVICE_URL, lambda body: "U Lípy" in body)
    assert parse(page).h1 == ["Azylový dům U Lípy"]
    assert OVERLAY not in page


def test_a_broken_edit_shows_the_errors_over_the_last_good_page_until_fixed(served, tmp_path):
    base, content = served
    edit(content, SERVICE_FILE, SERVICE.replace("kind: registered", "kind: maybe"))
    page = wait_for(base + SERVICE_URL, lambda body: OVERLAY in body)
    parsed = parse(page)
    assert parsed.h1 == ["Azylový dům pro matky s dětmi"]  # the last good version
    assert any(
        line.endswith(f"{SERVICE_FILE}:3:7: kind: „maybe“ není druh záznamu; napište jedno z: registrovaná (registered), související (related)")
        for line in parsed.overlay
    ), parsed.overlay
    assert 'role="alertdialog"' in page and "<button" in page  # announced, and dismissible
    assert OVERLAY in get(base + "/")[1]  # on every page, not only the broken record's
    terminal = wait_for_log(tmp_path / "serve.log", "náhled dál ukazuje poslední verzi bez chyb")
    assert f"{SERVICE_FILE}:3:7: kind: „maybe“ není druh záznamu" in terminal
    edit(content, SERVICE_FILE, SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům opraven"))
    page = wait_for(base + SERVICE_URL, lambda body: OVERLAY not in body)
    assert parse(page).h1 == ["Azylový dům opraven"]


def test_the_open_tab_is_told_to_reload_after_each_save(served):
    from tornado.websocket import websocket_connect

    base, content = served

    async def listen() -> list[dict]:
        ws = await websocket_connect(base.replace("http", "ws") + "/livereload")
        await ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        assert json.loads(await ws.read_message())["command"] == "hello"
        await ws.write_message(json.dumps({"command": "info", "url": base + SERVICE_URL}))
        await asyncio.sleep(0.3)
        messages = []
        for name in ("První", "Druhý"):  # two saves in quick succession: both reach the browser
            edit(content, SERVICE_FILE, SERVICE.replace("Azylový dům pro matky s dětmi", f"Azylový dům {name}"))
            messages.append(json.loads(await asyncio.wait_for(ws.read_message(), 15)))
        ws.close()
        return messages

    messages = asyncio.run(listen())
    assert [m["command"] for m in messages] == ["reload", "reload"]
    assert "Druhý" in get(base + SERVICE_URL)[1]


CONTRAST = """(el) => {
  function lum(css) {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
      .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const style = getComputedStyle(el), a = lum(style.color), b = lum(style.backgroundColor);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("language, close, problem", [
    ("cs", "Zavřít", "kind: „maybe“ není druh záznamu; napište jedno z: registrovaná (registered), související (related)"),
    ("en", "Close", 'kind: "maybe" is not a kind of service; write one of: registrovaná (registered), související (related)'),
])
def test_the_overlay_close_button_is_readable_and_speaks_the_site_language(served, language, close, problem):
    """In Chromium, over the site's own stylesheet (which styles every button): contrast at least 4.5:1."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    base, content = served
    site = (content / "site.yaml").read_text(encoding="utf-8")
    edit(content, "site.yaml", site.replace("language: cs", f"language: {language}"))
    wait_for(base + "/", lambda body: f'lang="{language}"' in body)
    edit(content, SERVICE_FILE, SERVICE.replace("kind: registered", "kind: maybe"))
    wait_for(base + SERVICE_URL, lambda body: OVERLAY in body)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        page.goto(base + SERVICE_URL)
        button = page.locator(f"#catalogue-preview-errors button")
        assert button.inner_text() == close
        assert button.evaluate(CONTRAST) >= 4.5
        assert page.evaluate("() => document.activeElement.textContent") == close  # it takes focus
        heading = page.locator("#catalogue-preview-errors h2").inner_text()
        assert heading == ("Obsah má 1 chybu" if language == "cs" else "The content has 1 error")
        assert page.locator("#catalogue-preview-errors li").inner_text().endswith(f"{SERVICE_FILE}:3:7: {problem}")  # the problem too
        button.click()
        assert page.locator("#catalogue-preview-errors").count() == 0
        browser.close()
