"""A web form for editors who never touch YAML: Decap CMS at ``/admin/``, configured from the models.

The configuration is generated at build time, so it cannot drift from the models:
one folder collection per kind of record (the file name is the id), relation
widgets for ids of other records, select widgets for vocabulary ids with the
current terms as options, and the editorial workflow, which turns every saved
edit into a pull request that ``check --strict`` reviews like any other.

Decap's script is served from the site itself (``catalogue.vendor``: pinned,
installed by setup, copied in only when the form is written), never from a CDN.
Why Decap and not Sveltia CMS, by measurement (README, "The web form"): Sveltia
is lighter and faster, but offline it fetches its Czech texts, its fonts and
icons from CDNs and shows English, and it ignores ``locale`` and the local
``decap-server`` backend; Decap shows its Czech login screen with no request
leaving the site.

When the form cannot work, ``/admin/`` says so in plain words instead of being
blank: no GitHub repository, the demo's example repository, Decap not installed
when the site was built, or (in the browser, ``cms_start.js``) a script that does
not load or fails to start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from ..messages.commands import CMS_OFF, WARNING_LABEL
from ..messages.core import say
from .. import vendor
from ..index import Catalogue
from ..model.kinds import RECORD_KINDS, RecordKind
from ..model.records import Site
from ..render.env import make_environment
from ..render.urls import relative, url_for
from ..validate.repository import github_repo, is_placeholder
from .cms_fields import model_fields
from .cms_plans import choices, plan_collections, with_plan_choices
from .context import OutputContext

log = logging.getLogger("catalogue")

CMS_PACKAGE = "decap-cms"  # in vendor/packages.json
URL = "/admin/"
START_SCRIPT = Path(__file__).with_name("cms_start.js")  # shows the plain message when Decap cannot start
WIDGETS_SCRIPT = Path(__file__).with_name("cms_widgets.js")  # our widgets, registered once Decap has loaded
# libyaml's emitter where PyYAML has it: the same bytes (the golden site and the national
# configuration compared) in a quarter of the time, 0.98 -> 0.22 s for the national one.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_warned: set[str] = set()  # the live preview rebuilds often; say each missing package once


def write_admin(context: OutputContext) -> None:
    """Add ``/admin/``: Decap with its configuration, or a page that says why the form is off."""
    cat = context.catalogue
    config = cms_config(cat)
    missing = vendor.unavailable(CMS_PACKAGE) if config is not None else None
    if config is None or missing:
        if missing and missing not in _warned:
            _warned.add(missing)
            log.warning(say(WARNING_LABEL, message=say(CMS_OFF, reason=missing)))
        reason = why_no_form(cat) or "not-installed"
        log.info("the web form at /admin/ is off (%s)", reason)
        context.tree.add(URL, admin_page(cat, context.theme, reason=reason), "CMS page")
        return
    assets = vendor.copy_into(context.tree, CMS_PACKAGE)
    context.tree.add(f"{URL}config.yml", dump_config(config), "CMS configuration")
    context.tree.add(f"{URL}start.js", START_SCRIPT.read_bytes(), "CMS page")
    context.tree.add(f"{URL}widgets.js", WIDGETS_SCRIPT.read_bytes(), "CMS page")
    context.tree.add(URL, admin_page(cat, context.theme, script=assets.scripts[0]), "CMS page")


def why_no_form(cat: Catalogue) -> str | None:
    """Return why no CMS configuration can be written ("no-repository", "not-github", "placeholder"), or None."""
    repository = cat.site.repository
    if repository is None:
        return "no-repository"
    repo = github_repo(repository.url)
    if repo is None:
        return "not-github"
    return "placeholder" if is_placeholder(repo) else None


def cms_config(cat: Catalogue) -> dict[str, Any] | None:
    """Return the Decap CMS configuration, or None without a real GitHub repository to edit."""
    repository = cat.site.repository
    if repository is None or why_no_form(cat) is not None:
        return None
    repo = github_repo(repository.url)
    content = repository.content_path.strip("/")
    shown = [kind for kind in RECORD_KINDS if kind.form]
    collections = [folder_collection(kind, content, cat) for kind in shown if not kind.editable and not kind.nested]
    collections += plan_collections([kind for kind in shown if kind.nested], content, cat, model_fields, collection)
    collections += [pages_collection(kind, content, cat) for kind in shown if kind.editable]
    collections.append(site_collection(content, cat))
    return {
        "backend": {"name": "github", "repo": repo, "branch": repository.branch, "open_authoring": True},
        "publish_mode": "editorial_workflow",
        "local_backend": True,  # only on localhost: `npx decap-server` edits the working copy
        "locale": cat.site.language,
        "site_url": cat.site.base_url,
        "display_url": cat.site.base_url,
        "media_folder": f"{content}/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": False},
        "collections": collections,
    }


def collection(kind: RecordKind, content: str, fields: list[dict[str, Any]], **replace: Any) -> dict[str, Any]:
    """Return a folder collection of ``kind`` whose file names are the ids (``replace`` overrides a key)."""
    return {
        "name": kind.folder, "label": kind.label, "label_singular": kind.label_singular, "folder": f"{content}/{kind.folder}",
        "extension": kind.suffix.lstrip("."), "format": "frontmatter" if kind.editable else "yaml", "create": True,
        "slug": "{{slug}}", "identifier_field": kind.title_field, "summary": f"{{{{{kind.title_field}}}}}",
        **replace, "fields": fields,
    }


def folder_collection(kind: RecordKind, content: str, cat: Catalogue) -> dict[str, Any]:
    """Return one collection: a folder of YAML files whose names are the ids."""
    fields = with_plan_choices(model_fields(kind.written, kind.folder, cat), kind.folder, choices(cat), content)
    preview = {"preview_path": url_for(kind.folder, "{{slug}}").lstrip("/")} if kind.section else {}
    return collection(kind, content, fields, sortable_fields=[kind.title_field], **preview)


def pages_collection(kind: RecordKind, content: str, cat: Catalogue | None = None) -> dict[str, Any]:
    """Return a collection of Markdown with front matter: the free pages, the news."""
    fields = model_fields(kind.written, kind.folder, None)
    body = kind.model.model_fields["body"].description or "Text"
    fields = with_plan_choices(fields, kind.folder, choices(cat), content) if cat is not None else fields
    return collection(kind, content, [*fields, {"name": "body", "label": body.removesuffix(" (Markdown)"), "widget": "markdown"}])


def site_collection(content: str, cat: Catalogue) -> dict[str, Any]:
    """Return the settings of the whole catalogue: ``site.yaml`` as a single-file collection."""
    return {
        "name": "site",
        "label": "Nastavení katalogu",
        "editor": {"preview": False},
        "files": [
            {
                "name": "site",
                "label": "Nastavení katalogu (site.yaml)",
                "file": f"{content}/site.yaml",
                "format": "yaml",
                "fields": model_fields(Site, "site", cat),
            }
        ],
    }


def dump_config(config: dict[str, Any]) -> str:
    """Return the configuration as YAML with a header saying where it comes from."""
    header = (
        "# Generated by `python build.py build` from the models (catalogue/outputs/cms.py).\n"
        "# Do not edit: change the models or cms.py and build again.\n"
    )
    return header + yaml.dump(config, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000)


def admin_page(cat: Catalogue, theme: Path | None, script: str | None = None, reason: str | None = None) -> str:
    """Return ``admin/index.html``: the page that starts Decap (``script``), or says why it cannot (``reason``)."""
    env = make_environment(cat.site.language, theme / "templates" if theme else None)
    repository = cat.site.repository
    return env.get_template("admin/index.html").render(
        site=cat.site,
        reason=reason,
        url=repository.url if repository else "",
        script=relative(URL, script) if script else None,
        home=relative(URL, "/"),
    )
