/*! search-engine.js — the catalogue's search in the browser: the twin of catalogue/search/engine.py
 * (with ranking.py, synonyms.py, postings.py and suggest.py), over the files the build writes
 * into search/ (browser.py). The ranking's numbers are read from search/index.json, never
 * copied here; tests run every query of the relevance set through both and compare.
 * Browser: window.CatalogueSearch. Node: require('./search-engine.js') (give open() a loader). */
(function (root) {
  'use strict';
  var A = root && root.CzechAnalysis ? root.CzechAnalysis : (typeof require === 'function' ? require('./czech-analysis.js') : null);

  /** Postings of one file (postings.py): [[key, docs (Int32Array), values (Uint8Array)], …]. */
  function decode(buffer) {
    var data = new Uint8Array(buffer), at = 0;
    var utf8 = new TextDecoder('utf-8');
    function varint() {
      var value = 0, scale = 1, byte;
      do {
        byte = data[at++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte >= 0x80);
      return value;
    }
    var count = varint(), entries = [];
    for (var e = 0; e < count; e++) {
      var length = varint();
      var key = utf8.decode(data.subarray(at, at + length));
      at += length;
      var n = varint(), docs = new Int32Array(n), values = new Uint8Array(n), doc = 0;
      for (var i = 0; i < n; i++) {
        var v = varint();
        doc += Math.floor(v / 64);
        docs[i] = doc;
        values[i] = v % 64;
      }
      entries.push([key, docs, values]);
    }
    return entries;
  }

  function startsWith(s, prefix) { return s.slice(0, prefix.length) === prefix; }

  /** The engine over one site's search files; ``get(path, 'json'|'bytes')`` loads one of them. */
  function Engine(get) {
    var self = this;
    this.get = get;
    this.chunks = {};
    this.facets = {};
    this.shards = {};
    this.meta = get('index.json', 'json').then(function (meta) {
      self.version = meta.version;
      self.R = meta.ranking;
      self.codeMask = (1 << meta.ranking.code_bits) - 1;
      self.byFirst = {};
      meta.synonyms.phrases.forEach(function (p) {
        (self.byFirst[p[1][0]] = self.byFirst[p[1][0]] || []).push(p);
      });
      self.negations = meta.synonyms.negations;
      return meta;
    });
    this.meta.catch(function () {});
  }

  // ---- reading the index ----------------------------------------------------------------
  /** The chunks whose terms may begin with ``key`` (the one it would stand in, and those after
   * it whose first term begins with it). */
  Engine.prototype.chunksFor = function (meta, key) {
    var table = meta.chunks, lo = 0, hi = table.length - 1;
    while (lo < hi) {  // the last chunk whose first term is <= key
      var mid = (lo + hi + 1) >> 1;
      if (table[mid][0] <= key) lo = mid; else hi = mid - 1;
    }
    var out = [table[lo][1]];
    for (var i = lo + 1; i < table.length && startsWith(table[i][0], key); i++) out.push(table[i][1]);
    return out;
  };
  Engine.prototype.chunk = function (file) {
    var self = this;
    if (!this.chunks[file]) {
      this.chunks[file] = this.get(file, 'bytes').then(decode);
      this.chunks[file].catch(function () { delete self.chunks[file]; });
    }
    return this.chunks[file];
  };
  /** What ``key`` matches (postings.Postings.matches): [[docs, values, exact], …]; ``exactOnly`` for markers. */
  Engine.prototype.matches = function (key, exactOnly) {
    var self = this;
    return this.meta.then(function (meta) {
      var files = self.chunksFor(meta, key);
      return Promise.all(files.map(function (f) { return self.chunk(f); })).then(function (loaded) {
        var out = [], prefix = !exactOnly && Array.from(key).length >= self.R.min_prefix;
        loaded.forEach(function (entries) {
          entries.forEach(function (entry) {
            var exact = entry[0] === key;
            if (exact || (prefix && startsWith(entry[0], key))) out.push([entry[1], entry[2], exact]);
          });
        });
        return out;
      });
    });
  };
  Engine.prototype.count = function (key) {
    return this.matches(key).then(function (found) {
      var docs = new Set();
      found.forEach(function (m) { m[0].forEach(function (d) { docs.add(d); }); });
      return docs.size;
    });
  };
  /** A facet's values: Map value → Int32Array of documents. */
  Engine.prototype.facet = function (name) {
    var self = this;
    if (!this.facets[name]) {
      this.facets[name] = this.meta.then(function (meta) {
        if (!meta.facets[name]) return new Map();
        return self.get(meta.facets[name], 'bytes').then(function (buffer) {
          return new Map(decode(buffer).map(function (e) { return [e[0], e[1]]; }));
        });
      });
      this.facets[name].catch(function () { delete self.facets[name]; });
    }
    return this.facets[name];
  };
  Engine.prototype.recordOf = function (meta, doc) {
    var runs = meta.records, lo = 0, hi = runs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (runs[mid][0] <= doc) lo = mid; else hi = mid - 1;
    }
    return runs[lo][1];
  };
  /** What result ``doc`` shows: {url, meta}. */
  Engine.prototype.result = function (doc) {
    var self = this;
    return this.meta.then(function () { return self.get('doc/' + doc + '.json?v=' + self.version, 'json'); });
  };

  // ---- synonyms (synonyms.py) -----------------------------------------------------------
  Engine.prototype.phrasesAt = function (positions, i) {
    var found = [], self = this;
    positions[i].forEach(function (key) {
      (self.byFirst[key] || []).forEach(function (p) {
        var words = p[1], n = words.length;
        if (i + n > positions.length) return;
        for (var j = 1; j < n; j++) if (positions[i + j].indexOf(words[j]) < 0) return;
        found.push([n, p[0]]);
      });
    });
    return found;
  };
  Engine.prototype.queryParts = function (text) {
    var tokens = A.tokenize(text), positions = tokens.map(A.queryKeys), parts = [], i = 0, self = this;
    while (i < tokens.length) {
      var found = this.phrasesAt(positions, i), length = 0;
      found.forEach(function (f) { if (f[0] > length) length = f[0]; });
      var markers = Array.from(new Set(found.filter(function (f) { return f[0] === length; }).map(function (f) { return f[1]; }))).sort();
      var span = tokens.slice(i, i + Math.max(length, 1));
      var words = span.filter(function (t) { return !A.isStopword(t); }).map(function (t) { return A.queryKeys(t).slice(); });
      if (words.length) {
        var negated = markers.length > 0 && span.some(function (t) { return self.negations.indexOf(t) >= 0; });
        parts.push({ words: words, markers: markers, literal: !negated });
      }
      i += span.length;
    }
    return parts;
  };

  // ---- the ranking (ranking.py) -----------------------------------------------------------
  Engine.prototype.points = function (value, exact) {
    return this.R.points[value & this.codeMask][exact ? 0 : 1] + this.R.field_bonus * (value >> this.R.code_bits);
  };
  Engine.prototype.best = function (matches) {
    var best = new Map(), inName = new Set(), self = this;
    matches.forEach(function (m) {
      var docs = m[0], values = m[1], exact = m[2];
      for (var i = 0; i < docs.length; i++) {
        var p = self.points(values[i], exact), doc = docs[i];
        if (p > (best.get(doc) || 0)) best.set(doc, p);
        if ((values[i] & self.codeMask) === self.R.name_code) inName.add(doc);
      }
    });
    return [best, inName];
  };
  Engine.prototype.part = function (part) {
    var score = null, named = null, self = this;
    (part.literal ? part.words : []).forEach(function (word) {
      var got = self.best(word), best = got[0];
      if (score === null) score = best;
      else {
        var next = new Map();
        score.forEach(function (s, doc) { if (best.has(doc)) next.set(doc, s + best.get(doc)); });
        score = next;
      }
      named = named === null ? got[1] : new Set(Array.from(named).filter(function (d) { return got[1].has(d); }));
    });
    score = score || new Map();
    named = named || new Set();
    var marked = this.best(part.markers)[0], n = part.words.length;
    marked.forEach(function (p, doc) { if (p * n > (score.get(doc) || 0)) score.set(doc, p * n); });
    return [score, named];
  };
  Engine.prototype.rank = function (meta, parts, allowed) {
    var score = null, named = null, self = this;
    parts.forEach(function (part) {
      var got = self.part(part);
      if (score === null) {
        score = new Map();
        got[0].forEach(function (p, doc) { if (!allowed || allowed.has(doc)) score.set(doc, p); });
        named = got[1];
      } else {
        var next = new Map();
        score.forEach(function (s, doc) { if (got[0].has(doc)) next.set(doc, s + got[0].get(doc)); });
        score = next;
        named = new Set(Array.from(named).filter(function (d) { return got[1].has(d); }));
      }
    });
    if (!score || !score.size) return [];
    var top = 0, cut = this.R.cut, all = [];
    score.forEach(function (s, doc) {
      if (s > top) top = s;
      var record = self.recordOf(meta, doc);
      all.push({ doc: doc, score: s, last: self.R.last.indexOf(record) >= 0,
                 demoted: self.R.demoted.indexOf(record) >= 0 && !named.has(doc) });
    });
    all.sort(function (a, b) { return (a.last - b.last) || (a.demoted - b.demoted) || (b.score - a.score) || (a.doc - b.doc); });
    // The first few, and after them what scores at least the cut's share of the best.
    return all.filter(function (r, i) { return i < self.R.min_results || r.score * cut[1] >= top * cut[0]; })
      .map(function (r) { return { doc: r.doc, score: r.score }; });
  };
  /** Of a word's keys, the one with the most documents (ranking.choose_key). */
  Engine.prototype.chooseKey = function (group) {
    if (group.length === 1) return Promise.resolve(group[0]);
    return Promise.all(group.map(this.count, this)).then(function (counts) {
      var best = 0;
      counts.forEach(function (n, i) { if (n > counts[best]) best = i; });
      return group[best];
    });
  };
  /** The documents passing the filters ({facet: [index values]}), or null for no filter. */
  Engine.prototype.allowed = function (filters) {
    var names = Object.keys(filters).filter(function (f) { return filters[f].length; }).sort(), self = this;
    if (!names.length) return Promise.resolve(null);
    return Promise.all(names.map(this.facet, this)).then(function (facets) {
      var allowed = null;
      facets.forEach(function (values, k) {
        var docs = new Set();
        filters[names[k]].forEach(function (v) { (values.get(v) || []).forEach(function (d) { docs.add(d); }); });
        allowed = allowed === null ? docs : new Set(Array.from(allowed).filter(function (d) { return docs.has(d); }));
      });
      return allowed;
    });
  };
  Engine.prototype.run = function (parts, allowed) {
    var self = this;
    if (!parts.length) {
      return Promise.resolve(allowed === null ? [] : Array.from(allowed).sort(function (a, b) { return a - b; })
        .map(function (doc) { return { doc: doc, score: 0 }; }));
    }
    return Promise.all([this.meta].concat(parts.map(function (part) {
      return Promise.all([
        Promise.all(part.words.map(function (word) {
          return self.chooseKey(word).then(function (key) { return self.matches(key); });
        })),
        Promise.all(part.markers.map(function (m) { return self.matches(m, true); }))
      ]).then(function (got) {
        return { words: got[0], markers: [].concat.apply([], got[1]), literal: part.literal };
      });
    }))).then(function (got) { return self.rank(got[0], got.slice(1), allowed); });
  };

  // ---- did you mean (suggest.py) --------------------------------------------------------
  /** Whether code points ``a`` become ``b`` by one substitution, insertion, deletion or swap (suggest.one_edit_apart). */
  function oneEditApart(a, b) {
    var i;
    if (Math.abs(a.length - b.length) > 1 || a.join('') === b.join('')) return false;
    if (a.length === b.length) {
      var diff = [];
      for (i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
      if (diff.length === 1) return true;
      return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
    }
    var s = a.length < b.length ? a : b, l = a.length < b.length ? b : a;
    i = 0;
    while (i < s.length && s[i] === l[i]) i++;
    return s.slice(i).join('') === l.slice(i + 1).join('');
  }
  Engine.prototype.shard = function (meta, length) {
    if (meta.typo.lengths.indexOf(length) < 0) return Promise.resolve([]);
    if (!(length in this.shards)) {
      this.shards[length] = this.get('words-' + length + '.json', 'json').catch(function () { return []; });
    }
    return this.shards[length];
  };
  Engine.prototype.suggestWord = function (meta, word) {
    var folded = Array.from(A.fold(word)), n = folded.length, self = this;
    if (n < meta.typo.min_length) return Promise.resolve(null);
    var lengths = [n - 1, n, n + 1];
    return Promise.all(lengths.map(function (k) { return self.shard(meta, k); })).then(function (all) {
      var best = null;
      all.forEach(function (words, k) {
        for (var p = 0; p < words.length; p++) {
          if (oneEditApart(folded, Array.from(words[p][0]))) {
            if (!best || p < best.p || (p === best.p && lengths[k] < best.len)) best = { p: p, len: lengths[k], word: words[p][1] };
            break;
          }
        }
      });
      return best ? best.word : null;
    });
  };
  /** The query with each long word replaced by its suggestion, or null if none changes. */
  Engine.prototype.correct = function (q) {
    var self = this;
    return this.meta.then(function (meta) {
      var words = A.tokenize(q).filter(function (t) { return !A.isStopword(t); });
      return Promise.all(words.map(function (w) { return self.suggestWord(meta, w); })).then(function (fixes) {
        var changed = false;
        var fixed = words.map(function (w, i) {
          if (fixes[i] && A.analyse(fixes[i]).join(' ') !== A.analyse(w).join(' ')) { changed = true; return fixes[i]; }
          return w;
        });
        return changed ? fixed.join(' ') : null;
      });
    });
  };

  // ---- a search ---------------------------------------------------------------------------
  /** Run a query as engine.SearchEngine.search does: {hits: [{doc, score}], corrected, suggestion};
   * ``only`` (a Set, or nothing) are the documents a filter of the moment lets through (openAt). */
  Engine.prototype.search = function (q, filters, only) {
    var self = this;
    return Promise.all([this.meta, this.allowed(filters || {})]).then(function (got) {
      var allowed = got[1], parts = self.queryParts(q);
      if (only) allowed = allowed === null ? new Set(only) : new Set(Array.from(allowed).filter(function (d) { return only.has(d); }));
      return self.run(parts, allowed).then(function (hits) {
        var outcome = { hits: hits, corrected: null, suggestion: null };
        if (hits.length || !parts.length) return outcome;
        return self.correct(q).then(function (fixed) {
          if (fixed === null) return outcome;
          return self.run(self.queryParts(fixed), allowed).then(function (again) {
            if (again.length) { outcome.hits = again; outcome.corrected = fixed; } else outcome.suggestion = fixed;
            return outcome;
          });
        });
      });
    });
  };
  /** Fetch what a query being typed will need: its words' chunks. */
  Engine.prototype.preload = function (q) {
    var self = this;
    return this.meta.then(function () {
      var keys = [];
      self.queryParts(q).forEach(function (part) {
        part.words.forEach(function (w) { keys.push.apply(keys, w); });
        keys.push.apply(keys, part.markers);
      });
      return Promise.all(keys.map(function (k) { return self.matches(k); }));
    });
  };
  /** Per facet, per value, how many of ``hits`` have it. */
  Engine.prototype.counts = function (hits) {
    var self = this;
    return this.meta.then(function (meta) {
      var names = Object.keys(meta.facets).sort(), docs = new Set(hits.map(function (h) { return h.doc; }));
      return Promise.all(names.map(self.facet, self)).then(function (facets) {
        var out = {};
        facets.forEach(function (values, k) {
          var counted = out[names[k]] = {};
          values.forEach(function (list, value) {
            var n = 0;
            for (var i = 0; i < list.length; i++) if (docs.has(list[i])) n++;
            counted[value] = n;
          });
        });
        return out;
      });
    });
  };

  /** The documents open at ``at`` ({y, m, d, min}, the catalogue's local time), by ``hours`` (static/hours.js's
   * CatalogueHours) over search/hours.json: a Set (hours.open_documents on the command line). */
  Engine.prototype.openAt = function (hours, at, holidays) {
    var self = this;
    return this.meta.then(function () {
      if (!self.hours) {
        self.hours = self.get('hours.json?v=' + self.version, 'json');
        self.hours.catch(function () { self.hours = null; });
      }
      return self.hours;
    }).then(function (data) {
      var open = data.schedules.map(function (s) { return hours.state(s, at, holidays).open; }), found = new Set();
      data.docs.forEach(function (row) {
        if (row[1].some(function (i) { return open[i]; })) found.add(row[0]);
      });
      return found;
    });
  };

  function fetcher(base) {
    return function (path, type) {
      var url = new URL(path, base).href;
      return fetch(url, path === 'index.json' ? { cache: 'no-cache' } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return type === 'json' ? r.json() : r.arrayBuffer();
      });
    };
  }
  var api = {
    /** An engine over the search files at ``base`` (…/search/), or read by ``get``. */
    open: function (base, get) { return new Engine(get || fetcher(base)); },
    decode: decode
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) root.CatalogueSearch = api;
})(typeof window !== 'undefined' ? window : null);
