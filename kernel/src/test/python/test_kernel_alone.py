"""The kernel without lib: bin/course test builds it with -Dkernel.alone into kernel/target/jupyter-alone
(kernel name optimizers-course-java-alone, no course-lib jar on its class path), and this runs the whole
jupyter_kernel_test protocol suite on it (the samples of test_kernel's conformance class), plus what a
kernel without lib must still do: plain values, display and the renderer registry, with lib's classes absent.

Run: ../../../../.venv/bin/python -m unittest -v test_kernel_alone   (from this folder, after that build)
"""
import os
import unittest

import kernelspecs
import test_kernel
from jupyter_client.manager import start_new_kernel

ALONE_NAME = kernelspecs.KERNEL_NAME + "-alone"
ALONE_PATH = os.path.join(kernelspecs.KERNEL_MODULE, "target", "jupyter-alone")
SPEC = os.path.join(ALONE_PATH, "kernels", ALONE_NAME, "kernel.json")
if not os.path.isfile(SPEC):
    raise SystemExit(f"no kernelspec at {SPEC}: build it with mvn -q -pl kernel -am -Dkernel.alone "
                     f"-Dmaven.test.skip=true -Dkernel.name={ALONE_NAME} "
                     f"-Dkernelspec.dir={os.path.dirname(SPEC)} package (bin/course test does)")
os.environ["JUPYTER_PATH"] = os.pathsep.join([ALONE_PATH] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])



def _conformance_base():
    """test_kernel keeps only its per-JDK classes (a module-level base would run here too): their common base."""
    return next(c for n, c in sorted(vars(test_kernel).items())
                if n.startswith("CourseKernelConformance_") and isinstance(c, type)).__mro__[1]


class KernelWithoutLibConformance(_conformance_base()):
    """jupyter_kernel_test's protocol suite, every sample, on the kernel built without lib."""
    kernel_name = ALONE_NAME


class KernelWithoutLib(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=ALONE_NAME, startup_timeout=test_kernel.TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def run_cell(self, code):
        reply = self.kc.execute_interactive(code, timeout=test_kernel.TIMEOUT, output_hook=self.collect)
        return reply["content"]

    def collect(self, msg):
        if msg["msg_type"] not in ("status", "execute_input"):
            self.outputs.append(msg)

    def setUp(self):
        self.outputs = []

    def test_its_class_path_has_no_lib(self):
        self.assertEqual(self.run_cell('System.getProperty("java.class.path").contains("course-lib")')["status"], "ok")
        self.assertEqual(self.outputs[-1]["content"]["data"]["text/plain"], "false")
        self.outputs = []
        reply = self.run_cell('Class.forName("course.Course")')
        self.assertEqual(reply["status"], "error")
        self.assertIn("ClassNotFoundException", reply["ename"] + " " + reply["evalue"])

    def test_values_display_and_a_learners_renderer_work_without_lib(self):
        self.run_cell('record Point(double x, double y) {}\n'
                      'Renderers.register(Point.class, p -> java.util.Map.of("text/html", "<b>(" + p.x() + ", " + p.y() + ")</b>"));')
        self.outputs = []
        self.assertEqual(self.run_cell("String shownId = display(new Point(1, 2));")["status"], "ok")
        shown = [m for m in self.outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(shown), 1, self.outputs)
        self.assertEqual(shown[0]["content"]["data"]["text/html"], "<b>(1.0, 2.0)</b>")
        self.outputs = []
        self.assertEqual(self.run_cell("6 * 7")["status"], "ok")
        self.assertEqual(self.outputs[-1]["content"]["data"]["text/plain"], "42")


if __name__ == "__main__":
    unittest.main()
