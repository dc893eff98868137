"""What every part of bin/course shares: the checkout's paths, messages, errors."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL_NAME = "optimizers-course-java"
PYTHON_MIN = (3, 11)  # the oldest Python the pinned packages support (ipykernel 7, ipython 9)
CONDA_ENV = "optimizers-course"


def path(*parts):
    return os.path.join(ROOT, *parts)


def kernelspec():
    return path("kernel", "target", "jupyter", "kernels", KERNEL_NAME, "kernel.json")


def stamp():
    return path("target", ".build-stamp")


def venv():
    """The course's Python environment: COURSE_VENV, else .venv/ in the checkout."""
    return os.environ.get("COURSE_VENV") or path(".venv")


def relative(where):
    """`where` as the messages name it: relative to the checkout when inside it."""
    prefix = ROOT + os.sep
    return where[len(prefix):] if where.startswith(prefix) else where


def say(message):
    print("course: " + message, file=sys.stderr, flush=True)


class CourseError(Exception):
    """A failure bin/course reports in one line (`course: MESSAGE`) and exits with `status`."""

    def __init__(self, message, status=1):
        super().__init__(message)
        self.status = status


class UsageError(CourseError):
    """A command line bin/course cannot run: the message, then the command's usage line(s); exit 2."""

    def __init__(self, message, usage=()):
        super().__init__(message, status=2)
        self.usage = list(usage)


def die(message):
    raise CourseError(message)
