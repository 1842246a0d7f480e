"""The vocabularies' terms (service types, target groups, forms, capacity units, languages, synonyms) and the registry mapping.

Field descriptions are Czech, as in :mod:`.records`: editors read them in VS Code and the guide.
"""

from __future__ import annotations

from typing import Optional

from .fields import Bool, Name, ProperName, Slug, Text, field
from .records import AgeRange, Form, GroupChoice, Record


class Term(Record):
    name: ProperName = field("Název")
    description: Optional[Text] = field("Vysvětlení srozumitelnou češtinou", default=None)


class ServiceType(Term):
    paragraph: Optional[Name] = field('Paragraf zákona 108/2006 Sb., např. "57"; u souvisejících aktivit chybí', default=None, pattern=r"^\d+[a-z]?$")
    group: GroupChoice = field(
        "Skupina: poradenství (counselling), péče (care), prevence (prevention), související aktivity (related)"
    )
    quick_exit: Bool = field("Citlivý druh (azylové domy, krizová pomoc): jeho stránky mají tlačítko Rychle odejít", default=False)


class Language(Term):
    native: Optional[Name] = field("Název jazyka v tom jazyce, např. українська", default=None)


# The plural categories of Unicode CLDR that the site languages use with whole numbers:
# cs one/few/other, pl one/few/many, en one/other. Babel tells which one a number takes.
PLURAL_CATEGORIES = ("one", "few", "many", "other")


class PluralForms(Record):
    one: Optional[Name] = field("Tvar po čísle 1, např. 1 lůžko", default=None)
    few: Optional[Name] = field("Tvar po číslech 2–4, např. 3 lůžka (polsky i po 22–24, 32–34…)", default=None)
    many: Optional[Name] = field(
        "Jen polsky: tvar po 0, 5–21, 25–31…, např. 5 łóżek; čeština ho u celých čísel nepoužívá", default=None
    )
    other: Optional[Name] = field(
        "Česky tvar po 0 a po 5 a více, např. 28 lůžek; anglicky po všem kromě 1, např. 28 beds", default=None
    )

    def given(self) -> list[str]:
        """Return the categories that have a form, in CLDR order."""
        return [c for c in PLURAL_CATEGORIES if getattr(self, c) is not None]


class CapacityUnit(Term):
    name: ProperName = field("Název jednotky, např. lůžka; bez forms se píše za každé číslo")
    forms: Optional[PluralForms] = field(
        "Tvary slova za číslem podle jazyka webu, česky {one: lůžko, few: lůžka, other: lůžek} "
        "(1 lůžko, 3 lůžka, 28 lůžek); chybí-li, píše se name",
        default=None,
    )

    def word(self, category: str) -> str:
        """Return the word after a number of the plural ``category`` (Babel's: one, few, many, other)."""
        if self.forms is not None:
            for candidate in (category, "other"):
                form = getattr(self.forms, candidate, None)
                if form is not None:
                    return form
        return self.name


class Synonym(Record):
    """A group of words or phrases that mean the same to someone searching."""

    terms: list[Name] = field(
        "Slova nebo fráze, které mají při hledání znamenat totéž, např. [bezdomovec, osoby bez přístřeší]; "
        "záznam, který obsahuje jednu z nich, najde hledání kterékoli z nich",
        min_length=2,
    )
    note: Optional[Text] = field("Poznámka pro redakci (na webu se nezobrazuje)", default=None)


class RegistryMapping(Record):
    """``vocabularies/registry.yaml``: what the registry's code lists call differently from our vocabularies."""

    service_types: dict[Text, Slug] = field("Název druhu služby v registru → id ze slovníku service-types", default={})
    target_groups: dict[Text, Slug] = field("Název cílové skupiny v registru → id ze slovníku target-groups", default={})
    forms: dict[Text, Form] = field("Název formy v registru → residential, outpatient nebo field", default={})
    capacity_units: dict[Text, Slug] = field("Název typu kapacity v registru → id ze slovníku capacity-units", default={})
    age_groups: dict[Text, AgeRange] = field("Název věkové skupiny bez čísel v názvu → věk {min: …, max: …}", default={})
