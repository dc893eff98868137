#!/usr/bin/env python3
"""The course in the real JupyterLab 4 (and Notebook 7), in headless Chromium driven by Playwright.

Starts `bin/course lab --no-browser` on a free port (its own token, JupyterLab settings in
OUT/../jupyterlab-state/, autosave off, so no lesson file is ever written) and then:

  1. opens every lesson (notebooks/*.ipynb) in JupyterLab, clears its outputs, picks Run > Run All
     Cells in the menu bar, waits until the kernel is idle with no cell running, and fails on any
     error output, any code cell left without an execution count, or any figure that plotly.js did
     not draw: the figures a notebook shows are counted from its outputs (the course's figure divs)
     and each must be drawn by plotly.js in the page (scrolled to); the pixels of the first and the
     last figure of each notebook are checked, each figure must be as wide as its output area, and
     neither its modebar nor its legend may overlap its title;
  2. watches lesson 11's progress bar while its small run trains: at least two different states
     before the final one, always in one output (updated in place). Lesson 11 shows the committed
     full sweep (data/results/) when there is one and trains only without it, so this runs the
     lesson's cells up to its training cell, that cell as it runs without a saved sweep, in a
     scratch notebook;
  3. in a scratch notebook runs `while (true) {}`, presses the toolbar's stop button, checks that
     the kernel answers the next cell with an earlier variable intact, restarts the kernel from the
     Kernel menu and checks a cell runs again (and the old variable is gone);
  4. repeats the most figure-heavy lesson with windowingMode 'full' (cells out of view are removed
     from the page), scrolls through it and checks every figure is drawn when scrolled to, also
     after the cell that carried plotly.js was scrolled away;
  5. opens 00-getting-started in Notebook 7 (`bin/course lab --notebook`) and runs it the same way.

Screenshots go to OUT (default target/browser/jupyterlab/): NAME.png for each notebook (the window
at its first figure), figures/NAME-course-fig-N.png (its first and last figure, pointer over it so the
modebar shows), 11-mnist-dl4j-progress.png, scratch-interrupt.png, NAME-windowing-full.png, notebook7-NAME.png. One line
per notebook (cells, figures drawn, seconds), then the total; exit status 0 all passed, 1 a check
failed, 2 Chromium or Playwright missing. Quick mode (COURSE_QUICK=1) unless --full.

  .venv/bin/python tools/jupyterlab_check.py [--out DIR] [--only 04-momentum.ipynb ...]
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
import png_pixels  # noqa: E402

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # reported in main()
    PlaywrightError = Exception

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 1100}
KERNEL = "optimizers-course-java"
MIN_COLOURED = 400
MIN_DISTINCT = 3
SCRATCH_DIR = "browser-test-scratch"


class CheckFailed(Exception):
    pass


# ---- the server ------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`bin/course lab --no-browser [--notebook]` on a free port with its own token."""

    def __init__(self, state, log, notebook_ui=False):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = "http://127.0.0.1:%d" % self.port
        self.log_path = log
        settings = os.path.join(state, "settings")
        # Autosave off: running a lesson changes it in the page, never on disk.
        docmanager = os.path.join(settings, "@jupyterlab", "docmanager-extension")
        os.makedirs(docmanager, exist_ok=True)
        with open(os.path.join(docmanager, "plugin.jupyterlab-settings"), "w") as f:
            json.dump({"autosave": False}, f)
        # No "get notified about Jupyter news?" toast over the screenshots (and no request for news).
        apputils = os.path.join(settings, "@jupyterlab", "apputils-extension")
        os.makedirs(apputils, exist_ok=True)
        with open(os.path.join(apputils, "notification.jupyterlab-settings"), "w") as f:
            json.dump({"fetchNews": "false"}, f)
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=settings,
                   JUPYTERLAB_WORKSPACES_DIR=os.path.join(state, "workspaces"))
        cmd = [os.path.join(ROOT, "bin", "course"), "lab", "--no-browser", "--ip", "127.0.0.1",
               "--port", str(self.port), "--ServerApp.port_retries=0", "--IdentityProvider.token=" + self.token,
               "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True"]
        if notebook_ui:
            cmd.insert(2, "--notebook")
        self.log = open(log, "w")
        self.process = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True)
        deadline = time.time() + 600  # the first start may build lib, the kernel and the environment
        while True:
            try:
                self.get("/api/status")
                break
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None:
                    raise CheckFailed("bin/course lab exited (%s); the end of its log %s:\n%s"
                                      % (self.process.returncode, log, tail(log)))
                if time.time() > deadline:
                    raise CheckFailed("bin/course lab did not answer within 10 min; log %s" % log)
                time.sleep(0.5)

    def request(self, path, method="GET", body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "token " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()

    def get(self, path):
        return json.loads(self.request(path)[1] or b"null")

    def page_config(self, path):
        """The jupyter-config-data a page carries (JupyterLab's and Notebook 7's versions are in it)."""
        status, body = self.request(path)
        match = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', body, re.S)
        if status != 200 or not match:
            raise CheckFailed("%s answered %d without JupyterLab's page configuration" % (path, status))
        return json.loads(match.group(1))

    def shutdown_sessions(self, path=None):
        for session in self.get("/api/sessions") or []:
            if path is None or session.get("path") == path:
                try:
                    self.request("/api/sessions/" + session["id"], method="DELETE")
                except (urllib.error.URLError, OSError):
                    pass

    def saved_files(self):
        """Files the server wrote (it logs each save): must stay empty but for the scratch notebook."""
        self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return [l.strip() for l in f if "Saving file at" in l and SCRATCH_DIR not in l]

    def stop(self):
        try:
            self.shutdown_sessions()
        except Exception:
            pass
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self.log.close()


def tail(path, lines=20):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no log)"


