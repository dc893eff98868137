"""What the commands need before they run: Java and Maven, the Python environment .venv/, the Maven build
(only when sources changed), Intel MKL for --mkl, and Jupyter's folders inside the checkout."""
import glob
import hashlib
import importlib.util
import os
import re
import shutil
import stat
import subprocess
import sys
import time

from .common import (CONDA_ENV, PYTHON_MIN, ROOT, CourseError, die, kernelspec, path, relative, say, stamp,
                     venv)

# ---- prerequisites -----------------------------------------------------------------------------

JAVA_MIN = 17


def java_major(version_output):
    """The major version in `java -version`'s output ("17.0.15" -> 17, "1.8.0_392" -> 1), or None."""
    found = re.search(r'version "(\d+)', version_output)
    return int(found.group(1)) if found else None


def need_java_maven():
    if not shutil.which("java"):
        die("java not found: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless; "
            "elsewhere: conda env create -f environment.yml)")
    if not shutil.which("mvn"):
        die("mvn (Maven) not found: install Maven 3.8 or newer (Debian: apt-get install maven; "
            "elsewhere: conda env create -f environment.yml)")
    done = subprocess.run(["java", "-version"], capture_output=True, text=True, errors="replace")
    major = java_major(done.stderr + done.stdout)
    if major is None or major < JAVA_MIN:
        die(f"java is version {major if major is not None else 'unknown'}; the course needs 17 or newer "
            "(Debian: apt-get install openjdk-17-jdk-headless)")


def is_debian_root():
    return (os.path.isfile("/etc/debian_version") and hasattr(os, "geteuid") and os.geteuid() == 0
            and shutil.which("apt-get") is not None)


def apt_install(*packages):
    say(f"installing Debian packages: {' '.join(packages)} (apt-get, about a minute)")
    if not os.environ.get("COURSE_APT_UPDATED"):
        subprocess.run(["apt-get", "update", "-qq"], stdout=sys.stderr, check=False)
        os.environ["COURSE_APT_UPDATED"] = "1"
    done = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
                          stdout=sys.stderr, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if done.returncode != 0:
        die(f"apt-get install {' '.join(packages)} failed (see above)")


# ---- the Python environment ----------------------------------------------------------------------
# bin/course runs every Python tool in one environment: .venv/, built from the pinned requirements.txt
# with `python -m venv` the first time it is needed and again whenever requirements.txt changes (its
# sha256 is kept in .venv/.course-requirements). Inside the conda environment of environment.yml
# (conda activate optimizers-course) that environment is used instead and nothing is built. The Python
# that builds it is the one running this code: the launcher picked it (COURSE_PYTHON, else the first
# python3 of 3.11 or newer on PATH outside .venv/).

STAMP_FILE = ".course-requirements"
LOCK_WAIT_S = 1200


