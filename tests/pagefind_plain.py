"""Plain Pagefind over the search documents' text: the baseline of the relevance measurements.

What a site gets from Pagefind alone (no Czech stemming, no synonyms, no corrections):
``pagefind_files`` indexes each document's title and text as a custom record with
the same filters, through ``pagefind --service`` (the ``pagefind[bin]`` package, a
test extra). Only ``tests/test_search_relevance.py`` uses it.
"""

from __future__ import annotations

import base64
import functools
import json
import subprocess
import threading
from collections.abc import Iterable, Iterator

from catalogue.search.documents import SearchDocument

#: Pagefind's own user interfaces, which the baseline does not use.
_UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")


class SearchIndexError(Exception):
    """Pagefind could not be run (not installed, or it failed)."""


def pagefind_files(docs: Iterable[SearchDocument], language: str) -> dict[str, bytes]:
    """Return a Pagefind bundle of the documents' plain text as path (under ``pagefind/``) → bytes."""
    records = [
        {
            "type": "AddRecord",
            "url": doc.url,
            "content": f"{doc.title}\n{doc.text}",
            "language": language,
            "meta": doc.meta,
            "filters": doc.filters,
            "sort": None,
        }
        for doc in docs
    ]
    bundle = PagefindService().index(records, {"force_language": language})
    return {f"pagefind/{path}": data for path, data in sorted(bundle.items()) if not path.rsplit("/", 1)[-1].startswith(_UNUSED)}


class PagefindService:
    """A synchronous client of ``pagefind --service`` (the protocol of Pagefind's Python package).

    The package's own client waits 100 ms per answer; this one streams every record
    in one go and reads the answers as they come. Messages are base64 JSON, each
    followed by a comma, in both directions. The bundle comes in the answer to
    ``GetFiles`` (files Pagefind writes itself can be incomplete when it answers).
    """

    def __init__(self) -> None:
        self.executable = _executable()

    def index(self, records: list[dict], config: dict) -> dict[str, bytes]:
        """Index ``records`` (AddRecord payloads without ``index_id``); return the bundle as path → bytes."""
        proc = subprocess.Popen([self.executable, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdin is not None and proc.stdout is not None
        writer: threading.Thread | None = None
        try:
            answers = _answers(proc.stdout)
            _send(proc.stdin, 0, {"type": "NewIndex", "config": config})
            index_id = _expect(answers, "NewIndex")["index_id"]
            last = len(records) + 1
            writer = threading.Thread(target=_send_all, args=(proc.stdin, records, index_id), daemon=True)
            writer.start()
            payload: dict = {}
            for answer in answers:  # until the answer to GetFiles, which carries the bundle
                payload = answer.get("payload", {})
                if payload.get("type") == "Error":
                    raise SearchIndexError(f"Pagefind failed: {payload.get('message', payload)}")
                if answer.get("message_id") == last:
                    break
            if payload.get("type") != "GetFiles":
                raise SearchIndexError(f"Pagefind answered {payload.get('type')!r} instead of the files")
            return {file["path"]: base64.b64decode(file["content"]) for file in payload["files"]}
        finally:
            if proc.poll() is None:
                proc.kill()
            if writer is not None:
                writer.join(10)
            try:
                proc.stdin.close()
            except (OSError, ValueError):
                pass
            proc.wait(timeout=60)


@functools.cache
def _executable() -> str:
    """The Pagefind program of the ``pagefind[bin]`` package, looked up once (the lookup logs)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SearchIndexError("the pagefind package is missing; run: pip install 'pagefind[bin]'") from exc
    executable = get_executable()
    if executable is None:
        raise SearchIndexError("the Pagefind program was not found; run: pip install 'pagefind[bin]'")
    return str(executable)


def _send(stream, message_id: int, payload: dict) -> None:
    stream.write(base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b",")
    stream.flush()


def _send_all(stream, records: list[dict], index_id: int) -> None:
    try:
        for number, record in enumerate(records, start=1):
            stream.write(base64.b64encode(json.dumps({"message_id": number, "payload": {**record, "index_id": index_id}}).encode()) + b",")
        _send(stream, len(records) + 1, {"type": "GetFiles", "index_id": index_id})
    except (OSError, ValueError):  # the service died or was stopped (a closed pipe); the reader reports it
        pass


def _answers(stream) -> Iterator[dict]:
    """Yield the service's answers; pieces of a long one (the bundle: megabytes) are joined once."""
    pending: list[bytes] = []
    while True:
        chunk = stream.read1(1 << 16)
        if not chunk:
            raise SearchIndexError("Pagefind stopped before it finished")
        *complete, rest = chunk.split(b",")
        if complete:
            complete[0] = b"".join([*pending, complete[0]])
            pending = []
        pending.append(rest)
        for message in complete:
            if message:
                yield json.loads(base64.b64decode(message))


def _expect(answers: Iterator[dict], kind: str | None) -> dict:
    payload = next(answers).get("payload", {})
    if payload.get("type") == "Error" or (kind and payload.get("type") != kind):
        raise SearchIndexError(f"Pagefind failed: {payload.get('message', payload)}")
    return payload
