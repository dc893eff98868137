"""nbgrader itself on the course's notebooks: an nbgrader course folder, generate_assignment, submissions in
nbgrader's submitted/ layout, autograde, generate_feedback, and the scores from its gradebook.

    nbgrader_roundtrip.py COURSE_DIR NOTEBOOK...    builds COURSE_DIR with one assignment per notebook
                                                     (ps00 for 00-getting-started, ...) and releases them

Used by tools/test_nbgrader_roundtrip.py, which compares nbgrader's scores with `bin/course grade`'s on the
same simulated learners. The commands are the README's "The nbgrader route", run for real.
"""
import os
import subprocess
import sys

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
NOTEBOOKS = os.path.join(ROOT, "notebooks")
# nbgrader's stub for Java: the course's, less the exercise's name, which nbgrader cannot fill in.
JAVA_STUB = '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not done yet");'

CONFIG = '''c = get_config()
c.CourseDirectory.root = {root!r}
c.ClearSolutions.code_stub = {{"java": {stub!r}}}
c.ExecutePreprocessor.timeout = {timeout}   # seconds a cell may run when autograding
'''


def assignment_of(notebook):
    """ps00 for 00-getting-started.ipynb: one assignment per lesson."""
    return "ps" + os.path.basename(notebook)[:2]


def write_course(course, notebooks, timeout):
    """The nbgrader course folder: nbgrader_config.py and source/psNN/NOTEBOOK.ipynb."""
    os.makedirs(course, exist_ok=True)
    with open(os.path.join(course, "nbgrader_config.py"), "w") as f:
        f.write(CONFIG.format(root=os.path.abspath(course), stub=JAVA_STUB, timeout=timeout))
    for notebook in notebooks:
        folder = os.path.join(course, "source", assignment_of(notebook))
        os.makedirs(folder, exist_ok=True)
        with open(notebook, "rb") as src, open(os.path.join(folder, os.path.basename(notebook)), "wb") as dst:
            dst.write(src.read())


def nbgrader(course, *args, timeout=1200):
    """Runs `nbgrader ARGS` in the course folder; raises with nbgrader's last lines when it fails."""
    command = os.path.join(os.path.dirname(sys.executable), "nbgrader")
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run([command, *args], cwd=course, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({done.returncode}):\n" +
                           "\n".join((done.stdout + done.stderr).splitlines()[-25:]))
    return done.stdout + done.stderr


def release(course, notebooks):
    for assignment in sorted({assignment_of(n) for n in notebooks}):
        nbgrader(course, "generate_assignment", assignment, "--force")
    return os.path.join(course, "release")


def grade(course, assignments):
    """autograde and generate_feedback for each assignment; returns their logs."""
    logs = []
    for assignment in assignments:
        logs.append(nbgrader(course, "autograde", assignment, "--force"))
        logs.append(nbgrader(course, "generate_feedback", assignment, "--force"))
    return "\n".join(logs)


def scores(course):
    """{(learner, notebook, grade_id): score} of every autograded check cell in the gradebook."""
    from nbgrader.api import Gradebook
    found = {}
    with Gradebook("sqlite:///" + os.path.join(os.path.abspath(course), "gradebook.db")) as gradebook:
        for assignment in gradebook.assignments:
            for submission in gradebook.assignment_submissions(assignment.name):
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.cell.cell_type == "code" and grade.auto_score is not None:
                            found[(submission.student.id, notebook.name, grade.name)] = grade.score
    return found


def main(argv):
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    course, notebooks = argv[0], [os.path.abspath(n) for n in argv[1:]]
    write_course(course, notebooks, int(os.environ.get("COURSE_CELL_TIMEOUT", "600")))
    print(f"released to {release(course, notebooks)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