def file_sha256(where):
    digest = hashlib.sha256()
    with open(where, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def env_python(prefix):
    """The python of a venv or conda prefix (bin/ on Unix, Scripts/ or the top on Windows)."""
    for candidate in (os.path.join(prefix, "bin", "python"), os.path.join(prefix, "Scripts", "python.exe"),
                      os.path.join(prefix, "python.exe")):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return os.path.join(prefix, "bin", "python")


def venv_current(want, where=None):
    """The environment exists and was built from the requirements.txt whose sha256 is `want`."""
    where = where or venv()
    python = env_python(where)
    if not (os.path.isfile(python) and os.access(python, os.X_OK)):
        return False
    try:
        with open(os.path.join(where, STAMP_FILE)) as f:
            return f.read().strip() == want
    except OSError:
        return False


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def venv_lock(where):
    """One build at a time (two bin/course commands started together on a fresh clone share one build)."""
    lock = where + ".lock"
    waited = 0
    while True:
        try:
            os.mkdir(lock)
            break
        except FileExistsError:
            pass
        try:
            with open(os.path.join(lock, "pid")) as f:
                holder = f.read().strip()
        except OSError:
            holder = ""
        if holder.isdigit() and not _alive(int(holder)):
            shutil.rmtree(lock, ignore_errors=True)
            continue
        if waited == 0:
            say(f"another bin/course (pid {holder or '?'}) is building the Python environment: waiting for it")
        time.sleep(2)
        waited += 2
        if waited >= LOCK_WAIT_S:
            die(f"waited 20 min for the lock {lock} (pid {holder or '?'}); if no bin/course is building, "
                "remove that folder")
    with open(os.path.join(lock, "pid"), "w") as f:
        f.write(f"{os.getpid()}\n")


def venv_unlock(where):
    shutil.rmtree(where + ".lock", ignore_errors=True)


def pip_failure_reason(log_text):
    """The one-line cause of a failed pip install, from pip's log."""
    errors = [line for line in log_text.splitlines() if line.startswith("ERROR:")]
    reason = errors[-1][:200] if errors else ""
    if re.search(r"NewConnectionError|Failed to establish a new connection|Name or service not known|"
                 r"Temporary failure in name resolution|Network is unreachable|timed out", log_text):
        reason = "the package index could not be reached: " + reason
    elif "from versions: none" in log_text:
        reason = "neither the package index nor PIP_FIND_LINKS offers it: " + reason
    return reason


def relocate(tmp, final):
    """A venv names its own path in its scripts: point them at the final place before moving it there."""
    old, new = tmp.encode(), final.encode()
    for folder in (os.path.join(tmp, "bin"), os.path.join(tmp, "Scripts"), tmp):
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            where = os.path.join(folder, name)
            if os.path.islink(where) or not os.path.isfile(where) or os.path.getsize(where) > 1 << 20:
                continue
            with open(where, "rb") as f:
                data = f.read()
            if old in data:
                with open(where, "wb") as f:
                    f.write(data.replace(old, new))


def build_venv(want, requirements, where=None, what="the course's Python environment", how_long="about a minute, once",
               ready=None, log_name="venv-build.log"):
    """Builds the environment next to its place and moves it there only when pip succeeded, so a failed
    or interrupted build leaves nothing half-built (the next run tries again) and a running Jupyter
    keeps its old environment until the new one is complete. `ready`: a Python one-liner whose output
    the last message shows (the course's: the Jupyter versions)."""
    where = where or venv()
    base = sys.executable
    version = "%d.%d.%d" % sys.version_info[:3]
    started = time.monotonic()
    venv_lock(where)
    tmp = f"{where}.building-{os.getpid()}"
    try:
        if venv_current(want, where):
            return
        log = path("target", log_name)
        os.makedirs(path("target"), exist_ok=True)
        for left in glob.glob(glob.escape(where) + ".building-*"):  # what a killed build left (we hold the lock)
            shutil.rmtree(left, ignore_errors=True)
        if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
            if is_debian_root() and os.path.realpath(base) == os.path.realpath("/usr/bin/python3"):
                apt_install("python3-venv")
            else:
                die(f"{base} (Python {version}) cannot create virtual environments (no venv or ensurepip "
                    "module): on Debian or Ubuntu apt-get install python3-venv, or set COURSE_PYTHON to "
                    f"another Python {'.'.join(map(str, PYTHON_MIN))} or newer")
        say(f"building {what} {relative(where)}/ from {relative(requirements)} with {base} "
            f"(Python {version}); {how_long}")
        with open(log, "w") as out:
            made = subprocess.run([base, "-m", "venv", tmp], stdout=out, stderr=subprocess.STDOUT)
        if made.returncode != 0:
            with open(log, errors="replace") as f:
                lines = f.read().splitlines()
            die(f"python3 -m venv failed with {base} (log: {relative(log)}): {lines[-1] if lines else ''}")
        with open(log, "a") as out:
            pip = subprocess.run([env_python(tmp), "-m", "pip", "install", "--no-input",
                                  "--retries", os.environ.get("PIP_RETRIES", "2"),
                                  "--timeout", os.environ.get("PIP_DEFAULT_TIMEOUT", "20"), "-r", requirements],
                                 stdout=out, stderr=subprocess.STDOUT,
                                 env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        if pip.returncode != 0:
            with open(log, errors="replace") as f:
                reason = pip_failure_reason(f.read())
            die(f"could not install {what}'s packages from {relative(requirements)} "
                f"({reason or 'see ' + relative(log)}); nothing was kept and the next run tries again. "
                "Without access to the package index, point pip at a mirror (export "
                "PIP_INDEX_URL=URL-of-a-simple-index) or at a folder of wheels (export "
                f"PIP_FIND_LINKS=/path/to/wheels PIP_NO_INDEX=1); pip's log: {relative(log)}")
        try:
            relocate(tmp, where)
        except OSError as e:
            die(f"could not prepare {tmp}: {e}")
        with open(os.path.join(tmp, STAMP_FILE), "w") as f:
            f.write(want + "\n")
        old = f"{where}.old-{os.getpid()}"
        if os.path.lexists(where):
            os.rename(where, old)
        os.rename(tmp, where)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        venv_unlock(where)
    ready = ready or ("import jupyterlab, notebook, nbclient; print('JupyterLab', jupyterlab.__version__ + "
                      "', Notebook', notebook.__version__ + ', nbclient', nbclient.__version__)")
    versions = subprocess.run([env_python(where), "-c", ready], capture_output=True, text=True)
    say(f"{what} is ready in {time.monotonic() - started:.0f} s: {versions.stdout.strip()}")


def need_venv():
    """The environment's python (building the environment first if needed), with its bin/ first on PATH,
    so that jupyter, nbconvert and the kernel tests all come from it."""
    prefix = os.environ.get("CONDA_PREFIX")
    if prefix and os.environ.get("CONDA_DEFAULT_ENV") == CONDA_ENV:
        python = env_python(prefix)
        if os.path.isfile(python) and os.access(python, os.X_OK):
            return python
    requirements = path("requirements.txt")
    if not os.path.isfile(requirements):
        die(f"requirements.txt is missing from {ROOT}: restore it (git checkout requirements.txt)")
    want = file_sha256(requirements)
    if not venv_current(want):
        build_venv(want, requirements)
    where = venv()
    python = env_python(where)
    os.environ["PATH"] = os.path.dirname(python) + os.pathsep + os.environ.get("PATH", "")
    os.environ["VIRTUAL_ENV"] = where
    return python


# The bench environment: PyTorch 2.x and Keras 3, the peers of bin/course bench --mnist-vs-peers and the
# generators of tools/golden/ (never the course's .venv, never bin/course test or CI). Built like .venv/
# from its own pinned file the first time a bench needs it; COURSE_BENCH_VENV names another folder.
BENCH_REQUIREMENTS = ("tools", "golden", "requirements-bench.txt")
BENCH_SIZE_NOTE = "about 3.1 GB to download and 6.0 GB on disk (PyPI's torch wheel brings CUDA libraries it needs even on the CPU)"
BENCH_FREE_GB = 8


def bench_venv():
    return os.environ.get("COURSE_BENCH_VENV") or path(".venv.bench")


def peers_import(python):
    """'' when `python` imports torch and keras (on JAX), else why not (the last line of its error)."""
    probe = "import torch, keras; print(torch.__version__, keras.__version__)"
    try:
        found = subprocess.run([python, "-c", probe], capture_output=True, text=True,
                               env={**os.environ, "KERAS_BACKEND": "jax"})
    except OSError as e:
        return f"cannot run it: {e}"
    if found.returncode != 0:
        return (found.stderr.strip().splitlines() or ["it exited with status %d" % found.returncode])[-1]
    return ""


def need_bench_venv():
    """The bench environment's python, building it first (after saying how big it is) if it is missing or
    was built from another requirements-bench.txt. A COURSE_BENCH_VENV folder that bin/course did not build
    is used as it is when its python has the peers, and never replaced (it may be someone's own)."""
    requirements = path(*BENCH_REQUIREMENTS)
    if not os.path.isfile(requirements):
        die(f"{relative(requirements)} is missing: restore it (git checkout {'/'.join(BENCH_REQUIREMENTS)})")
    where = bench_venv()
    want = file_sha256(requirements)
    if not venv_current(want, where) and os.environ.get("COURSE_BENCH_VENV") and os.path.exists(where):
        why = peers_import(env_python(where))
        if why:
            die(f"COURSE_BENCH_VENV={where} was not built by bin/course and its python cannot import torch and "
                f"keras ({why}); point it at an empty or missing folder to have the bench environment built there")
        say(f"using {where} as the bench environment as it is (not built from {'/'.join(BENCH_REQUIREMENTS)})")
        return env_python(where)
    if not venv_current(want, where):
        parent = os.path.dirname(os.path.abspath(where))
        os.makedirs(parent, exist_ok=True)
        free_gb = shutil.disk_usage(parent).free / 1e9
        if free_gb < BENCH_FREE_GB:
            die(f"the bench environment needs {BENCH_SIZE_NOTE}; {parent} has {free_gb:.1f} GB free: free some space "
                f"or set COURSE_BENCH_VENV to a folder on a disk with {BENCH_FREE_GB} GB free")
        say(f"the bench needs PyTorch and Keras 3: creating the bench environment {relative(where)}/ once, "
            f"{BENCH_SIZE_NOTE}; bin/course test never needs it")
        build_venv(want, requirements, where, "the bench environment", "several minutes, once",
                   "import os; os.environ.setdefault('KERAS_BACKEND', 'jax'); import torch, keras, jax; "
                   "print('PyTorch', torch.__version__ + ', Keras', keras.__version__ + ', JAX', jax.__version__)",
                   "bench-venv-build.log")
    return env_python(where)


# ---- the Maven build ------------------------------------------------------------------------------

BUILD_INPUTS = ("pom.xml", "lib/pom.xml", "kernel/pom.xml", "kernel/api/pom.xml", "bench/pom.xml", "lib/src/main",
                "kernel/src/main", "kernel/api/src/main", "bench/src/main")


def newer_than(stamp_file, inputs):
    """The first file or folder under `inputs` modified after `stamp_file` (as `find -newer` sees it), or None."""
    limit = os.stat(stamp_file).st_mtime_ns
    for top in inputs:
        if not os.path.exists(top):
            continue
        if os.stat(top).st_mtime_ns > limit:
            return top
        for folder, dirs, files in os.walk(top):
            for name in dirs + files:
                where = os.path.join(folder, name)
                try:
                    if os.stat(where).st_mtime_ns > limit:
                        return where
                except OSError:
                    continue  # removed while we looked
    return None


def needs_build():
    if not (os.path.isfile(kernelspec()) and os.path.isfile(stamp())):
        return True
    return newer_than(stamp(), [path(p) for p in BUILD_INPUTS]) is not None


def touch_stamp():
    os.makedirs(os.path.dirname(stamp()), exist_ok=True)
    with open(stamp(), "a"):
        pass
    os.utime(stamp(), None)


def build(force=False):
    """lib, the kernel and its kernelspec, and the benches' class path: only when sources changed."""
    need_java_maven()
    if force or needs_build():
        say("building lib and the kernel (mvn package)")
        done = subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=ROOT, stdout=sys.stderr)
        if done.returncode != 0:
            die("the build failed (see above); fix it and run bin/course build")
        touch_stamp()
    if not os.path.isfile(kernelspec()):
        die(f"the build did not write {kernelspec()}")


def bench_classpath(mkl_jars=""):
    """The one class path every bench runs with: bench's classes, its dependencies as Maven listed them
    (bench/target/classpath.txt) and, for --mkl, Intel MKL's jars."""
    listing = path("bench", "target", "classpath.txt")
    if not os.path.isfile(listing):
        die("the build did not write bench/target/classpath.txt: run bin/course build --force")
    with open(listing) as f:
        dependencies = f.read().strip()
    return os.pathsep.join(p for p in (path("bench", "target", "classes"), dependencies, mkl_jars) if p)


def mkl_setup():
    """The flag --mkl of mnist and bench: ND4J's BLAS calls on Intel MKL (pinned in pom.xml as mkl.version,
    210 MB fetched by Maven on first use). Returns MKL's class path and the JVM options."""
    listing = path("bench", "target", "classpath-mkl.txt")
    if not os.path.isfile(listing) or os.stat(path("pom.xml")).st_mtime_ns > os.stat(listing).st_mtime_ns:
        say("fetching Intel MKL for ND4J (org.bytedeco:mkl, about 210 MB, once) and writing its class path")
        done = subprocess.run(["mvn", "-q", "-B", "-Pmkl", "-pl", "bench", "-am", "package", "-DskipTests"],
                              cwd=ROOT, stdout=sys.stderr)
        if done.returncode != 0:
            die("could not fetch MKL (see above); run without --mkl to use ND4J's bundled OpenBLAS")
    with open(listing) as f:
        entries = f.read().strip().split(os.pathsep)
    jars = os.pathsep.join(e for e in entries if "/org/bytedeco/mkl/" in e.replace(os.sep, "/"))
    if not jars:
        die(f"{listing} names no MKL jars: run bin/course build --force, then again with --mkl")
    return jars, ["-Dorg.bytedeco.openblas.load=mkl_rt"]


# ---- Jupyter --------------------------------------------------------------------------------------

def kernel_on_jupyter_path():
    current = os.environ.get("JUPYTER_PATH")
    own = path("kernel", "target", "jupyter")
    os.environ["JUPYTER_PATH"] = own + (os.pathsep + current if current else "")


def jupyter_env(user_state=False):
    """Jupyter finds the course kernel through JUPYTER_PATH; its state stays in the checkout."""
    kernel_on_jupyter_path()
    if user_state:
        return
    state = path("target", "jupyter-state")
    os.makedirs(os.path.join(state, "data"), exist_ok=True)
    os.makedirs(os.path.join(state, "config"), exist_ok=True)
    # The runtime folder holds the server's token and kernels' connection keys: owner only (0700,
    # Jupyter's own default), also for a folder and files an older bin/course made readable to all.
    runtime = os.path.join(state, "runtime")
    os.makedirs(runtime, mode=0o700, exist_ok=True)
    os.chmod(runtime, 0o700)
    for folder, dirs, files in os.walk(runtime):
        for name in dirs + files:
            where = os.path.join(folder, name)
            try:
                if not os.path.islink(where):
                    os.chmod(where, stat.S_IMODE(os.lstat(where).st_mode) & ~0o077)
            except OSError:
                pass  # a kernel's file may vanish while this runs
    os.environ.update(JUPYTER_DATA_DIR=os.path.join(state, "data"), JUPYTER_RUNTIME_DIR=runtime,
                      JUPYTER_CONFIG_DIR=os.path.join(state, "config"))


def all_notebooks():
    folder = path("notebooks")
    return sorted(os.path.join(folder, n) for n in os.listdir(folder)
                  if n.endswith(".ipynb") and os.path.isfile(os.path.join(folder, n)))


def exec_command(argv, cwd=None):
    """Replaces this process with `argv` (same pid: the tests find `bin/course lab`'s server by it)."""
    sys.stdout.flush()
    sys.stderr.flush()
    if cwd:
        os.chdir(cwd)
    try:
        os.execvp(argv[0], argv)
    except OSError as e:
        raise CourseError(f"could not run {argv[0]}: {e}")
