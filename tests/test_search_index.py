"""The Pagefind bundle: made in memory from Pagefind's answer, the same every time, and stoppable."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from catalogue.index import publishable
from catalogue.validate.stage import check_content
from catalogue.render.i18n import translations
from catalogue.search import browser
from catalogue.search.browser import pagefind_files
from catalogue.search.corpus import build_documents

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def docs():
    cat = publishable(check_content(ROOT / "content").catalogue)
    return build_documents(cat, translations(cat.site.language).gettext)


def test_the_bundle_is_complete_and_the_same_every_time(docs):
    first = pagefind_files(docs, "cs")
    entry = json.loads(first["pagefind/pagefind-entry.json"])
    meta = f"pagefind/pagefind.{entry['languages']['cs']['hash']}.pf_meta"
    assert meta in first
    assert any(p.startswith("pagefind/fragment/") for p in first) and any(p.startswith("pagefind/index/") for p in first)
    assert not any("pagefind-ui" in p for p in first)  # Pagefind's own interfaces are left out
    assert pagefind_files(docs, "cs") == first


class Stop(Exception):
    pass


def test_a_check_that_raises_stops_pagefind(docs, monkeypatch):
    started = []
    real_popen = browser.subprocess.Popen
    monkeypatch.setattr(browser.subprocess, "Popen", lambda *a, **k: started.append(real_popen(*a, **k)) or started[-1])
    calls = []

    def check():  # the live preview's "a newer render came in", on the second look
        calls.append(1)
        if len(calls) > 1:
            raise Stop

    with pytest.raises(Stop):
        pagefind_files(docs * 5, "cs", check=check)
    assert len(started) == 1
    assert started[0].returncode == -signal.SIGKILL  # stopped, not left to finish its work


def test_a_stop_while_pagefind_builds_alone_is_noticed(docs, monkeypatch):
    # After the last record Pagefind answers nothing for a while: a watchdog keeps asking.
    started = []
    real_popen = browser.subprocess.Popen
    monkeypatch.setattr(browser.subprocess, "Popen", lambda *a, **k: started.append(real_popen(*a, **k)) or started[-1])
    monkeypatch.setattr(browser, "_answers", slow_answers(browser._answers))
    deadline = time.monotonic() + 0.3

    def check():
        if time.monotonic() > deadline:
            raise Stop

    with pytest.raises(Stop):
        pagefind_files(docs, "cs", check=check)
    assert started[0].returncode == -signal.SIGKILL


def slow_answers(real):
    """Pagefind's answers, the last (the bundle) held back as if the index took long to build."""

    def answers(stream):
        for answer in real(stream):
            if answer.get("payload", {}).get("type") == "GetFiles":
                time.sleep(1)
            yield answer

    return answers
