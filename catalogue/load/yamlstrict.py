"""Strict YAML: libyaml parses, our own resolver and constructor build the tree.

What editors write must mean what it looks like. So, unlike PyYAML's defaults:

* every plain scalar stays text (``8:30`` is not 510, ``no`` is not False,
  ``00845451`` keeps its zeros, ``+420…`` is not a number); the model decides
  later whether a field wants a number, a date or a boolean, and a plain scalar
  is marked as :class:`Plain` so the model can tell ``12`` from ``"12"``;
* duplicate keys, unknown ``!!tags``, several documents, tabs and invalid UTF-8
  are errors with a position;
* aliases are allowed but the expanded tree is bounded, so an alias bomb fails
  fast instead of eating the machine, and so is the nesting of lists and
  mappings (``[[[…]]]`` 500 deep would exhaust every recursive step after this one);
* every mapping and sequence remembers where each of its values stands, so a
  validation error can point at the exact line and column.
"""

from __future__ import annotations

from ..messages import files as said
from ..messages.core import say

import re
from dataclasses import dataclass

import yaml

try:  # the C parser is many times faster; PyYAML wheels ship it
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

    HAVE_LIBYAML = False

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAX_NODES = 100_000  # far above any real record; an alias bomb exceeds it at once
MAX_DEPTH = 20  # lists and mappings inside each other; a service needs 4 (locations[0].hours.mon)


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
def _has_content(text: str) -> bool:
    """Return whether anything but comments and blank lines is there (``~`` alone is content)."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


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
        raise YamlError(line, column, say(said.YAML_NOT_UTF8, byte=f"{data[exc.start]:02x}")) from None
    bad = _CONTROL_RE.search(text)
    if bad:
        offset = bad.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if bad.group() == "\x00":
            raise YamlError(line, column, say(said.YAML_NUL))
        raise YamlError(line, column, say(said.YAML_INVISIBLE, code=f"{ord(bad.group()):04X}"))
    return text


def parse(data: bytes | str) -> Mapping | Sequence | str | None:
    """Parse one YAML document strictly; raise :class:`YamlError` on anything we refuse."""
    text = decode(data) if isinstance(data, bytes) else decode(data.encode("utf-8", "surrogatepass"))
    try:
        result = _Builder(_Parser(text)).document()
    except yaml.MarkedYAMLError as exc:
        raise _friendly(exc, text) from None
    except yaml.YAMLError as exc:  # reader errors carry no mark; keep the first line only
        raise YamlError(1, 1, say(said.YAML_ERROR, reason=str(exc).splitlines()[0])) from None
    if result is None and not _has_content(text):
        raise YamlError(1, 1, say(said.YAML_EMPTY))
    return result


_OK_TAGS = {None, "!", STR_TAG, MAP_TAG, SEQ_TAG}


class _Builder:
    """Build Mapping / Sequence / str / Plain / None straight from parser events.

    This runs for every scalar of the national catalogue (about a million), so it
    skips PyYAML's node graph and resolver and is written flat. Aliases share the
    anchored value, but count its full size, so an alias bomb fails fast.
    """

    def __init__(self, parser) -> None:
        self.next = parser.get_event
        self.count = 0
        self.depth = 0  # lists and mappings open around the current event
        self.anchors: dict[str, tuple[object, int, int]] = {}  # anchor → (value, size, depth inside it)
        self.deepest = 0  # the deepest nesting reached so far, to know how deep an anchored value goes

    def document(self):
        event = self.next()  # StreamStart
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        value = self.value(self.next())
        self.next()  # DocumentEnd
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise YamlError(*_mark(event), say(said.YAML_SECOND_DOCUMENT))
        return value

    def value(self, event):
        cls = type(event)
        start = self.count
        outer, self.deepest = self.deepest, self.depth
        if cls is yaml.ScalarEvent:
            self.count += 1
            result = _scalar(event)
        elif cls is yaml.MappingStartEvent:
            result = self.mapping(event)
        elif cls is yaml.SequenceStartEvent:
            result = self.sequence(event)
        elif cls is yaml.AliasEvent:
            if event.anchor not in self.anchors:
                raise YamlError(*_mark(event), say(said.YAML_ALIAS))
            result, size, inner = self.anchors[event.anchor]
            self.count += size
            self._nested(event, self.depth + inner)
            self.deepest = self.depth + inner
        else:  # pragma: no cover - the parser guarantees the grammar
            raise YamlError(*_mark(event), say(said.YAML_UNEXPECTED, what=cls.__name__))
        if self.count > MAX_NODES:
            raise YamlError(*_mark(event), say(said.YAML_TOO_MANY))
        anchor = getattr(event, "anchor", None)
        if anchor is not None and cls is not yaml.AliasEvent:
            self.anchors[anchor] = (result, self.count - start, self.deepest - self.depth)
        self.deepest = max(outer, self.deepest)
        return result

    def _nested(self, event, depth: int) -> None:
        """Refuse nesting deeper than :data:`MAX_DEPTH`, at the list or mapping that goes too deep."""
        if depth > MAX_DEPTH:
            raise YamlError(*_mark(event), say(said.YAML_TOO_DEEP, limit=MAX_DEPTH))
        if depth > self.deepest:
            self.deepest = depth

    def sequence(self, event) -> Sequence:
        if event.tag not in _OK_TAGS:
            _bad_tag(event)
        self.depth += 1
        self._nested(event, self.depth)
        mark = event.start_mark
        seq = Sequence((mark.line + 1, mark.column + 1))
        positions = seq.item_pos
        self.count += 1
        nxt = self.next
        event = nxt()
        while type(event) is not yaml.SequenceEndEvent:
            mark = event.start_mark
            positions.append((mark.line + 1, mark.column + 1))
            if type(event) is yaml.ScalarEvent and event.anchor is None:
                self.count += 1
                seq.append(_scalar(event))
            else:
                seq.append(self.value(event))
            event = nxt()
        self.depth -= 1
        return seq

    def mapping(self, event) -> Mapping:
        if event.tag not in _OK_TAGS:
            _bad_tag(event)
        self.depth += 1
        self._nested(event, self.depth)
        mark = event.start_mark
        mapping = Mapping((mark.line + 1, mark.column + 1))
        key_pos = mapping.key_pos
        value_pos = mapping.value_pos
        self.count += 1
        nxt = self.next
        event = nxt()
        while type(event) is not yaml.MappingEndEvent:
            if type(event) is not yaml.ScalarEvent:
                raise YamlError(*_mark(event), say(said.YAML_COMPLEX_KEY))
            key = _scalar(event)
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if key is None:
                raise YamlError(*where, say(said.YAML_NO_KEY))
            if key in mapping:
                raise YamlError(*where, say(said.YAML_DUPLICATE_KEY, key=key, line=key_pos[key][0]))
            if key == "<<":
                raise YamlError(*where, say(said.YAML_MERGE_KEY))
            key_pos[key] = where
            event = nxt()
            mark = event.start_mark
            value_pos[key] = (mark.line + 1, mark.column + 1)
            if type(event) is yaml.ScalarEvent and event.anchor is None:
                self.count += 1
                mapping[str(key)] = _scalar(event)
            else:
                mapping[str(key)] = self.value(event)
            event = nxt()
        self.depth -= 1
        return mapping


def _scalar(event):
    tag = event.tag
    if tag is None:
        if event.style:  # quoted or block: always text
            return event.value
        value = event.value
        return None if value in _NULLS else Plain(value)
    if tag == "!" or tag == STR_TAG:
        return event.value
    _bad_tag(event)


def _mark(event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _bad_tag(event):
    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
    raise YamlError(*_mark(event), say(said.YAML_TAG, tag=tag))


def _friendly(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """Turn PyYAML's parser wording into a message an editor can act on."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    if at == "\t" or "'\\t'" in problem:
        return YamlError(line, column, say(said.YAML_TAB))
    if "expected a single document" in problem or "but found another document" in problem:
        return YamlError(line, column, say(said.YAML_SECOND_DOCUMENT))
    if "found unacceptable character" in problem or "special characters are not allowed" in problem:
        return YamlError(line, column, say(said.YAML_CONTROL))
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return YamlError(line, column, say(said.YAML_ALIAS))
    if "mapping values are not allowed" in problem:
        return YamlError(line, column, say(said.YAML_COLON))
    if "could not find expected ':'" in problem:
        return YamlError(line, column, say(said.YAML_KEY_VALUE))
    if "did not find expected key" in problem or "did not find expected '-' indicator" in problem:
        return YamlError(line, column, say(said.YAML_INDENT))
    if "found character that cannot start any token" in problem:
        return YamlError(line, column, say(said.YAML_START, char=repr(at)))
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return YamlError(line, column, say(said.YAML_UNCLOSED))
    text = problem or str(exc)
    return YamlError(line, column, say(said.YAML_SYNTAX, reason=text))
