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
            # A PATH with the shell tools and a Python (bin/course runs on one) but without java or mvn.
            for tool in ("bash", "dirname", "sed", "head", "find", "id", "cat", "touch", "mkdir", "grep"):
                real = subprocess.run(["bash", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
                if real:
                    os.symlink(real, os.path.join(bare, tool))
            os.symlink(os.path.realpath(getattr(sys, "_base_executable", sys.executable)), os.path.join(bare, "python3"))
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


def pins(lines, separator):
    """{normalised name: version} of the `name<separator>version` lines, comments and blanks skipped."""
    found = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        if separator in line:
            name, version = line.split(separator, 1)
            found[name.strip().lower().replace("_", "-")] = version.strip()
    return found


class PythonEnvironment(unittest.TestCase):
    """requirements.txt, environment.yml and the environment bin/course builds from them."""

    def setUp(self):
        with open(os.path.join(ROOT, "requirements.txt")) as f:
            self.requirements = f.read().splitlines()

    def direct(self):
        start = self.requirements.index("# direct:")
        names = []
        for line in self.requirements[start + 1:]:
            if line.startswith("#"):
                break
            names.append(line.split("==")[0].lower().replace("_", "-"))
        return names

    def test_every_requirement_is_pinned_exactly(self):
        for line in self.requirements:
            if line.strip() and not line.startswith("#"):
                self.assertRegex(line, r"^[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.+-]*$", "not an exact pin: " + line)
        for needed in ("jupyterlab", "notebook", "nbclient", "nbconvert", "nbformat", "jupyter-client",
                       "jupyter-kernel-test", "playwright"):
            self.assertIn(needed, self.direct())
        self.assertTrue(pins(self.requirements, "==")["jupyterlab"].startswith("4."))
        self.assertTrue(pins(self.requirements, "==")["notebook"].startswith("7."))

    def test_environment_yml_pins_the_same_versions(self):
        with open(os.path.join(ROOT, "environment.yml")) as f:
            conda = pins([l for l in f if l.startswith("  - ") and "=" in l], "=")
        requirements = pins(self.requirements, "==")
        conda.pop("python")
        for tool in ("openjdk", "maven", "nodejs"):
            conda.pop(tool, None)
        self.assertEqual(sorted(conda), sorted(self.direct()),
                         "environment.yml and requirements.txt's direct packages differ")
        for name, version in conda.items():
            self.assertEqual(version, requirements[name], f"{name}: environment.yml {version}, "
                             f"requirements.txt {requirements[name]}")

    def test_the_environment_is_the_one_requirements_txt_describes(self):
        """bin/course built .venv from this very file (its stamp) and pip finds every pin installed."""
        venv = os.environ.get("COURSE_VENV", os.path.join(ROOT, ".venv"))
        if os.path.realpath(sys.prefix) != os.path.realpath(venv):
            self.skipTest("not running in the course's environment")
        import hashlib
        with open(os.path.join(ROOT, "requirements.txt"), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        with open(os.path.join(venv, ".course-requirements")) as f:
            self.assertEqual(f.read().strip(), digest)
        from importlib import metadata
        for name, version in pins(self.requirements, "==").items():
            self.assertEqual(metadata.version(name), version, name)

    def test_no_network_is_one_message_with_the_fix_and_leaves_nothing(self):
        with tempfile.TemporaryDirectory() as scratch:
            venv = os.path.join(scratch, "venv")
            done = subprocess.run([COURSE, "jupyter", "--version"], capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "COURSE_VENV": venv, "PIP_INDEX_URL": "http://127.0.0.1:9/simple",
                                       "PIP_NO_CACHE_DIR": "1", "PIP_FIND_LINKS": "",
                                       "PATH": os.environ["PATH"].replace(os.path.join(ROOT, ".venv", "bin") + os.pathsep, "")})
            self.assertNotEqual(done.returncode, 0)
            errors = [l for l in done.stderr.splitlines() if "could not install" in l]
            self.assertEqual(len(errors), 1, done.stderr)
            self.assertIn("the package index could not be reached", errors[0])
            self.assertIn("PIP_INDEX_URL", errors[0])
            self.assertIn("PIP_FIND_LINKS", errors[0])
            self.assertIn("the next run tries again", errors[0])
            self.assertEqual([n for n in os.listdir(scratch) if n.startswith("venv")], [], "something was left behind")

    def test_too_old_python_is_refused_with_its_version(self):
        with tempfile.TemporaryDirectory() as scratch:
            fake = os.path.join(scratch, "python3")
            with open(fake, "w") as f:
                f.write("#!/bin/sh\ncase \"$2\" in *print*version_info*) echo 3.8.10 ;; *) exit 1 ;; esac\n")
            os.chmod(fake, 0o755)
            done = subprocess.run([COURSE, "jupyter", "--version"], capture_output=True, text=True, timeout=60,
                                  env={**os.environ, "COURSE_VENV": os.path.join(scratch, "venv"), "COURSE_PYTHON": fake})
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(done.stderr.strip().count("\n"), 0, done.stderr)
        self.assertIn("is Python 3.8.10", done.stderr)
        self.assertIn("needs 3.11 or newer", done.stderr)

    def test_jupyter_runs_in_the_environment_and_sees_the_course_kernel(self):
        done = subprocess.run([COURSE, "jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True,
                              timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("optimizers-course-java", json.loads(done.stdout)["kernelspecs"])
        done = subprocess.run([COURSE, "jupyter", "lab", "--version"], capture_output=True, text=True, timeout=120)
        self.assertEqual(done.stdout.strip(), pins(self.requirements, "==")["jupyterlab"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
