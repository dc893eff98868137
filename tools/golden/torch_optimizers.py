#!/usr/bin/env python3
"""Golden optimizer trajectories from torch.optim, in float64, for lib's parity tests.

Regenerate in the bench environment (PyTorch 2.15.0 from PyPI, tools/golden/requirements-bench.txt;
never the course's .venv, never CI) from the repository root with
    python3 -m venv /tmp/bench-env && /tmp/bench-env/bin/pip install -r tools/golden/requirements-bench.txt
    /tmp/bench-env/bin/python tools/golden/torch_optimizers.py
which rewrites lib/src/test/resources/golden/torch-optimizers.json. Deterministic: the same torch
version gives the same file. Each case records the gradient torch saw before every step and the
parameters after it, and the learning rate of every step (some cases change it on the way, to
check that a schedule acts on each convention as torch's does); ASGD's cases also record its
averaged parameters (state["ax"]) after every step. The Java test replays the recorded gradients
through our PyTorch-convention optimizers and compares every step. The maximize cases climb the
negated objective (maximize=True with -f), so they walk the same valleys as the others.
"""
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
STEPS = 150
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "lib", "src", "test", "resources", "golden",
                   "torch-optimizers.json")


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
    """A fixed 6-D gradient sequence with mixed scales, sign flips, zeros and rare spikes."""
    gen = torch.Generator().manual_seed(20261123)
    scales = torch.tensor([1.0, 1e-3, 10.0, 0.5, 1e-6, 3.0])
    grads = []
    for k in range(STEPS):
        g = torch.randn(6, generator=gen) * scales
        if k % 7 == 3:
            g[1] = 0.0  # a coordinate that is sometimes silent (AdaGrad's sparse case)
        if k % 37 == 11:
            g[3] *= 100.0  # a rare spike
        grads.append(g)
    return grads


SGD = "SGD"
CASES = [
    # (name, optimizer class, options, uses SGD-family learning rate)
    ("sgd", torch.optim.SGD, {}, True),
    ("sgd-weight-decay", torch.optim.SGD, {"weight_decay": 0.1}, True),
    ("momentum", torch.optim.SGD, {"momentum": 0.9}, True),
    ("momentum-dampening", torch.optim.SGD, {"momentum": 0.9, "dampening": 0.5}, True),
    ("momentum-weight-decay", torch.optim.SGD, {"momentum": 0.5, "weight_decay": 0.05}, True),
    ("nesterov", torch.optim.SGD, {"momentum": 0.9, "nesterov": True}, True),
    ("nesterov-weight-decay", torch.optim.SGD, {"momentum": 0.8, "nesterov": True, "weight_decay": 0.05}, True),
    ("adagrad", torch.optim.Adagrad, {}, False),
    ("adagrad-lr-decay", torch.optim.Adagrad, {"lr": 0.05, "lr_decay": 0.01}, False),
    ("adagrad-initial-accumulator", torch.optim.Adagrad, {"initial_accumulator_value": 0.5, "eps": 1e-6}, False),
    ("adagrad-weight-decay", torch.optim.Adagrad, {"weight_decay": 0.1}, False),
    ("rmsprop", torch.optim.RMSprop, {}, False),
    ("rmsprop-centered", torch.optim.RMSprop, {"centered": True}, False),
    ("rmsprop-momentum", torch.optim.RMSprop, {"momentum": 0.9, "lr": 0.001}, False),
    ("rmsprop-centered-momentum", torch.optim.RMSprop,
     {"centered": True, "momentum": 0.5, "alpha": 0.9, "eps": 1e-6, "lr": 0.002}, False),
    ("rmsprop-weight-decay", torch.optim.RMSprop, {"weight_decay": 0.1}, False),
    ("adadelta", torch.optim.Adadelta, {}, False),
    ("adadelta-options", torch.optim.Adadelta, {"lr": 0.5, "rho": 0.95, "eps": 1e-5}, False),
    ("adadelta-weight-decay", torch.optim.Adadelta, {"weight_decay": 0.1}, False),
    ("adam", torch.optim.Adam, {}, False),
    ("adam-options", torch.optim.Adam, {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-6}, False),
    ("adam-amsgrad", torch.optim.Adam, {"amsgrad": True, "lr": 0.01}, False),
    ("adam-weight-decay", torch.optim.Adam, {"weight_decay": 0.1, "lr": 0.01}, False),
    ("adamw", torch.optim.AdamW, {}, False),
    ("adamw-options", torch.optim.AdamW, {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}, False),
    ("adamax", torch.optim.Adamax, {}, False),
    ("adamax-options", torch.optim.Adamax, {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.05}, False),
    # torch 1.13's default (single-tensor) NAdam multiplied mu into mu_product_next twice, a bug fixed in
    # PyTorch 2.0 (pytorch/pytorch#92699): 2.x's default implementation is the reference now.
    ("nadam", torch.optim.NAdam, {}, False),
    ("nadam-options", torch.optim.NAdam, {"lr": 0.01, "momentum_decay": 0.01, "weight_decay": 0.05}, False),
    ("nadam-decoupled", torch.optim.NAdam, {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}, False),
    ("radam", torch.optim.RAdam, {}, False),
    ("radam-options", torch.optim.RAdam, {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.05}, False),
    ("radam-decoupled", torch.optim.RAdam, {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}, False),
    # ASGD averages only after t0 steps (default 1e6): short t0s show the averaging
    ("asgd", torch.optim.ASGD, {"t0": 20.0}, True),
    ("asgd-defaults", torch.optim.ASGD, {}, True),
    ("asgd-options", torch.optim.ASGD, {"t0": 5.0, "lambd": 0.01, "alpha": 0.5, "weight_decay": 0.05}, True),
    ("rprop", torch.optim.Rprop, {}, False),
    ("rprop-options", torch.optim.Rprop, {"lr": 0.001, "etas": (0.3, 1.5), "step_sizes": (1e-4, 0.5)}, False),
]

