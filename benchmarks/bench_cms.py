#!/usr/bin/env python3
"""Measure the two candidates for the web form at /admin/: Decap CMS and Sveltia CMS, served by the site itself.

    python benchmarks/bench_cms.py [--runs 5] [--no-local]

Both are pinned in vendor/packages.json and installed with the project's own
installer (Sveltia on request: it is a candidate, not a part of the site). The
demo catalogue is built with a real-looking repository, and both CMSs get the
same generated config.yml. The folder is served on 127.0.0.1; Debian's Chromium
(Playwright) opens each CMS in a fresh context with the Czech locale and every
request that would leave this computer blocked and counted.

Per CMS: bytes of the script files it loads before its first screen and of the
whole package (raw and gzip -9); time from navigation to the first usable
screen (the sign-in buttons) and the JS heap then (median of --runs); what that
screen says (Czech or English); which outside addresses it tried. With node,
also the editors' offline setup: Decap with `npx decap-server` on the working
copy, Sveltia's "Work with Local Repository" on the same files (the folder
picker answered with the browser's private file system) — time until the list
of services shows, the heap then, and which of six checked labels a new service's
form lacks. The machine is shared: read medians and ratios, not single numbers.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from catalogue import vendor  # noqa: E402

REPOSITORY = "https://github.com/mesto-polabi/katalog"  # not the demo's placeholder, so the build writes the form
# Sveltia wraps names in Unicode isolation marks ("Sign In with \u2068GitHub\u2069"): match the start only.
FIRST_SCREEN = {"decap": re.compile("^Přihlásit pomocí"), "sveltia": re.compile("^Sign In with")}
LOCAL_BUTTON = {"decap": "Přihlásit", "sveltia": "Work with Local Repository"}
CZECH_WORD = {"decap": "Přihlásit", "sveltia": "Přihlásit"}  # what the Czech UI says on the sign-in screen
FORM_LABELS = ("Název služby", "Poskytovatel", "Druh služby", "Cílové skupiny", "Místa", "Životní situace")
SVELTIA = "@sveltia/cms"
DECAP_SERVER = "decap-server@3.11.3"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def prepare(work: Path) -> tuple[Path, Path]:
    """Build the demo with a real repository into ``work/public``; add Sveltia beside Decap; return (site, repo)."""
    for name in ("decap-cms", SVELTIA):
        vendor.install(vendor.packages()[name])
    repo = work / "repo"
    shutil.copytree(ROOT / "content", repo / "content", ignore=shutil.ignore_patterns(".cache"))
    site_yaml = repo / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("https://github.com/example/katalog-polabi", REPOSITORY), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    public = work / "public"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--content", str(repo / "content"), "--out", str(public)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    sveltia = vendor.packages()[SVELTIA]
    for name in sveltia.files:
        target = public / sveltia.url(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sveltia.source(name), target)
    # The same bare page for both (no guard script of ours), beside the generated config.yml.
    for which, package in (("decap", vendor.packages()["decap-cms"]), ("sveltia", sveltia)):
        script = f"../{package.url(package.scripts[0])}"
        (public / f"admin/{which}.html").write_text(
            f'<!DOCTYPE html>\n<html lang="cs"><head><meta charset="utf-8"><title>{which}</title></head>'
            f'<body><script src="{script}"></script></body></html>\n', encoding="utf-8")
    return public, repo


def package_bytes(name: str) -> tuple[int, int]:
    package = vendor.packages()[name]
    data = [package.source(n).read_bytes() for n in package.files if n.endswith((".js", ".wasm", ".css"))]
    return sum(map(len, data)), sum(map(gz, data))


def open_cms(browser: Any, base: str, which: str, init_script: str | None = None, allow: tuple[str, ...] = ()) -> dict[str, Any]:
    """Open one CMS in a fresh context; return the page, its CDP session, and the lists it fills."""
    context = browser.new_context(locale="cs-CZ")
    blocked: list[str] = []
    scripts: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(base + "/") or url.startswith(allow):
            if request_route.request.resource_type == "script":
                scripts.append(url[len(base):])
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    context.route("**/*", route)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(f"{base}/admin/{which}.html")
    return {"context": context, "page": page, "cdp": cdp, "blocked": blocked, "scripts": scripts}


def heap_mb(cdp: Any) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6


def first_screen(browser: Any, base: str, public: Path, which: str) -> dict[str, Any]:
    opened = open_cms(browser, base, which)
    page = opened["page"]
    page.get_by_role("button", name=FIRST_SCREEN[which]).wait_for(timeout=60000)
    ms = page.evaluate("performance.now()")
    page.wait_for_timeout(1500)  # let late requests (translations, fonts, status checks) show up
    text = page.inner_text("body")
    loaded = [public / s.lstrip("/") for s in opened["scripts"]]
    result = {
        "ms": ms,
        "heap": heap_mb(opened["cdp"]),
        "raw": sum(p.stat().st_size for p in loaded if p.is_file()),
        "gzip": sum(gz(p.read_bytes()) for p in loaded if p.is_file()),
        "czech": CZECH_WORD[which] in text,
        "blocked": sorted({u.split("?")[0] for u in opened["blocked"] if not u.startswith("http://localhost:8081/")}),
    }
    opened["context"].close()
    return result


def opfs_picker(repo: Path) -> str:
    """Return a script that answers Sveltia's folder picker with the browser's private file system, filled with ``repo``."""
    files = {p.relative_to(repo).as_posix(): p.read_text(encoding="utf-8") for p in sorted(repo.rglob("*")) if p.is_file() and not {".git", ".cache"} & set(p.parts)}
    files[".git/HEAD"] = "ref: refs/heads/main\n"
    return """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  for (const [path, text] of Object.entries(%s)) {
    const parts = path.split('/'); let dir = root;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text); await writable.close();
  }
  return root;
};""" % json.dumps(files)


@contextmanager
def decap_server(repo: Path) -> Iterator[int]:
    """Run ``npx decap-server`` on the working copy; stop its whole process group afterwards."""
    port = free_port()
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port)}
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(["npx", "--yes", DECAP_SERVER], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 120  # the first run downloads it from the npm registry
            while time.monotonic() < deadline and proc.poll() is None:
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.2)
            else:
                log.seek(0)
                raise SystemExit(f"decap-server did not start:\n{log.read().decode(errors='replace')[-2000:]}")
            yield port
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(10)


def local_mode(browser: Any, base: str, public: Path, repo: Path, which: str, port: int | None) -> dict[str, Any]:
    """Open the CMS on the working copy (offline editing); time until the list of services shows."""
    config = public / "admin/config.yml"
    original = config.read_text(encoding="utf-8")
    if which == "decap":
        config.write_text(original.replace("local_backend: true", f"local_backend:\n  url: http://localhost:{port}/api/v1"), encoding="utf-8")
    try:
        allow = (f"http://localhost:{port}/",) if which == "decap" else ()
        opened = open_cms(browser, base, which, init_script=opfs_picker(repo) if which == "sveltia" else None, allow=allow)
        page = opened["page"]
        page.get_by_role("button", name=LOCAL_BUTTON[which]).first.click()
        page.get_by_text("Azylový dům pro muže Nymburk").first.wait_for(timeout=60000)
        ms = page.evaluate("performance.now()")
        heap = heap_mb(opened["cdp"])
        page.goto(page.url.split("#")[0] + "#/collections/services/new")
        page.wait_for_function("document.body.textContent.includes('Název služby')", timeout=30000)
        page.wait_for_timeout(2000)
        text = page.evaluate("document.body.textContent")  # not inner_text: Decap upper-cases labels in CSS
        fields = [label for label in FORM_LABELS if label not in text]
        opened["context"].close()
        return {"ms": ms, "heap": heap, "fields": fields, "blocked": sorted({u.split("?")[0] for u in opened["blocked"]})}
    finally:
        config.write_text(original, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-local", action="store_true", help="skip the offline (local repository) measurements")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        public, repo = prepare(Path(tmp))
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        with served(public) as base:
            for which, name in (("decap", "decap-cms"), ("sveltia", SVELTIA)):
                package = vendor.packages()[name]
                raw, zipped = package_bytes(name)
                runs = [first_screen(browser, base, public, which) for _ in range(args.runs)]
                last = runs[-1]
                print(f"{package.name} {package.version} ({package.licence})")
                print(f"  package (js/css/wasm)       {raw / 1e6:6.2f} MB raw, {zipped / 1e6:5.2f} MB gzip")
                print(f"  loaded before first screen  {last['raw'] / 1e6:6.2f} MB raw, {last['gzip'] / 1e6:5.2f} MB gzip")
                print(f"  first screen                {statistics.median(r['ms'] for r in runs):6.0f} ms median of {args.runs} "
                      f"(min {min(r['ms'] for r in runs):.0f}, max {max(r['ms'] for r in runs):.0f})")
                print(f"  JS heap at first screen     {statistics.median(r['heap'] for r in runs):6.1f} MB median")
                print(f"  Czech on the first screen   {'yes' if last['czech'] else 'no (English)'}")
                print(f"  outside requests (blocked)  {len(last['blocked'])}: {', '.join(last['blocked']) or '-'}")
                if args.no_local:
                    continue
                if which == "decap" and not shutil.which("npx"):
                    print("  local repository            skipped: needs node (npx decap-server)")
                    continue
                with (decap_server(repo) if which == "decap" else _no_server()) as port:
                    local = [local_mode(browser, base, public, repo, which, port) for _ in range(max(1, args.runs // 2))]
                how = "npx decap-server" if which == "decap" else "Work with Local Repository"
                print(f"  local repository ({how}): services listed after {statistics.median(r['ms'] for r in local):.0f} ms median, "
                      f"heap {statistics.median(r['heap'] for r in local):.1f} MB, new-service form lacks {', '.join(local[-1]['fields']) or 'none'} of {len(FORM_LABELS)} checked fields, "
                      f"{len(local[-1]['blocked'])} outside requests blocked")
        browser.close()


@contextmanager
def _no_server() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
