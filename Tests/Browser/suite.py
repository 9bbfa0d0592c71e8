#!/usr/bin/env python3
"""The browser suite: builds the sample site and a generated stress site, serves them under sub-paths, and checks
every page in headless Chromium at six widths with JavaScript on and off, runs axe-core on every page type, walks
the seed document by keyboard, and proves each check can fail on its deliberately broken page (broken/).

Usage: suite.py --scholia PATH --axe PATH/axe.min.js [--repo DIR]. Exit status 0 when everything holds."""
import argparse
import base64
import collections
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import browser
import generate_site

SEED_DOCUMENT = "documents/kerry-lavrov-press-conference-2013-05-07/"


def build(scholia, site, output, base_url):
    subprocess.run([scholia, "build", "--site", str(site), "--output", str(output), "--base-url", base_url, "--quiet"],
                   check=True)


def pages_of(output: Path, base: str):
    """Every HTML page of a built site as (URL, page type)."""
    pages = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        url = base + (relative[:-len("index.html")] if relative.endswith("index.html") else relative)
        parts = relative.split("/")
        if len(parts) == 1:
            kind = "home" if relative == "index.html" else relative
        elif len(parts) == 2:
            kind = parts[0]
        else:
            kind = f"{parts[0]}/page" if parts[1] == "page" else f"{parts[0]}/item"
        pages.append((url, kind))
    return pages


def check_pages(pages, javascript, failures, lock):
    driver = browser.new_driver(javascript=javascript)
    mode = "JS on" if javascript else "JS off"
    try:
        for url, _ in pages:
            driver.get(url)
            found = [("console", message) for message in browser.console_errors(driver)]
            for width in browser.WIDTHS:
                browser.set_width(driver, width)
                found += [(invariant, f"{width}px: {message}") for invariant, message in browser.check_layout(driver)]
            with lock:
                for invariant, message in found:
                    failures.append(f"{url} ({mode}) [{invariant}] {message}")
    finally:
        driver.quit()


def check_accessibility(pages, axe_source, failures, results):
    """axe-core on every page given, light and (for the document pages) dark."""
    driver = browser.new_driver()
    dark = browser.new_driver(dark=True)
    try:
        for url, kind in pages:
            for name, current in [("light", driver), ("dark", dark)]:
                if name == "dark" and kind != "documents/item":
                    continue
                current.get(url)
                violations = browser.run_axe(current, axe_source)
                results[kind].append(len(violations))
                for violation in violations:
                    failures.append(f"{url} (axe, {name}) [{violation['id']}] {violation['help']}: {', '.join(violation['nodes'])}")
    finally:
        driver.quit()
        dark.quit()


def check_keyboard(url, failures):
    """Tab from the top reaches the skip link, Cite, the tabs, ¶ links and notes, each with a focus ring; one stop per note."""
    driver = browser.new_driver()
    try:
        driver.get(url)
        stops = browser.tab_walk(driver)
    finally:
        driver.quit()
    failures.extend(keyboard_problems(stops, url))
    return len(stops)


