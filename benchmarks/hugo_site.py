"""Convert a catalogue in our content format into a minimal Hugo site with the same page set.

The reference stack of issue 15: Hugo renders the pages, Pagefind indexes them. The
site has our pages at our URLs — services, providers, localities, service types,
target groups, life situations, free pages, their indexes, the A–Z list, search, 404,
sitemap, redirects of former ids — and each page lists what ours lists, in the same shape: a
provider's services as cards; a place's services in compact lines (name, the places on a
district's or region's page, the number to call) by kind of help — those located there
(only those placed in it directly when over 150 and its sub-places hold the rest), those
whose own area names it, and a link with a count to each larger place for the services
of the whole of it (``catalogue/render/locality.py``); a kind of help, target group or
life situation the same compact lines. Ours splits a list of more than 200 lines into pages
(by region, then numbered); Hugo lists it on one page — the same lines, fewer pages.

Hugo computes every list at build time, from taxonomies (the idiomatic way): a
service is tagged with its provider, type, target groups, the localities of its
places and their ancestors (``t-located``), those places alone (``t-placed``) and its area (``t-area``); a locality with
its parent (``t-parent``). (Taxonomy names must not prefix a section's name: Hugo
would take ``/druhy-sluzeb/`` for a term of a taxonomy ``druh``.) What Hugo cannot derive is written into the front matter by
this converter: a locality's ancestors, the display text of opening hours and the
initial letter of a name — static data, as a Hugo site's author would keep it.
Confidential places are redacted by our loader before conversion, as in our build.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from catalogue.index import Catalogue, initial, publishable  # noqa: E402
from catalogue.index.queries import situations, types_by_group  # noqa: E402
from catalogue.model.fields import phone_digits  # noqa: E402
from catalogue.model.hours import format_minutes  # noqa: E402
from catalogue.render import views  # noqa: E402
from catalogue.validate.stage import check_content  # noqa: E402

DAY_NAMES = ["Pondělí", "Úterý", "Středa", "Čtvrtek", "Pátek", "Sobota", "Neděle"]
LEVELS = {"region": "Kraj", "district": "Okres", "municipality": "Obec", "part": "Část obce", "neighbourhood": "Čtvrť"}
GROUPS = {"counselling": "Sociální poradenství", "care": "Služby sociální péče", "prevention": "Služby sociální prevence",
          "related": "Související aktivity"}


def front(data: dict, body: str = "") -> str:
    """Return a content file: JSON front matter (Hugo reads it as is), then the Markdown body."""
    return json.dumps(data, ensure_ascii=False, indent=None, sort_keys=True) + "\n\n" + body + "\n"


def convert(content: Path, site: Path) -> dict[str, int]:
    """Write the Hugo site for ``content`` into ``site`` (replacing it); return page counts per section."""
    loaded = check_content(content)
    if loaded.catalogue is None or loaded.problems.errors:
        raise SystemExit(f"{content}: content has errors; run build.py check")
    cat = publishable(loaded.catalogue)
    if site.exists():
        shutil.rmtree(site)
    files: dict[str, str] = {}
    files["hugo.json"] = json.dumps(config(cat), ensure_ascii=False, indent=1)
    files.update(layouts())
    files["content/_index.md"] = front({"title": cat.site.title, "lead": cat.site.description or ""})
    files["content/hledat.md"] = front({"title": "Hledat", "url": "/hledat/", "layout": "hledat"})
    for section, title in (("sluzby", "Služby od A do Z"), ("poskytovatele", "Poskytovatelé"), ("lokality", "Místa"),
                           ("druhy-sluzeb", "Druhy pomoci"), ("cilove-skupiny", "Pro koho"), ("zivotni-situace", "Životní situace"),
                           ("stranky", "Stránky")):
        # our site has no index of the free pages: Hugo's section page for them is not rendered
        files[f"content/{section}/_index.md"] = front({"title": title, **({"build": {"render": "never"}} if section == "stranky" else {})})
    for order, situation in enumerate(situations(cat)):
        gathers = situation.gathers
        files[f"content/zivotni-situace/{situation.id}.md"] = front({
            "title": situation.title, "lead": situation.summary or "", "order": order,
            "gather_types": list(gathers.types) if gathers else [], "gather_groups": list(gathers.target_groups) if gathers else [],
            "services": list(situation.services), "pagefind": True,
            "aliases": [f"/zivotni-situace/{f}/" for f in situation.former_ids],
        }, situation.text)
    type_order = {tid: i for i, (tid, _) in enumerate(t for _, types in types_by_group(cat) for t in types)}
    for tid, stype in cat.vocab.service_types.items():
        files[f"content/druhy-sluzeb/{tid}.md"] = front({
            "title": stype.name, "paragraph": stype.paragraph or "", "group": stype.group, "group_name": GROUPS[stype.group],
            "description": stype.description or "", "order": type_order[tid],
        })
    for gid, group in cat.vocab.target_groups.items():
        files[f"content/cilove-skupiny/{gid}.md"] = front({"title": group.name, "description": group.description or ""})
    for pid, provider in cat.providers.items():
        files[f"content/poskytovatele/{pid}.md"] = front({
            "title": provider.name, "legal_form": provider.legal_form or "", "ico": provider.ico or "",
            "address": provider.address.one_line() if provider.address else "", "contacts": contacts(provider.contacts),
            "verified": provider.verified.isoformat() if provider.verified else "", "pagefind": True,
            "aliases": [f"/poskytovatele/{f}/" for f in provider.former_ids],
        }, provider.description or "")
    for lid, locality in cat.localities.items():
        files[f"content/lokality/{lid}.md"] = front({
            "title": locality.name, "level": locality.level, "level_name": LEVELS[locality.level],
            "ancestors": cat.ancestors(lid), "t-parent": [locality.parent] if locality.parent else [],
        })
    for service in cat.services.values():
        files[f"content/sluzby/{service.id}.md"] = front(service_data(cat, service, type_order), service.description or "")
    for page_id, page in cat.pages.items():
        files[f"content/stranky/{page_id}.md"] = front({"title": page.title, "nav": page.nav, "order": page.order, "pagefind": True}, page.body)
    for rel, text in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "static", site / "static" / "static")  # the same stylesheet and icons at the same URLs
    return {"services": len(cat.services), "providers": len(cat.providers), "localities": len(cat.localities)}


def config(cat: Catalogue) -> dict:
    return {
        "baseURL": cat.site.base_url, "locale": "cs", "defaultContentLanguage": "cs", "title": cat.site.title,
        "relativeURLs": True, "disableKinds": ["rss"],
        # the taxonomies serve the lists; their own pages are never rendered
        "cascade": [{"build": {"render": "never"}, "target": {"kind": "{taxonomy,term}"}}], "enableRobotsTXT": True,
        "taxonomies": {t: t for t in ("t-provider", "t-type", "t-group", "t-located", "t-placed", "t-area", "t-parent")},
        "markup": {"goldmark": {"renderer": {"unsafe": False}}},
        "params": {"organisation": cat.site.organisation.name, "contact_email": list(cat.site.contact.email),
                   "contact_phone": list(cat.site.contact.phone), "demo": cat.site.demo,
                   "repository": cat.site.repository.url if cat.site.repository else "",
                   "report_email": cat.site.contact.email[0] if cat.site.contact.email else ""},
        "outputs": {"home": ["html"], "section": ["html"], "page": ["html"]},
    }


def contacts(c) -> dict:
    return {"phone": [[p, phone_digits(p)] for p in c.phone], "email": list(c.email), "web": c.web or "", "note": c.note or ""}


def service_data(cat: Catalogue, service, type_order: dict[str, int]) -> dict:
    """Return a service's front matter: its fields and the taxonomy terms its lists need."""
    stype = cat.vocab.service_types.get(service.type)
    located = sorted({lid for loc in service.locations for lid in (loc.locality, *cat.ancestors(loc.locality))})
    own = service.contacts if not service.contacts.is_empty() else None
    return {
        "title": service.name, "lead": service.summary or "", "kind": service.kind, "type_id": service.type,
        "type_order": type_order.get(service.type, 999), "paragraph": stype.paragraph if stype else "",
        "registry_id": service.registry_id or "", "provider": service.provider,
        "forms": [cat.vocab.forms[f].name for f in service.forms if f in cat.vocab.forms], "form_ids": list(service.forms),
        "groups": list(service.target_groups), "age": service.age.model_dump() if service.age else None,
        "area": list(service.area), "capacity": ", ".join(f"{c.count} {views.capacity_unit(cat, c)}" for c in service.capacity),
        "fees": {"paid": service.fees.paid, "text": service.fees.text or ""} if service.fees else None,
        "languages": [cat.vocab.languages[code].name if code in cat.vocab.languages else code for code in service.languages],
        "language_ids": list(service.languages),
        "contacts": contacts(own or cat.contacts_for(service)), "provider_contacts": own is None,
        "locations": [location_data(loc) for loc in service.locations], "situations": list(service.life_situations),
        "verified": service.verified.isoformat() if service.verified else "", "letter": initial(service.name),
        "pagefind": True, "aliases": [f"/sluzby/{f}/" for f in service.former_ids],
        # taxonomies: the lists Hugo builds
        "t-provider": [service.provider], "t-type": [service.type], "t-group": list(service.target_groups),
        "t-located": located, "t-placed": sorted({loc.locality for loc in service.locations}), "t-area": cat.service_area(service),
    }


