"""Random, mangled or hostile content never yields a traceback, and what ``check`` passes, ``build`` builds.

Two kinds of input: bytes and YAML punctuation thrown at a record, and every kind
of content file (site, provider, service, locality, life situation, vocabulary,
page) parsed, changed in its structure — a value nested dozens of levels deep,
given another type, made just longer than its limit or a million times longer,
removed, or a Markdown text with random nesting — and written back.

CI runs a bounded number of examples; ``CATALOGUE_FUZZ_SCALE=N`` runs N times as
many (``benchmarks/fuzz.py`` does, and prints how many inputs it tried).
"""

from __future__ import annotations

import io
import json
import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sites import LIFE_SITUATION, LOCALITIES, PAGE, PROVIDER, SERVICE, SITE, VOCABULARIES, write_site

from catalogue.cli import main
from catalogue.load.yamlstrict import Plain, parse
from catalogue.model.fields import MARKDOWN_MAX, NAME_MAX, TEXT_MAX
from catalogue.report import Reporter
from catalogue.commands.new import scalar

SCALE = max(1, int(os.environ.get("CATALOGUE_FUZZ_SCALE", "1")))
TRIED: Counter[str] = Counter()  # inputs each property was run on (benchmarks/fuzz.py prints them)


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FILES = {  # one file of every kind, as a valid catalogue has it
    "site": ("site.yaml", SITE),
    "provider": ("providers/charita-lysa.yaml", PROVIDER),
    "service": ("services/azylovy-dum-lysa.yaml", SERVICE),
    "locality": ("localities/lysa.yaml", LOCALITIES["lysa"]),
    "life-situation": ("life-situations/ztrata-bydleni.yaml", LIFE_SITUATION),
    "vocabulary": ("vocabularies/service-types.yaml", VOCABULARIES["service-types"]),
    "page": ("pages/o-katalogu.md", PAGE),
}
MARKDOWN_FIELDS = {"description", "text", "body"}
LENGTHS = sorted({NAME_MAX, NAME_MAX + 1, TEXT_MAX, TEXT_MAX + 1, MARKDOWN_MAX + 1, 100, 101, 3_000_000})


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], reporter=Reporter(out, err))
    return code, out.getvalue(), err.getvalue()


def check_file(root: Path, rel: str, data: bytes) -> tuple[int, str, str]:
    write_site(root, {rel: data})
    return run("check", "--content", root)


def assert_clean_failure(code: int, out: str, err: str) -> None:
    assert code in (0, 1), (code, out, err)
    assert "Traceback" not in out + err and "internal error" not in err, err
    for line in out.splitlines()[:-1]:
        path, line_no, column, _ = line.split(":", 3)
        assert line_no.isdigit() and column.isdigit(), line
        assert len(line) < 2_200, line[:200]  # a message never repeats a huge value


# --- bytes and punctuation -----------------------------------------------------------------


@fuzz_settings(100)
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, data):
    TRIED["random bytes"] += 1
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), FILES["service"][0], data))


@fuzz_settings(100)
@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,?\n\t ~abc019")), max_size=200))
def test_yaml_punctuation_soup(tmp_path_factory, text):
    TRIED["punctuation"] += 1
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), FILES["service"][0], text.encode()))


@fuzz_settings(100)
@given(st.data())
def test_mangled_real_record(tmp_path_factory, data):
    TRIED["mangled bytes"] += 1
    kind = data.draw(st.sampled_from(sorted(FILES)))
    rel, text = FILES[kind]
    source = text.encode()
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
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), rel, mangled))


@fuzz_settings(100)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10), lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=10))
def test_any_structure_under_known_fields(tmp_path_factory, value):
    TRIED["structures under known fields"] += 1
    # JSON is YAML: put arbitrary structures where the model expects something specific.
    text = SERVICE.replace("forms: [residential]", f"forms: {json.dumps(value)}").replace("capacity: [{count: 12, unit: beds}]", f"capacity: {json.dumps(value)}")
    assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), FILES["service"][0], text.encode()))


# --- structural mutations of every kind of file ------------------------------------------


