"""The browser's search index: Pagefind, fed with our own analysed terms.

Pagefind has no Czech stemmer, so it does not see the text: every record goes in
as a custom record whose content is its analysed index terms (``documents``),
and the browser analyses the query with the same algorithm
(``static/czech-analysis.js``) before asking Pagefind. Pagefind then does what it
is good at: splitting the index into chunks so a phone downloads only the part a
query needs, filters with counts, and ranking.

Also written here, under ``search/``: the did-you-mean vocabulary, one file per
word length (a one-letter typo changes the length by at most one, so a lookup
loads three small files, and only after a query found nothing).
"""

from __future__ import annotations

import base64
import functools
import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator

from ..errors import CatalogueError
from .canonical import make_reproducible
from .documents import SearchDocument
from .reuse import BundleCache, bundle_key

#: Site folder of the Pagefind bundle, and of our own search files.
PAGEFIND_FOLDER = "pagefind"
SEARCH_FOLDER = "search"
#: Pagefind's own user interfaces, which the site does not use (ours is static/search.js).
_UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")


class SearchIndexError(CatalogueError):
    """Pagefind could not be run (not installed, or it failed): reported as a message, not a traceback."""


def pagefind_files(
    docs: Iterable[SearchDocument],
    language: str,
    analysed: bool = True,
    check: Callable[[], None] = lambda: None,
    cache: BundleCache | None = None,
) -> dict[str, bytes]:
    """Return the Pagefind bundle for ``docs`` as site path → bytes.

    ``analysed=False`` indexes the plain text instead of our terms: Pagefind
    without the Czech layer, the baseline of the relevance measurements.
    ``check`` is called while Pagefind works; an exception from it stops Pagefind.
    ``cache`` returns the kept bundle when the records are the same as its.
    """
    records = [
        {
            "type": "AddRecord",
            "url": doc.url,
            "content": " ".join(doc.terms) if analysed else f"{doc.title}\n{doc.text}",
            "language": language,
            "meta": doc.meta,
            "filters": doc.filters,
            "sort": None,
        }
        for doc in docs
    ]
    options = {"force_language": language}
    key = bundle_key(records, options)
    kept = cache.get(key) if cache else None
    if kept is not None:
        return kept
    bundle = PagefindService().index(records, options, check)
    files = {
        f"{PAGEFIND_FOLDER}/{path}": data
        for path, data in sorted(bundle.items())
        if not path.rsplit("/", 1)[-1].startswith(_UNUSED)
    }
    files = make_reproducible(files, PAGEFIND_FOLDER)
    if cache:
        cache.put(key, files)
    return files


class PagefindService:
    """A synchronous client of ``pagefind --service`` (the protocol of Pagefind's Python package).

    The package's own client waits 100 ms per answer (its polling loop sleeps
    between reads), which makes indexing the national catalogue take most of an
    hour; this one streams every record in one go and reads the answers as they come.
    Messages are base64 JSON, each followed by a comma, in both directions.
    """

    def __init__(self) -> None:
        self.executable = _executable()

    def index(self, records: list[dict], config: dict, check: Callable[[], None] = lambda: None) -> dict[str, bytes]:
        """Index ``records`` (AddRecord payloads without ``index_id``); return the bundle as path → bytes.

        The bundle comes back in the answer to ``GetFiles``, not through the
        disk: files Pagefind writes itself could still be incomplete when it
        answers ``WriteFiles`` (an empty ``pagefind-entry.json`` was seen in CI).
        ``check`` is called between answers and every 0.1 s while Pagefind works; when
        it raises, Pagefind is killed and the exception is raised here.
        """
        # At a lower priority where ``nice`` exists: the live preview makes the index in the
        # background while it renders the next save's pages; a build loses nothing by it.
        nice = ["nice", "-n", "10"] if shutil.which("nice") else []
        proc = subprocess.Popen(
            [*nice, self.executable, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert proc.stdin is not None and proc.stdout is not None
        stopped: list[BaseException] = []  # what ``check`` raised while Pagefind worked alone
        finished = threading.Event()
        watchdog = threading.Thread(target=_watch, args=(proc, check, finished, stopped), daemon=True)
        writer: threading.Thread | None = None
        done = False
        try:
            watchdog.start()
            answers = _answers(proc.stdout)
            _send(proc.stdin, 0, {"type": "NewIndex", "config": config})
            index_id = _expect(answers, "NewIndex")["index_id"]
            last = len(records) + 1
            writer = threading.Thread(target=_send_all, args=(proc.stdin, records, index_id), daemon=True)
            writer.start()
            payload: dict = {}
            for number, answer in enumerate(answers):  # until the answer to GetFiles, which carries the bundle
                if number % 512 == 0:
                    check()
                payload = answer.get("payload", {})
                if payload.get("type") == "Error":
                    raise SearchIndexError(f"Pagefind failed: {payload.get('message', payload)}")
                if answer.get("message_id") == last:
                    break
            if stopped:
                raise stopped[0]
            if payload.get("type") != "GetFiles":
                raise SearchIndexError(f"Pagefind answered {payload.get('type')!r} instead of the files")
            bundle = {file["path"]: base64.b64decode(file["content"]) for file in payload["files"]}
            done = True
            return bundle
        except (OSError, ValueError, KeyError, SearchIndexError) as exc:
            if stopped:  # the watchdog stopped Pagefind: report why, not the broken pipe
                raise stopped[0] from None
            if isinstance(exc, SearchIndexError):
                raise
            raise SearchIndexError(f"Pagefind failed: {exc}") from exc
        finally:
            finished.set()
            watchdog.join()
            if not done and proc.poll() is None:
                proc.kill()  # stopped by ``check`` or failed: its work is not wanted
            if writer is not None:
                writer.join(10)  # it stops at the broken pipe; only then is stdin ours to close
            try:
                proc.stdin.close()
            except (OSError, ValueError):
                pass
            proc.wait(timeout=60)


def _watch(proc: subprocess.Popen, check: Callable[[], None], finished: threading.Event, stopped: list[BaseException]) -> None:
    """Call ``check`` every 0.1 s while Pagefind works (it builds the index after the last
    record, answering nothing for seconds); kill Pagefind when it raises."""
    while not finished.wait(0.1):
        try:
            check()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            stopped.append(exc)
            proc.kill()
            return


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


def vocabulary_files(shards: dict[int, list[list[str]]]) -> dict[str, bytes]:
    """Return the vocabulary shards as site path → compact JSON bytes."""
    return {
        f"{SEARCH_FOLDER}/words-{length}.json": json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode()
        for length, words in sorted(shards.items())
    }
