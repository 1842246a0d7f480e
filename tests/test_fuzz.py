"""Random or mangled YAML never yields a traceback: always problems with positions."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sites import SERVICE, write_site

from catalogue.cli import main
from catalogue.report import Reporter

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_file(root: Path, data: bytes) -> tuple[int, str, str]:
    write_site(root, {"services/azylovy-dum-lysa.yaml": data})
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--content", str(root)], reporter=Reporter(out, err))
    return code, out.getvalue(), err.getvalue()


def assert_clean_failure(code: int, out: str, err: str) -> None:
    assert code in (0, 1), (code, out, err)
    assert "Traceback" not in out + err and "internal error" not in err, err
    for line in out.splitlines()[:-1]:
        path, line_no, column, _ = line.split(":", 3)
        assert line_no.isdigit() and column.isdigit(), line


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, data):
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), data))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t ~abc019")), max_size=200))
def test_yaml_punctuation_soup(tmp_path_factory, text):
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), text.encode()))


@SETTINGS
@given(st.data())
def test_mangled_real_record(tmp_path_factory, data):
    source = SERVICE.encode()
    operation = data.draw(st.sampled_from(["delete", "insert", "replace", "truncate", "duplicate-line"]))
    at = data.draw(st.integers(0, len(source)))
    if operation == "delete":
        mangled = source[:at] + source[at + data.draw(st.integers(1, 20)):]
    elif operation == "insert":
        mangled = source[:at] + data.draw(st.binary(min_size=1, max_size=8)) + source[at:]
    elif operation == "replace":
        mangled = source[:at] + data.draw(st.sampled_from([b":", b"\t", b"- ", b"  ", b"\xff", b"{", b"]", b"!!int ", b"&a ", b"*a"])) + source[at + 1:]
    elif operation == "truncate":
        mangled = source[:at]
    else:
        lines = source.split(b"\n")
        i = data.draw(st.integers(0, len(lines) - 1))
        mangled = b"\n".join(lines[: i + 1] + lines[i:])
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), mangled))


@SETTINGS
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10), lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=10))
def test_any_structure_under_known_fields(tmp_path_factory, value):
    import json

    # JSON is YAML: put arbitrary structures where the model expects something specific.
    text = SERVICE.replace("forms: [residential]", f"forms: {json.dumps(value)}").replace("capacity: [{count: 12, unit: beds}]", f"capacity: {json.dumps(value)}")
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), text.encode()))
