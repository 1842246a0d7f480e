"""Messages of the checks across records: references, uniqueness, places, community plans."""

from __future__ import annotations

from .core import N_, define

_ = "links"
REF_MISSING = define("E-REF-MISSING", N_('no {what} "{value}"{hint}'), _)
TERM_MISSING = define("E-TERM-MISSING", N_('no {what} "{value}"{hint}; write {choices}'), _)
LISTED_TWICE = define("E-LISTED-TWICE", N_('"{value}" is listed twice; remove one'), _)
DUPLICATE_REGISTRY_ID = define("E-DUPLICATE-REGISTRY-ID", N_(
    '"{value}" is already used by service "{other}"; each registered service has its own'), _)
DUPLICATE_REGISTRATION = define("E-DUPLICATE-REGISTRATION", N_(
    'registration {value} is already imported as service "{other}"; one registration is one service, delete one of the files'), _)
DUPLICATE_CODE = define("E-DUPLICATE-CODE", N_(
    'the code "{value}" is already used by locality "{other}"; an official code names one place'), _)
OUTSIDE_COUNTRY = define("E-COORDINATES-OUTSIDE", N_("{lat}, {lon} lies outside {country}{hint}"), _)
NEVER_VERIFIED = define("W-NEVER-VERIFIED", N_(
    "never verified; add verified: YYYY-MM-DD after checking the record with the provider"), _)
VERIFIED_FUTURE = define("E-VERIFIED-FUTURE", N_("{date} is in the future"), _)
VERIFIED_OLD = define("W-VERIFIED-OLD", N_(
    "last verified {date}, over {months} months ago; check the record and update the date"), _)
FORM_UNDEFINED = define("E-FORM-UNDEFINED", N_('the form "{form}" must be defined'), _)
VOCABULARY_EMPTY = define("E-VOCABULARY-EMPTY", N_("the {file} vocabulary is missing or empty"), _)
UNIT_FORM_MISSING = define("E-UNIT-FORM-MISSING", N_('no "{category}" form; {language} uses it after {examples}; add {category}: …'), _)
UNIT_FORM_UNUSED = define("W-UNIT-FORM-UNUSED", N_(
    '{language} does not use "{category}" after a whole number; remove it (it uses {used})'), _)
LOCALITY_CYCLE = define("E-LOCALITY-CYCLE", N_('"{parent}" leads back to "{locality}": the localities form a cycle'), _)
LOCALITY_LEVEL = define("E-LOCALITY-LEVEL", N_(
    'a {level} cannot lie in "{parent}", which is a {parent_level}; choose a larger parent'), _)
FORMER_ID_TAKEN = define("E-FORMER-ID-TAKEN", N_(
    '"{former}" is the id of an existing record in {folder}/; a former id must be free, remove it'), _)
FORMER_ID_TWICE = define("E-FORMER-ID-TWICE", N_(
    '"{former}" is already a former id of "{other}"; an old address can lead to one record only'), _)
PROVIDER_UNREACHABLE = define("W-PROVIDER-NO-CONTACT", N_(
    "no phone, e-mail, web or address; how will people reach the provider?"), _)
PROVIDER_UNDESCRIBED = define("W-PROVIDER-NO-DESCRIPTION", N_(
    "no description; add a few sentences on who the provider is"), _)
NOT_REGISTERED_TYPE = define("E-TYPE-NOT-REGISTERED", N_(
    '"{type}" is not a service type of Act 108/2006; a registered service needs one with its §, or use kind: related'), _)
REGISTERED_TYPE = define("E-TYPE-REGISTERED", N_(
    '"{type}" is a registered type (§ {paragraph}); use kind: registered, or a related type'), _)
CAPACITY_FORM = define("E-CAPACITY-FORM", N_(
    '"{form}" is not among the forms of the service ({forms}); add it to forms or correct the capacity'), _)
REGISTRY_ID_RELATED = define("E-REGISTRY-ID-RELATED", N_(
    "only registered services have a registry id; remove it or use kind: registered"), _)
NO_REGISTRY_ID = define("W-NO-REGISTRY-ID", N_(
    "a registered service without registry_id; add its 7-digit id from the registry"), _)
OUTSIDE_AREA = define("W-OUTSIDE-AREA", N_(
    '"{locality}" lies outside the area the service covers; add it to area, or check the locality'), _)
SERVICE_UNREACHABLE = define("W-SERVICE-NO-CONTACT", N_(
    "no phone, e-mail or web, here or at the provider; how will people reach the service?"), _)
SERVICE_UNDESCRIBED = define("W-SERVICE-NO-DESCRIPTION", N_("no description; say in a few sentences what the service does"), _)
RESIDENTIAL_NOWHERE = define("W-RESIDENTIAL-NO-LOCATION", N_(
    "a residential service without a location; add where it is (it may be confidential)"), _)
