#!/usr/bin/env python3
"""`scholia serve` as a user meets it: how soon it answers after it starts, how soon a save shows, how much memory.

    python3 Benchmarks/serve.py [--docs 10000 | --site DIR] [--saves 5] [--gap 2] [--keep] [--binary PATH]

On a generated site (generate_corpus.py N DIR --text zipf, plus a copy of the repository's Templates/):

1. Start. The time from launching `scholia serve --site DIR --port P` to the first 200 response of the
   home page and, separately, of the middle document's page (both polled in turn every --poll seconds,
   5 ms by default; a refused connection or another status is a miss). Measured twice: with no
   `.scholia-cache` in the site, then with one (after `scholia build --site DIR`). "Idle" is when the
   server's CPU time stops growing (less than 3 % of one core over half a second), so a server that
   answers early and keeps building in the background shows it there.
2. Saves, on the second server once it is idle. Each save appends a line with a unique token to the middle
   Markdown document, then that document's page is polled until a response contains the token; the
   latency runs from just before the write to the end of that response. Then the same for a save that
   renames a speaker (its given name in Content/speakers/ID.md gets a token), polled on the speaker's page, and
   for a save that adds a line with a token to that speaker's biography (which no document is read with).
   --saves of each, --gap seconds apart, and the server is let go idle before each. "Until idle" is the server's
   CPU from the save until it is idle again: the search index, made after the page.
3. Peak memory: VmHWM of the server process (/proc/PID/status), read just before it is stopped.

Beside each time, the server's CPU seconds over it (all threads, /proc/PID/stat): on a shared machine the
wall time grows with the load, the CPU time much less, so it tells how much work there was.

What a save's latency includes (Sources/ScholiaServer): inotify reports the write to the watcher's
thread (InotifyWatcher; polling every 500 ms where inotify is missing), which records the files it names in the
ChangeFeed; the RebuildService waits until no change has come for the debounce (PreviewConfiguration's
`debounce`, 25 ms; 5 ms once every file named was written to the end) and then asks the PreviewBuilder for a
build: SiteSession.plan stamps the named files (every input when the watcher could not name them), re-reads the
changed documents alone (and, for a renamed speaker, the documents that declare it) and plans from the last plan the
pages that can show the change (TextEdits; a full plan for any other change); the
snapshot is swapped in (the one before freed on another queue) and
open pages are told to reload, while the BackgroundRenderer renders the pages the save changed and the search
index (any other page is rendered by its first request; one whose fingerprint did not change takes the last build's
files). The next request renders its page at once if the background has not yet. So the figure is watcher delivery + debounce + in-memory plan + swap + the page's render + up to one
poll interval + one HTTP request on the loopback.

It needs a release build (the --binary, else SCHOLIA_BIN, else the repository's `swift build -c release
--show-bin-path`; it builds nothing). It exits non-zero, saying why, if the server stops or does not
answer within --start-timeout, or if a save does not show within --timeout.
"""

import argparse
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ left in Benchmarks/
from search import generate, scholia_binary  # noqa: E402  (the same corpus and binary lookup as the search benchmark)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path):
    """(status, body) of GET path, or None when the server does not answer (not listening yet)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        return response.status, response.read()
    except OSError:
        return None
    finally:
        connection.close()


def cpu_seconds(pid):
    """User + system CPU seconds of a process, all threads (/proc/PID/stat fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """One `scholia serve` process, its output in a log file."""

    def __init__(self, binary, site, log_path):
        self.port = free_port()
        self.command = [binary, "serve", "--site", site, "--port", str(self.port)]
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.started = time.monotonic()
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=subprocess.STDOUT)

    def check_alive(self):
        if self.process.poll() is not None:
            self.fail(f"the server stopped (exit status {self.process.returncode})")

    def fail(self, reason):
        self.stop()
        with open(self.log_path) as file:
            tail = file.read()[-3000:]
        sys.exit(f"error: {reason}\ncommand: {shlex.join(self.command)}\nits output:\n{tail}")

    def wait_pages(self, paths, timeout, poll):
        """Seconds from the launch to the first 200 response of each path, polled in turn."""
        firsts = {}
        while len(firsts) < len(paths):
            self.check_alive()
            if time.monotonic() - self.started > timeout:
                self.fail(f"no answer for {', '.join(p for p in paths if p not in firsts)} within {timeout:.0f} s of the start")
            for path in paths:
                if path not in firsts:
                    answer = fetch(self.port, path)
                    if answer and answer[0] == 200:
                        firsts[path] = time.monotonic() - self.started
            time.sleep(poll)
        return [firsts[path] for path in paths]

    def wait_idle(self, timeout):
        """Seconds from the launch until the server's CPU time stops growing (its background work is done)."""
        last = cpu_seconds(self.process.pid)
        while True:
            time.sleep(0.5)
            self.check_alive()
            now = cpu_seconds(self.process.pid)
            if now - last < 0.015:
                return time.monotonic() - self.started - 0.5
            if time.monotonic() - self.started > timeout:
                self.fail(f"still busy {timeout:.0f} s after the start")
            last = now

    def stop(self):
        """Peak RSS in MiB, then SIGINT (the server's own graceful stop), SIGKILL if it lingers."""
        peak = peak_rss_mib(self.process.pid) if self.process.poll() is None else float("nan")
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return peak


