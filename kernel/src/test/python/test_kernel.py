"""The course kernel against the Jupyter protocol: the whole jupyter_kernel_test suite with every
sample it knows, plus the behaviours that broke other Java kernels (state, errors, interrupt,
display ids, magics, start-up checks). One test class per JDK found on the machine.

Run: ../../../../.venv/bin/python -m unittest -v test_kernel   (from this folder, after the build; bin/course test does)
"""
import base64
import json
import os
import re
import queue
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel

import kernelspecs

VARIANTS = kernelspecs.prepare_variants()
TIMEOUT = 60


class CourseKernelConformance(jkt.KernelTests):
    """Every sample jupyter_kernel_test knows, configured: nothing is skipped for want of one."""

    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    completion_samples = [
        {"text": "System.currentTi", "matches": {"currentTimeMillis()"}},
        {"text": "int apple = 1;\nint apricot = 2;\nap"},
    ]
    complete_code_samples = ["1", "int x = 1;", "void f() {}", "record R(int a) {}", "6*7",
                             "for (int i = 0; i < 3; i++) {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {", "int x = (1 +",
                               "double[] a = {1, 2,"]
    invalid_code_samples = ["}", "int x = );", "else { }"]
    code_page_something = 'page("The course kernel: Java cells run in JShell.");'
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "Math.sqrt(16.0)", "result": "4.0"},
        {"code": '"opti" + "mizers"', "result": "optimizers"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>gradient</b>"));', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs"
    code_clear_output = "clearOutput();"

    def test_kernel_info_status_ok(self):
        self.flush_channels()
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=jkt.TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")


class CourseKernelBehaviour(unittest.TestCase):
    """What learners rely on beyond the protocol suite."""

    kernel_name = kernelspecs.KERNEL_NAME

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def execute(self, code, timeout=TIMEOUT):
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)
        return reply["content"], outputs

    def ok(self, code):
        reply, outputs = self.execute(code)
        self.assertEqual(reply["status"], "ok", f"{code!r} failed: {reply} {outputs}")
        return outputs

    def result_text(self, code):
        outputs = self.ok(code)
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, f"{code!r} gave {outputs}")
        return results[0]

    def error(self, code):
        reply, outputs = self.execute(code)
        self.assertEqual(reply["status"], "error", f"{code!r} should fail: {outputs}")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        return errors[0]

    def test_state_survives_imports_lambdas_failures_and_redeclarations(self):
        self.ok("record Point(double x, double y) {}\nvar point = new Point(1.5, -2.0);")
        self.ok("import java.util.concurrent.atomic.*;\nRunnable show = () -> System.out.println(point);\nAtomicInteger counter = new AtomicInteger(3);")
        self.assertEqual(self.result_text("point"), "Point[x=1.5, y=-2.0]")
        self.error("int broken = 1 / 0;")
        self.error("this does not compile")
        self.assertEqual(self.result_text("point.x() + counter.get()"), "4.5")
        self.ok("double rate = 0.1;")
        self.ok("double rate = 0.2;")
        self.assertEqual(self.result_text("rate"), "0.2")
        self.ok("double twice(double v) { return 2 * v; }")
        self.ok("import java.util.function.*;\nDoubleUnaryOperator f = v -> twice(v);")
        self.assertEqual(self.result_text("f.applyAsDouble(point.x())"), "3.0")
        self.assertEqual(self.result_text("point"), "Point[x=1.5, y=-2.0]")

    def test_runtime_error_names_type_message_and_cell_line(self):
        self.ok("double ratio(int a, int b) {\n  int q = a / b;\n  return q;\n}")
        err = self.error("int a = 1;\nint b = 0;\nratio(a, b);")
        self.assertEqual(err["ename"], "ArithmeticException")
        self.assertIn("/ by zero", err["evalue"])
        trace = "\n".join(err["traceback"])
        self.assertIn("at ratio (cell [", trace)
        self.assertIn("line 2)", trace)  # the division, in the method's cell
        self.assertIn("], line 3", trace)  # the call, in this cell

    def test_compile_error_shows_message_and_offending_line(self):
        err = self.error("int ok = 1;\nint bad = undefinedName + 1;")
        self.assertEqual(err["ename"], "CompilationError")
        self.assertIn("cannot find symbol", err["evalue"])
        self.assertIn("cell line 2", err["evalue"])
        self.assertTrue(any("int bad = undefinedName + 1;" in line for line in err["traceback"]))

    def test_incomplete_cell_says_so(self):
        err = self.error("for (int i = 0; i < 3; i++) {")
        self.assertEqual(err["ename"], "IncompleteCell")
        self.assertIn("not finished", err["evalue"])

    def test_display_leaves_no_stray_out_and_ids_are_deterministic(self):
        outputs = self.ok('var h = display("first");')
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(kinds, ["display_data"])
        first_id = outputs[0]["content"]["transient"]["display_id"]
        self.assertRegex(first_id, r"^display-\d+$")
        outputs = self.ok('display("second")')
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data"])
        second_id = outputs[0]["content"]["transient"]["display_id"]
        self.assertEqual(int(second_id.split("-")[1]), int(first_id.split("-")[1]) + 1)
        outputs = self.ok('updateDisplay(h, "updated");')
        self.assertEqual([m["msg_type"] for m in outputs], ["update_display_data"])
        self.assertEqual(outputs[0]["content"]["transient"]["display_id"], first_id)
        self.assertEqual(outputs[0]["content"]["data"]["text/plain"], "updated")

    def test_display_returns_a_string_id_as_in_ijava(self):
        outputs = self.ok('String id17 = display("first");')
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data"])
        shown = outputs[0]["content"]["transient"]["display_id"]
        self.assertEqual(self.result_text("id17"), shown, "the id a learner holds is the output's display id")
        outputs = self.ok("updateDisplay(id17, 2.5);")
        self.assertEqual([m["msg_type"] for m in outputs], ["update_display_data"])
        self.assertEqual(outputs[0]["content"]["transient"]["display_id"], shown)
        self.assertEqual(outputs[0]["content"]["data"]["text/plain"], "2.5")
        outputs = self.ok('display("last")')
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data"], "no Out[n] for the id display returned")

    def test_display_as_the_given_mime_types(self):
        outputs = self.ok('display("<b>bold</b>", "text/html");')
        self.assertEqual(outputs[0]["content"]["data"], {"text/html": "<b>bold</b>", "text/plain": "<b>bold</b>"})
        outputs = self.ok('String md17 = display("*old*", "text/markdown");\nupdateDisplay(md17, "**new**", "text/markdown");')
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data", "update_display_data"])
        self.assertEqual(outputs[1]["content"]["data"]["text/markdown"], "**new**")
        outputs = self.ok('display("{\\"x\\": 1}", "application/json");')
        self.assertEqual(outputs[0]["content"]["data"]["application/json"], {"x": 1})
        err = self.error('display("text", "image/png");')
        self.assertIn("any text type", err["evalue"])

    def test_a_renderer_registered_for_the_learners_own_type(self):
        self.ok("record Money(long cents) {}\n"
                'Renderers.register(Money.class, m -> Map.of("text/html", "<b>" + m.cents() / 100.0 + " EUR</b>"));')
        data = self.ok("new Money(250)")[-1]["content"]["data"]
        self.assertEqual(data, {"text/html": "<b>2.5 EUR</b>", "text/plain": "Money[cents=250]"})
        outputs = self.ok("display(new Money(5));")
        self.assertEqual(outputs[0]["content"]["data"]["text/html"], "<b>0.05 EUR</b>")
        self.ok('Renderers.register(Object.class, o -> Map.of("text/html", "<i>any</i>"));')
        try:
            self.assertEqual(self.ok("new Money(1)")[-1]["content"]["data"]["text/html"], "<b>0.01 EUR</b>",
                             "the most specific registered type wins")
            self.assertEqual(self.ok("new StringBuilder(\"sb\")")[-1]["content"]["data"]["text/html"], "<i>any</i>")
        finally:
            self.ok("Renderers.unregister(Object.class);")

    def test_load_runs_a_file_of_snippets(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "helpers.jsh")
            with open(path, "w") as f:
                f.write("int loadedBase = 20;\nint loadedTwice(int x) {\n  return loadedBase + x + x;\n}\n")
            self.assertEqual(self.result_text(f"%load {path}\nloadedTwice(11)"), "42")
            with open(path, "w") as f:
                f.write("int fine17 = 1;\nint broken17 = 1 / 0;\n")
            err = self.error(f"%load {path}")
            self.assertEqual(err["ename"], "ArithmeticException")
            self.assertIn("at helpers.jsh, line 2", "\n".join(err["traceback"]))
            err = self.error(f"%load {os.path.join(folder, 'missing.jsh')}")
            self.assertEqual(err["ename"], "MagicError")
            self.assertIn("no file " + os.path.join(folder, "missing.jsh"), err["evalue"])

    def test_rich_results(self):
        outputs = self.ok("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        data = outputs[-1]["content"]["data"]
        self.assertIn("image/png", data)
        self.assertEqual(data["text/plain"], "image 4x3")
        outputs = self.ok('render(html("<i>x</i>"), "text/html")')
        self.assertEqual(outputs[-1]["content"]["data"]["text/html"], "<i>x</i>")
        self.assertEqual(self.result_text("new double[]{0.5, 1.5}"), "[0.5, 1.5]")

    def test_figures_tables_and_progress(self):
        """A figure is one bundle (HTML, PNG, plotly JSON as an object, text); plotly.js rides on the
        kernel's first figure only; tablesaw tables show as HTML; a progress bar updates one output."""
        chart = 'course.plot.LineChart.titled("t").series("s", new double[]{3, 2, 1})'
        self.ok("course.plot.Figure.embedPlotlyAgain();")  # as if this were the kernel's first figure
        first = self.ok(chart)[-1]["content"]["data"]
        self.assertEqual(set(first), {"text/plain", "text/html", "image/png", "application/vnd.plotly.v1+json"})
        self.assertIsInstance(first["application/vnd.plotly.v1+json"], dict)
        self.assertEqual(first["application/vnd.plotly.v1+json"]["layout"]["title"]["text"], "t")
        self.assertEqual(first["text/plain"], "LineChart 't': 1 series, 3 points")
        self.assertIn('id="course-plotly-js"', first["text/html"])
        first_id = int(re.search(r'id="course-fig-(\d+)"', first["text/html"]).group(1))
        second = self.ok(chart)[-1]["content"]["data"]
        self.assertNotIn('id="course-plotly-js"', second["text/html"])
        self.assertIn('id="course-fig-%d"' % (first_id + 1), second["text/html"])
        self.assertNotIn("cdn.plot.ly", first["text/html"] + second["text/html"])

        table = self.ok('tech.tablesaw.api.Table.create("runs", tech.tablesaw.api.DoubleColumn.create("loss", 0.25, 0.125))')
        self.assertIn('<table class="course-table">', table[-1]["content"]["data"]["text/html"])

        outputs = self.ok('var bar = course.display.Progress.start("work", 3);\n'
                          'for (int i = 1; i <= 3; i++) { Thread.sleep(120); bar.update(i); }\nbar.done();')
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(kinds[0], "display_data", kinds)
        self.assertTrue(kinds[1:] and all(k == "update_display_data" for k in kinds[1:]), kinds)
        shown = outputs[0]["content"]["transient"]["display_id"]
        self.assertTrue(all(m["content"]["transient"]["display_id"] == shown for m in outputs[1:]))
        self.assertIn("3/3 (100%)", outputs[-1]["content"]["data"]["text/plain"])
        self.assertIn("<progress", outputs[-1]["content"]["data"]["text/html"])

    def test_tablesaw_jsplot_figures_render_offline_as_result_display_and_plot_show(self):
        """A tablesaw-jsplot Figure shows as the course's figures do (local plotly.js, PNG, plotly JSON,
        titles in plotly.js 3's form) as a cell's value, through display and through Plot.show, which
        writes nothing to the working folder and needs no browser."""
        self.ok('var jsFigure = tech.tablesaw.plotly.api.LinePlot.create("losses", "step", new double[]{1, 2, 3}, '
                '"loss", new double[]{3, 2, 1.5});\n'
                'var jsOutput = java.nio.file.Path.of(System.getProperty("user.dir"), "testoutput");\n'
                'boolean jsOutputBefore = java.nio.file.Files.exists(jsOutput);')
        shown = [self.ok("jsFigure")[-1], self.ok("display(jsFigure);")[-1],
                 self.ok("tech.tablesaw.plotly.Plot.show(jsFigure);")[-1]]
        self.assertEqual([m["msg_type"] for m in shown], ["execute_result", "display_data", "display_data"])
        for message in shown:
            data = message["content"]["data"]
            self.assertEqual(set(data), {"text/plain", "text/html", "image/png", "application/vnd.plotly.v1+json"})
            self.assertEqual(data["text/plain"], "tablesaw figure 'losses': 1 trace [scatter]")
            self.assertEqual(data["application/vnd.plotly.v1+json"]["layout"]["title"]["text"], "losses")
            self.assertEqual(data["application/vnd.plotly.v1+json"]["layout"]["xaxis"]["title"]["text"], "step")
            self.assertNotIn("cdn.plot.ly", data["text/html"])
            self.assertGreater(len(base64.b64decode(data["image/png"])), 1000)
        self.assertEqual(self.result_text("java.nio.file.Files.exists(jsOutput) == jsOutputBefore"), "true")

    def test_lib_is_on_the_class_path_without_magics(self):
        self.assertEqual(self.result_text("course.Course.pick(100, 10) > 0"), "true")

    def test_magics(self):
        outputs = self.ok("%lsmagic")
        self.assertIn("%classpath", "".join(m["content"].get("text", "") for m in outputs))
        outputs = self.ok("%%time\nint sum = 0;\nfor (int i = 0; i < 1000; i++) sum += i;")
        self.assertIn("Wall time:", "".join(m["content"].get("text", "") for m in outputs))
        with tempfile.TemporaryDirectory() as folder:
            src = os.path.join(folder, "Extra.java")
            with open(src, "w") as f:
                f.write("package extra; public class Extra { public static int answer() { return 42; } }")
            classes = os.path.join(folder, "classes")
            subprocess.run(["javac", "-d", classes, src], check=True)
            self.ok(f"%classpath {classes}")
            self.assertEqual(self.result_text("extra.Extra.answer()"), "42")
        err = self.error("%nosuchmagic")
        self.assertEqual(err["ename"], "MagicError")

    def test_run_all_stops_at_the_first_error(self):
        """Cells queued behind a failing one (Run All) are aborted, as IPython does; later cells run."""
        self.flush()
        ids = [self.kc.execute("int before = 1;"), self.kc.execute("int boom = 1 / 0;"),
               self.kc.execute("int skipped = 3;"), self.kc.execute("System.out.println(\"not run\");")]
        replies = {}
        while len(replies) < len(ids):
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual([replies[i] for i in ids], ["ok", "error", "aborted", "aborted"])
        time.sleep(1.2)
        self.flush()
        self.assertEqual(self.result_text("before + 1"), "2")

    def flush(self):
        """Drops pending replies and output; bounded, so a chatty kernel cannot hang the suite."""
        for get in (self.kc.get_shell_msg, self.kc.get_iopub_msg):
            for _ in range(1000):
                try:
                    get(timeout=0.2)
                except queue.Empty:
                    break

    def test_interrupt_stops_an_endless_loop_and_keeps_variables(self):
        self.ok("int keep = 7;")
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertEqual(self.result_text("keep"), "7")


def maven_central_unreachable():
    """Why Maven Central cannot be reached from here, or None when it can."""
    try:
        socket.create_connection(("repo.maven.apache.org", 443), timeout=5).close()
        return None
    except OSError as e:
        return f"Maven Central is unreachable from this machine ({e}): %maven cannot be tested"


class MavenMagicBehaviour(unittest.TestCase):
    """%maven downloads into a fresh local repository (-Dmaven.repo.local), then cells use the jars."""

    kernel_name = kernelspecs.KERNEL_NAME

    @classmethod
    def setUpClass(cls):
        why = maven_central_unreachable()
        if why:
            raise unittest.SkipTest(why)
        cls.repo = tempfile.TemporaryDirectory()
        env = dict(os.environ, JAVA_TOOL_OPTIONS=f"-Dmaven.repo.local={cls.repo.name}")
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=TIMEOUT, env=env)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        cls.repo.cleanup()

    execute = CourseKernelBehaviour.execute
    ok = CourseKernelBehaviour.ok
    result_text = CourseKernelBehaviour.result_text
    error = CourseKernelBehaviour.error

    def test_maven_resolves_transitively_adds_the_jars_and_names_conflicts(self):
        self.error("org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance()")
        outputs = self.ok("%maven org.apache.commons:commons-text:1.12.0")
        out = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        err = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertIn("added to the class path: commons-text-1.12.0.jar", out)
        jar = os.path.join(self.repo.name, "org", "apache", "commons", "commons-text", "1.12.0", "commons-text-1.12.0.jar")
        self.assertTrue(os.path.isfile(jar), "cached in the local repository the kernel was given")
        # commons-text 1.12.0 needs commons-lang3 3.14.0; lib brings 3.11 to the kernel's class path
        self.assertIn("commons-lang3-3.14.0.jar holds classes the kernel already loads from commons-lang3-3.11.jar", err)
        self.assertEqual(self.result_text(
            'org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply("kitten", "sitting")'), "3")

    def test_an_unknown_artifact_is_one_clear_line(self):
        err = self.error("%maven org.apache.commons:commons-text:0.0.0-no-such-version")
        self.assertEqual(err["ename"], "MagicError")
        self.assertIn("is not on Maven Central", err["evalue"])
        self.assertEqual(len(err["evalue"].splitlines()), 1)


