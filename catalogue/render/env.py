"""The Jinja environment: autoescape, StrictUndefined, gettext, theme overrides."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from .i18n import date_filter, number_filter, translations
from .markdown import render_markdown
from .views import FILTERS

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def make_environment(language: str, theme: Path | None = None) -> jinja2.Environment:
    """Return the environment; templates in ``theme`` override the built-in ones by name.

    One environment per language and theme, kept: its compiled templates are reused by
    every build in the process (the live preview builds many times); Jinja notices an
    edited template by its modification time and compiles it again.
    """
    return _environment(language, str(theme) if theme and theme.is_dir() else None)


@lru_cache(maxsize=8)
def _environment(language: str, theme: str | None) -> jinja2.Environment:
    search = [theme] if theme else []
    search.append(str(BUILTIN_TEMPLATES))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations(language), newstyle=True)
    # ``text | markdown(under=2)``: the text sits below an h2, so its top-most heading becomes an h3.
    env.filters["markdown"] = lambda text, under=1: jinja2.filters.Markup(render_markdown(text, under))
    env.filters["date"] = date_filter(language)
    env.filters["number"] = number_filter(language)
    env.filters.update(FILTERS)  # the web pages' formatting: map links, opening hours, JSON in scripts
    return env


def forget_environments() -> None:
    """Drop the kept environments, e.g. when a theme template appears that overrides a built-in one."""
    _environment.cache_clear()
