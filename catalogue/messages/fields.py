"""Messages about one field or one record: values of the wrong kind, missing and unknown fields."""

from __future__ import annotations

from .core import N_, define

_ = "field"
WHOLE_NUMBER = define("E-NUMBER-WHOLE", N_("{shown} is not a whole number; write digits without quotes, e.g. 12"), _)
DECIMAL_NUMBER = define("E-NUMBER", N_('"{value}" is not a number; write e.g. 50.2163 (a dot, no quotes)'), _)
YES_NO = define("E-YES-NO", N_('"{value}" is not yes or no; write true or false without quotes'), _)
DATE = define("E-DATE", N_('"{value}" is not a date; write YYYY-MM-DD, e.g. 2026-09-01'), _)
BLANK = define("E-BLANK", N_("must not be empty"), _)
TOO_LONG = define("E-TOO-LONG", N_("the text has {length:,} characters, at most {limit:,} are allowed here; shorten it"), _)
TOO_DEEP = define("E-MARKDOWN-DEPTH", N_(
    "lists or quotes are nested {depth} levels deep (line {line} of the text), at most {limit} are allowed; "
    "indent less, or split the list"), _)
NO_LETTER = define("E-NO-LETTER", N_(
    '"{value}" has no letter in it, so it cannot be a name; write the name people know it by'), _)
ONE_WORD = define("E-ONE-WORD", N_(
    '"{value}" is one word, which tells readers nothing; write a sentence, or delete the line'), _)
SLUG = define("E-ID", N_('"{value}" is not an id; use lowercase letters a-z, digits and hyphens, e.g. charita-lysa'), _)
ICO = define("E-ICO", N_('"{value}" is not an IČO; it has 8 digits, e.g. "00845451"'), _)
ICO_CHECKSUM = define("E-ICO-CHECKSUM", N_('"{value}" fails the IČO checksum; check the digits'), _)
REGISTRY_ID = define("E-REGISTRY-ID", N_('"{value}" is not a registry id; it has 7 digits, e.g. "4139471"'), _)
PHONE = define("E-PHONE", N_(
    '"{value}" is not a phone number; write e.g. {example}, {national} or a short line '
    "like 116 123; an extension as {national}, linka 12"), _)
EMAIL = define("E-EMAIL", N_('"{value}" is not an e-mail address; write e.g. poradna@example.org'), _)
URL = define("E-URL", N_('"{value}" is not a web address; write e.g. www.example.org or https://www.example.org/poradna'), _)
RUIAN = define("E-RUIAN", N_('"{value}" is not an address-point code (RÚIAN); it has up to 9 digits, e.g. "43069571"'), _)
CHOICE = define("E-CHOICE", N_('"{value}" is not {what}{hint}; write one of: {choices}'), _)
AGE = define("E-AGE", N_("min is greater than max; swap them"), _)
# Opening hours
BAD_INTERVAL = define("E-HOURS-INTERVAL", N_(
    '"{text}" is not a time interval{reason}; use HH:MM-HH:MM, e.g. 8:00-12:00, several separated by commas '
    "(18:00-7:00 passes midnight), or nonstop, po domluvě, zavřeno"), _)
BAD_DAY = define("E-HOURS-DAY", N_("expected text like 8:00-12:00, 13:00-16:00"), _)
ALONE = define("E-HOURS-ALONE", N_('"{word}" cannot be combined with times; write either {word} or the times'), _)
BAD_DATE = define("E-HOURS-DATE", N_(
    '"{text}" is not a day of the year; write 23. 12. (every year) or 23. 12. 2026 (once), or 2026-12-23'), _)
BAD_CLOSURE = define("E-HOURS-CLOSURE", N_(
    '"{text}" is not a closure; write a day or a range of days, e.g. 23. 12.–1. 1. (every year) '
    "or 3. 8. 2026–14. 8. 2026 (vacation), a note in brackets after it"), _)
MIXED_CLOSURE = define("E-HOURS-CLOSURE-MIXED", N_(
    '"{text}" mixes a day of every year with a dated one; give both with the year, or neither'), _)
BACKWARDS_CLOSURE = define("E-HOURS-CLOSURE-BACKWARDS", N_('"{text}" ends before it starts; the later day goes second'), _)
SEASON_YEARS = define("E-HOURS-SEASON-YEARS", N_("from and to: give both with the year, or neither"), _)
HOLIDAYS_RULE = define("E-HOURS-HOLIDAYS", N_(
    '"{value}" is not a rule for public holidays; write closed, open (as on that weekday) or hours like 9:00-12:00'), _)
