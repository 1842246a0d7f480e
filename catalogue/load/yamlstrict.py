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
    from yaml import CParser as _Parser

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


class _Resolver(BaseResolver):
    """Resolve plain scalars to text, except the YAML 1.2 spellings of null."""

    yaml_implicit_resolvers: dict = {}


_Resolver.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


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
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise YamlError(line, offset - (text.rfind("\n", 0, offset) + 1) + 1, "the file contains a NUL byte; is it a text file?")
    return text


def parse(data: bytes | str) -> Mapping | Sequence | str | None:
    """Parse one YAML document strictly; raise :class:`YamlError` on anything we refuse."""
    text = decode(data) if isinstance(data, bytes) else data
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _friendly(exc) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark are rare
        raise YamlError(1, 1, str(exc)) from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlError(1, 1, "the file is empty; it must hold one record")
    return _Builder().build(node)


class _Builder:
    """Turn composed nodes into Mapping / Sequence / str / Plain / None."""

    def __init__(self) -> None:
        self.count = 0

    def build(self, node: yaml.Node):
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(*_pos(node), "the document expands to too many values (aliases nested too deep?)")
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            self._check_tag(node, SEQ_TAG)
            seq = Sequence(_pos(node))
            for item in node.value:
                seq.item_pos.append(_pos(item))
                seq.append(self.build(item))
            return seq
        if isinstance(node, MappingNode):
            return self._mapping(node)
        raise YamlError(*_pos(node), f"unexpected YAML node {type(node).__name__}")  # pragma: no cover

    def _scalar(self, node: ScalarNode):
        if node.tag == NULL_TAG and node.style is None:
            return None
        self._check_tag(node, STR_TAG)
        return Plain(node.value) if node.style is None else node.value

    def _mapping(self, node: MappingNode) -> Mapping:
        self._check_tag(node, MAP_TAG)
        mapping = Mapping(_pos(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlError(*_pos(key_node), "a key must be a simple word, not a list or mapping")
            key = self._scalar(key_node)
            if key is None:
                raise YamlError(*_pos(key_node), "a key is missing before the colon")
            key = str(key)
            if key == "<<":
                raise YamlError(*_pos(key_node), "merge keys (<<) are not supported; write the fields out")
            if key in mapping:
                first = mapping.key_pos[key]
                raise YamlError(
                    *_pos(key_node),
                    f'duplicate key "{key}" (first at line {first[0]}); remove one of them',
                )
            mapping.key_pos[key] = _pos(key_node)
            mapping.value_pos[key] = _pos(value_node)
            mapping[key] = self.build(value_node)
        return mapping

    @staticmethod
    def _check_tag(node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlError(*_pos(node), f'the YAML tag "{tag}" is not supported; remove it')


def _friendly(exc: yaml.MarkedYAMLError) -> YamlError:
    """Turn PyYAML's parser wording into a message an editor can act on."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if "'\\t'" in problem or "\t" in problem:
        return YamlError(line, column, "a tab character; indent YAML with spaces only")
    if "expected a single document" in problem or "but found another document" in problem:
        return YamlError(line, column, "a second document (---); one file holds one record")
    if "found unacceptable character" in problem or "special characters are not allowed" in problem:
        return YamlError(line, column, "a control character that YAML does not allow; delete it")
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return YamlError(line, column, f"{problem}; define the &anchor before using *alias")
    if "mapping values are not allowed here" in problem:
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
        return YamlError(line, column, f"{problem}; put the value in quotes")
    text = problem or str(exc)
    return YamlError(line, column, f"YAML syntax error: {text}")
