"""`bin/course test`: every check before a merge, each step under a time limit with its log in
target/test-logs/, counted into one summary that ends "N passed, N failed, N skipped" (what could not
run here named above it). COURSE_TEST_STEPS=harness,exercises runs only the steps it names."""
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ElementTree

from . import environment, mnist_data
from .common import ROOT, CourseError, UsageError, kernelspec, path, say

KERNEL_MAIN = "course.kernel.Main"
KILL_AFTER_S = 20
TIMED_OUT = 124  # the status GNU timeout gives, which the old launcher used


# ---- the summary ----------------------------------------------------------------------------------

class Summary:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.lines = []
        self.skipped = []

    def record(self, name, passed, failed):
        self.passed += passed
        self.failed += failed
        self.lines.append("%-34s %4d passed, %d failed" % (name, passed, failed))

    def skip(self, what, why):
        """A check that could not run here: named in the summary, counted as skipped (not as a pass)."""
        self.skipped.append(f"{what}: {why}")

    def report(self, seconds):
        out = ["", f"bin/course test: {seconds:.0f} s; logs in target/test-logs/"]
        out += ["  " + line for line in self.lines]
        out += ["  skipped: " + line for line in self.skipped]
        out.append(f"{self.passed} passed, {self.failed} failed, {len(self.skipped)} skipped")
        return "\n".join(out)


def unittest_counts(log_text):
    """(ran, failures, errors, skipped, skip reasons) from a unittest run's log ("Ran N tests",
    "FAILED (failures=a, errors=b, skipped=c)" or "OK (skipped=c)"); ran is 0 when it never got there."""
    ran = [int(n) for n in re.findall(r"^Ran (\d+) tests?\b", log_text, re.M)]
    verdicts = re.findall(r"^(?:OK|FAILED)\b.*$", log_text, re.M)
    last = verdicts[-1] if verdicts else ""

    def count(name):
        found = re.search(name + r"=(\d+)", last)
        return int(found.group(1)) if found else 0

    reasons = sorted(set(re.findall(r"skipped '[^']*'", log_text)))
    return (ran[-1] if ran else 0), count("failures"), count("errors"), count("skipped"), reasons


def record_unittest(summary, name, log, skips_allowed=False):
    """Counts a unittest run. With skips_allowed, skipped tests are named in the summary instead of failing
    (the hostile-submission tests skip where the machine cannot sandbox, e.g. macOS); otherwise a skipped
    test means something is missing here (a protocol sample) and counts as a failure."""
    with open(log, errors="replace") as f:
        ran, failures, errors, skipped, reasons = unittest_counts(f.read())
    bad = failures + errors
    if ran == 0:
        summary.record(name, 0, 1)
        return
    if skips_allowed:
        summary.record(name, ran - bad - skipped, bad)
        if skipped:
            summary.skip(name, f"{skipped} test(s): " + "; ".join(reasons[:3]))
        return
    if skipped:
        say(f"   {name}: {skipped} skipped test(s) counted as failed: " + "; ".join(reasons[:3]))
    summary.record(name, ran - bad - skipped, bad + skipped)


def surefire_counts(reports, since=None):
    """(tests, failed, skipped, skipped names) over Maven surefire's TEST-*.xml reports written at or
    after `since`; an unreadable report counts as one failure."""
    tests = bad = skipped = 0
    names = []
    for report in reports:
        if since is not None and os.stat(report).st_mtime < since:
            continue  # left by an earlier run of a module that did not run this time
        try:
            suite = ElementTree.parse(report).getroot()
        except (ElementTree.ParseError, OSError):
            bad += 1
            continue
        tests += int(suite.get("tests", 0))
        bad += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
        for case in suite.iter("testcase"):
            if case.find("skipped") is not None:
                names.append(f"{case.get('classname', '?')}.{case.get('name', '?')}")
    return tests, bad, skipped, names


