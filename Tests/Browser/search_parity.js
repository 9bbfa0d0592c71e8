// Runs queries through search.js's engine on a built site's search/ folder and prints the hits as JSON,
// for test_search.py to compare with `scholia search --format json` (the Swift engine).
// Usage: node search_parity.js SEARCH_DIR QUERY...
const fs = require('fs');
const path = require('path');
const api = require(path.join(__dirname, '../../Templates/assets/search.js'));
const folder = process.argv[2];
const load = (file) => {
  try { return Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'))); } catch (e) { return Promise.resolve(null); }
};
api.SearchIndex.open(load).then(async (index) => {
  const out = [];
  for (const query of process.argv.slice(3)) {
    const results = await index.search(query, {}, 'relevance');
    const hits = [];
    for (const hit of results.hits.slice(0, 10)) {
      const doc = await index.document(hit.ordinal);
      const paragraphs = index.paragraphs(results, doc);
      hits.push({ id: doc.id, paragraphs: paragraphs.map((p) => p.number),
                  snippets: paragraphs.map((p) => api.snippet(doc.paragraphs.find((r) => r[0] === p.number)[2], p.positions).text) });
    }
    out.push({ query, count: results.hits.length, message: results.message || null, hits });
  }
  process.stdout.write(JSON.stringify(out));
});
