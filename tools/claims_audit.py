"""The claims audit: lists every measured number and comparison in the notebooks' prose that nothing
binds to the computation, and fails when a summary section has one.

The rule (README, "Every sentence true"):
- A *claim* is, in a markdown cell, outside $math$, `code`, quotations ("...", “...” and > blockquotes:
  the sources' words), headings and link targets,
  (a) a number that no code cell of the notebook writes as a literal and that is not a reference
      (lesson 04, Exercise 6.1, section 8.3, a year) or a small whole number (0-10) without a unit
      such as % or x: "0.0146", "15.7%", "117 steps", "5x";
  (b) a comparison: wins, beats, faster, slower, fewer, closer, better, worse, best, fastest,
      outperforms, "than any", "none of", ... (COMPARISONS below).
- A claim is *bound* when the markdown cell comes right after a code cell that calls `Checks.` (a
  check that fails when the sentence stops being true). A locked exercise check (nbgrader metadata
  "grade": true) tests the learner, not the prose, and binds nothing. Prose written by a cell (the
  kernel's markdown(...) output) is not a markdown cell, so it is never a claim: it cannot disagree
  with the numbers it is built from.
- Questions (a sentence ending in ?) and what the learner is asked to try (from a line starting
  **What to try, **Try this, **Questions or **Your turn to the end of the cell, and the cells under a
  heading of those names) state nothing.
- A *summary section* is a heading "Summary", "What we found", "Takeaways", "What we learned" or "Recap"
  and every cell under it up to the next heading of the same or a higher level. An unbound claim
  there fails the audit; elsewhere it is listed.

A number that happens to equal a literal of the code passes as a constant: the audit catches prose
that drifts from measurements, not every coincidence.

Usage: python3 tools/claims_audit.py [NOTEBOOK ...] [--json FILE] [--all]
  (default: every notebook in notebooks/; --all lists each unbound claim, not only the summaries')
Exit status 1 when a summary section holds an unbound claim.
"""
import argparse
import glob
import json
import os
import re
import sys

SUMMARY_HEADINGS = re.compile(r"^(summary|what we found|takeaways|what we learned|recap)\b", re.IGNORECASE)
INSTRUCTION_HEADINGS = re.compile(r"^(what to try|try this|questions?|your turn)\b", re.IGNORECASE)

COMPARISONS = re.compile(
    r"\b(wins?|won|winner|beats?|beaten|faster|slower|fewer|closer|farther|further from|better|worse|"
    r"best|worst|fastest|slowest|outperforms?|overtakes?|than any|none of|solves? none|every one of|"
    r"ahead of|behind)\b", re.IGNORECASE)

# A number: 12, 0.0146, 1,000, 2.5e-3, 10⁴-style superscripts are left to the math they belong to.
NUMBER = re.compile(r"(?<![\w.\-/^_])(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
                    r"(\s?%|\s?×|x\b)?(?![\w.]*\w)")
REFERENCE = re.compile(
    r"\b(lessons?|exercises?|sections?|chapters?|cells?|algorithms?|figures?|tables?|eq(?:uation)?s?\.?|"
    r"notebooks?|issue|step(?: number)?|page|pp?\.|version|v|java|jdk|python|keras|pytorch|plotly\.js|"
    r"dl4j|nbgrader|jupyterlab|notebook|protocol|§)\s*[(\[]?$", re.IGNORECASE)
CODE_NUMBER = re.compile(r"(?<![\w.])(\d+(?:_\d+)*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[dDfFlL]?(?![\w])")


def source(cell):
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def value(token):
    try:
        return float(re.sub(r"[,_\u202f\u00a0 ]", "", token))
    except ValueError:
        return None


def code_literals(cells):
    """Every number written in a code cell, as a float (60, 0.9, 1e-6, 1_000)."""
    found = set()
    for cell in cells:
        if cell.get("cell_type") == "code":
            for match in CODE_NUMBER.finditer(source(cell)):
                v = value(match.group(1))
                if v is not None:
                    found.add(v)
    return found


