#!/usr/bin/env python3
"""Run one notebook in a real browser in the classic Jupyter Notebook UI (nbclassic, served at
/nbclassic/ by the course's Jupyter server; --ui-path /notebooks/ for a Notebook 6 server).

Drives Debian's headless Chromium through selenium (from the course's environment) and Debian's
chromedriver: opens the notebook page,
runs every cell through the UI (Cell > Run All), waits until the kernel is idle and every code
cell has an execution count, then checks that

  * no output is an error (an error output, `.output_error`, or an execute_reply with status
    "error") and the kernel neither died nor failed to connect;
  * at least --expect-figures figures were rendered: an <img> in an output area whose
    naturalWidth > 0, or a plotly `div.js-plotly-plot`;
  * with --expect-plotly N, at least N course figures were drawn by plotly.js in the page (their
    `div.course-figure` says data-course-drawn="plotly"), and a screenshot of each shows a plot
    (enough coloured pixels in several colours, tools/png_pixels.py), not a blank box;

saves a screenshot of the whole notebook and prints one summary line:

  browser check: 00-getting-started.ipynb: 9 cells ran, 0 errors, 2 figures, screenshot target/browser/00-getting-started.png

The notebook is never saved: autosave is switched off right after the page loads and the page's
save functions are replaced by no-ops, so the user's file is left exactly as it was. A kernel
session that this script caused the server to start is shut down again at the end (a session
that already existed for the notebook is left alone).

Exit status: 0 all checks passed, 1 a check failed (or the server/kernel/page misbehaved),
2 selenium or chromium is missing (or bad command-line usage).

Run it with the course's Python (.venv/bin/python, which bin/course builds), where selenium is:

  .venv/bin/python tools/browser_check.py --url http://127.0.0.1:8888 --token TOKEN \\
      --notebook 00-getting-started.ipynb --screenshot target/browser/00-getting-started.png
"""

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import png_pixels  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL_HINT = "apt-get install chromium chromium-driver; selenium comes with the course's environment (bin/course builds .venv/)"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WINDOW_WIDTH = 1280
WINDOW_HEIGHT = 2000
MAX_SCREENSHOT_HEIGHT = 16000
POLL_S = 0.25
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class CheckFailed(Exception):
    """A check failed; the message says what and where."""


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run a notebook through the classic Jupyter Notebook UI in headless Chromium "
                    "and check for errors and rendered figures.")
    p.add_argument("--url", required=True, help="server base URL, e.g. http://127.0.0.1:8888")
    p.add_argument("--token", default="", help="server token (may be empty)")
    p.add_argument("--notebook", required=True,
                   help="notebook path relative to the server's notebook dir")
    p.add_argument("--ui-path", default="/nbclassic/notebooks/",
                   help="where the server serves the classic notebook page (default /nbclassic/notebooks/; "
                        "/notebooks/ on a Notebook 6 server)")
    p.add_argument("--screenshot", required=True, help="PNG file to write (folders are created)")
    p.add_argument("--timeout", type=float, default=180.0,
                   help="seconds allowed for page load, kernel start and running all cells "
                        "(default 180)")
    p.add_argument("--expect-figures", type=int, default=1, metavar="N",
                   help="minimum number of rendered figures (default 1; 0 disables the check)")
    p.add_argument("--expect-plotly", type=int, default=0, metavar="N",
                   help="minimum number of course figures drawn by plotly.js, pixels checked (default 0)")
    return p.parse_args(argv)


# --------------------------------------------------------------------------------------------
# REST helpers (best effort; the browser is the real check)

def api_request(base, token, path, method="GET"):
    req = urllib.request.Request(base + path, method=method)
    if token:
        req.add_header("Authorization", "token " + token)
    with urllib.request.urlopen(req, timeout=10) as resp:
        body = resp.read()
    return json.loads(body.decode("utf-8")) if body else None


def quote_path(path):
    return urllib.parse.quote(path, safe="/")


