"""The catalogue's repository: which GitHub repository the web form edits, and the example one it must not.

The demo and the example in the guide name repositories that belong to nobody
(``example/katalog-polabi``, ``mesto/katalog``). A catalogue copied from the demo keeps that
address until someone changes it; a web form configured with it would send
editors to sign in to a repository that is not theirs. So the build writes no CMS
configuration for such an address, and ``check`` says why — except on a site
marked ``demo: true``, which is allowed to be an example.
"""

from __future__ import annotations

import re

from ..messages.checks import EXAMPLE_REPOSITORY
from ..messages.core import say
from ..errors import Problems
from ..load.content import Document
from ..model.records import Site
from .records import dotted, position

# The demo's repository (content/site.yaml) and the example in the field's description and the guide.
PLACEHOLDERS = frozenset({"example/katalog-polabi", "mesto/katalog"})
_GITHUB_RE = re.compile(r"^https?://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")


def github_repo(url: str) -> str | None:
    """Return ``owner/name`` of a GitHub repository URL, or None for any other host."""
    match = _GITHUB_RE.match(url.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else None


def is_placeholder(repo: str) -> bool:
    """Return whether ``owner/name`` is one of the example repositories of the demo and the guide."""
    return repo.lower() in PLACEHOLDERS


def check_repository(site: Site, doc: Document, problems: Problems) -> None:
    """Warn when ``repository.url`` is still the example address (a demo may keep it)."""
    if site.repository is None or site.demo:
        return
    repo = github_repo(site.repository.url)
    if repo is None or not is_placeholder(repo):
        return
    loc = ("repository", "url")
    line, column = position(doc.data, loc)
    problems.warning(
        doc.path, line, column, dotted(loc), say(EXAMPLE_REPOSITORY, url=site.repository.url),
    )
