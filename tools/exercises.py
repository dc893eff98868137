"""Exercises in nbgrader's format: the student version of the course's notebooks, and grading.

    exercises.py list    [NOTEBOOK...]                  the exercises of each notebook
    exercises.py student [OUT] [NOTEBOOK...]            student versions (default OUT: target/student)
    exercises.py grade   [--out DIR] [--release DIR] [--timeout S] [--no-sandbox] SUBMISSIONS

Run through `bin/course student` and `bin/course grade`, which build the kernel and set JUPYTER_PATH.

The convention (nbgrader's cell metadata, schema version 3):
  - a solution cell has metadata.nbgrader = {solution: true, grade: false, locked: false, grade_id, schema_version: 3};
    its code between a line containing "BEGIN SOLUTION" and one containing "END SOLUTION" (written
    `// BEGIN SOLUTION` ... `// END SOLUTION`) is the learner's to write. A solution cell without such
    a region is replaced whole, as nbgrader does;
  - a check cell has {grade: true, solution: false, locked: true, points, grade_id, schema_version: 3};
    it passes when it runs without an error, and then scores its points;
  - any other cell may be {locked: true} (read-only); every other cell carries no nbgrader metadata.
  - a check cell may say what kind of thinking its exercise asks for in metadata.course.kind (outside
    nbgrader's metadata, which nbgrader validates): one of KINDS. The course's own notebooks give every
    check cell one (tools/test_exercises.py); `list` and `student` count them.

The student version replaces each solution region by `// YOUR CODE HERE` and
`throw new UnsupportedOperationException("Exercise <grade_id>: not done yet");` at the indentation of
the BEGIN line, clears outputs and execution counts, and stores in metadata.nbgrader of every solution,
check or locked cell its `checksum` and `cell_type`, and sets `deletable: false` (and `editable: false`
on locked cells), as nbgrader's generate_assignment does (tools/test_nbgrader_roundtrip.py compares them).

The checksum (nbgrader's compute_checksum; equal to nbgrader 0.9.6's on lessons 00 and 01, compared by
tools/test_nbgrader_roundtrip.py): the lowercase hex MD5 of the UTF-8 bytes of, concatenated in this order,
  1. the cell's source (lines joined as stored in the notebook),
  2. its cell_type ("code" or "markdown"),
  3. str(is_grade), str(is_solution), str(is_locked): each "True" or "False" (a grade cell that is not a
     solution counts as locked; a solution cell never does),
  4. its grade_id,
  5. for a grade cell only, str(float(points)), e.g. "1.0".

Grading never trusts a submission's metadata: it compares each locked cell of the submission with the
same cell (same grade_id) of the reference student version (regenerated from the course notebooks, or
read from --release), puts the reference cell back before running, and scores it as it then scores (the
edit is reported), as nbgrader does. A check cell scores by nbgrader's rule (score_of_outputs). A
submission whose own code declares or assigns a name a check cell relies on is refused (shadowing). Each
submission runs in tools/sandbox.py's namespaces where the machine allows it.
"""
import argparse
import copy
import csv
import hashlib
import json
import os
import re
import signal
import sys
import time

import nbformat

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)
from run_notebooks import ANSI, KERNEL_NAME, kernel_pids  # noqa: E402  (the runner's helpers, not a copy)

BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
HIDDEN = "BEGIN HIDDEN TESTS"
CODE_STUB = ('// YOUR CODE HERE\n'
             'throw new UnsupportedOperationException("Exercise {grade_id}: not done yet");')
TEXT_STUB = "YOUR ANSWER HERE"
GRADE_ID = re.compile(r"^[A-Za-z0-9_-]+$")
SCHEMA_VERSION = 3
NOT_DONE = "not done yet"
# What an exercise asks of the learner. The last three make a learner reason before a cell runs:
# the course keeps at least a third of its exercises of those kinds (tools/test_exercises.py).
KINDS = {
    "implement": "write an update from its formula; the check replays lib",
    "compute": "compute a quantity with lib or by hand",
    "experiment": "find a number by running experiments",
    "predict": "write a number down before running anything; the check compares it with the run",
    "derive": "derive a result, gradable as a number or a small function",
    "design": "choose a schedule or setting that meets a target",
}
REASONING_KINDS = ("predict", "derive", "design")


class ConventionError(Exception):
    """A notebook that breaks the exercise convention; the message lists every problem."""


# ---- nbgrader's cell predicates and the checksum -----------------------------------------------

def nbgrader(cell):
    return cell.get("metadata", {}).get("nbgrader") or {}


def is_grade(cell):
    return bool(nbgrader(cell).get("grade", False))


def is_solution(cell):
    return bool(nbgrader(cell).get("solution", False))


def is_locked(cell):
    """nbgrader's rule: solution cells are never locked, grade cells always, others as marked."""
    meta = nbgrader(cell)
    if not meta or is_solution(cell):
        return False
    if is_grade(cell):
        return True
    return bool(meta.get("locked", False))