def preflight(base, token, nb_path):
    """Fail early if the server is down or the notebook does not exist.

    Returns the kernelspec name the notebook asks for (None if unknown)."""
    try:
        api_request(base, "", "/api")
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise CheckFailed("Jupyter server not reachable at %s (%s)" % (base, e))
    try:
        model = api_request(base, token, "/api/contents/" + quote_path(nb_path))
    except urllib.error.HTTPError as e:
        if e.code == 404:
            raise CheckFailed("notebook not found on the server: %s" % nb_path)
        if e.code in (401, 403):
            return None  # token-less password server etc.: let the browser report it
        raise CheckFailed("server error %s for %s" % (e.code, nb_path))
    except (urllib.error.URLError, OSError, ValueError):
        return None
    if not model:
        return None
    if model.get("type") != "notebook":
        raise CheckFailed("%s is a %s, not a notebook" % (nb_path, model.get("type")))
    try:
        return model["content"]["metadata"]["kernelspec"]["name"]
    except (KeyError, TypeError):
        return None


def sessions_for(base, token, nb_path):
    try:
        sessions = api_request(base, token, "/api/sessions") or []
    except (urllib.error.URLError, OSError, ValueError):
        return None
    return [s for s in sessions
            if (s.get("path") or (s.get("notebook") or {}).get("path")) == nb_path]


def shutdown_new_sessions(base, token, nb_path, before_ids):
    """Delete the session (and its kernel) that opening the page created; keep pre-existing ones."""
    if before_ids is None:
        return
    for s in sessions_for(base, token, nb_path) or []:
        if s.get("id") in before_ids:
            continue
        try:
            api_request(base, token, "/api/sessions/" + s["id"], method="DELETE")
        except (urllib.error.URLError, OSError, ValueError) as e:
            print("browser check: warning: could not shut down kernel session %s: %s"
                  % (s.get("id"), e), file=sys.stderr)


# --------------------------------------------------------------------------------------------
# JavaScript run inside the notebook page

JS_PAGE_STATE = r"""
var s = {url: document.location.href, title: document.title};
s.jupyter = (typeof Jupyter !== 'undefined') && !!Jupyter.notebook;
s.loaded = s.jupyter && !!Jupyter.notebook._fully_loaded;
var k = s.jupyter ? Jupyter.notebook.kernel : null;
s.kernel = !!k;
s.connected = !!(k && k.is_connected && k.is_connected());
s.ready = !!(s.connected && k.info_reply);
var ind = document.getElementById('kernel_indicator_icon');
s.indicator = ind ? ind.className : '';
s.dialogs = [];
var mods = document.querySelectorAll('.modal.in, .modal[style*="display: block"]');
for (var i = 0; i < mods.length; i++) {
  var t = mods[i].querySelector('.modal-title'), b = mods[i].querySelector('.modal-body');
  s.dialogs.push(((t ? t.textContent : '') + ': ' + (b ? b.textContent : '')).replace(/\s+/g, ' ').trim());
}
s.body = document.body ? document.body.innerText.slice(0, 300) : '';
return s;
"""

# Install hooks: no saving, record kernel lifecycle events and execute_reply statuses.
JS_INSTALL = r"""
var nb = Jupyter.notebook;
var bc = window.__bc = {events: [], executed: 0, saves_blocked: 0};
nb.set_autosave_interval(0);
nb.save_notebook = function () { bc.saves_blocked++; return Promise.resolve(); };
nb.save_checkpoint = function () { bc.saves_blocked++; };
['kernel_dead', 'kernel_connection_failed', 'kernel_killed', 'kernel_autorestarting',
 'kernel_restarting', 'kernel_disconnected', 'kernel_reconnecting'].forEach(function (ev) {
  nb.events.on(ev + '.Kernel', function () { bc.events.push(ev); });
});
nb.get_cells().forEach(function (cell) {
  if (cell.cell_type !== 'code') { return; }
  var orig_reply = cell._handle_execute_reply;
  cell._handle_execute_reply = function (msg) {
    cell.__bc_status = msg && msg.content ? msg.content.status : undefined;
    if (msg && msg.content && msg.content.status === 'error') {
      cell.__bc_reply_error = (msg.content.ename || '') + ': ' + (msg.content.evalue || '');
    }
    return orig_reply.apply(this, arguments);
  };
  var orig_exec = cell.execute;
  cell.execute = function () {
    cell.__bc_submitted = cell.get_text().trim().length > 0;
    cell.__bc_status = undefined;
    bc.executed++;
    return orig_exec.apply(this, arguments);
  };
});
nb.clear_all_output();
return nb.ncells();
"""