def location_data(location) -> dict:
    hours = None
    first = location.hours[0] if location.hours else None  # the replica shows a place's first schedule
    if first is not None and not first.is_empty():
        hours = {
            "rows": [[DAY_NAMES[i], day_text(day.intervals)] for i, (_, day) in enumerate(first.days())],
            "json": views.hours_json(first), "note": first.note or "",
        }
    return {
        "name": location.name or "", "address": location.address.one_line() if location.address else "",
        "locality": location.locality, "confidential": location.confidential,
        "map": views.map_link(location) or "", "wheelchair": location.wheelchair, "notes": location.notes or "", "hours": hours,
    }


def day_text(intervals: tuple[tuple[int, int], ...]) -> str:
    if not intervals:
        return "zavřeno"
    if intervals == ((0, 24 * 60),):
        return "nonstop"
    return ", ".join(f"{format_minutes(a)}–{format_minutes(b)}" for a, b in intervals)


# --- templates (Hugo's template system of 0.146+: layouts/<section>/page.html, _partials/) ----------

BASEOF = """<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
{{- $desc := .Params.lead | default site.Title }}
<meta name="description" content="{{ $desc }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="website">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ $desc }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="cs_CZ">
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{{ block "head" . }}{{ end }}
</head>
<body>
<a class="skip" href="#main">Přeskočit na obsah</a>
<header class="site-header">
<div class="bar">
<p class="site-title"><a href="/">{{ site.Title }}</a></p>
{{ if not .IsHome }}{{ partial "search-form.html" . }}{{ end }}
</div>
<nav class="site-nav" aria-label="Hlavní nabídka">
<ul>
{{ $here := .RelPermalink }}
{{- range slice (slice "/zivotni-situace/" "Životní situace") (slice "/cilove-skupiny/" "Pro koho") (slice "/lokality/" "Místa") (slice "/druhy-sluzeb/" "Druhy pomoci") (slice "/sluzby/" "A–Z") (slice "/poskytovatele/" "Poskytovatelé") }}
<li><a href="{{ index . 0 }}"{{ if eq $here (index . 0) }} aria-current="page"{{ end }}>{{ index . 1 }}</a></li>
{{- end }}
{{- range where (site.GetPage "/stranky").Pages "Params.nav" true }}
<li><a href="{{ .RelPermalink }}"{{ if eq $here .RelPermalink }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul>
</nav>
{{ if site.Params.demo }}<p class="demo">Ukázková data: organizace v tomto katalogu jsou smyšlené.</p>{{ end }}
</header>
{{ block "crumbs" . }}{{ end }}
<main id="main" tabindex="-1"{{ if .Params.pagefind }} data-pagefind-body{{ end }}>
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>{{ site.Params.organisation }}</p>
<p>Redakce katalogu:{{ range site.Params.contact_email }} <a href="mailto:{{ . }}">{{ . }}</a>{{ end }}{{ range site.Params.contact_phone }} <a href="tel:{{ replace . " " "" }}" class="nowrap">{{ . }}</a>{{ end }}</p>
<p class="print-only">{{ .Permalink }}</p>
</footer>
{{ block "scripts" . }}{{ end }}
</body>
</html>
"""

