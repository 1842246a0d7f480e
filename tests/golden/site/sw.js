/* The site's service worker (written to /sw.js by catalogue/outputs/offline.py, which fills CONFIG).
 *
 * Pages come from the network first; a copy of each page visited is kept, and served when the network
 * fails or takes longer than TIMEOUT (a weak signal), or when there is none. Everything else of the site —
 * styles, scripts, the search index once used, the maps' data — comes from the cache first: CONFIG.version
 * is a hash of those files, so a build that changes any of them installs a new worker, which fetches the
 * pages the person had visited again and drops the old cache. My list is cached on install. Requests to
 * other hosts (the map's tiles) and to other sites on the same host are left alone. */
'use strict';
const CONFIG = {"language": "cs", "my_list": "muj-seznam/", "precache": ["", "muj-seznam/", "krizove-linky/", "static/czech-analysis.js", "static/favicon.svg", "static/hours.js", "static/map.js", "static/my-list.js", "static/near.js", "static/plan.css", "static/search-engine.js", "static/search.js", "static/site.js", "static/style.css", "static/ui-text.js"], "text": {"home": "Úvodní stránka", "my_list": "Můj seznam", "text": "Tato stránka není v tomto zařízení uložená. Stránky, které jste už navštívili, a Můj seznam fungují i bez připojení.", "title": "Jste bez připojení"}, "version": "c7e37db14f165b2e"};
const ROOT = new URL('./', self.location).href;
const PREFIX = 'catalogue:' + new URL(ROOT).pathname + ':';
const CACHE = PREFIX + CONFIG.version;
const TIMEOUT = 4000;  // ms
const CARRIED = 300;  // pages at most taken over from the previous version

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(CONFIG.precache.map((path) => cache.add(new URL(path, ROOT).href).catch(() => {})));
    const visited = await previousPages();
    await Promise.all(visited.map((url) => cache.add(url).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
    // The page that registered this worker was loaded before it: keep it too.
    const cache = await caches.open(CACHE);
    const open = await self.clients.matchAll({ type: 'window' });
    await Promise.all(open.map((client) => inside(client.url) ? cache.add(pageKey(client.url)).catch(() => {}) : null));
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !inside(request.url)) return;
  if (new URL(request.url).pathname === new URL('sw.js', ROOT).pathname) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

function inside(url) {
  return url.startsWith(ROOT);
}

/** A page's copy is kept without its query: the query (?q=…, ?sluzby=…) is read by the page's script. */
function pageKey(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}

async function previousPages() {
  const pages = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const path = new URL(request.url).pathname;
      if (path.endsWith('/') || path.endsWith('.html')) pages.push(request.url);
    }
  }
  return pages.slice(0, CARRIED);
}

async function page(request) {
  const cache = await caches.open(CACHE);
  const key = pageKey(request.url);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(key, response.clone());
    return response;
  });
  try {
    return await Promise.race([network, new Promise((resolve, reject) => setTimeout(() => reject(new Error('slow')), TIMEOUT))]);
  } catch (slowOrOffline) {
    const kept = await cache.match(key);
    if (kept) return kept;
    try {
      return await network;
    } catch (offline) {
      return offlinePage();
    }
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') cache.put(request, response.clone());
    return response;
  } catch (offline) {
    return Response.error();
  }
}

function offlinePage() {
  const t = CONFIG.text;
  const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const html = '<!DOCTYPE html><html lang="' + escape(CONFIG.language) + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>' + escape(t.title) + '</title>' +
    '<link rel="stylesheet" href="' + new URL('static/style.css', ROOT).href + '"></head><body><main id="main">' +
    '<h1>' + escape(t.title) + '</h1><p>' + escape(t.text) + '</p><ul><li><a href="' + ROOT + '">' + escape(t.home) +
    '</a></li><li><a href="' + new URL(CONFIG.my_list, ROOT).href + '">' + escape(t.my_list) + '</a></li></ul></main></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
