"""The Jinja environment: autoescape, StrictUndefined, gettext, theme overrides.

A theme's templates come from the content repository, so with a theme the
environment is Jinja's sandbox: a template can use what it is given (the records,
the helpers) but not reach Python's internals (``__class__``, ``__globals__``…) to
run commands on the build machine. Every template file is read only when it lies
inside the theme's content folder or the project's own templates (no link out).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.sandbox

from ..messages.commands import REFUSED, TEMPLATE_ERROR
from ..messages.core import say
from ..errors import CatalogueError, Problem, display_path
from ..load.files import OWN_FOLDERS, Refused, check_inside
from ..messages.core import LOCALE_DIR
from ..messages.files import THE_TEMPLATE
from ..sealed import key_path, read_sealed, write_sealed
from .i18n import ConstantGettext, date_filter, number_filter, translations
from .markdown import render_markdown
from .views import FILTERS

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class ConfinedLoader(jinja2.FileSystemLoader):
    """A file system loader that refuses a template file resolving outside ``roots`` (a link out of the theme)."""

    def __init__(self, searchpath: list[str], roots: list[Path]) -> None:
        super().__init__(searchpath)
        self.roots = roots

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        try:
            check_inside(Path(filename), self.roots, THE_TEMPLATE)
        except Refused as exc:
            raise CatalogueError(say(REFUSED, path=display_path(Path(filename)), reason=exc.args[0])) from None
        return source, filename, uptodate


class SealedBytecodeCache(jinja2.BytecodeCache):
    """Templates compiled once and kept between runs, sealed like every cache (:mod:`..sealed`).

    Compiling the built-in templates costs 1.4 s, in every process that renders (a
    one-edit build, the preview's start, ``print``). Jinja checks each entry against
    its template's source; what else shapes the compiled code (Jinja's version, the
    language's translations, baked in by :class:`.i18n.ConstantGettext`, the kind of
    environment, this module, the extension and the filters) names the folder. A compiled template
    is code: one that this user's key did not seal is never loaded, only made again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = read_sealed(self.folder / f"{bucket.key}.code")
        if isinstance(data, bytes):
            bucket.bytecode_from_string(data)  # of another source or Jinja: Jinja resets it and compiles

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        write_sealed(self.folder / f"{bucket.key}.code", bucket.bytecode_to_string())


def bytecode_cache(kind: type, language: str) -> SealedBytecodeCache:
    """Return the cache of compiled templates for this kind of environment and language; drop older ones."""
    digest = hashlib.sha256(f"{kind.__module__}.{kind.__qualname__}\0{language}\0jinja2 {jinja2.__version__}\0".encode())
    here = Path(__file__)
    for source in (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po", here, here.with_name("i18n.py"), here.with_name("views.py")):
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(b"\0none\0")  # English has no catalogue
    prefix = f"{kind.__name__.lower()}-{language}-"
    folder = key_path().parent / "templates" / f"{prefix}{digest.hexdigest()[:32]}"
    if not folder.is_dir() and folder.parent.is_dir():
        week_ago = time.time() - 7 * 86400
        for old in folder.parent.glob(f"{prefix}*"):  # made for an earlier version (another checkout's may still be in use)
            try:
                if old.stat().st_mtime < week_ago:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError:
                pass
    return SealedBytecodeCache(folder)


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
    # A theme may link to a file elsewhere in its content folder (theme/templates/ → content/).
    roots = [*([Path(theme).parent.parent] if theme else []), BUILTIN_TEMPLATES, *OWN_FOLDERS]
    kind = jinja2.sandbox.SandboxedEnvironment if theme else jinja2.Environment
    env = kind(
        loader=ConfinedLoader(search, roots),
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n", ConstantGettext],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(kind, language),
    )
    env.install_gettext_translations(translations(language), newstyle=True)
    env.constant_gettext = translations(language).gettext  # type: ignore[attr-defined]  # see ConstantGettext
    # ``text | markdown(under=2)``: the text sits below an h2, so its top-most heading becomes an h3.
    env.filters["markdown"] = lambda text, under=1: jinja2.filters.Markup(render_markdown(text, under))
    env.filters["date"] = date_filter(language)
    env.filters["number"] = number_filter(language)
    env.filters.update(FILTERS)  # the web pages' formatting: map links, opening hours, JSON in scripts
    return env


def forget_environments() -> None:
    """Drop the kept environments, e.g. when a theme template appears that overrides a built-in one."""
    _environment.cache_clear()


def template_roots(theme: Path | None) -> list[Path]:
    """Return the folders templates come from: the theme's (when it has any), then the built-in ones."""
    folders = [theme / "templates"] if theme else []
    return [r.resolve() for r in (*folders, BUILTIN_TEMPLATES) if r.is_dir()]


def template_problem(exc: Exception, roots: list[Path]) -> Problem:
    """Turn a template or output error into a problem that points at the template line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "templates"
        return Problem(display_path(Path(where)), exc.lineno or 1, 1, "", say(TEMPLATE_ERROR, reason=exc.message))
    frame = _template_frame(exc, roots)
    message = say(TEMPLATE_ERROR, reason=str(exc)) if isinstance(exc, jinja2.TemplateError) else str(exc)
    if frame:
        return Problem(display_path(Path(frame[0])), frame[1], 1, "", message)
    return Problem("templates", 1, 1, "", message)


def _template_frame(exc: BaseException, roots: list[Path]) -> tuple[str, int] | None:
    """Return the template file and line where a rendering error happened (Jinja keeps them in the traceback)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(filename.startswith(str(root)) for root in roots):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
