"""Strict YAML: libyaml parses, our own resolver and constructor build the tree.

What editors write must mean what it looks like. So, unlike PyYAML's defaults:

* every plain scalar stays text (``8:30`` is not 510, ``no`` is not False,
  ``00845451`` keeps its zeros, ``+420…`` is not a number); the model decides
  later whether a field wants a number, a date or a boolean, and a plain scalar
  is marked as :class:`Plain` so the model can tell ``12`` from ``"12"``;
* duplicate keys, unknown ``!!tags``, several documents, tabs and invalid UTF-8
  are errors with a position;
* aliases are allowed but the expanded tree is bounded, so an alias bomb fails
  fast instead of eating the machine;
* every mapping and sequence remembers where each of its values stands, so a
  validation error can point at the exact line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

try:  # the C parser is many times faster; PyYAML wheels ship it
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAX_NODES = 100_000  # far above any real record; an alias bomb exceeds it at once


# YAML allows tab, line feed and carriage return, and no other C0/C1 control character.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


class Plain(str):
    """A scalar written without quotes: the model may read it as a number, date or boolean."""

    __slots__ = ()


Position = tuple[int, int]


class Mapping(dict):
    """A YAML mapping that remembers the position of itself, its keys and its values."""

    __slots__ = ("start", "key_pos", "value_pos")

    def __init__(self, start: Position) -> None:
        super().__init__()
        self.start = start
        self.key_pos: dict[str, Position] = {}
        self.value_pos: dict[str, Position] = {}


class Sequence(list):
    """A YAML sequence that remembers the position of itself and of each item."""

    __slots__ = ("start", "item_pos")

    def __init__(self, start: Position) -> None:
        super().__init__()
        self.start = start
        self.item_pos: list[Position] = []


@dataclass(frozen=True)
class YamlError(Exception):
    """The file is not YAML we accept; line and column are 1-based."""

    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


_NULLS = frozenset(("~", "null", "Null", "NULL", ""))
_DEFAULT_TAGS = {ScalarNode: STR_TAG, SequenceNode: SEQ_TAG, MappingNode: MAP_TAG}


class _Resolver(BaseResolver):
    """Resolve plain scalars to text, except the YAML 1.2 spellings of null."""

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool] | None) -> str:
        if kind is ScalarNode and implicit and implicit[0] and value in _NULLS:
            return NULL_TAG
        return _DEFAULT_TAGS[kind]


class _Loader(_Parser, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


def _pos(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM allowed), or fail at the first bad byte with its position."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            line, column, f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"
        ) from None
    bad = _CONTROL_RE.search(text)
    if bad:
        offset = bad.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if bad.group() == "\x00":
            raise YamlError(line, column, "the file contains a NUL byte; is it a text file?")
        raise YamlError(line, column, f"an invisible control character (U+{ord(bad.group()):04X}); delete it")
    return text


def parse(data: bytes | str) -> Mapping | Sequence | str | None:
    """Parse one YAML document strictly; raise :class:`YamlError` on anything we refuse."""
    text = decode(data) if isinstance(data, bytes) else decode(data.encode("utf-8", "surrogatepass"))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _friendly(exc, text) from None
    except yaml.YAMLError as exc:  # reader errors carry no mark; keep the first line only
        raise YamlError(1, 1, f"YAML error: {str(exc).splitlines()[0]}") from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlError(1, 1, "the file is empty; it must hold one record")
    return _Builder().build(node)


class _Builder:
    """Turn composed nodes into Mapping / Sequence / str / Plain / None.

    This loop runs for every scalar of the national catalogue (about a million),
    so it is written flat: no helper calls on the common path.
    """

    def __init__(self) -> None:
        self.count = 0

    def build(self, node: yaml.Node):
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(*_pos(node), "the document expands to too many values (aliases nested too deep?)")
        cls = type(node)
        if cls is ScalarNode:
            return self._scalar(node)
        if cls is MappingNode:
            return self._mapping(node)
        if cls is SequenceNode:
            if node.tag != SEQ_TAG:
                _bad_tag(node)
            mark = node.start_mark
            seq = Sequence((mark.line + 1, mark.column + 1))
            positions = seq.item_pos
            for item in node.value:
                mark = item.start_mark
                positions.append((mark.line + 1, mark.column + 1))
                seq.append(self._scalar(item) if type(item) is ScalarNode else self.build(item))
            return seq
        raise YamlError(*_pos(node), f"unexpected YAML node {cls.__name__}")  # pragma: no cover

    def _scalar(self, node: ScalarNode):
        tag = node.tag
        if tag == STR_TAG:
            return node.value if node.style else Plain(node.value)
        if tag == NULL_TAG and not node.style:  # the C parser says "" for plain, the Python one None
            return None
        _bad_tag(node)

    def _mapping(self, node: MappingNode) -> Mapping:
        if node.tag != MAP_TAG:
            _bad_tag(node)
        mark = node.start_mark
        mapping = Mapping((mark.line + 1, mark.column + 1))
        key_pos = mapping.key_pos
        value_pos = mapping.value_pos
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise YamlError(*_pos(key_node), "a key must be a simple word, not a list or mapping")
            key = self._scalar(key_node)
            if key is None:
                raise YamlError(*_pos(key_node), "a key is missing before the colon")
            key = str(key)
            if key in mapping:
                first = key_pos[key]
                raise YamlError(
                    *_pos(key_node),
                    f'duplicate key "{key}" (first at line {first[0]}); remove one of them',
                )
            if key == "<<":
                raise YamlError(*_pos(key_node), "merge keys (<<) are not supported; write the fields out")
            mark = key_node.start_mark
            key_pos[key] = (mark.line + 1, mark.column + 1)
            mark = value_node.start_mark
            value_pos[key] = (mark.line + 1, mark.column + 1)
            if type(value_node) is ScalarNode:
                self.count += 1
                mapping[key] = self._scalar(value_node)
            else:
                mapping[key] = self.build(value_node)
        return mapping


def _bad_tag(node: yaml.Node):
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise YamlError(*_pos(node), f'the YAML tag "{tag}" is not supported; remove it')


def _friendly(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """Turn PyYAML's parser wording into a message an editor can act on."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    if at == "\t" or "'\\t'" in problem:
        return YamlError(line, column, "a tab character; indent YAML with spaces only")
    if "expected a single document" in problem or "but found another document" in problem:
        return YamlError(line, column, "a second document (---); one file holds one record")
    if "found unacceptable character" in problem or "special characters are not allowed" in problem:
        return YamlError(line, column, "a control character that YAML does not allow; delete it")
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return YamlError(line, column, "an alias (*name) that no &name defines above; define the anchor or write the value out")
    if "mapping values are not allowed" in problem:
        return YamlError(
            line,
            column,
            'a colon inside a value; put the value in quotes, e.g. name: "Poradna: dluhy"',
        )
    if "could not find expected ':'" in problem:
        return YamlError(line, column, "expected 'key: value' here; check the indentation and the colon")
    if "did not find expected key" in problem or "did not find expected '-' indicator" in problem:
        return YamlError(line, column, "the indentation does not line up with the lines above")
    if "found character that cannot start any token" in problem:
        return YamlError(line, column, f"the character {at!r} cannot start a value here; put the value in quotes")
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return YamlError(line, column, "a [list] or {mapping} written on one line is not closed; check the brackets and commas")
    text = problem or str(exc)
    return YamlError(line, column, f"YAML syntax error: {text}")