def check_interactions(url, failures):
    """The Cite box's Copy says "Copied" and returns to its own label; a ¶ number opens the passage dialog with
    Copy and Close; tabs keep the site's order of styles."""
    driver = browser.new_driver()
    try:
        origin = "/".join(url.split("/")[:3])
        driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        driver.get(url)
        tabs = driver.execute_script("return Array.from(document.querySelectorAll('#cite [role=tab]')).map(t => t.textContent)")
        if tabs != ["MLA", "APA", "Chicago"]:
            failures.append(f"{url} [cite] the tabs are {tabs}, not the site's order MLA, APA, Chicago")
        button = driver.find_element("css selector", "#cite .cite-style:not([hidden]) .copy-button")
        label = button.text
        driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", button)
        time.sleep(0.3)
        copied = button.text
        time.sleep(2.2)
        if copied != "Copied" or button.text != label:
            failures.append(f"{url} [cite] Copy went “{label}” → “{copied}” → “{button.text}”, not back to its own label")
        driver.execute_script("document.querySelector('a.paragraph-number[href=\"#p3\"]').click()")
        state = driver.execute_script(
            "var d = document.querySelector('.passage-dialog');"
            "return {open: d.open, buttons: Array.from(d.querySelectorAll('button')).filter(b => !b.hidden).map(b => b.textContent),"
            " text: d.querySelector('.passage-citations').textContent};")
        if not state["open"] or not any(text.startswith("Copy") for text in state["buttons"]) or "Close" not in state["buttons"] \
                or "3" not in state["text"]:
            failures.append(f"{url} [dialog] the passage dialog for ¶ 3 is {state}")
        driver.execute_script("document.querySelector('.dialog-close').click()")
        if driver.execute_script("return document.querySelector('.passage-dialog').open"):
            failures.append(f"{url} [dialog] Close does not close the passage dialog")
    finally:
        driver.quit()


def check_print(url, failures):
    """The seed document on paper (Chromium's PDF, read back with pdftotext): page 1 carries the citation and the
    URL; no "Read the passage"; each discussion question once; notes keep their authors and cross-references;
    highlights are underlines, not coloured backgrounds."""
    driver = browser.new_driver()
    try:
        driver.get(url)
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        marks = driver.execute_script(
            "return Array.from(document.querySelectorAll('mark.annotation')).map(function (m) {"
            " var s = getComputedStyle(m); return [s.backgroundColor, s.textDecorationLine]; });")
    finally:
        driver.quit()
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pages = [re.sub(r"\s+", "", page) for page in text.split("\f")]
    whole = "".join(pages)
    page_url = url.replace("http://", "")
    expectations = {
        "page 1 carries the citation": "Kerry,JohnF.,andSergeyV.Lavrov.“JointPressConference" in pages[0],
        "page 1 carries the URL": page_url.replace("/", "") in pages[0].replace("/", "").replace("http:", ""),
        "no “Read the passage” on paper": "Readthepassage" not in whole,
        "each discussion question printed once": whole.count("Thereporteraskswhyanyoneshouldhave") == 1,
        "note authors kept": "—Scholiaeditors" in whole,
        "cross-references kept": "SeeSergeyV.Lavrov" in whole,
        "highlights print as underlines": all(background == "rgba(0, 0, 0, 0)" and "underline" in line for background, line in marks),
    }
    for name, holds in expectations.items():
        if not holds:
            failures.append(f"{url} [print] {name}: not so")


def keyboard_problems(stops, url):
    problems = []
    if not stops or "skip-link" not in stops[0]["cls"]:
        problems.append(f"{url} [keyboard] the first Tab stop is not the skip link: {stops[:1]}")
    wanted = {"the Cite button": lambda s: s["href"].endswith("#cite"), "a citation tab": lambda s: s["role"] == "tab",
              "a ¶ link": lambda s: "paragraph-number" in s["cls"], "a note": lambda s: bool(s["note"])}
    for name, test in wanted.items():
        if not any(test(stop) for stop in stops):
            problems.append(f"{url} [keyboard] Tab never reaches {name}")
    for stop in stops:
        if not stop["ring"]:
            problems.append(f"{url} [keyboard] no visible focus ring on {stop['tag']}.{stop['cls']} “{stop['text']}”")
    per_note = collections.Counter(stop["note"] for stop in stops if stop["note"] and not stop["noteContent"])
    for note, count in sorted(per_note.items()):
        if count != 1:
            problems.append(f"{url} [keyboard] note {note} takes {count} Tab stops, not one")
    return problems