# ---- JavaScript in the page (window.jupyterapp: the server runs with expose_app_in_browser) ----

JS_PANEL = r"""
(path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) { return null; }
  const w = app.shell.currentWidget;
  if (!w || !w.context || !w.content || w.context.path !== path) { return null; }
  const sc = w.sessionContext, kernel = sc && sc.session ? sc.session.kernel : null;
  return {ready: !!(w.context.isReady && sc.isReady), kernel: kernel ? kernel.name : null,
          status: kernel ? kernel.status : (sc && sc.hasNoKernel ? 'none' : 'starting')};
}
"""

JS_STATE = r"""
() => {
  const w = window.jupyterapp.shell.currentWidget, cells = [];
  const kernel = w.sessionContext.session ? w.sessionContext.session.kernel : null;
  let running = 0;
  w.content.widgets.forEach((cell, i) => {
    const m = cell.model;
    if (m.type !== 'code') { cells.push({index: i + 1, type: m.type}); return; }
    const prompt = cell.promptNode ? cell.promptNode.textContent : '';
    const busy = m.executionState === 'running' || prompt.indexOf('*') >= 0;
    if (busy) { running++; }
    const errors = [], html = [];
    const outputs = m.outputs.toJSON();
    outputs.forEach(o => {
      if (o.output_type === 'error') { errors.push((o.ename || '') + ': ' + (o.evalue || '')); }
      const data = o.data || {}, h = data['text/html'];
      if (h) { html.push(Array.isArray(h) ? h.join('') : h); }
    });
    const figures = [];
    html.forEach(h => { const re = /class="course-figure" id="([^"]+)"/g; let x; while ((x = re.exec(h))) { figures.push(x[1]); } });
    const text = outputs.map(o => {
      const d = o.data || {}; const t = d['text/plain'] || o.text || '';
      return Array.isArray(t) ? t.join('') : t;
    }).join('\n');
    cells.push({index: i + 1, type: 'code', source: m.sharedModel.getSource(), count: m.executionCount,
                busy: busy, errors: errors, figures: figures, text: text});
  });
  return {status: kernel ? kernel.status : 'none', running: running, cells: cells};
}
"""

# Records every state of the course's progress bars while cells run (outputs replaced in place).
JS_WATCH_PROGRESS = r"""
() => {
  const w = window.jupyterapp.shell.currentWidget, seen = window.__courseProgress = {states: [], most: 0};
  const look = () => {
    const bars = w.node.querySelectorAll('.course-progress');
    seen.most = Math.max(seen.most, bars.length);
    bars.forEach(b => { const t = b.textContent.trim(); if (seen.states.indexOf(t) < 0) { seen.states.push(t); } });
  };
  new MutationObserver(look).observe(w.node, {subtree: true, childList: true, characterData: true});
}
"""

