"""Every message the import shows, each one template with named placeholders.

Message ids are English and marked with ``N_`` so ``python -m catalogue.render.messages``
puts them into the site's gettext catalogues; they are shown in the site's language
(Czech for a new catalogue). Never build a message from fragments: add a template here.
"""

from __future__ import annotations

from ..render.i18n import translations


def N_(message: str) -> str:
    """Mark ``message`` for translation; it is translated when shown."""
    return message


REGISTRY_URL = "https://data.mpsv.cz/web/data/rpss"

MESSAGES: dict[str, str] = {
    # --- the registry file -----------------------------------------------------------
    "source_unreadable": N_('cannot read the registry file "%(path)s": %(reason)s; download it again from %(url)s, or pass --source with its path'),
    "source_download": N_('cannot download "%(url)s": %(reason)s; try again later, or download the file in a browser and pass --source with its path'),
    "source_not_json": N_('%(path)s:%(line)d:%(column)d: the registry file is not valid JSON (%(reason)s); download it again'),
    "source_truncated": N_('%(path)s: the file ends in the middle, after %(count)d registrations; the download was interrupted, download it again'),
    "source_wrong_root": N_('%(path)s: expected an object with the key "polozky" (the list of registrations), found %(found)s; is this the registry file rpss.json?'),
    "source_not_utf8": N_('%(path)s: the file is not UTF-8 text (byte 0x%(byte)s at offset %(offset)d); download it again'),
    "item_not_object": N_('%(path)s: item %(index)d of "polozky" is %(found)s, not a registration; the file is damaged, download it again'),
    "item_no_portal_id": N_('%(path)s: registration no. %(index)d (identifikator %(ident)s) has no whole-number "portalId"; without it the import cannot follow the registration, download the file again'),
    "item_duplicate": N_('%(path)s: registration %(portal)s is listed twice; the file is damaged, download it again'),
    "item_wrong_type": N_('%(path)s: registration %(portal)s, key "%(key)s": expected %(expected)s, found %(found)s; the file does not have the registry\'s shape'),
    "item_unknown_id": N_('%(path)s: registration %(portal)s, key "%(key)s": "%(value)s" is not in the code list %(file)s; download the code lists again, they change with the registry'),
    "item_too_long": N_('%(path)s: registration %(portal)s, key "%(key)s": the value is %(length)d characters long, more than %(limit)d; the file is damaged, download it again'),
    # --- code lists ------------------------------------------------------------------
    "codelists_missing_folder": N_('no code lists folder "%(folder)s"; download the code lists (ciselniky/*.json) from %(url)s and pass --codelists with their folder'),
    "codelist_missing": N_('the code list of %(what)s (ids %(prefix)s/…) is missing in %(folder)s; download %(file)s.json from %(url)s into that folder'),
    "codelist_broken": N_('%(file)s: %(reason)s; download the code list again'),
    # --- the area --------------------------------------------------------------------
    "area_kind": N_('unknown kind of place "%(kind)s" in --area %(value)s; use kraj:, okres: or obec:, e.g. --area okres:Nymburk'),
    "area_none": N_('--area %(value)s: no %(kind)s of that name or code (did you mean %(suggestions)s?)'),
    "area_none_plain": N_('--area %(value)s: no %(kind)s of that name or code; see the code lists kraje.json, okresy.json and obce.json'),
    "area_many": N_('--area %(value)s matches %(count)d places: %(places)s; choose one by its code, e.g. --area %(example)s'),
    "area_missing": N_('say which part of the country to import: --area okres:NAME, --area obec:CODE or --area kraj:NAME (repeatable)'),
    # --- the content folder ----------------------------------------------------------
    "content_not_folder": N_('"%(path)s" is not a folder; pass --content with the content folder (it is created when missing)'),
    "content_unreadable": N_('%(path)s: %(reason)s; fix the file (python build.py check shows how) and run the import again'),
    "starter_missing": N_('the starter vocabularies are not found (%(path)s); run the import from a checkout of the project'),
    "write_failed": N_('cannot write into %(path)s: %(reason)s; nothing was changed'),
    # --- progress ----------------------------------------------------------------------
    "downloading": N_('downloading %(url)s'),
    "done": N_('files written into %(content)s: %(files)d (new services: %(new)d, conflicts: %(conflicts)d)'),
    "nothing_changed": N_('nothing changed: the content in %(content)s already matches the registry (no file written)'),
}

