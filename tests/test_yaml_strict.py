"""The strict loader: YAML as editors write it means what it looks like."""

from __future__ import annotations

import pytest

from catalogue.load.yamlstrict import Plain, YamlError, parse


def test_plain_scalars_stay_text_as_written():
    data = parse(b"a: 8:30\nb: no\nc: 00845451\nd: +420123456789\ne: 17:45\nf: on\ng: 1e3\n")
    assert data == {"a": "8:30", "b": "no", "c": "00845451", "d": "+420123456789", "e": "17:45", "f": "on", "g": "1e3"}
    assert all(isinstance(v, Plain) for v in data.values())


def test_quoted_scalars_are_not_plain():
    data = parse(b"a: '12'\nb: \"12\"\nc: 12\n")
    assert not isinstance(data["a"], Plain) and not isinstance(data["b"], Plain)
    assert isinstance(data["c"], Plain)


def test_null_spellings_of_yaml_1_2():
    assert parse(b"a: ~\nb: null\nc:\nd: 'null'\n") == {"a": None, "b": None, "c": None, "d": "null"}


def test_positions_are_kept_for_keys_and_values():
    data = parse(b"name: X\nlocations:\n  - locality: lysa\n    hours: {mon: 8:00-12:00}\n")
    assert data.key_pos["locations"] == (2, 1)
    assert data.value_pos["name"] == (1, 7)
    assert data["locations"].item_pos[0] == (3, 5)
    assert data["locations"][0].value_pos["locality"] == (3, 15)
    assert data["locations"][0]["hours"].value_pos["mon"] == (4, 18)


def test_bom_and_crlf_are_accepted():
    assert parse(b"\xef\xbb\xbfa: 1\r\nb: x\r\n") == {"a": "1", "b": "x"}


@pytest.mark.parametrize(
    ("source", "line", "column", "message"),
    [
        (b"a: 1\nb: 2\na: 3\n", 3, 1, 'duplicate key "a" (first at line 1); remove one of them'),
        (b"a:\n\t- x\n", 2, 1, "a tab character; indent YAML with spaces only"),
        (b"", 1, 1, "the file is empty; it must hold one record"),
        (b"# only a comment\n", 1, 1, "the file is empty; it must hold one record"),
        (b"name: Pora\xe8na\n", 1, 11, "the file is not valid UTF-8 (byte 0xe8); save it as UTF-8"),
        (b"a: !!int 3\n", 1, 4, 'the YAML tag "!!int" is not supported; remove it'),
        (b"a: !!python/object:os.system x\n", 1, 4, 'the YAML tag "!!python/object:os.system" is not supported; remove it'),
        (b"a: 1\n---\nb: 2\n", 2, 1, "a second document (---); one file holds one record"),
        (b"name: Poradna: dluhy\n", 1, 14, 'a colon inside a value; put the value in quotes, e.g. name: "Poradna: dluhy"'),
        (b"<<: {a: 1}\n", 1, 1, "merge keys (<<) are not supported; write the fields out"),
        (b"a: *nothing\n", 1, 4, "an alias (*name) that no &name defines above; define the anchor or write the value out"),
        (b"a: x\x00\n", 1, 5, "the file contains a NUL byte; is it a text file?"),
        (b"a: [1, 2\nb: 3\n", 2, 2, "a [list] or {mapping} written on one line is not closed; check the brackets and commas"),
        (b"a: @x\n", 1, 4, "the character '@' cannot start a value here; put the value in quotes"),
    ],
)
def test_refused_input_has_a_position_and_a_plain_message(source, line, column, message):
    with pytest.raises(YamlError) as info:
        parse(source)
    assert (info.value.line, info.value.column, info.value.message) == (line, column, message)


def test_alias_bomb_fails_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlError) as info:
        parse("\n".join(lines).encode())
    assert "too many values" in info.value.message


def test_small_aliases_still_work():
    assert parse(b"a: &x [1, 2]\nb: *x\n") == {"a": ["1", "2"], "b": ["1", "2"]}
