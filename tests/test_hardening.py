"""Hostile input, files and interruptions: each case of the adversarial review, with its exact message.

Every case reached ``check``, ``build`` or the preview as an internal error, a
leak or garbage before; now each is a positioned message (or refused quietly
where nobody can act), and nothing already built is lost.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from pathlib import Path

import pytest

from conftest import run_cli
from sites import LIFE_SITUATION, PAGE, SERVICE, SITE

from catalogue.validate.cache import RecordCache, default_cache_folder
from catalogue.validate.stage import check_content
from catalogue.render.markdown import render_markdown
from catalogue.serve.preview import Preview

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
DESCRIPTION = "description: |\n  Azylový dům poskytuje dočasné ubytování matkám s dětmi.\n"
TOO_DEEP_YAML = (
    'seznamy a výčty polí jsou tu vnořené hlouběji než 20 úrovní; záznam jich potřebuje jen pár: zkontrolujte závorky [ ] { } a odsazení'
)


def problems(result, content: Path) -> list[str]:
    """Return the output lines with the content folder's path taken off."""
    return [line.replace(f"{content}/", "") for line in result.lines]


def check_and_build(content: Path, out: Path) -> tuple[list[str], list[str]]:
    """Return what ``check`` and ``build`` print; both must fail cleanly (exit 1) and write nothing."""
    check = run_cli("check", "--content", content)
    build = run_cli("build", "--content", content, "--out", out)
    assert (check.code, build.code) == (1, 1), (check.out + check.err, build.out + build.err)
    assert 'internal chyby' not in check.err + build.err
    assert not out.exists()
    return problems(check, content), problems(build, content)


def nested_list(levels: int, indent: str = "\t") -> str:
    """Return a Markdown list ``levels`` deep, one item per level."""
    return "".join(f"{indent * level}- úroveň {level}\n" for level in range(levels))


# --- 1. deep YAML nesting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (SERVICE_FILE, SERVICE.replace("forms: [residential]", "forms: " + "[" * 500 + "]" * 500), f"{SERVICE_FILE}:6:27: {TOO_DEEP_YAML}"),
        (SERVICE_FILE, SERVICE + "age2: " + "{a: " * 500 + "1" + "}" * 500 + "\n", f"{SERVICE_FILE}:27:83: {TOO_DEEP_YAML}"),
        ("site.yaml", SITE + "demo: " + "[" * 500 + "]" * 500 + "\n", f"site.yaml:7:26: {TOO_DEEP_YAML}"),
        ("pages/o-katalogu.md", PAGE.replace("nav: true", "nav: " + "[" * 500 + "]" * 500), f"pages/o-katalogu.md:3:25: {TOO_DEEP_YAML}"),
        (SERVICE_FILE, SERVICE + "".join(f"{'  ' * i}k{i}:\n" for i in range(40)), f"{SERVICE_FILE}:47:41: {TOO_DEEP_YAML}"),
    ],
    ids=["flow-lists", "flow-mappings", "site.yaml", "front-matter", "block-mappings"],
)
def test_deep_yaml_nesting_is_a_positioned_error(make_site, tmp_path, rel, text, expected):
    content = make_site({rel: text})
    check, build = check_and_build(content, tmp_path / "public")
    assert check == [expected, '1 chyba v 1 souboru']
    assert build[:2] == check


def test_an_alias_cannot_nest_deeper_than_its_anchor_allows():
    from catalogue.load.yamlstrict import MAX_DEPTH, YamlError, parse

    half = MAX_DEPTH // 2
    parse(f"a: &x {'[' * half}{']' * half}\nb: {'[' * (half - 1)}*x{']' * (half - 1)}\n")  # exactly the limit
    with pytest.raises(YamlError, match=r"^2:\d+: lists and mappings are nested more than 20 levels deep"):
        parse(f"a: &x {'[' * half}{']' * half}\nb: {'[' * half}*x{']' * half}\n")


