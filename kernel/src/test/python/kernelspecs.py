"""Kernelspecs for the tests: the one the build wrote, and one per extra JDK found on this machine.

The build writes target/jupyter/kernels/<name>/kernel.json, whose argv starts with plain `java`.
For each other JDK we write a copy whose argv starts with that JDK's java, so the same suite runs
on Java 17 and on the newer JDK.
"""
import glob
import json
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
KERNEL_MODULE = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BUILT_JUPYTER_PATH = os.path.join(KERNEL_MODULE, "target", "jupyter")
KERNEL_NAME = "optimizers-course-java"
VARIANTS_DIR = os.path.join(KERNEL_MODULE, "target", "jupyter-test")


def built_spec_dir():
    spec = os.path.join(BUILT_JUPYTER_PATH, "kernels", KERNEL_NAME)
    if not os.path.isfile(os.path.join(spec, "kernel.json")):
        raise SystemExit(f"no kernelspec at {spec}: build first with bin/course build "
                         "(or mvn -q package -DskipTests)")
    return spec


def java_version(java):
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    first = out.splitlines()[0] if out else "unknown"
    return first.split('"')[1] if '"' in first else first


def jdks():
    """(label, java executable) for the default java and every other JDK under /usr/lib/jvm."""
    found = [("default", shutil.which("java") or "java")]
    seen = {os.path.realpath(found[0][1])}
    extra = os.environ.get("COURSE_TEST_JDKS")
    homes = extra.split(os.pathsep) if extra else sorted(glob.glob("/usr/lib/jvm/*"))
    for home in homes:
        java = os.path.join(home, "bin", "java")
        if not os.path.isfile(java) or os.path.islink(home):
            continue
        real = os.path.realpath(java)
        if real in seen:
            continue
        seen.add(real)
        found.append((os.path.basename(home), java))
    return found


def prepare_variants():
    """Writes one kernelspec per JDK under target/jupyter-test; returns [(kernel name, java, version)]."""
    spec = built_spec_dir()
    with open(os.path.join(spec, "kernel.json")) as f:
        base = json.load(f)
    variants = []
    for label, java in jdks():
        name = KERNEL_NAME if label == "default" else f"{KERNEL_NAME}-{label}"
        target = os.path.join(VARIANTS_DIR, "kernels", name)
        os.makedirs(target, exist_ok=True)
        jars = os.path.join(target, "jars")
        if os.path.islink(jars) or os.path.exists(jars):
            if os.path.islink(jars):
                os.unlink(jars)
            else:
                shutil.rmtree(jars)
        os.symlink(os.path.join(spec, "jars"), jars)
        spec_json = dict(base)
        spec_json["argv"] = [java] + base["argv"][1:]
        spec_json["display_name"] = f'{base["display_name"]} [{label}]'
        with open(os.path.join(target, "kernel.json"), "w") as f:
            json.dump(spec_json, f, indent=2)
        variants.append((name, java, java_version(java)))
    paths = [VARIANTS_DIR] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(paths)
    return variants