def compute_checksum(cell, flags_from=None):
    """The checksum recipe of the module docstring. flags_from: take grade/solution/locked, grade_id and
    points from this cell instead (grading uses the reference's, so edited metadata does not count)."""
    meta_cell = flags_from if flags_from is not None else cell
    meta = nbgrader(meta_cell)
    digest = hashlib.md5()
    digest.update(cell.source.encode("utf-8"))
    digest.update(cell.cell_type.encode("utf-8"))
    digest.update(str(is_grade(meta_cell)).encode("utf-8"))
    digest.update(str(is_solution(meta_cell)).encode("utf-8"))
    digest.update(str(is_locked(meta_cell)).encode("utf-8"))
    digest.update(str(meta.get("grade_id", "")).encode("utf-8"))
    if is_grade(meta_cell):
        digest.update(str(float(meta["points"])).encode("utf-8"))
    return digest.hexdigest()


# ---- the convention ----------------------------------------------------------------------------

def solution_regions(source):
    """(begin line, end line) of each solution region; raises ValueError on a broken region."""
    regions, begin = [], None
    for number, line in enumerate(source.split("\n")):
        if BEGIN in line:
            if begin is not None:
                raise ValueError(f"line {number + 1}: a second BEGIN SOLUTION inside the region begun on line {begin + 1}")
            begin = number
        elif END in line:
            if begin is None:
                raise ValueError(f"line {number + 1}: END SOLUTION without a BEGIN SOLUTION before it")
            regions.append((begin, number))
            begin = None
    if begin is not None:
        raise ValueError(f"line {begin + 1}: BEGIN SOLUTION without an END SOLUTION after it")
    return regions


def check_convention(nb, name):
    """Raises ConventionError listing every problem: metadata, regions, grade ids, checks after solutions."""
    problems, seen = [], {}
    pending_solutions = []
    for index, cell in enumerate(nb.cells):
        where = f"{name}: cell {index + 1}"
        meta = nbgrader(cell)
        source = cell.get("source", "")
        if HIDDEN in source:
            problems.append(f"{where}: hidden tests are not supported (bin/course grade runs the cells as they are)")
        try:
            regions = solution_regions(source)
        except ValueError as e:
            problems.append(f"{where}: {e}")
            regions = []
        if not meta:
            if regions:
                problems.append(f"{where}: a solution region in a cell without nbgrader metadata (mark it "
                                "{solution: true, grade_id: ...}; in prose, write <code>// BEGIN&nbsp;SOLUTION</code>, "
                                "since nbgrader too clears any line containing the marker)")
            continue
        grade_id = meta.get("grade_id")
        if not isinstance(grade_id, str) or not GRADE_ID.match(grade_id):
            problems.append(f"{where}: grade_id {grade_id!r} must be letters, digits, '-' or '_'")
        elif grade_id in seen:
            problems.append(f"{where}: grade_id {grade_id!r} is used again (first in cell {seen[grade_id] + 1})")
        else:
            seen[grade_id] = index
        if meta.get("schema_version") != SCHEMA_VERSION:
            problems.append(f"{where}: schema_version must be {SCHEMA_VERSION}, got {meta.get('schema_version')!r}")
        if is_grade(cell) and is_solution(cell):
            problems.append(f"{where}: a cell both solution and grade is graded by hand in nbgrader; "
                            "bin/course grade only scores check cells (grade: true, solution: false)")
        elif is_grade(cell):
            points = meta.get("points")
            if cell.cell_type != "code":
                problems.append(f"{where}: a check cell (grade: true) must be a code cell")
            if isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0:
                problems.append(f"{where}: a check cell needs points >= 0, got {points!r}")
            if meta.get("locked") is not True:
                problems.append(f"{where}: a check cell must be locked (locked: true)")
            kind = exercise_kind(cell)
            if kind is not None and kind not in KINDS:
                problems.append(f"{where}: metadata.course.kind {kind!r} is not one of {', '.join(KINDS)}")
            pending_solutions = []
        elif is_solution(cell):
            if meta.get("locked"):
                problems.append(f"{where}: a solution cell cannot be locked")
            pending_solutions.append(where)
        if regions and not is_solution(cell):
            problems.append(f"{where}: a solution region in a cell that is not a solution cell")
    for where in pending_solutions:
        problems.append(f"{where}: a solution cell with no check cell (grade: true) after it")
    if problems:
        raise ConventionError("\n".join(problems))


def exercises(nb):
    """[(check grade_id, points, [solution grade_ids before it])] in notebook order."""
    result, solutions = [], []
    for cell in nb.cells:
        if is_solution(cell):
            solutions.append(nbgrader(cell)["grade_id"])
        elif is_grade(cell):
            result.append((nbgrader(cell)["grade_id"], nbgrader(cell)["points"], solutions))
            solutions = []
    return result


def exercise_kind(cell):
    """The check cell's metadata.course.kind, or None when it has none."""
    course = cell.get("metadata", {}).get("course")
    return course.get("kind") if isinstance(course, dict) else None


def kinds_of(nb):
    """{check grade_id: kind or None} of a notebook's check cells."""
    return {nbgrader(cell)["grade_id"]: exercise_kind(cell) for cell in nb.cells if is_grade(cell) and not is_solution(cell)}


def kinds_summary(counts):
    """'27 of 58 exercises (47%) ask to predict, derive or design; 19 implement, ...' from {kind: count}."""
    total = sum(counts.values())
    reasoning = sum(counts.get(k, 0) for k in REASONING_KINDS)
    parts = [f"{counts[k]} {k or 'without a kind'}" for k in list(KINDS) + [None] if counts.get(k)]
    share = f" ({100 * reasoning / total:.0f}%)" if total else ""
    return f"{reasoning} of {total} exercises{share} ask to predict, derive or design; " + ", ".join(parts)


