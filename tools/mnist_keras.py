#!/usr/bin/env python3
"""The source chapter's MNIST experiment in its own framework: Keras 3 (JAX backend, CPU), the reference
every DL4J number of lesson 11 is compared with.

The chapter's network (Conv2D 32 3x3 ReLU, MaxPool 2x2, Dropout 0.25, Flatten, Dense 256 ReLU, Dropout
0.5, Dense 10 softmax; Keras's default initializers: Glorot uniform weights, zero biases), categorical
cross-entropy, batch 64, 10 epochs, pixels in [0, 1], validation on the 10,000 test images, and each of
the five optimizers with Keras's own defaults (the optimizer built by name, as the chapter's
`model.compile(optimizer=name)` does). Seeded (keras.utils.set_random_seed) before each optimizer's run.
Every finished epoch is appended at once to the CSV (train and validation loss and accuracy as Keras's
fit reports them, seconds of the epoch's training and of its validation), with the versions and the
machine; a run that is interrupted continues with the first optimizer the file does not finish.

Needs the bench environment (tools/golden/requirements-bench.txt: Keras 3.15.1, JAX 0.10.2; never the
course's .venv, never CI) and the MNIST files of bin/course data:
    .venv.bench/bin/python tools/mnist_keras.py --out data/results/mnist-keras3.csv
    ... --optimizers adam --epochs 1 --limit 6400     # a short run
    ... --time --json --threads 1 --steps 60           # time training steps as bin/course bench does

--time times single training steps instead (Adam with Keras's defaults, batches in memory, each step one
train_on_batch: forward, loss, backward and the update, compiled by XLA once; tools/peer_timing.py's
threads and clocks) and prints one JSON object with --json: the Keras 3 side of bin/course bench
--mnist-vs-peers.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np  # noqa: E402
import keras  # noqa: E402

import mnist_idx  # noqa: E402
import peer_timing  # noqa: E402

SOURCE_OPTIMIZERS = ["adadelta", "adagrad", "adam", "rmsprop", "sgd"]
FIELDS = ["optimizer", "keras_optimizer", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy",
          "seconds", "eval_seconds", "steps", "keras", "backend", "jax", "numpy", "machine", "finished"]


def read_idx(directory, name, magic, dims):
    shape, body = mnist_idx.read_idx(directory, name, magic, dims, "mnist_keras")
    return np.frombuffer(body, dtype=np.uint8).reshape(shape)


def load(directory, prefix, limit=None):
    images = read_idx(directory, f"{prefix}-images-idx3-ubyte", 0x803, 3)
    labels = read_idx(directory, f"{prefix}-labels-idx1-ubyte", 0x801, 1)
    if limit:
        images, labels = images[:limit], labels[:limit]
    return (images.astype("float32") / 255.0)[..., None], keras.utils.to_categorical(labels, 10)


def network():
    return keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(32, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Dropout(0.25),
        keras.layers.Flatten(),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ])


def machine():
    cores = os.cpu_count()
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{model}, {cores} cores, {platform.system()}"


def finished_epochs(out):
    done = {}
    if os.path.exists(out):
        with open(out, newline="") as f:
            for row in csv.DictReader(f):
                done[row["optimizer"]] = max(done.get(row["optimizer"], 0), int(row["epoch"]))
    return done


class EpochWriter(keras.callbacks.Callback):
    """Appends each finished epoch to the CSV at once, with the seconds of training and of validation."""

    def __init__(self, out, name, optimizer, steps):
        super().__init__()
        self.out, self.name, self.optimizer_config, self.steps = out, name, optimizer, steps

    def on_epoch_begin(self, epoch, logs=None):
        self.started = time.time()

    def on_test_begin(self, logs=None):
        self.trained = time.time() - self.started
        self.evaluating = time.time()

    def on_epoch_end(self, epoch, logs=None):
        eval_seconds = time.time() - self.evaluating
        row = {"optimizer": self.name, "keras_optimizer": self.optimizer_config, "epoch": epoch + 1,
               "train_loss": logs["loss"], "train_accuracy": logs["accuracy"], "val_loss": logs["val_loss"],
               "val_accuracy": logs["val_accuracy"], "seconds": round(self.trained, 3),
               "eval_seconds": round(eval_seconds, 3), "steps": self.steps, "keras": keras.__version__,
               "backend": keras.backend.backend(), "jax": version("jax"), "numpy": np.__version__,
               "machine": machine(), "finished": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        new = not os.path.exists(self.out)
        with open(self.out, "a", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=FIELDS)
            if new:
                writer.writeheader()
            writer.writerow(row)
        print(f"{self.name} epoch {epoch + 1}: train {logs['loss']:.4f} / {logs['accuracy']:.4f}, "
              f"validation {logs['val_loss']:.4f} / {logs['val_accuracy']:.4f}, {self.trained:.1f} s "
              f"({1000 * self.trained / self.steps:.1f} ms/step)", flush=True)


def version(package):
    try:
        return __import__(package).__version__
    except ImportError:
        return ""


def time_steps(args):
    """The --time mode: one JSON object (or a short report) of Keras 3's time per training step."""
    threads = peer_timing.limit_threads(args.threads)
    if threads == 1:
        # XLA's CPU client otherwise runs an intra-op pool as wide as the CPUs it was allowed at start
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                                   " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
    keras.utils.set_random_seed(args.seed)
    x_train, y_train = load(args.data, "train", args.limit)
    order = np.random.default_rng(args.seed).permutation(len(x_train))
    batches = [(x_train[order[i:i + 64]], y_train[order[i:i + 64]]) for i in range(0, len(x_train), 64)]
    model = network()
    model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy")

    def step(k):
        x, y = batches[k % len(batches)]
        return float(model.train_on_batch(x, y))  # float() waits for XLA's asynchronous result

    timed = peer_timing.time_steps(step, args.warmup, args.steps)
    result = {"framework": f"Keras {keras.__version__} ({keras.backend.backend()} {version(keras.backend.backend())})",
              "threads": threads, "blas": "XLA's own CPU kernels (Eigen)", "fast_blas": True, **timed,
              "epoch_seconds_estimate": timed["ms_per_step_median"] * 938 / 1000}
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value:.4g}" if isinstance(value, float) else f"{key:>24}: {value}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time", action="store_true", help="time training steps instead of the sweep")
    parser.add_argument("--json", action="store_true", help="--time: print one JSON object")
    parser.add_argument("--threads", type=int, default=1, help="--time: CPUs to run on")
    parser.add_argument("--steps", type=int, default=60, help="--time: timed steps (after --warmup)")
    parser.add_argument("--warmup", type=int, default=10, help="--time: untimed steps first (the first compiles)")
    parser.add_argument("--out", help="the CSV to append epochs to (the sweep)")
    parser.add_argument("--optimizers", default=",".join(SOURCE_OPTIMIZERS))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training images")
    parser.add_argument("--data", default=os.environ.get("COURSE_MNIST_DIR") or
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "mnist"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.time:
        return time_steps(args)
    if not args.out:
        parser.error("--out is required (the CSV to append epochs to), unless --time")
    unknown = [o for o in args.optimizers.split(",") if o not in SOURCE_OPTIMIZERS]
    if unknown:
        sys.exit(f"mnist_keras: unknown optimizer {unknown}: choose from {','.join(SOURCE_OPTIMIZERS)}")
    keras.config.set_floatx("float32")
    x_train, y_train = load(args.data, "train", args.limit)
    x_test, y_test = load(args.data, "t10k")
    steps = -(-len(x_train) // 64)
    done = finished_epochs(args.out)
    for name in args.optimizers.split(","):
        if done.get(name, 0) >= args.epochs:
            print(f"{name}: {done[name]} epochs already in {args.out}", flush=True)
            continue
        if done.get(name, 0):
            sys.exit(f"mnist_keras: {args.out} has {done[name]} of {args.epochs} epochs of {name}: Keras cannot "
                     f"resume mid-run here; delete that optimizer's rows and run it again")
        keras.utils.set_random_seed(args.seed)
        model = network()
        optimizer = keras.optimizers.get(name)
        config = f"{type(optimizer).__name__}(learning_rate={float(optimizer.learning_rate):g})"
        model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
        print(f"{name}: {config}, {model.count_params():,} parameters, {steps} steps per epoch", flush=True)
        model.fit(x_train, y_train, batch_size=64, epochs=args.epochs, validation_data=(x_test, y_test),
                  shuffle=True, verbose=0, callbacks=[EpochWriter(args.out, name, config, steps)])


if __name__ == "__main__":
    main()