CONFIDENTIAL_FIELD = define("E-CONFIDENTIAL-FIELD", N_(
    "a confidential place must not have this in the content at all, not even unpublished: the content is kept "
    "in a git repository that is often public; delete it. Only the municipality stays (locality, address.city); "
    "people reach the place through the service's public phone or e-mail, or a public contact address as "
    "another location"), _)
RUNS_INTO = define("E-HOURS-RUNS-INTO", N_(
    "it starts before {previous}'s {interval} ends ({end} the next morning); an interval past midnight belongs "
    "to the day it starts on: shorten one of them"), _)
LONG_NIGHT = define("W-HOURS-LONG-NIGHT", N_(
    "{interval} runs past midnight until {end} the next morning; if you meant {swapped} within the day, swap the times"), _)
SITUATION_UNSERVED = define("W-SITUATION-NO-SERVICE", N_(
    "no service helps with this life situation; add services or a gathering rule"), _)
EXAMPLE_REPOSITORY = define("W-REPOSITORY-EXAMPLE", N_(
    '"{url}" is the example address, so the web form at /admin/ is left out and the '
    '"edit this record" links lead nowhere; write the address of your catalogue\'s own GitHub repository'), _)

_ = "plan"
NO_ORGANISATION = define("E-PLAN-ORGANISATION", N_(
    'no organisation "{value}"{hint}; name a provider (providers/) or add it to organisations in plans/{plan}.yaml'), _)
NO_FUNDING_SOURCE = define("E-PLAN-FUNDING-SOURCE", N_(
    'no funding source "{value}"{hint}; add it to funding_sources in plans/{plan}.yaml'), _)
NO_MEASURE = define("E-PLAN-MEASURE", N_('no measure {number} in plan "{plan}"{known}'), _)
NO_PLAN_FILE = define("E-PLAN-FILE", N_('no file "{value}" in files/{hint}; put the PDF there or write its web address'), _)
PRIORITY_TWICE = define("E-PLAN-PRIORITY-TWICE", N_(
    "priority {number} is already numbered so in priorities/{other}.yaml; numbers are unique within a plan"), _)
PRIORITY_EMPTY = define("W-PLAN-PRIORITY-EMPTY", N_(
    "priority {number} has no measures; add measures numbered {number}.1, {number}.2…"), _)
MEASURE_TWICE = define("E-PLAN-MEASURE-TWICE", N_(
    "measure {number} is already numbered so in measures/{other}.yaml; numbers are unique within a plan"), _)
MEASURE_ORPHAN = define("E-PLAN-MEASURE-PRIORITY", N_(
    "measure {number} belongs to priority {priority}, which the plan does not have "
    "(its priorities: {numbers}); add priorities/{priority}.yaml or renumber the measure"), _)
NO_WORKING_GROUP = define("E-PLAN-WORKING-GROUP", N_('no working group "{value}" in plan "{plan}"{hint}'), _)
ACTION_PLAN_TWICE = define("E-PLAN-ACTION-PLAN-TWICE", N_(
    "the year {year} already has an action plan, action-plans/{other}.yaml; one per year"), _)
ACTION_PLAN_OUTSIDE = define("E-PLAN-ACTION-PLAN-YEAR", N_(
    "{year} lies outside the plan's period {start}–{end} (an action plan may also cover {before}, the year before)"), _)
ACTION_MEASURE_TWICE = define("E-PLAN-ACTION-MEASURE-TWICE", N_(
    "measure {number} is listed twice; put what the year holds for it in one entry"), _)
NETWORK_ALREADY = define("W-PLAN-NETWORK-ADD", N_(
    '"{service}" is in the network already (include: {include}); remove it from add'), _)
NETWORK_NOT_IN = define("W-PLAN-NETWORK-REMOVE", N_('"{service}" is not in the network anyway; remove it from remove'), _)
NETWORK_DETAILS_TWICE = define("E-PLAN-NETWORK-TWICE", N_('"{service}" has details twice; keep one entry'), _)
NETWORK_DETAILS_OUTSIDE = define("W-PLAN-NETWORK-DETAILS", N_(
    "\"{service}\" is not in the year's network (include: {include}); add it to network.add, or remove these details"), _)
MINUTES_FUTURE = define("E-PLAN-MINUTES-FUTURE", N_("{date} is in the future, yet the meeting has minutes; check the date"), _)
MEETING_TWICE = define("E-PLAN-MEETING-TWICE", N_("a meeting on {date} is listed already; one entry per meeting"), _)
PERIOD_BACKWARDS = define("E-PLAN-COMMENTS-DATES", N_("{closes} is before the period opens ({opens}); swap the dates"), _)
COMMENT_OUTSIDE = define("W-PLAN-COMMENT-DATE", N_(
    "received {date}, outside the period {opens} – {closes}; check the date"), _)
