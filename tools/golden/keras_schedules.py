#!/usr/bin/env python3
"""Golden learning rates from Keras 3's keras.optimizers.schedules, in float64, for lib's schedule tests.

Needs Keras 3 on JAX in float64, in the bench environment (never the course's .venv, never CI):
    python3 -m venv /tmp/bench-env && /tmp/bench-env/bin/pip install -r tools/golden/requirements-bench.txt
    KERAS_BACKEND=jax /tmp/bench-env/bin/python tools/golden/keras_schedules.py
which rewrites lib/src/test/resources/golden/keras-schedules.json. Deterministic: no randomness, the
same versions give the same file.

Every case hands the schedule to a real keras.optimizers.SGD as its learning_rate, as one trains in
Keras, and runs it for "steps" steps on one float64 variable set to 0 and given gradient 1 before each
step, so that the step leaves it at exactly -lr: the rate the (k+1)-th apply_gradients applied, i.e.
schedule(optimizer.iterations) with iterations = k, is step k of the Java schedules (0-based).

"options" holds exactly the keyword arguments passed to Keras; anything absent took Keras's default,
so the Java test also checks that the Java defaults equal Keras's.

float32 inside float64: on the JAX (and PyTorch) backend, Keras's type promotion
(keras.src.backend.common.dtypes.result_type) maps float64 results to float32 ("to be aligned with
JAX's default"), and ops.cos and ops.log promote through it, so CosineDecay and CosineDecayRestarts
return float32 numbers even with floatx float64 and float64 inputs; the TensorFlow backend keeps
float64 there. Each case is therefore run twice: as Keras ships ("lr_jax", with "jax_dtype"), and with
that one mapping switched off for float64 ("lr": Keras's own code evaluated in float64, which the
1e-10 replay uses). Where Keras stays in float64 the two agree to the last bits and "lr" is the rate the
optimizer applied; elsewhere they must agree to float32 rounding, and "lr_jax" holds the shipped rates
("jax_dtype" is the dtype Keras returns, which with warm-up is float64 around a float32 cosine).
"""
import contextlib
import json
import math
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "jax")

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras.src.backend.common import dtypes as keras_dtypes  # noqa: E402

if keras.backend.backend() != "jax":
    sys.exit("run with KERAS_BACKEND=jax (the float64 setup here is JAX's)")
keras.config.set_floatx("float64")  # Python floats become float64 tensors: the schedules compute in float64

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "lib", "src", "test", "resources", "golden", "keras-schedules.json")
S = keras.optimizers.schedules


@contextlib.contextmanager
def float64_kept():
    """Keras's type promotion without its float64 -> float32 step (what the TensorFlow backend does)."""
    mapping = keras_dtypes.BIT64_TO_BIT32_DTYPE
    saved = mapping["float64"]
    mapping["float64"] = "float64"
    try:
        yield
    finally:
        mapping["float64"] = saved


def shipped_rates(name, schedule, steps):
    """The learning rate a keras.optimizers.SGD applies at each of its first `steps` steps, and its dtype."""
    variable = keras.Variable(np.zeros(1), dtype="float64")
    optimizer = keras.optimizers.SGD(learning_rate=schedule)
    optimizer.build([variable])
    dtype = str(np.asarray(optimizer.learning_rate).dtype)
    one = jnp.ones(1, dtype=jnp.float64)
    lrs = []
    for k in range(steps):
        if int(optimizer.iterations.numpy()) != k:
            sys.exit(f"{name}: optimizer.iterations is {optimizer.iterations.numpy()} before step {k}")
        variable.assign(np.zeros(1))
        optimizer.apply_gradients([(one, variable)])
        lrs.append(-float(variable.numpy()[0]))  # 0 - lr * 1, exactly
    return lrs, dtype


def float64_rates(name, schedule, steps):
    """schedule(k) for every step with float64 kept, compiled once (ops.cond would retrace every call)."""
    at = jax.jit(lambda k: schedule(k))
    lrs = []
    for k in range(steps):
        lr = at(jnp.asarray(k, dtype=jnp.int64))
        if np.asarray(lr).dtype != np.float64:
            sys.exit(f"{name}: the schedule computes in {np.asarray(lr).dtype} even with float64 kept")
        lrs.append(float(lr))
    return lrs


