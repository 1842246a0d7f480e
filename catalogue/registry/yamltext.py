"""YAML as the import writes it, and targeted edits that leave every other byte alone.

A new record is written whole, in the style of the demo catalogue. An existing one is
edited in place: only the text of the registry's values that changed is replaced,
so an editor's fields, comments, blank lines, quoting and key order survive byte for
byte. (A round-trip library such as ruamel.yaml re-emits the whole file and normalises
what it does not model; see ``benchmarks/bench_import.py`` for the comparison.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import yaml

try:  # the C composer; PyYAML wheels ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

INDENT = 2
FLOW_WIDTH = 100  # a list of ids longer than this is written one item a line

# Plain scalars that a YAML reader (or an editor) could take for something else.
_LOOKS_TYPED = re.compile(
    r"^(?:[-+]?[0-9][0-9_.:,]*|~|null|true|false|yes|no|on|off|y|n|ano|ne|\d{4}-\d{2}-\d{2}.*)$", re.IGNORECASE
)
_PLAIN_FORBIDDEN_START = set("-?:,[]{}#&*!|>'\"%@` ")


def scalar(value: Any, in_flow: bool = False) -> str:
    """Return ``value`` as one YAML scalar, quoted only when it has to be."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _needs_quotes(text, in_flow):
        return json.dumps(text, ensure_ascii=False)
    return text