JS_FIGURES = r"""
() => {
  const w = window.jupyterapp.shell.currentWidget;
  return Array.from(w.node.querySelectorAll('div.course-figure')).map(el => {
    const r = el.getBoundingClientRect(), outer = w.content.node.getBoundingClientRect();
    const title = el.querySelector('.gtitle'), bar = el.querySelector('.modebar');
    const box = n => { if (!n) { return null; } const b = n.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    return {id: el.id, drawn: el.getAttribute('data-course-drawn'), svg: el.querySelectorAll('svg.main-svg').length,
            visible: r.bottom > outer.top && r.top < outer.bottom && r.height > 0,
            width: r.width, cellWidth: (el.closest('.jp-OutputArea-output') || el).getBoundingClientRect().width,
            title: box(title), modebar: box(bar), legend: box(el.querySelector('g.legend')),
            carrier: (() => { const c = document.getElementById('course-plotly-js'), o = c && c.parentElement;
              if (!o) { return false; }
              const b = o.getBoundingClientRect();
              return b.height > 0 && b.bottom > outer.top && b.top < outer.bottom; })()};
  });
}
"""


def first_line(text, limit=90):
    text = (text or "").strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[:limit - 3] + "..."


class Lab:
    """One browser; a page per notebook."""

    def __init__(self, playwright, out):
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.out = out

    def open(self, server, path, ui="lab", timeout=180):
        page = self.browser.new_page(viewport=VIEWPORT)
        page.on("dialog", lambda d: d.dismiss())  # "leave the page?" prompts
        if ui == "lab":
            url = "%s/lab/tree/%s?reset&token=%s" % (server.base, path, server.token)
        else:
            url = "%s/notebooks/%s?token=%s" % (server.base, path, server.token)
        page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
        deadline = time.time() + timeout
        state = None
        while time.time() < deadline:
            state = page.evaluate(JS_PANEL, path)
            if state and state["ready"] and state["status"] == "idle":
                break
            if state and state["status"] == "dead":
                raise CheckFailed("%s: the kernel is %s after opening the notebook" % (path, state["status"]))
            time.sleep(0.25)
        else:
            raise CheckFailed("%s: the notebook did not open with an idle kernel within %d s (last state %s)"
                              % (path, timeout, state))
        if state["kernel"] != KERNEL:
            raise CheckFailed("%s: opened with kernel %r, not the course kernel %r" % (path, state["kernel"], KERNEL))
        return page

    def close(self):
        self.browser.close()


def menu(page, top, label):
    """Clicks a menu-bar item, then the entry of its menu with this label (as a user picks it)."""
    page.locator(".lm-MenuBar .lm-MenuBar-itemLabel").filter(has_text=re.compile("^%s$" % top)).first.click()
    item = page.locator(".lm-Menu-item:not(.lm-mod-disabled)").filter(
        has=page.locator(".lm-Menu-itemLabel").filter(has_text=re.compile("^%s$" % re.escape(label)))).first
    try:
        item.wait_for(state="visible", timeout=10000)
    except PlaywrightError:
        raise CheckFailed("no enabled menu entry %s > %s" % (top, label))
    item.click()


def wait_idle(page, deadline, what, settle=1.5, restarting=False):
    """Waits until the kernel is idle and no cell runs, `settle` seconds in a row (restarting: the
    kernel may pass through restarting/unknown/starting on the way)."""
    quiet_since = None
    state = None
    while True:
        state = page.evaluate(JS_STATE)
        if state["status"] == "dead" or (not restarting and state["status"] in ("restarting", "autorestarting")):
            raise CheckFailed("%s: the kernel went %s" % (what, state["status"]))
        quiet = state["status"] == "idle" and state["running"] == 0
        now = time.time()
        if quiet:
            quiet_since = quiet_since or now
            if now - quiet_since >= settle:
                return state
        else:
            quiet_since = None
        if now > deadline:
            running = [c["index"] for c in state["cells"] if c.get("busy")]
            raise CheckFailed("%s: still running after the time limit (kernel %s, cells running or queued: %s)"
                              % (what, state["status"], running[:10]))
        time.sleep(0.3)


def check_cells(name, state):
    failures = []
    code = [c for c in state["cells"] if c["type"] == "code"]
    for c in code:
        for e in c["errors"]:
            failures.append("%s: cell %d `%s`: %s" % (name, c["index"], first_line(c["source"], 50), first_line(e, 200)))
    not_run = [c["index"] for c in code if c["count"] is None and c["source"].strip()]
    if not_run:
        failures.append("%s: %d code cell(s) left unexecuted: cell %s" % (name, len(not_run), ", ".join(map(str, not_run))))
    return failures


