"""Golden learning rates from PyTorch's torch.optim.lr_scheduler, for the tests of course.schedule.

Regenerate (deterministic: no randomness, same file every run on the same PyTorch) in the bench
environment (PyTorch 2.15.0 from PyPI, tools/golden/requirements-bench.txt; never CI):

    /tmp/bench-env/bin/python tools/golden/torch_schedules.py

from the repository root. It writes lib/src/test/resources/golden/torch-schedules.json; commit that
file with the script.

Every case drives a real torch.optim.SGD (momentum 0.9, so that OneCycleLR's and CyclicLR's momentum
cycling shows)
on one dummy float64 parameter, in PyTorch's documented order: optimizer.step() then
scheduler.step(). Entry k of "lr" is param_groups[0]["lr"] after k scheduler steps, i.e. the
learning rate the (k+1)-th optimizer step uses; that is step k of the Java schedules (0-based).
Where PyTorch steps per epoch, k is the epoch.

"options" holds exactly the keyword arguments passed to PyTorch; anything absent took PyTorch's
default, so the Java tests also check that the Java defaults equal PyTorch's.

ReduceLROnPlateau is fed the fixed METRICS sequence below (a made-up validation loss with four
plateaus); there "lr" has one more entry than "metrics": lr[0] before any metric, lr[k] after the
k-th metric.
"""
import json
import math
import os
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

warnings.simplefilter("ignore")  # SequentialLR's step(0) and the epoch argument warn; the values are what we want

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "lib", "src", "test", "resources", "golden", "torch-schedules.json")

BASE_LR = 0.1
MOMENTUM = 0.9

# A made-up validation loss: falls, then sits on a plateau with tiny wiggles (below PyTorch's
# default relative threshold of 1e-4 of the best value only some of the time), four times over.
METRICS = [
    0.9683, 0.9367, 0.905, 0.8733, 0.8417, 0.81, 0.7783, 0.7467, 0.715, 0.6833, 0.6517, 0.62,
    0.6203, 0.6198, 0.6204, 0.6199, 0.6202, 0.62, 0.6203, 0.6198, 0.6201, 0.6204, 0.6199, 0.6202,
    0.6203, 0.6198, 0.6204, 0.6199, 0.6025, 0.585, 0.5675, 0.55, 0.5325, 0.515, 0.4975, 0.48,
    0.4803, 0.4798, 0.4804, 0.4799, 0.4802, 0.48, 0.4803, 0.4798, 0.4801, 0.4804, 0.4799, 0.4802,
    0.4803, 0.4798, 0.4804, 0.4799, 0.4802, 0.48, 0.4667, 0.4533, 0.44, 0.4267, 0.4133, 0.4,
    0.4003, 0.3998, 0.4004, 0.3999, 0.4002, 0.4, 0.4003, 0.3998, 0.4001, 0.4004, 0.3999, 0.4002,
    0.4003, 0.3998, 0.4004, 0.3999, 0.4002, 0.4, 0.4003, 0.3998, 0.393, 0.386, 0.379, 0.372,
    0.365, 0.358, 0.351, 0.344, 0.337, 0.33, 0.3303, 0.3298, 0.3301, 0.3304, 0.3299, 0.3302,
    0.3303, 0.3298, 0.3304, 0.3299, 0.3302, 0.33, 0.3303, 0.3298, 0.3301, 0.3304, 0.3299, 0.3302,
    0.3303, 0.3298, 0.3304, 0.3299, 0.3302, 0.33, 0.3303, 0.3298, 0.3301, 0.3304, 0.3299, 0.3302,
]


def new_optimizer(lr=BASE_LR):
    param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    return param, SGD([param], lr=lr, momentum=MOMENTUM)


def optimizer_step(param, opt):
    param.grad = torch.zeros_like(param)
    opt.step()