NOT_A_SCHEDULE = define("E-HOURS-SCHEDULE", N_(
    "expected the hours by day (mon: 8:00-12:00 …), a list of labelled schedules, or nonstop"), _)
LABEL_NEEDED = define("E-HOURS-LABEL", N_(
    "a place with several schedules needs a label for each, e.g. label: Kancelář or label: Péče u klientů"), _)
# Community plans
PRIORITY_NUMBER = define("E-PLAN-PRIORITY-NUMBER", N_('"{value}" is not a priority number; write a whole number, e.g. 2'), _)
MEASURE_NUMBER = define("E-PLAN-MEASURE-NUMBER", N_(
    '"{value}" is not a measure number; write the priority and the measure, e.g. 2.3'), _)
YEAR = define("E-YEAR", N_('"{value}" is not a year; write four digits without quotes, e.g. 2021'), _)
PDF_FILE = define("E-PLAN-PDF", N_(
    '"{value}" is not a PDF in files/ nor a web address; write e.g. komunitni-plan-2020-2024.pdf '
    "(lowercase a-z, digits and hyphens) or https://…"), _)
KEYED_LIST = define("E-KEYED-LIST", N_("write them as {{id: {{name: …}}}}, or as a list of {{id: …, name: …}} with different ids"), _)
PERIOD = define("E-PLAN-PERIOD", N_("start is after end; swap the years"), _)
YEAR_VALUES = define("E-YEAR-VALUES", N_("write the values as {{2020: 12, 2021: 15}}, or as a list of {{year: …, value: …}}"), _)
# What pydantic finds, said as an editor needs it
MISSING = define("E-FIELD-MISSING", N_('required field "{name}" is missing; add it'), _)
UNKNOWN_FIELD = define("E-FIELD-UNKNOWN", N_('unknown field "{name}"{hint}'), _)
NOT_ALLOWED = define("E-VALUE-NOT-ALLOWED", N_("{shown} is not allowed; use one of {choices}"), _)
EXPECTED_TEXT = define("E-EXPECTED-TEXT", N_("expected text, found {found}"), _)
EXPECTED_FIELDS = define("E-EXPECTED-FIELDS", N_("expected fields (key: value), found {found}"), _)
EXPECTED_LIST = define("E-EXPECTED-LIST", N_("expected a list ([a, b] or lines starting with -), found {found}"), _)
WRONG_TYPE = define("E-WRONG-TYPE", N_("{shown} has the wrong type: {reason}"), _)
OUT_OF_RANGE = define("E-OUT-OF-RANGE", N_("{shown} is out of range: {reason}"), _)
AT_LEAST = define("E-AT-LEAST", N_("{shown} is out of range: it must be at least {limit}"), _)
AT_MOST = define("E-AT-MOST", N_("{shown} is out of range: it must be at most {limit}"), _)
PATTERN = define("E-PATTERN", N_("{shown} does not have the expected form ({pattern})"), _)
INVALID = define("E-INVALID", N_("{reason}"), _)
ID_LINE = define("E-ID-LINE", N_("the id is the file name; delete this line (rename the file instead)"), _)
OWNER_LINE = define("E-OWNER-LINE", N_("the {field} is the folder the file lies in; delete this line"), _)
UNKNOWN_VOCABULARY = define("W-VOCABULARY-UNKNOWN", N_("unknown vocabulary; expected one of {names}"), _)
TERM_ID = define("E-TERM-ID", N_("not a valid id; use lowercase a-z, digits and hyphens"), _)
TERM_FIELDS = define("E-TERM-FIELDS", N_("expected the term's fields (name: …)"), _)

# Parts of the messages above.
_ = "part"
DID_YOU_MEAN = define("P-DID-YOU-MEAN", N_(' (did you mean "{name}"?)'), _)
ALLOWED_HERE = define("P-ALLOWED-HERE", N_("; allowed here: {names}"), _)
NOTHING = define("P-NOTHING", N_("nothing (an empty value)"), _)
SOME_FIELDS = define("P-FIELDS", N_("fields (key: value)"), _)
SAME_TIME = define("P-SAME-TIME", N_(" (it starts and ends at the same time)"), _)
OVERLAP = define("P-OVERLAP", N_(" (two intervals overlap)"), _)
NEXT_DAY = define("P-NEXT-DAY", N_(" (it runs into the same time the next day)"), _)
# What a choice is of (catalogue.model.choices)
CHOICE_WHAT = {
    "form": define("P-CHOICE-FORM", N_("a form of provision"), _),
    "kind": define("P-CHOICE-KIND", N_("a kind of service"), _),
    "level": define("P-CHOICE-LEVEL", N_("a level of locality"), _),
    "group": define("P-CHOICE-GROUP", N_("a group of service types"), _),
}
