"""Hostile submissions of 00-getting-started, graded by `bin/course grade` in its sandbox (tools/sandbox.py).

Each learner answers exercise 0.1 correctly and puts something hostile into exercise 0.2's cell (or into
the notebook's metadata). Each gets a clear line in the grades table, and nothing outside its sandbox is
touched: the grades, the course tree, the instructor's home, a TCP server on the host's loopback, and no
process is left behind. Skipped (and said so) where the machine cannot sandbox.
"""
import copy
import csv
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import nbformat

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS)
import exercises as ex  # noqa: E402
import sandbox  # noqa: E402
from test_exercises import COURSE, NOTEBOOKS, answered, kernels_of_run, setUpModule  # noqa: E402,F401

NAME = "00-getting-started"
CELL_TIMEOUT = 30
CORRECT_BY_HAND = "for (int k = 1; k <= 3; k++) {\n    byHand[k] = byHand[k - 1] - eta * gradient(byHand[k - 1]);\n}"


def java_string(text):
    return json.dumps(text)


class HostileSubmissions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mode, reason = sandbox.probe()
        if cls.mode is None:
            raise unittest.SkipTest(f"this machine cannot sandbox ({reason})")
        cls.folder = tempfile.TemporaryDirectory()
        base = cls.folder.name
        cls.out = os.path.join(base, "grades")
        cls.secret = os.path.join(os.path.expanduser("~"), f".course-hostile-secret-{os.getpid()}")
        with open(cls.secret, "w") as f:
            f.write("the instructor's secret")
        cls.marker = os.path.join(NOTEBOOKS, f"hostile-marker-{os.getpid()}.txt")
        cls.outside_tmp = os.path.join(tempfile.gettempdir(), f"hostile-tmp-{os.getpid()}.txt")
        cls.connections = []
        cls.server = socket.socket()
        cls.server.bind(("127.0.0.1", 0))
        cls.server.listen(5)
        cls.port = cls.server.getsockname()[1]
        threading.Thread(target=cls.accept, daemon=True).start()
        totals = os.path.join(cls.out, "totals.csv")
        cls.rewrite = f"sleep 4; echo alice,2,2 > {totals}; echo cheat,999,2 >> {totals}"
        source = nbformat.read(os.path.join(NOTEBOOKS, NAME + ".ipynb"), as_version=4)
        cls.student = answered(ex.student_version(source, NAME), source, "ex00-one-step-rate")
        submitted = os.path.join(base, "submitted")
        cls.submissions = cls.learners(source)
        for learner, nb in cls.submissions.items():
            path = os.path.join(submitted, learner, NAME + ".ipynb")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if isinstance(nb, str):
                with open(path, "w") as f:
                    f.write(nb)
            else:
                nbformat.write(nb, path)
        cls.run_id = f"hostile-{os.getpid()}-{random.randrange(10 ** 9)}"
        started = time.perf_counter()
        cls.done = subprocess.run([COURSE, "grade", submitted, "--out", cls.out, "--timeout", str(CELL_TIMEOUT)],
                                  capture_output=True, text=True, timeout=1500,
                                  env={**os.environ, "COURSE_QUICK": "1", "COURSE_TEST_RUN": cls.run_id})
        cls.seconds = time.perf_counter() - started
        time.sleep(8)  # longer than the setsid child waits before it rewrites totals.csv
        with open(os.path.join(cls.out, "grades.csv"), newline="") as f:
            cls.rows = {(r["learner"], r["exercise"]): (float(r["points"]), r["message"]) for r in csv.DictReader(f)}
        with open(totals, newline="") as f:
            cls.totals = {r["learner"]: float(r["points"]) for r in csv.DictReader(f)}
        print(f"hostile submissions: {len(cls.totals)} learners graded in {cls.seconds:.0f} s ({cls.mode})",
              file=sys.stderr)
        for (learner, check), (points, message) in sorted(cls.rows.items()):
            print(f"hostile: {learner} {check} {points:g}: {message}", file=sys.stderr)

    @classmethod
    def accept(cls):
        while True:
            try:
                connection, _ = cls.server.accept()
            except OSError:
                return
            cls.connections.append(connection)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        for path in (cls.secret, cls.marker, cls.outside_tmp):
            if os.path.exists(path):
                os.remove(path)
        cls.folder.cleanup()

    @classmethod
    def by_hand(cls, code, nb=None):
        return answered(nb or cls.student, nbformat.read(os.path.join(NOTEBOOKS, NAME + ".ipynb"), as_version=4),
                        "ex00-by-hand", code)

    @classmethod
    def learners(cls, source):
        def meta(change):
            nb = copy.deepcopy(cls.by_hand(CORRECT_BY_HAND))
            change(nb)
            return nb

        def check_cell(nb, grade_id):
            return next(c for c in nb.cells if ex.nbgrader(c).get("grade_id") == grade_id)

        def reorder(nb):
            first = check_cell(nb, "ex00-one-step-rate-check")
            nb.cells.remove(first)
            nb.cells.insert(nb.cells.index(check_cell(nb, "ex00-by-hand-check")) + 1, first)
            by_hand = check_cell(nb, "ex00-by-hand-check")
            nb.cells.remove(by_hand)
            nb.cells.insert(1, by_hand)

        secret = java_string(cls.secret)
        return {
            "shadow": cls.by_hand("class FakeChecks { void trajectory(Object... a) {} void close(Object... a) {} }\n"
                                  "FakeChecks Checks = new FakeChecks();"),
            "shadow-escaped": cls.by_hand("FakeChecks \\u0043hecks = null;"),
            "setsid": cls.by_hand(f"new ProcessBuilder(\"setsid\", \"sh\", \"-c\", {java_string(cls.rewrite)}).start();\n"
                                  + CORRECT_BY_HAND),
            "shadow-file": cls.by_hand('java.nio.file.Files.readString(java.nio.file.Path.of("/etc/shadow"));\n'
                                       + CORRECT_BY_HAND),
            "home": cls.by_hand(f"java.nio.file.Files.readString(java.nio.file.Path.of({secret}));\n" + CORRECT_BY_HAND),
            "writer": cls.by_hand(f"java.nio.file.Files.writeString(java.nio.file.Path.of({java_string(cls.outside_tmp)}), \"x\");\n"
                                  f"java.nio.file.Files.writeString(java.nio.file.Path.of({java_string(cls.marker)}), \"x\");\n"
                                  + CORRECT_BY_HAND),
            "socket": cls.by_hand(f"new java.net.Socket(\"127.0.0.1\", {cls.port}).close();\n" + CORRECT_BY_HAND),
            "processes": cls.by_hand("for (int i = 0; i < 5000; i++) new ProcessBuilder(\"sleep\", \"600\").start();\n"
                                     + CORRECT_BY_HAND),
            "output": cls.by_hand('String mb = "x".repeat(1 << 20);\nfor (int i = 0; i < 1024; i++) System.out.print(mb);\n'
                                  + CORRECT_BY_HAND),
            "exit": cls.by_hand("System.exit(3);"),
            # points and grade edited in one notebook, a grade_id changed and a check deleted in another,
            # the checks reordered and the kernel changed in a third: three kernels instead of six
            "metadata": meta(lambda nb: (check_cell(nb, "ex00-one-step-rate-check").metadata.nbgrader.update(points=100),
                                         check_cell(nb, "ex00-by-hand-check").metadata.nbgrader.update(grade=False))),
            "removed": meta(lambda nb: (nb.cells.remove(check_cell(nb, "ex00-by-hand-check")),
                                        check_cell(nb, "ex00-one-step-rate-check").metadata.nbgrader.update(grade_id="mine"))),
            "reordered": meta(lambda nb: (reorder(nb), nb.metadata.update(kernelspec={
                "name": "python3", "display_name": "Python 3", "language": "python"}))),
            "malformed": '{"cells": [ this is not JSON',
        }

    def row(self, learner, check="ex00-by-hand-check"):
        self.assertIn((learner, check), self.rows, self.done.stdout + self.done.stderr)
        return self.rows[(learner, check)]

    def assertScores(self, learner, total, fragment, check="ex00-by-hand-check"):
        points, message = self.row(learner, check)
        self.assertEqual(self.totals.get(learner), total, f"{learner}: {message}")
        self.assertIn(fragment, message, learner)

    def test_grading_finishes(self):
        self.assertEqual(self.done.returncode, 0, self.done.stdout[-3000:] + self.done.stderr[-3000:])

    def test_a_shadowing_declaration_is_refused(self):
        self.assertScores("shadow", 0, "declares or assigns `Checks`")
        self.assertScores("shadow", 0, "submission refused", "ex00-one-step-rate-check")
        self.assertScores("shadow-escaped", 0, "declares or assigns `Checks`")

    def test_a_setsid_child_cannot_rewrite_the_grades(self):
        self.assertEqual(self.totals.get("setsid"), 2)
        self.assertNotIn("cheat", self.totals)
        self.assertEqual(len(self.totals), len(self.submissions))

    def test_secrets_are_out_of_reach(self):
        self.assertScores("shadow-file", 1, "AccessDeniedException: /etc/shadow")
        self.assertScores("home", 1, "NoSuchFileException")

    def test_nothing_is_written_outside_the_submission(self):
        self.assertScores("writer", 1, "Exception")
        self.assertFalse(os.path.exists(self.outside_tmp))
        self.assertFalse(os.path.exists(self.marker))

    def test_no_network(self):
        self.assertScores("socket", 1, "ConnectException")
        self.assertEqual(self.connections, [])

    def test_processes_are_limited_and_none_is_left(self):
        points, message = self.row("processes")
        self.assertEqual(self.totals.get("processes"), 1, message)
        self.assertRegex(message, r"IOException|resource limits reached")
        left = subprocess.run(["pgrep", "-f", "^sleep 600$"], capture_output=True, text=True).stdout.split()
        self.assertEqual(left, [])
        self.assertEqual(kernels_of_run(self.run_id), [])

    def test_output_is_capped(self):
        self.assertScores("output", 1, "more than 8 MB of output")

    def test_exit_kills_only_its_kernel(self):
        self.assertScores("exit", 1, "the kernel died")

    def test_edited_metadata_counts_as_released(self):
        self.assertScores("metadata", 2, 'its nbgrader metadata points: 100 was edited', "ex00-one-step-rate-check")
        self.assertScores("metadata", 2, 'its nbgrader metadata grade: false was edited', "ex00-by-hand-check")

    def test_a_deleted_or_renamed_check_scores_zero(self):
        for check in ("ex00-one-step-rate-check", "ex00-by-hand-check"):
            self.assertScores("removed", 0, "check cell missing from the submission", check)

    def test_reordered_checks_run_where_they_are_with_the_course_kernel(self):
        self.assertScores("reordered", 1, "passed", "ex00-one-step-rate-check")
        self.assertScores("reordered", 1, "Error")  # the check moved to the top runs before what it reads
        self.assertIn("names the kernel 'python3'", self.done.stdout)

    def test_a_malformed_notebook_scores_zero(self):
        self.assertScores("malformed", 0, "not a readable notebook")


if __name__ == "__main__":
    unittest.main(verbosity=2)
