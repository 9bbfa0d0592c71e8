"""Browser tests of the search page (Selenium, headless Debian chromium + chromium-driver), self-contained:
builds the sample site under a sub-path into a temporary folder, serves it with http.server, types queries.

    apt-get install chromium chromium-driver nodejs && pip install selenium pytest
    swift build && python3 -m pytest Tests/Browser/test_search.py

SCHOLIA_BIN overrides the binary (default .build/debug/scholia).
"""

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import urllib.parse

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHOLIA = os.environ.get("SCHOLIA_BIN", os.path.join(ROOT, ".build/debug/scholia"))
SUB = "/hist210/"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    port = free_port()
    folder = tempfile.mkdtemp(prefix="scholia-search-")
    output = os.path.join(folder, SUB.strip("/"))
    subprocess.run([SCHOLIA, "build", "--site", ROOT, "--output", output, "--base-url", f"http://127.0.0.1:{port}{SUB}", "--quiet"],
                   check=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"base": f"http://127.0.0.1:{port}{SUB}", "output": output}
    server.shutdown()
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def status(browser):
    return browser.find_element(By.CSS_SELECTOR, ".search-status").text


def wait_for_status(browser, predicate):
    WebDriverWait(browser, 10).until(lambda b: predicate(status(b)) and "Searching" not in status(b))
    return status(browser)


def open_search(browser, site, query=""):
    browser.get(site["base"] + "search/" + query)
    return wait_for_status(browser, lambda text: "result" in text or "No results" in text or "words" in text)


def hits(browser):
    return browser.find_elements(By.CSS_SELECTOR, ".search-hit")


def query_params(browser):
    return urllib.parse.parse_qs(urllib.parse.urlparse(browser.current_url).query)


def test_a_query_in_the_url_shows_paragraph_hits(browser, site):
    text = open_search(browser, site, "?q=chemical+weapons")
    assert text == "1 result for “chemical weapons”"
    WebDriverWait(browser, 10).until(lambda b: hits(b))
    hit = hits(browser)[0]
    assert hit.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href") == site["base"] + "documents/kerry-lavrov-press-conference-2013-05-07/"
    pinpoints = [a.get_attribute("href") for a in hit.find_elements(By.CSS_SELECTOR, ".search-pinpoint")]
    assert pinpoints and all("#p" in href for href in pinpoints)
    assert site["base"] + "documents/kerry-lavrov-press-conference-2013-05-07/#p4" in pinpoints
    assert {mark.text.lower() for mark in hit.find_elements(By.CSS_SELECTOR, "mark")} == {"chemical", "weapons"}
    assert "John F. Kerry:" in hit.find_element(By.CSS_SELECTOR, ".search-speaker").text
    assert browser.find_element(By.ID, "search-query").get_attribute("value") == "chemical weapons"


def test_facets_are_shown_before_a_query_and_combine(browser, site):
    text = open_search(browser, site)
    assert text == "7 results"
    facets = browser.find_elements(By.CSS_SELECTOR, ".search-facet")
    assert [f.find_element(By.TAG_NAME, "h2").text for f in facets] == ["Speaker", "Topic", "Type", "Years", "Reading list"]
    kennedy = browser.find_element(By.XPATH, "//section[@class='search-facet'][h2='Speaker']//a[normalize-space()='John F. Kennedy']")
    kennedy.click()
    assert wait_for_status(browser, lambda t: t != "7 results") == "2 results"
    assert query_params(browser) == {"speaker": ["john-f-kennedy"]}
    browser.find_element(By.XPATH, "//section[@class='search-facet'][h2='Type']//a[normalize-space()='Debate']").click()
    assert wait_for_status(browser, lambda t: t != "2 results") == "1 result"
    assert query_params(browser) == {"speaker": ["john-f-kennedy"], "type": ["debate"]}
    browser.back()
    assert wait_for_status(browser, lambda t: t != "1 result") == "2 results"