# maximize=True on every optimizer that offers it, climbing -f on two problems
MAXIMIZE_PROBLEMS = ["rosenbrock", "gradient-sequence"]
CASES += [
    ("momentum-maximize", torch.optim.SGD, {"momentum": 0.9, "weight_decay": 0.05, "maximize": True}, True),
    ("adagrad-maximize", torch.optim.Adagrad, {"maximize": True}, False),
    ("rmsprop-maximize", torch.optim.RMSprop, {"centered": True, "momentum": 0.5, "maximize": True}, False),
    ("adadelta-maximize", torch.optim.Adadelta, {"weight_decay": 0.1, "maximize": True}, False),
    ("adam-maximize", torch.optim.Adam, {"weight_decay": 0.1, "lr": 0.01, "maximize": True}, False),
    ("adamw-maximize", torch.optim.AdamW, {"amsgrad": True, "maximize": True}, False),
    ("adamax-maximize", torch.optim.Adamax, {"maximize": True}, False),
    ("nadam-maximize", torch.optim.NAdam, {"maximize": True}, False),
    ("radam-maximize", torch.optim.RAdam, {"maximize": True}, False),
    ("asgd-maximize", torch.optim.ASGD, {"t0": 20.0, "maximize": True}, True),
    ("rprop-maximize", torch.optim.Rprop, {"maximize": True}, False),
]

# Cases re-run with the learning rate halved every 40 steps (torch's StepLR), set before each step.
SCHEDULED = {"momentum", "nesterov", "rmsprop-momentum", "adam", "adagrad-lr-decay", "radam", "asgd", "rprop"}


def run(case, problem_name, scheduled):
    name, cls, options, sgd_family = case
    options = dict(options)
    if sgd_family:
        options["lr"] = PROBLEMS[problem_name][2] if problem_name in PROBLEMS else 0.01
    if problem_name in PROBLEMS:
        function, start, _ = PROBLEMS[problem_name]
        if options.get("maximize"):
            function = (lambda f: lambda p: -f(p))(function)
        sequence = None
    else:
        function, start, sequence = None, [0.3, -1.2, 2.0, 0.0, 5.0, -0.7], gradient_sequence()
    p = torch.tensor(start, requires_grad=True)
    optimizer = cls([p], **options)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=40, gamma=0.5) if scheduled else None
    grads, params, lrs, averaged = [], [], [], []
    for k in range(STEPS):
        optimizer.zero_grad()
        if sequence is None:
            function(p).backward()
        else:
            p.grad = sequence[k].clone()
        grads.append(p.grad.tolist())
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        params.append(p.detach().tolist())
        if cls is torch.optim.ASGD:
            averaged.append(optimizer.state[p]["ax"].tolist())
    flat = [x for row in params for x in row]
    if not all(math.isfinite(x) for x in flat):
        sys.exit(f"{name} on {problem_name} diverged: choose a smaller learning rate")
    json_options = {key: (list(value) if isinstance(value, tuple) else value) for key, value in options.items()}
    case = {
        "name": f"{name}{'-scheduled' if scheduled else ''}/{problem_name}",
        "optimizer": cls.__name__,
        "options": json_options,
        "start": start,
        "lr": lrs,
        "grad": grads,
        "params": params,
    }
    if averaged:
        case["averaged"] = averaged
    return case


def main():
    cases = []
    for case in CASES:
        problems = MAXIMIZE_PROBLEMS if case[2].get("maximize") else list(PROBLEMS) + ["gradient-sequence"]
        for problem_name in problems:
            cases.append(run(case, problem_name, False))
        if case[0] in SCHEDULED:
            cases.append(run(case, "rosenbrock", True))
            cases.append(run(case, "gradient-sequence", True))
    document = {
        "generator": "tools/golden/torch_optimizers.py",
        "torch": torch.__version__,
        "dtype": "float64",
        "steps": STEPS,
        "cases": cases,
    }
    with open(OUT, "w") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {len(cases)} cases x {STEPS} steps to {os.path.relpath(OUT)} (torch {torch.__version__})")


if __name__ == "__main__":
    main()
