"""What the browser's privacy check costs a teacher on a phone: page weight, word lists on the wire, time per box.

    .venv/bin/python benchmarks/privacy_browser.py SITE_FOLDER

In real Chromium, with the CPU slowed 4x through the DevTools protocol
(`Emulation.setCPUThrottlingRate`, Lighthouse's mobile setting), from a local
HTTP server that gzips as GitHub Pages does:

- the worksheet page's weight before any interaction (every response body, a
  first visit: the budget is 300 KiB);
- the rules and word lists (gb-privacy-rules.js) on the wire, the time from a
  "Show the text" press right after the page loads to the findings (download,
  parse, compile), and from a first keystroke to the check being ready (the
  lists start loading then, so a team that has typed a while waits for nothing);
- the check of one box (`textFindings`) on texts of the lengths teachers
  write, median and worst of 20 runs each, measured inside the page.

The numbers go into benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import gzip
import http.server
import statistics
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SENTENCE = ("Principal Brown and a mentor teacher met at Lincoln Elementary after school; the faculty member from "
            "the university brought the coaching log and the candidates' notes from Springfield Unified School District. ")
BOXES = {"one sentence": 1, "a paragraph": 5, "a long account": 40}


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped when the browser accepts it, as GitHub Pages does."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        path = Path(self.translate_path(self.path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(folder: Path):
    import functools

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 390, "height": 844})
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        wire: dict[str, int] = {}
        cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        page.goto(f"{base}/handbook/worksheet.html", wait_until="networkidle")
        out["page KiB on the wire before interaction"] = sum(wire.values()) / 1024
        before = set(wire)
        page.fill("#ws-felt_difficulty", SENTENCE)
        started = page.evaluate("performance.now()")
        page.click(".gb-ws-issue")
        page.wait_for_selector(".gb-ws-findings")
        out["first check, rules loaded (ms)"] = page.evaluate("performance.now()") - started
        page.wait_for_load_state("networkidle")
        fresh = ctx.new_page()  # a second visit: the team types first, and the lists load while it does
        ctx.new_cdp_session(fresh).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        fresh.goto(f"{base}/handbook/worksheet.html", wait_until="networkidle")
        fresh.type("#ws-title", "A")
        out["rules ready after the first keystroke (ms)"] = fresh.evaluate(
            "(async () => { const t = performance.now(); await Glassbox.privacy.load(); return performance.now() - t; })()")
        rules = [k for k in wire if k not in before and "gb-privacy-rules" in urls.get(k, "")]
        out["rules KiB on the wire"] = sum(wire[k] for k in rules) / 1024
        for name, n in BOXES.items():
            times = page.evaluate("""([text, runs]) => {
                const check = globalThis.Glassbox.privacy.compile(globalThis.Glassbox.privacyRules);
                const out = [];
                for (let i = 0; i < runs; i += 1) {
                  const t = performance.now();
                  check.textFindings(text + " ".repeat(i));  // a new text each time, as when typing
                  out.push(performance.now() - t);
                }
                return out;
            }""", [SENTENCE * n, 20])
            warm = times[1:]  # the first run of a fresh compile fills the word-kind cache
            out[f"box: {name}, {len(SENTENCE * n)} chars (median / worst ms)"] = (statistics.median(warm), max(warm))
        browser.close()
    return out


def main() -> None:
    for key, value in measure(Path(sys.argv[1])).items():
        shown = " / ".join(f"{v:.1f}" for v in value) if isinstance(value, tuple) else f"{value:.1f}"
        print(f"{key:60} {shown}")


if __name__ == "__main__":
    main()