def test_on_a_phone_the_first_result_comes_before_the_facets(browser, site):
    browser.set_window_size(390, 844)
    try:
        open_search(browser, site, "?q=chemical+weapons")
        WebDriverWait(browser, 10).until(lambda b: hits(b))
        first_hit = hits(browser)[0].rect
        summary = browser.find_element(By.CSS_SELECTOR, ".search-facets summary")
        assert not browser.find_element(By.CSS_SELECTOR, ".search-facet").is_displayed()
        # Within the first screenful (the unfolded facets of the sample site alone are taller than that).
        assert first_hit["y"] + 40 < 844, first_hit
        summary.click()
        assert browser.find_element(By.CSS_SELECTOR, ".search-facet").is_displayed()
    finally:
        browser.set_window_size(1200, 900)


def test_a_year_range_and_sort_by_date_come_from_the_url(browser, site):
    open_search(browser, site, "?year=1950-1969&sort=date")
    WebDriverWait(browser, 10).until(lambda b: len(hits(b)) == 4)
    dates = [h.find_element(By.CSS_SELECTOR, ".meta").text for h in hits(browser)]
    assert [d.split(",")[1][:5].strip() for d in dates] == ["1961", "1960", "1954", "1950"]
    assert browser.find_element(By.CSS_SELECTOR, ".search-sort").get_attribute("value") == "date"


def test_a_printed_search_names_its_query_and_hides_the_controls(browser, site):
    open_search(browser, site, "?q=war+peace&sort=date")
    WebDriverWait(browser, 10).until(lambda b: len(hits(b)) == 3)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        address = browser.find_element(By.CSS_SELECTOR, ".site-footer .print-only")
        assert address.is_displayed()
        assert urllib.parse.parse_qs(urllib.parse.urlparse(address.text).query) == {"q": ["war peace"], "sort": ["date"]}
        assert not browser.find_element(By.CSS_SELECTOR, ".search-sort").is_displayed()
        assert not browser.find_element(By.ID, "search-query").is_displayed()
        assert all(hit.is_displayed() for hit in hits(browser))
        assert status(browser) == "3 results for “war peace”"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_typing_searches_with_the_last_word_as_a_prefix_and_updates_the_url(browser, site):
    open_search(browser, site)
    box = browser.find_element(By.ID, "search-query")
    box.send_keys("communiq")
    assert wait_for_status(browser, lambda t: "communiq" in t) == "1 result for “communiq”"
    assert query_params(browser) == {"q": ["communiq"]}


def test_the_keyboard_path_from_the_header_box_to_a_paragraph(browser, site):
    browser.get(site["base"])
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(20):
        body.send_keys(Keys.TAB) if browser.switch_to.active_element == body else browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == "site-search-query":
            break
    assert browser.switch_to.active_element.get_attribute("id") == "site-search-query"
    browser.switch_to.active_element.send_keys("ask not", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/search/" in b.current_url)
    wait_for_status(browser, lambda t: "result" in t)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".search-pinpoint"))
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if "search-pinpoint" in (browser.switch_to.active_element.get_attribute("class") or ""):
            break
    assert "#p" in browser.switch_to.active_element.get_attribute("href")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/documents/kennedy-inaugural-address-1961-01-20/#p" in b.current_url)


@pytest.mark.parametrize("query, expected", [
    ("-", "The query has no words to search for."),
    ("the of", "Only very common words were typed (the, of); they are not indexed. Add a more distinctive word."),
    ('"unbalanced quote', "No results."),
    (".*[a-z]+(", "No results."),
    ("مرحبا", "No results."),
    ("中华人民", "No results."),
    ("x" * 10_000, "The query has no words to search for."),
], ids=["dash", "stop-words", "unbalanced-quote", "regex", "rtl", "cjk", "10kb"])
def test_bad_input_gives_a_message(browser, site, query, expected):
    browser.get(site["base"] + "search/?q=" + urllib.parse.quote(query))
    assert wait_for_status(browser, lambda t: t == expected) == expected
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]
    assert errors == []


def test_speaker_pages_search_within_the_speaker(browser, site):
    browser.get(site["base"] + "speakers/john-f-kennedy/")
    box = browser.find_element(By.CSS_SELECTOR, ".search-within input[name='q']")
    box.send_keys("country", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "/search/" in b.current_url)
    assert query_params(browser) == {"speaker": ["john-f-kennedy"], "q": ["country"]}
    wait_for_status(browser, lambda t: "result" in t)
    assert browser.find_element(By.CSS_SELECTOR, ".search-facet a[aria-current]").text == "John F. Kennedy"


