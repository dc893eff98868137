"""Runs one learner's notebook where its code cannot reach the grader, the course or the network.

    sandbox.py probe       says whether and how this machine can sandbox (exit status 0 if it can)

Used by tools/exercises.py grade. On Linux with `unshare` (util-linux), each submission runs in its own
PID, mount, network, IPC and UTS namespaces:
  - the runner (this file, `inner`, started by `unshare`) is PID 1 there: when it ends, or the grader
    kills it after its wall-time limit, the kernel sees every process of the namespace killed, including
    any the learner started with setsid or nohup;
  - no network: only a loopback interface, which the runner brings up for the kernel's ZeroMQ sockets;
  - the course tree is mounted read-only, /tmp, /var/tmp and /dev/shm are fresh, size-limited tmpfs, and
    the instructor's home is hidden under an empty tmpfs (the course tree stays visible where it is);
  - the kernel runs as an unprivileged user (as root: uid/gid COURSE_SANDBOX_UID, default 65534, nobody,
    without supplementary groups; without root: in a user namespace, with every capability dropped), under
    limits on processes (RLIMIT_NPROC), address space (RLIMIT_AS and the JVM's heap), file size
    (RLIMIT_FSIZE) and core dumps, with no_new_privs, and with an environment of a few variables only;
  - the runner is not dumpable (no ptrace, no /proc/PID/fd or mem for the kernel's user) and returns its
    result on a pipe the kernel does not inherit; the grader writes grades.csv after the namespace is gone.
Where none of this is possible (macOS, a kernel without user namespaces, no unshare) grading says so
once and runs the notebook as before, with the instructor's rights.
"""
import ctypes
import fcntl
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)

SANDBOX_UID = int(os.environ.get("COURSE_SANDBOX_UID", "65534"))
LIMITS = {  # what one submission may use; the JVM's own heap limit is set through JAVA_TOOL_OPTIONS
    "processes": 512,              # threads count too (RLIMIT_NPROC, per user): the JVM uses about 40
    "address_space": 8 << 30,      # RLIMIT_AS of every process: the JVM reserves more than it uses
    "heap": "2g",                  # -Xmx of the kernel's JVM
    "file_size": 64 << 20,         # RLIMIT_FSIZE: the largest file it may write
    "tmpfs": "256m",               # each of /tmp, /var/tmp, /dev/shm
    "output": 8 << 20,             # bytes of cell output the grader keeps (tools/exercises.py)
}
PASSED_ENV = ("PATH", "LANG", "LC_ALL", "JAVA_HOME", "JUPYTER_PATH", "COURSE_QUICK", "COURSE_MNIST_DIR",
              "COURSE_TEST_RUN", "COURSE_CELL_TIMEOUT")
SCRATCH = "/tmp/submission"
RUNNING = []  # the unshare process of the submission being graded, for stop_running()        # inside the namespace: the only folder the learner's code may write


