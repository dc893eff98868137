"""Tests of the exercise tooling (tools/exercises.py, bin/course student and grade).

Without a kernel: the convention's rules, the student version, the checksum recipe, how submissions
are found, and how edited locked cells are caught. With the course kernel (COURSE_QUICK=1 under
bin/course test): the student version of every notebook fails exactly its exercise checks, and a
grading round trip over simulated learners (all correct, half correct, one who edited a locked cell,
and three harder ones: wrong answers, a kernel crash, an endless loop) gives the expected scores.
"""
import copy
import csv
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
COURSE = os.path.join(ROOT, "bin", "course")
NOTEBOOKS = os.path.join(ROOT, "notebooks")
KERNELS = os.path.join(ROOT, "kernel", "target", "jupyter")
sys.path.insert(0, TOOLS)
import exercises as ex  # noqa: E402
from run_notebooks import ANSI, run_one  # noqa: E402

COURSE_NOTEBOOKS = sorted(f for f in os.listdir(NOTEBOOKS) if f.endswith(".ipynb"))
ROUND_TRIP_TIMEOUT = 20  # seconds a cell may run while grading the simulated learners


def setUpModule():
    if os.path.isdir(KERNELS) and KERNELS not in os.environ.get("JUPYTER_PATH", ""):
        os.environ["JUPYTER_PATH"] = KERNELS + (os.pathsep + os.environ["JUPYTER_PATH"] if os.environ.get("JUPYTER_PATH") else "")


def solution(source, grade_id, **extra):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": False, "grade_id": grade_id, "locked": False, "schema_version": 3,
                                 "solution": True, **extra}
    return cell


def check(source, grade_id, points=1, **extra):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "locked": True, "points": points,
                                 "schema_version": 3, "solution": False, **extra}
    return cell


def notebook(*cells):
    nb = new_notebook(cells=[new_markdown_cell("# test")] + list(cells))
    nb.metadata["kernelspec"] = {"name": "optimizers-course-java", "display_name": "Java (optimizers course)",
                                 "language": "java"}
    return nb


def problems(nb):
    try:
        ex.check_convention(nb, "t.ipynb")
    except ex.ConventionError as e:
        return str(e)
    return ""


