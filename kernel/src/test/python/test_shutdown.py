"""No orphan JVM: after a notebook finishes, is interrupted, or times out under nbconvert, the
kernel's JVM is gone."""
import os
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

import kernelspecs

kernelspecs.prepare_variants()


def kernel_pids(mark):
    """Kernel JVMs whose environment carries this test's mark (other running kernels do not count)."""
    out = subprocess.run(["pgrep", "-f", "course.kernel.Main"], capture_output=True, text=True).stdout
    pids = set()
    for pid in out.split():
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if f"COURSE_TEST_MARK={mark}".encode() in f.read().split(b"\0"):
                    pids.add(int(pid))
        except OSError:
            pass
    return pids


def notebook(*sources):
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": kernelspecs.KERNEL_NAME, "display_name": "Java (optimizers course)",
                                 "language": "java"}
    return nb


class NoOrphanKernels(unittest.TestCase):
    def setUp(self):
        self.mark = uuid.uuid4().hex
        self.folder = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.folder.cleanup()

    def nbconvert(self, nb, *options):
        path = os.path.join(self.folder.name, "case.ipynb")
        nbformat.write(nb, path)
        return subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                               "--output", "case-out", "--ExecutePreprocessor.shutdown_kernel=immediate", *options, path],
                              capture_output=True, text=True, timeout=180,
                              env={**os.environ, "COURSE_TEST_MARK": self.mark})

    def assert_no_new_kernel(self):
        deadline = time.time() + 10
        while time.time() < deadline and kernel_pids(self.mark):
            time.sleep(0.2)
        self.assertEqual(kernel_pids(self.mark), set(), "a kernel JVM outlived its notebook")

    def test_the_mark_finds_a_running_kernel(self):
        """The orphan check itself must be able to fail: a live kernel carrying the mark is found."""
        from jupyter_client.manager import start_new_kernel
        os.environ["COURSE_TEST_MARK"] = self.mark
        try:
            km, kc = start_new_kernel(kernel_name=kernelspecs.KERNEL_NAME, startup_timeout=60)
        finally:
            del os.environ["COURSE_TEST_MARK"]
        try:
            self.assertEqual(len(kernel_pids(self.mark)), 1)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        self.assert_no_new_kernel()

    def test_finished_notebook(self):
        done = self.nbconvert(notebook("int x = 6 * 7;", "x"))
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])
        self.assert_no_new_kernel()

    def test_failing_notebook(self):
        done = self.nbconvert(notebook("int x = 1 / 0;"))
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("ArithmeticException", done.stderr)
        self.assert_no_new_kernel()

    def test_timed_out_cell(self):
        done = self.nbconvert(notebook("while (true) {}"), "--ExecutePreprocessor.timeout=3")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("timed out", done.stderr.lower().replace("timeout", "timed out"))
        self.assert_no_new_kernel()

    def test_interrupted_on_timeout_then_continues(self):
        done = self.nbconvert(notebook("int keep = 5;", "while (true) {}", "keep"),
                              "--ExecutePreprocessor.timeout=3", "--ExecutePreprocessor.interrupt_on_timeout=True",
                              "--allow-errors")
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])
        out = nbformat.read(os.path.join(self.folder.name, "case-out.ipynb"), as_version=4)
        self.assertEqual(out.cells[1].outputs[0]["ename"], "Interrupted")
        self.assertEqual(out.cells[2].outputs[0]["data"]["text/plain"], "5")
        self.assert_no_new_kernel()


if __name__ == "__main__":
    unittest.main(verbosity=2)
