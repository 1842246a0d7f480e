"""What to do about a message, for the table of messages in the README and the editors' guide.

English, as the rest of the guide's reference; the messages themselves are shown in Czech
there, as editors see them. A message without an entry here is explained by when it appears.
"""

from __future__ import annotations

HELP: dict[str, str] = {
    # the file itself
    "E-YAML-UTF8": "The editor saved it in another encoding (e.g. Windows-1250). Save as UTF-8.",
    "E-YAML-NUL": "Binary or pasted junk; retype the line.",
    "E-YAML-INVISIBLE": "Pasted junk; retype the line.",
    "E-YAML-EMPTY": "Fill it in, or delete the file.",
    "E-FILE-TOO-LARGE": "No record is that long: something was pasted by mistake (a whole document, an image). Remove it.",
    "E-YAML-TOO-DEEP": "Brackets opened again and again (`[[[…`) or ever deeper indentation: a record needs three or four levels.",
    "E-FILE-OUTSIDE": "A symbolic link that leads out of the catalogue. Put the file itself into `content/`.",
    "E-RECORD-NOT-FIELDS": "A record starts with `name: …`, not with `- `.",
    "E-YAML-TAB": "Replace the tab with spaces.",
    "E-YAML-DUPLICATE-KEY": "The same field twice: keep one.",
    "E-YAML-COLON": "`name: Poradna: dluhy` → `name: \"Poradna: dluhy\"`.",
    "E-YAML-KEY-VALUE": "Align the line with its siblings; check the colon after the field name.",
    "E-YAML-INDENT": "Align the line with its siblings; check the colon after the field name.",
    "E-YAML-UNCLOSED": "Close the bracket: `forms: [field, outpatient]`.",
    "E-YAML-START": "Quote the value.",
    "E-YAML-TAG": "Remove `!!int`, `!!str` and similar.",
    "E-YAML-MERGE-KEY": "Write the values out instead of YAML anchors.",
    "E-YAML-ALIAS": "Write the values out instead of YAML anchors.",
    "E-YAML-SECOND-DOCUMENT": "Split the file in two.",
    "E-FILE-ID": "Rename the file: lowercase a–z, digits, hyphens.",
    "E-FILE-LONG-ID": "Rename the file to a shorter id: a few words of the name are enough.",
    "E-FILE-SUFFIX": "Rename `.yml` to `.yaml` (pages: `.md`).",
    "E-ID-LINE": "Remove `id:` from the file.",
    "E-SITE-MISSING": "Every catalogue needs `content/site.yaml`.",
    "E-PAGE-FRONT-MATTER": "A page begins with `---`, `title: …`, `---`.",
    "W-FILE-IGNORED": "Stray file in a content folder; remove it.",
    # fields
    "E-FIELD-MISSING": "Add the field (see the field reference).",
    "E-FIELD-UNKNOWN": "A typo in the field name, or a field that does not exist.",
    "E-EXPECTED-TEXT": "The value has the wrong shape; compare with the examples in this guide.",
    "E-EXPECTED-FIELDS": "The value has the wrong shape; compare with the examples in this guide.",
    "E-EXPECTED-LIST": "The value has the wrong shape; compare with the examples in this guide.",
    "E-TOO-LONG": "Names and titles have at most 200 characters, a summary or note 1,000, a description or a life "
                  "situation's text 20,000, a page 100,000; ids and references 100.",
    "E-MARKDOWN-DEPTH": "Markdown lists inside lists (or `>` quotes inside quotes) go too deep from that line on; indent less.",
    "E-VALUE-NOT-ALLOWED": "Use one of the listed values.",
    "E-CHOICE": "Write one of the listed words, or its id in brackets; see *Values as the site shows them*.",
    "E-NO-LETTER": "Write the name people know the service, provider or place by.",
    "E-ONE-WORD": "A description or summary is a sentence; `yes` or `TODO` is not.",
    "E-NUMBER-WHOLE": "`count: 12`, not `count: \"12\"`.",
    "E-NUMBER": "Coordinates use a decimal dot.",
    "E-YES-NO": "`wheelchair: true`.",
    "E-DATE": "Dates are year-month-day.",
    "E-VERIFIED-FUTURE": "A `verified` date cannot be later than today.",
    "E-ID": "Ids have no capitals, spaces or diacritics.",
    "E-ICO": "Copy the IČO from the business register (ARES); keep leading zeros, in quotes.",
    "E-ICO-CHECKSUM": "Copy the IČO from the business register (ARES); keep leading zeros, in quotes.",
    "E-REGISTRY-ID": "Take it from the registry of social services, in quotes.",
    "E-PHONE": "`+420 325 551 234`, `325 551 234`, or a short line like `116 123` (in a Polish catalogue `+48 …`).",
    "E-EMAIL": "`poradna@example.org`.",
    "E-URL": "`www.example.org` or `https://www.example.org` (other schemes such as `javascript:` are refused).",
    "E-HOURS-INTERVAL": "`mon: 8:00-12:00, 13:00-16:00`; `18:00-7:00` passes midnight.",
    "E-HOURS-ALONE": "A day is either `nonstop` (or `zavřeno`) or times.",
    "E-HOURS-RUNS-INTO": "The night before is still open when this day's first interval begins; shorten one of them.",
    "E-HOURS-DATE": "Write days as `23. 12.` (every year), `23. 12. 2026` or `2026-12-23` (once).",
    "E-HOURS-CLOSURE": "A closure as `23. 12.–1. 1.` with a note in brackets.",
    "E-HOURS-HOLIDAYS": "`holidays: closed`, `holidays: open` or hours such as `holidays: 9:00-12:00`.",
    "E-HOURS-LABEL": "Give each schedule of a place a `label:` (Kancelář, Péče u klientů…).",
    "E-AGE": "`age: {min: 18, max: 64}`.",
    "E-CONFIDENTIAL-FIELD": "Delete the street, number, postcode, coordinates or notes of a `confidential: true` location; "
                            "see *Confidential addresses*.",
    "E-COORDINATES-OUTSIDE": "Coordinates must lie inside the country; latitude (≈ 49–51) first.",
    # references
    "E-REF-MISSING": "Use an id that exists (the suggestion is usually right), or create the record.",
    "E-TERM-MISSING": "Write a term's name or id; a short vocabulary is listed whole, a long one is in the field "
                      "reference. Or add the term to its vocabulary.",
    "E-LISTED-TWICE": "Remove the duplicate from the list.",
    "E-DUPLICATE-REGISTRY-ID": "Two services share a registry id; check both against the registry.",
    "E-DUPLICATE-REGISTRATION": "Two files carry the same `source.portal_id`; a copied imported file keeps its `source` — "
                                "delete it from the copy.",
    "E-DUPLICATE-CODE": "Two localities of one level share an official `code`; one of them is a duplicate.",
    "E-CAPACITY-FORM": "A capacity item's `form` must be one of the service's `forms`.",
    "E-FORMER-ID-TAKEN": "`former_ids` lists the old ids of a renamed record, so that its old web address leads to the "
                         "new one. An id still in use cannot be a former id.",
    "E-FORMER-ID-TWICE": "Two records claim the same old id; keep it on the record that really had it.",
    "E-TYPE-NOT-REGISTERED": "Registered services use a type with a §.",
    "E-TYPE-REGISTERED": "Related activities use a type without a §.",
    "E-REGISTRY-ID-RELATED": "Remove `registry_id` or set `kind: registered`.",
    "E-LOCALITY-CYCLE": "A locality cannot be inside itself; fix a `parent`.",
    "E-LOCALITY-LEVEL": "A parent is always a larger unit.",
    "E-VOCABULARY-EMPTY": "Restore the vocabulary file from the demo catalogue.",
    "E-FORM-UNDEFINED": "Restore the vocabulary file from the demo catalogue.",
    "E-UNIT-FORM-MISSING": "A capacity unit's `forms` lacks a form the site's language needs; add it (see *Capacity and its units*).",
    # warnings
    "W-NEVER-VERIFIED": "Check the record with the provider and set `verified`.",
    "W-VERIFIED-OLD": "Check the record with the provider and update `verified`. The period is "
                      "`checks: {verified_max_age_months: 12}` in `site.yaml`.",
    "W-SERVICE-NO-CONTACT": "Add contacts to the service or its provider.",
    "W-SERVICE-NO-DESCRIPTION": "Add a few sentences of `description`.",
    "W-PROVIDER-NO-DESCRIPTION": "Add a few sentences of `description`.",
    "W-OUTSIDE-AREA": "Add the locality to `area`, or fix the location's `locality`.",
    "W-NO-REGISTRY-ID": "Add the 7-digit registry id.",
    "W-RESIDENTIAL-NO-LOCATION": "Add where it is (it may be confidential).",
    "W-SITUATION-NO-SERVICE": "Link services to it, or widen its `gathers` rule.",
    "W-UNIT-FORM-UNUSED": "Remove that form of the capacity unit; in Czech the form after 5 and more is `other`.",
    "W-REPOSITORY-EXAMPLE": "Write the address of your catalogue's own GitHub repository into `repository.url` in "
                            "`site.yaml` (see \"Webový formulář\"). A site with `demo: true` may keep the example.",
}