SEARCH_FORM = """<form class="search" role="search" action="/hledat/" method="get">
<label for="q-top" class="visually-hidden">Hledat v katalogu</label>
<input type="search" id="q-top" name="q" placeholder="Co hledáte?">
<button type="submit">Hledat</button>
</form>
"""

CARD = """{{- $p := .p -}}
{{- $type := site.GetPage (printf "/druhy-sluzeb/%s" $p.Params.type_id) -}}
{{- $prov := site.GetPage (printf "/poskytovatele/%s" $p.Params.provider) -}}
{{- $names := slice -}}
{{- range $p.Params.locations -}}
{{- with site.GetPage (printf "/lokality/%s" .locality) -}}
{{- $n := .Title -}}
{{- if in (slice "part" "neighbourhood") .Params.level -}}{{- with site.GetPage (printf "/lokality/%s" (index (index .Params "t-parent") 0)) -}}{{- $n = printf "%s – %s" .Title $n -}}{{- end -}}{{- end -}}
{{- if not (in $names $n) -}}{{- $names = $names | append $n -}}{{- end -}}
{{- end -}}
{{- end -}}
<li class="card">
<h{{ .level }}><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h{{ .level }}>
{{ with $p.Params.lead }}<p>{{ . }}</p>{{ end }}
<p class="meta">{{ with $type }}{{ .Title }}{{ end }}{{ with $prov }} · {{ .Title }}{{ end }}{{ with $names }} · {{ delimit . ", " }}{{ end }}</p>
</li>
"""

ROW = """{{- $p := .p -}}
{{- $names := slice -}}
{{- if .wide -}}{{- range $p.Params.locations -}}{{- with site.GetPage (printf "/lokality/%s" .locality) -}}
{{- if not (in $names .Title) -}}{{- $names = $names | append .Title -}}{{- end -}}
{{- end -}}{{- end -}}{{- end -}}
<li><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a>{{ with $names }} <span class="meta">{{ delimit . ", " }}</span>{{ end }}
{{- with $p.Params.contacts.phone }}{{ $first := index . 0 }} <a href="tel:{{ index $first 1 }}" class="call nowrap"><span class="visually-hidden">Zavolat </span>{{ index $first 0 }}</a>{{ end }}</li>
"""

ROWS_BY_TYPE = """{{ $pages := .pages }}{{ $wide := .wide }}{{ $prefix := .prefix }}
{{- range sort (site.GetPage "/druhy-sluzeb").Pages "Params.order" }}
{{- $members := where $pages "Params.type_id" .File.ContentBaseName }}
{{- if $members }}
<section class="kind-group" data-kind="{{ .File.ContentBaseName }}">
<h3 id="{{ $prefix }}-{{ .File.ContentBaseName }}">{{ .Title }} <span class="count">({{ len $members }})</span></h3>
<ul class="rows">
{{ range sort $members "Title" }}{{ partialCached "row.html" (dict "p" . "wide" $wide) .RelPermalink $wide }}
{{ end }}</ul>
</section>
{{- end }}
{{- end }}
"""