JS_RUN_STATE = r"""
var nb = Jupyter.notebook, bc = window.__bc || {events: []};
var cells = nb.get_cells();
var s = {events: bc.events.slice(), executed: bc.executed, busy: !!nb.kernel_busy,
         indicator: (document.getElementById('kernel_indicator_icon') || {}).className || '',
         running: 0, code: 0, pending: 0, submitted: 0};
cells.forEach(function (c) {
  if (c.cell_type !== 'code') { return; }
  s.code++;
  if (c.element.hasClass('running')) { s.running++; }
  if (c.__bc_submitted) { s.submitted++; if (c.__bc_status === undefined) { s.pending++; } }
});
return s;
"""

JS_RESULTS = r"""
var nb = Jupyter.notebook;
function strip(t) { return (t || '').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''); }
var out = {cells: [], imgs_loading: 0, saves_blocked: (window.__bc || {}).saves_blocked || 0};
nb.get_cells().forEach(function (c, i) {
  var r = {index: i + 1, type: c.cell_type, source: c.get_text()};
  if (c.cell_type === 'code') {
    r.count = (typeof c.input_prompt_number === 'number') ? c.input_prompt_number : null;
    r.status = c.__bc_status === undefined ? null : c.__bc_status;
    r.submitted = !!c.__bc_submitted;
    r.reply_error = c.__bc_reply_error || null;
    r.errors = [];
    (c.output_area.outputs || []).forEach(function (o) {
      if (o.output_type === 'error') {
        r.errors.push({ename: o.ename || '', evalue: o.evalue || '',
                       traceback: strip((o.traceback || []).join('\n'))});
      }
    });
    r.dom_errors = [];
    c.element.find('.output_error').each(function () { r.dom_errors.push(strip(this.innerText)); });
    r.images = 0; r.broken_images = 0;
    c.element.find('.output_area img').each(function () {
      if (!this.complete) { out.imgs_loading++; }
      if (this.naturalWidth > 0) { r.images++; } else { r.broken_images++; }
    });
    r.plotly = c.element.find('.output_area div.js-plotly-plot').length;
  }
  out.cells.push(r);
});
return out;
"""

JS_PAGE_HEIGHT = r"""
var site = document.getElementById('site');
if (site) { site.scrollTop = 0; }
var header = document.getElementById('header');
var cont = document.getElementById('notebook-container');
if (!cont) { return document.documentElement.scrollHeight; }
// Header, the notebook container and the padding above it, plus a margin below.
return (header ? header.offsetHeight : 0) + cont.offsetTop + cont.offsetHeight + 60;
"""


# --------------------------------------------------------------------------------------------

def first_line(text, limit=80):
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[:limit - 3] + "..."


def error_text(err):
    if err.get("ename") or err.get("evalue"):
        text = ("%s: %s" % (err.get("ename", ""), err.get("evalue", ""))).strip(": ")
    else:
        text = ""
    if not text:
        return first_line(err.get("traceback"), 300) or "(error output with no text)"
    return text


def cell_label(cell):
    label = "cell %d" % cell["index"]
    if cell.get("count") is not None:
        label += " (In [%d])" % cell["count"]
    src = first_line(cell.get("source"), 60)
    if src:
        label += " `%s`" % src
    return label


def wait_for(driver, deadline, what, probe, on_timeout):
    """Poll probe() (returns (done, detail)) until done or the deadline passes."""
    detail = None
    while True:
        done, detail = probe()
        if done:
            return detail
        if time.time() > deadline:
            raise CheckFailed(on_timeout(detail))
        time.sleep(POLL_S)


