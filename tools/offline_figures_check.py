#!/usr/bin/env python3
"""Checks that a notebook's figures show in the places a notebook is read without the course's
server, offline:

  1. executes the notebook with nbconvert (quick mode) and exports it to HTML;
  2. opens that HTML page in Debian's headless Chromium with the network switched off, waits until
     every course figure is drawn by plotly.js (which the page must carry itself: nothing may be
     fetched), and checks each figure's pixels in a screenshot of it; for an animation, presses
     Play and checks that the picture changes;
  3. opens the same page with JavaScript disabled (what GitHub and sanitizing viewers do): each
     figure must still show its PNG;
  4. shows the PNG outputs of the executed .ipynb, as a static viewer (GitHub) would, and checks
     their pixels.

Screenshots go to --out (default target/browser/): NAME-offline.png, NAME-nojs.png, NAME-png.png.
Prints one summary line per view; exit status 0 all passed, 1 a check failed, 2 selenium or
chromium missing. Run with the course's Python (.venv/bin/python: nbconvert and selenium), Jupyter's
environment set (bin/course test does both):

  .venv/bin/python tools/offline_figures_check.py notebooks/00-getting-started.ipynb --expect 3
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import png_pixels  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,2000"]

# What a drawn figure looks like: plotly's SVG inside the course div, and enough coloured pixels.
MIN_COLOURED = 400
MIN_DISTINCT = 3

JS_FIGURES = r"""
return Array.from(document.querySelectorAll('div.course-figure')).map(function (el) {
  var r = el.getBoundingClientRect();
  return {id: el.id, drawn: el.getAttribute('data-course-drawn'),
          svg: el.querySelectorAll('svg.main-svg').length, gl: el.querySelectorAll('canvas').length,
          traces: (el.data || []).map(function (t) { return t.type; }),
          frames: (el._transitionData && el._transitionData._frames) ? el._transitionData._frames.length : 0,
          img: (function () { var i = el.querySelector('img'); return i ? i.naturalWidth : -1; })(),
          width: r.width, height: r.height};
});
"""


class CheckFailed(Exception):
    pass


def run(cmd, env):
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise CheckFailed("%s failed (%d): %s" % (" ".join(cmd[:4]), done.returncode,
                                                  (done.stderr or done.stdout).strip()[-800:]))


def execute(notebook, out):
    """nbconvert: execute (quick mode) into out/NAME.ipynb, then export that to out/NAME.html."""
    name = os.path.splitext(os.path.basename(notebook))[0]
    env = dict(os.environ, COURSE_QUICK="1")
    run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.shutdown_kernel=immediate", "--ExecutePreprocessor.timeout=600",
         "--output-dir", out, "--output", name + ".ipynb", notebook], env)
    executed = os.path.join(out, name + ".ipynb")
    run([sys.executable, "-m", "nbconvert", "--to", "html", "--output-dir", out, "--output", name + ".html",
         executed], env)
    return executed, os.path.join(out, name + ".html")


def make_driver(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=" + profile)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER, log_path=os.devnull), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 2000, "deviceScaleFactor": 1, "mobile": False})
    return driver


def element_image(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    time.sleep(0.2)
    return png_pixels.decode(element.screenshot_as_png)


def full_screenshot(driver, path):
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": min(max(int(height), 800), 16000), "deviceScaleFactor": 1, "mobile": False})
    driver.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.5)
    driver.save_screenshot(path)


def judge(image, what):
    s = png_pixels.stats(image)
    if s["coloured"] < MIN_COLOURED or s["distinct"] < MIN_DISTINCT:
        raise CheckFailed("%s looks blank: %d coloured pixels in %d colours (%dx%d)"
                          % (what, s["coloured"], s["distinct"], image.width, image.height))
    return s


def check_interactive(driver, html, expect, screenshot):
    from selenium.webdriver.common.by import By
    driver.get("file://" + os.path.abspath(html))
    deadline = time.time() + 90
    figures = []
    while time.time() < deadline:
        figures = driver.execute_script(JS_FIGURES)
        if figures and all(f["drawn"] in ("plotly", "failed") for f in figures):
            break
        time.sleep(0.25)
    drawn = [f for f in figures if f["drawn"] == "plotly"]
    if len(drawn) < expect:
        states = ", ".join("%s=%s" % (f["id"], f["drawn"]) for f in figures) or "no course figures"
        raise CheckFailed("%d of %d figures drawn by plotly.js offline, expected %d (%s)"
                          % (len(drawn), len(figures), expect, states))
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    if any("plot" in url.lower() for url in fetched):
        raise CheckFailed("the page asked the network for plotly: %s" % [u for u in fetched if "plot" in u.lower()])
    time.sleep(1.0)  # let plotly finish its first paint
    animations = 0
    for figure in drawn:
        if not figure["svg"]:
            raise CheckFailed("%s has no plotly SVG" % figure["id"])
        element = driver.find_element(By.ID, figure["id"])
        before = element_image(driver, element)
        judge(before, "%s (%s)" % (figure["id"], "+".join(sorted(set(figure["traces"])))))
        if figure["frames"]:
            play = element.find_elements(By.CSS_SELECTOR, "g.updatemenu-button")
            if not play:
                raise CheckFailed("%s has frames but no Play button" % figure["id"])
            driver.execute_script(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", play[0])
            time.sleep(0.8)
            during = png_pixels.decode(element.screenshot_as_png)
            changed = png_pixels.differing(before, during)
            if changed < 200:
                raise CheckFailed("%s: pressing Play changed only %d pixels" % (figure["id"], changed))
            animations += 1
    full_screenshot(driver, screenshot)
    return len(drawn), len(figures), animations, len(fetched)


def check_without_javascript(driver, html, expect, screenshot):
    from selenium.webdriver.common.by import By
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get("file://" + os.path.abspath(html))
    time.sleep(1.0)
    figures = driver.find_elements(By.CSS_SELECTOR, "div.course-figure")
    shown = 0
    for element in figures:
        image = element.find_elements(By.TAG_NAME, "img")
        if not image or not driver.execute_script("return arguments[0].naturalWidth;", image[0]):
            raise CheckFailed("without JavaScript, %s shows no PNG" % element.get_attribute("id"))
        judge(element_image(driver, image[0]), "the PNG of %s" % element.get_attribute("id"))
        shown += 1
    if shown < expect:
        raise CheckFailed("without JavaScript %d figures show their PNG, expected %d" % (shown, expect))
    full_screenshot(driver, screenshot)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    return shown


def check_pngs(driver, executed, expect, out, screenshot):
    """The executed notebook's image/png outputs on a plain page: what a static viewer shows."""
    from selenium.webdriver.common.by import By
    with open(executed, encoding="utf-8") as f:
        nb = json.load(f)
    images = []
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                images.append((index + 1, png if isinstance(png, str) else "".join(png)))
    page = os.path.join(out, "png-outputs.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body style='margin:8px'>")
        for cell, png in images:
            f.write("<p>cell %d</p><img class='out' src='data:image/png;base64,%s'>" % (cell, png.strip()))
        f.write("</body></html>")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.get("file://" + os.path.abspath(page))
    time.sleep(0.5)
    for element, (cell, png) in zip(driver.find_elements(By.CSS_SELECTOR, "img.out"), images):
        judge(png_pixels.decode(base64.b64decode(png)), "the PNG output of cell %d" % cell)
        if not driver.execute_script("return arguments[0].naturalWidth;", element):
            raise CheckFailed("the PNG output of cell %d does not load" % cell)
    if len(images) < expect:
        raise CheckFailed("the executed notebook has %d PNG outputs, expected %d" % (len(images), expect))
    full_screenshot(driver, screenshot)
    return len(images)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("notebook")
    p.add_argument("--out", default="target/browser")
    p.add_argument("--expect", type=int, default=3, help="figures the notebook must show (default 3)")
    args = p.parse_args(argv)
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("offline figures: selenium is missing: run with the course's Python (.venv/bin/python, built by bin/course)", file=sys.stderr)
        return 2
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        print("offline figures: chromium or chromedriver is missing (apt-get install chromium chromium-driver)",
              file=sys.stderr)
        return 2
    name = os.path.splitext(os.path.basename(args.notebook))[0]
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="offline-figures-chromium-")
    driver = None
    try:
        started = time.time()
        executed, html = execute(args.notebook, out)
        print("offline figures: %s executed and exported by nbconvert in %.0f s: %s"
              % (name, time.time() - started, os.path.relpath(html)), flush=True)
        driver = make_driver(profile)
        shot = os.path.join(out, name + "-offline.png")
        drawn, total, animations, requests = check_interactive(driver, html, args.expect, shot)
        print("offline figures: nbconvert HTML, network off: %d of %d figures drawn by the embedded plotly.js, "
              "%d animation(s) play, %d resource request(s), none for plotly; screenshot %s"
              % (drawn, total, animations, requests, os.path.relpath(shot)), flush=True)
        shot = os.path.join(out, name + "-nojs.png")
        shown = check_without_javascript(driver, html, args.expect, shot)
        print("offline figures: nbconvert HTML, JavaScript off: %d figures show their PNG; screenshot %s"
              % (shown, os.path.relpath(shot)), flush=True)
        shot = os.path.join(out, name + "-png.png")
        pngs = check_pngs(driver, executed, args.expect, out, shot)
        print("offline figures: .ipynb as a static viewer shows it: %d PNG outputs drawn; screenshot %s"
              % (pngs, os.path.relpath(shot)), flush=True)
    except CheckFailed as e:
        print("offline figures: FAILED: %s: %s" % (name, e), file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