def clear_solution(source, grade_id, cell_type):
    """The source with every solution region replaced by the stub, indented like its BEGIN line."""
    stub = (CODE_STUB.format(grade_id=grade_id) if cell_type == "code" else TEXT_STUB).split("\n")
    lines = source.split("\n")
    regions = solution_regions(source)
    if not regions:
        return "\n".join(stub)
    kept, previous = [], 0
    for begin, end in regions:
        kept.extend(lines[previous:begin])
        indent = re.match(r"\s*", lines[begin]).group(0)
        kept.extend(indent + line for line in stub)
        previous = end + 1
    kept.extend(lines[previous:])
    return "\n".join(kept)


def student_version(nb, name):
    """A new notebook: solutions cleared, outputs cleared, locked cells checksummed."""
    check_convention(nb, name)
    student = copy.deepcopy(nb)
    for cell in student.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for transient in ("execution", "collapsed", "scrolled"):
            cell.metadata.pop(transient, None)
        if is_solution(cell):
            cell.source = clear_solution(cell.source, nbgrader(cell)["grade_id"], cell.cell_type)
        if is_grade(cell) or is_solution(cell) or is_locked(cell):
            cell.metadata.nbgrader["checksum"] = compute_checksum(cell)
            cell.metadata.nbgrader["cell_type"] = cell.cell_type
            # What nbgrader's generate_assignment sets too, so that JupyterLab keeps learners from deleting
            # exercise and check cells and from editing locked ones.
            cell.metadata["deletable"] = False
            if is_locked(cell):
                cell.metadata["editable"] = False
    student.metadata.pop("widgets", None)
    return student


def notebook_name(path):
    return os.path.splitext(os.path.basename(path))[0]


def resolve_notebook(argument, notebooks_dir):
    for candidate in (argument, os.path.join(notebooks_dir, argument), os.path.join(notebooks_dir, argument + ".ipynb")):
        if os.path.isfile(candidate) and candidate.endswith(".ipynb"):
            return os.path.abspath(candidate)
    return None


def all_notebooks(notebooks_dir):
    return sorted(os.path.join(notebooks_dir, f) for f in os.listdir(notebooks_dir) if f.endswith(".ipynb"))


