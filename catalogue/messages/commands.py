"""Messages of the commands: summaries, what was written, wrong arguments."""

from __future__ import annotations

from .core import N_, Np_, define

_ = "output"
TEMPLATE_ERROR = define("E-TEMPLATE", N_("template error: {reason}"), _)
PRINT_WARNING = define("W-PRINT", N_("printing {name}: {warning}"), _)
LEAFLET_DL = define("W-PRINT-LEAFLET-DL", N_(
    "leaflet {name}: needs {needed} panels ({sides} sides of A4), the DL format holds {capacity} (2 sides); "
    "shorten the text or list fewer services (it lists {services}); {folder}/{name}.pdf keeps every panel, unfolded"), _)
LEAFLET_A5 = define("W-PRINT-LEAFLET-A5", N_(
    "leaflet {name}: needs {needed} pages, the A5 leaflet holds {capacity} (one sheet, both sides); "
    "shorten the text or list fewer services (it lists {services}); {folder}/{name}.pdf keeps every page"), _)

MAPS_OFF = define("W-MAPS-OFF", N_("the pages are built without maps: {reason}"), _)
CMS_OFF = define("W-CMS-OFF", N_("the web form at /admin/ is left out: {reason}"), _)
NOT_INSTALLED = define("W-VENDOR-MISSING", N_("{name} {version} is not installed ({detail}); run `{command}`"), _)
AND_MORE = define("P-AND-MORE", N_("{first} and {count} more"), "part")
RECORD_CACHE_IGNORED = define("W-RECORD-CACHE", N_(
    "note: the record cache {path} cannot be used ({reason}); it is ignored and written again"), _)
PRINT_CACHE_IGNORED = define("W-PRINT-CACHE", N_(
    "note: the printed document {path} in the print cache cannot be used ({reason}); it is laid out again"), _)
NOT_PRINTED = define("P-NOT-PRINTED", N_("not a printed document"), "part")
REFUSED = define("E-REFUSED", N_("{path}: {reason}"), _)
MARKDOWN_RENDERED = define("E-MARKDOWN-RENDERED", N_("a text rendered as Markdown: {reason}"), _)
WRITE_OUTSIDE = define("E-WRITE-OUTSIDE", N_("refusing to write outside the site: {path}"), _)
TWO_OWNERS = define("E-WRITE-TWICE", N_('two things want to write "{path}": {first} and {second}; rename one of them'), _)

_ = "command"
ERRORS = define("I-ERRORS", Np_("{count} error", "{count} errors"), _)
IN_FILES = define("I-ERRORS-IN-FILES", Np_("{errors} in {count} file", "{errors} in {count} files"), _)
WARNINGS = define("I-WARNINGS", Np_("{count} warning", "{count} warnings"), _)
SUMMARY_BOTH = define("I-ERRORS-AND-WARNINGS", N_("{errors}, {warnings}"), _)
NO_PROBLEMS = define("I-NO-PROBLEMS", N_("no problems"), _)
ERROR_LINE = define("I-ERROR", N_("error: {message}"), _)
WARNING_LABEL = define("I-WARNING", N_("warning: {message}"), _)
NO_CONTENT = define("E-NO-CONTENT", N_("no content folder at {path}; pass --content DIR"), _)
INTERRUPTED = define("E-INTERRUPTED", N_("interrupted; the previous output is untouched"), _)
INTERNAL = define("E-INTERNAL", N_(
    "internal error ({kind}: {reason}); run again with --debug for the traceback and report it"), _)
NOTHING_WRITTEN = define("I-NOTHING-WRITTEN", N_("nothing written; {out} is unchanged"), _)
BUILT = define("I-BUILT", Np_("built {count} page into {out}", "built {count} pages into {out}"), _)
BUILT_PARTLY = define("I-BUILT-PARTLY", Np_(
    "built {count} page into {out} ({rendered} rendered again, the rest unchanged)",
    "built {count} pages into {out} ({rendered} rendered again, the rest unchanged)"), _)
UNCHANGED = define("I-UNCHANGED", N_("nothing changed since the last build; {out} is up to date{note}"), _)
UNCHANGED_WARNINGS = define("P-UNCHANGED-WARNINGS", Np_(
    " (it had {count} warning: `check` lists it)", " (it had {count} warnings: `check` lists them)"), "part")
NOTHING_PUBLISHED = define("I-NOTHING-PUBLISHED", N_("nothing published changed; {out} is up to date"), _)
NOTHING_PRINTED = define("I-NOTHING-PRINTED", N_("nothing printed; {out} is unchanged"), _)
PRINTED = define("I-PRINTED", N_(
    "printed {files} PDFs, {pages} pages, into {out} ({rendered} rendered, {cached} unchanged)"), _)