def element_pixels(page, figure_id, path=None):
    element = page.locator("#" + figure_id)
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    if box:  # the pointer at the top edge shows the modebar (so a screenshot shows where it sits), no hover label
        element.hover(position={"x": max(1, box["width"] / 2), "y": 3})
    time.sleep(0.3)
    png = element.screenshot(path=path) if path else element.screenshot()
    return png_pixels.stats(png_pixels.decode(png))


def overlaps(a, b):
    return a and b and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_check(page, name, expected, deadline, shots=None):
    """Scrolls to each figure the outputs hold; each must be drawn by plotly.js. Returns failures."""
    failures, drawn = [], []
    for figure_id in expected:
        element = page.locator("#" + figure_id)
        if element.count() == 0:
            failures.append("%s: figure %s is in the outputs but not in the page" % (name, figure_id))
            continue
        element.scroll_into_view_if_needed()
        state = None
        until = min(deadline, time.time() + 20)
        while time.time() < until:
            state = {f["id"]: f for f in page.evaluate(JS_FIGURES)}.get(figure_id)
            if state and state["drawn"] in ("plotly", "failed") and (state["drawn"] == "failed" or state["svg"]):
                break
            time.sleep(0.2)
        if not state or state["drawn"] != "plotly" or not state["svg"]:
            failures.append("%s: figure %s not drawn by plotly.js (state %s)"
                            % (name, figure_id, state["drawn"] if state else "missing"))
            continue
        drawn.append(state)
        if overlaps(state["title"], state["modebar"]):
            failures.append("%s: figure %s: the modebar %s covers the title %s" % (name, figure_id,
                            [round(v) for v in state["modebar"]], [round(v) for v in state["title"]]))
        if overlaps(state["title"], state["legend"]):
            failures.append("%s: figure %s: the legend %s covers the title %s" % (name, figure_id,
                            [round(v) for v in state["legend"]], [round(v) for v in state["title"]]))
        if state["width"] < 0.9 * state["cellWidth"] - 1:
            failures.append("%s: figure %s is %.0f px wide in an output area of %.0f px (not responsive)"
                            % (name, figure_id, state["width"], state["cellWidth"]))
    for figure in ([drawn[0], drawn[-1]] if len(drawn) > 1 else drawn):
        stats = element_pixels(page, figure["id"], shots and os.path.join(shots, "%s-%s.png" % (name[:-6], figure["id"])))
        if stats["coloured"] < MIN_COLOURED or stats["distinct"] < MIN_DISTINCT:
            failures.append("%s: figure %s looks blank: %d coloured pixels in %d colours"
                            % (name, figure["id"], stats["coloured"], stats["distinct"]))
    return len(drawn), failures


def run_notebook(lab, server, path, out, ui="lab", timeout=600, watch_progress=False, shot=None):
    """Opens, clears, Run All Cells from the menu, waits, checks. Returns the result row."""
    name = os.path.basename(path)
    started = time.time()
    deadline = started + timeout
    page = None
    result = {"notebook": name, "ui": ui, "failures": []}
    try:
        page = lab.open(server, path, ui)
        opened = time.time()
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        state = page.evaluate(JS_STATE)
        if any(c["type"] == "code" and c["count"] is not None for c in state["cells"]):
            raise CheckFailed("%s: execution counts remained after clearing the outputs" % name)
        if watch_progress:
            page.evaluate(JS_WATCH_PROGRESS)
        menu(page, "Run", "Run All Cells")
        state = wait_idle(page, deadline, name)
        ran = time.time()
        result["failures"] += check_cells(name, state)
        code = [c for c in state["cells"] if c["type"] == "code"]
        expected = [f for c in code for f in c["figures"]]
        result.update(cells=len(state["cells"]), code=len(code), ran=sum(c["count"] is not None for c in code),
                      figures=len(expected))
        drawn, failures = draw_check(page, name, expected, deadline, os.path.join(out, "figures"))
        result["drawn"] = drawn
        result["failures"] += failures
        result["note"] = "open %.0f s, run all %.0f s, figures %.0f s" % (opened - started, ran - opened, time.time() - ran)
        if watch_progress:
            seen = page.evaluate("() => window.__courseProgress")
            final = [s for s in seen["states"] if ", done" in s]
            moving = [s for s in seen["states"] if ", done" not in s]
            result["progress"] = len(seen["states"])
            if len(moving) < 2:
                result["failures"].append("%s: the progress bar showed %d state(s) before its final one while "
                                          "training ran (need 2 or more): %s" % (name, len(moving), seen["states"][:4]))
            if not final:
                result["failures"].append("%s: the progress bar never showed its final state" % name)
            bars = len(page.locator(".course-progress").all())
            if seen["most"] > bars:
                result["failures"].append("%s: %d progress outputs at once, %d at the end: the bar was not updated "
                                          "in place" % (name, seen["most"], bars))
        if expected:
            page.locator("#" + expected[0]).scroll_into_view_if_needed()
            time.sleep(0.3)
        page.screenshot(path=shot or os.path.join(out, os.path.splitext(name)[0] + ".png"))
    except (CheckFailed, PlaywrightError) as e:
        result["failures"].append("%s: %s" % (name, first_line(str(e), 300)) if isinstance(e, PlaywrightError) else str(e))
        try:
            if page is not None:
                page.screenshot(path=shot or os.path.join(out, os.path.splitext(name)[0] + ".png"))
        except Exception:
            pass
    finally:
        result["seconds"] = time.time() - started
        if page is not None:
            page.close()
        server.shutdown_sessions(path)
    return result