REPORT: dict[str, str] = {
    "title": N_("Import from the registry of social services"),
    "intro": N_("The registry file of %(date)s, area %(area)s: %(selected)d registrations, %(services)d services in the catalogue from it."),
    "review": N_("Check the changes below and in the files of this pull request; merge it when they are right. Values that editors wrote are never overwritten by the import."),
    "no_changes": N_("No change since the last import."),
    "new": N_("New services"),
    "new_item": N_("%(service)s – %(name)s (%(provider)s, %(place)s), registration %(portal)s"),
    "new_providers": N_("New providers"),
    "new_provider_item": N_("%(provider)s – %(name)s, IČO %(ico)s"),
    "ended": N_("Ended services"),
    "ended_item": N_("%(service)s – %(name)s: provided until %(date)s; the page stays and says the service has ended"),
    "withdrawn": N_("Registrations withdrawn from the registry"),
    "withdrawn_item": N_("%(service)s – %(name)s: registration %(portal)s is no longer in the registry; the file is kept, decide whether to delete it or set end_date"),
    "out_of_area": N_("Registrations no longer in the area"),
    "out_of_area_item": N_("%(service)s – %(name)s: registration %(portal)s has no facility in %(area)s any more; the file is kept"),
    "moved": N_("Moved facilities"),
    "moved_item": N_("%(service)s: %(old)s → %(new)s; check the coordinates and the opening hours of this place"),
    "closed": N_("Facilities no longer in the registry"),
    "closed_item": N_("%(service)s: %(place)s was removed from the registration%(kept)s"),
    "closed_kept": N_("; the place holds what editors wrote (hours, notes…), so it is kept: delete it by hand if it is closed"),
    "opened": N_("New facilities of existing services"),
    "opened_item": N_("%(service)s: %(place)s"),
    "contacts": N_("Changed phones, e-mails and webs"),
    "contacts_item": N_("%(record)s, %(field)s: %(old)s → %(new)s"),
    "capacity": N_("Capacity changes"),
    "capacity_item": N_("%(service)s: %(old)s → %(new)s"),
    "changed": N_("Other changes from the registry"),
    "changed_item": N_("%(record)s, %(field)s: %(old)s → %(new)s"),
    "conflicts": N_("Conflicts: an editor changed what the registry changed too"),
    "conflicts_intro": N_("The editor's value stays. If the registry is right, write its value into the file; if the editor is right, tell the provider to correct the registry."),
    "conflict_item": N_("%(file)s, %(field)s: the catalogue says %(ours)s, the registry now says %(theirs)s (at the last import: %(last)s)"),
    "unmatched": N_("Code-list values the catalogue does not know"),
    "unmatched_intro": N_("Add each to the vocabulary or to content/vocabularies/registry.yaml and run the import again; the rest was imported."),
    "unmatched_item": N_("%(list)s „%(name)s“ (%(id)s; registrations: %(count)d): %(todo)s"),
    "unmatched_type": N_("add the service type to vocabularies/service-types.yaml, or map it in registry.yaml under service_types; these registrations were not imported"),
    "unmatched_term": N_("map it in registry.yaml under %(section)s, e.g. \"%(name)s\": an-id-from-%(vocabulary)s"),
    "unmatched_city_district": N_("the registry publishes no code list of city districts; add the locality by hand (level: city-district, code: \"%(code)s\") or a code list file; its places were put in the municipality"),
    "skipped": N_("Not imported"),
    "skipped_ended": N_("%(count)d registrations that had already ended"),
    "secret": N_("%(count)d services have a confidential address: only their municipality was imported"),
    "empty": N_("none"),
    "field_phone": N_("phone"),
    "field_email": N_("e-mail"),
    "field_web": N_("web"),
}


