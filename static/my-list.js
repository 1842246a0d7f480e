/* My list: services kept in this browser (localStorage), shown in full on /muj-seznam/, printed, shared, sent.
 *
 * A service page carries the service as the list shows it (#list-entry); adding it keeps that copy, so the
 * list works offline. Elsewhere (cards, lines, search results) a button adds the service by its id, and the
 * copy is fetched from its page (now, or when the list is opened). A shared link (?sluzby=a,b,c) carries the
 * ids; opening it shows those services and keeps them when this browser has no list of its own. */
(function () {
  'use strict';
  if (!window.JSON || !window.localStorage || !document.querySelector) return;
  var TEXT = (window.CatalogueText || {}).ui || {};  // static/ui-text.js, loaded first
  var FORMAT = 1;
  var site = document.querySelector('script[data-worker]');
  var root = site ? new URL(site.getAttribute('data-worker'), location.href).href.replace(/sw\.js$/, '') : new URL('./', location.href).href;
  var KEY = 'my-list:' + new URL(root).pathname;
  var app = document.getElementById('my-list');
  var servicesBase = new URL((app && app.getAttribute('data-services')) || 'sluzby/', root).href;

  // ---- the list in storage ----------------------------------------------------------------------------
  function read() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || 'null');
      return list && list.items ? list : { items: [] };
    } catch (e) { return { items: [] }; }
  }
  function write(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { return false; }
    count(list);
    return true;
  }
  function has(id) { return read().items.some(function (item) { return item.id === id; }); }
  /** Keep a service; without its entry, fetch it now (``fetchNow``) so the list works offline later. */
  function add(id, entry, fetchNow) {
    var list = read();
    if (!list.items.some(function (item) { return item.id === id; })) list.items.push({ id: id, entry: entry || null });
    write(list);
    if (!entry && fetchNow !== false) fetchEntry(id).then(function (found) { store(id, found); }, function () {});
  }
  function remove(id) {
    var list = read();
    list.items = list.items.filter(function (item) { return item.id !== id; });
    write(list);
  }
  function store(id, entry) {
    var list = read();
    list.items.forEach(function (item) { if (item.id === id) item.entry = entry; });
    write(list);
  }
  function count(list) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-list-count]'), function (node) {
      node.textContent = list.items.length ? ' (' + list.items.length + ')' : '';
    });
  }
  /** The service as its page describes it (its #list-entry), fetched; the service worker keeps the page. */
  function fetchEntry(id) {
    return fetch(servicesBase + encodeURIComponent(id) + '/').then(function (response) {
      if (!response.ok) throw new Error(response.status + ' ' + response.url);
      return response.text();
    }).then(function (html) {
      var node = new DOMParser().parseFromString(html, 'text/html').getElementById('list-entry');
      if (!node) throw new Error('no entry in the page of ' + id);
      return JSON.parse(node.textContent);
    });
  }

  // ---- the buttons that add and remove ---------------------------------------------------------------------
  /** A service page's button says what it will do (Add / Remove); a small one in a list keeps its words and
   * says whether the service is kept by aria-pressed (a label that changed would contradict the state). */
  function toggle(button, id, entry, small) {
    function label() {
      var kept = has(id);
      if (small) button.setAttribute('aria-pressed', String(kept));
      else button.textContent = kept ? TEXT.remove : TEXT.add;
      button.classList.toggle('kept', kept);
    }
    button.addEventListener('click', function () {
      if (has(id)) remove(id); else add(id, entry);
      label();
      announce(has(id) ? TEXT.added : TEXT.removed);
    });
    label();
    button.hidden = false;
  }
  var live = null;
  function announce(message) {
    if (!live) {
      live = document.createElement('p');
      live.className = 'visually-hidden';
      live.setAttribute('role', 'status');
      document.body.appendChild(live);
    }
    live.textContent = message;
  }
  function serviceId(href) {
    if (!href || href.indexOf(servicesBase) !== 0) return null;
    var id = href.slice(servicesBase.length).replace(/\/$/, '');
    return id && id.indexOf('/') < 0 && id.indexOf('?') < 0 ? decodeURIComponent(id) : null;
  }
  function smallButton(id, name) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'keep keep-small secondary';
    button.textContent = TEXT.keep_short;
    button.setAttribute('aria-label', TEXT.keep_short + ': ' + name);
    toggle(button, id, null, true);
    return button;
  }
  var own = document.querySelector('button[data-keep]');
  if (own) {
    var entryNode = document.getElementById('list-entry');
    toggle(own, own.getAttribute('data-keep'), entryNode ? JSON.parse(entryNode.textContent) : null);
  }
  Array.prototype.forEach.call(document.querySelectorAll('.cards > li, .rows > li'), function (item) {
    var link = item.querySelector('a[href]');
    var id = link && serviceId(link.href);
    if (id) item.appendChild(smallButton(id, link.textContent));
  });
  var hooks = window.CatalogueSearchHooks;
  if (hooks || document.getElementById('search-app')) {
    hooks = window.CatalogueSearchHooks = hooks || {};
    (hooks.decorate = hooks.decorate || []).push(function (li, d) {
      var link = li.querySelector('a[href]');
      var id = link && serviceId(link.href);
      if (id) li.appendChild(smallButton(id, link.textContent));
      var phone = li.querySelector('a[href^="tel:"]');
      if (phone) phone.classList.add('call');
    });
  }

  // ---- /muj-seznam/ ----------------------------------------------------------------------------------------------
  if (!app) return;
  var listNode = app.querySelector('.my-list');
  var emptyNode = document.getElementById('my-list-empty');
  var shareNode = document.getElementById('my-list-share');
  var sharedNode = document.getElementById('my-list-shared');
  var mailNode = document.getElementById('my-list-mail');
  var shared = new URLSearchParams(location.search).get('sluzby');
  var sharedIds = shared ? shared.split(',').filter(Boolean) : null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function digits(phone) {
    var d = phone.replace(/\s+/g, '');
    return d.charAt(0) === '+' || d.length !== 9 ? d : '+420' + d;
  }
  function shareUrl(ids) {
    return new URL('?sluzby=' + ids.map(encodeURIComponent).join(','), location.href.split('?')[0]).href;
  }
  function entryItem(item, editable) {
    var e = item.entry;
    var li = el('li', { 'class': 'entry', 'data-id': item.id });
    var h = el('h2');
    h.appendChild(el('a', { href: new URL(e ? e.url.replace(/^\//, '') : 'sluzby/' + item.id + '/', root).href }, e ? e.name : item.id));
    li.appendChild(h);
    if (!e) {
      li.appendChild(el('p', { 'class': 'small' }, TEXT.not_loaded));
      return li;
    }
    var meta = [e.type, e.provider].filter(Boolean).join(' · ');
    if (meta) li.appendChild(el('p', { 'class': 'meta' }, meta));
    if (e.summary) li.appendChild(el('p', {}, e.summary));
    if (e.phones.length) {
      var phones = el('p', { 'class': 'phones' });
      e.phones.forEach(function (phone, i) {
        if (i) phones.appendChild(document.createTextNode(' '));
        phones.appendChild(el('a', { href: 'tel:' + digits(phone), 'class': 'call call-big nowrap' }, phone));
      });
      li.appendChild(phones);
    }
    var contacts = [];
    e.emails.forEach(function (email) { contacts.push(['mailto:' + email, email]); });
    if (e.web) contacts.push([e.web, e.web.replace(/^https?:\/\//, '').replace(/\/$/, '')]);
    if (contacts.length) {
      var line = el('p', { 'class': 'contacts-line' });
      contacts.forEach(function (c, i) {
        if (i) line.appendChild(document.createTextNode(' · '));
        line.appendChild(el('a', { href: c[0] }, c[1]));
      });
      li.appendChild(line);
    }
    e.places.forEach(function (place) {
      var block = el('div', { 'class': 'place' });
      var where = [place.name, place.address].filter(Boolean).join(', ');
      if (where) block.appendChild(el('p', { 'class': 'address' }, where));
      if (place.hours.length) block.appendChild(el('p', { 'class': 'hours-lines' }, place.hours.join('; ')));
      if (place.hours_note) block.appendChild(el('p', { 'class': 'small' }, place.hours_note));
      li.appendChild(block);
    });
    if (!e.places.length && e.area) li.appendChild(el('p', { 'class': 'address' }, e.area));
    if (editable) {
      var out = el('button', { type: 'button', 'class': 'secondary no-print' }, TEXT.remove);
      out.setAttribute('aria-label', TEXT.remove + ': ' + e.name);
      out.addEventListener('click', function () {
        remove(item.id);
        announce(TEXT.removed);
        render();
        var next = listNode.querySelector('h2 a') || document.getElementById('h-my-list');
        if (next) next.focus();
      });
      li.appendChild(out);
    }
    return li;
  }
  function mailto(items) {
    var lines = [];
    items.forEach(function (item) {
      var e = item.entry;
      if (!e) { lines.push(item.id, ''); return; }
      lines.push(e.name);
      if (e.phones.length) lines.push(TEXT.phone + ': ' + e.phones.join(', '));
      e.places.forEach(function (p) {
        var where = [p.name, p.address].filter(Boolean).join(', ');
        if (where) lines.push(where);
        if (p.hours.length) lines.push(p.hours.join('; '));
      });
      lines.push(new URL(e.url.replace(/^\//, ''), root).href, '');
    });
    lines.push(TEXT.whole_list + ': ' + shareUrl(items.map(function (i) { return i.id; })));
    return 'mailto:?subject=' + encodeURIComponent(TEXT.mail_subject) + '&body=' + encodeURIComponent(lines.join('\n'));
  }
  function render() {
    var items = sharedIds ? sharedIds.map(function (id) {
      var kept = read().items.filter(function (item) { return item.id === id; })[0];
      return kept || { id: id, entry: cache[id] || null };
    }) : read().items;
    listNode.textContent = '';
    items.forEach(function (item) { listNode.appendChild(entryItem(item, !sharedIds)); });
    emptyNode.hidden = items.length > 0;
    app.querySelector('.my-list-actions').hidden = !items.length;
    var ids = items.map(function (item) { return item.id; });
    shareNode.value = items.length ? shareUrl(ids) : '';
    mailNode.href = mailto(items);
    app.setAttribute('data-state', 'done');
    return items;
  }
  var cache = {};
  /** Fetch what the list lacks (a shared list, a service added from a card) or keeps in an older shape. */
  function complete(items) {
    var missing = items.filter(function (item) { return !item.entry || item.entry.format !== FORMAT; });
    if (!missing.length) return Promise.resolve(false);
    app.setAttribute('data-state', 'loading');
    return Promise.all(missing.map(function (item) {
      return fetchEntry(item.id).then(function (entry) {
        cache[item.id] = entry;
        if (has(item.id)) store(item.id, entry);
      }, function () {});
    })).then(function () { return true; });
  }
  app.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('.my-list-no-js'), function (node) { node.hidden = true; });
  document.getElementById('my-list-print').addEventListener('click', function () { window.print(); });
  document.getElementById('my-list-copy').addEventListener('click', function () {
    shareNode.select();
    var done = function () { announce(TEXT.copied); };
    if (navigator.clipboard) navigator.clipboard.writeText(shareNode.value).then(done, function () { document.execCommand('copy'); done(); });
    else { document.execCommand('copy'); done(); }
  });
  document.getElementById('my-list-clear').addEventListener('click', function () {
    write({ items: [] });
    render();
    announce(TEXT.cleared);
  });
  if (sharedIds) {
    var keep = document.getElementById('my-list-keep');
    sharedNode.hidden = false;
    keep.addEventListener('click', function () {
      sharedIds.forEach(function (id) { add(id, cache[id] || null); });
      sharedIds = null;
      sharedNode.hidden = true;
      history.replaceState(null, '', location.pathname);
      render();
      announce(TEXT.kept);
    });
    if (!read().items.length) {  // this browser has no list: the shared one becomes it
      sharedIds.forEach(function (id) { add(id, null, false); });
      sharedIds = null;
      sharedNode.hidden = true;
      history.replaceState(null, '', location.pathname);
      announce(TEXT.kept);
    }
  }
  complete(render()).then(function (changed) { if (changed) render(); });
})();