def notebook_counts(log_text):
    """(passed, failed) from tools/run_notebooks.py's last line; (0, 1) when it never printed it."""
    found = re.findall(r"^notebooks: (\d+) passed, (\d+) failed", log_text, re.M)
    return (int(found[-1][0]), int(found[-1][1])) if found else (0, 1)


# ---- processes ------------------------------------------------------------------------------------

def processes():
    """(pid, command line, environment entries) of the processes this user may see: from /proc where
    there is one (Linux, WSL), else from `ps` (macOS: -E adds the environment, for one's own processes)."""
    if os.path.isfile("/proc/self/environ"):
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/cmdline", "rb") as f:
                    command = f.read().replace(b"\0", b" ").decode(errors="replace")
                with open(f"/proc/{name}/environ", "rb") as f:
                    entries = set(f.read().decode(errors="replace").split("\0"))
            except OSError:
                continue  # gone, or not ours
            yield int(name), command, entries
        return
    argv = (["ps", "-axwwE", "-o", "pid=,command="] if sys.platform == "darwin"
            else ["ps", "axeww", "-o", "pid=,command="])
    try:
        listing = subprocess.run(argv, capture_output=True, text=True, errors="replace").stdout
    except OSError:
        return
    for line in listing.splitlines():
        fields = line.split()
        if fields and fields[0].isdigit():
            # ps prints the environment after the command, separated by spaces like its arguments.
            yield int(fields[0]), " ".join(fields[1:]), set(fields[1:])


def kill_test_kernels(marker=None):
    """Kernels inherit COURSE_TEST_RUN from the test run that started them; a user's own kernels do not.
    Returns the pids killed."""
    marker = marker or os.environ.get("COURSE_TEST_RUN")
    if not marker:
        return []
    killed = []
    for pid, command, entries in processes():
        if pid != os.getpid() and KERNEL_MAIN in command and f"COURSE_TEST_RUN={marker}" in entries:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            except OSError:
                pass
    return killed


def _signal_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except (OSError, AttributeError):
        try:
            process.send_signal(sig)
        except OSError:
            pass


def _pump(source, log_fd):
    """Copies a step's output to its log and to our stderr as it comes (what `| tee LOG >&2` did)."""
    while True:
        chunk = os.read(source.fileno(), 65536)
        if not chunk:
            break
        os.write(log_fd, chunk)
        sys.stderr.buffer.write(chunk)
        sys.stderr.flush()


