"""The records editors write, one per YAML file; validation only, no IO.

Field descriptions are Czech: they are what editors read in VS Code and the guide.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional, get_args

from pydantic import BeforeValidator, WithJsonSchema, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..messages import fields as said
from .fields import (
    fail,
    Bool,
    Date,
    Email,
    Float,
    Ico,
    Int,
    MarkdownProse,
    Name,
    PageMarkdown,
    PHONE_PATTERN,
    Phone,
    ProperName,
    Prose,
    RegistryId,
    RuianCode,
    Slug,
    TermRef,
    Text,
    Url,
    field,
    one_or_many,
)
from .base import Identified, Record
from .choices import FORM_WORDS, GROUP_WORDS, KIND_WORDS, LEVEL_WORDS, choice
from .schedule import Hours


# --- shared parts --------------------------------------------------------------


class Address(Record):
    street: Optional[Name] = field("Ulice (nebo název obce, kde se ulice nepoužívají)", default=None)
    number: Optional[Name] = field('Číslo popisné/orientační, např. "1200/5"', default=None)
    city: Name = field("Obec nebo město")
    postcode: Optional[Name] = field('PSČ, např. "289 22"', default=None, pattern=r"^\d{3} ?\d{2}$")
    ruian: Optional[RuianCode] = field(
        'Kód adresního místa v RÚIAN, např. "43069571" (import z registru ho vyplní; slouží k párování a k odkazu na mapu)',
        default=None,
    )

    def one_line(self) -> str:
        """Return ``Masarykova 1200/5, 289 22 Lysá nad Labem``."""
        street = " ".join(p for p in (self.street, self.number) if p)
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (street, town) if p)


def _one_or_many_schema(item: dict) -> WithJsonSchema:
    return WithJsonSchema({"anyOf": [item, {"type": "array", "items": item}]})


Phones = Annotated[list[Phone], BeforeValidator(one_or_many), _one_or_many_schema({"type": "string", "pattern": PHONE_PATTERN})]
Emails = Annotated[list[Email], BeforeValidator(one_or_many), _one_or_many_schema({"type": "string", "format": "email"})]


class Contacts(Record):
    phone: Phones = field(
        "Telefon nebo seznam telefonů, např. +420 325 551 234 nebo 325 551 234, linka 12; web je ukáže jednotně jako +420 325 551 234",
        default=[],
    )
    email: Emails = field("E-mail nebo seznam e-mailů", default=[])
    web: Optional[Url] = field("Webová stránka, např. www.example.cz nebo https://www.example.cz/poradna", default=None)
    note: Optional[Text] = field("Poznámka ke kontaktu, např. kdy volat", default=None)

    def is_empty(self) -> bool:
        return not (self.phone or self.email or self.web)


class Coordinates(Record):
    lat: Float = field("Zeměpisná šířka, např. 50.2016", ge=-90, le=90)
    lon: Float = field("Zeměpisná délka, např. 14.8329", ge=-180, le=180)


class Source(Record):
    """Where an imported record came from: what makes the registry's fields the registry's."""

    registry: Literal["rpss"] = field("Zdroj: rpss = registr poskytovatelů sociálních služeb (MPSV)")
    portal_id: Optional[Int] = field("Číslo registrace v registru (portalId); u poskytovatele chybí", default=None, ge=1)
    imported: Date = field("Kdy import záznam založil (RRRR-MM-DD)")
    ico: Optional[Text] = field(
        "IČO, jak ho uvádí registr, když neprošlo kontrolou; import podle něj poskytovatele najde. Neměňte ho",
        default=None, pattern=r"^\d{8}$")


SOURCE_DESCRIPTION = (
    "Odkud záznam pochází; píše ho import z registru a podle něj pozná, které údaje obnovuje. "
    "Ručně zapsaný záznam ho nemá; neměňte ho"
)


# --- site ----------------------------------------------------------------------


class Organisation(Record):
    name: ProperName = field("Název organizace, která katalog vydává")
    web: Optional[Url] = field("Web organizace", default=None)


class Repository(Record):
    url: Url = field("Adresa repozitáře, např. https://github.com/mesto/katalog")
    branch: Name = field("Větev s obsahem", default="main")
    content_path: Name = field("Složka s obsahem v repozitáři", default="content")


class Checks(Record):
    verified_max_age_months: Int = field("Po kolika měsících je záznam považován za neověřený", default=12, ge=1)


class CrisisLine(Record):
    number: Phone = field("Číslo linky, např. 116 123")
    name: Text = field("Název linky a komu pomáhá, např. Linka první psychické pomoci")
    note: Optional[Text] = field("Kdy a za kolik, např. nonstop, zdarma", default=None)


class MapOptions(Record):
    tiles: Text = field(
        "Adresa mapových dlaždic se {z}, {x} a {y} (a případně {s}); výchozí jsou dlaždice OpenStreetMap",
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png", pattern=r"^https?://\S*\{z\}\S*$",
    )
    attribution: Text = field("Komu mapa patří (zobrazí se v rohu mapy)", default="© OpenStreetMap")
    attribution_url: Url = field("Odkaz z uvedení autorů mapy", default="https://www.openstreetmap.org/copyright")
    max_zoom: Int = field("Největší přiblížení, které dlaždice nabízejí", default=19, ge=1, le=22)


class PrintOptions(Record):
    format: Literal["A5", "A4"] = field("Formát tištěného katalogu", default="A5")
    chapters: Literal["group", "target_group"] = field(
        "Kapitoly tištěného katalogu: podle skupiny služeb, nebo podle cílové skupiny", default="group"
    )
    leaflet_format: Literal["DL", "A5"] = field("Formát letáků k životním situacím", default="DL")


class OpenData(Record):
    publisher_ico: Optional[Ico] = field(
        'IČO orgánu veřejné moci, který data zveřejňuje (poskytovatel v Národním katalogu otevřených dat), např. "75034603"',
        default=None,
    )
    licence: Literal["cc-by-4.0", "cc0"] = field(
        "Podmínky užití otevřených dat: cc-by-4.0 (volně, s uvedením vydavatele) nebo cc0 (bez jakýchkoli podmínek)",
        default="cc-by-4.0",
    )
    update_frequency: Literal["continuous", "daily", "weekly", "monthly", "quarterly", "annual", "irregular"] = field(
        "Jak často se data aktualizují (pro katalog otevřených dat)", default="irregular"
    )


class Site(Record):
    title: ProperName = field("Název katalogu")
    language: Literal["cs", "en", "pl"] = field("Jazyk webu", default="cs")
    country: Literal["CZ", "PL"] = field("Země (pro kontrolu souřadnic)", default="CZ")
    base_url: Url = field("Adresa, kde web poběží, např. https://katalog.mesto.cz/")
    organisation: Organisation = field("Kdo katalog vydává")
    contact: Contacts = field("Kontakt na redakci katalogu (sem chodí hlášení chyb)")
    repository: Optional[Repository] = field("Repozitář s obsahem (odkazy „upravit záznam“)", default=None)
    description: Optional[Text] = field("Krátký popis katalogu", default=None)
    demo: Bool = field("Jde o ukázková data (web to zřetelně označí)", default=False)
    checks: Checks = field("Nastavení kontrol", default=Checks())
    print: PrintOptions = field("Nastavení tisku", default=PrintOptions())
    open_data: OpenData = field("Otevřená data: kdo je zveřejňuje a za jakých podmínek", default=OpenData())
    map: MapOptions = field("Mapy na webu: odkud jsou dlaždice a komu patří", default=MapOptions())
    quick_exit: Url = field("Neutrální web, na který vede tlačítko Rychle odejít (a klávesa Esc)", default="https://www.google.com/")
    crisis_lines: Optional[list[CrisisLine]] = field(
        "Krizové linky v záhlaví každé stránky a na zadní straně tištěného katalogu; bez nastavení celostátní linky podle země, [] žádné", default=None
    )


# --- providers -----------------------------------------------------------------


class Provider(Identified):
    name: ProperName = field("Název poskytovatele")
    ico: Optional[Ico] = field('IČO, 8 číslic v uvozovkách, např. "00845451"', default=None)
    legal_form: Optional[Name] = field("Právní forma, např. spolek, obecně prospěšná společnost", default=None)
    address: Optional[Address] = field("Adresa sídla", default=None)
    contacts: Contacts = field("Kontakty", default=Contacts())
    description: Optional[MarkdownProse] = field("Popis poskytovatele (Markdown)", default=None)
    verified: Optional[Date] = field("Kdy redakce údaje naposledy ověřila (RRRR-MM-DD)", default=None)
    former_ids: list[Slug] = field(
        "Dřívější identifikátory (názvy souborů) záznamu po přejmenování; na starých adresách webu vzniknou přesměrování na novou",
        default=[],
    )
    source: Optional[Source] = field(SOURCE_DESCRIPTION, default=None)


# --- services ------------------------------------------------------------------


class AgeRange(Record):
    min: Optional[Int] = field("Nejnižší věk klientů", default=None, ge=0, le=130)
    max: Optional[Int] = field("Nejvyšší věk klientů", default=None, ge=0, le=130)

    @model_validator(mode="after")
    def _ordered(self) -> "AgeRange":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise fail(said.AGE)
        return self


Form = Literal["residential", "outpatient", "field"]
FormChoice = choice(Form, FORM_WORDS, "form")
KindChoice = choice(Literal["registered", "related"], KIND_WORDS, "kind")


class Capacity(Record):
    count: Int = field("Registrovaná kapacita: nejvyšší počet, ne volná místa", ge=0)
    unit: TermRef = field("Jednotka kapacity ze slovníku capacity-units, jak ji ukazuje web (lůžka) nebo id (beds)")
    form: Optional[FormChoice] = field("Forma, ke které kapacita patří (pobytová, ambulantní, terénní nebo id); registr ji vede u každé formy zvlášť", default=None)


def _one_or_many_mappings(value: object) -> object:
    """Let an editor write one capacity as a mapping where a list of them is allowed."""
    return [value] if isinstance(value, dict) else value


class Fees(Record):
    paid: Bool = field("true = služba je placená, false = zdarma")
    text: Optional[Text] = field("Ceník nebo vysvětlení úhrad", default=None)


class Location(Record):
    name: Optional[ProperName] = field("Název místa, např. Kontaktní centrum", default=None)
    address: Optional[Address] = field("Adresa", default=None)
    locality: Slug = field("Lokalita (id ze složky localities)")
    coordinates: Optional[Coordinates] = field("Souřadnice pro odkaz na mapu", default=None)
    confidential: Bool = field(
        "Utajené místo (azylové domy): napište jen obec (locality); ulici, číslo, PSČ, souřadnice ani poznámky "
        "sem nepište vůbec — repozitář bývá veřejný. Web i tisk ukážou jen obec",
        default=False,
    )
    wheelchair: Optional[Bool] = field("Bezbariérový přístup", default=None)
    hours: Hours = field(
        "Otevírací doba: po dnech (mon: 8:00-12:00 …), nebo seznam rozvrhů s popiskem (kancelář, péče u klientů…), nebo nonstop",
        default=[],
    )
    notes: Optional[Text] = field("Poznámky k místu (jak se dostat, patro…)", default=None)


class Service(Identified):
    name: ProperName = field("Název služby")
    provider: Slug = field("Poskytovatel (id ze složky providers)")
    kind: KindChoice = field(
        "registrovaná (registered) = registrovaná sociální služba podle zákona 108/2006 Sb., "
        "související (related) = související aktivita"
    )
    type: TermRef = field("Druh služby ze slovníku service-types: název, jak ho ukazuje web, nebo id")
    registry_id: Optional[RegistryId] = field(
        'Identifikátor v registru poskytovatelů sociálních služeb, 7 číslic v uvozovkách', default=None
    )
    summary: Optional[Prose] = field("Jedna věta pro přehledy: komu a s čím služba pomáhá", default=None)
    forms: list[FormChoice] = field(
        "Formy poskytování: pobytová, ambulantní, terénní (nebo jejich id residential, outpatient, field)", default=[]
    )
    target_groups: list[TermRef] = field("Cílové skupiny ze slovníku target-groups: názvy, jak je ukazuje web, nebo id", default=[])
    age: Optional[AgeRange] = field("Věkové rozmezí klientů", default=None)
    area: list[Slug] = field("Kde služba působí (id lokalit)", default=[])
    capacity: Annotated[
        list[Capacity], BeforeValidator(_one_or_many_mappings), _one_or_many_schema(Capacity.model_json_schema())
    ] = field(
        "Registrovaná kapacita (nejvyšší počet klientů, lůžek…), jedna nebo seznam po formách", default=[]
    )
    fees: Optional[Fees] = field("Úhrady", default=None)
    languages: list[TermRef] = field("Jazyky, ve kterých se lze domluvit (slovník languages): název nebo id", default=[])
    contacts: Contacts = field("Kontakty; chybí-li, použijí se kontakty poskytovatele", default=Contacts())
    locations: list[Location] = field("Místa, kde se služba poskytuje", default=[])
    life_situations: list[Slug] = field("Životní situace, se kterými služba pomáhá", default=[])
    verified: Optional[Date] = field("Kdy redakce záznam naposledy ověřila (RRRR-MM-DD)", default=None)
    description: Optional[MarkdownProse] = field("Popis služby (Markdown)", default=None)
    former_ids: list[Slug] = field(
        "Dřívější identifikátory (názvy souborů) záznamu po přejmenování; na starých adresách webu vzniknou přesměrování na novou",
        default=[],
    )
    end_date: Optional[Date] = field(
        "Poslední den poskytování (RRRR-MM-DD); po něm služba zmizí z přehledů, hledání a tisku, "
        "její stránka zůstane a řekne, že služba skončila",
        default=None,
    )
    source: Optional[Source] = field(SOURCE_DESCRIPTION, default=None)

    def ended(self, on: dt.date) -> bool:
        """Return whether the service's last day lies before ``on``."""
        return self.end_date is not None and self.end_date < on


