"""The kernel loses nothing and skips nothing silently (issue 21), through jupyter_client as
`bin/course run` and grading use it, and for output also through nbclient: every line a cell prints
arrives (or the output says how much was cut, keeping the end), a cell runs all of its snippets or
says which did not run, redeclarations say which variables they reset, interrupt stops a loop that
catches Throwable, the kernel exits when its parent is killed, a stack overflow's traceback is
short, and cursor positions count code points. One test class per JDK found on the machine.

Run: ../../../../.venv/bin/python -m unittest -v test_kernel_integrity   (from this folder, after the build)
"""
import os
import re
import signal
import socket
import subprocess
import sys
import time
import unittest
import uuid

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

import kernelspecs

VARIANTS = kernelspecs.prepare_variants()
TIMEOUT = 120


class KernelIntegrity(unittest.TestCase):
    kernel_name = kernelspecs.KERNEL_NAME

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    # ---- helpers --------------------------------------------------------------------------------

    def reply_to(self, msg_id, timeout=TIMEOUT):
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def execute(self, code, timeout=TIMEOUT, interrupt_after=None):
        """(reply content, iopub messages of the cell but status and execute_input)."""
        msg_id = self.kc.execute(code)
        if interrupt_after is not None:
            time.sleep(interrupt_after)
            self.km.interrupt_kernel()
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)
        return self.reply_to(msg_id, timeout), outputs

    @staticmethod
    def stream(outputs, name="stdout"):
        return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def ok(self, code):
        reply, outputs = self.execute(code)
        self.assertEqual(reply["status"], "ok", f"{code!r} failed: {reply} {outputs}")
        return outputs

    def error(self, code, **options):
        reply, outputs = self.execute(code, **options)
        self.assertEqual(reply["status"], "error", f"{code!r} should fail: {outputs}")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, outputs)
        return errors[0], outputs

    def value(self, code):
        outputs = self.ok(code)
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, f"{code!r} gave {outputs}")
        return results[0]

    def assert_undefined(self, name):
        err, _ = self.error(name)
        self.assertIn("cannot find symbol", err["evalue"])

    # ---- output is never lost silently ------------------------------------------------------------

    def test_half_a_million_lines_arrive_or_the_cut_is_announced_with_the_end_kept(self):
        total = 500_000
        reply, outputs = self.execute(
            f'for (int i = 0; i < {total}; i++) System.out.println("step " + i + " " + "x".repeat(90));', timeout=300)
        self.assertEqual(reply["status"], "ok")
        text = self.stream(outputs)
        lines = text.splitlines()
        step = re.compile(r"step (\d+) x{90}")
        whole = [int(m.group(1)) for m in map(step.fullmatch, lines) if m]
        cut = re.search(r"\[\.\.\. ([\d,]+) bytes \(([\d,]+) lines\) of stdout were cut here", text)
        self.assertIsNotNone(cut, "50 MB is over the limit: the output must say what was cut")
        self.assertEqual(len(whole) + int(cut.group(2).replace(",", "")), total,
                         "every line is shown whole or counted as cut")
        self.assertEqual(whole[-1], total - 1, "the end of the output is kept")
        tail = whole[-1000:]
        self.assertEqual(tail, list(range(tail[0], total)), "the kept end has no gap")
        self.assertEqual(whole[:1000], list(range(1000)), "the start has no gap")
        self.assertLess(len(outputs), 2000, "batched: far fewer messages than lines")

    def test_a_single_large_print_arrives_whole(self):
        reply, outputs = self.execute('System.out.print("y".repeat(5_000_000) + "end");')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(self.stream(outputs), "y" * 5_000_000 + "end")

    def test_stdout_and_stderr_are_both_complete(self):
        outputs = self.ok('for (int i = 0; i < 30_000; i++) { System.out.println("o" + i); System.err.println("e" + i); }')
        self.assertEqual(self.stream(outputs, "stdout").splitlines(), [f"o{i}" for i in range(30_000)])
        self.assertEqual(self.stream(outputs, "stderr").splitlines(), [f"e{i}" for i in range(30_000)])

    # ---- snippets are never skipped silently --------------------------------------------------------

    def test_an_invalid_line_between_declarations_is_reported_with_what_ran(self):
        for bad, first, last in (("int # = 2;", "q3", "q4"), ("int \U0001F680 = 1;", "r1", "r2")):
            err, _ = self.error(f"int {first} = 1;\n{bad}\nint {last} = 3;")
            self.assertIn("illegal character", err["evalue"])
            self.assertIn("cell line 2", err["evalue"])
            self.assertIn("snippet 1 (line 1) ran", err["evalue"])
            self.assertIn("snippet 3 (line 3) did not run", err["evalue"])
            self.assertEqual(self.value(first), "1")
            self.assert_undefined(last)

    def test_a_syntax_error_in_the_middle_says_which_snippets_did_not_run(self):
        err, _ = self.error("int s1 = 1;\nint s2 = ;\nint s3 = 3;\nint s4 = 4;")
        self.assertIn("snippets 3-4 (lines 3-4) did not run", err["evalue"])
        self.assertTrue(any("did not run" in line for line in err["traceback"]), err["traceback"])

    # ---- variables do not vanish silently -----------------------------------------------------------

    def test_redefining_a_class_says_which_variables_were_reset(self):
        self.ok("class Box { int v = 5; int get() { return v; } }\nBox box = new Box();")
        outputs = self.ok("class Box { int v = 5; int w; int get() { return v + w; } }")
        note = self.stream(outputs, "stderr")
        self.assertIn("box was reset to null because its type Box was redefined with other fields or methods", note)
        self.assertIn("Box box = new Box();", note)
        self.assertEqual(self.value("box"), "null")

    def test_redeclarations_keep_values_as_plain_jshell_does(self):
        """Issue 17: JShell's local engine re-created what depended on a redeclaration, so `var v = f()`
        read 0 after `f` was redeclared; the kernel's agent redefines classes in place instead."""
        self.ok("int f17() { return 1; }")
        self.ok("var v17 = f17();")
        note = self.stream(self.ok("int f17() { return 2; }"), "stderr")
        self.assertIn("v17 was computed with the earlier f17() and keeps its value", note)
        self.assertNotIn("reset", note)
        self.assertEqual(self.value("v17"), "1")
        self.assertEqual(self.value("f17()"), "2")
        # a class whose method bodies change keeps its objects, which get the new bodies
        self.ok("class Tally17 { int n = 0; int add() { return ++n; } }\nTally17 tally17 = new Tally17();\ntally17.add();")
        self.assertEqual(self.stream(self.ok("class Tally17 { int n = 0; int add() { n += 10; return n; } }"), "stderr"), "")
        self.assertEqual(self.value("tally17.add()"), "11")
        # a record too, and a class that calls a redeclared method calls the new one
        self.ok("record Pair17(int a, int b) { int sum() { return a + b; } }\nvar pair17 = new Pair17(2, 3);")
        self.ok("record Pair17(int a, int b) { int sum() { return a + b + 100; } }")
        self.assertEqual(self.value("pair17.sum()"), "105")
        self.ok("int g17() { return 1; }\nclass User17 { int use() { return g17(); } }\nUser17 user17 = new User17();")
        self.ok("int g17() { return 7; }")
        self.assertEqual(self.value("user17.use()"), "7")
        # a changed shape cannot keep the value: said, as JShell does
        note = self.stream(self.ok("record Pair17(int a, int b, int c) { int sum() { return a + b + c; } }"), "stderr")
        self.assertIn("pair17 is no longer defined because its type Pair17 was redefined", note)

    def test_re_running_the_whole_cell_gives_no_note(self):
        cell = "class Crate { int get() { return 1; } }\nCrate crate = new Crate();"
        self.ok(cell)
        outputs = self.ok(cell)
        self.assertEqual(self.stream(outputs, "stderr"), "", "the variable was declared again: nothing was lost")

    def test_redefining_a_record_says_its_variable_is_gone(self):
        self.ok("record Pt(int x) {}\nPt pt = new Pt(3);")
        note = self.stream(self.ok("record Pt(int x, int y) {}"), "stderr")
        self.assertIn("pt is no longer defined because its type Pt was redefined", note)
        self.assert_undefined("pt")

    def test_values_computed_with_a_redefined_method_are_named(self):
        self.ok("int twice(int a) { return 2 * a; }\nint t = twice(4);")
        note = self.stream(self.ok("int twice(int a) { return 3 * a; }"), "stderr")
        self.assertIn("t was computed with the earlier twice(int) and keeps its value", note)
        self.assertEqual(self.value("t"), "8")

    def test_a_failed_initializer_leaves_the_variable_undefined_and_says_so(self):
        err, _ = self.error("int b3 = 1 / 0;")
        self.assertEqual(err["ename"], "ArithmeticException")
        self.assertIn("b3 is not defined: its initializer failed", err["evalue"])
        self.assert_undefined("b3")

    # ---- interrupt, stack overflow, code points ----------------------------------------------------

    def test_interrupt_stops_loops_that_catch_throwable(self):
        self.ok("int keepMe = 7;\nlong spins = 0;")
        for loop in ("while (true) { try { spins++; Thread.sleep(5); } catch (Throwable t) { } }",
                     "while (true) { try { spins++; } catch (Throwable t) { } }"):
            err, _ = self.error(loop, timeout=30, interrupt_after=1.5)
            self.assertEqual(err["ename"], "Interrupted", loop)
            self.assertEqual(self.value("keepMe"), "7")
        self.assertEqual(self.value("1 + 1"), "2", "the kernel answers the next cell")

    def test_a_stack_overflow_traceback_collapses_repeated_frames(self):
        err, _ = self.error("int down(int n) { return down(n + 1) + 1; }\ndown(0);")
        self.assertEqual(err["ename"], "StackOverflowError")
        self.assertLess(len(err["traceback"]), 12, err["traceback"])
        collapsed = [line for line in err["traceback"] if "more identical frames" in line]
        self.assertEqual(len(collapsed), 1, err["traceback"])
        self.assertGreater(int(re.search(r"([\d,]+) more", collapsed[0]).group(1).replace(",", "")), 100)

    def complete(self, code):
        return self.reply_to(self.kc.complete(code, cursor_pos=len(code)))

    def test_completion_and_inspection_count_code_points(self):
        code = 'String rocket = "\U0001F680"; Math.ab'  # Python's len counts code points, as the protocol does
        reply = self.complete(code)
        self.assertIn("abs(", reply["matches"])
        self.assertEqual(reply["cursor_start"], len(code) - 2)
        self.assertEqual(reply["cursor_end"], len(code))
        code = 'String rocket = "\U0001F680\U0001F680"; Math.abs'
        reply = self.reply_to(self.kc.inspect(code, cursor_pos=len(code)))
        self.assertTrue(reply["found"], reply)
        self.assertIn("Math.abs(int a)", reply["data"]["text/plain"])


