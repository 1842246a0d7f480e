/*! czech-analysis.js — Czech search analysis, byte-identical to catalogue/search/analysis.py
 * (read its docstring for the design). Includes a port of the Snowball 3.1.1 Czech stemmer
 * (https://snowballstem.org/, BSD licence), translated from the Python code that Snowball
 * generates (snowballstemmer 3.1.1: czech_stemmer.py, basestemmer.py). No dependencies.
 * Browser: window.CzechAnalysis. Node: require('./czech-analysis.js'). */
(function (root) {
  'use strict';

  // ---- Snowball Czech stemmer -------------------------------------------------------
  // Among tables: [string, substring index, result]. The Czech tables have no among
  // functions, so find_among_b has no method branch.
  function T(s, links, res) {
    return s.split(' ').map(function (w, k) { return [w === '_' ? '' : w, links[k], res[k]]; });
  }
  var N = -1;
  var A0 = T('c nc ínc avc ovc', [N, 0, 1, 0, 0], [1, N, 2, N, N]);
  var AS0 = ['k', 'ínk'];
  var A1 = T('c nc ínc avc ovc čt št dešt lešt išt poušt ášt íšt',
    [N, 0, 1, 0, 0, N, N, 6, 6, 6, 6, 6, 6], [1, N, 2, N, N, 3, 4, N, N, N, N, N, N]);
  var AS1 = ['k', 'ínk', 'ck', 'sk'];
  var A2 = T('in ov ův', [N, N, N], [2, 1, 1]);
  var A3 = T('_ l tl s es č eč ř ž', [N, 0, 1, 0, 3, 0, 5, 0, 0], [2, 1, 2, 1, 2, 1, 2, 1, 1]);
  var AS3 = ['', 'et'];
  var A4 = T('obl sn dot', [N, N, N], [N, N, N]);
  var A5 = T('uc h ok kar č', [N, N, N, N, N], [N, N, N, N, N]);
  var A6 = T('a ama ata eb ec e ete ěte ech atech ách ích ých i mi ami emi ími ými ěmi ťmi ' +
    'eti ěti ovi ek ěk em etem ětem ám ém ím ým ěm ům atům o ého ího us at et u ému ímu ou ' +
    'ev y aty á é ové í ý ě eň ť ů',
  [N, 0, 0, N, N, N, 5, 5, N, 8, N, N, N, N, 13, 14, 14, 14, 14, 14, 14, 13, 13, 13, N, N, N,
    26, 26, N, N, N, N, N, N, 34, N, 36, 36, N, N, N, N, 42, 42, 42, N, N, 47, N, N, 50, N,
    N, N, N, N, N],
  [1, 1, 1, 4, 5, 2, 3, 1, 2, 1, 1, 12, 1, 12, 1, 1, 2, 12, 1, 1, 11, 3, 1, 1, 6, 7, 2, 3, 1,
    1, 1, 12, 1, 1, 1, 1, 1, 1, 12, 1, 1, 9, 1, 1, 12, 1, 10, 1, 1, 1, 1, 1, 12, 1, 1, 8, 11,
    1]);
  var G_V = 'aeiouyáéíóúýěů';
  var G_VSC = 'aeiloruyáéíóúýěů';
  var G_EV = 'hknrtz';
  var G_ENV = 'bcdhkprstvzčšž';

  // Stemmer state (JavaScript is single-threaded, and stem() never re-enters).
  var cur, c, l, lb, bra, ket, p1;

  function has(s, i) { return s.indexOf(cur.charAt(i)) >= 0; }
  function inG(s) { if (c >= l || !has(s, c)) return false; c++; return true; }
  function goInG(s) { while (c < l) { if (!has(s, c)) return true; c++; } return false; }
  function goOutG(s) { while (c < l) { if (has(s, c)) return true; c++; } return false; }
  function inGB(s) { if (c <= lb || !has(s, c - 1)) return false; c--; return true; }
  function outGB(s) { if (c <= lb || has(s, c - 1)) return false; c--; return true; }
  function eqSB(s) {
    if (c - lb < s.length || cur.slice(c - s.length, c) !== s) return false;
    c -= s.length; return true;
  }
  function findAmongB(v) {
    var i = 0, j = v.length, cc = c, ci = 0, cj = 0, first = false, k, w, diff, common, i2;
    for (;;) {
      k = i + ((j - i) >> 1); diff = 0; common = ci < cj ? ci : cj; w = v[k][0];
      for (i2 = w.length - 1 - common; i2 >= 0; i2--) {
        if (cc - common === lb) { diff = -1; break; }
        diff = cur.charCodeAt(cc - 1 - common) - w.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; cj = common; } else { i = k; ci = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    for (;;) {
      w = v[i];
      if (ci >= w[0].length) { c = cc - w[0].length; return w[2]; }
      i = w[1];
      if (i < 0) return 0;
    }
  }
  function replaceS(cb, ck, s) {
    var adj = s.length - (ck - cb);
    cur = cur.slice(0, cb) + s + cur.slice(ck);
    l += adj;
    if (c >= ck) c += adj; else if (c > cb) c = cb;
    return adj;
  }
  function sliceFrom(s) { replaceS(bra, ket, s); ket = bra + s.length; }
  function insert(cb, ck, s) {
    var adj = replaceS(cb, ck, s);
    if (cb <= bra) bra += adj;
    if (cb <= ket) ket += adj;
  }

  function markRegions() {
    if (c + 3 > l) return false;
    var x = c + 3;
    p1 = l;
    var v = c;
    found: {
      if (!inG(G_V)) {
        if (c >= l) break found;
        c++;
        if (!goOutG(G_VSC)) break found;
        c++;
      }
      if (!goInG(G_V)) break found;
      c++;
      p1 = c < x ? x : c;
    }
    c = v;
    return true;
  }
  function palatalise(table, repl) {
    ket = c;
    var a = findAmongB(table);
    if (a === 0) return false;
    bra = c;
    if (a > 0) sliceFrom(repl[a - 1]);
    return true;
  }
  function tryPal(table, repl) { var v = l - c; if (!palatalise(table, repl)) c = l - v; }
  function possessiveSuffix() {
    ket = c;
    var a = findAmongB(A2);
    if (a === 0) return false;
    bra = c;
    if (p1 > c) return false;
    sliceFrom('');
    if (a !== 1) tryPal(A1, AS1);
    return true;
  }
  function caseSuffix() {
    if (c < p1) return false;
    var saved = lb, v;
    lb = p1; ket = c;
    var a = findAmongB(A6);
    if (a === 0) { lb = saved; return false; }
    bra = c; lb = saved;
    switch (a) {
      case 1: sliceFrom(''); break;
      case 2: sliceFrom(''); tryPal(A0, AS0); break;
      case 3: sliceFrom(AS3[findAmongB(A3) - 1]); break;
      case 4:
        v = l - c;
        if (!outGB(G_V)) return false;
        c = l - v;
        if (eqSB('tř')) return false;
        sliceFrom('b'); break;
      case 5:
        v = l - c;
        if (!outGB(G_V)) return false;
        c = l - v;
        sliceFrom('');
        insert(c, c, 'c');
        tryPal(A0, AS0); break;
      case 6:
        v = l - c;
        if (!outGB(G_V)) return false;
        c = l - v;
        if (findAmongB(A4) !== 0) return false;
        c = l - v;
        sliceFrom('k'); break;
      case 7:
        if (c <= lb || cur.charAt(c - 1) !== 'n') return false;
        c--; bra = c;
        sliceFrom('ňk'); break;
      case 8:
        v = l - c;
        if (!inGB(G_ENV)) return false;
        c = l - v;
        sliceFrom('n'); break;
      case 9:
        if (findAmongB(A5) === 0) return false;
        sliceFrom('t'); break;
      case 10:
        if (!inGB(G_EV)) return false;
        sliceFrom('v'); break;
      case 11: sliceFrom('t'); break;
      default: sliceFrom(''); tryPal(A1, AS1);
    }
    return true;
  }
  function snowball(word) {
    cur = word; c = 0; l = word.length; lb = 0; bra = 0; ket = l;
    if (!markRegions()) return cur;
    lb = c; c = l;
    caseSuffix(); c = l;
    possessiveSuffix();
    return cur;
  }

  // ---- Analysis (mirrors analysis.py) ---------------------------------------------
  var STOPWORDS = ('a aby ale ani ať až az bez by byl byla byli bylo či ci do i jak jako je ' +
    'jeho její jeji jejich jen jsem jsme jsou jste k ke ku kde kdy když kdyz který která ' +
    'které kteří ktery ktera ktere kteri mezi na nad nebo než nez o od on ona ono oni pak ' +
    'po pod pro proto před pred přes pres při pri s se si sebe ta tak také take tam taky ' +
    'ten tento ti tato tím tim tj to toto tu ty u v ve však vsak z za ze že ' +
    // words people put around a need when they type it ("mám dluhy")
    'mám mam máme mame potřebuji potrebuji potřebuju potrebuju hledám hledam chci co něco neco někoho nekoho kam mi mě').split(' ');
  var STOP = {};
  STOPWORDS.forEach(function (w) { STOP[w] = 1; });
  var REACCENT = ('atum atům etem ětem ach ách eho ého emi ěmi emu ému ete ěte eti ěti ich ích iho ího ' +
    'imi ími imu ímu ove ové tmi ťmi ych ých ymi ými am ám ek ěk em ém em ěm en eň im ím um ům ' +
    'uv ův ym ým a á e é e ě i í t ť u ů y ý').split(' ').reduce(function (acc, w, k, all) {
    if (k % 2) acc.push([all[k - 1], w]);
    return acc;
  }, []);
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var MARKS = /[\u0300-\u036f]+/g;
  var DIGIT = /[0-9]/;
  var ASTRAL = /[\uD800-\uDFFF]/;
  var LETTERS = {'ł': 'l', 'đ': 'd', 'ø': 'o', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'ħ': 'h', 'ŧ': 't'};
  var LETTER = /[łđøßæœıħŧ]/g;

  function normalise(text) {
    return String(text).normalize('NFC').toLowerCase().normalize('NFC');
  }
  function tokenize(text) { return normalise(text).match(TOKEN) || []; }
  var stemCache = new Map();
  function stem(word) {
    var s = stemCache.get(word);
    if (s === undefined) {
      s = DIGIT.test(word) || ASTRAL.test(word) ? word : snowball(word);
      if (stemCache.size > 65535) stemCache.clear();
      stemCache.set(word, s);
    }
    return s;
  }
  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC')
      .replace(LETTER, function (ch) { return LETTERS[ch]; });
  }
  function isStopword(token) { return STOP[token] === 1; }
  function keys(word) {
    var primary = fold(stem(word)), folded = fold(stem(fold(word)));
    return folded === primary ? [primary] : [primary, folded];
  }
  function queryKeys(word) {
    var found = keys(word), matched = null, k, plain, key;
    if (fold(word) !== word || DIGIT.test(word)) return found;
    for (k = 0; k < REACCENT.length; k++) {
      plain = REACCENT[k][0];
      if (matched !== null && plain !== matched) break;
      if (word.length > plain.length && word.slice(-plain.length) === plain) {
        matched = plain;
        key = fold(stem(word.slice(0, -plain.length) + REACCENT[k][1]));
        if (found.indexOf(key) < 0) found.push(key);
      }
    }
    return found;
  }
  function words(text) { return tokenize(text).filter(function (t) { return !isStopword(t); }); }
  function analyse(text) { return words(text).map(function (t) { return keys(t)[0]; }); }
  function indexTerms(text) {
    var out = [];
    words(text).forEach(function (t) { out.push.apply(out, keys(t)); });
    return out;
  }
  function analyseQuery(text) { return words(text).map(queryKeys); }

  var api = {
    normalise: normalise, tokenize: tokenize, stem: stem, fold: fold, isStopword: isStopword,
    keys: keys, queryKeys: queryKeys, analyse: analyse, indexTerms: indexTerms,
    analyseQuery: analyseQuery, STOPWORDS: STOPWORDS, REACCENT_ENDINGS: REACCENT
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) root.CzechAnalysis = api;
})(typeof window !== 'undefined' ? window : typeof self !== 'undefined' ? self : null);