def run(name, make, steps, lr=BASE_LR, options=None, scheduler=None, record_momentum=False):
    """Builds the scheduler with make(optimizer) and records lr (and momentum) for steps 0..steps-1."""
    param, opt = new_optimizer(lr)
    sched = make(opt)
    group = opt.param_groups[0]
    lrs, moms = [group["lr"]], [group["momentum"]]
    for _ in range(steps - 1):
        optimizer_step(param, opt)
        sched.step()
        lrs.append(group["lr"])
        moms.append(group["momentum"])
    case = {"name": name, "scheduler": scheduler or name.split("/")[0], "lr0": lr,
            "options": options or {}, "steps": steps, "lr": lrs}
    if record_momentum:
        case["momentum"] = moms
    return case


def one_cycle(name, steps, **options):
    return run(name, lambda o: S.OneCycleLR(o, total_steps=steps, **options), steps,
               options=dict(total_steps=steps, **options), scheduler="OneCycleLR", record_momentum=True)


def plateau(name, metrics, lr=BASE_LR, **options):
    param, opt = new_optimizer(lr)
    sched = S.ReduceLROnPlateau(opt, **options)
    group = opt.param_groups[0]
    lrs = [group["lr"]]
    for m in metrics:
        optimizer_step(param, opt)
        sched.step(m)
        lrs.append(group["lr"])
    return {"name": name, "scheduler": "ReduceLROnPlateau", "lr0": lr, "options": options,
            "steps": len(lrs), "metrics": list(metrics), "lr": lrs}


