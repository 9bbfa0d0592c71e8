// Scholia search: reads the static index under search/ (format: README, "Index format"). Plain JavaScript,
// no dependencies. The tokenizer, query syntax, ranking and snippets follow the same rules as the Swift
// query engine (Sources/Search), so that `scholia search` and this page find the same hits in the same order.
(function (root) {
  'use strict';

  var KEY_LENGTH = 3, MAX_WORD = 64, MAX_QUERY = 1000, MAX_PARTS = 16, MAX_NEARBY = 5, MAX_PREFIX_STEMS = 64, PARAGRAPHS_PER_HIT = 3;
  var WORDS_BEFORE = 8, SNIPPET_LENGTH = 30, PAGE_SIZE = 10;
  var WORD_CHAR = /[\p{Alphabetic}\p{Nd}\p{M}]/u;
  var WHITE = /\p{White_Space}/u;

  function isCJK(cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3130 && cp <= 0x318F) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
  }

  function isWordChar(ch, cp) {
    if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5A) || (cp >= 0x61 && cp <= 0x7A);
    return WORD_CHAR.test(ch);
  }

  // Canonical decomposition, nonspacing marks dropped, each character lower-cased on its own.
  function fold(word) {
    return Array.from(word.normalize('NFD').replace(/\p{Mn}/gu, '')).map(function (c) { return c.toLowerCase(); }).join('');
  }

  // Tokens: {text, position, start, end, cjk}; offsets count code points, like Swift's unicode scalars.
  function tokenize(text) {
    var chars = Array.from(text), tokens = [], position = 0;
    var word = [], wordStart = 0, cjk = [];
    function flushWord(end) {
      if (!word.length) return;
      if (word.length <= MAX_WORD) {
        var folded = fold(word.join(''));
        if (folded) tokens.push({ text: folded, position: position, start: wordStart, end: end, cjk: false });
      }
      position += 1;
      word = [];
    }
    function flushCJK() {
      if (!cjk.length) return;
      if (cjk.length === 1) {
        tokens.push({ text: cjk[0][0], position: position, start: cjk[0][1], end: cjk[0][1] + 1, cjk: true });
        position += 1;
      } else {
        for (var i = 0; i < cjk.length - 1; i++) {
          tokens.push({ text: cjk[i][0] + cjk[i + 1][0], position: position, start: cjk[i][1], end: cjk[i][1] + 2, cjk: true });
          position += 1;
        }
      }
      cjk = [];
    }
    for (var offset = 0; offset < chars.length; offset++) {
      var ch = chars[offset], cp = ch.codePointAt(0);
      if (isCJK(cp)) { flushWord(offset); cjk.push([ch, offset]); }
      else if (isWordChar(ch, cp)) { flushCJK(); if (!word.length) wordStart = offset; word.push(ch); }
      else { flushWord(offset); flushCJK(); }
    }
    flushWord(chars.length);
    flushCJK();
    return tokens;
  }

  // The query syntax: words (all required), "phrases", -excluded, the last word also a prefix.
  function parseQuery(text, stopWords) {
    var chunks = [], current = '', quoted = false, excludeNextQuote = false;
    function close() {
      var chunk = current, length = Array.from(chunk).length;
      current = '';
      if (quoted) { chunks.push({ text: chunk, quoted: true, excluded: excludeNextQuote }); excludeNextQuote = false; }
      else if (length > 1 && chunk[0] === '-') chunks.push({ text: chunk.slice(1), quoted: false, excluded: true });
      else if (chunk && chunk !== '-') chunks.push({ text: chunk, quoted: false, excluded: false });
    }
    var scalars = Array.from(text).slice(0, MAX_QUERY);
    scalars.forEach(function (ch) {
      if (ch === '"') {
        if (!quoted) { excludeNextQuote = current === '-'; if (excludeNextQuote) current = ''; }
        close();
        quoted = !quoted;
      } else if (!quoted && WHITE.test(ch)) close();
      else current += ch;
    });
    close();
    var last = scalars[scalars.length - 1];
    var endsOpen = last !== undefined && !WHITE.test(last) && last !== '"';
    var query = { required: [], excluded: [], nearby: [], dropped: [] };
    // The last required word typed and its place, counting stop words, for `nearby`.
    var previous = null, position = -1;
    for (var index = 0; index < chunks.length; index++) {
      if (query.required.length + query.excluded.length >= MAX_PARTS) break;
      var chunk = chunks[index], tokens = tokenize(chunk.text);
      if (!tokens.length) continue;
      position += 1;
      if (chunk.quoted || chunk.excluded || tokens.length !== 1) previous = null;
      var kept = tokens.filter(function (t) { return !stopWords.has(t.text); });
      tokens.forEach(function (t) { if (stopWords.has(t.text)) query.dropped.push(t.text); });
      if (!kept.length) continue;
      var first = kept[0], part;
      if (kept.length === 1) {
        var prefix = index === chunks.length - 1 && endsOpen && !chunk.quoted && !chunk.excluded && tokens.length === 1 &&
          !first.cjk && Array.from(first.text).length >= 2;
        part = { word: first.text, prefix: prefix };
        if (!chunk.quoted && !chunk.excluded && tokens.length === 1) {
          // A prefix counts as typed: once it is a whole word, the pair is found.
          if (previous && query.nearby.length < MAX_NEARBY) query.nearby.push({ phrase: [{ text: previous.word, offset: 0 }, { text: first.text, offset: position - previous.position }] });
          previous = { word: first.text, position: position };
        }
      } else {
        part = { phrase: kept.map(function (t) { return { text: t.text, offset: t.position - first.position }; }) };
      }
      (chunk.excluded ? query.excluded : query.required).push(part);
    }
    return query;
  }

  function wordKey(word) {
    return Array.from(word).slice(0, KEY_LENGTH).map(function (ch) {
      var cp = ch.codePointAt(0);
      return cp < 0x80 && isWordChar(ch, cp) ? ch : '_' + cp.toString(16);
    }).join('');
  }

  function fnv(text, hash) {
    var bytes = new TextEncoder().encode(text);
    for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 0x01000193) >>> 0; }
    return hash;
  }

  function shardOf(key, count) { return (fnv(key, 0x811C9DC5) & (count - 1)) >>> 0; }

  function hexPath(folder, shard, count) {
    var width = Math.max(count - 1, 0).toString(16).length, digits = shard.toString(16);
    while (digits.length < width) digits = '0' + digits;
    return folder + '/' + digits + '.json';
  }
  function shardPath(shard, count) { return hexPath('terms', shard, count); }
  function pairShardPath(shard, count) { return hexPath('pairs', shard, count); }
  function pairKey(first, second, gap) { return gap === 1 ? first + ' ' + second : first + ' ' + gap + ' ' + second; }

  // BM25's saturated frequency (k1 = 1.2, b = 0.75) times 100, rounded, at least 1: IndexFormat.impact.
  function impact(frequency, length, average) {
    var norm = 1.2 * (1 - 0.75 + 0.75 * length / average);
    var value = frequency * 2.2 / (frequency + norm);
    return Math.max(1, Math.floor(value * 100 + 0.5));
  }

  var FACET_NAMES = ['speaker', 'topic', 'type', 'list'];

  // The index, read through `load(path) → Promise of parsed JSON or null`.
  function SearchIndex(load, index) {
    this.load = load;
    this.cache = {};
    this.documentCount = index.documents;
    this.shardCount = index.shards;
    this.pairShardCount = index.pairShards;
    this.blockSize = Math.max(1, index.blockSize);
    this.stopWords = new Set(index.stopWords || []);
    this.wordKeys = new Set(index.words || []);
    this.averageLength = Math.max(1, index.averageLength);
    var years = [];
    index.years.forEach(function (run) { for (var i = 0; i < run[1]; i++) years.push(run[0]); });
    this.years = years;
    var facets = {};
    Object.keys(index.facets).forEach(function (name) {
      facets[name] = index.facets[name].map(function (value) { return { id: value[0], label: value[1], count: value[2] }; });
    });
    this.facets = facets;
  }

  SearchIndex.open = function (load) {
    return load('index.json').then(function (index) {
      if (!index || index.format !== 2) throw new Error('The search index could not be read.');
      return new SearchIndex(load, index);
    });
  };

  SearchIndex.prototype.file = function (path) {
    if (!(path in this.cache)) this.cache[path] = this.load(path);
    return this.cache[path];
  };

  // → {stems, forms}: the stems a query word stands for, and every indexed form of those stems.
  SearchIndex.prototype.stems = function (word, prefix) {
    var self = this, key = wordKey(word), keys;
    // A prefix shorter than a key stands for the words of every file whose key it begins.
    if (prefix && Array.from(word).length < KEY_LENGTH) keys = Array.from(self.wordKeys).filter(function (k) { return k.startsWith(key); }).sort();
    else keys = self.wordKeys.has(key) ? [key] : [];
    return Promise.all(keys.map(function (k) { return self.file('words/' + k + '.json'); })).then(function (lists) {
      var entries = [].concat.apply([], lists.map(function (list) { return list || []; }))
        .map(function (e) { return typeof e === 'string' ? [e, e] : e; }), stems = [];
      if (!prefix) {
        var exact = entries.find(function (e) { return e[0] === word; });
        if (exact) stems.push(exact[1]);
      } else {
        for (var i = 0; i < entries.length && stems.length < MAX_PREFIX_STEMS; i++) {
          if (entries[i][0].startsWith(word) && stems.indexOf(entries[i][1]) < 0) stems.push(entries[i][1]);
        }
      }
      var wanted = new Set(stems), forms = new Set();
      entries.forEach(function (e) { if (wanted.has(e[1])) forms.add(e[0]); });
      return { stems: stems, forms: forms };
    });
  };

  SearchIndex.prototype.entry = function (key, count, path) {
    return this.file(path(shardOf(key, count), count)).then(function (shard) {
      return shard && Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : [];
    });
  };

  // A stem's documents: Map ordinal → impact.
  SearchIndex.prototype.postings = function (stem) {
    return this.entry(stem, this.shardCount, shardPath).then(function (list) {
      var result = new Map(), ordinal = 0;
      for (var i = 0; i + 1 < list.length; i += 2) { ordinal += list[i]; result.set(ordinal, list[i + 1]); }
      return result;
    });
  };

  // A pair's documents: Map ordinal → {length, places: [[paragraph, position]]}.
  SearchIndex.prototype.pairPostings = function (key) {
    return this.entry(key, this.pairShardCount, pairShardPath).then(function (list) {
      var result = new Map(), i = 0, ordinal = 0;
      while (i + 2 < list.length) {
        ordinal += list[i];
        var length = list[i + 1], count = list[i + 2], places = [], paragraph = 0, position = 0;
        i += 3;
        for (var k = 0; k < count && i + 1 < list.length; k++) {
          if (list[i] !== 0) position = 0;
          paragraph += list[i];
          position += list[i + 1];
          places.push([paragraph, position]);
          i += 2;
        }
        result.set(ordinal, { length: length, places: places });
      }
      return result;
    });
  };

  // → {documents: Map ordinal → impact, words: [{forms, offset}]}
  SearchIndex.prototype.match = function (part) {
    var self = this;
    if (part.word !== undefined) {
      return self.stems(part.word, part.prefix).then(function (found) {
        return Promise.all(found.stems.map(function (s) { return self.postings(s); })).then(function (lists) {
          var documents = new Map();
          lists.forEach(function (list) { list.forEach(function (value, o) { documents.set(o, (documents.get(o) || 0) + value); }); });
          return { documents: documents, words: [{ forms: found.forms, offset: 0 }] };
        });
      });
    }
    var words = part.phrase;
    return Promise.all(words.map(function (w) { return self.stems(w.text, false); })).then(function (found) {
      if (found.some(function (f) { return !f.stems.length; })) return { documents: new Map(), words: [] };
      var keys = [];
      for (var i = 0; i + 1 < words.length; i++) keys.push(pairKey(found[i].stems[0], found[i + 1].stems[0], words[i + 1].offset - words[i].offset));
      return Promise.all(keys.map(function (k) { return self.pairPostings(k); })).then(function (pairs) {
        var documents = new Map();
        pairs[0].forEach(function (first, ordinal) {
          if (!pairs.every(function (p) { return p.has(ordinal); })) return;
          var later = pairs.slice(1).map(function (p) { return new Set(p.get(ordinal).places.map(function (x) { return x[0] + ':' + x[1]; })); });
          var frequency = 0;
          first.places.forEach(function (place) {
            if (later.every(function (set, i) { return set.has(place[0] + ':' + (place[1] + words[i + 1].offset)); })) {
              frequency += words.length * (place[0] === 0 ? 3 : 1);
            }
          });
          if (frequency > 0) documents.set(ordinal, impact(frequency, first.length, self.averageLength));
        });
        return { documents: documents, words: words.map(function (w, i) { return { forms: found[i].forms, offset: w.offset }; }) };
      });
    });
  };

  // The facet value numbers of some documents: Promise of Map ordinal → [speakers, topics, type, lists].
  SearchIndex.prototype.facetCodes = function (ordinals) {
    var self = this, blocks = new Set();
    ordinals.forEach(function (o) { blocks.add(Math.floor(o / self.blockSize)); });
    var list = Array.from(blocks);
    return Promise.all(list.map(function (b) { return self.file('facets/' + b + '.json'); })).then(function (rows) {
      var byBlock = new Map();
      list.forEach(function (b, i) { byBlock.set(b, rows[i] || []); });
      var codes = new Map();
      ordinals.forEach(function (o) { codes.set(o, byBlock.get(Math.floor(o / self.blockSize))[o % self.blockSize] || []); });
      return codes;
    });
  };

  SearchIndex.prototype.allowed = function (filters) {
    var self = this, all = [], wanted = [];
    for (var o = 0; o < self.documentCount; o++) all.push(o);
    var range = parseYears(filters.year);
    if (range) all = all.filter(function (o) { return self.years[o] >= range[0] && self.years[o] <= range[1]; });
    FACET_NAMES.forEach(function (name, facet) {
      if (!filters[name]) return;
      var number = (self.facets[name] || []).findIndex(function (v) { return v.id === filters[name]; });
      wanted.push([facet, number]);
    });
    if (!wanted.length) return Promise.resolve(all);
    if (wanted.some(function (w) { return w[1] < 0; })) return Promise.resolve([]);
    return self.facetCodes(all).then(function (codes) {
      return all.filter(function (o) {
        var c = codes.get(o);
        return wanted.every(function (w) { return c[w[0]] && c[w[0]].indexOf(w[1]) >= 0; });
      });
    });
  };

  // A year as an ISO number: "2013", "-43", or "44 BCE" / "44 BC" / "44-bce" (the year page's URL) for -43.
  function parseYear(text) {
    var t = String(text).trim().toLowerCase(), era = /^(\d+)\s*-?\s*bce?$/.exec(t);
    if (era) return parseInt(era[1], 10) > 0 ? 1 - parseInt(era[1], 10) : null;
    return /^[+-]?\d+$/.test(t) ? parseInt(t, 10) : null;
  }

  // "1962", "1960-1969", "100 BCE-44 BCE" or "-99--43": the first dash that splits it into two years separates a range.
  function parseYears(text) {
    if (!text) return null;
    text = String(text);
    var single = parseYear(text);
    if (single !== null) return [single, single];
    for (var i = 0; i < text.length; i++) {
      if (text[i] !== '-' && text[i] !== '\u2013') continue;
      var from = parseYear(text.slice(0, i)), to = parseYear(text.slice(i + 1));
      if (from !== null && to !== null) return from <= to ? [from, to] : null;
    }
    return null;
  }

  function yearLabel(year) { return year > 0 ? String(year) : (1 - year) + ' BCE'; }

  // → Promise of {hits: [{ordinal, score}], facets, message, matches}; `paragraphs(results, doc)` gives a hit's.
  SearchIndex.prototype.search = function (text, filters, order) {
    var self = this, query = parseQuery(text || '', self.stopWords);
    if (!query.required.length && query.dropped.length) {
      return self.facetCounts(new Set()).then(function (facets) {
        return { hits: [], facets: facets, matches: [],
          message: 'Only very common words were typed (' + query.dropped.join(', ') + '); they are not indexed. Add a more distinctive word.' };
      });
    }
    if (!query.required.length && !query.excluded.length && !query.dropped.length && /\S/.test(text || '')) {
      return self.facetCounts(new Set()).then(function (facets) {
        return { hits: [], facets: facets, matches: [], message: 'The query has no words to search for.' };
      });
    }
    return Promise.all([self.allowed(filters || {}),
                        Promise.all(query.required.map(function (p) { return self.match(p); })),
                        Promise.all(query.excluded.map(function (p) { return self.match(p); }))]).then(function (all) {
      var candidates = new Set(all[0]), matches = all[1], excluded = all[2], N = self.documentCount;
      function idf(m) { var df = m.documents.size; m.idf = Math.log(1 + (N - df + 0.5) / (df + 0.5)); }
      matches.forEach(function (m) {
        idf(m);
        candidates.forEach(function (o) { if (!m.documents.has(o)) candidates.delete(o); });
      });
      excluded.forEach(function (m) { m.documents.forEach(function (_, o) { candidates.delete(o); }); });
      // Words typed side by side that stand so in a document add their phrase's score there.
      var nearby = candidates.size ? query.nearby : [];
      return Promise.all(nearby.map(function (p) { return self.match(p); })).then(function (near) {
        near = near.filter(function (m) { return m.documents.size > 0; });
        near.forEach(idf);
        return self.rank(candidates, matches, matches.concat(near), order);
      });
    });
  };

  // Candidates by their summed scores (the required parts' and those of the words found side by side).
  SearchIndex.prototype.rank = function (candidates, matches, scored, order) {
    var self = this;
    var scores = new Map();
    candidates.forEach(function (o) {
      scores.set(o, scored.reduce(function (sum, m) { return sum + m.idf * (m.documents.get(o) || 0); }, 0));
    });
    var ranked = Array.from(candidates).sort(function (a, b) {
      if (order === 'date' || !matches.length) return a - b;
      return scores.get(b) - scores.get(a) || a - b;
    });
    return self.facetCounts(new Set(ranked)).then(function (facets) {
      var hits = ranked.map(function (o) { return { ordinal: o, score: scores.get(o) || 0 }; });
      return { hits: hits, facets: facets, matches: matches.length ? scored : [], message: hits.length ? null : 'No results.' };
    });
  };

  // Positions of a part's words in a paragraph's indexed tokens (see Swift's SearchIndex.places).
  function places(words, kept) {
    var found = [];
    for (var start = 0; start + words.length <= kept.length; start++) {
      var fits = words.every(function (w, i) {
        return w.forms.has(kept[start + i].text) && kept[start + i].position - kept[start].position === w.offset;
      });
      if (fits) words.forEach(function (_, i) { found.push(kept[start + i].position); });
    }
    return found;
  }

  // A hit's best paragraphs, from its display data: [{number, positions}].
  SearchIndex.prototype.paragraphs = function (results, doc) {
    var self = this, score = new Map(), positions = new Map();
    if (!results.matches.length) return [];
    doc.paragraphs.forEach(function (row) {
      var kept = tokenize(row[2]).filter(function (t) { return !self.stopWords.has(t.text); });
      results.matches.forEach(function (m) {
        var found = places(m.words, kept);
        if (!found.length) return;
        score.set(row[0], (score.get(row[0]) || 0) + m.idf * (1 + Math.log(found.length)));
        var set = positions.get(row[0]) || new Set();
        found.forEach(function (p) { set.add(p); });
        positions.set(row[0], set);
      });
    });
    var all = Array.from(score.keys()), text = all.filter(function (p) { return p > 0; });
    return (text.length ? text : all).sort(function (a, b) { return score.get(b) - score.get(a) || a - b; })
      .slice(0, PARAGRAPHS_PER_HIT)
      .map(function (p) { return { number: p, positions: Array.from(positions.get(p)).sort(function (a, b) { return a - b; }) }; });
  };

  // Counts among the hits; when every document is one, those of index.json (no facet block is read).
  SearchIndex.prototype.facetCounts = function (hits) {
    var self = this;
    var every = hits.size === self.documentCount;
    return (every ? Promise.resolve(null) : self.facetCodes(Array.from(hits).sort(function (a, b) { return a - b; }))).then(function (codes) {
      var counts = {};
      FACET_NAMES.forEach(function (name, facet) {
        var values = self.facets[name] || [], tallies = values.map(function (v) { return every ? v.count : 0; });
        if (!every) codes.forEach(function (c) { (c[facet] || []).forEach(function (n) { if (n < tallies.length) tallies[n] += 1; }); });
        counts[name] = values.map(function (v, n) { return { id: v.id, label: v.label, count: tallies[n] }; })
          .filter(function (v) { return v.count > 0; }).sort(function (a, b) {
            return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
          });
      });
      var decades = new Map();
      hits.forEach(function (o) { var y = self.years[o], d = y - ((y % 10 + 10) % 10); decades.set(d, (decades.get(d) || 0) + 1); });
      counts.year = Array.from(decades.keys()).sort(function (a, b) { return b - a; })
        .map(function (d) {
          // Decades of ISO years: 0 to 9 holds 1 BCE, and -50 to -41 is 51 to 42 BCE.
          var label = d > 0 ? d + 's' : yearLabel(d) + '\u2013' + yearLabel(d + 9);
          return { id: d + '-' + (d + 9), label: label, count: decades.get(d) };
        });
      return counts;
    });
  };

  SearchIndex.prototype.document = function (ordinal) { return this.file('docs/' + ordinal + '.json'); };

  // A few words around the first match: 8 tokens before it, 30 in all, "…" where text was cut.
  function snippet(paragraph, positions) {
    var tokens = tokenize(paragraph), wanted = new Set(positions), chars = Array.from(paragraph);
    var first = tokens.findIndex(function (t) { return wanted.has(t.position); });
    if (first < 0) first = 0;
    var from = Math.max(0, first - WORDS_BEFORE), to = Math.min(tokens.length, from + SNIPPET_LENGTH);
    if (from >= to) return { text: paragraph, highlights: [] };
    var start = from === 0 ? 0 : tokens[from].start, end = to === tokens.length ? chars.length : tokens[to - 1].end;
    var lead = start > 0 ? '…' : '', shift = lead.length - start;
    return {
      text: lead + chars.slice(start, end).join('') + (end < chars.length ? '…' : ''),
      highlights: tokens.slice(from, to).filter(function (t) { return wanted.has(t.position); })
        .map(function (t) { return [t.start + shift, t.end + shift]; })
    };
  }

  // ---- The page: state from the URL, results and facets into the DOM. ----
  var FACETS = [['speaker', 'Speaker'], ['topic', 'Topic'], ['type', 'Type'], ['year', 'Years'], ['list', 'Reading list']];

  function startPage(api) {
    var page = document.querySelector('[data-search-index]');
    if (!page) return;
    var base = page.getAttribute('data-search-index'), documentBase = page.getAttribute('data-document-base');
    var form = page.querySelector('.search-form'), input = form.querySelector('input[name="q"]');
    var layout = page.querySelector('.search-layout'), browse = page.querySelector('.search-browse');
    var status = page.querySelector('.search-status'), list = page.querySelector('.search-results');
    var facetsBox = page.querySelector('.search-facet-groups'), sort = page.querySelector('.search-sort');
    // Beside the results on a wide screen; on a narrow one, where they would come before the first result, folded.
    page.querySelector('.search-facets-box').open = window.matchMedia('(min-width: 48rem)').matches;
    var more = page.querySelector('.search-more');
    var index = null, current = null, shown = 0, generation = 0, timer = null;
    layout.hidden = false;
    browse.hidden = true;

    function load(path) {
      return fetch(base + path).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
    }
    function state() {
      var params = new URLSearchParams(location.search), s = { q: params.get('q') || '', sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
      FACETS.forEach(function (f) { s[f[0]] = params.get(f[0]) || ''; });
      return s;
    }
    function url(s) {
      var params = new URLSearchParams();
      if (s.q) params.set('q', s.q);
      FACETS.forEach(function (f) { if (s[f[0]]) params.set(f[0], s[f[0]]); });
      if (s.sort === 'date') params.set('sort', 'date');
      var text = params.toString();
      return location.pathname + (text ? '?' + text : '');
    }
    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function highlighted(s) {
      var fragment = document.createDocumentFragment(), chars = Array.from(s.text), at = 0;
      s.highlights.forEach(function (h) {
        fragment.appendChild(document.createTextNode(chars.slice(at, h[0]).join('')));
        fragment.appendChild(el('mark', '', chars.slice(h[0], h[1]).join('')));
        at = h[1];
      });
      fragment.appendChild(document.createTextNode(chars.slice(at).join('')));
      return fragment;
    }

    function run(push) {
      var s = state(), mine = ++generation;
      // A printed page names the search it shows: the address with its query, not the bare search page.
      var printedAddress = document.querySelector('.site-footer .print-only');
      if (printedAddress) printedAddress.textContent = location.href;
      input.value = s.q;
      sort.value = s.sort;
      status.textContent = 'Searching…';
      index.search(s.q, s, s.sort).then(function (results) {
        if (mine !== generation) return;
        current = { state: s, results: results };
        shown = 0;
        list.textContent = '';
        renderFacets(s, results.facets);
        var count = results.hits.length;
        status.textContent = results.message && !count ? results.message
          : count + (count === 1 ? ' result' : ' results') + (s.q ? ' for “' + s.q + '”' : '');
        return showMore();
      });
    }

    function showMore() {
      var hits = current.results.hits.slice(shown, shown + PAGE_SIZE), mine = generation;
      shown += hits.length;
      more.hidden = shown >= current.results.hits.length;
      return Promise.all(hits.map(function (hit) { return index.document(hit.ordinal); })).then(function (docs) {
        if (mine !== generation) return;
        docs.forEach(function (doc, i) { if (doc) list.appendChild(renderHit(index.paragraphs(current.results, doc), doc)); });
      });
    }

    function renderHit(paragraphHits, doc) {
      var item = el('li', 'search-hit'), heading = el('h2'), link = el('a', '', doc.title);
      link.href = documentBase + doc.id + '/';
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(el('p', 'meta', [doc.date, doc.type, doc.speakers.join(', ')].filter(Boolean).join(' · ')));
      if (paragraphHits.length) {
        var paragraphs = el('ul', 'search-paragraphs');
        paragraphHits.forEach(function (p) {
          var row = doc.paragraphs.find(function (r) { return r[0] === p.number; });
          if (!row) return;
          var li = el('li'), anchor = el('a', 'search-pinpoint', p.number ? '¶' + p.number : 'Summary');
          anchor.href = documentBase + doc.id + '/' + (p.number ? '#p' + p.number : '');
          li.appendChild(anchor);
          li.appendChild(document.createTextNode(' '));
          if (row[1]) { li.appendChild(el('span', 'search-speaker', row[1] + ':')); li.appendChild(document.createTextNode(' ')); }
          li.appendChild(highlighted(snippet(row[2], p.positions)));
          paragraphs.appendChild(li);
        });
        item.appendChild(paragraphs);
      }
      return item;
    }

    function renderFacets(s, facets) {
      facetsBox.textContent = '';
      FACETS.forEach(function (f) {
        var values = facets[f[0]] || [];
        var active = s[f[0]];
        if (!values.length && !active) return;
        var group = el('section', 'search-facet'), heading = el('h2', '', f[1]), ul = el('ul');
        group.appendChild(heading);
        if (active && !values.some(function (v) { return v.id === active; })) values = [{ id: active, label: active, count: 0 }].concat(values);
        values.forEach(function (v) {
          var next = Object.assign({}, s);
          next[f[0]] = active === v.id ? '' : v.id;
          var li = el('li'), a = el('a', '', v.label);
          a.href = url(next);
          if (active === v.id) { a.setAttribute('aria-current', 'true'); a.title = 'Remove this filter'; }
          li.appendChild(a);
          li.appendChild(el('span', 'count', ' (' + v.count + ')'));
          ul.appendChild(li);
        });
        group.appendChild(ul);
        facetsBox.appendChild(group);
      });
    }

    function navigate(s, replace) {
      history[replace ? 'replaceState' : 'pushState'](null, '', url(s));
      run();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      var s = state();
      s.q = input.value;
      navigate(s, false);
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { var s = state(); s.q = input.value; navigate(s, true); }, 200);
    });
    sort.addEventListener('change', function () { var s = state(); s.sort = sort.value; navigate(s, false); });
    facetsBox.addEventListener('click', function (event) {
      var a = event.target.closest('a');
      if (!a || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      history.pushState(null, '', a.getAttribute('href'));
      run();
    });
    more.addEventListener('click', function () { showMore(); });
    window.addEventListener('popstate', run);

    SearchIndex.open(load).then(function (opened) { index = opened; run(); }, function (error) {
      status.textContent = error.message;
      browse.hidden = false;
    });
  }

  var api = { tokenize: tokenize, fold: fold, parseQuery: parseQuery, wordKey: wordKey, shardOf: shardOf, shardPath: shardPath,
              pairShardPath: pairShardPath, pairKey: pairKey, impact: impact, SearchIndex: SearchIndex, snippet: snippet, parseYears: parseYears };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined') document.addEventListener('DOMContentLoaded', function () { startPage(api); });
  root.ScholiaSearch = api;
})(typeof window !== 'undefined' ? window : globalThis);
