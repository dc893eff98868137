"""Self-tests of the course harness: the notebook runner's reports and bin/course's messages."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
COURSE = os.path.join(ROOT, "bin", "course")


def write_notebook(folder, name, *sources):
    nb = new_notebook(cells=[new_markdown_cell("# test")] + [new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "optimizers-course-java", "display_name": "Java (optimizers course)",
                                 "language": "java"}
    path = os.path.join(folder, name)
    nbformat.write(nb, path)
    return path


class NotebookRunner(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        good = write_notebook(cls.folder.name, "good.ipynb", "int x = 6 * 7;", "x")
        bad = write_notebook(cls.folder.name, "bad.ipynb", "int ok = 1;",
                             "int a = 1;\nint b = 0;\nint c = a / b;", "System.out.println(\"never\");")
        cls.out = os.path.join(cls.folder.name, "out")
        cls.result = subprocess.run([sys.executable, os.path.join(TOOLS, "run_notebooks.py"), "--out", cls.out,
                                  good, bad], capture_output=True, text=True, timeout=300)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_exit_status_is_nonzero_when_a_notebook_fails(self):
        self.assertEqual(self.result.returncode, 1, self.result.stdout + self.result.stderr)

    def test_table_lists_every_notebook_with_status_and_seconds(self):
        self.assertRegex(self.result.stdout, r"good\.ipynb\s+ok\s+\d+\.\d")
        self.assertRegex(self.result.stdout, r"bad\.ipynb\s+failed\s+\d+\.\d")
        self.assertIn("notebooks: 1 passed, 1 failed", self.result.stdout)

    def test_failure_names_notebook_cell_error_and_line(self):
        line = [l for l in self.result.stdout.splitlines() if l.strip().startswith("bad.ipynb:")]
        self.assertEqual(len(line), 1, self.result.stdout)
        # Cell 3 of the file (a markdown cell comes first), the division on the cell's third line.
        self.assertIn("cell 3", line[0])
        self.assertIn("ArithmeticException", line[0])
        self.assertIn("line 3", line[0])

    def test_outputs_executed_notebooks_html_and_index(self):
        for name in ("good.ipynb", "good.html", "bad.ipynb", "bad.html", "index.html", "results.json"):
            self.assertTrue(os.path.isfile(os.path.join(self.out, name)), name)
        executed = nbformat.read(os.path.join(self.out, "good.ipynb"), as_version=4)
        self.assertEqual(executed.cells[2].outputs[0]["data"]["text/plain"], "42")
        with open(os.path.join(self.out, "results.json")) as f:
            statuses = {r["notebook"]: r["status"] for r in json.load(f)}
        self.assertEqual(statuses, {"good.ipynb": "ok", "bad.ipynb": "failed"})
        with open(os.path.join(self.out, "index.html")) as f:
            self.assertIn('href="good.html"', f.read())


class CourseCommand(unittest.TestCase):
    def course(self, *args, env=None):
        return subprocess.run([COURSE, *args], capture_output=True, text=True, timeout=120,
                              env={**os.environ, **(env or {})})

    def test_help_lists_the_commands(self):
        done = self.course("help")
        self.assertEqual(done.returncode, 0)
        for command in ("lab", "run", "test", "build"):
            self.assertIn(f"  {command}", done.stdout)

    def test_unknown_command_is_one_line(self):
        done = self.course("frobnicate")
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(done.stderr.strip().count("\n"), 0, done.stderr)
        self.assertIn("bin/course help", done.stderr)

    def test_missing_java_is_one_line_naming_the_install(self):
        with tempfile.TemporaryDirectory() as bare:
            # A PATH with the shell tools but without java or mvn.
            for tool in ("bash", "dirname", "sed", "head", "find", "id", "cat", "touch", "mkdir", "grep"):
                real = subprocess.run(["bash", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
                if real:
                    os.symlink(real, os.path.join(bare, tool))
            done = subprocess.run([os.path.join(bare, "bash"), COURSE, "build"], capture_output=True, text=True,
                                  timeout=60, env={"PATH": bare, "HOME": os.environ.get("HOME", "/tmp")})
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(done.stderr.strip().count("\n"), 0, done.stderr)
        self.assertIn("java not found", done.stderr)
        self.assertIn("openjdk-17", done.stderr)

    def test_run_of_an_unknown_notebook_says_so(self):
        done = self.course("run", "no-such-notebook")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("no notebook 'no-such-notebook'", done.stderr)

    def test_mnist_refuses_bad_options_in_one_line_before_fetching_anything(self):
        for args, expected in ((["--epochs", "0"], "--epochs 0: the number of epochs must be at least 1"),
                               (["--limit", "0"], "--limit 0: the number of training images must be at least 1"),
                               (["--optimizers", "adamm"], "unknown optimizer 'adamm': choose from [sgd,")):
            done = self.course("mnist", *args, env={"COURSE_MNIST_DIR": "/nonexistent"})
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertEqual(done.stderr.strip().count("\n"), 0, done.stderr)
            self.assertIn(expected, done.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
