#!/usr/bin/env python3
"""Golden optimizer trajectories from Keras 3's own optimizers, in float64, for lib's parity tests.

Needs Keras 3 with the JAX backend (a CPU wheel) in float64, in the bench environment (never the
course's .venv, never CI):
    python3 -m venv /tmp/bench-env && /tmp/bench-env/bin/pip install -r tools/golden/requirements-bench.txt
    KERAS_BACKEND=jax /tmp/bench-env/bin/python tools/golden/keras_optimizers.py
which rewrites lib/src/test/resources/golden/keras-optimizers.json. Deterministic: the same versions
give the same file. Each case records the gradient Keras saw before every step, the parameters after
it and the learning rate of every step (the scheduled cases halve it every 40 steps, assigned to the
optimizer between steps, as a Keras LearningRateSchedule would). The Java test replays the recorded
gradients through our Keras-convention optimizers and compares every step.

The problems, start points and gradient sequence are those of tools/golden/torch_optimizers.py.
"""
import json
import math
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

if keras.backend.backend() != "jax":
    sys.exit("run with KERAS_BACKEND=jax (the float64 setup here is JAX's)")
keras.config.set_floatx("float64")  # the optimizer's own variables (learning rate, moments) too

STEPS = 150
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "lib", "src", "test", "resources", "golden",
                   "keras-optimizers.json")


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2


def ill_conditioned(p):
    return 0.1 * p[0] ** 2 + 2 * p[1] ** 2


def saddle(p):
    return p[0] ** 2 - p[1] ** 2


# name -> (function, start, learning rate for the SGD family, which has no scale-free step)
PROBLEMS = {
    "rosenbrock": (rosenbrock, [-1.5, 2.0], 2e-4),
    "beale": (beale, [1.0, 1.5], 1e-3),
    "ill-conditioned": (ill_conditioned, [-3.0, 2.0], 0.05),
    "saddle": (saddle, [1.0, 1e-3], 0.01),
}


def gradient_sequence():
    """A fixed 6-D gradient sequence with mixed scales, sign flips, zeros and rare spikes (numpy's seeded
    generator; not the torch file's numbers, the same kind of sequence)."""
    generator = np.random.default_rng(20261207)
    scales = np.array([1.0, 1e-3, 10.0, 0.5, 1e-6, 3.0])
    grads = []
    for k in range(STEPS):
        g = generator.standard_normal(6) * scales
        if k % 7 == 3:
            g[1] = 0.0
        if k % 37 == 11:
            g[3] *= 100.0
        grads.append(g)
    return grads


O = keras.optimizers
CASES = [
    # (name, Keras class, options, uses the SGD family's learning rate per problem)
    ("sgd", O.SGD, {}, True),
    ("sgd-weight-decay", O.SGD, {"weight_decay": 0.1}, True),
    ("momentum", O.SGD, {"momentum": 0.9}, True),
    ("momentum-weight-decay", O.SGD, {"momentum": 0.5, "weight_decay": 0.05}, True),
    ("nesterov", O.SGD, {"momentum": 0.9, "nesterov": True}, True),
    ("adagrad", O.Adagrad, {"learning_rate": 0.01}, False),
    ("adagrad-options", O.Adagrad, {"learning_rate": 0.05, "initial_accumulator_value": 0.5, "epsilon": 1e-6}, False),
    ("rmsprop", O.RMSprop, {}, False),
    ("rmsprop-centered", O.RMSprop, {"centered": True}, False),
    ("rmsprop-momentum", O.RMSprop, {"momentum": 0.9}, False),
    ("rmsprop-centered-momentum", O.RMSprop, {"centered": True, "momentum": 0.5, "rho": 0.8, "epsilon": 1e-6}, False),
    ("adadelta", O.Adadelta, {"learning_rate": 1.0}, False),
    ("adadelta-options", O.Adadelta, {"learning_rate": 0.5, "rho": 0.9, "epsilon": 1e-5}, False),
    ("adam", O.Adam, {}, False),
    ("adam-options", O.Adam, {"learning_rate": 0.05, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-6}, False),
    ("adam-amsgrad", O.Adam, {"amsgrad": True, "learning_rate": 0.01}, False),
    ("adamw", O.AdamW, {}, False),
    ("adamw-options", O.AdamW, {"learning_rate": 0.01, "weight_decay": 0.1, "amsgrad": True}, False),
    ("adamax", O.Adamax, {}, False),
    ("adamax-options", O.Adamax, {"learning_rate": 0.01, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-6}, False),
    ("nadam", O.Nadam, {}, False),
    ("nadam-options", O.Nadam, {"learning_rate": 0.01, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-6}, False),
    ("lion", O.Lion, {}, False),
    ("lion-options", O.Lion, {"learning_rate": 0.01, "beta_1": 0.8, "beta_2": 0.9, "weight_decay": 0.05}, False),
]