CARDS = """<ul class="cards">
{{ $level := .level }}{{ range .pages }}{{ partialCached "card.html" (dict "p" . "level" $level) .RelPermalink $level }}
{{ end }}</ul>
"""

BY_TYPE = """{{ $pages := .pages }}{{ $describe := .describe }}
{{- range sort (site.GetPage "/druhy-sluzeb").Pages "Params.order" }}
{{- $members := where $pages "Params.type_id" .File.ContentBaseName }}
{{- if $members }}
<section aria-labelledby="h-{{ .File.ContentBaseName }}">
<h3 id="h-{{ .File.ContentBaseName }}">{{ .Title }}</h3>
{{ if and $describe .Params.description }}<p class="small">{{ .Params.description }}</p>{{ end }}
<ul class="rows">
{{ range sort $members "Title" }}{{ partialCached "row.html" (dict "p" . "wide" false) .RelPermalink false }}
{{ end }}</ul>
</section>
{{- end }}
{{- end }}
"""

CONTACTS = """<ul class="contacts">
{{ range .phone }}<li><span class="label">Telefon:</span> <a href="tel:{{ index . 1 }}" class="nowrap">{{ index . 0 }}</a></li>
{{ end }}{{ range .email }}<li><span class="label">E-mail:</span> <a href="mailto:{{ . }}">{{ . }}</a></li>
{{ end }}{{ with .web }}<li><span class="label">Web:</span> <a href="{{ . }}">{{ strings.TrimSuffix "/" (replace (replace . "https://" "") "http://" "") }}</a></li>
{{ end }}</ul>
{{ with .note }}<p>{{ . }}</p>{{ end }}
"""

FOOTER = """{{ $subject := printf "Chyba v katalogu: %s" .Title }}
<footer class="record">
{{ with .Params.verified }}<p>Naposledy ověřeno {{ (time .).Format "2. 1. 2006" }}.</p>{{ end }}
<p>Je tu něco špatně nebo zastaralé? <a href="mailto:{{ site.Params.report_email }}?subject={{ $subject | urlquery }}&amp;body={{ printf "Stránka: %s\\nZáznam: %s\\n\\nCo je špatně nebo se změnilo:\\n" .Permalink .File.Path | urlquery }}">Nahlaste chybu e-mailem</a></p>
{{ with site.Params.repository }}<p class="edit"><a href="{{ . }}/edit/main/content/{{ replace $.File.Path ".md" ".yaml" }}">Upravit tento záznam</a></p>{{ end }}
</footer>
"""

SITUATION_MEMBERS = """{{- $sit := . -}}{{- $sid := .File.ContentBaseName -}}
{{- $types := .Params.gather_types -}}{{- $groups := .Params.gather_groups -}}
{{- $out := slice -}}
{{- range (site.GetPage "/sluzby").Pages -}}
{{- $ok := or (in .Params.situations $sid) (in $sit.Params.services .File.ContentBaseName) -}}
{{- if and (or $types $groups) (or (not $types) (in $types .Params.type_id)) (or (not $groups) (intersect $groups .Params.groups)) -}}{{- $ok = true -}}{{- end -}}
{{- if $ok -}}{{- $out = $out | append . -}}{{- end -}}
{{- end -}}
{{- return $out -}}
"""