def limited(seconds, name, argv, log, cwd=ROOT, env=None, tee=None):
    """Runs one step under a time limit, so that a hung kernel or test fails that step instead of stalling
    the whole run: at the limit its process group gets SIGTERM, 20 s later SIGKILL (as GNU timeout
    --kill-after=20 did), and no kernel JVM of this test run is left behind. Output goes to `log`;
    tee="all" copies stdout and stderr to our stderr as well, tee="stdout" only stdout (stderr: log only).
    Returns the exit status, 124 when the limit stopped it."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    reader = None
    try:
        out = subprocess.PIPE if tee else fd
        err = subprocess.STDOUT if tee == "all" else fd
        group = {"process_group": 0} if hasattr(os, "setpgid") else {}
        try:
            process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                       **group)
        except OSError as e:
            os.write(fd, f"could not start {argv[0]}: {e}\n".encode())
            return 127
        if tee:
            reader = threading.Thread(target=_pump, args=(process.stdout, fd), daemon=True)
            reader.start()
        try:
            status = process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGTERM)
            try:
                process.wait(timeout=KILL_AFTER_S)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
            message = f"   {name} ran out of its {seconds} s limit and was stopped"
            os.write(fd, f"course: {message}\n".encode())
            if tee:
                say(message)
            kill_test_kernels()
            status = TIMED_OUT
        except BaseException:  # interrupted: leave nothing running
            _signal_group(process, signal.SIGKILL)
            kill_test_kernels()
            raise
        if reader:
            reader.join(timeout=30)  # a process it left may hold the pipe open: do not wait for it forever
            if not reader.is_alive():
                process.stdout.close()
        return status
    finally:
        os.close(fd)


def show_matching(log, pattern, limit=None):
    """Lines of `log` that match `pattern`, on stderr (the step's essentials; the rest stays in the log)."""
    with open(log, errors="replace") as f:
        lines = [line.rstrip("\n") for line in f if re.search(pattern, line)]
    for line in lines[:limit]:
        print(line, file=sys.stderr)
    sys.stderr.flush()


def show_tail(log, count):
    with open(log, errors="replace") as f:
        lines = f.read().splitlines()
    for line in lines[-count:]:
        print(line, file=sys.stderr)
    sys.stderr.flush()


def have_chromium():
    return os.access("/usr/bin/chromium", os.X_OK) or shutil.which("chromium") is not None


# ---- the steps ------------------------------------------------------------------------------------

class Run:
    """One `bin/course test`: the course's python, the logs folder, the summary."""

    def __init__(self, python):
        self.python = python
        self.logs = path("target", "test-logs")
        self.summary = Summary()
        self.notebooks = None
        os.makedirs(self.logs, exist_ok=True)

    def log(self, name):
        return os.path.join(self.logs, name)

    def unittests(self, name, folder, modules, log, seconds, title, pattern, skips_allowed=False, env=None):
        limited(seconds, title, [self.python, "-m", "unittest", "-v", *modules], self.log(log),
                cwd=folder, env=env)
        show_matching(self.log(log), pattern)
        record_unittest(self.summary, name, self.log(log), skips_allowed)

    def passes(self, name, status):
        self.summary.record(name, 1 if status == 0 else 0, 0 if status == 0 else 1)
        return status == 0

    def course_notebooks(self):
        if self.notebooks is None:
            self.notebooks = environment.all_notebooks()
            mnist_data.for_notebooks(self.notebooks)
        return self.notebooks

    def notebooks_in(self, mode, log):
        """Runs every notebook in one mode (quick or full) into target/course-MODE; records the runner's count."""
        env = dict(os.environ)
        if mode == "quick":
            env["COURSE_QUICK"] = "1"
        else:
            env.pop("COURSE_QUICK", None)
        limited(2400, f"the notebooks in {mode} mode",
                [self.python, "tools/run_notebooks.py", "--out", path("target", f"course-{mode}"),
                 *self.course_notebooks()], self.log(log), env=env, tee="all")
        with open(self.log(log), errors="replace") as f:
            self.summary.record(f"notebooks ({mode} mode)", *notebook_counts(f.read()))


def step_unit_tests(run):
    started = time.time() - 1  # reports written by this run (file times can lag the clock a little)
    status = limited(1800, "mvn verify", ["mvn", "-q", "-B", "verify"], run.log("mvn-verify.log"))
    environment.touch_stamp()
    reports = sorted(p for module in os.listdir(ROOT)
                     if os.path.isdir(os.path.join(ROOT, module, "target", "surefire-reports"))
                     for p in _reports(os.path.join(ROOT, module, "target", "surefire-reports")))
    tests, bad, skipped, names = surefire_counts(reports, since=started)
    if status != 0 and bad == 0:
        bad = 1
        show_tail(run.log("mvn-verify.log"), 30)
    elif status != 0:
        show_matching(run.log("mvn-verify.log"), r"FAIL|ERROR", limit=20)
    run.summary.record("unit tests (mvn verify)", max(0, tests - bad - skipped), bad)
    if skipped:
        run.summary.skip("unit tests (mvn verify)", f"{skipped} test(s): " + "; ".join(names[:3]))


def _reports(folder):
    return [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("TEST-") and n.endswith(".xml")]


KERNEL_ALONE = "optimizers-course-java-alone"


def step_kernel_suite(run):
    run.unittests("kernel protocol + behaviour", path("kernel", "src", "test", "python"),
                  ["test_kernel", "test_shutdown", "test_kernel_integrity"], "kernel-suite.log", 1200,
                  "the kernel suite", r"^(FAIL|ERROR):|JDKs:|ran out of")
    # The kernel builds and passes its protocol suite without lib: a second kernelspec, built with
    # -Dkernel.alone under another name (lib's renderers and classes absent), beside the course's.
    status = limited(600, "the kernel build without lib",
                     ["mvn", "-q", "-B", "-o", "-pl", "kernel", "-am", "-Dkernel.alone", "-Dmaven.test.skip=true",
                      f"-Dkernel.name={KERNEL_ALONE}", "-Dkernel.display.name=Java (the course's kernel without lib)",
                      "-Dkernelspec.dir=" + path("kernel", "target", "jupyter-alone", "kernels", KERNEL_ALONE),
                      "package"], run.log("kernel-alone-build.log"))
    if not run.passes("kernel builds without lib (-Dkernel.alone)", status):
        show_tail(run.log("kernel-alone-build.log"), 20)
        return
    run.unittests("kernel without lib: protocol suite", path("kernel", "src", "test", "python"),
                  ["test_kernel_alone"], "kernel-alone.log", 600, "the kernel suite without lib",
                  r"^(FAIL|ERROR):|ran out of")


def stress_starts():
    value = os.environ.get("COURSE_STRESS_STARTS", "300")
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"COURSE_STRESS_STARTS={value}: the number of kernel starts must be a whole number, "
                         "1 or more (default 300)")
    return int(value)