def run(name, schedule_class, steps, **options):
    started = time.time()
    make = getattr(S, schedule_class)
    shipped, shipped_dtype = shipped_rates(name, make(**options), steps)
    with float64_kept():
        lrs = float64_rates(name, make(**options), steps)
    if not all(math.isfinite(v) for v in lrs + shipped):
        sys.exit(f"{name}: a learning rate is not finite")
    peak = max(abs(v) for v in lrs)
    # Compiled, XLA's float64 log can land an ulp short of a whole number, and Keras's closed-form cycle
    # index floor(log(1 + f (t_mul - 1)) / log(t_mul)) then starts a restart one step late (the float32
    # log and the eager float64 one do not, here): such steps are evaluated again eagerly, and listed.
    late = []
    for k in range(steps):
        if abs(lrs[k] - shipped[k]) > 1e-6 * peak:
            with float64_kept():
                eager = float(make(**options)(k))
            if abs(eager - shipped[k]) > 1e-6 * peak:
                sys.exit(f"{name}: step {k}: {lrs[k]} compiled, {eager} eager, {shipped[k]} as shipped")
            lrs[k] = eager
            late.append(k)
    case = {"name": name, "schedule": schedule_class, "options": options, "steps": steps, "lr": lrs,
            "jax_dtype": shipped_dtype}
    if late:
        case["restart_late_under_jit_float64"] = late
    worst = max(abs(a - b) for a, b in zip(shipped, lrs)) / peak
    if worst <= 1e-14:
        # float64 both ways (compiled and eager round differently in the last bits): keep what the optimizer applied
        case["lr"] = shipped
    else:
        # float32 inside (CosineDecay with warm-up returns float64 through ops.cond, but its cosine was float32)
        if worst > 1e-6:
            sys.exit(f"{name}: the shipped ({shipped_dtype}) run differs by {worst:.2e} of the peak rate, "
                     "more than float32 rounding")
        case["lr_jax"] = shipped
    print(f"  {name}: {steps} steps, shipped in {shipped_dtype}, differs from float64 by {worst:.1e} of the peak"
          f"{f', restarts late under jit at {late}' if late else ''} ({time.time() - started:.0f} s)")
    return case


