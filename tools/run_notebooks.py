"""Executes course notebooks headless with the course kernel and writes, under OUT (default
target/course/): the executed notebooks, a self-contained HTML page for each, an index page and
results.json. Prints a table (notebook, status, seconds); a failing cell is reported with the
notebook, the cell number, the error and the line. Exit status 1 on any failure.

Run through bin/course run, which builds the kernel and sets JUPYTER_PATH first.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

KERNEL_NAME = "optimizers-course-java"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINE_HINT = re.compile(r"(cell line \d+|cell \[\d+\], line \d+|line \d+)")


def kernel_pids(connection_file):
    """PIDs of kernel JVMs started with this connection file (so other running kernels do not count)."""
    out = subprocess.run(["pgrep", "-f", f"course.kernel.Main {connection_file}"], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def failure_details(nb, error):
    """(cell number, error name, message, line hint) of the first cell whose output is an error."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                trace = ANSI.sub("", "\n".join(output.get("traceback", [])))
                hint = LINE_HINT.search(trace)
                return index + 1, output.get("ename", "Error"), output.get("evalue", ""), hint.group(1) if hint else ""
    return None, type(error).__name__, str(error).strip().splitlines()[-1] if str(error).strip() else "", ""


def to_html(nb, path):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter()
    exporter.embed_images = True
    body, _ = exporter.from_notebook_node(nb)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def run_one(path, out_dir, timeout, allow_errors):
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", KERNEL_NAME)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=allow_errors,
                            shutdown_kernel="immediate", interrupt_on_timeout=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    connection = []
    client.on_notebook_start = lambda **_: connection.append(client.km.connection_file)
    started = time.perf_counter()
    status, detail = "ok", ""
    try:
        client.execute()
    except CellTimeoutError as e:
        status, detail = "timeout", f"a cell ran longer than {timeout} s: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
    except DeadKernelError as e:
        status, detail = "dead kernel", f"the kernel died: {e}"
    except CellExecutionError as e:
        cell, ename, evalue, line = failure_details(nb, e)
        status = "failed"
        detail = f"cell {cell}: {ename}: {evalue}" + (f" ({line})" if line and line not in evalue else "")
    except Exception as e:  # a missing kernel, a broken notebook file: still one clear line
        status, detail = "error", f"{type(e).__name__}: {e}"
    seconds = time.perf_counter() - started
    os.makedirs(out_dir, exist_ok=True)
    executed = os.path.join(out_dir, name + ".ipynb")
    nbformat.write(nb, executed)
    try:
        to_html(nb, os.path.join(out_dir, name + ".html"))
    except Exception as e:
        if status == "ok":
            status, detail = "error", f"HTML export failed: {e}"
    left = set()
    for attempt in range(20):
        left = set().union(*(kernel_pids(c) for c in connection)) if connection else set()
        if not left:
            break
        time.sleep(0.25)
    if left and status == "ok":
        status, detail = "orphan", f"the kernel JVM outlived the notebook: pid {sorted(left)}"
    return {"notebook": os.path.basename(path), "status": status, "seconds": round(seconds, 1), "detail": detail,
            "executed": executed, "html": os.path.join(out_dir, name + ".html")}


def write_index(results, out_dir):
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(os.path.basename(r["html"]))}">{html.escape(r["notebook"])}</a></td>'
        f'<td>{html.escape(r["status"])}</td><td style="text-align:right">{r["seconds"]:.1f}</td>'
        f'<td>{html.escape(r["detail"])}</td></tr>' for r in results)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Optimizers course: executed notebooks</title>
<style>body{{font-family:sans-serif;margin:2em}} td,th{{padding:4px 12px;border-bottom:1px solid #ddd}}</style>
</head><body><h1>Optimizers course: executed notebooks</h1>
<p>Mode: {"quick" if os.environ.get("COURSE_QUICK") == "1" else "full"}; written {time.strftime("%Y-%m-%d %H:%M:%S")}.</p>
<table><tr><th>notebook</th><th>status</th><th>seconds</th><th>detail</th></tr>
{rows}
</table></body></html>
"""
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)


def main():
    parser = argparse.ArgumentParser(description="Execute course notebooks headless.")
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--out", default="target/course")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("COURSE_CELL_TIMEOUT", "600")),
                        help="seconds a single cell may run (default 600)")
    parser.add_argument("--allow-errors", action="store_true")
    args = parser.parse_args()

    results = []
    width = max(len(os.path.basename(n)) for n in args.notebooks)
    print(f"{'notebook':<{width}}  {'status':<11} {'seconds':>8}", flush=True)
    for path in args.notebooks:
        if not os.path.isfile(path):
            result = {"notebook": os.path.basename(path), "status": "missing", "seconds": 0.0,
                      "detail": f"no such notebook: {path}", "executed": "", "html": ""}
        else:
            result = run_one(path, args.out, args.timeout, args.allow_errors)
        results.append(result)
        print(f"{result['notebook']:<{width}}  {result['status']:<11} {result['seconds']:>8.1f}", flush=True)
        if result["status"] != "ok":
            print(f"  {result['notebook']}: {result['detail']}", flush=True)
    write_index(results, args.out)
    failed = [r for r in results if r["status"] != "ok"]
    print(f"notebooks: {len(results) - len(failed)} passed, {len(failed)} failed; output in {args.out}/ (index.html)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
