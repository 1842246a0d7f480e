"""The preview over a real socket: only its own pages may talk to it, and a folder moved away is noticed."""

from __future__ import annotations

import asyncio
import http.client
import json
from urllib.parse import urlsplit

import pytest

from test_serve import OVERLAY, SERVICE_URL, parse, served, wait_for  # noqa: F401 - ``served`` is a fixture

from catalogue.serve.guard import HostGuard


def request(base: str, path: str, host: str) -> tuple[int, str]:
    """GET ``path`` with the given ``Host`` header, as a page under a rebound DNS name would send it."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def handshake(base: str, origin: str | None, host: str | None = None) -> int:
    """Open the livereload WebSocket as a browser would; return 101 when accepted, else the HTTP status."""
    from tornado.httpclient import HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Origin": origin} if origin else {}
    if host:
        headers["Host"] = host

    async def connect() -> int:
        try:
            ws = await websocket_connect(HTTPRequest(base.replace("http", "ws") + "/livereload", headers=headers))
        except HTTPClientError as exc:
            return exc.code
        await ws.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        answer = json.loads(await ws.read_message())
        ws.close()
        return 101 if answer["command"] == "hello" else 500

    return asyncio.run(connect())


def test_a_foreign_host_name_gets_nothing(served):
    base, _ = served
    port = urlsplit(base).port
    assert request(base, SERVICE_URL, f"127.0.0.1:{port}")[0] == 200
    assert request(base, SERVICE_URL, f"localhost:{port}")[0] == 200
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1:{port + 1}"):
        status, body = request(base, SERVICE_URL, host)
        assert (status, body) == (403, f"This preview answers only at http://127.0.0.1:{port}/ (the request was for {host}).\n")
        assert request(base, "/livereload.js", host)[0] == 403


def test_only_the_previews_own_pages_may_open_its_websocket(served):
    base, _ = served
    port = urlsplit(base).port
    assert handshake(base, f"http://127.0.0.1:{port}") == 101
    assert handshake(base, None) == 101  # not a browser: no web page can be behind it
    assert handshake(base, "http://evil.example") == 403
    assert handshake(base, f"http://localhost:{port}") == 403  # another origin than the page's own address
    assert handshake(base, f"http://evil.example:{port}", host=f"evil.example:{port}") == 403


def test_a_content_folder_moved_away_and_back_is_shown(served, tmp_path):
    base, content = served
    (content / "life-situations").rename(tmp_path / "elsewhere")
    page = wait_for(base + SERVICE_URL, lambda body: OVERLAY in body)
    assert any("life_situations[0]: životní situace „ztrata-bydleni“ neexistuje" in line for line in parse(page).overlay)
    (tmp_path / "elsewhere").rename(content / "life-situations")
    wait_for(base + SERVICE_URL, lambda body: OVERLAY not in body)


@pytest.mark.parametrize(
    ("listen", "header", "allowed"),
    [
        ("127.0.0.1", "127.0.0.1:8000", True),
        ("127.0.0.1", "[::1]:8000", True),
        ("127.0.0.1", "LOCALHOST:8000", True),
        ("127.0.0.1", "127.0.0.1", False),
        ("127.0.0.1", "rebind.example:8000", False),
        ("127.0.0.1", "user@127.0.0.1:8000", False),
        ("127.0.0.1", "", False),
        ("0.0.0.0", "192.168.1.20:8000", True),
        ("0.0.0.0", "katalog.example:8000", False),
        ("katalog.local", "katalog.local:8000", True),
    ],
)
def test_which_host_headers_name_the_preview(listen, header, allowed):
    assert HostGuard(listen, 8000).allows_host(header) is allowed
