"""Compiled templates kept between runs, sealed: loaded instead of compiled, never taken from anyone else."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from catalogue.render import env as render_env
from catalogue.render.env import make_environment


@pytest.fixture()
def compiled(monkeypatch) -> list[str]:
    """Count the templates Jinja compiles (it does not when the cache gives it the code)."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    render_env.forget_environments()
    yield names
    render_env.forget_environments()


@pytest.fixture()
def theme(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # a cache of this test's own
    folder = tmp_path / "content" / "theme" / "templates"
    folder.mkdir(parents=True)
    (folder / "hello.html").write_text('<p>{{ _("Search") }}: {{ who }}</p>', encoding="utf-8")
    return folder


def render(theme: Path, language: str = "cs", **values) -> str:
    render_env.forget_environments()  # as a new process: nothing compiled in memory
    return make_environment(language, theme).get_template("hello.html").render(who="vy", **values)


def test_a_second_run_loads_the_compiled_template_instead_of_compiling_it(theme: Path, compiled: list[str]) -> None:
    first = render(theme)
    assert compiled == ["hello.html"]
    assert render(theme) == first == "<p>Hledat: vy</p>"
    assert compiled == ["hello.html"]  # not compiled again


def test_an_edited_template_is_compiled_again(theme: Path, compiled: list[str]) -> None:
    render(theme)
    (theme / "hello.html").write_text("<p>{{ who }}!</p>", encoding="utf-8")
    assert render(theme) == "<p>vy!</p>"
    assert compiled == ["hello.html", "hello.html"]


def test_each_language_has_its_own_compiled_code(theme: Path, compiled: list[str]) -> None:
    """The translation of a constant string is baked in when compiling: English must not get the Czech code."""
    assert render(theme, "cs") == "<p>Hledat: vy</p>"
    assert render(theme, "en") == "<p>Search: vy</p>"
    assert render(theme, "cs") == "<p>Hledat: vy</p>"
    assert len(compiled) == 2


def test_code_someone_else_put_in_the_cache_is_never_loaded(theme: Path, compiled: list[str]) -> None:
    render(theme)
    files = list((theme.parents[2] / "user-cache" / "catalogue" / "templates").rglob("*.code"))
    assert files
    source = (theme / "hello.html").read_text(encoding="utf-8")
    env = make_environment("cs", theme)
    for file in files:  # what Jinja itself would load: the right checksum, and code that runs on loading
        bucket = jinja2.bccache.Bucket(env, file.stem, env.bytecode_cache.get_source_checksum(source))
        bucket.code = compile("raise SystemExit('planted code ran')", "planted", "exec")
        file.write_bytes(bucket.bytecode_to_string())
    assert render(theme) == "<p>Hledat: vy</p>"
    assert compiled == ["hello.html", "hello.html"]  # compiled anew, the planted file ignored
    assert render(theme) == "<p>Hledat: vy</p>" and len(compiled) == 2  # and sealed again