SERVICE = """{{ define "head" }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Service" "name" .Title "description" .Params.lead "url" .Permalink "provider" (dict "@type" "Organization" "name" (site.GetPage (printf "/poskytovatele/%s" .Params.provider)).Title) | jsonify | safeJS }}</script>{{ end }}
{{ define "crumbs" }}{{ with site.GetPage (printf "/druhy-sluzeb/%s" .Params.type_id) }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li></ol></nav>{{ end }}{{ end }}
{{ define "main" }}
{{ $type := site.GetPage (printf "/druhy-sluzeb/%s" .Params.type_id) }}
{{ $prov := site.GetPage (printf "/poskytovatele/%s" .Params.provider) }}
<article class="service">
<h1>{{ .Title }}</h1>
{{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
<p class="kind">{{ with $type }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> – {{ end }}{{ if eq .Params.kind "registered" }}registrovaná sociální služba{{ with .Params.paragraph }} (§ {{ . }}){{ end }}{{ else }}související aktivita (není registrovanou sociální službou){{ end }}</p>
<dl class="facts">
{{ if .Params.groups }}<dt>Pro koho</dt>
<dd>{{ range $i, $g := .Params.groups }}{{ with site.GetPage (printf "/cilove-skupiny/%s" $g) }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}{{ with .Params.age }}<br>Věk: {{ with .min }}od {{ . }} {{ end }}{{ with .max }}do {{ . }} {{ end }}let{{ end }}</dd>{{ end }}
{{ with .Params.forms }}<dt>Forma poskytování</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
{{ with .Params.area }}<dt>Kde pomáhá</dt><dd>{{ range $i, $a := . }}{{ with site.GetPage (printf "/lokality/%s" $a) }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</dd>{{ end }}
{{ with .Params.fees }}<dt>Úhrady</dt><dd>{{ if .paid }}Placená{{ else }}Zdarma{{ end }}{{ with .text }}: {{ . }}{{ end }}</dd>{{ end }}
{{ with .Params.capacity }}<dt>Kapacita</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.languages }}<dt>Jazyky</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
</dl>
{{ with .Content }}<section aria-labelledby="h-about"><h2 id="h-about">Co služba nabízí</h2>
{{ . }}</section>{{ end }}
<section aria-labelledby="h-contact"><h2 id="h-contact">Kontakt</h2>
{{ if .Params.provider_contacts }}<p class="small">Kontakty poskytovatele:</p>{{ end }}
{{ partial "contacts.html" .Params.contacts }}
</section>
{{ with .Params.locations }}
<section aria-labelledby="h-where"><h2 id="h-where">Kde a kdy</h2>
{{ range . }}
{{ $loc := site.GetPage (printf "/lokality/%s" .locality) }}
<div class="location">
{{ $where := .address | default $loc.Title }}{{ $heading := .name | default $where }}
<h3>{{ $heading }}</h3>
{{ if ne $where $heading }}<p class="address">{{ $where }}</p>{{ end }}
{{ if .confidential }}<p class="note">Adresa je utajená, aby chránila lidi, kteří tu bydlí. Nejdřív zavolejte nebo napište; řeknou vám, kam přijít.</p>{{ end }}
<ul class="plain">
{{ with .map }}<li><a href="{{ . }}">Ukázat na mapě (OpenStreetMap)</a></li>{{ end }}
{{ with $loc }}<li><a href="{{ .RelPermalink }}">Další pomoc v lokalitě {{ .Title }}</a></li>{{ end }}
{{ if eq .wheelchair true }}<li>Bezbariérový přístup</li>{{ else if eq .wheelchair false }}<li>Bez bezbariérového přístupu</li>{{ end }}
</ul>
{{ with .notes }}<p>{{ . }}</p>{{ end }}
{{ with .hours }}
<p class="open-now" data-hours="{{ .json }}" hidden></p>
<table class="hours">
<caption>Otevírací doba</caption>
<thead><tr><th scope="col">Den</th><th scope="col">Hodiny</th></tr></thead>
<tbody>
{{ range .rows }}<tr><th scope="row">{{ index . 0 }}</th><td>{{ index . 1 }}</td></tr>
{{ end }}</tbody>
</table>
{{ with .note }}<p>{{ . }}</p>{{ end }}
{{ end }}
</div>
{{ end }}
</section>
{{ end }}
{{ with $prov }}
<section aria-labelledby="h-provider"><h2 id="h-provider">Poskytovatel</h2>
<p><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.legal_form }}, {{ . }}{{ end }}{{ with .Params.ico }}, IČO {{ . }}{{ end }}</p>
{{ with $.Params.registry_id }}<p>Registr poskytovatelů sociálních služeb: identifikátor služby {{ . }}{{ with $.Params.paragraph }}, § {{ . }} zákona č. 108/2006 Sb.{{ end }}</p>{{ end }}
</section>
{{ end }}
{{ $self := . }}{{ $helps := slice }}
{{ range sort (site.GetPage "/zivotni-situace").Pages "Params.order" }}{{ if in (partialCached "situation-members.html" . .RelPermalink) $self }}{{ $helps = $helps | append . }}{{ end }}{{ end }}
{{ with $helps }}<section aria-labelledby="h-situations"><h2 id="h-situations">Pomáhá v těchto životních situacích</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}
{{ partial "record-footer.html" . }}
</article>
{{ end }}
{{ define "scripts" }}{{ if .Params.locations }}<script type="application/json" id="hours-text">{"open":"Nyní otevřeno do {time}."}</script>
<script src="/static/hours.js" defer></script>{{ end }}{{ end }}
"""

PROVIDER = """{{ define "crumbs" }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="/poskytovatele/">Poskytovatelé</a></li></ol></nav>{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<dl class="facts">
{{ with .Params.legal_form }}<dt>Právní forma</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.ico }}<dt>IČO</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.address }}<dt>Sídlo</dt><dd>{{ . }}</dd>{{ end }}
</dl>
<h2>Kontakt</h2>
{{ partial "contacts.html" .Params.contacts }}
{{ with .Content }}<h2>O poskytovateli</h2>
{{ . }}{{ end }}
{{ $pages := slice }}{{ with index (index site.Taxonomies "t-provider") .File.ContentBaseName }}{{ $pages = .Pages.ByTitle }}{{ end }}
<h2>Služby <span class="count">({{ len $pages }})</span></h2>
{{ if $pages }}{{ partial "cards.html" (dict "pages" $pages "level" 3) }}{{ else }}<p>V katalogu nejsou žádné služby.</p>{{ end }}
{{ partial "record-footer.html" . }}
{{ end }}
"""

