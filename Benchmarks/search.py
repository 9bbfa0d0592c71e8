#!/usr/bin/env python3
"""Search benchmarks, Scholia's index side by side with Pagefind's on the same built site, in one run.

    python3 Benchmarks/search.py [--docs 3000] [--bytes-docs 10000] [--queries 50] [--text zipf|templates] [--keep]

Needs: a release build (swift build -c release --product scholia, or SCHOLIA_BIN=path), node, /usr/bin/time, pip
'pagefind[bin]' (1.5.2), and for Pagefind's recall, chromium + chromium-driver + selenium.

1. Index time and peak memory at --docs documents (Benchmarks/generate_corpus.py --text zipf: unique
   sentences from a Zipf vocabulary). Scholia's index is made inside the build, so "added" is a clean
   `scholia build` minus a clean build with SCHOLIA_SEARCH_INDEX=off (best of --repeat each, alternating).
   Pagefind runs on the built Public/.
2. Bytes fetched per query, cold, gzip (level 6), median over --queries known-answer queries on --bytes-docs
   documents (quoted phrases, the same words unquoted, and rare words, in turn):
   every index file search.js reads for the query and the display data of the ten documents shown, with
   the median and maximum of each part of the index (index.json, words/, terms/, docs/, …).
3. Recall@3 on a known-answer set from the --docs corpus: for random paragraphs N of documents D, a
   3–6-word window with at least two indexed words, found in no other paragraph (as a quoted phrase and
   as plain words) and a word found in
   no other paragraph, both compared by stems (read from the index's words files), as the index sees text; a hit is D#pN among the top 3 documents with N among D's shown paragraphs.
   Pagefind, which has no paragraph hits, is scored by D among its top 3 pages.
"""

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(command, cwd=None, env=None):
    """(wall seconds, peak RSS MiB) of a command under GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd, capture_output=True, text=True,
                            env=dict(os.environ, **(env or {})))
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def clean_build(scholia, site, with_index, output):
    """A build from nothing (no cache, a new output folder), with or without the search index
    (SCHOLIA_SEARCH_INDEX=off). Old outputs are removed only at the end: files deleted just before a build
    slow the creation of new ones on ext4, and would tax the build that writes more files."""
    shutil.rmtree(os.path.join(site, ".scholia-cache"), ignore_errors=True)
    return timed([scholia, "build", "--site", site, "--output", output, "--quiet"], env={} if with_index else {"SCHOLIA_SEARCH_INDEX": "off"})


def index_part(path):
    """Which part of the index a file is, for the bytes breakdown: its folder, or the file itself at the top."""
    return path.split("/")[0] if "/" in path else path


def scholia_binary():
    if os.environ.get("SCHOLIA_BIN"):
        return os.environ["SCHOLIA_BIN"]
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    binary = os.path.join(path, "scholia")
    if not os.path.exists(binary):
        sys.exit("build it first: swift build -c release --product scholia")
    return binary


def generate(count, folder, text):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder, "--text", text], check=True, capture_output=True)
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))


def words(text):
    folded = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()
    return re.findall(r"[^\W_]+", folded)


def paragraphs(site):
    """(id, number, text) of every paragraph, from the built index's display data (Scholia's own numbering)."""
    folder = os.path.join(site, "Public/search/docs")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            document = json.load(file)
        for number, _speaker, text in document["paragraphs"]:
            if number > 0:
                yield document["id"], number, text


def stem_map(site):
    """Every indexed word → its stem, from the site's own words files (so no stemmer is needed here)."""
    stems = {}
    folder = os.path.join(site, "Public/search/words")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            for entry in json.load(file):
                surface, stem = (entry, entry) if isinstance(entry, str) else entry
                stems[surface] = stem
    return stems


def known_answers(site, count, rng):
    """[(query, document id, paragraph, kind)]: windows found in no other paragraph as phrases and as words,
    and words found in no other paragraph; "found" as the index sees text: words by their stems."""
    stems = stem_map(site)
    with open(os.path.join(site, "Public/search/index.json"), encoding="utf-8") as file:
        stop_words = set(json.load(file)["stopWords"])

    def stemmed(text):
        return [stems.get(word, word) for word in words(text)]

    all_paragraphs = list(paragraphs(site))
    sample = rng.sample(all_paragraphs, min(len(all_paragraphs), count * 4))
    candidates = {}
    for index, (_, _, text) in enumerate(sample):
        tokens = stemmed(text)
        for size in (6, 5, 4, 3):
            for start in range(0, max(0, len(tokens) - size + 1), 2):
                candidates.setdefault(tuple(tokens[start:start + size]), {}).setdefault(index, start)
    seen = {gram: 0 for gram in candidates}
    word_seen = {}
    for _, _, text in all_paragraphs:
        tokens = stemmed(text)
        for word in set(tokens):
            word_seen[word] = word_seen.get(word, 0) + 1
        grams = set()
        for size in (3, 4, 5, 6):
            for start in range(len(tokens) - size + 1):
                gram = tuple(tokens[start:start + size])
                if gram in seen:
                    grams.add(gram)
        for gram in grams:
            seen[gram] += 1
    answers = []
    used = set()
    for gram, count_seen in sorted(seen.items(), key=lambda item: (-len(item[0]), item[0])):
        # A window the index sees as one word (the rest stop words) is not a phrase to it.
        if count_seen != 1 or sum(1 for word in gram if word not in stop_words) < 2:
            continue
        index = min(candidates[gram])
        if index in used:
            continue
        used.add(index)
        document, number, text = sample[index]
        start = candidates[gram][index]
        surface = words(text)[start:start + len(gram)]
        answers.append(('"' + " ".join(surface) + '"', document, number, "phrase, quoted"))
        answers.append((" ".join(surface) + " ", document, number, "phrase, unquoted"))
        if len(used) >= count:
            break
    rare = 0
    for document, number, text in sample:
        unique = [w for w in words(text) if word_seen.get(stems.get(w, w)) == 1 and len(w) > 3]
        if unique and rare < count // 2:
            answers.append((unique[0] + " ", document, number, "rare word"))
            rare += 1
    return answers


