"""The registry's file: download it, then read its registrations one at a time.

The national file is about 100 MB of JSON. Reading it whole with ``json.load`` makes
close to a gigabyte of Python objects; instead the stdlib's C decoder reads one
registration at a time from a sliding window of text, so memory stays at a few
megabytes plus what the import keeps, and a registration (with the names of people
it carries) is dropped as soon as the few fields the catalogue uses are taken from it.
"""

from __future__ import annotations

import codecs
import json
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from . import OFFICIAL_FILE
from .messages import REGISTRY_URL, Part, RegistryInputError, found, json_reason

CHUNK = 1 << 22  # 4 MiB of the file at a time
_WHITESPACE = " \t\r\n"

Progress = Callable[[int, int | None], None]  # (bytes so far, total or None)


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def download(url: str, folder: Path, progress: Progress | None = None, timeout: float = 60) -> Path:
    """Download ``url`` into a new file in ``folder``; report progress as bytes arrive."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (url.rstrip("/").rsplit("/", 1)[-1] or "rpss.json")
    request = urllib.request.Request(url, headers={"User-Agent": "catalogue-import"})
    fd, partial = tempfile.mkstemp(prefix=".download-", dir=folder)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, open(fd, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            done = 0
            while chunk := response.read(1 << 20):
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        Path(partial).replace(target)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        Path(partial).unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise RegistryInputError("source_download", url=url, reason=str(reason)) from None
    return target


def open_source(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise RegistryInputError("source_unreadable", path=str(path), reason=exc.strerror or str(exc), url=REGISTRY_URL) from None


class _Window:
    """A sliding window of decoded text over a binary file, with absolute positions."""

    def __init__(self, stream: BinaryIO, shown: str) -> None:
        self.stream = stream
        self.shown = shown
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.pos = 0
        self.base = 0  # characters dropped before ``text``
        self.base_lines = 0
        self.base_line_start = 0
        self.bytes_read = 0
        self.eof = False
        self.first = True

    def fill(self) -> bool:
        """Read more of the file; return False at its end."""
        if self.eof:
            return False
        data = self.stream.read(CHUNK)
        offset = self.bytes_read
        self.bytes_read += len(data)
        try:
            chunk = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise RegistryInputError("source_not_utf8", path=self.shown, byte=f"{data[exc.start]:02x}" if exc.start < len(data) else "??", offset=offset + exc.start) from None
        if self.first:
            chunk = chunk.removeprefix("\ufeff")
            self.first = False
        if not data:
            self.eof = True
        self.drop()
        self.text += chunk
        return bool(data)

    def drop(self) -> None:
        """Forget the text already read, keeping line numbers right."""
        done = self.text[: self.pos]
        lines = done.count("\n")
        if lines:
            self.base_lines += lines
            self.base_line_start = self.base + done.rfind("\n") + 1
        self.base += self.pos
        self.text = self.text[self.pos :]
        self.pos = 0

    def where(self, pos: int) -> tuple[int, int]:
        """Return the 1-based line and column of a position in the window."""
        before = self.text[:pos]
        lines = before.count("\n")
        if lines:
            return self.base_lines + lines + 1, pos - before.rfind("\n")
        return self.base_lines + 1, self.base + pos - self.base_line_start + 1

    def skip_space(self) -> str:
        """Skip whitespace; return the next character ('' at the end of the file)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if not self.fill():
                return ""

    def expect(self, chars: str) -> str:
        char = self.skip_space()
        if not char or char not in chars:
            self.fail("Expecting " + " or ".join(repr(c) for c in chars), self.pos, truncated=not char)
        self.pos += 1
        return char

    def value(self, decoder: json.JSONDecoder, count: int) -> Any:
        """Decode one JSON value at the current position, reading more of the file as needed."""
        self.skip_space()
        while True:
            try:
                value, end = decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self.fill():
                    continue
                # The end of the file: the error stands. Reading on moved the window, and with it the error's
                # position (a syntax error near the end was taken for a cut download): decode again to place it.
                try:
                    decoder.raw_decode(self.text, self.pos)
                except json.JSONDecodeError as again:
                    exc = again
                cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.text.rstrip()) - 1
                self.fail(exc.msg, exc.pos, truncated=cut, count=count)
            else:
                # a number at the very end of the window may go on in the next chunk
                if end >= len(self.text) and not self.eof:
                    self.fill()
                    continue
                self.pos = end
                return value

    def fail(self, reason: str, pos: int, truncated: bool = False, count: int = 0) -> None:
        if truncated:
            raise RegistryInputError("source_truncated", path=self.shown, count=count)
        line, column = self.where(pos)
        raise RegistryInputError("source_not_json", path=self.shown, line=line, column=column, reason=json_reason(reason))


def registrations(stream: BinaryIO, shown: str) -> Iterator[tuple[int, Any]]:
    """Yield (index, item) for each element of the root object's ``polozky`` list.

    Other keys of the root object are read and skipped; a root that is not an
    object with ``polozky`` is an error that says what was found.
    """
    window = _Window(stream, shown)
    decoder = json.JSONDecoder()
    first = window.skip_space()
    if first != "{":
        if not first:
            raise RegistryInputError("source_wrong_root", path=shown, found=Part("found_empty_file"))
        raise RegistryInputError("source_wrong_root", path=shown, found=found(window.value(decoder, 0), detail=False))
    window.pos += 1
    seen_items = False
    count = 0
    if window.skip_space() == "}":
        raise RegistryInputError("source_wrong_root", path=shown, found=Part("found_empty_object"))
    while True:
        key = window.value(decoder, count)
        window.expect(":")
        if key == "polozky" and window.skip_space() == "[":
            seen_items = True
            window.pos += 1
            if window.skip_space() == "]":
                window.pos += 1
            else:
                while True:
                    item = window.value(decoder, count)
                    yield count, item
                    count += 1
                    if window.expect(",]") == "]":
                        break
                    if window.pos > CHUNK:  # dropping copies the rest of the window: not after every item
                        window.drop()
        else:
            value = window.value(decoder, count)
            if key == "polozky":
                raise RegistryInputError("source_wrong_root", path=shown, found=Part("found_items_holding", what=found(value, detail=False)))
        if window.expect(",}") == "}":
            break
    if window.skip_space():
        window.fail("Extra data", window.pos)
    if not seen_items:
        raise RegistryInputError("source_wrong_root", path=shown, found=Part("found_no_items"))
