"""What a change of files touches: which templates use a changed one, what the browser is told, what is ignored."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta

from ..errors import display_path
from ..render.plan import PagePlan
from ..render.static import STATIC_DIR

_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", ".part", ".crdownload", "~")


def templates_names(roots: list[Path], paths: set[Path]) -> set[str]:
    """Return the template names (``service.html``) of changed template files."""
    names = set()
    for path in paths:
        for root in roots:
            if under(path, root):
                names.add(path.relative_to(root).as_posix())
                break
    return names


def affected_templates(roots: list[Path], paths: set[Path]) -> set[str]:
    """Return the changed templates and every template that extends, includes or imports them."""
    changed = templates_names(roots, paths)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(r) for r in roots]), extensions=["jinja2.ext.i18n"])
    users: dict[str, set[str]] = {}
    dynamic: set[str] = set()
    for name in env.list_templates(filter_func=lambda n: n.endswith((".html", ".xml", ".j2", ".txt"))):
        try:
            source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
            referenced = set(jinja2.meta.find_referenced_templates(env.parse(source)))
        except jinja2.TemplateError:
            dynamic.add(name)  # a template that does not parse: render it again to show its error
            continue
        if None in referenced:
            dynamic.add(name)  # a computed template name: assume it may use anything
        for target in referenced - {None}:
            users.setdefault(target, set()).add(name)
    affected = set(changed)
    stack = list(changed)
    while stack:
        for user in users.get(stack.pop(), ()):
            if user not in affected:
                affected.add(user)
                stack.append(user)
    return affected | (dynamic if changed else set())


def classify(paths: set[Path], template_roots: list[Path], content: Path, theme: Path) -> tuple[set[Path], set[Path], set[Path]]:
    """Split changed paths into templates, static files and content files; ignore the rest."""
    templates: set[Path] = set()
    static: set[Path] = set()
    files: set[Path] = set()
    for path in paths:
        if any(under(path, root) for root in template_roots):
            templates.add(path)
        elif under(path, STATIC_DIR.resolve()) or under(path, theme / "static"):
            static.add(path)
        elif under(path, content) and not under(path, theme):
            files.add(path)
    return templates, static, files


def touches(plan: PagePlan, keys: set[str], templates: set[str]) -> bool:
    """Return whether changed ``keys`` (expanded) or changed ``templates`` make the page stale."""
    return "*" in keys or (bool(keys) and "*" in plan.depends) or bool(plan.depends & keys) or plan.template in templates


def reload_path(static: set[Path], templates: set[Path], content: set[Path]) -> str:
    """Return what to tell the browser: a stylesheet alone is swapped in place, anything else reloads the page."""
    if static and not templates and not content and all(p.suffix == ".css" for p in static):
        return f"static/{sorted(static)[0].name}"
    return "*"


def ignored(path: Path) -> bool:
    """Return whether a changed file is an editor's temporary file, not content."""
    name = path.name
    return name.startswith((".", "#")) or name.endswith(_IGNORED_SUFFIXES) or name == "4913"  # vim's write test


def under(path: Path, root: Path) -> bool:
    """Return whether ``path`` is ``root`` or lies below it."""
    return path == root or root in path.parents


def shown(content: Path, path: Path) -> str:
    """Return a changed file as the terminal shows it: relative to the content, else to the working folder."""
    try:
        return path.relative_to(content.resolve()).as_posix()
    except ValueError:
        return display_path(path)