def run_queries(site, queries):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(queries, file)
    result = subprocess.run(["node", os.path.join(HERE, "search_queries.js"), os.path.join(site, "Public/search"), file.name],
                            check=True, capture_output=True, text=True)
    os.unlink(file.name)
    return json.loads(result.stdout)


def gzip_size(path, cache={}):
    if path not in cache:
        with open(path, "rb") as file:
            cache[path] = len(gzip.compress(file.read(), compresslevel=6))
    return cache[path]


def pagefind_top3(site, queries):
    """Pagefind's top 3 page URLs per query, from its own search code in headless chromium."""
    import functools
    import http.server
    import threading
    from selenium import webdriver

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=os.path.join(site, "Public")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(1800)
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/404.html")
        ready = driver.execute_async_script("""
            const done = arguments[0];
            import('/pagefind/pagefind.js').then(async (pagefind) => { await pagefind.init(); window.benchPagefind = pagefind; done(true); })
              .catch((e) => done(String(e)));
        """)
        if ready is not True:
            sys.exit("pagefind did not load: " + str(ready))
        # In batches: one long script would outlast the driver's HTTP timeout on a busy machine.
        results = []
        for start in range(0, len(queries), 20):
            batch = driver.execute_async_script("""
                const [queries, done] = arguments;
                (async () => {
                  const out = [];
                  for (const q of queries) {
                    const search = await window.benchPagefind.search(q);
                    const top = await Promise.all(search.results.slice(0, 3).map(r => r.data()));
                    out.push(top.map(d => d.url));
                  }
                  done(out);
                })().catch(e => done(String(e)));
            """, queries[start:start + 20])
            if isinstance(batch, str):
                sys.exit("pagefind search failed: " + batch)
            results += batch
    finally:
        driver.quit()
        server.shutdown()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--bytes-docs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--answers", type=int, default=120, help="paragraphs in the known-answer set (each gives 2 or 3 queries)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--text", choices=["zipf", "templates"], default="zipf",
                        help="the corpus's prose (generate_corpus.py --text): zipf (unique sentences) or the old templates")
    parser.add_argument("--no-pagefind", action="store_true", help="leave Pagefind out (its columns then read 0)")
    parser.add_argument("--repeat", type=int, default=2, help="builds with and without the index at --docs, best of")
    arguments = parser.parse_args()
    scholia = scholia_binary()
    work = tempfile.mkdtemp(prefix="scholia-search-bench-")
    rng = random.Random(1)
    rows = []

    class Rows(list):
        """Each row is printed as soon as it is measured, and the table again at the end."""
        def append(self, row):
            super().append(row)
            print(" | ".join(row), flush=True)

    rows = Rows()
    try:
        site = os.path.join(work, f"site-{arguments.docs}")
        generate(arguments.docs, site, arguments.text)
        # Builds without and with the index, alternating, the best of --repeat each (the machine is shared).
        without, with_index = [], []
        for run in range(arguments.repeat):
            without.append(clean_build(scholia, site, False, os.path.join(work, f"without-{run}")))
            last = run == arguments.repeat - 1
            with_index.append(clean_build(scholia, site, True, os.path.join(site, "Public") if last else os.path.join(work, f"with-{run}")))
        bare_wall, bare_rss = min(w for w, _ in without), min(r for _, r in without)
        build_wall, build_rss = min(w for w, _ in with_index), min(r for _, r in with_index)
        shutil.rmtree(os.path.join(site, "Public/pagefind"), ignore_errors=True)
        pagefind_wall, pagefind_rss = (0, 0) if arguments.no_pagefind else timed([sys.executable, "-m", "pagefind", "--site", os.path.join(site, "Public")])
        index_files = sum(len(files) for _, _, files in os.walk(os.path.join(site, "Public/search")))
        index_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(site, "Public/search")) for f in fs)
        pagefind_files = sum(len(files) for _, _, files in os.walk(os.path.join(site, "Public/pagefind")))
        pagefind_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(site, "Public/pagefind")) for f in fs)
        rows.append((f"index {arguments.docs} docs: time added to the build", f"{build_wall - bare_wall:+.2f} s (build {build_wall:.2f} s with, {bare_wall:.2f} s without)", f"{pagefind_wall:.2f} s (after the build)"))
        rows.append((f"index {arguments.docs} docs: peak memory added", f"{build_rss - bare_rss:+.0f} MB (build {build_rss:.0f} MB with, {bare_rss:.0f} MB without)", f"{pagefind_rss:.0f} MB"))
        rows.append((f"index {arguments.docs} docs: output", f"{index_files} files, {index_bytes / 1e6:.1f} MB", f"{pagefind_files} files, {pagefind_bytes / 1e6:.1f} MB"))

        answers = known_answers(site, arguments.answers, rng)
        found = run_queries(site, [query for query, _, _, _ in answers])
        recall = {}
        for (query, document, number, kind), result in zip(answers, found):
            ok = any(hit["id"] == document and number in hit["paragraphs"] for hit in result["hits"])
            recall.setdefault(kind, []).append(ok)
        pagefind = [[]] * len(answers) if arguments.no_pagefind else pagefind_top3(site, [query for query, _, _, _ in answers])
        pagefind_recall = {}
        for (query, document, _, kind), urls in zip(answers, pagefind):
            pagefind_recall.setdefault(kind, []).append(any(f"/documents/{document}/" in url for url in urls))
        for kind in recall:
            rows.append((f"recall@3, {kind} ({len(recall[kind])} queries)",
                         f"{sum(recall[kind]) / len(recall[kind]):.3f} (D#pN)",
                         f"{sum(pagefind_recall[kind]) / len(pagefind_recall[kind]):.3f} (D only)"))

        big = os.path.join(work, f"site-{arguments.bytes_docs}")
        generate(arguments.bytes_docs, big, arguments.text)
        big_bare, big_bare_rss = clean_build(scholia, big, False, os.path.join(work, "big-without"))
        big_wall, big_rss = clean_build(scholia, big, True, os.path.join(big, "Public"))
        big_files = sum(len(files) for _, _, files in os.walk(os.path.join(big, "Public/search")))
        big_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(big, "Public/search")) for f in fs)
        rows.append((f"index {arguments.bytes_docs} docs: time, memory added",
                     f"{big_wall - big_bare:+.1f} s, {big_rss - big_bare_rss:+.0f} MB (build {big_wall:.1f} s, {big_rss:.0f} MB; without {big_bare:.1f} s, {big_bare_rss:.0f} MB); {big_files} files, {big_bytes / 1e6:.0f} MB", "not run"))
        big_answers = known_answers(big, arguments.queries, random.Random(2))
        # The three kinds in turn: quoted phrases, the same words unquoted (all required), single rare words.
        by_kind = {}
        for query, _, _, kind in big_answers:
            by_kind.setdefault(kind, []).append(query)
        mixed = [(query, kind) for group in zip(*by_kind.values()) for query, kind in zip(group, by_kind)]
        mixed = mixed[:arguments.queries]
        sizes, parts, kinds = [], {}, {}
        for (_, query_kind), result in zip(mixed, run_queries(big, [query for query, _ in mixed])):
            sizes.append(sum(gzip_size(os.path.join(big, "Public/search", path)) for path in result["files"]))
            kinds.setdefault(query_kind, []).append(sizes[-1])
            split = {}
            for path in result["files"]:
                if os.path.exists(os.path.join(big, "Public/search", path)):
                    split[index_part(path)] = split.get(index_part(path), 0) + gzip_size(os.path.join(big, "Public/search", path))
            for name in set(parts) | set(split):
                parts.setdefault(name, []).append(split.get(name, 0))
        script = gzip_size(os.path.join(big, "Public/assets/search.js"))
        rows.append((f"bytes per query, {arguments.bytes_docs} docs, cold, gzip (median of {len(sizes)})",
                     f"{statistics.median(sizes) / 1024:.1f} KB (max {max(sizes) / 1024:.1f} KB; + search.js {script / 1024:.1f} KB once)", "~100–300 KB claimed"))
        rows.append(("  median by kind of query", "; ".join(f"{kind} {statistics.median(values) / 1024:.1f} KB ({len(values)})" for kind, values in kinds.items()), ""))
        for name in sorted(parts):
            values = parts[name] + [0] * (len(sizes) - len(parts[name]))
            rows.append((f"  of which {name} (median, max)", f"{statistics.median(values) / 1024:.1f} KB, {max(values) / 1024:.1f} KB", ""))
    finally:
        if arguments.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"| {'':{width}} | Scholia | Pagefind 1.5.2 |")
    print(f"| {'-' * width} | --- | --- |")
    for row in rows:
        print(f"| {row[0]:{width}} | {row[1]} | {row[2]} |")


if __name__ == "__main__":
    main()
