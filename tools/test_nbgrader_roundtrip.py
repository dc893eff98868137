"""nbgrader (pinned in requirements.txt) on the course: its release equals `bin/course student`'s but for
the stub's text, and its scores equal `bin/course grade`'s on the same simulated learners.

Run by bin/course test in quick mode (COURSE_QUICK=1): lesson 00 (two exercises) and lesson 01 (five).
"""
import csv
import os
import subprocess
import sys
import tempfile
import time
import unittest

import nbformat

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
import exercises as ex  # noqa: E402
import nbgrader_roundtrip as nbg  # noqa: E402
from run_notebooks import ANSI  # noqa: E402
from test_exercises import COURSE, NOTEBOOKS, answered, setUpModule  # noqa: E402,F401  (JUPYTER_PATH)

LESSONS = ["00-getting-started.ipynb", "01-gradient-descent.ipynb"]
# Who submits what: every case on lesson 00; lesson 01 (five exercises, 1 + 2 + 3 + 1 + 2 points) adds partial
# scores per cell. Each submission costs a kernel start and a quick-mode run in each grader.
LEARNERS = {"00-getting-started.ipynb": ("alice", "bob", "carol", "dave"), "01-gradient-descent.ipynb": ("alice", "bob")}
CELL_TIMEOUT = 60  # seconds a cell may run, for both graders


def with_comment_in_check(nb, grade_id):
    """A learner who only adds a comment line to a locked check cell."""
    for cell in nb.cells:
        if ex.nbgrader(cell).get("grade_id") == grade_id:
            cell.source = "// I checked this myself\n" + cell.source
    return nb


class NbgraderRoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.course = os.path.join(cls.folder.name, "course")
        notebooks = [os.path.join(NOTEBOOKS, n) for n in LESSONS]
        nbg.write_course(cls.course, notebooks, CELL_TIMEOUT)
        started = time.perf_counter()
        cls.release = nbg.release(cls.course, notebooks)
        cls.points = {}  # {(notebook, check grade_id): points}
        cls.kinds = {}  # {(notebook, check grade_id): what the exercise asks (metadata.course.kind)}
        for lesson in LESSONS:
            name = ex.notebook_name(lesson)
            assignment = nbg.assignment_of(lesson)
            released = nbformat.read(os.path.join(cls.release, assignment, lesson), as_version=4)
            solutions = nbformat.read(os.path.join(NOTEBOOKS, lesson), as_version=4)
            checks = ex.exercises(released)
            cls.points.update({(name, check): points for check, points, _ in checks})
            cls.kinds.update({(name, check): kind for check, kind in ex.kinds_of(released).items()})

            def solve(indices, nb=released):
                for i in indices:
                    for grade_id in checks[i][2]:
                        nb = answered(nb, solutions, grade_id)
                return nb

            everything = range(len(checks))
            learners = {"alice": solve(everything),                     # all correct
                        "bob": solve([i for i in everything if i % 2 == 0]),  # half
                        "carol": with_comment_in_check(solve(everything), checks[0][0]),  # a comment in a check
                        "dave": released}                               # nothing done
            for learner in LEARNERS[lesson]:
                nb = learners[learner]
                path = os.path.join(cls.course, "submitted", learner, assignment, lesson)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                nbformat.write(nb, path)
        cls.nbgrader_log = nbg.grade(cls.course, sorted({nbg.assignment_of(n) for n in LESSONS}))
        cls.nbgrader_seconds = time.perf_counter() - started
        cls.theirs = nbg.scores(cls.course)
        out = os.path.join(cls.folder.name, "ours")
        started = time.perf_counter()
        cls.done = subprocess.run([COURSE, "grade", os.path.join(cls.course, "submitted"), "--out", out,
                                   "--timeout", str(CELL_TIMEOUT)], capture_output=True, text=True, timeout=1200,
                                  env={**os.environ, "COURSE_QUICK": "1"})
        cls.ours_seconds = time.perf_counter() - started
        cls.ours = {}
        if os.path.isfile(os.path.join(out, "grades.csv")):
            with open(os.path.join(out, "grades.csv"), newline="") as f:
                cls.ours = {(r["learner"], r["notebook"], r["exercise"]): (float(r["points"]), r["message"])
                            for r in csv.DictReader(f) if r["message"] != "not submitted"}
        print(f"nbgrader round trip: nbgrader {cls.nbgrader_seconds:.0f} s (generate, autograde, feedback), "
              f"bin/course grade {cls.ours_seconds:.0f} s", file=sys.stderr)
        for key in sorted(set(cls.theirs) | set(cls.ours)):
            print(f"nbgrader round trip: {' '.join(key)}: nbgrader {cls.theirs.get(key)}, "
                  f"ours {cls.ours.get(key, (None,))[0]}", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_the_release_equals_the_student_version_but_for_the_stub(self):
        for lesson in LESSONS:
            with self.subTest(lesson=lesson):
                theirs = nbformat.read(os.path.join(self.release, nbg.assignment_of(lesson), lesson), as_version=4)
                ours = ex.student_version(nbformat.read(os.path.join(NOTEBOOKS, lesson), as_version=4), lesson)
                self.assertEqual(len(theirs.cells), len(ours.cells))
                self.assertEqual(theirs.metadata, ours.metadata)
                for mine, other in zip(ours.cells, theirs.cells):
                    if ex.is_solution(mine):
                        grade_id = ex.nbgrader(mine)["grade_id"]
                        self.assertEqual(mine.source.replace(f"Exercise {grade_id}: not done yet", "not done yet"),
                                         other.source)
                        mine, other = dict(mine.metadata), dict(other.metadata)
                        mine["nbgrader"] = {k: v for k, v in mine["nbgrader"].items() if k != "checksum"}
                        other["nbgrader"] = {k: v for k, v in other["nbgrader"].items() if k != "checksum"}
                        self.assertEqual(mine, other)
                    else:
                        self.assertEqual(mine.source, other.source)
                        self.assertEqual(mine.metadata, other.metadata)  # checksums, deletable, editable

    def test_the_formgrader_loads_in_the_courses_jupyter(self):
        jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
        servers = subprocess.run([jupyter, "server", "extension", "list"], capture_output=True, text=True, timeout=300)
        self.assertRegex(ANSI.sub("", servers.stdout + servers.stderr), r"nbgrader\.server_extensions\.formgrader\s+OK")
        lab = subprocess.run([jupyter, "labextension", "list"], capture_output=True, text=True, timeout=300)
        self.assertRegex(ANSI.sub("", lab.stdout + lab.stderr), r"@jupyter/nbgrader v0\.9\.6 enabled\s+OK")

    def test_nbgrader_wrote_feedback_for_every_learner(self):
        for lesson in LESSONS:
            for learner in LEARNERS[lesson]:
                page = os.path.join(self.course, "feedback", learner, nbg.assignment_of(lesson),
                                    ex.notebook_name(lesson) + ".html")
                self.assertTrue(os.path.isfile(page), page)

    def test_the_scores_are_the_same_per_learner_and_cell(self):
        self.assertEqual(self.done.returncode, 0, self.done.stdout + self.done.stderr)
        self.assertTrue(self.theirs, self.nbgrader_log[-3000:])
        self.assertEqual(sorted(self.theirs), sorted(self.ours))
        differ = [f"{key}: nbgrader {self.theirs[key]}, ours {self.ours[key]}" for key in sorted(self.theirs)
                  if self.theirs[key] != self.ours[key][0]]
        self.assertEqual(differ, [])

    def test_predict_and_derive_exercises_go_through_both_graders(self):
        graded = {(n, e) for (l, n, e) in self.theirs if l == "alice"} & {(n, e) for (l, n, e) in self.ours if l == "alice"}
        kinds = {self.kinds[key] for key in graded}
        self.assertLessEqual({"predict", "derive"}, kinds, sorted(graded))

    def test_the_scores_are_the_ones_each_learner_earned(self):
        for (learner, notebook, check), score in self.theirs.items():
            if learner in ("alice", "carol"):
                self.assertEqual(score, self.points[(notebook, check)], (learner, notebook, check))
            if learner == "dave":
                self.assertEqual(score, 0, (learner, notebook, check))
        carol = [m for (l, n, e), (p, m) in self.ours.items() if l == "carol" and "edited" in m]
        self.assertEqual(len(carol), 1, self.ours)
        self.assertTrue(all(m.startswith("passed (locked check cell was edited") for m in carol), carol)

    # A check cell that ends in a value (a string) makes nbgrader warn that it "may treat as error" in a
    # future release: every check cell ends in a statement that prints its line instead.
    def test_nbgrader_warns_about_no_check_cell(self):
        self.assertNotIn("which cannot be converted to", self.nbgrader_log,
                         "a check cell ends in a non-numeric value: end it with System.out.println(...)")


if __name__ == "__main__":
    unittest.main(verbosity=2)
