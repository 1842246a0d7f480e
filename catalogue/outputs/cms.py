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

import datetime as dt
import logging
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel, TypeAdapter

from .. import vendor
from ..index import Catalogue
from ..model.fields import one_or_many
from ..model.hours import DAY_PATTERN, parse_day
from ..model.kinds import KINDS, RECORD_KINDS, REFERENCED, VOCABULARIES, VOCABULARY_FOLDER, RecordKind
from ..model.records import Site
from ..model.references import REFERENCES
from ..render.env import make_environment
from ..render.urls import relative, url_for
from ..validate.repository import github_repo, is_placeholder
from .context import OutputContext

log = logging.getLogger("catalogue")

CMS_PACKAGE = "decap-cms"  # in vendor/packages.json
URL = "/admin/"
START_SCRIPT = Path(__file__).with_name("cms_start.js")  # shows the plain message when Decap cannot start
WIDGETS_SCRIPT = Path(__file__).with_name("cms_widgets.js")  # our widgets, registered once Decap has loaded
ONE_OR_MANY = "one-or-many"

# Short labels where the first words of the description do not make one.
LABELS = {
    "kind": "Druh záznamu",
    "forms": "Formy poskytování",
    "level": "Úroveň",
    "paid": "Placená služba",
    "mon": "Pondělí", "tue": "Úterý", "wed": "Středa", "thu": "Čtvrtek", "fri": "Pátek", "sat": "Sobota", "sun": "Neděle",
    "lat": "Zeměpisná šířka",
    "lon": "Zeměpisná délka",
    "ico": "IČO",
    "registry_id": "Identifikátor v registru",
    "verified_max_age_months": "Stáří ověření (měsíce)",
}
OPTION_LABELS = {
    "registered": "registrovaná sociální služba", "related": "související aktivita",
    "region": "kraj", "district": "okres / ORP", "municipality": "obec", "city-district": "městský obvod / městská část",
    "part": "část obce", "neighbourhood": "čtvrť", "counselling": "poradenství", "care": "péče", "prevention": "prevence",
    "group": "podle skupiny služeb", "target_group": "podle cílové skupiny",
}
PATTERN_MESSAGE = "Hodnota nemá správný tvar; řiďte se nápovědou u pole."
_warned: set[str] = set()  # the live preview rebuilds often; say each missing package once


def write_admin(context: OutputContext) -> None:
    """Add ``/admin/``: Decap with its configuration, or a page that says why the form is off."""
    cat = context.catalogue
    config = cms_config(cat)
    missing = vendor.unavailable(CMS_PACKAGE) if config is not None else None
    if config is None or missing:
        if missing and missing not in _warned:
            _warned.add(missing)
            log.warning("warning: the web form at /admin/ is left out: %s", missing)
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
    collections = [folder_collection(kind, content, cat) for kind in RECORD_KINDS if not kind.editable]
    collections += [pages_collection(kind, content) for kind in RECORD_KINDS if kind.editable]
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


def folder_collection(kind: RecordKind, content: str, cat: Catalogue) -> dict[str, Any]:
    """Return one collection: a folder of YAML files whose names are the ids."""
    identifier = kind.title_field
    return {
        "name": kind.folder,
        "label": kind.label,
        "label_singular": kind.label_singular,
        "folder": f"{content}/{kind.folder}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "slug": "{{slug}}",
        "identifier_field": identifier,
        "summary": f"{{{{{identifier}}}}}",
        "sortable_fields": [identifier],
        "preview_path": url_for(kind.folder, "{{slug}}").lstrip("/"),
        "fields": model_fields(kind.written, kind.folder, cat),
    }


def pages_collection(kind: RecordKind, content: str) -> dict[str, Any]:
    """Return the collection of free pages: Markdown with front matter."""
    return {
        "name": kind.folder,
        "label": kind.label,
        "label_singular": kind.label_singular,
        "folder": f"{content}/{kind.folder}",
        "extension": kind.suffix.lstrip("."),
        "format": "frontmatter",
        "create": True,
        "slug": "{{slug}}",
        "identifier_field": kind.title_field,
        "summary": f"{{{{{kind.title_field}}}}}",
        "fields": [
            *model_fields(kind.written, kind.folder, None),
            {"name": "body", "label": "Text stránky", "widget": "markdown"},
        ],
    }


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


# --- from a model to widgets ------------------------------------------------------


def model_fields(model: type[BaseModel], kind: str, cat: Catalogue | None, prefix: str = "") -> list[dict[str, Any]]:
    """Return the CMS fields of a model; ``prefix`` is the path so far, as in REFERENCES."""
    hints = typing.get_type_hints(model, include_extras=True)
    references = dict(REFERENCES.get(kind, []))
    out = []
    for name, info in model.model_fields.items():
        if name in ("id", "body", "source"):
            continue  # the id is the file name; a body is the text below; the import alone writes source (kept on save)
        description = info.description or ""
        spec: dict[str, Any] = {"name": name, "label": label(name, description)}
        if description and description != spec["label"]:
            spec["hint"] = description
        spec.update(widget(hints[name], f"{prefix}{name}", kind, references, cat, description, info.metadata))
        if not info.is_required():
            spec["required"] = False
            if isinstance(info.default, bool):
                spec["default"] = info.default
        out.append(spec)
    return out