class KernelStartChecks(unittest.TestCase):
    def test_missing_lib_jar_fails_with_one_clear_line(self):
        spec = kernelspecs.built_spec_dir()
        with open(os.path.join(spec, "kernel.json")) as f:
            argv = json.load(f)["argv"]
        with tempfile.TemporaryDirectory() as folder:
            missing = os.path.join(folder, "jars", "course-lib-missing.jar")
            cp_index = argv.index("-cp") + 1
            cmd = [a.replace("{resource_dir}", spec) for a in argv]
            cmd[cp_index] = cmd[cp_index] + os.pathsep + missing
            cmd[-1] = os.path.join(folder, "connection.json")
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        self.assertNotEqual(done.returncode, 0)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, done.stderr)
        self.assertIn(missing, lines[0])
        self.assertIn("bin/course build", lines[0])


def _per_jdk(base, name, java, version):
    label = "".join(ch if ch.isalnum() else "_" for ch in name)
    return type(f"{base.__name__}_{label}", (base,), {"kernel_name": name, "__doc__": f"{base.__doc__} [{java}, {version}]"})


for _name, _java, _version in VARIANTS:
    for _base in (CourseKernelConformance, CourseKernelBehaviour, MavenMagicBehaviour):
        _cls = _per_jdk(_base, _name, _java, _version)
        globals()[_cls.__name__] = _cls
# Only the per-JDK classes stay visible to unittest (the loop's names would add a second copy).
del CourseKernelConformance, CourseKernelBehaviour, MavenMagicBehaviour, _base, _cls

if __name__ == "__main__":
    print("JDKs: " + ", ".join(f"{n} ({v})" for n, _, v in VARIANTS), file=sys.stderr)
    unittest.main(verbosity=2)