def save_latency(server, path, page, edit, timeout, poll):
    """Seconds from just before edit(path, token) to the end of the first response of page containing token,
    and the server's CPU seconds over that time."""
    token = "benchsave" + uuid.uuid4().hex[:12]
    cpu = cpu_seconds(server.process.pid)
    start = time.monotonic()
    edit(path, token)
    needle = token.encode()
    while True:
        answer = fetch(server.port, page)
        if answer and answer[0] == 200 and needle in answer[1]:
            return time.monotonic() - start, cpu_seconds(server.process.pid) - cpu
        if time.monotonic() - start > timeout:
            server.fail(f"the save to {path} ({token}) did not show on {page} within {timeout:.0f} s")
        server.check_alive()
        time.sleep(poll)


def append_line(path, token):
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"\nA line added by the serve benchmark, {token}.\n")


def rename_speaker(path, token):
    """Renames the speaker by its given name (which, with the family name, wins over `name:`): `given: "Antony"`
    becomes `given: "Antony TOKEN"`, and `name: "Antony Merkel"` `name: "Antony TOKEN Merkel"` to agree."""
    with open(path, encoding="utf-8") as file:
        text = re.sub(r" benchsave[0-9a-f]{12}", "", file.read())
    given = re.search(r'^given: "([^"]*)"$', text, re.MULTILINE)
    if not given:
        sys.exit(f"error: no given: line in {path}")
    name = given.group(1)
    text = text.replace(f'given: "{name}"', f'given: "{name} {token}"', 1).replace(f'name: "{name} ', f'name: "{name} {token} ', 1)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def append_biography(path, token):
    """A line added to the speaker's biography (the file's body): what the speaker's page shows, not a document."""
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"\nA line of biography added by the serve benchmark, {token}.\n")