def open_notebook(driver, base, token, nb_path, deadline, ui_path):
    url = base + "/" + ui_path.strip("/") + "/" + quote_path(nb_path)
    if token:
        url += "?" + urllib.parse.urlencode({"token": token})
    driver.set_page_load_timeout(max(5, deadline - time.time()))
    driver.get(url)

    def probe_loaded():
        s = driver.execute_script(JS_PAGE_STATE)
        if "/login" in urllib.parse.urlparse(s["url"]).path:
            raise CheckFailed("server asked for a login (wrong or missing --token?)")
        if s["dialogs"] and not s["loaded"]:
            raise CheckFailed("notebook failed to load: " + "; ".join(s["dialogs"]))
        return s["loaded"], s

    def loaded_timeout(s):
        if s and not s.get("jupyter"):
            return ("not a notebook page after %.0fs (title %r): %s"
                    % (time.time() - start, s.get("title"), first_line(s.get("body"), 200)))
        return "notebook did not finish loading within the timeout"

    start = time.time()
    wait_for(driver, deadline, "load", probe_loaded, loaded_timeout)
    driver.execute_script(JS_INSTALL)

    def probe_kernel():
        s = driver.execute_script(JS_PAGE_STATE)
        st = driver.execute_script("return window.__bc.events.slice();")
        fatal = [e for e in st if e in ("kernel_dead", "kernel_connection_failed", "kernel_killed")]
        if fatal or "kernel_dead_icon" in s["indicator"]:
            raise CheckFailed("kernel died or could not connect before running (%s)%s"
                              % (", ".join(fatal) or s["indicator"],
                                 (": " + "; ".join(s["dialogs"])) if s["dialogs"] else ""))
        if s["dialogs"] and not s["kernel"]:
            raise CheckFailed("kernel could not be started: " + "; ".join(s["dialogs"]))
        return s["ready"], s

    def kernel_timeout(s):
        msg = "kernel never connected within %.0fs" % (time.time() - start)
        if s:
            msg += " (kernel object: %s, connected: %s, indicator: %s)" % (
                s["kernel"], s["connected"], s["indicator"] or "-")
            if s["dialogs"]:
                msg += ": " + "; ".join(s["dialogs"])
        return msg

    wait_for(driver, deadline, "kernel", probe_kernel, kernel_timeout)
    return driver.execute_script("return Jupyter.notebook.kernel.name;")