LOCALITY = """{{ define "crumbs" }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="/lokality/">Místa</a></li>
{{ range collections.Reverse .Params.ancestors }}{{ with site.GetPage (printf "/lokality/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></nav>{{ end }}
{{ define "main" }}
{{ $id := .File.ContentBaseName }}
{{ $wide := in (slice "region" "district") .Params.level }}
<h1>{{ .Title }}</h1>
<p class="kind">{{ .Params.level_name }}</p>
{{- /* the same lists as ours (catalogue/render/locality.py): located here, unless over 150 and in sub-places;
       serving because their own area names this place; the larger places' services as links with counts */ -}}
{{ $located := slice }}{{ with index (index site.Taxonomies "t-located") $id }}{{ $located = .Pages }}{{ end }}
{{ $children := slice }}{{ with index (index site.Taxonomies "t-parent") $id }}{{ $children = .Pages.ByTitle }}{{ end }}
{{ $inChildren := false }}{{ range $children }}{{ if index (index site.Taxonomies "t-located") .File.ContentBaseName }}{{ $inChildren = true }}{{ end }}{{ end }}
{{ $split := and (gt (len $located) 150) $inChildren }}
{{ $listed := $located }}{{ if $split }}{{ $listed = slice }}{{ with index (index site.Taxonomies "t-placed") $id }}{{ $listed = .Pages }}{{ end }}{{ end }}
{{ $serving := slice }}{{ with index (index site.Taxonomies "t-area") $id }}{{ $serving = complement $located .Pages }}{{ end }}
{{ $shown := $located | union $serving }}
<section aria-labelledby="h-located">
<h2 id="h-located">Služby, které tu sídlí <span class="count">({{ len $located }})</span></h2>
{{ if $split }}<p class="small">Najdete je na stránkách míst níže, u každého s počtem služeb.{{ if $listed }} Zde jsou ty, které mají místo přímo v lokalitě {{ .Title }}:{{ end }}</p>{{ end }}
{{ if $listed }}{{ partial "rows-by-type.html" (dict "pages" $listed "wide" $wide "prefix" "k") }}{{ else if not $split }}<p>Žádná služba tu nemá adresu.</p>{{ end }}
</section>
<section aria-labelledby="h-serving">
<h2 id="h-serving">Služby, které tu také pomáhají <span class="count">({{ len $serving }})</span></h2>
<p class="small">Jejich pracovníci přijedou za vámi, nebo lidem odsud pomáhají na místě jinde.</p>
{{ if $serving }}{{ partial "rows-by-type.html" (dict "pages" $serving "wide" $wide "prefix" "s") }}{{ else }}<p>Žádné, jejichž oblast jmenuje {{ .Title }}.</p>{{ end }}
<ul class="wider">
{{ range .Params.ancestors }}{{ $place := site.GetPage (printf "/lokality/%s" .) }}{{ with index (index site.Taxonomies "t-area") . }}{{ $n := len (complement $shown .Pages) }}{{ if $n }}<li><a href="{{ $place.RelPermalink }}">{{ $n }} dalších služeb pro celé místo {{ $place.Title }}</a></li>
{{ end }}{{ end }}{{ end }}</ul>
</section>
{{ with $children }}
<section aria-labelledby="h-parts"><h2 id="h-parts">Místa v lokalitě {{ $.Title }}</h2>
<ul class="chips">
{{ range . }}{{ $n := 0 }}{{ with index (index site.Taxonomies "t-located") .File.ContentBaseName }}{{ $n = len . }}{{ end }}<li><a href="{{ .RelPermalink }}">{{ .Title }}{{ if $n }} <span class="count">({{ $n }})</span>{{ end }}</a></li>
{{ end }}</ul>
</section>
{{ end }}
{{ end }}
"""

SITUATION = """{{ define "crumbs" }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="/zivotni-situace/">Životní situace</a></li></ol></nav>{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
{{ .Content }}
{{ $members := partialCached "situation-members.html" . .RelPermalink }}
<h2>Kdo může pomoci</h2>
{{ if $members }}{{ partial "by-type.html" (dict "pages" $members "describe" true) }}{{ else }}<p>V katalogu nejsou žádné služby.</p>{{ end }}
{{ partial "record-footer.html" . }}
{{ end }}
"""

TARGET_GROUP = """{{ define "crumbs" }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="/cilove-skupiny/">Pro koho</a></li></ol></nav>{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.description }}<p class="lead">{{ . }}</p>{{ end }}
{{ $pages := slice }}{{ with index (index site.Taxonomies "t-group") .File.ContentBaseName }}{{ $pages = .Pages }}{{ end }}
<h2>Služby <span class="count">({{ len $pages }})</span></h2>
{{ if $pages }}{{ partial "by-type.html" (dict "pages" $pages "describe" false) }}{{ else }}<p>V katalogu nejsou žádné služby.</p>{{ end }}
{{ end }}
"""