def prose(markdown):
    """The markdown with what is not the course's own measured prose blanked out (kept to the same
    lines, so a claim's line number still points at the source)."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    text = re.sub(r"<!--.*?-->", blank, markdown, flags=re.DOTALL)
    text = re.sub(r"```.*?```", blank, text, flags=re.DOTALL)
    text = re.sub(r"\$\$.*?\$\$", blank, text, flags=re.DOTALL)
    text = re.sub(r"(?<!\\)\$[^$\n]+\$", blank, text)
    text = re.sub(r"`[^`\n]*`", blank, text)
    text = re.sub(r"<code>.*?</code>", blank, text, flags=re.DOTALL)
    text = re.sub(r"\]\([^)]*\)", blank, text)
    text = re.sub(r"https?://\S+", blank, text)
    text = re.sub(r"“[^”]*”", blank, text)
    text = re.sub(r'"[^"\n]*"', blank, text)
    text = re.sub(r"^\s*>.*$", blank, text, flags=re.MULTILINE)
    text = re.sub(r"^\s*#.*$", blank, text, flags=re.MULTILINE)
    # What the learner is asked to try, and questions, state nothing.
    text = re.sub(r"^\s*\*\*(what to try|try this|questions?|your turn)\b.*", blank, text,
                  flags=re.IGNORECASE | re.MULTILINE | re.DOTALL)
    return blank_questions(text)


def blank_questions(text):
    """Blanks every sentence that ends with a question mark (back to the previous '. ', '! ', ': ',
    a blank line or a list item's start)."""
    chars = list(text)
    for mark in [m.start() for m in re.finditer(r"\?", text)]:
        start = mark
        while start > 0:
            prev = text[start - 1]
            if prev in ".!:;" and start < len(text) and text[start].isspace():
                break
            if text[max(0, start - 2):start] == "\n\n" or re.match(r"\n\s*[-*] $", text[max(0, start - 4):start]):
                break
            start -= 1
        for i in range(start, mark + 1):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def claims(markdown, literals):
    """(kind, text, line) of every claim in one markdown cell."""
    found = []
    text = prose(markdown)
    for number, line in enumerate(text.split("\n"), start=1):
        for match in NUMBER.finditer(line):
            token, unit = match.group(1), match.group(2)
            v = value(token)
            if v is None:
                continue
            before = line[:match.start()].rstrip()
            if REFERENCE.search(before):
                continue
            if not unit and 1900 <= v <= 2100 and "." not in token:
                continue  # a year
            if not unit and v == int(v) and 0 <= v <= 10 and "." not in token:
                continue  # two curves, 3 steps of a hand example: counting words, not measurements
            if v in literals and (not unit or unit.strip() == "%"):
                continue  # a constant the code sets (β = 0.9, 500 steps, a 5 % tolerance)
            found.append(("number", (token + (unit or "")).strip(), number))
        for match in COMPARISONS.finditer(line):
            found.append(("comparison", match.group(0), number))
    return found


def heading(markdown):
    """(level, text) of the cell's first heading line, or None."""
    for line in markdown.splitlines():
        m = re.match(r"^(#{1,6})\s+(.*)$", line.strip())
        if m:
            return len(m.group(1)), m.group(2).strip()
    return None


def is_exercise_check(cell):
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def binds(cell):
    """A code cell that checks the computation (not a learner's exercise) binds the prose after it."""
    return cell is not None and cell.get("cell_type") == "code" and "Checks." in source(cell) \
        and not is_exercise_check(cell)


def audit(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    cells = nb.get("cells", [])
    literals = code_literals(cells)
    summary_level = instruction_level = None
    report = {"notebook": os.path.basename(path), "claims": 0, "bound": 0, "unbound": [], "summary_unbound": 0}
    previous = None
    for index, cell in enumerate(cells):
        text = source(cell)
        if cell.get("cell_type") == "markdown":
            h = heading(text)
            if h:
                level, title = h
                if summary_level is not None and level <= summary_level:
                    summary_level = None
                if instruction_level is not None and level <= instruction_level:
                    instruction_level = None
                if SUMMARY_HEADINGS.match(title):
                    summary_level = level
                if INSTRUCTION_HEADINGS.match(title):
                    instruction_level = level
            found = [] if instruction_level is not None else claims(text, literals)
            report["claims"] += len(found)
            if binds(previous):
                report["bound"] += len(found)
            else:
                lines = text.split("\n")
                for kind, token, line in found:
                    in_summary = summary_level is not None
                    report["unbound"].append({"cell": index, "line": line, "kind": kind, "claim": token,
                                              "summary": in_summary, "text": lines[line - 1].strip()[:160]})
                    report["summary_unbound"] += in_summary
        previous = cell
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--json", help="write the whole report here")
    parser.add_argument("--all", action="store_true", help="list every unbound claim, not only the summaries'")
    args = parser.parse_args(argv)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = args.notebooks or sorted(glob.glob(os.path.join(root, "notebooks", "*.ipynb")))
    if not paths:
        print("claims audit: no notebooks found", file=sys.stderr)
        return 2
    reports = []
    for path in paths:
        try:
            reports.append(audit(path))
        except (OSError, ValueError) as e:
            print(f"claims audit: cannot read {path}: {e}", file=sys.stderr)
            return 2
    print(f"{'notebook':34} {'claims':>6} {'bound':>6} {'unbound':>8} {'in summaries':>13}")
    for r in reports:
        print(f"{r['notebook']:34} {r['claims']:6d} {r['bound']:6d} {len(r['unbound']):8d} {r['summary_unbound']:13d}")
    failing = sum(r["summary_unbound"] for r in reports)
    for r in reports:
        for u in r["unbound"]:
            if u["summary"] or args.all:
                where = "SUMMARY " if u["summary"] else ""
                print(f"  {where}{r['notebook']}[{u['cell']}] line {u['line']}: {u['kind']} '{u['claim']}': {u['text']}")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(reports, f, indent=1, ensure_ascii=False)
    total = sum(len(r["unbound"]) for r in reports)
    print(f"claims audit: {sum(r['claims'] for r in reports)} claims, {total} unbound, "
          f"{failing} unbound in summary sections" + (" (each must be written by a cell or follow a check)" if failing else ""))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