COMMENTS_EARLY = define("W-PLAN-COMMENTS-EARLY", N_(
    "the period is open until {closes}, yet comments are settled; publish the settlement after it closes"), _)
NEWS_MEASURES = define("E-NEWS-MEASURES", N_("measures belong to a plan; add plan: (the plan's id)"), _)
NEWS_UPDATED = define("E-NEWS-UPDATED", N_("{updated} is before the date of the item, {date}"), _)
PLAN_NOT_APPROVED = define("W-PLAN-APPROVAL", N_(
    "the plan is {status} but does not say who approved it; add approval: {{body: …, resolution: …, date: …}}"), _)
ACTION_NOT_APPROVED = define("W-PLAN-ACTION-APPROVAL", N_(
    "the action plan is {status} but does not say who approved it; add approval: {{body: …, resolution: …, date: …}}"), _)
PLAN_NO_EVALUATION = define("W-PLAN-EVALUATION", N_(
    "the plan is evaluated but has no evaluation; add evaluation: | and the text"), _)
PLAN_NO_COMMENT_PERIOD = define("W-PLAN-NO-COMMENT-PERIOD", N_(
    "the plan is in comment but has no comment period; add plans/{plan}/comment-periods/ID.yaml with its dates"), _)
PLAN_COMMENTS_CLOSED = define("W-PLAN-COMMENTS-CLOSED", N_(
    "the comment period closed on {date}; "
    "set status: approved (with approval) once the plan is approved, or draft while it is reworked"), _)
PLAN_NO_EMAIL = define("W-PLAN-NO-EMAIL", N_(
    "the plan is in comment but gives no e-mail for comments; add contact: {{email: …}}"), _)
PLAN_NO_PRIORITIES = define("W-PLAN-NO-PRIORITIES", N_("the plan has no priorities yet; add plans/{plan}/priorities/1.yaml"), _)
TIMELINE_OUTSIDE = define("W-PLAN-TIMELINE", N_(
    "the years {start}–{end} reach outside the plan's period {period_start}–{period_end}"), _)
INDICATOR_UNIT = define("W-PLAN-INDICATOR-UNIT", N_(
    'indicator "{name}" has no unit; add unit: (e.g. klientů, lůžek, %) so its numbers can be read'), _)
SERVICES_ENDED = define("W-PLAN-SERVICES-ENDED", N_(
    "every service of this measure has ended ({shown}); name the services that carry it on, or set status: done or dropped"), _)
FILE_UNUSED = define("W-PLAN-FILE-UNUSED", N_(
    "no plan, meeting or comment period names this file; name it (document, draft, minutes_pdf) or delete it"), _)

_ = "part"
ENDED_ON = define("P-ENDED-ON", N_("{service} on {date}"), _)
ADD_WORKING_GROUP = define("P-ADD-WORKING-GROUP", N_("; add plans/{plan}/working-groups/{value}.yaml"), _)
SEE_GUIDE = define("P-SEE-GUIDE", N_("; see the {what} list in the editors' guide"), _)
ONE_OF = define("P-ONE-OF", N_("one of: {listed}"), _)
NAME_FROM_GUIDE = define("P-NAME-FROM-GUIDE", N_("a name or an id from the {what} list in the editors' guide"), _)
SWAPPED = define("P-SWAPPED", N_("; lat and lon look swapped"), _)
ITS_MEASURES = define("P-ITS-MEASURES", N_("; its measures are {numbers}"), _)
NO_MEASURES_YET = define("P-NO-MEASURES-YET", N_("; it has no measures yet (plans/{plan}/measures/)"), _)
NONE_YET = define("P-NONE-YET", N_("none yet"), _)
#: The languages a site may have, named in messages (the plural forms of a capacity unit).
LANGUAGE_NAMES = {
    "cs": define("P-LANGUAGE-CS", N_("Czech"), _),
    "en": define("P-LANGUAGE-EN", N_("English"), _),
    "pl": define("P-LANGUAGE-PL", N_("Polish"), _),
}
# What a reference names, in messages (catalogue.model.kinds, referenced_as)
NOUNS = {
    noun: define(f"P-NOUN-{noun.upper().replace(' ', '-')}", template, _)
    for noun, template in (
        ("service", N_("service")), ("provider", N_("provider")), ("locality", N_("locality")),
        ("life situation", N_("life situation")), ("page", N_("page")), ("plan", N_("plan")),
        ("priority", N_("priority")), ("measure", N_("measure")), ("action plan", N_("action plan")),
        ("working group", N_("working group")), ("comment period", N_("comment period")),
        ("news item", N_("news item")), ("file", N_("file")), ("service type", N_("service type")),
        ("target group", N_("target group")), ("capacity unit", N_("capacity unit")), ("language", N_("language")),
        ("form", N_("form")), ("kind", N_("kind")), ("hours", N_("opening hours")),
    )
}