def shown(path):
    """A path relative to the current folder when it is below it, else absolute."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def points_text(points):
    return f"{points:g}"


# ---- list and student --------------------------------------------------------------------------

def cmd_list(args):
    counts = {}
    paths = [resolve_notebook(n, args.notebooks_dir) or n for n in args.notebooks] or all_notebooks(args.notebooks_dir)
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        check_convention(nb, os.path.basename(path))
        found, kinds = exercises(nb), kinds_of(nb)
        print(f"{notebook_name(path)}: {len(found)} exercise{'s' if len(found) != 1 else ''}, "
              f"{points_text(sum(p for _, p, _ in found))} points")
        for check, points, solutions in found:
            print(f"  {check:<36} {points_text(points):>4} point{'s' if points != 1 else ''}  "
                  f"{kinds[check] or '-':<10} (solution: {', '.join(solutions) or '-'})")
            counts[kinds[check]] = counts.get(kinds[check], 0) + 1
    print(kinds_summary(counts))
    return 0


def cmd_student(args):
    notebooks_dir = os.path.abspath(args.notebooks_dir)
    arguments = list(args.arguments)
    out = os.path.join(ROOT, "target", "student")
    if arguments and resolve_notebook(arguments[0], notebooks_dir) is None:
        if arguments[0].endswith(".ipynb"):
            print(f"student: no notebook '{arguments[0]}'", file=sys.stderr)
            return 2
        out = arguments.pop(0)
    paths = []
    for argument in arguments:
        path = resolve_notebook(argument, notebooks_dir)
        if path is None:
            print(f"student: no notebook '{argument}' (try: bin/course student target/student 00-getting-started)",
                  file=sys.stderr)
            return 2
        paths.append(path)
    paths = paths or all_notebooks(notebooks_dir)
    out = os.path.abspath(out)
    for path in paths:
        if os.path.realpath(os.path.dirname(path)) == os.path.realpath(out):
            print(f"student: refusing to write into {out}: the solution notebooks live there; pick another folder",
                  file=sys.stderr)
            return 2
    versions, problems = [], []
    for path in paths:
        try:
            versions.append((path, student_version(nbformat.read(path, as_version=4), os.path.basename(path))))
        except ConventionError as e:
            problems.append(str(e))
    if problems:
        print("student: the exercise convention is broken, nothing written:\n" + "\n".join(problems), file=sys.stderr)
        return 1
    os.makedirs(out, exist_ok=True)
    width = max(len(notebook_name(p)) for p in paths)
    print(f"{'notebook':<{width}}  {'exercises':>9}  {'points':>6}  {'reasoning':>9}  written to")
    counts = {}
    for path, nb in versions:
        target = os.path.join(out, os.path.basename(path))
        nbformat.write(nb, target)
        found, kinds = exercises(nb), kinds_of(nb)
        for kind in kinds.values():
            counts[kind] = counts.get(kind, 0) + 1
        reasoning = sum(1 for kind in kinds.values() if kind in REASONING_KINDS)
        print(f"{notebook_name(path):<{width}}  {len(found):>9}  {points_text(sum(p for _, p, _ in found)):>6}  "
              f"{reasoning:>9}  {shown(target)}")
    print(kinds_summary(counts))
    print(f"student: {len(versions)} student notebook{'s' if len(versions) != 1 else ''} in {out}/")
    return 0


# ---- grading: finding submissions ---------------------------------------------------------------

class Reference:
    """One notebook as released to learners, with what grading needs from it."""

    def __init__(self, name, nb, path):
        self.name, self.nb, self.path = name, nb, path
        self.cells = {nbgrader(c)["grade_id"]: c for c in nb.cells if nbgrader(c)}
        self.exercises = exercises(nb)
        self.max_points = sum(points for _, points, _ in self.exercises)


def load_references(notebooks_dir, release_dir=None):
    references = {}
    if release_dir:
        for path in all_notebooks(release_dir):
            nb = nbformat.read(path, as_version=4)
            references[notebook_name(path)] = Reference(notebook_name(path), nb, path)
    else:
        for path in all_notebooks(notebooks_dir):
            nb = student_version(nbformat.read(path, as_version=4), os.path.basename(path))
            references[notebook_name(path)] = Reference(notebook_name(path), nb, path)
    return {name: ref for name, ref in references.items() if ref.exercises}


def identify(path, references):
    """(reference name, learner name left in the file name, or None) of one submitted file."""
    stem = notebook_name(path)
    for name in sorted(references, key=len, reverse=True):
        if name in stem:
            rest = stem.replace(name, "", 1).strip(" -_.")
            return name, rest or None
    try:
        ids = {nbgrader(c).get("grade_id") for c in nbformat.read(path, as_version=4).cells if nbgrader(c)}
    except Exception:
        return None, stem
    best = max(references.values(), key=lambda r: len(ids & set(r.cells)), default=None)
    if best is not None and ids & set(best.cells):
        return best.name, stem
    return None, stem


def find_submissions(folder, references):
    """({(learner, notebook): path}, [notes]) from a folder of learner folders or of files named by learner."""
    found, notes = {}, []
    for entry in sorted(os.listdir(folder)):
        path = os.path.join(folder, entry)
        if entry.startswith("."):
            continue
        if os.path.isdir(path):
            learner = entry
            files = []
            for parent, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(os.path.join(parent, n) for n in sorted(names) if n.endswith(".ipynb"))
            for file in files:
                name, _ = identify(file, references)
                if name is None:
                    notes.append(f"{learner}: {os.path.relpath(file, folder)} is none of the course's notebooks with exercises; skipped")
                elif (learner, name) in found:
                    notes.append(f"{learner}: {os.path.relpath(file, folder)} is a second copy of {name}; "
                                 f"graded {os.path.relpath(found[(learner, name)], folder)}")
                else:
                    found[(learner, name)] = file
        elif entry.endswith(".ipynb"):
            name, learner = identify(path, references)
            if name is None:
                notes.append(f"{entry}: none of the course's notebooks with exercises; skipped")
            elif learner is None:
                notes.append(f"{entry}: the file name does not say whose it is (name files like alice-{name}.ipynb); skipped")
            elif (learner, name) in found:
                notes.append(f"{entry}: a second copy of {name} from {learner}; skipped")
            else:
                found[(learner, name)] = path
    return found, notes


# ---- grading: names the check cells rely on -----------------------------------------------------
# A check cell calls names the learner could redefine: `FakeChecks Checks = new FakeChecks();` in an
# exercise cell makes the untouched `Checks.close(...)` call the learner's object, and `double norm(double[] v)
# { return 0; }` makes a check's own test pass. Grading refuses a submission whose own code (exercise
# cells, cells it added, lesson cells it changed) declares or assigns such a name, except the answer
# variables an exercise cell declares for its check to read.

JAVA_WORDS = frozenset("""abstract assert boolean break byte case catch char class const continue default do double
    else enum extends final finally float for goto if implements import instanceof int interface long native new
    package private protected public return short static strictfp super switch synchronized this throw throws
    transient try void volatile while var record yield true false null sealed permits""".split())
NOT_A_TYPE = frozenset("return new throw else case instanceof yield assert extends implements throws import package".split())
LITERALS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|//[^\n]*|/\*[\s\S]*?\*/')
UNICODE_ESCAPE = re.compile(r"\\u+([0-9a-fA-F]{4})")
IDENTIFIER = r"[A-Za-z_$][\w$]*"


def java_code(source):
    """The source as javac reads it (unicode escapes decoded), without comments and literals."""
    decoded = UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), source)
    return LITERALS_AND_COMMENTS.sub(lambda m: '""' if m.group(0)[0] in "\"'" else " ", decoded)


def declared_names(code):
    """Names the code declares (types, variables, methods, lambda parameters, imports) or assigns."""
    names = set(re.findall(rf"\b(?:class|interface|record|enum)\s+({IDENTIFIER})", code))
    names |= set(re.findall(rf"\bimport\s+(?:static\s+)?[\w$.]+\.({IDENTIFIER})\s*;", code))
    for match in re.finditer(rf"({IDENTIFIER}|[>\]])\s+({IDENTIFIER})\s*(?==(?!=)|[;,():])", code):
        if match.group(1) not in NOT_A_TYPE and match.group(2) not in JAVA_WORDS:
            names.add(match.group(2))
    names |= set(re.findall(rf"(?<![\w$.])({IDENTIFIER})\s*(?:\[[^\]]*\]\s*)*(?:[-+*/%&|^]|<<|>>>?)?=(?!=)", code))
    for prefix, postfix in re.findall(rf"(?:\+\+|--)\s*({IDENTIFIER})|(?<![\w$.])({IDENTIFIER})\s*(?:\+\+|--)", code):
        names.add(prefix or postfix)
    for statement in re.split(r"[;{}]", code):
        names |= more_declarators(statement)
    for params in re.findall(rf"\(([\w$\s,]*)\)\s*->", code):
        names |= {p.strip() for p in params.split(",") if p.strip()}
    names |= set(re.findall(rf"(?<![\w$.])({IDENTIFIER})\s*->", code))
    return names - JAVA_WORDS


def more_declarators(statement):
    """The names after the first in a declaration like `double a = 1, b, c = f(x, y);`."""
    start = re.match(rf"\s*(?:(?:final|static)\s+)*{IDENTIFIER}(?:\s*<[^;=()]*>)?(?:\s*\[\s*\])*\s+{IDENTIFIER}", statement)
    if not start or start.group(0).split()[0] in NOT_A_TYPE:
        return set()
    pieces, depth, current = [], 0, ""
    for char in statement[start.end():]:
        depth += char in "([{<" and 1 or char in ")]}>" and -1 or 0
        if char == "," and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return {m.group(1) for m in (re.match(rf"\s*({IDENTIFIER})\s*(?:\[\s*\]\s*)*(?:=|$)", p) for p in pieces[1:]) if m}


def names_checks_rely_on(reference):
    """{name: [check grade_ids]}: the unqualified names each check cell uses and does not declare itself."""
    relied = {}
    for cell in reference.nb.cells:
        if not is_grade(cell):
            continue
        code = java_code(cell.source)
        used = set(re.findall(rf"(?<![\w$.])({IDENTIFIER})", re.sub(r"\s*\.\s*", ".", code))) - JAVA_WORDS
        for name in used - declared_names(code):
            relied.setdefault(name, []).append(nbgrader(cell)["grade_id"])
    return relied


def shadowing(submission, reference):
    """[problem] for each name a check relies on that the submission's own code declares or assigns."""
    relied = names_checks_rely_on(reference)
    answers = set()  # the variables the released exercise cells declare for their checks
    lesson = set()   # the released lesson cells, verbatim: declaring there is the course's own doing
    for cell in reference.nb.cells:
        if cell.cell_type != "code":
            continue
        if is_solution(cell):
            answers |= declared_names(java_code(cell.source))
        elif not is_locked(cell):
            lesson.add(cell.source)
    problems = []
    for index, cell in enumerate(submission.cells):
        if cell.cell_type != "code" or is_locked(cell) and nbgrader(cell).get("grade_id") in reference.cells:
            continue
        if cell.source in lesson and not is_solution(cell):
            continue
        for name in sorted((declared_names(java_code(cell.source)) & set(relied)) - answers):
            checks = relied[name]
            which = f"the check cell {checks[0]} uses" if len(checks) == 1 else f"the check cells {', '.join(checks)} use"
            problems.append(f"cell {index + 1} declares or assigns `{name}`, which {which}: submission refused "
                            "(rename it in your code)")
    return problems