# ---- 3: interrupt and restart ----------------------------------------------------------------

SCRATCH_CELLS = ["int x = 41;", "while (true) {}", "x + 1", "int y = 6 * 7;\ny"]


def scratch_notebook():
    cells = [{"cell_type": "code", "source": s, "metadata": {}, "outputs": [], "execution_count": None}
             for s in SCRATCH_CELLS]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells, "metadata": {
        "kernelspec": {"name": KERNEL, "display_name": "Java (optimizers course)", "language": "java"},
        "language_info": {"name": "java"}}}


def run_cell(page, index, deadline, what):
    page.evaluate("(i) => { const w = window.jupyterapp.shell.currentWidget; w.content.activeCellIndex = i;"
                  " return window.jupyterapp.commands.execute('notebook:run-cell'); }", index)
    time.sleep(0.3)
    state = wait_idle(page, deadline, what, settle=0.5)
    return state["cells"][index]


def interrupt_and_restart(lab, server, out):
    started = time.time()
    path = SCRATCH_DIR + "/scratch.ipynb"
    failures = []
    scratch_put(server, "scratch.ipynb", scratch_notebook())
    page = None
    try:
        page = lab.open(server, path)
        deadline = time.time() + 180
        first = run_cell(page, 0, deadline, "scratch cell 1")
        if first["errors"]:
            failures.append("scratch: `int x = 41;` failed: %s" % first["errors"])
        page.evaluate("() => { const w = window.jupyterapp.shell.currentWidget; w.content.activeCellIndex = 1;"
                      " window.jupyterapp.commands.execute('notebook:run-cell'); }")
        until = time.time() + 20
        while page.evaluate(JS_STATE)["status"] != "busy" and time.time() < until:
            time.sleep(0.1)
        time.sleep(2.0)
        if page.evaluate(JS_STATE)["status"] != "busy":
            failures.append("scratch: the kernel was not busy running `while (true) {}`")
        stop = page.locator('.jp-NotebookPanel-toolbar [data-jp-item-name="interrupt"]').first
        (stop.locator("button").first if stop.locator("button").count() else stop).click()
        stopped = time.time()
        state = wait_idle(page, time.time() + 30, "scratch: after pressing stop", settle=0.5)
        print("jupyterlab: scratch: the stop button ended `while (true) {}` in %.1f s" % (time.time() - stopped), flush=True)
        answer = run_cell(page, 2, time.time() + 60, "scratch cell 3")
        if answer["errors"] or answer["text"].strip() != "42":
            failures.append("scratch: after the interrupt `x + 1` gave %r %s, expected 42 (x kept)"
                            % (answer["text"], answer["errors"]))
        menu(page, "Kernel", "Restart Kernel…")
        page.locator(".jp-Dialog .jp-mod-accept").first.click()
        time.sleep(1.0)
        state = wait_idle(page, time.time() + 120, "scratch: restarting", settle=1.0, restarting=True)
        again = run_cell(page, 3, time.time() + 60, "scratch cell 4")
        if again["errors"] or again["text"].strip() != "42":
            failures.append("scratch: after the restart `int y = 6 * 7; y` gave %r %s, expected 42"
                            % (again["text"], again["errors"]))
        gone = run_cell(page, 2, time.time() + 60, "scratch cell 3 after the restart")
        if not gone["errors"]:
            failures.append("scratch: after the restart `x + 1` still answered %r: the kernel was not restarted"
                            % gone["text"])
        page.screenshot(path=os.path.join(out, "scratch-interrupt.png"))
    except (CheckFailed, PlaywrightError) as e:
        failures.append("scratch: " + first_line(str(e), 300))
    finally:
        if page is not None:
            page.close()
        server.shutdown_sessions(path)
        scratch_clean(server)
    return {"notebook": "scratch (interrupt, restart)", "ui": "lab", "cells": len(SCRATCH_CELLS),
            "code": len(SCRATCH_CELLS), "ran": len(SCRATCH_CELLS), "figures": 0, "drawn": 0,
            "seconds": time.time() - started, "failures": failures}