OVERFLOWING = define("W-PRINT-OVERFLOWING", N_("leaflets that do not fit their format: {names}; see above"), _)
NOT_A_FOLDER = define("E-OUT-NOT-FOLDER", N_("{out} exists and is not a folder; choose another --out"), _)
EXPORTED = define("I-EXPORTED", Np_("wrote {count} file ({formats}) into {out}", "wrote {count} files ({formats}) into {out}"), _)
SCHEMAS = define("I-SCHEMAS", Np_("wrote {count} schema into {out}", "wrote {count} schemas into {out}"), _)
CREATED = define("I-CREATED", N_("created {path}; fill in the commented lines, then run: python build.py check"), _)
NEW_REQUIRED_OPTION = define("E-NEW-OPTION", N_("--{name} is required (or run the command in a terminal to be asked)"), _)
NEW_REQUIRED = define("E-NEW-REQUIRED", N_("{name} is required"), _)
NEW_TOO_LONG = define("E-NEW-TOO-LONG", N_("--{name}: {reason}"), _)
NEW_LONG_ID = define("E-NEW-LONG-ID", N_("--id: the id has {length} characters, at most {limit} are allowed; choose a shorter one"), _)
NEW_BAD_ID = define("E-NEW-ID", N_('"{value}" is not a valid id; use lowercase a-z, digits and hyphens, e.g. charita-lysa'), _)
NEW_EXISTS = define("E-NEW-EXISTS", N_("{path} already exists; choose another --id"), _)
NEW_CANNOT_WRITE = define("E-NEW-WRITE", N_("cannot write {path} ({reason}); check the folder"), _)
NEW_NO_REFERENCE = define("E-NEW-REFERENCE", N_('no {what} "{value}"{hint}'), _)
NEW_BAD_LEVEL = define("E-NEW-LEVEL", N_('"{value}" is not a level; use {levels} or {last}'), _)
SEE = define("P-SEE", N_("; see {where}"), "part")
SEARCH_UNKNOWN = define("E-SEARCH-FILTER", N_('--{option}: no {what} "{value}"{hint}'), _)
SEARCH_BROKEN = define("E-SEARCH-CONTENT", N_("the content has errors; fix them first (python build.py check)"), _)
SEARCH_EMPTY = define("E-SEARCH-EMPTY", N_(
    'say what to look for, e.g. python build.py search "domov pro seniory", or give a filter such as --type'), _)
SEARCH_BAD_AT = define("E-SEARCH-AT", N_('--at: "{value}" is not a time; write the local date and time as 2026-12-24T23:00'), _)
SEARCH_OPEN_AT = define("I-SEARCH-OPEN-AT", N_("open at {moment} (local time):"), _)
SEARCH_CORRECTED = define("I-SEARCH-CORRECTED", N_('nothing found for "{query}"; showing results for "{corrected}"'), _)
SEARCH_NOTHING_FOR = define("I-SEARCH-NOTHING-FOR", N_('nothing found for "{query}"'), _)
SEARCH_NOTHING = define("I-SEARCH-NOTHING", N_("nothing found"), _)
SEARCH_FOUND = define("I-SEARCH-FOUND", Np_("{count} found:", "{count} found:"), _)
SEARCH_FIRST = define("I-SEARCH-FIRST", Np_("{count} found, the first {shown}:", "{count} found, the first {shown}:"), _)
SERVE_START = define("I-SERVE", N_("Preview of {content} at {url} (watching by {backend}; Ctrl+C stops)"), _)
SERVE_PORT = define("E-SERVE-PORT", N_("cannot listen on {host}:{port} ({reason}); is another preview running? Try --port {next}"), _)
SERVE_BROKEN = define("I-SERVE-BROKEN", N_("{summary}; the preview keeps showing the last good version ({took})"), _)
SERVE_BUILT = define("I-SERVE-BUILT", Np_(
    "serving {count} page after {took} (each rendered when first asked for, the rest in the background); {summary}",
    "serving {count} pages after {took} (each rendered when first asked for, the rest in the background); {summary}"), _)
SERVE_RENDERED = define("I-SERVE-RENDERED", N_("{what}: {rendered} of {pages} pages to render again, those on screen done, in {took}"), _)
SERVE_FINISHED = define("I-SERVE-FINISHED", N_("every page rendered and the search index made, in the background ({seconds} s)"), _)
SERVE_NO_CHANGE = define("P-NO-CHANGE", N_("no change"), "part")
SERVE_MORE = define("P-MORE", N_("{names} and {count} more"), "part")