# ---- grading: running one submission ------------------------------------------------------------

def first_line(text, limit=300):
    text = ANSI.sub("", str(text or "")).strip()
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= limit else line[:limit - 3] + "..."


def prepare(submission, reference):
    """Restores the reference's locked cells in the submission (in place) and returns
    ({grade_id: index in submission}, {grade_id: 'edited'|'missing'}, [notes])."""
    where, notes, tampered = {}, [], {}
    for index, cell in enumerate(submission.cells):
        grade_id = nbgrader(cell).get("grade_id")
        if grade_id in reference.cells:
            if grade_id in where:
                notes.append(f"cell {index + 1} repeats {grade_id}; only cell {where[grade_id] + 1} counts")
                cell.metadata.pop("nbgrader", None)
                continue
            where[grade_id] = index
    for grade_id, original in reference.cells.items():
        if not is_locked(original):
            continue
        if grade_id not in where:
            tampered[grade_id] = "missing"
            if not is_grade(original):
                notes.append(f"the locked cell {grade_id} was deleted")
            continue
        cell = submission.cells[where[grade_id]]
        if released_flags(cell) != released_flags(original):
            changed = {k: v for k, v in released_flags(cell).items() if released_flags(original)[k] != v}
            tampered[grade_id] = "metadata " + ", ".join(f"{k}: {json.dumps(v)}" for k, v in changed.items())
            if not is_grade(original):
                notes.append(f"the nbgrader metadata of the locked cell {grade_id} was edited; the released one counts")
        if cell.cell_type != original.cell_type or compute_checksum(cell, flags_from=original) != compute_checksum(original):
            tampered[grade_id] = "edited"
            if not is_grade(original):
                notes.append(f"the locked cell {grade_id} (cell {where[grade_id] + 1}) was edited; the original ran instead")
        # Put the released cell back, source and metadata, as nbgrader's autograde does.
        restored = copy.deepcopy(original)
        if "id" in cell:
            restored["id"] = cell["id"]
        submission.cells[where[grade_id]] = restored
    for cell in submission.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return where, tampered, notes


