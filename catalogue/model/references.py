"""Which fields name which records; schema knowledge shared by checks and editor schemas."""

from __future__ import annotations

from collections.abc import Iterable

from .kinds import RECORD_KINDS, REFERENCED

#: kind of file → (path of the field, what it names); the rows of :mod:`.kinds` declare them.
REFERENCES: dict[str, list[tuple[str, str]]] = {kind.folder: list(kind.references) for kind in RECORD_KINDS}
#: What each kind of reference names, as a folder of content (vocabularies for terms).
FOLDER = REFERENCED

Reference = tuple[str, str, tuple, object]  # (field path, what, loc, value)


def walk(data: object, path: str, loc: tuple = ()) -> Iterable[tuple[tuple, object]]:
    """Yield (loc, value) for a path like ``locations[].locality`` in a parsed file."""
    if not path:
        yield loc, data
        return
    head, _, rest = path.partition(".")
    many = head.endswith("[]")
    name = head.removesuffix("[]")
    if not isinstance(data, dict) or name not in data:
        return
    value = data[name]
    if many:
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, rest, (*loc, name, i))
        elif isinstance(value, dict) and rest:  # one item written without the list (capacity: {…})
            yield from walk(value, rest, (*loc, name))
    else:
        yield from walk(value, rest, (*loc, name))


def references(kind: str, data: object) -> list[Reference]:
    """Return every id a parsed file names, with where it stands."""
    return [
        (path, what, loc, str(value) if isinstance(value, str) else value)
        for path, what in REFERENCES.get(kind, [])
        for loc, value in walk(data, path)
    ]


def facts(kind: str, data: object) -> list[Reference]:
    """Return what the cross-record checks need of a file: its references and unique ids."""
    found = references(kind, data)
    if kind == "services" and isinstance(data, dict) and isinstance(data.get("registry_id"), str):
        found.append(("registry_id", "registry id", ("registry_id",), str(data["registry_id"])))
    source = data.get("source") if isinstance(data, dict) else None
    if kind == "services" and isinstance(source, dict) and isinstance(source.get("portal_id"), str):
        found.append(("source.portal_id", "registration", ("source", "portal_id"), str(source["portal_id"])))
    if kind == "localities" and isinstance(data, dict) and isinstance(data.get("code"), str):
        level = data.get("level") if isinstance(data.get("level"), str) else ""
        found.append(("code", f"{level} code", ("code",), str(data["code"])))
    return found
