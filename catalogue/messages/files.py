"""Messages about reading the files: names, encodings, YAML syntax, links out of the content folder."""

from __future__ import annotations

from .core import N_, define

_ = "file"
FILE_OUTSIDE = define("E-FILE-OUTSIDE", N_(
    "{what} is a link to {target}, outside the content folder; it is not read: "
    "put the file itself into the content folder instead of a link"), _)
FILE_TOO_LARGE = define("E-FILE-TOO-LARGE", N_(
    "the file has {size:,} bytes, a content file may have at most {limit:,}; shorten its texts or split it"), _)
SITE_MISSING = define("E-SITE-MISSING", N_("site.yaml is missing; copy it from the demo catalogue and edit it"), _)
FILE_WRONG_SUFFIX = define("E-FILE-SUFFIX", N_("files in {folder}/ end in {suffix}; rename it"), _)
FILE_IGNORED = define("W-FILE-IGNORED", N_("not a {suffix} file; it is ignored"), _)
FILE_LONG_ID = define("E-FILE-LONG-ID", N_(
    'the file name "{name}…" has {length} characters, an id has at most {limit}; rename the file to a shorter id'), _)
FILE_BAD_ID = define("E-FILE-ID", N_(
    'the file name "{name}" is not a valid id; use lowercase a-z, digits and hyphens, e.g. charita-lysa{suffix}'), _)
FOLDER_NO_RECORD = define("E-FOLDER-NO-RECORD", N_(
    "the folder belongs to no record; add {folder}/{record} or rename the folder after its record"), _)
FOLDER_STRAY = define("W-FOLDER-STRAY", N_("not part of the record; it is ignored (the folder holds {owned})"), _)
PAGE_NO_FRONT_MATTER = define("E-PAGE-FRONT-MATTER", N_(
    "a page starts with front matter: a line ---, title: …, and another line ---"), _)
PAGE_FRONT_MATTER_FIELDS = define("E-PAGE-NOT-FIELDS", N_("the front matter must be fields (title: …)"), _)
FILE_UNREADABLE = define("E-FILE-UNREADABLE", N_("cannot read the file: {reason}"), _)
PDF_TOO_LARGE = define("E-PDF-TOO-LARGE", N_("the file has {size} MB, more than {limit} MB; make it smaller"), _)
PDF_NOT_PDF = define("E-PDF-NOT-PDF", N_("the file is not a PDF (it does not start with %PDF-); export it as PDF again"), _)
RECORD_NOT_MAPPING = define("E-RECORD-NOT-FIELDS", N_("the file holds {what}; a record is a mapping of fields (name: …)"), _)
YAML_NOT_UTF8 = define("E-YAML-UTF8", N_("the file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8"), _)
YAML_NUL = define("E-YAML-NUL", N_("the file contains a NUL byte; is it a text file?"), _)
YAML_INVISIBLE = define("E-YAML-INVISIBLE", N_("an invisible control character (U+{code}); delete it"), _)
YAML_ERROR = define("E-YAML", N_("YAML error: {reason}"), _)
YAML_EMPTY = define("E-YAML-EMPTY", N_("the file is empty; it must hold one record"), _)
YAML_SECOND_DOCUMENT = define("E-YAML-SECOND-DOCUMENT", N_("a second document (---); one file holds one record"), _)
YAML_ALIAS = define("E-YAML-ALIAS", N_(
    "an alias (*name) that no &name defines above; define the anchor or write the value out"), _)
YAML_UNEXPECTED = define("E-YAML-UNEXPECTED", N_("unexpected YAML {what}"), _)
YAML_TOO_MANY = define("E-YAML-TOO-MANY", N_("the document expands to too many values (aliases nested too deep?)"), _)
YAML_TOO_DEEP = define("E-YAML-TOO-DEEP", N_(
    "lists and mappings are nested more than {limit} levels deep here; a record needs only a few: "
    "check the brackets [ ] {{ }} and the indentation"), _)
YAML_COMPLEX_KEY = define("E-YAML-COMPLEX-KEY", N_("a key must be a simple word, not a list or mapping"), _)
YAML_NO_KEY = define("E-YAML-NO-KEY", N_("a key is missing before the colon"), _)
YAML_DUPLICATE_KEY = define("E-YAML-DUPLICATE-KEY", N_(
    'duplicate key "{key}" (first at line {line}); remove one of them'), _)
YAML_MERGE_KEY = define("E-YAML-MERGE-KEY", N_("merge keys (<<) are not supported; write the fields out"), _)
YAML_TAG = define("E-YAML-TAG", N_('the YAML tag "{tag}" is not supported; remove it'), _)
YAML_TAB = define("E-YAML-TAB", N_("a tab character; indent YAML with spaces only"), _)
YAML_CONTROL = define("E-YAML-CONTROL", N_("a control character that YAML does not allow; delete it"), _)
YAML_COLON = define("E-YAML-COLON", N_('a colon inside a value; put the value in quotes, e.g. name: "Poradna: dluhy"'), _)
YAML_KEY_VALUE = define("E-YAML-KEY-VALUE", N_("expected 'key: value' here; check the indentation and the colon"), _)
YAML_INDENT = define("E-YAML-INDENT", N_("the indentation does not line up with the lines above"), _)
YAML_START = define("E-YAML-START", N_("the character {char} cannot start a value here; put the value in quotes"), _)
YAML_UNCLOSED = define("E-YAML-UNCLOSED", N_(
    "a [list] or {{mapping}} written on one line is not closed; check the brackets and commas"), _)
YAML_SYNTAX = define("E-YAML-SYNTAX", N_("YAML syntax error: {reason}"), _)

# Parts of the messages above.
_ = "part"
THE_FOLDER = define("P-THE-FOLDER", N_("the folder"), _)
THE_FILE = define("P-THE-FILE", N_("the file"), _)
THE_STATIC_FILE = define("P-THE-STATIC-FILE", N_("the static file"), _)
THE_TEMPLATE = define("P-THE-TEMPLATE", N_("the template"), _)
A_LIST = define("P-A-LIST", N_("a list"), _)
A_SINGLE_VALUE = define("P-A-SINGLE-VALUE", N_("a single value"), _)
