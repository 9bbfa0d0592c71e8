"""Shared pieces of the browser suite: headless Chromium through Selenium, a static server, the page checks."""
import functools
import http.server
import json
import socketserver
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).resolve().parent
CHECKS = (HERE / "checks.js").read_text()
WIDTHS = [320, 390, 768, 1024, 1366, 1920]
HEIGHT = 900
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def start_server(root: Path):
    """Serves `root` on 127.0.0.1 at a free port, in a daemon thread; returns the base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"



def new_driver(javascript=True, dark=False):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_window_size(1366, HEIGHT)
    driver.set_script_timeout(180)
    driver.javascript = javascript
    if not javascript:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


def set_width(driver, width, height=HEIGHT):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    # Let the page's resize handler and layout settle (animation frames run only when the page's scripts may).
    if driver.javascript:
        driver.execute_async_script("var done = arguments[0]; requestAnimationFrame(function () { requestAnimationFrame(done); });")


def check_layout(driver):
    """The layout invariants at the current width: a list of (invariant, message)."""
    return [tuple(failure) for failure in driver.execute_script(CHECKS)]


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def run_axe(driver, axe_source):
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
        "  return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};"
        "}))); }, function (e) { done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])); });",
        AXE_TAGS)
    return json.loads(result)


FOCUS_INFO = """
var element = document.activeElement;
if (!element || element === document.body) return null;
var style = getComputedStyle(element);
var ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || (style.boxShadow && style.boxShadow !== 'none');
var note = element.closest('.note');
var target = element.getAttribute('href') || '';
return {tag: element.tagName.toLowerCase(), cls: element.className || '', href: target, role: element.getAttribute('role') || '',
        text: (element.textContent || '').trim().slice(0, 40), ring: ring,
        note: note ? note.id : (element.getAttribute('role') === 'doc-noteref' ? target.slice(1) : ''),
        noteContent: !!element.closest('.note-body') && !element.closest('.note-actions')};
"""


def tab_walk(driver, limit=600):
    """Presses Tab from the top of the page until focus leaves the page or comes around; returns focus infos."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();")
    stops, seen = [], set()
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUS_INFO)
        if info is None:
            break
        key = driver.execute_script(
            "var e = document.activeElement; if (!e.dataset.walk) e.dataset.walk = String(Math.random()); return e.dataset.walk;")
        if key in seen:
            break
        seen.add(key)
        stops.append(info)
    return stops
