"""UI strings translated once, when a template is compiled: the same output as Jinja's gettext on every page."""

from __future__ import annotations

import jinja2
import pytest

from catalogue.render.env import make_environment
from catalogue.render.i18n import ConstantGettext, translations


class Shouting:
    """Translations that mark every message, with markup and a literal percent sign."""

    def gettext(self, message: str) -> str:
        return f"<b>{message}</b> ✓ 100%%" if message != "broken" else "100 % off"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def environment(constant: bool, autoescape: bool = True) -> jinja2.Environment:
    extensions = ["jinja2.ext.i18n", ConstantGettext] if constant else ["jinja2.ext.i18n"]
    env = jinja2.Environment(extensions=extensions, autoescape=autoescape)
    env.install_gettext_translations(Shouting(), newstyle=True)
    if constant:
        env.constant_gettext = Shouting().gettext
    return env


TEMPLATES = [
    '{{ _("Search") }}',
    "<p title=\"{{ _('Opening hours') }}\">{{ _('Opening hours') | upper }}</p>",
    '{{ _("Search") ~ "!" }} {{ gettext("Search") }}',
    '{{ _("%(n)s services", n=3) }}',
    '{{ ngettext("one service", "%(num)d services", 2) }}',
    '{% set t = {"_": _} %}{{ t._("Search") }}',
    '{{ _("broken") if false else "" }}',
]


@pytest.mark.parametrize("source", TEMPLATES)
@pytest.mark.parametrize("autoescape", [True, False])
def test_a_template_renders_as_with_jinjas_gettext(source, autoescape):
    expected = environment(False, autoescape).from_string(source).render()
    assert environment(True, autoescape).from_string(source).render() == expected


def test_a_constant_call_is_gone_from_the_compiled_template():
    code = environment(True).compile('{{ _("Search") }}', raw=True)
    assert "resolve('_')" not in code and "<b>Search</b>" in code
    code = environment(True).compile('{{ _("Search %(x)s", x=1) }}', raw=True)
    assert "resolve('_')" in code and "<b>Search" not in code


def test_an_invalid_format_string_still_fails_when_rendered():
    source = '{{ _("broken") }}'
    with pytest.raises((ValueError, TypeError)):
        environment(False).from_string(source).render()
    with pytest.raises((ValueError, TypeError)):
        environment(True).from_string(source).render()


@pytest.mark.parametrize("language", ["cs", "en", "pl"])
def test_the_site_environment_translates_constants_into_its_language(language):
    message = "Back to the home page"
    rendered = make_environment(language).from_string('{{ _("Back to the home page") }}').render()
    assert rendered == str(jinja2.filters.Markup(translations(language).gettext(message)) % {})