def middle(folder, suffix):
    names = sorted(name for name in os.listdir(folder) if name.endswith(suffix))
    return names[len(names) // 2]


def start_row(label, server, paths, arguments):
    home, document = server.wait_pages(paths, arguments.start_timeout, arguments.poll)
    idle = server.wait_idle(arguments.start_timeout)
    return label, home, document, idle, cpu_seconds(server.process.pid)


def main():
    parser = argparse.ArgumentParser(description="Times `scholia serve`: start, save to served page, peak memory.")
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--saves", type=int, default=5, help="saves of each kind (document, speaker name, speaker biography)")
    parser.add_argument("--gap", type=float, default=2.0, help="seconds between saves (at least; the server goes idle first)")
    parser.add_argument("--poll", type=float, default=0.005, help="seconds between polls")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a save may take to show")
    parser.add_argument("--start-timeout", type=float, default=600, help="seconds the server may take to answer and go idle")
    parser.add_argument("--binary", help="the scholia executable (default: SCHOLIA_BIN, else the release build path)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site")
    parser.add_argument("--site", help="an existing site made by generate_corpus.py --text zipf (its saves are left in it), "
                                       "instead of generating --docs documents; the start without a cache is not measured")
    arguments = parser.parse_args()
    binary = arguments.binary or scholia_binary()
    print("command:", shlex.join([sys.executable] + sys.argv), flush=True)
    print("binary:", binary, flush=True)
    load_before = os.getloadavg()[0]

    work = tempfile.mkdtemp(prefix="scholia-serve-bench-")
    try:
        site = os.path.abspath(arguments.site) if arguments.site else os.path.join(work, "site")
        if arguments.site:
            # Markdown and plain-text documents; a plain text's details are in a .yml beside it.
            arguments.docs = sum(1 for name in os.listdir(os.path.join(site, "Content/documents")) if not name.endswith(".yml"))
        else:
            print(f"generating {arguments.docs} documents...", flush=True)
            generate(arguments.docs, site, "zipf")
        documents = os.path.join(site, "Content/documents")
        speakers = os.path.join(site, "Content/speakers")
        document = middle(documents, ".md")
        speaker = middle(speakers, ".md")
        document_page = f"/documents/{document[:-3]}/"
        speaker_page = f"/speakers/{speaker[:-3]}/"
        pages = ["/", document_page]

        starts, peaks = [], {}
        if not arguments.site:
            print("serve, no .scholia-cache...", flush=True)
            shutil.rmtree(os.path.join(site, ".scholia-cache"), ignore_errors=True)
            server = Server(binary, site, os.path.join(work, "serve-cold.log"))
            starts.append(start_row("no .scholia-cache", server, pages, arguments))
            peaks["no .scholia-cache, after start"] = server.stop()

        print("scholia build, then serve with its .scholia-cache...", flush=True)
        build = subprocess.run([binary, "build", "--site", site, "--quiet"], capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"error: scholia build failed:\n{build.stderr[-3000:]}")
        server = Server(binary, site, os.path.join(work, "serve-cached.log"))
        starts.append(start_row("with .scholia-cache", server, pages, arguments))

        saves = {}
        for kind, path, page, edit in [("document", os.path.join(documents, document), document_page, append_line),
                                       ("speaker name", os.path.join(speakers, speaker), speaker_page, rename_speaker),
                                       ("speaker biography", os.path.join(speakers, speaker), speaker_page, append_biography)]:
            print(f"saves: {kind} ({path[len(site) + 1:]}, polled on {page})...", flush=True)
            for _ in range(arguments.saves):
                time.sleep(arguments.gap)
                server.wait_idle(time.monotonic() - server.started + arguments.timeout)
                before = cpu_seconds(server.process.pid)
                latency, cpu = save_latency(server, path, page, edit, arguments.timeout, arguments.poll)
                # The work the save set off after its page was served (the rest of the site, the search index).
                server.wait_idle(time.monotonic() - server.started + arguments.timeout)
                saves.setdefault(kind, []).append((latency, cpu, cpu_seconds(server.process.pid) - before))
                print(f"  {latency * 1000:.0f} ms, server CPU {cpu:.2f} s, {saves[kind][-1][2]:.2f} s until idle", flush=True)
        peaks[f"with .scholia-cache, after {len(saves) * arguments.saves} saves"] = server.stop()
        rebuilds = [line.strip() for line in open(server.log_path) if line.startswith(("Built", "Rebuilt"))]
    finally:
        if arguments.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"`scholia serve` on {arguments.docs} generated documents (--text zipf), {os.cpu_count()} CPUs, "
          f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| start | home page 200 | document page 200 | idle | server CPU until idle |")
    print("| --- | --- | --- | --- | --- |")
    for label, home, page, idle, cpu in starts:
        print(f"| {label} | {home:.2f} s | {page:.2f} s | {idle:.2f} s | {cpu:.1f} s |")
    print()
    print("| save to served page | median | max | all | server CPU, median | server CPU until idle, median |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, measures in saves.items():
        values = [latency for latency, _, _ in measures]
        print(f"| {kind} | {statistics.median(values) * 1000:.0f} ms | {max(values) * 1000:.0f} ms | "
              f"{', '.join(f'{v * 1000:.0f}' for v in values)} ms | {statistics.median(cpu for _, cpu, _ in measures):.2f} s | "
              f"{statistics.median(idle for _, _, idle in measures):.2f} s |")
    print()
    print("| server peak RSS (VmHWM) | MiB |")
    print("| --- | --- |")
    for label, peak in peaks.items():
        print(f"| {label} | {peak:.0f} |")
    print()
    print("The server's own report of its builds (second server):", "; ".join(rebuilds) or "none")
    print("command:", shlex.join([sys.executable] + sys.argv))


if __name__ == "__main__":
    main()