# --- localities ----------------------------------------------------------------

# Largest first: a locality lies in one of a larger level (Prague's municipality lies straight
# in its region, a part in a city district or a municipality).
Level = Literal["region", "district", "municipality", "city-district", "part", "neighbourhood"]
LEVELS: tuple[str, ...] = get_args(Level)
#: The levels a person names a place by: parts of a town are named with their town.
UP_TO_MUNICIPALITY = LEVELS[: LEVELS.index("municipality") + 1]
LevelChoice = choice(Level, LEVEL_WORDS, "level")


class Locality(Identified):
    name: ProperName = field("Název lokality")
    in_name: Optional[Name] = field(
        "Název po předložce, i s ní, jak se píše ve větě „12 služeb v Lysé nad Labem“: v Lysé nad Labem, ve Staré Boleslavi, "
        "na Kersku; bez něj web napíše „v obci Lysá nad Labem“ (u okresu a kraje „okres Nymburk: …“)",
        default=None,
    )
    level: LevelChoice = field(
        "Úroveň: kraj (region), okres nebo ORP (district), obec (municipality), městský obvod nebo městská část "
        "(city-district), část obce (part), čtvrť (neighbourhood)"
    )
    parent: Optional[Slug] = field("Nadřazená lokalita (id); Praha leží přímo v kraji, bez okresu", default=None)
    code: Optional[Name] = field(
        'Úřední kód: kraj a okres kódem NUTS/LAU ("CZ020", "CZ0208"), obec, městský obvod a část obce '
        'kódem ČSÚ/RÚIAN ("537560"); v rámci úrovně jedinečný, podle něj import páruje lokality',
        default=None,
    )
    centroid: Optional[Coordinates] = field("Střed lokality", default=None)