# ---- 2: lesson 11's progress bar -------------------------------------------------------------

def scratch_put(server, name, notebook):
    server.request("/api/contents/" + SCRATCH_DIR, "PUT", {"type": "directory"})
    server.request("/api/contents/%s/%s" % (SCRATCH_DIR, name), "PUT",
                   {"type": "notebook", "format": "json", "content": notebook})
    return "%s/%s" % (SCRATCH_DIR, name)


def scratch_clean(server):
    try:
        for item in (server.get("/api/contents/" + SCRATCH_DIR) or {}).get("content") or []:
            server.request("/api/contents/" + item["path"], "DELETE")
        server.request("/api/contents/" + SCRATCH_DIR, "DELETE")
    except (urllib.error.URLError, OSError):
        pass


def lesson11_progress(lab, server, out, lesson="11-mnist-dl4j.ipynb", timeout=600):
    """Lesson 11 shows the committed full sweep (data/results/) when it has one, and trains a small run
    with a live progress bar only without it: this runs the lesson's cells up to that training cell,
    the training cell as it runs without a saved sweep, and watches the bar."""
    started = time.time()
    label = lesson + ", its small run"
    with open(os.path.join(ROOT, "notebooks", lesson)) as f:
        notebook = json.load(f)
    source = lambda c: "".join(c["source"]) if isinstance(c["source"], list) else c["source"]  # noqa: E731
    training = [i for i, c in enumerate(notebook["cells"]) if c["cell_type"] == "code" and "Progress.start(" in source(c)]
    if not training or "MnistLesson.savedSweep()" not in source(notebook["cells"][training[0]]):
        return {"notebook": label, "ui": "lab", "seconds": 0, "failures": [
            "%s: no training cell with Progress.start( and MnistLesson.savedSweep() found" % lesson]}
    cells = notebook["cells"][:training[0] + 1]
    for c in cells:
        if c["cell_type"] == "code":
            c["outputs"], c["execution_count"] = [], None
    cells[-1]["source"] = source(cells[-1]).replace("MnistLesson.savedSweep()", "Optional.empty()", 1)
    notebook["cells"] = cells
    path = scratch_put(server, "11-small-run.ipynb", notebook)
    try:
        r = run_notebook(lab, server, path, out, timeout=timeout, watch_progress=True,
                         shot=os.path.join(out, "11-mnist-dl4j-progress.png"))
    finally:
        scratch_clean(server)
    r["notebook"] = label
    r["seconds"] = time.time() - started
    return r


# ---- 4: windowingMode 'full' -----------------------------------------------------------------

def set_windowing(server, mode):
    raw = json.dumps({"windowingMode": mode}) if mode else "{}"
    server.request("/lab/api/settings/@jupyterlab/notebook-extension:tracker", "PUT", {"raw": raw})