def test_without_javascript_the_page_offers_lists(site):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        driver.get(site["base"] + "search/?q=anything")
        assert "Search needs JavaScript" in driver.find_element(By.TAG_NAME, "body").text
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-browse a")]
        assert site["base"] + "speakers/john-kerry/" in links
        assert site["base"] + "topics/cold-war/" in links
        assert site["base"] + "years/1961/" in links
    finally:
        driver.quit()


PARITY_QUERIES = ["chemical weapons", '"chemical weapons"', "communique", "communiq", "ask not", "war -korea", "the of", "-",
                  '"unbalanced', "freedom liberty", "nation", "president", "Geneva", "中华人民", "ask not what your country",
                  "let us never negotiate out of fear but let us never fear to negotiate", "cold war", "war cold"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_script_and_the_cli_find_the_same_hits(site):
    script = subprocess.run(["node", os.path.join(ROOT, "Tests/Browser/search_parity.js"), os.path.join(site["output"], "search")] + PARITY_QUERIES,
                            check=True, capture_output=True, text=True)
    javascript = json.loads(script.stdout)
    for query, from_script in zip(PARITY_QUERIES, javascript):
        cli = json.loads(subprocess.run([SCHOLIA, "search", "--site", ROOT, "--format", "json", "--", query],
                                        check=True, capture_output=True, text=True).stdout)
        assert from_script["count"] == cli["count"], query
        assert from_script["message"] == cli.get("message"), query
        assert [(h["id"], h["paragraphs"]) for h in from_script["hits"]] == [(h["id"], [p["number"] for p in h["paragraphs"]]) for h in cli["hits"]], query
        assert [h["snippets"] for h in from_script["hits"]] == [[p["snippet"] for p in h["paragraphs"]] for h in cli["hits"]], query


YEAR_FILTERS = {"1962": [1962, 1962], "1960-1969": [1960, 1969], "44 BCE": [-43, -43], "44-bce": [-43, -43], "44 bc": [-43, -43],
                "-43": [-43, -43], "100 BCE-44 BCE": [-99, -43], "-99--43": [-99, -43], "1969-1960": None, "0 BCE": None, "bce": None}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_script_reads_years_before_1_ce_as_the_cli_does():
    # ISO years: 44 BCE is -43. The CLI's --year reads the same forms (Tests/SearchTests/YearFilterTests.swift).
    code = ("const api = require(process.argv[1]); const out = {};"
            "for (const t of JSON.parse(process.argv[2])) out[t] = api.parseYears(t);"
            "process.stdout.write(JSON.stringify(out));")
    script = subprocess.run(["node", "-e", code, os.path.join(ROOT, "Templates/assets/search.js"), json.dumps(list(YEAR_FILTERS))],
                            check=True, capture_output=True, text=True)
    assert json.loads(script.stdout) == YEAR_FILTERS


# The same cases as Tests/SearchTests/QueryTests.swift (stop words "the", "of", "a"): words typed side by side.
NEARBY = {"state of the union address ": [["state", 0, "union", 3], ["union", 0, "address", 1]],
          "cold — war ": [["cold", 0, "war", 1]],
          "cold war": [["cold", 0, "war", 1]],
          "cold -war iron ": [], 'cold "iron curtain" war ': [], "cold post-war iron ": [], "cold ": [],
          "one two three four five six seven eight ": [["one", 0, "two", 1], ["two", 0, "three", 1], ["three", 0, "four", 1],
                                                       ["four", 0, "five", 1], ["five", 0, "six", 1]]}


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_script_pairs_words_typed_side_by_side_as_the_cli_does():
    code = ("const api = require(process.argv[1]); const out = {};"
            "for (const t of JSON.parse(process.argv[2])) out[t] = api.parseQuery(t, new Set(['the', 'of', 'a'])).nearby"
            ".map((p) => [p.phrase[0].text, p.phrase[0].offset, p.phrase[1].text, p.phrase[1].offset]);"
            "process.stdout.write(JSON.stringify(out));")
    script = subprocess.run(["node", "-e", code, os.path.join(ROOT, "Templates/assets/search.js"), json.dumps(list(NEARBY))],
                            check=True, capture_output=True, text=True)
    assert json.loads(script.stdout) == NEARBY
