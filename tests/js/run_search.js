// Runs search-engine.js over a built site's search files, for tests/test_search_parity.py (one node process).
// Usage: node run_search.js SEARCH_FOLDER INPUT OUTPUT
// INPUT: one JSON array per line, [query, {facet: [index values]}] or [query, filters, {at: {y, m, d, min}, holidays}]
// for "open now" at that local moment, worked out by static/hours.js as the search page does.
// OUTPUT: one JSON object per line, in order: {docs: [[doc, score], …], corrected, suggestion}.
'use strict';
const fs = require('fs');
const path = require('path');
const S = require(path.join(__dirname, '..', '..', 'catalogue', 'search', 'static', 'search-engine.js'));
global.window = {};  // hours.js is a browser script: it offers window.CatalogueHours and finds no page to fill
global.document = { getElementById: () => null };
require(path.join(__dirname, '..', '..', 'static', 'hours.js'));
const H = global.window.CatalogueHours;

const [folder, input, output] = process.argv.slice(2);
const get = (file, type) => {
  const data = fs.readFileSync(path.join(folder, file.split('?')[0]));
  return Promise.resolve(type === 'json' ? JSON.parse(data.toString('utf8')) : data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
};
(async () => {
  const engine = S.open(null, get);
  const out = [];
  for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
    if (line === '') continue;
    const [q, filters, open] = JSON.parse(line);
    const only = open ? await engine.openAt(H, open.at, open.holidays) : undefined;
    const found = await engine.search(q, filters, only);
    out.push(JSON.stringify({ docs: found.hits.map((h) => [h.doc, h.score]), corrected: found.corrected, suggestion: found.suggestion }));
  }
  fs.writeFileSync(output, out.join('\n') + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
