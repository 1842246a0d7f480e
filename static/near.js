/* "Find the nearest" on the search page: the results sorted by distance, in km, and filtered by it.
 *
 * From the browser's location (asked only when the person presses the button, or follows a "find the
 * nearest" link), or from a town or village typed by the person: suggestions come from the catalogue's own
 * places (map/places.json), never from an outside service. Field services whose area covers the person's
 * town count as near (distance 0: they come); a place without coordinates counts at the position of its
 * locality, as approximate; a confidential place gives no distance at all. A town without a known position
 * still puts the services located there or serving it first. The choice lives in the address (near=<place>
 * or near=here, km=<distance>), so the back button works; the location itself is never written there. */
(function () {
  'use strict';
  var box = document.getElementById('near');
  if (!box || !window.fetch || !window.Promise || !window.URLSearchParams) return;
  var T = JSON.parse(document.getElementById('near-text').textContent);
  var FORMAT = 1;
  var lang = document.documentElement.lang || 'cs';
  var hereButton = document.getElementById('near-here');
  var input = document.getElementById('near-place');
  var go = document.getElementById('near-go');
  var kmSelect = document.getElementById('near-km');
  var status = document.getElementById('near-status');
  var options = document.getElementById('near-places');
  var data = {};
  var origin = null;  // {lat, lon, place (index or -1), how: 'here' | 'place'}
  var originReady = Promise.resolve();
  var info = {};  // a result's document number → what to say of its distance

  var hooks = window.CatalogueSearchHooks = window.CatalogueSearchHooks || {};
  ['arrange', 'shown', 'decorate', 'params'].forEach(function (k) { hooks[k] = hooks[k] || []; });
  hooks.params.push('near', 'km');

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)[sd]/g, function (m, k) { return values[k]; });
  }
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  }
  function json(attribute) {
    if (!data[attribute]) {
      data[attribute] = fetch(new URL(box.getAttribute(attribute), location.href).href).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.url);
        return r.json();
      });
      data[attribute].catch(function () { delete data[attribute]; });
    }
    return data[attribute];
  }
  var placesIndex = null;
  function places() {
    return json('data-places').then(function (file) {
      if (file.format !== FORMAT) throw new Error('places of another format');
      if (!placesIndex) {
        var byId = {}, settlements = [];
        file.places.forEach(function (row, i) {
          byId[row[0]] = i;
          if (row[5]) settlements.push(i);
        });
        placesIndex = { rows: file.places, byId: byId, settlements: settlements,
                        folded: file.places.map(function (row) { return fold(row[1]); }) };
      }
      return placesIndex;
    });
  }
  function km(a, b) {
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }
  function number(value) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  }

  // ---- the address ---------------------------------------------------------------------------------------
  function param(name) { return new URLSearchParams(location.search).get(name) || ''; }
  function setParam(name, value) {
    var params = new URLSearchParams(location.search);
    if (value) params.set(name, value); else params.delete(name);
    var search = params.toString();
    history.pushState(null, '', search ? '?' + search : location.pathname);
  }
  function rerun() {
    var search = window.CatalogueSearchPage;
    if (!search) return;
    var state = search.state && search.state();
    // Nearest of everything: without words or filters, all services (the search lists nothing otherwise).
    if (state && !state.q && !Object.keys(state.filters).length) search.go({ q: '', filters: { kind: ['registered', 'related'] } });
    else search.rerun();
  }

  // ---- where the person is --------------------------------------------------------------------------------
  function chain(p, index) {
    var out = [];
    for (var i = p; i >= 0 && out.indexOf(i) < 0; i = index.rows[i][2]) out.push(i);
    return out;
  }
  function nearestSettlement(lat, lon, index) {
    var best = -1, bestKm = 15;  // farther than this from any town of the catalogue: outside it
    index.settlements.forEach(function (i) {
      var row = index.rows[i];
      if (row[3] === null) return;
      var d = km([lat, lon], [row[3], row[4]]);
      if (d < bestKm) { best = i; bestKm = d; }
    });
    return best;
  }
  function locate() {
    status.textContent = T.locating;
    originReady = new Promise(function (resolve) {
      if (!navigator.geolocation) { denied(); resolve(); return; }
      navigator.geolocation.getCurrentPosition(function (position) {
        var lat = position.coords.latitude, lon = position.coords.longitude;
        places().then(function (index) {
          origin = { lat: lat, lon: lon, place: nearestSettlement(lat, lon, index), how: 'here' };
        }, function () {
          origin = { lat: lat, lon: lon, place: -1, how: 'here' };
        }).then(resolve);
      }, function () { denied(); resolve(); }, { timeout: 15000, maximumAge: 600000 });
    });
    return originReady;
  }
  function denied() {
    origin = null;
    if (param('near') === 'here' || param('near') === 'ask') setParam('near', '');
    status.textContent = T.denied;
    input.focus();
  }
  function resolvePlace(text, index) {
    var wanted = fold(text);
    if (!wanted) return -1;
    var exact = index.settlements.filter(function (i) { return index.folded[i] === wanted; });
    if (exact.length === 1) return exact[0];
    var found = suggestions(text, index);
    return found.length === 1 ? found[0] : -1;
  }
  function suggestions(text, index) {
    var wanted = fold(text);
    if (wanted.length < 2) return [];
    var starts = [], inside = [];
    index.settlements.forEach(function (i) {
      var name = index.folded[i];
      if (name.indexOf(wanted) === 0) starts.push(i);
      else if (name.indexOf(' ' + wanted) > 0 || name.indexOf('-' + wanted) > 0) inside.push(i);
    });
    var byLength = function (a, b) { return index.folded[a].length - index.folded[b].length || (index.folded[a] < index.folded[b] ? -1 : 1); };
    return starts.sort(byLength).concat(inside.sort(byLength)).slice(0, 12);
  }
  function fromPlace(i, index) {
    var row = index.rows[i];
    origin = { lat: row[3], lon: row[4], place: i, how: 'place' };
  }
  function choose() {
    return places().then(function (index) {
      var i = resolvePlace(input.value, index);
      if (i < 0) { status.textContent = T.unknown; return; }
      fromPlace(i, index);
      input.value = index.rows[i][1];
      setParam('near', index.rows[i][0]);
      rerun();
    });
  }
  /** The origin the address names, on loading the page or on going back. */
  function fromAddress() {
    var near = param('near');
    origin = null;
    if (!near) { originReady = Promise.resolve(); return; }
    if (near === 'here' || near === 'ask') { locate().then(function () { if (origin) setParamSilently('near', 'here'); }); return; }
    originReady = places().then(function (index) {
      if (near in index.byId) { fromPlace(index.byId[near], index); input.value = index.rows[index.byId[near]][1]; }
    }, function () {});
  }
  function setParamSilently(name, value) {
    var params = new URLSearchParams(location.search);
    params.set(name, value);
    history.replaceState(null, '', '?' + params.toString());
  }

  // ---- the results, nearest first ---------------------------------------------------------------------------
  function measure(row, index, here) {
    var covers = row[5].some(function (a) { return here.indexOf(a) >= 0; });
    var name = origin.place >= 0 ? index.rows[origin.place][1] : '';
    if (row[3] && covers) return { d: 0, text: fmt(T.comes, { place: name }) };
    var best = null, approximate = false, inside = false;
    row[4].forEach(function (p) {
      if (p[3] >= 0 && origin.place >= 0 && chain(p[3], index).indexOf(origin.place) >= 0) inside = true;
      if (origin.lat !== null) {
        var d = km([origin.lat, origin.lon], [p[0], p[1]]);
        if (best === null || d < best) { best = d; approximate = false; }
      }
    });
    row[6].forEach(function (i) {
      if (origin.place >= 0 && chain(i, index).indexOf(origin.place) >= 0) inside = true;
      var place = index.rows[i];
      if (origin.lat !== null && place[3] !== null) {
        var d = km([origin.lat, origin.lon], [place[3], place[4]]);
        if (best === null || d < best - 0.001) { best = d; approximate = true; }
      }
    });
    if (best !== null) return { d: best, text: fmt(approximate ? T.approximate : T.km, { km: number(best) }) };
    if (inside) return { d: 0, text: fmt(T.here, { place: name }) };
    if (covers) return { d: 0, text: fmt(T.serves, { place: name }) };
    return { d: null, text: '' };
  }
  function arrange(results) {
    info = {};
    if (!param('near')) { status.textContent = ''; return Promise.resolve(results); }
    return originReady.then(function () {
      if (!origin) return results;
      return Promise.all([json('data-ids'), json('data-services'), places()]).then(function (all) {
        var ids = all[0], services = all[1], index = all[2];
        if (services.format !== FORMAT) throw new Error('map data of another format');
        var here = origin.place >= 0 ? chain(origin.place, index) : [];
        var measured = results.map(function (r, order) {
          var row = services.services[ids[r.doc]];
          var m = row ? measure(row, index, here) : { d: null, text: '' };
          info[r.doc] = m;
          return { r: r, d: m.d, order: order };
        });
        measured.sort(function (a, b) {
          if ((a.d === null) !== (b.d === null)) return a.d === null ? 1 : -1;
          return (a.d === null ? 0 : a.d - b.d) || a.order - b.order;
        });
        var limit = Number(param('km')) || 0;
        var kept = limit ? measured.filter(function (m) { return m.d !== null && m.d <= limit; }) : measured;
        say(index, measured.length - kept.length, limit);
        return kept.map(function (m) { return m.r; });
      });
    }).catch(function (error) {
      if (window.console) console.error(error);
      return results;
    });
  }
  function say(index, leftOut, limit) {
    var name = origin.place >= 0 ? index.rows[origin.place][1] : '';
    var text = origin.how === 'here' ? (name ? fmt(T.from_here_in, { place: name }) : T.from_here)
      : origin.lat === null ? fmt(T.no_position, { place: name }) : fmt(T.from_place, { place: name });
    if (limit && leftOut) text += ' ' + fmt(T.left_out, { num: leftOut });
    status.textContent = text + ' ';
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'link-button';
    clear.textContent = T.clear;
    clear.addEventListener('click', function () {
      origin = null;
      input.value = '';
      var params = new URLSearchParams(location.search);
      params.delete('near');
      params.delete('km');
      kmSelect.value = '';
      history.pushState(null, '', params.toString() ? '?' + params.toString() : location.pathname);
      status.textContent = '';
      rerun();
    });
    status.appendChild(clear);
  }
  function decorate(li, d, r) {
    var m = r && info[r.doc];
    if (m && m.text) li.appendChild(Object.assign(document.createElement('p'), { className: 'distance', textContent: m.text }));
  }
  hooks.arrange.push(arrange);
  hooks.decorate.push(decorate);

  // ---- wiring ----------------------------------------------------------------------------------------------------
  box.hidden = false;
  kmSelect.value = param('km');
  hereButton.addEventListener('click', function () {
    locate().then(function () {
      if (!origin) return;
      setParam('near', 'here');
      rerun();
    });
  });
  go.addEventListener('click', choose);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); choose(); }
  });
  input.addEventListener('focus', function () { places().catch(function () {}); });
  input.addEventListener('input', function () {
    places().then(function (index) {
      options.textContent = '';
      suggestions(input.value, index).forEach(function (i) {
        options.appendChild(Object.assign(document.createElement('option'), { value: index.rows[i][1] }));
      });
    }).catch(function () {});
  });
  kmSelect.addEventListener('change', function () {
    setParam('km', kmSelect.value);
    if (param('near')) rerun();
  });
  window.addEventListener('popstate', function () { kmSelect.value = param('km'); fromAddress(); });
  fromAddress();
})();