def run_all(driver, deadline):
    """Cell > Run All through the menu bar; the JS API if the menu cannot be clicked."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    used = "menu"
    try:
        cell_menu = driver.find_element(By.XPATH, "//*[@id='menus']//a[contains(@class,'dropdown-toggle')][normalize-space(.)='Cell']")
        cell_menu.click()
        item = driver.find_element(By.CSS_SELECTOR, "#run_all_cells > a")
        item.click()
    except WebDriverException:
        used = "js"
    time.sleep(POLL_S)
    if driver.execute_script("return window.__bc.executed;") == 0:
        used = "js"
        driver.execute_script("Jupyter.notebook.execute_all_cells();")
    # Close the menu if it stayed open, so it does not cover the screenshot.
    driver.execute_script("document.body.click(); if (Jupyter.notebook) { Jupyter.notebook.command_mode(); }")

    fatal_events = ("kernel_dead", "kernel_connection_failed", "kernel_killed",
                    "kernel_autorestarting", "kernel_restarting")
    idle_since = [None]

    def probe_done():
        s = driver.execute_script(JS_RUN_STATE)
        fatal = [e for e in s["events"] if e in fatal_events]
        if fatal or "kernel_dead_icon" in s["indicator"]:
            raise CheckFailed("kernel died while running the notebook (%s)"
                              % ", ".join(sorted(set(fatal)) or [s["indicator"]]))
        quiet = s["running"] == 0 and s["pending"] == 0 and not s["busy"]
        if not quiet:
            idle_since[0] = None
            return False, s
        # Stay idle briefly so trailing display/iopub messages after the reply are rendered.
        now = time.time()
        if idle_since[0] is None:
            idle_since[0] = now
        return now - idle_since[0] >= 0.75, s

    def run_timeout(s):
        return ("timed out: notebook still running (%d of %d code cells running or queued, "
                "kernel %s)" % (max(s["running"], s["pending"]), s["code"],
                                "busy" if s["busy"] else "idle"))

    wait_for(driver, deadline, "run", probe_done, run_timeout)
    return used


def collect(driver, deadline):
    # Give images a moment to decode (data: URIs load asynchronously).
    img_deadline = min(deadline, time.time() + 10)
    while True:
        res = driver.execute_script(JS_RESULTS)
        if res["imgs_loading"] == 0 or time.time() > img_deadline:
            return res
        time.sleep(POLL_S)


JS_PLOTLY_STATE = r"""
return Array.from(document.querySelectorAll('#notebook-container div.course-figure')).map(function (el) {
  return {id: el.id, drawn: el.getAttribute('data-course-drawn'), svg: el.querySelectorAll('svg.main-svg').length};
});
"""

MIN_COLOURED = 400
MIN_DISTINCT = 3


def check_plotly(driver, deadline, expected):
    """Waits for the course figures to be drawn by plotly.js; returns (drawn, failures)."""
    from selenium.webdriver.common.by import By

    wait_until = min(deadline, time.time() + 60)
    figures = []
    while True:
        figures = driver.execute_script(JS_PLOTLY_STATE)
        drawn = [f for f in figures if f["drawn"] == "plotly" and f["svg"]]
        settled = all(f["drawn"] in ("plotly", "failed") for f in figures)
        if (len(drawn) >= expected and settled) or time.time() > wait_until:
            break
        time.sleep(POLL_S)
    failures = []
    if len(drawn) < expected:
        failures.append("expected at least %d figure(s) drawn by plotly.js, found %d (%s)" % (
            expected, len(drawn), ", ".join("%s=%s" % (f["id"], f["drawn"]) for f in figures) or "no course figures"))
    time.sleep(1.0)  # plotly's first paint
    for figure in drawn:
        element = driver.find_element(By.ID, figure["id"])
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        time.sleep(0.2)
        stats = png_pixels.stats(png_pixels.decode(element.screenshot_as_png))
        if stats["coloured"] < MIN_COLOURED or stats["distinct"] < MIN_DISTINCT:
            failures.append("%s looks blank: %d coloured pixels in %d colours" % (
                figure["id"], stats["coloured"], stats["distinct"]))
    return len(drawn), failures


def screenshot(driver, path):
    try:
        height = int(driver.execute_script(JS_PAGE_HEIGHT) or 0)
    except Exception:
        height = WINDOW_HEIGHT
    height = max(WINDOW_HEIGHT, min(height, MAX_SCREENSHOT_HEIGHT))
    set_viewport(driver, height)
    time.sleep(0.5)
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    if not driver.save_screenshot(path):
        raise CheckFailed("could not write screenshot %s" % path)


def set_viewport(driver, height):
    """Make the page viewport exactly WINDOW_WIDTH x height (the window itself is a bit larger)."""
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": WINDOW_WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False})
    except Exception:
        driver.set_window_size(WINDOW_WIDTH, height)


def make_driver(profile_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + profile_dir)
    service = Service(executable_path=CHROMEDRIVER, log_path=os.devnull)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(WINDOW_WIDTH, WINDOW_HEIGHT)
    set_viewport(driver, WINDOW_HEIGHT)
    return driver


def check(args):
    base = args.url.rstrip("/")
    nb_path = args.notebook.lstrip("/")
    nb_name = os.path.basename(nb_path)
    deadline = time.time() + args.timeout

    wanted_kernel = preflight(base, args.token, nb_path)
    before = sessions_for(base, args.token, nb_path)
    before_ids = None if before is None else {s.get("id") for s in before}
    if before:
        print("browser check: warning: %s already has a running kernel session; "
              "its kernel is reused and left running" % nb_path, file=sys.stderr)

    profile_dir = tempfile.mkdtemp(prefix="browser-check-chromium-")
    driver = None
    failures = []
    summary = None
    try:
        try:
            driver = make_driver(profile_dir)
        except Exception as e:  # chromedriver/chromium start failure
            raise CheckFailed("could not start headless Chromium via %s: %s"
                              % (CHROMEDRIVER, first_line(str(e), 300)))
        try:
            kernel_name = open_notebook(driver, base, args.token, nb_path, deadline, args.ui_path)
            if wanted_kernel and kernel_name != wanted_kernel:
                print("browser check: warning: %s asks for kernel %r, which the server does not "
                      "have; Jupyter started %r instead" % (nb_path, wanted_kernel, kernel_name),
                      file=sys.stderr)
            run_all(driver, deadline)
            res = collect(driver, deadline)
        except CheckFailed:
            try:
                screenshot(driver, args.screenshot)
            except Exception:
                pass
            raise

        code_cells = [c for c in res["cells"] if c["type"] == "code"]
        ran = [c for c in code_cells if c["count"] is not None]
        n_errors = 0
        for c in code_cells:
            texts = [error_text(e) for e in c["errors"]]
            if not texts and c["dom_errors"]:
                texts = [first_line(t, 300) for t in c["dom_errors"]]
            if not texts and c["status"] == "error":
                texts = [c["reply_error"] or "execute_reply status error"]
            for t in texts:
                n_errors += 1
                failures.append("%s: %s" % (cell_label(c), t))
        not_run = [c for c in code_cells
                   if c["count"] is None and (c["source"] or "").strip()]
        if not_run:
            idx = ", ".join(str(c["index"]) for c in not_run)
            if n_errors:
                failures.append("%d code cell(s) not run after the error: cell %s"
                                % (len(not_run), idx))
            else:
                failures.append("%d code cell(s) have no execution count: cell %s"
                                % (len(not_run), idx))
        n_plotly = 0
        if args.expect_plotly:
            n_plotly, plotly_failures = check_plotly(driver, deadline, args.expect_plotly)
            failures.extend(plotly_failures)
        n_figures = sum(c["images"] + c["plotly"] for c in code_cells)
        broken = sum(c["broken_images"] for c in code_cells)
        if n_figures < args.expect_figures:
            msg = "expected at least %d rendered figure(s), found %d" % (args.expect_figures,
                                                                        n_figures)
            if broken:
                msg += " (%d image(s) failed to load)" % broken
            failures.append(msg)

        screenshot(driver, args.screenshot)
        summary = ("browser check: %s: %d cells ran, %d error%s, %d figure%s%s, screenshot %s"
                   % (nb_name, len(ran), n_errors, "" if n_errors == 1 else "s",
                      n_figures, "" if n_figures == 1 else "s",
                      " (%d drawn by plotly.js, pixels checked)" % n_plotly if args.expect_plotly else "",
                      args.screenshot))
    finally:
        if driver is not None:
            try:
                driver.execute_script("window.onbeforeunload = null;")
            except Exception:
                pass
            try:
                driver.quit()
            except Exception:
                pass
        shutil.rmtree(profile_dir, ignore_errors=True)
        shutdown_new_sessions(base, args.token, nb_path, before_ids)

    print(summary)
    if failures:
        raise CheckFailed("; ".join(failures))


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        import selenium  # noqa: F401
        from selenium import webdriver  # noqa: F401
    except ImportError:
        print("browser check: selenium is missing (run with the course's Python, .venv/bin/python; "
              "install: %s)" % INSTALL_HINT, file=sys.stderr)
        return 2
    missing = [p for p, pkg in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver"))
               if not os.access(p, os.X_OK)]
    if missing:
        print("browser check: %s missing (install: %s)" % (" and ".join(missing), INSTALL_HINT),
              file=sys.stderr)
        return 2
    try:
        check(args)
    except CheckFailed as e:
        print("browser check: FAILED: %s: %s" % (os.path.basename(args.notebook), e),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