def step_stress(run):
    starts = stress_starts()
    status = limited(120 + starts * 6, "the stress check",
                     [run.python, "kernel_start_stress.py", "--starts", str(starts),
                      "--json", path("target", "kernel-start-stress.json")], run.log("stress.log"),
                     cwd=path("kernel", "src", "test", "python"), tee="stdout")
    run.passes("kernel start stress", status)


def step_quick(run):
    run.notebooks_in("quick", "notebooks.log")


def step_full(run):
    # Learners run full mode: every notebook runs that way too, so no sentence goes unchecked there.
    run.notebooks_in("full", "notebooks-full.log")


def step_claims(run):
    run.unittests("claims audit self-tests", path("tools"), ["test_claims_audit"], "claims-audit-tests.log", 300,
                  "the claims audit's tests", r"^(FAIL|ERROR):|ran out of")
    log = run.log("claims-audit.log")
    with open(log, "w") as out:
        status = subprocess.run([run.python, path("tools", "claims_audit.py"), "--json",
                                 path("target", "claims-audit.json")], stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL).returncode
    if not run.passes("claims audit (summaries bound)", status):
        show_matching(log, r"SUMMARY|cannot read", limit=20)
    show_tail(log, 1)


def step_harness(run):
    run.unittests("harness self-tests", path("tools"), ["test_harness", "test_course_cli"], "harness.log", 900,
                  "the harness self-tests", r"^(FAIL|ERROR):|ran out of")


def step_exercises(run):
    run.unittests("exercises (student, grade)", path("tools"),
                  ["test_exercises", "test_nbgrader_roundtrip", "test_hostile_submissions"], "exercises.log", 2400,
                  "the exercise tests",
                  r"^(FAIL|ERROR):|ran out of|^round trip:|^exercises:|^nbgrader round trip: nbgrader [0-9]|"
                  r"^hostile submissions:|skipped '", skips_allowed=True, env={**os.environ, "COURSE_QUICK": "1"})