def probe():
    """(mode, reason): mode 'user' (root: the kernel as an unprivileged user), 'userns' (not root: a user
    namespace), or None with the reason why this machine cannot sandbox."""
    if not sys.platform.startswith("linux"):
        return None, f"{sys.platform} has no Linux namespaces"
    missing = [tool for tool in ("unshare", "setpriv", "prlimit", "mount") if not shutil.which(tool)]
    if missing:
        return None, f"{', '.join(missing)} (util-linux, mount) not installed"
    mode = "user" if os.geteuid() == 0 else "userns"
    try:
        done = subprocess.run(unshare_argv(mode) + ["true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"unshare could not run: {e}"
    if done.returncode != 0:
        return None, f"unshare failed: {(done.stderr.strip().splitlines() or ['exit status %d' % done.returncode])[-1]}"
    return mode, ""


def unshare_argv(mode):
    user = ["--user", "--map-root-user"] if mode == "userns" else []
    return ["unshare", *user, "--pid", "--mount", "--net", "--ipc", "--uts", "--fork", "--kill-child",
            "--mount-proc"]


def stop_running(*_):
    """A SIGTERM handler for the grader: the sandbox being graded goes with it (killing unshare kills the
    namespace's first process, and with it every process of the namespace)."""
    for process in RUNNING:
        process.kill()
    sys.exit(143)


def run(request, mode, wall_seconds):
    """Runs tools/exercises.py's execution of request (a dict; see inner) in the sandbox. Returns the
    runner's result dict, or {'error': why} when the sandbox ran out of time or could not report."""
    read_end, write_end = os.pipe()
    env = {k: os.environ[k] for k in PASSED_ENV if k in os.environ}
    env["COURSE_SANDBOX_RESULT_FD"] = str(write_end)
    argv = unshare_argv(mode) + [sys.executable, os.path.abspath(__file__), "inner", mode]
    with tempfile.TemporaryFile("w+b") as log:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=log, stderr=log, env=env,
                                   pass_fds=(write_end,), cwd="/")
        os.close(write_end)
        RUNNING[:] = [process]
        chunks = []  # read while it runs: the result (an executed notebook) is larger than a pipe's buffer
        reader = threading.Thread(target=lambda: chunks.append(os.fdopen(read_end, "rb").read()), daemon=True)
        reader.start()
        process.stdin.write(json.dumps(request).encode())
        process.stdin.close()
        try:
            process.wait(timeout=wall_seconds)
        except subprocess.TimeoutExpired:
            process.kill()  # --kill-child: the runner, PID 1 of the namespace, dies and takes every process with it
            process.wait()
            return {"error": f"the submission ran longer than its {wall_seconds} s and was stopped"}
        reader.join(30)
        data = b"".join(chunks)
        if not data:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            return {"error": f"the sandbox reported nothing (exit status {process.returncode}): {' / '.join(tail)}"}
    return json.loads(data)


# ---- inside the namespaces ------------------------------------------------------------------------

def inner(mode):
    result_fd = int(os.environ.pop("COURSE_SANDBOX_RESULT_FD"))
    os.set_inheritable(result_fd, False)
    request = json.loads(sys.stdin.read())
    not_dumpable()
    hide_and_protect(mode)
    loopback_up()
    sys.path.insert(0, TOOLS)
    import exercises
    import nbformat
    nb = nbformat.reads(json.dumps(request["notebook"]), as_version=4)
    kernel_env = {k: v for k, v in os.environ.items() if k in PASSED_ENV}
    kernel_env.update(HOME=SCRATCH, TMPDIR=SCRATCH, JUPYTER_RUNTIME_DIR=os.path.join("/tmp", "runtime"),
                      JAVA_TOOL_OPTIONS=f"-Duser.home={SCRATCH} -Djava.io.tmpdir={SCRATCH} -Xmx{LIMITS['heap']}")
    os.environ.update(JUPYTER_RUNTIME_DIR=kernel_env["JUPYTER_RUNTIME_DIR"])
    statuses, notes, error = exercises.execute(nb, request["cwd"], request["timeout"], request["kernel"],
                                               kernel_manager_class=sandboxed_kernel_manager(mode),
                                               kernel_env=kernel_env)
    result = {"statuses": {str(k): v for k, v in statuses.items()}, "notes": notes, "error": error,
              "notebook": json.loads(nbformat.writes(nb))}
    with os.fdopen(result_fd, "wb") as out:
        out.write(json.dumps(result).encode())


def not_dumpable():
    """PR_SET_DUMPABLE 0: a process of the same user cannot ptrace this one nor open its /proc files."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(4, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def mount(*args):
    subprocess.run(["mount", *args], check=True, capture_output=True)


def hide_and_protect(mode):
    """Read-only course tree, a hidden home, fresh temporary folders with the scratch folder in /tmp."""
    mount("--make-rprivate", "/")
    root = os.path.realpath(ROOT)
    java = shutil.which("java")
    needed = [root, os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)]
    if java:
        needed.append(os.path.dirname(os.path.dirname(os.path.realpath(java))))
    home = os.path.realpath(os.path.expanduser("~"))
    if home != "/" and os.path.isdir(home) and not (home + "/").startswith(root + "/"):
        cover(home, "size=1m,mode=755", needed)
    for folder in ("/tmp", "/var/tmp", "/dev/shm"):
        if os.path.isdir(folder):
            cover(os.path.realpath(folder), f"size={LIMITS['tmpfs']},mode=1777,nosuid,nodev", needed)
    mount("--bind", root, root)
    mount("-o", "remount,bind,ro", root, root)
    owner = SANDBOX_UID if mode == "user" else os.getuid()
    os.makedirs(SCRATCH, mode=0o700)
    os.chown(SCRATCH, owner, owner)
    os.makedirs("/tmp/runtime", mode=0o711)


STAGING = []  # the folder, under a tmpfs of this namespace only, where mounts wait to be moved


def staging_area(avoid):
    """A tmpfs mounted over an existing folder that holds nothing grading needs (only in this namespace,
    so no folder is created on the machine itself)."""
    if not STAGING:
        for candidate in ("/mnt", "/media", "/srv", "/opt", "/run", "/boot"):
            if os.path.isdir(candidate) and not any((p + "/").startswith(candidate + "/") for p in avoid):
                mount("-t", "tmpfs", "-o", "size=1m,mode=700", "tmpfs", candidate)
                STAGING.append(candidate)
                break
        else:
            raise OSError("no folder to stage mounts in (tried /mnt, /media, /srv, /opt, /run, /boot)")
    return STAGING[0]


def cover(folder, options, needed):
    """An empty tmpfs over folder; the needed paths inside it (the course tree, Python, the JDK) are moved
    back to their places first, read-only except the course tree (made read-only afterwards)."""
    inside = sorted({p for p in needed if (p + "/").startswith(folder + "/") and p != folder})
    kept = [p for p in inside if not any(p != q and (p + "/").startswith(q + "/") for q in inside)]
    staged = []
    for path in kept:
        place = tempfile.mkdtemp(prefix="course-sandbox-", dir=staging_area(needed + [folder]))
        mount("--rbind", path, place)
        staged.append((place, path))
    mount("-t", "tmpfs", "-o", options, "tmpfs", folder)
    for place, path in staged:
        os.makedirs(path, exist_ok=True)
        mount("--move", place, path)
        if path != os.path.realpath(ROOT):
            mount("-o", "remount,bind,ro", path, path)


def loopback_up():
    """ifconfig lo up, without iproute2: SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH14s", b"lo", 0, b"")
        flags = struct.unpack("16sH14s", fcntl.ioctl(s.fileno(), 0x8913, request))[1]
        fcntl.ioctl(s.fileno(), 0x8914, struct.pack("16sH14s", b"lo", flags | 0x1, b""))


def sandboxed_kernel_manager(mode):
    """A KernelManager that starts the kernel under prlimit and setpriv and lets it read its connection file."""
    from jupyter_client.manager import AsyncKernelManager

    uid = SANDBOX_UID if mode == "user" else os.getuid()

    class SandboxedKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            return kernel_prefix(mode) + super().format_kernel_cmd(extra_arguments)

        def write_connection_file(self, **kwargs):
            super().write_connection_file(**kwargs)
            if mode == "user":
                os.chown(self.connection_file, uid, uid)

    return SandboxedKernelManager


def kernel_prefix(mode):
    limits = ["prlimit", f"--nproc={LIMITS['processes']}", f"--as={LIMITS['address_space']}",
              f"--fsize={LIMITS['file_size']}", "--core=0", "--"]
    if mode == "user":
        who = ["setpriv", f"--reuid={SANDBOX_UID}", f"--regid={SANDBOX_UID}", "--clear-groups",
               "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    else:
        who = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    return limits + who


def main(argv):
    if argv[:1] == ["probe"]:
        mode, reason = probe()
        print(f"sandbox: {mode}" if mode else f"no sandbox: {reason}")
        return 0 if mode else 1
    if argv[:1] == ["inner"] and len(argv) == 2:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        inner(argv[1])
        return 0
    print(__doc__.split("\n\n")[0], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