# Cases re-run with the learning rate halved every 40 steps, assigned before the step.
SCHEDULED = {"momentum", "nesterov", "rmsprop-momentum", "adam", "adagrad"}


def run(case, problem_name, scheduled):
    name, cls, options, sgd_family = case
    options = dict(options)
    if sgd_family:
        options["learning_rate"] = PROBLEMS[problem_name][2] if problem_name in PROBLEMS else 0.01
    if problem_name in PROBLEMS:
        function, start, _ = PROBLEMS[problem_name]
        gradient = jax.grad(lambda p: function(p))
        sequence = None
    else:
        gradient, start, sequence = None, [0.3, -1.2, 2.0, 0.0, 5.0, -0.7], gradient_sequence()
    variable = keras.Variable(np.array(start, dtype=np.float64), dtype="float64")
    optimizer = cls(**options)
    optimizer.build([variable])
    base = float(optimizer.learning_rate)
    grads, params, lrs = [], [], []
    for k in range(STEPS):
        lr = base * 0.5 ** (k // 40) if scheduled else base
        optimizer.learning_rate.assign(lr)
        point = jnp.asarray(variable.numpy())
        g = np.asarray(gradient(point) if sequence is None else sequence[k], dtype=np.float64)
        grads.append(g.tolist())
        lrs.append(lr)
        optimizer.apply_gradients([(jnp.asarray(g), variable)])
        params.append(np.asarray(variable.numpy(), dtype=np.float64).tolist())
    if variable.dtype != "float64" or optimizer.learning_rate.dtype != "float64":
        sys.exit(f"{name}: the variable is {variable.dtype} and the learning rate {optimizer.learning_rate.dtype}, "
                 "not float64")
    if not all(math.isfinite(x) for row in params for x in row):
        sys.exit(f"{name} on {problem_name} diverged: choose a smaller learning rate")
    return {
        "name": f"{name}{'-scheduled' if scheduled else ''}/{problem_name}",
        "optimizer": cls.__name__,
        "options": options,
        "start": start,
        "lr": lrs,
        "grad": grads,
        "params": params,
    }


def main():
    cases = []
    for case in CASES:
        for problem_name in list(PROBLEMS) + ["gradient-sequence"]:
            cases.append(run(case, problem_name, False))
        if case[0] in SCHEDULED:
            cases.append(run(case, "rosenbrock", True))
            cases.append(run(case, "gradient-sequence", True))
    document = {
        "generator": "tools/golden/keras_optimizers.py",
        "keras": keras.__version__,
        "backend": "jax " + jax.__version__,
        "dtype": "float64",
        "steps": STEPS,
        "cases": cases,
    }
    with open(OUT, "w") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {len(cases)} cases x {STEPS} steps to {os.path.relpath(OUT)} (Keras {keras.__version__}, "
          f"JAX {jax.__version__})")


if __name__ == "__main__":
    main()
