"""The kinds of content, one row each: the registry every stage reads.

A row says where a kind's files lie and how they are read (the loader), which
model validates them (validation, the record cache), which fields name other
records (the cross-record checks, the editors' schemas, the CMS), the URL
section of its pages (the site, search, print), how editors see it (the CMS
collection, ``build.py new``) and whether renamed records leave a redirect.
The live preview compares catalogues kind by kind from the same rows.

A new kind of record (a community plan's ``plans/``, ``measures/``, ``news/``) is
one :class:`RecordKind` here with its model in :mod:`.records`; a new vocabulary
one :class:`VocabularyKind`. What *shows* a new kind — a page template and its
context, a search document — is added where those live (``render/pages.py``,
``search/documents.py``); a test lists the kinds that have a URL section but no page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.content import Folder, Reader, read_page, read_pdf, read_record, read_yaml
from .plan_parts import PLAN_PARTS, ActionPlan, CommentPeriod, NewsItem, NewsMeta, PdfFile, WorkingGroup
from .plans import Measure, Plan, Priority
from .records import LifeSituation, Locality, Page, PageMeta, Provider, Record, Service
from .vocabularies import CapacityUnit, Language, RegistryMapping, ServiceType, Synonym, Term

Reference = tuple[str, str]  # (path of the field, what it names); ``[]`` marks a list: "locations[].locality"


@dataclass(frozen=True)
class RecordKind:
    """A folder of records, one per file, whose file name is the id."""

    folder: str  # "services": the folder under content/, the first part of a record key ("services/x")
    name: str  # "service": one record, as ``build.py new`` and search results name it
    model: type[Record]  # validates a file (pages: the front matter and the body)
    section: str | None  # URL section of its pages ("sluzby"); None: no pages of its own
    label: str  # the CMS collection: "Služby"
    label_singular: str  # "Služba"
    referenced_as: str  # what a field naming one of these is called in messages: "provider"
    references: tuple[Reference, ...] = ()  # fields that name other records or terms
    title_field: str = "name"  # the field that names a record to people ("title" for life situations, pages)
    suffix: str = ".yaml"
    reader: Reader = read_record
    editable: type[Record] | None = None  # what editors write, when not the whole model (a page's front matter)
    new: bool = True  # offered by ``build.py new``
    # Where the files lie when not in content/<folder>/: one "*" stands for the folder of the record
    # they belong to ("plans/*/measures": a plan's measures); the loader sets ``owner_field`` to its name.
    location: str | None = None
    owner_field: str | None = None
    form: bool = True  # editors write its fields: the JSON Schemas, the guide's field reference and the CMS show it

    @property
    def nested(self) -> bool:
        return self.location is not None

    @property
    def attribute(self) -> str:
        """Return the Python name of the kind ("life_situations")."""
        return self.folder.replace("-", "_")

    @property
    def written(self) -> type[Record]:
        """Return the model of what editors write in the file (the schemas, the CMS, the guide)."""
        return self.editable or self.model

    @property
    def renamable(self) -> bool:
        """Return whether a record can keep its old ids (``former_ids``): a redirect page stands at each."""
        return "former_ids" in self.model.model_fields

    def key(self, ident: str) -> str:
        return f"{self.folder}/{ident}"

    def file_name(self, ident: str) -> str:
        return f"{ident}{self.suffix}"

    def source(self) -> Folder:
        """Return the folder as the loader reads it; a folder of records that own folders of parts knows their names."""
        owned = tuple(k.location.split("/*/", 1)[1] for k in RECORD_KINDS if k.location and k.location.startswith(f"{self.folder}/*/"))
        return Folder(self.folder, self.suffix, self.reader, self.location, owned)

    def file_path(self, ident: str) -> str:
        """Return the file of a record relative to the content folder: ``plans/2020-2024/measures/2-3.yaml``."""
        if self.location is None:
            return f"{self.folder}/{self.file_name(ident)}"
        owner, _, own = ident.partition("/")
        return f"{self.location.replace('*', owner)}/{self.file_name(own)}"


@dataclass(frozen=True)
class VocabularyKind:
    """One file of ``vocabularies/``: term id → term, or one document (``document``)."""

    file: str  # "service-types": vocabularies/service-types.yaml
    model: type[Record]  # validates one term, or the whole file of a document
    referenced_as: str | None  # what a field naming a term is called ("service type"); None: nothing names one
    section: str | None = None  # URL section of the terms' pages ("druhy-sluzeb")
    shown: bool = True  # web pages show its terms (a change re-renders them); synonyms only feed search
    required: bool = True  # the check fails when the file is missing or empty
    document: bool = False  # one document of sections (the registry mapping), not a list of terms

    @property
    def attribute(self) -> str:
        return self.file.replace("-", "_")

    @property
    def key(self) -> str:
        return f"vocabularies/{self.file}"


#: In the order editors meet them (the CMS's collections, the editors' guide): services first.
RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "services", "service", Service, "sluzby", "Služby", "Služba", "service",
        references=(
            ("provider", "provider"),
            ("type", "service type"),
            ("target_groups[]", "target group"),
            ("languages[]", "language"),
            ("area[]", "locality"),
            ("life_situations[]", "life situation"),
            ("capacity[].unit", "capacity unit"),
            ("locations[].locality", "locality"),
        ),
    ),
    RecordKind("providers", "provider", Provider, "poskytovatele", "Poskytovatelé", "Poskytovatel", "provider"),
    RecordKind("localities", "locality", Locality, "lokality", "Lokality", "Lokalita", "locality", references=(("parent", "locality"),)),
    RecordKind(
        "life-situations", "life-situation", LifeSituation, "zivotni-situace", "Životní situace", "Životní situace",
        "life situation",
        references=(
            ("gathers.types[]", "service type"),
            ("gathers.target_groups[]", "target group"),
            ("services[]", "service"),
        ),
        title_field="title",
    ),
    RecordKind(
        "pages", "page", Page, "stranky", "Stránky", "Stránka", "page",
        title_field="title", suffix=".md", reader=read_page, editable=PageMeta, new=False,
    ),
    # The community plan: a plan, and its parts in the plan's own folder (plans/ID/measures/…).
    RecordKind(
        "plans", "plan", Plan, "komunitni-plan", "Komunitní plány", "Komunitní plán", "plan",
        references=(("area[]", "locality"),), title_field="title", new=False,
    ),
    *(
        RecordKind(
            f"plan-{sub}", name, model, None, label, singular, name.replace("-", " "), references=references,
            title_field=title, new=False, location=f"plans/*/{sub}", owner_field="plan",
        )
        for sub, name, model, label, singular, references, title in (
            ("priorities", "priority", Priority, "Priority plánu", "Priorita", (), "title"),
            (
                "measures", "measure", Measure, "Opatření plánu", "Opatření",
                (("target_groups[]", "target group"), ("service_types[]", "service type"), ("localities[]", "locality"), ("services[]", "service")),
                "title",
            ),
            (
                "action-plans", "action-plan", ActionPlan, "Akční plány", "Akční plán",
                (
                    ("network.add[]", "service"), ("network.remove[]", "service"), ("network.services[].service", "service"),
                    ("network.services[].capacity.unit", "capacity unit"),
                ),
                "year",
            ),
            ("working-groups", "working-group", WorkingGroup, "Pracovní skupiny", "Pracovní skupina", (("target_groups[]", "target group"),), "name"),
            ("comment-periods", "comment-period", CommentPeriod, "Připomínková řízení", "Připomínkové řízení", (), "title"),
        )
    ),
    RecordKind(
        "news", "news-item", NewsItem, "novinky", "Novinky", "Novinka", "news item",
        references=(("plan", "plan"), ("services[]", "service")),
        title_field="title", suffix=".md", reader=read_page, editable=NewsMeta, new=False,
    ),
    # PDFs the plan's records name (the approved plan, a draft, minutes); published under /soubory/.
    RecordKind("files", "file", PdfFile, None, "Soubory (PDF)", "Soubor", "file", title_field="id", suffix=".pdf", reader=read_pdf, new=False, form=False),
)
assert {k.folder.removeprefix("plan-") for k in RECORD_KINDS if k.location} == set(PLAN_PARTS)

VOCABULARIES: tuple[VocabularyKind, ...] = (
    VocabularyKind("service-types", ServiceType, "service type", section="druhy-sluzeb"),
    VocabularyKind("target-groups", Term, "target group", section="cilove-skupiny"),
    VocabularyKind("forms", Term, None),
    VocabularyKind("capacity-units", CapacityUnit, "capacity unit"),
    VocabularyKind("languages", Language, "language"),
    VocabularyKind("synonyms", Synonym, None, shown=False, required=False),
    # What the registry's code lists call differently: read by ``build.py import registry`` only.
    VocabularyKind("registry", RegistryMapping, None, shown=False, required=False, document=True),
)

KINDS: dict[str, RecordKind] = {kind.folder: kind for kind in RECORD_KINDS}
VOCABULARY: dict[str, VocabularyKind] = {vocabulary.file: vocabulary for vocabulary in VOCABULARIES}
VOCABULARY_FOLDER = "vocabularies"
#: The folders of the content in reading order (site.yaml comes first, see ``load.content``).
CONTENT_FOLDERS: tuple[Folder, ...] = (Folder(VOCABULARY_FOLDER, ".yaml", read_yaml), *(k.source() for k in RECORD_KINDS))
#: What a reference names → the folder of its records ("vocabularies" for terms).
REFERENCED: dict[str, str] = {
    **{kind.referenced_as: kind.folder for kind in RECORD_KINDS},
    **{v.referenced_as: VOCABULARY_FOLDER for v in VOCABULARIES if v.referenced_as},
}
