"""Tests of bin/course's launcher and its logic in tools/course_cli: the launcher is POSIX sh without bash-4
features and picks a Python 3.11 or newer; every command refuses a bad command line before it builds,
fetches or runs anything; `bin/course test`'s counting and time limits; the Python environment's and the
build's stamps; the MNIST checksums read from course.data.mnist.Mnist. About 15 s; run by bin/course
test's harness step (stdlib only, like the code it tests)."""
import gzip
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from unittest import mock

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
COURSE = os.path.join(ROOT, "bin", "course")
sys.path.insert(0, TOOLS)

from course_cli import cli, environment, mnist_data, testing  # noqa: E402
from course_cli.common import CourseError, UsageError  # noqa: E402

# The interpreter itself, not a venv's link to it: what a plain PATH would hold.
BASE_PYTHON = os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def write_script(where, body):
    with open(where, "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(where, 0o755)
    return where


def bare_path(folder, *tools, python=True):
    """A PATH of one folder holding only `tools` (linked from this machine) and, if asked, this Python."""
    os.makedirs(folder, exist_ok=True)
    for tool in tools:
        real = shutil.which(tool)
        if real:
            os.symlink(real, os.path.join(folder, tool))
    if python:
        os.symlink(BASE_PYTHON, os.path.join(folder, "python3"))
    return folder


def fake_python(where, version):
    """A python3 that answers the launcher's version question with `version` and fails at anything else."""
    return write_script(where, f'case "$2" in *version_info*) echo {version} ;; *) echo "fake $0 ran" >&2; exit 7 ;; esac\n')


class Launcher(unittest.TestCase):
    """bin/course runs under bash 3.2 (macOS), dash and any POSIX sh: it only finds Python and hands over."""

    def setUp(self):
        with open(COURSE) as f:
            self.text = f.read()
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)

    def shells(self):
        found = [[shutil.which("dash")]] if shutil.which("dash") else [["/bin/sh"]]
        if shutil.which("bash"):
            found.append([shutil.which("bash"), "--posix"])
        return found

    def test_it_parses_in_posix_shells(self):
        self.assertTrue(self.text.startswith("#!/bin/sh\n"), "the launcher must name /bin/sh, not bash")
        for shell in self.shells():
            done = subprocess.run([*shell, "-n", COURSE], capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, f"{shell}: {done.stderr}")

    def test_it_uses_no_bash_only_constructs(self):
        code = "\n".join(line.split(" #")[0] for line in self.text.splitlines() if not line.lstrip().startswith("#"))
        bashisms = {
            "mapfile/readarray (bash 4)": r"\b(mapfile|readarray)\b", "declare/typeset/local -n": r"\b(declare|typeset)\b|local -n",
            "[[ ]]": r"\[\[|\]\]", "arrays": r"\w=\(|\$\{\w+\[|\$\{#\w+\[", "case changes ${x,,} ${x^^}": r"\$\{\w+(,,|\^\^|,|\^)\}",
            "indirection ${!x}": r"\$\{!", "here-strings <<<": r"<<<", "process substitution": r"[<>]\(",
            "&> and |&": r"&>|\|&", "bash variables": r"\$\{?(BASH\w*|RANDOM|SECONDS|PIPESTATUS|FUNCNAME)\b",
            "shopt, coproc, source, function": r"\b(shopt|coproc|source|function)\b", "$'...' strings": r"\$'",
            "pipefail (not in dash)": r"pipefail", "substitutions ${x/a/b}": r"\$\{\w+//?[^}]*\}",
        }
        for what, pattern in bashisms.items():
            found = re.search(pattern, code)
            self.assertIsNone(found, f"bin/course uses {what}: {found and found.group(0)!r}")
        if shutil.which("checkbashisms"):  # Debian's devscripts, where installed
            done = subprocess.run(["checkbashisms", "--posix", COURSE], capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def test_help_and_an_unknown_command_under_each_shell(self):
        for shell in self.shells():
            done = subprocess.run([*shell, COURSE, "help"], capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, f"{shell}: {done.stderr}")
            for command in ("lab", "jupyter", "run", "test", "student", "grade", "bench", "data", "mnist", "build"):
                self.assertIn(f"\n  {command}", done.stdout, shell)
            done = subprocess.run([*shell, COURSE, "frobnicate"], capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 1, shell)
            self.assertEqual(done.stderr.strip().splitlines(),
                             ["course: unknown command 'frobnicate': bin/course help lists the commands"], shell)

    def test_it_takes_the_first_new_enough_python_outside_the_environment(self):
        venv = os.path.join(self.scratch.name, "venv")
        os.makedirs(os.path.join(venv, "bin"))
        fake_python(os.path.join(venv, "bin", "python3"), "3.99.0")  # would be taken if .venv were not skipped
        os.makedirs(os.path.join(self.scratch.name, "old"))
        fake_python(os.path.join(self.scratch.name, "old", "python3"), "3.8.10")
        good = bare_path(os.path.join(self.scratch.name, "good"), "dirname")
        search = os.pathsep.join([os.path.join(venv, "bin"), os.path.join(self.scratch.name, "old"), good])
        done = subprocess.run([COURSE, "help"], capture_output=True, text=True, timeout=60,
                              env={"PATH": search, "COURSE_VENV": venv, "HOME": self.scratch.name})
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("usage: bin/course COMMAND", done.stdout)
        self.assertNotIn("fake", done.stderr)

    def test_a_too_old_or_missing_python_is_one_line_saying_what_to_do(self):
        old = os.path.join(self.scratch.name, "old")
        os.makedirs(old)
        fake_python(os.path.join(old, "python3"), "3.8.10")
        tools = bare_path(os.path.join(self.scratch.name, "tools"), "dirname", python=False)
        done = subprocess.run([COURSE, "help"], capture_output=True, text=True, timeout=60,
                              env={"PATH": old + os.pathsep + tools})
        self.assertEqual(done.returncode, 1)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn(f"{old}/python3 is Python 3.8.10", done.stderr)
        self.assertIn("needs 3.11 or newer", done.stderr)
        done = subprocess.run([COURSE, "help"], capture_output=True, text=True, timeout=60, env={"PATH": tools})
        self.assertEqual(done.returncode, 1)
        self.assertIn("no python3 on PATH", done.stderr)
        self.assertIn("COURSE_PYTHON", done.stderr)

    def test_course_python_is_the_one_used(self):
        mark = os.path.join(self.scratch.name, "used")
        chosen = write_script(os.path.join(self.scratch.name, "chosen-python"),
                              f'echo "$@" >> "{mark}"\nexec "{BASE_PYTHON}" "$@"\n')
        done = subprocess.run([COURSE, "help"], capture_output=True, text=True, timeout=60,
                              env={**os.environ, "COURSE_PYTHON": chosen})
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(mark) as f:
            self.assertIn("course_cli", f.read())


def bare_env(scratch):
    """No java, no mvn, no environment to use: a command that got past its flags would say so, or build."""
    return {"PATH": bare_path(os.path.join(scratch, "bin"), "dirname"), "HOME": scratch,
            "COURSE_VENV": os.path.join(scratch, "no-venv"), "PIP_INDEX_URL": "http://127.0.0.1:9/simple"}


# Every command that takes options, with bad command lines: each must be refused with its usage line
# before anything is built or run (lab and jupyter pass their options to Jupyter; mnist's own options
# are checked by MnistSweep --check, see test_harness).
BAD_COMMAND_LINES = [
    (["run", "--bogus"], "run: unknown option '--bogus'", "bin/course run [NOTEBOOK...]"),
    (["test", "--bogus"], "test: unknown option '--bogus'", "bin/course test"),
    (["test", "extra"], "test: unexpected argument 'extra'", "bin/course test"),
    (["student", "--out", "x"], "student: unknown option '--out'", "bin/course student [OUT]"),
    (["grade"], "grade: name the folder of submissions", "bin/course grade SUBMISSIONS"),
    (["grade", "subs", "--bogus"], "grade: unknown option '--bogus'", "bin/course grade SUBMISSIONS"),
    (["grade", "subs", "--timeout"], "grade: --timeout needs a value (--timeout S)", "bin/course grade SUBMISSIONS"),
    (["grade", "subs", "--timeout", "soon"], "--timeout soon: the seconds per cell must be a whole number",
     "bin/course grade"),
    (["grade", "a", "b"], "grade: unexpected argument 'b'", "bin/course grade"),
    (["bench", "--bogus"], "bench: unknown option '--bogus'", "bin/course bench --mnist-vs-peers"),
    (["bench", "--quick", "--bogus"], "bench: unknown option '--bogus'", "bin/course bench [--quick]"),
    (["bench", "--quik"], "bench: unknown option '--quik'", "bin/course bench [--quick]"),
    (["bench", "--mnist", "--threads"], "bench --mnist: --threads needs a value", "bin/course bench --mnist ["),
    (["bench", "--mnist", "--threads", "0"], "--threads 0: the number of threads must be a whole number, 1 or more",
     "bin/course bench --mnist ["),
    (["bench", "--mnist", "--steps=x"], "--steps x: the number of steps must be", "bin/course bench --mnist ["),
    (["bench", "--mnist", "--warmup", "3"], "bench --mnist: unknown option '--warmup'", "bin/course bench --mnist ["),
    (["bench", "--mnist-vs-peers", "--rounds"], "bench --mnist-vs-peers: --rounds needs a value",
     "bin/course bench --mnist-vs-peers ["),
    (["bench", "--mnist-vs-peers", "--quick"], "bench --mnist-vs-peers: unknown option '--quick'",
     "bin/course bench --mnist-vs-peers ["),
    (["bench", "--figures", "--quick"], "bench --figures: unknown option '--quick'", "bin/course bench --figures"),
    (["bench", "--mnist", "--figures"], "--mnist and --figures are separate runs", "bin/course bench --figures"),
    (["bench", "extra"], "bench: unexpected argument 'extra'", "bin/course bench [--quick]"),
    (["data", "--bogus"], "data: unknown option '--bogus'", "bin/course data"),
    (["build", "--forse"], "build: unknown option '--forse'", "bin/course build [--force]"),
    (["build", "--force=yes"], "build: --force takes no value", "bin/course build [--force]"),
    (["kernelspec", "--bogus"], "kernelspec: unknown option '--bogus'", "bin/course kernelspec"),
    (["help", "--bogus"], "help: unknown option '--bogus'", "bin/course help"),
]


class CommandLines(unittest.TestCase):
    def test_every_bad_command_line_is_refused_with_its_usage_before_anything_runs(self):
        with tempfile.TemporaryDirectory() as scratch:
            env = bare_env(scratch)
            for args, message, usage in BAD_COMMAND_LINES:
                started = time.monotonic()
                done = subprocess.run([COURSE, *args], capture_output=True, text=True, timeout=60, env=env)
                self.assertEqual(done.returncode, 2, f"{args}: {done.stderr}")
                lines = done.stderr.splitlines()
                self.assertIn(message, lines[0], args)
                self.assertTrue(lines[0].startswith("course: "), args)
                self.assertTrue(lines[1].startswith("usage: bin/course "), f"{args}: {done.stderr}")
                self.assertIn(usage, done.stderr, args)
                self.assertLess(time.monotonic() - started, 20, args)
            self.assertEqual(sorted(os.listdir(scratch)), ["bin"], "a refused command built or wrote something")

    def test_every_command_but_the_pass_through_ones_answers_help_with_its_part(self):
        for command in ("run", "test", "student", "grade", "bench", "data", "mnist", "build", "kernelspec"):
            with tempfile.TemporaryDirectory() as scratch:
                done = subprocess.run([COURSE, command, "--help"], capture_output=True, text=True, timeout=60,
                                      env=bare_env(scratch))
            self.assertEqual(done.returncode, 0, f"{command}: {done.stderr}")
            self.assertTrue(done.stdout.startswith(f"  {command}"), f"{command}: {done.stdout[:80]}")
            self.assertNotIn("\n  lab", done.stdout)
        done = subprocess.run([COURSE, "bench", "-h"], capture_output=True, text=True, timeout=60)
        for mode in ("bench [--quick]", "bench --mnist [", "bench --mnist-vs-peers [", "bench --figures"):
            self.assertIn(mode, done.stdout)

    def test_values_come_as_separate_words_or_after_an_equals_sign(self):
        mode, options = cli.parse_bench(["--mnist-vs-peers", "--threads=2", "--steps", "40", "--mkl",
                                         "--python", "/opt/py"])
        self.assertEqual(mode, "--mnist-vs-peers")
        self.assertEqual(options, {"--threads": 2, "--steps": 40, "--mkl": True, "--python": "/opt/py"})
        self.assertEqual(cli.parse_bench(["--threads", "3", "--mnist"]), ("--mnist", {"--threads": 3}))
        self.assertEqual(cli.parse_bench([]), (None, {}))
        with self.assertRaises(UsageError):
            cli.parse_bench(["--mnist-vs-peers", "--warmup", "-1"])

    def test_peers_none_times_dl4j_alone_without_the_bench_environment(self):
        self.assertEqual(cli.parse_bench(["--mnist-vs-peers", "--peers", "keras"])[1], {"--peers": "keras"})
        for wrong in ("tensorflow", "torch,torch", "torch,none"):
            with self.assertRaises(UsageError, msg=wrong):
                cli.parse_bench(["--mnist-vs-peers", "--peers", wrong])
        seen = []
        with mock.patch.object(environment, "build"), mock.patch.object(environment, "bench_classpath", return_value="CP"), \
                mock.patch.object(environment, "need_bench_venv", side_effect=AssertionError("no bench environment")), \
                mock.patch.object(cli, "pin_to_cpus"), mock.patch.object(mnist_data, "ensure"), \
                mock.patch.object(cli, "say") as said, mock.patch.dict(os.environ), \
                mock.patch.object(environment, "exec_command", side_effect=lambda argv, cwd=None: seen.append(argv)):
            cli.cmd_bench(["--mnist-vs-peers", "--peers", "none"])
        self.assertEqual(seen[0][-4:], ["--threads", "1", "--peers", "none"])
        self.assertIn("no peers", said.call_args[0][0])

    def test_usage_lines_and_every_accepted_option_are_in_the_help(self):
        flat = " ".join(cli.HELP.split())
        for key, lines in cli.USAGE.items():
            for line in lines:
                self.assertIn("  " + line.split()[0], cli.HELP, key)
                self.assertIn(" ".join(line.split()), flat, key)
        for mode, spec in cli.BENCH_OPTIONS.items():
            usage = " ".join(cli.USAGE["bench" + (" " + mode if mode else "")])
            for option in list(spec.get("flags", ())) + list(spec.get("values", {})):
                self.assertIn(option, usage, f"bench {mode}: {option} is accepted but not in its help")
        for option in list(cli.GRADE_OPTIONS["flags"]) + list(cli.GRADE_OPTIONS["values"]):
            self.assertIn(option, cli.USAGE["grade"][0])

    def test_the_readme_names_every_command(self):
        with open(os.path.join(ROOT, "README.md")) as f:
            readme = f.read()
        for command in cli.COMMANDS:
            if not command.startswith("-") and command != "help":
                self.assertTrue(f"bin/course {command}" in readme, f"the README never names bin/course {command}")
        self.assertTrue("COURSE_TEST_STEPS" in readme, "the README does not say how to run some steps only")

    def test_every_bench_runs_on_the_one_class_path(self):
        seen = []
        with mock.patch.object(environment, "build"), \
                mock.patch.object(environment, "bench_classpath", side_effect=lambda mkl="": "CP" + (":" + mkl if mkl else "")), \
                mock.patch.object(environment, "mkl_setup", return_value=("MKL", ["-Dmkl"])), \
                mock.patch.object(environment, "need_bench_venv", return_value="/bench/python"), \
                mock.patch.object(cli, "pin_to_cpus") as pinned, mock.patch.object(mnist_data, "ensure"), \
                mock.patch.object(cli, "say"), \
                mock.patch.object(environment, "exec_command", side_effect=lambda argv, cwd=None: seen.append(argv)), \
                mock.patch.dict(os.environ):
            for args in ([], ["--quick"], ["--mnist"], ["--mnist", "--mkl"], ["--mnist-vs-peers"], ["--figures"]):
                cli.cmd_bench(args)
        self.assertEqual(len(seen), 6)
        for argv in seen:
            self.assertEqual(argv[0], "java")
            self.assertEqual(argv.count("-cp"), 1)
        paths = [argv[argv.index("-cp") + 1] for argv in seen]
        self.assertEqual(paths, ["CP", "CP", "CP", "CP:MKL", "CP", "CP"])
        self.assertIn("-Dmkl", seen[3])
        self.assertEqual(seen[1][-2:], ["course.bench.Bench", "--quick"])
        self.assertEqual(seen[4][-5:], ["course.bench.MnistVsPeers", "--threads", "1", "--python", "/bench/python"])
        pinned.assert_called_once_with(1)
        self.assertEqual(seen[5][-1], "course.bench.FigureBench")

    def test_bench_passes_its_options_on_and_sets_the_threads_before_the_jvm(self):
        main, _, arguments, env, _ = cli.bench_plan("--mnist", {"--threads": 2, "--rounds": 3})
        self.assertEqual((main, arguments), ("course.bench.MnistTuning", ["--threads", "2", "--rounds", "3"]))
        self.assertEqual(env, {"OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"})
        main, _, arguments, env, message = cli.bench_plan("--mnist-vs-peers", {"--steps": 40, "--warmup": 0})
        self.assertEqual(arguments, ["--threads", "1", "--steps", "40", "--warmup", "0"])
        self.assertEqual(env["OMP_NUM_THREADS"], "1")
        self.assertEqual(env["KERAS_BACKEND"], "jax")
        self.assertIn("1 thread(s) each", message)
        self.assertIn("about 17 min", cli.bench_plan(None, {})[4])
        self.assertIn("quick smoke run; about 3 min", cli.bench_plan(None, {"--quick": True})[4])


class BenchEnvironment(unittest.TestCase):
    """The bench environment of --mnist-vs-peers: built once from its own pinned file, after saying its size."""

    def test_a_current_environment_is_used_as_it_is(self):
        with tempfile.TemporaryDirectory() as where:
            os.makedirs(os.path.join(where, "bin"))
            python = os.path.join(where, "bin", "python")
            with open(python, "w") as f:
                f.write("#!/bin/sh\n")
            os.chmod(python, 0o755)
            with open(os.path.join(where, environment.STAMP_FILE), "w") as f:
                f.write(environment.file_sha256(os.path.join(ROOT, *environment.BENCH_REQUIREMENTS)) + "\n")
            with mock.patch.dict(os.environ, {"COURSE_BENCH_VENV": where}), \
                    mock.patch.object(environment, "build_venv") as build:
                self.assertEqual(environment.need_bench_venv(), python)
            build.assert_not_called()

    def test_a_missing_one_is_built_after_saying_how_big_it_is_unless_the_disk_is_too_full(self):
        with tempfile.TemporaryDirectory() as parent:
            where = os.path.join(parent, "bench-env")
            said = []
            with mock.patch.dict(os.environ, {"COURSE_BENCH_VENV": where}), \
                    mock.patch.object(environment, "build_venv") as build, \
                    mock.patch.object(environment, "say", side_effect=said.append):
                environment.need_bench_venv()
                build.assert_called_once()
                self.assertEqual(build.call_args.args[1], os.path.join(ROOT, *environment.BENCH_REQUIREMENTS))
                self.assertEqual(build.call_args.args[2], where)
                self.assertIn("3.1 GB to download and 6.0 GB on disk", said[-1])
                self.assertIn("bin/course test never needs it", said[-1])
                full = mock.Mock(free=2e9)
                with mock.patch.object(environment.shutil, "disk_usage", return_value=full), \
                        self.assertRaises(CourseError) as refused:
                    environment.need_bench_venv()
                self.assertIn("2.0 GB free", str(refused.exception))
                self.assertIn("COURSE_BENCH_VENV", str(refused.exception))

    def test_a_folder_of_ones_own_is_used_if_it_has_the_peers_and_never_replaced(self):
        with tempfile.TemporaryDirectory() as where:
            said = []
            with mock.patch.dict(os.environ, {"COURSE_BENCH_VENV": where}), \
                    mock.patch.object(environment, "build_venv") as build, \
                    mock.patch.object(environment, "say", side_effect=said.append):
                with mock.patch.object(environment, "peers_import", return_value=""):
                    self.assertEqual(environment.need_bench_venv(), environment.env_python(where))
                self.assertIn("as it is", said[-1])
                with mock.patch.object(environment, "peers_import", return_value="No module named 'torch'"), \
                        self.assertRaises(CourseError) as refused:
                    environment.need_bench_venv()
                self.assertIn("No module named 'torch'", str(refused.exception))
                self.assertIn("empty or missing folder", str(refused.exception))
            build.assert_not_called()
            self.assertTrue(os.path.isdir(where))

    def test_another_python_without_the_peers_is_refused_with_the_way_out(self):
        with self.assertRaises(CourseError) as refused:
            cli.peer_checks(sys.executable)
        self.assertIn("cannot import torch and keras", str(refused.exception))
        self.assertIn("leave --python out", str(refused.exception))


UNITTEST_OK = "test_a ... ok\n\n----------------------------------------------------------------------\nRan 5 tests in 1.0s\n\nOK\n"
UNITTEST_SKIPS = ("test_a ... skipped 'no user namespaces here'\ntest_b ... skipped 'no user namespaces here'\n"
                  "test_c ... ok\n-------\nRan 3 tests in 0.1s\n\nOK (skipped=2)\n")
UNITTEST_FAILED = ("FAIL: test_x (m.T.test_x)\n-------\nRan 7 tests in 2.0s\n\n"
                   "FAILED (failures=1, errors=2, skipped=1)\n")


class TestSummary(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)

    def log(self, text):
        where = os.path.join(self.scratch.name, f"log-{len(os.listdir(self.scratch.name))}.log")
        with open(where, "w") as f:
            f.write(text)
        return where

    def test_unittest_logs_are_counted(self):
        self.assertEqual(testing.unittest_counts(UNITTEST_OK)[:4], (5, 0, 0, 0))
        self.assertEqual(testing.unittest_counts(UNITTEST_FAILED)[:4], (7, 1, 2, 1))
        ran, _, _, skipped, reasons = testing.unittest_counts(UNITTEST_SKIPS)
        self.assertEqual((ran, skipped, reasons), (3, 2, ["skipped 'no user namespaces here'"]))
        self.assertEqual(testing.unittest_counts("Traceback: ImportError\n")[0], 0)

    def test_the_summary_counts_passed_failed_and_skipped_and_names_what_was_skipped(self):
        summary = testing.Summary()
        self.enterContext(mock.patch.object(testing, "say"))
        testing.record_unittest(summary, "harness self-tests", self.log(UNITTEST_OK))
        testing.record_unittest(summary, "kernel protocol + behaviour", self.log(UNITTEST_FAILED))
        testing.record_unittest(summary, "exercises (student, grade)", self.log(UNITTEST_SKIPS), skips_allowed=True)
        testing.record_unittest(summary, "claims audit self-tests", self.log("SyntaxError\n"))
        summary.skip("browser checks", "Chromium or chromedriver is not installed")
        report = summary.report(12.3).splitlines()
        # 5 + (7 - 3 bad - 1 skipped) + (3 - 2 skipped); failed: 3 bad + 1 skip that should not happen + 1 that never ran
        self.assertEqual(report[-1], "9 passed, 5 failed, 2 skipped")
        self.assertIn("  harness self-tests                    5 passed, 0 failed", report)
        self.assertIn("  kernel protocol + behaviour           3 passed, 4 failed", report)
        self.assertIn("  exercises (student, grade)            1 passed, 0 failed", report)
        self.assertIn("  claims audit self-tests               0 passed, 1 failed", report)
        self.assertIn("  skipped: exercises (student, grade): 2 test(s): skipped 'no user namespaces here'", report)
        self.assertIn("  skipped: browser checks: Chromium or chromedriver is not installed", report)
        self.assertEqual(report[1], "bin/course test: 12 s; logs in target/test-logs/")

    def test_surefire_reports_are_counted_and_old_ones_ignored(self):
        fresh = self.log('<?xml version="1.0"?><testsuite name="A" tests="6" failures="1" errors="1" skipped="1">'
                         '<testcase classname="course.A" name="later"><skipped/></testcase></testsuite>')
        stale = self.log('<testsuite name="B" tests="50" failures="0" errors="0" skipped="0"/>')
        broken = self.log('<testsuite name="C" tests="3"')
        os.utime(stale, (time.time() - 3600, time.time() - 3600))
        tests, bad, skipped, names = testing.surefire_counts([fresh, stale, broken], since=time.time() - 60)
        self.assertEqual((tests, bad, skipped, names), (6, 3, 1, ["course.A.later"]))

    def test_the_notebook_runners_count_and_a_missing_one(self):
        self.assertEqual(testing.notebook_counts("x ok\nnotebooks: 11 passed, 1 failed; output in t/\n"), (11, 1))
        self.assertEqual(testing.notebook_counts("Traceback\n"), (0, 1))

    def test_steps_are_chosen_by_name_in_the_readme_order(self):
        self.assertEqual(testing.selected_steps(None), list(testing.STEP_NAMES))
        self.assertEqual(testing.selected_steps("exercises, harness"), ["harness", "exercises"])
        with self.assertRaises(UsageError) as refused:
            testing.selected_steps("harness,browsr")
        self.assertIn("'browsr'", str(refused.exception))
        self.assertIn("jupyterlab", str(refused.exception))
        self.assertEqual(len(testing.STEPS), 10)

    def test_a_bad_step_list_is_refused_before_anything_runs(self):
        with tempfile.TemporaryDirectory() as scratch:
            done = subprocess.run([COURSE, "test"], capture_output=True, text=True, timeout=60,
                                  env={**bare_env(scratch), "COURSE_TEST_STEPS": "harnes"})
        self.assertEqual(done.returncode, 2, done.stderr)
        self.assertIn("COURSE_TEST_STEPS names no step 'harnes'", done.stderr)


class TimeLimits(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)

    def test_a_step_over_its_limit_is_stopped_with_what_it_started(self):
        pidfile = os.path.join(self.scratch.name, "child")
        log = os.path.join(self.scratch.name, "step.log")
        script = ("import subprocess, sys, time\n"
                  "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
                  f"open({pidfile!r}, 'w').write(str(child.pid))\n"
                  "print('started', flush=True)\ntime.sleep(60)\n")
        started = time.monotonic()
        status = testing.limited(2, "the sleeper", [sys.executable, "-c", script], log, cwd=self.scratch.name)
        self.assertEqual(status, testing.TIMED_OUT)
        self.assertLess(time.monotonic() - started, 15)
        with open(pidfile) as f:
            child = int(f.read())
        time.sleep(0.3)
        self.assertFalse(alive(child), "the step's own child survived its time limit")
        with open(log) as f:
            text = f.read()
        self.assertIn("started", text)
        self.assertIn("the sleeper ran out of its 2 s limit and was stopped", text)

    def test_a_step_within_its_limit_gives_its_status_and_tees_its_output(self):
        log = os.path.join(self.scratch.name, "step.log")
        copied = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        with mock.patch.object(sys, "stderr", copied):
            status = testing.limited(60, "the printer", [sys.executable, "-c", "print('line one'); raise SystemExit(3)"],
                                     log, tee="all")
        self.assertEqual(status, 3)
        with open(log) as f:
            self.assertEqual(f.read(), "line one\n")
        copied.flush()
        self.assertEqual(copied.buffer.getvalue(), b"line one\n")


def alive(pid):
    """The process exists and is not a zombie (a killed orphan may wait for a PID 1 that does not reap)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = f"/proc/{pid}/stat"
    if os.path.exists(stat):
        with open(stat) as f:
            return f.read().rsplit(") ", 1)[-1][:1] != "Z"
    return True


class TestKernels(unittest.TestCase):
    """Only the kernels of this test run are killed: found through /proc, or through ps where there is none."""

    def start(self, marker):
        env = {**os.environ, "COURSE_TEST_RUN": marker}
        # A stand-in for a kernel JVM: its command line names the kernel's main class.
        process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "course.kernel.Main"], env=env)
        self.addCleanup(lambda: (process.kill(), process.wait()))
        return process

    def check(self):
        ours, theirs = self.start("run-ours-1"), self.start("run-theirs-2")
        time.sleep(0.3)
        killed = testing.kill_test_kernels("run-ours-1")
        self.assertEqual(killed, [ours.pid])
        self.assertEqual(ours.wait(timeout=10), -signal.SIGKILL)
        self.assertIsNone(theirs.poll())

    def test_through_proc(self):
        if not os.path.isfile("/proc/self/environ"):
            self.skipTest("no /proc here")
        self.check()

    def test_through_ps(self):
        if not shutil.which("ps"):
            self.skipTest("no ps here")
        real_isfile = os.path.isfile
        with mock.patch.object(testing.os.path, "isfile", lambda p: False if p == "/proc/self/environ" else real_isfile(p)):
            self.check()


class TestEnvironment(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.addCleanup(self.scratch.cleanup)

    def test_the_environment_is_current_only_when_built_from_this_requirements_txt(self):
        venv = os.path.join(self.scratch.name, "venv")
        requirements = os.path.join(self.scratch.name, "requirements.txt")
        with open(requirements, "w") as f:
            f.write("jupyterlab==4.6.6\n")
        want = environment.file_sha256(requirements)
        self.assertEqual(want, hashlib.sha256(b"jupyterlab==4.6.6\n").hexdigest())
        self.assertFalse(environment.venv_current(want, venv))
        os.makedirs(os.path.join(venv, "bin"))
        os.symlink(BASE_PYTHON, os.path.join(venv, "bin", "python"))
        self.assertFalse(environment.venv_current(want, venv), "no stamp yet")
        with open(os.path.join(venv, ".course-requirements"), "w") as f:
            f.write(want + "\n")
        self.assertTrue(environment.venv_current(want, venv))
        self.assertFalse(environment.venv_current(hashlib.sha256(b"other").hexdigest(), venv))

    def test_the_build_is_needed_only_when_an_input_is_newer_than_its_stamp(self):
        src = os.path.join(self.scratch.name, "src", "main", "course")
        os.makedirs(src)
        source = os.path.join(src, "A.java")
        with open(source, "w") as f:
            f.write("class A {}\n")
        stamp = os.path.join(self.scratch.name, ".build-stamp")
        open(stamp, "w").close()
        past = time.time() - 100
        for where in (source, src, os.path.dirname(src), os.path.join(self.scratch.name, "src")):
            os.utime(where, (past, past))
        inputs = [os.path.join(self.scratch.name, "src"), os.path.join(self.scratch.name, "missing.xml")]
        self.assertIsNone(environment.newer_than(stamp, inputs))
        os.utime(source, None)
        os.utime(stamp, (past + 50, past + 50))
        self.assertEqual(environment.newer_than(stamp, inputs), source)

    def test_a_pip_failure_is_told_by_its_cause(self):
        offline = "WARNING: Retrying ... NewConnectionError('...: Failed to establish a new connection')\nERROR: No matching distribution found for jupyterlab==4.6.6\n"
        self.assertTrue(environment.pip_failure_reason(offline).startswith("the package index could not be reached: ERROR: No matching"))
        missing = "ERROR: Could not find a version that satisfies the requirement x==1 (from versions: none)\n"
        self.assertTrue(environment.pip_failure_reason(missing).startswith("neither the package index nor PIP_FIND_LINKS"))

    def test_java_versions_are_read_from_either_form(self):
        self.assertEqual(environment.java_major('openjdk version "17.0.15" 2025-04-15'), 17)
        self.assertEqual(environment.java_major('java version "1.8.0_392"'), 1)
        self.assertIsNone(environment.java_major("no java here"))


class MnistChecksums(unittest.TestCase):
    """bin/course data checks MNIST against the sha256 sums of course.data.mnist.Mnist, written only there."""

    def test_they_are_read_from_mnist_java(self):
        sums = mnist_data.checksums()
        self.assertEqual([name for name, _ in sums], list(mnist_data.NAMES))
        for _, digest in sums:
            self.assertRegex(digest, r"^[0-9a-f]{64}$")
        with open(os.path.join(ROOT, *mnist_data.JAVA_SOURCE)) as f:
            java = f.read()
        for _, digest in sums:
            self.assertIn(f'"{digest}"', java)

    def test_they_are_written_nowhere_else_in_bin_course(self):
        package = os.path.join(TOOLS, "course_cli")
        sources = [COURSE] + [os.path.join(package, n) for n in os.listdir(package) if n.endswith(".py")]
        for _, digest in mnist_data.checksums():
            for source in sources:
                with open(source) as f:
                    self.assertNotIn(digest, f.read(), f"{source} repeats a checksum of Mnist.java")

    def test_they_equal_what_the_compiled_class_holds(self):
        classes = os.path.join(ROOT, "lib", "target", "classes")
        if not os.path.isfile(os.path.join(classes, "course", "data", "mnist", "MnistChecksums.class")):
            self.skipTest("lib is not built (bin/course build)")
        done = subprocess.run(["java", "-cp", classes, "course.data.mnist.MnistChecksums"], capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        printed = dict(line.split() for line in done.stdout.splitlines())
        self.assertEqual(printed, dict(mnist_data.checksums()))

    def test_a_changed_table_is_refused_naming_the_file(self):
        with tempfile.TemporaryDirectory() as scratch:
            source = os.path.join(scratch, "Mnist.java")
            with open(source, "w") as f:
                f.write('static final Map<String, String> SHA256 = Map.of("train-images-idx3-ubyte", "abc");\n')
            with self.assertRaises(CourseError) as refused:
                mnist_data.checksums(source)
        self.assertIn(source, str(refused.exception))
        self.assertIn("SHA256 map", str(refused.exception))

    def test_a_folder_of_ones_own_is_checked_file_by_file(self):
        contents = {name: f"fake {name}".encode() for name in mnist_data.NAMES}
        sums = [(name, hashlib.sha256(data).hexdigest()) for name, data in contents.items()]
        with tempfile.TemporaryDirectory() as folder:
            for name, data in contents.items():
                if name.startswith("t10k"):
                    with gzip.open(os.path.join(folder, name.replace("-idx", ".idx") + ".gz"), "wb") as f:
                        f.write(data)
                else:
                    with open(os.path.join(folder, name), "wb") as f:
                        f.write(data)
            mnist_data.check_folder(folder, sums)
            self.assertFalse(mnist_data.mnist_ok(folder, sums), "data/mnist/ holds the four plain files only")
            with open(os.path.join(folder, "train-labels-idx1-ubyte"), "ab") as f:
                f.write(b"!")
            with self.assertRaisesRegex(CourseError, r"train-labels-idx1-ubyte holds data with sha256 [0-9a-f]{64}, "
                                                     r"not the official train-labels-idx1-ubyte's"):
                mnist_data.check_folder(folder, sums)
            with open(os.path.join(folder, "train-labels-idx1-ubyte"), "wb") as f:
                f.write(contents["train-labels-idx1-ubyte"])
            gz = os.path.join(folder, "t10k-images.idx3-ubyte.gz")
            with open(gz, "rb") as f:
                head = f.read()[:12]
            with open(gz, "wb") as f:
                f.write(head)
            with self.assertRaisesRegex(CourseError, "t10k-images.idx3-ubyte.gz is a truncated or corrupted gzip file"):
                mnist_data.check_folder(folder, sums)
            os.remove(gz)
            with self.assertRaisesRegex(CourseError, r"has no t10k-images-idx3-ubyte \(nor t10k-images-idx3-ubyte.gz\)"):
                mnist_data.check_folder(folder, sums)

    def test_bin_course_data_refuses_a_folder_that_is_not_there_in_one_line(self):
        with tempfile.TemporaryDirectory() as scratch:
            done = subprocess.run([COURSE, "data"], capture_output=True, text=True, timeout=60,
                                  env={**bare_env(scratch), "COURSE_MNIST_DIR": os.path.join(scratch, "none")})
        self.assertEqual(done.returncode, 1)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn("is not a folder: unset COURSE_MNIST_DIR and run bin/course data", done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
