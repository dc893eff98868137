"""How tools/mnist_torch.py and tools/mnist_keras.py time their training steps for `bin/course bench`
(course.bench.MnistVsPeers reads the JSON they print): the same threads, the same clocks, the same keys.

Threads: `limit_threads(n)` pins the process to its first n CPUs before the framework starts its thread
pools (PyTorch's and XLA's pools size themselves from the CPUs the process may run on), and caps the
usual OpenMP/MKL variables, so "1 thread" means one core for every peer.
Clocks: wall time per step (perf_counter) and the CPU time of the whole process per step (process_time:
every thread of the framework, which waiting for a busy core does not add to).
"""
import os
import time


def limit_threads(n):
    """Run on the first n CPUs this process may use (all of them when n is at least that many)."""
    allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if allowed and n < len(allowed):
        os.sched_setaffinity(0, allowed[:n])
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[variable] = str(n)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else n


def time_steps(step, warmup, steps):
    """Runs step(k) for k = 0 .. warmup + steps - 1 (step must wait for its result, e.g. return the loss
    as a Python float); the timing keys of the JSON for the steps after the warm-up."""
    if steps < 1 or warmup < 0:
        raise ValueError(f"steps must be at least 1 and warmup at least 0, got {steps} and {warmup}")
    walls, cpus, loss = [], [], float("nan")
    for k in range(warmup + steps):
        t0, c0 = time.perf_counter(), time.process_time()
        loss = step(k)
        if k >= warmup:
            walls.append((time.perf_counter() - t0) * 1000)
            cpus.append((time.process_time() - c0) * 1000)
    return {"steps": len(walls), "ms_per_step_median": median(walls), "ms_per_step_mean": sum(walls) / len(walls),
            "cpu_ms_per_step_median": median(cpus), "last_loss": float(loss)}


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