def plain(tree: object) -> object:
    """Return the parsed tree as dicts, lists and strings (plain scalars stay :class:`Plain`)."""
    if isinstance(tree, dict):
        return {key: plain(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [plain(value) for value in tree]
    return tree


def emit(value: object, top: bool = True) -> str:
    """Write a tree back as YAML: fields on lines, values in flow style, text quoted unless it was plain."""
    if isinstance(value, dict):
        items = [f"{scalar(str(k)) if str(k) else json.dumps('')}: {emit(v, False)}" for k, v in value.items()]
        return "".join(f"{item}\n" for item in items) if top else "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(emit(v, False) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, Plain) and "\n" not in value and value.strip() == value and value:
        return scalar(str(value))
    return json.dumps(str(value), ensure_ascii=False)


def split_page(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def paths(tree: object, at: tuple = ()) -> list[tuple]:
    """Return the path of every value in the tree (the root excluded)."""
    found = []
    items = tree.items() if isinstance(tree, dict) else enumerate(tree) if isinstance(tree, list) else ()
    for key, value in items:
        found.append((*at, key))
        found.extend(paths(value, (*at, key)))
    return found


def markdown_texts() -> st.SearchStrategy[str]:
    """Markdown with random nesting: indentation, quotes and list markers at the start of lines."""
    prefix = st.lists(st.sampled_from(["    ", "\t", "> ", "- ", "1. ", "* ", " ", "  "]), max_size=16).map("".join)
    line = st.tuples(prefix, st.sampled_from(["pomoc", "**tučně**", "[odkaz](https://example.org)", "`kód`", "", "# Nadpis"]))
    return st.lists(line, min_size=1, max_size=30).map(lambda lines: "\n".join(p + w for p, w in lines) + "\n")


@st.composite
def mutated(draw, kind: str) -> tuple[str, bytes]:
    """Return (file, bytes) of a file of ``kind`` with one change to its structure."""
    rel, text = FILES[kind]
    front, body = split_page(text) if kind == "page" else (text, "")
    tree = plain(parse(front))
    where = draw(st.sampled_from([()] + paths(tree))) if kind != "page" or draw(st.booleans()) else ("body",)
    operation = draw(st.sampled_from(["nest", "type", "length", "markdown", "drop"]))
    if where == ("body",):
        body = draw(markdown_texts()) if operation in ("markdown", "nest") else "x" * draw(st.sampled_from(LENGTHS)) + "\n"
    elif where:
        parent = tree
        for key in where[:-1]:
            parent = parent[key]
        value = parent[where[-1]]
        if operation == "nest":
            for level in range(draw(st.integers(1, 40))):
                value = [value] if level % 2 else {"a": value}
        elif operation == "type":
            value = draw(st.sampled_from([None, "", Plain("12"), Plain("true"), Plain("2026-01-01"), [], {}, ["a"], {"x": "y"}, Plain("-1")]))
        elif operation == "length":
            value = (str(value) if isinstance(value, str) and value else "a") * draw(st.sampled_from(LENGTHS))
            value = value[: max(LENGTHS)]
        elif operation == "markdown":
            value = draw(markdown_texts())
        if operation == "drop" and isinstance(parent, dict):
            del parent[where[-1]]
        elif operation == "drop":
            parent.pop(where[-1])
        else:
            parent[where[-1]] = value
    source = emit(tree)
    if kind == "page":
        source = f"---\n{source}---\n{body}"
    return rel, source.encode("utf-8")


@pytest.mark.parametrize("kind", sorted(FILES))
def test_every_kind_of_file_survives_structural_mutations(tmp_path_factory, kind):
    @fuzz_settings(40)
    @given(mutated(kind))
    def check_mutation(change):
        TRIED[f"structure of {kind}"] += 1
        assert_clean_failure(*check_file(tmp_path_factory.mktemp("c"), *change))

    check_mutation()


@st.composite
def markdown_changed(draw) -> tuple[str, bytes]:
    """Return (file, bytes) of a provider, service, life situation or page with new Markdown text."""
    kind, field = draw(st.sampled_from([("provider", "description"), ("service", "description"), ("life-situation", "text"), ("page", "body")]))
    rel, text = FILES[kind]
    markdown = draw(markdown_texts() | st.sampled_from(LENGTHS).map(lambda n: "slovo " * (n // 6) + "\n"))
    if kind == "page":
        return rel, (PAGE.split("---\n", 2)[1].join(["---\n", "---\n"]) + markdown).encode()
    tree = plain(parse(text))
    tree[field] = markdown
    return rel, emit(tree).encode()


@fuzz_settings(20)
@given(markdown_changed())
def test_what_check_passes_builds(tmp_path_factory, change):
    """The review found Markdown that passed ``check`` and crashed ``build``: a pull request must never do that."""
    TRIED["check passes, so build builds"] += 1
    root = tmp_path_factory.mktemp("c")
    code, out, err = check_file(root, *change)
    assert_clean_failure(code, out, err)
    if code == 0:
        code, out, err = run("build", "--content", root, "--out", root.parent / f"{root.name}-public")
        assert code == 0, (out, err)