def _needs_quotes(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _PLAIN_FORBIDDEN_START or _LOOKS_TYPED.match(text):
        return True
    if ": " in text or " #" in text or text.endswith(":") or "\n" in text or "\t" in text:
        return True
    if in_flow and any(c in text for c in ",[]{}"):
        return True
    return not text.isprintable()


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def value_text(value: Any, indent: int) -> str:
    """Return what follows ``key:`` for ``value`` whose key stands at column ``indent``."""
    if _is_scalar(value):
        return " " + scalar(value)
    if isinstance(value, list) and all(_is_scalar(v) for v in value):
        flow = "[" + ", ".join(scalar(v, in_flow=True) for v in value) + "]"
        if len(flow) + indent <= FLOW_WIDTH or not value:
            return " " + flow
        return "\n" + "".join(f"{' ' * (indent + INDENT)}- {scalar(v)}\n" for v in value).rstrip("\n")
    if isinstance(value, dict):
        return "\n" + mapping_text(value, indent + INDENT).rstrip("\n")
    return "\n" + sequence_text(value, indent + INDENT).rstrip("\n")


def flow_text(value: Any) -> str:
    """Return a value on one line: ``[a, b]``, ``{count: 3, unit: beds}`` or a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_text(v) for v in value) + "]"
    return scalar(value, in_flow=True)


def mapping_text(data: dict, indent: int = 0) -> str:
    """Return a block mapping at column ``indent``, one ``key: value`` a line, ending in a newline."""
    pad = " " * indent
    return "".join(f"{pad}{key}:{value_text(value, indent)}\n" for key, value in data.items())


def sequence_text(items: list, indent: int) -> str:
    """Return a block sequence of mappings (or scalars) with its dashes at column ``indent``."""
    out = []
    for item in items:
        if isinstance(item, dict) and item:
            body = mapping_text(item, indent + INDENT)
            out.append(" " * indent + "- " + body[indent + INDENT :])
        else:
            out.append(" " * indent + "- " + scalar(item) + "\n")
    return "".join(out)


def document(data: dict, header: str = "") -> str:
    """Return a whole record file: an optional comment header, then the fields."""
    return header + mapping_text(data)


# --- targeted edits -----------------------------------------------------------------------


@dataclass
class Edit:
    start: int
    end: int
    text: str
    order: int = 0  # edits at one offset keep the order they were made in


@dataclass
class Node:
    """A composed YAML node with the span of its own text (comments after it excluded)."""

    raw: yaml.Node
    text: str

    @property
    def start(self) -> int:
        return self.raw.start_mark.index

    @property
    def column(self) -> int:
        return self.raw.start_mark.column

    @property
    def end(self) -> int:
        """Return where the node's own text ends: after its last value and the rest of that line."""
        last = self.raw
        while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and not last.flow_style and last.value:
            last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
        end = last.end_mark.index
        if isinstance(last, yaml.ScalarNode) and last.style in ("|", ">"):
            return end  # a block scalar ends after its own line break
        newline = self.text.find("\n", end)
        return len(self.text) if newline < 0 else newline + 1

    def is_block(self) -> bool:
        return isinstance(self.raw, (yaml.MappingNode, yaml.SequenceNode)) and not self.raw.flow_style

    def get(self, key: str) -> tuple["Node", "Node"] | None:
        """Return (key node, value node) of ``key`` in a mapping."""
        if not isinstance(self.raw, yaml.MappingNode):
            return None
        for k, v in self.raw.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return Node(k, self.text), Node(v, self.text)
        return None

    def keys(self) -> list[str]:
        if not isinstance(self.raw, yaml.MappingNode):
            return []
        return [k.value for k, _ in self.raw.value if isinstance(k, yaml.ScalarNode)]

    def items(self) -> list["Node"]:
        if not isinstance(self.raw, yaml.SequenceNode):
            return []
        return [Node(v, self.text) for v in self.raw.value]


def compose(text: str) -> Node:
    """Return the root node of a YAML text, with positions."""
    return Node(yaml.compose(text, Loader=_Loader), text)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


@dataclass
class Editor:
    """Collect edits to one file's text and apply them at once (they never overlap)."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    _root: Node | None = None
    _flows: dict[int, tuple[Node, list]] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.edits or self._flows)

    def root(self) -> Node:
        """Return the root node, composed once and only when an edit needs positions (it costs ~2 ms a file)."""
        if self._root is None:
            self._root = compose(self.text)
        return self._root

    def set(self, mapping: Node, key: str, value: Any, order: Iterable[str] = ()) -> None:
        """Give ``key`` the value ``value``: replace its text, or insert it after the keys that precede it in ``order``."""
        if mapping.raw.flow_style and isinstance(mapping.raw, yaml.MappingNode):
            self._flow(mapping, key, value, list(order))
            return
        found = mapping.get(key)
        if found is not None:
            knode, vnode = found
            if vnode.is_block() or not (_is_scalar(value) or isinstance(value, list)):
                start = knode.start
                self.edits.append(Edit(start, vnode.end, f"{key}:{value_text(value, knode.column)}\n"))
            else:
                # a scalar or flow value: replace only the value, so a comment after it on the line stays
                inline = value_text(value, knode.column)
                if inline.startswith("\n"):
                    self.edits.append(Edit(knode.start, vnode.end, f"{key}:{inline}\n"))
                else:
                    end = vnode.raw.end_mark.index
                    self.edits.append(Edit(vnode.start, end, inline[1:]))
            return
        column = self._child_column(mapping)
        at = self._insert_at(mapping, key, list(order))
        self.edits.append(Edit(at, at, f"{' ' * column}{key}:{value_text(value, column)}\n"))

    def delete(self, mapping: Node, key: str) -> None:
        found = mapping.get(key)
        if found is None:
            return
        if mapping.raw.flow_style:
            self._flow(mapping, key, None, [])
            return
        knode, vnode = found
        self.edits.append(Edit(_line_start(self.text, knode.start), vnode.end, ""))

    def append_item(self, sequence: Node, item: dict) -> None:
        """Add a mapping at the end of a block sequence, with the dashes lined up with the others."""
        items = sequence.items()
        dash = items[0].column - INDENT if items else sequence.column
        at = items[-1].end if items else sequence.end
        self.edits.append(Edit(at, at, sequence_text([item], dash)))

    def delete_item(self, sequence: Node, index: int) -> None:
        items = sequence.items()
        item = items[index]
        self.edits.append(Edit(_line_start(self.text, item.start), item.end, ""))

    def apply(self) -> str:
        """Return the text with every edit made; edits are applied from the end so offsets hold."""
        text = self.text
        self.edits += [self._flow_edit(mapping, changes) for mapping, changes in self._flows.values()]
        self._flows = {}
        for i, edit in enumerate(self.edits):
            edit.order = i
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
            text = text[: edit.start] + edit.text + text[edit.end :]
        return text

    def _flow(self, mapping: Node, key: str, value: Any, order: list[str]) -> None:
        """Note a change of a one-line ``{a: 1, b: 2}``; all changes of one mapping become one edit."""
        self._flows.setdefault(mapping.start, (mapping, []))[1].append((key, value, order))

    def _flow_edit(self, mapping: Node, changes: list[tuple[str, Any, list[str]]]) -> Edit:
        """Rewrite a one-line mapping with its changes; the values that stay keep their text."""
        pairs = [(k.value, self.text[v.start_mark.index : v.end_mark.index]) for k, v in mapping.raw.value]
        for key, value, order in changes:
            new = None if value in (None, [], {}) else flow_text(value)
            keys = [k for k, _ in pairs]
            if key in keys:
                pairs = [(k, new if k == key else v) for k, v in pairs if not (k == key and new is None)]
            elif new is not None:
                if key in order:  # after the last key that comes before it, else first
                    before = order[: order.index(key)]
                    at = max((i + 1 for i, k in enumerate(keys) if k in before), default=0)
                else:
                    at = len(pairs)
                pairs.insert(at, (key, new))
        return Edit(mapping.start, mapping.raw.end_mark.index, "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}")

    def _child_column(self, mapping: Node) -> int:
        keys = mapping.raw.value if isinstance(mapping.raw, yaml.MappingNode) else []
        return keys[0][0].start_mark.column if keys else mapping.column

    def _insert_at(self, mapping: Node, key: str, order: list[str]) -> int:
        """Return the offset where a new ``key`` goes: after the last present key that ``order`` puts before it."""
        present = mapping.keys()
        before = order[: order.index(key)] if key in order else order
        previous = [k for k in present if k in before]
        if previous:
            _, vnode = mapping.get(previous[-1])  # type: ignore[misc]
            return vnode.end
        if present:
            first_key, _ = mapping.get(present[0])  # type: ignore[misc]
            return _line_start(self.text, first_key.start)
        return len(self.text)