def widget(
    annotation: Any,
    path: str,
    kind: str,
    references: dict[str, str],
    cat: Catalogue | None,
    description: str,
    constraints: list[Any],
) -> dict[str, Any]:
    """Return the widget options for one field's type."""
    inner, metadata = _unwrap(annotation)
    if any(getattr(m, "func", None) is parse_day for m in metadata):
        return {"widget": "string", "pattern": [DAY_PATTERN, "např. 8:00-12:00, 13:00-16:00; closed = zavřeno; nonstop"]}
    if any(getattr(m, "func", None) is one_or_many for m in metadata):
        return one_or_many_widget(get_args(inner)[0], description)
    origin = get_origin(inner)
    if origin is list:
        (item,) = get_args(inner)
        return list_widget(item, path, kind, references, cat, description)
    if path in references:
        return reference_widget(references[path], cat, multiple=False)
    if get_origin(inner) is Literal:
        return select_widget(get_args(inner), path, cat, multiple=False)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(inner, kind, cat, f"{path}.")}
    if inner is bool:
        return {"widget": "boolean"}
    if inner is int:
        return {"widget": "number", "value_type": "int", **_bounds(constraints)}
    if inner is float:
        return {"widget": "number", "value_type": "float", **_bounds(constraints)}
    if inner is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if "(Markdown)" in description:
        return {"widget": "markdown"}
    spec: dict[str, Any] = {"widget": "string"}
    pattern = _pattern(annotation, constraints)
    if pattern:
        spec["pattern"] = [pattern, PATTERN_MESSAGE]
    return spec


def list_widget(item: Any, path: str, kind: str, references: dict[str, str], cat: Catalogue | None, description: str) -> dict[str, Any]:
    """Return a widget for a list: of ids, of choices, of objects, or of text."""
    key = f"{path}[]"
    inner, _ = _unwrap(item)
    if key in references:
        return reference_widget(references[key], cat, multiple=True)
    if get_origin(inner) is Literal:
        return select_widget(get_args(inner), key, cat, multiple=True)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "list", "collapsed": True, "fields": model_fields(inner, kind, cat, f"{key}.")}
    field: dict[str, Any] = {"name": "value", "label": "Hodnota", "widget": "string"}
    pattern = _pattern(item, [])
    if pattern:
        field["pattern"] = [pattern, PATTERN_MESSAGE]
    return {"widget": "list", "field": field}


def one_or_many_widget(item: Any, description: str) -> dict[str, Any]:
    """Return a text field for "one value or a list" (phones, e-mails): values separated by commas.

    Decap's list widget fails on a single value, which is how editors write most
    phones; ``one-or-many`` (``cms_widgets.js``) shows either as text and saves
    one value as a value, several as a list.
    """
    spec: dict[str, Any] = {"widget": ONE_OR_MANY, "hint": f"{description}; více hodnot oddělte čárkou"}
    pattern = _pattern(item, [])
    if pattern:
        one = pattern.removeprefix("^").removesuffix("$")
        spec["pattern"] = [rf"^(?:{one})(?:\s*,\s*(?:{one}))*$", PATTERN_MESSAGE + " Více hodnot oddělte čárkou."]
    return spec


def reference_widget(what: str, cat: Catalogue | None, multiple: bool) -> dict[str, Any]:
    """Return a relation widget for records, a select widget for vocabulary terms."""
    folder = REFERENCED[what]
    if folder != VOCABULARY_FOLDER:
        shown = KINDS[folder].title_field
        return {
            "widget": "relation",
            "collection": folder,
            "value_field": "{{slug}}",
            "search_fields": [shown],
            "display_fields": [shown],
            "multiple": multiple,
        }
    terms = _vocabulary(what, cat)
    return {"widget": "select", "multiple": multiple, "options": [{"label": t.name, "value": tid} for tid, t in sorted(terms.items())]}


def select_widget(values: tuple[str, ...], path: str, cat: Catalogue | None, multiple: bool) -> dict[str, Any]:
    """Return a select widget for a fixed list of values; forms are labelled from their vocabulary."""
    forms = cat.vocab.forms if cat is not None and path == "forms[]" else {}
    options = [{"label": forms[v].name if v in forms else OPTION_LABELS.get(v, v), "value": v} for v in values]
    spec: dict[str, Any] = {"widget": "select", "options": options}
    if multiple:
        spec["multiple"] = True
    return spec


def label(name: str, description: str) -> str:
    """Return a short Czech label: the first words of the description, up to a comma or bracket."""
    if name in LABELS:
        return LABELS[name]
    short = re.split(r" \(|, |; |: | = |…|\. | ze slovníku | ze složky ", description, maxsplit=1)[0].strip()
    return short or name


def _vocabulary(what: str, cat: Catalogue | None) -> dict[str, Any]:
    if cat is None:
        return {}
    return next(cat.vocab.terms[v.file] for v in VOCABULARIES if v.referenced_as == what)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``Optional`` and ``Annotated``; return the bare type and the Annotated metadata."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def _pattern(annotation: Any, constraints: list[Any]) -> str | None:
    for item in constraints:
        if getattr(item, "pattern", None):
            return item.pattern
    try:
        schema = TypeAdapter(_strip_optional(annotation)).json_schema()
    except Exception:  # a type without a JSON schema has no pattern to offer
        return None
    pattern = schema.get("pattern")
    return pattern if isinstance(pattern, str) else None


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return annotation


def _bounds(constraints: list[Any]) -> dict[str, Any]:
    out = {}
    for item in constraints:
        if hasattr(item, "ge"):
            out["min"] = item.ge
        if hasattr(item, "le"):
            out["max"] = item.le
    return out


# --- files --------------------------------------------------------------------------


def dump_config(config: dict[str, Any]) -> str:
    """Return the configuration as YAML with a header saying where it comes from."""
    header = (
        "# Generated by `python build.py build` from the models (catalogue/outputs/cms.py).\n"
        "# Do not edit: change the models or cms.py and build again.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


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
