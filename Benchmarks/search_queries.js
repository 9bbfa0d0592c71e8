// Runs queries through search.js's engine on a built site's search/ folder, each cold (nothing cached),
// like a first visit: prints, per query, the top hits and every index file it read.
// Usage: node search_queries.js SEARCH_DIR QUERIES.json  → JSON on stdout
const fs = require('fs');
const path = require('path');
const api = require(path.join(__dirname, '../Templates/assets/search.js'));
const folder = process.argv[2];
const queries = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

(async () => {
  const out = [];
  for (const query of queries) {
    const read = [];
    const load = (file) => {
      read.push(file);
      try { return Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'))); } catch (e) { return Promise.resolve(null); }
    };
    const index = await api.SearchIndex.open(load);
    const results = await index.search(query, {}, 'relevance');
    const hits = [];
    // The page shows ten documents: their display data is fetched too.
    for (const hit of results.hits.slice(0, 10)) {
      const doc = await index.document(hit.ordinal);
      hits.push({ id: doc.id, paragraphs: index.paragraphs(results, doc).map((p) => p.number) });
    }
    out.push({ query, count: results.hits.length, hits: hits.slice(0, 3), files: Array.from(new Set(read)) });
  }
  process.stdout.write(JSON.stringify(out));
})();