def released_flags(cell):
    """The nbgrader metadata a learner must not change: what makes a cell a check, its id and its points."""
    meta = nbgrader(cell)
    return {key: meta.get(key) for key in ("grade", "solution", "locked", "grade_id", "points")}


OUTPUT_LIMIT = 8 << 20  # bytes of output a submission's cells may produce before they are stopped


def limited_client_class():
    """nbclient's NotebookClient keeping at most OUTPUT_LIMIT bytes of output: beyond it the output is
    dropped and the running cell interrupted (1 GB printed would otherwise fill the grader's memory)."""
    import asyncio
    from nbclient import NotebookClient
    from jupyter_core.utils import ensure_async

    class LimitedClient(NotebookClient):
        output_bytes = 0
        overflowed = None  # the cell index that went over the limit

        def output(self, outs, msg, display_id, cell_index):
            self.output_bytes += len(json_bytes(msg.get("content", {})))
            if self.output_bytes <= OUTPUT_LIMIT:
                return super().output(outs, msg, display_id, cell_index)
            if self.overflowed is None:
                self.overflowed = cell_index
                asyncio.ensure_future(ensure_async(self.km.interrupt_kernel()))
            return None

    return LimitedClient


def json_bytes(content):
    return json.dumps(content, ensure_ascii=False).encode("utf-8", "replace")


def execute(nb, cwd, timeout, kernel=KERNEL_NAME, kernel_manager_class=None, kernel_env=None):
    """Runs the cells one by one, errors allowed. Returns ({cell index: (status, detail)}, [notes], error):
    status is ok, error, timeout or not run; error is set when the kernel could not start at all.
    kernel_manager_class and kernel_env: how tools/sandbox.py starts the kernel, and its environment."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    timeout_reply = {"ename": "Timeout", "evalue": f"the cell ran longer than {timeout} s and was interrupted",
                     "traceback": []}
    extra = {"kernel_manager_class": kernel_manager_class} if kernel_manager_class else {}
    client = limited_client_class()(nb, timeout=timeout, kernel_name=kernel, allow_errors=True,
                                    interrupt_on_timeout=True, error_on_timeout=timeout_reply,
                                    shutdown_kernel="immediate", resources={"metadata": {"path": cwd}}, **extra)
    replies, statuses, notes, connection = {}, {}, [], []
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    stopped = None
    try:
        with client.setup_kernel(**({"env": kernel_env} if kernel_env is not None else {})):
            connection.append(client.km.connection_file)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                if stopped:
                    statuses[index] = ("not run", stopped)
                    continue
                try:
                    client.execute_cell(cell, index)
                except DeadKernelError:
                    statuses[index] = ("error", "the kernel died running this cell")
                    stopped = f"the kernel died in cell {index + 1} (System.exit, or out of memory?)"
                    notes.append(stopped)
                    continue
                except CellTimeoutError as e:  # output that never arrived: the kernel is not answering
                    statuses[index] = ("timeout", first_line(e))
                    stopped = f"the kernel stopped answering in cell {index + 1}"
                    notes.append(stopped)
                    continue
                content = (replies.pop(index, None) or {}).get("content", {})
                if client.overflowed == index:
                    statuses[index] = ("error", f"the cell printed more than {OUTPUT_LIMIT >> 20} MB of output "
                                                "and was stopped")
                    stopped = f"output limit ({OUTPUT_LIMIT >> 20} MB) exceeded in cell {index + 1}"
                    notes.append(stopped)
                elif content.get("status") != "error":
                    statuses[index] = ("ok", "")
                elif content.get("ename") == "Timeout":
                    statuses[index] = ("timeout", f"timed out after {timeout} s (interrupted)")
                    if responds(client, min(timeout, 30)):
                        notes.append(f"cell {index + 1} timed out after {timeout} s and was interrupted; the next cells ran")
                    else:
                        stopped = f"cell {index + 1} timed out after {timeout} s and the kernel did not recover"
                        notes.append(stopped)
                else:
                    statuses[index] = ("error", f"{content.get('ename', 'Error')}: {first_line(content.get('evalue'))}")
    except Exception as e:
        if not statuses:
            return {}, notes, f"the kernel did not start: {type(e).__name__}: {first_line(e)}"
        notes.append(f"grading stopped: {type(e).__name__}: {first_line(e)}")
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and cell.source.strip() and index not in statuses:
                statuses[index] = ("not run", notes[-1])
    finally:
        reap(connection)
    return statuses, notes, None


def responds(client, seconds):
    """True if the kernel answers a trivial request within `seconds` (after an interrupt)."""
    saved = client.timeout
    client.timeout = max(1, int(seconds))
    try:
        msg_id = client.kc.execute("0", store_history=False)
        return client.wait_for_reply(msg_id) is not None
    except Exception:
        return False
    finally:
        client.timeout = saved


def reap(connection_files):
    """Kills any JVM still running one of these kernels (ours: started with our connection file)."""
    for attempt in range(20):
        left = set().union(*(kernel_pids(c) for c in connection_files)) if connection_files else set()
        if not left:
            return
        if attempt == 12:
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        time.sleep(0.25)


def run_sandboxed(submission, cwd, timeout, kernel, mode):
    """execute() inside tools/sandbox.py's namespaces: (statuses, notes, error, the executed notebook)."""
    import sandbox
    cells = sum(1 for c in submission.cells if c.cell_type == "code" and c.source.strip())
    wall = timeout * cells + 120  # every cell at its limit, and the kernel's start
    result = sandbox.run({"notebook": json.loads(nbformat.writes(submission)), "cwd": cwd, "timeout": timeout,
                          "kernel": kernel}, mode, wall)
    if "statuses" not in result:
        return {}, [], result.get("error", "the sandbox failed"), submission
    statuses = {int(k): tuple(v) for k, v in result["statuses"].items()}
    error = result["error"]
    if error and mode == "user":
        error += (f" (in the sandbox the kernel runs as uid {sandbox.SANDBOX_UID}: it must be able to read the "
                  "checkout and the JDK; chmod -R o+rX the checkout, or set COURSE_SANDBOX_UID)")
    return statuses, result["notes"], error, nbformat.reads(json.dumps(result["notebook"]), as_version=4)


