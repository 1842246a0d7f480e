"""``catalogue new service|provider|locality|life-situation``: a new record file, valid and commented.

The few required values come from options, or are asked for when the command
runs in a terminal. Every other field is written as a comment with its Czech
description (from the models), so the editor sees what can be filled in. The
file passes ``check`` as written; ``verified`` stays commented out, because only a
person who checked the record with the provider may set it.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..messages import commands as said
from ..messages.checks import NOUNS
from ..messages.core import say
from ..messages.fields import DID_YOU_MEAN, TOO_LONG
from ..errors import EXIT_OK, EXIT_USAGE, display_path
from ..load.content import ID_MAX, SLUG_RE
from ..model.fields import NAME_MAX
from ..model.kinds import RECORD_KINDS, RecordKind
from ..model.records import LEVELS
from ..report import Reporter
from ..validate.stage import check_content

ID_FROM_NAME = 60  # characters of an id made from a name: whole words, cut after the last that fits

#: What ``new`` creates: "service" → its kind (the registry's rows that are offered).
NEW_KINDS: dict[str, RecordKind] = {kind.name: kind for kind in RECORD_KINDS if kind.new}
# Required fields, in the order they are asked for, with the prompt (other kinds: the model's required fields).
REQUIRED = {
    "service": [("name", "Název služby"), ("provider", "Poskytovatel (id)"), ("type", "Druh služby (id)")],
    "provider": [("name", "Název poskytovatele")],
    "locality": [("name", "Název lokality"), ("level", f"Úroveň ({', '.join(LEVELS)})")],
    "life-situation": [("title", "Název životní situace")],
}
# Optional fields written with a value that helps (not commented out).
EXAMPLES = {
    "life-situation": {"text": "|\n  Co dělat a kam se obrátit: napište rady pro občany.\n"},
}


class ScaffoldError(Exception):
    """A value the editor gave cannot make a valid file; the message says which and why."""


@dataclass
class Known:
    """Ids that exist in the content now, to check references before writing."""

    providers: set[str]
    localities: set[str]
    service_types: dict[str, str | None]  # id → § (None for related activities)


def run(args: argparse.Namespace, reporter: Reporter, ask: Callable[[str], str] | None = None) -> int:
    """Run ``new``: gather values, write the file, check it; exit codes as the other commands."""
    values = {k: v for k, v in {
        "name": args.name, "title": args.title, "provider": args.provider, "type": args.type,
        "kind": args.record_kind, "level": args.level, "parent": args.parent,
    }.items() if v}
    if ask is None and sys.stdin.isatty():
        ask = input
    known = known_ids(args.content)
    try:
        for name, prompt in required_fields(args.kind):
            if name not in values:
                if ask is None:
                    raise ScaffoldError(say(said.NEW_REQUIRED_OPTION, name=name))
                answer = ask(f"{prompt}: ").strip()
                if not answer:
                    raise ScaffoldError(say(said.NEW_REQUIRED, name=name))
                values[name] = answer
        path = new_record(args.content, args.kind, values, args.id, known)
    except ScaffoldError as exc:
        reporter.error(exc.args[0])
        return EXIT_USAGE
    reporter.info(say(said.CREATED, path=display_path(path)))
    return EXIT_OK


def required_fields(kind: str) -> list[tuple[str, str]]:
    """Return the fields ``new`` asks for, in order, with their prompts."""
    if kind in REQUIRED:
        return REQUIRED[kind]
    model = NEW_KINDS[kind].model
    return [(name, info.description or name) for name, info in model.model_fields.items() if info.is_required() and name != "id"]


def known_ids(content: Path) -> Known:
    """Return the ids a new record may name."""
    catalogue = check_content(content).catalogue
    if catalogue is None:
        return Known(set(), set(), {})
    types = {tid: t.paragraph for tid, t in catalogue.vocab.service_types.items()}
    return Known(set(catalogue.providers), set(catalogue.localities), types)


def new_record(content: Path, kind: str, values: dict[str, str], ident: str | None, known: Known) -> Path:
    """Write the new file and return its path; refuse to overwrite or to name what does not exist."""
    folder = NEW_KINDS[kind].folder
    for name in ("name", "title"):
        if len(values.get(name, "")) > NAME_MAX:
            raise ScaffoldError(say(said.NEW_TOO_LONG, name=name, reason=say(TOO_LONG, length=len(values[name]), limit=NAME_MAX)))
    if ident is not None and len(ident) > ID_MAX:
        raise ScaffoldError(say(said.NEW_LONG_ID, length=len(ident), limit=ID_MAX))
    ident = ident or shorten_id(slugify(values.get("name") or values.get("title") or ""))
    if not SLUG_RE.match(ident):
        raise ScaffoldError(say(said.NEW_BAD_ID, value=ident))
    path = content / folder / NEW_KINDS[kind].file_name(ident)
    if path.exists():
        raise ScaffoldError(say(said.NEW_EXISTS, path=display_path(path)))
    _check_references(kind, values, known)
    if kind == "service" and "kind" not in values:
        values["kind"] = "registered" if known.service_types.get(values["type"]) else "related"
    text = render(kind, values)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(say(said.NEW_EXISTS, path=display_path(path))) from None
    except OSError as exc:
        raise ScaffoldError(say(said.NEW_CANNOT_WRITE, path=display_path(path), reason=exc.strerror)) from None
    return path


def _check_references(kind: str, values: dict[str, str], known: Known) -> None:
    checks = {
        "provider": (known.providers, "provider", "providers/"),
        "type": (set(known.service_types), "service type", "vocabularies/service-types.yaml"),
        "parent": (known.localities, "locality", "localities/"),
    }
    for name, (ids, what, where) in checks.items():
        value = values.get(name)
        if value is None:
            continue
        if value not in ids:
            close = difflib.get_close_matches(value, sorted(ids), n=1, cutoff=0.6)
            hint = say(DID_YOU_MEAN, name=close[0]) if close else say(said.SEE, where=where)
            raise ScaffoldError(say(said.NEW_NO_REFERENCE, what=say(NOUNS[what]), value=value, hint=hint))
    level = values.get("level")
    if kind == "locality" and level not in LEVELS:
        raise ScaffoldError(say(said.NEW_BAD_LEVEL, value=level, levels=", ".join(LEVELS[:-1]), last=LEVELS[-1]))


def render(kind: str, values: dict[str, str]) -> str:
    """Return the file: required values filled in, every other field a comment with its description."""
    model = NEW_KINDS[kind].model
    title = _TITLES.get(kind) or f"Nový záznam ({NEW_KINDS[kind].label_singular})"
    lines = [
        f"# {title} — vytvořeno příkazem `python build.py new {kind}`.",
        "# Řádky s # na začátku jsou komentáře. Chcete-li pole vyplnit, smažte # a mezeru za ním",
        "# a napište hodnotu. Co které pole znamená, popisuje příručka docs/editors-guide.md.",
        "",
    ]
    examples = EXAMPLES.get(kind, {})
    for name, info in model.model_fields.items():
        if name == "id":
            continue
        description = info.description or ""
        if name in values:
            lines.append(f"{name}: {scalar(values[name])}  # {description}")
        elif name in examples:
            lines.append(f"# {description}")
            lines.append(f"{name}: {examples[name]}".rstrip("\n"))
        else:
            example = _PLACEHOLDERS.get(name, "…")
            if "\n" in example:  # a block: its description goes above, where it cannot be mistaken for data
                lines.append(f"# {description}:")
                lines.append(f"# {name}: {example}".replace(": \n", ":\n"))
            else:
                lines.append(f"# {name}: {example}  # {description}")
    return "\n".join(lines) + "\n"


_TITLES = {"service": "Nová služba", "provider": "Nový poskytovatel", "locality": "Nová lokalita", "life-situation": "Nová životní situace"}
_PLACEHOLDERS = {
    "verified": "2026-01-31", "ico": '"00000000"', "registry_id": '"1234567"', "forms": "[outpatient]",
    "target_groups": "[seniori]", "area": "[id-lokality]", "languages": "[cs]", "life_situations": "[id-situace]",
    "services": "[id-sluzby]", "order": "100", "parent": "id-nadrazene-lokality", "code": '"500000"',
    "legal_form": "spolek", "summary": "Jedna věta: komu a s čím služba pomáhá.",
    "description": "|\n#   Popis v několika větách.",
    "contacts": "{phone: +420 123 456 789, email: info@example.org, web: https://www.example.org}",
    "address": "{street: Masarykova, number: \"1\", city: Obec, postcode: \"123 45\"}",
    "age": "{min: 18}", "capacity": "{count: 10, unit: clients}", "fees": "{paid: false}",
    "centroid": "{lat: 50.0, lon: 14.4}", "gathers": "{types: [id-druhu], target_groups: [id-skupiny]}",
    "locations": "\n#   - name: Pracoviště\n#     address: {street: Masarykova, number: \"1\", city: Obec, postcode: \"123 45\"}\n#     locality: id-lokality\n#     hours: {mon: 8:00-12:00, wed: 13:00-17:00}",
}


def scalar(value: str) -> str:
    """Return a YAML scalar that our strict loader reads back as exactly ``value``."""
    plain = re.fullmatch(r"[A-Za-zÀ-ž0-9][^:#\n\"'{}\[\],&*!|>%@`]*", value) and not value.endswith(" ")
    return value if plain else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shorten_id(ident: str, limit: int = ID_FROM_NAME) -> str:
    """Return ``ident`` cut to at most ``limit`` characters after a whole word (``azylovy-dum-…``)."""
    if len(ident) <= limit:
        return ident
    cut = ident[: limit + 1].rsplit("-", 1)[0] if "-" in ident[: limit + 1] else ident[:limit]
    return cut[:limit].strip("-")


def slugify(text: str) -> str:
    """Return an id made from a name: ``Azylový dům Lysá`` → ``azylovy-dum-lysa``."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", folded))
