"""The editors' report at ``/redakce/``: what needs an editor's attention, on one page.

Not linked from the public navigation and marked ``noindex``: records not verified
for longer than ``site.checks.verified_max_age_months``, services nobody can
contact, services without a place or a description, and possible duplicates
(one IČO on two providers; near-identical names).

Duplicate names are found without comparing every pair (6,700 services would be
22 million comparisons): names are normalised (lower case, no accents, no
punctuation or legal form), equal keys are grouped, and near-identical keys are
found by the sorted-neighbourhood method — each key is compared with the few
that sort next to it, once by the key and once by the key reversed, so a typo at
either end still lands beside its twin.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..index import Catalogue, collate
from ..model.kinds import KINDS
from ..render.env import make_environment
from ..render.urls import relative, url_for
from ..sealed import read_sealed, write_sealed
from .context import OutputContext

URL = "/redakce/"
WINDOW = 4  # neighbours compared on each side in the sorted lists
SIMILAR = 0.92  # difflib ratio above which two normalised names count as near-identical
_LEGAL_FORMS = re.compile(
    r"\b(z ?s|o ?p ?s|s ?r ?o|z ?u|a ?s|v ?o ?s|spol|o ?s|p ?o|cpo|sro|ops|zs|zu|prispevkova organizace|spolek|zapsany spolek|obecne prospesna spolecnost)\b"
)


@dataclass(frozen=True)
class Item:
    """One record in a list of the report."""

    kind: str  # "services", "providers"
    id: str
    name: str
    source: str  # content-relative path, for the "edit" link
    note: str = ""


@dataclass(frozen=True)
class Duplicate:
    """Records that may describe the same thing, and why they are shown together."""

    reason: str  # "ico" or "name"
    items: tuple[Item, ...]
    detail: str = ""


@dataclass
class Report:
    max_age_months: int
    unverified: list[Item]
    no_contact: list[Item]
    no_locations: list[Item]
    no_description: list[Item]
    duplicates: list[Duplicate]

    @property
    def total(self) -> int:
        return len(self.unverified) + len(self.no_contact) + len(self.no_locations) + len(self.no_description) + len(self.duplicates)


def write_editors_report(context: OutputContext) -> None:
    """Render the report page into the output tree."""
    cat = context.catalogue
    verdicts = Verdicts.of(context.cache)
    report = build_report(cat, context.today, verdicts)
    verdicts.save()
    env = make_environment(cat.site.language, context.theme / "templates" if context.theme else None)
    html = env.get_template("editors/report.html").render(
        report=report,
        site=cat.site,
        today=context.today,
        record_url=lambda item: relative(URL, url_for(item.kind, item.id)),
        edit_url=lambda item: edit_url(cat, item),
        link=lambda url: relative(URL, url),
    )
    context.tree.add(URL, html, "editors' report")


def build_report(cat: Catalogue, today: dt.date, verdicts: Verdicts | None = None) -> Report:
    """Collect everything the report lists, each list in Czech alphabetical order."""
    months = cat.site.checks.verified_max_age_months
    services = cat.sorted_services
    providers = sorted(cat.providers.values(), key=lambda p: (collate(p.name), p.id))
    unverified = [
        _item(cat, kind, record, note=record.verified.isoformat() if record.verified else "")
        for kind, records in (("services", services), ("providers", providers))
        for record in records
        if not verified_recently(record.verified, today, months)
    ]
    return Report(
        max_age_months=months,
        unverified=unverified,
        no_contact=[_item(cat, "services", s) for s in services if cat.contacts_for(s).is_empty()],
        no_locations=[_item(cat, "services", s) for s in services if not s.locations],
        no_description=[_item(cat, "services", s) for s in services if not (s.description or "").strip()],
        duplicates=[*same_ico(cat), *similar_names(cat, verdicts)],
    )


def verified_recently(verified: dt.date | None, today: dt.date, months: int) -> bool:
    """Return whether a record was verified less than ``months`` ago (the rule ``check`` warns by)."""
    if verified is None:
        return False
    age = (today.year - verified.year) * 12 + today.month - verified.month - (today.day < verified.day)
    return age < months


def same_ico(cat: Catalogue) -> list[Duplicate]:
    """Return providers that share one IČO."""
    by_ico: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(cat.providers):
        ico = cat.providers[pid].ico
        if ico:
            by_ico[ico].append(pid)
    return [
        Duplicate("ico", tuple(_item(cat, "providers", cat.providers[p]) for p in ids), ico)
        for ico, ids in sorted(by_ico.items())
        if len(ids) > 1
    ]


def similar_names(cat: Catalogue, verdicts: Verdicts | None = None) -> list[Duplicate]:
    """Return groups of providers, and of services near each other, with near-identical names.

    Two services count only when they also share a provider or a locality: every town
    has its own "Pečovatelská služba", and those are not duplicates.
    """
    out: list[Duplicate] = []
    providers = tuple((pid, normalise(p.name)) for pid, p in sorted(cat.providers.items()))
    for group in near_identical(providers, verdicts):
        out.append(Duplicate("name", tuple(_item(cat, "providers", cat.providers[p]) for p in group)))
    services = tuple((sid, normalise(s.name)) for sid, s in sorted(cat.services.items()))
    for group in near_identical(services, verdicts):
        for part in _connected(cat, group):
            out.append(Duplicate("name", tuple(_item(cat, "services", cat.services[s]) for s in part)))
    return out


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Return a comparison key: lower case, no accents, no punctuation, no legal form, single spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", " ", folded)
    return " ".join(_LEGAL_FORMS.sub(" ", words).split())


@dataclass
class Verdicts:
    """Whether two names' keys are near-identical, for each pair compared: difflib is the report's slowest part.

    What the last run compared is kept in memory (the live preview) and in the content's
    cache (``build``), so a one-edit national build compares only the pairs its edit made
    new, instead of some 50,000 (0.6 s). A verdict depends on the two keys alone (and on
    ``SIMILAR``, which names the kept file's version).
    """

    path: Path | None = None
    before: dict[tuple[str, str], bool] = field(default_factory=dict)
    now: dict[tuple[str, str], bool] = field(default_factory=dict)

    VERSION = ("similar-names", 1, SIMILAR)

    @classmethod
    def of(cls, cache: Path | None) -> Verdicts:
        """Return the verdicts kept for the content whose cache folder is ``cache`` (None: this process's only)."""
        path = cache / "editors" / "similar-names.pickle" if cache is not None else None
        kept = _kept.get(path)
        if kept is None:
            stored = read_sealed(path)
            kept = stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == cls.VERSION else {}
        return cls(path, kept)

    def save(self) -> None:
        """Keep this run's verdicts (only the pairs it compared) for the next run."""
        _kept.clear()
        _kept[self.path] = self.now
        if self.path is not None and self.now != self.before:
            write_sealed(self.path, (self.VERSION, self.now))


_kept: dict[Path | None, dict[tuple[str, str], bool]] = {}  # the last run's verdicts, for the live preview's next


def near_identical(keyed: tuple[tuple[str, str], ...], verdicts: Verdicts | None = None) -> tuple[tuple[str, ...], ...]:
    """Return groups of ids whose keys are equal or nearly so; O(n log n), not O(n²).

    Numbers must match exactly: "Domov 1" and "Domov 2" are two places. ``verdicts``
    gives the pairs compared before, and learns the others.
    """
    verdicts = verdicts if verdicts is not None else Verdicts()
    before, now = verdicts.before, verdicts.now
    keys = {i: k for i, k in keyed if k}
    parent = {i: i for i in keys}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    numbers = {i: re.findall(r"\d+", k) for i, k in keys.items()}
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for order in (lambda i: (keys[i], i), lambda i: (keys[i][::-1], i)):
        ranked = sorted(keys, key=order)
        for pos, a in enumerate(ranked):
            indexed = False
            for b in ranked[pos + 1 : pos + 1 + WINDOW]:
                if numbers[a] != numbers[b] or find(a) == find(b):
                    continue
                pair = (keys[a], keys[b])
                similar = now.get(pair)
                if similar is None:
                    similar = before.get(pair)
                    if similar is None:
                        if not indexed:
                            matcher.set_seq2(keys[a])  # the expensive side, indexed once per name (when needed)
                            indexed = True
                        matcher.set_seq1(keys[b])
                        similar = keys[a] == keys[b] or (
                            matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR
                        )
                    now[pair] = similar
                if similar:
                    parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in sorted(keys):
        groups[find(i)].append(i)
    return tuple(sorted((tuple(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0]))


def _connected(cat: Catalogue, group: list[str]) -> list[list[str]]:
    """Split a group of similar service names into parts that share a provider or a locality."""
    def places(sid: str) -> set[str]:
        service = cat.services[sid]
        return {f"p:{service.provider}", *(f"l:{l.locality}" for l in service.locations), *(f"l:{a}" for a in service.area)}

    parts: list[tuple[set[str], list[str]]] = []
    for sid in group:
        mine = places(sid)
        joined = [part for part in parts if part[0] & mine]
        merged = (set(mine), [sid])
        for part in joined:
            merged[0].update(part[0])
            merged[1].extend(part[1])
            parts.remove(part)
        parts.append(merged)
    return [sorted(ids) for _, ids in parts if len(ids) > 1]


def edit_url(cat: Catalogue, item: Item) -> str | None:
    """Return the GitHub page that edits the record's file, when the repository is known."""
    repository = cat.site.repository
    if repository is None or not item.source:
        return None
    base = repository.url.rstrip("/").removesuffix(".git")
    return f"{base}/edit/{repository.branch}/{repository.content_path.strip('/')}/{item.source}"


def _item(cat: Catalogue, kind: str, record, note: str = "") -> Item:
    return Item(kind, record.id, record.name, f"{kind}/{KINDS[kind].file_name(record.id)}", note)