SERVICE_TYPE = """{{ define "crumbs" }}<nav class="crumbs" aria-label="Nacházíte se zde"><ol><li><a href="/">Úvod</a></li><li><a href="/druhy-sluzeb/">Druhy pomoci</a></li></ol></nav>{{ end }}
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="kind">{{ with .Params.paragraph }}Sociální služba podle § {{ . }} zákona č. 108/2006 Sb., o sociálních službách.{{ else }}Související aktivita: pomoc mimo zákon o sociálních službách.{{ end }}</p>
{{ with .Params.description }}<p class="lead">{{ . }}</p>{{ end }}
{{ $pages := slice }}{{ with index (index site.Taxonomies "t-type") .File.ContentBaseName }}{{ $pages = .Pages.ByTitle }}{{ end }}
<h2>Služby <span class="count">({{ len $pages }})</span></h2>
{{ if $pages }}<ul class="rows">
{{ range $pages }}{{ partialCached "row.html" (dict "p" . "wide" false) .RelPermalink false }}
{{ end }}</ul>{{ else }}<p>V katalogu nejsou žádné služby.</p>{{ end }}
{{ end }}
"""

SERVICES_AZ = """{{ define "main" }}
<h1>Služby od A do Z</h1>
{{ $groups := .Pages.ByTitle.GroupByParam "letter" }}
<nav class="letters" aria-label="Písmena"><ul>{{ range $i, $g := $groups }}<li><a href="#pismeno-{{ add $i 1 }}">{{ $g.Key }}</a></li>{{ end }}</ul></nav>
{{ range $i, $g := $groups }}
<section aria-labelledby="pismeno-{{ add $i 1 }}">
<h2 id="pismeno-{{ add $i 1 }}">{{ $g.Key }}</h2>
<ul class="az">
{{ range $g.Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with site.GetPage (printf "/druhy-sluzeb/%s" .Params.type_id) }} <span class="meta">– {{ .Title }}</span>{{ end }}</li>
{{ end }}</ul>
</section>
{{ end }}
{{ end }}
"""

PROVIDERS = """{{ define "main" }}
<h1>Poskytovatelé</h1>
<ul class="az">
{{ range .Pages.ByTitle }}{{ $n := 0 }}{{ with index (index site.Taxonomies "t-provider") .File.ContentBaseName }}{{ $n = len . }}{{ end }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">({{ $n }} {{ if eq $n 1 }}služba{{ else if and (ge $n 2) (le $n 4) }}služby{{ else }}služeb{{ end }})</span></li>
{{ end }}</ul>
{{ end }}
"""

TREE = """{{- $id := .File.ContentBaseName -}}
{{- $keep := isset (index site.Taxonomies "t-located") $id -}}
{{- range (slice $id | append .Params.ancestors) }}{{ if isset (index site.Taxonomies "t-area") . }}{{ $keep = true }}{{ end }}{{ end -}}
{{- if $keep -}}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with index (index site.Taxonomies "t-parent") $id }}
<ul>
{{ range .Pages.ByTitle }}{{ partial "tree.html" . }}{{ end }}</ul>{{ end }}</li>
{{ end -}}
"""

LOCALITIES = """{{ define "main" }}
<h1>Místa</h1>
<p>Vyberte obec, kde bydlíte: uvidíte služby, které tam sídlí, i ty, které za vámi přijedou.</p>
<div class="tree">
<ul>
{{ range where .Pages.ByTitle "Params.level" "region" }}{{ partial "tree.html" . }}{{ end }}
</ul>
</div>
{{ end }}
"""