def windowing_full(lab, server, path, out, timeout=600):
    name = os.path.basename(path)
    started = time.time()
    failures = []
    set_windowing(server, "full")
    page = None
    result = {"notebook": name + " (windowingMode full)", "ui": "lab", "failures": failures}
    try:
        page = lab.open(server, path)
        mode = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.notebookConfig.windowingMode")
        if mode != "full":
            raise CheckFailed("%s: windowingMode is %r after setting it to 'full'" % (name, mode))
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        menu(page, "Run", "Run All Cells")
        state = wait_idle(page, started + timeout, name + " (full)")
        failures += check_cells(name + " (full)", state)
        expected = [f for c in state["cells"] if c["type"] == "code" for f in c["figures"]]
        shown_cells = ("() => Array.from(window.jupyterapp.shell.currentWidget.content.node"
                       ".querySelectorAll('.jp-Cell')).filter(c => c.offsetParent !== null).length")
        # Scroll from the top to the bottom, a part of a window at a time, noting each figure drawn in view.
        page.evaluate("() => { const w = window.jupyterapp.shell.currentWidget.content;"
                      " (w.outerNode || w.node).scrollTop = 0; }")
        drawn, away, most_shown = {}, set(), 0
        while True:
            most_shown = max(most_shown, page.evaluate(shown_cells))
            time.sleep(0.5)
            until = time.time() + 15
            while True:  # figures in view that are not drawn yet get a moment
                figures = [f for f in page.evaluate(JS_FIGURES) if f["visible"]]
                if all(f["drawn"] == "plotly" for f in figures) or time.time() > until:
                    break
                time.sleep(0.25)
            for f in figures:
                if f["drawn"] == "plotly" and f["svg"]:
                    drawn.setdefault(f["id"], f)
                    if not f["carrier"]:
                        away.add(f["id"])
            at_end = page.evaluate("() => { const w = window.jupyterapp.shell.currentWidget.content;"
                                   " const n = w.outerNode || w.node; const before = n.scrollTop;"
                                   " n.scrollTop = before + n.clientHeight * 0.6; return n.scrollTop === before; }")
            if at_end or time.time() > started + timeout:
                break
        missing = [f for f in expected if f not in drawn]
        if missing:
            failures.append("%s (full): %d of %d figures never drawn when scrolled to: %s"
                            % (name, len(missing), len(expected), ", ".join(missing[:8])))
        if len(expected) > 1 and not away:
            failures.append("%s (full): no figure was seen drawn while the cell carrying plotly.js was out of view "
                            "(the case this run is for)" % name)
        if most_shown >= len(state["cells"]):
            failures.append("%s (full): all %d cells were shown at once: windowing did not remove any"
                            % (name, most_shown))
        # Back to the first figure: its cell was removed from the page and comes back drawn.
        if expected:
            page.evaluate("(i) => window.jupyterapp.shell.currentWidget.content.scrollToItem(i, 'center')",
                          next(c["index"] - 1 for c in state["cells"] if c["type"] == "code" and c["figures"]))
            time.sleep(1.0)
            first = {f["id"]: f for f in page.evaluate(JS_FIGURES)}.get(expected[0])
            if not first or first["drawn"] != "plotly" or not first["svg"]:
                failures.append("%s (full): the first figure %s is not drawn after scrolling back to it (%s)"
                                % (name, expected[0], first["drawn"] if first else "not in the page"))
        page.screenshot(path=os.path.join(out, os.path.splitext(name)[0] + "-windowing-full.png"))
        result.update(cells=len(state["cells"]), code=sum(c["type"] == "code" for c in state["cells"]),
                      ran=sum(c["type"] == "code" and c["count"] is not None for c in state["cells"]),
                      figures=len(expected), drawn=len([f for f in expected if f in drawn]),
                      note="at most %d of %d cells shown at once, %d figures seen drawn with plotly.js's cell out of view"
                           % (most_shown, len(state["cells"]), len(away)))
    except (CheckFailed, PlaywrightError) as e:
        failures.append("%s (full): %s" % (name, first_line(str(e), 300)))
    finally:
        if page is not None:
            page.close()
        server.shutdown_sessions(path)
        set_windowing(server, None)
    result["seconds"] = time.time() - started
    return result


# ---- main ------------------------------------------------------------------------------------