# --- life situations -----------------------------------------------------------


class Gathers(Record):
    types: list[TermRef] = field("Druhy služeb, které situace sdružuje (názvy nebo id)", default=[])
    target_groups: list[TermRef] = field("…a cílové skupiny (služba musí mít alespoň jednu; názvy nebo id)", default=[])


class LifeSituation(Identified):
    title: ProperName = field("Název životní situace, např. Přicházím o bydlení")
    summary: Optional[Prose] = field("Jedna věta pro přehled", default=None)
    text: MarkdownProse = field("Rady pro občany (Markdown)")
    gathers: Optional[Gathers] = field("Které služby situace sdružuje podle druhu a cílové skupiny", default=None)
    services: list[Slug] = field("Výslovný seznam služeb (id)", default=[])
    order: Int = field("Pořadí v přehledu", default=100)
    quick_exit: Bool = field("Citlivá situace (domácí násilí): její stránka a stránky jejích služeb mají tlačítko Rychle odejít", default=False)
    former_ids: list[Slug] = field(
        "Dřívější identifikátory (názvy souborů) záznamu po přejmenování; na starých adresách webu vzniknou přesměrování na novou",
        default=[],
    )


# --- free pages ----------------------------------------------------------------


class PageMeta(Identified):
    title: ProperName = field("Nadpis stránky")
    nav: Bool = field("Zobrazit v navigaci", default=False)
    order: Int = field("Pořadí v navigaci", default=100)
    description: Optional[Prose] = field("Krátký popis pro vyhledávače", default=None)


class Page(PageMeta):
    body: SkipJsonSchema[PageMarkdown] = field("Text stránky (Markdown)")


# --- the groups of service types (a vocabulary's field; print and the indexes order by them) ---

ServiceGroup = Literal["counselling", "care", "prevention", "related"]
SERVICE_GROUPS: tuple[str, ...] = get_args(ServiceGroup)  # the law's order; related activities (outside it) last
GroupChoice = choice(ServiceGroup, GROUP_WORDS, "group")