class InterruptRightAfterStart(unittest.TestCase):
    """An interrupt that comes while the kernel still warms JShell up stops the cell (it was ignored)."""

    kernel_name = kernelspecs.KERNEL_NAME

    def test_an_early_interrupt_is_not_lost(self):
        km, kc = start_new_kernel(kernel_name=self.kernel_name, startup_timeout=TIMEOUT)
        try:
            msg_id = kc.execute("while (true) { }")
            time.sleep(0.3)
            km.interrupt_kernel()
            reply = kc.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = kc.get_shell_msg(timeout=60)
            self.assertEqual(reply["content"].get("ename"), "Interrupted", reply["content"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class OutputThroughNbclient(unittest.TestCase):
    """nbclient (bin/course run, grading) gets every line of a long loop, in a few outputs."""

    kernel_name = kernelspecs.KERNEL_NAME

    def test_every_line_arrives(self):
        counts = (10_000, 20_000)
        nb = new_notebook(cells=[new_code_cell(f'for (int i = 0; i < {n}; i++) System.out.println("step " + i);')
                                 for n in counts])
        NotebookClient(nb, kernel_name=self.kernel_name, timeout=TIMEOUT).execute()
        for cell, n in zip(nb.cells, counts):
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            self.assertEqual(text.splitlines(), [f"step {i}" for i in range(n)])


# A client that starts the kernel, prints the kernel's pid and waits to be killed.
_CLIENT = """
import sys, time
from jupyter_client.manager import KernelManager
km = KernelManager(kernel_name=sys.argv[1])
km.start_kernel()
print(km.provisioner.process.pid, flush=True)
time.sleep(600)
"""


class NoOrphanWhenTheParentIsKilled(unittest.TestCase):
    """A Jupyter server killed with SIGKILL cannot stop its kernels: the kernel notices and exits."""

    kernel_name = kernelspecs.KERNEL_NAME

    def test_kernel_exits_after_its_parent_is_killed(self):
        # At once: killed while the JVM still starts; after 2 s: the kernel is up and watching.
        for delay in (0, 2):
            with self.subTest(kill_after_s=delay):
                self.assert_exits_when_parent_killed(delay)

    def assert_exits_when_parent_killed(self, delay):
        client = subprocess.Popen([sys.executable, "-c", _CLIENT, self.kernel_name], stdout=subprocess.PIPE, text=True,
                                  env={**os.environ, "COURSE_TEST_MARK": uuid.uuid4().hex})
        try:
            kernel_pid = int(client.stdout.readline())
            self.assertTrue(alive(kernel_pid), "the kernel did not start")
            time.sleep(delay)
        finally:
            client.send_signal(signal.SIGKILL)
            client.wait(timeout=30)
            client.stdout.close()
        deadline = time.time() + 30
        while time.time() < deadline and alive(kernel_pid):
            time.sleep(0.2)
        still_alive = alive(kernel_pid)
        if still_alive:
            os.kill(kernel_pid, signal.SIGKILL)
        self.assertFalse(still_alive, "the kernel JVM outlived its killed parent")


REPO = os.path.abspath(os.path.join(kernelspecs.KERNEL_MODULE, ".."))


class LabRuntimeFolderIsPrivate(unittest.TestCase):
    """`bin/course lab` keeps Jupyter's runtime files (the server's token) owner-only, as Jupyter does."""

    def test_runtime_folder_is_0700_and_its_files_are_owner_only(self):
        runtime = os.path.join(REPO, "target", "jupyter-state", "runtime")
        os.makedirs(runtime, exist_ok=True)
        os.chmod(runtime, 0o755)  # as an older bin/course left it
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        lab = subprocess.Popen([os.path.join(REPO, "bin", "course"), "lab", "--no-browser", f"--port={port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            server_file = os.path.join(runtime, f"jpserver-{lab.pid}.json")  # bin/course execs the server
            deadline = time.time() + 120
            while time.time() < deadline and not os.path.exists(server_file) and lab.poll() is None:
                time.sleep(0.5)
            self.assertTrue(os.path.exists(server_file), "the server did not write its runtime file")
            # The folder shuts everything in it off from other users (Jupyter writes its -open.html
            # 0644, relying on that); the files holding a token or a kernel key are owner-only themselves.
            self.assertEqual(os.stat(runtime).st_mode & 0o777, 0o700)
            for name in os.listdir(runtime):
                mode = os.stat(os.path.join(runtime, name)).st_mode & 0o777
                if name.endswith(".json") or name == "jupyter_cookie_secret":
                    self.assertEqual(mode & 0o077, 0, f"{name} is readable by others: {oct(mode)}")
        finally:
            os.killpg(lab.pid, signal.SIGTERM)
            try:
                lab.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(lab.pid, signal.SIGKILL)
                lab.wait()


def alive(pid):
    """True while pid runs (a zombie counts as gone: it has exited and waits for PID 1 to reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _per_jdk(base, name, java, version):
    label = "".join(ch if ch.isalnum() else "_" for ch in name)
    return type(f"{base.__name__}_{label}", (base,), {"kernel_name": name, "__doc__": f"{base.__doc__} [{java}, {version}]"})


for _name, _java, _version in VARIANTS:
    for _base in (KernelIntegrity, InterruptRightAfterStart, OutputThroughNbclient, NoOrphanWhenTheParentIsKilled):
        _cls = _per_jdk(_base, _name, _java, _version)
        globals()[_cls.__name__] = _cls
# Only the per-JDK classes stay visible to unittest (the loop's names would add a second copy).
del KernelIntegrity, InterruptRightAfterStart, OutputThroughNbclient, NoOrphanWhenTheParentIsKilled, _base, _cls

if __name__ == "__main__":
    print("JDKs: " + ", ".join(f"{n} ({v})" for n, _, v in VARIANTS), file=sys.stderr)
    unittest.main(verbosity=2)
