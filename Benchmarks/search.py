#!/usr/bin/env python3
"""Search benchmarks, Scholia's index side by side with Pagefind's on the same built site, in one run.

    python3 Benchmarks/search.py [--docs 3000] [--bytes-docs 10000] [--queries 50] [--keep]

Needs: a release build (swift build -c release --product scholia), node, /usr/bin/time, pip
'pagefind[bin]' (1.5.2), and for Pagefind's recall, chromium + chromium-driver + selenium.

1. Index time and peak memory at --docs documents (Benchmarks/generate_corpus.py). Scholia's index is made
   inside the build, so "added" is `scholia search` (load + make the index in memory) minus
   `scholia check` (load only); the full `scholia build` is shown too. Pagefind runs on the built Public/.
2. Bytes fetched per query, cold, gzip (level 6), median over --queries queries on --bytes-docs documents:
   every index file search.js reads for the query and the display data of the ten documents shown.
3. Recall@3 on a known-answer set from the --docs corpus: for random paragraphs N of documents D, a
   3–6-word window found in no other paragraph (as a quoted phrase and as plain words) and a word found in
   no other paragraph; a hit is D#pN among the top 3 documents with N among D's shown paragraphs.
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


def timed(command, cwd=None):
    """(wall seconds, peak RSS MiB) of a command under GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def scholia_binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    binary = os.path.join(path, "scholia")
    if not os.path.exists(binary):
        sys.exit("build it first: swift build -c release --product scholia")
    return binary


def generate(count, folder):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder], check=True, capture_output=True)
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


def known_answers(site, count, rng):
    """[(query, document id, paragraph, kind)]: unique windows as phrases and as words, and unique words."""
    all_paragraphs = list(paragraphs(site))
    sample = rng.sample(all_paragraphs, min(len(all_paragraphs), count * 4))
    candidates = {}
    for index, (_, _, text) in enumerate(sample):
        tokens = words(text)
        for size in (6, 5, 4, 3):
            for start in range(0, max(0, len(tokens) - size + 1), 2):
                candidates.setdefault(tuple(tokens[start:start + size]), set()).add(index)
    seen = {gram: 0 for gram in candidates}
    word_seen = {}
    for _, _, text in all_paragraphs:
        tokens = words(text)
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
        if count_seen != 1:
            continue
        index = min(candidates[gram])
        if index in used:
            continue
        used.add(index)
        document, number, _ = sample[index]
        answers.append(('"' + " ".join(gram) + '"', document, number, "phrase, quoted"))
        answers.append((" ".join(gram) + " ", document, number, "phrase, unquoted"))
        if len(used) >= count:
            break
    rare = 0
    for document, number, text in sample:
        unique = [w for w in words(text) if word_seen.get(w) == 1 and len(w) > 3]
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
    driver.set_script_timeout(60)
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/404.html")
        results = driver.execute_async_script("""
            const [queries, done] = arguments;
            (async () => {
              const pagefind = await import('/pagefind/pagefind.js');
              await pagefind.init();
              const out = [];
              for (const q of queries) {
                const search = await pagefind.search(q);
                const top = await Promise.all(search.results.slice(0, 3).map(r => r.data()));
                out.push(top.map(d => d.url));
              }
              done(out);
            })().catch(e => done(String(e)));
        """, queries)
    finally:
        driver.quit()
        server.shutdown()
    if isinstance(results, str):
        sys.exit("pagefind search failed: " + results)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--bytes-docs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--answers", type=int, default=120, help="paragraphs in the known-answer set (each gives 2 or 3 queries)")
    parser.add_argument("--keep", action="store_true")
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
        generate(arguments.docs, site)
        build_wall, build_rss = timed([scholia, "build", "--site", site, "--quiet"])
        check_wall, check_rss = timed([scholia, "check", "--site", site])
        search_wall, search_rss = timed([scholia, "search", "--site", site, "zzzz"])
        shutil.rmtree(os.path.join(site, "Public/pagefind"), ignore_errors=True)
        pagefind_wall, pagefind_rss = timed([sys.executable, "-m", "pagefind", "--site", os.path.join(site, "Public")])
        index_files = sum(len(files) for _, _, files in os.walk(os.path.join(site, "Public/search")))
        index_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(site, "Public/search")) for f in fs)
        pagefind_files = sum(len(files) for _, _, files in os.walk(os.path.join(site, "Public/pagefind")))
        pagefind_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(site, "Public/pagefind")) for f in fs)
        # `check` validates more than `search` loads, so the two are shown side by side, not subtracted.
        rows.append((f"index {arguments.docs} docs: time", f"search (load + index) {search_wall:.2f} s; check (load) {check_wall:.2f} s; whole build {build_wall:.2f} s", f"{pagefind_wall:.2f} s"))
        rows.append((f"index {arguments.docs} docs: peak memory", f"search {search_rss:.0f} MB; check {check_rss:.0f} MB; build {build_rss:.0f} MB", f"{pagefind_rss:.0f} MB"))
        rows.append((f"index {arguments.docs} docs: output", f"{index_files} files, {index_bytes / 1e6:.1f} MB", f"{pagefind_files} files, {pagefind_bytes / 1e6:.1f} MB"))

        answers = known_answers(site, arguments.answers, rng)
        found = run_queries(site, [query for query, _, _, _ in answers])
        recall = {}
        for (query, document, number, kind), result in zip(answers, found):
            ok = any(hit["id"] == document and number in hit["paragraphs"] for hit in result["hits"])
            recall.setdefault(kind, []).append(ok)
        pagefind = pagefind_top3(site, [query for query, _, _, _ in answers])
        pagefind_recall = {}
        for (query, document, _, kind), urls in zip(answers, pagefind):
            pagefind_recall.setdefault(kind, []).append(any(f"/documents/{document}/" in url for url in urls))
        for kind in recall:
            rows.append((f"recall@3, {kind} ({len(recall[kind])} queries)",
                         f"{sum(recall[kind]) / len(recall[kind]):.3f} (D#pN)",
                         f"{sum(pagefind_recall[kind]) / len(pagefind_recall[kind]):.3f} (D only)"))

        big = os.path.join(work, f"site-{arguments.bytes_docs}")
        generate(arguments.bytes_docs, big)
        big_wall, big_rss = timed([scholia, "build", "--site", big, "--quiet"])
        big_check, big_check_rss = timed([scholia, "check", "--site", big])
        big_search, big_search_rss = timed([scholia, "search", "--site", big, "zzzz"])
        rows.append((f"index {arguments.bytes_docs} docs: time, memory",
                     f"search {big_search:.1f} s, {big_search_rss:.0f} MB; check {big_check:.1f} s, {big_check_rss:.0f} MB; build {big_wall:.1f} s, {big_rss:.0f} MB", "not run"))
        big_answers = known_answers(big, arguments.queries, random.Random(2))
        queries = [query for query, _, _, kind in big_answers if kind != "phrase, unquoted"][:arguments.queries]
        sizes = []
        for result in run_queries(big, queries):
            sizes.append(sum(gzip_size(os.path.join(big, "Public/search", path)) for path in result["files"]))
        script = gzip_size(os.path.join(big, "Public/assets/search.js"))
        rows.append((f"bytes per query, {arguments.bytes_docs} docs, cold, gzip (median of {len(sizes)})",
                     f"{statistics.median(sizes) / 1024:.1f} KB (max {max(sizes) / 1024:.1f} KB; + search.js {script / 1024:.1f} KB once)", "~100–300 KB claimed"))
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