def check_broken_fixtures(base, axe_source, directory: Path):
    """Each broken page must make the check it names fail; returns the fixtures whose check wrongly passed."""
    wrongly_green = []
    driver = browser.new_driver()
    try:
        for fixture in sorted(directory.glob("*.html")):
            text = fixture.read_text()
            invariant = re.search(r'<meta name="broken-invariant" content="([^"]+)"', text).group(1)
            width = int(re.search(r'<meta name="broken-width" content="(\d+)"', text).group(1))
            driver.get(base + "broken/" + fixture.name)
            browser.set_width(driver, width)
            if invariant == "console":
                found = bool(browser.console_errors(driver))
            elif invariant == "axe":
                found = bool(browser.run_axe(driver, axe_source))
            elif invariant == "keyboard":
                found = bool(keyboard_problems(browser.tab_walk(driver), fixture.name))
            else:
                found = any(name == invariant for name, _ in browser.check_layout(driver))
            print(f"  broken/{fixture.name}: the {invariant} check {'fails, as it must' if found else 'WRONGLY PASSES'}")
            if not found:
                wrongly_green.append(fixture.name)
    finally:
        driver.quit()
    return wrongly_green


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scholia", required=True)
    parser.add_argument("--axe", required=True, type=Path)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    arguments = parser.parse_args()
    axe_source = arguments.axe.read_text()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="scholia-browser-") as temporary:
        root = Path(temporary)
        (root / "broken").symlink_to(Path(__file__).resolve().parent / "broken")
        base = browser.start_server(root)
        generate_site.generate(root / "generated-site", arguments.repo / "Templates")
        build(arguments.scholia, arguments.repo, root / "sample", base + "sample/")
        build(arguments.scholia, root / "generated-site", root / "archive", base + "archive/")
        pages = pages_of(root / "sample", base + "sample/") + pages_of(root / "archive", base + "archive/")
        print(f"Built in {time.monotonic() - started:.0f}s; checking {len(pages)} pages at widths "
              f"{browser.WIDTHS}, JavaScript on and off")

        failures, lock = [], threading.Lock()
        workers = [threading.Thread(target=check_pages, args=(pages, javascript, failures, lock)) for javascript in (True, False)]
        for worker in workers:
            worker.start()
        # axe: every page of the sample site, and the first two of each page type of the generated one.
        axe_pages = [page for page in pages if "/sample/" in page[0]]
        seen = collections.Counter()
        for page in pages:
            if "/archive/" in page[0] and seen[page[1]] < 2:
                seen[page[1]] += 1
                axe_pages.append(page)
        axe_results = collections.defaultdict(list)
        axe_failures = []
        check_accessibility(axe_pages, axe_source, axe_failures, axe_results)
        keyboard_failures = []
        stop_count = check_keyboard(base + "sample/" + SEED_DOCUMENT, keyboard_failures)
        check_interactions(base + "sample/" + SEED_DOCUMENT, keyboard_failures)
        check_print(base + "sample/" + SEED_DOCUMENT, keyboard_failures)
        for worker in workers:
            worker.join()

        print("axe-core violations by page type (pages checked: violations):")
        for kind, counts in sorted(axe_results.items()):
            print(f"  {kind:20} {len(counts):3} pages: {sum(counts)} violations")
        print(f"Keyboard: {stop_count} Tab stops on the seed document")
        print("Broken fixtures:")
        wrongly_green = check_broken_fixtures(base, axe_source, Path(__file__).resolve().parent / "broken")

    everything = sorted(failures) + axe_failures + keyboard_failures
    for failure in everything[:400]:
        print("FAIL " + failure)
    if len(everything) > 400:
        print(f"... and {len(everything) - 400} more")
    by_invariant = collections.Counter(re.search(r"\[([^\]]+)\]", failure).group(1) for failure in everything)
    print(f"{len(pages)} pages, {len(everything)} failures {dict(by_invariant)}, "
          f"{len(wrongly_green)} broken fixtures wrongly green, {time.monotonic() - started:.0f}s")
    return 1 if everything or wrongly_green else 0


if __name__ == "__main__":
    sys.exit(main())
