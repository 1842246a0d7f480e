"""The preview serves before every page is rendered: pages on demand, the rest in the background, never stale.

Requests go through the preview's own WSGI application (what the server runs); the
background part runs on its own thread as ``serve`` runs it.
"""

from __future__ import annotations

import threading
import time

import pytest

from preview_edits import built
from sites import PROVIDER, SERVICE, write_site

from catalogue.serve import Finisher
from catalogue.serve.app import SEARCH_INDEX, SEARCH_PAGE, PreviewApp
from catalogue.serve.pages import Pages
from catalogue.serve.preview import Preview
from catalogue.serve.searching import ELEMENT_ID as SEARCHING

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
PAGE = "sluzby/azylovy-dum-lysa/index.html"
PROVIDER_PAGE = "poskytovatele/charita-lysa/index.html"


def get(preview: Preview, path: str) -> tuple[str, str]:
    """Return (status, body) of a GET through the preview's application."""
    answer: list[str] = []
    body = b"".join(PreviewApp(preview)({"REQUEST_METHOD": "GET", "PATH_INFO": path}, lambda status, headers: answer.append(status)))
    return answer[0], body.decode("utf-8")


def settle(preview: Preview, finisher: Finisher) -> None:
    """Wait until the background part has rendered every page and made every output."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        finisher.request()
        time.sleep(0.2)
        with preview.outputs_lock, preview.lock:  # finish() is not running, and no save is
            if not preview.snapshot.pending and not preview.outputs_due:
                return
    raise AssertionError("the background part never finished")


@pytest.fixture
def started(tmp_path) -> Preview:
    preview = Preview(write_site(tmp_path / "content"))
    assert preview.start().ok
    return preview


def test_start_up_serves_any_page_before_rendering_it_and_the_search_page_says_the_index_is_coming(started, tmp_path):
    assert started.snapshot.pending == set(started.plans)  # nothing rendered yet…
    status, body = get(started, "/sluzby/azylovy-dum-lysa/")  # …and every page is there
    assert status.startswith("200") and "Azylový dům pro matky s dětmi" in body
    assert PAGE not in started.snapshot.pending
    assert SEARCH_INDEX not in started.snapshot.files
    status, search = get(started, "/" + SEARCH_PAGE.removesuffix("index.html"))
    assert status.startswith("200") and f'id="{SEARCHING}"' in search and "připravuje" in search
    assert started.finish() is not None
    assert SEARCHING not in get(started, "/" + SEARCH_PAGE.removesuffix("index.html"))[1]
    assert started.snapshot.files == built(started.content, tmp_path / "public")
    assert get(started, "/sluzby/azylovy-dum-lysa/")[1] == started.snapshot.files[PAGE].decode()  # what the build writes


def test_the_background_part_renders_the_home_page_and_the_indexes_before_the_search_index(started, monkeypatch):
    order: list[str] = []
    real = Pages.render
    monkeypatch.setattr(Pages, "render", lambda self, path: order.append(path) or real(self, path))
    from catalogue import pipeline

    steps = pipeline.output_steps()
    monkeypatch.setattr(pipeline, "output_steps", lambda: [("mark", lambda context: order.append("outputs")), *steps])
    started.finish()
    assert order[0] == "index.html" and "sluzby/index.html" in order[: order.index("outputs")]
    assert PAGE in order[order.index("outputs") :]


def test_rapid_successive_saves_end_in_what_a_build_makes(started, tmp_path):
    finisher = Finisher(started, lambda update: None)
    finisher.request()
    path = started.content / SERVICE_FILE
    for n in range(6):  # faster than the background part can keep up with
        path.write_text(SERVICE.replace("Azylový dům pro matky s dětmi", f"Azylový dům {n}"), encoding="utf-8")
        assert started.update({path}, defer_outputs=True).ok
        assert f"Azylový dům {n}" in get(started, "/sluzby/index.html")[1]  # never the older name
        finisher.request()
    provider = started.content / "providers/charita-lysa.yaml"
    provider.write_text(PROVIDER.replace("Charita Lysá", "Oblastní charita Lysá"), encoding="utf-8")
    assert started.update({provider}, defer_outputs=True).ok
    finisher.request()
    settle(started, finisher)
    assert started.snapshot.files == built(started.content, tmp_path / "public")


def test_a_page_asked_for_while_its_dependencies_are_rendered_in_the_background_is_current(started, monkeypatch, tmp_path):
    started.build()
    held, release = threading.Event(), threading.Event()
    renders: list[str] = []
    real = Pages.render

    def render(self, path):  # the background part stops on the provider's page, holding the rebuild lock
        renders.append(path)
        if path == PROVIDER_PAGE and threading.current_thread().name == "background":
            held.set()
            release.wait(20)
        return real(self, path)

    monkeypatch.setattr(Pages, "render", render)
    path = started.content / SERVICE_FILE
    path.write_text(SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"), encoding="utf-8")
    assert started.update({path}, defer_outputs=True).ok
    background = threading.Thread(target=started.finish, name="background")
    background.start()
    asked: list[tuple[str, str]] = []
    try:
        assert held.wait(10)
        assert "lokality/lysa/index.html" in started.snapshot.pending
        begin = time.monotonic()
        status, body = get(started, "/lokality/lysa/")  # rendered for the request, without waiting for the background
        assert status.startswith("200") and "U Lípy" in body and time.monotonic() - begin < 5
        tab = threading.Thread(target=lambda: asked.append(get(started, "/" + PROVIDER_PAGE.removesuffix("index.html"))))
        tab.start()  # the page the background is rendering: the request waits for it…
        time.sleep(0.3)
        assert not asked
    finally:
        release.set()
        background.join(10)
    tab.join(10)
    (status, body), = asked
    assert status.startswith("200") and "U Lípy" in body
    assert renders.count(PROVIDER_PAGE) == 1  # …rather than rendering it a second time
    assert started.finish() is not None
    assert started.snapshot.files == built(started.content, tmp_path / "public")


def test_a_template_error_in_a_page_asked_for_shows_the_overlay_over_its_last_good_version(tmp_path):
    content = write_site(tmp_path / "content")
    theme = content / "theme" / "templates"
    theme.mkdir(parents=True)
    preview = Preview(content)
    assert preview.build().ok
    before = preview.snapshot.files[PROVIDER_PAGE].decode()
    (theme / "provider.html").write_text("{% extends 'base.html' %}{% block main %}{{ provider.name }{% endblock %}\n", encoding="utf-8")
    assert preview.update({theme / "provider.html"}, defer_outputs=True).ok  # not on screen: not rendered yet
    status, body = get(preview, "/" + PROVIDER_PAGE.removesuffix("index.html"))
    assert status.startswith("200") and 'id="catalogue-preview-errors"' in body and "provider.html" in body
    assert body.startswith(before[: before.index("</body>")])


def test_a_broken_save_keeps_serving_the_last_good_pages_those_not_rendered_yet_included(started, tmp_path):
    path = started.content / SERVICE_FILE
    path.write_text(SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"), encoding="utf-8")
    assert started.update({path}, defer_outputs=True).ok
    assert "sluzby/index.html" in started.snapshot.pending
    path.write_text(SERVICE.replace("kind: registered", "kind: maybe"), encoding="utf-8")
    assert not started.update({path}, defer_outputs=True).ok
    status, body = get(started, "/sluzby/")  # rendered now, from the last good catalogue, under the overlay
    assert status.startswith("200") and "U Lípy" in body and 'id="catalogue-preview-errors"' in body
    path.write_text(SERVICE.replace("Azylový dům pro matky s dětmi", "Azylový dům U Lípy"), encoding="utf-8")
    assert started.update({path}).ok and started.snapshot.errors == ()
    assert started.snapshot.files == built(started.content, tmp_path / "public")
