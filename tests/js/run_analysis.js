// Runs czech-analysis.js over many inputs, for tests/test_analysis.py (one node process).
// Usage: node run_analysis.js INPUT OUTPUT
// INPUT: one JSON array per line, ["w", word] or ["t", text].
// OUTPUT: first line {"STOPWORDS": [...], "REACCENT_ENDINGS": [...]}, then one JSON array
// per input line, in order:
//   ["w", word] -> [stem(w), fold(w), keys(w), queryKeys(w)]
//   ["t", text] -> [tokenize(t), analyse(t), indexTerms(t), analyseQuery(t)]
'use strict';
const fs = require('fs');
const path = require('path');
const A = require(path.join(__dirname, '..', '..', 'catalogue', 'search', 'static', 'czech-analysis.js'));

const [input, output] = process.argv.slice(2);
const run = {
  w: (w) => [A.stem(w), A.fold(w), A.keys(w), A.queryKeys(w)],
  t: (t) => [A.tokenize(t), A.analyse(t), A.indexTerms(t), A.analyseQuery(t)],
};
const out = [JSON.stringify({ STOPWORDS: A.STOPWORDS, REACCENT_ENDINGS: A.REACCENT_ENDINGS })];
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  if (line === '') continue;
  const [kind, value] = JSON.parse(line);
  out.push(JSON.stringify(run[kind](value)));
}
fs.writeFileSync(output, out.join('\n') + '\n');