TERMS = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="az">
{{ range .Pages.ByTitle }}{{ $n := 0 }}{{ with index (index site.Taxonomies "t-group") .File.ContentBaseName }}{{ $n = len . }}{{ end }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">({{ $n }})</span>{{ with .Params.description }}<br><span class="small">{{ . }}</span>{{ end }}</li>
{{ end }}</ul>
{{ end }}
"""

TYPES = """{{ define "main" }}
<h1>Druhy pomoci</h1>
{{ range (sort .Pages "Params.order").GroupByParam "group_name" }}
<section><h2>{{ .Key }}</h2>
<ul class="az">
{{ range sort .Pages "Params.order" }}{{ $n := 0 }}{{ with index (index site.Taxonomies "t-type") .File.ContentBaseName }}{{ $n = len . }}{{ end }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.paragraph }} <span class="meta">§ {{ . }}</span>{{ end }} <span class="meta">({{ $n }})</span>{{ with .Params.description }}<br><span class="small">{{ . }}</span>{{ end }}</li>
{{ end }}</ul></section>
{{ end }}
{{ end }}
"""

SITUATIONS = """{{ define "main" }}
<h1>Životní situace</h1>
<ul class="tiles">
{{ range sort .Pages "Params.order" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.lead }}<span>{{ . }}</span>{{ end }}</li>
{{ end }}</ul>
{{ end }}
"""

HOME = """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
{{ partial "search-form.html" . }}
<section aria-labelledby="h-situations"><h2 id="h-situations">Co se vám děje?</h2>
<ul class="tiles">{{ range sort (site.GetPage "/zivotni-situace").Pages "Params.order" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.lead }}<span>{{ . }}</span>{{ end }}</li>{{ end }}</ul></section>
<section aria-labelledby="h-groups"><h2 id="h-groups">Pro koho pomoc hledáte?</h2>
<ul class="chips">{{ range (site.GetPage "/cilove-skupiny").Pages.ByTitle }}{{ $g := . }}{{ with index (index site.Taxonomies "t-group") .File.ContentBaseName }}<li><a href="{{ $g.RelPermalink }}">{{ $g.Title }} <span class="count">({{ len . }})</span></a></li>{{ end }}{{ end }}</ul></section>
<section aria-labelledby="h-places"><h2 id="h-places">Kde bydlíte?</h2>
<ul class="chips">{{ range where (site.GetPage "/lokality").Pages.ByTitle "Params.level" "region" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<p><a href="/lokality/">Všechna místa</a></p></section>
<section aria-labelledby="h-types"><h2 id="h-types">Jakou pomoc hledáte?</h2>
<ul class="chips">{{ range sort (site.GetPage "/druhy-sluzeb").Pages "Params.order" }}{{ if isset (index site.Taxonomies "t-type") .File.ContentBaseName }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
<p><a href="/sluzby/">Všechny služby od A do Z</a> · <a href="/poskytovatele/">Všichni poskytovatelé</a></p></section>
<section aria-labelledby="h-how"><h2 id="h-how">Jak katalog používat</h2>
<ul>
<li>Začněte od toho, co se vám děje, pro koho pomoc hledáte, kde bydlíte, nebo napište pár slov do vyhledávání.</li>
<li>U každé služby najdete, pro koho je, kde a kdy má otevřeno, kolik stojí a jak se s ní spojit. Většina pomoci je zdarma a důvěrná.</li>
<li>Nevíte, kam se obrátit? Zavolejte do sociální poradny: pomůže vám najít tu správnou pomoc.</li>
<li>Jste-li v ohrožení, volejte 112.</li>
</ul></section>
{{ end }}
"""

SEARCH = """{{ define "main" }}
<h1>Hledat</h1>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<div id="search"></div>
<script src="/pagefind/pagefind-ui.js"></script>
<script>window.addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: "#search", showSubResults: false }); });</script>
{{ end }}
"""

PAGE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ end }}
"""

NOT_FOUND = """{{ define "main" }}
<h1>Stránka nenalezena</h1>
<p>Tato stránka v katalogu není. Zkuste hledání nebo <a href="/">úvodní stránku</a>.</p>
{{ end }}
"""

def layouts() -> dict[str, str]:
    service = SERVICE.replace('<article class="service">', '<article class="service">\n{{ partial "filters.html" . }}')
    return {
        "layouts/baseof.html": BASEOF, "layouts/home.html": HOME, "layouts/page.html": PAGE, "layouts/section.html": PAGE,
        "layouts/404.html": NOT_FOUND, "layouts/hledat.html": SEARCH,
        "layouts/sluzby/page.html": service, "layouts/sluzby/section.html": SERVICES_AZ,
        "layouts/poskytovatele/page.html": PROVIDER, "layouts/poskytovatele/section.html": PROVIDERS,
        "layouts/lokality/page.html": LOCALITY, "layouts/lokality/section.html": LOCALITIES,
        "layouts/zivotni-situace/page.html": SITUATION, "layouts/zivotni-situace/section.html": SITUATIONS,
        "layouts/cilove-skupiny/page.html": TARGET_GROUP, "layouts/cilove-skupiny/section.html": TERMS,
        "layouts/druhy-sluzeb/page.html": SERVICE_TYPE, "layouts/druhy-sluzeb/section.html": TYPES,
        "layouts/_partials/search-form.html": SEARCH_FORM, "layouts/_partials/card.html": CARD,
        "layouts/_partials/cards.html": CARDS, "layouts/_partials/row.html": ROW,
        "layouts/_partials/rows-by-type.html": ROWS_BY_TYPE, "layouts/_partials/by-type.html": BY_TYPE,
        "layouts/_partials/contacts.html": CONTACTS, "layouts/_partials/record-footer.html": FOOTER,
        "layouts/_partials/situation-members.html": SITUATION_MEMBERS, "layouts/_partials/tree.html": TREE,
        "layouts/_partials/filters.html": PAGEFIND_FILTER_SPANS,
        "layouts/robots.txt": "User-agent: *\nDisallow: /\n",
    }


# Pagefind filters on a service page: the facets our search offers.
PAGEFIND_FILTER_SPANS = """<div hidden>
<span data-pagefind-filter="type">{{ .Params.type_id }}</span>
<span data-pagefind-filter="kind">{{ .Params.kind }}</span>
{{ range .Params.groups }}<span data-pagefind-filter="target_group">{{ . }}</span>{{ end }}
{{ range .Params.form_ids }}<span data-pagefind-filter="form">{{ . }}</span>{{ end }}
{{ range .Params.language_ids }}<span data-pagefind-filter="language">{{ . }}</span>{{ end }}
{{ range index .Params "t-located" }}<span data-pagefind-filter="place">{{ . }}</span>{{ end }}
{{ range index .Params "t-area" }}<span data-pagefind-filter="place">area:{{ . }}</span>{{ end }}
</div>
"""