def step_browser(run):
    if not (have_chromium() and os.access("/usr/bin/chromedriver", os.X_OK)):
        say("   skipped: Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
        run.summary.skip("browser checks", "Chromium or chromedriver is not installed")
        return
    status = limited(600, "the browser check", [path("tools", "lab_browser_check.sh"), run.python],
                     run.log("browser.log"))
    run.passes("browser check (classic Notebook)", status)
    show_tail(run.log("browser.log"), 3)
    # The same notebook executed by nbconvert and opened offline: plotly.js from the page, PNGs without JavaScript.
    status = limited(600, "the offline figures check",
                     [run.python, path("tools", "offline_figures_check.py"),
                      path("notebooks", "00-getting-started.ipynb"), "--out", path("target", "browser"),
                      "--expect", "3"], run.log("offline-figures.log"))
    run.passes("offline figures (nbconvert HTML)", status)
    show_tail(run.log("offline-figures.log"), 4)


def step_jupyterlab(run):
    if not have_chromium():
        say("   skipped: Chromium is not installed (apt-get install chromium)")
        run.summary.skip("JupyterLab 4 in Chromium", "Chromium is not installed")
        return
    status = limited(1800, "the JupyterLab browser test",
                     [run.python, "tools/jupyterlab_check.py", "--out", path("target", "browser", "jupyterlab")],
                     run.log("jupyterlab.log"), env={**os.environ, "COURSE_QUICK": "1"}, tee="all")
    run.passes("JupyterLab browser test", status)


# (name for COURSE_TEST_STEPS, what the step line says, the step); in the README's order.
STEPS = (
    ("mvn", "unit tests (mvn verify)", step_unit_tests),
    ("kernel", "kernel protocol suite and behaviour (jupyter_kernel_test, every JDK)", step_kernel_suite),
    ("stress", "kernel start stress ({starts} starts)", step_stress),
    ("quick", "notebooks in quick mode", step_quick),
    ("full", "notebooks in full mode (what learners run)", step_full),
    ("claims", "claims audit (measured numbers and comparisons in the prose bound to checks; its own tests)",
     step_claims),
    ("harness", "harness self-tests (runner reports, bin/course messages)", step_harness),
    ("exercises", "exercises: convention, student versions fail exactly their checks, grading and nbgrader round "
     "trips, hostile submissions", step_exercises),
    ("browser", "browser checks (headless Chromium: the classic Notebook, the offline HTML export)", step_browser),
    ("jupyterlab", "JupyterLab 4 in headless Chromium: every lesson, progress, interrupt and restart, windowing, "
     "Notebook 7", step_jupyterlab),
)
STEP_NAMES = tuple(name for name, _, _ in STEPS)


def selected_steps(value):
    """The step names COURSE_TEST_STEPS lists (comma- or space-separated), all of them when it is unset."""
    if value is None or not value.strip():
        return list(STEP_NAMES)
    wanted = [w for w in re.split(r"[\s,]+", value.strip()) if w]
    unknown = [w for w in wanted if w not in STEP_NAMES]
    if unknown:
        raise UsageError(f"COURSE_TEST_STEPS names no step {', '.join(repr(w) for w in unknown)}: choose from "
                         f"{','.join(STEP_NAMES)} (unset it to run them all)")
    return [name for name in STEP_NAMES if name in wanted]


def cmd_test():
    started = time.monotonic()
    chosen = selected_steps(os.environ.get("COURSE_TEST_STEPS"))
    starts = stress_starts()
    environment.need_java_maven()
    python = environment.need_venv()
    run = Run(python)
    os.environ["COURSE_TEST_RUN"] = f"{os.getpid()}-{random.randrange(1 << 15)}"
    if "mvn" not in chosen:  # the other steps need the kernel: build it as `bin/course build` would
        try:
            environment.build()
        except CourseError as e:
            say(str(e))
            run.summary.record("build (mvn package)", 0, 1)
            return finish(run.summary, started)
        environment.jupyter_env()
    for number, (name, title, step) in enumerate(STEPS, 1):
        if name not in chosen:
            run.summary.skip(f"step {number}/{len(STEPS)} ({name})",
                             f"not in COURSE_TEST_STEPS={os.environ['COURSE_TEST_STEPS']}")
            continue
        say(f"{number}/{len(STEPS)} {title.format(starts=starts)}")
        step(run)
        if name == "mvn":
            if not os.path.isfile(kernelspec()):
                run.summary.record("kernelspec", 0, 1)
                break
            environment.jupyter_env()
    return finish(run.summary, started)


def finish(summary, started):
    print(summary.report(time.monotonic() - started), flush=True)
    return 0 if summary.failed == 0 else 1