def check_result(check, points, solutions, statuses, where, submission, tampered):
    """(score, message) of one check cell of an executed submission."""
    if tampered == "missing":
        return 0, "check cell missing from the submission (deleted, or its nbgrader metadata removed)"
    status, detail = statuses.get(where.get(check), ("not run", "the check cell is missing"))
    score = 0
    if status == "ok":
        score, detail = score_of_outputs(submission.cells[where[check]].get("outputs", []), points)
        message = detail or "passed"
    else:
        message = detail if status != "not run" else f"did not run: {detail}"
        for solution in solutions:
            s_status, s_detail = statuses.get(where.get(solution), ("ok", ""))
            if solution not in where:
                message += f" [exercise cell {solution} missing]"
            elif s_status != "ok":
                message += f" [exercise cell: {s_detail}]"
    if tampered == "edited":  # nbgrader's policy: the original was put back, ran, and is scored
        message += " (locked check cell was edited; the original was restored and ran in its place)"
    elif tampered and tampered.startswith("metadata"):
        message += f" (its nbgrader {tampered} was edited; the released metadata counted)"
    return score, message


def score_of_outputs(outputs, points):
    """(score, message) of a check cell that ran without an error, by nbgrader's rule (determine_grade):
    anything written to stderr scores 0; a result that reads as a number up to the points is partial
    credit (a negative one full credit); any other result, or none, scores the points."""
    for output in outputs:
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return 0, f"the check cell wrote to stderr (nbgrader scores that 0): {first_line(output.get('text'))}"
        if output.get("output_type") == "execute_result":
            text = output.get("data", {}).get("text/plain", "")
            try:
                value = float("".join(text) if isinstance(text, list) else text)
            except ValueError:
                return points, ""
            if value < 0:
                return points, ""
            if value <= points:
                return value, f"partial credit: the check cell's result is {value:g}"
            return 0, f"the check cell's result {value:g} is more than its {points_text(points)} points (nbgrader stops there)"
    return points, ""


def grade_one(learner, reference, path, cwd, timeout, executed_dir, sandbox_mode=None):
    """Rows (learner, notebook, exercise, points, max points, message) for one submission, and notes."""
    rows = []

    def all_zero(message):
        return [(learner, reference.name, check, 0, points, message) for check, points, _ in reference.exercises]

    try:
        submission = nbformat.read(path, as_version=4)
    except Exception as e:
        return all_zero(f"not a readable notebook: {first_line(e)}"), [], False
    where, tampered, notes = prepare(submission, reference)
    refused = shadowing(submission, reference)
    if refused:
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        return all_zero(refused[0] + more), [], False
    # The course's kernel, whatever kernel the submission names (a learner may have opened it in another).
    kernel = reference.nb.metadata.get("kernelspec", {}).get("name", KERNEL_NAME)
    named = submission.metadata.get("kernelspec", {}).get("name")
    if named != kernel:
        notes.append(f"the notebook names the kernel {named!r}; graded with the course's {kernel!r}")
        submission.metadata["kernelspec"] = copy.deepcopy(reference.nb.metadata.get("kernelspec", {}))
    if sandbox_mode:
        statuses, run_notes, error, submission = run_sandboxed(submission, cwd, timeout, kernel, sandbox_mode)
    else:
        statuses, run_notes, error = execute(submission, cwd, timeout, kernel)
    notes += run_notes
    if error:
        return all_zero(error), notes, True
    os.makedirs(executed_dir, exist_ok=True)
    nbformat.write(submission, os.path.join(executed_dir, reference.name + ".ipynb"))
    for check, points, solutions in reference.exercises:
        score, message = check_result(check, points, solutions, statuses, where, submission, tampered.get(check))
        rows.append((learner, reference.name, check, score, points, message))
    return rows, notes, False


# ---- grading: the command -----------------------------------------------------------------------