class Convention(unittest.TestCase):
    def test_stub_keeps_the_indentation_and_names_the_exercise(self):
        source = ("double f(double x) {\n    double y = x;\n    // BEGIN SOLUTION\n    y = 2 * x;\n    return y;\n"
                  "    // END SOLUTION\n}")
        self.assertEqual(ex.clear_solution(source, "ex-f", "code"),
                         "double f(double x) {\n    double y = x;\n    // YOUR CODE HERE\n"
                         "    throw new UnsupportedOperationException(\"Exercise ex-f: not done yet\");\n}")

    def test_every_region_of_a_cell_is_cleared(self):
        source = "int a;\n// BEGIN SOLUTION\na = 1;\n// END SOLUTION\nint b;\n  // BEGIN SOLUTION\n  b = 2;\n  // END SOLUTION"
        cleared = ex.clear_solution(source, "two", "code")
        self.assertEqual(cleared.count("// YOUR CODE HERE"), 2, cleared)
        self.assertEqual(cleared.count('throw new UnsupportedOperationException("Exercise two: not done yet");'), 2)
        self.assertIn("\n  // YOUR CODE HERE\n  throw", cleared)
        self.assertNotIn("a = 1", cleared)
        self.assertTrue(cleared.startswith("int a;\n") and "\nint b;\n" in cleared, cleared)

    def test_a_solution_cell_without_a_region_is_replaced_whole_and_markdown_gets_the_text_stub(self):
        self.assertEqual(ex.clear_solution("double r = 0.5;", "whole", "code"),
                         '// YOUR CODE HERE\nthrow new UnsupportedOperationException("Exercise whole: not done yet");')
        self.assertEqual(ex.clear_solution("The rate is 1/2.", "prose", "markdown"), "YOUR ANSWER HERE")

    def test_broken_regions_are_reported_with_their_line(self):
        for source, expected in (("// BEGIN SOLUTION\nx = 1;", "line 1: BEGIN SOLUTION without an END"),
                                 ("x = 1;\n// END SOLUTION", "line 2: END SOLUTION without a BEGIN"),
                                 ("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "line 2: a second BEGIN")):
            self.assertIn(expected, problems(notebook(solution(source, "s"), check("1", "c"))))

    def test_a_region_outside_a_solution_cell_is_refused(self):
        self.assertIn("cell 2: a solution region in a cell without nbgrader metadata",
                      problems(notebook(new_code_cell("// BEGIN SOLUTION\nx = 1;\n// END SOLUTION"))))
        # Prose naming the markers literally would be cleared by nbgrader too.
        self.assertIn("BEGIN&nbsp;SOLUTION", problems(notebook(new_markdown_cell(
            "a region between `// BEGIN SOLUTION` and\n`// END SOLUTION`"))))
        self.assertIn("not a solution cell", problems(notebook(check("// BEGIN SOLUTION\n// END SOLUTION", "c"))))

    def test_check_cell_rules(self):
        self.assertEqual(problems(notebook(solution("// BEGIN SOLUTION\n// END SOLUTION", "s"), check("1", "c"))), "")
        cases = [
            (check("1", "c", points=None), "needs points >= 0"),
            (check("1", "c", points=-1), "needs points >= 0"),
            (check("1", "c", locked=False), "must be locked"),
            (check("1", "bad id"), "must be letters, digits"),
            (check("1", "c", schema_version=1), "schema_version must be 3"),
            (check("1", "c", solution=True), "graded by hand"),
        ]
        unknown_kind = check("1", "c")
        unknown_kind.metadata["course"] = {"kind": "guess"}
        cases.append((unknown_kind, "metadata.course.kind 'guess' is not one of implement, compute"))
        for cell, expected in cases:
            self.assertIn(expected, problems(notebook(cell)), cell.metadata)
        self.assertIn("is used again (first in cell 2)", problems(notebook(check("1", "c"), check("2", "c"))))
        self.assertIn("no check cell (grade: true) after it",
                      problems(notebook(check("1", "c"), solution("// BEGIN SOLUTION\n// END SOLUTION", "s"))))
        self.assertIn("hidden tests are not supported", problems(notebook(check("### BEGIN HIDDEN TESTS\n1", "c"))))

    def test_exercises_pair_each_check_with_the_solutions_before_it(self):
        nb = notebook(solution("x", "a"), solution("y", "b"), check("1", "a-check", 2), new_code_cell("z"),
                      solution("w", "c"), check("1", "c-check", 0.5))
        self.assertEqual(ex.exercises(nb), [("a-check", 2, ["a", "b"]), ("c-check", 0.5, ["c"])])


class Checksum(unittest.TestCase):
    def test_the_documented_recipe(self):
        cell = check('Checks.close("x", 1.0, x, "h");', "ex-check", points=2)
        expected = hashlib.md5(('Checks.close("x", 1.0, x, "h");' + "code" + "True" + "False" + "True" + "ex-check"
                                + "2.0").encode("utf-8")).hexdigest()
        self.assertEqual(ex.compute_checksum(cell), expected)
        cell = solution("double r;\n// YOUR CODE HERE", "ex")
        expected = hashlib.md5(("double r;\n// YOUR CODE HERE" + "code" + "False" + "True" + "False" + "ex")
                               .encode("utf-8")).hexdigest()
        self.assertEqual(ex.compute_checksum(cell), expected)

    def test_source_points_and_flags_count_outputs_do_not(self):
        cell = check("a();", "c")
        base = ex.compute_checksum(cell)
        for change in (lambda c: setattr(c, "source", "a(); "), lambda c: c.metadata.nbgrader.update(points=2),
                       lambda c: c.metadata.nbgrader.update(grade_id="d")):
            other = copy.deepcopy(cell)
            change(other)
            self.assertNotEqual(ex.compute_checksum(other), base)
        other = copy.deepcopy(cell)
        other.outputs = [nbformat.v4.new_output("stream", text="hello")]
        other.execution_count = 7
        self.assertEqual(ex.compute_checksum(other), base)

    def test_student_version_clears_outputs_and_checksums_solution_check_and_locked_cells(self):
        readonly = new_code_cell("int setup = 1;")
        readonly.metadata["nbgrader"] = {"grade": False, "grade_id": "setup", "locked": True, "schema_version": 3,
                                         "solution": False}
        answered = solution("double r;\n// BEGIN SOLUTION\nr = 0.5;\n// END SOLUTION", "s")
        answered.outputs = [nbformat.v4.new_output("stream", text="x")]
        answered.execution_count = 3
        plain = new_code_cell("int p = 1;")
        nb = notebook(readonly, answered, check("r", "s-check"), plain)
        student = ex.student_version(nb, "t.ipynb")
        self.assertIn("r = 0.5", nb.cells[2].source, "the solution notebook itself must stay untouched")
        cells = student.cells
        self.assertEqual(cells[2].outputs, [])
        self.assertIsNone(cells[2].execution_count)
        self.assertNotIn("r = 0.5", cells[2].source)
        for cell in cells[1:4]:
            self.assertEqual(cell.metadata.nbgrader["checksum"], ex.compute_checksum(cell))
            self.assertEqual(cell.metadata.nbgrader["cell_type"], "code")
            self.assertIs(cell.metadata["deletable"], False)  # as nbgrader's generate_assignment sets them
        self.assertEqual([cell.metadata.get("editable") for cell in cells[1:5]], [False, None, False, None])
        self.assertNotIn("nbgrader", cells[4].metadata)


class CourseNotebooks(unittest.TestCase):
    def test_every_notebook_follows_the_convention_and_its_student_version_hides_every_solution(self):
        for name in COURSE_NOTEBOOKS:
            with self.subTest(notebook=name):
                source = nbformat.read(os.path.join(NOTEBOOKS, name), as_version=4)
                student = ex.student_version(source, name)
                self.assertEqual([c.get("id") for c in student.cells], [c.get("id") for c in source.cells])
                for original, cell in zip(source.cells, student.cells):
                    self.assertNotIn(ex.BEGIN, cell.source)
                    self.assertNotIn(ex.END, cell.source)
                    if ex.is_solution(original):
                        grade_id = ex.nbgrader(original)["grade_id"]
                        self.assertIn(f'throw new UnsupportedOperationException("Exercise {grade_id}: not done yet");',
                                      cell.source)
                    else:
                        self.assertEqual(cell.source, original.source)
                    if ex.is_locked(cell) or ex.is_grade(cell) or ex.is_solution(cell):
                        self.assertEqual(cell.metadata.nbgrader["checksum"], ex.compute_checksum(cell))

    def test_every_exercise_says_its_kind_and_every_lesson_asks_to_predict_and_to_derive(self):
        counts = {}
        for name in COURSE_NOTEBOOKS:
            kinds = ex.kinds_of(nbformat.read(os.path.join(NOTEBOOKS, name), as_version=4))
            with self.subTest(notebook=name):
                self.assertEqual([g for g, k in kinds.items() if k not in ex.KINDS], [],
                                 "check cells without metadata.course.kind")
                lesson = int(name[:2])
                if 1 <= lesson <= 10:
                    lesson_kinds = set(kinds.values())
                    # a lesson split in two (08, 08b) counts as one
                    for other in COURSE_NOTEBOOKS:
                        if other != name and other[:2] == name[:2]:
                            lesson_kinds |= set(ex.kinds_of(nbformat.read(os.path.join(NOTEBOOKS, other), as_version=4)).values())
                    self.assertIn("predict", lesson_kinds, "each lesson 01-10 has a predict-then-run exercise")
                    self.assertIn("derive", lesson_kinds, "each lesson 01-10 has a derivation exercise")
            for kind in kinds.values():
                counts[kind] = counts.get(kind, 0) + 1
        reasoning = sum(counts.get(k, 0) for k in ex.REASONING_KINDS)
        self.assertGreaterEqual(3 * reasoning, sum(counts.values()), ex.kinds_summary(counts))
        self.assertIn("ask to predict, derive or design", ex.kinds_summary(counts))

    def test_notebook_00_has_its_two_exercises(self):
        nb = nbformat.read(os.path.join(NOTEBOOKS, "00-getting-started.ipynb"), as_version=4)
        self.assertEqual(ex.exercises(nb), [("ex00-one-step-rate-check", 1, ["ex00-one-step-rate"]),
                                            ("ex00-by-hand-check", 1, ["ex00-by-hand"])])


class Submissions(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.references = ex.load_references(NOTEBOOKS)
        self.student = self.references["00-getting-started"].nb

    def put(self, relative, nb=None):
        path = os.path.join(self.folder.name, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        nbformat.write(nb or self.student, path)
        return path

    def test_learner_folders_and_files_named_by_learner(self):
        self.put("alice/00-getting-started.ipynb")
        self.put("bob/nested/ps0/00-getting-started.ipynb")
        self.put("carol-00-getting-started.ipynb")
        self.put("00-getting-started_dave.ipynb")
        self.put("erin.ipynb")                                 # no notebook name: known by its grade ids
        self.put("00-getting-started.ipynb")                   # nobody's
        self.put("frank/00-getting-started.ipynb")
        self.put("frank/copy of 00-getting-started.ipynb")     # a second copy
        self.put("gina/scratch.ipynb", notebook(new_code_cell("1")))
        self.put(".ipynb_checkpoints/x-00-getting-started.ipynb")
        found, notes = ex.find_submissions(self.folder.name, self.references)
        self.assertEqual(sorted(found), [(learner, "00-getting-started") for learner in
                                         ("alice", "bob", "carol", "dave", "erin", "frank")])
        self.assertTrue(found[("bob", "00-getting-started")].endswith("nested/ps0/00-getting-started.ipynb"))
        text = "\n".join(notes)
        self.assertIn("00-getting-started.ipynb: the file name does not say whose it is", text)
        self.assertIn("frank: frank/copy of 00-getting-started.ipynb is a second copy", text)
        self.assertIn("gina: gina/scratch.ipynb is none of the course's notebooks", text)

    def test_edited_and_deleted_locked_cells_are_caught_and_restored(self):
        reference = self.references["00-getting-started"]
        submission = copy.deepcopy(self.student)
        checks = [i for i, c in enumerate(submission.cells) if ex.is_grade(c)]
        original = submission.cells[checks[0]].source
        submission.cells[checks[0]].source = '"exercise 0.1 passed"'
        submission.cells[checks[0]].metadata.nbgrader["points"] = 100   # metadata edits do not count either
        del submission.cells[checks[1]]
        where, tampered, notes = ex.prepare(submission, reference)
        self.assertEqual(tampered, {"ex00-one-step-rate-check": "edited", "ex00-by-hand-check": "missing"})
        self.assertEqual(submission.cells[where["ex00-one-step-rate-check"]].source, original)
        self.assertEqual(ex.nbgrader(submission.cells[where["ex00-one-step-rate-check"]])["points"], 1)
        untouched = copy.deepcopy(self.student)
        self.assertEqual(ex.prepare(untouched, reference)[1], {})

    def test_a_learners_extra_cells_and_answers_are_not_edits(self):
        submission = copy.deepcopy(self.student)
        for cell in submission.cells:
            if ex.is_solution(cell):
                cell.source += "\nSystem.out.println(\"mine\");"
        submission.cells.insert(3, new_code_cell("int scratch = 1;"))
        self.assertEqual(ex.prepare(submission, self.references["00-getting-started"])[1], {})


class NbgraderScoring(unittest.TestCase):
    """A check cell that ran without an error scores as nbgrader's determine_grade scores it."""

    def result(self, text):
        return nbformat.v4.new_output("execute_result", data={"text/plain": text}, execution_count=1)

    def test_stderr_scores_zero_a_number_is_partial_credit_anything_else_full(self):
        stderr = nbformat.v4.new_output("stream", name="stderr", text="warning: slow\n")
        stdout = nbformat.v4.new_output("stream", name="stdout", text="exercise passed\n")
        self.assertEqual(ex.score_of_outputs([], 2), (2, ""))
        self.assertEqual(ex.score_of_outputs([stdout], 2), (2, ""))
        self.assertEqual(ex.score_of_outputs([self.result('"exercise 0.1 passed"')], 2), (2, ""))
        self.assertEqual(ex.score_of_outputs([self.result("-1")], 2), (2, ""))
        self.assertEqual(ex.score_of_outputs([self.result("1.5")], 2), (1.5, "partial credit: the check cell's result is 1.5"))
        self.assertEqual(ex.score_of_outputs([self.result("3")], 2)[0], 0)
        score, message = ex.score_of_outputs([stdout, stderr, self.result("2")], 2)
        self.assertEqual(score, 0)
        self.assertIn("wrote to stderr (nbgrader scores that 0): warning: slow", message)


class Shadowing(unittest.TestCase):
    """A submission whose own code declares or assigns a name a check cell relies on is refused."""

    def setUp(self):
        self.reference = ex.load_references(NOTEBOOKS)["00-getting-started"]

    def refused(self, code, grade_id="ex00-by-hand", cell=None):
        submission = copy.deepcopy(self.reference.nb)
        for c in submission.cells:
            if ex.nbgrader(c).get("grade_id") == grade_id:
                c.source = c.source.replace("// YOUR CODE HERE", code)
        if cell is not None:
            submission.cells.insert(3, new_code_cell(cell))
        return ex.shadowing(submission, self.reference)

    def test_the_checks_names_are_what_they_call_and_read(self):
        relied = ex.names_checks_rely_on(self.reference)
        # System: every check cell prints its line (System.out.println), so a learner's System would shadow it
        self.assertEqual(sorted(relied), ["Arrays", "Checks", "GradientDescent", "System", "afterOneStep", "byHand",
                                          "oneStepRate"])
        self.assertEqual(relied["Checks"], ["ex00-one-step-rate-check", "ex00-by-hand-check"])

    def test_declaring_a_class_or_variable_named_like_one_is_refused(self):
        for code in ("FakeChecks Checks = new FakeChecks();", "class Checks { }", "var Arrays = 1;",
                     "FakeChecks \\u0043hecks = null;", "import my.fake.GradientDescent;",
                     "Object a = null, Checks = null;"):
            with self.subTest(code=code):
                problems = self.refused(code)
                self.assertEqual(len(problems), 1, problems)
                self.assertRegex(problems[0], r"^cell \d+ declares or assigns `\w+`, which the check cells? .* uses?: "
                                              r"submission refused")
        self.assertIn("`Checks`", self.refused("", cell="interface Checks { }")[0], "a cell the learner added")

    def test_comments_strings_calls_and_the_answer_variables_are_not(self):
        for code in ('// Checks = null;\nString s = "Checks = 1";', "Checks.that(true, \"x\", \"y\");",
                     "oneStepRate = 0.5;\ndouble afterOneStep = 0;", "byHand[1] = 1.0;",
                     "double[] mine = Arrays.copyOf(byHand, 4);", "GradientDescent gd = GradientDescent.textbook().learningRate(0.25);"):
            with self.subTest(code=code):
                self.assertEqual(self.refused(code, "ex00-one-step-rate" if "Rate" in code else "ex00-by-hand"), [])

    def test_every_course_notebook_with_its_solutions_passes(self):
        for name, reference in sorted(ex.load_references(NOTEBOOKS).items()):
            with self.subTest(notebook=name):
                solved = nbformat.read(os.path.join(NOTEBOOKS, name + ".ipynb"), as_version=4)
                self.assertEqual(ex.shadowing(solved, reference), [])
                self.assertEqual(ex.shadowing(reference.nb, reference), [])


class Commands(unittest.TestCase):
    def course(self, *args):
        return subprocess.run([COURSE, *args], capture_output=True, text=True, timeout=300)

    def test_help_lists_student_and_grade(self):
        done = self.course("help")
        self.assertIn("  student [OUT] [NOTEBOOK...]", done.stdout)
        self.assertIn("  grade SUBMISSIONS", done.stdout)

    def test_student_writes_every_notebook_and_lists_its_exercises(self):
        with tempfile.TemporaryDirectory() as out:
            done = self.course("student", out)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(sorted(os.listdir(out)), COURSE_NOTEBOOKS)
            self.assertRegex(done.stdout, r"00-getting-started\s+2\s+2\s+1\s")
            self.assertRegex(done.stdout, r"\d+ of \d+ exercises \(\d+%\) ask to predict, derive or design")
            self.assertIn(f"student: {len(COURSE_NOTEBOOKS)} student notebook", done.stdout)
            nested = os.path.join(out, "one")
            done = self.course("student", nested, "00-getting-started")
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(os.listdir(nested), ["00-getting-started.ipynb"])

    def test_student_refuses_to_overwrite_the_solutions_and_names_unknown_notebooks(self):
        done = self.course("student", NOTEBOOKS)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("refusing to write into", done.stderr)
        done = self.course("student", os.path.join(ROOT, "target", "student-x"), "no-such-notebook")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("no notebook 'no-such-notebook'", done.stderr)

    def test_grade_without_a_folder_says_how(self):
        done = self.course("grade")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("usage: bin/course grade SUBMISSIONS", done.stderr)
        done = subprocess.run([sys.executable, os.path.join(TOOLS, "exercises.py"), "grade", "/no/such/folder"],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 2)
        self.assertIn("no folder '/no/such/folder'", done.stderr)


def error_of(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return output.get("ename", "Error"), ANSI.sub("", output.get("evalue", ""))
    return None


class StudentVersionsRun(unittest.TestCase):
    """One test per course notebook: its student version, run with errors allowed, fails in exactly
    its check cells (with an AssertionError or the exercise's "not done yet"), its exercise cells fail
    at most with "not done yet", and every other cell runs."""

    def check_notebook(self, name, notebooks=NOTEBOOKS):
        with tempfile.TemporaryDirectory() as folder:
            source = nbformat.read(os.path.join(notebooks, name), as_version=4)
            path = os.path.join(folder, name)
            nbformat.write(ex.student_version(source, name), path)
            result = run_one(path, os.path.join(folder, "out"), int(os.environ.get("COURSE_CELL_TIMEOUT", "600")), True)
            self.assertEqual(result["status"], "ok", result["detail"])
            executed = nbformat.read(result["executed"], as_version=4)
        wrong, checks, others = [], 0, 0
        for index, cell in enumerate(executed.cells):
            if cell.cell_type != "code":
                continue
            error = error_of(cell)
            where = f"{name}: cell {index + 1}"
            not_done = error is not None and error[0] == "UnsupportedOperationException" and ex.NOT_DONE in error[1]
            if ex.is_grade(cell):
                checks += 1
                if error is None:
                    wrong.append(f"{where} (check {ex.nbgrader(cell)['grade_id']}) passes without the answer: "
                                 "a check that passes on the student version checks nothing")
                elif error[0] != "AssertionError" and not not_done:
                    wrong.append(f"{where} (check {ex.nbgrader(cell)['grade_id']}) fails with {error[0]}: {error[1]}; "
                                 "it should throw an AssertionError with a hint (declare the variables it reads "
                                 "outside the solution region)")
            elif ex.is_solution(cell):
                if error is not None and not not_done:
                    wrong.append(f"{where} (exercise {ex.nbgrader(cell)['grade_id']}) fails with {error[0]}: "
                                 f"{error[1]}; only \"not done yet\" is expected (keep declarations outside the "
                                 "region, and the region last in its block)")
            else:
                others += 1
                if error is not None:
                    wrong.append(f"{where} is no exercise but fails in the student version with {error[0]}: "
                                 f"{error[1]}; later cells must not depend on an exercise's answer (or must fall "
                                 "back to the lib reference)")
        if wrong:
            self.fail("\n".join(wrong))
        print(f"exercises: {name}: student version fails exactly its {checks} check cell"
              f"{'s' if checks != 1 else ''}; {others} other code cells run", file=sys.stderr)


def _student_test(name):
    return lambda self: self.check_notebook(name)


for _name in COURSE_NOTEBOOKS:
    setattr(StudentVersionsRun, "test_" + os.path.splitext(_name)[0].replace("-", "_"), _student_test(_name))


# ---- the grading round trip ----------------------------------------------------------------------

def answered(student, source, grade_id, code=None):
    """The learner's version of one exercise cell: the solution typed in (code None) or `code`."""
    result = copy.deepcopy(student)
    solved = {ex.nbgrader(c)["grade_id"]: c for c in source.cells if ex.is_solution(c)}
    for cell in result.cells:
        if ex.nbgrader(cell).get("grade_id") != grade_id:
            continue
        if code is None:
            cell.source = "\n".join(line for line in solved[grade_id].source.split("\n")
                                    if ex.BEGIN not in line and ex.END not in line)
        else:
            lines, out = cell.source.split("\n"), []
            for line in lines:
                if "// YOUR CODE HERE" in line:
                    out.extend(code.split("\n"))
                elif "not done yet" not in line:
                    out.append(line)
            cell.source = "\n".join(out)
    return result


def edited_check(student, grade_id):
    result = copy.deepcopy(student)
    for cell in result.cells:
        if ex.nbgrader(cell).get("grade_id") == grade_id:
            cell.source = '"check passed"'
    return result


def kernels_of_run(run_id):
    """PIDs of kernel JVMs whose environment carries COURSE_TEST_RUN=run_id."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if b"course.kernel.Main" not in f.read():
                    continue
            with open(f"/proc/{entry}/environ", "rb") as f:
                if f"COURSE_TEST_RUN={run_id}".encode() in f.read().split(b"\0"):
                    pids.append(int(entry))
        except OSError:
            continue
    return pids


class GradingRoundTrip(unittest.TestCase):
    """Simulated learners of 00-getting-started, graded by `bin/course grade`:
    alice all correct, bob half correct, carol edited a locked check cell; dave gave wrong answers,
    erin's notebook kills the kernel, frank's loops forever (cell timeout)."""
    NAME = "00-getting-started"

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        base = cls.folder.name
        source = nbformat.read(os.path.join(NOTEBOOKS, cls.NAME + ".ipynb"), as_version=4)
        student = ex.student_version(source, cls.NAME)
        cls.exercises = ex.exercises(student)
        cls.max = sum(p for _, p, _ in cls.exercises)
        ids = [solutions for _, _, solutions in cls.exercises]

        def solve(nb, indices):
            for i in indices:
                for grade_id in ids[i]:
                    nb = answered(nb, source, grade_id)
            return nb

        def put(relative, nb):
            path = os.path.join(base, "submitted", relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            nbformat.write(nb, path)

        everything = range(len(cls.exercises))
        cls.half = [i for i in everything if i % 2 == 0]
        put(f"alice/{cls.NAME}.ipynb", solve(student, everything))
        put(f"bob-{cls.NAME}.ipynb", solve(student, cls.half))
        last = cls.exercises[-1][0]
        put(f"carol/{cls.NAME}.ipynb", edited_check(solve(student, everything[:-1]), last))
        put(f"{cls.NAME}_dave.ipynb", answered(answered(student, source, "ex00-one-step-rate",
                                                        "oneStepRate = 0.25;\nafterOneStep = 1.5;"),
                                               source, "ex00-by-hand",
                                               "for (int k = 1; k <= 3; k++) {\n"
                                               "    byHand[k] = byHand[k - 1] + eta * gradient(byHand[k - 1]);\n}"))
        put(f"erin/{cls.NAME}.ipynb", answered(solve(student, [0]), source, "ex00-by-hand", "System.exit(1);"))
        put(f"frank/{cls.NAME}.ipynb", solve(answered(student, source, "ex00-one-step-rate",
                                                      "while (oneStepRate == 0) { afterOneStep += 1e-9; }"), [1]))
        cls.out = os.path.join(base, "grades")
        cls.run_id = f"exercises-{os.getpid()}-{random.randrange(10 ** 9)}"
        cls.done = subprocess.run([COURSE, "grade", os.path.join(base, "submitted"), "--out", cls.out,
                                   "--timeout", str(ROUND_TRIP_TIMEOUT)],
                                  capture_output=True, text=True, timeout=900,
                                  env={**os.environ, "COURSE_QUICK": "1", "COURSE_TEST_RUN": cls.run_id})
        cls.rows, cls.totals = [], {}
        if os.path.isfile(os.path.join(cls.out, "grades.csv")):
            with open(os.path.join(cls.out, "grades.csv"), newline="") as f:
                cls.rows = list(csv.DictReader(f))
            with open(os.path.join(cls.out, "totals.csv"), newline="") as f:
                cls.totals = {r["learner"]: (float(r["points"]), float(r["max_points"])) for r in csv.DictReader(f)}
        print("round trip: " + ", ".join(f"{l} {p:g}/{m:g}" for l, (p, m) in sorted(cls.totals.items())),
              file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def message(self, learner, exercise):
        row = [r for r in self.rows if r["learner"] == learner and r["exercise"] == exercise]
        self.assertEqual(len(row), 1, self.done.stdout + self.done.stderr)
        return row[0]["message"]

    def test_grading_completes_with_a_table_and_csv(self):
        self.assertEqual(self.done.returncode, 0, self.done.stdout + self.done.stderr)
        self.assertRegex(self.done.stdout, r"learner\s+notebook\s+exercise\s+points\s+message")
        self.assertIn("totals: alice", self.done.stdout)
        self.assertEqual(list(self.rows[0].keys()), ["learner", "notebook", "exercise", "points", "max_points", "message"])
        self.assertEqual(len(self.rows), 6 * len(self.exercises))
        self.assertTrue(os.path.isfile(os.path.join(self.out, "executed", "alice", self.NAME + ".ipynb")))

    def test_all_correct_scores_everything(self):
        self.assertEqual(self.totals.get("alice"), (self.max, self.max), self.done.stdout)
        self.assertEqual({r["message"] for r in self.rows if r["learner"] == "alice"}, {"passed"})

    def test_half_correct_scores_the_half_it_did(self):
        expected = sum(self.exercises[i][1] for i in self.half)
        self.assertEqual(self.totals.get("bob"), (expected, self.max), self.done.stdout)
        for i, (grade_id, _, _) in enumerate(self.exercises):
            message = self.message("bob", grade_id)
            if i in self.half:
                self.assertEqual(message, "passed")
            else:
                self.assertIn("not done yet", message)

    def test_an_edited_locked_cell_is_restored_scored_as_the_original_and_reported(self):
        last, points, _ = self.exercises[-1]
        self.assertEqual(self.totals.get("carol"), (self.max - points, self.max), self.done.stdout)
        message = self.message("carol", last)
        self.assertIn("(locked check cell was edited; the original was restored and ran in its place)", message)
        self.assertIn("not done yet", message)  # the original check failed: carol did not do that exercise

    def test_wrong_answers_get_the_checks_hints(self):
        self.assertEqual(self.totals.get("dave"), (0, self.max), self.done.stdout)
        self.assertIn("expected the one-step learning rate to be 0.5, got 0.25: solve 1 - 2η = 0 for η",
                      self.message("dave", "ex00-one-step-rate-check"))
        by_hand = self.message("dave", "ex00-by-hand-check")
        self.assertIn("θ after step 1 to be 1.0, got 3.0", by_hand)
        self.assertIn("subtract the step", by_hand)

    def test_a_kernel_crash_zeroes_what_did_not_run_and_grading_goes_on(self):
        self.assertEqual(self.totals.get("erin"), (1, self.max), self.done.stdout)
        self.assertEqual(self.message("erin", "ex00-one-step-rate-check"), "passed")
        self.assertIn("the kernel died", self.message("erin", "ex00-by-hand-check"))
        self.assertIn("frank", self.totals, "grading stopped after the crash")

    def test_an_endless_loop_times_out_and_the_next_exercise_still_counts(self):
        self.assertEqual(self.totals.get("frank"), (1, self.max), self.done.stdout)
        self.assertIn(f"timed out after {ROUND_TRIP_TIMEOUT} s", self.message("frank", "ex00-one-step-rate-check"))
        self.assertEqual(self.message("frank", "ex00-by-hand-check"), "passed")

    def test_no_kernel_outlives_the_grading(self):
        self.assertEqual(kernels_of_run(self.run_id), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
