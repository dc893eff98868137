"""Starts the course kernel N times in a row (default 300) through jupyter_client and counts the
starts that do not answer kernel_info within 10 s. Each kernel is then shut down the way Jupyter
does it (a shutdown request), and the script checks its JVM really exited.

Usage: ../../../../.venv/bin/python kernel_start_stress.py [--starts N] [--kernel NAME] [--json OUT]
Exit status 1 when any start failed or any kernel outlived its shutdown.
"""
import argparse
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

import kernelspecs

READY_TIMEOUT_S = 10.0


def one_start(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    ok = True
    try:
        kc.wait_for_ready(timeout=READY_TIMEOUT_S)
        elapsed = time.perf_counter() - started
    except RuntimeError:
        ok = False
        elapsed = time.perf_counter() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=not ok)
    orphan = km.has_kernel and km.is_alive()
    return ok, elapsed, orphan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=300)
    parser.add_argument("--kernel", default=kernelspecs.KERNEL_NAME)
    parser.add_argument("--json", help="write the measurements here")
    args = parser.parse_args()
    kernelspecs.prepare_variants()

    times, failures, orphans = [], 0, 0
    wall = time.perf_counter()
    for i in range(1, args.starts + 1):
        ok, elapsed, orphan = one_start(args.kernel)
        times.append(elapsed)
        failures += 0 if ok else 1
        orphans += 1 if orphan else 0
        if not ok:
            print(f"start {i}: no kernel_info reply within {READY_TIMEOUT_S:.0f} s", file=sys.stderr)
        if i % 50 == 0 or i == args.starts:
            print(f"  {i}/{args.starts} starts, {failures} failed, median so far "
                  f"{statistics.median(times) * 1000:.0f} ms", file=sys.stderr, flush=True)
    result = {
        "kernel": args.kernel,
        "starts": args.starts,
        "failures": failures,
        "orphans": orphans,
        "median_ms": round(statistics.median(times) * 1000, 1),
        "worst_ms": round(max(times) * 1000, 1),
        "wall_s": round(time.perf_counter() - wall, 1),
    }
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    print(f"kernel start stress: {result['starts']} starts, {failures} failed (no kernel_info within "
          f"{READY_TIMEOUT_S:.0f} s), {orphans} orphan JVMs, median {result['median_ms']:.0f} ms, "
          f"worst {result['worst_ms']:.0f} ms, {result['wall_s']:.0f} s in all")
    return 1 if failures or orphans else 0


if __name__ == "__main__":
    sys.exit(main())