def test_deep_yaml_in_the_preview_shows_the_overlay_and_keeps_the_last_good_site(site):
    preview = Preview(site)
    assert preview.build().ok
    before = dict(preview.snapshot.files)
    path = site / SERVICE_FILE
    path.write_text(SERVICE.replace("forms: [residential]", "forms: " + "[" * 500 + "]" * 500), encoding="utf-8")
    update = preview.update({path})
    assert [p.format("cs").replace(f"{site}/", "") for p in preview.snapshot.errors] == [f"{SERVICE_FILE}:6:27: {TOO_DEEP_YAML}"]
    assert not update.ok and preview.snapshot.files == before


# --- 2. deeply nested Markdown -------------------------------------------------------------


def test_deep_markdown_fails_check_exactly_where_build_would(make_site, tmp_path):
    content = make_site({
        SERVICE_FILE: SERVICE.replace(DESCRIPTION, "description: |\n" + "".join(f"  {line}\n" for line in nested_list(150).splitlines())),
        "life-situations/ztrata-bydleni.yaml": LIFE_SITUATION.replace("text: |\n", "text: |\n  >>>>>>>>>>>> Pozor\n"),
        "pages/o-katalogu.md": PAGE + "\n" + nested_list(300, "    "),  # the review's case: check passed, build crashed
        "pages/napoveda.md": PAGE + "\n" + nested_list(300),
    })
    check, build = check_and_build(content, tmp_path / "public")
    assert check == [
        'life-situations/ztrata-bydleni.yaml:2:7: text: seznamy nebo citace jsou vnořené do hloubky 12 úrovní (řádek 1 textu), povoleno je nejvýš 10; odsaďte méně, nebo seznam rozdělte',
        'pages/napoveda.md:306:1: body: seznamy nebo citace jsou vnořené do hloubky 300 úrovní (řádek 302 textu), povoleno je nejvýš 10; odsaďte méně, nebo seznam rozdělte',
        'pages/o-katalogu.md:5:1: body: text má 183 230 znaků, tady je povoleno nejvýš 100 000; zkraťte ho',
        f"{SERVICE_FILE}:25:14: description: seznamy nebo citace jsou vnořené do hloubky 150 úrovní (řádek 150 textu), "
        "povoleno je nejvýš 10; odsaďte méně, nebo seznam rozdělte",
        '4 chyby ve 4 souborech',
    ]
    assert build[:5] == check


def test_markdown_within_the_limit_renders_even_deep_in_a_template():
    text = nested_list(10, "    ")
    assert render_markdown(text).count("<ul>") == 10

    def deep(n: int) -> str:  # a build renders Markdown from inside templates and macros
        return render_markdown(text + "\n") if n == 0 else deep(n - 1)

    assert deep(700).count("<ul>") == 10


def test_a_theme_that_renders_other_text_as_markdown_cannot_break_the_build():
    from catalogue.errors import CatalogueError

    with pytest.raises(CatalogueError, match="nested 11 levels deep"):
        render_markdown(nested_list(11, "    "))


# --- 3. links out of the content folder --------------------------------------------------


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    return path


def outside(what: str, target: Path) -> str:
    return f"{what} je odkaz na {target}, mimo složku s obsahem; nečte se: místo odkazu vložte do složky s obsahem přímo soubor"


def test_links_out_of_the_content_folder_are_refused_and_named(make_site, tmp_path, secret):
    content = make_site({})
    (content / "theme/static").mkdir(parents=True)
    (content / "theme/templates").mkdir(parents=True)
    (content / "theme/static/x").symlink_to(secret)
    (content / "theme/templates/base.html").symlink_to(secret)
    (content / SERVICE_FILE).unlink()
    (content / SERVICE_FILE).symlink_to(secret)
    (content / "pages/o-katalogu.md").unlink()
    (content / "pages/o-katalogu.md").symlink_to(secret)
    check, build = check_and_build(content, tmp_path / "public")
    assert check == [
        f"pages/o-katalogu.md:1:1: {outside('soubor', secret)}",
        f"{SERVICE_FILE}:1:1: {outside('soubor', secret)}",
        f"theme/static/x:1:1: {outside('soubor', secret)}",
        f"theme/templates/base.html:1:1: {outside('soubor', secret)}",
        '4 chyby ve 4 souborech',
    ]
    assert build[:5] == check
    assert "root:x" not in "\n".join(check)