def cmd_grade(args):
    folder = args.submissions
    if not os.path.isdir(folder):
        print(f"grade: no folder '{folder}': give a folder with one folder per learner, or notebooks named "
              "like alice-00-getting-started.ipynb", file=sys.stderr)
        return 2
    try:
        references = load_references(args.notebooks_dir, args.release)
    except ConventionError as e:
        print(f"grade: the course notebooks break the exercise convention:\n{e}", file=sys.stderr)
        return 1
    if not references:
        print("grade: no notebook has exercises (check cells with nbgrader metadata)", file=sys.stderr)
        return 1
    found, notes = find_submissions(folder, references)
    for note in notes:
        print(f"  note: {note}")
    if not found:
        print(f"grade: no submissions found in {folder}", file=sys.stderr)
        return 1
    sandbox_mode = None
    if not args.no_sandbox:
        import sandbox
        sandbox_mode, reason = sandbox.probe()
        signal.signal(signal.SIGTERM, sandbox.stop_running)
        if sandbox_mode is None:
            print(f"grade: no sandbox on this machine ({reason}): the submissions run with your rights, "
                  "as any notebook you open does", file=sys.stderr)
    learners = sorted({learner for learner, _ in found})
    submitted = sorted({name for _, name in found})
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    cwd = os.path.abspath(args.notebooks_dir)
    rows, incomplete = [], False
    for learner in learners:
        for name in submitted:
            reference = references[name]
            path = found.get((learner, name))
            if path is None:
                rows += [(learner, name, check, 0, points, "not submitted") for check, points, _ in reference.exercises]
                continue
            started = time.perf_counter()
            graded, learner_notes, broken = grade_one(learner, reference, path, cwd, args.timeout,
                                                      os.path.join(out, "executed", safe(learner)), sandbox_mode)
            incomplete |= broken
            if learner_notes:  # what happened to the whole submission, on every check it may explain
                graded = [row if row[5] == "passed" else row[:5] + (with_notes(row[5], learner_notes),) for row in graded]
            rows += graded
            score = sum(r[3] for r in graded)
            print(f"graded {learner} / {name}: {points_text(score)}/{points_text(reference.max_points)} "
                  f"in {time.perf_counter() - started:.1f} s" + (f" ({'; '.join(learner_notes)})" if learner_notes else ""),
                  flush=True)
    write_csv(os.path.join(out, "grades.csv"), ["learner", "notebook", "exercise", "points", "max_points", "message"],
              [(l, n, e, points_text(p), points_text(m), msg) for l, n, e, p, m, msg in rows])
    totals = []
    for learner in learners:
        mine = [r for r in rows if r[0] == learner]
        totals.append((learner, sum(r[3] for r in mine), sum(r[4] for r in mine)))
    write_csv(os.path.join(out, "totals.csv"), ["learner", "points", "max_points"],
              [(l, points_text(p), points_text(m)) for l, p, m in totals])
    print_table(rows, totals)
    print(f"grade: {len(learners)} learner{'s' if len(learners) != 1 else ''}, {len(found)} submitted notebook"
          f"{'s' if len(found) != 1 else ''}; {shown(os.path.join(out, 'grades.csv'))}, "
          f"{shown(os.path.join(out, 'totals.csv'))}, executed notebooks in {shown(os.path.join(out, 'executed'))}/")
    return 1 if incomplete else 0


def with_notes(message, notes):
    extra = [note for note in notes if note not in message]
    return message + (f"; note: {'; '.join(extra)}" if extra else "")


def safe(name):
    return re.sub(r"[^A-Za-z0-9._@+-]", "_", name) or "_"


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def print_table(rows, totals):
    header = ("learner", "notebook", "exercise", "points", "message")
    table = [(l, n, e, f"{points_text(p)}/{points_text(m)}", msg) for l, n, e, p, m, msg in rows]
    widths = [max(len(header[i]), *(len(r[i]) for r in table)) for i in range(4)]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header[:4], widths)) + "  " + header[4])
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4])
    print()
    print("totals: " + ", ".join(f"{l} {points_text(p)}/{points_text(m)}" for l, p, m in totals))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Student versions and grading of the course's exercises.")
    parser.add_argument("--notebooks-dir", default=os.path.join(ROOT, "notebooks"),
                        help="the course's solution notebooks (default: notebooks/)")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="the exercises of each notebook")
    listing.add_argument("notebooks", nargs="*")
    student = commands.add_parser("student", help="write student versions: [OUT] [NOTEBOOK...]")
    student.add_argument("arguments", nargs="*", metavar="[OUT] [NOTEBOOK]")
    grade = commands.add_parser("grade", help="grade a folder of submissions")
    grade.add_argument("submissions")
    grade.add_argument("--out", default=os.path.join(ROOT, "target", "grades"))
    grade.add_argument("--release", help="the student versions as released (default: regenerated from notebooks/)")
    grade.add_argument("--timeout", type=int, default=int(os.environ.get("COURSE_CELL_TIMEOUT", "600")),
                       help="seconds a single cell may run (default: COURSE_CELL_TIMEOUT or 600)")
    grade.add_argument("--no-sandbox", action="store_true",
                       help="run the submissions with your rights, outside tools/sandbox.py's namespaces")
    args = parser.parse_args(argv)
    return {"list": cmd_list, "student": cmd_student, "grade": cmd_grade}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
