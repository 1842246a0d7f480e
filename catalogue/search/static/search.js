/*! search.js — the catalogue's search page. The query and the filters live in the address
 * (?q=…&type=…&locality=…), so a search can be shared and the back button works; the search
 * itself is search-engine.js (the twin of the command line's). The page says what it found in
 * words ("12 služeb v Lysé nad Labem, zdarma"), shows each chosen filter as a removable chip,
 * and on a phone keeps the filter panel closed so the results come first. "Open now" (?open=now) is worked out
 * here, at the moment of the query, by static/hours.js over search/hours.json (so a cached page is still
 * right); each result says its hours at that moment in the words of the service page. */
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  var S = window.CatalogueSearch;
  if (!app || !window.CzechAnalysis || !S || !window.Promise || !window.history || !window.URLSearchParams ||
      !window.Map || !window.Set || !window.TextDecoder || !Array.from) return;

  var TEXT = JSON.parse(document.getElementById('search-text').textContent);
  // 'open' (now) is no facet of the index: it needs the clock, so it is worked out here (openNow).
  var FACETS = ['open', 'target_group', 'type', 'form', 'locality', 'life_situation', 'kind', 'language', 'wheelchair', 'free', 'hours'];
  var H = window.CatalogueHours;
  var HOURS = JSON.parse(document.getElementById('hours-text').textContent);
  var PAGE = 10;
  var LANGUAGE = app.getAttribute('data-language');
  var status = document.getElementById('search-status');
  var chips = document.getElementById('search-chips');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var empty = document.getElementById('search-empty');
  var corrected = document.getElementById('search-corrected');
  var details = document.getElementById('search-facets');
  var filterForm = document.getElementById('search-filter');
  var queryInput = document.getElementById('q');
  var wide = window.matchMedia ? window.matchMedia('(min-width: 60em)') : { matches: true };
  var engine = null;
  var shown = [];
  var current = null;
  var runId = 0;
  var moment = null;  // the local time of the current search ({y, m, d, min}): its "open now" and its hours lines
  // ---- hooks (issue 13): static/near.js arranges the results by distance and keeps its own parameters in the
  // address, static/map.js maps them, static/my-list.js adds its button to each. Each list may stay empty.
  var hooks = window.CatalogueSearchHooks = window.CatalogueSearchHooks || {};
  ['arrange', 'shown', 'decorate', 'params'].forEach(function (k) { hooks[k] = hooks[k] || []; });
  window.CatalogueSearchPage = {
    state: function () { return current; },
    go: function (state) { return go(state); },
    rerun: function () { return current ? run(current) : Promise.resolve(); },  // the address is already set
  };

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)[sd]/g, function (m, k) { return values[k]; });
  }
  function plural(forms, n) {
    var cat = new Intl.PluralRules(LANGUAGE).select(n);
    return fmt(forms[cat] || forms.other, { num: n });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function getEngine() {
    if (!engine) engine = S.open(new URL(app.getAttribute('data-search'), location.href).href);
    engine.meta.catch(function () { engine = null; });  // a failed load is tried again next time
    return engine;
  }

  // ---- the address ---------------------------------------------------------------
  function readState() {
    var params = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (f) {
      var values = params.getAll(f).filter(Boolean);
      if (values.length) filters[f] = values;
    });
    return { q: (params.get('q') || '').trim(), filters: filters };
  }
  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    FACETS.forEach(function (f) { (state.filters[f] || []).forEach(function (v) { params.append(f, v); }); });
    var kept = new URLSearchParams(location.search);  // hook: the parameters of near.js stay
    hooks.params.forEach(function (name) { if (kept.get(name)) params.set(name, kept.get(name)); });
    var search = params.toString();
    history.pushState(null, '', search ? '?' + search : location.pathname);
  }
  function showState(state, opened) {
    queryInput.value = state.q;
    filterForm.querySelector('input[name=q]').value = state.q;
    Array.prototype.forEach.call(filterForm.elements, function (input) {
      var chosen = state.filters[input.name] || [];
      if (input.type === 'checkbox') input.checked = chosen.indexOf(input.value) >= 0;
      if (input.tagName === 'SELECT') input.value = chosen[0] || '';
    });
    // A shared address with filters: on a wide screen the panel beside the results shows them;
    // on a phone the chips say what is chosen and the results come first.
    if (opened && Object.keys(state.filters).length && wide.matches) details.open = true;
  }
  function formState() {
    var filters = {};
    Array.prototype.forEach.call(filterForm.elements, function (input) {
      if (FACETS.indexOf(input.name) < 0) return;
      if ((input.type === 'checkbox' && input.checked) || (input.tagName === 'SELECT' && input.value)) {
        (filters[input.name] = filters[input.name] || []).push(input.value);
      }
    });
    return { q: queryInput.value.trim(), filters: filters };
  }

  // ---- places ----------------------------------------------------------------------
  /** The index values a chosen facet value stands for. A place stands for itself and for
   * "serves the whole of X" for each X around it (queries.locality_filter): the build writes
   * them on the place's option (data-any); a place the form does not offer (a town of a
   * big catalogue, from a shared address) is looked up in search/places.json (each place's
   * parent, name and "in" phrase), fetched only then, and added to the form while chosen. */
  var AREA_MARK = app.getAttribute('data-area-mark');
  var offered = {};
  Array.prototype.forEach.call(document.querySelectorAll('#facet-locality option[data-any]'), function (option) {
    offered[option.value] = option.getAttribute('data-any').split(' ');
  });
  var places = null;
  function placesFor(filters) {
    var missing = (filters.locality || []).filter(function (v) { return !offered[v]; });
    if (!missing.length) return Promise.resolve();
    var loaded = places ? Promise.resolve() : fetch(new URL(app.getAttribute('data-search') + 'places.json', location.href).href)
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (p) { places = p; }, function () { places = {}; });
    return loaded.then(function () { missing.forEach(showPlace); });
  }
  function showPlace(value) {
    var select = document.getElementById('facet-locality');
    if (!places[value] || !select || select.querySelector('option[data-added="' + value.replace(/"/g, '') + '"]')) return;
    var option = el('option', { value: value, 'data-added': value, 'data-label': places[value][1] }, places[value][1]);
    if (places[value][2]) option.setAttribute('data-in', places[value][2]);
    select.insertBefore(option, select.options[1] || null);
    select.value = value;
  }
  function valuesOf(facet, value) {
    if (facet !== 'locality') return [value];
    if (offered[value]) return offered[value];
    var out = [value];
    for (var p = places && places[value] && places[value][0], seen = {}; p && !seen[p]; p = places[p] && places[p][0]) {
      seen[p] = true;
      out.push(AREA_MARK + p);
    }
    return out;
  }
  function indexFilters(filters) {
    var out = {};
    Object.keys(filters).forEach(function (f) {
      if (f !== 'open') out[f] = [].concat.apply([], filters[f].map(function (v) { return valuesOf(f, v); }));
    });
    return out;
  }
  /** The documents open at ``at`` when the filters ask for what is open now (a Set), else null. */
  function openNow(search, filters, at) {
    if (!filters.open) return Promise.resolve(null);
    if (!H) return Promise.reject(new Error('hours.js is not loaded'));
    return search.openAt(H, at, HOURS.holidays || []);
  }
  /** The hours line of a result at ``at``, as the service page says it: of its schedules (client-facing ones,
   * search/hours.py) the one open now and longest, else the one that opens soonest. */
  function hoursLine(m, at) {
    if (!m.hours || !H || !at) return '';
    var best = null, bestKey = null;
    JSON.parse(m.hours).forEach(function (s) {
      var st = H.state(s, at, HOURS.holidays || []);
      var key = st.open ? (st.until === null ? -1e9 : -st.until)
        : st.nextDay !== null ? st.nextDay * 1440 + st.nextAt : st.appointment ? 1e9 : 2e9;
      if (bestKey === null || key < bestKey) { best = s; bestKey = key; }
    });
    return best ? H.line(HOURS, best, at) : '';
  }

  // ---- what the search found, in words ------------------------------------------------
  /** The label of a chosen value, as the form shows it. */
  function labelOf(facet, value) {
    var input = filterForm.querySelector('[name="' + facet + '"][value="' + value.replace(/"/g, '') + '"]') ||
      filterForm.querySelector('#facet-locality option[value="' + value.replace(/"/g, '') + '"]');
    return input ? input.getAttribute('data-label') || value : value;
  }
  /** "12 služeb pro „domov“ v Lysé nad Labem, zdarma, druh pomoci: …" (or "okres Nymburk: 12 služeb, …"). */
  function summary(state, query, counted) {
    var count = state.filters.open ? plural(TEXT.services_open, counted.services)  // only services have hours
      : counted.services ? plural(TEXT.services, counted.services) : plural(TEXT.found, counted.others);
    if (counted.services && counted.others) count = fmt(TEXT.and, { first: count, second: plural(TEXT.others, counted.others) });
    var head = count + (query ? ' ' + fmt(TEXT.found_for, { query: query }) : '');
    var colon = [];
    var phrases = [];
    (state.filters.locality || []).forEach(function (v) {
      var option = filterForm.querySelector('#facet-locality option[value="' + v.replace(/"/g, '') + '"]');
      var phrase = option && option.getAttribute('data-in');
      if (phrase) phrases.push(phrase); else colon.push(labelOf('locality', v));
    });
    if (phrases.length) head += ' ' + phrases.join(TEXT.or);
    var parts = [head];
    FACETS.forEach(function (f) {
      if (f === 'locality' || f === 'open' || !state.filters[f]) return;
      var values = state.filters[f].map(function (v) { return labelOf(f, v); }).join(TEXT.or);
      parts.push(TEXT.summary[f] ? fmt(TEXT.summary[f], { values: values }) : values);
    });
    var sentence = parts.join(', ');
    return colon.length ? fmt(TEXT.at_place, { place: colon.join(TEXT.or), summary: sentence }) : sentence;
  }
  /** One button per chosen value: pressing it runs the search without that value. */
  function showChips(state) {
    chips.textContent = '';
    var all = 0;
    ['locality'].concat(FACETS.filter(function (f) { return f !== 'locality'; })).forEach(function (f) {  // as the sentence says them
      (state.filters[f] || []).forEach(function (v) {
        all++;
        var label = labelOf(f, v);
        var button = el('button', { type: 'button', 'class': 'chip', 'aria-label': fmt(TEXT.remove, { label: label }) });
        button.appendChild(el('span', { 'aria-hidden': 'true' }, label + ' \u00d7'));
        button.addEventListener('click', function () {
          var filters = {};
          Object.keys(state.filters).forEach(function (k) {
            var left = state.filters[k].filter(function (x) { return k !== f || x !== v; });
            if (left.length) filters[k] = left;
          });
          go({ q: state.q, filters: filters }).then(function () { (chips.querySelector('button') || queryInput).focus(); });
        });
        var li = el('li');
        li.appendChild(button);
        chips.appendChild(li);
      });
    });
    if (all > 1) {
      var clear = el('button', { type: 'button', 'class': 'chip chip-clear' }, TEXT.clear_all);
      clear.addEventListener('click', function () { go({ q: state.q, filters: {} }).then(function () { queryInput.focus(); }); });
      var li = el('li');
      li.appendChild(clear);
      chips.appendChild(li);
    }
    chips.hidden = all === 0;
  }

  // ---- running a search --------------------------------------------------------------
  function run(state, opened) {
    var id = ++runId;
    current = state;
    showState(state, opened);
    showChips(state);
    list.textContent = '';
    more.hidden = true;
    empty.hidden = true;
    corrected.hidden = true;
    ['data-total', 'data-corrected', 'data-suggestion'].forEach(function (a) { app.removeAttribute(a); });
    if (!state.q && !Object.keys(state.filters).length) {
      status.textContent = '';
      busy(false);
      return Promise.resolve();
    }
    status.textContent = TEXT.searching;
    busy(true);
    var search = getEngine(), at = H ? H.now(HOURS.tz) : null;
    return Promise.all([placesFor(state.filters), openNow(search, state.filters, at)]).then(function (got) {
      if (id === runId) moment = at;
      return search.search(state.q, indexFilters(state.filters), got[1]);
    }).then(function (outcome) {
      return Promise.all([search.meta, details.open ? search.counts(outcome.hits) : null]).then(function (got) {
        if (id !== runId) return;
        outcome.hits.forEach(function (h) { h.record = search.recordOf(got[0], h.doc); });
        if (got[1]) updateCounts(got[1]);
        return show(state, outcome);
      });
    }).catch(function (error) {
      if (id !== runId) return;
      if (window.console) console.error(error);
      status.textContent = TEXT.failed;
      document.querySelector('.search-browse').hidden = false;
    }).then(function () {
      if (id === runId) busy(false);
    });
  }
  /** aria-busy while a search runs; data-state="done" when its results are on the page (tests wait for it). */
  function busy(on) {
    list.setAttribute('aria-busy', on ? 'true' : 'false');
    app.setAttribute('data-state', on ? 'searching' : 'done');
  }
  function show(state, outcome) {
    return hooks.arrange.reduce(function (p, arrange) {  // hook: near.js sorts and filters by distance
      return p.then(function (results) { return arrange(results, state); });
    }, Promise.resolve(outcome.hits)).then(function (results) { return showArranged(state, outcome, results); });
  }
  function showArranged(state, outcome, results) {
    if (state !== current) return;  // a newer search came while the results were arranged
    shown = results;
    hooks.shown.forEach(function (f) { f(results); });  // hook: map.js
    // What was found, for scripts (the tests compare it with the command line's answer).
    app.setAttribute('data-total', String(results.length));
    app.setAttribute('data-corrected', outcome.corrected || '');
    app.setAttribute('data-suggestion', outcome.suggestion || '');
    if (outcome.corrected) {
      corrected.textContent = fmt(TEXT.corrected, { query: state.q, corrected: outcome.corrected });
      corrected.hidden = false;
    }
    if (!results.length) {
      status.textContent = state.q ? fmt(TEXT.nothing, { query: state.q }) : summary(state, '', { services: 0, others: 0 });
      if (outcome.suggestion) {
        corrected.textContent = '';
        var parts = TEXT.suggest.split('%(link)s');
        var link = el('a', { href: '?q=' + encodeURIComponent(outcome.suggestion) }, outcome.suggestion);
        link.addEventListener('click', function (event) {
          event.preventDefault();
          go({ q: outcome.suggestion, filters: state.filters });
        });
        corrected.append(parts[0], link, parts[1] || '');
        corrected.hidden = false;
      }
      empty.hidden = false;
      return;
    }
    var services = results.filter(function (h) { return h.record === 'service'; }).length;
    status.textContent = summary(state, outcome.corrected || state.q, { services: services, others: results.length - services });
    return renderMore(0).then(function () {
      document.dispatchEvent(new CustomEvent('catalogue:results', { detail: { state: state, hits: results } }));
    });
  }
  function renderMore(from) {
    var slice = shown.slice(from, from + PAGE), search = getEngine();
    return Promise.all(slice.map(function (h) { return search.result(h.doc); })).then(function (data) {
      data.forEach(function (d, i) {
        var li = resultItem(d);
        hooks.decorate.forEach(function (f) { f(li, d, slice[i]); });  // hook: distance, My list
        list.appendChild(li);
      });
      more.hidden = from + PAGE >= shown.length;
      more.setAttribute('data-next', String(from + PAGE));
    });
  }
  function resultItem(d) {
    var m = d.meta || {};
    var li = el('li', { 'class': 'result', 'data-record': m.record || '' });
    var h = el('h2');
    h.appendChild(el('a', { href: app.getAttribute('data-root') + d.url.replace(/^\//, '') }, m.title || d.url));
    li.appendChild(h);
    var label = TEXT.record[m.record] || '';
    var line = [label, m.type, m.provider].filter(Boolean).join(' · ');
    if (line) li.appendChild(el('p', { 'class': 'meta' }, line));
    if (m.place) li.appendChild(el('p', { 'class': 'place' }, m.place));
    var hours = hoursLine(m, moment);
    if (hours) li.appendChild(el('p', { 'class': 'open-now' }, hours));
    if (m.summary) li.appendChild(el('p', {}, m.summary));
    if (m.phone) {
      var p = el('p', {}, TEXT.phone + ': ');
      p.appendChild(el('a', { href: 'tel:' + m.phone.replace(/[^+\d]/g, '') }, m.phone));
      li.appendChild(p);
    }
    return li;
  }
  function updateCounts(counts) {
    Array.prototype.forEach.call(filterForm.querySelectorAll('.facet'), function (fieldset) {
      var facet = fieldset.getAttribute('data-facet');
      var values = counts[facet] || {};
      Array.prototype.forEach.call(fieldset.querySelectorAll('input[type=checkbox]'), function (input) {
        if (input.name !== facet) return;  // "open now" has no count: it depends on the moment
        var n = values[input.value] || 0;
        input.parentNode.querySelector('.count').textContent = '(' + n + ')';
        input.closest('li').classList.toggle('empty', n === 0 && !input.checked);
      });
      Array.prototype.forEach.call(fieldset.querySelectorAll('option'), function (option) {
        if (!option.value) return;
        // Each service is counted under one of the option's values only, so they add up.
        var n = valuesOf(facet, option.value).reduce(function (sum, v) { return sum + (values[v] || 0); }, 0);
        option.textContent = option.textContent.replace(/ \(\d+\)$/, '') + ' (' + n + ')';
      });
    });
  }
  function go(state) {
    writeState(state);
    return run(state);
  }

  // ---- wiring ------------------------------------------------------------------------
  app.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('.no-js'), function (n) { n.hidden = true; });
  Array.prototype.forEach.call(document.querySelectorAll('.js-only'), function (n) { n.hidden = false; });
  queryInput.form.addEventListener('submit', function (event) {
    event.preventDefault();
    go({ q: queryInput.value.trim(), filters: current ? current.filters : {} });
  });
  // While a person types, fetch what the query will need: the index's table on the first
  // touch of the field, then the chunks of the words typed so far; Enter then waits only
  // for the answer.
  var warmTimer = null;
  queryInput.addEventListener('focus', function () { getEngine(); });
  queryInput.addEventListener('input', function () {
    clearTimeout(warmTimer);
    warmTimer = setTimeout(function () { getEngine().preload(queryInput.value).catch(function () {}); }, 250);
  });
  filterForm.addEventListener('submit', function (event) {
    event.preventDefault();
    go(formState());
  });
  filterForm.addEventListener('change', function () { go(formState()); });
  document.getElementById('search-clear').addEventListener('click', function (event) {
    event.preventDefault();
    go({ q: queryInput.value.trim(), filters: {} });
  });
  details.addEventListener('toggle', function () {
    if (details.open && current && shown.length) getEngine().counts(shown).then(updateCounts).catch(function () {});
  });
  more.addEventListener('click', function () {
    var next = Number(more.getAttribute('data-next'));
    var before = list.children.length;
    renderMore(next).then(function () {
      var first = list.children[before] && list.children[before].querySelector('a');
      if (first) first.focus();
    });
  });
  window.addEventListener('popstate', function () { run(readState()); });
  run(readState(), true);
})();