def test_a_linked_folder_is_refused_once(make_site, tmp_path):
    content = make_site({})
    elsewhere = tmp_path / "elsewhere"
    (content / "life-situations").rename(elsewhere)
    (content / "life-situations").symlink_to(elsewhere)
    lines = problems(run_cli("check", "--content", content), content)
    assert f"life-situations:1:1: {outside('složka', elsewhere)}" in lines


def test_links_inside_the_content_folder_or_to_the_built_in_files_are_fine(make_site, tmp_path):
    from conftest import ROOT

    content = make_site({})
    shared = content / "shared" / "style.css"
    shared.parent.mkdir()
    shared.write_text("body { color: #111; }\n")
    (content / "theme/static").mkdir(parents=True)
    (content / "theme/templates").mkdir(parents=True)
    (content / "theme/static/style.css").symlink_to(shared)
    (content / "theme/templates/_search_form.html").symlink_to(ROOT / "templates/_search_form.html")
    out = tmp_path / "public"
    assert run_cli("build", "--content", content, "--out", out).code == 0
    assert (out / "static/style.css").read_text() == "body { color: #111; }\n"


def test_the_build_refuses_a_linked_static_file_even_when_asked_directly(make_site, secret):
    from catalogue.errors import CatalogueError
    from catalogue.index import publishable
    from catalogue.pipeline import render_pages
    from catalogue.write import OutputTree

    content = make_site({})
    (content / "theme/static").mkdir(parents=True)
    (content / "theme/static/x").symlink_to(secret)
    catalogue = publishable(check_content(content).catalogue)
    with pytest.raises(CatalogueError, match=r"theme/static/x: the static file is a link to .*passwd, outside the content folder"):
        render_pages(catalogue, OutputTree(), content / "theme")


def pdf_streams(pdf: bytes) -> list[bytes]:
    """Return every stream of a PDF, decompressed where it is."""
    import re
    import zlib

    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    return streams


def test_a_printed_document_embeds_no_file_of_the_build_machine(secret):
    from catalogue.outputs.print.pdf import Job, fetcher, render_job

    html = f'<html lang="cs"><body><p>Leták</p><a rel="attachment" href="{secret.as_uri()}">příloha</a></body></html>'
    pdf = render_job(Job("x", "leaflet", "A5", (html,))).pdf  # as a theme's print template could write it
    assert b"/EmbeddedFile" not in pdf and not [s for s in pdf_streams(pdf) if b"root:x:0:0" in s]
    with pytest.raises(ValueError, match=f"^{secret.as_uri()} is not a font or a file of the program's own; a printed document does not embed it$"):
        fetcher().fetch(secret.as_uri())


# --- 4. the preview and a folder moved away -------------------------------------------------


def test_a_folder_moved_away_and_back_is_noticed_by_the_preview(site, tmp_path):
    preview = Preview(site)
    assert preview.build().ok
    page = "zivotni-situace/ztrata-bydleni/index.html"
    assert page in preview.snapshot.files
    folder = site / "life-situations"
    folder.rename(tmp_path / "elsewhere")
    update = preview.update({folder})  # inotify reports the folder alone
    assert [p.format().replace(f"{site}/", "") for p in update.problems.errors] == [
        f'{SERVICE_FILE}:23:19: life_situations[0]: no life situation "ztrata-bydleni"; see the life situation list in the editors\' guide'
    ]
    path = site / SERVICE_FILE  # a later edit is read with the folder gone, not with its old files
    path.write_text(SERVICE.replace("life_situations: [ztrata-bydleni]\n", ""), encoding="utf-8")
    assert preview.update({path}).ok
    assert page not in preview.snapshot.files and not preview.snapshot.errors
    (tmp_path / "elsewhere").rename(folder)
    assert preview.update({folder}).ok
    assert page in preview.snapshot.files


# --- 5. ids and names of new records -----------------------------------------------------