def cases():
    out = []
    # ExponentialDecay: lr0 * rate^(k / s), staircase: rate^floor(k / s); no defaults but staircase
    out.append(run("ExponentialDecay/0.1,s=10,rate=0.5", "ExponentialDecay", 100,
                   initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5))
    out.append(run("ExponentialDecay/0.1,s=10,rate=0.5,staircase", "ExponentialDecay", 100,
                   initial_learning_rate=0.1, decay_steps=10, decay_rate=0.5, staircase=True))
    out.append(run("ExponentialDecay/1.0,s=7,rate=0.96", "ExponentialDecay", 300,
                   initial_learning_rate=1.0, decay_steps=7, decay_rate=0.96))

    # InverseTimeDecay: lr0 / (1 + rate * k / s), staircase: floor(k / s)
    out.append(run("InverseTimeDecay/0.1,s=5,rate=0.5", "InverseTimeDecay", 100,
                   initial_learning_rate=0.1, decay_steps=5, decay_rate=0.5))
    out.append(run("InverseTimeDecay/0.1,s=5,rate=0.5,staircase", "InverseTimeDecay", 100,
                   initial_learning_rate=0.1, decay_steps=5, decay_rate=0.5, staircase=True))
    out.append(run("InverseTimeDecay/0.3,s=1,rate=1", "InverseTimeDecay", 200,
                   initial_learning_rate=0.3, decay_steps=1, decay_rate=1.0))

    # PiecewiseConstantDecay: values[i] while boundaries[i-1] < k <= boundaries[i] (the change comes at
    # boundary + 1); a boundary at 0 changes the rate from step 1 on
    out.append(run("PiecewiseConstantDecay/[10,25,60]", "PiecewiseConstantDecay", 100,
                   boundaries=[10, 25, 60], values=[0.1, 0.05, 0.01, 0.001]))
    out.append(run("PiecewiseConstantDecay/[0,1,50],rising", "PiecewiseConstantDecay", 100,
                   boundaries=[0, 1, 50], values=[0.001, 0.01, 0.1, 0.02]))

    # PolynomialDecay: (lr0 - end) * (1 - min(k, S)/S)^power + end; cycle stretches S to S*ceil(k/S)
    out.append(run("PolynomialDecay/0.1,S=50 (defaults)", "PolynomialDecay", 100,
                   initial_learning_rate=0.1, decay_steps=50))
    out.append(run("PolynomialDecay/0.1,S=40,end=0.01,power=2", "PolynomialDecay", 100,
                   initial_learning_rate=0.1, decay_steps=40, end_learning_rate=0.01, power=2.0))
    out.append(run("PolynomialDecay/0.1,S=30,end=0.001,power=0.5,cycle", "PolynomialDecay", 150,
                   initial_learning_rate=0.1, decay_steps=30, end_learning_rate=0.001, power=0.5, cycle=True))
    out.append(run("PolynomialDecay/0.05,S=25,power=1,cycle", "PolynomialDecay", 120,
                   initial_learning_rate=0.05, decay_steps=25, cycle=True))

    # CosineDecay: lr0 * ((1 - alpha) * (1 + cos(pi * min(k, S) / S)) / 2 + alpha), with an optional
    # linear warm-up from lr0 to warmup_target over warmup_steps first
    out.append(run("CosineDecay/0.1,S=80", "CosineDecay", 120, initial_learning_rate=0.1, decay_steps=80))
    out.append(run("CosineDecay/0.1,S=60,alpha=0.1", "CosineDecay", 100,
                   initial_learning_rate=0.1, decay_steps=60, alpha=0.1))
    out.append(run("CosineDecay/0->0.1 over 20,S=80,alpha=0.05", "CosineDecay", 130,
                   initial_learning_rate=0.0, decay_steps=80, alpha=0.05, warmup_target=0.1, warmup_steps=20))
    out.append(run("CosineDecay/0.01->0.2 over 7,S=50", "CosineDecay", 100,
                   initial_learning_rate=0.01, decay_steps=50, warmup_target=0.2, warmup_steps=7))

    # CosineDecayRestarts (SGDR): cycles of S, S*t_mul, S*t_mul^2, ... steps, the i-th starting at
    # lr0 * ((1 - alpha) * m_mul^i + alpha); the floor alpha * lr0 is not scaled by m_mul
    out.append(run("CosineDecayRestarts/0.1,S=10 (defaults: t_mul=2)", "CosineDecayRestarts", 200,
                   initial_learning_rate=0.1, first_decay_steps=10))
    out.append(run("CosineDecayRestarts/0.1,S=10,t_mul=1,m_mul=0.8,alpha=0.1", "CosineDecayRestarts", 100,
                   initial_learning_rate=0.1, first_decay_steps=10, t_mul=1.0, m_mul=0.8, alpha=0.1))
    out.append(run("CosineDecayRestarts/0.1,S=7,t_mul=1.5,m_mul=0.5,alpha=0.05", "CosineDecayRestarts", 200,
                   initial_learning_rate=0.1, first_decay_steps=7, t_mul=1.5, m_mul=0.5, alpha=0.05))
    out.append(run("CosineDecayRestarts/0.2,S=5,t_mul=3,m_mul=0.9", "CosineDecayRestarts", 200,
                   initial_learning_rate=0.2, first_decay_steps=5, t_mul=3.0, m_mul=0.9))
    out.append(run("CosineDecayRestarts/0.1,S=1,t_mul=2,m_mul=1.2,alpha=0.01", "CosineDecayRestarts", 140,
                   initial_learning_rate=0.1, first_decay_steps=1, t_mul=2.0, m_mul=1.2, alpha=0.01))
    return out


def main():
    data = {
        "generator": "tools/golden/keras_schedules.py",
        "keras": keras.__version__,
        "backend": "jax " + jax.__version__,
        "dtype": "float64",
        "note": "lr[k]: the rate schedule(k) gives in float64 (Keras's promotion without its float64 -> float32 "
                "step); lr_jax[k], where it differs: the rate a keras.optimizers.SGD given the schedule applied "
                "at its (k+1)-th step (optimizer.iterations = k) as Keras ships on JAX",
        "cases": cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"wrote {len(data['cases'])} cases to {os.path.relpath(OUT, ROOT)} (Keras {keras.__version__}, "
          f"JAX {jax.__version__})")


if __name__ == "__main__":
    main()
