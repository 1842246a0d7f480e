/*! search.js — the catalogue's search page: Czech analysis (czech-analysis.js) in front of
 * Pagefind. The query and the filters live in the address (?q=…&type=…&locality=…), so a
 * search can be shared and the back button works. The same choices as the command line
 * (catalogue/search/engine.py): per query word, the analysed key with the most records;
 * all words must match (as prefixes); when nothing matches, the words of 5+ letters are
 * corrected to the nearest word of the site's vocabulary (catalogue/search/suggest.py). */
(function () {
  'use strict';
  var app = document.getElementById('search-app');
  var A = window.CzechAnalysis;
  if (!app || !A || !window.Promise || !window.history || !window.URLSearchParams) return;

  var TEXT = JSON.parse(document.getElementById('search-text').textContent);
  var FACETS = ['target_group', 'type', 'form', 'locality', 'life_situation', 'kind', 'language', 'wheelchair', 'free'];
  var PAGE = 10;
  var MIN_TYPO_LENGTH = 5;
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var empty = document.getElementById('search-empty');
  var corrected = document.getElementById('search-corrected');
  var details = document.getElementById('search-facets');
  var filterForm = document.getElementById('search-filter');
  var queryInput = document.getElementById('q');
  var pagefind = null;
  var filtersLoaded = false;
  var shards = {};
  var shown = [];
  var current = null;
  var runId = 0;
  // ---- hooks (issue 13): static/near.js arranges the results by distance and keeps its own parameters in the
  // address, static/map.js maps them, static/my-list.js adds its button to each. Each list may stay empty.
  var hooks = window.CatalogueSearchHooks = window.CatalogueSearchHooks || {};
  ['arrange', 'shown', 'decorate', 'params'].forEach(function (k) { hooks[k] = hooks[k] || []; });
  window.CatalogueSearch = {
    state: function () { return current; },
    go: function (state) { return go(state); },
    rerun: function () { return current ? run(current) : Promise.resolve(); },  // the address is already set
  };

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)[sd]/g, function (m, k) { return values[k]; });
  }
  function plural(n) {
    var cat = new Intl.PluralRules(app.getAttribute('data-language')).select(n);
    return fmt(TEXT.found[cat] || TEXT.found.other, { num: n });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
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
  function showState(state) {
    queryInput.value = state.q;
    filterForm.querySelector('input[name=q]').value = state.q;
    Array.prototype.forEach.call(filterForm.elements, function (input) {
      var chosen = state.filters[input.name] || [];
      if (input.type === 'checkbox') input.checked = chosen.indexOf(input.value) >= 0;
      if (input.tagName === 'SELECT') input.value = chosen[0] || '';
    });
    if (Object.keys(state.filters).length) details.open = true;
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

  // ---- Pagefind ------------------------------------------------------------------
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL(app.getAttribute('data-pagefind'), location.href).href).then(function (pf) {
        // noWorker: Pagefind's web worker is one more script to download (12 KB) before the
        // first answer, and a query takes tens of milliseconds on the page's own thread.
        return Promise.resolve(pf.options({ excerptLength: 0, noWorker: true })).then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });  // a failed load is tried again next time
    }
    return pagefind;
  }
  /** While a person is typing, fetch what the query will need: Pagefind itself (its
   * program and the list of records) on the first touch of the field, then the index
   * chunks of the words typed so far. The answer then waits only for what is left. */
  var warmTimer = null;
  function warm() {
    loadPagefind().then(function (pf) { return pf.init(); }).catch(function () {});
  }
  function warmWords() {
    clearTimeout(warmTimer);
    warmTimer = setTimeout(function () {
      var groups = A.analyseQuery(queryInput.value);
      loadPagefind().then(function (pf) {
        return Promise.all([].concat.apply([], groups).map(function (key) { return pf.preload(key); }));
      }).catch(function () {});  // only a head start: the search itself reports failures
    }, 250);
  }
  var hitCache = {};
  function hits(pf, key) {
    if (!(key in hitCache)) hitCache[key] = pf.search(key).then(function (r) { return r.results.length; });
    return hitCache[key];
  }
  /** Per query word, the key with the most records (ties: the first, the real stem). A
   * word with one key needs no counting: a count is a whole search, and a common word
   * ("služba") is a slow one in a national index. */
  function chooseKeys(pf, groups) {
    return Promise.all(groups.map(function (group) {
      if (group.length === 1) return { key: group[0] };
      return Promise.all(group.map(function (k) { return hits(pf, k); })).then(function (counts) {
        var best = 0;
        counts.forEach(function (n, i) { if (n > counts[best]) best = i; });
        return { key: group[best] };
      });
    }));
  }
  /** The index values a chosen facet value stands for. A place stands for itself and for
   * "serves the whole of X" for each X around it (queries.locality_filter): the build writes
   * them on the place's option (data-any); a place the form does not offer (a town of a
   * big catalogue, from a shared address) is looked up in search/places.json (each
   * place's parent and name), fetched only then, and added to the form while chosen.
   * Other facets stand for themselves. */
  var AREA_MARK = app.getAttribute('data-area-mark');
  var offered = {};
  Array.prototype.forEach.call(document.querySelectorAll('#facet-locality option[data-any]'), function (option) {
    offered[option.value] = option.getAttribute('data-any').split(' ');
  });
  var places = null;
  function placesFor(filters) {
    var missing = (filters.locality || []).filter(function (v) { return !offered[v]; });
    if (!missing.length) return Promise.resolve();
    var loaded = places ? Promise.resolve() : fetch(new URL(app.getAttribute('data-words') + 'places.json', location.href).href)
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (p) { places = p; }, function () { places = {}; });
    return loaded.then(function () { missing.forEach(showPlace); });
  }
  function showPlace(value) {
    var select = document.getElementById('facet-locality');
    if (!places[value] || !select || select.querySelector('option[data-added="' + value.replace(/"/g, '') + '"]')) return;
    var option = el('option', { value: value, 'data-added': value }, places[value][1]);
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
  function pagefindFilters(filters) {
    var out = {};
    Object.keys(filters).forEach(function (f) {
      out[f] = { any: [].concat.apply([], filters[f].map(function (v) { return valuesOf(f, v); })) };
    });
    return out;
  }

  // ---- did you mean ----------------------------------------------------------------
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i;
    if (a.length === b.length) {
      var diff = [];
      for (i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    var s = a.length < b.length ? a : b, l = a.length < b.length ? b : a;
    i = 0;
    while (i < s.length && s[i] === l[i]) i++;
    return s.slice(i) === l.slice(i + 1);
  }
  function shard(length) {
    if (!(length in shards)) {
      var url = new URL(app.getAttribute('data-words') + 'words-' + length + '.json', location.href).href;
      shards[length] = fetch(url).then(function (r) { return r.ok ? r.json() : []; }, function () { return []; });
    }
    return shards[length];
  }
  function suggestWord(word) {
    var folded = A.fold(word);
    var n = Array.from(folded).length;
    if (n < MIN_TYPO_LENGTH) return Promise.resolve(null);
    var lengths = [n - 1, n, n + 1];
    return Promise.all(lengths.map(shard)).then(function (all) {
      var best = null;
      all.forEach(function (words, k) {
        for (var p = 0; p < words.length; p++) {
          if (oneEditApart(folded, words[p][0])) {
            if (!best || p < best.p || (p === best.p && lengths[k] < best.len)) best = { p: p, len: lengths[k], word: words[p][1] };
            break;
          }
        }
      });
      return best ? best.word : null;
    });
  }
  /** The query with each word of 5+ letters replaced by its suggestion, or null if none
   * changes (suggest.correct_query): a suggestion with the same stem changes nothing. */
  function correct(q) {
    var words = A.tokenize(q).filter(function (t) { return !A.isStopword(t); });
    return Promise.all(words.map(suggestWord)).then(function (fixes) {
      var changed = false;
      var fixed = words.map(function (w, i) {
        if (fixes[i] && A.analyse(fixes[i]).join(' ') !== A.analyse(w).join(' ')) { changed = true; return fixes[i]; }
        return w;
      });
      return changed ? fixed.join(' ') : null;
    });
  }

  // ---- running a search --------------------------------------------------------------
  function search(pf, q, filters) {
    var groups = A.analyseQuery(q);
    return Promise.all([chooseKeys(pf, groups), placesFor(filters)]).then(function (both) {
      var chosen = both[0];
      var term = chosen.map(function (c) { return c.key; }).join(' ');
      return pf.search(term || null, { filters: pagefindFilters(filters) }).then(function (res) {
        return { res: res };
      });
    });
  }
  function run(state) {
    var id = ++runId;
    current = state;
    showState(state);
    list.textContent = '';
    more.hidden = true;
    empty.hidden = true;
    corrected.hidden = true;
    if (!state.q && !Object.keys(state.filters).length) {
      status.textContent = '';
      busy(false);
      return Promise.resolve();
    }
    status.textContent = TEXT.searching;
    busy(true);
    return loadPagefind().then(function (pf) {
      var wantCounts = details.open && !filtersLoaded ? Promise.resolve(pf.filters()).then(function () { filtersLoaded = true; }) : Promise.resolve();
      return wantCounts.then(function () { return search(pf, state.q, state.filters); }).then(function (found) {
        if (found.res.results.length || !state.q) return { found: found, fixedQuery: null };
        return correct(state.q).then(function (fixedQuery) {
          if (!fixedQuery) return { found: found, fixedQuery: null };
          return search(pf, fixedQuery, state.filters).then(function (again) {
            return again.res.results.length ? { found: again, fixedQuery: fixedQuery } : { found: found, fixedQuery: null, suggestion: fixedQuery };
          });
        });
      });
    }).then(function (outcome) {
      if (id !== runId) return;
      return show(state, outcome);
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
    }, Promise.resolve(outcome.found.res.results)).then(function (results) { return showArranged(state, outcome, results); });
  }
  function showArranged(state, outcome, results) {
    if (state !== current) return;  // a newer search came while the results were arranged
    shown = results;
    hooks.shown.forEach(function (f) { f(results); });  // hook: map.js
    updateCounts(outcome.found.res.filters || {});
    if (outcome.fixedQuery) {
      corrected.textContent = fmt(TEXT.corrected, { query: state.q, corrected: outcome.fixedQuery });
      corrected.hidden = false;
    }
    if (!results.length) {
      status.textContent = state.q ? fmt(TEXT.nothing, { query: state.q }) : plural(0);
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
    var count = plural(results.length);
    status.textContent = state.q ? count + ' ' + fmt(TEXT.found_for, { query: outcome.fixedQuery || state.q }) : count;
    return renderMore(0);
  }
  function renderMore(from) {
    var slice = shown.slice(from, from + PAGE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
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
    h.appendChild(el('a', { href: d.url }, m.title || d.url));
    li.appendChild(h);
    var label = TEXT.record[m.record] || '';
    var line = [label, m.type, m.provider].filter(Boolean).join(' · ');
    if (line) li.appendChild(el('p', { 'class': 'meta' }, line));
    if (m.place) li.appendChild(el('p', { 'class': 'place' }, m.place));
    if (m.summary) li.appendChild(el('p', {}, m.summary));
    if (m.phone) {
      var p = el('p', {}, TEXT.phone + ': ');
      p.appendChild(el('a', { href: 'tel:' + m.phone.replace(/[^+\d]/g, '') }, m.phone));
      li.appendChild(p);
    }
    return li;
  }
  function updateCounts(counts) {
    if (!filtersLoaded) return;
    Array.prototype.forEach.call(filterForm.querySelectorAll('.facet'), function (fieldset) {
      var facet = fieldset.getAttribute('data-facet');
      var values = counts[facet] || {};
      Array.prototype.forEach.call(fieldset.querySelectorAll('input[type=checkbox]'), function (input) {
        var n = values[input.value] || 0;
        input.parentNode.querySelector('.count').textContent = '(' + n + ')';
        input.closest('li').classList.toggle('empty', n === 0 && !input.checked);
      });
      Array.prototype.forEach.call(fieldset.querySelectorAll('option'), function (option) {
        if (!option.value) return;
        if (!option.hasAttribute('data-label')) option.setAttribute('data-label', option.textContent);
        // Each service is counted under one of the option's values only, so they add up.
        var n = valuesOf(facet, option.value).reduce(function (sum, v) { return sum + (values[v] || 0); }, 0);
        option.textContent = option.getAttribute('data-label') + ' (' + n + ')';
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
  queryInput.addEventListener('focus', warm);
  queryInput.addEventListener('input', warmWords);
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
    if (details.open && !filtersLoaded && current) run(current);
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
  run(readState());
})();