#: Parts of the messages above: what a file holds where something else was expected, and what was expected.
PARTS: dict[str, str] = {
    "found_null": N_("nothing (null)"),
    "found_bool": N_("true/false"),
    "found_number": N_("the number %(value)s"),
    "found_a_number": N_("a number"),
    "found_text": N_('the text "%(value)s"'),
    "found_a_text": N_("text"),
    "found_list": N_("a list [...]"),
    "found_object": N_("an object {...}"),
    "found_empty_file": N_("an empty file"),
    "found_empty_object": N_("an empty object"),
    "found_no_items": N_("an object without it"),
    "found_items_holding": N_('"polozky" holding %(what)s'),
    "expected_text": N_("text"),
    "expected_objects": N_("a list of objects"),
    "expected_object": N_("an object"),
    "expected_date": N_("a date (YYYY-MM-DD)"),
    "expected_reference": N_('a reference {"id": …}'),
    # the code lists: what each lists, what is wrong with one
    "list_service_types": N_("service types"),
    "list_target_groups": N_("target groups"),
    "list_age_groups": N_("age groups"),
    "list_forms": N_("forms of provision"),
    "list_capacity_types": N_("capacity types"),
    "list_regions": N_("regions"),
    "list_districts": N_("districts"),
    "list_municipalities": N_("municipalities"),
    "list_parts": N_("parts of municipalities"),
    "list_city_districts": N_("city districts"),
    "codelist_not_json": N_("not valid JSON at line %(line)d, column %(column)d (%(reason)s)"),
    "codelist_not_utf8": N_("not UTF-8 text"),
    "codelist_no_items": N_('expected {"polozky": [...]}'),
    "codelist_item_no_id": N_('item %(index)d has no id of the form "List/N"'),
    "codelist_item_no_name": N_("item %(id)s has no Czech name (nazev.cs)"),
    # why a file is not JSON (Python's json module says it in English)
    "json_value": N_("a value is missing"),
    "json_key": N_("a key in double quotes is missing"),
    "json_expected": N_("%(what)s is missing"),
    "json_control": N_("a control character (a line break or tab) inside a text"),
    "json_escape": N_("a wrong escape sequence (\\) inside a text"),
    "json_extra": N_("something follows the end of the data"),
}


class Part:
    """A piece of a message (``PARTS``), translated with the message it is put into."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key, self.values = key, values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Part) and (self.key, self.values) == (other.key, other.values)

    def __repr__(self) -> str:
        return f"Part({self.key!r}, **{self.values!r})"


def found(value: object, detail: bool = True) -> Part:
    """Return what a file holds where something else was expected; with ``detail`` the number or the text itself."""
    if value is None:
        return Part("found_null")
    if isinstance(value, bool):
        return Part("found_bool")
    if isinstance(value, (int, float)):
        return Part("found_number", value=value) if detail else Part("found_a_number")
    if isinstance(value, str):
        return Part("found_text", value=value[:40] + ("…" if len(value) > 40 else "")) if detail else Part("found_a_text")
    return Part("found_list") if isinstance(value, list) else Part("found_object")


def json_reason(message: str) -> Part | str:
    """Return why a file is not JSON, from the message of Python's json module (as it is when unknown)."""
    if message.startswith("Expecting value"):
        return Part("json_value")
    if message.startswith("Expecting property name"):
        return Part("json_key")
    if message.startswith("Expecting "):
        what = message.removeprefix("Expecting ").removesuffix(" delimiter").replace("'", "").split(" or ")
        return Part("json_expected", what=" / ".join(f"„{w}“" for w in what))
    if message.startswith("Invalid control character"):
        return Part("json_control")
    if message.startswith("Invalid \\"):  # \escape, \uXXXX escape
        return Part("json_escape")
    if message.startswith("Extra data"):
        return Part("json_extra")
    return message


def say(key: str, language: str = "cs", /, **values: object) -> str:
    """Return the message ``key`` in ``language`` with its placeholders filled (parts translated too)."""
    template = MESSAGES.get(key) or REPORT.get(key) or PARTS[key]
    text = translations(language).gettext(template)
    if not values:
        return text
    return text % {k: say(v.key, language, **v.values) if isinstance(v, Part) else v for k, v in values.items()}


class RegistryInputError(Exception):
    """The registry file, its code lists or the arguments are unusable; the message says what to do."""

    def __init__(self, key: str, language: str = "cs", /, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(say(key, language, **values))

    def message(self, language: str) -> str:
        """Return the message in ``language`` (the file reader raises it before it knows the catalogue's)."""
        return say(self.key, language, **self.values)
