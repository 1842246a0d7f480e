/* The map of a page: opened by its button, beside the list that stays the page.
 *
 * Leaflet and its marker clustering are the site's own files (data-scripts, data-styles), loaded only when
 * the map is first opened. What the map shows: the page's own places (data-points, a service page), or the
 * services linked from the page's lists (.cards, .rows), or the search results (search.js hooks). Those come
 * from map/services.json (exact places) and map/places.json (the position of a locality, for a place without
 * coordinates: approximate); search/ids.json says which service a search result is. A confidential place is
 * in none of them. When the tiles cannot load, the map says so in words and keeps the markers. */
(function () {
  'use strict';
  var panel = document.querySelector('[data-map]');
  if (!panel || !window.Promise || !window.fetch) return;
  var TEXT = (window.CatalogueText || {}).ui || {};  // static/ui-text.js, loaded first
  var FORMAT = 1;
  var button = panel.querySelector('.map-toggle');
  var view = panel.querySelector('.map-view');
  var status = panel.querySelector('.map-status');
  var data = {};
  var map = null, layer = null, loading = null, tilesFailed = false;
  var results = null;  // the search page's current results (document numbers, h.doc), when this is the search page

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)[sd]/g, function (m, k) { return values[k]; });
  }
  /* A setting of the map: the panel's own attribute (the search page's result ids, a page's places), else the
   * site's, in static/ui-text.js with its paths from the site's root. */
  var SITE = (window.CatalogueText || {}).map || {}, ROOT = (window.CatalogueText || {}).root || location.href;
  function setting(attribute) { return panel.hasAttribute(attribute) ? panel.getAttribute(attribute) : SITE[attribute]; }
  function url(attribute) { return new URL(setting(attribute), panel.hasAttribute(attribute) ? location.href : ROOT).href; }
  function json(attribute) {
    if (!data[attribute]) {
      data[attribute] = fetch(url(attribute)).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.url);
        return r.json();
      });
      data[attribute].catch(function () { delete data[attribute]; });
    }
    return data[attribute];
  }
  function load(tag, href) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      if (tag === 'link') { node.rel = 'stylesheet'; node.href = href; } else { node.src = href; node.async = false; }
      node.onload = resolve;
      node.onerror = function () { reject(new Error(href)); };
      document.head.appendChild(node);
    });
  }
  /** Leaflet, then its clustering, with their styles: once, from the site's own files. */
  function leaflet() {
    if (!loading) {
      var files = function (attribute) {
        return (setting(attribute) || '').split(' ').filter(Boolean).map(function (path) { return new URL(path, ROOT).href; });
      };
      var styles = files('data-styles'), scripts = files('data-scripts');
      loading = Promise.all(styles.map(function (href) { return load('link', href); })).then(function () {
        return scripts.reduce(function (p, src) { return p.then(function () { return load('script', src); }); }, Promise.resolve());
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // ---- what the map shows: [{lat, lon, name, href, type, label, exact}] and how many listed have no place ----
  function ownPoints() {
    var name = (document.querySelector('h1') || {}).textContent || '';
    return Promise.resolve({
      points: JSON.parse(panel.getAttribute('data-points')).map(function (p) {
        return { lat: p[0], lon: p[1], name: p[2], label: name, exact: true };
      }),
      missing: 0,
    });
  }
  function linkedIds() {
    var base = url('data-service-base');
    var seen = {}, ids = [];
    Array.prototype.forEach.call(document.querySelectorAll('.cards a[href], .rows a[href]'), function (a) {
      var href = a.href;
      if (href.indexOf(base) !== 0) return;
      var id = href.slice(base.length).replace(/\/$/, '');
      if (id && id.indexOf('/') < 0 && !seen[id]) { seen[id] = true; ids.push(id); }
    });
    return Promise.resolve(ids);
  }
  function resultIds() {
    return json('data-search-ids').then(function (ids) {
      return json('data-services').then(function (services) {
        return (results || []).map(function (r) { return ids[r.doc]; }).filter(function (i) { return i !== undefined; })
          .map(function (i) { return services.services[i][0]; });
      });
    });
  }
  function servicePoints(ids) {
    return Promise.all([json('data-services'), json('data-places')]).then(function (both) {
      var services = both[0], places = both[1];
      if (services.format !== FORMAT || places.format !== FORMAT) throw new Error('map data of another format');
      var byId = {};
      services.services.forEach(function (row) { byId[row[0]] = row; });
      var base = url('data-service-base');
      var points = [], missing = 0;
      ids.forEach(function (id) {
        var row = byId[id];
        if (!row) return;
        var type = services.types[row[2]] || '';
        var before = points.length;
        row[4].forEach(function (p) {
          points.push({ lat: p[0], lon: p[1], name: row[1], href: base + id + '/', type: type, label: p[2], exact: true });
        });
        row[6].forEach(function (i) {
          var place = places.places[i];
          if (place && place[3] !== null) {
            points.push({ lat: place[3], lon: place[4], name: row[1], href: base + id + '/', type: type,
                          label: fmt(TEXT.approximate, { place: place[1] }), exact: false });
          }
        });
        if (points.length === before) missing++;
      });
      return { points: points, missing: missing };
    });
  }
  function content() {
    if (panel.hasAttribute('data-points')) return ownPoints();
    var ids = panel.hasAttribute('data-search-ids') ? resultIds() : linkedIds();
    return ids.then(servicePoints);
  }

  // ---- the map ------------------------------------------------------------------------------------------------
  function create() {
    var L = window.L;
    map = L.map(view, { scrollWheelZoom: false, tap: false });
    var tiles = L.tileLayer(setting('data-tiles'), {
      maxZoom: Number(setting('data-max-zoom')) || 19,
      attribution: '<a href="' + String(setting('data-attribution-url')).replace(/"/g, '&quot;') + '">' +
        String(setting('data-attribution')).replace(/</g, '&lt;') + '</a>',
    });
    tiles.on('tileerror', function () {
      if (tilesFailed) return;
      tilesFailed = true;
      say();
    });
    tiles.addTo(map);
    map.attributionControl.setPrefix(false);
    map.on('popupopen', function () { popupOpen = true; });
    map.on('popupclose', function () { popupOpen = false; });
    map.on('zoomend', function () { view.setAttribute('data-zoom', String(map.getZoom())); });  // for scripts and tests
    if (navigator.onLine === false) tilesFailed = true;
  }
  var note = '', popupOpen = false, draws = 0;
  /** The status line: what the map leaves out, and whether its background failed. */
  function say() {
    status.textContent = [note, tilesFailed ? TEXT.tiles_failed : ''].filter(Boolean).join(' ');
  }
  function popup(p) {
    var box = document.createElement('div');
    var title = document.createElement(p.href ? 'a' : 'strong');
    if (p.href) title.href = p.href;
    title.textContent = p.name;
    box.appendChild(title);
    [p.type, p.label].filter(Boolean).forEach(function (line) {
      var node = document.createElement('p');
      node.textContent = line;
      box.appendChild(node);
    });
    return box;
  }
  /** The markers, clustered: thousands of them (a search of a region, or of every service) are added in chunks
   * of at most 50 ms, so a tap is answered meanwhile (the default 200 ms froze the page for 0.3 s with 2,000 places),
   * and each popup is made only when it opens. data-state="shown" once all are on the map. */
  function draw(found) {
    var L = window.L;
    if (layer) map.removeLayer(layer);
    var drawn = ++draws, adding = false;
    // markercluster also reports progress (0 of 0) when the layer joins the map, before any marker is given to it:
    // only the report of our own markers, once all are in, is "shown".
    function ready(processed, total) {
      if (adding && drawn === draws && processed === total) panel.setAttribute('data-state', 'shown');
    }
    layer = L.markerClusterGroup
      ? L.markerClusterGroup({ chunkedLoading: true, chunkInterval: 50, chunkProgress: ready, showCoverageOnHover: false })
      : L.featureGroup();
    var markers = found.points.map(function (p) {
      var title = p.name + (p.label && p.label !== p.name ? ' – ' + p.label : '');
      var marker = p.exact
        ? L.marker([p.lat, p.lon], { title: title, alt: title, keyboard: true })
        : L.circleMarker([p.lat, p.lon], { radius: 9, dashArray: '4', weight: 2 });
      marker.bindPopup(function () { return popup(p); });
      if (!p.exact) marker.bindTooltip(title);
      return marker;
    });
    // The view first, so that the clusters are made once, for the zoom they are seen at.
    if (found.points.length) {
      var bounds = L.latLngBounds(found.points.map(function (p) { return [p.lat, p.lon]; }));
      map.fitBounds(bounds.pad(0.15), { maxZoom: 15, animate: false });
    } else {
      map.setView([49.8, 15.5], 7, { animate: false });  // no place: the whole country
    }
    panel.setAttribute('data-state', 'drawing');
    map.addLayer(layer);
    adding = true;
    if (layer.addLayers) layer.addLayers(markers); else markers.forEach(function (m) { layer.addLayer(m); });
    note = !found.points.length ? TEXT.map_none : found.missing ? fmt(TEXT.map_missing, { num: found.missing }) : '';
    say();
    if (!layer.addLayers || !markers.length) ready(1, 1);
  }
  function refresh() {
    if (!map) return Promise.resolve();
    return content().then(draw).catch(failed);
  }
  function failed(error) {
    if (window.console) console.error(error);
    note = TEXT.map_failed;
    say();
    panel.setAttribute('data-state', 'failed');
  }
  function open() {
    view.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.textContent = TEXT.hide_map;
    if (map) { map.invalidateSize(); return refresh(); }
    status.textContent = TEXT.map_loading;
    panel.setAttribute('data-state', 'loading');
    return leaflet().then(function () {
      create();
      return content().then(draw);
    }).catch(failed);
  }
  function close() {
    view.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = TEXT.show_map;
  }
  button.hidden = false;
  button.addEventListener('click', function () { if (view.hidden) open(); else close(); });
  view.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && popupOpen) { map.closePopup(); event.preventDefault(); }  // not the quick exit
  });

  // ---- the search page: the map follows the results ------------------------------------------------------------
  var hooks = window.CatalogueSearchHooks = window.CatalogueSearchHooks || {};
  if (panel.hasAttribute('data-search-ids')) {
    (hooks.shown = hooks.shown || []).push(function (found) {
      results = found;
      if (!view.hidden) refresh();
    });
  }
})();