def cases():
    out = []
    # StepLR: lr0 * gamma^(k // step_size)
    out.append(run("StepLR/step_size=30", lambda o: S.StepLR(o, step_size=30), 100,
                   options={"step_size": 30}))
    out.append(run("StepLR/step_size=7,gamma=0.5", lambda o: S.StepLR(o, step_size=7, gamma=0.5), 120,
                   options={"step_size": 7, "gamma": 0.5}))

    # MultiStepLR: lr0 * gamma^(number of milestones <= k)
    out.append(run("MultiStepLR/milestones=[30,80]", lambda o: S.MultiStepLR(o, milestones=[30, 80]), 100,
                   options={"milestones": [30, 80]}))
    out.append(run("MultiStepLR/milestones=[10,25,60,61],gamma=0.3",
                   lambda o: S.MultiStepLR(o, milestones=[10, 25, 60, 61], gamma=0.3), 120,
                   options={"milestones": [10, 25, 60, 61], "gamma": 0.3}))

    # ExponentialLR: lr0 * gamma^k (gamma has no default)
    out.append(run("ExponentialLR/gamma=0.95", lambda o: S.ExponentialLR(o, gamma=0.95), 100,
                   options={"gamma": 0.95}))
    out.append(run("ExponentialLR/gamma=0.5", lambda o: S.ExponentialLR(o, gamma=0.5), 100,
                   options={"gamma": 0.5}))
    out.append(run("ExponentialLR/gamma=0.99,lr=0.3", lambda o: S.ExponentialLR(o, gamma=0.99), 300, lr=0.3,
                   options={"gamma": 0.99}))

    # PolynomialLR: lr0 * (1 - min(k, total_iters) / total_iters)^power
    out.append(run("PolynomialLR/defaults", lambda o: S.PolynomialLR(o), 100))
    out.append(run("PolynomialLR/total_iters=80,power=2", lambda o: S.PolynomialLR(o, total_iters=80, power=2.0),
                   100, options={"total_iters": 80, "power": 2.0}))
    out.append(run("PolynomialLR/total_iters=150,power=0.5",
                   lambda o: S.PolynomialLR(o, total_iters=150, power=0.5), 200,
                   options={"total_iters": 150, "power": 0.5}))

    # CosineAnnealingLR, run past T_max to show that it climbs back (period 2 T_max)
    out.append(run("CosineAnnealingLR/T_max=100", lambda o: S.CosineAnnealingLR(o, T_max=100), 250,
                   options={"T_max": 100}))
    out.append(run("CosineAnnealingLR/T_max=40,eta_min=0.001",
                   lambda o: S.CosineAnnealingLR(o, T_max=40, eta_min=0.001), 130,
                   options={"T_max": 40, "eta_min": 0.001}))

    # CosineAnnealingWarmRestarts
    out.append(run("CosineAnnealingWarmRestarts/T_0=10", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10), 100,
                   options={"T_0": 10}))
    out.append(run("CosineAnnealingWarmRestarts/T_0=5,T_mult=2,eta_min=0.0005",
                   lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.0005), 160,
                   options={"T_0": 5, "T_mult": 2, "eta_min": 0.0005}))
    out.append(run("CosineAnnealingWarmRestarts/T_0=3,T_mult=3",
                   lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=3), 130,
                   options={"T_0": 3, "T_mult": 3}))

    # LinearLR: lr0 * (start + (end - start) * min(k, total_iters) / total_iters)
    out.append(run("LinearLR/defaults", lambda o: S.LinearLR(o), 100))
    out.append(run("LinearLR/start_factor=0.1,total_iters=20",
                   lambda o: S.LinearLR(o, start_factor=0.1, total_iters=20), 100,
                   options={"start_factor": 0.1, "total_iters": 20}))
    out.append(run("LinearLR/start_factor=1,end_factor=0.2,total_iters=50",
                   lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.2, total_iters=50), 100,
                   options={"start_factor": 1.0, "end_factor": 0.2, "total_iters": 50}))

    # Linear warm-up wrapped around another schedule, the two ways PyTorch composes them.
    # ChainedScheduler multiplies the factors: lr0 * linear(k) * inner(k) / lr0.
    out.append(run("ChainedScheduler/LinearLR(0.1,10)+ExponentialLR(0.97)",
                   lambda o: S.ChainedScheduler([S.LinearLR(o, start_factor=0.1, total_iters=10),
                                                 S.ExponentialLR(o, gamma=0.97)]), 100,
                   options={"linear": {"start_factor": 0.1, "total_iters": 10},
                            "inner": "ExponentialLR", "inner_options": {"gamma": 0.97}}))
    # (the chained cosine multiplies except on the step after each minimum, where it adds
    # (lr0 - eta_min)(1 - cos(pi/T_max))/2; that is still lr0 * f(k) * cosine(k) once the warm-up is over)
    out.append(run("ChainedScheduler/LinearLR(0.25,8)+CosineAnnealingLR(120)",
                   lambda o: S.ChainedScheduler([S.LinearLR(o, start_factor=0.25, total_iters=8),
                                                 S.CosineAnnealingLR(o, T_max=120)]), 200,
                   options={"linear": {"start_factor": 0.25, "total_iters": 8},
                            "inner": "CosineAnnealingLR", "inner_options": {"T_max": 120}}))
    # SequentialLR runs the warm-up, then the inner schedule from its own step 0.
    out.append(run("SequentialLR/LinearLR(0.1,10)+CosineAnnealingLR(90,1e-4)",
                   lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=10),
                                                S.CosineAnnealingLR(o, T_max=90, eta_min=1e-4)],
                                            milestones=[10]), 110,
                   options={"linear": {"start_factor": 0.1, "total_iters": 10}, "milestone": 10,
                            "inner": "CosineAnnealingLR", "inner_options": {"T_max": 90, "eta_min": 1e-4}}))
    out.append(run("SequentialLR/LinearLR(defaults)+StepLR(20,0.5)",
                   lambda o: S.SequentialLR(o, [S.LinearLR(o), S.StepLR(o, step_size=20, gamma=0.5)],
                                            milestones=[5]), 100,
                   options={"linear": {}, "milestone": 5,
                            "inner": "StepLR", "inner_options": {"step_size": 20, "gamma": 0.5}}))

    # OneCycleLR, with its momentum cycling (SGD momentum)
    out.append(one_cycle("OneCycleLR/defaults", 100, max_lr=0.1))
    out.append(one_cycle("OneCycleLR/linear,pct_start=0.25,div=10,final_div=100", 150, max_lr=0.5,
                         anneal_strategy="linear", pct_start=0.25, div_factor=10.0, final_div_factor=100.0))
    out.append(one_cycle("OneCycleLR/three_phase", 120, max_lr=0.1, three_phase=True))
    out.append(one_cycle("OneCycleLR/three_phase,linear,pct_start=0.4,momentum=0.8..0.9", 101, max_lr=0.2,
                         three_phase=True, anneal_strategy="linear", pct_start=0.4,
                         base_momentum=0.8, max_momentum=0.9))
    out.append(one_cycle("OneCycleLR/cos,pct_start=0.123", 137, max_lr=1.0, pct_start=0.123,
                         div_factor=5.0, final_div_factor=1e3))

    # ConstantLR: lr0 * factor for k < total_iters, then lr0
    out.append(run("ConstantLR/defaults", lambda o: S.ConstantLR(o), 100))
    out.append(run("ConstantLR/factor=0.5,total_iters=40", lambda o: S.ConstantLR(o, factor=0.5, total_iters=40), 100,
                   options={"factor": 0.5, "total_iters": 40}))

    # MultiplicativeLR: lr_k = lr_{k-1} * f(k); "factors" records f(1), f(2), ... for the Java side
    for name, f, steps in [("MultiplicativeLR/0.95", lambda k: 0.95, 100),
                           ("MultiplicativeLR/0.5 every 10th step, else 1.01", lambda k: 0.5 if k % 10 == 0 else 1.01, 120)]:
        case = run(name, lambda o, f=f: S.MultiplicativeLR(o, lr_lambda=f), steps)
        case["factors"] = [f(k) for k in range(1, steps)]
        out.append(case)

    # CyclicLR (sets the rate itself from base_lr), with its momentum cycling (SGD momentum)
    def cyclic(name, steps, **options):
        return run(name, lambda o: S.CyclicLR(o, **options), steps, options=options, scheduler="CyclicLR",
                   record_momentum=True)
    out.append(cyclic("CyclicLR/triangular,up=10", 100, base_lr=0.01, max_lr=0.1, step_size_up=10))
    out.append(cyclic("CyclicLR/triangular2,up=8,down=12", 130, base_lr=0.001, max_lr=0.05, step_size_up=8,
                      step_size_down=12, mode="triangular2"))
    out.append(cyclic("CyclicLR/exp_range,gamma=0.99,up=15,momentum=0.85..0.95", 120, base_lr=0.01, max_lr=0.2,
                      step_size_up=15, mode="exp_range", gamma=0.99, base_momentum=0.85, max_momentum=0.95))
    out.append(cyclic("CyclicLR/triangular,up=7,down=3,no momentum cycling", 100, base_lr=0.02, max_lr=0.06,
                      step_size_up=7, step_size_down=3, cycle_momentum=False))

    # ReduceLROnPlateau, fed METRICS (or a transform of it)
    out.append(plateau("ReduceLROnPlateau/defaults", METRICS))
    out.append(plateau("ReduceLROnPlateau/abs,patience=3,cooldown=4,factor=0.5,min_lr=0.01", METRICS,
                       factor=0.5, patience=3, threshold=0.01, threshold_mode="abs", cooldown=4, min_lr=0.01))
    # 'max' mode on a negative metric: with threshold_mode 'rel', best*(1+threshold) lies *below* a
    # negative best, so slightly worse values count as improvements.
    out.append(plateau("ReduceLROnPlateau/max,rel,negative metric,patience=2,cooldown=2,factor=0.3",
                       [-m for m in METRICS], mode="max", patience=2, cooldown=2, factor=0.3, threshold=1e-3))
    # 'max' mode on an accuracy-like metric, tiny lr: eps stops the reductions at 1e-8
    out.append(plateau("ReduceLROnPlateau/max,abs,patience=1,eps", [1 - m for m in METRICS], lr=1e-6,
                       mode="max", patience=1, threshold=0.001, threshold_mode="abs"))
    return out


def main():
    data = {
        "generator": "tools/golden/torch_schedules.py",
        "torch_version": torch.__version__,
        "note": "lr[k]: the learning rate after k scheduler steps (k metrics for ReduceLROnPlateau)",
        "cases": cases(),
    }
    for case in data["cases"]:
        assert all(math.isfinite(v) for v in case["lr"]), case["name"]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", len(data["cases"]), "cases to", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