def line(r):
    figures = "%d/%d figures drawn" % (r.get("drawn", 0), r.get("figures", 0))
    extra = ", progress bar: %d states" % r["progress"] if "progress" in r else ""
    extra += ", " + r["note"] if r.get("note") else ""
    return "jupyterlab: %-44s %-8s %3s cells %3s/%-3s run  %-20s %6.1f s  %s%s" % (
        r["notebook"], "nb7" if r["ui"] == "notebook" else "lab4", r.get("cells", "?"), r.get("ran", "?"),
        r.get("code", "?"), figures, r["seconds"], "FAILED" if r["failures"] else "ok", extra)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=os.path.join(ROOT, "target", "browser", "jupyterlab"))
    p.add_argument("--only", nargs="*", help="lesson files to sweep (default: every notebooks/*.ipynb)")
    p.add_argument("--full", action="store_true", help="full mode (default: quick mode, COURSE_QUICK=1)")
    p.add_argument("--skip", nargs="*", default=[], choices=["sweep", "progress", "scratch", "windowing", "notebook7"])
    p.add_argument("--timeout", type=int, default=600, help="seconds per notebook (default 600)")
    args = p.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("jupyterlab: Playwright is missing: run with the course's Python (.venv/bin/python, bin/course builds it)",
              file=sys.stderr)
        return 2
    if not os.access(CHROMIUM, os.X_OK):
        print("jupyterlab: %s is missing (apt-get install chromium)" % CHROMIUM, file=sys.stderr)
        return 2
    if not args.full:
        os.environ["COURSE_QUICK"] = "1"
    mnist = os.path.join(ROOT, "data", "mnist")
    if "COURSE_MNIST_DIR" not in os.environ and os.path.isdir(mnist):
        os.environ["COURSE_MNIST_DIR"] = mnist
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "figures"))
    lessons = sorted(n for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb"))
    if args.only:
        lessons = [os.path.basename(n) for n in args.only]
    state = os.path.join(os.path.dirname(out), "jupyterlab-state")
    shutil.rmtree(state, ignore_errors=True)
    started = time.time()
    results, problems = [], []
    server = None
    try:
        with sync_playwright() as playwright:
            server = Server(state, os.path.join(out, "server.log"))
            config = server.page_config("/lab")
            version = config.get("appVersion", "")
            print("jupyterlab: bin/course lab --no-browser serves JupyterLab %s at %s/lab (server up in %.0f s)"
                  % (version, server.base, time.time() - started), flush=True)
            if not version.startswith("4."):
                problems.append("/lab serves JupyterLab %r, not JupyterLab 4" % version)
            lab = Lab(playwright, out)
            try:
                if "sweep" not in args.skip:
                    for name in lessons:
                        r = run_notebook(lab, server, name, out, timeout=args.timeout)
                        results.append(r)
                        print(line(r), flush=True)
                if "progress" not in args.skip:
                    r = lesson11_progress(lab, server, out, timeout=args.timeout)
                    results.append(r)
                    print(line(r), flush=True)
                if "scratch" not in args.skip:
                    r = interrupt_and_restart(lab, server, out)
                    results.append(r)
                    print(line(r), flush=True)
                if "windowing" not in args.skip:
                    swept = [r for r in results if r["ui"] == "lab" and r.get("figures")]
                    heavy = max(swept, key=lambda r: r["figures"])["notebook"] if swept else "04-momentum.ipynb"
                    r = windowing_full(lab, server, heavy, out, timeout=args.timeout)
                    results.append(r)
                    print(line(r), flush=True)
                saved = server.saved_files()
                if saved:
                    problems.append("the server saved lesson files during the test: %s" % saved[:3])
                server.stop()
                server = None
                if "notebook7" not in args.skip:
                    server = Server(state + "-nb7", os.path.join(out, "server-notebook7.log"), notebook_ui=True)
                    config = server.page_config("/tree")
                    nb_version = config.get("appVersion", "")
                    print("jupyterlab: bin/course lab --notebook serves Notebook %s" % nb_version, flush=True)
                    if not nb_version.startswith("7."):
                        problems.append("bin/course lab --notebook serves Notebook %r, not Notebook 7" % nb_version)
                    r = run_notebook(lab, server, "00-getting-started.ipynb", out, ui="notebook", timeout=args.timeout,
                                     shot=os.path.join(out, "notebook7-00-getting-started.png"))
                    r["notebook"] = "00-getting-started.ipynb (Notebook 7)"
                    results.append(r)
                    print(line(r), flush=True)
                    saved = server.saved_files()
                    if saved:
                        problems.append("the Notebook 7 server saved lesson files: %s" % saved[:3])
            finally:
                lab.close()
    except CheckFailed as e:
        problems.append(str(e))
    finally:
        if server is not None:
            server.stop()
    for r in results:
        problems += r["failures"]
    total = time.time() - started
    print("jupyterlab: %d notebooks in %.0f s (%.1f min); screenshots in %s"
          % (len(results), total, total / 60, os.path.relpath(out, ROOT)), flush=True)
    if problems:
        for problem in problems:
            print("jupyterlab: FAILED: " + problem, file=sys.stderr)
        return 1
    print("jupyterlab: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
