"""Answer only requests meant for this preview: the Host header and the WebSocket's Origin are checked.

A web page on another site cannot read the preview's pages (browsers keep
origins apart), but two ways around that exist, and both are closed here:

* DNS rebinding: a name the attacker controls first points at their server, then
  at 127.0.0.1, so their page becomes "same origin" with the preview. Its requests
  then carry their name in ``Host``, which is refused: only ``localhost``, an IP
  address (no DNS involved), the ``--host`` given and this computer's own names
  are accepted, with the port being served.
* WebSockets are not bound by the same-origin rule, and livereload accepts every
  origin. A browser always sends ``Origin`` with a WebSocket, so it must be the
  address the preview's own pages are served from (the request's ``Host``).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

REFUSED = "This preview answers only at http://{address}/ (the request was for {host}).\n"


class HostGuard:
    """Tell requests for this preview from requests that only reach it."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.names = {"localhost", host.strip("[]").lower()}
        if _is_wildcard(host):  # listening on every interface: the computer's own names are its addresses too
            self.names |= {socket.gethostname().lower(), socket.getfqdn().lower()}

    @property
    def address(self) -> str:
        """Return where the preview is served, as the terminal shows it."""
        host = "127.0.0.1" if _is_wildcard(self.host) else self.host
        return f"{host}:{self.port}"

    def allows_host(self, header: str | None) -> bool:
        """Return whether a ``Host`` header names this preview."""
        split = _split(header or "")
        if split is None:
            return False
        name, port = split
        return port == self.port and (name in self.names or _is_ip(name))

    def allows_origin(self, origin: str | None, host: str | None) -> bool:
        """Return whether a WebSocket's ``Origin`` is a page of this preview (the scheme and address it is served at)."""
        if origin is None:  # not a browser: it could not have been sent by a web page
            return True
        parts = urlsplit(origin)
        return parts.scheme == "http" and self.allows_host(parts.netloc) and parts.netloc.lower() == (host or "").lower()

    def refusal(self, host: str | None) -> str:
        """Return the text of the 403 answer."""
        return REFUSED.format(address=self.address, host=host or "no host")


def _split(header: str) -> tuple[str, int] | None:
    """Return (name, port) of a ``Host`` value (``[::1]:8000``, ``localhost:8000``, ``example.org``)."""
    try:
        parts = urlsplit(f"//{header}")
        port = parts.port or 80
    except ValueError:
        return None
    if not parts.hostname or parts.username is not None or parts.path or parts.query:
        return None
    return parts.hostname.lower(), port


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_wildcard(host: str) -> bool:
    return host.strip("[]") in ("", "0.0.0.0", "::")


# livereload's snippet (``Server.application``): the page loads livereload.js from the port it came from.
LIVE_SCRIPT = (
    '<script type="text/javascript">(function(){'
    'var s=document.createElement("script");'
    "var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    's.src="//"+window.location.hostname+":"+port'
    '+ "/livereload.js?port=" + port;'
    "document.head.appendChild(s);"
    "})();</script>"
)


def guarded_server(guard: HostGuard, app, watcher):
    """Return livereload's server for the WSGI ``app``, with every handler behind ``guard``.

    livereload builds its Tornado application inside ``Server.application``, with a
    WebSocket handler that accepts any origin; this is the same application
    (its handlers, its script injection) with the checks in front of each handler.
    """
    from livereload import Server
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler
    from livereload.server import LiveScriptContainer, LiveScriptInjector
    from tornado import escape, web

    def guarded(handler: type) -> type:
        class Guarded(handler):  # type: ignore[misc, valid-type]
            def prepare(self):
                if not guard.allows_host(self.request.host):
                    self.set_status(403)
                    self.set_header("Content-Type", "text/plain; charset=utf-8")
                    self.finish(guard.refusal(self.request.host))
                    return None
                return super().prepare()

            def check_origin(self, origin: str) -> bool:  # WebSocket handshakes only
                return guard.allows_origin(origin, self.request.host)

        Guarded.__name__ = f"Guarded{handler.__name__}"
        return Guarded

    class GuardedServer(Server):
        def application(self, port, host, liveport=None, debug=None, live_css=True):
            LiveReloadHandler.watcher = self.watcher
            LiveReloadHandler.live_css = live_css
            script = escape.utf8(LIVE_SCRIPT)

            class Transform(LiveScriptInjector):
                pass

            Transform.script = script
            handlers = [
                (r"/livereload", guarded(LiveReloadHandler)),
                (r"/forcereload", guarded(ForceReloadHandler)),
                (r"/livereload.js", guarded(LiveReloadJSHandler)),
                (r".*", guarded(web.FallbackHandler), {"fallback": LiveScriptContainer(self.app, script)}),
            ]
            web.Application(handlers=handlers, debug=False, transforms=[Transform]).listen(port, address=host)

    return GuardedServer(app=app, watcher=watcher)
