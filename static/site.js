/* What every page does with scripts on; each part an enhancement of a page that is complete without it:
 * the quick exit (its button, and Esc), the menu's Esc, the links that need scripts, narrowing a place's list by kind of
 * help, the number of services in My list, and the service worker that keeps visited pages for offline use. */
(function () {
  'use strict';
  var script = document.currentScript;
  var worker = script && script.getAttribute('data-worker');
  var root = worker ? new URL(worker, location.href).href.replace(/sw\.js$/, '') : new URL('/', location.href).href;

  // ---- quick exit: leave to a neutral site and take this page out of the history ---------------------
  var exit = document.querySelector('[data-quick-exit]');
  function leave(event) {
    if (event) event.preventDefault();
    try { sessionStorage.clear(); } catch (e) { /* storage off */ }
    location.replace(exit.href);
  }
  if (exit) {
    exit.addEventListener('click', leave);
    document.addEventListener('keydown', function (event) {
      // Esc leaves unless something open took it first (a menu, a suggestion list, the map's popup).
      if (event.key === 'Escape' && !event.defaultPrevented && !event.isComposing) leave(event);
    });
  }

  // ---- the menu (a <details>): Esc closes it before it would leave the site; a browser that cannot show a
  // closed disclosure's content on a wide screen (style.css, ::details-content) gets it opened there
  var menu = document.getElementById('menu');
  if (menu) {
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !menu.open || !menu.contains(document.activeElement)) return;
      event.preventDefault();
      menu.open = false;
      menu.querySelector('summary').focus();
    }, true);
    var wide = window.matchMedia && window.matchMedia('(min-width: 40.01em)');
    var styled = window.CSS && CSS.supports && CSS.supports('selector(::details-content)');
    if (wide && !styled) {
      var fit = function () { menu.open = wide.matches; };
      if (wide.addEventListener) wide.addEventListener('change', fit); else wide.addListener(fit);
      fit();
    }
  }

  // ---- the crisis lines: the site's (static/ui-text.js) in place of the link to their page ----------------
  var crisis = (window.CatalogueText || {}).crisis, crisisList = document.querySelector('[data-crisis-lines]');
  if (crisis && crisis.length && crisisList) {
    crisisList.textContent = '';
    crisis.forEach(function (line) {
      var item = document.createElement('li'), call = document.createElement('a');
      call.href = 'tel:' + line.digits;
      call.className = 'nowrap';
      call.textContent = line.number;
      item.appendChild(call);
      item.appendChild(document.createTextNode(' ' + line.name));
      if (line.note) {
        var note = document.createElement('span');
        note.className = 'small';
        note.textContent = '(' + line.note + ')';
        item.appendChild(document.createTextNode(' '));
        item.appendChild(note);
      }
      crisisList.appendChild(item);
    });
  }

  // ---- what needs scripts is shown only with them ---------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll('[data-needs-js]'), function (node) { node.hidden = false; });

  // ---- a place's page: its list narrowed to one kind of help ---------------------------------------------
  var narrow = document.querySelector('[data-narrow]');
  if (narrow) {
    var text = (window.CatalogueText || {}).ui || {};
    var status = document.querySelector('.narrow-status');
    var links = narrow.querySelectorAll('a[data-kind]');
    var groups = document.querySelectorAll('.kind-group[data-kind]');
    var chosen = null;
    var choose = function (kind) {
      chosen = kind;
      var shown = 0;
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !!kind && group.getAttribute('data-kind') !== kind;
        if (!group.hidden) shown += group.querySelectorAll('li').length;
      });
      Array.prototype.forEach.call(links, function (link) {
        if (link.getAttribute('data-kind') === kind) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      });
      if (status) {
        status.textContent = '';
        if (kind) {
          var name = narrow.querySelector('a[data-kind="' + kind + '"]').firstChild.textContent.trim();
          status.appendChild(document.createTextNode((text.narrowed || '%(kind)s').replace('%(kind)s', name).replace('%(num)s', shown) + ' '));
          var all = document.createElement('button');
          all.type = 'button';
          all.className = 'link-button';
          all.textContent = text.show_all || 'Show all';
          all.addEventListener('click', function () { choose(null); links[0].focus(); });
          status.appendChild(all);
        }
      }
    };
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var kind = link.getAttribute('data-kind');
        choose(chosen === kind ? null : kind);
      });
    });
  }

  // ---- My list: how many services it holds, beside its link ------------------------------------------------
  try {
    var kept = JSON.parse(localStorage.getItem('my-list:' + new URL(root).pathname) || 'null');
    var n = kept && kept.items ? kept.items.length : 0;
    Array.prototype.forEach.call(document.querySelectorAll('[data-list-count]'), function (node) {
      node.textContent = n ? ' (' + n + ')' : '';
    });
  } catch (e) { /* storage off: the list page says so */ }

  // ---- the service worker (sw.js at the site's root): visited pages, the search and My list offline -------
  if (worker && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(worker).catch(function () { /* not served (the live preview): nothing kept */ });
  }
})();