def test_new_with_a_400_character_name_is_refused_with_the_limit(site):
    result = run_cli("new", "service", "--content", site, "--name", "Poradna " * 50, "--provider", "charita-lysa", "--type", "azylove-domy")
    assert (result.code, result.err) == (2, 'chyba: --name: text má 400 znaků, tady je povoleno nejvýš 200; zkraťte ho\n')
    assert sorted(p.name for p in (site / "services").iterdir()) == ["azylovy-dum-lysa.yaml", "pecovatelska-sluzba-lysa.yaml"]


def test_new_makes_a_bounded_id_from_a_long_name_and_refuses_a_long_id(site):
    name = "Sociálně aktivizační služby pro seniory a osoby se zdravotním postižením v Lysé nad Labem a okolí"
    result = run_cli("new", "service", "--content", site, "--name", name, "--provider", "charita-lysa", "--type", "azylove-domy")
    assert result.code == 0, result.err
    assert (site / "services/socialne-aktivizacni-sluzby-pro-seniory-a-osoby-se.yaml").is_file()
    result = run_cli("new", "provider", "--content", site, "--name", "Spolek", "--id", "a" * 150)
    assert (result.code, result.err) == (2, 'chyba: --id: id má 150 znaků, povoleno je nejvýš 100; zvolte kratší\n')


def test_a_file_name_longer_than_an_id_may_be_is_reported(make_site):
    name = "sluzba-" + "a" * 120
    content = make_site({f"services/{name}.yaml": SERVICE})
    lines = problems(run_cli("check", "--content", content), content)
    assert f'services/{name}.yaml:1:1: název souboru „{name[:40]}…“ má 127 znaků, id jich má nejvýš 100; přejmenujte soubor na kratší id' in lines


# --- 6. temporary trees of interrupted builds -----------------------------------------------


def test_the_next_build_removes_only_its_own_leftovers(site, tmp_path):
    out = tmp_path / "public"
    assert run_cli("build", "--content", site, "--out", out).code == 0
    for name in (".public.building-k2j4h5g6", ".public.old-a1b2c3d4", ".public.building-0123456789ab", ".public.old-0123456789ab"):
        (tmp_path / name / "sluzby").mkdir(parents=True)  # an older version's, and a killed build's
    (tmp_path / ".public.building-0123456789ab.lock").write_bytes(b"catalogue build 99999\n")
    (tmp_path / ".public.claim-00aa11bb22cc").write_bytes(b"")  # killed while it took its lock
    running = tmp_path / ".public.building-fedcba987654"
    (running / "sluzby").mkdir(parents=True)
    lock = os.open(tmp_path / ".public.building-fedcba987654.lock", os.O_RDWR | os.O_CREAT)
    os.write(lock, b"catalogue build 1\n")
    fcntl.flock(lock, fcntl.LOCK_EX)  # a build that is still running
    (tmp_path / ".public.backup").mkdir()  # another program's
    (tmp_path / ".public.old-linkedlink").symlink_to(tmp_path / ".public.backup")
    try:
        assert run_cli("build", "--content", site, "--out", out).code == 0
    finally:
        os.close(lock)
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".public"))
    assert left == [".public.backup", ".public.building-fedcba987654", ".public.building-fedcba987654.lock", ".public.old-linkedlink"]
    assert not [p for p in out.rglob(".*")]


def test_a_swap_killed_halfway_gets_the_previous_site_back(site, tmp_path):
    out = tmp_path / "public"
    assert run_cli("build", "--content", site, "--out", out).code == 0
    (out / "marker").write_text("previous")
    out.rename(tmp_path / ".public.old-0123456789ab")  # killed between the two renames
    (tmp_path / ".public.building-0123456789ab").mkdir()
    (tmp_path / ".public.building-0123456789ab.lock").write_bytes(b"catalogue build 99999\n")
    from catalogue.write import remove_leftovers

    remove_leftovers(tmp_path, "public", out)
    assert (out / "marker").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".public")) == []


def test_print_stages_beside_the_site_never_inside_it(site, tmp_path, monkeypatch):
    from catalogue import write as write_module

    out = tmp_path / "public"
    seen: list[Path] = []
    real = write_module.swap_in

    def spy(staging, target, old, **options):
        seen.append(staging)
        return real(staging, target, old, **options)

    monkeypatch.setattr(write_module, "swap_in", spy)
    monkeypatch.setattr("catalogue.outputs.print.jobs.render_all", lambda jobs, workers: [_fake_pdf(job) for job in jobs])
    assert run_cli("print", "--content", site, "--out", out).code == 0
    assert [p.parent for p in seen] == [tmp_path] and seen[0].name.startswith(".public.tisk.building-")
    assert sorted(p.name for p in out.iterdir()) == ["tisk"]


def _fake_pdf(job):
    from catalogue.outputs.print.pdf import Rendered

    return Rendered(b"%PDF-1.7 " + job.name.encode(), 4)


# --- 8. the record cache is data this user wrote, or nothing --------------------------------


class Exploit:
    """A pickle that runs a command when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_cache_never_runs_and_is_rebuilt_with_a_note(site, tmp_path, caplog):
    from catalogue import sealed

    path = default_cache_folder(site) / "records.pickle"
    path.parent.mkdir(parents=True)
    marker = tmp_path / "pwned"
    path.write_bytes(pickle.dumps({"x": Exploit(marker)}))
    result = check_content(site)
    assert not marker.exists() and not result.problems.has_errors()
    assert caplog.messages == [f"note: the record cache {path} cannot be used (not a sealed cache); it is ignored and written again"]
    assert sealed.unseal(path.read_bytes())  # written again, sealed


def test_a_cache_sealed_with_another_key_is_not_unpickled(site, tmp_path, caplog, monkeypatch):
    check_content(site)
    path = default_cache_folder(site) / "records.pickle"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    check_content(site)
    assert caplog.messages == [
        f"note: the record cache {path} cannot be used (sealed with another key, or changed since); it is ignored and written again"
    ]


def test_a_sealed_cache_of_the_wrong_shape_is_ignored(site, caplog):
    from catalogue import sealed

    path = default_cache_folder(site) / "records.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(sealed.seal({"key": ("not", "an", "entry")}))
    assert not check_content(site).problems.has_errors()
    assert caplog.messages == [f"note: the record cache {path} cannot be used (not a record cache); it is ignored and written again"]
    assert len(RecordCache(path.parent).entries) == 5 + 2 + 1 + 1 + 1  # localities, services, provider, life situation, page


def test_a_cache_is_sealed_as_it_is_pickled_into_the_same_bytes(tmp_path):
    """``write_sealed`` streams the pickle to the file (the national open-data cache is 85 MB) and seals it
    last: the bytes are those of ``seal``, read back whole, and no temporary file stays behind."""
    from catalogue import sealed

    value = {"parts": [("x" * 70_000, i) for i in range(40)]}  # several of pickle's frames
    path = tmp_path / "cache" / "big.pickle"
    sealed.write_sealed(path, value)
    assert path.read_bytes() == sealed.seal(value)
    assert sealed.read_sealed(path) == value
    assert [p.name for p in path.parent.iterdir()] == ["big.pickle"]


def test_the_cache_key_lives_outside_the_repository_readable_by_the_user_alone(site, tmp_path):
    from catalogue import sealed

    check_content(site)
    key = sealed.key_path()
    assert key.is_file() and oct(key.stat().st_mode & 0o777) == "0o600"
    assert site.parent not in key.parents


def test_a_planted_print_cache_entry_never_runs(tmp_path, caplog):
    from catalogue.outputs.print.cache import PdfCache

    marker = tmp_path / "pwned"
    (tmp_path / "abc.pdfcache").write_bytes(pickle.dumps(Exploit(marker)))
    assert PdfCache(tmp_path).get("abc") is None and not marker.exists()
    assert caplog.messages == [
        f"note: the printed document {tmp_path}/abc.pdfcache in the print cache cannot be used (not a sealed cache); it is laid out again"
    ]


# --- 9. themes render in Jinja's sandbox ----------------------------------------------------


def test_a_theme_template_cannot_run_commands_on_the_build_machine(make_site, tmp_path):
    marker = tmp_path / "pwned"
    content = make_site({
        "theme/templates/page.html": "{% extends 'base.html' %}{% block main %}\n"
        f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n{{% endblock %}}\n",
    })
    out = tmp_path / "public"
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 1 and not marker.exists() and not out.exists()
    assert problems(result, content)[:2] == [
        "theme/templates/page.html:2:1: chyba šablony: access to attribute '__init__' of 'type' object is unsafe.",
        '1 chyba v 1 souboru',
    ]


def test_a_theme_template_is_given_no_module_to_reach_into(make_site, tmp_path):
    content = make_site({"theme/templates/page.html": "{% extends 'base.html' %}{% block main %}{{ views.json }}{% endblock %}\n"})
    result = run_cli("build", "--content", content, "--out", tmp_path / "public")
    assert problems(result, content)[0] == "theme/templates/page.html:1:1: chyba šablony: 'views' is undefined"


def test_the_sandbox_renders_the_built_in_templates_unchanged(make_site, tmp_path):
    from conftest import ROOT

    plain = tmp_path / "plain"
    content = make_site({})
    assert run_cli("build", "--content", content, "--out", plain).code == 0
    (content / "theme").mkdir()
    (content / "theme/templates").symlink_to(ROOT / "templates")  # every template "from the theme": all sandboxed
    themed = tmp_path / "themed"
    assert run_cli("build", "--content", content, "--out", themed).code == 0
    files = sorted(p.relative_to(plain) for p in plain.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(themed) for p in themed.rglob("*") if p.is_file())
    assert all((plain / f).read_bytes() == (themed / f).read_bytes() for f in files)


# --- 11. length limits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("name: Azylový dům pro matky s dětmi", "name: " + "Domov" * 80,
         '1:7: name: text má 400 znaků, tady je povoleno nejvýš 200; zkraťte ho'),
        ("kind: registered", "kind: registered\nsummary: " + "x" * 1001,
         '4:10: summary: text má 1001 znaků, tady je povoleno nejvýš 1000; zkraťte ho'),
        (DESCRIPTION, "description: " + "Text." * 4800 + "\n",
         '25:14: description: text má 24 000 znaků, tady je povoleno nejvýš 20 000; zkraťte ho'),
        ("provider: charita-lysa", "provider: " + "p" * 500,
         '2:11: provider: text má 500 znaků, tady je povoleno nejvýš 100; zkraťte ho'),
        ("kind: registered", "kind: " + "k" * 500,
         f'3:7: kind: „{"k" * 79}…“ není druh záznamu; napište jedno z: registrovaná (registered), související (related)'),
        ("email: azyl@example.org", "email: " + "a" * 300 + "@example.org",
         '13:46: contacts.email[0]: text má 312 znaků, tady je povoleno nejvýš 254; zkraťte ho'),
    ],
    ids=["name", "summary", "description", "reference", "literal", "email"],
)
def test_text_fields_have_limits_that_messages_state(make_site, replace, by, expected):
    content = make_site({SERVICE_FILE: SERVICE.replace(replace, by, 1)})
    lines = problems(run_cli("check", "--content", content), content)
    assert f"{SERVICE_FILE}:{expected}" in lines


def test_a_10_mb_name_is_refused_before_it_is_read(make_site, tmp_path):
    content = make_site({SERVICE_FILE: SERVICE.replace("name: Azylový dům pro matky s dětmi", "name: " + "x" * 10_485_760)})
    size = (content / SERVICE_FILE).stat().st_size
    check, build = check_and_build(content, tmp_path / "public")
    assert check == [
        f"{SERVICE_FILE}:1:1: soubor má {size:,} bajtů, soubor s obsahem smí mít nejvýš 1 048 576; zkraťte jeho texty, nebo ho rozdělte".replace(f"{size:,}", f"{size:,}".replace(",", " ")),
        '1 chyba v 1 souboru',
    ]


def test_no_message_repeats_a_huge_value():
    from catalogue.errors import MESSAGE_MAX, Problem

    assert len(Problem("x.yaml", 1, 1, "name", "y" * 1_000_000).format()) < MESSAGE_MAX + 40
